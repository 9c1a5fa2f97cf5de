#include "select/select.h"

#include <gtest/gtest.h>

#include "model/model.h"
#include "select/concepts.h"
#include "select/mmr.h"
#include "select/redundancy.h"

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

AnalyzedCluster Analyze(const Cluster& c) {
  auto stemmer = Stemmer::Create("en");
  return AnalyzeCluster(c, {}, StopwordSet::ForLanguage("en"), *stemmer);
}

// Documents "a", "b", ... with these texts.
Cluster Documents(const std::vector<std::string>& texts) {
  Cluster c;
  for (size_t i = 0; i < texts.size(); ++i) {
    c.docs.push_back({std::string(1, char('a' + i)), "", "", texts[i]});
  }
  return c;
}

TEST(Select, SharedQuoteIsRedundant) {
  const Cluster c = Documents({"He said relations may be at an all-time low with Moscow.",
                               "Officials warned that ties may be at an all-time low now.",
                               "The talks lasted two hours in the Kremlin on Wednesday."});
  auto analyzed = Analyze(c);
  std::vector<bool> keep(3, true);
  auto model = BuildModel(analyzed, keep);
  SelectOptions o;
  o.budget = {BudgetUnit::kSentences, 3};
  auto chosen = SelectGreedy(c, analyzed, model, {3, 2, 1}, keep, o);
  ASSERT_EQ(chosen.size(), 2u);
  EXPECT_EQ(chosen[0].sentence, 0u);
  EXPECT_EQ(chosen[1].sentence, 2u);
}

// A sentence of stopwords alone has no content terms for the cosine or
// containment rules, nor a quote; a copy of it is still a copy (cleaning
// drops such copies, unless told to keep them).
TEST(Select, SameWordsAreRedundant) {
  const Cluster c = Documents({"They were there. The ferry left at noon.",
                               "They were there! Crews searched the harbor.",
                               "They were not there."});
  auto analyzed = Analyze(c);
  ASSERT_EQ(analyzed.sentences.size(), 5u);
  std::vector<bool> keep(5, true);
  auto model = BuildModel(analyzed, keep);
  const RedundancyCheck check(analyzed, model, keep, {});
  EXPECT_TRUE(check.Redundant(0, 2));
  EXPECT_FALSE(check.Redundant(0, 4));  // other words
  EXPECT_FALSE(check.Redundant(0, 0));
  EXPECT_EQ(check.RedundantPairs({0, 1, 2, 3, 4}), (std::vector<std::pair<int, int>>{{0, 2}}));
  SelectOptions o;
  o.budget = {BudgetUnit::kSentences, 5};
  auto chosen = SelectGreedy(c, analyzed, model, {5, 1, 4, 1, 3}, keep, o);
  ASSERT_EQ(chosen.size(), 4u);
  EXPECT_EQ(chosen[0].sentence, 0u);
  EXPECT_EQ(chosen[1].sentence, 4u);  // not 2, the copy
}

TEST(Select, RatioResolvesAgainstInputWords) {
  Cluster c;
  c.docs.push_back({"a", "", "", std::string(kDoc)});
  EXPECT_EQ(ResolveBudget({BudgetUnit::kRatio, 0.5}, c), 17.0);
  EXPECT_EQ(ResolveBudget({BudgetUnit::kRatio, 0.0001}, c), 1.0);
}

// Gillick & Favre's concepts by hand: a bigram of stems counts the documents
// that use it and is kept from 3 documents on; a bigram of two stopwords is
// never a concept; content words weigh unigram_weight times their count.
TEST(Concepts, DocumentCountsByHand) {
  Cluster c;
  c.docs.push_back({"a", "", "", "Storm hits harbor ferry. It is what it is."});
  c.docs.push_back({"b", "", "", "Storm hits harbor town. It is what it is."});
  c.docs.push_back({"c", "", "", "Storm hits the coast. It is what it is."});
  c.docs.push_back({"d", "", "", "Farmers sell wheat. It is what it is."});
  const AnalyzedCluster analyzed = Analyze(c);
  ASSERT_EQ(analyzed.sentences.size(), 8u);
  const std::vector<bool> keep(8, true);
  // "storm hit" is in 3 documents; "hit harbor" in 2, the rest in 1; the
  // four copies of "it is what it is" are stopwords only.
  const ConceptModel bigrams = BuildConcepts(analyzed, keep, c.docs.size());
  ASSERT_EQ(bigrams.weight.size(), 1u);
  EXPECT_EQ(bigrams.weight[0], 3.0);
  for (size_t i : {0u, 2u, 4u}) EXPECT_EQ(bigrams.concepts[i], std::vector<uint32_t>{0}) << i;
  for (size_t i : {1u, 3u, 5u, 6u, 7u}) EXPECT_TRUE(bigrams.concepts[i].empty()) << i;
  EXPECT_EQ(ConceptValue(bigrams, {0, 2}), 3.0);  // a concept counts once

  // With words: "storm" and "hit" (3 documents each) at 0.05 x 3.
  ConceptOptions words;
  words.unigram_weight = 0.05;
  const ConceptModel both = BuildConcepts(analyzed, keep, c.docs.size(), words);
  ASSERT_EQ(both.weight.size(), 3u);
  int word_concepts = 0;
  for (size_t k = 0; k < 3; ++k) {
    word_concepts += both.word[k];
    EXPECT_DOUBLE_EQ(both.weight[k], both.word[k] ? 0.15 : 3.0);
  }
  EXPECT_EQ(word_concepts, 2);
  EXPECT_DOUBLE_EQ(ConceptValue(both, {0}), 3.3);
  EXPECT_DOUBLE_EQ(ConceptValue(both, {6}), 0.0);

  // Bigrams from 2 documents, words from 3 (the default's pruning): "hit
  // harbor" (documents a and b) joins at 2; the word "harbor" (the same two)
  // does not, while "storm" and "hit" (3 documents) do.
  ConceptOptions looser = words;
  looser.min_documents = 2;
  looser.min_word_documents = 3;
  const ConceptModel mixed = BuildConcepts(analyzed, keep, c.docs.size(), looser);
  ASSERT_EQ(mixed.weight.size(), 4u);
  std::vector<double> bigram_weights, word_weights;
  for (size_t k = 0; k < 4; ++k) {
    (mixed.word[k] ? word_weights : bigram_weights).push_back(mixed.weight[k]);
  }
  EXPECT_EQ(bigram_weights, (std::vector<double>{3.0, 2.0}));
  ASSERT_EQ(word_weights.size(), 2u);
  for (double w : word_weights) EXPECT_DOUBLE_EQ(w, 0.15);
  EXPECT_DOUBLE_EQ(ConceptValue(mixed, {0}), 5.3);  // storm hit, hit harbor, storm, hit
  EXPECT_DOUBLE_EQ(ConceptValue(mixed, {4}), 3.3);  // document c: storm hit, storm, hit

  // Unkept sentences do not count: without document c, nothing reaches 3.
  std::vector<bool> without_c = keep;
  without_c[4] = without_c[5] = false;
  EXPECT_TRUE(BuildConcepts(analyzed, without_c, c.docs.size()).weight.empty());
}

// Two documents that share sentences and an unrelated third: the smallest
// cluster whose concepts count documents, not sentences.
Cluster TwoAndAnOutlier(const char* a, const char* b) {
  Cluster c;
  c.docs.push_back({"a", "", "", a});
  c.docs.push_back({"b", "", "", b});
  c.docs.push_back({"c", "", "", "Markets rose on Monday. Traders cheered."});
  return c;
}

// A copy that cleaning dropped still counts for its document in a small
// cluster: the bigrams of "The ferry sank at dawn." (documents a and b, b's
// copy dropped) reach 2 documents only through the copy, and only the kept
// sentence holds them.
TEST(Concepts, DroppedCopiesCountInSmallClusters) {
  const Cluster c = TwoAndAnOutlier("The ferry sank at dawn. Divers searched the bay.",
                                    "The ferry sank at dawn. Officials blamed the storm.");
  const AnalyzedCluster analyzed = Analyze(c);
  ASSERT_EQ(analyzed.sentences.size(), 6u);
  std::vector<bool> keep(6, true), copies(6, false);
  keep[2] = false;  // b's first sentence, a copy of a's
  copies[2] = true;
  ConceptOptions o;
  o.min_documents = 2;
  const ConceptModel without = BuildConcepts(analyzed, keep, c.docs.size(), o, &copies);
  EXPECT_TRUE(without.weight.empty());  // counting copies is off by default
  o.count_copies_up_to_documents = 3;
  const ConceptModel with = BuildConcepts(analyzed, keep, c.docs.size(), o, &copies);
  // the ferry, ferry sank, sank at, at dawn
  EXPECT_EQ(with.weight, (std::vector<double>{2.0, 2.0, 2.0, 2.0}));
  EXPECT_EQ(with.concepts[0], (std::vector<uint32_t>{0, 1, 2, 3}));
  for (size_t i : {1u, 3u, 4u, 5u}) EXPECT_TRUE(with.concepts[i].empty()) << i;
  EXPECT_TRUE(with.concepts[2].empty());  // the copy holds nothing
  // A cluster larger than the limit counts kept sentences only.
  o.count_copies_up_to_documents = 2;
  EXPECT_TRUE(BuildConcepts(analyzed, keep, c.docs.size(), o, &copies).weight.empty());
  // Without the copy marks, the dropped sentence is not evidence.
  o.count_copies_up_to_documents = 3;
  EXPECT_TRUE(BuildConcepts(analyzed, keep, c.docs.size(), o).weight.empty());
}

// Position boost by hand: a concept's weight is its document count times
// 1 + boost / (1 + its first position among kept sentences).
TEST(Concepts, PositionBoostFavoursEarlyFirstUse) {
  const Cluster c = TwoAndAnOutlier("Storm hits harbor. Ferry service stops.",
                                    "Storm hits harbor. Ferry service stops.");
  const AnalyzedCluster analyzed = Analyze(c);
  ASSERT_EQ(analyzed.sentences.size(), 6u);
  std::vector<bool> keep(6, true);
  ConceptOptions o;
  o.min_documents = 2;
  const ConceptModel plain = BuildConcepts(analyzed, keep, c.docs.size(), o);
  // storm hit, hit harbor (leads of a and b); ferri servic, servic stop
  // (second sentences): 2 documents each.
  ASSERT_EQ(plain.weight, (std::vector<double>{2.0, 2.0, 2.0, 2.0}));
  o.position_boost = 1.0;
  const ConceptModel boosted = BuildConcepts(analyzed, keep, c.docs.size(), o);
  EXPECT_EQ(boosted.weight, (std::vector<double>{4.0, 4.0, 3.0, 3.0}));
  EXPECT_DOUBLE_EQ(ConceptValue(boosted, 0), 8.0);
  EXPECT_DOUBLE_EQ(ConceptValue(boosted, 1), 6.0);
  // Positions count kept sentences: with b's lead dropped, b's "ferry
  // service stops" is its first kept sentence and doubles those concepts,
  // while "storm hits harbor" is left in one document, under the pruning.
  keep[2] = false;
  const ConceptModel shifted = BuildConcepts(analyzed, keep, c.docs.size(), o);
  EXPECT_EQ(shifted.weight, (std::vector<double>{4.0, 4.0}));
  EXPECT_TRUE(shifted.concepts[0].empty());
  EXPECT_EQ(shifted.concepts[1], (std::vector<uint32_t>{0, 1}));
}

// MMR by hand: B is nearly as relevant as A but shares its words; C is less
// relevant and shares none. Relevance alone (lambda 1) takes A then B; at
// lambda 0.3, B's marginal value 0.3 x 0.95 - 0.7 cos(A, B) falls below C's
// 0.3 x 0.6 once cos(A, B) > 0.15.
TEST(Mmr, TradesRelevanceForNoveltyByLambda) {
  Cluster c;
  c.docs.push_back({"a", "", "",
                    "The storm closed the harbor ferry on Monday morning. "
                    "Harbor officials counted storm damage on Monday. "
                    "Farmers inland reported record wheat prices this year."});
  const AnalyzedCluster analyzed = Analyze(c);
  ASSERT_EQ(analyzed.sentences.size(), 3u);
  const std::vector<bool> keep(3, true);
  const ClusterModel model = BuildModel(analyzed, keep);
  const double ab = Cosine(model.vectors[0], model.vectors[1]);
  ASSERT_GT(ab, 0.15);
  ASSERT_EQ(Cosine(model.vectors[0], model.vectors[2]), 0.0);
  SelectOptions two;
  two.budget = {BudgetUnit::kSentences, 2};
  const std::vector<double> scores = {1.0, 0.95, 0.6};
  const auto relevance = SelectMmr(c, analyzed, model, scores, keep, two, 1.0);
  ASSERT_EQ(relevance.size(), 2u);
  EXPECT_EQ(relevance[0].sentence, 0u);
  EXPECT_EQ(relevance[1].sentence, 1u);
  const auto novelty = SelectMmr(c, analyzed, model, scores, keep, two, 0.3);
  ASSERT_EQ(novelty.size(), 2u);
  EXPECT_EQ(novelty[0].sentence, 0u);
  EXPECT_EQ(novelty[1].sentence, 2u);
}

}  // namespace
}  // namespace precis
