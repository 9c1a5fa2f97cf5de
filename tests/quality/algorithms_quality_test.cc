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
    {"multiling2011-en", {"--words", "250", "--truncate"},
     {"-n", "2", "-m", "-a", "-x", "-l", "250", "-c", "95", "-r", "1000", "-f", "A", "-p",
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

// Every algorithm on every standard set but multinews-test (Multi-News's
// validation half stands for it): the values bench/quality/run.py measured
// minus 0.3 (R-1) and 0.2 (R-2), rounded down to 0.05.
const Floor kFloors[] = {
    {"duc2003-t3", "precis", 37.3, 9.0},
    {"duc2003-t3", "lead", 33.4, 5.65},
    {"duc2003-t3", "luhn", 34.6, 6.65},
    {"duc2003-t3", "lexrank", 35.75, 6.75},
    {"duc2003-t3", "lexrank-threshold", 36.1, 6.95},
    {"duc2003-t3", "textrank", 35.8, 7.35},
    {"duc2003-t3", "centroid", 36.35, 7.75},
    {"duc2003-t3", "sumbasic", 35.05, 5.4},
    {"duc2003-t3", "klsum", 37.2, 7.1},
    {"duc2003-t3", "lsa", 25.85, 2.75},
    {"duc2003-t3", "mmr", 36.7, 7.7},
    {"duc2003-t3", "submodular", 37.2, 7.65},
    {"duc2003-t3", "ilp", 37.15, 8.95},
    {"duc2003-t3", "coverage", 36.25, 8.75},
    {"multiling2011-en", "precis", 49.5, 18.4},
    {"multiling2011-en", "lead", 49.9, 20.3},
    {"multiling2011-en", "luhn", 46.1, 15.55},
    {"multiling2011-en", "lexrank", 49.2, 17.95},
    {"multiling2011-en", "lexrank-threshold", 48.55, 16.35},
    {"multiling2011-en", "textrank", 46.75, 16.25},
    {"multiling2011-en", "centroid", 49.05, 19.65},
    {"multiling2011-en", "sumbasic", 45.95, 13.2},
    {"multiling2011-en", "klsum", 48.05, 14.95},
    {"multiling2011-en", "lsa", 35.85, 7.65},
    {"multiling2011-en", "mmr", 50.1, 20.8},
    {"multiling2011-en", "submodular", 47.05, 14.95},
    {"multiling2011-en", "ilp", 48.4, 16.9},
    {"multiling2011-en", "coverage", 47.85, 17.15},
    {"multinews-val", "precis", 46.5, 16.45},
    {"multinews-val", "lead", 45.4, 15.4},
    {"multinews-val", "luhn", 43.2, 13.6},
    {"multinews-val", "lexrank", 44.55, 14.45},
    {"multinews-val", "lexrank-threshold", 44.65, 14.45},
    {"multinews-val", "textrank", 44.05, 13.9},
    {"multinews-val", "centroid", 45.05, 14.85},
    {"multinews-val", "sumbasic", 44.55, 13.15},
    {"multinews-val", "klsum", 45.6, 13.85},
    {"multinews-val", "lsa", 39.6, 10.75},
    {"multinews-val", "mmr", 45.35, 14.9},
    {"multinews-val", "submodular", 44.8, 14.1},
    {"multinews-val", "ilp", 45.6, 15.25},
    {"multinews-val", "coverage", 45.8, 15.55},
    {"bbc-news-300", "precis", 77.25, 70.35},  // single documents: TextRank
    {"bbc-news-300", "lead", 62.45, 48.95},
    {"bbc-news-300", "luhn", 68.65, 57.75},
    {"bbc-news-300", "lexrank", 73.75, 65.3},
    {"bbc-news-300", "lexrank-threshold", 67.4, 56.05},
    {"bbc-news-300", "textrank", 77.25, 70.35},
    {"bbc-news-300", "centroid", 73.0, 63.95},
    {"bbc-news-300", "sumbasic", 62.05, 47.1},
    {"bbc-news-300", "klsum", 63.9, 49.45},
    {"bbc-news-300", "lsa", 54.65, 38.2},
    {"bbc-news-300", "mmr", 73.0, 63.95},
    {"bbc-news-300", "submodular", 62.55, 47.6},
    {"bbc-news-300", "ilp", 67.5, 55.35},
    {"bbc-news-300", "coverage", 68.65, 57.25},
    {"multinews-val@100w", "precis", 39.1, 12.1},
    {"multinews-val@100w", "mmr", 39.3, 11.5},
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
