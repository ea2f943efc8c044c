// pipeline_bench: end-to-end throughput and memory of `newsgraph extract`
// and `newsgraph build` on generated news corpora of chosen sizes, against
// a plain tokenizing pass over the same corpus measured in the same run.
// Not a test (ctest does not run it); see bench/README.md.
//
// For each size it writes a corpus (bench/corpus.h) into a temporary folder,
// then measures, each once:
//   plain-tok   a plain C++ tokenizing pass over the file bytes (split at
//               ASCII spaces and punctuation, count tokens): the floor;
//   ng-tok      newsgraph's reader + Tokenize + SplitSentences, one thread;
//   extract -j1 / -jN   `newsgraph extract --quiet -o out.jsonl corpus`;
//   ceiling xN  N independent `newsgraph extract --quiet --jobs 1` processes
//               at the same time, each into its own file: what the machine
//               gives N single-thread processes, the most -jN could reach;
//   build -j1 / -jN     `newsgraph build --db x.db corpus` (into a new
//                       database, summary included: end to end).
// The newsgraph runs are child processes: wall time, and peak RSS from
// wait4(). MB are 10^6 bytes of document text (the JSON around it is not
// counted). It checks that extract -jN output is byte-identical to -j1 and
// that build -jN's database has the same `sqlite3 .dump` as -j1's.
#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/corpus.h"
#include "store/store.h"
#include "extract/extractor.h"
#include "extract/reader.h"
#include "extract/text.h"

extern char** environ;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string newsgraph, corpora, tmp;
  std::vector<double> sizes = {10, 100};
  int jobs = 0;  // 0: the cores available
  uint64_t seed = 1;
  bool keep = false, extract = true, build = true, ceiling = true;
  double max_scaling_mb = 1e9;  // run the -jN passes only up to this size
};

void Usage() {
  std::fprintf(stderr,
               "usage: pipeline_bench [--sizes 10,100,1000] [--jobs N] [--newsgraph PATH]\n"
               "                      [--corpora DIR] [--tmp DIR] [--seed N] [--keep]\n"
               "                      [--no-extract] [--no-build] [--no-ceiling] [--scaling-up-to MB]\n"
               "  sizes in MB (10^6 bytes) of corpus; --jobs N adds -jN passes (default: cores)\n"
               "  and the ceiling pass (N independent extract --jobs 1 processes at once)\n");
}

double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct RunResult {
  bool ok = false;
  int exit_code = -1;
  double seconds = 0;      // wall
  double cpu_seconds = 0;  // user + system, all threads
  long max_rss_kb = 0;
};

// posix_spawn starts a child on this process's memory (vfork), and Linux
// then counts this process's peak RSS so far in the child's ru_maxrss: after
// the in-process passes, every child would report at least their peak.
// Returns memory to the system and resets this process's peak to its
// current RSS (/proc/self/clear_refs, Linux 4.0 on), so that a child's peak
// RSS is its own (or this process's current RSS, if that is larger).
long own_rss_kb_at_spawn = 0;  // the largest, for the footer

void ResetPeakRss() {
  static bool warned = false;
  malloc_trim(0);
  {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    if (statm >> pages >> resident)
      own_rss_kb_at_spawn = std::max(own_rss_kb_at_spawn, resident * (sysconf(_SC_PAGESIZE) / 1024));
  }
  std::ofstream f("/proc/self/clear_refs");
  f << "5";
  f.close();
  if (!f && !warned) {
    warned = true;
    std::fprintf(stderr, "pipeline_bench: cannot reset the peak RSS (/proc/self/clear_refs): children's peak RSS "
                         "may include this program's own\n");
  }
}

struct Command {
  std::vector<std::string> args;
  std::string out_path, err_path;
};

// Runs the commands at the same time, each with stdout to its out_path and
// stderr to its err_path, and waits for all of them. A program name without
// a slash is looked up in PATH. Each result's wall time runs from its own
// start to its exit; *span (if given) from the first start to the last exit.
std::vector<RunResult> SpawnAll(const std::vector<Command>& commands, double* span = nullptr) {
  std::vector<RunResult> results(commands.size());
  std::vector<pid_t> pids(commands.size(), -1);
  std::vector<Clock::time_point> starts(commands.size());
  ResetPeakRss();
  auto first = Clock::now();
  size_t running = 0;
  for (size_t k = 0; k < commands.size(); ++k) {
    const auto& c = commands[k];
    std::vector<char*> argv;
    for (const auto& a : c.args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, c.out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, c.err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    starts[k] = Clock::now();
    int rc = posix_spawnp(&pids[k], argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
      std::fprintf(stderr, "pipeline_bench: cannot run %s: %s\n", argv[0], std::strerror(rc));
      pids[k] = -1;
      continue;
    }
    ++running;
  }
  // The bench runs no other children meanwhile, so any child that exits is
  // one of these.
  while (running > 0) {
    int status = 0;
    struct rusage ru {};
    pid_t pid = wait4(-1, &status, 0, &ru);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto end = Clock::now();
    size_t k = 0;
    while (k < pids.size() && pids[k] != pid) ++k;
    if (k == pids.size()) continue;
    --running;
    RunResult& r = results[k];
    r.seconds = std::chrono::duration<double>(end - starts[k]).count();
    r.max_rss_kb = ru.ru_maxrss;
    r.cpu_seconds = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.ok = r.exit_code == 0;
    if (span) *span = std::chrono::duration<double>(end - first).count();
  }
  for (size_t k = 0; k < commands.size(); ++k) {
    if (pids[k] < 0 || results[k].ok) continue;
    const auto& c = commands[k];
    std::fprintf(stderr, "pipeline_bench: %s exited with %d; its stderr (%s):\n", c.args[1].c_str(),
                 results[k].exit_code, c.err_path.c_str());
    std::ifstream e(c.err_path);
    std::string line;
    for (int n = 0; n < 10 && std::getline(e, line); ++n) std::fprintf(stderr, "  %s\n", line.c_str());
  }
  return results;
}

// Runs argv with stdout to out_path and stderr to err_path; waits.
RunResult Spawn(const std::vector<std::string>& args, const std::string& out_path, const std::string& err_path) {
  return SpawnAll({{args, out_path, err_path}})[0];
}

bool SameFile(const std::string& a, const std::string& b) {
  std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
  if (!fa || !fb) return false;
  std::vector<char> ba(1 << 20), bb(1 << 20);
  for (;;) {
    fa.read(ba.data(), ba.size());
    fb.read(bb.data(), bb.size());
    if (fa.gcount() != fb.gcount()) return false;
    if (std::memcmp(ba.data(), bb.data(), fa.gcount()) != 0) return false;
    if (fa.gcount() == 0) return true;
  }
}

// Whether two databases hold the same content: `sqlite3 db .dump` outputs
// compared byte for byte (rows in rowid order, so insertion order counts).
// Returns "same", "DIFFERENT" or "unknown" (no sqlite3 program).
std::string SameDump(const std::string& a, const std::string& b, const std::string& tmp) {
  std::string da = tmp + "/dump-a.sql", db = tmp + "/dump-b.sql";
  auto ra = Spawn({"sqlite3", a, ".dump"}, da, tmp + "/dump.err");
  auto rb = Spawn({"sqlite3", b, ".dump"}, db, tmp + "/dump.err");
  std::string verdict = !ra.ok || !rb.ok ? "unknown" : SameFile(da, db) ? "same" : "DIFFERENT";
  std::filesystem::remove(da);
  std::filesystem::remove(db);
  return verdict;
}

// The floor: a plain tokenizer over the raw file bytes, as a C++ program
// would write one (a token is a run of bytes that are not ASCII spaces or
// punctuation, each punctuation byte is a token). Returns tokens counted.
uint64_t PlainTokenize(const std::string& path, double* seconds, double* cpu, uint64_t* bytes) {
  static bool word_byte[256];
  for (int c = 0; c < 256; ++c) word_byte[c] = c >= 0x80 || std::isalnum(c);
  auto t0 = Clock::now();
  double c0 = ThreadCpu();
  FILE* f = std::fopen(path.c_str(), "rb");
  std::vector<char> buf(1 << 20);
  uint64_t tokens = 0, n = 0;
  bool in_word = false;
  size_t got;
  while (f && (got = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    n += got;
    for (size_t i = 0; i < got; ++i) {
      auto c = static_cast<unsigned char>(buf[i]);
      bool w = word_byte[c];
      tokens += w && !in_word;
      tokens += !w && c > ' ';
      in_word = w;
    }
  }
  if (f) std::fclose(f);
  *seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  *cpu = ThreadCpu() - c0;
  *bytes = n;
  return tokens;
}

struct TokStats {
  uint64_t docs = 0, sentences = 0, tokens = 0, text_bytes = 0;
  double seconds = 0, cpu_seconds = 0;
};

// newsgraph's own reading, tokenizing and sentence splitting, one thread.
TokStats NewsgraphTokenize(const std::string& path) {
  TokStats st;
  auto t0 = Clock::now();
  double c0 = ThreadCpu();
  newsgraph::extract::DocumentReader reader;
  std::vector<newsgraph::extract::Token> toks;
  std::vector<newsgraph::extract::SentenceBounds> sents;
  reader.Read(
      {path},
      [&](newsgraph::graph::Document&& d) {
        newsgraph::extract::Tokenize(d.text, &toks);
        newsgraph::extract::SplitSentences(d.text, &toks, &sents);
        ++st.docs;
        st.sentences += sents.size();
        st.tokens += toks.size();
        st.text_bytes += d.text.size();
      },
      [](const newsgraph::extract::Diagnostic& d) {
        std::fprintf(stderr, "pipeline_bench: %s\n", d.ToString().c_str());
      });
  st.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  st.cpu_seconds = ThreadCpu() - c0;
  return st;
}

// Extraction and the SQLite insert path in this process, one thread, without
// build's cross-document entity resolution: separates the store's cost from
// the extractor's. Returns false when loading or writing fails.
bool InProcessStore(const std::string& corpus, const std::string& db, double* seconds, double* cpu,
                    double* store_cpu, std::string* error) {
  newsgraph::extract::ExtractorOptions xo;
  auto x = newsgraph::extract::Extractor::Load(xo, error);
  if (!x) return false;
  try {
    auto store = newsgraph::io::OpenSqliteStore(db, newsgraph::io::OpenMode::kCreate);
    auto t0 = Clock::now();
    double c0 = ThreadCpu();
    *store_cpu = 0;
    store->Begin(newsgraph::io::Store::Batch::kAllOrNothing);  // as build does
    newsgraph::extract::DocumentReader reader;
    reader.Read(
        {corpus},
        [&](newsgraph::graph::Document&& d) {
          auto a = x->Analyze(std::move(d));
          double s0 = ThreadCpu();
          store->AddDocument(a);
          *store_cpu += ThreadCpu() - s0;
        },
        [](const newsgraph::extract::Diagnostic&) {});
    double s0 = ThreadCpu();
    store->Commit();
    *store_cpu += ThreadCpu() - s0;
    *seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    *cpu = ThreadCpu() - c0;
  } catch (const std::exception& e) {
    *error = e.what();
    return false;
  }
  return true;
}

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string DefaultNewsgraph(const char* argv0) {
  std::error_code ec;
  fs::path self = fs::canonical("/proc/self/exe", ec);
  if (ec) self = fs::absolute(argv0);
  for (auto p : {self.parent_path().parent_path() / "newsgraph", self.parent_path() / "newsgraph"})
    if (fs::exists(p)) return p.string();
  return "newsgraph";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (const char* env = std::getenv("NEWSGRAPH_CORPORA")) o.corpora = env;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) { Usage(); std::exit(2); }
      return argv[++i];
    };
    if (a == "--sizes") {
      o.sizes.clear();
      std::stringstream ss(value());
      std::string s;
      while (std::getline(ss, s, ',')) o.sizes.push_back(std::atof(s.c_str()));
    } else if (a == "--jobs") o.jobs = std::atoi(value().c_str());
    else if (a == "--newsgraph") o.newsgraph = value();
    else if (a == "--corpora") o.corpora = value();
    else if (a == "--tmp") o.tmp = value();
    else if (a == "--seed") o.seed = std::strtoull(value().c_str(), nullptr, 10);
    else if (a == "--keep") o.keep = true;
    else if (a == "--no-extract") o.extract = false;
    else if (a == "--no-build") o.build = false;
    else if (a == "--no-ceiling") o.ceiling = false;
    else if (a == "--scaling-up-to") o.max_scaling_mb = std::atof(value().c_str());
    else { Usage(); return 2; }
  }
  if (o.jobs <= 0) o.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (o.newsgraph.empty()) o.newsgraph = DefaultNewsgraph(argv[0]);
  if (o.corpora.empty()) o.corpora = std::string(NEWSGRAPH_DATA_DIR) + "/../../shared/corpora";
  if (!fs::exists(o.newsgraph)) {
    std::fprintf(stderr, "pipeline_bench: newsgraph binary not found at %s (use --newsgraph)\n",
                 o.newsgraph.c_str());
    return 2;
  }

  newsgraph::bench::Sources src;
  std::vector<std::string> messages;
  bool have = newsgraph::bench::LoadSources(o.corpora, &src, &messages);
  for (const auto& m : messages) std::fprintf(stderr, "pipeline_bench: %s\n", m.c_str());
  if (!have) {
    std::fprintf(stderr, "pipeline_bench: no source corpora in %s: skipping the benchmark\n", o.corpora.c_str());
    return 0;
  }
  bool own_tmp = o.tmp.empty();
  if (own_tmp) {
    std::string tmpl = (fs::temp_directory_path() / "newsgraph-bench-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
      std::fprintf(stderr, "pipeline_bench: cannot create a temporary folder: %s\n", std::strerror(errno));
      return 2;
    }
    o.tmp = tmpl;
  } else {
    fs::create_directories(o.tmp);
  }
  std::printf("newsgraph %s\ncorpora %s (%zu articles, %zu items, %.2f MB of distinct text)\n"
              "temporary folder %s\ncores %u, -jN passes with N = %d\n\n",
              o.newsgraph.c_str(), o.corpora.c_str(), src.articles.size(), src.items.size(), src.bytes / 1e6,
              o.tmp.c_str(), std::thread::hardware_concurrency(), o.jobs);

  // Fixed cost: loading lexicons, the tagger model and WordNet.
  std::string tiny = o.tmp + "/tiny.txt";
  std::ofstream(tiny) << "Russia and Ukraine agreed to talks.\n";
  auto startup = Spawn({o.newsgraph, "extract", "--quiet", tiny}, o.tmp + "/tiny.out", o.tmp + "/tiny.err");
  std::printf("startup (extract of one sentence): %.3f s, peak RSS %.0f MB\n\n", startup.seconds,
              startup.max_rss_kb / 1024.0);
  std::fflush(stdout);

  struct Row {
    std::string size, pass;
    double mbps = 0, cpu_mbps = 0, docs = 0, sents = 0, rss_mb = 0, ratio = 0, seconds = 0, cpu = 0;
    std::string note;
  };
  std::vector<Row> rows;
  auto print_row = [](const Row& r) {
    std::printf("| %7s | %-11s | %7.1f | %7.1f | %8.2f | %8.2f | %7.0f | %8.0f | %6.0f | %7.4f | %s |\n",
                r.size.c_str(), r.pass.c_str(), r.seconds, r.cpu, r.mbps, r.cpu_mbps, r.docs, r.sents, r.rss_mb,
                r.ratio, r.note.c_str());
    std::fflush(stdout);
  };
  std::printf("| size MB | pass        | wall s  | CPU s   | MB/s     | MB/CPU-s | docs/s  | sents/s  | RSS MB | ratio   | note |\n"
              "|---------|-------------|---------|---------|----------|----------|---------|----------|--------|---------|------|\n");
  int failures = 0;
  for (double mb : o.sizes) {
    char size_name[32];
    std::snprintf(size_name, sizeof size_name, "%g", mb);
    std::string corpus = o.tmp + "/corpus-" + size_name + ".jsonl";
    {
      std::ofstream out(corpus, std::ios::binary);
      auto st = newsgraph::bench::WriteCorpus(src, static_cast<uint64_t>(mb * 1e6), o.seed, out);
      (void)st;
    }
    double plain_s, plain_cpu;
    uint64_t file_bytes;
    uint64_t plain_tokens = PlainTokenize(corpus, &plain_s, &plain_cpu, &file_bytes);
    TokStats ts = NewsgraphTokenize(corpus);
    double text_mb = ts.text_bytes / 1e6;
    double plain_mbps = file_bytes / 1e6 / plain_s, plain_cpu_mbps = file_bytes / 1e6 / plain_cpu;
    auto row = [&](const std::string& pass, double seconds, double cpu, double rss_kb, std::string note) {
      Row r;
      r.size = size_name;
      r.pass = pass;
      r.seconds = seconds;
      r.cpu = cpu;
      r.mbps = text_mb / seconds;
      r.cpu_mbps = text_mb / cpu;
      r.docs = ts.docs / seconds;
      r.sents = ts.sentences / seconds;
      r.rss_mb = rss_kb / 1024.0;
      r.ratio = r.cpu_mbps / plain_cpu_mbps;
      r.note = std::move(note);
      rows.push_back(r);
      print_row(r);
      return r;
    };
    {
      Row r;
      r.size = size_name;
      r.pass = "plain-tok";
      r.seconds = plain_s;
      r.cpu = plain_cpu;
      r.mbps = plain_mbps;
      r.cpu_mbps = plain_cpu_mbps;
      r.ratio = 1;
      r.note = std::to_string(plain_tokens) + " tokens, " + std::to_string(file_bytes) + " file bytes";
      rows.push_back(r);
      print_row(r);
    }
    row("ng-tok", ts.seconds, ts.cpu_seconds, 0,
        std::to_string(ts.docs) + " docs, " + std::to_string(ts.sentences) + " sentences, " +
            std::to_string(ts.tokens) + " tokens, " + std::to_string(ts.text_bytes) + " text bytes");
    bool scaling = o.jobs > 1 && mb <= o.max_scaling_mb;
    if (o.extract) {
      std::string out1 = o.tmp + "/extract-j1.jsonl", outn = o.tmp + "/extract-jN.jsonl";
      auto r1 = Spawn({o.newsgraph, "extract", "--quiet", "-o", out1, corpus}, "/dev/null", o.tmp + "/extract-j1.err");
      failures += !r1.ok;
      auto x1 = row("extract -j1", r1.seconds, r1.cpu_seconds, r1.max_rss_kb,
                    r1.ok ? "" : "FAILED exit " + std::to_string(r1.exit_code));
      RunResult rn;
      if (scaling) {
        std::string j = std::to_string(o.jobs);
        rn = Spawn({o.newsgraph, "extract", "--quiet", "--jobs", j, "-o", outn, corpus}, "/dev/null",
                   o.tmp + "/extract-jN.err");
        failures += !rn.ok;
        bool same = r1.ok && rn.ok && SameFile(out1, outn);
        failures += !same;
        char note[160];
        std::snprintf(note, sizeof note, "speed-up %.2fx; output %s -j1", r1.seconds / rn.seconds,
                      same ? "byte-identical to" : "DIFFERS from");
        row("extract -j" + j, rn.seconds, rn.cpu_seconds, rn.max_rss_kb, note);
      }
      if (scaling && o.ceiling) {
        // N independent single-thread extracts at once: aggregate MB/s is
        // N x corpus over the span from the first start to the last exit.
        std::vector<Command> cmds;
        for (int k = 0; k < o.jobs; ++k) {
          std::string n = std::to_string(k + 1);
          cmds.push_back({{o.newsgraph, "extract", "--quiet", "--jobs", "1", "-o", o.tmp + "/ceiling-" + n + ".jsonl",
                           corpus},
                          "/dev/null", o.tmp + "/ceiling-" + n + ".err"});
        }
        double span = 0;
        auto rs = SpawnAll(cmds, &span);
        double cpu = 0, rss_kb = 0, slowest = 0, fastest = 1e300;
        int ok = 0, same = 0;
        for (size_t k = 0; k < rs.size(); ++k) {
          cpu += rs[k].cpu_seconds;
          rss_kb = std::max<double>(rss_kb, rs[k].max_rss_kb);
          slowest = std::max(slowest, rs[k].seconds);
          fastest = std::min(fastest, rs[k].seconds);
          ok += rs[k].ok;
          same += r1.ok && rs[k].ok && SameFile(out1, cmds[k].args[6]);
          if (!o.keep) fs::remove(cmds[k].args[6]);
        }
        failures += o.jobs - same;  // failed or different
        double n = o.jobs, ceiling_speedup = n * r1.seconds / span;
        char note[400];
        if (ok < o.jobs) {
          std::snprintf(note, sizeof note, "FAILED: %d of %d processes exited non-zero", o.jobs - ok, o.jobs);
        } else {
          int used = 0;
          used += std::snprintf(note, sizeof note, "%d processes, %.1f-%.1f s each; speed-up %.2fx over extract -j1",
                                o.jobs, fastest, slowest, ceiling_speedup);
          if (rn.ok)
            used += std::snprintf(note + used, sizeof note - used, "; extract -j%d gets %.2f of it (%.2fx / %.2fx)",
                                  o.jobs, (r1.seconds / rn.seconds) / ceiling_speedup, r1.seconds / rn.seconds,
                                  ceiling_speedup);
          used += std::snprintf(note + used, sizeof note - used, "; outputs %s -j1's",
                                same == o.jobs ? "byte-identical to" : "DIFFER from");
          // Equal processes on free cores finish together; one far behind
          // means another job had a core for a while (or the VM's cores ran
          // at different speeds), and the ceiling is then too low.
          if (slowest > 1.1 * fastest)
            std::snprintf(note + used, sizeof note - used,
                          "; UNEVEN: one process took %.0f%% longer (another job? a slower core?): the ceiling "
                          "may be low",
                          100 * (slowest / fastest - 1));
        }
        Row r;
        r.size = size_name;
        r.pass = "ceiling x" + std::to_string(o.jobs);
        r.seconds = span;
        r.cpu = cpu;
        r.mbps = n * text_mb / span;
        r.cpu_mbps = n * text_mb / cpu;
        r.docs = n * ts.docs / span;
        r.sents = n * ts.sentences / span;
        r.rss_mb = rss_kb / 1024.0;
        r.ratio = r.cpu_mbps / plain_cpu_mbps;
        r.note = note;
        rows.push_back(r);
        print_row(r);
      }
      (void)x1;
      if (!o.keep) {
        fs::remove(out1);
        fs::remove(outn);
      }
    }
    if (o.build) {
      std::string db1 = o.tmp + "/build-j1.db", dbn = o.tmp + "/build-jN.db";
      for (const auto& db : {db1, dbn})
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db + suffix);
      auto r1 = Spawn({o.newsgraph, "build", "--db", db1, corpus}, o.tmp + "/build-j1.out", o.tmp + "/build-j1.err");
      failures += !r1.ok;
      row("build -j1", r1.seconds, r1.cpu_seconds, r1.max_rss_kb,
          r1.ok ? FirstLine(o.tmp + "/build-j1.out") : "FAILED exit " + std::to_string(r1.exit_code));
      if (scaling) {
        std::string j = std::to_string(o.jobs);
        auto rn = Spawn({o.newsgraph, "build", "--jobs", j, "--db", dbn, corpus}, o.tmp + "/build-jN.out",
                        o.tmp + "/build-jN.err");
        failures += !rn.ok;
        std::string dump = r1.ok && rn.ok ? SameDump(db1, dbn, o.tmp) : "unknown";
        failures += dump == "DIFFERENT";
        bool same_file = r1.ok && rn.ok && SameFile(db1, dbn);
        char note[200];
        std::snprintf(note, sizeof note, "speed-up %.2fx; sqlite3 .dump %s -j1's; database file %s", r1.seconds / rn.seconds,
                      dump == "same" ? "identical to" : dump == "DIFFERENT" ? "DIFFERS from" : "not compared with",
                      same_file ? "byte-identical" : "differs");
        row("build -j" + j, rn.seconds, rn.cpu_seconds, rn.max_rss_kb, note);
      }
      if (!o.keep)
        for (const auto& db : {db1, dbn})
          for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db + suffix);
    }
    if (o.build) {
      std::string db = o.tmp + "/store.db", error;
      double sec = 0, cpu = 0, store_cpu = 0;
      bool ok = InProcessStore(corpus, db, &sec, &cpu, &store_cpu, &error);
      char note[200];
      if (ok)
        std::snprintf(note, sizeof note, "in process, no entity resolution; AddDocument+Commit %.1f CPU s = %.0f MB/CPU-s",
                      store_cpu, text_mb / store_cpu);
      else
        std::snprintf(note, sizeof note, "FAILED: %.150s", error.c_str());
      row("store -j1", sec, cpu, 0, note);
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db + suffix);
    }
    if (!o.keep) fs::remove(corpus);
  }
  std::printf("\nMB = 10^6 bytes of document text (plain-tok: file bytes). MB/s and docs/s, sents/s are per wall\n"
              "second; MB/CPU-s per second of user+system CPU time of all threads (steadier on a loaded\n"
              "machine). ratio = MB/CPU-s over plain-tok's MB/CPU-s in the same run. ceiling xN: N\n"
              "independent extract --jobs 1 processes at once; its MB, docs and sentences are N x the\n"
              "corpus, wall s from the first start to the last exit, CPU s summed, RSS the largest.\n"
              "RSS: peak of the child process (wait4); this program's own RSS when it started them was at\n"
              "most %.0f MB.\n", own_rss_kb_at_spawn / 1024.0);
  if (own_tmp && !o.keep) fs::remove_all(o.tmp);
  if (failures) std::fprintf(stderr, "pipeline_bench: %d pass(es) failed or differed\n", failures);
  return failures ? 1 : 0;
}
