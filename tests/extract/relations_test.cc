// Relations read from the dependency tree (extract/relations.cc), on
// sentences written for these tests: arguments the word-order finder could
// not reach (words between verb and object, objects inside noun phrases,
// passive agents, coordination), complements decided by the outer verb,
// verb + object patterns, nominal events with their owners, negation and
// modality, and issues that are never casualty counts. Also the CoNLL-U
// output and input. Uses the shipped lexicons and models; the tests are
// skipped when the parser model is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/reader.h"

namespace newsgraph::extract {
namespace {

class RelationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    ExtractorOptions options;
    options.data_dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/extract";
    extractor_ = Extractor::Load(options, &error).release();
    ASSERT_NE(extractor_, nullptr) << error;
  }
  static void TearDownTestSuite() { delete extractor_; }
  void SetUp() override {
    if (!extractor_->has_parser()) GTEST_SKIP() << "no parser model in extract/models";
  }

  static graph::DocumentAnalysis Run(const std::string& text) {
    graph::Document doc;
    doc.id = "test";
    doc.text = text;
    return extractor_->Analyze(doc);
  }
  static std::string Label(const graph::DocumentAnalysis& a, const std::string& id) {
    for (const auto& e : a.entities)
      if (e.id == id) return e.label;
    return id;
  }
  // "Subject CLASS Object" with labels, "not" before the class when negated.
  static std::vector<std::string> Triples(const graph::DocumentAnalysis& a) {
    std::vector<std::string> out;
    for (const auto& r : a.relations)
      out.push_back(Label(a, r.subject) + " " + (r.negated ? "not " : "") + r.cls + " " + Label(a, r.object));
    return out;
  }
  static ::testing::AssertionResult Has(const graph::DocumentAnalysis& a, const std::string& t) {
    auto all = Triples(a);
    if (std::find(all.begin(), all.end(), t) != all.end()) return ::testing::AssertionSuccess();
    std::string got;
    for (const auto& x : all) got += "\n  " + x;
    return ::testing::AssertionFailure() << "no '" << t << "' among:" << got;
  }
  // At least one relation of class cls, and every one of them with mode.
  static ::testing::AssertionResult AllOfClassHaveMode(const graph::DocumentAnalysis& a, const std::string& cls,
                                                       const std::string& mode) {
    bool any = false;
    for (const auto& r : a.relations) {
      if (r.cls != cls) continue;
      any = true;
      if (r.mode != mode)
        return ::testing::AssertionFailure() << Label(a, r.subject) << " " << cls << " " << Label(a, r.object)
                                             << " has mode '" << r.mode << "', not '" << mode << "'";
    }
    if (!any) return ::testing::AssertionFailure() << "no " << cls << " among " << ::testing::PrintToString(Triples(a));
    return ::testing::AssertionSuccess();
  }
  static bool HasClass(const graph::DocumentAnalysis& a, const std::string& cls) {
    for (const auto& r : a.relations)
      if (r.cls == cls) return true;
    return false;
  }

  static Extractor* extractor_;
};

Extractor* RelationsTest::extractor_ = nullptr;

TEST_F(RelationsTest, WordsBetweenVerbAndArgumentsDoNotBlockThem) {
  auto a = Run("The Russian army yesterday attacked four Ukrainian border posts.");
  EXPECT_TRUE(HasClass(a, "ASSAULT"));
  auto b = Run("Estonia on Monday accused Russia of cyberattacks on its banks.");
  EXPECT_TRUE(Has(b, "Estonia DISAPPROVE Russia"));
  auto c = Run("Finland met on Tuesday with Norway in Oslo.");
  EXPECT_TRUE(Has(c, "Finland CONSULT Norway"));
}

TEST_F(RelationsTest, PassiveAgentIsTheSubject) {
  auto a = Run("Ukraine was attacked by Russia last night.");
  EXPECT_TRUE(Has(a, "Russia ASSAULT Ukraine"));
  // Without an agent there is no event: who attacked is not said.
  auto b = Run("Ukraine was attacked last night.");
  EXPECT_FALSE(HasClass(b, "ASSAULT"));
}

TEST_F(RelationsTest, CoordinatedSubjectsAndObjects) {
  auto a = Run("France and Germany condemned Iran and Syria.");
  EXPECT_TRUE(Has(a, "France DISAPPROVE Iran"));
  EXPECT_TRUE(Has(a, "Germany DISAPPROVE Syria"));
  // The second verb of a coordination shares the first one's subject.
  auto b = Run("Poland welcomed the decision and criticized Hungary.");
  EXPECT_TRUE(Has(b, "Poland DISAPPROVE Hungary"));
}

TEST_F(RelationsTest, OuterVerbDecidesItsComplement) {
  // "refused to meet X" is a rejection of X, not a meeting.
  auto a = Run("Peru refused to meet Chile.");
  EXPECT_TRUE(Has(a, "Peru REJECT Chile"));
  EXPECT_FALSE(HasClass(a, "CONSULT"));
  // "urged X to V" is a demand toward X; the inner event did not happen.
  auto b = Run("Sweden urged Denmark to impose sanctions on Belarus.");
  EXPECT_TRUE(Has(b, "Sweden DEMAND Denmark"));
  EXPECT_FALSE(HasClass(b, "SANCTION"));
  auto c = Run("Turkey threatened to cut ties with Greece.");
  EXPECT_TRUE(Has(c, "Turkey THREATEN Greece"));
  auto d = Run("Japan agreed to resume talks with South Korea.");
  EXPECT_TRUE(Has(d, "Japan AGREE South Korea"));
}

TEST_F(RelationsTest, ASaidMustClauseIsADemand) {
  auto a = Run("Brazil said Argentina must withdraw its troops.");
  EXPECT_TRUE(Has(a, "Brazil DEMAND Argentina"));
  EXPECT_FALSE(HasClass(a, "RETREAT"));
}

TEST_F(RelationsTest, VerbObjectPatternsDecideTheClass) {
  auto a = Run("Canada imposed sanctions on Iran.");
  EXPECT_TRUE(Has(a, "Canada SANCTION Iran"));
  auto b = Run("Austria lifted sanctions on Serbia.");
  EXPECT_TRUE(Has(b, "Austria RETREAT Serbia"));
  auto c = Run("Egypt held talks with Jordan.");
  EXPECT_TRUE(Has(c, "Egypt CONSULT Jordan"));
  // Releasing a video is no event; releasing prisoners is.
  auto d = Run("Hamas released a video of the hostages.");
  EXPECT_FALSE(HasClass(d, "RETREAT"));
}

TEST_F(RelationsTest, NominalEventsTakeTheirOwnerAsSource) {
  auto a = Run("The summit followed Russia's attack on Ukraine.");
  EXPECT_TRUE(Has(a, "Russia ASSAULT Ukraine"));
  auto b = Run("Vietnam denied a request from China.");
  EXPECT_TRUE(Has(b, "Vietnam REJECT China"));
}

TEST_F(RelationsTest, NegationIsReadOnTheTree) {
  auto a = Run("Norway will not support Sweden.");
  EXPECT_TRUE(Has(a, "Norway not SUPPORT Sweden"));
  auto b = Run("Norway supports Sweden.");
  EXPECT_TRUE(Has(b, "Norway SUPPORT Sweden"));
}

TEST_F(RelationsTest, PlansAreMarkedAsIntent) {
  auto a = Run("Italy wants to visit Albania next year.");
  bool intent = false;
  for (const auto& r : a.relations) intent |= r.cls == "CONSULT" && r.mode == "intent";
  EXPECT_TRUE(intent);
}

TEST_F(RelationsTest, CasualtiesAreNeverIssues) {
  auto a = Run("Syria killed two people in the attack.");
  for (const auto& r : a.relations) EXPECT_NE(r.object, "issue:people") << r.object;
  for (const auto& e : a.entities) EXPECT_NE(e.label, "two people");
}

TEST_F(RelationsTest, HeadlinePresentTenseIsReadAsAVerb) {
  // The tagger alone reads "meets" and "imposes" here as plural nouns.
  auto a = Run("U.S. president Donald Trump meets with Syrian president Ahmed al-Sharaa in Riyadh.");
  EXPECT_TRUE(Has(a, "Donald Trump CONSULT Ahmed al-Sharaa"));
  auto b = Run("Belarusian president Alexander Lukashenko pardons several opposition figures, including "
               "opposition leader Siarhei Tsikhanouski.");
  EXPECT_TRUE(Has(b, "Alexander Lukashenko CONCEDE Siarhei Tsikhanouski"));
}

TEST_F(RelationsTest, AgentlessPassiveTakesTheOwnerOfTheInstrument) {
  auto a = Run("Eight Palestinians are killed in Gaza during Israeli airstrikes.");
  EXPECT_TRUE(Has(a, "Israel ASSAULT Palestine"));
  // No instrument and no agent: nobody is said to have acted.
  auto b = Run("Eight Palestinians are killed in Gaza.");
  EXPECT_FALSE(HasClass(b, "ASSAULT"));
}

TEST_F(RelationsTest, DemandForTheSurrenderOfXIsADemandTowardX) {
  auto a = Run("Donald Trump calls for the unconditional surrender of Iran.");
  EXPECT_TRUE(Has(a, "Donald Trump DEMAND Iran"));
  // The owner of what is sought is not the one asked: no demand toward the allies.
  auto b = Run("Ukraine seeks the backing of European allies.");
  for (const auto& r : b.relations) EXPECT_EQ(r.object.rfind("actor:", 0), std::string::npos) << r.object;
}

TEST_F(RelationsTest, DefiniteDescriptionsNameTheOneOrganisationBefore) {
  auto a = Run("The National Telecommunications Commission ordered ABS-CBN off the air. "
               "Duterte accused the commission of bias.");
  EXPECT_TRUE(Has(a, "Duterte DISAPPROVE National Telecommunications Commission"));
}

TEST_F(RelationsTest, DesignationsAsTerroristsAreSanctions) {
  auto a = Run("Germany designated Hezbollah as a terrorist organization.");
  EXPECT_TRUE(Has(a, "Germany SANCTION Hezbollah"));
  auto b = Run("Germany designated Berlin as the capital.");
  EXPECT_FALSE(HasClass(b, "SANCTION"));
}

TEST_F(RelationsTest, ANameBetweenCommasAfterAFrontedPhraseIsTheSubject) {
  // The parser hangs the name on "attack" as an apposition and leaves the
  // verb without a subject.
  auto a = Run("In a message after the bombing, Carla Mendes, a spokeswoman for the Andean League, blamed both "
               "Peru and Chile for the bombing.");
  EXPECT_TRUE(Has(a, "Carla Mendes DISAPPROVE Peru"));
  EXPECT_TRUE(Has(a, "Carla Mendes DISAPPROVE Chile"));
  // A name inside the fronted phrase itself, not set off before the verb, is no subject.
  auto b = Run("After talks with Chile, negotiators blamed Peru for the delay.");
  for (const auto& r : b.relations) EXPECT_NE(Label(b, r.subject), "Chile");
}

TEST_F(RelationsTest, AHyphenatedModifierIsNoPreposition) {
  // "far-right" read as ADP made "ministers" an oblique and lost the object.
  auto a = Run("Belgium sanctions far-right Israeli ministers Avi Ben-David and Moshe Levi.");
  EXPECT_TRUE(Has(a, "Belgium SANCTION Avi Ben-David"));
  EXPECT_TRUE(Has(a, "Belgium SANCTION Moshe Levi"));
}

TEST_F(RelationsTest, ADemandInTheObjectIsItsOwnersDemand) {
  auto a = Run("Chile denies a request from Bolivia to open the border.");
  EXPECT_TRUE(Has(a, "Chile REJECT Bolivia"));
  EXPECT_TRUE(Has(a, "Bolivia DEMAND Chile"));
  auto b = Run("Peru rejected Ecuador's demand for talks.");
  EXPECT_TRUE(Has(b, "Ecuador DEMAND Peru"));
  // A plan is no demand.
  auto c = Run("Peru rejected Ecuador's plan for talks.");
  EXPECT_FALSE(HasClass(c, "DEMAND"));
}

TEST_F(RelationsTest, AStanceOnAProposalByXIsAStanceTowardX) {
  auto a = Run("The chiefs of Palau reject a proposal by Australia to build a port.");
  EXPECT_TRUE(Has(a, "Palau REJECT Australia"));
  auto b = Run("Merkel seconded Macron's recommendation.");
  EXPECT_TRUE(Has(b, "Merkel SUPPORT Macron"));
}

TEST_F(RelationsTest, ARepliedToActIsItsAgents) {
  auto a = Run("On Monday, Turkey began a military offensive with airstrikes. The European Union condemned the operation.");
  EXPECT_TRUE(Has(a, "European Union DISAPPROVE Turkey"));
  auto b = Run("President Ruto calls for the surrender of Uganda. Uganda rejects the ultimatum.");
  EXPECT_TRUE(Has(b, "Uganda REJECT Ruto") || Has(b, "Uganda REJECT William Ruto")) << ::testing::PrintToString(Triples(b));
  // Nothing before to reply to: the issue only.
  auto c = Run("The European Union condemned the operation.");
  for (const auto& r : c.relations) EXPECT_EQ(r.object.rfind("actor:", 0), std::string::npos) << r.object;
  // A noun with its own complement names another act.
  auto d = Run("Turkey began a military offensive. The European Union condemned the operation of the coast guard.");
  EXPECT_FALSE(Has(d, "European Union DISAPPROVE Turkey"));
}

TEST_F(RelationsTest, ACourtOfACountryActsForIt) {
  // "sentences" after "court" is the headline verb, and the court stands
  // for its country.
  auto a = Run("A Chilean court sentences former minister Jorge Vidal to six years in prison.");
  EXPECT_TRUE(Has(a, "Chile COERCE Jorge Vidal"));
  // A word that is itself an actor noun stays a noun: "government forces".
  auto c = Run("Syrian government forces shelled Idlib.");
  EXPECT_FALSE(HasClass(c, "COERCE"));
}

TEST_F(RelationsTest, TalksBetweenXAndYGoBothWays) {
  auto a = Run("Talks between Armenia and Azerbaijan resume in Geneva.");
  EXPECT_TRUE(Has(a, "Armenia CONSULT Azerbaijan"));
  EXPECT_TRUE(Has(a, "Azerbaijan CONSULT Armenia"));
  auto b = Run("Armenia and Azerbaijan held talks in Geneva. Security is a theme in the talks between Armenia and Azerbaijan.");
  for (const auto& r : b.relations) EXPECT_EQ(r.sentence, 0u) << r.subject << " " << r.cls << " " << r.object;
}

TEST_F(RelationsTest, PraiseOfWhatAnActorDidIsPraiseOfTheActor) {
  auto a = Run("Lula praised Boric's leadership.");
  EXPECT_TRUE(Has(a, "Lula SUPPORT Boric"));
  // A stance on an actor's attribute that is no praise stays on the issue.
  auto b = Run("Lula emphasized the importance of maintaining Chile's sovereignty.");
  for (const auto& r : b.relations) EXPECT_NE(Label(b, r.object), "Chile") << r.cls;
}

TEST_F(RelationsTest, IAndWeInAQuotationAreItsSpeaker) {
  auto a = Run("Secretary-General Anna Berg wrote, \"I count on Peru to act with restraint.\"");
  EXPECT_TRUE(Has(a, "Anna Berg DEMAND Peru"));
  auto b = Run("\"We will never accept the annexation of the islands,\" Argentina said.");
  EXPECT_TRUE(Has(b, "Argentina not AGREE annexation of islands"));
  // "we" said by a person is not that person alone.
  auto c = Run("\"We will meet Lula next week,\" Anna Berg said.");
  for (const auto& r : c.relations) EXPECT_NE(Label(c, r.subject), "Anna Berg");
}

TEST_F(RelationsTest, ClaimingResponsibilityForAnAttackIsTheAttack) {
  auto a = Run("Checkpoints belonging to the Pakistani Army were attacked on Monday. The attacks caused fires. "
               "The Taliban claimed responsibility for the attacks.");
  EXPECT_TRUE(Has(a, "Taliban ASSAULT Pakistani forces"));
  auto b = Run("The Taliban claimed responsibility for the attack on the Pakistani Army.");
  EXPECT_TRUE(Has(b, "Taliban ASSAULT Pakistani forces"));
  // Nothing attacked before: no target, no relation.
  auto c = Run("The Taliban claimed responsibility for the attacks.");
  EXPECT_TRUE(c.relations.empty()) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, CallingSomeoneSomethingIsNoPhoneCall) {
  auto a = Run("Putin called Biden a killer.");
  EXPECT_FALSE(HasClass(a, "CONSULT"));
  auto b = Run("Putin called Biden on Monday.");
  EXPECT_TRUE(Has(b, "Putin CONSULT Biden"));
}

TEST_F(RelationsTest, TaggerSlipsThatHideAnEventAreRepaired) {
  // "accusing" read as a noun after "statement".
  auto a = Run("Venezuelan vice president Delcy Rodriguez issues a statement accusing Guyana of provocations.");
  EXPECT_TRUE(Has(a, "Delcy Rodriguez DISAPPROVE Guyana"));
  // "to activist X" read as an infinitive: WordNet says "activist" is only a noun.
  if (extractor_->has_wordnet()) {
    auto b = Run("Egyptian president Abdel Fattah el-Sisi grants a presidential pardon to activist Ahmed Douma.");
    EXPECT_TRUE(Has(b, "Abdel Fattah el-Sisi CONCEDE Ahmed Douma"));
  }
}

TEST_F(RelationsTest, TheAgentOfAnAttackMayHangOnItsTarget) {
  // "by X" hung on "post", not on "attack".
  auto a = Run("Eleven Pakistani soldiers are killed in an attack on a military post by the Pakistani Taliban in Tirah.");
  EXPECT_TRUE(Has(a, "Tehrik-i-Taliban Pakistan ASSAULT Pakistani forces"));
}

TEST_F(RelationsTest, ForcesMovedNearAnotherCountryAreAMobilisationAgainstIt) {
  auto a = Run("The Chinese PLA Navy and Air Force conduct large-scale military exercises around Taiwan.");
  EXPECT_TRUE(Has(a, "PLA Navy MOBILIZE Taiwan"));
  auto b = Run("President Donald Trump deploys three guided-missile destroyers off the coast of Venezuela.");
  EXPECT_TRUE(Has(b, "Donald Trump MOBILIZE Venezuela"));
  // A destination is no adversary.
  auto c = Run("President Volodymyr Zelenskyy deploys a military mission to Denmark.");
  EXPECT_FALSE(Has(c, "Volodymyr Zelenskyy MOBILIZE Denmark"));
  // Sinking a country's boat attacks the country.
  auto d = Run("The United States military sinks a Venezuelan boat.");
  EXPECT_TRUE(Has(d, "United States ASSAULT Venezuela") || Has(d, "US forces ASSAULT Venezuela"))
      << ::testing::PrintToString(Triples(d));
}

TEST_F(RelationsTest, AConjunctOfALightVerbsObjectIsCarriedByTheVerb) {
  auto a = Run("Chile announces the closure of its consulate and the expulsion of Bolivian diplomats.");
  EXPECT_TRUE(Has(a, "Chile SANCTION Bolivian officials")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, AConjoinedVerbOfAComplementIsNotAsserted) {
  auto a = Run("Secretary-General Antonio Guterres urges Rwanda to end its support for rebels in Burundi and withdraw "
               "its soldiers from Burundi.");
  EXPECT_TRUE(Has(a, "Antonio Guterres DEMAND Rwanda"));
  EXPECT_FALSE(HasClass(a, "RETREAT")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, InstrumentsAreNoTargetsAndLabelsDoNotRepeat) {
  auto a = Run("Ukraine strikes targets in the Republic of Tatarstan with more than 200 drones.");
  for (const auto& r : a.relations) EXPECT_EQ(Label(a, r.object).find("drone"), std::string::npos);
  auto b = Run("Jo Jorgensen supports both LGBT rights and gun rights.");
  for (const auto& r : b.relations) EXPECT_EQ(Label(b, r.object).find("rights rights"), std::string::npos);
  EXPECT_TRUE(Has(b, "Jo Jorgensen SUPPORT LGBT rights"));
}

TEST_F(RelationsTest, ProtestingCrowdsAreProtesters) {
  auto a = Run("Thousands of people march in Turkey to protest against Recep Tayyip Erdogan.");
  EXPECT_TRUE(Has(a, "Turkish protesters PROTEST Recep Tayyip Erdogan"));
  auto c = Run("Thousands of people protest against President Emmanuel Macron.");
  bool plain = false;
  for (const auto& e : c.entities) plain |= e.label == "protesters";
  EXPECT_TRUE(plain);
  // A crowd that does something else is no actor.
  auto b = Run("Thousands of people watched Erdogan speak.");
  for (const auto& e : b.entities) EXPECT_EQ(e.label.find("protesters"), std::string::npos);
}

TEST_F(RelationsTest, ANounsComplementActsForTheNounsOwnerOnly) {
  // "its plans to seize X" is no act of the crowd that protests the plans.
  auto a = Run("Thousands of people protest against Israel and its plans to seize the city.");
  for (const auto& r : a.relations) EXPECT_NE(r.cls, "COERCE") << r.subject << " " << r.object;
}

TEST_F(RelationsTest, PluralSubjectsBaseFormVerbAndCountedVictims) {
  // "kill" after a plural subject is read as a verb, and the count's
  // people are the victims.
  auto a = Run("Israeli airstrikes across the Gaza Strip kill at least 26 Palestinians.");
  EXPECT_TRUE(Has(a, "Israel ASSAULT Palestine"));
  // A relation noun after a name stays a noun: "the Hamas attack".
  auto b = Run("Israel condemned the Hamas attack on Sderot.");
  EXPECT_TRUE(HasClass(b, "DISAPPROVE"));
}

TEST_F(RelationsTest, ANameAfterAPossessorIsTheActorNotItsOwner) {
  // "Trump's son-in-law Jared Kushner" parsed as one flat name headed by
  // "Trump": the son-in-law acts, not Trump.
  auto a = Run(
      "Donald Trump spoke to reporters on Monday, joined by Jared Kushner.\n\n"
      "Trump\u2019s son-in-law Jared Kushner has been instrumental in guiding the US approach, attempting to "
      "mediate a ceasefire plan that balances Israeli demands with Lebanese concerns.");
  EXPECT_TRUE(Has(a, "Jared Kushner CONSULT ceasefire plan"));
  EXPECT_FALSE(Has(a, "Donald Trump CONSULT ceasefire plan"));
}

TEST_F(RelationsTest, ARightToDoSomethingIsAboutWhatIsDone) {
  // The infinitive hung on the verb instead of "right" still completes it,
  // and the relative clause's subject is the named minister.
  auto a = Run(
      "The tone of the meeting was set by the speeches of several ministers, including Australian Foreign "
      "Minister Penny Wong, who are jointly advocating for Taiwan's right to preserve its democratic "
      "institutions against Chinese pressure.");
  EXPECT_TRUE(Has(a, "Penny Wong SUPPORT democratic institution"));
}

TEST_F(RelationsTest, AnAllegationDisapprovesOfTheAccusedAndAssertsNothing) {
  auto a = Run("Lithuania's foreign minister alleged that Russia had supplied the rebels with weapons.");
  bool accused = false;
  for (const auto& r : a.relations) accused |= r.cls == "DISAPPROVE" && Label(a, r.object) == "Russia";
  EXPECT_TRUE(accused) << ::testing::PrintToString(Triples(a));
  for (const auto& r : a.relations)
    if (Label(a, r.subject) == "Russia") EXPECT_EQ(r.mode, "reported") << r.lemma;
}

TEST_F(RelationsTest, WithdrawingFromATreatyRejectsIt) {
  auto a = Run("Last year the president of Brazil withdrew the country from the nuclear treaty with Argentina.");
  auto b = Run("Brazil withdrew its troops from Paraguay after the talks.");
  bool reject = false;
  for (const auto& r : a.relations) reject |= r.cls == "REJECT" && r.polarity < 0 && r.lemma.rfind("withdraw", 0) == 0;
  EXPECT_TRUE(reject) << ::testing::PrintToString(Triples(a));
  EXPECT_FALSE(HasClass(b, "REJECT")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, EnteringIntoAnAgreementWithXIsAnAgreementAndItIsTheNearestOrganisation) {
  // "it" is the organisation named in its own sentence, not one of the two
  // named in the sentence before.
  auto a = Run(
      "The Arab League and the African Union met in Cairo.\n\n"
      "On Friday the National Liberation Front announced it had entered into an agreement with the "
      "government of Chad.");
  bool agree = false;
  for (const auto& r : a.relations)
    agree |= r.cls == "AGREE" && Label(a, r.subject) == "National Liberation Front";
  EXPECT_TRUE(agree) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, DesignatingSeveralGroupsAsTerroristsReachesEach) {
  auto a = Run(
      "President William Ruto spoke on Monday. He named both the Oromo Liberation Army (OLA) and the Allied "
      "Democratic Forces (ADF) as terrorists.");
  size_t n = 0;
  for (const auto& r : a.relations) n += r.cls == "DISAPPROVE" || r.cls == "SANCTION";
  EXPECT_GE(n, 2u) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, ClassesThatDependOnTheObjectOrTheSetting) {
  // Condolences sent are support, not aid; a captured person is arrested,
  // a captured town attacked; a win in sport is no attack.
  auto a = Run("Joe Biden and Kamala Harris each sent their condolences to Donald Trump.");
  EXPECT_TRUE(Has(a, "Joe Biden SUPPORT Donald Trump")) << ::testing::PrintToString(Triples(a));
  EXPECT_FALSE(HasClass(a, "AID"));
  auto b = Run("Spanish police have captured Los Lobos leader Wilmer Chavarria in Malaga.");
  EXPECT_TRUE(HasClass(b, "COERCE")) << ::testing::PrintToString(Triples(b));
  EXPECT_FALSE(HasClass(b, "ASSAULT"));
  auto c = Run("In tennis, Argentine player Juan Perez defeats Carlos Alcaraz at the Shanghai Masters to reach the final.");
  EXPECT_FALSE(HasClass(c, "ASSAULT")) << ::testing::PrintToString(Triples(c));
  auto d = Run("Russian forces defeated the Ukrainian army near Bakhmut on Monday.");
  EXPECT_TRUE(HasClass(d, "ASSAULT")) << ::testing::PrintToString(Triples(d));
  // Suspending a ceremony is no sanction; suspending talks is.
  auto e = Run("Mindanao State University officials suspend graduation ceremonies after a bomb threat.");
  EXPECT_TRUE(e.relations.empty()) << ::testing::PrintToString(Triples(e));
  auto f = Run("Russia suspended talks with Ukraine on Monday.");
  EXPECT_TRUE(HasClass(f, "SANCTION")) << ::testing::PrintToString(Triples(f));
}

TEST_F(RelationsTest, ACallForActionToDoSomethingIsADemandForTheAction) {
  // "called for X to V" with no addressee is a call for X ("on Thursday" is
  // no addressee), and a date is never part of the issue.
  auto a = Run("On Thursday, Canadian Prime Minister Mark Carney called for NATO action to end the crisis.");
  bool demand = false;
  for (const auto& r : a.relations)
    demand |= r.cls == "DEMAND" && Label(a, r.subject) == "Mark Carney" && Label(a, r.object).find("action") != std::string::npos;
  EXPECT_TRUE(demand) << ::testing::PrintToString(Triples(a));
  auto b = Run("Canadian Prime Minister Mark Carney called for international action on Thursday.");
  EXPECT_TRUE(Has(b, "Mark Carney DEMAND international action")) << ::testing::PrintToString(Triples(b));
  auto c = Run("Germany called on Russia to withdraw its troops.");
  EXPECT_TRUE(Has(c, "Germany DEMAND Russia")) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, AGerundAfterAnOfNounIsThatNounsNotTheSpeakers) {
  // "the crisis of floods currently destroying X": the floods destroy,
  // not the speaker, even when the parser hangs the gerund on the clause.
  auto a = Run(
      "Canadian Prime Minister Mark Carney called for NATO action to correct what he named the "
      "international crisis of wildfires currently destroying Amazon rainforest in and around Brazil.");
  EXPECT_FALSE(HasClass(a, "ASSAULT")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Israeli forces raided the camp on Monday killing two Palestinian militants.");
  EXPECT_TRUE(HasClass(b, "ASSAULT")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, ConlluOutputHasOneTreePerSentence) {
  graph::Document doc;
  doc.id = "c";
  doc.text = "Russia attacked Ukraine. Ukraine asked Poland for help.";
  std::string out = extractor_->Conllu(doc);
  EXPECT_NE(out.find("# sent_id = c-1"), std::string::npos);
  EXPECT_NE(out.find("# sent_id = c-2"), std::string::npos);
  EXPECT_NE(out.find("\tnsubj\t"), std::string::npos);
  EXPECT_NE(out.find("Entity=actor:russia"), std::string::npos);
  // Exactly one root per sentence.
  size_t roots = 0, pos = 0;
  while ((pos = out.find("\t0\troot\t", pos)) != std::string::npos) {
    ++roots;
    ++pos;
  }
  EXPECT_EQ(roots, 2u);
}

TEST_F(RelationsTest, ConlluInputKeepsItsTokens) {
  DocumentReader reader;
  std::vector<graph::Document> docs;
  std::vector<Diagnostic> problems;
  reader.ReadConllu(
      "# newdoc id = k\n1\tNATO\t_\t_\t_\t_\t_\t_\t_\t_\n2\tcondemned\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tRussia\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
      "t.conllu", [&](graph::Document&& d) { docs.push_back(std::move(d)); },
      [&](const Diagnostic& d) { problems.push_back(d); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(docs[0].id, "k");
  EXPECT_EQ(docs[0].text, "NATO condemned Russia.");
  ASSERT_EQ(docs[0].tokens.size(), 4u);
  auto a = extractor_->Analyze(docs[0]);
  EXPECT_TRUE(Has(a, "NATO DISAPPROVE Russia"));
  std::string out = extractor_->Conllu(docs[0]);
  EXPECT_NE(out.find("3\tRussia\t"), std::string::npos);
  EXPECT_NE(out.find("4\t.\t"), std::string::npos);
}

TEST_F(RelationsTest, BadConlluIsRejectedWithItsLine) {
  DocumentReader reader;
  std::vector<graph::Document> docs;
  std::vector<Diagnostic> problems;
  reader.ReadConllu("1\tNATO\t_\t_\n", "bad.conllu", [&](graph::Document&& d) { docs.push_back(std::move(d)); },
                    [&](const Diagnostic& d) { problems.push_back(d); });
  EXPECT_TRUE(docs.empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "bad.conllu:1");
  EXPECT_EQ(reader.tally().rejected, 1u);
}

TEST_F(RelationsTest, TheCompanyOrTheCommissionIsTheOrganisationDescribedSoBefore) {
  // A noun of the name ("the Norland Media Commission" ... "the
  // commission") and a description before the name ("broadcast
  // corporation VTN" ... "the network": a broadcaster) tell whom a
  // definite description means.
  auto a = Run(
      "The licence of broadcast corporation VTN expired on Monday. "
      "The Norland Media Commission met on Tuesday. "
      "The commission refused to give the network a new licence.");
  EXPECT_TRUE(Has(a, "Norland Media Commission REJECT VTN"));
  // The verb's own "of" ("accused the network of fraud") leaves it a reference.
  auto e = Run(
      "The licence of broadcast corporation VTN expired on Monday. "
      "President Ivo Marten accused the network of fraud.");
  EXPECT_TRUE(Has(e, "Ivo Marten DISAPPROVE VTN"));
  // Without a description the phrase is no reference: "the company" here
  // could be anyone's.
  auto b = Run("VTN met Ostmark Holdings on Monday. The company criticised the deal.");
  for (const auto& r : b.relations) EXPECT_NE(r.subject, "actor:vtn") << Triples(b)[0];
  // A restrictive participle makes it some other party.
  auto c = Run(
      "The Norland Labour Party lost the vote. Voters said the party controlling the council "
      "had failed them.");
  for (const auto& m : c.mentions) EXPECT_NE(m.text, "party");
  // An apposition restates the name: "VTN, the network," is one mention.
  auto d = Run("On Monday broadcast corporation VTN, the network, condemned the Norland Media Commission.");
  int vestra = 0;
  for (const auto& m : d.mentions) vestra += m.entity == "actor:vtn";
  EXPECT_EQ(vestra, 1);
}

TEST_F(RelationsTest, AGroupsBaseFormRelationNounIsTheVerbOfAVerblessHeadline) {
  // "Demonstrators in Nairobi protest against X": "protest" after a group
  // is the verb when the sentence has no other.
  auto a = Run("Demonstrators in Nairobi protest against the Kenyan government's finance bill.");
  EXPECT_TRUE(Has(a, "Kenyan demonstrators PROTEST Kenya"));
  // "attend a protest against X" carries the protest like "hold" does.
  auto b = Run("Kenyan protesters attend a protest against President William Ruto.");
  EXPECT_TRUE(Has(b, "Kenyan protesters PROTEST William Ruto"));
  // With a verb of its own the sentence keeps "protest" a noun.
  auto c = Run("Demonstrators in Nairobi said the protest against the Kenyan government would go on.");
  EXPECT_FALSE(Has(c, "Kenyan demonstrators PROTEST Kenya"));
}

TEST_F(RelationsTest, ParticiplesAndConjunctsTheParserHangsTooLow) {
  // ", barring him from ..." after the object acts for the verb's subject,
  // and the one kept out is the target, not the place.
  auto a = Run("The Chinese government sanctions former Philippine senator Ivo Marten, barring him from entering China.");
  EXPECT_TRUE(Has(a, "China SANCTION Ivo Marten"));
  EXPECT_FALSE(Has(a, "China SANCTION China membership"));
  EXPECT_FALSE(Has(a, "Ivo Marten SANCTION China membership"));
  auto e = Run(
      "Ostmark president Lena Vik announces that she will denounce an alleged \"electoral coup\" to the European "
      "Union, the Organization of American States, and the United Nations, accusing Norland president Ivo Marten "
      "of interference.");
  EXPECT_TRUE(Has(e, "Lena Vik DISAPPROVE Ivo Marten"));
  EXPECT_FALSE(Has(e, "United Nations DISAPPROVE Ivo Marten"));
  auto c = Run("The British defence ministry bans Israelis from attending the Royal College of Defence Studies.");
  EXPECT_TRUE(Has(c, "UK ministry SANCTION Israel"));
  // "says X has targeted A, killing B, and has targeted C": the second
  // verb continues the reported clause, whose subject is X.
  auto b = Run(
      "Iran's health minister Lena Vik says Israel has targeted three hospitals during the conflict, "
      "killing two health workers and a child, and has targeted six ambulances.");
  EXPECT_TRUE(Has(b, "Israel ASSAULT ambulance"));
  EXPECT_FALSE(Has(b, "Lena Vik ASSAULT ambulance"));
  // Speaking to a news medium is an interview, no meeting.
  auto f = Run("Speaking to Reuters, Norland's foreign minister Lena Vik said the talks had failed.");
  EXPECT_FALSE(HasClass(f, "CONSULT"));
  // A sentence that names only places has no one to act.
  auto g = Run("Melbourne can seize the opportunity to become a centre of the new industries.");
  EXPECT_TRUE(g.relations.empty()) << Triples(g)[0];
  // Receiving a thing is no meeting.
  auto d = Run("Norway will receive maintenance updates from Sweden until June.");
  EXPECT_FALSE(HasClass(d, "CONSULT"));
}

TEST_F(RelationsTest, SheAndHeKeepToThePersonTheTextShowedThemFor) {
  // "She" twice: the second is the speaker again, not the man named last.
  auto a = Run(
      "Marta Lind spoke to reporters in Oslo. She criticised Peter Holm, the head of the agency. "
      "She also demanded new elections.");
  EXPECT_TRUE(Has(a, "Marta Lind DISAPPROVE Peter Holm"));
  EXPECT_TRUE(Has(a, "Marta Lind DEMAND new elections"));
  EXPECT_FALSE(Has(a, "Peter Holm DEMAND new elections"));
  // A kin word or a title before a name tells the name's gender.
  auto b = Run(
      "Ana Roos met Mr. Karl Berg in Tallinn on Monday. She condemned Estonia.");
  EXPECT_TRUE(Has(b, "Ana Roos DISAPPROVE Estonia"));
  EXPECT_FALSE(Has(b, "Karl Berg DISAPPROVE Estonia"));
  // A new person who begins the last sentence is who "he" is.
  auto c = Run(
      "Ivo Marten criticised Norway. He added that talks would fail. Peter Holm answered on Tuesday. "
      "He condemned Sweden.");
  EXPECT_TRUE(Has(c, "Peter Holm DISAPPROVE Sweden"));
}

TEST_F(RelationsTest, CoordinatedPersonsWithTheirCountriesAndATimeWordBeforeThem) {
  // "on Sunday Presidents X of A and Y of B signed": the date does not hide
  // the subjects, the second person hung on the first one's country is a
  // subject too, and each takes the agreement's side as well as the other's.
  auto a = Run("On Sunday Presidents Ivo Marten of Norway and Peter Holm of Sweden signed the trade agreement.");
  EXPECT_TRUE(Has(a, "Ivo Marten COOPERATE Peter Holm"));
  EXPECT_TRUE(Has(a, "Peter Holm COOPERATE trade agreement"));
  EXPECT_TRUE(Has(a, "Ivo Marten COOPERATE trade agreement"));
}

TEST_F(RelationsTest, ABuildingTheTextDescribesSoIsWhatTheStanceIsAbout) {
  auto a = Run(
      "President Ivo Marten pledged converting Kalva Dome, formerly a church and now a museum, to a mosque. "
      "Peter Holm criticised Kalva Dome.");
  EXPECT_TRUE(Has(a, "Ivo Marten AGREE Kalva Dome"));
  bool issue = false, actor = false;
  for (const auto& e : a.entities)
    if (e.label == "Kalva Dome") (e.kind == graph::EntityKind::kIssue ? issue : actor) = true;
  EXPECT_TRUE(issue);
  // Never a subject.
  auto b = Run("Kalva Tower, a 40-storey building, condemned Norway.");
  for (const auto& r : b.relations) EXPECT_NE(Label(b, r.subject), "Kalva Tower");
}

TEST_F(RelationsTest, NationalityBeforeIndividualsIsAGroup) {
  auto a = Run("Lithuanian police arrested 33 Russian individuals on Friday.");
  EXPECT_TRUE(Has(a, "Lithuanian police COERCE Russian individuals"));
  EXPECT_FALSE(Has(a, "Lithuanian police COERCE Russia"));
}

TEST_F(RelationsTest, APassiveWhosePatientNamesNoActorAndAgentPhrasesOnActiveVerbs) {
  // "The operation was condemned by X": the operation's agent is the target.
  auto a = Run("Norway launched a military offensive into Sweden. The operation was condemned by the European Union.");
  EXPECT_TRUE(Has(a, "European Union DISAPPROVE Norway"));
  // "by Y" hung on an active verb with a subject is not the verb's agent.
  auto b = Run("Ivo Marten also attacked the proclamation of the border by President Peter Holm.");
  EXPECT_FALSE(Has(b, "Peter Holm DISAPPROVE proclamation of border"));
  bool marten = false;
  for (const auto& r : b.relations) marten |= Label(b, r.subject) == "Ivo Marten" && r.cls == "DISAPPROVE";
  EXPECT_TRUE(marten) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, ATitledPersonParsedUnderTheTitlesCountry) {
  auto a = Run("US Ambassador to Norway Peter Holm alleged that Ivo Marten had funded militias.");
  EXPECT_TRUE(Has(a, "Peter Holm DISAPPROVE Ivo Marten"));
  EXPECT_FALSE(Has(a, "United States DISAPPROVE Ivo Marten"));
}

TEST_F(RelationsTest, AConjunctAfterARelativeClauseContinuesTheClauseAroundIt) {
  auto a = Run(
      "Marta Lind spoke about her husband Karl, who was arrested in May, and promised to hold new fair elections.");
  EXPECT_TRUE(Has(a, "Marta Lind AGREE new fair elections"));
  // Without the comma the conjunct stays in the relative clause.
  auto b = Run("Norway backed Peter Holm, who criticised Sweden and condemned Finland.");
  EXPECT_TRUE(Has(b, "Peter Holm DISAPPROVE Finland"));
}

TEST_F(RelationsTest, HeadlineVerbsTheTaggerReadAsNouns) {
  // A present-tense verb after a subject closed by a comma, in a sentence
  // with no other finite verb.
  auto a = Run("A court in Oslo, Norway, sentences Ivo Marten, an ally of Peter Holm, to 18 years in prison.");
  EXPECT_TRUE(Has(a, "Norway COERCE Ivo Marten"));
  auto b = Run("Norway's ambassador to the United Nations, Marta Lind, calls for an immediate ceasefire with Sweden.");
  bool demand = false;
  for (const auto& r : b.relations) demand |= Label(b, r.subject) == "Marta Lind" && r.cls == "DEMAND";
  EXPECT_TRUE(demand) << ::testing::PrintToString(Triples(b));
  // The base form after a police force, before a name, with participles later.
  auto c = Run(
      "Bangladesh Police arrest Karim abu Salem Haddad, the leader of a militia, in Dhaka, accusing him of "
      "leading attacks.");
  EXPECT_TRUE(Has(c, "Bangladeshi police COERCE Karim abu Salem Haddad"));
  // A noun before a name is the name's description: the person is arrested.
  auto d = Run("The Kuwaiti public prosecution detains media personality Layla Haddad for 21 days.");
  EXPECT_TRUE(Has(d, "Kuwaiti prosecutors COERCE Layla Haddad"));
  // "in" a region is no owner of a court.
  auto e = Run("The high court in Gauteng rejects an appeal by Ivo Marten.");
  for (const auto& r : e.relations) EXPECT_NE(Label(e, r.subject), "Gauteng");
}

TEST_F(RelationsTest, MoreHeadlineShapes) {
  // The instrument's owner is a passive's agent.
  auto a = Run("Five Norwegians, including two children, are killed by Swedish drone strikes near Oslo.");
  EXPECT_TRUE(Has(a, "Sweden ASSAULT Norway"));
  // A particle read as the object's preposition.
  auto b = Run("Norway breaks off diplomatic relations with Sweden over its recognition of the new government.");
  EXPECT_TRUE(Has(b, "Norway SANCTION Sweden"));
  // Extending a truce together is agreeing with each other.
  auto c = Run("Norway and Sweden extend their trade truce another 90 days.");
  EXPECT_TRUE(Has(c, "Norway AGREE Sweden"));
  EXPECT_TRUE(Has(c, "Sweden AGREE Norway"));
  // A verb the tagger gave no usable tag, and a base form after "police in X".
  auto d = Run("Norwegian prime minister Ivo Marten nominates Swedish president Peter Holm for the peace prize.");
  EXPECT_TRUE(Has(d, "Ivo Marten SUPPORT Peter Holm"));
  auto e = Run("Police in Norway arrest opposition leader Peter Holm following an indictment in Sweden.");
  EXPECT_TRUE(Has(e, "Norwegian police COERCE Peter Holm"));
}

TEST_F(RelationsTest, EventsContestsAndStormsNeverAct) {
  auto a = Run("At least 22 people are killed as Tropical Storm Kalvi hits Norway and Sweden.");
  for (const auto& r : a.relations) EXPECT_NE(Label(a, r.subject), "Tropical Storm Kalvi");
  // As a target it is what the stance is about.
  auto b = Run("Norway announces that it will join Sweden in boycotting next year's Nordvik Song Contest.");
  bool issue = false;
  for (const auto& e : b.entities) issue |= e.label == "Nordvik Song Contest" && e.kind == graph::EntityKind::kIssue;
  EXPECT_TRUE(issue) << ::testing::PrintToString(Triples(b));
  // The name is still found (a mention), typed as an event.
  bool found = false;
  for (const auto& e : a.entities) found |= e.label == "Tropical Storm Kalvi" && e.category == "event";
  EXPECT_TRUE(found);
}

TEST_F(RelationsTest, UnnamedVictimsAreTheCiviliansOfTheCountryWhereItHappened) {
  auto a = Run("Swedish drones kill three civilians in Bergen, Norway.");
  EXPECT_TRUE(Has(a, "Sweden ASSAULT Norwegian civilians"));
  auto b = Run("At least 30 people are killed by suspected Nordland Liberation Front rebels in Kiruna, Sweden.");
  EXPECT_TRUE(Has(b, "Nordland Liberation Front ASSAULT Swedish civilians"));
  // A demonym says whose weapon, not where; two countries say nothing.
  auto c = Run("Three people are killed in a Norwegian airstrike on a boat in the Baltic Sea.");
  EXPECT_FALSE(Has(c, "Norway ASSAULT Norwegian civilians"));
  auto d = Run("Swedish drones kill three people near the border of Norway and Finland.");
  for (const auto& r : d.relations) EXPECT_EQ(Label(d, r.object).find("civilians"), std::string::npos);
}

TEST_F(RelationsTest, AVerbsObjectInAPlaceListAndSourcesAfterAccordingTo) {
  // "target Bergen, Norway": the first place is the object.
  auto a = Run("Swedish guided bombs target Bergen, Norway, killing one person, according to regional governor Ivo Marten.");
  EXPECT_TRUE(Has(a, "Sweden ASSAULT Bergen"));
  // The source of a report is never a victim.
  for (const auto& r : a.relations) EXPECT_NE(Label(a, r.object), "Ivo Marten");
}

TEST_F(RelationsTest, PolicingAndDiplomaticObjectPatterns) {
  // The members named in "including" are who was released.
  auto a = Run("Hamas releases six hostages, including Ivo Marten and Peter Holm, both captive for years.");
  EXPECT_TRUE(Has(a, "Hamas RETREAT Ivo Marten"));
  EXPECT_TRUE(Has(a, "Hamas RETREAT Peter Holm"));
  // Tear gas fired at a crowd is coercion, and the crowd's protest is theirs.
  auto b = Run(
      "Federal police fire tear gas and water cannon at over 80,000 demonstrators in Oslo, Norway, protesting "
      "against Prime Minister Ivo Marten.");
  EXPECT_TRUE(Has(b, "Norwegian police COERCE Norwegian demonstrators"));
  EXPECT_TRUE(Has(b, "Norwegian demonstrators PROTEST Ivo Marten"));
  EXPECT_FALSE(Has(b, "Norwegian police PROTEST Ivo Marten"));
  // Suspending agreements with a government sanctions its country.
  auto c = Run("France suspends its joint counterterrorism agreements with the Mali government.");
  EXPECT_TRUE(Has(c, "France SANCTION Mali"));
}

TEST_F(RelationsTest, SampleReadingFixes) {
  // An honorific inside a name is the name's.
  auto a = Run("Norwegian prime minister Ivo Marten and Somali president Hassan Sheikh Abdirahman meet in Oslo.");
  EXPECT_TRUE(Has(a, "Ivo Marten CONSULT Hassan Sheikh Abdirahman"));
  // Victims where the sentence names two other countries: no one's civilians.
  auto b = Run(
      "Sweden fires 500 drones at Norway overnight, wounding at least five people; in response, Finland "
      "scrambles its fighter jets.");
  for (const auto& r : b.relations) EXPECT_EQ(Label(b, r.object).find("civilians"), std::string::npos);
  // "Sweden-occupied" says who holds the town, not where it is.
  auto c = Run("Swedish forces kill three civilians in the Sweden-occupied town of Kalvik, Norway.");
  EXPECT_TRUE(Has(c, "Swedish forces ASSAULT Norwegian civilians"));
  // Agreeing with something named before is no agreement with each other.
  auto d = Run("Ivo Marten called for an end to the drug war, with which Peter Holm and Marta Lind somewhat agreed.");
  EXPECT_FALSE(Has(d, "Peter Holm AGREE Marta Lind"));
  auto e = Run("Norway and Sweden agree to upgrade their relations.");
  EXPECT_TRUE(Has(e, "Norway AGREE Sweden"));
}

TEST_F(RelationsTest, TheOtherPartyOfATieAndTheCountryAThingIsStruckIn) {
  auto a = Run("Norway suspends the implementation of a peace agreement with Sweden after a mine explosion.");
  EXPECT_TRUE(Has(a, "Norway SANCTION Sweden"));
  auto b = Run("Norway strikes four sites in central and southern Sweden.");
  EXPECT_TRUE(Has(b, "Norway ASSAULT Sweden"));
  // A stance on a deal with a country is no stance on the country.
  auto c = Run("Norway criticised the deal with Sweden.");
  EXPECT_FALSE(Has(c, "Norway DISAPPROVE Sweden"));
  // A state's strike in a place of its own country: no victims of its own.
  auto d = Run("Two people are killed in a Norwegian drone strike on an apartment building in Bergen, Norway.");
  EXPECT_FALSE(Has(d, "Norway ASSAULT Norwegian civilians"));
}

TEST_F(RelationsTest, WhatIsDemandedHasNotHappened) {
  auto a = Run("The Norwegian government demanded that Sweden withdraw its troops from Finland.");
  EXPECT_TRUE(Has(a, "Norway DEMAND Sweden"));
  EXPECT_FALSE(Has(a, "Sweden RETREAT Finland"));
  auto b = Run("Thousands of protesters march in Oslo, demanding that the Norwegian government pressure Sweden to halt.");
  EXPECT_FALSE(Has(b, "Norway DEMAND Sweden"));
  // A question asked is no demand; "lambasted X" disapproves of X.
  auto c = Run("Ivo Marten lambasted Peter Holm as a career politician and asked why Peter Holm did not act.");
  EXPECT_TRUE(Has(c, "Ivo Marten DISAPPROVE Peter Holm"));
  EXPECT_FALSE(Has(c, "Ivo Marten DEMAND Peter Holm"));
}

TEST_F(RelationsTest, DescriptionsCoordinatedBeforeANameDescribeThePerson) {
  auto a = Run("Norway's High Court convicts pro-democracy activist and media entrepreneur Ivo Marten of conspiracy.");
  bool marten = false;
  for (const auto& r : a.relations) marten |= Label(a, r.object) == "Ivo Marten" && r.cls == "COERCE";
  EXPECT_TRUE(marten) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, SanctionsTargetingAGroupAndMoreHeadlineVerbs) {
  auto a = Run("Norwegian foreign minister Marta Lind announces new sanctions targeting Swedish entities involved in cyberattacks.");
  EXPECT_TRUE(Has(a, "Marta Lind SANCTION Sweden"));
  auto b = Run("South Korean special prosecutors indict former prime minister Ivo Marten without detention on charges.");
  EXPECT_TRUE(Has(b, "South Korean prosecutors COERCE Ivo Marten"));
  auto c = Run("U.S. President Ivo Marten meets with UK Prime Minister Peter Holm in Washington, D.C., for talks.");
  EXPECT_TRUE(Has(c, "Ivo Marten CONSULT Peter Holm"));
}

TEST_F(RelationsTest, AFrontedPhraseReadAsASubjectAndBanningAGroupFromACountry) {
  auto a = Run(
      "Amid strengthening ties between Sweden and Finland, the Norwegian government bans Swedish passport holders "
      "from Norway, citing a resolution.");
  EXPECT_TRUE(Has(a, "Norway SANCTION Sweden")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, WhatOneIsAccusedOfOrFailedToDoIsNoFact) {
  auto a = Run("Norway accuses Sweden of violating the deal by failing to release Finnish prisoners.");
  EXPECT_TRUE(Has(a, "Norway DISAPPROVE Sweden"));
  for (const auto& r : a.relations)
    if (Label(a, r.subject) == "Sweden") EXPECT_FALSE(r.mode.empty()) << r.cls << " " << Label(a, r.object);
  // "occupied" before a place is the place's adjective.
  auto b = Run("Ivo Marten, a detainee from the refugee camp in Jenin, occupied West Bank, dies in custody.");
  for (const auto& r : b.relations) EXPECT_NE(r.cls, "ASSAULT") << Label(b, r.subject) << " " << Label(b, r.object);
  auto c = Run("Russia occupied Crimea in 2014.");
  EXPECT_TRUE(Has(c, "Russia ASSAULT Crimea"));
}

TEST_F(RelationsTest, APersonsAttackOnAPersonOverSomethingIsWords) {
  auto a = Run("Ivo Marten attacked Peter Holm on paying fewer taxes.");
  EXPECT_TRUE(Has(a, "Ivo Marten DISAPPROVE Peter Holm"));
  EXPECT_FALSE(Has(a, "Ivo Marten ASSAULT Peter Holm"));
  auto b = Run("Ivo Marten attacked Peter Holm on Tuesday with a knife.");
  EXPECT_TRUE(Has(b, "Ivo Marten ASSAULT Peter Holm"));
}


TEST_F(RelationsTest, UnnamedArmedGroupsAndTheForcesTheyStrike) {
  // A bare armed-group noun opening the sentence takes the country named;
  // police and soldiers struck are that country's police and forces;
  // other victims its civilians, never an issue "villager in X".
  auto a = Run("Gunmen kill five police officers in Tromsø, Norway.");
  EXPECT_TRUE(Has(a, "Norwegian gunmen ASSAULT Norwegian police")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Bandits kill 12 villagers in Hordaland, Norway.");
  EXPECT_TRUE(Has(b, "Norwegian bandits ASSAULT Norwegian civilians")) << ::testing::PrintToString(Triples(b));
  EXPECT_EQ(b.relations.size(), 1u) << ::testing::PrintToString(Triples(b));
  auto c = Run("Gang members kill six people in Bergen, Norway.");
  EXPECT_TRUE(Has(c, "Norwegian gang members ASSAULT Norwegian civilians")) << ::testing::PrintToString(Triples(c));
  // A group noun the tagger calls an adjective ("a Palestinian militant"),
  // a participle it calls a noun ("is shot by").
  auto d = Run("Israeli forces kill a Palestinian militant in Nablus.");
  EXPECT_TRUE(Has(d, "Israeli forces ASSAULT Palestinian militants")) << ::testing::PrintToString(Triples(d));
  auto e = Run("A boy is shot by Norwegian soldiers near Gothenburg, Sweden.");
  EXPECT_TRUE(Has(e, "Norwegian forces ASSAULT Swedish civilians")) << ::testing::PrintToString(Triples(e));
}

TEST_F(RelationsTest, APersonArrestedOrKilledIsNoIssue) {
  auto a = Run("Police in Oslo, Norway, arrest the suspect.");
  for (const auto& r : a.relations) ADD_FAILURE() << Label(a, r.subject) << " " << r.cls << " " << Label(a, r.object);
  auto b = Run("Armed gangs attack a police station in Bergen, Norway, killing the driver.");
  EXPECT_TRUE(Has(b, "Norwegian gangs ASSAULT police station in Bergen")) << ::testing::PrintToString(Triples(b));
  for (const auto& r : b.relations) EXPECT_EQ(Label(b, r.object).find("driver"), std::string::npos);
  // A thing struck is an issue, in the passive as in the active.
  auto c = Run("A commercial tanker is attacked by suspected Somali pirates off the coast of Mogadishu.");
  EXPECT_TRUE(Has(c, "Somali pirates ASSAULT commercial tanker")) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, OneCountrysBodyNamedWithAnother) {
  // The lexicon's US House and US Supreme Court, named with another
  // country, are that country's.
  auto a = Run("Canada's Supreme Court rejects an appeal by Ivo Marten.");
  EXPECT_TRUE(Has(a, "Canadian Supreme Court REJECT Ivo Marten")) << ::testing::PrintToString(Triples(a));
  auto b = Run("The Indonesian House of Representatives passes a law revision.");
  EXPECT_TRUE(Has(b, "Indonesian House of Representatives AGREE law revision")) << ::testing::PrintToString(Triples(b));
  auto c = Run("The House of Representatives of Thailand elects Ivo Marten as prime minister.");
  EXPECT_TRUE(Has(c, "House of Representatives of Thailand SUPPORT Ivo Marten")) << ::testing::PrintToString(Triples(c));
  // Electing is support for a person, not for an office or a body.
  auto d = Run("Norwegians vote to elect their president and a new parliament.");
  for (const auto& r : d.relations) EXPECT_NE(r.cls, "SUPPORT") << Label(d, r.object);
}

TEST_F(RelationsTest, NominalAttacksAndDesignationsTheParserHidesAndArabicArticles) {
  auto a = Run("A Russian drone strike injures nineteen people in Kharkiv, Ukraine.");
  EXPECT_TRUE(Has(a, "Russia ASSAULT Ukrainian civilians")) << ::testing::PrintToString(Triples(a));
  auto b = Run("U.S. airstrikes against ISIL have killed 46 fighters.");
  EXPECT_TRUE(Has(b, "United States ASSAULT Islamic State")) << ::testing::PrintToString(Triples(b));
  auto c = Run(
      "The U.S. State Department designates Swedish cartel and paramilitary group Clan del Norte as a foreign "
      "terrorist organization.");
  EXPECT_TRUE(Has(c, "State Department SANCTION Clan del Norte")) << ::testing::PrintToString(Triples(c));
  // "launch drone attacks on X": no verb "attacks" after the instrument.
  auto d = Run("Ukrainian forces launch drone attacks on Penza Oblast and Samara Oblast in Russia.");
  EXPECT_TRUE(Has(d, "Ukrainian forces ASSAULT Penza Oblast")) << ::testing::PrintToString(Triples(d));
  auto e = Run("al-Shabaab militants attack a base.");
  EXPECT_TRUE(Has(e, "al-Shabaab ASSAULT base")) << ::testing::PrintToString(Triples(e));
}


TEST_F(RelationsTest, AgentsOfPassivesAndPeopleKnownByTheirTies) {
  // A passive's agent under "shot dead", an armed group after "by", the
  // instrument a light noun carries ("a series of airstrikes").
  auto a = Run("Two journalists are shot dead by gunmen in Norway.");
  EXPECT_TRUE(Has(a, "Norwegian gunmen ASSAULT Norwegian journalists")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Four people are killed in a series of Norwegian airstrikes in Sweden.");
  EXPECT_TRUE(Has(b, "Norway ASSAULT Swedish civilians")) << ::testing::PrintToString(Triples(b));
  // "rebel forces" are rebels, not the state's forces.
  auto c = Run("Ivo Marten was ousted by rebel forces in Sweden.");
  EXPECT_TRUE(Has(c, "Swedish rebels COERCE Ivo Marten")) << ::testing::PrintToString(Triples(c));
  // A count opening the sentence is no part of a name.
  auto d = Run("Three Druze civilians are shot dead by unidentified gunmen in Bergen, Norway.");
  EXPECT_TRUE(Has(d, "Norwegian gunmen ASSAULT Druze civilians")) << ::testing::PrintToString(Triples(d));
  for (const auto& e : d.entities) EXPECT_NE(e.label.rfind("Three", 0), 0u) << e.label;
  // People known by their tie to an actor are the actor.
  auto e = Run("Norwegian police kill two suspected militants belonging to the Nordic Resistance Movement during a raid.");
  EXPECT_TRUE(Has(e, "Norwegian police ASSAULT Nordic Resistance Movement")) << ::testing::PrintToString(Triples(e));
  auto f = Run("German police arrest five people linked to Hamas.");
  EXPECT_TRUE(Has(f, "German police COERCE Hamas")) << ::testing::PrintToString(Triples(f));
}

TEST_F(RelationsTest, MeasuresNamedByACompoundBeforeAHeadOfAmount) {
  auto a = Run("The EU imposes a new sanctions package on Norway.");
  EXPECT_TRUE(Has(a, "European Union SANCTION Norway")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norway announces a 30% tariff increase on imported items from Sweden.");
  EXPECT_TRUE(Has(b, "Norway SANCTION Sweden")) << ::testing::PrintToString(Triples(b));
}


TEST_F(RelationsTest, ProtestersInsideASentenceAreTheCountrysButNotASidesSupporters) {
  auto a = Run("Norwegian police arrest 37 protesters near the parliament house in Oslo.");
  EXPECT_TRUE(Has(a, "Norwegian police COERCE Norwegian protesters")) << ::testing::PrintToString(Triples(a));
  // The country of the sentence's place, not the one the document names
  // most, and never the side supporters are named for.
  auto b = Run(
      "Sweden condemns Norway. Five pro-Norwegian protesters are arrested by police during an event in Uppsala, "
      "Sweden.");
  bool swedish_police = false;
  for (const auto& e : b.entities) {
    EXPECT_NE(e.label, "Norwegian protesters");
    EXPECT_NE(e.label, "Norwegian police");
    swedish_police |= e.label == "Swedish police";
  }
  EXPECT_TRUE(swedish_police);
  // People known by where they come from are no group of the document's country.
  auto c = Run("Norway intercepts a flotilla and detains hundreds of activists from 44 countries.");
  for (const auto& e : c.entities) EXPECT_NE(e.label, "Norwegian activists");
  // The owner of a demand demanded it, whatever the reply.
  auto d = Run("Ivo Marten did not accede to Norwegian protesters' demands for a new investigation.");
  EXPECT_TRUE(Has(d, "Norwegian protesters DEMAND new investigation")) << ::testing::PrintToString(Triples(d));
}


TEST_F(RelationsTest, CountsOfPeopleAndMorePatternVerbs) {
  auto a = Run("Tens of thousands of protesters hold demonstrations against Ivo Marten in Oslo, Norway.");
  EXPECT_TRUE(Has(a, "Norwegian protesters PROTEST Ivo Marten")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norway implements a 10% across-the-board tariff on Swedish products.");
  EXPECT_TRUE(Has(b, "Norway SANCTION Sweden")) << ::testing::PrintToString(Triples(b));
  // A pattern read from a later conjunct of the object, with the
  // agreement's side taken by each signer.
  auto c = Run("The Norwegian and Swedish negotiating teams sign the hostage release and ceasefire deal in Oslo.");
  EXPECT_TRUE(Has(c, "Norway COOPERATE Sweden")) << ::testing::PrintToString(Triples(c));
  EXPECT_TRUE(Has(c, "Sweden COOPERATE hostage release")) << ::testing::PrintToString(Triples(c));
}


TEST_F(RelationsTest, ReceivingThingsAndElectedDescriptionsAreNoEvents) {
  // "receive" is a meeting only with someone received.
  auto a = Run("Ivo Marten received criticism for the move.");
  for (const auto& r : a.relations) ADD_FAILURE() << Label(a, r.subject) << " " << r.cls << " " << Label(a, r.object);
  auto b = Run("Ivo Marten receives Peter Holm in Oslo.");
  EXPECT_TRUE(Has(b, "Ivo Marten CONSULT Peter Holm")) << ::testing::PrintToString(Triples(b));
  // "newly elected" describes; electing a body's members is no support
  // of a person; one unknown word after "the" names no person.
  auto c = Run("The Storting subpoenaed a transcript of a call between Ivo Marten and then-newly elected President Peter Holm.");
  for (const auto& r : c.relations) EXPECT_NE(r.cls, "SUPPORT") << Label(c, r.subject) << " " << Label(c, r.object);
  auto d = Run("Citizens of Norway vote to elect the members of the Kuvendi.");
  for (const auto& r : d.relations) EXPECT_NE(r.cls, "SUPPORT") << Label(d, r.subject) << " " << Label(d, r.object);
  for (const auto& e : d.entities)
    if (e.label == "Kuvendi") EXPECT_EQ(e.category, "organization");
}


TEST_F(RelationsTest, MembersOfANamedGroupAndHeadlineVerbsBeforeASecondVerb) {
  auto a = Run("Police in Norway arrest 13 alleged members of the Swedish gang Los Halcones.");
  EXPECT_TRUE(Has(a, "Norwegian police COERCE Los Halcones")) << ::testing::PrintToString(Triples(a));
  // "kills ... and injures": the first verb read as a noun after an
  // instrument; a verb only WordNet knows ("confirms") after its subject.
  auto b = Run("A Norwegian ballistic missile barrage kills eight people and injures 287 others in central Sweden.");
  EXPECT_TRUE(Has(b, "Norway ASSAULT Swedish civilians")) << ::testing::PrintToString(Triples(b));
  auto c = Run("The Supreme Court of Norway confirms Ivo Marten's six-year ban from office, rejecting Marten's appeal.");
  EXPECT_TRUE(Has(c, "Supreme Court of Norway REJECT Ivo Marten")) << ::testing::PrintToString(Triples(c));
  EXPECT_FALSE(Has(c, "Ivo Marten REJECT appeal")) << ::testing::PrintToString(Triples(c));
  // A place attacks no one.
  auto d = Run("A series of Russian strikes targeting Ukraine's Kharkiv and Odesa kills at least five people.");
  for (const auto& r : d.relations) EXPECT_NE(Label(d, r.subject), "Odesa") << r.cls << " " << Label(d, r.object);
}


TEST_F(RelationsTest, WhatOneIsAllowedToDoIsNoFact) {
  auto a = Run("The Norwegian government is allowed to provide Sweden a provisional license.");
  EXPECT_TRUE(AllOfClassHaveMode(a, "AID", "permitted"));
}


TEST_F(RelationsTest, StatesJoiningAgreementsAndBodiesButNotPeopleJoiningParties) {
  auto a = Run("Norway formally joins the Abraham Accords.");
  EXPECT_TRUE(Has(a, "Norway AGREE Abraham Accords")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Finland joins NATO.");
  EXPECT_TRUE(Has(b, "Finland AGREE NATO")) << ::testing::PrintToString(Triples(b));
  auto c = Run("Ivo Marten joined the Green Party and ran for Congress in 2018.");
  for (const auto& r : c.relations) EXPECT_NE(r.cls, "AGREE") << Label(c, r.subject) << " " << Label(c, r.object);
  auto d = Run("The United States announced a naval coalition which was joined by Norway, Sweden and Denmark.");
  for (const auto& r : d.relations) EXPECT_NE(r.cls, "AGREE") << Label(d, r.subject) << " " << Label(d, r.object);
}


TEST_F(RelationsTest, FiresDoNotKillBalancesAreNotStruckAndAmountsAreNoIssues) {
  auto a = Run("A man is arrested for starting the Bergen Fire that killed 12 people in Hordaland, Norway.");
  for (const auto& r : a.relations) EXPECT_NE(Label(a, r.subject), "Bergen Fire") << r.cls << " " << Label(a, r.object);
  auto b = Run("The Norwegian directive seeks to strike a balance between the interests at stake.");
  for (const auto& r : b.relations) EXPECT_NE(r.cls, "ASSAULT") << Label(b, r.subject) << " " << Label(b, r.object);
  auto c = Run("Norway lifts a $10 million dollar reward for information on Ivo Marten.");
  auto d = Run("The government of Norway offers a US$100,000 reward for the capture of Ivo Marten.");
  for (const auto* x : {&c, &d})
    for (const auto& r : x->relations) {
      std::string o = Label(*x, r.object);
      EXPECT_EQ(o.find('$'), std::string::npos) << o;
      EXPECT_EQ(o.find("dollar"), std::string::npos) << o;
    }
  EXPECT_TRUE(Has(c, "Norway CONCEDE reward for information")) << ::testing::PrintToString(Triples(c));
}


TEST_F(RelationsTest, AClauseAfterAnObjectNounCompletesTheNoun) {
  auto a = Run("Ivo Marten declined Prime Minister Peter Holm's offer to resign after the leak of a recording.");
  EXPECT_TRUE(Has(a, "Ivo Marten REJECT Peter Holm")) << ::testing::PrintToString(Triples(a));
  EXPECT_FALSE(Has(a, "Ivo Marten REJECT leak of recording")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norway refused to meet Sweden.");
  EXPECT_TRUE(Has(b, "Norway REJECT Sweden")) << ::testing::PrintToString(Triples(b));
}


TEST_F(RelationsTest, ShootoutsBetweenGroupsSurrendersAndBombingCampaigns) {
  auto a = Run("Nine people are killed during a shootout between Los Halcones gunmen and the Norwegian Army in Bergen, Norway.");
  EXPECT_TRUE(Has(a, "Norwegian Army ASSAULT Los Halcones") || Has(a, "Norwegian forces ASSAULT Los Halcones"))
      << ::testing::PrintToString(Triples(a));
  auto b = Run("Romanian mercenaries surrender to the M23.");
  EXPECT_TRUE(Has(b, "Romanian mercenaries CONCEDE March 23 Movement")) << ::testing::PrintToString(Triples(b));
  auto c = Run("The Norwegian Air Force launches a bombing campaign against Sweden.");
  EXPECT_TRUE(Has(c, "Norwegian Air Force ASSAULT Sweden") || Has(c, "Norwegian forces ASSAULT Sweden"))
      << ::testing::PrintToString(Triples(c));
  auto d = Run("Five soldiers are killed in a shootout between Kharkiv and Odesa.");
  for (const auto& r : d.relations) EXPECT_NE(Label(d, r.subject), "Kharkiv") << r.cls << " " << Label(d, r.object);
}


TEST_F(RelationsTest, MoreStanceVerbsAndVerbsOfActorsOnly) {
  auto a = Run("Ivo Marten disagreed with the correlation between the overdoses and the payments.");
  EXPECT_TRUE(Has(a, "Ivo Marten DISAPPROVE correlation")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Ivo Marten blasted Peter Holm as a career politician.");
  EXPECT_TRUE(Has(b, "Ivo Marten DISAPPROVE Peter Holm")) << ::testing::PrintToString(Triples(b));
  auto c = Run("Ivo Marten said mining companies frequently blasted sacred sites in Norway.");
  for (const auto& r : c.relations) EXPECT_NE(r.cls, "DISAPPROVE") << Label(c, r.subject) << " " << Label(c, r.object);
  auto d = Run("The Norwegian government disputes the report.");
  EXPECT_TRUE(Has(d, "Norway REJECT report")) << ::testing::PrintToString(Triples(d));
}


TEST_F(RelationsTest, ConditionsDecisionsAndElectionsAreNoFactsOrAttacks) {
  auto a = Run("Oslo will end the contracts unless Sweden lifts its tariffs on Norway.");
  EXPECT_TRUE(AllOfClassHaveMode(a, "RETREAT", "conditional"));
  auto b = Run("The Norwegian government has decided to occupy the Svalbard islands.");
  for (const auto& r : b.relations) EXPECT_EQ(r.mode, "intent") << r.cls << " " << Label(b, r.object);
  auto c = Run("Preliminary results show that Ivo Marten will defeat Peter Holm with 50.89% of the votes.");
  for (const auto& r : c.relations) EXPECT_NE(r.cls, "ASSAULT") << Label(c, r.subject) << " " << Label(c, r.object);
}


TEST_F(RelationsTest, WhatOneIsAccusedOfStaysReportedWhenTheClauseHangsOnTheName) {
  auto a = Run("Ivo Marten accuses Supreme Leader Ayatollah Ali Khamenei of forcing Norwegians into the war.");
  EXPECT_TRUE(AllOfClassHaveMode(a, "COERCE", "reported"));
}


TEST_F(RelationsTest, TheOtherSideOfAFightKilledThoseKilledInIt) {
  auto a = Run("Three Norwegian soldiers are killed and 29 more injured during clashes with Swedish soldiers.");
  EXPECT_TRUE(Has(a, "Swedish forces ASSAULT Norwegian forces")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Two Norwegian soldiers were killed in fighting with Hamas in Gaza.");
  EXPECT_TRUE(Has(b, "Hamas ASSAULT Norwegian forces")) << ::testing::PrintToString(Triples(b));
  // Places are no sides, also the second of two ("in Bergen and Voss, Norway").
  auto c = Run("Three people are killed in clashes with security forces in Bergen and Vossevangen, Norway.");
  for (const auto& r : c.relations) {
    EXPECT_NE(Label(c, r.subject), "Bergen");
    EXPECT_NE(Label(c, r.subject), "Vossevangen");
  }
}

TEST_F(RelationsTest, ACountOfPeopleKilledIsThePeople) {
  auto a = Run("Dozens of people are killed in Swedish strikes across Norway.");
  EXPECT_TRUE(Has(a, "Sweden ASSAULT Norwegian civilians")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, TheyForAnOrganisationOfTheSentenceAndPlacesWithdrawnFrom) {
  auto a = Run("The Norwegian Liberation Movement announces that they will withdraw from Vossevangen, Vestland, Norway.");
  EXPECT_TRUE(Has(a, "Norwegian Liberation Movement RETREAT Vossevangen")) << ::testing::PrintToString(Triples(a));
  // The places after the first say where it is: no issues "Vestland", "Norway".
  for (const auto& r : a.relations) EXPECT_EQ(Label(a, r.object), "Vossevangen") << r.cls;
  // A group is the likelier "they" than an organisation.
  auto b = Run("Norwegian forces strike Hamas hideouts after they announced an offensive against Hamas and Hezbollah.");
  EXPECT_TRUE(Has(b, "Norwegian forces ASSAULT Hezbollah")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, ScaleNounsLendingAndCeasingContact) {
  auto a = Run("Swedish leaders announce increases in military aid for Norway.");
  EXPECT_TRUE(Has(a, "Swedish officials AID Norway")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Sweden will lend a credit line to Norway.");
  EXPECT_TRUE(Has(b, "Sweden AID Norway")) << ::testing::PrintToString(Triples(b));
  auto c = Run("Sweden announces it will cease all contact with Norway.");
  EXPECT_TRUE(Has(c, "Sweden SANCTION Norway")) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, AnAttackWithNoAimNamedIsAimedAtTheCountryWhere) {
  auto a = Run("The Swedish Air Force launches airstrikes throughout Norway.");
  EXPECT_TRUE(Has(a, "Swedish Air Force ASSAULT Norway") || Has(a, "Swedish forces ASSAULT Norway"))
      << ::testing::PrintToString(Triples(a));
  auto b = Run("Sweden bombs military sites inside Norway.");
  EXPECT_TRUE(Has(b, "Sweden ASSAULT Norway")) << ::testing::PrintToString(Triples(b));
  // Not a state's strikes in its own country.
  auto c = Run("The Norwegian Air Force carries out airstrikes in Norway.");
  EXPECT_FALSE(Has(c, "Norwegian Air Force ASSAULT Norway") || Has(c, "Norwegian forces ASSAULT Norway"))
      << ::testing::PrintToString(Triples(c));
  // A name before a building names the place attacked, not the attacker.
  auto d = Run(
      "Swedish authorities arrest Ivo Marten, a suspect in the 1982 Chez Per Holm restaurant attack in Norway that "
      "killed six people.");
  for (const auto& r : d.relations) EXPECT_NE(r.cls, "ASSAULT") << Label(d, r.subject) << " " << Label(d, r.object);
}

TEST_F(RelationsTest, ANounAfterADeterminerAndANounHasNoSubject) {
  // "an arrest warrant" parsed as a clause with "arrest" the subject of "warrant".
  auto a = Run("The Oslo District Court issues an arrest warrant for former Norwegian president Ivo Marten over five charges.");
  EXPECT_TRUE(Has(a, "Oslo District Court COERCE Ivo Marten")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, PhrasesTheParserHungBesideOrBelowAnother) {
  auto a = Run("Sweden detains two senior members of the paramilitary organization Norwegian Liberation Front.");
  EXPECT_TRUE(Has(a, "Sweden COERCE Norwegian Liberation Front")) << ::testing::PrintToString(Triples(a));
  auto b = Run(
      "The Swedish Treasury Department imposes sanctions under the Magnitsky Act on Norwegian Supreme Court justice "
      "Ivo Marten over alleged human rights violations.");
  EXPECT_TRUE(Has(b, "Swedish Treasury Department SANCTION Ivo Marten")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, ReleasingDocumentsIsNoEvent) {
  auto a = Run("Judge Ivo Marten orders the release of grand jury records from the investigation.");
  for (const auto& r : a.relations) EXPECT_NE(r.cls, "RETREAT") << Label(a, r.object);
  auto b = Run("Norway released the files about the case.");
  for (const auto& r : b.relations) EXPECT_NE(r.cls, "RETREAT") << Label(b, r.object);
  // (A proposal's owner stays: "rejected Holm's suggestion".)
  auto d = Run("Ivo Marten rejected Peter Holm's suggestion.");
  EXPECT_TRUE(Has(d, "Ivo Marten REJECT Peter Holm")) << ::testing::PrintToString(Triples(d));
}

TEST_F(RelationsTest, RelativeClausesTheParserHungElsewhereAndRetakenPlaces) {
  auto a = Run("Norway recovers the body of soldier Ivo Marten, who was captured and killed by Hamas in 2014.");
  EXPECT_TRUE(Has(a, "Hamas ASSAULT Ivo Marten")) << ::testing::PrintToString(Triples(a));
  // Not "which": "an airport in Norway, which is intercepted by X" means the missile.
  auto b = Run("The Houthis launch a missile at an airport in Norway, which is intercepted by Norwegian forces.");
  EXPECT_FALSE(Has(b, "Norwegian forces COERCE Norway")) << ::testing::PrintToString(Triples(b));
  auto c = Run("Swedish troops retake Vossevangen, a town in western Norway.");
  EXPECT_TRUE(Has(c, "Swedish forces ASSAULT Vossevangen")) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, ACrowdProtestingInAPurposeClauseHungOnAPlace) {
  auto a = Run("Over 40,000 people demonstrate in Oslo and other major Norwegian cities to protest against the Norwegian government.");
  EXPECT_TRUE(Has(a, "Norwegian protesters PROTEST Norway")) << ::testing::PrintToString(Triples(a));
  // "protestors" and "protesters" are one group.
  auto b = Run("Police clash with protestors in Oslo, Norway.");
  EXPECT_TRUE(Has(b, "Norwegian police ASSAULT Norwegian protesters")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, HeadlineVerbsBeforeTheirComplementMoneyAndFundingCuts) {
  auto a = Run("Al-Shabaab militants claim to have killed three Norwegian soldiers patrolling a road near the border.");
  EXPECT_TRUE(Has(a, "al-Shabaab ASSAULT Norwegian forces")) << ::testing::PrintToString(Triples(a));
  // "10 million dollars in aid": the aid, not "dollar in aid".
  auto b = Run("Norway pledges 10 million dollars in aid to Sudan.");
  for (const auto& r : b.relations) EXPECT_EQ(Label(b, r.object).find("dollar"), std::string::npos) << Label(b, r.object);
  auto c = Run(
      "The Swedish government reduces funding for two Norwegian human rights groups, Ivo Marten Foundation and Peter "
      "Holm Trust.");
  EXPECT_TRUE(Has(c, "Sweden SANCTION Ivo Marten Foundation")) << ::testing::PrintToString(Triples(c));
  // A stopped act is negated: "will stop funding X" is no funding.
  auto d = Run("Sweden will stop funding to Norway.");
  ASSERT_FALSE(d.relations.empty());
  for (const auto& r : d.relations)
    EXPECT_TRUE((r.cls == "AID" && r.negated) || r.cls == "SANCTION") << r.cls << " " << r.negated;
}

TEST_F(RelationsTest, OpponentsCriticsAndSupportersOfX) {
  auto a = Run("Ivo Marten is an outspoken critic of Swedish prime minister Peter Holm.");
  EXPECT_TRUE(Has(a, "Ivo Marten DISAPPROVE Peter Holm")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Ivo Marten was also an outspoken opponent of the Swedish-led war in 2003.");
  bool reject = false;
  for (const auto& r : b.relations) reject |= r.cls == "REJECT" && Label(b, r.subject) == "Ivo Marten";
  EXPECT_TRUE(reject) << ::testing::PrintToString(Triples(b));
  // Not a place in an accord, nor a named operation.
  auto c = Run("Norway announces the end of Operation Haskanite, an offensive against Boko Haram.");
  for (const auto& r : c.relations) EXPECT_NE(Label(c, r.subject), "Operation Haskanite");
}

TEST_F(RelationsTest, AgentsOfKillingsInClausesOfTimeClansAndSecondParticiples) {
  auto a = Run("At least 100 people are killed when Swedish rebels attack a funeral in Bergen, Norway.");
  EXPECT_TRUE(Has(a, "Swedish rebels ASSAULT Norwegian civilians")) << ::testing::PrintToString(Triples(a));
  // (A clause of time that is no attack says nothing of who killed.)
  auto b = Run("Four people are killed when a bus crashes after Norway closes a road.");
  EXPECT_TRUE(b.relations.empty()) << ::testing::PrintToString(Triples(b));
  auto c = Run("Four people are killed in clashes between Swedish militias and Norwegian clans.");
  EXPECT_TRUE(Has(c, "Norwegian clans ASSAULT Swedish militias") || Has(c, "Swedish militias ASSAULT Norwegian clans"))
      << ::testing::PrintToString(Triples(c));
  auto d = Run("Norwegian journalist Ivo Marten is shot and killed by Swedish soldiers in Oslo.");
  EXPECT_TRUE(Has(d, "Swedish forces ASSAULT Ivo Marten")) << ::testing::PrintToString(Triples(d));
  // A verb with two subjects, the second one's clause after it.
  auto e = Run(
      "On Saturday, Norwegian President Ivo Marten said Peter Holm, son of the late Swedish leader Lars Berg, has been "
      "killed in a Norwegian operation.");
  EXPECT_TRUE(Has(e, "Norway ASSAULT Peter Holm")) << ::testing::PrintToString(Triples(e));
}

TEST_F(RelationsTest, AnAbsoluteWithClauseIsNoPartner) {
  auto a = Run(
      "The Norwegian Storting votes 51–48 on a resolution to reverse tariffs on Sweden, with Conservatives Ivo Marten "
      "and Peter Holm voting for the resolution.");
  for (const auto& r : a.relations) {
    EXPECT_NE(Label(a, r.object), "Ivo Marten") << r.cls;
    EXPECT_NE(Label(a, r.object), "Peter Holm") << r.cls;
    EXPECT_EQ(Label(a, r.object).find("Conservative"), std::string::npos) << r.cls;
  }
  // (A partner stays: "agreed with Sweden".)
  auto b = Run("Norway agreed with Sweden on the tariffs.");
  EXPECT_TRUE(Has(b, "Norway AGREE Sweden")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, AnOrganisationsNameBeforeTheNounOfItsKind) {
  auto a = Run("The Historic Pact party nominates Senator Ivo Marten as its candidate for president in next year's election.");
  EXPECT_TRUE(Has(a, "Historic Pact SUPPORT Ivo Marten")) << ::testing::PrintToString(Triples(a));
  auto b = Run("The Norwegian government designates the Viv Marten coalition and the Gran Holm gang as terrorist organizations.");
  EXPECT_TRUE(Has(b, "Norway SANCTION Viv Marten")) << ::testing::PrintToString(Triples(b));
  EXPECT_TRUE(Has(b, "Norway SANCTION Gran Holm")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, ACurrencySignIsNoIssue) {
  auto a = Run("The Norwegian cabinet approves a ¥122.3 trillion (US$785 billion) budget for the next fiscal year.");
  auto b = Run("Sweden fines the Norwegian firms Ivo Marten AS and Peter Holm AS over €157 million (US$182.5 million) for price fixing.");
  for (const auto* x : {&a, &b})
    for (const auto& r : x->relations) {
      const std::string l = Label(*x, r.object);
      EXPECT_EQ(l.find("¥"), std::string::npos) << l;
      EXPECT_EQ(l.find("€"), std::string::npos) << l;
    }
  EXPECT_FALSE(b.relations.empty());
}

TEST_F(RelationsTest, ItsForcesAndWeaponsDestroyedThingsAndAbstractOnes) {
  auto a = Run("Sweden says its forces have captured Vossevangen, a town in Norway.");
  EXPECT_TRUE(Has(a, "Sweden ASSAULT Vossevangen")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Sweden claims its air defences have shot down 30 Norwegian drones overnight.");
  EXPECT_TRUE(Has(b, "Sweden ASSAULT Norway")) << ::testing::PrintToString(Triples(b));
  // "its" owns forces and weapons, not what is lifted or suspended.
  auto c = Run("Sweden lifts its sanctions on Norway.");
  for (const auto& r : c.relations) EXPECT_NE(r.cls, "SANCTION") << Label(c, r.object);
  auto d = Run("Sweden suspends its planned negotiations with Norway.");
  EXPECT_TRUE(Has(d, "Sweden SANCTION Norway")) << ::testing::PrintToString(Triples(d));
  auto e = Run("The Oslo Regional Administration headquarters is destroyed in a Swedish missile strike.");
  EXPECT_TRUE(Has(e, "Sweden ASSAULT Oslo Regional Administration")) << ::testing::PrintToString(Triples(e));
  auto f = Run(
      "Ivo Marten hailed the report on Twitter and warned that Peter Holm could destroy the growth with his proposed "
      "tax increases.");
  for (const auto& r : f.relations) EXPECT_NE(r.cls, "ASSAULT") << Label(f, r.object);
}

TEST_F(RelationsTest, FinesBeforeAnAmountDissidentsAndPoliceOfficers) {
  auto a = Run("The European Commission fines Snapbook €2.95 billion (US$3.47 billion) for abusing its position.");
  EXPECT_TRUE(Has(a, "European Commission COERCE Snapbook")) << ::testing::PrintToString(Triples(a));
  auto b = Run("At least 12 Norwegian police officers are killed when FARC dissidents shoot down a helicopter.");
  EXPECT_TRUE(Has(b, "FARC dissidents ASSAULT Norwegian police")) << ::testing::PrintToString(Triples(b));
  // (The forces stay one node: "security forces" are the forces.)
  auto c = Run("Norwegian security forces arrest three Swedish officers.");
  EXPECT_TRUE(Has(c, "Norwegian forces COERCE Swedish officers") || Has(c, "Norwegian forces COERCE Swedish forces"))
      << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, AnArrestWithNoAgentIsThePoliceOfTheCountryWhere) {
  auto a = Run("Former Norwegian minister Ivo Marten and two others are arrested in Sweden amid a fraud investigation.");
  EXPECT_TRUE(Has(a, "Swedish police COERCE Ivo Marten")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Ivo Marten is arrested in Gothenburg, Sweden, after a decade on the run.");
  EXPECT_TRUE(Has(b, "Swedish police COERCE Ivo Marten")) << ::testing::PrintToString(Triples(b));
  // (Not other verbs: "is born in Sweden".)
  auto c = Run("Ivo Marten was born in Sweden.");
  EXPECT_TRUE(c.relations.empty()) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, TheFirstOfThreePlacesIsAPlaceAndOwnCountryIsNoTarget) {
  auto a = Run("The Swedish Army recaptures Vossegard, Vestland County, Norway, after heavy fighting.");
  EXPECT_TRUE(Has(a, "Swedish forces ASSAULT Vossegard")) << ::testing::PrintToString(Triples(a));
  auto b = Run("The Norwegian Armed Forces retake the presidential palace in Oslo, Norway, after a withdrawal.");
  EXPECT_FALSE(Has(b, "Norwegian forces ASSAULT Norway")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, ACourtInATownOfACountry) {
  auto a = Run("A court in Vossegard, Norway, opens an investigation into a Swedish soldier.");
  EXPECT_TRUE(Has(a, "Norway INVESTIGATE Swedish forces")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, TheFirstCountryToRecogniseAPlace) {
  auto a = Run("Norway becomes the first country to recognize Somaliland as an independent and sovereign state.");
  EXPECT_TRUE(Has(a, "Norway SUPPORT Somaliland")) << ::testing::PrintToString(Triples(a));
  // (Meeting a place is still no consultation.)
  auto b = Run("Ivo Marten visits Somaliland.");
  for (const auto& r : b.relations) EXPECT_NE(Label(b, r.object), "Somaliland") << r.cls;
}

TEST_F(RelationsTest, ADemandOfSomethingInACountryIsTowardTheCountry) {
  auto a = Run("Sweden calls for a ceasefire in Norway.");
  EXPECT_TRUE(Has(a, "Sweden DEMAND Norway")) << ::testing::PrintToString(Triples(a));
  // (Not in the demanding state itself.)
  auto b = Run("Norway calls for new elections in Norway.");
  EXPECT_FALSE(Has(b, "Norway DEMAND Norway")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, StrikesHitThings) {
  auto a = Run("Swedish missile strikes on Bergen hit a water management facility, killing four people.");
  EXPECT_TRUE(Has(a, "Sweden ASSAULT water management facility")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, SendingIsAidOnlyOfAidOrToAnActor) {
  auto a = Run("Norway sends $50 million to Sweden.");
  EXPECT_TRUE(Has(a, "Norway AID Sweden")) << ::testing::PrintToString(Triples(a));
  // "sends astronauts into space", "sent a video": no aid.
  auto b = Run("Norway is the first country to send astronauts into space.");
  for (const auto& r : b.relations) EXPECT_NE(r.cls, "AID") << Label(b, r.object);
}

TEST_F(RelationsTest, CallingForAClauseIsCallingForItsSubject) {
  // "for X to V": the subject of the clause is what is called for, and
  // the place of the clause is the country the demand is toward.
  auto a = Run("Norway calls for Prime Minister Erik Lund to resign.");
  EXPECT_TRUE(Has(a, "Norway DEMAND Erik Lund")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norway calls for new elections to be held in Sweden.");
  EXPECT_TRUE(Has(b, "Norway DEMAND Sweden")) << ::testing::PrintToString(Triples(b));
  EXPECT_TRUE(Has(b, "Norway DEMAND new elections")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, ExtraditingToACountryAcrossAnApposition) {
  auto a = Run("Norway extradites Erik Lund, leader of the Blue Fox gang, to Sweden where he faces charges.");
  EXPECT_TRUE(Has(a, "Norway COOPERATE Sweden")) << ::testing::PrintToString(Triples(a));
  EXPECT_FALSE(Has(a, "Norway COOPERATE Erik Lund")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, FightersFromAGroupAreTheGroup) {
  // The "from" phrase on the noun, with lower-case words between the name
  // and "group"; and hung on the verb.
  auto a = Run("Ethiopian forces killed 300 fighters from the Zorvan armed group.");
  EXPECT_TRUE(Has(a, "Ethiopian forces ASSAULT Zorvan")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norway killed 30 fighters from Hamas.");
  EXPECT_TRUE(Has(b, "Norway ASSAULT Hamas")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, AGroupClaimsItKilled) {
  // "claims it killed" read by the parser as "claims it" with "killed"
  // its complement; the group's long name after "militant group" is one
  // organisation's, particles ("wal-") included.
  auto a = Run("Militant group Jama'at Zorvan wal-Muslimin claims it killed 20 soldiers in Tromso, Norway.");
  EXPECT_TRUE(Has(a, "Jama'at Zorvan wal-Muslimin ASSAULT Norwegian forces")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, AVagueThingStruckIsStruckWhereOrForItsOwner) {
  // "sites", "targets": no issue, but the country where they were struck,
  // or their owner; a stance on a vague thing is a stance on its owner.
  auto a = Run("Norway struck sites in Sweden.");
  EXPECT_TRUE(Has(a, "Norway ASSAULT Sweden")) << ::testing::PrintToString(Triples(a));
  for (const auto& r : a.relations) EXPECT_NE(Label(a, r.object), "site");
  auto b = Run("Norway struck targets in Sweden.");
  EXPECT_TRUE(Has(b, "Norway ASSAULT Sweden")) << ::testing::PrintToString(Triples(b));
  auto c = Run("Norway praised Sweden's role.");
  EXPECT_TRUE(Has(c, "Norway SUPPORT Sweden")) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, AddingToAListOfTerroristsDesignates) {
  auto a = Run("Norway adds the Zorvan Front to its list of extremists and terrorists.");
  EXPECT_TRUE(Has(a, "Norway SANCTION Zorvan Front")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norway put the Zorvan Front on a terror blacklist.");
  EXPECT_TRUE(Has(b, "Norway SANCTION Zorvan Front")) << ::testing::PrintToString(Triples(b));
  // A list of no pejorative kind designates nothing.
  auto c = Run("Norway added Sweden to the list of participants.");
  EXPECT_FALSE(HasClass(c, "SANCTION")) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, APassiveAgentOnTheGerundAfterFrom) {
  // "barred from running ... by X" with the agent hung on the gerund; the
  // title and the name side by side were two subjects; "Călin" (letters
  // beyond ASCII) is no preposition whatever the tagger says.
  auto a = Run("Nationalist candidate Călin Popescu is barred from running in the election by the Central Electoral Bureau.");
  EXPECT_TRUE(Has(a, "Central Electoral Bureau SANCTION Călin Popescu")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, PluralSubjectsHeadlineVerbBeforeItsPatternNoun) {
  // "Police fire tear gas": "fire" is the verb (a pattern's noun follows),
  // "Police" its subject, and "gathered in" a participle, not the verb.
  auto a = Run("Police fire tear gas at demonstrators gathered in Oslo, Norway, to protest against the government.");
  EXPECT_TRUE(Has(a, "Norwegian police COERCE Norwegian demonstrators")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, AttributingAnAttackAccuses) {
  auto a = Run("Norway attributed the cyberattack to Russia.");
  EXPECT_TRUE(Has(a, "Norway DISAPPROVE Russia")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norway attributed its success to Sweden.");
  EXPECT_FALSE(HasClass(b, "DISAPPROVE")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, AnAgeIsNoTargetAndTheExpelledAreTheTarget) {
  auto a = Run("A court in Oslo, Norway sentences 27-year old Erik Dahl to 25 years in prison for the stabbing attack on author Nils Berg.");
  EXPECT_TRUE(Has(a, "Norway COERCE Erik Dahl")) << ::testing::PrintToString(Triples(a));
  for (const auto& r : a.relations) EXPECT_EQ(Label(a, r.object).find("year"), std::string::npos) << Label(a, r.object);
  // "expels X from the group": X, not the group.
  auto b = Run("Norway expels Erik Dahl from the Zorvan Front.");
  EXPECT_TRUE(Has(b, "Norway COERCE Erik Dahl")) << ::testing::PrintToString(Triples(b));
  EXPECT_FALSE(Has(b, "Norway COERCE Zorvan Front")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, AidReceivedFromAnActorIsItsAid) {
  auto a = Run("The Norwegian Air Force receives the first shipment of fighter jets from Sweden.");
  EXPECT_TRUE(Has(a, "Sweden AID Norwegian Air Force")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norway received $2 billion in aid from Sweden.");
  EXPECT_TRUE(Has(b, "Sweden AID Norway")) << ::testing::PrintToString(Triples(b));
  // A letter is no aid.
  auto c = Run("Norway received a letter from Sweden.");
  EXPECT_FALSE(HasClass(c, "AID")) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, UnnamedArmedGroupsAndGangsStruckAreTheCountrys) {
  auto a = Run("Eleven bandits are killed in an ambush by the Norwegian Army in Tromso, Norway.");
  EXPECT_TRUE(Has(a, "Norwegian forces ASSAULT Norwegian bandits")) << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, GroupsAreNamedWithTheCountrysFirstAdjectiveOrItsAbbreviation) {
  // Not the shortest adjective: "Cambodian", "Serbian" ("Khmer", "Serb"
  // were chosen before); "US" as before.
  auto a = Run("Cambodian protesters clash with Thai security forces.");
  EXPECT_TRUE(Has(a, "Cambodian protesters ASSAULT Thai forces")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Serbian police arrest 37 protesters in Belgrade.");
  EXPECT_TRUE(Has(b, "Serbian police COERCE Serbian protesters")) << ::testing::PrintToString(Triples(b));
  auto c = Run("American troops attacked Iraqi forces.");
  EXPECT_TRUE(Has(c, "US forces ASSAULT Iraqi forces")) << ::testing::PrintToString(Triples(c));
}

TEST_F(RelationsTest, ATieParticipleDescribesAndAThingVisitedIsNoIssue) {
  auto a = Run("No group claimed the attack, but some Iraqi militias associated with Iran had made threats against US personnel.");
  EXPECT_TRUE(Has(a, "Iraqi militias THREATEN United States")) << ::testing::PrintToString(Triples(a));
  for (const auto& r : a.relations) EXPECT_NE(r.cls, "SUPPORT") << ::testing::PrintToString(Triples(a));
  auto b = Run("Norwegian army chief Erik Dahl visits border towns.");
  EXPECT_TRUE(b.relations.empty()) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, ACrowdAtAProtestOrCallingForSomethingIsAProtestersGroup) {
  auto a = Run("Hundreds of people attend a protest in Oslo, Norway, against the government.");
  EXPECT_TRUE(Has(a, "Norwegian protesters PROTEST Norway")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Thousands hold a rally in Oslo, Norway, against Erik Dahl.");
  EXPECT_TRUE(Has(b, "Norwegian protesters PROTEST Erik Dahl")) << ::testing::PrintToString(Triples(b));
  // The rally's purpose clause; those the families speak for were
  // abducted, not the families.
  auto c = Run("Families of Swedish citizens abducted by Norway decades ago hold a rally in Stockholm to call on Norwegian leader Kim Jong-un to return their relatives.");
  EXPECT_TRUE(Has(c, "Swedish protesters DEMAND Kim Jong-un")) << ::testing::PrintToString(Triples(c));
  EXPECT_FALSE(HasClass(c, "ASSAULT")) << ::testing::PrintToString(Triples(c));
  auto d = Run("Thousands of people call for the resignation of Erik Dahl in Oslo, Norway.");
  EXPECT_TRUE(Has(d, "Norwegian protesters DEMAND Erik Dahl")) << ::testing::PrintToString(Triples(d));
  // People seeking aid are no protesters.
  auto e = Run("Norwegian airstrikes kill 40 people in Sweden, including 13 people seeking aid.");
  for (const auto& r : e.relations) EXPECT_NE(r.cls, "DEMAND") << ::testing::PrintToString(Triples(e));
}

TEST_F(RelationsTest, KilledInTheAttackToldJustBefore) {
  // "the airstrike" is the one the text has just told; its agent struck the
  // named person killed in it (unnamed victims are left alone).
  auto a = Run("Norwegian forces killed Erik Dahl in an airstrike. He was being met by Nils Berg, who was also killed in the airstrike.");
  EXPECT_TRUE(Has(a, "Norwegian forces ASSAULT Nils Berg")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Norwegian forces killed Erik Dahl in an airstrike. Nils Berg was killed in an airstrike.");
  EXPECT_FALSE(Has(b, "Norwegian forces ASSAULT Nils Berg")) << ::testing::PrintToString(Triples(b));
}

TEST_F(RelationsTest, TheSubjectOrTargetOfAnActorsSanctionsOrAttacks) {
  // "sanctions" after "of United States" is the noun, and the predicate's
  // subject is what they are aimed at.
  auto a = Run("Zorvan Air has been the subject of United States sanctions since 2011.");
  EXPECT_TRUE(Has(a, "United States SANCTION Zorvan Air")) << ::testing::PrintToString(Triples(a));
  auto b = Run("Kharkiv was the target of Russian attacks.");
  EXPECT_TRUE(Has(b, "Russia ASSAULT Kharkiv")) << ::testing::PrintToString(Triples(b));
  // A headline verb after a name stays a verb.
  auto c = Run("The European Union pledges 2.5 billion euros to Syria.");
  EXPECT_TRUE(HasClass(c, "AGREE") || HasClass(c, "AID")) << ::testing::PrintToString(Triples(c));
  auto d = Run("Judge Nils Berg from the District of Massachusetts blocks Erik Dahl's order.");
  EXPECT_TRUE(Has(d, "Nils Berg REJECT Erik Dahl")) << ::testing::PrintToString(Triples(d));
}

TEST_F(RelationsTest, WhatIsAllegedDownToItsDeepestClauseIsReported) {
  // The accused labelled a passive subject in an active clause; the act
  // inside a clause below the alleged one is reported, not asserted.
  auto a = Run("US Ambassador to Sweden Nils Berg alleged, by way of example, Zorvan had \"contributed to incredible human "
               "suffering, violence, and political instability felt across the world,\" by supporting Syrian President Erik Dahl.");
  EXPECT_TRUE(Has(a, "Nils Berg DISAPPROVE Zorvan")) << ::testing::PrintToString(Triples(a));
  for (const auto& r : a.relations)
    if (r.cls == "SUPPORT") EXPECT_EQ(r.mode, "reported") << ::testing::PrintToString(Triples(a));
}

TEST_F(RelationsTest, AnOrganisationBeforeTheNounOfItsKindIsTheTargetNotAnIssue) {
  auto a = Run("Norway criticized the Independent Democratic Action party.");
  EXPECT_TRUE(Has(a, "Norway DISAPPROVE Independent Democratic Action")) << ::testing::PrintToString(Triples(a));
  for (const auto& r : a.relations) EXPECT_EQ(Label(a, r.object).find("party"), std::string::npos) << Label(a, r.object);
}

TEST_F(RelationsTest, AnAdjectiveAfterTheNounWithAPhraseOfItsOwnIsNoPartOfTheIssue) {
  auto a = Run("Norway seizes 2.4 metric tons of cocaine worth 96 million euros from a ship from Sweden.");
  bool seen = false;
  for (const auto& r : a.relations) {
    if (r.cls != "COERCE") continue;
    seen = true;
    EXPECT_EQ(Label(a, r.object).find("worth"), std::string::npos) << Label(a, r.object);
  }
  EXPECT_TRUE(seen) << ::testing::PrintToString(Triples(a));
}

}  // namespace
}  // namespace newsgraph::extract
