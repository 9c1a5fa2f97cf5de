// Runs the built precis binary (PRECIS_BINARY) for end-to-end tests.
#ifndef PRECIS_TESTS_E2E_RUN_CLI_H_
#define PRECIS_TESTS_E2E_RUN_CLI_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace precis::testing {

struct CliResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f << bytes;
}

inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// A scratch directory unique to this process.
inline std::string TempDir() {
  static const std::string dir = [] {
    std::string d = ::testing::TempDir() + "precis_e2e_" + std::to_string(getpid());
    std::system(("mkdir -p " + ShellQuote(d)).c_str());
    return d;
  }();
  return dir;
}

// Runs `precis args...` with `input` on stdin, under a time limit (seconds).
inline CliResult RunPrecis(const std::vector<std::string>& args,
                           const std::string& input = "", int timeout_s = 60) {
  static int counter = 0;
  const std::string base = TempDir() + "/run" + std::to_string(counter++);
  WriteAll(base + ".in", input);
  // Appended piece by piece: g++ 12 warns (-Wrestrict, a false positive) on
  // "literal" + std::string here.
  std::string cmd = "timeout -s KILL ";
  auto arg = [&cmd](const std::string& word) {
    cmd += ' ';
    cmd += ShellQuote(word);
  };
  cmd += std::to_string(timeout_s);
  arg(PRECIS_BINARY);
  for (const auto& a : args) arg(a);
  cmd += " <";
  arg(base + ".in");
  cmd += " >";
  arg(base + ".out");
  cmd += " 2>";
  arg(base + ".err");
  const int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (r.exit_code == 137) r.exit_code = -1;  // killed by timeout
  r.out = ReadAll(base + ".out");
  r.err = ReadAll(base + ".err");
  return r;
}

inline std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::stringstream ss(s);
  for (std::string line; std::getline(ss, line);) lines.push_back(line);
  return lines;
}

// The names `precis algorithms` lists, in its order; a failing run is a test
// failure (and gives no names).
inline std::vector<std::string> AlgorithmNames() {
  const CliResult list = RunPrecis({"algorithms"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  std::vector<std::string> names;
  if (list.exit_code != 0) return names;
  for (const std::string& line : Lines(list.out)) {
    if (!line.empty()) names.push_back(line.substr(0, line.find(' ')));
  }
  return names;
}

}  // namespace precis::testing

#endif  // PRECIS_TESTS_E2E_RUN_CLI_H_
