// The HTTP handler (src/serve/handler.h, no sockets) on any request: any
// endpoint, method, Content-Type and body. Every answer has a status from
// doc/api.md's closed set (never 500: that is a bug), and every JSON answer
// is one line of valid UTF-8 JSON ending in a newline; an error's code is
// the one its status allows.
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_check.h"
#include "serve/handler.h"

namespace {

// The error codes each status may carry (doc/api.md, "Errors").
bool CodeFitsStatus(int status, const std::string& code) {
  switch (status) {
    case 400: return code == "invalid-input";
    case 404: return code == "not-found";
    case 405: return code == "method-not-allowed";
    case 413: return code == "limit-exceeded";
    case 415: return code == "unsupported-media-type";
    case 422: return code == "invalid-argument" || code == "invalid-input";
    default: return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const precis::serve::Handler* const handler = [] {
    precis::serve::ServeOptions options;
    options.max_body_bytes = 1 << 16;  // so the fuzzer also meets the 413 path
    options.max_docs = 50;
    return new precis::serve::Handler(precis::serve::Handler::Create(options).value());
  }();
  static const char* const kPaths[] = {"/v1/summarize", "/v1/segment", "/v1/eval",
                                       "/v1/extract", "/healthz", "/v1/algorithms",
                                       "/v1/examples", "/metrics", "/", "/static/app.js",
                                       "/static/../../etc/passwd", "/v1/nope"};
  static const char* const kMethods[] = {"POST", "GET", "HEAD", "PUT"};
  static const char* const kTypes[] = {"application/json", "application/json; charset=utf-8",
                                       "APPLICATION/JSON;charset=latin1", "text/plain", ""};
  precis::fuzz::Input in(data, size);
  const uint8_t route = in.Byte(), method = in.Byte(), type = in.Byte();
  precis::serve::HttpRequest request;
  request.path = kPaths[route % (sizeof kPaths / sizeof kPaths[0])];
  // Mostly POSTs with a JSON type: that is where the bodies get parsed.
  // Another method when bits 0x30 are set (then 0x03 picks it), another
  // type when bits 0x0c are (then the high nibble, mod 5).
  request.method = kMethods[(method & 0x30) == 0x30 ? (method & 3) : 0];
  request.content_type = kTypes[(type & 0x0c) == 0x0c ? (type >> 4) % 5 : 0];
  request.body = std::string(in.Rest());

  const precis::serve::HttpResponse r = handler->Handle(request);
  FUZZ_CHECK(r.status == 200 || (r.status >= 400 && r.status <= 422));
  if (r.content_type.find("json") == std::string::npos) {
    FUZZ_CHECK(r.status == 200);  // the page, its files and /metrics
    return 0;
  }
  FUZZ_CHECK(precis::fuzz::IsValidUtf8(r.body));
  FUZZ_CHECK(!r.body.empty() && r.body.back() == '\n');
  FUZZ_CHECK(r.body.find('\n') == r.body.size() - 1);
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  FUZZ_CHECK(!j.is_discarded());
  if (r.status != 200) {
    FUZZ_CHECK(j.contains("error") && j["error"].is_object());
    FUZZ_CHECK(CodeFitsStatus(r.status, j["error"].value("code", "")));
    FUZZ_CHECK(!j["error"].value("message", "").empty());
  } else if (request.path == "/v1/summarize") {
    FUZZ_CHECK(j.contains("sentences") && j["sentences"].is_array());
  }
  return 0;
}
