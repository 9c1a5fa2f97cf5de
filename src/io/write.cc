#include <cmath>
#include <nlohmann/json.hpp>

#include "precis/io.h"
#include "precis/html.h"
#include "precis/segment.h"

namespace precis {
namespace {

// JSON carries one "warning" string: several are joined by "; ".
std::string JoinWarnings(const std::vector<std::string>& warnings) {
  std::string joined;
  for (const std::string& w : warnings) {
    if (!joined.empty()) joined += "; ";
    joined += w;
  }
  return joined;
}

using nlohmann::ordered_json;

std::string_view Bytes(const Cluster& c, size_t doc, size_t begin, size_t end) {
  return std::string_view(c.docs[doc].text).substr(begin, end - begin);
}

// Scores are printed with 6 decimals: enough to rank, stable to read.
double Rounded(double x) { return std::round(x * 1e6) / 1e6; }

ordered_json SpanJson(const Cluster& c, const SpanRef& s) {
  ordered_json j;
  j["doc"] = c.docs[s.doc].id;
  j["begin"] = s.begin;
  j["end"] = s.end;
  return j;
}

std::string Json(const Cluster& cluster, const Summary& summary,
                 std::string_view id_json, bool explain) {
  ordered_json j;
  j["id"] = ordered_json::parse(id_json, nullptr, false);
  if (j["id"].is_discarded()) j["id"] = nullptr;
  ordered_json sentences = ordered_json::array();
  for (const SummarySentence& s : summary.sentences) {
    ordered_json o;
    o["doc"] = cluster.docs[s.doc].id;
    o["begin"] = s.begin;
    o["end"] = s.end;
    o["text"] = std::string(Bytes(cluster, s.doc, s.begin, s.end));
    o["score"] = Rounded(s.score);
    if (s.truncated) o["truncated"] = true;
    if (const HtmlSource* html = cluster.docs[s.doc].html.get()) {
      const auto [page_begin, page_end] = html->offsets.PageSpan(s.begin, s.end);
      o["html_begin"] = page_begin;
      o["html_end"] = page_end;
    }
    sentences.push_back(std::move(o));
  }
  j["sentences"] = std::move(sentences);
  if (!summary.fallback.empty()) j["fallback"] = summary.fallback;
  if (!summary.headlines.empty()) {
    ordered_json titles = ordered_json::array();
    for (const SpanRef& h : summary.headlines) {
      ordered_json o = SpanJson(cluster, h);
      o["text"] = std::string(Bytes(cluster, h.doc, h.begin, h.end));
      titles.push_back(std::move(o));
    }
    j["titles"] = std::move(titles);
  }
  if (!summary.warnings.empty()) j["warning"] = JoinWarnings(summary.warnings);
  if (explain) {
    ordered_json dropped = ordered_json::array();
    for (const DroppedSpan& d : summary.dropped) {
      ordered_json o = SpanJson(cluster, d.span);
      o["reason"] = std::string(DropReasonName(d.reason));
      if (d.of) o["of"] = SpanJson(cluster, *d.of);
      dropped.push_back(std::move(o));
    }
    j["dropped"] = std::move(dropped);
  }
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

std::string FormatSummary(const Cluster& cluster, const Summary& summary,
                          std::string_view id_json, const WriteOptions& options) {
  if (options.format == OutputFormat::kJson) {
    return Json(cluster, summary, id_json, options.explain);
  }
  std::string out;
  for (const SummarySentence& s : summary.sentences) {
    const std::string text = SentenceDisplayText(Bytes(cluster, s.doc, s.begin, s.end));
    if (options.format == OutputFormat::kText) {
      out += text;
    } else {
      out += "- " + text + " *(" + cluster.docs[s.doc].id + ", bytes " +
             std::to_string(s.begin) + "-" + std::to_string(s.end) + ")*";
    }
    out += '\n';
  }
  return out;
}

std::string FormatExtractedPage(const ExtractedPage& page) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? ordered_json(nullptr) : ordered_json(s);
  };
  ordered_json j;
  j["title"] = or_null(page.meta.title);
  j["date"] = or_null(page.meta.date);
  j["byline"] = or_null(page.meta.byline);
  j["lang"] = or_null(page.meta.lang);
  j["url"] = or_null(page.meta.url);
  j["text"] = page.text;
  if (!page.warnings.empty()) j["warning"] = JoinWarnings(page.warnings);
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string FormatError(std::string_view id_json, const Status& status) {
  ordered_json j;
  j["id"] = ordered_json::parse(id_json, nullptr, false);
  if (j["id"].is_discarded()) j["id"] = nullptr;
  j["error"]["code"] = std::string(StatusCodeName(status.code()));
  j["error"]["message"] = status.message();
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string FormatDroppedReport(const Cluster& cluster, const Summary& summary) {
  std::string out = "precis: cleaning dropped " +
                    std::to_string(summary.dropped.size()) + " span(s)\n";
  for (const DroppedSpan& d : summary.dropped) {
    std::string text = SentenceDisplayText(
        Bytes(cluster, d.span.doc, d.span.begin, d.span.end));
    if (text.size() > 72) {
      size_t cut = 69;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "...";
    }
    out += "  " + cluster.docs[d.span.doc].id + ":" + std::to_string(d.span.begin) +
           "-" + std::to_string(d.span.end) + " " + std::string(DropReasonName(d.reason));
    if (d.of) {
      out += " (of " + cluster.docs[d.of->doc].id + ":" + std::to_string(d.of->begin) +
             "-" + std::to_string(d.of->end) + ")";
    }
    out += ": " + text + "\n";
  }
  for (const std::string& w : summary.warnings) out += "precis: warning: " + w + "\n";
  return out;
}

}  // namespace precis
