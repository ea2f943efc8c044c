// Reading documents: plain text and Markdown files, JSON Lines files,
// folders (recursively) and standard input. Input is validated (UTF-8,
// no binary, not empty) and streamed: a JSON Lines file is read a line at a
// time, so memory does not grow with the corpus. A bad record never stops
// the run: it is reported with file and line and counted as rejected.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "graph/types.h"

namespace newsgraph::extract {

// A problem with one input, located as "file:line" (or "file" alone).
struct Diagnostic {
  std::string where;
  std::string message;
  bool rejected = true;  // false: a warning (e.g. a skipped file), no document lost
  std::string ToString() const { return where + ": " + message; }
};

// Documents seen: read == accepted + rejected, always. Files skipped in a
// folder because of their extension are counted apart: they are not
// documents.
struct ReadTally {
  uint64_t read = 0, accepted = 0, rejected = 0, skipped_files = 0;
  uint64_t bytes = 0;  // bytes of accepted document text
};

struct ReaderOptions {
  // Largest document text accepted, in bytes; larger ones are rejected.
  uint64_t max_document_bytes = 256ull << 20;
};

class DocumentReader {
 public:
  using Sink = std::function<void(graph::Document&&)>;
  using Report = std::function<void(const Diagnostic&)>;

  explicit DocumentReader(ReaderOptions options = {}) : options_(options) {}

  // Reads every input in order: a file (.txt, .md, .markdown, .text: one
  // document; .jsonl, .ndjson: one per line), a folder (recursively, in
  // sorted order, symlinks to folders not followed twice), or "-" for
  // standard input (JSON Lines when its first non-blank byte is '{', else
  // one text document with id "stdin"). Calls sink for each accepted
  // document and report for each problem. Never throws on bad input.
  void Read(const std::vector<std::string>& inputs, const Sink& sink,
            const Report& report);

  const ReadTally& tally() const { return tally_; }

 private:
  void ReadPath(const std::string& path, bool named, const Sink& sink, const Report& report);
  void ReadFolder(const std::string& path, const Sink& sink, const Report& report);
  void ReadTextFile(const std::string& path, const Sink& sink, const Report& report);
  void ReadJsonLines(std::istream& in, const std::string& name, const Sink& sink,
                     const Report& report);
  void Reject(const Report& report, std::string where, std::string message);
  void Accept(graph::Document&& doc, const Sink& sink);

  ReaderOptions options_;
  ReadTally tally_;
};

// Checks that text is valid UTF-8 without NUL bytes. On failure returns
// false and sets *error to the reason with a 1-based line and byte offset.
bool ValidateText(const std::string& text, std::string* error);

// Decodes a byte buffer read from a file into UTF-8 text: strips a UTF-8
// byte order mark, decodes UTF-16 LE/BE with a byte order mark. Returns
// false with *error set when the bytes are not text (binary, invalid
// UTF-8, empty or only whitespace).
bool DecodeText(std::string bytes, std::string* text, std::string* error);

// Document id from a file name: "dir/ukraine-peace-talks.txt" ->
// "ukraine-peace-talks".
std::string IdFromPath(const std::string& path);

}  // namespace newsgraph::extract
