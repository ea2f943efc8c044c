// The PostgreSQL backend of the graph store (store/store.h,
// docs/scaling.md). One PgStore owns one libpqxx connection; every libpqxx
// exception is caught here and rethrown as StoreError naming the URI.
//
// Many builders write into one database at once, so the schema keys rows
// by natural keys with unique constraints and writes are upserts on them:
//  - documents.hash is unique: two builders adding the same text store it
//    once (the second sees kDuplicate, or a unique violation that is
//    reported as StoreConflict and retried by io::Builder);
//  - entities.eid is unique and entities are inserted with ON CONFLICT DO
//    NOTHING in eid order: two builders meeting a new actor at the same
//    moment make one node, and never deadlock on it;
//  - aliases (entity, norm) likewise; entity rows are only UPDATEd when a
//    document brings a longer label or a missing attribute, so hot rows
//    ("actor:united-states") are not locked by every document;
//  - a merge of one entity into another is recorded in merged_ids, and a
//    later document that still names the old id (from a builder that has
//    not seen the merge) is written to the entity it was merged into.
// Mentions, relations and sentences go in with COPY. Readers use READ
// COMMITTED and see committed documents only.
#include <pqxx/pqxx>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "store/sqlite_store_internal.h"
#include "store/store.h"

#ifndef NEWSGRAPH_VERSION
#define NEWSGRAPH_VERSION "unknown"
#endif

namespace newsgraph::io {
namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE meta(key text COLLATE "C" PRIMARY KEY, value text NOT NULL);
CREATE TABLE documents(
  id bigserial PRIMARY KEY,
  doc_id text COLLATE "C" NOT NULL UNIQUE,
  title text COLLATE "C", date text COLLATE "C", url text COLLATE "C", source text COLLATE "C",
  origin text COLLATE "C",
  hash text COLLATE "C" NOT NULL UNIQUE,
  text text COLLATE "C" NOT NULL);
CREATE INDEX documents_date ON documents(id, date);
CREATE TABLE sentences(
  doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
  byte_start integer NOT NULL, byte_end integer NOT NULL,
  PRIMARY KEY(doc, idx));
CREATE TABLE entities(
  id bigserial PRIMARY KEY,
  eid text COLLATE "C" NOT NULL UNIQUE,
  kind text COLLATE "C" NOT NULL CHECK(kind IN ('actor', 'issue')),
  label text COLLATE "C" NOT NULL,
  category text COLLATE "C", role text COLLATE "C", affiliation text COLLATE "C",
  country text COLLATE "C", code text COLLATE "C");
CREATE TABLE aliases(
  entity bigint NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias text COLLATE "C" NOT NULL,
  norm text COLLATE "C" NOT NULL,
  PRIMARY KEY(entity, norm));
CREATE INDEX aliases_norm ON aliases(norm);
CREATE TABLE mentions(
  id bigserial PRIMARY KEY,
  entity bigint NOT NULL REFERENCES entities(id),
  doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
  text text COLLATE "C" NOT NULL,
  pronoun smallint NOT NULL DEFAULT 0);
CREATE INDEX mentions_entity_doc ON mentions(entity, doc);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE TABLE relations(
  id bigserial PRIMARY KEY,
  subject bigint NOT NULL REFERENCES entities(id),
  object bigint NOT NULL REFERENCES entities(id),
  lemma text COLLATE "C" NOT NULL,
  class text COLLATE "C" NOT NULL,
  mode text COLLATE "C",
  polarity integer NOT NULL,
  negated smallint NOT NULL DEFAULT 0,
  confidence double precision NOT NULL,
  doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
  possessor text COLLATE "C",
  code text COLLATE "C");
CREATE INDEX relations_edge ON relations(subject, object, class, polarity);
CREATE INDEX relations_object ON relations(object);
CREATE INDEX relations_doc ON relations(doc);
CREATE TABLE merged_ids(from_eid text COLLATE "C" PRIMARY KEY, into_eid text COLLATE "C" NOT NULL);
CREATE TABLE curated_aliases(
  norm text COLLATE "C" PRIMARY KEY, alias text COLLATE "C" NOT NULL,
  from_eid text COLLATE "C" NOT NULL, into_eid text COLLATE "C" NOT NULL,
  kind text, label text, category text, role text, affiliation text, country text, code text,
  into_category text, into_role text, into_affiliation text, into_country text, into_code text);
CREATE TABLE curated_moves(
  norm text COLLATE "C" NOT NULL, what text NOT NULL, "row" bigint, alias text COLLATE "C",
  alias_norm text COLLATE "C");
CREATE INDEX curated_moves_norm ON curated_moves(norm);
)SQL";

// Advisory lock key that serialises schema creation between builders.
constexpr int64_t kSchemaLock = 0x6e6577736772;  // "newsgr"

using Opt = std::optional<std::string>;
Opt Optional(const std::string& s) { return s.empty() ? Opt() : Opt(s); }
std::string Str(const pqxx::field& f) { return f.is_null() ? std::string() : std::string(f.c_str()); }

// A PostgreSQL array literal of texts: {"a","b\"c"}.
std::string TextArray(const std::vector<std::string>& v) {
  std::string out = "{";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : v[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

graph::EntityKind KindFromName(const std::string& s) {
  return s == "issue" ? graph::EntityKind::kIssue : graph::EntityKind::kActor;
}

constexpr const char* kEntitySelect =
    "SELECT id, eid, kind, label, category, role, affiliation, country, code FROM entities ";

graph::Entity ReadEntity(const pqxx::row& r) {
  graph::Entity e;
  e.id = Str(r[1]);
  e.kind = KindFromName(Str(r[2]));
  e.label = Str(r[3]);
  e.category = Str(r[4]);
  e.role = Str(r[5]);
  e.affiliation = Str(r[6]);
  e.country = Str(r[7]);
  e.code = Str(r[8]);
  return e;
}

constexpr const char* kEvidenceSelect =
    "SELECT r.id, s.eid, o.eid, r.lemma, r.class, r.mode, r.polarity, r.negated, r.confidence, "
    "d.doc_id, d.date, r.sentence, r.start, r.\"end\", substr(d.text, r.start + 1, r.\"end\" - r.start), "
    "r.possessor, r.code, d.title, d.url "
    "FROM relations r JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object JOIN "
    "documents d ON d.id = r.doc ";

// Mentions of issues that no mention row records, as in the SQLite store
// (kIssueSentences there): each sentence naming an issue as a relation's
// object counts once unless a mention row of it is in that sentence.
// Selects (issue rowid, count); callers add " GROUP BY x.object",
// optionally after " AND x.object = $1".
constexpr const char* kIssueSentences =
    "SELECT x.object, count(*) FROM (SELECT DISTINCT r.object, r.doc, r.sentence FROM relations r "
    "JOIN entities e ON e.id = r.object WHERE e.kind = 'issue') x WHERE NOT EXISTS (SELECT 1 FROM "
    "mentions m WHERE m.entity = x.object AND m.doc = x.doc AND m.sentence = x.sentence)";

EvidenceRow ReadEvidence(const pqxx::row& q) {
  EvidenceRow row;
  row.id = q[0].as<int64_t>();
  row.subject = Str(q[1]);
  row.object = Str(q[2]);
  row.lemma = Str(q[3]);
  row.cls = Str(q[4]);
  row.mode = Str(q[5]);
  row.polarity = q[6].as<int>();
  row.negated = q[7].as<int>() != 0;
  row.confidence = q[8].as<double>();
  row.doc = Str(q[9]);
  row.date = Str(q[10]);
  row.sentence = q[11].as<uint32_t>();
  row.start = q[12].as<uint32_t>();
  row.end = q[13].as<uint32_t>();
  row.text = Str(q[14]);
  row.possessor = Str(q[15]);
  row.code = Str(q[16]);
  row.title = Str(q[17]);
  row.url = Str(q[18]);
  return row;
}

// SQLSTATEs after which the same write may succeed when tried again: a
// serialization failure, a deadlock, a unique or foreign key violation
// caused by another builder's concurrent insert or merge.
bool Transient(const std::string& state) {
  return state == "40001" || state == "40P01" || state == "23505" || state == "23503";
}

// The URI with anything after a password-like part removed, for messages.
bool HasPassword(const std::string& uri) {
  size_t start = uri.find("://");
  if (start == std::string::npos) return false;
  start += 3;
  size_t end = uri.find_first_of("/?", start);
  std::string authority = uri.substr(start, end == std::string::npos ? std::string::npos : end - start);
  size_t at = authority.rfind('@');
  if (at != std::string::npos && authority.substr(0, at).find(':') != std::string::npos) return true;
  size_t q = uri.find('?');
  if (q != std::string::npos) {
    std::string query = "&" + uri.substr(q + 1);
    if (query.find("&password=") != std::string::npos) return true;
  }
  return false;
}

class PgStore : public Store {
 public:
  PgStore(std::string uri, OpenMode mode) : uri_(std::move(uri)), mode_(mode) {
    if (HasPassword(uri_))
      throw StoreError("a PostgreSQL URI must not carry a password (it would be visible to every user of the "
                       "machine in the process list): put it in PGPASSWORD or ~/.pgpass");
    Guard([&] { Open(); });
  }

  ~PgStore() override {
    try {
      tx_.reset();  // an open transaction is aborted
    } catch (...) {
    }
  }

  void Begin(Batch batch) override {
    Guard([&] {
      CheckWritable("begin a transaction");
      if (tx_) throw StoreError(uri_ + ": a transaction is already open");
      batch_ = batch;
      failed_.clear();
      tx_ = std::make_unique<pqxx::work>(*conn_);
      ids_.clear();
    });
  }

  void Commit() override {
    Guard([&] {
      if (!tx_) throw StoreError(uri_ + ": commit without an open transaction");
      if (!failed_.empty()) {
        throw StoreError(uri_ + ": cannot commit: a write in this batch failed (" + failed_ + "); roll it back");
      }
      auto tx = std::move(tx_);
      ids_.clear();
      tx->commit();
    });
  }

  void Rollback() override {
    Guard([&] {
      if (!tx_) return;
      auto tx = std::move(tx_);
      ids_.clear();
      failed_.clear();
      tx->abort();
    });
  }

  AddOutcome AddDocument(const graph::DocumentAnalysis& analysis) override {
    AddOutcome outcome;
    Guard([&] {
      CheckWritable("add a document");
      if (analysis.doc.id.empty())
        throw StoreError(uri_ + ": document " +
                         (analysis.doc.origin.empty() ? std::string("(no origin)") : analysis.doc.origin) +
                         " has no id");
      Write([&](pqxx::transaction_base& t) { outcome = AddDocumentIn(t, analysis); });
    });
    return outcome;
  }

  void LoadGraph(std::vector<graph::Entity>* entities, std::vector<graph::Statement>* statements) override {
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        if (entities) {
          std::vector<int64_t> rowids;
          *entities = LoadEntities(t, "ORDER BY eid", {}, &rowids);
          std::unordered_map<int64_t, size_t> at;
          for (size_t i = 0; i < rowids.size(); ++i) at[rowids[i]] = i;
          for (const auto& r : t.exec("SELECT entity, count(*) FROM mentions GROUP BY entity")) {
            auto it = at.find(r[0].as<int64_t>());
            if (it != at.end()) (*entities)[it->second].mentions = r[1].as<uint32_t>();
          }
          for (const auto& r : t.exec(std::string(kIssueSentences) + " GROUP BY x.object")) {
            auto it = at.find(r[0].as<int64_t>());
            if (it != at.end()) (*entities)[it->second].mentions += r[1].as<uint32_t>();
          }
          for (const auto& r : t.exec("SELECT x.entity, count(DISTINCT x.doc), min(d.date), max(d.date) "
                                      "FROM (SELECT entity, doc FROM mentions UNION SELECT subject, doc "
                                      "FROM relations UNION SELECT object, doc FROM relations) x "
                                      "JOIN documents d ON d.id = x.doc GROUP BY x.entity")) {
            auto it = at.find(r[0].as<int64_t>());
            if (it == at.end()) continue;
            graph::Entity& e = (*entities)[it->second];
            e.documents = r[1].as<uint32_t>();
            e.first_date = Str(r[2]);
            e.last_date = Str(r[3]);
          }
        }
        if (statements) {
          statements->clear();
          for (const auto& r : t.exec("SELECT s.eid, o.eid, r.lemma, r.class, r.polarity, r.negated, "
                                      "r.confidence, d.doc_id, d.date, r.id, r.code FROM relations r "
                                      "JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object "
                                      "JOIN documents d ON d.id = r.doc ORDER BY r.id")) {
            graph::Statement st;
            st.subject = Str(r[0]);
            st.object = Str(r[1]);
            st.lemma = Str(r[2]);
            st.cls = Str(r[3]);
            st.polarity = r[4].as<int>();
            st.negated = r[5].as<int>() != 0;
            st.confidence = static_cast<float>(r[6].as<double>());
            st.doc = Str(r[7]);
            st.date = Str(r[8]);
            st.evidence_id = r[9].as<int64_t>();
            st.code = Str(r[10]);
            statements->push_back(std::move(st));
          }
        }
      });
    });
  }

  std::vector<graph::Entity> Entities() override {
    std::vector<graph::Entity> out;
    Guard([&] { Read([&](pqxx::transaction_base& t) { out = LoadEntities(t, "ORDER BY eid", {}, nullptr); }); });
    return out;
  }

  std::vector<graph::Entity> EntityLabels() override {
    std::vector<graph::Entity> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        for (const auto& r : t.exec("SELECT eid, kind, label, category FROM entities ORDER BY eid")) {
          graph::Entity e;
          e.id = Str(r[0]);
          e.kind = KindFromName(Str(r[1]));
          e.label = Str(r[2]);
          e.category = Str(r[3]);
          out.push_back(std::move(e));
        }
      });
    });
    return out;
  }

  std::vector<graph::Entity> FindEntities(const std::string& name) override {
    std::vector<graph::Entity> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        std::string lower = name;
        for (char& c : lower)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        std::vector<int64_t> rowids;
        out = LoadEntities(t,
                           "WHERE eid = $1 OR eid = $2 OR id IN (SELECT entity FROM aliases WHERE norm = $3) "
                           "ORDER BY eid",
                           {name, lower, NameKey(name)}, &rowids);
        for (size_t i = 0; i < out.size(); ++i) FillCounts(t, rowids[i], &out[i]);
        std::stable_sort(out.begin(), out.end(),
                         [](const auto& a, const auto& b) { return a.mentions > b.mentions; });
      });
    });
    return out;
  }

  std::vector<graph::Entity> EntitiesByIds(const std::vector<std::string>& ids) override {
    std::vector<graph::Entity> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        out = LoadEntities(t, "WHERE eid = ANY($1::text[]) ORDER BY eid", {TextArray(ids)}, nullptr);
      });
    });
    return out;
  }

  std::optional<graph::Entity> GetEntity(const std::string& id) override {
    std::optional<graph::Entity> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        std::vector<int64_t> rowids;
        auto found = LoadEntities(t, "WHERE eid = $1", {id}, &rowids);
        if (found.empty()) return;
        FillCounts(t, rowids[0], &found[0]);
        out = std::move(found[0]);
      });
    });
    return out;
  }

  std::vector<EvidenceRow> Relations(const RelationFilter& f) override {
    std::vector<EvidenceRow> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        std::vector<std::string> args;
        std::string sql = std::string(kEvidenceSelect) + FilterWhere(f, &args) +
                          " ORDER BY s.eid, o.eid, r.class, r.polarity, d.doc_id, r.sentence, r.id";
        if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
        for (const auto& r : t.exec_params(sql, pqxx::prepare::make_dynamic_params(args)))
          out.push_back(ReadEvidence(r));
      });
    });
    return out;
  }

  std::vector<EvidenceRow> Evidence(const std::vector<int64_t>& ids) override {
    std::vector<EvidenceRow> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        std::string list = "{";
        for (size_t i = 0; i < ids.size(); ++i) list += (i ? "," : "") + std::to_string(ids[i]);
        list += "}";
        std::unordered_map<int64_t, EvidenceRow> by_id;
        for (const auto& r : t.exec_params(std::string(kEvidenceSelect) + "WHERE r.id = ANY($1::bigint[])", list)) {
          EvidenceRow row = ReadEvidence(r);
          by_id.emplace(row.id, std::move(row));
        }
        for (int64_t id : ids) {  // in the order asked, as the SQLite backend answers
          auto it = by_id.find(id);
          if (it != by_id.end()) out.push_back(it->second);
        }
      });
    });
    return out;
  }

  std::vector<EdgeSummary> Edges(const RelationFilter& f) override {
    std::vector<EdgeSummary> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        std::vector<std::string> args;
        bool join_dates = f.dates || !f.from_date.empty() || !f.to_date.empty();
        // The example is the most confident statement, the lowest id on
        // ties, packed into one integer as the SQLite backend does.
        std::string sql =
            std::string("SELECT s.eid, o.eid, r.class, r.polarity, count(*), count(DISTINCT r.doc), "
                        "sum(r.negated), ") +
            (f.dates ? "min(d.date), max(d.date), " : "NULL, NULL, ") +
            "avg(r.confidence), "
            "min(trunc((1.0 - greatest(0.0, least(1.0, r.confidence))) * 1000000)::bigint * 4294967296 + r.id) "
            "% 4294967296 "
            "FROM relations r JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object " +
            (join_dates ? "JOIN documents d ON d.id = r.doc " : "") + FilterWhere(f, &args) +
            " GROUP BY s.eid, o.eid, r.class, r.polarity"
            " ORDER BY count(*) DESC, s.eid, o.eid, r.class, r.polarity";
        if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
        for (const auto& r : t.exec_params(sql, pqxx::prepare::make_dynamic_params(args))) {
          EdgeSummary e;
          e.subject = Str(r[0]);
          e.object = Str(r[1]);
          e.cls = Str(r[2]);
          e.polarity = r[3].as<int>();
          e.weight = r[4].as<uint32_t>();
          e.documents = r[5].as<uint32_t>();
          e.negated = r[6].as<uint32_t>();
          e.first_date = Str(r[7]);
          e.last_date = Str(r[8]);
          e.confidence = r[9].as<double>();
          e.example = r[10].as<int64_t>();
          out.push_back(std::move(e));
        }
      });
    });
    return out;
  }

  std::vector<EdgeWeight> EdgeWeights() override { return EdgeWeights(std::string()); }

  std::vector<EdgeWeight> EdgeWeights(const std::string& object_kind) override {
    RelationFilter f;
    f.object_kind = object_kind;
    return EdgeWeights(f);
  }

  // Counting only statements inside the window's dates (inclusive by day:
  // "2024-03-05T10:00" is within to_date "2024-03-05"), as the SQLite store.
  std::vector<EdgeWeight> EdgeWeights(const RelationFilter& window) override {
    const std::string& object_kind = window.object_kind;
    std::vector<EdgeWeight> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        for (const auto& r : t.exec_params("SELECT s.eid, o.eid, r.class, r.polarity, count(*) FROM relations r "
                                           "JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object "
                                           "JOIN documents d ON d.id = r.doc "
                                           "WHERE ($1 = '' OR o.kind = $1) AND ($2 = '' OR d.date >= $2) AND "
                                           "($3 = '' OR substr(d.date, 1, length($3)) <= $3) "
                                           "GROUP BY s.eid, o.eid, r.class, r.polarity "
                                           "ORDER BY s.eid, o.eid, r.class, r.polarity",
                                           object_kind, window.from_date, window.to_date)) {
          EdgeWeight w;
          w.subject = Str(r[0]);
          w.object = Str(r[1]);
          w.cls = Str(r[2]);
          w.polarity = r[3].as<int>();
          w.weight = r[4].as<uint32_t>();
          out.push_back(std::move(w));
        }
      });
    });
    return out;
  }

  std::vector<std::string> DocumentIds() override {
    std::vector<std::string> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        for (const auto& r : t.exec("SELECT doc_id FROM documents ORDER BY id")) out.push_back(Str(r[0]));
      });
    });
    return out;
  }

  std::optional<graph::DocumentAnalysis> LoadAnalysis(const std::string& doc_id) override {
    std::optional<graph::DocumentAnalysis> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        auto d = t.exec_params("SELECT id, doc_id, title, date, url, source, origin, hash, text FROM documents "
                               "WHERE doc_id = $1",
                               doc_id);
        if (d.empty()) return;
        graph::DocumentAnalysis a;
        int64_t row = d[0][0].as<int64_t>();
        a.doc.id = Str(d[0][1]);
        a.doc.title = Str(d[0][2]);
        a.doc.date = Str(d[0][3]);
        a.doc.url = Str(d[0][4]);
        a.doc.source = Str(d[0][5]);
        a.doc.origin = Str(d[0][6]);
        a.doc.hash = Str(d[0][7]);
        a.doc.text = Str(d[0][8]);
        std::vector<uint32_t> byte_of;  // code point index -> byte offset
        for (uint32_t i = 0; i < a.doc.text.size(); ++i)
          if ((static_cast<unsigned char>(a.doc.text[i]) & 0xC0) != 0x80) byte_of.push_back(i);
        byte_of.push_back(static_cast<uint32_t>(a.doc.text.size()));
        auto bytes = [&](int64_t c) {
          return byte_of[std::min<size_t>(static_cast<size_t>(std::max<int64_t>(c, 0)), byte_of.size() - 1)];
        };
        for (const auto& s : t.exec_params("SELECT idx, byte_start, byte_end FROM sentences WHERE doc = $1 ORDER BY idx",
                                           row)) {
          graph::Sentence sentence;
          sentence.index = s[0].as<uint32_t>();
          sentence.span = {s[1].as<uint32_t>(), s[2].as<uint32_t>()};
          a.sentences.push_back(sentence);
        }
        for (const auto& m : t.exec_params("SELECT e.eid, m.sentence, m.start, m.\"end\", m.text, m.pronoun FROM "
                                           "mentions m JOIN entities e ON e.id = m.entity WHERE m.doc = $1 ORDER BY m.id",
                                           row)) {
          graph::Mention mention;
          mention.entity = Str(m[0]);
          mention.sentence = m[1].as<uint32_t>();
          mention.span = {bytes(m[2].as<int64_t>()), bytes(m[3].as<int64_t>())};
          mention.text = Str(m[4]);
          mention.pronoun = m[5].as<int>() != 0;
          a.mentions.push_back(std::move(mention));
        }
        for (const auto& r : t.exec_params("SELECT s.eid, o.eid, r.lemma, r.class, r.mode, r.polarity, r.negated, "
                                           "r.confidence, r.sentence, r.start, r.\"end\", r.possessor, r.code FROM "
                                           "relations r JOIN entities s ON s.id = r.subject JOIN entities o ON "
                                           "o.id = r.object WHERE r.doc = $1 ORDER BY r.id",
                                           row)) {
          graph::Relation rel;
          rel.subject = Str(r[0]);
          rel.object = Str(r[1]);
          rel.lemma = Str(r[2]);
          rel.cls = Str(r[3]);
          rel.mode = Str(r[4]);
          rel.polarity = r[5].as<int>();
          rel.negated = r[6].as<int>() != 0;
          rel.confidence = static_cast<float>(r[7].as<double>());
          rel.sentence = r[8].as<uint32_t>();
          rel.evidence = {bytes(r[9].as<int64_t>()), bytes(r[10].as<int64_t>())};
          rel.qualifier = Str(r[11]);
          rel.code = Str(r[12]);
          a.relations.push_back(std::move(rel));
        }
        a.entities = LoadEntities(t,
                                  "WHERE id IN (SELECT entity FROM mentions WHERE doc = $1::bigint UNION SELECT "
                                  "subject FROM relations WHERE doc = $1::bigint UNION SELECT object FROM "
                                  "relations WHERE doc = $1::bigint) ORDER BY eid",
                                  {std::to_string(row)}, nullptr);
        out = std::move(a);
      });
    });
    return out;
  }

  void MergeEntity(const std::string& from_id, const std::string& into_id) override {
    Guard([&] {
      CheckWritable("merge entities");
      if (from_id == into_id) return;
      Write([&](pqxx::transaction_base& t) {
        // Lock from's row: builders adding mentions of it wait until this
        // merge is committed (and then write to into, through merged_ids).
        auto from_row = t.exec_params("SELECT id, kind FROM entities WHERE eid = $1 FOR UPDATE", from_id);
        if (from_row.empty()) {
          // Another builder merged it already (its documents name it still).
          if (!t.exec_params("SELECT 1 FROM merged_ids WHERE from_eid = $1", from_id).empty()) return;
          throw StoreError(uri_ + ": no entity " + from_id);
        }
        int64_t from = from_row[0][0].as<int64_t>();
        auto into_row = t.exec_params("SELECT id, kind FROM entities WHERE eid = $1 FOR UPDATE", into_id);
        RecordMerge(t, from_id, into_id);
        ids_.clear();
        if (into_row.empty()) {
          // A known entity takes the id the next document brings.
          t.exec_params("UPDATE entities SET eid = $1 WHERE id = $2", into_id, from);
          return;
        }
        int64_t into = into_row[0][0].as<int64_t>();
        if (Str(from_row[0][1]) != Str(into_row[0][1]))
          throw StoreError(uri_ + ": cannot merge " + from_id + " into " + into_id +
                           ": one is an actor, the other an issue");
        t.exec_params("UPDATE entities i SET category = coalesce(i.category, f.category), role = coalesce(i.role, "
                      "f.role), affiliation = coalesce(i.affiliation, f.affiliation), country = "
                      "coalesce(i.country, f.country), code = coalesce(i.code, f.code) FROM entities f "
                      "WHERE f.id = $1 AND i.id = $2",
                      from, into);
        t.exec_params("INSERT INTO aliases(entity, alias, norm) SELECT $2, alias, norm FROM aliases WHERE "
                      "entity = $1 ORDER BY alias ON CONFLICT DO NOTHING",
                      from, into);
        t.exec_params("DELETE FROM aliases WHERE entity = $1", from);
        t.exec_params("UPDATE mentions SET entity = $2 WHERE entity = $1", from, into);
        t.exec_params("UPDATE relations SET subject = $2 WHERE subject = $1", from, into);
        t.exec_params("UPDATE relations SET object = $2 WHERE object = $1", from, into);
        t.exec_params("DELETE FROM entities WHERE id = $1", from);
      });
    });
  }

  void AddAlias(const std::string& name, const std::string& from_id, const std::string& into_id) override {
    Guard([&] {
      CheckWritable("record an alias");
      std::string norm = NameKey(name);
      if (norm.empty()) throw StoreError(uri_ + ": an alias needs a name");
      if (from_id == into_id) throw StoreError(uri_ + ": " + from_id + " is already " + into_id);
      Write([&](pqxx::transaction_base& t) {
        int64_t from = LookupEntity(t, from_id), into = LookupEntity(t, into_id);
        if (from == 0) throw StoreError(uri_ + ": no entity " + from_id);
        if (into == 0) throw StoreError(uri_ + ": no entity " + into_id);
        if (!t.exec_params("SELECT 1 FROM curated_aliases WHERE norm = $1", norm).empty())
          throw StoreError(uri_ + ": \"" + name + "\" is already a curated alias");
        t.exec_params("INSERT INTO curated_aliases(norm, alias, from_eid, into_eid, kind, label, category, role, "
                      "affiliation, country, code, into_category, into_role, into_affiliation, into_country, "
                      "into_code) SELECT $1, $2, $3, $4, f.kind, f.label, f.category, f.role, f.affiliation, "
                      "f.country, f.code, i.category, i.role, i.affiliation, i.country, i.code FROM entities f, "
                      "entities i WHERE f.id = $5 AND i.id = $6",
                      norm, name, from_id, into_id, from, into);
        t.exec_params("INSERT INTO curated_moves(norm, what, \"row\") SELECT $1, 'mention', id FROM mentions WHERE entity = $2",
                      norm, from);
        t.exec_params("INSERT INTO curated_moves(norm, what, \"row\") SELECT $1, 'subject', id FROM relations WHERE subject = $2",
                      norm, from);
        t.exec_params("INSERT INTO curated_moves(norm, what, \"row\") SELECT $1, 'object', id FROM relations WHERE object = $2",
                      norm, from);
        t.exec_params("INSERT INTO curated_moves(norm, what, alias, alias_norm) SELECT $1, 'alias', alias, norm FROM "
                      "aliases WHERE entity = $2 AND norm NOT IN (SELECT norm FROM aliases WHERE entity = $3)",
                      norm, from, into);
      });
      MergeEntity(from_id, into_id);
      Write([&](pqxx::transaction_base& t) {
        int64_t into = LookupEntity(t, into_id);
        if (!t.exec_params("SELECT 1 FROM aliases WHERE entity = $1 AND norm = $2", into, norm).empty()) return;
        t.exec_params("INSERT INTO aliases(entity, alias, norm) VALUES($1, $2, $3)", into, name, norm);
        t.exec_params("INSERT INTO curated_moves(norm, what, alias, alias_norm) VALUES($1, 'added', $2, $1)", norm,
                      name);
      });
    });
  }

  bool UndoAlias(const std::string& name) override {
    bool undone = false;
    Guard([&] {
      CheckWritable("undo an alias");
      std::string norm = NameKey(name);
      Write([&](pqxx::transaction_base& t) {
        auto r = t.exec_params("SELECT from_eid, into_eid, kind, label, category, role, affiliation, country, code, "
                               "into_category, into_role, into_affiliation, into_country, into_code FROM "
                               "curated_aliases WHERE norm = $1",
                               norm);
        if (r.empty()) return;
        auto c = [&](int i) { return r[0][i].is_null() ? Opt() : Opt(Str(r[0][i])); };
        std::string from_eid = Str(r[0][0]), into_eid = Str(r[0][1]);
        int64_t into = LookupEntity(t, into_eid);
        if (into == 0)
          throw StoreError(uri_ + ": the entity " + into_eid + " that \"" + name + "\" was merged into is gone");
        if (LookupEntity(t, from_eid) != 0)
          throw StoreError(uri_ + ": an entity " + from_eid + " exists again; merge it by hand");
        int64_t from = t.exec_params("INSERT INTO entities(eid, kind, label, category, role, affiliation, country, "
                                     "code) VALUES($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                                     from_eid, c(2), c(3), c(4), c(5), c(6), c(7), c(8))[0][0]
                           .as<int64_t>();
        t.exec_params("UPDATE entities SET category = $2, role = $3, affiliation = $4, country = $5, code = $6 "
                      "WHERE id = $1",
                      into, c(9), c(10), c(11), c(12), c(13));
        t.exec_params("DELETE FROM merged_ids WHERE from_eid = $1", from_eid);
        t.exec_params("UPDATE mentions SET entity = $2 WHERE entity = $3 AND id IN (SELECT \"row\" FROM "
                      "curated_moves WHERE norm = $1 AND what = 'mention')",
                      norm, from, into);
        t.exec_params("UPDATE relations SET subject = $2 WHERE subject = $3 AND id IN (SELECT \"row\" FROM "
                      "curated_moves WHERE norm = $1 AND what = 'subject')",
                      norm, from, into);
        t.exec_params("UPDATE relations SET object = $2 WHERE object = $3 AND id IN (SELECT \"row\" FROM "
                      "curated_moves WHERE norm = $1 AND what = 'object')",
                      norm, from, into);
        t.exec_params("INSERT INTO aliases(entity, alias, norm) SELECT $2, alias, alias_norm FROM curated_moves "
                      "WHERE norm = $1 AND what = 'alias' ON CONFLICT DO NOTHING",
                      norm, from);
        t.exec_params("DELETE FROM aliases WHERE entity = $2 AND norm IN (SELECT alias_norm FROM curated_moves "
                      "WHERE norm = $1 AND what IN ('alias', 'added'))",
                      norm, into);
        t.exec_params("DELETE FROM curated_moves WHERE norm = $1", norm);
        t.exec_params("DELETE FROM curated_aliases WHERE norm = $1", norm);
        ids_.clear();
        undone = true;
      });
    });
    return undone;
  }

  std::vector<std::pair<std::string, std::string>> CuratedAliases() override {
    std::vector<std::pair<std::string, std::string>> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        for (const auto& r : t.exec("SELECT alias, into_eid FROM curated_aliases ORDER BY alias"))
          out.emplace_back(Str(r[0]), Str(r[1]));
      });
    });
    return out;
  }

  bool MissingIndexes() override { return false; }

  // PostgreSQL checks its own pages (data checksums, amcheck for those who
  // install it); nothing here is like SQLite's integrity_check.
  std::vector<std::string> CheckIntegrity(bool /*quick*/, int /*max_problems*/) override { return {}; }

  StoreStats Stats() override {
    StoreStats s;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        auto r = t.exec("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
                        "(SELECT count(*) FROM entities WHERE kind = 'actor'), "
                        "(SELECT count(*) FROM entities WHERE kind = 'issue'), (SELECT count(*) FROM mentions), "
                        "(SELECT count(*) FROM relations)")[0];
        s.documents = r[0].as<int64_t>();
        s.sentences = r[1].as<int64_t>();
        s.actors = r[2].as<int64_t>();
        s.issues = r[3].as<int64_t>();
        s.mentions = r[4].as<int64_t>();
        s.relations = r[5].as<int64_t>();
      });
    });
    return s;
  }

  std::map<std::string, std::string> Meta() override {
    std::map<std::string, std::string> out;
    Guard([&] {
      Read([&](pqxx::transaction_base& t) {
        for (const auto& r : t.exec("SELECT key, value FROM meta ORDER BY key")) out[Str(r[0])] = Str(r[1]);
      });
    });
    return out;
  }

  void SetMeta(const std::string& key, const std::string& value) override {
    Guard([&] {
      CheckWritable("set metadata");
      if (key == "format_version" || key == "tool")
        throw StoreError(uri_ + ": meta key \"" + key + "\" is reserved");
      Write([&](pqxx::transaction_base& t) {
        t.exec_params("INSERT INTO meta(key, value) VALUES($1, $2) ON CONFLICT (key) DO UPDATE SET value = "
                      "excluded.value",
                      key, value);
      });
    });
  }

 private:
  template <typename F>
  void Guard(F&& f) {
    try {
      f();
    } catch (const StoreError&) {
      throw;
    } catch (const pqxx::transaction_rollback& e) {
      // Deadlock or serialization failure (in libpqxx 6 not an sql_error).
      throw StoreConflict(uri_ + ": " + Trim(e.what()));
    } catch (const pqxx::unique_violation& e) {
      throw StoreConflict(uri_ + ": " + Trim(e.what()));
    } catch (const pqxx::foreign_key_violation& e) {
      throw StoreConflict(uri_ + ": " + Trim(e.what()));
    } catch (const pqxx::sql_error& e) {
      if (Transient(e.sqlstate())) throw StoreConflict(uri_ + ": " + Trim(e.what()));
      throw StoreError(uri_ + ": " + Trim(e.what()));
    } catch (const pqxx::broken_connection& e) {
      throw StoreError(uri_ + ": cannot reach the server: " + Trim(e.what()));
    } catch (const pqxx::failure& e) {
      throw StoreError(uri_ + ": " + Trim(e.what()));
    } catch (const pqxx::usage_error& e) {
      throw StoreError(uri_ + ": " + Trim(e.what()));
    }
  }

  static std::string Trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }

  void Open() {
    conn_ = std::make_unique<pqxx::connection>(uri_);
    {
      pqxx::nontransaction n(*conn_);
      if (Str(n.exec("SHOW server_encoding")[0][0]) != "UTF8")
        throw StoreError(uri_ + ": the database's encoding must be UTF8 (CREATE DATABASE ... ENCODING 'UTF8')");
      n.exec("SET client_encoding = 'UTF8'");
    }
    pqxx::work t(*conn_);
    bool has_meta = !t.exec("SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = 'meta' AND schemaname = "
                            "current_schema()")
                         .empty();
    if (!has_meta) {
      if (mode_ != OpenMode::kCreate) {
        bool empty = t.exec("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema()").empty();
        throw StoreError(uri_ + (empty ? ": no newsgraph store here (build into it first)" : ": not a newsgraph database"));
      }
      // Two builders creating the store at once: one creates, the other
      // waits here and finds the tables.
      t.exec_params("SELECT pg_advisory_xact_lock($1)", kSchemaLock);
      bool now = !t.exec("SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = 'meta' AND schemaname = "
                         "current_schema()")
                      .empty();
      if (!now) {
        if (!t.exec("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema()").empty())
          throw StoreError(uri_ + ": not a newsgraph database (its schema has other tables)");
        t.exec(kSchema);
        t.exec_params("INSERT INTO meta(key, value) VALUES('created_by_version', $1), ('format_version', $2), "
                      "('tool', 'newsgraph')",
                      std::string(NEWSGRAPH_VERSION), std::to_string(kStoreFormatVersion));
      }
    }
    auto meta = t.exec("SELECT key, value FROM meta WHERE key IN ('tool', 'format_version')");
    std::string tool, version;
    for (const auto& r : meta) (Str(r[0]) == "tool" ? tool : version) = Str(r[1]);
    if (tool != "newsgraph") throw StoreError(uri_ + ": not a newsgraph database");
    int v = version.empty() ? 0 : std::atoi(version.c_str());
    if (v > kStoreFormatVersion)
      throw StoreError(uri_ + ": written by format version " + version + ", this newsgraph reads up to version " +
                       std::to_string(kStoreFormatVersion));
    t.commit();
  }

  void CheckWritable(const char* what) const {
    if (mode_ == OpenMode::kReadOnly) throw StoreError(uri_ + ": opened read-only, cannot " + what);
  }

  // Runs body in the open transaction (reads see its writes), else in a
  // read-only one of its own.
  void Read(const std::function<void(pqxx::transaction_base&)>& body) {
    if (tx_) {
      body(*tx_);
      return;
    }
    pqxx::read_transaction t(*conn_);
    body(t);
    t.commit();
  }

  // Runs body atomically: in its own transaction, or inside the open one
  // under a savepoint (kAtomicWrites) or not (kAllOrNothing).
  void Write(const std::function<void(pqxx::transaction_base&)>& body) {
    if (tx_ && batch_ == Batch::kAllOrNothing) {
      if (!failed_.empty())
        throw StoreError(uri_ + ": a write in this batch failed (" + failed_ + "); roll it back");
      try {
        body(*tx_);
      } catch (const std::exception& e) {
        failed_ = e.what();
        if (failed_.empty()) failed_ = "unknown error";
        ids_.clear();
        throw;
      }
    } else if (tx_) {
      tx_->exec("SAVEPOINT newsgraph_write");
      try {
        body(*tx_);
        tx_->exec("RELEASE SAVEPOINT newsgraph_write");
      } catch (...) {
        ids_.clear();
        try {
          tx_->exec("ROLLBACK TO SAVEPOINT newsgraph_write");
          tx_->exec("RELEASE SAVEPOINT newsgraph_write");
        } catch (...) {
        }
        throw;
      }
    } else {
      ids_.clear();
      pqxx::work t(*conn_);
      body(t);
      t.commit();
      ids_.clear();
    }
  }

  // Records from -> into, and points earlier merges into from at into.
  void RecordMerge(pqxx::transaction_base& t, const std::string& from, const std::string& into) {
    t.exec_params("UPDATE merged_ids SET into_eid = $2 WHERE into_eid = $1", from, into);
    t.exec_params("DELETE FROM merged_ids WHERE from_eid = $1", into);
    t.exec_params("INSERT INTO merged_ids(from_eid, into_eid) VALUES($1, $2) ON CONFLICT (from_eid) DO UPDATE SET "
                  "into_eid = excluded.into_eid",
                  from, into);
  }

  int64_t LookupEntity(pqxx::transaction_base& t, const std::string& eid) {
    auto it = ids_.find(eid);
    if (it != ids_.end()) return it->second;
    auto r = t.exec_params("SELECT id FROM entities WHERE eid = $1", eid);
    int64_t id = r.empty() ? 0 : r[0][0].as<int64_t>();
    if (id) ids_[eid] = id;
    return id;
  }

  // Upserts one entity; returns its row id. Never locks a row that does
  // not change.
  int64_t UpsertEntity(pqxx::transaction_base& t, const graph::Entity& e, const std::string& eid) {
    std::string label = e.label;
    if (label.empty()) {
      size_t colon = eid.find(':');
      label = colon == std::string::npos ? eid : eid.substr(colon + 1);
    }
    auto ins = t.exec_params("INSERT INTO entities(eid, kind, label, category, role, affiliation, country, code) "
                             "VALUES($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (eid) DO NOTHING RETURNING id",
                             eid, std::string(graph::KindName(e.kind)), label, Optional(e.category),
                             Optional(e.role), Optional(e.affiliation), Optional(e.country), Optional(e.code));
    int64_t id;
    if (!ins.empty()) {
      id = ins[0][0].as<int64_t>();
    } else {
      auto r = t.exec_params(
          "UPDATE entities SET label = CASE WHEN length($2) > length(label) THEN $2 ELSE label END, "
          "category = coalesce(category, $3), role = coalesce(role, $4), affiliation = coalesce(affiliation, $5), "
          "country = coalesce(country, $6), code = coalesce(code, $7) "
          "WHERE eid = $1 AND (length($2) > length(label) OR (category IS NULL AND $3::text IS NOT NULL) OR "
          "(role IS NULL AND $4::text IS NOT NULL) OR (affiliation IS NULL AND $5::text IS NOT NULL) OR "
          "(country IS NULL AND $6::text IS NOT NULL) OR (code IS NULL AND $7::text IS NOT NULL)) RETURNING id",
          eid, label, Optional(e.category), Optional(e.role), Optional(e.affiliation), Optional(e.country),
          Optional(e.code));
      id = !r.empty() ? r[0][0].as<int64_t>() : LookupEntity(t, eid);
      if (id == 0) throw StoreConflict(uri_ + ": entity " + eid + " vanished while being added (merged by another builder)");
    }
    ids_[eid] = id;
    std::vector<std::string> aliases, norms;
    auto add = [&](const std::string& alias) {
      std::string norm = NameKey(alias);
      if (norm.empty()) return;
      aliases.push_back(alias);
      norms.push_back(std::move(norm));
    };
    add(label);
    for (const auto& a : e.aliases) add(a);
    // In norm order, as every builder inserts them: no two wait on each
    // other's uncommitted aliases in opposite orders.
    if (!aliases.empty())
      t.exec_params("INSERT INTO aliases(entity, alias, norm) SELECT $1, a, n FROM unnest($2::text[], $3::text[]) "
                    "AS x(a, n) ORDER BY n, a ON CONFLICT DO NOTHING",
                    id, TextArray(aliases), TextArray(norms));
    return id;
  }

  AddOutcome AddDocumentIn(pqxx::transaction_base& t, const graph::DocumentAnalysis& a) {
    const graph::Document& doc = a.doc;
    AddOutcome outcome;
    std::string hash = doc.hash.empty() ? graph::ContentHash(doc.text) : doc.hash;
    // The document row first: a unique hash and doc_id make a second
    // builder adding the same document wait here for the first one's
    // commit, then see it as a duplicate.
    auto ins = t.exec_params("INSERT INTO documents(doc_id, title, date, url, source, origin, hash, text) "
                             "VALUES($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id",
                             doc.id, Optional(doc.title), Optional(doc.date), Optional(doc.url),
                             Optional(doc.source), Optional(doc.origin), hash, doc.text);
    if (ins.empty()) {
      auto same = t.exec_params("SELECT doc_id FROM documents WHERE hash = $1", hash);
      if (!same.empty()) {
        outcome.status = AddStatus::kDuplicate;
        outcome.detail = Str(same[0][0]);
        return outcome;
      }
      auto other = t.exec_params("SELECT origin FROM documents WHERE doc_id = $1", doc.id);
      if (other.empty()) throw StoreConflict(uri_ + ": document " + doc.id + " changed while being added");
      outcome.status = AddStatus::kIdConflict;
      outcome.detail = Str(other[0][0]);
      return outcome;
    }
    int64_t doc_row = ins[0][0].as<int64_t>();

    // Ids merged away by another builder map to the entity they became.
    std::unordered_map<std::string, std::string> redirect;
    {
      std::vector<std::string> named;
      for (const auto& e : a.entities)
        if (!e.id.empty()) named.push_back(e.id);
      for (const auto& m : a.mentions) named.push_back(m.entity);
      for (const auto& r : a.relations) {
        named.push_back(r.subject);
        named.push_back(r.object);
      }
      std::sort(named.begin(), named.end());
      named.erase(std::unique(named.begin(), named.end()), named.end());
      for (const auto& r : t.exec_params("SELECT from_eid, into_eid FROM merged_ids WHERE from_eid = ANY($1::text[])",
                                         TextArray(named)))
        redirect[Str(r[0])] = Str(r[1]);
    }
    auto target = [&](const std::string& eid) -> const std::string& {
      auto it = redirect.find(eid);
      return it == redirect.end() ? eid : it->second;
    };

    graph::CharIndex chars(doc.text);
    std::unordered_map<uint32_t, graph::Span> sentence_span;
    for (const auto& sent : a.sentences) sentence_span.emplace(sent.index, sent.span);
    {
      std::unordered_set<uint32_t> seen;
      pqxx::stream_to copy(t, "sentences",
                           std::vector<std::string>{"doc", "idx", "start", "\"end\"", "byte_start", "byte_end"});
      for (const auto& sent : a.sentences) {
        if (!seen.insert(sent.index).second) continue;  // as INSERT OR IGNORE on (doc, idx)
        copy << std::make_tuple(doc_row, sent.index, chars(sent.span.begin), chars(sent.span.end), sent.span.begin,
                                sent.span.end);
      }
      copy.complete();
    }

    // Entities in eid order, so that two builders inserting the same new
    // entities take their index locks in the same order.
    std::vector<const graph::Entity*> entities;
    for (const auto& e : a.entities)
      if (!e.id.empty()) entities.push_back(&e);
    std::stable_sort(entities.begin(), entities.end(),
                     [&](const graph::Entity* x, const graph::Entity* y) { return target(x->id) < target(y->id); });
    std::unordered_map<std::string, int64_t> local;
    for (const graph::Entity* e : entities) local[e->id] = UpsertEntity(t, *e, target(e->id));
    auto resolve = [&](const std::string& eid) -> int64_t {
      auto it = local.find(eid);
      if (it != local.end()) return it->second;
      int64_t rowid = eid.empty() ? 0 : LookupEntity(t, target(eid));
      local.emplace(eid, rowid);
      return rowid;
    };

    {
      std::vector<std::pair<const graph::Mention*, int64_t>> rows;
      for (const auto& m : a.mentions) {
        int64_t entity = resolve(m.entity);
        if (entity == 0) {
          ++outcome.skipped;
          continue;
        }
        rows.emplace_back(&m, entity);
      }
      pqxx::stream_to copy(t, "mentions",
                           std::vector<std::string>{"entity", "doc", "sentence", "start", "\"end\"", "text", "pronoun"});
      for (const auto& [m, entity] : rows)
        copy << std::make_tuple(entity, doc_row, m->sentence, chars(m->span.begin), chars(m->span.end), m->text,
                                m->pronoun ? 1 : 0);
      copy.complete();
    }
    {
      // Every id is looked up before the COPY starts (no query runs during one).
      std::vector<std::tuple<const graph::Relation*, int64_t, int64_t>> rows;
      for (const auto& r : a.relations) {
        int64_t subject = resolve(r.subject), object = resolve(r.object);
        if (subject == 0 || object == 0) {
          ++outcome.skipped;
          continue;
        }
        rows.emplace_back(&r, subject, object);
      }
      pqxx::stream_to copy(t, "relations",
                           std::vector<std::string>{"subject", "object", "lemma", "class", "mode", "polarity",
                                                    "negated", "confidence", "doc", "sentence", "start", "\"end\"",
                                                    "possessor", "code"});
      for (const auto& [rp, subject, object] : rows) {
        const graph::Relation& r = *rp;
        graph::Span span = r.evidence;
        if (span.size() == 0) {
          auto it = sentence_span.find(r.sentence);
          if (it != sentence_span.end()) span = it->second;
        }
        char confidence[32];
        std::snprintf(confidence, sizeof confidence, "%.17g",
                      std::round(static_cast<double>(r.confidence) * 1e6) / 1e6);
        copy << std::make_tuple(subject, object, r.lemma, r.cls, Optional(r.mode), r.polarity, r.negated ? 1 : 0,
                                std::string(confidence), doc_row, r.sentence, chars(span.begin), chars(span.end),
                                Optional(r.qualifier), Optional(r.code));
      }
      copy.complete();
    }
    outcome.status = AddStatus::kAdded;
    return outcome;
  }

  std::vector<graph::Entity> LoadEntities(pqxx::transaction_base& t, const std::string& tail,
                                          const std::vector<std::string>& args, std::vector<int64_t>* rowids) {
    std::vector<graph::Entity> out;
    std::vector<int64_t> ids;
    for (const auto& r : t.exec_params(std::string(kEntitySelect) + tail, pqxx::prepare::make_dynamic_params(args))) {
      ids.push_back(r[0].as<int64_t>());
      out.push_back(ReadEntity(r));
    }
    if (!out.empty()) {
      std::unordered_map<int64_t, size_t> at;
      for (size_t i = 0; i < ids.size(); ++i) at[ids[i]] = i;
      std::vector<std::string> label_keys;
      for (const auto& e : out) label_keys.push_back(NameKey(e.label));
      std::string list = "{";
      for (size_t i = 0; i < ids.size(); ++i) list += (i ? "," : "") + std::to_string(ids[i]);
      list += "}";
      pqxx::result aliases =
          out.size() <= 1000
              ? t.exec_params("SELECT entity, alias, norm FROM aliases WHERE entity = ANY($1::bigint[]) ORDER BY "
                              "entity, alias",
                              list)
              : t.exec("SELECT entity, alias, norm FROM aliases ORDER BY entity, alias");
      for (const auto& a : aliases) {
        auto it = at.find(a[0].as<int64_t>());
        if (it == at.end() || Str(a[2]) == label_keys[it->second]) continue;
        out[it->second].aliases.push_back(Str(a[1]));
      }
    }
    if (rowids) *rowids = std::move(ids);
    return out;
  }

  void FillCounts(pqxx::transaction_base& t, int64_t rowid, graph::Entity* e) {
    e->mentions = t.exec_params("SELECT count(*) FROM mentions WHERE entity = $1", rowid)[0][0].as<uint32_t>();
    if (e->kind == graph::EntityKind::kIssue) {
      auto i = t.exec_params(std::string(kIssueSentences) + " AND x.object = $1 GROUP BY x.object", rowid);
      if (!i.empty()) e->mentions += i[0][1].as<uint32_t>();
    }
    auto d = t.exec_params("SELECT count(*), min(d.date), max(d.date) FROM (SELECT doc FROM mentions WHERE entity = "
                           "$1 UNION SELECT doc FROM relations WHERE subject = $1 UNION SELECT doc FROM relations "
                           "WHERE object = $1) x JOIN documents d ON d.id = x.doc",
                           rowid);
    e->documents = d[0][0].as<uint32_t>();
    e->first_date = Str(d[0][1]);
    e->last_date = Str(d[0][2]);
  }

  // The WHERE clause of a RelationFilter over relations r, entities s and
  // o, documents d, with $n placeholders for args.
  static std::string FilterWhere(const RelationFilter& f, std::vector<std::string>* args) {
    std::string where;
    auto add = [&](const std::string& cond, const std::string& value) {
      args->push_back(value);
      std::string c = cond;
      size_t at = c.find('?');
      c.replace(at, 1, "$" + std::to_string(args->size()));
      where += where.empty() ? "WHERE " : " AND ";
      where += c;
    };
    if (!f.subject.empty()) add("s.eid = ?", f.subject);
    if (!f.object.empty()) add("o.eid = ?", f.object);
    if (!f.object_kind.empty()) add("o.kind = ?", f.object_kind);
    if (!f.cls.empty()) add("r.class = ?", f.cls);
    if (f.polarity) add("r.polarity = ?::integer", std::to_string(*f.polarity));
    if (!f.doc.empty()) add("r.doc = (SELECT id FROM documents WHERE doc_id = ?)", f.doc);
    if (!f.from_date.empty()) add("d.date >= ?", f.from_date);
    if (!f.to_date.empty()) {
      args->push_back(f.to_date);
      std::string n = "$" + std::to_string(args->size());
      where += where.empty() ? "WHERE " : " AND ";
      where += "substr(d.date, 1, length(" + n + ")) <= " + n;
    }
    return where;
  }

  std::string uri_;
  OpenMode mode_;
  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<pqxx::work> tx_;
  Batch batch_ = Batch::kAtomicWrites;
  std::string failed_;
  std::unordered_map<std::string, int64_t> ids_;  // eid -> entities.id, this transaction only
};

}  // namespace

bool HasPostgres() { return true; }

std::unique_ptr<Store> OpenPostgresStore(const std::string& uri, OpenMode mode) {
  return std::make_unique<PgStore>(uri, mode);
}

}  // namespace newsgraph::io
