// store_bench: the cost of build's store side alone. Extracts a corpus once
// into memory (not timed as store), then writes it into a new SQLite
// database the way `newsgraph build` does (EntityResolver, MergeEntity,
// AddDocument, one transaction, Commit) and times each phase in CPU seconds
// of this thread and wall seconds. Not a test; see bench/README.md.
//
//   store_bench --db /tmp/s.db [--no-resolve] [--summary] corpus.jsonl
//
// Keep the corpus small enough for its analyses to fit in memory (10 MB of
// text is about 0.3 GB of analyses).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "store/store.h"
#include "extract/extractor.h"
#include "extract/reader.h"
#include "graph/graph.h"
#include "graph/merge.h"

namespace {

double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
double Wall() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph;
  std::string db, corpus;
  bool resolve = true, summary = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) db = argv[++i];
    else if (a == "--no-resolve") resolve = false;
    else if (a == "--summary") summary = true;
    else corpus = a;
  }
  if (db.empty() || corpus.empty()) {
    std::fprintf(stderr, "usage: store_bench --db PATH [--no-resolve] [--summary] corpus.jsonl\n");
    return 2;
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db + suffix);
  std::string error;
  auto x = extract::Extractor::Load({}, &error);
  if (!x) {
    std::fprintf(stderr, "store_bench: %s\n", error.c_str());
    return 1;
  }
  std::vector<graph::DocumentAnalysis> analyses;
  uint64_t bytes = 0;
  double c0 = ThreadCpu();
  extract::DocumentReader reader;
  reader.Read(
      {corpus},
      [&](graph::Document&& d) {
        bytes += d.text.size();
        analyses.push_back(x->Analyze(std::move(d)));
      },
      [](const extract::Diagnostic&) {});
  double extract_cpu = ThreadCpu() - c0;
  double mb = bytes / 1e6;
  std::printf("%zu documents, %.2f MB of text; extract %.2f CPU s (%.2f MB/CPU-s)\n", analyses.size(), mb,
              extract_cpu, mb / extract_cpu);
  try {
    double w0 = Wall();
    c0 = ThreadCpu();
    auto store = io::OpenSqliteStore(db, io::OpenMode::kCreate);
    graph::EntityResolver resolver;
    for (const auto& e : store->Entities()) resolver.Add(e);
    store->Begin(io::Store::Batch::kAllOrNothing);  // as build does
    double resolve_cpu = 0;
    for (auto& a : analyses) {
      if (resolve) {
        double r0 = ThreadCpu();
        auto merges = resolver.Resolve(&a);
        resolve_cpu += ThreadCpu() - r0;
        for (const auto& [from, into] : merges) store->MergeEntity(from, into);
      }
      store->AddDocument(a);
    }
    double c1 = ThreadCpu(), w1 = Wall();
    store->Commit();
    double c2 = ThreadCpu(), w2 = Wall();
    std::printf("insert %.2f CPU s (resolver %.2f) %.2f wall s; commit %.2f CPU s %.2f wall s; "
                "together %.1f MB/CPU-s\n",
                c1 - c0, resolve_cpu, w1 - w0, c2 - c1, w2 - w1, mb / (c2 - c0));
    if (summary) {
      auto st = store->Stats();
      std::vector<graph::Entity> entities;
      std::vector<graph::Statement> statements;
      store->LoadGraph(&entities, &statements);
      auto g = graph::Graph::Build(std::move(entities), statements);
      double c3 = ThreadCpu(), w3 = Wall();
      std::printf("summary (Stats, LoadGraph, Graph::Build: %lld documents, %zu statements) %.2f CPU s %.2f wall s\n",
                  static_cast<long long>(st.documents), statements.size(), c3 - c2, w3 - w2);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "store_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
