// newsgraph extract: documents in, JSON Lines (or readable text) out, no
// database. The JSON Lines form is the contract of shared/eval/README.md.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string_view>
#include <sstream>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/progress.h"
#include "export/analysis_jsonl.h"
#include "export/atomic_file.h"

namespace newsgraph::cli {
namespace {

struct ExtractOptions {
  ExtractFlags common;
  std::string format = "jsonl";
  std::string output = "-";
  bool no_mentions = false;
};

void WriteText(const graph::DocumentAnalysis& a, std::ostream& out) {
  std::map<std::string, std::string> labels;
  for (const auto& e : a.entities) labels[e.id] = e.label;
  out << "# " << a.doc.id << ": " << a.sentences.size() << " sentences, " << a.relations.size()
      << " triples\n";
  bool truncated = false;
  for (const auto& r : a.relations) {
    out << labels[r.subject] << "  " << r.cls << (r.polarity > 0 ? "(+)" : r.polarity < 0 ? "(-)" : "(0)")
        << (r.negated ? " not" : "") << " [" << r.lemma << (r.code.empty() ? "" : " " + r.code) << "]  " << labels[r.object] << "\n    \""
        << io::CapEvidence(std::string_view(a.doc.text).substr(r.evidence.begin, r.evidence.size()),
                           io::kMaxEvidenceChars, &truncated)
        << "\"\n";
  }
}

int Run(const ExtractOptions& o) {
  extract::ReaderOptions reader_options;
  if (!ReaderOptionsFromFlags(o.common, &reader_options)) return kExitFatal;
  UserDictionaries dictionaries;
  auto extractor = LoadExtractor(o.common, &dictionaries);
  if (!extractor) return kExitFatal;
  // -o FILE goes through AtomicFile: a failed or interrupted run leaves
  // no half-written file (and an earlier file at that path as it was).
  std::unique_ptr<io::AtomicFile> file;
  std::ostream* out = &std::cout;
  if (o.output != "-") {
    try {
      file = std::make_unique<io::AtomicFile>(o.output);
    } catch (const io::IoError& e) {
      std::fprintf(stderr, "newsgraph extract: %s\n", e.what());
      return kExitFatal;
    }
    out = &file->stream();
  }
  const std::string where = o.output == "-" ? std::string("standard output") : o.output;
  reader_options.hash = false;  // AnalyzeAll hashes on its workers
  extract::DocumentReader reader(reader_options);
  io::AnalysisJsonlOptions jopts;
  jopts.mentions = !o.no_mentions;
  // Progress goes to stderr; not while the output itself is on the terminal.
  Progress progress(o.common.inputs, !o.common.quiet && (o.output != "-" || !isatty(fileno(stdout))),
                    "extract");
  AnalyzeAll(
      *extractor, reader, o.common.inputs, o.common.jobs,
      [&](Analyzed& a) {
        // Rendered on the worker threads: the consumer only writes.
        dictionaries.PostProcess(&a.analysis);
        std::ostringstream text;
        if (o.format == "jsonl")
          io::WriteAnalysisJsonl(a.analysis, text, jopts);
        else if (o.format == "conllu")
          text << extractor->Conllu(a.analysis.doc);
        else
          WriteText(a.analysis, text);
        // A string stream that cannot grow (out of memory) sets badbit
        // instead of throwing: a cut-off record must not be written.
        if (!text) throw std::runtime_error("document " + a.analysis.doc.origin + ": out of memory writing its records");
        a.rendered = std::move(text).str();
      },
      [&](Analyzed&& a) {
        progress.Add(a.analysis.doc.text.size());
        out->write(a.rendered.data(), static_cast<std::streamsize>(a.rendered.size()));
        // Stop at the first failed write (a full disk, a closed pipe)
        // rather than analyse the rest for nothing.
        if (!*out) throw io::IoError(where + ": write failed: " + std::strerror(errno));
      },
      [&](const extract::Diagnostic& d) {
        progress.Clear();
        PrintDiagnostic(d);
      });
  progress.Finish();
  out->flush();
  if (file) file->Commit();  // throws IoError naming the file; the temporary file is removed
  else if (!*out) throw io::IoError(where + ": write failed: " + std::strerror(errno));
  if (!o.common.quiet || reader.tally().rejected) PrintTally(reader.tally(), "extract");
  if (!o.common.quiet) PrintDictionaryTally(dictionaries, "extract");
  return reader.tally().rejected ? kExitSomeRejected : kExitOk;
}

}  // namespace

Runner SetupExtract(CLI::App& app) {
  auto o = std::make_shared<ExtractOptions>();
  AddExtractFlags(app, &o->common);
  app.add_option("-f,--format", o->format,
                 "jsonl (the evaluation contract), text (triples with their sentences) or conllu "
                 "(tokens, tags, lemmas, dependency tree and actor mentions of every sentence)")
      ->check(CLI::IsMember({"jsonl", "text", "conllu"}));
  app.add_option("-o,--output", o->output, "output file (default: standard output)");
  app.add_flag("--no-mentions", o->no_mentions, "leave out mention records");
  return [o] { return Run(*o); };
}

}  // namespace newsgraph::cli
