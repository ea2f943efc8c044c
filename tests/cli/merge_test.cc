// End-to-end tests of `newsgraph merge`: databases built separately combine
// without losing or duplicating documents, entities or evidence, and a failed
// merge leaves the output as it was.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <string>

#include "cli_util.h"

namespace newsgraph::testing {
namespace {

std::string Build(const TempDir& tmp, const std::string& name, const std::string& inputs) {
  std::string db = tmp / name;
  auto r = RunNewsgraph("build " + inputs + " --db " + Quote(db), tmp.path());
  EXPECT_EQ(r.code, 0) << r.err;
  return db;
}

TEST(CliMerge, CombinesDatabasesOnceAndMergesEntities) {
  TempDir tmp;
  std::string w1 = Quote(Fixture("query/week1.txt")), w2 = Quote(Fixture("query/week2.txt")),
              w3 = Quote(Fixture("query/week3.jsonl"));
  std::string a = Build(tmp, "a.db", w1 + " " + w3);   // week3 is in both
  std::string b = Build(tmp, "b.db", w2 + " " + w3);
  std::string all = Build(tmp, "all.db", w1 + " " + w2 + " " + w3);
  std::string out = tmp / "out.db";
  auto r = RunNewsgraph("merge " + Quote(out) + " " + Quote(a) + " " + Quote(b), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("read 6 documents: 4 added (0 under a new id), 2 duplicate"), std::string::npos) << r.err;
  // The merged store has what one build of everything has.
  auto stats = [&](const std::string& db) {
    auto q = RunNewsgraph("query --db " + Quote(db) + " relations --format csv", tmp.path());
    EXPECT_EQ(q.code, 0) << q.err;
    std::string edges;
    std::istringstream in(q.out);
    std::string line;
    while (std::getline(in, line)) edges += line.substr(0, line.find(',')) + "\n";  // edge id
    return edges;
  };
  EXPECT_EQ(stats(out), stats(all));
  r = RunNewsgraph("query --db " + Quote(out) + " actor putin --format json", tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  EXPECT_STREQ(d["id"].GetString(), "actor:vladimir-putin") << "Putin (b) merged into Vladimir Putin (a)";
  EXPECT_EQ(d["documents"].GetUint(), 2u);
  // Evidence offsets survive the copy.
  r = RunNewsgraph("query --db " + Quote(out) +
                       " evidence 'actor:emmanuel-macron|SUPPORT|+1|issue:nato-membership' --format csv",
                   tmp.path());
  EXPECT_NE(r.out.find(",week1,,,,2,88,121,support,"), std::string::npos) << r.out;

  // Merging again adds nothing.
  r = RunNewsgraph("merge " + Quote(out) + " " + Quote(b), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("0 added (0 under a new id), 3 duplicate"), std::string::npos) << r.err;
}

TEST(CliMerge, FailureLeavesTheOutputAsItWas) {
  TempDir tmp;
  std::string a = Build(tmp, "a.db", Quote(Fixture("query/week1.txt")));
  std::string bad = tmp / "bad.db";
  { std::ofstream(bad) << "not a database at all"; }
  std::string out = tmp / "out.db";
  auto r = RunNewsgraph("merge " + Quote(out) + " " + Quote(a) + " " + Quote(bad), tmp.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("bad.db"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out)) << "no output created";
  std::string before = ReadFile(a);
  r = RunNewsgraph("merge " + Quote(a) + " " + Quote(a), tmp.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(ReadFile(a), before);
}

}  // namespace
}  // namespace newsgraph::testing
