// Lexicon loaders and lookups.
#include "extract/lexicon.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <sstream>

#include "extract/reader.h"
#include "extract/text.h"
#include "graph/types.h"

namespace newsgraph::extract {

std::vector<std::string> SplitOn(const std::string& line, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = line.find(sep, b);
    out.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

namespace {

std::vector<std::string> SplitTabs(const std::string& line) { return SplitOn(line, '\t'); }

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

bool XmlComments::Finish(size_t lines, DictionaryReport* report, const DictionaryOptions& options,
                         std::string* error) const {
  if (!open_) return true;
  return report->Skip(opened_at_,
                      "'<!--' is never closed: the " + std::to_string(lines - opened_at_) +
                          " lines after it were read as a comment (close it with '-->')",
                      options, error);
}

namespace {

std::string CheckPhrase(const std::string& phrase) {
  // A name of punctuation or digits alone ("---", "2020") gives no usable
  // id: every such entry would become the one node "actor:".
  bool letter = false;
  for (unsigned char c : phrase)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80) letter = true;
  if (!letter) return "name \"" + phrase.substr(0, 40) + "\" has no letters";
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
// bad_row, when set, decides about a row that cannot be used (its line and
// reason): true skips it, false stops the read (it has set *error). Unset,
// any bad row stops the read. The header is always checked.
bool ReadTsv(const std::string& path, const std::string& name, size_t min_columns,
             const std::function<std::string(const std::vector<std::string>&, size_t)>& row,
             std::string* version, std::string* error,
             const std::function<bool(size_t, const std::string&)>& bad_row = nullptr,
             size_t* lines = nullptr) {
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
    auto bad = [&](const std::string& why) {
      if (bad_row) return bad_row(number, why);
      *error = path + ":" + std::to_string(number) + ": " + why;
      return false;
    };
    if (std::string why = CheckDictionaryLine(line); !why.empty()) {
      if (!bad(why)) return false;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    auto cols = SplitTabs(line);
    if (cols.size() < min_columns) {
      if (!bad("expected " + std::to_string(min_columns) + " tab-separated columns, found " +
               std::to_string(cols.size())))
        return false;
      continue;
    }
    if (cols[0].empty()) {
      if (!bad("empty first column")) return false;
      continue;
    }
    std::string problem = row(cols, number);
    if (!problem.empty() && !bad(problem)) return false;
  }
  if (lines) *lines = number;
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

// The inside of a PETRARCH code bracket: a code and at most one date
// restriction, in either order: "HOBGOV 19950601 - 19990815",
// "HOB < 950601", "<20090120 USAGOV", ">20170120 USAELI", "MNEGOV 20121204"
// (a bare date: from that day on). Returns "" or why it cannot be read.
std::string ParseDatedCode(const std::string& inner, ActorEntry::DatedCode* out) {
  *out = {};
  // Tokens: "<", ">" and "-" stand alone; digits and letters form words.
  std::vector<std::string> toks;
  for (size_t i = 0; i < inner.size();) {
    const unsigned char c = static_cast<unsigned char>(inner[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (c == '<' || c == '>' || c == '-') {
      toks.emplace_back(1, inner[i++]);
    } else {
      size_t j = i;
      const bool digit = std::isdigit(c);
      while (j < inner.size() && !std::isspace(static_cast<unsigned char>(inner[j])) && inner[j] != '<' &&
             inner[j] != '>' && (digit ? std::isdigit(static_cast<unsigned char>(inner[j])) : inner[j] != '-'))
        ++j;
      toks.push_back(inner.substr(i, j - i));
      i = j;
    }
  }
  auto is_date = [](const std::string& x) {
    return std::all_of(x.begin(), x.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
           !x.empty();
  };
  auto date = [&](const std::string& d, std::string* iso) -> std::string {
    if (d.size() != 6 && d.size() != 8) return "date \"" + d + "\" is neither YYMMDD nor YYYYMMDD";
    *iso = PetrarchDate(d);
    const int month = std::stoi(iso->substr(5, 2)), day = std::stoi(iso->substr(8, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31) return "date \"" + d + "\" is no calendar date";
    return "";
  };
  // "---" is a code of its own (no actor), not a date range.
  if (toks.size() >= 3 && toks[0] == "-" && toks[1] == "-" && toks[2] == "-") {
    toks.erase(toks.begin(), toks.begin() + 3);
    toks.insert(toks.begin(), "---");
  }
  std::vector<std::string> dates;  // the tokens of the restriction
  for (auto& t : toks) {
    if (t == "<" || t == ">" || t == "-" || is_date(t)) {
      dates.push_back(t);
    } else if (out->code.empty()) {
      out->code = t;
    } else {
      return "two codes in one bracket (\"" + out->code + "\", \"" + t + "\")";
    }
  }
  if (out->code.empty()) return "a bracket without a code";
  if (dates.empty()) return "";
  std::string err;
  if (dates.size() == 2 && (dates[0] == "<" || dates[0] == ">") && is_date(dates[1])) {
    err = date(dates[1], dates[0] == "<" ? &out->to : &out->from);
  } else if (dates.size() == 3 && is_date(dates[0]) && dates[1] == "-" && is_date(dates[2])) {
    err = date(dates[0], &out->from);
    if (err.empty()) err = date(dates[2], &out->to);
  } else if (dates.size() == 1 && is_date(dates[0])) {
    err = date(dates[0], &out->from);
  } else {
    std::string r;
    for (auto& d : dates) r += d;
    err = "date restriction \"" + r + "\" is none of <DATE, >DATE, DATE-DATE, DATE";
  }
  return err;
}

// Whether window a ends later than b (an open end is the latest).
bool EndsLater(const ActorEntry::DatedCode& a, const ActorEntry::DatedCode& b) {
  if (a.to.empty() != b.to.empty()) return a.to.empty();
  return a.to != b.to ? a.to > b.to : a.from > b.from;
}

}  // namespace

std::string ActorEntry::CodeOn(const std::string& date) const {
  if (dated_codes.empty() || date.size() < 10) return code;
  std::string day = date.substr(0, 10);
  const DatedCode* best = nullptr;
  for (const auto& d : dated_codes)
    if ((d.from.empty() || day >= d.from) && (d.to.empty() || day <= d.to)) {
      // Several windows hold the day: the one that began last is the
      // narrower, more specific statement.
      if (!best || d.from > best->from) best = &d;
    }
  return best ? best->code : code;
}

bool DictionaryReport::Skip(size_t line, const std::string& why, const DictionaryOptions& options,
                            std::string* error) {
  std::string message = path + ":" + std::to_string(line) + ": " + why;
  if (options.strict) {
    *error = message + " (--strict)";
    return false;
  }
  ++skipped;
  if (warnings.size() < kKeptWarnings) warnings.push_back(std::move(message));
  return true;
}

std::string DictionaryReport::Summary() const {
  if (skipped == 0) return "";
  return path + ": " + std::to_string(skipped) + (skipped == 1 ? " line" : " lines") +
         " skipped (not usable as " + kind + "), " + std::to_string(entries) + " entries read";
}

bool CheckSomethingUsed(const DictionaryReport& report, std::string* error) {
  if (report.entries > 0 || report.skipped == 0) return true;
  *error = report.path + ": no line could be read as " + report.kind + " (" + std::to_string(report.skipped) +
           " skipped" + (report.warnings.empty() ? "" : "; first: " + report.warnings[0]) + ")";
  return false;
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
  if (e.category == "country" && !e.country.empty()) country_by_code_.emplace(e.country, id);
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

int Lexicons::FindCountry(const std::string& iso3) const {
  auto it = country_by_code_.find(iso3);
  return it == country_by_code_.end() ? -1 : static_cast<int>(it->second);
}

int Lexicons::FindActorByLabel(const std::string& label) const {
  auto it = actor_by_label_.find(label);
  return it == actor_by_label_.end() ? -1 : static_cast<int>(it->second);
}

int Lexicons::FindActorByCode(const std::string& code) const {
  auto it = actor_by_code_.find(code);
  return it == actor_by_code_.end() ? -1 : it->second;
}

std::unique_ptr<Lexicons> Lexicons::Load(const std::string& dir, std::string* error) {
  auto lex = std::make_unique<Lexicons>();
  std::string version;
  auto done = [&]() { lex->versions_.push_back(version); };

  // countries: name iso3 aliases adjectives people capitals metonyms
  if (!ReadTsv(dir + "/countries.tsv", "countries", 7,
               [&](const std::vector<std::string>& c, size_t) -> std::string {
                 if (c[1].size() != 3) return "ISO 3166 alpha-3 code expected, found \"" + c[1] + "\"";
                 // Groups are named with the country's abbreviation when it
                 // has one as an adjective ("US officials", "UK forces"), else
                 // its first adjective ("Cambodian", not "Khmer"; "Serbian",
                 // not "Serb").
                 std::string group_adj;
                 for (auto& a : SplitBars(c[3])) {
                   bool caps = a.size() >= 2 && a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
                   if (caps) {
                     group_adj = a;
                     break;
                   }
                   if (group_adj.empty() && a.find('.') == std::string::npos) group_adj = a;
                 }
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
                 ActorEntry entry{c[0], c[2].empty() ? "organization" : c[2], c[3], "", "", {}};
                 entry.media = c.size() > 4 && c[4] == "media";
                 uint32_t id = lex->AddActor(std::move(entry));
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
  // communities: name aliases adjectives country (ethnic and religious
  // groups: "Alawites", "Kurdish"), group actors.
  if (!ReadTsv(dir + "/communities.tsv", "communities", 1,
               [&](const std::vector<std::string>& c, size_t) -> std::string {
                 auto adjectives = SplitBars(c.size() > 2 ? c[2] : "");
                 uint32_t id = lex->AddActor({c[0], "group", c.size() > 3 ? c[3] : "", "",
                                              adjectives.empty() ? "" : adjectives[0], {}});
                 lex->AddPhrase(c[0], id, PhraseUse::kName);
                 for (auto& a : SplitBars(c.size() > 1 ? c[1] : "")) lex->AddPhrase(a, id, PhraseUse::kName);
                 for (auto& a : adjectives)
                   if (a != c[0]) lex->AddPhrase(a, id, PhraseUse::kAdjective);
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
  return AddActorFile(path, DictionaryOptions{}, nullptr, error);
}

bool Lexicons::AddActorFile(const std::string& path, const DictionaryOptions& options, DictionaryReport* report_out,
                            std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open actor dictionary";
    return false;
  }
  DictionaryReport report;
  report.path = path;
  report.kind = "actors";
  std::string first;
  std::getline(in, first);
  in.seekg(0);
  struct Pending {
    ActorEntry entry;
    std::vector<std::string> phrases;
    bool undated = false;  // an undated code was given
  };
  std::vector<Pending> pending;
  std::string line;
  size_t number = 0;
  auto skip = [&](const std::string& why) { return report.Skip(number, why, options, error); };
  if (first.rfind("# newsgraph lexicon: actors v", 0) == 0) {
    // name aliases category country code
    std::string version;
    bool ok = ReadTsv(
        path, "actors", 2,
        [&](const std::vector<std::string>& c, size_t) -> std::string {
          Pending p;
          p.entry.label = c[0];
          p.entry.category = c.size() > 2 && !c[2].empty() ? c[2] : "organization";
          static const char* kCategories[] = {"person", "organization", "country", "location", "group"};
          if (std::find_if(std::begin(kCategories), std::end(kCategories),
                           [&](const char* k) { return p.entry.category == k; }) == std::end(kCategories))
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
        &version, error, [&](size_t line_no, const std::string& why) { return report.Skip(line_no, why, options, error); },
        &report.lines);
    if (!ok) return false;
    versions_.push_back(path + " (" + version + ")");
  } else {
    // PETRARCH / TABARI: "NAME_WORDS [CODE] # comment", "+ALIAS" lines
    // add phrases to the entry above, "[CODE DATES]" lines add codes to
    // it, "<!-- ... -->" are comments.
    XmlComments comments;
    // Whether the entry being read may still take aliases and codes (a
    // skipped entry's continuation lines are skipped with it).
    bool entry_open = false;
    // Adds the codes of a line's brackets to entry e ("[IGOUNO 820101-911231]
    // [ELI]"). Returns false when the line is to be skipped (*why says why).
    auto add_codes = [&](std::string_view text, Pending* p, std::string* why) {
      std::vector<ActorEntry::DatedCode> codes;
      size_t at = 0;
      while (true) {
        size_t open = text.find('[', at);
        if (open == std::string_view::npos) break;
        size_t close = text.find(']', open);
        if (close == std::string_view::npos) {
          *why = "unclosed '['";
          return false;
        }
        ActorEntry::DatedCode dc;
        std::string bad = ParseDatedCode(std::string(text.substr(open + 1, close - open - 1)), &dc);
        if (!bad.empty()) {
          *why = "bad code \"" + std::string(text.substr(open, close - open + 1)) + "\": " + bad;
          return false;
        }
        for (auto& ch : dc.code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (dc.code == "---" || dc.code == "+++") dc.code.clear();  // no actor code
        codes.push_back(std::move(dc));
        at = close + 1;
      }
      for (auto& dc : codes) {
        if (dc.from.empty() && dc.to.empty()) {
          p->entry.code = dc.code;  // the undated code: the fallback
          p->undated = true;
        } else {
          p->entry.dated_codes.push_back(std::move(dc));
        }
      }
      return true;
    };
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (std::string bad = CheckDictionaryLine(line); !bad.empty()) {
        if (!skip(bad)) return false;
        continue;
      }
      std::string l = comments.Strip(line, number);
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
        if (pending.empty() || !entry_open) {
          if (!skip(pending.empty() ? "alias \"" + l + "\" before any actor" : "alias of a skipped entry"))
            return false;
          continue;
        }
        std::string phrase = words_of(l.substr(1));
        if (std::string bad = CheckPhrase(phrase); !bad.empty()) {
          if (!skip(bad)) return false;
          continue;
        }
        pending.back().phrases.push_back(std::move(phrase));
        continue;
      }
      if (l[0] == '[') {
        // Codes for the entry above: "[HOBGOV 19950601 - 19990815]".
        std::string why;
        if (pending.empty() || !entry_open) {
          if (!skip(pending.empty() ? "code \"" + l + "\" before any actor" : "code of a skipped entry"))
            return false;
          continue;
        }
        if (!add_codes(l, &pending.back(), &why) && !skip(why)) return false;
        continue;
      }
      size_t open = l.find('[');
      std::string name = words_of(l.substr(0, open));
      while (!name.empty() && name.back() == ' ') name.pop_back();
      entry_open = false;
      if (name.empty()) {
        if (!skip("entry without a name")) return false;
        continue;
      }
      if (std::string bad = CheckPhrase(name); !bad.empty()) {
        if (!skip(bad)) return false;
        continue;
      }
      Pending p;
      if (open != std::string::npos) {
        std::string why;
        if (!add_codes(std::string_view(l).substr(open), &p, &why)) {
          if (!skip(why)) return false;
          continue;
        }
      }
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
      p.phrases.push_back(name);
      pending.push_back(std::move(p));
      entry_open = true;
    }
    if (in.bad()) {
      *error = path + ": read error";
      return false;
    }
    if (!comments.Finish(number, &report, options, error)) return false;
    report.lines = number;
    versions_.push_back(path + " (PETRARCH actors)");
    for (auto& p : pending) {
      ActorEntry& e = p.entry;
      if (!p.undated && !e.dated_codes.empty()) {
        // No undated code: the fallback is the one that holds latest.
        const ActorEntry::DatedCode* last = &e.dated_codes[0];
        for (const auto& d : e.dated_codes)
          if (EndsLater(d, *last)) last = &d;
        e.code = last->code;
      }
      e.country = e.code.size() >= 3 ? e.code.substr(0, 3) : "";
    }
  }
  report.entries = pending.size();
  if (!CheckSomethingUsed(report, error)) return false;
  reports_.push_back(report);
  if (report_out) *report_out = report;
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
    if (const std::string& code = actors_[id].code; !code.empty() && code.find('/') == std::string::npos) {
      auto [it, added] = actor_by_code_.emplace(code, static_cast<int>(id));
      if (!added && it->second != static_cast<int>(id)) it->second = -1;
    }
    for (const auto& phrase : p.phrases) {
      auto words = PhraseWords(phrase);
      if (words.empty()) continue;
      std::string key = Lower(Join(words));
      max_phrase_words_ = std::max(max_phrase_words_, words.size());
      folded_phrases_[key] = {id, PhraseUse::kName};  // a later entry wins, markers too
      AddPrefixes(key, std::make_pair(uint32_t{0}, kPrefixOnly), &folded_phrases_);
      // "THE_SHIRE": in running text the article is lower case ("welcomed
      // by the Shire") or absent ("Shire officials"), so the name also
      // matches without it, as shipped names do (AddPhrase). An entry
      // written without the article keeps its own phrase.
      if (words.size() > 1 && Lower(words[0]) == "the") {
        std::string bare = key.substr(4);
        if (!folded_phrases_.count(bare) || IsPrefixOnly(folded_phrases_[bare])) {
          folded_phrases_[bare] = {id, PhraseUse::kName};
          AddPrefixes(bare, std::make_pair(uint32_t{0}, kPrefixOnly), &folded_phrases_);
        }
      }
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
