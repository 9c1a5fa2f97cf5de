// precis serve: runs precis-serve, the HTTP server, in this process (exec).
// The server is its own executable so that every other subcommand starts
// without loading cpp-httplib and its TLS libraries (apps/server/main.cc).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_io.h"
#include "commands.h"

namespace precis::cli {
namespace {

// Beside this binary (the build tree), else in libexec (installed).
std::string FindServer() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  const std::filesystem::path dir = self.parent_path();
  for (const auto& candidate :
       {dir / "precis-serve", dir / ".." / "libexec" / "precis" / "precis-serve"}) {
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

int RunServe(const std::vector<std::string>& args) {
  const std::string server = FindServer();
  if (server.empty()) {
    return ReportError(Status::NotFound(
        "serve: precis-serve is not installed beside this precis binary"));
  }
  std::vector<std::string> argv_strings = {"precis serve"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(server.c_str(), argv.data());
  return ReportError(Status::IoError("serve: cannot run " + server + ": " +
                                     std::strerror(errno)));
}

}  // namespace

void AddServeCommand(CLI::App& root, int& exit_code) {
  CLI::App* sub = root.add_subcommand(
      "serve",
      "HTTP JSON API and a web page showing each summary sentence in its\n"
      "source: precis serve --port 8080 (precis serve --help)");
  // Every flag, --help included, is the server's own.
  sub->set_help_flag();
  sub->prefix_command();
  sub->allow_extras();
  sub->callback([sub, &exit_code] { exit_code = RunServe(sub->remaining()); });
}

}  // namespace precis::cli
