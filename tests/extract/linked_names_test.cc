// Names the mention stage finds beyond the part-of-speech rules (the recall
// of linked names in news, issue 13): names only the statistical name tagger
// sees, hyphenated names, acronyms in brackets, names hyphened to a
// modifier, ethnic and religious communities, group nouns that take the
// story's country, offices taken by a named person, leaders' governments,
// national bodies named alone, adjectives of the UK's nations, tagger names
// with lower-case links. Sentences written for these tests; uses the shipped
// lexicons and models.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace newsgraph::extract {
namespace {

class LinkedNamesTest : public ::testing::Test {
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
  static const graph::Entity* Label(const graph::DocumentAnalysis& a, const std::string& label) {
    for (const auto& e : a.entities)
      if (e.kind == graph::EntityKind::kActor && e.label == label) return &e;
    return nullptr;
  }
  static bool HasAlias(const graph::Entity* e, const std::string& alias) {
    return e && std::find(e->aliases.begin(), e->aliases.end(), alias) != e->aliases.end();
  }
  // Whether some mention covers exactly this text.
  static bool Mentioned(const graph::DocumentAnalysis& a, const std::string& text) {
    for (const auto& m : a.mentions)
      if (m.text == text) return true;
    return false;
  }
  static std::string Joined(const graph::DocumentAnalysis& a) {
    std::string s;
    for (const auto& e : a.entities)
      if (e.kind == graph::EntityKind::kActor) {
        s += e.label + " [" + e.category + " " + e.country + "]";
        for (const auto& al : e.aliases) s += " ~" + al;
        s += " | ";
      }
    return s;
  }
  static Extractor* extractor_;
};

Extractor* LinkedNamesTest::extractor_ = nullptr;

TEST_F(LinkedNamesTest, TheNameTaggerFindsNamesThePartOfSpeechTagsMiss) {
  // A one-word name the tagger reads as a common noun, and a name whose
  // words are common words but whose head says it is a place.
  auto a = Run("The Sudanese army accuses the paramilitary group of shelling the city and imposes a curfew on its "
               "leader Hemedti.");
  EXPECT_NE(Label(a, "Hemedti"), nullptr) << Joined(a);
  auto b = Run("The concert will be held indoors at Capital One Arena in Washington.");
  const auto* arena = Label(b, "Capital One Arena");
  ASSERT_NE(arena, nullptr) << Joined(b);
  EXPECT_EQ(arena->category, "location");
  auto c = Run("A court in Peru dismisses charges against Popular Force leader Keiko Fujimori.");
  EXPECT_NE(Label(c, "Popular Force"), nullptr) << Joined(c);
}

TEST_F(LinkedNamesTest, TaggerNamesOfOtherTypesCountWhenTheyAreNoCommonWords) {
  auto a = Run("Kenyan officials arrest four executives of state-owned oil company Pertamina on charges of fraud.");
  EXPECT_NE(Label(a, "Pertamina"), nullptr) << Joined(a);
}

TEST_F(LinkedNamesTest, HyphenatedNamesAreOneName) {
  auto a = Run("Floods hit Chamonix, Auvergne-Rhône-Alpes, France. Riots broke out in Saint-Denis and Val-d'Oise.");
  EXPECT_NE(Label(a, "Auvergne-Rhône-Alpes"), nullptr) << Joined(a);
  EXPECT_NE(Label(a, "Saint-Denis"), nullptr) << Joined(a);
  EXPECT_NE(Label(a, "Val-d'Oise"), nullptr) << Joined(a);
  // A part that names an actor pairs two names only alone ("Zelensky-Macron
  // meeting"), not inside a longer name.
  auto c = Run("A bus carrying pilgrims fell into a ravine near the Pan-American Highway south of Quito.");
  EXPECT_NE(Label(c, "Pan-American Highway"), nullptr) << Joined(c);
  // A leading "Chancellor-candidate" is no part of the person's name.
  auto b = Run("Thousands protest in Berlin against Chancellor-candidate Friedrich Merz.");
  EXPECT_NE(Label(b, "Friedrich Merz"), nullptr) << Joined(b);
}

TEST_F(LinkedNamesTest, AnAcronymInBracketsIsTheNamesAlias) {
  auto a = Run("The Anguilla United Front (AUF) won the vote. AUF leaders thanked the voters.");
  const auto* front = Label(a, "Anguilla United Front");
  ASSERT_NE(front, nullptr) << Joined(a);
  EXPECT_TRUE(HasAlias(front, "AUF")) << Joined(a);
  EXPECT_EQ(Label(a, "AUF"), nullptr) << Joined(a);
  // A mixed-case acronym by its capitals, the demonym before the name
  // among its initials; a name with an acronym is no person's.
  auto b = Run(
      "Norway signed the African Continental Free Trade Area (AfCFTA) agreement. Sweden planned to join the AfCFTA.");
  const auto* area = Label(b, "African Continental Free Trade Area");
  ASSERT_NE(area, nullptr) << Joined(b);
  EXPECT_TRUE(HasAlias(area, "AfCFTA")) << Joined(b);
  EXPECT_EQ(area->category, "organization");
  EXPECT_EQ(Label(b, "AfCFTA"), nullptr) << Joined(b);
  EXPECT_EQ(Label(b, "Continental Free Trade Area"), nullptr) << Joined(b);
  // The widened name found again later is the same node.
  auto c = Run(
      "Astronomers from the European Northern Observatory (ENO) reported it. Only the European Northern Observatory "
      "saw it.");
  EXPECT_NE(Label(c, "European Northern Observatory"), nullptr) << Joined(c);
  EXPECT_EQ(Label(c, "Northern Observatory"), nullptr) << Joined(c);
}

TEST_F(LinkedNamesTest, ANameHyphenedToAModifierIsMentioned) {
  auto a = Run("Islamic State-linked militants attacked a convoy. United Nations-backed talks resumed.");
  EXPECT_TRUE(Mentioned(a, "Islamic State")) << Joined(a);
  EXPECT_TRUE(Mentioned(a, "United Nations")) << Joined(a);
  auto b = Run("Hundreds join an anti-Georgian Dream march in Tbilisi. A pro-EU rally filled the square.");
  EXPECT_TRUE(Mentioned(b, "Georgian Dream")) << Joined(b);
  EXPECT_TRUE(Mentioned(b, "EU")) << Joined(b);
}

TEST_F(LinkedNamesTest, CommunitiesAreGroups) {
  auto a = Run("Gunmen killed twelve Alawites near the coast. Rohingya refugees crossed the river.");
  const auto* alawites = Label(a, "Alawites");
  ASSERT_NE(alawites, nullptr) << Joined(a);
  EXPECT_EQ(alawites->category, "group");
  const auto* rohingya = Label(a, "Rohingya refugees");
  ASSERT_NE(rohingya, nullptr) << Joined(a);
  EXPECT_EQ(rohingya->category, "group");
  // Inside a longer name the community's word stays part of it.
  auto b = Run("The American Jewish Committee condemned the attack.");
  EXPECT_NE(Label(b, "American Jewish Committee"), nullptr) << Joined(b);
}

TEST_F(LinkedNamesTest, AGroupNounOpeningAStoryTakesTheCountryOfThePlaceAfterIt) {
  auto a = Run("Police in Graz, Austria, arrest a man suspected of planning an attack.");
  const auto* police = Label(a, "Austrian police");
  ASSERT_NE(police, nullptr) << Joined(a);
  EXPECT_EQ(police->country, "AUT");
  EXPECT_TRUE(HasAlias(police, "Police"));
}

TEST_F(LinkedNamesTest, TheStateOfASenatorIsMentioned) {
  auto a = Run("Senator Mark Ellison of Nebraska opposed the bill.");
  EXPECT_NE(Label(a, "Mark Ellison"), nullptr) << Joined(a);
  EXPECT_TRUE(Mentioned(a, "Nebraska")) << Joined(a);
}

TEST_F(LinkedNamesTest, AnOfficeTakenByTheNamedPersonIsTheirRole) {
  auto a = Run("Marta Quintero is appointed Prime Minister by the king. The Senate confirms Daniel Osei as Attorney "
               "General.");
  const auto* quintero = Label(a, "Marta Quintero");
  ASSERT_NE(quintero, nullptr) << Joined(a);
  EXPECT_EQ(quintero->role, "Prime Minister");
  const auto* osei = Label(a, "Daniel Osei");
  ASSERT_NE(osei, nullptr) << Joined(a);
  EXPECT_EQ(osei->role, "Attorney General");
  // The office is no actor of its own.
  EXPECT_EQ(Label(a, "Prime Minister"), nullptr) << Joined(a);
}

TEST_F(LinkedNamesTest, ALeadersNameBeforeAdministrationStartsAName) {
  auto a = Run("The agency will cut 5,000 jobs to comply with the Trump administration's plans.");
  EXPECT_TRUE(Mentioned(a, "Trump administration")) << Joined(a);
}

TEST_F(LinkedNamesTest, ANationalBodyNamedAloneIsTheDocumentCountrys) {
  auto a = Run("Citizens of Vanuatu vote for the 52 members of Parliament.");
  const auto* parliament = Label(a, "Parliament of Vanuatu");
  ASSERT_NE(parliament, nullptr) << Joined(a);
  EXPECT_EQ(parliament->country, "VUT");
}

TEST_F(LinkedNamesTest, AdjectivesOfTheNationsOfTheUnitedKingdom) {
  auto a = Run("Scottish ministers objected to the ruling.");
  const auto* ministers = Label(a, "Scottish officials");
  ASSERT_NE(ministers, nullptr) << Joined(a);
  EXPECT_EQ(ministers->country, "GBR");
}

TEST_F(LinkedNamesTest, TaggerNamesMayHoldLowerCaseLinks) {
  auto a = Run("Lawmakers in the House of Assembly debate the budget.");
  EXPECT_NE(Label(a, "House of Assembly"), nullptr) << Joined(a);
}

TEST_F(LinkedNamesTest, MultiWordGroupNounsOpeningAStory) {
  // A modifier and a group noun opening the story take the country of the
  // place list after them; officials too, but only so ("Officials said"
  // names no country).
  auto a = Run("Federal police fire tear gas at thousands of farmers in Lyon, France, who block the ring road.");
  const auto* police = Label(a, "French police");
  ASSERT_NE(police, nullptr) << Joined(a);
  EXPECT_TRUE(HasAlias(police, "Federal police")) << Joined(a);
  auto b = Run("Officials in Denver, United States, order the evacuation of four neighbourhoods.");
  const auto* officials = Label(b, "US officials");
  ASSERT_NE(officials, nullptr) << Joined(b);
  EXPECT_EQ(officials->country, "USA");
  // Capitalised as in a heading, when no name goes on after it.
  auto d = Run("Federal Police searches the offices of a shipping firm in Antwerp, Belgium.");
  const auto* belgian = Label(d, "Belgian police");
  ASSERT_NE(belgian, nullptr) << Joined(d);
  EXPECT_TRUE(HasAlias(belgian, "Federal Police")) << Joined(d);
  // A demonym before the noun is the country's own group, not the place's.
  auto c = Run("Russian forces fire 200 drones at Odesa, Ukraine, hitting the port.");
  EXPECT_NE(Label(c, "Russian forces"), nullptr) << Joined(c);
  EXPECT_EQ(Label(c, "Ukrainian forces"), nullptr) << Joined(c);
}

TEST_F(LinkedNamesTest, ACapitalisedGroupNounAfterADemonym) {
  auto a = Run("Four Canadian MPs visit Taipei. Protesters gather outside the Canadian Embassy in Beijing.");
  const auto* mps = Label(a, "Canadian MPs");
  ASSERT_NE(mps, nullptr) << Joined(a);
  EXPECT_EQ(mps->country, "CAN");
  EXPECT_FALSE(HasAlias(mps, "Canadian mps")) << Joined(a);  // the surface as written
  EXPECT_NE(Label(a, "Canadian embassy"), nullptr) << Joined(a);
  // A capitalised armed service stays the service's name.
  auto b = Run("The Indian Navy deployed two destroyers.");
  EXPECT_EQ(Label(b, "Indian navy"), nullptr) << Joined(b);
}

TEST_F(LinkedNamesTest, ANameAfterAKindOfOrganisationIsTheOrganisation) {
  auto a = Run("The regulator fines online dating service Swoonly for misleading users. The government bans the "
               "neo-Nazi music network Iron & Ember. Police arrest members of the climate group Stop The Pumps.");
  const auto* swoonly = Label(a, "Swoonly");
  ASSERT_NE(swoonly, nullptr) << Joined(a);
  EXPECT_EQ(swoonly->category, "organization");
  EXPECT_NE(Label(a, "Iron & Ember"), nullptr) << Joined(a);
  EXPECT_NE(Label(a, "Stop The Pumps"), nullptr) << Joined(a);
  // An article after the kind is no name of its own.
  auto b = Run("The photographs were sold to the news agency The Daily Courier on Monday.");
  EXPECT_EQ(Label(b, "The"), nullptr) << Joined(b);
}

TEST_F(LinkedNamesTest, AnOperatorBeforeAModelNumberIsAName) {
  auto a = Run("A Norrland Airlines Antonov An-24 crashed near the airport.");
  const auto* airline = Label(a, "Norrland Airlines");
  ASSERT_NE(airline, nullptr) << Joined(a);
  EXPECT_EQ(airline->category, "organization");
}

TEST_F(LinkedNamesTest, ANationalBodyNamedAloneTakesTheCountryOfThePeopleNamed) {
  // No country named, but its president is: the Cabinet is Zambia's.
  auto a = Run("Zambian president Hakainde Mwale reshuffles the entire Cabinet after the vote.");
  const auto* cabinet = Label(a, "Cabinet of Zambia");
  ASSERT_NE(cabinet, nullptr) << Joined(a);
  EXPECT_EQ(cabinet->country, "ZMB");
  // A country whose name only ends in s takes no article.
  auto b = Run("Mia Holder is elected President of Barbados by the Parliament.");
  EXPECT_NE(Label(b, "Parliament of Barbados"), nullptr) << Joined(b);
  EXPECT_EQ(Label(b, "President of the Barbados"), nullptr) << Joined(b);
  // With no country at all, a head word alone is no node, whatever the
  // name tagger says of it.
  auto c = Run("The president reshuffles the entire Cabinet, with all Cabinet secretaries ordered to resign.");
  EXPECT_EQ(Label(c, "Cabinet"), nullptr) << Joined(c);
}

}  // namespace
}  // namespace newsgraph::extract
