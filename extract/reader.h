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
#include <set>
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
  // Accepted documents whose date was given but not understood (see
  // graph::ParseDate): each was warned about and kept without a date.
  uint64_t bad_dates = 0;
};

// The fields of a JSON Lines record newsgraph reads, and the record key
// each is read from: by default the same name ("text" from "text").
// --field text=body reads the text from "body" instead.
struct FieldNames {
  std::string id = "id", text = "text", title = "title", date = "date", url = "url", source = "source";
  // Applies "FIELD=KEY" (FIELD one of id, text, title, date, url, source;
  // KEY a non-empty record key). Returns false with *error set otherwise.
  bool Set(const std::string& spec, std::string* error);
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
  // Where each field of a JSON Lines record is read from.
  FieldNames fields;
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
  // document; .html, .htm: one article; .jsonl, .ndjson: one per line), a
  // folder (recursively, in sorted order, symlinks to folders not followed
  // twice), or "-" for standard input (JSON Lines when its first non-blank
  // character is '{', after a UTF-8 or UTF-16 byte order mark if any, else
  // one text document with id "stdin"). Calls sink for each accepted
  // document and report for each problem. Never throws on bad input.
  //
  // A file's document id is its path relative to the folder that holds
  // every input (the common root), without the extension:
  // "a/article.txt" and "b/article.txt" read together are "a/article" and
  // "b/article"; one named file "dir/x.txt" is "x". When two files would
  // get the same id ("b/article.md" and "b/article.txt"), the later one in
  // reading order keeps its extension ("b/article.txt"). Bytes of a file
  // name that are not UTF-8, and control characters, are written %XX
  // ("caf%E9").
  void Read(const std::vector<std::string>& inputs, const Sink& sink,
            const Report& report);

  // Reads JSON Lines from a stream; name is used in diagnostics ("name:17").
  // Public for the fuzz targets; Read() calls it for .jsonl files and stdin.
  // A line ends at LF, CRLF or a lone CR, and holds exactly one JSON
  // object (text after it is an error). A UTF-8 byte order mark is
  // skipped; a UTF-16 one (LE or BE) makes the stream be decoded to UTF-8.
  // id_stem names records without an "id" ("stem#LINE"); empty: from name.
  void ReadJsonLines(std::istream& in, const std::string& name, const Sink& sink,
                     const Report& report, const std::string& id_stem = "");

  const ReadTally& tally() const { return tally_; }

 private:
  void ReadPath(const std::string& path, bool named, const Sink& sink, const Report& report);
  void ReadFolder(const std::string& path, const Sink& sink, const Report& report);
  void ReadTextFile(const std::string& path, const Sink& sink, const Report& report);
  void ReadHtmlFile(const std::string& path, const Sink& sink, const Report& report);
  void ReadStdin(const Sink& sink, const Report& report);
  // The document id of a file (see Read), unique among the files read.
  std::string FileId(const std::string& path);
  // Sets doc->date from a date as written; a date that is not understood
  // is warned about (where) and left out.
  void SetDate(graph::Document* doc, const std::string& written, const std::string& where,
               const Report& report);
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
  std::string root_;                 // the common root of the inputs (absolute), see Read
  std::set<std::string> file_ids_;  // ids given to files so far
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
// "ukraine-peace-talks" (bytes that are not UTF-8 written %XX).
std::string IdFromPath(const std::string& path);

// text with every byte that is not part of valid UTF-8, and every ASCII
// control character, written as %XX: "caf\xe9" -> "caf%E9". Other valid
// text is returned as it is. For ids and origins made from file names.
std::string EscapeInvalidUtf8(const std::string& text);

// text made safe to print on a terminal: control characters (C0, DEL,
// C1: escape sequences among them) and bytes that are not UTF-8 are
// written \xNN; tabs stay. For file names and other text from the input
// in messages.
std::string PrintableText(const std::string& text);

}  // namespace newsgraph::extract
