// Issue 14 (input and output safety), end to end through the newsgraph
// binary: records per line, byte order marks on standard input, extract's
// output checks and bounded evidence, file ids, -o onto links and special
// files, special files as dictionaries and databases, one date parser for
// documents and flags, dictionary comments and names, field mapping, HTML
// articles, and read-only opens by another user.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <set>
#include <sstream>
#include <vector>

#include "cli_util.h"

namespace newsgraph::testing {
namespace {

namespace fs = std::filesystem;


std::vector<std::string> DocIds(const std::string& jsonl) {
  std::vector<std::string> ids;
  for (const auto& r : JsonLines(jsonl))
    if (std::string(r["type"].GetString()) == "document") ids.push_back(r["doc"].GetString());
  return ids;
}

void Write(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Runs a shell command line; its exit code.
int Sh(const std::string& cmd) {
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string Sql(const std::string& db, const std::string& sql) {
  std::string cmd = "sqlite3 -batch '" + db + "' '" + sql + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "popen failed";
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

#define EXPECT_HAS(haystack, needle) \
  EXPECT_NE((haystack).find(needle), std::string::npos) << "missing: " << (needle) << "\nin:\n" << (haystack)

const std::string kRecordA = R"({"id":"a","date":"2025-01-06","text":"Vladimir Putin met Emmanuel Macron in Paris."})";
const std::string kRecordB = R"({"id":"b","date":"2025-01-07","text":"Joe Biden criticized China."})";
const std::string kRecordC = R"({"id":"c","text":"Olaf Scholz visited Kyiv."})";

TEST(InputCli, TwoRecordsOnALineAreRejectedAndLoneCrEndsLines) {
  TempDir tmp;
  Write(tmp / "two.jsonl", kRecordA + kRecordB + "\n" + kRecordC + " trailing words\n");
  auto r = RunNewsgraph("extract -q " + Quote(tmp / "two.jsonl"), tmp.path());
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_HAS(r.err, tmp / "two.jsonl:1: text after the JSON object at column");
  EXPECT_HAS(r.err, tmp / "two.jsonl:2: text after the JSON object at column");
  EXPECT_HAS(r.err, "read 2 documents: 0 accepted, 2 rejected");

  Write(tmp / "cr.jsonl", kRecordA + "\r" + kRecordB + "\r" + kRecordC + "\r");
  auto cr = RunNewsgraph("extract " + Quote(tmp / "cr.jsonl"), tmp.path());
  EXPECT_EQ(cr.code, 0) << cr.err;
  EXPECT_EQ(DocIds(cr.out), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_HAS(cr.err, "read 3 documents: 3 accepted, 0 rejected");
}

TEST(InputCli, StandardInputWithAByteOrderMarkIsJsonLines) {
  TempDir tmp;
  std::string records = kRecordA + "\n" + kRecordB + "\n";
  Write(tmp / "utf8.jsonl", "\xEF\xBB\xBF" + records);
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : records) {
    le += std::string{c, '\0'};
    be += std::string{'\0', c};
  }
  Write(tmp / "le.jsonl", le);
  Write(tmp / "be.jsonl", be);
  for (const char* name : {"utf8.jsonl", "le.jsonl", "be.jsonl"}) {
    auto r = RunNewsgraph("extract - < " + Quote(tmp / name), tmp.path());
    EXPECT_EQ(r.code, 0) << name << ": " << r.err;
    EXPECT_EQ(DocIds(r.out), (std::vector<std::string>{"a", "b"})) << name << ": " << r.err;
    EXPECT_HAS(r.out, "\"date\":\"2025-01-07\"");
  }
}

TEST(InputCli, ExtractFailsOnAWriteErrorAndLeavesNoFile) {
  TempDir tmp;
  std::string corpus;
  for (int i = 0; i < 40; ++i)
    corpus += R"({"id":"d)" + std::to_string(i) + R"(","text":"Vladimir Putin met Emmanuel Macron. Joe Biden criticized China."})" + "\n";
  Write(tmp / "in.jsonl", corpus);
  // A full device as standard output.
  int rc = Sh("'" + std::string(NEWSGRAPH_BINARY) + "' extract -q " + Quote(tmp / "in.jsonl") +
              " >/dev/full 2>" + Quote(tmp / "err"));
  EXPECT_EQ(rc, 2);
  EXPECT_HAS(ReadFile(tmp / "err"), "standard output: write failed: No space left on device");
  // A file size limit below the output's size, with -o.
  std::string out = tmp / "out.jsonl";
  rc = Sh("ulimit -f 4; '" + std::string(NEWSGRAPH_BINARY) + "' extract -q -o " + Quote(out) + " " +
          Quote(tmp / "in.jsonl") + " 2>" + Quote(tmp / "err"));
  EXPECT_EQ(rc, 2);
  EXPECT_HAS(ReadFile(tmp / "err"), out + ": write failed: File too large");
  for (const auto& e : fs::directory_iterator(tmp.path()))
    EXPECT_EQ(e.path().string().find("out.jsonl"), std::string::npos) << "left behind: " << e.path();
}

TEST(InputCli, EvidenceTextIsBoundedAndOffsetsSpanTheSentence) {
  TempDir tmp;
  // One long sentence with several statements: every triple used to repeat
  // all of it.
  std::string sentence = "Vladimir Putin met Emmanuel Macron, Joe Biden criticized China, Olaf Scholz visited Kyiv";
  for (int i = 0; i < 150; ++i) sentence += " and delegates of committee number " + std::to_string(i) + " attended";
  sentence += ".";
  ASSERT_GT(sentence.size(), 3000u);
  Write(tmp / "long.txt", "Short opening line. " + sentence + "\n");
  auto r = RunNewsgraph("extract " + Quote(tmp / "long.txt"), tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  int triples = 0;
  for (const auto& rec : JsonLines(r.out)) {
    if (std::string(rec["type"].GetString()) != "triple") continue;
    ++triples;
    const auto& ev = rec["evidence"];
    std::string text = ev["text"].GetString();
    EXPECT_EQ(ev["end"].GetUint() - ev["start"].GetUint(), sentence.size());  // the whole sentence
    ASSERT_TRUE(ev.HasMember("truncated"));
    EXPECT_TRUE(ev["truncated"].GetBool());
    EXPECT_EQ(text, sentence.substr(0, 1000) + "\xE2\x80\xA6");  // 1,000 characters and "…"
  }
  EXPECT_GE(triples, 2) << r.out;
  EXPECT_LT(r.out.size(), triples * 2000u + 20000u);
}

TEST(InputCli, FileIdsAreUniqueAndValidUtf8AndMessagesAreSafeToPrint) {
  TempDir tmp;
  Write(tmp / "in/a/article.txt", "Vladimir Putin met Emmanuel Macron.");
  Write(tmp / "in/b/article.txt", "Joe Biden criticized China.");
  Write(tmp / "in/b/article.md", "Olaf Scholz visited Kyiv.");
  Write(tmp / "in/caf\xe9.txt", "Narendra Modi met Rishi Sunak.");
  Write(tmp / "in/evil\x1b]0;owned\x07.txt", "");  // empty: rejected, its name printed
  auto r = RunNewsgraph("extract " + Quote(tmp / "in"), tmp.path());
  EXPECT_EQ(r.code, 1) << r.err;
  std::vector<std::string> ids = DocIds(r.out);  // DocIds parses every line as JSON
  EXPECT_EQ(ids, (std::vector<std::string>{"a/article", "b/article", "b/article.txt", "caf%E9"}));
  EXPECT_EQ(r.out.find('\xe9'), std::string::npos);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << "raw escape byte printed";
  EXPECT_EQ(r.err.find('\x07'), std::string::npos);
  EXPECT_HAS(r.err, "evil\\x1B]0;owned\\x07.txt: empty document");

  // build keeps all four: no id clash.
  auto b = RunNewsgraph("build -q --db " + Quote(tmp / "g.db") + " " + Quote(tmp / "in"), tmp.path());
  EXPECT_EQ(b.code, 1) << b.err;  // the empty file
  EXPECT_HAS(b.err, "read 5 documents: 4 accepted, 1 rejected");
  EXPECT_EQ(Sql(tmp / "g.db", "SELECT count(*) FROM documents"), "4\n");
}

TEST(InputCli, OutputOntoLinksAndSpecialFilesIsRefused) {
  TempDir tmp;
  Write(tmp / "in.txt", "Vladimir Putin met Emmanuel Macron.");
  Write(tmp / "target.jsonl", "KEEP\n");
  fs::create_symlink(tmp / "target.jsonl", tmp / "link.jsonl");
  ASSERT_EQ(mkfifo((tmp / "fifo").c_str(), 0644), 0);
  auto link = RunNewsgraph("extract -q -o " + Quote(tmp / "link.jsonl") + " " + Quote(tmp / "in.txt"), tmp.path());
  EXPECT_EQ(link.code, 2) << link.err;
  EXPECT_HAS(link.err, "link.jsonl: is a symbolic link");
  EXPECT_TRUE(fs::is_symlink(tmp / "link.jsonl"));
  EXPECT_EQ(ReadFile(tmp / "target.jsonl"), "KEEP\n");

  auto fifo = RunNewsgraph("extract -q -o " + Quote(tmp / "fifo") + " " + Quote(tmp / "in.txt"), tmp.path());
  EXPECT_EQ(fifo.code, 2) << fifo.err;
  EXPECT_HAS(fifo.err, "fifo: is not a regular file (a FIFO)");
  EXPECT_TRUE(fs::is_fifo(tmp / "fifo"));

  // A device node of our own (the same as /dev/null), never the system's.
  if (mknod((tmp / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    auto dev = RunNewsgraph("extract -q -o " + Quote(tmp / "null") + " " + Quote(tmp / "in.txt"), tmp.path());
    EXPECT_EQ(dev.code, 2) << dev.err;
    EXPECT_HAS(dev.err, "null: is not a regular file (a character device)");
    EXPECT_TRUE(fs::is_character_file(tmp / "null"));
  }

  // export -o goes through the same check.
  ASSERT_EQ(RunNewsgraph("build -q --db " + Quote(tmp / "g.db") + " " + Quote(tmp / "in.txt"), tmp.path()).code, 0);
  fs::create_symlink(tmp / "target.jsonl", tmp / "graph.graphml");
  auto exp = RunNewsgraph("export --db " + Quote(tmp / "g.db") + " -f graphml -o " + Quote(tmp / "graph.graphml"),
                          tmp.path());
  EXPECT_EQ(exp.code, 2) << exp.err;
  EXPECT_HAS(exp.err, "graph.graphml: is a symbolic link");
  EXPECT_EQ(ReadFile(tmp / "target.jsonl"), "KEEP\n");
}

// Guarded by ctest's TIMEOUT: before the fix a FIFO blocked forever.
TEST(InputCli, SpecialFilesAsDictionariesOrDatabasesAreRefused) {
  TempDir tmp;
  Write(tmp / "in.txt", "Vladimir Putin met Emmanuel Macron.");
  ASSERT_EQ(mkfifo((tmp / "fifo").c_str(), 0644), 0);
  for (const char* flag : {"--actors", "--verbs", "--agents", "--issues", "--discards"}) {
    for (std::string special : {tmp / "fifo", std::string("/dev/zero")}) {
      auto r = RunNewsgraph(std::string("extract -q ") + flag + " " + Quote(special) + " " + Quote(tmp / "in.txt"),
                            tmp.path());
      EXPECT_EQ(r.code, 2) << flag << " " << special << ": " << r.err;
      EXPECT_HAS(r.err, "is not a regular file");
    }
  }
  for (std::string special : {tmp / "fifo", std::string("/dev/zero")}) {
    auto b = RunNewsgraph("build -q --db " + Quote(special) + " " + Quote(tmp / "in.txt"), tmp.path());
    EXPECT_EQ(b.code, 2) << b.err;
    EXPECT_HAS(b.err, "is not a regular file");
    auto q = RunNewsgraph("query --db " + Quote(special) + " top", tmp.path());
    EXPECT_EQ(q.code, 2) << q.err;
    EXPECT_HAS(q.err, "is not a regular file");
  }
}

TEST(InputCli, DatesAreParsedValidatedAndTheSameInEveryCommand) {
  TempDir tmp;
  Write(tmp / "in.jsonl",
        R"({"id":"iso","date":"2025-01-06T10:00:00Z","text":"Vladimir Putin met Emmanuel Macron."})" "\n"
        R"({"id":"rfc","date":"Mon, 06 Jan 2025 10:00:00 GMT","text":"Joe Biden criticized China."})" "\n"
        R"({"id":"words","date":"2 Jan 2025","text":"Olaf Scholz visited Kyiv."})" "\n"
        R"({"id":"feb30","date":"2024-02-30","text":"Recep Erdogan met Viktor Orban."})" "\n"
        R"({"id":"nines","date":"9999-99-99","text":"Narendra Modi met Rishi Sunak."})" "\n");
  auto b = RunNewsgraph("build --db " + Quote(tmp / "g.db") + " " + Quote(tmp / "in.jsonl"), tmp.path());
  EXPECT_EQ(b.code, 0) << b.err;
  EXPECT_HAS(b.err, "warning: " + (tmp / "in.jsonl") + ":4: date \"2024-02-30\" not understood");
  EXPECT_HAS(b.err, "warning: " + (tmp / "in.jsonl") + ":5: date \"9999-99-99\" not understood");
  EXPECT_HAS(b.err, "read 5 documents: 5 accepted, 0 rejected; 2 with a date not understood");
  EXPECT_EQ(Sql(tmp / "g.db", "SELECT doc_id || \"=\" || coalesce(date, \"\") FROM documents ORDER BY doc_id"),
            "feb30=\niso=2025-01-06\nnines=\nrfc=2025-01-06\nwords=2025-01-02\n");

  auto q = RunNewsgraph("query --db " + Quote(tmp / "g.db") + " relations --from 2025-13-45", tmp.path());
  EXPECT_EQ(q.code, 2) << q.err;
  EXPECT_HAS(q.err, "bad date for --from '2025-13-45'");
  auto q2 = RunNewsgraph("query --db " + Quote(tmp / "g.db") + " relations --from '6 Jan 2025' --format csv",
                         tmp.path());
  EXPECT_EQ(q2.code, 0) << q2.err;
  EXPECT_HAS(q2.out, "actor:joe-biden");
  EXPECT_EQ(q2.out.find("olaf-scholz"), std::string::npos) << q2.out;  // dated 2 January
  auto e = RunNewsgraph("export --db " + Quote(tmp / "g.db") + " -f gexf -o - --to 2024-02-30", tmp.path());
  EXPECT_EQ(e.code, 2) << e.err;
  EXPECT_HAS(e.err, "bad date for --to '2024-02-30'");
}

TEST(InputCli, ActorFileCommentsAndNamesWithoutLetters) {
  TempDir tmp;
  Write(tmp / "in.txt", "Arnor praised Gondor.");
  Write(tmp / "actors.txt",
        "ARNOR [ARN]\n"
        "--- [XXX]\n"
        "12345 [YYY]\n"
        "<!-- a comment left open\n"
        "GONDOR [GON]\n"
        "ROHAN [ROH]\n");
  auto r = RunNewsgraph("extract --actors " + Quote(tmp / "actors.txt") + " " + Quote(tmp / "in.txt"), tmp.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.err, (tmp / "actors.txt") + ":2: name \"---\" has no letters");
  EXPECT_HAS(r.err, (tmp / "actors.txt") + ":3: name \"12345\" has no letters");
  EXPECT_HAS(r.err, (tmp / "actors.txt") + ":4: '<!--' is never closed: the 2 lines after it were read as a comment");
  EXPECT_EQ(r.out.find("\"actor:\""), std::string::npos) << r.out;
  auto strict = RunNewsgraph("extract --strict --actors " + Quote(tmp / "actors.txt") + " " + Quote(tmp / "in.txt"),
                             tmp.path());
  EXPECT_EQ(strict.code, 2) << strict.err;
  EXPECT_HAS(strict.err, (tmp / "actors.txt") + ":2: name \"---\" has no letters (--strict)");
}

TEST(InputCli, FieldFlagsMapOtherRecordKeys) {
  TempDir tmp;
  Write(tmp / "feed.jsonl",
        R"({"guid":"x1","body":"Vladimir Putin met Emmanuel Macron.","published":"January 6, 2025","link":"https://example.org/x1","headline":"Summit"})" "\n");
  auto plain = RunNewsgraph("extract -q " + Quote(tmp / "feed.jsonl"), tmp.path());
  EXPECT_EQ(plain.code, 1);
  EXPECT_HAS(plain.err, "read it with --field text=body");
  std::string fields = " --field text=body --field date=published --field url=link --field id=guid --field title=headline ";
  auto b = RunNewsgraph("build -q --db " + Quote(tmp / "g.db") + fields + Quote(tmp / "feed.jsonl"), tmp.path());
  EXPECT_EQ(b.code, 0) << b.err;
  EXPECT_EQ(Sql(tmp / "g.db", "SELECT doc_id, title, date, url FROM documents"),
            "x1|Summit|2025-01-06|https://example.org/x1\n");
  auto bad = RunNewsgraph("extract --field body " + Quote(tmp / "feed.jsonl"), tmp.path());
  EXPECT_EQ(bad.code, 2);
  EXPECT_HAS(bad.err, "--field body: expected FIELD=KEY");
}

TEST(InputCli, HtmlArticlesAreRead) {
  TempDir tmp;
  Write(tmp / "site/summit.html",
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Summit | Example News</title>"
        "<meta property=\"og:title\" content=\"Putin and Macron meet in Paris\">"
        "<meta property=\"article:published_time\" content=\"2025-01-06T09:30:00+01:00\">"
        "<link rel=\"canonical\" href=\"https://news.example.org/summit\">"
        "<script>var t = 'Donald Trump attacked NATO.';</script></head><body>"
        "<nav><a href=/>Home</a> Joe Biden criticized China.</nav>"
        "<article><h1>Putin and Macron meet</h1>"
        "<p>Vladimir Putin met Emmanuel Macron in Paris on Monday.</p>"
        "<p>Macron urged a ceasefire.</p></article>"
        "<footer>Olaf Scholz visited Kyiv.</footer></body></html>");
  auto r = RunNewsgraph("extract " + Quote(tmp / "site"), tmp.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "\"doc\":\"summit\",\"title\":\"Putin and Macron meet in Paris\",\"date\":\"2025-01-06\"");
  EXPECT_HAS(r.out, "Vladimir Putin met Emmanuel Macron in Paris on Monday.");
  EXPECT_EQ(r.out.find("Biden"), std::string::npos) << "navigation read as text";
  EXPECT_EQ(r.out.find("Trump"), std::string::npos) << "script read as text";
  EXPECT_EQ(r.out.find("Scholz"), std::string::npos) << "footer read as text";
  auto b = RunNewsgraph("build -q --db " + Quote(tmp / "g.db") + " " + Quote(tmp / "site"), tmp.path());
  EXPECT_EQ(b.code, 0) << b.err;
  EXPECT_EQ(Sql(tmp / "g.db", "SELECT url FROM documents"), "https://news.example.org/summit\n");
}

// A database queried by another user must not be left with -wal/-shm
// files its owner cannot write (the owner's next build failed with
// "attempt to write a readonly database").
TEST(InputCli, ReadOnlyOpenByAnotherUserLeavesTheOwnerAbleToBuild) {
  if (geteuid() != 0 || Sh("command -v setpriv >/dev/null") != 0) GTEST_SKIP() << "needs root and setpriv";
  TempDir tmp;
  fs::permissions(tmp.path(), fs::perms::all);  // a shared folder
  std::string as_owner = "setpriv --reuid=61001 --regid=61001 --clear-groups ";
  std::string as_reader = "setpriv --reuid=61002 --regid=61002 --clear-groups ";
  std::string ng = "'" + std::string(NEWSGRAPH_BINARY) + "'";
  if (Sh(as_owner + ng + " --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "binary not usable by another user";
  Write(tmp / "one.txt", "Vladimir Putin met Emmanuel Macron.");
  Write(tmp / "two.txt", "Joe Biden criticized China.");
  Write(tmp / "three.txt", "Olaf Scholz visited Kyiv.");
  std::string db = tmp / "g.db";
  std::string err = " 2>>" + Quote(tmp / "err");
  ASSERT_EQ(Sh(as_owner + ng + " build -q --db " + Quote(db) + " " + Quote(tmp / "one.txt") + err), 0)
      << ReadFile(tmp / "err");
  ASSERT_EQ(Sh(as_reader + ng + " query --db " + Quote(db) + " top >/dev/null" + err), 0) << ReadFile(tmp / "err");
  EXPECT_FALSE(fs::exists(db + "-wal")) << "the reader left its -wal behind";
  EXPECT_FALSE(fs::exists(db + "-shm"));
  EXPECT_EQ(Sh(as_owner + ng + " build -q --db " + Quote(db) + " " + Quote(tmp / "two.txt") + err), 0)
      << ReadFile(tmp / "err");

  // Leftovers of another program (sqlite3 -readonly leaves them too): the
  // owner's build removes them when nobody uses them, and goes on.
  ASSERT_EQ(Sh(as_reader + "sqlite3 -readonly " + Quote(db) + " 'SELECT count(*) FROM documents' >/dev/null" + err), 0)
      << ReadFile(tmp / "err");
  ASSERT_TRUE(fs::exists(db + "-shm")) << "sqlite3 left no -shm: nothing to test";
  EXPECT_EQ(Sh(as_owner + ng + " build -q --db " + Quote(db) + " " + Quote(tmp / "three.txt") + err), 0)
      << ReadFile(tmp / "err");
  EXPECT_EQ(Sql(db, "SELECT count(*) FROM documents"), "3\n");
}

// A shared copy in a folder the reader may not write: no -shm can be made
// beside it, and the store is read as the immutable file it is.
TEST(InputCli, AStoreInAFolderTheReaderMayNotWriteIsQueried) {
  if (geteuid() != 0 || Sh("command -v setpriv >/dev/null") != 0) GTEST_SKIP() << "needs root and setpriv";
  TempDir tmp;
  fs::permissions(tmp.path(), fs::perms::all);
  fs::create_directories(tmp / "shared");
  fs::permissions(tmp / "shared", fs::perms::all);
  std::string as_owner = "setpriv --reuid=61001 --regid=61001 --clear-groups ";
  std::string as_reader = "setpriv --reuid=61002 --regid=61002 --clear-groups ";
  std::string ng = "'" + std::string(NEWSGRAPH_BINARY) + "'";
  if (Sh(as_owner + ng + " --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "binary not usable by another user";
  Write(tmp / "one.txt", "Vladimir Putin met Emmanuel Macron.");
  std::string db = tmp / "shared/g.db";
  std::string err = " 2>>" + Quote(tmp / "err");
  ASSERT_EQ(Sh(as_owner + ng + " build -q --db " + Quote(db) + " " + Quote(tmp / "one.txt") + err), 0)
      << ReadFile(tmp / "err");
  fs::permissions(tmp / "shared", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  EXPECT_EQ(Sh(as_reader + ng + " query --db " + Quote(db) + " top >" + Quote(tmp / "out") + err), 0)
      << ReadFile(tmp / "err");
  EXPECT_NE(ReadFile(tmp / "out").find("Vladimir Putin"), std::string::npos) << ReadFile(tmp / "out");
  fs::permissions(tmp / "shared", fs::perms::all);
}

}  // namespace
}  // namespace newsgraph::testing
