// Not public: TextRank for sentences. Use precis/summarizer.h.
//
// Mihalcea & Tarau 2004, "TextRank: Bringing order into texts" (EMNLP):
// weighted PageRank (damping 0.85, until the L1 change is below 1e-6, at
// most 100 iterations) over a graph whose edge weight is the content-word
// overlap normalized by length:
//   sim(Si, Sj) = |{w : w in Si and w in Sj}| / (log |Si| + log |Sj|)
// with words as stems, stopwords left out, |S| the sentence's content words.
// Past kMaxPairwiseSentences sentences, see scorer.h.
#ifndef PRECIS_SCORE_TEXTRANK_H_
#define PRECIS_SCORE_TEXTRANK_H_

#include "score/scorer.h"

namespace precis {

struct TextRankOptions {
  double damping = 0.85;
};

std::vector<double> TextRankScores(const ScoreContext& ctx,
                                   const TextRankOptions& options = {});

}  // namespace precis

#endif  // PRECIS_SCORE_TEXTRANK_H_
