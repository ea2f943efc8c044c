// Tests of the name tagger: the shipped model on news sentences, inputs at
// the edges (empty, lower case, very long), failure paths of the model
// loader, and, when ../shared holds the GUM corpus, typed F1 on the held-out
// GUM documents (docs/names.md).
#include "extract/name_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
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

// --- Documents ---------------------------------------------------------------------

// Tags a document (sentences of space-separated words) with TagDocument;
// returns "type:words" per name, sentence by sentence.
std::vector<std::vector<std::string>> DocumentNames(const NameTagger& tagger, const PosTagger& pos,
                                                    const std::vector<std::string>& text) {
  std::vector<std::vector<std::string>> words;
  for (const std::string& s : text) words.push_back(Split(s));
  std::vector<std::vector<std::string_view>> views;
  std::vector<std::vector<Pos>> tags(words.size());
  for (size_t k = 0; k < words.size(); ++k) {
    views.emplace_back(words[k].begin(), words[k].end());
    pos.Tag(views.back(), &tags[k]);
  }
  std::vector<std::vector<NameSpan>> spans;
  tagger.TagDocument(views, tags, &spans);
  EXPECT_EQ(spans.size(), words.size());
  std::vector<std::vector<std::string>> out(words.size());
  for (size_t k = 0; k < spans.size(); ++k) {
    for (const NameSpan& s : spans[k]) {
      std::string t;
      for (uint32_t w = s.first; w < s.last; ++w) t += (w > s.first ? " " : "") + words[k][w];
      out[k].push_back(std::string(NameTypeName(s.type)) + ":" + t);
    }
  }
  return out;
}

TEST_F(NameTaggerTest, TagDocumentGivesOneTypePerName) {
  // A made-up town, named in contexts that read now as a person, now as a
  // place: the sentence tagger disagrees with itself, the document does not.
  const std::vector<std::string> text = {"Tarvik said the plan would fail .",
                                         "We drove to Tarvik on Monday .",
                                         "The museum in Tarvik opened in 1990 .",
                                         "Tarvik is a small town near the coast .",
                                         "Mayor Lena Quist of Tarvik spoke to reporters .",
                                         "Quist said the town needs money .",
                                         "Tarvik won the vote .",
                                         "Tarvik announced a new tax .",
                                         "He met Tarvik in the city .",
                                         "Officials from Tarvik signed the deal .",
                                         "Tarvik has 20,000 residents ."};
  std::set<std::string> sentence_types;
  size_t sentence_mentions = 0;
  for (const std::string& s : text) {
    const std::vector<std::string> words = Split(s);
    const std::vector<std::string_view> views(words.begin(), words.end());
    std::vector<Pos> tags;
    pos_->Tag(views, &tags);
    std::vector<NameSpan> spans;
    tagger_->Tag(views, tags, &spans);
    for (const NameSpan& sp : spans)
      if (sp.last == sp.first + 1 && words[sp.first] == "Tarvik") {
        sentence_types.insert(NameTypeName(sp.type));
        ++sentence_mentions;
      }
  }
  ASSERT_GT(sentence_types.size(), 1u) << "the sentence tagger no longer disagrees; pick other sentences";
  std::set<std::string> document_types;
  size_t document_mentions = 0;
  const std::vector<std::vector<std::string>> names = DocumentNames(*tagger_, *pos_, text);
  for (const std::vector<std::string>& sentence : names)
    for (const std::string& n : sentence)
      if (n.substr(n.find(':') + 1) == "Tarvik") {
        document_types.insert(n.substr(0, n.find(':')));
        ++document_mentions;
      }
  EXPECT_EQ(document_types, std::set<std::string>{"place"});  // the most and surest mentions say place
  EXPECT_GE(document_mentions, sentence_mentions);  // no mention is lost by the vote
  // "Quist" alone takes the type of the full name "Lena Quist".
  EXPECT_NE(std::find(names[5].begin(), names[5].end(), "person:Quist"), names[5].end());
}

TEST_F(NameTaggerTest, TagDocumentEdgeCases) {
  std::vector<std::vector<NameSpan>> spans{{NameSpan{0, 1, NameType::kPerson, 0.5f}}};
  tagger_->TagDocument({}, {}, &spans);
  EXPECT_TRUE(spans.empty());
  // An empty sentence, missing tags (read as X) and odd bytes.
  const std::vector<std::vector<std::string_view>> doc{
      {}, {"Angela", "Merkel", "visited", "Paris", "."}, {"\xff", "Merkel", "Merkel", "Merkel"}, {"Merkel"}};
  tagger_->TagDocument(doc, {{}, {Pos::kPropn}}, &spans);
  ASSERT_EQ(spans.size(), doc.size());
  EXPECT_TRUE(spans[0].empty());
  for (size_t k = 0; k < doc.size(); ++k) ExpectValid(spans[k], doc[k].size());
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

// Format version 2 carries word clusters after the feature table and the
// "document" field; version 1 files (no clusters) still load.
TEST(NameTaggerLoad, Version2ClustersAndVersion1) {
  const std::string labels = "labels " + name_features::LabelLine() + "\n";
  const std::string feature = std::string(8, '\x01') + std::string(1, '\0');  // one key, no weights
  auto v2 = [&](const std::string& fields, const std::string& tail) {
    return "newsgraph-name-model 2\n" + labels + "scale 0.001\nfeatures 1\n" + fields + "data\n" + feature + tail;
  };
  struct Case {
    const char* name;
    std::string content;
    std::string expect;  // empty: loads
  };
  const std::vector<Case> cases = {
      {"v1.model", "newsgraph-name-model 1\n" + labels + "scale 0.001\nfeatures 1\ndata\n" + feature, ""},
      {"v2.model", v2("clusters 2\ndocument 1\n", "0110\tParis\n01\tBerlin\n"), ""},
      {"v2-none.model", v2("clusters 0\ndocument 0\n", ""), ""},
      {"v2-short.model", v2("clusters 2\n", "0110\tParis\n"), "truncated cluster table (cluster 1)"},
      {"v2-badpath.model", v2("clusters 1\n", "01x\tParis\n"), "bad cluster line 0"},
      {"v2-notab.model", v2("clusters 1\n", "0110 Paris\n"), "bad cluster line 0"},
      {"v2-trailing.model", v2("clusters 1\n", "0110\tParis\nxyz"), "trailing bytes after the cluster table"},
      {"v2-document.model", v2("clusters 0\ndocument 2\n", ""), ":6: bad value for document"},
      {"v2-noclusters.model", v2("", ""), "header lacks one of labels, scale, features, clusters"},
      {"v1-clusters.model", "newsgraph-name-model 1\n" + labels + "scale 0.001\nfeatures 1\nclusters 0\ndata\n" + feature,
       ":5: unknown header field \"clusters\""},
  };
  for (const Case& c : cases) {
    const std::string path = WriteTemp(c.name, c.content);
    std::string error;
    auto tagger = NameTagger::Load(path, kLexiconDir, &error);
    if (c.expect.empty()) {
      ASSERT_NE(tagger, nullptr) << c.name << ": " << error;
      EXPECT_EQ(tagger->num_features(), 1u) << c.name;
      // A model without weights finds nothing, sentence or document.
      std::vector<std::vector<NameSpan>> spans;
      tagger->TagDocument({{"Paris", "is", "big"}}, {}, &spans);
      ASSERT_EQ(spans.size(), 1u);
      EXPECT_TRUE(spans[0].empty()) << c.name;
    } else {
      EXPECT_EQ(tagger, nullptr) << c.name;
      EXPECT_NE(error.find(path), std::string::npos) << c.name << ": " << error;
      EXPECT_NE(error.find(c.expect), std::string::npos) << c.name << ": " << error;
    }
    std::filesystem::remove(path);
  }
}

TEST(NameFeatures, Clusters) {
  name_features::Clusters clusters;
  EXPECT_TRUE(clusters.Add("Paris", "0110101"));
  EXPECT_TRUE(clusters.Add("Berlin", "0110100"));
  EXPECT_TRUE(clusters.Add("said", "1"));
  EXPECT_FALSE(clusters.Add("bad", ""));
  EXPECT_FALSE(clusters.Add("bad", "012"));
  EXPECT_FALSE(clusters.Add("bad", std::string(65, '0')));
  EXPECT_EQ(clusters.size(), 3u);
  EXPECT_EQ(clusters.Find("bad"), nullptr);
  EXPECT_EQ(clusters.Find("paris"), nullptr);  // case kept
  const uint64_t* paris = clusters.Find("Paris");
  const uint64_t* berlin = clusters.Find("Berlin");
  const uint64_t* said = clusters.Find("said");
  ASSERT_TRUE(paris && berlin && said);
  // Paths share their first 4 bits (same coarse cluster), not all 7.
  EXPECT_EQ(paris[0], berlin[0]);
  EXPECT_NE(paris[1], berlin[1]);
  EXPECT_NE(paris[0], said[0]);

  // Describe looks words up as written, then lowercased; unknown words get 0.
  name_features::Gazetteer gazetteer;
  std::string error;
  ASSERT_TRUE(gazetteer.Load(kLexiconDir, &error)) << error;
  std::vector<name_features::WordInfo> info;
  name_features::Describe({"Paris", "SAID", "Tulsa"}, {}, gazetteer, &info, &clusters);
  ASSERT_EQ(info.size(), 3u);
  EXPECT_EQ(info[0].cluster[0], paris[0]);
  EXPECT_EQ(info[1].cluster[0], said[0]);
  EXPECT_EQ(info[2].cluster[0], 0u);
  name_features::Describe({"Paris"}, {}, gazetteer, &info, nullptr);
  EXPECT_EQ(info[0].cluster[0], 0u);
}

// The world place names of places.tsv are a gazetteer category of their own.
TEST(NameFeatures, PlacesGazetteer) {
  name_features::Gazetteer gazetteer;
  std::string error;
  ASSERT_TRUE(gazetteer.Load(kLexiconDir, &error)) << error;
  std::vector<uint32_t> bits, word_bits;
  gazetteer.Mark({"in", "Kandahar", "and", "Mexico", "City"}, &bits, &word_bits);
  constexpr uint32_t kPlaceBits = 0xFu << (4 * name_features::kWorldPlace);
  EXPECT_EQ(bits[1] & kPlaceBits, 1u << (4 * name_features::kWorldPlace + name_features::kGazU));
  EXPECT_EQ(bits[3] & kPlaceBits, 1u << (4 * name_features::kWorldPlace + name_features::kGazB));
  EXPECT_EQ(bits[4] & kPlaceBits, 1u << (4 * name_features::kWorldPlace + name_features::kGazL));
  EXPECT_EQ(bits[0] & kPlaceBits, 0u);
}

// The document features of a word come from the other sentences only.
TEST(NameFeatures, DocumentKeysReadOtherSentences) {
  const std::vector<std::vector<std::string_view>> doc{
      {"Tulsa", "is", "a", "city", "."},
      {"We", "drove", "to", "Tulsa", "."},
      {"Boxley", "spoke", "."},
      {"the", "Tulsa", "road"},
  };
  const std::vector<std::vector<NameSpan>> first{
      {NameSpan{0, 1, NameType::kPlace, 0.9f}},
      {},
      {NameSpan{0, 1, NameType::kPerson, 0.9f}},
      {},
  };
  std::vector<std::vector<std::vector<uint64_t>>> keys;
  name_features::DocumentKeys(doc, first, &keys);
  ASSERT_EQ(keys.size(), 4u);
  ASSERT_EQ(keys[1].size(), 5u);
  EXPECT_FALSE(keys[1][3].empty());  // "Tulsa": a place in sentence 0
  EXPECT_FALSE(keys[3][1].empty());
  EXPECT_EQ(keys[1][3], keys[3][1]);  // same evidence, same keys
  EXPECT_FALSE(keys[0][0].empty());   // its own span does not count, but "Tulsa" is untagged in sentence 1
  EXPECT_NE(keys[0][0], keys[1][3]);
  EXPECT_TRUE(keys[2][0].empty());    // "Boxley" occurs nowhere else
  EXPECT_TRUE(keys[1][2].empty());    // lower-case words have none
  EXPECT_TRUE(keys[1][1].empty());
}

// The GUM reader: a name before the head noun of a longer mention is a
// modifier with a mention of its own ("the current New Zealand flag": the
// place New Zealand, not an 'other' name of the flag); a name after the
// head is in apposition to it ("the writer Ann Lee": the person Ann Lee).
TEST(NameFeatures, GumNamesBeforeAndAfterTheHead) {
  auto row = [](int id, const char* form, const char* upos, int head, const char* misc) {
    return std::to_string(id) + "\t" + form + "\t_\t" + upos + "\t_\t_\t" + std::to_string(head) + "\tdep\t_\t" + misc +
           "\n";
  };
  const std::string conllu =
      "# sent_id = 1\n" + row(1, "The", "DET", 5, "Entity=(1-object-new-cf1-5") + row(2, "current", "ADJ", 5, "_") +
      row(3, "New", "PROPN", 4, "Entity=(2-place-new-cf2-2") + row(4, "Zealand", "PROPN", 5, "Entity=2)") +
      row(5, "flag", "NOUN", 6, "Entity=1)") + row(6, "flies", "VERB", 0, "_") + row(7, ".", "PUNCT", 6, "_") + "\n" +
      "# sent_id = 2\n" + row(1, "the", "DET", 2, "Entity=(3-person-new-cf3-4") + row(2, "writer", "NOUN", 5, "_") +
      row(3, "Ann", "PROPN", 2, "_") + row(4, "Lee", "PROPN", 3, "Entity=3)") + row(5, "spoke", "VERB", 0, "_") +
      row(6, ".", "PUNCT", 5, "_") + "\n";
  // The genre is read from the file name (GUM_<genre>_<name>.conllu).
  const auto dir = std::filesystem::temp_directory_path() / "newsgraph_name_tagger_gum";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "GUM_news_fixture.conllu").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << conllu;
  }
  name_features::Gazetteer gazetteer;
  std::string error;
  ASSERT_TRUE(gazetteer.Load(kLexiconDir, &error)) << error;
  name_features::GoldDocument doc;
  ASSERT_TRUE(name_features::ReadGumDocument(path, gazetteer, &doc, &error)) << error;
  std::filesystem::remove(path);
  EXPECT_EQ(doc.genre, "news");
  ASSERT_EQ(doc.sentences.size(), 2u);
  ASSERT_EQ(doc.sentences[0].names.size(), 1u);
  EXPECT_EQ(doc.sentences[0].names[0].first, 2u);
  EXPECT_EQ(doc.sentences[0].names[0].last, 4u);
  EXPECT_EQ(doc.sentences[0].names[0].type, NameType::kPlace);
  ASSERT_EQ(doc.sentences[1].names.size(), 1u);
  EXPECT_EQ(doc.sentences[1].names[0].first, 2u);
  EXPECT_EQ(doc.sentences[1].names[0].last, 4u);
  EXPECT_EQ(doc.sentences[1].names[0].type, NameType::kPerson);
}

TEST(NameTaggerLoad, MissingLexicons) {
  std::string error;
  EXPECT_EQ(NameTagger::Load(kModelPath, "/nonexistent/lexicons", &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/lexicons/"), std::string::npos) << error;
}

// --- Accuracy on the held-out GUM documents (only where ../shared is present) ---

// Typed F1 over person, organization and place names (exact span and type;
// names of other types are left out of both sides), as train_ner --eval
// computes it. The shipped model scores 0.681 sentence by sentence (Tag) and
// 0.720 by document (TagDocument; docs/names.md); the target of issue 13 is
// 0.80, which this model does not reach, so the bounds guard against
// regressions only.
constexpr double kMinTypedF1 = 0.65;
constexpr double kMinDocumentTypedF1 = 0.70;

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
  // Sentence by sentence (Tag) and by document (TagDocument).
  size_t tp = 0, gold = 0, found = 0, docs = 0, doc_tp = 0, doc_found = 0;
  auto count = [](const std::vector<NameSpan>& gold_names, const std::vector<NameSpan>& spans, size_t* tp_out,
                  size_t* found_out) {
    for (const NameSpan& p : spans) {
      if (p.type == NameType::kOther) continue;
      ++*found_out;
      for (const NameSpan& g : gold_names) *tp_out += p.first == g.first && p.last == g.last && p.type == g.type;
    }
  };
  std::vector<NameSpan> spans;
  for (size_t d = 0; d < paths.size(); ++d) {
    if (!held[d]) continue;
    name_features::GoldDocument doc;
    ASSERT_TRUE(name_features::ReadGumDocument(paths[d], gazetteer, &doc, &error)) << error;
    ++docs;
    std::vector<std::vector<std::string_view>> views;
    std::vector<std::vector<Pos>> tags(doc.sentences.size());
    for (size_t k = 0; k < doc.sentences.size(); ++k) {
      const auto& s = doc.sentences[k];
      views.emplace_back(s.words.begin(), s.words.end());
      pos_->Tag(views.back(), &tags[k]);
      tagger_->Tag(views.back(), tags[k], &spans);
      for (const NameSpan& g : s.names) gold += g.type != NameType::kOther;
      count(s.names, spans, &tp, &found);
    }
    std::vector<std::vector<NameSpan>> doc_spans;
    tagger_->TagDocument(views, tags, &doc_spans);
    for (size_t k = 0; k < doc.sentences.size(); ++k) count(doc.sentences[k].names, doc_spans[k], &doc_tp, &doc_found);
  }
  ASSERT_GE(docs, 20u) << "expected the 23 held-out documents of GUM's open genres";
  ASSERT_GT(gold, 0u);
  auto f1_of = [gold](size_t tp_n, size_t found_n) {
    const double precision = found_n ? static_cast<double>(tp_n) / found_n : 0;
    const double recall = static_cast<double>(tp_n) / gold;
    std::cout << "typed P " << precision << " R " << recall;
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  };
  std::cout << "held-out GUM: " << docs << " documents, " << gold << " person/organization/place names; sentences: ";
  const double f1 = f1_of(tp, found);
  std::cout << " F1 " << f1 << "; documents: ";
  const double doc_f1 = f1_of(doc_tp, doc_found);
  std::cout << " F1 " << doc_f1 << "\n";
  EXPECT_GE(f1, kMinTypedF1);
  EXPECT_GE(doc_f1, kMinDocumentTypedF1);
}

}  // namespace
}  // namespace newsgraph::extract
