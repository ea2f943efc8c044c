// train_ner: trains and evaluates the name tagger (extract/name_tagger.h) on
// the entity layer of the GUM corpus.
//
//   train_ner --gum DIR --out MODEL [--pos-model M] [--lexicons DIR] [--iterations N]
//             [--runs R] [--swap-copies C] [--prune W] [--seed S] [--clusters FILE]
//             [--document] [--dev [--dev-fold K]]
//   train_ner --eval --gum DIR --model MODEL [--pos-model M] [--lexicons DIR] [--min-f1 F]
//             [--document] [--errors] [--dev [--dev-fold K]]
//   train_ner --tag --model MODEL [--pos-model M] [--lexicons DIR] [--document] < sentences.txt
//
// --clusters reads word clusters (tools/train_clusters) into the model.
// --document: training adds document features (stacked on a jackknifed first
// pass); --eval and --tag tag whole documents with TagDocument (--tag: a
// blank line ends a document). --errors lists every wrong name with its
// sentence. --dev-fold K (0-4) picks which fifth of the training documents
// --dev holds out.
//
// DIR holds GUM_<genre>_<name>.conllu files. Names come from the Entity=
// brackets of the MISC column (name_features::ReadGumDocument). Every fifth
// document of each genre (sorted by name, starting with the first) is held
// out for --eval and never trained on; --dev also holds out the next
// document of each five from training and reports its F1 after every
// iteration (for choosing the settings; the shipped model trains on all
// documents that are not held out). Words are tagged with newsgraph's own
// PosTagger, at training and at test time. The training is a structured
// averaged perceptron (Collins 2002) over BIO labels decoded with Viterbi,
// run --runs times with different shuffles (seeds S, S+1, ...) and the
// averaged weights of the runs averaged; the seeds are fixed, so the same
// corpus gives the same model file. Before training, --swap-copies copies
// (default 3) of every training sentence with names are added in which each
// name is replaced by a random training name of the same type.
//
// stdout is data (scores, speed); stderr is progress and diagnostics.
// Exit codes: 0 ok, 1 F1 below --min-f1, 2 usage or fatal error.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/name_tagger.h"
#include "extract/pos_tagger.h"

namespace {

using newsgraph::extract::NameSpan;
using newsgraph::extract::NameTagger;
using newsgraph::extract::NameType;
using newsgraph::extract::Pos;
using newsgraph::extract::PosTagger;
namespace nf = newsgraph::extract::name_features;
constexpr int kL = nf::kNumLabels;

struct Options {
  std::string gum, out, model, clusters;
  std::string pos_model = std::string(NEWSGRAPH_DATA_DIR) + "/models/pos-ewt.model";
  std::string lexicons = std::string(NEWSGRAPH_DATA_DIR) + "/lexicons";
  bool eval = false, tag = false, dev = false, errors = false, document = false;
  int dev_fold = 0;  // which fifth of the training documents --dev holds out
  int iterations = 10;
  int runs = 5;
  int swap_copies = 3;
  double prune = 0.05;
  uint64_t seed = 20240613;
  double min_f1 = 0;
};

struct Sentence {
  std::vector<std::string> words;
  std::vector<Pos> tags;  // from PosTagger
  std::vector<NameSpan> names;
  std::vector<int> labels;  // gold BIO labels
  size_t doc = 0;           // index of its document in the Flatten()ed set
  // Document features of each word (nf::DocumentKeys), when trained with them.
  std::vector<std::vector<uint64_t>> doc_keys;
};

constexpr int kFolds = 5;  // first-pass jackknife folds for --document

std::vector<int> SpansToLabels(size_t n, const std::vector<NameSpan>& spans) {
  std::vector<int> labels(n, 0);
  for (const NameSpan& s : spans)
    for (uint32_t k = s.first; k < s.last; ++k)
      labels[k] = nf::LabelOf(static_cast<int>(s.type), k == s.first ? nf::kB : nf::kI);
  return labels;
}

// Reads all documents of the directory, split into held-out / dev / train.
struct Corpus {
  std::vector<nf::GoldDocument> train, dev, test;
};

bool ReadCorpus(const Options& o, const nf::Gazetteer& gaz, Corpus* c, std::string* error) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(o.gum, ec)) {
    const std::string p = e.path().string();
    if (p.size() > 7 && p.substr(p.size() - 7) == ".conllu") paths.push_back(p);
  }
  if (ec) {
    *error = o.gum + ": " + ec.message();
    return false;
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) {
    *error = o.gum + ": no .conllu files";
    return false;
  }
  std::vector<nf::GoldDocument> docs(paths.size());
  std::vector<std::string> names;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!nf::ReadGumDocument(paths[i], gaz, &docs[i], error)) return false;
    names.push_back(docs[i].name);
  }
  const std::vector<bool> held = nf::HeldOut(names);
  std::vector<std::string> rest_names;
  std::vector<size_t> rest;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (held[i]) c->test.push_back(std::move(docs[i]));
    else {
      rest.push_back(i);
      rest_names.push_back(names[i]);
    }
  }
  // Development documents: within each genre, sorted by name, every fifth
  // one starting with the (dev_fold + 1)-th (fold 0 is nf::HeldOut's choice).
  std::vector<bool> dev(rest_names.size(), false);
  {
    std::map<std::string, std::vector<size_t>> by_genre;
    for (size_t k = 0; k < rest.size(); ++k) by_genre[docs[rest[k]].genre].push_back(k);
    for (auto& [genre, idx] : by_genre) {
      std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return rest_names[x] < rest_names[y]; });
      for (size_t k = o.dev_fold; k < idx.size(); k += 5) dev[idx[k]] = true;
    }
  }
  for (size_t k = 0; k < rest.size(); ++k) {
    if (o.dev && dev[k]) c->dev.push_back(std::move(docs[rest[k]]));
    else c->train.push_back(std::move(docs[rest[k]]));
  }
  return true;
}

// Reads "path<TAB>word[<TAB>count]" lines (tools/train_clusters, or Percy
// Liang's brown-cluster output).
bool ReadClusters(const std::string& path, nf::Clusters* clusters, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty()) continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string::npos ? std::string::npos : line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t1 + 1 >= line.size() ||
        !clusters->Add(std::string_view(line).substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1),
                       std::string_view(line).substr(0, t1))) {
      *error = path + ":" + std::to_string(line_no) + ": expected path<TAB>word<TAB>count";
      return false;
    }
  }
  std::cerr << "train_ner: " << clusters->size() << " word clusters from " << path << "\n";
  return true;
}

// ---------------------------------------------------------------------------
// Averaged perceptron over hashed features, rows of kL labels.

class Perceptron {
 public:
  uint32_t Id(uint64_t key) {
    auto [it, inserted] = ids_.emplace(key, static_cast<uint32_t>(keys_.size()));
    if (inserted) {
      keys_.push_back(key);
      w_.resize(w_.size() + kL, 0.0f);
      total_.resize(total_.size() + kL, 0.0);
      stamp_.resize(stamp_.size() + kL, 0);
    }
    return it->second;
  }
  void Add(uint32_t id, float* score) const {
    const float* row = &w_[static_cast<size_t>(id) * kL];
    for (int l = 0; l < kL; ++l) score[l] += row[l];
  }
  void Tick() { ++now_; }
  void Update(uint32_t id, int label, float delta) {
    const size_t i = static_cast<size_t>(id) * kL + label;
    total_[i] += static_cast<double>(now_ - stamp_[i]) * w_[i];
    stamp_[i] = now_;
    w_[i] += delta;
  }
  // Starts a new run: weights zero, feature ids kept.
  void Reset() {
    std::fill(w_.begin(), w_.end(), 0.0f);
    std::fill(total_.begin(), total_.end(), 0.0);
    std::fill(stamp_.begin(), stamp_.end(), 0);
    now_ = 0;
  }
  // Adds weight * the averaged weights to *acc (one row of kL per feature id).
  void AccumulateAveraged(double weight, std::vector<double>* acc) const {
    acc->resize(w_.size(), 0.0);
    for (size_t i = 0; i < w_.size(); ++i)
      (*acc)[i] += weight * (total_[i] + static_cast<double>(now_ - stamp_[i]) * w_[i]) / std::max<int64_t>(1, now_);
  }
  // Rows of *acc with any non-zero weight, in key order.
  void Rows(const std::vector<double>& acc, std::vector<std::pair<uint64_t, std::vector<double>>>* out) const {
    out->clear();
    for (size_t f = 0; f < keys_.size(); ++f) {
      std::vector<double> row(acc.begin() + f * kL, acc.begin() + (f + 1) * kL);
      if (std::any_of(row.begin(), row.end(), [](double v) { return v != 0; })) out->emplace_back(keys_[f], std::move(row));
    }
    std::sort(out->begin(), out->end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  void Averaged(std::vector<std::pair<uint64_t, std::vector<double>>>* out) const {
    out->clear();
    for (size_t f = 0; f < keys_.size(); ++f) {
      std::vector<double> row(kL);
      bool any = false;
      for (int l = 0; l < kL; ++l) {
        const size_t i = f * kL + l;
        row[l] = (total_[i] + static_cast<double>(now_ - stamp_[i]) * w_[i]) / std::max<int64_t>(1, now_);
        any |= row[l] != 0;
      }
      if (any) out->emplace_back(keys_[f], std::move(row));
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

struct Prepared {
  const Sentence* s;
  std::vector<uint32_t> ids;      // static feature ids, flattened
  std::vector<uint32_t> offsets;  // token i: ids[offsets[i] .. offsets[i+1])
  // History feature ids: token i, previous label p (kStartLabel = kL too):
  // hist[(i * (kL + 1) + p) * kNumHistoryKeys + k].
  std::vector<uint32_t> hist;
};

constexpr int kP = kL + 1;

// Viterbi decoding with the current (not averaged) weights.
void Decode(const Perceptron& model, const Prepared& p, std::vector<float>* delta, std::vector<int>* back,
            std::vector<int>* out) {
  const size_t n = p.s->words.size();
  constexpr float kNone = -1e30f;
  delta->assign(n * kL, kNone);
  back->assign(n * kL, 0);
  for (size_t i = 0; i < n; ++i) {
    float stat[kL] = {};
    for (uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) model.Add(p.ids[k], stat);
    const int p_first = i == 0 ? nf::kStartLabel : 0, p_last = i == 0 ? nf::kStartLabel : kL - 1;
    for (int prev = p_first; prev <= p_last; ++prev) {
      const float before = i == 0 ? 0.0f : (*delta)[(i - 1) * kL + prev];
      if (before <= kNone) continue;
      float local[kL];
      std::copy(stat, stat + kL, local);
      const uint32_t* h = &p.hist[(i * kP + prev) * nf::kNumHistoryKeys];
      for (int k = 0; k < nf::kNumHistoryKeys; ++k) model.Add(h[k], local);
      for (int l = 0; l < kL; ++l) {
        if (!nf::Allowed(prev, l)) continue;
        const float v = before + local[l];
        if (v > (*delta)[i * kL + l]) {
          (*delta)[i * kL + l] = v;
          (*back)[i * kL + l] = prev;
        }
      }
    }
  }
  out->resize(n);
  int best = 0;
  for (int l = 1; l < kL; ++l)
    if ((*delta)[(n - 1) * kL + l] > (*delta)[(n - 1) * kL + best]) best = l;
  for (size_t i = n; i-- > 0;) {
    (*out)[i] = best;
    best = (*back)[i * kL + best];
  }
}

// Writes the model: pruned, quantised to int16, keys sorted. Returns the
// number of features written.
using Rows = std::vector<std::pair<uint64_t, std::vector<double>>>;
size_t WriteModel(const Rows& rows, double prune, const nf::Clusters& clusters, bool document,
                  const std::string& path, std::string* error) {
  double max_abs = 0;
  for (const auto& [k, row] : rows)
    for (double v : row) max_abs = std::max(max_abs, std::fabs(v));
  const double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
  std::string body;
  size_t n = 0;
  for (const auto& [k, row] : rows) {
    std::string entries;
    int nnz = 0;
    for (int l = 0; l < kL; ++l) {
      if (std::fabs(row[l]) < prune) continue;
      const long q = std::lround(row[l] / scale);
      if (q == 0) continue;
      const auto u = static_cast<uint16_t>(static_cast<int16_t>(std::clamp(q, -32767L, 32767L)));
      entries.push_back(static_cast<char>(l));
      entries.push_back(static_cast<char>(u & 0xff));
      entries.push_back(static_cast<char>(u >> 8));
      ++nnz;
    }
    if (nnz == 0) continue;
    for (int b = 0; b < 8; ++b) body.push_back(static_cast<char>((k >> (8 * b)) & 0xff));
    body.push_back(static_cast<char>(nnz));
    body += entries;
    ++n;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    *error = path + ": cannot write";
    return 0;
  }
  char scale_text[64];
  std::snprintf(scale_text, sizeof scale_text, "%.9g", scale);
  out << nf::kFormatName << " " << nf::kFormatVersion << "\n"
      << "# newsgraph name tagger: BIO structured averaged perceptron, Viterbi, trained by tools/train_ner on GUM\n"
      << "# (CC BY 4.0 and other open licences of the GUM documents; see extract/models/README.md)\n"
      << "labels " << nf::LabelLine() << "\n"
      << "scale " << scale_text << "\n"
      << "features " << n << "\n"
      << "clusters " << clusters.size() << "\n"
      << "document " << (document ? 1 : 0) << "\n"
      << "data\n"
      << body;
  for (const auto& [word, path] : clusters.entries()) out << path << '\t' << word << '\n';
  if (!out.flush()) {
    *error = path + ": write failed";
    return 0;
  }
  return n;
}

// ---------------------------------------------------------------------------
// Evaluation.

struct Counts {
  size_t tp[4]{}, gold[4]{}, pred[4]{};
  size_t untyped_tp = 0;  // span right, type may be wrong
};

void Score(const std::vector<NameSpan>& gold, const std::vector<NameSpan>& pred, Counts* c) {
  for (const NameSpan& g : gold) ++c->gold[static_cast<int>(g.type)];
  for (const NameSpan& p : pred) {
    ++c->pred[static_cast<int>(p.type)];
    for (const NameSpan& g : gold) {
      if (g.first != p.first || g.last != p.last) continue;
      ++c->untyped_tp;
      if (g.type == p.type) ++c->tp[static_cast<int>(p.type)];
    }
  }
}

struct Prf {
  double p, r, f;
};
Prf Compute(size_t tp, size_t gold, size_t pred) {
  const double p = pred ? static_cast<double>(tp) / pred : 0, r = gold ? static_cast<double>(tp) / gold : 0;
  return {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
}

// Over person, organization and place; names of other types are left out
// of both the gold and the found names.
Prf Overall(const Counts& c) {
  size_t tp = 0, g = 0, p = 0;
  for (int t = 0; t < 3; ++t) {
    tp += c.tp[t];
    g += c.gold[t];
    p += c.pred[t];
  }
  return Compute(tp, g, p);
}

// The names the tagger finds in each sentence: with Tag() one sentence at a
// time, or (document) with TagDocument() over each document's sentences.
std::vector<std::vector<NameSpan>> TagAll(const NameTagger& tagger, const std::vector<Sentence>& sents,
                                          bool document) {
  std::vector<std::vector<NameSpan>> out(sents.size());
  for (size_t i = 0; i < sents.size();) {
    size_t j = i + 1;
    if (document)
      while (j < sents.size() && sents[j].doc == sents[i].doc) ++j;
    std::vector<std::vector<std::string>> words;
    std::vector<std::vector<std::string_view>> views;
    std::vector<std::vector<Pos>> tags;
    for (size_t k = i; k < j; ++k) {
      views.emplace_back(sents[k].words.begin(), sents[k].words.end());
      tags.push_back(sents[k].tags);
    }
    if (document) {
      std::vector<std::vector<NameSpan>> spans;
      tagger.TagDocument(views, tags, &spans);
      for (size_t k = i; k < j; ++k) out[k] = std::move(spans[k - i]);
    } else {
      tagger.Tag(views[0], tags[0], &out[i]);
    }
    i = j;
  }
  return out;
}

Counts Evaluate(const NameTagger& tagger, const std::vector<Sentence>& sents, bool document) {
  Counts c;
  const auto found = TagAll(tagger, sents, document);
  for (size_t i = 0; i < sents.size(); ++i) Score(sents[i].names, found[i], &c);
  return c;
}

std::string SpanText(const Sentence& s, const NameSpan& n) {
  std::string t;
  for (uint32_t k = n.first; k < n.last; ++k) t += (k > n.first ? " " : "") + s.words[k];
  return t;
}

// One line per wrong or missed name: "miss person: X", "false place: Y",
// "type person->place: Z", with the sentence.
void PrintErrors(const NameTagger& tagger, const std::vector<Sentence>& sents, bool document) {
  const auto found = TagAll(tagger, sents, document);
  for (size_t si = 0; si < sents.size(); ++si) {
    const Sentence& s = sents[si];
    const std::vector<NameSpan>& spans = found[si];
    std::string sentence;
    for (const auto& w : s.words) sentence += (sentence.empty() ? "" : " ") + w;
    for (const NameSpan& g : s.names) {
      const NameSpan* match = nullptr;
      for (const NameSpan& p : spans)
        if (p.first == g.first && p.last == g.last) match = &p;
      if (match == nullptr) std::printf("ERR miss %s: %s\t| %s\n", newsgraph::extract::NameTypeName(g.type), SpanText(s, g).c_str(), sentence.c_str());
      else if (match->type != g.type)
        std::printf("ERR type %s->%s: %s\t| %s\n", newsgraph::extract::NameTypeName(g.type),
                    newsgraph::extract::NameTypeName(match->type), SpanText(s, g).c_str(), sentence.c_str());
    }
    for (const NameSpan& p : spans) {
      bool found = false;
      for (const NameSpan& g : s.names) found |= p.first == g.first && p.last == g.last;
      if (!found) std::printf("ERR false %s: %s\t| %s\n", newsgraph::extract::NameTypeName(p.type), SpanText(s, p).c_str(), sentence.c_str());
    }
  }
}

void PrintCounts(const Counts& c) {
  std::printf("%-20s %9s %9s %9s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "found");
  for (int t = 0; t < 4; ++t) {
    const Prf x = Compute(c.tp[t], c.gold[t], c.pred[t]);
    std::printf("%-20s %9.4f %9.4f %9.4f %7zu %7zu\n", newsgraph::extract::NameTypeName(static_cast<NameType>(t)), x.p,
                x.r, x.f, c.gold[t], c.pred[t]);
  }
  const Prf o = Overall(c);
  std::printf("%-20s %9.4f %9.4f %9.4f %7zu %7zu\n", "person+org+place", o.p, o.r, o.f,
              c.gold[0] + c.gold[1] + c.gold[2], c.pred[0] + c.pred[1] + c.pred[2]);
  size_t tp = 0, g = 0, p = 0;
  for (int t = 0; t < 4; ++t) {
    tp += c.tp[t];
    g += c.gold[t];
    p += c.pred[t];
  }
  const Prf a = Compute(tp, g, p);
  std::printf("%-20s %9.4f %9.4f %9.4f %7zu %7zu\n", "all four types", a.p, a.r, a.f, g, p);
  const Prf u = Compute(c.untyped_tp, g, p);
  std::printf("%-20s %9.4f %9.4f %9.4f %7zu %7zu\n", "all, span only", u.p, u.r, u.f, g, p);
}

std::vector<Sentence> Flatten(const std::vector<nf::GoldDocument>& docs, const PosTagger& pos) {
  std::vector<Sentence> out;
  for (size_t di = 0; di < docs.size(); ++di) {
    const auto& d = docs[di];
    for (const auto& g : d.sentences) {
      Sentence s;
      s.doc = di;
      s.words = g.words;
      s.names = g.names;
      const std::vector<std::string_view> views(s.words.begin(), s.words.end());
      pos.Tag(views, &s.tags);
      s.labels = SpansToLabels(s.words.size(), s.names);
      out.push_back(std::move(s));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------

// Appends copies of the training sentences that hold names, each name
// replaced by a name of the same type drawn from the whole training set
// (and the copy tagged again): the names change, the contexts stay, so the
// model learns more from the words around a name than from the name.
void Augment(const Options& o, const PosTagger& pos, std::vector<Sentence>* train) {
  std::vector<std::vector<std::vector<std::string>>> pool(nf::kNumTypes);
  for (const Sentence& s : *train)
    for (const NameSpan& n : s.names)
      pool[static_cast<int>(n.type)].emplace_back(s.words.begin() + n.first, s.words.begin() + n.last);
  std::mt19937_64 rng(o.seed ^ 0x5bd1e995);
  const size_t original = train->size();
  for (int copy = 0; copy < o.swap_copies; ++copy) {
    for (size_t si = 0; si < original; ++si) {
      const Sentence& s = (*train)[si];
      if (s.names.empty()) continue;
      Sentence t;
      size_t k = 0;
      for (const NameSpan& n : s.names) {
        t.words.insert(t.words.end(), s.words.begin() + k, s.words.begin() + n.first);
        const auto& choices = pool[static_cast<int>(n.type)];
        const std::vector<std::string>& repl = choices[rng() % choices.size()];
        NameSpan m = n;
        m.first = static_cast<uint32_t>(t.words.size());
        t.words.insert(t.words.end(), repl.begin(), repl.end());
        m.last = static_cast<uint32_t>(t.words.size());
        t.names.push_back(m);
        k = n.last;
      }
      t.words.insert(t.words.end(), s.words.begin() + k, s.words.end());
      const std::vector<std::string_view> views(t.words.begin(), t.words.end());
      pos.Tag(views, &t.tags);
      t.labels = SpansToLabels(t.words.size(), t.names);
      train->push_back(std::move(t));
    }
  }
}

// Trains on `train` (o.runs runs of o.iterations passes) and writes the
// model to `out` (with the header "document 1" if `document`). With
// o.dev, reports the F1 on `dev` after every pass. Returns the number of
// features written, 0 on error (*error set).
size_t TrainModel(const Options& o, const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                  const nf::Gazetteer& gaz, const nf::Clusters& clusters, bool document, const std::string& out,
                  bool verbose, std::string* error) {
  Perceptron model;
  std::vector<Prepared> prepared(train.size());
  std::vector<uint64_t> keys;
  for (size_t si = 0; si < train.size(); ++si) {
    Prepared& p = prepared[si];
    p.s = &train[si];
    const std::vector<std::string_view> views(p.s->words.begin(), p.s->words.end());
    std::vector<nf::WordInfo> info;
    nf::Describe(views, p.s->tags, gaz, &info, clusters.size() ? &clusters : nullptr);
    p.offsets.push_back(0);
    for (size_t i = 0; i < views.size(); ++i) {
      keys.clear();
      nf::StaticKeys(info, i, &keys);
      if (i < p.s->doc_keys.size()) keys.insert(keys.end(), p.s->doc_keys[i].begin(), p.s->doc_keys[i].end());
      for (uint64_t k : keys) p.ids.push_back(model.Id(k));
      p.offsets.push_back(static_cast<uint32_t>(p.ids.size()));
      for (int prev = 0; prev < kP; ++prev) {
        uint64_t hk[nf::kNumHistoryKeys];
        nf::HistoryKeys(info, i, prev, hk);
        for (uint64_t k : hk) p.hist.push_back(model.Id(k));
      }
    }
  }
  // o.runs runs with different shuffles; the model is the mean of their
  // averaged weights.
  const auto start = std::chrono::steady_clock::now();
  std::vector<float> delta;
  std::vector<int> back, pred;
  std::vector<double> ensemble;
  Rows rows;
  for (int run = 0; run < o.runs; ++run) {
  model.Reset();
  std::mt19937_64 rng(o.seed + run);
  std::vector<size_t> order(prepared.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int it = 1; it <= o.iterations; ++it) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t correct = 0, total = 0;
    for (size_t oi : order) {
      const Prepared& p = prepared[oi];
      model.Tick();
      Decode(model, p, &delta, &back, &pred);
      const std::vector<int>& gold = p.s->labels;
      const size_t n = gold.size();
      for (size_t i = 0; i < n; ++i) {
        ++total;
        correct += pred[i] == gold[i];
        const int gp = i == 0 ? nf::kStartLabel : gold[i - 1], pp = i == 0 ? nf::kStartLabel : pred[i - 1];
        if (pred[i] == gold[i] && gp == pp) continue;
        if (pred[i] != gold[i]) {
          for (uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) {
            model.Update(p.ids[k], gold[i], 1.0f);
            model.Update(p.ids[k], pred[i], -1.0f);
          }
        }
        const uint32_t* hg = &p.hist[(i * kP + gp) * nf::kNumHistoryKeys];
        const uint32_t* hp = &p.hist[(i * kP + pp) * nf::kNumHistoryKeys];
        for (int k = 0; k < nf::kNumHistoryKeys; ++k) {
          model.Update(hg[k], gold[i], 1.0f);
          model.Update(hp[k], pred[i], -1.0f);
        }
      }
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (verbose)
      std::cerr << "train_ner: run " << run + 1 << " iteration " << it << ": training label accuracy "
                << 100.0 * correct / total << " % (" << secs << " s)";
    if (verbose && o.dev && !dev.empty()) {
      const std::string tmp = out + ".dev-tmp";
      std::vector<double> acc;
      model.AccumulateAveraged(1.0, &acc);
      model.Rows(acc, &rows);
      if (WriteModel(rows, o.prune, clusters, document, tmp, error) == 0) return 0;
      auto tagger = NameTagger::Load(tmp, o.lexicons, error);
      std::filesystem::remove(tmp);
      if (!tagger) return 0;
      const Prf f = Overall(Evaluate(*tagger, dev, false));
      const Prf fd = Overall(Evaluate(*tagger, dev, true));
      std::cerr << "; dev P " << f.p << " R " << f.r << " F1 " << f.f << "; by document P " << fd.p << " R " << fd.r
                << " F1 " << fd.f;
    }
    if (verbose) std::cerr << "\n";
  }
  model.AccumulateAveraged(1.0 / o.runs, &ensemble);
  }
  model.Rows(ensemble, &rows);
  return WriteModel(rows, o.prune, clusters, document, out, error);
}

int Train(const Options& o) {
  std::string error;
  auto pos = PosTagger::Load(o.pos_model, &error);
  if (!pos) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  nf::Gazetteer gaz;
  if (!gaz.Load(o.lexicons, &error)) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  Corpus corpus;
  if (!ReadCorpus(o, gaz, &corpus, &error)) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  nf::Clusters clusters;
  if (!o.clusters.empty() && !ReadClusters(o.clusters, &clusters, &error)) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  std::vector<Sentence> train = Flatten(corpus.train, *pos);
  const size_t original_sentences = train.size();
  if (o.document) {
    // Document features for the training sentences come from a first pass
    // that has not seen them: five models, each trained (one run) on four
    // fifths of the training documents, tag the other fifth (jackknifing),
    // so the features are as reliable as they will be on new text.
    Options jo = o;
    jo.runs = 1;
    jo.dev = false;
    for (int fold = 0; fold < kFolds; ++fold) {
      std::vector<Sentence> part;
      for (const Sentence& s : train)
        if (static_cast<int>(s.doc % kFolds) != fold) part.push_back(s);
      if (jo.swap_copies > 0) Augment(jo, *pos, &part);
      const std::string tmp = o.out + ".fold-tmp";
      if (TrainModel(jo, part, {}, gaz, clusters, false, tmp, false, &error) == 0) {
        std::cerr << "train_ner: " << error << "\n";
        return 2;
      }
      auto first = NameTagger::Load(tmp, o.lexicons, &error);
      std::filesystem::remove(tmp);
      if (!first) {
        std::cerr << "train_ner: " << error << "\n";
        return 2;
      }
      for (size_t i = 0; i < original_sentences;) {
        size_t j = i + 1;
        while (j < original_sentences && train[j].doc == train[i].doc) ++j;
        if (static_cast<int>(train[i].doc % kFolds) == fold) {
          std::vector<std::vector<std::string_view>> views;
          std::vector<std::vector<NameSpan>> found(j - i);
          for (size_t k = i; k < j; ++k) {
            views.emplace_back(train[k].words.begin(), train[k].words.end());
            first->Tag(views.back(), train[k].tags, &found[k - i]);
          }
          std::vector<std::vector<std::vector<uint64_t>>> doc_keys;
          nf::DocumentKeys(views, found, &doc_keys);
          for (size_t k = i; k < j; ++k) train[k].doc_keys = std::move(doc_keys[k - i]);
        }
        i = j;
      }
      std::cerr << "train_ner: first-pass fold " << fold + 1 << " of " << kFolds << " done\n";
    }
  }
  if (o.swap_copies > 0) Augment(o, *pos, &train);
  if (o.document) {
    // The sentences once more without document features: Tag() (and the
    // first pass of TagDocument) read the same weights without them.
    for (size_t i = 0; i < original_sentences; ++i) {
      Sentence copy = train[i];
      copy.doc_keys.clear();
      train.push_back(std::move(copy));
    }
  }
  const std::vector<Sentence> dev = Flatten(corpus.dev, *pos);
  size_t tokens = 0, names = 0;
  for (size_t i = 0; i < original_sentences; ++i) {
    tokens += train[i].words.size();
    names += train[i].names.size();
  }
  std::cerr << "train_ner: " << corpus.train.size() << " training documents, " << original_sentences
            << " sentences, " << tokens << " tokens, " << names << " names (+" << train.size() - original_sentences
            << " sentences with names swapped or without document features); " << corpus.dev.size()
            << " dev documents; " << corpus.test.size() << " held out\n";
  const size_t n = TrainModel(o, train, dev, gaz, clusters, o.document, o.out, true, &error);
  if (n == 0) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  std::cerr << "train_ner: wrote " << o.out << " (" << n << " features, "
            << std::filesystem::file_size(o.out) << " bytes)\n";
  return 0;
}

int Eval(const Options& o) {
  std::string error;
  auto pos = PosTagger::Load(o.pos_model, &error);
  if (!pos) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  auto tagger = NameTagger::Load(o.model, o.lexicons, &error);
  if (!tagger) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  nf::Gazetteer gaz;
  if (!gaz.Load(o.lexicons, &error)) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  Corpus corpus;
  if (!ReadCorpus(o, gaz, &corpus, &error)) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  // --eval --dev scores the development documents instead (for choices).
  if (o.dev) corpus.test = std::move(corpus.dev);
  const std::vector<Sentence> test = Flatten(corpus.test, *pos);
  if (o.errors) PrintErrors(*tagger, test, o.document);
  size_t tokens = 0;
  for (const auto& s : test) tokens += s.words.size();
  std::printf("held-out documents (%zu):", corpus.test.size());
  for (const auto& d : corpus.test) std::printf(" %s", d.name.c_str());
  std::printf("\n%zu sentences, %zu tokens; model %s (%zu features)\n\n", test.size(), tokens, o.model.c_str(),
              tagger->num_features());
  const Counts c = Evaluate(*tagger, test, o.document);
  PrintCounts(c);
  std::map<std::string, Counts> by_genre;
  for (const auto& d : corpus.test) {
    const Counts dc = Evaluate(*tagger, Flatten({d}, *pos), o.document);
    Counts& g = by_genre[d.genre];
    for (int t = 0; t < 4; ++t) {
      g.tp[t] += dc.tp[t];
      g.gold[t] += dc.gold[t];
      g.pred[t] += dc.pred[t];
    }
  }
  std::printf("\n%-20s %9s %9s %9s  (person+organization+place, typed)\n", "genre", "precision", "recall", "F1");
  for (const auto& [genre, gc] : by_genre) {
    const Prf x = Overall(gc);
    std::printf("%-20s %9.4f %9.4f %9.4f\n", genre.c_str(), x.p, x.r, x.f);
  }

  // Speed of Tag() alone (tags precomputed), one thread, repeated >= 1 s.
  std::vector<std::vector<std::string_view>> views;
  for (const auto& s : test) views.emplace_back(s.words.begin(), s.words.end());
  std::vector<NameSpan> spans;
  size_t done = 0, found = 0;
  const auto start = std::chrono::steady_clock::now();
  double secs = 0;
  do {
    for (size_t i = 0; i < test.size(); ++i) {
      tagger->Tag(views[i], test[i].tags, &spans);
      found += spans.size();
      done += views[i].size();
    }
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (secs < 1.0);
  std::printf("\nspeed: %.0f tokens/s (NameTagger::Tag, one thread, %zu tokens in %.2f s; %zu spans)\n",
              done / secs, done, secs, found);
  if (o.document) {
    // TagDocument, document by document (test is in document order).
    std::vector<std::pair<size_t, size_t>> ranges;
    for (size_t i = 0; i < test.size();) {
      size_t j = i + 1;
      while (j < test.size() && test[j].doc == test[i].doc) ++j;
      ranges.emplace_back(i, j);
      i = j;
    }
    std::vector<std::vector<Pos>> tags;
    for (const auto& s : test) tags.push_back(s.tags);
    std::vector<std::vector<NameSpan>> doc_spans;
    done = found = 0;
    const auto doc_start = std::chrono::steady_clock::now();
    do {
      for (const auto& [a, b] : ranges) {
        const std::vector<std::vector<std::string_view>> doc(views.begin() + a, views.begin() + b);
        const std::vector<std::vector<Pos>> doc_tags(tags.begin() + a, tags.begin() + b);
        tagger->TagDocument(doc, doc_tags, &doc_spans);
        for (size_t k = a; k < b; ++k) {
          done += views[k].size();
          found += doc_spans[k - a].size();
        }
      }
      secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - doc_start).count();
    } while (secs < 1.0);
    std::printf("speed: %.0f tokens/s (NameTagger::TagDocument, one thread, %zu tokens in %.2f s; %zu spans)\n",
                done / secs, done, secs, found);
  }
  return Overall(c).f < o.min_f1 ? 1 : 0;
}

int TagStdin(const Options& o) {
  std::string error;
  auto pos = PosTagger::Load(o.pos_model, &error);
  auto tagger = pos ? NameTagger::Load(o.model, o.lexicons, &error) : nullptr;
  if (!tagger) {
    std::cerr << "train_ner: " << error << "\n";
    return 2;
  }
  // One sentence a line; with --document, the lines up to a blank line (or
  // the end) are one document, tagged by TagDocument.
  std::vector<std::vector<std::string>> doc;
  auto flush = [&]() {
    std::vector<std::vector<std::string_view>> views;
    std::vector<std::vector<Pos>> tags(doc.size());
    for (size_t k = 0; k < doc.size(); ++k) {
      views.emplace_back(doc[k].begin(), doc[k].end());
      pos->Tag(views.back(), &tags[k]);
    }
    std::vector<std::vector<NameSpan>> spans(doc.size());
    if (o.document) tagger->TagDocument(views, tags, &spans);
    else
      for (size_t k = 0; k < doc.size(); ++k) tagger->Tag(views[k], tags[k], &spans[k]);
    for (size_t d = 0; d < doc.size(); ++d) {
      const std::vector<std::string>& words = doc[d];
      size_t k = 0;
      std::string out;
      for (size_t i = 0; i < words.size(); ++i) {
        if (k < spans[d].size() && spans[d][k].first == i) out += (i ? " [" : "[");
        else if (i) out += " ";
        out += words[i];
        if (k < spans[d].size() && spans[d][k].last == i + 1) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "]/%s:%.2f", newsgraph::extract::NameTypeName(spans[d][k].type),
                        spans[d][k].score);
          out += buf;
          ++k;
        }
      }
      std::cout << out << "\n";
    }
    doc.clear();
  };
  for (std::string line; std::getline(std::cin, line);) {
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string w; in >> w;) words.push_back(w);
    if (words.empty() && o.document) {
      flush();
      std::cout << "\n";
      continue;
    }
    doc.push_back(std::move(words));
    if (!o.document) flush();
  }
  flush();
  return 0;
}

void Usage() {
  std::cerr << "usage:\n"
               "  train_ner --gum DIR --out MODEL [--pos-model M] [--lexicons DIR] [--iterations N]\n"
               "            [--runs R] [--swap-copies C] [--prune W] [--seed S] [--clusters FILE]\n"
               "            [--document] [--dev [--dev-fold K]]\n"
               "  train_ner --eval --gum DIR --model MODEL [--pos-model M] [--lexicons DIR] [--min-f1 F]\n"
               "            [--document] [--errors] [--dev [--dev-fold K]]\n"
               "  train_ner --tag --model MODEL [--pos-model M] [--lexicons DIR] [--document]\n"
               "            < one-tokenised-sentence-per-line.txt (--document: blank line ends a document)\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      std::string v;
      auto value = [&](std::string* dst) {
        if (i + 1 >= argc) return false;
        *dst = argv[++i];
        return true;
      };
      bool ok = true;
      if (a == "--gum") ok = value(&o.gum);
      else if (a == "--out") ok = value(&o.out);
      else if (a == "--model") ok = value(&o.model);
      else if (a == "--pos-model") ok = value(&o.pos_model);
      else if (a == "--lexicons") ok = value(&o.lexicons);
      else if (a == "--eval") o.eval = true;
      else if (a == "--tag") o.tag = true;
      else if (a == "--dev") o.dev = true;
      else if (a == "--errors") o.errors = true;
      else if (a == "--document") o.document = true;  // train: document features; eval: TagDocument
      else if (a == "--dev-fold") ok = value(&v) && (o.dev_fold = std::stoi(v)) >= 0 && o.dev_fold < 5;
      else if (a == "--clusters") ok = value(&o.clusters);
      else if (a == "--iterations") ok = value(&v) && (o.iterations = std::stoi(v)) > 0;
      else if (a == "--prune") ok = value(&v) && (o.prune = std::stod(v)) >= 0;
      else if (a == "--swap-copies") ok = value(&v) && (o.swap_copies = std::stoi(v)) >= 0;
      else if (a == "--runs") ok = value(&v) && (o.runs = std::stoi(v)) > 0;
      else if (a == "--seed") ok = value(&v) && ((o.seed = std::stoull(v)), true);
      else if (a == "--min-f1") ok = value(&v) && ((o.min_f1 = std::stod(v)), true);
      else if (a == "--help" || a == "-h") {
        Usage();
        return 0;
      } else {
        ok = false;
      }
      if (!ok) {
        std::cerr << "train_ner: bad or incomplete argument " << a << "\n";
        Usage();
        return 2;
      }
    }
  } catch (const std::exception&) {
    std::cerr << "train_ner: bad numeric argument\n";
    Usage();
    return 2;
  }
  if (o.tag && !o.model.empty()) return TagStdin(o);
  if (o.eval && !o.model.empty() && !o.gum.empty()) return Eval(o);
  if (!o.eval && !o.tag && !o.gum.empty() && !o.out.empty()) return Train(o);
  Usage();
  return 2;
}
