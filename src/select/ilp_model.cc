#include "select/ilp_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>

#include "base/id_lists.h"

namespace precis {

IlpModel MakeIlpModel(const std::vector<size_t>& candidates, const ConceptModel& concepts,
                      std::vector<double> bonus, std::vector<std::pair<int, int>> redundant,
                      bool complete) {
  IlpModel p;
  p.candidates = candidates;
  const int m = int(candidates.size());
  // Each concept's holders (candidate positions, ascending).
  const IdLists holders(concepts.weight.size(), [&](auto add) {
    for (int j = 0; j < m; ++j) {
      for (uint32_t c : concepts.concepts[candidates[j]]) add(c, uint32_t(j));
    }
  });
  p.bonus = bonus.empty() ? std::vector<double>(m, 0.0) : std::move(bonus);
  p.own = p.bonus;
  p.columns.resize(m);
  // Columns by holder list, looked up without copying the list.
  struct ByHolders {
    using is_transparent = void;
    bool operator()(std::span<const uint32_t> a, std::span<const uint32_t> b) const {
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    }
  };
  std::map<std::vector<uint32_t>, int, ByHolders> column_of;
  for (int j = 0; j < m; ++j) {
    for (uint32_t c : concepts.concepts[candidates[j]]) {
      const std::span<const uint32_t> h = holders[c];
      if (h.front() != uint32_t(j)) continue;  // once per concept, at its first holder
      if (h.size() == 1) {
        p.own[j] += concepts.weight[c];
        continue;
      }
      if (!complete && concepts.word[c]) {  // see the header
        for (uint32_t k : h) p.own[k] += concepts.weight[c];
        continue;
      }
      auto it = column_of.find(h);
      if (it == column_of.end()) {
        it = column_of.emplace(std::vector<uint32_t>(h.begin(), h.end()), int(p.weight.size()))
                 .first;
        p.weight.push_back(0);
        p.holders.emplace_back(h.begin(), h.end());
        for (uint32_t k : h) p.columns[k].push_back(it->second);
      }
      p.weight[it->second] += concepts.weight[c];
    }
  }
  // The grain of a selection's value: the largest 1/s (s = 1, 2, 4, 5, 10,
  // 20, 50, 100) that divides the weight of every concept the candidates
  // hold and every bonus, up to rounding; 0 if none does. (From the
  // concepts, not the coefficients: a relaxation's sums may look coarser
  // than the values are.)
  p.step = 0;
  for (double s : {1.0, 2.0, 4.0, 5.0, 10.0, 20.0, 50.0, 100.0}) {
    auto whole = [s](double w) { return std::abs(w * s - std::round(w * s)) < 1e-6; };
    bool all = true;
    for (int j = 0; j < m && all; ++j) {
      all = whole(p.bonus[j]);
      for (uint32_t c : concepts.concepts[candidates[j]]) all = all && whole(concepts.weight[c]);
    }
    if (all) {
      p.step = 1 / s;
      break;
    }
  }
  p.redundant = std::move(redundant);
  p.complete = complete;
  return p;
}

void IlpGreedy(const IlpModel& p, const BudgetMeter& meter, const RedundancyCheck& redundancy,
               const std::vector<int>& first, std::vector<int>* chosen) {
  const size_t m = p.candidates.size();
  std::vector<bool> have(p.weight.size(), false), out(m, false);  // out: taken or redundant
  double used = 0;
  // Redundancy is asked only of a sentence about to be taken: a few
  // questions per pick instead of one per candidate.
  auto fits = [&](int j) {
    if (out[j] || used + meter.Cost(p.candidates[j]) > meter.capacity()) return false;
    for (int c : *chosen) {
      if (redundancy.Redundant(p.candidates[j], p.candidates[c])) {
        out[j] = true;
        return false;
      }
    }
    return true;
  };
  auto gain = [&](int j) {
    double g = p.own[j];
    for (int c : p.columns[j]) g += have[c] ? 0 : p.weight[c];
    return g;
  };
  auto take = [&](int j) {
    used += meter.Cost(p.candidates[j]);
    out[j] = true;
    chosen->push_back(j);
    for (int c : p.columns[j]) have[c] = true;
  };
  for (int j : first) {
    if (fits(j)) take(j);
  }
  for (;;) {
    int best = -1;
    double best_ratio = 0;
    for (int j = 0; j < int(m); ++j) {
      if (out[j] || used + meter.Cost(p.candidates[j]) > meter.capacity()) continue;
      const double ratio = gain(j) / std::max(1.0, meter.Cost(p.candidates[j]));
      if (ratio > best_ratio) {
        best_ratio = ratio;
        best = j;
      }
    }
    if (best < 0) break;
    if (fits(best)) take(best);  // else it is now out; look again
  }
}

double IlpValue(const IlpModel& p, const ConceptModel& concepts, const std::vector<int>& sel) {
  std::vector<size_t> ids;
  double value = 0;
  for (int j : sel) {
    ids.push_back(p.candidates[j]);
    value += p.bonus[j];
  }
  return value + ConceptValue(concepts, ids);
}

}  // namespace precis
