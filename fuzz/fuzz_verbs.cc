// Fuzz target for the PETRARCH/TABARI verb dictionary reader and its
// pattern matcher: any bytes as a dictionary file must load or fail with a
// "file:line: reason" message, never crash; a dictionary that loads is then
// matched against a fixed sentence at every position.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "extract/verb_dictionary.h"

namespace {
void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_verbs: broken invariant: %s\n", what);
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/fuzz_verbs." + std::to_string(getpid()) + ".txt";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  newsgraph::extract::VerbDictionary dict;
  std::string error;
  if (!dict.Load(path, &error)) {
    Check(error.rfind(path + ":", 0) == 0, "error does not name the file");
    return 0;
  }
  // "chile restored full diplomatic ties with peru after talks ."
  newsgraph::extract::PatternSentence s;
  s.words = {"chile", "restored", "full", "diplomatic", "ties", "with", "peru", "after", "talks", "."};
  const size_t n = s.words.size();
  s.actor_end.assign(n, 0);
  s.actor_first.assign(n, -1);
  s.phrase_end.assign(n, 0);
  s.actor_end[0] = 1;
  s.actor_first[0] = 0;
  s.actor_end[6] = 7;
  s.actor_first[6] = 6;
  s.phrase_end[2] = 5;
  s.phrase_end[8] = 9;
  for (size_t at = 0; at < n; ++at) {
    const auto* forms = dict.FormsOf(s.words[at]);
    if (!forms) continue;
    for (uint32_t f : *forms) {
      size_t first, last;
      if (!dict.FormAt(f, s, at, &first, &last)) continue;
      Check(first <= at && at < last && last <= n, "form outside the sentence");
      auto m = dict.Match(f, s, first, last);
      Check(m.source < static_cast<long>(n) && m.target < static_cast<long>(n), "match outside the sentence");
    }
  }
  return 0;
}
