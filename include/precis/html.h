// HTML in: the article of a raw news page, its metadata, and a map from
// every byte of the extracted text back to the page's bytes.
//
//   auto page = precis::ExtractHtml(bytes);           // bytes: the raw page
//   if (!page.ok()) { ... page.status().message() ... }
//   page->text        // paragraphs separated by blank lines; valid UTF-8
//   page->meta.title  // from JSON-LD, Open Graph, <title>
//   page->offsets.PageSpan(b, e)  // raw page bytes holding text [b, e)
//
// Provenance contract: for any span [b, e) of `text` that starts and ends
// on a word, PageSpan(b, e) = [pb, pe) is a range of the raw page whose bytes
// hold the span's words in order, with only markup, character references and
// whitespace between them. For a page not in UTF-8, the range is in the
// page's own encoding (decode it with `charset`).
//
// Extraction never fails on bad HTML (truncated, unclosed tags, binary, no
// body, only navigation): it returns an empty text with a warning. The
// method and its parameters are documented in doc/extraction.md.
#ifndef PRECIS_HTML_H_
#define PRECIS_HTML_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "precis/status.h"
#include "precis/summarizer.h"

namespace precis {

struct HtmlOptions {
  // Pages larger than this are refused with kLimitExceeded. Memory per page
  // is a small multiple of the page size (the parser builds no DOM).
  size_t max_page_bytes = size_t{256} << 20;
  // Keep headings (h2-h6) inside the article as their own paragraphs.
  bool keep_headings = true;
  // Keep tables inside the article, one paragraph per cell.
  bool keep_tables = true;
  // The page is text decoded already (a JSON string, as JSON Lines and the
  // server take pages): read as UTF-8, whatever its <meta charset> says. A
  // page declared shift_jis but sent as a JSON string is not Shift JIS any
  // more; decoding it again would garble it.
  bool decoded = false;
};

// What the page says about itself. Empty strings when unknown.
struct HtmlMetadata {
  std::string title;   // JSON-LD headline, og:title, or <title>
  std::string date;    // ISO 8601 "YYYY-MM-DD" (publication date)
  std::string byline;  // author name(s), comma-separated
  std::string lang;    // <html lang>, og:locale or Content-Language ("de", "en-US")
  std::string url;     // <link rel="canonical">, else og:url
  std::string site_name;
};

// Maps byte offsets of the extracted text to byte offsets of the raw page.
class HtmlOffsetMap {
 public:
  // A run of text bytes [text_begin, text_end) that came from the page bytes
  // [page_begin, page_end). `linear` runs are byte copies (equal lengths);
  // the others are atomic: a character reference, a repaired byte, or a
  // separator precis inserted (then page_begin == page_end).
  struct Piece {
    uint32_t text_begin = 0, text_end = 0;
    uint32_t page_begin = 0, page_end = 0;
    bool linear = false;
  };

  // The page range holding text [begin, end): begin maps to where the byte
  // at `begin` came from, end to where the byte at end - 1 ends.
  std::pair<size_t, size_t> PageSpan(size_t begin, size_t end) const;

  // For building (used by the extractor; pieces must be in text order).
  void Append(const Piece& piece);
  // For a page converted to UTF-8 before parsing: page_of_utf8[i] is the raw
  // page offset of the converted byte i (size: converted length + 1).
  void SetConversion(std::vector<uint32_t> page_of_utf8);
  const std::vector<Piece>& pieces() const { return pieces_; }

 private:
  size_t Convert(size_t utf8_offset) const;
  std::vector<Piece> pieces_;
  std::vector<uint32_t> page_of_utf8_;
};

struct ExtractedPage {
  std::string text;      // the article body: paragraphs joined by "\n\n"
  HtmlMetadata meta;
  std::string charset;   // the encoding the page was read in ("UTF-8", ...)
  std::vector<std::string> warnings;  // e.g. why the text is empty
  HtmlOffsetMap offsets;
};

// The article of one page. Errors only for pages past max_page_bytes.
Result<ExtractedPage> ExtractHtml(std::string_view page,
                                  const HtmlOptions& options = {});

// True when `bytes` look like an HTML page, for input auto-detection: in the
// first 8 KiB (after a UTF-8 or UTF-16 BOM and blanks) the page opens with a
// doctype, <html>, <head>, <body>, <meta>, <script>, <style> or a comment;
// or, past PHP notices and such, a doctype or two of <html>, <head>, <body>
// start a line or follow a tag (prose that mentions "<html>" is text); or
// three kinds of common tags (<p>, <div>, <br>, <a href>...) appear.
bool LooksLikeHtml(std::string_view bytes);

// A document's source page, carried along with its extracted text so that
// summary sentences can be traced back into the page.
struct HtmlSource {
  std::string page;        // the raw page bytes
  HtmlOffsetMap offsets;   // extracted text -> page
};

// A Document for the summarizer from a raw page: `text` is the extracted
// article, title and date come from the page's metadata, and `html` carries
// the page and the offset map. Extraction warnings (an empty article) are
// appended to `warnings` when given. Errors only as ExtractHtml's.
Result<Document> DocumentFromHtml(std::string id, std::string page,
                                  std::vector<std::string>* warnings = nullptr,
                                  const HtmlOptions& options = {});

}  // namespace precis

#endif  // PRECIS_HTML_H_
