// The one date parser (graph/date.h): the forms news feeds use, calendar
// validation, and the bounds of --from/--to.
#include "graph/date.h"

#include <gtest/gtest.h>

namespace newsgraph::graph {
namespace {

std::string P(std::string_view s) { return ParseDate(s).value_or("<none>"); }

TEST(ParseDate, IsoDatesAndDateTimes) {
  EXPECT_EQ(P("2025-01-06"), "2025-01-06");
  EXPECT_EQ(P("2025-1-6"), "2025-01-06");
  EXPECT_EQ(P(" 2025/01/06 "), "2025-01-06");
  EXPECT_EQ(P("20250106"), "2025-01-06");
  EXPECT_EQ(P("2025-01-06T10:00:00Z"), "2025-01-06");
  EXPECT_EQ(P("2025-01-06T23:59:59.123+02:00"), "2025-01-06");
  EXPECT_EQ(P("2025-01-06 10:00"), "2025-01-06");
  EXPECT_EQ(P("2025-01-06T10:00:00-0500"), "2025-01-06");
}

TEST(ParseDate, WrittenFormsAndRfc2822) {
  EXPECT_EQ(P("2 Jan 2025"), "2025-01-02");
  EXPECT_EQ(P("02 January 2025"), "2025-01-02");
  EXPECT_EQ(P("2nd of January 2025"), "2025-01-02");
  EXPECT_EQ(P("02-Jan-2025"), "2025-01-02");
  EXPECT_EQ(P("January 2, 2025"), "2025-01-02");
  EXPECT_EQ(P("Jan. 2 2025"), "2025-01-02");
  EXPECT_EQ(P("Sept 30, 2024"), "2024-09-30");
  EXPECT_EQ(P("Thursday, January 2, 2025"), "2025-01-02");
  EXPECT_EQ(P("Mon, 06 Jan 2025 10:00:00 GMT"), "2025-01-06");
  EXPECT_EQ(P("Mon, 6 Jan 2025 10:00:00 +0000"), "2025-01-06");
  EXPECT_EQ(P("Mon, 06 Jan 2025 10:00:00 -0500 (EST)"), "2025-01-06");
  EXPECT_EQ(P("JANUARY 2, 2025 at 3:15 PM"), "2025-01-02");
}

TEST(ParseDate, InvalidDaysAndUnknownFormsAreRejected) {
  for (const char* bad : {"2024-02-30", "2023-02-29", "2024-04-31", "9999-99-99", "2025-13-45",
                          "0000-00-00", "9999-12-31", "2025-00-10", "31 Feb 2025", "Foo 3, 2025",
                          "01/02/2025", "2025", "2025-01", "yesterday", "", "2025-01-06 25:00",
                          "2025-01-06T10:61", "2025-01-06junk", "2 Jan 2025 extra words here",
                          "Mon, 06 Jan 2025 10:00:00 +9999"}) {
    EXPECT_FALSE(ParseDate(bad).has_value()) << bad << " -> " << *ParseDate(bad);
  }
  EXPECT_EQ(P("2024-02-29"), "2024-02-29");  // a leap day
  EXPECT_EQ(P("2000-02-29"), "2000-02-29");
  EXPECT_FALSE(ParseDate("1900-02-29").has_value());
}

TEST(ParseDateBound, YearsMonthsAndDays) {
  EXPECT_EQ(ParseDateBound("2025").value_or(""), "2025");
  EXPECT_EQ(ParseDateBound("2025-3").value_or(""), "2025-03");
  EXPECT_EQ(ParseDateBound("2025-03-07").value_or(""), "2025-03-07");
  EXPECT_EQ(ParseDateBound("7 March 2025").value_or(""), "2025-03-07");
  EXPECT_FALSE(ParseDateBound("2025-13-45").has_value());
  EXPECT_FALSE(ParseDateBound("2025-13").has_value());
  EXPECT_FALSE(ParseDateBound("20251").has_value());
  EXPECT_FALSE(ParseDateBound("last week").has_value());
}

}  // namespace
}  // namespace newsgraph::graph
