// newsgraph build: documents in, a graph database out (or added to).
// Into SQLite everything one run writes is one transaction: an interrupted
// or failed build leaves the database as it was. Into PostgreSQL, where
// other builders write at the same time, every --commit-every documents
// are committed (docs/scaling.md). The work itself is io::Builder's.
#include <algorithm>
#include <csignal>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/progress.h"
#include "store/builder.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

// SIGINT/SIGTERM during a build: stop after the current document, roll
// back, exit 128 + signal. SA_RESETHAND: a second signal kills at once, and
// SQLite discards the unfinished transaction when the database is next
// opened. Either way the database is as it was before the run.
volatile std::sig_atomic_t g_stop_signal = 0;
void OnStopSignal(int sig) { g_stop_signal = sig; }
struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted") {}
};
void CatchStopSignals() {
  struct sigaction sa = {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

struct BuildOptions {
  ExtractFlags common;
  std::string db = "graph.db";
  int top = 5;
  int commit_every = -1;  // -1: the store's default (io::DefaultCommitEvery)
};

void PrintSummary(io::Store& store, const BuildOptions& o, uint64_t added, uint64_t unchanged) {
  auto st = store.Stats();
  std::printf("%s: %s (%llu new, %llu already there), %s, %s, %s, %s\n", o.db.c_str(),
              Count(st.documents, "document").c_str(), static_cast<unsigned long long>(added),
              static_cast<unsigned long long>(unchanged), Count(st.sentences, "sentence").c_str(),
              Count(st.actors, "actor").c_str(), Count(st.issues, "issue").c_str(),
              Count(st.relations, "relation").c_str());
  if (o.top <= 0) return;
  // The heaviest edges, ties in (subject, object, class, polarity) order:
  // what sorting graph::Graph's edges would give, aggregated by SQLite on
  // its relations_edge index instead of loading every statement (which
  // grows with the corpus, not the graph).
  io::RelationFilter filter;
  filter.limit = static_cast<size_t>(o.top);
  filter.dates = false;
  auto edges = store.Edges(filter);
  if (edges.empty()) return;
  std::vector<std::string> ids;
  for (const auto& e : edges) {
    ids.push_back(e.subject);
    ids.push_back(e.object);
  }
  std::map<std::string, std::string> label;
  for (auto& e : store.EntitiesByIds(ids)) label[e.id] = std::move(e.label);
  std::printf("top relations:\n");
  for (const auto& e : edges) {
    std::printf("  %-24s %-10s %-2s %-32s weight %u\n", label[e.subject].c_str(), e.cls.c_str(),
                e.polarity > 0 ? "+" : e.polarity < 0 ? "-" : "0", label[e.object].c_str(), e.weight);
  }
}

int Run(const BuildOptions& o) {
  extract::ReaderOptions reader_options;
  if (!ReaderOptionsFromFlags(o.common, &reader_options)) return kExitFatal;
  UserDictionaries dictionaries;
  auto extractor = LoadExtractor(o.common, &dictionaries);
  if (!extractor) return kExitFatal;
  std::unique_ptr<io::Store> store;
  io::Builder::Options options;
  options.commit_every = o.commit_every >= 0 ? static_cast<size_t>(o.commit_every) : io::DefaultCommitEvery(o.db);
  std::optional<io::Builder> builder;
  try {
    store = io::OpenStore(o.db, io::OpenMode::kCreate);
    // Writing into a damaged file spreads the damage: SQLite's quick check
    // first (about 1.5 ms per MB of store when cached, more from disk).
    auto problems = store->CheckIntegrity(/*quick=*/true, 3);
    if (!problems.empty()) {
      std::string list;
      for (const auto& p : problems) list += (list.empty() ? "" : "; ") + p;
      std::fprintf(stderr,
                   "newsgraph: %s is damaged (SQLite's quick_check: %s); nothing was written. `newsgraph check "
                   "--db %s` says more; build into a new file, or recover this one with `sqlite3 %s .recover`\n",
                   o.db.c_str(), list.c_str(), o.db.c_str(), o.db.c_str());
      return kExitFatal;
    }
    builder.emplace(*store, options);
    builder->Begin();
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  // What an interrupted or failed run leaves: nothing when the run is one
  // transaction, the committed documents otherwise.
  const std::string left = options.commit_every == 0
                               ? o.db + " left unchanged"
                               : o.db + " keeps the documents committed so far";
  reader_options.stop_requested = [] { return g_stop_signal != 0; };
  reader_options.hash = false;  // AnalyzeAll hashes on its workers
  extract::DocumentReader reader(reader_options);
  CatchStopSignals();
  Progress progress(o.common.inputs, !o.common.quiet, "build");
  try {
    AnalyzeAll(
        *extractor, reader, o.common.inputs, o.common.jobs,
        [&](Analyzed& a) { dictionaries.PostProcess(&a.analysis); },
        [&](Analyzed&& analyzed) {
          if (g_stop_signal) throw Interrupted();
          graph::DocumentAnalysis& a = analyzed.analysis;
          progress.Add(a.doc.text.size());
          auto step = builder->Add(&a);
          if (step.status == io::AddStatus::kIdConflict) {
            progress.Clear();
            PrintDiagnostic({a.doc.origin, "document id \"" + a.doc.id +
                                               "\" is already used by different text (" + step.detail + ")",
                             true});
          }
        },
        [&](const extract::Diagnostic& d) {
          progress.Clear();
          PrintDiagnostic(d);
        });
    progress.Finish();
    if (g_stop_signal) throw Interrupted();
    std::string lexicons;
    for (const auto& v : extractor->lexicon_versions()) lexicons += (lexicons.empty() ? "" : "; ") + v;
    for (const auto& r : dictionaries.reports)
      if (r.kind != "actors" && r.kind != "verbs") lexicons += (lexicons.empty() ? "" : "; ") + r.path + " (PETRARCH " + r.kind + ")";
    builder->Finish({{"tool_version", NEWSGRAPH_VERSION}, {"lexicons", lexicons}});
  } catch (const Interrupted&) {
    builder->Abort();
    std::fprintf(stderr,
                 "newsgraph: build interrupted by %s, %s; run the same build again to "
                 "complete it\n",
                 g_stop_signal == SIGTERM ? "SIGTERM" : "SIGINT", left.c_str());
    return 128 + g_stop_signal;
  } catch (const std::exception& e) {
    try {
      builder->Abort();
    } catch (const std::exception&) {
    }
    std::fprintf(stderr, "newsgraph: build failed, %s: %s\n", left.c_str(), e.what());
    return kExitFatal;
  }
  const io::BuildCounts& counts = builder->counts();
  extract::ReadTally tally = reader.tally();
  tally.accepted -= counts.conflicts;
  tally.rejected += counts.conflicts;
  // -q: nothing on success but warnings; the tally only when documents were rejected.
  if (!o.common.quiet || tally.rejected) PrintTally(tally, "build");
  if (!o.common.quiet) PrintDictionaryTally(dictionaries, "build");
  if (!o.common.quiet) PrintSummary(*store, o, counts.added, counts.duplicate);
  return tally.rejected ? kExitSomeRejected : kExitOk;
}

}  // namespace

Runner SetupBuild(CLI::App& app) {
  auto o = std::make_shared<BuildOptions>();
  AddExtractFlags(app, &o->common);
  app.add_option("--db", o->db,
                 "database to create or add to: a SQLite file, or a PostgreSQL URI "
                 "(postgresql://user@host/db; password from PGPASSWORD or ~/.pgpass)")
      ->capture_default_str();
  app.add_option("--commit-every", o->commit_every,
                 "documents per transaction (0: the whole run in one; default 0 for SQLite, 1 for "
                 "PostgreSQL)");
  app.add_option("--top", o->top, "relations to list in the summary")->capture_default_str();
  return [o] { return Run(*o); };
}

}  // namespace newsgraph::cli
