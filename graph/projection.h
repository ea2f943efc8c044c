// Discourse networks derived from the actor–relation graph, in the manner
// of Leifeld's Discourse Network Analyzer (DNA): the two-mode actor–issue
// network of stances, and the one-mode actor–actor congruence and conflict
// networks through shared issues, counted or normalised by Jaccard or
// cosine. A projection is applied after FilterGraph to the statements behind
// the filtered graph, and yields an ordinary Graph (plus, for actor–actor,
// the edge weights the projection defines), so every writer takes it.
// docs/formats/projections.md describes the networks with a worked example.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "graph/types.h"

namespace newsgraph::graph {

enum class Network { kRelations, kActorIssue, kActorActor };
enum class ProjectionMode { kCongruence, kConflict };
enum class Normalization { kNone, kJaccard, kCosine };

// Edge classes of projected graphs (EdgeProps::cls). Not PLOVER classes:
// QuadClass() of them is "".
inline constexpr char kStanceClass[] = "STANCE";          // actor -> issue, polarity +1/0/-1
inline constexpr char kCongruenceClass[] = "CONGRUENCE";  // actor -- actor, polarity +1
inline constexpr char kConflictClass[] = "CONFLICT";      // actor -- actor, polarity -1

struct ProjectionOptions {
  Network network = Network::kRelations;
  ProjectionMode mode = ProjectionMode::kCongruence;  // actor-actor only
  Normalization normalize = Normalization::kNone;     // actor-actor only
  // Keep nodes of the projection's kinds that end up without edges.
  bool keep_isolated = false;
};

struct Projection {
  Graph graph;
  // Whether edges are directed (relations and actor-issue) or not
  // (actor-actor: each pair once, source id < target id).
  bool directed = true;
  // The weight the projection gives each edge, by (source id, target id).
  // Empty for relations and actor-issue, whose weight is EdgeProps::weight
  // (the number of statements). For actor-actor: the number of shared
  // issues (kNone), or the Jaccard or cosine score in [0, 1].
  std::map<std::pair<std::string, std::string>, double> weights;
};

// The statements an already filtered graph g was built from: those of
// `all` whose (subject, class, polarity, object) is an edge of g and whose
// date lies in [from, to] (the FilterOptions date window; empty: unbounded).
std::vector<Statement> StatementsBehind(const Graph& g, const std::vector<Statement>& all,
                                        const std::string& from, const std::string& to);

// Two-mode actor–issue network. Every statement of an actor about an issue
// counts; those with the same polarity are merged into one edge of class
// STANCE, so an actor has at most three edges to an issue (STANCE/+1,
// STANCE/0, STANCE/-1; an actor who both backs and rejects an issue shows
// both). Weight, documents, dates, confidence and evidence aggregate the
// statements; `lemmas` keeps the verbs. Nodes: the actors and issues linked
// (with keep_isolated, every actor and issue among `entities`).
Projection ProjectActorIssue(const std::vector<Entity>& entities,
                             const std::vector<Statement>& statements, bool keep_isolated);

// One-mode actor–actor network through shared stances. Only for (+1) and
// against (-1) stances count; neutral ones (0) express no position. With
// I(a) the issues on which actor a took a stance and shared(a, b) the
// issues on which a and b took the same stance (congruence) or opposite
// stances (conflict; an actor holding both stances on an issue counts once
// per issue), a and b are linked when shared(a, b) > 0, with weight
//   kNone:    |shared(a, b)|
//   kJaccard: |shared(a, b)| / |I(a) ∪ I(b)|
//   kCosine:  |shared(a, b)| / sqrt(|I(a)| · |I(b)|)
// (cosine of the actors' binary stance vectors with the dot product
// restricted to the mode's matches, DNA's cosine normalisation).
// The edge (class CONGRUENCE/+1 or CONFLICT/-1) aggregates the stance
// statements of both actors on the shared issues, so its evidence leads
// back to the sentences; its `lemmas` are the labels of the shared issues.
Projection ProjectActorActor(const std::vector<Entity>& entities,
                             const std::vector<Statement>& statements, ProjectionMode mode,
                             Normalization normalize, bool keep_isolated);

// Dispatch on options.network. For kRelations returns g's entities and
// statements built again (the same graph as g).
Projection Project(const Graph& g, const std::vector<Statement>& statements,
                   const ProjectionOptions& options);

}  // namespace newsgraph::graph
