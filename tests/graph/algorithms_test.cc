// Tests of graph/algorithms: graphs from aggregated edges, shortest paths
// over the undirected view, degree, PageRank and betweenness on small
// graphs whose answers are known by hand.
#include "graph/algorithms.h"

#include <gtest/gtest.h>

#include <numeric>

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
