// Lexicon loaders and lookups.
#include "extract/lexicon.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

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

}  // namespace

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
  phrases_.emplace(Join(words), std::make_pair(entry, use));
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
                 uint32_t id = lex->AddActor({c[0], "country", c[1], "", group_adj});
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
                 uint32_t id = lex->AddActor({c[0], c[2].empty() ? "organization" : c[2], c[3], ""});
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
                                              adjectives.empty() ? "" : adjectives[0]});
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
                 lex->titles_.emplace(Lower(Join(words)), TitleEntry{c[1], c[2] == "honorific"});
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
      std::string l = line;
      if (in_comment) {
        size_t e = l.find("-->");
        if (e == std::string::npos) continue;
        l = l.substr(e + 3);
        in_comment = false;
      }
      size_t c;
      while ((c = l.find("<!--")) != std::string::npos) {
        size_t e = l.find("-->", c);
        if (e == std::string::npos) {
          l = l.substr(0, c);
          in_comment = true;
          break;
        }
        l.erase(c, e + 3 - c);
      }
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
        continue;
      }
      if (l[0] == '[') continue;  // a dated code line for the entry above
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
      p.entry.label = label;
      p.entry.category = "organization";
      p.entry.code = code == "---" || code == "+++" ? "" : code;
      p.entry.country = code.size() >= 3 && code != "---" && code != "+++" ? code.substr(0, 3) : "";
      p.phrases.push_back(name);
      pending.push_back(std::move(p));
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
      if (!p.entry.country.empty() && actors_[id].country.empty()) actors_[id].country = p.entry.country;
    } else {
      id = AddActor(p.entry);
    }
    for (const auto& phrase : p.phrases) {
      auto words = PhraseWords(phrase);
      if (words.empty()) continue;
      std::string key = Lower(Join(words));
      max_phrase_words_ = std::max(max_phrase_words_, words.size());
      folded_phrases_[key] = {id, PhraseUse::kName};
    }
  }
  return true;
}

bool Lexicons::MatchActor(const std::vector<std::string_view>& words, size_t i, PhraseMatch* m) const {
  size_t max = std::min(max_phrase_words_, words.size() - i);
  std::string key, folded;
  bool found = false;
  // Build keys incrementally and keep the longest hit.
  for (size_t len = 1; len <= max; ++len) {
    if (len > 1) {
      key += ' ';
      folded += ' ';
    }
    key.append(words[i + len - 1]);
    folded += Lower(words[i + len - 1]);
    auto it = phrases_.find(key);
    if (it != phrases_.end()) {
      *m = PhraseMatch{it->second.first, it->second.second, static_cast<uint32_t>(len)};
      found = true;
    }
    if (!folded_phrases_.empty() && !words[i].empty() &&
        std::isupper(static_cast<unsigned char>(words[i][0]))) {
      auto ft = folded_phrases_.find(folded);
      if (ft != folded_phrases_.end()) {  // a user entry wins over a shipped one
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
    key += Lower(words[i + len - 1]);
    auto it = titles_.find(key);
    if (it != titles_.end()) {
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
