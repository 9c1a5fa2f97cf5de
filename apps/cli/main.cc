// precis: the command-line front end. A thin shim: parse flags, call the
// library, print, map Status to an exit code (0 ok, 1 bad input, 2 usage).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "commands.h"
#include "heap.h"

int main(int argc, char** argv) {
  precis::cli::PrepareHeap();
  CLI::App app{
      "precis: faithful extractive summaries of news articles and clusters,\n"
      "with byte-exact provenance for every sentence."};
  app.name("precis");
  app.require_subcommand(1);
  app.set_version_flag("--version", "precis 0.1.0");
  int exit_code = precis::cli::kExitOk;
  precis::cli::AddSummarizeCommand(app, exit_code);
  precis::cli::AddSegmentCommand(app, exit_code);
  precis::cli::AddEvalCommand(app, exit_code);
  precis::cli::AddAlgorithmsCommand(app, exit_code);
  precis::cli::AddExtractCommand(app, exit_code);
  precis::cli::AddServeCommand(app, exit_code);
  // CLI11 would answer "A subcommand is required" to a misspelt command.
  std::string names;
  bool known = false;
  for (const CLI::App* sub : app.get_subcommands({})) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
    known |= argc >= 2 && sub->get_name() == argv[1];
  }
  if (argc >= 2 && argv[1][0] != '-' && !known) {
    std::fprintf(stderr, "precis: unknown command '%s'; commands: %s (precis --help)\n",
                 argv[1], names.c_str());
    return precis::cli::kExitUsage;
  }
  // ... and "A subcommand is required" to a misspelt option before one.
  if (argc >= 2 && argv[1][0] == '-' && std::strcmp(argv[1], "--help") != 0 &&
      std::strcmp(argv[1], "-h") != 0 && std::strcmp(argv[1], "--version") != 0) {
    std::fprintf(stderr,
                 "precis: unknown option '%s'; options go after a command: %s "
                 "(precis --help)\n",
                 argv[1], names.c_str());
    return precis::cli::kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return precis::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "precis: internal error: %s\n", e.what());
    return precis::cli::kExitBadInput;
  }
  // Output lost to a full disk or a closed pipe is an error, not success.
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    std::fprintf(stderr, "precis: cannot write the output: %s\n", std::strerror(errno));
    return precis::cli::kExitBadInput;
  }
  return exit_code;
}
