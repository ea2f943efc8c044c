// The extractor on sentences written for these tests: actors with roles and
// affiliations, one node per actor, relations with class, polarity,
// negation, passive voice, coordination, relative clauses, nominalisations
// and issues. Uses the shipped lexicons and tagger model.
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>
#include <algorithm>
#include <string>

namespace newsgraph::extract {
namespace {

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    ExtractorOptions options;
    options.data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract";
    extractor_ = Extractor::Load(options, &error).release();
    ASSERT_NE(extractor_, nullptr) << error;
  }
  static void TearDownTestSuite() { delete extractor_; }

  graph::DocumentAnalysis Run(const std::string& text) {
    graph::Document doc;
    doc.id = "test";
    doc.text = text;
    return extractor_->Analyze(doc);
  }

  static const graph::Entity* Find(const graph::DocumentAnalysis& a, const std::string& id) {
    for (const auto& e : a.entities)
      if (e.id == id) return &e;
    return nullptr;
  }

  // "subject CLASS polarity object" for each relation, for readable asserts.
  static std::vector<std::string> Triples(const graph::DocumentAnalysis& a) {
    std::vector<std::string> out;
    for (const auto& r : a.relations)
      out.push_back(r.subject + " " + r.cls + " " + std::to_string(r.polarity) + " " + r.object);
    return out;
  }

  static bool Has(const graph::DocumentAnalysis& a, const std::string& triple) {
    auto t = Triples(a);
    return std::find(t.begin(), t.end(), triple) != t.end();
  }

  static Extractor* extractor_;
};

Extractor* ExtractorTest::extractor_ = nullptr;

TEST_F(ExtractorTest, TitlesBecomeRoleAndAffiliation) {
  auto a = Run("Russian President Vladimir Putin met the Chinese foreign minister in Moscow on Tuesday.");
  const auto* putin = Find(a, "actor:vladimir-putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->category, "person");
  EXPECT_EQ(putin->role, "President");
  EXPECT_EQ(putin->affiliation, "Russia");
  EXPECT_EQ(putin->country, "RUS");
}

TEST_F(ExtractorTest, OneNodePerPersonAcrossAliasesAndPronouns) {
  auto a = Run(
      "French President Emmanuel Macron arrived in Berlin. Macron met the German chancellor. "
      "President Macron said he backs the plan. His visit ended on Friday.");
  int persons = 0;
  // "the German chancellor", named nowhere, is an office of its own
  // ("Chancellor of Germany"), not a second Macron.
  for (const auto& e : a.entities) persons += e.category == "person" && e.label.find(" of ") == std::string::npos;
  EXPECT_EQ(persons, 1) << "one node for Macron";
  const auto* macron = Find(a, "actor:emmanuel-macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_GE(macron->mentions, 5u);  // full name, surname, titled surname, he, his
  EXPECT_TRUE(Has(a, "actor:emmanuel-macron SUPPORT 1 issue:plan")) << testing::PrintToString(Triples(a));
}

TEST_F(ExtractorTest, CountriesCapitalsAndMetonymsAreOneActor) {
  auto a = Run("The Kremlin rejected the proposal. Kyiv welcomed it, and Ukraine thanked Washington.");
  EXPECT_NE(Find(a, "actor:russia"), nullptr);
  EXPECT_NE(Find(a, "actor:ukraine"), nullptr);
  EXPECT_NE(Find(a, "actor:united-states"), nullptr);
  EXPECT_EQ(Find(a, "actor:kremlin"), nullptr);
  EXPECT_EQ(Find(a, "actor:kyiv"), nullptr);
  EXPECT_TRUE(Has(a, "actor:russia REJECT -1 issue:proposal")) << testing::PrintToString(Triples(a));
  EXPECT_EQ(Find(a, "actor:russia")->country, "RUS");
}

TEST_F(ExtractorTest, GroupsCarryTheirCountry) {
  auto a = Run("Ukrainian officials criticized the decision.");
  const auto* g = Find(a, "actor:ukrainian-officials");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->category, "group");
  EXPECT_EQ(g->country, "UKR");
  EXPECT_TRUE(Has(a, "actor:ukrainian-officials DISAPPROVE -1 issue:decision"));
}

TEST_F(ExtractorTest, NegationFlipsThePolarity) {
  auto a = Run("Hungary does not support the sanctions package.");
  ASSERT_EQ(a.relations.size(), 1u) << testing::PrintToString(Triples(a));
  EXPECT_EQ(a.relations[0].cls, "SUPPORT");
  EXPECT_TRUE(a.relations[0].negated);
  EXPECT_EQ(a.relations[0].polarity, -1);
}

TEST_F(ExtractorTest, PassiveVoiceFindsTheAgent) {
  auto a = Run("Poland was criticized by Germany on Monday.");
  EXPECT_TRUE(Has(a, "actor:germany DISAPPROVE -1 actor:poland")) << testing::PrintToString(Triples(a));
  EXPECT_FALSE(Has(a, "actor:poland DISAPPROVE -1 actor:germany"));
}

TEST_F(ExtractorTest, CoordinatedSubjectsAndObjects) {
  auto a = Run("Germany and France condemned the attack and the blockade.");
  for (const char* s : {"actor:germany", "actor:france"})
    for (const char* o : {"issue:attack", "issue:blockade"})
      EXPECT_TRUE(Has(a, std::string(s) + " DISAPPROVE -1 " + o)) << s << " " << o << " "
                                                                    << testing::PrintToString(Triples(a));
}

TEST_F(ExtractorTest, RelativeClauseTakesItsAntecedent) {
  auto a = Run("Italian Prime Minister Giorgia Meloni, who advocates stricter border controls, spoke on Monday.");
  EXPECT_TRUE(Has(a, "actor:giorgia-meloni SUPPORT 1 issue:stricter-border-control"))
      << testing::PrintToString(Triples(a));
}

TEST_F(ExtractorTest, NominalisationsWithPossessors) {
  auto a = Run("Russia's resistance to Ukraine joining NATO hardened. Poland's calls for more air defence grew louder.");
  EXPECT_TRUE(Has(a, "actor:russia REJECT -1 issue:nato-membership")) << testing::PrintToString(Triples(a));
  EXPECT_TRUE(Has(a, "actor:poland DEMAND 1 issue:more-air-defence")) << testing::PrintToString(Triples(a));
}

TEST_F(ExtractorTest, LightNounsAndPossessorsOfIssues) {
  auto a = Run("Chancellor Olaf Scholz stressed the importance of protecting Moldova's independence.");
  ASSERT_FALSE(a.relations.empty());
  EXPECT_TRUE(Has(a, "actor:olaf-scholz SUPPORT 1 issue:independence")) << testing::PrintToString(Triples(a));
  EXPECT_EQ(a.relations[0].qualifier, "Moldova");
}

TEST_F(ExtractorTest, ReportedSpeechKeepsTheInnerSubject) {
  auto a = Run("Officials said that Israel attacked Hezbollah positions.");
  EXPECT_TRUE(Has(a, "actor:israel ASSAULT -1 issue:hezbollah-position") ||
              Has(a, "actor:israel ASSAULT -1 actor:hezbollah"))
      << testing::PrintToString(Triples(a));
}

TEST_F(ExtractorTest, EveryRelationLeadsToItsSentence) {
  std::string text = "Spain backed the plan.\n\nNorway opposed the tariff. Sweden met Finland.";
  auto a = Run(text);
  ASSERT_EQ(a.relations.size(), 3u) << testing::PrintToString(Triples(a));
  for (const auto& r : a.relations) {
    ASSERT_LT(r.sentence, a.sentences.size());
    EXPECT_EQ(r.evidence, a.sentences[r.sentence].span);
    std::string sentence = text.substr(r.evidence.begin, r.evidence.size());
    EXPECT_NE(sentence.find_first_of(".?!"), std::string::npos) << sentence;
    EXPECT_GT(r.confidence, 0.0f);
    EXPECT_LE(r.confidence, 1.0f);
  }
  for (const auto& m : a.mentions) EXPECT_EQ(text.substr(m.span.begin, m.span.size()), m.text);
}

TEST_F(ExtractorTest, HeadingsInTitleCaseMakeNoActors) {
  auto a = Run("The Significance of Regional Security Talks\nSpain backed the plan.");
  for (const auto& e : a.entities)
    EXPECT_TRUE(e.id == "actor:spain" || e.kind == graph::EntityKind::kIssue) << e.id;
}

TEST(ExtractorLoadTest, UserActorsTsvAndPetrarchFormatGiveCodes) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ng-actors-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream tsv(dir / "actors.tsv");
    tsv << "# newsgraph lexicon: actors v1\n# name\taliases\tcategory\tcountry\tcode\n"
        << "Acme Shipping\tAcme|Acme Lines\torganization\tNOR\tNORBUS\n";
    std::ofstream pet(dir / "actors.txt");
    pet << "<!-- test dictionary -->\nFREEDONIA [FRD] # a country\n+FREEDONIAN\nRUFUS_T_FIREFLY [FRDGOV]\n";
  }
  ExtractorOptions options;
  options.data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract";
  options.actor_files = {(dir / "actors.tsv").string(), (dir / "actors.txt").string()};
  std::string error;
  auto x = Extractor::Load(options, &error);
  ASSERT_NE(x, nullptr) << error;
  graph::Document doc;
  doc.id = "d";
  doc.text = "Freedonia accused Acme of smuggling. Rufus T Firefly met the Acme Lines chief.";
  auto a = x->Analyze(doc);
  std::map<std::string, std::string> codes;
  for (const auto& e : a.entities) codes[e.label] = e.code;
  EXPECT_EQ(codes["Acme Shipping"], "NORBUS");
  EXPECT_EQ(codes["Freedonia"], "FRD");
  EXPECT_EQ(codes["Rufus T Firefly"], "FRDGOV");
  fs::remove_all(dir);
}

TEST_F(ExtractorTest, HyphenatedCompoundsMentionTheirActorsAsModifiers) {
  auto a = Run("Rwandan-backed rebels attacked Goma. The Zelensky-Macron meeting ended.");
  bool rwanda = false;
  for (const auto& m : a.mentions)
    if (m.entity == "actor:rwanda") {
      rwanda = true;
      EXPECT_EQ(m.text, "Rwandan");
    }
  EXPECT_TRUE(rwanda);
  EXPECT_EQ(Find(a, "actor:zelensky-macron"), nullptr);
  for (const auto& r : a.relations) EXPECT_NE(r.subject, "actor:rwanda") << "a modifier is no subject";
}

TEST_F(ExtractorTest, PlannedMeetingsStayConsultWithIntent) {
  auto a = Run("Chile and Peru agree that the dispute should go to arbitration. Brazil will meet Argentina.");
  EXPECT_TRUE(Has(a, "actor:chile AGREE 1 actor:peru")) << testing::PrintToString(Triples(a));
  EXPECT_TRUE(Has(a, "actor:peru AGREE 1 actor:chile"));
  bool found = false;
  for (const auto& r : a.relations)
    if (r.subject == "actor:brazil" && r.object == "actor:argentina") {
      found = true;
      EXPECT_EQ(r.cls, "CONSULT");
      EXPECT_EQ(r.mode, "intent");
    }
  EXPECT_TRUE(found) << testing::PrintToString(Triples(a));
}

TEST(ExtractorLoadTest, PetrarchDatedCodesFollowTheDocumentDate) {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / ("ng-dated-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(file);
    out << "RUFUS_T_FIREFLY # comment\n\t[FRD < 950601]\n\t[FRDGOV 19950601 - 19990815]\n\t[FRDREB > 990816]\n";
  }
  ExtractorOptions options;
  options.data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract";
  options.actor_files = {file.string()};
  std::string error;
  auto x = Extractor::Load(options, &error);
  ASSERT_NE(x, nullptr) << error;
  auto code_on = [&](const std::string& date) {
    graph::Document doc;
    doc.id = "d";
    doc.date = date;
    doc.text = "Rufus T Firefly visited Chile.";
    for (const auto& e : x->Analyze(doc).entities)
      if (e.label == "Rufus T Firefly") return e.code;
    return std::string("none");
  };
  EXPECT_EQ(code_on("1994-01-01"), "FRD");
  EXPECT_EQ(code_on("1997-05-05"), "FRDGOV");
  EXPECT_EQ(code_on("2001-01-01"), "FRDREB");
  fs::remove(file);
}

TEST(ExtractorLoadTest, BadUserLexiconNamesFileAndLine) {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / ("ng-bad-" + std::to_string(::getpid()) + ".tsv");
  {
    std::ofstream out(file);
    out << "# newsgraph lexicon: actors v1\nGood Actor\t\torganization\nBad Actor\t\tplanet\n";
  }
  ExtractorOptions options;
  options.data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract";
  options.actor_files = {file.string()};
  std::string error;
  // Skipped with a warning by default; an error naming file and line when strict.
  EXPECT_NE(Extractor::Load(options, &error), nullptr) << error;
  options.strict_dictionaries = true;
  EXPECT_EQ(Extractor::Load(options, &error), nullptr);
  EXPECT_NE(error.find(file.string() + ":3:"), std::string::npos) << error;
  EXPECT_NE(error.find("planet"), std::string::npos) << error;
  fs::remove(file);
}

TEST(ExtractorLoadTest, MissingDataDirIsAnError) {
  ExtractorOptions options;
  options.data_dir = "/nonexistent/newsgraph-data";
  std::string error;
  EXPECT_EQ(Extractor::Load(options, &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/newsgraph-data/lexicons/countries.tsv"), std::string::npos) << error;
}

}  // namespace
}  // namespace newsgraph::extract
