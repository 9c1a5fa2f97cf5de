// Not public: KL-Sum. Use precis/summarizer.h.
//
// Haghighi & Vanderwende 2009, "Exploring content models for multi-document
// summarization" (NAACL), KLSum: greedily add the sentence that minimizes
//   KL(P_D || P_S) = sum_w P_D(w) log(P_D(w) / P_S(w))
// where P_D is the input's content-word (stem) distribution and P_S the
// summary's, additively smoothed: P_S(w) = (c_S(w) + delta) / (|S| + delta V)
// over the input's V content words. The paper does not give delta; 0.1 was
// measured best of 0.001-1 on duc2003-t3 (R-1 33.99 at 0.01, 36.99 at 0.1)
// and also helps multiling2011-en and multinews-val
// (bench/results/quality-2026-11-25.md). Each candidate costs O(its words): only
// the cross-entropy term changes, by the sentence's own words. As for
// SumBasic, the pick order (for `depth` picks) is returned as a score; the
// rest follow by their single-sentence KL. The paper's greedy minimizes
// subject to the length limit: with `limits` (given when the summary is not
// truncated) each pick is among the sentences that still fit.
#ifndef PRECIS_SCORE_KLSUM_H_
#define PRECIS_SCORE_KLSUM_H_

#include "score/scorer.h"

namespace precis {

struct KlSumOptions {
  double delta = 0.1;
  size_t depth = 64;
};

// With `limits`, each pick is among the sentences that fit; once none does,
// one more (the one a --truncate cut would take) ends the order.
std::vector<double> KlSumScores(const ScoreContext& ctx, const KlSumOptions& options = {},
                                const PickLimits* limits = nullptr);

}  // namespace precis

#endif  // PRECIS_SCORE_KLSUM_H_
