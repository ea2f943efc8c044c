// Reading and matching PETRARCH/TABARI verb dictionaries (see the header).
#include "extract/verb_dictionary.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <set>

#include "extract/lexicon.h"
#include "graph/types.h"

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

// Longest multi-word verb accepted; real ones have two or three words.
constexpr size_t kMaxFormWords = 8;

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular English inflections of a verb: "restore" -> restores, restored,
// restoring. Doubled consonants ("regretted") come from the lemmatiser.
std::vector<std::string> RegularForms(const std::string& v) {
  std::vector<std::string> out{v};
  if (v.empty()) return out;
  const char last = v.back();
  const bool cons_y = last == 'y' && v.size() > 1 && !IsVowel(v[v.size() - 2]);
  auto ends = [&](const char* s) {
    size_t n = std::char_traits<char>::length(s);
    return v.size() >= n && v.compare(v.size() - n, n, s) == 0;
  };
  if (cons_y)
    out.push_back(v.substr(0, v.size() - 1) + "ies");
  else if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") || ends("o"))
    out.push_back(v + "es");
  else
    out.push_back(v + "s");
  if (cons_y)
    out.push_back(v.substr(0, v.size() - 1) + "ied");
  else if (last == 'e')
    out.push_back(v + "d");
  else
    out.push_back(v + "ed");
  if (ends("ie"))
    out.push_back(v.substr(0, v.size() - 2) + "ying");
  else if (last == 'e' && !ends("ee"))
    out.push_back(v.substr(0, v.size() - 1) + "ing");
  else
    out.push_back(v + "ing");
  return out;
}

// Whether text word x is pattern word w or a regular plural of it.
bool WordMatches(std::string_view w, std::string_view x) {
  if (x == w) return true;
  if (x.size() <= w.size() || x.compare(0, w.size(), w) != 0) {
    // "policy" -> "policies"
    return w.size() > 1 && w.back() == 'y' && x.size() == w.size() + 2 &&
           x.compare(0, w.size() - 1, w.substr(0, w.size() - 1)) == 0 && x.substr(w.size() - 1) == "ies";
  }
  std::string_view rest = x.substr(w.size());
  return rest == "s" || rest == "es";
}

// A form as written ("WIRE_+TAP", "+BREAKS_DOWN"): its lower-case words and
// which one is the verb ("+" marks it; else the first).
bool ParseForm(std::string_view text, std::vector<std::string>* words, size_t* verb) {
  words->clear();
  *verb = 0;
  bool marked = false;
  std::string cur;
  bool plus = false;
  auto flush = [&] {
    if (cur.empty()) return;
    if (plus && !marked) {
      *verb = words->size();
      marked = true;
    }
    words->push_back(Lower(cur));
    cur.clear();
    plus = false;
  };
  for (char c : text) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c))) {
      flush();
    } else if (c == '+') {
      flush();
      plus = true;
    } else {
      cur.push_back(c);
    }
  }
  flush();
  return !words->empty();
}

// "[064]" anywhere in s: its content, and s without it. Returns false when
// there is none.
bool TakeCode(std::string* s, std::string* code) {
  size_t open = s->find('[');
  if (open == std::string::npos) return false;
  size_t close = s->find(']', open);
  if (close == std::string::npos) return false;
  *code = std::string(Trim(std::string_view(*s).substr(open + 1, close - open - 1)));
  s->erase(open, close - open + 1);
  return true;
}

}  // namespace

bool VerbDictionary::Load(const std::string& path, std::string* error) {
  return Load(path, DictionaryOptions{}, nullptr, error);
}

bool VerbDictionary::Load(const std::string& path, const DictionaryOptions& options, DictionaryReport* report_out,
                          std::string* error) {
  // Read into a copy, so that a failed load adds nothing.
  VerbDictionary staged = *this;
  if (!staged.LoadInto(path, options, error)) return false;
  *this = std::move(staged);
  if (report_out) *report_out = reports_.back();
  return true;
}

bool VerbDictionary::LoadInto(const std::string& path, const DictionaryOptions& options, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read the verb dictionary";
    return false;
  }
  DictionaryReport report;
  report.path = path;
  report.kind = "verbs";
  enum class Mode { kNone, kSynset, kVerbs, kPatterns };
  Mode mode = Mode::kNone;
  int synset = -1;
  XmlComments comments;
  size_t line_no = 0;
  std::string raw;
  std::vector<bool> defined(synsets_.size(), true);
  const size_t first_new_block = blocks_.size();
  auto synset_id = [&](std::string name) {
    while (!name.empty() && name.back() == '_') name.pop_back();
    auto [it, added] = synset_ids_.emplace(Lower(name), static_cast<int>(synsets_.size()));
    if (added) {
      synsets_.emplace_back();
      defined.push_back(false);
    }
    return it->second;
  };
  // A line that cannot be used: skipped with a warning, or (strict) the
  // end of the load. `continue` after it when it returns true.
  auto skip = [&](const std::string& why) { return report.Skip(line_no, why, options, error); };
  std::vector<size_t> synset_line(synsets_.size(), 0);  // where each synset was defined
  // Lines of this file's patterns, by block and position, for warnings
  // about patterns dropped after reading.
  std::vector<std::vector<size_t>> pattern_lines;
  size_t forms_before = forms_.size();
  while (std::getline(in, raw)) {
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (std::string bad = CheckDictionaryLine(raw); !bad.empty()) {
      if (!skip(bad)) return false;
      continue;
    }
    // Comments: <!-- ... --> (across lines), then "#" and ";" to the end.
    std::string line = comments.Strip(raw, line_no);
    // "#" and ";" inside a code ("[###]") are the code's.
    int depth = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '[') ++depth;
      if (line[i] == ']' && depth > 0) --depth;
      if (depth == 0 && (line[i] == '#' || line[i] == ';')) {
        line.erase(i);
        break;
      }
    }
    std::string_view text = Trim(line);
    if (text.empty()) {
      // A blank line ends a synset's or a block's list. Lines that were
      // only comments end nothing.
      if (Trim(raw).empty()) {
        if (mode == Mode::kSynset || mode == Mode::kPatterns) mode = Mode::kNone;
        if (mode == Mode::kVerbs && !blocks_.empty() && !blocks_.back().patterns.empty()) mode = Mode::kNone;
      }
      continue;
    }
    if (text.size() >= 3 && text.substr(0, 3) == "---") {
      // --- NAME [code] ---
      std::string rest(text.substr(3));
      while (!rest.empty() && (rest.back() == '-' || std::isspace(static_cast<unsigned char>(rest.back()))))
        rest.pop_back();
      std::string code = "---";
      TakeCode(&rest, &code);
      Block b;
      b.code = code;
      blocks_.push_back(std::move(b));
      mode = Mode::kVerbs;
      continue;
    }
    if (text[0] == '~') {
      // PETRARCH 2's TRANSFORMATIONS ("~ a (a b ATTACK) SAY = a b 015")
      // rewrite coded events into others; newsgraph codes each verb alone.
      if (!skip("a TRANSFORMATIONS rule; newsgraph does not apply event transformations")) return false;
      continue;
    }
    if (text[0] == '&') {
      synset = synset_id(std::string(Trim(text.substr(1))));
      defined[synset] = true;
      synset_line.resize(synsets_.size(), 0);
      synset_line[synset] = line_no;
      mode = Mode::kSynset;
      continue;
    }
    if (text[0] == '+' && mode == Mode::kSynset) {
      std::vector<std::string> words;
      std::string phrase(Trim(text.substr(1)));
      std::string word;
      for (char c : phrase + " ") {
        if (c == '_' || std::isspace(static_cast<unsigned char>(c))) {
          if (!word.empty()) words.push_back(word[0] == '&' ? "&" + Lower(word.substr(1)) : Lower(word));
          word.clear();
        } else {
          word.push_back(c);
        }
      }
      if (!words.empty()) synsets_[synset].push_back(std::move(words));
      continue;
    }
    if (text[0] == '-') {
      if (blocks_.size() == first_new_block) {
        if (!skip("a pattern before any verb")) return false;
        continue;
      }
      std::string body(Trim(text.substr(1)));
      std::string code;
      if (!TakeCode(&body, &code)) {
        if (!skip("pattern without a [code]")) return false;
        continue;
      }
      // Atoms, with whether each is joined by "_" to the one before it.
      struct Atom {
        std::string text;
        bool joined;
      };
      std::vector<Atom> atoms;
      {
        size_t i = 0;
        while (i < body.size()) {
          while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
          size_t j = i;
          while (j < body.size() && !std::isspace(static_cast<unsigned char>(body[j]))) ++j;
          // A chunk "IN_AND_*_OUT" is atoms joined by "_".
          bool first_in_chunk = true;
          size_t a = i;
          while (a < j) {
            size_t b = body.find('_', a);
            if (b == std::string::npos || b > j) b = j;
            // PETRARCH 2 brackets prepositional "(TO BORDER)" and noun
            // phrases "{ARMS SHIPMENT}"; newsgraph matches their words.
            size_t x = a, y = b;
            while (x < y && (body[x] == '(' || body[x] == '{')) ++x;
            while (y > x && (body[y - 1] == ')' || body[y - 1] == '}')) --y;
            if (y > x) {
              atoms.push_back({body.substr(x, y - x), !first_in_chunk});
              first_in_chunk = false;
            }
            a = b + 1;
          }
          i = j;
        }
      }
      size_t verb = atoms.size();
      for (size_t i = 0; i < atoms.size(); ++i)
        if (atoms[i].text == "*" || atoms[i].text == "**") {
          verb = i;
          break;
        }
      if (verb == atoms.size()) {
        // No verb marker: nothing to anchor it (PETRARCH skips these too).
        if (!skip("pattern without a '*' for the verb")) return false;
        continue;
      }
      auto element = [&](const std::string& a) {
        VerbPatternElement e;
        if (a == "$") e.kind = VerbPatternElement::kSource;
        else if (a == "+") e.kind = VerbPatternElement::kTarget;
        else if (a == "^") e.kind = VerbPatternElement::kSkip;
        else if (a == "%") e.kind = VerbPatternElement::kCompound;
        else if (a[0] == '&') {
          e.kind = VerbPatternElement::kSynset;
          e.synset = synset_id(a.substr(1));
        } else {
          e.kind = VerbPatternElement::kWords;
          e.words.push_back(Lower(a));
        }
        return e;
      };
      VerbPattern p;
      p.code = code;
      // After the verb, in reading order; joined words merge.
      for (size_t i = verb + 1; i < atoms.size(); ++i) {
        if (atoms[i].text == "*" || atoms[i].text == "**") continue;
        VerbPatternElement e = element(atoms[i].text);
        e.adjacent = atoms[i].joined;
        if (e.kind == VerbPatternElement::kWords && e.adjacent && !p.after.empty() &&
            p.after.back().kind == VerbPatternElement::kWords && i - 1 > verb) {
          p.after.back().words.push_back(e.words[0]);
          continue;
        }
        p.after.push_back(std::move(e));
      }
      // Before the verb, nearest first; a word joined to its right-hand
      // neighbour word merges into it.
      for (size_t i = verb; i-- > 0;) {
        VerbPatternElement e = element(atoms[i].text);
        e.adjacent = atoms[i + 1].joined;
        if (e.kind == VerbPatternElement::kWords && e.adjacent && !p.before.empty() &&
            p.before.back().kind == VerbPatternElement::kWords && i + 1 < verb) {
          auto& w = p.before.back().words;
          w.insert(w.begin(), e.words[0]);
          continue;
        }
        p.before.push_back(std::move(e));
      }
      blocks_.back().patterns.push_back(std::move(p));
      pattern_lines.resize(blocks_.size() - first_new_block);
      pattern_lines.back().push_back(line_no);
      mode = Mode::kPatterns;
      continue;
    }
    // A verb line: "VERB {FORMS} [code]", "+VERB_PARTICLE", "WIRE_+TAP".
    std::string body(text);
    std::string code;
    bool has_code = TakeCode(&body, &code);
    std::string irregular;
    size_t open = body.find('{');
    if (open != std::string::npos) {
      size_t close = body.find('}', open);
      if (close == std::string::npos) {
        if (!skip("'{' without '}'")) return false;
        continue;
      }
      irregular = body.substr(open + 1, close - open - 1);
      body.erase(open, close - open + 1);
    }
    std::string_view form_text = Trim(body);
    std::vector<std::string> words;
    size_t v;
    if (!ParseForm(form_text, &words, &v)) {
      if (!skip("a verb line without a verb")) return false;
      continue;
    }
    if (words.size() > kMaxFormWords) {
      if (!skip("a verb of more than " + std::to_string(kMaxFormWords) + " words")) return false;
      continue;
    }
    if (mode != Mode::kVerbs || blocks_.size() == first_new_block) {
      // A verb after a blank line starts a block of its own (the
      // PETRARCH 2 layout, without "---" headers).
      Block b;
      b.code = has_code ? code : "---";
      blocks_.push_back(std::move(b));
      mode = Mode::kVerbs;
    }
    const uint32_t block = static_cast<uint32_t>(blocks_.size() - 1);
    const std::string form_code = has_code ? code : blocks_[block].code;
    auto add = [&](std::vector<std::string> words, size_t v) {
      VerbForm f;
      f.words = std::move(words);
      f.verb = v;
      f.block = block;
      f.code = form_code;
      const std::string key = f.words[f.verb];
      by_word_[key].push_back(static_cast<uint32_t>(forms_.size()));
      forms_.push_back(std::move(f));
    };
    if (irregular.empty()) {
      for (auto& inflected : RegularForms(words[v])) {
        auto w = words;
        w[v] = inflected;
        add(std::move(w), v);
      }
    } else {
      add(words, v);
      // Each irregular form is written whole: "BROKE", "+BROKEN_DOWN".
      std::string item;
      for (char c : irregular + " ") {
        if (std::isspace(static_cast<unsigned char>(c))) {
          std::vector<std::string> iw;
          size_t iv;
          if (!item.empty() && ParseForm(item, &iw, &iv)) {
            if (iw.size() == 1 && words.size() > 1) {
              auto w = words;
              w[v] = iw[0];
              add(std::move(w), v);
            } else {
              add(std::move(iw), iv);
            }
          }
          item.clear();
        } else {
          item.push_back(c);
        }
      }
    }
  }
  const size_t line_no_total = line_no;
  if (!comments.Finish(line_no_total, &report, options, error)) return false;
  // Synsets inside synsets ("+&TIETYPES"): each expanded once, depth
  // first; a synset that names itself, directly or through others, is
  // reported at its definition and the naming phrase dropped.
  synset_line.resize(synsets_.size(), 0);
  {
    enum State : uint8_t { kTodo, kOpen, kDone };
    std::vector<State> state(synsets_.size(), kTodo);
    std::vector<bool> reported(synsets_.size(), false);
    bool stop = false;
    std::function<void(int)> expand = [&](int id) {
      state[id] = kOpen;
      std::vector<std::vector<std::string>> out;
      std::set<std::vector<std::string>> seen;
      for (auto& ph : synsets_[id]) {
        if (ph.size() == 1 && ph[0].size() > 1 && ph[0][0] == '&') {
          auto it = synset_ids_.find(ph[0].substr(1));
          if (it != synset_ids_.end()) {
            const int inner = it->second;
            if (state[inner] == kOpen) {
              if (!reported[id] && !stop) {
                reported[id] = true;
                std::string name = ph[0].substr(1);
                for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                line_no = synset_line[id];
                if (!skip(inner == id ? "synset &" + name + " names itself; that phrase is left out"
                                      : "synset names &" + name + ", which leads back to it; that phrase is left out"))
                  stop = true;
              }
              continue;
            }
            if (state[inner] == kTodo) expand(inner);
            for (auto& x : synsets_[inner])
              if (seen.insert(x).second) out.push_back(x);
            continue;
          }
        }
        if (seen.insert(ph).second) out.push_back(std::move(ph));
      }
      synsets_[id] = std::move(out);
      state[id] = kDone;
    };
    for (size_t id = 0; id < synsets_.size() && !stop; ++id)
      if (state[id] == kTodo) expand(static_cast<int>(id));
    if (stop) return false;
  }
  // A pattern naming a synset that was never defined is dropped, as
  // PETRARCH does, with a warning.
  for (size_t b = first_new_block; b < blocks_.size(); ++b) {
    auto& ps = blocks_[b].patterns;
    std::vector<VerbPattern> kept;
    for (size_t k = 0; k < ps.size(); ++k) {
      std::string missing;
      for (const auto* side : {&ps[k].before, &ps[k].after})
        for (const auto& e : *side)
          if (e.kind == VerbPatternElement::kSynset &&
              (e.synset >= static_cast<int>(defined.size()) || !defined[e.synset]))
            for (const auto& [name, id] : synset_ids_)
              if (id == e.synset) missing = name;
      if (missing.empty()) {
        kept.push_back(std::move(ps[k]));
        continue;
      }
      for (auto& c : missing) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      line_no = pattern_lines[b - first_new_block][k];
      if (!skip("pattern names synset &" + missing + ", which is never defined")) return false;
    }
    ps = std::move(kept);
  }
  report.lines = line_no_total;
  report.entries = forms_.size() - forms_before;
  for (size_t b = first_new_block; b < blocks_.size(); ++b) report.entries += blocks_[b].patterns.size();
  if (!CheckSomethingUsed(report, error)) return false;
  reports_.push_back(std::move(report));
  return true;
}

const std::vector<uint32_t>* VerbDictionary::FormsOf(std::string_view word) const {
  auto it = by_word_.find(std::string(word));
  return it == by_word_.end() ? nullptr : &it->second;
}

size_t VerbDictionary::patterns() const {
  size_t n = 0;
  for (const auto& b : blocks_) n += b.patterns.size();
  return n;
}

bool VerbDictionary::WordsAt(const std::vector<std::string>& words, const PatternSentence& s, size_t at) const {
  if (at + words.size() > s.words.size()) return false;
  for (size_t i = 0; i < words.size(); ++i)
    if (!WordMatches(words[i], s.words[at + i])) return false;
  return true;
}

size_t VerbDictionary::SynsetAt(int synset, const PatternSentence& s, size_t at) const {
  size_t best = 0;
  for (const auto& ph : synsets_[synset])
    if (ph.size() > best && WordsAt(ph, s, at)) best = ph.size();
  return best;
}

size_t VerbDictionary::SynsetEndingAt(int synset, const PatternSentence& s, size_t end) const {
  size_t best = 0;
  for (const auto& ph : synsets_[synset])
    if (ph.size() > best && ph.size() <= end && WordsAt(ph, s, end - ph.size())) best = ph.size();
  return best;
}

bool VerbDictionary::FormAt(uint32_t i, const PatternSentence& s, size_t at, size_t* first, size_t* last) const {
  const VerbForm& f = forms_[i];
  if (at < f.verb) return false;
  size_t start = at - f.verb;
  if (start + f.words.size() > s.words.size()) return false;
  for (size_t k = 0; k < f.words.size(); ++k)
    if (k != f.verb && s.words[start + k] != f.words[k]) return false;
  *first = start;
  *last = start + f.words.size();
  return true;
}

bool VerbDictionary::ElementAt(const VerbPatternElement& e, const PatternSentence& s, size_t pos, bool forward,
                              size_t* begin, size_t* end) const {
  switch (e.kind) {
    case VerbPatternElement::kWords: {
      const size_t n = e.words.size();
      if (!forward && n > pos) return false;
      *begin = forward ? pos : pos - n;
      *end = *begin + n;
      return WordsAt(e.words, s, *begin);
    }
    case VerbPatternElement::kSynset: {
      const size_t n = forward ? SynsetAt(e.synset, s, pos) : SynsetEndingAt(e.synset, s, pos);
      *begin = forward ? pos : pos - n;
      *end = *begin + n;
      return n > 0;
    }
    case VerbPatternElement::kSource:
    case VerbPatternElement::kTarget:
      // Forward: an actor mention starting at pos; backward: one covering
      // the token before pos.
      if (forward) {
        *begin = pos;
        *end = s.actor_end[pos];
        return *end != 0;
      }
      if (s.actor_first[pos - 1] < 0) return false;
      *begin = static_cast<size_t>(s.actor_first[pos - 1]);
      *end = pos;
      return true;
    default:
      return false;
  }
}

bool VerbDictionary::MatchSide(const std::vector<VerbPatternElement>& elements, const PatternSentence& s,
                               size_t cursor, size_t limit, bool forward, VerbMatch* m) const {
  // Forward, elements start at or after the cursor and before limit;
  // backward, they end at or before it and start at or after limit.
  // Non-adjacent elements may have words between them.
  const size_t n = forward ? limit : s.words.size();
  for (const auto& e : elements) {
    if (e.kind == VerbPatternElement::kCompound) {
      m->compound = true;
      continue;
    }
    if (e.kind == VerbPatternElement::kSkip) {
      // A noun phrase: forward, the first one from the cursor on (words
      // may stand before it, as before any element not joined by "_":
      // "TABASKI ^ $" over "Tabaski with Eriador next week at X"); right
      // at the cursor when joined.
      if (forward) {
        size_t at = cursor;
        while (!e.adjacent && at < n && s.phrase_end[at] == 0) ++at;
        if (at >= n || s.phrase_end[at] == 0) return false;
        cursor = s.phrase_end[at];
      } else {
        size_t start = cursor;
        for (size_t j = cursor; j-- > limit;)
          if (s.phrase_end[j] == cursor) start = j;
        if (start == cursor) return false;
        cursor = start;
      }
      continue;
    }
    bool found = false;
    for (size_t pos = cursor; forward ? pos < n : pos > limit; forward ? ++pos : --pos) {
      if (e.adjacent && pos != cursor) break;
      size_t b, en;
      if (!ElementAt(e, s, pos, forward, &b, &en)) continue;
      if (e.kind == VerbPatternElement::kSource) m->source = static_cast<long>(b);
      if (e.kind == VerbPatternElement::kTarget) m->target = static_cast<long>(b);
      cursor = forward ? en : b;
      found = true;
      break;
    }
    if (!found) return false;
  }
  return true;
}

VerbMatch VerbDictionary::Match(uint32_t form, const PatternSentence& s, size_t first, size_t last) const {
  const VerbForm& f = forms_[form];
  const Block& b = blocks_[f.block];
  VerbMatch best;
  best.code = f.code;
  size_t best_spec = 0;
  const size_t back_limit = first > kMaxPatternReach ? first - kMaxPatternReach : 0;
  const size_t fwd_limit = std::min(s.words.size(), last + kMaxPatternReach);
  for (const auto& p : b.patterns) {
    if (best.pattern && p.Specificity() <= best_spec) continue;
    VerbMatch m;
    if (!MatchSide(p.before, s, first, back_limit, false, &m) || !MatchSide(p.after, s, last, fwd_limit, true, &m))
      continue;
    m.code = p.code;
    m.pattern = &p;
    best = std::move(m);
    best_spec = p.Specificity();
  }
  return best;
}

std::string CameoToPlover(std::string_view code) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])))
    return "";
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  switch (root) {
    case 3: return "AGREE";
    case 4: return "CONSULT";
    case 5: return "SUPPORT";
    case 6: return "COOPERATE";
    case 7: return "AID";
    case 8:
      return code.size() >= 3 && code[2] >= '1' && code[2] <= '3' ? "CONCEDE" : "RETREAT";
    case 9: return "INVESTIGATE";
    case 10: return "DEMAND";
    case 11: return "DISAPPROVE";
    case 12: return "REJECT";
    case 13: return "THREATEN";
    case 14: return "PROTEST";
    case 15: return "MOBILIZE";
    case 16: return "SANCTION";
    case 17: return "COERCE";
    case 18: case 19: case 20: return "ASSAULT";
    default: return "";  // 01 statements, 02 appeals: no PLOVER event
  }
}

int PloverPolarity(std::string_view cls) {
  std::string_view quad = graph::QuadClass(std::string(cls));
  if (cls == "INVESTIGATE") return 0;
  if (quad.find("cooperation") != std::string_view::npos) return 1;
  if (quad.find("conflict") != std::string_view::npos) return -1;
  return 0;
}

}  // namespace newsgraph::extract
