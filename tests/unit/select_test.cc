#include "select/select.h"

#include <gtest/gtest.h>

#include "model/model.h"

namespace precis {
namespace {

// Six sentences of varied length, no two alike.
const char* kDoc =
    "Alpha bravo charlie delta echo foxtrot golf. "
    "Hotel india juliet kilo. "
    "Lima mike november oscar papa quebec romeo sierra tango. "
    "Uniform victor whiskey. "
    "Xray yankee zulu amber basalt cobalt dune ember fjord. "
    "Granite harbor.";

struct World {
  Cluster cluster;
  AnalyzedCluster analyzed;
  ClusterModel model;
  std::vector<bool> keep;
  std::vector<double> scores;
  World() {
    cluster.docs.push_back({"d", "", "", kDoc});
    auto stemmer = Stemmer::Create("en");
    analyzed = AnalyzeCluster(cluster, {}, StopwordSet::ForLanguage("en"), *stemmer);
    keep.assign(analyzed.sentences.size(), true);
    model = BuildModel(analyzed, keep);
    for (size_t i = 0; i < keep.size(); ++i) scores.push_back(double((i * 7) % 5) + 0.1 * i);
  }
};

size_t WordsOf(const World& w, const Selected& s) {
  const Sentence& sentence = w.analyzed.sentences[s.sentence];
  return CountWhitespaceWords(
      std::string_view(w.cluster.docs[0].text).substr(sentence.span.begin, s.end - sentence.span.begin));
}

TEST(Select, NeverExceedsAnyBudget) {
  World w;
  ASSERT_EQ(w.analyzed.sentences.size(), 6u);
  for (bool truncate : {false, true}) {
    for (int limit = 1; limit <= 60; ++limit) {
      SelectOptions words;
      words.budget = {BudgetUnit::kWords, double(limit)};
      words.truncate = truncate;
      size_t total = 0;
      for (const auto& s : SelectGreedy(w.cluster, w.analyzed, w.model, w.scores, w.keep, words)) {
        total += WordsOf(w, s);
      }
      EXPECT_LE(total, size_t(limit));
      if (truncate) {
        EXPECT_EQ(total, std::min<size_t>(limit, 34)) << limit;
      }

      SelectOptions bytes;
      bytes.budget = {BudgetUnit::kBytes, double(limit * 5)};
      bytes.truncate = truncate;
      size_t used = 0;
      const auto chosen = SelectGreedy(w.cluster, w.analyzed, w.model, w.scores, w.keep, bytes);
      for (const auto& s : chosen) used += s.end - w.analyzed.sentences[s.sentence].span.begin;
      if (!chosen.empty()) used += chosen.size() - 1;
      EXPECT_LE(used, size_t(limit * 5));
    }
  }
  for (int n = 1; n <= 8; ++n) {
    SelectOptions s;
    s.budget = {BudgetUnit::kSentences, double(n)};
    EXPECT_EQ(SelectGreedy(w.cluster, w.analyzed, w.model, w.scores, w.keep, s).size(),
              std::min<size_t>(n, 6));
  }
}

TEST(Select, PicksByScoreAndSkipsRedundant) {
  World w;
  SelectOptions two;
  two.budget = {BudgetUnit::kSentences, 2};
  auto chosen = SelectGreedy(w.cluster, w.analyzed, w.model, w.scores, w.keep, two);
  ASSERT_EQ(chosen.size(), 2u);
  // Scores: 0.0, 2.1, 4.2, 1.3, 3.4, 0.5 -> sentences 2 then 4.
  EXPECT_EQ(chosen[0].sentence, 2u);
  EXPECT_EQ(chosen[1].sentence, 4u);
}

TEST(Select, SharedQuoteIsRedundant) {
  Cluster c;
  c.docs.push_back({"a", "", "", "He said relations may be at an all-time low with Moscow."});
  c.docs.push_back({"b", "", "", "Officials warned that ties may be at an all-time low now."});
  c.docs.push_back({"c", "", "", "The talks lasted two hours in the Kremlin on Wednesday."});
  auto stemmer = Stemmer::Create("en");
  auto analyzed = AnalyzeCluster(c, {}, StopwordSet::ForLanguage("en"), *stemmer);
  std::vector<bool> keep(3, true);
  auto model = BuildModel(analyzed, keep);
  SelectOptions o;
  o.budget = {BudgetUnit::kSentences, 3};
  auto chosen = SelectGreedy(c, analyzed, model, {3, 2, 1}, keep, o);
  ASSERT_EQ(chosen.size(), 2u);
  EXPECT_EQ(chosen[0].sentence, 0u);
  EXPECT_EQ(chosen[1].sentence, 2u);
}

TEST(Select, RatioResolvesAgainstInputWords) {
  Cluster c;
  c.docs.push_back({"a", "", "", std::string(kDoc)});
  EXPECT_EQ(ResolveBudget({BudgetUnit::kRatio, 0.5}, c), 17.0);
  EXPECT_EQ(ResolveBudget({BudgetUnit::kRatio, 0.0001}, c), 1.0);
}

}  // namespace
}  // namespace precis
