// Not public: the lead baseline. Use precis/summarizer.h.
//
// News puts the main facts first (the "inverted pyramid"), so the opening
// sentences are a strong baseline (Brandow, Mitze & Rau 1995, "Automatic
// condensation of electronic publications by sentence selection"; the DUC
// lead baselines). For a cluster: every document's first sentence, then
// every second sentence, and so on; within one position, the newest document
// first when every document is dated (DUC's baseline takes the most recent
// article), else document order.
//   score = 1 / (1 + position)  (minus a tiny tie-break by document)
#ifndef PRECIS_SCORE_LEAD_H_
#define PRECIS_SCORE_LEAD_H_

#include "score/scorer.h"

namespace precis {

std::vector<double> LeadScores(const ScoreContext& ctx);

}  // namespace precis

#endif  // PRECIS_SCORE_LEAD_H_
