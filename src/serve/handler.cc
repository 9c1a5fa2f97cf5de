#include "serve/handler.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <functional>
#include <optional>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>
#include <variant>
#include <vector>

#include "precis/html.h"
#include "precis/io.h"
#include "precis/rouge.h"
#include "precis/segment.h"
#include "precis/summarizer.h"
#include "serve/assets.h"
#include "serve/metrics.h"

namespace precis::serve {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr char kJson[] = "application/json";

std::string Dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

HttpResponse JsonResponse(std::string body) {
  return {200, kJson, std::move(body), {}};
}

// An error carried out of a parsing step: the status and code to answer.
struct Failure {
  int status;
  std::string code;
  std::string message;
};
template <typename T>
using Parsed = std::variant<T, Failure>;

Failure BadInput(std::string m) { return {400, "invalid-input", std::move(m)}; }
Failure BadOption(std::string m) { return {422, "invalid-argument", std::move(m)}; }

HttpResponse FromFailure(const Failure& f) {
  return ErrorResponse(f.status, f.code, f.message);
}

// A library error after parsing succeeded: the request was well-formed, so
// what is wrong is its content (422) or a limit (413).
HttpResponse FromStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kInvalidInput:
    case StatusCode::kNotFound:
      return ErrorResponse(422, StatusCodeName(s.code()), s.message());
    case StatusCode::kLimitExceeded:
      return ErrorResponse(413, "limit-exceeded", s.message());
    default:
      return ErrorResponse(500, "internal", s.message());
  }
}

// application/json, any case, with parameters; a charset, if given, UTF-8.
bool IsJsonContentType(std::string_view ct) {
  std::string lower(ct);
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  const size_t semi = lower.find(';');
  std::string_view type = std::string_view(lower).substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (type != "application/json") return false;
  const size_t cs = lower.find("charset=", semi == std::string::npos ? lower.size() : semi);
  if (cs == std::string::npos) return true;
  std::string_view charset = std::string_view(lower).substr(cs + 8);
  charset = charset.substr(0, charset.find(';'));
  while (!charset.empty() && (charset.back() == ' ' || charset.back() == '"')) charset.remove_suffix(1);
  while (!charset.empty() && charset.front() == '"') charset.remove_prefix(1);
  return charset == "utf-8" || charset == "utf8";
}

// nlohmann's parser keeps its own stack, but deep values are destroyed
// recursively: refuse absurd nesting before building them (as
// ParseJsonlLine does).
Parsed<json> ParseBody(std::string_view body) {
  if (JsonNestingDepth(body) > kMaxJsonDepth) return BadInput("JSON nested deeper than 64 levels");
  json j = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return BadInput("malformed JSON (or not UTF-8)");
  if (!j.is_object()) return BadInput("the body must be a JSON object");
  return j;
}

// Field readers: a wrong JSON type is a 400, as malformed input is.
std::optional<Failure> ReadBool(const json& j, const char* key, bool& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) return BadInput(std::string("\"") + key + "\" must be true or false");
  out = it->get<bool>();
  return std::nullopt;
}

std::optional<Failure> ReadString(const json& j, const char* key, std::string& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) return BadInput(std::string("\"") + key + "\" must be a string");
  out = it->get<std::string>();
  return std::nullopt;
}

std::optional<Failure> ReadNumber(const json& j, const char* key, bool integer,
                                  std::optional<double>& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  const bool is_int = it->is_number_integer() || it->is_number_unsigned();
  // 5.0 is an integer to JSON's eyes; 5.5 is not.
  const bool whole_float = it->is_number_float() && std::isfinite(it->get<double>()) &&
                           std::trunc(it->get<double>()) == it->get<double>();
  if (!it->is_number() || (integer && !is_int && !whole_float)) {
    return BadInput(std::string("\"") + key + "\" must be " +
                    (integer ? "an integer" : "a number"));
  }
  out = it->get<double>();
  return std::nullopt;
}

std::optional<Failure> RejectUnknown(const json& j, const std::set<std::string>& known,
                                     std::string_view what) {
  for (const auto& [key, value] : j.items()) {
    if (!known.contains(key)) {
      return BadOption("unknown field \"" + key + "\" for " + std::string(what) +
                       " (see doc/api.md)");
    }
  }
  return std::nullopt;
}

// ---- /v1/summarize ---------------------------------------------------------

struct SummarizeRequest {
  SummarizerOptions options;
  bool explain = false;
};

Parsed<SummarizeRequest> ParseSummarizeOptions(const json& j) {
  // The cluster's own fields (the JSON Lines schema) and the options, named
  // like the CLI's flags. A misspelled option would otherwise be silently
  // ignored and its default used.
  static const std::set<std::string> kKnown = {
      "id",    "docs",     "text",     "html",      "title", "date",
      "sentences", "words", "bytes",   "ratio",     "truncate",
      "lang",  "explain",  "algorithm", "no_clean", "keep",  "pdf"};
  if (auto f = RejectUnknown(j, kKnown, "/v1/summarize")) return *f;
  SummarizeRequest r;
  SummarizerOptions& o = r.options;
  bool no_clean = false;
  for (auto f : {ReadBool(j, "truncate", o.truncate), ReadBool(j, "explain", r.explain),
                 ReadBool(j, "no_clean", no_clean), ReadBool(j, "pdf", o.pdf),
                 ReadString(j, "lang", o.lang), ReadString(j, "algorithm", o.algorithm)}) {
    if (f) return *f;
  }
  o.clean = !no_clean;
  struct BudgetKey {
    const char* key;
    BudgetUnit unit;
    bool integer;
  };
  int budgets = 0;
  for (const BudgetKey& b : {BudgetKey{"sentences", BudgetUnit::kSentences, true},
                             BudgetKey{"words", BudgetUnit::kWords, true},
                             BudgetKey{"bytes", BudgetUnit::kBytes, true},
                             BudgetKey{"ratio", BudgetUnit::kRatio, false}}) {
    std::optional<double> v;
    if (auto f = ReadNumber(j, b.key, b.integer, v)) return *f;
    if (v) {
      ++budgets;
      o.budget = {b.unit, *v};
    }
  }
  if (budgets > 1) {
    return BadOption("give one budget: sentences, words, bytes or ratio");
  }
  auto keep = j.find("keep");
  if (keep != j.end() && !keep->is_null()) {
    std::vector<std::string> names;
    if (keep->is_string()) {
      // "boilerplate,fragment", as the CLI flag takes it.
      std::string s = keep->get<std::string>();
      for (size_t start = 0; start <= s.size();) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        if (comma > start) names.push_back(s.substr(start, comma - start));
        start = comma + 1;
      }
    } else if (keep->is_array()) {
      for (const json& k : *keep) {
        if (!k.is_string()) return BadInput("\"keep\" must be strings");
        names.push_back(k.get<std::string>());
      }
    } else {
      return BadInput("\"keep\" must be an array of strings or a comma-separated string");
    }
    for (const std::string& name : names) {
      auto reason = ParseDropReason(name);
      if (!reason.ok()) return BadOption(reason.status().message());
      o.keep.push_back(*reason);
    }
  }
  return r;
}

HttpResponse Summarize(const ServeOptions& limits, const HttpRequest& req) {
  auto body = ParseBody(req.body);
  if (auto* f = std::get_if<Failure>(&body)) return FromFailure(*f);
  const json& j = std::get<json>(body);
  auto parsed = ParseSummarizeOptions(j);
  if (auto* f = std::get_if<Failure>(&parsed)) return FromFailure(*f);
  const SummarizeRequest& sr = std::get<SummarizeRequest>(parsed);
  // Counted before any page is extracted: the documents are the cost.
  auto docs = j.find("docs");
  if (docs != j.end() && docs->is_array() && docs->size() > limits.max_docs) {
    return ErrorResponse(413, "limit-exceeded",
                         std::to_string(docs->size()) + " documents; at most " +
                             std::to_string(limits.max_docs) + " per request");
  }
  auto summarizer = Summarizer::Create(sr.options);
  if (!summarizer.ok()) return FromStatus(summarizer.status());
  // The same reader as `precis summarize --input jsonl`, so that the answer
  // is the CLI's line byte for byte.
  JsonlRecord record = ParseJsonlLine(req.body);
  if (!record.cluster.ok()) {
    const Status& s = record.cluster.status();
    if (s.code() == StatusCode::kInvalidInput) return ErrorResponse(400, "invalid-input", s.message());
    return FromStatus(s);
  }
  auto summary = SummarizeRecord(*summarizer, record);
  if (!summary.ok()) return FromStatus(summary.status());
  WriteOptions w;
  w.format = OutputFormat::kJson;
  w.explain = sr.explain;
  return JsonResponse(FormatSummary(*record.cluster, *summary, record.id_json, w) + "\n");
}

// ---- /v1/segment -----------------------------------------------------------

HttpResponse Segment(const HttpRequest& req) {
  auto body = ParseBody(req.body);
  if (auto* f = std::get_if<Failure>(&body)) return FromFailure(*f);
  const json& j = std::get<json>(body);
  if (auto f = RejectUnknown(j, {"text", "lang", "pdf"}, "/v1/segment")) return FromFailure(*f);
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return FromFailure(BadInput("needs a \"text\" string"));
  SegmentOptions options;
  for (auto f : {ReadString(j, "lang", options.lang), ReadBool(j, "pdf", options.pdf)}) {
    if (f) return FromFailure(*f);
  }
  const std::string& t = text->get_ref<const std::string&>();
  if (Status s = CheckText(t, "text"); !s.ok()) return FromStatus(s);
  // The shape of `precis segment --format json`.
  ordered_json out;
  out["sentences"] = ordered_json::array();
  for (const Span& s : SegmentSentences(t, options)) {
    ordered_json o;
    o["begin"] = s.begin;
    o["end"] = s.end;
    o["text"] = t.substr(s.begin, s.size());
    out["sentences"].push_back(std::move(o));
  }
  return JsonResponse(Dump(out));
}

// ---- /v1/extract -----------------------------------------------------------

HttpResponse Extract(const HttpRequest& req) {
  auto body = ParseBody(req.body);
  if (auto* f = std::get_if<Failure>(&body)) return FromFailure(*f);
  const json& j = std::get<json>(body);
  if (auto f = RejectUnknown(j, {"html"}, "/v1/extract")) return FromFailure(*f);
  auto html = j.find("html");
  if (html == j.end() || !html->is_string()) return FromFailure(BadInput("needs an \"html\" string"));
  // A JSON string is decoded text: the page's own charset no longer applies.
  auto page = ExtractHtml(html->get_ref<const std::string&>(), HtmlOptions{.decoded = true});
  if (!page.ok()) return FromStatus(page.status());
  // The shape of `precis extract --format json`.
  return JsonResponse(FormatExtractedPage(*page) + "\n");
}

// ---- /v1/eval --------------------------------------------------------------

Parsed<rouge::Document> EvalText(const json& j, const std::string& where) {
  if (j.is_string()) return rouge::PlainTextDocument(j.get<std::string>());
  if (j.is_array()) {
    std::string joined;
    for (const json& s : j) {
      if (!s.is_string()) return BadInput(where + ": sentences must be strings");
      joined += s.get<std::string>();
      joined += '\n';
    }
    return rouge::PlainTextDocument(joined);
  }
  return BadInput(where + " must be a string or an array of strings");
}

HttpResponse Eval(const HttpRequest& req) {
  auto body = ParseBody(req.body);
  if (auto* f = std::get_if<Failure>(&body)) return FromFailure(*f);
  const json& j = std::get<json>(body);
  static const std::set<std::string> kKnown = {
      "summary", "refs",  "ngram", "lcs",        "wlcs_weight", "skip", "skip_unigrams",
      "stem",    "stopwords", "words", "bytes", "score_mode", "alpha"};
  if (auto f = RejectUnknown(j, kKnown, "/v1/eval")) return FromFailure(*f);
  auto summary = j.find("summary");
  if (summary == j.end()) return FromFailure(BadInput("needs a \"summary\""));
  auto peer = EvalText(*summary, "\"summary\"");
  if (auto* f = std::get_if<Failure>(&peer)) return FromFailure(*f);
  auto refs = j.find("refs");
  if (refs == j.end() || !refs->is_array()) return FromFailure(BadInput("needs a \"refs\" array"));
  std::vector<rouge::Document> models;
  for (size_t k = 0; k < refs->size(); ++k) {
    const std::string where = "refs[" + std::to_string(k) + "]";
    auto ref = EvalText((*refs)[k], where);
    if (auto* f = std::get_if<Failure>(&ref)) return FromFailure(*f);
    if (std::get<rouge::Document>(ref).sentences.empty()) {
      return FromFailure(BadOption(where + ": empty reference"));
    }
    models.push_back(std::move(std::get<rouge::Document>(ref)));
  }
  if (models.empty()) return FromFailure(BadOption("\"refs\" is empty"));
  // ROUGE-1.5.5's options under readable names (doc/api.md maps each to the
  // script's flag); ROUGE-1 and -2 unless told otherwise.
  rouge::Options o;
  o.max_ngram = 2;
  std::optional<double> ngram, weight, skip, words, bytes, alpha;
  std::string mode = "A";
  bool stopwords = false;
  for (auto f : {ReadNumber(j, "ngram", true, ngram), ReadNumber(j, "wlcs_weight", false, weight),
                 ReadNumber(j, "skip", true, skip), ReadNumber(j, "words", true, words),
                 ReadNumber(j, "bytes", true, bytes), ReadNumber(j, "alpha", false, alpha),
                 ReadBool(j, "lcs", o.lcs), ReadBool(j, "skip_unigrams", o.skip_unigrams),
                 ReadBool(j, "stem", o.stem), ReadBool(j, "stopwords", stopwords),
                 ReadString(j, "score_mode", mode)}) {
    if (f) return FromFailure(*f);
  }
  auto to_int = [](double v) { return int(std::clamp(v, -1e9, 1e9)); };
  if (ngram) o.max_ngram = to_int(*ngram);
  if (weight) o.wlcs_weight = *weight;
  if (skip) o.skip_distance = to_int(*skip);
  if (words) o.word_limit = to_int(*words);
  if (bytes) o.byte_limit = to_int(*bytes);
  if (alpha) o.alpha = *alpha;
  o.remove_stopwords = stopwords;
  if (mode != "A" && mode != "B") return FromFailure(BadOption("\"score_mode\" must be \"A\" or \"B\""));
  o.score_mode = mode == "B" ? rouge::ScoreMode::kBest : rouge::ScoreMode::kAverage;
  if (Status s = rouge::Validate(o); !s.ok()) return FromStatus(s);
  auto scores = rouge::ScorePair(std::get<rouge::Document>(peer), models, o);
  if (!scores.ok()) return FromStatus(scores.status());
  const std::vector<std::string> names = rouge::MetricNames(o);
  ordered_json out;
  out["scores"] = ordered_json::object();
  for (size_t m = 0; m < names.size() && m < scores->size(); ++m) {
    const rouge::PairScore& p = (*scores)[m];
    out["scores"][names[m]] = {{"R", p.recall}, {"P", p.precision}, {"F", p.f}};
  }
  return JsonResponse(Dump(out));
}

// ---- GET endpoints ---------------------------------------------------------

HttpResponse AlgorithmsList() {
  ordered_json out;
  out["default"] = SummarizerOptions().algorithm;
  out["algorithms"] = ordered_json::array();
  for (const AlgorithmInfo& a : Algorithms()) {
    out["algorithms"].push_back({{"name", a.name}, {"description", a.description}});
  }
  out["languages"] = SupportedLanguages();
  return JsonResponse(Dump(out));
}

// The bundled examples as ready-made /v1/summarize bodies: examples/<name>/
// is a cluster of text files, examples/<name>.html one page.
HttpResponse ExampleList() {
  ordered_json clusters = ordered_json::object();
  for (size_t i = 0; i < kNumExampleFiles; ++i) {
    const std::string_view name = kExampleFiles[i].name;
    const size_t slash = name.find('/');
    std::string cluster, doc_id;
    bool html = false;
    if (slash != std::string_view::npos) {
      cluster = std::string(name.substr(0, slash));
      doc_id = std::string(name.substr(slash + 1));
    } else if (name.ends_with(".html")) {
      cluster = std::string(name.substr(0, name.size() - 5));
      doc_id = std::string(name);
      html = true;
    } else {
      continue;
    }
    ordered_json& c = clusters[cluster];
    if (c.is_null()) c = {{"id", cluster}, {"docs", ordered_json::array()}};
    c["docs"].push_back({{"id", doc_id}, {html ? "html" : "text", std::string(kExampleFiles[i].bytes)}});
  }
  ordered_json out;
  out["examples"] = std::move(clusters);
  return JsonResponse(Dump(out));
}

std::string_view MediaType(std::string_view name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".png")) return "image/png";
  return "application/octet-stream";
}

// "/" is the page; "/static/NAME" its other files (web/NAME).
std::optional<HttpResponse> StaticFile(std::string_view path) {
  std::string_view name;
  if (path == "/") name = "index.html";
  else if (path.starts_with("/static/")) name = path.substr(8);
  else return std::nullopt;
  for (size_t i = 0; i < kNumWebFiles; ++i) {
    if (kWebFiles[i].name == name) {
      return HttpResponse{200, std::string(MediaType(name)),
                          std::string(kWebFiles[i].bytes), {}};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string ErrorBody(std::string_view code, std::string_view message) {
  ordered_json j;
  j["error"]["code"] = std::string(code);
  j["error"]["message"] = std::string(message);
  return Dump(j);
}

HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message) {
  return {status, kJson, ErrorBody(code, message), {}};
}

struct Handler::Impl {
  ServeOptions options;
  Metrics metrics;
};

Handler::Handler(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Handler::Handler(Handler&&) noexcept = default;
Handler& Handler::operator=(Handler&&) noexcept = default;
Handler::~Handler() = default;

Result<Handler> Handler::Create(const ServeOptions& options) {
  if (options.max_body_bytes == 0) return Status::InvalidArgument("the body limit must be at least 1 byte");
  if (options.max_docs == 0) return Status::InvalidArgument("the document limit must be at least 1");
  if (options.threads < 0 || options.threads > 1024) {
    return Status::InvalidArgument("threads must be in [0, 1024]");
  }
  if (options.max_queue < 1) return Status::InvalidArgument("the queue must hold at least 1 request");
  if (options.max_connections < 1 || options.max_connections > 4096) {
    return Status::InvalidArgument("max connections must be in [1, 4096]");
  }
  if (!(options.timeout_seconds > 0 && options.timeout_seconds <= 86400)) {
    return Status::InvalidArgument("the timeout must be in (0, 86400] seconds");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  return Handler(std::move(impl));
}

const ServeOptions& Handler::options() const { return impl_->options; }

void Handler::Record(std::string_view path, int status, double seconds) const {
  impl_->metrics.Record(path, status, seconds);
}

void Handler::SetInFlight(long n) const { impl_->metrics.SetInFlight(n); }

HttpResponse Handler::Handle(const HttpRequest& req) const {
  try {
    using Post = HttpResponse (*)(const ServeOptions&, const HttpRequest&);
    static const std::pair<std::string_view, Post> kPosts[] = {
        {"/v1/summarize", [](const ServeOptions& o, const HttpRequest& r) { return Summarize(o, r); }},
        {"/v1/segment", [](const ServeOptions&, const HttpRequest& r) { return Segment(r); }},
        {"/v1/eval", [](const ServeOptions&, const HttpRequest& r) { return Eval(r); }},
        {"/v1/extract", [](const ServeOptions&, const HttpRequest& r) { return Extract(r); }},
    };
    const bool get = req.method == "GET" || req.method == "HEAD";
    for (const auto& [path, fn] : kPosts) {
      if (req.path != path) continue;
      if (req.method != "POST") {
        HttpResponse r =
            ErrorResponse(405, "method-not-allowed", std::string(path) + " takes POST");
        r.allow = "POST";
        return r;
      }
      if (req.body.size() > impl_->options.max_body_bytes) {
        return ErrorResponse(413, "limit-exceeded",
                             "the body is larger than " +
                                 std::to_string(impl_->options.max_body_bytes) + " bytes");
      }
      if (!IsJsonContentType(req.content_type)) {
        return ErrorResponse(415, "unsupported-media-type",
                             "send Content-Type: application/json (UTF-8)");
      }
      return fn(impl_->options, req);
    }
    auto answer_get = [&]() -> std::optional<HttpResponse> {
      if (req.path == "/healthz") return JsonResponse("{\"status\":\"ok\"}\n");
      if (req.path == "/v1/algorithms") return AlgorithmsList();
      if (req.path == "/v1/examples") return ExampleList();
      if (req.path == "/metrics") {
        return HttpResponse{200, "text/plain; version=0.0.4; charset=utf-8",
                            impl_->metrics.Render(), {}};
      }
      return StaticFile(req.path);
    };
    if (get) {
      if (auto r = answer_get()) return *r;
    } else if (req.path == "/healthz" || req.path == "/v1/algorithms" ||
               req.path == "/v1/examples" || req.path == "/metrics" ||
               StaticFile(req.path)) {
      HttpResponse r = ErrorResponse(405, "method-not-allowed", req.path + " takes GET");
      r.allow = "GET, HEAD";
      return r;
    }
    return ErrorResponse(404, "not-found", "no endpoint " + req.path + " (see doc/api.md)");
  } catch (const std::exception& e) {
    return ErrorResponse(500, "internal", e.what());
  }
}

}  // namespace precis::serve
