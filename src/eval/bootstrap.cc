#include "eval/bootstrap.h"

#include <algorithm>

namespace precis::rouge {

void Bootstrap(const std::vector<std::vector<double>>& values, size_t metrics,
               const Options& options, std::vector<std::array<Interval, 3>>& out) {
  const size_t n = values.size();
  const size_t width = metrics * 3;
  const size_t samples = size_t(options.resamples);
  // samples[k][s]: column k (metric * 3 + measure) of resample s.
  std::vector<std::vector<double>> drawn(width, std::vector<double>(samples, 0.0));
  std::vector<double> sum(width);
  for (size_t s = 0; s < samples; ++s) {
    PerlRand rand(s);
    std::fill(sum.begin(), sum.end(), 0.0);
    for (size_t k = 0; k < n; ++k) {
      const std::vector<double>& row = values[rand.Index(n)];
      for (size_t c = 0; c < width; ++c) sum[c] += row[c];
    }
    for (size_t m = 0; m < metrics; ++m) {
      double* v = &sum[m * 3];
      if (n == 0) {
        v[0] = v[1] = v[2] = 0;
      } else if (options.counting == Counting::kSentence) {
        v[0] /= double(n);
        v[1] /= double(n);
        v[2] /= double(n);
      } else {
        // Pooled counts: model, peer, hits -> R, P, F of the sample.
        const double r = v[0] > 0 ? v[2] / v[0] : 0;
        const double p = v[1] > 0 ? v[2] / v[1] : 0;
        const double a = options.alpha;
        const double f = (1 - a) * p + a * r > 0 ? (r * p) / ((1 - a) * p + a * r) : 0;
        v[0] = r;
        v[1] = p;
        v[2] = f;
      }
      for (int c = 0; c < 3; ++c) drawn[m * 3 + c][s] = v[c];
    }
  }

  // The interval bounds interpolate between neighbouring order statistics,
  // with indices computed as the script computes them.
  const double r = double(samples);
  const double delta = r * ((100 - options.confidence) / 2.0) / 100.0;
  const long upper_a = long(r - delta - 1);
  const long lower_a = long(delta);
  const double ratio = r - delta - 1 - double(upper_a);
  out.assign(metrics, {});
  for (size_t k = 0; k < width; ++k) {
    std::vector<double>& d = drawn[k];
    std::sort(d.begin(), d.end());
    double total = 0;
    for (double x : d) total += x;
    auto at = [&](long i) {  // Perl reads past the end as 0
      return i >= 0 && size_t(i) < d.size() ? d[size_t(i)] : 0.0;
    };
    Interval& iv = out[k / 3][k % 3];
    iv.mean = total / r;
    iv.low = at(lower_a) + (at(lower_a + 1) - at(lower_a)) * ratio;
    iv.high = at(upper_a) + (at(upper_a + 1) - at(upper_a)) * ratio;
  }
}

}  // namespace precis::rouge
