// Tests of the discourse-network projections (graph/projection.h) against a
// small example computed by hand.
//
// Three actors A, B, C and two issues X, Y. Stances (statements):
//   A: for X (twice: SUPPORT in d1, AGREE in d2), for Y (SUPPORT)
//   B: for X (DEMAND)
//   C: against X (REJECT), neutral on Y (CONSULT; neutral counts in the
//      actor-issue network, not in actor-actor)
//   plus A CONSULT B, an actor-actor relation that no projection uses.
// Issues with a stance (+/-): I(A) = {X, Y}, I(B) = {X}, I(C) = {X}.
//
// Congruence (same stance on an issue):
//   A-B: X (both for)           shared 1, |I(A) ∪ I(B)| = |{X,Y}| = 2
//        jaccard 1/2 = 0.5, cosine 1/sqrt(2·1) = 0.70710678...
//   A-C, B-C: no issue with the same stance -> no edge.
// Conflict (opposite stances on an issue):
//   A-C: X (for vs against)     shared 1, union {X,Y} = 2
//        jaccard 1/2 = 0.5, cosine 1/sqrt(2·1) = 0.70710678...
//   B-C: X                      shared 1, union {X} = 1
//        jaccard 1/1 = 1, cosine 1/sqrt(1·1) = 1
//   A-B: no opposite stance -> no edge.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "graph/filter.h"
#include "graph/projection.h"

namespace newsgraph::graph {
namespace {

Entity Make(const std::string& id, EntityKind kind, const std::string& label) {
  Entity e;
  e.id = id;
  e.kind = kind;
  e.label = label;
  e.mentions = 1;
  return e;
}

const std::string A = "actor:a", B = "actor:b", C = "actor:c", X = "issue:x", Y = "issue:y";

std::vector<Entity> Entities() {
  return {Make(A, EntityKind::kActor, "A"), Make(B, EntityKind::kActor, "B"),
          Make(C, EntityKind::kActor, "C"), Make(X, EntityKind::kIssue, "Issue X"),
          Make(Y, EntityKind::kIssue, "Issue Y")};
}

Statement St(const std::string& s, const std::string& o, const std::string& cls, int pol,
             const std::string& doc, const std::string& date, int64_t ev) {
  Statement st;
  st.subject = s;
  st.object = o;
  st.cls = cls;
  st.lemma = cls == "CONSULT" ? "meet" : "say";
  st.polarity = pol;
  st.confidence = 0.5f;
  st.doc = doc;
  st.date = date;
  st.evidence_id = ev;
  return st;
}

std::vector<Statement> Statements() {
  return {St(A, X, "SUPPORT", 1, "d1", "2024-01-01", 1),
          St(A, X, "AGREE", 1, "d2", "2024-02-01", 2),
          St(A, Y, "SUPPORT", 1, "d1", "2024-01-01", 3),
          St(B, X, "DEMAND", 1, "d3", "2024-03-01", 4),
          St(C, X, "REJECT", -1, "d3", "2024-03-01", 5),
          St(C, Y, "CONSULT", 0, "d4", "2024-04-01", 6),
          St(A, B, "CONSULT", 0, "d1", "2024-01-01", 7)};
}

// The edge source->target of class cls, or fails the test.
const EdgeProps* FindEdge(const Graph& g, const std::string& s, const std::string& t,
                          const std::string& cls, int pol) {
  const auto& bg = g.boost();
  for (Edge e : g.SortedEdges()) {
    const EdgeProps& p = g.edge(e);
    if (g.entity(boost::source(e, bg)).id == s && g.entity(boost::target(e, bg)).id == t &&
        p.cls == cls && p.polarity == pol)
      return &p;
  }
  return nullptr;
}

TEST(ProjectionTest, ActorIssueMergesStatementsPerPolarity) {
  Projection p = ProjectActorIssue(Entities(), Statements(), false);
  EXPECT_TRUE(p.directed);
  EXPECT_TRUE(p.weights.empty());
  EXPECT_EQ(p.graph.num_nodes(), 5u);
  ASSERT_EQ(p.graph.num_edges(), 5u);  // A->X, A->Y, B->X, C->X, C->Y; not A->B
  const EdgeProps* ax = FindEdge(p.graph, A, X, kStanceClass, 1);
  ASSERT_NE(ax, nullptr);
  EXPECT_EQ(ax->weight, 2u);  // SUPPORT and AGREE: one edge
  EXPECT_EQ(ax->documents, 2u);
  EXPECT_EQ(ax->first_date, "2024-01-01");
  EXPECT_EQ(ax->last_date, "2024-02-01");
  EXPECT_EQ(ax->evidence, (std::vector<int64_t>{1, 2}));
  ASSERT_NE(FindEdge(p.graph, C, X, kStanceClass, -1), nullptr);
  ASSERT_NE(FindEdge(p.graph, C, Y, kStanceClass, 0), nullptr);
  EXPECT_EQ(FindEdge(p.graph, A, B, "CONSULT", 0), nullptr);
}

TEST(ProjectionTest, ActorIssueKeepsBothStancesOfAnAmbivalentActor) {
  auto st = Statements();
  st.push_back(St(A, Y, "REJECT", -1, "d5", "2024-05-01", 8));
  Projection p = ProjectActorIssue(Entities(), st, false);
  EXPECT_NE(FindEdge(p.graph, A, Y, kStanceClass, 1), nullptr);
  EXPECT_NE(FindEdge(p.graph, A, Y, kStanceClass, -1), nullptr);
}

TEST(ProjectionTest, CongruenceCountsJaccardAndCosineByHand) {
  Projection none =
      ProjectActorActor(Entities(), Statements(), ProjectionMode::kCongruence,
                        Normalization::kNone, false);
  EXPECT_FALSE(none.directed);
  EXPECT_EQ(none.graph.num_nodes(), 2u);  // A and B; C has no congruent partner
  ASSERT_EQ(none.graph.num_edges(), 1u);
  ASSERT_EQ(none.weights.size(), 1u);
  EXPECT_EQ(none.weights.at({A, B}), 1.0);
  const EdgeProps* ab = FindEdge(none.graph, A, B, kCongruenceClass, 1);
  ASSERT_NE(ab, nullptr);
  // Behind the edge: A's two statements for X and B's one.
  EXPECT_EQ(ab->weight, 3u);
  EXPECT_EQ(ab->evidence, (std::vector<int64_t>{1, 2, 4}));
  EXPECT_EQ(ab->lemmas, (std::vector<std::string>{"Issue X"}));

  Projection jac = ProjectActorActor(Entities(), Statements(), ProjectionMode::kCongruence,
                                     Normalization::kJaccard, false);
  EXPECT_EQ(jac.weights.at({A, B}), 0.5);
  Projection cos = ProjectActorActor(Entities(), Statements(), ProjectionMode::kCongruence,
                                     Normalization::kCosine, false);
  EXPECT_DOUBLE_EQ(cos.weights.at({A, B}), 1.0 / std::sqrt(2.0));
}

TEST(ProjectionTest, ConflictCountsJaccardAndCosineByHand) {
  auto run = [](Normalization n) {
    return ProjectActorActor(Entities(), Statements(), ProjectionMode::kConflict, n, false);
  };
  Projection none = run(Normalization::kNone);
  EXPECT_EQ(none.graph.num_nodes(), 3u);
  ASSERT_EQ(none.graph.num_edges(), 2u);  // A-C and B-C, not A-B
  EXPECT_NE(FindEdge(none.graph, A, C, kConflictClass, -1), nullptr);
  EXPECT_NE(FindEdge(none.graph, B, C, kConflictClass, -1), nullptr);
  EXPECT_EQ(none.weights.count({A, B}), 0u);
  EXPECT_EQ(none.weights.at({A, C}), 1.0);
  EXPECT_EQ(none.weights.at({B, C}), 1.0);

  Projection jac = run(Normalization::kJaccard);
  EXPECT_EQ(jac.weights.at({A, C}), 0.5);  // 1 / |{X, Y}|
  EXPECT_EQ(jac.weights.at({B, C}), 1.0);  // 1 / |{X}|
  Projection cos = run(Normalization::kCosine);
  EXPECT_DOUBLE_EQ(cos.weights.at({A, C}), 1.0 / std::sqrt(2.0));
  EXPECT_EQ(cos.weights.at({B, C}), 1.0);
}

TEST(ProjectionTest, SharedIssuesAreCountedOncePerIssue) {
  // A and B now agree on both issues, B with two statements on Y.
  auto st = Statements();
  st.push_back(St(B, Y, "SUPPORT", 1, "d5", "2024-05-01", 8));
  st.push_back(St(B, Y, "AGREE", 1, "d6", "2024-06-01", 9));
  Projection p = ProjectActorActor(Entities(), st, ProjectionMode::kCongruence,
                                   Normalization::kNone, false);
  EXPECT_EQ(p.weights.at({A, B}), 2.0);
  Projection j = ProjectActorActor(Entities(), st, ProjectionMode::kCongruence,
                                   Normalization::kJaccard, false);
  EXPECT_EQ(j.weights.at({A, B}), 1.0);  // 2 / |{X, Y}|
}

TEST(ProjectionTest, KeepIsolatedKeepsActorsWithStances) {
  Projection p = ProjectActorActor(Entities(), Statements(), ProjectionMode::kCongruence,
                                   Normalization::kNone, true);
  EXPECT_EQ(p.graph.num_nodes(), 3u);  // C took a stance but has no partner
  EXPECT_EQ(p.graph.num_edges(), 1u);
}

TEST(ProjectionTest, ProjectsTheFilteredGraphOnly) {
  // A date window up to February drops B's and C's statements (March on).
  FilterOptions f;
  f.to_date = "2024-02";
  Graph g = FilterGraph(Entities(), Statements(), f);
  std::vector<Statement> behind = StatementsBehind(g, Statements(), f.from_date, f.to_date);
  EXPECT_EQ(behind.size(), 4u);  // A->X twice, A->Y, A->B
  ProjectionOptions o;
  o.network = Network::kActorIssue;
  Projection p = Project(g, behind, o);
  EXPECT_EQ(p.graph.num_edges(), 2u);
  o.network = Network::kActorActor;
  EXPECT_EQ(Project(g, behind, o).graph.num_edges(), 0u);
}

}  // namespace
}  // namespace newsgraph::graph
