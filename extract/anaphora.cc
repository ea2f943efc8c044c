// Definite descriptions that refer back to an organisation or group: "the
// company", "the network", "the commission" (a stage of the mention finder,
// called from FindMentions for each "the").
//
// A description refers to the organisation or group named most recently in
// this or the last four sentences that the text called by a noun of the
// same class (words.tsv, anaphor_*): the noun is a word of its name ("the
// National Telecommunications Commission" ... "the commission"), a noun
// before the name ("broadcast corporation ABS-CBN", "the militant group
// Hamas") or the head of a description after it ("Hamas, a militant group",
// "ABS-CBN is the largest broadcasting company"). Without such evidence the
// phrase stays what it was (an issue or nothing): "the company" alone says
// too little to guess.
#include <algorithm>
#include <vector>

#include "extract/document.h"
#include "extract/tree_lexicon.h"

namespace newsgraph::extract {

namespace {
constexpr uint32_t kWindow = 4;  // sentences before this one
}  // namespace

int DocumentRun::DefiniteAnaphor(size_t the_tok, const SentenceBounds& s, uint32_t index) const {
  const TreeLexicon* tl = x_.tree_lex_.get();
  if (!tl) return -1;
  size_t n = the_tok + 1;
  if (n >= s.last || IsCap(n) || Tag(n) != Pos::kNoun) return -1;
  std::string_view cls = tl->AnaphorClass(Lower(n));
  if (cls.empty()) return -1;
  // "the company's", "the company said", "the company, which": a phrase of
  // its own. "the network news channel" (a compound), "the party of X",
  // "the company that makes X" (restrictive: some other company) are not.
  if (n + 1 < s.last) {
    std::string_view next = Lower(n + 1);
    Pos nt = Tag(n + 1);
    if ((nt == Pos::kNoun || nt == Pos::kPropn) && next != "'s") return -1;
    // ("accused the network of swindling": the verb's "of", not the noun's.)
    bool verb_of = next == "of" && the_tok > s.first && Tag(the_tok - 1) == Pos::kVerb &&
                   tl->In("of_verb", VerbLemma(the_tok - 1));
    if ((next == "of" && !verb_of) || next == "that" || next == "who" || next == "which" || next == "whose")
      return -1;
    // "the party controlling the Senate": a participle restricts it.
    if (nt == Pos::kVerb && next.size() > 4 && next.substr(next.size() - 3) == "ing") return -1;
  }
  // "ABS-CBN, the network," restates the name just given: an apposition,
  // not a reference.
  if (the_tok >= s.first + 2 && words_[the_tok - 1] == "," && mention_at_[the_tok - 2] >= 0) return -1;

  // A broadcaster or newspaper is also a company ("the network" ... "the
  // company"), not the other way round; a company described with a word of
  // broadcasting ("broadcast corporation X") is a broadcaster.
  auto in_class = [&](std::string_view lower) {
    std::string_view c = tl->AnaphorClass(lower);
    return c == cls || (cls == "company" && c == "media");
  };
  auto media_word = [&](size_t k) { return cls == "media" && tl->In("media_marker", Lower(k)); };
  // Whether mention m's entity was called by a noun of the class there.
  auto described = [&](const Mention& m) {
    const auto& label = entities_[m.entity].e.label;
    size_t start = 0;
    while (start <= label.size()) {
      size_t sp = label.find(' ', start);
      if (sp == std::string::npos) sp = label.size();
      if (in_class(LowerAscii(std::string_view(label).substr(start, sp - start)))) return true;
      start = sp + 1;
    }
    const SentenceBounds& ms = sents_[m.sentence];
    // Lower-case nouns and modifiers just before the name.
    for (size_t k = m.first, steps = 0; k > ms.first && steps < 3; --k, ++steps) {
      size_t w = k - 1;
      if (IsCap(w) || toks_[w].Has(kPunct)) break;
      Pos t = Tag(w);
      if (t != Pos::kNoun && t != Pos::kAdj && t != Pos::kPropn && t != Pos::kVerb) break;
      if (in_class(Lower(w))) return true;
      if (media_word(w) && w + 1 < m.first && tl->AnaphorClass(Lower(w + 1)) == "company") return true;
    }
    // ", a/the ... NOUN" or "is a/the ... NOUN" after it.
    size_t k = m.last;
    if (k < ms.last && (words_[k] == "," || Lower(k) == "is" || Lower(k) == "was" || words_[k] == "(")) ++k;
    else return false;
    if (k < ms.last && (Lower(k) == "a" || Lower(k) == "an" || Lower(k) == "the")) ++k;
    for (size_t steps = 0; k < ms.last && steps < 5; ++k, ++steps) {
      if (toks_[k].Has(kPunct)) break;
      Pos t = Tag(k);
      if (t != Pos::kNoun && t != Pos::kAdj && t != Pos::kPropn && t != Pos::kNum && t != Pos::kAdv &&
          t != Pos::kCconj && !(t == Pos::kVerb && Lower(k).size() > 3 && Lower(k).substr(Lower(k).size() - 3) == "ing"))
        break;
      if (in_class(Lower(k))) return true;
      if (media_word(k) && k + 1 < ms.last && tl->AnaphorClass(Lower(k + 1)) == "company") return true;
    }
    return false;
  };
  // The most recent organisation or group that was so described anywhere
  // before (looking at a bounded number of candidates and of their
  // mentions, so a long document costs no more per phrase).
  std::vector<int> tried;
  // (Every mention looked at counts: a long sentence of "the group ... the
  // group" must not make each phrase walk back over all the others.)
  for (size_t mi = mentions_.size(), scanned = 0; mi-- > 0 && tried.size() < 8 && scanned < 64; ++scanned) {
    const Mention& pm = mentions_[mi];
    if (pm.sentence + kWindow < index) break;
    if (pm.entity < 0 || pm.pronoun || pm.modifier) continue;
    const auto& le = entities_[pm.entity];
    if (!le.members.empty() || (le.e.category != "organization" && le.e.category != "group")) continue;
    if (std::find(tried.begin(), tried.end(), pm.entity) != tried.end()) continue;
    tried.push_back(pm.entity);
    for (size_t mj = mi + 1, looked = 0; mj-- > 0 && looked < 400; ++looked) {
      const Mention& qm = mentions_[mj];
      if (qm.entity != pm.entity || qm.pronoun || qm.modifier) continue;
      if (described(qm)) return pm.entity;
    }
  }
  return -1;
}

// Names the text itself calls a building or a site in an apposition ("Hagia
// Sophia, formerly a Greek Orthodox church and now a museum,"; "X, a
// 16th-century mosque"): not actors, whatever the name tagger took them for.
// Lexicon actors keep their category.
void DocumentRun::MarkFacilities() {
  const TreeLexicon* tl = x_.tree_lex_.get();
  if (!tl) return;
  for (const Mention& m : mentions_) {
    if (m.pronoun || m.modifier || m.entity < 0) continue;
    LocalEntity& le = entities_[m.entity];
    if (le.known || le.facility || le.e.kind != graph::EntityKind::kActor) continue;
    const std::string& c = le.e.category;
    if (c != "person" && c != "location" && c != "organization") continue;
    const SentenceBounds& s = sents_[m.sentence];
    if (m.last + 2 >= s.last || words_[m.last] != ",") continue;
    // The apposition up to its first noun: determiners, adjectives,
    // adverbs ("formerly", "now"), numbers and "and" before it.
    for (size_t k = m.last + 1; k < s.last && k < m.last + 9; ++k) {
      Pos p = Tag(k);
      if (p == Pos::kNoun) {
        // "a Greek Orthodox church": the noun after a compound modifier
        // (and only that: "a village elder", "a church leader" are people).
        if (k + 1 < s.last && Tag(k + 1) == Pos::kNoun) continue;
        if (tl->In("facility_noun", NounLemma(k))) {
          le.facility = true;
          if (c == "person") le.e.category = "location";
        }
        // "Moqokori, a town in the Hiiraan region": a place, not a person.
        if (tl->In("settlement_noun", NounLemma(k)) && c == "person") le.e.category = "location";
        break;
      }
      if (p == Pos::kDet || p == Pos::kAdj || p == Pos::kAdv || p == Pos::kNum || p == Pos::kPropn ||
          Lower(k) == "and" || Lower(k) == "-")
        continue;
      break;
    }
  }
}

}  // namespace newsgraph::extract
