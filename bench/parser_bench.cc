// parser_bench: single-core speed of DepParser::Parse on a CoNLL-U treebank
// file (gold tokens; tags from newsgraph's own tagger, computed before the
// clock starts). Not a test (ctest does not run it); see bench/README.md.
//
//   parser_bench FILE.conllu [--model dep.model] [--tagger pos.model] [--passes N] [--portable]
//
// Prints the words, sentences, the fastest of N timed passes (default 5) and
// tokens/s, per wall second and per CPU second of the parsing thread (the
// two agree on an idle machine; on a busy one trust the CPU figure); also the
// tagger's own tokens/s on the same words, for scale. --portable: the
// parser's portable row addition instead of AVX2 (row_addition says which).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "extract/dep_parser.h"
#include "extract/pos_tagger.h"

namespace {

using newsgraph::extract::Dep;
using newsgraph::extract::DepParser;
using newsgraph::extract::Pos;
using newsgraph::extract::PosTagger;
using Clock = std::chrono::steady_clock;

volatile size_t g_sink = 0;

// CPU time of the calling thread: unlike wall time, not inflated when other
// processes share the core.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  std::string file, model = std::string(NEWSGRAPH_DATA_DIR) + "/models/dep-ud.model",
                    tagger_path = std::string(NEWSGRAPH_DATA_DIR) + "/models/pos-ewt.model";
  int passes = 5;
  bool portable = false;  // the portable row addition instead of AVX2
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) model = argv[++i];
    else if (a == "--tagger" && i + 1 < argc) tagger_path = argv[++i];
    else if (a == "--passes" && i + 1 < argc) passes = std::max(1, std::atoi(argv[++i]));
    else if (a == "--portable") portable = true;
    else if (!a.empty() && a[0] != '-' && file.empty()) file = a;
    else {
      std::fprintf(stderr, "usage: parser_bench FILE.conllu [--model dep.model] [--tagger pos.model] [--passes N] [--portable]\n");
      return 2;
    }
  }
  if (file.empty()) {
    std::fprintf(stderr, "usage: parser_bench FILE.conllu [--model dep.model] [--tagger pos.model] [--passes N] [--portable]\n");
    return 2;
  }
  std::string error;
  const auto load0 = Clock::now();
  auto parser = DepParser::Load(model, &error);
  if (!parser) {
    std::fprintf(stderr, "parser_bench: %s\n", error.c_str());
    return 2;
  }
  const double load_s = std::chrono::duration<double>(Clock::now() - load0).count();
  const bool vector_code = parser->UseVectorCode(!portable);
  auto tagger = PosTagger::Load(tagger_path, &error);
  if (!tagger) {
    std::fprintf(stderr, "parser_bench: %s\n", error.c_str());
    return 2;
  }
  std::ifstream in(file);
  if (!in) {
    std::fprintf(stderr, "parser_bench: %s: cannot open\n", file.c_str());
    return 2;
  }
  // Word forms of each sentence (multiword-token ranges and empty nodes skipped).
  std::vector<std::vector<std::string>> sents(1);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!sents.back().empty()) sents.emplace_back();
      continue;
    }
    if (line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    if (line.find_first_of("-.", 0) < t1) continue;
    const size_t t2 = line.find('\t', t1 + 1);
    sents.back().push_back(line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1));
  }
  if (sents.back().empty()) sents.pop_back();
  std::vector<std::vector<std::string_view>> views(sents.size());
  std::vector<std::vector<Pos>> tags(sents.size());
  size_t words = 0;
  double tag_s = 1e30;
  for (int pass = 0; pass < passes; ++pass) {
    const auto t0 = Clock::now();
    for (size_t i = 0; i < sents.size(); ++i) {
      views[i].assign(sents[i].begin(), sents[i].end());
      tagger->Tag(views[i], &tags[i]);
    }
    tag_s = std::min(tag_s, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  for (const auto& s : sents) words += s.size();
  std::vector<int> heads;
  std::vector<Dep> labels;
  double best = 1e30, best_cpu = 1e30;
  for (int pass = 0; pass < passes; ++pass) {
    size_t sink = 0;
    const double c0 = ThreadCpuSeconds();
    const auto t0 = Clock::now();
    for (size_t i = 0; i < views.size(); ++i) {
      parser->Parse(views[i], tags[i], &heads, &labels);
      sink += heads.empty() ? 0 : static_cast<size_t>(heads[0] + 2) + static_cast<size_t>(labels[0]);
    }
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    best_cpu = std::min(best_cpu, ThreadCpuSeconds() - c0);
    g_sink = g_sink + sink;
  }
  std::printf("file\t%s\nsentences\t%zu\nwords\t%zu\nmodel_load_seconds\t%.3f\nparse_seconds\t%.4f\n",
              file.c_str(), sents.size(), words, load_s, best);
  std::printf("row_addition\t%s\n", vector_code ? "avx2" : "portable");
  std::printf("parse_tokens_per_second\t%.0f\nparse_tokens_per_cpu_second\t%.0f\ntag_tokens_per_second\t%.0f\n",
              words / best, words / best_cpu, words / tag_s);
  return 0;
}
