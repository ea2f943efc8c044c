// Fuzz target for the tokenizer and the sentence splitter. Any bytes must be
// safe to tokenize; for valid UTF-8 (what the reader hands on) the
// documented invariants must hold: tokens are non-empty, in order, inside the
// text and never start or end inside a UTF-8 sequence; sentences are
// non-empty token ranges, in order, whose byte spans match their tokens.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "extract/reader.h"
#include "extract/text.h"

namespace {
void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_text: broken invariant: %s\n", what);
    std::abort();
  }
}
bool Continuation(const std::string& s, size_t i) {
  return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<newsgraph::extract::Token> tokens;
  std::vector<newsgraph::extract::SentenceBounds> sentences;
  newsgraph::extract::Tokenize(text, &tokens);
  newsgraph::extract::SplitSentences(text, &tokens, &sentences);
  for (const auto& t : tokens) {
    Check(t.begin < t.end && t.end <= text.size(), "token span out of the text");
    newsgraph::extract::NormalizeToken(std::string_view(text).substr(t.begin, t.end - t.begin));
  }
  std::string error;
  if (!newsgraph::extract::ValidateText(text, &error)) return 0;

  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    Check(!Continuation(text, t.begin) && !Continuation(text, t.end),
          "token boundary inside a UTF-8 sequence");
    if (i > 0) Check(tokens[i - 1].end <= t.begin, "tokens overlap or are out of order");
  }
  uint32_t previous_last = 0;
  for (const auto& s : sentences) {
    Check(s.first < s.last && s.last <= tokens.size(), "sentence token range");
    Check(s.first >= previous_last, "sentences overlap or are out of order");
    Check(s.begin == tokens[s.first].begin && s.end == tokens[s.last - 1].end,
          "sentence bytes do not match its tokens");
    previous_last = s.last;
  }
  return 0;
}
