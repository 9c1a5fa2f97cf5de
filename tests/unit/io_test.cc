#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "precis/io.h"

namespace precis {
namespace {

TEST(Jsonl, ParsesClusterWithOptionalFields) {
  auto r = ParseJsonlLine(
      R"({"id": "c1", "docs": [{"id": "a", "title": "T", "date": "2024-01-02", "text": "x"},)"
      R"( {"text": "y", "title": null}]})");
  ASSERT_TRUE(r.cluster.ok()) << r.cluster.status().ToString();
  EXPECT_EQ(r.id_json, "\"c1\"");
  const Cluster& c = *r.cluster;
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].title, "T");
  EXPECT_EQ(c.docs[0].date, "2024-01-02");
  EXPECT_EQ(c.docs[1].id, "1");
  EXPECT_EQ(c.docs[1].text, "y");
}

TEST(Jsonl, SingleTextShorthandAndNumericIds) {
  auto r = ParseJsonlLine(R"({"id": 42, "text": "Hello there."})");
  ASSERT_TRUE(r.cluster.ok());
  EXPECT_EQ(r.id_json, "42");
  EXPECT_EQ(r.cluster->docs.size(), 1u);
  EXPECT_EQ(r.cluster->docs[0].id, "42");
}

TEST(Jsonl, ErrorsKeepTheIdWhenThereIsOne) {
  struct Case { std::string_view line; const char* id; const char* message; };
  const Case cases[] = {
      {"not json", "null", "malformed JSON"},
      {"[1, 2]", "null", "JSON object"},
      {R"({"id": "x"})", "\"x\"", "docs"},
      {R"({"id": "x", "docs": {}})", "\"x\"", "array"},
      {R"({"id": "x", "docs": [{"text": 5}]})", "\"x\"", "docs[0]"},
      {R"({"id": "x", "docs": [{"text": "t", "date": 5}]})", "\"x\"", "date"},
      {R"({"id": [1], "docs": []})", "[1]", "id"},
      {R"({"id": "x", "docs": [{"text": "t")", "null", "malformed JSON at byte 33"},
      {"", "null", "empty line"},
      {"  \t", "null", "empty line"},
      // Found by fuzzing: a number no double holds escaped as an exception.
      {R"({"id": 1e999, "text": "t"})", "null", "malformed JSON: number overflow parsing '1e999'"},
      {R"({"id": [155555e555555555555)", "null", "number overflow"},
      {"{\"id\": \"x\", \"text\": \"caf\xe9\"}", "null", "invalid UTF-8 at byte 24"},
      {R"({"id": "x", "text": "t", "docs": [{"text": "u"}]})", "\"x\"", "not both"},
      {R"({"id": "x", "docs": [{"text": "t", "html": "<p>u</p>"}]})", "\"x\"", "not both"},
      // The parser stops at a NUL: the second object would be lost unseen.
      {std::string_view("{\"id\": \"x\", \"text\": \"t\"}\0{\"text\": \"u\"}", 38), "null",
       "NUL byte at byte 24"},
  };
  for (const Case& c : cases) {
    auto r = ParseJsonlLine(c.line);
    EXPECT_FALSE(r.cluster.ok()) << c.line;
    EXPECT_EQ(r.cluster.status().code(), StatusCode::kInvalidInput) << c.line;
    EXPECT_EQ(r.id_json, c.id) << c.line;
    EXPECT_NE(r.cluster.status().message().find(c.message), std::string::npos)
        << c.line << " -> " << r.cluster.status().message();
  }
}

TEST(Jsonl, NullMeansAbsent) {
  auto r = ParseJsonlLine(R"({"id": "x", "text": null, "html": null, "docs": [{"text": "t"}]})");
  ASSERT_TRUE(r.cluster.ok()) << r.cluster.status().message();
  EXPECT_EQ(r.cluster->docs.size(), 1u);
  r = ParseJsonlLine(R"({"id": "x", "docs": null, "text": "t"})");
  ASSERT_TRUE(r.cluster.ok()) << r.cluster.status().message();
  EXPECT_EQ(r.cluster->docs[0].text, "t");
}

// Why a page gave no article text reaches the summary (or the error), as it
// does for a file given on the command line.
TEST(Jsonl, APageWithoutArticleTextSaysWhy) {
  const std::string nav = "<html><body><nav><a href=x>Home</a></nav></body></html>";
  const std::string text = "The ferry line was closed on Monday. Repairs take two weeks.";
  auto summarizer = Summarizer::Create({});
  ASSERT_TRUE(summarizer.ok());

  JsonlRecord both = ParseJsonlLine(
      nlohmann::json{{"id", "c"}, {"docs", {{{"id", "p"}, {"html", nav}}, {{"text", text}}}}}
          .dump());
  ASSERT_TRUE(both.cluster.ok());
  ASSERT_EQ(both.warnings.size(), 1u);
  EXPECT_EQ(both.warnings[0], "document 'p': no article text found in the page");
  auto summary = SummarizeRecord(*summarizer, both);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  ASSERT_FALSE(summary->warnings.empty());
  EXPECT_EQ(summary->warnings[0], both.warnings[0]);

  JsonlRecord alone = ParseJsonlLine(nlohmann::json{{"id", "p"}, {"html", nav}}.dump());
  auto failed = SummarizeRecord(*summarizer, alone);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("no article text found"), std::string::npos)
      << failed.status().message();

  JsonlRecord bad = ParseJsonlLine("{\"docs\": 5}");
  EXPECT_EQ(SummarizeRecord(*summarizer, bad).status().message(),
            bad.cluster.status().message());
}

TEST(Jsonl, AnHtmlPageIsDecodedTextWhateverItsCharsetSays) {
  const std::string words = "Der B\u00fcrgermeister von Z\u00fcrich sagte am Montag, dass die "
                            "Stra\u00dfenbahn h\u00e4ufiger fahren werde.";
  const std::string page = "<html><head><meta charset=\"shift_jis\"></head><body><article><p>" +
                           words + "</p></article></body></html>";
  const std::string line =
      nlohmann::json{{"id", "p"}, {"docs", {{{"id", "a"}, {"html", page}}}}}.dump();
  auto r = ParseJsonlLine(line);
  ASSERT_TRUE(r.cluster.ok()) << r.cluster.status().message();
  EXPECT_EQ(r.cluster->docs[0].text, words);
}

// Brackets inside a string are text, not nesting: a document may quote them.
TEST(Jsonl, BracketsInsideTextAreNotNesting) {
  // 100 opening brackets, an escaped quote (the string goes on), 100 braces.
  const std::string text = std::string(100, '[') + " \\\" " + std::string(100, '{');
  const std::string line = "{\"id\": \"b\", \"text\": \"" + text + " end.\"}";
  JsonlRecord r = ParseJsonlLine(line);
  ASSERT_TRUE(r.cluster.ok()) << r.cluster.status().message();
  ASSERT_EQ(r.cluster->docs.size(), 1u);
  EXPECT_EQ(r.cluster->docs[0].text,
            std::string(100, '[') + " \" " + std::string(100, '{') + " end.");
}

// JsonNestingDepth skips strings by their quotes; a byte-at-a-time scan with
// an "escaped" flag is the definition it must agree with, on random lines of
// brackets, quotes and backslashes (escaped quotes, escaped backslashes
// before quotes, unterminated strings).
TEST(Jsonl, NestingDepthMatchesAByteScan) {
  auto by_bytes = [](std::string_view json) {
    size_t depth = 0, max_depth = 0;
    bool in_string = false, escaped = false;
    for (char c : json) {
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        max_depth = std::max(max_depth, ++depth);
      } else if ((c == ']' || c == '}') && depth > 0) {
        --depth;
      }
    }
    return max_depth;
  };
  const std::string alphabet = "[]{}\"\\\\a";  // backslash twice: runs are common
  uint64_t state = 12345;
  size_t deeper_than_one = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    std::string line;
    const size_t length = trial % 40;
    for (size_t k = 0; k < length; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      line += alphabet[(state >> 33) % alphabet.size()];
    }
    ASSERT_EQ(JsonNestingDepth(line), by_bytes(line)) << line;
    deeper_than_one += by_bytes(line) > 1;
  }
  EXPECT_GT(deeper_than_one, 1000u);  // the lines do nest, so depth is tested
}

TEST(Jsonl, DeepNestingIsRejectedNotRecursed) {
  std::string deep(100000, '[');
  auto r = ParseJsonlLine(deep);
  EXPECT_FALSE(r.cluster.ok());
  EXPECT_NE(r.cluster.status().message().find("nested"), std::string::npos);
}

TEST(Write, JsonIsOneLineWithExactText) {
  Cluster c;
  c.docs.push_back({"doc \"1\"", "", "", "Zero. \xc3\xa9t\xc3\xa9\nchaud."});
  Summary s;
  s.sentences.push_back({0, 6, 19, 0.1234567, false});
  s.dropped.push_back({{0, 0, 5}, DropReason::kHeadline, std::nullopt});
  WriteOptions w;
  w.explain = true;
  const std::string out = FormatSummary(c, s, "\"id\"", w);
  EXPECT_EQ(out.find('\n'), std::string::npos);
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "id");
  EXPECT_EQ(j["sentences"][0]["text"], "\xc3\xa9t\xc3\xa9\nchaud.");
  EXPECT_EQ(j["sentences"][0]["doc"], "doc \"1\"");
  EXPECT_DOUBLE_EQ(j["sentences"][0]["score"], 0.123457);
  EXPECT_FALSE(j["sentences"][0].contains("truncated"));
  EXPECT_EQ(j["dropped"][0]["reason"], "headline");
  w.format = OutputFormat::kText;
  EXPECT_EQ(FormatSummary(c, s, "null", w), "\xc3\xa9t\xc3\xa9 chaud.\n");
}

TEST(Write, ErrorObject) {
  const auto j = nlohmann::json::parse(
      FormatError("\"a\"", Status::InvalidInput("line 3: malformed JSON")));
  EXPECT_EQ(j["id"], "a");
  EXPECT_EQ(j["error"]["code"], "invalid-input");
  EXPECT_EQ(j["error"]["message"], "line 3: malformed JSON");
}

}  // namespace
}  // namespace precis
