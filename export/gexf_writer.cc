// GEXF writer: Gephi's own format. The graph is dynamic: a node or edge with
// known first and last dates carries one spell [first, last] (timeformat
// "date", days), so Gephi's timeline plays the network over time; elements
// without dates are always present. Edges carry `kind` ("SUPPORT/+1"), which
// Gephi uses as the edge type so parallel edges are never merged. 1.2draft
// is the same document in the older namespaces (NetworkX 2.x reads it);
// 1.2draft's schema has no `kind`, Gephi reads it anyway and NetworkX ignores
// it (class and polarity are also attribute values).
#include <cmath>
#include <string>
#include <vector>

#include "export/writers.h"
#include "export/xml_util.h"

namespace newsgraph::io {
namespace {

// "YYYY-MM-DD" from an ISO 8601 date or date-time, or "" if s does not
// start with a full calendar date.
std::string DayOf(const std::string& s) {
  if (s.size() < 10) return "";
  for (int i = 0; i < 10; ++i) {
    char c = s[i];
    bool ok = (i == 4 || i == 7) ? c == '-' : (c >= '0' && c <= '9');
    if (!ok) return "";
  }
  return s.substr(0, 10);
}

void Spells(std::ostream& out, const std::string& first, const std::string& last,
            const char* indent) {
  std::string start = DayOf(first), end = DayOf(last);
  if (start.empty() && end.empty()) return;
  if (start.empty()) start = end;
  if (end.empty()) end = start;
  out << indent << "<spells><spell start=\"" << start << "\" end=\"" << end
      << "\"/></spells>\n";
}

struct Attr {
  const char* title;
  const char* type;
};

constexpr Attr kNodeAttrs[] = {
    {"kind", "string"},     {"category", "string"},   {"role", "string"},
    {"affiliation", "string"}, {"country", "string"}, {"code", "string"},
    {"aliases", "string"},  {"mentions", "integer"},  {"documents", "integer"},
    {"first_date", "string"}, {"last_date", "string"}};
constexpr Attr kEdgeAttrs[] = {
    {"class", "string"},     {"quad_class", "string"}, {"polarity", "integer"},
    {"documents", "integer"}, {"negated", "integer"},  {"first_date", "string"},
    {"last_date", "string"}, {"confidence", "double"}, {"lemmas", "string"},
    {"evidence", "string"}, {"codes", "string"}};

void Declare(std::ostream& out, const char* cls, const Attr* attrs, size_t n) {
  out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
  for (size_t i = 0; i < n; ++i) {
    out << "      <attribute id=\"" << i << "\" title=\"" << attrs[i].title << "\" type=\""
        << attrs[i].type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

// Writes <attvalues> for the non-empty values, in declaration order.
void AttValues(std::ostream& out, const std::vector<std::string>& values) {
  bool any = false;
  for (const auto& v : values) any = any || !v.empty();
  if (!any) return;
  out << "        <attvalues>\n";
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    out << "          <attvalue for=\"" << i << "\" value=\"" << XmlEscape(values[i])
        << "\"/>\n";
  }
  out << "        </attvalues>\n";
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

void Color(std::ostream& out, Rgb c) {
  out << "        <viz:color r=\"" << c.r << "\" g=\"" << c.g << "\" b=\"" << c.b << "\"/>\n";
}

}  // namespace

void WriteGexf(const graph::Graph& g, std::ostream& out, const WriterOptions& opt) {
  const bool v13 = opt.gexf_version == GexfVersion::k1_3;
  const std::string ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<gexf xmlns=\"" << ns << "\" xmlns:viz=\"" << ns << "/viz\""
      << " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      << " xsi:schemaLocation=\"" << ns << " " << ns
      << (v13 ? "/gexf.xsd\" version=\"1.3\">\n" : "/gexf.xsd\" version=\"1.2\">\n");
  out << "  <meta>\n    <creator>"
      << XmlEscape(opt.tool_version.empty() ? "newsgraph" : opt.tool_version)
      << "</creator>\n";
  if (!opt.metadata.empty()) {
    std::string desc;
    for (const auto& [k, v] : opt.metadata) desc += (desc.empty() ? "" : "; ") + k + "=" + v;
    out << "    <description>" << XmlEscape(desc) << "</description>\n";
  }
  out << "  </meta>\n";
  out << "  <graph defaultedgetype=\"" << (opt.directed ? "directed" : "undirected")
      << "\" mode=\"dynamic\" timeformat=\"date\">\n";
  Declare(out, "node", kNodeAttrs, std::size(kNodeAttrs));
  Declare(out, "edge", kEdgeAttrs, std::size(kEdgeAttrs));

  const auto& bg = g.boost();
  out << "    <nodes>\n";
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) {
    const graph::Entity& e = g.entity(*vi);
    out << "      <node id=\"" << XmlEscape(e.id) << "\" label=\"" << XmlEscape(NodeLabel(e))
        << "\">\n";
    AttValues(out, {graph::KindName(e.kind), e.category, e.role, e.affiliation, e.country,
                    e.code, Join(e.aliases, "; "), std::to_string(e.mentions),
                    std::to_string(e.documents), e.first_date, e.last_date});
    Spells(out, e.first_date, e.last_date, "        ");
    Color(out, NodeColor(e));
    // Area grows with mentions; log keeps a few giants from hiding the rest.
    out << "        <viz:size value=\"" << FormatFixed3(10.0 + 5.0 * std::log2(1.0 + e.mentions))
        << "\"/>\n";
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (graph::Edge ed : g.SortedEdges()) {
    const graph::EdgeProps& p = g.edge(ed);
    std::vector<std::string> ev;
    for (int64_t id : p.evidence) ev.push_back(std::to_string(id));
    out << "      <edge id=\"" << XmlEscape(EdgeId(g, ed)) << "\" source=\""
        << XmlEscape(g.entity(boost::source(ed, bg)).id) << "\" target=\""
        << XmlEscape(g.entity(boost::target(ed, bg)).id) << "\" kind=\""
        << XmlEscape(EdgeKind(p)) << "\" label=\"" << XmlEscape(EdgeKind(p))
        << "\" weight=\"" << EdgeWeightString(g, ed, opt) << "\">\n";
    AttValues(out, {p.cls, graph::QuadClass(p.cls), std::to_string(p.polarity),
                    std::to_string(p.documents), std::to_string(p.negated), p.first_date,
                    p.last_date, FormatFixed3(p.confidence), Join(p.lemmas, "; "),
                    Join(ev, " "), Join(p.codes, "; ")});
    Spells(out, p.first_date, p.last_date, "        ");
    Color(out, EdgeColor(p.polarity));
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace newsgraph::io
