// Issue 14 (input): line endings and records per line, byte order marks,
// duplicate keys, field mapping, dates, file ids, and HTML articles.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/html.h"
#include "extract/reader.h"

namespace newsgraph::extract {
namespace {

namespace fs = std::filesystem;

struct Collected {
  std::vector<graph::Document> docs;
  std::vector<Diagnostic> diagnostics;
  ReadTally tally;
  std::string Messages() const {
    std::string s;
    for (const auto& d : diagnostics) s += d.ToString() + "\n";
    return s;
  }
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const auto& d : docs) ids.push_back(d.id);
    return ids;
  }
};

Collected ReadJsonl(const std::string& bytes, ReaderOptions options = {}) {
  Collected c;
  DocumentReader reader(options);
  std::istringstream in(bytes);
  reader.ReadJsonLines(
      in, "t.jsonl", [&](graph::Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Diagnostic& d) { c.diagnostics.push_back(d); });
  c.tally = reader.tally();
  EXPECT_EQ(c.tally.read, c.tally.accepted + c.tally.rejected);
  return c;
}

Collected ReadPaths(const std::vector<std::string>& inputs, ReaderOptions options = {}) {
  Collected c;
  DocumentReader reader(options);
  reader.Read(
      inputs, [&](graph::Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Diagnostic& d) { c.diagnostics.push_back(d); });
  c.tally = reader.tally();
  return c;
}

std::string Record(const std::string& id, const std::string& text = "Putin met Macron.") {
  return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}";
}

std::string Utf16(const std::string& ascii, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : ascii) out += big_endian ? std::string{'\0', c} : std::string{c, '\0'};
  return out;
}

TEST(JsonLinesInput, EveryLineEndingEndsARecord) {
  // LF, CRLF and lone CR (old Mac files): every record is read, and lines
  // are numbered the same way in messages.
  auto c = ReadJsonl(Record("a") + "\r" + Record("b") + "\r\n" + Record("c") + "\n" + "{bad}\r" + Record("e"));
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a", "b", "c", "e"})) << c.Messages();
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.Messages();
  EXPECT_EQ(c.diagnostics[0].where, "t.jsonl:4");
}

TEST(JsonLinesInput, CrLfSplitAcrossReadChunksIsOneLineEnd) {
  // The reader reads 64 KiB at a time: a CR as the last byte of a chunk and
  // its LF as the first of the next must not make an empty line between.
  std::string first = Record("a", std::string(65536 - 1 - Record("a", "").size(), 'x'));
  ASSERT_EQ(first.size() + 1, 65536u);
  auto c = ReadJsonl(first + "\r\n" + Record("b") + "\r\n{oops}\r\n");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a", "b"})) << c.Messages();
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.Messages();
  EXPECT_EQ(c.diagnostics[0].where, "t.jsonl:3");
}

TEST(JsonLinesInput, TwoObjectsOnOneLineOrTrailingTextAreRejected) {
  auto c = ReadJsonl(Record("a") + Record("b") + "\n" + Record("c") + " // note\n" + Record("d") + "  \n");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"d"})) << c.Messages();
  ASSERT_EQ(c.diagnostics.size(), 2u) << c.Messages();
  EXPECT_EQ(c.diagnostics[0].where, "t.jsonl:1");
  EXPECT_NE(c.diagnostics[0].message.find("a line must hold exactly one record"), std::string::npos);
  EXPECT_EQ(c.diagnostics[1].where, "t.jsonl:2");
  EXPECT_EQ(c.tally.rejected, 2u);
}

TEST(JsonLinesInput, Utf16WithByteOrderMarkIsDecoded) {
  for (bool big_endian : {false, true}) {
    auto c = ReadJsonl(Utf16(Record("a") + "\r\n" + Record("b") + "\n", big_endian));
    EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a", "b"})) << c.Messages();
    EXPECT_TRUE(c.diagnostics.empty()) << c.Messages();
  }
  // A character outside the BMP (a surrogate pair) across the 64 KiB
  // boundary of the decoder's reads, and a lone surrogate later on.
  std::string text = "{\"text\":\"" + std::string(65536 / 2 - 20, 'a');
  std::string bytes = "\xFF\xFE";
  for (char ch : text) bytes += std::string{ch, '\0'};
  while (bytes.size() < 65536) bytes += std::string{'b', '\0'};
  ASSERT_EQ(bytes.size(), 65536u);  // the pair's high half ends the decoder's first read
  bytes += std::string("\x3D\xD8\x00\xDE", 4);  // U+1F600 as D83D DE00
  for (char ch : std::string("\"}\n")) bytes += std::string{ch, '\0'};
  bytes += std::string("{\0\"\0t\0\"\0:\0\"\0\x00\xDC\"\0}\0", 18);  // lone low surrogate DC00
  auto c = ReadJsonl(bytes);
  ASSERT_EQ(c.docs.size(), 1u) << c.Messages();
  EXPECT_NE(c.docs[0].text.find("\xF0\x9F\x98\x80"), std::string::npos);
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.Messages();
  EXPECT_NE(c.diagnostics[0].message.find("invalid UTF-16 surrogate"), std::string::npos) << c.Messages();
}

TEST(JsonLinesInput, DuplicateKeysRejectTheRecord) {
  auto c = ReadJsonl("{\"id\":\"a\",\"text\":\"Putin met Macron.\",\"text\":\"Biden met Xi.\"}\n" + Record("b") + "\n");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"b"}));
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].ToString(),
            "t.jsonl:1: key \"text\" appears twice in the record: which value is meant is unclear");
}

TEST(JsonLinesInput, FieldMappingReadsOtherKeys) {
  ReaderOptions options;
  std::string error;
  ASSERT_TRUE(options.fields.Set("text=body", &error));
  ASSERT_TRUE(options.fields.Set("date=published", &error));
  ASSERT_TRUE(options.fields.Set("url=link", &error));
  ASSERT_TRUE(options.fields.Set("id=guid", &error));
  EXPECT_FALSE(options.fields.Set("author=by", &error));
  EXPECT_NE(error.find("unknown field 'author'"), std::string::npos) << error;
  EXPECT_FALSE(options.fields.Set("text", &error));
  EXPECT_FALSE(options.fields.Set("text=", &error));
  auto c = ReadJsonl(
      "{\"guid\":\"g1\",\"body\":\"Putin met Macron.\",\"published\":\"Mon, 06 Jan 2025 10:00:00 GMT\","
      "\"link\":\"https://example.org/1\",\"text\":\"ignored\"}\n"
      "{\"guid\":\"g2\",\"text\":\"no body here\"}\n",
      options);
  ASSERT_EQ(c.docs.size(), 1u) << c.Messages();
  EXPECT_EQ(c.docs[0].id, "g1");
  EXPECT_EQ(c.docs[0].text, "Putin met Macron.");
  EXPECT_EQ(c.docs[0].date, "2025-01-06");
  EXPECT_EQ(c.docs[0].url, "https://example.org/1");
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].ToString(), "t.jsonl:2: field \"body\" (--field text=body) is missing");
  // Without the mapping, the usual names of other tools are suggested.
  auto plain = ReadJsonl("{\"body\":\"Putin met Macron.\"}\n");
  ASSERT_EQ(plain.diagnostics.size(), 1u);
  EXPECT_NE(plain.diagnostics[0].message.find("read it with --field text=body"), std::string::npos);
}

TEST(JsonLinesInput, DatesAreParsedOrWarnedAboutAndLeftOut) {
  auto c = ReadJsonl("{\"id\":\"a\",\"date\":\"2 Jan 2025\",\"text\":\"x y\"}\n"
                     "{\"id\":\"b\",\"date\":\"2024-02-30\",\"text\":\"x y\"}\n"
                     "{\"id\":\"c\",\"date\":\"9999-99-99\",\"text\":\"x y\"}\n"
                     "{\"id\":\"d\",\"date\":\"20250106\",\"text\":\"x y\"}\n"
                     "{\"id\":\"e\",\"date\":\"\",\"text\":\"x y\"}\n");
  ASSERT_EQ(c.docs.size(), 5u) << c.Messages();
  EXPECT_EQ(c.docs[0].date, "2025-01-02");
  EXPECT_EQ(c.docs[1].date, "");
  EXPECT_EQ(c.docs[2].date, "");
  EXPECT_EQ(c.docs[3].date, "2025-01-06");
  EXPECT_EQ(c.docs[4].date, "");
  ASSERT_EQ(c.diagnostics.size(), 2u) << c.Messages();
  EXPECT_EQ(c.diagnostics[0].where, "t.jsonl:2");
  EXPECT_FALSE(c.diagnostics[0].rejected);
  EXPECT_NE(c.diagnostics[0].message.find("date \"2024-02-30\" not understood"), std::string::npos);
  EXPECT_EQ(c.diagnostics[1].where, "t.jsonl:3");
  EXPECT_EQ(c.tally.bad_dates, 2u);
  EXPECT_EQ(c.tally.accepted, 5u);
}

TEST(Escaping, IdsAreUtf8AndMessagesHaveNoControlBytes) {
  EXPECT_EQ(EscapeInvalidUtf8("caf\xe9"), "caf%E9");
  EXPECT_EQ(EscapeInvalidUtf8("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(EscapeInvalidUtf8("a\x1b[31mb"), "a%1B[31mb");
  EXPECT_EQ(PrintableText("x\x1b]0;owned\x07y"), "x\\x1B]0;owned\\x07y");
  EXPECT_EQ(PrintableText("caf\xe9\tok"), "caf\\xE9\tok");
  EXPECT_EQ(PrintableText("c1 \xc2\x9b" "31m"), "c1 \\xC2\\x9B31m");  // CSI as a C1 control
  EXPECT_EQ(PrintableText("Erdo\xc4\x9f" "an"), "Erdo\xc4\x9f" "an");
}

class FolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string t = (fs::temp_directory_path() / "newsgraph-input-XXXXXX").string();
    ASSERT_NE(mkdtemp(t.data()), nullptr);
    dir_ = t;
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& bytes) {
    fs::create_directories((fs::path(dir_) / rel).parent_path());
    std::ofstream(fs::path(dir_) / rel, std::ios::binary) << bytes;
  }
  std::string Path(const std::string& rel) const { return dir_ + "/" + rel; }
  std::string dir_;
};

TEST_F(FolderTest, SameFileNamesInDifferentFoldersGetDifferentIds) {
  Write("in/a/article.txt", "Putin met Macron.");
  Write("in/b/article.txt", "Biden met Xi.");
  Write("in/b/article.md", "Scholz met Zelensky.");
  Write("in/top.txt", "Modi met Sunak.");
  Write("in/caf\xe9.txt", "Erdogan met Orban.");
  auto c = ReadPaths({Path("in")});
  EXPECT_TRUE(c.diagnostics.empty()) << c.Messages();
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a/article", "b/article", "b/article.txt", "caf%E9", "top"}));
  for (const auto& d : c.docs) {
    std::string error;
    EXPECT_TRUE(ValidateText(d.id, &error)) << d.id;
    EXPECT_TRUE(ValidateText(d.origin, &error)) << d.origin;
  }
  // Named files: relative to the folder that holds them all.
  auto named = ReadPaths({Path("in/a/article.txt"), Path("in/b/article.txt")});
  EXPECT_EQ(named.Ids(), (std::vector<std::string>{"a/article", "b/article"}));
  auto one = ReadPaths({Path("in/a/article.txt")});
  EXPECT_EQ(one.Ids(), (std::vector<std::string>{"article"}));
  // JSON Lines records without an id take the file's id.
  Write("in/a/feed.jsonl", "{\"text\":\"Putin met Macron.\"}\n");
  Write("in/b/feed.jsonl", "{\"text\":\"Putin met Macron.\"}\n");
  auto feeds = ReadPaths({Path("in/a/feed.jsonl"), Path("in/b/feed.jsonl")});
  EXPECT_EQ(feeds.Ids(), (std::vector<std::string>{"a/feed#1", "b/feed#1"}));
}

TEST_F(FolderTest, HtmlFilesAreReadAsArticles) {
  Write("page.html",
        "<!doctype html><html><head><title>Site | Talks</title>"
        "<meta property=\"og:title\" content=\"Putin and Macron meet\">"
        "<meta property=\"article:published_time\" content=\"2025-01-06T10:00:00Z\">"
        "<link rel=\"canonical\" href=\"https://example.org/talks\"></head>"
        "<body><nav>Home News</nav><article><p>Putin met Macron.</p></article></body></html>");
  Write("bad-date.htm",
        "<html><head><meta name=\"date\" content=\"sometime\"></head><body><p>Biden met Xi.</p></body></html>");
  auto c = ReadPaths({Path("page.html"), Path("bad-date.htm")});
  ASSERT_EQ(c.docs.size(), 2u) << c.Messages();
  EXPECT_EQ(c.docs[0].id, "page");
  EXPECT_EQ(c.docs[0].title, "Putin and Macron meet");
  EXPECT_EQ(c.docs[0].date, "2025-01-06");
  EXPECT_EQ(c.docs[0].url, "https://example.org/talks");
  EXPECT_EQ(c.docs[0].text, "Putin met Macron.");
  EXPECT_EQ(c.docs[1].date, "");
  ASSERT_EQ(c.diagnostics.size(), 1u) << c.Messages();
  EXPECT_NE(c.diagnostics[0].ToString().find("bad-date.htm: date \"sometime\" not understood"), std::string::npos);
  EXPECT_EQ(c.tally.bad_dates, 1u);
}

TEST(HtmlArticle, MainTextWithoutNavigationScriptsAndStyles) {
  HtmlArticle a;
  std::string error;
  ASSERT_TRUE(ParseHtmlArticle(
      "<html><head><title>The Daily | Summit</title><style>p{color:red}</style>"
      "<script>document.write('Trump criticized NATO.')</script></head><body>"
      "<header><a href=/>Home</a></header><nav><ul><li>World</li><li>Politics</li></ul></nav>"
      "<main><article><h1>Leaders meet</h1><time datetime=\"2024-11-05\">5 Nov</time>"
      "<p>Russian President Vladimir Putin met\n   French President <b>Emmanuel Macron</b> &amp; aides.</p>"
      "<p>Macron urged a ceasefire.<br>Talks go on</p><div hidden>Hidden Merkel.</div>"
      "<p style=\"display: none\">Invisible Xi.</p><aside>Related: Xi visits Moscow</aside>"
      "<figure><img src=x><figcaption>Photo: AP</figcaption></figure>"
      "<script>var a = 'Biden attacked China';</script></article></main>"
      "<footer>Copyright 2024</footer></body></html>",
      &a, &error))
      << error;
  EXPECT_EQ(a.title, "Leaders meet");
  EXPECT_EQ(a.date, "2024-11-05");
  EXPECT_EQ(a.text,
            "Leaders meet\n\n5 Nov\n\nRussian President Vladimir Putin met French President Emmanuel Macron & "
            "aides.\n\nMacron urged a ceasefire.\n\nTalks go on");
  // No <article>: <main>, else <body>; the <title> when there is no h1.
  ASSERT_TRUE(ParseHtmlArticle("<title> Plain  page </title><p>Biden met Xi.</p><p>Then left.", &a, &error));
  EXPECT_EQ(a.title, "Plain page");
  EXPECT_EQ(a.text, "Biden met Xi.\n\nThen left.");
  EXPECT_EQ(a.date, "");
  // An unusable meta date gives way to a usable one further down the list.
  ASSERT_TRUE(ParseHtmlArticle("<meta property=\"article:published_time\" content=\"soon\">"
                               "<meta name=\"pubdate\" content=\"January 2, 2025\"><p>x y</p>",
                               &a, &error));
  EXPECT_EQ(a.date, "January 2, 2025");
}

TEST(HtmlArticle, EmptyAndHostilePagesAreRefusedWithAReason) {
  HtmlArticle a;
  std::string error;
  EXPECT_FALSE(ParseHtmlArticle("<html><body><nav>Home</nav><script>x()</script></body></html>", &a, &error));
  EXPECT_NE(error.find("no article text"), std::string::npos) << error;
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  deep += "text";
  EXPECT_FALSE(ParseHtmlArticle(deep, &a, &error));
  EXPECT_NE(error.find("nested deeper than"), std::string::npos) << error;
  // Thousands of unclosed paragraphs and list items are normal HTML.
  std::string flat;
  for (int i = 0; i < 20000; ++i) flat += "<p>Putin met Macron <li>again";
  ASSERT_TRUE(ParseHtmlArticle(flat, &a, &error)) << error;
}

}  // namespace
}  // namespace newsgraph::extract
