// Not public: what a summary may cost, shared by every selector. Use
// precis/summarizer.h.
//
// Every budget becomes additive costs against one capacity, so selectors can
// sum and compare: a sentence costs 1 (sentences budget), its whitespace
// words (words, and ratio resolved to words) or its bytes plus one for the
// joining space (bytes: the capacity is limit + 1, as the first sentence
// needs no separator).
#ifndef PRECIS_SELECT_BUDGET_H_
#define PRECIS_SELECT_BUDGET_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "model/model.h"
#include "select/select.h"

namespace precis {

class BudgetMeter {
 public:
  BudgetMeter(const Cluster& cluster, const AnalyzedCluster& analyzed,
              const Budget& budget);

  BudgetUnit unit() const { return unit_; }
  double capacity() const { return capacity_; }
  double Cost(size_t sentence) const;
  Selected Whole(size_t sentence) const;

  // With `used` spent, the first part of `sentence` that fills the rest
  // exactly (a words or bytes budget), or nothing when no word or byte fits.
  std::optional<Selected> Cut(size_t sentence, double used) const;

 private:
  const Cluster& cluster_;
  const AnalyzedCluster& analyzed_;
  BudgetUnit unit_;
  double capacity_;
};

// The --truncate step every selector ends with: walks `preference`, skipping
// sentences already chosen or redundant with a chosen one; appends to *chosen
// (whose total cost is `used`) those that still fit whole, and stops after
// cutting the first that does not. Does nothing for a sentences budget.
class RedundancyCheck;
void FillByTruncation(const BudgetMeter& meter, const RedundancyCheck& redundancy,
                      const std::vector<size_t>& preference, double used,
                      std::vector<Selected>* chosen);

}  // namespace precis

#endif  // PRECIS_SELECT_BUDGET_H_
