// CSV writer: tables in the form Gephi's spreadsheet import (Data
// Laboratory > Import Spreadsheet, or File > Open) recognises. Nodes: Id,
// Label, then attributes. Edges: Source, Target, Type, Id, Label, Kind,
// Weight, then attributes (with the strongest statement's evidence as flat
// columns); Gephi takes `Kind` as the edge type, so parallel edges are kept.
// Evidence: one row per listed statement, keyed by the edge Id. UTF-8,
// comma-separated, RFC 4180 quoting, "\n" line ends, dates in ISO 8601 as
// stored, plus an `Interval` column in Gephi's interval syntax
// "<[first, last]>" for its timeline.
#include <string>
#include <vector>

#include "export/atomic_file.h"
#include "export/writers.h"
#include "export/xml_util.h"

namespace newsgraph::io {
namespace {

std::string Field(const std::string& raw) {
  std::string s = CleanText(raw);
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void Row(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << Field(fields[i]);
  out << "\n";
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string Interval(const std::string& first, const std::string& last) {
  if (first.empty() || last.empty()) return "";
  return "<[" + first + ", " + last + "]>";
}

}  // namespace

void WriteCsvNodes(const graph::Graph& g, std::ostream& out, const WriterOptions&) {
  Row(out, {"Id", "Label", "kind", "category", "role", "affiliation", "country", "code",
            "aliases", "mentions", "documents", "first_date", "last_date", "Interval"});
  const auto& bg = g.boost();
  for (auto [vi, vend] = boost::vertices(bg); vi != vend; ++vi) {
    const graph::Entity& e = g.entity(*vi);
    Row(out, {e.id, NodeLabel(e), graph::KindName(e.kind), e.category, e.role, e.affiliation,
              e.country, e.code, Join(e.aliases, "; "), std::to_string(e.mentions),
              std::to_string(e.documents), e.first_date, e.last_date,
              Interval(e.first_date, e.last_date)});
  }
}

void WriteCsvEdges(const graph::Graph& g, std::ostream& out, const WriterOptions& opt) {
  Row(out, {"Source", "Target", "Type", "Id", "Label", "Kind", "Weight", "class", "quad_class",
            "polarity", "statements", "documents", "negated", "first_date", "last_date",
            "confidence", "lemmas", "Interval", "codes", "evidence_doc", "evidence_title",
            "evidence_url", "evidence_date", "evidence_sentence", "evidence_start",
            "evidence_end", "evidence_text"});
  const auto& bg = g.boost();
  for (graph::Edge ed : g.SortedEdges()) {
    const graph::EdgeProps& p = g.edge(ed);
    std::vector<std::string> row = {
        g.entity(boost::source(ed, bg)).id, g.entity(boost::target(ed, bg)).id,
        opt.directed ? "Directed" : "Undirected", EdgeId(g, ed), EdgeKind(p), EdgeKind(p),
        EdgeWeightString(g, ed, opt),
        p.cls, graph::QuadClass(p.cls), std::to_string(p.polarity), std::to_string(p.weight),
        std::to_string(p.documents), std::to_string(p.negated), p.first_date,
        p.last_date, FormatFixed3(p.confidence), Join(p.lemmas, "; "),
        Interval(p.first_date, p.last_date), Join(p.codes, "; ")};
    const EdgeEvidence* ev = EvidenceOf(g, ed, opt);
    if (ev && !ev->items.empty()) {
      const EvidenceItem& x = ev->items.front();
      row.insert(row.end(), {x.doc, x.title, x.url, x.date, std::to_string(x.sentence),
                             std::to_string(x.start), std::to_string(x.end), x.text});
    } else {
      row.resize(row.size() + 8);
    }
    Row(out, row);
  }
}

void WriteCsvEvidence(const graph::Graph& g, std::ostream& out, const WriterOptions& opt) {
  Row(out, {"edge", "rank", "doc", "title", "url", "date", "sentence", "start", "end", "lemma",
            "confidence", "negated", "text"});
  for (graph::Edge ed : g.SortedEdges()) {
    const EdgeEvidence* ev = EvidenceOf(g, ed, opt);
    if (!ev) continue;
    const std::string id = EdgeId(g, ed);
    for (size_t i = 0; i < ev->items.size(); ++i) {
      const EvidenceItem& x = ev->items[i];
      Row(out, {id, std::to_string(i + 1), x.doc, x.title, x.url, x.date, std::to_string(x.sentence),
                std::to_string(x.start), std::to_string(x.end), x.lemma, FormatFixed3(x.confidence),
                x.negated ? "1" : "0", x.text});
    }
  }
}

CsvPaths CsvPathsFor(const std::string& prefix) {
  std::string base = prefix;
  const std::string ext = ".csv";
  if (base.size() > ext.size() && base.compare(base.size() - ext.size(), ext.size(), ext) == 0)
    base.resize(base.size() - ext.size());
  return {base + ".nodes.csv", base + ".edges.csv", base + ".evidence.csv"};
}

CsvPaths WriteCsvFiles(const graph::Graph& g, const std::string& prefix,
                       const WriterOptions& opt) {
  CsvPaths paths = CsvPathsFor(prefix);
  // The tables are complete on disk before any is renamed into place, so
  // a failure while writing leaves the previous ones untouched.
  AtomicFile nodes(paths.nodes), edges(paths.edges), evidence(paths.evidence);
  WriteCsvNodes(g, nodes.stream(), opt);
  WriteCsvEdges(g, edges.stream(), opt);
  WriteCsvEvidence(g, evidence.stream(), opt);
  nodes.Commit();
  edges.Commit();
  evidence.Commit();
  return paths;
}

}  // namespace newsgraph::io
