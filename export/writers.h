// Graph writers: GraphML, GEXF (1.3 and 1.2draft), CSV node and edge tables
// in Gephi's spreadsheet form, Cytoscape.js JSON, JSON Lines triples and
// Graphviz DOT (plus SVG/PNG rendered by Graphviz's `dot`). One page per
// format in docs/formats/.
//
// Every writer takes a const graph::Graph and a stream, writes the whole
// graph and nothing else (no timestamps, nodes in id order, edges in
// (source, target, class, polarity) order, numbers in fixed formats), so the
// same graph gives byte-identical output. Text is cleaned to valid UTF-8
// without XML-illegal characters (see xml_util.h). Writers do not open files:
// callers pass an AtomicFile's stream (atomic_file.h), so a failed export
// never leaves a half-written file.
//
// Parallel edges: the graph holds one edge per (subject, class, polarity,
// object), so two nodes may be joined by several edges. Each carries a
// unique, stable id "<subject>|<CLASS>|<polarity>|<object>" and a `kind`
// attribute "<CLASS>/<polarity>" (e.g. "SUPPORT/+1"), which Gephi (GEXF
// `kind`, GraphML `label` on <edge>, CSV `Kind` column) uses as the edge type
// so that it does not merge them; see docs/gephi.md.
//
// Evidence: every edge says why it exists without the database. The
// statements behind it are counted (`statements`); the strongest one (most
// confident; ties: earlier date, document id) is written as flat attributes
// (evidence_doc, _title, _url, _date, _sentence, _start, _end, _text) and up
// to WriterOptions::evidence's limit of them as a list (`evidence`: native
// JSON in the JSON formats, JSON text in GraphML and GEXF, a third file for
// CSV). Sentences longer than kEvidenceTextChars are cut. docs/formats/.
#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <string>

#include "graph/graph.h"

namespace newsgraph::io {

enum class GexfVersion { k1_3, k1_2 };

// One statement behind an edge, as the exports show it.
struct EvidenceItem {
  std::string doc, title, url, date;  // the document (id, title, URL, date)
  uint32_t sentence = 0;              // index of the sentence in the document
  uint32_t start = 0, end = 0;        // the sentence's span, characters into the document
  std::string lemma;                  // the relation's verb or noun
  double confidence = 0;
  bool negated = false;
  std::string text;  // the sentence, cut to kEvidenceTextChars characters plus "…"
};
inline constexpr size_t kEvidenceTextChars = 1000;

// The evidence of one edge: the strongest statements first.
struct EdgeEvidence {
  std::vector<EvidenceItem> items;
};
// Evidence by edge id (EdgeId).
using EvidenceMap = std::map<std::string, EdgeEvidence>;

struct WriterOptions {
  // Written into each format's header (GraphML/GEXF/DOT comment or meta,
  // JSON "data"), e.g. "newsgraph 0.1.0".
  std::string tool_version;
  // Extra key-value pairs for the header (database, filters, lexicon
  // versions), written in key order.
  std::map<std::string, std::string> metadata;
  GexfVersion gexf_version = GexfVersion::k1_3;
  // GEXF: write the dynamic weight (statements per day, in a second,
  // dynamic <attributes class="edge"> block). Gephi reads it; graphology's
  // parser (Gephi Lite, sigma.js) reads only one attribute block per class
  // and rejects the file, so tools built on it need false (spells stay).
  bool gexf_dynamic_weight = true;
  // Whether edges are directed. Projections such as the actor-actor
  // congruence network are not: GraphML edgedefault, GEXF defaultedgetype,
  // CSV Type and DOT (graph/--) then say "undirected", and JSON data carries
  // "directed": false.
  bool directed = true;
  // The weight written for an edge, when it is not EdgeProps::weight (the
  // number of statements): a projection's shared-issue count or Jaccard or
  // cosine score (graph::Projection::weights). Unset: EdgeProps::weight.
  std::function<double(const graph::Graph&, graph::Edge)> edge_weight;
  // Evidence of the edges (export/edge_evidence.h). Unset, or an edge
  // missing from it: its evidence attributes are left empty.
  const EvidenceMap* evidence = nullptr;
};

// The evidence of edge e in opt, or nullptr.
const EdgeEvidence* EvidenceOf(const graph::Graph& g, graph::Edge e, const WriterOptions& opt);
// The evidence list as a JSON array of objects {"doc", "title", "url",
// "date", "sentence", "start", "end", "lemma", "confidence", "negated",
// "text"} ("[]" for none); GraphML and GEXF carry it as text.
std::string EvidenceJson(const EdgeEvidence* ev);

// The weight written for edge e: opt.edge_weight if set, else the number of
// statements. Integers are written as integers ("2"), other values with
// three decimals ("0.667").
std::string EdgeWeightString(const graph::Graph& g, graph::Edge e, const WriterOptions& opt);

// Stable id of an edge: "<subject>|<CLASS>|<polarity>|<object>".
std::string EdgeId(const graph::Graph& g, graph::Edge e);
// "<CLASS>/<polarity>", e.g. "SUPPORT/+1": tells parallel edges apart.
std::string EdgeKind(const graph::EdgeProps& p);
// Node label as exported: the entity label, or its id when the label is empty.
std::string NodeLabel(const graph::Entity& e);
// Colour of a node (by kind and category) and an edge (by polarity) as
// r, g, b in 0..255; the same in GEXF viz, DOT and JSON.
struct Rgb {
  int r, g, b;
};
Rgb NodeColor(const graph::Entity& e);
Rgb EdgeColor(int polarity);

// GraphML (http://graphml.graphdrawing.org/xmlns): typed keys with ids
// d0, d1, ..., names in attr.name; <edge label="CLASS/polarity"> (Gephi's
// edge type).
void WriteGraphMl(const graph::Graph& g, std::ostream& out, const WriterOptions& opt);

// GEXF 1.3 (or 1.2draft with opt.gexf_version), dynamic: an edge has one
// spell per run of consecutive days with statements and a dynamic weight
// (statements per day); a node's spells are the union of its edges' days;
// viz colours, `kind` on edges.
void WriteGexf(const graph::Graph& g, std::ostream& out, const WriterOptions& opt);

// Gephi spreadsheet CSV (RFC 4180, UTF-8, comma, header row).
void WriteCsvNodes(const graph::Graph& g, std::ostream& out, const WriterOptions& opt);
void WriteCsvEdges(const graph::Graph& g, std::ostream& out, const WriterOptions& opt);
// One row per listed statement behind each edge (edge id, rank, document,
// title, URL, date, sentence, offsets, lemma, confidence, negated, text).
void WriteCsvEvidence(const graph::Graph& g, std::ostream& out, const WriterOptions& opt);
// File names of the CSV tables for an output prefix: "graph" and
// "graph.csv" both give {"graph.nodes.csv", "graph.edges.csv",
// "graph.evidence.csv"}.
struct CsvPaths {
  std::string nodes, edges, evidence;
};
CsvPaths CsvPathsFor(const std::string& prefix);
// Writes the three tables atomically (each through AtomicFile, renamed
// only once all are complete). Throws IoError naming the file.
CsvPaths WriteCsvFiles(const graph::Graph& g, const std::string& prefix,
                       const WriterOptions& opt);

// Cytoscape.js: {"data": {...}, "elements": {"nodes": [...], "edges": [...]},
// "style": [...]}: the stylesheet draws labels, node colours (by kind and
// category, NodeColor), edge colours (by polarity), arrows on directed
// graphs and edge widths by weight, so cytoscape(json) shows the graph as
// the other formats do.
void WriteCytoscapeJson(const graph::Graph& g, std::ostream& out, const WriterOptions& opt);

// JSON Lines in the triples contract (shared/eval/README.md): one "entity"
// record per node, then one "triple" record per edge with subject, relation
// and object blocks plus weight, documents, dates, confidence and evidence
// ids. Records carry no "doc": an edge aggregates many documents.
void WriteJsonlTriples(const graph::Graph& g, std::ostream& out, const WriterOptions& opt);

// Graphviz DOT: a digraph, actors as ellipses and issues as boxes coloured
// by category, edges coloured by polarity and labelled with their class.
void WriteDot(const graph::Graph& g, std::ostream& out, const WriterOptions& opt);

// Renders the graph with Graphviz: writes DOT, runs `<dot_binary> -T<format>`
// (format "svg" or "png") and moves the result to out_path atomically.
// Throws IoError naming out_path when the graph has more than max_nodes
// nodes (0: no limit; layout time grows steeply with size), when dot is
// missing, fails (its messages are included) or the file cannot be
// written. Returns what dot printed on success (warnings such as a PNG
// scaled down to fit Graphviz's size limit), "" when nothing. A SIGINT or
// SIGTERM while dot runs kills dot and removes the temporary files
// (atomic_file.h, TempFileGuard).
std::string RenderGraphviz(const graph::Graph& g, const std::string& format,
                           const std::string& out_path, const WriterOptions& opt,
                           const std::string& dot_binary = "dot", size_t max_nodes = 0);

}  // namespace newsgraph::io
