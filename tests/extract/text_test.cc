// Tokens and sentences: offsets, clitics, abbreviations, Markdown structure.
#include "extract/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph::extract {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<std::string> out;
  for (const auto& t : toks) {
    EXPECT_LE(t.end, text.size());
    EXPECT_LT(t.begin, t.end);
    out.push_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<Token> toks;
  std::vector<SentenceBounds> sents;
  Tokenize(text, &toks);
  SplitSentences(text, &toks, &sents);
  std::vector<std::string> out;
  for (const auto& s : sents) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(TokenizeTest, SplitsCliticsLikeTheTreebank) {
  EXPECT_EQ(Words("Ukraine's army didn't retreat."),
            (std::vector<std::string>{"Ukraine", "'s", "army", "did", "n't", "retreat", "."}));
  EXPECT_EQ(Words("Ukraine\u2019s sovereignty"),
            (std::vector<std::string>{"Ukraine", "\u2019s", "sovereignty"}));
  EXPECT_EQ(Words("They're here; O'Brien stays."),
            (std::vector<std::string>{"They", "'re", "here", ";", "O'Brien", "stays", "."}));
}

TEST(TokenizeTest, KeepsAbbreviationsInitialsAndNumbersWhole) {
  EXPECT_EQ(Words("The U.S. envoy met Mr. J. Smith on Jan. 5 for 1,200.50 dollars."),
            (std::vector<std::string>{"The", "U.S.", "envoy", "met", "Mr.", "J.", "Smith", "on", "Jan.",
                                      "5", "for", "1,200.50", "dollars", "."}));
  EXPECT_EQ(Words("a US-Russia deal, US-backed"),
            (std::vector<std::string>{"a", "US-Russia", "deal", ",", "US-backed"}));
}

TEST(TokenizeTest, UnicodeSpacesAndQuotesKeepOffsets) {
  std::string text = "\u201cTough\u201d\u00a0talks\u2014again\u2026";
  auto words = Words(text);
  EXPECT_EQ(words, (std::vector<std::string>{"\u201c", "Tough", "\u201d", "talks", "\u2014", "again", "\u2026"}));
}

TEST(TokenizeTest, FlagsCapitalisation) {
  std::string text = "NATO and Kyiv talk";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_TRUE(toks[0].Has(kAllCaps));
  EXPECT_TRUE(toks[2].Has(kCapitalized));
  EXPECT_FALSE(toks[1].Has(kCapitalized));
}

TEST(TokenizeTest, ArabicArticleBeforeACapitalStartsAName) {
  std::string text = "al-Shabaab el-Sisi all-Ukrainian as-is al-qaida";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_TRUE(toks[0].Has(kCapitalized));
  EXPECT_TRUE(toks[1].Has(kCapitalized));
  EXPECT_FALSE(toks[2].Has(kCapitalized));
  EXPECT_FALSE(toks[3].Has(kCapitalized));
  EXPECT_FALSE(toks[4].Has(kCapitalized));
}

TEST(SentenceTest, ANameWithALowerCaseArticleStartsASentence) {
  EXPECT_EQ(Sentences("He was killed in the airstrike. al-Muhandis was there. It was late. and then"),
            (std::vector<std::string>{"He was killed in the airstrike.", "al-Muhandis was there.", "It was late. and then"}));
}

TEST(SentenceTest, SplitsAtTerminalPunctuationNotAbbreviations) {
  EXPECT_EQ(Sentences("Mr. Smith met Gen. Jones. They talked. Did it work? Yes!"),
            (std::vector<std::string>{"Mr. Smith met Gen. Jones.", "They talked.", "Did it work?", "Yes!"}));
  EXPECT_EQ(Sentences("Aid came from the U.S. The talks ended."),
            (std::vector<std::string>{"Aid came from the U.S.", "The talks ended."}));
  EXPECT_EQ(Sentences("He said \"we agree.\" Then he left."),
            (std::vector<std::string>{"He said \"we agree.\"", "Then he left."}));
}

TEST(SentenceTest, HeadingsListsAndTables) {
  std::string text =
      "# Talks in Geneva\n"
      "The envoy arrived.\n"
      "- Russia rejected the plan\n"
      "- Ukraine demanded guarantees.\n"
      "| Who | What |\n"
      "|---|---|\n"
      "| Kyiv | wants guarantees. |\n";
  std::vector<Token> toks;
  std::vector<SentenceBounds> sents;
  Tokenize(text, &toks);
  SplitSentences(text, &toks, &sents);
  std::vector<std::string> got;
  for (const auto& s : sents) got.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(got, (std::vector<std::string>{"Talks in Geneva", "The envoy arrived.", "Russia rejected the plan",
                                           "Ukraine demanded guarantees.", "Who", "What", "Kyiv",
                                           "wants guarantees."}));
  EXPECT_TRUE(sents[0].heading);
  EXPECT_FALSE(sents[1].heading);
}

TEST(SentenceTest, WrappedLinesJoinParagraphsSplit) {
  EXPECT_EQ(Sentences("The minister said the talks\nwould continue next week.\n\nA new paragraph starts"),
            (std::vector<std::string>{"The minister said the talks\nwould continue next week.",
                                      "A new paragraph starts"}));
}

TEST(SentenceTest, TitleCaseLineWithoutPunctuationIsAHeading) {
  std::string text = "The Road Ahead for Ukraine\nTalks resumed on Monday in Geneva.";
  std::vector<Token> toks;
  std::vector<SentenceBounds> sents;
  Tokenize(text, &toks);
  SplitSentences(text, &toks, &sents);
  ASSERT_EQ(sents.size(), 2u);
  EXPECT_TRUE(sents[0].heading);
  EXPECT_FALSE(sents[1].heading);
}

TEST(NormalizeTest, CurlyQuotesBecomeAscii) {
  EXPECT_EQ(NormalizeToken("\u2019s"), "'s");
  EXPECT_EQ(NormalizeToken("\u201cno\u201d"), "\"no\"");
  EXPECT_EQ(NormalizeToken("Zelensky"), "Zelensky");
}

}  // namespace
}  // namespace newsgraph::extract
