// Not public: the one redundancy predicate every selector respects. Use
// precis/summarizer.h.
//
// Two sentences are redundant (never both in one summary) when any of:
//  - their content-word tf-idf cosine exceeds max_similarity (a near-copy or a
//    close paraphrase);
//  - at least max_containment of the shorter one's distinct content terms
//    (when it has 4 or more) occur in the longer one (it restates it);
//  - they share a run of quote_ngram consecutive words holding at least two
//    content words (the same quote, reported by two outlets).
// The rules may be tuned; the interface (construct once per cluster, ask about
// pairs) stays.
#ifndef PRECIS_SELECT_REDUNDANCY_H_
#define PRECIS_SELECT_REDUNDANCY_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "model/model.h"

namespace precis {

struct RedundancyOptions {
  double max_similarity = 0.5;
  double max_containment = 0.6;
  int quote_ngram = 5;
};

class RedundancyCheck {
 public:
  // Cheap: a sentence's phrase hashes are computed when first asked for, so
  // a selector that asks about a few sentences pays for a few. Not for
  // sharing between threads (one per summarize call).
  RedundancyCheck(const AnalyzedCluster& analyzed, const ClusterModel& model,
                  const std::vector<bool>& keep, const RedundancyOptions& options);

  // Symmetric; false for a == b.
  bool Redundant(size_t a, size_t b) const;

  // True when `candidate` is redundant with any of `chosen`.
  bool RedundantWithAny(size_t candidate, const std::vector<size_t>& chosen) const;

  // Every redundant pair among `ids`, as positions (a, b) into ids with
  // a < b, in lexicographic order: the same answers as Redundant() on each
  // pair, found through shared terms and phrases instead of a pass over all
  // pairs (the ILP asks about some 30,000 pairs per cluster).
  std::vector<std::pair<int, int>> RedundantPairs(const std::vector<size_t>& ids) const;

 private:
  // The first two rules, for Redundant and RedundantPairs alike: a tf-idf
  // cosine; `common` terms of the shorter sentence's `shorter`.
  bool Similar(double cosine) const;
  bool Contained(size_t common, size_t shorter) const;
  const std::vector<uint64_t>& Phrases(size_t i) const;

  const AnalyzedCluster& analyzed_;
  const ClusterModel& model_;
  RedundancyOptions options_;
  std::vector<bool> keep_;  // a dropped sentence shares no phrase
  mutable std::vector<std::vector<uint64_t>> phrases_;  // by sentence, sorted
  mutable std::vector<bool> ready_;                     // phrases_[i] computed
};

}  // namespace precis

#endif  // PRECIS_SELECT_REDUNDANCY_H_
