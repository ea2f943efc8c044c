// Event coding with a user's own actor, agent and verb dictionaries, the
// way PETRARCH users code: how actor phrases are found ("THE_" entries,
// compound codes), how agents combine with actor codes ("Velmar cleric" ->
// VELREL, "[NGO~]" before the actor), and which actors a dictionary verb
// takes as its subjects. Every dictionary and sentence here is written for
// these tests (invented places and codes).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "extract/extractor.h"
#include "graph/types.h"

namespace newsgraph::extract {
namespace {

namespace fs = std::filesystem;

const char* kActors = R"(<!-- actors for newsgraph's event-coding tests -->
VELMAR  [VEL]
+VELMARI
OSTRAVIA  [OST]
THE_TRIPLE_LEAGUE  [QRA/QRB/QRC]
BRINDAL  [QRB]
THE_AMBER_COAST  [AMB]
KESTREL_ISLES  [KES]
THE_DAILY_LANTERN  [VELGOVMED]
)";

const char* kAgents = R"(<!-- agents for newsgraph's event-coding tests -->
CLERIC  [~REL]
AMBASSADOR  [~DPL]
HARBOUR_WARDEN  [~COP]
KRX {} [NGO~]
GOVERNMENT {} [~GOV]
NEWSPAPER [~MED]
!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
!MINST!_OF_LANTERNS [~GOV]
)";

const char* kVerbs = R"(<!-- verbs for newsgraph's event-coding tests -->
--- PRAISE  [051]  ---
PRAISE

--- HAIL  [---]  ---
HAIL
- * REOPENING OF &TIES  [041]

--- TAP  [171]  ---
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}

--- FETE  [---]  ---
FETE
- + HOSTING * FESTIVAL ^ $  [043]

&TIES
+TIES
+RELATIONS
)";

class EventCodingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("newsgraph-coding-" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    std::ofstream(*dir_ / "t.actors.txt") << kActors;
    std::ofstream(*dir_ / "t.agents.txt") << kAgents;
    std::ofstream(*dir_ / "t.verbs.txt") << kVerbs;
    ExtractorOptions options;
    options.data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract";
    options.actor_files = {(*dir_ / "t.actors.txt").string()};
    options.agent_files = {(*dir_ / "t.agents.txt").string()};
    options.verb_files = {(*dir_ / "t.verbs.txt").string()};
    std::string error;
    extractor_ = Extractor::Load(options, &error).release();
    ASSERT_NE(extractor_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete extractor_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  // "SUBJECTCODE CLASS OBJECTCODE" for each actor-to-actor relation (the
  // entity's code, else its label), sorted.
  static std::vector<std::string> Events(const std::string& text) {
    graph::Document doc;
    doc.id = "t";
    doc.text = text;
    graph::DocumentAnalysis a = extractor_->Analyze(doc);
    auto name = [&](const std::string& id) -> std::string {
      for (const auto& e : a.entities)
        if (e.id == id) return e.kind == graph::EntityKind::kActor && !e.code.empty() ? e.code : e.label;
      return id;
    };
    std::vector<std::string> out;
    for (const auto& r : a.relations)
      if (r.object.rfind("actor:", 0) == 0) out.push_back(name(r.subject) + " " + r.cls + " " + name(r.object));
    std::sort(out.begin(), out.end());
    return out;
  }
  static graph::DocumentAnalysis Analyze(const std::string& text) {
    graph::Document doc;
    doc.id = "t";
    doc.text = text;
    return extractor_->Analyze(doc);
  }

  static fs::path* dir_;
  static Extractor* extractor_;
};

fs::path* EventCodingTest::dir_ = nullptr;
Extractor* EventCodingTest::extractor_ = nullptr;

std::string Show(const std::vector<std::string>& events) {
  std::string out;
  for (const auto& e : events) out += "\n  " + e;
  return out;
}
#define EXPECT_EVENTS(text, ...)                                      \
  do {                                                                \
    std::vector<std::string> want_ = {__VA_ARGS__};                   \
    std::sort(want_.begin(), want_.end());                            \
    auto got_ = Events(text);                                         \
    EXPECT_EQ(got_, want_) << text << "\ngot:" << Show(got_);          \
  } while (0)

// "THE_AMBER_COAST": the article of a dictionary name is lower case in
// running text, or absent.
TEST_F(EventCodingTest, DictionaryNamesWithTheMatchWithoutACapitalArticle) {
  EXPECT_EVENTS("Velmar praised the Amber Coast on Monday.", "VEL SUPPORT AMB");
  EXPECT_EVENTS("The Amber Coast praised Velmar.", "AMB SUPPORT VEL");
}

// "[QRA/QRB/QRC]": one phrase naming several actors; each is an entity of
// its own (named as the dictionary names its code when one entry has it),
// and every relation of the phrase is a relation of each member.
TEST_F(EventCodingTest, CompoundCodesActAsEachMember) {
  EXPECT_EVENTS("The Triple League praised Ostravia.", "QRA SUPPORT OST", "QRB SUPPORT OST", "QRC SUPPORT OST");
  EXPECT_EVENTS("Ostravia praised the Triple League.", "OST SUPPORT QRA", "OST SUPPORT QRB", "OST SUPPORT QRC");
  graph::DocumentAnalysis a = Analyze("The Triple League praised Ostravia.");
  std::vector<std::string> labels;
  for (const auto& e : a.entities) labels.push_back(e.label + "=" + e.code);
  std::sort(labels.begin(), labels.end());
  EXPECT_EQ(labels, (std::vector<std::string>{"Brindal=QRB", "Ostravia=OST", "Triple League (QRA)=QRA",
                                              "Triple League (QRC)=QRC"}));
  // The phrase's mention names each member.
  size_t league = 0;
  for (const auto& m : a.mentions) league += m.text == "The Triple League";
  EXPECT_EQ(league, 3u);
}


// Coordinated subjects of a dictionary verb: an item may carry an article
// and modifiers the tagger reads as nouns ("and the evil awful X").
TEST_F(EventCodingTest, CoordinatedSubjectsKeepItemsWithArticleAndModifiers) {
  EXPECT_EVENTS("Velmar and the evil awful Ostravia praised the Kestrel Isles.", "VEL SUPPORT KES",
                "OST SUPPORT KES");
}


// "the ambassadors of A, B and the C": a group of each country of the
// list, coded with the agent of the user's agents file, which overrides
// the shipped list (lexicons/agents.tsv says GOV for ambassadors).
TEST_F(EventCodingTest, GroupNounBeforeAListNamesAGroupOfEachCountry) {
  EXPECT_EVENTS("The ambassadors of Velmar, Ostravia and the Amber Coast praised Brindal.", "VELDPL SUPPORT QRB",
                "OSTDPL SUPPORT QRB", "AMBDPL SUPPORT QRB");
  // The last item with a noun of its own is a group of its own.
  EXPECT_EVENTS("The envoys of Velmar and Ostravia officials praised Brindal.", "VELGOV SUPPORT QRB",
                "OSTGOV SUPPORT QRB");
}


// Agents of the user's agents file after an actor make a group of it,
// coded with each agent in turn; a code that already holds an agent's
// keeps it (VELGOVMED + GOV + MED).
TEST_F(EventCodingTest, AgentsAfterAnActorMakeItsGroup) {
  EXPECT_EVENTS("The Velmar cleric praised Ostravia.", "VELREL SUPPORT OST");
  EXPECT_EVENTS("The Daily Lantern government newspaper praised Ostravia.", "VELGOVMED SUPPORT OST");
  // A capitalised agent of several words wins over the shorter title
  // ("Minister").
  EXPECT_EVENTS("The Ostravia Minister of Lanterns praised Velmar.", "OSTGOV SUPPORT VEL");
  // Before a name the agent describes the person: no group.
  graph::DocumentAnalysis a = Analyze("The Velmar harbour warden Arwen Tal praised Ostravia.");
  for (const auto& e : a.entities) EXPECT_EQ(e.label.find("warden"), std::string::npos) << e.label;
}

// A prefix agent ("[NGO~]") before an actor: the agent's code first.
TEST_F(EventCodingTest, PrefixAgentsGoBeforeTheActorCode) {
  EXPECT_EVENTS("KRX Velmar praised Ostravia.", "NGOVEL SUPPORT OST");
  EXPECT_EVENTS("A KRX Velmar cleric praised Ostravia.", "NGOVELREL SUPPORT OST");
}


// "^" skips a noun phrase; like any element not joined by "_" it may have
// words before it ("FESTIVAL ^ $" over "festival with Brindal next week
// at the Amber Coast").
TEST_F(EventCodingTest, SkipElementsMayHaveWordsBeforeThem) {
  auto got = Events("Velmar will be hosting Ostravia to fete the festival with Brindal next week at the Amber Coast.");
  EXPECT_NE(std::find(got.begin(), got.end(), "AMB CONSULT VEL"), got.end()) << Show(got);
}


// A multi-word verb whose inflected word the tagger reads as a noun next
// to the verb it found ("will wire tap": "wire" VERB, "tap" NOUN) is still
// the dictionary's verb. Soldiers from a dictionary actor are its MIL
// group even when the actor is no country the lexicons know.
TEST_F(EventCodingTest, MultiWordVerbsAreFoundAroundAMistaggedWord) {
  EXPECT_EVENTS("Soldiers from Velmar will wire tap the phone lines leading into Ostravia.", "VELMIL COERCE OST");
}

}  // namespace
}  // namespace newsgraph::extract
