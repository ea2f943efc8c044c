// Issue 14: an export stopped by a signal leaves no temporary file behind,
// and Graphviz gets DOT it accepts for a graph of nodes without edges.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "export/atomic_file.h"
#include "export/writers.h"
#include "graph/graph.h"

namespace fs = std::filesystem;

namespace newsgraph::io {
namespace {

class TempFolder {
 public:
  TempFolder() {
    std::string templ = (fs::temp_directory_path() / "newsgraph-signal-XXXXXX").string();
    path_ = mkdtemp(templ.data());
  }
  ~TempFolder() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(AtomicFileSignals, SigtermAndSigintRemoveTheTemporaryFile) {
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    SCOPED_TRACE(sig);
    TempFolder dir;
    const std::string target = dir.path() + "/graph.graphml";
    pid_t pid = fork();
    if (pid == 0) {
      // A child halfway through a large export when the signal comes.
      AtomicFile f(target);
      std::string chunk(1 << 20, 'x');
      for (int i = 0; i < 4; ++i) f.stream() << chunk;
      f.stream().flush();
      ::raise(sig);
      _exit(0);  // not reached
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFSIGNALED(status)) << "the signal ends the process as before";
    if (WIFSIGNALED(status)) EXPECT_EQ(WTERMSIG(status), sig);
    EXPECT_TRUE(fs::is_empty(dir.path())) << "left behind: " << fs::directory_iterator(dir.path())->path();
  }
}

TEST(AtomicFileSignals, ACommandsOwnHandlerIsKept) {
  // build catches SIGINT to roll back: AtomicFile does not take it over.
  TempFolder dir;
  pid_t pid = fork();
  if (pid == 0) {
    static volatile sig_atomic_t caught = 0;
    ::signal(SIGINT, [](int) { caught = 1; });
    {
      AtomicFile f(dir.path() + "/out.json");
      f.stream() << "{}";
      ::raise(SIGINT);
    }
    _exit(caught ? 42 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 42);
  EXPECT_TRUE(fs::is_empty(dir.path())) << "the destructor still removes it";
}

graph::Graph NodesOnly() {
  std::vector<graph::Entity> entities;
  for (const char* id : {"actor:a", "actor:b"}) {
    graph::Entity e;
    e.id = id;
    e.label = id + 6;
    e.category = "person";
    entities.push_back(e);
  }
  return graph::Graph::Build(entities, {});
}

TEST(GraphvizLegend, NodesWithoutEdgesGiveNoEmptyRow) {
  std::ostringstream dot;
  WriteDot(NodesOnly(), dot, {});
  EXPECT_EQ(dot.str().find("<tr></tr>"), std::string::npos) << dot.str();
  EXPECT_NE(dot.str().find("person</td>"), std::string::npos) << dot.str();
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "graphviz dot not installed";
  TempFolder dir;
  std::string svg = dir.path() + "/g.svg";
  EXPECT_NO_THROW(RenderGraphviz(NodesOnly(), "svg", svg, {}));
  EXPECT_GT(fs::file_size(svg), 0u);
}

}  // namespace
}  // namespace newsgraph::io
