// Fuzz target for the whole extractor: a document of any valid UTF-8 text
// (the reader rejects everything else) must analyse without crashing, and
// every sentence, mention and relation must point inside the text.
// Lexicons and the tagger model load once, from NEWSGRAPH_DATA or the
// source tree.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "extract/extractor.h"
#include "extract/reader.h"

namespace {
std::unique_ptr<newsgraph::extract::Extractor> g_extractor;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_extractor: broken invariant: %s\n", what);
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  newsgraph::extract::ExtractorOptions options;
  if (const char* env = std::getenv("NEWSGRAPH_DATA")) options.data_dir = env;
  std::string error;
  g_extractor = newsgraph::extract::Extractor::Load(options, &error);
  if (!g_extractor) {
    std::fprintf(stderr, "fuzz_extractor: %s\n", error.c_str());
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsgraph::graph::Document doc;
  doc.id = "fuzz";
  doc.origin = "fuzz.txt";
  std::string bytes(reinterpret_cast<const char*>(data), size), error;
  if (!newsgraph::extract::DecodeText(bytes, &doc.text, &error)) return 0;
  const size_t n = doc.text.size();
  auto analysis = g_extractor->Analyze(std::move(doc));
  const auto& text = analysis.doc.text;
  Check(text.size() == n, "document text changed");
  for (const auto& s : analysis.sentences)
    Check(s.span.begin <= s.span.end && s.span.end <= n, "sentence span out of the text");
  for (const auto& m : analysis.mentions) {
    Check(m.span.begin <= m.span.end && m.span.end <= n, "mention span out of the text");
    Check(m.sentence < analysis.sentences.size(), "mention of a missing sentence");
  }
  for (const auto& r : analysis.relations) {
    Check(r.evidence.begin <= r.evidence.end && r.evidence.end <= n, "evidence span out of the text");
    Check(r.sentence < analysis.sentences.size(), "relation in a missing sentence");
    Check(r.polarity >= -1 && r.polarity <= 1, "polarity out of range");
  }
  return 0;
}
