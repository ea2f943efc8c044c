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
#include <regex>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "export/atomic_file.h"
#include "store/store.h"
#include "export/writers.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "graph/projection.h"

namespace newsgraph::cli {
namespace {

struct ExportOptions {
  std::string db;
  std::string format;  // graphml|gexf|csv|json|jsonl|dot|svg|png
  std::string output;  // file, CSV prefix, or "-" for stdout
  std::string gexf_version = "1.3";
  std::string dot_binary = "dot";
  std::vector<std::string> classes;
  std::vector<std::string> kinds;
  graph::FilterOptions filter;
  std::string network = "relations";  // relations|actor-issue|actor-actor
  std::string mode;                   // congruence|conflict (actor-actor), "" unset
  std::string normalize;              // none|jaccard|cosine (actor-actor), "" unset
  graph::ProjectionOptions projection;
};

const std::vector<std::string> kFormats = {"graphml", "gexf", "csv", "json",
                                           "jsonl",   "dot",  "svg", "png"};

// Returns an error message, or "" when the options are usable.
std::string Check(ExportOptions& o) {
  const std::regex date(R"(\d{4}(-\d{2}(-\d{2})?)?)");
  for (const std::string* d : {&o.filter.from_date, &o.filter.to_date}) {
    if (!d->empty() && !std::regex_match(*d, date))
      return "bad date '" + *d + "': use YYYY, YYYY-MM or YYYY-MM-DD";
  }
  if (!o.filter.from_date.empty() && !o.filter.to_date.empty() &&
      o.filter.to_date.compare(0, o.filter.from_date.size(), o.filter.from_date) < 0)
    return "--from " + o.filter.from_date + " is after --to " + o.filter.to_date;
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
    {
      auto store = io::OpenStore(o.db, io::OpenMode::kReadOnly);
      store->LoadGraph(&entities, &statements);
      for (const auto& [k, v] : store->Meta())
        if (k.find("lexicon") != std::string::npos || k == "format_version") meta[k] = v;
    }
    graph::Graph g = graph::FilterGraph(std::move(entities), statements, o.filter);
    graph::Projection projected;
    if (o.projection.network != graph::Network::kRelations) {
      projected = graph::Project(
          g, graph::StatementsBehind(g, statements, o.filter.from_date, o.filter.to_date),
          o.projection);
      g = std::move(projected.graph);
    }

    io::WriterOptions w;
    w.tool_version = std::string("newsgraph ") + NEWSGRAPH_VERSION;
    w.metadata = meta;
    w.gexf_version = o.gexf_version == "1.2" ? io::GexfVersion::k1_2 : io::GexfVersion::k1_3;
    w.directed = projected.directed;
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
      where = paths.nodes + " and " + paths.edges;
    } else if (o.format == "svg" || o.format == "png") {
      io::RenderGraphviz(g, o.format, o.output, w, o.dot_binary);
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
    std::fprintf(stderr, "wrote %zu nodes, %zu edges to %s\n", g.num_nodes(), g.num_edges(),
                 where.c_str());
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
  app.add_option("--db", o->db, "graph database written by `newsgraph build`")->required();
  app.add_option("--format,-f", o->format, "graphml|gexf|csv|json|jsonl|dot|svg|png")
      ->required()
      ->check(CLI::IsMember(kFormats));
  app.add_option("-o,--output", o->output,
                 "output file; for csv a prefix (P or P.csv gives P.nodes.csv and "
                 "P.edges.csv); '-' writes text formats to stdout")
      ->required();
  app.add_option("--gexf-version", o->gexf_version, "GEXF version: 1.3 (default) or 1.2")
      ->check(CLI::IsMember({"1.3", "1.2"}));
  app.add_option("--min-weight", o->filter.min_weight,
                 "keep edges with at least N statements");
  app.add_option("--min-mentions", o->filter.min_mentions,
                 "keep nodes with at least N mentions");
  app.add_option("--from", o->filter.from_date,
                 "keep statements dated on or after this date (YYYY[-MM[-DD]])");
  app.add_option("--to", o->filter.to_date,
                 "keep statements dated on or before this date (YYYY[-MM[-DD]], inclusive)");
  app.add_option("--class", o->classes, "keep only these relation classes (repeatable)")
      ->delimiter(',');
  app.add_option("--kind", o->kinds, "keep only nodes of these kinds: actor, issue (repeatable)")
      ->delimiter(',');
  app.add_option("--top", o->filter.top, "keep the N actors of highest degree");
  app.add_flag("--keep-isolated", o->filter.keep_isolated,
               "with filters, keep nodes left without edges");
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
  return [o] { return RunExport(*o); };
}

}  // namespace newsgraph::cli
