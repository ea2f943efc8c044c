// Tests of the name tagger: the shipped model on news sentences, inputs at
// the edges (empty, lower case, very long), failure paths of the model
// loader, and, when ../shared holds the GUM corpus, typed F1 on the held-out
// GUM documents (docs/names.md).
#include "extract/name_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/pos_tagger.h"

namespace newsgraph::extract {
namespace {

const std::string kModelPath = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract/models/names-gum.model";
const std::string kPosModelPath = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract/models/pos-ewt.model";
const std::string kLexiconDir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract/lexicons";

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = (std::filesystem::temp_directory_path() / ("newsgraph_name_tagger_" + name)).string();
  std::ofstream out(path, std::ios::binary);
  out << content;
  return path;
}

class NameTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    pos_ = PosTagger::Load(kPosModelPath, &error).release();
    ASSERT_NE(pos_, nullptr) << error;
    tagger_ = NameTagger::Load(kModelPath, kLexiconDir, &error).release();
    ASSERT_NE(tagger_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete tagger_;
    delete pos_;
    tagger_ = nullptr;
    pos_ = nullptr;
  }

  // "Emmanuel Macron" -> "person:Emmanuel Macron", one string per name.
  static std::vector<std::string> Names(const std::string& sentence) {
    const std::vector<std::string> words = Split(sentence);
    const std::vector<std::string_view> views(words.begin(), words.end());
    std::vector<Pos> tags;
    pos_->Tag(views, &tags);
    std::vector<NameSpan> spans;
    tagger_->Tag(views, tags, &spans);
    std::vector<std::string> out;
    for (const NameSpan& s : spans) {
      std::string text;
      for (uint32_t k = s.first; k < s.last; ++k) text += (k > s.first ? " " : "") + words[k];
      out.push_back(std::string(NameTypeName(s.type)) + ":" + text);
    }
    return out;
  }

  static void ExpectValid(const std::vector<NameSpan>& spans, size_t n) {
    uint32_t end = 0;
    for (const NameSpan& s : spans) {
      EXPECT_LE(end, s.first);
      EXPECT_LT(s.first, s.last);
      EXPECT_LE(s.last, n);
      EXPECT_GE(s.score, 0.0f);
      EXPECT_LT(s.score, 1.0f);
      EXPECT_LE(static_cast<int>(s.type), static_cast<int>(NameType::kOther));
      end = s.last;
    }
  }

  static PosTagger* pos_;
  static NameTagger* tagger_;
};

PosTagger* NameTaggerTest::pos_ = nullptr;
NameTagger* NameTaggerTest::tagger_ = nullptr;

TEST_F(NameTaggerTest, PersonsAndPlace) {
  EXPECT_EQ(Names("Emmanuel Macron met Olaf Scholz in Berlin ."),
            (std::vector<std::string>{"person:Emmanuel Macron", "person:Olaf Scholz", "place:Berlin"}));
}

TEST_F(NameTaggerTest, NewsSentences) {
  EXPECT_EQ(Names("The United Nations said on Tuesday that aid had reached Gaza ."),
            (std::vector<std::string>{"organization:United Nations", "place:Gaza"}));
  EXPECT_EQ(Names("President Joe Biden spoke with Chancellor Angela Merkel ."),
            (std::vector<std::string>{"person:Joe Biden", "person:Angela Merkel"}));
}

TEST_F(NameTaggerTest, LowerCaseSentenceHasNoNames) {
  EXPECT_TRUE(Names("the minister said that the talks would continue next week .").empty());
}

TEST_F(NameTaggerTest, TypeNames) {
  EXPECT_STREQ(NameTypeName(NameType::kPerson), "person");
  EXPECT_STREQ(NameTypeName(NameType::kOrganization), "organization");
  EXPECT_STREQ(NameTypeName(NameType::kPlace), "place");
  EXPECT_STREQ(NameTypeName(NameType::kOther), "other");
}

TEST_F(NameTaggerTest, EmptyAndLongInputs) {
  std::vector<NameSpan> spans{NameSpan{0, 1, NameType::kPerson, 0.5f}};
  tagger_->Tag({}, {}, &spans);
  EXPECT_TRUE(spans.empty());

  const std::vector<std::string> base =
      Split("Angela Merkel flew from Berlin to Paris , where she met officials of the European Union and Macron ;");
  std::vector<std::string> words;
  while (words.size() < 5000) words.insert(words.end(), base.begin(), base.end());
  words.resize(5000);
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<Pos> tags;
  pos_->Tag(views, &tags);
  tagger_->Tag(views, tags, &spans);
  ExpectValid(spans, words.size());
  EXPECT_GT(spans.size(), 500u);

  // Tags shorter than the words (read as X) and odd bytes still give valid spans.
  const std::vector<std::string_view> odd{"", "\xff\xfe", "A", "\xE2\x80\x9C", "Berlin", "..."};
  tagger_->Tag(odd, {Pos::kPropn}, &spans);
  ExpectValid(spans, odd.size());
}

TEST_F(NameTaggerTest, ThreadsAgree) {
  const std::vector<std::string> words = Split("Vladimir Putin and Xi Jinping met in Moscow on Monday .");
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<Pos> tags;
  pos_->Tag(views, &tags);
  std::vector<NameSpan> expect;
  tagger_->Tag(views, tags, &expect);
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::vector<NameSpan> spans;
      bool ok = true;
      for (int r = 0; r < 200; ++r) {
        tagger_->Tag(views, tags, &spans);
        ok = ok && spans.size() == expect.size();
        for (size_t k = 0; ok && k < spans.size(); ++k)
          ok = spans[k].first == expect[k].first && spans[k].last == expect[k].last && spans[k].type == expect[k].type;
      }
      same[t] = ok;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(same, std::vector<int>(4, 1));
}

// --- Loader failures -------------------------------------------------------------

TEST(NameTaggerLoad, MissingModel) {
  std::string error;
  EXPECT_EQ(NameTagger::Load("/nonexistent/names.model", kLexiconDir, &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/names.model: "), std::string::npos) << error;
  EXPECT_EQ(NameTagger::Load("/nonexistent/names.model", kLexiconDir, nullptr), nullptr);
}

TEST(NameTaggerLoad, CorruptModels) {
  struct Case {
    const char* name;
    std::string content;
    std::string expect;
  };
  const std::string labels = "labels " + name_features::LabelLine() + "\n";
  const std::vector<Case> cases = {
      {"empty.model", "", "empty or truncated"},
      {"pos.model", "newsgraph-pos-model 1\n", ":1: not a name model"},
      {"newer.model", "newsgraph-name-model 99\n", ":1: model format version 99 is newer"},
      {"badfield.model", "newsgraph-name-model 1\nfoo 1\ndata\n", ":2: unknown header field \"foo\""},
      {"labels.model", "newsgraph-name-model 1\nlabels O B-PER\nscale 1\nfeatures 1\ndata\n",
       ":2: label set differs"},
      {"noheader.model", "newsgraph-name-model 1\n" + labels + "data\n", ":3: header lacks"},
      {"truncated.model", "newsgraph-name-model 1\n" + labels + "scale 0.001\nfeatures 2\ndata\n12345",
       "truncated feature table"},
      {"trailing.model",
       "newsgraph-name-model 1\n" + labels + "scale 0.001\nfeatures 1\ndata\n" + std::string(8, '\x01') +
           std::string(1, '\0') + "xyz",
       "trailing bytes"},
  };
  for (const Case& c : cases) {
    const std::string path = WriteTemp(c.name, c.content);
    std::string error;
    EXPECT_EQ(NameTagger::Load(path, kLexiconDir, &error), nullptr) << c.name;
    EXPECT_NE(error.find(path), std::string::npos) << c.name << ": " << error;
    EXPECT_NE(error.find(c.expect), std::string::npos) << c.name << ": " << error;
    std::filesystem::remove(path);
  }
}

TEST(NameTaggerLoad, MissingLexicons) {
  std::string error;
  EXPECT_EQ(NameTagger::Load(kModelPath, "/nonexistent/lexicons", &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/lexicons/"), std::string::npos) << error;
}

// --- Accuracy on the held-out GUM documents (only where ../shared is present) ---

// Typed F1 over person, organization and place names (exact span and type;
// names of other types are left out of both sides), as train_ner --eval
// computes it. The shipped model scores 0.674 (docs/names.md); the target of
// issue 13 is 0.80, which this model does not reach, so the bound guards
// against regressions only.
constexpr double kMinTypedF1 = 0.65;

TEST_F(NameTaggerTest, TypedF1OnHeldOutGum) {
  const std::string dir = std::string(NEWSGRAPH_SHARED_DIR) + "/corpora/gum-open";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " not present";
  std::vector<std::string> paths, names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string p = e.path().string();
    if (p.size() > 7 && p.substr(p.size() - 7) == ".conllu") paths.push_back(p);
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) GTEST_SKIP() << dir << " holds no .conllu files";
  for (const std::string& p : paths) names.push_back(std::filesystem::path(p).stem().string());
  const std::vector<bool> held = name_features::HeldOut(names);
  name_features::Gazetteer gazetteer;
  std::string error;
  ASSERT_TRUE(gazetteer.Load(kLexiconDir, &error)) << error;
  size_t tp = 0, gold = 0, found = 0, docs = 0;
  std::vector<Pos> tags;
  std::vector<NameSpan> spans;
  for (size_t d = 0; d < paths.size(); ++d) {
    if (!held[d]) continue;
    name_features::GoldDocument doc;
    ASSERT_TRUE(name_features::ReadGumDocument(paths[d], gazetteer, &doc, &error)) << error;
    ++docs;
    for (const auto& s : doc.sentences) {
      const std::vector<std::string_view> views(s.words.begin(), s.words.end());
      pos_->Tag(views, &tags);
      tagger_->Tag(views, tags, &spans);
      for (const NameSpan& g : s.names) gold += g.type != NameType::kOther;
      for (const NameSpan& p : spans) {
        if (p.type == NameType::kOther) continue;
        ++found;
        for (const NameSpan& g : s.names) tp += p.first == g.first && p.last == g.last && p.type == g.type;
      }
    }
  }
  ASSERT_GE(docs, 20u) << "expected the 23 held-out documents of GUM's open genres";
  ASSERT_GT(gold, 0u);
  const double precision = found ? static_cast<double>(tp) / found : 0;
  const double recall = static_cast<double>(tp) / gold;
  const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  std::cout << "held-out GUM: " << docs << " documents, " << gold << " person/organization/place names; typed P "
            << precision << " R " << recall << " F1 " << f1 << "\n";
  EXPECT_GE(f1, kMinTypedF1);
}

}  // namespace
}  // namespace newsgraph::extract
