// Reading documents: plain text and Markdown files, JSON Lines files,
// folders (recursively) and standard input. Input is validated (UTF-8,
// no binary, not empty) and streamed: a JSON Lines file is read a line at a
// time, and a line longer than the document limit is skipped without being
// held in memory, so memory does not grow with the corpus or with one
// hostile line. A bad record never stops the run: it is reported with file
// and line and counted as rejected. See docs/robustness.md.
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
  // Largest document accepted, in bytes (a text file's size, a JSON Lines
  // line's length); larger ones are rejected without being read into
  // memory. 64 MiB is some ten million words, far beyond any article.
  uint64_t max_document_bytes = 64ull << 20;
  // Deepest JSON nesting accepted in a JSON Lines record; deeper records
  // are rejected before parsing.
  uint32_t max_json_depth = 256;
  // Polled between documents and lines; when it returns true the reader
  // stops at once, reading and counting nothing more (an interrupted run).
  std::function<bool()> stop_requested;
  // Whether Read fills in each document's content hash. The command-line
  // pipeline turns it off and hashes on its worker threads instead.
  bool hash = true;
  // Read every input file (and standard input) as CoNLL-U, whatever its
  // extension; .conllu files are read as CoNLL-U anyway.
  bool conllu = false;
};

// Folders are read this many levels deep at most; deeper ones are skipped
// with a warning (a folder given on the command line counts from 0).
inline constexpr size_t kMaxFolderDepth = 256;

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

  // Reads JSON Lines from a stream; name is used in diagnostics ("name:17").
  // Public for the fuzz targets; Read() calls it for .jsonl files and stdin.
  void ReadJsonLines(std::istream& in, const std::string& name, const Sink& sink,
                     const Report& report);

  const ReadTally& tally() const { return tally_; }

 private:
  void ReadPath(const std::string& path, bool named, const Sink& sink, const Report& report);
  void ReadFolder(const std::string& path, const Sink& sink, const Report& report);
  void ReadTextFile(const std::string& path, const Sink& sink, const Report& report);
  bool ReadWhole(const std::string& path, std::string* text, const Report& report);

 public:
  // Reads CoNLL-U text (see reader.cc); name is used in diagnostics.
  void ReadConllu(const std::string& content, const std::string& name, const Sink& sink, const Report& report);

 private:
  void ReadRecord(const std::string& line, const std::string& where, const std::string& id,
                  const Sink& sink, const Report& report);
  bool Stopped() const { return options_.stop_requested && options_.stop_requested(); }
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
// UTF-8 or UTF-16, empty or only whitespace); the reason names the line
// and byte offset where it can.
bool DecodeText(std::string bytes, std::string* text, std::string* error);

// Document id from a file name: "dir/ukraine-peace-talks.txt" ->
// "ukraine-peace-talks".
std::string IdFromPath(const std::string& path);

}  // namespace newsgraph::extract
