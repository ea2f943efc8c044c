// newsgraph alias: curation of actor nodes in an existing store. `alias
// --db X NAME TARGET` merges the node NAME names into TARGET's node (its
// mentions, relations, evidence and aliases move) and records the alias in
// the store (curated_aliases), so that later builds into the same database
// resolve NAME to TARGET; `alias --db X --undo NAME` puts the node back as
// recorded; `alias --db X --list` prints the curated aliases.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "store/store.h"
#include "graph/merge.h"

namespace newsgraph::cli {
namespace {

struct AliasOptions {
  std::string db = "graph.db";
  std::string name, target;
  bool undo = false, list = false;
};

// The one actor a name means: an id, else the entity whose label (folded)
// is the name, else the only (or most mentioned, when it is far ahead)
// entity with that name as label or alias. not_id: an entity to leave out
// (the other side of the alias). Empty id with *error when none or unclear.
graph::Entity Pick(io::Store& store, const std::string& name, const std::string& not_id, std::string* error) {
  if (name.find(':') != std::string::npos) {
    auto exact = store.EntitiesByIds({name});
    if (exact.size() == 1) return exact[0];
  }
  auto found = store.FindEntities(name);
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const graph::Entity& e) { return e.id == not_id || e.kind != graph::EntityKind::kActor; }),
              found.end());
  std::string key = graph::FoldKey(name);
  for (const auto& e : found)
    if (graph::FoldKey(e.label) == key) return e;
  if (found.size() == 1) return found[0];
  if (found.empty()) {
    *error = "no actor named \"" + name + "\"";
  } else {
    *error = "\"" + name + "\" names " + Count(found.size(), "actor") + "; give one by id:";
    for (const auto& e : found)
      *error += "\n  " + e.id + "  (" + e.label + ", " + Count(e.mentions, "mention") + ")";
  }
  return {};
}

int RunAlias(const AliasOptions& o) {
  try {
    if (o.list) {
      auto store = io::OpenStore(o.db, io::OpenMode::kReadOnly);
      for (const auto& [name, id] : store->CuratedAliases()) std::printf("%s\t%s\n", name.c_str(), id.c_str());
      return kExitOk;
    }
    if (o.name.empty()) {
      std::fprintf(stderr, "newsgraph alias: give NAME TARGET, --undo NAME or --list\n");
      return kExitFatal;
    }
    auto store = io::OpenStore(o.db, io::OpenMode::kReadWrite);
    if (o.undo) {
      if (!o.target.empty()) {
        std::fprintf(stderr, "newsgraph alias: --undo takes only the alias name\n");
        return kExitFatal;
      }
      store->Begin();
      bool done = store->UndoAlias(o.name);
      store->Commit();
      if (!done) {
        std::fprintf(stderr, "newsgraph alias: no curated alias \"%s\" in %s\n", o.name.c_str(), o.db.c_str());
        return kExitSomeRejected;
      }
      std::printf("alias \"%s\" undone\n", o.name.c_str());
      return kExitOk;
    }
    if (o.target.empty()) {
      std::fprintf(stderr, "newsgraph alias: give the TARGET actor too (or --undo)\n");
      return kExitFatal;
    }
    std::string error;
    graph::Entity into = Pick(*store, o.target, "", &error);
    if (into.id.empty()) {
      std::fprintf(stderr, "newsgraph alias: target: %s in %s\n", error.c_str(), o.db.c_str());
      return kExitFatal;
    }
    graph::Entity from = Pick(*store, o.name, into.id, &error);
    if (from.id.empty()) {
      std::fprintf(stderr, "newsgraph alias: %s in %s\n", error.c_str(), o.db.c_str());
      return kExitFatal;
    }
    store->Begin();
    try {
      store->AddAlias(o.name, from.id, into.id);
      store->Commit();
    } catch (...) {
      store->Rollback();
      throw;
    }
    std::printf("%s (%s) merged into %s (%s); undo with: newsgraph alias --db %s --undo '%s'\n", from.label.c_str(),
                from.id.c_str(), into.label.c_str(), into.id.c_str(), o.db.c_str(), o.name.c_str());
    return kExitOk;
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
}

}  // namespace

Runner SetupAlias(CLI::App& app) {
  auto o = std::make_shared<AliasOptions>();
  app.add_option("--db", o->db, "graph database")->capture_default_str();
  app.add_option("name", o->name, "the name (or id) of the node to merge, or of the alias to undo");
  app.add_option("target", o->target, "the name (or id) of the node it means");
  app.add_flag("--undo", o->undo, "undo the alias recorded under NAME");
  app.add_flag("--list", o->list, "print the curated aliases");
  return [o] { return RunAlias(*o); };
}

}  // namespace newsgraph::cli
