// Tests of graph/algorithms: graphs from aggregated edges, shortest paths
// over the undirected view, degree, PageRank and betweenness on small
// graphs whose answers are known by hand.
#include "graph/algorithms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <utility>

namespace newsgraph::graph {
namespace {

std::vector<Entity> Actors(const std::vector<std::string>& ids) {
  std::vector<Entity> out;
  for (const auto& id : ids) {
    Entity e;
    e.id = id;
    e.label = id;
    out.push_back(e);
  }
  return out;
}

TEST(GraphFromEdges, KeepsWeightsAndSkipsUnknownEnds) {
  size_t skipped = 0;
  auto g = GraphFromEdges(Actors({"a", "b"}),
                          {{"a", "b", "SUPPORT", 1, 7}, {"a", "zz", "REJECT", -1, 2}, {"b", "a", "CONSULT", 0, 1}},
                          &skipped);
  EXPECT_EQ(boost::num_vertices(g), 2u);
  EXPECT_EQ(boost::num_edges(g), 2u);
  EXPECT_EQ(skipped, 1u);
  auto [e, found] = boost::edge(0, 1, g);
  ASSERT_TRUE(found);
  EXPECT_EQ(g[e].weight, 7u);
  EXPECT_EQ(g[e].cls, "SUPPORT");
}

TEST(ShortestPath, IgnoresDirectionAndPrefersFewestSteps) {
  // a -> b -> c -> d, and a shortcut d -> a walked backwards.
  auto g = GraphFromEdges(Actors({"a", "b", "c", "d", "e"}), {{"a", "b", "CONSULT", 0, 1},
                                                              {"b", "c", "CONSULT", 0, 1},
                                                              {"c", "d", "CONSULT", 0, 1},
                                                              {"d", "a", "SUPPORT", 1, 1}});
  std::vector<PathStep> path;
  ASSERT_TRUE(ShortestPath(g, 0, 3, &path));
  ASSERT_EQ(path.size(), 1u);
  EXPECT_FALSE(path[0].forward) << "d -> a is walked from a to d";
  EXPECT_EQ(g[path[0].edge].cls, "SUPPORT");
  ASSERT_TRUE(ShortestPath(g, 0, 2, &path));
  ASSERT_EQ(path.size(), 2u);
  EXPECT_EQ(boost::target(path[1].edge, g), 2u);
  EXPECT_FALSE(ShortestPath(g, 0, 4, &path)) << "e is isolated";
  ASSERT_TRUE(ShortestPath(g, 1, 1, &path));
  EXPECT_TRUE(path.empty());
}

TEST(ShortestPath, TakesTheHeaviestOfParallelEdges) {
  auto g = GraphFromEdges(Actors({"a", "b"}), {{"a", "b", "CONSULT", 0, 2}, {"a", "b", "SUPPORT", 1, 9},
                                               {"b", "a", "REJECT", -1, 3}});
  std::vector<PathStep> path;
  ASSERT_TRUE(ShortestPath(g, 1, 0, &path));
  ASSERT_EQ(path.size(), 1u);
  EXPECT_EQ(g[path[0].edge].weight, 9u);
  EXPECT_FALSE(path[0].forward);
}

TEST(Centrality, StarCentreLeadsDegreeAndBetweenness) {
  // c is the centre of a star with four leaves; parallel edges do not count twice.
  auto g = GraphFromEdges(Actors({"c", "l1", "l2", "l3", "l4"}),
                          {{"l1", "c", "SUPPORT", 1, 1}, {"l1", "c", "REJECT", -1, 4}, {"c", "l2", "CONSULT", 0, 1},
                           {"l3", "c", "CONSULT", 0, 1}, {"c", "l4", "CONSULT", 0, 1}});
  auto degree = DegreeCentrality(g);
  EXPECT_EQ(degree, (std::vector<double>{4, 1, 1, 1, 1}));
  auto strength = Strength(g);
  EXPECT_EQ(strength[0], 8);
  EXPECT_EQ(strength[1], 5);
  auto between = Betweenness(g);
  EXPECT_NEAR(between[0], 1.0, 1e-12) << "every shortest path between leaves passes the centre";
  for (int i = 1; i < 5; ++i) EXPECT_NEAR(between[i], 0.0, 1e-12);
}

TEST(Centrality, BetweennessOfAPathGraph) {
  // a - b - c: b lies on the one path between a and c.
  auto g = GraphFromEdges(Actors({"a", "b", "c"}), {{"a", "b", "CONSULT", 0, 1}, {"c", "b", "CONSULT", 0, 1}});
  auto between = Betweenness(g);
  EXPECT_NEAR(between[1], 1.0, 1e-12);
  EXPECT_NEAR(between[0], 0.0, 1e-12);
}

// Betweenness by definition: for every pair s < t, the share of shortest
// s-t paths through v, over the undirected simple graph.
std::vector<double> BruteBetweenness(size_t n, const std::vector<std::pair<size_t, size_t>>& edges) {
  std::vector<std::vector<size_t>> adj(n);
  for (auto [a, b] : edges)
    if (a != b) {
      adj[a].push_back(b);
      adj[b].push_back(a);
    }
  std::vector<std::vector<int>> dist(n, std::vector<int>(n, -1));
  std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0));
  for (size_t s = 0; s < n; ++s) {
    std::vector<size_t> queue{s};
    dist[s][s] = 0;
    sigma[s][s] = 1;
    for (size_t i = 0; i < queue.size(); ++i) {
      size_t u = queue[i];
      std::vector<size_t> seen;
      for (size_t w : adj[u]) {
        if (std::find(seen.begin(), seen.end(), w) != seen.end()) continue;  // parallel edge
        seen.push_back(w);
        if (dist[s][w] < 0) {
          dist[s][w] = dist[s][u] + 1;
          queue.push_back(w);
        }
        if (dist[s][w] == dist[s][u] + 1) sigma[s][w] += sigma[s][u];
      }
    }
  }
  std::vector<double> out(n, 0);
  for (size_t s = 0; s < n; ++s)
    for (size_t t = s + 1; t < n; ++t)
      for (size_t v = 0; v < n; ++v)
        if (v != s && v != t && dist[s][t] > 0 && dist[s][v] > 0 && dist[v][t] > 0 &&
            dist[s][v] + dist[v][t] == dist[s][t])
          out[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
  if (n > 2)
    for (double& x : out) x /= static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2;
  return out;
}

TEST(Centrality, BetweennessSkipsIsolatedVerticesExactly) {
  // Two components (a square with a tail, and a triangle), isolated vertices
  // between them, a self-loop and parallel edges: the values are those of
  // the definition, normalised over every vertex (isolated ones included).
  std::vector<std::string> ids = {"i0", "a", "b", "i1", "c", "d", "e", "i2", "x", "y", "z", "i3"};
  std::vector<WeightedEdge> edges = {{"a", "b", "CONSULT", 0, 1}, {"b", "c", "CONSULT", 0, 1},
                                     {"c", "d", "CONSULT", 0, 1}, {"d", "a", "CONSULT", 0, 1},
                                     {"d", "e", "SUPPORT", 1, 2}, {"e", "d", "REJECT", -1, 1},
                                     {"x", "y", "CONSULT", 0, 1}, {"y", "z", "CONSULT", 0, 1},
                                     {"z", "x", "CONSULT", 0, 1}, {"y", "y", "CONSULT", 0, 5}};
  auto g = GraphFromEdges(Actors(ids), edges);
  std::vector<std::pair<size_t, size_t>> pairs;
  auto at = [&](const std::string& id) {
    return static_cast<size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  for (const auto& e : edges) pairs.push_back({at(e.subject), at(e.object)});
  auto expected = BruteBetweenness(ids.size(), pairs);
  auto between = Betweenness(g);
  ASSERT_EQ(between.size(), ids.size());
  for (size_t v = 0; v < ids.size(); ++v) EXPECT_NEAR(between[v], expected[v], 1e-12) << ids[v];
  EXPECT_GT(between[at("d")], 0.0);
  EXPECT_EQ(between[at("i1")], 0.0);
  EXPECT_TRUE(Betweenness(GraphFromEdges(Actors({"p", "q"}), {})) == (std::vector<double>{0, 0}));
  EXPECT_TRUE(Betweenness(GraphFromEdges({}, {})).empty());
}

// A random graph of n vertices and about m edges (seeded), with ids v0..vN.
std::pair<std::vector<std::string>, std::vector<WeightedEdge>> RandomGraph(size_t n, size_t m, uint32_t seed) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < n; ++i) ids.push_back("v" + std::to_string(i));
  std::vector<WeightedEdge> edges;
  uint64_t x = seed;
  auto next = [&] {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(x >> 33);
  };
  for (size_t i = 0; i < m; ++i) edges.push_back({ids[next() % n], ids[next() % n], "CONSULT", 0, 1});
  return {ids, edges};
}

TEST(Centrality, BetweennessAgreesWithNetworkx) {
  // networkx's betweenness_centrality on the same undirected graph (the
  // normalisation users compare with); skipped without Debian's networkx.
  if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "no networkx for /usr/bin/python3";
  auto [ids, edges] = RandomGraph(40, 70, 7);
  ids.push_back("lonely");  // isolated vertices count in n
  std::string dir = ::testing::TempDir();
  std::string script = dir + "/nx_betweenness.py", out = dir + "/nx_betweenness.txt";
  {
    std::ofstream py(script);
    py << "import networkx as nx\nG = nx.Graph()\n";
    for (const auto& id : ids) py << "G.add_node('" << id << "')\n";
    for (const auto& e : edges)
      if (e.subject != e.object) py << "G.add_edge('" << e.subject << "', '" << e.object << "')\n";
    py << "b = nx.betweenness_centrality(G)\n"
          "with open('" << out << "', 'w') as f:\n"
          "    for v in G.nodes(): f.write('%s %.17g\\n' % (v, b[v]))\n";
  }
  ASSERT_EQ(std::system(("/usr/bin/python3 " + script).c_str()), 0);
  auto g = GraphFromEdges(Actors(ids), edges);
  auto between = Betweenness(g);
  std::ifstream in(out);
  std::string id;
  double value;
  size_t seen = 0;
  while (in >> id >> value) {
    size_t v = static_cast<size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
    ASSERT_LT(v, ids.size()) << id;
    EXPECT_NEAR(between[v], value, 1e-12) << id;
    ++seen;
  }
  EXPECT_EQ(seen, ids.size());
}

TEST(Centrality, LargeGraphsSampleSourcesAndSaySo) {
  // Exact Brandes is one breadth-first search per connected vertex:
  // quadratic (100,000 entities: not done after minutes). Above
  // exact_up_to (5,000 connected) the default runs 500 sampled sources.
  auto [ids, edges] = RandomGraph(20000, 40000, 3);
  auto g = GraphFromEdges(Actors(ids), edges);
  BetweennessOptions options;
  size_t calls = 0, last_done = 0, last_total = 0;
  options.progress = [&](size_t done, size_t total) {
    ++calls;
    EXPECT_GE(done, last_done);
    last_done = done;
    last_total = total;
  };
  auto r = Betweenness(g, options);
  EXPECT_TRUE(r.approximate);
  EXPECT_EQ(r.sources, 500u);
  EXPECT_GT(r.connected, 18000u);
  EXPECT_GT(calls, 2u);
  EXPECT_EQ(last_done, last_total);
  EXPECT_EQ(last_total, 500u);
  // The estimate is unbiased: its total is close to the exact total, which
  // is the mean distance term: sum over pairs of (d(s,t) - 1), normalised.
  // Checked on a graph small enough for the exact answer instead.
  auto [ids2, edges2] = RandomGraph(2000, 6000, 5);
  auto g2 = GraphFromEdges(Actors(ids2), edges2);
  auto exact = Betweenness(g2);
  BetweennessOptions sampled;
  sampled.exact_up_to = 100;
  sampled.samples = 400;
  auto approx = Betweenness(g2, sampled);
  ASSERT_TRUE(approx.approximate);
  double sum_exact = std::accumulate(exact.begin(), exact.end(), 0.0);
  double sum_approx = std::accumulate(approx.centrality.begin(), approx.centrality.end(), 0.0);
  EXPECT_NEAR(sum_approx / sum_exact, 1.0, 0.05);
  // The most central vertex by the exact values is among the estimate's top ten.
  size_t best = static_cast<size_t>(std::max_element(exact.begin(), exact.end()) - exact.begin());
  std::vector<size_t> order(approx.centrality.size());
  std::iota(order.begin(), order.end(), 0);
  std::partial_sort(order.begin(), order.begin() + 10, order.end(),
                    [&](size_t a, size_t b) { return approx.centrality[a] > approx.centrality[b]; });
  EXPECT_NE(std::find(order.begin(), order.begin() + 10, best), order.begin() + 10);
  // exact forces every source; as many samples as sources is exact too.
  sampled.exact = true;
  auto forced = Betweenness(g2, sampled);
  EXPECT_FALSE(forced.approximate);
  EXPECT_EQ(forced.sources, forced.connected);
  for (size_t v = 0; v < exact.size(); v += 97) EXPECT_NEAR(forced.centrality[v], exact[v], 1e-12);
}

TEST(Centrality, PageRankFollowsWeightedDirection) {
  // a and b both point at c; c points at a with weight 3 and at b with 1.
  auto g = GraphFromEdges(Actors({"a", "b", "c", "d"}), {{"a", "c", "SUPPORT", 1, 1},
                                                         {"b", "c", "SUPPORT", 1, 1},
                                                         {"c", "a", "SUPPORT", 1, 3},
                                                         {"c", "b", "SUPPORT", 1, 1}});
  auto pr = PageRank(g);
  ASSERT_EQ(pr.size(), 4u);
  EXPECT_NEAR(std::accumulate(pr.begin(), pr.end(), 0.0), 1.0, 1e-9);
  EXPECT_GT(pr[2], pr[0]);
  EXPECT_GT(pr[0], pr[1]) << "the heavier edge carries more rank";
  EXPECT_GT(pr[1], pr[3]);
  // d has no edges: only teleport and dangling mass reach it.
  EXPECT_NEAR(pr[3], 0.15 / 4 + 0.85 * pr[3] / 4, 1e-6);
}

TEST(Centrality, PageRankOfASymmetricCycleIsUniform) {
  auto g = GraphFromEdges(Actors({"a", "b", "c"}),
                          {{"a", "b", "CONSULT", 0, 1}, {"b", "c", "CONSULT", 0, 1}, {"c", "a", "CONSULT", 0, 1}});
  for (double r : PageRank(g)) EXPECT_NEAR(r, 1.0 / 3, 1e-9);
  EXPECT_TRUE(PageRank(GraphFromEdges({}, {})).empty());
}

}  // namespace
}  // namespace newsgraph::graph
