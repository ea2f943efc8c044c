// newsgraph actors: the actor nodes of a store with their mentions and
// relations, most related first; with --suspect, the nodes a person should
// review: likely junk (labels ending in a preposition, one or two letters
// and not a known code, all lower case, digits, a single common word) and
// likely duplicates (the same transliteration key, a lone surname of a
// fuller person, one country's groups with the same agent code).
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "store/store.h"
#include "graph/merge.h"

namespace newsgraph::cli {
namespace {

struct ActorsOptions {
  std::string db = "graph.db";
  size_t limit = 50;
  bool suspect = false;
};

struct Row {
  const graph::Entity* e;
  uint64_t relations = 0;
};

std::string Describe(const Row& r) {
  return r.e->label + " [" + r.e->id + "] " + Count(r.e->mentions, "mention") + ", " +
         Count(r.relations, "relation");
}

int RunActors(const ActorsOptions& o) {
  std::vector<graph::Entity> entities;
  std::vector<graph::Statement> statements;
  try {
    auto store = io::OpenStore(o.db, io::OpenMode::kReadOnly);
    store->LoadGraph(&entities, &statements);
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  std::unordered_map<std::string, uint64_t> relations;
  for (const auto& s : statements) {
    relations[s.subject]++;
    if (s.object != s.subject) relations[s.object]++;
  }
  std::vector<Row> rows;
  for (const auto& e : entities)
    if (e.kind == graph::EntityKind::kActor) rows.push_back({&e, relations[e.id]});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.relations != b.relations) return a.relations > b.relations;
    if (a.e->mentions != b.e->mentions) return a.e->mentions > b.e->mentions;
    return a.e->id < b.e->id;
  });
  if (!o.suspect) {
    size_t n = 0;
    std::printf("%-8s %-8s %-13s %-5s %s\n", "rel", "mentions", "category", "cc", "label");
    for (const auto& r : rows) {
      if (o.limit && n++ >= o.limit) break;
      std::printf("%-8llu %-8u %-13s %-5s %s\n", static_cast<unsigned long long>(r.relations), r.e->mentions,
                  r.e->category.c_str(), r.e->country.c_str(), r.e->label.c_str());
    }
    return kExitOk;
  }
  // Likely junk.
  std::map<std::string, std::vector<const Row*>> junk;
  for (const auto& r : rows) {
    bool known = !r.e->country.empty() || !r.e->code.empty();
    std::string why = graph::SuspectLabel(r.e->label, known);
    if (!why.empty()) junk[why].push_back(&r);
  }
  size_t junk_count = 0;
  for (const auto& [why, list] : junk) junk_count += list.size();
  std::printf("likely junk: %s\n", Count(junk_count, "actor").c_str());
  for (const auto& [why, list] : junk) {
    std::printf("  %s: %zu\n", why.c_str(), list.size());
    size_t n = 0;
    for (const Row* r : list) {
      if (o.limit && n++ >= o.limit) {
        std::printf("    ... %zu more\n", list.size() - o.limit);
        break;
      }
      std::printf("    %s\n", Describe(*r).c_str());
    }
  }
  // Likely duplicates.
  std::vector<std::pair<std::string, std::vector<const Row*>>> groups;
  {
    std::map<std::string, std::vector<const Row*>> by_key;
    for (const auto& r : rows) by_key[graph::FoldKey(r.e->label)].push_back(&r);
    for (auto& [key, list] : by_key)
      if (list.size() > 1) groups.emplace_back("same spelling key \"" + key + "\"", list);
  }
  {
    std::map<std::string, std::vector<const Row*>> full_by_surname;
    for (const auto& r : rows) {
      const std::string& l = r.e->label;
      size_t sp = l.rfind(' ');
      if (r.e->category == "person" && sp != std::string::npos && l.find(" of ") == std::string::npos)
        full_by_surname[graph::FoldKey(l.substr(sp + 1))].push_back(&r);
    }
    for (const auto& r : rows) {
      if (r.e->category != "person" || r.e->label.find(' ') != std::string::npos) continue;
      auto it = full_by_surname.find(graph::FoldKey(r.e->label));
      if (it == full_by_surname.end()) continue;
      std::vector<const Row*> list = {&r};
      list.insert(list.end(), it->second.begin(), it->second.end());
      groups.emplace_back("surname of another person", list);
    }
  }
  {
    std::map<std::string, std::vector<const Row*>> by_code;
    for (const auto& r : rows)
      if (r.e->category == "group" && !r.e->country.empty() && r.e->code.size() > 3)
        by_code[r.e->code].push_back(&r);
    for (auto& [code, list] : by_code)
      if (list.size() > 1) groups.emplace_back("same country and group (" + code + ")", list);
  }
  std::printf("likely duplicates: %s\n", Count(groups.size(), "group").c_str());
  size_t n = 0;
  for (const auto& [why, list] : groups) {
    if (o.limit && n++ >= o.limit) {
      std::printf("  ... %zu more groups\n", groups.size() - o.limit);
      break;
    }
    std::printf("  %s:\n", why.c_str());
    for (const Row* r : list) std::printf("    %s\n", Describe(*r).c_str());
  }
  return kExitOk;
}

}  // namespace

Runner SetupActors(CLI::App& app) {
  auto o = std::make_shared<ActorsOptions>();
  app.add_option("--db", o->db, "graph database")->capture_default_str();
  app.add_option("--limit", o->limit, "at most this many rows (per list with --suspect; 0 = all)")
      ->capture_default_str();
  app.add_flag("--suspect", o->suspect, "list likely junk and likely duplicate actors to review");
  return [o] { return RunActors(*o); };
}

}  // namespace newsgraph::cli
