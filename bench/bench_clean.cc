// Cleaning cost: the clean stage alone against the whole summarize call on
// the same 100-document cluster (Multi-News documents, made noisy the way
// bench/noise/inject.py does: repeated titles, boilerplate, sidebars). The
// issue's target: cleaning under 20% of the summarize time.
#include <benchmark/benchmark.h>

#include <fstream>

#include "clean/clean.h"
#include "precis/io.h"
#include "precis/summarizer.h"
#include "text/sentences.h"

namespace precis {
namespace {

const Cluster& NoisyCluster() {
  static const Cluster cluster = [] {
    Cluster c;
    std::ifstream f(PRECIS_SHARED_DIR "/data/multinews-val/clusters.jsonl");
    const char* noise[] = {"Share this story on Facebook", "By Staff Writer",
                           "Home | World | Politics", "Updated 10:32 GMT, 4 June 2024"};
    for (std::string line; c.docs.size() < 100 && std::getline(f, line);) {
      auto r = ParseJsonlLine(line);
      if (!r.cluster.ok()) continue;
      for (Document d : r.cluster->docs) {
        if (c.docs.size() == 100) break;
        const std::string title = d.text.substr(0, d.text.find_first_of(".\n"));
        d.text = title + "\n\n" + title + "\n\n" + noise[c.docs.size() % 4] + "\n\n" +
                 d.text + "\n\nOther news headline number " + std::to_string(c.docs.size());
        d.id = std::to_string(c.docs.size());
        c.docs.push_back(std::move(d));
      }
    }
    return c;
  }();
  return cluster;
}

// The whole call with the default algorithm, and with mmr, the fastest
// multi-document system, against which cleaning weighs most.
void BM_Summarize100(benchmark::State& state, const char* algorithm) {
  const Cluster& c = NoisyCluster();
  if (c.docs.size() < 100) return state.SkipWithError("../shared/data absent");
  SummarizerOptions o;
  o.budget = {BudgetUnit::kWords, 250};
  if (*algorithm) o.algorithm = algorithm;
  auto summarizer = Summarizer::Create(o);
  for (auto _ : state) benchmark::DoNotOptimize(summarizer->Summarize(c));
}
BENCHMARK_CAPTURE(BM_Summarize100, default, "")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Summarize100, mmr, "mmr")->Unit(benchmark::kMillisecond);

void BM_CleanOnly100(benchmark::State& state) {
  const Cluster& c = NoisyCluster();
  if (c.docs.size() < 100) return state.SkipWithError("../shared/data absent");
  auto stemmer = Stemmer::Create("en");
  const AnalyzedCluster analyzed =
      AnalyzeCluster(c, {}, StopwordSet::ForLanguage("en"), *stemmer);
  const CleanResult check = CleanSentences(c, analyzed, {});
  if (check.dropped.empty()) return state.SkipWithError("nothing cleaned");
  for (auto _ : state) benchmark::DoNotOptimize(CleanSentences(c, analyzed, {}));
  state.counters["dropped"] = double(check.dropped.size());
}
BENCHMARK(BM_CleanOnly100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace precis

BENCHMARK_MAIN();
