// Not public: the clean stage. Decides which sentences may be summarized and
// records why the others may not. Use precis/summarizer.h.
#ifndef PRECIS_CLEAN_CLEAN_H_
#define PRECIS_CLEAN_CLEAN_H_

#include <vector>

#include "precis/summarizer.h"
#include "text/sentences.h"

namespace precis {

struct CleanOptions {
  // Content-term Jaccard at or above which two sentences are near-copies.
  double near_duplicate_jaccard = 0.8;
  // Headline-like lines with at most this many words are title candidates.
  int max_headline_words = 25;
  // A headline-like line is off-topic when the share of its content terms
  // found elsewhere in the cluster is below this fraction of the median
  // share for the cluster's own sentences.
  double off_topic_ratio = 0.35;
  // Turn the whole stage off: only word-less fragments are dropped.
  bool enabled = true;
};

struct CleanResult {
  std::vector<bool> keep;            // by sentence index
  std::vector<DroppedSpan> dropped;  // in sentence order
};

CleanResult CleanSentences(const AnalyzedCluster& analyzed,
                           const CleanOptions& options);

}  // namespace precis

#endif  // PRECIS_CLEAN_CLEAN_H_
