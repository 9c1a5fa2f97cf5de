#include "select/submodular.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "base/key_index.h"
#include "score/scorer.h"
#include "select/budget.h"
#include "select/redundancy.h"

namespace precis {
namespace {

// Assigns each node a cluster 0..k-1 by k-medoids over similarity w.
std::vector<size_t> Medoids(const std::vector<double>& w, size_t n, size_t k, int iterations) {
  std::vector<size_t> medoid(k);
  for (size_t c = 0; c < k; ++c) medoid[c] = c * n / k;
  std::vector<size_t> label(n, 0);
  for (int it = 0; it < iterations; ++it) {
    for (size_t i = 0; i < n; ++i) {
      size_t best = 0;
      for (size_t c = 1; c < k; ++c) {
        if (w[i * n + medoid[c]] > w[i * n + medoid[best]]) best = c;
      }
      label[i] = best;
    }
    bool changed = false;
    std::vector<std::vector<size_t>> members(k);
    for (size_t i = 0; i < n; ++i) members[label[i]].push_back(i);
    for (size_t c = 0; c < k; ++c) {
      if (members[c].empty()) continue;
      size_t best = medoid[c];
      double best_sum = -1;
      for (size_t m : members[c]) {
        double sum = 0;
        for (size_t o : members[c]) sum += w[m * n + o];
        if (sum > best_sum) {
          best_sum = sum;
          best = m;
        }
      }
      changed |= best != medoid[c];
      medoid[c] = best;
    }
    if (!changed) break;
  }
  return label;
}

// The similarity's own sentence vectors: every word's stem, stopwords
// included, and every pair of adjacent words but two stopwords (Lin & Bilmes
// represent sentences by terms up to bigrams), weighted tf * idf with
// idf(t) = log((N + 1) / df(t)) over the N nodes. Stopwords are our choice,
// not the paper's: with content words alone the cosine favours fragments of a
// few topic words, which the cost-scaled greedy then packs by the handful.
// (The paper's idf over the cluster's documents scored lower here.)
std::vector<SparseVector> SimilarityVectors(const AnalyzedCluster& analyzed,
                                            const std::vector<size_t>& nodes) {
  const Vocabulary& vocab = analyzed.vocab;
  // Dense ids: key t for a unigram, (a + 1) << 32 | b for a bigram.
  KeyIndex ids;
  std::vector<std::vector<uint32_t>> bags(nodes.size());
  for (size_t a = 0; a < nodes.size(); ++a) {
    const std::vector<uint32_t>& t = analyzed.sentences[nodes[a]].terms;
    for (size_t k = 0; k < t.size(); ++k) {
      bags[a].push_back(ids.Number(t[k]));
      if (k > 0 && !(vocab.IsStop(t[k - 1]) && vocab.IsStop(t[k]))) {
        const uint64_t key = (uint64_t(t[k - 1]) + 1) << 32 | t[k];
        bags[a].push_back(ids.Number(key));
      }
    }
    std::sort(bags[a].begin(), bags[a].end());
  }
  std::vector<uint32_t> df(ids.size(), 0);
  for (const auto& bag : bags) {
    for (size_t k = 0; k < bag.size(); ++k) df[bag[k]] += k == 0 || bag[k] != bag[k - 1];
  }
  const double units = double(nodes.size()) + 1.0;
  std::vector<SparseVector> out;
  for (const auto& bag : bags) {
    out.push_back(CountVector(bag, [&](uint32_t id, size_t count) {
      return float(double(count) * std::log(units / df[id]));
    }));
  }
  return out;
}

}  // namespace

std::vector<Selected> SelectSubmodular(const Cluster& cluster,
                                       const AnalyzedCluster& analyzed,
                                       const ClusterModel& model,
                                       const std::vector<bool>& keep,
                                       const SelectOptions& options,
                                       const SubmodularOptions& sm) {
  const ScoreContext ctx{cluster, analyzed, model, keep};
  const std::vector<size_t> nodes = PairwiseCandidates(ctx, kMaxPairwiseSentences);
  const size_t n = nodes.size();
  const BudgetMeter meter(cluster, analyzed, options.budget);
  const RedundancyCheck redundancy(analyzed, model, keep, RedundancyFor(options));
  if (n == 0) return {};
  const std::vector<SparseVector> vectors = SimilarityVectors(analyzed, nodes);
  std::vector<double> w(n * n, 0.0);
  for (size_t a = 0; a < n; ++a) {
    w[a * n + a] = 1.0;
    for (size_t b = a + 1; b < n; ++b) {
      w[a * n + b] = w[b * n + a] = Cosine(vectors[a], vectors[b]);
    }
  }
  std::vector<double> saturation(n, 0.0), reward(n, 0.0);
  const double alpha = std::min(1.0, sm.a / double(n));
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (size_t j = 0; j < n; ++j) sum += w[i * n + j];
    saturation[i] = alpha * sum;
    reward[i] = sum / double(n);  // w is symmetric: r_i = (1/N) sum_j w_ji
  }
  const size_t k = std::max<size_t>(1, size_t(std::lround(sm.cluster_share * double(n))));
  const std::vector<size_t> label = Medoids(w, n, std::min(k, n), sm.medoid_iterations);

  std::vector<double> coverage(n, 0.0);   // C_i(S)
  std::vector<double> partition(std::min(k, n), 0.0);  // sum of r_j per cluster
  auto gain = [&](size_t l) {
    double g = 0;
    for (size_t i = 0; i < n; ++i) {
      const double c = coverage[i];
      if (c >= saturation[i]) continue;
      g += std::min(c + w[i * n + l], saturation[i]) - c;
    }
    const double p = partition[label[l]];
    g += sm.lambda * (std::sqrt(p + reward[l]) - std::sqrt(p));
    return g;
  };
  auto cost = [&](size_t l) {
    return std::pow(std::max(1.0, meter.Cost(nodes[l])), sm.cost_scaling);
  };

  // Lazy greedy: (upper bound on scaled gain, -index) max-heap.
  using Entry = std::pair<double, long>;
  std::priority_queue<Entry> heap;
  for (size_t l = 0; l < n; ++l) heap.push({gain(l) / cost(l), -long(l)});
  std::vector<size_t> picked, picked_ids;
  double used = 0, objective = 0;
  while (!heap.empty()) {
    const auto [bound, neg] = heap.top();
    heap.pop();
    const size_t l = size_t(-neg);
    const size_t id = nodes[l];
    if (used + meter.Cost(id) > meter.capacity()) continue;
    if (redundancy.RedundantWithAny(id, picked_ids)) continue;
    const double fresh = gain(l) / cost(l);
    if (!heap.empty() && fresh < heap.top().first) {
      heap.push({fresh, neg});
      continue;
    }
    objective += gain(l);
    for (size_t i = 0; i < n; ++i) coverage[i] += w[i * n + l];
    partition[label[l]] += reward[l];
    used += meter.Cost(id);
    picked.push_back(l);
    picked_ids.push_back(id);
  }
  // The best single sentence that fits, if it beats the greedy set alone.
  coverage.assign(n, 0.0);
  std::fill(partition.begin(), partition.end(), 0.0);
  size_t single = SIZE_MAX;
  double single_value = objective;
  for (size_t l = 0; l < n; ++l) {
    if (meter.Cost(nodes[l]) > meter.capacity()) continue;
    const double g = gain(l);
    if (g > single_value) {
      single_value = g;
      single = l;
    }
  }
  std::vector<Selected> chosen;
  if (single != SIZE_MAX) {
    picked = {single};
    picked_ids = {nodes[single]};
  }
  used = 0;
  for (size_t id : picked_ids) {
    chosen.push_back(meter.Whole(id));
    used += meter.Cost(id);
  }
  if (options.truncate) {
    // Fill with the sentences the objective would have liked next.
    for (size_t i = 0; i < n; ++i) coverage[i] = 0;
    for (size_t l : picked) {
      for (size_t i = 0; i < n; ++i) coverage[i] += w[i * n + l];
      partition[label[l]] += reward[l];
    }
    std::vector<std::pair<double, size_t>> next;
    for (size_t l = 0; l < n; ++l) next.push_back({-gain(l), l});
    std::sort(next.begin(), next.end());
    std::vector<size_t> preference;
    for (const auto& [g, l] : next) preference.push_back(nodes[l]);
    FillByTruncation(meter, redundancy, preference, used, &chosen);
  }
  return chosen;
}

}  // namespace precis
