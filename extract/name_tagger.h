// Proper-name tagging: finds the person, organisation and place names of a
// sentence, and other proper names (events, works, products: kOther). A BIO
// sequence labeller decoded with Viterbi (a structured averaged perceptron
// over hashed features of the words, their UPOS tags from PosTagger, a ±2
// word window, the previous label and gazetteer matches against the shipped
// lexicons), trained by tools/train_ner on the entity layer of the GUM corpus.
// Typed F1 on held-out GUM documents (person, organization, place): see
// docs/names.md. TagDocument adds a document-level pass. The model
// is extract/models/names-gum.model; docs/names.md describes the method, the
// data and the measured accuracy and speed. The feature functions and the
// GUM reader in namespace name_features are public only so that the trainer
// and the tests extract exactly what the tagger reads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <bitset>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/pos_tagger.h"

namespace newsgraph::extract {

enum class NameType : uint8_t { kPerson, kOrganization, kPlace, kOther };

// A name: tokens [first, last) of the sentence. score in [0, 1): m / (1 + m)
// where m is the smallest, over the span's words, of how much the best
// labelling of the sentence beats the best one that labels that word
// otherwise (max-marginal margin); higher is surer.
struct NameSpan {
  uint32_t first, last;
  NameType type;
  float score;
};

class NameTagger {
 public:
  // Loads a model and, from lexicon_dir (extract/lexicons), the gazetteers
  // its features read. Returns nullptr and sets *error (if non-null) to
  // "path:line: reason" or "path: reason" on a missing, malformed or
  // newer-version file. Never throws.
  static std::unique_ptr<NameTagger> Load(const std::string& model_path, const std::string& lexicon_dir,
                                          std::string* error);

  // Finds the names in one sentence: words are its surface forms (UTF-8,
  // Penn Treebank tokenisation), tags their UPOS from PosTagger (same size;
  // a shorter tags vector is read as X for the missing positions). Fills
  // *spans, ordered and non-overlapping, of all four types (a caller that
  // wants actors skips kOther). Thread-safe: const, uses only
  // thread-local scratch space. Linear in the sentence length.
  void Tag(const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
           std::vector<NameSpan>* spans) const;

  // Finds the names in a whole document: sentences[k] are the words of
  // sentence k, tags[k] their UPOS tags (a missing or shorter entry is read
  // as X). Fills (*spans)[k] (resized to the number of sentences), each as
  // Tag() describes. Three steps (docs/names.md, "Documents"):
  //  1. Tag() on every sentence.
  //  2. If the model was trained with document features (model header
  //     "document 1"), every sentence again, with features of how step 1
  //     typed the same words and word runs in the other sentences.
  //  3. One name, one type: the mentions of a name written the same way vote
  //     for its type with their scores (a one-word name also receives the
  //     votes of the person names of two or more capitalised words that end
  //     with it: "Marbles" after "Jenna Marbles"), and the winner types them
  //     all; a person, organisation or place name that wins at least 1.0 of
  //     votes, and such a person's last name, are also found where they
  //     were missed (a whole run of capitalised words written the same way
  //     that overlaps no other name).
  // A changed or added name's score is its vote share times the mean score
  // of its mentions. Thread-safe; linear in the document length, plus a
  // hash table of the document's names.
  void TagDocument(const std::vector<std::vector<std::string_view>>& sentences,
                   const std::vector<std::vector<Pos>>& tags, std::vector<std::vector<NameSpan>>* spans) const;

  size_t num_features() const;

  ~NameTagger();
  NameTagger(const NameTagger&) = delete;
  NameTagger& operator=(const NameTagger&) = delete;

  struct Impl;

 private:
  NameTagger();
  std::unique_ptr<Impl> impl_;
};

// "person", "organization", "place", "other"; "?" out of range.
const char* NameTypeName(NameType t);

// Feature extraction and training data shared by NameTagger,
// tools/train_ner.cc and the tests.
namespace name_features {

inline constexpr const char* kFormatName = "newsgraph-name-model";
// Version 2 adds the word clusters (a "clusters N" header field and N
// "path<TAB>word" lines after the feature table) and the header field
// "document 1" of a model trained with DocumentKeys features (read by
// TagDocument's second pass); version 1 files still load.
inline constexpr int kFormatVersion = 2;

// Labels: 0 = O, then for each type t in {person, organization, place,
// other} (the NameType values) 1 + 2t + {0: B(egin), 1: I(nside)}.
inline constexpr int kNumTypes = 4;
inline constexpr int kNumLabels = 1 + 2 * kNumTypes;
inline constexpr int kStartLabel = kNumLabels;  // history before the sentence
enum Part : int { kB = 0, kI = 1 };
inline int LabelOf(int type, int part) { return 1 + 2 * type + part; }
inline int TypeOf(int label) { return (label - 1) / 2; }
inline int PartOf(int label) { return (label - 1) % 2; }
// The label names "O", "B-PER", "I-PER", ... as one space-separated line.
std::string LabelLine();
// Whether `label` may follow `prev` (kStartLabel at the sentence start):
// I-x only after B-x or I-x.
bool Allowed(int prev, int label);

// Gazetteer categories; a word's gazetteer bits are 1 << (4 * category + part)
// for each longest lexicon match of that category covering it, part being
// kGazB(egin), kGazI(nside), kGazL(ast) or kGazU(nit, a one-word match).
enum GazPart : int { kGazB, kGazI, kGazL, kGazU };
// kWorldPlace: the world place names of places.tsv (tools/places_to_lexicon.py).
enum Category : int { kCountry, kCapital, kRegion, kOrganization, kDemonym, kTitle, kWorldPlace, kNumCategories };

// Surface forms from countries.tsv, regions.tsv, organizations.tsv,
// titles.tsv and places.tsv, split into words at spaces (a final comma or "'s" becomes its
// own word, as in the Penn Treebank tokenisation), matched case-sensitively.
class Gazetteer {
 public:
  // Reads the five files from dir; false with *error "path:line: reason".
  bool Load(const std::string& dir, std::string* error);
  // Fills (*bits)[i] for each word (resized to words.size()) with the
  // phrase-match bits, and (*word_bits)[i] with the categories of the
  // lexicon forms that contain the word anywhere (capitalised words only:
  // "Party", "Council", "Island").
  void Mark(const std::vector<std::string_view>& words, std::vector<uint32_t>* bits,
            std::vector<uint32_t>* word_bits) const;
  size_t size() const { return phrases_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>>;
  void Add(std::string_view form, int category);
  Map phrases_;  // phrase -> category mask
  std::unordered_set<std::string, Hash, std::equal_to<>> first_words_;
  std::unordered_set<std::string, Hash, std::equal_to<>> prefixes_;  // proper word prefixes of phrases
  std::bitset<256> first_bytes_;  // first bytes of first words: most words need no lookup
  Map words_;  // word -> category mask
  size_t max_words_ = 1;
};

// Hierarchical word clusters learned from unlabelled text by
// tools/train_clusters (a bit-string path per word, as Brown clustering
// gives); the features read prefixes of a word's path. Words are looked up
// as written, then lowercased.
class Clusters {
 public:
  static constexpr int kNumPrefixes = 4;
  static constexpr int kPrefixLengths[kNumPrefixes] = {4, 8, 12, 16};
  // Adds a word; false if path is empty, longer than 64 or not made of 0/1.
  bool Add(std::string_view word, std::string_view path);
  // Hashes of the prefixes of the word's path, or nullptr for an unknown word.
  const uint64_t* Find(std::string_view word) const;
  size_t size() const { return paths_.size(); }
  // (word, path) in insertion order, for writing a model.
  const std::vector<std::pair<std::string, std::string>>& entries() const { return paths_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::array<uint64_t, kNumPrefixes>> prefixes_;
  std::vector<std::pair<std::string, std::string>> paths_;
};

// What the features need to know of each word, computed once a sentence.
struct WordInfo {
  uint64_t word, lower, shape;
  uint64_t prefix[3], suffix[4];
  uint64_t cluster[Clusters::kNumPrefixes];  // path prefix hashes; 0: no cluster
  uint32_t caps;  // casing and character-class bits
  uint32_t gaz;   // gazetteer bits
  uint32_t gaz_words;  // categories of the lexicon forms containing the word
  int tag;        // UPOS index
};
// clusters may be null (no cluster features).
void Describe(const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
              const Gazetteer& gazetteer, std::vector<WordInfo>* info, const Clusters* clusters = nullptr);
// Appends the keys of the label-independent features of word i.
void StaticKeys(const std::vector<WordInfo>& info, size_t i, std::vector<uint64_t>* keys);
// The keys of the features that read the previous label (kStartLabel at
// the start): the label alone, with word i's shape, UPOS tag and lowercase form.
inline constexpr int kNumHistoryKeys = 4;
void HistoryKeys(const std::vector<WordInfo>& info, size_t i, int prev, uint64_t keys[kNumHistoryKeys]);

// Document features, read by the second pass of NameTagger::TagDocument:
// for word w of sentence k, keys that say how the first pass (first_pass[k]:
// the spans Tag() found) typed the same word and the same capitalised word
// run in the document's other sentences, whether the word is elsewhere the
// last word of a person's full name, and whether it occurs in lower case
// elsewhere. Fills (*keys)[k][w].
void DocumentKeys(const std::vector<std::vector<std::string_view>>& sentences,
                  const std::vector<std::vector<NameSpan>>& first_pass,
                  std::vector<std::vector<std::vector<uint64_t>>>* keys);

// Labels (one per word) -> spans; an ill-formed run is closed where it breaks.
void LabelsToSpans(const std::vector<int>& labels, std::vector<NameSpan>* spans);

// --- Training and evaluation data: the GUM corpus (docs/names.md) ---------

struct GoldSentence {
  std::vector<std::string> words;  // curly quotes normalised as PosTagger does
  std::vector<NameSpan> names;     // ordered, non-overlapping; score 1
};
struct GoldDocument {
  std::string name;   // "GUM_news_afghan"
  std::string genre;  // "news"
  std::vector<GoldSentence> sentences;
};

// Reads a GUM .conllu file and derives its names from the Entity= brackets
// of the MISC column (the rule is in docs/names.md); the gazetteer's titles
// are cut off the front of person names. false with *error "path:line: reason".
bool ReadGumDocument(const std::string& path, const Gazetteer& gazetteer, GoldDocument* doc,
                     std::string* error);

// The held-out evaluation documents: within each genre, documents sorted by
// name, every fifth one starting with the first. `names` are document names
// (GUM_<genre>_<id>); returns, for each, whether it is held out.
std::vector<bool> HeldOut(const std::vector<std::string>& names);

}  // namespace name_features
}  // namespace newsgraph::extract
