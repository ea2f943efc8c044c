// Tests of the dependency parser: the shipped model on news constructions
// (agent/patient, passive with "by"), well-formed trees for any input (empty,
// one word, thousands of garbage tokens, mismatched tag vectors), failure
// paths of the model loader, thread safety, and, when ../shared holds the UD
// English EWT treebank, UAS/LAS on its test set with newsgraph's own tags.
#include "extract/dep_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/pos_tagger.h"

namespace newsgraph::extract {
namespace {

const std::string kModelPath = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract/models/dep-ud.model";
const std::string kTaggerPath = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract/models/pos-ewt.model";

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// True if heads form one tree over n words with exactly one root.
::testing::AssertionResult IsTree(const std::vector<int>& heads, const std::vector<Dep>& labels, size_t n) {
  if (heads.size() != n || labels.size() != n)
    return ::testing::AssertionFailure() << "sizes " << heads.size() << "/" << labels.size() << " for " << n;
  if (n == 0) return ::testing::AssertionSuccess();
  int roots = 0;
  for (size_t i = 0; i < n; ++i) {
    if (heads[i] == -1) {
      ++roots;
      if (labels[i] != Dep::kRoot) return ::testing::AssertionFailure() << "root " << i << " not labelled root";
    } else if (heads[i] < 0 || heads[i] >= static_cast<int>(n) || heads[i] == static_cast<int>(i)) {
      return ::testing::AssertionFailure() << "word " << i << " has head " << heads[i];
    } else if (labels[i] == Dep::kRoot) {
      return ::testing::AssertionFailure() << "non-root word " << i << " labelled root";
    }
  }
  if (roots != 1) return ::testing::AssertionFailure() << roots << " roots";
  // Acyclic: every word reaches the root; memoised so the check is linear.
  std::vector<int> state(n, 0);  // 0 unseen, 1 on the current path, 2 reaches the root
  std::vector<int> path;
  for (size_t i = 0; i < n; ++i) {
    int k = static_cast<int>(i);
    path.clear();
    while (k != -1 && state[k] == 0) {
      state[k] = 1;
      path.push_back(k);
      k = heads[k];
    }
    if (k != -1 && state[k] == 1) return ::testing::AssertionFailure() << "cycle through word " << k;
    for (int p : path) state[p] = 2;
  }
  return ::testing::AssertionSuccess();
}

class DepParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    parser_ = DepParser::Load(kModelPath, &error).release();
    ASSERT_NE(parser_, nullptr) << error;
    tagger_ = PosTagger::Load(kTaggerPath, &error).release();
    ASSERT_NE(tagger_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete parser_;
    delete tagger_;
    parser_ = nullptr;
    tagger_ = nullptr;
  }

  struct Parsed {
    std::vector<std::string> words;
    std::vector<int> heads;
    std::vector<Dep> labels;
    int Find(const std::string& w) const {
      for (size_t i = 0; i < words.size(); ++i)
        if (words[i] == w) return static_cast<int>(i);
      return -2;
    }
    // "word -label-> head" for failure messages.
    std::string Dump() const {
      std::string s;
      for (size_t i = 0; i < words.size(); ++i)
        s += words[i] + " -" + DepName(labels[i]) + "-> " + (heads[i] < 0 ? "ROOT" : words[heads[i]]) + "\n";
      return s;
    }
  };

  // Tags and parses a space-separated, already tokenised sentence.
  static Parsed ParseText(const std::string& text) {
    Parsed p;
    p.words = Split(text);
    const std::vector<std::string_view> views(p.words.begin(), p.words.end());
    std::vector<Pos> tags;
    tagger_->Tag(views, &tags);
    parser_->Parse(views, tags, &p.heads, &p.labels);
    EXPECT_TRUE(IsTree(p.heads, p.labels, p.words.size()));
    return p;
  }

  static std::string WriteTemp(const std::string& name, const std::string& content) {
    const std::string path = (std::filesystem::temp_directory_path() / ("dep_parser_test_" + name)).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    return path;
  }

  static DepParser* parser_;
  static PosTagger* tagger_;
};

DepParser* DepParserTest::parser_ = nullptr;
PosTagger* DepParserTest::tagger_ = nullptr;

// --- Labels ------------------------------------------------------------------

TEST(DepLabelsTest, NamesRoundTripAndSubtypesMap) {
  for (int i = 0; i < kNumDeps; ++i) {
    Dep d;
    ASSERT_TRUE(ParseDep(DepName(static_cast<Dep>(i)), &d)) << i;
    EXPECT_EQ(static_cast<int>(d), i) << DepName(static_cast<Dep>(i));
  }
  Dep d;
  ASSERT_TRUE(ParseDep("nsubj:outer", &d));
  EXPECT_EQ(d, Dep::kNsubj);
  ASSERT_TRUE(ParseDep("obl:unmarked", &d));
  EXPECT_EQ(d, Dep::kObl);
  ASSERT_TRUE(ParseDep("acl:relcl", &d));
  EXPECT_EQ(d, Dep::kAclRelcl);
  ASSERT_TRUE(ParseDep("nmod:desc", &d));
  EXPECT_EQ(d, Dep::kNmod);
  EXPECT_FALSE(ParseDep("subject", &d));
  EXPECT_FALSE(ParseDep("", &d));
  EXPECT_FALSE(ParseDep("nosuch:pass", &d));
  EXPECT_STREQ(DepName(Dep::kOblAgent), "obl:agent");
  EXPECT_STREQ(DepName(static_cast<Dep>(200)), "?");
  EXPECT_EQ(BaseDep(Dep::kNsubjPass), Dep::kNsubj);
  EXPECT_EQ(BaseDep(Dep::kObj), Dep::kObj);
}

// --- The shipped model on news constructions ------------------------------------

TEST_F(DepParserTest, AgentAndPatient) {
  const Parsed p = ParseText("Russia attacked Ukraine .");
  const int verb = p.Find("attacked");
  EXPECT_EQ(p.heads[verb], -1) << p.Dump();
  EXPECT_EQ(p.heads[p.Find("Russia")], verb) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("Russia")], Dep::kNsubj) << p.Dump();
  EXPECT_EQ(p.heads[p.Find("Ukraine")], verb) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("Ukraine")], Dep::kObj) << p.Dump();
  EXPECT_EQ(p.labels[p.Find(".")], Dep::kPunct) << p.Dump();
}

TEST_F(DepParserTest, PassiveWithAgent) {
  const Parsed p = ParseText("Kyiv was struck by Russian drones on Tuesday .");
  const int verb = p.Find("struck");
  EXPECT_EQ(p.heads[verb], -1) << p.Dump();
  EXPECT_EQ(p.heads[p.Find("Kyiv")], verb) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("Kyiv")], Dep::kNsubjPass) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("was")], Dep::kAuxPass) << p.Dump();
  EXPECT_EQ(p.heads[p.Find("drones")], verb) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("drones")], Dep::kOblAgent) << p.Dump();
  EXPECT_EQ(p.heads[p.Find("by")], p.Find("drones")) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("by")], Dep::kCase) << p.Dump();
}

TEST_F(DepParserTest, ComplementAndPossessive) {
  const Parsed p = ParseText("The minister refused to meet Japan 's envoy .");
  const int refused = p.Find("refused");
  EXPECT_EQ(p.heads[refused], -1) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("minister")], Dep::kNsubj) << p.Dump();
  EXPECT_EQ(p.heads[p.Find("meet")], refused) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("meet")], Dep::kXcomp) << p.Dump();
  EXPECT_EQ(p.heads[p.Find("envoy")], p.Find("meet")) << p.Dump();
  EXPECT_EQ(p.labels[p.Find("Japan")], Dep::kNmodPoss) << p.Dump();
}

// --- Well-formed trees for any input ---------------------------------------------

TEST_F(DepParserTest, EmptyAndOneWord) {
  std::vector<int> heads{7, 7};
  std::vector<Dep> labels{Dep::kObj};
  parser_->Parse({}, {}, &heads, &labels);
  EXPECT_TRUE(heads.empty());
  EXPECT_TRUE(labels.empty());
  parser_->Parse({"Hello"}, {Pos::kIntj}, &heads, &labels);
  ASSERT_EQ(heads.size(), 1u);
  EXPECT_EQ(heads[0], -1);
  EXPECT_EQ(labels[0], Dep::kRoot);
}

TEST_F(DepParserTest, LongGarbageSentenceGivesOneTree) {
  std::mt19937 rng(7);
  std::vector<std::string> words;
  std::vector<Pos> tags;
  const char* pieces[] = {",", "the", "of", "(", ")", "xqzv", "\xE2\x80\x9C", "", "said", "1999", "\xff\xfe", "and"};
  for (int i = 0; i < 5000; ++i) {
    std::string w = pieces[rng() % std::size(pieces)];
    if (rng() % 3 == 0) w += std::string(rng() % 300, static_cast<char>('a' + rng() % 26));
    words.push_back(w);
    tags.push_back(static_cast<Pos>(rng() % kNumPos));
  }
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<int> heads;
  std::vector<Dep> labels;
  parser_->Parse(views, tags, &heads, &labels);
  EXPECT_TRUE(IsTree(heads, labels, words.size()));
  // Tag vectors of the wrong size or with out-of-range values.
  tags.resize(10);
  tags[3] = static_cast<Pos>(250);
  parser_->Parse(views, tags, &heads, &labels);
  EXPECT_TRUE(IsTree(heads, labels, words.size()));
  parser_->Parse(views, {}, &heads, &labels);
  EXPECT_TRUE(IsTree(heads, labels, words.size()));
}

TEST_F(DepParserTest, SameResultOnEveryThread) {
  const std::vector<std::string> text = {
      "Chile and Peru signed a trade agreement in Lima on Monday .",
      "The ministry said that Iran must withdraw its forces .",
      "Starmer , who advocates talks , met with Macron in Paris ."};
  std::vector<Parsed> expect;
  for (const auto& t : text) expect.push_back(ParseText(t));
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 0;
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < text.size(); ++i) {
          const std::vector<std::string_view> views(expect[i].words.begin(), expect[i].words.end());
          std::vector<Pos> tags;
          tagger_->Tag(views, &tags);
          std::vector<int> heads;
          std::vector<Dep> labels;
          parser_->Parse(views, tags, &heads, &labels);
          good += heads == expect[i].heads && labels == expect[i].labels;
        }
      }
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 150) << "thread " << t;
}

// --- Vector and portable code ------------------------------------------------------

// The relation weights of frequent features are added with AVX2 when the CPU
// has it; the portable code must give the very same trees (dense_rows_test
// checks the sums themselves).
TEST_F(DepParserTest, VectorAndPortableCodeGiveTheSameTrees) {
  std::string error;
  std::unique_ptr<DepParser> parser = DepParser::Load(kModelPath, &error);
  ASSERT_NE(parser, nullptr) << error;
  std::vector<std::vector<std::string>> sentences;
  for (const char* t : {
           "Chile and Peru signed a trade agreement in Lima on Monday .",
           "The ministry said on Tuesday that Iran must withdraw its forces from the border region by March .",
           "Starmer , who advocates talks with the rebels , met with Macron and the German chancellor in Paris .",
           "Protesters blocked roads in the capital after police arrested two opposition leaders , witnesses said .",
           "\" We will not accept this , \" the foreign minister told reporters , adding that sanctions were likely ."})
    sentences.push_back(Split(t));
  std::mt19937 rng(3);
  const char* pieces[] = {"the", "minister", "said", ",", "Russia", "and", "of", "talks", "on", "(", "1999", "."};
  for (int k = 0; k < 20; ++k) {
    std::vector<std::string> words;
    for (int i = 0, n = 1 + static_cast<int>(rng() % 80); i < n; ++i) words.push_back(pieces[rng() % std::size(pieces)]);
    sentences.push_back(words);
  }
  auto parse_all = [&](std::vector<std::vector<int>>* heads, std::vector<std::vector<Dep>>* labels) {
    for (const auto& words : sentences) {
      const std::vector<std::string_view> views(words.begin(), words.end());
      std::vector<Pos> tags;
      tagger_->Tag(views, &tags);
      heads->emplace_back();
      labels->emplace_back();
      parser->Parse(views, tags, &heads->back(), &labels->back());
      EXPECT_TRUE(IsTree(heads->back(), labels->back(), words.size()));
    }
  };
  std::vector<std::vector<int>> heads_portable, heads_vector;
  std::vector<std::vector<Dep>> labels_portable, labels_vector;
  EXPECT_FALSE(parser->UseVectorCode(false));
  parse_all(&heads_portable, &labels_portable);
  const bool vector = parser->UseVectorCode(true);
  parse_all(&heads_vector, &labels_vector);
  for (size_t i = 0; i < sentences.size(); ++i) {
    EXPECT_EQ(heads_vector[i], heads_portable[i]) << "sentence " << i;
    EXPECT_EQ(labels_vector[i], labels_portable[i]) << "sentence " << i;
  }
  // The first sentence parses as it should either way.
  EXPECT_EQ(heads_portable[0][3], -1);             // signed
  EXPECT_EQ(labels_portable[0][0], Dep::kNsubj);  // Chile
  EXPECT_EQ(labels_portable[0][6], Dep::kObj);    // agreement
  if (!vector) GTEST_SKIP() << "this CPU has no AVX2: only the portable code ran";
}

// --- Model loading failures -------------------------------------------------------

TEST_F(DepParserTest, LoadFailuresGiveAMessage) {
  std::string error;
  EXPECT_EQ(DepParser::Load("/nonexistent/dep.model", &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/dep.model"), std::string::npos) << error;

  const std::string garbage = WriteTemp("garbage.model", "hello world\nthis is not a model\n");
  EXPECT_EQ(DepParser::Load(garbage, &error), nullptr);
  EXPECT_EQ(error.rfind(garbage + ":1:", 0), 0u) << error;

  const std::string newer = WriteTemp("newer.model", "newsgraph-dep-model 99\n");
  EXPECT_EQ(DepParser::Load(newer, &error), nullptr);
  EXPECT_NE(error.find("newer"), std::string::npos) << error;

  // The real model cut short in its binary body, and with a bad header field.
  std::ifstream in(kModelPath, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string model = ss.str();
  ASSERT_GT(model.size(), 100000u);
  const std::string cut = WriteTemp("cut.model", model.substr(0, model.size() - 1001));
  EXPECT_EQ(DepParser::Load(cut, &error), nullptr);
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;

  std::string bad = model;
  const size_t at = bad.find("\ntemplates ");
  ASSERT_NE(at, std::string::npos);
  bad.replace(at, 11, "\ntemplatez ");
  const std::string bad_path = WriteTemp("badfield.model", bad);
  EXPECT_EQ(DepParser::Load(bad_path, &error), nullptr);
  EXPECT_NE(error.find(bad_path + ":"), std::string::npos) << error;
  EXPECT_NE(error.find("templatez"), std::string::npos) << error;

  // A class byte out of range (200) in a feature with many relation weights
  // (those get a dense row): refused, whatever byte it is.
  {
    std::string bad_class = model;
    size_t q = bad_class.find("\ndata\n") + 6;
    const size_t classes_at = bad_class.find("\nclasses ");
    ASSERT_NE(classes_at, std::string::npos);
    q += 11 * std::stoul(bad_class.substr(classes_at + 9));
    bool changed = false;
    while (q + 15 <= bad_class.size() && !changed) {
      const int nnz = static_cast<unsigned char>(bad_class[q + 14]);
      if (nnz >= 20) {
        bad_class[q + 15 + 3 * 5] = static_cast<char>(200);
        changed = true;
      }
      q += 15 + 3 * nnz;
    }
    ASSERT_TRUE(changed);
    const std::string path = WriteTemp("badclass.model", bad_class);
    EXPECT_EQ(DepParser::Load(path, &error), nullptr);
    EXPECT_NE(error.find("bad relation class"), std::string::npos) << error;
    std::filesystem::remove(path);
  }

  EXPECT_EQ(DepParser::Load(WriteTemp("empty.model", ""), nullptr), nullptr);  // null error is allowed
  for (const char* name : {"garbage.model", "newer.model", "cut.model", "badfield.model", "empty.model"})
    std::filesystem::remove(std::filesystem::temp_directory_path() / (std::string("dep_parser_test_") + name));
}

// --- Accuracy on UD English EWT (only where ../shared is present) -------------------

TEST_F(DepParserTest, AccuracyOnEwtTest) {
  const std::string path = std::string(NEWSGRAPH_SHARED_DIR) + "/corpora/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  size_t words_total = 0, uas = 0, las = 0;
  std::vector<std::string> words;
  std::vector<int> gold_heads, heads;
  std::vector<Dep> gold_labels, labels;
  std::vector<Pos> tags;
  auto flush = [&] {
    if (words.empty()) return;
    const std::vector<std::string_view> views(words.begin(), words.end());
    tagger_->Tag(views, &tags);
    parser_->Parse(views, tags, &heads, &labels);
    for (size_t i = 0; i < words.size(); ++i) {
      const bool head_ok = heads[i] == gold_heads[i];
      uas += head_ok;
      las += head_ok && BaseDep(labels[i]) == gold_labels[i];
    }
    words_total += words.size();
    words.clear();
    gold_heads.clear();
    gold_labels.clear();
  };
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) cols.push_back(c);
    ASSERT_EQ(cols.size(), 10u) << line;
    if (cols[0].find_first_of("-.") != std::string::npos) continue;
    // Labels are compared on UD base relations (as CoNLL 2018 LAS does):
    // the treebank's obl:unmarked and nmod:unmarked have no exact Dep.
    Dep d;
    if (!ParseDep(cols[7], &d)) d = Dep::kDep;
    words.push_back(cols[1]);
    gold_heads.push_back(std::stoi(cols[6]) - 1);
    gold_labels.push_back(BaseDep(d));
  }
  flush();
  ASSERT_GT(words_total, 20000u);
  const double u = 100.0 * uas / words_total, l = 100.0 * las / words_total;
  RecordProperty("UAS", std::to_string(u));
  RecordProperty("LAS", std::to_string(l));
  EXPECT_GE(u, 86.0) << uas << " of " << words_total;
  EXPECT_GE(l, 83.0) << las << " of " << words_total;
}

}  // namespace
}  // namespace newsgraph::extract
