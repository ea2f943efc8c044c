// GEXF writer: Gephi's own format. The graph is dynamic (timeformat "date",
// days): an edge has one spell per run of consecutive days on which it has
// statements, and a dynamic weight (an attvalue for "weight" per day: the
// statements of that day), so Gephi's timeline shows an edge only while it
// is reported and sizes it by what was said in the window; a node's spells
// are the runs of days of its edges. Undated elements (and nodes whose
// edges are all undated) are always present. Edges carry `kind`
// ("SUPPORT/+1"), which Gephi uses as the edge type so parallel edges are
// never merged. 1.2draft is the same document in the older namespaces
// (NetworkX 2.x reads it); 1.2draft's schema has no `kind`, Gephi reads it
// anyway and NetworkX ignores it (class and polarity are also attribute
// values).
#include <cmath>
#include <set>
#include <utility>
#include <string>
#include <vector>

#include "export/writers.h"
#include "export/xml_util.h"

namespace newsgraph::io {
namespace {

// Days since 1970-01-01 of a "YYYY-MM-DD" day (H. Hinnant's
// days_from_civil), for telling consecutive days.
long DayNumber(const std::string& day) {
  int y = std::stoi(day.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(day.substr(5, 2)));
  unsigned d = static_cast<unsigned>(std::stoi(day.substr(8, 2)));
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// Runs of consecutive days, as [first, last] pairs, from sorted days.
std::vector<std::pair<std::string, std::string>> Runs(const std::vector<std::string>& days) {
  std::vector<std::pair<std::string, std::string>> runs;
  long prev = 0;
  for (const auto& d : days) {
    long n = DayNumber(d);
    if (!runs.empty() && n == prev + 1) runs.back().second = d;
    else if (runs.empty() || n != prev) runs.push_back({d, d});
    prev = n;
  }
  return runs;
}

void Spells(std::ostream& out, const std::vector<std::string>& days, const char* indent) {
  if (days.empty()) return;
  out << indent << "<spells>";
  for (const auto& [start, end] : Runs(days))
    out << "<spell start=\"" << start << "\" end=\"" << end << "\"/>";
  out << "</spells>\n";
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
    {"class", "string"},          {"quad_class", "string"},     {"polarity", "integer"},
    {"statements", "integer"},    {"documents", "integer"},     {"negated", "integer"},
    {"first_date", "string"},     {"last_date", "string"},      {"confidence", "double"},
    {"lemmas", "string"},         {"codes", "string"},          {"evidence_doc", "string"},
    {"evidence_title", "string"}, {"evidence_url", "string"},   {"evidence_date", "string"},
    {"evidence_sentence", "integer"}, {"evidence_start", "integer"}, {"evidence_end", "integer"},
    {"evidence_text", "string"},  {"evidence", "string"}};

void Declare(std::ostream& out, const char* cls, const Attr* attrs, size_t n) {
  out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
  for (size_t i = 0; i < n; ++i) {
    out << "      <attribute id=\"" << i << "\" title=\"" << attrs[i].title << "\" type=\""
        << attrs[i].type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

// Writes <attvalues> for the non-empty values, in declaration order, then
// the dynamic weight: one attvalue for "weight" per (day, statements).
void AttValues(std::ostream& out, const std::vector<std::string>& values,
               const std::vector<std::pair<std::string, uint32_t>>& weights = {}) {
  bool any = !weights.empty();
  for (const auto& v : values) any = any || !v.empty();
  if (!any) return;
  out << "        <attvalues>\n";
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    out << "          <attvalue for=\"" << i << "\" value=\"" << XmlEscape(values[i])
        << "\"/>\n";
  }
  for (const auto& [day, n] : weights)
    out << "          <attvalue for=\"weight\" value=\"" << n << "\" start=\"" << day
        << "\" end=\"" << day << "\"/>\n";
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
  // Gephi reads an edge attribute "weight" as the edge's (dynamic) weight.
  // A projection's weight is no count of statements: it holds for the
  // edge's whole life, only the spells change.
  const bool dynamic_weight = opt.gexf_dynamic_weight && !opt.edge_weight;
  if (dynamic_weight)
    out << "    <attributes class=\"edge\" mode=\"dynamic\">\n"
           "      <attribute id=\"weight\" title=\"weight\" type=\"double\"/>\n"
           "    </attributes>\n";

  const auto& bg = g.boost();
  // Days of each node: those of its edges.
  std::vector<std::set<std::string>> node_days(boost::num_vertices(bg));
  std::vector<graph::Edge> edges = g.SortedEdges();
  for (graph::Edge ed : edges) {
    for (const auto& [day, n] : g.edge(ed).days) {
      node_days[boost::source(ed, bg)].insert(day);
      node_days[boost::target(ed, bg)].insert(day);
    }
  }
  out << "    <nodes>\n";
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) {
    const graph::Entity& e = g.entity(*vi);
    out << "      <node id=\"" << XmlEscape(e.id) << "\" label=\"" << XmlEscape(NodeLabel(e))
        << "\">\n";
    AttValues(out, {graph::KindName(e.kind), e.category, e.role, e.affiliation, e.country,
                    e.code, Join(e.aliases, "; "), std::to_string(e.mentions),
                    std::to_string(e.documents), e.first_date, e.last_date});
    const auto& days = node_days[*vi];
    Spells(out, std::vector<std::string>(days.begin(), days.end()), "        ");
    Color(out, NodeColor(e));
    // Area grows with mentions; log keeps a few giants from hiding the rest.
    out << "        <viz:size value=\"" << FormatFixed3(10.0 + 5.0 * std::log2(1.0 + e.mentions))
        << "\"/>\n";
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (graph::Edge ed : edges) {
    const graph::EdgeProps& p = g.edge(ed);
    out << "      <edge id=\"" << XmlEscape(EdgeId(g, ed)) << "\" source=\""
        << XmlEscape(g.entity(boost::source(ed, bg)).id) << "\" target=\""
        << XmlEscape(g.entity(boost::target(ed, bg)).id) << "\" kind=\""
        << XmlEscape(EdgeKind(p)) << "\" label=\"" << XmlEscape(EdgeKind(p))
        << "\" weight=\"" << EdgeWeightString(g, ed, opt) << "\">\n";
    std::vector<std::string> values = {
        p.cls, graph::QuadClass(p.cls), std::to_string(p.polarity), std::to_string(p.weight),
        std::to_string(p.documents), std::to_string(p.negated), p.first_date, p.last_date,
        FormatFixed3(p.confidence), Join(p.lemmas, "; "), Join(p.codes, "; ")};
    const EdgeEvidence* ev = EvidenceOf(g, ed, opt);
    if (ev && !ev->items.empty()) {
      const EvidenceItem& x = ev->items.front();
      values.insert(values.end(), {x.doc, x.title, x.url, x.date, std::to_string(x.sentence),
                                   std::to_string(x.start), std::to_string(x.end), x.text,
                                   EvidenceJson(ev)});
    }
    AttValues(out, values, dynamic_weight ? p.days : std::vector<std::pair<std::string, uint32_t>>{});
    std::vector<std::string> days;
    for (const auto& [day, n] : p.days) days.push_back(day);
    Spells(out, days, "        ");
    Color(out, EdgeColor(p.polarity));
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace newsgraph::io
