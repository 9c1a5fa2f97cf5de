// Not public: an exact search for the concept-coverage ILP's optimum on a
// small model, without LPs. Use precis/summarizer.h.
//
// Depth-first branch and bound over the candidates (Horowitz & Sahni 1974's
// knapsack search, with the coverage objective's bound): at each node the
// candidates still open are ranked by marginal gain per unit of cost, and
// the fractional knapsack over those gains bounds every completion. The
// bound is valid because coverage is submodular (Nemhauser, Wolsey & Fisher
// 1978): a set's gain is at most the sum of its members' marginal gains.
// The search branches on the best-ranked candidate, taking it first.
//
// After reduced-cost fixing (ilp.cc) the model holds ~40-70 candidates, and
// the search needs ~150 nodes of a few microseconds each, where GLPK's
// branch and bound needed ~35 nodes of ~75 microseconds (an LP each): the
// optimum is the same, found ten times faster. The node limit keeps it
// deterministic; past it the caller solves with GLPK instead.
#ifndef PRECIS_SELECT_ILP_SEARCH_H_
#define PRECIS_SELECT_ILP_SEARCH_H_

#include <vector>

#include "select/ilp_model.h"

namespace precis {

struct IlpSearch {
  bool done = false;        // false: stopped at the node limit
  std::vector<int> chosen;  // candidate positions, ascending
  double value = 0;         // its objective in the model
  long nodes = 0;
};

// The optimum of complete model `p` (IlpModel::complete: every redundant
// pair present), `cost` by candidate, within `capacity`. `start` is a
// feasible selection (candidate positions) the search must beat by more
// than the model's grain (IlpModel::step); among selections of equal value
// the first found is kept, so the answer is deterministic.
IlpSearch SearchIlp(const IlpModel& p, const std::vector<double>& cost, double capacity,
                    const std::vector<int>& start, long max_nodes);

}  // namespace precis

#endif  // PRECIS_SELECT_ILP_SEARCH_H_
