// Filtering the graph for export and display: by edge weight, node mentions,
// a date window, relation classes, node kinds and the N best-connected
// actors. Filters work on statements before aggregation, so a filtered
// graph is exactly the graph those statements would build: an edge's weight,
// documents, dates and confidence count only the statements inside the
// window and the classes asked for. Node attributes (mentions, documents,
// first/last date) stay those of the whole store.
//
// One-mode projections (actor-issue -> actor-actor through shared stances,
// Jaccard/cosine weighted, as discourse network analysis does) belong beside
// this file as graph/projection.h; they derive a new graph from a filtered
// one and are applied after FilterGraph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/types.h"

namespace newsgraph::graph {

struct FilterOptions {
  // Keep edges with at least this many statements (after the date and class
  // filters). 0 and 1 keep all.
  uint32_t min_weight = 0;
  // Keep nodes with at least this many mentions.
  uint32_t min_mentions = 0;
  // Inclusive date window on statement dates, as ISO 8601 prefixes: "2024",
  // "2024-03" or "2024-03-15". "--to 2024-03" keeps all of March. When a
  // bound is set, statements without a date are dropped.
  std::string from_date, to_date;
  // Keep only statements of these PLOVER classes (empty: all).
  std::vector<std::string> classes;
  // Keep only nodes of these kinds (empty: all); {kActor} gives the
  // actor-actor network.
  std::vector<EntityKind> kinds;
  // Keep only the N actors with the highest degree (number of edges in and
  // out, after the other filters; ties by weighted degree, then id). N
  // counts actors only: issues are kept when a kept actor is linked to
  // them, so the graph holds N actors plus their issues. 0: all.
  size_t top = 0;
  // Keep only the N issues with the most statements from (or to) the kept
  // actors (ties by id); their other edges go too. 0: all.
  size_t top_issues = 0;
  // Nodes without edges (after the filters, or in the whole store when no
  // filter is set) are dropped unless this is true.
  bool keep_isolated = false;

  // Whether any filter is set (keep_isolated alone is not a filter).
  bool Active() const;
};

// Whether date (ISO 8601, possibly with a time) falls in [from, to], where
// from/to are ISO prefixes and empty means unbounded.
bool DateInWindow(const std::string& date, const std::string& from, const std::string& to);

// Builds the filtered graph from the entities and statements of a store
// (Store::LoadGraph). Without active filters this is Graph::Build of the
// entities that have an edge (of every entity with keep_isolated).
Graph FilterGraph(std::vector<Entity> entities, const std::vector<Statement>& statements,
                  const FilterOptions& options);

}  // namespace newsgraph::graph
