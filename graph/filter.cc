// FilterGraph: select statements and entities, then build the graph from
// what is left, so every aggregate is recomputed rather than patched.
#include "graph/filter.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace newsgraph::graph {

bool FilterOptions::Active() const {
  return min_weight > 1 || min_mentions > 0 || !from_date.empty() || !to_date.empty() ||
         !classes.empty() || !kinds.empty() || top > 0 || top_issues > 0;
}

bool DateInWindow(const std::string& date, const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return true;
  if (date.empty()) return false;
  // ISO 8601 strings order as dates; comparing the bound's length of the
  // date makes "--to 2024-03" include 2024-03-31.
  if (!from.empty() && date.compare(0, from.size(), from) < 0) return false;
  if (!to.empty() && date.compare(0, to.size(), to) > 0) return false;
  return true;
}

Graph FilterGraph(std::vector<Entity> entities, const std::vector<Statement>& statements,
                  const FilterOptions& o) {
  if (!o.Active()) {
    if (o.keep_isolated) return Graph::Build(std::move(entities), statements);
    std::set<std::string> linked;
    for (const auto& s : statements) {
      linked.insert(s.subject);
      linked.insert(s.object);
    }
    entities.erase(std::remove_if(entities.begin(), entities.end(),
                                  [&](const Entity& e) { return !linked.count(e.id); }),
                   entities.end());
    return Graph::Build(std::move(entities), statements);
  }

  std::map<std::string, const Entity*> nodes;  // entities passing node filters
  for (const auto& e : entities) {
    if (e.mentions < o.min_mentions) continue;
    if (!o.kinds.empty() && std::find(o.kinds.begin(), o.kinds.end(), e.kind) == o.kinds.end())
      continue;
    nodes.emplace(e.id, &e);
  }
  const std::set<std::string> classes(o.classes.begin(), o.classes.end());

  using Key = std::tuple<std::string, std::string, std::string, int>;
  std::vector<const Statement*> kept;
  std::map<Key, uint32_t> weight;
  for (const auto& s : statements) {
    if (!nodes.count(s.subject) || !nodes.count(s.object)) continue;
    if (!classes.empty() && !classes.count(s.cls)) continue;
    if (!DateInWindow(s.date, o.from_date, o.to_date)) continue;
    kept.push_back(&s);
    ++weight[Key{s.subject, s.object, s.cls, s.polarity}];
  }
  auto heavy = [&](const Statement& s) {
    return weight.at(Key{s.subject, s.object, s.cls, s.polarity}) >= o.min_weight;
  };

  if (o.top > 0) {
    struct Degree {
      size_t edges = 0;
      uint64_t weight = 0;
    };
    std::map<std::string, Degree> degree;
    for (const auto& [key, w] : weight) {
      if (w < o.min_weight) continue;
      for (const std::string* id : {&std::get<0>(key), &std::get<1>(key)}) {
        if (nodes.at(*id)->kind != EntityKind::kActor) continue;
        degree[*id].edges++;
        degree[*id].weight += w;
      }
    }
    std::vector<std::string> actors;
    for (const auto& [id, e] : nodes)
      if (e->kind == EntityKind::kActor) actors.push_back(id);
    std::stable_sort(actors.begin(), actors.end(), [&](const std::string& a, const std::string& b) {
      const Degree& da = degree[a];
      const Degree& db = degree[b];
      if (da.edges != db.edges) return da.edges > db.edges;
      if (da.weight != db.weight) return da.weight > db.weight;
      return a < b;
    });
    for (size_t i = o.top; i < actors.size(); ++i) nodes.erase(actors[i]);
  }

  if (o.top_issues > 0) {
    // Statements of the remaining actors about each issue.
    std::map<std::string, uint64_t> load;
    for (const auto& [key, w] : weight) {
      if (w < o.min_weight) continue;
      const std::string& s = std::get<0>(key);
      const std::string& t = std::get<1>(key);
      if (!nodes.count(s) || !nodes.count(t)) continue;
      for (const std::string* id : {&s, &t})
        if (nodes.at(*id)->kind == EntityKind::kIssue) load[*id] += w;
    }
    std::vector<std::string> issues;
    for (const auto& [id, e] : nodes)
      if (e->kind == EntityKind::kIssue) issues.push_back(id);
    std::stable_sort(issues.begin(), issues.end(), [&](const std::string& a, const std::string& b) {
      return load[a] > load[b];  // ids already in order
    });
    for (size_t i = o.top_issues; i < issues.size(); ++i) nodes.erase(issues[i]);
  }

  std::vector<Statement> out_statements;
  std::set<std::string> linked;
  for (const Statement* s : kept) {
    if (!nodes.count(s->subject) || !nodes.count(s->object) || !heavy(*s)) continue;
    out_statements.push_back(*s);
    linked.insert(s->subject);
    linked.insert(s->object);
  }
  std::vector<Entity> out_entities;
  for (auto& e : entities) {
    if (!nodes.count(e.id)) continue;
    if (!o.keep_isolated && !linked.count(e.id)) continue;
    out_entities.push_back(std::move(e));
  }
  return Graph::Build(std::move(out_entities), out_statements);
}

}  // namespace newsgraph::graph
