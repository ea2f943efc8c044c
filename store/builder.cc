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
  for (const auto& [from, into] : resolver_.Resolve(a)) {
    store_.MergeEntity(from, into);
    ++counts_.merged;
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
      ++counts_.renamed;
    } else {
      step.renamed_from.clear();
    }
  }
  step.status = outcome.status;
  step.detail = outcome.detail;
  switch (outcome.status) {
    case AddStatus::kAdded:
      ++counts_.added;
      counts_.skipped += outcome.skipped;
      break;
    case AddStatus::kDuplicate:
      ++counts_.duplicate;
      break;
    case AddStatus::kIdConflict:
      ++counts_.conflicts;
      break;
  }
  if (options_.commit_every > 0 && ++in_batch_ >= options_.commit_every) {
    store_.Commit();
    open_ = false;
    store_.Begin(options_.batch);
    open_ = true;
    in_batch_ = 0;
  }
  return step;
}

void Builder::Finish(const std::map<std::string, std::string>& meta) {
  if (!open_) throw StoreError("Builder::Finish before Begin");
  for (const auto& [k, v] : meta) store_.SetMeta(k, v);
  open_ = false;
  store_.Commit();
}

void Builder::Abort() {
  if (!open_) return;
  open_ = false;
  store_.Rollback();
}

size_t DefaultCommitEvery(const std::string& where) { return IsPostgresUri(where) ? 8 : 0; }

}  // namespace newsgraph::io
