// Summarize throughput: documents per second, on the bundled example and on
// real clusters from ../shared/data (skipped when absent). Checks the answer
// (a non-empty summary) before timing.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "bench_data.h"
#include "precis/io.h"
#include "precis/summarizer.h"

namespace precis {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void Run(benchmark::State& state, const std::vector<Cluster>& clusters,
         const SummarizerOptions& options) {
  if (clusters.empty()) {
    state.SkipWithError("data absent (../shared/data)");
    return;
  }
  auto summarizer = Summarizer::Create(options);
  size_t docs = 0, bytes = 0;
  for (const Cluster& c : clusters) {
    auto s = summarizer->Summarize(c);
    if (!s.ok() || s->sentences.empty()) {
      state.SkipWithError("empty summary");
      return;
    }
    docs += c.docs.size();
    for (const auto& d : c.docs) bytes += d.text.size();
  }
  for (auto _ : state) {
    for (const Cluster& c : clusters) benchmark::DoNotOptimize(summarizer->Summarize(c));
  }
  state.SetItemsProcessed(int64_t(state.iterations() * docs));
  state.SetBytesProcessed(int64_t(state.iterations() * bytes));
  state.counters["clusters/s"] = benchmark::Counter(
      double(state.iterations() * clusters.size()), benchmark::Counter::kIsRate);
}

void BM_Example(benchmark::State& state) {
  Cluster c;
  for (const char* f : {"coastal-post.txt", "island-radio.txt", "national-wire.txt"}) {
    c.docs.push_back({f, "", "", Slurp(std::string(PRECIS_SOURCE_DIR "/examples/ferry/") + f)});
  }
  Run(state, {c}, {});
}
BENCHMARK(BM_Example);

// DUC-style: ~10 news documents per cluster, 100 words, truncated.
void BM_Duc2003(benchmark::State& state) {
  static const auto clusters =
      LoadClusters(PRECIS_SHARED_DIR "/data/duc2003-t3/clusters.jsonl", 30);
  SummarizerOptions o;
  o.budget = {BudgetUnit::kWords, 100};
  o.truncate = true;
  Run(state, clusters, o);
}
BENCHMARK(BM_Duc2003);

// Growth with cluster size: 10, 100, 1000 distinct documents of Multi-News.
void BM_ClusterSize(benchmark::State& state) {
  const Cluster big = DistinctNewsDocuments(size_t(state.range(0)));
  if (!big.docs.empty() && big.docs.size() < size_t(state.range(0))) {
    state.SkipWithError("Multi-News holds fewer distinct documents than asked for");
    return;
  }
  SummarizerOptions o;
  o.budget = {BudgetUnit::kWords, 250};
  Run(state, big.docs.empty() ? std::vector<Cluster>{} : std::vector<Cluster>{big}, o);
}
BENCHMARK(BM_ClusterSize)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace precis

BENCHMARK_MAIN();
