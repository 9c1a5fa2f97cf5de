// precis extract, and precis summarize on HTML input, end to end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "e2e/run_cli.h"

namespace precis::testing {
namespace {

const std::string kPage = PRECIS_SOURCE_DIR "/examples/page.html";

TEST(ExtractCli, JsonIsOneLineWithMetadataAndText) {
  CliResult r = RunPrecis({"extract", "--format", "json", kPage});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out.find('\n'), r.out.size() - 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["title"], "Halden bridge to open in May, two years late");
  EXPECT_EQ(j["date"], "2024-03-12");
  EXPECT_EQ(j["byline"], "Ines Marlow");
  EXPECT_EQ(j["lang"], "en");
  EXPECT_EQ(j["url"], "https://coastal-post.example/2024/03/halden-bridge");
  EXPECT_EQ(std::string(j["text"]).rfind("The new bridge", 0), 0u);
  EXPECT_FALSE(j.contains("warning"));
}

TEST(ExtractCli, TextHasParagraphsSeparatedByBlankLines) {
  CliResult r = RunPrecis({"extract", kPage});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(" over budget.\n\nCouncil leader"), std::string::npos) << r.out;
}

TEST(ExtractCli, PageWithoutArticleWarns) {
  const std::string path = ::testing::TempDir() + "/nav.html";
  WriteAll(path, "<html><body><nav><a href=/>Home</a></nav></body></html>");
  CliResult r = RunPrecis({"extract", "--format", "json", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["text"], "");
  EXPECT_FALSE(j["warning"].get<std::string>().empty());
}

// Legacy charsets go through glibc's iconv, whose converters are loaded at
// run time (gconv modules), also by a fully static precis.
TEST(ExtractCli, LegacyCharsetsAreConvertedToUtf8) {
  const std::string body =
      " paragraph of the article, long enough for the extractor to keep it as"
      " the body of the page rather than as navigation or a caption.</p>";
  struct Case {
    const char* charset;
    std::string raw;       // encoded in `charset`
    std::string expected;  // its UTF-8
  };
  const Case cases[] = {
      {"windows-1252", "\x93" "Caf\xe9\x94 opens", "\u201cCaf\u00e9\u201d opens"},
      {"windows-1251", "\xcf\xf0\xe8\xe2\xe5\xf2 opens", "\u041f\u0440\u0438\u0432\u0435\u0442 opens"},
      {"koi8-r", "\xf0\xd2\xc9\xd7\xc5\xd4 opens", "\u041f\u0440\u0438\u0432\u0435\u0442 opens"},
  };
  for (const Case& c : cases) {
    const std::string path = ::testing::TempDir() + "/legacy-" + c.charset + ".html";
    WriteAll(path, std::string("<html><head><meta charset=\"") + c.charset +
                       "\"><title>t</title></head><body><article><p>" + c.raw + body +
                       "</article></body></html>");
    CliResult r = RunPrecis({"extract", "--format", "json", path});
    ASSERT_EQ(r.exit_code, 0) << c.charset << ": " << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(std::string(j["text"]).rfind(c.expected, 0), 0u) << c.charset << ": " << j["text"];
  }
}

TEST(ExtractCli, SummarizeHtmlGivesPageOffsets) {
  const std::string page = ReadAll(kPage);
  CliResult r = RunPrecis({"summarize", "--sentences", "2", "--format", "json", kPage});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["sentences"].size(), 2u);
  for (const auto& s : j["sentences"]) {
    const size_t hb = s["html_begin"], he = s["html_end"];
    const std::string text = s["text"];
    // The first and last words are at the ends of the page range.
    EXPECT_EQ(page.substr(hb, 3), text.substr(0, 3));
    EXPECT_EQ(page.substr(he - 1, 1), text.substr(text.size() - 1));
  }
}

// A page behind PHP warnings, or in UTF-16, is still a page to summarize
// (found by review: its raw markup was summarized as text).
TEST(ExtractCli, SummarizeDetectsPagesNotOpeningWithTheirDoctype) {
  const std::string article =
      "<html><head><title>t</title></head><body><article><p>The council said on Tuesday "
      "that the new bridge would open in May, two years late and over budget.</p>"
      "</article></body></html>";
  std::string utf16 = "\xFF\xFE";
  for (char c : "<!DOCTYPE html>\n" + article) utf16 += std::string{c, '\0'};
  const std::string pages[] = {
      "<br />\n<b>Warning</b>:  Cannot modify header information in <b>/var/www/index.php"
      "</b> on line <b>3</b><br />\n<!DOCTYPE html>\n" + article,
      "<script>window.started = Date.now();</script>\n" + article,
      utf16,
  };
  for (const std::string& page : pages) {
    const std::string path = ::testing::TempDir() + "/behind.html";
    WriteAll(path, page);
    CliResult r = RunPrecis({"summarize", "--sentences", "1", path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "The council said on Tuesday that the new bridge would open in May, two years "
              "late and over budget.\n")
        << page.substr(0, 40);
  }
}

TEST(ExtractCli, JsonLinesHtmlField) {
  nlohmann::json line;
  line["id"] = "c1";
  line["docs"] = {{{"id", "p"}, {"html", ReadAll(kPage)}}};
  const std::string path = ::testing::TempDir() + "/html.jsonl";
  WriteAll(path, line.dump() + "\n");
  CliResult r = RunPrecis({"summarize", "--input", "jsonl", "--sentences", "1", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["sentences"].size(), 1u);
  EXPECT_TRUE(j["sentences"][0].contains("html_begin"));
  EXPECT_EQ(j["sentences"][0]["doc"], "p");
}

}  // namespace
}  // namespace precis::testing
