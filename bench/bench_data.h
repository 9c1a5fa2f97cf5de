// Bench helper: dev-set clusters for the Google Benchmark programs.
#ifndef PRECIS_BENCH_BENCH_DATA_H_
#define PRECIS_BENCH_BENCH_DATA_H_

#include <cstddef>
#include <fstream>
#include <string>
#include <unordered_set>
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

// One cluster of `n` Multi-News documents (validation, then test), each
// text once (the sets repeat some articles across clusters: copies would be
// dropped as duplicates, and time would measure that), renumbered "0", "1",
// ... Fewer when the files hold fewer distinct texts: callers check.
inline Cluster DistinctNewsDocuments(size_t n) {
  Cluster big;
  std::unordered_set<std::string> seen;
  for (const char* set : {"multinews-val", "multinews-test"}) {
    for (const Cluster& c :
         LoadClusters(std::string(PRECIS_SHARED_DIR "/data/") + set + "/clusters.jsonl", 10000)) {
      for (const Document& d : c.docs) {
        if (big.docs.size() == n) return big;
        if (!seen.insert(d.text).second) continue;
        Document copy = d;
        copy.id = std::to_string(big.docs.size());
        big.docs.push_back(std::move(copy));
      }
    }
  }
  return big;
}

}  // namespace precis

#endif  // PRECIS_BENCH_BENCH_DATA_H_
