// Date parsing: a small hand-written scanner over the forms listed in
// date.h. No locale, no strptime: the same text gives the same day
// everywhere.
#include "graph/date.h"

#include <array>
#include <cstdio>

namespace newsgraph::graph {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool End() const { return i_ >= s_.size(); }
  char Peek() const { return End() ? '\0' : s_[i_]; }
  bool Take(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  size_t SkipSpaces() {
    size_t n = 0;
    while (!End() && IsSpace(s_[i_])) ++i_, ++n;
    return n;
  }
  // Reads min..max digits; false (and nothing consumed) otherwise.
  bool Number(size_t min, size_t max, int* value) {
    size_t j = i_;
    int v = 0;
    while (j < s_.size() && IsDigit(s_[j]) && j - i_ < max) v = v * 10 + (s_[j++] - '0');
    if (j - i_ < min || (j < s_.size() && IsDigit(s_[j]))) return false;
    i_ = j;
    *value = v;
    return true;
  }
  // A run of letters, lower-cased.
  std::string Word() {
    std::string w;
    while (!End() && IsAlpha(s_[i_])) w.push_back(Lower(s_[i_++]));
    return w;
  }
  size_t pos() const { return i_; }
  void set_pos(size_t p) { i_ = p; }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

// 1..12 for an English month name, full or abbreviated ("sept" too); 0 if none.
int MonthOf(const std::string& w) {
  static const std::array<const char*, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view full = kMonths[m];
    if (w == full || w == full.substr(0, 3) || (m == 8 && w == "sept")) return static_cast<int>(m + 1);
  }
  return 0;
}

bool IsWeekday(const std::string& w) {
  static const std::array<const char*, 7> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  for (std::string_view d : kDays)
    if (w == d || w == d.substr(0, 3) || (w.size() == 4 && d.substr(0, 4) == w)) return true;
  return false;
}

// What may follow a day: nothing, or a time of day with an optional zone,
// after 'T', a comma, "at" or spaces.
//   10:00  10:00:00  10:00:00.123  10:00 PM  ...Z  ...+02:00  ...+0200
//   ...-05  ... GMT  ... +0000 (UTC)
bool TimeSuffix(Scanner& s) {
  s.Take(',');
  bool t = s.Take('T');
  size_t spaces = t ? 0 : s.SkipSpaces();
  if (s.End()) return !t;
  if (!t && spaces == 0 && s.pos() > 0) {
    // The day must be separated from the time.
    return false;
  }
  size_t mark = s.pos();
  if (s.Word() != "at") s.set_pos(mark);
  else s.SkipSpaces();
  int h = 0, m = 0, sec = 0;
  if (!s.Number(1, 2, &h) || !s.Take(':') || !s.Number(2, 2, &m)) return false;
  if (s.Take(':')) {
    if (!s.Number(2, 2, &sec)) return false;
    if (s.Take('.') || s.Take(',')) {
      int frac;
      if (!s.Number(1, 9, &frac)) return false;
    }
  }
  if (h > 23 || m > 59 || sec > 60) return false;
  s.SkipSpaces();
  mark = s.pos();
  std::string ampm = s.Word();
  if (ampm == "am" || ampm == "pm") {
    if (h < 1 || h > 12) return false;
    s.SkipSpaces();
  } else {
    s.set_pos(mark);
  }
  if (s.End()) return true;
  if (s.Take('Z') || s.Take('z')) {
    // UTC
  } else if (s.Peek() == '+' || s.Peek() == '-') {
    s.Take(s.Peek());
    int zh = 0, zm = 0;
    if (s.Number(4, 4, &zh)) {
      zm = zh % 100;
      zh /= 100;
    } else {
      if (!s.Number(2, 2, &zh)) return false;
      if (s.Take(':') && !s.Number(2, 2, &zm)) return false;
    }
    if (zh > 14 || zm > 59) return false;
  } else {
    std::string zone = s.Word();
    if (zone.empty() || zone.size() > 5) return false;
  }
  s.SkipSpaces();
  if (s.Take('(')) {
    std::string zone = s.Word();
    if (zone.empty() || zone.size() > 5 || !s.Take(')')) return false;
    s.SkipSpaces();
  }
  return s.End();
}

std::optional<std::string> Format(int y, int m, int d) {
  if (!IsCalendarDay(y, m, d)) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// 1st, 2nd, 3rd, 4th... after a day number.
void SkipOrdinal(Scanner& s) {
  size_t mark = s.pos();
  std::string w = s.Word();
  if (w != "st" && w != "nd" && w != "rd" && w != "th") s.set_pos(mark);
}

std::string_view Trim(std::string_view t) {
  while (!t.empty() && (IsSpace(t.front()) || t.front() == '\n' || t.front() == '\r')) t.remove_prefix(1);
  while (!t.empty() && (IsSpace(t.back()) || t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
  return t;
}

}  // namespace

bool IsCalendarDay(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= last;
}

std::optional<std::string> ParseDate(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 100) return std::nullopt;
  Scanner s(text);
  int y = 0, m = 0, d = 0;
  if (IsDigit(s.Peek())) {
    // Year first: 2025-01-06[...], 2025/01/06, 20250106.
    if (s.Number(8, 8, &y)) {
      d = y % 100;
      m = y / 100 % 100;
      y /= 10000;
      if (!s.End()) return std::nullopt;
      return Format(y, m, d);
    }
    size_t mark = s.pos();
    if (s.Number(4, 4, &y)) {
      char sep = s.Peek();
      if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
      s.Take(sep);
      if (!s.Number(1, 2, &m) || !s.Take(sep) || !s.Number(1, 2, &d)) return std::nullopt;
      if (!TimeSuffix(s)) return std::nullopt;
      return Format(y, m, d);
    }
    s.set_pos(mark);
    // Day first: 6 Jan 2025, 06-Jan-2025, 6th of January 2025.
    if (!s.Number(1, 2, &d)) return std::nullopt;
    SkipOrdinal(s);
    s.Take('.');
    char sep = s.Peek();
    if (sep == '-' || sep == '/') s.Take(sep);
    else if (s.SkipSpaces() == 0) return std::nullopt;
    size_t at = s.pos();
    if (s.Word() == "of") s.SkipSpaces();
    else s.set_pos(at);
    m = MonthOf(s.Word());
    if (m == 0) return std::nullopt;
    s.Take('.');
    if (sep == '-' || sep == '/') {
      if (!s.Take(sep)) return std::nullopt;
    } else {
      s.Take(',');
      if (s.SkipSpaces() == 0) return std::nullopt;
    }
    if (!s.Number(4, 4, &y)) return std::nullopt;
    if (!TimeSuffix(s)) return std::nullopt;
    return Format(y, m, d);
  }
  // A name first: an optional weekday, then "6 Jan 2025" or "Jan 6, 2025".
  std::string w = s.Word();
  if (IsWeekday(w)) {
    s.Take('.');
    s.Take(',');
    if (s.SkipSpaces() == 0 && !IsDigit(s.Peek()) && !IsAlpha(s.Peek())) return std::nullopt;
    if (IsDigit(s.Peek())) return ParseDate(text.substr(s.pos()));
    w = s.Word();
  }
  m = MonthOf(w);
  if (m == 0) return std::nullopt;
  s.Take('.');
  if (s.SkipSpaces() == 0) return std::nullopt;
  if (!s.Number(1, 2, &d)) return std::nullopt;
  SkipOrdinal(s);
  bool comma = s.Take(',');
  if (s.SkipSpaces() == 0 && !comma) return std::nullopt;
  if (!s.Number(4, 4, &y)) return std::nullopt;
  if (!TimeSuffix(s)) return std::nullopt;
  return Format(y, m, d);
}

std::optional<std::string> ParseDateBound(std::string_view text) {
  std::string_view t = Trim(text);
  Scanner s(t);
  int y = 0, m = 0;
  if (s.Number(4, 4, &y) && s.End()) {
    if (y < kMinYear || y > kMaxYear) return std::nullopt;
    return std::string(t);
  }
  s.set_pos(0);
  if (s.Number(4, 4, &y) && s.Take('-') && s.Number(1, 2, &m) && s.End()) {
    if (y < kMinYear || y > kMaxYear || m < 1 || m > 12) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return std::string(buf);
  }
  return ParseDate(t);
}

}  // namespace newsgraph::graph
