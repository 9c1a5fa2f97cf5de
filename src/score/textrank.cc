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
  return GraphScores(nodes, ctx.keep.size(), options.damping, [&](size_t a, size_t b) {
    const auto& va = ctx.model.vectors[nodes[a]].entries;
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
    return common == 0 ? 0.0 : denominator > 0 ? double(common) / denominator : double(common);
  });
}

}  // namespace precis
