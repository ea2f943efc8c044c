// The word lists that relations read from the dependency tree need, loaded
// from data files beside the other lexicons (extract/lexicons):
//   complements.tsv   verbs whose complement clause they decide: "refuse to
//                     meet X" is REJECT toward X, "urge X to leave" DEMAND
//                     toward X; and verbs that make their complement a plan
//                     ("plan to visit": mode intent)
//   verb_objects.tsv  verb + object noun patterns whose class depends on the
//                     object: "impose sanctions on", "hold talks with",
//                     "release prisoners" vs "release a video" (no event)
//   cameo_verbs.tsv, cameo_objects.tsv (optional) verbs and verb + object
//                     patterns seeded from the CAMEO verb dictionary by
//                     tools/cameo_to_lexicon.py; hand-written entries win
//   words.tsv         closed lists by name: light verbs, speech verbs,
//                     negators, nouns that are no issue, casualty nouns,
//                     instrument nouns ("airstrikes", "drones"), ...
// Every file starts with "# newsgraph lexicon: NAME v1"; bad rows fail the
// load with "file:line: reason".
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newsgraph::extract {

struct ComplementEntry {
  std::string cls;       // class of the outer event ("REJECT"); empty for intent verbs
  int polarity = 0;
  std::string mode;      // "intent" for plans, "promise", "propose", ...
  // Toward whom: kInner = the complement's own objects ("refuse to meet
  // X"); kObject = the outer verb's object ("urge X to leave"); kNone =
  // the complement is a plan of the subject (its event gets `mode`).
  enum Target { kInner, kObject, kNone } target = kInner;
  std::vector<std::string> preps;  // prepositions of the outer object ("on", "upon" for "call on X to")
};

struct VerbObjectEntry {
  std::string verb, noun;   // lemmas; noun "*" = any noun object
  std::vector<std::string> preps;  // prepositions that introduce the target ("on", "against"); empty = none
  std::string cls;          // PLOVER class; "-" = no event ("release a video")
  int polarity = 0;
  std::string mode;
  bool seeded = false;  // from cameo_objects.tsv
};

// A verb seeded from the CAMEO verb dictionary (cameo_verbs.tsv): used
// only for verbs the hand-written relation lexicon does not know.
struct SeedVerbEntry {
  std::string prep;  // "" or the preposition of its object
  std::string cls;
  int polarity = 0;
  std::string code;  // CAMEO code
};

class TreeLexicon {
 public:
  static std::unique_ptr<TreeLexicon> Load(const std::string& dir, std::string* error);

  const ComplementEntry* Complement(std::string_view verb_lemma) const;
  // The pattern for verb + object noun (exact noun first, then "*").
  const VerbObjectEntry* VerbObject(std::string_view verb_lemma, std::string_view noun_lemma) const;
  // Whether some verb + object pattern starts with this verb.
  bool HasVerbObjects(std::string_view verb_lemma) const { return pattern_verbs_.count(std::string(verb_lemma)) > 0; }
  // Seeded verbs for a lemma (cameo_verbs.tsv), or nullptr.
  const std::vector<SeedVerbEntry>* SeedVerbs(std::string_view verb_lemma) const;
  // Whether `word` (lower case) is in the named list of words.tsv.
  bool In(std::string_view list, std::string_view word) const;
  // The class of a noun that names an organisation or group when it follows
  // "the" ("the company", "the commission"): the list "anaphor_CLASS" of
  // words.tsv that holds it, or "" (nouns of one class stand for each other:
  // "company", "firm", "corporation").
  std::string_view AnaphorClass(std::string_view word) const;

 private:
  std::unordered_map<std::string, ComplementEntry> complements_;
  std::unordered_map<std::string, VerbObjectEntry> verb_objects_;  // "verb noun"
  // (Looked up by string_view without building strings: In is called for
  // most words of every parsed sentence.)
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;
  std::unordered_map<std::string, WordSet, ViewHash, std::equal_to<>> lists_;
  std::unordered_map<std::string, std::vector<SeedVerbEntry>> seed_verbs_;
  std::unordered_set<std::string> pattern_verbs_;
  std::unordered_map<std::string, std::string> anaphor_class_;
};

}  // namespace newsgraph::extract
