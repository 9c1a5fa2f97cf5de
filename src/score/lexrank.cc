#include "score/lexrank.h"

#include "score/pagerank.h"

namespace precis {

std::vector<double> LexRankScores(const ScoreContext& ctx, const LexRankOptions& options) {
  const std::vector<size_t> nodes = PairwiseCandidates(ctx, kMaxPairwiseSentences);
  DenseGraph g;
  g.n = nodes.size();
  g.w.assign(g.n * g.n, 0.0);
  for (size_t a = 0; a < g.n; ++a) {
    for (size_t b = a + 1; b < g.n; ++b) {
      const double c = Cosine(ctx.model.vectors[nodes[a]], ctx.model.vectors[nodes[b]]);
      const double w = options.continuous ? c : (c > options.threshold ? 1.0 : 0.0);
      g.at(a, b) = g.at(b, a) = w;
    }
  }
  PageRankOptions pr;
  pr.damping = options.damping;
  const std::vector<double> rank = PageRank(g, pr);
  std::vector<double> scores(ctx.keep.size(), 0.0);
  // Scaled by n so scores do not shrink with the cluster's size.
  for (size_t a = 0; a < g.n; ++a) scores[nodes[a]] = rank[a] * double(g.n);
  return scores;
}

}  // namespace precis
