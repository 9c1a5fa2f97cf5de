// Handler::Handle without sockets: routing, content types, limits, every
// error status and its JSON, and what each endpoint answers.
#include "serve/handler.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "precis/io.h"
#include "precis/summarizer.h"

namespace precis::serve {
namespace {

using nlohmann::json;

const std::string kText =
    "The ferry line was closed on Monday after a storm damaged the pier. "
    "Officials said repairs would take two weeks. Travellers were advised to "
    "use the bridge instead. The council will meet on Friday to discuss "
    "compensation for local businesses.";

Handler Make(ServeOptions options = {}) {
  auto h = Handler::Create(options);
  EXPECT_TRUE(h.ok()) << h.status().message();
  return std::move(h).value();
}

HttpResponse Post(const Handler& h, const std::string& path, const std::string& body,
                  const std::string& type = "application/json") {
  return h.Handle({"POST", path, type, body});
}

HttpResponse Get(const Handler& h, const std::string& path) {
  return h.Handle({"GET", path, "", ""});
}

void ExpectError(const HttpResponse& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  ASSERT_FALSE(r.body.empty());
  EXPECT_EQ(r.body.back(), '\n');
  const json j = json::parse(r.body, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.body;
  EXPECT_EQ(j.size(), 1u);
  EXPECT_EQ(j["error"]["code"], code) << r.body;
  EXPECT_TRUE(j["error"]["message"].is_string());
}

TEST(ServeHandler, CreateRejectsLimitsOutOfRange) {
  ServeOptions o;
  o.max_body_bytes = 0;
  EXPECT_FALSE(Handler::Create(o).ok());
  o = {};
  o.max_docs = 0;
  EXPECT_FALSE(Handler::Create(o).ok());
  o = {};
  o.timeout_seconds = 0;
  EXPECT_FALSE(Handler::Create(o).ok());
  o = {};
  o.threads = -1;
  EXPECT_FALSE(Handler::Create(o).ok());
  o = {};
  o.max_queue = 0;
  EXPECT_FALSE(Handler::Create(o).ok());
  EXPECT_TRUE(Handler::Create({}).ok());
}

TEST(ServeHandler, SummarizeAnswersWhatFormatSummaryWrites) {
  const Handler h = Make();
  const std::string body = json({{"id", 7}, {"text", kText}, {"sentences", 2}, {"explain", true}}).dump();
  const HttpResponse r = Post(h, "/v1/summarize", body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  // The library's own writer, for the same cluster and options.
  JsonlRecord record = ParseJsonlLine(body);
  ASSERT_TRUE(record.cluster.ok());
  SummarizerOptions o;
  o.budget = {BudgetUnit::kSentences, 2};
  auto s = Summarizer::Create(o);
  ASSERT_TRUE(s.ok());
  auto summary = s->Summarize(*record.cluster);
  ASSERT_TRUE(summary.ok());
  WriteOptions w;
  w.explain = true;
  EXPECT_EQ(r.body, FormatSummary(*record.cluster, *summary, "7", w) + "\n");
  const json j = json::parse(r.body);
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["sentences"].size(), 2u);
  EXPECT_TRUE(j.contains("dropped"));
}

TEST(ServeHandler, SummarizeOptions) {
  const Handler h = Make();
  auto with = [&](json options) {
    options["text"] = kText;
    return Post(h, "/v1/summarize", options.dump());
  };
  EXPECT_EQ(with({{"words", 12}, {"truncate", true}}).status, 200);
  EXPECT_EQ(with({{"words", 12.0}}).status, 200) << "a whole float is an integer";
  EXPECT_EQ(with({{"bytes", 80}}).status, 200);
  EXPECT_EQ(with({{"ratio", 0.5}}).status, 200);
  EXPECT_EQ(with({{"keep", "boilerplate,fragment"}}).status, 200);
  EXPECT_EQ(with({{"keep", {"headline"}}, {"no_clean", false}, {"pdf", false}, {"lang", "en"}}).status, 200);
  EXPECT_EQ(with({{"algorithm", "lead"}, {"sentences", 1}}).status, 200);
  ExpectError(with({{"words", 12.5}}), 400, "invalid-input");
  EXPECT_NE(with({{"words", 1e300}}).status, 500);
  EXPECT_NE(with({{"sentences", -1e300}}).status, 500);
  ExpectError(with({{"truncate", "yes"}}), 400, "invalid-input");
  ExpectError(with({{"keep", 3}}), 400, "invalid-input");
  ExpectError(with({{"lang", 5}}), 400, "invalid-input");
  ExpectError(with({{"keep", "nonsense"}}), 422, "invalid-argument");
  ExpectError(with({{"lang", "xx"}}), 422, "invalid-argument");
  ExpectError(with({{"ratio", 2}}), 422, "invalid-argument");
  ExpectError(with({{"truncate", true}, {"sentences", 2}}), 422, "invalid-argument");
  ExpectError(with({{"words", 5}, {"bytes", 5}}), 422, "invalid-argument");
  ExpectError(with({{"format", "text"}}), 422, "invalid-argument");
}

TEST(ServeHandler, SummarizeBadInput) {
  const Handler h = Make();
  ExpectError(Post(h, "/v1/summarize", ""), 400, "invalid-input");
  ExpectError(Post(h, "/v1/summarize", "{\"text\": \"x\"} trailing"), 400, "invalid-input");
  ExpectError(Post(h, "/v1/summarize", "\"just a string\""), 400, "invalid-input");
  ExpectError(Post(h, "/v1/summarize", "{}"), 400, "invalid-input");
  ExpectError(Post(h, "/v1/summarize", "{\"docs\": [{\"title\": \"no text\"}]}"), 400, "invalid-input");
  ExpectError(Post(h, "/v1/summarize", "{\"text\": \"\\xff\"}"), 400, "invalid-input");
  ExpectError(Post(h, "/v1/summarize", std::string("{\"text\": \"a\xff\"}")), 400, "invalid-input");
  ExpectError(Post(h, "/v1/summarize", std::string(100000, '[')), 400, "invalid-input");
  // Well-formed but nothing to summarize: the content is the problem.
  ExpectError(Post(h, "/v1/summarize", "{\"text\": \"   \"}"), 422, "invalid-input");
  ExpectError(Post(h, "/v1/summarize", "{\"text\": \"a\\u0000b\"}"), 422, "invalid-input");
}

TEST(ServeHandler, Limits) {
  ServeOptions o;
  o.max_body_bytes = 1000;
  o.max_docs = 2;
  const Handler h = Make(o);
  ExpectError(Post(h, "/v1/summarize", std::string(1001, ' ')), 413, "limit-exceeded");
  ExpectError(Post(h, "/v1/summarize",
                   json({{"docs", {{{"text", kText}}, {{"text", kText}}, {{"text", kText}}}}}).dump()),
              413, "limit-exceeded");
  EXPECT_EQ(Post(h, "/v1/summarize", json({{"docs", {{{"text", kText}}, {{"text", kText}}}}}).dump()).status, 200);
}

TEST(ServeHandler, ContentTypes) {
  const Handler h = Make();
  const std::string body = json({{"text", kText}}).dump();
  for (const char* ok : {"application/json", "Application/JSON", "application/json; charset=utf-8",
                         "application/json;charset=\"UTF-8\""}) {
    EXPECT_EQ(Post(h, "/v1/summarize", body, ok).status, 200) << ok;
  }
  for (const char* bad : {"", "text/plain", "application/jsonx", "application/json; charset=latin1",
                          "multipart/form-data"}) {
    ExpectError(Post(h, "/v1/summarize", body, bad), 415, "unsupported-media-type");
  }
}

TEST(ServeHandler, RoutesAndMethods) {
  const Handler h = Make();
  ExpectError(Get(h, "/nothing"), 404, "not-found");
  ExpectError(Get(h, "/static/../handler.cc"), 404, "not-found");
  ExpectError(Get(h, "/v1/summarize"), 405, "method-not-allowed");
  ExpectError(h.Handle({"PUT", "/v1/segment", "application/json", "{}"}), 405, "method-not-allowed");
  ExpectError(Post(h, "/healthz", "{}"), 405, "method-not-allowed");
  ExpectError(Post(h, "/", "{}"), 405, "method-not-allowed");
  EXPECT_EQ(h.Handle({"HEAD", "/healthz", "", ""}).status, 200);
  EXPECT_EQ(Get(h, "/healthz").body, "{\"status\":\"ok\"}\n");
  const HttpResponse page = Get(h, "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  // Relative, so the page also works under a proxy's path prefix.
  EXPECT_NE(page.body.find("src=\"static/app.js\""), std::string::npos);
  EXPECT_EQ(Get(h, "/static/app.js").status, 200);
  EXPECT_EQ(Get(h, "/static/style.css").status, 200);
}

TEST(ServeHandler, AlgorithmsAndExamples) {
  const Handler h = Make();
  const json a = json::parse(Get(h, "/v1/algorithms").body);
  EXPECT_EQ(a["default"], SummarizerOptions().algorithm);
  EXPECT_EQ(a["algorithms"].size(), Algorithms().size());
  EXPECT_FALSE(a["languages"].empty());
  const json e = json::parse(Get(h, "/v1/examples").body);
  ASSERT_TRUE(e["examples"].contains("ferry"));
  // Each example is a ready /v1/summarize body.
  for (const auto& [name, body] : e["examples"].items()) {
    const HttpResponse r = Post(h, "/v1/summarize", body.dump());
    EXPECT_EQ(r.status, 200) << name << ": " << r.body;
  }
}

TEST(ServeHandler, Segment) {
  const Handler h = Make();
  const HttpResponse r = Post(h, "/v1/segment", json({{"text", kText}}).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  ASSERT_EQ(j["sentences"].size(), 4u);
  for (const json& s : j["sentences"]) {
    const size_t b = s["begin"], e = s["end"];
    EXPECT_EQ(kText.substr(b, e - b), s["text"]);
  }
  EXPECT_EQ(Post(h, "/v1/segment", json({{"text", kText}, {"lang", "de"}, {"pdf", true}}).dump()).status, 200);
  ExpectError(Post(h, "/v1/segment", "{\"text\": 3}"), 400, "invalid-input");
  ExpectError(Post(h, "/v1/segment", "{\"text\": \"a\", \"sentences\": 3}"), 422, "invalid-argument");
}

TEST(ServeHandler, Eval) {
  const Handler h = Make();
  const HttpResponse r = Post(h, "/v1/eval",
                              json({{"summary", {"the cat sat", "on the mat"}},
                                    {"refs", {"the cat sat on the mat"}}, {"ngram", 1},
                                    {"lcs", false}, {"skip", 4}, {"skip_unigrams", true}}).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json s = json::parse(r.body)["scores"];
  EXPECT_EQ(s["ROUGE-1"]["R"], 1.0);
  EXPECT_FALSE(s.contains("ROUGE-L"));
  EXPECT_TRUE(s.contains("ROUGE-SU4"));
  ExpectError(Post(h, "/v1/eval", "{\"refs\": [\"a\"]}"), 400, "invalid-input");
  ExpectError(Post(h, "/v1/eval", "{\"summary\": \"a\", \"refs\": \"a\"}"), 400, "invalid-input");
  ExpectError(Post(h, "/v1/eval", "{\"summary\": \"a\", \"refs\": [\" \"]}"), 422, "invalid-argument");
  ExpectError(Post(h, "/v1/eval", "{\"summary\": \"a\", \"refs\": [\"a\"], \"alpha\": 3}"), 422,
              "invalid-argument");
  ExpectError(Post(h, "/v1/eval", "{\"summary\": \"a\", \"refs\": [\"a\"], \"score_mode\": \"C\"}"), 422,
              "invalid-argument");
  // A huge order is refused at once (fuzz_serve found it running for hours).
  ExpectError(Post(h, "/v1/eval", "{\"summary\": \"a\", \"refs\": [\"a\"], \"ngram\": 1e12}"), 422,
              "invalid-argument");
  ExpectError(Post(h, "/v1/eval", "{\"summary\": \"a\", \"refs\": [\"a\"], \"ngram\": 101}"), 422,
              "invalid-argument");
  EXPECT_EQ(Post(h, "/v1/eval", "{\"summary\": \"a\", \"refs\": [\"a\"], \"ngram\": 100}").status, 200);
}

TEST(ServeHandler, Extract) {
  const Handler h = Make();
  const std::string page =
      "<html><head><title>T</title></head><body><article><p>" + kText + "</p></article></body></html>";
  const HttpResponse r = Post(h, "/v1/extract", json({{"html", page}}).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["text"], kText);
  // A page in a JSON string is decoded text: its declared charset is not
  // applied again.
  const std::string words = "Der B\u00fcrgermeister von Z\u00fcrich sagte, die Stra\u00dfenbahn "
                            "fahre h\u00e4ufiger. Das Caf\u00e9 bleibt ge\u00f6ffnet.";
  for (const char* charset : {"shift_jis", "koi8-r", "iso-8859-2"}) {
    const std::string declared = std::string("<html><head><meta charset=\"") + charset +
                                 "\"></head><body><article><p>" + words +
                                 "</p></article></body></html>";
    const HttpResponse d = Post(h, "/v1/extract", json({{"html", declared}}).dump());
    ASSERT_EQ(d.status, 200) << d.body;
    EXPECT_EQ(json::parse(d.body)["text"], words) << charset;
  }
  ExpectError(Post(h, "/v1/extract", "{\"text\": \"a\"}"), 422, "invalid-argument");
  ExpectError(Post(h, "/v1/extract", "{}"), 400, "invalid-input");
}

TEST(ServeHandler, MetricsCountWhatTheSocketLayerRecords) {
  const Handler h = Make();
  h.Record("/v1/summarize", 200, 0.003);
  h.Record("/v1/summarize", 200, 0.2);
  h.Record("/v1/summarize", 503, 0.0001);
  h.Record("/wp-admin.php", 404, 0.0001);
  h.SetInFlight(3);
  const HttpResponse r = Get(h, "/metrics");
  EXPECT_EQ(r.content_type, "text/plain; version=0.0.4; charset=utf-8");
  const std::string& m = r.body;
  EXPECT_NE(m.find("precis_http_requests_total{route=\"/v1/summarize\",status=\"200\"} 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("precis_http_requests_total{route=\"/v1/summarize\",status=\"503\"} 1\n"), std::string::npos);
  EXPECT_NE(m.find("precis_http_requests_total{route=\"other\",status=\"404\"} 1\n"), std::string::npos);
  EXPECT_NE(m.find("precis_http_request_duration_seconds_bucket{route=\"/v1/summarize\",le=\"0.005\"} 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("precis_http_request_duration_seconds_bucket{route=\"/v1/summarize\",le=\"0.25\"} 3\n"), std::string::npos);
  EXPECT_NE(m.find("precis_http_request_duration_seconds_bucket{route=\"/v1/summarize\",le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(m.find("precis_http_request_duration_seconds_count{route=\"/v1/summarize\"} 3\n"), std::string::npos);
  EXPECT_NE(m.find("precis_http_requests_in_flight 3\n"), std::string::npos);
}

}  // namespace
}  // namespace precis::serve
