// The graph store: documents, sentences, entities, aliases, mentions and
// relations with their evidence. Two backends implement one interface:
// SQLite (a file, the embedded default) and PostgreSQL (a server that many
// builders write into at once; docs/scaling.md). OpenStore picks one from
// the name it is given. Every method that fails throws StoreError with the
// database's name (path or password-free URI) in its message; nothing from
// SQLiteCpp or libpqxx escapes this module.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "graph/types.h"

namespace newsgraph::io {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A write that failed because another writer changed the same rows at the
// same moment (PostgreSQL: a deadlock, a serialization failure, a unique
// or foreign key violation from a concurrent insert or merge). The
// transaction must be rolled back; the same writes may then succeed when
// tried again (io::Builder does).
class StoreConflict : public StoreError {
 public:
  using StoreError::StoreError;
};

// Version of the schema written into PRAGMA user_version and meta.
inline constexpr int kStoreFormatVersion = 1;

struct StoreStats {
  int64_t documents = 0, sentences = 0, actors = 0, issues = 0, mentions = 0,
          relations = 0;
};

// What happened to one document offered to AddDocument.
enum class AddStatus {
  kAdded,         // new content, stored
  kDuplicate,     // the same content (hash) is already stored: nothing added
  kIdConflict,    // another text is stored under the same document id
};

struct AddOutcome {
  AddStatus status = AddStatus::kAdded;
  std::string detail;  // for kDuplicate/kIdConflict: the stored document id / origin
  // kAdded only: mentions and relations not stored because they name an
  // entity id that is neither in the analysis nor in the store.
  uint32_t skipped = 0;
};

// One statement with its evidence, as stored. Offsets are Unicode code
// points into the document text (what the JSONL contract calls characters).
struct EvidenceRow {
  int64_t id = 0;
  std::string subject, object;  // entity ids (slugs)
  std::string lemma, cls, mode;
  int polarity = 0;
  bool negated = false;
  double confidence = 0;
  std::string doc;   // document id
  std::string date;  // document date
  std::string title, url;  // of the document, may be empty
  uint32_t sentence = 0;
  uint32_t start = 0, end = 0;  // sentence span, characters
  std::string text;             // the sentence
  std::string possessor;        // of an issue object: "Ukraine" in "Ukraine's sovereignty"
  std::string code;             // event code from a user verb dictionary (CAMEO "064"), may be empty
};

// Filters for Relations(); empty fields match everything.
struct RelationFilter {
  std::string subject, object;  // entity ids
  std::string cls;
  std::optional<int> polarity;
  std::string doc;
  std::string from_date, to_date;  // inclusive, compared as ISO strings
  size_t limit = 0;                // 0 = no limit
  std::string object_kind;         // "actor" or "issue"; empty matches both
  // Edges() only: false leaves EdgeSummary::first_date/last_date empty and
  // spares the lookup of every statement's document (much faster for busy
  // entities). Date and document filters still apply.
  bool dates = true;
};

// One edge as the graph aggregates it: every statement with the same
// (subject, class, polarity, object), counted, with one example statement.
struct EdgeSummary {
  std::string subject, object;  // entity ids
  std::string cls;
  int polarity = 0;
  uint32_t weight = 0;     // statements
  uint32_t documents = 0;  // distinct documents
  uint32_t negated = 0;    // negated statements
  std::string first_date, last_date;
  double confidence = 0;   // mean
  int64_t example = 0;     // relations.id of the most confident statement
};

// An aggregated edge without dates or evidence: what graph algorithms need.
struct EdgeWeight {
  std::string subject, object, cls;
  int polarity = 0;
  uint32_t weight = 0;
};

// A Store is not thread-safe: use each one from one thread at a time
// (build's consumer thread does all the writing).
class Store {
 public:
  virtual ~Store() = default;

  // How a failed write inside Begin()/Commit() is undone.
  enum class Batch {
    // Each write (AddDocument, MergeEntity) is atomic on its own: one that
    // fails leaves none of its rows and the batch can go on. Costs a
    // savepoint per write (5 % of a bulk build).
    kAtomicWrites,
    // A write that fails leaves the batch unusable: every later write and
    // Commit() throw, and Rollback() undoes the whole batch. For callers
    // that would roll back on any failure anyway (build).
    kAllOrNothing,
  };

  // Writes happen inside Begin()/Commit(); Rollback() (or destroying the
  // store with an open transaction) leaves the database as it was.
  // Rollback() without an open transaction (say, after a failed Commit(),
  // which rolls back itself) does nothing.
  virtual void Begin(Batch batch = Batch::kAtomicWrites) = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

  // Adds a document with everything extracted from it. Entity ids in the
  // analysis must already be resolved against the store (see
  // graph::EntityResolver); entities not yet stored are created, stored ones
  // gain the new aliases and keep their label unless the new label is longer.
  virtual AddOutcome AddDocument(const graph::DocumentAnalysis& analysis) = 0;

  // Every entity (with aliases, mention and document counts and dates) and
  // every statement, for graph::Graph::Build. An issue's mentions are the
  // sentences that name it as a relation's object (extraction finds issues
  // only there) plus any mention spans stored for it in other sentences;
  // GetEntity and FindEntities count the same way.
  virtual void LoadGraph(std::vector<graph::Entity>* entities,
                         std::vector<graph::Statement>* statements) = 0;

  // Entities (actors and issues) in the store, with aliases; no counts.
  virtual std::vector<graph::Entity> Entities() = 0;
  // Every entity with only id, kind, label and category (no aliases, other
  // attributes or counts), ordered by id: what a graph for paths and
  // centrality needs, loaded without the alias table.
  virtual std::vector<graph::Entity> EntityLabels() = 0;
  // Entities whose id, label or alias equals name (case-insensitive,
  // apostrophes and a leading "the" ignored), best (most mentioned) first.
  virtual std::vector<graph::Entity> FindEntities(const std::string& name) = 0;
  // Entities with these ids (with aliases, no counts), ordered by id;
  // unknown ids are left out.
  virtual std::vector<graph::Entity> EntitiesByIds(const std::vector<std::string>& ids) = 0;
  // One entity with counts filled, or nullopt.
  virtual std::optional<graph::Entity> GetEntity(const std::string& id) = 0;

  // Statements with evidence matching the filter, ordered by subject,
  // object, class, polarity, document, sentence.
  virtual std::vector<EvidenceRow> Relations(const RelationFilter& filter) = 0;
  virtual std::vector<EvidenceRow> Evidence(const std::vector<int64_t>& ids) = 0;

  // Statements matching the filter aggregated into edges (SQL GROUP BY
  // subject, object, class, polarity), ordered by weight (descending), then
  // subject, object, class, polarity. filter.limit limits edges.
  virtual std::vector<EdgeSummary> Edges(const RelationFilter& filter) = 0;
  // Every aggregated edge with its weight only, ordered by subject, object,
  // class, polarity: a light way to build a graph for paths and centrality.
  virtual std::vector<EdgeWeight> EdgeWeights() = 0;
  // The same for edges whose object is of one kind ("actor" or "issue";
  // empty: all), e.g. the stances toward issues.
  virtual std::vector<EdgeWeight> EdgeWeights(const std::string& object_kind) = 0;
  // The same counting only statements inside the filter's date window
  // (from_date, to_date) and, when set, toward objects of object_kind;
  // the filter's other fields are ignored.
  virtual std::vector<EdgeWeight> EdgeWeights(const RelationFilter& window) = 0;

  // Stored document ids, in the order they were added.
  virtual std::vector<std::string> DocumentIds() = 0;
  // Everything stored for one document as an analysis that AddDocument
  // accepts again (byte spans restored from the stored character offsets,
  // the entities it names with their aliases and attributes, no counts),
  // or nullopt when no document has that id. Used to merge databases.
  virtual std::optional<graph::DocumentAnalysis> LoadAnalysis(const std::string& doc_id) = 0;

  // Renames entity from_id into into_id everywhere (mentions, relations,
  // aliases), for merging nodes found to be the same.
  virtual void MergeEntity(const std::string& from_id, const std::string& into_id) = 0;

  // Curation (`newsgraph alias`). AddAlias merges from_id into into_id as
  // MergeEntity does and records, under `name`, what moved (the entity row,
  // its aliases, mentions and relations, into's attributes before) in the
  // table curated_aliases, so that UndoAlias(name) can restore it and later
  // builds resolve `name` to into_id (CuratedAliases). Throws StoreError
  // when an id is unknown or name is already curated.
  virtual void AddAlias(const std::string& name, const std::string& from_id, const std::string& into_id) = 0;
  // Undoes the alias recorded under name (the node comes back with its
  // label, attributes, aliases, mentions and relations); false when no
  // alias is recorded under that name.
  virtual bool UndoAlias(const std::string& name) = 0;
  // Every curated alias: (name, entity id it means), ordered by name.
  virtual std::vector<std::pair<std::string, std::string>> CuratedAliases() = 0;

  // True when the file lacks indexes that this version creates (a file
  // written by an older newsgraph): queries still answer, more slowly.
  // Opening the file read-write adds them (see docs/store.md).
  virtual bool MissingIndexes() = 0;

  // SQLite's own checks of the file. quick: PRAGMA quick_check (every page
  // and record read once, indexes not compared with their tables; about
  // 80 ms for 62 MB when cached); else PRAGMA integrity_check and foreign_key_check.
  // Returns the problems found (at most max_problems of SQLite's), empty
  // when the file is sound.
  virtual std::vector<std::string> CheckIntegrity(bool quick, int max_problems = 20) = 0;

  virtual StoreStats Stats() = 0;
  virtual std::map<std::string, std::string> Meta() = 0;
  virtual void SetMeta(const std::string& key, const std::string& value) = 0;
};

enum class OpenMode { kReadOnly, kReadWrite, kCreate };

// What a store reports without failing (a read-only open of a file of up
// to 64 MB runs SQLite's quick_check and reports damage this way), as one
// message naming the file. The library never prints: the command line
// installs a handler that does. None by default.
using StoreWarningHandler = std::function<void(const std::string&)>;
void SetStoreWarningHandler(StoreWarningHandler handler);

// True when `where` is a libpq connection URI (postgresql://... or
// postgres://...) rather than a SQLite file path.
bool IsPostgresUri(const std::string& where);

// Opens the store `where` names: a PostgreSQL connection URI
// (OpenPostgresStore) or else a SQLite file (OpenSqliteStore).
std::unique_ptr<Store> OpenStore(const std::string& where, OpenMode mode);

// Opens (kCreate: creates the schema in) the PostgreSQL database a libpq
// URI names, e.g. postgresql://user@host:5432/graph or
// postgresql:///graph?host=/run/postgresql. The password comes from
// PGPASSWORD or ~/.pgpass as libpq reads them: a URI that carries one
// ("user:secret@host", "password=") is refused, since command lines are
// visible to every user of the machine. Throws StoreError (naming the URI)
// when the server cannot be reached, the database is not a newsgraph store
// (and kCreate was not given for an empty one), or this build has no
// PostgreSQL support.
std::unique_ptr<Store> OpenPostgresStore(const std::string& uri, OpenMode mode);

// True when this build has the PostgreSQL backend.
bool HasPostgres();

// Opens (or with kCreate, creates) a SQLite store at path. Throws
// StoreError when the file is missing (kReadOnly/kReadWrite), is not a
// newsgraph database, or was written by a newer format version (the message
// names both versions).
std::unique_ptr<Store> OpenSqliteStore(const std::string& path, OpenMode mode);

}  // namespace newsgraph::io
