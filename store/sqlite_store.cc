// The SQLite backend of the graph store (see store/store.h and
// docs/store.md). One SqliteStore owns one SQLiteCpp connection; every
// SQLite::Exception is caught here and rethrown as StoreError naming the
// database file. Writes use BEGIN IMMEDIATE so that two concurrent builds
// serialise (or fail after the busy timeout with a clear message), WAL so
// that readers keep reading while a build runs, and a SAVEPOINT per document
// so that a failing document never leaves half its rows behind.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cmath>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string_view>
#include <tuple>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#include "store/sqlite_store_internal.h"
#include "store/store.h"

#ifndef NEWSGRAPH_VERSION
#define NEWSGRAPH_VERSION "unknown"
#endif

namespace newsgraph::io {

// ---------------------------------------------------------------------------
// Name keys and offsets.

namespace {

bool IsApostrophe(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  if (c == '\'') {
    *len = 1;
    return true;
  }
  // U+2018, U+2019 (E2 80 98/99) and U+02BC (CA BC).
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x98 ||
       static_cast<unsigned char>(s[i + 2]) == 0x99)) {
    *len = 3;
    return true;
  }
  if (c == 0xCA && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
    *len = 2;
    return true;
  }
  return false;
}

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *len = 2;  // no-break space
    return true;
  }
  return false;
}

}  // namespace

std::string NameKey(std::string_view name) {
  // Lower-case ASCII and collapse white space; keep apostrophes for now so
  // that a trailing "'s" can be recognised.
  std::string s;
  s.reserve(name.size());
  bool space = false;
  for (size_t i = 0; i < name.size();) {
    size_t len = 0;
    if (IsSpaceAt(name, i, &len)) {
      space = true;
      i += len;
      continue;
    }
    if (space && !s.empty()) s += ' ';
    space = false;
    char c = name[i];
    s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    ++i;
  }
  // Drop a trailing possessive "'s" ("Putin's", "Russia’s").
  if (s.size() >= 2 && s.back() == 's') {
    std::string_view head(s.data(), s.size() - 1);
    for (size_t alen : {size_t{1}, size_t{2}, size_t{3}}) {
      size_t len = 0;
      if (head.size() >= alen && IsApostrophe(head, head.size() - alen, &len) && len == alen) {
        s.resize(head.size() - alen);
        break;
      }
    }
  }
  // Drop every remaining apostrophe ("O'Brien" -> "obrien").
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    if (IsApostrophe(s, i, &len)) {
      i += len;
      continue;
    }
    out += s[i++];
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

// ---------------------------------------------------------------------------
// The store.

namespace {

constexpr int kBusyTimeoutMs = 5000;
// Read-only opens of files up to this size run PRAGMA quick_check.
constexpr uintmax_t kQuickCheckAtOpenBytes = 64ull << 20;

StoreWarningHandler& WarningHandler() {
  static StoreWarningHandler handler;
  return handler;
}

void Warn(const std::string& message) {
  if (WarningHandler()) WarningHandler()(message);
}

// Schema of format version 1. Empty optional strings are stored as NULL.
constexpr const char* kSchema = R"SQL(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE documents(
  id     INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  title  TEXT,
  date   TEXT,
  url    TEXT,
  source TEXT,
  origin TEXT,
  hash   TEXT NOT NULL UNIQUE,
  text   TEXT NOT NULL
);
CREATE TABLE sentences(
  doc        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  byte_start INTEGER NOT NULL,
  byte_end   INTEGER NOT NULL,
  PRIMARY KEY(doc, idx)
) WITHOUT ROWID;
CREATE TABLE entities(
  id          INTEGER PRIMARY KEY,
  eid         TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK(kind IN ('actor', 'issue')),
  label       TEXT NOT NULL,
  category    TEXT,
  role        TEXT,
  affiliation TEXT,
  country     TEXT,
  code        TEXT
);
CREATE TABLE aliases(
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  norm   TEXT NOT NULL,
  alias  TEXT NOT NULL,
  PRIMARY KEY(entity, norm)
) WITHOUT ROWID;
CREATE INDEX aliases_norm ON aliases(norm);
CREATE TABLE mentions(
  id       INTEGER PRIMARY KEY,
  entity   INTEGER NOT NULL REFERENCES entities(id),
  doc      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  start    INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  text     TEXT NOT NULL,
  pronoun  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mentions_entity_doc ON mentions(entity, doc);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE TABLE relations(
  id         INTEGER PRIMARY KEY,
  subject    INTEGER NOT NULL REFERENCES entities(id),
  object     INTEGER NOT NULL REFERENCES entities(id),
  lemma      TEXT NOT NULL,
  class      TEXT NOT NULL,
  mode       TEXT,
  polarity   INTEGER NOT NULL,
  negated    INTEGER NOT NULL DEFAULT 0,
  confidence REAL NOT NULL,
  doc        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence   INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  possessor  TEXT,
  code       TEXT
);
CREATE INDEX relations_edge ON relations(subject, object, class, polarity);
CREATE INDEX relations_object ON relations(object);
CREATE INDEX relations_doc ON relations(doc);
CREATE INDEX documents_date ON documents(id, date);
)SQL";

// Curation tables (`newsgraph alias`), created by the first alias: what
// each curated alias merged, so that it can be undone.
constexpr const char* kCuratedSchema = R"SQL(
CREATE TABLE IF NOT EXISTS curated_aliases(
  norm TEXT PRIMARY KEY, alias TEXT NOT NULL, from_eid TEXT NOT NULL, into_eid TEXT NOT NULL,
  kind TEXT, label TEXT, category TEXT, role TEXT, affiliation TEXT, country TEXT, code TEXT,
  into_category TEXT, into_role TEXT, into_affiliation TEXT, into_country TEXT, into_code TEXT
);
CREATE TABLE IF NOT EXISTS curated_moves(
  norm TEXT NOT NULL, what TEXT NOT NULL, row INTEGER, alias TEXT, alias_norm TEXT
);
CREATE INDEX IF NOT EXISTS curated_moves_norm ON curated_moves(norm);
)SQL";

// aliases with its primary key's columns first. Files written before had
// (entity, alias, norm) with PRIMARY KEY(entity, norm): SQLite 3.40's
// integrity_check (Debian 12) reads such a WITHOUT ROWID table's columns
// in the wrong order and reports "NULL value in aliases.alias" for every
// row of a sound file. A read-write open rewrites the table once
// (FixAliasesColumnOrder); every statement names its columns, so
// both layouts read and write the same.
constexpr const char* kAliasesRewrite = R"SQL(
CREATE TABLE aliases_new(
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  norm   TEXT NOT NULL,
  alias  TEXT NOT NULL,
  PRIMARY KEY(entity, norm)
) WITHOUT ROWID;
INSERT INTO aliases_new(entity, norm, alias) SELECT entity, norm, alias FROM aliases;
DROP TABLE aliases;
ALTER TABLE aliases_new RENAME TO aliases;
CREATE INDEX aliases_norm ON aliases(norm);
)SQL";

// Indexes for queries that files written before them lack (format 1 too):
// a read-write open adds them, a read-only one answers without. Each
// replaces the index named second (a prefix of it), which is dropped.
// documents_date lets a statement's date be read without the document row
// (and its text); the others cover GROUP BY edge and an entity's documents.
struct QueryIndex {
  const char* name;
  const char* create;
  const char* replaces;
};
constexpr QueryIndex kQueryIndexes[] = {
    {"mentions_entity_doc", "CREATE INDEX mentions_entity_doc ON mentions(entity, doc)",
     "mentions_entity"},
    {"relations_edge",
     "CREATE INDEX relations_edge ON relations(subject, object, class, polarity)",
     "relations_subject"},
    {"documents_date", "CREATE INDEX documents_date ON documents(id, date)", nullptr},
};

// Columns of an EvidenceRow, in ReadEvidence's order; code: whether the
// file has relations.code.
std::string EvidenceSelect(bool code) {
  return std::string(
             "SELECT r.id, s.eid, o.eid, r.lemma, r.class, r.mode, r.polarity, r.negated, r.confidence, "
             "d.doc_id, d.date, r.sentence, r.start, r.end, substr(d.text, r.start + 1, r.end - r.start), "
             "r.possessor, ") +
         (code ? "r.code, " : "NULL, ") + "d.title, d.url " +
         "FROM relations r JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object JOIN "
         "documents d ON d.id = r.doc ";
}

EvidenceRow ReadEvidence(const SQLite::Statement& q) {
  EvidenceRow row;
  row.id = q.getColumn(0).getInt64();
  row.subject = q.getColumn(1).getString();
  row.object = q.getColumn(2).getString();
  row.lemma = q.getColumn(3).getString();
  row.cls = q.getColumn(4).getString();
  row.mode = q.getColumn(5).getString();
  row.polarity = q.getColumn(6).getInt();
  row.negated = q.getColumn(7).getInt() != 0;
  row.confidence = q.getColumn(8).getDouble();
  row.doc = q.getColumn(9).getString();
  row.date = q.getColumn(10).getString();
  row.sentence = q.getColumn(11).getUInt();
  row.start = q.getColumn(12).getUInt();
  row.end = q.getColumn(13).getUInt();
  row.possessor = q.getColumn(15).getString();
  row.text = q.getColumn(14).getString();
  row.code = q.getColumn(16).getString();
  row.title = q.getColumn(17).getString();
  row.url = q.getColumn(18).getString();
  return row;
}

// Binds s, or NULL when s is empty.
void BindOptional(SQLite::Statement& q, int index, const std::string& s) {
  if (s.empty())
    q.bind(index);
  else
    q.bindNoCopy(index, s);
}

graph::EntityKind KindFromName(const std::string& s) {
  return s == "issue" ? graph::EntityKind::kIssue : graph::EntityKind::kActor;
}

// Mentions of issues that no mention row records: extraction finds an
// issue only as a relation's object and stores no span for it, so each
// sentence naming an issue as an object counts as one mention (sentences
// that also hold a mention row of it are counted by that row). Selects
// (issue rowid, count); callers add " GROUP BY x.object", optionally after
// " AND x.object = ?1".
constexpr const char* kIssueSentences =
    "SELECT x.object, count(*) FROM (SELECT DISTINCT r.object, r.doc, r.sentence FROM relations r "
    "JOIN entities e ON e.id = r.object WHERE e.kind = 'issue') x WHERE NOT EXISTS (SELECT 1 FROM "
    "mentions m WHERE m.entity = x.object AND m.doc = x.doc AND m.sentence = x.sentence)";

// Columns of an entity row, in ReadEntity's order.
constexpr const char* kEntitySelect =
    "SELECT id, eid, kind, label, category, role, affiliation, country, code FROM entities ";

graph::Entity ReadEntity(const SQLite::Statement& q) {
  graph::Entity e;
  e.id = q.getColumn(1).getString();
  e.kind = KindFromName(q.getColumn(2).getString());
  e.label = q.getColumn(3).getString();
  e.category = q.getColumn(4).getString();
  e.role = q.getColumn(5).getString();
  e.affiliation = q.getColumn(6).getString();
  e.country = q.getColumn(7).getString();
  e.code = q.getColumn(8).getString();
  return e;
}

// The -wal and -shm files of a database in WAL mode, and who may use them.
//
// A read-only connection of another user creates them when they are
// missing (SQLite needs the shared-memory index even to read) and, unable
// to checkpoint, leaves them behind, owned by that user: the owner's next
// build then fails with "attempt to write a readonly database". So a
// read-only open by someone other than the file's owner removes on close
// the two files it created, when nobody else has them open and the log is
// empty (a reader never writes to it); and a writer that finds files it
// cannot write removes such leftovers itself, or says what to do.
struct WalFiles {
  explicit WalFiles(const std::string& db) : wal(db + "-wal"), shm(db + "-shm") {}
  std::string wal, shm;
};

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

// True when no other process holds a SQLite lock on the wal-index: each
// connection keeps a shared lock on its "DMS" byte (offset 128) while
// open, and readers and writers lock bytes 120..127.
bool ShmUnused(const std::string& shm) {
  int fd = ::open(shm.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT;
  struct flock fl = {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 120;
  fl.l_len = 9;
  bool unused = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type == F_UNLCK;
  ::close(fd);
  return unused;
}

// An empty log (no committed pages waiting) not in use: safe to remove.
bool RemovableWal(const WalFiles& f) {
  struct stat st;
  if (::lstat(f.wal.c_str(), &st) == 0 && (!S_ISREG(st.st_mode) || st.st_size != 0)) return false;
  return ShmUnused(f.shm);
}

// Before a read-write open: -wal or -shm that this user cannot write (a
// reader of another user left them) are removed when removable, else the
// open would fail with "attempt to write a readonly database".
void ClearForeignWalFiles(const std::string& db) {
  WalFiles f(db);
  auto foreign = [](const std::string& p) { return Exists(p) && ::access(p.c_str(), W_OK) != 0; };
  if (!foreign(f.wal) && !foreign(f.shm)) return;
  if (::access(db.c_str(), W_OK) != 0) return;  // SQLite's own "readonly" error says it
  struct stat st = {};
  ::lstat(Exists(f.wal) ? f.wal.c_str() : f.shm.c_str(), &st);
  if (RemovableWal(f) && (!Exists(f.wal) || ::unlink(f.wal.c_str()) == 0) &&
      (!Exists(f.shm) || ::unlink(f.shm.c_str()) == 0))
    return;
  throw StoreError(db + ": " + f.wal + " and " + f.shm + " belong to user id " + std::to_string(st.st_uid) +
                   " (left by a read-only open, e.g. the sqlite3 shell or an older newsgraph) and cannot be "
                   "written or removed by this user: when nobody is using the database, remove them "
                   "(rm " + f.wal + " " + f.shm + ") or ask their owner to");
}

class SqliteStore : public Store {
 public:
  SqliteStore(std::string path, OpenMode mode) : path_(std::move(path)), mode_(mode) {
    WalFiles f(path_);
    if (mode_ == OpenMode::kReadOnly) {
      struct stat st;
      created_wal_files_ = !Exists(f.wal) && !Exists(f.shm) && ::stat(path_.c_str(), &st) == 0 &&
                           st.st_uid != ::geteuid();
    } else {
      Guard([&] { ClearForeignWalFiles(path_); });
    }
    Guard([&] { Open(); });
  }

  ~SqliteStore() override {
    if (in_tx_ && db_) {
      db_->tryExec("ROLLBACK");
      in_tx_ = false;
    }
    if (db_) SwitchToWal();
    // Cached statements must be finalised before the connection closes.
    stmts_.clear();
    multi_stmts_.clear();
    if (created_wal_files_) {
      // A reader of another user's file: remove the -wal and -shm its
      // connection created (see WalFiles), once it is closed.
      db_.reset();
      WalFiles f(path_);
      struct stat st;
      auto ours = [&](const std::string& p) { return ::lstat(p.c_str(), &st) == 0 && st.st_uid == ::geteuid(); };
      if (ours(f.wal) && ours(f.shm) && RemovableWal(f)) {
        ::unlink(f.wal.c_str());
        ::unlink(f.shm.c_str());
      }
    }
  }

  void Begin(Batch batch) override {
    Guard([&] {
      CheckWritable("begin a transaction");
      if (in_tx_) throw StoreError(path_ + ": a transaction is already open");
      batch_ = batch;
      failed_.clear();
      // Each AddDocument's savepoint journals the pages it changes; in a
      // file (the default) that is a temporary file written for every
      // document, about 40 % of the insert path's time. In memory it is
      // one document's pages at most. Set outside the transaction (SQLite
      // refuses some temp_store changes inside one), reset by Commit and
      // Rollback so that queries sort in files as before.
      db_->exec("PRAGMA temp_store = MEMORY");
      try {
        BeginImmediate();
      } catch (...) {
        db_->tryExec("PRAGMA temp_store = DEFAULT");
        throw;
      }
      in_tx_ = true;
    });
  }

  void Commit() override {
    Guard([&] {
      if (!in_tx_) throw StoreError(path_ + ": commit without an open transaction");
      if (!failed_.empty())
        throw StoreError(path_ + ": cannot commit: a write in this batch failed (" + failed_ +
                         "); roll it back");
      try {
        db_->exec("COMMIT");
      } catch (...) {
        db_->tryExec("ROLLBACK");
        db_->tryExec("PRAGMA temp_store = DEFAULT");
        in_tx_ = false;
        ids_.clear();
        rows_.clear();
        throw;
      }
      db_->tryExec("PRAGMA temp_store = DEFAULT");
      in_tx_ = false;
      SwitchToWal();
    });
  }

  void Rollback() override {
    Guard([&] {
      // Nothing open (a failed Commit already rolled back): nothing to undo.
      if (!in_tx_) return;
      db_->tryExec("ROLLBACK");
      db_->tryExec("PRAGMA temp_store = DEFAULT");
      in_tx_ = false;
      // Rows inserted in the transaction are gone; so are their rowids.
      ids_.clear();
      rows_.clear();
      SwitchToWal();
    });
  }

  AddOutcome AddDocument(const graph::DocumentAnalysis& analysis) override {
    AddOutcome outcome;
    Guard([&] {
      CheckWritable("add a document");
      if (analysis.doc.id.empty())
        throw StoreError(
            path_ + ": document " +
            (analysis.doc.origin.empty() ? std::string("(no origin)") : analysis.doc.origin) +
            " has no id");
      Write([&] { outcome = AddDocumentLocked(analysis); });
    });
    return outcome;
  }

  void LoadGraph(std::vector<graph::Entity>* entities,
                 std::vector<graph::Statement>* statements) override {
    Guard([&] {
      if (entities) {
        std::vector<int64_t> rowids;
        *entities = LoadEntities("ORDER BY eid", {}, &rowids);
        std::unordered_map<int64_t, size_t> at;
        for (size_t i = 0; i < rowids.size(); ++i) at[rowids[i]] = i;
        SQLite::Statement counts(*db_, "SELECT entity, count(*) FROM mentions GROUP BY entity");
        while (counts.executeStep()) {
          auto it = at.find(counts.getColumn(0).getInt64());
          if (it != at.end()) (*entities)[it->second].mentions = counts.getColumn(1).getUInt();
        }
        SQLite::Statement issues(*db_, std::string(kIssueSentences) + " GROUP BY x.object");
        while (issues.executeStep()) {
          auto it = at.find(issues.getColumn(0).getInt64());
          if (it != at.end()) (*entities)[it->second].mentions += issues.getColumn(1).getUInt();
        }
        SQLite::Statement docs(*db_,
                               "SELECT x.entity, count(DISTINCT x.doc), min(d.date), max(d.date) "
                               "FROM (SELECT entity, doc FROM mentions UNION SELECT subject, doc "
                               "FROM relations UNION SELECT object, doc FROM relations) x " +
                                   DateJoin("x.doc") + "GROUP BY x.entity");
        while (docs.executeStep()) {
          auto it = at.find(docs.getColumn(0).getInt64());
          if (it == at.end()) continue;
          graph::Entity& e = (*entities)[it->second];
          e.documents = docs.getColumn(1).getUInt();
          e.first_date = docs.getColumn(2).getString();
          e.last_date = docs.getColumn(3).getString();
        }
      }
      if (statements) {
        statements->clear();
        SQLite::Statement q(*db_,
                            std::string("SELECT s.eid, o.eid, r.lemma, r.class, r.polarity, r.negated, "
                                        "r.confidence, d.doc_id, d.date, r.id, ") +
                                RelationCode() +
                                " FROM relations r JOIN entities s "
                                "ON s.id = r.subject JOIN entities o ON o.id = r.object JOIN documents "
                                "d ON d.id = r.doc ORDER BY r.id");
        while (q.executeStep()) {
          graph::Statement st;
          st.subject = q.getColumn(0).getString();
          st.object = q.getColumn(1).getString();
          st.lemma = q.getColumn(2).getString();
          st.cls = q.getColumn(3).getString();
          st.polarity = q.getColumn(4).getInt();
          st.negated = q.getColumn(5).getInt() != 0;
          st.confidence = static_cast<float>(q.getColumn(6).getDouble());
          st.doc = q.getColumn(7).getString();
          st.date = q.getColumn(8).getString();
          st.evidence_id = q.getColumn(9).getInt64();
          st.code = q.getColumn(10).getString();
          statements->push_back(std::move(st));
        }
      }
    });
  }

  std::vector<graph::Entity> Entities() override {
    std::vector<graph::Entity> out;
    Guard([&] { out = LoadEntities("ORDER BY eid", {}, nullptr); });
    return out;
  }

  std::vector<graph::Entity> EntityLabels() override {
    std::vector<graph::Entity> out;
    Guard([&] {
      SQLite::Statement q(*db_, "SELECT eid, kind, label, category FROM entities ORDER BY eid");
      while (q.executeStep()) {
        graph::Entity e;
        e.id = q.getColumn(0).getString();
        e.kind = KindFromName(q.getColumn(1).getString());
        e.label = q.getColumn(2).getString();
        e.category = q.getColumn(3).getString();
        out.push_back(std::move(e));
      }
    });
    return out;
  }

  bool MissingIndexes() override { return missing_indexes_; }

  std::vector<graph::Entity> FindEntities(const std::string& name) override {
    std::vector<graph::Entity> out;
    Guard([&] {
      std::string lower = name;
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      std::vector<int64_t> rowids;
      out = LoadEntities(
          "WHERE eid = ?1 OR eid = ?2 OR id IN (SELECT entity FROM aliases WHERE norm = ?3) ORDER "
          "BY eid",
          {name, lower, NameKey(name)}, &rowids);
      for (size_t i = 0; i < out.size(); ++i) FillCounts(rowids[i], &out[i]);
      std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.mentions > b.mentions;  // ties keep eid order
      });
    });
    return out;
  }

  std::vector<graph::Entity> EntitiesByIds(const std::vector<std::string>& ids) override {
    std::vector<graph::Entity> out;
    Guard([&] {
      std::vector<std::string> sorted = ids;
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      constexpr size_t kChunk = 500;  // under SQLite's limit on bound parameters
      for (size_t at = 0; at < sorted.size(); at += kChunk) {
        std::vector<std::string> chunk(sorted.begin() + at,
                                       sorted.begin() + std::min(sorted.size(), at + kChunk));
        std::string in;
        for (size_t i = 0; i < chunk.size(); ++i) in += (i ? ", ?" : "?") + std::to_string(i + 1);
        auto part = LoadEntities("WHERE eid IN (" + in + ") ORDER BY eid", chunk, nullptr);
        for (auto& e : part) out.push_back(std::move(e));
      }
    });
    return out;
  }

  std::optional<graph::Entity> GetEntity(const std::string& id) override {
    std::optional<graph::Entity> out;
    Guard([&] {
      std::vector<int64_t> rowids;
      auto found = LoadEntities("WHERE eid = ?1", {id}, &rowids);
      if (found.empty()) return;
      FillCounts(rowids[0], &found[0]);
      out = std::move(found[0]);
    });
    return out;
  }

  std::vector<EvidenceRow> Relations(const RelationFilter& f) override {
    std::vector<EvidenceRow> out;
    Guard([&] {
      std::vector<const std::string*> args;
      std::string polarity;
      std::string sql = EvidenceSelect(relation_code_) + FilterWhere(f, &args, &polarity) +
                        " ORDER BY s.eid, o.eid, r.class, r.polarity, d.doc_id, r.sentence, r.id";
      if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < args.size(); ++i) q.bindNoCopy(static_cast<int>(i) + 1, *args[i]);
      while (q.executeStep()) out.push_back(ReadEvidence(q));
    });
    return out;
  }

  std::vector<EdgeSummary> Edges(const RelationFilter& f) override {
    std::vector<EdgeSummary> out;
    Guard([&] {
      std::vector<const std::string*> args;
      std::string polarity;
      // The example is the most confident statement, the lowest id on ties:
      // both packed into one integer so that min() picks it.
      // Documents are joined (for their dates only) when dates are asked
      // for or filtered on.
      bool join_dates = f.dates || !f.from_date.empty() || !f.to_date.empty();
      std::string sql =
          std::string("SELECT s.eid, o.eid, r.class, r.polarity, count(*), count(DISTINCT r.doc), "
                      "sum(r.negated), ") +
          (f.dates ? "min(d.date), max(d.date), " : "NULL, NULL, ") +
          "avg(r.confidence), "
          "min(CAST((1.0 - max(0.0, min(1.0, r.confidence))) * 1000000 AS INTEGER) * 4294967296 "
          "+ r.id) % 4294967296 "
          "FROM relations r JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = "
          "r.object " +
          (join_dates ? DateJoin("r.doc") : std::string()) + FilterWhere(f, &args, &polarity) +
          " GROUP BY r.subject, r.object, r.class, r.polarity"
          " ORDER BY count(*) DESC, s.eid, o.eid, r.class, r.polarity";
      if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < args.size(); ++i) q.bindNoCopy(static_cast<int>(i) + 1, *args[i]);
      while (q.executeStep()) {
        EdgeSummary e;
        e.subject = q.getColumn(0).getString();
        e.object = q.getColumn(1).getString();
        e.cls = q.getColumn(2).getString();
        e.polarity = q.getColumn(3).getInt();
        e.weight = q.getColumn(4).getUInt();
        e.documents = q.getColumn(5).getUInt();
        e.negated = q.getColumn(6).getUInt();
        e.first_date = q.getColumn(7).getString();
        e.last_date = q.getColumn(8).getString();
        e.confidence = q.getColumn(9).getDouble();
        e.example = q.getColumn(10).getInt64();
        out.push_back(std::move(e));
      }
    });
    return out;
  }

  std::vector<EdgeWeight> EdgeWeights() override { return EdgeWeights(std::string()); }

  std::vector<EdgeWeight> EdgeWeights(const std::string& object_kind) override {
    RelationFilter f;
    f.object_kind = object_kind;
    return EdgeWeights(f);
  }

  std::vector<EdgeWeight> EdgeWeights(const RelationFilter& window) override {
    const std::string& object_kind = window.object_kind;
    std::vector<EdgeWeight> out;
    Guard([&] {
      std::unordered_map<int64_t, std::string> eid;
      std::unordered_set<int64_t> keep;  // objects of object_kind
      SQLite::Statement ents(*db_, "SELECT id, eid, kind FROM entities");
      while (ents.executeStep()) {
        eid.emplace(ents.getColumn(0).getInt64(), ents.getColumn(1).getString());
        if (ents.getColumn(2).getString() == object_kind) keep.insert(ents.getColumn(0).getInt64());
      }
      // With relations_edge this reads the index alone, in GROUP BY order.
      // A date window joins each statement's document date.
      std::string sql = "SELECT r.subject, r.object, r.class, r.polarity, count(*) FROM relations r ";
      std::vector<const std::string*> args;
      RelationFilter dates;  // the window alone; outlives the statement
      dates.from_date = window.from_date;
      dates.to_date = window.to_date;
      std::string unused;
      if (!dates.from_date.empty() || !dates.to_date.empty())
        sql += DateJoin("r.doc") + FilterWhere(dates, &args, &unused);
      sql += " GROUP BY r.subject, r.object, r.class, r.polarity";
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < args.size(); ++i) q.bindNoCopy(static_cast<int>(i) + 1, *args[i]);
      while (q.executeStep()) {
        if (!object_kind.empty() && !keep.count(q.getColumn(1).getInt64())) continue;
        EdgeWeight w;
        w.subject = eid[q.getColumn(0).getInt64()];
        w.object = eid[q.getColumn(1).getInt64()];
        w.cls = q.getColumn(2).getString();
        w.polarity = q.getColumn(3).getInt();
        w.weight = q.getColumn(4).getUInt();
        out.push_back(std::move(w));
      }
      std::sort(out.begin(), out.end(), [](const EdgeWeight& a, const EdgeWeight& b) {
        return std::tie(a.subject, a.object, a.cls, a.polarity) <
               std::tie(b.subject, b.object, b.cls, b.polarity);
      });
    });
    return out;
  }

  std::vector<std::string> DocumentIds() override {
    std::vector<std::string> out;
    Guard([&] {
      SQLite::Statement q(*db_, "SELECT doc_id FROM documents ORDER BY id");
      while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    });
    return out;
  }

  std::optional<graph::DocumentAnalysis> LoadAnalysis(const std::string& doc_id) override {
    std::optional<graph::DocumentAnalysis> out;
    Guard([&] {
      SQLite::Statement d(*db_,
                          "SELECT id, doc_id, title, date, url, source, origin, hash, text FROM "
                          "documents WHERE doc_id = ?1");
      d.bindNoCopy(1, doc_id);
      if (!d.executeStep()) return;
      graph::DocumentAnalysis a;
      int64_t row = d.getColumn(0).getInt64();
      a.doc.id = d.getColumn(1).getString();
      a.doc.title = d.getColumn(2).getString();
      a.doc.date = d.getColumn(3).getString();
      a.doc.url = d.getColumn(4).getString();
      a.doc.source = d.getColumn(5).getString();
      a.doc.origin = d.getColumn(6).getString();
      a.doc.hash = d.getColumn(7).getString();
      a.doc.text = d.getColumn(8).getString();
      // Stored offsets are code points; the analysis speaks bytes.
      std::vector<uint32_t> byte_of;  // code point index -> byte offset
      for (uint32_t i = 0; i < a.doc.text.size(); ++i)
        if ((static_cast<unsigned char>(a.doc.text[i]) & 0xC0) != 0x80) byte_of.push_back(i);
      byte_of.push_back(static_cast<uint32_t>(a.doc.text.size()));
      auto bytes = [&](int64_t c) {
        return byte_of[std::min<size_t>(static_cast<size_t>(std::max<int64_t>(c, 0)), byte_of.size() - 1)];
      };
      std::unordered_map<uint32_t, graph::Span> sentence_span;
      SQLite::Statement s(*db_,
                          "SELECT idx, byte_start, byte_end FROM sentences WHERE doc = ?1 ORDER BY idx");
      s.bind(1, row);
      while (s.executeStep()) {
        graph::Sentence sentence;
        sentence.index = s.getColumn(0).getUInt();
        sentence.span = {s.getColumn(1).getUInt(), s.getColumn(2).getUInt()};
        sentence_span[sentence.index] = sentence.span;
        a.sentences.push_back(sentence);
      }
      SQLite::Statement m(*db_,
                          "SELECT e.eid, m.sentence, m.start, m.end, m.text, m.pronoun FROM mentions "
                          "m JOIN entities e ON e.id = m.entity WHERE m.doc = ?1 ORDER BY m.id");
      m.bind(1, row);
      while (m.executeStep()) {
        graph::Mention mention;
        mention.entity = m.getColumn(0).getString();
        mention.sentence = m.getColumn(1).getUInt();
        mention.span = {bytes(m.getColumn(2).getInt64()), bytes(m.getColumn(3).getInt64())};
        mention.text = m.getColumn(4).getString();
        mention.pronoun = m.getColumn(5).getInt() != 0;
        a.mentions.push_back(std::move(mention));
      }
      SQLite::Statement r(*db_,
                          std::string("SELECT s.eid, o.eid, r.lemma, r.class, r.mode, r.polarity, r.negated, "
                                      "r.confidence, r.sentence, r.start, r.end, r.possessor, ") +
                              RelationCode() +
                              " FROM relations r "
                              "JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object "
                              "WHERE r.doc = ?1 ORDER BY r.id");
      r.bind(1, row);
      while (r.executeStep()) {
        graph::Relation rel;
        rel.subject = r.getColumn(0).getString();
        rel.object = r.getColumn(1).getString();
        rel.lemma = r.getColumn(2).getString();
        rel.cls = r.getColumn(3).getString();
        rel.mode = r.getColumn(4).getString();
        rel.polarity = r.getColumn(5).getInt();
        rel.negated = r.getColumn(6).getInt() != 0;
        rel.confidence = static_cast<float>(r.getColumn(7).getDouble());
        rel.sentence = r.getColumn(8).getUInt();
        rel.evidence = {bytes(r.getColumn(9).getInt64()), bytes(r.getColumn(10).getInt64())};
        rel.qualifier = r.getColumn(11).getString();
        rel.code = r.getColumn(12).getString();
        a.relations.push_back(std::move(rel));
      }
      a.entities = LoadEntities(
          "WHERE id IN (SELECT entity FROM mentions WHERE doc = CAST(?1 AS INTEGER) UNION SELECT "
          "subject FROM relations WHERE doc = CAST(?1 AS INTEGER) UNION SELECT object FROM "
          "relations WHERE doc = CAST(?1 AS INTEGER)) ORDER BY eid",
          {std::to_string(row)}, nullptr);
      out = std::move(a);
    });
    return out;
  }

  std::vector<EvidenceRow> Evidence(const std::vector<int64_t>& ids) override {
    std::vector<EvidenceRow> out;
    Guard([&] {
      const std::string sql = EvidenceSelect(relation_code_) + "WHERE r.id = ?1";
      SQLite::Statement& q = Cached(kEvidenceById, sql.c_str());
      for (int64_t id : ids) {
        q.reset();
        q.bind(1, id);
        if (q.executeStep()) out.push_back(ReadEvidence(q));
      }
      q.reset();
    });
    return out;
  }

  void MergeEntity(const std::string& from_id, const std::string& into_id) override {
    Guard([&] {
      CheckWritable("merge entities");
      if (from_id == into_id) return;
      Write([&] {
        int64_t from = LookupEntity(from_id), into = LookupEntity(into_id);
        if (from == 0) throw StoreError(path_ + ": no entity " + from_id);
        if (into == 0) {
          // The resolver merges a known entity into one the next document
          // brings ("actor:putin" into "actor:vladimir-putin") before that
          // document is added: the stored entity simply takes the new id.
          SQLite::Statement q(*db_, "UPDATE entities SET eid = ?1 WHERE id = ?2");
          q.bindNoCopy(1, into_id);
          q.bind(2, from);
          q.exec();
          ids_.erase(from_id);
          ids_[into_id] = from;  // same row, same label, attributes and aliases
          new_ids_.push_back(into_id);
          return;
        }
        std::string from_kind = ExecText("SELECT kind FROM entities WHERE id = ?1", from);
        std::string into_kind = ExecText("SELECT kind FROM entities WHERE id = ?1", into);
        if (from_kind != into_kind)
          throw StoreError(path_ + ": cannot merge " + from_id + " into " + into_id +
                           ": one is an actor, the other an issue");
        auto run = [&](const char* sql) {
          SQLite::Statement q(*db_, sql);
          q.bind(1, from);
          if (q.getBindParameterCount() > 1) q.bind(2, into);
          q.exec();
        };
        // into keeps its label and attributes; from fills the empty ones.
        run("UPDATE entities SET "
            "category = coalesce(category, (SELECT category FROM entities WHERE id = ?1)), "
            "role = coalesce(role, (SELECT role FROM entities WHERE id = ?1)), "
            "affiliation = coalesce(affiliation, "
            "(SELECT affiliation FROM entities WHERE id = ?1)), "
            "country = coalesce(country, (SELECT country FROM entities WHERE id = ?1)), "
            "code = coalesce(code, (SELECT code FROM entities WHERE id = ?1)) "
            "WHERE id = ?2");
        // from's label is one of its alias rows, so it becomes an alias of into.
        run("INSERT OR IGNORE INTO aliases(entity, alias, norm) "
            "SELECT ?2, alias, norm FROM aliases WHERE entity = ?1 ORDER BY alias");
        run("DELETE FROM aliases WHERE entity = ?1");
        run("UPDATE mentions SET entity = ?2 WHERE entity = ?1");
        run("UPDATE relations SET subject = ?2 WHERE subject = ?1");
        run("UPDATE relations SET object = ?2 WHERE object = ?1");
        run("DELETE FROM entities WHERE id = ?1");
        ids_.erase(from_id);
        rows_.erase(from);
        rows_.erase(into);
      });
    });
  }

  void AddAlias(const std::string& name, const std::string& from_id, const std::string& into_id) override {
    Guard([&] {
      CheckWritable("record an alias");
      std::string norm = NameKey(name);
      if (norm.empty()) throw StoreError(path_ + ": an alias needs a name");
      if (from_id == into_id) throw StoreError(path_ + ": " + from_id + " is already " + into_id);
      Write([&] {
        db_->exec(kCuratedSchema);
        int64_t from = LookupEntity(from_id), into = LookupEntity(into_id);
        if (from == 0) throw StoreError(path_ + ": no entity " + from_id);
        if (into == 0) throw StoreError(path_ + ": no entity " + into_id);
        {
          SQLite::Statement q(*db_, "SELECT 1 FROM curated_aliases WHERE norm = ?1");
          q.bind(1, norm);
          if (q.executeStep()) throw StoreError(path_ + ": \"" + name + "\" is already a curated alias");
        }
        SQLite::Statement rec(*db_,
                              "INSERT INTO curated_aliases(norm, alias, from_eid, into_eid, kind, label, category, "
                              "role, affiliation, country, code, into_category, into_role, into_affiliation, "
                              "into_country, into_code) "
                              "SELECT ?1, ?2, ?3, ?4, f.kind, f.label, f.category, f.role, f.affiliation, f.country, "
                              "f.code, i.category, i.role, i.affiliation, i.country, i.code "
                              "FROM entities f, entities i WHERE f.id = ?5 AND i.id = ?6");
        rec.bind(1, norm);
        rec.bind(2, name);
        rec.bind(3, from_id);
        rec.bind(4, into_id);
        rec.bind(5, from);
        rec.bind(6, into);
        rec.exec();
        auto move = [&](const char* sql) {
          SQLite::Statement q(*db_, sql);
          q.bind(1, norm);
          q.bind(2, from);
          if (q.getBindParameterCount() > 2) q.bind(3, into);
          q.exec();
        };
        move("INSERT INTO curated_moves(norm, what, row) SELECT ?1, 'mention', id FROM mentions WHERE entity = ?2");
        move("INSERT INTO curated_moves(norm, what, row) SELECT ?1, 'subject', id FROM relations WHERE subject = ?2");
        move("INSERT INTO curated_moves(norm, what, row) SELECT ?1, 'object', id FROM relations WHERE object = ?2");
        // Aliases that into lacks move to it; they go back on undo.
        move("INSERT INTO curated_moves(norm, what, alias, alias_norm) SELECT ?1, 'alias', alias, norm "
             "FROM aliases WHERE entity = ?2 AND norm NOT IN (SELECT norm FROM aliases WHERE entity = ?3)");
      });
      MergeEntity(from_id, into_id);
      Write([&] {
        int64_t into = LookupEntity(into_id);
        SQLite::Statement has(*db_, "SELECT 1 FROM aliases WHERE entity = ?1 AND norm = ?2");
        has.bind(1, into);
        has.bind(2, norm);
        if (has.executeStep()) return;
        SQLite::Statement q(*db_, "INSERT INTO aliases(entity, alias, norm) VALUES(?1, ?2, ?3)");
        q.bind(1, into);
        q.bind(2, name);
        q.bind(3, norm);
        q.exec();
        SQLite::Statement m(*db_, "INSERT INTO curated_moves(norm, what, alias, alias_norm) VALUES(?1, 'added', ?2, ?1)");
        m.bind(1, norm);
        m.bind(2, name);
        m.exec();
      });
    });
  }

  bool UndoAlias(const std::string& name) override {
    bool undone = false;
    Guard([&] {
      CheckWritable("undo an alias");
      if (!HasTable("curated_aliases")) return;
      std::string norm = NameKey(name);
      Write([&] {
        SQLite::Statement r(*db_,
                            "SELECT from_eid, into_eid, kind, label, category, role, affiliation, country, code, "
                            "into_category, into_role, into_affiliation, into_country, into_code "
                            "FROM curated_aliases WHERE norm = ?1");
        r.bind(1, norm);
        if (!r.executeStep()) return;
        std::string from_eid = r.getColumn(0).getString(), into_eid = r.getColumn(1).getString();
        int64_t into = LookupEntity(into_eid);
        if (into == 0) throw StoreError(path_ + ": the entity " + into_eid + " that \"" + name + "\" was merged into is gone");
        if (LookupEntity(from_eid) != 0) throw StoreError(path_ + ": an entity " + from_eid + " exists again; merge it by hand");
        SQLite::Statement ins(*db_,
                              "INSERT INTO entities(eid, kind, label, category, role, affiliation, country, code) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        ins.bind(1, from_eid);
        for (int c = 2; c <= 8; ++c) {
          if (r.getColumn(c).isNull()) ins.bind(c);
          else ins.bind(c, r.getColumn(c).getString());
        }
        ins.exec();
        int64_t from = db_->getLastInsertRowid();
        SQLite::Statement attrs(*db_,
                                "UPDATE entities SET category = ?2, role = ?3, affiliation = ?4, country = ?5, "
                                "code = ?6 WHERE id = ?1");
        attrs.bind(1, into);
        for (int c = 9; c <= 13; ++c) {
          if (r.getColumn(c).isNull()) attrs.bind(c - 7);
          else attrs.bind(c - 7, r.getColumn(c).getString());
        }
        attrs.exec();
        auto back = [&](const char* sql) {
          SQLite::Statement q(*db_, sql);
          q.bind(1, norm);
          q.bind(2, from);
          q.bind(3, into);
          q.exec();
        };
        back("UPDATE mentions SET entity = ?2 WHERE entity = ?3 AND id IN "
             "(SELECT row FROM curated_moves WHERE norm = ?1 AND what = 'mention')");
        back("UPDATE relations SET subject = ?2 WHERE subject = ?3 AND id IN "
             "(SELECT row FROM curated_moves WHERE norm = ?1 AND what = 'subject')");
        back("UPDATE relations SET object = ?2 WHERE object = ?3 AND id IN "
             "(SELECT row FROM curated_moves WHERE norm = ?1 AND what = 'object')");
        back("INSERT OR IGNORE INTO aliases(entity, alias, norm) SELECT ?2, alias, alias_norm FROM curated_moves "
             "WHERE norm = ?1 AND what = 'alias' AND ?3 = ?3");
        back("DELETE FROM aliases WHERE entity = ?3 AND norm IN (SELECT alias_norm FROM curated_moves "
             "WHERE norm = ?1 AND what IN ('alias', 'added')) AND ?2 = ?2");
        SQLite::Statement del(*db_, "DELETE FROM curated_moves WHERE norm = ?1");
        del.bind(1, norm);
        del.exec();
        SQLite::Statement del2(*db_, "DELETE FROM curated_aliases WHERE norm = ?1");
        del2.bind(1, norm);
        del2.exec();
        ids_[from_eid] = from;
        rows_.erase(into);
        undone = true;
      });
    });
    return undone;
  }

  std::vector<std::pair<std::string, std::string>> CuratedAliases() override {
    std::vector<std::pair<std::string, std::string>> out;
    Guard([&] {
      if (!HasTable("curated_aliases")) return;
      SQLite::Statement q(*db_, "SELECT alias, into_eid FROM curated_aliases ORDER BY alias");
      while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    });
    return out;
  }

  std::vector<std::string> CheckIntegrity(bool quick, int max_problems) override {
    std::vector<std::string> problems;
    try {
      SQLite::Statement q(*db_, std::string(quick ? "PRAGMA quick_check(" : "PRAGMA integrity_check(") +
                                    std::to_string(std::max(1, max_problems)) + ")");
      while (q.executeStep()) {
        // One row may hold several lines ("*** in database main ***\nPage 4: ...").
        std::string row = q.getColumn(0).getString();
        for (size_t a = 0; a < row.size();) {
          size_t b = std::min(row.find('\n', a), row.size());
          std::string line = row.substr(a, b - a);
          if (line != "ok" && line.rfind("*** in database", 0) != 0 && !line.empty()) problems.push_back(line);
          a = b + 1;
        }
      }
      if (!quick && problems.empty()) {
        // newsgraph writes without SQLite enforcing references
        // (docs/store.md): check them here.
        SQLite::Statement fk(*db_, "PRAGMA foreign_key_check");
        while (fk.executeStep() && static_cast<int>(problems.size()) < max_problems)
          problems.push_back("row " + fk.getColumn(1).getString() + " of " + fk.getColumn(0).getString() +
                             " names a missing row of " + fk.getColumn(2).getString());
      }
    } catch (const SQLite::Exception& e) {
      // A damaged header or root page stops the check itself.
      problems.push_back(e.what());
    }
    // SQLite 3.40's false alarm on an aliases table of the older column
    // order (kAliasesRewrite), dropped when a query confirms it.
    auto false_alarm = [](const std::string& p) { return p.find("NULL value in aliases.alias") != std::string::npos; };
    if (std::any_of(problems.begin(), problems.end(), false_alarm)) {
      bool none_null = false;
      try {
        none_null = db_->execAndGet("SELECT count(*) FROM aliases WHERE alias IS NULL").getInt64() == 0;
      } catch (const SQLite::Exception&) {
      }
      if (none_null) problems.erase(std::remove_if(problems.begin(), problems.end(), false_alarm), problems.end());
    }
    return problems;
  }

  StoreStats Stats() override {
    StoreStats s;
    Guard([&] {
      auto count = [&](const char* sql) { return db_->execAndGet(sql).getInt64(); };
      s.documents = count("SELECT count(*) FROM documents");
      s.sentences = count("SELECT count(*) FROM sentences");
      s.actors = count("SELECT count(*) FROM entities WHERE kind = 'actor'");
      s.issues = count("SELECT count(*) FROM entities WHERE kind = 'issue'");
      s.mentions = count("SELECT count(*) FROM mentions");
      s.relations = count("SELECT count(*) FROM relations");
    });
    return s;
  }

  std::map<std::string, std::string> Meta() override {
    std::map<std::string, std::string> out;
    Guard([&] {
      SQLite::Statement q(*db_, "SELECT key, value FROM meta ORDER BY key");
      while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getString();
    });
    return out;
  }

  void SetMeta(const std::string& key, const std::string& value) override {
    Guard([&] {
      CheckWritable("set metadata");
      if (key == "format_version" || key == "tool")
        throw StoreError(path_ + ": meta key \"" + key + "\" is reserved");
      Write([&] {
        SQLite::Statement q(*db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
        q.bindNoCopy(1, key);
        q.bindNoCopy(2, value);
        q.exec();
      });
    });
  }

 private:
  // Slots of cached statements.
  enum Slot {
    kFindHash,
    kFindDocId,
    kInsertDoc,
    kFindEntity,
    kInsertEntity,
    kUpdateEntity,
    kInsertAlias,
    kEntityState,
    kInsertRelation,
    kEvidenceById,
    kNumSlots
  };

  // Runs f; SQLite errors become StoreError naming the file.
  template <typename F>
  void Guard(F&& f) {
    try {
      f();
    } catch (const SQLite::Exception& e) {
      throw Translate(e);
    }
  }

  StoreError Translate(const SQLite::Exception& e) const {
    int code = e.getErrorCode();
    if (code == SQLITE_NOTADB) return StoreError(path_ + ": not a newsgraph database");
    if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && mode_ == OpenMode::kReadOnly && InRollbackMode())
      // A new file's first build holds it exclusively (SetPragmas), and
      // only a new file is still in rollback-journal mode.
      return StoreError(path_ + ": a build is writing this new database for the first time and nothing is "
                        "committed yet (waited " + std::to_string(kBusyTimeoutMs / 1000) +
                        " s); query it when the build has finished");
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
      return StoreError(path_ + ": database is locked by another writer (waited " +
                        std::to_string(kBusyTimeoutMs / 1000) + " s): " + e.what());
    if (code == SQLITE_READONLY) return StoreError(path_ + ": cannot write: " + e.what());
    if (code == SQLITE_CORRUPT)
      return StoreError(path_ + ": the file is damaged (" + e.what() + "); `newsgraph check --db " + path_ +
                        "` lists what SQLite finds");
    if (code == SQLITE_FULL || code == SQLITE_IOERR) return StoreError(path_ + ": " + e.what() + DiskHint());
    if (code == SQLITE_CANTOPEN) {
      // Out of file descriptors: SQLite names only the file.
      int fd = ::open("/dev/null", O_RDONLY);
      if (fd < 0 && (errno == EMFILE || errno == ENFILE)) {
        rlimit rl{};
        getrlimit(RLIMIT_NOFILE, &rl);
        return StoreError(path_ + ": cannot open: too many open files (this process may open " +
                          std::to_string(static_cast<unsigned long long>(rl.rlim_cur)) +
                          "; raise the limit with `ulimit -n`)");
      }
      if (fd >= 0) ::close(fd);
    }
    return StoreError(path_ + ": " + e.what());
  }

  // Whether the file's header says rollback-journal mode (bytes 18 and 19
  // are 1; 2 in WAL mode), read directly: SQLite cannot while it is locked.
  bool InRollbackMode() const {
    int fd = ::open(path_.c_str(), O_RDONLY);
    if (fd < 0) return false;
    unsigned char header[20] = {};
    bool rollback = ::pread(fd, header, sizeof header, 0) == static_cast<ssize_t>(sizeof header) &&
                    header[18] == 1 && header[19] == 1;
    ::close(fd);
    return rollback;
  }

  // After a write or read error: which disk is full, if one is. SQLite
  // writes the file's journal beside it and sorts and builds temporary
  // indexes in its temporary folder (SQLITE_TMPDIR, TMPDIR, /var/tmp,
  // /usr/tmp, /tmp), which a query on a large store fills too.
  std::string DiskHint() const {
    std::string dir = std::filesystem::path(path_).parent_path().string();
    if (dir.empty()) dir = ".";
    std::string tmp;
    for (const char* env : {"SQLITE_TMPDIR", "TMPDIR"})
      if (const char* v = std::getenv(env); v && *v && tmp.empty() && access(v, W_OK | X_OK) == 0) tmp = v;
    for (const char* d : {"/var/tmp", "/usr/tmp", "/tmp"})
      if (tmp.empty() && access(d, W_OK | X_OK) == 0) tmp = d;
    auto free_bytes = [](const std::string& d) -> long double {
      struct statvfs st;
      if (statvfs(d.c_str(), &st) != 0) return -1;
      return static_cast<long double>(st.f_bavail) * st.f_frsize;
    };
    auto full = [&](const std::string& d) {
      long double f = free_bytes(d);
      return f >= 0 && f < 1024.0L * 1024;  // under 1 MB left
    };
    if (full(dir))
      return " (the disk holding " + dir + " is full: free space there, or move the database)";
    if (!tmp.empty() && full(tmp))
      return " (the disk holding SQLite's temporary folder " + tmp +
             " is full; queries and builds sort there: free space, or set SQLITE_TMPDIR to a folder with room)";
    return " (is a disk full? SQLite writes beside " + path_ + " and in its temporary folder " +
           (tmp.empty() ? std::string(".") : tmp) + "; set SQLITE_TMPDIR to move the latter)";
  }

  StoreError NotNewsgraph() const { return StoreError(path_ + ": not a newsgraph database"); }

  // Whether a read-only open failed only because the -shm of a WAL file
  // cannot be made in a folder this user may not write, with no -wal
  // content that an immutable read would miss.
  bool ReadableOnlyAsImmutable(const SQLite::Exception& e) const {
    const int code = e.getExtendedErrorCode();
    if (code != SQLITE_READONLY_CANTINIT && code != SQLITE_CANTOPEN && code != SQLITE_READONLY &&
        e.getErrorCode() != SQLITE_READONLY && e.getErrorCode() != SQLITE_CANTOPEN)
      return false;
    std::error_code ec;
    std::string dir = std::filesystem::path(path_).parent_path().string();
    if (dir.empty()) dir = ".";
    if (::access(dir.c_str(), W_OK) == 0) return false;
    auto wal = std::filesystem::file_size(path_ + "-wal", ec);
    return ec || wal == 0;
  }

  void Open() {
    int flags = mode_ == OpenMode::kReadOnly    ? SQLite::OPEN_READONLY
                : mode_ == OpenMode::kReadWrite ? SQLite::OPEN_READWRITE
                                                : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    // A Store is used by one thread at a time (store.h), so SQLite's own
    // per-call locking is dead weight: a few per cent of a build.
    flags |= SQLite::OPEN_NOMUTEX;
    db_ = std::make_unique<SQLite::Database>(path_, flags, kBusyTimeoutMs);
    stmts_.resize(kNumSlots);
    // The first read of the header tells a SQLite file from anything else.
    int user_version = 0;
    int64_t tables = 0;
    auto read_header = [&] {
      user_version = db_->execAndGet("PRAGMA user_version").getInt();
      tables = db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt64();
    };
    try {
      read_header();
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() == SQLITE_NOTADB) throw NotNewsgraph();
      if (mode_ == OpenMode::kReadOnly && ReadableOnlyAsImmutable(e)) {
        // A database in a folder this user may not write (a shared, read-
        // only copy): a WAL reader cannot create the -shm beside it. With
        // no -wal content to miss and no writer, the file alone is the
        // whole database: read it as immutable.
        std::string uri = "file:";
        for (char c : path_) {
          if (c == '%' || c == '?' || c == '#') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
            uri += buf;
          } else {
            uri += c;
          }
        }
        uri += "?immutable=1";
        db_ = std::make_unique<SQLite::Database>(uri, flags | SQLITE_OPEN_URI, kBusyTimeoutMs);
        read_header();
      } else {
      if (mode_ != OpenMode::kReadOnly || e.getExtendedErrorCode() != SQLITE_READONLY_ROLLBACK) throw;
      // A first build of this file was killed after writing into it (see
      // SetPragmas): its rollback journal is hot, and only a connection
      // that may write can put the file back as it was.
      RollBackHotJournal();
      db_ = std::make_unique<SQLite::Database>(path_, flags, kBusyTimeoutMs);
      read_header();
      }
    }
    // Nothing is changed in a file before it is known to be ours.
    if (tables == 0 && user_version == 0) {
      if (mode_ != OpenMode::kCreate) throw NotNewsgraph();
      SetPragmas(/*wal=*/false);
      CreateSchema();
      Validate(db_->execAndGet("PRAGMA user_version").getInt());
    } else {
      Validate(user_version);
      SetPragmas();
    }
    AddQueryIndexes();
    AddRelationCode();
    FixAliasesColumnOrder();
    QuickCheckSmallFile();
  }

  // A damaged file (pages overwritten, cut short) would answer queries
  // with whatever its readable pages hold. SQLite's quick_check reads every
  // page once (80 ms for 62 MB when cached), cheap enough on every read-only open of
  // a file up to kQuickCheckAtOpenBytes; build runs it on any size
  // (CheckIntegrity). Problems are reported as a warning, not an error: the
  // readable part may still be what the user needs.
  void QuickCheckSmallFile() {
    if (mode_ != OpenMode::kReadOnly) return;
    std::error_code ec;
    auto size = std::filesystem::file_size(path_, ec);
    if (ec || size > kQuickCheckAtOpenBytes) return;
    auto problems = CheckIntegrity(/*quick=*/true, 3);
    if (problems.empty()) return;
    std::string what = path_ + ": the file is damaged (SQLite's quick_check: " + problems[0] +
                       (problems.size() > 1 ? "; " + problems[1] : "") + (problems.size() > 2 ? "; ..." : "") +
                       "): answers may be incomplete; run `newsgraph check --db " + path_ + "`";
    Warn(what);
  }

  // See kAliasesRewrite: an older file's aliases table, rewritten with its
  // key columns first on a read-write open (one transaction; a second on a
  // large file). A read-only open, or another writer holding the lock,
  // leaves it as it is: only integrity_check's report differs.
  void FixAliasesColumnOrder() {
    if (mode_ == OpenMode::kReadOnly) return;
    SQLite::Statement q(*db_, "SELECT name FROM pragma_table_info('aliases') WHERE cid = 1");
    if (!q.executeStep() || q.getColumn(0).getString() == "norm") return;
    q.reset();
    try {
      db_->exec("BEGIN IMMEDIATE");
      try {
        db_->exec(kAliasesRewrite);
        db_->exec("COMMIT");
      } catch (...) {
        db_->tryExec("ROLLBACK");
        throw;
      }
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() != SQLITE_BUSY && e.getErrorCode() != SQLITE_LOCKED &&
          e.getErrorCode() != SQLITE_READONLY)
        throw;
    }
  }

  // relations.code (a verb dictionary's event code) came after format 1's
  // first files. A read-write open adds the column (ALTER TABLE ... ADD
  // COLUMN changes the schema only: instant on any size); a read-only
  // open, or one that finds another writer holding the lock, reads codes
  // as empty and writes without them. Older newsgraph versions name their
  // columns, so they read and write such files unchanged.
  void AddRelationCode() {
    auto has = [&] {
      SQLite::Statement q(*db_, "SELECT 1 FROM pragma_table_info('relations') WHERE name = 'code'");
      return q.executeStep();
    };
    relation_code_ = has();
    if (relation_code_ || mode_ == OpenMode::kReadOnly) return;
    try {
      db_->exec("ALTER TABLE relations ADD COLUMN code TEXT");
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() != SQLITE_BUSY && e.getErrorCode() != SQLITE_LOCKED &&
          e.getErrorCode() != SQLITE_READONLY)
        throw;
    }
    relation_code_ = has();
  }
  // The relations.code column in a SELECT, or NULL when the file lacks it.
  const char* RelationCode() const { return relation_code_ ? "r.code" : "NULL"; }

  bool HasIndex(const char* name) {
    SQLite::Statement q(*db_, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1");
    q.bind(1, name);
    return q.executeStep();
  }

  // A file from before kQueryIndexes gets them when opened for writing (once;
  // a few seconds on a large file). Another writer holding the lock, or a
  // read-only open, leaves the file as it is: queries then answer without.
  void AddQueryIndexes() {
    bool missing = false;
    for (const auto& ix : kQueryIndexes) missing = missing || !HasIndex(ix.name);
    if (missing && mode_ != OpenMode::kReadOnly) {
      try {
        db_->exec("BEGIN IMMEDIATE");
        try {
          for (const auto& ix : kQueryIndexes) {
            if (HasIndex(ix.name)) continue;
            db_->exec(ix.create);
            if (ix.replaces) db_->exec(std::string("DROP INDEX IF EXISTS ") + ix.replaces);
          }
          db_->exec("COMMIT");
        } catch (...) {
          db_->tryExec("ROLLBACK");
          throw;
        }
      } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() != SQLITE_BUSY && e.getErrorCode() != SQLITE_LOCKED &&
            e.getErrorCode() != SQLITE_READONLY)
          throw;
      }
    }
    missing_indexes_ = false;
    for (const auto& ix : kQueryIndexes) missing_indexes_ = missing_indexes_ || !HasIndex(ix.name);
    date_index_ = HasIndex("documents_date");
  }

  // Join of documents d for its date only: through the covering index
  // documents_date when the file has it (the rowid lookup would read each
  // document's row, text and all).
  std::string DateJoin(const char* on) const {
    return std::string(date_index_ ? "JOIN documents d INDEXED BY documents_date ON d.id = "
                                   : "JOIN documents d ON d.id = ") +
           on + " ";
  }

  // wal: false for a database this connection has just created. Its first
  // batch then goes straight into the file under a rollback journal, and
  // the file switches to WAL when that batch ends (SwitchToWal). In WAL
  // mode one transaction as large as a whole build keeps every page it
  // writes in the log, and each page read that misses SQLite's cache
  // searches the log's index block by block: building 1 GB of text into a
  // new file took 332 s that way and 230 s with the rollback journal
  // (which also writes each page once instead of twice). Readers of a new
  // file wait while its first build runs (there is nothing committed to
  // read yet); from then on they read the last committed state while
  // builds write.
  void SetPragmas(bool wal = true) {
    if (mode_ != OpenMode::kReadOnly) {
      // WAL lets readers read while a build writes; NORMAL sync is safe
      // with WAL (a crash loses at most the last commits, never the file).
      if (wal) {
        db_->execAndGet("PRAGMA journal_mode = WAL");
      } else {
        db_->execAndGet("PRAGMA journal_mode = DELETE");
        wal_pending_ = true;
      }
      db_->exec("PRAGMA synchronous = NORMAL");
    }
    // Foreign keys stay declared in the schema but are not enforced on
    // newsgraph's own connections: every id the store writes is one it has
    // just inserted or looked up, and it never deletes a document. Checking
    // them cost two or three B-tree lookups per mention and relation row,
    // 4.6 % of a build's instructions. Tests run PRAGMA foreign_key_check
    // after builds and merges.
    // 64 MB of page cache: a bulk build in one transaction otherwise spills
    // pages to the WAL over and over.
    db_->exec("PRAGMA cache_size = -65536");
  }

  // What any SQLite writer opening the file would do first: roll the hot
  // journal of a killed transaction back. A read-only open does it when the
  // user may write the file, and otherwise says how to recover.
  void RollBackHotJournal() {
    if (access(path_.c_str(), W_OK) != 0)
      throw StoreError(path_ + ": a build into it was interrupted and left " + path_ +
                       "-journal, which only a writer can roll back: run the build again, or "
                       "open the file once as a user who may write it");
    SQLite::Database writer(path_, SQLite::OPEN_READWRITE, kBusyTimeoutMs);
    writer.execAndGet("PRAGMA user_version");
  }

  // Puts a new file into WAL mode once its first batch has ended (see
  // SetPragmas). Best effort: another connection reading at that moment
  // makes it fail, and the next read-write open switches instead.
  void SwitchToWal() {
    if (!wal_pending_ || in_tx_) return;
    try {
      if (db_->execAndGet("PRAGMA journal_mode = WAL").getString() == "wal") wal_pending_ = false;
    } catch (...) {  // busy, or an I/O error the next open reports
    }
  }

  // Creates the schema in an empty database. Two processes creating the same
  // file serialise on BEGIN IMMEDIATE; the second finds the schema in place.
  void CreateSchema() {
    db_->exec("BEGIN IMMEDIATE");
    try {
      if (db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt64() == 0) {
        db_->exec(kSchema);
        db_->exec("PRAGMA user_version = " + std::to_string(kStoreFormatVersion));
        SQLite::Statement q(*db_, "INSERT INTO meta(key, value) VALUES(?1, ?2)");
        const std::vector<std::pair<std::string, std::string>> rows = {
            {"created_by_version", NEWSGRAPH_VERSION},
            {"format_version", std::to_string(kStoreFormatVersion)},
            {"tool", "newsgraph"}};
        for (const auto& [k, v] : rows) {
          q.reset();
          q.bind(1, k);
          q.bind(2, v);
          q.exec();
        }
      }
      db_->exec("COMMIT");
    } catch (...) {
      db_->tryExec("ROLLBACK");
      throw;
    }
  }

  void Validate(int user_version) {
    bool has_meta = db_->execAndGet(
                           "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                           "'meta'")
                        .getInt64() > 0;
    if (!has_meta) throw NotNewsgraph();
    if (user_version > kStoreFormatVersion)
      throw StoreError(path_ + ": written by format version " + std::to_string(user_version) +
                       ", this newsgraph reads up to version " +
                       std::to_string(kStoreFormatVersion));
    std::string tool;
    try {
      SQLite::Statement q(*db_, "SELECT value FROM meta WHERE key = 'tool'");
      if (q.executeStep()) tool = q.getColumn(0).getString();
    } catch (const SQLite::Exception&) {
      throw NotNewsgraph();
    }
    if (tool != "newsgraph" || user_version < 1) throw NotNewsgraph();
  }

  void CheckWritable(const char* what) const {
    if (mode_ == OpenMode::kReadOnly)
      throw StoreError(path_ + ": opened read-only, cannot " + what);
  }

  // BEGIN IMMEDIATE takes the write lock now (waiting up to the busy
  // timeout) rather than failing halfway through a document.
  void BeginImmediate() {
    // A new file's first batch runs under a rollback journal (SetPragmas),
    // where BEGIN IMMEDIATE would still let readers in to read the empty
    // schema ("no actor nodes"). EXCLUSIVE makes them wait (busy timeout)
    // and then say that the first build is still running.
    db_->exec(wal_pending_ ? "BEGIN EXCLUSIVE" : "BEGIN IMMEDIATE");
    // Another connection committed since we last looked: rowids we cached
    // may be stale (merged or deleted entities).
    int64_t version = db_->execAndGet("PRAGMA data_version").getInt64();
    if (version != data_version_) {
      ids_.clear();
      rows_.clear();
      data_version_ = version;
    }
  }

  // Runs body atomically: in its own transaction, or inside the open one
  // under a savepoint, so that a failure leaves no partial rows.
  void Write(const std::function<void()>& body) {
    new_ids_.clear();
    if (in_tx_ && batch_ == Batch::kAllOrNothing) {
      if (!failed_.empty())
        throw StoreError(path_ + ": a write in this batch failed (" + failed_ + "); roll it back");
      try {
        body();
      } catch (const std::exception& e) {
        failed_ = e.what();
        if (failed_.empty()) failed_ = "unknown error";
        ForgetNewIds();
        throw;
      } catch (...) {
        failed_ = "unknown error";
        ForgetNewIds();
        throw;
      }
    } else if (in_tx_) {
      db_->exec("SAVEPOINT newsgraph_write");
      try {
        body();
        db_->exec("RELEASE newsgraph_write");
      } catch (...) {
        db_->tryExec("ROLLBACK TO newsgraph_write");
        db_->tryExec("RELEASE newsgraph_write");
        ForgetNewIds();
        throw;
      }
    } else {
      BeginImmediate();
      try {
        body();
        db_->exec("COMMIT");
      } catch (...) {
        db_->tryExec("ROLLBACK");
        ForgetNewIds();
        SwitchToWal();
        throw;
      }
      SwitchToWal();
    }
    new_ids_.clear();
  }

  void ForgetNewIds() {
    rows_.clear();  // rows the failed write changed are back as they were
    for (const auto& id : new_ids_) ids_.erase(id);
    new_ids_.clear();
  }

  // A cached statement, reset and with its bindings cleared.
  SQLite::Statement& Cached(Slot slot, const char* sql) {
    auto& s = stmts_[slot];
    if (!s) {
      s = std::make_unique<SQLite::Statement>(*db_, sql);
    } else {
      s->reset();
      s->clearBindings();
    }
    return *s;
  }

  // Inserts `rows` rows of `columns` values each, up to kRowsPerInsert per
  // statement ("INSERT ... VALUES (?,?),(?,?),..."): one statement run per
  // row costs more than the row itself (statement journal, halt).
  // bind(q, row, first_parameter) binds one row's values.
  static constexpr size_t kRowsPerInsert = 32;
  void InsertRows(const char* head, size_t columns, size_t rows,
                  const std::function<void(SQLite::Statement&, size_t, int)>& bind) {
    for (size_t done = 0; done < rows;) {
      const size_t n = std::min(kRowsPerInsert, rows - done);
      std::string key = std::string(head) + '#' + std::to_string(n);
      auto& q = multi_stmts_[key];
      if (!q) {
        std::string sql = head;
        sql += " VALUES ";
        for (size_t r = 0; r < n; ++r) {
          sql += r ? ",(" : "(";
          for (size_t c = 0; c < columns; ++c) sql += c ? ",?" : "?";
          sql += ')';
        }
        q = std::make_unique<SQLite::Statement>(*db_, sql);
      } else {
        q->reset();
        q->clearBindings();
      }
      for (size_t r = 0; r < n; ++r) bind(*q, done + r, static_cast<int>(r * columns + 1));
      q->exec();
      done += n;
    }
  }

  bool HasTable(const char* name) {
    SQLite::Statement q(*db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    q.bind(1, name);
    return q.executeStep();
  }

  std::string ExecText(const char* sql, int64_t arg) {
    SQLite::Statement q(*db_, sql);
    q.bind(1, arg);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
  }

  // The WHERE clause of a RelationFilter over relations r, entities s and o,
  // documents d: only the conditions asked for, so that SQLite can use the
  // indexes. args receives the strings to bind in order; polarity holds the
  // polarity's text and must outlive the statement.
  static std::string FilterWhere(const RelationFilter& f, std::vector<const std::string*>* args,
                                 std::string* polarity) {
    std::string where;
    auto add = [&](const char* cond, std::initializer_list<const std::string*> values) {
      where += where.empty() ? "WHERE " : " AND ";
      where += cond;
      args->insert(args->end(), values);
    };
    if (f.polarity) *polarity = std::to_string(*f.polarity);
    if (!f.subject.empty()) add("s.eid = ?", {&f.subject});
    if (!f.object.empty()) add("o.eid = ?", {&f.object});
    if (!f.object_kind.empty()) add("o.kind = ?", {&f.object_kind});
    if (!f.cls.empty()) add("r.class = ?", {&f.cls});
    if (f.polarity) add("r.polarity = CAST(? AS INTEGER)", {polarity});
    if (!f.doc.empty()) add("r.doc = (SELECT id FROM documents WHERE doc_id = ?)", {&f.doc});
    if (!f.from_date.empty()) add("d.date >= ?", {&f.from_date});
    // Inclusive by day: "2024-03-05T10:00" is within to_date "2024-03-05".
    if (!f.to_date.empty()) add("substr(d.date, 1, length(?)) <= ?", {&f.to_date, &f.to_date});
    return where;
  }

  // Rowid of an entity id, or 0. Cached; a miss asks the database.
  int64_t LookupEntity(const std::string& eid) {
    auto it = ids_.find(eid);
    if (it != ids_.end()) return it->second;
    SQLite::Statement& q = Cached(kFindEntity, "SELECT id FROM entities WHERE eid = ?1");
    q.bindNoCopy(1, eid);
    int64_t rowid = q.executeStep() ? q.getColumn(0).getInt64() : 0;
    q.reset();
    if (rowid != 0) ids_.emplace(eid, rowid);
    return rowid;
  }

  int64_t UpsertEntity(const graph::Entity& e) {
    std::string label = e.label;
    if (label.empty()) {
      size_t colon = e.id.find(':');
      label = colon == std::string::npos ? e.id : e.id.substr(colon + 1);
    }
    int64_t rowid = LookupEntity(e.id);
    if (rowid == 0) {
      SQLite::Statement& q = Cached(kInsertEntity,
                                    "INSERT INTO entities(eid, kind, label, category, role, "
                                    "affiliation, country, code) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
                                    "?7, ?8)");
      q.bindNoCopy(1, e.id);
      q.bindNoCopy(2, graph::KindName(e.kind));
      q.bindNoCopy(3, label);
      BindOptional(q, 4, e.category);
      BindOptional(q, 5, e.role);
      BindOptional(q, 6, e.affiliation);
      BindOptional(q, 7, e.country);
      BindOptional(q, 8, e.code);
      q.exec();
      rowid = db_->getLastInsertRowid();
      ids_.emplace(e.id, rowid);
      new_ids_.push_back(e.id);
      RowState& st = rows_[rowid];
      st.label_chars = SqlLength(label);
      st.nulls = NullMask(e);
    } else if (auto known = rows_.find(rowid);
               known != rows_.end() && SqlLength(label) <= known->second.label_chars &&
               (known->second.nulls & ~NullMask(e)) == 0) {
      // The UPDATE below would change nothing (its WHERE is false): skip it.
    } else {
      // A longer label wins (the old one stays an alias row); empty
      // attributes are filled. The WHERE skips writes that change nothing.
      SQLite::Statement& q =
          Cached(kUpdateEntity,
                 "UPDATE entities SET "
                 "label = CASE WHEN length(?2) > length(label) THEN ?2 ELSE label END, "
                 "category = coalesce(category, ?3), role = coalesce(role, ?4), "
                 "affiliation = coalesce(affiliation, ?5), country = coalesce(country, ?6), "
                 "code = coalesce(code, ?7) "
                 "WHERE id = ?1 AND (length(?2) > length(label) "
                 "OR (category IS NULL AND ?3 IS NOT NULL) OR (role IS NULL AND ?4 IS NOT NULL) "
                 "OR (affiliation IS NULL AND ?5 IS NOT NULL) "
                 "OR (country IS NULL AND ?6 IS NOT NULL) OR (code IS NULL AND ?7 IS NOT NULL))");
      q.bind(1, rowid);
      q.bindNoCopy(2, label);
      BindOptional(q, 3, e.category);
      BindOptional(q, 4, e.role);
      BindOptional(q, 5, e.affiliation);
      BindOptional(q, 6, e.country);
      BindOptional(q, 7, e.code);
      q.exec();
      CacheRowState(rowid);
    }
    AddAlias(rowid, label);
    for (const auto& alias : e.aliases) AddAlias(rowid, alias);
    return rowid;
  }

  void AddAlias(int64_t entity, const std::string& alias) {
    std::string norm = NameKey(alias);
    if (norm.empty()) return;
    // (entity, norm) is the key: a pair this connection wrote or met is
    // there, and INSERT OR IGNORE would do nothing.
    auto state = rows_.find(entity);
    if (state != rows_.end() && state->second.norms.count(norm)) return;
    SQLite::Statement& q = Cached(kInsertAlias,
                                  "INSERT OR IGNORE INTO aliases(entity, alias, norm) VALUES(?1, "
                                  "?2, ?3)");
    q.bind(1, entity);
    q.bindNoCopy(2, alias);
    q.bindNoCopy(3, norm);
    q.exec();
    if (state != rows_.end()) state->second.norms.insert(std::move(norm));
  }

  // What the insert path knows of an entity row this connection wrote or
  // read, so that it can skip statements that would change nothing:
  // length(label) as SQLite counts it, which optional columns are NULL, and
  // the alias keys present. Dropped whenever rows may have changed behind it
  // (a rolled-back document or transaction, another writer, a merge).
  struct RowState {
    uint32_t label_chars = 0;
    unsigned nulls = 0;  // bit i: the i-th of category, role, affiliation, country, code is NULL
    std::unordered_set<std::string> norms;
  };

  // SQLite's length() of a UTF-8 text: characters up to the first NUL.
  static uint32_t SqlLength(const std::string& s) {
    uint32_t n = 0;
    for (size_t i = 0; i < s.size() && s[i] != '\0';) {
      unsigned char c = static_cast<unsigned char>(s[i++]);
      ++n;
      if (c >= 0xC0)
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return n;
  }

  // NULL columns an entity's values would leave (BindOptional: empty = NULL).
  static unsigned NullMask(const graph::Entity& e) {
    return (e.category.empty() ? 1u : 0u) | (e.role.empty() ? 2u : 0u) |
           (e.affiliation.empty() ? 4u : 0u) | (e.country.empty() ? 8u : 0u) |
           (e.code.empty() ? 16u : 0u);
  }

  // Reads an entity row's state after an UPDATE (once per row while the
  // state is kept; later documents then skip the UPDATE when they can).
  void CacheRowState(int64_t rowid) {
    SQLite::Statement& q = Cached(kEntityState,
                                  "SELECT length(label), category IS NULL, role IS NULL, "
                                  "affiliation IS NULL, country IS NULL, code IS NULL "
                                  "FROM entities WHERE id = ?1");
    q.bind(1, rowid);
    if (q.executeStep()) {
      RowState& st = rows_[rowid];
      st.label_chars = static_cast<uint32_t>(q.getColumn(0).getInt64());
      st.nulls = 0;
      for (int i = 0; i < 5; ++i)
        if (q.getColumn(i + 1).getInt()) st.nulls |= 1u << i;
    }
    q.reset();
  }

  AddOutcome AddDocumentLocked(const graph::DocumentAnalysis& a) {
    const graph::Document& doc = a.doc;
    AddOutcome outcome;
    std::string hash = doc.hash.empty() ? graph::ContentHash(doc.text) : doc.hash;
    {
      SQLite::Statement& q = Cached(kFindHash, "SELECT doc_id FROM documents WHERE hash = ?1");
      q.bindNoCopy(1, hash);
      if (q.executeStep()) {
        outcome.status = AddStatus::kDuplicate;
        outcome.detail = q.getColumn(0).getString();
        q.reset();
        return outcome;
      }
      q.reset();
    }
    {
      SQLite::Statement& q = Cached(kFindDocId, "SELECT origin FROM documents WHERE doc_id = ?1");
      q.bindNoCopy(1, doc.id);
      if (q.executeStep()) {
        outcome.status = AddStatus::kIdConflict;
        outcome.detail = q.getColumn(0).getString();
        q.reset();
        return outcome;
      }
      q.reset();
    }

    int64_t doc_row;
    {
      SQLite::Statement& q = Cached(kInsertDoc,
                                    "INSERT INTO documents(doc_id, title, date, url, source, "
                                    "origin, hash, text) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      q.bindNoCopy(1, doc.id);
      BindOptional(q, 2, doc.title);
      BindOptional(q, 3, doc.date);
      BindOptional(q, 4, doc.url);
      BindOptional(q, 5, doc.source);
      BindOptional(q, 6, doc.origin);
      q.bindNoCopy(7, hash);
      q.bindNoCopy(8, doc.text);
      q.exec();
      doc_row = db_->getLastInsertRowid();
    }

    graph::CharIndex chars(doc.text);
    std::unordered_map<uint32_t, graph::Span> sentence_span;
    for (const auto& sent : a.sentences) sentence_span.emplace(sent.index, sent.span);
    InsertRows("INSERT OR IGNORE INTO sentences(doc, idx, start, end, byte_start, byte_end)", 6,
               a.sentences.size(), [&](SQLite::Statement& q, size_t row, int p) {
                 const auto& sent = a.sentences[row];
                 q.bind(p, doc_row);
                 q.bind(p + 1, sent.index);
                 q.bind(p + 2, chars(sent.span.begin));
                 q.bind(p + 3, chars(sent.span.end));
                 q.bind(p + 4, sent.span.begin);
                 q.bind(p + 5, sent.span.end);
               });

    std::unordered_map<std::string, int64_t> local;
    for (const auto& e : a.entities) {
      if (e.id.empty()) continue;  // counted below when something refers to it
      local[e.id] = UpsertEntity(e);
    }
    auto resolve = [&](const std::string& eid) -> int64_t {
      auto it = local.find(eid);
      if (it != local.end()) return it->second;
      int64_t rowid = eid.empty() ? 0 : LookupEntity(eid);
      local.emplace(eid, rowid);
      return rowid;
    };

    {
      std::vector<std::pair<const graph::Mention*, int64_t>> rows;
      rows.reserve(a.mentions.size());
      for (const auto& m : a.mentions) {
        int64_t entity = resolve(m.entity);
        if (entity == 0) {
          ++outcome.skipped;
          continue;
        }
        rows.emplace_back(&m, entity);
      }
      InsertRows("INSERT INTO mentions(entity, doc, sentence, start, end, text, pronoun)", 7, rows.size(),
                 [&](SQLite::Statement& q, size_t row, int p) {
                   const graph::Mention& m = *rows[row].first;
                   q.bind(p, rows[row].second);
                   q.bind(p + 1, doc_row);
                   q.bind(p + 2, m.sentence);
                   q.bind(p + 3, chars(m.span.begin));
                   q.bind(p + 4, chars(m.span.end));
                   q.bindNoCopy(p + 5, m.text);
                   q.bind(p + 6, m.pronoun ? 1 : 0);
                 });
    }
    {
      SQLite::Statement& q =
          Cached(kInsertRelation, relation_code_
                                      ? "INSERT INTO relations(subject, object, lemma, class, mode, "
                                        "polarity, negated, confidence, doc, sentence, start, end, possessor, code) "
                                        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                                      : "INSERT INTO relations(subject, object, lemma, class, mode, "
                                        "polarity, negated, confidence, doc, sentence, start, end, possessor) "
                                        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
      for (const auto& r : a.relations) {
        int64_t subject = resolve(r.subject), object = resolve(r.object);
        if (subject == 0 || object == 0) {
          ++outcome.skipped;
          continue;
        }
        graph::Span span = r.evidence;
        if (span.size() == 0) {
          auto it = sentence_span.find(r.sentence);
          if (it != sentence_span.end()) span = it->second;
        }
        q.reset();
        q.bind(1, subject);
        q.bind(2, object);
        q.bindNoCopy(3, r.lemma);
        q.bindNoCopy(4, r.cls);
        BindOptional(q, 5, r.mode);
        q.bind(6, r.polarity);
        q.bind(7, r.negated ? 1 : 0);
        // Round to float precision so that 0.8f reads back as 0.8, not
        // 0.800000011920929.
        q.bind(8, std::round(static_cast<double>(r.confidence) * 1e6) / 1e6);
        q.bind(9, doc_row);
        q.bind(10, r.sentence);
        q.bind(11, chars(span.begin));
        q.bind(12, chars(span.end));
        BindOptional(q, 13, r.qualifier);
        if (relation_code_) BindOptional(q, 14, r.code);
        q.exec();
      }
    }
    outcome.status = AddStatus::kAdded;
    return outcome;
  }

  // Entities selected by `tail` (a WHERE/ORDER BY clause with ?1.. bound to
  // args), with aliases but no counts. rowids, if given, receives each
  // entity's row id.
  std::vector<graph::Entity> LoadEntities(const std::string& tail,
                                          const std::vector<std::string>& args,
                                          std::vector<int64_t>* rowids) {
    std::vector<graph::Entity> out;
    std::vector<int64_t> ids;
    SQLite::Statement q(*db_, std::string(kEntitySelect) + tail);
    for (size_t i = 0; i < args.size(); ++i) q.bindNoCopy(static_cast<int>(i) + 1, args[i]);
    while (q.executeStep()) {
      ids.push_back(q.getColumn(0).getInt64());
      out.push_back(ReadEntity(q));
    }
    if (!out.empty()) {
      std::unordered_map<int64_t, size_t> at;
      for (size_t i = 0; i < ids.size(); ++i) at[ids[i]] = i;
      std::vector<std::string> label_keys;
      for (const auto& e : out) label_keys.push_back(NameKey(e.label));
      auto add = [&](int64_t entity, std::string alias, const std::string& norm) {
        auto it = at.find(entity);
        if (it == at.end() || norm == label_keys[it->second]) return;
        out[it->second].aliases.push_back(std::move(alias));
      };
      if (out.size() <= 64) {
        SQLite::Statement a(*db_,
                            "SELECT alias, norm FROM aliases WHERE entity = ?1 ORDER BY alias");
        for (int64_t id : ids) {
          a.reset();
          a.bind(1, id);
          while (a.executeStep()) add(id, a.getColumn(0).getString(), a.getColumn(1).getString());
        }
      } else {
        SQLite::Statement a(*db_, "SELECT entity, alias, norm FROM aliases ORDER BY entity, alias");
        while (a.executeStep())
          add(a.getColumn(0).getInt64(), a.getColumn(1).getString(), a.getColumn(2).getString());
      }
    }
    if (rowids) *rowids = std::move(ids);
    return out;
  }

  void FillCounts(int64_t rowid, graph::Entity* e) {
    SQLite::Statement m(*db_, "SELECT count(*) FROM mentions WHERE entity = ?1");
    m.bind(1, rowid);
    if (m.executeStep()) e->mentions = m.getColumn(0).getUInt();
    if (e->kind == graph::EntityKind::kIssue) {
      SQLite::Statement i(*db_, std::string(kIssueSentences) + " AND x.object = ?1 GROUP BY x.object");
      i.bind(1, rowid);
      if (i.executeStep()) e->mentions += i.getColumn(1).getUInt();
    }
    // UNION already makes x.doc distinct.
    SQLite::Statement d(*db_,
                        "SELECT count(*), min(d.date), max(d.date) FROM (SELECT doc "
                        "FROM mentions WHERE entity = ?1 UNION SELECT doc FROM relations WHERE "
                        "subject = ?1 UNION SELECT doc FROM relations WHERE object = ?1) x " +
                            DateJoin("x.doc"));
    d.bind(1, rowid);
    if (d.executeStep()) {
      e->documents = d.getColumn(0).getUInt();
      e->first_date = d.getColumn(1).getString();
      e->last_date = d.getColumn(2).getString();
    }
  }

  std::string path_;
  OpenMode mode_;
  std::unique_ptr<SQLite::Database> db_;
  std::vector<std::unique_ptr<SQLite::Statement>> stmts_;  // by Slot
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> multi_stmts_;  // InsertRows
  bool in_tx_ = false;
  bool wal_pending_ = false;  // a new file, still in rollback-journal mode
  Batch batch_ = Batch::kAtomicWrites;
  std::string failed_;  // kAllOrNothing: why a write of this batch failed
  int64_t data_version_ = -1;
  std::unordered_map<std::string, int64_t> ids_;  // eid -> entities.id
  std::vector<std::string> new_ids_;              // inserted by the current Write
  std::unordered_map<int64_t, RowState> rows_;    // entities.id -> RowState
  bool missing_indexes_ = false;                  // some of kQueryIndexes absent
  bool date_index_ = false;                       // documents_date present
  bool relation_code_ = false;                    // relations.code present
  bool created_wal_files_ = false;  // read-only, not the owner, no -wal/-shm before the open
};

}  // namespace

void SetStoreWarningHandler(StoreWarningHandler handler) { WarningHandler() = std::move(handler); }

std::unique_ptr<Store> OpenSqliteStore(const std::string& path, OpenMode mode) {
  std::error_code ec;
  if (mode != OpenMode::kCreate && !std::filesystem::exists(path, ec))
    throw StoreError(path + ": no such file");
  if (std::filesystem::is_directory(path, ec))
    throw StoreError(path + ": is a directory, not a newsgraph database");
  // A FIFO would block the open forever and a device such as /dev/zero
  // reads without end: only a regular file (or a link to one) is a store.
  auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    throw StoreError(path + ": is not a regular file (a device, FIFO or socket), not a newsgraph database");
  if (mode == OpenMode::kCreate) {
    // SQLite says only "unable to open database file".
    std::string dir = std::filesystem::path(path).parent_path().string();
    if (!dir.empty() && !std::filesystem::exists(dir, ec))
      throw StoreError(path + ": cannot create the database: folder " + dir + " does not exist");
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
      throw StoreError(path + ": cannot create the database: " + dir + " is not a folder");
  }
  return std::make_unique<SqliteStore>(path, mode);
}

}  // namespace newsgraph::io
