// Not public: helpers the CLI subcommands share.
#ifndef PRECIS_APPS_CLI_CLI_IO_H_
#define PRECIS_APPS_CLI_CLI_IO_H_

#include <string>
#include <string_view>

#include "precis/status.h"

namespace precis::cli {

// Prints "precis: <message>" to stderr and returns the exit code for it:
// kExitUsage for kInvalidArgument, kExitBadInput otherwise.
int ReportError(const Status& status);

// Writes all of `bytes` to stdout.
void WriteStdout(std::string_view bytes);

}  // namespace precis::cli

#endif  // PRECIS_APPS_CLI_CLI_IO_H_
