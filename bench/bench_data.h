// Bench helper: dev-set clusters for the Google Benchmark programs.
#ifndef PRECIS_BENCH_BENCH_DATA_H_
#define PRECIS_BENCH_BENCH_DATA_H_

#include <cstddef>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "precis/io.h"
#include "precis/summarizer.h"

namespace precis {

// The first `max` readable clusters of a JSON Lines file (none when the file
// is absent: benchmarks then skip with a message).
inline std::vector<Cluster> LoadClusters(const std::string& path, size_t max) {
  std::vector<Cluster> out;
  std::ifstream f(path);
  for (std::string line; out.size() < max && std::getline(f, line);) {
    auto r = ParseJsonlLine(line);
    if (r.cluster.ok()) out.push_back(std::move(*r.cluster));
  }
  return out;
}

}  // namespace precis

#endif  // PRECIS_BENCH_BENCH_DATA_H_
