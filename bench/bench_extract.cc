// HTML extraction throughput: the 990 pages of
// ../shared/data/html-extraction-dev, decompressed into memory first, then
// extracted one after another on one thread. Reports pages/s and bytes/s.
//
//   build/bench/bench_extract                    # the benchmark
//   build/bench/bench_extract --dump=out.jsonl   # {"id","text"} per page, for
//                                                # the dev set's score.py
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "precis/html.h"

namespace precis {
namespace {

struct Page {
  std::string id;
  std::string bytes;
};

std::string Gunzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

const std::vector<Page>& DevPages() {
  static const std::vector<Page> pages = [] {
    std::vector<Page> v;
    const std::filesystem::path dir =
        std::filesystem::path(PRECIS_SHARED_DIR) / "data/html-extraction-dev/html";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return v;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
      std::string name = p.filename().string();
      const size_t dot = name.find('.');
      v.push_back({name.substr(0, dot), Gunzip(p.string())});
    }
    return v;
  }();
  return pages;
}

void BM_ExtractDevPages(benchmark::State& state) {
  const auto& pages = DevPages();
  if (pages.empty()) {
    state.SkipWithError("no dev pages (../shared/data/html-extraction-dev)");
    return;
  }
  // Check the answer before timing: nearly every dev page has article text.
  size_t with_text = 0, bytes = 0;
  for (const Page& p : pages) {
    auto r = ExtractHtml(p.bytes);
    if (r.ok() && !r->text.empty()) ++with_text;
    bytes += p.bytes.size();
  }
  if (with_text * 100 < pages.size() * 95) {
    state.SkipWithError("fewer than 95% of the dev pages gave text");
    return;
  }
  for (auto _ : state) {
    for (const Page& p : pages) {
      auto r = ExtractHtml(p.bytes);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["pages/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * pages.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractDevPages)->Unit(benchmark::kMillisecond)->MinTime(5);

// A 20 MB page of article paragraphs and markup: throughput on a big input.
void BM_ExtractLargePage(benchmark::State& state) {
  std::string page = "<!doctype html><html><head><title>t</title></head><body><article>";
  const std::string para =
      "<p>The council said on Tuesday that the <a href=\"/x\">new bridge</a> would open "
      "in May, two years late &amp; over budget, after &quot;long&quot; talks.</p>\n";
  while (page.size() < (20u << 20)) page += para;
  page += "</article></body></html>";
  for (auto _ : state) {
    auto r = ExtractHtml(page);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_ExtractLargePage)->Unit(benchmark::kMillisecond);

int Dump(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  for (const Page& p : DevPages()) {
    auto r = ExtractHtml(p.bytes);
    nlohmann::json j;
    j["id"] = p.id;
    j["text"] = r.ok() ? r->text : "";
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return out ? 0 : 1;
}

}  // namespace
}  // namespace precis

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--dump=", 7) == 0) return precis::Dump(argv[i] + 7);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
