// The whole Summarize call: random bytes as one document or as a cluster
// (documents split at byte 0x1E), under random options (every algorithm,
// every budget unit, truncation, cleaning, languages). Valid text always
// gives a summary that keeps summary_check.h's promises; anything else an
// invalid-input error with a message, never a crash.
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "precis/summarizer.h"
#include "summary_check.h"

namespace {

precis::SummarizerOptions PickOptions(precis::fuzz::Input& in) {
  static const std::vector<precis::AlgorithmInfo> kAlgorithms = precis::Algorithms();
  static const std::vector<std::string> kLanguages = precis::SupportedLanguages();
  precis::SummarizerOptions o;
  o.algorithm = kAlgorithms[in.Byte() % kAlgorithms.size()].name;
  const uint8_t flags = in.Byte();
  const uint8_t size = in.Byte();
  o.lang = kLanguages[in.Byte() % kLanguages.size()];
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

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
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
  return 0;
}
