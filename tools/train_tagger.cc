// train_tagger: trains, evaluates and tries out the UPOS tagger
// (extract/pos_tagger.h) on CoNLL-U treebanks such as UD English EWT.
//
//   train_tagger --train TRAIN.conllu --dev DEV.conllu [--iterations N] --out MODEL
//   train_tagger --eval TEST.conllu --model MODEL
//   train_tagger --tag --model MODEL < sentences.txt   (one tokenised sentence a line)
//
// Training is a greedy averaged perceptron with the feature set of
// pos_features, a tag dictionary for frequent unambiguous words, and a few
// augmented copies of training sentences (ALL CAPS, headline Title Case,
// hyphenated compounds joined into one token as the project's tokenizer
// keeps them). The shuffle uses a fixed seed, so retraining on the same
// files gives the same model file. The model with the best dev accuracy
// (after pruning and quantisation) is written.
//
// stdout is data (accuracy, speed); stderr is progress and diagnostics.
// Exit codes: 0 ok, 1 accuracy below --min-accuracy, 2 usage or fatal error.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/pos_tagger.h"

namespace {

using newsgraph::extract::kNumPos;
using newsgraph::extract::Pos;
using newsgraph::extract::PosTagger;
namespace pf = newsgraph::extract::pos_features;

struct Options {
  std::string train, dev, out, eval, model;
  bool tag = false;
  int iterations = 12;
  double prune = 0.0;  // drop averaged weights with |w| below this
  int dict_min_count = 20;
  int amb_min_count = 3;
  double amb_min_share = 0.05;
  double dict_min_ratio = 0.97;
  bool augment = true;
  uint64_t seed = 20240601;
  double min_accuracy = 0;
};

struct Sentence {
  std::vector<std::string> forms;  // normalised (curly quotes -> ASCII)
  std::vector<int> tags;
  std::vector<bool> space_after;
};

// Reads word lines of a CoNLL-U file (skipping multiword-token ranges and
// empty nodes). Returns false with *error "path:line: reason" on bad input.
bool ReadConllu(const std::string& path, std::vector<Sentence>* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::string line, norm;
  Sentence cur;
  int line_no = 0;
  auto flush = [&] {
    if (!cur.forms.empty()) out->push_back(std::move(cur));
    cur = Sentence();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string_view> cols;
    std::string_view rest(line);
    for (;;) {
      const size_t tab = rest.find('\t');
      cols.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (cols.size() != 10) {
      *error = path + ":" + std::to_string(line_no) + ": expected 10 tab-separated columns, got " +
               std::to_string(cols.size());
      return false;
    }
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;
    Pos p;
    if (!newsgraph::extract::ParsePos(cols[3], &p)) {
      *error = path + ":" + std::to_string(line_no) + ": unknown UPOS \"" + std::string(cols[3]) + "\"";
      return false;
    }
    cur.forms.emplace_back(pf::Normalize(cols[1], &norm));
    cur.tags.push_back(static_cast<int>(p));
    cur.space_after.push_back(cols[9].find("SpaceAfter=No") == std::string_view::npos);
  }
  flush();
  return true;
}

// ---------------------------------------------------------------------------
// Augmentation.

bool IsWordLike(const std::string& w) {
  for (unsigned char c : w)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}

// "search" "-" "engine" (no spaces) -> "search-engine" tagged like its last part.
bool JoinHyphens(const Sentence& s, Sentence* out) {
  bool joined = false;
  *out = Sentence();
  for (size_t i = 0; i < s.forms.size(); ++i) {
    std::string form = s.forms[i];
    int tag = s.tags[i];
    bool space = s.space_after[i];
    size_t j = i;
    while (IsWordLike(s.forms[j]) && !s.space_after[j] && j + 2 < s.forms.size() &&
           s.forms[j + 1] == "-" && !s.space_after[j + 1] && IsWordLike(s.forms[j + 2])) {
      form += "-" + s.forms[j + 2];
      tag = s.tags[j + 2];
      space = s.space_after[j + 2];
      j += 2;
      joined = true;
    }
    out->forms.push_back(form);
    out->tags.push_back(tag);
    out->space_after.push_back(space);
    i = j;
  }
  return joined;
}

Sentence Upper(const Sentence& s) {
  Sentence u = s;
  for (auto& f : u.forms)
    for (auto& c : f) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

// Headline style: every word capitalised except short function words.
Sentence Title(const Sentence& s) {
  static const char* kSmall[] = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at",
                                 "to", "for", "by", "with", "as", "from"};
  Sentence u = s;
  for (size_t i = 0; i < u.forms.size(); ++i) {
    auto& f = u.forms[i];
    if (i > 0 && std::find_if(std::begin(kSmall), std::end(kSmall),
                              [&](const char* w) { return f == w; }) != std::end(kSmall))
      continue;
    if (!f.empty()) f[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(f[0])));
  }
  return u;
}

// ---------------------------------------------------------------------------
// Averaged perceptron over hashed features.

class Perceptron {
 public:
  int Find(uint64_t key) const {
    auto it = ids_.find(key);
    return it == ids_.end() ? -1 : static_cast<int>(it->second);
  }
  uint32_t Id(uint64_t key) {
    auto [it, inserted] = ids_.emplace(key, static_cast<uint32_t>(keys_.size()));
    if (inserted) {
      keys_.push_back(key);
      w_.resize(w_.size() + kNumPos, 0.0f);
      total_.resize(total_.size() + kNumPos, 0.0);
      stamp_.resize(stamp_.size() + kNumPos, 0);
    }
    return it->second;
  }
  void Add(int id, float* score) const {
    if (id < 0) return;
    const float* row = &w_[static_cast<size_t>(id) * kNumPos];
    for (int t = 0; t < kNumPos; ++t) score[t] += row[t];
  }
  void Tick() { ++now_; }
  void Update(uint32_t id, int tag, float delta) {
    const size_t i = static_cast<size_t>(id) * kNumPos + tag;
    total_[i] += static_cast<double>(now_ - stamp_[i]) * w_[i];
    stamp_[i] = now_;
    w_[i] += delta;
  }
  // Averaged weights, in key order.
  void Averaged(std::vector<std::pair<uint64_t, std::vector<double>>>* out) const {
    out->clear();
    for (size_t f = 0; f < keys_.size(); ++f) {
      std::vector<double> row(kNumPos);
      for (int t = 0; t < kNumPos; ++t) {
        const size_t i = f * kNumPos + t;
        row[t] = (total_[i] + static_cast<double>(now_ - stamp_[i]) * w_[i]) / std::max<int64_t>(1, now_);
      }
      out->emplace_back(keys_[f], std::move(row));
    }
    std::sort(out->begin(), out->end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }

 private:
  std::unordered_map<uint64_t, uint32_t> ids_;
  std::vector<uint64_t> keys_;
  std::vector<float> w_;
  std::vector<double> total_;
  std::vector<int64_t> stamp_;
  int64_t now_ = 0;
};

// A sentence with its tag-independent feature ids precomputed.
struct Prepared {
  const Sentence* s;
  std::vector<uint32_t> ids;      // flattened
  std::vector<uint32_t> offsets;  // token i: ids[offsets[i] .. offsets[i+1])
  std::vector<uint64_t> lower;    // LowerHash per token
  std::vector<int> fixed;         // tag-dictionary tag or -1
};

using AmbDict = std::unordered_map<std::string, uint32_t>;

// Same rule as PosTagger: the word's own class, else its lowercase form's, else 0.
uint32_t AmbiguityClass(const AmbDict& amb, std::string_view w) {
  auto it = amb.find(std::string(w));
  if (it != amb.end() && it->second != 0) return it->second;
  std::string lower(w);
  bool changed = false;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
      changed = true;
    }
  if (!changed) return 0;
  it = amb.find(lower);
  return it == amb.end() ? 0 : it->second;
}

void StaticKeys(const Sentence& s, size_t i, const AmbDict& amb, std::vector<uint64_t>* keys) {
  const size_t n = s.forms.size();
  auto at = [&](long j) -> std::string_view {
    if (j < 0) return pf::kBeginWord;
    if (j >= static_cast<long>(n)) return pf::kEndWord;
    return s.forms[j];
  };
  const long li = static_cast<long>(i);
  auto cls = [&](long j) -> uint32_t { return j < 0 || j >= static_cast<long>(n) ? 0 : AmbiguityClass(amb, s.forms[j]); };
  pf::WordKeys(at(li), cls(li), pf::Role::kSelf, keys);
  pf::WordKeys(at(li - 1), cls(li - 1), pf::Role::kPrev1, keys);
  pf::WordKeys(at(li - 2), cls(li - 2), pf::Role::kPrev2, keys);
  pf::WordKeys(at(li + 1), cls(li + 1), pf::Role::kNext1, keys);
  pf::WordKeys(at(li + 2), cls(li + 2), pf::Role::kNext2, keys);
  if (i == 0) keys->push_back(pf::InitialKey(s.forms[0]));
  const uint64_t lower = pf::LowerHash(at(li));
  keys->push_back(pf::LeftBigramKey(pf::LowerHash(at(li - 1)), lower));
  keys->push_back(pf::RightBigramKey(lower, pf::LowerHash(at(li + 1))));
}

using TagDict = std::unordered_map<std::string, int>;

AmbDict BuildAmbDict(const std::vector<Sentence>& train, const Options& o) {
  std::map<std::string, std::vector<int>> counts;
  for (const auto& s : train)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      auto& c = counts[s.forms[i]];
      if (c.empty()) c.assign(kNumPos, 0);
      ++c[s.tags[i]];
    }
  AmbDict amb;
  for (const auto& [form, c] : counts) {
    int total = 0;
    for (int t = 0; t < kNumPos; ++t) total += c[t];
    if (total < o.amb_min_count || form.size() > 255) continue;
    uint32_t mask = 0;
    for (int t = 0; t < kNumPos; ++t)
      if (c[t] >= o.amb_min_share * total) mask |= 1u << t;
    amb[form] = mask;
  }
  return amb;
}

TagDict BuildTagDict(const std::vector<Sentence>& train, const Options& o) {
  std::map<std::string, std::vector<int>> counts;
  for (const auto& s : train)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      auto& c = counts[s.forms[i]];
      if (c.empty()) c.assign(kNumPos, 0);
      ++c[s.tags[i]];
    }
  TagDict dict;
  for (const auto& [form, c] : counts) {
    int total = 0, best = 0;
    for (int t = 0; t < kNumPos; ++t) {
      total += c[t];
      if (c[t] > c[best]) best = t;
    }
    if (total >= o.dict_min_count && c[best] >= o.dict_min_ratio * total) dict[form] = best;
  }
  return dict;
}

// Serialises averaged weights as a model file (format in docs/tagger.md).
bool WriteModel(const std::string& path, const Perceptron& p, const std::vector<std::string>& vocab,
                const TagDict& dict, const AmbDict& amb, const Options& o, size_t* n_written, std::string* error) {
  std::vector<std::pair<uint64_t, std::vector<double>>> avg;
  p.Averaged(&avg);
  double max_abs = 0;
  for (const auto& [k, row] : avg)
    for (double w : row) max_abs = std::max(max_abs, std::abs(w));
  const double scale = max_abs > 0 ? max_abs / 32000.0 : 1.0;
  std::string body;
  size_t n_features = 0;
  std::string feat;
  for (const auto& [k, row] : avg) {
    feat.clear();
    int nnz = 0;
    for (int t = 0; t < kNumPos; ++t) {
      if (std::abs(row[t]) < o.prune) continue;
      const long q = std::lround(row[t] / scale);
      if (q == 0) continue;
      const auto u = static_cast<uint16_t>(static_cast<int16_t>(q));
      feat.push_back(static_cast<char>(t));
      feat.push_back(static_cast<char>(u & 0xff));
      feat.push_back(static_cast<char>(u >> 8));
      ++nnz;
    }
    if (nnz == 0) continue;
    for (int b = 0; b < 8; ++b) body.push_back(static_cast<char>((k >> (8 * b)) & 0xff));
    body.push_back(static_cast<char>(nnz));
    body += feat;
    ++n_features;
  }
  std::string vocab_bytes;
  size_t n_vocab = 0;
  for (const auto& w : vocab) {
    if (w.size() > 255) continue;
    vocab_bytes.push_back(static_cast<char>(w.size()));
    vocab_bytes += w;
    auto it = dict.find(w);
    vocab_bytes.push_back(static_cast<char>(it == dict.end() ? 0xff : it->second));
    auto a = amb.find(w);
    const uint32_t mask = a == amb.end() ? 0 : a->second;
    for (int b = 0; b < 3; ++b) vocab_bytes.push_back(static_cast<char>((mask >> (8 * b)) & 0xff));
    ++n_vocab;
  }
  char scale_buf[64];
  std::snprintf(scale_buf, sizeof scale_buf, "%.9g", scale);
  std::string header = std::string(pf::kFormatName) + " " + std::to_string(pf::kFormatVersion) + "\n";
  header +=
      "# Greedy averaged-perceptron UPOS tagger for newsgraph (extract/pos_tagger.h).\n"
      "# Trained from Universal Dependencies English EWT r2.16; licensed CC BY-SA 4.0\n"
      "# like the treebank. See extract/models/README.md and docs/tagger.md.\n"
      "tags";
  for (int t = 0; t < kNumPos; ++t) header += std::string(" ") + newsgraph::extract::PosName(static_cast<Pos>(t));
  header += "\nscale " + std::string(scale_buf) + "\nvocab " + std::to_string(n_vocab) +
            "\nfeatures " + std::to_string(n_features) + "\ndata\n";
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << header << vocab_bytes << body;
    if (!out.flush()) {
      *error = tmp + ": write failed";
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = path + ": cannot rename " + tmp;
    return false;
  }
  *n_written = n_features;
  return true;
}

volatile size_t g_sink = 0;  // keeps the timed loop from being optimised away

struct EvalResult {
  size_t tokens = 0, correct = 0;
  double seconds = 0;
  std::vector<size_t> gold_count = std::vector<size_t>(kNumPos), gold_correct = std::vector<size_t>(kNumPos);
  double accuracy() const { return tokens ? static_cast<double>(correct) / tokens : 0; }
};

// Tags every sentence with the loaded tagger; times `passes` runs and keeps the fastest.
EvalResult Evaluate(const PosTagger& tagger, const std::vector<Sentence>& sents, int passes) {
  std::vector<std::vector<std::string_view>> words(sents.size());
  for (size_t i = 0; i < sents.size(); ++i)
    for (const auto& f : sents[i].forms) words[i].push_back(f);
  EvalResult r;
  std::vector<Pos> tags;
  r.seconds = 1e30;
  for (int pass = 0; pass < passes; ++pass) {
    const auto t0 = std::chrono::steady_clock::now();
    size_t sink = 0;
    for (const auto& w : words) {
      tagger.Tag(w, &tags);
      sink += tags.empty() ? 0 : static_cast<size_t>(tags[0]);
    }
    const auto t1 = std::chrono::steady_clock::now();
    g_sink = g_sink + sink;
    r.seconds = std::min(r.seconds, std::chrono::duration<double>(t1 - t0).count());
  }
  for (size_t i = 0; i < sents.size(); ++i) {
    tagger.Tag(words[i], &tags);
    for (size_t j = 0; j < tags.size(); ++j) {
      const int gold = sents[i].tags[j];
      ++r.tokens;
      ++r.gold_count[gold];
      if (static_cast<int>(tags[j]) == gold) {
        ++r.correct;
        ++r.gold_correct[gold];
      }
    }
  }
  return r;
}

int Train(const Options& o) {
  std::string error;
  std::vector<Sentence> train, dev;
  if (!ReadConllu(o.train, &train, &error) || !ReadConllu(o.dev, &dev, &error)) {
    std::cerr << "train_tagger: " << error << "\n";
    return 2;
  }
  const TagDict dict = BuildTagDict(train, o);
  const AmbDict amb = BuildAmbDict(train, o);
  std::vector<std::string> vocab;
  {
    std::map<std::string, int> seen;
    for (const auto& s : train)
      for (const auto& f : s.forms) ++seen[f];
    for (const auto& [f, c] : seen) vocab.push_back(f);
  }
  std::mt19937_64 rng(o.seed);
  std::vector<Sentence> extra;
  if (o.augment) {
    Sentence joined;
    for (const auto& s : train) {
      if (JoinHyphens(s, &joined)) extra.push_back(joined);
      const uint64_t r = rng() % 1000;
      if (r < 50) extra.push_back(Upper(s));
      else if (r < 100) extra.push_back(Title(s));
    }
  }
  std::cerr << "train_tagger: " << train.size() << " training sentences (+" << extra.size()
            << " augmented), " << dev.size() << " dev sentences, tag dictionary " << dict.size()
            << " words, vocabulary " << vocab.size() << "\n";

  Perceptron model;
  std::vector<Prepared> data;
  std::vector<uint64_t> keys;
  auto prepare = [&](const Sentence& s) {
    Prepared p;
    p.s = &s;
    for (size_t i = 0; i < s.forms.size(); ++i) {
      p.offsets.push_back(static_cast<uint32_t>(p.ids.size()));
      keys.clear();
      StaticKeys(s, i, amb, &keys);
      for (uint64_t k : keys) p.ids.push_back(model.Id(k));
      p.lower.push_back(pf::LowerHash(s.forms[i]));
      auto it = dict.find(s.forms[i]);
      p.fixed.push_back(it == dict.end() ? -1 : it->second);
    }
    p.offsets.push_back(static_cast<uint32_t>(p.ids.size()));
    data.push_back(std::move(p));
  };
  for (const auto& s : train) prepare(s);
  for (const auto& s : extra) prepare(s);
  uint32_t prev_tag_id[kNumPos + 1], prev_two_id[(kNumPos + 1) * (kNumPos + 1)];
  for (int a = 0; a <= kNumPos; ++a) {
    prev_tag_id[a] = model.Id(pf::PrevTagKey(a));
    for (int b = 0; b <= kNumPos; ++b) prev_two_id[a * (kNumPos + 1) + b] = model.Id(pf::PrevTwoTagsKey(a, b));
  }

  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  double best_dev = -1;
  int best_iter = 0;
  const std::string candidate = o.out + ".candidate";
  for (int iter = 1; iter <= o.iterations; ++iter) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t tokens = 0, correct = 0;
    for (size_t idx : order) {
      const Prepared& p = data[idx];
      int p1 = pf::kStartTag, p2 = pf::kStartTag;
      for (size_t i = 0; i < p.s->forms.size(); ++i) {
        const int gold = p.s->tags[i];
        int guess = p.fixed[i];
        if (guess < 0) {
          float score[kNumPos] = {};
          for (uint32_t j = p.offsets[i]; j < p.offsets[i + 1]; ++j) model.Add(static_cast<int>(p.ids[j]), score);
          model.Add(static_cast<int>(prev_tag_id[p1]), score);
          model.Add(static_cast<int>(prev_two_id[p2 * (kNumPos + 1) + p1]), score);
          const uint64_t pair = pf::PairKey(p.lower[i], p1);
          model.Add(model.Find(pair), score);
          guess = 0;
          for (int t = 1; t < kNumPos; ++t)
            if (score[t] > score[guess]) guess = t;
          model.Tick();
          if (guess != gold) {
            auto update = [&](uint32_t id) {
              model.Update(id, gold, 1.0f);
              model.Update(id, guess, -1.0f);
            };
            for (uint32_t j = p.offsets[i]; j < p.offsets[i + 1]; ++j) update(p.ids[j]);
            update(prev_tag_id[p1]);
            update(prev_two_id[p2 * (kNumPos + 1) + p1]);
            update(model.Id(pair));
          }
        }
        ++tokens;
        correct += guess == gold;
        p2 = p1;
        p1 = guess;
      }
    }
    size_t n_features = 0;
    if (!WriteModel(candidate, model, vocab, dict, amb, o, &n_features, &error)) {
      std::cerr << "train_tagger: " << error << "\n";
      return 2;
    }
    auto tagger = PosTagger::Load(candidate, &error);
    if (!tagger) {
      std::cerr << "train_tagger: reloading the model failed: " << error << "\n";
      return 2;
    }
    const EvalResult r = Evaluate(*tagger, dev, 1);
    std::fprintf(stderr, "iteration %2d: train %.4f  dev %.4f  (%zu features)\n", iter,
                 static_cast<double>(correct) / tokens, r.accuracy(), n_features);
    if (r.accuracy() > best_dev) {
      best_dev = r.accuracy();
      best_iter = iter;
      if (std::rename(candidate.c_str(), o.out.c_str()) != 0) {
        std::cerr << "train_tagger: cannot write " << o.out << "\n";
        return 2;
      }
    }
  }
  std::remove(candidate.c_str());
  std::printf("model\t%s\nbest_iteration\t%d\ndev_accuracy\t%.4f\n", o.out.c_str(), best_iter, best_dev);
  return 0;
}

int Eval(const Options& o) {
  std::string error;
  auto tagger = PosTagger::Load(o.model, &error);
  if (!tagger) {
    std::cerr << "train_tagger: " << error << "\n";
    return 2;
  }
  std::vector<Sentence> test;
  if (!ReadConllu(o.eval, &test, &error)) {
    std::cerr << "train_tagger: " << error << "\n";
    return 2;
  }
  const EvalResult r = Evaluate(*tagger, test, 10);
  std::printf("file\t%s\nsentences\t%zu\ntokens\t%zu\naccuracy\t%.4f\ntokens_per_second\t%.0f\n",
              o.eval.c_str(), test.size(), r.tokens, r.accuracy(), r.tokens / r.seconds);
  for (int t = 0; t < kNumPos; ++t)
    if (r.gold_count[t])
      std::printf("recall_%s\t%.4f\t%zu\n", newsgraph::extract::PosName(static_cast<Pos>(t)),
                  static_cast<double>(r.gold_correct[t]) / r.gold_count[t], r.gold_count[t]);
  return r.accuracy() < o.min_accuracy ? 1 : 0;
}

int TagStdin(const Options& o) {
  std::string error;
  auto tagger = PosTagger::Load(o.model, &error);
  if (!tagger) {
    std::cerr << "train_tagger: " << error << "\n";
    return 2;
  }
  std::string line;
  std::vector<std::string> tokens;
  std::vector<std::string_view> words;
  std::vector<Pos> tags;
  while (std::getline(std::cin, line)) {
    tokens.clear();
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && line[i] == ' ') ++i;
      const size_t j = std::min(line.find(' ', i), line.size());
      if (j > i) tokens.push_back(line.substr(i, j - i));
      i = j;
    }
    words.assign(tokens.begin(), tokens.end());
    tagger->Tag(words, &tags);
    for (size_t k = 0; k < tags.size(); ++k)
      std::printf("%s%s/%s", k ? " " : "", tokens[k].c_str(), newsgraph::extract::PosName(tags[k]));
    std::printf("\n");
  }
  return 0;
}

void Usage() {
  std::cerr << "usage:\n"
               "  train_tagger --train TRAIN.conllu --dev DEV.conllu [--iterations N] --out MODEL\n"
               "               [--prune W] [--dict-min-count N] [--dict-min-ratio R] [--no-augment] [--seed S]\n"
               "               [--amb-min-count N] [--amb-min-share S]\n"
               "  train_tagger --eval TEST.conllu --model MODEL [--min-accuracy A]\n"
               "  train_tagger --tag --model MODEL < one-tokenised-sentence-per-line.txt\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](std::string* v) {
      if (i + 1 >= argc) return false;
      *v = argv[++i];
      return true;
    };
    std::string v;
    bool ok = true;
    try {
      if (a == "--train") ok = value(&o.train);
      else if (a == "--dev") ok = value(&o.dev);
      else if (a == "--out") ok = value(&o.out);
      else if (a == "--eval") ok = value(&o.eval);
      else if (a == "--model") ok = value(&o.model);
      else if (a == "--tag") o.tag = true;
      else if (a == "--no-augment") o.augment = false;
      else if (a == "--iterations") ok = value(&v) && (o.iterations = std::stoi(v)) > 0;
      else if (a == "--prune") ok = value(&v) && (o.prune = std::stod(v)) >= 0;
      else if (a == "--dict-min-count") ok = value(&v) && (o.dict_min_count = std::stoi(v)) > 0;
      else if (a == "--dict-min-ratio") ok = value(&v) && (o.dict_min_ratio = std::stod(v)) > 0;
      else if (a == "--amb-min-count") ok = value(&v) && (o.amb_min_count = std::stoi(v)) > 0;
      else if (a == "--amb-min-share") ok = value(&v) && (o.amb_min_share = std::stod(v)) > 0;
      else if (a == "--seed") ok = value(&v) && ((o.seed = std::stoull(v)), true);
      else if (a == "--min-accuracy") ok = value(&v) && ((o.min_accuracy = std::stod(v)), true);
      else if (a == "--help" || a == "-h") {
        Usage();
        return 0;
      } else ok = false;
    } catch (const std::exception&) {
      ok = false;
    }
    if (!ok) {
      std::cerr << "train_tagger: bad or incomplete argument " << a << "\n";
      Usage();
      return 2;
    }
  }
  if (!o.train.empty() && !o.dev.empty() && !o.out.empty() && o.eval.empty() && !o.tag) return Train(o);
  if (!o.eval.empty() && !o.model.empty() && o.train.empty() && !o.tag) return Eval(o);
  if (o.tag && !o.model.empty() && o.train.empty() && o.eval.empty()) return TagStdin(o);
  Usage();
  return 2;
}
