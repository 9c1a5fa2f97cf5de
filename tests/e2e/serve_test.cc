// precis serve over a real socket: every endpoint, every error status, the
// limits, byte-identity with the CLI, and a graceful shutdown.
#include <httplib.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <fstream>
#include <optional>
#include <thread>

#include "e2e/run_cli.h"
#include "e2e/serve_process.h"

namespace precis::testing {
namespace {

using nlohmann::json;

const std::string kExample = PRECIS_SOURCE_DIR "/examples/";

// The bundled ferry cluster as a /v1/summarize body, plus `options`.
json FerryBody(const json& options = json::object()) {
  json body = {{"id", "ferry"}, {"docs", json::array()}};
  for (const char* name : {"coastal-post.txt", "island-radio.txt", "national-wire.txt"}) {
    body["docs"].push_back({{"id", name}, {"text", ReadAll(kExample + "ferry/" + name)}});
  }
  for (const auto& [k, v] : options.items()) body[k] = v;
  return body;
}

// A cluster that takes most of a second to summarize (about 0.8 s in a
// Release build): 900 documents of 25 sentences over a small vocabulary.
std::string SlowBody() {
  static const char* kWords[] = {"harbor", "ferry", "council", "storm", "bridge", "island",
                                 "pier", "weather", "repair", "travel", "budget", "minister",
                                 "port", "vessel", "crew", "passenger", "engine", "delay"};
  uint64_t state = 1;
  auto next = [&state] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  json body = {{"id", "slow"}, {"docs", json::array()}, {"algorithm", "lexrank"}};
  for (int d = 0; d < 900; ++d) {
    std::string text;
    for (int s = 0; s < 25; ++s) {
      const int n = 8 + int(next() % 13);
      for (int w = 0; w < n; ++w) {
        std::string word = kWords[next() % 18];
        if (w == 0) word[0] = char(std::toupper(word[0]));
        text += word + (w + 1 < n ? " " : ". ");
      }
    }
    body["docs"].push_back({{"id", "d" + std::to_string(d)}, {"text", text}});
  }
  return body.dump();
}

class Serve : public ::testing::Test {
 protected:
  void Start(const std::vector<std::string>& args = {}) {
    // A server that refuses a body closes the connection while a client may
    // still be writing it: an error for that client, not the end of the test.
    signal(SIGPIPE, SIG_IGN);
    server_ = std::make_unique<ServeProcess>(args);
    ASSERT_GT(server_->port(), 0) << server_->Stderr();
  }
  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(60, 0);
    return c;
  }
  httplib::Result Post(const std::string& path, const std::string& body,
                       const std::string& type = "application/json") {
    return Client().Post(path.c_str(), body, type.c_str());
  }
  std::unique_ptr<ServeProcess> server_;
};

// {"error": {"code": CODE, "message": "..."}} and nothing else.
void ExpectError(const httplib::Result& r, int status, const std::string& code) {
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  const json j = json::parse(r->body, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r->body;
  EXPECT_EQ(j.size(), 1u) << r->body;
  ASSERT_TRUE(j.contains("error")) << r->body;
  EXPECT_EQ(j["error"].size(), 2u) << r->body;
  EXPECT_EQ(j["error"].value("code", ""), code) << r->body;
  EXPECT_FALSE(j["error"].value("message", "").empty()) << r->body;
}

TEST_F(Serve, GetEndpoints) {
  Start();
  auto c = Client();
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["status"], "ok");

  auto algos = c.Get("/v1/algorithms");
  ASSERT_TRUE(algos);
  EXPECT_EQ(algos->status, 200);
  const json a = json::parse(algos->body);
  EXPECT_FALSE(a["algorithms"].empty());
  EXPECT_TRUE(a["default"].is_string());

  auto examples = c.Get("/v1/examples");
  ASSERT_TRUE(examples);
  const json e = json::parse(examples->body);
  EXPECT_EQ(e["examples"]["ferry"]["docs"].size(), 3u);
  EXPECT_TRUE(e["examples"]["page"]["docs"][0].contains("html"));

  auto metrics = c.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  EXPECT_NE(metrics->body.find("precis_http_requests_total{route=\"/healthz\",status=\"200\"} 1"),
            std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("# TYPE precis_http_request_duration_seconds histogram"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("precis_http_request_duration_seconds_bucket{route=\"/v1/algorithms\",le=\"+Inf\"} 1"),
            std::string::npos) << metrics->body;
}

TEST_F(Serve, WebPageIsServedWithItsAssetsAndNoExternalUrls) {
  Start();
  auto c = Client();
  for (const auto& [path, type] : {std::pair{"/", "text/html"}, {"/static/app.js", "text/javascript"},
                                   {"/static/style.css", "text/css"}}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->get_header_value("Content-Type").rfind(type, 0), 0u) << path;
    EXPECT_EQ(r->body.find("http://"), std::string::npos) << path << ": the machine is offline";
    EXPECT_EQ(r->body.find("https://"), std::string::npos) << path;
    // Found by review: no header kept the page from being framed or a file
    // from being sniffed as another type.
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos) << path;
  }
  ExpectError(c.Get("/static/nope.js"), 404, "not-found");
}

// The answer is `precis summarize --input jsonl` on the same body, byte for
// byte (the CLI ignores the option fields; its flags carry them instead).
TEST_F(Serve, SummarizeIsTheClisJsonByteForByte) {
  Start();
  struct Case {
    json options;
    std::vector<std::string> flags;
  };
  const std::vector<Case> cases = {
      {json::object(), {}},
      {{{"words", 60}, {"truncate", true}, {"explain", true}}, {"--words", "60", "--truncate", "--explain"}},
      {{{"sentences", 2}, {"algorithm", "lexrank"}}, {"--sentences", "2", "--algorithm", "lexrank"}},
      {{{"ratio", 0.3}, {"keep", {"boilerplate"}}}, {"--ratio", "0.3", "--keep", "boilerplate"}},
      {{{"bytes", 300}, {"no_clean", true}}, {"--bytes", "300", "--no-clean"}},
  };
  for (const Case& c : cases) {
    const std::string body = FerryBody(c.options).dump();
    auto r = Post("/v1/summarize", body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    std::vector<std::string> args = {"summarize", "--input", "jsonl", "--threads", "1"};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    const CliResult cli = RunPrecis(args, body + "\n");
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_EQ(r->body, cli.out) << c.options.dump();
  }
  // An HTML page in place of text: html_begin/html_end come along.
  const json page = {{"id", "p"}, {"docs", {{{"id", "page.html"}, {"html", ReadAll(kExample + "page.html")}}}},
                     {"sentences", 2}};
  auto r = Post("/v1/summarize", page.dump());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const CliResult cli = RunPrecis({"summarize", "--input", "jsonl", "--sentences", "2"}, page.dump() + "\n");
  EXPECT_EQ(r->body, cli.out);
  EXPECT_TRUE(json::parse(r->body)["sentences"][0].contains("html_begin"));
}

TEST_F(Serve, OffsetsAreUtf8ByteOffsetsIntoEachText) {
  Start();
  const std::string text =
      "Zoë Ångström opened the café on Monday. « Ça marche », said the mayor of Škofja Loka. "
      "The 東京 office will follow in the spring, the company said in a statement. "
      "Prices rose by 3 € per cup, which customers accepted without complaint.";
  auto r = Post("/v1/summarize", json({{"text", text}, {"sentences", 3}}).dump());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  ASSERT_FALSE(j["sentences"].empty());
  for (const json& s : j["sentences"]) {
    const size_t b = s["begin"], e = s["end"];
    EXPECT_EQ(text.substr(b, e - b), s["text"].get<std::string>());
  }
}

TEST_F(Serve, SegmentEvalExtract) {
  Start();
  const std::string text = ReadAll(kExample + "ferry/coastal-post.txt");
  auto seg = Post("/v1/segment", json({{"text", text}}).dump());
  ASSERT_TRUE(seg);
  ASSERT_EQ(seg->status, 200) << seg->body;
  // The same JSON as `precis segment --format json`.
  const CliResult cli = RunPrecis({"segment", "--format", "json", kExample + "ferry/coastal-post.txt"});
  EXPECT_EQ(seg->body, cli.out);

  auto ev = Post("/v1/eval", json({{"summary", "the cat sat on the mat"},
                                   {"refs", {"the cat was on the mat", "a cat sat there"}},
                                   {"ngram", 2}, {"stem", true}}).dump());
  ASSERT_TRUE(ev);
  ASSERT_EQ(ev->status, 200) << ev->body;
  const json scores = json::parse(ev->body)["scores"];
  EXPECT_TRUE(scores.contains("ROUGE-1"));
  EXPECT_TRUE(scores.contains("ROUGE-2"));
  EXPECT_TRUE(scores.contains("ROUGE-L"));
  EXPECT_GT(scores["ROUGE-1"]["R"].get<double>(), 0.5);

  auto ex = Post("/v1/extract", json({{"html", ReadAll(kExample + "page.html")}}).dump());
  ASSERT_TRUE(ex);
  ASSERT_EQ(ex->status, 200) << ex->body;
  const CliResult cli_ex = RunPrecis({"extract", "--format", "json", kExample + "page.html"});
  EXPECT_EQ(ex->body, cli_ex.out);
}

TEST_F(Serve, EveryErrorStatus) {
  Start({"--max-body", "4000", "--max-docs", "2"});
  const std::string ok_text = json({{"text", "One sentence here. Another one there."}}).dump();
  ExpectError(Post("/v1/summarize", "{\"text\": "), 400, "invalid-input");
  ExpectError(Post("/v1/summarize", "{\"text\": \"a b.\", \"words\": \"ten\"}"), 400, "invalid-input");
  ExpectError(Post("/v1/summarize", "{\"docs\": 5}"), 400, "invalid-input");
  ExpectError(Post("/v1/segment", "[1, 2]"), 400, "invalid-input");
  ExpectError(Post("/v1/summarize", "{\"text\": \"a b.\", \"docs\": [{\"text\": \"c.\"}]}"),
              400, "invalid-input");
  ExpectError(Client().Get("/v1/nothing"), 404, "not-found");
  // A 405 names the methods the path takes (RFC 9110: Allow).
  auto get_post_only = Client().Get("/v1/summarize");
  ExpectError(get_post_only, 405, "method-not-allowed");
  EXPECT_EQ(get_post_only->get_header_value("Allow"), "POST");
  auto post_get_only = Post("/healthz", "{}");
  ExpectError(post_get_only, 405, "method-not-allowed");
  EXPECT_EQ(post_get_only->get_header_value("Allow"), "GET, HEAD");
  ExpectError(Post("/v1/summarize", std::string(5000, ' ') + ok_text), 413, "limit-exceeded");
  const json three_docs = {{"docs", {{{"text", "a."}}, {{"text", "b."}}, {{"text", "c."}}}}};
  ExpectError(Post("/v1/summarize", three_docs.dump()), 413, "limit-exceeded");
  ExpectError(Post("/v1/summarize", ok_text, "text/plain"), 415, "unsupported-media-type");
  ExpectError(Post("/v1/summarize", ok_text, "application/json; charset=latin1"), 415,
              "unsupported-media-type");
  ExpectError(Post("/v1/summarize", json({{"text", "a b c."}, {"sentences", 0}}).dump()), 422,
              "invalid-argument");
  ExpectError(Post("/v1/summarize", json({{"text", "a b c."}, {"algorithm", "nope"}}).dump()), 422,
              "invalid-argument");
  ExpectError(Post("/v1/summarize", json({{"text", "a b c."}, {"sentences", 2}, {"words", 9}}).dump()),
              422, "invalid-argument");
  ExpectError(Post("/v1/summarize", json({{"text", "a b c."}, {"sentence", 2}}).dump()), 422,
              "invalid-argument");
  ExpectError(Post("/v1/eval", json({{"summary", "a"}, {"refs", json::array()}}).dump()), 422,
              "invalid-argument");
  // The body limit holds for a body sent without Content-Length, too.
  httplib::Client c = Client();
  auto chunked = c.Post("/v1/summarize", [&](size_t offset, httplib::DataSink& sink) {
    if (offset >= 20000) { sink.done(); return true; }
    const std::string piece(1000, ' ');
    sink.write(piece.data(), piece.size());
    return true;
  }, "application/json");
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->status, 413);
}

// The server's peak resident memory (VmHWM), in kB; 0 if unreadable.
long PeakKb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

// Found by review: httplib's own limit checks only Content-Length, so a
// chunked or gzip body was held whole in memory before the 413 (a 300 KB
// gzip request inflated to 300 MB). The server now stops at the limit.
TEST_F(Serve, BodyLimitHoldsWhileReadingChunkedAndCompressedBodies) {
  Start({"--max-body", "100000"});
  const long before = PeakKb(server_->pid());
  ASSERT_GT(before, 0);
  const std::string big = "{\"text\": \"" + std::string(128 << 20, 'a') + "\"}";
  httplib::Client gzip = Client();
  gzip.set_compress(true);  // Content-Encoding: gzip, about 128 KB on the wire
  ExpectError(gzip.Post("/v1/summarize", big, "application/json"), 413, "limit-exceeded");
  // A chunked body with no end: answered once past the limit, not read on.
  // The server then closes the connection on the writing client (SIGPIPE
  // is ignored in Start).
  size_t sent = 0;
  auto endless = Client().Post("/v1/summarize", [&](size_t, httplib::DataSink& sink) {
    if (sent >= (size_t{128} << 20)) { sink.done(); return true; }
    const std::string piece(64 << 10, ' ');
    sent += piece.size();
    return sink.write(piece.data(), piece.size());
  }, "application/json");
  if (endless) EXPECT_EQ(endless->status, 413);
  EXPECT_LT(sent, size_t{64} << 20);
  EXPECT_LT(PeakKb(server_->pid()) - before, 64 << 10) << "kB";
  // A small gzip body is read as usual.
  auto small = gzip.Post("/v1/summarize", FerryBody().dump(), "application/json");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200) << small->body;
}

TEST_F(Serve, SaturatedAnswers503AndRecovers) {
  Start({"--threads", "1", "--max-queue", "1"});
  const std::string slow = SlowBody();
  std::atomic<int> ok{0}, unavailable{0}, other{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i) {
    clients.emplace_back([&] {
      auto r = Post("/v1/summarize", slow);
      if (!r) { ++other; return; }
      if (r->status == 200) ++ok;
      else if (r->status == 503 && json::parse(r->body)["error"]["code"] == "unavailable" &&
               r->get_header_value("Retry-After") == "1") ++unavailable;
      else ++other;
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_GE(ok, 1);
  EXPECT_GE(unavailable, 1);
  EXPECT_EQ(other, 0);
  auto r = Post("/v1/summarize", FerryBody().dump());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(Serve, OverTheTimeLimitAnswers503Timeout) {
  Start({"--timeout", "0.05"});
  auto r = Post("/v1/summarize", SlowBody());
  ExpectError(r, 503, "timeout");
  EXPECT_EQ(Client().Get("/healthz")->status, 200);
}

TEST_F(Serve, SixteenConcurrentClientsAtDefaultLimitsNever503) {
  Start();
  const std::string body = FerryBody().dump();
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 16; ++i) {
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", server_->port());
      for (int k = 0; k < 20; ++k) {
        auto r = c.Post("/v1/summarize", body, "application/json");
        (r && r->status == 200 ? ok : failed)++;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok, 320);
  EXPECT_EQ(failed, 0);
}

// Found by review: a request that timed out while waiting stayed in the
// queue until a worker reached it, so later requests were refused
// "too many requests waiting" while none waited.
TEST_F(Serve, TimedOutRequestsLeaveTheQueue) {
  Start({"--threads", "1", "--max-queue", "1", "--timeout", "0.3"});
  const std::string slow = SlowBody();
  std::thread first([&] { Post("/v1/summarize", slow); });  // occupies the thread
  for (int i = 0; i < 1000; ++i) {
    auto m = Client().Get("/metrics");
    if (m && m->body.find("precis_http_requests_in_flight 1\n") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ExpectError(Post("/v1/summarize", slow), 503, "timeout");  // waited, gave up
  // The queue is empty again: this one waits too (and may time out), but is
  // not refused as if the queue were full.
  auto r = Post("/v1/summarize", FerryBody().dump());
  ASSERT_TRUE(r);
  if (r->status != 200) ExpectError(r, 503, "timeout");
  first.join();
}

// Found by review: a client sending one byte every 2 s restarts httplib's
// read timeout each time and held the process after SIGTERM for as long as
// it kept sending.
TEST_F(Serve, SigtermExitsWithinTenSecondsDespiteATricklingClient) {
  Start();
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(uint16_t(server_->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string head =
      "POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100\r\n\r\n";
  ASSERT_EQ(send(sock, head.data(), head.size(), MSG_NOSIGNAL), ssize_t(head.size()));
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    for (int i = 0; i < 99 && !done; ++i) {
      if (send(sock, " ", 1, MSG_NOSIGNAL) != 1) break;
      for (int k = 0; k < 20 && !done; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::chrono::milliseconds took{};
  const int code = server_->StopWith(SIGTERM, std::chrono::seconds(15), &took);
  done = true;
  trickle.join();
  close(sock);
  EXPECT_EQ(code, 0) << server_->Stderr();
  EXPECT_LT(took.count(), 10000);
}

TEST_F(Serve, SigtermLetsTheRequestInFlightFinish) {
  Start();
  const std::string slow = SlowBody();
  std::optional<httplib::Result> result;
  std::thread client([&] { result.emplace(Post("/v1/summarize", slow)); });
  // Signal only once the server has the request.
  for (int i = 0; i < 1000; ++i) {
    auto m = Client().Get("/metrics");
    if (m && m->body.find("precis_http_requests_in_flight 1\n") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::chrono::milliseconds took{};
  const int code = server_->StopWith(SIGTERM, std::chrono::seconds(10), &took);
  client.join();
  EXPECT_EQ(code, 0) << server_->Stderr();
  EXPECT_LT(took.count(), 10000);
  ASSERT_TRUE(result && *result) << httplib::to_string(result->error());
  EXPECT_EQ((*result)->status, 200);
  EXPECT_EQ(json::parse((*result)->body)["id"], "slow");
}

TEST_F(Serve, SigintStopsAnIdleServerAtOnce) {
  Start();
  std::chrono::milliseconds took{};
  EXPECT_EQ(server_->StopWith(SIGINT, std::chrono::seconds(10), &took), 0);
  EXPECT_LT(took.count(), 3000);
}

TEST_F(Serve, LogsRequestsOnlyWhenAsked) {
  const std::string log = TempDir() + "/access.log";
  std::remove(log.c_str());
  {
    Start();
    Client().Get("/healthz");
    Post("/v1/summarize", FerryBody().dump());
    server_->StopWith(SIGTERM, std::chrono::seconds(10));
    // Only the start and stop lines.
    EXPECT_EQ(Lines(server_->Stderr()).size(), 2u) << server_->Stderr();
  }
  Start({"--access-log", log});
  Client().Get("/healthz");
  Post("/v1/summarize", "{");
  // Found by review: the decoded path went to the log as it was, so a %0A
  // wrote a second, made-up line. It is encoded again.
  Client().Get("/x%0A2026-01-01T00:00:00Z%2010.0.0.1%20POST%20/v1/summarize%20200%201%200.1");
  server_->StopWith(SIGTERM, std::chrono::seconds(10));
  const auto lines = Lines(ReadAll(log));
  ASSERT_EQ(lines.size(), 3u) << ReadAll(log);
  EXPECT_NE(lines[0].find(" GET /healthz 200 "), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find(" POST /v1/summarize 400 "), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find(" GET /x%0A2026-01-01T00:00:00Z%2010.0.0.1%20POST%20/v1/summarize"
                          "%20200%201%200.1 404 "),
            std::string::npos)
      << lines[2];
}

TEST(ServeCli, HelpAndUsage) {
  const CliResult help = RunPrecis({"serve", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* flag : {"--port", "--host", "--threads", "--max-body", "--max-docs",
                           "--timeout", "--max-queue", "--access-log"}) {
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  }
  EXPECT_NE(RunPrecis({"--help"}).out.find("serve"), std::string::npos);
  EXPECT_EQ(RunPrecis({"serve", "--port", "70000"}).exit_code, 2);
  EXPECT_EQ(RunPrecis({"serve", "--no-such-flag"}).exit_code, 2);
  EXPECT_EQ(RunPrecis({"serve", "--max-queue", "0"}).exit_code, 2);
  const CliResult no_log = RunPrecis({"serve", "--port", "0", "--access-log", "/nonexistent/dir/log"});
  EXPECT_EQ(no_log.exit_code, 1) << no_log.err;
  // A port in use: bad input, exit 1.
  ServeProcess first;
  ASSERT_GT(first.port(), 0);
  const CliResult busy = RunPrecis({"serve", "--port", std::to_string(first.port())});
  EXPECT_EQ(busy.exit_code, 1) << busy.err;
  EXPECT_NE(busy.err.find("cannot listen"), std::string::npos) << busy.err;
}

}  // namespace
}  // namespace precis::testing
