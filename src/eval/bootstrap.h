// Not public: use include/precis/rouge.h. The script's averages: a bootstrap
// whose every resample is seeded as Perl's srand(i) seeds rand(), so the
// resampled means, and the digits they print, come out the same.
#ifndef PRECIS_EVAL_BOOTSTRAP_H_
#define PRECIS_EVAL_BOOTSTRAP_H_

#include <array>
#include <cstdint>
#include <vector>

#include "precis/rouge.h"

namespace precis::rouge {

// Perl's rand() since 5.20: drand48 on a 48-bit state, srand(s) setting it
// to s << 16 | 0x330E.
class PerlRand {
 public:
  explicit PerlRand(uint64_t seed) : state_((seed << 16) + 0x330E) {}
  double Next() {
    state_ = (state_ * 0x5DEECE66Dull + 0xB) & ((uint64_t{1} << 48) - 1);
    return double(state_) * 0x1p-48;
  }
  // int(rand(n))
  size_t Index(size_t n) { return size_t(double(n) * Next()); }

 private:
  uint64_t state_;
};

// Per instance and metric: R, P, F (-t 0) or model count, peer count, hits
// (-t 1). `values[i]` holds 3 doubles per metric. Instances must be in the
// script's order (test ids sorted as strings). Fills the three intervals of
// every metric.
void Bootstrap(const std::vector<std::vector<double>>& values, size_t metrics,
               const Options& options, std::vector<std::array<Interval, 3>>& out);

}  // namespace precis::rouge

#endif  // PRECIS_EVAL_BOOTSTRAP_H_
