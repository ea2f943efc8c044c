// newsgraph check: SQLite's full integrity check of a store, its format
// version and its counts, so that a user who suspects a damaged file (a
// disk error, a copy cut short) can find out before trusting its answers.
// Exit 0 when the file is sound, 1 when SQLite finds damage, 2 when it
// cannot be opened at all.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

struct CheckOptions {
  std::string db = "graph.db";
  bool quick = false;
};

int RunCheck(const CheckOptions& o) {
  // The open's own quick check would only repeat what this one says.
  io::SetStoreWarningHandler(nullptr);
  std::unique_ptr<io::Store> store;
  try {
    store = io::OpenStore(o.db, io::OpenMode::kReadOnly);
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph check: %s\n", e.what());
    return kExitFatal;
  }
  auto meta = store->Meta();
  auto get = [&](const char* k) {
    auto it = meta.find(k);
    return it == meta.end() ? std::string("?") : it->second;
  };
  std::printf("%s: newsgraph store, format version %s (created by newsgraph %s)\n", o.db.c_str(),
              get("format_version").c_str(), get("created_by_version").c_str());
  const int kMaxProblems = 20;
  auto problems = store->CheckIntegrity(o.quick, kMaxProblems);
  // PostgreSQL checks its own pages (data checksums; amcheck where
  // installed): what is checked here is that the schema answers.
  const char* which = io::IsPostgresUri(o.db) ? "schema and counts" : o.quick ? "quick_check" : "integrity_check";
  if (problems.empty()) {
    try {
      auto st = store->Stats();
      std::printf("%s: %s, %s, %s, %s, %s, %s\n", o.db.c_str(), Count(st.documents, "document").c_str(),
                  Count(st.sentences, "sentence").c_str(), Count(st.actors, "actor").c_str(),
                  Count(st.issues, "issue").c_str(), Count(st.mentions, "mention").c_str(),
                  Count(st.relations, "relation").c_str());
    } catch (const io::StoreError& e) {
      problems.push_back(e.what());
    }
  }
  if (problems.empty()) {
    std::printf("%s: %s: ok\n", o.db.c_str(), which);
    return kExitOk;
  }
  for (const auto& p : problems) std::fprintf(stderr, "newsgraph check: %s: %s\n", o.db.c_str(), p.c_str());
  std::fprintf(stderr,
               "newsgraph check: %s is damaged (%s%s found by %s). Rebuild it from the articles, or try "
               "`sqlite3 %s .recover | sqlite3 recovered.db` and check that\n",
               o.db.c_str(), Count(problems.size(), "problem").c_str(),
               problems.size() >= static_cast<size_t>(kMaxProblems) ? " or more" : "", which, o.db.c_str());
  return kExitSomeRejected;
}

}  // namespace

Runner SetupCheck(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  app.add_option("--db", o->db, "graph database to check")->capture_default_str();
  app.add_flag("--quick", o->quick,
               "SQLite's quick_check only (pages and records, not indexes against tables): faster on a large file");
  return [o] { return RunCheck(*o); };
}

}  // namespace newsgraph::cli
