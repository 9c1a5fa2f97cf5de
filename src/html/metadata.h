// Not public: use precis/html.h. Page metadata from JSON-LD, meta tags,
// <title> and <time>.
#ifndef PRECIS_HTML_METADATA_H_
#define PRECIS_HTML_METADATA_H_

#include <string>
#include <string_view>

#include "parse.h"
#include "precis/html.h"

namespace precis::html_internal {

struct MetadataResult {
  HtmlMetadata meta;
  std::string article_body;  // JSON-LD articleBody, when a page gives one
};

MetadataResult ReadMetadata(const RawMeta& raw);

// "YYYY-MM-DD" from the start of an ISO 8601 or similar date string
// ("2024-05-01T10:00:00Z", "2024/05/01", "20240501"), or "".
std::string NormalizeDate(std::string_view s);

// Collapses whitespace runs to one space and trims.
std::string CollapseSpaces(std::string_view s);

}  // namespace precis::html_internal

#endif  // PRECIS_HTML_METADATA_H_
