// LoadEdgeEvidence: ranks each edge's statements from what LoadGraph already
// holds (confidence, date, document), then reads only the chosen rows.
#include "export/edge_evidence.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>

namespace newsgraph::io {

std::string CutText(const std::string& s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) return s.substr(0, i) + "\u2026";
  }
  return s;
}

EvidenceMap LoadEdgeEvidence(Store& store, const graph::Graph& g,
                             const std::vector<graph::Statement>& statements, size_t per_edge) {
  EvidenceMap out;
  if (per_edge == 0) return out;
  std::unordered_map<int64_t, const graph::Statement*> by_id;
  by_id.reserve(statements.size());
  for (const auto& s : statements)
    if (s.evidence_id) by_id.emplace(s.evidence_id, &s);

  // The chosen rows of every edge, in rank order.
  std::vector<std::pair<std::string, std::vector<int64_t>>> chosen;
  std::vector<int64_t> all;
  for (graph::Edge e : g.SortedEdges()) {
    std::vector<const graph::Statement*> st;
    for (int64_t id : g.edge(e).evidence) {
      auto it = by_id.find(id);
      if (it != by_id.end()) st.push_back(it->second);
    }
    auto key = [](const graph::Statement* s) {
      // Undated statements sort after dated ones.
      return std::make_tuple(-s->confidence, s->date.empty(), s->date, s->doc, s->evidence_id);
    };
    size_t n = std::min(per_edge, st.size());
    std::partial_sort(st.begin(), st.begin() + n, st.end(),
                      [&](const graph::Statement* a, const graph::Statement* b) { return key(a) < key(b); });
    std::vector<int64_t> ids;
    for (size_t i = 0; i < n; ++i) ids.push_back(st[i]->evidence_id);
    all.insert(all.end(), ids.begin(), ids.end());
    chosen.emplace_back(EdgeId(g, e), std::move(ids));
  }
  std::unordered_map<int64_t, EvidenceRow> rows;
  for (auto& r : store.Evidence(all)) rows.emplace(r.id, std::move(r));
  for (auto& [edge, ids] : chosen) {
    EdgeEvidence& ev = out[edge];
    for (int64_t id : ids) {
      auto it = rows.find(id);
      if (it == rows.end()) continue;
      const EvidenceRow& r = it->second;
      EvidenceItem x;
      x.doc = r.doc;
      x.title = r.title;
      x.url = r.url;
      x.date = r.date;
      x.sentence = r.sentence;
      x.start = r.start;
      x.end = r.end;
      x.lemma = r.lemma;
      x.confidence = r.confidence;
      x.negated = r.negated;
      x.text = CutText(r.text, kEvidenceTextChars);
      ev.items.push_back(std::move(x));
    }
  }
  return out;
}

}  // namespace newsgraph::io
