// Paths and centrality over graph::BoostGraph. See algorithms.h.
#include "graph/algorithms.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/adjacency_list.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>
#include <deque>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace newsgraph::graph {
namespace {

// For each vertex, its distinct neighbours (ignoring direction) sorted by
// vertex number, each with the heaviest edge joining the two.
struct Neighbour {
  Vertex v;
  Edge e;
  bool forward;  // e goes from this vertex to v
};

std::vector<std::vector<Neighbour>> UndirectedNeighbours(const BoostGraph& g) {
  size_t n = boost::num_vertices(g);
  std::vector<std::vector<Neighbour>> out(n);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    Vertex s = boost::source(*it, g), t = boost::target(*it, g);
    if (s == t) continue;
    out[s].push_back({t, *it, true});
    out[t].push_back({s, *it, false});
  }
  for (auto& list : out) {
    std::stable_sort(list.begin(), list.end(), [&](const Neighbour& a, const Neighbour& b) {
      if (a.v != b.v) return a.v < b.v;
      return g[a.e].weight > g[b.e].weight;
    });
    list.erase(std::unique(list.begin(), list.end(),
                           [](const Neighbour& a, const Neighbour& b) { return a.v == b.v; }),
               list.end());
  }
  return out;
}

}  // namespace

namespace {

// Edges between the vertices of g (one per entity, in order).
void AddWeightedEdges(BoostGraph& g, const std::vector<WeightedEdge>& edges, size_t* skipped) {
  std::unordered_map<std::string_view, Vertex> index;
  index.reserve(boost::num_vertices(g));
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) index.emplace(g[v].entity.id, v);
  size_t bad = 0;
  for (const auto& e : edges) {
    auto s = index.find(e.subject), t = index.find(e.object);
    if (s == index.end() || t == index.end()) {
      ++bad;
      continue;
    }
    auto [edge, added] = boost::add_edge(s->second, t->second, g);
    (void)added;
    EdgeProps& p = g[edge];
    p.cls = e.cls;
    p.polarity = e.polarity;
    p.weight = e.weight;
  }
  if (skipped) *skipped = bad;
}

}  // namespace

BoostGraph GraphFromEdges(const std::vector<Entity>& entities, const std::vector<WeightedEdge>& edges,
                          size_t* skipped) {
  BoostGraph g(entities.size());  // all vertices at once: no regrowth
  for (size_t i = 0; i < entities.size(); ++i) g[i].entity = entities[i];
  AddWeightedEdges(g, edges, skipped);
  return g;
}

BoostGraph GraphFromEdges(std::vector<Entity>&& entities, const std::vector<WeightedEdge>& edges,
                          size_t* skipped) {
  BoostGraph g(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) g[i].entity = std::move(entities[i]);
  entities.clear();
  AddWeightedEdges(g, edges, skipped);
  return g;
}

bool ShortestPath(const BoostGraph& g, Vertex from, Vertex to, std::vector<PathStep>* path) {
  path->clear();
  size_t n = boost::num_vertices(g);
  if (from >= n || to >= n) return false;
  if (from == to) return true;
  auto nb = UndirectedNeighbours(g);
  constexpr Vertex kNone = std::numeric_limits<Vertex>::max();
  std::vector<Vertex> parent(n, kNone);
  std::vector<const Neighbour*> via(n, nullptr);
  std::deque<Vertex> queue{from};
  parent[from] = from;
  while (!queue.empty() && parent[to] == kNone) {
    Vertex u = queue.front();
    queue.pop_front();
    for (const auto& x : nb[u]) {
      if (parent[x.v] != kNone) continue;
      parent[x.v] = u;
      via[x.v] = &x;
      queue.push_back(x.v);
    }
  }
  if (parent[to] == kNone) return false;
  for (Vertex v = to; v != from; v = parent[v]) path->push_back({via[v]->e, via[v]->forward});
  std::reverse(path->begin(), path->end());
  return true;
}

std::vector<double> DegreeCentrality(const BoostGraph& g) {
  auto nb = UndirectedNeighbours(g);
  std::vector<double> out(nb.size());
  for (size_t i = 0; i < nb.size(); ++i) out[i] = static_cast<double>(nb[i].size());
  return out;
}

std::vector<double> Strength(const BoostGraph& g) {
  std::vector<double> out(boost::num_vertices(g), 0.0);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    out[boost::source(*it, g)] += g[*it].weight;
    out[boost::target(*it, g)] += g[*it].weight;
  }
  return out;
}

std::vector<double> PageRank(const BoostGraph& g, double damping, int max_iterations, double tolerance) {
  size_t n = boost::num_vertices(g);
  if (n == 0) return {};
  std::vector<double> out_weight(n, 0.0);
  // Flattened edge list: faster to sweep than the adjacency_list each round.
  struct Flow {
    Vertex s, t;
    double w;
  };
  std::vector<Flow> flows;
  flows.reserve(boost::num_edges(g));
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    Vertex s = boost::source(*it, g), t = boost::target(*it, g);
    double w = std::max<double>(g[*it].weight, 1.0);
    flows.push_back({s, t, w});
    out_weight[s] += w;
  }
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (int iter = 0; iter < max_iterations; ++iter) {
    double dangling = 0;
    for (size_t v = 0; v < n; ++v)
      if (out_weight[v] == 0) dangling += rank[v];
    double base = (1.0 - damping) / n + damping * dangling / n;
    std::fill(next.begin(), next.end(), base);
    for (const auto& f : flows) next[f.t] += damping * rank[f.s] * f.w / out_weight[f.s];
    double change = 0;
    for (size_t v = 0; v < n; ++v) change += std::fabs(next[v] - rank[v]);
    rank.swap(next);
    if (change < tolerance) break;
  }
  return rank;
}

std::vector<double> Betweenness(const BoostGraph& g) {
  using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  size_t n = boost::num_vertices(g);
  auto nb = UndirectedNeighbours(g);
  // Vertices without neighbours lie on no shortest path and start none, so
  // Brandes runs on the others alone: the same values (exact), without a
  // breadth-first search (and per-vertex state) for every isolated entity.
  // A store has many (entities only mentioned, never in a relation).
  std::vector<size_t> local(n, 0);
  std::vector<Vertex> global;
  for (size_t u = 0; u < n; ++u)
    if (!nb[u].empty()) {
      local[u] = global.size();
      global.push_back(u);
    }
  Simple simple(global.size());
  for (size_t u = 0; u < n; ++u)
    for (const auto& x : nb[u])
      if (u < x.v) boost::add_edge(local[u], local[x.v], simple);
  std::vector<double> active(global.size(), 0.0);
  boost::brandes_betweenness_centrality(
      simple, boost::centrality_map(boost::make_iterator_property_map(
                  active.begin(), boost::get(boost::vertex_index, simple))));
  std::vector<double> centrality(n, 0.0);
  for (size_t i = 0; i < global.size(); ++i) centrality[global[i]] = active[i];
  if (n > 2) {
    // On an undirected graph Boost counts each unordered pair once.
    double pairs = static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2;
    for (double& c : centrality) c /= pairs;
  }
  return centrality;
}

}  // namespace newsgraph::graph
