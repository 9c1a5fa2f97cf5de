#include "score/pagerank.h"

#include <cmath>

namespace precis {

std::vector<double> PageRank(const DenseGraph& g, const PageRankOptions& options) {
  const size_t n = g.n;
  if (n == 0) return {};
  std::vector<double> out_weight(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) out_weight[i] += g.at(i, j);
  }
  std::vector<double> p(n, 1.0 / n), next(n);
  const double d = options.damping;
  for (int it = 0; it < options.max_iterations; ++it) {
    // Mass of dangling nodes is spread uniformly, so p stays a distribution.
    double dangling = 0;
    for (size_t i = 0; i < n; ++i) {
      if (out_weight[i] == 0) dangling += p[i];
    }
    const double base = (1 - d) / n + d * dangling / n;
    for (size_t j = 0; j < n; ++j) next[j] = base;
    for (size_t i = 0; i < n; ++i) {
      if (out_weight[i] == 0) continue;
      const double share = d * p[i] / out_weight[i];
      const double* row = &g.w[i * n];
      for (size_t j = 0; j < n; ++j) next[j] += share * row[j];
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) change += std::fabs(next[i] - p[i]);
    p.swap(next);
    if (change < options.tolerance) break;
  }
  return p;
}

}  // namespace precis
