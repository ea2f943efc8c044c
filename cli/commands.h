// Subcommands of the newsgraph command line. Each file cli/<name>_cmd.cc
// adds one subcommand: Setup<Name> declares its flags on the CLI11 app and
// returns the function that runs it after parsing. The library never
// prints or exits; these functions turn results into text and exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace newsgraph::cli {

// Exit codes, as ripgrep: 0 ok; 1 finished but some inputs were rejected
// (or nothing matched a query); 2 usage error or fatal failure.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeRejected = 1;
inline constexpr int kExitFatal = 2;

using Runner = std::function<int()>;

// "1 document", "3 documents", "2 entities", "0 matches": a count and its
// noun, singular for 1, else the plural (given, or the regular English one).
inline std::string Count(unsigned long long n, const std::string& singular, const std::string& plural = "") {
  std::string noun = singular;
  if (n != 1) {
    if (!plural.empty()) {
      noun = plural;
    } else {
      auto ends = [&](const char* e) {
        std::string x(e);
        return noun.size() >= x.size() && noun.compare(noun.size() - x.size(), x.size(), x) == 0;
      };
      const bool consonant_y = noun.size() > 1 && noun.back() == 'y' &&
                               std::string("aeiou").find(noun[noun.size() - 2]) == std::string::npos;
      if (consonant_y) noun = noun.substr(0, noun.size() - 1) + "ies";
      else if (ends("s") || ends("x") || ends("ch") || ends("sh")) noun += "es";
      else noun += "s";
    }
  }
  return std::to_string(n) + " " + noun;
}

Runner SetupBuild(CLI::App& app);
Runner SetupExtract(CLI::App& app);
Runner SetupExport(CLI::App& app);
Runner SetupQuery(CLI::App& app);
Runner SetupMerge(CLI::App& app);
Runner SetupAlias(CLI::App& app);
Runner SetupActors(CLI::App& app);
Runner SetupCheck(CLI::App& app);

}  // namespace newsgraph::cli
