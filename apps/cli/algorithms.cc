// precis algorithms: the values --algorithm takes, one per line, with what
// each does. The default comes first and is marked.
#include <cstdio>

#include "commands.h"
#include "precis/summarizer.h"

namespace precis::cli {

void AddAlgorithmsCommand(CLI::App& root, int& exit_code) {
  CLI::App* sub = root.add_subcommand(
      "algorithms", "List the summarization algorithms --algorithm takes");
  sub->callback([&exit_code] {
    const std::string default_name = SummarizerOptions().algorithm;
    for (const AlgorithmInfo& a : Algorithms()) {
      std::printf("%-18s %s%s\n", a.name.c_str(), a.description.c_str(),
                  a.name == default_name ? " (default)" : "");
    }
    exit_code = kExitOk;
  });
}

}  // namespace precis::cli
