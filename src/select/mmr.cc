#include "select/mmr.h"

#include <algorithm>

#include "select/budget.h"
#include "select/redundancy.h"

namespace precis {

std::vector<Selected> SelectMmr(const Cluster& cluster, const AnalyzedCluster& analyzed,
                                const ClusterModel& model,
                                const std::vector<double>& scores,
                                const std::vector<bool>& keep,
                                const SelectOptions& options, double lambda) {
  const BudgetMeter meter(cluster, analyzed, options.budget);
  const RedundancyCheck redundancy(analyzed, model, keep, RedundancyFor(options));
  std::vector<size_t> live;
  double top = 0;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) {
      live.push_back(i);
      top = std::max(top, scores[i]);
    }
  }
  if (top <= 0) top = 1;
  std::vector<double> max_sim(keep.size(), 0.0);
  std::vector<Selected> chosen;
  std::vector<size_t> chosen_ids;
  double used = 0;
  while (!live.empty() && used < meter.capacity()) {
    size_t best = 0;
    double best_value = 0;
    for (size_t k = 0; k < live.size(); ++k) {
      const size_t i = live[k];
      const double value = lambda * scores[i] / top - (1 - lambda) * max_sim[i];
      if (k == 0 || value > best_value) {
        best_value = value;
        best = k;
      }
    }
    const size_t i = live[best];
    live.erase(live.begin() + long(best));
    if (redundancy.RedundantWithAny(i, chosen_ids)) continue;
    if (used + meter.Cost(i) > meter.capacity()) {
      if (!options.truncate) continue;
      if (auto cut = meter.Cut(i, used)) chosen.push_back(*cut);
      break;
    }
    used += meter.Cost(i);
    chosen.push_back(meter.Whole(i));
    chosen_ids.push_back(i);
    for (size_t j : live) {
      max_sim[j] = std::max(max_sim[j], Cosine(model.vectors[i], model.vectors[j]));
    }
  }
  return chosen;
}

}  // namespace precis
