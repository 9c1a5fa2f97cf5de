// Not public: LexRank. Use precis/summarizer.h.
//
// Erkan & Radev 2004, "LexRank: Graph-based lexical centrality as salience
// in text summarization" (JAIR 22): sentences are nodes, edges weighted by
// the idf-modified cosine of their tf-idf vectors (the model's vectors: tf x
// idf with idf from the cluster or a background table), and a sentence's
// score is its stationary probability under a random walk with jump d = 0.15
// (PageRankOptions::damping 0.85), by power iteration until the L1 change is
// below 1e-6 (at most 100 iterations).
//  - continuous LexRank: edges weighted by the cosine itself;
//  - thresholded LexRank: an unweighted edge where the cosine is above
//    `threshold` (the paper's best DUC 2004 setting: 0.1).
// Self-loops are left out. Past kMaxPairwiseSentences sentences, see scorer.h.
#ifndef PRECIS_SCORE_LEXRANK_H_
#define PRECIS_SCORE_LEXRANK_H_

#include "score/scorer.h"

namespace precis {

struct LexRankOptions {
  bool continuous = true;
  double threshold = 0.1;  // thresholded only
  double damping = 0.85;
};

std::vector<double> LexRankScores(const ScoreContext& ctx,
                                  const LexRankOptions& options = {});

}  // namespace precis

#endif  // PRECIS_SCORE_LEXRANK_H_
