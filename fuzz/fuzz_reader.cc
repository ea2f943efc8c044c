// Fuzz target for the document readers: DecodeText (text files, UTF-8 and
// UTF-16 with byte order marks) and the JSON Lines reader. Checks the
// reader's promises: it never crashes or throws, the tally adds up, and every
// accepted document is valid UTF-8 text with an id.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "extract/reader.h"

using newsgraph::extract::Diagnostic;
using newsgraph::extract::DocumentReader;
using newsgraph::extract::ReaderOptions;

namespace {
void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_reader: broken promise: %s\n", what);
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);

  std::string text, error;
  if (newsgraph::extract::DecodeText(bytes, &text, &error)) {
    std::string again;
    Check(newsgraph::extract::ValidateText(text, &again), "DecodeText accepted invalid UTF-8");
    Check(!text.empty(), "DecodeText accepted empty text");
  } else {
    Check(!error.empty(), "DecodeText failed without a reason");
  }

  // Small limits so that the over-long and too-deep paths are reached.
  ReaderOptions options;
  options.max_document_bytes = 4096;
  options.max_json_depth = 16;
  DocumentReader reader(options);
  std::istringstream in(bytes);
  uint64_t sunk = 0, rejected = 0;
  reader.ReadJsonLines(
      in, "fuzz.jsonl",
      [&](newsgraph::graph::Document&& doc) {
        ++sunk;
        std::string e;
        Check(newsgraph::extract::ValidateText(doc.text, &e), "accepted text is not UTF-8");
        Check(!doc.id.empty(), "accepted document without an id");
        Check(doc.text.size() <= options.max_document_bytes, "accepted an over-long document");
      },
      [&](const Diagnostic& d) {
        if (d.rejected) ++rejected;
        Check(!d.where.empty() && !d.message.empty(), "diagnostic without place or reason");
      });
  const auto& t = reader.tally();
  Check(t.read == t.accepted + t.rejected, "tally: read != accepted + rejected");
  Check(t.accepted == sunk, "tally: accepted != documents given to the sink");
  Check(t.rejected == rejected, "tally: rejected != rejections reported");
  return 0;
}
