// The in-memory knowledge graph: a Boost adjacency_list whose vertices are
// entities and whose edges aggregate every statement with the same
// (subject, class, polarity, object). Built from statements (typically read
// back from the store); knows nothing of text or file formats.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/types.h"

namespace newsgraph::graph {

// One statement as the graph sees it: a relation plus where and when.
struct Statement {
  std::string subject, object;  // entity ids
  std::string lemma, cls;
  int polarity = 0;
  bool negated = false;
  float confidence = 0;
  std::string doc;   // document id
  std::string date;  // document date, may be empty
  int64_t evidence_id = 0;  // store row of the evidence, 0 if none
  std::string code;  // event code from a user verb dictionary (CAMEO "064"), may be empty
};

struct NodeProps {
  Entity entity;
};

struct EdgeProps {
  std::string cls;
  int polarity = 0;
  uint32_t weight = 0;     // number of statements
  uint32_t documents = 0;  // number of distinct documents
  uint32_t negated = 0;    // statements that were negated
  std::string first_date, last_date;
  double confidence = 0;   // mean over statements
  std::vector<std::string> lemmas;       // distinct, sorted
  std::vector<std::string> codes;        // distinct event codes of the statements (CAMEO), sorted; may be empty
  std::vector<int64_t> evidence;         // store rows, sorted
  // Statements per day ("YYYY-MM-DD", the first ten characters of a
  // statement date that starts with a calendar date), in day order;
  // undated statements are not counted. The GEXF timeline is drawn from it.
  std::vector<std::pair<std::string, uint32_t>> days;
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                          NodeProps, EdgeProps>;
using Vertex = BoostGraph::vertex_descriptor;
using Edge = BoostGraph::edge_descriptor;

class Graph {
 public:
  // Builds a graph from entities and statements. Statements whose ends are
  // not among the entities are skipped and counted in skipped().
  // Vertices are ordered by entity id, edges by (subject, object, class,
  // polarity): the same input gives the same graph.
  static Graph Build(std::vector<Entity> entities,
                     const std::vector<Statement>& statements);

  const BoostGraph& boost() const { return g_; }
  size_t num_nodes() const { return boost::num_vertices(g_); }
  size_t num_edges() const { return boost::num_edges(g_); }
  size_t skipped() const { return skipped_; }

  // Vertex of an entity id, or false.
  bool Find(const std::string& id, Vertex* v) const;
  const Entity& entity(Vertex v) const { return g_[v].entity; }
  const EdgeProps& edge(Edge e) const { return g_[e]; }

  // Edges in deterministic order (sorted by source id, target id, class, polarity).
  std::vector<Edge> SortedEdges() const;

 private:
  BoostGraph g_;
  std::map<std::string, Vertex> index_;
  size_t skipped_ = 0;
};

}  // namespace newsgraph::graph
