// Not public: the centroid scorer. Use precis/summarizer.h.
//
// MEAD-style centroid scoring (Radev et al. 2004, "Centroid-based
// summarization of multiple documents"): a sentence is central when its
// tf-idf vector is close (cosine) to the cluster's centroid, here the mean of
// the unit-length sentence vectors. News puts its key facts first, so a
// position prior is added, as MEAD does with its position feature:
//   score = cosine(s, centroid) + position_weight / (1 + position)
// where position counts sentences from the start of the document.
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
