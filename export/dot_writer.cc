// Graphviz writer: DOT text, and SVG/PNG pictures made by running Graphviz's
// `dot` program on it, so a user without Gephi still gets a picture. The
// picture goes through AtomicFile like every export: dot writes into the
// temporary file, which is renamed only when dot succeeded.
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "export/atomic_file.h"
#include "export/writers.h"
#include "export/xml_util.h"

extern char** environ;

namespace newsgraph::io {
namespace {

// A DOT double-quoted string. Backslashes are doubled so that Graphviz's
// label escapes (\n, \N, \G, ...) cannot be triggered by text from articles.
std::string Quote(const std::string& raw) {
  std::string s = CleanText(raw);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out += c;
  }
  return out + "\"";
}

std::string Hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

std::string OneLine(const std::string& raw) {
  std::string s = CleanText(raw);
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  for (size_t i; (i = s.find("*/")) != std::string::npos;) s.replace(i, 2, "* /");
  return s;
}

// Black or white text, whichever reads better on the fill colour.
const char* TextColor(Rgb c) {
  double luma = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
  return luma < 140 ? "#ffffff" : "#000000";
}

// A legend as the graph's label (an HTML-like table below the drawing), not
// as nodes, so the drawing has exactly the graph's nodes and edges. It lists
// only the node categories and edge polarities present.
std::string Legend(const graph::Graph& g) {
  const auto& bg = g.boost();
  std::map<std::string, Rgb> nodes;  // "actor / person", "issue" -> colour
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) {
    const graph::Entity& e = g.entity(*vi);
    std::string name = e.kind == graph::EntityKind::kIssue ? "issue"
                       : e.category.empty()                ? "actor"
                                                           : e.category;
    nodes.emplace(name, NodeColor(e));
  }
  std::set<int> polarities;
  for (auto [ei, eend] = boost::edges(bg); ei != eend; ++ei)
    polarities.insert(g.edge(*ei).polarity);
  if (nodes.empty()) return "";
  std::string out = "<<table border=\"0\" cellborder=\"0\" cellspacing=\"4\"><tr>";
  for (const auto& [name, c] : nodes) {
    out += "<td><font color=\"" + Hex(c) + "\">&#9632;</font> " + XmlEscape(name) + "</td>";
  }
  out += "</tr>";
  // A row of edge colours only when there are edges: Graphviz rejects an
  // empty <tr></tr> (a graph of nodes alone).
  if (!polarities.empty()) {
    out += "<tr>";
    const std::pair<int, const char*> kPolarity[] = {
        {1, "+1 for / cooperation"}, {-1, "-1 against / conflict"}, {0, "0 neutral"}};
    for (const auto& [pol, text] : kPolarity) {
      if (!polarities.count(pol)) continue;
      out += "<td><font color=\"" + Hex(EdgeColor(pol)) + "\">&#9472;&#9472;&#9654;</font> " +
             text + "</td>";
    }
    out += "</tr>";
  }
  return out + "</table>>";
}

}  // namespace

void WriteDot(const graph::Graph& g, std::ostream& out, const WriterOptions& opt) {
  out << "/* " << OneLine(opt.tool_version.empty() ? "newsgraph" : opt.tool_version);
  for (const auto& [k, v] : opt.metadata) out << "; " << OneLine(k) << "=" << OneLine(v);
  out << " */\n";
  out << (opt.directed ? "digraph" : "graph") << " newsgraph {\n";
  out << "  graph [rankdir=LR, overlap=false, splines=true, fontname=\"Helvetica\", "
         "fontsize=10, labelloc=b, labeljust=l";
  if (std::string legend = Legend(g); !legend.empty()) out << ", label=" << legend;
  out << "];\n";
  out << "  node [style=filled, fontname=\"Helvetica\", fontsize=11, penwidth=0];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n";
  const auto& bg = g.boost();
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) {
    const graph::Entity& e = g.entity(*vi);
    bool issue = e.kind == graph::EntityKind::kIssue;
    Rgb fill = NodeColor(e);
    out << "  " << Quote(e.id) << " [label=" << Quote(NodeLabel(e))
        << ", shape=" << (issue ? "box" : "ellipse") << ", fillcolor=" << Quote(Hex(fill))
        << ", fontcolor=" << Quote(TextColor(fill)) << ", tooltip="
        << Quote(std::string(graph::KindName(e.kind)) +
                 (e.category.empty() ? "" : " / " + e.category) +
                 ", mentions " + std::to_string(e.mentions))
        << "];\n";
  }
  // Line width: 1 + log2(statements); with projection weights (opt.edge_weight),
  // 1 to 4 in proportion to the largest weight.
  double max_weight = 0;
  if (opt.edge_weight)
    for (auto [ei, eend] = boost::edges(bg); ei != eend; ++ei)
      max_weight = std::max(max_weight, opt.edge_weight(g, *ei));
  const char* arrow = opt.directed ? " -> " : " -- ";
  for (graph::Edge ed : g.SortedEdges()) {
    const graph::EdgeProps& p = g.edge(ed);
    std::string label = EdgeKind(p);
    double pen = 1.0 + std::log2(static_cast<double>(std::max<uint32_t>(p.weight, 1)));
    if (opt.edge_weight) {
      label += " (" + EdgeWeightString(g, ed, opt) + ")";
      if (max_weight > 0) pen = 1.0 + 3.0 * opt.edge_weight(g, ed) / max_weight;
    } else if (p.weight > 1) {
      label += " (" + std::to_string(p.weight) + ")";
    }
    std::string lemmas;
    for (size_t i = 0; i < p.lemmas.size(); ++i) lemmas += (i ? ", " : "") + p.lemmas[i];
    // Event codes from a verb dictionary: "attack [190]".
    for (size_t i = 0; i < p.codes.size(); ++i) lemmas += (i ? ", " : " [") + p.codes[i] + (i + 1 == p.codes.size() ? "]" : "");
    out << "  " << Quote(g.entity(boost::source(ed, bg)).id) << arrow
        << Quote(g.entity(boost::target(ed, bg)).id) << " [id=" << Quote(EdgeId(g, ed))
        << ", label=" << Quote(label) << ", color=" << Quote(Hex(EdgeColor(p.polarity)))
        << ", fontcolor=" << Quote(Hex(EdgeColor(p.polarity)))
        << ", penwidth=" << FormatFixed3(pen) << ", weight=" << p.weight
        << ", tooltip=" << Quote(lemmas) << "];\n";
  }
  out << "}\n";
}

std::string RenderGraphviz(const graph::Graph& g, const std::string& format,
                           const std::string& out_path, const WriterOptions& opt,
                           const std::string& dot_binary, size_t max_nodes) {
  if (format != "svg" && format != "png") {
    throw IoError(out_path + ": unsupported Graphviz format '" + format + "' (svg or png)");
  }
  if (max_nodes && g.num_nodes() > max_nodes)
    throw IoError(out_path + ": the graph has " + std::to_string(g.num_nodes()) + " nodes and " +
                  std::to_string(g.num_edges()) + " edges; Graphviz takes minutes to hours to lay out more than " +
                  std::to_string(max_nodes) +
                  " and the picture is unreadable. Keep the central ones (--top 50, --min-weight 3, --class, "
                  "--from/--to), export --format gexf or graphml for Gephi, or raise the limit (--max-nodes)");
  AtomicFile out(out_path);

  // DOT input and dot's messages go through temporary files in TMPDIR.
  std::string tmp_dir;
  try {
    tmp_dir = std::filesystem::temp_directory_path().string();
  } catch (const std::exception&) {
    tmp_dir = "/tmp";
  }
  auto make_temp = [&](const char* what) {
    std::string templ = tmp_dir + "/newsgraph-" + what + "-XXXXXX";
    std::vector<char> name(templ.begin(), templ.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) throw IoError(templ + ": " + std::strerror(errno));
    ::close(fd);
    return std::string(name.data());
  };
  struct Remove {
    std::vector<std::string> paths;
    ~Remove() {
      for (const auto& p : paths) ::unlink(p.c_str());
    }
  } cleanup;
  std::string dot_path = make_temp("dot");
  cleanup.paths.push_back(dot_path);
  TempFileGuard dot_guard(dot_path);  // removed on SIGINT/SIGTERM too
  std::string err_path = make_temp("err");
  cleanup.paths.push_back(err_path);
  TempFileGuard err_guard(err_path);
  {
    std::ofstream dot(dot_path, std::ios::binary);
    WriteDot(g, dot, opt);
    dot.close();
    if (!dot) throw IoError(dot_path + ": cannot write DOT input for Graphviz");
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_TRUNC, 0);
  std::string type_flag = "-T" + format;
  std::vector<std::string> args = {dot_binary, type_flag, "-o", out.temp_path(), dot_path};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // Stopping signals are held from before the spawn until the child is
  // registered with the guard, so that none arrives in between and leaves
  // dot running; the child starts with the signal mask newsgraph had.
  sigset_t stopping, before;
  sigemptyset(&stopping);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&stopping, sig);
  pthread_sigmask(SIG_BLOCK, &stopping, &before);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setsigmask(&attr, &before);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, dot_binary.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    throw IoError(out_path + ": cannot run Graphviz '" + dot_binary + "': " + std::strerror(rc) +
                  " (install the graphviz package, or export --format dot)");
  }
  int status = 0;
  {
    // Stopping newsgraph (SIGTERM, SIGINT) stops dot too: no orphan.
    ChildProcessGuard child(pid);
    pthread_sigmask(SIG_SETMASK, &before, nullptr);  // a signal held meanwhile arrives now
    while (::waitpid(pid, &status, 0) < 0) {
      if (errno != EINTR) throw IoError(out_path + ": waiting for Graphviz: " + std::strerror(errno));
    }
  }
  std::string messages;
  {
    std::ifstream err(err_path);
    std::stringstream ss;
    ss << err.rdbuf();
    messages = ss.str();
  }
  bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok) {
    std::string msg = OneLine(messages);
    if (msg.size() > 500) msg = msg.substr(0, 500) + "...";
    std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                        : "killed by a signal";
    // posix_spawnp may report a missing program only through the child's
    // exit status 127.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && msg.empty())
      msg = "program not found (install the graphviz package, or export --format dot)";
    throw IoError(out_path + ": Graphviz '" + dot_binary + " " + type_flag + "' failed (" +
                  how + ")" + (msg.empty() ? "" : ": " + msg));
  }
  out.Commit();
  // Warnings of a successful run ("Warning: ... scaled down to fit") are
  // the caller's to show: a 255 x 32,767 px picture needs explaining.
  while (!messages.empty() && (messages.back() == '\n' || messages.back() == '\r')) messages.pop_back();
  if (messages.size() > 2000) messages = messages.substr(0, 2000) + "...";
  return messages;
}

}  // namespace newsgraph::io
