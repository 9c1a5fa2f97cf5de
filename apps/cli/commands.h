// Not public: the subcommands of the precis CLI, one file each. Each Add*
// function registers its subcommand on the root app; when CLI11 selects it,
// its callback runs the command and stores the process exit code.
#ifndef PRECIS_APPS_CLI_COMMANDS_H_
#define PRECIS_APPS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace precis::cli {

// Exit codes: the CLI's contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

void AddSummarizeCommand(CLI::App& root, int& exit_code);
void AddSegmentCommand(CLI::App& root, int& exit_code);
void AddEvalCommand(CLI::App& root, int& exit_code);
void AddAlgorithmsCommand(CLI::App& root, int& exit_code);
void AddExtractCommand(CLI::App& root, int& exit_code);
void AddServeCommand(CLI::App& root, int& exit_code);

}  // namespace precis::cli

#endif  // PRECIS_APPS_CLI_COMMANDS_H_
