// The extractor: one document in, its entities, mentions and relations out.
// Stages: tokens and sentences (text.h) -> part of speech (pos_tagger.h) ->
// actor mentions (lexicons, titles, name runs, pronouns) -> relations
// (verb and noun triggers from the relation lexicon, with subject, object,
// negation, passive voice, coordination and relative clauses) -> issues
// (object noun phrases, normalised). Every relation keeps its sentence.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/verb_dictionary.h"
#include "graph/types.h"

namespace newsgraph::extract {

class PosTagger;
class NameTagger;
class DepParser;
class TreeLexicon;
class Agents;
class WordNet;

struct ExtractorOptions {
  // Folder with the shipped lexicons and models: extract/lexicons and
  // extract/models live under it (default: the build's data dir).
  std::string data_dir;
  // Extra actor dictionaries (newsgraph TSV or PETRARCH format).
  std::vector<std::string> actor_files;
  // Event-coding verb dictionaries in the PETRARCH/TABARI format; they
  // decide the actor-to-actor events of the verbs they know.
  std::vector<std::string> verb_files;
  std::vector<std::string> agent_files;  // PETRARCH agents dictionaries (agents.h)
  // WordNet database folder; when missing, rule-based lemmas are used.
  std::string wordnet_dir = "/usr/share/wordnet";
  // Read relations from word order even when the parser model is present
  // (for comparison; the tree is the default).
  bool no_parser = false;
  // A line of a user dictionary that newsgraph cannot use fails the load
  // (else it is skipped with a warning).
  bool strict_dictionaries = false;
};

class Extractor {
 public:
  // Loads lexicons, the tagger model and WordNet. Returns nullptr and sets
  // *error ("file:line: reason") when a lexicon or the model is bad.
  static std::unique_ptr<Extractor> Load(const ExtractorOptions& options, std::string* error);
  ~Extractor();

  // Analyses one document. Thread-safe: Analyze may run on several threads.
  graph::DocumentAnalysis Analyze(graph::Document doc) const;
  // The document's sentences as CoNLL-U: tokens, UPOS tags, lemmas and the
  // dependency tree (every sentence parsed; "_" heads when no parser model
  // is present), with the actor mentions in MISC (Entity=actor:...), so a
  // user can see why a relation was or was not found. Thread-safe.
  std::string Conllu(graph::Document doc) const;

  // Lexicon names and versions, for metadata.
  const std::vector<std::string>& lexicon_versions() const { return lexicons_->versions(); }
  // Whether WordNet was found (else rule-based lemmas are in use).
  bool has_wordnet() const { return wordnet_ != nullptr; }
  // Whether the dependency parser model was found (relations are then read
  // from the tree; else from word order).
  bool has_parser() const { return parser_ != nullptr; }

 private:
  Extractor() = default;
  std::unique_ptr<Lexicons> lexicons_;
  std::unique_ptr<PosTagger> tagger_;
  // The statistical name tagger (name_tagger.h), when its model is present:
  // a second source of names for capitalised words the rules leave alone.
  std::unique_ptr<NameTagger> names_;
  std::unique_ptr<WordNet> wordnet_;
  std::unique_ptr<DepParser> parser_;
  std::unique_ptr<TreeLexicon> tree_lex_;
  // Agent nouns ("soldiers" MIL, "main opposition group" MOP): the shipped
  // lexicons/agents.tsv, then the user's --agents files.
  std::unique_ptr<Agents> agents_;
  std::unique_ptr<VerbDictionary> verbs_;
  friend class DocumentRun;
};

// The default data folder (lexicons/, models/): $NEWSGRAPH_DATA, else the
// source tree's extract/ folder when it is there, else the installed copy
// in <prefix>/share/newsgraph.
std::string DefaultDataDir();

}  // namespace newsgraph::extract
