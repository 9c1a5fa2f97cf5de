// precis extract: the article text of one HTML page, or its text and
// metadata as one line of JSON.
#include <cstdio>
#include <memory>

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

int RunExtract(const ExtractArgs& args) {
  auto bytes = ReadFileBytes(args.file);
  if (!bytes.ok()) return ReportError(bytes.status());
  auto page = ExtractHtml(*bytes);
  if (!page.ok()) return ReportError(page.status());
  std::string out;
  if (args.format == "json") {
    out = FormatExtractedPage(*page);
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
