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

#include "extract/agents.h"
#include "extract/extractor.h"
#include "extract/reader.h"
#include "graph/types.h"

namespace newsgraph::cli {

// Flags shared by build and extract.
struct ExtractFlags {
  std::vector<std::string> inputs;
  std::vector<std::string> actor_files;
  std::vector<std::string> verb_files;
  std::vector<std::string> agent_files;    // PETRARCH agents
  std::vector<std::string> issue_files;    // Phoenix issue coding
  std::vector<std::string> discard_files;  // PETRARCH discards
  bool strict = false;                     // a dictionary line newsgraph cannot use is an error
  std::string data_dir;
  int jobs = 1;
  bool quiet = false;
  std::string input_format = "auto";  // auto (by extension) or conllu
  bool word_order = false;            // relations from word order, not the tree
  std::vector<std::string> fields;    // --field FIELD=KEY (JSON Lines record keys)
};

// The reader's options from the flags (--input-format, --field). On a bad
// --field prints the error and returns false.
bool ReaderOptionsFromFlags(const ExtractFlags& flags, extract::ReaderOptions* options);

// A CLI11 check for a file the command reads whole (a dictionary, an input
// database): it must exist and be a regular file, not a folder, a device
// such as /dev/zero, a FIFO or a socket, which could block or never end.
const CLI::Validator& RegularFile();

void AddExtractFlags(CLI::App& app, ExtractFlags* flags);

// What the user dictionaries (--actors, --verbs, --agents, --issues,
// --discards) gave: one report per file, and the issue and discard tables
// applied to each analysis after the extractor (PostProcess).
struct UserDictionaries {
  std::vector<extract::DictionaryReport> reports;
  std::unique_ptr<extract::IssueDictionary> issues;
  std::unique_ptr<extract::Discards> discards;
  // Drops discarded relations and codes issues in one analysis.
  void PostProcess(graph::DocumentAnalysis* analysis) const;
};

// Loads the extractor; on failure prints the error and returns nullptr.
// Each user dictionary is read first on its own: its skipped lines are
// printed (the first few per file, then a count) and kept in *dictionaries
// (may be null), and with --strict the first one is fatal.
std::unique_ptr<extract::Extractor> LoadExtractor(const ExtractFlags& flags, UserDictionaries* dictionaries = nullptr);

// "newsgraph: WHAT: dictionary FILE: N lines skipped ..." for each user
// dictionary that had skipped lines (nothing when none had).
void PrintDictionaryTally(const UserDictionaries& dictionaries, const char* what);

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
