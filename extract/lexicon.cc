// Lexicon loaders and lookups.
#include "extract/lexicon.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "extract/reader.h"
#include "extract/text.h"
#include "graph/types.h"

namespace newsgraph::extract {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = line.find('\t', b);
    out.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t b = 0;
  while (true) {
    size_t e = s.find('|', b);
    std::string part = s.substr(b, e == std::string::npos ? std::string::npos : e - b);
    if (!part.empty()) out.push_back(part);
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void AppendLower(std::string_view s, std::string* out) {
  size_t at = out->size();
  out->append(s);
  for (size_t k = at; k < out->size(); ++k) {
    char& c = (*out)[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// Phrase lookups try ever longer phrases at each token. So that they can
// stop at the first key that no phrase starts with, the phrase tables also
// hold every proper word prefix of their keys ("United", "United Nations"
// for "United Nations Security Council") under a marker value that lookups
// never return: most tokens then cost one probe instead of one per length.
constexpr PhraseUse kPrefixOnly = static_cast<PhraseUse>(0xFF);
const std::string kPrefixRole = std::string("\x01prefix");

bool IsPrefixOnly(const std::pair<uint32_t, PhraseUse>& v) { return v.second == kPrefixOnly; }
bool IsPrefixOnly(const TitleEntry& t) { return t.role == kPrefixRole && !t.honorific; }

// Adds the proper word prefixes of key (cut before each space) as markers.
template <typename Map, typename Value>
void AddPrefixes(const std::string& key, const Value& marker, Map* map) {
  for (size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1))
    map->emplace(key.substr(0, sp), marker);
}

// Inserts key -> value unless a real entry is there (first wins), replacing
// a prefix marker; then its prefixes.
template <typename Map, typename Value>
void EmplaceKey(const std::string& key, const Value& value, const Value& marker, Map* map) {
  auto [it, inserted] = map->emplace(key, value);
  if (!inserted && IsPrefixOnly(it->second)) it->second = value;
  AddPrefixes(key, marker, map);
}

// Longest phrase a user actor dictionary may hold, in words. Lookups try
// every length up to the longest phrase loaded at every token, so one
// absurd entry would slow every document down.
constexpr size_t kMaxUserPhraseWords = 24;

}  // namespace

std::string CheckDictionaryLine(const std::string& line) {
  std::string error;
  if (ValidateText(line, &error)) return "";
  // ValidateText says "line 1, column 7 (byte 6): invalid UTF-8"; the
  // caller names the line itself.
  size_t comma = error.find(", ");
  return comma == std::string::npos ? error : error.substr(comma + 2);
}

std::string StripXmlComments(std::string_view line, bool* in_comment) {
  std::string out;
  for (size_t i = 0; i < line.size();) {
    if (*in_comment) {
      size_t end = line.find("-->", i);
      if (end == std::string_view::npos) break;
      *in_comment = false;
      i = end + 3;
    } else if (line.compare(i, 4, "<!--") == 0) {
      *in_comment = true;
      i += 4;
    } else {
      out.push_back(line[i++]);
    }
  }
  return out;
}

namespace {

std::string CheckPhrase(const std::string& phrase) {
  size_t words = PhraseWords(phrase).size();
  if (words > kMaxUserPhraseWords)
    return "phrase \"" + phrase.substr(0, 40) + "...\" has " + std::to_string(words) +
           " words, more than the limit of " + std::to_string(kMaxUserPhraseWords);
  return "";
}

std::string Join(const std::vector<std::string>& words) {
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

// Reads a lexicon file: checks "# newsgraph lexicon: NAME vN" and calls row
// for each data row with its line number. row returns an error or "".
bool ReadTsv(const std::string& path, const std::string& name, size_t min_columns,
             const std::function<std::string(const std::vector<std::string>&, size_t)>& row,
             std::string* version, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open lexicon";
    return false;
  }
  std::string line;
  size_t number = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1) {
      std::string prefix = "# newsgraph lexicon: " + name + " v";
      if (line.rfind(prefix, 0) != 0) {
        *error = path + ":1: expected header \"" + prefix + "N\"";
        return false;
      }
      std::string v = line.substr(prefix.size());
      if (v != "1") {
        *error = path + ":1: lexicon version " + v + " is newer than this newsgraph reads (1)";
        return false;
      }
      *version = name + " v" + v;
      header = true;
      continue;
    }
    if (std::string bad = CheckDictionaryLine(line); !bad.empty()) {
      *error = path + ":" + std::to_string(number) + ": " + bad;
      return false;
    }
    if (line.empty() || line[0] == '#') continue;
    auto cols = SplitTabs(line);
    if (cols.size() < min_columns) {
      *error = path + ":" + std::to_string(number) + ": expected " + std::to_string(min_columns) +
               " tab-separated columns, found " + std::to_string(cols.size());
      return false;
    }
    if (cols[0].empty()) {
      *error = path + ":" + std::to_string(number) + ": empty first column";
      return false;
    }
    std::string problem = row(cols, number);
    if (!problem.empty()) {
      *error = path + ":" + std::to_string(number) + ": " + problem;
      return false;
    }
  }
  if (!header) {
    *error = path + ": empty lexicon (no header line)";
    return false;
  }
  return true;
}

// PETRARCH dates: YYMMDD (19YY when YY > 30) or YYYYMMDD -> YYYY-MM-DD.
std::string PetrarchDate(std::string d) {
  if (d.size() == 6) d = (std::stoi(d.substr(0, 2)) > 30 ? "19" : "20") + d;
  if (d.size() != 8) return "";
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

// "[HOB < 950601]", "[HOBGOV 19950601 - 19990815]", "[HOBREB > 990816]".
bool ParseDatedCode(const std::string& inner, ActorEntry::DatedCode* out) {
  std::string s;
  for (char c : inner)
    if (c != ' ' && c != '\t') s += c;
  size_t i = 0;
  while (i < s.size() && !std::isdigit(static_cast<unsigned char>(s[i])) && s[i] != '<' && s[i] != '>') ++i;
  out->code = s.substr(0, i);
  std::string rest = s.substr(i);
  if (rest.empty()) return !out->code.empty();
  auto digits = [](const std::string& x) {
    return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  if (rest[0] == '<' && digits(rest.substr(1))) {
    out->to = PetrarchDate(rest.substr(1));
  } else if (rest[0] == '>' && digits(rest.substr(1))) {
    out->from = PetrarchDate(rest.substr(1));
  } else {
    size_t dash = rest.find('-');
    if (dash == std::string::npos || !digits(rest.substr(0, dash)) || !digits(rest.substr(dash + 1))) return false;
    out->from = PetrarchDate(rest.substr(0, dash));
    out->to = PetrarchDate(rest.substr(dash + 1));
  }
  return !out->code.empty();
}

}  // namespace

std::string ActorEntry::CodeOn(const std::string& date) const {
  if (dated_codes.empty() || date.empty()) return code;
  std::string day = date.substr(0, 10);
  for (const auto& d : dated_codes)
    if ((d.from.empty() || day >= d.from) && (d.to.empty() || day <= d.to)) return d.code;
  return code;
}

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<Token> toks;
  Tokenize(phrase, &toks);
  std::vector<std::string> words;
  for (const auto& t : toks) words.push_back(NormalizeToken(phrase.substr(t.begin, t.end - t.begin)));
  return words;
}

uint32_t Lexicons::AddActor(ActorEntry e) {
  auto it = actor_by_label_.find(e.label);
  if (it != actor_by_label_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(actors_.size());
  actor_by_label_.emplace(e.label, id);
  actors_.push_back(std::move(e));
  return id;
}

void Lexicons::AddPhrase(const std::string& phrase, uint32_t entry, PhraseUse use) {
  auto words = PhraseWords(phrase);
  if (words.empty()) return;
  // "the Kremlin": the article is not part of the name in running text.
  if (words.size() > 1 && (words[0] == "the" || words[0] == "The")) words.erase(words.begin());
  max_phrase_words_ = std::max(max_phrase_words_, words.size());
  EmplaceKey(Join(words), std::make_pair(entry, use), std::make_pair(uint32_t{0}, kPrefixOnly), &phrases_);
}

int Lexicons::FindActorByLabel(const std::string& label) const {
  auto it = actor_by_label_.find(label);
  return it == actor_by_label_.end() ? -1 : static_cast<int>(it->second);
}

std::unique_ptr<Lexicons> Lexicons::Load(const std::string& dir, std::string* error) {
  auto lex = std::make_unique<Lexicons>();
  std::string version;
  auto done = [&]() { lex->versions_.push_back(version); };

  // countries: name iso3 aliases adjectives people capitals metonyms
  if (!ReadTsv(dir + "/countries.tsv", "countries", 7,
               [&](const std::vector<std::string>& c, size_t) -> std::string {
                 if (c[1].size() != 3) return "ISO 3166 alpha-3 code expected, found \"" + c[1] + "\"";
                 // Groups are named with the shortest plain adjective: "US officials".
                 std::string group_adj;
                 for (auto& a : SplitBars(c[3]))
                   if (a.find('.') == std::string::npos && (group_adj.empty() || a.size() < group_adj.size()))
                     group_adj = a;
                 uint32_t id = lex->AddActor({c[0], "country", c[1], "", group_adj, {}});
                 lex->AddPhrase(c[0], id, PhraseUse::kName);
                 for (auto& a : SplitBars(c[2])) lex->AddPhrase(a, id, PhraseUse::kName);
                 for (auto& a : SplitBars(c[3])) lex->AddPhrase(a, id, PhraseUse::kAdjective);
                 for (auto& a : SplitBars(c[4])) lex->AddPhrase(a, id, PhraseUse::kPeople);
                 for (auto& a : SplitBars(c[5])) lex->AddPhrase(a, id, PhraseUse::kCapital);
                 for (auto& a : SplitBars(c[6])) lex->AddPhrase(a, id, PhraseUse::kMetonym);
                 return "";
               },
               &version, error))
    return nullptr;
  done();
  // organizations: name aliases category country type
  if (!ReadTsv(dir + "/organizations.tsv", "organizations", 4,
               [&](const std::vector<std::string>& c, size_t) -> std::string {
                 uint32_t id = lex->AddActor({c[0], c[2].empty() ? "organization" : c[2], c[3], "", "", {}});
                 lex->AddPhrase(c[0], id, PhraseUse::kName);
                 for (auto& a : SplitBars(c[1])) lex->AddPhrase(a, id, PhraseUse::kName);
                 return "";
               },
               &version, error))
    return nullptr;
  done();
  // regions: name aliases category country adjectives
  if (!ReadTsv(dir + "/regions.tsv", "regions", 3,
               [&](const std::vector<std::string>& c, size_t) -> std::string {
                 auto adjectives = SplitBars(c.size() > 4 ? c[4] : "");
                 uint32_t id = lex->AddActor({c[0], c[2].empty() ? "location" : c[2],
                                              c.size() > 3 ? c[3] : "", "",
                                              adjectives.empty() ? "" : adjectives[0], {}});
                 lex->AddPhrase(c[0], id, PhraseUse::kName);
                 for (auto& a : SplitBars(c[1])) lex->AddPhrase(a, id, PhraseUse::kName);
                 for (auto& a : adjectives) lex->AddPhrase(a, id, PhraseUse::kAdjective);
                 return "";
               },
               &version, error))
    return nullptr;
  done();
  // titles: title role kind
  if (!ReadTsv(dir + "/titles.tsv", "titles", 3,
               [&](const std::vector<std::string>& c, size_t) -> std::string {
                 if (c[2] != "office" && c[2] != "honorific")
                   return "kind must be office or honorific, found \"" + c[2] + "\"";
                 auto words = PhraseWords(c[0]);
                 lex->max_title_words_ = std::max(lex->max_title_words_, words.size());
                 EmplaceKey(Lower(Join(words)), TitleEntry{c[1], c[2] == "honorific"},
                            TitleEntry{kPrefixRole, false}, &lex->titles_);
                 return "";
               },
               &version, error))
    return nullptr;
  done();
  // groups: noun singular kind canonical
  if (!ReadTsv(dir + "/groups.tsv", "groups", 4,
               [&](const std::vector<std::string>& c, size_t) -> std::string {
                 lex->groups_.emplace(Lower(c[0]), c[3]);
                 return "";
               },
               &version, error))
    return nullptr;
  done();
  // relations: lemma class polarity mode pos
  if (!ReadTsv(dir + "/relations.tsv", "relations", 5,
               [&](const std::vector<std::string>& c, size_t) -> std::string {
                 if (!graph::IsKnownClass(c[1])) return "unknown relation class \"" + c[1] + "\"";
                 if (c[2] != "+1" && c[2] != "-1" && c[2] != "0" && c[2] != "1")
                   return "polarity must be +1, 0 or -1, found \"" + c[2] + "\"";
                 if (c[4] != "verb" && c[4] != "noun") return "pos must be verb or noun, found \"" + c[4] + "\"";
                 if (c[4] == "noun" && c[0].find(' ') == std::string::npos)
                   return "a noun needs the preposition that introduces its object (\"demand for\")";
                 RelationEntry r;
                 r.lemma = c[0];
                 r.cls = c[1];
                 r.polarity = std::stoi(c[2]);
                 r.mode = c[3];
                 r.noun = c[4] == "noun";
                 size_t sp = c[0].find(' ');
                 r.head = c[0].substr(0, sp);
                 r.prep = sp == std::string::npos ? "" : c[0].substr(sp + 1);
                 auto& table = r.noun ? lex->noun_relations_ : lex->verb_relations_;
                 auto& list = table[r.head];
                 for (const auto& other : list)
                   if (other.lemma == r.lemma) return "duplicate entry \"" + r.lemma + "\"";
                 list.push_back(std::move(r));
                 return "";
               },
               &version, error))
    return nullptr;
  done();
  // Longest preposition first, so "talk with" wins over "talk".
  for (auto* table : {&lex->verb_relations_, &lex->noun_relations_})
    for (auto& [head, list] : *table)
      std::stable_sort(list.begin(), list.end(), [](const RelationEntry& a, const RelationEntry& b) {
        return a.prep.size() > b.prep.size();
      });
  return lex;
}

bool Lexicons::AddActorFile(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open actor dictionary";
    return false;
  }
  std::string first;
  std::getline(in, first);
  in.seekg(0);
  struct Pending {
    ActorEntry entry;
    std::vector<std::string> phrases;
  };
  std::vector<Pending> pending;
  std::string line;
  size_t number = 0;
  if (first.rfind("# newsgraph lexicon: actors v", 0) == 0) {
    // name aliases category country code
    std::string version;
    bool ok = ReadTsv(path, "actors", 2,
                      [&](const std::vector<std::string>& c, size_t) -> std::string {
                        Pending p;
                        p.entry.label = c[0];
                        p.entry.category = c.size() > 2 && !c[2].empty() ? c[2] : "organization";
                        static const char* kCategories[] = {"person", "organization", "country",
                                                            "location", "group"};
                        if (std::find_if(std::begin(kCategories), std::end(kCategories),
                                         [&](const char* k) { return p.entry.category == k; }) ==
                            std::end(kCategories))
                          return "unknown category \"" + p.entry.category + "\"";
                        p.entry.country = c.size() > 3 ? c[3] : "";
                        p.entry.code = c.size() > 4 ? c[4] : "";
                        p.phrases.push_back(c[0]);
                        for (auto& a : SplitBars(c[1])) p.phrases.push_back(a);
                        for (const auto& phrase : p.phrases)
                          if (std::string bad = CheckPhrase(phrase); !bad.empty()) return bad;
                        pending.push_back(std::move(p));
                        return "";
                      },
                      &version, error);
    if (!ok) return false;
    versions_.push_back(path + " (" + version + ")");
  } else {
    // PETRARCH / TABARI: "NAME_WORDS [CODE] # comment", "+ALIAS" lines
    // add phrases to the entry above, "<!-- ... -->" are comments.
    bool in_comment = false;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (std::string bad = CheckDictionaryLine(line); !bad.empty()) {
        *error = path + ":" + std::to_string(number) + ": " + bad;
        return false;
      }
      std::string l = StripXmlComments(line, &in_comment);
      size_t hash = l.find('#');
      if (hash != std::string::npos) l = l.substr(0, hash);
      while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.pop_back();
      size_t s = l.find_first_not_of(" \t");
      if (s == std::string::npos) continue;
      l = l.substr(s);
      auto words_of = [](std::string phrase) {
        for (auto& ch : phrase)
          if (ch == '_') ch = ' ';
        while (!phrase.empty() && phrase.back() == ' ') phrase.pop_back();
        return phrase;
      };
      if (l[0] == '+') {
        if (pending.empty()) {
          *error = path + ":" + std::to_string(number) + ": alias \"" + l + "\" before any actor";
          return false;
        }
        pending.back().phrases.push_back(words_of(l.substr(1)));
        if (std::string bad = CheckPhrase(pending.back().phrases.back()); !bad.empty()) {
          *error = path + ":" + std::to_string(number) + ": " + bad;
          return false;
        }
        continue;
      }
      if (l[0] == '[') {
        // A dated code for the entry above: "[HOBGOV 19950601 - 19990815]".
        size_t close = l.find(']');
        ActorEntry::DatedCode dc;
        if (pending.empty() || close == std::string::npos || !ParseDatedCode(l.substr(1, close - 1), &dc)) {
          *error = path + ":" + std::to_string(number) + ": bad dated code \"" + line + "\"";
          return false;
        }
        for (auto& ch : dc.code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        auto& e = pending.back().entry;
        e.dated_codes.push_back(dc);
        if (e.code.empty()) {
          e.code = dc.code;  // the undated fallback: the first code given
          e.country = dc.code.size() >= 3 && dc.code != "---" ? dc.code.substr(0, 3) : "";
        }
        continue;
      }
      size_t open = l.find('[');
      std::string name = words_of(l.substr(0, open));
      std::string code;
      if (open != std::string::npos) {
        size_t close = l.find(']', open);
        if (close == std::string::npos) {
          *error = path + ":" + std::to_string(number) + ": unclosed '[' in \"" + line + "\"";
          return false;
        }
        code = l.substr(open + 1, close - open - 1);
        size_t sp = code.find(' ');
        if (sp != std::string::npos) code = code.substr(0, sp);  // drop date restrictions
      }
      while (!name.empty() && name.back() == ' ') name.pop_back();
      if (name.empty()) {
        *error = path + ":" + std::to_string(number) + ": entry without a name";
        return false;
      }
      for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      Pending p;
      // "ARNOR" -> "Arnor": dictionaries are upper case, labels read better in title case.
      std::string label;
      bool up = true;
      for (char ch : name) {
        label += up ? ch : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        up = ch == ' ' || ch == '-';
      }
      if (label.rfind("The ", 0) == 0 && label.size() > 4) label = label.substr(4);
      p.entry.label = label;
      p.entry.category = "organization";
      p.entry.code = code == "---" || code == "+++" ? "" : code;
      p.entry.country = code.size() >= 3 && code != "---" && code != "+++" ? code.substr(0, 3) : "";
      p.phrases.push_back(name);
      if (std::string bad = CheckPhrase(name); !bad.empty()) {
        *error = path + ":" + std::to_string(number) + ": " + bad;
        return false;
      }
      pending.push_back(std::move(p));
    }
    if (in.bad()) {
      *error = path + ": read error";
      return false;
    }
    versions_.push_back(path + " (PETRARCH actors)");
  }
  for (auto& p : pending) {
    // A user entry overrides the shipped one with the same label.
    int existing = FindActorByLabel(p.entry.label);
    uint32_t id;
    if (existing >= 0) {
      id = static_cast<uint32_t>(existing);
      if (!p.entry.code.empty()) actors_[id].code = p.entry.code;
      if (!p.entry.dated_codes.empty()) actors_[id].dated_codes = p.entry.dated_codes;
      if (!p.entry.country.empty() && actors_[id].country.empty()) actors_[id].country = p.entry.country;
    } else {
      id = AddActor(p.entry);
    }
    for (const auto& phrase : p.phrases) {
      auto words = PhraseWords(phrase);
      if (words.empty()) continue;
      std::string key = Lower(Join(words));
      max_phrase_words_ = std::max(max_phrase_words_, words.size());
      folded_phrases_[key] = {id, PhraseUse::kName};  // a later entry wins, markers too
      AddPrefixes(key, std::make_pair(uint32_t{0}, kPrefixOnly), &folded_phrases_);
    }
  }
  return true;
}

bool Lexicons::MatchActor(const std::vector<std::string_view>& words, size_t i, PhraseMatch* m) const {
  size_t max = std::min(max_phrase_words_, words.size() - i);
  std::string key, folded;
  bool found = false;
  // Build keys incrementally and keep the longest hit; a table is no longer
  // probed once its key is neither a phrase nor a phrase prefix.
  bool exact = true;
  bool fold = !folded_phrases_.empty() && !words[i].empty() &&
              std::isupper(static_cast<unsigned char>(words[i][0]));
  for (size_t len = 1; len <= max && (exact || fold); ++len) {
    if (exact) {
      if (len > 1) key += ' ';
      key.append(words[i + len - 1]);
      auto it = phrases_.find(key);
      if (it == phrases_.end()) {
        exact = false;
      } else if (!IsPrefixOnly(it->second)) {
        *m = PhraseMatch{it->second.first, it->second.second, static_cast<uint32_t>(len)};
        found = true;
      }
    }
    if (fold) {
      if (len > 1) folded += ' ';
      AppendLower(words[i + len - 1], &folded);
      auto ft = folded_phrases_.find(folded);
      if (ft == folded_phrases_.end()) {
        fold = false;
      } else if (!IsPrefixOnly(ft->second)) {  // a user entry wins over a shipped one
        *m = PhraseMatch{ft->second.first, ft->second.second, static_cast<uint32_t>(len)};
        found = true;
      }
    }
  }
  return found;
}

bool Lexicons::MatchTitle(const std::vector<std::string_view>& words, size_t i, size_t* length,
                          const TitleEntry** title) const {
  size_t max = std::min(max_title_words_, words.size() - i);
  std::string key;
  bool found = false;
  for (size_t len = 1; len <= max; ++len) {
    if (len > 1) key += ' ';
    AppendLower(words[i + len - 1], &key);
    auto it = titles_.find(key);
    if (it == titles_.end()) break;  // no title starts with key
    if (!IsPrefixOnly(it->second)) {
      *length = len;
      *title = &it->second;
      found = true;
    }
  }
  return found;
}

const std::string* Lexicons::GroupNoun(std::string_view lower_word) const {
  auto it = groups_.find(std::string(lower_word));
  return it == groups_.end() ? nullptr : &it->second;
}

const std::vector<RelationEntry>* Lexicons::Relations(std::string_view head, bool noun) const {
  const auto& table = noun ? noun_relations_ : verb_relations_;
  auto it = table.find(std::string(head));
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace newsgraph::extract
