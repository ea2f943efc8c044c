// Readers and lookups of agents, issue and discard dictionaries (see the
// header).
#include "extract/agents.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <unordered_set>

#include "extract/text.h"

namespace newsgraph::extract {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "FOREIGN_MINISTER" -> {"foreign", "minister"}: "_" joins words; the rest
// is split as the tokenizer splits text.
std::vector<std::string> Words(std::string phrase) {
  for (auto& c : phrase)
    if (c == '_') c = ' ';
  auto words = PhraseWords(phrase);
  for (auto& w : words) w = Lower(w);
  return words;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The regular plural of a lower-case noun: policy -> policies, box -> boxes.
std::string RegularPlural(const std::string& w) {
  auto ends = [&](const char* s) {
    size_t n = std::char_traits<char>::length(s);
    return w.size() >= n && w.compare(w.size() - n, n, s) == 0;
  };
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return w + "es";
  return w + "s";
}

// One dictionary's lines with comments ("#", "<!-- -->") removed, the
// line number and invalid lines reported through skip.
template <typename Fn>
bool ForEachLine(const std::string& path, const char* what, DictionaryReport* report, const DictionaryOptions& options,
                 std::string* error, bool hash_comments, Fn&& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read the " + what + " dictionary";
    return false;
  }
  std::string raw;
  size_t number = 0;
  XmlComments comments;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (std::string bad = CheckDictionaryLine(raw); !bad.empty()) {
      if (!report->Skip(number, bad, options, error)) return false;
      continue;
    }
    std::string line = comments.Strip(raw, number);
    if (hash_comments)
      if (size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::string_view text = Trim(line);
    if (text.empty()) continue;
    std::string why = fn(text, number);
    if (!why.empty() && !report->Skip(number, why, options, error)) return false;
  }
  if (!comments.Finish(number, report, options, error)) return false;
  report->lines = number;
  return true;
}

}  // namespace

void PhraseIndex::Add(const std::vector<std::string>& words, uint32_t value) {
  if (words.empty()) return;
  std::string key;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) key += ' ';
    key += words[i];
    if (i + 1 < words.size()) map_.emplace(key, kPrefixOnly);
  }
  auto [it, added] = map_.emplace(key, value);
  if (!added && it->second == kPrefixOnly) it->second = value, added = true;
  if (added) ++entries_;
  max_words_ = std::max(max_words_, words.size());
}

void PhraseIndex::Set(const std::vector<std::string>& words, uint32_t value) {
  if (words.empty()) return;
  Add(words, value);
  std::string key;
  for (size_t i = 0; i < words.size(); ++i) key += (i ? " " : "") + words[i];
  map_[key] = value;
}

long PhraseIndex::Longest(const std::vector<std::string_view>& lower_words, size_t start, size_t* match_end) const {
  *match_end = start;
  long best = -1;
  std::string key;
  for (size_t i = start; i < lower_words.size() && i - start < max_words_; ++i) {
    if (i > start) key += ' ';
    key.append(lower_words[i]);
    auto it = map_.find(key);
    if (it == map_.end()) break;  // no phrase starts with these words
    if (it->second != kPrefixOnly) {
      best = it->second;
      *match_end = i + 1;
    }
  }
  return best;
}

std::unique_ptr<Agents> Agents::Load(const std::string& path, bool strict, std::vector<std::string>* warnings,
                                     std::string* error) {
  auto agents = std::make_unique<Agents>();
  DictionaryOptions options;
  options.strict = strict;
  DictionaryReport report;
  if (!agents->AddFile(path, options, &report, error)) return nullptr;
  if (warnings) {
    *warnings = report.warnings;
    if (report.skipped > report.warnings.size())
      warnings->push_back(path + ": " + std::to_string(report.skipped - report.warnings.size()) +
                          " more lines skipped");
  }
  return agents;
}

bool Agents::AddFile(const std::string& path, const DictionaryOptions& options, DictionaryReport* report_out,
                     std::string* error) {
  DictionaryReport report;
  report.path = path;
  report.kind = "agents";
  Agents staged = *this;
  std::unordered_set<std::string> seen;  // phrases of this file
  auto add = [&](const std::vector<std::string>& words, const AgentEntry& e) {
    std::string key;
    for (size_t i = 0; i < words.size(); ++i) key += (i ? " " : "") + words[i];
    if (seen.insert(key).second)
      staged.index_.Set(words, static_cast<uint32_t>(staged.entries_.size()));
    else
      staged.index_.Add(words, static_cast<uint32_t>(staged.entries_.size()));
    staged.entries_.push_back(e);
    staged.entries_.back().file = static_cast<uint32_t>(reports_.size());
  };
  std::ifstream probe(path);
  std::string first;
  std::getline(probe, first);
  bool ok;
  if (first.rfind("# newsgraph lexicon: agents v", 0) == 0) {
    if (first != "# newsgraph lexicon: agents v1") {
      *error = path + ":1: agents lexicon version " + first.substr(29) + " is newer than this newsgraph reads (1)";
      return false;
    }
    ok = ForEachLine(path, "agents", &report, options, error, true, [&](std::string_view text, size_t) -> std::string {
      std::vector<std::string> cols;
      std::string_view rest = text;
      while (true) {
        size_t tab = rest.find('\t');
        cols.emplace_back(Trim(rest.substr(0, tab)));
        if (tab == std::string_view::npos) break;
        rest.remove_prefix(tab + 1);
      }
      if (cols.size() < 2 || cols[0].empty() || cols[1].empty())
        return "expected phrase<TAB>code[<TAB>plurals]";
      AgentEntry e;
      e.code = cols[1];
      if (!e.code.empty() && e.code.back() == '~') e.prefix = true, e.code.pop_back();
      if (!e.code.empty() && e.code.front() == '~') e.code.erase(0, 1);
      auto words = Words(cols[0]);
      if (words.empty()) return "a phrase without words";
      add(words, e);
      const std::string plurals = cols.size() > 2 ? cols[2] : "";
      if (plurals.empty()) {
        words.back() = RegularPlural(words.back());
        add(words, e);
      } else if (plurals != "-") {
        size_t b = 0;
        while (b <= plurals.size()) {
          size_t bar = std::min(plurals.find('|', b), plurals.size());
          if (auto pw = Words(plurals.substr(b, bar - b)); !pw.empty()) add(pw, e);
          b = bar + 1;
        }
      }
      ++report.entries;
      return "";
    });
  } else {
    std::unordered_map<std::string, std::vector<std::string>> sets;  // "!PERSON!" -> members
    ok = ForEachLine(path, "agents", &report, options, error, true, [&](std::string_view text, size_t) -> std::string {
      if (text[0] == '!' && text.find('=') != std::string_view::npos) {
        // !NAME! = A, B, C
        size_t eq = text.find('=');
        std::string name = Lower(Trim(text.substr(0, eq)));
        if (name.size() < 3 || name.back() != '!') return "a substitution set whose name is not !NAME!";
        std::vector<std::string> members;
        std::string_view list = text.substr(eq + 1);
        while (!list.empty()) {
          size_t comma = list.find(',');
          std::string_view m = Trim(list.substr(0, comma));
          if (!m.empty()) members.push_back(Lower(m));
          if (comma == std::string_view::npos) break;
          list.remove_prefix(comma + 1);
        }
        if (members.empty()) return "an empty substitution set";
        sets[name] = std::move(members);
        return "";
      }
      size_t open = text.find('[');
      if (open == std::string_view::npos) return "an agent without a [code]";
      size_t close = text.find(']', open);
      if (close == std::string_view::npos) return "unclosed '[' in the code";
      if (!Trim(text.substr(close + 1)).empty()) return "text after the [code]";
      AgentEntry e;
      for (char c : text.substr(open + 1, close - open - 1))
        if (!std::isspace(static_cast<unsigned char>(c))) e.code.push_back(c);
      if (!e.code.empty() && e.code.back() == '~') e.prefix = true, e.code.pop_back();
      if (!e.code.empty() && e.code.front() == '~') e.code.erase(0, 1);
      if (e.code.empty() || e.code.find('~') != std::string::npos) return "a code that is neither ~CODE nor CODE~";
      std::string phrase(Trim(text.substr(0, open)));
      std::vector<std::string> plurals;
      bool no_plural = false, has_braces = false;
      if (size_t b = phrase.find('{'); b != std::string::npos) {
        size_t eb = phrase.find('}', b);
        if (eb == std::string::npos) return "'{' without '}'";
        has_braces = true;
        std::string inside = phrase.substr(b + 1, eb - b - 1);
        phrase.erase(b, eb - b + 1);
        std::string item;
        for (char c : inside + " ") {
          if (std::isspace(static_cast<unsigned char>(c))) {
            if (!item.empty()) plurals.push_back(item);
            item.clear();
          } else {
            item.push_back(c);
          }
        }
        no_plural = plurals.empty();
      }
      // Substitution sets: one phrase per member ("FOREIGN_!MINIST!").
      std::vector<std::string> phrases{Lower(phrase)};
      bool substituted = false;
      for (size_t guard = 0; guard < 4; ++guard) {
        std::vector<std::string> next;
        bool changed = false;
        for (auto& p : phrases) {
          size_t a = p.find('!');
          size_t z = a == std::string::npos ? a : p.find('!', a + 1);
          if (z == std::string::npos) {
            next.push_back(p);
            continue;
          }
          auto it = sets.find(p.substr(a, z - a + 1));
          if (it == sets.end()) return "substitution set " + p.substr(a, z - a + 1) + " is not defined above";
          for (auto& m : it->second) next.push_back(p.substr(0, a) + m + p.substr(z + 1));
          changed = substituted = true;
        }
        phrases = std::move(next);
        if (!changed) break;
      }
      size_t added = 0;
      for (auto& p : phrases) {
        auto words = Words(p);
        if (words.empty()) continue;
        add(words, e);
        ++added;
        // The sets list their own plurals (MINISTER, MINISTERS).
        if (!has_braces && !substituted) {
          words.back() = RegularPlural(words.back());
          add(words, e);
        }
      }
      for (auto& p : plurals)
        if (auto words = Words(p); !words.empty()) add(words, e);
      (void)no_plural;
      if (added == 0) return "an agent without a phrase";
      ++report.entries;
      return "";
    });
  }
  if (!ok || !CheckSomethingUsed(report, error)) return false;
  staged.reports_.push_back(report);
  *this = std::move(staged);
  if (report_out) *report_out = report;
  return true;
}

const AgentEntry* Agents::Match(const std::vector<std::string_view>& lower_words, size_t start,
                                size_t* match_end) const {
  long i = index_.Longest(lower_words, start, match_end);
  return i < 0 ? nullptr : &entries_[static_cast<size_t>(i)];
}

std::string Agents::AgentCode(const std::vector<std::string_view>& lower_words, size_t start,
                              size_t* match_end) const {
  const AgentEntry* e = Match(lower_words, start, match_end);
  return e ? e->code : std::string();
}

bool IssueDictionary::AddFile(const std::string& path, const DictionaryOptions& options, DictionaryReport* report_out,
                              std::string* error) {
  DictionaryReport report;
  report.path = path;
  report.kind = "issues";
  IssueDictionary staged = *this;
  std::string category;
  bool ok = ForEachLine(path, "issues", &report, options, error, true, [&](std::string_view text, size_t) -> std::string {
    if (text.rfind("<ISSUE", 0) == 0) {
      size_t c = text.find("CATEGORY=\"");
      if (c == std::string_view::npos) return "an <ISSUE> section without CATEGORY=\"...\"";
      size_t e = text.find('"', c + 10);
      if (e == std::string_view::npos) return "an unclosed CATEGORY=\"";
      category = std::string(text.substr(c + 10, e - c - 10));
      return "";
    }
    if (text.rfind("</ISSUE", 0) == 0) {
      category.clear();
      return "";
    }
    Issue issue;
    issue.category = category;
    std::string phrase;
    if (text[0] == '~') {
      issue.exclusion = true;
      phrase = std::string(Trim(text.substr(1)));
    } else {
      size_t open = text.find('['), close = text.find(']');
      if (open == std::string_view::npos) {
        // A phrase without a code is coded with its section's category
        // ("eurozone" under CATEGORY="EUROPEAN_UNION").
        if (category.empty()) return "an issue phrase without a [CODE] outside any <ISSUE> section";
        issue.code = category;
        phrase = std::string(text);
      } else {
        if (close == std::string_view::npos || close < open) return "unclosed '[' in the code";
        issue.code = std::string(Trim(text.substr(open + 1, close - open - 1)));
        if (issue.code.empty()) return "an empty [CODE]";
        phrase = std::string(Trim(text.substr(0, open)));
      }
    }
    // "pre+n:school": "+" joins with a hyphen; "n:" marks a noun with a
    // plural.
    std::vector<std::string> words, plural;
    bool any_noun = false;
    std::string item;
    for (char c : phrase + " ") {
      if (!std::isspace(static_cast<unsigned char>(c))) {
        item.push_back(c);
        continue;
      }
      if (item.empty()) continue;
      bool noun = false;
      std::string w;
      for (size_t k = 0; k < item.size(); ++k) {
        // "n:" marks a noun (its plural is generated), "v:" a verb.
        if ((item.compare(k, 2, "n:") == 0 || item.compare(k, 2, "v:") == 0) && (k == 0 || item[k - 1] == '+')) {
          noun = noun || item[k] == 'n';
          ++k;
          continue;
        }
        w.push_back(item[k] == '+' ? '-' : item[k]);
      }
      for (auto& x : Words(w)) {
        words.push_back(x);
        plural.push_back(x);
      }
      if (noun && !plural.empty()) {
        plural.back() = RegularPlural(plural.back());
        any_noun = true;
      }
      item.clear();
    }
    if (words.empty()) return "an issue line without words";
    const auto id = static_cast<uint32_t>(staged.issues_.size());
    staged.issues_.push_back(issue);
    staged.index_.Add(words, id);
    if (any_noun) staged.index_.Add(plural, id);
    ++report.entries;
    return "";
  });
  if (!ok || !CheckSomethingUsed(report, error)) return false;
  *this = std::move(staged);
  if (report_out) *report_out = report;
  return true;
}

const IssueDictionary::Issue* IssueDictionary::Match(const std::vector<std::string_view>& lower_words, size_t start,
                                                     size_t* match_end) const {
  long i = index_.Longest(lower_words, start, match_end);
  return i < 0 ? nullptr : &issues_[static_cast<size_t>(i)];
}

bool Discards::AddFile(const std::string& path, const DictionaryOptions& options, DictionaryReport* report_out,
                       std::string* error) {
  DictionaryReport report;
  report.path = path;
  report.kind = "discards";
  Discards staged = *this;
  bool ok = ForEachLine(path, "discards", &report, options, error, true, [&](std::string_view text, size_t) -> std::string {
    // "AFRICAN NATIONS CUP  # ab 13 Jun 2005 ;AB 13 JUN 2005": ";" starts
    // a comment too.
    if (size_t semi = text.find(';'); semi != std::string_view::npos) text = Trim(text.substr(0, semi));
    Level level = Level::kSentence;
    if (!text.empty() && text[0] == '+') {
      level = Level::kStory;
      text = Trim(text.substr(1));
    }
    auto words = Words(std::string(text));
    if (words.empty()) return "a discard without words";
    staged.index_.Add(words, static_cast<uint32_t>(staged.levels_.size()));
    staged.levels_.push_back(level);
    ++report.entries;
    return "";
  });
  if (!ok || !CheckSomethingUsed(report, error)) return false;
  *this = std::move(staged);
  if (report_out) *report_out = report;
  return true;
}

Discards::Level Discards::Find(const std::vector<std::string_view>& lower_words) const {
  Level best = Level::kNone;
  for (size_t i = 0; i < lower_words.size(); ++i) {
    size_t end;
    long v = index_.Longest(lower_words, i, &end);
    if (v >= 0 && levels_[static_cast<size_t>(v)] > best) best = levels_[static_cast<size_t>(v)];
  }
  return best;
}

namespace {

// The lower-case words of text, as the tokenizer splits them.
std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<std::string> words;
  words.reserve(toks.size());
  for (const auto& t : toks) words.push_back(Lower(NormalizeToken(text.substr(t.begin, t.end - t.begin))));
  return words;
}

std::vector<std::string_view> Views(const std::vector<std::string>& words) {
  return std::vector<std::string_view>(words.begin(), words.end());
}

}  // namespace

size_t ApplyDiscards(const Discards& discards, graph::DocumentAnalysis* a) {
  if (a->relations.empty() || discards.size() == 0) return 0;
  std::vector<bool> discarded(a->sentences.size(), false);
  bool story = false;
  for (size_t i = 0; i < a->sentences.size() && !story; ++i) {
    const auto& sp = a->sentences[i].span;
    if (sp.end > a->doc.text.size() || sp.begin > sp.end) continue;
    auto words = LowerWords(std::string_view(a->doc.text).substr(sp.begin, sp.end - sp.begin));
    Discards::Level level = discards.Find(Views(words));
    story = level == Discards::Level::kStory;
    discarded[i] = level != Discards::Level::kNone;
  }
  const size_t before = a->relations.size();
  auto& rs = a->relations;
  rs.erase(std::remove_if(rs.begin(), rs.end(),
                          [&](const graph::Relation& r) {
                            return story || (r.sentence < discarded.size() && discarded[r.sentence]);
                          }),
           rs.end());
  return before - rs.size();
}

size_t ApplyIssueCoding(const IssueDictionary& issues, graph::DocumentAnalysis* a) {
  size_t coded = 0;
  for (auto& e : a->entities) {
    if (e.kind != graph::EntityKind::kIssue || !e.code.empty()) continue;
    auto words = LowerWords(e.label);
    auto views = Views(words);
    for (size_t i = 0; i < views.size();) {
      size_t end;
      const IssueDictionary::Issue* m = issues.Match(views, i, &end);
      if (!m) {
        ++i;
        continue;
      }
      if (!m->exclusion) {
        e.code = m->code;
        if (e.category.empty()) e.category = Lower(m->category);
        ++coded;
        break;
      }
      i = end;  // an exclusion covers its words
    }
  }
  return coded;
}

}  // namespace newsgraph::extract
