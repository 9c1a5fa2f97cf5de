#include "score/lsa.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace precis {

std::vector<double> LsaScores(const ScoreContext& ctx, const LsaOptions& options) {
  const std::vector<size_t> nodes = PairwiseCandidates(ctx, kMaxPairwiseSentences);
  std::vector<double> scores(ctx.keep.size(), 0.0);
  const Eigen::Index n = Eigen::Index(nodes.size());
  if (n == 0) return scores;
  Eigen::MatrixXd gram(n, n);
  for (Eigen::Index a = 0; a < n; ++a) {
    const SparseVector& va = ctx.model.vectors[nodes[a]];
    gram(a, a) = va.norm * va.norm;
    for (Eigen::Index b = a + 1; b < n; ++b) {
      const SparseVector& vb = ctx.model.vectors[nodes[b]];
      gram(a, b) = gram(b, a) = Cosine(va, vb) * va.norm * vb.norm;
    }
  }
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(gram);
  if (solver.info() != Eigen::Success) return scores;
  // Eigenvalues come in increasing order: s_k^2, largest last.
  const Eigen::VectorXd& s2 = solver.eigenvalues();
  const Eigen::MatrixXd& v = solver.eigenvectors();
  const double top = std::max(0.0, s2(n - 1));
  const double cut = options.keep_ratio * options.keep_ratio * top;
  Eigen::Index dims = 0;
  for (Eigen::Index k = n - 1; k >= 0 && (s2(k) >= cut || dims < options.min_dimensions); --k) {
    if (s2(k) <= 0) break;
    ++dims;
  }
  // Within a repeated singular value the eigenvectors are any basis of its
  // space: cutting through it would score symmetric sentences unequally, by
  // the solver's choice. Its whole space is kept, whose projection is the
  // same in every basis.
  const double equal = 1e-9 * top;
  while (dims > 0 && dims < n && s2(n - dims - 1) > 0 &&
         s2(n - dims) - s2(n - dims - 1) <= equal) {
    ++dims;
  }
  double best = 0;
  for (Eigen::Index a = 0; a < n; ++a) {
    double sum = 0;
    for (Eigen::Index k = n - 1; k >= n - dims; --k) sum += s2(k) * v(a, k) * v(a, k);
    scores[nodes[a]] = std::sqrt(sum);
    best = std::max(best, scores[nodes[a]]);
  }
  // Scores equal in exact arithmetic differ in their last bits; rounded to
  // nine digits of the largest, they tie, and ties break on position.
  if (best > 0) {
    const double unit = 1e-9 * best;
    for (size_t i : nodes) scores[i] = std::round(scores[i] / unit) * unit;
  }
  return scores;
}

}  // namespace precis
