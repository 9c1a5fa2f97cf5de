#include "score/centroid.h"

#include <algorithm>
#include <cmath>

namespace precis {

std::vector<double> CentroidScores(const AnalyzedCluster& analyzed,
                                   const ClusterModel& model,
                                   const std::vector<bool>& keep,
                                   const CentroidOptions& options) {
  const size_t n = analyzed.sentences.size();
  std::vector<double> dense(model.idf.size(), 0.0);
  for (size_t i = 0; i < n; ++i) {
    const SparseVector& v = model.vectors[i];
    if (!keep[i] || v.norm == 0) continue;
    for (const TermWeight& e : v.entries) dense[e.term] += e.weight / v.norm;
  }
  SparseVector centroid;
  double sq = 0;
  for (uint32_t t = 0; t < dense.size(); ++t) {
    if (dense[t] > 0) {
      centroid.entries.push_back({t, float(dense[t])});
      sq += dense[t] * dense[t];
    }
  }
  centroid.norm = std::sqrt(sq);

  const std::vector<uint32_t> position = KeptPositions(analyzed, keep);
  std::vector<double> scores(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    const Sentence& s = analyzed.sentences[i];
    double score = Cosine(model.vectors[i], centroid) +
                   options.position_weight / (1.0 + position[i]);
    if (s.words < static_cast<uint32_t>(options.min_words)) {
      score *= double(s.words) / options.min_words;
    }
    scores[i] = score;
  }
  return scores;
}

}  // namespace precis
