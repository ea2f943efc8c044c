// User dictionaries read as event-data users have them: PETRARCH actor
// code histories picked by the document's date, agents (substitution sets,
// plurals, prefix codes), Phoenix issue coding, discards, warnings and
// --strict, and every PETRARCH-2 dictionary in ../shared loading as it is
// (skipped when ../shared is absent). Dictionaries here are written for
// these tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "extract/agents.h"
#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "extract/verb_dictionary.h"

namespace newsgraph::extract {
namespace {

namespace fs = std::filesystem;

class DictionariesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newsgraph-dicts-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  fs::path dir_;
};

std::vector<std::string_view> Views(const std::vector<std::string>& w) { return {w.begin(), w.end()}; }

const char* kDatedActors = R"(# code histories
ARNOR_PRESIDENT_ARAGORN_
+ARAGORN_
	[ARNELI <20090119]
	[ARNGOV 20090120-20170120]
	[ARNELI >20170121]
FARAMIR_ [GONGOV 20121204]
EOWYN_ [<20090120 ROHGOV] [>20090121 ROHELI]
ELROND_
	[RIVGOV 19950101-19991231]
	[RIVELI]
)";

TEST_F(DictionariesTest, DatedActorCodesArePickedByTheDocumentDate) {
  std::string path = Write("dated.actors.txt", kDatedActors);
  Lexicons lex;
  DictionaryReport report;
  std::string error;
  ASSERT_TRUE(lex.AddActorFile(path, DictionaryOptions{.strict = true}, &report, &error)) << error;
  EXPECT_EQ(report.entries, 4u);
  EXPECT_EQ(report.skipped, 0u);
  auto entry = [&](std::vector<std::string_view> words) {
    PhraseMatch m;
    EXPECT_TRUE(lex.MatchActor(words, 0, &m));
    return lex.actor(m.entry);
  };
  const ActorEntry aragorn = entry({"Aragorn"});
  EXPECT_EQ(aragorn.CodeOn("2005-03-01"), "ARNELI");
  EXPECT_EQ(aragorn.CodeOn("2012-06-30T10:00:00Z"), "ARNGOV");
  EXPECT_EQ(aragorn.CodeOn("2020-01-01"), "ARNELI");
  EXPECT_EQ(aragorn.CodeOn(""), "ARNELI") << "no date: the entry that holds latest";
  EXPECT_EQ(aragorn.country, "ARN");
  // A bare date: from that day on.
  const ActorEntry faramir = entry({"Faramir"});
  EXPECT_EQ(faramir.CodeOn("2013-01-01"), "GONGOV");
  EXPECT_EQ(faramir.CodeOn("2010-01-01"), "GONGOV") << "before it, the only code is the fallback";
  // The restriction before the code.
  const ActorEntry eowyn = entry({"Eowyn"});
  EXPECT_EQ(eowyn.CodeOn("2008-05-05"), "ROHGOV");
  EXPECT_EQ(eowyn.CodeOn("2015-05-05"), "ROHELI");
  // An undated code is the fallback outside the windows.
  const ActorEntry elrond = entry({"Elrond"});
  EXPECT_EQ(elrond.CodeOn("1997-07-07"), "RIVGOV");
  EXPECT_EQ(elrond.CodeOn("2005-07-07"), "RIVELI");
  EXPECT_EQ(elrond.CodeOn(""), "RIVELI");
}

TEST_F(DictionariesTest, TheExtractorCodesActorsAsOfTheDocumentDate) {
  ExtractorOptions options;
  options.data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract";
  options.actor_files = {Write("dated.actors.txt", kDatedActors)};
  std::string error;
  auto x = Extractor::Load(options, &error);
  ASSERT_NE(x, nullptr) << error;
  auto code_of = [&](const std::string& date) {
    graph::Document doc;
    doc.id = "d";
    doc.date = date;
    doc.text = "Aragorn criticized Eowyn.";
    for (const auto& e : x->Analyze(doc).entities)
      if (e.label.find("Aragorn") != std::string::npos) return e.code;
    return std::string("(none)");
  };
  EXPECT_EQ(code_of("2012-06-30"), "ARNGOV");
  EXPECT_EQ(code_of("2018-01-01"), "ARNELI");
  EXPECT_EQ(code_of(""), "ARNELI");
}

TEST_F(DictionariesTest, BadActorLinesAreWarningsOrErrorsWhenStrict) {
  std::string path = Write("bad.actors.txt",
                           "GOOD_ACTOR_ [GDAGOV]\nODD_DATE_ [XYZGOV 9008223-911221]\n+ALIAS_OF_ODD\n"
                           "TWO_CODES [AAA BBB]\nOTHER_ [OTHGOV]\n");
  Lexicons lex;
  DictionaryReport report;
  std::string error;
  ASSERT_TRUE(lex.AddActorFile(path, DictionaryOptions{}, &report, &error)) << error;
  EXPECT_EQ(report.entries, 2u);
  EXPECT_EQ(report.skipped, 3u) << "the bad entry, its alias, the second bad entry";
  ASSERT_EQ(report.warnings.size(), 3u);
  EXPECT_EQ(report.warnings[0], path +
                                    ":2: bad code \"[XYZGOV 9008223-911221]\": date \"9008223\" is neither YYMMDD "
                                    "nor YYYYMMDD");
  EXPECT_EQ(report.warnings[1], path + ":3: alias of a skipped entry");
  EXPECT_NE(report.Summary().find("3 lines skipped"), std::string::npos) << report.Summary();
  Lexicons strict;
  EXPECT_FALSE(strict.AddActorFile(path, DictionaryOptions{.strict = true}, nullptr, &error));
  EXPECT_EQ(error.rfind(path + ":2: bad code", 0), 0u) << error;
  EXPECT_TRUE(strict.dictionary_reports().empty());
}

TEST_F(DictionariesTest, AgentsMatchLongestWithSubstitutionsAndPlurals) {
  std::string path = Write("agents.txt",
                           "<!-- agents -->\n!PERSON! = MAN, MEN, WOMAN, WOMEN\n!MINIST! = MINISTER, MINISTERS, MINISTRY\n"
                           "OPPOSITION_GROUP [~OPP]\nMAIN_OPPOSITION_GROUP [~MOP] # a note\n"
                           "FOREIGN_!MINIST! [~GOV]\nCATTLE!PERSON! [~AGR]\nPOLICE {} [ ~COP]\n"
                           "THIEF {THIEVES} [~CRM]\nHUMAN_RIGHTS_BODY [  NGO~]\nBROKEN_LINE [~ENV}\nNO_CODE\n");
  std::vector<std::string> warnings;
  std::string error;
  auto agents = Agents::Load(path, false, &warnings, &error);
  ASSERT_NE(agents, nullptr) << error;
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0], path + ":11: unclosed '[' in the code");
  EXPECT_EQ(warnings[1], path + ":12: an agent without a [code]");
  auto code = [&](std::vector<std::string> words, size_t want_end) {
    size_t end = 99;
    std::string c = agents->AgentCode(Views(words), 0, &end);
    EXPECT_EQ(end, c.empty() ? 0 : want_end) << words[0];
    return c;
  };
  EXPECT_EQ(code({"main", "opposition", "group", "said"}, 3), "MOP");
  EXPECT_EQ(code({"opposition", "groups"}, 2), "OPP");
  EXPECT_EQ(code({"foreign", "ministry"}, 2), "GOV");
  EXPECT_EQ(code({"foreign", "ministers"}, 2), "GOV");
  EXPECT_EQ(code({"cattlemen"}, 1), "AGR");
  EXPECT_EQ(code({"police"}, 1), "COP");
  EXPECT_EQ(code({"polices"}, 0), "") << "{}: no plural";
  EXPECT_EQ(code({"thieves"}, 1), "CRM");
  EXPECT_EQ(code({"main"}, 0), "");
  size_t end;
  const AgentEntry* ngo = agents->Match(Views({"human", "rights", "bodies"}), 0, &end);
  ASSERT_NE(ngo, nullptr);
  EXPECT_EQ(ngo->code, "NGO");
  EXPECT_TRUE(ngo->prefix);
  EXPECT_EQ(Agents::Load(path, true, nullptr, &error), nullptr);
  EXPECT_EQ(error.rfind(path + ":11: unclosed '['", 0), 0u) << error;
}

TEST_F(DictionariesTest, TheShippedAgentsListCodesGeneralRoles) {
  std::string error;
  auto agents = Agents::Load(std::string(NEWSGRAPH_SOURCE_DIR) + "/extract/lexicons/agents.tsv", true, nullptr, &error);
  ASSERT_NE(agents, nullptr) << error;
  struct Case {
    std::vector<std::string> words;
    const char* code;
  };
  for (const Case& c : std::vector<Case>{{{"soldiers"}, "MIL"},
                                         {{"troops"}, "MIL"},
                                         {{"police", "officers"}, "COP"},
                                         {{"rebels"}, "REB"},
                                         {{"insurgents"}, "REB"},
                                         {{"protesters"}, "OPP"},
                                         {{"civilians"}, "CVL"},
                                         {{"foreign", "minister"}, "GOV"},
                                         {{"diplomats"}, "GOV"},
                                         {{"opposition"}, "OPP"},
                                         {{"judges"}, "JUD"}}) {
    size_t end;
    EXPECT_EQ(agents->AgentCode(Views(c.words), 0, &end), c.code) << c.words[0];
    EXPECT_EQ(end, c.words.size()) << c.words[0];
  }
}

TEST_F(DictionariesTest, IssueCodingAndDiscards) {
  std::string issues_path = Write("issues.txt",
                                  "# issues\n<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\nn:teacher [TEACHERS]\n"
                                  "head start [EARLY_CHILDHOOD_EDUCATION]\n~get head start\nliteracy\n</ISSUE>\n"
                                  "orphan phrase\n");
  IssueDictionary issues;
  DictionaryReport report;
  std::string error;
  ASSERT_TRUE(issues.AddFile(issues_path, DictionaryOptions{}, &report, &error)) << error;
  EXPECT_EQ(report.entries, 4u);
  EXPECT_EQ(report.skipped, 1u);
  graph::DocumentAnalysis a;
  for (const char* label : {"pay for teachers", "literacy", "get head start", "tax cuts"}) {
    graph::Entity e;
    e.kind = graph::EntityKind::kIssue;
    e.label = label;
    a.entities.push_back(e);
  }
  EXPECT_EQ(ApplyIssueCoding(issues, &a), 2u);
  EXPECT_EQ(a.entities[0].code, "TEACHERS");
  EXPECT_EQ(a.entities[0].category, "education");
  EXPECT_EQ(a.entities[1].code, "EDUCATION") << "a phrase without a code takes its section's category";
  EXPECT_EQ(a.entities[2].code, "") << "an exclusion";
  EXPECT_EQ(a.entities[3].code, "");

  std::string discards_path =
      Write("discards.txt", "# discards\nMONTHS LATER\n+WORLD_GOLF_CHAMPIONSHIPS # a note\nBASEBALL ;old note\n");
  Discards discards;
  ASSERT_TRUE(discards.AddFile(discards_path, DictionaryOptions{.strict = true}, &report, &error)) << error;
  EXPECT_EQ(discards.size(), 3u);
  graph::DocumentAnalysis d;
  d.doc.text = "Chile criticized Peru. Months later Peru attacked Chile. Chile met Peru.";
  d.sentences = {{0, {0, 22}}, {1, {23, 56}}, {2, {57, 72}}};
  for (uint32_t s = 0; s < 3; ++s) {
    graph::Relation r;
    r.sentence = s;
    d.relations.push_back(r);
  }
  EXPECT_EQ(ApplyDiscards(discards, &d), 1u);
  ASSERT_EQ(d.relations.size(), 2u);
  EXPECT_EQ(d.relations[1].sentence, 2u);
  d.doc.text = "Woods won the World Golf Championships. Chile met Peru.";
  d.sentences = {{0, {0, 39}}, {1, {40, 55}}};
  EXPECT_EQ(ApplyDiscards(discards, &d), 2u) << "a story-level discard drops the whole document's relations";
}

// ---- The PETRARCH-2 dictionaries users have (../shared) -------------------

TEST(SharedDictionaries, EveryPetrarchFileLoadsAsItIs) {
  const std::string shared = NEWSGRAPH_SHARED_DIR;
  const std::string dicts = shared + "/dictionaries/petrarch2", unit = shared + "/eval/petrarch-unit";
  if (!fs::exists(dicts) || !fs::exists(unit)) GTEST_SKIP() << dicts << " or " << unit << " not present";
  struct File {
    std::string path, kind;
  };
  const std::vector<File> files = {
      {dicts + "/CAMEO.2.0.txt", "verbs"},
      {dicts + "/Phoenix.Countries.actors.txt", "actors"},
      {dicts + "/Phoenix.International.actors.txt", "actors"},
      {dicts + "/Phoenix.MilNonState.actors.txt", "actors"},
      {dicts + "/Phoenix.agents.txt", "agents"},
      {dicts + "/Phoenix.IssueCoding.txt", "issues"},
      {dicts + "/Phoenix.discards.txt", "discards"},
      {unit + "/PETR.Validate.actors.txt", "actors"},
      {unit + "/PETR.Validate.verbs.txt", "verbs"},
      {unit + "/PETR.Validate.agents.txt", "agents"},
      {unit + "/PETR.Validate.discards.txt", "discards"},
  };
  for (const auto& f : files) {
    SCOPED_TRACE(f.path);
    DictionaryReport report;
    std::string error;
    bool ok = false;
    if (f.kind == "verbs") {
      VerbDictionary d;
      ok = d.Load(f.path, DictionaryOptions{}, &report, &error);
    } else if (f.kind == "actors") {
      Lexicons lex;
      ok = lex.AddActorFile(f.path, DictionaryOptions{}, &report, &error);
    } else if (f.kind == "agents") {
      Agents a;
      ok = a.AddFile(f.path, DictionaryOptions{}, &report, &error);
    } else if (f.kind == "issues") {
      IssueDictionary d;
      ok = d.AddFile(f.path, DictionaryOptions{}, &report, &error);
    } else {
      Discards d;
      ok = d.AddFile(f.path, DictionaryOptions{}, &report, &error);
    }
    ASSERT_TRUE(ok) << error;
    EXPECT_GT(report.entries, 0u);
    EXPECT_GT(report.lines, 0u);
    // What is skipped is the exception: a few malformed lines, CAMEO's
    // TRANSFORMATIONS.
    EXPECT_LE(report.skipped * 100, report.lines) << report.Summary();
    EXPECT_LE(report.warnings.size(), DictionaryReport::kKeptWarnings);
  }
  // CAMEO's TRANSFORMATIONS section: warnings, an error when strict.
  DictionaryReport report;
  std::string error;
  VerbDictionary cameo;
  ASSERT_TRUE(cameo.Load(dicts + "/CAMEO.2.0.txt", DictionaryOptions{}, &report, &error)) << error;
  bool transformation = false;
  for (const auto& w : report.warnings) transformation |= w.find("TRANSFORMATIONS") != std::string::npos;
  EXPECT_TRUE(transformation) << report.Summary();
  VerbDictionary strict;
  EXPECT_FALSE(strict.Load(dicts + "/CAMEO.2.0.txt", DictionaryOptions{.strict = true}, nullptr, &error));
  EXPECT_EQ(error.rfind(dicts + "/CAMEO.2.0.txt:", 0), 0u) << error;
  // The agents the task names.
  Agents agents;
  ASSERT_TRUE(agents.AddFile(unit + "/PETR.Validate.agents.txt", DictionaryOptions{}, nullptr, &error)) << error;
  size_t end;
  EXPECT_EQ(agents.AgentCode(Views({"main", "opposition", "group"}), 0, &end), "MOP");
  EXPECT_EQ(end, 3u);
}

}  // namespace
}  // namespace newsgraph::extract
