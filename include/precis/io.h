// Reading inputs and writing summaries in precis' formats. The JSON written
// here is the output contract shared by the CLI, the server and the Python
// module (documented in doc/json.md).
#ifndef PRECIS_IO_H_
#define PRECIS_IO_H_

#include <string>
#include <string_view>
#include <vector>

#include "precis/status.h"
#include "precis/summarizer.h"

namespace precis {

// The whole file ("-" reads stdin). Errors name the path.
Result<std::string> ReadFileBytes(const std::string& path);

// OK when `bytes` is text precis can read: valid UTF-8 without NUL bytes.
// Otherwise kInvalidInput naming `name` and the byte offset of the problem.
Status CheckText(std::string_view bytes, std::string_view name);

// One line of JSON Lines input:
//   {"id": ..., "docs": [{"id": ..., "title": ..., "date": ..., "text": ...}]}
// or, for one document, {"id": ..., "text": ...}. `title`, `date` and the
// ids are optional (a document without an id gets its index, "0", "1", ...).
// A document gives "text" or "html" (a raw page), not both; a null value is
// an absent one.
struct JsonlRecord {
  std::string id_json = "null";  // the line's "id" as JSON, echoed in output
  Result<Cluster> cluster = Status::Internal("unparsed");
  // Why a page gave no article text ("document '3': no article text found
  // in the page"): the summary's warnings or the error's message say it.
  std::vector<std::string> warnings;
};
JsonlRecord ParseJsonlLine(std::string_view line);

// ParseJsonlLine(line).id_json, without building the cluster (`--resume`
// decides by it which lines its earlier run has done).
std::string JsonlLineId(std::string_view line);

// The record's summary: the parse error, or the summarizer's answer with
// the record's warnings first among its warnings (or, when it fails, at
// the end of its message). What every JSON Lines front end calls.
Result<Summary> SummarizeRecord(const Summarizer& summarizer, const JsonlRecord& record);

// The deepest nesting of arrays and objects in `json` (brackets inside
// strings do not count), found without parsing: callers refuse absurd
// nesting (ParseJsonlLine: more than 64 levels) before a recursive parser
// or destructor can exhaust the stack.
size_t JsonNestingDepth(std::string_view json);
inline constexpr size_t kMaxJsonDepth = 64;

enum class OutputFormat { kText, kJson, kMarkdown };

struct WriteOptions {
  OutputFormat format = OutputFormat::kJson;
  bool explain = false;  // JSON: add "dropped"
};

// One result. JSON is a single line without a trailing newline:
//   {"id": ID, "sentences": [{"doc", "begin", "end", "text", "score",
//    "truncated"?}], "warnings"?: [...], "dropped"?: [...]}
// Text is one sentence per line; Markdown a bullet list with sources.
std::string FormatSummary(const Cluster& cluster, const Summary& summary,
                          std::string_view id_json, const WriteOptions& options);

struct ExtractedPage;  // precis/html.h

// `precis extract --format json` (and the server's /v1/extract): one line
// without a trailing newline, {"title", "date", "byline", "lang", "url" (null
// when unknown), "text", "warning"? (several joined by "; ")}.
std::string FormatExtractedPage(const ExtractedPage& page);

// {"id": ID, "error": {"code": "...", "message": "..."}}
std::string FormatError(std::string_view id_json, const Status& status);

// A human-readable account of what cleaning dropped and why (for stderr).
std::string FormatDroppedReport(const Cluster& cluster, const Summary& summary);

}  // namespace precis

#endif  // PRECIS_IO_H_
