// The JSON Lines contract of shared/eval/README.md for one analysed
// document: a document record, one entity record per node, one mention
// record per mention and one triple record per relation. Offsets are
// Unicode code points into the document text as read.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph/types.h"

namespace newsgraph::io {

// Longest evidence text a triple carries, in code points. A sentence
// longer than this is cut there and ends with kEvidenceMarker, and the
// evidence gets "truncated": true; start and end still span the whole
// sentence, so the full text is text[start:end] of the document. Without
// the cap every triple of a sentence repeats it whole, and a sentence of
// 300 KB with a thousand triples gave 400 MB of output.
inline constexpr size_t kMaxEvidenceChars = 1000;
inline constexpr const char* kEvidenceMarker = "\u2026";  // "…"

struct AnalysisJsonlOptions {
  bool mentions = true;  // write mention records
  size_t max_evidence_chars = kMaxEvidenceChars;
};

// The first max_chars code points of text (UTF-8), with kEvidenceMarker
// appended and *truncated set when text is longer.
std::string CapEvidence(std::string_view text, size_t max_chars, bool* truncated);

// Appends the records of one document to out. Deterministic: entities by
// id, mentions and triples in text order.
void WriteAnalysisJsonl(const graph::DocumentAnalysis& analysis, std::ostream& out,
                        const AnalysisJsonlOptions& options = {});

}  // namespace newsgraph::io
