// The data model helpers, the aggregated Boost graph and cross-document
// entity resolution.
#include <gtest/gtest.h>

#include <cstdio>

#include "graph/graph.h"
#include "graph/merge.h"
#include "graph/sha256.h"
#include "graph/types.h"

namespace newsgraph::graph {
namespace {

TEST(TypesTest, SlugsAndIds) {
  EXPECT_EQ(Slug("Vladimir Putin"), "vladimir-putin");
  EXPECT_EQ(Slug("  NATO  membership!"), "nato-membership");
  EXPECT_EQ(Slug("O'Brien"), "obrien");
  EXPECT_EQ(Slug("Zelenskyy\u2019s plan"), "zelenskyys-plan");
  EXPECT_EQ(Slug("Caf\u00e9"), "caf\u00e9");
  EXPECT_EQ(EntityId(EntityKind::kIssue, "NATO membership"), "issue:nato-membership");
}

TEST(TypesTest, ContentHashIsSha256) {
  EXPECT_EQ(ContentHash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(ContentHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Two blocks: 56 bytes need the padding in a second block.
  EXPECT_EQ(ContentHash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

std::string Hex(const Sha256State& h) {
  char out[65];
  for (int i = 0; i < 8; ++i) std::snprintf(out + 8 * i, 9, "%08x", h[i]);
  return std::string(out, 64);
}

TEST(TypesTest, Sha256PathsAgree) {
  // FIPS 180-4's long vector, on both paths.
  std::string million(1000000, 'a');
  const char* want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  EXPECT_EQ(Hex(Sha256Portable(million.data(), million.size())), want);
  EXPECT_EQ(ContentHash(million), want);
  Sha256State fast;
  if (!Sha256Accelerated(million.data(), million.size(), &fast)) {
    EXPECT_FALSE(Sha256HasAcceleration());
    GTEST_SKIP() << "this CPU has no SHA extensions; the portable path was checked";
  }
  EXPECT_EQ(Hex(fast), want);
  // Every tail length and block count up to five blocks, over bytes of all
  // values, with unaligned starts.
  std::string bytes;
  uint32_t x = 2463534242u;
  for (int i = 0; i < 400; ++i) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    bytes += static_cast<char>(x & 0xFF);
  }
  for (size_t start = 0; start < 3; ++start)
    for (size_t n = 0; n + start <= 330; ++n) {
      ASSERT_TRUE(Sha256Accelerated(bytes.data() + start, n, &fast));
      EXPECT_EQ(fast, Sha256Portable(bytes.data() + start, n)) << start << "+" << n;
    }
}

TEST(TypesTest, CharOffsetsCountCodePoints) {
  std::string text = "\u201cHi\u201d, Zelenskyy\u2019s caf\u00e9";
  CharIndex chars(text);
  for (uint32_t b = 0; b <= text.size(); ++b) EXPECT_EQ(chars(b), CharOffset(text, b)) << b;
  EXPECT_EQ(CharOffset(text, static_cast<uint32_t>(text.size())), 22u);
  std::string long_text(1000, 'a');
  long_text += "\u00e9b";
  CharIndex long_chars(long_text);
  EXPECT_EQ(long_chars(static_cast<uint32_t>(long_text.size())), 1002u);
  // Every offset (and a few past the end) across checkpoints, with one- to
  // four-byte characters straddling the eight-byte words counted at once.
  std::string mixed;
  for (int i = 0; i < 50; ++i) mixed += "a\u201c\u00e9\u20ac\U0001F600";
  CharIndex mixed_chars(mixed);
  for (uint32_t b = 0; b <= mixed.size() + 3; ++b)
    EXPECT_EQ(mixed_chars(b), CharOffset(mixed, b)) << b;
  EXPECT_EQ(mixed_chars(static_cast<uint32_t>(mixed.size())), 250u);
  std::string exact(128, 'x');  // a length that is a multiple of the stride
  EXPECT_EQ(CharIndex(exact)(128), 128u);
  EXPECT_EQ(CharIndex(exact)(500), 128u);
  EXPECT_EQ(CharIndex(std::string())(0), 0u);
}

TEST(TypesTest, ClassesHaveQuads) {
  EXPECT_STREQ(QuadClass("CONSULT"), "verbal cooperation");
  EXPECT_STREQ(QuadClass("ASSAULT"), "material conflict");
  EXPECT_FALSE(IsKnownClass("MEET"));
  EXPECT_EQ(KnownClasses().size(), 17u);
}

Entity Actor(const std::string& label, const std::string& category = "person") {
  Entity e;
  e.id = EntityId(EntityKind::kActor, label);
  e.label = label;
  e.category = category;
  return e;
}

TEST(GraphTest, OneEdgePerSubjectClassPolarityObject) {
  std::vector<Entity> entities = {Actor("Vladimir Putin"), Actor("Steve Witkoff")};
  Entity issue;
  issue.id = "issue:sanctions";
  issue.kind = EntityKind::kIssue;
  issue.label = "sanctions";
  entities.push_back(issue);
  std::vector<Statement> st = {
      {"actor:vladimir-putin", "actor:steve-witkoff", "meet", "CONSULT", 0, false, 0.9f, "d1", "2025-01-02", 1},
      {"actor:vladimir-putin", "actor:steve-witkoff", "meet with", "CONSULT", 0, false, 0.7f, "d2", "2025-01-05", 2},
      {"actor:vladimir-putin", "actor:steve-witkoff", "criticize", "DISAPPROVE", -1, false, 0.8f, "d2", "", 3},
      {"actor:vladimir-putin", "issue:sanctions", "support", "SUPPORT", -1, true, 0.9f, "d1", "2025-01-02", 4},
      {"actor:vladimir-putin", "actor:nobody", "meet", "CONSULT", 0, false, 0.9f, "d1", "", 5},
  };
  auto g = Graph::Build(entities, st);
  EXPECT_EQ(g.num_nodes(), 3u);
  EXPECT_EQ(g.num_edges(), 3u);
  EXPECT_EQ(g.skipped(), 1u);
  auto edges = g.SortedEdges();
  const auto& consult = g.edge(edges[0]);
  EXPECT_EQ(consult.cls, "CONSULT");
  EXPECT_EQ(consult.weight, 2u);
  EXPECT_EQ(consult.documents, 2u);
  EXPECT_EQ(consult.first_date, "2025-01-02");
  EXPECT_EQ(consult.last_date, "2025-01-05");
  EXPECT_NEAR(consult.confidence, 0.8, 1e-6);
  EXPECT_EQ(consult.lemmas, (std::vector<std::string>{"meet", "meet with"}));
  EXPECT_EQ(consult.evidence, (std::vector<int64_t>{1, 2}));
  const auto& stance = g.edge(edges[2]);
  EXPECT_EQ(stance.cls, "SUPPORT");
  EXPECT_EQ(stance.negated, 1u);
  Vertex v;
  ASSERT_TRUE(g.Find("actor:steve-witkoff", &v));
  EXPECT_EQ(g.entity(v).label, "Steve Witkoff");
}

DocumentAnalysis Doc(std::vector<Entity> entities) {
  DocumentAnalysis a;
  a.entities = std::move(entities);
  for (const auto& e : a.entities) {
    Mention m;
    m.entity = e.id;
    a.mentions.push_back(m);
  }
  return a;
}

TEST(ResolverTest, SurnameJoinsTheKnownFullName) {
  EntityResolver r;
  r.Add(Actor("Vladimir Putin"));
  auto a = Doc({Actor("Putin"), Actor("Russia", "country")});
  Relation rel;
  rel.subject = "actor:putin";
  rel.object = "actor:russia";
  a.relations.push_back(rel);
  EXPECT_TRUE(r.Resolve(&a).empty());
  ASSERT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.entities[1].id, "actor:vladimir-putin");
  EXPECT_EQ(a.entities[1].label, "Vladimir Putin");
  EXPECT_EQ(a.relations[0].subject, "actor:vladimir-putin");
  EXPECT_EQ(a.mentions[0].entity, "actor:vladimir-putin");
}

TEST(ResolverTest, AFullNameAbsorbsAnEarlierLoneSurname) {
  EntityResolver r;
  r.Add(Actor("Putin"));
  auto a = Doc({Actor("Vladimir Putin")});
  auto merges = r.Resolve(&a);
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0], std::make_pair(std::string("actor:putin"), std::string("actor:vladimir-putin")));
  // From now on "Putin" is the full name.
  auto b = Doc({Actor("Putin")});
  r.Resolve(&b);
  EXPECT_EQ(b.entities[0].id, "actor:vladimir-putin");
}

TEST(ResolverTest, AmbiguousSurnamesStayApart) {
  EntityResolver r;
  r.Add(Actor("Donald Trump"));
  r.Add(Actor("Melania Trump"));
  auto a = Doc({Actor("Trump")});
  r.Resolve(&a);
  EXPECT_EQ(a.entities[0].id, "actor:trump");
}

TEST(ResolverTest, KnownAliasesMapToTheirEntity) {
  EntityResolver r;
  Entity eu = Actor("European Union", "organization");
  eu.aliases = {"EU"};
  r.Add(eu);
  auto a = Doc({Actor("the EU's", "organization")});
  r.Resolve(&a);
  EXPECT_EQ(a.entities[0].id, "actor:european-union");
  EXPECT_EQ(AliasKey("The Kremlin\u2019s"), "kremlin");
}

}  // namespace
}  // namespace newsgraph::graph
