#include "score/textrank.h"

#include <cmath>

#include "score/pagerank.h"

namespace precis {

std::vector<double> TextRankScores(const ScoreContext& ctx, const TextRankOptions& options) {
  const std::vector<size_t> nodes = PairwiseCandidates(ctx, kMaxPairwiseSentences);
  const Vocabulary& vocab = ctx.analyzed.vocab;
  std::vector<double> log_len(nodes.size());
  for (size_t a = 0; a < nodes.size(); ++a) {
    size_t content = 0;
    for (uint32_t t : ctx.analyzed.sentences[nodes[a]].terms) content += !vocab.IsStop(t);
    log_len[a] = std::log(double(content));
  }
  DenseGraph g;
  g.n = nodes.size();
  g.w.assign(g.n * g.n, 0.0);
  for (size_t a = 0; a < g.n; ++a) {
    const auto& va = ctx.model.vectors[nodes[a]].entries;
    for (size_t b = a + 1; b < g.n; ++b) {
      const auto& vb = ctx.model.vectors[nodes[b]].entries;
      size_t i = 0, j = 0, common = 0;
      while (i < va.size() && j < vb.size()) {
        if (va[i].term < vb[j].term) ++i;
        else if (vb[j].term < va[i].term) ++j;
        else { ++common; ++i; ++j; }
      }
      const double denominator = log_len[a] + log_len[b];
      // Two one-word sentences have log 1 + log 1 = 0: count their overlap
      // as is rather than dividing by zero.
      const double w = common == 0 ? 0.0
                       : denominator > 0 ? double(common) / denominator
                                         : double(common);
      g.at(a, b) = g.at(b, a) = w;
    }
  }
  PageRankOptions pr;
  pr.damping = options.damping;
  const std::vector<double> rank = PageRank(g, pr);
  std::vector<double> scores(ctx.keep.size(), 0.0);
  for (size_t a = 0; a < g.n; ++a) scores[nodes[a]] = rank[a] * double(g.n);
  return scores;
}

}  // namespace precis
