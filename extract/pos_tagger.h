// Part-of-speech tagging with Universal POS tags: a greedy averaged-perceptron
// tagger whose model (extract/models/pos-ewt.model) is trained from the UD
// English EWT treebank by tools/train_tagger. Features are hashed to 64-bit
// keys; at load time every vocabulary word gets its feature weights summed
// into per-role score vectors, so tagging a known word costs one hash probe
// and a few vector adds. The feature functions in namespace pos_features are
// public only so that the trainer extracts exactly what the tagger reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::extract {

enum class Pos : uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum,
  kPart, kPron, kPropn, kPunct, kSconj, kSym, kVerb, kX
};
inline constexpr int kNumPos = 17;

// The UD name of a tag ("ADJ", "ADP", ...); "?" for a value out of range.
const char* PosName(Pos p);
// The tag named `name` (a UD UPOS name); false if there is none.
bool ParsePos(std::string_view name, Pos* p);

class PosTagger {
 public:
  // Loads a model; returns nullptr and sets *error (if non-null) to
  // "path:line: reason" or "path: reason" on a missing, malformed or
  // newer-version file. Never throws.
  static std::unique_ptr<PosTagger> Load(const std::string& path, std::string* error);

  // Tags one sentence of words (surface forms, UTF-8, tokenised like the
  // Penn Treebank); fills *tags with words.size() tags. Thread-safe: const,
  // uses only thread-local scratch space, which grows with the longest
  // sentence seen and is then reused.
  void Tag(const std::vector<std::string_view>& words, std::vector<Pos>* tags) const;

  // Number of weighted features and of precomputed vocabulary words.
  size_t num_features() const;
  size_t vocabulary_size() const;

  ~PosTagger();
  PosTagger(const PosTagger&) = delete;
  PosTagger& operator=(const PosTagger&) = delete;

  struct Impl;

 private:
  PosTagger();
  std::unique_ptr<Impl> impl_;
};

// Feature extraction shared by PosTagger and tools/train_tagger.cc.
namespace pos_features {

inline constexpr const char* kFormatName = "newsgraph-pos-model";
inline constexpr int kFormatVersion = 1;
// Tag index used for "before the sentence start" in tag-history features.
inline constexpr int kStartTag = kNumPos;

// What a word contributes to a position: its own features (kSelf), or those
// it contributes as the previous/next word or the one before/after that.
enum class Role : uint8_t { kSelf, kPrev1, kPrev2, kNext1, kNext2 };
inline constexpr int kNumRoles = 5;

// Pseudo-words for positions outside the sentence.
inline constexpr std::string_view kBeginWord = "\x01<s>";
inline constexpr std::string_view kEndWord = "\x01</s>";

// Writes into `out` the word with curly quotes and apostrophes mapped to
// ASCII (’ ‘ ‚ → ', “ ” „ → "), and returns it. Words longer than the buffer
// are cut (features only look at the ends and hashes of the first bytes).
std::string_view Normalize(std::string_view word, std::string* out);

// Appends the feature keys of a normalised word in role `role`. `amb` is the
// word's ambiguity class: bit t set if the training data tagged the word (or,
// failing that, its lowercase form) t often enough; 0 for rare words.
void WordKeys(std::string_view norm, uint32_t amb, Role role, std::vector<uint64_t>* keys);
// Key of the feature "word is sentence-initial" (depends on its casing).
uint64_t InitialKey(std::string_view norm);
// Hash of the lowercased word, combined with the previous tag by PairKey.
uint64_t LowerHash(std::string_view norm);
uint64_t PairKey(uint64_t lower_hash, int prev_tag);
// Keys of the word-bigram features (previous+this word, this+next word),
// from LowerHash values; kBeginWord/kEndWord stand outside the sentence.
uint64_t LeftBigramKey(uint64_t prev_lower, uint64_t lower);
uint64_t RightBigramKey(uint64_t lower, uint64_t next_lower);
// Keys of the tag-history features.
uint64_t PrevTagKey(int prev_tag);
uint64_t PrevTwoTagsKey(int prev2_tag, int prev_tag);

}  // namespace pos_features
}  // namespace newsgraph::extract
