#include "select/ilp.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>

#include "select/budget.h"
#include "select/redundancy.h"

namespace precis {
namespace {

// GLPK keeps an environment per thread and frees it only on request: a
// thread that exits after a solve (a batch worker, a server thread) would
// leak it (LeakSanitizer reports it). Freeing it after each solve costs a
// re-initialization on the next one, microseconds against the solve.
void ReleaseGlpk() { glp_free_env(); }

// Cuts a concept-ranked preference list into a truncated fill.
std::vector<size_t> ByGain(const ConceptModel& concepts, const std::vector<bool>& keep,
                           const std::vector<Selected>& chosen) {
  std::vector<bool> have(concepts.weight.size(), false);
  for (const Selected& s : chosen) {
    for (uint32_t c : concepts.concepts[s.sentence]) have[c] = true;
  }
  std::vector<std::pair<double, size_t>> order;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i]) continue;
    double g = 0;
    for (uint32_t c : concepts.concepts[i]) g += have[c] ? 0 : concepts.weight[c];
    order.push_back({-g, i});
  }
  std::sort(order.begin(), order.end());
  std::vector<size_t> out;
  for (const auto& [g, i] : order) out.push_back(i);
  return out;
}

struct Limits {
  int max_nodes;  // the smaller of IlpOptions::max_nodes and max_work's share
  int max_iterations;
  bool hit = false;
};

void Callback(glp_tree* tree, void* info) {
  Limits* limits = static_cast<Limits*>(info);
  int active = 0, current = 0, total = 0;
  glp_ios_tree_size(tree, &active, &current, &total);
  if (total > limits->max_nodes ||
      glp_get_it_cnt(glp_ios_get_prob(tree)) > limits->max_iterations) {
    limits->hit = true;
    glp_ios_terminate(tree);
  }
}

}  // namespace

ConceptSelection SelectConceptGreedy(const Cluster& cluster, const AnalyzedCluster& analyzed,
                                     const ClusterModel& model, const std::vector<bool>& keep,
                                     const SelectOptions& options,
                                     const ConceptModel& concepts, double cost_scaling,
                                     int min_words) {
  const BudgetMeter meter(cluster, analyzed, options.budget);
  const RedundancyCheck redundancy(analyzed, model, keep, RedundancyFor(options));
  std::vector<bool> have(concepts.weight.size(), false);
  auto gain = [&](size_t i) {
    double g = 0;
    for (uint32_t c : concepts.concepts[i]) g += have[c] ? 0 : concepts.weight[c];
    return g;
  };
  auto cost = [&](size_t i) { return std::pow(std::max(1.0, meter.Cost(i)), cost_scaling); };
  using Entry = std::pair<double, long>;
  std::priority_queue<Entry> heap;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i] || concepts.concepts[i].empty()) continue;
    if (analyzed.sentences[i].words < uint32_t(std::max(0, min_words))) continue;
    heap.push({gain(i) / cost(i), -long(i)});
  }
  ConceptSelection out;
  std::vector<size_t> ids;
  double used = 0;
  while (!heap.empty()) {
    const auto [bound, neg] = heap.top();
    heap.pop();
    const size_t i = size_t(-neg);
    if (used + meter.Cost(i) > meter.capacity()) continue;
    const double fresh = gain(i) / cost(i);
    if (fresh <= 0) break;
    if (!heap.empty() && fresh < heap.top().first) {
      heap.push({fresh, neg});
      continue;
    }
    if (redundancy.RedundantWithAny(i, ids)) continue;
    out.objective += gain(i);
    for (uint32_t c : concepts.concepts[i]) have[c] = true;
    used += meter.Cost(i);
    ids.push_back(i);
  }
  // The best single sentence, if it alone is worth more.
  std::fill(have.begin(), have.end(), false);
  size_t single = SIZE_MAX;
  double single_value = out.objective;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i] || meter.Cost(i) > meter.capacity()) continue;
    if (analyzed.sentences[i].words < uint32_t(std::max(0, min_words))) continue;
    if (const double g = gain(i); g > single_value) {
      single_value = g;
      single = i;
    }
  }
  if (single != SIZE_MAX) {
    ids = {single};
    out.objective = single_value;
  }
  used = 0;
  for (size_t i : ids) {
    out.chosen.push_back(meter.Whole(i));
    used += meter.Cost(i);
  }
  if (options.truncate) {
    FillByTruncation(meter, redundancy, ByGain(concepts, keep, out.chosen), used, &out.chosen);
  }
  return out;
}

ConceptSelection SelectIlp(const Cluster& cluster, const AnalyzedCluster& analyzed,
                           const ClusterModel& model, const std::vector<bool>& keep,
                           const SelectOptions& options, const IlpOptions& ilp) {
  return SelectIlp(cluster, analyzed, model, keep, options,
                   BuildConcepts(analyzed, keep, cluster.docs.size(), ilp.concepts), ilp);
}

ConceptSelection SelectIlp(const Cluster& cluster, const AnalyzedCluster& analyzed,
                           const ClusterModel& model, const std::vector<bool>& keep,
                           const SelectOptions& options, const ConceptModel& concepts,
                           const IlpOptions& ilp) {
  const BudgetMeter meter(cluster, analyzed, options.budget);
  const RedundancyCheck redundancy(analyzed, model, keep, RedundancyFor(options));

  // Candidates: sentences with concepts that fit alone, best value first.
  std::vector<std::pair<double, size_t>> ranked;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i] || concepts.concepts[i].empty()) continue;
    if (analyzed.sentences[i].words < uint32_t(std::max(0, ilp.min_words))) continue;
    if (meter.Cost(i) > meter.capacity()) continue;
    ranked.push_back({-ConceptValue(concepts, {i}), i});
  }
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() > ilp.max_sentences) ranked.resize(ilp.max_sentences);
  std::vector<size_t> candidates;
  for (const auto& [v, i] : ranked) candidates.push_back(i);
  std::sort(candidates.begin(), candidates.end());

  ConceptSelection out;
  if (candidates.empty()) {
    if (options.truncate) {
      FillByTruncation(meter, redundancy, ByGain(concepts, keep, {}), 0, &out.chosen);
    }
    return out;
  }
  // Each concept's holders among the candidates. A concept held by one
  // candidate is folded into that sentence's own value, and concepts held by
  // the same candidates share one column: an exact reduction (the optimal
  // sentence sets do not change) that shrinks the LP by half or more.
  const int m = int(candidates.size());
  std::vector<std::vector<int>> holders(concepts.weight.size());
  for (int j = 0; j < m; ++j) {
    for (uint32_t c : concepts.concepts[candidates[j]]) holders[c].push_back(j);
  }
  std::vector<double> own(m, 0.0);                 // by candidate
  std::map<std::vector<int>, int> group_of;        // holders -> column
  std::vector<double> group_weight;
  std::vector<const std::vector<int>*> group_holders;
  for (int j = 0; j < m; ++j) {
    for (uint32_t c : concepts.concepts[candidates[j]]) {
      if (holders[c].front() != j) continue;  // once per concept, at its first holder
      if (holders[c].size() == 1) {
        own[j] += concepts.weight[c];
        continue;
      }
      const auto [it, fresh] = group_of.try_emplace(holders[c], int(group_weight.size()));
      if (fresh) {
        group_weight.push_back(0);
        group_holders.push_back(&it->first);
      }
      group_weight[it->second] += concepts.weight[c];
    }
  }
  const int k = int(group_weight.size());
  // Size the problem before building it: on degenerate input (a tiny
  // vocabulary, every pair redundant) the constraint count explodes and each
  // simplex iteration with it.
  const std::vector<std::pair<int, int>> redundant_pairs = redundancy.RedundantPairs(candidates);
  if (1 + size_t(k) + redundant_pairs.size() > ilp.max_rows) {
    out = SelectConceptGreedy(cluster, analyzed, model, keep, options, concepts, 1.0,
                              ilp.min_words);
    out.fallback = "the ILP would exceed its constraint limit";
    return out;
  }
  glp_term_out(GLP_OFF);  // the library never prints
  glp_prob* lp = glp_create_prob();
  glp_set_obj_dir(lp, GLP_MAX);
  glp_add_cols(lp, m + k);
  for (int j = 0; j < m; ++j) {
    glp_set_col_kind(lp, 1 + j, GLP_BV);
    glp_set_obj_coef(lp, 1 + j, own[j]);
  }
  for (int c = 0; c < k; ++c) {
    glp_set_col_kind(lp, 1 + m + c, GLP_BV);
    glp_set_obj_coef(lp, 1 + m + c, group_weight[c]);
  }
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  auto entry = [&](int row, int col, double value) {
    ia.push_back(row);
    ja.push_back(col);
    ar.push_back(value);
  };
  int row = glp_add_rows(lp, 1);  // the budget
  glp_set_row_bnds(lp, row, GLP_UP, 0, meter.capacity());
  for (int j = 0; j < m; ++j) entry(row, 1 + j, meter.Cost(candidates[j]));
  // Gillick & Favre's s_j <= c_i rows are left out: the objective rewards
  // every c_i, so an optimum sets c_i whenever a holder is chosen anyway.
  for (int c = 0; c < k; ++c) {
    row = glp_add_rows(lp, 1);  // sum s_j - c_i >= 0
    glp_set_row_bnds(lp, row, GLP_LO, 0, 0);
    for (int j : *group_holders[c]) entry(row, 1 + j, 1);
    entry(row, 1 + m + c, -1);
  }
  for (const auto& [a, b] : redundant_pairs) {
    row = glp_add_rows(lp, 1);
    glp_set_row_bnds(lp, row, GLP_UP, 0, 1);
    entry(row, 1 + a, 1);
    entry(row, 1 + b, 1);
  }
  glp_load_matrix(lp, int(ia.size()) - 1, ia.data(), ja.data(), ar.data());

  // The LP relaxation first, under the iteration limit; then branch and
  // cut from its basis, the callback counting nodes and iterations.
  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  simplex.it_lim = ilp.max_iterations;
  // A node's cost grows with the problem: GLPK's default branching
  // (Driebeck-Tomlin) computes a tableau row, a pass over the rows and
  // nonzeros, for each fractional column. So a big problem gets fewer nodes.
  const double node_work =
      double(glp_get_num_cols(lp)) * (glp_get_num_rows(lp) + glp_get_num_nz(lp));
  const double work_nodes = ilp.max_work / std::max(1.0, node_work);
  Limits limits{work_nodes < ilp.max_nodes ? int(work_nodes) : ilp.max_nodes,
                ilp.max_iterations};
  int rc = glp_simplex(lp, &simplex);
  limits.hit = rc == GLP_EITLIM;
  if (rc == 0 && glp_get_status(lp) == GLP_OPT) {
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.cb_func = Callback;
    parm.cb_info = &limits;
    // First fractional variable: on the dev sets a third faster than the
    // default Driebeck-Tomlin heuristic, which pays a tableau row per
    // fractional column at every node; same ROUGE within tie noise.
    parm.br_tech = GLP_BR_FFV;
    rc = glp_intopt(lp, &parm);
  } else {
    rc = rc == 0 ? GLP_EFAIL : rc;
  }
  if (rc == 0 && glp_mip_status(lp) == GLP_OPT && !limits.hit) {
    std::vector<size_t> ids;
    for (int j = 0; j < m; ++j) {
      if (glp_mip_col_val(lp, 1 + j) > 0.5) ids.push_back(candidates[j]);
    }
    glp_delete_prob(lp);
    ReleaseGlpk();
    double used = 0;
    for (size_t i : ids) {
      out.chosen.push_back(meter.Whole(i));
      used += meter.Cost(i);
    }
    out.objective = ConceptValue(concepts, ids);
    if (options.truncate) {
      FillByTruncation(meter, redundancy, ByGain(concepts, keep, out.chosen), used,
                       &out.chosen);
    }
    return out;
  }
  glp_delete_prob(lp);
  ReleaseGlpk();
  out = SelectConceptGreedy(cluster, analyzed, model, keep, options, concepts, 1.0,
                            ilp.min_words);
  out.fallback = limits.hit ? "the ILP reached its node or iteration limit"
                            : "the ILP solver failed";
  return out;
}

}  // namespace precis
