// JSON writers: Cytoscape.js `elements` JSON for web viewers, and JSON Lines
// records in the triples contract (shared/eval/README.md) so that an
// exported graph can be read by the same tools as `newsgraph extract`
// output, scorer included. Written by hand rather than through RapidJSON to
// keep the key order and number format fixed.
#include <string>
#include <vector>

#include "export/writers.h"
#include "export/xml_util.h"

namespace newsgraph::io {
namespace {

std::string Str(const std::string& raw) {
  std::string s = CleanText(raw);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string StrArray(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + Str(v[i]);
  return out + "]";
}

std::string Hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

// Builds a JSON object from fields in the order given; fields whose value is
// empty (an empty string literal "\"\"") are left out when skip_empty.
class Obj {
 public:
  Obj& Add(const char* key, const std::string& json_value, bool skip_empty = false) {
    if (skip_empty && json_value == "\"\"") return *this;
    s_ += (s_.empty() ? "" : ", ") + Str(key) + ": " + json_value;
    return *this;
  }
  Obj& AddStr(const char* key, const std::string& value, bool skip_empty = false) {
    return Add(key, Str(value), skip_empty);
  }
  std::string str() const { return "{" + s_ + "}"; }

 private:
  std::string s_;
};

std::string Endpoint(const graph::Entity& e) {
  return Obj()
      .AddStr("id", e.id)
      .AddStr("label", NodeLabel(e))
      .AddStr("kind", graph::KindName(e.kind))
      .AddStr("category", e.category, true)
      .AddStr("country", e.country, true)
      .AddStr("code", e.code, true)
      .str();
}

// The evidence list; "[]" for none.
std::string EvidenceArray(const EdgeEvidence* ev, const char* sep) {
  std::string out = "[";
  if (ev) {
    for (size_t i = 0; i < ev->items.size(); ++i) {
      const EvidenceItem& x = ev->items[i];
      out += (i ? sep : "") + Obj()
                                  .AddStr("doc", x.doc)
                                  .AddStr("title", x.title)
                                  .AddStr("url", x.url)
                                  .AddStr("date", x.date)
                                  .Add("sentence", std::to_string(x.sentence))
                                  .Add("start", std::to_string(x.start))
                                  .Add("end", std::to_string(x.end))
                                  .AddStr("lemma", x.lemma)
                                  .Add("confidence", FormatFixed3(x.confidence))
                                  .Add("negated", x.negated ? "true" : "false")
                                  .AddStr("text", x.text)
                                  .str();
    }
  }
  return out + "]";
}

// The Cytoscape.js stylesheet: what each element shows, from its data.
std::string CytoscapeStyle(const graph::Graph& g, const WriterOptions& opt) {
  double max_weight = 1;
  for (graph::Edge ed : g.SortedEdges()) {
    double w = opt.edge_weight ? opt.edge_weight(g, ed) : g.edge(ed).weight;
    if (w > max_weight) max_weight = w;
  }
  auto rule = [](const std::string& selector, const std::string& style) {
    return "    {\"selector\": " + Str(selector) + ", \"style\": {" + style + "}}";
  };
  std::string width = "mapData(weight, 0, " + FormatFixed3(max_weight) + ", 1, 8)";
  std::vector<std::string> rules = {
      rule("node", "\"label\": \"data(label)\", \"background-color\": \"data(color)\", "
                   "\"width\": 20, \"height\": 20, \"font-size\": 10, \"text-valign\": \"bottom\", "
                   "\"text-halign\": \"center\", \"text-margin-y\": 3"),
      rule("node[kind = \"issue\"]", "\"shape\": \"round-rectangle\""),
      rule("edge", "\"curve-style\": \"bezier\", \"width\": " + Str(width) +
                       ", \"line-color\": \"data(color)\", \"target-arrow-color\": \"data(color)\", "
                       "\"target-arrow-shape\": " + Str(opt.directed ? "triangle" : "none") +
                       ", \"label\": \"data(class)\", \"font-size\": 8, \"text-rotation\": "
                       "\"autorotate\", \"color\": \"#555555\""),
      rule("edge[negated > 0]", "\"line-style\": \"dashed\""),
      rule(":selected", "\"overlay-opacity\": 0.2")};
  std::string out;
  for (size_t i = 0; i < rules.size(); ++i) out += (i ? ",\n" : "") + rules[i];
  return out;
}

}  // namespace

std::string EvidenceJson(const EdgeEvidence* ev) { return EvidenceArray(ev, ", "); }

void WriteCytoscapeJson(const graph::Graph& g, std::ostream& out, const WriterOptions& opt) {
  Obj meta;
  meta.AddStr("generator", opt.tool_version.empty() ? "newsgraph" : opt.tool_version);
  if (!opt.directed) meta.Add("directed", "false");
  for (const auto& [k, v] : opt.metadata) meta.AddStr(k.c_str(), v);
  out << "{\n  \"data\": " << meta.str() << ",\n  \"elements\": {\n    \"nodes\": [";
  const auto& bg = g.boost();
  bool first = true;
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) {
    const graph::Entity& e = g.entity(*vi);
    Obj d;
    d.AddStr("id", e.id)
        .AddStr("label", NodeLabel(e))
        .AddStr("kind", graph::KindName(e.kind))
        .AddStr("category", e.category)
        .AddStr("role", e.role)
        .AddStr("affiliation", e.affiliation)
        .AddStr("country", e.country)
        .AddStr("code", e.code)
        .Add("aliases", StrArray(e.aliases))
        .Add("mentions", std::to_string(e.mentions))
        .Add("documents", std::to_string(e.documents))
        .AddStr("first_date", e.first_date)
        .AddStr("last_date", e.last_date)
        .AddStr("color", Hex(NodeColor(e)));
    out << (first ? "\n" : ",\n") << "      {\"data\": " << d.str() << "}";
    first = false;
  }
  out << (first ? "" : "\n    ") << "],\n    \"edges\": [";
  first = true;
  for (graph::Edge ed : g.SortedEdges()) {
    const graph::EdgeProps& p = g.edge(ed);
    Obj d;
    d.AddStr("id", EdgeId(g, ed))
        .AddStr("source", g.entity(boost::source(ed, bg)).id)
        .AddStr("target", g.entity(boost::target(ed, bg)).id)
        .AddStr("label", EdgeKind(p))
        .AddStr("kind", EdgeKind(p))
        .AddStr("class", p.cls)
        .AddStr("quad_class", graph::QuadClass(p.cls))
        .Add("polarity", std::to_string(p.polarity))
        .Add("weight", EdgeWeightString(g, ed, opt))
        .Add("documents", std::to_string(p.documents))
        .Add("negated", std::to_string(p.negated))
        .AddStr("first_date", p.first_date)
        .AddStr("last_date", p.last_date)
        .Add("confidence", FormatFixed3(p.confidence))
        .Add("lemmas", StrArray(p.lemmas))
        .Add("codes", StrArray(p.codes))
        .Add("statements", std::to_string(p.weight))
        .Add("evidence", EvidenceArray(EvidenceOf(g, ed, opt), ", "))
        .AddStr("color", Hex(EdgeColor(p.polarity)));
    out << (first ? "\n" : ",\n") << "      {\"data\": " << d.str() << "}";
    first = false;
  }
  out << (first ? "" : "\n    ") << "]\n  },\n  \"style\": [\n" << CytoscapeStyle(g, opt)
      << "\n  ]\n}\n";
}

void WriteJsonlTriples(const graph::Graph& g, std::ostream& out, const WriterOptions& opt) {
  const auto& bg = g.boost();
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) {
    const graph::Entity& e = g.entity(*vi);
    out << Obj()
               .AddStr("type", "entity")
               .AddStr("id", e.id)
               .AddStr("kind", graph::KindName(e.kind))
               .AddStr("label", NodeLabel(e))
               .AddStr("category", e.category, true)
               .AddStr("role", e.role, true)
               .Add("aliases", StrArray(e.aliases))
               .AddStr("affiliation", e.affiliation, true)
               .AddStr("country", e.country, true)
               .AddStr("code", e.code, true)
               .Add("mentions", std::to_string(e.mentions))
               .Add("documents", std::to_string(e.documents))
               .AddStr("first_date", e.first_date, true)
               .AddStr("last_date", e.last_date, true)
               .str()
        << "\n";
  }
  for (graph::Edge ed : g.SortedEdges()) {
    const graph::EdgeProps& p = g.edge(ed);
    std::string relation = Obj()
                               .AddStr("class", p.cls)
                               .Add("polarity", std::to_string(p.polarity))
                               .AddStr("quad_class", graph::QuadClass(p.cls))
                               .AddStr("kind", EdgeKind(p))
                               .Add("lemmas", StrArray(p.lemmas))
                               .Add("codes", StrArray(p.codes))
                               .str();
    out << Obj()
               .AddStr("type", "triple")
               .AddStr("id", EdgeId(g, ed))
               .Add("subject", Endpoint(g.entity(boost::source(ed, bg))))
               .Add("relation", relation)
               .Add("object", Endpoint(g.entity(boost::target(ed, bg))))
               .Add("weight", EdgeWeightString(g, ed, opt))
               .Add("documents", std::to_string(p.documents))
               .Add("negated", std::to_string(p.negated))
               .AddStr("first_date", p.first_date, true)
               .AddStr("last_date", p.last_date, true)
               .Add("confidence", FormatFixed3(p.confidence))
               .Add("statements", std::to_string(p.weight))
               .Add("evidence", EvidenceArray(EvidenceOf(g, ed, opt), ", "))
               .str()
        << "\n";
  }
}

}  // namespace newsgraph::io
