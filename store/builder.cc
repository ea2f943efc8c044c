// The library-level builder (store/builder.h).
#include "store/builder.h"

namespace newsgraph::io {

Builder::Builder(Store& store, Options options) : store_(store), options_(options) {}

Builder::~Builder() {
  if (!open_) return;
  try {
    store_.Rollback();
  } catch (...) {
  }
}

void Builder::Begin() {
  for (const auto& e : store_.Entities()) resolver_.Add(e);
  for (const auto& [name, id] : store_.CuratedAliases()) resolver_.AddCurated(name, id);  // newsgraph alias
  store_.Begin(options_.batch);
  open_ = true;
  in_batch_ = 0;
}

BuildStep Builder::Add(graph::DocumentAnalysis* a) {
  if (!open_) throw StoreError("Builder::Add before Begin");
  ++counts_.read;
  auto merges = resolver_.Resolve(a);
  // Another builder writing the same rows at the same moment (PostgreSQL)
  // makes a write fail with StoreConflict: the transaction is rolled back
  // and replayed, its documents and this one, a few times.
  constexpr int kAttempts = 8;
  for (int attempt = 1;; ++attempt) {
    try {
      BuildCounts counts = counts_;
      graph::DocumentAnalysis copy;
      if (options_.commit_every > 0) copy = *a;
      BuildStep step = Apply(merges, options_.commit_every > 0 ? &copy : a, &counts);
      if (options_.commit_every > 0) {
        *a = copy;
        pending_.push_back({merges, std::move(copy)});
      }
      counts_ = counts;
      MaybeCommit();
      return step;
    } catch (const StoreConflict&) {
      if (options_.commit_every == 0 || attempt >= kAttempts) throw;
      open_ = false;
      store_.Rollback();
      store_.Begin(options_.batch);
      open_ = true;
      std::vector<Pending> replay = std::move(pending_);
      pending_.clear();
      try {
        for (auto& p : replay) {
          Apply(p.merges, &p.analysis, nullptr);
          pending_.push_back(std::move(p));
        }
      } catch (const StoreConflict&) {
        // The next attempt replays them again.
        for (size_t i = pending_.size(); i < replay.size(); ++i) pending_.push_back(std::move(replay[i]));
      }
    }
  }
}

BuildStep Builder::Apply(const std::vector<std::pair<std::string, std::string>>& merges,
                         graph::DocumentAnalysis* a, BuildCounts* counts) {
  BuildCounts ignored;
  BuildCounts& c = counts ? *counts : ignored;
  for (const auto& [from, into] : merges) {
    store_.MergeEntity(from, into);
    ++c.merged;
  }
  BuildStep step;
  AddOutcome outcome = store_.AddDocument(*a);
  if (outcome.status == AddStatus::kIdConflict && options_.on_id_conflict == IdConflictPolicy::kRename) {
    // Another text under the same id: keep both, the newcomer under an id
    // made unique by its content hash.
    std::string hash = a->doc.hash.empty() ? graph::ContentHash(a->doc.text) : a->doc.hash;
    step.renamed_from = a->doc.id;
    a->doc.id += "@" + hash.substr(0, 8);
    outcome = store_.AddDocument(*a);
    if (outcome.status == AddStatus::kAdded) {
      ++c.renamed;
    } else {
      step.renamed_from.clear();
    }
  }
  step.status = outcome.status;
  step.detail = outcome.detail;
  switch (outcome.status) {
    case AddStatus::kAdded:
      ++c.added;
      c.skipped += outcome.skipped;
      break;
    case AddStatus::kDuplicate:
      ++c.duplicate;
      break;
    case AddStatus::kIdConflict:
      ++c.conflicts;
      break;
  }
  return step;
}

void Builder::MaybeCommit() {
  if (options_.commit_every == 0 || ++in_batch_ < options_.commit_every) return;
  open_ = false;
  store_.Commit();
  pending_.clear();
  store_.Begin(options_.batch);
  open_ = true;
  in_batch_ = 0;
}

void Builder::Finish(const std::map<std::string, std::string>& meta) {
  if (!open_) throw StoreError("Builder::Finish before Begin");
  for (const auto& [k, v] : meta) store_.SetMeta(k, v);
  open_ = false;
  store_.Commit();
  pending_.clear();
}

void Builder::Abort() {
  if (!open_) return;
  open_ = false;
  pending_.clear();
  store_.Rollback();
}

// PostgreSQL: one document per transaction. Each document's new entities
// are inserted in id order, so builders committing single documents never
// wait on each other in a cycle; a transaction of several documents would
// (document 1's entities, then document 2's), and each deadlock costs the
// server's deadlock_timeout (1 s) before one of them is retried.
size_t DefaultCommitEvery(const std::string& where) { return IsPostgresUri(where) ? 1 : 0; }

}  // namespace newsgraph::io
