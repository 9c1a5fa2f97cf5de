// Not public: Luhn's significance scorer. Use precis/summarizer.h.
//
// Luhn 1958, "The automatic creation of literature abstracts" (IBM J. Res.
// Dev. 2(2)): words frequent in the input (stopwords aside) are
// "significant"; a sentence's significance is that of its densest cluster of
// significant words, where a cluster is a run bracketed by significant words
// with at most max_gap insignificant words between two of them (Luhn: 4 or
// 5), and its value is (significant words in it)^2 / (words it spans).
// Significant: a content term used at least min_count times in the input
// and in the top significant_share of distinct content terms by frequency
// (Luhn's upper and lower cut-offs, the upper one being the stopword list).
#ifndef PRECIS_SCORE_LUHN_H_
#define PRECIS_SCORE_LUHN_H_

#include "score/scorer.h"

namespace precis {

struct LuhnOptions {
  int max_gap = 4;
  int min_count = 2;
  double significant_share = 0.1;
};

std::vector<double> LuhnScores(const ScoreContext& ctx, const LuhnOptions& options = {});

}  // namespace precis

#endif  // PRECIS_SCORE_LUHN_H_
