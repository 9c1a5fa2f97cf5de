#include "select/ilp_search.h"

#include "brute_force.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>

namespace precis {
namespace {

// A complete model from each candidate's own value and column lists.
IlpModel Model(std::vector<double> own, std::vector<double> weight,
               std::vector<std::vector<int>> columns) {
  IlpModel p;
  for (size_t j = 0; j < own.size(); ++j) p.candidates.push_back(100 + j);
  p.bonus.assign(own.size(), 0.0);
  p.own = std::move(own);
  p.weight = std::move(weight);
  p.holders.resize(p.weight.size());
  for (size_t j = 0; j < columns.size(); ++j) {
    for (int c : columns[j]) p.holders[c].push_back(int(j));
  }
  p.columns = std::move(columns);
  p.complete = true;
  return p;
}

// Answers from a list of pairs, and counts the questions.
struct Pairs {
  std::vector<std::pair<int, int>> list;
  mutable int asked = 0;
  std::function<bool(int, int)> Check() const {
    return [this](int a, int b) {
      ++asked;
      return std::count(list.begin(), list.end(), std::pair(std::min(a, b), std::max(a, b))) > 0;
    };
  }
};

double Value(const IlpModel& p, const std::vector<int>& chosen) {
  std::vector<bool> have(p.weight.size(), false);
  double v = 0;
  for (int j : chosen) {
    v += p.own[j];
    for (int c : p.columns[j]) have[c] = true;
  }
  for (size_t c = 0; c < have.size(); ++c) v += have[c] ? p.weight[c] : 0;
  return v;
}

// Greedy by value per cost takes candidate 0 (5 for 3) and then nothing
// fits; the optimum is the two cheaper ones (3 + 3 for 4).
TEST(IlpSearch, BeatsTheGreedyKnapsackOrder) {
  const IlpModel p = Model({5, 3, 3}, {}, {{}, {}, {}});
  const IlpSearch s = SearchIlp(p, {3, 2, 2}, 4, {0}, 1000, Pairs{}.Check());
  EXPECT_TRUE(s.done);
  EXPECT_EQ(s.chosen, (std::vector<int>{1, 2}));
  EXPECT_DOUBLE_EQ(s.value, 6);
}

// A concept shared by 1 and 2 counts once: together they are worth 3 + 1 +
// 1 = 5, less than 0 with 1 (4 + 1 + 3 = 8).
TEST(IlpSearch, SharedConceptCountsOnce) {
  const IlpModel p = Model({4, 1, 1}, {3}, {{}, {0}, {0}});
  const IlpSearch s = SearchIlp(p, {1, 1, 1}, 2, {}, 1000, Pairs{}.Check());
  EXPECT_TRUE(s.done);
  EXPECT_EQ(s.chosen, (std::vector<int>{0, 1}));
  EXPECT_DOUBLE_EQ(s.value, 8);
}

TEST(IlpSearch, RedundantPairNeverTogether) {
  const IlpModel p = Model({5, 3, 3}, {}, {{}, {}, {}});
  const Pairs pairs{{{1, 2}}};
  const IlpSearch s = SearchIlp(p, {3, 2, 2}, 4, {}, 1000, pairs.Check());
  EXPECT_TRUE(s.done);
  EXPECT_EQ(s.chosen, (std::vector<int>{0}));
  EXPECT_GT(pairs.asked, 0);
}

// A start selection of the optimum's value is kept (the first found of equal
// value wins), and a limit too small to prove anything says so and returns
// the start.
TEST(IlpSearch, KeepsStartOnTiesAndAtTheLimit) {
  const IlpModel p = Model({2, 2, 2, 2}, {}, {{}, {}, {}, {}});
  const IlpSearch tie = SearchIlp(p, {1, 1, 1, 1}, 2, {2, 3}, 1000, Pairs{}.Check());
  EXPECT_TRUE(tie.done);
  EXPECT_EQ(tie.chosen, (std::vector<int>{2, 3}));
  const IlpModel q = Model({5, 3, 3}, {}, {{}, {}, {}});
  const IlpSearch stopped = SearchIlp(q, {3, 2, 2}, 4, {0}, 1, Pairs{}.Check());
  EXPECT_FALSE(stopped.done);
  EXPECT_EQ(stopped.chosen, (std::vector<int>{0}));
}

// Random models of 12 candidates against every subset.
TEST(IlpSearch, MatchesEnumeration) {
  uint32_t x = 12345;
  auto next = [&x](uint32_t n) {
    x = x * 1664525u + 1013904223u;
    return (x >> 8) % n;
  };
  int improved = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int m = 12, k = 6 + int(next(10));
    std::vector<double> own(m), weight(k), cost(m);
    std::vector<std::vector<int>> columns(m);
    for (int c = 0; c < k; ++c) weight[c] = 0.5 * (1 + next(8));
    for (int j = 0; j < m; ++j) {
      own[j] = next(3) == 0 ? 0.5 * next(4) : 0;
      cost[j] = 1 + next(6);
      for (int c = 0; c < k; ++c) {
        if (next(4) == 0) columns[j].push_back(c);
      }
    }
    std::vector<std::pair<int, int>> pairs;
    for (int a = 0; a < m; ++a) {
      for (int b = a + 1; b < m; ++b) {
        if (next(12) == 0) pairs.push_back({a, b});
      }
    }
    IlpModel p = Model(own, weight, columns);
    p.step = trial % 2 ? 0.5 : 0;  // every value is a multiple of 0.5
    const double capacity = 3 + next(12);
    const double best = BestSubset(
        m, [&](size_t j) { return cost[j]; }, capacity,
        [&](size_t a, size_t b) {  // a < b
          return std::count(pairs.begin(), pairs.end(), std::pair(int(a), int(b))) > 0;
        },
        [&](const std::vector<size_t>& subset) {
          return Value(p, std::vector<int>(subset.begin(), subset.end()));
        });
    const Pairs asked{pairs};
    const IlpSearch s = SearchIlp(p, cost, capacity, {}, 1000000, asked.Check());
    ASSERT_TRUE(s.done) << trial;
    EXPECT_NEAR(s.value, best, 1e-9) << trial;
    EXPECT_NEAR(Value(p, s.chosen), best, 1e-9) << trial;
    double used = 0;
    for (int j : s.chosen) used += cost[j];
    EXPECT_LE(used, capacity) << trial;
    for (const auto& [a, b] : pairs) {
      EXPECT_FALSE(std::count(s.chosen.begin(), s.chosen.end(), a) &&
                   std::count(s.chosen.begin(), s.chosen.end(), b))
          << trial;
    }
    improved += s.nodes > 1;
  }
  EXPECT_GT(improved, 200);  // the search branched, not just the root
}

}  // namespace
}  // namespace precis
