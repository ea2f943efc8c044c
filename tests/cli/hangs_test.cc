// Issue 14, part B: hangs, runaway children and temporary files, and errors
// a person can act on. Each test runs the real binary on data it writes
// into a fresh temporary folder (see docs/robustness.md).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_util.h"

namespace fs = std::filesystem;

namespace newsgraph::testing {
namespace {

#define EXPECT_HAS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

struct Spawn {
  std::string cwd;                // empty: the test's
  std::vector<std::string> env;   // NAME=VALUE added to the environment
  std::string stdin_path = "/dev/null";
  rlim_t max_files = 0;           // RLIMIT_NOFILE, 0: unchanged
};

// newsgraph ARGS as a child process, stdout and stderr into files in dir.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::string& dir, const Spawn& how = {}) {
    static int counter = 0;
    std::string tag = dir + "/.child" + std::to_string(++counter);
    out_ = tag + ".out";
    err_ = tag + ".err";
    pid_ = fork();
    if (pid_ == 0) {
      int out = open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int in = open(how.stdin_path.c_str(), O_RDONLY);
      dup2(in, 0);
      dup2(out, 1);
      dup2(err, 2);
      if (!how.cwd.empty() && chdir(how.cwd.c_str()) != 0) _exit(126);
      for (const auto& e : how.env) putenv(const_cast<char*>(e.c_str()));
      if (how.max_files) {
        rlimit rl{how.max_files, how.max_files};
        setrlimit(RLIMIT_NOFILE, &rl);
      }
      std::vector<char*> argv;
      std::string binary = NEWSGRAPH_BINARY;
      argv.push_back(binary.data());
      std::vector<std::string> copy = args;
      for (auto& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
  }
  pid_t pid() const { return pid_; }
  // Exit code, or 128 + signal.
  int Wait() {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    out = ReadFile(out_);
    err = ReadFile(err_);
    signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::string out, err;
  int signal = 0;

 private:
  pid_t pid_ = -1;
  std::string out_, err_;
};

RunResult Ng(const std::vector<std::string>& args, const std::string& dir, const Spawn& how = {}) {
  Child c(args, dir, how);
  RunResult r;
  r.code = c.Wait();
  r.out = c.out;
  r.err = c.err;
  return r;
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

std::string Sql(const std::string& db, const std::string& sql) {
  std::string cmd = "sqlite3 -batch '" + db + "' \"" + sql + "\" 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (p) pclose(p);
  return out;
}

bool Alive(pid_t pid) {
  if (kill(pid, 0) != 0) return false;
  // A zombie waiting for its new parent to reap it is gone too.
  std::string stat = ReadFile("/proc/" + std::to_string(pid) + "/stat");
  size_t close = stat.rfind(')');
  return close == std::string::npos || close + 2 >= stat.size() || stat[close + 2] != 'Z';
}

bool WaitFor(const std::function<bool()>& cond, double seconds) {
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    if (cond()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return cond();
}

class Hangs : public ::testing::Test {
 protected:
  std::string Path(const std::string& name) const { return tmp_ / name; }
  // A small store of the query fixtures.
  std::string Store(const std::string& name = "g.db") {
    std::string db = Path(name);
    auto r = Ng({"build", "-q", "--db", db, Fixture("query/week1.txt"), Fixture("query/week2.txt"),
                  Fixture("query/week3.jsonl")},
                 tmp_.path());
    EXPECT_EQ(r.code, 0) << r.err;
    return db;
  }
  TempDir tmp_;
};

// ---- 3: deep folders ------------------------------------------------------

TEST_F(Hangs, DeepFoldersAreBoundedAndLongPathsSkippedWithAWarning) {
  // 300 nested folders: the walk stops at 256 levels and says where; a
  // document near the top is read. fs::canonical on every folder made this
  // cubic in the depth, and had no bound.
  std::string root = Path("deep");
  std::string p = root;
  for (int i = 0; i < 300; ++i) {
    p += "/d";
    if (i == 3) {
      fs::create_directories(p);
      Write(p + "/near.txt", "Emmanuel Macron met Olaf Scholz in Berlin.\n");
    }
  }
  fs::create_directories(p);
  Write(p + "/bottom.txt", "Vladimir Putin met Xi Jinping in Moscow.\n");
  auto r = Ng({"extract", root}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  EXPECT_HAS(r.err, "skipped: folder nested more than 256 levels below " + root);
  EXPECT_HAS(r.err, "read 1 document: 1 accepted, 0 rejected");
  EXPECT_HAS(r.out, "Macron");
  EXPECT_EQ(r.out.find("Putin"), std::string::npos);

  // Paths longer than PATH_MAX (17 folders of 250 characters): SQLite
  // and the file system say "File name too long"; the walk skips them
  // with a warning and reads the rest.
  std::string wide = Path("wide");
  fs::create_directories(wide);
  Write(wide + "/top.txt", "Emmanuel Macron met Olaf Scholz in Paris.\n");
  int fd = open(wide.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  const std::string name(250, 'w');
  for (int i = 0; i < 17; ++i) {
    ASSERT_EQ(mkdirat(fd, name.c_str(), 0755), 0);
    int next = openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
    close(fd);
    fd = next;
    ASSERT_GE(fd, 0);
  }
  int file = openat(fd, "deepest.txt", O_WRONLY | O_CREAT, 0644);
  ASSERT_GE(file, 0);
  close(file);
  close(fd);
  r = Ng({"extract", wide}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  EXPECT_HAS(r.err, "skipped: path longer than the system's limit");
  EXPECT_HAS(r.err, "read 1 document: 1 accepted, 0 rejected");
  // Clean up what remove_all cannot reach by path.
  std::system(("cd '" + wide + "' && rm -rf " + name + " 2>/dev/null").c_str());
}

// ---- 5, 6: Graphviz and interrupted exports --------------------------------

// A stand-in for Graphviz's dot: writes its pid, part of the picture, then
// sleeps (a layout that takes forever).
std::string SlowDot(const std::string& dir) {
  std::string path = dir + "/slow-dot.sh";
  Write(path,
        "#!/bin/sh\n"
        "echo $$ > '" + dir + "/dot.pid'\n"
        "out=''\nwhile [ $# -gt 0 ]; do if [ \"$1\" = -o ]; then out=\"$2\"; shift; fi; shift; done\n"
        "head -c 100000 /dev/zero > \"$out\"\n"
        "exec sleep 60\n");
  chmod(path.c_str(), 0755);
  return path;
}

TEST_F(Hangs, StoppingAGraphvizExportStopsDotAndRemovesTemporaryFiles) {
  std::string db = Store();
  std::string tmpdir = Path("tmpdir"), out = Path("out");
  fs::create_directories(tmpdir);
  fs::create_directories(out);
  for (int sig : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(sig);
    fs::remove(Path("dot.pid"));
    Spawn how;
    how.env = {"TMPDIR=" + tmpdir};
    Child c({"export", "--db", db, "-f", "svg", "-o", out + "/graph.svg", "--dot-binary", SlowDot(tmp_.path())},
            tmp_.path(), how);
    ASSERT_TRUE(WaitFor([&] { return ReadFile(Path("dot.pid")).size() > 1; }, 30)) << "dot never started";
    pid_t dot = std::atoi(ReadFile(Path("dot.pid")).c_str());
    ASSERT_GT(dot, 0);
    ASSERT_TRUE(WaitFor([&] { return !fs::is_empty(out); }, 10));  // the picture's temporary file
    kill(c.pid(), sig);
    EXPECT_EQ(c.Wait(), 128 + sig) << c.err;
    EXPECT_EQ(c.signal, sig);
    EXPECT_TRUE(WaitFor([&] { return !Alive(dot); }, 10)) << "dot " << dot << " runs on as an orphan";
    if (Alive(dot)) kill(dot, SIGKILL);
    EXPECT_TRUE(fs::is_empty(out)) << "a temporary picture was left in " << out << ": "
                                   << fs::directory_iterator(out)->path();
    EXPECT_TRUE(fs::is_empty(tmpdir)) << "DOT input or dot's messages left in " << tmpdir;
  }
}

TEST_F(Hangs, GraphvizIsRefusedAboveTheNodeLimitAndItsWarningsAreShown) {
  std::string db = Store();
  auto r = Ng({"export", "--db", db, "-f", "svg", "-o", Path("g.svg"), "--max-nodes", "3"}, tmp_.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, "Graphviz takes minutes to hours to lay out more than 3");
  EXPECT_HAS(r.err, "--top");
  EXPECT_HAS(r.err, "--max-nodes");
  EXPECT_FALSE(fs::exists(Path("g.svg")));
  // What dot says on success (a PNG scaled down to its size limit) is shown.
  std::string fake = Path("warn-dot.sh");
  Write(fake,
        "#!/bin/sh\nout=''\nwhile [ $# -gt 0 ]; do if [ \"$1\" = -o ]; then out=\"$2\"; shift; fi; shift; done\n"
        "echo 'Warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.0078 to fit' >&2\n"
        "printf 'PNG' > \"$out\"\n");
  chmod(fake.c_str(), 0755);
  r = Ng({"export", "--db", db, "-f", "png", "-o", Path("g.png"), "--dot-binary", fake}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.err, "Graphviz: Warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.0078");
  EXPECT_EQ(ReadFile(Path("g.png")), "PNG");
}

// ---- 7: errors a person can act on ----------------------------------------

TEST_F(Hangs, ErrorsNameWhatToFix) {
  // A dictionary flag takes one file; the input after it stays an input.
  Write(Path("a.txt"), "ACME_CORP [USABUS]\n");
  Write(Path("in.txt"), "Emmanuel Macron met Olaf Scholz.\n");
  auto r = Ng({"build", "--db", Path("a.db"), "--actors", Path("a.txt"), Path("in.txt")}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.err, "read 1 document: 1 accepted");
  // --db in a folder that does not exist.
  r = Ng({"build", "--db", Path("no/such/folder/g.db"), Path("in.txt")}, tmp_.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, "folder " + Path("no/such/folder") + " does not exist");
  EXPECT_EQ(r.err.find("unable to open database file"), std::string::npos) << r.err;
}

TEST_F(Hangs, MergingManyDatabasesOpensThemOneAtATime) {
  // 40 inputs under a limit of 32 open files: each input used to stay
  // open (3 descriptors in WAL mode) until the end.
  std::string db = Store();
  std::vector<std::string> args = {"merge", "-q", Path("all.db")};
  for (int i = 0; i < 40; ++i) {
    std::string copy = Path("in" + std::to_string(i) + ".db");
    fs::copy_file(db, copy);
    args.push_back(copy);
  }
  Spawn how;
  how.max_files = 32;
  auto r = Ng(args, tmp_.path(), how);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Sql(Path("all.db"), "SELECT count(*) FROM documents"), Sql(db, "SELECT count(*) FROM documents"));
}

// ---- 8, 9: integrity -------------------------------------------------------

TEST_F(Hangs, HealthyStoresPassIntegrityCheckAndOldOnesAreMigrated) {
  std::string db = Store();
  EXPECT_EQ(Sql(db, "PRAGMA integrity_check"), "ok\n");
  // A store of the earlier layout (aliases: entity, alias, norm).
  std::string old = Path("old.db");
  fs::copy_file(db, old);
  std::string aliases = Sql(old, "SELECT entity, alias, norm FROM aliases ORDER BY 1, 3");
  Sql(old,
      "BEGIN; CREATE TABLE a2(entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE, alias TEXT NOT "
      "NULL, norm TEXT NOT NULL, PRIMARY KEY(entity, norm)) WITHOUT ROWID; INSERT INTO a2 SELECT entity, alias, "
      "norm FROM aliases; DROP TABLE aliases; ALTER TABLE a2 RENAME TO aliases; CREATE INDEX aliases_norm ON "
      "aliases(norm); COMMIT;");
  ASSERT_EQ(Sql(old, "SELECT name FROM pragma_table_info('aliases') WHERE cid = 1"), "alias\n");
  // check reads it as sound (SQLite 3.40's false alarm, confirmed by a query)...
  auto r = Ng({"check", "--db", old}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "integrity_check: ok");
  // ...and a read-write open rewrites the table, keeping every alias.
  r = Ng({"build", "-q", "--db", old, Fixture("query/week1.txt")}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Sql(old, "SELECT name FROM pragma_table_info('aliases') WHERE cid = 1"), "norm\n");
  EXPECT_EQ(Sql(old, "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(Sql(old, "SELECT entity, alias, norm FROM aliases ORDER BY 1, 3"), aliases);
}

TEST_F(Hangs, DamagedStoresAreReportedBeforeUse) {
  std::string db = Store();
  auto r = Ng({"check", "--db", db}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "format version 1");
  EXPECT_HAS(r.out, "integrity_check: ok");
  // Overwrite two pages in the middle of the file.
  std::string bad = Path("bad.db");
  fs::copy_file(db, bad);
  auto size = fs::file_size(bad);
  ASSERT_GT(size, 8u * 4096);
  {
    std::fstream f(bad, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>((size / 4096 / 2) * 4096));
    std::string junk(2 * 4096, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  std::string before = ReadFile(bad);
  r = Ng({"check", "--db", bad}, tmp_.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_HAS(r.err, bad + " is damaged");
  r = Ng({"query", "--db", bad, "top"}, tmp_.path());
  EXPECT_HAS(r.err, "warning: " + bad + ": the file is damaged");
  r = Ng({"build", "--db", bad, Fixture("query/week1.txt")}, tmp_.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, bad + " is damaged");
  EXPECT_EQ(ReadFile(bad), before) << "build wrote into a damaged file";
}

// ---- 10: readers of a first build ------------------------------------------

TEST_F(Hangs, ReadersOfAFirstBuildWaitAndSaySo) {
  // The build reads from a pipe the test holds open: its first transaction
  // is certainly running while the query comes.
  std::string fifo = Path("in.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string db = Path("new.db");
  Spawn how;
  how.stdin_path = fifo;
  Child build({"build", "-q", "--db", db, "-"}, tmp_.path(), how);
  int fd = open(fifo.c_str(), O_WRONLY);
  ASSERT_GE(fd, 0);
  std::string doc = "{\"id\":\"d1\",\"text\":\"Emmanuel Macron met Olaf Scholz in Berlin.\"}\n";
  ASSERT_EQ(write(fd, doc.data(), doc.size()), static_cast<ssize_t>(doc.size()));
  // The build holds the new file from its first transaction on.
  ASSERT_TRUE(WaitFor([&] { return Sql(db, "SELECT count(*) FROM meta").find("locked") != std::string::npos; }, 60))
      << "the build never began";
  auto r = Ng({"query", "--db", db, "top"}, tmp_.path());
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_HAS(r.err, "a build is writing this new database for the first time");
  EXPECT_EQ(r.err.find("no actor nodes"), std::string::npos) << r.err;
  close(fd);
  EXPECT_EQ(build.Wait(), 0) << build.err;
  r = Ng({"query", "--db", db, "top"}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "Macron");
}

// ---- 11: text --------------------------------------------------------------

TEST_F(Hangs, UsageHelpQuietAndPlurals) {
  auto r = Ng({}, tmp_.path());
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, "Subcommands:");
  EXPECT_HAS(r.err, "build");
  EXPECT_EQ(r.err.find("A subcommand is required"), std::string::npos) << r.err;
  r = Ng({"help"}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "Subcommands:");
  EXPECT_HAS(r.out, "check");
  r = Ng({"help", "export"}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "--max-nodes");
  // A question's help shows the flags of `query` too.
  r = Ng({"query", "top", "--help"}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "--by");
  EXPECT_HAS(r.out, "--db");
  EXPECT_HAS(r.out, "--format");
  // -q: nothing at all on success.
  std::string db = Path("graph.db");
  Write(Path("one.txt"), "Emmanuel Macron met Olaf Scholz in Berlin.\n");
  r = Ng({"build", "-q", "--db", db, Path("one.txt")}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  r = Ng({"build", "--db", db, Path("one.txt")}, tmp_.path());
  EXPECT_HAS(r.err, "read 1 document: 1 accepted, 0 rejected");
  EXPECT_HAS(r.out, "1 document (0 new, 1 already there), 1 sentence,");
  // export reads graph.db by default, as build and query do.
  Spawn here;
  here.cwd = tmp_.path();
  r = Ng({"export", "-f", "graphml", "-o", Path("g.graphml")}, tmp_.path(), here);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::exists(Path("g.graphml")));
}

TEST_F(Hangs, LargeGraphBetweennessIsApproximateAndSaysSo) {
  // The small store is exact (no note); --samples and --exact are flags of top.
  std::string db = Store();
  auto r = Ng({"query", "--db", db, "top", "--by", "betweenness"}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("approximate"), std::string::npos) << r.out;
  r = Ng({"query", "--db", db, "top", "--by", "betweenness", "--exact", "--samples", "10"}, tmp_.path());
  EXPECT_EQ(r.code, 0) << r.err;
}

}  // namespace
}  // namespace newsgraph::testing
