// The library-level builder: what `newsgraph build` and `newsgraph merge`
// (and any program using newsgraph as a library) do with each analysed
// document before it is in a store. It resolves the document's entities
// against the store (graph::EntityResolver: aliases, surnames, curated
// aliases), merges stored entities the resolver found to be the same,
// adds the document, applies the id-conflict policy, counts what happened,
// and writes the run's metadata. The CLI only parses flags and prints.
//
// Transactions: with Options::commit_every = 0 the whole run is one
// transaction (SQLite's default: an interrupted build leaves the file as
// it was). With commit_every = n every n documents are committed together,
// so that other builders writing into the same PostgreSQL database wait on
// nothing for long and readers see documents as they arrive; an
// interrupted run then keeps what it committed and a rerun adds the rest
// (documents are keyed by content hash).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graph/merge.h"
#include "graph/types.h"
#include "store/store.h"

namespace newsgraph::io {

// What to do with a document whose id the store already holds for
// different text.
enum class IdConflictPolicy {
  kReject,  // not added; counted in BuildCounts::conflicts (build)
  kRename,  // added under "id@" + the first 8 hex digits of its hash (merge)
};

struct BuildCounts {
  uint64_t read = 0;        // documents offered to Add
  uint64_t added = 0;       // stored (renamed ones included)
  uint64_t duplicate = 0;   // same content already stored
  uint64_t conflicts = 0;   // kReject: id used by other text, not stored
  uint64_t renamed = 0;     // kRename: stored under a new id
  uint64_t merged = 0;      // stored entities merged into another by the resolver
  uint64_t skipped = 0;     // mentions and relations naming unknown entities
};

// What Add did with one document.
struct BuildStep {
  AddStatus status = AddStatus::kAdded;
  std::string detail;      // kDuplicate/kIdConflict: the stored document's id or origin
  std::string renamed_from;  // kRename: the id the document came with ("" when kept)
};

class Builder {
 public:
  struct Options {
    IdConflictPolicy on_id_conflict = IdConflictPolicy::kReject;
    // Documents per transaction; 0: the whole run in one.
    size_t commit_every = 0;
    // How a failed write inside a transaction is undone (see Store::Batch).
    Store::Batch batch = Store::Batch::kAllOrNothing;
  };

  Builder(Store& store, Options options);
  // An unfinished run is rolled back.
  ~Builder();
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;

  // Loads what the store knows (entities, curated aliases) into the
  // resolver and opens the first transaction.
  void Begin();
  // Resolves, merges and adds one document (its ids are rewritten in
  // place). Throws StoreError on a store failure; the run must then be
  // aborted.
  BuildStep Add(graph::DocumentAnalysis* analysis);
  // Writes the metadata (key -> value) and commits. A run that committed
  // as it went (commit_every > 0, PostgreSQL) then joins its lone surnames
  // to the one full-name person now stored with that surname ("Merkel" ->
  // "Angela Merkel", stored by another builder while this one ran).
  void Finish(const std::map<std::string, std::string>& meta);
  // Rolls the open transaction back (what was committed stays).
  void Abort();

  const BuildCounts& counts() const { return counts_; }
  Store& store() { return store_; }

 private:
  // Merges and adds one resolved document; counts into *counts when given.
  BuildStep Apply(const std::vector<std::pair<std::string, std::string>>& merges, graph::DocumentAnalysis* a,
                  BuildCounts* counts);
  // Commits the batch when it is full (commit_every).
  void MaybeCommit();
  // The lone-name merges of Finish, inside the open transaction; returns
  // how many entities were merged.
  size_t ReconcileLoneNames();

  // A document of the open transaction, kept so that the transaction can
  // be replayed after a StoreConflict (commit_every > 0 only).
  struct Pending {
    std::vector<std::pair<std::string, std::string>> merges;
    graph::DocumentAnalysis analysis;
  };

  Store& store_;
  Options options_;
  std::vector<Pending> pending_;
  graph::EntityResolver resolver_;
  // Entities this run's resolver has seen: stored when it began, or in a
  // document it added. Lone names and full names both seen were resolved
  // already; Finish joins only pairs another builder stored meanwhile.
  std::unordered_set<std::string> seen_;
  BuildCounts counts_;
  bool open_ = false;
  size_t in_batch_ = 0;  // documents in the open transaction
};

// Default documents per transaction for a store: 0 (one transaction) for
// SQLite, a few for PostgreSQL, where other builders write at once.
size_t DefaultCommitEvery(const std::string& where);

}  // namespace newsgraph::io
