// Not public: the centroid scorer. Use precis/summarizer.h.
//
// MEAD-style centroid scoring, after Radev et al. 2004 ("Centroid-based
// summarization of multiple documents"). MEAD scores a sentence
// w_c C_i + w_p P_i + w_f F_i: C_i sums the centroid values of its words (the
// centroid: tf-idf averaged over the documents, words under a threshold
// dropped), P_i = (n - i + 1) / n * C_max falls linearly with position, and
// F_i is its overlap with the document's first sentence. This variant keeps
// the centroid and position features in a simpler form and drops F_i:
//   score = cosine(s, centroid) + position_weight / (1 + position)
// where the centroid is the mean of the unit-length sentence vectors (no
// threshold), the cosine does not grow with sentence length as MEAD's sum
// does, and position counts sentences from the start of the document.
#ifndef PRECIS_SCORE_CENTROID_H_
#define PRECIS_SCORE_CENTROID_H_

#include <vector>

#include "model/model.h"

namespace precis {

struct CentroidOptions {
  double position_weight = 0.1;
  // Sentences shorter than this many words are scaled down linearly: they
  // rarely stand alone in a summary.
  int min_words = 8;
};

// One score per sentence; 0 for sentences not kept.
std::vector<double> CentroidScores(const AnalyzedCluster& analyzed,
                                   const ClusterModel& model,
                                   const std::vector<bool>& keep,
                                   const CentroidOptions& options = {});

}  // namespace precis

#endif  // PRECIS_SCORE_CENTROID_H_
