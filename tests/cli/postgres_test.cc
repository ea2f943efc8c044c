// End-to-end tests of the PostgreSQL store through the CLI, against the real
// server tests/pg/with_postgres.sh starts (NEWSGRAPH_TEST_PG): several
// `newsgraph build` processes writing into one database at once lose and
// duplicate nothing and make the graph one build makes; `merge` moves
// stores between SQLite and PostgreSQL both ways with the same ids; a URI
// with a password is refused. Without the variable every test skips.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_util.h"

namespace newsgraph::testing {
namespace {

// A fresh schema on the test server, as a URI newsgraph can use; empty
// (and the test skipped) without a server.
class PgSchema {
 public:
  explicit PgSchema(const std::string& name) {
    const char* base = std::getenv("NEWSGRAPH_TEST_PG");
    if (!base || !*base) return;
    base_ = base;
    schema_ = name + std::to_string(::getpid());
    Psql("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    uri_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
  }
  ~PgSchema() {
    if (!uri_.empty()) Psql("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  const std::string& uri() const { return uri_; }
  // Runs SQL with psql in the schema (after it exists); returns its output
  // (unaligned, tuples only).
  std::string Psql(const std::string& sql) const {
    std::string base = (std::filesystem::temp_directory_path() / ("psql-" + schema_)).string();
    std::ofstream(base + ".sql") << (uri_.empty() ? "" : "SET search_path TO " + schema_ + ";\n") << sql << ";\n";
    std::string cmd = "psql -X -q -A -t -v ON_ERROR_STOP=1 " + Quote(base_) + " -f " + Quote(base + ".sql") +
                      " >" + Quote(base + ".out");
    EXPECT_EQ(std::system(cmd.c_str()), 0) << sql;
    std::string text = ReadFile(base + ".out");
    std::filesystem::remove(base + ".sql");
    std::filesystem::remove(base + ".out");
    return text;
  }

 private:
  std::string base_, schema_, uri_;
};

#define NEED_PG(schema) \
  if ((schema).uri().empty()) GTEST_SKIP() << "NEWSGRAPH_TEST_PG is not set (run under tests/pg/with_postgres.sh)"

// A corpus of n short news items as JSON Lines, written for this test:
// the same dozen countries meet, criticise and sign with each other, so
// that concurrent builders meet the same new actors at the same moments.
void WriteCorpus(const std::string& path, int first, int n) {
  static const char* kActors[] = {"Russia", "Ukraine", "France", "Germany", "Poland", "Turkey",
                                  "China",  "Japan",   "Brazil", "India",   "Canada", "Mexico"};
  static const char* kVerbs[] = {"criticised", "praised", "met with", "condemned", "supported"};
  std::ofstream out(path);
  for (int i = first; i < first + n; ++i) {
    std::string text;
    for (int s = 0; s < 3; ++s) {
      const char* a = kActors[(i * 7 + s * 5) % 12];
      const char* b = kActors[(i * 5 + s * 3 + 1) % 12];
      if (a == b) b = kActors[(i + s + 6) % 12];
      text += std::string(a) + " " + kVerbs[(i + s) % 5] + " " + b + " on day " + std::to_string(i) + ". ";
    }
    out << "{\"id\": \"item-" << i << "\", \"date\": \"2024-06-" << (10 + i % 20) << "\", \"text\": \"" << text
        << "\"}\n";
  }
}

// The CSV export (nodes, then edges). keep_evidence false drops the
// evidence column: statement row ids, which follow the order in which
// concurrent builders happened to commit.
std::string ExportCsv(const TempDir& tmp, const std::string& db, const std::string& name, bool keep_evidence = true) {
  auto r = RunNewsgraph("export --db " + Quote(db) + " --format csv -o " + Quote(tmp / name), tmp.path());
  EXPECT_EQ(r.code, 0) << r.err;
  std::string edges = ReadFile(tmp / (name + ".edges.csv"));
  if (!keep_evidence) {
    std::istringstream in(edges);
    std::string line, out;
    int column = -1;
    while (std::getline(in, line)) {
      // Fields before evidence hold no quoted commas.
      std::vector<std::string> fields;
      size_t at = 0;
      for (int i = 0; i < 17 && at != std::string::npos; ++i) {
        size_t comma = line.find(',', at);
        fields.push_back(line.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
        at = comma == std::string::npos ? comma : comma + 1;
      }
      if (column < 0)
        for (size_t i = 0; i < fields.size(); ++i)
          if (fields[i] == "evidence") column = static_cast<int>(i);
      // Exports carry evidence by document, not store row id (evidence_*
      // columns, the same from either backend); an "evidence" column of
      // row ids, where present, differs by backend and is left out.
      if (column < 0) {
        out = edges;
        break;
      }
      std::string kept;
      for (int i = 0; i < static_cast<int>(fields.size()); ++i)
        if (i != column) kept += fields[i] + ",";
      out += kept + (at == std::string::npos ? "" : line.substr(at)) + "\n";
    }
    edges = out;
  }
  return ReadFile(tmp / (name + ".nodes.csv")) + "\n" + edges;
}

TEST(CliPostgres, ConcurrentBuildersLoseNothingDuplicateNothingSplitNothing) {
  PgSchema pg("concurrent");
  NEED_PG(pg);
  TempDir tmp;
  constexpr int kWorkers = 4, kPerWorker = 30;
  std::vector<std::string> parts;
  std::string all;
  for (int w = 0; w < kWorkers; ++w) {
    parts.push_back(tmp / ("part" + std::to_string(w) + ".jsonl"));
    WriteCorpus(parts.back(), w * kPerWorker, kPerWorker);
    all += Quote(parts.back()) + " ";
  }
  // One builder, SQLite: the reference.
  auto one = RunNewsgraph("build -q " + all + " --db " + Quote(tmp / "one.db"), tmp.path());
  ASSERT_EQ(one.code, 0) << one.err;
  // Four builders at once into one PostgreSQL database, each its own slice
  // and, to race on documents too, every worker also the first slice.
  std::string script;
  for (int w = 0; w < kWorkers; ++w)
    script += "'" + std::string(NEWSGRAPH_BINARY) + "' build -q --commit-every 1 " + Quote(parts[w]) + " " +
              Quote(parts[0]) + " --db " + Quote(pg.uri()) + " >" + Quote(tmp / ("w" + std::to_string(w) + ".log")) +
              " 2>&1 & pids=\"$pids $!\"\n";
  script += "rc=0; for p in $pids; do wait $p || rc=1; done; exit $rc\n";
  std::ofstream(tmp / "race.sh") << script;
  int status = std::system(("bash " + Quote(tmp / "race.sh")).c_str());
  for (int w = 0; w < kWorkers; ++w) SCOPED_TRACE(ReadFile(tmp / ("w" + std::to_string(w) + ".log")));
  ASSERT_EQ(status, 0) << ReadFile(tmp / "w0.log") << ReadFile(tmp / "w1.log") << ReadFile(tmp / "w2.log")
                       << ReadFile(tmp / "w3.log");
  // Same documents, sentences, entities, mentions and relations as one
  // builder: nothing lost, nothing duplicated, no actor split in two.
  EXPECT_EQ(pg.Psql("SELECT count(*) FROM documents"), std::to_string(kWorkers * kPerWorker) + "\n");
  EXPECT_EQ(pg.Psql("SELECT count(*) FROM (SELECT eid FROM entities GROUP BY eid HAVING count(*) > 1) x"), "0\n");
  EXPECT_EQ(pg.Psql("SELECT count(*) FROM (SELECT norm FROM aliases GROUP BY norm HAVING count(DISTINCT entity) "
                    "> 1) x"),
            "0\n");
  EXPECT_EQ(ExportCsv(tmp, pg.uri(), "pg", false), ExportCsv(tmp, tmp / "one.db", "one", false));
}

TEST(CliPostgres, MergeMovesStoresBothWaysWithTheSameIds) {
  PgSchema pg("merge");
  NEED_PG(pg);
  TempDir tmp;
  std::string w1 = Quote(Fixture("query/week1.txt")), w2 = Quote(Fixture("query/week2.txt")),
              w3 = Quote(Fixture("query/week3.jsonl"));
  auto r = RunNewsgraph("build -q " + w1 + " " + w2 + " " + w3 + " --db " + Quote(tmp / "local.db"), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  // SQLite -> PostgreSQL.
  r = RunNewsgraph("merge " + Quote(pg.uri()) + " " + Quote(tmp / "local.db"), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("read 4 documents: 4 added"), std::string::npos) << r.err;
  // PostgreSQL -> a new SQLite file.
  r = RunNewsgraph("merge " + Quote(tmp / "back.db") + " " + Quote(pg.uri()), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("read 4 documents: 4 added"), std::string::npos) << r.err;
  // The same graph, ids and all, in all three; the same document ids.
  std::string local = ExportCsv(tmp, tmp / "local.db", "local");
  EXPECT_EQ(ExportCsv(tmp, pg.uri(), "pg"), local);
  EXPECT_EQ(ExportCsv(tmp, tmp / "back.db", "back"), local);
  EXPECT_EQ(pg.Psql("SELECT string_agg(doc_id, ' ' ORDER BY id) FROM documents"),
            "week1 week2 week3-a week3-b\n");
  // Merging again adds nothing.
  r = RunNewsgraph("merge " + Quote(pg.uri()) + " " + Quote(tmp / "back.db"), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("0 added (0 under a new id), 4 duplicate"), std::string::npos) << r.err;
}

TEST(CliPostgres, QueriesAnswerAsFromSqlite) {
  PgSchema pg("query");
  NEED_PG(pg);
  TempDir tmp;
  std::string in = Quote(Fixture("query/week1.txt")) + " " + Quote(Fixture("query/week2.txt")) + " " +
                   Quote(Fixture("query/week3.jsonl"));
  ASSERT_EQ(RunNewsgraph("build -q " + in + " --db " + Quote(tmp / "g.db"), tmp.path()).code, 0);
  auto r = RunNewsgraph("build -q " + in + " --db " + Quote(pg.uri()), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  for (const std::string q : {"actor putin --format json", "relations --format csv", "issue 'NATO membership'",
                              "evidence 'actor:emmanuel-macron|SUPPORT|+1|issue:nato-membership' --format csv"}) {
    auto a = RunNewsgraph("query --db " + Quote(tmp / "g.db") + " " + q, tmp.path());
    auto b = RunNewsgraph("query --db " + Quote(pg.uri()) + " " + q, tmp.path());
    EXPECT_EQ(a.code, 0) << a.err;
    EXPECT_EQ(b.code, a.code) << q << b.err;
    EXPECT_EQ(b.out, a.out) << q;
  }
}

// The commands that curate and check a store take a URI as they take a file.
TEST(CliPostgres, CheckAliasAndActorsWorkOnAUri) {
  PgSchema pg("curate");
  NEED_PG(pg);
  TempDir tmp;
  std::string in = Quote(Fixture("query/week1.txt")) + " " + Quote(Fixture("query/week2.txt"));
  auto b = RunNewsgraph("build -q " + in + " --db " + Quote(pg.uri()), tmp.path());
  ASSERT_EQ(b.code, 0) << b.err;
  auto c = RunNewsgraph("check --db " + Quote(pg.uri()), tmp.path());
  EXPECT_EQ(c.code, 0) << c.err;
  EXPECT_NE(c.out.find(": ok"), std::string::npos) << c.out << c.err;
  EXPECT_EQ(c.err.find("no such file"), std::string::npos) << c.err;
  auto s = RunNewsgraph("actors --db " + Quote(pg.uri()) + " --suspect", tmp.path());
  EXPECT_EQ(s.code, 0) << s.err;
  // (A curation for the test's sake: the country into its president.)
  auto a = RunNewsgraph("alias --db " + Quote(pg.uri()) + " France 'Emmanuel Macron'", tmp.path());
  EXPECT_EQ(a.code, 0) << a.err;
  auto l = RunNewsgraph("alias --db " + Quote(pg.uri()) + " --list", tmp.path());
  EXPECT_NE(l.out.find("France\tactor:emmanuel-macron"), std::string::npos) << l.out << l.err;
  auto u = RunNewsgraph("alias --db " + Quote(pg.uri()) + " --undo France", tmp.path());
  EXPECT_EQ(u.code, 0) << u.err;
  EXPECT_EQ(pg.Psql("SELECT count(*) FROM entities WHERE eid = 'actor:france'"), "1\n");
}

TEST(CliPostgres, AUriWithAPasswordIsRefused) {
  TempDir tmp;
  auto r = RunNewsgraph("build -q " + Quote(Fixture("query/week1.txt")) +
                            " --db 'postgresql://analyst:s3cret@db.example.org/graph'",
                        tmp.path());
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("PGPASSWORD"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << "the password is echoed: " << r.err;
}

}  // namespace
}  // namespace newsgraph::testing
