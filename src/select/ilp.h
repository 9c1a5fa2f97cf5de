// Not public: concept-coverage selection, exact (ILP) and greedy. Use
// precis/summarizer.h.
//
// Gillick & Favre 2009, "A scalable global model for summarization": choose
// sentences s_j and concepts c_i (select/concepts.h) to
//   maximize sum_i w_i c_i
//   subject to  sum_j cost_j s_j <= budget
//               s_j <= c_i          for each concept i of sentence j
//               c_i <= sum_j s_j    over the sentences j holding i
//               s_a + s_b <= 1      for each redundant pair (select/redundancy.h)
// solved with GLPK's branch and cut. The model handed to GLPK is an exact
// reduction of this one (select/ilp_model.h): the s_j <= c_i rows go (an
// optimum sets c_i anyway), a concept with a single candidate holder joins
// that sentence's objective coefficient, and concepts with the same holders
// share one column. Before branch and bound, reduced-cost fixing keeps only
// the candidates that could beat a greedy selection (ilp.cc, Survivors).
// When few sentences fill the budget, an exact search without LPs
// (select/ilp_search.h) solves the model first, over every candidate and
// without GLPK; past its node limit, GLPK does.
// The solver stops at a deterministic limit (branch-and-bound nodes, scaled
// down for big problems, and simplex iterations, never wall time), so the
// output stays byte-identical on any machine; past it, past a bound on the
// number of constraints, or on any solver failure, the selection falls back
// to SelectConceptGreedy and says so; at a limit, the best selection branch
// and bound had found is kept instead where it is worth more (it starts
// from a greedy one, so it mostly is).
// Only the max_sentences sentences of highest concept value per unit of cost
// enter the ILP (on the dev sets, a cap of 100,000 chooses the same). Where
// the cap left sentences out and greedy over every sentence is worth more
// than the optimum over the candidates (many short sentences carrying the
// same concepts can fill the cap), greedy's selection is taken and the
// fallback says so.
#ifndef PRECIS_SELECT_ILP_H_
#define PRECIS_SELECT_ILP_H_

#include <string>

#include "select/concepts.h"
#include "select/select.h"

namespace precis {

struct IlpOptions {
  ConceptOptions concepts;
  size_t max_sentences = 150;
  // Deterministic bounds (the dev sets need at most ~2,400 constraints and
  // ~950 simplex iterations per cluster): past any of them, greedy.
  size_t max_rows = 8000;
  int max_nodes = 2000;
  int max_iterations = 10000;
  // Nodes times the work of one node, columns x (rows + nonzeros): 1 to 2 s
  // at most here (the dev sets need up to 1.2e9 at --words 250). Without it,
  // 262 one-line documents with a large budget (a 6,700-row problem) ran
  // 2,000 nodes in 10 s (found by fuzz_summarize).
  double max_work = 2e9;
  // Reduced-cost fixing at the root (ilp.cc, Survivors): the search runs on
  // the candidates that could still beat a greedy selection. Exact; off only
  // to test that it changes no optimum.
  bool reduce = true;
  // Added to the objective for each document's first kept sentence (its
  // lead): among the near-tied optima of the concept objective (Boudin,
  // Mougard & Favre 2015) it prefers leads, news' most informative
  // sentences, trading at most this much concept value for one. 0 = off,
  // the paper's model.
  double lead_bonus = 0;
  // Sentences shorter than this many words do not enter the ILP: they pack
  // concepts cheaply but read as fragments.
  int min_words = 0;
  // Sentences that open with a connective ("But ...", "However, ..."; see
  // Sentence::opens_with_connective) are never chosen, whole or as the
  // truncated fill, nor by the greedy fallback: out of their context they
  // answer a sentence the summary does not hold.
  bool skip_connective_openers = false;
  // When the budget holds at most search_fill candidates of their mean
  // cost, an exact search without LPs (select/ilp_search.h) solves the
  // model first (the default on duc2003-t3 at 100 words: 7.7 ms per
  // cluster with GLPK alone, 3.4 with the search). Past search_nodes nodes,
  // GLPK solves it. 0 nodes = GLPK alone.
  double search_fill = 6;
  long search_nodes = 2000;
};

struct ConceptSelection {
  std::vector<Selected> chosen;
  double objective = 0;  // concept value of the whole sentences chosen
  // Empty when the ILP solved to optimality; else why it fell back to greedy,
  // or (best_found) to the best selection branch and bound had found when it
  // reached a limit, where that is worth more than greedy's.
  std::string fallback;
  bool best_found = false;
};

ConceptSelection SelectIlp(const Cluster& cluster, const AnalyzedCluster& analyzed,
                           const ClusterModel& model, const std::vector<bool>& keep,
                           const SelectOptions& options, const IlpOptions& ilp = {});
// The same, over concepts the caller already built (with ilp.concepts).
ConceptSelection SelectIlp(const Cluster& cluster, const AnalyzedCluster& analyzed,
                           const ClusterModel& model, const std::vector<bool>& keep,
                           const SelectOptions& options, const ConceptModel& concepts,
                           const IlpOptions& ilp);

// Budgeted greedy for the same objective (Khuller, Moss & Naor 1999): take
// argmax gain / cost^cost_scaling among sentences that fit and are not
// redundant, lazily (the objective is submodular); then the best single
// sentence if it alone is worth more. Linear-ish; also the ILP's fallback.
ConceptSelection SelectConceptGreedy(const Cluster& cluster, const AnalyzedCluster& analyzed,
                                     const ClusterModel& model, const std::vector<bool>& keep,
                                     const SelectOptions& options,
                                     const ConceptModel& concepts,
                                     double cost_scaling = 1.0, int min_words = 0);

}  // namespace precis

#endif  // PRECIS_SELECT_ILP_H_
