#include "score/scorer.h"

#include <algorithm>

#include "score/centroid.h"

namespace precis {

std::vector<size_t> PairwiseCandidates(const ScoreContext& ctx, size_t max) {
  std::vector<size_t> out;
  for (size_t i = 0; i < ctx.keep.size(); ++i) {
    if (ctx.keep[i] && ctx.model.vectors[i].norm > 0) out.push_back(i);
  }
  if (out.size() <= max) return out;
  const std::vector<double> prior = CentroidScores(ctx.analyzed, ctx.model, ctx.keep);
  std::stable_sort(out.begin(), out.end(),
                   [&](size_t a, size_t b) { return prior[a] > prior[b]; });
  out.resize(max);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<uint32_t> ContentTerms(const ScoreContext& ctx, size_t i) {
  std::vector<uint32_t> out;
  for (const TermWeight& e : ctx.model.vectors[i].entries) out.push_back(e.term);
  return out;  // vector entries are sorted and distinct already
}

}  // namespace precis
