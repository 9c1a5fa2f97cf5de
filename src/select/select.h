// Not public: the select stage. Use precis/summarizer.h.
#ifndef PRECIS_SELECT_SELECT_H_
#define PRECIS_SELECT_SELECT_H_

#include <cstddef>
#include <vector>

#include "model/model.h"

namespace precis {

struct SelectOptions {
  Budget budget;
  bool truncate = false;
  double max_similarity = 0.5;
  // A sentence most of whose content terms (this share) already appear in
  // one selected sentence adds little: it restates it.
  double max_containment = 0.6;
  int quote_ngram = 5;
};

struct Selected {
  size_t sentence = 0;  // index into AnalyzedCluster::sentences
  size_t end = 0;       // end byte: the sentence's own, or earlier if truncated
  bool truncated = false;
};

struct RedundancyOptions;
RedundancyOptions RedundancyFor(const SelectOptions& options);

// The budget in budget.unit terms, resolving a ratio against the input's
// whitespace words.
double ResolveBudget(const Budget& budget, const Cluster& cluster);

// Greedy selection (Carbonell & Goldstein 1998, MMR with a hard redundancy
// bound): take sentences in score order, skipping any redundant with one
// already taken (select/redundancy.h) and any that no longer fit the budget. With truncate, a
// words or bytes budget is filled exactly by cutting the first sentence that
// does not fit. Ties break on sentence index, so the result is deterministic.
std::vector<Selected> SelectGreedy(const Cluster& cluster,
                                   const AnalyzedCluster& analyzed,
                                   const ClusterModel& model,
                                   const std::vector<double>& scores,
                                   const std::vector<bool>& keep,
                                   const SelectOptions& options);

}  // namespace precis

#endif  // PRECIS_SELECT_SELECT_H_
