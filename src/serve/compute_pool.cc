#include "serve/compute_pool.h"

#include <algorithm>
#include <thread>
#include <utility>

namespace precis::serve {

struct ComputePool::Task {
  std::function<HttpResponse()> work;
  bool done = false;
  HttpResponse response;
  std::condition_variable cv;  // under State::mu
};

// Shared with the (detached) workers, so that a worker still computing a
// request nobody waits for when the pool is destroyed touches nothing freed.
struct ComputePool::State {
  std::mutex mu;
  std::condition_variable work_cv, idle_cv;
  std::deque<std::shared_ptr<Task>> queue;
  size_t max_queue = 0;
  int busy = 0;     // workers computing
  long waiting = 0;  // callers in Run
  bool closing = false;
};

ComputePool::ComputePool(int threads, size_t max_queue)
    : state_(std::make_shared<State>()) {
  state_->max_queue = max_queue;
  // The workers never return: they live as long as the process. Libraries
  // keep per-thread state that only the thread itself could free (GLPK's
  // environment, for the ILP selector, is allocated on a thread's first
  // solve and leaked when the thread exits); a thread that lives to the end
  // of the process keeps it reachable, and Run takes no work once closing.
  for (int i = 0; i < threads; ++i) {
    std::thread([state = state_] {
      std::unique_lock lock(state->mu);
      for (;;) {
        state->work_cv.wait(lock, [&] { return !state->queue.empty(); });
        std::shared_ptr<Task> task = std::move(state->queue.front());
        state->queue.pop_front();
        ++state->busy;
        lock.unlock();
        HttpResponse r = task->work();
        lock.lock();
        --state->busy;
        task->response = std::move(r);
        task->done = true;
        task->cv.notify_all();
        if (state->busy == 0) state->idle_cv.notify_all();
      }
    }).detach();
  }
}

ComputePool::~ComputePool() {
  std::lock_guard lock(state_->mu);
  state_->closing = true;
  state_->work_cv.notify_all();
}

ComputePool::Outcome ComputePool::Run(std::function<HttpResponse()> work,
                                      Clock::time_point deadline,
                                      const std::function<bool()>& give_up,
                                      HttpResponse* out) {
  auto task = std::make_shared<Task>();
  task->work = std::move(work);
  std::unique_lock lock(state_->mu);
  if (state_->closing || state_->queue.size() >= state_->max_queue) {
    return Outcome::kSaturated;
  }
  state_->queue.push_back(task);
  ++state_->waiting;
  state_->work_cv.notify_one();
  // Short slices so that a shutdown (give_up) is noticed while waiting.
  constexpr auto kSlice = std::chrono::milliseconds(20);
  while (!task->done) {
    const auto now = Clock::now();
    if (now >= deadline || give_up()) break;
    task->cv.wait_until(lock, std::min(deadline, now + kSlice));
  }
  --state_->waiting;
  if (task->done) {
    *out = std::move(task->response);
    return Outcome::kDone;
  }
  // Not started: out of the queue, so that it no longer counts against
  // max_queue. Started: its answer is dropped when it finishes.
  const auto queued = std::find(state_->queue.begin(), state_->queue.end(), task);
  if (queued != state_->queue.end()) state_->queue.erase(queued);
  return Outcome::kTimeout;
}

long ComputePool::in_flight() const {
  std::lock_guard lock(state_->mu);
  return state_->waiting;
}

bool ComputePool::Drain(Clock::time_point deadline) {
  std::unique_lock lock(state_->mu);
  state_->closing = true;
  state_->work_cv.notify_all();
  return state_->idle_cv.wait_until(lock, deadline, [&] { return state_->busy == 0; });
}

}  // namespace precis::serve
