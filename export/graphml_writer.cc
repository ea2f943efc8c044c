// GraphML writer, and the helpers every writer shares (edge ids and kinds,
// labels, colours, evidence). GraphML is the format NetworkX and igraph read
// best and Gephi opens as is. Gephi's GraphML importer (0.9.2 and later)
// takes a `label` attribute on <edge> as the edge type, so each edge carries
// label="CLASS/polarity" (its kind): parallel edges of different classes or
// polarities stay apart whatever merge strategy is chosen (docs/gephi.md).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "export/writers.h"
#include "export/xml_util.h"

namespace newsgraph::io {

std::string EdgeKind(const graph::EdgeProps& p) {
  return p.cls + "/" + PolarityString(p.polarity);
}

std::string EdgeId(const graph::Graph& g, graph::Edge e) {
  const auto& bg = g.boost();
  const auto& p = g.edge(e);
  return g.entity(boost::source(e, bg)).id + "|" + p.cls + "|" + PolarityString(p.polarity) +
         "|" + g.entity(boost::target(e, bg)).id;
}

std::string EdgeWeightString(const graph::Graph& g, graph::Edge e, const WriterOptions& opt) {
  if (!opt.edge_weight) return std::to_string(g.edge(e).weight);
  double w = opt.edge_weight(g, e);
  if (w == std::floor(w) && std::fabs(w) < 1e15) return std::to_string(static_cast<int64_t>(w));
  return FormatFixed3(w);
}

std::string NodeLabel(const graph::Entity& e) { return e.label.empty() ? e.id : e.label; }

Rgb NodeColor(const graph::Entity& e) {
  if (e.kind == graph::EntityKind::kIssue) return {23, 190, 207};    // cyan
  if (e.category == "person") return {31, 119, 180};                 // blue
  if (e.category == "organization") return {255, 127, 14};          // orange
  if (e.category == "country") return {148, 103, 189};               // purple
  if (e.category == "location") return {140, 86, 75};               // brown
  if (e.category == "group") return {227, 119, 194};                 // pink
  return {127, 127, 127};                                            // grey
}

Rgb EdgeColor(int polarity) {
  if (polarity > 0) return {44, 160, 44};   // green: for, cooperation
  if (polarity < 0) return {214, 39, 40};   // red: against, conflict
  return {150, 150, 150};                   // grey: neutral
}

const EdgeEvidence* EvidenceOf(const graph::Graph& g, graph::Edge e, const WriterOptions& opt) {
  if (!opt.evidence) return nullptr;
  auto it = opt.evidence->find(EdgeId(g, e));
  return it == opt.evidence->end() ? nullptr : &it->second;
}

namespace {

struct Key {
  std::string id, domain, name, type;
};

// Key ids d0, d1, ... in declaration order.
std::vector<Key> MakeKeys() {
  const std::vector<std::pair<std::string, std::string>> node = {
      {"label", "string"},       {"kind", "string"},      {"category", "string"},
      {"role", "string"},        {"affiliation", "string"}, {"country", "string"},
      {"code", "string"},        {"aliases", "string"},   {"mentions", "int"},
      {"documents", "int"},      {"first_date", "string"}, {"last_date", "string"}};
  const std::vector<std::pair<std::string, std::string>> edge = {
      {"label", "string"},          {"kind", "string"},         {"class", "string"},
      {"quad_class", "string"},     {"polarity", "int"},        {"weight", "double"},
      {"statements", "int"},        {"documents", "int"},       {"negated", "int"},
      {"first_date", "string"},     {"last_date", "string"},    {"confidence", "double"},
      {"lemmas", "string"},         {"codes", "string"},        {"evidence_doc", "string"},
      {"evidence_title", "string"}, {"evidence_url", "string"}, {"evidence_date", "string"},
      {"evidence_sentence", "int"}, {"evidence_start", "int"},  {"evidence_end", "int"},
      {"evidence_text", "string"},  {"evidence", "string"}};
  std::vector<Key> keys;
  int next = 0;
  auto id = [&] { return "d" + std::to_string(next++); };
  for (const auto& [name, type] : node) keys.push_back({id(), "node", name, type});
  for (const auto& [name, type] : edge) keys.push_back({id(), "edge", name, type});
  return keys;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

// An XML comment may not contain "--" nor end with "-".
std::string CommentSafe(const std::string& s) {
  std::string out = CleanText(s);
  for (size_t i; (i = out.find("--")) != std::string::npos;) out.replace(i, 2, "- -");
  if (!out.empty() && out.back() == '-') out += ' ';
  return out;
}

}  // namespace

void WriteGraphMl(const graph::Graph& g, std::ostream& out, const WriterOptions& opt) {
  const auto keys = MakeKeys();
  auto key_id = [&](const char* domain, const std::string& name) -> const std::string& {
    for (const auto& k : keys)
      if (k.domain == domain && k.name == name) return k.id;
    throw std::logic_error("no GraphML key " + name);
  };
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<!-- " << CommentSafe(opt.tool_version.empty() ? "newsgraph" : opt.tool_version);
  for (const auto& [k, v] : opt.metadata) out << "; " << CommentSafe(k) << "=" << CommentSafe(v);
  out << " -->\n";
  out << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
         " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
         " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
         " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& k : keys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"G\" edgedefault=\""
      << (opt.directed ? "directed" : "undirected") << "\">\n";

  auto data = [&](const char* domain, const std::string& name, const std::string& value,
                  bool skip_empty = true) {
    if (skip_empty && value.empty()) return;
    out << "      <data key=\"" << key_id(domain, name) << "\">" << XmlEscape(value)
        << "</data>\n";
  };
  const auto& bg = g.boost();
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) {
    const graph::Entity& e = g.entity(*vi);
    out << "    <node id=\"" << XmlEscape(e.id) << "\">\n";
    data("node", "label", NodeLabel(e), false);
    data("node", "kind", graph::KindName(e.kind));
    data("node", "category", e.category);
    data("node", "role", e.role);
    data("node", "affiliation", e.affiliation);
    data("node", "country", e.country);
    data("node", "code", e.code);
    data("node", "aliases", Join(e.aliases, "; "));
    data("node", "mentions", std::to_string(e.mentions));
    data("node", "documents", std::to_string(e.documents));
    data("node", "first_date", e.first_date);
    data("node", "last_date", e.last_date);
    out << "    </node>\n";
  }
  for (graph::Edge ed : g.SortedEdges()) {
    const graph::EdgeProps& p = g.edge(ed);
    out << "    <edge id=\"" << XmlEscape(EdgeId(g, ed)) << "\" source=\""
        << XmlEscape(g.entity(boost::source(ed, bg)).id) << "\" target=\""
        << XmlEscape(g.entity(boost::target(ed, bg)).id) << "\" label=\""
        << XmlEscape(EdgeKind(p)) << "\">\n";
    data("edge", "label", EdgeKind(p));
    data("edge", "kind", EdgeKind(p));
    data("edge", "class", p.cls);
    data("edge", "quad_class", graph::QuadClass(p.cls));
    data("edge", "polarity", std::to_string(p.polarity));
    data("edge", "weight", EdgeWeightString(g, ed, opt));
    data("edge", "statements", std::to_string(p.weight));
    data("edge", "documents", std::to_string(p.documents));
    data("edge", "negated", std::to_string(p.negated));
    data("edge", "first_date", p.first_date);
    data("edge", "last_date", p.last_date);
    data("edge", "confidence", FormatFixed3(p.confidence));
    data("edge", "lemmas", Join(p.lemmas, "; "));
    data("edge", "codes", Join(p.codes, "; "));
    if (const EdgeEvidence* ev = EvidenceOf(g, ed, opt); ev && !ev->items.empty()) {
      const EvidenceItem& x = ev->items.front();
      data("edge", "evidence_doc", x.doc);
      data("edge", "evidence_title", x.title);
      data("edge", "evidence_url", x.url);
      data("edge", "evidence_date", x.date);
      data("edge", "evidence_sentence", std::to_string(x.sentence));
      data("edge", "evidence_start", std::to_string(x.start));
      data("edge", "evidence_end", std::to_string(x.end));
      data("edge", "evidence_text", x.text);
      data("edge", "evidence", EvidenceJson(ev));
    }
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace newsgraph::io
