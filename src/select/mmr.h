// Not public: Maximal Marginal Relevance selection. Use precis/summarizer.h.
//
// Carbonell & Goldstein 1998, "The use of MMR, diversity-based reranking for
// reordering documents and producing summaries" (SIGIR): repeatedly take
//   argmax_s  lambda * rel(s) - (1 - lambda) * max_{t taken} cosine(s, t)
// with rel(s) the scorer's score divided by the highest one (so both terms
// are in [0, 1]) and lambda = 0.7 (the paper's summaries favour relevance).
// Every pick also respects the budget and select/redundancy.h: a sentence
// that no longer fits is skipped (or, with truncate, cut and the selection
// ends). Each pick compares the taken sentence only with the sentences that
// share a term with it (its cosine with the others is 0).
#ifndef PRECIS_SELECT_MMR_H_
#define PRECIS_SELECT_MMR_H_

#include "select/select.h"

namespace precis {

std::vector<Selected> SelectMmr(const Cluster& cluster, const AnalyzedCluster& analyzed,
                                const ClusterModel& model,
                                const std::vector<double>& scores,
                                const std::vector<bool>& keep,
                                const SelectOptions& options, double lambda = 0.7);

}  // namespace precis

#endif  // PRECIS_SELECT_MMR_H_
