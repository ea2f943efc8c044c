// Shared pieces of the subcommands.
#include "cli/common.h"

#include "cli/commands.h"
#include <sys/stat.h>

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace newsgraph::cli {

const CLI::Validator& RegularFile() {
  static const CLI::Validator check(
      [](std::string& path) -> std::string {
        struct stat st;
        if (::stat(path.c_str(), &st) != 0) return "no such file: " + extract::PrintableText(path);
        if (S_ISDIR(st.st_mode)) return extract::PrintableText(path) + " is a folder, not a file";
        if (!S_ISREG(st.st_mode))
          return extract::PrintableText(path) + " is not a regular file (" +
                 (S_ISFIFO(st.st_mode)  ? "a FIFO"
                  : S_ISCHR(st.st_mode) ? "a character device"
                  : S_ISBLK(st.st_mode) ? "a block device"
                  : S_ISSOCK(st.st_mode) ? "a socket"
                                         : "not a file") +
                 ", which could block or never end)";
        return "";
      },
      "FILE");
  return check;
}

bool ReaderOptionsFromFlags(const ExtractFlags& flags, extract::ReaderOptions* options) {
  options->conllu = flags.input_format == "conllu";
  for (const auto& spec : flags.fields) {
    std::string error;
    if (!options->fields.Set(spec, &error)) {
      std::fprintf(stderr, "newsgraph: %s\n", error.c_str());
      return false;
    }
  }
  return true;
}

void AddExtractFlags(CLI::App& app, ExtractFlags* flags) {
  // Each dictionary flag takes one file (repeat the flag for more), so that
  // `--actors A.txt in.txt` leaves in.txt to the inputs.
  app.add_option("inputs", flags->inputs, "files (.txt, .md, .html, .jsonl), folders, or - for standard input")
      ->required();
  app.add_option("--actors", flags->actor_files,
                 "extra actor dictionary: newsgraph TSV or PETRARCH/TABARI format (repeatable)")
      ->check(RegularFile())
      ->allow_extra_args(false);
  app.add_option("--verbs", flags->verb_files,
                 "event-coding verb dictionary in the PETRARCH/TABARI format (repeatable): it decides "
                 "the actor-to-actor events of the verbs it knows, with their CAMEO codes")
      ->check(RegularFile())
      ->allow_extra_args(false);
  app.add_option("--agents", flags->agent_files,
                 "PETRARCH agents dictionary (roles and groups: \"main opposition group\" -> MOP; repeatable)")
      ->check(RegularFile())
      ->allow_extra_args(false);
  app.add_option("--issues", flags->issue_files,
                 "Phoenix issue-coding dictionary (repeatable): issue nodes get its codes and categories")
      ->check(RegularFile())
      ->allow_extra_args(false);
  app.add_option("--discards", flags->discard_files,
                 "PETRARCH discards dictionary (repeatable): relations of sentences holding a discard "
                 "phrase (of the whole document for a +phrase) are dropped")
      ->check(RegularFile())
      ->allow_extra_args(false);
  app.add_flag("--strict", flags->strict,
               "a dictionary line newsgraph cannot use is an error (exit 2), not a warning");
  app.add_option("--data", flags->data_dir, "folder with lexicons/ and models/ (default: built-in)");
  app.add_option("-j,--jobs", flags->jobs, "worker threads")->check(CLI::Range(1, 256));
  app.add_flag("-q,--quiet", flags->quiet,
               "print only errors and problems with the input (the tally only when documents were rejected)");
  app.add_option("--input-format", flags->input_format,
                 "auto (by file extension: .txt .md .jsonl .conllu) or conllu (every input, and standard "
                 "input, read as CoNLL-U, keeping its tokens and sentences)")
      ->check(CLI::IsMember({"auto", "conllu"}));
  app.add_option("--field", flags->fields,
                 "read a JSON Lines field from another key: FIELD=KEY, FIELD one of id, text, title, "
                 "date, url, source (repeatable: --field text=body --field date=published --field url=link)");
  app.add_flag("--word-order", flags->word_order,
               "read relations from word order instead of the dependency tree (the older method, for comparison)");
}

namespace {

// Reads every user dictionary once on its own, to report and count the
// lines that cannot be used (and, --strict, to stop at the first).
// Extractor::Load reads actors, verbs and agents again, skipping the same
// lines, until it hands back its own reports.
bool ReadUserDictionaries(const ExtractFlags& flags, UserDictionaries* out) {
  extract::DictionaryOptions options;
  options.strict = flags.strict;
  std::string error;
  auto done = [&](bool ok, extract::DictionaryReport& report) {
    if (!ok) {
      std::fprintf(stderr, "newsgraph: %s\n", error.c_str());
      return false;
    }
    if (!flags.quiet) {
      for (const auto& w : report.warnings) std::fprintf(stderr, "newsgraph: warning: %s\n", w.c_str());
      if (report.skipped > report.warnings.size())
        std::fprintf(stderr, "newsgraph: warning: %s: %s more skipped\n", report.path.c_str(),
                     Count(report.skipped - report.warnings.size(), "line").c_str());
    }
    out->reports.push_back(std::move(report));
    return true;
  };
  for (const auto& f : flags.actor_files) {
    extract::Lexicons lexicons;
    extract::DictionaryReport r;
    if (!done(lexicons.AddActorFile(f, options, &r, &error), r)) return false;
  }
  for (const auto& f : flags.verb_files) {
    extract::VerbDictionary verbs;
    extract::DictionaryReport r;
    if (!done(verbs.Load(f, options, &r, &error), r)) return false;
  }
  for (const auto& f : flags.agent_files) {
    extract::Agents agents;
    extract::DictionaryReport r;
    if (!done(agents.AddFile(f, options, &r, &error), r)) return false;
  }
  for (const auto& f : flags.issue_files) {
    if (!out->issues) out->issues = std::make_unique<extract::IssueDictionary>();
    extract::DictionaryReport r;
    if (!done(out->issues->AddFile(f, options, &r, &error), r)) return false;
  }
  for (const auto& f : flags.discard_files) {
    if (!out->discards) out->discards = std::make_unique<extract::Discards>();
    extract::DictionaryReport r;
    if (!done(out->discards->AddFile(f, options, &r, &error), r)) return false;
  }
  return true;
}

}  // namespace

void UserDictionaries::PostProcess(graph::DocumentAnalysis* analysis) const {
  if (discards) extract::ApplyDiscards(*discards, analysis);
  if (issues) extract::ApplyIssueCoding(*issues, analysis);
}

void PrintDictionaryTally(const UserDictionaries& d, const char* what) {
  for (const auto& r : d.reports)
    if (r.skipped)
      std::fprintf(stderr, "newsgraph: %s: dictionary %s (%s): %s read, %s, %s skipped\n", what, r.path.c_str(),
                   r.kind.c_str(), Count(r.lines, "line").c_str(), Count(r.entries, "entry").c_str(),
                   Count(r.skipped, "line").c_str());
}

std::unique_ptr<extract::Extractor> LoadExtractor(const ExtractFlags& flags, UserDictionaries* dictionaries) {
  UserDictionaries local;
  if (!dictionaries) dictionaries = &local;
  if (!ReadUserDictionaries(flags, dictionaries)) return nullptr;
  extract::ExtractorOptions options;
  options.data_dir = flags.data_dir;
  if (options.data_dir.empty()) {
    if (const char* env = std::getenv("NEWSGRAPH_DATA")) options.data_dir = env;
  }
  options.actor_files = flags.actor_files;
  options.verb_files = flags.verb_files;
  options.agent_files = flags.agent_files;
  options.no_parser = flags.word_order;
  options.strict_dictionaries = flags.strict;
  std::string error;
  auto x = extract::Extractor::Load(options, &error);
  if (!x) std::fprintf(stderr, "newsgraph: %s\n", error.c_str());
  return x;
}

void PrintDiagnostic(const extract::Diagnostic& d) {
  // File names and record text come from the input: no raw control bytes
  // (terminal escape sequences) or invalid UTF-8 reach the terminal.
  std::fprintf(stderr, "newsgraph: %s%s: %s\n", d.rejected ? "" : "warning: ",
               extract::PrintableText(d.where).c_str(), extract::PrintableText(d.message).c_str());
}

void PrintTally(const extract::ReadTally& t, const char* what) {
  std::fprintf(stderr, "newsgraph: %s: read %s: %llu accepted, %llu rejected", what,
               Count(t.read, "document").c_str(), static_cast<unsigned long long>(t.accepted),
               static_cast<unsigned long long>(t.rejected));
  if (t.skipped_files)
    std::fprintf(stderr, " (%s skipped)", Count(t.skipped_files, "other file").c_str());
  if (t.bad_dates)
    std::fprintf(stderr, "; %llu with a date not understood, kept without it",
                 static_cast<unsigned long long>(t.bad_dates));
  std::fputc('\n', stderr);
}

namespace {

// Documents travel between threads in batches of about this much text, so
// that locking and waking cost little next to the analysis (news documents
// are a few kilobytes each).
constexpr size_t kBatchBytes = 64 * 1024;
constexpr size_t kBatchDocuments = 64;

Analyzed Analyze(const extract::Extractor& extractor, graph::Document&& doc,
                 const std::function<void(Analyzed&)>& render) {
  if (doc.hash.empty()) doc.hash = graph::ContentHash(doc.text);
  Analyzed a{extractor.Analyze(std::move(doc)), {}};
  if (render) render(a);
  return a;
}

}  // namespace

void AnalyzeAll(const extract::Extractor& extractor, extract::DocumentReader& reader,
                const std::vector<std::string>& inputs, int jobs,
                const std::function<void(Analyzed&)>& render,
                const std::function<void(Analyzed&&)>& consume,
                const std::function<void(const extract::Diagnostic&)>& report) {
  if (jobs <= 1) {
    reader.Read(inputs, [&](graph::Document&& doc) { consume(Analyze(extractor, std::move(doc), render)); },
                report);
    return;
  }
  // Reader (this thread) -> bounded queue of batches -> workers -> results
  // by batch number -> consumer thread in input order. Output equals
  // --jobs 1. At most `capacity` batches are between reading and
  // consuming, so memory does not grow with the corpus. Each waiter has its
  // own condition variable, so a change wakes only the threads it concerns.
  using Batch = std::vector<graph::Document>;
  std::mutex mu;
  std::condition_variable work_cv, space_cv, result_cv;
  std::deque<std::pair<uint64_t, Batch>> queue;
  std::map<uint64_t, std::vector<Analyzed>> done;
  uint64_t next_in = 0, next_out = 0;
  bool finished_reading = false;
  const size_t capacity = static_cast<size_t>(jobs) * 3;
  std::exception_ptr failure;
  auto fail = [&](std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(mu);
    if (!failure) failure = e;
    work_cv.notify_all();
    space_cv.notify_all();
    result_cv.notify_all();
  };

  auto worker = [&] {
    for (;;) {
      std::pair<uint64_t, Batch> item;
      {
        std::unique_lock<std::mutex> lock(mu);
        work_cv.wait(lock, [&] { return !queue.empty() || finished_reading || failure; });
        if (failure || (queue.empty() && finished_reading)) return;
        item = std::move(queue.front());
        queue.pop_front();
      }
      std::vector<Analyzed> results;
      results.reserve(item.second.size());
      try {
        for (auto& doc : item.second) results.push_back(Analyze(extractor, std::move(doc), render));
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      bool next = false;
      {
        std::lock_guard<std::mutex> lock(mu);
        next = item.first == next_out;
        done.emplace(item.first, std::move(results));
      }
      if (next) result_cv.notify_one();
    }
  };
  auto consumer = [&] {
    for (;;) {
      std::vector<Analyzed> batch;
      {
        std::unique_lock<std::mutex> lock(mu);
        result_cv.wait(lock, [&] {
          return done.count(next_out) || (finished_reading && next_out == next_in) || failure;
        });
        if (failure) return;
        auto it = done.find(next_out);
        if (it == done.end()) return;
        batch = std::move(it->second);
        done.erase(it);
        ++next_out;
      }
      space_cv.notify_one();
      try {
        for (auto& a : batch) consume(std::move(a));
      } catch (...) {
        fail(std::current_exception());
        return;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i) threads.emplace_back(worker);
  std::thread consumer_thread(consumer);
  Batch batch;
  size_t batch_bytes = 0;
  auto push = [&] {
    if (batch.empty()) return;
    {
      std::unique_lock<std::mutex> lock(mu);
      space_cv.wait(lock, [&] { return next_in - next_out < capacity || failure; });
      if (failure) return;
      queue.emplace_back(next_in++, std::move(batch));
    }
    work_cv.notify_one();
    batch = Batch();
    batch_bytes = 0;
  };
  try {
    reader.Read(inputs,
                [&](graph::Document&& doc) {
                  batch_bytes += doc.text.size();
                  batch.push_back(std::move(doc));
                  if (batch_bytes >= kBatchBytes || batch.size() >= kBatchDocuments) push();
                },
                report);
    push();
  } catch (...) {
    fail(std::current_exception());
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    finished_reading = true;
  }
  work_cv.notify_all();
  result_cv.notify_all();
  for (auto& t : threads) t.join();
  consumer_thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace newsgraph::cli
