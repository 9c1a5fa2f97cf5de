#include "eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace precis::rouge {
namespace {

std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

enum Move : uint8_t { kDiagonal, kUp, kLeft };

// Fills the LCS (or weighted LCS) table of model unit `m` against peer unit
// `p` and marks, in `mask`, the model positions on the path the script's
// traceback takes: diagonal on equal tokens, else up when the upper cell is
// at least the left one. Ties decide which tokens are marked, so the rule
// matters for the figures, not only the length.
void MarkLcs(const std::vector<uint32_t>& m, const std::vector<uint32_t>& p,
             double weight, std::vector<uint8_t>& moves,
             std::vector<double>& cost, std::vector<int>& run,
             std::vector<char>& mask) {
  const size_t rows = m.size() + 1, cols = p.size() + 1;
  moves.assign(rows * cols, kUp);
  cost.assign(rows * cols, 0.0);
  if (weight > 0) run.assign(rows * cols, 0);
  for (size_t i = 1; i < rows; ++i) {
    for (size_t j = 1; j < cols; ++j) {
      const size_t at = i * cols + j;
      if (m[i - 1] == p[j - 1]) {
        const size_t diag = (i - 1) * cols + (j - 1);
        if (weight > 0) {
          const int k = run[diag];
          cost[at] = cost[diag] + std::pow(double(k + 1), weight) -
                     std::pow(double(k), weight);
          run[at] = k + 1;
        } else {
          cost[at] = cost[diag] + 1;
        }
        moves[at] = kDiagonal;
      } else if (cost[at - cols] >= cost[at - 1]) {
        cost[at] = cost[at - cols];
        moves[at] = kUp;
      } else {
        cost[at] = cost[at - 1];
        moves[at] = kLeft;
      }
    }
  }
  size_t i = rows - 1, j = cols - 1;
  while (i != 0 && j != 0) {
    switch (moves[i * cols + j]) {
      case kDiagonal: --i; --j; mask[i] = 1; break;
      case kUp: --i; break;
      case kLeft: --j; break;
    }
  }
}

}  // namespace

std::vector<Metric> SelectMetrics(const Options& o) {
  std::vector<Metric> out;
  for (int n = 1; n <= o.max_ngram; ++n) {
    out.push_back({Metric::kNgram, n, false, "ROUGE-" + std::to_string(n)});
  }
  if (o.lcs) out.push_back({Metric::kLcs, 0, false, "ROUGE-L"});
  if (o.wlcs_weight > 0) {
    const std::string w =
        o.weight_label.empty() ? FormatNumber(o.wlcs_weight) : o.weight_label;
    out.push_back({Metric::kWlcs, 0, false, "ROUGE-W-" + w});
  }
  if (o.skip_distance) {
    const bool any = *o.skip_distance < 0;
    const std::string d =
        any ? "*"
            : (o.skip_label.empty() ? std::to_string(*o.skip_distance) : o.skip_label);
    if (o.skip_unigrams) {
      out.push_back({Metric::kSkip, 0, true, "ROUGE-SU" + d});
    } else {
      out.push_back({Metric::kSkip, 0, false, "ROUGE-S" + d});
      if (o.skip_both) out.push_back({Metric::kSkip, 0, true, "ROUGE-SU" + d});
    }
  }
  return out;
}

double Round5(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%7.5f", x);
  return std::strtod(buf, nullptr);
}

std::vector<uint32_t> GramTable::Level(const std::vector<uint32_t>& prev,
                                       const std::vector<uint32_t>& tokens,
                                       int n) {
  std::vector<uint32_t> out;
  if (tokens.size() < size_t(n)) return out;
  out.reserve(tokens.size() - n + 1);
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    const uint64_t key = uint64_t(prev[i]) << 32 | tokens[i + n - 1];
    out.push_back(pairs_.emplace(key, uint32_t(pairs_.size())).first->second);
  }
  return out;
}

std::vector<std::vector<uint64_t>> GramTable::NGrams(
    const std::vector<uint32_t>& tokens, int max_n) {
  std::vector<std::vector<uint64_t>> out;
  std::vector<uint32_t> level = tokens;
  for (int n = 1; n <= max_n; ++n) {
    if (n > 1) level = Level(level, tokens, n);
    out.emplace_back(level.begin(), level.end());
    std::sort(out.back().begin(), out.back().end());
  }
  return out;
}

std::vector<uint64_t> SkipGrams(const std::vector<uint32_t>& t, int distance,
                                bool unigrams) {
  std::vector<uint64_t> out;
  const size_t n = t.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (unigrams) out.push_back(uint64_t(t[i]) << 32 | 0xFFFFFFFFu);
    const size_t last =
        distance < 0 ? n - 1 : std::min(n - 1, i + size_t(distance) + 1);
    for (size_t j = i + 1; j <= last; ++j) {
      out.push_back(uint64_t(t[i]) << 32 | t[j]);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

double ClippedHits(const std::vector<uint64_t>& a,
                   const std::vector<uint64_t>& b) {
  double hits = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      const uint64_t key = a[i];
      size_t ca = 0, cb = 0;
      while (i < a.size() && a[i] == key) ++i, ++ca;
      while (j < b.size() && b[j] == key) ++j, ++cb;
      hits += double(std::min(ca, cb));
    }
  }
  return hits;
}

LcsResult UnionLcs(const Prepared& model, const Prepared& peer,
                   size_t vocab_size, double weight) {
  // Unigram budgets from the joined views: a token counts as an LCS hit only
  // while both sides still have an unused occurrence of it.
  std::vector<int> model_left(vocab_size, 0), peer_left(vocab_size, 0);
  for (uint32_t t : model.flat) ++model_left[t];
  for (uint32_t t : peer.flat) ++peer_left[t];

  LcsResult out;
  std::vector<uint8_t> moves;
  std::vector<double> cost;
  std::vector<int> run;
  std::vector<char> mask;
  for (const auto& unit : model.units) {
    mask.assign(unit.size(), 0);
    out.base += weight > 0 ? std::pow(double(unit.size()), weight)
                           : double(unit.size());
    for (const auto& p : peer.units) MarkLcs(unit, p, weight, moves, cost, run, mask);
    int streak = 0;  // ROUGE-W: hits in the current run of marked tokens
    for (size_t j = 0; j < unit.size(); ++j) {
      const uint32_t t = unit[j];
      if (!mask[j] || model_left[t] <= 0 || peer_left[t] <= 0) continue;
      --model_left[t];
      --peer_left[t];
      if (weight <= 0) {
        out.hit += 1;
        continue;
      }
      // A run is credited len^w when the next position is unmarked or the
      // unit ends. A clipped token inside a run neither counts nor closes
      // it, so a run ending on one carries on into the next (or is lost at
      // the unit's end): the script's bookkeeping, kept for equal figures.
      ++streak;
      if (j + 1 == unit.size() || !mask[j + 1]) {
        out.hit += std::pow(double(streak), weight);
        streak = 0;
      }
    }
  }
  return out;
}

}  // namespace precis::rouge
