// The extraction pipeline (see extractor.h for the stages).
#include "extract/extractor.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <cstring>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "extract/agents.h"
#include "extract/document.h"
#include "extract/name_tagger.h"
#include "extract/pos_tagger.h"
#include "extract/text.h"
#include "extract/tree_lexicon.h"
#include "extract/wordnet.h"

namespace newsgraph::extract {

// The build tree's data (a developer's build), else the installed copy
// (share/newsgraph under the install prefix: `cmake --install`), else the
// build tree's path for the error message. NEWSGRAPH_DATA overrides both.
std::string DefaultDataDir() {
  if (const char* env = std::getenv("NEWSGRAPH_DATA"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_directory(std::string(NEWSGRAPH_DATA_DIR) + "/models", ec)) return NEWSGRAPH_DATA_DIR;
#ifdef NEWSGRAPH_INSTALL_DATA_DIR
  if (std::filesystem::is_directory(std::string(NEWSGRAPH_INSTALL_DATA_DIR) + "/models", ec))
    return NEWSGRAPH_INSTALL_DATA_DIR;
#endif
  return NEWSGRAPH_DATA_DIR;
}

Extractor::~Extractor() = default;

std::unique_ptr<Extractor> Extractor::Load(const ExtractorOptions& options, std::string* error) {
  std::unique_ptr<Extractor> x(new Extractor());
  std::string dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  x->lexicons_ = Lexicons::Load(dir + "/lexicons", error);
  if (!x->lexicons_) return nullptr;
  DictionaryOptions dictionary_options;
  dictionary_options.strict = options.strict_dictionaries;
  for (const auto& f : options.actor_files)
    if (!x->lexicons_->AddActorFile(f, dictionary_options, nullptr, error)) return nullptr;
  if (!options.verb_files.empty()) {
    x->verbs_ = std::make_unique<VerbDictionary>();
    for (const auto& f : options.verb_files)
      if (!x->verbs_->Load(f, error)) return nullptr;
  }
  x->tagger_ = PosTagger::Load(dir + "/models/pos-ewt.model", error);
  if (!x->tagger_) return nullptr;
  // The name tagger's model is optional: without it the rules alone find names.
  {
    std::string names_file = dir + "/models/names-gum.model";
    if (FILE* f = std::fopen(names_file.c_str(), "rb")) {
      std::fclose(f);
      x->names_ = NameTagger::Load(names_file, dir + "/lexicons", error);
      if (!x->names_) return nullptr;
    }
  }
  x->tree_lex_ = TreeLexicon::Load(dir + "/lexicons", error);
  if (!x->tree_lex_) return nullptr;
  x->agents_ = std::make_unique<Agents>();
  if (!x->agents_->AddFile(dir + "/lexicons/agents.tsv", DictionaryOptions{}, nullptr, error)) return nullptr;
  for (const auto& f : options.agent_files)
    if (!x->agents_->AddFile(f, dictionary_options, nullptr, error)) return nullptr;
  // The parser model is optional: without it relations come from word order.
  if (!options.no_parser) {
    std::string parser_file = dir + "/models/dep-ud.model";
    if (FILE* f = std::fopen(parser_file.c_str(), "rb")) {
      std::fclose(f);
      x->parser_ = DepParser::Load(parser_file, error);
      if (!x->parser_) return nullptr;
    }
  }
  std::string wn_error;
  if (!options.wordnet_dir.empty()) x->wordnet_ = WordNet::Load(options.wordnet_dir, &wn_error);
  return x;
}

namespace {

using graph::Span;

// Closed-class words the stages look for, all lower case.
const std::unordered_set<std::string_view>& Negators() {
  static const std::unordered_set<std::string_view> s = {"not", "n't", "never", "no", "neither", "nor", "without"};
  return s;
}
bool IsBe(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" || w == "being" ||
         w == "'s" || w == "'re" || w == "am";
}
// Nouns that only carry their complement: "the importance of X" is about X.
const std::unordered_set<std::string_view>& LightNouns() {
  static const std::unordered_set<std::string_view> s = {
      "importance", "need", "necessity", "issue", "question", "matter", "principle", "idea",
      "notion", "prospect", "possibility", "value", "significance", "urgency", "role", "case",
      "cause", "goal", "aim", "objective", "priority", "commitment", "right", "call", "calls",
      "demand", "demands", "push", "efforts", "effort", "bid", "plans", "plan"};
  return s;
}
// Gerunds and verbs that pass their object through: "maintaining X" is X.
const std::unordered_set<std::string_view>& CarrierVerbs() {
  static const std::unordered_set<std::string_view> s = {
      "maintain", "ensure", "preserve", "protect", "respect", "uphold", "achieve", "secure",
      "establish", "restore", "guarantee", "safeguard", "keep", "retain", "strengthen", "reach",
      "provide", "promote", "pursue", "defend", "obtain", "get", "gain", "win", "have", "include",
      "consider", "address", "find", "build", "create", "foster", "support", "bring"};
  return s;
}
// Verbs that make the next verb's subject theirs: "X prepares to meet Y".
const std::unordered_set<std::string_view>& LightVerbs() {
  static const std::unordered_set<std::string_view> s = {
      "express", "voice", "make", "issue", "reiterate", "renew", "raise", "repeat", "signal",
      "show", "state", "stress", "announce", "register", "lodge", "file", "have", "hold", "underline"};
  return s;
}
// Plurals that keep their own meaning as an issue: "talks" are
// negotiations, not several talks.
bool PluralOnly(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "talks", "relations", "ties", "arms", "sanctions", "elections", "troops", "forces",
      "negotiations", "hostilities", "affairs", "goods", "operations", "rights", "funds",
      "damages", "terms", "grounds", "remains", "means", "news", "headquarters", "authorities"};
  return s.count(w) > 0;
}

// Verbs whose coordinated subjects act on each other.

bool IsPreposition(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "with", "to", "for", "on", "of", "against", "about", "from", "into", "over", "between",
      "regarding", "at", "in", "out", "off", "up", "down", "by", "toward", "towards", "upon"};
  return s.count(w) > 0;
}

// Heads that name a difficulty: emphasising them is no support for them.
const std::unordered_set<std::string>& ProblemNouns() {
  static const std::unordered_set<std::string> s = {
      "challenge", "difficulty", "problem", "risk", "danger", "obstacle", "complexity", "complication",
      "threat", "concern", "urgency", "gravity", "fragility", "uncertainty", "tension", "divide", "gap",
      "failure", "weakness", "cost", "limit", "hurdle", "dilemma", "shortcoming", "flaw", "setback"};
  return s;
}
const std::unordered_set<std::string_view>& ListIntroducers() {
  static const std::unordered_set<std::string_view> s = {"like", "including", "includes", "include", "such", "as"};
  return s;
}

}  // namespace


bool IsSymmetric(std::string_view lemma) {
  static const std::unordered_set<std::string_view> s = {
      "agree", "meet", "talk", "negotiate", "consult", "cooperate", "collaborate", "clash", "fight", "reconcile"};
  return s.count(lemma) > 0;
}

std::string DocumentRun::VerbLemma(size_t t) const {
  if (!verb_lemma_[t].empty()) return verb_lemma_[t];
  verb_lemma_[t] = ComputeVerbLemma(t);
  return verb_lemma_[t];
}

std::string DocumentRun::NounLemma(size_t t) const {
  if (!noun_lemma_[t].empty()) return noun_lemma_[t];
  noun_lemma_[t] = ComputeNounLemma(t);
  return noun_lemma_[t];
}

std::string DocumentRun::ComputeVerbLemma(size_t t) const {
  std::string lower(Lower(t));
  if (x_.wordnet_) {
    std::string l = x_.wordnet_->Lemma(lower, WordClass::kVerb);
    if (x_.wordnet_->Has(l, WordClass::kVerb)) return l;
  }
  return RuleLemma(lower, WordClass::kVerb);
}

std::string DocumentRun::ComputeNounLemma(size_t t) const {
  std::string lower(Lower(t));
  if (x_.wordnet_) {
    if (x_.wordnet_->Has(lower, WordClass::kNoun) && lower.back() != 's') return lower;
    std::string l = x_.wordnet_->Lemma(lower, WordClass::kNoun);
    if (x_.wordnet_->Has(l, WordClass::kNoun)) return l;
  }
  return RuleLemma(lower, WordClass::kNoun);
}

void DocumentRun::Prepare() {
  const std::string& text = out_.doc.text;
  if (!out_.doc.tokens.empty()) {
    PretokenizedInput();
  } else {
    Tokenize(text, &toks_);
    SplitSentences(text, &toks_, &sents_);
  }
  words_.resize(toks_.size());
  for (size_t i = 0; i < toks_.size(); ++i) {
    std::string_view s = std::string_view(text).substr(toks_[i].begin, toks_[i].end - toks_[i].begin);
    bool ascii = true;
    for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
      words_[i] = s;
    } else {
      normalized_.push_back(NormalizeToken(s));
      words_[i] = normalized_.back();
    }
  }
  // Lower-case forms, once: the stages compare words many times.
  lower_arena_.clear();
  std::vector<std::pair<size_t, size_t>> ranges(toks_.size());
  for (size_t i = 0; i < toks_.size(); ++i) {
    ranges[i] = {lower_arena_.size(), words_[i].size()};
    for (char c : words_[i]) lower_arena_ += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  lower_.resize(toks_.size());
  for (size_t i = 0; i < toks_.size(); ++i)
    lower_[i] = std::string_view(lower_arena_).substr(ranges[i].first, ranges[i].second);
  actor_memo_.assign(toks_.size(), ActorMemo());
  title_memo_.assign(toks_.size(), TitleMemo());
  verb_lemma_.assign(toks_.size(), std::string());
  noun_lemma_.assign(toks_.size(), std::string());
  tags_.assign(toks_.size(), Pos::kX);
  std::vector<std::string_view> sentence_words;
  std::vector<Pos> sentence_tags;
  for (const auto& s : sents_) {
    sentence_words.assign(words_.begin() + s.first, words_.begin() + s.last);
    x_.tagger_->Tag(sentence_words, &sentence_tags);
    std::copy(sentence_tags.begin(), sentence_tags.end(), tags_.begin() + s.first);
  }
  // A capitalised word inside a sentence that no dictionary knows in any
  // part of speech is a name, whatever the tagger guessed ("Chinese leader
  // Xi Jinping" was read with "Jinping" as a verb, and the name was lost).
  if (x_.wordnet_) {
    for (const auto& s : sents_)
      for (size_t t = s.first + 1; t < s.last && !s.heading; ++t) {  // a heading capitalises every word
        Pos p = tags_[t];
        // (Not the tagger's adjectives: "Abrahamic", "Keplerian" are no names.)
        if ((p != Pos::kNoun && p != Pos::kVerb && p != Pos::kAdv) || !toks_[t].Has(kCapitalized) ||
            toks_[t].Has(kAllCaps) || toks_[t].Has(kHasDigit) || toks_[t - 1].Has(kPunct) || Lower(t).size() < 3)
          continue;
        std::string_view w = Lower(t);
        if (w.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos) continue;
        bool known = false;
        for (WordClass wc : {WordClass::kNoun, WordClass::kVerb, WordClass::kAdj, WordClass::kAdv})
          if (x_.wordnet_->Has(w, wc) || x_.wordnet_->Has(x_.wordnet_->Lemma(w, wc), wc)) known = true;
        // Lexicon words keep their tags: demonyms ("Emirati") stay modifiers.
        PhraseMatch pm;
        size_t tl;
        const TitleEntry* te;
        if (!known && !MatchActorAt(t, &pm) && !MatchTitleAt(t, &tl, &te)) tags_[t] = Pos::kPropn;
      }
  }
  // A capitalised word with letters beyond ASCII is no English function
  // word, whatever the tagger guessed: "Călin Georgescu" was read with
  // "Călin" as a preposition, and the name lost its first word.
  for (const auto& s : sents_)
    for (size_t t = s.first; t + 1 < s.last; ++t) {
      Pos p = tags_[t];
      if (p != Pos::kAdp && p != Pos::kDet && p != Pos::kPron && p != Pos::kCconj && p != Pos::kSconj &&
          p != Pos::kAux && p != Pos::kPart)
        continue;
      if (!toks_[t].Has(kCapitalized) || toks_[t].Has(kPunct)) continue;
      std::string_view w = words_[t];
      bool non_ascii = false;
      for (unsigned char c : w) non_ascii |= c >= 0x80;
      if (non_ascii && (tags_[t + 1] == Pos::kPropn || toks_[t + 1].Has(kCapitalized))) tags_[t] = Pos::kPropn;
    }
  // "Kim Jong-un", "Yoon Suk-yeol", "Moon Jae-in": a capitalised word
  // joined by a hyphen to a short lower-case syllable, right after a proper
  // noun, is the rest of the name (the tagger read "Jong-un" as a verb).
  for (const auto& s : sents_)
    for (size_t t = s.first + 1; t < s.last; ++t) {
      if (tags_[t] == Pos::kPropn || tags_[t - 1] != Pos::kPropn || !toks_[t].Has(kCapitalized)) continue;
      std::string_view w = words_[t];
      size_t dash = w.find('-');
      if (dash == std::string_view::npos || dash < 2 || dash > 5 || w.size() - dash - 1 < 1 || w.size() - dash - 1 > 4) continue;
      std::string_view tail = w.substr(dash + 1);
      if (tail.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos) continue;
      tags_[t] = Pos::kPropn;
    }
  // Names the statistical tagger finds: token -> end of the name it starts.
  name_end_.assign(toks_.size(), 0);
  name_type_.assign(toks_.size(), -1);
  if (x_.names_) {
    std::vector<NameSpan> spans;
    for (const auto& s : sents_) {
      // A sentence with no capital but its first letter, which opens a
      // function word ("The", "In", "After"), holds no name: not tagged.
      bool capital = false;
      for (size_t t = s.first + 1; t < s.last && !capital; ++t) capital = toks_[t].Has(kCapitalized);
      Pos p0 = tags_[s.first];
      if (!capital && (p0 == Pos::kDet || p0 == Pos::kAdp || p0 == Pos::kPron || p0 == Pos::kCconj ||
                       p0 == Pos::kSconj || p0 == Pos::kAdv || p0 == Pos::kAux || p0 == Pos::kPart))
        continue;
      sentence_words.assign(words_.begin() + s.first, words_.begin() + s.last);
      sentence_tags.assign(tags_.begin() + s.first, tags_.begin() + s.last);
      x_.names_->Tag(sentence_words, sentence_tags, &spans);
      for (const auto& sp : spans) {
        name_end_[s.first + sp.first] = static_cast<uint32_t>(s.first + sp.last);
        for (uint32_t t = sp.first; t < sp.last; ++t) name_type_[s.first + t] = static_cast<int8_t>(sp.type);
      }
    }
  }
  mention_at_.assign(toks_.size(), -1);
}

bool DocumentRun::MatchPrep(size_t after, size_t sent_last, const std::string& prep, size_t* end) const {
  if (prep.empty()) {
    *end = after;
    return true;
  }
  size_t k = after, b = 0;
  // An adverb may stand between: "calls repeatedly for".
  if (k < sent_last && Tag(k) == Pos::kAdv && Lower(k) != prep.substr(0, prep.find(' '))) ++k;
  while (b < prep.size()) {
    size_t e = prep.find(' ', b);
    std::string w = prep.substr(b, e == std::string::npos ? std::string::npos : e - b);
    // A noun of the phrase may carry modifiers: "restore full diplomatic
    // ties with", "expressed deep concern about".
    if (!IsPreposition(w)) {
      for (int skip = 0; skip < 4 && k < sent_last && Lower(k) != w &&
                         (Tag(k) == Pos::kDet || Tag(k) == Pos::kAdj || Tag(k) == Pos::kAdv || Tag(k) == Pos::kNum ||
                          Lower(k) == "," ||
                          (Tag(k) == Pos::kNoun && k + 1 < sent_last && Lower(k + 1).rfind(w.substr(0, w.size() - 1), 0) == 0));
           ++skip)
        ++k;
      // The plural or singular of the noun: "ties" for "tie".
      if (k < sent_last && Lower(k) != w && (Lower(k) == w + "s" || std::string(Lower(k)) + "s" == w)) {
        ++k;
        b = e == std::string::npos ? prep.size() : e + 1;
        continue;
      }
    }
    if (k >= sent_last || Lower(k) != w) return false;
    ++k;
    b = e == std::string::npos ? prep.size() : e + 1;
  }
  *end = k;
  return true;
}

// The first entry (longest preposition first) whose preposition follows t.
const RelationEntry* DocumentRun::FirstWithPrep(const std::vector<RelationEntry>* list, size_t t,
                                                size_t sent_last, size_t* obj_start) const {
  if (!list) return nullptr;
  for (const auto& r : *list) {
    size_t end;
    if (MatchPrep(t + 1, sent_last, r.prep, &end)) {
      *obj_start = end;
      return &r;
    }
  }
  return nullptr;
}

const RelationEntry* DocumentRun::VerbTrigger(size_t t, size_t sent_last, size_t* obj_start) const {
  if (Tag(t) != Pos::kVerb) return nullptr;
  return FirstWithPrep(lex_.Relations(VerbLemma(t), false), t, sent_last, obj_start);
}

const RelationEntry* DocumentRun::NounTrigger(size_t t, size_t sent_last, size_t* obj_start) const {
  if (Tag(t) != Pos::kNoun) return nullptr;
  std::string lemma = NounLemma(t);
  const auto* list = lex_.Relations(lemma, true);
  if (!list) {
    std::string_view lower = Lower(t);
    if (lower != lemma) list = lex_.Relations(lower, true);
  }
  return FirstWithPrep(list, t, sent_last, obj_start);
}

bool DocumentRun::Negated(size_t verb, size_t sent_first) const {
  for (size_t k = verb; k > sent_first && verb - k < 4;) {
    --k;
    std::string_view w = Lower(k);
    if (Negators().count(w)) return true;
    if (Tag(k) != Pos::kAux && Tag(k) != Pos::kAdv && Tag(k) != Pos::kPart) break;
  }
  return false;
}

bool DocumentRun::Intent(size_t verb, size_t sent_first) const {
  static const std::unordered_set<std::string_view> kModal = {"will", "'ll", "shall", "would"};
  static const std::unordered_set<std::string_view> kBefore = {
      "plan", "plans", "planned", "planning", "intend", "intends", "intended", "set", "expected",
      "going", "agreed", "agree", "agrees", "offered", "offer", "offers", "promised", "promise",
      "vowed", "pledged", "wants", "want", "hopes", "hope", "due", "scheduled"};
  for (size_t k = verb; k > sent_first && verb - k < 4;) {
    --k;
    std::string_view w = Lower(k);
    if (kModal.count(w)) return true;
    if (w == "to" && k > sent_first && kBefore.count(Lower(k - 1))) return true;
    if (Tag(k) != Pos::kAdv && Tag(k) != Pos::kAux && Tag(k) != Pos::kPart && w != "be") return false;
  }
  return false;
}

bool DocumentRun::Passive(size_t verb, size_t sent_first) const {
  std::string_view w = Lower(verb);
  bool participle = w.size() > 2 && (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 2, 2, "en") == 0 ||
                                     w == "met" || w == "held" || w == "sought" || w == "fought" || w == "struck" || w == "shot");
  if (!participle) return false;
  for (size_t k = verb; k > sent_first && verb - k < 4;) {
    --k;
    std::string_view a = Lower(k);
    if (IsBe(a) && (Tag(k) == Pos::kAux || Tag(k) == Pos::kVerb)) return true;
    if (Tag(k) != Pos::kAdv && Tag(k) != Pos::kAux && Tag(k) != Pos::kPart) return false;
  }
  return false;
}

// Mentions coordinated with m to its left: "Zelensky and Macron", "A, B and C".
std::vector<int> DocumentRun::Coordinated(int m, size_t sent_first) {
  std::vector<int> out = {m};
  // An item may start with a determiner and adjectives: "Fornost and the
  // awful Gondor".
  auto item_start = [&](size_t first) {
    while (first > sent_first + 1 && mention_at_[first - 1] < 0 &&
           (Tag(first - 1) == Pos::kDet || Tag(first - 1) == Pos::kAdj))
      --first;
    // A lower-case word the tagger read as a noun, between an article and
    // the name, modifies it too: "and the evil awful Gondor".
    size_t k = first;
    while (k > sent_first + 1 && first - k < 4 && mention_at_[k - 1] < 0 && !IsCap(k - 1) &&
           (Tag(k - 1) == Pos::kDet || Tag(k - 1) == Pos::kAdj || Tag(k - 1) == Pos::kNoun)) {
      --k;
      if (Tag(k) == Pos::kDet) {
        first = k;
        break;
      }
    }
    return first;
  };
  size_t k = item_start(mentions_[m].first);
  while (k > sent_first + 1) {
    std::string_view link = Lower(k - 1);
    if (link != "and" && link != "," && link != "or") break;
    bool serial = false;
    if (link == "and" && k > sent_first + 2 && Lower(k - 2) == ",") {
      --k;  // "A, B, and C"
      serial = true;
    }
    int prev = mention_at_[k - 2];
    if (prev < 0 || mentions_[prev].modifier || mentions_[prev].entity < 0) break;
    // ", and" joins a list only when a comma also stands before the item:
    // "in Ukraine, and Fico called" joins two clauses, not two actors.
    const size_t prev_start = item_start(mentions_[prev].first);
    if (serial && !(prev_start > sent_first && Lower(prev_start - 1) == ",")) break;
    out.push_back(prev);
    k = prev_start;
  }
  return out;
}

// Subjects of the verb at `verb`: the nearest actor to its left that is not
// inside a prepositional phrase, with those coordinated with it; through a
// relative pronoun to its antecedent; through "like"/"including" lists to
// their members.
std::vector<int> DocumentRun::Subjects(size_t verb, size_t sent_first, bool* through_clause, bool* pronoun) {
  *through_clause = false;
  *pronoun = false;
  size_t k = verb;
  int steps = 0;
  while (k > sent_first && steps < 25) {
    --k;
    ++steps;
    std::string_view w = Lower(k);
    if (w == ";" || w == ":") break;
    if (w == "that" || w == "which" || w == "who" || w == "whom") {
      size_t a = k;
      if (a > sent_first && Lower(a - 1) == ",") --a;
      if (a > sent_first && mention_at_[a - 1] >= 0 && mentions_[mention_at_[a - 1]].entity >= 0 &&
          !mentions_[mention_at_[a - 1]].modifier) {
        // "Starmer, who advocates ...": the antecedent.
        return Coordinated(mention_at_[a - 1], sent_first);
      }
      if (a > sent_first && (Tag(a - 1) == Pos::kNoun || Tag(a - 1) == Pos::kPropn || Tag(a - 1) == Pos::kNum))
        return {};  // "an agreement that prioritizes ...": the subject is no actor
      *through_clause = true;  // "emphasize that ...": reported speech
      continue;
    }
    if (w == "whether" || w == "because" || w == "if") *through_clause = true;
    int m = mention_at_[k];
    if (m < 0) {
      // An unresolved subject pronoun ("they", "it") is the subject: no actor.
      if (Tag(k) == Pos::kPron && (w == "they" || w == "it" || w == "we" || w == "i" || w == "you" ||
                                   w == "he" || w == "she" || w == "this" || w == "these"))
        return {};
      continue;
    }
    const Mention& mm = mentions_[m];
    k = mm.first;
    if (mm.entity < 0 || mm.modifier) continue;
    if (mm.possessive) {
      // "Ukraine's sovereignty", "Putin and Trump's negotiations": possessors
      // are not the subject.
      for (int c : Coordinated(m, sent_first)) k = std::min<size_t>(k, mentions_[c].first);
      continue;
    }
    // "the US approach": a name used as a noun modifier.
    if (mm.last < verb && Tag(mm.last) == Pos::kNoun && mention_at_[mm.last] < 0) continue;
    std::vector<int> group = Coordinated(m, sent_first);
    size_t left = mm.first;
    for (int c : group) left = std::min<size_t>(left, mentions_[c].first);
    // What stands before the (leftmost) mention, past an article?
    size_t b = left;
    while (b > sent_first && (Tag(b - 1) == Pos::kDet || Tag(b - 1) == Pos::kAdj || Tag(b - 1) == Pos::kNum) &&
           left - b < 3)
      --b;
    if (b > sent_first) {
      std::string_view before = Lower(b - 1);
      bool introducer = ListIntroducers().count(before) ||
                        (before == "," && b > sent_first + 1 && ListIntroducers().count(Lower(b - 2)));
      if (introducer) {
        // "Leaders like Zelensky and Macron emphasize": the members speak.
        size_t e = mm.last;
        while (e + 1 < verb) {
          std::string_view link = Lower(e);
          if (link != "and" && link != ",") break;
          int next = mention_at_[e + 1];
          if (next < 0 || mentions_[next].entity < 0) break;
          if (std::find(group.begin(), group.end(), next) == group.end()) group.push_back(next);
          e = mentions_[next].last;
        }
        return group;
      }
      if (Tag(b - 1) == Pos::kAdp && before != "like") {
        k = left;  // "of X", "with X and Y", "by X": not the subject; look further left
        continue;
      }
    }
    *pronoun = mm.pronoun;
    return group;
  }
  return {};
}

bool DocumentRun::IssuePhrase(size_t from, size_t sent_last, Target* target, size_t* end) {
  size_t k = from;
  std::string possessor;
  // Skip determiners, possessors, light nouns and carrier verbs: "the
  // importance of maintaining Ukraine's sovereignty" is about sovereignty,
  // "Ukraine's right to maintain its territorial integrity" about integrity.
  for (int guard = 0; guard < 12 && k < sent_last; ++guard) {
    std::string_view w = Lower(k);
    Pos t = Tag(k);
    if (mention_at_[k] >= 0 && mentions_[mention_at_[k]].possessive && !mentions_[mention_at_[k]].pronoun) {
      const Mention& pm = mentions_[mention_at_[k]];
      if (pm.entity >= 0) possessor = entities_[pm.entity].e.label;
      k = pm.last;
      if (k < sent_last && words_[k] == "'s") ++k;
      continue;
    }
    if (t == Pos::kPron && (w == "its" || w == "their" || w == "our" || w == "his" || w == "her")) {
      if (mention_at_[k] >= 0 && mentions_[mention_at_[k]].entity >= 0 && possessor.empty())
        possessor = entities_[mentions_[mention_at_[k]].entity].e.label;
      ++k;
      continue;
    }
    if (t == Pos::kDet || t == Pos::kAdv || w == "to" || t == Pos::kPart || (t == Pos::kAdj && (w == "any" || w == "such"))) {
      ++k;
      continue;
    }
    if (t == Pos::kNoun && LightNouns().count(w) && k + 1 < sent_last && (Lower(k + 1) == "of" || Lower(k + 1) == "for" || Lower(k + 1) == "to")) {
      k += 2;
      continue;
    }
    if ((t == Pos::kVerb || t == Pos::kNoun) && CarrierVerbs().count(VerbLemma(k)) && w.size() > 3 &&
        (w.compare(w.size() - 3, 3, "ing") == 0 || (k > from && Lower(k - 1) == "to"))) {
      if (k + 1 < sent_last && (Lower(k + 1) == "that" || Lower(k + 1) == "whether")) return false;
      ++k;
      continue;
    }
    break;
  }
  // A gerund with an actor object: "Ukraine joining NATO" -> "NATO membership".
  size_t g = k;
  std::string subject_of_gerund;
  if (g < sent_last && mention_at_[g] >= 0 && mentions_[mention_at_[g]].entity >= 0) {
    size_t after = mentions_[mention_at_[g]].last;
    if (after < sent_last && Tag(after) == Pos::kVerb && Lower(after).size() > 3 &&
        Lower(after).compare(Lower(after).size() - 3, 3, "ing") == 0) {
      subject_of_gerund = entities_[mentions_[mention_at_[g]].entity].e.label;
      g = after;
    }
  }
  if (g < sent_last && Tag(g) == Pos::kVerb) {
    std::string_view w = Lower(g);
    if (w.size() > 3 && w.compare(w.size() - 3, 3, "ing") == 0) {
      std::string lemma = VerbLemma(g);
      size_t o = g + 1;
      while (o < sent_last && (Tag(o) == Pos::kDet || Tag(o) == Pos::kAdj)) ++o;
      if (o < sent_last && mention_at_[o] >= 0 && mentions_[mention_at_[o]].entity >= 0) {
        const auto& obj = entities_[mentions_[mention_at_[o]].entity].e;
        if (lemma == "join" || lemma == "enter") {
          target->issue = obj.label + " membership";
        } else {
          std::string noun;
          if (x_.wordnet_) {
            for (const auto& n : x_.wordnet_->RelatedNouns(lemma)) {
              if (n.size() > lemma.size() && n.find(' ') == std::string::npos &&
                  n.compare(0, std::min<size_t>(4, lemma.size()), lemma, 0, std::min<size_t>(4, lemma.size())) == 0) {
                noun = n;
                break;
              }
            }
          }
          target->issue = (noun.empty() ? std::string(w) : noun) + " of " + obj.label;
        }
        target->possessor = subject_of_gerund;
        *end = mentions_[mention_at_[o]].last;
        return true;
      }
    }
  }
  // The noun phrase itself: [possessor 's] (ADJ|NOUN|PROPN)* NOUN [of NP].
  size_t b = k;
  size_t e = b;
  size_t head = 0;
  bool has_head = false;
  while (e < sent_last) {
    Pos t = Tag(e);
    bool in_mention = mention_at_[e] >= 0;
    if (t == Pos::kAdj || t == Pos::kNoun || t == Pos::kPropn || t == Pos::kNum ||
        (t == Pos::kVerb && e + 1 < sent_last && Tag(e + 1) == Pos::kNoun && Lower(e).size() > 3 &&
         (Lower(e).compare(Lower(e).size() - 2, 2, "ed") == 0))) {
      if (in_mention && !mentions_[mention_at_[e]].modifier && !(e + 1 < sent_last && (Tag(e + 1) == Pos::kNoun))) {
        // An actor as the whole phrase ends the issue here.
        if (e == b) return false;
        break;
      }
      if (t == Pos::kNoun || t == Pos::kPropn) {
        head = e;
        has_head = true;
      }
      ++e;
      continue;
    }
    if (has_head && Lower(e) == "of" && e + 1 < sent_last &&
        (Tag(e + 1) == Pos::kAdj || Tag(e + 1) == Pos::kNoun || (Tag(e + 1) == Pos::kDet && e + 2 < sent_last))) {
      // "control of eastern territories": keep one "of" complement.
      size_t f = e + 1;
      if (Tag(f) == Pos::kDet) ++f;
      size_t g2 = f;
      while (g2 < sent_last && (Tag(g2) == Pos::kAdj || Tag(g2) == Pos::kNoun || Tag(g2) == Pos::kPropn)) ++g2;
      if (g2 > f && Tag(g2 - 1) != Pos::kAdj) {
        e = g2;
        break;
      }
    }
    break;
  }
  if (!has_head) return false;
  // Trim trailing adjectives (a head noun ends the phrase).
  size_t last = head + 1 > e ? e : e;
  if (Tag(last - 1) == Pos::kAdj) last = head + 1;
  std::string label;
  for (size_t w = b; w < last; ++w) {
    if (Tag(w) == Pos::kDet) continue;
    std::string_view s = Surface(w);
    std::string piece(s);
    if (w == head || (w + 1 == last && Tag(w) == Pos::kNoun)) {
      // Singular head: "guarantees" and "guarantee" are one issue; not for
      // nouns whose plural means something else ("talks", "ties").
      std::string lemma = NounLemma(w);
      if (!IsCap(w) && !lemma.empty() && !PluralOnly(Lower(w))) piece = lemma;
    } else if (IsCap(w) && !toks_[w].Has(kAllCaps) && mention_at_[w] < 0 && Tag(w) != Pos::kPropn) {
      piece = LowerAscii(piece);
    }
    if (!label.empty()) label += ' ';
    label += piece;
  }
  if (label.empty()) return false;
  // Generic heads alone are no issue.
  static const std::unordered_set<std::string> kVague = {"thing", "way", "part", "time", "one", "lot",
                                                         "kind", "sort", "fact", "side", "term", "it"};
  if (kVague.count(label)) return false;
  target->issue = label;
  target->possessor = possessor.empty() ? subject_of_gerund : possessor;
  *end = last;
  // "condemned an attack by Osgiliath soldiers": the agent of the act is
  // an object too (when the relation is against it; see Objects).
  size_t p = last;
  if (p + 1 < sent_last && Lower(p) == "by") {
    size_t q = p + 1;
    if (Tag(q) == Pos::kDet) ++q;
    if (q < sent_last && mention_at_[q] >= 0 && mentions_[mention_at_[q]].entity >= 0 &&
        !mentions_[mention_at_[q]].modifier && !mentions_[mention_at_[q]].possessive) {
      target->about = mention_at_[q];
      *end = mentions_[mention_at_[q]].last;
    }
  }
  return true;
}

void DocumentRun::Objects(size_t from, size_t sent_last, std::vector<Target>* targets) {
  size_t k = from;
  while (k < sent_last && (Tag(k) == Pos::kAdv || Tag(k) == Pos::kDet) && mention_at_[k] < 0) ++k;
  for (int items = 0; items < 6 && k < sent_last; ++items) {
    int m = mention_at_[k];
    Target t;
    size_t end = k;
    if (items > 0 && m >= 0 && mentions_[m].last < sent_last &&
        (Tag(mentions_[m].last) == Pos::kVerb || Tag(mentions_[m].last) == Pos::kAux))
      break;  // "..., and Ukrainian Prime Minister X said": a new clause
    if (m >= 0 && mentions_[m].entity >= 0 && !mentions_[m].modifier && !mentions_[m].possessive &&
        !(mentions_[m].last < sent_last && Tag(mentions_[m].last) == Pos::kNoun && mention_at_[mentions_[m].last] < 0) &&
        !(mentions_[m].last < sent_last && Tag(mentions_[m].last) == Pos::kVerb &&
          Lower(mentions_[m].last).size() > 3 && Lower(mentions_[m].last).compare(Lower(mentions_[m].last).size() - 3, 3, "ing") == 0)) {
      t.mention = m;
      end = mentions_[m].last;
    } else if (!IssuePhrase(k, sent_last, &t, &end)) {
      break;
    }
    targets->push_back(t);
    if (t.about >= 0 && negative_) {
      Target actor;
      actor.mention = t.about;
      targets->push_back(actor);
    }
    // Coordination: "X and Y", "X, Y and Z".
    if (end < sent_last && (Lower(end) == "and" || Lower(end) == "," || Lower(end) == "or")) {
      size_t n = end + 1;
      if (Lower(end) == "," && n < sent_last && Lower(n) == "and" && targets->back().mention >= 0) break;
      if (n < sent_last && Lower(n) == "and") ++n;
      // Do not cross into a new clause: "X, and Y said ..." stops at a verb.
      if (n < sent_last && (Tag(n) == Pos::kVerb || Tag(n) == Pos::kAux || Tag(n) == Pos::kPron || Tag(n) == Pos::kSconj)) break;
      k = n;
      continue;
    }
    break;
  }
}

std::vector<int> DocumentRun::MembersOf(int e) const {
  if (e >= 0 && !entities_[e].members.empty()) return entities_[e].members;
  return {e};
}

void DocumentRun::Emit(int subject_mention, const Target& target, const RelationEntry& r, bool negated,
                       float confidence, uint32_t sentence) {
  int se = mentions_[subject_mention].entity;
  if (se < 0) return;
  int oe = target.mention >= 0 ? mentions_[target.mention].entity : -1;
  if (target.mention >= 0 && (oe < 0 || oe == se)) return;
  // A place does not attack or arrest ("strikes targeting ... Sumy Oblast
  // kill five" read with the place as the subject).
  if ((r.cls == "ASSAULT" || r.cls == "COERCE") && entities_[se].e.category == "location") return;

  if (const TreeLexicon* tl = x_.tree_lex_.get()) {
    const std::string& head = r.head.empty() ? r.lemma : r.head;
    // Verbs of actors only ("blasted Biden", not "blasted sacred sites");
    // of people only ("elect": not a body or an office, however the
    // relation was reached: "vote to elect the members of X").
    if (target.mention < 0 && tl->In("actor_target", head)) return;
    if (tl->In("person_target", head) && (oe < 0 || entities_[oe].e.category != "person")) return;
  }
  // An actor with a compound code acts as each of its members.
  for (int s : MembersOf(se))
    for (int o : MembersOf(oe)) EmitEntities(s, o, target, r, negated, confidence, sentence);
}

void DocumentRun::EmitEntities(int se, int oe, const Target& target, const RelationEntry& r, bool negated,
                               float confidence, uint32_t sentence) {
  graph::Relation rel;
  rel.subject = entities_[se].e.id;
  if (entities_[se].facility) return;  // a building does not act
  if (target.mention >= 0 && oe >= 0 && entities_[oe].facility && r.cls != "ASSAULT" && r.cls != "COERCE") {
    // "pledged to convert Hagia Sophia": a building is what the stance is
    // about (a building struck stays the place struck).
    Target as_issue;
    as_issue.issue = entities_[oe].e.label;
    EmitEntities(se, -1, as_issue, r, negated, confidence, sentence);
    return;
  }
  if (target.mention >= 0) {
    if (oe < 0 || oe == se) return;
    if (issues_only_ && r.code.empty()) return;  // the verb dictionary's to say
    // "speaking to Reuters", "told the BBC": an interview, no meeting.
    if (r.cls == "CONSULT" && entities_[oe].known) {
      int entry = lex_.FindActorByLabel(entities_[oe].e.label);
      if (entry >= 0 && lex_.actor(entry).media) return;
    }
    rel.object = entities_[oe].e.id;
  } else {
    rel.object = graph::EntityId(graph::EntityKind::kIssue, target.issue);
    if (!entity_index_.count(rel.object)) {
      LocalEntity le;
      le.e.id = rel.object;
      le.e.kind = graph::EntityKind::kIssue;
      le.e.label = target.issue;
      entities_.push_back(std::move(le));
      entity_index_.emplace(rel.object, static_cast<int>(entities_.size() - 1));
    }
    entities_[entity_index_.at(rel.object)].e.mentions++;
  }
  rel.lemma = r.lemma;
  rel.cls = r.cls;
  rel.mode = r.mode;
  rel.code = r.code;
  rel.negated = negated;
  rel.polarity = negated ? -r.polarity : r.polarity;
  rel.confidence = confidence;
  rel.sentence = sentence;
  rel.evidence = Span{sents_[sentence].begin, sents_[sentence].end};
  rel.qualifier = target.possessor;
  if (r.mode == "emphasis" && target.mention < 0) {
    // "underscore the challenges" is no stance for challenges.
    size_t sp = target.issue.rfind(' ');
    std::string head = sp == std::string::npos ? target.issue : target.issue.substr(sp + 1);
    if (ProblemNouns().count(head)) return;
  }
  auto key = std::make_tuple(se, rel.object, rel.cls, rel.polarity, sentence);
  if (!emitted_.insert(key).second) return;
  out_.relations.push_back(std::move(rel));
}

// Subjects of an active verb, through VP coordination: "X condemned the
// attack and promised aid" gives the second verb the first one's subject.
// False when the verb has no subject of its own to say ("by positioning X
// and offering Y").
bool DocumentRun::ActiveSubjects(size_t t, size_t sent_first, std::vector<int>* subjects, bool* through,
                                 bool* pronoun) {
  size_t before = t;
  while (before > sent_first && (Tag(before - 1) == Pos::kAdv || Tag(before - 1) == Pos::kAux)) --before;
  size_t prev_verb = before;
  if (before > sent_first && (Lower(before - 1) == "and" || Lower(before - 1) == "but")) {
    prev_verb = before - 1;
    while (prev_verb > sent_first && Tag(prev_verb - 1) != Pos::kVerb) --prev_verb;
  }
  if (prev_verb < before && prev_verb > sent_first) {
    std::string_view pv = Lower(prev_verb - 1);
    if (pv.size() > 4 && pv.compare(pv.size() - 3, 3, "ing") == 0 && prev_verb - 1 > sent_first &&
        Tag(prev_verb - 2) == Pos::kAdp)
      return false;
    *subjects = Subjects(prev_verb - 1, sent_first, through, pronoun);
  } else {
    *subjects = Subjects(t, sent_first, through, pronoun);
  }
  return true;
}

// The agent of a passive verb: the mention after "by" within four words of
// from, the word after the verb ("was criticised [heavily] by Y"), or -1.
int DocumentRun::PassiveAgent(size_t from, size_t sent_last) const {
  for (size_t by = from; by < sent_last && by - from < 4; ++by)
    if (Lower(by) == "by") return by + 1 < sent_last ? mention_at_[by + 1] : -1;
  return -1;
}

// The sentence as a user verb dictionary's patterns see it.
const PatternSentence& DocumentRun::PatternView(const SentenceBounds& s) {
  if (pattern_first_ == s.first && pattern_last_ == s.last) return pattern_;
  pattern_first_ = s.first;
  pattern_last_ = s.last;
  const size_t n = s.last - s.first;
  pattern_.words.assign(n, {});
  pattern_.actor_end.assign(n, 0);
  pattern_.actor_first.assign(n, -1);
  pattern_.phrase_end.assign(n, 0);
  for (size_t i = 0; i < n; ++i) pattern_.words[i] = Lower(s.first + i);
  for (size_t i = 0; i < n; ++i) {
    int m = mention_at_[s.first + i];
    if (m < 0 || mentions_[m].entity < 0 || entities_[mentions_[m].entity].e.kind != graph::EntityKind::kActor)
      continue;
    if (mentions_[m].first == s.first + i) pattern_.actor_end[i] = static_cast<uint32_t>(mentions_[m].last - s.first);
    pattern_.actor_first[i] = static_cast<int32_t>(mentions_[m].first - s.first);
  }
  // Noun phrases: determiners, possessors, adjectives, numbers, nouns and
  // names, holding at least one noun or name.
  for (size_t i = 0; i < n; ++i) {
    size_t k = s.first + i;
    bool noun = false;
    while (k < s.last) {
      Pos p = Tag(k);
      if (mention_at_[k] >= 0 || p == Pos::kNoun || p == Pos::kPropn) {
        noun = true;
      } else if (!(p == Pos::kDet || p == Pos::kAdj || p == Pos::kNum || words_[k] == "'s" ||
                   (p == Pos::kPron && (Lower(k) == "their" || Lower(k) == "its" || Lower(k) == "his" ||
                                        Lower(k) == "her" || Lower(k) == "our")))) {
        break;
      }
      ++k;
    }
    if (noun) pattern_.phrase_end[i] = static_cast<uint32_t>(k - s.first);
  }
  return pattern_;
}

// Actor mentions after a verb in its own clause: the first one and those
// coordinated with it ("with Mordor, Rohan and Bree").
std::vector<int> DocumentRun::ActorsAfter(size_t from, size_t sent_last) const {
  std::vector<int> out;
  for (size_t k = from; k < sent_last; ++k) {
    std::string_view w = Lower(k);
    if (Tag(k) == Pos::kSconj || w == ";" || w == ":" || w == "who" || w == "which" || w == "said" ||
        w == "says" || w == "told" || w == "reported" || w == "according")
      break;
    int m = mention_at_[k];
    if (m < 0 || mentions_[m].entity < 0 || mentions_[m].pronoun ||
        entities_[mentions_[m].entity].e.kind != graph::EntityKind::kActor)
      continue;
    out.push_back(m);
    size_t end = mentions_[m].last;
    while (end + 1 < sent_last && (Lower(end) == "and" || Lower(end) == "," || Lower(end) == "or")) {
      size_t n = end + 1;
      if (n < sent_last && Lower(n) == "and") ++n;
      while (n < sent_last && Tag(n) == Pos::kDet) ++n;
      if (n >= sent_last || mention_at_[n] < 0 || mentions_[mention_at_[n]].entity < 0) break;
      out.push_back(mention_at_[n]);
      end = mentions_[mention_at_[n]].last;
    }
    break;
  }
  return out;
}

// Events from the user's verb dictionary for the verb at t. Returns false
// when the dictionary does not know the verb (the built-in relation
// lexicon then decides alone); true when it does, even if its code is no
// event ("---"): actor-to-actor relations of this verb are then the
// dictionary's alone.
bool DocumentRun::DictionaryEvents(const SentenceBounds& s, uint32_t index, size_t t) {
  const VerbDictionary& dict = *x_.verbs_;
  const PatternSentence& view = PatternView(s);
  long chosen = -1;
  size_t first = 0, last = 0;
  // The forms written at token u whose words cover t.
  auto choose = [&](size_t u) {
    const std::vector<uint32_t>* forms = dict.FormsOf(Lower(u));
    if (!forms && u == t) forms = dict.FormsOf(VerbLemma(t));
    if (!forms) return;
    for (uint32_t f : *forms) {
      size_t b, e;
      if (dict.FormAt(f, view, u - s.first, &b, &e) && b <= t - s.first && t - s.first < e &&
          (chosen < 0 || e - b > last - first)) {
        chosen = f;
        first = b;
        last = e;
      }
    }
  };
  choose(t);
  // A multi-word verb whose inflected word the tagger read as another part
  // of speech next to the verb it found: "will not wire tap" ("WIRE_+TAP",
  // with "wire" tagged as the verb and "tap" as a noun).
  if (chosen < 0 && t + 1 < s.last && Tag(t + 1) != Pos::kVerb) choose(t + 1);
  if (chosen < 0 && t > s.first && Tag(t - 1) != Pos::kVerb) choose(t - 1);
  if (chosen < 0) return false;
  VerbMatch match = dict.Match(static_cast<uint32_t>(chosen), view, first, last);
  std::string code = match.code, reverse;
  if (size_t colon = code.find(':'); colon != std::string::npos) {
    reverse = code.substr(colon + 1);
    code.erase(colon);
  }
  RelationEntry entry;
  entry.cls = CameoToPlover(code);
  if (entry.cls.empty()) return true;  // "---", statements, appeals: no event
  // The lemma: the form's words with the verb word lemmatised ("break down").
  const VerbForm& form = dict.form(static_cast<uint32_t>(chosen));
  for (size_t k = 0; k < form.words.size(); ++k) {
    if (!entry.lemma.empty()) entry.lemma += ' ';
    entry.lemma += k == form.verb ? VerbLemma(s.first + first + k) : form.words[k];
  }
  entry.polarity = PloverPolarity(entry.cls);
  entry.code = code;

  bool through = false, pronoun = false;
  std::vector<int> subjects, targets;
  const size_t verb_first = s.first + first, verb_last = s.first + last;
  if (match.source >= 0) {
    subjects = {mention_at_[s.first + match.source]};
  } else if (Passive(t, s.first)) {
    if (int agent = PassiveAgent(verb_last, s.last); agent >= 0) {
      subjects = {agent};
      targets = Subjects(verb_first, s.first, &through, &pronoun);
    }
  } else if (!ActiveSubjects(verb_first, s.first, &subjects, &through, &pronoun)) {
    return true;
  }
  if (match.target >= 0) {
    targets = {mention_at_[s.first + match.target]};
  } else if (match.compound && subjects.size() >= 2) {
    targets = subjects;
  } else if (targets.empty()) {
    targets = ActorsAfter(verb_last, s.last);
  }
  // A pattern that says the negation itself ("NOT * RELATIONS [112]")
  // already coded it.
  bool negated = Negated(verb_first, s.first);
  if (match.pattern)
    for (const auto* side : {&match.pattern->before, &match.pattern->after})
      for (const auto& e : *side)
        for (const auto& w : e.words) negated &= !Negators().count(w);
  const float conf = (match.pattern ? 0.85f : 0.75f) - (through ? 0.2f : 0.0f) - (pronoun ? 0.1f : 0.0f);
  RelationEntry back = entry;
  if (!reverse.empty()) {
    back.cls = CameoToPlover(reverse);
    back.polarity = PloverPolarity(back.cls);
    back.code = reverse;
  }
  for (int sm : subjects)
    for (int tm : targets) {
      if (sm == tm || mentions_[sm].entity == mentions_[tm].entity) continue;
      Target tg;
      tg.mention = tm;
      Emit(sm, tg, entry, negated, conf, index);
      if (!reverse.empty() && !back.cls.empty()) {
        Target src;
        src.mention = sm;
        Emit(tm, src, back, negated, conf, index);
      }
    }
  return true;
}

void DocumentRun::FindRelations(const SentenceBounds& s, uint32_t index) {
  if (s.heading) return;
  for (size_t t = s.first; t < s.last; ++t) {
    size_t obj_start;
    // A user verb dictionary decides the actor-to-actor events of the
    // verbs it knows; the built-in lexicon still finds their issues.
    issues_only_ = x_.verbs_ && Tag(t) == Pos::kVerb && DictionaryEvents(s, index, t);
    const RelationEntry* r = VerbTrigger(t, s.last, &obj_start);
    if (r && t > s.first) {
      std::string_view w = Lower(t);
      bool ing = w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
      bool ed = w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
      Pos before = Tag(t - 1);
      // "fined for helping Russia": whose help is not said here.
      if (ing && (before == Pos::kAdp || before == Pos::kSconj)) continue;
      // "any proposed agreements": a participle used as an adjective.
      if (ed && (before == Pos::kDet || before == Pos::kAdj) && t + 1 < s.last && Tag(t + 1) == Pos::kNoun) continue;
      // "an agreement favoring X": the noun is its subject, no actor.
      if ((ing || ed) && before == Pos::kNoun && mention_at_[t - 1] < 0 && !Passive(t, s.first)) continue;
    }
    if (r) {
      bool through = false, pronoun = false;
      bool negated = Negated(t, s.first);
      std::vector<int> subjects;
      std::vector<Target> objects;
      if (Passive(t, s.first)) {
        // "X was criticised by Y": Y is the subject, X the object.
        if (int agent = PassiveAgent(t + 1, s.last); agent >= 0) {
          subjects = {agent};
          std::vector<int> left = Subjects(t, s.first, &through, &pronoun);
          for (int m : left) {
            Target tg;
            tg.mention = m;
            objects.push_back(tg);
          }
        } else {
          continue;
        }
      } else {
        if (!ActiveSubjects(t, s.first, &subjects, &through, &pronoun)) continue;
        negative_ = r->polarity < 0;
        Objects(obj_start, s.last, &objects);
      }
      float conf = 0.9f;
      if (through) conf -= 0.2f;
      if (pronoun) conf -= 0.1f;
      const RelationEntry* rel = r;
      RelationEntry intent;
      if (r->cls == "CONSULT" && Intent(t, s.first)) {
        // "will meet", "is set to meet": a planned meeting stays CONSULT
        // (users ask "whom does Putin meet?"), marked as intended.
        intent = *r;
        intent.mode = "intent";
        rel = &intent;
      }
      for (int sm : subjects)
        for (const auto& o : objects) Emit(sm, o, *rel, negated, conf, index);
      // "Chile and Peru agree", "Chile and Peru met": a mutual relation
      // between the coordinated subjects when no actor is the object.
      bool actor_object = false;
      for (const auto& o : objects) actor_object |= o.mention >= 0;
      if (subjects.size() >= 2 && !actor_object && r->prep.empty() && IsSymmetric(r->head)) {
        for (int a : subjects)
          for (int b : subjects) {
            if (a == b) continue;
            Target tg;
            tg.mention = b;
            Emit(a, tg, *rel, negated, conf - 0.1f, index);
          }
      }
      continue;
    }
    r = NounTrigger(t, s.last, &obj_start);
    if (!r) continue;
    // The noun's subject: a possessor ("Russia's resistance to"), a demonym
    // before it ("Russian demands"), "of X" after a noun without preposition,
    // or the subject of a light verb ("expressed concerns regarding").
    std::vector<int> subjects;
    size_t k = t;
    while (k > s.first && (Tag(k - 1) == Pos::kAdj || Tag(k - 1) == Pos::kAdv) && mention_at_[k - 1] < 0) --k;
    bool pronoun = false, through = false;
    if (k > s.first && words_[k - 1] == "'s" && k >= 2 && mention_at_[k - 2] >= 0) {
      subjects = {mention_at_[k - 2]};
    } else if (k > s.first && mention_at_[k - 1] >= 0 && (mentions_[mention_at_[k - 1]].possessive || mentions_[mention_at_[k - 1]].modifier || mentions_[mention_at_[k - 1]].pronoun)) {
      subjects = {mention_at_[k - 1]};
      pronoun = mentions_[mention_at_[k - 1]].pronoun;
    } else {
      size_t v = k;
      while (v > s.first && (Tag(v - 1) == Pos::kDet || Tag(v - 1) == Pos::kAdj || Tag(v - 1) == Pos::kNum)) --v;
      if (v > s.first && Tag(v - 1) == Pos::kVerb && LightVerbs().count(VerbLemma(v - 1)))
        subjects = Subjects(v - 1, s.first, &through, &pronoun);
    }
    if (subjects.empty()) continue;
    std::vector<Target> objects;
    negative_ = r->polarity < 0;
    Objects(obj_start, s.last, &objects);
    float conf = 0.8f - (pronoun ? 0.1f : 0.0f) - (through ? 0.2f : 0.0f);
    for (int sm : subjects)
      for (const auto& o : objects) Emit(sm, o, *r, Negated(t, s.first), conf, index);
  }
}

// Tokens and sentences as the input gave them (CoNLL-U): each token's
// flags are those the tokenizer gives its text.
void DocumentRun::PretokenizedInput() {
  const std::string& text = out_.doc.text;
  const auto& spans = out_.doc.tokens;
  toks_.clear();
  sents_.clear();
  std::vector<Token> pieces;
  for (const auto& sp : spans) {
    Token t;
    t.begin = sp.begin;
    t.end = std::max(sp.end, sp.begin);
    if (t.end > text.size()) t.end = static_cast<uint32_t>(text.size());
    if (t.begin > t.end) t.begin = t.end;
    Tokenize(std::string_view(text).substr(t.begin, t.end - t.begin), &pieces);
    bool punct = !pieces.empty();
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (i == 0) t.flags = pieces[i].flags & (kCapitalized | kAllCaps | kHasDigit);
      else t.flags |= pieces[i].flags & (kAllCaps | kHasDigit);
      punct = punct && pieces[i].Has(kPunct);
    }
    if (punct) t.flags |= kPunct;
    toks_.push_back(t);
  }
  const auto& starts = out_.doc.sentence_starts;
  for (size_t i = 0; i < starts.size(); ++i) {
    SentenceBounds sb;
    sb.first = std::min<uint32_t>(starts[i], static_cast<uint32_t>(toks_.size()));
    sb.last = i + 1 < starts.size() ? std::min<uint32_t>(starts[i + 1], static_cast<uint32_t>(toks_.size()))
                                    : static_cast<uint32_t>(toks_.size());
    if (sb.last <= sb.first) continue;
    sb.begin = toks_[sb.first].begin;
    sb.end = toks_[sb.last - 1].end;
    sents_.push_back(sb);
  }
  if (sents_.empty() && !toks_.empty()) {
    SentenceBounds sb;
    sb.first = 0;
    sb.last = static_cast<uint32_t>(toks_.size());
    sb.begin = toks_.front().begin;
    sb.end = toks_.back().end;
    sents_.push_back(sb);
  }
}

// Tokens, tags and lemmas, then the actor mentions of every sentence with
// one node per person: what every output starts from.
void DocumentRun::PrepareMentions() {
  Prepare();
  for (uint32_t i = 0; i < sents_.size(); ++i) FindMentions(sents_[i], i);
  JoinWidenedNames();
  ResolveNames();
  MarkFacilities();
}

void DocumentRun::PrepareTree() {
  head_.assign(toks_.size(), -1);
  dep_.assign(toks_.size(), Dep::kDep);
  kid_begin_.assign(toks_.size(), 0);
  kid_end_.assign(toks_.size(), 0);
  kid_list_.clear();
  suppressed_.assign(toks_.size(), 0);
  mode_of_.assign(toks_.size(), std::string());
  speaker_of_.assign(toks_.size(), -1);
}

graph::DocumentAnalysis DocumentRun::Run() {
  PrepareMentions();
  if (x_.parser_) {
    // Relations from the tree: parse the sentences that name an actor.
    PrepareTree();
    for (uint32_t i = 0; i < sents_.size(); ++i) {
      if (!ShouldParse(sents_[i])) continue;
      ParseSentence(sents_[i]);
      TreeRelations(sents_[i], i);
    }
  } else {
    for (uint32_t i = 0; i < sents_.size(); ++i) FindRelations(sents_[i], i);
  }

  out_.sentences.reserve(sents_.size());
  for (uint32_t i = 0; i < sents_.size(); ++i)
    out_.sentences.push_back(graph::Sentence{i, Span{sents_[i].begin, sents_[i].end}});
  std::vector<uint32_t> counts(entities_.size(), 0);
  for (const auto& m : mentions_) {
    if (m.entity < 0) continue;
    // A compound actor's mention names each member.
    for (int e : MembersOf(m.entity)) {
      counts[e]++;
      // (An implied actor is counted, but no words of the text name it.)
      if (m.implied) continue;
      graph::Mention gm;
      gm.entity = entities_[e].e.id;
      gm.sentence = m.sentence;
      gm.span = m.byte_end > 0 ? Span{m.byte_begin, m.byte_end} : Span{toks_[m.first].begin, toks_[m.last - 1].end};
      gm.text = out_.doc.text.substr(gm.span.begin, gm.span.size());
      gm.pronoun = m.pronoun;
      out_.mentions.push_back(std::move(gm));
    }
  }
  // Entities: actors that were mentioned, issues that were related to.
  std::set<std::string> used;
  for (const auto& r : out_.relations) {
    used.insert(r.subject);
    used.insert(r.object);
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    auto& le = entities_[e];
    if (le.e.kind == graph::EntityKind::kActor) {
      if (counts[e] == 0) continue;
      le.e.mentions = counts[e];
    } else if (!used.count(le.e.id)) {
      continue;
    }
    le.aliases.erase(le.e.label);
    le.e.aliases.assign(le.aliases.begin(), le.aliases.end());
    le.e.documents = 1;
    if (!out_.doc.date.empty()) le.e.first_date = le.e.last_date = out_.doc.date;
    out_.entities.push_back(std::move(le.e));
  }
  std::sort(out_.entities.begin(), out_.entities.end(),
            [](const graph::Entity& a, const graph::Entity& b) { return a.id < b.id; });
  return std::move(out_);
}

std::string Extractor::Conllu(graph::Document doc) const {
  DocumentRun run(*this, std::move(doc));
  return run.RunConllu();
}

graph::DocumentAnalysis Extractor::Analyze(graph::Document doc) const {
  DocumentRun run(*this, std::move(doc));
  return run.Run();
}

}  // namespace newsgraph::extract
