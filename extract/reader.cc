// Document readers: files, folders, JSON Lines and standard input.
#include "extract/reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace newsgraph::extract {
namespace {

std::string Lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

enum class Format { kText, kJsonLines, kConllu, kUnknown };

Format FormatOf(const std::string& path) {
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text") return Format::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".conllu" || ext == ".conll") return Format::kConllu;
  return Format::kUnknown;
}

// YYYYMMDD -> YYYY-MM-DD; other forms are kept as written.
std::string NormalizeDate(std::string date) {
  if (date.size() == 8 && std::all_of(date.begin(), date.end(), ::isdigit))
    return date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
  return date;
}

bool IsBlank(const std::string& s) {
  for (unsigned char c : s)
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) return false;
  return true;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool DecodeUtf16(const std::string& bytes, bool big_endian, std::string* out, std::string* error) {
  if (bytes.size() % 2) {
    *error = "UTF-16 text with an odd number of bytes";
    return false;
  }
  out->clear();
  out->reserve(bytes.size());
  auto unit = [&](size_t i) -> uint32_t {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 2; i < bytes.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= bytes.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF) {
        *error = "invalid UTF-16 surrogate at byte " + std::to_string(i);
        return false;
      }
      u = 0x10000 + ((u - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      *error = "invalid UTF-16 surrogate at byte " + std::to_string(i);
      return false;
    }
    AppendUtf8(u, out);
  }
  return true;
}

// Reads lines from a stream in fixed chunks. A line longer than limit bytes
// is skipped to its end without being kept: memory stays at one chunk plus
// one line of at most limit bytes whatever the input holds.
class LineReader {
 public:
  LineReader(std::istream& in, uint64_t limit) : in_(in), limit_(limit), chunk_(1 << 16) {}

  // Next line without its '\n'. Returns false at the end of the input.
  // *length is the line's full length; *too_long is set (and *line left
  // empty) when that exceeds the limit.
  bool Next(std::string* line, uint64_t* length, bool* too_long) {
    line->clear();
    *length = 0;
    *too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == end_) {
        if (eof_) return any;
        in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
        end_ = static_cast<size_t>(in_.gcount());
        pos_ = 0;
        if (in_.bad()) failed_ = true;
        if (!in_) eof_ = true;
        if (end_ == 0) return any;
      }
      any = true;
      const char* begin = chunk_.data() + pos_;
      const void* nl = std::memchr(begin, '\n', end_ - pos_);
      size_t n = nl ? static_cast<size_t>(static_cast<const char*>(nl) - begin) : end_ - pos_;
      *length += n;
      if (!*too_long && *length > limit_) {
        *too_long = true;
        line->clear();
        line->shrink_to_fit();
      }
      if (!*too_long) line->append(begin, n);
      pos_ += n;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }
  bool failed() const { return failed_; }

 private:
  std::istream& in_;
  uint64_t limit_;
  std::vector<char> chunk_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false, failed_ = false;
};

// Reads at most limit + 1 bytes from in into *out (one more than allowed
// tells "too large" from "exactly at the limit" without reading it all).
bool ReadBounded(std::istream& in, uint64_t limit, std::string* out) {
  out->clear();
  std::vector<char> chunk(1 << 16);
  while (out->size() <= limit) {
    size_t want = static_cast<size_t>(std::min<uint64_t>(chunk.size(), limit + 1 - out->size()));
    in.read(chunk.data(), static_cast<std::streamsize>(want));
    out->append(chunk.data(), static_cast<size_t>(in.gcount()));
    if (!in) break;
  }
  return !in.bad();
}

// Offset of the first byte where JSON nesting ('[' and '{' outside strings)
// goes deeper than max_depth, or npos. Runs before the parser so that a
// hostile record costs one linear scan and no deep structures.
size_t TooDeep(const std::string& json, uint32_t max_depth) {
  uint32_t depth = 0;
  bool in_string = false, escaped = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string::npos;
}

}  // namespace

bool ValidateText(const std::string& text, std::string* error) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), line = 1, line_start = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == 0) {
        *error = "line " + std::to_string(line) + ", byte " + std::to_string(i) +
                 ": NUL byte (binary file?)";
        return false;
      }
      if (c == '\n') {
        ++line;
        line_start = i + 1;
      }
      ++i;
      continue;
    }
    int len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = len > 0 && i + len <= n;
    for (int k = 1; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) {
      if (c == 0xE0 && s[i + 1] < 0xA0) ok = false;  // overlong
      if (c == 0xED && s[i + 1] >= 0xA0) ok = false;  // surrogate
    }
    if (ok && len == 4) {
      if (c == 0xF0 && s[i + 1] < 0x90) ok = false;
      if (c == 0xF4 && s[i + 1] >= 0x90) ok = false;
    }
    if (!ok) {
      *error = "line " + std::to_string(line) + ", column " + std::to_string(i - line_start + 1) +
               " (byte " + std::to_string(i) + "): invalid UTF-8";
      return false;
    }
    i += len;
  }
  return true;
}

bool DecodeText(std::string bytes, std::string* text, std::string* error) {
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    if (!DecodeUtf16(bytes, false, text, error)) return false;
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    if (!DecodeUtf16(bytes, true, text, error)) return false;
  } else {
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
    // A NUL early on means a binary file (or UTF-16 without a byte order
    // mark): say so rather than "invalid UTF-8" somewhere further on.
    size_t nul = bytes.find('\0');
    if (nul != std::string::npos && nul < (64u << 10)) {
      *error = "binary file: NUL byte at byte " + std::to_string(nul) +
               " (UTF-16 text needs a byte order mark)";
      return false;
    }
    *text = std::move(bytes);
  }
  if (text->empty() || IsBlank(*text)) {
    *error = "empty document";
    return false;
  }
  return ValidateText(*text, error);
}

std::string IdFromPath(const std::string& path) {
  return fs::path(path).stem().string();
}

void DocumentReader::Reject(const Report& report, std::string where, std::string message) {
  ++tally_.read;
  ++tally_.rejected;
  report(Diagnostic{std::move(where), std::move(message), true});
}

void DocumentReader::Accept(graph::Document&& doc, const Sink& sink) {
  ++tally_.read;
  ++tally_.accepted;
  tally_.bytes += doc.text.size();
  if (options_.hash) doc.hash = graph::ContentHash(doc.text);
  sink(std::move(doc));
}

void DocumentReader::Read(const std::vector<std::string>& inputs, const Sink& sink,
                          const Report& report) {
  for (const auto& input : inputs) {
    if (Stopped()) return;
    if (input == "-") {
      std::string first;
      int c;
      while ((c = std::cin.peek()) != EOF && std::isspace(c)) first.push_back(static_cast<char>(std::cin.get()));
      if (std::cin.peek() == '{' && !options_.conllu) {
        ReadJsonLines(std::cin, "<stdin>", sink, report);
      } else {
        std::string rest, text, error;
        bool read_ok = ReadBounded(std::cin, options_.max_document_bytes, &rest);
        if (!read_ok) {
          Reject(report, "<stdin>", std::string("read error: ") + std::strerror(errno));
        } else if (first.size() + rest.size() > options_.max_document_bytes) {
          Reject(report, "<stdin>",
                 "standard input is larger than the limit of " +
                     std::to_string(options_.max_document_bytes) + " bytes");
        } else if (!DecodeText(first + rest, &text, &error)) {
          Reject(report, "<stdin>", error);
        } else if (options_.conllu) {
          ReadConllu(text, "<stdin>", sink, report);
        } else {
          graph::Document doc;
          doc.id = "stdin";
          doc.origin = "<stdin>";
          doc.text = std::move(text);
          Accept(std::move(doc), sink);
        }
      }
      continue;
    }
    ReadPath(input, true, sink, report);
  }
}

void DocumentReader::ReadPath(const std::string& path, bool named, const Sink& sink,
                              const Report& report) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    Reject(report, path, ec && ec != std::errc::no_such_file_or_directory
                             ? "cannot read: " + ec.message()
                             : "no such file or folder");
    return;
  }
  if (fs::is_directory(status)) {
    ReadFolder(path, sink, report);
    return;
  }
  if (!fs::is_regular_file(status)) {
    Reject(report, path, "not a regular file");
    return;
  }
  Format format = FormatOf(path);
  if (options_.conllu && format != Format::kUnknown) format = Format::kConllu;
  switch (format) {
    case Format::kConllu: {
      std::string text;
      if (!ReadWhole(path, &text, report)) return;
      ReadConllu(text, path, sink, report);
      return;
    }
    case Format::kText:
      ReadTextFile(path, sink, report);
      return;
    case Format::kJsonLines: {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        Reject(report, path, std::string("cannot open: ") + std::strerror(errno));
        return;
      }
      ReadJsonLines(in, path, sink, report);
      return;
    }
    case Format::kUnknown:
      if (named) {
        Reject(report, path,
               "unknown file type '" + fs::path(path).extension().string() +
                   "' (expected .txt, .md, .jsonl or .conllu)");
      } else {
        ++tally_.skipped_files;
        report(Diagnostic{path, "skipped: not .txt, .md, .jsonl or .conllu", false});
      }
      return;
  }
}

void DocumentReader::ReadFolder(const std::string& root, const Sink& sink, const Report& report) {
  // Collect and sort first: the same folder gives the same order everywhere.
  // Each folder is known by its device and inode (a symlink loop, or two
  // links to one folder, is read once): one stat of its path, where
  // fs::canonical resolved every component of it again (cubic in the
  // depth: 3,000 nested folders took minutes). Folders nested deeper than
  // kMaxFolderDepth, and paths longer than the system allows, are skipped
  // with a warning naming them.
  std::vector<std::string> files;
  std::set<std::pair<dev_t, ino_t>> seen_dirs;
  std::vector<std::pair<std::string, size_t>> stack = {{root, 0}};
  while (!stack.empty()) {
    auto [dir, depth] = std::move(stack.back());
    stack.pop_back();
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) {
      Reject(report, dir, std::string("cannot read folder: ") + std::strerror(errno));
      continue;
    }
    if (!seen_dirs.insert({st.st_dev, st.st_ino}).second) {
      report(Diagnostic{dir, "skipped: folder already read (symlink loop?)", false});
      continue;
    }
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
      Reject(report, dir, std::string("cannot read folder: ") + std::strerror(errno));
      continue;
    }
    std::vector<std::string> subdirs;
    errno = 0;
    while (dirent* ent = ::readdir(d)) {
      std::string name = ent->d_name;
      if (name.empty() || name[0] == '.') continue;  // hidden files and folders, . and ..
      std::string path = dir + (dir.back() == '/' ? "" : "/") + name;
      if (path.size() >= PATH_MAX) {
        report(Diagnostic{path.substr(0, 200) + "...",
                          "skipped: path longer than the system's limit of " + std::to_string(PATH_MAX) +
                              " bytes (move the files to a shallower folder)",
                          false});
        continue;
      }
      bool is_dir = ent->d_type == DT_DIR;
      if (ent->d_type == DT_LNK || ent->d_type == DT_UNKNOWN) {
        struct stat target;
        is_dir = ::stat(path.c_str(), &target) == 0 && S_ISDIR(target.st_mode);
      }
      if (!is_dir) {
        files.push_back(std::move(path));
      } else if (depth + 1 > kMaxFolderDepth) {
        report(Diagnostic{path,
                          "skipped: folder nested more than " + std::to_string(kMaxFolderDepth) + " levels below " +
                              root + " (give it as an input of its own to read it)",
                          false});
      } else {
        subdirs.push_back(std::move(path));
      }
      errno = 0;
    }
    if (errno != 0) Reject(report, dir, std::string("cannot read folder: ") + std::strerror(errno));
    ::closedir(d);
    std::sort(subdirs.rbegin(), subdirs.rend());
    for (auto& sd : subdirs) stack.push_back({std::move(sd), depth + 1});
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (Stopped()) return;
    ReadPath(f, false, sink, report);
  }
}

// Reads a whole file as text, bounded by the document limit (checked on its
// size first, and again on what was read, in case it grew); on a problem
// rejects it with the reason and returns false.
bool DocumentReader::ReadWhole(const std::string& path, std::string* text, const Report& report) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Reject(report, path, std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec && size > options_.max_document_bytes) {
    Reject(report, path, "document of " + std::to_string(size) + " bytes is larger than the limit of " +
                             std::to_string(options_.max_document_bytes));
    return false;
  }
  std::string bytes;
  if (!ReadBounded(in, options_.max_document_bytes, &bytes)) {
    Reject(report, path, std::string("read error: ") + std::strerror(errno));
    return false;
  }
  if (bytes.size() > options_.max_document_bytes) {  // grew while we read it
    Reject(report, path, "document is larger than the limit of " +
                             std::to_string(options_.max_document_bytes) + " bytes");
    return false;
  }
  std::string error;
  if (!DecodeText(std::move(bytes), text, &error)) {
    Reject(report, path, error);
    return false;
  }
  return true;
}

// CoNLL-U: "# newdoc [id = X]" starts a document (else the file is one),
// a blank line ends a sentence, word lines have ten tab-separated columns;
// multi-word token ranges ("3-4") and empty nodes ("5.1") are skipped. The
// document text is the words joined by spaces (none after SpaceAfter=No),
// one sentence a line; the words are kept as the tokens.
void DocumentReader::ReadConllu(const std::string& content, const std::string& name, const Sink& sink,
                                const Report& report) {
  std::string stem = name == "<stdin>" ? "stdin" : IdFromPath(name);
  graph::Document doc;
  uint64_t doc_line = 1, docs = 0;
  bool in_sentence = false, bad = false, space_after = true;
  std::string bad_reason;
  auto finish = [&]() {
    while (!doc.text.empty() && doc.text.back() == '\n') doc.text.pop_back();
    if (!doc.tokens.empty() && !bad) {
      if (doc.id.empty()) doc.id = docs == 0 ? stem : stem + "-" + std::to_string(docs + 1);
      doc.origin = name + ":" + std::to_string(doc_line);
      ++docs;
      Accept(std::move(doc), sink);
    } else if (bad) {
      ++tally_.read;
      ++tally_.rejected;
      report(Diagnostic{bad_reason.substr(0, bad_reason.find(": ")), bad_reason.substr(bad_reason.find(": ") + 2), true});
    }
    doc = graph::Document();
    bad = false;
    in_sentence = false;
  };
  size_t pos = 0;
  uint64_t number = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("# newdoc", 0) == 0) {
      finish();
      doc_line = number;
      size_t eq = line.find('=');
      if (eq != std::string::npos) {
        std::string id = line.substr(eq + 1);
        while (!id.empty() && id.front() == ' ') id.erase(0, 1);
        while (!id.empty() && id.back() == ' ') id.pop_back();
        doc.id = id;
      }
      if (nl == content.size()) break;
      continue;
    }
    if (line.empty()) {
      if (in_sentence && !doc.text.empty()) doc.text += '\n';
      in_sentence = false;
      space_after = true;
      if (nl == content.size()) break;
      continue;
    }
    if (line[0] == '#') continue;
    if (bad) continue;
    std::vector<std::string> cols;
    size_t b = 0;
    while (true) {
      size_t t = line.find('\t', b);
      cols.push_back(line.substr(b, t == std::string::npos ? std::string::npos : t - b));
      if (t == std::string::npos) break;
      b = t + 1;
    }
    if (cols.size() != 10) {
      bad = true;
      bad_reason = name + ":" + std::to_string(number) + ": expected 10 tab-separated columns, found " +
                   std::to_string(cols.size());
      continue;
    }
    const std::string& id = cols[0];
    if (id.find('-') != std::string::npos || id.find('.') != std::string::npos) continue;
    if (id.empty() || !std::all_of(id.begin(), id.end(), ::isdigit) || cols[1].empty()) {
      bad = true;
      bad_reason = name + ":" + std::to_string(number) + ": a word line needs a numeric ID and a form";
      continue;
    }
    if (!in_sentence) {
      doc.sentence_starts.push_back(static_cast<uint32_t>(doc.tokens.size()));
      in_sentence = true;
    } else if (space_after) {
      doc.text += ' ';
    }
    uint32_t begin = static_cast<uint32_t>(doc.text.size());
    doc.text += cols[1];
    doc.tokens.push_back(graph::Span{begin, static_cast<uint32_t>(doc.text.size())});
    space_after = cols[9].find("SpaceAfter=No") == std::string::npos;
    if (nl == content.size()) break;
  }
  finish();
}

void DocumentReader::ReadTextFile(const std::string& path, const Sink& sink, const Report& report) {
  std::string text;
  if (!ReadWhole(path, &text, report)) return;
  graph::Document doc;
  doc.id = IdFromPath(path);
  doc.origin = path;
  doc.text = std::move(text);
  Accept(std::move(doc), sink);
}

void DocumentReader::ReadJsonLines(std::istream& in, const std::string& name, const Sink& sink,
                                   const Report& report) {
  LineReader lines(in, options_.max_document_bytes);
  std::string line;
  uint64_t number = 0, length = 0, records = 0;
  bool too_long = false;
  std::string stem = name == "<stdin>" ? "stdin" : IdFromPath(name);
  while (lines.Next(&line, &length, &too_long)) {
    if (Stopped()) return;
    ++number;
    std::string where = name + ":" + std::to_string(number);
    if (number == 1 && line.size() >= 2) {
      auto b0 = static_cast<unsigned char>(line[0]), b1 = static_cast<unsigned char>(line[1]);
      if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        Reject(report, name,
               "UTF-16 text (byte order mark): JSON Lines must be UTF-8 "
               "(convert with: iconv -f UTF-16 -t UTF-8)");
        return;
      }
      if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    }
    if (too_long) {
      ++records;
      Reject(report, where,
             "line of " + std::to_string(length) + " bytes is longer than the limit of " +
                 std::to_string(options_.max_document_bytes) + " bytes, skipped");
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (IsBlank(line)) continue;
    ++records;
    if (records == 1) {
      size_t nul = line.find('\0');
      if (nul != std::string::npos) {
        Reject(report, name,
               "binary file: NUL byte at line " + std::to_string(number) + ", column " +
                   std::to_string(nul + 1) + " (not JSON Lines)");
        return;
      }
    }
    ReadRecord(line, where, stem + "#" + std::to_string(number), sink, report);
  }
  if (lines.failed()) {
    Reject(report, name, std::string("read error: ") + std::strerror(errno));
  } else if (records == 0) {
    Reject(report, name, "empty file: no JSON Lines records");
  }
}

void DocumentReader::ReadRecord(const std::string& line, const std::string& where,
                                const std::string& default_id, const Sink& sink,
                                const Report& report) {
  std::string error;
  if (!ValidateText(line, &error)) {
    // "line 1, column 7 (byte 6): invalid UTF-8": the line is in `where`.
    Reject(report, where, error.substr(error.find(", ") + 2));
    return;
  }
  if (size_t deep = TooDeep(line, options_.max_json_depth); deep != std::string::npos) {
    Reject(report, where,
           "JSON nested deeper than " + std::to_string(options_.max_json_depth) +
               " levels at column " + std::to_string(deep + 1));
    return;
  }
  rapidjson::Document json;
  // Iterative parsing: the stack does not grow with the input.
  json.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(line.data(),
                                                                                 line.size());
  if (json.HasParseError()) {
    Reject(report, where,
           std::string("malformed JSON at column ") + std::to_string(json.GetErrorOffset() + 1) +
               ": " + rapidjson::GetParseError_En(json.GetParseError()));
    return;
  }
  if (!json.IsObject()) {
    Reject(report, where, "expected a JSON object");
    return;
  }
  auto text_it = json.FindMember("text");
  if (text_it == json.MemberEnd()) {
    Reject(report, where, "field \"text\" is missing");
    return;
  }
  if (!text_it->value.IsString()) {
    Reject(report, where, "field \"text\" is not a string");
    return;
  }
  graph::Document doc;
  doc.text.assign(text_it->value.GetString(), text_it->value.GetStringLength());
  if (IsBlank(doc.text)) {
    Reject(report, where, "field \"text\" is empty");
    return;
  }
  if (doc.text.find('\0') != std::string::npos) {
    Reject(report, where, "field \"text\" contains a NUL character");
    return;
  }
  // Escapes such as "\udc00" (a lone surrogate) decode to bytes that are
  // not UTF-8; nothing downstream may see them.
  if (!ValidateText(doc.text, &error)) {
    Reject(report, where, "field \"text\" is not valid text after unescaping (" + error + ")");
    return;
  }
  std::string bad_field;
  auto str = [&](const char* key) -> std::string {
    auto it = json.FindMember(key);
    if (it == json.MemberEnd() || it->value.IsNull()) return "";
    std::string value;
    if (it->value.IsString()) value.assign(it->value.GetString(), it->value.GetStringLength());
    else if (it->value.IsInt64()) value = std::to_string(it->value.GetInt64());
    std::string ignored;
    if (!value.empty() && !ValidateText(value, &ignored) && bad_field.empty()) bad_field = key;
    return value;
  };
  doc.id = str("id");
  if (doc.id.empty()) doc.id = default_id;
  doc.title = str("title");
  doc.date = NormalizeDate(str("date"));
  doc.url = str("url");
  doc.source = str("source");
  if (!bad_field.empty()) {
    Reject(report, where, "field \"" + bad_field + "\" is not valid text (NUL or invalid UTF-8)");
    return;
  }
  doc.origin = where;
  Accept(std::move(doc), sink);
}

}  // namespace newsgraph::extract
