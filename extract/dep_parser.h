// Labelled dependency parsing with Universal Dependencies relations: a greedy
// arc-hybrid transition parser (Kuhlmann et al. 2011, root at the end of the
// buffer) whose moves are scored by an averaged perceptron over hashed rich
// non-local features (Zhang & Nivre 2011), trained with a dynamic oracle and
// exploration (Goldberg & Nivre 2013) by tools/train_parser. Moves and
// relations are scored jointly: an arc's score is its move's plus its
// relation's (a model file may instead choose the relation after the move).
// The model (extract/models/dep-ud.model) is trained from UD English EWT and
// GUM; see docs/parser.md. The State class in namespace dep_features is
// public only so that the trainer runs exactly the parser's transition
// system and feature extraction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/pos_tagger.h"

namespace newsgraph::extract {

// UD relation labels. Subtypes kept: nsubj:pass, csubj:pass, obl:agent,
// obl:tmod, obl:npmod, nmod:poss, nmod:tmod, nmod:npmod, acl:relcl,
// compound:prt, det:predet, cc:preconj, flat:foreign, aux:pass (others map to
// their base label; an unknown base label maps to kDep).
enum class Dep : uint8_t {
  kRoot, kNsubj, kNsubjPass, kCsubj, kCsubjPass, kObj, kIobj, kObl, kOblAgent, kOblTmod,
  kOblNpmod, kNmod, kNmodPoss, kNmodTmod, kNmodNpmod, kAmod, kAdvmod, kAdvcl, kAcl, kAclRelcl,
  kXcomp, kCcomp, kConj, kCc, kCcPreconj, kCase, kMark, kDet, kDetPredet, kAux,
  kAuxPass, kCop, kCompound, kCompoundPrt, kFlat, kFlatForeign, kFixed, kAppos, kNummod, kPunct,
  kParataxis, kExpl, kDiscourse, kVocative, kOrphan, kGoeswith, kReparandum, kList, kDislocated, kDep
};
inline constexpr int kNumDeps = 50;

// The UD name of a label ("nsubj:pass", ...); "?" for a value out of range.
const char* DepName(Dep d);
// Maps a full UD label (with subtype) to a Dep: kept subtypes to themselves,
// other subtypes to their base ("nsubj:outer" -> kNsubj); false if the base
// label is not a UD relation.
bool ParseDep(std::string_view name, Dep* d);
// The base UD relation of a label (kNsubjPass -> kNsubj, kOblAgent -> kObl).
Dep BaseDep(Dep d);

class DepParser {
 public:
  // Loads a model; returns nullptr and sets *error (if non-null) to
  // "path:line: reason" or "path: reason" on a missing, malformed or
  // newer-version file. Never throws.
  static std::unique_ptr<DepParser> Load(const std::string& path, std::string* error);

  // Parses one sentence: words are surface forms, tags their UPOS (from
  // PosTagger; if the sizes differ, missing tags count as X). Fills *heads
  // (0-based head index, -1 for the root) and *labels with words.size()
  // entries. The result is always a tree with exactly one root (for any
  // input, including empty and one-word sentences). Linear time in the
  // number of words. Thread-safe: const, uses only thread-local scratch
  // space, which grows with the longest sentence seen and is then reused.
  void Parse(const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
             std::vector<int>* heads, std::vector<Dep>* labels) const;

  // Number of weighted features and of relation weights in the model.
  size_t num_features() const;
  size_t num_label_weights() const;

  // Relation weights are added with AVX2 when the CPU has it (chosen at
  // run time), else with portable code; both give the same scores and
  // trees. UseVectorCode(false) switches to the portable code (for tests
  // and comparisons), UseVectorCode(true) back. Returns whether the vector
  // code is in use. Not while another thread parses with this parser.
  bool UseVectorCode(bool on);

  ~DepParser();
  DepParser(const DepParser&) = delete;
  DepParser& operator=(const DepParser&) = delete;

  struct Impl;

 private:
  DepParser();
  std::unique_ptr<Impl> impl_;
};

// Transition system and feature extraction shared by DepParser and
// tools/train_parser.cc.
namespace dep_features {

inline constexpr const char* kFormatName = "newsgraph-dep-model";
inline constexpr int kFormatVersion = 1;

// Arc-hybrid moves. kLeft: s0 <- b0 (b0 may be the root), pop s0.
// kRight: s1 -> s0, pop s0. kShift: push b0.
enum Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kNumMoves = 3;
// Relation classes: kNumDeps for left arcs, then kNumDeps for right arcs.
inline constexpr int kNumLabelClasses = 2 * kNumDeps;
// Number of feature keys State::Features writes.
inline constexpr int kNumTemplates = 116;

// Key of a word in WordClasses: a hash of its normalised, lowercased form
// (the same hash the word features use).
uint64_t WordKey(std::string_view word, std::string* scratch);

// The tags a word had in the training data (its ambiguity class: bit t set
// for UPOS t), so that the parser can second-guess the tagger.
class WordClasses {
 public:
  void Build(const std::vector<std::pair<uint64_t, uint32_t>>& entries);
  uint32_t Find(uint64_t key) const {
    if (keys_.empty()) return 0;
    size_t s = key & mask_;
    for (;;) {
      if (keys_[s] == key) return classes_[s];
      if (keys_[s] == 0) return 0;
      s = (s + 1) & mask_;
    }
  }
  size_t size() const { return size_; }

 private:
  std::vector<uint64_t> keys_;  // 0 = empty
  std::vector<uint32_t> classes_;
  size_t mask_ = 0, size_ = 0;
};

// A parser configuration. Init() and Apply() reuse the vectors' storage.
class State {
 public:
  void Init(const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
            const WordClasses* classes = nullptr);
  int size() const { return n_; }
  bool Terminal() const { return stack_size_ == 0 && b0_ == n_; }
  bool Legal(Move m) const {
    switch (m) {
      case kShift: return b0_ < n_;
      case kLeft: return stack_size_ > 0 && (b0_ < n_ || stack_size_ == 1);
      case kRight: return stack_size_ > 1;
    }
    return false;
  }
  // Applies a legal move; `label` is the relation of the arc it makes
  // (ignored for kShift; an arc to the root is always kRoot).
  void Apply(Move m, Dep label);
  // Writes kNumTemplates feature keys of the configuration.
  void Features(uint64_t* keys) const;

  int s0() const { return stack_size_ > 0 ? stack_[stack_size_ - 1] : -1; }
  int s1() const { return stack_size_ > 1 ? stack_[stack_size_ - 2] : -1; }
  int b0() const { return b0_; }  // n = the root
  int stack_size() const { return stack_size_; }
  bool in_stack(int i) const { return tok_[i].in_stack; }
  // Head of token i (n = the root, -1 none yet) and its relation.
  int head(int i) const { return tok_[i].head; }
  Dep label(int i) const { return static_cast<Dep>(tok_[i].label); }

 private:
  struct Tok {
    uint64_t word;   // hash of the lowercased form
    uint64_t suf;    // hash of the last three bytes, lowercased
    uint8_t tag;     // Pos, or kNoTag / kRootTag
    uint8_t shape;   // casing and character classes
    uint32_t amb;    // ambiguity class (WordClasses), 0 if unknown
    uint8_t label;
    bool in_stack;
    int head;
    int l1, l2, r1, r2;  // two leftmost and two rightmost children, or -1
    uint16_t nl, nr;     // numbers of left and right children (capped)
    uint64_t lset, rset; // sets of the left and right children's labels
  };
  void Attach(int h, int d, Dep label);
  const Tok& At(int i) const { return i >= 0 ? tok_[i] : none_; }
  // Number of words strictly between a and b (a < b) counted in `prefix`.
  static int Between(const std::vector<int>& prefix, int a, int b) { return prefix[b] - prefix[a + 1]; }

  int n_ = 0;
  int b0_ = 0;
  int stack_size_ = 0;
  std::vector<int> stack_;
  std::vector<Tok> tok_;  // n_ + 1 entries; tok_[n_] is the root
  std::vector<int> punct_, verbs_;  // punct_[i]: PUNCT tags among words 0 .. i-1
  Tok none_{};
  std::string norm_, lower_;
};

}  // namespace dep_features
}  // namespace newsgraph::extract
