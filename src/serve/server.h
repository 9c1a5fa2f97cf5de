// Not public: the socket layer of `precis serve`, the only code that knows
// cpp-httplib. It reads requests, hands them to Handler::Handle (POSTs on a
// ComputePool, so that waiting and time per request are bounded), writes the
// answers, counts them for /metrics and, when asked, logs them.
#ifndef PRECIS_SERVE_SERVER_H_
#define PRECIS_SERVE_SERVER_H_

#include <memory>
#include <string>

#include "precis/status.h"
#include "serve/handler.h"

namespace precis::serve {

struct ListenOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (Bind returns it)
  // One line per request (time, client, method, path, status, bytes,
  // seconds); empty: no per-request logging.
  std::string access_log;
  // After Stop, requests still computing get this long before they are
  // answered 503 and the process may exit (keeps the whole shutdown under
  // 10 s with the 2 s keep-alive timeout).
  double shutdown_grace_seconds = 7;
};

class Server {
 public:
  Server(const Handler& handler, ListenOptions options);
  ~Server();

  // Binds the listening socket; returns the port.
  Result<int> Bind();
  // Serves until Stop; returns once every connection thread has answered
  // its request and closed.
  Status Run();
  // Thread-safe, idempotent; not async-signal-safe (call it from a thread
  // that received the signal with sigwait).
  void Stop();
  // After Run: waits (up to the grace period) for abandoned computations.
  // False when some still run; the caller then exits without destructors.
  bool Drain();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace precis::serve

#endif  // PRECIS_SERVE_SERVER_H_
