// Dates: the one parser every command uses for document dates and for the
// --from/--to flags, so that what a build stores, what a filter compares
// and what an export writes on a timeline agree. Dates are calendar days
// written YYYY-MM-DD; a time of day and a time zone, when given, are read
// and dropped (the day is the one written, not converted to UTC).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsgraph::graph {

// Years outside this range are taken for typos or placeholders
// ("9999-12-31", "0000-00-00") and rejected.
inline constexpr int kMinYear = 1000;
inline constexpr int kMaxYear = 2999;

// True when y-m-d is a day of the (proleptic Gregorian) calendar within
// [kMinYear, kMaxYear]: 2024-02-29 yes, 2023-02-29 and 2024-04-31 no.
bool IsCalendarDay(int year, int month, int day);

// Parses a date in one of the common forms and returns it as "YYYY-MM-DD",
// or nothing when the text is not one of them or not a day of the calendar:
//   2025-01-06, 2025-1-6, 2025/01/06, 20250106
//   2025-01-06T10:00:00Z, 2025-01-06 10:00:00+02:00 (ISO 8601 date-times)
//   6 Jan 2025, 06 January 2025, 6th January 2025, 06-Jan-2025
//   January 6, 2025, Jan. 6 2025, Monday, January 6, 2025
//   Mon, 06 Jan 2025 10:00:00 GMT, ... +0000 (RFC 2822, RSS pubDate)
// Month and weekday names are English, full or abbreviated, any case.
// All-numeric forms with the year last (01/02/2025) are rejected: they
// mean different days in different countries.
std::optional<std::string> ParseDate(std::string_view text);

// A bound of a date range (--from, --to): a whole year "YYYY", a month
// "YYYY-MM", or any day ParseDate reads. Returns "YYYY", "YYYY-MM" or
// "YYYY-MM-DD", which compare as text against stored dates (a bound that
// is a prefix of a date covers it), or nothing when invalid.
std::optional<std::string> ParseDateBound(std::string_view text);

}  // namespace newsgraph::graph
