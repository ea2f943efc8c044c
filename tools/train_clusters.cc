// train_clusters: learns hierarchical word clusters from unlabelled text for
// the name tagger's cluster features (docs/names.md, "Word clusters").
//
//   train_clusters --out FILE [--jsonl FILE]... [--conllu FILE-OR-DIR]...
//                  [--min-count N] [--contexts K] [--depth D] [--seed S]
//
// --jsonl reads the "text" field of each JSON Lines record (a top-level key;
// nested "text" keys are not read), tokenised and split into sentences by
// newsgraph's own tokeniser (extract/text.h), so the words look as they will
// at tagging time. --conllu reads the FORM column of CoNLL-U files (a folder:
// its *.conllu files); GUM documents that the name tagger holds out for
// evaluation (name_features::HeldOut over the folder's GUM_* files) are
// skipped, so the clusters never see the test text.
//
// Method: each word seen at least --min-count times (case kept, curly quotes
// normalised as the taggers do) is described by the words to its left and to
// its right (one and two positions away), counted over the --contexts most
// frequent words (and the sentence edges), weighted by positive pointwise
// mutual information (context counts smoothed with the exponent 0.75) and
// scaled to unit length. The words are then split in two by spherical 2-means
// (cosine similarity; 12 iterations from two seeds: a random word and the
// word least like it), and each half again, down to --depth levels or a
// single word: a binary tree like Brown clustering's, whose path ("0110...")
// names a word's cluster at every granularity; the tagger reads prefixes of
// the path. Deterministic for fixed input and --seed.
//
// Output: one line per word, "path<TAB>word<TAB>count", the format of
// Percy Liang's brown-cluster program, sorted by path then word. stderr is
// progress. Exit codes: 0 ok, 2 usage or I/O error.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/name_tagger.h"
#include "extract/pos_tagger.h"
#include "extract/text.h"

namespace {

namespace nf = newsgraph::extract::name_features;

struct Options {
  std::vector<std::string> jsonl, conllu;
  std::string out;
  int min_count = 3;
  int contexts = 1000;
  int depth = 16;
  uint64_t seed = 20240613;
};

// --- A minimal JSON reader: the string value of a top-level key -------------

void SkipSpace(const std::string& s, size_t* i) {
  while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\r' || s[*i] == '\n')) ++*i;
}

void AppendUtf8(uint32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Parses a JSON string at s[*i] == '"'; false on malformed input.
bool ParseString(const std::string& s, size_t* i, std::string* out) {
  out->clear();
  if (*i >= s.size() || s[*i] != '"') return false;
  ++*i;
  auto hex4 = [&](size_t at, uint32_t* v) {
    if (at + 4 > s.size()) return false;
    *v = 0;
    for (size_t k = at; k < at + 4; ++k) {
      const char c = s[k];
      *v <<= 4;
      if (c >= '0' && c <= '9') *v |= c - '0';
      else if (c >= 'a' && c <= 'f') *v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') *v |= c - 'A' + 10;
      else return false;
    }
    return true;
  };
  while (*i < s.size()) {
    const char c = s[(*i)++];
    if (c == '"') return true;
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (*i >= s.size()) return false;
    const char e = s[(*i)++];
    switch (e) {
      case 'n': out->push_back('\n'); break;
      case 't': out->push_back('\t'); break;
      case 'r': out->push_back('\r'); break;
      case 'b': case 'f': out->push_back(' '); break;
      case 'u': {
        uint32_t v;
        if (!hex4(*i, &v)) return false;
        *i += 4;
        if (v >= 0xD800 && v < 0xDC00 && *i + 6 <= s.size() && s[*i] == '\\' && s[*i + 1] == 'u') {
          uint32_t lo;
          if (hex4(*i + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            *i += 6;
          }
        }
        if (v >= 0xD800 && v < 0xE000) v = 0xFFFD;
        AppendUtf8(v, out);
        break;
      }
      default: out->push_back(e);
    }
  }
  return false;
}

// Skips any JSON value at s[*i].
bool SkipValue(const std::string& s, size_t* i) {
  SkipSpace(s, i);
  if (*i >= s.size()) return false;
  std::string tmp;
  if (s[*i] == '"') return ParseString(s, i, &tmp);
  if (s[*i] == '{' || s[*i] == '[') {
    int depth = 0;
    while (*i < s.size()) {
      const char c = s[*i];
      if (c == '"') {
        if (!ParseString(s, i, &tmp)) return false;
        continue;
      }
      ++*i;
      if (c == '{' || c == '[') ++depth;
      else if ((c == '}' || c == ']') && --depth == 0) return true;
    }
    return false;
  }
  while (*i < s.size() && s[*i] != ',' && s[*i] != '}' && s[*i] != ']') ++*i;
  return true;
}

// The string value of top-level key `key` of a JSON object line.
bool TopLevelString(const std::string& line, const std::string& key, std::string* value) {
  size_t i = 0;
  SkipSpace(line, &i);
  if (i >= line.size() || line[i] != '{') return false;
  ++i;
  std::string k;
  for (;;) {
    SkipSpace(line, &i);
    if (i < line.size() && line[i] == '}') return false;
    if (!ParseString(line, &i, &k)) return false;
    SkipSpace(line, &i);
    if (i >= line.size() || line[i] != ':') return false;
    ++i;
    SkipSpace(line, &i);
    if (k == key && i < line.size() && line[i] == '"') return ParseString(line, &i, value);
    if (!SkipValue(line, &i)) return false;
    SkipSpace(line, &i);
    if (i < line.size() && line[i] == ',') ++i;
    else return false;
  }
}

// --- Corpus ---------------------------------------------------------------------

struct Corpus {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> words;
  std::vector<uint64_t> counts;
  std::vector<std::vector<uint32_t>> sentences;
  uint64_t tokens = 0;

  void Add(const std::vector<std::string>& sentence) {
    std::vector<uint32_t> s;
    std::string buf;
    for (const std::string& w : sentence) {
      const std::string norm(newsgraph::extract::pos_features::Normalize(w, &buf));
      auto [it, inserted] = ids.emplace(norm, static_cast<uint32_t>(words.size()));
      if (inserted) {
        words.push_back(norm);
        counts.push_back(0);
      }
      ++counts[it->second];
      s.push_back(it->second);
    }
    tokens += s.size();
    if (!s.empty()) sentences.push_back(std::move(s));
  }
};

bool ReadJsonl(const std::string& path, Corpus* c, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::string line, text;
  std::vector<newsgraph::extract::Token> toks;
  std::vector<newsgraph::extract::SentenceBounds> sents;
  size_t records = 0, skipped = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (!TopLevelString(line, "text", &text)) {
      ++skipped;
      continue;
    }
    ++records;
    newsgraph::extract::Tokenize(text, &toks);
    newsgraph::extract::SplitSentences(text, &toks, &sents);
    for (const auto& sb : sents) {
      std::vector<std::string> words;
      for (uint32_t t = sb.first; t < sb.last; ++t) words.emplace_back(text.substr(toks[t].begin, toks[t].end - toks[t].begin));
      c->Add(words);
    }
  }
  std::cerr << "train_clusters: " << path << ": " << records << " records";
  if (skipped) std::cerr << " (" << skipped << " lines without a \"text\" string skipped)";
  std::cerr << "\n";
  return true;
}

bool ReadConllu(const std::string& path, Corpus* c, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::vector<std::string> words;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      c->Add(words);
      words.clear();
      continue;
    }
    if (line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    const std::string id = line.substr(0, t1);
    if (id.find_first_of("-.") != std::string::npos) continue;
    const size_t t2 = line.find('\t', t1 + 1);
    words.push_back(line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1));
  }
  c->Add(words);
  return true;
}

bool ReadConlluArg(const std::string& arg, Corpus* c, std::string* error) {
  if (!std::filesystem::is_directory(arg)) return ReadConllu(arg, c, error);
  std::vector<std::string> paths, names;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(arg, ec)) {
    const std::string p = e.path().string();
    if (p.size() > 7 && p.substr(p.size() - 7) == ".conllu") paths.push_back(p);
  }
  if (ec) {
    *error = arg + ": " + ec.message();
    return false;
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) names.push_back(std::filesystem::path(p).stem().string());
  // The name tagger's held-out GUM documents stay unseen.
  std::vector<std::string> gum;
  for (const auto& n : names)
    if (n.rfind("GUM_", 0) == 0) gum.push_back(n);
  const std::vector<bool> held_gum = nf::HeldOut(gum);
  size_t read = 0, held = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    const auto it = std::find(gum.begin(), gum.end(), names[i]);
    if (it != gum.end() && held_gum[it - gum.begin()]) {
      ++held;
      continue;
    }
    if (!ReadConllu(paths[i], c, error)) return false;
    ++read;
  }
  std::cerr << "train_clusters: " << arg << ": " << read << " files read, " << held
            << " held-out GUM documents skipped\n";
  return true;
}

// --- Vectors and bisecting spherical 2-means -------------------------------------

struct Sparse {
  std::vector<std::pair<uint32_t, float>> e;  // sorted by index, unit length
};

std::vector<Sparse> ContextVectors(const Corpus& c, const std::vector<uint32_t>& vocab, int k_contexts) {
  // Context words: the k most frequent words; index k stands for the edge
  // of the sentence. Four positions: -2, -1, +1, +2.
  std::vector<uint32_t> by_freq(c.words.size());
  for (uint32_t i = 0; i < by_freq.size(); ++i) by_freq[i] = i;
  std::sort(by_freq.begin(), by_freq.end(), [&](uint32_t a, uint32_t b) {
    return c.counts[a] != c.counts[b] ? c.counts[a] > c.counts[b] : c.words[a] < c.words[b];
  });
  const uint32_t k = static_cast<uint32_t>(std::min<size_t>(k_contexts, by_freq.size()));
  std::vector<int32_t> ctx(c.words.size(), -1);
  for (uint32_t i = 0; i < k; ++i) ctx[by_freq[i]] = static_cast<int32_t>(i);
  std::vector<int32_t> row(c.words.size(), -1);
  for (uint32_t r = 0; r < vocab.size(); ++r) row[vocab[r]] = static_cast<int32_t>(r);
  const uint32_t dims = 4 * (k + 1);
  std::vector<std::unordered_map<uint32_t, float>> counts(vocab.size());
  std::vector<double> ctx_total(dims, 0.0);
  double total = 0;
  for (const auto& s : c.sentences) {
    const long n = static_cast<long>(s.size());
    for (long i = 0; i < n; ++i) {
      const int32_t r = row[s[i]];
      if (r < 0) continue;
      const long offsets[4] = {-2, -1, 1, 2};
      for (int p = 0; p < 4; ++p) {
        const long j = i + offsets[p];
        int32_t cw;
        if (j < 0 || j >= n) cw = static_cast<int32_t>(k);
        else cw = ctx[s[j]];
        if (cw < 0) continue;
        const uint32_t d = p * (k + 1) + static_cast<uint32_t>(cw);
        counts[r][d] += 1.0f;
        ctx_total[d] += 1.0;
        total += 1.0;
      }
    }
  }
  // Context distribution smoothed with exponent 0.75 (Levy et al. 2015).
  std::vector<double> ctx_p(dims, 0.0);
  double z = 0;
  for (uint32_t d = 0; d < dims; ++d) z += std::pow(ctx_total[d], 0.75);
  for (uint32_t d = 0; d < dims; ++d) ctx_p[d] = z > 0 ? std::pow(ctx_total[d], 0.75) / z : 0;
  std::vector<Sparse> out(vocab.size());
  for (uint32_t r = 0; r < vocab.size(); ++r) {
    double word_total = 0;
    for (const auto& [d, v] : counts[r]) word_total += v;
    double norm = 0;
    for (const auto& [d, v] : counts[r]) {
      const double pmi = std::log((v / word_total) / ctx_p[d]);
      if (pmi <= 0) continue;
      out[r].e.emplace_back(d, static_cast<float>(pmi));
      norm += pmi * pmi;
    }
    std::sort(out[r].e.begin(), out[r].e.end());
    norm = std::sqrt(norm);
    for (auto& [d, v] : out[r].e) v = static_cast<float>(v / (norm > 0 ? norm : 1));
  }
  return out;
}

float Dot(const Sparse& x, const std::vector<float>& dense) {
  float s = 0;
  for (const auto& [d, v] : x.e) s += v * dense[d];
  return s;
}

class Bisector {
 public:
  Bisector(const std::vector<Sparse>& vecs, size_t dims, int max_depth, uint64_t seed)
      : vecs_(vecs), dims_(dims), max_depth_(max_depth), rng_(seed), paths_(vecs.size()) {}

  void Run() {
    std::vector<uint32_t> all(vecs_.size());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    Split(all, "");
  }
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  void Centroid(const std::vector<uint32_t>& members, std::vector<float>* c) const {
    c->assign(dims_, 0.0f);
    for (uint32_t m : members)
      for (const auto& [d, v] : vecs_[m].e) (*c)[d] += v;
    double norm = 0;
    for (float v : *c) norm += double{v} * v;
    norm = std::sqrt(norm);
    if (norm > 0)
      for (float& v : *c) v = static_cast<float>(v / norm);
  }

  void Split(std::vector<uint32_t> members, const std::string& path) {
    if (members.size() <= 1 || static_cast<int>(path.size()) >= max_depth_) {
      for (uint32_t m : members) paths_[m] = path.empty() ? "0" : path;
      return;
    }
    // Seeds: a random member and the member least like it.
    std::vector<float> c0(dims_, 0.0f), c1(dims_, 0.0f);
    const uint32_t a = members[rng_() % members.size()];
    for (const auto& [d, v] : vecs_[a].e) c0[d] = v;
    uint32_t b = a;
    float worst = 2;
    for (uint32_t m : members) {
      const float s = Dot(vecs_[m], c0);
      if (m != a && s < worst) {
        worst = s;
        b = m;
      }
    }
    for (const auto& [d, v] : vecs_[b].e) c1[d] = v;
    std::vector<uint8_t> side(members.size(), 0);
    for (int it = 0; it < 12; ++it) {
      bool changed = false;
      std::vector<uint32_t> left, right;
      for (size_t k = 0; k < members.size(); ++k) {
        const uint8_t s = Dot(vecs_[members[k]], c1) > Dot(vecs_[members[k]], c0) ? 1 : 0;
        changed |= s != side[k] || it == 0;
        side[k] = s;
        (s ? right : left).push_back(members[k]);
      }
      if (left.empty() || right.empty()) break;
      if (!changed) break;
      Centroid(left, &c0);
      Centroid(right, &c1);
    }
    std::vector<uint32_t> left, right;
    for (size_t k = 0; k < members.size(); ++k) (side[k] ? right : left).push_back(members[k]);
    if (left.empty() || right.empty()) {
      // Identical vectors: split arbitrarily in halves (rare, tiny sets).
      left.assign(members.begin(), members.begin() + members.size() / 2);
      right.assign(members.begin() + members.size() / 2, members.end());
    }
    members.clear();
    members.shrink_to_fit();
    Split(std::move(left), path + "0");
    Split(std::move(right), path + "1");
  }

  const std::vector<Sparse>& vecs_;
  size_t dims_;
  int max_depth_;
  std::mt19937_64 rng_;
  std::vector<std::string> paths_;
};

void Usage() {
  std::cerr << "usage: train_clusters --out FILE [--jsonl FILE]... [--conllu FILE-OR-DIR]...\n"
               "                      [--min-count N] [--contexts K] [--depth D] [--seed S]\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw std::invalid_argument(a);
        return argv[++i];
      };
      if (a == "--out") o.out = value();
      else if (a == "--jsonl") o.jsonl.push_back(value());
      else if (a == "--conllu") o.conllu.push_back(value());
      else if (a == "--min-count") o.min_count = std::stoi(value());
      else if (a == "--contexts") o.contexts = std::stoi(value());
      else if (a == "--depth") o.depth = std::stoi(value());
      else if (a == "--seed") o.seed = std::stoull(value());
      else if (a == "--help" || a == "-h") {
        Usage();
        return 0;
      } else {
        throw std::invalid_argument(a);
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "train_clusters: bad or incomplete argument " << e.what() << "\n";
    Usage();
    return 2;
  }
  if (o.out.empty() || (o.jsonl.empty() && o.conllu.empty()) || o.min_count < 1 || o.contexts < 1 || o.depth < 1 ||
      o.depth > 64) {
    Usage();
    return 2;
  }
  Corpus corpus;
  std::string error;
  for (const auto& p : o.jsonl)
    if (!ReadJsonl(p, &corpus, &error)) {
      std::cerr << "train_clusters: " << error << "\n";
      return 2;
    }
  for (const auto& p : o.conllu)
    if (!ReadConlluArg(p, &corpus, &error)) {
      std::cerr << "train_clusters: " << error << "\n";
      return 2;
    }
  std::vector<uint32_t> vocab;
  for (uint32_t i = 0; i < corpus.words.size(); ++i)
    if (corpus.counts[i] >= static_cast<uint64_t>(o.min_count)) vocab.push_back(i);
  std::cerr << "train_clusters: " << corpus.sentences.size() << " sentences, " << corpus.tokens << " tokens, "
            << corpus.words.size() << " word types, " << vocab.size() << " seen at least " << o.min_count
            << " times\n";
  if (vocab.empty()) {
    std::cerr << "train_clusters: no word is frequent enough\n";
    return 2;
  }
  const std::vector<Sparse> vecs = ContextVectors(corpus, vocab, o.contexts);
  const size_t dims = 4 * (std::min<size_t>(o.contexts, corpus.words.size()) + 1);
  Bisector bisector(vecs, dims, o.depth, o.seed);
  bisector.Run();
  std::vector<size_t> order(vocab.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto& paths = bisector.paths();
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return paths[a] != paths[b] ? paths[a] < paths[b] : corpus.words[vocab[a]] < corpus.words[vocab[b]];
  });
  std::ofstream out(o.out, std::ios::binary);
  if (!out) {
    std::cerr << "train_clusters: " << o.out << ": cannot write\n";
    return 2;
  }
  for (size_t r : order) {
    const std::string& w = corpus.words[vocab[r]];
    if (w.find_first_of("\t\n\r ") != std::string::npos) continue;
    out << paths[r] << '\t' << w << '\t' << corpus.counts[vocab[r]] << '\n';
  }
  if (!out.flush()) {
    std::cerr << "train_clusters: " << o.out << ": write failed\n";
    return 2;
  }
  std::cerr << "train_clusters: wrote " << o.out << " (" << vocab.size() << " words)\n";
  return 0;
}
