// `newsgraph export`: loads the graph from a database, applies the filters,
// optionally derives a discourse network (--network actor-issue or
// actor-actor, graph/projection.h) and writes one format. Flags are parsed into ExportOptions and checked
// first; then the library does the work; this file only turns the result
// into a one-line summary on stderr and an exit code.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/date_flags.h"
#include "export/edge_evidence.h"
#include "export/atomic_file.h"
#include "store/store.h"
#include "export/writers.h"
#include "graph/date.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "graph/projection.h"

namespace newsgraph::cli {
namespace {

struct ExportOptions {
  std::string db = "graph.db";
  std::string format;  // graphml|gexf|csv|json|jsonl|dot|svg|png
  std::string output;  // file, CSV prefix, or "-" for stdout
  std::string gexf_version = "1.3";
  std::string dot_binary = "dot";
  size_t max_nodes = 1000;  // svg/png: refuse larger graphs (0: no limit)
  std::vector<std::string> classes;
  std::vector<std::string> kinds;
  graph::FilterOptions filter;
  std::string network = "relations";  // relations|actor-issue|actor-actor
  std::string mode;                   // congruence|conflict (actor-actor), "" unset
  std::string normalize;              // none|jaccard|cosine (actor-actor), "" unset
  graph::ProjectionOptions projection;
  size_t evidence = 5;  // statements listed per edge
  bool gexf_static_weight = false;
};

const std::vector<std::string> kFormats = {"graphml", "gexf", "csv", "json",
                                           "jsonl",   "dot",  "svg", "png"};

// Returns an error message, or "" when the options are usable.
std::string Check(ExportOptions& o) {
  if (std::string err = CheckDateWindow(o.filter.from_date, o.filter.to_date); !err.empty())
    return err;
  o.filter.classes.clear();
  for (std::string c : o.classes) {
    std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return std::toupper(ch); });
    if (!graph::IsKnownClass(c)) {
      std::string known;
      for (const auto& k : graph::KnownClasses()) known += (known.empty() ? "" : ", ") + k;
      return "unknown relation class '" + c + "' (known: " + known + ")";
    }
    o.filter.classes.push_back(c);
  }
  o.filter.kinds.clear();
  for (const auto& k : o.kinds) {
    if (k == "actor") o.filter.kinds.push_back(graph::EntityKind::kActor);
    else if (k == "issue") o.filter.kinds.push_back(graph::EntityKind::kIssue);
    else return "unknown node kind '" + k + "' (actor or issue)";
  }
  o.projection = {};
  if (o.network == "actor-issue") o.projection.network = graph::Network::kActorIssue;
  else if (o.network == "actor-actor") o.projection.network = graph::Network::kActorActor;
  if (o.network != "actor-actor" && (!o.mode.empty() || !o.normalize.empty()))
    return std::string("--") + (o.mode.empty() ? "normalize" : "mode") +
           " applies only to --network actor-actor";
  if (o.mode == "conflict") o.projection.mode = graph::ProjectionMode::kConflict;
  if (o.normalize == "jaccard") o.projection.normalize = graph::Normalization::kJaccard;
  if (o.normalize == "cosine") o.projection.normalize = graph::Normalization::kCosine;
  o.projection.keep_isolated = o.filter.keep_isolated;
  if (o.projection.network != graph::Network::kRelations && o.filter.kinds.size() == 1)
    return "--network " + o.network + " needs actors and issues; drop --kind " + o.kinds[0];
  if (o.output == "-" && (o.format == "csv" || o.format == "svg" || o.format == "png"))
    return "--format " + o.format + " writes files; give -o FILE" +
           (o.format == "csv" ? " (a prefix: PREFIX.nodes.csv and PREFIX.edges.csv)" : "");
  return "";
}

int RunExport(ExportOptions o) {
  if (std::string err = Check(o); !err.empty()) {
    std::fprintf(stderr, "newsgraph export: %s\n", err.c_str());
    return kExitFatal;
  }
  try {
    std::vector<graph::Entity> entities;
    std::vector<graph::Statement> statements;
    std::map<std::string, std::string> meta;
    auto store = io::OpenStore(o.db, io::OpenMode::kReadOnly);
    store->LoadGraph(&entities, &statements);
    for (const auto& [k, v] : store->Meta())
      if (k.find("lexicon") != std::string::npos || k == "format_version") meta[k] = v;
    const size_t stored = entities.size();
    graph::Graph g = graph::FilterGraph(std::move(entities), statements, o.filter);
    graph::Projection projected;
    if (o.projection.network != graph::Network::kRelations) {
      projected = graph::Project(
          g, graph::StatementsBehind(g, statements, o.filter.from_date, o.filter.to_date),
          o.projection);
      g = std::move(projected.graph);
    }
    // Evidence is read for the edges written only (the SVG/PNG/DOT
    // pictures show none).
    io::EvidenceMap evidence;
    if (o.format != "dot" && o.format != "svg" && o.format != "png")
      evidence = io::LoadEdgeEvidence(*store, g, statements, o.evidence);
    store.reset();

    io::WriterOptions w;
    w.tool_version = std::string("newsgraph ") + NEWSGRAPH_VERSION;
    w.metadata = meta;
    w.gexf_version = o.gexf_version == "1.2" ? io::GexfVersion::k1_2 : io::GexfVersion::k1_3;
    w.gexf_dynamic_weight = !o.gexf_static_weight;
    w.directed = projected.directed;
    w.evidence = &evidence;
    if (o.projection.network == graph::Network::kActorActor) {
      const auto* weights = &projected.weights;
      w.edge_weight = [weights](const graph::Graph& pg, graph::Edge e) {
        const auto& bg = pg.boost();
        return weights->at({pg.entity(boost::source(e, bg)).id, pg.entity(boost::target(e, bg)).id});
      };
      w.metadata["network"] = "actor-actor " + (o.mode.empty() ? "congruence" : o.mode) + " " +
                              (o.normalize.empty() ? "none" : o.normalize);
    } else if (o.projection.network == graph::Network::kActorIssue) {
      w.metadata["network"] = "actor-issue";
    }
    if (o.filter.Active()) {
      std::string f;
      auto add = [&](const std::string& s) { f += (f.empty() ? "" : " ") + s; };
      if (o.filter.min_weight > 1) add("--min-weight " + std::to_string(o.filter.min_weight));
      if (o.filter.min_mentions) add("--min-mentions " + std::to_string(o.filter.min_mentions));
      if (!o.filter.from_date.empty()) add("--from " + o.filter.from_date);
      if (!o.filter.to_date.empty()) add("--to " + o.filter.to_date);
      for (const auto& c : o.filter.classes) add("--class " + c);
      for (const auto& k : o.kinds) add("--kind " + k);
      if (o.filter.top) add("--top " + std::to_string(o.filter.top));
      if (o.filter.top_issues) add("--top-issues " + std::to_string(o.filter.top_issues));
      w.metadata["filters"] = f;
    }

    using Writer = void (*)(const graph::Graph&, std::ostream&, const io::WriterOptions&);
    Writer writer = nullptr;
    if (o.format == "graphml") writer = io::WriteGraphMl;
    else if (o.format == "gexf") writer = io::WriteGexf;
    else if (o.format == "json") writer = io::WriteCytoscapeJson;
    else if (o.format == "jsonl") writer = io::WriteJsonlTriples;
    else if (o.format == "dot") writer = io::WriteDot;

    std::string where;
    if (o.format == "csv") {
      io::CsvPaths paths = io::WriteCsvFiles(g, o.output, w);
      where = paths.nodes + ", " + paths.edges + " and " + paths.evidence;
    } else if (o.format == "svg" || o.format == "png") {
      std::string warnings = io::RenderGraphviz(g, o.format, o.output, w, o.dot_binary, o.max_nodes);
      // Graphviz's own warnings (a PNG scaled down to fit its size limit).
      for (size_t a = 0; a < warnings.size();) {
        size_t b = std::min(warnings.find('\n', a), warnings.size());
        if (b > a) std::fprintf(stderr, "newsgraph export: Graphviz: %s\n", warnings.substr(a, b - a).c_str());
        a = b + 1;
      }
      where = o.output;
    } else if (o.output == "-") {
      writer(g, std::cout, w);
      std::cout.flush();
      if (!std::cout) throw io::IoError("standard output: write failed");
      where = "standard output";
    } else {
      io::WriteFileAtomically(o.output, [&](std::ostream& out) { writer(g, out, w); });
      where = o.output;
    }
    size_t actors = 0;
    for (auto [vi, vend] = boost::vertices(g.boost()); vi != vend; ++vi)
      actors += g.entity(*vi).kind == graph::EntityKind::kActor;
    std::fprintf(stderr, "wrote %s (%s, %s), %s to %s\n", Count(g.num_nodes(), "node").c_str(),
                 Count(actors, "actor").c_str(), Count(g.num_nodes() - actors, "issue").c_str(),
                 Count(g.num_edges(), "edge").c_str(), where.c_str());
    if (!o.filter.keep_isolated && !o.filter.Active() &&
        o.projection.network == graph::Network::kRelations && g.num_nodes() < stored)
      std::fprintf(stderr, "left out %s without edges (--keep-isolated keeps them)\n",
                   Count(stored - g.num_nodes(), "node").c_str());
    return kExitOk;
  } catch (const std::exception& e) {
    // StoreError names the database, IoError the output file.
    std::fprintf(stderr, "newsgraph export: %s\n", e.what());
    return kExitFatal;
  }
}

}  // namespace

Runner SetupExport(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  app.add_option("--db", o->db, "graph database written by `newsgraph build`")->capture_default_str();
  app.add_option("--format,-f", o->format, "graphml|gexf|csv|json|jsonl|dot|svg|png")
      ->required()
      ->check(CLI::IsMember(kFormats));
  app.add_option("-o,--output", o->output,
                 "output file; for csv a prefix (P or P.csv gives P.nodes.csv and "
                 "P.edges.csv); '-' writes text formats to stdout")
      ->required();
  app.add_option("--gexf-version", o->gexf_version, "GEXF version: 1.3 (default) or 1.2")
      ->check(CLI::IsMember({"1.3", "1.2"}));
  app.add_flag("--gexf-static-weight", o->gexf_static_weight,
               "GEXF without the dynamic weight (for Gephi Lite, sigma.js and other "
               "graphology-based viewers); the timeline's spells stay");
  app.add_option("--min-weight", o->filter.min_weight,
                 "keep edges with at least N statements");
  app.add_option("--min-mentions", o->filter.min_mentions,
                 "keep nodes with at least N mentions");
  AddDateWindowFlags(app, &o->filter.from_date, &o->filter.to_date);
  app.add_option("--class", o->classes, "keep only these relation classes (repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--kind", o->kinds, "keep only nodes of these kinds: actor, issue (repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--top", o->filter.top,
                 "keep the N actors of highest degree (N counts actors; the issues they are "
                 "linked to come too, see --top-issues)");
  app.add_option("--top-issues", o->filter.top_issues,
                 "keep the N issues with most statements from the kept actors");
  app.add_flag("--keep-isolated", o->filter.keep_isolated,
               "keep nodes without edges (dropped by default)");
  app.add_option("--evidence", o->evidence,
                 "statements listed as evidence per edge, strongest first (0: none)")
      ->capture_default_str();
  app.add_option("--network", o->network,
                 "relations (default: the actor-relation graph), actor-issue (stances, "
                 "two-mode) or actor-actor (one-mode through shared stances)")
      ->check(CLI::IsMember({"relations", "actor-issue", "actor-actor"}));
  app.add_option("--mode", o->mode,
                 "actor-actor: congruence (same stance, default) or conflict (opposite)")
      ->check(CLI::IsMember({"congruence", "conflict"}));
  app.add_option("--normalize", o->normalize,
                 "actor-actor edge weight: none (shared issues, default), jaccard or cosine")
      ->check(CLI::IsMember({"none", "jaccard", "cosine"}));
  app.add_option("--dot-binary", o->dot_binary, "Graphviz program for svg/png (default: dot)");
  app.add_option("--max-nodes", o->max_nodes,
                 "svg/png: refuse graphs of more nodes (Graphviz takes minutes to hours on large ones; 0 = no limit)")
      ->capture_default_str();
  return [o] { return RunExport(*o); };
}

}  // namespace newsgraph::cli
