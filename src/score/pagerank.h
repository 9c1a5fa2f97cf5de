// Not public: PageRank by power iteration, shared by LexRank and TextRank.
// Use precis/summarizer.h.
#ifndef PRECIS_SCORE_PAGERANK_H_
#define PRECIS_SCORE_PAGERANK_H_

#include <cstddef>
#include <vector>

namespace precis {

// A weighted undirected graph as a dense n x n row-major matrix (n is
// bounded by kMaxPairwiseSentences).
struct DenseGraph {
  size_t n = 0;
  std::vector<double> w;
  double& at(size_t i, size_t j) { return w[i * n + j]; }
  double at(size_t i, size_t j) const { return w[i * n + j]; }
};

struct PageRankOptions {
  // Probability of following an edge; 1 - damping is the random jump (Brin &
  // Page 1998: 0.85; Erkan & Radev's d = 0.15 is this jump).
  double damping = 0.85;
  // Stop when the L1 change of the rank vector falls below this...
  double tolerance = 1e-6;
  // ...or after this many iterations (a deterministic bound: the iteration
  // converges geometrically at rate `damping`, so 100 iterations leave an
  // error below 0.85^100 < 1e-7).
  int max_iterations = 100;
};

// Stationary distribution of the random walk that follows an edge with
// probability proportional to its weight (a node without edges jumps
// uniformly). Sums to 1.
std::vector<double> PageRank(const DenseGraph& g, const PageRankOptions& options = {});

}  // namespace precis

#endif  // PRECIS_SCORE_PAGERANK_H_
