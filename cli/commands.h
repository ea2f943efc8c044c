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

Runner SetupBuild(CLI::App& app);
Runner SetupExtract(CLI::App& app);
Runner SetupExport(CLI::App& app);
Runner SetupQuery(CLI::App& app);
Runner SetupMerge(CLI::App& app);
Runner SetupAlias(CLI::App& app);
Runner SetupActors(CLI::App& app);

}  // namespace newsgraph::cli
