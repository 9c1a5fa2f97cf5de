// ROUGE-1/2/L F on single-reference pairs (one peer, one model), the unit
// rouge-score is usually timed on. Pairs are the references of
// ../shared/data/duc2003-t3 scored against each other (about 100 words each),
// or random text when the data is absent. Reports pairs/s.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "precis/rouge.h"

namespace {

namespace fs = std::filesystem;
using precis::rouge::Document;

std::vector<std::pair<Document, Document>> LoadPairs() {
  std::vector<std::pair<Document, Document>> pairs;
  const fs::path refs = fs::path(PRECIS_SHARED_DIR) / "data/duc2003-t3/refs";
  std::map<std::string, std::vector<Document>> by_cluster;
  if (fs::exists(refs)) {
    for (const auto& e : fs::directory_iterator(refs)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream b;
      b << in.rdbuf();
      const std::string name = e.path().filename().string();
      by_cluster[name.substr(0, name.find('.'))].push_back(precis::rouge::PlainTextDocument(b.str()));
    }
    for (const auto& [c, docs] : by_cluster) {
      for (size_t i = 0; i < docs.size(); ++i) {
        for (size_t j = 0; j < docs.size(); ++j) {
          if (i != j) pairs.emplace_back(docs[i], docs[j]);
        }
      }
    }
  }
  if (pairs.empty()) {
    std::mt19937 rng(1);
    auto text = [&] {
      std::string s;
      for (int w = 0; w < 100; ++w) {
        s += 'w';
        s += std::to_string(rng() % 300);
        s += w % 20 == 19 ? " .\n" : " ";
      }
      return precis::rouge::PlainTextDocument(s);
    };
    for (int i = 0; i < 300; ++i) pairs.emplace_back(text(), text());
  }
  return pairs;
}

void BM_Rouge12L_F(benchmark::State& state) {
  static const auto pairs = LoadPairs();
  precis::rouge::Options options;
  options.max_ngram = 2;
  options.stem = state.range(0) != 0;
  // Check the answer first: a summary against itself scores 1 everywhere.
  const Document& d = pairs[0].first;
  auto self = precis::rouge::ScorePair(d, std::span(&d, 1), options);
  if (!self.ok() || self->size() != 3 || (*self)[0].f != 1 || (*self)[1].f != 1 || (*self)[2].f != 1) {
    state.SkipWithError("self-score is not 1");
    return;
  }
  size_t i = 0;
  double sink = 0;
  for (auto _ : state) {
    const auto& [peer, model] = pairs[i++ % pairs.size()];
    auto r = precis::rouge::ScorePair(peer, std::span(&model, 1), options);
    sink += (*r)[2].f;
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(int64_t(state.iterations()));
  state.counters["pairs"] = double(pairs.size());
}
BENCHMARK(BM_Rouge12L_F)->Arg(0)->Arg(1)->ArgName("stem");

}  // namespace

BENCHMARK_MAIN();
