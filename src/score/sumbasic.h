// Not public: SumBasic. Use precis/summarizer.h.
//
// Nenkova & Vanderwende 2005, "The impact of frequency on summarization"
// (MSR-TR-2005-101); Nenkova, Vanderwende & McKeown 2006 (SIGIR):
//  1. p(w) = n(w) / N over the input's content words (stems, no stopwords);
//  2. a sentence's weight is the mean p(w) of its content words;
//  3. take the best-weighted sentence among those holding the most probable
//     word;
//  4. for each word of the taken sentence, p(w) <- p(w)^2; back to 2.
// The order in which sentences are taken is returned as a score (first taken
// highest), so any selector can apply the budget and redundancy rules. The
// loop runs for `depth` sentences (each step is linear in the input); the
// rest follow in order of their step-2 weight. With `limits`, each step
// chooses among the sentences that still fit, and once none does, one more
// (the one a --truncate cut would take) ends the order.
#ifndef PRECIS_SCORE_SUMBASIC_H_
#define PRECIS_SCORE_SUMBASIC_H_

#include "score/scorer.h"

namespace precis {

struct SumBasicOptions {
  size_t depth = 64;
};

std::vector<double> SumBasicScores(const ScoreContext& ctx,
                                   const SumBasicOptions& options = {},
                                   const PickLimits* limits = nullptr);

// Turns a pick order (ranked[0] taken first) followed by fallback weights for
// the rest into scores that preserve it: ranked sentences score above 1, the
// others their weight squashed into (0, 1).
std::vector<double> RankToScores(const std::vector<size_t>& ranked,
                                 const std::vector<double>& fallback,
                                 const std::vector<bool>& keep);

}  // namespace precis

#endif  // PRECIS_SCORE_SUMBASIC_H_
