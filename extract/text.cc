// Tokenizer and sentence splitter.
#include "extract/text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_set>

namespace newsgraph::extract {
namespace {

// Decodes one code point at text[i]; sets *len. Text is valid UTF-8.
inline uint32_t Decode(std::string_view t, size_t i, int* len) {
  auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) { *len = 1; return c; }
  if (c < 0xE0 && i + 1 < t.size()) { *len = 2; return ((c & 0x1F) << 6) | (t[i + 1] & 0x3F); }
  if (c < 0xF0 && i + 2 < t.size()) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((t[i + 1] & 0x3F) << 6) | (t[i + 2] & 0x3F);
  }
  if (i + 3 < t.size()) {
    *len = 4;
    return ((c & 0x07) << 18) | ((t[i + 1] & 0x3F) << 12) | ((t[i + 2] & 0x3F) << 6) | (t[i + 3] & 0x3F);
  }
  *len = 1;
  return 0xFFFD;
}

inline bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
}

inline bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }
inline bool IsHyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// Punctuation and symbols outside ASCII that stand alone as tokens.
inline bool IsUnicodePunct(uint32_t cp) {
  return (cp >= 0x2010 && cp <= 0x205E) || cp == 0xAB || cp == 0xBB || cp == 0xA7 || cp == 0xB6 ||
         cp == 0xB7 || cp == 0xBF || cp == 0xA1 || cp == 0xB0 || cp == 0xA9 || cp == 0xAE ||
         (cp >= 0x20A0 && cp <= 0x20CF) || cp == 0xA3 || cp == 0xA5 || cp == 0xA2 ||
         (cp >= 0x2190 && cp <= 0x23FF) || (cp >= 0x25A0 && cp <= 0x27BF) || (cp >= 0x3000 && cp <= 0x303F) ||
         cp == 0xFFFD || (cp >= 0x1F000);
}

inline bool IsWordChar(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  return !IsSpace(cp) && !IsUnicodePunct(cp) && !IsApostrophe(cp);
}

inline bool IsUpper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) ||
         (cp >= 0x400 && cp <= 0x42F) || ((cp >= 0x100 && cp <= 0x17F) && (cp % 2 == 0));
}

inline bool IsLower(uint32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x3B1 && cp <= 0x3C9) ||
         (cp >= 0x430 && cp <= 0x45F) || ((cp >= 0x100 && cp <= 0x17F) && (cp % 2 == 1));
}

inline bool IsDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> set = {
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "maj",
      "adm", "gov", "sen", "rep", "rev", "hon", "pres", "cmdr", "cpl", "pvt", "supt", "insp",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
      "inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn", "vs", "etc", "no", "nos", "mt",
      "ft", "approx", "est", "fig", "vol", "pp", "ed", "eds", "al", "cf", "ca", "ave", "blvd",
      "rd", "hwy", "sq", "mln", "bn", "govt", "intl", "natl", "amb", "atty", "dist", "md", "mass",
      "calif", "fla", "ill", "penn", "va", "wash", "wis", "tex", "ariz", "colo", "conn", "del",
      "ga", "kan", "ky", "la", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
      "tenn", "vt", "wyo"};
  return set;
}

// Dotted abbreviations that often end a sentence ("... in the U.S. The ...").
bool CanEndSentence(std::string_view tok) {
  int dots = 0;
  for (char c : tok) dots += c == '.';
  if (dots >= 2) return true;  // U.S., a.m., p.m.
  std::string low;
  for (char c : tok)
    if (c != '.') low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return low == "inc" || low == "ltd" || low == "co" || low == "jr" || low == "etc" || low == "corp";
}

const std::unordered_set<std::string>& SentenceStarters() {
  static const std::unordered_set<std::string> set = {
      "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those",
      "But", "And", "In", "On", "At", "However", "His", "Her", "Their", "Its", "There", "If",
      "When", "While", "After", "Before", "As", "Meanwhile", "Officials", "Some", "Many"};
  return set;
}

// The lower-case word starting at byte `from` (non-ASCII letters as '?'),
// ending at *end: what follows an apostrophe.
std::string WordAfter(std::string_view t, size_t from, size_t* end) {
  std::string word;
  size_t e = from;
  while (e < t.size()) {
    int l;
    uint32_t c = Decode(t, e, &l);
    if (!IsWordChar(c)) break;
    word += c < 0x80 ? static_cast<char>(std::tolower(static_cast<int>(c))) : '?';
    e += l;
  }
  *end = e;
  return word;
}

// Clitics the treebank splits off: 's 're 've 'll 'd 'm ("n't" apart).
bool IsClitic(const std::string& w) {
  return w == "s" || w == "re" || w == "ve" || w == "ll" || w == "d" || w == "m";
}

}  // namespace

std::string NormalizeToken(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int len;
    uint32_t cp = Decode(s, i, &len);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x2032) out += '\'';
    else if (cp == 0x201C || cp == 0x201D || cp == 0x201E) out += '"';
    else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013) out += '-';
    else if (cp == 0x2014 || cp == 0x2015) out += "--";
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

bool IsAbbreviation(std::string_view tok) {
  if (tok.size() < 2 || tok.back() != '.') return false;
  std::string_view body = tok.substr(0, tok.size() - 1);
  if (body.find('.') != std::string_view::npos) return true;  // U.S., e.g.
  if (body.size() == 1 && std::isalpha(static_cast<unsigned char>(body[0]))) return true;  // initials
  std::string low;
  for (char c : body) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return Abbreviations().count(low) > 0;
}

void Tokenize(std::string_view t, std::vector<Token>* tokens) {
  tokens->clear();
  size_t n = t.size(), i = 0;
  bool line_start = true, paragraph_start = true;
  int newlines = 0;
  auto push = [&](size_t b, size_t e, uint16_t flags) {
    if (line_start) flags |= kLineStart;
    if (paragraph_start) flags |= kParagraphStart;
    line_start = paragraph_start = false;
    newlines = 0;
    tokens->push_back(Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), flags});
  };
  while (i < n) {
    int len;
    uint32_t cp = Decode(t, i, &len);
    if (IsSpace(cp)) {
      if (cp == '\n') {
        line_start = true;
        if (++newlines >= 2) paragraph_start = true;
      }
      i += len;
      continue;
    }
    if (IsWordChar(cp)) {
      // A word: letters/digits with inner hyphens, apostrophes (O'Brien),
      // periods between letters (U.S) or digits (3.5), commas in numbers.
      size_t b = i, e = i;
      uint16_t flags = 0;
      int letters = 0, uppers = 0;
      bool first = true, dotted = false, handled = false;
      while (e < n) {
        int l;
        uint32_t c = Decode(t, e, &l);
        if (IsWordChar(c)) {
          if (IsDigit(c)) flags |= kHasDigit;
          else { ++letters; if (IsUpper(c)) ++uppers; if (first && IsUpper(c)) flags |= kCapitalized; }
          first = false;
          e += l;
          continue;
        }
        if (e + l < n) {
          int l2;
          uint32_t next = Decode(t, e + l, &l2);
          if (IsHyphen(c) && IsWordChar(next)) {
            // Arabic names with a lower-case article are names: "al-Shabaab",
            // "el-Sisi", "ad-Dawla".
            size_t len0 = e - b;
            if (IsUpper(next) && letters == 2 && uppers == 0 && len0 == 2 &&
                ((t[b] == 'a' && (t[b + 1] == 'l' || t[b + 1] == 'd' || t[b + 1] == 's' || t[b + 1] == 'n')) ||
                 (t[b] == 'e' && t[b + 1] == 'l')))
              flags |= kCapitalized;
            e += l;
            continue;
          }
          if (c == '&' && IsUpper(next) && uppers == letters && letters > 0) { e += l; continue; }
          if ((c == '.' || c == ',') && IsDigit(next) && (flags & kHasDigit) && letters == 0) { e += l; continue; }
          if (c == '.' && IsWordChar(next) && !IsDigit(next)) {
            // U.S / e.g: single letters between periods.
            int l3;
            size_t after = e + l + l2;
            uint32_t next2 = after < n ? Decode(t, after, &l3) : ' ';
            if (next2 == '.' && (e - b) <= 4 && letters <= 3) { dotted = true; e += l; continue; }
          }
          if (IsApostrophe(c) && IsWordChar(next) && !IsDigit(next)) {
            // Split off clitics: 's 're 've 'll 'd 'm; keep O'Brien.
            size_t ce;
            std::string clitic = WordAfter(t, e + l, &ce);
            bool is_clitic = IsClitic(clitic);
            bool is_nt = clitic == "t" && e > b && (t[e - 1] == 'n' || t[e - 1] == 'N');
            if (is_nt) {
              // "don't" -> "do" "n't"; "can't" -> "ca" "n't" as the treebank does.
              size_t nb = e - 1;
              if (nb > b) push(b, nb, flags);
              push(nb, ce, 0);
              handled = true;
              i = ce;
              break;
            }
            if (is_clitic) break;
            e += l;
            continue;
          }
        }
        break;
      }
      if (handled) continue;  // "n't" split: both tokens pushed
      // A period right after the word belongs to it when it is an abbreviation.
      if (e < n && t[e] == '.') {
        std::string_view with_dot = t.substr(b, e + 1 - b);
        bool initial = letters == 1 && uppers == 1 && (e - b) == 1;
        if (dotted || initial || IsAbbreviation(with_dot)) ++e;
      }
      if (letters >= 2 && uppers == letters) flags |= kAllCaps;
      push(b, e, flags);
      i = e;
      // A clitic follows: emit it as its own token.
      if (i < n) {
        int l;
        uint32_t c = Decode(t, i, &l);
        if (IsApostrophe(c) && i + l < n) {
          size_t ce;
          if (IsClitic(WordAfter(t, i + l, &ce))) {
            push(i, ce, 0);
            i = ce;
          }
        }
      }
      continue;
    }
    // Punctuation: "..." and "--" stay together, everything else alone.
    size_t e = i + len;
    if (cp == '.' || cp == '-') {
      while (e < n && t[e] == static_cast<char>(cp)) ++e;
    }
    push(i, e, kPunct);
    i = e;
  }
}

namespace {

std::string_view Surface(std::string_view t, const Token& tok) {
  return t.substr(tok.begin, tok.end - tok.begin);
}

bool IsTerminal(std::string_view s) {
  return s == "." || s == "!" || s == "?" || s == "..." || s == "\xE2\x80\xA6" || s == "?!" ;
}

bool IsCloser(std::string_view s) {
  return s == "\"" || s == "'" || s == ")" || s == "]" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x99" ||
         s == "\xC2\xBB";
}

bool IsListMarker(std::string_view t, const std::vector<Token>& toks, size_t i) {
  std::string_view s = Surface(t, toks[i]);
  if (s == "-" || s == "*" || s == "+" || s == "\xE2\x80\xA2" || s == "\xE2\x80\x93") {
    return i + 1 < toks.size() && toks[i + 1].begin > toks[i].end;  // followed by a space
  }
  // "1." / "1)" numbered items
  if (i + 1 < toks.size() && !s.empty() &&
      std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) && s.size() <= 3) {
    std::string_view p = Surface(t, toks[i + 1]);
    return (p == "." || p == ")") && toks[i + 1].begin == toks[i].end;
  }
  return false;
}

}  // namespace

void SplitSentences(std::string_view t, std::vector<Token>* tokens_ptr,
                    std::vector<SentenceBounds>* sentences) {
  std::vector<Token>& toks = *tokens_ptr;
  sentences->clear();
  const size_t n = toks.size();
  // Line kinds, decided at each line's first token.
  enum class Line { kText, kHeading, kTable, kList };
  Line line = Line::kText;
  size_t start = 0;
  bool open = false;
  auto close = [&](size_t end_tok) {
    // Trim leading markers are already skipped by `start`.
    if (open && end_tok > start) {
      SentenceBounds s;
      s.first = static_cast<uint32_t>(start);
      s.last = static_cast<uint32_t>(end_tok);
      s.begin = toks[start].begin;
      s.end = toks[end_tok - 1].end;
      // Title-like: a line with no terminal punctuation whose words are
      // mostly capitalised, or a Markdown heading.
      std::string_view last = Surface(t, toks[end_tok - 1]);
      bool terminal = IsTerminal(last) || IsCloser(last) || last == ":" || last == ";";
      size_t words = 0, caps = 0;
      for (size_t k = start; k < end_tok; ++k) {
        if (toks[k].Has(kPunct)) continue;
        ++words;
        if (toks[k].Has(kCapitalized) || toks[k].Has(kHasDigit)) ++caps;
      }
      bool title_case = words > 0 && caps * 3 >= words * 2 && words <= 16;
      s.heading = line == Line::kHeading || (!terminal && title_case);
      if (s.heading)
        for (size_t k = start; k < end_tok; ++k) toks[k].flags |= kHeading;
      sentences->push_back(s);
    }
    open = false;
  };
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = toks[i];
    std::string_view s = Surface(t, tok);
    if (tok.Has(kLineStart)) {
      // A new line ends the sentence unless it continues a wrapped line.
      bool wrapped = false;
      if (open && line == Line::kText && !tok.Has(kParagraphStart) && i > 0) {
        std::string_view prev = Surface(t, toks[i - 1]);
        int l;
        uint32_t first_cp = Decode(s, 0, &l);
        bool prev_continues = !toks[i - 1].Has(kPunct) || prev == ",";
        wrapped = prev_continues && IsLower(first_cp) && !toks[i - 1].Has(kHeading);
      }
      if (!wrapped) close(i);
      // What kind of line is this?
      if (s == "#" || (s.size() > 1 && s.find_first_not_of('#') == std::string_view::npos)) {
        line = Line::kHeading;
        while (i + 1 < n && !toks[i + 1].Has(kLineStart) && Surface(t, toks[i + 1]).find_first_not_of('#') == std::string_view::npos) ++i;
        continue;
      }
      if (s == "|") {
        line = Line::kTable;
        continue;  // the cell starts after the bar
      }
      if (IsListMarker(t, toks, i)) {
        line = Line::kList;
        if (!toks[i].Has(kPunct)) ++i;  // skip the "." of "1."
        continue;
      }
      if (!wrapped) line = Line::kText;
    }
    if (line == Line::kTable && s == "|") {
      close(i);
      continue;
    }
    if (line == Line::kTable && !open) {
      // Separator rows (|---|:--:|) hold no text.
      if (s.find_first_not_of("-:") == std::string_view::npos) continue;
    }
    if (!open) {
      start = i;
      open = true;
    }
    // Terminal punctuation (with closing quotes) ends a sentence when the
    // next token starts a new one.
    bool ends = false;
    size_t last = i;
    if (IsTerminal(s)) {
      ends = true;
    } else if (IsAbbreviation(s) && CanEndSentence(s) && i + 1 < n &&
               !toks[i + 1].Has(kLineStart) &&
               SentenceStarters().count(std::string(Surface(t, toks[i + 1])))) {
      ends = true;
    }
    if (ends) {
      while (last + 1 < n && !toks[last + 1].Has(kLineStart) && IsCloser(Surface(t, toks[last + 1])) &&
             toks[last + 1].begin == toks[last].end)
        ++last;
      if (last + 1 >= n || toks[last + 1].Has(kLineStart)) {
        i = last;
        continue;  // the line break will close it
      }
      const Token& next = toks[last + 1];
      std::string_view ns = Surface(t, next);
      int l;
      uint32_t cp = Decode(ns, 0, &l);
      // ("... killed in the airstrike. al-Muhandis was ...": a name with a
      // lower-case article starts a sentence too.)
      bool starts = IsUpper(cp) || IsDigit(cp) || cp == '"' || cp == 0x201C || cp == '(' || cp == 0x2018 ||
                    cp == '\'' || next.Has(kCapitalized);
      if (starts && next.begin > toks[last].end) {
        i = last;
        close(last + 1);
      }
    }
  }
  close(n);
}

}  // namespace newsgraph::extract
