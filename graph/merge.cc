// Cross-document entity resolution.
#include "graph/merge.h"

#include <cstring>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace newsgraph::graph {

namespace {
// Latin-1 Supplement (U+00C0..U+00FF) and Latin Extended-A (U+0100..U+017F)
// letters without their marks, lower case; '*' for the two signs.
constexpr const char kLatin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr const char kLatinA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof(kLatin1) == 65 && sizeof(kLatinA) == 129);
const std::set<std::string>& CommonWords();
}  // namespace

std::string FoldKey(const std::string& name) {
  std::string k = AliasKey(name);
  std::string out;
  out.reserve(k.size());
  for (size_t i = 0; i < k.size(); ++i) {
    unsigned char c = k[i];
    char m = 0;
    if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < k.size()) {
      unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(k[i + 1]) & 0x3F);
      if (cp >= 0xC0 && cp <= 0xFF) m = kLatin1[cp - 0xC0];
      else if (cp >= 0x100 && cp <= 0x17F) m = kLatinA[cp - 0x100];
      if (m) {
        ++i;
        if (m == '*') continue;
        if (cp == 0xDF) out += 's';  // "ß" -> "ss"
        out += m;
        continue;
      }
    }
    if (c == '-' || c == '_' || c == ',') c = ' ';
    if (c == '.') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += static_cast<char>(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // Spelling variants of transliterations: y as i, doubled letters once.
  std::string folded;
  folded.reserve(out.size());
  for (char c : out) {
    if (c == 'y') c = 'i';
    if (!folded.empty() && folded.back() == c && std::isalpha(static_cast<unsigned char>(c))) continue;
    folded += c;
  }
  return folded;
}

bool IsMilitaryCode(const std::string& code) {
  return code.size() == 6 && code.compare(3, 3, "MIL") == 0 &&
         std::all_of(code.begin(), code.begin() + 3, [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string SuspectLabel(const std::string& label, bool known_code) {
  if (label.empty()) return "empty";
  size_t sp = label.rfind(' ');
  std::string last = AliasKey(sp == std::string::npos ? label : label.substr(sp + 1));
  static const std::set<std::string> kLinks = {"of", "in", "at", "for", "to", "by", "on", "with", "from",
                                               "de", "and", "the", "a", "an", "or", "as", "into", "near"};
  if (sp != std::string::npos && kLinks.count(last)) return "ends in a preposition";
  size_t letters = 0, upper = 0, digits = 0;
  for (size_t i = 0; i < label.size(); ++i) {
    unsigned char c = label[i];
    if (std::isdigit(c)) ++digits;
    if (std::isupper(c)) ++upper;
    if (std::isalpha(c) || (c >= 0xC0)) ++letters;  // a UTF-8 lead byte counts one letter
  }
  if (letters <= 2 && !known_code) return "one or two letters";
  if (digits) return "digits";
  if (upper == 0 && static_cast<unsigned char>(label[0]) < 0x80) return "all lower case";
  if (sp == std::string::npos && !known_code && CommonWords().count(AliasKey(label))) return "a common word";
  return "";
}

namespace {
// Prefix of the alias keys that hold a name without its corporate word, so
// that only organisations find them.
const std::string kCorporate = "\x01";
}  // namespace

std::string CorporateKey(const std::string& key) {
  // Compared in FoldKey form, as the key is ("company" -> "compani", "llc"
  // -> "lc").
  static const std::set<std::string> kSuffixes = [] {
    std::set<std::string> out;
    for (const char* w : {"corporation", "corp", "inc", "incorporated", "ltd", "limited", "plc", "llc", "co",
                          "company", "holdings", "group", "ag", "gmbh", "sa", "nv"})
      out.insert(FoldKey(w));
    return out;
  }();
  size_t sp = key.rfind(' ');
  if (sp == std::string::npos || !kSuffixes.count(key.substr(sp + 1))) return "";
  std::string rest = key.substr(0, sp);
  while (!rest.empty() && (rest.back() == ',' || rest.back() == ' ')) rest.pop_back();
  // "The Company", "the group" and one-letter stems are no names of their own.
  if (rest.size() < 2 || rest == "the" || rest == "an") return "";
  return rest;
}

std::string AliasKey(const std::string& name) {
  std::string s;
  s.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (c == '\'') continue;
    if (c == 0xE2 && i + 2 < name.size() && (unsigned char)name[i + 1] == 0x80 &&
        ((unsigned char)name[i + 2] == 0x99 || (unsigned char)name[i + 2] == 0x98)) {
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!s.empty() && s.back() != ' ') s += ' ';
      continue;
    }
    s += static_cast<char>(c);
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  // "Putin's" -> "putin" (the apostrophe is gone by now: drop a final "s"
  // only when the original had "'s").
  if (name.size() > 2 && (name.compare(name.size() - 2, 2, "'s") == 0 ||
                          (name.size() > 4 && name.compare(name.size() - 4, 4, "\xE2\x80\x99s") == 0)))
    s.pop_back();
  if (s.rfind("the ", 0) == 0) s.erase(0, 4);
  return s;
}

namespace {



// Name suffixes that are not surnames: "Donald Trump Jr."
bool IsNameSuffix(const std::string& w) {
  return w == "Jr." || w == "Jr" || w == "Sr." || w == "Sr" || w == "II" || w == "III" || w == "IV";
}

// The last name of a person's label ("Trump" of "Donald Trump Jr."), folded;
// "" for one word and for offices ("Prime Minister of Peru").
std::string Surname(const std::string& label) {
  if (label.find(" of ") != std::string::npos) return "";
  std::string l = label;
  size_t sp = l.rfind(' ');
  if (sp != std::string::npos && IsNameSuffix(l.substr(sp + 1))) {
    l.resize(sp);
    sp = l.rfind(' ');
  }
  return sp == std::string::npos ? "" : FoldKey(l.substr(sp + 1));
}

const std::set<std::string>& CommonWords() {
  static const std::set<std::string> s = {
      "constitution", "office", "islands", "island", "eastern", "western", "northern", "southern",
      "central", "governorate", "province", "region", "district", "county", "state", "city", "river",
      "street", "square", "act", "law", "bill", "article", "amendment", "treaty", "agreement", "accord",
      "convention", "report", "program", "programme", "project", "operation", "plan", "summit",
      "conference", "forum", "internet", "security", "dozens", "hundreds", "thousands",
      "millions", "billions", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "many", "several", "some", "most", "others", "other", "both", "all", "each", "every",
      "few", "sources", "source", "utc", "gmt", "wikinews", "image", "photo", "video", "update",
      "breaking", "live", "news", "online", "website", "north", "south", "east", "west", "day", "week",
      "month", "year", "today", "yesterday", "tomorrow", "tonight", "morning", "evening", "night",
      "afterwards", "meanwhile", "however", "later", "earlier", "also", "then", "now", "there", "here",
      "this", "that", "these", "those", "during", "after", "before", "since", "while", "when", "where",
      "under", "over", "following", "according", "despite", "although", "though", "yet", "instead",
      "additionally", "furthermore", "moreover", "nevertheless", "subsequently", "previously",
      "separately", "overall", "finally", "initially", "eventually", "currently", "recently",
      "first", "second", "third", "last", "next", "new", "old", "former", "general", "national",
      "international", "federal", "public", "royal", "prime", "minister", "president", "chairman",
      "spokesperson", "spokesman", "spokeswoman", "senator", "governor", "mayor", "king", "queen",
      "prince", "princess", "council", "committee", "commission", "department", "ministry", "agency",
      "bureau", "court", "assembly", "parliament", "government", "administration", "embassy",
      "airport", "hospital", "university", "school", "college", "church", "mosque", "temple",
      "prison", "station", "hotel", "museum", "stadium", "park", "bridge", "port", "border", "coast",
      "gulf", "sea", "ocean", "lake", "valley", "mountains", "desert", "war", "peace", "election",
      "elections", "referendum", "ceasefire", "truce", "independence", "revolution", "republic",
      "kingdom", "empire", "union", "federation", "party", "front", "movement", "coalition", "alliance",
      "image", "images", "photos", "videos", "islam", "christianity", "christendom", "judaism", "hinduism",
      "buddhism", "catholicism", "orthodox", "sharia", "martyrdom", "presidential", "ministerial",
      "parliamentary", "military", "civil", "foreign", "domestic", "supreme", "senior", "chief", "um", "uh", "ah", "oh", "ok", "okay", "yes", "no"};
  return s;
}
// "donald trump administration" (a label's FoldKey) -> "trump
// administration": the office of a person named in full, keyed by the
// surname, so that it meets the same office named by the surname alone.
// "" when the label is no such office or names the person by one word.
std::string OfficeKey(const std::string& key) {
  for (const char* suffix : {" administration", " campaign"}) {
    const size_t n = std::strlen(suffix);
    if (key.size() <= n || key.compare(key.size() - n, n, suffix) != 0) continue;
    std::string prefix = key.substr(0, key.size() - n);
    size_t sp = prefix.rfind(' ');
    if (sp == std::string::npos) return "";
    return prefix.substr(sp + 1) + suffix;
  }
  return "";
}
// Adds id to the list under key (once); records the key in keys when new.
void Push(std::unordered_map<std::string, std::vector<std::string>>& index, std::string key,
          const std::string& id, std::vector<std::string>& keys) {
  auto& v = index[key];
  if (std::find(v.begin(), v.end(), id) != v.end()) return;
  v.push_back(id);
  keys.push_back(std::move(key));
}
void Remove(std::unordered_map<std::string, std::vector<std::string>>& index,
            const std::vector<std::string>& keys, const std::string& id) {
  for (const auto& k : keys) {
    auto it = index.find(k);
    if (it == index.end()) continue;
    auto& ids = it->second;
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
  }
}
}  // namespace

void EntityResolver::Add(const Entity& e) {
  Known& k = known_[e.id];
  if (k.label != e.label) k.label = e.label;
  if (k.category != e.category) k.category = e.category;
  if (k.code != e.code) k.code = e.code;
  k.kind = e.kind;
  salience_[e.id] += e.mentions;
  // A country's forces group ("Israeli forces"); its navy or air force
  // ("Israeli navy", same MIL code) stays a node of its own.
  auto forces = [](const std::string& label) {
    std::string k = FoldKey(label);
    return k.size() > 7 && k.compare(k.size() - 7, 7, " forces") == 0;
  };
  if (e.kind == EntityKind::kActor && IsMilitaryCode(e.code) && e.category == "group" && forces(e.label))
    military_.emplace(e.code, e.id);
  Keys& keys = keys_of_[e.id];
  // A name indexed for this id before would only find the id listed already.
  auto first_time = [](std::vector<std::string>& seen, const std::string& name) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) return false;
    seen.push_back(name);
    return true;
  };
  if (first_time(keys.names, e.label)) {
    std::string key = FoldKey(e.label);
    Push(alias_, key, e.id, keys.alias_keys);
    // "Donald Trump administration" is also found as "Trump administration".
    if (e.kind == EntityKind::kActor && e.category != "person")
      if (std::string office = OfficeKey(key); !office.empty()) Push(alias_, office, e.id, keys.alias_keys);
    // "ABS-CBN Corporation" is also found as "ABS-CBN".
    if (e.kind == EntityKind::kActor && e.category == "organization")
      if (std::string corp = CorporateKey(key); !corp.empty()) Push(alias_, kCorporate + corp, e.id, keys.alias_keys);
  }
  for (const auto& a : e.aliases)
    if (first_time(keys.names, a)) Push(alias_, FoldKey(a), e.id, keys.alias_keys);
  if (e.kind == EntityKind::kActor && e.category == "person" &&
      first_time(keys.surname_labels, e.label)) {
    std::string sn = Surname(e.label);
    if (!sn.empty()) Push(surname_, std::move(sn), e.id, keys.surname_keys);
    // Shorter forms of a long name: "Tayyip Erdoğan" of "Recep Tayyip
    // Erdoğan" (two words or more, as surnames are one).
    std::string key = FoldKey(e.label);
    if (e.label.find(" of ") == std::string::npos) {
      size_t sp = key.find(' ');
      while (sp != std::string::npos && key.find(' ', sp + 1) != std::string::npos) {
        Push(surname_, "~" + key.substr(sp + 1), e.id, keys.surname_keys);
        sp = key.find(' ', sp + 1);
      }
    }
  }
}

void EntityResolver::AddCurated(const std::string& name, const std::string& into_id) {
  curated_[FoldKey(name)] = into_id;
}

std::string EntityResolver::LoneNameTarget(const std::string& key) const {
  // Candidates: full-name persons with this last name, and persons that
  // have the lone name as an alias ("Xi" of "Xi Jinping", learned inside a
  // document that used both).
  std::vector<std::string> candidates;
  auto add = [&](const std::string& id) {
    auto k = known_.find(id);
    if (k == known_.end() || k->second.category != "person" || k->second.label.find(' ') == std::string::npos)
      return;
    if (std::find(candidates.begin(), candidates.end(), id) == candidates.end()) candidates.push_back(id);
  };
  if (auto s = surname_.find(key); s != surname_.end())
    for (const auto& id : s->second) add(id);
  if (auto a = alias_.find(key); a != alias_.end())
    for (const auto& id : a->second) add(id);
  if (candidates.size() == 1) return candidates[0];
  if (candidates.empty()) return "";
  // Several: the one the corpus means, when it is far more salient.
  std::sort(candidates.begin(), candidates.end(), [&](const std::string& x, const std::string& y) {
    uint64_t sx = Salience(x), sy = Salience(y);
    return sx != sy ? sx > sy : x < y;
  });
  uint64_t best = Salience(candidates[0]), second = Salience(candidates[1]);
  if (best >= 3 && best >= 3 * second) return candidates[0];
  return "";
}

void EntityResolver::Forget(const std::string& id) {
  known_.erase(id);
  auto it = keys_of_.find(id);
  if (it == keys_of_.end()) return;
  // Empty lists stay in the maps (as before): lookups treat them as absent.
  Remove(alias_, it->second.alias_keys, id);
  Remove(surname_, it->second.surname_keys, id);
  keys_of_.erase(it);
}

std::vector<std::pair<std::string, std::string>> EntityResolver::Resolve(DocumentAnalysis* a) {
  std::map<std::string, std::string> rename;
  std::vector<std::pair<std::string, std::string>> store_merges;
  for (const auto& e : a->entities) {
    if (e.kind != EntityKind::kActor) continue;
    std::string key = FoldKey(e.label);
    // A curated alias wins over everything.
    if (auto c = curated_.find(key); c != curated_.end() && c->second != e.id && known_.count(c->second)) {
      rename[e.id] = c->second;
      if (known_.count(e.id)) store_merges.emplace_back(e.id, c->second);
      continue;
    }
    bool lone_person = e.category == "person" && e.label.find(' ') == std::string::npos;
    if (known_.count(e.id)) {
      // A lone surname stored on its own while the full names were
      // ambiguous joins the full name once that one dominates.
      if (lone_person) {
        std::string t = LoneNameTarget(key);
        if (!t.empty() && t != e.id) {
          rename[e.id] = t;
          store_merges.emplace_back(e.id, t);
        }
      }
      continue;
    }
    // A country's armed forces: one node per MIL code.
    if (IsMilitaryCode(e.code) && e.category == "group" && FoldKey(e.label).size() > 7 &&
        FoldKey(e.label).compare(FoldKey(e.label).size() - 7, 7, " forces") == 0) {
      auto m = military_.find(e.code);
      if (m != military_.end() && known_.count(m->second)) {
        rename[e.id] = m->second;
        continue;
      }
    }
    // A known alias (or spelling) of exactly one entity of the same kind.
    auto it = alias_.find(key);
    if (it != alias_.end() && it->second.size() == 1 && known_.at(it->second[0]).kind == e.kind) {
      rename[e.id] = it->second[0];
      continue;
    }
    // "ABS-CBN Corporation" and "ABS-CBN" (either first), "Acme Inc." and
    // "Acme Corp.": the one organisation of that name.
    if (e.category == "organization") {
      std::string corp = CorporateKey(key);
      std::string found;
      for (const std::string& k : {kCorporate + key, corp, corp.empty() ? std::string() : kCorporate + corp}) {
        auto c = k.empty() ? alias_.end() : alias_.find(k);
        if (c == alias_.end() || c->second.size() != 1) continue;
        const Known& known = known_.at(c->second[0]);
        if (known.kind == e.kind && known.category == "organization") {
          found = c->second[0];
          break;
        }
      }
      if (!found.empty()) {
        rename[e.id] = found;
        continue;
      }
    }
    // "Donald Trump administration" after "Trump administration": the
    // office named by the surname alone (never one full name into another:
    // the two Bush administrations stay two).
    if (e.category != "person") {
      std::string office = OfficeKey(key);
      auto o = office.empty() ? alias_.end() : alias_.find(office);
      if (o != alias_.end() && o->second.size() == 1) {
        const Known& k = known_.at(o->second[0]);
        if (k.kind == e.kind && FoldKey(k.label) == office) rename[e.id] = o->second[0];
      }
      continue;
    }
    if (lone_person) {
      // "Putin" -> the known person whose surname it is (the most salient
      // one when several are).
      std::string t = LoneNameTarget(key);
      if (!t.empty()) rename[e.id] = t;
    } else if (std::string t = LoneNameTarget("~" + key); !t.empty() && e.label.find(" of ") == std::string::npos) {
      rename[e.id] = t;  // "Tayyip Erdoğan" -> "Recep Tayyip Erdoğan"
    } else {
      // "Vladimir Putin" arrives after a lone "Putin": the known one joins it.
      std::string sn = Surname(e.label);
      auto s = sn.empty() ? alias_.end() : alias_.find(sn);
      if (s != alias_.end() && s->second.size() == 1) {
        const auto& k = known_.at(s->second[0]);
        if (k.category == "person" && k.label.find(' ') == std::string::npos && LoneNameTarget(sn).empty()) {
          store_merges.emplace_back(s->second[0], e.id);
        }
      }
    }
  }
  // Two new full names with the known lone surname ("Shiri Bibas" and "Kfir
  // Bibas" after "Bibas"): the lone one is ambiguous and merges into neither.
  // A pair listed twice is applied once.
  if (store_merges.size() > 1) {
    std::map<std::string, std::set<std::string>> into_of;
    for (const auto& [from, into] : store_merges) into_of[from].insert(into);
    std::vector<std::pair<std::string, std::string>> kept;
    for (auto& m : store_merges)
      if (into_of[m.first].size() == 1 && into_of[m.first].erase(m.second)) kept.push_back(std::move(m));
    store_merges = std::move(kept);
  }
  for (const auto& [from, into] : store_merges) {
    salience_[into] += Salience(from);
    salience_.erase(from);
    Forget(from);
  }
  if (!rename.empty()) {
    auto map_id = [&](std::string& id) {
      auto r = rename.find(id);
      if (r != rename.end()) id = r->second;
    };
    std::map<std::string, Entity> merged;
    for (auto& e : a->entities) {
      std::string old_label = e.label;
      map_id(e.id);
      auto [pos, fresh] = merged.emplace(e.id, e);
      Entity& m = pos->second;
      if (!fresh) {
        m.mentions += e.mentions;
        for (const auto& al : e.aliases) m.aliases.push_back(al);
      }
      if (known_.count(e.id) && known_.at(e.id).label != old_label) {
        // Keep the known label; the local one becomes an alias.
        m.aliases.push_back(old_label);
        m.label = known_.at(e.id).label;
      }
    }
    a->entities.clear();
    for (auto& [id, e] : merged) {
      std::sort(e.aliases.begin(), e.aliases.end());
      e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
      e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), e.label), e.aliases.end());
      a->entities.push_back(std::move(e));
    }
    for (auto& m : a->mentions) map_id(m.entity);
    for (auto& r : a->relations) {
      map_id(r.subject);
      map_id(r.object);
    }
    // A relation may now point from an actor to itself: drop it.
    a->relations.erase(std::remove_if(a->relations.begin(), a->relations.end(),
                                      [](const Relation& r) { return r.subject == r.object; }),
                       a->relations.end());
  }
  for (const auto& e : a->entities) Add(e);
  return store_merges;
}

}  // namespace newsgraph::graph
