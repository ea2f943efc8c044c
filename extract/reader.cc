// Document readers: files, folders, JSON Lines and standard input.
#include "extract/reader.h"

#include "extract/html.h"
#include "graph/date.h"

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
#include <streambuf>

namespace fs = std::filesystem;

namespace newsgraph::extract {
namespace {

std::string Lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

enum class Format { kText, kHtml, kJsonLines, kConllu, kUnknown };

Format FormatOf(const std::string& path) {
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text") return Format::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::kHtml;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".conllu" || ext == ".conll") return Format::kConllu;
  return Format::kUnknown;
}

bool IsBlank(const std::string& s) {
  for (unsigned char c : s)
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) return false;
  return true;
}

// Length of the valid UTF-8 sequence at s[i] (1 for ASCII), or 0 when the
// bytes there are not UTF-8 (overlong forms and surrogates included).
size_t Utf8Length(const unsigned char* s, size_t i, size_t n) {
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
  bool ok = len > 0 && i + len <= n;
  for (size_t k = 1; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
  if (ok && len == 3) {
    if (c == 0xE0 && s[i + 1] < 0xA0) ok = false;  // overlong
    if (c == 0xED && s[i + 1] >= 0xA0) ok = false;  // surrogate
  }
  if (ok && len == 4) {
    if (c == 0xF0 && s[i + 1] < 0x90) ok = false;
    if (c == 0xF4 && s[i + 1] >= 0x90) ok = false;
  }
  return ok ? len : 0;
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

  // Next line without its end (LF, CRLF or a lone CR). Returns false at
  // the end of the input. *length is the line's full length; *too_long is
  // set (and *line left empty) when that exceeds the limit.
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
      if (after_cr_) {
        // The LF of a CRLF split across two chunks.
        after_cr_ = false;
        if (chunk_[pos_] == '\n') {
          ++pos_;
          continue;
        }
      }
      any = true;
      const char* begin = chunk_.data() + pos_;
      size_t left = end_ - pos_;
      const char* nl = static_cast<const char*>(std::memchr(begin, '\n', left));
      const char* cr = static_cast<const char*>(std::memchr(begin, '\r', nl ? static_cast<size_t>(nl - begin) : left));
      const char* eol = cr ? cr : nl;
      size_t n = eol ? static_cast<size_t>(eol - begin) : left;
      *length += n;
      if (!*too_long && *length > limit_) {
        *too_long = true;
        line->clear();
        line->shrink_to_fit();
      }
      if (!*too_long) line->append(begin, n);
      pos_ += n;
      if (eol) {
        ++pos_;
        if (eol == cr) {
          if (pos_ < end_) {
            if (chunk_[pos_] == '\n') ++pos_;
          } else {
            after_cr_ = true;
          }
        }
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
  bool eof_ = false, failed_ = false, after_cr_ = false;
};

// A stream buffer that reads UTF-16 (after its byte order mark, already
// taken from the source) and gives UTF-8, a chunk at a time. Invalid
// UTF-16 (an odd byte at the end, a lone surrogate) ends the stream with
// error() set.
class Utf16ToUtf8Buf : public std::streambuf {
 public:
  Utf16ToUtf8Buf(std::istream& in, bool big_endian) : in_(in), big_endian_(big_endian), raw_(1 << 16) {}
  const std::string& error() const { return error_; }
  bool failed() const { return failed_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    out_.clear();
    while (out_.empty() && !done_) {
      in_.read(raw_.data() + carry_, static_cast<std::streamsize>(raw_.size() - carry_));
      size_t n = carry_ + static_cast<size_t>(in_.gcount());
      if (in_.bad()) failed_ = true;
      bool last = !in_;
      size_t i = 0;
      auto unit = [&](size_t k) -> uint32_t {
        auto a = static_cast<unsigned char>(raw_[k]), b = static_cast<unsigned char>(raw_[k + 1]);
        return big_endian_ ? (a << 8 | b) : (b << 8 | a);
      };
      for (; i + 1 < n; i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
          if (i + 3 >= n) {
            if (!last) break;  // the pair's second half is in the next read
            Fail("invalid UTF-16 surrogate at byte " + std::to_string(offset_ + i + 2));
            break;
          }
          uint32_t lo = unit(i + 2);
          if (lo < 0xDC00 || lo > 0xDFFF) {
            Fail("invalid UTF-16 surrogate at byte " + std::to_string(offset_ + i + 2));
            break;
          }
          u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
          i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
          Fail("invalid UTF-16 surrogate at byte " + std::to_string(offset_ + i + 2));
          break;
        }
        AppendUtf8(u, &out_);
      }
      if (done_) {
        // The line with the bad unit is not given to the reader: the error
        // is reported once, at that line.
        size_t nl = out_.rfind('\n');
        out_.erase(nl == std::string::npos ? 0 : nl + 1);
        break;
      }
      carry_ = n - i;
      std::memmove(raw_.data(), raw_.data() + i, carry_);
      offset_ += i;
      if (last) {
        if (carry_ && !done_) Fail("UTF-16 text with an odd number of bytes");
        done_ = true;
      }
    }
    if (out_.empty()) return traits_type::eof();
    setg(out_.data(), out_.data(), out_.data() + out_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  void Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    done_ = true;
  }
  std::istream& in_;
  bool big_endian_;
  std::vector<char> raw_;
  std::string out_, error_;
  size_t carry_ = 0;
  uint64_t offset_ = 0;
  bool done_ = false, failed_ = false;
};

// Reads a byte order mark at the start of in, if any: 8 for UTF-8, 16 for
// UTF-16 LE, 17 for UTF-16 BE (the mark taken from the stream), 0 for none
// (the bytes looked at are put back).
int TakeByteOrderMark(std::istream& in) {
  int c = in.peek();
  if (c != 0xEF && c != 0xFF && c != 0xFE) {
    in.clear(in.rdstate() & ~std::ios::eofbit);
    return 0;
  }
  in.get();
  int c2 = in.peek();
  if (c == 0xFF && c2 == 0xFE) return in.get(), 16;
  if (c == 0xFE && c2 == 0xFF) return in.get(), 17;
  if (c == 0xEF && c2 == 0xBB) {
    in.get();
    if (in.peek() == 0xBF) return in.get(), 8;
    in.clear(in.rdstate() & ~std::ios::eofbit);
    in.putback(static_cast<char>(0xBB));
  }
  in.clear(in.rdstate() & ~std::ios::eofbit);
  in.putback(static_cast<char>(c));
  return 0;
}

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
    const size_t len = Utf8Length(s, i, n);
    if (len == 0) {
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

std::string EscapeInvalidUtf8(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  std::string out;
  out.reserve(n);
  for (size_t i = 0; i < n;) {
    size_t len = s[i] < 0x20 || s[i] == 0x7F ? 0 : Utf8Length(s, i, n);
    if (len == 0) {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", s[i]);
      out += hex;
      ++i;
    } else {
      out.append(text, i, len);
      i += len;
    }
  }
  return out;
}

std::string PrintableText(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  std::string out;
  out.reserve(n);
  auto hex = [&](unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", c);
    out += buf;
  };
  for (size_t i = 0; i < n;) {
    size_t len = Utf8Length(s, i, n);
    if (len == 0 || (len == 1 && ((s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7F))) {
      hex(s[i]);
      ++i;
    } else if (len == 2 && s[i] == 0xC2 && s[i + 1] < 0xA0) {  // C1 controls U+0080..U+009F
      hex(s[i]);
      hex(s[i + 1]);
      i += 2;
    } else {
      out.append(text, i, len);
      i += len;
    }
  }
  return out;
}

std::string IdFromPath(const std::string& path) {
  return EscapeInvalidUtf8(fs::path(path).stem().string());
}

std::string DocumentReader::FileId(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(path), ec).lexically_normal();
  fs::path rel = root_.empty() || ec ? fs::path(path).filename() : abs.lexically_relative(root_);
  if (rel.empty() || rel.native().rfind("..", 0) == 0) rel = fs::path(path).filename();
  std::string id = EscapeInvalidUtf8((rel.parent_path() / rel.stem()).generic_string());
  if (id.rfind("./", 0) == 0) id.erase(0, 2);
  if (!file_ids_.insert(id).second) {
    id = EscapeInvalidUtf8(rel.generic_string());
    for (int k = 2; !file_ids_.insert(id).second; ++k) id = EscapeInvalidUtf8(rel.generic_string()) + "~" + std::to_string(k);
  }
  return id;
}

void DocumentReader::SetDate(graph::Document* doc, const std::string& written, const std::string& where,
                             const Report& report) {
  doc->date.clear();
  if (IsBlank(written)) return;
  if (auto date = graph::ParseDate(written)) {
    doc->date = *date;
    return;
  }
  ++tally_.bad_dates;
  report(Diagnostic{where,
                    "date \"" + written.substr(0, 60) +
                        "\" not understood (not a day of the calendar, or not a form such as 2025-01-06, "
                        "6 Jan 2025 or Mon, 06 Jan 2025 10:00:00 GMT): document kept without a date",
                    false});
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
  // The common root: the deepest folder that holds every input (a folder
  // input itself, a file's folder). Ids are paths relative to it.
  root_.clear();
  bool first = true;
  fs::path root;
  for (const auto& input : inputs) {
    if (input == "-") continue;
    std::error_code ec;
    fs::path abs = fs::absolute(fs::path(input), ec).lexically_normal();
    if (ec || !fs::exists(abs, ec)) continue;  // reported when read
    if (!abs.has_filename()) abs = abs.parent_path();  // "dir/" -> "dir"
    fs::path dir = fs::is_directory(abs, ec) ? abs : abs.parent_path();
    if (first) {
      root = dir;
      first = false;
      continue;
    }
    fs::path common;
    auto a = root.begin(), b = dir.begin();
    for (; a != root.end() && b != dir.end() && *a == *b; ++a, ++b) common /= *a;
    root = common;
  }
  root_ = root.string();
  for (const auto& input : inputs) {
    if (Stopped()) return;
    if (input == "-") {
      ReadStdin(sink, report);
      continue;
    }
    ReadPath(input, true, sink, report);
  }
}

void DocumentReader::ReadStdin(const Sink& sink, const Report& report) {
  std::istream* in = &std::cin;
  std::unique_ptr<Utf16ToUtf8Buf> utf16;
  std::unique_ptr<std::istream> decoded;
  int bom = TakeByteOrderMark(std::cin);
  if (bom == 16 || bom == 17) {
    utf16 = std::make_unique<Utf16ToUtf8Buf>(std::cin, bom == 17);
    decoded = std::make_unique<std::istream>(utf16.get());
    in = decoded.get();
  }
  std::string first;
  int c;
  while ((c = in->peek()) != EOF && std::isspace(c)) first.push_back(static_cast<char>(in->get()));
  if (in->peek() == '{' && !options_.conllu) {
    ReadJsonLines(*in, "<stdin>", sink, report, "stdin");
  } else {
    std::string rest, text, error;
    bool read_ok = ReadBounded(*in, options_.max_document_bytes, &rest);
    if (!read_ok) {
      Reject(report, "<stdin>", std::string("read error: ") + std::strerror(errno));
    } else if (utf16 && !utf16->error().empty()) {
      Reject(report, "<stdin>", utf16->error());
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
    case Format::kHtml:
      ReadHtmlFile(path, sink, report);
      return;
    case Format::kJsonLines: {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        Reject(report, path, std::string("cannot open: ") + std::strerror(errno));
        return;
      }
      ReadJsonLines(in, path, sink, report, FileId(path));
      return;
    }
    case Format::kUnknown:
      if (named) {
        Reject(report, path,
               "unknown file type '" + fs::path(path).extension().string() +
                   "' (expected .txt, .md, .html, .jsonl or .conllu)");
      } else {
        ++tally_.skipped_files;
        report(Diagnostic{path, "skipped: not .txt, .md, .html, .jsonl or .conllu", false});
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
  std::string stem = name == "<stdin>" ? "stdin" : FileId(name);
  graph::Document doc;
  uint64_t doc_line = 1, docs = 0;
  bool in_sentence = false, bad = false, space_after = true;
  std::string bad_reason;
  auto finish = [&]() {
    while (!doc.text.empty() && doc.text.back() == '\n') doc.text.pop_back();
    if (!doc.tokens.empty() && !bad) {
      if (doc.id.empty()) doc.id = docs == 0 ? stem : stem + "-" + std::to_string(docs + 1);
      doc.origin = EscapeInvalidUtf8(name) + ":" + std::to_string(doc_line);
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
  doc.id = FileId(path);
  doc.origin = EscapeInvalidUtf8(path);
  doc.text = std::move(text);
  Accept(std::move(doc), sink);
}

void DocumentReader::ReadHtmlFile(const std::string& path, const Sink& sink, const Report& report) {
  std::string html;
  if (!ReadWhole(path, &html, report)) return;
  HtmlArticle article;
  std::string error;
  if (!ParseHtmlArticle(html, &article, &error)) {
    Reject(report, path, error);
    return;
  }
  graph::Document doc;
  doc.id = FileId(path);
  doc.origin = EscapeInvalidUtf8(path);
  doc.title = std::move(article.title);
  doc.url = std::move(article.url);
  doc.text = std::move(article.text);
  SetDate(&doc, article.date, path, report);
  Accept(std::move(doc), sink);
}

void DocumentReader::ReadJsonLines(std::istream& raw, const std::string& name, const Sink& sink,
                                   const Report& report, const std::string& id_stem) {
  // A byte order mark: UTF-8's is dropped, UTF-16 is decoded as it is read.
  std::istream* in = &raw;
  std::unique_ptr<Utf16ToUtf8Buf> utf16;
  std::unique_ptr<std::istream> decoded;
  int bom = TakeByteOrderMark(raw);
  if (bom == 16 || bom == 17) {
    utf16 = std::make_unique<Utf16ToUtf8Buf>(raw, bom == 17);
    decoded = std::make_unique<std::istream>(utf16.get());
    in = decoded.get();
  }
  LineReader lines(*in, options_.max_document_bytes);
  std::string line;
  uint64_t number = 0, length = 0, records = 0;
  bool too_long = false;
  std::string stem = !id_stem.empty() ? id_stem : name == "<stdin>" ? "stdin" : IdFromPath(name);
  std::string shown = EscapeInvalidUtf8(name);
  while (lines.Next(&line, &length, &too_long)) {
    if (Stopped()) return;
    ++number;
    std::string where = shown + ":" + std::to_string(number);
    if (too_long) {
      ++records;
      Reject(report, where,
             "line of " + std::to_string(length) + " bytes is longer than the limit of " +
                 std::to_string(options_.max_document_bytes) + " bytes, skipped");
      continue;
    }
    if (IsBlank(line)) continue;
    ++records;
    if (records == 1) {
      size_t nul = line.find('\0');
      if (nul != std::string::npos) {
        Reject(report, shown,
               "binary file: NUL byte at line " + std::to_string(number) + ", column " +
                   std::to_string(nul + 1) +
                   (bom ? " (not JSON Lines)" : " (not JSON Lines; UTF-16 text needs a byte order mark)"));
        return;
      }
    }
    ReadRecord(line, where, stem + "#" + std::to_string(number), sink, report);
  }
  if (utf16 && !utf16->error().empty()) {
    Reject(report, shown + ":" + std::to_string(number + 1), utf16->error() + ": the rest of the file is not read");
  } else if (lines.failed() || (utf16 && utf16->failed())) {
    Reject(report, shown, std::string("read error: ") + std::strerror(errno));
  } else if (records == 0) {
    Reject(report, shown, "empty file: no JSON Lines records");
  }
}

bool FieldNames::Set(const std::string& spec, std::string* error) {
  size_t eq = spec.find('=');
  std::string field = spec.substr(0, eq), key = eq == std::string::npos ? "" : spec.substr(eq + 1);
  std::string* slot = field == "id"       ? &id
                      : field == "text"   ? &text
                      : field == "title"  ? &title
                      : field == "date"   ? &date
                      : field == "url"    ? &url
                      : field == "source" ? &source
                                          : nullptr;
  if (eq == std::string::npos || key.empty()) {
    *error = "--field " + spec + ": expected FIELD=KEY, e.g. text=body";
    return false;
  }
  if (!slot) {
    *error = "--field " + spec + ": unknown field '" + field + "' (id, text, title, date, url or source)";
    return false;
  }
  *slot = key;
  return true;
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
  // Iterative parsing: the stack does not grow with the input. The whole
  // line must be the one value: text after it (a second record on the
  // same line) is an error, not silently dropped.
  json.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
  if (json.HasParseError()) {
    if (json.GetParseError() == rapidjson::kParseErrorDocumentRootNotSingular) {
      Reject(report, where,
             "text after the JSON object at column " + std::to_string(json.GetErrorOffset() + 1) +
                 ": a line must hold exactly one record (two records on one line?)");
    } else {
      Reject(report, where,
             std::string("malformed JSON at column ") + std::to_string(json.GetErrorOffset() + 1) +
                 ": " + rapidjson::GetParseError_En(json.GetParseError()));
    }
    return;
  }
  if (!json.IsObject()) {
    Reject(report, where, "expected a JSON object");
    return;
  }
  // A key given twice: which value was meant is unknown (RapidJSON would
  // silently take the first).
  {
    std::set<std::string_view> keys;
    for (auto it = json.MemberBegin(); it != json.MemberEnd(); ++it) {
      std::string_view key(it->name.GetString(), it->name.GetStringLength());
      if (!keys.insert(key).second) {
        Reject(report, where, "key \"" + EscapeInvalidUtf8(std::string(key.substr(0, 60))) +
                                  "\" appears twice in the record: which value is meant is unclear");
        return;
      }
    }
  }
  const FieldNames& names = options_.fields;
  auto field_name = [&](const std::string& key, const char* field) {
    return key == field ? "field \"" + key + "\"" : "field \"" + key + "\" (--field " + field + "=" + key + ")";
  };
  auto text_it = json.FindMember(names.text.c_str());
  if (text_it == json.MemberEnd()) {
    std::string hint;
    if (names.text == "text")
      for (const char* other : {"body", "content", "article", "full_text", "maintext", "story", "description"})
        if (json.HasMember(other)) {
          hint = std::string(" (the record has \"") + other + "\": read it with --field text=" + other + ")";
          break;
        }
    Reject(report, where, field_name(names.text, "text") + " is missing" + hint);
    return;
  }
  if (!text_it->value.IsString()) {
    Reject(report, where, field_name(names.text, "text") + " is not a string");
    return;
  }
  graph::Document doc;
  doc.text.assign(text_it->value.GetString(), text_it->value.GetStringLength());
  if (IsBlank(doc.text)) {
    Reject(report, where, field_name(names.text, "text") + " is empty");
    return;
  }
  if (doc.text.find('\0') != std::string::npos) {
    Reject(report, where, field_name(names.text, "text") + " contains a NUL character");
    return;
  }
  // Escapes such as "\udc00" (a lone surrogate) decode to bytes that are
  // not UTF-8; nothing downstream may see them.
  if (!ValidateText(doc.text, &error)) {
    Reject(report, where, field_name(names.text, "text") + " is not valid text after unescaping (" + error + ")");
    return;
  }
  std::string bad_field;
  auto str = [&](const std::string& key) -> std::string {
    auto it = json.FindMember(key.c_str());
    if (it == json.MemberEnd() || it->value.IsNull()) return "";
    std::string value;
    if (it->value.IsString()) value.assign(it->value.GetString(), it->value.GetStringLength());
    else if (it->value.IsInt64()) value = std::to_string(it->value.GetInt64());
    std::string ignored;
    if (!value.empty() && !ValidateText(value, &ignored) && bad_field.empty()) bad_field = key;
    return value;
  };
  doc.id = str(names.id);
  if (doc.id.empty()) doc.id = default_id;
  doc.title = str(names.title);
  std::string date = str(names.date);
  doc.url = str(names.url);
  doc.source = str(names.source);
  if (!bad_field.empty()) {
    Reject(report, where, "field \"" + bad_field + "\" is not valid text (NUL or invalid UTF-8)");
    return;
  }
  SetDate(&doc, date, where, report);
  doc.origin = where;
  Accept(std::move(doc), sink);
}

}  // namespace newsgraph::extract
