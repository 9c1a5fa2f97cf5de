// Same input and options, same bytes: every dev set in ../shared/data,
// summarized through the batch path at 1 and at 2 threads, twice each, with
// --explain (so the dropped spans are compared too). Skips when the data is
// absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "e2e/run_cli.h"

namespace precis::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> DevSets() {
  std::vector<fs::path> sets;
  const fs::path data = fs::path(PRECIS_SHARED_DIR) / "data";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data, ec)) {
    if (fs::exists(entry.path() / "clusters.jsonl")) sets.push_back(entry.path());
  }
  std::sort(sets.begin(), sets.end());
  return sets;
}

TEST(Determinism, DevSetsGiveTheSameBytesAtOneAndTwoThreads) {
  const std::vector<fs::path> sets = DevSets();
  if (sets.empty()) {
    GTEST_SKIP() << PRECIS_SHARED_DIR "/data has no */clusters.jsonl: no dev sets to run";
  }
  for (const fs::path& set : sets) {
    SCOPED_TRACE(set.filename().string());
    const std::string input = (set / "clusters.jsonl").string();
    std::string first;
    for (const char* threads : {"1", "2", "1", "2"}) {
      const std::string out = TempDir() + "/determinism-" + set.filename().string() +
                              "-" + threads + ".jsonl";
      const CliResult r = RunPrecis({"summarize", "--input", "jsonl", "--words", "100",
                                     "--explain", "--threads", threads, input,
                                     "--output", out},
                                    "", 300);
      ASSERT_GE(r.exit_code, 0) << "killed after 300 s";
      ASSERT_EQ(r.exit_code, 0) << r.err;
      const std::string bytes = ReadAll(out);
      ASSERT_FALSE(bytes.empty());
      if (first.empty()) {
        first = bytes;
        continue;
      }
      // Not EXPECT_EQ on the strings: a multi-megabyte diff helps nobody.
      if (bytes != first) {
        size_t at = 0;
        while (at < bytes.size() && at < first.size() && bytes[at] == first[at]) ++at;
        ADD_FAILURE() << "--threads " << threads << " differs from the first run at byte "
                      << at << " of " << first.size();
      }
    }
  }
}

}  // namespace
}  // namespace precis::testing
