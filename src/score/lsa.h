// Not public: LSA sentence scoring. Use precis/summarizer.h.
//
// Steinberger & Jezek 2004, "Using latent semantic analysis in text
// summarization and summary evaluation" (ISIM): A is the term x sentence
// matrix (here the model's tf-idf weights), A = U S V^T its SVD, and a
// sentence's score is its length in the reduced latent space:
//   score(i) = sqrt(sum_{k <= r} s_k^2 v_ik^2)
// keeping the r dimensions whose singular value is at least half the largest
// (the cut Steinberger & Jezek use in their later LSA summarizer papers),
// and never fewer than min_dimensions. Computed from the eigen-decomposition
// of the sentence Gram matrix A^T A = V S^2 V^T (Eigen's
// SelfAdjointEigenSolver): n x n with n bounded by kMaxPairwiseSentences.
#ifndef PRECIS_SCORE_LSA_H_
#define PRECIS_SCORE_LSA_H_

#include "score/scorer.h"

namespace precis {

struct LsaOptions {
  double keep_ratio = 0.5;  // keep dimensions with s_k >= keep_ratio * s_1
  int min_dimensions = 3;
};

std::vector<double> LsaScores(const ScoreContext& ctx, const LsaOptions& options = {});

}  // namespace precis

#endif  // PRECIS_SCORE_LSA_H_
