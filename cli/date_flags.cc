#include "cli/date_flags.h"

#include <regex>

namespace newsgraph::cli {

void AddDateWindowFlags(CLI::App& app, std::string* from, std::string* to, const std::string& what) {
  app.add_option("--from", *from, "keep " + what + " dated on or after this date (YYYY[-MM[-DD]])");
  app.add_option("--to", *to, "keep " + what + " dated on or before this date (YYYY[-MM[-DD]], inclusive)");
}

std::string CheckDateWindow(const std::string& from, const std::string& to) {
  const std::regex date(R"(\d{4}(-\d{2}(-\d{2})?)?)");
  for (const std::string* d : {&from, &to}) {
    if (!d->empty() && !std::regex_match(*d, date))
      return "bad date '" + *d + "': use YYYY, YYYY-MM or YYYY-MM-DD";
  }
  if (!from.empty() && !to.empty() && to.compare(0, from.size(), from) < 0)
    return "--from " + from + " is after --to " + to;
  return "";
}

}  // namespace newsgraph::cli
