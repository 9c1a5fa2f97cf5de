// precis segment: one sentence per line, or spans as JSON.
#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "commands.h"
#include "precis/io.h"
#include "precis/segment.h"

namespace precis::cli {
namespace {

struct SegmentArgs {
  std::string file = "-";
  std::string format = "text";
  std::string lang = "en";
  bool pdf = false;
};

int RunSegment(const SegmentArgs& args) {
  auto bytes = ReadFileBytes(args.file);
  if (!bytes.ok()) return ReportError(bytes.status());
  const std::string name = args.file == "-" ? "<stdin>" : args.file;
  if (Status s = CheckText(*bytes, name); !s.ok()) return ReportError(s);
  SegmentOptions options;
  options.lang = args.lang;
  options.pdf = args.pdf;
  const std::string& text = *bytes;
  const auto spans = SegmentSentences(text, options);
  std::string out;
  if (args.format == "json") {
    nlohmann::ordered_json j;
    j["sentences"] = nlohmann::ordered_json::array();
    for (const Span& s : spans) {
      nlohmann::ordered_json o;
      o["begin"] = s.begin;
      o["end"] = s.end;
      o["text"] = text.substr(s.begin, s.size());
      j["sentences"].push_back(std::move(o));
    }
    out = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out += '\n';
  } else {
    for (const Span& s : spans) {
      out += SentenceDisplayText(std::string_view(text).substr(s.begin, s.size()));
      out += '\n';
    }
  }
  WriteStdout(out);
  return kExitOk;
}

}  // namespace

void AddSegmentCommand(CLI::App& root, int& exit_code) {
  auto args = std::make_shared<SegmentArgs>();
  CLI::App* sub = root.add_subcommand(
      "segment",
      "Split text into sentences: one per line (a line break inside a\n"
      "sentence prints as a space), or byte spans with --format json.");
  sub->add_option("file", args->file, "Input file; '-' or none reads stdin");
  sub->add_option("--format", args->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--lang", args->lang,
                  "ISO 639-1 code (default en); a language without rules of\n"
                  "its own (abbreviations, terminators) is split as English");
  sub->add_flag("--pdf", args->pdf,
                "Text from a PDF or hard-wrapped: a line break before a\n"
                "lower-case word does not end the sentence");
  sub->callback([args, &exit_code] { exit_code = RunSegment(*args); });
}

}  // namespace precis::cli
