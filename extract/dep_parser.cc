// Greedy arc-hybrid dependency parser: labels, the transition system, feature
// hashing, model loading and parsing. See dep_parser.h for the design and
// docs/parser.md for the model file format and how it is trained.
#include "extract/dep_parser.h"

#include "extract/dense_rows.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>

namespace newsgraph::extract {

namespace {

constexpr const char* kDepNames[kNumDeps] = {
    "root", "nsubj", "nsubj:pass", "csubj", "csubj:pass", "obj", "iobj", "obl", "obl:agent", "obl:tmod",
    "obl:npmod", "nmod", "nmod:poss", "nmod:tmod", "nmod:npmod", "amod", "advmod", "advcl", "acl", "acl:relcl",
    "xcomp", "ccomp", "conj", "cc", "cc:preconj", "case", "mark", "det", "det:predet", "aux",
    "aux:pass", "cop", "compound", "compound:prt", "flat", "flat:foreign", "fixed", "appos", "nummod", "punct",
    "parataxis", "expl", "discourse", "vocative", "orphan", "goeswith", "reparandum", "list", "dislocated", "dep"};

// Base relations of UD v2 that have no Dep of their own.
constexpr const char* kOtherBases[] = {"clf"};

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

inline uint64_t Fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

inline unsigned char Lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c;
}

inline uint64_t HashLower(uint64_t seed, std::string_view s) {
  uint64_t h = kFnvOffset ^ seed;
  for (unsigned char c : s) h = (h ^ Lower(c)) * kFnvPrime;
  return h;
}

// Casing and character-class bits of a word.
uint8_t ShapeBits(std::string_view w) {
  bool any_upper = false, any_lower = false, any_digit = false, hyphen = false, period = false,
       non_ascii = false, other = false;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') any_upper = true;
    else if (c >= 'a' && c <= 'z') any_lower = true;
    else if (c >= '0' && c <= '9') any_digit = true;
    else if (c == '-') hyphen = true;
    else if (c == '.') period = true;
    else if (c >= 0x80) non_ascii = true;
    else other = true;
  }
  const bool first_upper = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
  return static_cast<uint8_t>((first_upper ? 1u : 0u) | (any_upper ? 2u : 0u) | (any_lower ? 4u : 0u) |
                              (any_digit ? 8u : 0u) | (hyphen ? 16u : 0u) | (period ? 32u : 0u) |
                              (non_ascii ? 64u : 0u) | (other ? 128u : 0u));
}

constexpr uint8_t kNoTag = kNumPos;        // a position outside the configuration
constexpr uint8_t kRootTag = kNumPos + 1;  // the artificial root
constexpr uint8_t kNoLabel = kNumDeps;     // a token not yet attached

// Feature key of template t over up to three values.
inline uint64_t K(uint64_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (t + 1) * 0x9e3779b97f4a7c15ULL;
  h = (h ^ a) * 0xff51afd7ed558ccdULL;
  h = (h ^ (b + 0x632be59bd9b4e019ULL)) * 0xc4ceb9fe1a85ec53ULL;
  h ^= c * 0x94d049bb133111ebULL;
  return Fmix(h);
}

// Distances 1, 2, 3, 4, 5-6, 7-10, 11+; 0 when the other end is the root.
inline uint64_t Bucket(int d) {
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

bool ReadLine(const std::string& data, size_t* pos, std::string_view* line) {
  if (*pos >= data.size()) return false;
  size_t end = data.find('\n', *pos);
  if (end == std::string::npos) return false;  // header lines end with '\n'
  *line = std::string_view(data).substr(*pos, end - *pos);
  *pos = end + 1;
  return true;
}

// Open-addressing map from a feature key to its weights. A slot is indexed
// by the key's low bits and checked by its high 32 bits. Its offset points
// either into DepParser::Impl::weights (int16 values), at a sparse block:
// the three move weights, the number n of relation weights, then n pairs
// (column, weight); or, when the offset carries kDense, at a dense row:
// row number off & ~kDense of DepParser::Impl::rows (see dense_rows.h: a
// weight per column, then the moves and the row's largest |weight|). A
// relation class's weights sit in its column (Impl::column); classes that no
// feature weighs share a column that stays 0, so the rows are narrow: 96
// values, three cache lines, for the shipped model.
struct Slot {
  uint32_t check;
  uint32_t off;  // kEmpty for an empty slot; | kDense for a dense row
};
static_assert(sizeof(Slot) == 8);
constexpr uint32_t kEmpty = 0xffffffffu;
constexpr uint32_t kDense = 0x80000000u;
constexpr int kHeader = 4;  // a sparse block: moves 0, 1, 2 and n
// Features with at least this many relation weights get a dense row. They
// are few (about 12,000 of 1.25 million in the shipped model) but, being
// frequent, they are about two thirds of the features found in a
// configuration and hold about 95 % of the relation weights read while
// parsing; a dense row is added with vector instructions instead of one
// scattered addition per weight. Same sums, so the same trees.
constexpr int kDenseMin = 12;
// A sparse block's pairs are copied with one fixed-size copy of this many
// int16 values (so the weights array ends with as many spare zeros).
constexpr int kSparseCopy = 24;
static_assert(kSparseCopy >= 2 * (kDenseMin - 1));

}  // namespace

const char* DepName(Dep d) {
  auto i = static_cast<size_t>(d);
  return i < kNumDeps ? kDepNames[i] : "?";
}

bool ParseDep(std::string_view name, Dep* d) {
  for (int i = 0; i < kNumDeps; ++i) {
    if (name == kDepNames[i]) {
      *d = static_cast<Dep>(i);
      return true;
    }
  }
  const size_t colon = name.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view base = name.substr(0, colon);
    for (int i = 0; i < kNumDeps; ++i) {
      if (base == kDepNames[i]) {
        *d = static_cast<Dep>(i);
        return true;
      }
    }
    name = base;
  }
  for (const char* other : kOtherBases) {
    if (name == other) {
      *d = Dep::kDep;
      return true;
    }
  }
  return false;
}

Dep BaseDep(Dep d) {
  const char* name = DepName(d);
  const char* colon = std::strchr(name, ':');
  if (colon == nullptr) return d;
  Dep base = Dep::kDep;
  ParseDep(std::string_view(name, colon - name), &base);
  return base;
}

// ---------------------------------------------------------------------------
// The transition system.

namespace dep_features {

uint64_t WordKey(std::string_view word, std::string* scratch) {
  std::string_view norm = pos_features::Normalize(word, scratch);
  if (norm.size() > 64) norm = norm.substr(0, 64);  // features look at the first bytes only
  const uint64_t k = Fmix(HashLower(1, norm));
  return k == 0 ? 1 : k;
}

void WordClasses::Build(const std::vector<std::pair<uint64_t, uint32_t>>& entries) {
  size_t cap = 16;
  while (cap < entries.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  keys_.assign(cap, 0);
  classes_.assign(cap, 0);
  for (const auto& [key, cls] : entries) {
    size_t s = key & mask_;
    while (keys_[s] != 0 && keys_[s] != key) s = (s + 1) & mask_;
    keys_[s] = key;
    classes_[s] = cls;
  }
  size_ = entries.size();
}

void State::Init(const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
                 const WordClasses* classes) {
  n_ = static_cast<int>(words.size());
  b0_ = 0;
  stack_size_ = 0;
  if (stack_.size() < words.size() + 1) stack_.resize(words.size() + 1);
  tok_.resize(words.size() + 1);
  punct_.resize(words.size() + 2);
  verbs_.resize(words.size() + 2);
  punct_[0] = verbs_[0] = 0;
  for (int i = 0; i <= n_; ++i) {
    Tok& t = tok_[i];
    if (i < n_) {
      std::string_view norm = pos_features::Normalize(words[i], &norm_);
      if (norm.size() > 64) norm = norm.substr(0, 64);  // features look at the first bytes only
      t.word = Fmix(HashLower(1, norm));
      if (t.word == 0) t.word = 1;  // as WordKey
      t.amb = classes != nullptr ? classes->Find(t.word) : 0;
      t.suf = Fmix(HashLower(2, norm.substr(norm.size() - std::min<size_t>(norm.size(), 3))));
      const auto tag = i < static_cast<int>(tags.size()) ? static_cast<uint8_t>(tags[i]) : uint8_t{kNumPos};
      t.tag = tag < kNumPos ? tag : static_cast<uint8_t>(Pos::kX);
      t.shape = ShapeBits(norm);
    } else {
      t.word = 0x5a17e0f00d5eedULL;
      t.suf = 0x5a17e0f00d5eeeULL;
      t.tag = kRootTag;
      t.shape = 0;
      t.amb = 1u << 30;
    }
    punct_[i + 1] = punct_[i] + (t.tag == static_cast<uint8_t>(Pos::kPunct));
    verbs_[i + 1] = verbs_[i] + (t.tag == static_cast<uint8_t>(Pos::kVerb) || t.tag == static_cast<uint8_t>(Pos::kAux));
    t.label = kNoLabel;
    t.in_stack = false;
    t.head = -1;
    t.l1 = t.l2 = t.r1 = t.r2 = -1;
    t.nl = t.nr = 0;
    t.lset = t.rset = 0;
  }
  none_ = Tok{};
  none_.word = 0x0e0e0e0e0e0e0eULL;
  none_.suf = 0x0e0e0e0e0e0e0fULL;
  none_.tag = kNoTag;
  none_.amb = 1u << 31;
  none_.label = kNoLabel;
  none_.head = -1;
  none_.l1 = none_.l2 = none_.r1 = none_.r2 = -1;
}

void State::Attach(int h, int d, Dep label) {
  Tok& head = tok_[h];
  Tok& dep = tok_[d];
  dep.head = h;
  dep.label = static_cast<uint8_t>(label);
  const uint64_t bit = uint64_t{1} << static_cast<int>(label);
  if (d < h) {
    if (head.l1 < 0 || d < head.l1) {
      head.l2 = head.l1;
      head.l1 = d;
    } else if (head.l2 < 0 || d < head.l2) {
      head.l2 = d;
    }
    if (head.nl < 0xffff) ++head.nl;
    head.lset |= bit;
  } else {
    if (head.r1 < 0 || d > head.r1) {
      head.r2 = head.r1;
      head.r1 = d;
    } else if (head.r2 < 0 || d > head.r2) {
      head.r2 = d;
    }
    if (head.nr < 0xffff) ++head.nr;
    head.rset |= bit;
  }
}

void State::Apply(Move m, Dep label) {
  switch (m) {
    case kShift:
      tok_[b0_].in_stack = true;
      stack_[stack_size_++] = b0_++;
      break;
    case kLeft: {
      const int d = stack_[--stack_size_];
      tok_[d].in_stack = false;
      Attach(b0_, d, b0_ == n_ ? Dep::kRoot : label);
      break;
    }
    case kRight: {
      const int d = stack_[--stack_size_];
      tok_[d].in_stack = false;
      Attach(stack_[stack_size_ - 1], d, label == Dep::kRoot ? Dep::kDep : label);
      break;
    }
  }
}

void State::Features(uint64_t* keys) const {
  const int is0 = s0(), is1 = s1(), is2 = stack_size_ > 2 ? stack_[stack_size_ - 3] : -1;
  const Tok& S0 = At(is0);
  const Tok& S1 = At(is1);
  const Tok& S2 = At(is2);
  const Tok& B0 = At(b0_);
  const Tok& B1 = At(b0_ + 1 <= n_ ? b0_ + 1 : -1);
  const Tok& B2 = At(b0_ + 2 <= n_ ? b0_ + 2 : -1);
  const Tok& S0L = At(S0.l1);
  const Tok& S0L2 = At(S0.l2);
  const Tok& S0R = At(S0.r1);
  const Tok& S0R2 = At(S0.r2);
  const Tok& S1L = At(S1.l1);
  const Tok& S1R = At(S1.r1);
  const Tok& B0L = At(B0.l1);
  const Tok& B0L2 = At(B0.l2);
  const uint64_t s0w = S0.word, s0p = S0.tag, s1w = S1.word, s1p = S1.tag, b0w = B0.word, b0p = B0.tag,
                 b1w = B1.word, b1p = B1.tag, b2p = B2.tag;
  const uint64_t s0wp = s0w ^ s0p, s1wp = s1w ^ s1p, b0wp = b0w ^ b0p, b1wp = b1w ^ b1p;
  const uint64_t d0 = is0 < 0 ? 15 : b0_ == n_ ? 0 : Bucket(b0_ - is0);
  const uint64_t d1 = is1 < 0 ? 15 : Bucket(is0 - is1);
  const uint64_t s0vl = std::min<int>(S0.nl, 7), s0vr = std::min<int>(S0.nr, 7), b0vl = std::min<int>(B0.nl, 7);
  int k = 0;
  // Words and tags of single positions.
  keys[k++] = K(0, 0);
  keys[k++] = K(1, s0w);
  keys[k++] = K(2, s0p);
  keys[k++] = K(3, s0wp);
  keys[k++] = K(4, s1w);
  keys[k++] = K(5, s1p);
  keys[k++] = K(6, s1wp);
  keys[k++] = K(7, b0w);
  keys[k++] = K(8, b0p);
  keys[k++] = K(9, b0wp);
  keys[k++] = K(10, b1w);
  keys[k++] = K(11, b1p);
  keys[k++] = K(12, b1wp);
  keys[k++] = K(13, B2.word);
  keys[k++] = K(14, b2p);
  keys[k++] = K(15, S2.tag);
  keys[k++] = K(16, S2.word);
  // Pairs.
  keys[k++] = K(17, s0wp, b0wp);
  keys[k++] = K(18, s0wp, b0w);
  keys[k++] = K(19, s0w, b0wp);
  keys[k++] = K(20, s0wp, b0p);
  keys[k++] = K(21, s0p, b0wp);
  keys[k++] = K(22, s0w, b0w);
  keys[k++] = K(23, s0p, b0p);
  keys[k++] = K(24, b0p, b1p);
  keys[k++] = K(25, s1p, s0p);
  keys[k++] = K(26, s1w, s0w);
  keys[k++] = K(27, s1wp, s0p);
  keys[k++] = K(28, s1p, s0wp);
  keys[k++] = K(29, s1wp, b0p);
  keys[k++] = K(30, s1p, b0wp);
  // Triples of tags.
  keys[k++] = K(31, b0p, b1p, b2p);
  keys[k++] = K(32, s0p, b0p, b1p);
  keys[k++] = K(33, s1p, s0p, b0p);
  keys[k++] = K(34, s0p, S0L.tag, b0p);
  keys[k++] = K(35, s0p, S0R.tag, b0p);
  keys[k++] = K(36, s0p, b0p, B0L.tag);
  keys[k++] = K(37, s1p, S1R.tag, s0p);
  keys[k++] = K(38, s1p, s0p, S0L.tag);
  keys[k++] = K(39, S2.tag, s1p, s0p);
  keys[k++] = K(40, s0w, b0p, b1p);
  keys[k++] = K(41, s0p, b0w, b1p);
  keys[k++] = K(42, s1p, s0p, S0R.tag);
  keys[k++] = K(43, s1p, S1L.tag, s0p);
  // Distance.
  keys[k++] = K(44, s0w, d0);
  keys[k++] = K(45, s0p, d0);
  keys[k++] = K(46, b0w, d0);
  keys[k++] = K(47, b0p, d0);
  keys[k++] = K(48, s0w, b0w, d0);
  keys[k++] = K(49, s0p, b0p, d0);
  keys[k++] = K(50, s1p, s0p, d1);
  keys[k++] = K(51, s1w, s0w, d1);
  keys[k++] = K(52, s1wp, d1);
  keys[k++] = K(53, s0wp, d1);
  // Valency.
  keys[k++] = K(54, s0w, s0vr);
  keys[k++] = K(55, s0p, s0vr);
  keys[k++] = K(56, s0w, s0vl);
  keys[k++] = K(57, s0p, s0vl);
  keys[k++] = K(58, b0w, b0vl);
  keys[k++] = K(59, b0p, b0vl);
  keys[k++] = K(60, s1p, std::min<int>(S1.nr, 7), std::min<int>(S1.nl, 7));
  // Children.
  keys[k++] = K(61, S0L.word);
  keys[k++] = K(62, S0L.tag);
  keys[k++] = K(63, S0L.label);
  keys[k++] = K(64, S0R.word);
  keys[k++] = K(65, S0R.tag);
  keys[k++] = K(66, S0R.label);
  keys[k++] = K(67, B0L.word);
  keys[k++] = K(68, B0L.tag);
  keys[k++] = K(69, B0L.label);
  keys[k++] = K(70, S1R.tag, S1R.label);
  keys[k++] = K(71, S1L.tag, S1L.label);
  keys[k++] = K(72, S1R.word);
  // Second children.
  keys[k++] = K(73, S0L2.word);
  keys[k++] = K(74, S0L2.tag);
  keys[k++] = K(75, S0L2.label);
  keys[k++] = K(76, S0R2.word);
  keys[k++] = K(77, S0R2.tag);
  keys[k++] = K(78, S0R2.label);
  keys[k++] = K(79, B0L2.tag, B0L2.label);
  keys[k++] = K(80, s0p, S0L.label, S0L2.label);
  keys[k++] = K(81, s0p, S0R.label, S0R2.label);
  keys[k++] = K(82, b0p, B0L.label, B0L2.label);
  // Label sets.
  keys[k++] = K(83, s0w, S0.rset);
  keys[k++] = K(84, s0p, S0.rset);
  keys[k++] = K(85, s0w, S0.lset);
  keys[k++] = K(86, s0p, S0.lset);
  keys[k++] = K(87, b0w, B0.lset);
  keys[k++] = K(88, b0p, B0.lset);
  // Unknown words: suffixes and shapes.
  keys[k++] = K(89, S0.suf, s0p);
  keys[k++] = K(90, B0.suf, b0p);
  keys[k++] = K(91, B1.suf);
  keys[k++] = K(92, S0.shape, b0p);
  keys[k++] = K(93, s0p, B0.shape);
  keys[k++] = K(94, S1.suf, s0p);
  keys[k++] = K(95, S0.shape, B0.shape, s0p ^ (b0p << 8));
  // Bilexical and second-buffer pairs.
  keys[k++] = K(96, s1wp, s0wp);
  keys[k++] = K(97, b0w, b1w);
  keys[k++] = K(98, b0wp, b1p);
  keys[k++] = K(99, b0p, b1wp);
  keys[k++] = K(100, s1p, s0w, b0p);
  keys[k++] = K(101, s0w, S0R.word);
  keys[k++] = K(102, s0w, S0L.word);
  keys[k++] = K(103, b0w, B0L.word);
  // Punctuation and verbs between s0 and b0, and between s1 and s0.
  const uint64_t pb0 = is0 < 0 ? 7 : std::min(3, Between(punct_, is0, b0_));
  const uint64_t vb0 = is0 < 0 ? 7 : std::min(3, Between(verbs_, is0, b0_));
  const uint64_t pb1 = is1 < 0 ? 7 : std::min(3, Between(punct_, is1, is0));
  const uint64_t vb1 = is1 < 0 ? 7 : std::min(3, Between(verbs_, is1, is0));
  keys[k++] = K(104, s0p, b0p, pb0);
  keys[k++] = K(105, s0p, b0p, vb0);
  keys[k++] = K(106, s1p, s0p, pb1);
  keys[k++] = K(107, s1p, s0p, vb1 + (pb1 << 4));
  // Ambiguity classes: the tags the words could have.
  keys[k++] = K(108, S0.amb, s0p);
  keys[k++] = K(109, B0.amb, b0p);
  keys[k++] = K(110, B1.amb, b1p);
  keys[k++] = K(111, S1.amb, s1p);
  keys[k++] = K(112, S0.amb, B0.amb);
  keys[k++] = K(113, S0.amb, b0p, s0p);
  keys[k++] = K(114, s0p, B0.amb, b0p);
  keys[k++] = K(115, S1.amb, S0.amb, b0p);
}

}  // namespace dep_features

// ---------------------------------------------------------------------------
// The parser.

namespace {

struct Scratch {
  dep_features::State state;
  uint64_t keys[dep_features::kNumTemplates];
  int16_t pairs[dep_features::kNumTemplates * kSparseCopy];  // (column, weight) of the sparse blocks
  const int16_t* dense[dep_features::kNumTemplates];   // the features found: dense rows
  const int16_t* sparse[dep_features::kNumTemplates];  // and sparse blocks
};

}  // namespace

struct DepParser::Impl {
  template <class T>
  using Large = std::vector<T, dense_rows::LargeAllocator<T>>;
  Large<Slot> slots;
  Large<int16_t> weights;  // sparse blocks, see Slot
  Large<int16_t> rows;     // dense rows of `width` values, see Slot
  int width = 96;
  // Column of each relation class in the rows and the sparse pairs.
  uint8_t column[dep_features::kNumLabelClasses] = {};
  size_t num_label_weights = 0;
  size_t mask = 0;
  size_t num_features = 0;
  bool joint = false;  // "decoding joint": relations scored with the moves
  dep_features::WordClasses classes;
  dense_rows::AddFn add_rows = nullptr;

  // rel[c] = the sum of relation class c's weights over the features found
  // (nd dense rows and ns sparse blocks in s).
  void Accumulate(Scratch& s, int nd, int ns, int32_t* rel) const {
    alignas(32) int32_t acc[dense_rows::kMaxWidth];
    std::fill(acc, acc + width, 0);
    add_rows(s.dense, nd, acc);
    // The sparse blocks' pairs are gathered into one list first, each with
    // a copy of fixed size (only the length read decides how far the next
    // copy starts), so that no branch depends on the blocks' lengths:
    // a loop per block mispredicted its exit about once a block.
    int16_t* end = s.pairs;
    for (int i = 0; i < ns; ++i) {
      const int16_t* b = s.sparse[i];
      std::memcpy(end, b + kHeader, kSparseCopy * sizeof(int16_t));
      end += 2 * b[3];
    }
    for (const int16_t* e = s.pairs; e < end; e += 2) acc[static_cast<uint16_t>(e[0])] += e[1];
    for (int c = 0; c < dep_features::kNumLabelClasses; ++c) rel[c] = acc[column[c]];
  }

  const Slot* Find(uint64_t key) const {
    const uint32_t check = static_cast<uint32_t>(key >> 32);
    size_t s = key & mask;
    for (;;) {
      const Slot& slot = slots[s];
      if (slot.off == kEmpty) return nullptr;
      if (slot.check == check) return &slot;
      s = (s + 1) & mask;
    }
  }
};

DepParser::DepParser() : impl_(std::make_unique<Impl>()) {}
DepParser::~DepParser() = default;

size_t DepParser::num_features() const { return impl_->num_features; }
size_t DepParser::num_label_weights() const { return impl_->num_label_weights; }

bool DepParser::UseVectorCode(bool on) {
  Impl& m = *impl_;
  const dense_rows::AddFn vector = dense_rows::Avx2(m.width);
  m.add_rows = on && vector != nullptr ? vector : dense_rows::Portable(m.width);
  return m.add_rows == vector;
}

std::unique_ptr<DepParser> DepParser::Load(const std::string& path, std::string* error) {
  std::string scratch;
  if (error == nullptr) error = &scratch;
  try {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = path + ": cannot open model file";
      return nullptr;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string data = ss.str();
    auto fail = [&](int line, const std::string& reason) {
      *error = line > 0 ? path + ":" + std::to_string(line) + ": " + reason : path + ": " + reason;
      return nullptr;
    };

    size_t pos = 0;
    int line_no = 0;
    std::string_view line;
    if (!ReadLine(data, &pos, &line)) return fail(0, "empty or truncated model file");
    ++line_no;
    {
      const std::string expect = std::string(dep_features::kFormatName) + " ";
      if (line.substr(0, expect.size()) != expect)
        return fail(1, std::string("not a parser model (expected \"") + dep_features::kFormatName +
                           " <version>\")");
      const std::string version(line.substr(expect.size()));
      char* endp = nullptr;
      const long v = std::strtol(version.c_str(), &endp, 10);
      if (version.empty() || *endp != '\0' || v < 1) return fail(1, "bad format version \"" + version + "\"");
      if (v > dep_features::kFormatVersion)
        return fail(1, "model format version " + version + " is newer than this program reads (" +
                           std::to_string(dep_features::kFormatVersion) + ")");
    }
    long long n_features = -1, n_labels = -1, n_templates = -1, n_classes = 0;
    bool joint = false;
    bool have_labels = false, have_tags = false;
    for (;;) {
      if (!ReadLine(data, &pos, &line)) return fail(line_no, "header ends before \"data\"");
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      if (line == "data") break;
      const size_t sp = line.find(' ');
      const std::string name(line.substr(0, sp));
      const std::string value(sp == std::string_view::npos ? "" : line.substr(sp + 1));
      if (name == "labels") {
        std::string expect;
        for (int i = 0; i < kNumDeps; ++i) expect += std::string(i ? " " : "") + kDepNames[i];
        if (value != expect) return fail(line_no, "label set differs from " + expect);
        have_labels = true;
      } else if (name == "tags") {
        std::string expect;
        for (int t = 0; t < kNumPos; ++t) expect += std::string(t ? " " : "") + PosName(static_cast<Pos>(t));
        if (value != expect) return fail(line_no, "tag set differs from " + expect);
        have_tags = true;
      } else if (name == "scale") {
        continue;  // informational: scores are compared, never converted
      } else if (name == "decoding") {
        if (value != "joint" && value != "separate")
          return fail(line_no, "bad value for decoding: \"" + value + "\" (joint or separate)");
        joint = value == "joint";
      } else if (name == "templates" || name == "features" || name == "label_weights" || name == "classes") {
        char* endp = nullptr;
        const long long v = std::strtoll(value.c_str(), &endp, 10);
        if (value.empty() || *endp != '\0' || v < 0 || v > 1000000000LL)
          return fail(line_no, "bad value for " + name + ": \"" + value + "\"");
        if (name == "templates") n_templates = v;
        else if (name == "features") n_features = v;
        else if (name == "classes") n_classes = v;
        else n_labels = v;
      } else {
        return fail(line_no, "unknown header field \"" + name + "\"");
      }
    }
    if (!have_labels || !have_tags || n_templates < 0 || n_features < 0 || n_labels < 0)
      return fail(line_no, "header lacks one of labels, tags, templates, features, label_weights");
    if (n_templates != dep_features::kNumTemplates)
      return fail(line_no, "model has " + std::to_string(n_templates) + " feature templates, this program " +
                               std::to_string(dep_features::kNumTemplates));

    // Binary body: per feature, sorted by key: key (8 bytes), three move
    // weights (int16), the number of relation weights (1 byte), then that
    // many (class byte, int16 weight). Little-endian.
    const auto* p = reinterpret_cast<const unsigned char*>(data.data()) + pos;
    const auto* end = reinterpret_cast<const unsigned char*>(data.data()) + data.size();
    std::unique_ptr<DepParser> parser(new DepParser());
    Impl& m = *parser->impl_;
    // Word classes first: key (8 bytes), class (3 bytes).
    {
      std::vector<std::pair<uint64_t, uint32_t>> entries;
      entries.reserve(n_classes);
      for (long long i = 0; i < n_classes; ++i) {
        if (end - p < 11) return fail(0, "truncated word classes (entry " + std::to_string(i) + ")");
        uint64_t key = 0;
        for (int b = 0; b < 8; ++b) key |= static_cast<uint64_t>(p[b]) << (8 * b);
        const uint32_t c = p[8] | (p[9] << 8) | (uint32_t{p[10]} << 16);
        if (key == 0 || c >= (1u << kNumPos)) return fail(0, "bad word class entry " + std::to_string(i));
        entries.emplace_back(key, c);
        p += 11;
      }
      m.classes.Build(entries);
    }
    size_t cap = 16;
    while (cap < static_cast<size_t>(n_features) * 4 / 3 + 1) cap <<= 1;  // load <= 0.75
    m.mask = cap - 1;
    m.slots.assign(cap, Slot{0, kEmpty});
    // A look ahead (checked below): which features get a dense row (those
    // with kDenseMin or more relation weights, no class twice) and which
    // classes any feature weighs, so that the columns are known and the
    // tables are allocated at their size once.
    auto dense_block = [&](const unsigned char* q, int nnz) {
      if (nnz < kDenseMin) return false;
      uint64_t seen[4] = {0, 0, 0, 0};  // any byte: the look ahead reads classes not yet checked
      for (int j = 0; j < nnz; ++j) {
        const int c = q[15 + 3 * j];
        if ((seen[c >> 6] >> (c & 63)) & 1) return false;  // never written by train_parser
        seen[c >> 6] |= uint64_t{1} << (c & 63);
      }
      return true;
    };
    size_t n_dense = 0, sparse_size = 0;
    {
      bool used[dep_features::kNumLabelClasses] = {};
      const unsigned char* q = p;
      for (long long i = 0; i < n_features && end - q >= 15; ++i) {
        const int nnz = q[14];
        if (end - q - 15 < 3 * nnz) break;
        for (int j = 0; j < nnz; ++j)
          if (q[15 + 3 * j] < dep_features::kNumLabelClasses) used[q[15 + 3 * j]] = true;
        if (dense_block(q, nnz)) ++n_dense;
        else sparse_size += kHeader + 2 * nnz;
        q += 15 + 3 * nnz;
      }
      int n_used = 0;
      for (int c = 0; c < dep_features::kNumLabelClasses; ++c)
        if (used[c]) m.column[c] = static_cast<uint8_t>(n_used++);
      // One more column, always 0, for the classes no feature weighs; the
      // last four values of a row are not weights (dense_rows.h).
      m.width = n_used + 1 + 4 <= 96 ? 96 : 112;
      static_assert(dep_features::kNumLabelClasses + 1 + 4 <= dense_rows::kMaxWidth);
      for (int c = 0; c < dep_features::kNumLabelClasses; ++c)
        if (!used[c]) m.column[c] = static_cast<uint8_t>(n_used);
      m.weights.reserve(sparse_size + kSparseCopy);
      m.rows.reserve(n_dense * m.width);
    }
    const int w = m.width;
    auto i16 = [](const unsigned char* q) { return static_cast<int16_t>(static_cast<uint16_t>(q[0] | (q[1] << 8))); };
    uint64_t prev = 0;
    for (long long i = 0; i < n_features; ++i) {
      if (end - p < 15) return fail(0, "truncated feature table (feature " + std::to_string(i) + ")");
      uint64_t key = 0;
      for (int b = 0; b < 8; ++b) key |= static_cast<uint64_t>(p[b]) << (8 * b);
      if (i > 0 && key <= prev) return fail(0, "feature keys not sorted (feature " + std::to_string(i) + ")");
      prev = key;
      if (m.weights.size() >= kDense - kHeader - 2 * 255) return fail(0, "model too large");
      const unsigned char* block = p;
      const int nnz = p[14];
      const unsigned char* rel = p + 15;
      p = rel;
      if (end - p < 3 * nnz) return fail(0, "truncated feature table (feature " + std::to_string(i) + ")");
      for (int j = 0; j < nnz; ++j, p += 3) {
        if (p[0] >= dep_features::kNumLabelClasses)
          return fail(0, "bad relation class in feature " + std::to_string(i));
        if (m.num_label_weights >= static_cast<size_t>(n_labels))
          return fail(0, "more relation weights than the header's label_weights");
        ++m.num_label_weights;
      }
      Slot slot{static_cast<uint32_t>(key >> 32), 0};
      if (dense_block(block, nnz)) {
        const size_t row = m.rows.size() / w;
        if (row >= kDense) return fail(0, "model too large");
        slot.off = static_cast<uint32_t>(row) | kDense;
        m.rows.resize(m.rows.size() + w, 0);
        int16_t* r = &m.rows[row * w];
        int largest = 0;
        for (const unsigned char* q = rel; q < p; q += 3) {
          r[m.column[q[0]]] = i16(q + 1);
          largest = std::max(largest, std::abs(int{i16(q + 1)}));
        }
        r[w - 4] = i16(rel - 7);
        r[w - 3] = i16(rel - 5);
        r[w - 2] = i16(rel - 3);
        dense_rows::Largest(r, w) = static_cast<int16_t>(static_cast<uint16_t>(largest));
      } else {
        slot.off = static_cast<uint32_t>(m.weights.size());
        m.weights.push_back(i16(rel - 7));
        m.weights.push_back(i16(rel - 5));
        m.weights.push_back(i16(rel - 3));
        m.weights.push_back(static_cast<int16_t>(nnz));
        for (const unsigned char* q = rel; q < p; q += 3) {
          m.weights.push_back(static_cast<int16_t>(m.column[q[0]]));
          m.weights.push_back(i16(q + 1));
        }
      }
      size_t s = key & m.mask;
      while (m.slots[s].off != kEmpty) s = (s + 1) & m.mask;
      m.slots[s] = slot;
    }
    if (p != end) return fail(0, "trailing bytes after the feature table");
    m.weights.resize(m.weights.size() + kSparseCopy, 0);  // what the last block's copy may read
    if (m.num_label_weights != static_cast<size_t>(n_labels))
      return fail(0, "fewer relation weights than the header's label_weights");
    m.add_rows = dense_rows::Best(w);
    m.num_features = static_cast<size_t>(n_features);
    m.joint = joint;
    return parser;
  } catch (const std::exception& e) {
    *error = path + ": " + e.what();
    return nullptr;
  }
}

void DepParser::Parse(const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
                      std::vector<int>* heads, std::vector<Dep>* labels) const {
  using namespace dep_features;
  thread_local Scratch s;
  const Impl& m = *impl_;
  State& st = s.state;
  st.Init(words, tags, &m.classes);
  const int n = st.size();
  while (!st.Terminal()) {
    // With the stack empty the only move is a shift; with one word left on
    // it and the buffer empty, its arc to the root. Neither needs scoring.
    if (st.stack_size() == 0) {
      st.Apply(kShift, Dep::kRoot);
      continue;
    }
    if (st.b0() == n && st.stack_size() == 1) {
      st.Apply(kLeft, Dep::kRoot);
      continue;
    }
    st.Features(s.keys);
    for (int i = 0; i < kNumTemplates; ++i) __builtin_prefetch(&m.slots[s.keys[i] & m.mask]);
    const int w = m.width;
    int nd = 0, ns = 0;
    for (int i = 0; i < kNumTemplates; ++i) {
      const Slot* slot = m.Find(s.keys[i]);
      if (slot == nullptr) continue;
      if (slot->off & kDense) {
        const int16_t* r = &m.rows[size_t{slot->off & ~kDense} * w];
        for (int b = 0; b < w; b += 32) __builtin_prefetch(r + b);
        s.dense[nd++] = r;
      } else {
        const int16_t* b = &m.weights[slot->off];
        __builtin_prefetch(b);
        s.sparse[ns++] = b;
      }
    }
    int32_t score[kNumMoves] = {0, 0, 0};
    for (int i = 0; i < nd; ++i) {
      score[0] += s.dense[i][w - 4];
      score[1] += s.dense[i][w - 3];
      score[2] += s.dense[i][w - 2];
    }
    for (int i = 0; i < ns; ++i) {
      score[0] += s.sparse[i][0];
      score[1] += s.sparse[i][1];
      score[2] += s.sparse[i][2];
    }
    int best = -1;
    Dep label = Dep::kRoot;
    int32_t acc[kNumLabelClasses];  // relation scores, by class
    if (m.joint) {
      // Moves and relations together: an arc's score is its move's plus
      // its relation's. A shift wins ties. The arc to the root has a fixed
      // relation, so when it is the only arc the relations need no scores.
      const bool root_only = st.Legal(kLeft) && st.b0() == n;
      if (!root_only) m.Accumulate(s, nd, ns, acc);
      // The best (move, relation): the shift, then left arcs, then right
      // arcs, relations in Dep order, a later one only if strictly better.
      // Found as the largest relation score of each direction and the first
      // relation that has it (the same choice as scanning all 98 pairs).
      int64_t best_score = INT64_MIN;
      if (st.Legal(kShift)) {
        best = kShift;
        best_score = score[kShift];
      }
      if (root_only) {
        if (st.Legal(kLeft) && score[kLeft] > best_score) {
          best = kLeft;
          label = Dep::kRoot;
        }
      } else {
        for (int mv = kLeft; mv <= kRight; ++mv) {
          if (!st.Legal(static_cast<Move>(mv))) continue;
          const int32_t* rel = acc + (mv == kLeft ? 0 : kNumDeps);
          int32_t top = rel[1];
          for (int l = 2; l < kNumDeps; ++l) top = std::max(top, rel[l]);
          if (int64_t{score[mv]} + top > best_score) {
            best_score = int64_t{score[mv]} + top;
            best = mv;
            int l = 1;
            while (rel[l] != top) ++l;
            label = static_cast<Dep>(l);
          }
        }
      }
      st.Apply(static_cast<Move>(best), label);
      continue;
    }
    for (int mv = 0; mv < kNumMoves; ++mv)
      if (st.Legal(static_cast<Move>(mv)) && (best < 0 || score[mv] > score[best])) best = mv;
    if (best != kShift && !(best == kLeft && st.b0() == n)) {
      m.Accumulate(s, nd, ns, acc);
      const int base = best == kLeft ? 0 : kNumDeps;
      int bl = 1;  // never kRoot
      for (int l = 2; l < kNumDeps; ++l)
        if (acc[base + l] > acc[base + bl]) bl = l;
      label = static_cast<Dep>(bl);
    }
    st.Apply(static_cast<Move>(best), label);
  }
  heads->resize(n);
  labels->resize(n);
  for (int i = 0; i < n; ++i) {
    const int h = st.head(i);
    (*heads)[i] = h == n ? -1 : h;
    (*labels)[i] = h == n ? Dep::kRoot : st.label(i);
  }
}

}  // namespace newsgraph::extract
