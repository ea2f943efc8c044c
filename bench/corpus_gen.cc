// corpus_gen: writes a benchmark corpus of a chosen size (JSON Lines) built
// from the shared news corpora; see bench/corpus.h for how articles are
// repeated and varied, and bench/README.md for how to run it.
//
//   corpus_gen --mb 100 --out /tmp/ng-bench/corpus-100.jsonl
//              [--corpora ../shared/corpora] [--seed 1]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "bench/corpus.h"

namespace {

void Usage() {
  std::fprintf(stderr,
               "usage: corpus_gen --mb N --out FILE [--corpora DIR] [--seed N]\n"
               "  writes about N MB (10^6 bytes) of JSON Lines news built from DIR\n"
               "  (default: $NEWSGRAPH_CORPORA or ../shared/corpora beside the source tree)\n");
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 0;
  std::string out_path, corpora;
  uint64_t seed = 1;
  if (const char* env = std::getenv("NEWSGRAPH_CORPORA")) corpora = env;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) { Usage(); std::exit(2); }
      return argv[++i];
    };
    if (a == "--mb") mb = std::atof(value().c_str());
    else if (a == "--out") out_path = value();
    else if (a == "--corpora") corpora = value();
    else if (a == "--seed") seed = std::strtoull(value().c_str(), nullptr, 10);
    else { Usage(); return 2; }
  }
  if (mb <= 0 || out_path.empty()) { Usage(); return 2; }
  if (corpora.empty()) corpora = std::string(NEWSGRAPH_DATA_DIR) + "/../../shared/corpora";
  newsgraph::bench::Sources src;
  std::vector<std::string> messages;
  bool ok = newsgraph::bench::LoadSources(corpora, &src, &messages);
  for (const auto& m : messages) std::fprintf(stderr, "corpus_gen: %s\n", m.c_str());
  if (!ok) {
    std::fprintf(stderr, "corpus_gen: no source corpora in %s, nothing to do\n", corpora.c_str());
    return 2;
  }
  std::ofstream out(out_path, std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "corpus_gen: cannot write %s: %s\n", out_path.c_str(), std::strerror(errno));
    return 2;
  }
  auto st = newsgraph::bench::WriteCorpus(src, static_cast<uint64_t>(mb * 1e6), seed, out);
  out.close();
  if (!out) {
    std::fprintf(stderr, "corpus_gen: write error on %s\n", out_path.c_str());
    return 2;
  }
  std::fprintf(stderr, "corpus_gen: %s: %llu documents, %.1f MB of text, %.1f MB file\n", out_path.c_str(),
               static_cast<unsigned long long>(st.documents), st.text_bytes / 1e6, st.file_bytes / 1e6);
  return 0;
}
