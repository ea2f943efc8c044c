// Tests for the WordNet reader (against Debian's wordnet-base in
// /usr/share/wordnet, skipped when absent) and the rule-only lemmatiser.
#include "extract/wordnet.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

namespace newsgraph::extract {
namespace {

using Clock = std::chrono::steady_clock;

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

class WordNetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    struct stat st;
    if (::stat(kDefaultWordNetDir, &st) != 0) return;
    auto start = Clock::now();
    std::clock_t cpu_start = std::clock();
    wn_ = WordNet::Load(kDefaultWordNetDir, &error_).release();
    double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    double load_cpu_ms = 1000.0 * (std::clock() - cpu_start) / CLOCKS_PER_SEC;
    if (wn_ == nullptr) return;
    start = Clock::now();
    cpu_start = std::clock();
    wn_->RelatedVerbs("insistence");  // the first call reads the derivational links
    double links_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    double links_cpu_ms = 1000.0 * (std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf(
        "[ info ] WordNet load: %.1f ms wall, %.1f ms CPU (%zu nouns, %zu verbs, %zu "
        "adjectives); derivational links: %.1f ms wall, %.1f ms CPU\n",
        load_ms, load_cpu_ms, wn_->LemmaCount(WordClass::kNoun), wn_->LemmaCount(WordClass::kVerb),
        wn_->LemmaCount(WordClass::kAdj), links_ms, links_cpu_ms);
  }
  static void TearDownTestSuite() {
    delete wn_;
    wn_ = nullptr;
  }
  void SetUp() override {
    struct stat st;
    if (::stat(kDefaultWordNetDir, &st) != 0) GTEST_SKIP() << kDefaultWordNetDir << " is absent";
    ASSERT_NE(wn_, nullptr) << error_;
  }

  static inline WordNet* wn_ = nullptr;
  static inline std::string error_;
};

TEST_F(WordNetTest, VerbLemmas) {
  const std::pair<const char*, const char*> cases[] = {{"emphasized", "emphasize"},
                                                       {"met", "meet"},
                                                       {"calls", "call"},
                                                       {"meeting", "meet"},
                                                       {"underscored", "underscore"},
                                                       {"advocating", "advocate"},
                                                       {"prioritizes", "prioritize"},
                                                       {"Insisted", "insist"},
                                                       {"resisting", "resist"},
                                                       {"demands", "demand"},
                                                       {"says", "say"},
                                                       {"agreed", "agree"},
                                                       {"planned", "plan"},
                                                       {"carried", "carry"},
                                                       {"urged", "urge"},
                                                       {"meet", "meet"},
                                                       {"feed", "feed"}};
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(wn_->Lemma(form, WordClass::kVerb), lemma) << form;
  }
}

TEST_F(WordNetTest, IrregularVerbsFromVerbExc) {
  const std::pair<const char*, const char*> cases[] = {
      {"met", "meet"},    {"sought", "seek"},   {"held", "hold"},    {"withdrew", "withdraw"},
      {"spoke", "speak"}, {"struck", "strike"}, {"fought", "fight"}, {"was", "be"},
      {"has", "have"},    {"led", "lead"},      {"said", "say"}};
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(wn_->Lemma(form, WordClass::kVerb), lemma) << form;
  }
}

TEST_F(WordNetTest, NounLemmas) {
  const std::pair<const char*, const char*> cases[] = {
      {"calls", "call"},
      {"guarantees", "guarantee"},
      {"concessions", "concession"},
      {"leaders", "leader"},  // "leaders" (leader dots) is rarer than "leader"
      {"negotiations", "negotiation"},
      {"crises", "crisis"},
      {"analyses", "analysis"},
      {"children", "child"},
      // noun.exc has no "people"; it is a noun lemma in its own right.
      {"people", "people"},
      {"countries", "country"},
      {"taxes", "tax"},
      {"churches", "church"},
      {"chairmen", "chairman"},
      {"gas", "gas"},  // not "ga" (gallium): SemCor tags "gas" more often
      {"news", "news"},
      {"glass", "glass"}};
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(wn_->Lemma(form, WordClass::kNoun), lemma) << form;
  }
}

TEST_F(WordNetTest, AdjectivesAndUnknownWords) {
  EXPECT_EQ(wn_->Lemma("better", WordClass::kAdj), "good");
  EXPECT_EQ(wn_->Lemma("larger", WordClass::kAdj), "large");
  EXPECT_EQ(wn_->Lemma("bigger", WordClass::kAdj), "big");
  EXPECT_EQ(wn_->Lemma("Xyzzyfied", WordClass::kVerb), "xyzzyfied");
  EXPECT_EQ(wn_->Lemma("", WordClass::kNoun), "");
  std::string long_word(300, 'A');
  EXPECT_EQ(wn_->Lemma(long_word, WordClass::kNoun), std::string(300, 'a'));
}

TEST_F(WordNetTest, MultiwordLemmas) {
  EXPECT_EQ(wn_->Lemma("called for", WordClass::kVerb), "call for");
  EXPECT_EQ(wn_->Lemma("plumped_for", WordClass::kVerb), "plump for");
  EXPECT_EQ(wn_->Lemma("prime ministers", WordClass::kNoun), "prime minister");
  EXPECT_TRUE(wn_->Has("call for", WordClass::kVerb));
  EXPECT_TRUE(wn_->Has("call_for", WordClass::kVerb));
}

TEST_F(WordNetTest, FirstSenseLexicographerFile) {
  EXPECT_EQ(wn_->FirstSenseLexFile("engineer", WordClass::kNoun), 18);  // noun.person
  EXPECT_EQ(wn_->FirstSenseLexFile("driver", WordClass::kNoun), 18);
  EXPECT_EQ(wn_->FirstSenseLexFile("tanker", WordClass::kNoun), 6);  // noun.artifact
  int meet = wn_->FirstSenseLexFile("meet", WordClass::kVerb);  // a verb file: 29 (verb.body) to 44 (verb.weather)
  EXPECT_GE(meet, 29);
  EXPECT_LE(meet, 44);
  EXPECT_EQ(wn_->FirstSenseLexFile("qwxzt", WordClass::kNoun), -1);
  EXPECT_EQ(wn_->FirstSenseLexFile("", WordClass::kNoun), -1);
}

TEST_F(WordNetTest, Has) {
  EXPECT_TRUE(wn_->Has("meet", WordClass::kVerb));
  EXPECT_TRUE(wn_->Has("Meet", WordClass::kVerb));
  EXPECT_TRUE(wn_->Has("insistence", WordClass::kNoun));
  EXPECT_TRUE(wn_->Has("hostile", WordClass::kAdj));
  EXPECT_TRUE(wn_->Has("quickly", WordClass::kAdv));
  EXPECT_FALSE(wn_->Has("insistence", WordClass::kVerb));
  EXPECT_FALSE(wn_->Has("met", WordClass::kVerb));
  EXPECT_FALSE(wn_->Has("", WordClass::kNoun));
}

TEST_F(WordNetTest, DerivationalLinks) {
  auto insistence = wn_->RelatedVerbs("insistence");
  EXPECT_TRUE(Contains(insistence, "insist")) << Join(insistence);
  auto resistance = wn_->RelatedVerbs("resistance");
  EXPECT_TRUE(Contains(resistance, "resist")) << Join(resistance);
  auto demand_n = wn_->RelatedVerbs("demand");
  EXPECT_TRUE(Contains(demand_n, "demand")) << Join(demand_n);
  auto meet = wn_->RelatedNouns("meet");
  EXPECT_TRUE(Contains(meet, "meeting")) << Join(meet);
  auto insist = wn_->RelatedNouns("Insist");
  EXPECT_TRUE(Contains(insist, "insistence")) << Join(insist);
  auto meeting = wn_->RelatedVerbs("meeting");
  EXPECT_TRUE(Contains(meeting, "meet")) << Join(meeting);
  EXPECT_TRUE(wn_->RelatedVerbs("xyzzy").empty());
  // No duplicates.
  auto sorted = meet;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << Join(meet);
}

TEST_F(WordNetTest, Synonyms) {
  auto back = wn_->Synonyms("back", WordClass::kVerb);
  EXPECT_TRUE(Contains(back, "support") || Contains(back, "endorse")) << Join(back);
  EXPECT_FALSE(Contains(back, "back"));
  EXPECT_TRUE(Contains(back, "plump for")) << "multiword lemmas use spaces: " << Join(back);
  auto hostile = wn_->Synonyms("big", WordClass::kAdj);
  EXPECT_TRUE(Contains(hostile, "large")) << Join(hostile);
  for (const auto& s : hostile) EXPECT_EQ(s.find('('), std::string::npos) << s;
  EXPECT_TRUE(wn_->Synonyms("xyzzy", WordClass::kNoun).empty());
}

TEST_F(WordNetTest, ConcurrentUseIsConsistent) {
  // A fresh instance, so that several threads race into the lazy load of
  // the derivational links while others lemmatise.
  std::string error;
  auto wn = WordNet::Load(kDefaultWordNetDir, &error);
  ASSERT_NE(wn, nullptr) << error;
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      bool good = Contains(wn->RelatedVerbs("insistence"), "insist") &&
                  Contains(wn->RelatedNouns("meet"), "meeting");
      for (int i = 0; i < 1000; ++i) good = good && wn->Lemma("met", WordClass::kVerb) == "meet";
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, std::vector<int>(4, 1));
}

TEST_F(WordNetTest, SpeedReport) {
  // Not a timed assertion: prints figures for the report and for regressions.
  const char* words[] = {"emphasized", "met",      "calls",     "meeting",  "negotiations",
                         "leaders",    "the",      "crises",    "said",     "Government",
                         "advocating", "talks",    "sanctions", "withdrew", "prioritizes",
                         "is",         "ministry", "Russia",    "agreed",   "countries"};
  const int kRounds = 20000;
  size_t total = 0;
  auto start = Clock::now();
  for (int r = 0; r < kRounds; ++r) {
    for (const char* w : words) {
      total += wn_->Lemma(w, WordClass::kVerb).size();
      total += wn_->Lemma(w, WordClass::kNoun).size();
    }
  }
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  double per_sec = 2.0 * kRounds * std::size(words) / secs;
  std::printf("[ info ] Lemma(): %.2f M lookups/s (%zu chars)\n", per_sec / 1e6, total);
  EXPECT_GT(total, 0u);
}

TEST(WordNetLoadTest, MissingFolderNamesThePath) {
  std::string error;
  EXPECT_EQ(WordNet::Load("/nonexistent", &error), nullptr);
  EXPECT_EQ(error, "/nonexistent: not found");
  EXPECT_EQ(WordNet::Load("/nonexistent", nullptr), nullptr);  // error is optional
}

TEST(WordNetLoadTest, MissingFileNamesTheFile) {
  std::string dir = ::testing::TempDir() + "/wordnet_empty";
  ::mkdir(dir.c_str(), 0755);
  std::string error;
  EXPECT_EQ(WordNet::Load(dir, &error), nullptr);
  EXPECT_EQ(error.rfind(dir + "/index.noun: ", 0), 0u) << error;
}

TEST(WordNetLoadTest, MalformedIndexNamesFileAndLine) {
  std::string dir = ::testing::TempDir() + "/wordnet_bad";
  ::mkdir(dir.c_str(), 0755);
  auto write = [&](const std::string& name, const std::string& text) {
    FILE* f = std::fopen((dir + "/" + name).c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(text.c_str(), f);
    std::fclose(f);
  };
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    write(std::string("index.") + pos, "  1 licence text\nword n 1 0 1 0 00001740\n");
    write(std::string(pos) + ".exc", "words word\n");
    write(std::string("data.") + pos, "");
  }
  std::string error;
  auto wn = WordNet::Load(dir, &error);
  ASSERT_NE(wn, nullptr) << error;
  EXPECT_EQ(wn->Lemma("words", WordClass::kNoun), "word");
  EXPECT_TRUE(wn->RelatedVerbs("word").empty());  // empty data files: no links
  write("index.verb", "  1 licence text\nword v x 0 1 0 00001740\n");
  EXPECT_EQ(WordNet::Load(dir, &error), nullptr);
  EXPECT_EQ(error, dir + "/index.verb:2: malformed index line");
}

TEST(RuleLemmaTest, Verbs) {
  const std::pair<const char*, const char*> cases[] = {{"emphasized", "emphasize"},
                                                       {"met", "meet"},
                                                       {"calls", "call"},
                                                       {"meeting", "meet"},
                                                       {"underscored", "underscore"},
                                                       {"advocating", "advocate"},
                                                       {"prioritizes", "prioritize"},
                                                       {"sought", "seek"},
                                                       {"held", "hold"},
                                                       {"withdrew", "withdraw"},
                                                       {"spoke", "speak"},
                                                       {"struck", "strike"},
                                                       {"fought", "fight"},
                                                       {"insisted", "insist"},
                                                       {"resisting", "resist"},
                                                       {"agreed", "agree"},
                                                       {"planned", "plan"},
                                                       {"stopping", "stop"},
                                                       {"controlled", "control"},
                                                       {"calling", "call"},
                                                       {"carried", "carry"},
                                                       {"dies", "die"},
                                                       {"negotiating", "negotiate"},
                                                       {"creating", "create"},
                                                       {"treated", "treat"},
                                                       {"hoping", "hope"},
                                                       {"voted", "vote"},
                                                       {"visiting", "visit"},
                                                       {"urged", "urge"},
                                                       {"causes", "cause"},
                                                       {"pushes", "push"},
                                                       {"focuses", "focus"},
                                                       {"using", "use"},
                                                       {"declared", "declare"},
                                                       {"offered", "offer"},
                                                       {"continued", "continue"},
                                                       {"resolved", "resolve"},
                                                       {"produced", "produce"},
                                                       {"changing", "change"},
                                                       {"managed", "manage"},
                                                       {"handled", "handle"},
                                                       {"ruled", "rule"},
                                                       {"needs", "need"},
                                                       {"need", "need"},
                                                       {"contributed", "contribute"},
                                                       {"repeated", "repeat"},
                                                       {"quoted", "quote"},
                                                       {"added", "add"},
                                                       {"bring", "bring"},
                                                       {"Was", "be"}};
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(RuleLemma(form, WordClass::kVerb), lemma) << form;
  }
}

TEST(RuleLemmaTest, Nouns) {
  const std::pair<const char*, const char*> cases[] = {{"calls", "call"},
                                                       {"guarantees", "guarantee"},
                                                       {"concessions", "concession"},
                                                       {"leaders", "leader"},
                                                       {"negotiations", "negotiation"},
                                                       {"crises", "crisis"},
                                                       {"analyses", "analysis"},
                                                       {"children", "child"},
                                                       {"countries", "country"},
                                                       {"taxes", "tax"},
                                                       {"speeches", "speech"},
                                                       {"processes", "process"},
                                                       {"houses", "house"},
                                                       {"buses", "bus"},
                                                       {"chairmen", "chairman"},
                                                       {"women", "woman"},
                                                       {"news", "news"},
                                                       {"crisis", "crisis"},
                                                       {"status", "status"},
                                                       {"forces", "force"},
                                                       {"ideas", "idea"},
                                                       {"hypotheses", "hypothesis"},
                                                       {"heroes", "hero"},
                                                       {"specimen", "specimen"}};
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(RuleLemma(form, WordClass::kNoun), lemma) << form;
  }
}

TEST(RuleLemmaTest, Adjectives) {
  const std::pair<const char*, const char*> cases[] = {
      {"better", "good"},     {"larger", "large"},   {"bigger", "big"}, {"happiest", "happy"},
      {"stronger", "strong"}, {"later", "late"},     {"wider", "wide"}, {"greater", "great"},
      {"former", "former"},   {"simpler", "simple"}, {"freer", "free"}};
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(RuleLemma(form, WordClass::kAdj), lemma) << form;
  }
  EXPECT_EQ(RuleLemma("Quickly", WordClass::kAdv), "quickly");
  EXPECT_EQ(RuleLemma("", WordClass::kVerb), "");
}

}  // namespace
}  // namespace newsgraph::extract
