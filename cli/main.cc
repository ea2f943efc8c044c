// newsgraph: news articles in, a knowledge graph out.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "store/store.h"

namespace {

// A subcommand's --help lists only its own options; the options of its
// parent (`newsgraph query --db X --format json top`) go into its footer,
// so that `newsgraph query top --help` shows every flag that applies.
void ShowParentOptions(CLI::App& app) {
  for (CLI::App* parent : app.get_subcommands([](CLI::App*) { return true; })) {
    std::string text;
    for (const CLI::Option* opt : parent->get_options()) {
      if (opt->get_name() == "--help" || opt->get_name() == "-h" || opt->get_positional()) continue;
      std::string line = "  " + opt->get_name(false, true);
      std::string def = opt->get_default_str();
      if (!def.empty()) line += " [" + def + "]";
      if (line.size() < 30) line.resize(30, ' ');
      else line += "  ";
      text += line + opt->get_description() + "\n";
    }
    if (text.empty()) continue;
    for (CLI::App* child : parent->get_subcommands([](CLI::App*) { return true; }))
      child->footer("Options of `newsgraph " + parent->get_name() + "`, before or after " + child->get_name() +
                    ":\n" + text);
  }
}

// The top-level usage (app.help() gives the parsed subcommand's instead).
std::string Usage(CLI::App& app) { return app.get_formatter()->make_help(&app, "newsgraph", CLI::AppFormatMode::Normal); }

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  // Over a file size limit (ulimit -f), write() must fail with EFBIG so the
  // writer can report it and remove its temporary file; the default action
  // of SIGXFSZ would kill the process and leave the temporary file behind.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"newsgraph: turns news articles into an actor-relation-issue graph"};
  app.set_version_flag("--version", std::string("newsgraph ") + NEWSGRAPH_VERSION);
  // Bare `newsgraph` prints the usage (below), not "A subcommand is required".
  app.require_subcommand(0, 1);
  app.footer("Run `newsgraph COMMAND --help` for a command's options (docs/user-guide.md has the whole story).");
  Runner build = SetupBuild(*app.add_subcommand("build", "extract articles into a graph database"));
  Runner extract = SetupExtract(*app.add_subcommand("extract", "print entities and triples as JSON Lines"));
  Runner exp = SetupExport(*app.add_subcommand("export", "write the graph as GraphML, GEXF, CSV, JSON, DOT"));
  Runner query = SetupQuery(*app.add_subcommand("query", "ask the graph questions"));
  Runner merge = SetupMerge(*app.add_subcommand("merge", "combine graph databases built separately"));
  Runner alias = SetupAlias(*app.add_subcommand("alias", "merge one actor node into another (curation), or undo it"));
  Runner actors = SetupActors(*app.add_subcommand("actors", "list actors; --suspect: likely junk and duplicates"));
  Runner check = SetupCheck(*app.add_subcommand("check", "check a graph database for damage (SQLite's integrity check)"));
  std::string help_topic;
  auto* help = app.add_subcommand("help", "print this usage, or a command's: newsgraph help COMMAND");
  help->add_option("command", help_topic, "a command");
  ShowParentOptions(app);
  // Warnings from the store (a damaged file found at open) go to stderr.
  newsgraph::io::SetStoreWarningHandler(
      [](const std::string& message) { std::fprintf(stderr, "newsgraph: warning: %s\n", message.c_str()); });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitFatal;
  }
  if (app.get_subcommands().empty()) {
    std::fprintf(stderr, "%s", Usage(app).c_str());
    return kExitFatal;
  }
  if (help->parsed()) {
    if (help_topic.empty()) {
      std::printf("%s", Usage(app).c_str());
      return kExitOk;
    }
    CLI::App* sub = nullptr;
    try {
      sub = app.get_subcommand(help_topic);
    } catch (const CLI::OptionNotFound&) {
    }
    if (!sub || sub == help) {
      std::fprintf(stderr, "newsgraph help: no command \"%s\"\n%s", help_topic.c_str(), Usage(app).c_str());
      return kExitFatal;
    }
    std::printf("%s", sub->help().c_str());
    return kExitOk;
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
      if (name == "check") return check();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  return kExitFatal;
}
