// The library-level builder (store/builder.h).
#include "store/builder.h"

#include <map>

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
  for (const auto& e : store_.Entities()) {
    seen_.insert(e.id);
    resolver_.Add(e);
  }
  for (const auto& [name, id] : store_.CuratedAliases()) resolver_.AddCurated(name, id);  // newsgraph alias
  store_.Begin(options_.batch);
  open_ = true;
  in_batch_ = 0;
}

BuildStep Builder::Add(graph::DocumentAnalysis* a) {
  if (!open_) throw StoreError("Builder::Add before Begin");
  ++counts_.read;
  auto merges = resolver_.Resolve(a);
  for (const auto& e : a->entities) seen_.insert(e.id);
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

size_t Builder::ReconcileLoneNames() {
  // A resolver that knows every stored entity but the lone person names,
  // then each lone name offered to it as a document of its own: the one it
  // renames joins the full name now stored. Another builder writing into
  // the same database at the same time stored "Angela Merkel" after this
  // one had loaded the store and made "Merkel" a node of its own; whoever
  // finishes last sees both.
  graph::EntityResolver fresh;
  for (const auto& [name, id] : store_.CuratedAliases()) fresh.AddCurated(name, id);
  std::vector<graph::Entity> all = store_.Entities();
  std::vector<const graph::Entity*> lone;
  for (const auto& e : all) {
    if (e.kind == graph::EntityKind::kActor && e.category == "person" && e.label.find(' ') == std::string::npos)
      lone.push_back(&e);
    else
      fresh.Add(e);
  }
  std::map<std::string, const graph::Entity*> by_id;
  for (const auto& e : all) by_id[e.id] = &e;
  // Only a surname joining a full-name person ("Merkel" -> "Angela
  // Merkel"): the resolver's other rules (aliases, shorter forms) stay with
  // the documents that saw both names.
  auto surname_of = [](const graph::Entity& full, const graph::Entity& lone_one) {
    const std::string& l = full.label;
    size_t sp = l.rfind(' ');
    return full.kind == graph::EntityKind::kActor && full.category == "person" && sp != std::string::npos &&
           graph::FoldKey(l.substr(sp + 1)) == graph::FoldKey(lone_one.label);
  };
  size_t merged = 0;
  for (const graph::Entity* e : lone) {
    graph::DocumentAnalysis a;
    a.entities.push_back(*e);
    fresh.Resolve(&a);
    if (a.entities.size() != 1 || a.entities[0].id == e->id) continue;
    auto target = by_id.find(a.entities[0].id);
    if (target == by_id.end() || !surname_of(*target->second, *e)) continue;
    // Both seen by this run's resolver: it decided on them already (a
    // single builder's graph is left as it made it).
    if (seen_.count(e->id) && seen_.count(target->first)) continue;
    store_.MergeEntity(e->id, a.entities[0].id);
    ++merged;
  }
  return merged;
}

void Builder::Finish(const std::map<std::string, std::string>& meta) {
  if (!open_) throw StoreError("Builder::Finish before Begin");
  for (const auto& [k, v] : meta) store_.SetMeta(k, v);
  if (options_.commit_every == 0) {
    // One transaction: no other builder wrote meanwhile (SQLite's writer
    // lock); the resolver saw every name of the run in order.
    open_ = false;
    store_.Commit();
    pending_.clear();
    return;
  }
  open_ = false;
  store_.Commit();
  pending_.clear();
  // Batches were committed as they filled: other builders may have stored
  // the full names of this run's lone names meanwhile.
  constexpr int kAttempts = 8;
  for (int attempt = 1;; ++attempt) {
    store_.Begin(options_.batch);
    try {
      size_t merged = ReconcileLoneNames();
      store_.Commit();
      counts_.merged += merged;
      return;
    } catch (const StoreConflict&) {
      store_.Rollback();
      if (attempt >= kAttempts) throw;
    } catch (...) {
      store_.Rollback();
      throw;
    }
  }
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
