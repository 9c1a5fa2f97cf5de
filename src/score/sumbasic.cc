#include "score/sumbasic.h"

#include <algorithm>

namespace precis {

std::vector<double> RankToScores(const std::vector<size_t>& ranked,
                                 const std::vector<double>& fallback,
                                 const std::vector<bool>& keep) {
  std::vector<double> scores(keep.size(), 0.0);
  double top = 0;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) top = std::max(top, fallback[i]);
  }
  for (size_t i = 0; i < keep.size(); ++i) {
    if (keep[i] && top > 0) scores[i] = 0.5 * std::max(0.0, fallback[i]) / top;
  }
  for (size_t r = 0; r < ranked.size(); ++r) {
    scores[ranked[r]] = 1.0 + double(ranked.size() - r);
  }
  return scores;
}

std::vector<double> SumBasicScores(const ScoreContext& ctx, const SumBasicOptions& options,
                                   const PickLimits* limits) {
  const auto& sentences = ctx.analyzed.sentences;
  const Vocabulary& vocab = ctx.analyzed.vocab;
  std::vector<double> p(vocab.size(), 0.0);
  double total = 0;
  std::vector<std::vector<uint32_t>> words(sentences.size());
  std::vector<size_t> live;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!ctx.keep[i]) continue;
    for (uint32_t t : sentences[i].terms) {
      if (vocab.IsStop(t)) continue;
      words[i].push_back(t);
      p[t] += 1;
      total += 1;
    }
    if (!words[i].empty()) live.push_back(i);
  }
  if (total == 0) return std::vector<double>(sentences.size(), 0.0);
  for (double& x : p) x /= total;
  auto weight = [&](size_t i) {
    double sum = 0;
    for (uint32_t t : words[i]) sum += p[t];
    return sum / double(words[i].size());
  };
  std::vector<double> initial(sentences.size(), 0.0);
  for (size_t i : live) initial[i] = weight(i);

  std::vector<size_t> ranked;
  std::vector<bool> taken(sentences.size(), false);
  bool budget_left = true;
  std::vector<bool> open(sentences.size(), false);  // a candidate this step
  while (ranked.size() < options.depth && ranked.size() < live.size()) {
    bool any = false;
    for (size_t i : live) {
      open[i] = !taken[i] && (limits == nullptr || !budget_left || limits->fits(i));
      any = any || open[i];
    }
    if (!any) {
      if (!budget_left) break;
      budget_left = false;  // the next pick is the one a cut would take
      continue;
    }
    // The most probable word still in a candidate (lowest id on ties).
    uint32_t best_word = 0;
    double best_p = -1;
    for (size_t i : live) {
      if (!open[i]) continue;
      for (uint32_t t : words[i]) {
        if (p[t] > best_p || (p[t] == best_p && t < best_word)) {
          best_p = p[t];
          best_word = t;
        }
      }
    }
    size_t pick = SIZE_MAX;
    double pick_weight = -1;
    for (size_t i : live) {
      if (!open[i]) continue;
      if (std::find(words[i].begin(), words[i].end(), best_word) == words[i].end()) continue;
      const double w = weight(i);
      if (w > pick_weight) {
        pick_weight = w;
        pick = i;
      }
    }
    if (pick == SIZE_MAX) break;
    taken[pick] = true;
    ranked.push_back(pick);
    if (!budget_left) break;
    if (limits != nullptr) limits->take(pick);
    // Square each distinct word's probability once.
    std::vector<uint32_t> distinct = words[pick];
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (uint32_t t : distinct) p[t] *= p[t];
  }
  return RankToScores(ranked, initial, ctx.keep);
}

}  // namespace precis
