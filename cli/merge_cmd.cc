// newsgraph merge: combines graph databases built separately (on other
// machines, by other people) into one. Each input document is read back as
// an analysis and added to the output as build would add it: documents are
// keyed by content hash (one in both is kept once), entities are merged by
// id and by graph::EntityResolver (aliases, surnames), and mentions,
// relations and sentences get the output's row ids. Everything is one
// transaction: a failure leaves OUT.db as it was (or absent). Either side
// may be a PostgreSQL URI: `merge postgresql://... local.db` loads a SQLite
// store into PostgreSQL, `merge out.db postgresql://...` the other way;
// document and entity ids are kept. The work is io::Builder's.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "store/builder.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct MergeOptions {
  std::string out;
  std::vector<std::string> inputs;
  bool quiet = false;
};

// Removes a SQLite file merge created and could not complete.
void RemoveSqlite(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::remove(path, ec);
  fs::remove(path + "-wal", ec);
  fs::remove(path + "-shm", ec);
  fs::remove(path + "-journal", ec);
}

int RunMerge(const MergeOptions& o) {
  namespace fs = std::filesystem;
  for (const auto& in : o.inputs) {
    std::error_code ec;
    if (in == o.out || (!io::IsPostgresUri(in) && !io::IsPostgresUri(o.out) && fs::equivalent(in, o.out, ec))) {
      std::fprintf(stderr, "newsgraph merge: %s is both output and input\n", in.c_str());
      return kExitFatal;
    }
  }
  const bool sqlite_out = !io::IsPostgresUri(o.out);
  bool existed = !sqlite_out || fs::exists(o.out);
  // Inputs are checked before the output is touched, each opened and
  // closed in turn (and again, one at a time, to be copied): hundreds of
  // inputs held open at once would run out of file descriptors.
  try {
    for (const auto& in : o.inputs) io::OpenStore(in, io::OpenMode::kReadOnly);
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  std::unique_ptr<io::Store> out;
  try {
    out = io::OpenStore(o.out, io::OpenMode::kCreate);
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  int64_t entities_before = 0;
  io::Builder::Options options;
  options.on_id_conflict = io::IdConflictPolicy::kRename;
  options.batch = io::Store::Batch::kAtomicWrites;
  std::optional<io::Builder> builder;
  try {
    auto before = out->Stats();
    entities_before = before.actors + before.issues;
    builder.emplace(*out, options);
    builder->Begin();
    for (size_t i = 0; i < o.inputs.size(); ++i) {
      auto input = io::OpenStore(o.inputs[i], io::OpenMode::kReadOnly);
      for (const auto& id : input->DocumentIds()) {
        auto a = input->LoadAnalysis(id);
        if (!a) continue;
        if (a->doc.origin.empty()) a->doc.origin = o.inputs[i] + ":" + id;
        auto step = builder->Add(&*a);
        if (step.status == io::AddStatus::kIdConflict)
          throw io::StoreError(o.inputs[i] + ": document \"" + id + "\" conflicts with " + step.detail);
        if (!step.renamed_from.empty())
          std::fprintf(stderr, "newsgraph: %s: document id \"%s\" is used by different text in %s; added as \"%s\"\n",
                       o.inputs[i].c_str(), step.renamed_from.c_str(), o.out.c_str(), a->doc.id.c_str());
      }
    }
    builder->Finish({{"merged_from", [&] {
                        std::string s;
                        for (const auto& in : o.inputs) s += (s.empty() ? "" : "; ") + in;
                        return s;
                      }()}});
  } catch (const std::exception& e) {
    try {
      if (builder) builder->Abort();
    } catch (const std::exception&) {
    }
    builder.reset();
    out.reset();
    if (!existed) RemoveSqlite(o.out);
    std::fprintf(stderr, "newsgraph: merge failed, %s left %s: %s\n", o.out.c_str(),
                 existed ? "unchanged" : "uncreated", e.what());
    return kExitFatal;
  }
  const io::BuildCounts& c = builder->counts();
  auto st = out->Stats();
  int64_t entities_after = st.actors + st.issues;
  if (!o.quiet)
    std::fprintf(stderr,
                 "merge: read %s: %llu added (%llu under a new id), %llu duplicate; entities %lld -> "
                 "%lld (%llu merged by alias or surname)\n",
                 Count(c.read, "document").c_str(), static_cast<unsigned long long>(c.added),
                 static_cast<unsigned long long>(c.renamed), static_cast<unsigned long long>(c.duplicate),
                 static_cast<long long>(entities_before), static_cast<long long>(entities_after),
                 static_cast<unsigned long long>(c.merged));
  if (c.skipped)
    std::fprintf(stderr, "merge: %s named unknown entities and %s not copied\n",
                 Count(c.skipped, "mention or relation", "mentions or relations").c_str(),
                 c.skipped == 1 ? "was" : "were");
  if (!o.quiet)
    std::printf("%s: %s, %s, %s, %s, %s\n", o.out.c_str(), Count(st.documents, "document").c_str(),
                Count(st.sentences, "sentence").c_str(), Count(st.actors, "actor").c_str(),
                Count(st.issues, "issue").c_str(), Count(st.relations, "relation").c_str());
  return kExitOk;
}

}  // namespace

Runner SetupMerge(CLI::App& app) {
  auto o = std::make_shared<MergeOptions>();
  app.add_option("out", o->out,
                 "database to merge into (created if missing): a SQLite file or a PostgreSQL URI")
      ->required();
  app.add_option("inputs", o->inputs, "databases to merge from (SQLite files or PostgreSQL URIs)")
      ->required()
      ->check(CLI::ExistingFile | CLI::Validator(
                                      [](std::string& s) { return io::IsPostgresUri(s) ? "" : "not a URI"; },
                                      "URI"));
  app.add_flag("-q,--quiet", o->quiet, "print only errors and warnings (no tally, no summary)");
  return [o] { return RunMerge(*o); };
}

}  // namespace newsgraph::cli
