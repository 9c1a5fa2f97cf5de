// Not public: the one interface every scorer implements. Use
// precis/summarizer.h.
//
// A scorer maps a cluster's analyzed, cleaned sentences to one score per
// sentence (higher = more summary-worthy; 0 for sentences not kept). Scores
// are only compared within one call. Every scorer is a free function of the
// form
//   std::vector<double> XScores(const ScoreContext&, const XOptions& = {});
// deterministic (ties and iteration orders follow sentence indices) and, past
// the documented bounds below, linear in the input.
#ifndef PRECIS_SCORE_SCORER_H_
#define PRECIS_SCORE_SCORER_H_

#include <cstddef>
#include <functional>
#include <vector>

#include "model/model.h"

namespace precis {

struct ScoreContext {
  const Cluster& cluster;
  const AnalyzedCluster& analyzed;
  const ClusterModel& model;
  const std::vector<bool>& keep;
  // By sentence: near copies that cleaning dropped (CleanResult::copy), or
  // null when there are none to consult.
  const std::vector<bool>* copies = nullptr;
};

using ScoreFn = std::function<std::vector<double>(const ScoreContext&)>;

// For the scorers that pick sentences one at a time (SumBasic, KL-Sum) and
// return the pick order: the selector's view, so that each pick is made among
// the sentences the selector would still take, as the papers' budgeted greedy
// does. Without it a pick that the budget later skipped still shaped the
// picks after it. `fits(i)`: sentence i fits the budget left and restates no
// earlier pick; `take(i)`: i is picked.
struct PickLimits {
  std::function<bool(size_t)> fits;
  std::function<void(size_t)> take;
};

// Scorers that compare every pair of sentences (LexRank, TextRank, LSA, the
// submodular selector) look at no more than this many: past it, the kept
// sentences with the highest centroid score (linear to compute) take part and
// the others score 0. Keeps a 1,000-document cluster near-linear.
inline constexpr size_t kMaxPairwiseSentences = 600;

// The sentences a pairwise method should consider: every kept sentence with
// content words, or the `max` best by centroid score, in index order.
std::vector<size_t> PairwiseCandidates(const ScoreContext& ctx, size_t max);

// Distinct content (non-stopword) term ids of sentence i, sorted.
std::vector<uint32_t> ContentTerms(const ScoreContext& ctx, size_t i);

}  // namespace precis

#endif  // PRECIS_SCORE_SCORER_H_
