// train_parser: trains and evaluates the dependency parser
// (extract/dep_parser.h) on CoNLL-U treebanks (UD English EWT, GUM).
//
//   train_parser --train FILE|DIR [--train ...] [--exclude NAME,NAME] --dev DEV.conllu
//                --tagger POS.model [--iterations N] --out MODEL
//   train_parser --eval FILE|DIR [--eval ...] [--exclude ...] --model MODEL --tagger POS.model
//
// A directory stands for its *.conllu files; --exclude drops files by base
// name (without ".conllu"), which is how held-out documents stay out of
// training. Every sentence is tagged with newsgraph's own tagger (--tagger),
// for training and evaluation alike: the parser never sees gold tags.
//
// Training: greedy arc-hybrid transitions, averaged perceptron, dynamic
// oracle (Goldberg & Nivre 2013) with exploration from --explore-from on.
// Non-projective training trees are projectivised by lifting (the shortest
// non-projective arc is attached to its head's head until none is left).
// --joint scores moves and relations together (the shipped model); without
// it the relation is chosen by a second classifier after the move.
// --jackknife-file/--jackknife-dir tag a training file with the taggers of
// tools/jackknife_tagger.sh instead of --tagger (see docs/parser.md).
// The shuffle and the exploration use a fixed seed, so retraining on the same
// files, given in the same order, gives the same model. The epoch with the
// best dev LAS (measured on the written, pruned, quantised model) is kept,
// or with --keep-last the last one (when the dev file is also trained on).
//
//   train_parser --prune MODEL --out SMALLER.model --prune-labels Q --prune-features Q
//
// drops small weights from a written model (the same as those options at
// training time).
//
// stdout is data (scores, speed); stderr is progress and diagnostics.
// Exit codes: 0 ok, 1 scores below --min-uas/--min-las, 2 usage or fatal error.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/dep_parser.h"
#include "extract/pos_tagger.h"

namespace {

using newsgraph::extract::Dep;
using newsgraph::extract::DepParser;
using newsgraph::extract::kNumDeps;
using newsgraph::extract::kNumPos;
using newsgraph::extract::Pos;
using newsgraph::extract::PosTagger;
namespace df = newsgraph::extract::dep_features;

struct Options {
  std::vector<std::string> train, eval;
  std::set<std::string> exclude;
  std::string dev, out, model, tagger;
  int iterations = 15;
  int explore_from = 2;  // first epoch (1-based) that follows the model's own moves
  double explore_p = 0.9;
  int min_count = 2;     // features seen fewer times in training are dropped
  double tag_noise = 0;  // share of training tags replaced by a dev-like tagging error
  std::string jackknife_file, jackknife_dir;  // see tools/jackknife_tagger.sh
  int jackknife_k = 10;
  bool joint = false;  // relations scored together with the moves
  bool keep_last = false;
  std::string prune_in;  // --prune IN --out OUT: drop small weights of a model
  int prune_labels = 0, prune_features = 0;  // write the last epoch's model (the dev set is then only reported)
  int amb_min_count = 3;  // 0: no word classes
  double amb_min_share = 0.05;
  bool gold_train_tags = false;  // train on the treebank's UPOS (experiments only)
  bool gold_eval_tags = false;   // evaluate with the treebank's UPOS (experiments only)
  uint64_t seed = 20240607;
  double min_uas = 0, min_las = 0;
};

struct Sentence {
  std::vector<std::string> forms;
  std::vector<Pos> gold_tags, tags;  // tags: predicted by the tagger
  std::vector<int> heads;            // 0-based, -1 for the root
  std::vector<Dep> labels;
};

// UD 2.15 merged obl:tmod/obl:npmod into obl:unmarked (and nmod:tmod/npmod
// into nmod:unmarked); newsgraph keeps the older split, recovered from the
// dependent's lemma: time words are :tmod, the rest :npmod.
bool IsTimeLemma(std::string_view lemma) {
  static const std::set<std::string, std::less<>> kTime = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "year", "week", "month", "day", "time", "today", "yesterday",
      "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "weekend", "hour",
      "minute", "decade", "century", "season", "spring", "summer", "fall", "autumn", "winter",
      "moment", "noon", "midnight", "date", "period", "semester", "quarter", "once", "twice"};
  std::string l(lemma);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (kTime.count(l)) return true;
  return l.size() == 4 && std::all_of(l.begin(), l.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads word lines of a CoNLL-U file (skipping multiword-token ranges and
// empty nodes). Returns false with *error "path:line: reason" on bad input.
bool ReadConllu(const std::string& path, std::vector<Sentence>* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::string line;
  Sentence cur;
  int line_no = 0;
  bool bad_ids = false;
  auto flush = [&] {
    if (!cur.forms.empty()) {
      // Every head must name a word of the sentence.
      for (int h : cur.heads)
        if (h < -1 || h >= static_cast<int>(cur.forms.size())) bad_ids = true;
      out->push_back(std::move(cur));
    }
    cur = Sentence();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      if (bad_ids) {
        *error = path + ":" + std::to_string(line_no) + ": a head names no word of the sentence";
        return false;
      }
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
    auto fail = [&](const std::string& reason) {
      *error = path + ":" + std::to_string(line_no) + ": " + reason;
      return false;
    };
    if (cols.size() != 10)
      return fail("expected 10 tab-separated columns, got " + std::to_string(cols.size()));
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;
    Pos p;
    if (!newsgraph::extract::ParsePos(cols[3], &p)) return fail("unknown UPOS \"" + std::string(cols[3]) + "\"");
    Dep d;
    std::string_view rel = cols[7];
    if (rel == "obl:unmarked") rel = IsTimeLemma(cols[2]) ? "obl:tmod" : "obl:npmod";
    else if (rel == "nmod:unmarked") rel = IsTimeLemma(cols[2]) ? "nmod:tmod" : "nmod:npmod";
    if (!newsgraph::extract::ParseDep(rel, &d)) d = Dep::kDep;
    const std::string id(cols[0]), head(cols[6]);
    char* endp = nullptr;
    const long h = std::strtol(head.c_str(), &endp, 10);
    if (head.empty() || *endp != '\0' || h < 0) return fail("bad HEAD \"" + head + "\"");
    if (std::strtol(id.c_str(), nullptr, 10) != static_cast<long>(cur.forms.size()) + 1)
      return fail("word ID " + id + " out of sequence");
    cur.forms.emplace_back(cols[1]);
    cur.gold_tags.push_back(p);
    cur.heads.push_back(static_cast<int>(h) - 1);
    cur.labels.push_back(h == 0 ? Dep::kRoot : d);
  }
  flush();
  if (bad_ids) {
    *error = path + ":" + std::to_string(line_no) + ": a head names no word of the sentence";
    return false;
  }
  return true;
}

// Files named by --train/--eval: a file, or a directory's *.conllu files,
// minus the excluded base names.
bool ReadAll(const std::vector<std::string>& args, const std::set<std::string>& exclude,
             std::vector<Sentence>* out, std::vector<std::string>* files, std::string* error,
             std::vector<std::pair<size_t, size_t>>* ranges = nullptr) {
  for (const auto& a : args) {
    std::vector<std::string> paths;
    if (std::filesystem::is_directory(a)) {
      for (const auto& e : std::filesystem::directory_iterator(a))
        if (e.path().extension() == ".conllu") paths.push_back(e.path().string());
      std::sort(paths.begin(), paths.end());
    } else {
      paths.push_back(a);
    }
    for (const auto& p : paths) {
      if (exclude.count(std::filesystem::path(p).stem().string())) continue;
      const size_t first = out->size();
      if (!ReadConllu(p, out, error)) return false;
      files->push_back(p);
      if (ranges) ranges->emplace_back(first, out->size());
    }
  }
  return true;
}

void TagAll(const PosTagger& tagger, std::vector<Sentence>* sents) {
  std::vector<std::string_view> words;
  for (auto& s : *sents) {
    words.assign(s.forms.begin(), s.forms.end());
    tagger.Tag(words, &s.tags);
  }
}

// ---------------------------------------------------------------------------
// Projectivisation by lifting.

bool Dominates(const std::vector<int>& heads, int h, int k) {
  for (int steps = 0; k >= 0 && steps <= static_cast<int>(heads.size()); ++steps) {
    if (k == h) return true;
    k = heads[k];
  }
  return false;
}

// Lifts non-projective arcs until the tree is projective; false if that
// would give the sentence a second root (the sentence is then skipped).
bool Projectivise(std::vector<int>* heads, int* lifted) {
  const int n = static_cast<int>(heads->size());
  for (int round = 0; round < 4 * n + 4; ++round) {
    int best = -1, best_len = 1 << 30;
    for (int d = 0; d < n; ++d) {
      const int h = (*heads)[d];
      if (h < 0) continue;
      const int lo = std::min(h, d), hi = std::max(h, d);
      if (hi - lo >= best_len) continue;
      for (int k = lo + 1; k < hi; ++k) {
        if (!Dominates(*heads, h, k)) {
          best = d;
          best_len = hi - lo;
          break;
        }
      }
    }
    if (best < 0) return true;
    const int gh = (*heads)[(*heads)[best]];
    if (gh < 0) return false;
    (*heads)[best] = gh;
    ++*lifted;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Averaged perceptron: move weights dense (3 a feature), relation weights
// sparse (only the classes a feature was ever updated for).

class Model {
 public:
  struct LabelWeight {
    uint8_t cls;
    float w;
    double u;
  };

  Model() { Rehash(1 << 20); }

  uint32_t Id(uint64_t key) {
    size_t s = Fold(key) & mask_;
    for (;;) {
      if (ids_[s] == kNone) break;
      if (keys_[ids_[s]] == key) return ids_[s];
      s = (s + 1) & mask_;
    }
    const auto id = static_cast<uint32_t>(keys_.size());
    ids_[s] = id;
    keys_.push_back(key);
    w_.insert(w_.end(), {0.0f, 0.0f, 0.0f});
    u_.insert(u_.end(), {0.0, 0.0, 0.0});
    count_.push_back(0);
    labels_.emplace_back();
    if (keys_.size() * 2 > ids_.size()) Rehash(ids_.size() * 2);
    return id;
  }
  void Count(uint32_t id) { ++count_[id]; }
  void AddMoves(uint32_t id, float* score) const {
    const float* w = &w_[size_t{id} * 3];
    score[0] += w[0];
    score[1] += w[1];
    score[2] += w[2];
  }
  void AddLabels(uint32_t id, float* score) const {
    for (const auto& lw : labels_[id]) score[lw.cls] += lw.w;
  }
  void Tick() { ++now_; }
  void UpdateMove(uint32_t id, int move, float delta) {
    w_[size_t{id} * 3 + move] += delta;
    u_[size_t{id} * 3 + move] += static_cast<double>(now_) * delta;
  }
  void UpdateLabel(uint32_t id, int cls, float delta) {
    auto& v = labels_[id];
    auto it = std::find_if(v.begin(), v.end(), [&](const LabelWeight& lw) { return lw.cls == cls; });
    if (it == v.end()) {
      v.push_back(LabelWeight{static_cast<uint8_t>(cls), 0.0f, 0.0});
      it = v.end() - 1;
    }
    it->w += delta;
    it->u += static_cast<double>(now_) * delta;
  }
  double Avg(float w, double u) const { return now_ > 0 ? w - u / static_cast<double>(now_) : w; }

  size_t size() const { return keys_.size(); }
  uint64_t key(size_t i) const { return keys_[i]; }
  uint32_t count(size_t i) const { return count_[i]; }
  double avg_move(size_t i, int m) const { return Avg(w_[i * 3 + m], u_[i * 3 + m]); }
  const std::vector<LabelWeight>& labels(size_t i) const { return labels_[i]; }

 private:
  static constexpr uint32_t kNone = 0xffffffffu;
  static size_t Fold(uint64_t k) { return static_cast<size_t>(k ^ (k >> 29)); }
  void Rehash(size_t cap) {
    ids_.assign(cap, kNone);
    mask_ = cap - 1;
    for (uint32_t i = 0; i < keys_.size(); ++i) {
      size_t s = Fold(keys_[i]) & mask_;
      while (ids_[s] != kNone) s = (s + 1) & mask_;
      ids_[s] = i;
    }
  }
  std::vector<uint32_t> ids_;
  size_t mask_ = 0;
  std::vector<uint64_t> keys_;
  std::vector<float> w_;
  std::vector<double> u_;
  std::vector<uint32_t> count_;
  std::vector<std::vector<LabelWeight>> labels_;
  int64_t now_ = 0;
};

// Serialises averaged, pruned, int16-quantised weights (format in
// docs/parser.md).
bool WriteModel(const std::string& path, const Model& m, const std::vector<std::pair<uint64_t, uint32_t>>& classes,
                const Options& o, size_t* n_written, size_t* n_label_weights, std::string* error) {
  std::vector<uint32_t> keep;
  double max_move = 0, max_label = 0;
  for (size_t i = 0; i < m.size(); ++i) {
    if (m.count(i) < static_cast<uint32_t>(o.min_count)) continue;
    keep.push_back(static_cast<uint32_t>(i));
    for (int mv = 0; mv < df::kNumMoves; ++mv) max_move = std::max(max_move, std::abs(m.avg_move(i, mv)));
    for (const auto& lw : m.labels(i)) max_label = std::max(max_label, std::abs(m.Avg(lw.w, lw.u)));
  }
  std::sort(keep.begin(), keep.end(), [&](uint32_t a, uint32_t b) { return m.key(a) < m.key(b); });
  if (o.joint) max_move = max_label = std::max(max_move, max_label);  // one scale: scores are added
  const double move_scale = max_move > 0 ? max_move / 32000.0 : 1.0;
  const double label_scale = max_label > 0 ? max_label / 32000.0 : 1.0;
  std::string body, feat;
  size_t n_features = 0, n_labels = 0;
  std::vector<std::pair<int, long>> lab;
  for (uint32_t i : keep) {
    long q[df::kNumMoves];
    bool any = false;
    for (int mv = 0; mv < df::kNumMoves; ++mv) {
      q[mv] = std::lround(m.avg_move(i, mv) / move_scale);
      any |= q[mv] != 0;
    }
    lab.clear();
    long max_abs = 0;
    for (int mv = 0; mv < df::kNumMoves; ++mv) max_abs = std::max(max_abs, std::abs(q[mv]));
    for (const auto& lw : m.labels(i)) {
      const long v = std::lround(m.Avg(lw.w, lw.u) / label_scale);
      if (v == 0 || std::abs(v) < o.prune_labels) continue;
      lab.emplace_back(lw.cls, v);
      max_abs = std::max(max_abs, std::abs(v));
    }
    if (!any && lab.empty()) continue;
    if (max_abs < o.prune_features) continue;  // as Prune() does
    std::sort(lab.begin(), lab.end());
    const uint64_t k = m.key(i);
    for (int b = 0; b < 8; ++b) body.push_back(static_cast<char>((k >> (8 * b)) & 0xff));
    for (int mv = 0; mv < df::kNumMoves; ++mv) {
      const auto u = static_cast<uint16_t>(static_cast<int16_t>(q[mv]));
      body.push_back(static_cast<char>(u & 0xff));
      body.push_back(static_cast<char>(u >> 8));
    }
    body.push_back(static_cast<char>(lab.size()));
    for (const auto& [cls, v] : lab) {
      const auto u = static_cast<uint16_t>(static_cast<int16_t>(v));
      body.push_back(static_cast<char>(cls));
      body.push_back(static_cast<char>(u & 0xff));
      body.push_back(static_cast<char>(u >> 8));
    }
    ++n_features;
    n_labels += lab.size();
  }
  char scale_buf[96];
  std::snprintf(scale_buf, sizeof scale_buf, "%.9g %.9g", move_scale, label_scale);
  std::string header = std::string(df::kFormatName) + " " + std::to_string(df::kFormatVersion) + "\n";
  header +=
      "# Greedy arc-hybrid averaged-perceptron dependency parser for newsgraph\n"
      "# (extract/dep_parser.h). Trained from Universal Dependencies English EWT r2.16\n"
      "# and GUM (open genres: CC BY 4.0 / CC BY-SA); licensed CC BY-SA 4.0 like EWT.\n"
      "# See extract/models/README.md and docs/parser.md.\n"
      "labels";
  for (int d = 0; d < kNumDeps; ++d) header += std::string(" ") + newsgraph::extract::DepName(static_cast<Dep>(d));
  header += "\ntags";
  for (int t = 0; t < kNumPos; ++t) header += std::string(" ") + newsgraph::extract::PosName(static_cast<Pos>(t));
  header += std::string("\ndecoding ") + (o.joint ? "joint" : "separate");
  header += "\nclasses " + std::to_string(classes.size());
  header += "\nscale " + std::string(scale_buf) + "\ntemplates " + std::to_string(df::kNumTemplates) +
            "\nfeatures " + std::to_string(n_features) + "\nlabel_weights " + std::to_string(n_labels) +
            "\ndata\n";
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    std::string cls;
    for (const auto& [key, c] : classes) {
      for (int b = 0; b < 8; ++b) cls.push_back(static_cast<char>((key >> (8 * b)) & 0xff));
      for (int b = 0; b < 3; ++b) cls.push_back(static_cast<char>((c >> (8 * b)) & 0xff));
    }
    out << header << cls << body;
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
  *n_label_weights = n_labels;
  return true;
}

// ---------------------------------------------------------------------------
// Evaluation.

volatile size_t g_sink = 0;  // keeps the timed loop from being optimised away

struct Scores {
  size_t words = 0, uas = 0, las = 0, las_base = 0;
  size_t words_np = 0, uas_np = 0, las_np = 0;
  double seconds = 0;
  double UAS() const { return words ? 100.0 * uas / words : 0; }
  double LAS() const { return words ? 100.0 * las / words : 0; }
};

Scores Evaluate(const DepParser& parser, const std::vector<Sentence>& sents, int passes) {
  std::vector<std::vector<std::string_view>> words(sents.size());
  for (size_t i = 0; i < sents.size(); ++i) words[i].assign(sents[i].forms.begin(), sents[i].forms.end());
  Scores r;
  std::vector<int> heads;
  std::vector<Dep> labels;
  r.seconds = 1e30;
  for (int pass = 0; pass < passes; ++pass) {
    const auto t0 = std::chrono::steady_clock::now();
    size_t sink = 0;
    for (size_t i = 0; i < sents.size(); ++i) {
      parser.Parse(words[i], sents[i].tags, &heads, &labels);
      sink += heads.empty() ? 0 : static_cast<size_t>(heads[0] + 1);
    }
    const auto t1 = std::chrono::steady_clock::now();
    g_sink = g_sink + sink;
    r.seconds = std::min(r.seconds, std::chrono::duration<double>(t1 - t0).count());
  }
  for (size_t i = 0; i < sents.size(); ++i) {
    const Sentence& s = sents[i];
    parser.Parse(words[i], s.tags, &heads, &labels);
    for (size_t j = 0; j < s.forms.size(); ++j) {
      const bool head_ok = heads[j] == s.heads[j];
      const bool punct = s.gold_tags[j] == Pos::kPunct;
      ++r.words;
      r.uas += head_ok;
      r.las += head_ok && labels[j] == s.labels[j];
      r.las_base += head_ok && BaseDep(labels[j]) == BaseDep(s.labels[j]);
      if (!punct) {
        ++r.words_np;
        r.uas_np += head_ok;
        r.las_np += head_ok && labels[j] == s.labels[j];
      }
    }
  }
  return r;
}

// ---------------------------------------------------------------------------
// Training.

// Gold-tree costs of the arc-hybrid moves in the state (Goldberg & Nivre
// 2013): the number of gold arcs that become unreachable. gold[i] is i's
// head (n for the root), children[i] its dependents.
int Cost(const df::State& st, df::Move m, const std::vector<int>& gold,
         const std::vector<std::vector<int>>& children) {
  const int b0 = st.b0(), s0 = st.s0(), s1 = st.s1();
  int c = 0;
  switch (m) {
    case df::kShift:
      for (int d : children[b0]) c += st.in_stack(d);
      if (st.in_stack(gold[b0]) && gold[b0] != s0) ++c;
      return c;
    case df::kLeft:
      for (int d : children[s0]) c += d >= b0;
      if (gold[s0] != b0 && (gold[s0] > b0 || gold[s0] == s1)) ++c;
      return c;
    case df::kRight:
      for (int d : children[s0]) c += d >= b0;
      if (gold[s0] >= b0) ++c;
      return c;
  }
  return 0;
}

// in_stack() is only defined for words; the root (index n) is never on it.
// (State keeps a slot for the root, so the lookup is safe.)

// Replaces tags with tagging errors like those the tagger makes on dev:
// with probability p, a word whose predicted tag is t gets a tag drawn from
// the dev confusion row of gold tag t.
void AddTagNoise(std::vector<Sentence>* train, const std::vector<Sentence>& dev, double p, std::mt19937_64* rng) {
  std::vector<std::vector<double>> conf(kNumPos, std::vector<double>(kNumPos, 0.0));
  for (const auto& s : dev)
    for (size_t i = 0; i < s.forms.size(); ++i)
      if (s.tags[i] != s.gold_tags[i]) conf[static_cast<int>(s.gold_tags[i])][static_cast<int>(s.tags[i])] += 1;
  std::uniform_real_distribution<double> u(0, 1);
  for (auto& s : *train)
    for (size_t i = 0; i < s.forms.size(); ++i) {
      if (u(*rng) >= p) continue;
      const auto& row = conf[static_cast<int>(s.tags[i])];
      double total = 0;
      for (double c : row) total += c;
      if (total == 0) continue;
      double r = u(*rng) * total;
      for (int t = 0; t < kNumPos; ++t) {
        r -= row[t];
        if (r < 0) {
          s.tags[i] = static_cast<Pos>(t);
          break;
        }
      }
    }
}

int Train(const Options& o) {
  std::string error;
  auto tagger = PosTagger::Load(o.tagger, &error);
  if (!tagger) {
    std::cerr << "train_parser: " << error << "\n";
    return 2;
  }
  std::vector<Sentence> train, dev;
  std::vector<std::string> train_files, dev_files;
  std::vector<std::pair<size_t, size_t>> ranges;
  if (!ReadAll(o.train, o.exclude, &train, &train_files, &error, &ranges) ||
      !ReadAll({o.dev}, {}, &dev, &dev_files, &error)) {
    std::cerr << "train_parser: " << error << "\n";
    return 2;
  }
  TagAll(*tagger, &train);
  TagAll(*tagger, &dev);
  if (!o.jackknife_file.empty()) {
    // Block k of the file's N sentences (sentence s is in block s*K/N) is
    // tagged by a tagger trained on the other blocks.
    size_t f = 0;
    while (f < train_files.size() && !std::filesystem::equivalent(train_files[f], o.jackknife_file)) ++f;
    if (f == train_files.size()) {
      std::cerr << "train_parser: --jackknife-file " << o.jackknife_file << " is not among the training files\n";
      return 2;
    }
    const auto [first, last] = ranges[f];
    const size_t n = last - first;
    for (int k = 0; k < o.jackknife_k; ++k) {
      const std::string path = o.jackknife_dir + "/fold-" + std::to_string(k) + ".model";
      auto fold = PosTagger::Load(path, &error);
      if (!fold) {
        std::cerr << "train_parser: " << error << "\n";
        return 2;
      }
      std::vector<Sentence> block;
      std::vector<size_t> where;
      for (size_t s = 0; s < n; ++s)
        if (static_cast<int>(s * o.jackknife_k / n) == k) where.push_back(first + s);
      for (size_t i : where) block.push_back(std::move(train[i]));
      TagAll(*fold, &block);
      for (size_t j = 0; j < where.size(); ++j) train[where[j]] = std::move(block[j]);
    }
  }
  if (o.gold_train_tags)
    for (auto& s : train) s.tags = s.gold_tags;
  auto tag_acc = [](const std::vector<Sentence>& v) {
    size_t n = 0, c = 0;
    for (const auto& s : v)
      for (size_t i = 0; i < s.tags.size(); ++i) n++, c += s.tags[i] == s.gold_tags[i];
    return n ? 100.0 * c / n : 0.0;
  };
  std::mt19937_64 rng(o.seed);
  const double train_tag_acc = tag_acc(train);
  if (o.tag_noise > 0) AddTagNoise(&train, dev, o.tag_noise, &rng);
  // Projectivise; drop what cannot be.
  int lifted = 0, nonproj = 0, dropped = 0;
  size_t words = 0;
  {
    std::vector<Sentence> kept;
    for (auto& s : train) {
      int before = lifted;
      if (!Projectivise(&s.heads, &lifted)) {
        ++dropped;
        continue;
      }
      nonproj += lifted > before;
      words += s.forms.size();
      kept.push_back(std::move(s));
    }
    train.swap(kept);
  }
  std::fprintf(stderr,
               "train_parser: %zu files, %zu training sentences (%zu words; %d projectivised by lifting %d arcs, "
               "%d dropped), %zu dev sentences; tagger accuracy train %.2f%% (%.2f%% after noise) dev %.2f%%\n",
               train_files.size(), train.size(), words, nonproj, lifted, dropped, dev.size(), train_tag_acc,
               tag_acc(train), tag_acc(dev));

  // Ambiguity classes from the treebanks' tags: words seen at least
  // amb_min_count times, tags with at least amb_min_share of them.
  std::vector<std::pair<uint64_t, uint32_t>> class_entries;
  df::WordClasses classes;
  if (o.amb_min_count > 0) {
    std::unordered_map<uint64_t, std::array<int, kNumPos>> counts;
    std::string scratch;
    for (const auto& s : train)
      for (size_t i = 0; i < s.forms.size(); ++i)
        ++counts[df::WordKey(s.forms[i], &scratch)][static_cast<int>(s.gold_tags[i])];
    for (const auto& [key, c] : counts) {
      int total = 0;
      for (int t = 0; t < kNumPos; ++t) total += c[t];
      if (total < o.amb_min_count) continue;
      uint32_t mask = 0;
      for (int t = 0; t < kNumPos; ++t)
        if (c[t] >= o.amb_min_share * total) mask |= 1u << t;
      class_entries.emplace_back(key, mask);
    }
    std::sort(class_entries.begin(), class_entries.end());
    classes.Build(class_entries);
  }
  std::fprintf(stderr, "train_parser: %zu word classes\n", class_entries.size());

  Model model;
  df::State st;
  std::vector<std::string_view> wv;
  std::vector<int> gold;
  std::vector<std::vector<int>> children;
  uint64_t keys[df::kNumTemplates];
  uint32_t ids[df::kNumTemplates];
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::uniform_real_distribution<double> unit(0, 1);
  double best_las = -1;
  int best_iter = 0;
  Scores best_scores;
  const std::string candidate = o.out + ".candidate";
  for (int iter = 1; iter <= o.iterations; ++iter) {
    const auto t0 = std::chrono::steady_clock::now();
    const bool explore = iter >= o.explore_from;
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t moves = 0, move_errors = 0, arcs_ok = 0, n_words = 0;
    for (size_t idx : order) {
      const Sentence& s = train[idx];
      const int n = static_cast<int>(s.forms.size());
      wv.assign(s.forms.begin(), s.forms.end());
      st.Init(wv, s.tags, &classes);
      gold.assign(n + 1, -1);
      children.assign(n + 1, {});
      for (int i = 0; i < n; ++i) {
        gold[i] = s.heads[i] < 0 ? n : s.heads[i];
        children[gold[i]].push_back(i);
      }
      while (!st.Terminal()) {
        st.Features(keys);
        float score[df::kNumMoves] = {0, 0, 0};
        for (int k = 0; k < df::kNumTemplates; ++k) {
          ids[k] = model.Id(keys[k]);
          model.Count(ids[k]);
          model.AddMoves(ids[k], score);
        }
        int cost[df::kNumMoves];
        int min_cost = 1 << 30;
        for (int mv = 0; mv < df::kNumMoves; ++mv) {
          cost[mv] = st.Legal(static_cast<df::Move>(mv)) ? Cost(st, static_cast<df::Move>(mv), gold, children) : -1;
          if (cost[mv] >= 0) min_cost = std::min(min_cost, cost[mv]);
        }
        if (o.joint) {
          // Candidates (move, relation); an arc's score is its move's plus
          // its relation's, its cost the move's plus one for a wrong
          // relation on a gold arc.
          float ls[df::kNumLabelClasses] = {};
          for (int k = 0; k < df::kNumTemplates; ++k) model.AddLabels(ids[k], ls);
          struct Cand {
            int mv, l, cost;
            float score;
          };
          Cand cands[1 + 2 * kNumDeps];
          int nc = 0, minc = 1 << 30;
          const int d = st.s0();
          for (int mv = 0; mv < df::kNumMoves; ++mv) {
            if (cost[mv] < 0) continue;
            if (mv == df::kShift || (mv == df::kLeft && st.b0() == n)) {
              cands[nc++] = Cand{mv, 0, cost[mv], score[mv]};
            } else {
              const int h = mv == df::kLeft ? st.b0() : st.s1();
              const int base = mv == df::kLeft ? 0 : kNumDeps;
              for (int l = 1; l < kNumDeps; ++l)
                cands[nc++] = Cand{mv, l, cost[mv] + (gold[d] == h && l != static_cast<int>(s.labels[d])),
                                   score[mv] + ls[base + l]};
            }
          }
          int pi = -1, gi = -1;
          for (int c = 0; c < nc; ++c) minc = std::min(minc, cands[c].cost);
          for (int c = 0; c < nc; ++c) {
            if (pi < 0 || cands[c].score > cands[pi].score) pi = c;
            if (cands[c].cost == minc && (gi < 0 || cands[c].score > cands[gi].score)) gi = c;
          }
          model.Tick();
          ++moves;
          const Cand& pc = cands[pi];
          const Cand& gc = cands[gi];
          if (pc.cost > minc) {
            ++move_errors;
            for (int k = 0; k < df::kNumTemplates; ++k) {
              if (pc.mv != gc.mv) {
                model.UpdateMove(ids[k], gc.mv, 1.0f);
                model.UpdateMove(ids[k], pc.mv, -1.0f);
              }
              if (gc.l > 0) model.UpdateLabel(ids[k], (gc.mv == df::kLeft ? 0 : kNumDeps) + gc.l, 1.0f);
              if (pc.l > 0) model.UpdateLabel(ids[k], (pc.mv == df::kLeft ? 0 : kNumDeps) + pc.l, -1.0f);
            }
          }
          const Cand& fc = pc.cost == minc || (explore && unit(rng) < o.explore_p) ? pc : gc;
          st.Apply(static_cast<df::Move>(fc.mv), fc.l > 0 ? static_cast<Dep>(fc.l) : Dep::kRoot);
          continue;
        }
        int pred = -1, best_gold = -1;
        for (int mv = 0; mv < df::kNumMoves; ++mv) {
          if (cost[mv] < 0) continue;
          if (pred < 0 || score[mv] > score[pred]) pred = mv;
          if (cost[mv] == min_cost && (best_gold < 0 || score[mv] > score[best_gold])) best_gold = mv;
        }
        model.Tick();
        ++moves;
        if (cost[pred] > min_cost) {
          ++move_errors;
          for (int k = 0; k < df::kNumTemplates; ++k) {
            model.UpdateMove(ids[k], best_gold, 1.0f);
            model.UpdateMove(ids[k], pred, -1.0f);
          }
        }
        int follow = best_gold;
        if (cost[pred] == min_cost || (explore && unit(rng) < o.explore_p)) follow = pred;
        Dep label = Dep::kRoot;
        if (follow != df::kShift && !(follow == df::kLeft && st.b0() == n)) {
          const int d = st.s0();
          const int h = follow == df::kLeft ? st.b0() : st.s1();
          const int base = follow == df::kLeft ? 0 : kNumDeps;
          float ls[df::kNumLabelClasses] = {};
          for (int k = 0; k < df::kNumTemplates; ++k) model.AddLabels(ids[k], ls);
          int pl = 1;
          for (int l = 2; l < kNumDeps; ++l)
            if (ls[base + l] > ls[base + pl]) pl = l;
          label = static_cast<Dep>(pl);
          if (gold[d] == h) {
            const int gl = static_cast<int>(s.labels[d]);
            if (gl != pl && gl != 0) {
              for (int k = 0; k < df::kNumTemplates; ++k) {
                model.UpdateLabel(ids[k], base + gl, 1.0f);
                model.UpdateLabel(ids[k], base + pl, -1.0f);
              }
            }
            if (!explore && gl != 0) label = static_cast<Dep>(gl);
          }
        }
        st.Apply(static_cast<df::Move>(follow), label);
      }
      for (int i = 0; i < n; ++i) arcs_ok += st.head(i) == gold[i];
      n_words += n;
    }
    const double train_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    size_t n_features = 0, n_labels = 0;
    if (!WriteModel(candidate, model, class_entries, o, &n_features, &n_labels, &error)) {
      std::cerr << "train_parser: " << error << "\n";
      return 2;
    }
    auto parser = DepParser::Load(candidate, &error);
    if (!parser) {
      std::cerr << "train_parser: reloading the model failed: " << error << "\n";
      return 2;
    }
    const Scores r = Evaluate(*parser, dev, 1);
    std::fprintf(stderr,
                 "epoch %2d%s: %.0fs, move errors %.2f%%, train UAS (moves followed) %.2f; dev UAS %.2f LAS %.2f "
                 "(%zu features, %zu relation weights, %zu in training, %.1f MB)\n",
                 iter, explore ? " (explore)" : "", train_secs, 100.0 * move_errors / std::max<size_t>(1, moves),
                 100.0 * arcs_ok / std::max<size_t>(1, n_words), r.UAS(), r.LAS(), n_features, n_labels, model.size(),
                 std::filesystem::file_size(candidate) / 1e6);
    if (r.LAS() > best_las || o.keep_last) {
      best_las = r.LAS();
      best_iter = iter;
      best_scores = r;
      if (std::rename(candidate.c_str(), o.out.c_str()) != 0) {
        std::cerr << "train_parser: cannot write " << o.out << "\n";
        return 2;
      }
    }
  }
  std::remove(candidate.c_str());
  std::printf("model\t%s\nbest_iteration\t%d\ndev_uas\t%.2f\ndev_las\t%.2f\n", o.out.c_str(), best_iter,
              best_scores.UAS(), best_scores.LAS());
  return 0;
}

int Eval(const Options& o) {
  std::string error;
  auto tagger = PosTagger::Load(o.tagger, &error);
  if (!tagger) {
    std::cerr << "train_parser: " << error << "\n";
    return 2;
  }
  auto parser = DepParser::Load(o.model, &error);
  if (!parser) {
    std::cerr << "train_parser: " << error << "\n";
    return 2;
  }
  std::vector<Sentence> test;
  std::vector<std::string> files;
  if (!ReadAll(o.eval, o.exclude, &test, &files, &error)) {
    std::cerr << "train_parser: " << error << "\n";
    return 2;
  }
  TagAll(*tagger, &test);
  if (o.gold_eval_tags)
    for (auto& s : test) s.tags = s.gold_tags;
  size_t tag_ok = 0;
  for (const auto& s : test)
    for (size_t i = 0; i < s.tags.size(); ++i) tag_ok += s.tags[i] == s.gold_tags[i];
  const Scores r = Evaluate(*parser, test, 5);
  std::printf("files\t%zu\nsentences\t%zu\nwords\t%zu\ntag_accuracy\t%.2f\n", files.size(), test.size(), r.words,
              100.0 * tag_ok / std::max<size_t>(1, r.words));
  std::printf("UAS\t%.2f\nLAS\t%.2f\nLAS_base_labels\t%.2f\nUAS_no_punct\t%.2f\nLAS_no_punct\t%.2f\n", r.UAS(),
              r.LAS(), 100.0 * r.las_base / std::max<size_t>(1, r.words),
              100.0 * r.uas_np / std::max<size_t>(1, r.words_np), 100.0 * r.las_np / std::max<size_t>(1, r.words_np));
  std::printf("tokens_per_second\t%.0f\n", r.words / r.seconds);
  return r.UAS() < o.min_uas || r.LAS() < o.min_las ? 1 : 0;
}

// Rewrites a model without its small weights: relation weights below
// prune_labels and features whose weights are all below prune_features (in
// the file's int16 units). A smaller table parses faster (fewer cache misses).
int Prune(const Options& o) {
  std::ifstream in(o.prune_in, std::ios::binary);
  if (!in) {
    std::cerr << "train_parser: " << o.prune_in << ": cannot open\n";
    return 2;
  }
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t data_at = data.find("\ndata\n");
  if (data_at == std::string::npos) {
    std::cerr << "train_parser: " << o.prune_in << ": no data line\n";
    return 2;
  }
  std::string header = data.substr(0, data_at + 6);
  auto field = [&](const std::string& name) {
    const size_t at = header.find("\n" + name + " ");
    return at == std::string::npos ? 0LL : std::stoll(header.substr(at + name.size() + 2));
  };
  const long long n_classes = field("classes"), n_features = field("features");
  const auto* p = reinterpret_cast<const unsigned char*>(data.data()) + data_at + 6;
  std::string out(reinterpret_cast<const char*>(p), n_classes * 11);
  p += n_classes * 11;
  size_t kept = 0, kept_labels = 0;
  auto i16 = [](const unsigned char* q) { return static_cast<int16_t>(static_cast<uint16_t>(q[0] | (q[1] << 8))); };
  std::string feat;
  for (long long i = 0; i < n_features; ++i) {
    const int nnz = p[14];
    int max_abs = 0;
    for (int mv = 0; mv < 3; ++mv) max_abs = std::max(max_abs, std::abs(static_cast<int>(i16(p + 8 + 2 * mv))));
    feat.assign(reinterpret_cast<const char*>(p), 15);
    int kept_here = 0;
    for (int j = 0; j < nnz; ++j) {
      const unsigned char* e = p + 15 + 3 * j;
      const int w = std::abs(static_cast<int>(i16(e + 1)));
      if (w < o.prune_labels) continue;
      max_abs = std::max(max_abs, w);
      feat.append(reinterpret_cast<const char*>(e), 3);
      ++kept_here;
    }
    p += 15 + 3 * nnz;
    if (max_abs < o.prune_features) continue;
    feat[14] = static_cast<char>(kept_here);
    out += feat;
    ++kept;
    kept_labels += kept_here;
  }
  auto set = [&](const std::string& name, size_t v) {
    const size_t at = header.find("\n" + name + " ") + name.size() + 2;
    header.replace(at, header.find('\n', at) - at, std::to_string(v));
  };
  set("features", kept);
  set("label_weights", kept_labels);
  std::ofstream f(o.out, std::ios::binary | std::ios::trunc);
  f << header << out;
  if (!f.flush()) {
    std::cerr << "train_parser: " << o.out << ": write failed\n";
    return 2;
  }
  std::fprintf(stderr, "train_parser: kept %zu of %lld features, %zu relation weights\n", kept, n_features,
               kept_labels);
  return 0;
}

void Usage() {
  std::cerr << "usage:\n"
               "  train_parser --train FILE|DIR [--train ...] [--exclude NAME,NAME] --dev DEV.conllu\n"
               "               --tagger POS.model --out MODEL [--iterations N] [--explore-from E]\n"
               "               [--explore-p P] [--min-count C] [--tag-noise P] [--seed S]\n"
               "               [--jackknife-file TRAIN.conllu --jackknife-dir DIR [--jackknife-k K]]\n"
               "               [--joint] [--keep-last] [--amb-min-count N] [--amb-min-share S]\n"
               "  train_parser --eval FILE|DIR [--eval ...] [--exclude ...] --model MODEL --tagger POS.model\n"
               "               [--min-uas U] [--min-las L]\n"
               "  train_parser --prune MODEL --out SMALLER.model [--prune-labels Q] [--prune-features Q]\n";
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
      if (a == "--train") ok = value(&v) && (o.train.push_back(v), true);
      else if (a == "--eval") ok = value(&v) && (o.eval.push_back(v), true);
      else if (a == "--exclude") {
        ok = value(&v);
        for (size_t p = 0; ok && p <= v.size();) {
          const size_t c = std::min(v.find(',', p), v.size());
          if (c > p) o.exclude.insert(v.substr(p, c - p));
          p = c + 1;
        }
      } else if (a == "--dev") ok = value(&o.dev);
      else if (a == "--out") ok = value(&o.out);
      else if (a == "--model") ok = value(&o.model);
      else if (a == "--tagger") ok = value(&o.tagger);
      else if (a == "--iterations") ok = value(&v) && (o.iterations = std::stoi(v)) > 0;
      else if (a == "--explore-from") ok = value(&v) && (o.explore_from = std::stoi(v)) > 0;
      else if (a == "--explore-p") ok = value(&v) && (o.explore_p = std::stod(v)) >= 0;
      else if (a == "--min-count") ok = value(&v) && (o.min_count = std::stoi(v)) >= 0;
      else if (a == "--tag-noise") ok = value(&v) && (o.tag_noise = std::stod(v)) >= 0;
      else if (a == "--jackknife-file") ok = value(&o.jackknife_file);
      else if (a == "--jackknife-dir") ok = value(&o.jackknife_dir);
      else if (a == "--jackknife-k") ok = value(&v) && (o.jackknife_k = std::stoi(v)) > 0;
      else if (a == "--joint") o.joint = true;
      else if (a == "--keep-last") o.keep_last = true;
      else if (a == "--prune") ok = value(&o.prune_in);
      else if (a == "--prune-labels") ok = value(&v) && (o.prune_labels = std::stoi(v)) >= 0;
      else if (a == "--prune-features") ok = value(&v) && (o.prune_features = std::stoi(v)) >= 0;
      else if (a == "--amb-min-count") ok = value(&v) && (o.amb_min_count = std::stoi(v)) >= 0;
      else if (a == "--amb-min-share") ok = value(&v) && (o.amb_min_share = std::stod(v)) > 0;
      else if (a == "--gold-train-tags") o.gold_train_tags = true;
      else if (a == "--gold-eval-tags") o.gold_eval_tags = true;
      else if (a == "--seed") ok = value(&v) && ((o.seed = std::stoull(v)), true);
      else if (a == "--min-uas") ok = value(&v) && ((o.min_uas = std::stod(v)), true);
      else if (a == "--min-las") ok = value(&v) && ((o.min_las = std::stod(v)), true);
      else if (a == "--help" || a == "-h") {
        Usage();
        return 0;
      } else ok = false;
    } catch (const std::exception&) {
      ok = false;
    }
    if (!ok) {
      std::cerr << "train_parser: bad or incomplete argument " << a << "\n";
      Usage();
      return 2;
    }
  }
  if (!o.prune_in.empty() && !o.out.empty()) return Prune(o);
  if (!o.train.empty() && !o.dev.empty() && !o.out.empty() && !o.tagger.empty() && o.eval.empty()) return Train(o);
  if (!o.eval.empty() && !o.model.empty() && !o.tagger.empty() && o.train.empty()) return Eval(o);
  Usage();
  return 2;
}
