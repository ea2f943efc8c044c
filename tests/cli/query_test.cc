// End-to-end tests of `newsgraph query` (actor, issue, stance, relations,
// evidence, path, top) and of incremental builds, on the short articles in
// tests/data/query: output, formats, messages and exit codes.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "cli_util.h"

namespace newsgraph::testing {
namespace {

class QueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    db_ = *tmp_ / "q.db";
    // Built in two runs: the second adds to the first incrementally.
    auto r = RunNewsgraph("build " + Quote(Fixture("query/week1.txt")) + " --db " + Quote(db_), tmp_->path());
    ASSERT_EQ(r.code, 0) << r.err;
    r = RunNewsgraph("build " + Quote(Fixture("query/week2.txt")) + " " + Quote(Fixture("query/week3.jsonl")) +
                         " --db " + Quote(db_),
                     tmp_->path());
    ASSERT_EQ(r.code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete tmp_; }
  RunResult Query(const std::string& args) { return RunNewsgraph("query --db " + Quote(db_) + " " + args, tmp_->path()); }
  static TempDir* tmp_;
  static std::string db_;
};
TempDir* QueryTest::tmp_ = nullptr;
std::string QueryTest::db_;

TEST_F(QueryTest, IncrementalBuildKeepsOneNodePerActor) {
  // Putin is named in week1 (full name) and week2 (surname only): one node.
  auto r = Query("actor putin --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  EXPECT_STREQ(d["id"].GetString(), "actor:vladimir-putin");
  EXPECT_EQ(d["documents"].GetUint(), 2u) << "week1 and week2";
  bool threat = false, consult = false;
  for (const auto& rel : d["relations"].GetArray()) {
    std::string cls = rel["class"].GetString();
    threat |= cls == "THREATEN";  // from week2
    consult |= cls == "CONSULT";  // from week1
  }
  EXPECT_TRUE(threat && consult) << r.out;
  r = Query("relations --format csv");
  EXPECT_EQ(r.out.find("actor:putin,"), std::string::npos) << "no second Putin node";
}

TEST_F(QueryTest, ActorGroupsRelationsAndStancesWithEvidence) {
  auto r = Query("actor 'VLADIMIR PUTIN'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("relations out:\n  CONSULT\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("relations in:\n  DISAPPROVE\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("issues:\n  against\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("week1 #1: \"Putin rejected NATO membership.\""), std::string::npos) << r.out;
  r = Query("actor putin --json");  // the old alias of --format json
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(r.out[0], '{');
}

TEST_F(QueryTest, IssueListsForAndAgainstWithWeights) {
  auto r = Query("issue 'nato membership'");
  ASSERT_EQ(r.code, 0) << r.err;
  size_t f = r.out.find("\nfor:\n"), a = r.out.find("\nagainst:\n");
  ASSERT_NE(f, std::string::npos) << r.out;
  ASSERT_NE(a, std::string::npos) << r.out;
  size_t macron = r.out.find("Emmanuel Macron"), scholz = r.out.find("Olaf Scholz");
  EXPECT_TRUE(f < macron && macron < a) << r.out;
  EXPECT_GT(scholz, a) << r.out;
  EXPECT_NE(r.out.find("weight 2, 2 docs"), std::string::npos) << "Macron supports it twice";
  r = Query("issue 'nato membership' --format csv");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("issue,stance,actor,actor_label,class,weight", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("issue:nato-membership,against,actor:olaf-scholz,Olaf Scholz,REJECT,1,1,"),
            std::string::npos)
      << r.out;
}

TEST_F(QueryTest, StanceTableMarksForAndAgainst) {
  auto r = Query("stance --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsArray()) << r.out;
  std::map<std::string, std::string> stance;
  for (const auto& row : d.GetArray()) stance[row["actor"].GetString()] = row["stance"].GetString();
  EXPECT_EQ(stance["actor:emmanuel-macron"], "+");
  EXPECT_EQ(stance["actor:vladimir-putin"], "-");
  EXPECT_EQ(stance["actor:volodymyr-zelensky"], "+");
  r = Query("stance");
  EXPECT_NE(r.out.find("I1 = NATO membership"), std::string::npos) << r.out;
}

TEST_F(QueryTest, RelationsFilterAndEvidenceRoundTrip) {
  auto r = Query("relations --class consult --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsArray());
  ASSERT_EQ(d.Size(), 3u) << r.out;
  for (const auto& e : d.GetArray()) EXPECT_STREQ(e["class"].GetString(), "CONSULT");
  r = Query("relations --subject macron --polarity + --issue 'NATO membership' --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("actor:emmanuel-macron|SUPPORT|+1|issue:nato-membership"), std::string::npos) << r.out;
  r = Query("relations --from 2024-05-05 --to 2024-05-31 --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("week1"), std::string::npos) << "undated and early documents are out";
  EXPECT_NE(r.out.find("week3-b"), std::string::npos) << r.out;
  r = Query("relations --class THREATEN --polarity + ");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no relations match"), std::string::npos);
  r = Query("relations --class HUG");
  EXPECT_EQ(r.code, 2);

  r = Query("evidence 'actor:emmanuel-macron|SUPPORT|+1|issue:nato-membership' --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(",week1,,,,2,88,121,support,0,0.900,Macron supported NATO membership."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(",week3-b,2024-05-09,Aid,,0,0,75,back,"), std::string::npos) << r.out;
  auto same = Query("evidence macron support + 'nato membership' --format csv");
  EXPECT_EQ(same.out, r.out) << "names and separate arguments name the same edge";
  EXPECT_EQ(Query("evidence 'a|b'").code, 2);
}

TEST_F(QueryTest, EvidenceShowsTheDocumentsTitleInEveryFormat) {
  const std::string edge = "evidence 'actor:emmanuel-macron|SUPPORT|+1|issue:nato-membership'";
  auto r = Query(edge);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("week3-b #0 (2024-05-09)  back, confidence 0.900, characters 0-75\n  title: Aid\n  "
                       "\"Macron backed NATO membership"),
            std::string::npos)
      << r.out;
  r = Query(edge + " --format json");
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsArray() && d.Size() == 2u) << r.out;
  EXPECT_STREQ(d[1]["title"].GetString(), "Aid");
  EXPECT_TRUE(d[1].HasMember("url"));
}

TEST_F(QueryTest, EveryQueryTakesTheSameDateWindow) {
  // week1 and week2 are undated; week3-a is 2024-05-02, week3-b 2024-05-09.
  auto r = Query("actor macron --from 2024-05 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsObject()) << r.out;
  ASSERT_EQ(d["relations"].Size(), 1u) << r.out;
  EXPECT_STREQ(d["relations"][0]["class"].GetString(), "SUPPORT");
  EXPECT_EQ(d["relations"][0]["weight"].GetUint(), 1u) << "week1's support is undated";
  r = Query("issue 'nato membership' --from 2024-05-05 --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("actor:emmanuel-macron"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("actor:volodymyr-zelensky"), std::string::npos) << r.out;
  r = Query("stance --from 2024-05-05 --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("actor:volodymyr-zelensky"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("actor:olaf-scholz"), std::string::npos) << r.out;
  r = Query("evidence macron support + 'nato membership' --to 2024-05-31 --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("week1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("week3-b"), std::string::npos) << r.out;
  r = Query("top --kind all --from 2024-05-05 --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("actor:jared-kushner"), std::string::npos) << "no relation in the window: " << r.out;
  EXPECT_EQ(r.out.find("actor:vladimir-putin"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("actor:olaf-scholz"), std::string::npos) << r.out;
  r = Query("path kushner zelensky --from 2024-05");
  EXPECT_EQ(r.code, 1) << "the chain runs through undated documents";
  for (const char* q : {"actor macron", "issue 'nato membership'", "stance", "relations", "path kushner zelensky",
                        "top", "evidence macron support + 'nato membership'"}) {
    r = Query(std::string(q) + " --from 'May 2024'");
    EXPECT_EQ(r.code, 2) << q;
    EXPECT_NE(r.err.find("bad date for --from 'May 2024'"), std::string::npos) << q << ": " << r.err;
    r = Query(std::string(q) + " --from 2024-06 --to 2024-05");
    EXPECT_EQ(r.code, 2) << q;
  }
}

TEST(QueryPathTest, ActorsOnlyKeepsPathsOffIssueNodes) {
  TempDir tmp;
  std::ofstream(tmp / "p.jsonl")
      << R"({"id": "p1", "date": "2024-06-01", "text": "Boris Johnson backed NATO membership."})" "\n"
      << R"({"id": "p2", "date": "2024-06-03", "text": "Kaja Kallas backed NATO membership. Kaja Kallas met Olaf )"
         R"(Scholz in Berlin."})" "\n";
  auto r = RunNewsgraph("build " + Quote(tmp / "p.jsonl") + " --db " + Quote(tmp / "p.db"), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  auto q = [&](const std::string& args) { return RunNewsgraph("query --db " + Quote(tmp / "p.db") + " " + args, tmp.path()); };
  r = q("path johnson scholz --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(",issue:nato-membership,"), std::string::npos) << "the only chain runs through the issue";
  r = q("path johnson scholz --actors-only");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.err.find("through actors only"), std::string::npos) << r.err;
  r = q("path kallas scholz --actors-only --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("issue:"), std::string::npos) << r.out;
  EXPECT_EQ(q("path johnson 'nato membership' --actors-only").code, 2);
  EXPECT_EQ(q("top --actors-only --kind issue").code, 2);
}

TEST_F(QueryTest, PathJoinsKushnerAndZelenskyThroughEvidence) {
  auto r = Query("path kushner zelensky --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsArray()) << r.out;
  ASSERT_GE(d.Size(), 2u);
  EXPECT_STREQ(d[0]["from"].GetString(), "actor:jared-kushner");
  EXPECT_STREQ(d[d.Size() - 1]["to"].GetString(), "actor:volodymyr-zelensky");
  for (size_t i = 1; i < d.Size(); ++i) EXPECT_STREQ(d[i]["from"].GetString(), d[i - 1]["to"].GetString());
  for (const auto& s : d.GetArray()) EXPECT_GT(std::string(s["text"].GetString()).size(), 10u);
  r = Query("path kushner nobody");
  EXPECT_EQ(r.code, 1);
}

TEST_F(QueryTest, TopRanksCentralActors) {
  auto r = Query("top --by degree --format csv --limit 1");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1,actor:vladimir-putin,Vladimir Putin,actor,"), std::string::npos) << r.out;
  for (const char* by : {"pagerank", "betweenness"}) {
    r = Query(std::string("top --by ") + by + " --kind all --format json");
    ASSERT_EQ(r.code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    ASSERT_TRUE(d.IsArray() && d.Size() > 3) << r.out;
    for (size_t i = 1; i < d.Size(); ++i) EXPECT_GE(d[i - 1][by].GetDouble(), d[i][by].GetDouble());
  }
  EXPECT_EQ(Query("top --by fame").code, 2);
}

TEST_F(QueryTest, OlderFileGainsQueryIndexesOnceWithTheSameAnswers) {
  // A copy of the database with the indexes of files written before the
  // query indexes (docs/store.md): answered the same; the first query adds
  // them (said on stderr), later ones say nothing.
  std::string old_db = *tmp_ / "old.db";
  std::string py =
      "import shutil, sqlite3; shutil.copy(\"" + db_ + "\", \"" + old_db + "\"); c = sqlite3.connect(\"" +
      old_db +
      "\"); c.executescript(\"DROP INDEX documents_date; DROP INDEX mentions_entity_doc; DROP INDEX "
      "relations_edge; CREATE INDEX mentions_entity ON mentions(entity); CREATE INDEX relations_subject ON "
      "relations(subject);\"); c.close()";
  ASSERT_EQ(std::system((std::string(NEWSGRAPH_PYTHON) + " -c " + Quote(py)).c_str()), 0);
  auto old_query = [&](const std::string& args) {
    return RunNewsgraph("query --db " + Quote(old_db) + " " + args, tmp_->path());
  };
  auto first = old_query("actor putin --format json");
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.err.find("adding query indexes"), std::string::npos) << first.err;
  EXPECT_EQ(first.out, Query("actor putin --format json").out);
  for (const char* q : {"actor putin", "issue 'nato membership' --format csv", "stance --format json",
                        "relations --class consult --format csv", "path kushner zelensky",
                        "top --by betweenness --kind all", "top --by pagerank --format csv",
                        "evidence 'actor:emmanuel-macron|SUPPORT|+1|issue:nato-membership'"}) {
    auto r = old_query(q);
    EXPECT_EQ(r.err, "") << q;
    EXPECT_EQ(r.out, Query(q).out) << q;
  }
}

TEST_F(QueryTest, ExactIdsResolveWithoutCountsButKeepTheirKind) {
  // An exact id is taken as it is (no counting of mentions), of the right kind only.
  auto r = Query("relations --subject actor:vladimir-putin --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, Query("relations --subject putin --format csv").out);
  r = Query("issue actor:vladimir-putin");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no issue named \"actor:vladimir-putin\""), std::string::npos) << r.err;
  r = Query("actor actor:vladimir-putin --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, Query("actor putin --format json").out) << "counts filled for actor";
}

TEST_F(QueryTest, ExitCodesAndMessages) {
  auto r = Query("actor nobody");
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.empty());
  r = RunNewsgraph("query --db " + Quote(*tmp_ / "missing.db") + " actor putin", tmp_->path());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Query("issue putin").code, 1) << "an actor is not an issue";
}

}  // namespace
}  // namespace newsgraph::testing
