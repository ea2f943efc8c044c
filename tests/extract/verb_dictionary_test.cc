// User verb dictionaries in the PETRARCH/TABARI format: reading (synsets,
// blocks, forms, patterns, comments, errors with file and line), matching
// (specificity, adjacency, targets, skipped phrases, plurals) and the
// events the extractor makes of them, on a dictionary and sentences written
// for these tests.
#include "extract/verb_dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "extract/extractor.h"

namespace newsgraph::extract {
namespace {

namespace fs = std::filesystem;

const char* kDictionary = R"(<!-- A verb dictionary written for newsgraph's tests.
     Several lines of comment. -->
&TIES
+DIPLOMATIC_TIES
+RELATIONS

--- RESTORE  [064]  ---
RESTORE    # regular forms are generated
RENEW [0641]
- NOT * &TIES  [112]
- * FULL_&TIES  [0642]
- * FULL  [###]   ; a code that is no CAMEO code

--- ARRIVE  [032:033]  ---
ARRIVE

--- BREAK  [---]  ---
BREAK { BROKE BROKEN }
- * OFF TALKS WITH +  [161]

--- TAP  [171]  ---
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}

--- WARN  [130]  ---
WARN
- * ^ ABOUT +  [138]
)";

class VerbDictionaryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("newsgraph-verbs-" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    std::ofstream(*dir_ / "test.verbs.txt") << kDictionary;
    ExtractorOptions options;
    options.data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract";
    options.verb_files = {(*dir_ / "test.verbs.txt").string()};
    std::string error;
    extractor_ = Extractor::Load(options, &error).release();
    ASSERT_NE(extractor_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete extractor_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  static std::string Write(const std::string& name, const std::string& text) {
    std::string path = (*dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  // "subject CLASS code object" for each relation.
  static std::vector<std::string> Events(const std::string& text) {
    graph::Document doc;
    doc.id = "t";
    doc.text = text;
    std::vector<std::string> out;
    for (const auto& r : extractor_->Analyze(doc).relations)
      out.push_back(r.subject + " " + r.cls + " " + (r.code.empty() ? "-" : r.code) + " " + r.object);
    std::sort(out.begin(), out.end());
    return out;
  }

  static fs::path* dir_;
  static Extractor* extractor_;
};

fs::path* VerbDictionaryTest::dir_ = nullptr;
Extractor* VerbDictionaryTest::extractor_ = nullptr;

bool Has(const std::vector<std::string>& events, const std::string& e) {
  return std::find(events.begin(), events.end(), e) != events.end();
}
std::string Show(const std::vector<std::string>& events) {
  std::string out;
  for (const auto& e : events) out += "\n  " + e;
  return out;
}
#define EXPECT_EVENT(text, event)                         \
  do {                                                    \
    auto got_ = Events(text);                             \
    EXPECT_TRUE(Has(got_, event)) << text << Show(got_);  \
  } while (0)

TEST_F(VerbDictionaryTest, ReadsBlocksFormsPatternsAndComments) {
  VerbDictionary d;
  std::string error;
  ASSERT_TRUE(d.Load((*dir_ / "test.verbs.txt").string(), &error)) << error;
  EXPECT_EQ(d.blocks(), 5u);
  EXPECT_EQ(d.patterns(), 5u);
  // Regular forms are generated; irregular ones are as written.
  for (const char* w : {"restore", "restores", "restored", "restoring", "renewed", "arrives", "broke", "broken"})
    EXPECT_NE(d.FormsOf(w), nullptr) << w;
  EXPECT_EQ(d.FormsOf("breaked"), nullptr);
  // "WIRE_+TAP": the verb word is "tap", "wire" comes before it.
  ASSERT_NE(d.FormsOf("tapped"), nullptr);
  const VerbForm& f = d.form(d.FormsOf("tapped")->front());
  EXPECT_EQ(f.words, (std::vector<std::string>{"wire", "tapped"}));
  EXPECT_EQ(f.verb, 1u);
  EXPECT_EQ(f.code, "171");
  // A verb's own code beats its block's.
  EXPECT_EQ(d.form(d.FormsOf("renew")->front()).code, "0641");
}

TEST_F(VerbDictionaryTest, MostSpecificMatchingPatternWins) {
  // The verb alone, then "* FULL_&TIES" (adjacent synset phrase), then the
  // negated pattern, which also keeps the relation from being negated twice.
  EXPECT_EVENT("Chile restored diplomatic ties with Peru.", "actor:chile COOPERATE 064 actor:peru");
  EXPECT_EVENT("Chile restored full diplomatic ties with Peru.", "actor:chile COOPERATE 0642 actor:peru");
  EXPECT_EVENT("Chile did not restore relations with Peru.", "actor:chile DISAPPROVE 112 actor:peru");
  // "FULL" not next to the synset phrase: "* FULL" matches, and its code
  // "###" is no event.
  auto e = Events("Chile restored full and friendly relations with Peru.");
  EXPECT_FALSE(Has(e, "actor:chile COOPERATE 0642 actor:peru")) << Show(e);
  EXPECT_FALSE(Has(e, "actor:chile COOPERATE 064 actor:peru")) << Show(e);
}

TEST_F(VerbDictionaryTest, TwoSidedCodesGiveAnEventEachWay) {
  const char* text = "Kenyan President William Ruto arrived in Chile on Monday.";
  EXPECT_EVENT(text, "actor:william-ruto AGREE 032 actor:chile");
  EXPECT_EVENT(text, "actor:chile AGREE 033 actor:william-ruto");
}

TEST_F(VerbDictionaryTest, TargetsSkippedPhrasesAndNullCodes) {
  EXPECT_EVENT("Peru broke off talks with Chile.", "actor:peru SANCTION 161 actor:chile");
  // BREAK alone is "---": no event, and the built-in lexicon adds no
  // actor-to-actor relation of its own for the verb.
  for (const auto& ev : Events("Peru broke the agreement with Chile."))
    EXPECT_EQ(ev.find("actor:chile"), std::string::npos) << ev;
  // "^" skips "its citizens", "+" is the actor after "about".
  EXPECT_EVENT("Chile warned its citizens about Peru.", "actor:chile THREATEN 138 actor:peru");
  // A multi-word verb with the verb word second.
  EXPECT_EVENT("Chile wire tapped the Peruvian embassy.", "actor:chile COERCE 171 actor:peruvian-embassy");
}

TEST_F(VerbDictionaryTest, VerbsTheDictionaryDoesNotKnowKeepTheBuiltInLexicon) {
  EXPECT_EVENT("Chile criticized Peru.", "actor:chile DISAPPROVE - actor:peru");
}

TEST_F(VerbDictionaryTest, BadLinesAreWarningsWithFileAndLineOrErrorsWhenStrict) {
  struct Case {
    std::string name, text, message;
  };
  std::vector<Case> cases = {
      {"nocode.txt", "--- MEET [040] ---\nMEET\n- * WITH +\n", ":3: pattern without a [code]"},
      {"orphan.txt", "\n- * WITH + [040]\n", ":2: a pattern before any verb"},
      {"brace.txt", "--- MEET [040] ---\nMEET {MET\n", ":2: '{' without '}'"},
      {"utf8.txt", "--- MEET [040] ---\nMEET\xC3\n", ":2: column 5 (byte 4): invalid UTF-8"},
      {"long.txt", "--- X [010] ---\nA_B_C_D_E_F_G_H_+I\n", ":2: a verb of more than 8 words"},
  };
  DictionaryOptions strict;
  strict.strict = true;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string path = Write(c.name, c.text);
    VerbDictionary d;
    std::string error;
    EXPECT_FALSE(d.Load(path, strict, nullptr, &error));
    EXPECT_EQ(error.rfind(path + c.message, 0), 0u) << error;
    EXPECT_EQ(d.verbs(), 0u) << "a failed load adds nothing";
    // Not strict: the line is skipped with the same message as a warning;
    // a file with no usable line at all still fails.
    VerbDictionary lenient;
    DictionaryReport report;
    error.clear();
    if (lenient.Load(path, DictionaryOptions{}, &report, &error)) {
      EXPECT_EQ(report.skipped, 1u);
      ASSERT_EQ(report.warnings.size(), 1u);
      EXPECT_EQ(report.warnings[0].rfind(path + c.message, 0), 0u) << report.warnings[0];
    } else {
      EXPECT_NE(error.find("no line could be read as verbs"), std::string::npos) << error;
    }
  }
  VerbDictionary d;
  std::string error;
  EXPECT_FALSE(d.Load((*dir_ / "missing.txt").string(), &error));
  EXPECT_NE(error.find("missing.txt: cannot read"), std::string::npos) << error;
}

TEST_F(VerbDictionaryTest, TransformationsSectionIsSkippedWithAWarning) {
  std::string path = Write("transform.txt",
                           "--- ATTACK [190] ---\nATTACK\n\n######## TRANSFORMATIONS ##########\n\n"
                           "~ a (a b ATTACK) SAY = a b 015\n~ a (b . ATTACK) CLAIM = a b 112\n");
  VerbDictionary d;
  DictionaryReport report;
  std::string error;
  ASSERT_TRUE(d.Load(path, DictionaryOptions{}, &report, &error)) << error;
  EXPECT_NE(d.FormsOf("attacked"), nullptr);
  EXPECT_EQ(report.skipped, 2u);
  ASSERT_FALSE(report.warnings.empty());
  EXPECT_EQ(report.warnings[0], path + ":6: a TRANSFORMATIONS rule; newsgraph does not apply event transformations");
  DictionaryOptions strict;
  strict.strict = true;
  VerbDictionary s;
  EXPECT_FALSE(s.Load(path, strict, nullptr, &error));
  EXPECT_EQ(error.rfind(path + ":6: a TRANSFORMATIONS rule", 0), 0u) << error;
}

TEST_F(VerbDictionaryTest, SelfReferencingSynsetsTerminateWithAWarning) {
  // Twelve self-references used to multiply the synset's phrases on each
  // of three passes (12 of them: gigabytes); &A -> &B -> &A is a cycle.
  std::string text = "&LINKS\n+TIES\n";
  for (int i = 0; i < 12; ++i) text += "+&LINKS\n";
  text += "+RELATIONS\n\n&A\n+&B\n+ALPHA\n\n&B\n+&A\n+BETA\n\n"
          "--- RESTORE [064] ---\nRESTORE\n- * FULL_&LINKS [0642]\n- * FULL_&A [0643]\n";
  std::string path = Write("cycle.txt", text);
  VerbDictionary d;
  DictionaryReport report;
  std::string error;
  ASSERT_TRUE(d.Load(path, DictionaryOptions{}, &report, &error)) << error;
  EXPECT_EQ(report.skipped, 2u);
  ASSERT_EQ(report.warnings.size(), 2u);
  EXPECT_EQ(report.warnings[0], path + ":1: synset &LINKS names itself; that phrase is left out");
  EXPECT_NE(report.warnings[1].find("leads back to it"), std::string::npos) << report.warnings[1];
  // The synsets still match their phrases, each once.
  PatternSentence s;
  for (const char* w : {"chile", "restored", "full", "relations", "beta"}) s.words.push_back(w);
  s.actor_end.assign(s.words.size(), 0);
  s.actor_first.assign(s.words.size(), -1);
  s.phrase_end.assign(s.words.size(), 0);
  const uint32_t form = d.FormsOf("restored")->front();
  EXPECT_EQ(d.Match(form, s, 1, 2).code, "0642");
  s.words[3] = "beta";
  EXPECT_EQ(d.Match(form, s, 1, 2).code, "0643");
  DictionaryOptions strict;
  strict.strict = true;
  VerbDictionary st;
  EXPECT_FALSE(st.Load(path, strict, nullptr, &error));
  EXPECT_EQ(error.rfind(path + ":1: synset &LINKS names itself", 0), 0u) << error;
}

TEST_F(VerbDictionaryTest, PatternSearchIsBoundedSoMatchingIsLinear) {
  // Each match searches at most kMaxPatternReach words from the verb, which
  // keeps a sentence's matching linear in its length (a 20,000-word
  // sentence with a verb every fourth word used to take seconds). Checked by
  // behaviour, not by the clock: a pattern word within reach is found, one
  // beyond it is not, and every verb of a long sentence still gets its code.
  std::string path = Write("long.txt",
                           "&TIES\n+DIPLOMATIC_TIES\n+RELATIONS\n\n--- RESTORE [064] ---\nRESTORE\n"
                           "- * &TIES WITH + [0641]\n- * TALKS ABOUT + [0642]\n- $ SAID * [0643]\n- ^ * ^ FULLY [0644]\n");
  VerbDictionary d;
  std::string error;
  ASSERT_TRUE(d.Load(path, &error)) << error;
  const uint32_t form = d.FormsOf("restored")->front();
  auto sentence = [](size_t gap) {
    PatternSentence s;
    s.words.push_back("restored");
    for (size_t i = 0; i < gap; ++i) s.words.push_back("word");
    s.words.push_back("talks");
    s.words.push_back("about");
    s.words.push_back("it");
    size_t n = s.words.size();
    s.actor_end.assign(n, 0);
    s.actor_first.assign(n, -1);
    s.phrase_end.assign(n, 0);
    s.actor_end[n - 1] = static_cast<uint32_t>(n);  // "it" stands for an actor (the pattern's +)
    s.actor_first[n - 1] = static_cast<int32_t>(n - 1);
    return s;
  };
  PatternSentence near = sentence(kMaxPatternReach / 2), far = sentence(kMaxPatternReach + 5);
  EXPECT_EQ(d.Match(form, near, 0, 1).code, "0642");
  EXPECT_EQ(d.Match(form, far, 0, 1).code, "064");
  PatternSentence s;
  const size_t n = 20000;
  for (size_t i = 0; i < n; ++i) s.words.push_back(i % 4 == 0 ? "restored" : "word");
  s.actor_end.assign(n, 0);
  s.actor_first.assign(n, -1);
  s.phrase_end.assign(n, 0);
  for (size_t i = 1; i < n; i += 4) s.phrase_end[i] = static_cast<uint32_t>(i + 3);
  size_t coded = 0;
  for (size_t i = 0; i < n; i += 4) coded += d.Match(form, s, i, i + 1).code == "064";
  EXPECT_EQ(coded, n / 4);
}

TEST(CameoToPloverTest, MapsCodesByTheirRoot) {
  EXPECT_EQ(CameoToPlover("064"), "COOPERATE");
  EXPECT_EQ(CameoToPlover("1717"), "COERCE");
  EXPECT_EQ(CameoToPlover("174K"), "COERCE");
  EXPECT_EQ(CameoToPlover("081"), "CONCEDE");
  EXPECT_EQ(CameoToPlover("085"), "RETREAT");
  EXPECT_EQ(CameoToPlover("195"), "ASSAULT");
  EXPECT_EQ(CameoToPlover("010"), "");
  EXPECT_EQ(CameoToPlover("---"), "");
  EXPECT_EQ(CameoToPlover("###"), "");
  EXPECT_EQ(PloverPolarity("COOPERATE"), 1);
  EXPECT_EQ(PloverPolarity("ASSAULT"), -1);
  EXPECT_EQ(PloverPolarity("INVESTIGATE"), 0);
}

}  // namespace
}  // namespace newsgraph::extract
