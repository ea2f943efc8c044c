// Building the aggregated graph from entities and statements.
#include "graph/graph.h"

#include <algorithm>
#include <set>

namespace newsgraph::graph {
namespace {

// Whether s starts with "YYYY-MM-DD" (digits and dashes; the calendar is
// checked where dates are read).
bool IsDay(const std::string& s) {
  if (s.size() < 10) return false;
  for (int i = 0; i < 10; ++i) {
    char c = s[i];
    if ((i == 4 || i == 7) ? c != '-' : (c < '0' || c > '9')) return false;
  }
  return true;
}

}  // namespace

Graph Graph::Build(std::vector<Entity> entities,
                   const std::vector<Statement>& statements) {
  Graph out;
  std::sort(entities.begin(), entities.end(),
            [](const Entity& a, const Entity& b) { return a.id < b.id; });
  for (auto& e : entities) {
    if (out.index_.count(e.id)) continue;
    Vertex v = boost::add_vertex(NodeProps{std::move(e)}, out.g_);
    out.index_.emplace(out.g_[v].entity.id, v);
  }
  using Key = std::tuple<std::string, std::string, std::string, int>;
  struct Acc {
    EdgeProps props;
    std::set<std::string> docs, lemmas, codes;
    std::map<std::string, uint32_t> days;
    double confidence_sum = 0;
  };
  std::map<Key, Acc> acc;
  for (const auto& s : statements) {
    if (!out.index_.count(s.subject) || !out.index_.count(s.object)) {
      ++out.skipped_;
      continue;
    }
    Acc& a = acc[Key{s.subject, s.object, s.cls, s.polarity}];
    a.props.cls = s.cls;
    a.props.polarity = s.polarity;
    a.props.weight++;
    if (s.negated) a.props.negated++;
    a.docs.insert(s.doc);
    a.lemmas.insert(s.lemma);
    if (!s.code.empty()) a.codes.insert(s.code);
    a.confidence_sum += s.confidence;
    if (!s.date.empty()) {
      if (a.props.first_date.empty() || s.date < a.props.first_date) a.props.first_date = s.date;
      if (s.date > a.props.last_date) a.props.last_date = s.date;
      if (IsDay(s.date)) a.days[s.date.substr(0, 10)]++;
    }
    if (s.evidence_id) a.props.evidence.push_back(s.evidence_id);
  }
  for (auto& [key, a] : acc) {
    a.props.documents = static_cast<uint32_t>(a.docs.size());
    a.props.lemmas.assign(a.lemmas.begin(), a.lemmas.end());
    a.props.codes.assign(a.codes.begin(), a.codes.end());
    a.props.days.assign(a.days.begin(), a.days.end());
    a.props.confidence = a.confidence_sum / a.props.weight;
    std::sort(a.props.evidence.begin(), a.props.evidence.end());
    boost::add_edge(out.index_.at(std::get<0>(key)), out.index_.at(std::get<1>(key)),
                    std::move(a.props), out.g_);
  }
  return out;
}

bool Graph::Find(const std::string& id, Vertex* v) const {
  auto it = index_.find(id);
  if (it == index_.end()) return false;
  *v = it->second;
  return true;
}

std::vector<Edge> Graph::SortedEdges() const {
  // Edges were inserted in key order, and vecS out-edge lists keep insertion
  // order, so walking vertices (sorted by id) and their out-edges already
  // gives (source, target, class, polarity) order.
  std::vector<Edge> edges;
  edges.reserve(num_edges());
  for (auto [vi, vend] = boost::vertices(g_); vi != vend; ++vi)
    for (auto [ei, eend] = boost::out_edges(*vi, g_); ei != eend; ++ei) edges.push_back(*ei);
  return edges;
}

}  // namespace newsgraph::graph
