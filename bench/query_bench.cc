// query_bench: per-query latency of what `newsgraph query` asks the store
// and the graph algorithms, on a database you give it.
//
//   query_bench DB [ACTOR] [ISSUE] [ACTOR2]    (defaults: the most mentioned)
//
// Make a large database first, e.g. ~100 MB of news by recombining the
// shared corpora (see docs/query.md, "Speed"), then `newsgraph build`.
// Prints one line per query: median and max of 5 runs, in milliseconds.
// In-process and with a warm page cache after the first run: the CLI's end
// to end times (docs/query.md, "Speed") add process start and a cold
// SQLite cache.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "store/store.h"
#include "graph/algorithms.h"

using namespace newsgraph;

namespace {

void Time(const char* name, const std::function<size_t()>& f) {
  std::vector<double> ms;
  size_t n = 0;
  for (int i = 0; i < 5; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    n = f();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-34s %8.1f ms median %8.1f ms max  (%zu results)\n", name, ms[2], ms[4], n);
}

// What `query actor/issue` does: the entity, its aggregated edges in and
// out, one evidence row each, and the labels of the other ends.
size_t EntityQuery(io::Store& s, const std::string& name, bool actor) {
  auto found = s.FindEntities(name);  // with counts, as the query prints them
  if (found.empty()) return 0;
  size_t n = 0;
  for (int dir = 0; dir < (actor ? 2 : 1); ++dir) {
    io::RelationFilter f;
    (dir == 0 && actor ? f.subject : f.object) = found[0].id;
    f.dates = false;  // actor and issue show no dates
    auto edges = s.Edges(f);
    std::vector<int64_t> ids;
    std::vector<std::string> others;
    for (const auto& x : edges) {
      ids.push_back(x.example);
      others.push_back(dir == 0 && actor ? x.object : x.subject);
    }
    n += s.Evidence(ids).size();
    s.EntitiesByIds(others);
  }
  return n;
}

graph::BoostGraph LoadGraph(io::Store& s) {
  auto entities = s.EntityLabels();
  std::vector<graph::WeightedEdge> edges;
  for (auto& w : s.EdgeWeights()) edges.push_back({w.subject, w.object, w.cls, w.polarity, w.weight});
  return graph::GraphFromEdges(std::move(entities), edges);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: query_bench DB [ACTOR] [ISSUE] [ACTOR2]\n");
    return 2;
  }
  auto store = io::OpenSqliteStore(argv[1], io::OpenMode::kReadOnly);
  auto st = store->Stats();
  std::printf("%s: %lld documents, %lld actors, %lld issues, %lld relations\n", argv[1],
              static_cast<long long>(st.documents), static_cast<long long>(st.actors),
              static_cast<long long>(st.issues), static_cast<long long>(st.relations));
  // Defaults: the busiest actor and issue, and the actor ranked tenth.
  std::vector<io::EdgeSummary> top;
  {
    io::RelationFilter f;
    f.object_kind = "issue";
    f.limit = 1;
    top = store->Edges(f);
  }
  auto g = LoadGraph(*store);
  auto degree = graph::DegreeCentrality(g);
  std::vector<graph::Vertex> order(boost::num_vertices(g));
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return degree[a] > degree[b]; });
  std::vector<std::string> actors;
  for (auto v : order)
    if (g[v].entity.kind == graph::EntityKind::kActor) actors.push_back(g[v].entity.id);
  std::string actor = argc > 2 ? argv[2] : actors.at(0);
  std::string issue = argc > 3 ? argv[3] : (top.empty() ? "" : top[0].object);
  std::string actor2 = argc > 4 ? argv[4] : actors.at(std::min<size_t>(actors.size() - 1, 200));
  std::printf("actor %s, issue %s, path to %s\n", actor.c_str(), issue.c_str(), actor2.c_str());

  Time("actor (busiest)", [&] { return EntityQuery(*store, actor, true); });
  Time("issue (busiest)", [&] { return EntityQuery(*store, issue, false); });
  Time("stance (whole table)", [&] { return store->EdgeWeights("issue").size(); });
  Time("relations --class CONSULT --limit 50", [&] {
    io::RelationFilter f;
    f.cls = "CONSULT";
    f.limit = 50;
    auto e = store->Edges(f);
    std::vector<int64_t> ids;
    for (const auto& x : e) ids.push_back(x.example);
    return store->Evidence(ids).size();
  });
  Time("relations --subject ACTOR", [&] {
    io::RelationFilter f;
    f.subject = actor;
    return store->Edges(f).size();
  });
  Time("evidence (heaviest edge of actor)", [&] {
    io::RelationFilter f;
    f.subject = actor;
    f.limit = 1;
    auto e = store->Edges(f);
    if (e.empty()) return size_t{0};
    io::RelationFilter one;
    one.subject = e[0].subject;
    one.object = e[0].object;
    one.cls = e[0].cls;
    one.polarity = e[0].polarity;
    return store->Relations(one).size();
  });
  Time("  entity labels", [&] { return store->EntityLabels().size(); });
  Time("  edge weights", [&] { return store->EdgeWeights().size(); });
  {
    auto labels = store->EntityLabels();
    std::vector<graph::WeightedEdge> edges;
    for (auto& w : store->EdgeWeights()) edges.push_back({w.subject, w.object, w.cls, w.polarity, w.weight});
    Time("  graph from edges", [&] { return boost::num_edges(graph::GraphFromEdges(labels, edges)); });
  }
  Time("load graph (aggregated edges)", [&] { return boost::num_edges(LoadGraph(*store)); });
  Time("path (load + BFS)", [&] {
    auto h = LoadGraph(*store);
    graph::Vertex a = 0, b = 0;
    for (graph::Vertex v = 0; v < boost::num_vertices(h); ++v) {
      if (h[v].entity.id == actor) a = v;
      if (h[v].entity.id == actor2) b = v;
    }
    std::vector<graph::PathStep> path;
    graph::ShortestPath(h, a, b, &path);
    return path.size();
  });
  Time("top --by degree (load + rank)", [&] { return graph::DegreeCentrality(LoadGraph(*store)).size(); });
  Time("top --by pagerank (load + rank)", [&] { return graph::PageRank(LoadGraph(*store)).size(); });
  Time("top --by betweenness (load + rank)", [&] { return graph::Betweenness(LoadGraph(*store)).size(); });
  {
    std::vector<graph::Entity> entities;
    std::vector<graph::Statement> statements;
    Time("full LoadGraph + Graph::Build", [&] {
      store->LoadGraph(&entities, &statements);
      return graph::Graph::Build(entities, statements).num_edges();
    });
  }
  return 0;
}
