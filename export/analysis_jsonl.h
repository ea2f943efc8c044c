// The JSON Lines contract of shared/eval/README.md for one analysed
// document: a document record, one entity record per node, one mention
// record per mention and one triple record per relation. Offsets are
// Unicode code points into the document text as read.
#pragma once

#include <ostream>

#include "graph/types.h"

namespace newsgraph::io {

struct AnalysisJsonlOptions {
  bool mentions = true;  // write mention records
};

// Appends the records of one document to out. Deterministic: entities by
// id, mentions and triples in text order.
void WriteAnalysisJsonl(const graph::DocumentAnalysis& analysis, std::ostream& out,
                        const AnalysisJsonlOptions& options = {});

}  // namespace newsgraph::io
