#include "cli_io.h"

#include <cstdio>

#include "commands.h"

namespace precis::cli {

int ReportError(const Status& status) {
  std::fprintf(stderr, "precis: %s\n", status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitBadInput;
}

void WriteStdout(std::string_view bytes) {
  std::fwrite(bytes.data(), 1, bytes.size(), stdout);
}

}  // namespace precis::cli
