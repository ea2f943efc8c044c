// Tests of the UPOS tagger: the shipped model on news-like sentences (mixed
// case, ALL CAPS, curly quotes), failure paths of the model loader, and, when
// ../shared holds the UD English EWT treebank, accuracy on its test set.
#include "extract/pos_tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace newsgraph::extract {
namespace {

const std::string kModelPath = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract/models/pos-ewt.model";

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

class PosTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    tagger_ = PosTagger::Load(kModelPath, &error).release();
    ASSERT_NE(tagger_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete tagger_;
    tagger_ = nullptr;
  }

  // Tags a space-separated, already tokenised sentence.
  static std::vector<Pos> TagText(const std::string& text, std::vector<std::string>* words_out = nullptr) {
    const std::vector<std::string> words = Split(text);
    const std::vector<std::string_view> views(words.begin(), words.end());
    std::vector<Pos> tags;
    tagger_->Tag(views, &tags);
    EXPECT_EQ(tags.size(), words.size());
    if (words_out) *words_out = words;
    return tags;
  }

  // "word/TAG word/TAG ...", for failure messages.
  static std::string Show(const std::string& text) {
    std::vector<std::string> words;
    const std::vector<Pos> tags = TagText(text, &words);
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) out += words[i] + "/" + PosName(tags[i]) + " ";
    return out;
  }

  static PosTagger* tagger_;
};

PosTagger* PosTaggerTest::tagger_ = nullptr;

TEST(PosNameTest, NamesRoundTrip) {
  EXPECT_STREQ(PosName(Pos::kAdj), "ADJ");
  EXPECT_STREQ(PosName(Pos::kPropn), "PROPN");
  EXPECT_STREQ(PosName(Pos::kX), "X");
  EXPECT_STREQ(PosName(static_cast<Pos>(200)), "?");
  for (int i = 0; i < kNumPos; ++i) {
    Pos p;
    ASSERT_TRUE(ParsePos(PosName(static_cast<Pos>(i)), &p));
    EXPECT_EQ(static_cast<int>(p), i);
  }
  Pos p;
  EXPECT_FALSE(ParsePos("NNP", &p));
}

TEST_F(PosTaggerTest, NewsSentence) {
  const std::string s = "Russian President Vladimir Putin met the US envoy in Moscow on Tuesday .";
  const std::vector<Pos> t = TagText(s);
  ASSERT_EQ(t.size(), 13u);
  const std::string shown = Show(s);
  EXPECT_EQ(t[1], Pos::kPropn) << shown;   // President (title before a name)
  EXPECT_EQ(t[2], Pos::kPropn) << shown;   // Vladimir
  EXPECT_EQ(t[3], Pos::kPropn) << shown;   // Putin
  EXPECT_EQ(t[4], Pos::kVerb) << shown;    // met
  EXPECT_EQ(t[5], Pos::kDet) << shown;     // the
  EXPECT_EQ(t[6], Pos::kPropn) << shown;   // US
  EXPECT_EQ(t[7], Pos::kNoun) << shown;    // envoy
  EXPECT_EQ(t[8], Pos::kAdp) << shown;     // in
  EXPECT_EQ(t[9], Pos::kPropn) << shown;   // Moscow
  EXPECT_EQ(t[10], Pos::kAdp) << shown;    // on
  EXPECT_EQ(t[11], Pos::kPropn) << shown;  // Tuesday
  EXPECT_EQ(t[12], Pos::kPunct) << shown;
}

TEST_F(PosTaggerTest, CliticsAuxiliariesAndNegation) {
  const std::string s = "Ukraine 's foreign minister said Kyiv would not give up its territory .";
  const std::vector<Pos> t = TagText(s);
  const std::string shown = Show(s);
  ASSERT_EQ(t.size(), 13u);
  EXPECT_EQ(t[0], Pos::kPropn) << shown;
  EXPECT_EQ(t[1], Pos::kPart) << shown;  // 's (possessive)
  EXPECT_EQ(t[2], Pos::kAdj) << shown;
  EXPECT_EQ(t[3], Pos::kNoun) << shown;
  EXPECT_EQ(t[4], Pos::kVerb) << shown;
  EXPECT_EQ(t[5], Pos::kPropn) << shown;
  EXPECT_EQ(t[6], Pos::kAux) << shown;
  EXPECT_EQ(t[7], Pos::kPart) << shown;
  EXPECT_EQ(t[8], Pos::kVerb) << shown;
  EXPECT_EQ(t[10], Pos::kPron) << shown;
  EXPECT_EQ(t[11], Pos::kNoun) << shown;
}

TEST_F(PosTaggerTest, NumbersAndAbbreviations) {
  const std::string s = "The U.S. State Department said 2,000 troops had arrived in 2022 .";
  const std::vector<Pos> t = TagText(s);
  const std::string shown = Show(s);
  EXPECT_EQ(t[0], Pos::kDet) << shown;
  EXPECT_EQ(t[1], Pos::kPropn) << shown;
  EXPECT_EQ(t[4], Pos::kVerb) << shown;
  EXPECT_EQ(t[5], Pos::kNum) << shown;
  EXPECT_EQ(t[6], Pos::kNoun) << shown;
  EXPECT_EQ(t[7], Pos::kAux) << shown;
  EXPECT_EQ(t[8], Pos::kVerb) << shown;
  EXPECT_EQ(t[10], Pos::kNum) << shown;
}

TEST_F(PosTaggerTest, CurlyQuotesTagLikeAscii) {
  const std::string curly = "“ We do n’t accept the Kremlin’s terms , ” Zelensky told reporters .";
  const std::string ascii = "\" We do n't accept the Kremlin's terms , \" Zelensky told reporters .";
  EXPECT_EQ(TagText(curly), TagText(ascii)) << Show(curly) << "\n" << Show(ascii);
  const std::vector<Pos> t = TagText("“ We do n’t accept it , ” he said .");
  const std::string shown = Show("“ We do n’t accept it , ” he said .");
  EXPECT_EQ(t[0], Pos::kPunct) << shown;
  EXPECT_EQ(t[2], Pos::kAux) << shown;
  EXPECT_EQ(t[3], Pos::kPart) << shown;
  EXPECT_EQ(t[4], Pos::kVerb) << shown;
  EXPECT_EQ(t[7], Pos::kPunct) << shown;
}

TEST_F(PosTaggerTest, AllCapsAndTitleCaseHeadlines) {
  const std::string caps = "PUTIN MEETS US ENVOY IN MOSCOW";
  const std::vector<Pos> t = TagText(caps);
  const std::string shown = Show(caps);
  EXPECT_EQ(t[0], Pos::kPropn) << shown;
  EXPECT_EQ(t[1], Pos::kVerb) << shown;
  EXPECT_EQ(t[4], Pos::kAdp) << shown;
  EXPECT_EQ(t[5], Pos::kPropn) << shown;
  const std::string title = "Germany Sends More Tanks to Ukraine";
  const std::vector<Pos> u = TagText(title);
  const std::string shown_title = Show(title);
  EXPECT_EQ(u[0], Pos::kPropn) << shown_title;
  EXPECT_EQ(u[4], Pos::kAdp) << shown_title;
  EXPECT_EQ(u[5], Pos::kPropn) << shown_title;
}

TEST_F(PosTaggerTest, EmptyAndOddInput) {
  std::vector<Pos> tags = {Pos::kNoun, Pos::kVerb};
  tagger_->Tag({}, &tags);
  EXPECT_TRUE(tags.empty());
  // Very long, non-ASCII and control-character words must not break anything.
  const std::string long_word(5000, 'x');
  const std::vector<std::string_view> odd = {long_word, "\xE2\x80", "Zürich", "\x01", "", "---", "😀"};
  tagger_->Tag(odd, &tags);
  EXPECT_EQ(tags.size(), odd.size());
  for (Pos p : tags) EXPECT_LT(static_cast<int>(p), kNumPos);
}

TEST_F(PosTaggerTest, SameResultsFromManyThreads) {
  const std::vector<std::string> sentences = {
      "Russian President Vladimir Putin met the US envoy in Moscow on Tuesday .",
      "NATO Secretary General Jens Stoltenberg urged member states to increase defence spending .",
      "Protesters rallied in Tbilisi against the foreign agents law ."};
  std::vector<std::vector<Pos>> expected;
  for (const auto& s : sentences) expected.push_back(TagText(s));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int th = 0; th < 4; ++th) {
    threads.emplace_back([&, th] {
      std::vector<Pos> tags;
      for (int round = 0; round < 200; ++round) {
        for (size_t k = 0; k < sentences.size(); ++k) {
          const std::vector<std::string> words = Split(sentences[k]);
          const std::vector<std::string_view> views(words.begin(), words.end());
          tagger_->Tag(views, &tags);
          if (tags != expected[k]) ++mismatches[th];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// --- Loader failure paths ---------------------------------------------------

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "/pos_tagger_test_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(PosTaggerLoadTest, MissingFile) {
  std::string error;
  const std::string path = ::testing::TempDir() + "/no-such-dir/pos.model";
  EXPECT_EQ(PosTagger::Load(path, &error), nullptr);
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_EQ(PosTagger::Load(path, nullptr), nullptr);  // a null error is allowed
}

TEST(PosTaggerLoadTest, NotAModel) {
  std::string error;
  const std::string path = WriteTemp("garbage.model", "hello world\nmore\n");
  EXPECT_EQ(PosTagger::Load(path, &error), nullptr);
  EXPECT_EQ(error.rfind(path + ":1: ", 0), 0u) << error;
  const std::string empty = WriteTemp("empty.model", "");
  EXPECT_EQ(PosTagger::Load(empty, &error), nullptr);
  EXPECT_EQ(error.rfind(empty + ": ", 0), 0u) << error;
}

TEST(PosTaggerLoadTest, NewerVersionIsRefused) {
  std::string error;
  const std::string path = WriteTemp("v99.model", "newsgraph-pos-model 99\ntags X\ndata\n");
  EXPECT_EQ(PosTagger::Load(path, &error), nullptr);
  EXPECT_EQ(error.rfind(path + ":1: ", 0), 0u) << error;
  EXPECT_NE(error.find("newer"), std::string::npos) << error;
}

TEST(PosTaggerLoadTest, BadHeaderField) {
  std::string error;
  const std::string path = WriteTemp("badfield.model", "newsgraph-pos-model 1\n# note\nscale abc\ndata\n");
  EXPECT_EQ(PosTagger::Load(path, &error), nullptr);
  EXPECT_EQ(error.rfind(path + ":3: ", 0), 0u) << error;
}

TEST(PosTaggerLoadTest, TruncatedOrPaddedShippedModel) {
  const std::string model = ReadAll(kModelPath);
  ASSERT_GT(model.size(), 1000u);
  std::string error;
  const std::string cut = WriteTemp("cut.model", model.substr(0, model.size() / 2));
  EXPECT_EQ(PosTagger::Load(cut, &error), nullptr);
  EXPECT_EQ(error.rfind(cut + ": ", 0), 0u) << error;
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
  const std::string padded = WriteTemp("padded.model", model + "x");
  EXPECT_EQ(PosTagger::Load(padded, &error), nullptr);
  EXPECT_NE(error.find(padded), std::string::npos) << error;
}

// A model of one vocabulary word and one feature, the bias, which favours
// tag: every word it does not fix gets that tag.
std::string BiasOnlyModel(Pos tag) {
  std::string m = std::string(pos_features::kFormatName) + " 1\ntags";
  for (int t = 0; t < kNumPos; ++t) m += std::string(" ") + PosName(static_cast<Pos>(t));
  m += "\nscale 0.5\nvocab 1\nfeatures 1\ndata\n";
  m += std::string("\x01" "a" "\xff" "\x00\x00\x00", 6);  // "a": no fixed tag, no class
  std::vector<uint64_t> keys;
  pos_features::WordKeys("a", 0, pos_features::Role::kSelf, &keys);  // keys[0]: the bias
  for (int b = 0; b < 8; ++b) m += static_cast<char>((keys[0] >> (8 * b)) & 0xFF);
  m += '\x01';
  m += static_cast<char>(tag);
  m += std::string("\x10\x00", 2);  // weight 16
  return m;
}

TEST_F(PosTaggerTest, EachTaggerKeepsItsOwnWordsOnOneThread) {
  // Words outside the vocabulary are cached per thread; taggers used in
  // turn on one thread, and one loaded where another was destroyed, must
  // each give their own tags.
  const std::string sentence = "Zorblaxian envoys met Quibbleton officials in Vexmoor .";
  const std::vector<Pos> shipped = TagText(sentence);
  std::string error;
  auto verbs = PosTagger::Load(WriteTemp("bias-verb.model", BiasOnlyModel(Pos::kVerb)), &error);
  ASSERT_NE(verbs, nullptr) << error;
  const std::vector<std::string> words = Split(sentence);
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<Pos> tags;
  for (int round = 0; round < 2; ++round) {
    verbs->Tag(views, &tags);
    EXPECT_EQ(tags, std::vector<Pos>(words.size(), Pos::kVerb)) << round;
    EXPECT_EQ(TagText(sentence), shipped) << round;
  }
  verbs.reset();
  auto nouns = PosTagger::Load(WriteTemp("bias-noun.model", BiasOnlyModel(Pos::kNoun)), &error);
  ASSERT_NE(nouns, nullptr) << error;
  nouns->Tag(views, &tags);
  EXPECT_EQ(tags, std::vector<Pos>(words.size(), Pos::kNoun));
}

// --- Accuracy on UD English EWT (only where ../shared is present) -------------

TEST_F(PosTaggerTest, AccuracyOnEwtTest) {
  const std::string path = std::string(NEWSGRAPH_SHARED_DIR) + "/corpora/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  size_t tokens = 0, correct = 0;
  std::vector<std::string> words;
  std::vector<Pos> gold, tags;
  auto flush = [&] {
    if (words.empty()) return;
    const std::vector<std::string_view> views(words.begin(), words.end());
    tagger_->Tag(views, &tags);
    for (size_t i = 0; i < tags.size(); ++i) correct += tags[i] == gold[i];
    tokens += words.size();
    words.clear();
    gold.clear();
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
    Pos p;
    ASSERT_TRUE(ParsePos(cols[3], &p)) << line;
    words.push_back(cols[1]);
    gold.push_back(p);
  }
  flush();
  ASSERT_GT(tokens, 20000u);
  const double accuracy = static_cast<double>(correct) / tokens;
  RecordProperty("accuracy", std::to_string(accuracy));
  EXPECT_GE(accuracy, 0.95) << correct << " of " << tokens;
}

}  // namespace
}  // namespace newsgraph::extract
