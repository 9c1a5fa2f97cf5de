// ParseJsonlLine on any line (deep nesting, truncation, wrong types, "html"
// documents), then the summary of what it accepts: the echoed id is JSON,
// errors are one line of JSON with a known code and a message, and an
// accepted cluster summarizes within summary_check.h's promises.
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_check.h"
#include "precis/io.h"
#include "precis/summarizer.h"
#include "summary_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const precis::Summarizer* const summarizer = [] {
    precis::SummarizerOptions o;
    o.budget = {precis::BudgetUnit::kWords, 60};
    o.truncate = true;
    return new precis::Summarizer(precis::Summarizer::Create(o).value());
  }();
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  precis::JsonlRecord record = precis::ParseJsonlLine(line);
  FUZZ_CHECK(!nlohmann::json::parse(record.id_json, nullptr, false).is_discarded());
  if (!record.cluster.ok()) {
    const precis::StatusCode code = record.cluster.status().code();
    FUZZ_CHECK(code == precis::StatusCode::kInvalidInput ||
               code == precis::StatusCode::kLimitExceeded);
    FUZZ_CHECK_NO_PROBLEM(
        precis::fuzz::CheckErrorLine(record.id_json, record.cluster.status()));
    return 0;
  }
  const precis::Cluster& cluster = *record.cluster;
  for (const precis::Document& d : cluster.docs) {
    FUZZ_CHECK(precis::fuzz::IsValidUtf8(d.id));
    FUZZ_CHECK(precis::fuzz::IsValidUtf8(d.text));
  }
  const auto summary = summarizer->Summarize(cluster);
  if (!summary.ok()) {
    FUZZ_CHECK_NO_PROBLEM(precis::fuzz::CheckErrorLine(record.id_json, summary.status()));
    return 0;
  }
  FUZZ_CHECK_NO_PROBLEM(
      precis::fuzz::CheckSummary(cluster, *summary, summarizer->options()));
  // With the id the line gave, the output is still one line of JSON.
  const std::string out = precis::FormatSummary(cluster, *summary, record.id_json, {});
  FUZZ_CHECK(!nlohmann::json::parse(out, nullptr, false).is_discarded());
  return 0;
}
