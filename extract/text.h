// Tokens and sentences with byte offsets into the original text.
// Tokens split like the Penn Treebank (and the UD English treebank the
// tagger is trained on): clitics apart ("Ukraine" "'s", "do" "n't"),
// punctuation apart, abbreviations and initials whole ("U.S.", "Mr.", "J.").
// Sentences end at terminal punctuation (not after abbreviations), at
// paragraph breaks, after headings, list items and Markdown table cells.
// Invariant: text.substr(t.begin, t.end - t.begin) is the token's surface.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::extract {

enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,   // first letter upper case
  kAllCaps = 1 << 1,       // two or more letters, all upper case
  kHasDigit = 1 << 2,
  kPunct = 1 << 3,         // punctuation or symbol only
  kLineStart = 1 << 4,     // first token on its line
  kParagraphStart = 1 << 5,
  kHeading = 1 << 6,       // in a heading, list marker line, or table cell that reads as a title
};

struct Token {
  uint32_t begin = 0, end = 0;  // bytes
  uint16_t flags = 0;
  bool Has(TokenFlag f) const { return (flags & f) != 0; }
};

struct SentenceBounds {
  uint32_t first = 0, last = 0;  // token range [first, last)
  uint32_t begin = 0, end = 0;   // bytes
  bool heading = false;          // a title-like line: no verb expected, title case
};

// Splits text into tokens. Whitespace includes Unicode spaces (U+00A0,
// U+2000-U+200B, U+202F, U+3000). Never fails; text must be valid UTF-8.
void Tokenize(std::string_view text, std::vector<Token>* tokens);

// Groups tokens into sentences. Markdown structure (headings "#", list items,
// table rows "| a | b |") is recognised; the markers stay tokens.
void SplitSentences(std::string_view text, std::vector<Token>* tokens,
                    std::vector<SentenceBounds>* sentences);

// Normalised form of a token for lexicon lookup: curly quotes and
// apostrophes as ASCII ("’s" -> "'s"), dashes as '-'.
std::string NormalizeToken(std::string_view surface);

// True for an abbreviation that keeps its period ("Mr.", "Jan.", "U.S.").
bool IsAbbreviation(std::string_view token);

}  // namespace newsgraph::extract
