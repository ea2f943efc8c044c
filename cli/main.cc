// newsgraph: news articles in, a knowledge graph out.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  // Over a file size limit (ulimit -f), write() must fail with EFBIG so the
  // writer can report it and remove its temporary file; the default action
  // of SIGXFSZ would kill the process and leave the temporary file behind.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"newsgraph: turns news articles into an actor-relation-issue graph"};
  app.set_version_flag("--version", std::string("newsgraph ") + NEWSGRAPH_VERSION);
  app.require_subcommand(1);
  Runner build = SetupBuild(*app.add_subcommand("build", "extract articles into a graph database"));
  Runner extract = SetupExtract(*app.add_subcommand("extract", "print entities and triples as JSON Lines"));
  Runner exp = SetupExport(*app.add_subcommand("export", "write the graph as GraphML, GEXF, CSV, JSON, DOT"));
  Runner query = SetupQuery(*app.add_subcommand("query", "ask the graph questions"));
  Runner merge = SetupMerge(*app.add_subcommand("merge", "combine graph databases built separately"));
  Runner alias = SetupAlias(*app.add_subcommand("alias", "merge one actor node into another (curation), or undo it"));
  Runner actors = SetupActors(*app.add_subcommand("actors", "list actors; --suspect: likely junk and duplicates"));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitFatal;
  }
  try {
    for (auto* sub : app.get_subcommands()) {
      std::string name = sub->get_name();
      if (name == "build") return build();
      if (name == "extract") return extract();
      if (name == "export") return exp();
      if (name == "query") return query();
      if (name == "merge") return merge();
      if (name == "alias") return alias();
      if (name == "actors") return actors();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  return kExitFatal;
}
