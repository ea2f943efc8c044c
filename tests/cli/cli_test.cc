// End-to-end tests of the newsgraph command: build, extract, export and
// query on fixtures in tests/data/cli, with their output, messages, tallies
// and exit codes.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "cli_util.h"

namespace newsgraph::testing {
namespace {


// Substring by Unicode code points, as the JSONL contract counts offsets.
std::string CodePoints(const std::string& s, size_t begin, size_t end) {
  size_t cp = 0, b = std::string::npos, e = s.size();
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cp == begin && b == std::string::npos) b = i;
    if (cp == end) {
      e = i;
      break;
    }
    ++cp;
  }
  return b == std::string::npos ? "" : s.substr(b, e - b);
}

TEST(CliExtract, WritesTheJsonLinesContractWithCharacterOffsets) {
  TempDir tmp;
  auto r = RunNewsgraph("extract " + Quote(Fixture("cli/summit.txt")), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  std::string text = ReadFile(Fixture("cli/summit.txt"));
  auto records = JsonLines(r.out);
  std::map<std::string, int> types;
  std::set<std::string> labels;
  for (const auto& rec : records) {
    std::string type = rec["type"].GetString();
    types[type]++;
    EXPECT_STREQ(rec["doc"].GetString(), "summit");
    if (type == "entity") labels.insert(rec["label"].GetString());
    if (type == "triple") {
      const auto& ev = rec["evidence"];
      EXPECT_EQ(CodePoints(text, ev["start"].GetUint(), ev["end"].GetUint()), ev["text"].GetString());
      EXPECT_TRUE(rec["relation"]["class"].IsString());
      EXPECT_TRUE(rec["relation"]["polarity"].IsInt());
      EXPECT_TRUE(rec["relation"]["negated"].IsBool());
    }
    if (type == "mention")
      EXPECT_EQ(CodePoints(text, rec["start"].GetUint(), rec["end"].GetUint()), rec["text"].GetString());
  }
  EXPECT_EQ(types["document"], 1);
  EXPECT_GE(types["triple"], 4);
  EXPECT_TRUE(labels.count("Karl Nehammer")) << r.out;
  EXPECT_TRUE(labels.count("Robert Fico"));
  EXPECT_TRUE(labels.count("Hungary"));
  EXPECT_FALSE(labels.count("Nehammer")) << "surname must join the full name";
  EXPECT_NE(r.err.find("read 1 document: 1 accepted, 0 rejected"), std::string::npos) << r.err;
}

TEST(CliExtract, ReadsFoldersRecursivelyAndReportsOtherFiles) {
  TempDir tmp;
  auto r = RunNewsgraph("extract " + Quote(Fixture("cli/folder")), tmp.path());
  EXPECT_EQ(r.code, 0) << r.err;
  std::set<std::string> docs;
  for (const auto& rec : JsonLines(r.out)) docs.insert(rec["doc"].GetString());
  EXPECT_EQ(docs, (std::set<std::string>{"a", "sub/b"}));  // ids relative to the folder
  EXPECT_NE(r.err.find("notes.csv: skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("read 2 documents: 2 accepted, 0 rejected (1 other file skipped)"), std::string::npos)
      << r.err;
}

TEST(CliExtract, ReadsStandardInput) {
  TempDir tmp;
  auto r = RunNewsgraph("extract - < " + Quote(Fixture("cli/wire.jsonl")), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  std::set<std::string> docs;
  for (const auto& rec : JsonLines(r.out)) docs.insert(rec["doc"].GetString());
  EXPECT_EQ(docs, (std::set<std::string>{"w1", "w2"}));
  r = RunNewsgraph("extract --format text - < " + Quote(Fixture("cli/good.txt")), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("# stdin"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Brazil  SUPPORT(+)"), std::string::npos) << r.out;
}

TEST(CliErrors, BadInputsAreReportedCountedAndTheRestIsProcessed) {
  TempDir tmp;
  auto r = RunNewsgraph("extract " + Quote(Fixture("cli/good.txt")) + " " + Quote(Fixture("cli/empty.txt")) + " " +
                            Quote(Fixture("cli/latin1.txt")) + " " + Quote(Fixture("cli/mixed.jsonl")) + " " +
                            Quote(Fixture("cli/missing.txt")) + " " + Quote(Fixture("cli/folder/notes.csv")),
                        tmp.path());
  EXPECT_EQ(r.code, 1) << "finished, but some inputs were rejected";
  EXPECT_NE(r.err.find("empty.txt: empty document"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("latin1.txt: line 1, column 4 (byte 3): invalid UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:2: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:3: field \"text\" is missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.txt: no such file or folder"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("notes.csv: unknown file type '.csv'"), std::string::npos) << r.err;
  // good.txt + ok1 + ok2 accepted; empty, latin1, 2 bad lines, missing, csv rejected.
  EXPECT_NE(r.err.find("read 9 documents: 3 accepted, 6 rejected"), std::string::npos) << r.err;
  std::set<std::string> docs;
  for (const auto& rec : JsonLines(r.out)) docs.insert(rec["doc"].GetString());
  EXPECT_EQ(docs, (std::set<std::string>{"good", "ok1", "ok2"}));
}

TEST(CliErrors, UsageErrorsExitTwo) {
  TempDir tmp;
  EXPECT_EQ(RunNewsgraph("", tmp.path()).code, 2);
  EXPECT_EQ(RunNewsgraph("extract", tmp.path()).code, 2);
  EXPECT_EQ(RunNewsgraph("extract --format xml " + Quote(Fixture("cli/good.txt")), tmp.path()).code, 2);
  auto r = RunNewsgraph("query --db " + Quote(tmp / "none.db") + " actor Fico", tmp.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("none.db"), std::string::npos) << r.err;
}

TEST(CliBuild, BuildsOnceAddsNothingTwiceAndAddsNewFiles) {
  TempDir tmp;
  std::string db = tmp / "g.db";
  auto r = RunNewsgraph("build " + Quote(Fixture("cli/summit.txt")) + " --db " + Quote(db), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 document (1 new, 0 already there)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("top relations:"), std::string::npos) << r.out;
  std::string first_summary = r.out.substr(r.out.find("sentences"));
  r = RunNewsgraph("build " + Quote(Fixture("cli/summit.txt")) + " --db " + Quote(db), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 document (0 new, 1 already there)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.substr(r.out.find("sentences")), first_summary) << "nothing added the second time";
  r = RunNewsgraph("build " + Quote(Fixture("cli/folder")) + " " + Quote(Fixture("cli/wire.jsonl")) + " --db " +
                       Quote(db),
                   tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("5 documents (4 new, 0 already there)"), std::string::npos) << r.out;
}

TEST(CliBuild, FailedInputsDoNotStopTheBuild) {
  TempDir tmp;
  std::string db = tmp / "g.db";
  auto r = RunNewsgraph("build " + Quote(Fixture("cli/mixed.jsonl")) + " --db " + Quote(db), tmp.path());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("read 4 documents: 2 accepted, 2 rejected"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("2 documents (2 new"), std::string::npos) << r.out;
}

TEST(CliQuery, ActorAnswersByAliasWithEvidence) {
  TempDir tmp;
  std::string db = tmp / "g.db";
  ASSERT_EQ(RunNewsgraph("build " + Quote(Fixture("cli/summit.txt")) + " --db " + Quote(db), tmp.path()).code, 0);
  auto r = RunNewsgraph("query --db " + Quote(db) + " actor fico", tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Robert Fico  [actor:robert-fico]  person, Prime Minister, Slovakia"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("relations in:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CONSULT"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("summit #"), std::string::npos) << "evidence names its document";
  r = RunNewsgraph("query --db " + Quote(db) + " actor 'Robert Fico' --json", tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  EXPECT_STREQ(d["id"].GetString(), "actor:robert-fico");
  ASSERT_TRUE(d["relations"].IsArray());
  ASSERT_GT(d["relations"].Size(), 0u);
  for (const auto& rel : d["relations"].GetArray()) {
    EXPECT_GT(rel["weight"].GetInt(), 0);
    EXPECT_GT(std::string(rel["evidence"]["text"].GetString()).size(), 10u);
  }
  r = RunNewsgraph("query --db " + Quote(db) + " actor Nobody", tmp.path());
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("no actor named \"Nobody\""), std::string::npos) << r.err;
}

TEST(CliExport, GraphMlLoadsInNetworkXAndMatchesTheStore) {
  if (std::system("/usr/bin/python3 -c 'import networkx' 2>/dev/null") != 0) GTEST_SKIP() << "no python3-networkx";
  TempDir tmp;
  std::string db = tmp / "g.db", graphml = tmp / "g.graphml";
  ASSERT_EQ(RunNewsgraph("build " + Quote(Fixture("cli")) + " --db " + Quote(db), tmp.path()).code, 1);
  auto r = RunNewsgraph("export --db " + Quote(db) + " --format graphml -o " + Quote(graphml), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  // Nodes are the stored entities that take part in a relation (the others
  // only with --keep-isolated); edges the distinct (subject, object, class,
  // polarity) of the stored statements, with weight = statements.
  std::string script = tmp / "check.py";
  std::ofstream(script) << R"PY(
import sqlite3, sys, networkx as nx
db, path = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path, force_multigraph=True)
con = sqlite3.connect(db)
entities = {eid: label for eid, label in con.execute("SELECT eid, label FROM entities")}
linked = {label for eid, label in con.execute(
    "SELECT eid, label FROM entities WHERE id IN (SELECT subject FROM relations UNION SELECT object FROM relations)")}
labels = {d["label"] for _, d in g.nodes(data=True)}
assert labels == linked, (labels ^ linked)
assert len(linked) < len(entities), "the fixture has entities without relations"
every = nx.read_graphml(sys.argv[3], force_multigraph=True)
assert {d["label"] for _, d in every.nodes(data=True)} == set(entities.values())
rows = con.execute("""SELECT s.eid, o.eid, r.class, r.polarity, count(*) FROM relations r
  JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object
  GROUP BY 1, 2, 3, 4""").fetchall()
assert g.number_of_edges() == len(rows), (g.number_of_edges(), len(rows))
by_label = {d["label"]: n for n, d in g.nodes(data=True)}
for s, o, cls, pol, n in rows:
    u, v = by_label[entities[s]], by_label[entities[o]]
    found = [d for _, t, d in g.out_edges(u, data=True) if t == v and d["class"] == cls and int(d["polarity"]) == pol]
    assert len(found) == 1, (s, o, cls, pol, found)
    assert int(found[0]["weight"]) == n, (found[0]["weight"], n)
print("ok", g.number_of_nodes(), g.number_of_edges())
)PY";
  r = RunNewsgraph("export --db " + Quote(db) + " --format graphml --keep-isolated -o " + Quote(tmp / "all.graphml"),
                   tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  std::string cmd = "/usr/bin/python3 " + Quote(script) + " " + Quote(db) + " " + Quote(graphml) + " " +
                    Quote(tmp / "all.graphml") + " > " + Quote(tmp / "py.out") + " 2>&1";
  int status = std::system(cmd.c_str());
  EXPECT_EQ(status, 0) << ReadFile(tmp / "py.out");
  EXPECT_EQ(ReadFile(tmp / "py.out").rfind("ok ", 0), 0u) << ReadFile(tmp / "py.out");
}

}  // namespace
}  // namespace newsgraph::testing
