// Graph algorithms over the knowledge graph: the shortest chain of relations
// between two entities and node centrality (degree, PageRank, betweenness).
// They work on graph::BoostGraph, so they take a Graph's boost() or a graph
// built from aggregated edges alone (GraphFromEdges), which is much cheaper
// to load from a large store than every statement. Paths and betweenness
// ignore edge direction (a meeting or a stance connects both ends); PageRank
// follows it (subject -> object), weighted by statements.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/types.h"

namespace newsgraph::graph {

// An aggregated edge: every statement with the same (subject, class,
// polarity, object), counted in weight.
struct WeightedEdge {
  std::string subject, object;  // entity ids
  std::string cls;
  int polarity = 0;
  uint32_t weight = 1;
};

// A graph with one vertex per entity, in the given order, and one edge per
// WeightedEdge (EdgeProps cls, polarity and weight filled, no dates or
// evidence). Edges naming an unknown entity are skipped and counted in
// *skipped when given.
BoostGraph GraphFromEdges(const std::vector<Entity>& entities, const std::vector<WeightedEdge>& edges,
                          size_t* skipped = nullptr);
// The same, moving the entities into the graph (entities is left empty).
BoostGraph GraphFromEdges(std::vector<Entity>&& entities, const std::vector<WeightedEdge>& edges,
                          size_t* skipped = nullptr);

// One step of a path: the edge and whether it was walked from its subject
// to its object (forward) or against its direction.
struct PathStep {
  Edge edge;
  bool forward = true;
};

// The shortest chain of edges between from and to, ignoring direction
// (fewest steps, by breadth-first search; among parallel edges between the
// same two vertices the heaviest is taken; ties between equally short paths
// go to lower vertex numbers, so the answer is deterministic). Returns true
// and fills *path (empty when from == to) when to is reachable.
bool ShortestPath(const BoostGraph& g, Vertex from, Vertex to, std::vector<PathStep>* path);

// Number of distinct neighbours of each vertex, ignoring direction.
std::vector<double> DegreeCentrality(const BoostGraph& g);
// Sum of the weights of each vertex's edges, in and out.
std::vector<double> Strength(const BoostGraph& g);

// PageRank by power iteration over edges subject -> object weighted by
// statements: rank flows along an edge in proportion to its weight among
// the source's out-edges; vertices without out-edges (issues, mostly) spread
// their rank evenly. damping in (0, 1); stops after max_iterations or when
// the L1 change falls below tolerance. The ranks sum to 1.
std::vector<double> PageRank(const BoostGraph& g, double damping = 0.85, int max_iterations = 100,
                             double tolerance = 1e-9);

// Betweenness centrality of each vertex on the undirected simple graph
// (parallel edges and direction collapsed), by Brandes' algorithm,
// normalised to [0, 1] by (n - 1)(n - 2) / 2 over all n vertices when
// n > 2: the values of networkx's betweenness_centrality(G) on the same
// undirected graph. Exact (a breadth-first search from every vertex with
// a neighbour): O(n m), quadratic on large graphs; see the options below.
std::vector<double> Betweenness(const BoostGraph& g);

struct BetweennessOptions {
  // Exact up to this many vertices with a neighbour; above, Brandes from
  // `samples` sources drawn at random (Brandes & Pich 2007, networkx's
  // betweenness_centrality(G, k)), each source's contribution scaled by
  // connected / samples: an unbiased estimate in O(samples m).
  size_t exact_up_to = 5000;
  size_t samples = 500;
  bool exact = false;  // always exact, whatever the size
  uint64_t seed = 42;  // the same graph and seed give the same estimate
  // Called now and then with sources done and sources in all (may be empty).
  std::function<void(size_t done, size_t total)> progress;
};

struct BetweennessResult {
  std::vector<double> centrality;  // per vertex, normalised as above
  size_t connected = 0;            // vertices with a neighbour
  size_t sources = 0;              // breadth-first searches run
  bool approximate = false;        // sources < connected
};

BetweennessResult Betweenness(const BoostGraph& g, const BetweennessOptions& options);

}  // namespace newsgraph::graph
