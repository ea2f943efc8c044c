// Greedy averaged-perceptron UPOS tagger: model loading, feature hashing and
// tagging. See pos_tagger.h for the design and docs/tagger.md for the model
// file format and how it is trained.
#include "extract/pos_tagger.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace newsgraph::extract {

namespace {

constexpr const char* kPosNames[kNumPos] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

// Feature templates; the byte is hashed in front of the feature's text, so
// the numbers are part of the model format: never renumber.
enum Template : uint8_t {
  kBias = 1, kWord, kLower, kSuf1, kSuf2, kSuf3, kSuf4, kPre1, kPre2, kPre3,
  kShape, kCaps, kAmb,
  kP1Lower = 20, kP1Suf3, kP1Caps, kP1Amb,
  kP2Lower = 30, kP2Amb,
  kN1Lower = 40, kN1Suf3, kN1Caps, kN1Amb,
  kN2Lower = 50, kN2Amb,
  kInitial = 60, kPrevTag, kPrevTwoTags, kPrevTagLower, kLeftBigram, kRightBigram,
};

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

// FNV-1a of the template byte followed by `s` (lowercased if `lower`).
inline uint64_t HashText(uint8_t tmpl, std::string_view s, bool lower) {
  uint64_t h = (kFnvOffset ^ tmpl) * kFnvPrime;
  if (lower) {
    for (unsigned char c : s) h = (h ^ Lower(c)) * kFnvPrime;
  } else {
    for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  }
  return h;
}

inline uint64_t Key(uint8_t tmpl, std::string_view s, bool lower) {
  return Fmix(HashText(tmpl, s, lower));
}

// Casing and character-class bits of a word.
uint32_t CapsBits(std::string_view w) {
  bool any_upper = false, any_lower = false, any_digit = false, hyphen = false,
       period = false, non_ascii = false;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') any_upper = true;
    else if (c >= 'a' && c <= 'z') any_lower = true;
    else if (c >= '0' && c <= '9') any_digit = true;
    else if (c == '-') hyphen = true;
    else if (c == '.') period = true;
    else if (c >= 0x80) non_ascii = true;
  }
  const bool first_upper = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
  return (first_upper ? 1u : 0u) | (any_upper ? 2u : 0u) | (any_lower ? 4u : 0u) |
         (any_digit ? 8u : 0u) | (hyphen ? 16u : 0u) | (period ? 32u : 0u) |
         (non_ascii ? 64u : 0u);
}

inline uint64_t IntKey(uint8_t tmpl, uint64_t value) {
  return Fmix(((kFnvOffset ^ tmpl) * kFnvPrime) ^ (value * 0x9e3779b97f4a7c15ULL));
}

// "Putin" -> "Xx", "U.S." -> "X.X.", "2016" -> "d", "e-mail" -> "x-x".
std::string_view Shape(std::string_view w, char* buf, size_t cap) {
  size_t n = 0;
  char last = 0;
  for (unsigned char c : w) {
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c >= 0xC0) s = 'U';
    else if (c >= 0x80) continue;  // UTF-8 continuation byte
    else s = static_cast<char>(c);
    if (s == last) continue;
    last = s;
    if (n == cap) break;
    buf[n++] = s;
  }
  return std::string_view(buf, n);
}

// ---------------------------------------------------------------------------
// Runtime tables.

// Open-addressing map from a 64-bit feature key to a row of kNumPos floats.
class FeatureTable {
 public:
  void Build(const std::vector<uint64_t>& keys, std::vector<float> rows) {
    size_t cap = 16;
    while (cap < keys.size() * 2) cap <<= 1;
    mask_ = cap - 1;
    slots_.assign(cap, Slot{0, kEmpty});
    for (uint32_t i = 0; i < keys.size(); ++i) {
      size_t s = keys[i] & mask_;
      while (slots_[s].row != kEmpty) s = (s + 1) & mask_;
      slots_[s] = Slot{keys[i], i};
    }
    rows_ = std::move(rows);
    size_ = keys.size();
  }
  const float* Find(uint64_t key) const {
    size_t s = key & mask_;
    for (;;) {
      const Slot& slot = slots_[s];
      if (slot.row == kEmpty) return nullptr;
      if (slot.key == key) return &rows_[size_t{slot.row} * kNumPos];
      s = (s + 1) & mask_;
    }
  }
  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kEmpty = 0xffffffffu;
  struct Slot {
    uint64_t key;
    uint32_t row;
  };
  std::vector<Slot> slots_;
  std::vector<float> rows_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// A word's summed feature weights in each role, so that tagging a known word
// needs no feature hashing at all.
struct WordEntry {
  float role[pos_features::kNumRoles][kNumPos];
  const float* initial;  // row of the sentence-initial feature, or nullptr
  uint64_t lower_hash;
  uint8_t fixed;  // tag from the tag dictionary, or kNoFixed
};
constexpr uint8_t kNoFixed = 0xff;

inline void AddRow(float* acc, const float* row) {
  for (int t = 0; t < kNumPos; ++t) acc[t] += row[t];
}

inline uint64_t VocabHash(std::string_view norm) { return Fmix(HashText(0, norm, false)); }

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Words outside the vocabulary (names, mostly) come back within a document
// and across documents; each costs about 25 feature lookups, so a thread
// keeps the entries it computed. The entry depends on the word alone.
constexpr size_t kMaxCachedWords = 1 << 15;  // at most about 14 MB a thread

struct Scratch {
  std::string norm, lower;
  std::vector<uint64_t> keys;
  std::vector<const WordEntry*> entries;
  std::unordered_map<std::string, WordEntry, TransparentHash, std::equal_to<>> oov;
};

bool ReadLine(const std::string& data, size_t* pos, std::string_view* line) {
  if (*pos >= data.size()) return false;
  size_t end = data.find('\n', *pos);
  if (end == std::string::npos) return false;  // header lines end with '\n'
  *line = std::string_view(data).substr(*pos, end - *pos);
  *pos = end + 1;
  return true;
}

}  // namespace

const char* PosName(Pos p) {
  auto i = static_cast<size_t>(p);
  return i < kNumPos ? kPosNames[i] : "?";
}

bool ParsePos(std::string_view name, Pos* p) {
  for (int i = 0; i < kNumPos; ++i) {
    if (name == kPosNames[i]) {
      *p = static_cast<Pos>(i);
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Features.

namespace pos_features {

std::string_view Normalize(std::string_view word, std::string* out) {
  if (word.find('\xE2') == std::string_view::npos) return word;
  out->clear();
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80') {
      const unsigned char c = static_cast<unsigned char>(word[i + 2]);
      if (c >= 0x98 && c <= 0x9B) {  // ‘ ’ ‚ ‛
        out->push_back('\'');
        i += 2;
        continue;
      }
      if (c >= 0x9C && c <= 0x9F) {  // “ ” „ ‟
        out->push_back('"');
        i += 2;
        continue;
      }
    }
    out->push_back(word[i]);
  }
  return *out;
}

void WordKeys(std::string_view w, uint32_t amb, Role role, std::vector<uint64_t>* keys) {
  const size_t n = w.size();
  auto suffix = [&](size_t k) { return w.substr(n - std::min(n, k)); };
  switch (role) {
    case Role::kSelf: {
      keys->push_back(IntKey(kBias, 0));
      keys->push_back(Key(kWord, w, false));
      keys->push_back(Key(kLower, w, true));
      keys->push_back(Key(kSuf1, suffix(1), true));
      keys->push_back(Key(kSuf2, suffix(2), true));
      keys->push_back(Key(kSuf3, suffix(3), true));
      keys->push_back(Key(kSuf4, suffix(4), true));
      keys->push_back(Key(kPre1, w.substr(0, 1), true));
      keys->push_back(Key(kPre2, w.substr(0, 2), true));
      keys->push_back(Key(kPre3, w.substr(0, 3), true));
      char buf[12];
      keys->push_back(Key(kShape, Shape(w, buf, sizeof buf), false));
      keys->push_back(IntKey(kCaps, CapsBits(w)));
      keys->push_back(IntKey(kAmb, amb));
      break;
    }
    case Role::kPrev1:
      keys->push_back(Key(kP1Lower, w, true));
      keys->push_back(Key(kP1Suf3, suffix(3), true));
      keys->push_back(IntKey(kP1Caps, CapsBits(w)));
      keys->push_back(IntKey(kP1Amb, amb));
      break;
    case Role::kPrev2:
      keys->push_back(Key(kP2Lower, w, true));
      keys->push_back(IntKey(kP2Amb, amb));
      break;
    case Role::kNext1:
      keys->push_back(Key(kN1Lower, w, true));
      keys->push_back(Key(kN1Suf3, suffix(3), true));
      keys->push_back(IntKey(kN1Caps, CapsBits(w)));
      keys->push_back(IntKey(kN1Amb, amb));
      break;
    case Role::kNext2:
      keys->push_back(Key(kN2Lower, w, true));
      keys->push_back(IntKey(kN2Amb, amb));
      break;
  }
}

uint64_t InitialKey(std::string_view norm) { return IntKey(kInitial, CapsBits(norm)); }

uint64_t LowerHash(std::string_view norm) { return HashText(kPrevTagLower, norm, true); }

uint64_t PairKey(uint64_t lower_hash, int prev_tag) {
  return Fmix(lower_hash ^ (static_cast<uint64_t>(prev_tag + 1) * 0x9e3779b97f4a7c15ULL));
}

uint64_t LeftBigramKey(uint64_t prev_lower, uint64_t lower) {
  return Fmix((prev_lower * 0x9e3779b97f4a7c15ULL) ^ lower ^ kLeftBigram);
}

uint64_t RightBigramKey(uint64_t lower, uint64_t next_lower) {
  return Fmix((lower * 0xc2b2ae3d27d4eb4fULL) ^ next_lower ^ kRightBigram);
}

uint64_t PrevTagKey(int prev_tag) { return IntKey(kPrevTag, static_cast<uint64_t>(prev_tag)); }

uint64_t PrevTwoTagsKey(int prev2_tag, int prev_tag) {
  return IntKey(kPrevTwoTags, static_cast<uint64_t>(prev2_tag * 32 + prev_tag));
}

}  // namespace pos_features

// ---------------------------------------------------------------------------
// The tagger.

struct PosTagger::Impl {
  inline static std::atomic<uint64_t> next_serial{1};
  const uint64_t serial = next_serial++;
  FeatureTable features;
  std::vector<WordEntry> words;
  std::vector<uint64_t> vocab_keys;   // open addressing, 0 = empty
  std::vector<uint32_t> vocab_index;  // parallel to vocab_keys
  std::vector<uint32_t> amb;          // ambiguity class per vocabulary word
  size_t vocab_mask = 0;
  WordEntry begin{}, end{};
  // Tag-history rows, dense: [prev] and [prev2 * (kNumPos + 1) + prev].
  float prev_tag[kNumPos + 1][kNumPos]{};
  float prev_two[(kNumPos + 1) * (kNumPos + 1)][kNumPos]{};

  void FillEntry(std::string_view norm, uint32_t amb, std::vector<uint64_t>* keys, WordEntry* e) const {
    for (int r = 0; r < pos_features::kNumRoles; ++r) {
      float* acc = e->role[r];
      std::fill(acc, acc + kNumPos, 0.0f);
      keys->clear();
      pos_features::WordKeys(norm, amb, static_cast<pos_features::Role>(r), keys);
      for (uint64_t k : *keys) {
        if (const float* row = features.Find(k)) AddRow(acc, row);
      }
    }
    e->initial = features.Find(pos_features::InitialKey(norm));
    e->lower_hash = pos_features::LowerHash(norm);
    e->fixed = kNoFixed;
  }

  // Vocabulary slot of a word, or -1.
  long FindSlot(std::string_view norm) const {
    uint64_t h = VocabHash(norm);
    if (h == 0) h = 1;
    size_t s = h & vocab_mask;
    for (;;) {
      const uint64_t k = vocab_keys[s];
      if (k == 0) return -1;
      if (k == h) return static_cast<long>(vocab_index[s]);
      s = (s + 1) & vocab_mask;
    }
  }

  // The ambiguity class: the word's own, else its lowercase form's, else 0.
  uint32_t AmbiguityClass(std::string_view norm, std::string* lower) const {
    const long i = FindSlot(norm);
    if (i >= 0 && amb[i] != 0) return amb[i];
    lower->assign(norm);
    bool changed = false;
    for (char& c : *lower) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c + 32);
        changed = true;
      }
    }
    if (!changed) return 0;
    const long j = FindSlot(*lower);
    return j >= 0 ? amb[j] : 0;
  }

  void BuildVocab(const std::vector<std::string>& forms, const std::vector<uint8_t>& fixed,
                  std::vector<uint32_t> classes) {
    std::vector<uint64_t> keys;
    std::string lower;
    amb = std::move(classes);
    size_t cap = 16;
    while (cap < forms.size() * 2) cap <<= 1;
    vocab_mask = cap - 1;
    vocab_keys.assign(cap, 0);
    vocab_index.assign(cap, 0);
    for (uint32_t i = 0; i < forms.size(); ++i) {
      uint64_t h = VocabHash(forms[i]);
      if (h == 0) h = 1;
      size_t s = h & vocab_mask;
      while (vocab_keys[s] != 0 && vocab_keys[s] != h) s = (s + 1) & vocab_mask;
      vocab_keys[s] = h;
      vocab_index[s] = i;
    }
    words.resize(forms.size());
    for (uint32_t i = 0; i < forms.size(); ++i) {
      FillEntry(forms[i], AmbiguityClass(forms[i], &lower), &keys, &words[i]);
      words[i].fixed = fixed[i];
    }
    FillEntry(pos_features::kBeginWord, 0, &keys, &begin);
    FillEntry(pos_features::kEndWord, 0, &keys, &end);
    for (int p = 0; p <= kNumPos; ++p) {
      if (const float* row = features.Find(pos_features::PrevTagKey(p)))
        std::copy(row, row + kNumPos, prev_tag[p]);
      for (int p2 = 0; p2 <= kNumPos; ++p2) {
        if (const float* row = features.Find(pos_features::PrevTwoTagsKey(p2, p)))
          std::copy(row, row + kNumPos, prev_two[p2 * (kNumPos + 1) + p]);
      }
    }
  }
};

PosTagger::PosTagger() : impl_(std::make_unique<Impl>()) {}
PosTagger::~PosTagger() = default;

size_t PosTagger::num_features() const { return impl_->features.size(); }
size_t PosTagger::vocabulary_size() const { return impl_->words.size(); }

std::unique_ptr<PosTagger> PosTagger::Load(const std::string& path, std::string* error) {
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
      const std::string expect = std::string(pos_features::kFormatName) + " ";
      if (line.substr(0, expect.size()) != expect)
        return fail(1, std::string("not a POS model (expected \"") + pos_features::kFormatName +
                           " <version>\")");
      const std::string version(line.substr(expect.size()));
      char* endp = nullptr;
      const long v = std::strtol(version.c_str(), &endp, 10);
      if (version.empty() || *endp != '\0' || v < 1)
        return fail(1, "bad format version \"" + version + "\"");
      if (v > pos_features::kFormatVersion)
        return fail(1, "model format version " + version + " is newer than this program reads (" +
                           std::to_string(pos_features::kFormatVersion) + ")");
    }
    double scale = 0;
    long long n_vocab = -1, n_features = -1;
    bool have_tags = false;
    for (;;) {
      if (!ReadLine(data, &pos, &line)) return fail(line_no, "header ends before \"data\"");
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      if (line == "data") break;
      const size_t sp = line.find(' ');
      const std::string name(line.substr(0, sp));
      const std::string value(sp == std::string_view::npos ? "" : line.substr(sp + 1));
      if (name == "tags") {
        std::string expect;
        for (int t = 0; t < kNumPos; ++t) expect += std::string(t ? " " : "") + kPosNames[t];
        if (value != expect) return fail(line_no, "tag set differs from " + expect);
        have_tags = true;
      } else if (name == "scale" || name == "vocab" || name == "features") {
        char* endp = nullptr;
        const double d = std::strtod(value.c_str(), &endp);
        if (value.empty() || *endp != '\0' || !(d > 0) || d > 1e9)
          return fail(line_no, "bad value for " + name + ": \"" + value + "\"");
        if (name == "scale") scale = d;
        else if (name == "vocab") n_vocab = static_cast<long long>(d);
        else n_features = static_cast<long long>(d);
      } else {
        return fail(line_no, "unknown header field \"" + name + "\"");
      }
    }
    if (!have_tags || scale <= 0 || n_vocab < 0 || n_features < 0)
      return fail(line_no, "header lacks one of tags, scale, vocab, features");

    // Binary body: vocabulary, then features (see docs/tagger.md).
    const auto* p = reinterpret_cast<const unsigned char*>(data.data()) + pos;
    const auto* end = reinterpret_cast<const unsigned char*>(data.data()) + data.size();
    std::vector<std::string> forms;
    std::vector<uint8_t> fixed;
    std::vector<uint32_t> classes;
    forms.reserve(n_vocab);
    fixed.reserve(n_vocab);
    for (long long i = 0; i < n_vocab; ++i) {
      if (end - p < 1 || end - p < 5 + p[0]) return fail(0, "truncated vocabulary (entry " + std::to_string(i) + ")");
      const size_t len = p[0];
      forms.emplace_back(reinterpret_cast<const char*>(p + 1), len);
      const uint8_t f = p[1 + len];
      if (f != kNoFixed && f >= kNumPos) return fail(0, "bad tag in vocabulary entry " + std::to_string(i));
      fixed.push_back(f);
      const uint32_t c = p[2 + len] | (p[3 + len] << 8) | (uint32_t{p[4 + len]} << 16);
      if (c >= (1u << kNumPos)) return fail(0, "bad ambiguity class in vocabulary entry " + std::to_string(i));
      classes.push_back(c);
      p += 5 + len;
    }
    std::vector<uint64_t> keys;
    std::vector<float> rows;
    keys.reserve(n_features);
    rows.assign(static_cast<size_t>(n_features) * kNumPos, 0.0f);
    for (long long i = 0; i < n_features; ++i) {
      if (end - p < 9) return fail(0, "truncated feature table (feature " + std::to_string(i) + ")");
      uint64_t k = 0;
      for (int b = 0; b < 8; ++b) k |= static_cast<uint64_t>(p[b]) << (8 * b);
      const int nnz = p[8];
      p += 9;
      if (nnz > kNumPos || end - p < 3 * nnz)
        return fail(0, "truncated or bad feature table (feature " + std::to_string(i) + ")");
      if (!keys.empty() && k <= keys.back()) return fail(0, "feature keys not sorted (feature " + std::to_string(i) + ")");
      float* row = &rows[static_cast<size_t>(i) * kNumPos];
      for (int j = 0; j < nnz; ++j, p += 3) {
        if (p[0] >= kNumPos) return fail(0, "bad tag in feature " + std::to_string(i));
        const auto q = static_cast<int16_t>(static_cast<uint16_t>(p[1] | (p[2] << 8)));
        row[p[0]] = static_cast<float>(q * scale);
      }
      keys.push_back(k);
    }
    if (p != end) return fail(0, "trailing bytes after the feature table");

    std::unique_ptr<PosTagger> tagger(new PosTagger());
    tagger->impl_->features.Build(keys, std::move(rows));
    tagger->impl_->BuildVocab(forms, fixed, std::move(classes));
    return tagger;
  } catch (const std::exception& e) {
    *error = path + ": " + e.what();
    return nullptr;
  }
}

void PosTagger::Tag(const std::vector<std::string_view>& words, std::vector<Pos>* tags) const {
  thread_local Scratch s;
  const Impl& m = *impl_;
  const size_t n = words.size();
  tags->resize(n);
  if (n == 0) return;
  if (s.entries.size() < n) s.entries.resize(n);
  // Entries are only dropped here, so the pointers below stay valid (the
  // map's nodes do not move). The cache belongs to one tagger: each has a
  // serial number of its own (an address could be reused by a later one).
  thread_local uint64_t owner = 0;
  if (owner != m.serial || s.oov.size() > kMaxCachedWords) {
    s.oov.clear();
    owner = m.serial;
  }
  for (size_t i = 0; i < n; ++i) {
    const std::string_view norm = pos_features::Normalize(words[i], &s.norm);
    const long slot = m.FindSlot(norm);
    if (slot >= 0) {
      s.entries[i] = &m.words[slot];
      continue;
    }
    auto it = s.oov.find(norm);
    if (it == s.oov.end()) {
      it = s.oov.emplace(std::string(norm), WordEntry{}).first;
      m.FillEntry(norm, m.AmbiguityClass(norm, &s.lower), &s.keys, &it->second);
    }
    s.entries[i] = &it->second;
  }
  using pos_features::Role;
  constexpr int kSelf = static_cast<int>(Role::kSelf), kP1 = static_cast<int>(Role::kPrev1),
                kP2 = static_cast<int>(Role::kPrev2), kN1 = static_cast<int>(Role::kNext1),
                kN2 = static_cast<int>(Role::kNext2);
  int p1 = pos_features::kStartTag, p2 = pos_features::kStartTag;
  for (size_t i = 0; i < n; ++i) {
    const WordEntry* e = s.entries[i];
    int best = e->fixed;
    if (e->fixed == kNoFixed) {
      float score[kNumPos];
      const float* self = e->role[kSelf];
      const float* a = (i >= 1 ? s.entries[i - 1] : &m.begin)->role[kP1];
      const float* b = (i >= 2 ? s.entries[i - 2] : &m.begin)->role[kP2];
      const float* c = (i + 1 < n ? s.entries[i + 1] : &m.end)->role[kN1];
      const float* d = (i + 2 < n ? s.entries[i + 2] : &m.end)->role[kN2];
      const float* t1 = m.prev_tag[p1];
      const float* t2 = m.prev_two[p2 * (kNumPos + 1) + p1];
      for (int t = 0; t < kNumPos; ++t) score[t] = self[t] + a[t] + b[t] + c[t] + d[t] + t1[t] + t2[t];
      if (const float* row = m.features.Find(pos_features::PairKey(e->lower_hash, p1))) AddRow(score, row);
      if (i == 0 && e->initial != nullptr) AddRow(score, e->initial);
      const uint64_t left = i >= 1 ? s.entries[i - 1]->lower_hash : m.begin.lower_hash;
      const uint64_t right = i + 1 < n ? s.entries[i + 1]->lower_hash : m.end.lower_hash;
      if (const float* row = m.features.Find(pos_features::LeftBigramKey(left, e->lower_hash))) AddRow(score, row);
      if (const float* row = m.features.Find(pos_features::RightBigramKey(e->lower_hash, right))) AddRow(score, row);
      best = 0;
      for (int t = 1; t < kNumPos; ++t)
        if (score[t] > score[best]) best = t;
    }
    (*tags)[i] = static_cast<Pos>(best);
    p2 = p1;
    p1 = best;
  }
}

}  // namespace newsgraph::extract
