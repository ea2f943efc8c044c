// The state of one document while the extractor works on it, shared by the
// stage files: tokens, tags, lemmas and the dependency tree (Prepare, in
// extractor.cc), actor mentions and entities (mentions.cc: FindMentions,
// ResolveNames), relations read from the tree (relations.cc) and the older
// word-order relation finder used when no parser model is present
// (extractor.cc). Internal to extract/: not installed, not a public API.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "extract/dep_parser.h"
#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "extract/pos_tagger.h"
#include "extract/text.h"
#include "extract/verb_dictionary.h"
#include "graph/types.h"

namespace newsgraph::extract {

using graph::Span;

inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Verbs whose coordinated subjects act on each other ("Chile and Peru met").
bool IsSymmetric(std::string_view lemma);

struct Mention {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  uint32_t sentence = 0;
  int entity = -1;
  bool pronoun = false;
  bool modifier = false;   // demonym used as an adjective: "Russian demands"
  bool possessive = false; // followed by 's, or a possessive pronoun
  bool initial_unknown = false;  // a lone unknown word at a sentence start
  bool implied = false;  // an actor the sentence implies, not names ("arrested in Belgium": Belgian police): no output mention
  bool crowd = false;  // a protesting crowd of unnamed people ("Thousands of people", "Families of X"), made from its protest
  uint32_t byte_begin = 0, byte_end = 0;  // part of a token ("Rwandan" in "Rwandan-backed"); 0 = whole tokens
};

struct LocalEntity {
  graph::Entity e;
  std::set<std::string> aliases;
  bool known = false;  // from a lexicon
  bool facility = false;  // a building or site ("X, a former church"): what relations are about, never an actor
  bool widened = false;   // its acronym gave it back a first word read apart ("European" of ESO)
  // A compound code ("[FRO/BIL/SAM]" in a PETRARCH/TABARI actor
  // dictionary: one phrase naming several actors jointly) makes one entity
  // per code; the phrase's mentions and relations go to every member.
  std::vector<int> members;
};

// What a relation points at: an actor mention or an issue phrase.
struct Target {
  int mention = -1;
  std::string issue;      // issue label
  std::string possessor;  // "Ukraine" in "Ukraine's sovereignty"
  int about = -1;         // an actor named in the issue: "an attack by X"
  int owner = -1;         // the actor that owns an issue: "a request from X", "Iran's ambassador"
  int partner = -1;       // the other party of an agreement or tie: "an agreement with X"
  int where = -1;         // the country a struck thing is in: "four sites in central Israel"
  int node = -1;          // the token the issue phrase was read from (its head)
};

class DocumentRun {
 public:
  DocumentRun(const Extractor& x, graph::Document doc)
      : x_(x), lex_(*x.lexicons_), out_{} {
    out_.doc = std::move(doc);
  }

  graph::DocumentAnalysis Run();
  // Tokens, tags, lemmas, trees and actor mentions of every sentence as
  // CoNLL-U (conllu.cc).
  std::string RunConllu();

 private:
  std::string_view Surface(size_t t) const {
    return std::string_view(out_.doc.text).substr(toks_[t].begin, toks_[t].end - toks_[t].begin);
  }
  // Lexicon matches starting at token t, looked up once per token (the
  // stages ask about the same token several times).
  bool MatchActorAt(size_t t, PhraseMatch* m) const {
    if (t >= actor_memo_.size()) return false;  // past the document's end
    auto& memo = actor_memo_[t];
    if (memo.state == 0) memo.state = lex_.MatchActor(words_, t, &memo.match) ? 2 : 1;
    if (memo.state == 2) *m = memo.match;
    return memo.state == 2;
  }
  bool MatchTitleAt(size_t t, size_t* length, const TitleEntry** title) const {
    if (t >= title_memo_.size()) return false;  // past the document's end
    auto& memo = title_memo_[t];
    if (memo.state == 0) memo.state = lex_.MatchTitle(words_, t, &memo.length, &memo.title) ? 2 : 1;
    if (memo.state == 2) {
      *length = memo.length;
      *title = memo.title;
    }
    return memo.state == 2;
  }
  // Titles are open-class words (the tagger may call "president-elect" a
  // verb); closed-class words and punctuation need no lookup.
  bool MayBeTitle(size_t t) const {
    switch (Tag(t)) {
      case Pos::kDet: case Pos::kAdp: case Pos::kPunct: case Pos::kPron: case Pos::kCconj:
      case Pos::kSconj: case Pos::kAux: case Pos::kPart: case Pos::kNum:
        return IsCap(t);
      default:
        return true;
    }
  }
  struct ActorMemo {
    uint8_t state = 0;  // 0 not looked up, 1 no match, 2 match
    PhraseMatch match;
  };
  struct TitleMemo {
    uint8_t state = 0;
    size_t length = 0;
    const TitleEntry* title = nullptr;
  };
  mutable std::vector<ActorMemo> actor_memo_;
  mutable std::vector<TitleMemo> title_memo_;

  // Lower-case form of token t, computed once in Prepare().
  std::string_view Lower(size_t t) const { return lower_[t]; }
  Pos Tag(size_t t) const { return tags_[t]; }
  bool IsCap(size_t t) const { return toks_[t].Has(kCapitalized); }
  std::string VerbLemma(size_t t) const;
  std::string NounLemma(size_t t) const;
  std::string ComputeVerbLemma(size_t t) const;
  std::string ComputeNounLemma(size_t t) const;

  void Prepare();
  void FindMentions(const SentenceBounds& s, uint32_t index);
  bool SpeakerOfPronoun(const Mention& m, size_t p) const;
  void JoinWidenedNames();
  size_t TaggedName(const SentenceBounds& s, size_t t) const;
  void ResolveNames();
  void MarkFacilities();
  int PlacePolice(size_t verb, uint32_t index);
  int VictimGroup(size_t node, size_t verb, uint32_t index, const std::vector<int>& agents);
  bool SourceAttribution(size_t t) const;
  bool NameAfterNoun(size_t n, uint32_t k) const;
  void FindRelations(const SentenceBounds& s, uint32_t index);
  int EntityFor(const std::string& label, const std::string& category, const std::string& country,
                const std::string& code, bool known);
  // A mention of entity over tokens [first, last) of a sentence.
  // "the company", "the commission" at token `the_tok`: the organisation
  // or group named in the last sentences that the text described with a
  // noun of that class (anaphora.cc); -1 when none or the phrase is no
  // such reference.
  int DefiniteAnaphor(size_t the_tok, const SentenceBounds& s, uint32_t index) const;
  Mention NewMention(size_t first, size_t last, uint32_t sentence, int entity) const;
  int AddMention(Mention m);

  // Relation helpers.
  std::vector<int> Subjects(size_t verb, size_t sent_first, bool* through_clause, bool* pronoun);
  std::vector<int> Coordinated(int mention, size_t sent_first);
  void Objects(size_t from, size_t sent_last, std::vector<Target>* targets);
  bool IssuePhrase(size_t from, size_t sent_last, Target* target, size_t* end);
  // The entities a relation of entity e goes to: its members, else e.
  std::vector<int> MembersOf(int e) const;
  void EmitEntities(int se, int oe, const Target& target, const RelationEntry& r, bool negated, float confidence,
                    uint32_t sentence);
  void Emit(int subject_mention, const Target& target, const RelationEntry& r, bool negated,
            float confidence, uint32_t sentence);
  bool MatchPrep(size_t after, size_t sent_last, const std::string& prep, size_t* end) const;
  const RelationEntry* FirstWithPrep(const std::vector<RelationEntry>* list, size_t t, size_t sent_last,
                                     size_t* obj_start) const;
  const RelationEntry* VerbTrigger(size_t t, size_t sent_last, size_t* obj_start) const;
  const RelationEntry* NounTrigger(size_t t, size_t sent_last, size_t* obj_start) const;
  bool ActiveSubjects(size_t verb, size_t sent_first, std::vector<int>* subjects, bool* through, bool* pronoun);
  const PatternSentence& PatternView(const SentenceBounds& s);
  std::vector<int> ActorsAfter(size_t from, size_t sent_last) const;
  int PassiveAgent(size_t from, size_t sent_last) const;
  bool DictionaryEvents(const SentenceBounds& s, uint32_t index, size_t t);
  bool Negated(size_t verb, size_t sent_first) const;
  bool Passive(size_t verb, size_t sent_first) const;
  bool Intent(size_t verb, size_t sent_first) const;

  // The dependency tree (relations.cc). Token indices are the document's;
  // head_ is -1 for a sentence's root and for sentences not parsed.
  struct Kids {
    const uint32_t* b;
    const uint32_t* e;
    const uint32_t* begin() const { return b; }
    const uint32_t* end() const { return e; }
  };
  bool ShouldParse(const SentenceBounds& s) const;
  void ParseSentence(const SentenceBounds& s);
  void RepairNounClauses(size_t first);
  void RetagHeadlineVerbs(const SentenceBounds& s);
  bool KnownVerb(const std::string& lemma) const;
  Kids KidsOf(size_t t) const { return Kids{kid_list_.data() + kid_begin_[t], kid_list_.data() + kid_end_[t]}; }
  int KidWith(size_t t, Dep d) const;
  int KidWithBase(size_t t, Dep base) const;
  std::string PossessorLabel(size_t n) const;
  bool LightObject(size_t t) const;
  bool UnderScaleNoun(size_t t) const;
  size_t LightVerb(size_t t) const;
  bool IsVerbal(size_t t) const;
  std::string CaseOf(size_t t) const;
  int ActorMention(size_t t) const;
  int DescribedActor(size_t t) const;
  int ProtestingCrowd(size_t v, uint32_t sentence);
  void ActorsOf(size_t t, std::vector<int>* out, int depth, bool* indirect) const;
  std::vector<int> TreeSubjects(size_t v, bool* through, bool* pronoun, int depth) const;
  int StraySubject(size_t v) const;
  void QuoteSpeaker(size_t v, std::vector<int>* out) const;
  int AntecedentAgent(size_t node, int subject_entity, uint32_t sentence) const;
  int AntecedentPatient(size_t node, uint32_t sentence) const;
  bool ClaimedAct(uint32_t index, size_t t);
  bool TreePassive(size_t v) const;
  bool RelativePronoun(size_t p) const;
  bool AbsoluteWith(size_t k) const;
  bool InCommonNounOf(const Mention& m, const SentenceBounds& s) const;
  int RelativeAntecedent(size_t p, size_t v) const;
  bool TreeNegated(size_t v) const;
  bool TreeIntent(size_t v) const;
  bool IssueFromTree(size_t n, Target* target);
  void TargetsOf(size_t n, std::vector<Target>* targets, int depth);
  void PrepTargets(size_t v, const std::vector<std::string>& preps, std::vector<Target>* targets);
  // (instrument: the owner of a weapon or force, "its" included.)
  std::vector<int> NounSources(size_t n, bool instrument = false) const;
  bool TreeVerbEvent(const SentenceBounds& s, uint32_t index, size_t t);
  void TreeNounEvent(const SentenceBounds& s, uint32_t index, size_t t);
  void EmitAll(const std::vector<int>& subjects, const std::vector<Target>& objects, const RelationEntry& r,
               bool negated, float confidence, uint32_t sentence);
  void TreeRelations(const SentenceBounds& s, uint32_t index);
  void PrepareMentions();
  void PrepareTree();
  void PretokenizedInput();
  std::vector<int> head_;
  std::vector<Dep> dep_;
  std::vector<uint32_t> kid_begin_, kid_end_, kid_list_;
  std::vector<uint8_t> suppressed_;  // token: its own event is not asserted (a refused/urged complement)
  std::vector<std::string> mode_of_;  // token: mode given by an outer verb ("intent")
  std::vector<int> speaker_of_;  // token: the speech verb whose "must" clause it heads (its subject speaks)
  bool GerundIssue(size_t n, Target* target);
  std::vector<std::string_view> parse_words_;
  std::vector<Pos> parse_tags_;
  std::vector<int> parse_heads_;
  std::vector<Dep> parse_labels_;

  const Extractor& x_;
  const Lexicons& lex_;
  graph::DocumentAnalysis out_;
  std::vector<Token> toks_;
  std::vector<SentenceBounds> sents_;
  std::vector<std::string_view> words_;  // normalised surfaces
  std::vector<std::string_view> lower_;  // lower-case words_
  std::string lower_arena_;              // storage of lower_
  mutable std::vector<std::string> verb_lemma_, noun_lemma_;  // per token, computed on demand
  std::deque<std::string> normalized_;   // storage for words that changed
  std::vector<Pos> tags_;
  // The name tagger's names (Prepare): name_end_[t] is the end of the name
  // starting at token t (0: none starts there); name_type_[t] the NameType
  // of the name covering t, -1 outside names or without the tagger.
  std::vector<uint32_t> name_end_;
  std::vector<int8_t> name_type_;
  std::vector<Mention> mentions_;
  std::vector<int> mention_at_;  // token -> mention index or -1
  std::vector<LocalEntity> entities_;
  std::unordered_map<std::string, int> entity_index_;  // entity id -> index
  // Persons in the order they were last named, and their gender as told by
  // the pronouns that referred to them (0 unknown, 'm', 'f').
  std::vector<int> recent_persons_;
  std::unordered_map<int, char> genders_;
  size_t gender_scan_ = 0;  // mentions_ read for gender cues so far
  int PronounAntecedent(char gender, size_t t, uint32_t index);
  // First and last words of multi-word person names -> entity, so that a
  // later lone "Nehammer" is found even when not tagged as a proper noun.
  std::unordered_map<std::string, int> person_names_;
  void NotePerson(int e) {
    const std::string& label = entities_[e].e.label;
    size_t first_sp = label.find(' '), last_sp = label.rfind(' ');
    if (first_sp != std::string::npos && entities_[e].e.category == "person") {
      person_names_.emplace(label.substr(last_sp + 1), e);
      person_names_.emplace(label.substr(0, first_sp), e);
    }
    recent_persons_.erase(std::remove(recent_persons_.begin(), recent_persons_.end(), e), recent_persons_.end());
    recent_persons_.push_back(e);
  }
  std::set<std::tuple<int, std::string, std::string, int, uint32_t>> emitted_;
  // Acts read without a target ("Turkey began a military offensive"): who
  // did them, of which class, in which sentence; for AntecedentAgent.
  struct Act {
    int mention;  // the agent, or -1 for an act read with its patient only
    std::string cls;
    uint32_t sentence;
    int patient = -1;  // "Saudi Aramco facilities were hit": the patient, agent unknown
  };
  std::vector<Act> acts_;
  bool no_mutual_ = false;  // the verb's object is a relative pronoun: coordinated subjects act on it
  bool negative_ = false;  // the trigger being parsed is against its object
  bool issues_only_ = false;  // the verb dictionary coded this verb's actor relations
  PatternSentence pattern_;   // PatternView's sentence
  size_t pattern_first_ = SIZE_MAX, pattern_last_ = SIZE_MAX;
};

}  // namespace newsgraph::extract
