// Not public: request counters and latency histograms for GET /metrics, in
// the Prometheus text exposition format (version 0.0.4).
#ifndef PRECIS_SERVE_METRICS_H_
#define PRECIS_SERVE_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace precis::serve {

// Labels are bounded: a path that is no endpoint counts as "other", so a
// scanner cannot grow the table.
std::string_view RouteLabel(std::string_view path);

class Metrics {
 public:
  // Thread-safe.
  void Record(std::string_view path, int status, double seconds);
  void SetInFlight(long n) { in_flight_.store(n, std::memory_order_relaxed); }
  std::string Render() const;

  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 14> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
      0.1,    0.25,  0.5,    1,     2.5,  5,     10};

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size() + 1> counts{};  // last: +Inf only
    double sum = 0;
    uint64_t count = 0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;  // route, status
  std::map<std::string, Histogram> latency_;                  // by route
  std::atomic<long> in_flight_{0};
};

}  // namespace precis::serve

#endif  // PRECIS_SERVE_METRICS_H_
