// The provenance property on every page of ../shared/data/html-extraction-dev:
// for every sentence of the extracted text (and every summary sentence),
// the page bytes [html_begin, html_end) hold its words in order with only
// markup, character references and whitespace between them.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "html/provenance_check.h"
#include "precis/html.h"
#include "precis/io.h"
#include "precis/segment.h"
#include "precis/summarizer.h"

namespace precis {
namespace {

std::string Gunzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

std::vector<std::filesystem::path> DevPages() {
  const std::filesystem::path dir =
      std::filesystem::path(PRECIS_SHARED_DIR) / "data/html-extraction-dev/html";
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(HtmlOffsets, EverySentenceOfEveryDevPageMapsIntoThePage) {
  const auto files = DevPages();
  if (files.empty()) GTEST_SKIP() << "no ../shared/data/html-extraction-dev/html";
  ASSERT_EQ(files.size(), 990u);
  auto summarizer = Summarizer::Create(SummarizerOptions{});
  ASSERT_TRUE(summarizer.ok());
  size_t sentences = 0, summary_sentences = 0, failures = 0, pages_with_text = 0;
  std::string examples;  // the first failures, for the message
  for (const auto& path : files) {
    const std::string page = Gunzip(path.string());
    auto extracted = ExtractHtml(page);
    ASSERT_TRUE(extracted.ok()) << path;
    if (extracted->text.empty()) continue;
    ++pages_with_text;
    const std::string& text = extracted->text;
    auto check = [&](size_t b, size_t e, const char* what) {
      const auto [hb, he] = extracted->offsets.PageSpan(b, e);
      const std::string raw = testing::ToUtf8(
          std::string_view(page).substr(hb, he - hb), extracted->charset);
      testing::ProvenanceChecker checker(raw);
      const std::string why = checker.Check(
          testing::Words(std::string_view(text).substr(b, e - b)), 0, raw.size());
      if (!why.empty() && ++failures <= 10) {
        examples += path.filename().string() + " " + what + " [" + std::to_string(b) +
                    ", " + std::to_string(e) + ") -> page [" + std::to_string(hb) + ", " +
                    std::to_string(he) + "): " + why + "\n";
      }
    };
    for (const Span& s : SegmentSentences(text)) {
      ++sentences;
      check(s.begin, s.end, "sentence");
    }
    auto doc = DocumentFromHtml(path.filename().string(), page);
    ASSERT_TRUE(doc.ok());
    Cluster cluster;
    cluster.docs.push_back(std::move(*doc));
    auto summary = summarizer->Summarize(cluster);
    ASSERT_TRUE(summary.ok()) << path << ": " << summary.status().message();
    const auto json = nlohmann::json::parse(
        FormatSummary(cluster, *summary, "null", WriteOptions{}));
    for (const auto& s : json["sentences"]) {
      ++summary_sentences;
      ASSERT_TRUE(s.contains("html_begin") && s.contains("html_end"));
      check(s["begin"].get<size_t>(), s["end"].get<size_t>(), "summary sentence");
    }
  }
  EXPECT_EQ(failures, 0u) << failures << " of " << sentences << " sentences, e.g.\n"
                          << examples;
  std::printf("%zu of %zu sentences outside the contract\n%s", failures, sentences,
              examples.c_str());
  EXPECT_GT(pages_with_text, 950u);
  EXPECT_GT(summary_sentences, 3000u);
}

}  // namespace
}  // namespace precis
