#include "score/klsum.h"

#include <algorithm>
#include <cmath>

#include "score/sumbasic.h"

namespace precis {

std::vector<double> KlSumScores(const ScoreContext& ctx, const KlSumOptions& options,
                                const PickLimits* limits) {
  const auto& sentences = ctx.analyzed.sentences;
  const Vocabulary& vocab = ctx.analyzed.vocab;
  std::vector<double> pd(vocab.size(), 0.0);
  double total = 0;
  // Each sentence as (term, count) pairs.
  std::vector<std::vector<std::pair<uint32_t, double>>> bags(sentences.size());
  std::vector<double> length(sentences.size(), 0.0);
  std::vector<size_t> live;
  std::vector<uint32_t> terms;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!ctx.keep[i]) continue;
    terms.clear();
    for (uint32_t t : sentences[i].terms) {
      if (!vocab.IsStop(t)) terms.push_back(t);
    }
    if (terms.empty()) continue;
    std::sort(terms.begin(), terms.end());
    for (size_t k = 0; k < terms.size();) {
      size_t e = k;
      while (e < terms.size() && terms[e] == terms[k]) ++e;
      bags[i].push_back({terms[k], double(e - k)});
      k = e;
    }
    length[i] = double(terms.size());
    for (uint32_t t : terms) pd[t] += 1;
    total += double(terms.size());
    live.push_back(i);
  }
  if (live.empty()) return std::vector<double>(sentences.size(), 0.0);
  double v = 0;
  for (double& x : pd) {
    if (x > 0) ++v;
    x /= total;
  }
  const double delta = options.delta;
  // KL(P_D || P_S) = H_cross - H(P_D), where
  //   H_cross = -sum_w P_D(w) log(c(w) + delta) + log(T + delta V).
  // Only the part that changes is tracked: gain(s) = sum over s's words of
  // P_D(w) [log(c(w) + k + delta) - log(c(w) + delta)], and log(T + delta V).
  std::vector<double> c(vocab.size(), 0.0);
  double summary_len = 0;
  auto kl_delta = [&](size_t i) {  // KL after adding i, up to a constant
    double gain = 0;
    for (const auto& [t, k] : bags[i]) {
      gain += pd[t] * (std::log(c[t] + k + delta) - std::log(c[t] + delta));
    }
    return std::log(summary_len + length[i] + delta * v) - gain;
  };
  std::vector<double> initial(sentences.size(), 0.0);
  for (size_t i : live) initial[i] = -kl_delta(i);
  // Shift the single-sentence values to be positive for RankToScores.
  double lowest = 0;
  for (size_t i : live) lowest = std::min(lowest, initial[i]);
  for (size_t i : live) initial[i] = initial[i] - lowest + 1e-9;

  std::vector<size_t> ranked;
  std::vector<bool> taken(sentences.size(), false);
  bool budget_left = true;
  while (ranked.size() < options.depth && ranked.size() < live.size()) {
    size_t pick = SIZE_MAX;
    double best = 0;
    for (size_t i : live) {
      if (taken[i] || (limits != nullptr && budget_left && !limits->fits(i))) continue;
      const double kl = kl_delta(i);
      if (pick == SIZE_MAX || kl < best) {
        best = kl;
        pick = i;
      }
    }
    if (pick == SIZE_MAX) {
      if (!budget_left) break;
      budget_left = false;  // the next pick is the one a cut would take
      continue;
    }
    taken[pick] = true;
    ranked.push_back(pick);
    if (!budget_left) break;
    if (limits != nullptr) limits->take(pick);
    for (const auto& [t, k] : bags[pick]) c[t] += k;
    summary_len += length[pick];
  }
  return RankToScores(ranked, initial, ctx.keep);
}

}  // namespace precis
