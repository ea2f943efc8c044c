// PETRARCH's phrase dictionaries other than actors and verbs, read as users
// have them: agents (roles and groups: "main opposition group" -> MOP,
// "soldiers" -> MIL), issues (Phoenix.IssueCoding.txt: "n:teacher
// [TEACHERS]") and discards (phrases that make a sentence, or with "+" a
// whole story, carry no events). Each is a table of lower-case word
// sequences looked up by longest match at a token; the extractor decides
// what a match means. Lines a table cannot use are skipped with a warning
// in a DictionaryReport (an error with DictionaryOptions::strict), as for
// actor and verb dictionaries (lexicon.h).
//
// Agents files, either format:
//   PETRARCH:  "!PERSON! = MAN, MEN, WOMAN"   a substitution set
//              "FOREIGN_!MINIST! [~GOV]"      one entry per member of the set
//              "POLICE {} [~COP]"             "{}": no plural is generated
//              "THIEF {THIEVES} [~CRM]"       irregular plurals
//              "HUMAN_RIGHTS_BODY [NGO~]"     "~" after the code: it goes
//                                             before the actor's code
//              otherwise the regular plural of the last word is generated.
//   newsgraph: "# newsgraph lexicon: agents v1", then
//              phrase<TAB>code[<TAB>plurals] with plurals "a|b", "-" for
//              none, empty for the regular one (extract/lexicons/agents.tsv).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/lexicon.h"
#include "graph/types.h"

namespace newsgraph::extract {

// Lower-case word sequences -> entry number, longest match first. Keys are
// words joined by ' ' as PhraseWords splits them.
class PhraseIndex {
 public:
  // Adds words -> value; an earlier entry for the same words wins.
  void Add(const std::vector<std::string>& words, uint32_t value);
  // Adds words -> value, replacing an earlier entry for the same words.
  void Set(const std::vector<std::string>& words, uint32_t value);
  // The value of the longest phrase starting at words[start] and
  // *match_end (one past its last word), or -1 when none.
  long Longest(const std::vector<std::string_view>& lower_words, size_t start, size_t* match_end) const;
  size_t size() const { return entries_; }

 private:
  static constexpr uint32_t kPrefixOnly = UINT32_MAX;
  std::unordered_map<std::string, uint32_t> map_;  // includes word prefixes as kPrefixOnly
  size_t max_words_ = 0;
  size_t entries_ = 0;
};

struct AgentEntry {
  std::string code;     // "GOV", "MIL", "MOP", "NGO"
  bool prefix = false;  // "[NGO~]": the code goes before the actor's (NGO + USA), else after (USA + GOV)
  uint32_t file = 0;    // which file added it: 0 the first AddFile (the extractor's shipped list), 1 the next, ...
};

class Agents {
 public:
  // Reads one agents file (PETRARCH or newsgraph TSV). Returns nullptr
  // with *error ("file:line: reason") when the file cannot be read, when
  // strict and a line cannot be used, or when no line could be used;
  // otherwise the agents, with one "file:line: reason" per skipped line
  // (the first DictionaryReport::kKeptWarnings, then a count) in
  // *warnings (may be null).
  static std::unique_ptr<Agents> Load(const std::string& path, bool strict, std::vector<std::string>* warnings,
                                      std::string* error);

  // Adds one more file; on failure adds nothing. report may be null. A
  // phrase the file shares with an earlier file takes this file's code (a
  // user's file over the shipped list); within one file the first wins.
  bool AddFile(const std::string& path, const DictionaryOptions& options, DictionaryReport* report,
               std::string* error);

  // The code of the longest agents entry starting at lower_words[start]
  // ("GOV"), with *match_end one past its last word; "" (and *match_end ==
  // start) when none. lower_words are the sentence's tokens in lower case.
  std::string AgentCode(const std::vector<std::string_view>& lower_words, size_t start, size_t* match_end) const;
  // The same, with whether the code is a prefix; nullptr when none.
  const AgentEntry* Match(const std::vector<std::string_view>& lower_words, size_t start, size_t* match_end) const;

  size_t size() const { return index_.size(); }
  const std::vector<DictionaryReport>& reports() const { return reports_; }

 private:
  PhraseIndex index_;
  std::vector<AgentEntry> entries_;
  std::vector<DictionaryReport> reports_;
};

// Phoenix issue coding: phrases -> issue codes, grouped in categories
// ("<ISSUE CATEGORY="EDUCATION" TYPE="ALL"> ... </ISSUE>"). "n:WORD" marks
// a noun whose plural is generated; "~phrase" lines are exclusions (text
// that looks like an issue phrase but is not: "~a head start").
class IssueDictionary {
 public:
  struct Issue {
    std::string code;      // "EARLY_CHILDHOOD_EDUCATION"
    std::string category;  // "EDUCATION"
    bool exclusion = false;
  };
  bool AddFile(const std::string& path, const DictionaryOptions& options, DictionaryReport* report,
               std::string* error);
  // The longest issue phrase or exclusion starting at lower_words[start].
  // An exclusion matches too (exclusion = true): callers skip past it, so
  // that "get head start" never codes "head start".
  const Issue* Match(const std::vector<std::string_view>& lower_words, size_t start, size_t* match_end) const;
  size_t size() const { return index_.size(); }

 private:
  PhraseIndex index_;
  std::vector<Issue> issues_;
};

// PETRARCH discards: a sentence holding a phrase gets no events; a
// "+phrase" discards the whole story (sports, weather, history pieces).
class Discards {
 public:
  enum class Level : uint8_t { kNone, kSentence, kStory };
  bool AddFile(const std::string& path, const DictionaryOptions& options, DictionaryReport* report,
               std::string* error);
  // The strongest discard found among lower_words (a whole sentence).
  Level Find(const std::vector<std::string_view>& lower_words) const;
  size_t size() const { return index_.size(); }

 private:
  PhraseIndex index_;
  std::vector<Level> levels_;
};

// Applies discards to one document's analysis: a story-level discard
// anywhere in the text drops all its relations; a sentence-level one drops
// the relations found in that sentence. Entities and mentions stay.
// Returns the number of relations dropped.
size_t ApplyDiscards(const Discards& discards, graph::DocumentAnalysis* analysis);

// Codes issue entities with an issue dictionary: an issue whose label
// holds an issue phrase (not an exclusion) gets its code (Entity::code,
// "TEACHERS") and, when it has none, its category as topic
// (Entity::category, "education"). Returns the number of issues coded.
size_t ApplyIssueCoding(const IssueDictionary& issues, graph::DocumentAnalysis* analysis);

}  // namespace newsgraph::extract
