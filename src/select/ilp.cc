#include "select/ilp.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <queue>

#include "select/budget.h"
#include "select/ilp_model.h"
#include "select/ilp_search.h"
#include "select/redundancy.h"

namespace precis {
namespace {

// GLPK keeps an environment per thread and frees it only on request: a
// thread that exits after a solve (a batch worker, a server thread) would
// leak it (LeakSanitizer reports it). It is freed when a thread that solved
// exits, not after each solve: glp_free_env frees every GLPK object of the
// thread, those of a program that embeds precis and uses GLPK itself too.
void HoldGlpkUntilThreadExit() {
  struct Release {
    ~Release() { glp_free_env(); }
  };
  thread_local Release release;
  (void)release;
}

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
  std::vector<double> start;  // a known selection, GLPK's column values (1-based)
};

void Callback(glp_tree* tree, void* info) {
  Limits* limits = static_cast<Limits*>(info);
  if (glp_ios_reason(tree) == GLP_IHEUR && !limits->start.empty()) {
    glp_ios_heur_sol(tree, limits->start.data());  // prunes from the first node on
    limits->start.clear();
  }
  int active = 0, current = 0, total = 0;
  glp_ios_tree_size(tree, &active, &current, &total);
  if (total > limits->max_nodes ||
      glp_get_it_cnt(glp_ios_get_prob(tree)) > limits->max_iterations) {
    limits->hit = true;
    glp_ios_terminate(tree);
  }
}

glp_prob* ToGlpk(const IlpModel& p, const BudgetMeter& meter) {
  const int m = int(p.candidates.size());
  const int k = int(p.weight.size());
  glp_prob* lp = glp_create_prob();
  glp_set_obj_dir(lp, GLP_MAX);
  glp_add_cols(lp, m + k);
  for (int j = 0; j < m; ++j) {
    glp_set_col_kind(lp, 1 + j, GLP_BV);
    glp_set_obj_coef(lp, 1 + j, p.own[j]);
  }
  for (int c = 0; c < k; ++c) {
    glp_set_col_kind(lp, 1 + m + c, GLP_BV);
    glp_set_obj_coef(lp, 1 + m + c, p.weight[c]);
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
  for (int j = 0; j < m; ++j) entry(row, 1 + j, meter.Cost(p.candidates[j]));
  // Gillick & Favre's s_j <= c_i rows are left out: the objective rewards
  // every c_i, so an optimum sets c_i whenever a holder is chosen anyway.
  for (int c = 0; c < k; ++c) {
    row = glp_add_rows(lp, 1);  // sum s_j - c_i >= 0
    glp_set_row_bnds(lp, row, GLP_LO, 0, 0);
    for (int j : p.holders[c]) entry(row, 1 + j, 1);
    entry(row, 1 + m + c, -1);
  }
  for (const auto& [a, b] : p.redundant) {
    row = glp_add_rows(lp, 1);
    glp_set_row_bnds(lp, row, GLP_UP, 0, 1);
    entry(row, 1 + a, 1);
    entry(row, 1 + b, 1);
  }
  glp_load_matrix(lp, int(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  return lp;
}

// Reduced-cost fixing at the root (as in any branch and bound, here done
// once, up front, so the search runs on a far smaller model). For a
// candidate at zero in the LP optimum with reduced cost d_j, every selection
// holding it is worth at most z_LP + d_j. A good selection, the better of
// greedy by gain per cost and greedy in order of the LP's values, is worth
// z_inc; a candidate whose bound is below z_inc + step (a better selection
// gains at least the objective's grain, IlpModel::step) can be in
// no better selection and leaves. The selection's own candidates stay, so
// the smaller model is never worse. Returns the positions that stay; sets
// *incumbent to the good selection's.
std::vector<int> Survivors(const IlpModel& p, const ConceptModel& concepts,
                           const BudgetMeter& meter, const RedundancyCheck& redundancy,
                           glp_prob* lp, std::vector<int>* incumbent) {
  const int m = int(p.candidates.size());
  std::vector<int> by_lp(m);
  for (int j = 0; j < m; ++j) by_lp[j] = j;
  std::stable_sort(by_lp.begin(), by_lp.end(), [&](int a, int b) {
    return glp_get_col_prim(lp, 1 + a) > glp_get_col_prim(lp, 1 + b);
  });
  while (!by_lp.empty() && glp_get_col_prim(lp, 1 + by_lp.back()) < 1e-9) by_lp.pop_back();
  std::vector<int> greedy, guided;
  IlpGreedy(p, meter, redundancy, {}, &greedy);
  IlpGreedy(p, meter, redundancy, by_lp, &guided);
  const double by_ratio = IlpValue(p, concepts, greedy);
  const double by_guide = IlpValue(p, concepts, guided);
  *incumbent = by_guide >= by_ratio ? guided : greedy;
  const double bar = std::max(by_ratio, by_guide) + p.step - 1e-6;
  const double z = glp_get_obj_val(lp);
  std::vector<bool> stay(m, false);
  for (int j : *incumbent) stay[j] = true;
  std::vector<int> out;
  for (int j = 0; j < m; ++j) {
    if (stay[j] || glp_get_col_stat(lp, 1 + j) != GLP_NL ||
        z + glp_get_col_dual(lp, 1 + j) >= bar) {
      out.push_back(j);
    }
  }
  return out;
}

// The search without LPs (select/ilp_search.h) over every candidate, when
// few sentences fill the budget: at most IlpOptions::search_fill of the
// candidates' mean cost (its nodes grow quickly with the sentences a
// selection holds). It starts from the greedy selection by gain per cost.
// True, with *ids set, when it proved the optimum.
bool SearchFirst(const std::vector<size_t>& candidates, const ConceptModel& concepts,
                 const std::vector<double>& bonus, const BudgetMeter& meter,
                 const RedundancyCheck& redundancy, const IlpOptions& ilp,
                 std::vector<size_t>* ids) {
  if (ilp.search_nodes <= 0) return false;
  std::vector<double> cost;
  double total = 0;
  for (size_t i : candidates) {
    cost.push_back(meter.Cost(i));
    total += cost.back();
  }
  if (meter.capacity() * double(cost.size()) > ilp.search_fill * total) return false;
  // The exact concept columns, no pair list: the search asks about pairs.
  const IlpModel p = MakeIlpModel(candidates, concepts, bonus, {}, true);
  std::vector<int> start;
  IlpGreedy(p, meter, redundancy, {}, &start);
  std::sort(start.begin(), start.end());
  const IlpSearch found =
      SearchIlp(p, cost, meter.capacity(), start, ilp.search_nodes, [&](int a, int b) {
        return redundancy.Redundant(candidates[a], candidates[b]);
      });
  if (!found.done) return false;
  for (int j : found.chosen) ids->push_back(candidates[j]);
  return true;
}

// The selection of sentences `ids`, filled up by truncation when asked.
ConceptSelection Chosen(const BudgetMeter& meter, const RedundancyCheck& redundancy,
                        const ConceptModel& concepts, const std::vector<bool>& keep,
                        const SelectOptions& options, const std::vector<size_t>& ids) {
  ConceptSelection out;
  double used = 0;
  for (size_t i : ids) {
    out.chosen.push_back(meter.Whole(i));
    used += meter.Cost(i);
  }
  out.objective = ConceptValue(concepts, ids);  // the bonus is not a concept
  if (options.truncate) {
    FillByTruncation(meter, redundancy, ByGain(concepts, keep, out.chosen), used, &out.chosen);
  }
  return out;
}

enum class Outcome { kOptimal, kLimit, kFailed, kTooBig };

// Solves `p` under the deterministic limits. With `rounds` left, first
// shrinks it by reduced-cost fixing and solves the smaller model instead,
// which holds every redundant pair among the candidates that stay: two
// rounds, the first on a relaxation (no pairs, words counted per sentence:
// see MakeIlpModel), the second on the smaller, exact model. `start`, when
// not empty, is a selection (sentence ids, ascending) known to be feasible.
Outcome Solve(const IlpModel& p, const ConceptModel& concepts, const BudgetMeter& meter,
              const RedundancyCheck& redundancy, const IlpOptions& ilp, int rounds,
              const std::vector<size_t>& start, std::vector<size_t>* ids,
              std::vector<size_t>* best) {
  // The known selection stands until branch and bound finds a better one:
  // a limit hit before it starts (the LP's iterations, a node budget that
  // rounds to 0) must not lose it to a greedy worth less.
  if (!start.empty()) *best = start;
  glp_prob* lp = ToGlpk(p, meter);
  // The LP relaxation first, under the iteration limit; then branch and
  // cut from its basis, the callback counting nodes and iterations.
  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  simplex.it_lim = ilp.max_iterations;
  // A node's cost grows with the problem (a pass over the rows and nonzeros
  // at least), so a big problem gets fewer nodes.
  const double node_work =
      double(glp_get_num_cols(lp)) * (glp_get_num_rows(lp) + glp_get_num_nz(lp));
  const double work_nodes = ilp.max_work / std::max(1.0, node_work);
  Limits limits{work_nodes < ilp.max_nodes ? int(work_nodes) : ilp.max_nodes,
                ilp.max_iterations, false, {}};
  int rc = glp_simplex(lp, &simplex);
  limits.hit = rc == GLP_EITLIM;
  if (rounds > 0 || !p.complete) {
    if (rc != 0 || glp_get_status(lp) != GLP_OPT) {
      glp_delete_prob(lp);
      return limits.hit ? Outcome::kLimit : Outcome::kFailed;
    }
    std::vector<int> incumbent;
    const std::vector<int> stay = Survivors(p, concepts, meter, redundancy, lp, &incumbent);
    if (!p.complete || stay.size() < p.candidates.size()) {
      glp_delete_prob(lp);
      std::vector<size_t> kept, known;
      std::vector<double> bonus;
      for (int j : stay) {
        kept.push_back(p.candidates[j]);
        bonus.push_back(p.bonus[j]);
      }
      for (int j : incumbent) known.push_back(p.candidates[j]);
      std::sort(known.begin(), known.end());
      IlpModel smaller = MakeIlpModel(kept, concepts, std::move(bonus),
                                      redundancy.RedundantPairs(kept), true);
      if (smaller.Rows() > ilp.max_rows) {
        *best = std::move(known);
        return Outcome::kTooBig;
      }
      return Solve(smaller, concepts, meter, redundancy, ilp, rounds - 1, known, ids, best);
    }
  }
  if (!start.empty()) {
    const int m = int(p.candidates.size());
    limits.start.assign(1 + m + p.weight.size(), 0.0);
    for (int j = 0; j < m; ++j) {
      if (!std::binary_search(start.begin(), start.end(), p.candidates[j])) continue;
      limits.start[1 + j] = 1;
      for (int c : p.columns[j]) limits.start[1 + m + c] = 1;
    }
  }
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
  Outcome status = limits.hit ? Outcome::kLimit : Outcome::kFailed;
  const int mip = glp_mip_status(lp);
  std::vector<size_t>* into = nullptr;
  if (rc == 0 && mip == GLP_OPT && !limits.hit) {
    status = Outcome::kOptimal;
    into = ids;
  } else if (limits.hit && p.complete && (mip == GLP_FEAS || mip == GLP_OPT)) {
    // Stopped by a limit, branch and bound still holds the best selection
    // it found, at least as good as the start it was given.
    into = best;
    best->clear();
  }
  for (size_t j = 0; into != nullptr && j < p.candidates.size(); ++j) {
    if (glp_mip_col_val(lp, 1 + int(j)) > 0.5) into->push_back(p.candidates[j]);
  }
  glp_delete_prob(lp);
  return status;
}

// SelectConceptGreedy's whole sentences (before any truncated fill).
std::vector<size_t> ConceptGreedyIds(const AnalyzedCluster& analyzed,
                                     const std::vector<bool>& keep,
                                     const ConceptModel& concepts, const BudgetMeter& meter,
                                     const RedundancyCheck& redundancy, double cost_scaling,
                                     int min_words) {
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
  TakenSentences taken(redundancy);
  double used = 0, value = 0;
  while (!heap.empty()) {
    const auto [bound, neg] = heap.top();
    heap.pop();
    const size_t i = size_t(-neg);
    if (used + meter.Cost(i) > meter.capacity()) continue;
    const double fresh = gain(i) / cost(i);
    if (fresh <= 0) continue;  // gains only shrink: it never gains again
    if (!heap.empty() && fresh < heap.top().first) {
      heap.push({fresh, neg});
      continue;
    }
    if (taken.RedundantWithAny(i)) continue;
    value += gain(i);
    for (uint32_t c : concepts.concepts[i]) have[c] = true;
    used += meter.Cost(i);
    taken.Add(i);
  }
  std::vector<size_t> ids = taken.ids();
  // The best single sentence, if it alone is worth more.
  std::fill(have.begin(), have.end(), false);
  size_t single = SIZE_MAX;
  double single_value = value;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i] || meter.Cost(i) > meter.capacity()) continue;
    if (analyzed.sentences[i].words < uint32_t(std::max(0, min_words))) continue;
    if (const double g = gain(i); g > single_value) {
      single_value = g;
      single = i;
    }
  }
  if (single != SIZE_MAX) ids = {single};
  return ids;
}

}  // namespace

ConceptSelection SelectConceptGreedy(const Cluster& cluster, const AnalyzedCluster& analyzed,
                                     const ClusterModel& model, const std::vector<bool>& keep,
                                     const SelectOptions& options,
                                     const ConceptModel& concepts, double cost_scaling,
                                     int min_words) {
  const BudgetMeter meter(cluster, analyzed, options.budget);
  const RedundancyCheck redundancy(analyzed, model, keep, RedundancyFor(options));
  return Chosen(meter, redundancy, concepts, keep, options,
                ConceptGreedyIds(analyzed, keep, concepts, meter, redundancy, cost_scaling,
                                 min_words));
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
  // What this selection may take (the truncated fill and the greedy
  // fallback included): the kept sentences, less connective openers.
  std::vector<bool> choosable = keep;
  if (ilp.skip_connective_openers) {
    for (size_t i = 0; i < keep.size(); ++i) {
      if (analyzed.sentences[i].opens_with_connective) choosable[i] = false;
    }
  }

  // Candidates: sentences with concepts that fit alone, best value per cost
  // first (a knapsack's order: short sentences that fill the last words are
  // valuable per word, not in total). A lead's bonus only adds to a sentence
  // with concepts: letting leads without any in, and ranking by value plus
  // bonus, cost the default 0.05 to 0.08 R-1 on the Multi-News sets and
  // changed nothing elsewhere (twentieth session).
  std::vector<std::pair<double, size_t>> ranked;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!choosable[i] || concepts.concepts[i].empty()) continue;
    if (analyzed.sentences[i].words < uint32_t(std::max(0, ilp.min_words))) continue;
    if (meter.Cost(i) > meter.capacity()) continue;
    ranked.push_back({-ConceptValue(concepts, i) / std::max(1.0, meter.Cost(i)), i});
  }
  std::sort(ranked.begin(), ranked.end());
  const bool capped = ranked.size() > ilp.max_sentences;
  if (capped) ranked.resize(ilp.max_sentences);
  std::vector<size_t> candidates;
  for (const auto& [v, i] : ranked) candidates.push_back(i);
  std::sort(candidates.begin(), candidates.end());

  ConceptSelection out;
  if (candidates.empty()) {
    if (options.truncate) {
      FillByTruncation(meter, redundancy, ByGain(concepts, choosable, {}), 0, &out.chosen);
    }
    return out;
  }
  // Each document's lead (first kept sentence) may carry a bonus.
  const std::vector<uint32_t> position =
      ilp.lead_bonus != 0 ? KeptPositions(analyzed, keep) : std::vector<uint32_t>{};
  auto bonus_of = [&](size_t i) {
    return position.empty() || position[i] != 0 ? 0.0 : ilp.lead_bonus;
  };
  std::vector<double> bonus;
  if (!position.empty()) {
    for (size_t i : candidates) bonus.push_back(bonus_of(i));
  }
  // What the ILP counts: concept value plus bonuses.
  auto objective = [&](const std::vector<size_t>& chosen) {
    double value = ConceptValue(concepts, chosen);
    for (size_t i : chosen) value += bonus_of(i);
    return value;
  };
  const auto greedy = [&] {
    return ConceptGreedyIds(analyzed, choosable, concepts, meter, redundancy, 1.0, ilp.min_words);
  };
  // The optimum over the capped candidates, unless greedy over every
  // sentence is worth more: many sentences carrying the same few concepts
  // can fill the cap and crowd out those that matter (never on the dev
  // sets, where a cap of 100,000 chose the same).
  auto optimal = [&](const std::vector<size_t>& ids) {
    if (capped) {
      std::vector<size_t> all = greedy();
      if (objective(all) > objective(ids) + 1e-9) {
        ConceptSelection sel = Chosen(meter, redundancy, concepts, choosable, options, all);
        sel.fallback = "worth more than the ILP's optimum over its " +
                       std::to_string(ilp.max_sentences) + " best candidates";
        return sel;
      }
    }
    return Chosen(meter, redundancy, concepts, choosable, options, ids);
  };
  std::vector<size_t> ids;
  if (SearchFirst(candidates, concepts, bonus, meter, redundancy, ilp, &ids)) return optimal(ids);
  // With reduction, the first model leaves the redundant pairs out: they
  // are found among the candidates that stay.
  const IlpModel full =
      ilp.reduce ? MakeIlpModel(candidates, concepts, bonus, {}, false)
                 : MakeIlpModel(candidates, concepts, bonus, redundancy.RedundantPairs(candidates),
                                true);
  // Size the problem before solving it: on degenerate input (a tiny
  // vocabulary, every pair redundant) the constraint count explodes and each
  // simplex iteration with it. (Solve checks the reduced model too.)
  std::vector<size_t> best;
  Outcome status = Outcome::kTooBig;
  if (full.Rows() <= ilp.max_rows) {
    HoldGlpkUntilThreadExit();
    const int terminal = glp_term_out(GLP_OFF);  // the library never prints
    status = Solve(full, concepts, meter, redundancy, ilp, ilp.reduce ? 2 : 0, {}, &ids, &best);
    glp_term_out(terminal);  // the embedding program's setting
  }
  if (status == Outcome::kOptimal) return optimal(ids);
  // The greedy fallback, or what branch and bound had found by its limit
  // where that is worth more.
  const std::vector<size_t> fallback = greedy();
  const bool best_found = !best.empty() && objective(best) > objective(fallback);
  out = Chosen(meter, redundancy, concepts, choosable, options, best_found ? best : fallback);
  out.best_found = best_found;
  out.fallback = status == Outcome::kTooBig  ? "the ILP would exceed its constraint limit"
                 : status == Outcome::kLimit ? "the ILP reached its node or iteration limit"
                                             : "the ILP solver failed";
  return out;
}

}  // namespace precis
