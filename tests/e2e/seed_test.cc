// The seed: real scraped news about one event, with the usual damage (a title
// three times, one quote in four wordings, two sidebar headlines). Read from
// ../shared/seed, never copied.
#include <gtest/gtest.h>

#include <filesystem>
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
