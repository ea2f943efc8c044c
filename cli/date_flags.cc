#include "cli/date_flags.h"

#include "graph/date.h"

namespace newsgraph::cli {

void AddDateWindowFlags(CLI::App& app, std::string* from, std::string* to, const std::string& what) {
  app.add_option("--from", *from,
                 "keep " + what + " dated on or after this date (YYYY, YYYY-MM, YYYY-MM-DD or '2 Jan 2025')");
  app.add_option("--to", *to,
                 "keep " + what + " dated on or before this date (YYYY, YYYY-MM, YYYY-MM-DD or '2 Jan 2025'; "
                 "inclusive)");
}

std::string CheckDateWindow(std::string& from, std::string& to) {
  // One parser for every command (graph/date.h): calendar days are checked
  // ("2025-13-45" and "2024-02-30" are refused) and common forms are
  // normalised to the ISO prefix the store compares.
  for (std::string* d : {&from, &to}) {
    if (d->empty()) continue;
    auto date = graph::ParseDateBound(*d);
    if (!date)
      return "bad date for --" + std::string(d == &from ? "from" : "to") + " '" + *d +
             "': use YYYY, YYYY-MM, YYYY-MM-DD or a date such as '2 Jan 2025'";
    *d = *date;
  }
  if (!from.empty() && !to.empty() && to.compare(0, from.size(), from) < 0)
    return "--from " + from + " is after --to " + to;
  return "";
}

}  // namespace newsgraph::cli
