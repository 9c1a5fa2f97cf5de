#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

#include "base/utf8.h"
#include "precis/html.h"
#include "precis/io.h"

namespace precis {
namespace {

using nlohmann::json;

// Strings as they are; numbers as their JSON text; anything else is an error.
Result<std::string> IdString(const json& v, const std::string& where) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  return Status::InvalidInput(where + " must be a string or an integer");
}

Result<std::string> OptionalString(const json& obj, const char* key,
                                   const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::string();
  if (!it->is_string()) {
    return Status::InvalidInput(where + "\"" + key + "\" must be a string");
  }
  return it->get<std::string>();
}

// Whether `obj` gives `key` a value: null is the same as absent.
bool Has(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && !it->is_null();
}

// `where` prefixes error messages, e.g. "docs[2]: ". Why a page gave no
// article text is added to `warnings`.
Result<Document> ParseDocument(const json& d, size_t index, const std::string& where,
                               std::vector<std::string>& warnings) {
  if (!d.is_object()) return Status::InvalidInput(where + "must be an object");
  Document doc;
  auto id = d.find("id");
  if (id == d.end() || id->is_null()) {
    doc.id = std::to_string(index);
  } else {
    auto s = IdString(*id, where + "\"id\"");
    if (!s.ok()) return s.status();
    doc.id = *s;
  }
  if (Has(d, "text") && Has(d, "html")) {
    return Status::InvalidInput(where + "give a \"text\" or an \"html\" string, not both");
  }
  auto text = d.find("text");
  auto html = d.find("html");
  if ((text == d.end() || !text->is_string()) && html != d.end() && html->is_string()) {
    // A JSON string is decoded text: the page's own charset no longer applies.
    std::vector<std::string> page_warnings;  // each "<id>: why"
    auto from_html = DocumentFromHtml(doc.id, html->get<std::string>(), &page_warnings,
                                      HtmlOptions{.decoded = true});
    for (const std::string& w : page_warnings) {
      warnings.push_back("document '" + doc.id + "': " + w.substr(doc.id.size() + 2));
    }
    if (!from_html.ok()) {
      return Status(from_html.status().code(), where + from_html.status().message());
    }
    // The page's own title and date, unless the line gives them.
    doc.text = std::move(from_html->text);
    doc.html = std::move(from_html->html);
    doc.title = std::move(from_html->title);
    doc.date = std::move(from_html->date);
  } else if (text == d.end() || !text->is_string()) {
    return Status::InvalidInput(where + "needs a \"text\" (or \"html\") string");
  } else {
    doc.text = text->get<std::string>();
  }
  auto title = OptionalString(d, "title", where);
  if (!title.ok()) return title.status();
  if (!title->empty()) doc.title = *title;
  auto date = OptionalString(d, "date", where);
  if (!date.ok()) return date.status();
  if (!date->empty()) doc.date = *date;
  return doc;
}

// The parser's account without its "[json.exception.out_of_range.406] "
// tag: "number overflow parsing '1e999'".
std::string JsonErrorText(const json::exception& e) {
  std::string_view what = e.what();
  if (what.starts_with("[json.exception.")) {
    if (const size_t close = what.find("] "); close != std::string_view::npos) {
      what.remove_prefix(close + 2);
    }
  }
  return std::string(what);
}

// Why a line did not parse, saying what to fix: an empty line, bytes that
// are not UTF-8 (JSON text must be), or the parser's own account.
std::string DescribeBadLine(std::string_view line) {
  if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return "empty line; each line must be one cluster, a JSON object";
  }
  if (const size_t bad = FindInvalidUtf8(line); bad != kValidUtf8) {
    return "malformed JSON: invalid UTF-8 at byte " + std::to_string(bad) +
           " of the line (JSON text must be UTF-8)";
  }
  try {
    json parsed = json::parse(line.begin(), line.end());
  } catch (const json::parse_error& e) {
    // e.byte counts the bytes read, the bad one included.
    return "malformed JSON at byte " + std::to_string(e.byte > 0 ? e.byte - 1 : 0) +
           " of the line";
  } catch (const json::exception& e) {
    // 1e999: valid JSON syntax, but no double holds it (found by fuzzing:
    // this escaped as an exception).
    return "malformed JSON: " + JsonErrorText(e);
  }
  return "malformed JSON";
}

}  // namespace

size_t JsonNestingDepth(std::string_view json) {
  size_t depth = 0, max_depth = 0;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      // Skip the string (most of a line's bytes) by its quotes: the closing
      // one is the first with an even run of backslashes before it.
      size_t from = i + 1;
      for (;;) {
        const void* quote = std::memchr(json.data() + from, '"', json.size() - from);
        if (quote == nullptr) return max_depth;  // unterminated: the parser says so
        const size_t at = static_cast<const char*>(quote) - json.data();
        size_t backslashes = 0;
        while (at - backslashes > i + 1 && json[at - backslashes - 1] == '\\') ++backslashes;
        from = at + 1;
        if (backslashes % 2 == 0) break;
      }
      i = from - 1;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return max_depth;
}

namespace {

// The line as one JSON object, or why it is not one.
Status ParseObject(std::string_view line, json* j) {
  // The parser reads a NUL as the end of its input: what follows one would
  // be lost without a word. JSON text never holds a raw NUL.
  if (const size_t nul = line.find('\0'); nul != std::string_view::npos) {
    return Status::InvalidInput("NUL byte at byte " + std::to_string(nul) +
                                " of the line (binary data, not JSON Lines?)");
  }
  // Depth is bounded by nlohmann's recursive parser; reject absurd nesting
  // before it can exhaust the stack.
  if (JsonNestingDepth(line) > kMaxJsonDepth) {
    return Status::InvalidInput("JSON nested deeper than 64 levels");
  }
  *j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j->is_discarded()) return Status::InvalidInput(DescribeBadLine(line));
  if (!j->is_object()) return Status::InvalidInput("each line must be a JSON object");
  return Status::Ok();
}

}  // namespace

std::string JsonlLineId(std::string_view line) {
  json j;
  if (!ParseObject(line, &j).ok()) return "null";
  auto id = j.find("id");
  return id == j.end() ? "null" : id->dump();
}

JsonlRecord ParseJsonlLine(std::string_view line) {
  JsonlRecord record;
  json j;
  if (Status s = ParseObject(line, &j); !s.ok()) {
    record.cluster = s;
    return record;
  }
  auto id = j.find("id");
  if (id != j.end()) {
    record.id_json = id->dump();
    if (!id->is_null()) {
      auto s = IdString(*id, "\"id\"");
      if (!s.ok()) {
        record.cluster = s.status();
        return record;
      }
    }
  }
  Cluster cluster;
  if (id != j.end() && !id->is_null()) cluster.id = *IdString(*id, "");
  auto docs = j.find("docs");
  if (docs != j.end() && docs->is_null()) docs = j.end();
  const bool single = Has(j, "text") || Has(j, "html");
  if (docs != j.end() && single) {
    record.cluster = Status::InvalidInput(
        "give either \"docs\" or a \"text\" (or \"html\") string, not both");
    return record;
  }
  if (docs == j.end()) {
    if (single) {
      auto doc = ParseDocument(j, 0, "", record.warnings);
      if (!doc.ok()) {
        record.cluster = doc.status();
        return record;
      }
      doc->id = cluster.id.empty() ? "0" : cluster.id;
      cluster.docs.push_back(std::move(*doc));
      record.cluster = std::move(cluster);
      return record;
    }
    record.cluster = Status::InvalidInput("needs a \"docs\" array (or a \"text\" string)");
    return record;
  }
  if (!docs->is_array()) {
    record.cluster = Status::InvalidInput("\"docs\" must be an array");
    return record;
  }
  for (size_t i = 0; i < docs->size(); ++i) {
    auto doc = ParseDocument((*docs)[i], i, "docs[" + std::to_string(i) + "]: ", record.warnings);
    if (!doc.ok()) {
      record.cluster = doc.status();
      return record;
    }
    cluster.docs.push_back(std::move(*doc));
  }
  record.cluster = std::move(cluster);
  return record;
}

Result<Summary> SummarizeRecord(const Summarizer& summarizer, const JsonlRecord& record) {
  if (!record.cluster.ok()) return record.cluster.status();
  auto summary = summarizer.Summarize(*record.cluster);
  if (record.warnings.empty()) return summary;
  if (!summary.ok()) {
    std::string message = summary.status().message();
    for (const std::string& w : record.warnings) message += "; " + w;
    return Status(summary.status().code(), std::move(message));
  }
  summary->warnings.insert(summary->warnings.begin(), record.warnings.begin(),
                           record.warnings.end());
  return summary;
}

}  // namespace precis
