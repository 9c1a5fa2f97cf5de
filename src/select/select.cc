#include "select/select.h"

#include <algorithm>
#include <cmath>

#include "base/utf8.h"
#include "select/budget.h"
#include "select/redundancy.h"

namespace precis {

RedundancyOptions RedundancyFor(const SelectOptions& options) {
  RedundancyOptions r;
  r.max_similarity = options.max_similarity;
  r.max_containment = options.max_containment;
  r.quote_ngram = options.quote_ngram;
  return r;
}

double ResolveBudget(const Budget& budget, const Cluster& cluster) {
  if (budget.unit != BudgetUnit::kRatio) return budget.value;
  size_t words = 0;
  for (const Document& d : cluster.docs) words += CountWhitespaceWords(d.text);
  return std::max(1.0, std::ceil(budget.value * double(words)));
}

std::vector<Selected> SelectGreedy(const Cluster& cluster,
                                   const AnalyzedCluster& analyzed,
                                   const ClusterModel& model,
                                   const std::vector<double>& scores,
                                   const std::vector<bool>& keep,
                                   const SelectOptions& options) {
  const auto& sentences = analyzed.sentences;
  std::vector<size_t> order;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (keep[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });

  const BudgetMeter meter(cluster, analyzed, options.budget);
  double used = 0;
  std::vector<Selected> chosen;
  const RedundancyCheck redundancy(analyzed, model, keep, RedundancyFor(options));
  TakenSentences taken(redundancy);
  for (size_t i : order) {
    if (used >= meter.capacity()) break;
    if (taken.RedundantWithAny(i)) continue;
    const double cost = meter.Cost(i);
    if (used + cost <= meter.capacity()) {
      used += cost;
      chosen.push_back(meter.Whole(i));
      taken.Add(i);
      continue;
    }
    if (!options.truncate || meter.unit() == BudgetUnit::kSentences) continue;
    if (auto cut = meter.Cut(i, used)) chosen.push_back(*cut);
    break;
  }
  return chosen;
}

}  // namespace precis
