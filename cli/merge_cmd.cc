// newsgraph merge: combines graph databases built separately (on other
// machines, by other people) into one. Each input document is read back as
// an analysis and added to the output as build would add it: documents are
// keyed by content hash (one in both is kept once), entities are merged by
// id and by graph::EntityResolver (aliases, surnames), and mentions,
// relations and sentences get the output's row ids. Everything is one
// transaction: a failure leaves OUT.db as it was (or absent).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "store/store.h"
#include "graph/merge.h"

namespace newsgraph::cli {
namespace {

struct MergeOptions {
  std::string out;
  std::vector<std::string> inputs;
  bool quiet = false;
};

int RunMerge(const MergeOptions& o) {
  namespace fs = std::filesystem;
  for (const auto& in : o.inputs) {
    std::error_code ec;
    if (fs::equivalent(in, o.out, ec)) {
      std::fprintf(stderr, "newsgraph merge: %s is both output and input\n", in.c_str());
      return kExitFatal;
    }
  }
  bool existed = fs::exists(o.out);
  // Inputs are checked before the output is touched.
  std::vector<std::unique_ptr<io::Store>> inputs;
  try {
    for (const auto& in : o.inputs) inputs.push_back(io::OpenSqliteStore(in, io::OpenMode::kReadOnly));
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  std::unique_ptr<io::Store> out;
  try {
    out = io::OpenSqliteStore(o.out, io::OpenMode::kCreate);
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  uint64_t read = 0, added = 0, duplicate = 0, renamed = 0, merged = 0, skipped = 0;
  int64_t entities_before = 0;
  try {
    auto before = out->Stats();
    entities_before = before.actors + before.issues;
    graph::EntityResolver resolver;
    for (const auto& e : out->Entities()) resolver.Add(e);
    out->Begin();
    for (size_t i = 0; i < inputs.size(); ++i) {
      for (const auto& id : inputs[i]->DocumentIds()) {
        auto a = inputs[i]->LoadAnalysis(id);
        if (!a) continue;
        ++read;
        if (a->doc.origin.empty()) a->doc.origin = o.inputs[i] + ":" + id;
        for (const auto& [from, into] : resolver.Resolve(&*a)) {
          out->MergeEntity(from, into);
          ++merged;
        }
        auto outcome = out->AddDocument(*a);
        if (outcome.status == io::AddStatus::kIdConflict) {
          // Another text under the same id: keep both, the newcomer under
          // an id made unique by its content hash.
          std::string old_id = a->doc.id;
          a->doc.id += "@" + a->doc.hash.substr(0, 8);
          outcome = out->AddDocument(*a);
          if (outcome.status == io::AddStatus::kAdded) {
            ++renamed;
            std::fprintf(stderr, "newsgraph: %s: document id \"%s\" is used by different text in %s; added as \"%s\"\n",
                         o.inputs[i].c_str(), old_id.c_str(), o.out.c_str(), a->doc.id.c_str());
          }
        }
        switch (outcome.status) {
          case io::AddStatus::kAdded:
            ++added;
            skipped += outcome.skipped;
            break;
          case io::AddStatus::kDuplicate:
            ++duplicate;
            break;
          case io::AddStatus::kIdConflict:
            throw io::StoreError(o.inputs[i] + ": document \"" + id + "\" conflicts with " + outcome.detail);
        }
      }
    }
    out->SetMeta("merged_from", [&] {
      std::string s;
      for (const auto& in : o.inputs) s += (s.empty() ? "" : "; ") + in;
      return s;
    }());
    out->Commit();
  } catch (const std::exception& e) {
    try {
      out->Rollback();
    } catch (const std::exception&) {
    }
    out.reset();
    if (!existed) {
      std::error_code ec;
      fs::remove(o.out, ec);
      fs::remove(o.out + "-wal", ec);
      fs::remove(o.out + "-shm", ec);
    }
    std::fprintf(stderr, "newsgraph: merge failed, %s left %s: %s\n", o.out.c_str(),
                 existed ? "unchanged" : "uncreated", e.what());
    return kExitFatal;
  }
  auto st = out->Stats();
  int64_t entities_after = st.actors + st.issues;
  std::fprintf(stderr,
               "merge: read %llu documents: %llu added (%llu under a new id), %llu duplicate; entities %lld -> "
               "%lld (%llu merged by alias or surname)\n",
               static_cast<unsigned long long>(read), static_cast<unsigned long long>(added),
               static_cast<unsigned long long>(renamed), static_cast<unsigned long long>(duplicate),
               static_cast<long long>(entities_before), static_cast<long long>(entities_after),
               static_cast<unsigned long long>(merged));
  if (skipped)
    std::fprintf(stderr, "merge: %llu mentions or relations named unknown entities and were not copied\n",
                 static_cast<unsigned long long>(skipped));
  if (!o.quiet)
    std::printf("%s: %lld documents, %lld sentences, %lld actors, %lld issues, %lld relations\n", o.out.c_str(),
                static_cast<long long>(st.documents), static_cast<long long>(st.sentences),
                static_cast<long long>(st.actors), static_cast<long long>(st.issues),
                static_cast<long long>(st.relations));
  return kExitOk;
}

}  // namespace

Runner SetupMerge(CLI::App& app) {
  auto o = std::make_shared<MergeOptions>();
  app.add_option("out", o->out, "database to merge into (created if missing)")->required();
  app.add_option("inputs", o->inputs, "databases to merge from")->required()->check(CLI::ExistingFile);
  app.add_flag("-q,--quiet", o->quiet, "no summary on stdout");
  return [o] { return RunMerge(*o); };
}

}  // namespace newsgraph::cli
