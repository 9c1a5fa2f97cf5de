#include "clean/clean.h"

#include <gtest/gtest.h>

namespace precis {
namespace {

struct Fixture {
  Cluster cluster;
  AnalyzedCluster analyzed;
  CleanResult result;

  explicit Fixture(std::vector<std::string> texts, CleanOptions options = {}) {
    for (size_t i = 0; i < texts.size(); ++i) {
      std::string id = "d";
      id += std::to_string(i);
      cluster.docs.push_back({id, "", "", texts[i]});
    }
    auto stemmer = Stemmer::Create("en");
    analyzed = AnalyzeCluster(cluster, {}, StopwordSet::ForLanguage("en"), *stemmer);
    result = CleanSentences(analyzed, options);
  }

  std::string Text(const SpanRef& s) const {
    return cluster.docs[s.doc].text.substr(s.begin, s.end - s.begin);
  }
  const DroppedSpan* Find(std::string_view prefix) const {
    for (const auto& d : result.dropped) {
      if (Text(d.span).rfind(prefix, 0) == 0) return &d;
    }
    return nullptr;
  }
};

const char* kDocA =
    "Council backs new tram line\n\n"
    "Council backs new tram line\n\n"
    "The city council voted on Tuesday to build a tram line from the station to the harbour.\n\n"
    "The line will cost 40 million euros and open in 2029, the mayor said.\n\n"
    "Work on the tram depot starts next spring after a public consultation.\n\n"
    "Best running shoes reviewed\n";
const char* kDocB =
    "Tram plan wins council vote\n\n"
    "The city council voted on Tuesday to build a tram line from the station to the harbour.\n\n"
    "Opponents of the tram line said the 40 million euros should go to buses instead.\n\n"
    "The mayor said the tram line would open in 2029, at a cost of 40 million euros.\n";

TEST(Clean, HeadlineAndRepeatedTitle) {
  Fixture f({kDocA, kDocB});
  const DroppedSpan* first = f.Find("Council backs");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->reason, DropReason::kHeadline);
  EXPECT_EQ(first->span.begin, 0u);
  size_t repeated = 0;
  for (const auto& d : f.result.dropped) {
    if (d.reason == DropReason::kRepeatedTitle) {
      ++repeated;
      ASSERT_TRUE(d.of.has_value());
      EXPECT_EQ(d.of->begin, 0u);
      EXPECT_EQ(f.Text(d.span), "Council backs new tram line");
    }
  }
  EXPECT_EQ(repeated, 1u);
}

TEST(Clean, ExactAndReorderedDuplicatesAcrossDocuments) {
  Fixture f({kDocA, kDocB});
  size_t exact = 0, reordered = 0;
  for (const auto& d : f.result.dropped) {
    if (d.reason != DropReason::kDuplicateOf) continue;
    EXPECT_EQ(d.span.doc, 1u);
    ASSERT_TRUE(d.of.has_value());
    EXPECT_EQ(d.of->doc, 0u);
    if (f.Text(*d.of) == f.Text(d.span)) {
      ++exact;
    } else {
      // "The mayor said the tram line would open in 2029, at a cost of ..."
      // repeats "The line will cost ... and open in 2029, the mayor said."
      EXPECT_EQ(f.Text(d.span).rfind("The mayor said", 0), 0u);
      ++reordered;
    }
  }
  EXPECT_EQ(exact, 1u);
  EXPECT_EQ(reordered, 1u);
}

TEST(Clean, NearDuplicateWithSwappedWords) {
  Fixture f({"Storm hits coast.\n\nThe storm closed three ports on the northern coast "
             "and cut power to twenty thousand homes overnight.\n\nMore rain is due.",
             "Storm report.\n\nThe gale closed three ports on the northern coast and cut "
             "power to twenty thousand homes overnight.\n\nRoads are flooded."});
  size_t near = 0;
  for (const auto& d : f.result.dropped) {
    if (d.reason == DropReason::kDuplicateOf) {
      ++near;
      EXPECT_NE(f.Text(d.span), f.Text(*d.of));
    }
  }
  EXPECT_EQ(near, 1u);
}

TEST(Clean, OffTopicSidebarButNotOnTopicSubhead) {
  Fixture f({kDocA, kDocB});
  const DroppedSpan* sidebar = f.Find("Best running shoes");
  ASSERT_NE(sidebar, nullptr);
  EXPECT_EQ(sidebar->reason, DropReason::kOffTopic);
  // "Tram plan wins council vote" opens doc B: a headline, not off-topic.
  const DroppedSpan* title_b = f.Find("Tram plan");
  ASSERT_NE(title_b, nullptr);
  EXPECT_EQ(title_b->reason, DropReason::kHeadline);
}

TEST(Clean, FragmentsWithoutWords) {
  Fixture f({"A real sentence is here.\n\n* * *\n\nAnother real sentence follows."});
  const DroppedSpan* frag = f.Find("* * *");
  ASSERT_NE(frag, nullptr);
  EXPECT_EQ(frag->reason, DropReason::kFragment);
}

TEST(Clean, DisabledKeepsAllButFragments) {
  CleanOptions off;
  off.enabled = false;
  Fixture f({kDocA, kDocB}, off);
  EXPECT_TRUE(f.result.dropped.empty());
  for (bool k : f.result.keep) EXPECT_TRUE(k);
}

TEST(Clean, ManyIdenticalLinesStayLinear) {
  std::string doc;
  for (int i = 0; i < 200000; ++i) doc += "The same line again and again.\n";
  Fixture f({doc});
  EXPECT_EQ(f.result.dropped.size(), 199999u);
  size_t kept = 0;
  for (bool k : f.result.keep) kept += k;
  EXPECT_EQ(kept, 1u);
}

}  // namespace
}  // namespace precis
