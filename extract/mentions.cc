// Stage 2: actor mentions. Lexicon actors and the groups they head
// ("Ukrainian officials"), titled persons ("Prime Minister X"), groups named
// by their country after them ("soldiers from Gondor"), hyphenated
// compounds, person pronouns, unknown names (runs of capitalised proper
// nouns); then one entity per person within the document (ResolveNames).
#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "extract/document.h"

namespace newsgraph::extract {
namespace {

bool IsPersonPronoun(std::string_view lower, bool* possessive) {
  *possessive = lower == "his" || lower == "her";
  return lower == "he" || lower == "him" || lower == "his" || lower == "she" || lower == "her";
}
const std::unordered_set<std::string_view>& OrgHeads() {
  static const std::unordered_set<std::string_view> s = {
      "Ministry", "Council", "Party", "Agency", "Committee", "Union", "Bank", "Court", "Company",
      "Inc.", "Corp.", "Ltd.", "Group", "Organization", "Organisation", "Association", "Institute",
      "University", "Forces", "Army", "Navy", "Front", "Movement", "Foundation", "Commission",
      "Parliament", "Assembly", "Department", "Office", "Service", "Services", "Authority",
      "Police", "Guard", "Corps", "Brigade", "Bureau", "Federation", "League", "Alliance",
      "Coalition", "Senate", "Congress", "Government", "Administration", "Cabinet", "Times",
      "News", "Post", "Journal", "Network", "Airlines", "Club", "Church", "School", "College",
      "Hospital", "Board", "Fund", "Programme", "Program", "Network", "Mission", "Tribunal"};
  return s;
}
const std::unordered_set<std::string_view>& PlaceHeads() {
  static const std::unordered_set<std::string_view> s = {
      "River", "Province", "Region", "Street", "Square", "City", "County", "Island", "Islands",
      "Mountains", "Mountain", "Oblast", "District", "Sea", "Ocean", "Lake", "Valley", "Bay",
      "Strait", "Peninsula", "Desert", "Airport", "Port", "Bridge", "Park", "State", "Territory",
      "Coast", "Gulf", "Canal", "Hills", "Plain", "Prefecture", "Governorate", "Krai", "Avenue"};
  return s;
}
// Capitalised words that start sentences or headings but are not names.
bool LooksLikeDateWord(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
      "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
      "Sept.", "Oct.", "Nov.", "Dec.", "I", "OK", "TV"};
  return s.count(w) > 0;
}

}  // namespace

int DocumentRun::EntityFor(const std::string& label, const std::string& category,
                           const std::string& country, const std::string& code, bool known) {
  std::string id = graph::EntityId(graph::EntityKind::kActor, label);
  auto it = entity_index_.find(id);
  if (it != entity_index_.end()) return it->second;
  LocalEntity le;
  le.e.id = id;
  le.e.kind = graph::EntityKind::kActor;
  le.e.label = label;
  le.e.category = category;
  le.e.country = country;
  le.e.code = code;
  le.known = known;
  entities_.push_back(std::move(le));
  entity_index_.emplace(id, static_cast<int>(entities_.size() - 1));
  return static_cast<int>(entities_.size() - 1);
}

Mention DocumentRun::NewMention(size_t first, size_t last, uint32_t sentence, int entity) const {
  Mention m;
  m.first = static_cast<uint32_t>(first);
  m.last = static_cast<uint32_t>(last);
  m.sentence = sentence;
  m.entity = entity;
  return m;
}

int DocumentRun::AddMention(Mention m) {
  mentions_.push_back(m);
  int idx = static_cast<int>(mentions_.size() - 1);
  for (uint32_t t = m.first; t < m.last; ++t) mention_at_[t] = idx;
  return idx;
}

void DocumentRun::FindMentions(const SentenceBounds& s, uint32_t index) {
  size_t i = s.first;
  while (i < s.last) {
    if (toks_[i].Has(kPunct)) {
      ++i;
      continue;
    }
    std::string_view lower = Lower(i);
    // Pronouns refer to the last person named.
    bool poss = false;
    if (IsPersonPronoun(lower, &poss) && (Tag(i) == Pos::kPron || Tag(i) == Pos::kDet)) {
      // The most recent person whose gender does not contradict the pronoun.
      char gender = lower[0] == 'h' && lower != "her" ? 'm' : 'f';
      int person = -1;
      for (auto it = recent_persons_.rbegin(); it != recent_persons_.rend(); ++it) {
        char g = genders_[*it];
        if (g == 0 || g == gender) {
          person = *it;
          break;
        }
      }
      if (person >= 0) {
        genders_[person] = gender;
        Mention m = NewMention(i, i + 1, index, person);
        m.pronoun = true;
        m.possessive = poss;
        AddMention(m);
      }
      ++i;
      continue;
    }
    // Hyphenated compounds that start with an actor: "Rwandan-backed",
    // "Houthi-controlled", "Zelensky-Macron". The parts that name actors
    // are modifier mentions (found, never subjects or objects).
    PhraseMatch whole;
    if (!toks_[i].Has(kPunct) && IsCap(i) && words_[i].find('-') != std::string_view::npos &&
        !MatchActorAt(i, &whole)) {
      std::string_view w = words_[i];
      size_t part_begin = 0;
      bool any = false;
      while (part_begin < w.size()) {
        size_t dash = w.find('-', part_begin);
        if (dash == std::string_view::npos) dash = w.size();
        std::string part(w.substr(part_begin, dash - part_begin));
        std::vector<std::string_view> one = {part};
        PhraseMatch pm2;
        int e = -1;
        if (!part.empty() && std::isupper(static_cast<unsigned char>(part[0]))) {
          if (lex_.MatchActor(one, 0, &pm2)) {
            const ActorEntry& a = lex_.actor(pm2.entry);
            e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
          } else if (person_names_.count(part)) {
            e = person_names_.at(part);
          }
        }
        if (e >= 0 && (any || part_begin == 0)) {
          Mention m = NewMention(i, i + 1, index, e);
          m.modifier = true;
          // Byte offsets of the part; the surface may differ from words_ only
          // in quote characters, which never occur inside a hyphenated part.
          m.byte_begin = toks_[i].begin + static_cast<uint32_t>(part_begin);
          m.byte_end = toks_[i].begin + static_cast<uint32_t>(dash);
          AddMention(m);
          any = true;
        }
        if (part_begin == 0 && e < 0) break;  // only compounds that start with an actor
        part_begin = dash + 1;
      }
      if (any) {
        ++i;
        continue;
      }
    }
    // [country] title+ [honorific] Name...: a person with role and affiliation.
    {
      size_t j = i;
      PhraseMatch aff{};
      bool has_aff = false;
      if (IsCap(j) && MatchActorAt(j, &aff) && j + aff.length < s.last) {
        size_t k = j + aff.length;
        if (k < s.last && words_[k] == "'s") ++k;
        size_t tl;
        const TitleEntry* te;
        if (k < s.last && MatchTitleAt(k, &tl, &te)) {
          has_aff = true;
          j = k;
        }
      }
      std::string role;
      size_t title_start = j;
      size_t tl;
      const TitleEntry* te;
      bool titled = false;
      while (j < s.last && MayBeTitle(j) && MatchTitleAt(j, &tl, &te)) {
        if (!te->honorific && !te->role.empty()) role = te->role;
        titled = true;
        j += tl;
      }
      size_t dictionary_person = 0;
      if (titled && !s.heading) {
        size_t n = j;
        while (n < s.last && IsCap(n) && !toks_[n].Has(kPunct) && words_[n] != "'s" &&
               (Tag(n) == Pos::kPropn || Tag(n) == Pos::kNoun || Tag(n) == Pos::kAdj || Tag(n) == Pos::kX)) {
          PhraseMatch pm;
          if (n == j && MatchActorAt(n, &pm) && lex_.actor(pm.entry).category != "person") {
            if (!lex_.actor(pm.entry).code.empty()) {
              // "Bree Prime Minister Romendacil" where a user dictionary
              // codes Romendacil: the dictionary's actor.
              const ActorEntry& a = lex_.actor(pm.entry);
              int e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
              Mention m = NewMention(i, n + pm.length, index, e);
              m.possessive = m.last < s.last && words_[m.last] == "'s";
              AddMention(m);
              dictionary_person = m.last;
            }
            break;
          }
          size_t tl2;
          const TitleEntry* te2;
          if (MatchTitleAt(n, &tl2, &te2)) break;
          ++n;
        }
        if (dictionary_person) {
          i = dictionary_person;
          continue;
        }
        if (n > j && n - j <= 4 && Tag(n - 1) == Pos::kPropn) {
          std::string name;
          for (size_t k = j; k < n; ++k) {
            if (!name.empty()) name += ' ';
            name += std::string(Surface(k));
          }
          int e = EntityFor(name, "person", "", "", false);
          auto& le = entities_[e];
          if (le.e.role.empty() && !role.empty()) le.e.role = role;
          if (has_aff && le.e.affiliation.empty()) {
            le.e.affiliation = lex_.actor(aff.entry).label;
            le.e.country = lex_.actor(aff.entry).country;
          }
          std::string titled_form;
          for (size_t k = title_start; k < n; ++k) {
            if (!titled_form.empty()) titled_form += ' ';
            titled_form += std::string(Surface(k));
          }
          le.aliases.insert(titled_form);
          Mention m = NewMention(i, n, index, e);
          m.possessive = n < s.last && words_[n] == "'s";
          AddMention(m);
          NotePerson(e);
          i = n;
          continue;
        }
        // "the Ukrainian president": a description of a person named before.
        if (n == j && !role.empty() && (has_aff || (i > s.first && (Lower(i - 1) == "the")))) {
          int found = -1;
          std::string country = has_aff ? lex_.actor(aff.entry).country : "";
          for (size_t e = 0; e < entities_.size(); ++e) {
            const auto& pe = entities_[e].e;
            if (pe.category == "person" && LowerAscii(pe.role) == LowerAscii(role) &&
                (country.empty() || pe.country == country)) {
              found = found == -1 ? static_cast<int>(e) : -2;
            }
          }
          if (found >= 0 && !IsCap(title_start)) {
            Mention m = NewMention(i, j, index, found);
            m.pronoun = true;
            AddMention(m);
            i = j;
            continue;
          }
        }
      }
    }
    // Groups named by their country after them: "soldiers from Gondor",
    // "the government of Gondor", "lawmakers and officials in Fornost".
    if (Tag(i) != Pos::kVerb && lex_.GroupNoun(lower)) {
      std::vector<size_t> nouns = {i};
      size_t k = i + 1;
      while (k + 1 < s.last && (Lower(k) == "and" || Lower(k) == ",") && lex_.GroupNoun(Lower(k + 1))) {
        nouns.push_back(k + 1);
        k += 2;
      }
      PhraseMatch cm;
      std::string_view link = k < s.last ? Lower(k) : std::string_view();
      if ((link == "of" || link == "from" || link == "in") && k + 1 < s.last && IsCap(k + 1) &&
          MatchActorAt(k + 1, &cm) && cm.use != PhraseUse::kAdjective &&
          (lex_.actor(cm.entry).category == "country" || !lex_.actor(cm.entry).code.empty())) {
        const ActorEntry& ca = lex_.actor(cm.entry);
        std::string prefix = ca.adjective.empty() ? ca.label : ca.adjective;
        for (size_t h = 0; h < nouns.size(); ++h) {
          int e = EntityFor(prefix + " " + *lex_.GroupNoun(Lower(nouns[h])), "group", ca.country, ca.CodeOn(out_.doc.date), false);
          Mention m = NewMention(nouns[h], h + 1 == nouns.size() ? k + 1 + cm.length : nouns[h] + 1, index, e);
          AddMention(m);
        }
        i = k + 1 + cm.length;
        continue;
      }
    }
    // Lexicon actors, and groups they head ("Ukrainian officials").
    PhraseMatch pm;
    if (IsCap(i) && MatchActorAt(i, &pm)) {
      const ActorEntry& a = lex_.actor(pm.entry);
      size_t end = i + pm.length;
      size_t k = end;
      if (k < s.last && (pm.use == PhraseUse::kAdjective || pm.use == PhraseUse::kName)) {
        // Demonym or name + group noun: "Ukrainian officials", "US officials";
        // coordinated demonyms share the noun: "Ukrainian and Russian negotiators".
        std::vector<std::pair<size_t, PhraseMatch>> heads = {{i, pm}};
        size_t g = k;
        while (g + 1 < s.last && (Lower(g) == "and" || Lower(g) == ",") && IsCap(g + 1)) {
          PhraseMatch more;
          if (!MatchActorAt(g + 1, &more) || more.use != PhraseUse::kAdjective) break;
          heads.emplace_back(g + 1, more);
          g = g + 1 + more.length;
        }
        if (heads.size() == 1 && g < s.last && words_[g] == "'s" && pm.use == PhraseUse::kName) ++g;
        size_t mods = g;
        while (g < s.last && (Tag(g) == Pos::kAdj || (Tag(g) == Pos::kNoun && g + 1 < s.last && lex_.GroupNoun(Lower(g + 1)))) &&
               !IsCap(g) && g - mods < 2)
          ++g;
        std::string gl(g < s.last ? Lower(g) : std::string_view());
        const std::string* canonical = g < s.last && !IsCap(g) ? lex_.GroupNoun(gl) : nullptr;
        if (canonical) {
          for (size_t h = 0; h < heads.size(); ++h) {
            const ActorEntry& ha = lex_.actor(heads[h].second.entry);
            std::string prefix = ha.adjective;
            if (prefix.empty()) {
              for (size_t w = heads[h].first; w < heads[h].first + heads[h].second.length; ++w)
                prefix += (prefix.empty() ? "" : " ") + std::string(Surface(w));
            }
            int e = EntityFor(prefix + " " + *canonical, "group", ha.country, ha.CodeOn(out_.doc.date), false);
            std::string surface;
            for (size_t w = heads[h].first; w < heads[h].first + heads[h].second.length; ++w)
              surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
            entities_[e].aliases.insert(surface + " " + gl);
            Mention m = NewMention(heads[h].first, h + 1 == heads.size() ? g + 1 : heads[h].first + heads[h].second.length, index, e);
            AddMention(m);
          }
          i = g + 1;
          continue;
        }
      }
      int e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
      Mention m = NewMention(i, end, index, e);
      m.modifier = pm.use == PhraseUse::kAdjective;
      m.possessive = end < s.last && words_[end] == "'s";
      if (pm.use == PhraseUse::kName || pm.use == PhraseUse::kMetonym || pm.use == PhraseUse::kCapital) {
        std::string surface;
        for (size_t k2 = i; k2 < end; ++k2) {
          if (!surface.empty()) surface += ' ';
          surface += std::string(Surface(k2));
        }
        if (surface != a.label) entities_[e].aliases.insert(surface);
      }
      if (a.category == "person") NotePerson(e);
      AddMention(m);
      i = end;
      continue;
    }
    // A person named before in this document, whatever the tagger says
    // ("Fico later met Nehammer again").
    if (IsCap(i) && !toks_[i].Has(kPunct)) {
      auto known = person_names_.find(std::string(words_[i]));
      if (known != person_names_.end()) {
        size_t n = i + 1;
        // The full name again: "Karl Nehammer".
        const std::string& label = entities_[known->second].e.label;
        std::string run(words_[i]);
        for (size_t k = i + 1; k < s.last && k - i < 4 && IsCap(k); ++k) {
          run += " " + std::string(words_[k]);
          if (run == label) n = k + 1;
        }
        Mention m = NewMention(i, n, index, known->second);
        m.possessive = n < s.last && words_[n] == "'s";
        AddMention(m);
        NotePerson(known->second);
        i = n;
        continue;
      }
    }
    // Unknown names: runs of capitalised proper nouns.
    if (IsCap(i) && !toks_[i].Has(kHasDigit) && !LooksLikeDateWord(words_[i]) &&
        (Tag(i) == Pos::kPropn || (Tag(i) != Pos::kPron && Tag(i) != Pos::kDet && Tag(i) != Pos::kAdp &&
                                   Tag(i) != Pos::kCconj && Tag(i) != Pos::kSconj && Tag(i) != Pos::kAux &&
                                   Tag(i) != Pos::kVerb && Tag(i) != Pos::kAdv && i > s.first && !s.heading &&
                                   i + 1 < s.last && IsCap(i + 1) && Tag(i + 1) == Pos::kPropn))) {
      size_t n = i;
      while (n < s.last) {
        if (IsCap(n) && !toks_[n].Has(kPunct) && words_[n] != "'s" &&
            (Tag(n) == Pos::kPropn || Tag(n) == Pos::kNoun || Tag(n) == Pos::kAdj || Tag(n) == Pos::kX ||
             Tag(n) == Pos::kNum) && !LooksLikeDateWord(words_[n])) {
          if (n > i) {
            PhraseMatch inner;
            if (MatchActorAt(n, &inner) && Tag(n - 1) != Pos::kPropn) break;
          }
          ++n;
          continue;
        }
        // "Bank of England", "bin Salman": lower-case links inside names.
        std::string_view lw = Lower(n);
        if (n > i && n + 1 < s.last && IsCap(n + 1) && Tag(n + 1) == Pos::kPropn &&
            (lw == "of" || lw == "de" || lw == "bin" || lw == "al" || lw == "van" || lw == "von" ||
             lw == "der" || lw == "la" || lw == "le" || lw == "da" || lw == "del" || lw == "ibn")) {
          ++n;
          continue;
        }
        break;
      }
      // Hyphenated compounds of names or with lower-case parts ("US-Russia",
      // "US-backed") are modifiers, not names.
      bool compound = false;
      for (size_t k = i; k < n; ++k)
        if (words_[k].find('-') != std::string_view::npos) {
          auto parts = words_[k];
          size_t dash = parts.find('-');
          std::string first(parts.substr(0, dash));
          std::vector<std::string_view> one = {first};
          PhraseMatch pm2;
          // "Zelensky-Macron" pairs two names; "Al-Fashir" is one.
          bool two_names = n - i == 1 && first.size() >= 4 && std::isupper(static_cast<unsigned char>(parts[dash + 1]));
          if (lex_.MatchActor(one, 0, &pm2) || std::islower(static_cast<unsigned char>(parts[dash + 1])) ||
              person_names_.count(first) || two_names)
            compound = true;
        }
      bool all_title_words = true;
      for (size_t k = i; k < n; ++k) {
        size_t tl;
        const TitleEntry* te;
        if (!MatchTitleAt(k, &tl, &te)) all_title_words = false;
      }
      if (n > i && !compound && !all_title_words && (!s.heading || n - i == 1)) {
        std::string name;
        for (size_t k = i; k < n; ++k) {
          if (!name.empty()) name += ' ';
          name += std::string(Surface(k));
        }
        std::string category = "person";
        std::string_view head = words_[n - 1];
        if (OrgHeads().count(head) || toks_[i].Has(kAllCaps)) category = "organization";
        else if (PlaceHeads().count(head)) category = "location";
        else if (n - i == 1 && i > s.first) {
          std::string_view prev = Lower(i - 1);
          if (prev == "in" || prev == "at" || prev == "from" || prev == "near" || prev == "to" || prev == "across")
            category = "location";
        }
        int e = EntityFor(name, category, "", "", false);
        Mention m = NewMention(i, n, index, e);
        m.possessive = n < s.last && words_[n] == "'s";
        m.initial_unknown = n - i == 1 && (i == s.first || s.heading) &&
                            !(n < s.last && (Tag(n) == Pos::kVerb || Tag(n) == Pos::kAux) && !s.heading);
        AddMention(m);
        if (category == "person") NotePerson(e);
        i = n;
        continue;
      }
      i = std::max(n, i + 1);
      continue;
    }
    ++i;
  }
}

// One node per person: "Putin" and "President Putin" join "Vladimir Putin";
// lone unknown words at sentence starts that name nobody are dropped.
void DocumentRun::ResolveNames() {
  std::unordered_map<std::string, std::vector<int>> by_surname;
  for (size_t e = 0; e < entities_.size(); ++e) {
    const auto& le = entities_[e];
    if (le.e.category != "person" || le.known) continue;
    size_t sp = le.e.label.rfind(' ');
    if (sp == std::string::npos) continue;
    by_surname[le.e.label.substr(sp + 1)].push_back(static_cast<int>(e));
  }
  std::vector<int> into(entities_.size(), -1);
  for (size_t e = 0; e < entities_.size(); ++e) {
    const auto& le = entities_[e];
    if (le.known || le.e.label.find(' ') != std::string::npos) continue;
    auto it = by_surname.find(le.e.label);
    if (it != by_surname.end() && it->second.size() == 1) into[e] = it->second[0];
  }
  std::vector<int> nonInitialUse(entities_.size(), 0);
  for (const auto& m : mentions_)
    if (!m.initial_unknown) nonInitialUse[m.entity]++;
  for (auto& m : mentions_) {
    if (into[m.entity] >= 0) {
      auto& target = entities_[into[m.entity]];
      target.aliases.insert(entities_[m.entity].e.label);
      for (const auto& a : entities_[m.entity].aliases) target.aliases.insert(a);
      if (target.e.role.empty()) target.e.role = entities_[m.entity].e.role;
      if (target.e.affiliation.empty()) {
        target.e.affiliation = entities_[m.entity].e.affiliation;
        target.e.country = entities_[m.entity].e.country;
      }
      m.entity = into[m.entity];
    } else if (m.initial_unknown && nonInitialUse[m.entity] == 0) {
      m.entity = -1;  // "Negotiations ..." at a sentence start: not a name
    }
  }
  // Pronouns resolved to an entity that was merged follow it.
  for (auto& m : mentions_)
    if (m.entity >= 0 && into[m.entity] >= 0) m.entity = into[m.entity];
}

}  // namespace newsgraph::extract
