// Loading of the tree relations' word lists (tree_lexicon.h).
#include "extract/tree_lexicon.h"

#include "extract/lexicon.h"

#include <fstream>
#include <sstream>

namespace newsgraph::extract {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) { return SplitOn(line, '\t'); }

// "a|b" -> a, b; "" and "-" -> nothing.
std::vector<std::string> SplitBars(const std::string& s) {
  if (s.empty() || s == "-") return {};
  return SplitOn(s, '|');
}

bool ParsePolarity(const std::string& s, int* p) {
  if (s == "+1" || s == "1") *p = 1;
  else if (s == "-1") *p = -1;
  else if (s == "0") *p = 0;
  else return false;
  return true;
}

// Reads a lexicon file: checks the header, calls row(fields, line) for each
// data line; row returns "" or a reason.
template <typename Row>
bool ReadRows(const std::string& path, const std::string& name, size_t min_fields, Row row, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::string line;
  size_t number = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!header) {
      if (line != "# newsgraph lexicon: " + name + " v1") {
        *error = path + ":1: expected the header '# newsgraph lexicon: " + name + " v1'";
        return false;
      }
      header = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitTabs(line);
    if (f.size() < min_fields) {
      *error = path + ":" + std::to_string(number) + ": expected " + std::to_string(min_fields) + " tab-separated fields";
      return false;
    }
    std::string why = row(f);
    if (!why.empty()) {
      *error = path + ":" + std::to_string(number) + ": " + why;
      return false;
    }
  }
  if (!header) {
    *error = path + ": empty file";
    return false;
  }
  return true;
}

bool FileExists(const std::string& path) {
  std::ifstream in(path);
  return static_cast<bool>(in);
}

}  // namespace

std::unique_ptr<TreeLexicon> TreeLexicon::Load(const std::string& dir, std::string* error) {
  std::unique_ptr<TreeLexicon> x(new TreeLexicon());
  // complements: verb, class, polarity, mode, target (inner|object|none), prep
  if (!ReadRows(dir + "/complements.tsv", "complements", 5, [&](const std::vector<std::string>& f) -> std::string {
        ComplementEntry e;
        e.cls = f[1] == "-" ? "" : f[1];
        if (!ParsePolarity(f[2], &e.polarity)) return "polarity must be +1, 0 or -1";
        e.mode = f[3] == "-" ? "" : f[3];
        if (f[4] == "inner") e.target = ComplementEntry::kInner;
        else if (f[4] == "object") e.target = ComplementEntry::kObject;
        else if (f[4] == "none") e.target = ComplementEntry::kNone;
        else return "target must be inner, object or none";
        if (f.size() > 5) e.preps = SplitBars(f[5]);
        if (e.target != ComplementEntry::kNone && e.cls.empty()) return "a class is needed unless the target is none";
        x->complements_[f[0]] = e;
        return "";
      }, error))
    return nullptr;
  // verb_objects: verb, nouns (a|b|*), preps (on|against or -), class, polarity, mode.
  // The hand-written file first; the seeded one adds only pairs it lacks.
  bool seeding = false;
  auto verb_object_row = [&](const std::vector<std::string>& f) -> std::string {
        VerbObjectEntry e;
        e.seeded = seeding;
        e.verb = f[0];
        e.preps = SplitBars(f[2]);
        e.cls = f[3];
        if (!ParsePolarity(f[4], &e.polarity)) return "polarity must be +1, 0 or -1";
        if (f.size() > 5 && f[5] != "-") e.mode = f[5];
        auto nouns = SplitBars(f[1]);
        if (nouns.empty()) return "no object noun";
        for (const auto& n : nouns) {
          e.noun = n;
          x->verb_objects_.emplace(e.verb + " " + n, e);
        }
        x->pattern_verbs_.insert(e.verb);
        return "";
      };
  if (!ReadRows(dir + "/verb_objects.tsv", "verb objects", 5, verb_object_row, error)) return nullptr;
  auto seeded_row = [&](const std::vector<std::string>& f) -> std::string {
    seeding = true;
    return verb_object_row(f);
  };
  if (FileExists(dir + "/cameo_objects.tsv") &&
      !ReadRows(dir + "/cameo_objects.tsv", "verb objects", 5, seeded_row, error))
    return nullptr;
  // cameo_verbs: lemma, prep, class, polarity, code
  if (FileExists(dir + "/cameo_verbs.tsv") &&
      !ReadRows(dir + "/cameo_verbs.tsv", "cameo verbs", 5, [&](const std::vector<std::string>& f) -> std::string {
        SeedVerbEntry e;
        if (f[0].empty()) return "empty lemma";
        e.prep = f[1] == "-" ? "" : f[1];
        e.cls = f[2];
        if (!ParsePolarity(f[3], &e.polarity)) return "polarity must be +1, 0 or -1";
        e.code = f[4];
        x->seed_verbs_[f[0]].push_back(e);
        return "";
      }, error))
    return nullptr;
  if (!ReadRows(dir + "/words.tsv", "words", 2, [&](const std::vector<std::string>& f) -> std::string {
        bool anaphor = f[0].rfind("anaphor_", 0) == 0;
        for (const auto& w : SplitBars(f[1])) {
          x->lists_[f[0]].insert(w);
          if (anaphor && !x->anaphor_class_.emplace(w, f[0].substr(8)).second)
            return "'" + w + "' is in two anaphor_ lists";
        }
        return "";
      }, error))
    return nullptr;
  return x;
}

const ComplementEntry* TreeLexicon::Complement(std::string_view verb_lemma) const {
  auto it = complements_.find(std::string(verb_lemma));
  return it == complements_.end() ? nullptr : &it->second;
}

const VerbObjectEntry* TreeLexicon::VerbObject(std::string_view verb_lemma, std::string_view noun_lemma) const {
  std::string key(verb_lemma);
  key += ' ';
  size_t base = key.size();
  key += noun_lemma;
  auto it = verb_objects_.find(key);
  if (it != verb_objects_.end()) return &it->second;
  key.resize(base);
  key += '*';
  it = verb_objects_.find(key);
  return it == verb_objects_.end() ? nullptr : &it->second;
}

const std::vector<SeedVerbEntry>* TreeLexicon::SeedVerbs(std::string_view verb_lemma) const {
  auto it = seed_verbs_.find(std::string(verb_lemma));
  return it == seed_verbs_.end() ? nullptr : &it->second;
}

bool TreeLexicon::In(std::string_view list, std::string_view word) const {
  auto it = lists_.find(list);
  return it != lists_.end() && it->second.find(word) != it->second.end();
}

std::string_view TreeLexicon::AnaphorClass(std::string_view word) const {
  auto it = anaphor_class_.find(std::string(word));
  return it == anaphor_class_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace newsgraph::extract
