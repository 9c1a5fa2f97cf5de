#include "select/mmr.h"

#include <algorithm>
#include <queue>

#include "base/id_lists.h"
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
  double top = 0;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) top = std::max(top, scores[i]);
  }
  if (top <= 0) top = 1;
  // A taken sentence's cosine is 0 with any sentence that shares none of its
  // terms, so only those that do are updated: the kept sentences by term.
  const IdLists holders(analyzed.vocab.size(), [&](auto add) {
    for (size_t i = 0; i < keep.size(); ++i) {
      if (!keep[i]) continue;
      for (const TermWeight& e : model.vectors[i].entries) add(e.term, uint32_t(i));
    }
  });
  std::vector<double> max_sim(keep.size(), 0.0);
  std::vector<bool> live(keep.size(), false);
  auto value = [&](size_t i) { return lambda * scores[i] / top - (1 - lambda) * max_sim[i]; };
  // Lazy argmax: a sentence's value only falls as max_sim grows, so a stale
  // entry bounds it from above. Ties go to the earliest sentence.
  using Entry = std::pair<double, long>;  // (value, -sentence)
  std::priority_queue<Entry> heap;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i]) continue;
    live[i] = true;
    heap.push({value(i), -long(i)});
  }
  std::vector<Selected> chosen;
  TakenSentences taken(redundancy);
  std::vector<size_t> updated(keep.size(), SIZE_MAX);  // by sentence: the last pick that did
  double used = 0;
  while (!heap.empty() && used < meter.capacity()) {
    const long neg = heap.top().second;
    const size_t i = size_t(-neg);
    heap.pop();
    const Entry fresh{value(i), neg};
    if (!heap.empty() && fresh < heap.top()) {
      heap.push(fresh);
      continue;
    }
    live[i] = false;
    if (taken.RedundantWithAny(i)) continue;
    if (used + meter.Cost(i) > meter.capacity()) {
      if (!options.truncate) continue;
      if (auto cut = meter.Cut(i, used)) chosen.push_back(*cut);
      break;
    }
    used += meter.Cost(i);
    chosen.push_back(meter.Whole(i));
    taken.Add(i);
    for (const TermWeight& e : model.vectors[i].entries) {
      for (uint32_t j : holders[e.term]) {
        if (!live[j] || updated[j] == i) continue;
        updated[j] = i;
        max_sim[j] = std::max(max_sim[j], Cosine(model.vectors[i], model.vectors[j]));
      }
    }
  }
  return chosen;
}

}  // namespace precis
