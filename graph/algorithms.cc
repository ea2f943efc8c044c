// Paths and centrality over graph::BoostGraph. See algorithms.h.
#include "graph/algorithms.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>
#include <deque>
#include <limits>
#include <random>
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
  BetweennessOptions exact;
  exact.exact = true;
  return Betweenness(g, exact).centrality;
}

BetweennessResult Betweenness(const BoostGraph& g, const BetweennessOptions& options) {
  const size_t n = boost::num_vertices(g);
  auto nb = UndirectedNeighbours(g);
  // Vertices without neighbours lie on no shortest path and start none, so
  // Brandes runs on the others alone: the same values, without a search
  // (and per-vertex state) for every isolated entity. A store has many
  // (entities only mentioned, never in a relation).
  std::vector<uint32_t> local(n, 0);
  std::vector<Vertex> global;
  for (size_t u = 0; u < n; ++u)
    if (!nb[u].empty()) {
      local[u] = static_cast<uint32_t>(global.size());
      global.push_back(u);
    }
  const size_t c = global.size();
  // Compressed adjacency of the connected vertices.
  std::vector<size_t> first(c + 1, 0);
  std::vector<uint32_t> adj;
  for (size_t i = 0; i < c; ++i) {
    for (const auto& x : nb[global[i]]) adj.push_back(local[x.v]);
    first[i + 1] = adj.size();
  }
  nb.clear();
  nb.shrink_to_fit();

  BetweennessResult result;
  result.connected = c;
  std::vector<uint32_t> sources(c);
  for (size_t i = 0; i < c; ++i) sources[i] = static_cast<uint32_t>(i);
  if (!options.exact && c > options.exact_up_to && options.samples > 0 && options.samples < c) {
    // A partial Fisher-Yates shuffle: the first `samples` are a uniform
    // sample without repetition, the same for the same seed.
    std::mt19937_64 rng(options.seed);
    for (size_t i = 0; i < options.samples; ++i) {
      std::uniform_int_distribution<size_t> pick(i, c - 1);
      std::swap(sources[i], sources[pick(rng)]);
    }
    sources.resize(options.samples);
    std::sort(sources.begin(), sources.end());
    result.approximate = true;
  }
  result.sources = sources.size();

  std::vector<double> acc(c, 0.0), sigma(c, 0.0), delta(c, 0.0);
  std::vector<int32_t> dist(c, -1);
  std::vector<uint32_t> order;
  order.reserve(c);
  for (size_t k = 0; k < sources.size(); ++k) {
    if (options.progress && k % 64 == 0) options.progress(k, sources.size());
    const uint32_t s = sources[k];
    order.clear();
    sigma[s] = 1;
    dist[s] = 0;
    order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {  // breadth first: order is the queue
      const uint32_t v = order[head];
      for (size_t e = first[v]; e < first[v + 1]; ++e) {
        const uint32_t w = adj[e];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    // Dependencies, farthest first; a vertex's predecessors are its
    // neighbours one step nearer the source.
    for (size_t i = order.size(); i-- > 0;) {
      const uint32_t w = order[i];
      const double coeff = (1.0 + delta[w]) / sigma[w];
      for (size_t e = first[w]; e < first[w + 1]; ++e) {
        const uint32_t v = adj[e];
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] * coeff;
      }
      if (w != s) acc[w] += delta[w];
    }
    for (uint32_t v : order) {
      sigma[v] = 0;
      delta[v] = 0;
      dist[v] = -1;
    }
  }
  if (options.progress) options.progress(sources.size(), sources.size());

  // Each unordered pair was counted from both ends (halved), a sample
  // stands for all connected sources (scaled up), then the normalisation
  // over all n vertices.
  double scale = 0.5;
  if (result.approximate) scale *= static_cast<double>(c) / static_cast<double>(sources.size());
  if (n > 2) scale /= static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2;
  result.centrality.assign(n, 0.0);
  for (size_t i = 0; i < c; ++i) result.centrality[global[i]] = acc[i] * scale;
  return result;
}

}  // namespace newsgraph::graph
