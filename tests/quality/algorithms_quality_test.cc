// ROUGE floors per algorithm on the development sets, just under what
// bench/quality/run.py measured (bench/results/quality-2026-11-27.md), so a
// regression in any stage fails here. Runs the precis binary (summarize, then
// eval) exactly as the quality loop does. Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string_view>
#include <nlohmann/json.hpp>

#include "e2e/run_cli.h"

namespace precis::testing {
namespace {

struct Floor {
  const char* set;
  const char* algorithm;
  double rouge1;  // x100, recall or F1 as the set's README prescribes
  double rouge2;
};

struct SetSpec {
  const char* name;  // a folder of ../shared/data, then "@view" for another budget
  std::vector<std::string> budget;
  std::vector<std::string> eval_flags;
  const char* measure;  // "R" or "F"
};

const std::vector<SetSpec> kSets = {
    {"duc2003-t3", {"--words", "100", "--truncate"},
     {"-n", "2", "-m", "-a", "-l", "100", "-x", "-c", "95", "-r", "1000", "-f", "A", "-p",
      "0.5", "-t", "0"},
     "R"},
    {"multinews-val", {"--words", "264", "--truncate"},
     {"-n", "2", "-m", "-a", "-x", "-l", "264", "-c", "95", "-r", "1000", "-f", "A", "-p",
      "0.5", "-t", "0"},
     "F"},
    // The held-out DUC 2004 check's budget (100 words, recall) on web news.
    {"multinews-val@100w", {"--words", "100", "--truncate"},
     {"-n", "2", "-m", "-a", "-x", "-l", "100", "-c", "95", "-r", "1000", "-f", "A", "-p",
      "0.5", "-t", "0"},
     "R"},
    {"bbc-news-300", {"--ratio", "0.4"},
     {"-n", "2", "-m", "-a", "-x", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t",
      "0"},
     "F"},
};

// Measured values minus about 0.3 (R-1) and 0.2 (R-2).
const Floor kFloors[] = {
    {"duc2003-t3", "precis", 37.3, 9.0},
    {"duc2003-t3", "ilp", 37.0, 9.0},
    {"duc2003-t3", "coverage", 36.25, 8.75},
    {"duc2003-t3", "centroid", 36.35, 7.8},
    {"duc2003-t3", "lexrank-threshold", 36.05, 6.95},
    {"duc2003-t3", "mmr", 36.7, 7.75},
    {"duc2003-t3", "klsum", 37.0, 7.1},
    {"duc2003-t3", "submodular", 37.25, 7.5},
    {"multinews-val", "precis", 46.6, 16.5},
    {"multinews-val", "ilp", 45.5, 15.1},
    {"multinews-val", "coverage", 45.75, 15.5},
    {"multinews-val", "centroid", 45.0, 14.9},
    {"multinews-val", "mmr", 45.3, 14.8},
    {"multinews-val", "submodular", 44.7, 13.8},
    {"multinews-val@100w", "precis", 39.1, 12.1},
    {"multinews-val@100w", "mmr", 39.2, 11.5},
    {"bbc-news-300", "precis", 77.25, 70.3},  // single documents: TextRank
};

std::string Flatten(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (ws) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

class AlgorithmQuality : public ::testing::TestWithParam<Floor> {};

TEST_P(AlgorithmQuality, AboveFloor) {
  const Floor& floor = GetParam();
  const SetSpec* spec = nullptr;
  for (const SetSpec& s : kSets) {
    if (std::string(s.name) == floor.set) spec = &s;
  }
  ASSERT_NE(spec, nullptr);
  std::string folder = PRECIS_SHARED_DIR "/data/";
  const std::string_view name = spec->name;
  folder.append(name.substr(0, name.find('@')));  // as bench/quality/run.py's folder_of
  if (!std::filesystem::exists(folder + "/clusters.jsonl")) {
    GTEST_SKIP() << folder << " is absent: the quality floors need ../shared/data";
  }
  std::vector<std::string> args = {"summarize", "--input", "jsonl", "--format", "json",
                                   "--algorithm", floor.algorithm};
  args.insert(args.end(), spec->budget.begin(), spec->budget.end());
  args.push_back(folder + "/clusters.jsonl");
  const CliResult r = RunPrecis(args, "", 300);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string peers = TempDir();
  peers.append("/peers-").append(floor.set).append("-").append(floor.algorithm);
  std::filesystem::remove_all(peers);
  std::filesystem::create_directories(peers);
  size_t clusters = 0;
  for (const std::string& line : Lines(r.out)) {
    const auto j = nlohmann::json::parse(line);
    ASSERT_FALSE(j.contains("error")) << line;
    std::string text;
    for (const auto& s : j.at("sentences")) text.append(Flatten(s.at("text"))).append("\n");
    std::string path = peers;
    path.append("/").append(j.at("id").get<std::string>()).append(".txt");
    WriteAll(path, text);
    ++clusters;
  }
  ASSERT_GT(clusters, 0u);
  std::vector<std::string> eval = {"eval"};
  eval.insert(eval.end(), spec->eval_flags.begin(), spec->eval_flags.end());
  eval.insert(eval.end(), {"--peers", peers, "--models", folder + "/refs", "--system",
                           floor.algorithm, "--format", "json"});
  const CliResult e = RunPrecis(eval, "", 300);
  ASSERT_EQ(e.exit_code, 0) << e.err;
  const auto scores = nlohmann::json::parse(e.out).at("systems").at(floor.algorithm);
  const double r1 = 100 * scores.at("ROUGE-1").at(spec->measure).at("mean").get<double>();
  const double r2 = 100 * scores.at("ROUGE-2").at(spec->measure).at("mean").get<double>();
  EXPECT_GE(r1, floor.rouge1) << floor.algorithm << " on " << floor.set;
  EXPECT_GE(r2, floor.rouge2) << floor.algorithm << " on " << floor.set;
  std::printf("%s %s: R-1 %.2f R-2 %.2f\n", floor.set, floor.algorithm, r1, r2);
}

INSTANTIATE_TEST_SUITE_P(Floors, AlgorithmQuality, ::testing::ValuesIn(kFloors),
                         [](const ::testing::TestParamInfo<Floor>& info) {
                           std::string name = info.param.set;
                           name.append("_").append(info.param.algorithm);
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace precis::testing
