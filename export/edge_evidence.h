// Reading the evidence of exported edges from the store: for every edge of
// a (filtered, possibly projected) graph, the strongest statements behind
// it with their document (id, title, URL, date) and sentence (index,
// character offsets, text), so that exports carry why each edge exists
// rather than store row ids, which change when databases are merged.
#pragma once

#include <cstddef>
#include <vector>

#include "store/store.h"
#include "export/writers.h"
#include "graph/graph.h"

namespace newsgraph::io {

// For each edge of g, up to per_edge of its statements (EdgeProps::evidence,
// looked up in `statements` as Store::LoadGraph returned them): the most
// confident first, ties by earlier date (undated last), document id, then
// store order. Reads their rows with Store::Evidence; sentence text is cut
// to kEvidenceTextChars characters (plus "…"). per_edge 0 gives an empty
// map. Throws StoreError.
EvidenceMap LoadEdgeEvidence(Store& store, const graph::Graph& g,
                             const std::vector<graph::Statement>& statements, size_t per_edge);

// s cut to at most max_chars code points, with "…" appended when cut.
std::string CutText(const std::string& s, size_t max_chars);

}  // namespace newsgraph::io
