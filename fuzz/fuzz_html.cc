// ExtractHtml on any bytes (truncated, unclosed, binary, deep, any charset):
// never an error below the size limit, the text is valid UTF-8 (NUL-free,
// as summarizing needs), an empty text comes with a warning, and the offset
// map sends every sentence and word of the text into the page, where an
// ASCII word's letters are found in order (html.h's provenance contract).
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "precis/html.h"
#include "precis/segment.h"
#include "text/analyzer.h"

namespace {

std::pair<size_t, size_t> CheckPageSpan(const precis::ExtractedPage& page, size_t page_size,
                                        size_t begin, size_t end) {
  const auto [pb, pe] = page.offsets.PageSpan(begin, end);
  FUZZ_CHECK(pb <= pe);
  FUZZ_CHECK(pe <= page_size);
  return {pb, pe};
}

// Whether `word`'s bytes occur in order in `range` (markup may sit between
// them: "<b>Wa</b>ter").
bool InOrder(std::string_view word, std::string_view range) {
  size_t at = 0;
  for (char c : word) {
    at = range.find(c, at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return true;
}

bool IsAsciiAlnum(std::string_view word) {
  for (char c : word) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return !word.empty();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)precis::LooksLikeHtml(bytes);
  const auto page = precis::ExtractHtml(bytes);
  FUZZ_CHECK(page.ok());
  const std::string& text = page->text;
  FUZZ_CHECK(precis::DescribeInvalidText(text).empty());
  if (text.find_first_not_of(" \t\n\r\f\v") == std::string::npos) {
    FUZZ_CHECK(!page->warnings.empty());
  }
  for (const std::string* s : {&page->meta.title, &page->meta.date, &page->meta.byline,
                               &page->meta.lang, &page->meta.url, &page->meta.site_name}) {
    FUZZ_CHECK(precis::fuzz::IsValidUtf8(*s));
  }
  size_t prev = 0;
  for (const auto& piece : page->offsets.pieces()) {
    FUZZ_CHECK(piece.text_begin >= prev);
    FUZZ_CHECK(piece.text_begin <= piece.text_end);
    FUZZ_CHECK(piece.text_end <= text.size());
    prev = piece.text_end;
  }
  for (const precis::Span& s : precis::SegmentSentences(text)) {
    CheckPageSpan(*page, size, s.begin, s.end);
  }
  std::vector<precis::Token> words;
  precis::Tokenize(text, 0, text.size(), &words);
  // ASCII letters keep their bytes in UTF-8 and the charsets named here
  // (not in UTF-16, UTF-7 or EBCDIC); a range with '&' may spell a letter as
  // a reference.
  const std::string& cs = page->charset;
  const bool ascii_compatible =
      cs == "UTF-8" || cs.starts_with("WINDOWS-") || cs.starts_with("ISO-8859-") ||
      cs.starts_with("KOI8") || cs == "US-ASCII" || cs == "SHIFT_JIS" || cs == "EUC-JP" ||
      cs == "EUC-KR" || cs == "GBK" || cs == "GB18030" || cs == "BIG5";
  for (const precis::Token& w : words) {
    const auto [pb, pe] = CheckPageSpan(*page, size, w.begin, w.end);
    const std::string_view word = std::string_view(text).substr(w.begin, w.end - w.begin);
    const std::string_view range = bytes.substr(pb, pe - pb);
    if (ascii_compatible && IsAsciiAlnum(word) && range.find('&') == std::string_view::npos) {
      FUZZ_CHECK(InOrder(word, range));
    }
  }

  // The summarizer's way in: the same text, the page kept for provenance.
  std::vector<std::string> warnings;
  auto doc = precis::DocumentFromHtml("page", std::string(bytes), &warnings);
  FUZZ_CHECK(doc.ok());
  FUZZ_CHECK(doc->text == text);
  return 0;
}
