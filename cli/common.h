// What the subcommands share: loading the extractor from flags, printing
// diagnostics and tallies, and the parallel, order-keeping document
// pipeline.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/reader.h"
#include "graph/types.h"

namespace newsgraph::cli {

// Flags shared by build and extract.
struct ExtractFlags {
  std::vector<std::string> inputs;
  std::vector<std::string> actor_files;
  std::vector<std::string> verb_files;
  std::string data_dir;
  int jobs = 1;
  bool quiet = false;
};

void AddExtractFlags(CLI::App& app, ExtractFlags* flags);

// Loads the extractor; on failure prints the error and returns nullptr.
std::unique_ptr<extract::Extractor> LoadExtractor(const ExtractFlags& flags);

// Prints a diagnostic to stderr ("newsgraph: where: message").
void PrintDiagnostic(const extract::Diagnostic& d);

// Prints "read N documents: A accepted, R rejected" (and skipped files).
void PrintTally(const extract::ReadTally& tally, const char* what);

// One document's analysis on its way through AnalyzeAll, with what the
// worker thread rendered of it (extract's JSON Lines, say) so that the
// consumer, which runs alone, only has to write it.
struct Analyzed {
  graph::DocumentAnalysis analysis;
  std::string rendered;
};

// Reads documents, analyses them on `jobs` threads and hands the results to
// consume in input order, one at a time. Each document's content hash is
// computed on the worker when the reader left it out (ReaderOptions::hash).
// render, if set, also runs on the workers, after the analysis: work that
// does not depend on other documents belongs there, not in consume.
// report gets reader diagnostics.
void AnalyzeAll(const extract::Extractor& extractor, extract::DocumentReader& reader,
                const std::vector<std::string>& inputs, int jobs,
                const std::function<void(Analyzed&)>& render,
                const std::function<void(Analyzed&&)>& consume,
                const std::function<void(const extract::Diagnostic&)>& report);

}  // namespace newsgraph::cli
