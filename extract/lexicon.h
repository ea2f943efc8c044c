// Lexicons: the data files under extract/lexicons/ (countries,
// organisations, regions, titles, groups, relations) and user actor
// dictionaries (newsgraph TSV or the PETRARCH/TABARI actor format). Loaders
// check the header line and report "file:line: reason" on a bad row; a
// lexicon that fails to load changes nothing.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph::extract {

// An actor that a phrase can name.
struct ActorEntry {
  std::string label;     // canonical name: "Russia", "NATO"
  std::string category;  // country|organization|location|person|group
  std::string country;   // ISO 3166 alpha-3 where known
  std::string code;      // user dictionary code ("RUSGOV")
  std::string adjective; // how groups of it are named: "US" officials, "European" officials
  // Codes that hold only in a time window (PETRARCH "[HOBGOV 19950601 -
  // 19990815]"); dates are YYYY-MM-DD, empty = open. `code` is then the
  // fallback: the entry's undated code, else the dated one that ends last.
  struct DatedCode {
    std::string code, from, to;
  };
  std::vector<DatedCode> dated_codes;
  bool media = false;  // a news medium (organizations.tsv type "media")
  // The code for a document of this date (ISO, "2016-05-01" or longer):
  // the dated code whose window holds the date (the narrowest when several
  // do), else `code`. Empty date: `code`.
  std::string CodeOn(const std::string& date) const;
};

// How a phrase names its actor: as the name itself, a demonym adjective
// ("Russian"), the people ("Russians") or a metonym ("the Kremlin").
enum class PhraseUse : uint8_t { kName, kAdjective, kPeople, kCapital, kMetonym };

struct PhraseMatch {
  uint32_t entry = 0;
  PhraseUse use = PhraseUse::kName;
  uint32_t length = 0;  // tokens
};

struct TitleEntry {
  std::string role;  // canonical role ("Prime Minister"), empty for honorifics
  bool honorific = false;
};

struct RelationEntry {
  std::string lemma;  // "call for"
  std::string cls;
  int polarity = 0;
  std::string mode;
  bool noun = false;
  std::string head;  // first word: "call"
  std::string prep;  // rest: "for" (may be empty or several words)
  std::string code;  // a CAMEO code, for events from a user verb dictionary
};

// How a user dictionary (actors, verbs, agents, issues, discards) is read.
struct DictionaryOptions {
  // A line newsgraph cannot use fails the load ("file:line: reason")
  // instead of being skipped with a warning.
  bool strict = false;
};

// What reading one user dictionary found. Lines newsgraph cannot use (a
// malformed code, a section it does not read, invalid UTF-8) are skipped
// and counted, never dropped silently: lines = used + skipped + blank or
// comment lines.
struct DictionaryReport {
  // Warnings kept word for word; the rest are only counted.
  static constexpr size_t kKeptWarnings = 5;
  std::string path;
  std::string kind;    // "actors", "verbs", "agents", "issues", "discards"
  size_t lines = 0;    // lines read
  size_t entries = 0;  // entries added (actors, verb forms and patterns, phrases)
  size_t skipped = 0;  // lines skipped, each with a warning
  std::vector<std::string> warnings;  // the first kKeptWarnings: "file:line: reason"
  // Records that line `line` cannot be used because of `why`. Not strict:
  // counts it and returns true (skip the line, go on). Strict: sets *error
  // to "path:line: why" and returns false (stop).
  bool Skip(size_t line, const std::string& why, const DictionaryOptions& options, std::string* error);
  // "path: N lines skipped (first: ...)" or "" when none.
  std::string Summary() const;
};

// A loader's common ending: a file of which no line could be used (but
// some were skipped) is not a dictionary of this kind; that is an error
// even when not strict. Returns false with *error then.
bool CheckSomethingUsed(const DictionaryReport& report, std::string* error);

// Shared by the readers of user dictionaries (actors here, verbs in
// verb_dictionary.cc, agents, issues and discards in agents.cc).
// "" when line is text a dictionary may hold (valid UTF-8, no NUL byte),
// else the reason ("column 7 (byte 6): invalid UTF-8").
std::string CheckDictionaryLine(const std::string& line);
// line without its "<!-- ... -->" comments; *in_comment carries a comment
// left open into the next line.
std::string StripXmlComments(std::string_view line, bool* in_comment);

// StripXmlComments over a file's lines, remembering where an open comment
// began, so that a "<!--" never closed (which hides the rest of the file)
// is reported instead of silently dropping every entry after it.
class XmlComments {
 public:
  std::string Strip(std::string_view line, size_t number) {
    bool was_open = open_;
    std::string out = StripXmlComments(line, &open_);
    if (open_ && (!was_open || line.find("<!--") != std::string_view::npos)) opened_at_ = number;
    return out;
  }
  // At the end of a file of `lines` lines: an unclosed comment is a
  // skipped line of report (an error with --strict). Returns false when
  // the read must stop (*error set).
  bool Finish(size_t lines, DictionaryReport* report, const DictionaryOptions& options,
              std::string* error) const;

 private:
  bool open_ = false;
  size_t opened_at_ = 0;
};

class Lexicons {
 public:
  // Loads the shipped lexicons from dir (extract/lexicons). Returns nullptr
  // and sets *error ("path:line: reason") on failure.
  static std::unique_ptr<Lexicons> Load(const std::string& dir, std::string* error);

  // Adds a user actor dictionary: newsgraph TSV ("# newsgraph lexicon:
  // actors v1" header; name, aliases, category, country, code) or the
  // PETRARCH/TABARI format ("NAME [CODE]" lines, "+ALIAS" continuation
  // lines, "<!-- -->" comments). Returns false with *error on a bad line;
  // nothing is added then.
  //
  // Lines newsgraph cannot use are skipped with a warning in *report (or
  // fail the load when options.strict). Codes with dates ("[USAGOV
  // 20090120-20170120]", "[MNEGOV 20121204]" = from that day, "[<20090120
  // USAGOV]", "[>20170120 USAELI]") become ActorEntry::dated_codes.
  // report may be null; a copy is kept in dictionary_reports() either way.
  bool AddActorFile(const std::string& path, const DictionaryOptions& options, DictionaryReport* report,
                    std::string* error);
  // The same, not strict.
  bool AddActorFile(const std::string& path, std::string* error);
  // Reports of the actor dictionaries added so far, in order.
  const std::vector<DictionaryReport>& dictionary_reports() const { return reports_; }

  // Longest phrase starting at words[i] (surface forms, already
  // normalised with NormalizeToken); false when none.
  bool MatchActor(const std::vector<std::string_view>& words, size_t i, PhraseMatch* m) const;
  const ActorEntry& actor(uint32_t entry) const { return actors_[entry]; }
  // Entry of an actor by exact canonical label, or -1.
  int FindActorByLabel(const std::string& label) const;
  // Entry of the country with this ISO 3166 alpha-3 code, or -1.
  int FindCountry(const std::string& iso3) const;
  // The one user-dictionary actor whose undated code is `code` ("BEL" ->
  // Belgium), or -1 when none or several have it.
  int FindActorByCode(const std::string& code) const;

  // Title of one or more words starting at words[i] (case-insensitive):
  // "Prime Minister", "special envoy", "Sir".
  bool MatchTitle(const std::vector<std::string_view>& words, size_t i, size_t* length,
                  const TitleEntry** title) const;
  // The canonical noun of a group noun ("leaders" -> "officials",
  // "troops" -> "troops"), or nullptr when the word names no group.
  const std::string* GroupNoun(std::string_view lower_word) const;

  // Relation triggers by head lemma ("call"); several may share a head.
  const std::vector<RelationEntry>* Relations(std::string_view head, bool noun) const;

  // Names and versions of the loaded lexicons ("countries v1", ...).
  const std::vector<std::string>& versions() const { return versions_; }

 private:
  uint32_t AddActor(ActorEntry e);
  void AddPhrase(const std::string& phrase, uint32_t entry, PhraseUse use);

  std::vector<ActorEntry> actors_;
  std::unordered_map<std::string, uint32_t> actor_by_label_;
  std::unordered_map<std::string, uint32_t> country_by_code_;  // iso3 -> first country entry
  std::unordered_map<std::string, int> actor_by_code_;  // -1: several actors share the code
  // phrase key (words joined by ' ') -> match; max phrase length in words.
  std::unordered_map<std::string, std::pair<uint32_t, PhraseUse>> phrases_;
  // case-folded phrase key -> match, for all-caps text and the PETRARCH
  // dictionaries, whose entries are upper case.
  std::unordered_map<std::string, std::pair<uint32_t, PhraseUse>> folded_phrases_;
  size_t max_phrase_words_ = 1;
  std::unordered_map<std::string, TitleEntry> titles_;  // lower-case key
  size_t max_title_words_ = 1;
  std::unordered_map<std::string, std::string> groups_;
  std::unordered_map<std::string, std::vector<RelationEntry>> verb_relations_, noun_relations_;
  std::vector<std::string> versions_;
  std::vector<DictionaryReport> reports_;
};

// The fields of a line split at every sep ("a\tb\t" -> "a", "b", "").
std::vector<std::string> SplitOn(const std::string& line, char sep);

// Splits a phrase into words the way the tokenizer would (for lexicon keys).
std::vector<std::string> PhraseWords(std::string_view phrase);

}  // namespace newsgraph::extract
