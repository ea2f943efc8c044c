// Text cleaning and escaping shared by the writers. Labels come from news
// text and may hold anything: invalid UTF-8, control characters that XML 1.0
// forbids even as character references, quotes and angle brackets. Every
// writer passes text through here so that its output is valid UTF-8 and, for
// XML, well-formed whatever the input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace newsgraph::io {

// Whether code point c may appear in an XML 1.0 document:
// #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
inline bool IsXmlChar(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Decodes one UTF-8 sequence at s[*i], advances *i past it and returns the
// code point, or returns 0xFFFFFFFF and advances one byte when the bytes are
// not well-formed UTF-8 (overlong forms, surrogates and values past
// U+10FFFF count as malformed).
inline uint32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const uint32_t kBad = 0xFFFFFFFF;
  unsigned char c = b(*i);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len = 0;
  uint32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07, min = 0x10000;
  else {
    ++*i;
    return kBad;
  }
  if (*i + len > s.size()) {
    ++*i;
    return kBad;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char cc = b(*i + k);
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return kBad;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*i;
    return kBad;
  }
  *i += len;
  return cp;
}

inline void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Valid UTF-8 holding only characters legal in XML 1.0: malformed bytes
// become U+FFFD, other illegal characters (C0 controls other than tab, line
// feed and carriage return, U+FFFE, U+FFFF) are dropped. Every writer, not
// only XML ones, uses this so that all formats carry the same text.
inline std::string CleanText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = NextCodePoint(s, &i);
    if (cp == 0xFFFFFFFF) cp = 0xFFFD;
    if (IsXmlChar(cp)) AppendUtf8(cp, &out);
  }
  return out;
}

// CleanText, then escaped for use in XML character data or a double- or
// single-quoted attribute value. Tab, line feed and carriage return become
// character references so that attribute-value normalisation by the reader
// does not turn them into spaces.
inline std::string XmlEscape(std::string_view s) {
  std::string clean = CleanText(s);
  std::string out;
  out.reserve(clean.size() + 16);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Fixed-format numbers so that the same graph gives byte-identical files:
// three decimals, no locale, no exponent for the magnitudes exported here.
inline std::string FormatFixed3(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

// Polarity as written in `kind` strings and labels: "+1", "0", "-1".
inline std::string PolarityString(int polarity) {
  char buf[16];
  std::snprintf(buf, sizeof buf, polarity > 0 ? "+%d" : "%d", polarity);
  return buf;
}

}  // namespace newsgraph::io
