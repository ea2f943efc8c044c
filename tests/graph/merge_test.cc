// EntityResolver rules added for one node per real actor: spelling keys,
// salience of full names for lone surnames, shorter forms of long names,
// one node per country's forces, curated aliases first.
#include <gtest/gtest.h>

#include "graph/merge.h"

namespace newsgraph::graph {
namespace {

Entity Person(const std::string& label, uint32_t mentions = 1) {
  Entity e;
  e.id = EntityId(EntityKind::kActor, label);
  e.kind = EntityKind::kActor;
  e.label = label;
  e.category = "person";
  e.mentions = mentions;
  return e;
}

DocumentAnalysis One(Entity e) {
  DocumentAnalysis a;
  Mention m;
  m.entity = e.id;
  a.mentions.push_back(m);
  a.entities.push_back(std::move(e));
  return a;
}

TEST(FoldKeyTest, FoldsDiacriticsAndTransliterations) {
  EXPECT_EQ(FoldKey("Erdoğan"), FoldKey("Erdogan"));
  EXPECT_EQ(FoldKey("Zelenskyy"), FoldKey("Zelensky"));
  EXPECT_EQ(FoldKey("Zelenskiy"), FoldKey("Zelensky"));
  EXPECT_EQ(FoldKey("Soleymani"), FoldKey("Soleimani"));
  EXPECT_EQ(FoldKey("Abdul-Mahdi"), "abdul mahdi");
  EXPECT_NE(FoldKey("Putin"), FoldKey("Pútina"));
}

TEST(SuspectLabelTest, NamesTheReason) {
  EXPECT_EQ(SuspectLabel("President of"), "ends in a preposition");
  EXPECT_EQ(SuspectLabel("Um"), "one or two letters");
  EXPECT_EQ(SuspectLabel("UN", true), "");
  EXPECT_EQ(SuspectLabel("protesters"), "all lower case");
  EXPECT_EQ(SuspectLabel("Air F90"), "digits");
  EXPECT_EQ(SuspectLabel("Constitution"), "a common word");
  EXPECT_EQ(SuspectLabel("Donald Trump"), "");
}

TEST(ResolverSalienceTest, LoneSurnameJoinsTheFarMoreSalientFullName) {
  EntityResolver r;
  auto d1 = One(Person("Gordon Halvorsen", 40));
  r.Resolve(&d1);
  auto d2 = One(Person("Ingrid Halvorsen", 2));
  r.Resolve(&d2);
  auto d3 = One(Person("Halvorsen"));
  r.Resolve(&d3);
  EXPECT_EQ(d3.entities[0].id, "actor:gordon-halvorsen");
}

TEST(ResolverSalienceTest, EquallySalientFullNamesStayApartThenAStoredLoneNameJoinsLater) {
  EntityResolver r;
  auto a = One(Person("Gordon Halvorsen", 2));
  r.Resolve(&a);
  auto b = One(Person("Ingrid Halvorsen", 2));
  r.Resolve(&b);
  auto c = One(Person("Halvorsen"));
  r.Resolve(&c);
  EXPECT_EQ(c.entities[0].id, "actor:halvorsen") << "ambiguous";
  // Gordon becomes far more salient; the stored lone name joins him.
  auto more = One(Person("Gordon Halvorsen", 30));
  r.Resolve(&more);
  auto d = One(Person("Halvorsen"));
  auto merges = r.Resolve(&d);
  EXPECT_EQ(d.entities[0].id, "actor:gordon-halvorsen");
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0], std::make_pair(std::string("actor:halvorsen"), std::string("actor:gordon-halvorsen")));
}

TEST(ResolverSpellingTest, VariantsAndShorterFormsJoin) {
  EntityResolver r;
  auto a = One(Person("Recep Tayyip Erdoğan", 5));
  r.Resolve(&a);
  auto b = One(Person("Recep Tayyip Erdogan"));
  r.Resolve(&b);
  EXPECT_EQ(b.entities[0].id, a.entities[0].id) << "the first spelling's node";
  EXPECT_EQ(b.entities[0].label, "Recep Tayyip Erdoğan");
  auto c = One(Person("Tayyip Erdoğan"));
  r.Resolve(&c);
  EXPECT_EQ(c.entities[0].label, "Recep Tayyip Erdoğan");
}

TEST(ResolverOfficeTest, AnAdministrationNamedInFullIsTheOneNamedBySurname) {
  auto org = [](const std::string& label) {
    Entity e = Person(label);
    e.category = "organization";
    return e;
  };
  // Short form first, then the full one; and the other way round.
  EntityResolver r;
  auto a = One(org("Macron administration"));
  r.Resolve(&a);
  auto b = One(org("Emmanuel Macron administration"));
  r.Resolve(&b);
  EXPECT_EQ(b.entities[0].id, a.entities[0].id);
  EntityResolver q;
  auto c = One(org("Joe Biden administration"));
  q.Resolve(&c);
  auto d = One(org("Biden administration"));
  q.Resolve(&d);
  EXPECT_EQ(d.entities[0].id, c.entities[0].id);
  // Two full names with one surname stay two offices.
  EntityResolver t;
  auto e = One(org("George H. W. Bush administration"));
  t.Resolve(&e);
  auto f = One(org("George W. Bush administration"));
  t.Resolve(&f);
  EXPECT_NE(f.entities[0].id, e.entities[0].id);
}

TEST(ResolverCorporateTest, AnOrganisationWithAndWithoutItsCorporateWordIsOne) {
  auto org = [](const std::string& label, const std::string& category = "organization") {
    Entity e = Person(label);
    e.category = category;
    return e;
  };
  EXPECT_EQ(CorporateKey(FoldKey("ABS-CBN Corporation")), FoldKey("ABS-CBN"));
  EXPECT_EQ(CorporateKey(FoldKey("Acme, Inc.")), "acme");
  EXPECT_EQ(CorporateKey(FoldKey("Ostmark")), "");
  EXPECT_EQ(CorporateKey(FoldKey("The Company")), "");
  EXPECT_EQ(CorporateKey(FoldKey("The Group")), "");
  EXPECT_EQ(CorporateKey(FoldKey("Acme Company")), FoldKey("Acme"));
  EXPECT_EQ(CorporateKey(FoldKey("Halvor LLC")), FoldKey("Halvor"));
  // Long form first, then the short one; short first; two suffixes.
  EntityResolver r;
  auto a = One(org("Vestra Broadcasting Corporation"));
  r.Resolve(&a);
  auto b = One(org("Vestra Broadcasting"));
  r.Resolve(&b);
  EXPECT_EQ(b.entities[0].id, a.entities[0].id);
  auto c = One(org("Ostmark"));
  r.Resolve(&c);
  auto d = One(org("Ostmark Holdings"));
  r.Resolve(&d);
  EXPECT_EQ(d.entities[0].id, c.entities[0].id);
  auto e = One(org("Kelvar Inc."));
  r.Resolve(&e);
  auto f = One(org("Kelvar Corp."));
  r.Resolve(&f);
  EXPECT_EQ(f.entities[0].id, e.entities[0].id);
  // Only organisations: a person named like the short form stays apart.
  auto g = One(org("Halden Group"));
  r.Resolve(&g);
  auto h = One(org("Halden", "person"));
  r.Resolve(&h);
  EXPECT_NE(h.entities[0].id, g.entities[0].id);
}

TEST(ResolverGroupTest, OneNodePerCountrysForces) {
  EntityResolver r;
  Entity f = Person("Norwegian forces");
  f.category = "group";
  f.code = "NORMIL";
  auto first = One(f);
  r.Resolve(&first);
  Entity g = Person("Norway's armed forces");
  g.category = "group";
  g.code = "NORMIL";
  auto d = One(g);
  r.Resolve(&d);
  EXPECT_EQ(d.entities[0].id, f.id);
  // Its navy has the same code but stays a node of its own.
  Entity n = Person("Norwegian navy");
  n.category = "group";
  n.code = "NORMIL";
  auto e = One(n);
  r.Resolve(&e);
  EXPECT_EQ(e.entities[0].id, n.id);
}

TEST(ResolverCuratedTest, CuratedAliasWins) {
  EntityResolver r;
  auto a = One(Person("Gordon Halvorsen", 50));
  r.Resolve(&a);
  auto b = One(Person("Ingrid Halvorsen", 1));
  r.Resolve(&b);
  r.AddCurated("Halvorsen", "actor:ingrid-halvorsen");
  auto c = One(Person("Halvorsen"));
  r.Resolve(&c);
  EXPECT_EQ(c.entities[0].id, "actor:ingrid-halvorsen");
}

}  // namespace
}  // namespace newsgraph::graph
