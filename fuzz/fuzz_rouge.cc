// ROUGE's readers on any bytes: the XML configuration parser, the SPL, SEE
// and ISI summary formats, and ScorePair on what they read (the first part
// the peer, the rest models, split at byte 0x1E) under random options.
// Recall, precision and F stay finite and within [0, 1]; a malformed
// configuration is an error naming the file, never a crash.
#include <cmath>
#include <string>
#include <vector>

#include "eval/config.h"
#include "fuzz_check.h"
#include "precis/rouge.h"

namespace {

precis::rouge::Options PickOptions(precis::fuzz::Input& in) {
  precis::rouge::Options o;
  const uint8_t a = in.Byte(), b = in.Byte();
  o.max_ngram = a % 5;
  o.lcs = (a & 8) == 0;
  if (a & 16) o.wlcs_weight = 1.2;
  if (a & 32) o.skip_distance = (a & 64) ? -1 : 4;
  o.skip_unigrams = (a & 128) != 0;
  o.stem = (b & 1) != 0;
  o.remove_stopwords = (b & 2) != 0;
  if (b & 4) o.word_limit = 1 + (b >> 4);
  else if (b & 8) o.byte_limit = 1 + 4 * (b >> 4);
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  precis::fuzz::Input in(data, size);
  const precis::rouge::Options options = PickOptions(in);
  const uint8_t format_byte = in.Byte();
  const std::string_view rest = in.Rest();

  const auto config = precis::rouge::ParseConfig(rest, "fuzz.xml");
  if (!config.ok()) {
    FUZZ_CHECK(!config.status().message().empty());
    FUZZ_CHECK(config.status().message().find("fuzz.xml") != std::string::npos);
  }

  const auto format = static_cast<precis::rouge::InputFormat>(format_byte % 3);
  std::vector<precis::rouge::Document> parts;
  size_t start = 0;
  while (true) {
    const size_t cut = rest.find('\x1e', start);
    parts.push_back(precis::rouge::ParseDocument(
        rest.substr(start, cut == std::string_view::npos ? cut : cut - start), format));
    if (cut == std::string_view::npos) break;
    start = cut + 1;
  }
  if (parts.size() < 2) return 0;
  FUZZ_CHECK(precis::rouge::Validate(options).ok());
  const std::vector<precis::rouge::Document> models(parts.begin() + 1, parts.end());
  const auto scores = precis::rouge::ScorePair(parts[0], models, options);
  if (!scores.ok()) {
    FUZZ_CHECK(scores.status().code() == precis::StatusCode::kInvalidInput);
    return 0;
  }
  FUZZ_CHECK(scores->size() == precis::rouge::MetricNames(options).size());
  for (const precis::rouge::PairScore& s : *scores) {
    for (double v : {s.recall, s.precision, s.f}) {
      FUZZ_CHECK(std::isfinite(v) && v >= 0 && v <= 1);
    }
  }
  return 0;
}
