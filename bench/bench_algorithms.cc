// Per-algorithm time for a 10-document news cluster (~6,000 words: the
// duc2003-t3 clusters, 100 words, truncated), one core; and the default
// algorithm's growth with cluster size (10, 100, 1000 documents drawn from
// Multi-News); and a budget past the input's length on 1 to 4 MB of text.
// Checks each summary is non-empty before timing. Results:
// bench/results/algorithms-2026-11-25.md. Skips when ../shared is absent.
#include <benchmark/benchmark.h>

#include <string>

#include "bench_data.h"
#include "precis/io.h"
#include "precis/summarizer.h"

namespace precis {
namespace {

void Run(benchmark::State& state, const std::vector<Cluster>& clusters,
         const SummarizerOptions& options) {
  if (clusters.empty()) {
    state.SkipWithError("data absent (../shared/data)");
    return;
  }
  auto summarizer = Summarizer::Create(options);
  if (!summarizer.ok()) {
    state.SkipWithError(summarizer.status().message().c_str());
    return;
  }
  size_t docs = 0;
  for (const Cluster& c : clusters) {
    auto s = summarizer->Summarize(c);
    if (!s.ok() || s->sentences.empty()) {
      state.SkipWithError("empty summary");
      return;
    }
    docs += c.docs.size();
  }
  for (auto _ : state) {
    for (const Cluster& c : clusters) benchmark::DoNotOptimize(summarizer->Summarize(c));
  }
  state.SetItemsProcessed(int64_t(state.iterations() * docs));
  // Inverted rate: seconds per cluster.
  state.counters["s/cluster"] = benchmark::Counter(
      double(state.iterations() * clusters.size()),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

const std::vector<Cluster>& Duc() {
  static const auto c = LoadClusters(PRECIS_SHARED_DIR "/data/duc2003-t3/clusters.jsonl", 30);
  return c;
}

void BM_Algorithm(benchmark::State& state, const std::string& name) {
  SummarizerOptions o;
  o.algorithm = name;
  o.budget = {BudgetUnit::kWords, 100};
  o.truncate = true;
  Run(state, Duc(), o);
}

void BM_DefaultClusterSize(benchmark::State& state) {
  const Cluster big = DistinctNewsDocuments(size_t(state.range(0)));
  if (!big.docs.empty() && big.docs.size() < size_t(state.range(0))) {
    state.SkipWithError("Multi-News holds fewer distinct documents than asked for");
    return;
  }
  SummarizerOptions o;
  o.budget = {BudgetUnit::kWords, 250};
  o.truncate = true;
  Run(state, big.docs.empty() ? std::vector<Cluster>{} : std::vector<Cluster>{big}, o);
}

// A budget past the input's length takes every sentence that is not
// redundant with one taken before it: thousands, each checked against those
// taken (select/redundancy.h, TakenSentences). One document of the first
// `range(0)` MB of the dev sets' news text, --words 1000000000.
void BM_WholeInputBudget(benchmark::State& state, const std::string& name) {
  static const std::string text = [] {
    std::string all;
    for (const char* set : {"duc2003-t3", "multinews-val", "multinews-test"}) {
      for (const Cluster& c :
           LoadClusters(std::string(PRECIS_SHARED_DIR "/data/") + set + "/clusters.jsonl", 1000)) {
        for (const Document& d : c.docs) all += d.text + "\n\n";
      }
    }
    return all;
  }();
  const size_t bytes = size_t(state.range(0)) << 20;
  std::vector<Cluster> one;
  if (text.size() >= bytes) {
    // Cut at a paragraph break, so no sentence is split.
    const size_t cut = text.rfind("\n\n", bytes);
    Cluster c;
    c.docs.push_back({"all", "", "", text.substr(0, cut == std::string::npos ? bytes : cut)});
    one.push_back(std::move(c));
  }
  SummarizerOptions o;
  o.algorithm = name;
  o.budget = {BudgetUnit::kWords, 1e9};
  Run(state, one, o);
}

int Register() {
  for (const AlgorithmInfo& a : Algorithms()) {
    benchmark::RegisterBenchmark(("BM_Algorithm/" + a.name).c_str(), BM_Algorithm, a.name)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RegisterBenchmark("BM_DefaultClusterSize", BM_DefaultClusterSize)
      ->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
  for (const char* name : {"lead", "precis", "mmr"}) {
    benchmark::RegisterBenchmark((std::string("BM_WholeInputBudget/") + name).c_str(),
                                 BM_WholeInputBudget, std::string(name))
        ->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond);
  }
  return 0;
}
const int kRegistered = Register();

}  // namespace
}  // namespace precis

BENCHMARK_MAIN();
