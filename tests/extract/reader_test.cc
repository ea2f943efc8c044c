// Unit tests of the document readers: validation messages, decoding, the
// bounded JSON Lines reader, hostile JSON and the tally. The CLI end-to-end
// versions (real files, big inputs) are in tests/cli/robustness_test.cc.
#include "extract/reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace newsgraph::extract {
namespace {

struct Collected {
  std::vector<graph::Document> docs;
  std::vector<Diagnostic> diagnostics;
  std::string Messages() const {
    std::string s;
    for (const auto& d : diagnostics) s += d.ToString() + "\n";
    return s;
  }
};

Collected ReadJsonl(const std::string& bytes, ReaderOptions options = {},
                    ReadTally* tally = nullptr) {
  Collected c;
  DocumentReader reader(options);
  std::istringstream in(bytes);
  reader.ReadJsonLines(
      in, "t.jsonl", [&](graph::Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Diagnostic& d) { c.diagnostics.push_back(d); });
  const auto& t = reader.tally();
  EXPECT_EQ(t.read, t.accepted + t.rejected);
  EXPECT_EQ(t.accepted, c.docs.size());
  if (tally) *tally = t;
  return c;
}

TEST(ValidateText, NamesLineColumnAndByte) {
  std::string error;
  EXPECT_TRUE(ValidateText("Zelensky met Erdo\xC4\x9F" "an.", &error));
  EXPECT_FALSE(ValidateText("ok\nab\xE2\x82", &error));  // truncated sequence at the end
  EXPECT_EQ(error, "line 2, column 3 (byte 5): invalid UTF-8");
  EXPECT_FALSE(ValidateText("a\xED\xA0\x80", &error));  // encoded surrogate
  EXPECT_EQ(error, "line 1, column 2 (byte 1): invalid UTF-8");
  EXPECT_FALSE(ValidateText("\xE0\x80\xAF", &error));  // overlong
  EXPECT_FALSE(ValidateText("\xF4\x90\x80\x80", &error));  // above U+10FFFF
  EXPECT_FALSE(ValidateText(std::string("a\nb\0c", 5), &error));
  EXPECT_EQ(error, "line 2, byte 3: NUL byte (binary file?)");
}

TEST(DecodeText, ByteOrderMarksBinaryAndEmpty) {
  std::string text, error;
  ASSERT_TRUE(DecodeText("\xEF\xBB\xBFhello", &text, &error));
  EXPECT_EQ(text, "hello");
  ASSERT_TRUE(DecodeText(std::string("\xFF\xFEh\0\xAC\x20", 6), &text, &error)) << error;
  EXPECT_EQ(text, "h\xE2\x82\xAC");  // "h€"
  ASSERT_TRUE(DecodeText(std::string("\xFE\xFF\xD8\x3D\xDE\x00", 6), &text, &error)) << error;
  EXPECT_EQ(text, "\xF0\x9F\x98\x80");  // a surrogate pair
  EXPECT_FALSE(DecodeText(std::string("\xFE\xFF\xD8\x3D", 4), &text, &error));
  EXPECT_EQ(error, "invalid UTF-16 surrogate at byte 2");
  EXPECT_FALSE(DecodeText(std::string("\xFF\xFE" "a\0\0\0", 6), &text, &error));
  EXPECT_EQ(error, "line 1, byte 1: NUL byte (binary file?)");
  EXPECT_FALSE(DecodeText(std::string("PK\x03\x04\0\0", 6), &text, &error));
  EXPECT_EQ(error, "binary file: NUL byte at byte 4 (UTF-16 text needs a byte order mark)");
  EXPECT_FALSE(DecodeText("", &text, &error));
  EXPECT_EQ(error, "empty document");
  EXPECT_FALSE(DecodeText("\xEF\xBB\xBF \n", &text, &error));
  EXPECT_EQ(error, "empty document");
}

TEST(JsonLines, OverLongLinesAreSkippedAndCounted) {
  ReaderOptions options;
  options.max_document_bytes = 100;
  std::string big = "{\"text\":\"" + std::string(300000, 'x') + "\"}";
  ReadTally t;
  auto c = ReadJsonl("{\"id\":\"a\",\"text\":\"one\"}\n" + big + "\n{\"text\":\"three\"}", options, &t);
  ASSERT_EQ(c.docs.size(), 2u) << c.Messages();
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[1].id, "t#3");
  EXPECT_EQ(c.docs[1].origin, "t.jsonl:3");
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].ToString(),
            "t.jsonl:2: line of 300011 bytes is longer than the limit of 100 bytes, skipped");
  EXPECT_EQ(t.read, 3u);
  EXPECT_EQ(t.rejected, 1u);
}

TEST(JsonLines, LineExactlyAtTheLimitIsRead) {
  ReaderOptions options;
  std::string line = "{\"text\":\"" + std::string(100, 'y') + "\"}";
  options.max_document_bytes = line.size();
  auto c = ReadJsonl(line + "\n" + line, options);
  EXPECT_EQ(c.docs.size(), 2u) << c.Messages();
}

TEST(JsonLines, HostileJsonIsRejectedWithColumn) {
  auto c = ReadJsonl(std::string(5000, '[') + "\n" +             // deep
                     "{\"text\":\"a\\udc00b\"}\n" +               // lone low surrogate
                     "{\"text\":\"ok\",\"title\":\"\\u0000\"}\n" +  // NUL in a field
                     "{\"text\":\"x\"} trailing\n" +              // text after the record
                     "{\"text\":\"x\",\n");                       // truncated
  ASSERT_EQ(c.diagnostics.size(), 5u) << c.Messages();
  EXPECT_EQ(c.diagnostics[0].ToString(), "t.jsonl:1: JSON nested deeper than 256 levels at column 257");
  EXPECT_EQ(c.diagnostics[1].where, "t.jsonl:2");
  EXPECT_EQ(c.diagnostics[2].ToString(),
            "t.jsonl:3: field \"title\" is not valid text (NUL or invalid UTF-8)");
  EXPECT_EQ(c.diagnostics[3].ToString(),
            "t.jsonl:4: text after the JSON object at column 14: a line must hold exactly one record "
            "(two records on one line?)");
  EXPECT_EQ(c.diagnostics[4].where, "t.jsonl:5");
  EXPECT_NE(c.diagnostics[4].message.find("malformed JSON at column"), std::string::npos);
  for (const auto& d : c.docs) {
    std::string error;
    EXPECT_TRUE(ValidateText(d.text, &error)) << d.origin;
  }
}

TEST(JsonLines, EmptyBinaryAndUtf16FilesAreOneRejection) {
  ReadTally t;
  auto empty = ReadJsonl("\n \n", {}, &t);
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_EQ(empty.diagnostics[0].ToString(), "t.jsonl: empty file: no JSON Lines records");
  EXPECT_EQ(t.rejected, 1u);
  auto binary = ReadJsonl(std::string("\x1F\x8B\x08\0\0\n\n\n\n", 9), {}, &t);
  ASSERT_EQ(binary.diagnostics.size(), 1u) << binary.Messages();
  EXPECT_EQ(binary.diagnostics[0].ToString(),
            "t.jsonl: binary file: NUL byte at line 1, column 4 (not JSON Lines; UTF-16 text needs a byte "
            "order mark)");
  auto utf16 = ReadJsonl(std::string("\xFF\xFE{\0\n\0", 6), {}, &t);
  ASSERT_EQ(utf16.diagnostics.size(), 1u);  // decoded: "{" is not a record
  EXPECT_NE(utf16.diagnostics[0].message.find("malformed JSON"), std::string::npos) << utf16.Messages();
  auto bom = ReadJsonl("\xEF\xBB\xBF{\"text\":\"with a UTF-8 byte order mark\"}\n", {}, &t);
  EXPECT_EQ(bom.docs.size(), 1u) << bom.Messages();
}

TEST(JsonLines, StopRequestedEndsReadingAtOnce) {
  ReaderOptions options;
  int seen = 0;
  options.stop_requested = [&] { return seen >= 2; };
  DocumentReader reader(options);
  std::string lines;
  for (int i = 0; i < 10; ++i) lines += "{\"text\":\"doc " + std::to_string(i) + "\"}\n";
  std::istringstream in(lines);
  reader.ReadJsonLines(in, "t.jsonl", [&](graph::Document&&) { ++seen; },
                       [](const Diagnostic&) {});
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(reader.tally().read, 2u);
}

}  // namespace
}  // namespace newsgraph::extract
