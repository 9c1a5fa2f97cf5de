// The whole Summarize call: random bytes as one document or as a cluster
// (documents split at byte 0x1E), under random options (every algorithm,
// every budget unit, truncation, cleaning, languages). Valid text always
// gives a summary that keeps summary_check.h's promises; anything else an
// invalid-input error with a message, never a crash.
#include <utf8proc.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "base/utf8.h"
#include "precis/summarizer.h"
#include "summary_check.h"

namespace {

// Fixed tables, so that a seed's option bytes pick the same algorithm and
// language whatever order the library lists them in. A name the library
// adds goes at the end (the first input fails until it is there).
constexpr std::string_view kAlgorithms[] = {
    "precis", "lead",   "luhn", "lexrank", "lexrank-threshold", "textrank", "centroid",
    "sumbasic", "klsum", "lsa", "mmr",     "submodular",        "ilp",      "coverage"};
constexpr std::string_view kLanguages[] = {
    "en", "de", "fr", "es", "it", "nl", "pt", "ru", "ar", "ca", "da", "el", "eu", "fi",
    "ga", "hi", "hu", "hy", "id", "lt", "ne", "no", "ro", "sr", "sv", "ta", "tr", "yi"};

template <size_t N>
bool Lists(const std::string_view (&table)[N], std::string_view name) {
  return std::find(std::begin(table), std::end(table), name) != std::end(table);
}

void CheckTables() {
  static const bool checked = [] {
    for (const precis::AlgorithmInfo& a : precis::Algorithms()) FUZZ_CHECK(Lists(kAlgorithms, a.name));
    for (const std::string& l : precis::SupportedLanguages()) FUZZ_CHECK(Lists(kLanguages, l));
    FUZZ_CHECK(std::size(kAlgorithms) == precis::Algorithms().size());
    FUZZ_CHECK(std::size(kLanguages) == precis::SupportedLanguages().size());
    return true;
  }();
  (void)checked;
}

precis::SummarizerOptions PickOptions(precis::fuzz::Input& in) {
  CheckTables();
  precis::SummarizerOptions o;
  o.algorithm = std::string(kAlgorithms[in.Byte() % std::size(kAlgorithms)]);
  const uint8_t flags = in.Byte();
  const uint8_t size = in.Byte();
  o.lang = std::string(kLanguages[in.Byte() % std::size(kLanguages)]);
  switch (flags & 3) {
    case 0: o.budget = {precis::BudgetUnit::kSentences, double(1 + size % 8)}; break;
    case 1: o.budget = {precis::BudgetUnit::kWords, double(1 + size)}; break;
    case 2: o.budget = {precis::BudgetUnit::kBytes, double(1 + 4 * size)}; break;
    case 3: o.budget = {precis::BudgetUnit::kRatio, (1 + size) / 256.0}; break;
  }
  if (size == 255 && (flags & 3) != 3) o.budget.value = 1e9;  // "huge"
  o.truncate = (flags & 4) != 0 && ((flags & 3) == 1 || (flags & 3) == 2);
  o.clean = (flags & 8) == 0;
  o.pdf = (flags & 16) != 0;
  if (flags & 64) o.keep = {precis::DropReason::kBoilerplate, precis::DropReason::kFragment};
  return o;
}

// No letter, digit or other character that could make a sentence: the
// summarizer may call such a document empty (Unicode spaces count as blank).
bool IsBlank(std::string_view s) {
  for (size_t i = 0, len = 1; i < s.size(); i += len) {
    const int32_t c = precis::DecodeUtf8(s, i, &len);
    const utf8proc_category_t category = utf8proc_category(c);
    if (c > 0x20 && category != UTF8PROC_CATEGORY_ZS && category != UTF8PROC_CATEGORY_ZL &&
        category != UTF8PROC_CATEGORY_ZP && category != UTF8PROC_CATEGORY_CF &&
        category != UTF8PROC_CATEGORY_CC) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  precis::fuzz::Input in(data, size);
  const precis::SummarizerOptions options = PickOptions(in);
  const bool as_cluster = (in.Byte() & 1) != 0;
  auto summarizer = precis::Summarizer::Create(options);
  FUZZ_CHECK(summarizer.ok());

  precis::Cluster cluster;
  cluster.id = "fuzz";
  const std::string_view rest = in.Rest();
  size_t start = 0;
  while (true) {
    const size_t cut = as_cluster ? rest.find('\x1e', start) : std::string_view::npos;
    precis::Document doc;
    doc.id = "d" + std::to_string(cluster.docs.size());
    doc.text = std::string(rest.substr(start, cut == std::string_view::npos ? cut : cut - start));
    cluster.docs.push_back(std::move(doc));
    if (cut == std::string_view::npos) break;
    start = cut + 1;
  }

  bool all_valid = true, all_blank = true;
  for (const precis::Document& d : cluster.docs) {
    all_valid &= precis::DescribeInvalidText(d.text).empty();
    all_blank &= IsBlank(d.text);
  }
  const auto summary = summarizer->Summarize(cluster);
  if (!summary.ok()) {
    // The only failures: text precis cannot read, or nothing but blanks.
    FUZZ_CHECK(summary.status().code() == precis::StatusCode::kInvalidInput);
    FUZZ_CHECK(!all_valid || all_blank);
    FUZZ_CHECK_NO_PROBLEM(precis::fuzz::CheckErrorLine("\"fuzz\"", summary.status()));
    return 0;
  }
  FUZZ_CHECK(all_valid);
  FUZZ_CHECK_NO_PROBLEM(precis::fuzz::CheckSummary(cluster, *summary, options));
  // Deterministic: a fresh Summarizer gives the same bytes.
  const auto again = precis::Summarizer::Create(options)->Summarize(cluster);
  FUZZ_CHECK(again.ok());
  const precis::WriteOptions json{precis::OutputFormat::kJson, /*explain=*/true};
  FUZZ_CHECK(precis::FormatSummary(cluster, *summary, "null", json) ==
             precis::FormatSummary(cluster, *again, "null", json));
  return 0;
}
