// Not public: the request handling behind `precis serve`, with no sockets.
// Handler::Handle maps one HTTP request to one response; the socket layer
// (server.h, cpp-httplib) only moves bytes, enforces the limits that need a
// clock or a queue (time per request, saturation: 503) and counts requests.
// A fuzz target may call Handle directly with any bytes.
//
// Endpoints and their JSON are documented in doc/api.md. Every error body is
//   {"error": {"code": "...", "message": "..."}}
// with one of the codes ErrorCodeName lists.
#ifndef PRECIS_SERVE_HANDLER_H_
#define PRECIS_SERVE_HANDLER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "precis/status.h"

namespace precis::serve {

struct HttpRequest {
  std::string method;        // "GET", "POST", ...
  std::string path;          // without the query string
  std::string content_type;  // the Content-Type header, as sent
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string allow;  // for a 405: the methods the path takes (the Allow header)
};

// Every limit of the server, with its default. Handler enforces the first
// three; the socket layer the rest.
struct ServeOptions {
  // A request body larger than this is refused with 413 before parsing.
  size_t max_body_bytes = size_t{8} << 20;
  // A cluster with more documents is refused with 413.
  size_t max_docs = 1000;

  // Socket layer. Requests computed at once; 0: one per core.
  int threads = 0;
  // Connections served at once (each holds a thread while it is open);
  // more wait for a free one.
  int max_connections = 64;
  // Requests waiting for a compute thread; one more is refused with 503.
  size_t max_queue = 256;
  // Seconds a request may take from the moment it has been read to its
  // answer, waiting for a compute thread included; past it the answer is
  // 503 "timeout" (the computation is abandoned: its thread finishes it and
  // is then free again).
  double timeout_seconds = 10;
};

// The closed set of error codes an error body carries, by HTTP status:
//   400 "invalid-input"    malformed JSON, wrong types, a bad document
//   404 "not-found"        no such endpoint
//   405 "method-not-allowed"
//   413 "limit-exceeded"   body, documents or a page over a limit
//   415 "unsupported-media-type"  a POST that is not application/json
//   422 "invalid-argument" well-formed but invalid options or input
//   500 "internal"
//   503 "unavailable"      saturated (max_queue) or shutting down
//   503 "timeout"          over timeout_seconds
// The body of an error response, with a trailing newline.
std::string ErrorBody(std::string_view code, std::string_view message);
HttpResponse ErrorResponse(int status, std::string_view code,
                           std::string_view message);

class Handler {
 public:
  // InvalidArgument when a limit is out of range.
  static Result<Handler> Create(const ServeOptions& options);

  // Thread-safe. Never throws.
  HttpResponse Handle(const HttpRequest& request) const;

  // The socket layer reports every answered request here (Handle does not
  // count itself: the socket layer also answers some requests on its own,
  // 503 and 413, and measures latency from arrival). GET /metrics shows it.
  void Record(std::string_view path, int status, double seconds) const;
  // Requests being computed or waiting, shown as a gauge.
  void SetInFlight(long n) const;

  const ServeOptions& options() const;

  Handler(Handler&&) noexcept;
  Handler& operator=(Handler&&) noexcept;
  ~Handler();

 private:
  struct Impl;
  explicit Handler(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace precis::serve

#endif  // PRECIS_SERVE_HANDLER_H_
