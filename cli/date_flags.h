// --from/--to, the inclusive date window of export and every query that
// looks at statements: one definition of the flags and one check, so that
// each command accepts and rejects the same dates.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace newsgraph::cli {

// Adds --from and --to to app, stored in *from and *to; what: what the
// window keeps ("statements", "edges' statements", ...), for the help.
void AddDateWindowFlags(CLI::App& app, std::string* from, std::string* to,
                        const std::string& what = "statements");

// "" when the window is usable, else why not: a bound that is no date
// (graph::ParseDateBound), or from after to. Bounds are normalised in place
// to YYYY, YYYY-MM or YYYY-MM-DD.
std::string CheckDateWindow(std::string& from, std::string& to);

}  // namespace newsgraph::cli
