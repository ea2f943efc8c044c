// Tests of the SQLite store: round trips through a file, duplicate and
// conflicting documents, entity upgrades and merges, transactions, read-only
// opening, refusing foreign and newer files, lookups and relation filters.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "export/edge_evidence.h"
#include "store/builder.h"
#include "store/sqlite_store_internal.h"
#include "store/store.h"
#include "export/writers.h"
#include "graph/types.h"

#ifdef NEWSGRAPH_WITH_POSTGRES
#include <pqxx/pqxx>
#endif

namespace newsgraph::io {
namespace {

namespace fs = std::filesystem;
namespace g = newsgraph::graph;

// EXPECT_CONTAINS(haystack, needle), without linking gmock.
#define EXPECT_CONTAINS(haystack, needle)                                                   \
  do {                                                                                      \
    const std::string h_ = (haystack), n_ = (needle);                                       \
    EXPECT_NE(h_.find(n_), std::string::npos) << "\"" << h_ << "\" lacks \"" << n_ << "\""; \
  } while (0)

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / ("newsgraph-store-test-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Code points in s, counted independently of the code under test.
uint32_t CodePoints(const std::string& s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Builds a DocumentAnalysis by naming sentences and surfaces in the text.
class Doc {
 public:
  Doc(const std::string& id, const std::string& text, const std::string& date = "") {
    a_.doc.id = id;
    a_.doc.text = text;
    a_.doc.date = date;
    a_.doc.title = "Title of " + id;
    a_.doc.origin = id + ".txt";
    a_.doc.hash = g::ContentHash(text);
  }
  uint32_t Sentence(const std::string& s) {
    size_t pos = a_.doc.text.find(s);
    EXPECT_NE(pos, std::string::npos) << s;
    uint32_t index = static_cast<uint32_t>(a_.sentences.size());
    a_.sentences.push_back({index, {uint32_t(pos), uint32_t(pos + s.size())}});
    return index;
  }
  Doc& Entity(const std::string& id, const std::string& label,
              std::vector<std::string> aliases = {}, const std::string& category = "") {
    g::Entity e;
    e.id = id;
    e.kind = id.rfind("issue:", 0) == 0 ? g::EntityKind::kIssue : g::EntityKind::kActor;
    e.label = label;
    e.aliases = std::move(aliases);
    e.category = category;
    a_.entities.push_back(e);
    return *this;
  }
  Doc& Mention(const std::string& entity, uint32_t sentence, const std::string& surface) {
    const g::Span& s = a_.sentences.at(sentence).span;
    size_t pos = a_.doc.text.find(surface, s.begin);
    EXPECT_LT(pos, s.end) << surface;
    a_.mentions.push_back(
        {entity, sentence, {uint32_t(pos), uint32_t(pos + surface.size())}, surface, false});
    return *this;
  }
  Doc& Relation(const std::string& subject, const std::string& lemma, const std::string& cls,
                int polarity, const std::string& object, uint32_t sentence, bool negated = false) {
    g::Relation r;
    r.subject = subject;
    r.object = object;
    r.lemma = lemma;
    r.cls = cls;
    r.polarity = polarity;
    r.negated = negated;
    r.confidence = 0.75f;
    r.sentence = sentence;
    r.evidence = a_.sentences.at(sentence).span;
    a_.relations.push_back(r);
    return *this;
  }
  const g::DocumentAnalysis& analysis() const { return a_; }
  g::DocumentAnalysis& analysis() { return a_; }

 private:
  g::DocumentAnalysis a_;
};

const std::string kPrefix = "Le président a dit : « Ça suffit ». “We won’t back down,” he said. ";
const std::string kS1 = "Vladimir Putin opposes NATO membership.";
const std::string kS2 = "Emmanuel Macron met Putin in Paris.";

Doc FirstDoc() {
  Doc d("a1", kPrefix + kS1 + " " + kS2, "2024-03-05");
  uint32_t s0 = d.Sentence(kPrefix.substr(0, kPrefix.size() - 1));
  (void)s0;
  uint32_t s1 = d.Sentence(kS1), s2 = d.Sentence(kS2);
  d.Entity("actor:vladimir-putin", "Vladimir Putin", {"Putin"}, "person")
      .Entity("issue:nato-membership", "NATO membership")
      .Entity("actor:emmanuel-macron", "Emmanuel Macron", {}, "person")
      .Mention("actor:vladimir-putin", s1, "Vladimir Putin")
      .Mention("issue:nato-membership", s1, "NATO membership")
      .Mention("actor:emmanuel-macron", s2, "Emmanuel Macron")
      .Mention("actor:vladimir-putin", s2, "Putin")
      .Relation("actor:vladimir-putin", "oppose", "REJECT", -1, "issue:nato-membership", s1)
      .Relation("actor:emmanuel-macron", "meet", "CONSULT", 0, "actor:vladimir-putin", s2);
  return d;
}

Doc SecondDoc() {
  const std::string s = "Macron does not support NATO membership for Ukraine.";
  Doc d("b2", "Paris, 2024-04-10T09:30. " + s, "2024-04-10T09:30:00Z");
  uint32_t s0 = d.Sentence(s);
  d.Entity("actor:emmanuel-macron", "Macron")
      .Entity("issue:nato-membership", "NATO membership")
      .Mention("actor:emmanuel-macron", s0, "Macron")
      .Mention("issue:nato-membership", s0, "NATO membership")
      .Relation("actor:emmanuel-macron", "support", "SUPPORT", -1, "issue:nato-membership", s0,
                true);
  return d;
}

void ExecSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

// Every row of every table, in storage order, as text.
std::string Dump(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::string out;
  for (const char* table :
       {"meta", "documents", "sentences", "entities", "aliases", "mentions", "relations"}) {
    out += std::string("# ") + table + "\n";
    sqlite3_stmt* q = nullptr;
    EXPECT_EQ(
        sqlite3_prepare_v2(db, (std::string("SELECT * FROM ") + table).c_str(), -1, &q, nullptr),
        SQLITE_OK);
    while (sqlite3_step(q) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(q); ++i) {
        const unsigned char* t = sqlite3_column_text(q, i);
        out += t ? reinterpret_cast<const char*>(t) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(q);
  }
  sqlite3_close(db);
  return out;
}

// Rows whose REFERENCES point at no row (PRAGMA foreign_key_check), one
// "table|rowid|parent" line each; empty when every reference holds. The
// store does not have SQLite enforce them while it writes.
std::string DanglingReferences(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::string out;
  sqlite3_stmt* q = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &q, nullptr), SQLITE_OK);
  while (sqlite3_step(q) == SQLITE_ROW) {
    for (int i = 0; i < 3; ++i) {
      const unsigned char* t = sqlite3_column_text(q, i);
      out += t ? reinterpret_cast<const char*>(t) : "NULL";
      out += i < 2 ? '|' : '\n';
    }
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

RelationFilter Where(const std::function<void(RelationFilter&)>& set) {
  RelationFilter f;
  set(f);
  return f;
}

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(no StoreError)";
}


// ---------------------------------------------------------------------------
// The store suite (TEST_P(StoreTest, ...)) runs against each backend: a
// SQLite file, and PostgreSQL when NEWSGRAPH_TEST_PG names a server
// (tests/pg/with_postgres.sh starts one; .ci/run and scripts/test.sh run
// ctest under it). Each path a test names becomes a fresh PostgreSQL schema.

enum class Backend { kSqlite, kPostgres };

// Runs one statement on the PostgreSQL server (test set-up only).
void PgExec(const std::string& uri, const std::string& sql) {
#ifdef NEWSGRAPH_WITH_POSTGRES
  pqxx::connection c(uri);
  pqxx::nontransaction n(c);
  n.exec(sql);
#else
  (void)uri;
  (void)sql;
#endif
}

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() != Backend::kPostgres) return;
    const char* uri = std::getenv("NEWSGRAPH_TEST_PG");
    if (!uri || !*uri) GTEST_SKIP() << "NEWSGRAPH_TEST_PG is not set (run under tests/pg/with_postgres.sh)";
    if (!HasPostgres()) GTEST_SKIP() << "built without the PostgreSQL backend (libpqxx-dev)";
    base_ = uri;
  }
  void TearDown() override {
    for (const auto& [path, schema] : schemas_) PgExec(base_, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }
  // The store a test calls `path`: that SQLite file, or its own schema.
  std::unique_ptr<Store> Open(const std::string& path, OpenMode mode) {
    if (GetParam() == Backend::kSqlite) return OpenSqliteStore(path, mode);
    return OpenPostgresStore(Uri(path), mode);
  }
  // What the store's messages call it.
  std::string Name(const std::string& path) { return GetParam() == Backend::kSqlite ? path : Uri(path); }
  std::string Uri(const std::string& path) {
    auto it = schemas_.find(path);
    if (it == schemas_.end()) {
      static int counter = 0;
      std::string schema = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
      PgExec(base_, "CREATE SCHEMA " + schema);
      it = schemas_.emplace(path, schema).first;
    }
    return base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + it->second;
  }

 private:
  std::string base_;
  std::map<std::string, std::string> schemas_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL"; });

// ---------------------------------------------------------------------------

TEST(NameKeyTest, Normalises) {
  EXPECT_EQ(NameKey("Vladimir  Putin"), "vladimir putin");
  EXPECT_EQ(NameKey("  The Kremlin’s "), "kremlin");
  EXPECT_EQ(NameKey("Putin's"), "putin");
  EXPECT_EQ(NameKey("O’Brien"), "obrien");
  EXPECT_EQ(NameKey("O'Brien"), "obrien");
  EXPECT_EQ(NameKey("the\tUnited\nNations"), "united nations");
  EXPECT_EQ(NameKey("Thessaloniki"), "thessaloniki");  // "the" only as a word
  EXPECT_EQ(NameKey("Präsident"), "präsident");        // ASCII case folding only
  EXPECT_EQ(NameKey(""), "");
}

TEST_P(StoreTest, RoundTripThroughFile) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  Doc d1 = FirstDoc(), d2 = SecondDoc();
  {
    auto store = Open(path, OpenMode::kCreate);
    store->Begin();
    AddOutcome o1 = store->AddDocument(d1.analysis());
    AddOutcome o2 = store->AddDocument(d2.analysis());
    store->Commit();
    EXPECT_EQ(o1.status, AddStatus::kAdded);
    EXPECT_EQ(o1.skipped, 0u);
    EXPECT_EQ(o2.status, AddStatus::kAdded);
  }
  auto store = Open(path, OpenMode::kReadOnly);
  StoreStats stats = store->Stats();
  EXPECT_EQ(stats.documents, 2);
  EXPECT_EQ(stats.sentences, 4);
  EXPECT_EQ(stats.actors, 2);
  EXPECT_EQ(stats.issues, 1);
  EXPECT_EQ(stats.mentions, 6);
  EXPECT_EQ(stats.relations, 3);

  auto meta = store->Meta();
  EXPECT_EQ(meta["tool"], "newsgraph");
  EXPECT_EQ(meta["format_version"], std::to_string(kStoreFormatVersion));
  EXPECT_TRUE(meta.count("created_by_version"));

  std::vector<g::Entity> entities;
  std::vector<g::Statement> statements;
  store->LoadGraph(&entities, &statements);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(entities[0].id, "actor:emmanuel-macron");
  EXPECT_EQ(entities[0].label, "Emmanuel Macron");
  EXPECT_EQ(entities[0].aliases, std::vector<std::string>{"Macron"});
  EXPECT_EQ(entities[0].category, "person");
  EXPECT_EQ(entities[0].mentions, 2u);
  EXPECT_EQ(entities[0].documents, 2u);
  EXPECT_EQ(entities[0].first_date, "2024-03-05");
  EXPECT_EQ(entities[0].last_date, "2024-04-10T09:30:00Z");
  EXPECT_EQ(entities[1].id, "actor:vladimir-putin");
  EXPECT_EQ(entities[1].kind, g::EntityKind::kActor);
  EXPECT_EQ(entities[1].aliases, std::vector<std::string>{"Putin"});
  EXPECT_EQ(entities[1].mentions, 2u);
  EXPECT_EQ(entities[1].documents, 1u);
  EXPECT_EQ(entities[2].id, "issue:nato-membership");
  EXPECT_EQ(entities[2].kind, g::EntityKind::kIssue);
  EXPECT_TRUE(entities[2].aliases.empty());
  EXPECT_EQ(entities[2].mentions, 2u);

  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0].subject, "actor:vladimir-putin");
  EXPECT_EQ(statements[0].object, "issue:nato-membership");
  EXPECT_EQ(statements[0].cls, "REJECT");
  EXPECT_EQ(statements[0].lemma, "oppose");
  EXPECT_EQ(statements[0].polarity, -1);
  EXPECT_EQ(statements[0].doc, "a1");
  EXPECT_EQ(statements[0].date, "2024-03-05");
  EXPECT_FLOAT_EQ(statements[0].confidence, 0.75f);
  EXPECT_EQ(statements[2].doc, "b2");
  EXPECT_TRUE(statements[2].negated);
  g::Graph graph = g::Graph::Build(entities, statements);
  EXPECT_EQ(graph.num_nodes(), 3u);
  EXPECT_EQ(graph.num_edges(), 3u);

  // Evidence leads back to the sentence, in code points.
  auto rows = store->Evidence({statements[0].evidence_id, statements[1].evidence_id, 999});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text, kS1);
  EXPECT_EQ(rows[0].start, 67u);  // counted by hand: 77 bytes, 67 code points
  EXPECT_EQ(rows[0].start, CodePoints(kPrefix));
  EXPECT_EQ(rows[0].end, CodePoints(kPrefix + kS1));
  EXPECT_EQ(rows[0].sentence, 1u);
  EXPECT_EQ(rows[0].subject, "actor:vladimir-putin");
  EXPECT_EQ(rows[1].text, kS2);
  EXPECT_EQ(rows[1].start, CodePoints(kPrefix + kS1 + " "));
  EXPECT_EQ(rows[1].cls, "CONSULT");
}

// A verb dictionary's event code (Relation::code) and an actor
// dictionary's code (Entity::code) are stored, read back by every reader,
// aggregated on graph edges and exported.
TEST_P(StoreTest, RelationAndActorCodesRoundTripIntoExports) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  Doc d1 = FirstDoc();
  d1.analysis().relations[1].code = "042";
  d1.analysis().entities[0].code = "RUSGOV";
  {
    auto store = Open(path, OpenMode::kCreate);
    store->AddDocument(d1.analysis());
  }
  auto store = Open(path, OpenMode::kReadOnly);
  auto a = store->LoadAnalysis("a1");
  ASSERT_TRUE(a.has_value());
  ASSERT_EQ(a->relations.size(), 2u);
  EXPECT_EQ(a->relations[0].code, "");
  EXPECT_EQ(a->relations[1].code, "042");
  std::vector<g::Entity> entities;
  std::vector<g::Statement> statements;
  store->LoadGraph(&entities, &statements);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[1].code, "042");
  auto rows = store->Evidence({statements[1].evidence_id});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].code, "042");
  g::Graph graph = g::Graph::Build(entities, statements);
  io::WriterOptions opt;
  std::ostringstream graphml, csv, nodes, json;
  io::WriteGraphMl(graph, graphml, opt);
  io::WriteCsvEdges(graph, csv, opt);
  io::WriteCsvNodes(graph, nodes, opt);
  io::WriteCytoscapeJson(graph, json, opt);
  EXPECT_NE(graphml.str().find("attr.name=\"codes\""), std::string::npos) << graphml.str();
  EXPECT_NE(graphml.str().find(">042</data>"), std::string::npos) << graphml.str();
  EXPECT_NE(graphml.str().find(">RUSGOV</data>"), std::string::npos) << graphml.str();
  EXPECT_NE(csv.str().find(",Interval,codes,evidence_doc,"), std::string::npos) << csv.str();
  EXPECT_NE(csv.str().find(",042,,,,,,,,\n"), std::string::npos) << csv.str();
  EXPECT_NE(nodes.str().find("RUSGOV"), std::string::npos) << nodes.str();
  EXPECT_NE(json.str().find("\"codes\": [\"042\"]"), std::string::npos) << json.str();
}

TEST(SqliteStoreTest, AFileWithoutRelationCodesIsReadAndGainsTheColumnWhenWritten) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  OpenSqliteStore(path, OpenMode::kCreate)->AddDocument(FirstDoc().analysis());
  // A file written before relations.code.
  ExecSql(path, "ALTER TABLE relations DROP COLUMN code");
  {
    auto ro = OpenSqliteStore(path, OpenMode::kReadOnly);
    std::vector<g::Entity> entities;
    std::vector<g::Statement> statements;
    ro->LoadGraph(&entities, &statements);
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_EQ(statements[1].code, "");
    EXPECT_EQ(ro->LoadAnalysis("a1")->relations.size(), 2u);
  }
  Doc d2 = SecondDoc();
  d2.analysis().relations[0].code = "111";
  {
    auto rw = OpenSqliteStore(path, OpenMode::kReadWrite);
    rw->AddDocument(d2.analysis());
  }
  auto store = OpenSqliteStore(path, OpenMode::kReadOnly);
  auto b = store->LoadAnalysis("b2");
  ASSERT_TRUE(b.has_value());
  ASSERT_EQ(b->relations.size(), 1u);
  EXPECT_EQ(b->relations[0].code, "111");
  EXPECT_EQ(store->LoadAnalysis("a1")->relations[1].code, "");
}

TEST_P(StoreTest, DuplicateContentAddsNothing) {
  TempDir dir;
  auto store = Open(dir.File("graph.db"), OpenMode::kCreate);
  ASSERT_EQ(store->AddDocument(FirstDoc().analysis()).status, AddStatus::kAdded);
  StoreStats before = store->Stats();
  Doc copy = FirstDoc();
  copy.analysis().doc.id = "a1-copy";
  copy.analysis().entities[0].label = "Vladimir Vladimirovich Putin";
  AddOutcome o = store->AddDocument(copy.analysis());
  EXPECT_EQ(o.status, AddStatus::kDuplicate);
  EXPECT_EQ(o.detail, "a1");
  StoreStats after = store->Stats();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.relations, before.relations);
  EXPECT_EQ(store->GetEntity("actor:vladimir-putin")->label, "Vladimir Putin");
}

TEST_P(StoreTest, SameIdOtherTextIsAConflict) {
  TempDir dir;
  auto store = Open(dir.File("graph.db"), OpenMode::kCreate);
  ASSERT_EQ(store->AddDocument(FirstDoc().analysis()).status, AddStatus::kAdded);
  Doc other = SecondDoc();
  other.analysis().doc.id = "a1";
  AddOutcome o = store->AddDocument(other.analysis());
  EXPECT_EQ(o.status, AddStatus::kIdConflict);
  EXPECT_EQ(o.detail, "a1.txt");
  EXPECT_EQ(store->Stats().documents, 1);
  EXPECT_EQ(store->Stats().relations, 2);
}

TEST_P(StoreTest, LongerLabelWinsAndOldLabelStaysAnAlias) {
  TempDir dir;
  auto store = Open(dir.File("graph.db"), OpenMode::kCreate);
  Doc short_doc("s", "Putin spoke.");
  uint32_t s = short_doc.Sentence("Putin spoke.");
  short_doc.Entity("actor:vladimir-putin", "Putin").Mention("actor:vladimir-putin", s, "Putin");
  store->AddDocument(short_doc.analysis());
  EXPECT_EQ(store->GetEntity("actor:vladimir-putin")->label, "Putin");

  Doc long_doc("l", "Vladimir Putin spoke again.");
  s = long_doc.Sentence("Vladimir Putin spoke again.");
  long_doc.Entity("actor:vladimir-putin", "Vladimir Putin", {}, "person")
      .Mention("actor:vladimir-putin", s, "Vladimir Putin");
  long_doc.analysis().entities[0].role = "President";
  store->AddDocument(long_doc.analysis());

  Doc shorter("t", "The Kremlin said Putin agreed.");
  s = shorter.Sentence("The Kremlin said Putin agreed.");
  shorter.Entity("actor:vladimir-putin", "Putin", {"V. Putin"});
  shorter.analysis().entities[0].role = "Prime Minister";  // filled already: kept
  store->AddDocument(shorter.analysis());

  auto e = store->GetEntity("actor:vladimir-putin");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->label, "Vladimir Putin");
  EXPECT_EQ(e->aliases, (std::vector<std::string>{"Putin", "V. Putin"}));
  EXPECT_EQ(e->category, "person");
  EXPECT_EQ(e->role, "President");
  EXPECT_EQ(e->mentions, 2u);
  EXPECT_EQ(e->documents, 2u);
  EXPECT_EQ(store->Stats().actors, 1);
}

// Two builders into one PostgreSQL database at the same time: the second
// loaded the store before the first committed "Angela Merkel", so its
// "Merkel" became a node of its own. Whoever finishes last joins them, and
// the graph is the one a single builder makes. (SQLite has one writer at a
// time, so there the second builder could not have run meanwhile.)
TEST_P(StoreTest, ConcurrentBuildersJoinLoneNamesToFullNamesStoredMeanwhile) {
  if (GetParam() == Backend::kSqlite) GTEST_SKIP() << "one writer at a time in SQLite";
  TempDir dir;
  const std::string path = dir.File("graph.db");
  auto first = Open(path, OpenMode::kCreate);
  auto second = Open(path, OpenMode::kCreate);
  Builder::Options options;
  options.commit_every = 1;
  Builder a(*first, options), b(*second, options);
  a.Begin();
  b.Begin();  // knows nothing yet
  Doc full("full", "Angela Merkel met Emmanuel Macron.");
  uint32_t s = full.Sentence("Angela Merkel met Emmanuel Macron.");
  full.Entity("actor:angela-merkel", "Angela Merkel", {}, "person")
      .Entity("actor:emmanuel-macron", "Emmanuel Macron", {}, "person")
      .Mention("actor:angela-merkel", s, "Angela Merkel")
      .Relation("actor:angela-merkel", "meet", "CONSULT", 0, "actor:emmanuel-macron", s);
  a.Add(&full.analysis());
  a.Finish({});
  Doc lone("lone", "Merkel criticised Macron.");
  s = lone.Sentence("Merkel criticised Macron.");
  lone.Entity("actor:merkel", "Merkel", {}, "person")
      .Entity("actor:macron", "Macron", {}, "person")
      .Mention("actor:merkel", s, "Merkel")
      .Relation("actor:merkel", "criticise", "DISAPPROVE", -1, "actor:macron", s);
  b.Add(&lone.analysis());
  EXPECT_EQ(second->Stats().actors, 4);  // split until the second builder finishes
  b.Finish({});
  EXPECT_EQ(b.counts().merged, 2u);
  EXPECT_EQ(second->Stats().actors, 2);
  auto merkel = second->GetEntity("actor:angela-merkel");
  ASSERT_TRUE(merkel);
  EXPECT_EQ(merkel->mentions, 2u);
  EXPECT_FALSE(second->GetEntity("actor:merkel"));
}

TEST(SqliteStoreTest, RollbackLeavesTheDatabaseAsBefore) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  auto store = OpenSqliteStore(path, OpenMode::kCreate);
  store->AddDocument(SecondDoc().analysis());
  const std::string before = Dump(path);

  store->Begin();
  EXPECT_EQ(store->AddDocument(FirstDoc().analysis()).status, AddStatus::kAdded);
  store->SetMeta("lexicon", "verbs v1");
  EXPECT_EQ(store->Stats().documents, 2);
  store->Rollback();
  EXPECT_EQ(store->Stats().documents, 1);
  EXPECT_FALSE(store->GetEntity("actor:vladimir-putin"));
  EXPECT_EQ(Dump(path), before);

  // Entities inserted by the rolled-back transaction are not remembered.
  EXPECT_EQ(store->AddDocument(FirstDoc().analysis()).status, AddStatus::kAdded);
  EXPECT_EQ(store->Relations({}).size(), 3u);

  // Destroying the store with an open transaction rolls it back too.
  const std::string after_add = Dump(path);
  {
    auto other = OpenSqliteStore(path, OpenMode::kReadWrite);
    other->Begin();
    Doc d("c3", "Macron met Putin.");
    d.Sentence("Macron met Putin.");
    other->AddDocument(d.analysis());
  }
  EXPECT_EQ(Dump(path), after_add);

  EXPECT_CONTAINS(ErrorOf([&] { store->Commit(); }), "without an open transaction");
}

TEST(SqliteStoreTest, AllOrNothingBatchRefusesToGoOnAfterAFailedWrite) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  auto store = OpenSqliteStore(path, OpenMode::kCreate);
  store->AddDocument(FirstDoc().analysis());
  const std::string before = Dump(path);

  // Per-write atomicity (the default): a failed merge leaves the batch usable.
  store->Begin();
  EXPECT_CONTAINS(ErrorOf([&] { store->MergeEntity("actor:nobody", "actor:vladimir-putin"); }),
                  "no entity actor:nobody");
  EXPECT_EQ(store->AddDocument(SecondDoc().analysis()).status, AddStatus::kAdded);
  store->Rollback();
  EXPECT_EQ(Dump(path), before);

  // All or nothing: the same failure poisons the batch.
  store->Begin(Store::Batch::kAllOrNothing);
  EXPECT_EQ(store->AddDocument(SecondDoc().analysis()).status, AddStatus::kAdded);
  EXPECT_CONTAINS(ErrorOf([&] { store->MergeEntity("actor:nobody", "actor:vladimir-putin"); }),
                  "no entity actor:nobody");
  Doc d("c3", "Macron met Putin.");
  d.Sentence("Macron met Putin.");
  std::string err = ErrorOf([&] { store->AddDocument(d.analysis()); });
  EXPECT_CONTAINS(err, "a write in this batch failed (");
  EXPECT_CONTAINS(err, "no entity actor:nobody");
  EXPECT_CONTAINS(ErrorOf([&] { store->Commit(); }), "cannot commit");
  store->Rollback();
  EXPECT_EQ(Dump(path), before);

  // The next batch starts clean and commits.
  store->Begin(Store::Batch::kAllOrNothing);
  EXPECT_EQ(store->AddDocument(SecondDoc().analysis()).status, AddStatus::kAdded);
  store->Commit();
  EXPECT_EQ(store->Stats().documents, 2);
  EXPECT_EQ(DanglingReferences(path), "");
}

std::string JournalMode(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, nullptr), SQLITE_OK);
  std::string mode = sqlite3_step(q) == SQLITE_ROW
                         ? reinterpret_cast<const char*>(sqlite3_column_text(q, 0))
                         : "(none)";
  sqlite3_finalize(q);
  sqlite3_close(db);
  return mode;
}

TEST(SqliteStoreTest, ANewFileTakesItsFirstBatchWithoutWalThenSwitches) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  {
    auto store = OpenSqliteStore(path, OpenMode::kCreate);
    store->Begin(Store::Batch::kAllOrNothing);
    store->AddDocument(FirstDoc().analysis());
    // Written straight into the file under a rollback journal, not a log.
    EXPECT_TRUE(fs::exists(path + "-journal"));
    EXPECT_FALSE(fs::exists(path + "-wal"));
    store->AddDocument(SecondDoc().analysis());
    store->Commit();
    EXPECT_EQ(JournalMode(path), "wal");
    // Later batches write through the log, so readers can read meanwhile.
    store->Begin();
    Doc d("c3", "Macron met Putin.");
    d.Sentence("Macron met Putin.");
    store->AddDocument(d.analysis());
    EXPECT_TRUE(fs::exists(path + "-wal"));
    EXPECT_EQ(OpenSqliteStore(path, OpenMode::kReadOnly)->Stats().documents, 2);
    store->Commit();
  }
  EXPECT_EQ(OpenSqliteStore(path, OpenMode::kReadOnly)->Stats().documents, 3);
  EXPECT_EQ(DanglingReferences(path), "");

  // The same rows as a file that was in WAL mode from the start.
  const std::string other = dir.File("other.db");
  {
    auto store = OpenSqliteStore(other, OpenMode::kCreate);
    store->AddDocument(FirstDoc().analysis());  // its own transaction: switches after it
    EXPECT_EQ(JournalMode(other), "wal");
    store->AddDocument(SecondDoc().analysis());
    Doc d("c3", "Macron met Putin.");
    d.Sentence("Macron met Putin.");
    store->AddDocument(d.analysis());
  }
  EXPECT_EQ(Dump(other), Dump(path));

  // A first batch rolled back (or never committed) leaves the empty schema,
  // in WAL mode.
  for (bool explicit_rollback : {true, false}) {
    const std::string rolled = dir.File(explicit_rollback ? "rolled.db" : "dropped.db");
    {
      auto store = OpenSqliteStore(rolled, OpenMode::kCreate);
      store->Begin(Store::Batch::kAllOrNothing);
      store->AddDocument(FirstDoc().analysis());
      if (explicit_rollback) store->Rollback();
    }
    EXPECT_EQ(JournalMode(rolled), "wal") << rolled;
    EXPECT_EQ(OpenSqliteStore(rolled, OpenMode::kReadOnly)->Stats().documents, 0) << rolled;
  }
}

TEST(SqliteStoreTest, ReadOnlyOpenRollsBackAKilledFirstBuild) {
  // A first build writes under a rollback journal; killed after its pages
  // reached the file, it leaves a hot journal that SQLite refuses to read
  // past on a read-only connection.
  TempDir dir;
  const std::string path = dir.File("graph.db");
  OpenSqliteStore(path, OpenMode::kCreate)->AddDocument(FirstDoc().analysis());
  const std::string before = Dump(path);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) _exit(1);
    const char* sql =
        "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 8; BEGIN IMMEDIATE; "
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000) "
        "INSERT INTO meta(key, value) SELECT 'k' || i, hex(randomblob(1000)) FROM c;";
    _exit(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK ? 0 : 2);  // no rollback
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ASSERT_TRUE(fs::exists(path + "-journal"));
  ASSERT_GT(fs::file_size(path), 2'000'000u);  // the pages reached the file

  auto store = OpenSqliteStore(path, OpenMode::kReadOnly);
  EXPECT_EQ(store->Stats().documents, 1);
  EXPECT_EQ(store->Meta().count("k1"), 0u);
  EXPECT_FALSE(fs::exists(path + "-journal"));
  EXPECT_EQ(Dump(path), before);
}

TEST_P(StoreTest, ReadOnlyReadsButRefusesWrites) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  Open(path, OpenMode::kCreate)->AddDocument(FirstDoc().analysis());
  auto store = Open(path, OpenMode::kReadOnly);
  EXPECT_EQ(store->Stats().documents, 1);
  EXPECT_EQ(store->FindEntities("putin").size(), 1u);
  std::string err = ErrorOf([&] { store->AddDocument(SecondDoc().analysis()); });
  EXPECT_CONTAINS(err, Name(path));
  EXPECT_CONTAINS(err, "read-only");
  EXPECT_CONTAINS(ErrorOf([&] { store->SetMeta("k", "v"); }), Name(path));
  EXPECT_CONTAINS(ErrorOf([&] { store->Begin(); }), Name(path));
  EXPECT_CONTAINS(
      ErrorOf([&] { store->MergeEntity("actor:vladimir-putin", "actor:emmanuel-macron"); }), Name(path));
  EXPECT_EQ(store->Stats().documents, 1);
}

TEST(SqliteStoreTest, MissingFile) {
  TempDir dir;
  const std::string path = dir.File("missing.db");
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite}) {
    std::string err = ErrorOf([&] { OpenSqliteStore(path, mode); });
    EXPECT_CONTAINS(err, path);
    EXPECT_CONTAINS(err, "no such file");
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_CONTAINS(
      ErrorOf([&] { OpenSqliteStore(dir.File("no/such/dir/g.db"), OpenMode::kCreate); }),
      "no/such/dir/g.db");
}

TEST(SqliteStoreTest, RefusesFilesThatAreNotNewsgraphDatabases) {
  TempDir dir;
  const std::string text = dir.File("notes.txt");
  {
    std::ofstream out(text);
    out << "This is not a database, just some text that is long enough to have "
           "a header.\n";
  }
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite, OpenMode::kCreate}) {
    EXPECT_EQ(ErrorOf([&] { OpenSqliteStore(text, mode); }), text + ": not a newsgraph database");
  }
  // The file is untouched.
  std::ifstream in(text);
  std::string first;
  std::getline(in, first);
  EXPECT_CONTAINS(first, "This is not a database");

  const std::string other = dir.File("other.db");
  ExecSql(other, "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite, OpenMode::kCreate}) {
    EXPECT_EQ(ErrorOf([&] { OpenSqliteStore(other, mode); }), other + ": not a newsgraph database");
  }
  // An empty file is an empty database: kCreate makes it a store, the
  // others refuse it.
  const std::string empty = dir.File("empty.db");
  std::ofstream{empty};
  EXPECT_EQ(ErrorOf([&] { OpenSqliteStore(empty, OpenMode::kReadWrite); }),
            empty + ": not a newsgraph database");
  EXPECT_EQ(OpenSqliteStore(empty, OpenMode::kCreate)->Stats().documents, 0);
  EXPECT_EQ(OpenSqliteStore(empty, OpenMode::kReadOnly)->Meta()["tool"], "newsgraph");
}

TEST(SqliteStoreTest, RefusesNewerFormatVersions) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  OpenSqliteStore(path, OpenMode::kCreate)->AddDocument(FirstDoc().analysis());
  ExecSql(path, "PRAGMA user_version = 99;");
  const std::string expected =
      path + ": written by format version 99, this newsgraph reads up to version " +
      std::to_string(kStoreFormatVersion);
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite, OpenMode::kCreate})
    EXPECT_EQ(ErrorOf([&] { OpenSqliteStore(path, mode); }), expected);
}

TEST(SqliteStoreTest, MergeEntityMovesEverything) {
  TempDir dir;
  auto store = OpenSqliteStore(dir.File("graph.db"), OpenMode::kCreate);
  store->AddDocument(FirstDoc().analysis());
  Doc d("p", "President Putin rejected NATO membership.", "2024-05-01");
  uint32_t s = d.Sentence("President Putin rejected NATO membership.");
  d.Entity("actor:president-putin", "President Putin", {"Mr Putin"})
      .Entity("issue:nato-membership", "NATO membership")
      .Mention("actor:president-putin", s, "President Putin")
      .Relation("actor:president-putin", "reject", "REJECT", -1, "issue:nato-membership", s);
  store->AddDocument(d.analysis());
  ASSERT_EQ(store->Relations(Where([](RelationFilter& f) { f.subject = "actor:president-putin"; }))
                .size(),
            1u);

  EXPECT_CONTAINS(ErrorOf([&] { store->MergeEntity("actor:nobody", "actor:vladimir-putin"); }),
                  "no entity actor:nobody");
  EXPECT_CONTAINS(
      ErrorOf([&] { store->MergeEntity("issue:nato-membership", "actor:vladimir-putin"); }),
      "cannot merge");

  store->MergeEntity("actor:president-putin", "actor:vladimir-putin");
  EXPECT_FALSE(store->GetEntity("actor:president-putin"));
  auto e = store->GetEntity("actor:vladimir-putin");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->label, "Vladimir Putin");
  EXPECT_EQ(e->aliases, (std::vector<std::string>{"Mr Putin", "President Putin", "Putin"}));
  EXPECT_EQ(e->mentions, 3u);
  EXPECT_EQ(e->documents, 2u);
  EXPECT_EQ(e->last_date, "2024-05-01");
  auto rows = store->Relations(Where([](RelationFilter& f) {
    f.subject = "actor:vladimir-putin";
    f.cls = "REJECT";
  }));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].doc, "a1");
  EXPECT_EQ(rows[1].doc, "p");
  EXPECT_EQ(rows[1].text, "President Putin rejected NATO membership.");
  EXPECT_TRUE(
      store->Relations(Where([](RelationFilter& f) { f.subject = "actor:president-putin"; }))
          .empty());
  EXPECT_EQ(store->FindEntities("Mr. Putin").size(), 0u);
  EXPECT_EQ(store->FindEntities("mr putin").at(0).id, "actor:vladimir-putin");
  EXPECT_EQ(DanglingReferences(dir.File("graph.db")), "");

  // A later document naming the merged-away id recreates it cleanly.
  Doc later("q", "President Putin spoke.");
  later.Sentence("President Putin spoke.");
  later.Entity("actor:president-putin", "President Putin");
  EXPECT_EQ(store->AddDocument(later.analysis()).status, AddStatus::kAdded);
  EXPECT_TRUE(store->GetEntity("actor:president-putin"));
  EXPECT_EQ(DanglingReferences(dir.File("graph.db")), "");

  // The check itself sees a reference to a missing row.
  ExecSql(dir.File("graph.db"), "UPDATE mentions SET entity = 99999 WHERE id = 1");
  EXPECT_EQ(DanglingReferences(dir.File("graph.db")), "mentions|1|entities\n");
}

TEST_P(StoreTest, FindEntitiesIgnoresCaseApostrophesAndThe) {
  TempDir dir;
  auto store = Open(dir.File("graph.db"), OpenMode::kCreate);
  store->AddDocument(FirstDoc().analysis());
  Doc d("k", "The Kremlin’s spokesman praised O’Brien. Putin agreed.");
  uint32_t s = d.Sentence("The Kremlin’s spokesman praised O’Brien.");
  uint32_t s2 = d.Sentence("Putin agreed.");
  d.Entity("actor:kremlin", "the Kremlin")
      .Entity("actor:obrien", "O’Brien")
      .Entity("actor:putin-other",
              "Putin")  // another entity with the same alias
      .Mention("actor:kremlin", s, "Kremlin")
      .Mention("actor:obrien", s, "O’Brien")
      .Mention("actor:putin-other", s2, "Putin");
  store->AddDocument(d.analysis());

  for (const char* q : {"KREMLIN", "the kremlin", "The Kremlin's", "Kremlin’s", "actor:kremlin"}) {
    auto found = store->FindEntities(q);
    ASSERT_EQ(found.size(), 1u) << q;
    EXPECT_EQ(found[0].id, "actor:kremlin") << q;
  }
  for (const char* q : {"o'brien", "O’BRIEN", "OBrien"})
    EXPECT_EQ(store->FindEntities(q).at(0).id, "actor:obrien") << q;
  // Most mentioned first, then by id.
  auto putins = store->FindEntities("putin");
  ASSERT_EQ(putins.size(), 2u);
  EXPECT_EQ(putins[0].id, "actor:vladimir-putin");
  EXPECT_EQ(putins[0].mentions, 2u);
  EXPECT_EQ(putins[1].id, "actor:putin-other");
  EXPECT_TRUE(store->FindEntities("Putin Vladimir").empty());
  EXPECT_TRUE(store->FindEntities("").empty());
}

TEST(SqliteStoreTest, RelationFilters) {
  TempDir dir;
  auto store = OpenSqliteStore(dir.File("graph.db"), OpenMode::kCreate);
  store->AddDocument(FirstDoc().analysis());
  store->AddDocument(SecondDoc().analysis());

  auto all = store->Relations({});
  ASSERT_EQ(all.size(), 3u);
  // Ordered by subject, object, class, polarity, document, sentence.
  EXPECT_EQ(all[0].subject, "actor:emmanuel-macron");
  EXPECT_EQ(all[0].object, "actor:vladimir-putin");
  EXPECT_EQ(all[1].subject, "actor:emmanuel-macron");
  EXPECT_EQ(all[1].object, "issue:nato-membership");
  EXPECT_EQ(all[1].cls, "SUPPORT");
  EXPECT_TRUE(all[1].negated);
  EXPECT_EQ(all[1].text, "Macron does not support NATO membership for Ukraine.");
  EXPECT_EQ(all[2].subject, "actor:vladimir-putin");

  auto count = [&](const std::function<void(RelationFilter&)>& set) {
    return store->Relations(Where(set)).size();
  };
  EXPECT_EQ(count([](auto& f) { f.cls = "REJECT"; }), 1u);
  EXPECT_EQ(count([](auto& f) { f.polarity = -1; }), 2u);
  EXPECT_EQ(count([](auto& f) { f.polarity = 0; }), 1u);
  EXPECT_EQ(count([](auto& f) { f.polarity = 1; }), 0u);
  EXPECT_EQ(count([](auto& f) { f.object = "issue:nato-membership", f.polarity = -1; }), 2u);
  EXPECT_EQ(count([](auto& f) { f.doc = "b2"; }), 1u);
  EXPECT_EQ(count([](auto& f) { f.from_date = "2024-04-01"; }), 1u);
  EXPECT_EQ(count([](auto& f) { f.to_date = "2024-03-05"; }), 2u);
  // to_date is inclusive for the whole day of a timestamp.
  EXPECT_EQ(count([](auto& f) { f.to_date = "2024-04-10"; }), 3u);
  EXPECT_EQ(count([](auto& f) { f.to_date = "2024-04-09"; }), 2u);
  EXPECT_EQ(count([](auto& f) { f.from_date = "2024-03-05", f.to_date = "2024-03-05"; }), 2u);
  EXPECT_EQ(count([](auto& f) { f.from_date = "2025"; }), 0u);
  EXPECT_EQ(count([](auto& f) { f.limit = 2; }), 2u);
  EXPECT_EQ(count([](auto& f) { f.subject = "actor:nobody"; }), 0u);
}

// An edge's aggregate, as text, for comparing answers.
std::string EdgesText(Store& store, const RelationFilter& f) {
  std::string out;
  for (const auto& e : store.Edges(f))
    out += e.subject + "|" + e.cls + "|" + std::to_string(e.polarity) + "|" + e.object + " w" +
           std::to_string(e.weight) + " d" + std::to_string(e.documents) + " n" +
           std::to_string(e.negated) + " " + e.first_date + ".." + e.last_date + " c" +
           std::to_string(e.confidence) + " x" + std::to_string(e.example) + "\n";
  return out;
}

std::string IndexNames(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::string out;
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE "
                     "'sqlite_%' ORDER BY name",
                     -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW)
    out += std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) + " ";
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

TEST_P(StoreTest, EdgesWithoutDatesAndDocumentFilter) {
  TempDir dir;
  auto store = Open(dir.File("graph.db"), OpenMode::kCreate);
  store->AddDocument(FirstDoc().analysis());
  store->AddDocument(SecondDoc().analysis());
  auto with = store->Edges({});
  auto without = store->Edges(Where([](auto& f) { f.dates = false; }));
  ASSERT_EQ(with.size(), 3u);
  ASSERT_EQ(without.size(), 3u);
  for (size_t i = 0; i < with.size(); ++i) {
    EXPECT_EQ(without[i].subject, with[i].subject);
    EXPECT_EQ(without[i].object, with[i].object);
    EXPECT_EQ(without[i].cls, with[i].cls);
    EXPECT_EQ(without[i].weight, with[i].weight);
    EXPECT_EQ(without[i].documents, with[i].documents);
    EXPECT_EQ(without[i].negated, with[i].negated);
    EXPECT_EQ(without[i].example, with[i].example);
    EXPECT_FALSE(with[i].first_date.empty());
    EXPECT_TRUE(without[i].first_date.empty());
    EXPECT_TRUE(without[i].last_date.empty());
  }
  // Date and document filters still apply without dates.
  EXPECT_EQ(store->Edges(Where([](auto& f) { f.dates = false, f.from_date = "2024-04-01"; })).size(), 1u);
  EXPECT_EQ(store->Edges(Where([](auto& f) { f.dates = false, f.doc = "b2"; })).size(), 1u);
  EXPECT_EQ(store->Edges(Where([](auto& f) { f.doc = "a1"; })).size(), 2u);
  EXPECT_EQ(store->Edges(Where([](auto& f) { f.doc = "nope"; })).size(), 0u);
}

TEST_P(StoreTest, EdgeWeightsOfAKindAndEntityLabels) {
  TempDir dir;
  auto store = Open(dir.File("graph.db"), OpenMode::kCreate);
  store->AddDocument(FirstDoc().analysis());
  store->AddDocument(SecondDoc().analysis());
  auto all = store->EdgeWeights();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(store->EdgeWeights(std::string()).size(), 3u);
  auto issues = store->EdgeWeights("issue");
  ASSERT_EQ(issues.size(), 2u);
  for (const auto& w : issues) EXPECT_EQ(w.object, "issue:nato-membership");
  EXPECT_EQ(issues[0].subject, "actor:emmanuel-macron");
  EXPECT_EQ(issues[0].cls, "SUPPORT");
  EXPECT_EQ(issues[1].subject, "actor:vladimir-putin");
  auto actors = store->EdgeWeights("actor");
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].cls, "CONSULT");

  auto labels = store->EntityLabels();
  auto full = store->Entities();
  ASSERT_EQ(labels.size(), full.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    EXPECT_EQ(labels[i].id, full[i].id);
    EXPECT_EQ(labels[i].kind, full[i].kind);
    EXPECT_EQ(labels[i].label, full[i].label);
    EXPECT_EQ(labels[i].category, full[i].category);
    EXPECT_TRUE(labels[i].aliases.empty());
  }
  EXPECT_EQ(labels[0].id, "actor:emmanuel-macron");
  EXPECT_EQ(labels[0].category, "person");
}

// Extraction stores no mention span for an issue: it is found only as a
// relation's object. Its mentions are the sentences naming it so.
Doc IssueOnlyAsObject() {
  const std::string s1 = "Putin opposes NATO membership and rejects NATO membership.";
  const std::string s2 = "Macron backs NATO membership.";
  const std::string s3 = "NATO membership was debated; Scholz backs NATO membership.";
  Doc d("c3", s1 + " " + s2 + " " + s3, "2024-05-01");
  uint32_t a = d.Sentence(s1), b = d.Sentence(s2), c = d.Sentence(s3);
  d.Entity("actor:vladimir-putin", "Vladimir Putin")
      .Entity("actor:emmanuel-macron", "Emmanuel Macron")
      .Entity("actor:olaf-scholz", "Olaf Scholz")
      .Entity("issue:nato-membership", "NATO membership")
      .Mention("actor:vladimir-putin", a, "Putin")
      .Mention("actor:emmanuel-macron", b, "Macron")
      .Mention("actor:olaf-scholz", c, "Scholz")
      .Mention("issue:nato-membership", c, "NATO membership")  // a span in s3 only
      .Relation("actor:vladimir-putin", "oppose", "REJECT", -1, "issue:nato-membership", a)
      .Relation("actor:vladimir-putin", "reject", "REJECT", -1, "issue:nato-membership", a)
      .Relation("actor:emmanuel-macron", "back", "SUPPORT", 1, "issue:nato-membership", b)
      .Relation("actor:olaf-scholz", "back", "SUPPORT", 1, "issue:nato-membership", c);
  return d;
}

TEST(SqliteStoreTest, IssueMentionsCountTheSentencesThatNameThemAsObjects) {
  TempDir dir;
  auto store = OpenSqliteStore(dir.File("graph.db"), OpenMode::kCreate);
  store->AddDocument(IssueOnlyAsObject().analysis());
  // s1 (two relations, one sentence) + s2 (a relation) + s3 (a mention row
  // and a relation: counted once).
  std::vector<g::Entity> entities;
  store->LoadGraph(&entities, nullptr);
  uint32_t loaded = 0, putin = 0;
  for (const auto& e : entities) {
    if (e.id == "issue:nato-membership") loaded = e.mentions;
    if (e.id == "actor:vladimir-putin") putin = e.mentions;
  }
  EXPECT_EQ(loaded, 3u);
  EXPECT_EQ(putin, 1u) << "actors count their mention spans only";
  auto one = store->GetEntity("issue:nato-membership");
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->mentions, 3u);
  auto found = store->FindEntities("nato membership");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].mentions, 3u);
}

TEST(SqliteStoreTest, EdgeWeightsInADateWindow) {
  TempDir dir;
  auto store = OpenSqliteStore(dir.File("graph.db"), OpenMode::kCreate);
  store->AddDocument(FirstDoc().analysis());   // 2024-03-05: REJECT, CONSULT
  store->AddDocument(SecondDoc().analysis());  // 2024-04-10: SUPPORT
  RelationFilter w;
  w.from_date = "2024-04";
  auto april = store->EdgeWeights(w);
  ASSERT_EQ(april.size(), 1u);
  EXPECT_EQ(april[0].cls, "SUPPORT");
  w = {};
  w.to_date = "2024-03";
  w.object_kind = "issue";
  auto march = store->EdgeWeights(w);
  ASSERT_EQ(march.size(), 1u);
  EXPECT_EQ(march[0].cls, "REJECT");
  w = {};
  w.to_date = "2024-04-10";  // a date-time on that day is inside
  EXPECT_EQ(store->EdgeWeights(w).size(), 3u);
}

TEST(SqliteStoreTest, EdgeEvidenceNamesDocumentsStrongestFirstBoundedAndCut) {
  TempDir dir;
  auto store = OpenSqliteStore(dir.File("graph.db"), OpenMode::kCreate);
  Doc a = IssueOnlyAsObject();
  a.analysis().doc.url = "https://example.org/c3";
  a.analysis().relations[1].confidence = 0.95f;  // "reject" beats "oppose"
  store->AddDocument(a.analysis());
  std::vector<g::Entity> entities;
  std::vector<g::Statement> statements;
  store->LoadGraph(&entities, &statements);
  g::Graph graph = g::Graph::Build(entities, statements);
  auto ev = LoadEdgeEvidence(*store, graph, statements, 5);
  const std::string reject = "actor:vladimir-putin|REJECT|-1|issue:nato-membership";
  ASSERT_TRUE(ev.count(reject));
  const auto& items = ev.at(reject).items;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].lemma, "reject");
  EXPECT_EQ(items[1].lemma, "oppose");
  EXPECT_EQ(items[0].doc, "c3");
  EXPECT_EQ(items[0].title, "Title of c3");
  EXPECT_EQ(items[0].url, "https://example.org/c3");
  EXPECT_EQ(items[0].date, "2024-05-01");
  EXPECT_EQ(items[0].sentence, 0u);
  EXPECT_EQ(items[0].start, 0u);
  EXPECT_EQ(items[0].text, "Putin opposes NATO membership and rejects NATO membership.");
  EXPECT_EQ(items[0].end, items[0].text.size());
  EXPECT_EQ(LoadEdgeEvidence(*store, graph, statements, 1).at(reject).items.size(), 1u);
  EXPECT_TRUE(LoadEdgeEvidence(*store, graph, statements, 0).empty());
  // Title and URL also reach query evidence's rows.
  auto rows = store->Relations(Where([](RelationFilter& f) { f.cls = "SUPPORT"; }));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].title, "Title of c3");
  EXPECT_EQ(rows[0].url, "https://example.org/c3");
  EXPECT_EQ(CutText("caf\u00e9 au lait", 4), "caf\u00e9\u2026");
  EXPECT_EQ(CutText("short", 5), "short");
}

TEST(SqliteStoreTest, OlderFilesGainTheQueryIndexesWhenOpenedForWriting) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  {
    auto store = OpenSqliteStore(path, OpenMode::kCreate);
    store->AddDocument(FirstDoc().analysis());
    store->AddDocument(SecondDoc().analysis());
    EXPECT_FALSE(store->MissingIndexes());
  }
  const std::string current = IndexNames(path);
  EXPECT_CONTAINS(current, "documents_date");
  EXPECT_CONTAINS(current, "mentions_entity_doc");
  EXPECT_CONTAINS(current, "relations_edge");
  std::string edges, macron_counts;
  {
    auto store = OpenSqliteStore(path, OpenMode::kReadOnly);
    edges = EdgesText(*store, {});
    auto e = store->GetEntity("actor:emmanuel-macron");
    ASSERT_TRUE(e);
    macron_counts = std::to_string(e->mentions) + " " + std::to_string(e->documents) + " " +
                   e->first_date + " " + e->last_date;
  }
  EXPECT_EQ(macron_counts, "2 2 2024-03-05 2024-04-10T09:30:00Z");
  // The indexes of format 1 before the query indexes.
  ExecSql(path,
          "DROP INDEX documents_date; DROP INDEX mentions_entity_doc; DROP INDEX relations_edge; "
          "CREATE INDEX mentions_entity ON mentions(entity); "
          "CREATE INDEX relations_subject ON relations(subject);");
  {
    // Read-only: answers the same without them, file untouched.
    auto store = OpenSqliteStore(path, OpenMode::kReadOnly);
    EXPECT_TRUE(store->MissingIndexes());
    EXPECT_EQ(EdgesText(*store, {}), edges);
    auto e = store->GetEntity("actor:emmanuel-macron");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->documents, 2u);
    EXPECT_EQ(e->last_date, "2024-04-10T09:30:00Z");
  }
  EXPECT_NE(IndexNames(path), current);
  {
    auto store = OpenSqliteStore(path, OpenMode::kReadWrite);
    EXPECT_FALSE(store->MissingIndexes());
  }
  // The same indexes as a new file: the superseded ones are dropped.
  EXPECT_EQ(IndexNames(path), current);
  auto store = OpenSqliteStore(path, OpenMode::kReadOnly);
  EXPECT_FALSE(store->MissingIndexes());
  EXPECT_EQ(EdgesText(*store, {}), edges);
  EXPECT_EQ(store->Meta()["format_version"], "1");
}

TEST_P(StoreTest, UnknownEntitiesAreSkippedAndCounted) {
  TempDir dir;
  auto store = Open(dir.File("graph.db"), OpenMode::kCreate);
  store->AddDocument(FirstDoc().analysis());
  Doc d("u", "Putin met Xi. Macron met Scholz.");
  uint32_t s0 = d.Sentence("Putin met Xi."), s1 = d.Sentence("Macron met Scholz.");
  d.Entity("actor:vladimir-putin", "Putin")
      .Mention("actor:vladimir-putin", s0, "Putin")
      .Mention("actor:xi-jinping", s0, "Xi")
      .Relation("actor:vladimir-putin", "meet", "CONSULT", 0, "actor:xi-jinping", s0)
      // Macron is not in this analysis but is in the store: resolved.
      .Relation("actor:emmanuel-macron", "meet", "CONSULT", 0, "actor:vladimir-putin", s1);
  AddOutcome o = store->AddDocument(d.analysis());
  EXPECT_EQ(o.status, AddStatus::kAdded);
  EXPECT_EQ(o.skipped, 2u);
  // std::string("u"), not "u": GCC 12 warns falsely (-Wrestrict, its bug 105329).
  EXPECT_EQ(store->Relations(Where([](RelationFilter& f) { f.doc = std::string("u"); })).size(), 1u);
}

TEST(SqliteStoreTest, SameInputSameDatabase) {
  TempDir dir;
  const std::string p1 = dir.File("one.db"), p2 = dir.File("two.db");
  for (const auto& path : {p1, p2}) {
    auto store = OpenSqliteStore(path, OpenMode::kCreate);
    store->Begin();
    store->AddDocument(SecondDoc().analysis());
    store->AddDocument(FirstDoc().analysis());
    store->Commit();
    store->SetMeta("lexicon.verbs", "v1");
  }
  EXPECT_EQ(Dump(p1), Dump(p2));
  EXPECT_CONTAINS(Dump(p1), "lexicon.verbs|v1|");
}

TEST(SqliteStoreTest, ReaderReadsWhileAWriterWritesAndWritersSerialise) {
  TempDir dir;
  const std::string path = dir.File("graph.db");
  auto writer = OpenSqliteStore(path, OpenMode::kCreate);
  writer->AddDocument(FirstDoc().analysis());
  writer->Begin();
  writer->AddDocument(SecondDoc().analysis());

  auto reader = OpenSqliteStore(path, OpenMode::kReadOnly);
  EXPECT_EQ(reader->Stats().documents,
            1);  // the open transaction is not visible

  auto second = OpenSqliteStore(path, OpenMode::kReadWrite);
  Doc d("z", "Macron met Putin.");
  d.Sentence("Macron met Putin.");
  std::string err = ErrorOf([&] { second->AddDocument(d.analysis()); });  // waits 5 s
  EXPECT_CONTAINS(err, path);
  EXPECT_CONTAINS(err, "locked");

  writer->Commit();
  EXPECT_EQ(reader->Stats().documents, 2);
  EXPECT_EQ(second->AddDocument(d.analysis()).status, AddStatus::kAdded);
  EXPECT_EQ(reader->Stats().documents, 3);
}

}  // namespace
}  // namespace newsgraph::io
