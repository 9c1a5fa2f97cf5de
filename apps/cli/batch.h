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
};

// Reads clusters as JSON Lines and writes one JSON result per input line, in
// input order; a bad line yields an error object in its place. Returns the
// exit code: 0 when every line succeeded, 1 otherwise.
int RunBatch(const BatchArgs& args, const Summarizer& summarizer);

}  // namespace precis::cli

#endif  // PRECIS_APPS_CLI_BATCH_H_
