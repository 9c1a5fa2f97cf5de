// Sentence segmentation throughput, in bytes/s: a synthetic news text made
// here (deterministic), the documents of ../shared/data/multinews-val when
// present, and the worst cases the segmenter promises to keep linear.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "precis/segment.h"

namespace precis {
namespace {

// A fixed-seed generator, so every run segments the same bytes.
class Lcg {
 public:
  uint32_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33);
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Next() % v.size()]; }

 private:
  uint64_t state_ = 42;
};

// News-like prose: headlines, datelines, abbreviations, numbers, quotes and
// paragraphs, about `bytes` long.
std::string SyntheticNews(size_t bytes) {
  const std::vector<std::string> subjects = {
      "The company", "Mr. Smith", "Gov. Ann Lee", "The U.S. Treasury",
      "Acme Corp.", "Analysts", "Sen. Warren", "Officials in Washington",
      "The No. 2 carrier", "Dr. Jones of Boston University"};
  const std::vector<std::string> verbs = {
      "said", "reported", "expects", "denied", "announced", "warned"};
  const std::vector<std::string> objects = {
      "that revenue rose 4.5 percent to $3.2 billion",
      "a new plan on Jan. 15",
      "the deal with Pitt, Briggs & Co. at noon",
      "that talks would resume at 10 a.m. Friday",
      "earnings of $1.05 a share, above forecasts",
      "the report, citing e-mails sent to jane.doe@example.com",
      "the ruling in Roe v. Wade",
      "that prices at https://www.example.com/prices.html were wrong"};
  const std::vector<std::string> quotes = {
      "\"We are confident,\" she said.", "\"This is great.\" He left.",
      "\xE2\x80\x9CIt is over,\xE2\x80\x9D a spokesman said.",
      "Why now? Nobody knows..."};
  Lcg rng;
  std::string text;
  text.reserve(bytes + 256);
  while (text.size() < bytes) {
    text += "Markets rally as inflation cools\n\nNEW YORK (Reuters) - ";
    int sentences = 3 + rng.Next() % 6;
    for (int s = 0; s < sentences; ++s) {
      if (rng.Next() % 4 == 0) {
        text += rng.Pick(quotes);
      } else {
        text += rng.Pick(subjects) + " " + rng.Pick(verbs) + " " +
                rng.Pick(objects) + ".";
      }
      text += s + 1 < sentences ? " " : "\n\n";
    }
  }
  return text;
}

size_t CountSentences(const std::vector<std::string>& docs) {
  size_t count = 0;
  for (const std::string& doc : docs) count += SegmentSentences(doc).size();
  return count;
}

void RunOn(benchmark::State& state, const std::vector<std::string>& docs,
           size_t min_sentences) {
  size_t bytes = 0;
  for (const std::string& doc : docs) bytes += doc.size();
  // Check the answer before timing it.
  size_t sentences = CountSentences(docs);
  if (sentences < min_sentences) {
    state.SkipWithError("segmenter found too few sentences");
    return;
  }
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      benchmark::DoNotOptimize(SegmentSentences(doc));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(docs.size()), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["sentences"] = static_cast<double>(sentences);
}

void BM_SyntheticNews(benchmark::State& state) {
  static const std::vector<std::string> docs = {SyntheticNews(8 << 20)};
  // Roughly one sentence per 80 bytes of this text.
  RunOn(state, docs, docs[0].size() / 200);
}
BENCHMARK(BM_SyntheticNews)->Unit(benchmark::kMillisecond);

void BM_MultiNewsVal(benchmark::State& state) {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    std::ifstream in(PRECIS_SHARED_DIR "/data/multinews-val/clusters.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto cluster = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!cluster.is_object() || !cluster.contains("docs")) continue;
      for (const auto& doc : cluster["docs"]) {
        if (doc.contains("text") && doc["text"].is_string()) {
          out.push_back(doc["text"].get<std::string>());
        }
      }
    }
    return out;
  }();
  if (docs.empty()) {
    state.SkipWithError("../shared/data/multinews-val/clusters.jsonl is absent");
    return;
  }
  RunOn(state, docs, docs.size());
}
BENCHMARK(BM_MultiNewsVal)->Unit(benchmark::kMillisecond);

// The promised worst cases: 50 MB with no line break and no sentence end,
// and a million tokens on one line.
void BM_NoBoundary50MB(benchmark::State& state) {
  static const std::vector<std::string> docs = [] {
    std::string text;
    text.reserve(50 << 20);
    while (text.size() < (50u << 20)) text += "word a.b U.S 3.5 ";
    return std::vector<std::string>{text};
  }();
  RunOn(state, docs, 1);
}
BENCHMARK(BM_NoBoundary50MB)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_MillionTokensOneLine(benchmark::State& state) {
  static const std::vector<std::string> docs = [] {
    std::string text;
    for (int i = 0; i < 1000000; ++i) text += i % 10 == 9 ? "Mr. " : "tok ";
    return std::vector<std::string>{text};
  }();
  RunOn(state, docs, 1);
}
BENCHMARK(BM_MillionTokensOneLine)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace precis

BENCHMARK_MAIN();
