// Not public: the JSON Lines batch path of precis summarize.
#ifndef PRECIS_APPS_CLI_BATCH_H_
#define PRECIS_APPS_CLI_BATCH_H_

#include <string>
#include <vector>

#include "precis/summarizer.h"

namespace precis::cli {

struct BatchArgs {
  std::vector<std::string> files;  // at most one; none or "-" is stdin
  bool explain = false;
  // Worker threads summarizing clusters; 0 means one per core. The output
  // never depends on it.
  int threads = 0;
  // Where results go; empty or "-" is stdout.
  std::string output;
  // Skip input lines whose id already has a line in `output` (which must be a
  // file). A last line without its newline (a run killed mid-write) is cut
  // off and its cluster summarized again.
  bool resume = false;
  // Show a progress bar on stderr. Only honoured when stderr is a terminal.
  bool progress = true;
};

// Reads clusters as JSON Lines and writes one JSON result per input line, in
// input order; a bad line yields an error object in its place. Memory stays
// bounded in the number of clusters: at most a small window of lines per
// thread is held at once. Returns the exit code: 0 when every line of this
// run succeeded, 1 when any failed (or the output could not be written), 2
// on a usage error.
int RunBatch(const BatchArgs& args, const Summarizer& summarizer);

}  // namespace precis::cli

#endif  // PRECIS_APPS_CLI_BATCH_H_
