// Not public: submodular selection (coverage + diversity). Use
// precis/summarizer.h.
//
// Lin & Bilmes 2011, "A class of submodular functions for document
// summarization" (ACL): maximize F(S) = L(S) + lambda R(S) under the budget,
//   L(S) = sum_i min(C_i(S), alpha C_i(V)),  C_i(S) = sum_{j in S} w_ij
//   R(S) = sum_k sqrt(sum_{j in S, j in P_k} r_j),  r_j = (1/N) sum_i w_ij
// with w_ij the tf-idf cosine (idf over the N sentences) of vectors of every
// stem, stopwords kept, and every adjacent-word bigram (the terms up to
// bigrams of the paper's setup, as the public reimplementation
// olofmogren/multsum reads it; not model.vectors, whose content words alone
// make the cosine favour short fragments: 36.22 -> 37.56 R-1 on
// duc2003-t3), N sentences, alpha = a / N, and P_1..P_K a partition of the
// sentences into K = cluster_share * N clusters. The
// paper's DUC 2004 setting: a = 5, lambda = 6, K = 0.2 N, cost scaling
// r = 0.3. The paper clusters with k-means; here k-medoids over the same
// cosine (deterministic: medoids start evenly spaced in input order).
// Optimized by the paper's budgeted greedy: repeatedly take
//   argmax_l (F(S + l) - F(S)) / cost(l)^r
// among sentences that still fit (lazy evaluation, Minoux 1978: gains only
// shrink), then keep the best single sentence instead if it alone scores
// higher. Sentences redundant with a taken one (select/redundancy.h) are
// never taken. Past kMaxPairwiseSentences, see score/scorer.h.
#ifndef PRECIS_SELECT_SUBMODULAR_H_
#define PRECIS_SELECT_SUBMODULAR_H_

#include "select/select.h"

namespace precis {

struct SubmodularOptions {
  double a = 5;
  double lambda = 6;
  double cluster_share = 0.2;
  double cost_scaling = 0.3;
  int medoid_iterations = 10;
};

std::vector<Selected> SelectSubmodular(const Cluster& cluster,
                                       const AnalyzedCluster& analyzed,
                                       const ClusterModel& model,
                                       const std::vector<bool>& keep,
                                       const SelectOptions& options,
                                       const SubmodularOptions& submodular = {});

}  // namespace precis

#endif  // PRECIS_SELECT_SUBMODULAR_H_
