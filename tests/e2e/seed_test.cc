// The seed: real scraped news about one event, with the usual damage (a title
// three times, one quote in four wordings, two sidebar headlines). Read from
// ../shared/seed, never copied.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <set>
#include <nlohmann/json.hpp>

#include "e2e/run_cli.h"

namespace precis::testing {
namespace {

const std::string kSeed = PRECIS_SHARED_DIR "/seed/russia-cluster.txt";

class SeedTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kSeed)) {
      GTEST_SKIP() << kSeed << " is absent: the seed tests need ../shared";
    }
  }
};

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t i = haystack.find(needle); i != std::string::npos;
       i = haystack.find(needle, i + 1)) {
    ++n;
  }
  return n;
}

TEST_P(SeedTest, NoRepeatsNoSidebarsByteExact) {
  const int n = GetParam();
  const auto r = RunPrecis({"summarize", "--sentences", std::to_string(n),
                            "--format", "json", kSeed});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << "JSON output is one line";
  const auto j = nlohmann::json::parse(lines[0]);
  const std::string original = ReadAll(kSeed);
  const auto& sentences = j.at("sentences");
  ASSERT_GE(sentences.size(), 1u);
  ASSERT_LE(sentences.size(), size_t(n));
  const std::string title = "Russian relations 'may be at an all-time low'";
  size_t titles = 0, quotes = 0;
  for (const auto& s : sentences) {
    const size_t b = s.at("begin"), e = s.at("end");
    ASSERT_LE(b, e);
    ASSERT_LE(e, original.size());
    EXPECT_EQ(original.substr(b, e - b), s.at("text").get<std::string>());
    EXPECT_EQ(s.at("doc"), kSeed);
    const std::string text = s.at("text");
    titles += Count(text, title);
    quotes += text.find("all-time low") != std::string::npos;
    EXPECT_EQ(text.find("Verizon"), std::string::npos) << text;
    EXPECT_EQ(text.find("YouTube"), std::string::npos) << text;
  }
  EXPECT_LE(titles, 1u);
  EXPECT_LE(quotes, 1u) << r.out;
  // Reading order: one document, so by position.
  for (size_t i = 1; i < sentences.size(); ++i) {
    EXPECT_LT(sentences[i - 1].at("begin").get<size_t>(),
              sentences[i].at("begin").get<size_t>());
  }
  const auto again = RunPrecis({"summarize", "--sentences", std::to_string(n),
                                "--format", "json", kSeed});
  EXPECT_EQ(r.out, again.out) << "two runs must be byte-identical";
}

INSTANTIATE_TEST_SUITE_P(Budgets, SeedTest, ::testing::Values(3, 5, 8));

TEST_F(SeedTest, ExplainListsTitlesAndSidebars) {
  const auto r = RunPrecis({"summarize", "--format", "json", "--explain", kSeed});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const std::string original = ReadAll(kSeed);
  size_t repeated_titles = 0, off_topic = 0, quote_copies = 0;
  for (const auto& d : j.at("dropped")) {
    const size_t b = d.at("begin"), e = d.at("end");
    const std::string text = original.substr(b, e - b);
    if (d.at("reason") == "repeated-title") ++repeated_titles;
    if (d.at("reason") == "duplicate-of" && text.find("all-time low") != std::string::npos) {
      ++quote_copies;
      ASSERT_TRUE(d.contains("of"));
      const size_t ob = d["of"].at("begin"), oe = d["of"].at("end");
      EXPECT_NE(original.substr(ob, oe - ob).find("all-time low"), std::string::npos);
    }
    if (d.at("reason") == "off-topic") {
      ++off_topic;
      EXPECT_TRUE(text.find("Verizon") == 0 || text.find("YouTube") == 0) << text;
    }
  }
  EXPECT_EQ(repeated_titles, 2u);
  EXPECT_EQ(off_topic, 2u);
  // The quote in three more wordings: every copy but the kept one.
  EXPECT_GE(quote_copies, 2u);
  // The first copy of the title is the document's headline.
  ASSERT_EQ(j.at("titles").size(), 1u);
  EXPECT_EQ(j["titles"][0]["begin"], 0);
}

}  // namespace
}  // namespace precis::testing

namespace precis::testing {
namespace {

std::set<std::string> WordSet(const std::string& text) {
  std::set<std::string> words;
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      words.insert(w);
      w.clear();
    }
  }
  if (!w.empty()) words.insert(w);
  return words;
}

// Even with cleaning off, no algorithm may put two copies of one quote or
// two near-copies in one summary: the redundancy rule binds every selector.
TEST_F(SeedTest, NoAlgorithmSelectsNearDuplicatesEvenWithoutCleaning) {
  const std::vector<std::string> names = AlgorithmNames();
  ASSERT_GE(names.size(), 11u);
  for (const std::string& algorithm : names) {
    const auto r = RunPrecis({"summarize", "--algorithm", algorithm, "--no-clean",
                              "--sentences", "8", "--format", "json", kSeed});
    ASSERT_EQ(r.exit_code, 0) << algorithm << ": " << r.err;
    const auto j = nlohmann::json::parse(r.out);
    std::vector<std::set<std::string>> sets;
    size_t quotes = 0;
    for (const auto& s : j.at("sentences")) {
      const std::string text = s.at("text");
      quotes += text.find("all-time low") != std::string::npos;
      sets.push_back(WordSet(text));
    }
    EXPECT_LE(quotes, 1u) << algorithm;
    for (size_t a = 0; a < sets.size(); ++a) {
      for (size_t b = a + 1; b < sets.size(); ++b) {
        size_t common = 0;
        for (const auto& w : sets[a]) common += sets[b].count(w);
        const double jaccard =
            double(common) / double(sets[a].size() + sets[b].size() - common);
        EXPECT_LT(jaccard, 0.8) << algorithm << ": sentences " << a << " and " << b;
      }
    }
  }
}

}  // namespace
}  // namespace precis::testing
