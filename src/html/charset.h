// Not public: use precis/html.h. Charset detection and conversion to UTF-8
// with a map back to the raw page's bytes.
#ifndef PRECIS_HTML_CHARSET_H_
#define PRECIS_HTML_CHARSET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace precis::html_internal {

struct DecodedPage {
  // The UTF-8 bytes to parse: either `page` itself (valid UTF-8 without BOM
  // or NUL, the common case: no copy) or `owned`.
  std::string_view utf8;
  std::string owned;
  // Empty when utf8 is the page itself; otherwise the raw page offset of
  // every byte of utf8, plus one entry for its end.
  std::vector<uint32_t> page_of_utf8;
  std::string charset;  // the encoding used, as passed to iconv
  std::string warning;  // e.g. an unknown charset label
};

// Charset from the BOM, else <meta charset> / http-equiv in the first 8 KiB,
// else UTF-8 when the bytes are valid UTF-8, else windows-1252. A page
// declared in a Latin charset but valid multi-byte UTF-8 is read as UTF-8
// (a mislabel: Latin text is almost never valid UTF-8 by chance). Invalid
// bytes become U+FFFD, NUL bytes too. `decoded`: the page is text decoded
// already (HtmlOptions::decoded), read as UTF-8 whatever it declares.
DecodedPage DecodePage(std::string_view page, bool decoded = false);

// The normalized label of a declared charset ("iso-8859-1" -> "WINDOWS-1252",
// "shift_jis" -> "CP932", "gb2312" -> "GB18030"), as the HTML standard's
// encoding table prescribes supersets.
std::string NormalizeCharset(std::string_view label);

// The charset declared by <meta charset> or http-equiv in `head`, lowercase,
// or "" when there is none.
std::string SniffMetaCharset(std::string_view head);

}  // namespace precis::html_internal

#endif  // PRECIS_HTML_CHARSET_H_
