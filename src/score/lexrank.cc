#include "score/lexrank.h"

#include "score/pagerank.h"

namespace precis {

std::vector<double> LexRankScores(const ScoreContext& ctx, const LexRankOptions& options) {
  const std::vector<size_t> nodes = PairwiseCandidates(ctx, kMaxPairwiseSentences);
  return GraphScores(nodes, ctx.keep.size(), options.damping, [&](size_t a, size_t b) {
    const double c = Cosine(ctx.model.vectors[nodes[a]], ctx.model.vectors[nodes[b]]);
    return options.continuous ? c : (c > options.threshold ? 1.0 : 0.0);
  });
}

}  // namespace precis
