// Not public: an exact search for the concept-coverage ILP's optimum when
// few sentences fill the budget, without LPs. Use precis/summarizer.h.
//
// Depth-first branch and bound over the candidates (Horowitz & Sahni 1974's
// knapsack search, with the coverage objective's bound): at each node the
// candidates still open are ranked by marginal gain per unit of cost, and
// the fractional knapsack over those gains bounds every completion. The
// bound is valid because coverage is submodular (Nemhauser, Wolsey & Fisher
// 1978): a set's gain is at most the sum of its members' marginal gains.
// The search branches on the best-ranked candidate, taking it first.
// Redundancy is asked only of a candidate about to be taken, against those
// taken: the bound ignores it (a relaxation, so still a bound), and no
// pair list is built.
//
// On duc2003-t3 at 100 words (150 candidates, 4 to 5 sentences per
// summary) it needs 92 nodes on average, 328 at most, of a few microseconds
// each, where GLPK needed an LP over all candidates for reduced-cost fixing
// and then ~35 nodes of ~75 microseconds: the same optimum, found without
// GLPK. Nodes grow quickly with the sentences a summary holds (~3,000 at
// 250 words), where GLPK's LP bound prunes better; the node limit keeps
// the search deterministic, and past it the caller solves with GLPK.
#ifndef PRECIS_SELECT_ILP_SEARCH_H_
#define PRECIS_SELECT_ILP_SEARCH_H_

#include <functional>
#include <vector>

#include "select/ilp_model.h"

namespace precis {

struct IlpSearch {
  bool done = false;        // false: stopped at the node limit
  std::vector<int> chosen;  // candidate positions, ascending
  double value = 0;         // its objective in the model
  long nodes = 0;
};

// The optimum of model `p`'s objective (its concept columns and own values;
// it must not be a relaxation: MakeIlpModel with `complete`), `cost` by
// candidate, within `capacity`, with no two candidates for which
// `redundant` (positions; symmetric) holds; p.redundant is not read.
// `start` is a feasible selection (positions) to beat: among selections of
// equal value the first found is kept, so the answer is deterministic.
IlpSearch SearchIlp(const IlpModel& p, const std::vector<double>& cost, double capacity,
                    const std::vector<int>& start, long max_nodes,
                    const std::function<bool(int, int)>& redundant);

}  // namespace precis

#endif  // PRECIS_SELECT_ILP_SEARCH_H_
