#include "score/luhn.h"

#include <algorithm>
#include <cmath>

namespace precis {

std::vector<double> LuhnScores(const ScoreContext& ctx, const LuhnOptions& options) {
  const auto& sentences = ctx.analyzed.sentences;
  const Vocabulary& vocab = ctx.analyzed.vocab;
  std::vector<uint32_t> count(vocab.size(), 0);
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!ctx.keep[i]) continue;
    for (uint32_t t : sentences[i].terms) count[t] += !vocab.IsStop(t);
  }
  std::vector<uint32_t> counts;
  for (uint32_t c : count) {
    if (c > 0) counts.push_back(c);
  }
  std::vector<double> scores(sentences.size(), 0.0);
  if (counts.empty()) return scores;
  // The frequency of the term at the significant_share quantile: ties at the
  // cut are all significant, so the result does not depend on term ids.
  // The top share is `top` terms, the last of them counts[top - 1]; the
  // epsilon keeps 0.1 * 30 (3.0000000000000004 in binary) at 3.
  std::sort(counts.begin(), counts.end(), std::greater<>());
  const double share = options.significant_share * double(counts.size());
  const size_t top = std::clamp<size_t>(size_t(std::ceil(share - 1e-9)), 1, counts.size());
  const uint32_t cut = std::max<uint32_t>(counts[top - 1], uint32_t(options.min_count));
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!ctx.keep[i]) continue;
    const auto& terms = sentences[i].terms;
    double best = 0;
    long first = -1, last = -1, gap = 0;
    int significant = 0;
    auto close = [&] {
      if (significant > 0) {
        best = std::max(best, double(significant) * significant / double(last - first + 1));
      }
      significant = 0;
      first = last = -1;
    };
    for (size_t w = 0; w < terms.size(); ++w) {
      if (!vocab.IsStop(terms[w]) && count[terms[w]] >= cut) {
        if (first < 0) first = long(w);
        last = long(w);
        ++significant;
        gap = 0;
      } else if (first >= 0 && ++gap > options.max_gap) {
        close();
        gap = 0;
      }
    }
    close();
    scores[i] = best;
  }
  return scores;
}

}  // namespace precis
