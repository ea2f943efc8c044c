// A WordNet 3.0 reader and an English lemmatiser, written for the relation
// extractor: it turns inflected verbs and nouns into lemmas ("met" -> "meet",
// "negotiations" -> "negotiation"), tells whether a lemma exists in a word
// class, maps nominalisations to verbs through WordNet's derivational links
// ("insistence" <-> "insist"), and lists synonyms for extending lexicons.
// The database is the one Debian's wordnet-base installs in /usr/share/wordnet
// (format: `man 5 wndb`); it is read at run time, never shipped. RuleLemma()
// needs no database and serves when WordNet is absent. See docs/wordnet.md.
#ifndef NEWSGRAPH_EXTRACT_WORDNET_H_
#define NEWSGRAPH_EXTRACT_WORDNET_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::extract {

enum class WordClass : uint8_t { kNoun, kVerb, kAdj, kAdv };

// The default database folder (Debian's wordnet-base).
inline constexpr const char kDefaultWordNetDir[] = "/usr/share/wordnet";

// An immutable, loaded WordNet database. All const methods are thread-safe.
// Lemmas handed out use ' ' between the words of a multiword lemma
// ("plump for"), the spelling of the lexicons; inputs may use ' ' or '_'.
// Lookups lowercase their input, so "Meet" and "meet" are the same lemma.
class WordNet {
 public:
  // Maps index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc from `dir`
  // into memory (read-only, once each) and opens data.{noun,verb,adj,adv}
  // for later look-ups. Returns nullptr and sets *error (if error is not null) to
  // "DIR: not found" when the folder does not exist, or to "DIR/FILE: reason"
  // when a file is missing, unreadable or malformed. Never throws.
  static std::unique_ptr<WordNet> Load(const std::string& dir, std::string* error);

  ~WordNet();
  WordNet(const WordNet&) = delete;
  WordNet& operator=(const WordNet&) = delete;

  // The lemma of a word form in a word class, in the manner of WordNet's
  // morphy: the exception list (verb.exc, ...) first, then the detachment
  // rules ("-ies" -> "-y", "-ed" -> "-e", "-ed" -> "", ...) whose result is
  // in the index, then the form itself. Returns the lowercased input when
  // nothing is found. Multiword forms ("called for") try the first word as
  // a verb and the last word as a noun. Allocates only the returned string.
  // Note that exceptions win over the form itself: "saw" -> "see",
  // "found" -> "find", "data" -> "datum" (check Has() first to keep a form).
  std::string Lemma(std::string_view word, WordClass wc) const;

  // Whether `lemma` (any case; multiword with '_' or ' ') is in the index of
  // the word class.
  bool Has(std::string_view lemma, WordClass wc) const;

  // Verbs derivationally related (WordNet pointer "+") to a noun lemma:
  // "insistence" -> {"insist"}; RelatedNouns is the converse ("meet" ->
  // {"meeting", "encounter", ...}). Ordered by the sense rank of the query
  // lemma's synsets, first sense first, without duplicates. The links are
  // read from data.noun and data.verb on the first call of either function
  // (once, thread-safely); if that read fails both return empty lists.
  std::vector<std::string> RelatedVerbs(std::string_view noun_lemma) const;
  std::vector<std::string> RelatedNouns(std::string_view verb_lemma) const;

  // The other lemmas of the synsets of `lemma` in a word class, first sense
  // first, without duplicates and without `lemma` itself. Reads the synsets
  // from data.* on each call (one pread per synset); meant for building
  // lexicons, not for the per-token path. Empty if the lemma is unknown.
  std::vector<std::string> Synonyms(std::string_view lemma, WordClass wc) const;

  // The lexicographer file of the first (most frequent) sense of `lemma`
  // in a word class (`man 5 lexnames`: 18 = noun.person, 6 = noun.artifact,
  // 14 = noun.group), or -1 if the lemma is unknown. One pread per call:
  // for rare decisions, not the per-token path.
  int FirstSenseLexFile(std::string_view lemma, WordClass wc) const;

  // Number of lemmas in the index of a word class (for diagnostics).
  size_t LemmaCount(WordClass wc) const;

 private:
  struct Impl;
  explicit WordNet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A rule-only English lemmatiser (no database): a built-in table of
// irregular verbs and nouns, then suffix rules (-ies/-ied/-ing/-ed/-es/-s for
// verbs, plural endings for nouns, -er/-est for adjectives) with heuristics
// for undoubling ("stopped" -> "stop") and restoring a final e ("advocating"
// -> "advocate"). Lowercases its input; returns it lowercased when no rule
// applies. Heuristic: wrong on some words WordNet gets right. Thread-safe.
std::string RuleLemma(std::string_view word, WordClass wc);

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_WORDNET_H_
