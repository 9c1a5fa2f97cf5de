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

// Scores by sentence for a graph over `nodes` (sentence indices; the others
// score 0): the PageRank of the graph whose edge between nodes a and b (their
// positions in `nodes`) weighs weight(a, b), times the node count so scores
// do not shrink with the cluster's size.
template <typename Weight>
std::vector<double> GraphScores(const std::vector<size_t>& nodes, size_t sentences,
                                double damping, Weight weight) {
  DenseGraph g;
  g.n = nodes.size();
  g.w.assign(g.n * g.n, 0.0);
  for (size_t a = 0; a < g.n; ++a) {
    for (size_t b = a + 1; b < g.n; ++b) g.at(a, b) = g.at(b, a) = weight(a, b);
  }
  PageRankOptions pr;
  pr.damping = damping;
  const std::vector<double> rank = PageRank(g, pr);
  std::vector<double> scores(sentences, 0.0);
  for (size_t a = 0; a < g.n; ++a) scores[nodes[a]] = rank[a] * double(g.n);
  return scores;
}

}  // namespace precis

#endif  // PRECIS_SCORE_PAGERANK_H_
