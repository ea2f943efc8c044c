// Relations read from the dependency tree: who did what to whom in a
// sentence, from the paths between a trigger word (a verb or a noun of the
// relation lexicon) and the actor mentions around it (docs/extraction.md).
//
//   subject    trigger -nsubj-> A; through conj (shared subject), xcomp
//              (controlled subject), acl:relcl (the noun it modifies) and
//              appos; passive: -nsubj:pass-> patient, -obl:agent-> agent
//   object     -obj-> B, or -obl/nmod-> B with -case-> the entry's preposition
//   nouns      "Russia's demand for", "Russian demands", "calls by X for":
//              nmod:poss, demonym or name modifiers, and "by" phrases are
//              the source; light verbs lend their subject ("held talks with")
//   patterns   verb + object noun (verb_objects.tsv): "imposed sanctions on"
//   complements the outer verb decides (complements.tsv): "refused to meet X"
//              is REJECT toward X and the meeting is not asserted
//   negation   not/never/n't/no on the trigger or its outer verb
#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>

#include "extract/document.h"
#include "extract/tree_lexicon.h"
#include "extract/wordnet.h"

namespace newsgraph::extract {

namespace {

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Appends a target for each actor mention.
void AddActorTargets(const std::vector<int>& mentions, std::vector<Target>* out) {
  for (int m : mentions) {
    Target tg;
    tg.mention = m;
    out->push_back(tg);
  }
}

bool IsOblique(Dep d) {
  return d == Dep::kObl || d == Dep::kOblAgent || d == Dep::kOblNpmod || d == Dep::kNmod ||
         d == Dep::kNmodNpmod || d == Dep::kAdvcl;
}

// Confidence of a relation by how it was read (one table for every path).
struct Confidence {
  static constexpr float kDirect = 0.9f;       // subject and object on the trigger
  static constexpr float kNoun = 0.8f;         // a nominal trigger
  static constexpr float kThrough = 0.15f;     // subject shared through conj/xcomp/relcl
  static constexpr float kPronoun = 0.1f;      // subject is a pronoun resolved to an actor
  static constexpr float kOwner = 0.15f;       // actor taken from an owner ("leaders of X")
  static constexpr float kSeeded = 0.1f;       // a verb only the CAMEO seed knows
};

}  // namespace

// Parsing is most of the extractor's time, so only sentences that can give
// a relation are parsed: one that names an actor and holds a word the
// lexicons know as a trigger (a relation, complement, light or speech verb,
// a verb of a verb + object pattern, or a relation noun).
namespace {
// The prepositions of a place an act happened in: "in", "across",
// "throughout", "inside", "within" ("strikes sites inside Cambodia").
bool InsideCase(std::string_view c) {
  return c == "in" || c == "across" || c == "throughout" || c == "inside" || c == "within";
}
}  // namespace

bool DocumentRun::ShouldParse(const SentenceBounds& s) const {
  if (s.heading || s.last - s.first < 3) return false;
  // Actors named: one is enough for a stance on an issue, two are needed
  // for an event between actors (the CAMEO-seeded verbs give only those).
  int first_entity = -1;
  bool two = false, actor = false;
  for (size_t t = s.first; t < s.last; ++t) {
    int m = mention_at_[t];
    if (m < 0 || mentions_[m].entity < 0) continue;
    // A place is a target at most ("shelled Dobropillia"): a sentence that
    // names only places has no one to act.
    if (entities_[mentions_[m].entity].e.category != "location") actor = true;
    if (first_entity < 0) first_entity = mentions_[m].entity;
    else if (mentions_[m].entity != first_entity) two = true;
    if (two && actor) break;
  }
  if (first_entity < 0 || !actor) return false;
  if (x_.verbs_) return true;  // a user verb dictionary: its verbs decide
  const TreeLexicon& tl = *x_.tree_lex_;
  for (size_t t = s.first; t < s.last; ++t) {
    Pos p = Tag(t);
    // (An unknown tag or an adverb may be a headline verb: "X nominates Y".)
    if (p != Pos::kVerb && p != Pos::kNoun && p != Pos::kPropn && p != Pos::kAdj && p != Pos::kX && p != Pos::kAdv)
      continue;
    if (mention_at_[t] >= 0 || toks_[t].Has(kPunct) || toks_[t].Has(kHasDigit)) continue;
    if (p == Pos::kVerb || p == Pos::kNoun || p == Pos::kX || (p == Pos::kAdv && EndsWith(Lower(t), "s")) ||
        (p == Pos::kPropn && !IsCap(t))) {
      // ("according to" names a source, never an event.)
      if (Lower(t) == "according" && t + 1 < s.last && Lower(t + 1) == "to") continue;
      std::string v = VerbLemma(t);
      // With one actor only a stance on an issue can come out: a verb of
      // the hand-written lexicon or a complement verb; light verbs and
      // patterns need a relation noun or a second actor.
      if (lex_.Relations(v, false) || tl.Complement(v)) return true;
      // (A light verb alone is no event: its event noun, "talks", "visit",
      // "protest", is found below.)
      if (two && (tl.HasVerbObjects(v) || tl.In("speech", v) || tl.In("allegation", v) || tl.In("designate_sanction", v) || tl.In("list_verb", v) || tl.In("receive_verb", v) ||
                  tl.In("designate_disapprove", v) || tl.SeedVerbs(v)))
        return true;
    }
    if (p == Pos::kNoun) {
      std::string n = NounLemma(t);
      if (lex_.Relations(n, true) || lex_.Relations(Lower(t), true)) return true;
    }
  }
  return false;
}

// Whether the lemma names an event or a stance the relation lexicons know.
bool DocumentRun::KnownVerb(const std::string& lemma) const {
  const TreeLexicon& tl = *x_.tree_lex_;
  return lex_.Relations(lemma, false) || tl.SeedVerbs(lemma) || tl.Complement(lemma) || tl.In("light", lemma) ||
         tl.In("speech", lemma) || tl.In("designate_sanction", lemma) || tl.In("designate_disapprove", lemma) ||
         tl.In("allegation", lemma);
}

// Headline-style present tense: the tagger, trained on web text, reads
// "Trump meets with X", "China imposes tariffs" and "bans X and calls on Y"
// with the verb as a plural noun. A word in -s tagged NOUN is the verb when
// it follows the actor that is its subject (or "and" after such a verb),
// is a verb the relation lexicons know, and no verb stands before it.
void DocumentRun::RetagHeadlineVerbs(const SentenceBounds& s) {
  bool verb_before = false, s_verb_before = false;
  // The last verb or auxiliary of the sentence (s.first when none), read
  // once: a long verbless sentence must not rescan itself per word.
  // (A participle or gerund is no clause's verb: "Police arrest X, ...,
  // accusing him of leading attacks".)
  size_t last_verb = s.first;
  bool finite = false;
  // (Nor an infinitive or a relative clause's verb: "to lower", "which
  // would cut".)
  auto subordinate = [&](size_t k) {
    for (size_t j = k; j > s.first && j + 3 > k; --j) {
      std::string_view p = Lower(j - 1);
      if (p == "to" || p == "which" || p == "who" || p == "that") return true;
      if (Tag(j - 1) != Pos::kAux && Tag(j - 1) != Pos::kAdv && Tag(j - 1) != Pos::kPart) break;
    }
    return false;
  };
  for (size_t k = s.first; k < s.last; ++k)
    if ((Tag(k) == Pos::kVerb || Tag(k) == Pos::kAux) && !EndsWith(Lower(k), "ing")) {
      last_verb = k;
      // (A verb after "and" is a second verb: "A barrage kills eight and
      // injures 287" has its first one read as a noun.)
      if (k > s.first && Lower(k - 1) == "and") continue;
      // ("X's proposed laws": a participle before its noun.)
      bool adjectival = EndsWith(Lower(k), "ed") && k > s.first && k + 1 < s.last && Tag(k + 1) == Pos::kNoun &&
                        (Tag(k - 1) == Pos::kDet || Tag(k - 1) == Pos::kAdj || Lower(k - 1) == "'s");
      // ("five people linked to Hamas": a participle of a tie after its noun.)
      // (Nor one after a preposition's noun: "at demonstrators gathered in".)
      bool reduced = EndsWith(Lower(k), "ed") && k > s.first && Tag(k - 1) == Pos::kNoun &&
                     (x_.tree_lex_->In("tie_verb", VerbLemma(k)) ||
                      (k >= s.first + 2 && Tag(k - 2) == Pos::kAdp && k + 1 < s.last && Tag(k + 1) == Pos::kAdp));
      if (!subordinate(k) && !adjectival && !reduced && !(Tag(k) == Pos::kAux && k + 1 < s.last && subordinate(k + 1)))
        finite = true;
    }
  if (!finite && s.last - s.first >= 5) {
    // A headline sentence with no finite verb ("A court in Moscow, Russia,
    // sentences X", "Cambodia's ambassador to the UN, X, calls for Y"):
    // the first present-tense verb the lexicons know after its subject.
    for (size_t t = s.first + 2; t + 1 < s.last; ++t) {
      std::string_view w = Lower(t);
      // (Tagged a noun, or an adverb or adjective: "X nominates Y".)
      Pos p = Tag(t);
      // (Or a lower-case word read as part of a name: "the Special
      // Jurisdiction for Peace sentences X".)
      if (p == Pos::kPropn && !IsCap(t)) p = Pos::kX;
      if ((p != Pos::kNoun && p != Pos::kAdv && p != Pos::kAdj && p != Pos::kX) || w.size() < 4 || !EndsWith(w, "s") ||
          EndsWith(w, "ss") || EndsWith(w, "ous") || EndsWith(w, "ics"))
        continue;
      Pos prev = Tag(t - 1), next = Tag(t + 1);
      // (Or after an instrument, when the word is no instrument or event
      // noun itself and no preposition follows: "A Russian drone strike
      // injures 19", but "launch drone attacks on X".)
      bool after = Lower(t - 1) == "," || prev == Pos::kPropn || (mention_at_[t - 1] >= 0) ||
                   (prev == Pos::kNoun && next != Pos::kAdp && x_.tree_lex_->In("instrument", NounLemma(t - 1)) &&
                    !x_.tree_lex_->In("instrument", NounLemma(t)) && !lex_.Relations(NounLemma(t), true));
      std::string lemma = x_.wordnet_ ? x_.wordnet_->Lemma(w, WordClass::kVerb) : RuleLemma(w, WordClass::kVerb);
      // (Or before a noun of one of its verb + object patterns: "The
      // Swedish government reduces funding for X".)
      bool pattern = next == Pos::kNoun && !lemma.empty() && x_.tree_lex_->HasVerbObjects(lemma) &&
                     x_.tree_lex_->VerbObject(lemma, NounLemma(t + 1)) != nullptr;
      if (!after || !(next == Pos::kDet || next == Pos::kPropn || next == Pos::kNum || next == Pos::kAdp ||
                      next == Pos::kPron || next == Pos::kAdj || pattern))
        continue;
      // (Or a word that can only be a verb, right after its subject: "The
      // Constitutional Court confirms X's ban".)
      bool only_verb = x_.wordnet_ && mention_at_[t - 1] >= 0 && x_.wordnet_->Has(lemma, WordClass::kVerb) &&
                       !x_.wordnet_->Has(lemma, WordClass::kNoun) && !x_.wordnet_->Has(w, WordClass::kNoun);
      if (lemma.empty() || lemma == w || (!KnownVerb(lemma) && !only_verb)) continue;
      tags_[t] = Pos::kVerb;
      verb_lemma_[t].clear();
      return;
    }
    // The base form after a plural subject with a place after it ("Police
    // in Guyana arrest X", "Troops in Mali detain Y").
    bool plural = false;
    for (size_t t = s.first; t + 1 < s.last; ++t) {
      std::string_view w = Lower(t);
      if (Tag(t) == Pos::kNoun || (Tag(t) == Pos::kPropn && IsCap(t)))
        plural |= w == "police" || (EndsWith(w, "s") && (lex_.GroupNoun(w) || x_.tree_lex_->In("instrument", NounLemma(t)))) ||
                  x_.tree_lex_->In("crowd", w);
      Pos pt = Tag(t);
      // (Right after the subject too: "Police fire tear gas at X".)
      if (!plural || t < s.first + 1 || (pt != Pos::kNoun && pt != Pos::kAdv && pt != Pos::kAdj && pt != Pos::kX) ||
          EndsWith(w, "s") || w.size() < 4)
        continue;
      // (After a name, or after an instrument: "Israeli strikes kill".)
      // (Or after a crowd: "Thousands of people call for ...".)
      if ((mention_at_[t - 1] < 0 && !x_.tree_lex_->In("instrument", NounLemma(t - 1)) &&
           !x_.tree_lex_->In("crowd", Lower(t - 1))) ||
          mention_at_[t] >= 0)
        continue;
      Pos next = Tag(t + 1);
      // (Or before the preposition of one of its entries: "mercenaries ...
      // in North Kivu surrender to the M23".)
      bool own_prep = false;
      if (next == Pos::kAdp)
        if (const auto* entries = lex_.Relations(w, false))
          for (const auto& r : *entries) own_prep |= r.prep == Lower(t + 1);
      // (Or before its complement: "Al-Shabaab militants claim to have
      // killed", "rebels vow to take".)
      bool complement = Lower(t + 1) == "to" && t + 2 < s.last &&
                        (Tag(t + 2) == Pos::kVerb || Tag(t + 2) == Pos::kAux);
      if (!(next == Pos::kDet || next == Pos::kPropn || next == Pos::kNum || next == Pos::kAdj ||
            (next == Pos::kAdp && (Lower(t + 1) == "at" || own_prep)) || mention_at_[t + 1] >= 0 ||
            (next == Pos::kNoun && x_.tree_lex_->HasVerbObjects(std::string(w))) || complement))
        continue;
      // (A verb of a verb + object pattern before that pattern's noun too:
      // "Police fire tear gas".)
      const bool pattern = next == Pos::kNoun && t + 2 < s.last && x_.tree_lex_->HasVerbObjects(std::string(w)) &&
                           (x_.tree_lex_->VerbObject(std::string(w), NounLemma(t + 1)) ||
                            x_.tree_lex_->VerbObject(std::string(w), std::string(Lower(t + 1)) + " " + NounLemma(t + 2)));
      if ((!KnownVerb(std::string(w)) && !pattern) || !x_.wordnet_ || !x_.wordnet_->Has(w, WordClass::kVerb)) continue;
      tags_[t] = Pos::kVerb;
      verb_lemma_[t].clear();
      return;
    }
  }
  for (size_t t = s.first; t < s.last; ++t) {
    if (Tag(t) == Pos::kVerb) {
      verb_before = true;
      s_verb_before |= EndsWith(Lower(t), "s");
      continue;
    }
    // A lower-case word the tagger called a proper noun ("pardons") too.
    if ((Tag(t) != Pos::kNoun && !(Tag(t) == Pos::kPropn && !IsCap(t))) || t == s.first) continue;
    std::string_view w = Lower(t);
    // The base form after a plural subject ("Israeli airstrikes kill 26"):
    // only verbs that are no relation noun, before an argument.
    bool base = !EndsWith(w, "s") && w.size() >= 3 && t + 1 < s.last &&
                (Tag(t + 1) == Pos::kDet || Tag(t + 1) == Pos::kNum || Tag(t + 1) == Pos::kAdp ||
                 Tag(t + 1) == Pos::kPropn || Tag(t + 1) == Pos::kPron ||
                 (Tag(t + 1) == Pos::kAdj && t + 2 < s.last && (Tag(t + 2) == Pos::kAdj || Tag(t + 2) == Pos::kNoun))) &&
                !lex_.Relations(NounLemma(t), true) && !lex_.Relations(w, true) && !x_.tree_lex_->In("instrument", w);
    int pm = mention_at_[t - 1];
    // A relation noun in its base form after a group ("Demonstrators in
    // Nairobi protest against X") is the verb when the sentence has no
    // other: a clause needs one.
    // ("Bangladesh Police arrest X": before a name too.)
    const std::string* pcat = pm >= 0 && mentions_[pm].entity >= 0 ? &entities_[mentions_[pm].entity].e.category : nullptr;
    if (!base && !EndsWith(w, "s") && w.size() >= 3 && !verb_before && t + 1 < s.last &&
        (Tag(t + 1) == Pos::kAdp || Tag(t + 1) == Pos::kDet ||
         (Tag(t + 1) == Pos::kPropn && pcat && (*pcat == "group" || *pcat == "organization"))) &&
        pm >= 0 && mentions_[pm].entity >= 0 && !mentions_[pm].modifier && mentions_[pm].last == t && pcat &&
        (*pcat == "group" || (*pcat == "organization" && Tag(t + 1) == Pos::kPropn))) {
      base = last_verb <= t;  // no verb after t (tags change only once a verb is found)
    }
    if (!base && (w.size() < 4 || !EndsWith(w, "s") || EndsWith(w, "ss"))) continue;
    bool after_subject = false;
    // (Not a name inside a common noun's "of" phrase: "the subject of
    // United States sanctions".)
    if (!verb_before && pm >= 0 && mentions_[pm].entity >= 0 && !mentions_[pm].modifier && mentions_[pm].last == t &&
        !InCommonNounOf(mentions_[pm], s))
      after_subject = true;
    // "An Iranian court sentences X", "Pakistani police arrest X": after a
    // noun that stands for an actor, unless the word is one itself ("Syrian
    // government forces").
    if (!verb_before && Tag(t - 1) == Pos::kNoun &&
        (x_.tree_lex_->In("actor_head", Lower(t - 1)) || lex_.GroupNoun(Lower(t - 1))) &&
        !x_.tree_lex_->In("actor_head", w) && !lex_.GroupNoun(w))
      after_subject = true;
    bool after_and = s_verb_before && Lower(t - 1) == "and";
    if (!after_subject && !after_and) continue;
    if (t + 1 < s.last) {
      Pos next = Tag(t + 1);
      if (next == Pos::kVerb || next == Pos::kAux || next == Pos::kPunct || next == Pos::kCconj) continue;
    } else {
      continue;
    }
    std::string lemma = VerbLemma(t);
    if ((lemma == w && !base) || !KnownVerb(lemma)) continue;
    tags_[t] = Pos::kVerb;
    verb_before = true;
    s_verb_before = true;
  }
}

void DocumentRun::ParseSentence(const SentenceBounds& s) {
  // A currency sign is a symbol, as "$" is ("a ¥122.3 trillion budget":
  // the tagger read "¥" as the noun the budget hung on).
  static const std::string_view kCurrency[] = {"¥", "€", "£", "₹", "₩", "₽", "₺", "₴", "₦", "₱", "₫", "฿", "₪", "₵", "₸", "₡", "₲", "₭", "₮"};
  for (size_t t = s.first; t < s.last; ++t)
    for (std::string_view c : kCurrency)
      if (words_[t] == c) tags_[t] = Pos::kSym;
  // No English preposition or adverb has a hyphen between letters: a word
  // like "far-right" or "pro-Russian" the tagger did not know and called ADP
  // or ADV modifies the noun after it ("bans far-right ministers X and Y"
  // lost its object when "far-right" was read as the case of "ministers").
  for (size_t t = s.first; t + 1 < s.last; ++t) {
    std::string_view w = Lower(t);
    // ("large-scale" read as a verb too, but not "Russian-backed",
    // "so-called", "co-hosts", "re-elect", "pre-empt", "over-react".)
    size_t dash = w.find('-');
    bool verb = Tag(t) == Pos::kVerb && !EndsWith(w, "ed") && !EndsWith(w, "ing") && !EndsWith(w, "s") &&
                dash != std::string_view::npos && dash >= 3 && w.substr(0, dash) != "over" &&
                w.substr(0, dash) != "out" && w.substr(0, dash) != "under";
    if (Tag(t) != Pos::kAdp && Tag(t) != Pos::kAdv && !verb) continue;
    size_t h = w.find('-');
    if (h == std::string_view::npos || h == 0 || h + 1 >= w.size() || !std::isalpha(static_cast<unsigned char>(w[h - 1])) ||
        !std::isalpha(static_cast<unsigned char>(w[h + 1])))
      continue;
    Pos next = Tag(t + 1);
    if (next == Pos::kNoun || next == Pos::kAdj || next == Pos::kPropn) tags_[t] = Pos::kAdj;
  }
  // "the newly elected President X", "a democratically elected leader": a
  // participle after such an adverb describes the noun after it.
  for (size_t t = s.first + 1; t + 1 < s.last; ++t) {
    std::string_view p = Lower(t - 1);
    if (Tag(t) != Pos::kVerb || !EndsWith(Lower(t), "ed") ||
        !(EndsWith(p, "newly") || p == "democratically" || p == "duly" || p == "popularly"))
      continue;
    Pos n = Tag(t + 1);
    if (n == Pos::kPropn || n == Pos::kNoun || n == Pos::kAdj) tags_[t] = Pos::kAdj;
  }
  // "a Palestinian militant": the group noun closing a group's mention,
  // which the tagger read as an adjective, is the noun.
  for (size_t t = s.first; t < s.last; ++t) {
    int m = mention_at_[t];
    if (Tag(t) != Pos::kAdj || m < 0 || mentions_[m].last != t + 1 || mentions_[m].entity < 0 ||
        entities_[mentions_[m].entity].e.category != "group" ||
        !(lex_.GroupNoun(Lower(t)) || lex_.GroupNoun(std::string(Lower(t)) + "s")))
      continue;
    tags_[t] = Pos::kNoun;
  }
  // "A boy is shot by soldiers": a participle after "is/was/..." with its
  // agent after it, which the tagger read as a noun.
  for (size_t t = s.first + 1; t + 1 < s.last; ++t) {
    std::string_view p = Lower(t - 1), w = Lower(t);
    // (Or before a second participle: "is shot and killed by".)
    bool and_participle = Lower(t + 1) == "and" && t + 2 < s.last && Tag(t + 2) == Pos::kVerb &&
                          EndsWith(Lower(t + 2), "ed");
    if (Tag(t) != Pos::kNoun || (Lower(t + 1) != "by" && !and_participle) ||
        !(p == "is" || p == "are" || p == "was" || p == "were" || p == "been" || p == "being"))
      continue;
    std::string lemma = VerbLemma(t);
    if ((lemma != w || EndsWith(w, "ed")) && KnownVerb(lemma)) tags_[t] = Pos::kVerb;
  }
  // "its air defences have shot down 337 drones": a participle right after
  // "have/has/had", which the tagger read as a noun.
  for (size_t t = s.first + 1; t + 1 < s.last; ++t) {
    std::string_view p = Lower(t - 1);
    if (Tag(t) != Pos::kNoun || !(p == "have" || p == "has" || p == "had")) continue;
    Pos n = Tag(t + 1);
    if (!(n == Pos::kDet || n == Pos::kNum || n == Pos::kAdp || n == Pos::kAdv || n == Pos::kPropn)) continue;
    std::string lemma = VerbLemma(t);
    if (lemma != Lower(t) && KnownVerb(lemma)) tags_[t] = Pos::kVerb;
  }
  // "the subject of United States sanctions": a word in -s after a name
  // inside a common noun's "of" phrase is the name's noun, not a verb, when
  // the lexicons know it as an event noun ("The European Union pledges",
  // "after India releases" keep their verbs).
  for (size_t t = s.first + 2; t < s.last; ++t) {
    if (Tag(t) != Pos::kVerb || !EndsWith(Lower(t), "s") || mention_at_[t - 1] < 0 || mention_at_[t] >= 0) continue;
    const Mention& nm = mentions_[mention_at_[t - 1]];
    if (nm.last != t || !InCommonNounOf(nm, s)) continue;
    if (lex_.Relations(NounLemma(t), true) || lex_.Relations(Lower(t), true)) tags_[t] = Pos::kNoun;
  }
  // "amid", "amidst" are prepositions only ("the drug trade amid worsening
  // relations" was read with "amid" a noun).
  for (size_t t = s.first; t < s.last; ++t)
    if ((Lower(t) == "amid" || Lower(t) == "amidst") && Tag(t) != Pos::kAdp) tags_[t] = Pos::kAdp;
  // "an arrest warrant", "a peace deal": a base-form verb cannot follow
  // "a/an" and a singular noun (its subject would need "-s"): a noun.
  for (size_t t = s.first + 2; t < s.last; ++t) {
    std::string_view w = Lower(t), a = Lower(t - 2);
    if (Tag(t) != Pos::kVerb || Tag(t - 1) != Pos::kNoun || (a != "a" && a != "an") || EndsWith(w, "s") ||
        EndsWith(w, "ed") || EndsWith(w, "ing") || EndsWith(Lower(t - 1), "s") || VerbLemma(t) != w)
      continue;
    // (A past tense like its base keeps its object: "a man hit the car".)
    if (t + 1 < s.last && (Tag(t + 1) == Pos::kDet || Tag(t + 1) == Pos::kPron || Tag(t + 1) == Pos::kPropn ||
                           Tag(t + 1) == Pos::kNum))
      continue;
    tags_[t] = Pos::kNoun;
  }
  // A word inside a name is no verb ("Allied Democratic Forces", "Islamic
  // State-aligned"), nor is "suspected"/"alleged" between a preposition or
  // determiner and a noun ("killed by suspected ADF rebels").
  for (size_t t = s.first; t < s.last; ++t) {
    if (Tag(t) != Pos::kVerb) continue;
    int m = mention_at_[t];
    // (Whole words only: "Rwandan-backed" stays as the tagger read it.)
    if (m >= 0 && !mentions_[m].pronoun && mentions_[m].entity >= 0 && mentions_[m].byte_end == 0 &&
        mentions_[m].last - mentions_[m].first >= 2) {
      tags_[t] = IsCap(t) ? Pos::kPropn : Pos::kAdj;
      continue;
    }
    std::string_view w = Lower(t);
    // ("the occupied West Bank", ", occupied West Bank": a place's adjective.)
    bool place_adj = (w == "occupied" || w == "besieged" || w == "disputed" || w == "annexed") && t + 1 < s.last &&
                     mention_at_[t + 1] >= 0 && mentions_[mention_at_[t + 1]].entity >= 0 &&
                     (entities_[mentions_[mention_at_[t + 1]].entity].e.category == "location" ||
                      entities_[mentions_[mention_at_[t + 1]].entity].e.category == "country");
    if (place_adj && t > s.first && (Tag(t - 1) == Pos::kDet || Lower(t - 1) == "," || Tag(t - 1) == Pos::kAdp)) {
      tags_[t] = Pos::kAdj;
      continue;
    }
    if ((w == "suspected" || w == "alleged" || w == "presumed" || w == "purported") && t > s.first && t + 1 < s.last &&
        (Tag(t - 1) == Pos::kAdp || Tag(t - 1) == Pos::kDet || Tag(t - 1) == Pos::kNum) &&
        (Tag(t + 1) == Pos::kNoun || Tag(t + 1) == Pos::kPropn || Tag(t + 1) == Pos::kAdj || mention_at_[t + 1] >= 0))
      tags_[t] = Pos::kAdj;
  }
  RetagHeadlineVerbs(s);
  // "a statement accusing X of": a gerund the tagger read as a noun, after
  // a noun and before a name or a determiner, when it is a verb the
  // relation lexicons know.
  for (size_t t = s.first + 1; t + 1 < s.last; ++t) {
    if (Tag(t) != Pos::kNoun || Tag(t - 1) != Pos::kNoun || !EndsWith(Lower(t), "ing")) continue;
    if (Tag(t + 1) != Pos::kPropn && Tag(t + 1) != Pos::kDet) continue;
    if (!KnownVerb(VerbLemma(t))) continue;
    tags_[t] = Pos::kVerb;
  }
  // "a pardon to activist X": a word after "to" that English has only as a
  // noun, right before a name, is the name's title, not an infinitive.
  if (x_.wordnet_)
    for (size_t t = s.first + 1; t + 1 < s.last; ++t) {
      if (Tag(t) != Pos::kVerb || Lower(t - 1) != "to" || Tag(t - 1) != Pos::kPart || Tag(t + 1) != Pos::kPropn) continue;
      std::string_view w = Lower(t);
      if (x_.wordnet_->Has(w, WordClass::kVerb) || !x_.wordnet_->Has(w, WordClass::kNoun)) continue;
      tags_[t] = Pos::kNoun;
      tags_[t - 1] = Pos::kAdp;
    }
  size_t n = s.last - s.first;
  parse_words_.assign(words_.begin() + s.first, words_.begin() + s.last);
  parse_tags_.assign(tags_.begin() + s.first, tags_.begin() + s.last);
  x_.parser_->Parse(parse_words_, parse_tags_, &parse_heads_, &parse_labels_);
  RepairNounClauses(s.first);
  for (size_t i = 0; i < n; ++i) {
    head_[s.first + i] = parse_heads_[i] < 0 ? -1 : static_cast<int>(s.first + parse_heads_[i]);
    dep_[s.first + i] = parse_labels_[i];
  }
  // Children in word order: counting sort into kid_list_.
  uint32_t base = static_cast<uint32_t>(kid_list_.size());
  kid_list_.resize(base + n);
  std::vector<uint32_t> count(n + 1, 0);
  for (size_t i = 0; i < n; ++i)
    if (parse_heads_[i] >= 0) count[parse_heads_[i] + 1]++;
  for (size_t i = 0; i < n; ++i) count[i + 1] += count[i];
  for (size_t i = 0; i < n; ++i) {
    kid_begin_[s.first + i] = base + count[i];
    kid_end_[s.first + i] = base + count[i];
  }
  for (size_t i = 0; i < n; ++i)
    if (parse_heads_[i] >= 0) kid_list_[kid_end_[s.first + parse_heads_[i]]++] = static_cast<uint32_t>(s.first + i);
}

// Two parser slips repaired on the sentence-local parse arrays (below).
// "issues an arrest warrant for X" parsed as a clause whose "verb" is the
// noun "warrant" with "arrest" its subject: a noun tagged as such, right
// after a determiner and a noun, has no subject (without a copula). The
// pair is a compound, the object of the verb above, and what the clause
// held hangs on the noun. On the sentence-local parse arrays.
void DocumentRun::RepairNounClauses(size_t first) {
  const size_t n = parse_heads_.size();
  // "Trump said Hamza bin Laden, son of X, has been killed": a verb with
  // two subjects, the second after it, and a clause after that with none;
  // the second subject is the clause's.
  for (size_t c = 1; c < n; ++c) {
    int v = parse_heads_[c];
    if (v < 0 || static_cast<size_t>(v) >= c || parse_labels_[c] != Dep::kNsubj) continue;
    bool first = false;
    int clause = -1;
    for (size_t k = 0; k < n; ++k) {
      if (parse_heads_[k] != v) continue;
      if (k < static_cast<size_t>(v) && (parse_labels_[k] == Dep::kNsubj || parse_labels_[k] == Dep::kNsubjPass)) first = true;
      if (k > c && parse_labels_[k] == Dep::kCcomp && clause < 0) clause = static_cast<int>(k);
    }
    if (!first || clause < 0) continue;
    bool has_subject = false, passive = false;
    for (size_t k = 0; k < n; ++k) {
      if (parse_heads_[k] != clause) continue;
      has_subject |= parse_labels_[k] == Dep::kNsubj || parse_labels_[k] == Dep::kNsubjPass ||
                     parse_labels_[k] == Dep::kExpl;
      passive |= parse_labels_[k] == Dep::kAuxPass;
    }
    if (has_subject) continue;
    parse_heads_[c] = clause;
    parse_labels_[c] = passive ? Dep::kNsubjPass : Dep::kNsubj;
  }
  // Two subjects side by side before their verb, a noun and then a name:
  // the name is the noun's ("Nationalist candidate Călin Popescu is
  // barred").
  for (size_t c = 1; c < n; ++c) {
    int v = parse_heads_[c];
    if (v <= static_cast<int>(c) || parse_heads_[c - 1] != v) continue;
    const bool subj = parse_labels_[c] == Dep::kNsubj || parse_labels_[c] == Dep::kNsubjPass;
    if (!subj || parse_labels_[c - 1] != parse_labels_[c] || parse_tags_[c - 1] != Pos::kNoun || !IsCap(first + c) ||
        IsCap(first + c - 1))
      continue;
    parse_heads_[c] = static_cast<int>(c - 1);
    parse_labels_[c] = Dep::kAppos;
  }
  // ", accusing them of X" after a list of names, parsed as the list's last
  // conjunct: a participle after a comma with no "and" is a clause of the
  // verb above the nouns, whose subject it shares.
  for (size_t g = 2; g < n; ++g) {
    int h = parse_heads_[g];
    if (h < 0 || h >= static_cast<int>(g) || parse_labels_[g] != Dep::kConj || parse_tags_[g] != Pos::kVerb ||
        !EndsWith(Lower(first + g), "ing") || Lower(first + g - 1) != ",")
      continue;
    if (parse_tags_[h] != Pos::kNoun && parse_tags_[h] != Pos::kPropn) continue;
    bool cc = false;
    for (size_t k = 0; k < n; ++k) cc |= parse_heads_[k] == static_cast<int>(g) && parse_labels_[k] == Dep::kCc;
    if (cc) continue;
    int v = h;
    for (int d = 0; d < 8 && v >= 0 && parse_tags_[v] != Pos::kVerb; ++d) v = parse_heads_[v];
    if (v < 0 || parse_tags_[v] != Pos::kVerb) continue;
    parse_heads_[g] = v;
    parse_labels_[g] = Dep::kAdvcl;
  }
  // A noun "compound" of a verb before it is the verb's subject (a verb
  // has no compounds; "Police fire tear gas" with "fire" retagged a verb).
  for (size_t c = 0; c + 1 < n; ++c) {
    int v = parse_heads_[c];
    if (v <= static_cast<int>(c) || parse_labels_[c] != Dep::kCompound || parse_tags_[v] != Pos::kVerb) continue;
    if (parse_tags_[c] != Pos::kNoun && parse_tags_[c] != Pos::kPropn) continue;
    bool has_subject = false;
    for (size_t k = 0; k < n; ++k)
      has_subject |= parse_heads_[k] == v && (parse_labels_[k] == Dep::kNsubj || parse_labels_[k] == Dep::kNsubjPass);
    if (!has_subject) parse_labels_[c] = Dep::kNsubj;
  }
  // "X claims it killed 200 soldiers" parsed as "claims it" with "killed"
  // its complement: a subject pronoun right before a past-tense verb of a
  // verb of saying is that verb's subject, and the clause says what was
  // claimed.
  for (size_t p = 1; p + 1 < n; ++p) {
    int v = parse_heads_[p];
    if (v < 0 || static_cast<size_t>(v) + 1 != p || parse_labels_[p] != Dep::kObj || parse_tags_[p] != Pos::kPron) continue;
    if (parse_heads_[p + 1] != v || parse_labels_[p + 1] != Dep::kXcomp || parse_tags_[p + 1] != Pos::kVerb) continue;
    std::string_view pron = Lower(first + p);
    if (pron != "it" && pron != "they" && pron != "he" && pron != "she" && pron != "we") continue;
    std::string_view next = Lower(first + p + 1);
    if (!EndsWith(next, "ed") && !EndsWith(next, "s")) continue;  // (not "made it happen")
    if (!x_.tree_lex_->In("speech", VerbLemma(first + static_cast<size_t>(v)))) continue;
    parse_heads_[p] = static_cast<int>(p + 1);
    parse_labels_[p] = Dep::kNsubj;
    parse_labels_[p + 1] = Dep::kCcomp;
  }
  for (size_t w = 2; w < n; ++w) {
    size_t c = w - 1;
    if (parse_tags_[w] != Pos::kNoun || parse_tags_[c] != Pos::kNoun || parse_heads_[c] != static_cast<int>(w) ||
        parse_labels_[c] != Dep::kNsubj || parse_tags_[c - 1] != Pos::kDet || parse_heads_[c - 1] != static_cast<int>(c))
      continue;
    int h = parse_heads_[w];
    Dep d = parse_labels_[w];
    if (h < 0 || parse_tags_[h] != Pos::kVerb ||
        !(d == Dep::kCcomp || d == Dep::kAdvcl || d == Dep::kXcomp || d == Dep::kParataxis))
      continue;
    bool cop = false, has_obj = false;
    for (size_t k = 0; k < n; ++k) {
      if (parse_heads_[k] == static_cast<int>(w) && (parse_labels_[k] == Dep::kCop || parse_labels_[k] == Dep::kAux))
        cop = true;
      if (parse_heads_[k] == h && parse_labels_[k] == Dep::kObj) has_obj = true;
    }
    if (cop || has_obj) continue;
    parse_labels_[w] = Dep::kObj;
    parse_labels_[c] = Dep::kCompound;
    parse_heads_[c - 1] = static_cast<int>(w);
    for (size_t k = w + 1; k < n; ++k) {
      if (parse_heads_[k] != static_cast<int>(w) || (parse_labels_[k] != Dep::kObj && parse_labels_[k] != Dep::kObl)) continue;
      parse_labels_[k] = Dep::kNmod;
      // ("for former president Yoon" with "for" hung on "president".)
      bool has_case = false;
      for (size_t g = w + 1; g < k; ++g) has_case |= parse_heads_[g] == static_cast<int>(k) && parse_labels_[g] == Dep::kCase;
      if (!has_case && w + 1 < k && parse_tags_[w + 1] == Pos::kAdp && parse_labels_[w + 1] == Dep::kCase &&
          parse_heads_[w + 1] >= 0 && parse_heads_[parse_heads_[w + 1]] == static_cast<int>(k))
        parse_heads_[w + 1] = static_cast<int>(k);
    }
  }
}

// Whether the phrase at t names a source ("according to governor X", "per
// X"): the parser sometimes hangs it on an object as an apposition.
bool DocumentRun::SourceAttribution(size_t t) const {
  // The marker on the phrase itself or on a phrase one level below it.
  auto marker = [&](uint32_t k) {
    return (dep_[k] == Dep::kCase || dep_[k] == Dep::kMark) && (Lower(k) == "according" || Lower(k) == "per");
  };
  for (uint32_t k : KidsOf(t)) {
    if (marker(k)) return true;
    if (dep_[k] == Dep::kNmod || dep_[k] == Dep::kAppos)
      for (uint32_t c : KidsOf(k))
        if (marker(c)) return true;
  }
  return false;
}

// Whether kid k of the noun n is a person's name written right after it
// ("media personality Fajer Al-Saeed", "ski jumpers Johann Forfang"),
// however the parser hung it (nmod, compound, flat or even obj).
bool DocumentRun::NameAfterNoun(size_t n, uint32_t k) const {
  if (Tag(n) != Pos::kNoun) return false;
  if (dep_[k] != Dep::kNmod && dep_[k] != Dep::kCompound && dep_[k] != Dep::kFlat && dep_[k] != Dep::kObj) return false;
  int m = ActorMention(k);
  return m >= 0 && mentions_[m].first == n + 1 && CaseOf(k).empty() &&
         entities_[mentions_[m].entity].e.category == "person";
}

int DocumentRun::KidWith(size_t t, Dep d) const {
  for (uint32_t k : KidsOf(t))
    if (dep_[k] == d) return static_cast<int>(k);
  return -1;
}

int DocumentRun::KidWithBase(size_t t, Dep base) const {
  for (uint32_t k : KidsOf(t))
    if (BaseDep(dep_[k]) == base) return static_cast<int>(k);
  return -1;
}

bool DocumentRun::IsVerbal(size_t t) const { return Tag(t) == Pos::kVerb || Tag(t) == Pos::kAux; }

// The preposition of an oblique or nominal modifier: its case (or mark)
// words joined, with fixed parts ("because of", "in favour of").
std::string DocumentRun::CaseOf(size_t t) const {
  std::string out;
  for (uint32_t k : KidsOf(t)) {
    if (dep_[k] != Dep::kCase && dep_[k] != Dep::kMark) continue;
    if (!out.empty()) out += ' ';
    out += Lower(k);
    for (uint32_t f : KidsOf(k))
      if (dep_[f] == Dep::kFixed) {
        out += ' ';
        out += Lower(f);
      }
  }
  return out;
}

// The actor mention a token belongs to, if it names an actor (not a
// demonym modifier).
int DocumentRun::ActorMention(size_t t) const {
  int m = mention_at_[t];
  if (m < 0 || mentions_[m].entity < 0 || mentions_[m].modifier) return -1;
  return m;
}

// The actors a nominal node names: its mention, the mentions coordinated
// with it, an apposition's, and for heads that stand for an actor ("leaders
// of X", "X's government", "the Russian delegation") the actor inside.
void DocumentRun::ActorsOf(size_t t, std::vector<int>* out, int depth, bool* indirect) const {
  if (depth > 6) return;
  int m = ActorMention(t);
  if (m >= 0) {
    // "Trump's son-in-law Jared Kushner" parsed as one flat name headed by
    // the possessor: the actor is the name after "'s", not its owner.
    for (uint32_t c : KidsOf(t)) {
      if (dep_[c] != Dep::kCase || c != t + 1 || !(words_[c] == "'s" || words_[c] == "'")) continue;
      for (uint32_t k : KidsOf(t)) {
        if (k <= c || !(dep_[k] == Dep::kFlat || dep_[k] == Dep::kAppos || dep_[k] == Dep::kCompound)) continue;
        int km = ActorMention(k);
        if (km >= 0 && km != m && mentions_[km].entity != mentions_[m].entity) {
          ActorsOf(k, out, depth + 1, indirect);
          return;
        }
      }
    }
    if (std::find(out->begin(), out->end(), m) == out->end()) out->push_back(m);
    // "envoy Steve Witkoff and Jared Kushner": a conjunct hung on another
    // word of the same mention.
    for (uint32_t w = mentions_[m].first; w < mentions_[m].last; ++w) {
      if (w == t) continue;
      for (uint32_t k : KidsOf(w))
        if (dep_[k] == Dep::kConj && !IsVerbal(k) && (k < mentions_[m].first || k >= mentions_[m].last))
          ActorsOf(k, out, depth + 1, indirect);
    }
    // "Presidents X of Nigeria and Y of Benin": the second person hung on
    // the first one's country as its conjunct is the first person's.
    if (entities_[mentions_[m].entity].e.category == "person")
      for (uint32_t w = mentions_[m].first; w < mentions_[m].last; ++w)
        for (uint32_t k : KidsOf(w)) {
          if (dep_[k] != Dep::kNmod || CaseOf(k) != "of" || k < mentions_[m].last) continue;
          int km = mention_at_[k];  // (a modifier mention: the person's affiliation)
          if (km < 0 || mentions_[km].entity < 0 || entities_[mentions_[km].entity].e.category == "person") continue;
          for (uint32_t c : KidsOf(k)) {
            int cm = dep_[c] == Dep::kConj ? ActorMention(c) : -1;
            if (cm >= 0 && entities_[mentions_[cm].entity].e.category == "person") ActorsOf(c, out, depth + 1, indirect);
          }
        }
  } else if (Tag(t) == Pos::kNoun || Tag(t) == Pos::kPropn || (Tag(t) == Pos::kAdj && mention_at_[t] >= 0)) {
    bool found = false;
    for (uint32_t k : KidsOf(t)) {
      // "the cartel Clan del Golfo", "Colombian cartel Clan del Golfo" read
      // as one flat name; "media personality Fajer Al-Saeed" with the name
      // hung on the noun before it.
      if (((dep_[k] == Dep::kAppos || dep_[k] == Dep::kFlat) && ActorMention(k) >= 0 && !SourceAttribution(k)) ||
          NameAfterNoun(t, k)) {
        ActorsOf(k, out, depth + 1, indirect);
        found = true;
      }
    }
    if (!found && x_.tree_lex_->In("actor_head", Lower(t)))
      // "US Ambassador to Germany Richard Grenell" parsed with the name
      // flat under the country: the person the title belongs to.
      for (uint32_t k : KidsOf(t))
        if (dep_[k] == Dep::kNmod && k > t)
          for (uint32_t f : KidsOf(k)) {
            int fm = (dep_[f] == Dep::kFlat || dep_[f] == Dep::kAppos) && f > k ? ActorMention(f) : -1;
            if (fm >= 0 && fm != mention_at_[k] && entities_[mentions_[fm].entity].e.category == "person") {
              ActorsOf(f, out, depth + 1, indirect);
              found = true;
            }
          }
    // "The Historic Pact party", "the Wagner group": an organisation's name
    // before the noun of its kind.
    if (!found && (Tag(t) == Pos::kNoun || (Tag(t) == Pos::kPropn && !IsCap(t))) && !x_.tree_lex_->AnaphorClass(Lower(t)).empty())
      for (uint32_t k : KidsOf(t)) {
        int km = (dep_[k] == Dep::kCompound || dep_[k] == Dep::kAmod) && k < t ? ActorMention(k) : -1;
        if (km < 0 || mentions_[km].last > t) continue;
        // (Lower-case modifiers of the noun may stand between: "the Fano
        // armed group", "the Wagner mercenary group".)
        bool adjacent = true;
        for (size_t w = mentions_[km].last; w < t && adjacent; ++w)
          adjacent = head_[w] == static_cast<int>(t) && !IsCap(w) && (dep_[w] == Dep::kAmod || dep_[w] == Dep::kCompound);
        if (!adjacent) continue;
        const std::string& cat = entities_[mentions_[km].entity].e.category;
        // (An unknown name read as a place is the group's too: "the Zorvan
        // armed group" after "from"; not a place the lexicons know.)
        const bool unknown_place = cat == "location" && lex_.FindActorByLabel(entities_[mentions_[km].entity].e.label) < 0;
        if (cat != "organization" && cat != "person" && !unknown_place) continue;
        if (std::find(out->begin(), out->end(), km) == out->end()) out->push_back(km);
        found = true;
      }
    if (!found) {
      // "the network", "the commission", "the government": a definite
      // description of the one organisation (or country) named just before.
      int a = DescribedActor(t);
      if (a >= 0) {
        if (std::find(out->begin(), out->end(), a) == out->end()) out->push_back(a);
        if (indirect) *indirect = true;
        found = true;
      }
    }
    // "Tens of thousands of protesters", "hundreds of supporters of X": a
    // count's people.
    if (!found && x_.tree_lex_->In("quantity_noun", Lower(t))) {
      size_t before = out->size();
      for (uint32_t k : KidsOf(t))
        if (dep_[k] == Dep::kNmod && CaseOf(k) == "of" && k > t) ActorsOf(k, out, depth + 1, indirect);
      found = out->size() > before;
    }
    if (!found && (x_.tree_lex_->In("actor_head", Lower(t)) || lex_.GroupNoun(Lower(t)) ||
                   x_.tree_lex_->In("casualty", Lower(t)))) {
      for (uint32_t k : KidsOf(t)) {
        Dep d = dep_[k];
        // ("a court in Moscow", "authorities in Kabul": the place's.)
        bool owner = d == Dep::kNmodPoss || (d == Dep::kNmod && (CaseOf(k) == "of" || CaseOf(k) == "from")) ||
                     d == Dep::kCompound || d == Dep::kAmod ||
                     (d == Dep::kNmod && CaseOf(k) == "in" && x_.tree_lex_->In("in_owner", Lower(t)));
        if (!owner) continue;
        int om = mention_at_[k];
        // ("A court in Ica, Peru": the country of the place.)
        if (om >= 0 && d == Dep::kNmod && CaseOf(k) == "in" && mentions_[om].entity >= 0 &&
            entities_[mentions_[om].entity].e.category != "country")
          for (uint32_t g : KidsOf(k)) {
            // (The country of a "Town, Country" list is a modifier mention.)
            int gm = (dep_[g] == Dep::kAppos || dep_[g] == Dep::kConj) ? mention_at_[g] : -1;
            if (gm >= 0 && mentions_[gm].entity >= 0 && !mentions_[gm].pronoun &&
                entities_[mentions_[gm].entity].e.category == "country")
              om = gm;
          }
        // ("members of the Venezuelan gang Tren de Aragua", "fighters from
        // the Fano armed group": the name the phrase's noun carries.)
        if (om < 0 && d == Dep::kNmod && (CaseOf(k) == "of" || CaseOf(k) == "from") && Tag(k) == Pos::kNoun) {
          std::vector<int> inner;
          ActorsOf(k, &inner, depth + 1, nullptr);
          if (!inner.empty()) om = inner.front();
          // (Or the name right after it, which the parser hung beside it:
          // "members of the paramilitary organization Palestinian Islamic
          // Jihad".)
          for (uint32_t g : KidsOf(t)) {
            int gm = om < 0 && g > k && (dep_[g] == Dep::kNmod || dep_[g] == Dep::kAppos) && CaseOf(g).empty()
                         ? ActorMention(g) : -1;
            if (gm >= 0 && mentions_[gm].first == k + 1) om = gm;
          }
        }
        // Not a part of a hyphenated word: "Rwandan-backed rebels" are not Rwanda.
        if (om >= 0 && mentions_[om].entity >= 0 && mentions_[om].byte_end == 0 &&
            !(d == Dep::kNmod && CaseOf(k) == "in" && entities_[mentions_[om].entity].e.category == "location")) {
          if (std::find(out->begin(), out->end(), om) == out->end()) out->push_back(om);
          if (indirect) *indirect = true;
          found = true;
          break;
        }
      }
    }
  }
  for (uint32_t k : KidsOf(t)) {
    if (dep_[k] == Dep::kConj && !IsVerbal(k)) ActorsOf(k, out, depth + 1, indirect);
    // "allies such as Germany", "countries including X and Y": the members.
    if (m < 0 && dep_[k] == Dep::kNmod && x_.tree_lex_->In("member_case", CaseOf(k))) ActorsOf(k, out, depth + 1, indirect);
  }
}

// The mention a definite description at t refers back to ("the network"
// after "ABS-CBN"), or -1: t is a noun of the org_anaphor (organisations) or
// state_anaphor (countries) lists with "the" and no modifier naming another
// actor, and exactly one actor of that category was named in this sentence
// before t or in the two sentences before it.
int DocumentRun::DescribedActor(size_t t) const {
  if (Tag(t) != Pos::kNoun) return -1;
  std::string lemma = NounLemma(t);
  bool org = x_.tree_lex_->In("org_anaphor", lemma), state = x_.tree_lex_->In("state_anaphor", lemma);
  if (!org && !state) return -1;
  bool definite = false;
  for (uint32_t k : KidsOf(t)) {
    if (dep_[k] == Dep::kDet && (Lower(k) == "the" || Lower(k) == "this")) definite = true;
    if (dep_[k] == Dep::kNmodPoss || dep_[k] == Dep::kCompound || dep_[k] == Dep::kAmod || dep_[k] == Dep::kNmod ||
        dep_[k] == Dep::kAppos)
      if (mention_at_[k] >= 0) return -1;  // "the Russian government", "the government of X": named
  }
  if (!definite) return -1;
  // The sentence of t: the last one that starts at or before it.
  auto after = std::upper_bound(sents_.begin(), sents_.end(), t,
                                [](size_t tok, const SentenceBounds& sb) { return tok < sb.first; });
  const uint32_t sentence = after == sents_.begin() ? 0 : static_cast<uint32_t>(after - sents_.begin() - 1);
  // Candidates in the window: the last mention of each.
  std::unordered_map<int, int> last_mention;
  for (size_t mi = 0; mi < mentions_.size(); ++mi) {
    const Mention& mm = mentions_[mi];
    if (mm.first >= t) break;
    if (mm.entity < 0 || mm.modifier || mm.pronoun || mm.sentence + 2 < sentence) continue;
    const std::string& cat = entities_[mm.entity].e.category;
    if (org ? cat == "organization" : cat == "country") last_mention[mm.entity] = static_cast<int>(mi);
  }
  if (last_mention.empty()) return -1;
  if (last_mention.size() == 1) return last_mention.begin()->second;
  // Several: the one the noun names ("the commission" for the National
  // Telecommunications Commission); else no guess (counting mentions picked
  // the wrong one too often).
  int by_name = -1;
  for (const auto& [e, mi] : last_mention) {
    std::string label = LowerAscii(entities_[e].e.label);
    size_t sp = label.rfind(' ');
    std::string last = sp == std::string::npos ? label : label.substr(sp + 1);
    if (last == lemma || last == std::string(Lower(t))) by_name = by_name == -1 ? mi : -2;
  }
  return by_name >= 0 ? by_name : -1;
}

// The mention of a protesting crowd for the protest verb at v, made on
// demand: the verb's subject (through xcomp/conj/advcl: "march to protest")
// is a people or counting noun ("people", "thousands", "residents") that
// names no actor. -1 when there is none.
int DocumentRun::ProtestingCrowd(size_t v, uint32_t sentence) {
  size_t u = v;
  for (int d = 0; d < 4; ++d) {
    int subj = KidWith(u, Dep::kNsubj);
    // "Over 50,000 people march to protest": the crowd the verb hangs on;
    // "people demonstrate in Belgrade and other cities to protest", hung
    // on a place: the verb above that place.
    if (subj < 0 && dep_[u] == Dep::kAcl && head_[u] >= 0) {
      subj = head_[u];
      if (mention_at_[subj] < 0 && !x_.tree_lex_->In("crowd", Lower(subj)) &&
          !x_.tree_lex_->In("crowd", NounLemma(subj))) {
        int h = head_[subj];
        for (int g = 0; g < 4 && h >= 0 && !IsVerbal(static_cast<size_t>(h)); ++g) h = head_[h];
        if (h < 0) return -1;
        u = static_cast<size_t>(h);
        continue;
      }
    }
    if (subj >= 0) {
      if (mention_at_[subj] >= 0) {
        int m = mention_at_[subj];
        // The crowd made for another verb of the same protest.
        if (mentions_[m].entity < 0) return -1;
        const graph::Entity& e = entities_[mentions_[m].entity].e;
        return e.category == "group" && EndsWith(e.code, "OPP") ? m : -1;
      }
      std::string_view w = Lower(subj);
      bool crowd = x_.tree_lex_->In("crowd", w) || x_.tree_lex_->In("crowd", NounLemma(subj));
      if (!crowd) return -1;
      // Where they protest names whose protesters they are: "in Budapest,
      // Hungary" -> Hungarian protesters (HUN); else plain "protesters".
      std::string label = "protesters", country;
      const SentenceBounds& sb = sents_[sentence];
      for (size_t k = sb.first + 1; k < sb.last && country.empty(); ++k) {
        int pm = mention_at_[k];
        if (pm < 0 || mentions_[pm].first != k || mentions_[pm].entity < 0) continue;
        std::string_view before = Lower(k - 1);
        if (before != "in" && before != "across" && before != "at" && before != "outside" && before != "throughout")
          continue;
        const graph::Entity& place = entities_[mentions_[pm].entity].e;
        if (place.country.empty()) continue;
        country = place.country;
        int entry = lex_.FindActorByLabel(place.label);
        std::string adjective = entry >= 0 ? lex_.actor(entry).adjective : "";
        if (place.category == "country") label = (adjective.empty() ? place.label : adjective) + " protesters";
      }
      int e = EntityFor(label, "group", country, country + "OPP", false);
      Mention m = NewMention(subj, subj + 1, sentence, e);
      m.crowd = true;
      return AddMention(m);
    }
    if (head_[u] < 0 || !(dep_[u] == Dep::kXcomp || dep_[u] == Dep::kConj || dep_[u] == Dep::kAdvcl)) return -1;
    u = head_[u];
  }
  return -1;
}

bool DocumentRun::TreePassive(size_t v) const {
  bool agent = false;
  for (uint32_t k : KidsOf(v)) {
    if (dep_[k] == Dep::kNsubjPass || dep_[k] == Dep::kAuxPass) return true;
    // ("X attacked the proclamation by Y": an agent phrase hung on an
    // active verb with its own subject and object belongs to the object.)
    if (dep_[k] == Dep::kNsubj || dep_[k] == Dep::kObj) return false;
    agent |= dep_[k] == Dep::kOblAgent;
  }
  return agent;
}

bool DocumentRun::TreeNegated(size_t v) const {
  for (uint32_t k : KidsOf(v)) {
    Dep d = dep_[k];
    if ((d == Dep::kAdvmod || d == Dep::kDet || d == Dep::kCcPreconj || d == Dep::kAux) &&
        x_.tree_lex_->In("negators", Lower(k)))
      return true;
    // "no longer"
    if (d == Dep::kAdvmod && Lower(k) == "longer" && KidWith(k, Dep::kAdvmod) >= 0 && Lower(KidWith(k, Dep::kAdvmod)) == "no")
      return true;
  }
  return false;
}

bool DocumentRun::TreeIntent(size_t v) const {
  for (uint32_t k : KidsOf(v))
    if (dep_[k] == Dep::kAux && x_.tree_lex_->In("intent_aux", Lower(k))) return true;
  return !mode_of_[v].empty() && mode_of_[v] == "intent";
}

bool DocumentRun::RelativePronoun(size_t p) const {
  std::string_view w = Lower(p);
  return Tag(p) == Pos::kPron && (w == "who" || w == "whom" || w == "which" || w == "that");
}

// The actor a relative pronoun at p (subject of the clause at v) stands
// for: the noun the clause hangs on, or, when the parser hung the clause
// elsewhere, the actor named right before the pronoun (", who was
// captured", after a name). -1 if none.
int DocumentRun::RelativeAntecedent(size_t p, size_t v) const {
  if ((dep_[v] == Dep::kAclRelcl || dep_[v] == Dep::kAcl) && head_[v] >= 0) {
    std::vector<int> out;
    ActorsOf(static_cast<size_t>(head_[v]), &out, 0, nullptr);
    return out.empty() ? -1 : out.front();
  }
  // (Only "who": "an airport in Israel, which is intercepted" means the
  // missile.)
  std::string_view w = Lower(p);
  if (w != "who" && w != "whom") return -1;
  // (Within the pronoun's sentence.)
  auto after = std::upper_bound(sents_.begin(), sents_.end(), p,
                                [](size_t tok, const SentenceBounds& sb) { return tok < sb.first; });
  const size_t first = after == sents_.begin() ? 0 : (after - 1)->first;
  size_t b = p;
  if (b > first && words_[b - 1] == ",") --b;
  if (b <= first) return -1;
  int m = mention_at_[b - 1];
  if (m < 0 || mentions_[m].entity < 0 || mentions_[m].last != b || mentions_[m].modifier) return -1;
  return m;
}

// Subjects of a verbal (or predicative) node.
std::vector<int> DocumentRun::TreeSubjects(size_t v, bool* through, bool* pronoun, int depth) const {
  std::vector<int> out;
  if (depth > 5) return out;
  int subj = -1;
  // Two subjects (a fronted phrase misread as one: "Amid strengthening
  // ties ..., the Somali government bans"): a first one that names no
  // actor gives way to the next.
  int nsubjs = 0;
  for (uint32_t k : KidsOf(v)) nsubjs += dep_[k] == Dep::kNsubj;
  for (uint32_t k : KidsOf(v)) {
    if (dep_[k] != Dep::kNsubj && dep_[k] != Dep::kCsubj) continue;
    if (nsubjs > 1 && k < v) {
      // (Only a phrase set off by a comma: "..., the Somali government
      // bans"; "backing from X, Y and European nations" is one subject.)
      bool nearer = false;
      for (uint32_t o : KidsOf(v)) {
        if (dep_[o] != Dep::kNsubj || o <= k || o >= v) continue;
        size_t p = o;
        while (p > k + 1 && (Tag(p - 1) == Pos::kDet || Tag(p - 1) == Pos::kAdj || Tag(p - 1) == Pos::kPropn ||
                             Tag(p - 1) == Pos::kNoun || Tag(p - 1) == Pos::kNum))
          --p;
        nearer |= words_[p - 1] == ",";
      }
      std::vector<int> named;
      if (nearer) ActorsOf(k, &named, 0, nullptr);
      if (nearer && named.empty()) continue;
    }
    if (x_.tree_lex_->In("time", Lower(k))) {
      // A time word never blocks an argument: "the army yesterday attacked"
      // parsed with "yesterday" heading the subject.
      for (uint32_t c : KidsOf(k))
        if ((dep_[c] == Dep::kCompound || dep_[c] == Dep::kNmod || dep_[c] == Dep::kFlat ||
             dep_[c] == Dep::kAppos) &&
            ActorMention(c) >= 0) {
          // ("on Sunday Presidents X of A and Y of B signed" parsed as one
          // flat name headed by "Sunday".)
          subj = static_cast<int>(c);
          break;
        }
      if (subj >= 0) break;
      continue;
    }
    subj = static_cast<int>(k);
    break;
  }
  if (subj >= 0 && speaker_of_[v] >= 0) {
    // "X stressed that any deal must respect Y": no actor is told, so the
    // stance is the speaker's.
    std::vector<int> told;
    ActorsOf(subj, &told, 0, nullptr);
    if (told.empty()) {
      *through = true;
      return TreeSubjects(speaker_of_[v], through, pronoun, depth + 1);
    }
  }
  if (subj >= 0 && ActorMention(subj) < 0 && (Lower(subj) == "i" || Lower(subj) == "we")) {
    // 'Stoltenberg wrote, "I count on Turkey to act"': the speaker; "we"
    // only when the speaker is a country, an organisation or a group.
    QuoteSpeaker(v, &out);
    if (Lower(subj) == "we")
      out.erase(std::remove_if(out.begin(), out.end(),
                               [&](int m) { return entities_[mentions_[m].entity].e.category == "person"; }),
                out.end());
    if (!out.empty()) {
      *pronoun = true;
      return out;
    }
  }
  if (subj >= 0) {
    std::string_view w = Lower(subj);
    if ((w == "who" || w == "which" || w == "that") && (dep_[v] == Dep::kAclRelcl || dep_[v] == Dep::kAcl) &&
        head_[v] >= 0) {
      ActorsOf(head_[v], &out, 0, nullptr);
      return out;
    }
    bool indirect = false;
    ActorsOf(subj, &out, 0, &indirect);
    if (out.empty() && x_.tree_lex_->In("instrument", NounLemma(subj))) {
      // "Israeli airstrikes killed ...": the owner of the instrument acts.
      for (int m : NounSources(subj, true)) out.push_back(m);
      indirect = !out.empty();
    }
    for (int m : out)
      if (mentions_[m].pronoun) *pronoun = true;
    if (indirect) *through = true;
    return out;
  }
  if (TreePassive(v)) return out;  // a passive's subject is its patient
  if (head_[v] < 0) {
    if (int m = StraySubject(v); m >= 0) out.push_back(m);
    return out;
  }
  size_t h = head_[v];
  switch (dep_[v]) {
    case Dep::kConj:
      if (!IsVerbal(v) && Tag(v) != Pos::kAdj) break;  // a conjoined noun has no subject
      // "X says Y has targeted A ... and has targeted B": a verb with an
      // auxiliary hung on a verb of saying that has none continues the
      // reported clause (the parser's attachment), not the saying.
      if (IsVerbal(h) && x_.tree_lex_->In("speech", VerbLemma(h)) && KidWith(v, Dep::kAux) >= 0 &&
          KidWith(h, Dep::kAux) < 0) {
        int c = KidWith(h, Dep::kCcomp);
        if (c >= 0 && static_cast<size_t>(c) < v && KidWith(c, Dep::kAux) >= 0 &&
            Lower(KidWith(c, Dep::kAux)) == Lower(KidWith(v, Dep::kAux))) {
          *through = true;
          return TreeSubjects(c, through, pronoun, depth + 1);
        }
      }
      // "welcomed the decision and criticized X" with the second verb hung
      // on the first one's object: climb to the verb.
      while (!IsVerbal(h) && Tag(h) != Pos::kAdj && head_[h] >= 0 &&
             (dep_[h] == Dep::kObj || dep_[h] == Dep::kObl || dep_[h] == Dep::kNmod))
        h = head_[h];
      if (IsVerbal(h) && h < v) {
        // "She spoke about her husband, who was arrested in May, and
        // promised elections": a conjunct after ", and" hung on a relative
        // clause's verb continues the clause around it.
        int rs = KidWith(h, Dep::kNsubjPass);
        if (rs < 0) rs = KidWith(h, Dep::kNsubj);
        // (Or after an earlier such conjunct: "..., and promised X and held Y".)
        auto comma_and = [&](size_t c) {
          int cc = KidWith(c, Dep::kCc);
          return cc > 0 && words_[cc - 1] == ",";
        };
        bool outside = comma_and(v);
        for (uint32_t k : KidsOf(h))
          if (k < v && dep_[k] == Dep::kConj && IsVerbal(k) && !TreePassive(k) && comma_and(k)) outside = true;
        if (rs >= 0 && (Lower(rs) == "who" || Lower(rs) == "which") && outside && head_[h] >= 0) {
          int a = head_[h];
          for (int up = 0; a >= 0 && !IsVerbal(a) && up < 4; ++up) a = head_[a];
          if (a >= 0 && IsVerbal(a)) {
            *through = true;
            return TreeSubjects(a, through, pronoun, depth + 1);
          }
        }
      }
      if (IsVerbal(h) || Tag(h) == Pos::kAdj) {
        if (TreePassive(h)) return out;  // "was arrested and charged": no agent here
        *through = true;
        return TreeSubjects(h, through, pronoun, depth + 1);
      }
      break;
    case Dep::kXcomp: {
      // "its plans to seize X", "the decision to leave": a noun's
      // complement acts for the noun's owner, if it has one.
      if (!IsVerbal(h) && Tag(h) != Pos::kAdj) {
        if (Tag(h) == Pos::kNoun || Tag(h) == Pos::kPropn)
          for (uint32_t k : KidsOf(h))
            if (dep_[k] == Dep::kNmodPoss && ActorMention(k) >= 0) out.push_back(ActorMention(k));
        *through = true;
        return out;
      }
      // "urged X to leave": X; "refused to meet": the refuser.
      int obj = KidWith(h, Dep::kObj);
      if (obj < 0) obj = KidWith(h, Dep::kIobj);
      *through = true;
      if (obj >= 0) {
        ActorsOf(obj, &out, 0, nullptr);
        return out;
      }
      // "X is set to meet", "X is expected to visit": the raised subject.
      if (int ps = KidWith(h, Dep::kNsubjPass); ps >= 0) {
        ActorsOf(ps, &out, 0, nullptr);
        return out;
      }
      return TreeSubjects(h, through, pronoun, depth + 1);
    }
    case Dep::kAclRelcl:
    case Dep::kAcl:
      if (Tag(h) == Pos::kNoun || Tag(h) == Pos::kPropn) {
        // "China sanctions X, barring him from ...", "Y criticised X,
        // saying ...": a participle set off by a comma after a verb's
        // object is the verb's subject's (the parser hangs it on the
        // object; a restrictive one has no comma: "ships bearing a flag";
        // after a pronoun it is the pronoun's: "appointed him, resigning").
        if (dep_[v] == Dep::kAcl && EndsWith(Lower(v), "ing") && (dep_[h] == Dep::kObj || dep_[h] == Dep::kIobj) &&
            head_[h] >= 0 && IsVerbal(head_[h]) && !TreePassive(head_[h]) && Tag(h) != Pos::kPron) {
          size_t b = v;
          while (b > 0 && head_[b - 1] == static_cast<int>(v) && Tag(b - 1) == Pos::kAdv) --b;
          if (b > 0 && words_[b - 1] == ",") {
            *through = true;
            return TreeSubjects(head_[h], through, pronoun, depth + 1);
          }
        }
        *through = true;
        ActorsOf(h, &out, 0, nullptr);
        // "signed an order lifting sanctions", "plays a role in
        // facilitating": a participle on the object of a verb acts for that
        // verb's subject when the object is a document or the participle
        // has a subordinator ("a crisis of wildfires destroying X" does not).
        if (out.empty() && dep_[v] == Dep::kAcl && EndsWith(Lower(v), "ing") && dep_[h] == Dep::kObj &&
            head_[h] >= 0 && IsVerbal(head_[h]) &&
            (x_.tree_lex_->In("issued_noun", NounLemma(h)) ||
             (KidWith(v, Dep::kMark) >= 0 && x_.tree_lex_->In("same_subject_mark", Lower(KidWith(v, Dep::kMark))))))
          return TreeSubjects(head_[h], through, pronoun, depth + 1);
        // "Israel becomes the first country to recognize X", "X is the
        // first leader to visit Y": the infinitive on a predicate noun is
        // the subject's act.
        if (out.empty() && dep_[v] == Dep::kAcl && KidWith(v, Dep::kMark) >= 0 &&
            Lower(static_cast<size_t>(KidWith(v, Dep::kMark))) == "to") {
          if ((dep_[h] == Dep::kObj || dep_[h] == Dep::kXcomp) && head_[h] >= 0 && IsVerbal(head_[h]) &&
              VerbLemma(static_cast<size_t>(head_[h])) == "become")
            return TreeSubjects(head_[h], through, pronoun, depth + 1);
          if (KidWith(h, Dep::kCop) >= 0 && KidWith(h, Dep::kNsubj) >= 0)
            ActorsOf(static_cast<size_t>(KidWith(h, Dep::kNsubj)), &out, 0, nullptr);
        }
      }
      break;
    case Dep::kAdvcl:
      // "..., killing five soldiers": a gerund without a subject or marker
      // shares the main clause's subject.
      if (EndsWith(Lower(v), "ing") &&
          (KidWith(v, Dep::kMark) < 0 || x_.tree_lex_->In("same_subject_mark", Lower(KidWith(v, Dep::kMark))))) {
        // "the crisis of wildfires currently destroying X" misread as an
        // adverbial clause: a gerund right after the "of" noun of another
        // phrase (adverbs aside, no comma) modifies that noun, whose actor
        // (if any) is its subject. After the clause's own object ("shelled
        // the town killing five") or a medium ("a message on Twitter
        // blaming X") it is the clause's.
        size_t b = v;
        while (b > 0 && head_[b - 1] == static_cast<int>(v) && Tag(b - 1) == Pos::kAdv) --b;
        if (b > 0 && h < b - 1 && Tag(b - 1) == Pos::kNoun && dep_[b - 1] == Dep::kNmod && CaseOf(b - 1) == "of" &&
            head_[b - 1] >= 0 && static_cast<size_t>(head_[b - 1]) != h && !x_.tree_lex_->In("time", Lower(b - 1))) {
          *through = true;
          ActorsOf(b - 1, &out, 0, nullptr);
          return out;
        }
        // "police fire tear gas at demonstrators in X, protesting against
        // Y": a protest right after a crowd is the crowd's.
        if (x_.tree_lex_->In("protest_verb", VerbLemma(v)) && b >= 2 && words_[b - 1] == ",") {
          int cm = mention_at_[b - 2];
          bool crowd = false;
          if (cm >= 0 && mentions_[cm].entity >= 0 && !mentions_[cm].pronoun &&
              entities_[mentions_[cm].entity].e.category == "group")
          {
            const std::string& label = entities_[mentions_[cm].entity].e.label;
            crowd = x_.tree_lex_->In("crowd", LowerAscii(label.substr(label.rfind(' ') + 1)));
          }
          if (crowd) {
            out.push_back(cm);
            return out;
          }
        }
        *through = true;
        return TreeSubjects(h, through, pronoun, depth + 1);
      }
      break;
    default:
      break;
  }
  return out;
}

// "In a statement following the attack, X, a spokesman for Y, blamed Z":
// the parser often hangs the name between the commas on the fronted phrase
// (as an apposition of "attack") and leaves the main verb without a subject.
// The name set off by commas right before the verb, inside a phrase that
// depends on the verb and stands before it, is the verb's subject.
int DocumentRun::StraySubject(size_t v) const {
  if (!IsVerbal(v) || v < 3) return -1;
  size_t b = v - 1;
  while (b > 0 && Tag(b) == Pos::kAdv && head_[b] == static_cast<int>(v)) --b;
  if (Lower(b) != ",") return -1;
  // The mention whose phrase ends at b: walk back over the apposition.
  for (size_t t = b; t-- > 0 && b - t <= 12;) {
    if (Tag(t) == Pos::kVerb || Tag(t) == Pos::kAux || Lower(t) == ";") return -1;
    int m = mention_at_[t];
    if (m < 0 || mentions_[m].entity < 0 || mentions_[m].modifier || mentions_[m].pronoun) continue;
    size_t first = mentions_[m].first;
    // A name inside the apposition ("a spokesman for the PMF"): look further back.
    if (first == 0 || Lower(first - 1) != ",") {
      t = first;
      continue;
    }
    // The mention's head: the word of the mention whose head lies outside it.
    size_t h = first;
    for (size_t i = first; i < mentions_[m].last; ++i)
      if (head_[i] < static_cast<int>(first) || head_[i] >= static_cast<int>(mentions_[m].last)) h = i;
    if (dep_[h] != Dep::kAppos && dep_[h] != Dep::kConj) return -1;
    // Everything between the mention and the verb's comma belongs to the
    // mention (its apposition), and the mention hangs, through words before
    // it, on an oblique or adverbial clause of the verb.
    // (An apposition may hang on the same word as the name: "the attack,
    // X, a spokesman for Y,".)
    for (size_t i = mentions_[m].last; i < b; ++i) {
      int a = static_cast<int>(i);
      bool mine = false;
      for (int g = 0; g < 8 && a >= 0 && !mine; ++g) {
        mine = a == static_cast<int>(h) ||
               (a >= static_cast<int>(mentions_[m].last) && dep_[a] == Dep::kAppos && head_[a] == head_[h]);
        a = head_[a];
      }
      if (!mine && Lower(i) != ",") return -1;
    }
    int a = static_cast<int>(h);
    for (int g = 0; g < 8; ++g) {
      int up = head_[a];
      if (up < 0) return -1;
      if (up == static_cast<int>(v)) {
        if (a < static_cast<int>(first) && (dep_[a] == Dep::kObl || dep_[a] == Dep::kAdvcl || dep_[a] == Dep::kOblTmod))
          return m;
        return -1;
      }
      if (up > static_cast<int>(v)) return -1;
      a = up;
    }
    return -1;
  }
  return -1;
}

// The actor that did the act a definite noun names ("the attack", "the
// ultimatum", "the move"): the subject of the latest relation of a class
// that noun can name, from this sentence or the ten before, by another
// actor than subject_entity. -1 when there is none, when the noun has its
// own modifiers or complements (then it names something else), or when it
// is not introduced by "the/this/that".
constexpr uint32_t kAntecedentWindow = 10;

int DocumentRun::AntecedentAgent(size_t node, int subject_entity, uint32_t sentence) const {
  int det = KidWith(node, Dep::kDet);
  if (det < 0) return -1;
  std::string_view d = Lower(static_cast<size_t>(det));
  if (d != "the" && d != "this" && d != "that" && d != "these") return -1;
  for (uint32_t k : KidsOf(node))
    if (dep_[k] == Dep::kNmod || dep_[k] == Dep::kCompound || dep_[k] == Dep::kNmodPoss || dep_[k] == Dep::kAcl ||
        dep_[k] == Dep::kAclRelcl || dep_[k] == Dep::kNummod)
      return -1;
  std::string lemma = NounLemma(node);
  bool any = x_.tree_lex_->In("antecedent_any", lemma);
  for (size_t i = acts_.size(); i-- > 0;) {
    const Act& a = acts_[i];
    if (a.sentence + kAntecedentWindow < sentence) break;
    if (a.mention < 0 || a.sentence > sentence || mentions_[a.mention].entity < 0 ||
        mentions_[a.mention].entity == subject_entity)
      continue;
    if (!(any && a.cls != "CONSULT") && !x_.tree_lex_->In("antecedent_" + a.cls, lemma)) continue;
    return a.mention;
  }
  return -1;
}

// The patient of the latest act, read without its agent, that the noun at
// node can name ("oil facilities were hit by drone strikes ... the
// attacks"), from this sentence or the ten before; -1 when none.
int DocumentRun::AntecedentPatient(size_t node, uint32_t sentence) const {
  std::string lemma = NounLemma(node);
  for (size_t i = acts_.size(); i-- > 0;) {
    const Act& a = acts_[i];
    if (a.sentence + kAntecedentWindow < sentence) break;
    if (a.patient < 0 || a.sentence > sentence || mentions_[a.patient].entity < 0) continue;
    if (!x_.tree_lex_->In("antecedent_" + a.cls, lemma)) continue;
    return a.patient;
  }
  return -1;
}

// "The Houthi movement claimed responsibility for the attacks": the claimer
// did the act the noun names, to whom the noun's own complement names ("for
// the attack on X") or else to the patient of that act read before without
// its agent. True when t was such a claim.
bool DocumentRun::ClaimedAct(uint32_t index, size_t t) {
  if (!x_.tree_lex_->In("claim_verb", VerbLemma(t))) return false;
  int obj = KidWith(t, Dep::kObj);
  if (obj < 0 || NounLemma(static_cast<size_t>(obj)) != "responsibility") return false;
  int act = -1;
  for (size_t h : {static_cast<size_t>(obj), t})
    for (uint32_t k : KidsOf(h))
      if ((dep_[k] == Dep::kNmod || dep_[k] == Dep::kObl) && CaseOf(k) == "for" && Tag(k) == Pos::kNoun && act < 0)
        act = static_cast<int>(k);
  if (act < 0) return false;
  std::string cls;
  for (const char* c : {"ASSAULT", "COERCE", "THREATEN", "SANCTION"})
    if (x_.tree_lex_->In(std::string("antecedent_") + c, NounLemma(static_cast<size_t>(act)))) cls = c;
  if (cls.empty()) return false;
  bool through = false, pronoun = false;
  std::vector<int> subjects = TreeSubjects(t, &through, &pronoun, 0);
  if (subjects.empty() || TreeNegated(t)) return true;
  std::vector<Target> targets;
  PrepTargets(static_cast<size_t>(act), {"on", "against", "in"}, &targets);
  targets.erase(std::remove_if(targets.begin(), targets.end(), [](const Target& tg) { return tg.mention < 0; }),
                targets.end());
  if (targets.empty()) {
    int p = AntecedentPatient(static_cast<size_t>(act), index);
    if (p >= 0) {
      Target tg;
      tg.mention = p;
      targets.push_back(tg);
    }
  }
  if (targets.empty()) return true;
  RelationEntry r;
  r.lemma = "claim responsibility for";
  r.head = "claim";
  r.prep = "responsibility for";
  r.cls = cls;
  r.polarity = -1;
  float conf = Confidence::kDirect - Confidence::kThrough - (pronoun ? Confidence::kPronoun : 0);
  EmitAll(subjects, targets, r, false, conf, index);
  return true;
}

// The speaker of the quotation a clause stands in: the actor subject of the
// speech verb the clause is the complement of ('X wrote, "I count on Y"')
// or that hangs on the clause ('"I count on Y," X wrote'), a few levels up.
void DocumentRun::QuoteSpeaker(size_t v, std::vector<int>* out) const {
  auto speaker = [&](size_t sv) {
    if (!IsVerbal(sv) || !x_.tree_lex_->In("speech", VerbLemma(sv))) return false;
    int s = KidWith(sv, Dep::kNsubj);
    if (s < 0) return false;
    ActorsOf(static_cast<size_t>(s), out, 0, nullptr);
    return !out->empty();
  };
  size_t a = v;
  for (int g = 0; g < 4; ++g) {
    for (uint32_t k : KidsOf(a))
      if (dep_[k] == Dep::kParataxis && speaker(k)) return;
    if (head_[a] < 0) return;
    Dep d = dep_[a];
    if (d != Dep::kCcomp && d != Dep::kParataxis && d != Dep::kConj && d != Dep::kXcomp && d != Dep::kAdvcl) return;
    a = static_cast<size_t>(head_[a]);
    if (speaker(a)) return;
  }
}

// Owners of a nominal node that can be the source of the event it names:
// possessors, demonym and name modifiers, compounds, "by" phrases.
std::vector<int> DocumentRun::NounSources(size_t n, bool instrument) const {
  std::vector<int> out;
  for (uint32_t k : KidsOf(n)) {
    Dep d = dep_[k];
    bool owner = d == Dep::kNmodPoss || d == Dep::kAmod || d == Dep::kCompound ||
                 ((d == Dep::kNmod || d == Dep::kObl || d == Dep::kOblAgent) && CaseOf(k) == "by");
    if (!owner) continue;
    int m = mention_at_[k];
    // ("its sanctions", "its support": the owner a pronoun names is no
    // source of the act; "lifts its sanctions" is no sanction. But "its air
    // defences shot down": an instrument's.)
    if (m >= 0 && mentions_[m].pronoun && Lower(k) == "its" && !instrument) continue;
    // ("the Chez Jo Goldenberg restaurant attack": a name before a
    // building names that building, here the place attacked.)
    if (m >= 0 && d == Dep::kCompound) {
      bool thing = false;
      for (uint32_t c : KidsOf(n))
        thing |= dep_[c] == Dep::kCompound && c >= mentions_[m].last && c < n && Tag(c) == Pos::kNoun && mention_at_[c] < 0 &&
                 x_.tree_lex_->In("facility_noun", NounLemma(c));
      if (thing) continue;
    }
    if (m >= 0 && mentions_[m].entity >= 0 && mentions_[m].byte_end == 0) {
      if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      for (uint32_t c : KidsOf(k))
        if (dep_[c] == Dep::kConj) {
          int cm = mention_at_[c];
          if (cm >= 0 && mentions_[cm].entity >= 0 && std::find(out.begin(), out.end(), cm) == out.end())
            out.push_back(cm);
        }
    }
  }
  // "an attack on a military post by the Taliban": the "by" phrase hung on
  // the act's complement, when the complement is no actor itself.
  if (out.empty())
    for (uint32_t k : KidsOf(n)) {
      if (dep_[k] != Dep::kNmod || k < n || ActorMention(k) >= 0 || Tag(k) != Pos::kNoun) continue;
      std::string c = CaseOf(k);
      if (c != "on" && c != "against" && c != "of") continue;
      for (uint32_t g : KidsOf(k))
        if (dep_[g] == Dep::kNmod && CaseOf(g) == "by" && ActorMention(g) >= 0 && mentions_[ActorMention(g)].byte_end == 0 &&
            std::find(out.begin(), out.end(), ActorMention(g)) == out.end())
          out.push_back(ActorMention(g));
    }
  // The noun inside a group mention ("Russian forces" as one mention).
  if (out.empty()) {
    int m = mention_at_[n];
    if (m >= 0 && mentions_[m].entity >= 0) out.push_back(m);
  }
  return out;
}

// An issue from the noun phrase headed by n: the head with its compounds and
// adjectives and one complement ("sanctions on Syria", "control of eastern
// territories"); never a pronoun, a number, a casualty count or a bare
// generic noun.
// An issue from a gerund clause: "Ukraine joining NATO" -> "NATO
// membership", "maintaining its sovereignty" -> sovereignty.
bool DocumentRun::GerundIssue(size_t v, Target* target) {
  if (Tag(v) != Pos::kVerb) return false;
  int o = KidWith(v, Dep::kObj);
  if (o < 0) return false;
  std::string lemma = VerbLemma(v);
  int om = ActorMention(o);
  if (om >= 0) {
    const std::string& label = entities_[mentions_[om].entity].e.label;
    if (lemma == "join" || lemma == "enter") {
      target->issue = label + " membership";
    } else {
      std::string noun;
      if (x_.wordnet_) {
        for (const auto& nn : x_.wordnet_->RelatedNouns(lemma)) {
          if (nn.size() > lemma.size() && nn.find(' ') == std::string::npos &&
              nn.compare(0, std::min<size_t>(4, lemma.size()), lemma, 0, std::min<size_t>(4, lemma.size())) == 0) {
            noun = nn;
            break;
          }
        }
      }
      if (noun.empty()) return false;
      target->issue = noun + " of " + label;
    }
    // The gerund's subject owns the issue: "Ukraine joining NATO".
    int gs = KidWith(v, Dep::kNsubj);
    if (gs >= 0 && ActorMention(gs) >= 0) target->possessor = entities_[mentions_[ActorMention(gs)].entity].e.label;
    return true;
  }
  // "the importance of maintaining X": carrier verbs pass their object through.
  if (x_.tree_lex_->In("carrier", lemma)) return IssueFromTree(o, target);
  return false;
}

// The label of the first actor that owns the noun at n ("Ukraine's right"),
// or "".
std::string DocumentRun::PossessorLabel(size_t n) const {
  for (uint32_t k : KidsOf(n))
    if (dep_[k] == Dep::kNmodPoss && mention_at_[k] >= 0 && mentions_[mention_at_[k]].entity >= 0)
      return entities_[mentions_[mention_at_[k]].entity].e.label;
  return "";
}

bool DocumentRun::IssueFromTree(size_t n, Target* target) {
  if (Tag(n) == Pos::kVerb) return GerundIssue(n, target);
  // "Ukraine joining NATO": the actor with a gerund clause.
  for (uint32_t k : KidsOf(n))
    if ((dep_[k] == Dep::kAcl || dep_[k] == Dep::kAclRelcl) && Tag(k) == Pos::kVerb && EndsWith(Lower(k), "ing") && k > n &&
        ActorMention(n) >= 0) {
      Target g;
      if (GerundIssue(k, &g)) {
        if (g.possessor.empty()) g.possessor = entities_[mentions_[ActorMention(n)].entity].e.label;
        *target = g;
        return true;
      }
    }
  // "advocating for Ukraine's right to maintain X": a noun that takes an
  // infinitive is about what the infinitive does, also when the parser hung
  // "to V" on the noun's governor instead of the noun.
  // ("Taiwan's right" read as an adjective is still the noun its possessor owns.)
  if ((Tag(n) == Pos::kNoun || (Tag(n) == Pos::kAdj && KidWith(n, Dep::kNmodPoss) >= 0)) &&
      x_.tree_lex_->In("infinitive_noun", Lower(n))) {
    int inf = -1;
    for (uint32_t k : KidsOf(n))
      if (dep_[k] == Dep::kAcl && k > n && Tag(k) == Pos::kVerb && KidWith(k, Dep::kMark) >= 0 &&
          Lower(static_cast<size_t>(KidWith(k, Dep::kMark))) == "to")
        inf = static_cast<int>(k);
    if (inf < 0 && n + 2 < words_.size() && Lower(n + 1) == "to" && dep_[n + 1] == Dep::kMark && Tag(n + 2) == Pos::kVerb &&
        head_[n + 2] >= 0 && head_[n + 2] == head_[n] && (dep_[n + 2] == Dep::kAdvcl || dep_[n + 2] == Dep::kXcomp))
      inf = static_cast<int>(n + 2);
    Target g;
    if (inf >= 0 && GerundIssue(static_cast<size_t>(inf), &g)) {
      if (g.possessor.empty()) g.possessor = PossessorLabel(n);
      *target = g;
      return true;
    }
  }
  // "10 million dollars in aid": the thing the money is given as.
  if (Tag(n) == Pos::kNoun && x_.tree_lex_->In("currency_noun", NounLemma(n)))
    for (uint32_t k : KidsOf(n))
      if (dep_[k] == Dep::kNmod && CaseOf(k) == "in" && Tag(k) == Pos::kNoun && k > n) {
        n = k;
        break;
      }
  for (int guard = 0; guard < 3; ++guard) {
    if (Tag(n) != Pos::kNoun) break;
    std::string lemma = NounLemma(n);
    if (!x_.tree_lex_->In("light_noun", lemma) && !x_.tree_lex_->In("light_noun", Lower(n))) break;
    int next = -1;
    for (uint32_t k : KidsOf(n))
      if ((dep_[k] == Dep::kNmod || dep_[k] == Dep::kAcl) && (Tag(k) == Pos::kNoun || Tag(k) == Pos::kPropn)) {
        std::string c = CaseOf(k);
        if (c == "of" || c == "for" || c == "to") {
          next = static_cast<int>(k);
          break;
        }
      }
    if (next < 0) {
      // "the right to maintain its integrity", "the importance of maintaining X".
      for (uint32_t k : KidsOf(n))
        if ((dep_[k] == Dep::kAcl || dep_[k] == Dep::kNmod) && Tag(k) == Pos::kVerb) {
          Target g;
          if (GerundIssue(k, &g)) {
            if (g.possessor.empty()) g.possessor = PossessorLabel(n);
            *target = g;
            return true;
          }
        }
      break;
    }
    // The owner of the light noun owns what it carries: "Ukraine's right to sovereignty".
    for (uint32_t k : KidsOf(n))
      if (dep_[k] == Dep::kNmodPoss && mention_at_[k] >= 0 && mentions_[mention_at_[k]].entity >= 0)
        target->possessor = entities_[mentions_[mention_at_[k]].entity].e.label;
    n = next;
  }
  Pos tag = Tag(n);
  if (tag != Pos::kNoun && tag != Pos::kPropn) return false;
  if (ActorMention(n) >= 0) return false;
  std::string head_lemma = NounLemma(n);
  if (x_.tree_lex_->In("time", Lower(n)) || x_.tree_lex_->In("time", head_lemma)) return false;
  // "two people", "26 Palestinians": casualties, not issues.
  bool counted = false;
  for (uint32_t k : KidsOf(n))
    if (dep_[k] == Dep::kNummod) counted = true;
  if (counted && (x_.tree_lex_->In("casualty", Lower(n)) || x_.tree_lex_->In("casualty", head_lemma))) return false;
  // Tokens of the phrase: the head, its compounds, adjectives and possessed
  // flat parts, and one complement with its own modifiers.
  std::vector<size_t> toks = {n};
  int modifiers = 0;
  std::string possessor;
  for (uint32_t k : KidsOf(n)) {
    Dep d = dep_[k];
    if (d == Dep::kCompound || d == Dep::kFlat || (d == Dep::kAmod && Tag(k) != Pos::kVerb && Tag(k) != Pos::kNum)) {
      if (k + 4 < n) continue;  // far modifiers are parse noise
      // (An adjective after the noun heads a phrase of its own: "an
      // investigation independent of the government" is no "investigation
      // independent".)
      if (d == Dep::kAmod && k > n && !IsCap(k)) {  // (not "Attorney General")
        bool own_phrase = false;
        for (uint32_t c : KidsOf(k))
          own_phrase |= dep_[c] == Dep::kObl || dep_[c] == Dep::kNmod || dep_[c] == Dep::kXcomp || dep_[c] == Dep::kCcomp;
        if (own_phrase || k + 1 >= toks_.size() || Tag(k + 1) == Pos::kAdp) continue;
      }
      // (Nor an amount: "a US$100,000 reward", "a $10 million dollar reward".)
      std::string_view kw = Lower(k);
      if (words_[k].find('$') != std::string_view::npos || Tag(k) == Pos::kSym ||
          (k + 1 < toks_.size() && words_[k + 1].find('$') != std::string_view::npos) || kw == "dollar" ||
          kw == "dollars" || kw == "euro" || kw == "euros" || kw == "yuan" || kw == "rupee" || kw == "yen")
        continue;
      // (Nor hedges: "suspected drug dealers" are "drug dealers".)
      if (d == Dep::kAmod && (Lower(k) == "such" || Lower(k) == "other" || Lower(k) == "many" || Lower(k) == "several" ||
                               Lower(k) == "further" || Lower(k) == "same" || Lower(k) == "own" ||
                               Lower(k) == "suspected" || Lower(k) == "alleged" || Lower(k) == "presumed" ||
                               Lower(k) == "purported"))
        continue;
      toks.push_back(k);
      for (uint32_t c : KidsOf(k))
        if (dep_[c] == Dep::kCompound || dep_[c] == Dep::kAdvmod || dep_[c] == Dep::kAmod) toks.push_back(c);
      ++modifiers;
    } else if (d == Dep::kNmodPoss) {
      int pm = mention_at_[k];
      if (pm >= 0 && mentions_[pm].entity >= 0) possessor = entities_[mentions_[pm].entity].e.label;
    }
  }
  bool complement = false;
  for (uint32_t k : KidsOf(n)) {
    if (dep_[k] != Dep::kNmod || k < n) continue;
    std::string c = CaseOf(k);
    if (c != "of" && c != "on" && c != "for" && c != "against" && c != "to" && c != "with" && c != "from" &&
        c != "over" && c != "into" && c != "in")
      continue;
    if (Tag(k) != Pos::kNoun && Tag(k) != Pos::kPropn) continue;
    if (k - n > 6) continue;
    // "action on Thursday": a date or time word is no complement.
    if (x_.tree_lex_->In("time", Lower(k)) || x_.tree_lex_->In("time", NounLemma(k))) continue;
    // The complement: its case, its compounds and adjectives, the mention it is.
    for (uint32_t c2 : KidsOf(k))
      if (dep_[c2] == Dep::kCase || dep_[c2] == Dep::kCompound || dep_[c2] == Dep::kAmod || dep_[c2] == Dep::kFlat ||
          dep_[c2] == Dep::kNmodPoss)
        toks.push_back(c2);
    int cm = mention_at_[k];
    if (cm >= 0) {
      for (uint32_t t = mentions_[cm].first; t < mentions_[cm].last; ++t) toks.push_back(t);
    } else {
      toks.push_back(k);
    }
    complement = true;
    break;
  }
  std::sort(toks.begin(), toks.end());
  toks.erase(std::unique(toks.begin(), toks.end()), toks.end());
  // Keep the phrase contiguous from its first to last token; drop gaps.
  std::string label;
  for (size_t w : toks) {
    if (Tag(w) == Pos::kDet || Tag(w) == Pos::kPunct || words_[w] == "'s") continue;
    std::string piece(Surface(w));
    if (w == n) {
      std::string lemma = NounLemma(w);
      if (!IsCap(w) && !lemma.empty() && !(Lower(w) == "talks" || Lower(w) == "ties" || Lower(w) == "relations" ||
                                           Lower(w) == "arms" || Lower(w) == "forces" || Lower(w) == "affairs" ||
                                           Lower(w) == "negotiations" || Lower(w) == "elections" || Lower(w) == "rights"))
        piece = lemma;
    } else if (IsCap(w) && !toks_[w].Has(kAllCaps) && mention_at_[w] < 0 && Tag(w) != Pos::kPropn) {
      for (auto& c : piece)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    // "LGBT rights and gun rights" parsed as a chain of compounds: one "rights".
    if (label.size() >= piece.size() &&
        label.compare(label.size() - piece.size(), piece.size(), piece) == 0 &&
        (label.size() == piece.size() || label[label.size() - piece.size() - 1] == ' '))
      continue;
    if (!label.empty()) label += ' ';
    label += piece;
  }
  if (label.empty()) return false;
  // A bare generic noun is no issue.
  if (modifiers == 0 && !complement &&
      (x_.tree_lex_->In("vague", Lower(n)) || x_.tree_lex_->In("vague", head_lemma) ||
       x_.tree_lex_->In("casualty", Lower(n))))
    return false;
  if (tag == Pos::kPropn && modifiers == 0 && !complement) return false;  // an unknown name is no issue
  // A bare word that is one of the lexicon's verbs is most likely a verb the
  // tagger missed ("..., kills four people"), not an issue.
  if (modifiers == 0 && !complement && EndsWith(Lower(n), "s") && lex_.Relations(head_lemma, false) &&
      KidWith(n, Dep::kDet) < 0)
    return false;
  target->issue = label;
  target->node = static_cast<int>(n);
  if (target->possessor.empty()) target->possessor = possessor;
  // The actor that owns the thing: possessor, demonym or name modifier, or
  // an "of/from/by" complement, looked for two levels down.
  target->owner = -1;
  std::vector<size_t> frontier = {n};
  for (int level = 0; level < 2 && target->owner < 0; ++level) {
    std::vector<size_t> next;
    for (size_t f : frontier)
      for (uint32_t k : KidsOf(f)) {
        Dep d = dep_[k];
        bool of = d == Dep::kNmod && (CaseOf(k) == "of" || CaseOf(k) == "from" || CaseOf(k) == "by");
        bool owner = d == Dep::kNmodPoss || d == Dep::kAmod || d == Dep::kCompound || of;
        // A word of the head's own mention ("United" in "United States") owns nothing.
        // ("its planned negotiations with X": the subject's own thing.)
        if (owner && mention_at_[k] >= 0 && mention_at_[k] != mention_at_[f] && mentions_[mention_at_[k]].entity >= 0 &&
            target->owner < 0 && !(mentions_[mention_at_[k]].pronoun && Lower(k) == "its"))
          target->owner = mention_at_[k];
        if (d == Dep::kNmod || d == Dep::kCompound || d == Dep::kAmod) next.push_back(k);
      }
    frontier = std::move(next);
  }
  // "an agreement with X", "ties with X"; "sites in central Israel".
  // (Through an "of" phrase: "the implementation of a peace agreement with X".)
  target->partner = target->where = -1;
  std::vector<size_t> heads = {n};
  for (uint32_t k : KidsOf(n))
    if (dep_[k] == Dep::kNmod && CaseOf(k) == "of" && Tag(k) == Pos::kNoun) heads.push_back(k);
  // ("a new election to be held in Ukraine": the place of the clause on
  // the noun.)
  // (Or of the clause it is the subject of, after "for": "calls for a new
  // election to be held in Ukraine".)
  std::vector<size_t> clauses;
  for (uint32_t k : KidsOf(n))
    if (dep_[k] == Dep::kAcl && Tag(k) == Pos::kVerb && k > n) clauses.push_back(k);
  if ((dep_[n] == Dep::kNsubj || dep_[n] == Dep::kNsubjPass) && head_[n] > static_cast<int>(n)) {
    const size_t h = static_cast<size_t>(head_[n]);
    int mark = KidWith(h, Dep::kMark);
    if (mark >= 0 && static_cast<size_t>(mark) < n && Lower(mark) == "for") clauses.push_back(h);
  }
  // ("called for elections to be held in Venezuela", the clause hung on
  // the verb right after the noun's phrase.)
  if (dep_[n] == Dep::kObl && head_[n] >= 0) {
    for (uint32_t k : KidsOf(static_cast<size_t>(head_[n]))) {
      if ((dep_[k] != Dep::kAdvcl && dep_[k] != Dep::kXcomp) || k < n || KidWithBase(k, Dep::kNsubj) >= 0) continue;
      int mark = KidWith(k, Dep::kMark);
      if (mark < 0 || Lower(mark) != "to") continue;
      bool adjacent = true;
      for (size_t t = n + 1; t < static_cast<size_t>(mark) && adjacent; ++t) {
        int a = static_cast<int>(t);
        for (int d = 0; d < 8 && a >= 0 && a != static_cast<int>(n); ++d) a = head_[a];
        adjacent = a == static_cast<int>(n) || (t > n && head_[t] == static_cast<int>(k));
      }
      if (adjacent) clauses.push_back(k);
    }
  }
  for (size_t k : clauses)
      for (uint32_t g : KidsOf(k))
        if (dep_[g] == Dep::kObl && target->where < 0 && (CaseOf(g) == "in" || CaseOf(g) == "across")) {
          int gm = ActorMention(g);
          if (gm >= 0 && entities_[mentions_[gm].entity].e.category == "country") target->where = gm;
        }
  for (size_t h : heads)
    for (uint32_t k : KidsOf(h)) {
      if (dep_[k] != Dep::kNmod) continue;
      int km = ActorMention(k);
      if (km < 0) continue;
      std::string c = CaseOf(k);
      if ((c == "with" || c == "against") && target->partner < 0) target->partner = km;
      if (InsideCase(c) && target->where < 0 &&
          entities_[mentions_[km].entity].e.category == "country")
        target->where = km;
    }
  // "facilities belonging to X", "a plant owned by X".
  for (uint32_t k : KidsOf(n)) {
    if (target->owner >= 0) break;
    if (dep_[k] != Dep::kAcl || !x_.tree_lex_->In("owning_verb", VerbLemma(k))) continue;
    for (uint32_t g : KidsOf(k))
      if ((dep_[g] == Dep::kObl || dep_[g] == Dep::kOblAgent) && (CaseOf(g) == "to" || CaseOf(g) == "by") &&
          ActorMention(g) >= 0) {
        target->owner = ActorMention(g);
        break;
      }
  }
  // "condemned an attack by X": the agent of the act.
  for (uint32_t k : KidsOf(n))
    if ((dep_[k] == Dep::kNmod || dep_[k] == Dep::kAcl) && CaseOf(k) == "by" && ActorMention(k) >= 0)
      target->about = ActorMention(k);
  return true;
}

// Targets of a nominal argument: its actors, else the issue it names; and
// the items coordinated with it.
void DocumentRun::TargetsOf(size_t n, std::vector<Target>* targets, int depth) {
  if (depth > 6) return;
  // "fines Google €2.95 billion" parsed with the name as a compound of the
  // amount: the name.
  if (Tag(n) == Pos::kSym)
    for (uint32_t k : KidsOf(n))
      if (dep_[k] == Dep::kCompound && k < n && ActorMention(k) >= 0) {
        TargetsOf(k, targets, depth + 1);
        return;
      }
  // "kill at least 26 Palestinians" parsed with the number as the head:
  // the actor it counts.
  // (So with an age read as a noun: "sentences 27-year old X".)
  const bool age = Tag(n) == Pos::kNoun && toks_[n].Has(kHasDigit) && Lower(n).find("-year") != std::string_view::npos;
  if ((Tag(n) == Pos::kNum || age) && ActorMention(n) < 0) {
    for (uint32_t k : KidsOf(n))
      if (k > n && ActorMention(k) >= 0 && dep_[k] != Dep::kConj) {
        TargetsOf(k, targets, depth + 1);
        return;
      }
    return;
  }
  // "convicts pro-democracy activist and media entrepreneur Jimmy Lai":
  // descriptions coordinated before a name describe that person.
  if (Tag(n) == Pos::kNoun && ActorMention(n) < 0)
    for (uint32_t c : KidsOf(n)) {
      if (dep_[c] != Dep::kConj || Tag(c) != Pos::kNoun || ActorMention(c) >= 0) continue;
      for (uint32_t k : KidsOf(c)) {
        int km = ActorMention(k);
        if (km >= 0 && mentions_[km].first == c + 1 && CaseOf(k).empty() &&
            entities_[mentions_[km].entity].e.category == "person") {
          TargetsOf(k, targets, depth + 1);
          return;
        }
      }
    }
  bool appos_actor = false;
  for (uint32_t k : KidsOf(n))
    if (dep_[k] == Dep::kAppos && ActorMention(k) >= 0 && (Tag(n) == Pos::kNoun || Tag(n) == Pos::kPropn) &&
        !SourceAttribution(k)) {
      appos_actor = true;
    } else if (NameAfterNoun(n, k)) {
      appos_actor = true;  // "detains media personality X"
    }
  if (ActorMention(n) >= 0) {
    Target g;
    bool gerund = false;
    for (uint32_t k : KidsOf(n))
      if ((dep_[k] == Dep::kAcl || dep_[k] == Dep::kAclRelcl) && Tag(k) == Pos::kVerb && EndsWith(Lower(k), "ing") && k > n)
        gerund = true;
    if (gerund && IssueFromTree(n, &g)) {
      targets->push_back(g);
      return;
    }
    // The same when the parser made the gerund a head of its own: an actor
    // right before "joining X" is the gerund's subject.
    size_t after = mentions_[ActorMention(n)].last;
    if (after < toks_.size() && Tag(after) == Pos::kVerb && EndsWith(Lower(after), "ing") && KidWith(after, Dep::kObj) >= 0 &&
        GerundIssue(after, &g)) {
      if (g.possessor.empty()) g.possessor = entities_[mentions_[ActorMention(n)].entity].e.label;
      targets->push_back(g);
      return;
    }
  }
  if (int described = DescribedActor(n); described >= 0 && ActorMention(n) < 0 && !appos_actor) {
    Target a;
    a.mention = described;
    targets->push_back(a);
    for (uint32_t k : KidsOf(n))
      if (dep_[k] == Dep::kConj && !IsVerbal(k)) TargetsOf(k, targets, depth + 1);
    return;
  }
  if (ActorMention(n) >= 0 || appos_actor) {
    std::vector<int> actors;
    ActorsOf(n, &actors, 0, nullptr);
    AddActorTargets(actors, targets);
    // Issues coordinated with an actor: "X and its sovereignty" (not the
    // places that say where the first one is: "Uvira, South Kivu, DRC").
    for (uint32_t k : KidsOf(n))
      if (dep_[k] == Dep::kConj && !IsVerbal(k) && ActorMention(k) < 0 &&
          !(mention_at_[k] >= 0 && mentions_[mention_at_[k]].modifier && !mentions_[mention_at_[k]].pronoun &&
            mentions_[mention_at_[k]].entity >= 0 &&
            (entities_[mentions_[mention_at_[k]].entity].e.category == "location" ||
             entities_[mentions_[mention_at_[k]].entity].e.category == "country")))
        TargetsOf(k, targets, depth + 1);
    return;
  }
  // "the government of X", "X's leaders": the actor the head stands for.
  if (x_.tree_lex_->In("actor_head", Lower(n)) && ActorMention(n) < 0) {
    std::vector<int> actors;
    bool indirect = false;
    ActorsOf(n, &actors, 0, &indirect);
    if (!actors.empty()) {
      AddActorTargets(actors, targets);
      return;
    }
  }
  // "the Independent Democratic Action party", "the Fano armed group": the
  // organisation named before the noun of its kind, not an issue.
  if (Tag(n) == Pos::kNoun && ActorMention(n) < 0 && !x_.tree_lex_->AnaphorClass(Lower(n)).empty()) {
    bool named_before = false;
    for (uint32_t k : KidsOf(n)) named_before |= k < n && (dep_[k] == Dep::kCompound || dep_[k] == Dep::kAmod) && ActorMention(k) >= 0;
    if (named_before) {
      std::vector<int> actors;
      ActorsOf(n, &actors, 0, nullptr);
      if (!actors.empty()) {
        AddActorTargets(actors, targets);
        return;
      }
    }
  }
  // "pardoned several opposition figures, including X and Y": the members.
  {
    std::vector<Target> members;
    for (uint32_t k : KidsOf(n))
      if (dep_[k] == Dep::kNmod && x_.tree_lex_->In("member_case", CaseOf(k))) TargetsOf(k, &members, depth + 1);
    bool any = false;
    for (const auto& m : members) any |= m.mention >= 0;
    if (any) {
      for (const auto& m : members)
        if (m.mention >= 0) targets->push_back(m);
      return;
    }
  }
  Target t;
  if (IssueFromTree(n, &t)) {
    targets->push_back(t);
    // "opposed Macron's statement", "backed Russia's proposal": a stance
    // on what an actor said is a stance toward the actor too.
    if (x_.tree_lex_->In("speech_noun", NounLemma(n))) {
      bool found = false;
      for (uint32_t k : KidsOf(n))
        if ((dep_[k] == Dep::kNmodPoss || (dep_[k] == Dep::kAmod && mention_at_[k] >= 0)) && mention_at_[k] >= 0 &&
            mentions_[mention_at_[k]].entity >= 0) {
          Target owner;
          owner.mention = mention_at_[k];
          targets->push_back(owner);
          found = true;
        }
      // "agreed to a proposal by the United States", "a US plan": the
      // proposer too, when named by "by/from" or a name modifier.
      if (!found)
        for (uint32_t k : KidsOf(n)) {
          if (mention_at_[k] < 0 || mentions_[mention_at_[k]].entity < 0 || mention_at_[k] == mention_at_[n]) continue;
          bool by = dep_[k] == Dep::kNmod && (CaseOf(k) == "by" || CaseOf(k) == "from");
          if (!by && dep_[k] != Dep::kCompound) continue;
          Target owner;
          owner.mention = mention_at_[k];
          targets->push_back(owner);
          break;
        }
    }
    if (t.about >= 0 && negative_) {
      Target actor;
      actor.mention = t.about;
      targets->push_back(actor);
    }
  } else {
    // "leaders of X" as an object.
    std::vector<int> actors;
    bool indirect = false;
    ActorsOf(n, &actors, 0, &indirect);
    // ("targeting Hezbollah's sites": a thing too vague to be an issue
    // stands for its owner.)
    if (actors.empty() && Tag(n) == Pos::kNoun &&
        (x_.tree_lex_->In("vague", Lower(n)) || x_.tree_lex_->In("vague", NounLemma(n))))
      for (uint32_t k : KidsOf(n))
        if (dep_[k] == Dep::kNmodPoss && ActorMention(k) >= 0 && !mentions_[ActorMention(k)].pronoun) {
          actors.push_back(ActorMention(k));
          break;
        }
    AddActorTargets(actors, targets);
    if (!actors.empty()) return;
  }
  // Conjuncts of the phrase the issue was read from ("the need for
  // sovereignty and security guarantees": both).
  size_t from = t.node >= 0 ? static_cast<size_t>(t.node) : n;
  for (uint32_t k : KidsOf(from))
    if (dep_[k] == Dep::kConj && !IsVerbal(k)) TargetsOf(k, targets, depth + 1);
  if (from != n)
    for (uint32_t k : KidsOf(n))
      if (dep_[k] == Dep::kConj && !IsVerbal(k)) TargetsOf(k, targets, depth + 1);
}

// Whether mention m stands in the "of" phrase of a common noun, with or
// without a determiner: "the subject of (the) United States ...", not "the
// District of Massachusetts", "The European Union", "after India".
bool DocumentRun::InCommonNounOf(const Mention& m, const SentenceBounds& s) const {
  if (m.first < s.first + 2) return false;
  size_t of = m.first - 1;
  if (Tag(of) == Pos::kDet && of >= s.first + 2) --of;
  return Lower(of) == "of" && Tag(of - 1) == Pos::kNoun && !IsCap(of - 1);
}

// Whether the "with" phrase at k is set off by a comma and has a
// participle of its own: ", with X and Y voting for it" (an absolute
// clause, not a partner).
bool DocumentRun::AbsoluteWith(size_t k) const {
  int cs = KidWith(k, Dep::kCase);
  if (cs <= 0 || words_[static_cast<size_t>(cs) - 1] != ",") return false;
  std::vector<uint32_t> stack = {static_cast<uint32_t>(k)};
  for (size_t i = 0; i < stack.size() && i < 32; ++i)
    for (uint32_t g : KidsOf(stack[i])) {
      if (dep_[g] != Dep::kConj && dep_[g] != Dep::kAcl) continue;
      if (EndsWith(Lower(g), "ing") && (Tag(g) == Pos::kVerb || Tag(g) == Pos::kNoun) && g > k) return true;
      stack.push_back(g);
    }
  return false;
}

// Targets in the obliques of v (or nominal modifiers of a noun v) whose
// preposition is one of preps.
void DocumentRun::PrepTargets(size_t v, const std::vector<std::string>& preps, std::vector<Target>* targets) {
  for (uint32_t k : KidsOf(v)) {
    if (!IsOblique(dep_[k]) && dep_[k] != Dep::kObj && dep_[k] != Dep::kOblTmod) continue;
    std::string c = CaseOf(k);
    // A phrase the parser hung on a time word belongs to the verb: "met on
    // Monday with X".
    if ((x_.tree_lex_->In("time", Lower(k)) || Tag(k) == Pos::kNum || dep_[k] == Dep::kOblTmod) && KidsOf(k).b != KidsOf(k).e)
      for (uint32_t g : KidsOf(k))
        if ((dep_[g] == Dep::kNmod || dep_[g] == Dep::kObl) && Tag(g) != Pos::kVerb) {
          std::string cg = CaseOf(g);
          if (!cg.empty() && std::find(preps.begin(), preps.end(), cg) != preps.end()) TargetsOf(g, targets, 0);
        }
    if (c.empty()) continue;
    if (std::find(preps.begin(), preps.end(), c) == preps.end()) continue;
    // ", with Republicans X and Y voting for the resolution": a clause of
    // circumstance, no partner.
    if (c == "with" && AbsoluteWith(k)) continue;
    // A clause is no target, except a gerund that names an issue ("resistance to Ukraine joining NATO").
    if (Tag(k) == Pos::kVerb && !EndsWith(Lower(k), "ing")) continue;
    TargetsOf(k, targets, 0);
  }
  // "calls for a new election to be held", "call for X to resign": the
  // preposition marks a clause whose subject is what is called for.
  for (uint32_t k : KidsOf(v)) {
    if (dep_[k] != Dep::kAdvcl && dep_[k] != Dep::kCcomp && dep_[k] != Dep::kXcomp && dep_[k] != Dep::kAcl) continue;
    int mark = KidWith(k, Dep::kMark);
    if (mark < 0 || static_cast<size_t>(mark) < v || Lower(mark) != "for") continue;
    if (std::find(preps.begin(), preps.end(), "for") == preps.end()) continue;
    int subj = KidWith(k, Dep::kNsubj);
    if (subj < 0) subj = KidWith(k, Dep::kNsubjPass);
    if (subj < mark) continue;
    TargetsOf(static_cast<size_t>(subj), targets, 0);
  }
  if (!targets->empty()) return;
  // "imposes sanctions under the Magnitsky Act on X": the phrase the
  // parser hung on another phrase of the noun, when that one names no actor.
  if (!IsVerbal(v)) {
    for (uint32_t k : KidsOf(v)) {
      if (dep_[k] != Dep::kNmod || k < v || ActorMention(k) >= 0 || CaseOf(k).empty()) continue;
      if (std::find(preps.begin(), preps.end(), CaseOf(k)) != preps.end()) continue;
      for (uint32_t g : KidsOf(k))
        if (dep_[g] == Dep::kNmod && g > k && ActorMention(g) >= 0) {
          std::string cg = CaseOf(g);
          if (!cg.empty() && std::find(preps.begin(), preps.end(), cg) != preps.end()) TargetsOf(g, targets, 0);
        }
    }
    return;
  }
  // "meets with UK Prime Minister X" parsed with the preposition alone
  // under the verb: the name right after it.
  for (uint32_t k : KidsOf(v)) {
    if (Tag(k) != Pos::kAdp || dep_[k] == Dep::kCase || k + 1 >= toks_.size()) continue;
    if (std::find(preps.begin(), preps.end(), std::string(Lower(k))) == preps.end()) continue;
    int m = ActorMention(k + 1);
    if (m >= 0 && mentions_[m].first == k + 1) {
      Target tg;
      tg.mention = m;
      targets->push_back(tg);
      return;
    }
  }
  // "met in Damascus with X": the phrase hung on a place oblique.
  for (uint32_t k : KidsOf(v)) {
    if (dep_[k] != Dep::kObl) continue;
    for (uint32_t g : KidsOf(k))
      if (dep_[g] == Dep::kNmod && g > k && ActorMention(g) >= 0 && !AbsoluteWith(g)) {
        std::string cg = CaseOf(g);
        if (!cg.empty() && std::find(preps.begin(), preps.end(), cg) != preps.end()) TargetsOf(g, targets, 0);
      }
  }
}

void DocumentRun::EmitAll(const std::vector<int>& subjects, const std::vector<Target>& objects_in,
                          const RelationEntry& r, bool negated, float confidence, uint32_t sentence) {
  if (!negated && r.mode.empty())
    for (int sm : subjects) acts_.push_back({sm, r.cls, sentence});
  // Visiting or meeting a place is no consultation with an actor: "Xi
  // visits Lhasa" (a capital stands for its country and stays).
  std::vector<Target> objects;
  for (const auto& o : objects_in) {
    // (Nor is a thing visited an issue: "visits border towns".)
    if (o.mention < 0 && o.owner < 0 && r.cls == "CONSULT" && r.mode == "visit") continue;
    // (But recognising a place is a stance toward it: "Israel recognizes
    // Somaliland".)
    if (o.mention >= 0 && (r.cls == "CONSULT" || r.cls == "AGREE" || r.cls == "SUPPORT" || r.cls == "DEMAND") &&
        entities_[mentions_[o.mention].entity].e.category == "location" &&
        !entities_[mentions_[o.mention].entity].facility &&
        !x_.tree_lex_->In("place_stance_verb", r.head.empty() ? r.lemma : r.head))
      continue;
    objects.push_back(o);
  }
  // Withdrawing from a treaty or deal rejects it; withdrawing from a place
  // or a war is a retreat ("withdrew the US from the nuclear treaty").
  RelationEntry reject;
  const bool retreat = r.cls == "RETREAT";
  if (retreat) {
    reject = r;
    reject.cls = "REJECT";
    reject.polarity = -1;
  }
  // Capturing a person is an arrest; capturing a town or a base an assault.
  RelationEntry arrest;
  const bool capture = r.cls == "ASSAULT" && x_.tree_lex_->In("capture_verb", r.head);
  if (capture) {
    arrest = r;
    arrest.cls = "COERCE";
  }
  for (int sm : subjects)
    for (const auto& o : objects) {
      bool pact = retreat && o.mention < 0 && o.node >= 0 &&
                  x_.tree_lex_->In("agreement_noun", NounLemma(static_cast<size_t>(o.node)));
      bool person = capture && o.mention >= 0 && entities_[mentions_[o.mention].entity].e.category == "person";
      Emit(sm, o, pact ? reject : person ? arrest : r, negated, confidence, sentence);
    }
  // Events aimed at a thing are aimed at its owner too: "denied a request
  // from the US", "seized a Venezuelan government plane", "imposed tariffs
  // on goods from China".
  // "called for the surrender of X": a demand toward X.
  if (r.cls == "DEMAND")
    for (const auto& o : objects) {
      if (o.mention >= 0 || o.node < 0 || !x_.tree_lex_->In("demand_of", NounLemma(o.node))) continue;
      for (uint32_t k : KidsOf(o.node))
        if (dep_[k] == Dep::kNmod && CaseOf(k) == "of" && ActorMention(k) >= 0) {
          Target tg;
          tg.mention = ActorMention(k);
          for (int sm : subjects) Emit(sm, tg, r, negated, confidence - Confidence::kOwner, sentence);
        }
    }
  // "rejected Washington's demand", "denied a request from the US": the
  // owner of the demand made it, of the verb's subject. Only the subject's
  // own reply is read from the verb; the demand is the owner's act.
  // (Whether or not the reply is negated: "did not accede to protesters'
  // demands" says they demanded.)
  if (r.cls != "DEMAND")
    for (const auto& o : objects) {
      if (o.mention >= 0 || o.owner < 0 || o.node < 0 || !x_.tree_lex_->In("demand_noun", NounLemma(o.node))) continue;
      RelationEntry demand = r;
      demand.cls = "DEMAND";
      demand.polarity = 1;
      demand.mode.clear();
      demand.code.clear();
      demand.lemma = NounLemma(o.node);
      demand.head = demand.lemma;
      demand.prep.clear();
      demand.noun = true;
      for (int sm : subjects) {
        if (mentions_[sm].entity == mentions_[o.owner].entity) continue;
        Target tg;
        tg.mention = sm;
        Emit(o.owner, tg, demand, false, confidence - Confidence::kOwner, sentence);
      }
    }
  // "Iran rejects the ultimatum", "the EU condemned the operation": a
  // reply to an act named by a definite noun alone is a reply to whoever
  // did that act in the sentences just before.
  if (x_.tree_lex_->In("reply_classes", r.cls))
    for (const auto& o : objects) {
      if (o.mention >= 0 || o.node < 0 || o.owner >= 0 || o.about >= 0 || !o.possessor.empty()) continue;
      for (int sm : subjects) {
        int agent = AntecedentAgent(static_cast<size_t>(o.node), mentions_[sm].entity, sentence);
        if (agent < 0) continue;
        Target tg;
        tg.mention = agent;
        Emit(sm, tg, r, negated, confidence - Confidence::kOwner, sentence);
      }
    }
  // "appreciated Soleimani's lifepath", "praised Macron's leadership":
  // praise of what an actor has or did is praise of the actor (but
  // "emphasized Ukraine's sovereignty" is a stance on the issue only).
  if (x_.tree_lex_->In("owner_classes", r.cls) || (r.cls == "SUPPORT" && x_.tree_lex_->In("praise_verb", r.head))) {
    for (const auto& o : objects) {
        if (o.mention >= 0 || o.owner < 0) continue;
        bool already = false;
        for (const auto& p : objects)
          already |= p.mention >= 0 && mentions_[p.mention].entity == mentions_[o.owner].entity;
        if (already) continue;
        Target tg;
        tg.mention = o.owner;
        for (int sm : subjects)
          if (mentions_[sm].entity != mentions_[o.owner].entity) Emit(sm, tg, r, negated, confidence - Confidence::kOwner, sentence);
      }
  }
  // "suspends a peace agreement with Cambodia", "rejects any deal with
  // the government": cutting or refusing a tie is aimed at the other
  // party; "strikes four sites in central Israel" at the country.
  // "calls for a new election to be held in Ukraine": a demand of
  // something in a country is a demand toward the country.
  if (r.cls == "SANCTION" || r.cls == "REJECT" || r.cls == "ASSAULT" || r.cls == "DEMAND") {
    bool actor_target = false;
    for (const auto& o : objects) actor_target |= o.mention >= 0;
    for (const auto& o : objects) {
      if (o.mention >= 0 || actor_target) continue;
      int other = r.cls == "ASSAULT" || r.cls == "DEMAND" ? o.where : o.partner;
      if (other < 0 || o.owner >= 0) continue;
      Target tg;
      tg.mention = other;
      for (int sm : subjects) {
        if (mentions_[sm].entity == mentions_[other].entity) continue;
        // (A state's forces retaking a palace in their own country strike
        // no country.)
        const std::string& own = entities_[mentions_[sm].entity].e.country;
        if (r.cls == "ASSAULT" && !own.empty() && own == entities_[mentions_[other].entity].e.country) continue;
        Emit(sm, tg, r, negated, confidence - Confidence::kOwner, sentence);
      }
    }
  }
  // "Chile and Peru met": mutual relations between coordinated subjects.
  bool actor_object = false;
  for (const auto& o : objects) actor_object |= o.mention >= 0;
  if (subjects.size() >= 2 && !actor_object && !no_mutual_ &&
      ((r.prep.empty() && IsSymmetric(r.head)) || r.cls == "AGREE" || r.cls == "CONSULT" || r.cls == "COOPERATE")) {
    for (int a : subjects)
      for (int b : subjects) {
        if (a == b) continue;
        Target tg;
        tg.mention = b;
        Emit(a, tg, r, negated, confidence - 0.1f, sentence);
      }
  }
}

// Events of the verb at t. Returns true when t was a trigger.
bool DocumentRun::TreeVerbEvent(const SentenceBounds& s, uint32_t index, size_t t) {
  if (Tag(t) != Pos::kVerb) return false;
  if (ClaimedAct(index, t)) return true;
  std::string lemma = VerbLemma(t);
  // "figures associated with X", "groups linked to Y": a participle of a
  // tie describes the noun it hangs on; no event.
  if ((dep_[t] == Dep::kAcl || dep_[t] == Dep::kAmod) && EndsWith(Lower(t), "ed") && x_.tree_lex_->In("tie_verb", lemma))
    return true;
  // "accuses Hamas of violating the deal by failing to release X": what
  // one is accused of is reported, not asserted (with the clauses below it).
  if (x_.tree_lex_->In("accusation_verb", lemma)) {
    // (The clause hangs on the verb or, "accuses Hamas of violating", on
    // its object.)
    std::vector<uint32_t> stack, heads = {static_cast<uint32_t>(t)};
    if (int o = KidWith(t, Dep::kObj); o >= 0) {
      heads.push_back(static_cast<uint32_t>(o));
      // (Or on another word of the object's name: "accuses Supreme Leader
      // Ayatollah Ali Khamenei of forcing", under "Ali".)
      if (int om = mention_at_[o]; om >= 0)
        for (uint32_t w = mentions_[om].first; w < mentions_[om].last; ++w)
          if (w != static_cast<uint32_t>(o)) heads.push_back(w);
    }
    for (uint32_t h : heads)
      for (uint32_t k : KidsOf(h)) {
        int mk = IsVerbal(k) ? KidWith(k, Dep::kMark) : -1;
        if (mk >= 0 && (Lower(mk) == "of" || Lower(mk) == "for")) stack.push_back(k);
      }
    for (size_t i = 0; i < stack.size() && i < 64; ++i) {
      uint32_t c = stack[i];
      if (mode_of_[c].empty()) mode_of_[c] = "reported";
      for (uint32_t g : KidsOf(c))
        if (IsVerbal(g) && (dep_[g] == Dep::kAdvcl || dep_[g] == Dep::kXcomp || dep_[g] == Dep::kConj))
          stack.push_back(g);
    }
  }
  const TreeLexicon& tl = *x_.tree_lex_;
  // "calling it a difficult decision", "called Biden a killer": naming, not
  // a phone call.
  if (lemma == "call") {
    for (uint32_t k : KidsOf(t))
      if (dep_[k] == Dep::kXcomp && (Tag(k) == Pos::kNoun || Tag(k) == Pos::kAdj || Tag(k) == Pos::kPropn)) return true;
    if (KidWith(t, Dep::kIobj) >= 0 && KidWith(t, Dep::kObj) >= 0) return true;
  }
  // "defeats X at the Shanghai Masters", "beat Y 3-1 in the final": a
  // contest in sport is no attack.
  if (tl.In("contest_verb", lemma)) {
    for (size_t k = s.first; k < s.last; ++k)
      if (tl.In("sport", Lower(k)) || (Tag(k) == Pos::kNoun && tl.In("sport", NounLemma(k))) ||
          tl.In("election_word", Lower(k)) || (Tag(k) == Pos::kNoun && tl.In("election_word", NounLemma(k))))
        return true;
  }
  bool through = false, pronoun = false;
  bool passive = TreePassive(t);
  bool negated = TreeNegated(t);
  // "unless the United States lifts its tariffs", "if Russia attacks": a
  // condition is no fact.
  if (mode_of_[t].empty())
    for (uint32_t k : KidsOf(t))
      if (dep_[k] == Dep::kMark && (Lower(k) == "if" || Lower(k) == "unless")) mode_of_[t] = "conditional";
  // An outer verb that negates or decides: "did not agree to meet".
  if (dep_[t] == Dep::kXcomp && head_[t] >= 0 && TreeNegated(head_[t])) negated = true;
  // "will stop funding Norway", "ceased attacking": a stopped act is
  // negated (AID negated, as "does not fund").
  if (dep_[t] == Dep::kXcomp && head_[t] >= 0 && EndsWith(Lower(t), "ing") &&
      tl.In("cessation_verb", VerbLemma(static_cast<size_t>(head_[t]))))
    negated = !negated;

  std::vector<int> subjects;
  std::vector<Target> objects;
  std::vector<int> patients;  // passive subjects
  if (passive) {
    // (Also under a resulting state: "are shot dead by gunmen".)
    std::vector<uint32_t> agent_phrases(KidsOf(t).begin(), KidsOf(t).end());
    for (uint32_t k : KidsOf(t))
      if (dep_[k] == Dep::kXcomp && Tag(k) == Pos::kAdj)
        for (uint32_t g : KidsOf(k)) agent_phrases.push_back(g);
    // (Or on the gerund after "from" that the parser gave it to: "is barred
    // from running in the election by the Electoral Bureau".)
    for (uint32_t k : KidsOf(t)) {
      if (dep_[k] != Dep::kAdvcl || k < t || !EndsWith(Lower(k), "ing")) continue;
      int mark = KidWith(k, Dep::kMark);
      if (mark < 0 || Lower(static_cast<size_t>(mark)) != "from") continue;
      for (uint32_t g : KidsOf(k))
        if (g > k && dep_[g] == Dep::kObl && CaseOf(g) == "by") agent_phrases.push_back(g);
    }
    for (uint32_t k : agent_phrases)
      if (dep_[k] == Dep::kOblAgent || (dep_[k] == Dep::kObl && CaseOf(k) == "by")) {
        size_t before = subjects.size();
        ActorsOf(k, &subjects, 0, nullptr);
        // "killed by Israeli drone strikes": the instrument's owner.
        if (subjects.size() == before && tl.In("instrument", NounLemma(k))) {
          for (int m : NounSources(k)) subjects.push_back(m);
          through |= subjects.size() > before;
        }
      }
    int ps = KidWith(t, Dep::kNsubjPass);
    // ("who was captured and killed by Hamas": the first conjunct's.)
    size_t clause = t;
    if (ps < 0 && dep_[t] == Dep::kConj && head_[t] >= 0 && KidWith(t, Dep::kNsubj) < 0) {
      clause = static_cast<size_t>(head_[t]);
      ps = KidWith(clause, Dep::kNsubjPass);
    }
    if (ps >= 0 && RelativePronoun(static_cast<size_t>(ps))) {
      int a = RelativeAntecedent(static_cast<size_t>(ps), clause);
      if (a >= 0) patients.push_back(a);
    } else if (ps >= 0) {
      ActorsOf(ps, &patients, 0, nullptr);
    } else if ((dep_[t] == Dep::kAcl || dep_[t] == Dep::kAclRelcl) && head_[t] >= 0) {
      ActorsOf(head_[t], &patients, 0, nullptr);  // "civilians killed by X"
      // (Not a crowd made of its protest: "Families of citizens abducted
      // by X hold a rally" were not abducted.)
      patients.erase(std::remove_if(patients.begin(), patients.end(), [&](int m) { return mentions_[m].crowd; }),
                     patients.end());
    }
  } else if (dep_[t] == Dep::kAcl && head_[t] >= 0 && EndsWith(Lower(t), "ed") && KidWith(t, Dep::kObj) < 0) {
    // "civilians killed by X" tagged as an active participle.
    for (uint32_t k : KidsOf(t))
      if (dep_[k] == Dep::kObl && CaseOf(k) == "by") ActorsOf(k, &subjects, 0, nullptr);
    if (!subjects.empty()) {
      passive = true;
      ActorsOf(head_[t], &patients, 0, nullptr);
    }
  }
  if (passive && subjects.empty()) {
    // "killed in an Israeli airstrike", "wounded during Russian shelling":
    // the owner of the instrument is the agent.
    // The verb's phrases, and those up to four levels below it outside its
    // subject ("are killed and 13 injured during Israeli airstrikes": the
    // phrase may hang on the second verb).
    std::vector<uint32_t> obliques, level = {static_cast<uint32_t>(t)};
    for (int d = 0; d < 4 && !level.empty(); ++d) {
      std::vector<uint32_t> next;
      for (uint32_t u : level)
        for (uint32_t k : KidsOf(u)) {
          if (dep_[k] == Dep::kNsubj || dep_[k] == Dep::kNsubjPass || dep_[k] == Dep::kCsubj) continue;
          obliques.push_back(k);
          next.push_back(k);
        }
      level = std::move(next);
    }
    // The other side of a fight at k, its "with" phrase of dependency d
    // (places are no sides: "with security forces in Juba and Aweil").
    auto other_side = [&](size_t k, Dep d) {
      std::vector<int> sides;
      for (uint32_t g : KidsOf(k))
        if (dep_[g] == d && CaseOf(g) == "with") ActorsOf(g, &sides, 0, nullptr);
      for (int m : sides)
        if (mentions_[m].entity >= 0 && entities_[mentions_[m].entity].e.category != "location") subjects.push_back(m);
    };
    for (uint32_t k : obliques) {
      // ("killed in fighting with Hamas", read as a clause.)
      bool fight_clause = dep_[k] == Dep::kAdvcl && Tag(k) == Pos::kVerb && tl.In("fight_noun", VerbLemma(k)) &&
                          KidWith(k, Dep::kMark) >= 0 && KidWith(k, Dep::kNsubj) < 0;
      if (fight_clause) {
        other_side(k, Dep::kObl);
        continue;
      }
      if (dep_[k] != Dep::kObl) continue;
      std::string c = CaseOf(k);
      if (c != "in" && c != "during" && c != "by" && c != "after" && c != "amid" && c != "from") continue;
      // ("killed in a series of Israeli airstrikes": the noun a light noun carries.)
      if (tl.In("light_noun", NounLemma(k)))
        for (uint32_t g : KidsOf(k))
          if (dep_[g] == Dep::kNmod && CaseOf(g) == "of" && tl.In("instrument", NounLemma(g))) {
            k = g;
            break;
          }
      // "soldiers are killed during clashes with Cambodian soldiers": the
      // other side of a fight.
      if (tl.In("fight_noun", NounLemma(k))) {
        other_side(k, Dep::kNmod);
        continue;
      }
      if (!tl.In("instrument", NounLemma(k))) continue;
      for (int m : NounSources(k))
        subjects.push_back(m);
      // "killed in an airstrike conducted by the Air Force".
      if (subjects.empty())
        for (uint32_t a : KidsOf(k))
          if (dep_[a] == Dep::kAcl && IsVerbal(a))
            for (uint32_t g : KidsOf(a))
              if (dep_[g] == Dep::kOblAgent || (dep_[g] == Dep::kObl && CaseOf(g) == "by")) ActorsOf(g, &subjects, 0, nullptr);
      // "X was also killed in the airstrike": "the" attack is the one told
      // just before (this sentence or the three before it); its agent.
      // (Only for a named patient: who unnamed victims were is a guess.)
      if (subjects.empty() && !patients.empty() && KidWith(k, Dep::kDet) >= 0 &&
          Lower(static_cast<size_t>(KidWith(k, Dep::kDet))) == "the" &&
          KidWith(k, Dep::kAmod) < 0 && KidWith(k, Dep::kCompound) < 0 && KidWith(k, Dep::kNmod) < 0)
        for (auto it = acts_.rbegin(); it != acts_.rend(); ++it) {
          if (it->sentence + 3 < index) break;
          if (it->cls != "ASSAULT" || it->mention < 0) continue;
          subjects.push_back(it->mention);
          break;
        }
      if (!subjects.empty()) {
        through = true;
        break;
      }
    }
  }
  // "12 police officers are killed when FARC dissidents shoot down a
  // helicopter": the attacker of a clause of time on the same verb (or the
  // first conjunct's) that is an attack.
  if (passive && subjects.empty() && tl.In("harm_verb", lemma)) {
    std::vector<size_t> hosts = {t};
    if (dep_[t] == Dep::kConj && head_[t] >= 0) hosts.push_back(static_cast<size_t>(head_[t]));
    for (uint32_t k : KidsOf(t))
      if (dep_[k] == Dep::kConj && IsVerbal(k)) hosts.push_back(k);  // "killed and 3 injured when"
    for (size_t h : hosts)
      for (uint32_t k : KidsOf(h)) {
        if (!subjects.empty() || dep_[k] != Dep::kAdvcl || Tag(k) != Pos::kVerb || TreePassive(k)) continue;
        int mk = KidWith(k, Dep::kMark);
        if (mk < 0) mk = KidWith(k, Dep::kAdvmod);
        std::string_view m = mk >= 0 ? Lower(static_cast<size_t>(mk)) : std::string_view();
        if (m != "when" && m != "as" && m != "after") continue;
        const auto* entries = lex_.Relations(VerbLemma(k), false);
        bool attack = false;
        if (entries)
          for (const auto& r : *entries) attack |= r.cls == "ASSAULT";
        if (!attack) continue;
        bool th = false;
        subjects = TreeSubjects(k, &th, &pronoun, 0);
        through = true;
      }
  }
  // "X and two others are arrested in Belgium": an arrest with no agent
  // named is the police's of the country where it happened.
  if (passive && subjects.empty() && !patients.empty() && tl.In("arrest_verb", lemma)) {
    int police = PlacePolice(t, index);
    if (police >= 0) {
      subjects.push_back(police);
      through = true;
    }
  }
  if (!passive) subjects = TreeSubjects(t, &through, &pronoun, 0);

  // A crowd of unnamed people that calls for or condemns something is a
  // protesters group ("families hold a rally to call on X to ...",
  // "thousands of people call for the resignation of X").
  if (!passive && subjects.empty() && tl.In("crowd_verb", lemma)) {
    int crowd = ProtestingCrowd(t, index);
    if (crowd >= 0) subjects.push_back(crowd);
  }
  // 1. The verb decides its complement: "refused to meet X", "urged X to leave".
  const ComplementEntry* ce = tl.Complement(lemma);
  int xcomp = KidWith(t, Dep::kXcomp);
  if (xcomp < 0 && ce) {
    // "encouraged X to restrict ...", parsed as an adverbial clause; but
    // "called for G7 action to correct Y" is a call for action (the clause
    // says what for), not "called on X to": a verb of the addressee kind
    // needs its addressee.
    bool addressee = KidWith(t, Dep::kObj) >= 0 || KidWith(t, Dep::kIobj) >= 0;
    for (uint32_t k : KidsOf(t))
      if ((dep_[k] == Dep::kObl || dep_[k] == Dep::kNmod) && !x_.tree_lex_->In("time", Lower(k)) &&
          std::find(ce->preps.begin(), ce->preps.end(), CaseOf(k)) != ce->preps.end())
        addressee = true;  // ("on Thursday" is no addressee)
    for (uint32_t k : KidsOf(t))
      if (dep_[k] == Dep::kAdvcl && IsVerbal(k) && KidWith(k, Dep::kMark) >= 0 && Lower(KidWith(k, Dep::kMark)) == "to" &&
          KidWith(k, Dep::kNsubj) < 0 && (ce->target != ComplementEntry::kObject || addressee)) {
        xcomp = static_cast<int>(k);
        break;
      }
  }
  // "declined Y's offer to resign": with an object noun before it, the
  // clause completes the noun (the offer), not the verb.
  if (ce && xcomp >= 0 && ce->target == ComplementEntry::kInner) {
    int o = KidWith(t, Dep::kObj);
    if (o >= 0 && o < xcomp && Tag(static_cast<size_t>(o)) == Pos::kNoun) xcomp = -1;
  }
  if (ce && xcomp >= 0 && IsVerbal(xcomp)) {
    if (ce->target == ComplementEntry::kNone) {
      mode_of_[xcomp] = ce->mode;
      return true;
    }
    suppressed_[xcomp] = 1;
    // "urged Rwanda to end its support and withdraw its soldiers": the
    // conjoined verb without a subject of its own is part of the complement.
    for (uint32_t k : KidsOf(static_cast<size_t>(xcomp)))
      if (dep_[k] == Dep::kConj && IsVerbal(k) && KidWith(k, Dep::kNsubj) < 0) suppressed_[k] = 1;
    RelationEntry r;
    r.lemma = lemma + (ce->preps.empty() ? "" : " " + ce->preps.front()) + " to " +
              VerbLemma(xcomp);
    r.head = lemma;
    r.cls = ce->cls;
    r.polarity = ce->polarity;
    r.mode = ce->mode;
    std::vector<Target> targets;
    if (ce->target == ComplementEntry::kObject) {
      int obj = KidWith(t, Dep::kObj);
      if (obj < 0) obj = KidWith(t, Dep::kIobj);
      if (obj >= 0) TargetsOf(obj, &targets, 0);
      if (!ce->preps.empty()) PrepTargets(t, ce->preps, &targets);
      // "urged allies such as X to ...", the list hung on the verb.
      if (targets.empty() || targets[0].mention < 0) {
        std::vector<Target> members;
        for (uint32_t k : KidsOf(t))
          if ((dep_[k] == Dep::kObl || dep_[k] == Dep::kNmod) && tl.In("member_case", CaseOf(k))) TargetsOf(k, &members, 0);
        for (auto& m : members)
          if (m.mention >= 0) targets.push_back(m);
      }
      // The addressee of a demand is an actor, never an issue.
      targets.erase(std::remove_if(targets.begin(), targets.end(), [](const Target& tg) { return tg.mention < 0; }),
                    targets.end());
    } else {
      // The complement's own arguments: its object, its obliques (actors
      // only, unless nothing else is there: "agreed to add members to the council").
      for (uint32_t k : KidsOf(xcomp)) {
        if (dep_[k] == Dep::kObj || dep_[k] == Dep::kIobj) TargetsOf(k, &targets, 0);
        else if ((dep_[k] == Dep::kObl || dep_[k] == Dep::kNmod) && Tag(k) != Pos::kVerb) {
          std::string c = CaseOf(k);
          if (c == "with" || c == "to" || c == "against" || c == "on" || c == "from" || c == "for") {
            std::vector<Target> more;
            TargetsOf(k, &more, 0);
            for (auto& m : more)
              if (m.mention >= 0) targets.push_back(m);
          }
        }
      }
      if (targets.empty())
        for (uint32_t k : KidsOf(xcomp))
          if (dep_[k] == Dep::kObl && Tag(k) == Pos::kNoun && CaseOf(k) != "by") TargetsOf(k, &targets, 0);
      // "threatened to cut ties with X": toward X, not toward the ties.
      for (uint32_t k : KidsOf(xcomp)) {
        if (dep_[k] != Dep::kObj) continue;
        for (uint32_t g : KidsOf(k)) {
          std::string c = CaseOf(g);
          if (dep_[g] == Dep::kNmod && (c == "with" || c == "to" || c == "against" || c == "on" || c == "from")) {
            std::vector<int> actors;
            ActorsOf(g, &actors, 0, nullptr);
            AddActorTargets(actors, &targets);
          }
        }
      }
      bool any_actor = false;
      for (const auto& tg : targets) any_actor |= tg.mention >= 0;
      if (any_actor)
        targets.erase(std::remove_if(targets.begin(), targets.end(), [](const Target& tg) { return tg.mention < 0; }),
                      targets.end());
    }
    float conf = Confidence::kDirect - (through ? Confidence::kThrough : 0) - (pronoun ? Confidence::kPronoun : 0);
    EmitAll(subjects, targets, r, negated, conf, index);
    return true;
  }

  // 2. "said that X must leave": a demand toward X; so is "demanded that
  // X pressure Y" (`demand_that`): what is demanded has not happened.
  if (tl.In("speech", lemma) || tl.In("demand_that", lemma)) {
    for (uint32_t c : KidsOf(t)) {
      if (dep_[c] != Dep::kCcomp) continue;
      bool must = tl.In("demand_that", lemma) && IsVerbal(c);
      // ("asked why X did not ...": a question, no demand.)
      for (uint32_t a : KidsOf(c))
        if (std::string_view w = Lower(a);
            (dep_[a] == Dep::kMark || dep_[a] == Dep::kAdvmod || dep_[a] == Dep::kNsubj || dep_[a] == Dep::kObj) &&
            (w == "why" || w == "whether" || w == "if" || w == "how" || w == "what" || w == "when" || w == "where" ||
             w == "who"))
          must = false;
      for (uint32_t a : KidsOf(c))
        if (dep_[a] == Dep::kAux && tl.In("obligation", Lower(a))) must = true;
      if (!must) continue;
      std::vector<int> addressees;
      bool th = false, pr = false;
      int cs = KidWith(c, Dep::kNsubj);
      if (cs >= 0) ActorsOf(cs, &addressees, 0, nullptr);
      if (addressees.empty()) {
        speaker_of_[c] = static_cast<int>(t);  // the clause is the speaker's stance
        continue;
      }
      suppressed_[c] = 1;
      (void)th;
      (void)pr;
      std::vector<Target> targets;
      AddActorTargets(addressees, &targets);
      RelationEntry r;
      r.lemma = lemma + (tl.In("demand_that", lemma) ? " that " : " must ") + VerbLemma(c);
      r.head = lemma;
      r.cls = "DEMAND";
      r.polarity = 1;
      EmitAll(subjects, targets, r, negated, Confidence::kDirect - Confidence::kThrough, index);
    }
  }
  // 3. "alleged (that) X had supplied the militias": an accusation of X.
  if (tl.In("allegation", lemma) && !passive) {
    for (uint32_t c : KidsOf(t)) {
      if ((dep_[c] != Dep::kCcomp && dep_[c] != Dep::kParataxis) || !IsVerbal(c)) continue;
      // What is alleged is not asserted ("had contributed": the auxiliary's
      // verb too).
      if (mode_of_[c].empty()) mode_of_[c] = "reported";
      // (And every clause below it: "alleged X had contributed to suffering
      // felt across the world by supporting Y".)
      std::vector<uint32_t> below = {c};
      for (int depth = 0; depth < 4 && !below.empty(); ++depth) {
        std::vector<uint32_t> next;
        for (uint32_t h : below)
          for (uint32_t k : KidsOf(h)) {
            Dep d = dep_[k];
            if (d != Dep::kXcomp && d != Dep::kConj && d != Dep::kAdvcl && d != Dep::kCcomp) continue;
            if (mode_of_[k].empty()) mode_of_[k] = "reported";
            next.push_back(k);
          }
        below = std::move(next);
      }
      int cs = KidWith(c, Dep::kNsubj);
      // (A subject the parser labelled passive in an active clause: "Mahan
      // had contributed".)
      if (cs < 0 && KidWith(c, Dep::kAuxPass) < 0) cs = KidWith(c, Dep::kNsubjPass);
      std::vector<int> accused;
      if (cs >= 0) ActorsOf(cs, &accused, 0, nullptr);
      std::vector<Target> targets;
      for (int m : accused) {
        bool self = false;
        for (int sm : subjects) self |= mentions_[sm].entity == mentions_[m].entity;
        if (self) continue;
        Target tg;
        tg.mention = m;
        targets.push_back(tg);
      }
      if (targets.empty()) continue;
      RelationEntry r;
      r.lemma = lemma;
      r.head = lemma;
      r.cls = "DISAPPROVE";
      r.polarity = -1;
      r.mode = "accuse";
      EmitAll(subjects, targets, r, negated, Confidence::kDirect - Confidence::kThrough, index);
    }
  }
  if (suppressed_[t]) return true;
  // A modal of obligation without an outer speaker: "X must withdraw" is no event.
  if (speaker_of_[t] < 0)
    for (uint32_t a : KidsOf(t))
      if (dep_[a] == Dep::kAux && tl.In("obligation", Lower(a))) return true;

  int obj = KidWith(t, Dep::kObj);
  // "designated X as a terrorist group", "named X and Y as terrorists".
  bool designate_sanction = tl.In("designate_sanction", lemma), designate_disapprove = tl.In("designate_disapprove", lemma);
  // "adds X to its list of terrorists", "put X on a terror blacklist": a
  // listing verb with a list of the pejorative kind designates.
  bool listed = false;
  std::string list_case;
  if (tl.In("list_verb", lemma) && !passive && obj >= 0)
    for (uint32_t k : KidsOf(t)) {
      std::string c = dep_[k] == Dep::kObl ? CaseOf(k) : std::string();
      if ((c != "to" && c != "on" && c != "onto") || !tl.In("list_noun", NounLemma(k))) continue;
      bool bad = Lower(k) == "blacklist";
      for (uint32_t g : KidsOf(k)) {
        bool of = dep_[g] == Dep::kNmod && CaseOf(g) == "of";
        bool mod = dep_[g] == Dep::kAmod || dep_[g] == Dep::kCompound;
        if ((of || mod) && (tl.In("pejorative", Lower(g)) || tl.In("pejorative", NounLemma(g)) ||
                            tl.In("list_pejorative", NounLemma(g))))
          bad = true;
        // ("its list of extremists and terrorists": a conjunct too.)
        if (of)
          for (uint32_t c2 : KidsOf(g))
            if (dep_[c2] == Dep::kConj && tl.In("pejorative", Lower(c2))) bad = true;
      }
      if (bad && !listed) list_case = c;
      listed |= bad;
    }
  if (listed) designate_sanction = true;
  if ((designate_sanction || designate_disapprove) && !passive) {
    std::vector<int> named;
    // The named: the object, or a nominal the parser made the verb's xcomp
    // ("named both the PKK and the YPG as terrorists").
    int named_node = obj;
    if (named_node < 0) {
      int xc = KidWith(t, Dep::kXcomp);
      if (xc >= 0 && (Tag(xc) == Pos::kNoun || Tag(xc) == Pos::kPropn)) named_node = xc;
    }
    if (named_node >= 0) ActorsOf(named_node, &named, 0, nullptr);
    bool pejorative = false;
    auto check_as = [&](size_t k) {
      if (CaseOf(k) != "as" && !(dep_[k] == Dep::kXcomp)) return;
      if (tl.In("pejorative", Lower(k)) || tl.In("pejorative", NounLemma(k))) pejorative = true;
      for (uint32_t c : KidsOf(k))
        if ((dep_[c] == Dep::kAmod || dep_[c] == Dep::kCompound) && tl.In("pejorative", Lower(c))) pejorative = true;
    };
    for (uint32_t k : KidsOf(t)) check_as(k);
    pejorative |= listed;
    // Whether token k hangs (within 12 steps) under the named node; not
    // through a verb when clause_bound.
    auto under_named = [&](size_t k, bool clause_bound) {
      size_t h = k;
      for (int steps = 0; h != static_cast<size_t>(named_node) && head_[h] >= 0 && !(clause_bound && IsVerbal(h)) &&
                          steps < 12;
           ++steps)
        h = static_cast<size_t>(head_[h]);
      return h == static_cast<size_t>(named_node);
    };
    // (An "as" phrase the parser hung lower inside the object: "designates
    // Clan del Golfo as ..." with "as" under "del".)
    if (named_node >= 0 && !pejorative)
      for (size_t k = static_cast<size_t>(named_node) + 1; k < sents_[index].last; ++k)
        if (dep_[k] != Dep::kCase && CaseOf(k) == "as" && under_named(k, true)) check_as(k);
    if (named_node >= 0)
      for (uint32_t k : KidsOf(named_node)) {
        if (static_cast<int>(k) != named_node) check_as(k);
        // "X and Y as terrorists": the "as" phrase hung on the last conjunct.
        if (dep_[k] == Dep::kConj)
          for (uint32_t c : KidsOf(k)) check_as(c);
      }
    // "designates Colombian cartel and neo-paramilitary group Clan del
    // Golfo as ...": descriptions before the name, however parsed; the
    // names the object's words hold before "as".
    if (pejorative && named.empty() && named_node >= 0) {
      for (size_t k = static_cast<size_t>(named_node); k < sents_[index].last && Lower(k) != "as"; ++k) {
        int m = mention_at_[k];
        if (m < 0 || mentions_[m].first != k || mentions_[m].modifier || mentions_[m].pronoun ||
            mentions_[m].entity < 0)
          continue;
        if (under_named(k, false)) named.push_back(m);
      }
    }
    if (pejorative && !named.empty()) {
      RelationEntry r;
      r.lemma = lemma + (listed ? " " + list_case + " list" : std::string(" as"));
      r.head = lemma;
      r.cls = designate_sanction ? "SANCTION" : "DISAPPROVE";
      r.polarity = -1;
      std::vector<Target> targets;
      AddActorTargets(named, &targets);
      float conf = Confidence::kDirect - (through ? Confidence::kThrough : 0) - (pronoun ? Confidence::kPronoun : 0);
      EmitAll(subjects, targets, r, negated, conf, index);
      return true;
    }
  }

  // "The Ukrainian Air Force receives jets from France": aid received
  // from an actor is that actor's aid to the receiver (each "from" phrase
  // after an object of aid: "jets from France and F-16s from the
  // Netherlands").
  if (tl.In("receive_verb", lemma) && !passive && obj >= 0 && !subjects.empty()) {
    std::vector<size_t> things = {static_cast<size_t>(obj)};
    for (uint32_t k : KidsOf(static_cast<size_t>(obj)))
      if (dep_[k] == Dep::kConj) things.push_back(k);
    auto aid_noun = [&](size_t n) {
      std::string l = NounLemma(n);
      return tl.In("received_aid", l) || tl.In("instrument", l);
    };
    auto aid_thing = [&](size_t n) {
      if (aid_noun(n)) return true;
      // ("the first shipment of jets": the noun a light noun carries.)
      for (uint32_t k : KidsOf(n))
        if (dep_[k] == Dep::kNmod && CaseOf(k) == "of" && aid_noun(k)) return true;
      return false;
    };
    // ("$2 billion in aid from Germany": the amount's "in" phrase.)
    for (uint32_t k : KidsOf(t))
      if (dep_[k] == Dep::kObl && CaseOf(k) == "in" && tl.In("received_aid", NounLemma(k)) &&
          (Tag(static_cast<size_t>(obj)) == Pos::kSym || Tag(static_cast<size_t>(obj)) == Pos::kNum ||
           tl.In("currency_noun", NounLemma(static_cast<size_t>(obj)))))
        things.push_back(k);
    std::vector<int> givers;
    for (size_t n : things) {
      if (!aid_thing(n)) continue;
      std::vector<size_t> holders = {n};
      for (uint32_t k : KidsOf(n))
        if (dep_[k] == Dep::kNmod && CaseOf(k) == "of") holders.push_back(k);
      for (size_t h : holders)
        for (uint32_t k : KidsOf(h))
          if (dep_[k] == Dep::kNmod && CaseOf(k) == "from" && ActorMention(k) >= 0) givers.push_back(ActorMention(k));
    }
    if (givers.empty() && aid_thing(static_cast<size_t>(obj)))
      for (uint32_t k : KidsOf(t))
        if (dep_[k] == Dep::kObl && CaseOf(k) == "from" && ActorMention(k) >= 0) givers.push_back(ActorMention(k));
    if (!givers.empty()) {
      RelationEntry r;
      r.lemma = lemma + " from";
      r.head = lemma;
      r.cls = "AID";
      r.polarity = 1;
      std::vector<Target> receivers;
      AddActorTargets(subjects, &receivers);
      float conf = Confidence::kDirect - (through ? Confidence::kThrough : 0) - (pronoun ? Confidence::kPronoun : 0);
      EmitAll(givers, receivers, r, negated, conf, index);
      return true;
    }
  }

  // 3. Verb + object patterns: "imposed sanctions on X", "held talks with X".
  // ("breaks off relations with X" with the particle read as the object's
  // preposition: the object.)
  if (obj < 0)
    for (uint32_t k : KidsOf(t)) {
      std::string c = dep_[k] == Dep::kObl && k > t ? CaseOf(k) : std::string();
      if ((c == "off" || c == "out" || c == "up" || c == "down") && Tag(k) == Pos::kNoun) {
        obj = static_cast<int>(k);
        break;
      }
    }
  if (obj >= 0 && Tag(obj) == Pos::kNoun && tl.In("light_noun", NounLemma(obj))) {
    // "held their first round of talks": the noun the light noun carries.
    for (uint32_t k : KidsOf(obj))
      if (dep_[k] == Dep::kNmod && CaseOf(k) == "of" && Tag(k) == Pos::kNoun) {
        obj = static_cast<int>(k);
        break;
      }
  }
  // ("sends £752 million to Ukraine": an amount of money is money.)
  // (A sign only: a number read as the head may count troops.)
  const bool amount = obj >= 0 && Tag(obj) == Pos::kSym;
  if (obj >= 0 && (Tag(obj) == Pos::kNoun || amount)) {
    const VerbObjectEntry* vo = tl.VerbObject(lemma, amount ? std::string("money") : NounLemma(obj));
    if (!vo && Lower(obj) != NounLemma(obj)) vo = tl.VerbObject(lemma, Lower(obj));
    // A compound object ("fire tear gas", "use water cannon").
    if (!vo && obj > 0 && dep_[obj - 1] == Dep::kCompound && head_[obj - 1] == obj)
      vo = tl.VerbObject(lemma, std::string(Lower(obj - 1)) + " " + NounLemma(obj));
    // "provides intelligence, aircraft and assistance to X": a later
    // conjunct's pattern (named_obj: the noun whose pattern was found).
    int named_obj = obj;
    if (!vo)
      for (uint32_t k : KidsOf(static_cast<size_t>(obj)))
        if (!vo && dep_[k] == Dep::kConj && Tag(k) == Pos::kNoun) {
          vo = tl.VerbObject(lemma, NounLemma(k));
          if (vo) named_obj = static_cast<int>(k);
        }
    // "announces a tariff increase on X", "a new sanctions package against
    // X": the measure named by the compound before a head of amount.
    if (!vo && obj > 0 && dep_[obj - 1] == Dep::kCompound && head_[obj - 1] == obj &&
        tl.In("measure_head", NounLemma(obj))) {
      vo = tl.VerbObject(lemma, NounLemma(obj - 1));
      if (vo) named_obj = obj - 1;
    }
    // "carried out attacks", "opened fire"
    if (!vo) {
      int prt = KidWith(t, Dep::kCompoundPrt);
      if (prt >= 0) vo = tl.VerbObject(lemma, NounLemma(obj));
    }
    if (vo && vo->seeded && lex_.Relations(lemma, false)) vo = nullptr;  // the hand-written entry decides
    if (vo) {
      if (vo->cls == "-") return true;
      RelationEntry r;
      r.lemma = lemma + " " + (amount ? std::string("money") : std::string(Lower(named_obj))) +
                (vo->preps.empty() ? "" : " " + vo->preps[0]);
      r.head = lemma;
      r.cls = vo->cls;
      r.polarity = vo->polarity;
      r.mode = vo->mode;
      std::vector<Target> targets;
      if (!vo->preps.empty()) {
        PrepTargets(obj, vo->preps, &targets);
        PrepTargets(t, vo->preps, &targets);
        // "launched 440 drones and 32 missiles at Kyiv": on the last conjunct.
        for (uint32_t k : KidsOf(obj))
          if (targets.empty() && dep_[k] == Dep::kConj) PrepTargets(k, vo->preps, &targets);
        // "imposes sanctions on Colombian president Gustavo Petro, his wife
        // ..." parsed with the name as the object's apposition and the
        // preposition under it: the actor the preposition right after the
        // object introduces.
        const size_t after = static_cast<size_t>(obj) + 1;
        if (targets.empty() && after + 1 < sents_[index].last && dep_[after] == Dep::kCase &&
            std::find(vo->preps.begin(), vo->preps.end(), std::string(Lower(after))) != vo->preps.end() &&
            head_[after] > static_cast<int>(after)) {
          int m = ActorMention(static_cast<size_t>(head_[after]));
          if (m >= 0 && mentions_[m].first > after) {
            std::vector<int> named;
            ActorsOf(static_cast<size_t>(head_[after]), &named, 0, nullptr);
            for (int nm : named) {
              Target tg;
              tg.mention = nm;
              targets.push_back(tg);
            }
          }
        }
      } else {
        AddActorTargets(NounSources(obj), &targets);
        // "releases six hostages, including A and B": the members named.
        if (targets.empty() && !vo->seeded) {
          std::vector<Target> named;
          for (uint32_t k : KidsOf(obj))
            if (dep_[k] == Dep::kNmod && tl.In("member_case", CaseOf(k))) TargetsOf(k, &named, 0);
          for (const auto& tg : named)
            if (tg.mention >= 0) targets.push_back(tg);
        }
      }
      if (passive) {
        // "sanctions were imposed on X by Y" is rare; the patients are targets.
        AddActorTargets(patients, &targets);
      }
      if (TreeIntent(t) && r.mode.empty()) r.mode = "intent";
      if (r.mode.empty() && !mode_of_[t].empty()) r.mode = mode_of_[t];
      float conf = Confidence::kDirect - (through ? Confidence::kThrough : 0) - (pronoun ? Confidence::kPronoun : 0);
      if (vo->seeded) {
        conf -= Confidence::kSeeded;
        targets.erase(std::remove_if(targets.begin(), targets.end(), [](const Target& tg) { return tg.mention < 0; }),
                      targets.end());
      }
      // "attacked the proclamation of X by Y" names no one in the object:
      // a stance is on the object itself ("passes a law revision": AGREE).
      if (targets.empty() && !vo->seeded && vo->preps.empty() &&
          (r.cls == "DISAPPROVE" || r.cls == "SUPPORT" || r.cls == "OPPOSE" || r.cls == "AGREE"))
        TargetsOf(obj, &targets, 0);
      if (!targets.empty() || (subjects.size() >= 2 && (r.cls == "CONSULT" || r.cls == "AGREE" || r.cls == "COOPERATE"))) {
        // "X and Y held talks": mutual when no other party is named.
        bool mutual = targets.empty();
        EmitAll(subjects, targets, r, negated, conf, index);
        // "Presidents X and Y signed the free trade agreement": each also
        // takes the agreement's side (the relation lexicon's entry below).
        if (!(mutual && tl.In("agreement_noun", NounLemma(named_obj)))) return true;
      }
      // No target: the object noun may name the event itself ("expressed
      // concerns regarding X"), or the verb its own; but an attack with
      // no one named is no stance of the verb's ("providing airstrikes" is
      // no aid).
      if (vo->cls == "ASSAULT") return true;
    }
  }

  // 4. The relation lexicon's entries for this verb: the one whose
  // preposition the tree shows, else the one without a preposition.
  const auto* list = lex_.Relations(lemma, false);
  bool seeded = false;
  std::vector<RelationEntry> seeds;
  if (!list) {
    // Verbs only the CAMEO seed knows: actor-to-actor events only.
    if (const auto* sv = tl.SeedVerbs(lemma)) {
      for (const auto& e : *sv) {
        RelationEntry r;
        r.lemma = e.prep.empty() ? lemma : lemma + " " + e.prep;
        r.head = lemma;
        r.prep = e.prep;
        r.cls = e.cls;
        r.polarity = e.polarity;
        seeds.push_back(std::move(r));
      }
      // Entries with a preposition first, as in the shipped lexicon.
      std::stable_sort(seeds.begin(), seeds.end(),
                       [](const RelationEntry& a, const RelationEntry& b) { return a.prep.size() > b.prep.size(); });
      list = &seeds;
      seeded = true;
    }
  }
  if (!list) {
    // A light verb lends its subject to its object noun ("held talks with").
    return false;
  }
  const RelationEntry* chosen = nullptr;
  std::vector<Target> targets;
  for (const auto& r : *list) {
    if (r.prep.empty()) continue;
    std::vector<Target> found;
    // Particle verbs ("call off", "step up"): the particle, then the object.
    int prt = KidWith(t, Dep::kCompoundPrt);
    if (prt >= 0 && Lower(prt) == r.prep) {
      if (obj >= 0) TargetsOf(obj, &found, 0);
    } else {
      PrepTargets(t, {r.prep}, &found);
      // "extradited X to the US" with the phrase hung on the object (or on
      // a word inside it: "extradited X, leader of Y, to the US").
      if (found.empty() && obj >= 0 && r.prep != "of") {
        PrepTargets(obj, {r.prep}, &found);
        // (Two levels down, through an apposition's own phrase or the
        // comma after it that the parser made a head: "X, leader of the Y
        // cartel, to the United States".)
        std::vector<size_t> level = {static_cast<size_t>(obj)};
        for (int depth = 0; depth < 3 && found.empty(); ++depth) {
          std::vector<size_t> next;
          for (size_t h : level)
            for (uint32_t k : KidsOf(h))
              if (found.empty() && (dep_[k] == Dep::kAppos || dep_[k] == Dep::kNmod || dep_[k] == Dep::kFlat ||
                                    (depth > 0 && dep_[k] == Dep::kPunct))) {
                PrepTargets(k, {r.prep}, &found);
                next.push_back(k);
              }
          level = std::move(next);
        }
        found.erase(std::remove_if(found.begin(), found.end(), [](const Target& tg) { return tg.mention < 0; }),
                    found.end());
      }
      // "accuse X of Y", "blame X for Y": the object, with the issue after
      // the preposition.
      if (!found.empty() && obj >= 0 && (r.prep == "of" || r.prep == "for" || r.prep == "over"))
        TargetsOf(obj, &found, 0);
      // "banned X from the country", "barring him from entering China":
      // the actor kept out is the target, not the place or the act.
      if (!found.empty() && obj >= 0 && r.prep == "from" && (r.cls == "SANCTION" || r.cls == "COERCE")) {
        std::vector<Target> kept;
        TargetsOf(obj, &kept, 0);
        // ("bans Taiwanese passport holders from Somalia": their owner.)
        for (auto& tg : kept)
          if (tg.mention < 0 && tg.owner >= 0) tg.mention = tg.owner;
        kept.erase(std::remove_if(kept.begin(), kept.end(), [](const Target& tg) { return tg.mention < 0; }),
                   kept.end());
        if (!kept.empty()) found = std::move(kept);
      }
    }
    if (!found.empty()) {
      chosen = &r;
      targets = std::move(found);
      break;
    }
  }
  if (!chosen) {
    for (const auto& r : *list)
      if (r.prep.empty()) {
        chosen = &r;
        break;
      }
    if (!chosen) return true;
    negative_ = chosen->polarity < 0;
    if (!passive) {
      if (obj >= 0) TargetsOf(obj, &targets, 0);
      int iobj = KidWith(t, Dep::kIobj);
      if (iobj >= 0) TargetsOf(iobj, &targets, 0);
      // An actor in a "with/against/to" oblique: "clashed with X", "spoke to X".
      if (targets.empty()) {
        PrepTargets(t, {"with", "against", "to"}, &targets);
        // "struck targets with 200 drones": an instrument is no target.
        targets.erase(std::remove_if(targets.begin(), targets.end(),
                                     [&](const Target& tg) {
                                       return tg.mention < 0 && tg.node >= 0 &&
                                              tl.In("instrument", NounLemma(static_cast<size_t>(tg.node)));
                                     }),
                      targets.end());
      }
    }
  }
  // "Biden attacked Trump on paying fewer taxes": an attack on a person
  // over something said or done is words (`verbal_attack`), not force.
  RelationEntry verbal;
  if (chosen->cls == "ASSAULT" && !passive && obj >= 0 && tl.In("verbal_attack", lemma)) {
    int om = ActorMention(static_cast<size_t>(obj));
    bool person = om >= 0 && entities_[mentions_[om].entity].e.category == "person";
    bool over = false;
    for (uint32_t k : KidsOf(t)) {
      std::string c = (dep_[k] == Dep::kObl || dep_[k] == Dep::kAdvcl) ? CaseOf(k) : std::string();
      if (c.empty() && dep_[k] == Dep::kAdvcl && KidWith(k, Dep::kMark) >= 0) c = std::string(Lower(KidWith(k, Dep::kMark)));
      // (Not a time: "attacked X on Monday".)
      if (tl.In("time", Lower(k)) || tl.In("time", NounLemma(k)) || Tag(k) == Pos::kNum || Tag(k) == Pos::kPropn) continue;
      over |= c == "on" || c == "over" || c == "for" || c == "as";
    }
    // (A person attacks with words; "gunmen attacked X" is force.)
    bool speaker = false;
    for (int sm : subjects) speaker |= entities_[mentions_[sm].entity].e.category == "person";
    if (person && over && speaker) {
      verbal = *chosen;
      verbal.cls = "DISAPPROVE";
      chosen = &verbal;
    }
  }
  if (!passive && subjects.empty() && chosen->cls == "PROTEST") {
    // "Thousands of people protest against X": a crowd of unnamed people
    // that protests is a protesters group (OPP), named where it stands.
    int crowd = ProtestingCrowd(t, index);
    if (crowd >= 0) subjects.push_back(crowd);
  }
  if (passive) {
    if (subjects.empty()) {
      // "X was attacked": no agent, no event; but a later "Y claimed
      // responsibility for the attacks" names the agent.
      if (!negated) {
        for (int m : patients) acts_.push_back({-1, chosen->cls, index, m});
        // "oil facilities belonging to Saudi Aramco were hit": the owner.
        int ps = KidWith(t, Dep::kNsubjPass);
        Target owned;
        if (patients.empty() && ps >= 0 && IssueFromTree(static_cast<size_t>(ps), &owned) && owned.owner >= 0)
          acts_.push_back({-1, chosen->cls, index, owned.owner});
      }
      return true;
    }
    AddActorTargets(patients, &targets);
    // "The operation was condemned by X": a patient that names no actor is
    // read as an active verb's object is (the act's agent, or the issue).
    // For words and stances; for attacks only a thing struck ("a tanker is
    // attacked by pirates", as the active "pirates attack a tanker"): a
    // person struck is a victim, never an issue ("a boy is shot by
    // soldiers", read below).
    static const std::unordered_set<std::string_view> kVerbal = {"AGREE", "SUPPORT", "DEMAND", "DISAPPROVE",
                                                                  "REJECT", "CONCEDE", "INVESTIGATE", "ASSAULT"};
    int ps = KidWith(t, Dep::kNsubjPass);
    if (patients.empty() && targets.empty() && ps >= 0 && Tag(ps) == Pos::kNoun && kVerbal.count(chosen->cls) &&
        !tl.In("casualty", NounLemma(ps)) && !tl.In("casualty", Lower(ps)) && !lex_.GroupNoun(Lower(ps)) &&
        !(chosen->cls == "ASSAULT" && (tl.In("victim_noun", NounLemma(ps)) || tl.In("victim_noun", Lower(ps))))) {
      // (A thing an actor's words name is no thing struck: "Russian
      // authorities report ... are killed" misread.)
      bool named = false;
      for (uint32_t k : KidsOf(static_cast<size_t>(ps)))
        named |= mention_at_[k] >= 0 && k < static_cast<uint32_t>(ps) &&
                 (dep_[k] == Dep::kCompound || dep_[k] == Dep::kAmod || dep_[k] == Dep::kNmodPoss);
      if (!(chosen->cls == "ASSAULT" && named)) {
        TargetsOf(ps, &targets, 0);
      } else if (tl.In("facility_noun", NounLemma(static_cast<size_t>(ps)))) {
        // ("The Kherson Regional State Administration headquarters is
        // destroyed": a building named by its owner is the owner's.)
        for (uint32_t k : KidsOf(static_cast<size_t>(ps)))
          if (ActorMention(k) >= 0 && k < static_cast<uint32_t>(ps) && dep_[k] == Dep::kCompound) {
            Target tg;
            tg.mention = ActorMention(k);
            targets.push_back(tg);
            break;
          }
      }
    }
  }
  // "Iran strikes four sites in central and southern Israel": a struck
  // thing with no owner named is struck in the country the verb names.
  if (chosen->cls == "ASSAULT" && !subjects.empty() && !passive) {
    bool actor_target = false;
    for (const auto& o : targets) actor_target |= o.mention >= 0 || o.owner >= 0;
    // (Also when the thing struck is too vague to be an issue: "struck
    // targets in Lebanon", "hit sites in Gaza".)
    if (!actor_target && (!targets.empty() || KidWith(t, Dep::kObj) >= 0))
      for (uint32_t k : KidsOf(t)) {
        std::string c = dep_[k] == Dep::kObl ? CaseOf(k) : std::string();
        int km = InsideCase(c) ? ActorMention(k) : -1;
        if (km < 0 || entities_[mentions_[km].entity].e.category != "country") continue;
        bool own = false;
        for (int sm : subjects) own |= mentions_[sm].entity == mentions_[km].entity;
        if (own) continue;
        Target tg;
        tg.mention = km;
        targets.push_back(tg);
        break;
      }
  }
  // The object (the passive's subject) when it names no actor: people
  // known by a tie, or victims.
  const int patient_node = passive ? KidWith(t, Dep::kNsubjPass) : KidWith(t, Dep::kObj);
  // "kill two militants belonging to the Hasm Movement", "arrests people
  // linked to X": people known by their tie to an actor are that actor.
  if (targets.empty() && !subjects.empty()) {
    const int node = patient_node;
    if (node >= 0 && Tag(static_cast<size_t>(node)) == Pos::kNoun && mention_at_[node] < 0)
      for (uint32_t k : KidsOf(static_cast<size_t>(node))) {
        if (dep_[k] != Dep::kAcl || !tl.In("tie_verb", VerbLemma(k))) continue;
        std::vector<int> tied;
        for (uint32_t g : KidsOf(k))
          if (dep_[g] == Dep::kObl) ActorsOf(g, &tied, 0, nullptr);
        AddActorTargets(tied, &targets);
      }
  }
  // "killed 30 fighters from Hamas" with the "from" phrase hung on the
  // verb: people of an organisation or armed group are that group.
  if (targets.empty() && !subjects.empty() && !passive && (chosen->cls == "ASSAULT" || chosen->cls == "COERCE") &&
      patient_node >= 0 && mention_at_[patient_node] < 0 && lex_.GroupNoun(Lower(static_cast<size_t>(patient_node))))
    for (uint32_t k : KidsOf(t)) {
      int km = dep_[k] == Dep::kObl && k > static_cast<uint32_t>(patient_node) && CaseOf(k) == "from" ? ActorMention(k) : -1;
      if (km < 0) continue;
      const std::string& cat = entities_[mentions_[km].entity].e.category;
      if (cat != "organization" && cat != "group") continue;
      Target tg;
      tg.mention = km;
      targets.push_back(tg);
      break;
    }
  // "Russian drones kill three civilians in Kharkiv, Ukraine", "30 people
  // are killed by ADF rebels in Bapere, DRC": unnamed victims are the
  // civilians of the country where it happened, also when they were read
  // as an issue ("kill 12 villagers in Zamfara State, Nigeria" is no issue
  // "villager in Zamfara State").
  // (Only attacks: people arrested are often foreigners.)
  if (!subjects.empty() && chosen->cls == "ASSAULT") {
    const int node = patient_node;
    bool issues_only = true;
    for (const auto& tg : targets) issues_only &= tg.mention < 0 && tg.owner < 0 && tg.where < 0 && tg.node == node;
    int v = node >= 0 && issues_only ? VictimGroup(static_cast<size_t>(node), t, index, subjects) : -1;
    if (v >= 0) {
      targets.clear();
      Target tg;
      tg.mention = v;
      targets.push_back(tg);
    }
  }
  // A person attacked or arrested is a victim, never an issue ("kill the
  // driver", "a war correspondent ... is killed"): the actor that stands
  // for them (the owner named, "arrests a staff member of X"; the country
  // where it happened, for an attack), else no relation.
  if ((chosen->cls == "ASSAULT" || chosen->cls == "COERCE") && x_.wordnet_) {
    std::vector<Target> kept;
    for (Target tg : targets) {
      // ("could destroy the growth": an abstract thing is no thing struck
      // by a verb; WordNet's first sense an attribute, idea, feeling,
      // process, relation, state or time.)
      if (chosen->cls == "ASSAULT" && tg.mention < 0 && tg.owner < 0 && tg.node >= 0 &&
          Tag(static_cast<size_t>(tg.node)) == Pos::kNoun) {
        int lf = x_.wordnet_->FirstSenseLexFile(NounLemma(static_cast<size_t>(tg.node)), WordClass::kNoun);
        if (lf == 7 || lf == 9 || lf == 12 || lf == 22 || lf == 24 || lf == 26 || lf == 28) continue;
        // ("injuring dozens of others": a count is no thing struck.)
        if (tl.In("quantity_noun", Lower(static_cast<size_t>(tg.node)))) continue;
      }
      // ("seeks to retake control", "seized power": a hold over nothing
      // named is no thing struck.)
      if (tg.mention < 0 && tg.node >= 0 && tl.In("hold_noun", NounLemma(static_cast<size_t>(tg.node)))) {
        bool of = false;
        for (uint32_t k : KidsOf(static_cast<size_t>(tg.node))) of |= dep_[k] == Dep::kNmod;
        if (!of) continue;
      }
      // (A noun, or one capitalised at the sentence start: "Engineers in X".)
      bool person = tg.mention < 0 && tg.node >= 0 &&
                    (Tag(static_cast<size_t>(tg.node)) == Pos::kNoun ||
                     static_cast<size_t>(tg.node) == sents_[index].first) &&
                    x_.wordnet_->FirstSenseLexFile(NounLemma(static_cast<size_t>(tg.node)), WordClass::kNoun) == 18;
      if (person) {
        int stand = tg.owner >= 0 ? tg.owner : chosen->cls == "ASSAULT" ? tg.where : -1;
        if (stand < 0) continue;
        tg = Target();
        tg.mention = stand;
      }
      kept.push_back(std::move(tg));
    }
    targets = std::move(kept);
  }
  RelationEntry intent;
  const RelationEntry* rel = chosen;
  if (TreeIntent(t) || !mode_of_[t].empty()) {
    intent = *chosen;
    intent.mode = mode_of_[t].empty() ? "intent" : mode_of_[t];
    rel = &intent;
  }
  if (seeded || (tl.In("mutual_only", lemma) && chosen->cls == "CONSULT")) {
    // A seeded verb codes events between actors, never stances on issues;
    // so do verbs of talking ("spoke about taxes" is no consultation).
    targets.erase(std::remove_if(targets.begin(), targets.end(), [](const Target& tg) { return tg.mention < 0; }),
                  targets.end());
  }
  // "Kazakhstan joins the Abraham Accords", "Finland joins NATO": a state
  // or organisation entering an agreement or a body; not people joining a
  // party (an affiliation), nor "was joined by X, Y and Z".
  if (tl.In("membership_verb", lemma)) {
    bool state = false;
    for (int sm : subjects) {
      const std::string& c = entities_[mentions_[sm].entity].e.category;
      state |= c == "country" || c == "organization";
    }
    if (passive || !state) return true;
    targets.erase(std::remove_if(targets.begin(), targets.end(),
                                 [&](const Target& tg) {
                                   if (tg.mention >= 0)
                                     return mentions_[tg.mention].entity < 0 ||
                                            entities_[mentions_[tg.mention].entity].e.category != "organization";
                                   return tg.node < 0 || !(tl.In("agreement_noun", NounLemma(tg.node)) ||
                                                           tl.In("bloc_noun", NounLemma(tg.node)));
                                 }),
                  targets.end());
    if (targets.empty()) return true;
  }
  float conf = Confidence::kDirect - (through ? Confidence::kThrough : 0) - (pronoun ? Confidence::kPronoun : 0);
  if (seeded) conf -= Confidence::kSeeded;
  // "the call, with which X and Y agreed": they agree with something named
  // before (a relative pronoun), not with each other.
  no_mutual_ = false;
  for (uint32_t k : KidsOf(t))
    if (dep_[k] == Dep::kObl || dep_[k] == Dep::kObj)
      if (std::string_view w = Lower(k); w == "which" || w == "whom" || w == "what") no_mutual_ = true;
  EmitAll(subjects, targets, *rel, negated, conf, index);
  no_mutual_ = false;
  return true;
}

// Whether the noun at t is the event a light verb carries: its object
// ("held talks with X") or, after "enter", its "into" phrase ("entered into
// an agreement with X").
// The light verb that carries the noun at t (through a conjunct), or the
// noun's head when there is none.
// Whether t is the event noun under a noun of amount or scale ("increases
// in military aid", "a new wave of strikes"): that noun stands in its place.
bool DocumentRun::UnderScaleNoun(size_t t) const {
  if (dep_[t] != Dep::kNmod || head_[t] < 0 || static_cast<size_t>(head_[t]) >= t) return false;
  std::string c = CaseOf(t);
  if (c != "in" && c != "of") return false;
  std::string h = NounLemma(static_cast<size_t>(head_[t]));
  return x_.tree_lex_->In("scale_noun", h) || (c == "of" && x_.tree_lex_->In("light_noun", h));
}

size_t DocumentRun::LightVerb(size_t t) const {
  if (UnderScaleNoun(t)) return LightVerb(static_cast<size_t>(head_[t]));
  if (dep_[t] == Dep::kConj && head_[t] >= 0 && dep_[head_[t]] == Dep::kObj && head_[head_[t]] >= 0)
    return static_cast<size_t>(head_[head_[t]]);
  return static_cast<size_t>(head_[t]);
}

bool DocumentRun::LightObject(size_t t) const {
  if (head_[t] < 0) return false;
  // "announced the closure of X and the expulsion of Y": a conjunct of the
  // light verb's object is carried by the verb too.
  if (dep_[t] == Dep::kConj && Tag(t) == Pos::kNoun && head_[head_[t]] >= 0 && dep_[head_[t]] == Dep::kObj)
    return LightObject(static_cast<size_t>(head_[t]));
  if (UnderScaleNoun(t)) return LightObject(static_cast<size_t>(head_[t]));
  const size_t h = static_cast<size_t>(head_[t]);
  if (dep_[t] == Dep::kObj) return x_.tree_lex_->In("light", VerbLemma(h));
  return dep_[t] == Dep::kObl && CaseOf(t) == "into" && x_.tree_lex_->In("light_into", VerbLemma(h));
}

// Events named by the noun at t: "Russia's demand for X", "Russian attacks
// on X", "talks with X" after a light verb ("held talks with X").
void DocumentRun::TreeNounEvent(const SentenceBounds& s, uint32_t index, size_t t) {
  if (Tag(t) != Pos::kNoun) return;
  std::string lemma = NounLemma(t);
  const auto* list = lex_.Relations(lemma, true);
  // (The lexicon may list the plural with other prepositions: "airstrike
  // on", "airstrikes against".)
  const auto* plural = Lower(t) != lemma ? lex_.Relations(Lower(t), true) : nullptr;
  if (!list) std::swap(list, plural);
  if (!list) return;
  std::vector<const RelationEntry*> entries;
  for (const auto& r : *list) entries.push_back(&r);
  if (plural)
    for (const auto& r : *plural) entries.push_back(&r);
  // "the release of grand jury records": what the verb would do to that
  // object is no event ("release a video", `verb_objects.tsv` class "-"),
  // nor is its noun.
  for (uint32_t k : KidsOf(t))
    if (dep_[k] == Dep::kNmod && CaseOf(k) == "of" && Tag(k) == Pos::kNoun) {
      const VerbObjectEntry* vo = x_.tree_lex_->VerbObject(lemma, NounLemma(k));
      if (vo && vo->cls == "-") return;
    }
  // The entry whose preposition the tree shows.
  const RelationEntry* chosen = nullptr;
  std::vector<Target> targets;
  int placed_in = -1;  // the country where, when that is the target
  for (const RelationEntry* rp : entries) {
    const RelationEntry& r = *rp;
    std::vector<Target> found;
    negative_ = r.polarity < 0;
    PrepTargets(t, {r.prep}, &found);
    // "held talks with X": the preposition may hang on the light verb.
    if (found.empty() && LightObject(t)) PrepTargets(LightVerb(t), {r.prep}, &found);
    // "sanctions targeting Russian entities": a participle of aiming says
    // at whom, for an entry aimed at someone ("on", "against").
    if (found.empty() && (r.prep == "on" || r.prep == "against"))
      for (uint32_t k : KidsOf(t))
        if (dep_[k] == Dep::kAcl && x_.tree_lex_->In("aiming_verb", VerbLemma(k))) {
          int o = KidWith(k, Dep::kObj);
          if (o >= 0) TargetsOf(static_cast<size_t>(o), &found, 0);
          // ("Russian entities": the owner of what is aimed at.)
          for (auto& tg : found)
            if (tg.mention < 0 && tg.owner >= 0) tg.mention = tg.owner;
          found.erase(std::remove_if(found.begin(), found.end(), [](const Target& tg) { return tg.mention < 0; }),
                      found.end());
        }
    // "Mahan has been the subject of United States sanctions", "the city
    // was the target of Russian attacks": the subject of the predicate
    // noun the event hangs on.
    if (found.empty() && (r.prep == "on" || r.prep == "against") && dep_[t] == Dep::kNmod && CaseOf(t) == "of" &&
        head_[t] >= 0) {
      const size_t h = static_cast<size_t>(head_[t]);
      int subj = KidWith(h, Dep::kNsubj);
      if (x_.tree_lex_->In("aimed_predicate", NounLemma(h)) && KidWith(h, Dep::kCop) >= 0 && subj >= 0) {
        std::vector<int> aimed;
        ActorsOf(static_cast<size_t>(subj), &aimed, 0, nullptr);
        AddActorTargets(aimed, &found);
      }
    }
    if (!found.empty()) {
      chosen = &r;
      targets = std::move(found);
      break;
    }
  }
  // "launched airstrikes throughout India", "strikes in Lebanon": an
  // attack with no one named as its aim is aimed at the country where.
  for (const RelationEntry* rp : entries) {
    if (chosen || rp->cls != "ASSAULT" || (rp->prep != "on" && rp->prep != "against")) continue;
    std::vector<size_t> hosts = {t};
    if (LightObject(t)) hosts.push_back(LightVerb(t));
    for (size_t h : hosts)
      for (uint32_t k : KidsOf(h)) {
        if (chosen || (dep_[k] != Dep::kObl && dep_[k] != Dep::kNmod)) continue;
        std::string c = CaseOf(k);
        int km = ActorMention(k);
        if (km < 0 || entities_[mentions_[km].entity].e.category != "country") continue;
        if (!InsideCase(c)) continue;
        Target tg;
        tg.mention = km;
        targets.push_back(tg);
        placed_in = km;
        chosen = rp;
      }
  }
  if (!chosen) {
    // "Turkey began a military offensive": no target, but an act whose
    // agent a later "the operation" may name.
    if (LightObject(t) && IsVerbal(LightVerb(t)) && !suppressed_[LightVerb(t)] && !TreeNegated(t) &&
        !TreeNegated(LightVerb(t)) && !TreeIntent(LightVerb(t)) && mode_of_[LightVerb(t)].empty()) {
      bool th = false, pr = false;
      std::vector<int> agents = TreeSubjects(LightVerb(t), &th, &pr, 0);
      for (int sm : agents) acts_.push_back({sm, list->front().cls, index});
      // "X said it had carried out the attack": the attack read before
      // with its patient only ("facilities were hit by drone strikes").
      int det = KidWith(t, Dep::kDet);
      if (!agents.empty() && det >= 0 && (Lower(static_cast<size_t>(det)) == "the" || Lower(static_cast<size_t>(det)) == "these")) {
        int p = AntecedentPatient(t, index);
        if (p >= 0) {
          Target tg;
          tg.mention = p;
          float conf = Confidence::kNoun - Confidence::kThrough - (pr ? Confidence::kPronoun : 0);
          EmitAll(agents, {tg}, list->front(), false, conf, index);
        }
      }
    }
    return;
  }
  if ((chosen->prep == "on" || chosen->prep == "about" || chosen->prep == "over" || chosen->prep == "regarding") &&
      (chosen->cls == "AGREE" || chosen->cls == "CONSULT" || chosen->cls == "COOPERATE")) {
    // "an agreement on Europe" is about Europe, not with it.
    targets.erase(std::remove_if(targets.begin(), targets.end(), [](const Target& tg) { return tg.mention >= 0; }),
                  targets.end());
    if (targets.empty()) return;
  }
  if (chosen->prep == "between") {
    // "clashes between X and Y", "talks between X and Y": each with each,
    // when the noun is an argument of a clause (the talks resumed, were
    // held, people were killed in the clashes), not a topic ("a theme in
    // the talks between X, Y and Z").
    if (head_[t] >= 0) {
      size_t h = static_cast<size_t>(head_[t]);
      bool argument = dep_[t] == Dep::kNsubj || dep_[t] == Dep::kNsubjPass || dep_[t] == Dep::kObj ||
                      (dep_[t] == Dep::kObl && TreePassive(h));  // "were killed in clashes between"
      if (!IsVerbal(h) || !argument) return;
    }
    std::vector<int> sides;
    // ("a shootout between Gulf Cartel gunmen and the ELN": a side named
    // by its owner.)
    for (const auto& tg : targets)
      if (tg.mention >= 0 && mentions_[tg.mention].entity >= 0) sides.push_back(tg.mention);
      else if (tg.mention < 0 && tg.owner >= 0 && mentions_[tg.owner].entity >= 0) sides.push_back(tg.owner);
    // (Places are no sides: "a shootout between Kurram and North Waziristan".)
    for (int m : sides)
      if (entities_[mentions_[m].entity].e.category == "location") return;
    if (sides.size() < 2) return;
    bool negated = TreeNegated(t);
    for (int a : sides)
      for (int b : sides) {
        if (mentions_[a].entity == mentions_[b].entity) continue;
        Target tg;
        tg.mention = b;
        EmitAll({a}, {tg}, *chosen, negated, Confidence::kNoun, index);
      }
    return;
  }
  bool through = false, pronoun = false;
  std::vector<int> subjects = NounSources(t);
  // A group mention that is itself the noun ("Russian demands" as one
  // mention) is no source of its own event.
  bool negated = TreeNegated(t);
  if (subjects.empty() && head_[t] >= 0) {
    size_t h = LightVerb(t);
    if (LightObject(t) && IsVerbal(h) && !suppressed_[h]) {
      subjects = TreeSubjects(h, &through, &pronoun, 0);
      negated = negated || TreeNegated(h);
      // "Hundreds of people attend a protest", "families hold a rally": a
      // crowd of unnamed people at a protest is a protesters group.
      if (subjects.empty() && chosen->cls == "PROTEST") {
        int crowd = ProtestingCrowd(h, index);
        if (crowd >= 0) subjects.push_back(crowd);
      }
    }
  }
  // "Chirac was an opponent of the Iraq War": the predicate noun's
  // subject (not "was in an accord with"); "Chirac, a critic of Russia,
  // ...": the name it describes.
  if (subjects.empty() && KidWith(t, Dep::kCop) >= 0 && KidWith(t, Dep::kNsubj) >= 0 && KidWith(t, Dep::kCase) < 0)
    subjects = TreeSubjects(t, &through, &pronoun, 0);
  if (subjects.empty() && dep_[t] == Dep::kAppos && head_[t] >= 0 && ActorMention(static_cast<size_t>(head_[t])) >= 0) {
    // (Not an operation or a place: "Operation X, an offensive against Y".)
    int hm = ActorMention(static_cast<size_t>(head_[t]));
    const std::string& cat = entities_[mentions_[hm].entity].e.category;
    if (cat == "person" || cat == "organization" || cat == "country" || cat == "group") subjects.push_back(hm);
  }
  if (subjects.empty()) return;
  // (A state's strikes in its own country are aimed at someone there.)
  if (placed_in >= 0)
    for (int sm : subjects)
      if (entities_[mentions_[sm].entity].e.country == entities_[mentions_[placed_in].entity].e.country) return;
  float conf = Confidence::kNoun - (through ? Confidence::kThrough : 0) - (pronoun ? Confidence::kPronoun : 0);
  EmitAll(subjects, targets, *chosen, negated, conf, index);
}

void DocumentRun::TreeRelations(const SentenceBounds& s, uint32_t index) {
  // Outer verbs first, so that they can mark their complements.
  std::vector<size_t> order;
  for (size_t t = s.first; t < s.last; ++t) order.push_back(t);
  auto depth = [&](size_t t) {
    int d = 0;
    for (int h = head_[t]; h >= 0 && d < 200; h = head_[h]) ++d;
    return d;
  };
  std::vector<int> depths(s.last - s.first);
  for (size_t t = s.first; t < s.last; ++t) depths[t - s.first] = depth(t);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return depths[a - s.first] < depths[b - s.first]; });
  for (size_t t : order) {
    if (suppressed_[t]) {
      // A complement's own event is not asserted, but its complements still
      // are decided by it ("refused to agree to meet" stays with refuse).
      continue;
    }
    issues_only_ = x_.verbs_ && Tag(t) == Pos::kVerb && DictionaryEvents(s, index, t);
    if (TreeVerbEvent(s, index, t)) continue;
    TreeNounEvent(s, index, t);
  }
  issues_only_ = false;
}

}  // namespace newsgraph::extract
