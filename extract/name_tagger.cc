// BIO averaged-perceptron name tagger decoded with Viterbi: features,
// gazetteers, model loading, tagging, and the GUM reader the trainer and
// tests share. See name_tagger.h for the design and docs/names.md for the
// model file format, the training data and the measurements.
#include "extract/name_tagger.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace newsgraph::extract {

namespace {

namespace nf = name_features;
constexpr int kL = nf::kNumLabels;

// Feature templates; hashed into the keys, so part of the model format.
enum Template : uint64_t {
  kBias = 1, kWord, kLower, kSuf1, kSuf2, kSuf3, kSuf4, kPre1, kPre2, kPre3,
  kShape, kCaps, kTag, kTagCaps, kInitialCaps, kInitialLower,
  kP1Lower = 20, kN1Lower, kP2Lower, kN2Lower, kP1Tag, kN1Tag, kP2Tag, kN2Tag,
  kTagBigramLeft, kTagBigramRight, kTagTrigram, kP1Shape, kN1Shape, kWordBigramLeft,
  kWordBigramRight, kCapsWindow,
  kGaz = 40, kP1Gaz, kN1Gaz, kP1LowerShape, kN1LowerShape, kOuterLeft, kOuterRight, kOuterLeft2,
  kOuterBoth, kGazWord, kN1GazWord, kP1GazWord,
  kPrevLabel = 50, kPrevLabelShape = 52, kPrevLabelTag, kPrevLabelLower,
  kCluster = 60, kP1Cluster = 64, kN1Cluster = 68, kClusterShape = 72, kClusterTag, kNoCluster,
  kDocToken = 80, kDocRun, kDocRunPart, kDocSurname, kDocLower, kDocUntagged,
};

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

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

inline uint64_t HashText(std::string_view s, bool lower) {
  uint64_t h = kFnvOffset;
  if (lower) {
    for (unsigned char c : s) h = (h ^ Lower(c)) * kFnvPrime;
  } else {
    for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  }
  return h;
}

inline uint64_t K1(uint64_t tmpl, uint64_t a) { return Fmix(a * kGolden ^ (tmpl << 56) ^ tmpl); }
inline uint64_t K2(uint64_t tmpl, uint64_t a, uint64_t b) {
  return Fmix(Fmix(a * kGolden ^ tmpl) * 0xc2b2ae3d27d4eb4fULL ^ b ^ (tmpl << 48));
}

// Casing and character-class bits.
uint32_t CapsBits(std::string_view w) {
  bool any_upper = false, any_lower = false, any_digit = false, hyphen = false, period = false,
       non_ascii = false;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') any_upper = true;
    else if (c >= 'a' && c <= 'z') any_lower = true;
    else if (c >= '0' && c <= '9') any_digit = true;
    else if (c == '-') hyphen = true;
    else if (c == '.') period = true;
    else if (c >= 0x80) non_ascii = true;
  }
  const unsigned char c0 = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  const bool first_upper = c0 >= 'A' && c0 <= 'Z';
  return (first_upper ? 1u : 0u) | (any_upper ? 2u : 0u) | (any_lower ? 4u : 0u) | (any_digit ? 8u : 0u) |
         (hyphen ? 16u : 0u) | (period ? 32u : 0u) | (non_ascii ? 64u : 0u) |
         (any_upper && !any_lower ? 128u : 0u) | (w.size() == 1 ? 256u : 0u);
}

// "Putin" -> "Xx", "U.S." -> "X.X.", "2016" -> "d".
uint64_t ShapeHash(std::string_view w) {
  uint64_t h = kFnvOffset;
  char last = 0;
  int n = 0;
  for (unsigned char c : w) {
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c >= 0xC0) s = 'U';
    else if (c >= 0x80) continue;
    else s = static_cast<char>(c);
    if (s == last) continue;
    last = s;
    if (++n > 12) break;
    h = (h ^ static_cast<unsigned char>(s)) * kFnvPrime;
  }
  return h;
}

// Class of a word's first letter for the casing window: 0 lower, 1 upper,
// 2 other, 3 outside the sentence.
inline uint32_t CaseClass(uint32_t caps) {
  if (caps & 1u) return 1;
  if (caps & 4u) return 0;
  return 2;
}

constexpr uint64_t kBeginHash = 0x1111111111111111ULL, kEndHash = 0x2222222222222222ULL;
constexpr int kBeginTag = kNumPos, kEndTag = kNumPos + 1;

// Open-addressing map from a feature key to a row of kL floats.
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
      if (slot.key == key) return &rows_[size_t{slot.row} * kL];
      s = (s + 1) & mask_;
    }
  }
  // Asks for the key's first slot ahead of Find (the table is larger than
  // the caches: a word's ~30 lookups otherwise wait one after another).
  void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[key & mask_]); }
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

bool ReadLine(const std::string& data, size_t* pos, std::string_view* line) {
  if (*pos >= data.size()) return false;
  size_t end = data.find('\n', *pos);
  if (end == std::string::npos) return false;
  *line = std::string_view(data).substr(*pos, end - *pos);
  *pos = end + 1;
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  for (;;) {
    const size_t tab = line.find('\t');
    cols.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return cols;
}

struct Scratch {
  std::vector<nf::WordInfo> info;
  std::vector<uint64_t> keys;
  std::vector<int> labels;
  std::vector<float> margins;
  std::vector<float> local, delta, beta;
  std::vector<int> back;
  std::vector<char> outside;  // words outside every name (only O scored)
  std::vector<const float*> rows;  // a word's feature rows found
};

}  // namespace

const char* NameTypeName(NameType t) {
  switch (t) {
    case NameType::kPerson: return "person";
    case NameType::kOrganization: return "organization";
    case NameType::kPlace: return "place";
    case NameType::kOther: return "other";
  }
  return "?";
}

// ---------------------------------------------------------------------------
// Features.

namespace name_features {

std::string LabelLine() {
  static const char* kTypes[kNumTypes] = {"PER", "ORG", "LOC", "MISC"};
  std::string s = "O";
  for (int t = 0; t < kNumTypes; ++t) s += std::string(" B-") + kTypes[t] + " I-" + kTypes[t];
  return s;
}

bool Allowed(int prev, int label) {
  if (label == 0 || PartOf(label) == kB) return true;
  return prev != kStartLabel && prev != 0 && TypeOf(prev) == TypeOf(label);
}

void LabelsToSpans(const std::vector<int>& labels, std::vector<NameSpan>* spans) {
  spans->clear();
  const size_t n = labels.size();
  for (size_t i = 0; i < n;) {
    const int l = labels[i];
    if (l <= 0 || l >= kNumLabels) {
      ++i;
      continue;
    }
    const int type = TypeOf(l);
    size_t j = i + 1;
    while (j < n && labels[j] > 0 && labels[j] < kNumLabels && TypeOf(labels[j]) == type && PartOf(labels[j]) == kI)
      ++j;
    spans->push_back(NameSpan{static_cast<uint32_t>(i), static_cast<uint32_t>(j), static_cast<NameType>(type), 1.0f});
    i = j;
  }
}

// --- Gazetteer ---------------------------------------------------------------

namespace {

// Splits a lexicon form into Penn-Treebank-like words.
std::vector<std::string> FormWords(std::string_view form) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p < form.size()) {
    size_t sp = form.find(' ', p);
    if (sp == std::string_view::npos) sp = form.size();
    std::string_view w = form.substr(p, sp - p);
    p = sp + 1;
    if (w.empty()) continue;
    std::string_view tail;
    if (w.size() > 1 && w.back() == ',') {
      tail = ",";
      w.remove_suffix(1);
    } else if (w.size() > 2 && w.substr(w.size() - 2) == "'s") {
      tail = "'s";
      w.remove_suffix(2);
    }
    out.emplace_back(w);
    if (!tail.empty()) out.emplace_back(tail);
  }
  return out;
}

// Connectors a person's name may contain ("Ludwig van Beethoven").
bool IsParticle(std::string_view w) {
  static const char* kWords[] = {"de", "del", "della", "da", "do", "dos", "du", "des", "la", "le",
                                 "von", "van", "der", "den", "di", "y", "-"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

bool IsConnector(std::string_view w) {
  static const char* kWords[] = {"of", "the", "and", "&", "for", "de", "del", "della", "da", "do", "dos",
                                 "du", "des", "la", "le", "les", "von", "van", "der", "den", "di", "y", "-"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

}  // namespace

void Gazetteer::Add(std::string_view form, int category) {
  std::vector<std::string> words = FormWords(form);
  if (!words.empty() && (words[0] == "the" || words[0] == "The") && words.size() > 1) {
    std::string rest;
    for (size_t i = 1; i < words.size(); ++i) rest += (i > 1 ? " " : "") + words[i];
    Add(rest, category);
  }
  if (words.empty()) return;
  std::string key;
  for (size_t i = 0; i < words.size(); ++i) key += (i ? " " : "") + words[i];
  phrases_[key] |= 1u << category;
  first_words_.insert(words[0]);
  first_bytes_.set(static_cast<unsigned char>(words[0][0]));
  // Every shorter run of its first words, so that Mark stops extending a
  // key that no phrase goes on from.
  std::string prefix;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    prefix += (i ? " " : "") + words[i];
    prefixes_.insert(prefix);
  }
  max_words_ = std::max(max_words_, words.size());
  for (const std::string& w : words)
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') words_[w] |= 1u << category;
}

bool Gazetteer::Load(const std::string& dir, std::string* error) {
  struct File {
    const char* name;
    size_t columns;
    std::vector<std::pair<size_t, int>> fields;  // column, category
  };
  const File files[] = {
      {"countries.tsv", 7, {{0, kCountry}, {2, kCountry}, {3, kDemonym}, {4, kDemonym}, {5, kCapital}, {6, kCapital}}},
      {"regions.tsv", 5, {{0, kRegion}, {1, kRegion}, {4, kDemonym}}},
      {"organizations.tsv", 5, {{0, kOrganization}, {1, kOrganization}}},
      {"titles.tsv", 3, {{0, kTitle}}},
      {"places.tsv", 2, {{0, kWorldPlace}}},
  };
  for (const File& f : files) {
    const std::string path = dir + "/" + f.name;
    std::ifstream in(path);
    if (!in) {
      *error = path + ": cannot open lexicon";
      return false;
    }
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string_view> cols = SplitTabs(line);
      if (cols.size() != f.columns) {
        *error = path + ":" + std::to_string(line_no) + ": expected " + std::to_string(f.columns) +
                 " tab-separated columns, got " + std::to_string(cols.size());
        return false;
      }
      for (const auto& [col, cat] : f.fields) {
        std::string_view v = cols[col];
        while (!v.empty()) {
          const size_t bar = v.find('|');
          Add(v.substr(0, bar), cat);
          if (bar == std::string_view::npos) break;
          v.remove_prefix(bar + 1);
        }
      }
    }
  }
  return true;
}

void Gazetteer::Mark(const std::vector<std::string_view>& words, std::vector<uint32_t>* bits,
                     std::vector<uint32_t>* word_bits) const {
  const size_t n = words.size();
  bits->assign(n, 0);
  if (word_bits != nullptr) {
    word_bits->assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      if (words[i].empty() || words[i][0] < 'A' || words[i][0] > 'Z') continue;
      auto it = words_.find(words[i]);
      if (it != words_.end()) (*word_bits)[i] = it->second;
    }
  }
  std::string key;
  for (size_t i = 0; i < n;) {
    if (words[i].empty() || !first_bytes_.test(static_cast<unsigned char>(words[i][0])) ||
        !first_words_.contains(words[i])) {
      ++i;
      continue;
    }
    size_t best_len = 0;
    uint32_t best_mask = 0;
    key.clear();
    for (size_t len = 1; len <= max_words_ && i + len <= n; ++len) {
      if (len > 1) key += ' ';
      key.append(words[i + len - 1]);
      auto it = phrases_.find(key);
      if (it != phrases_.end()) {
        best_len = len;
        best_mask = it->second;
      }
      if (!prefixes_.contains(key)) break;  // no longer phrase starts so
    }
    if (best_len == 0) {
      ++i;
      continue;
    }
    for (int c = 0; c < kNumCategories; ++c) {
      if (!(best_mask & (1u << c))) continue;
      for (size_t k = 0; k < best_len; ++k) {
        const int part = best_len == 1 ? kGazU : k == 0 ? kGazB : k + 1 == best_len ? kGazL : kGazI;
        (*bits)[i + k] |= 1u << (4 * c + part);
      }
    }
    i += best_len;
  }
}

// --- Clusters -----------------------------------------------------------------

bool Clusters::Add(std::string_view word, std::string_view path) {
  if (path.empty() || path.size() > 64 || path.find_first_not_of("01") != std::string_view::npos) return false;
  auto [it, inserted] = ids_.emplace(std::string(word), static_cast<uint32_t>(paths_.size()));
  if (!inserted) return true;
  std::array<uint64_t, kNumPrefixes> h{};
  for (int k = 0; k < kNumPrefixes; ++k) {
    // A path shorter than the prefix stands for itself (a small leaf).
    const std::string_view pre = path.substr(0, std::min<size_t>(path.size(), kPrefixLengths[k]));
    h[k] = HashText(pre, false) | 1;  // never 0 (0 means no cluster)
  }
  prefixes_.push_back(h);
  paths_.emplace_back(std::string(word), std::string(path));
  return true;
}

const uint64_t* Clusters::Find(std::string_view word) const {
  auto it = ids_.find(word);
  return it == ids_.end() ? nullptr : prefixes_[it->second].data();
}

// --- Feature keys -------------------------------------------------------------

void Describe(const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
              const Gazetteer& gazetteer, std::vector<WordInfo>* info, const Clusters* clusters) {
  thread_local std::vector<std::string> bufs;
  thread_local std::string lowered;
  thread_local std::vector<std::string_view> norm;
  thread_local std::vector<uint32_t> gaz, gaz_words;
  const size_t n = words.size();
  if (bufs.size() < n) bufs.resize(n);
  norm.resize(n);
  info->resize(n);
  for (size_t i = 0; i < n; ++i) norm[i] = pos_features::Normalize(words[i], &bufs[i]);
  gazetteer.Mark(norm, &gaz, &gaz_words);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = norm[i];
    WordInfo& x = (*info)[i];
    x.word = HashText(w, false);
    x.shape = ShapeHash(w);
    const size_t m = w.size();
    // FNV-1a is incremental: the prefixes' hashes are states of the lowercase
    // word's hash (a word shorter than the prefix hashes as itself).
    uint64_t h = kFnvOffset;
    for (size_t k = 0; k < m; ++k) {
      h = (h ^ Lower(static_cast<unsigned char>(w[k]))) * kFnvPrime;
      if (k < 3) x.prefix[k] = h;
    }
    for (size_t k = m; k < 3; ++k) x.prefix[k] = h;
    x.lower = h;
    for (size_t k = 0; k < 4; ++k) x.suffix[k] = HashText(w.substr(m - std::min(m, k + 1)), true);
    x.caps = CapsBits(w);
    x.gaz = gaz[i];
    x.gaz_words = gaz_words[i];
    x.tag = i < tags.size() ? static_cast<int>(tags[i]) : static_cast<int>(Pos::kX);
    const uint64_t* c = nullptr;
    if (clusters != nullptr) {
      c = clusters->Find(w);
      if (c == nullptr) {
        lowered.assign(w);
        for (char& ch : lowered) ch = static_cast<char>(Lower(static_cast<unsigned char>(ch)));
        if (lowered != w) c = clusters->Find(lowered);
      }
    }
    for (int k = 0; k < Clusters::kNumPrefixes; ++k) x.cluster[k] = c ? c[k] : 0;
  }
}

void StaticKeys(const std::vector<WordInfo>& info, size_t i, std::vector<uint64_t>* keys) {
  const size_t n = info.size();
  const WordInfo& x = info[i];
  auto lower = [&](long j) { return j < 0 ? kBeginHash : j >= static_cast<long>(n) ? kEndHash : info[j].lower; };
  auto shape = [&](long j) { return j < 0 ? kBeginHash : j >= static_cast<long>(n) ? kEndHash : info[j].shape; };
  auto tag = [&](long j) -> uint64_t {
    return j < 0 ? kBeginTag : j >= static_cast<long>(n) ? kEndTag : info[j].tag;
  };
  auto cls = [&](long j) -> uint32_t { return j < 0 || j >= static_cast<long>(n) ? 3 : CaseClass(info[j].caps); };
  const long l = static_cast<long>(i);
  keys->push_back(K1(kBias, 0));
  keys->push_back(K1(kWord, x.word));
  keys->push_back(K1(kLower, x.lower));
  keys->push_back(K1(kSuf1, x.suffix[0]));
  keys->push_back(K1(kSuf2, x.suffix[1]));
  keys->push_back(K1(kSuf3, x.suffix[2]));
  keys->push_back(K1(kSuf4, x.suffix[3]));
  keys->push_back(K1(kPre1, x.prefix[0]));
  keys->push_back(K1(kPre2, x.prefix[1]));
  keys->push_back(K1(kPre3, x.prefix[2]));
  keys->push_back(K1(kShape, x.shape));
  keys->push_back(K1(kCaps, x.caps));
  keys->push_back(K1(kTag, x.tag));
  keys->push_back(K2(kTagCaps, x.tag, x.caps));
  if (i == 0) {
    keys->push_back(K1(kInitialCaps, x.caps));
    keys->push_back(K1(kInitialLower, x.lower));
  }
  keys->push_back(K1(kP1Lower, lower(l - 1)));
  keys->push_back(K1(kN1Lower, lower(l + 1)));
  keys->push_back(K1(kP2Lower, lower(l - 2)));
  keys->push_back(K1(kN2Lower, lower(l + 2)));
  keys->push_back(K1(kP1Tag, tag(l - 1)));
  keys->push_back(K1(kN1Tag, tag(l + 1)));
  keys->push_back(K1(kP2Tag, tag(l - 2)));
  keys->push_back(K1(kN2Tag, tag(l + 2)));
  keys->push_back(K2(kTagBigramLeft, tag(l - 1), x.tag));
  keys->push_back(K2(kTagBigramRight, x.tag, tag(l + 1)));
  keys->push_back(K1(kTagTrigram, (tag(l - 1) * 32 + x.tag) * 32 + tag(l + 1)));
  keys->push_back(K1(kP1Shape, shape(l - 1)));
  keys->push_back(K1(kN1Shape, shape(l + 1)));
  keys->push_back(K2(kWordBigramLeft, lower(l - 1), x.lower));
  keys->push_back(K2(kWordBigramRight, x.lower, lower(l + 1)));
  keys->push_back(K1(kCapsWindow, cls(l - 2) | cls(l - 1) << 2 | cls(l) << 4 | cls(l + 1) << 6 | cls(l + 2) << 8));
  keys->push_back(K2(kP1LowerShape, lower(l - 1), x.shape));
  keys->push_back(K2(kN1LowerShape, lower(l + 1), x.shape));
  // The words just outside the run of capitalised words around word i
  // ("in" and "is" for both words of "in Fort Lee is").
  {
    long left = l, right = l;
    if (x.caps & 1u) {
      while (left > 0 && left > l - 6 && (info[left - 1].caps & 1u)) --left;
      while (right + 1 < static_cast<long>(n) && right < l + 6 && (info[right + 1].caps & 1u)) ++right;
    }
    const uint64_t ol = lower(left - 1), orr = lower(right + 1);
    keys->push_back(K1(kOuterLeft, ol));
    keys->push_back(K1(kOuterRight, orr));
    keys->push_back(K1(kOuterLeft2, lower(left - 2)));
    keys->push_back(K2(kOuterBoth, ol, orr));
  }
  // Word clusters: prefixes of the word's path, and of its neighbours'.
  if (x.cluster[0] != 0) {
    for (int k = 0; k < Clusters::kNumPrefixes; ++k) keys->push_back(K1(kCluster + k, x.cluster[k]));
    keys->push_back(K2(kClusterShape, x.cluster[1], x.shape));
    keys->push_back(K2(kClusterTag, x.cluster[1], x.tag));
  } else {
    keys->push_back(K2(kNoCluster, x.caps & 1u, x.tag));
  }
  if (i > 0 && info[i - 1].cluster[0] != 0)
    for (int k = 0; k < 3; ++k) keys->push_back(K1(kP1Cluster + k, info[i - 1].cluster[k]));
  if (i + 1 < n && info[i + 1].cluster[0] != 0)
    for (int k = 0; k < 3; ++k) keys->push_back(K1(kN1Cluster + k, info[i + 1].cluster[k]));
  for (uint32_t b = x.gaz; b != 0; b &= b - 1) keys->push_back(K1(kGaz, __builtin_ctz(b)));
  if (i > 0)
    for (uint32_t b = info[i - 1].gaz; b != 0; b &= b - 1) keys->push_back(K1(kP1Gaz, __builtin_ctz(b)));
  if (i + 1 < n)
    for (uint32_t b = info[i + 1].gaz; b != 0; b &= b - 1) keys->push_back(K1(kN1Gaz, __builtin_ctz(b)));
  for (uint32_t b = x.gaz_words; b != 0; b &= b - 1) keys->push_back(K1(kGazWord, __builtin_ctz(b)));
  if (i + 1 < n)
    for (uint32_t b = info[i + 1].gaz_words; b != 0; b &= b - 1) keys->push_back(K1(kN1GazWord, __builtin_ctz(b)));
  if (i > 0)
    for (uint32_t b = info[i - 1].gaz_words; b != 0; b &= b - 1) keys->push_back(K1(kP1GazWord, __builtin_ctz(b)));
}

void HistoryKeys(const std::vector<WordInfo>& info, size_t i, int prev, uint64_t keys[kNumHistoryKeys]) {
  const WordInfo& x = info[i];
  keys[0] = K1(kPrevLabel, prev);
  keys[1] = K2(kPrevLabelShape, prev, x.shape);
  keys[2] = K2(kPrevLabelTag, prev, x.tag);
  keys[3] = K2(kPrevLabelLower, prev, x.lower);
}

// --- Document features ----------------------------------------------------------

namespace {

using TypeVotes = std::array<float, kNumTypes>;

bool CapitalisedWord(std::string_view w) {
  const auto c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

// Winner type and a confidence bucket (0: share >= 0.9, 1: >= 0.6, 2: less)
// of votes minus the sentence's own votes; -1 when the rest weighs < 0.3.
std::pair<int, int> VoteOf(const TypeVotes* all, const TypeVotes* own) {
  if (all == nullptr) return {-1, 0};
  TypeVotes v = *all;
  if (own != nullptr)
    for (int t = 0; t < kNumTypes; ++t) v[t] -= (*own)[t];
  float total = 0;
  int best = 0;
  for (int t = 0; t < kNumTypes; ++t) {
    total += v[t];
    if (v[t] > v[best]) best = t;
  }
  if (total < 0.3f) return {-1, 0};
  const float share = v[best] / total;
  return {best, share >= 0.9f ? 0 : share >= 0.6f ? 1 : 2};
}

}  // namespace

void DocumentKeys(const std::vector<std::vector<std::string_view>>& sentences,
                  const std::vector<std::vector<NameSpan>>& first_pass,
                  std::vector<std::vector<std::vector<uint64_t>>>* keys) {
  const size_t n = sentences.size();
  // Normalised words.
  std::vector<std::vector<std::string>> words(n);
  std::string buf;
  for (size_t k = 0; k < n; ++k)
    for (std::string_view w : sentences[k]) words[k].emplace_back(pos_features::Normalize(w, &buf));
  auto run_key = [&](size_t k, size_t a, size_t b) {
    std::string key;
    for (size_t w = a; w < b; ++w) {
      if (w > a) key.push_back(' ');
      key += words[k][w];
    }
    return key;
  };
  auto lower = [](std::string w) {
    for (char& c : w) c = static_cast<char>(Lower(static_cast<unsigned char>(c)));
    return w;
  };
  using VoteMap = std::unordered_map<std::string, TypeVotes>;
  using CountMap = std::unordered_map<std::string, float>;
  // Per-sentence contributions, and their sums over the document.
  struct Contrib {
    VoteMap token, run;
    CountMap surname, lower_seen, untagged;
  };
  auto contribute = [&](size_t k, Contrib* c) {
    const std::vector<NameSpan>& spans = k < first_pass.size() ? first_pass[k] : std::vector<NameSpan>{};
    std::vector<bool> in_span(words[k].size(), false);
    for (const NameSpan& sp : spans) {
      if (sp.last > words[k].size() || sp.first >= sp.last) continue;
      const int t = static_cast<int>(sp.type);
      for (uint32_t w = sp.first; w < sp.last; ++w) {
        c->token[words[k][w]][t] += sp.score;
        in_span[w] = true;
      }
      c->run[run_key(k, sp.first, sp.last)][t] += sp.score;
      if (sp.type == NameType::kPerson && sp.last - sp.first >= 2) {
        bool caps = true;
        for (uint32_t w = sp.first; w < sp.last; ++w) caps = caps && CapitalisedWord(words[k][w]);
        if (caps) c->surname[words[k][sp.last - 1]] += sp.score;
      }
    }
    for (size_t w = 0; w < words[k].size(); ++w) {
      const std::string& x = words[k][w];
      if (!CapitalisedWord(x)) c->lower_seen[x] += 1;
      else if (w > 0 && !in_span[w]) c->untagged[x] += 1;
    }
  };
  Contrib all;
  std::vector<Contrib> own(n);
  for (size_t k = 0; k < n; ++k) contribute(k, &own[k]);
  for (const Contrib& c : own) {
    for (const auto& [w, v] : c.token)
      for (int t = 0; t < kNumTypes; ++t) all.token[w][t] += v[t];
    for (const auto& [w, v] : c.run)
      for (int t = 0; t < kNumTypes; ++t) all.run[w][t] += v[t];
    for (const auto& [w, v] : c.surname) all.surname[w] += v;
    for (const auto& [w, v] : c.lower_seen) all.lower_seen[w] += v;
    for (const auto& [w, v] : c.untagged) all.untagged[w] += v;
  }
  auto find_votes = [](const VoteMap& m, const std::string& key) -> const TypeVotes* {
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
  };
  auto count_else = [](const CountMap& all_m, const CountMap& own_m, const std::string& key) {
    auto a = all_m.find(key);
    if (a == all_m.end()) return 0.0f;
    auto o = own_m.find(key);
    return a->second - (o == own_m.end() ? 0.0f : o->second);
  };
  keys->assign(n, {});
  for (size_t k = 0; k < n; ++k) {
    const size_t m = words[k].size();
    (*keys)[k].assign(m, {});
    for (size_t w = 0; w < m; ++w) {
      const std::string& x = words[k][w];
      if (!CapitalisedWord(x)) continue;
      std::vector<uint64_t>& out = (*keys)[k][w];
      const auto [tt, tb] = VoteOf(find_votes(all.token, x), find_votes(own[k].token, x));
      if (tt >= 0) out.push_back(K1(kDocToken, tt * 4 + tb));
      // The capitalised run around w, as a whole.
      size_t a = w, b = w + 1;
      while (a > 0 && CapitalisedWord(words[k][a - 1])) --a;
      while (b < m && CapitalisedWord(words[k][b])) ++b;
      const std::string rk = run_key(k, a, b);
      const auto [rt, rb] = VoteOf(find_votes(all.run, rk), find_votes(own[k].run, rk));
      if (rt >= 0) {
        out.push_back(K1(kDocRun, rt * 4 + rb));
        out.push_back(K1(kDocRunPart, rt * 4 + (w == a ? 0 : 1)));
      }
      if (count_else(all.surname, own[k].surname, x) > 0) out.push_back(K1(kDocSurname, 1));
      const std::string lx = lower(x);
      if (lx != x && count_else(all.lower_seen, own[k].lower_seen, lx) > 0)
        out.push_back(K1(kDocLower, w == 0 ? 1 : 2));
      if (tt < 0 && count_else(all.untagged, own[k].untagged, x) > 0) out.push_back(K1(kDocUntagged, w == 0 ? 1 : 2));
    }
  }
}

// --- GUM ----------------------------------------------------------------------

namespace {

struct Token {
  std::string word;
  Pos pos;
  long head;  // index of the syntactic head in the sentence, -1 for the root
};
struct EntitySpan {
  size_t a, b;  // [a, b)
  int type;     // 0 person, 1 organization, 2 place, -1 other
};

bool NameLike(const Token& t, bool first) {
  if (t.pos == Pos::kPropn) return true;
  if (t.pos == Pos::kPunct || t.word.empty()) return false;
  const auto c = static_cast<unsigned char>(t.word[0]);
  if ((c >= 'A' && c <= 'Z') || c >= 0xC0) return true;
  return !first && t.pos == Pos::kNum;
}

// The proper-name extent of an entity span, or {0, 0} if it has none: the
// run of name-like words (and connectors between them) around the span's
// syntactic head, if the head is a proper noun; else an appositive name at
// the end of the span ("science fiction writer L. Ron Hubbard").
std::pair<size_t, size_t> NameExtent(const std::vector<Token>& toks, const std::vector<uint32_t>& gaz,
                                     const std::vector<EntitySpan>& all, const EntitySpan& e) {
  size_t a = e.a, b = e.b;
  while (a < b && (toks[a].pos == Pos::kDet || toks[a].pos == Pos::kPunct)) ++a;
  while (b > a && (toks[b - 1].pos == Pos::kPunct || toks[b - 1].pos == Pos::kPart)) --b;
  if (a >= b) return {0, 0};
  size_t h = b;
  for (size_t k = e.a; k < e.b && h == b; ++k)
    if (toks[k].head < 0 || static_cast<size_t>(toks[k].head) < e.a || static_cast<size_t>(toks[k].head) >= e.b) h = k;
  if (h < a || h >= b) h = b;
  // A person's name does not take in a nested name of another type
  // ("Ambassador to the United States Hamdullah Mohib").
  std::vector<bool> stop(b, false);
  if (e.type == 0)
    for (const EntitySpan& s : all)
      if (s.type >= 0 && s.type != e.type && s.a >= a && s.b <= b && !(s.a <= h && h < s.b))
        for (size_t k = s.a; k < s.b; ++k) stop[k] = true;
  auto link = [&](size_t k) {
    return !stop[k] && (e.type == 0 ? IsParticle(toks[k].word) : IsConnector(toks[k].word));
  };
  auto word = [&](size_t k) { return !stop[k] && NameLike(toks[k], false); };
  if (h < b && toks[h].pos == Pos::kPropn) {
    size_t x = h, y = h + 1;
    for (;;) {  // leftwards
      size_t j = x;
      while (j > a && link(j - 1)) --j;
      if (j > a && word(j - 1)) x = j - 1;
      else break;
    }
    for (;;) {  // rightwards
      size_t j = y;
      while (j < b && link(j)) ++j;
      if (j < b && word(j)) y = j + 1;
      else break;
    }
    while (x < y && (IsConnector(toks[x].word) || toks[x].pos == Pos::kNum)) ++x;
    a = x;
    b = y;
  } else {
    // The head is a common noun: take a name in apposition to it, the first
    // run of name-like words after a noun, adjective or verb of the span
    // ("science fiction writer L. Ron Hubbard", "pan-democrat Gary Fan of ...").
    // An apposition follows its head: in "the current New Zealand flag" the
    // name before the head "flag" is a modifier (GUM marks it as a nested
    // mention of its own, a place), not the name of the flag.
    size_t found_a = 0, found_b = 0;
    for (size_t x = h < b ? h + 1 : a + 1; x < b && found_b == 0; ++x) {
      if (!word(x) || word(x - 1) || link(x - 1)) continue;
      const Pos before = toks[x - 1].pos;
      if (before != Pos::kNoun && before != Pos::kAdj && before != Pos::kVerb) continue;
      size_t y = x + 1;
      for (;;) {
        size_t j = y;
        while (j < b && link(j)) ++j;
        if (j < b && word(j)) y = j + 1;
        else break;
      }
      bool propn = false, coordinated = false;
      for (size_t k = x; k < y; ++k) {
        propn |= toks[k].pos == Pos::kPropn;
        coordinated |= toks[k].word == "and" || toks[k].word == "&";
      }
      if (propn && !coordinated && toks[x].pos != Pos::kNum) {
        found_a = x;
        found_b = y;
      }
    }
    if (found_b == 0) return {0, 0};
    a = found_a;
    b = found_b;
  }
  if (a >= b) return {0, 0};
  // A coordination of two names of this type is not one name.
  for (size_t k = a; k < b; ++k) {
    if (toks[k].word != "and" && toks[k].word != "&") continue;
    for (const EntitySpan& s : all)
      if (s.type == e.type && s.a > k && s.a <= k + 2 && s.b <= b) return {0, 0};
  }
  constexpr uint32_t kTitleBits = 0xFu << (4 * kTitle);
  constexpr uint32_t kDemonymBits = 0xFu << (4 * kDemonym);
  if (e.type == 0) {
    // Titles in front of a person's name: "US President Barack Obama".
    size_t cut = a;
    for (size_t j = a; j + 1 < b; ++j) {
      const bool title_end = (gaz[j] & (1u << (4 * kTitle + kGazL))) || (gaz[j] & (1u << (4 * kTitle + kGazU)));
      if (!title_end || toks[j + 1].pos != Pos::kPropn || (gaz[j + 1] & kTitleBits)) continue;
      bool prefix_ok = true;
      for (size_t k = a; k <= j && prefix_ok; ++k) {
        if (gaz[k] & (kTitleBits | kDemonymBits)) continue;
        bool nested = false;
        for (const EntitySpan& s : all)
          if (s.a <= k && k < s.b && s.a >= a && s.b <= j + 1 && s.type != e.type) nested = true;
        prefix_ok = nested;
      }
      if (prefix_ok) cut = j + 1;
    }
    a = cut;
  }
  bool propn = false, all_title = true, capital = false;
  for (size_t k = a; k < b; ++k) {
    propn |= toks[k].pos == Pos::kPropn;
    all_title = all_title && ((gaz[k] & kTitleBits) || toks[k].word == "-" || (k > a && IsParticle(toks[k].word)));
    const auto c = toks[k].word.empty() ? 0 : static_cast<unsigned char>(toks[k].word[0]);
    capital |= (c >= 'A' && c <= 'Z') || c >= 0xC0;
  }
  if (!propn || all_title || !capital) return {0, 0};
  return {a, b};
}

void SentenceNames(const std::vector<Token>& toks, std::vector<EntitySpan> spans, const Gazetteer& gazetteer,
                   GoldSentence* out) {
  out->words.clear();
  out->names.clear();
  for (const Token& t : toks) out->words.push_back(t.word);
  std::vector<std::string_view> views;
  for (const std::string& w : out->words) views.push_back(w);
  std::vector<uint32_t> gaz;
  gazetteer.Mark(views, &gaz, nullptr);
  std::stable_sort(spans.begin(), spans.end(), [](const EntitySpan& x, const EntitySpan& y) {
    return x.b - x.a != y.b - y.a ? x.b - x.a > y.b - y.a : x.a < y.a;
  });
  std::vector<bool> taken(toks.size(), false);
  for (const EntitySpan& e : spans) {
    if (e.type < 0) continue;
    const auto [a, b] = NameExtent(toks, gaz, spans, e);
    if (a >= b) continue;
    bool free = true;
    for (size_t k = a; k < b; ++k) free = free && !taken[k];
    if (!free) continue;
    for (size_t k = a; k < b; ++k) taken[k] = true;
    out->names.push_back(NameSpan{static_cast<uint32_t>(a), static_cast<uint32_t>(b), static_cast<NameType>(e.type), 1.0f});
  }
  std::sort(out->names.begin(), out->names.end(), [](const NameSpan& x, const NameSpan& y) { return x.first < y.first; });
}

}  // namespace

bool ReadGumDocument(const std::string& path, const Gazetteer& gazetteer, GoldDocument* doc, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  {
    std::string base = path.substr(path.find_last_of('/') + 1);
    if (base.size() > 7 && base.substr(base.size() - 7) == ".conllu") base.resize(base.size() - 7);
    doc->name = base;
    const size_t u1 = base.find('_');
    const size_t u2 = u1 == std::string::npos ? std::string::npos : base.find('_', u1 + 1);
    doc->genre = u2 == std::string::npos ? "" : base.substr(u1 + 1, u2 - u1 - 1);
  }
  doc->sentences.clear();
  std::vector<Token> toks;
  std::vector<EntitySpan> spans;
  struct Open {
    std::string id;
    size_t start;
    int type;
  };
  std::vector<Open> open;
  int line_no = 0;
  std::string norm;
  auto flush = [&] {
    if (!toks.empty()) {
      doc->sentences.emplace_back();
      SentenceNames(toks, spans, gazetteer, &doc->sentences.back());
    }
    toks.clear();
    spans.clear();
    open.clear();
  };
  auto type_of = [](std::string_view t) {
    if (t == "person") return 0;
    if (t == "organization") return 1;
    if (t == "place") return 2;
    if (t == "event" || t == "object" || t == "abstract" || t == "substance" || t == "animal" || t == "plant")
      return 3;
    return -1;  // time, quantity: dates and numbers are not names
  };
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    const std::vector<std::string_view> cols = SplitTabs(line);
    auto fail = [&](const std::string& reason) {
      *error = path + ":" + std::to_string(line_no) + ": " + reason;
      return false;
    };
    if (cols.size() != 10) return fail("expected 10 tab-separated columns, got " + std::to_string(cols.size()));
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;
    Pos p;
    if (!ParsePos(cols[3], &p)) return fail("unknown UPOS \"" + std::string(cols[3]) + "\"");
    const size_t index = toks.size();
    char* endp = nullptr;
    const std::string head_text(cols[6]);
    const long head = std::strtol(head_text.c_str(), &endp, 10);
    if (head_text.empty() || *endp != '\0' || head < 0) return fail("bad HEAD \"" + head_text + "\"");
    toks.push_back(Token{std::string(pos_features::Normalize(cols[1], &norm)), p, head - 1});
    std::string_view misc = cols[9];
    size_t at = misc.find("Entity=");
    if (at == std::string_view::npos) continue;
    if (at != 0 && misc[at - 1] != '|') continue;
    std::string_view ent = misc.substr(at + 7);
    ent = ent.substr(0, ent.find('|'));
    size_t q = 0;
    while (q < ent.size()) {
      if (ent[q] == '(') {
        size_t r = q + 1;
        while (r < ent.size() && ent[r] != '(' && ent[r] != ')') ++r;
        const std::string_view body = ent.substr(q + 1, r - q - 1);
        const size_t d1 = body.find('-');
        if (d1 == std::string_view::npos) return fail("bad Entity \"" + std::string(ent) + "\"");
        const size_t d2 = body.find('-', d1 + 1);
        const int type = type_of(body.substr(d1 + 1, d2 == std::string_view::npos ? std::string_view::npos : d2 - d1 - 1));
        if (r < ent.size() && ent[r] == ')') {
          spans.push_back(EntitySpan{index, index + 1, type});
          q = r + 1;
        } else {
          open.push_back(Open{std::string(body.substr(0, d1)), index, type});
          q = r;
        }
      } else {
        size_t r = q;
        while (r < ent.size() && ent[r] != ')') ++r;
        if (r == ent.size()) return fail("bad Entity \"" + std::string(ent) + "\"");
        const std::string_view id = ent.substr(q, r - q);
        auto it = std::find_if(open.rbegin(), open.rend(), [&](const Open& o) { return o.id == id; });
        if (it == open.rend()) return fail("Entity closes " + std::string(id) + " which is not open");
        spans.push_back(EntitySpan{it->start, index + 1, it->type});
        open.erase(std::next(it).base());
        q = r + 1;
      }
    }
  }
  flush();
  return true;
}

std::vector<bool> HeldOut(const std::vector<std::string>& names) {
  std::map<std::string, std::vector<size_t>> by_genre;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& s = names[i];
    const size_t u1 = s.find('_');
    const size_t u2 = u1 == std::string::npos ? std::string::npos : s.find('_', u1 + 1);
    by_genre[u2 == std::string::npos ? "" : s.substr(u1 + 1, u2 - u1 - 1)].push_back(i);
  }
  std::vector<bool> out(names.size(), false);
  for (auto& [genre, idx] : by_genre) {
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return names[x] < names[y]; });
    for (size_t k = 0; k < idx.size(); k += 5) out[idx[k]] = true;
  }
  return out;
}

}  // namespace name_features

// ---------------------------------------------------------------------------
// The tagger.

struct NameTagger::Impl {
  FeatureTable features;
  nf::Gazetteer gazetteer;
  nf::Clusters clusters;
  bool document = false;  // trained with DocumentKeys features (header "document 1")
  // Rows of the history features that need no word hash, dense:
  // [prev] and [prev][UPOS tag].
  float prev_label[kL + 1][kL]{};
  float prev_tag[kL + 1][kNumPos][kL]{};
};

namespace {
void TagWith(const NameTagger::Impl& m, const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
             const std::vector<std::vector<uint64_t>>* extra, std::vector<NameSpan>* spans);
}  // namespace

NameTagger::NameTagger() : impl_(std::make_unique<Impl>()) {}
NameTagger::~NameTagger() = default;

size_t NameTagger::num_features() const { return impl_->features.size(); }

std::unique_ptr<NameTagger> NameTagger::Load(const std::string& path, const std::string& lexicon_dir,
                                             std::string* error) {
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
    long version_number = 0;
    {
      const std::string expect = std::string(nf::kFormatName) + " ";
      if (line.substr(0, expect.size()) != expect)
        return fail(1, std::string("not a name model (expected \"") + nf::kFormatName + " <version>\")");
      const std::string version(line.substr(expect.size()));
      char* endp = nullptr;
      const long v = std::strtol(version.c_str(), &endp, 10);
      if (version.empty() || *endp != '\0' || v < 1) return fail(1, "bad format version \"" + version + "\"");
      if (v > nf::kFormatVersion)
        return fail(1, "model format version " + version + " is newer than this program reads (" +
                           std::to_string(nf::kFormatVersion) + ")");
      version_number = v;
    }
    const bool v2 = version_number >= 2;
    double scale = 0;
    long long n_features = -1, n_clusters = v2 ? -1 : 0;
    bool document = false;
    bool have_labels = false;
    for (;;) {
      if (!ReadLine(data, &pos, &line)) return fail(line_no, "header ends before \"data\"");
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      if (line == "data") break;
      const size_t sp = line.find(' ');
      const std::string name(line.substr(0, sp));
      const std::string value(sp == std::string_view::npos ? "" : line.substr(sp + 1));
      if (name == "labels") {
        if (value != nf::LabelLine()) return fail(line_no, "label set differs from " + nf::LabelLine());
        have_labels = true;
      } else if (name == "document" && v2) {
        if (value != "0" && value != "1") return fail(line_no, "bad value for document: \"" + value + "\"");
        document = value == "1";
      } else if (name == "clusters" && v2) {
        char* endp = nullptr;
        const long long c = std::strtoll(value.c_str(), &endp, 10);
        if (value.empty() || *endp != '\0' || c < 0 || c > 100000000)
          return fail(line_no, "bad value for clusters: \"" + value + "\"");
        n_clusters = c;
      } else if (name == "scale" || name == "features") {
        char* endp = nullptr;
        const double d = std::strtod(value.c_str(), &endp);
        if (value.empty() || *endp != '\0' || !(d > 0) || d > 1e9)
          return fail(line_no, "bad value for " + name + ": \"" + value + "\"");
        if (name == "scale") scale = d;
        else n_features = static_cast<long long>(d);
      } else {
        return fail(line_no, "unknown header field \"" + name + "\"");
      }
    }
    if (!have_labels || scale <= 0 || n_features < 0 || n_clusters < 0)
      return fail(line_no, v2 ? "header lacks one of labels, scale, features, clusters"
                              : "header lacks one of labels, scale, features");
    const auto* p = reinterpret_cast<const unsigned char*>(data.data()) + pos;
    const auto* end = reinterpret_cast<const unsigned char*>(data.data()) + data.size();
    std::vector<uint64_t> keys;
    std::vector<float> rows;
    keys.reserve(n_features);
    rows.assign(static_cast<size_t>(n_features) * kL, 0.0f);
    for (long long i = 0; i < n_features; ++i) {
      if (end - p < 9) return fail(0, "truncated feature table (feature " + std::to_string(i) + ")");
      uint64_t k = 0;
      for (int b = 0; b < 8; ++b) k |= static_cast<uint64_t>(p[b]) << (8 * b);
      const int nnz = p[8];
      p += 9;
      if (nnz > kL || end - p < 3 * nnz)
        return fail(0, "truncated or bad feature table (feature " + std::to_string(i) + ")");
      if (!keys.empty() && k <= keys.back())
        return fail(0, "feature keys not sorted (feature " + std::to_string(i) + ")");
      float* row = &rows[static_cast<size_t>(i) * kL];
      for (int j = 0; j < nnz; ++j, p += 3) {
        if (p[0] >= kL) return fail(0, "bad label in feature " + std::to_string(i));
        const auto q = static_cast<int16_t>(static_cast<uint16_t>(p[1] | (p[2] << 8)));
        row[p[0]] = static_cast<float>(q * scale);
      }
      keys.push_back(k);
    }
    std::unique_ptr<NameTagger> tagger(new NameTagger());
    Impl& m = *tagger->impl_;
    m.document = document;
    // Version 2: n_clusters lines "path<TAB>word".
    for (long long i = 0; i < n_clusters; ++i) {
      const auto* nl = static_cast<const unsigned char*>(std::memchr(p, '\n', end - p));
      if (nl == nullptr) return fail(0, "truncated cluster table (cluster " + std::to_string(i) + ")");
      const std::string_view row(reinterpret_cast<const char*>(p), nl - p);
      const size_t tab = row.find('\t');
      if (tab == std::string_view::npos || tab + 1 == row.size() ||
          !m.clusters.Add(row.substr(tab + 1), row.substr(0, tab)))
        return fail(0, "bad cluster line " + std::to_string(i) + " (expected path<TAB>word)");
      p = nl + 1;
    }
    if (p != end) return fail(0, n_clusters > 0 ? "trailing bytes after the cluster table"
                                               : "trailing bytes after the feature table");

    if (!m.gazetteer.Load(lexicon_dir, error)) return nullptr;
    m.features.Build(keys, std::move(rows));
    std::vector<nf::WordInfo> dummy(1);
    uint64_t hk[nf::kNumHistoryKeys];
    for (int prev = 0; prev <= kL; ++prev) {
      for (int t = 0; t < kNumPos; ++t) {
        dummy[0].tag = t;
        nf::HistoryKeys(dummy, 0, prev, hk);
        if (const float* row = m.features.Find(hk[0])) std::copy(row, row + kL, m.prev_label[prev]);
        if (const float* row = m.features.Find(hk[2])) std::copy(row, row + kL, m.prev_tag[prev][t]);
      }
    }
    return tagger;
  } catch (const std::exception& e) {
    *error = path + ": " + e.what();
    return nullptr;
  }
}

void NameTagger::Tag(const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
                     std::vector<NameSpan>* spans) const {
  TagWith(*impl_, words, tags, nullptr, spans);
}

namespace {

// Tag(), with extra feature keys for each word (the document features of
// TagDocument's second pass) when extra is not null.
void TagWith(const NameTagger::Impl& m, const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
             const std::vector<std::vector<uint64_t>>* extra, std::vector<NameSpan>* spans) {
  thread_local Scratch s;
  spans->clear();
  const size_t n = words.size();
  if (n == 0) return;
  nf::Describe(words, tags, m.gazetteer, &s.info, m.clusters.size() ? &m.clusters : nullptr);
  // Viterbi over BIO labels. local[i][p][l]: the score of label l at word i
  // after label p (p = kL stands for the sentence start, used at i = 0).
  constexpr int kP = kL + 1;
  s.local.resize(n * kP * kL);
  s.delta.resize(n * kL);
  s.back.resize(n * kL);
  uint64_t hk[nf::kNumHistoryKeys];
  constexpr float kNone = -1e30f;
  // A word of lower-case letters or punctuation with no capitalised word
  // beside it is outside every name: only O is scored there, and as every
  // path through it shares that label its own features (the same for all
  // of them) are not read. Names with lower-case links ("House of
  // Assembly") have a capitalised word beside the link.
  auto may_name = [&](size_t i) {
    for (char c : words[i]) {
      unsigned char u = static_cast<unsigned char>(c);
      if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80) return true;
    }
    return false;
  };
  s.outside.assign(n, 0);
  for (size_t i = 0; i < n; ++i)
    s.outside[i] = !may_name(i) && (i == 0 || !may_name(i - 1)) && (i + 1 == n || !may_name(i + 1));
  for (size_t i = 0; i < n; ++i) {
    float stat[kL] = {};
    s.keys.clear();
    if (!s.outside[i]) {
      nf::StaticKeys(s.info, i, &s.keys);
      if (extra != nullptr && i < extra->size()) s.keys.insert(s.keys.end(), (*extra)[i].begin(), (*extra)[i].end());
    }
    for (uint64_t k : s.keys) m.features.Prefetch(k);
    s.rows.clear();
    for (uint64_t k : s.keys)
      if (const float* row = m.features.Find(k)) {
        __builtin_prefetch(row);
        s.rows.push_back(row);
      }
    for (const float* row : s.rows)
      for (int l = 0; l < kL; ++l) stat[l] += row[l];
    const int tag = s.info[i].tag;
    float* delta = &s.delta[i * kL];
    int* back = &s.back[i * kL];
    std::fill(delta, delta + kL, kNone);
    const int p_first = i == 0 ? nf::kStartLabel : 0, p_last = i == 0 ? nf::kStartLabel : kL - 1;
    for (int p = p_first; p <= p_last; ++p) {
      const float before = i == 0 ? 0.0f : s.delta[(i - 1) * kL + p];
      if (before <= kNone) continue;
      float* local = &s.local[(i * kP + p) * kL];
      const float* a = m.prev_label[p];
      const float* b = m.prev_tag[p][tag];
      for (int l = 0; l < kL; ++l) local[l] = stat[l] + a[l] + b[l];
      nf::HistoryKeys(s.info, i, p, hk);
      if (const float* row = m.features.Find(hk[1]))
        for (int l = 0; l < kL; ++l) local[l] += row[l];
      if (const float* row = m.features.Find(hk[3]))
        for (int l = 0; l < kL; ++l) local[l] += row[l];
      if (s.outside[i]) std::fill(local + 1, local + kL, kNone);
      for (int l = 0; l < kL; ++l) {
        if (!nf::Allowed(p, l) || local[l] <= kNone) continue;
        const float v = before + local[l];
        if (v > delta[l]) {
          delta[l] = v;
          back[l] = p;
        }
      }
    }
  }
  s.labels.resize(n);
  s.margins.resize(n);
  int best = 0;
  for (int l = 1; l < kL; ++l)
    if (s.delta[(n - 1) * kL + l] > s.delta[(n - 1) * kL + best]) best = l;
  for (size_t i = n; i-- > 0;) {
    s.labels[i] = best;
    best = s.back[i * kL + best];
  }
  // Max-marginals: beta[i][l] is the best score of the words after i given
  // label l at i; delta[i][l] + beta[i][l] the best path through (i, l). A
  // word's margin is how much the best path beats the best one that labels
  // the word otherwise.
  s.beta.assign(n * kL, 0.0f);
  for (size_t i = n - 1; i-- > 0;) {
    for (int l = 0; l < kL; ++l) {
      if (s.delta[i * kL + l] <= kNone) continue;
      const float* local = &s.local[((i + 1) * kP + l) * kL];
      float best_next = kNone;
      for (int l2 = 0; l2 < kL; ++l2)
        if (nf::Allowed(l, l2)) best_next = std::max(best_next, local[l2] + s.beta[(i + 1) * kL + l2]);
      s.beta[i * kL + l] = best_next;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const float top = s.delta[i * kL + s.labels[i]] + s.beta[i * kL + s.labels[i]];
    float other = kNone;
    for (int l = 0; l < kL; ++l)
      if (l != s.labels[i] && s.delta[i * kL + l] > kNone) other = std::max(other, s.delta[i * kL + l] + s.beta[i * kL + l]);
    s.margins[i] = std::max(0.0f, top - other);
  }
  nf::LabelsToSpans(s.labels, spans);
  for (NameSpan& sp : *spans) {
    float mn = 1e9f;
    for (uint32_t k = sp.first; k < sp.last; ++k) mn = std::min(mn, s.margins[k]);
    sp.score = mn / (1.0f + mn);
  }
}

// The words of tokens [first, last) joined by single spaces, curly quotes
// normalised: the key under which a document's mentions of a name vote.
void NameKey(const std::vector<std::string_view>& words, uint32_t first, uint32_t last, std::string* key) {
  key->clear();
  std::string buf;
  for (uint32_t k = first; k < last; ++k) {
    if (k > first) key->push_back(' ');
    key->append(pos_features::Normalize(words[k], &buf));
  }
}

bool Capitalised(std::string_view w) {
  const auto c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

}  // namespace

void NameTagger::TagDocument(const std::vector<std::vector<std::string_view>>& sentences,
                             const std::vector<std::vector<Pos>>& tags,
                             std::vector<std::vector<NameSpan>>* spans) const {
  static const std::vector<Pos> kNoTags;
  const size_t n = sentences.size();
  spans->resize(n);
  for (size_t k = 0; k < n; ++k) Tag(sentences[k], k < tags.size() ? tags[k] : kNoTags, &(*spans)[k]);
  if (impl_->document) {
    // Second pass: each sentence again, with features of how the first pass
    // tagged the same words in the other sentences.
    std::vector<std::vector<std::vector<uint64_t>>> doc_keys;
    nf::DocumentKeys(sentences, *spans, &doc_keys);
    for (size_t k = 0; k < n; ++k)
      TagWith(*impl_, sentences[k], k < tags.size() ? tags[k] : kNoTags, &doc_keys[k], &(*spans)[k]);
  }
  // Votes of the mentions: name key -> weight per type, and the number of
  // mentions and their summed score (for the score of a changed name).
  struct Vote {
    float weight[nf::kNumTypes] = {};
    float own[nf::kNumTypes] = {};  // the votes of mentions written this way
    float score_sum = 0;
    uint32_t mentions = 0;
  };
  std::unordered_map<std::string, Vote> votes;
  std::string key;
  for (size_t k = 0; k < n; ++k) {
    for (const NameSpan& sp : (*spans)[k]) {
      NameKey(sentences[k], sp.first, sp.last, &key);
      Vote& v = votes[key];
      v.weight[static_cast<int>(sp.type)] += sp.score;
      v.own[static_cast<int>(sp.type)] += sp.score;
      v.score_sum += sp.score;
      ++v.mentions;
    }
  }
  // A person's last name alone is that person ("Marbles" after "Jenna Marbles").
  for (size_t k = 0; k < n; ++k) {
    for (const NameSpan& sp : (*spans)[k]) {
      if (sp.type != NameType::kPerson || sp.last - sp.first < 2) continue;
      bool all_capitalised = true;
      for (uint32_t w = sp.first; w < sp.last; ++w) all_capitalised = all_capitalised && Capitalised(sentences[k][w]);
      if (!all_capitalised) continue;
      NameKey(sentences[k], sp.last - 1, sp.last, &key);
      auto it = votes.find(key);
      if (it != votes.end()) it->second.weight[static_cast<int>(NameType::kPerson)] += sp.score;
    }
  }
  auto winner = [](const Vote& v) {
    int best = 0;
    for (int t = 1; t < nf::kNumTypes; ++t)
      if (v.weight[t] > v.weight[best]) best = t;
    return best;
  };
  auto total = [](const Vote& v) {
    float s = 0;
    for (float w : v.weight) s += w;
    return s;
  };
  for (size_t k = 0; k < n; ++k) {
    for (NameSpan& sp : (*spans)[k]) {
      NameKey(sentences[k], sp.first, sp.last, &key);
      const Vote& v = votes[key];
      const int best = winner(v);
      if (best == static_cast<int>(sp.type) || !(v.weight[best] > v.weight[static_cast<int>(sp.type)])) continue;
      sp.type = static_cast<NameType>(best);
      sp.score = std::min(0.99f, v.weight[best] / total(v) * v.score_sum / v.mentions);
    }
  }
  // Recall: a person, organisation or place name that the document's
  // mentions establish (winning type weight >= kEstablished), and a
  // person's last name, are also found where the sentence tagger missed
  // them: a run of words written the same way that is a whole capitalised
  // run (no capitalised word just before or after) and overlaps no name.
  constexpr float kEstablished = 1.0f;
  std::unordered_map<std::string, std::pair<int, float>> established;  // key -> type, score
  size_t max_words = 0;
  for (size_t k = 0; k < n; ++k) {
    for (const NameSpan& sp : (*spans)[k]) {
      if (sp.type == NameType::kOther) continue;
      NameKey(sentences[k], sp.first, sp.last, &key);
      const Vote& v = votes[key];
      const int best = winner(v);
      if (best == static_cast<int>(NameType::kOther) || v.weight[best] < kEstablished) continue;
      established.emplace(key, std::make_pair(best, std::min(0.99f, v.weight[best] / total(v) * v.score_sum / v.mentions)));
      max_words = std::max<size_t>(max_words, sp.last - sp.first);
      if (sp.type == NameType::kPerson && sp.last - sp.first >= 2) {
        bool all_capitalised = true;
        for (uint32_t w = sp.first; w < sp.last; ++w) all_capitalised = all_capitalised && Capitalised(sentences[k][w]);
        if (!all_capitalised) continue;
        NameKey(sentences[k], sp.last - 1, sp.last, &key);
        auto it = votes.find(key);
        // Not if the word alone is mostly read as another type.
        if (it != votes.end() && winner(it->second) != static_cast<int>(NameType::kPerson)) continue;
        established.emplace(key, std::make_pair(static_cast<int>(NameType::kPerson), sp.score));
      }
    }
  }
  if (established.empty()) return;
  std::vector<bool> taken;
  std::vector<NameSpan> added;
  for (size_t k = 0; k < n; ++k) {
    const auto& words = sentences[k];
    std::vector<NameSpan>& out = (*spans)[k];
    taken.assign(words.size(), false);
    for (const NameSpan& sp : out)
      for (uint32_t w = sp.first; w < sp.last; ++w) taken[w] = true;
    added.clear();
    for (size_t i = 0; i < words.size(); ++i) {
      if (taken[i] || !Capitalised(words[i]) || (i > 0 && Capitalised(words[i - 1]))) continue;
      size_t j = i;
      while (j < words.size() && j - i < max_words && !taken[j] && Capitalised(words[j])) ++j;
      if (j < words.size() && Capitalised(words[j])) continue;  // part of a longer run
      NameKey(words, static_cast<uint32_t>(i), static_cast<uint32_t>(j), &key);
      auto it = established.find(key);
      if (it == established.end()) continue;
      added.push_back(NameSpan{static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                               static_cast<NameType>(it->second.first), it->second.second});
      i = j - 1;
    }
    if (added.empty()) continue;
    out.insert(out.end(), added.begin(), added.end());
    std::sort(out.begin(), out.end(), [](const NameSpan& a, const NameSpan& b) { return a.first < b.first; });
  }
}

}  // namespace newsgraph::extract
