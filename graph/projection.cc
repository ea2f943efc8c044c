// Projections: select the actor -> issue stance statements, then build the
// derived graph from (relabelled) statements through Graph::Build, so that
// weights, documents, dates, confidence and evidence are aggregated exactly
// as in the relations graph.
#include "graph/projection.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "graph/filter.h"

namespace newsgraph::graph {
namespace {

using EntityMap = std::map<std::string, const Entity*>;

EntityMap Index(const std::vector<Entity>& entities) {
  EntityMap m;
  for (const auto& e : entities) m.emplace(e.id, &e);
  return m;
}

bool IsKind(const EntityMap& m, const std::string& id, EntityKind kind) {
  auto it = m.find(id);
  return it != m.end() && it->second->kind == kind;
}

// Stance statements: subject an actor, object an issue.
std::vector<const Statement*> Stances(const EntityMap& m, const std::vector<Statement>& all) {
  std::vector<const Statement*> out;
  for (const auto& s : all)
    if (IsKind(m, s.subject, EntityKind::kActor) && IsKind(m, s.object, EntityKind::kIssue))
      out.push_back(&s);
  return out;
}

std::vector<Entity> Keep(const std::vector<Entity>& entities, const std::set<std::string>& ids) {
  std::vector<Entity> out;
  for (const auto& e : entities)
    if (ids.count(e.id)) out.push_back(e);
  return out;
}

}  // namespace

std::vector<Statement> StatementsBehind(const Graph& g, const std::vector<Statement>& all,
                                        const std::string& from, const std::string& to) {
  using Key = std::tuple<std::string, std::string, std::string, int>;
  std::set<Key> edges;
  const auto& bg = g.boost();
  for (auto [ei, eend] = boost::edges(bg); ei != eend; ++ei) {
    const EdgeProps& p = g.edge(*ei);
    edges.insert(Key{g.entity(boost::source(*ei, bg)).id, g.entity(boost::target(*ei, bg)).id,
                     p.cls, p.polarity});
  }
  std::vector<Statement> out;
  for (const auto& s : all) {
    if (!edges.count(Key{s.subject, s.object, s.cls, s.polarity})) continue;
    if (!DateInWindow(s.date, from, to)) continue;
    out.push_back(s);
  }
  return out;
}

Projection ProjectActorIssue(const std::vector<Entity>& entities,
                             const std::vector<Statement>& statements, bool keep_isolated) {
  EntityMap m = Index(entities);
  std::vector<Statement> out;
  std::set<std::string> ids;
  for (const Statement* s : Stances(m, statements)) {
    Statement st = *s;
    st.cls = kStanceClass;
    out.push_back(std::move(st));
    ids.insert(s->subject);
    ids.insert(s->object);
  }
  if (keep_isolated)
    for (const auto& e : entities) ids.insert(e.id);
  Projection p;
  p.graph = Graph::Build(Keep(entities, ids), out);
  p.directed = true;
  return p;
}

Projection ProjectActorActor(const std::vector<Entity>& entities,
                             const std::vector<Statement>& statements, ProjectionMode mode,
                             Normalization normalize, bool keep_isolated) {
  EntityMap m = Index(entities);
  // actor -> issue -> polarity -> the statements behind that stance.
  std::map<std::string, std::map<std::string, std::map<int, std::vector<const Statement*>>>>
      stances;
  for (const Statement* s : Stances(m, statements)) {
    if (s->polarity == 0) continue;
    stances[s->subject][s->object][s->polarity > 0 ? 1 : -1].push_back(s);
  }
  const int flip = mode == ProjectionMode::kCongruence ? 1 : -1;
  const char* cls = mode == ProjectionMode::kCongruence ? kCongruenceClass : kConflictClass;

  Projection p;
  p.directed = false;
  std::vector<Statement> out;
  std::set<std::string> ids;
  for (auto a = stances.begin(); a != stances.end(); ++a) {
    if (keep_isolated) ids.insert(a->first);
    for (auto b = std::next(a); b != stances.end(); ++b) {
      // a->first < b->first: std::map iterates ids in order.
      std::set<std::string> either;  // I(a) ∪ I(b)
      for (const auto& [issue, _] : a->second) either.insert(issue);
      for (const auto& [issue, _] : b->second) either.insert(issue);
      size_t shared = 0;
      std::set<const Statement*> behind;  // stance statements on shared issues
      for (const auto& [issue, pa] : a->second) {
        auto it = b->second.find(issue);
        if (it == b->second.end()) continue;
        const auto& pb = it->second;
        bool match = false;
        for (const auto& [pol, sts] : pa) {
          auto q = pb.find(pol * flip);
          if (q == pb.end()) continue;
          match = true;
          behind.insert(sts.begin(), sts.end());
          behind.insert(q->second.begin(), q->second.end());
        }
        if (match) ++shared;
      }
      if (shared == 0) continue;
      double w = static_cast<double>(shared);
      if (normalize == Normalization::kJaccard) {
        w = w / static_cast<double>(either.size());
      } else if (normalize == Normalization::kCosine) {
        w = w / std::sqrt(static_cast<double>(a->second.size()) *
                          static_cast<double>(b->second.size()));
      }
      p.weights[{a->first, b->first}] = w;
      ids.insert(a->first);
      ids.insert(b->first);
      // Sorted by evidence id, then document, for a deterministic build.
      std::vector<const Statement*> sorted(behind.begin(), behind.end());
      std::sort(sorted.begin(), sorted.end(), [](const Statement* x, const Statement* y) {
        return std::tie(x->evidence_id, x->doc, x->subject, x->object) <
               std::tie(y->evidence_id, y->doc, y->subject, y->object);
      });
      // One statement per stance statement behind the edge; its lemma is the
      // issue's label, so the edge's lemmas list the issues the pair shares.
      for (const Statement* s : sorted) {
        Statement st = *s;
        st.subject = a->first;
        st.object = b->first;
        st.cls = cls;
        st.polarity = flip;
        const Entity* issue = m.at(s->object);
        st.lemma = issue->label.empty() ? issue->id : issue->label;
        out.push_back(std::move(st));
      }
    }
  }
  p.graph = Graph::Build(Keep(entities, ids), out);
  return p;
}

Projection Project(const Graph& g, const std::vector<Statement>& statements,
                   const ProjectionOptions& o) {
  std::vector<Entity> entities;
  const auto& bg = g.boost();
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) entities.push_back(g.entity(*vi));
  switch (o.network) {
    case Network::kActorIssue:
      return ProjectActorIssue(entities, statements, o.keep_isolated);
    case Network::kActorActor:
      return ProjectActorActor(entities, statements, o.mode, o.normalize, o.keep_isolated);
    case Network::kRelations:
      break;
  }
  Projection p;
  p.graph = Graph::Build(std::move(entities), statements);
  return p;
}

}  // namespace newsgraph::graph
