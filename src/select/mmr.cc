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
  std::vector<float> weight_at(analyzed.vocab.size(), 0);  // by term: the pick's weight
  std::vector<size_t> term_of_pick(analyzed.vocab.size(), SIZE_MAX);  // ... if it has it
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
    // Cosine(i, j) for each j, with i's weights looked up by term: the same
    // products, added in the same (term) order, so the same value.
    const SparseVector& vi = model.vectors[i];
    for (const TermWeight& e : vi.entries) {
      weight_at[e.term] = e.weight;
      term_of_pick[e.term] = i;
    }
    for (const TermWeight& e : vi.entries) {
      for (uint32_t j : holders[e.term]) {
        if (!live[j] || updated[j] == i) continue;
        updated[j] = i;
        const SparseVector& vj = model.vectors[j];
        double dot = 0;
        for (const TermWeight& f : vj.entries) {
          if (term_of_pick[f.term] == i) dot += double(weight_at[f.term]) * f.weight;
        }
        max_sim[j] = std::max(max_sim[j], dot / (vi.norm * vj.norm));
      }
    }
  }
  return chosen;
}

}  // namespace precis
