#include "serve/metrics.h"

#include <cstdio>

namespace precis::serve {

std::string_view RouteLabel(std::string_view path) {
  static constexpr std::string_view kRoutes[] = {
      "/",           "/healthz",       "/metrics",   "/v1/summarize",
      "/v1/segment", "/v1/eval",      "/v1/extract", "/v1/algorithms",
      "/v1/examples"};
  for (std::string_view r : kRoutes) {
    if (path == r) return r;
  }
  if (path.starts_with("/static/")) return "/static/";
  return "other";
}

void Metrics::Record(std::string_view path, int status, double seconds) {
  const std::string route(RouteLabel(path));
  std::lock_guard lock(mu_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++h.counts[b];
  h.sum += seconds;
  ++h.count;
}

namespace {

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

std::string Metrics::Render() const {
  std::string out;
  out +=
      "# HELP precis_http_requests_total HTTP requests answered, by route and "
      "status.\n"
      "# TYPE precis_http_requests_total counter\n";
  std::lock_guard lock(mu_);
  for (const auto& [key, n] : requests_) {
    out += "precis_http_requests_total{route=\"" + key.first + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(n) + "\n";
  }
  out +=
      "# HELP precis_http_request_duration_seconds Time from a request's "
      "arrival to its answer.\n"
      "# TYPE precis_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string labels = "{route=\"" + route + "\",le=\"";
    uint64_t cumulative = 0;
    for (size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += h.counts[b];
      out += "precis_http_request_duration_seconds_bucket" + labels +
             Number(kBuckets[b]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    cumulative += h.counts[kBuckets.size()];
    out += "precis_http_request_duration_seconds_bucket" + labels + "+Inf\"} " +
           std::to_string(cumulative) + "\n";
    out += "precis_http_request_duration_seconds_sum{route=\"" + route + "\"} " +
           Number(h.sum) + "\n";
    out += "precis_http_request_duration_seconds_count{route=\"" + route +
           "\"} " + std::to_string(h.count) + "\n";
  }
  out +=
      "# HELP precis_http_requests_in_flight Requests being computed or "
      "waiting for a compute thread.\n"
      "# TYPE precis_http_requests_in_flight gauge\n"
      "precis_http_requests_in_flight " +
      std::to_string(in_flight_.load(std::memory_order_relaxed)) + "\n";
  return out;
}

}  // namespace precis::serve
