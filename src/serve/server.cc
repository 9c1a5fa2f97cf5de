#include "serve/server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "serve/compute_pool.h"

namespace precis::serve {
namespace {

using Clock = std::chrono::steady_clock;

// httplib listens with a backlog of 5 (a compile-time constant of Debian's
// library): 16 clients connecting at once overflowed it and one waited for a
// SYN retry. Listening again on the bound socket raises the backlog.
class HttpServer : public httplib::Server {
 public:
  void RaiseBacklog() {
    const socket_t sock = svr_sock_;
    if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);
  }
};

// httplib hands the path percent-decoded: a %0A in it would end the log line
// and let a client write a line of its choosing. Logged, it is encoded again
// where it holds a byte that is not printable ASCII, a space or a '%', so a
// request is one line of space-separated fields.
std::string LoggedPath(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b >= 0x7F || b == '%') {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    } else {
      out += c;
    }
  }
  return out;
}

int ThreadsOrCores(int threads) {
  if (threads > 0) return threads;
  return int(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

struct Server::Impl {
  const Handler& handler;
  ListenOptions options;
  HttpServer http;
  ComputePool pool;
  std::FILE* log = nullptr;
  std::mutex log_mu;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> run_finished{false};
  std::atomic<bool> stopping{false};  // set once stop_deadline is
  std::atomic<Clock::rep> stop_deadline{0};  // Clock ticks; valid when stopping

  Impl(const Handler& h, ListenOptions o)
      : handler(h),
        options(std::move(o)),
        pool(ThreadsOrCores(h.options().threads), h.options().max_queue) {}

  bool PastShutdownGrace() const {
    return stopping.load() &&
           Clock::now().time_since_epoch().count() >= stop_deadline.load();
  }

  void Log(const httplib::Request& req, int status, size_t bytes, double seconds) {
    if (log == nullptr) return;
    char when[32];
    const std::time_t now = std::time(nullptr);
    std::tm tm;
    gmtime_r(&now, &tm);
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    std::lock_guard lock(log_mu);
    std::fprintf(log, "%s %s %s %s %d %zu %.6f\n", when, req.remote_addr.c_str(),
                 LoggedPath(req.method).c_str(), LoggedPath(req.path).c_str(), status, bytes,
                 seconds);
    std::fflush(log);
  }

  // A request with a body (POST, PUT, PATCH, DELETE): the body is read here,
  // up to the limit, rather than by httplib, whose own limit checks only the
  // Content-Length header: a chunked body, or a gzip body that inflates a
  // thousandfold, would be held whole in memory before a 413.
  void ServeWithBody(const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& read) {
    std::string body;
    // A multipart body is refused (415) unread: httplib's reader would want
    // a receiver per part.
    if (req.is_multipart_form_data()) {
      res.set_header("Connection", "close");
      Serve(req, res, std::move(body));
      return;
    }
    // Past the limit the rest is read and dropped, up to kMaxDropped, so that
    // the client, still sending, gets the 413 rather than a connection reset
    // by unread bytes; a longer body is cut off there.
    constexpr size_t kMaxDropped = size_t{16} << 20;
    const size_t limit = handler.options().max_body_bytes;
    size_t dropped = 0;
    const bool read_whole = read([&](const char* data, size_t n) {
      if (dropped == 0 && n <= limit - body.size()) {
        body.append(data, n);
        return true;
      }
      dropped += n;
      return dropped <= std::max(limit, kMaxDropped);
    });
    if (!read_whole || dropped > 0) {
      // Past the limit: 413. Otherwise httplib has set 413 (Content-Length
      // past the limit) or 400 (a broken body, or one that does not
      // decompress). The error handler gives each its JSON body.
      if (dropped > 0) res.status = 413;
      if (res.status < 400) res.status = 400;
      // Unread bytes left: the connection cannot carry another request.
      if (!read_whole) res.set_header("Connection", "close");
      return;
    }
    Serve(req, res, std::move(body));
  }

  // Everything routed: GETs answered here, POSTs computed on the pool.
  void Serve(const httplib::Request& req, httplib::Response& res, std::string body) {
    const auto start = Clock::now();
    HttpRequest request{req.method, req.path, req.get_header_value("Content-Type"),
                        std::move(body)};
    HttpResponse response;
    if (req.method != "POST") {
      response = handler.Handle(request);
    } else {
      const auto deadline =
          start + std::chrono::duration_cast<Clock::duration>(
                      std::chrono::duration<double>(handler.options().timeout_seconds));
      handler.SetInFlight(pool.in_flight() + 1);
      const auto outcome = pool.Run(
          [this, request = std::move(request)] { return handler.Handle(request); },
          deadline, [this] { return PastShutdownGrace(); }, &response);
      handler.SetInFlight(pool.in_flight());
      if (outcome == ComputePool::Outcome::kSaturated) {
        response = ErrorResponse(503, "unavailable",
                                 stopping ? "shutting down"
                                          : "too many requests waiting; retry shortly");
      } else if (outcome == ComputePool::Outcome::kTimeout) {
        response = stopping ? ErrorResponse(503, "unavailable", "shutting down")
                            : ErrorResponse(503, "timeout",
                                            "the request took longer than the server's "
                                            "time limit per request");
      }
    }
    if (response.status == 503) res.set_header("Retry-After", "1");
    if (!response.allow.empty()) res.set_header("Allow", response.allow);
    res.status = response.status;
    res.set_content(std::move(response.body), response.content_type.c_str());
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    handler.Record(req.path, res.status, seconds);
    Log(req, res.status, res.body.size(), seconds);
  }
};

Server::Server(const Handler& handler, ListenOptions options)
    : impl_(std::make_unique<Impl>(handler, std::move(options))) {
  Impl* impl = impl_.get();
  httplib::Server& http = impl->http;
  const int connections = handler.options().max_connections;
  http.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
  // httplib refuses a body whose Content-Length is past the limit (413)
  // before reading it; ServeWithBody stops any other body at the limit.
  http.set_payload_max_length(handler.options().max_body_bytes);
  http.set_tcp_nodelay(true);  // small answers: no Nagle delay
  // On every answer, httplib's own 400 and 413 too: the page runs only its
  // own files, in no one's frame, and no answer is read as another type.
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Content-Security-Policy",
                             "default-src 'self'; frame-ancestors 'none'"}});
  // SO_REUSEADDR (restart at once over old connections in TIME_WAIT), not
  // httplib's default SO_REUSEPORT too: with it a second server on a busy
  // port would start and silently share the port.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(2);
  http.set_read_timeout(10);
  http.set_write_timeout(10);
  auto serve = [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Serve(req, res, req.body);
  };
  auto serve_with_body = [impl](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& read) {
    impl->ServeWithBody(req, res, read);
  };
  // httplib routes a request it expects a body with (a POST, PUT or PATCH,
  // a DELETE with Content-Length) to the readers, any other to `serve`.
  http.Get(".*", serve);
  http.Options(".*", serve);
  http.Post(".*", serve_with_body);
  http.Put(".*", serve_with_body);
  http.Patch(".*", serve_with_body);
  http.Delete(".*", serve_with_body);
  http.Delete(".*", serve);
  // What httplib answers on its own (413 past the body limit, 400 for a
  // request it cannot parse, an unknown method) gets a JSON body too.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [impl](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string code = "invalid-input", message = "malformed HTTP request";
    if (res.status == 413) {
      code = "limit-exceeded";
      message = "the body is larger than " +
                std::to_string(impl->handler.options().max_body_bytes) + " bytes";
    } else if (res.status == 404) {
      code = "not-found", message = "no endpoint " + req.path;
    } else if (res.status == 405) {
      code = "method-not-allowed", message = "method not allowed";
    } else if (res.status >= 500) {
      code = "internal", message = "internal error";
    }
    res.set_content(ErrorBody(code, message), "application/json");
    impl->handler.Record(req.path, res.status, 0);
    impl->Log(req, res.status, res.body.size(), 0);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler(
      [impl](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(ErrorBody("internal", "internal error"), "application/json");
        impl->handler.Record(req.path, 500, 0);
      });
}

Server::~Server() {
  if (impl_->log != nullptr) std::fclose(impl_->log);
}

Result<int> Server::Bind() {
  if (!impl_->options.access_log.empty()) {
    impl_->log = std::fopen(impl_->options.access_log.c_str(), "a");
    if (impl_->log == nullptr) {
      return Status::IoError(impl_->options.access_log + ": cannot open the access log");
    }
  }
  const std::string& host = impl_->options.host;
  if (impl_->options.port == 0) {
    const int port = impl_->http.bind_to_any_port(host);
    if (port < 0) return Status::IoError("cannot listen on " + host);
    impl_->http.RaiseBacklog();
    return port;
  }
  if (!impl_->http.bind_to_port(host, impl_->options.port)) {
    return Status::IoError("cannot listen on " + host + ":" +
                           std::to_string(impl_->options.port) +
                           " (in use, or not an address of this machine)");
  }
  impl_->http.RaiseBacklog();
  return impl_->options.port;
}

Status Server::Run() {
  Status status;
  if (!impl_->stop_requested && !impl_->http.listen_after_bind() && !impl_->stopping) {
    status = Status::IoError("the listening socket failed");
  }
  impl_->run_finished = true;
  return status;
}

void Server::Stop() {
  if (impl_->stop_requested.exchange(true)) return;
  const auto grace = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(impl_->options.shutdown_grace_seconds));
  impl_->stop_deadline = (Clock::now() + grace).time_since_epoch().count();
  impl_->stopping = true;
  // httplib's stop() does nothing before listen_after_bind has started
  // its loop: a signal right after start-up would be lost. Wait for it.
  for (int i = 0; i < 2000 && !impl_->run_finished && !impl_->http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http.stop();
}

bool Server::Drain() {
  const auto deadline = Clock::time_point(Clock::duration(impl_->stop_deadline.load()));
  return impl_->pool.Drain(impl_->stopping ? deadline : Clock::now());
}

}  // namespace precis::serve
