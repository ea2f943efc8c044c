// Event-coding verb dictionaries in the PETRARCH/TABARI format (PETRARCH's
// CAMEO.2.0.txt, PETR.Validate.verbs.txt), read as they are so that
// event-data users bring the dictionaries they already have
// (`--verbs FILE`). A dictionary maps verbs, and patterns of words around
// them, to CAMEO codes; newsgraph turns a code into its PLOVER class
// (CameoToPlover) and keeps the code on the triple.
//
// The format (docs/extraction.md has the whole of it):
//   &NAME                synset: the "+phrase" lines that follow
//   +PHRASE
//   --- NAME [code] ---  a verb block and its default code
//   VERB {IRREGULAR FORMS} [code]     a verb of the block (regular forms
//   +VERB_PARTICLE [code]             are generated); "+" inside a
//   WIRE_+TAP                         multi-word verb marks the verb word
//   - words * words [code]            a pattern: "*" is the verb, "$" the
//                                     source, "+" the target, "^" skips a
//                                     noun phrase, "%" a compound actor,
//                                     "&NAME" a synset; words joined by "_"
//                                     must be adjacent, others may have
//                                     words between them
// Codes: "064"; "032:033" (source->target 032 and target->source 033);
// "---" (no event). Comments: "#", ";" and <!-- ... -->.
//
// What newsgraph does not read is skipped line by line with a warning
// (DictionaryReport; an error with DictionaryOptions::strict): the
// TRANSFORMATIONS section ("~ a (a b ATTACK) SAY = a b 015" lines),
// patterns without a code or without a "*", patterns naming a synset that
// is never defined, verbs of more than 8 words, text that is not UTF-8.
// Synsets that name themselves, directly or through others (&A holding &A,
// or &A -> &B -> &A), are reported and expanded once, without the cycle.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/lexicon.h"

namespace newsgraph::extract {

struct VerbPatternElement {
  enum Kind : uint8_t { kWords, kSynset, kSource, kTarget, kSkip, kCompound };
  Kind kind = kWords;
  std::vector<std::string> words;  // kWords: consecutive lower-case words
  int synset = -1;                 // kSynset
  bool adjacent = false;           // joined by "_" to its neighbour nearer the verb
};

struct VerbPattern {
  // Elements before the verb, nearest the verb first, and after it.
  std::vector<VerbPatternElement> before, after;
  std::string code;  // as written: "064", "032:033", "---"
  // More elements = more specific; the most specific match wins.
  size_t Specificity() const { return before.size() + after.size(); }
};

// One way a block's verb is written: "break down" with the verb word at 0.
struct VerbForm {
  std::vector<std::string> words;  // lower case
  size_t verb = 0;                 // index of the inflected word
  uint32_t block = 0;
  std::string code;  // the verb's own code, or its block's
};

// A sentence as the pattern matcher sees it; indices are the sentence's
// token positions, all vectors of the same length.
struct PatternSentence {
  std::vector<std::string_view> words;  // lower case
  // i -> one past the last token of the actor mention starting at i, or 0.
  std::vector<uint32_t> actor_end;
  // i -> the first token of the actor mention covering i, or -1.
  std::vector<int32_t> actor_first;
  // i -> one past the noun phrase starting at i (determiners, adjectives,
  // nouns, names), or 0.
  std::vector<uint32_t> phrase_end;
};

struct VerbMatch {
  std::string code;              // the matched pattern's or the verb's code
  const VerbPattern* pattern = nullptr;  // nullptr: the verb alone
  long source = -1, target = -1;  // token positions the pattern named
  bool compound = false;          // "%": the compound actor's members act on each other
};

class VerbDictionary {
 public:
  // Reads one dictionary file and adds it to this one. Lines it cannot use
  // are skipped and counted in *report (may be null; a copy is kept in
  // reports()); with options.strict the first one fails the load. On
  // failure (missing file, strict, no usable line at all) returns false,
  // sets *error to "file:line: reason" and adds nothing.
  bool Load(const std::string& path, const DictionaryOptions& options, DictionaryReport* report,
            std::string* error);
  // The same, not strict.
  bool Load(const std::string& path, std::string* error);
  // Reports of the files loaded so far, in order.
  const std::vector<DictionaryReport>& reports() const { return reports_; }

  // Forms whose inflected word is `word` (lower case), or nullptr.
  const std::vector<uint32_t>* FormsOf(std::string_view word) const;
  const VerbForm& form(uint32_t i) const { return forms_[i]; }

  // Whether form i is written at sentence position `at` (its inflected word
  // there, the other words around it); sets [*first, *last) to its tokens.
  bool FormAt(uint32_t i, const PatternSentence& s, size_t at, size_t* first, size_t* last) const;

  // The code for the verb written at [first, last) in s: the most specific
  // pattern of its block that matches, else the verb's own code.
  VerbMatch Match(uint32_t form, const PatternSentence& s, size_t first, size_t last) const;

  size_t verbs() const { return forms_.size(); }
  size_t patterns() const;
  size_t blocks() const { return blocks_.size(); }

 private:
  bool LoadInto(const std::string& path, const DictionaryOptions& options, std::string* error);
  struct Block {
    std::string code;
    std::vector<VerbPattern> patterns;
  };
  // Whether the pattern elements match on one side of the verb, from cursor
  // (the verb's end going forward, its start going backward).
  // limit: how far the side may reach (one past the last token forward,
  // the first token backward).
  bool MatchSide(const std::vector<VerbPatternElement>& elements, const PatternSentence& s, size_t cursor,
                 size_t limit, bool forward, VerbMatch* m) const;
  // Whether element e stands starting at pos (forward) or ending at pos
  // (backward); sets its token span.
  bool ElementAt(const VerbPatternElement& e, const PatternSentence& s, size_t pos, bool forward, size_t* begin,
                 size_t* end) const;
  bool WordsAt(const std::vector<std::string>& words, const PatternSentence& s, size_t at) const;
  // The length of the synset phrase at `at`, or 0.
  size_t SynsetAt(int synset, const PatternSentence& s, size_t at) const;
  // The length of the synset phrase ending at `end` (exclusive), or 0.
  size_t SynsetEndingAt(int synset, const PatternSentence& s, size_t end) const;

  std::vector<Block> blocks_;
  std::vector<VerbForm> forms_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_word_;
  std::vector<std::vector<std::vector<std::string>>> synsets_;  // synset -> phrases -> words
  std::unordered_map<std::string, int> synset_ids_;
  std::vector<DictionaryReport> reports_;
};

// How far from the verb a pattern's words, actors and synsets are looked
// for, in tokens on each side. Patterns describe a clause, not a page:
// the bound keeps matching linear in sentence length (a 20,000-word
// "sentence" from a file without punctuation costs no more per verb than
// a normal one).
constexpr size_t kMaxPatternReach = 40;

// The PLOVER class of a CAMEO code by its root ("064" -> COOPERATE,
// "1717" -> COERCE), or "" when CAMEO's root has none (01 statements, 02
// appeals) or the code is not CAMEO.
std::string CameoToPlover(std::string_view code);
// The usual stance of a PLOVER class: +1 cooperation, -1 conflict, 0 neither.
int PloverPolarity(std::string_view cls);

}  // namespace newsgraph::extract
