// Brute force for the selection tests: the best value of any subset of a
// few items (n up to ~16), for a selector's answer to be checked against.
#ifndef PRECIS_TESTS_UNIT_BRUTE_FORCE_H_
#define PRECIS_TESTS_UNIT_BRUTE_FORCE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace precis {

// Over every subset of items 0..n-1 whose summed cost(i) is within
// `capacity` and which holds no pair (a, b) with redundant(a, b), the
// largest value(subset) (subset ascending); 0 when only the empty one fits.
template <class Cost, class Redundant, class Value>
double BestSubset(size_t n, Cost cost, double capacity, Redundant redundant, Value value) {
  double best = 0;
  std::vector<size_t> subset;
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    subset.clear();
    double used = 0;
    for (size_t i = 0; i < n; ++i) {
      if (mask >> i & 1) {
        subset.push_back(i);
        used += cost(i);
      }
    }
    bool ok = used <= capacity;
    for (size_t a = 0; a < subset.size() && ok; ++a) {
      for (size_t b = a + 1; b < subset.size() && ok; ++b) ok = !redundant(subset[a], subset[b]);
    }
    if (ok) best = std::max(best, value(subset));
  }
  return best;
}

}  // namespace precis

#endif  // PRECIS_TESTS_UNIT_BRUTE_FORCE_H_
