// precis-serve: `precis serve`, the HTTP JSON API and the web page. A
// separate executable that `precis serve` execs, so that the precis command
// itself does not load cpp-httplib and its TLS libraries on every run
// (measured: 4.0 -> 7.9 ms per `precis summarize` of the bundled example).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "serve/handler.h"
#include "serve/server.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

int Fail(const precis::Status& s) {
  std::fprintf(stderr, "precis serve: %s\n", s.message().c_str());
  return s.code() == precis::StatusCode::kInvalidArgument ? kExitUsage : kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  precis::serve::ServeOptions limits;
  precis::serve::ListenOptions listen;
  CLI::App app{
      "precis serve: the HTTP JSON API (POST /v1/summarize, /v1/segment,\n"
      "/v1/eval, /v1/extract; GET /v1/algorithms, /v1/examples, /healthz,\n"
      "/metrics) and a web page at / that shows each summary sentence in\n"
      "its source. Endpoints and limits: doc/api.md. Stops on SIGINT or\n"
      "SIGTERM: requests in flight are answered, then it exits (within 10 s).\n"
      "No per-request logging unless --access-log.\n\n"
      "Example:\n"
      "  precis serve --port 8080 &\n"
      "  curl -s localhost:8080/v1/summarize -H 'Content-Type: application/json' \\\n"
      "    -d '{\"text\": \"...\", \"sentences\": 3}'"};
  app.name("precis serve");
  app.footer(
      "Exit codes: 0 stopped by SIGINT/SIGTERM, 1 cannot listen (port in use)\n"
      "or open the access log, 2 usage error.");
  app.add_option("--port", listen.port, "TCP port (default 8080; 0: any free port,\nprinted on stderr)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--host", listen.host,
                 "Address to listen on (default 127.0.0.1: this machine only;\n"
                 "0.0.0.0 for every interface)");
  app.add_option("--threads", limits.threads,
                 "Requests computed at once (default: one per core)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--max-connections", limits.max_connections,
                 "Connections served at once (default 64); more wait")
      ->check(CLI::Range(1, 4096));
  app.add_option("--max-queue", limits.max_queue,
                 "Requests waiting for a compute thread (default 256);\n"
                 "past it: 503 \"unavailable\"")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  app.add_option("--max-body", limits.max_body_bytes,
                 "Largest request body in bytes (default 8388608 = 8 MiB);\n"
                 "past it: 413")
      ->check(CLI::Range(size_t{1}, size_t{1} << 31));
  app.add_option("--max-docs", limits.max_docs,
                 "Most documents in one request (default 1000); past it: 413")
      ->check(CLI::Range(size_t{1}, size_t{1000000}));
  app.add_option("--timeout", limits.timeout_seconds,
                 "Seconds a request may take, waiting included (default 10);\n"
                 "past it: 503 \"timeout\"")
      ->check(CLI::Range(0.001, 86400.0));
  app.add_option("--access-log", listen.access_log,
                 "Append one line per request to FILE: time, client, method,\n"
                 "path, status, bytes, seconds");
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  auto handler = precis::serve::Handler::Create(limits);
  if (!handler.ok()) return Fail(handler.status());

  // Signals are taken by one thread with sigwait, so that stopping the
  // server never runs inside a signal handler. Blocked before any thread
  // starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client gone mid-answer is no reason to die

  precis::serve::Server server(*handler, listen);
  auto port = server.Bind();
  if (!port.ok()) return Fail(port.status());
  std::fprintf(stderr, "precis serve: listening on http://%s:%d/\n", listen.host.c_str(), *port);
  std::fflush(stderr);

  precis::Status run_status;
  std::mutex run_mu;
  std::condition_variable run_cv;
  bool run_done = false;
  std::thread runner([&] {
    run_status = server.Run();
    {
      std::lock_guard lock(run_mu);
      run_done = true;
    }
    run_cv.notify_all();
    if (!run_status.ok()) kill(getpid(), SIGTERM);  // wake the sigwait below
  });
  int sig = 0;
  sigwait(&signals, &sig);
  const auto signalled = std::chrono::steady_clock::now();
  server.Stop();
  {
    // Run returns once every connection has closed, but a client that sends
    // a byte every few seconds restarts httplib's 10 s read timeout each
    // time and would hold the process past the promised 10 s.
    std::unique_lock lock(run_mu);
    if (!run_cv.wait_until(lock, signalled + std::chrono::seconds(9),
                           [&] { return run_done; })) {
      std::fprintf(stderr, "precis serve: stopped; connections still open were dropped\n");
      std::fflush(nullptr);
      std::_Exit(kExitOk);
    }
  }
  runner.join();
  if (!run_status.ok()) return Fail(run_status);
  std::fprintf(stderr, "precis serve: stopped\n");
  if (!server.Drain()) {
    // A computation abandoned at a timeout still runs; its thread must not
    // see static destructors.
    std::fflush(nullptr);
    std::_Exit(kExitOk);
  }
  return kExitOk;
}
