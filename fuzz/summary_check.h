// Not public: the contract of a Summary, checked against its cluster and
// options. Shared by the fuzz targets and the bad-input table
// (tests/e2e/bad_input_test.cc), which check every result they get.
#ifndef PRECIS_FUZZ_SUMMARY_CHECK_H_
#define PRECIS_FUZZ_SUMMARY_CHECK_H_

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "precis/io.h"
#include "precis/summarizer.h"
#include "text/analyzer.h"

namespace precis::fuzz {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline bool SpanInside(const Cluster& c, size_t doc, size_t begin, size_t end) {
  return doc < c.docs.size() && begin <= end && end <= c.docs[doc].text.size();
}

// An empty string when `summary` keeps every promise of summarizer.h and
// io.h for `cluster` under `options`; otherwise the first broken one.
inline std::string CheckSummary(const Cluster& cluster, const Summary& summary,
                                const SummarizerOptions& options) {
  struct Taken {
    size_t doc, begin, end;
    bool operator<(const Taken& o) const {
      return doc != o.doc ? doc < o.doc : begin < o.begin;
    }
  };
  std::vector<Taken> taken;
  size_t words = 0, bytes = 0;
  for (const SummarySentence& s : summary.sentences) {
    if (!SpanInside(cluster, s.doc, s.begin, s.end) || s.begin == s.end) {
      return "a summary sentence is not a non-empty span of its document";
    }
    const std::string_view text(cluster.docs[s.doc].text);
    // A span ends on a character boundary, as the input is valid UTF-8.
    for (size_t at : {s.begin, s.end}) {
      if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
        return "a summary sentence splits a UTF-8 character";
      }
    }
    if (s.truncated && !options.truncate) return "truncated without --truncate";
    const std::string_view extract = text.substr(s.begin, s.end - s.begin);
    if (IsAsciiSpace(extract.front()) || IsAsciiSpace(extract.back())) {
      return "a summary sentence starts or ends with whitespace";
    }
    words += CountWhitespaceWords(extract);
    bytes += extract.size();
    taken.push_back({s.doc, s.begin, s.end});
  }
  std::sort(taken.begin(), taken.end());
  for (size_t i = 1; i < taken.size(); ++i) {
    if (taken[i].doc == taken[i - 1].doc && taken[i].begin < taken[i - 1].end) {
      return "two summary sentences overlap";
    }
  }
  const size_t n = summary.sentences.size();
  const double limit = options.budget.value;
  switch (options.budget.unit) {
    case BudgetUnit::kSentences:
      if (double(n) > limit) return "more sentences than the budget";
      break;
    case BudgetUnit::kWords:
      if (double(words) > limit) return "more words than the budget";
      break;
    case BudgetUnit::kBytes:
      if (n > 0 && double(bytes + n - 1) > limit) return "more bytes than the budget";
      break;
    case BudgetUnit::kRatio: {
      size_t input_words = 0;
      for (const Document& d : cluster.docs) input_words += CountWhitespaceWords(d.text);
      if (double(words) > std::max(1.0, std::ceil(limit * double(input_words)))) {
        return "more words than the ratio allows";
      }
      break;
    }
  }
  for (const DroppedSpan& d : summary.dropped) {
    if (!SpanInside(cluster, d.span.doc, d.span.begin, d.span.end)) {
      return "a dropped span is outside its document";
    }
    if (d.of && !SpanInside(cluster, d.of->doc, d.of->begin, d.of->end)) {
      return "a dropped span's 'of' is outside its document";
    }
  }
  for (const SpanRef& h : summary.headlines) {
    if (!SpanInside(cluster, h.doc, h.begin, h.end)) return "a headline is outside its document";
    for (const SummarySentence& s : summary.sentences) {
      if (s.doc == h.doc && s.begin < h.end && h.begin < s.end) {
        return "a headline is also a summary sentence";
      }
    }
  }
  for (const std::string& w : summary.warnings) {
    if (FindInvalidUtf8(w) != kValidUtf8) return "a warning is not valid UTF-8";
  }
  if (n == 0 && summary.warnings.empty()) return "an empty summary without a warning";

  // The JSON line: valid UTF-8, parseable, and each "text" is the span's bytes.
  const std::string line = FormatSummary(cluster, summary, "null",
                                         {OutputFormat::kJson, /*explain=*/true});
  if (FindInvalidUtf8(line) != kValidUtf8) return "JSON output is not valid UTF-8";
  if (line.find('\n') != std::string::npos) return "JSON output spans lines";
  const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.contains("sentences")) return "JSON output does not parse";
  if (j["sentences"].size() != n) return "JSON output has another sentence count";
  for (size_t i = 0; i < n; ++i) {
    const auto& js = j["sentences"][i];
    const SummarySentence& s = summary.sentences[i];
    if (js.value("begin", size_t{0}) != s.begin || js.value("end", size_t{0}) != s.end ||
        js.value("text", std::string()) !=
            cluster.docs[s.doc].text.substr(s.begin, s.end - s.begin)) {
      return "a JSON sentence's text is not its span's bytes";
    }
  }
  for (OutputFormat f : {OutputFormat::kText, OutputFormat::kMarkdown}) {
    if (FindInvalidUtf8(FormatSummary(cluster, summary, "null", {f, false})) != kValidUtf8) {
      return "text or Markdown output is not valid UTF-8";
    }
  }
  return "";
}

// An empty string when an error line is one line of valid UTF-8 JSON with a
// known code.
inline std::string CheckErrorLine(std::string_view id_json, const Status& status) {
  const std::string line = FormatError(id_json, status);
  if (FindInvalidUtf8(line) != kValidUtf8) return "error line is not valid UTF-8";
  const auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return "error line does not parse";
  if (j["error"].value("code", std::string()) != StatusCodeName(status.code())) {
    return "error line has the wrong code";
  }
  if (status.message().empty()) return "an error without a message";
  return "";
}

}  // namespace precis::fuzz

#endif  // PRECIS_FUZZ_SUMMARY_CHECK_H_
