// End-to-end tests of `newsgraph alias` (curation: merge a node into
// another, undo it, later builds keep the alias) and `newsgraph actors
// --suspect` (likely junk and duplicates for review).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "cli_util.h"

namespace newsgraph::testing {
namespace {

void Write(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

std::string Sql(const std::string& db, const std::string& sql) {
  TempDir tmp;
  std::string cmd = "sqlite3 '" + db + "' \"" + sql + "\" > '" + tmp / "out" + "' 2>&1";
  if (std::system(cmd.c_str()) != 0) return "(sqlite3 failed)";
  std::string s = ReadFile(tmp / "out");
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

class CliAlias : public ::testing::Test {
 protected:
  void SetUp() override {
    // Two people share a surname; the lone surname is its own node.
    Write(tmp_ / "a.txt", "Marta Kowalczyk met Ivan Petrenko in Warsaw. Marta Kowalczyk praised Poland.\n");
    Write(tmp_ / "b.txt", "Tomasz Kowalczyk criticized Ivan Petrenko. Tomasz Kowalczyk met Lithuania's envoy.\n");
    Write(tmp_ / "c.txt", "Kowalczyk condemned Russia. Kowalczyk also criticized Belarus.\n");
    db_ = tmp_ / "g.db";
    auto r = RunNewsgraph("build -q --db " + Quote(db_) + " " + Quote(tmp_ / "a.txt") + " " + Quote(tmp_ / "b.txt") +
                              " " + Quote(tmp_ / "c.txt"),
                          tmp_.path());
    ASSERT_EQ(r.code, 0) << r.err;
  }
  TempDir tmp_;
  std::string db_;
};

TEST_F(CliAlias, MergeAndUndoRoundTrip) {
  std::string before_entities = Sql(db_, "SELECT count(*) FROM entities");
  std::string before = Sql(db_, "SELECT e.eid, count(*) FROM relations r JOIN entities e ON e.id = r.subject GROUP BY e.eid ORDER BY 1");
  ASSERT_EQ(Sql(db_, "SELECT count(*) FROM entities WHERE eid = 'actor:kowalczyk'"), "1") << "the lone surname is ambiguous";
  auto r = RunNewsgraph("alias --db " + Quote(db_) + " Kowalczyk 'Marta Kowalczyk'", tmp_.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Sql(db_, "SELECT count(*) FROM entities WHERE eid = 'actor:kowalczyk'"), "0");
  // Its mentions, relations (and so evidence) and aliases moved.
  EXPECT_EQ(Sql(db_, "SELECT count(*) FROM relations r JOIN entities e ON e.id = r.subject WHERE e.eid = 'actor:marta-kowalczyk' "
                     "AND r.doc = (SELECT id FROM documents WHERE doc_id = 'c')"),
            Sql(db_, "SELECT count(*) FROM relations WHERE doc = (SELECT id FROM documents WHERE doc_id = 'c')"));
  EXPECT_EQ(Sql(db_, "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity WHERE e.eid = 'actor:marta-kowalczyk' AND a.norm = 'kowalczyk'"), "1");
  r = RunNewsgraph("alias --db " + Quote(db_) + " --list", tmp_.path());
  EXPECT_NE(r.out.find("Kowalczyk\tactor:marta-kowalczyk"), std::string::npos) << r.out;
  r = RunNewsgraph("query --db " + Quote(db_) + " actor Kowalczyk --format json", tmp_.path());
  EXPECT_NE(r.out.find("actor:marta-kowalczyk"), std::string::npos) << r.out << r.err;

  // Undo: the node and everything it had come back.
  r = RunNewsgraph("alias --db " + Quote(db_) + " --undo Kowalczyk", tmp_.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Sql(db_, "SELECT count(*) FROM entities"), before_entities);
  EXPECT_EQ(Sql(db_, "SELECT e.eid, count(*) FROM relations r JOIN entities e ON e.id = r.subject GROUP BY e.eid ORDER BY 1"), before);
  EXPECT_EQ(Sql(db_, "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity WHERE e.eid = 'actor:marta-kowalczyk' AND a.norm = 'kowalczyk'"), "0");
  r = RunNewsgraph("alias --db " + Quote(db_) + " --undo Kowalczyk", tmp_.path());
  EXPECT_EQ(r.code, 1) << "nothing left to undo";
}

TEST_F(CliAlias, ALaterBuildKeepsTheAlias) {
  auto r = RunNewsgraph("alias --db " + Quote(db_) + " Kowalczyk 'Tomasz Kowalczyk'", tmp_.path());
  ASSERT_EQ(r.code, 0) << r.err;
  Write(tmp_ / "d.txt", "Kowalczyk rejected the Belarusian proposal. Kowalczyk met Ivan Petrenko again.\n");
  r = RunNewsgraph("build -q --db " + Quote(db_) + " " + Quote(tmp_ / "d.txt"), tmp_.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Sql(db_, "SELECT count(*) FROM entities WHERE eid = 'actor:kowalczyk'"), "0");
  EXPECT_NE(Sql(db_, "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity JOIN documents d ON d.id = m.doc "
                     "WHERE e.eid = 'actor:tomasz-kowalczyk' AND d.doc_id = 'd'"),
            "0");
}

TEST_F(CliAlias, UnknownNamesAreErrors) {
  auto r = RunNewsgraph("alias --db " + Quote(db_) + " Nobody 'Marta Kowalczyk'", tmp_.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no actor named \"Nobody\""), std::string::npos) << r.err;
}

TEST_F(CliAlias, SuspectListsJunkAndDuplicates) {
  // Junk written straight into the store (the extractor no longer makes it).
  Sql(db_, "INSERT INTO entities(eid, kind, label, category) VALUES('actor:president-of', 'actor', 'President of', 'person'),"
           "('actor:um', 'actor', 'Um', 'person'), ('actor:volodymyr-zelenskyy', 'actor', 'Volodymyr Zelenskyy', 'person'),"
           "('actor:volodymyr-zelensky', 'actor', 'Volodymyr Zelensky', 'person')");
  auto r = RunNewsgraph("actors --db " + Quote(db_) + " --suspect", tmp_.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("ends in a preposition: 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("President of [actor:president-of]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("one or two letters: 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("same spelling key \"volodimir zelenski\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("surname of another person"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Kowalczyk [actor:kowalczyk]"), std::string::npos) << r.out;
  r = RunNewsgraph("actors --db " + Quote(db_) + " --limit 3", tmp_.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("label"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace newsgraph::testing
