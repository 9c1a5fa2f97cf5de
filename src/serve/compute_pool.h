// Not public: the threads that compute POST requests for `precis serve`,
// apart from the connection threads, so that a request can be answered 503
// when it waits too long or the queue is full, whatever the computation does.
#ifndef PRECIS_SERVE_COMPUTE_POOL_H_
#define PRECIS_SERVE_COMPUTE_POOL_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "serve/handler.h"

namespace precis::serve {

class ComputePool {
 public:
  using Clock = std::chrono::steady_clock;

  // `threads` workers; at most `max_queue` requests wait for one.
  ComputePool(int threads, size_t max_queue);
  // Stops taking work; the (detached) workers idle until the process ends.
  ~ComputePool();

  enum class Outcome { kDone, kSaturated, kTimeout };
  // Runs `work` on a worker and waits for its answer until `deadline`, or
  // until `give_up()` turns true (checked every few milliseconds). Work not
  // yet started when the caller stops waiting is never started; work already
  // running is finished and its answer dropped.
  Outcome Run(std::function<HttpResponse()> work, Clock::time_point deadline,
              const std::function<bool()>& give_up, HttpResponse* out);

  // Requests computing or waiting.
  long in_flight() const;

  // Stops taking work and waits until no worker is computing, or
  // `deadline`; true when idle. Work still running is left to the exit.
  bool Drain(Clock::time_point deadline);

 private:
  struct Task;
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace precis::serve

#endif  // PRECIS_SERVE_COMPUTE_POOL_H_
