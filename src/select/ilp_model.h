// Not public: the concept-coverage ILP as handed to the solver (ilp.cc),
// and a greedy selection over it. Use precis/summarizer.h.
#ifndef PRECIS_SELECT_ILP_MODEL_H_
#define PRECIS_SELECT_ILP_MODEL_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "select/budget.h"
#include "select/concepts.h"
#include "select/redundancy.h"

namespace precis {

// The model handed to GLPK for a set of candidate sentences: an exact
// reduction of Gillick & Favre's. A concept held by one candidate is folded
// into that sentence's own value, and concepts held by the same candidates
// share one column, so the optimal sentence sets do not change while the LP
// shrinks by half or more.
struct IlpModel {
  std::vector<size_t> candidates;              // sentence ids, ascending
  std::vector<double> own;                     // by candidate
  std::vector<double> bonus;                   // by candidate: own beyond its concepts
  std::vector<double> weight;                  // by concept column
  std::vector<std::vector<int>> holders;       // by column: candidate positions
  std::vector<std::vector<int>> columns;       // by candidate: its columns
  std::vector<std::pair<int, int>> redundant;  // candidate positions
  bool complete = false;                       // redundant holds every pair
  double step = 0;  // every selection's value is a multiple of it (0: unknown)

  size_t Rows() const { return 1 + weight.size() + redundant.size(); }
};

// `bonus`, by candidate: a value of its own beyond its concepts (or empty
// for none). `redundant`: the redundant pairs among `candidates`, as
// positions. With `complete` false the model is a relaxation, cheaper to
// solve, whose LP still bounds every selection: it may leave pairs out, and
// each holder of a content-word concept gets the word's whole weight (the
// LP's columns for words, held by many sentences each, cost more than the
// bigrams' in GLPK's simplex). Its objective then overstates a selection:
// value one with IlpValue.
IlpModel MakeIlpModel(const std::vector<size_t>& candidates, const ConceptModel& concepts,
                      std::vector<double> bonus, std::vector<std::pair<int, int>> redundant,
                      bool complete);

// A selection's exact value (candidate positions): its concepts' weight plus
// its bonuses, whatever relaxation `p` is.
double IlpValue(const IlpModel& p, const ConceptModel& concepts, const std::vector<int>& sel);

// A feasible selection (candidate positions): the candidates of `first` in
// order, then the best gain per cost under the model's objective, each while
// it fits and is not redundant with those taken.
void IlpGreedy(const IlpModel& p, const BudgetMeter& meter, const RedundancyCheck& redundancy,
               const std::vector<int>& first, std::vector<int>* chosen);

}  // namespace precis

#endif  // PRECIS_SELECT_ILP_MODEL_H_
