// precis extract: the article text of one HTML page, or its text and
// metadata as one line of JSON.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "commands.h"
#include "precis/html.h"
#include "precis/io.h"

namespace precis::cli {
namespace {

struct ExtractArgs {
  std::string file = "-";
  std::string format = "text";
};

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

int RunExtract(const ExtractArgs& args) {
  auto bytes = ReadFileBytes(args.file);
  if (!bytes.ok()) return ReportError(bytes.status());
  auto page = ExtractHtml(*bytes);
  if (!page.ok()) return ReportError(page.status());
  std::string out;
  if (args.format == "json") {
    nlohmann::ordered_json j;
    j["title"] = OrNull(page->meta.title);
    j["date"] = OrNull(page->meta.date);
    j["byline"] = OrNull(page->meta.byline);
    j["lang"] = OrNull(page->meta.lang);
    j["url"] = OrNull(page->meta.url);
    j["text"] = page->text;
    if (!page->warnings.empty()) {
      // One string, as in summarize's JSON (doc/json.md).
      std::string warning;
      for (const std::string& w : page->warnings) {
        if (!warning.empty()) warning += "; ";
        warning += w;
      }
      j["warning"] = warning;
    }
    out = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out += '\n';
  } else {
    out = page->text;
    if (!out.empty()) out += '\n';
    for (const std::string& w : page->warnings) {
      std::fprintf(stderr, "precis: warning: %s\n", w.c_str());
    }
  }
  WriteStdout(out);
  return kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& root, int& exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* sub = root.add_subcommand(
      "extract",
      "The article text of an HTML page (navigation, sidebars, comments, share\n"
      "bars and footers left out), paragraphs separated by blank lines; with\n"
      "--format json, one line: title, date, byline, lang, url, text.\n"
      "A page without article text gives an empty text and a warning.");
  sub->add_option("file", args->file, "Input HTML file; '-' or none reads stdin");
  sub->add_option("--format", args->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->callback([args, &exit_code] { exit_code = RunExtract(*args); });
}

}  // namespace precis::cli
