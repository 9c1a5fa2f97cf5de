// precis summarize: files (one cluster) or JSON Lines (a cluster per line).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "batch.h"
#include "cli_io.h"
#include "commands.h"
#include "precis/html.h"
#include "precis/io.h"
#include "precis/summarizer.h"

namespace precis::cli {
namespace {

// A file's name as its document id. Ids are text (UTF-8); in a name in
// another encoding ("caf\xe9.txt", Latin-1) the bytes from 0x80 up are
// written as %XX, so the file is still named rather than refused.
std::string PathId(const std::string& path) {
  if (path == "-") return "<stdin>";
  if (CheckText(path, "").ok()) return path;
  std::string id;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      id += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", byte);
      id += hex;
    }
  }
  return id;
}

struct SummarizeArgs {
  std::vector<std::string> files;
  std::string input = "auto";
  std::string format = "text";
  std::string lang = "en";
  int sentences = 0;
  long words = 0;
  long bytes = 0;
  double ratio = 0;
  bool truncate = false;
  bool explain = false;
  std::string algorithm;  // empty: the library's default
  bool no_clean = false;
  std::vector<std::string> keep;  // cleaning rules to turn off
  bool pdf = false;
  int threads = 0;      // --input jsonl; 0: one per core
  std::string output;   // --input jsonl; empty: stdout
  bool resume = false;  // --input jsonl
};

Result<SummarizerOptions> MakeOptions(const SummarizeArgs& a, const CLI::App& sub) {
  SummarizerOptions o;
  o.lang = a.lang;
  o.truncate = a.truncate;
  o.clean = !a.no_clean;
  o.pdf = a.pdf;
  if (!a.algorithm.empty()) o.algorithm = a.algorithm;
  if (sub.count("--sentences")) o.budget = {BudgetUnit::kSentences, double(a.sentences)};
  if (sub.count("--words")) o.budget = {BudgetUnit::kWords, double(a.words)};
  if (sub.count("--bytes")) o.budget = {BudgetUnit::kBytes, double(a.bytes)};
  if (sub.count("--ratio")) o.budget = {BudgetUnit::kRatio, a.ratio};
  for (const std::string& name : a.keep) {
    auto reason = ParseDropReason(name);
    if (!reason.ok()) return reason.status();
    o.keep.push_back(*reason);
  }
  return o;
}

OutputFormat ParseFormat(const std::string& f) {
  if (f == "json") return OutputFormat::kJson;
  if (f == "markdown") return OutputFormat::kMarkdown;
  return OutputFormat::kText;
}

// Whether text read as a document is a JSON Lines stream given without
// --input jsonl: its first line is a JSON object with a cluster's fields.
bool LooksLikeJsonLines(std::string_view bytes) {
  const size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || bytes[start] != '{') return false;
  const std::string_view line = bytes.substr(start, bytes.find('\n', start) - start);
  const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  return j.is_object() && (j.contains("docs") || j.contains("text") || j.contains("html"));
}

int RunFiles(const SummarizeArgs& args, const Summarizer& summarizer) {
  Cluster cluster;
  std::vector<std::string> files = args.files.empty()
                                       ? std::vector<std::string>{"-"}
                                       : args.files;
  std::vector<std::string> html_warnings;  // pages without article text
  if (std::count(files.begin(), files.end(), "-") > 1) {
    return ReportError(Status::InvalidArgument("'-' (stdin) can be given only once"));
  }
  for (const std::string& path : files) {
    auto bytes = ReadFileBytes(path);
    if (!bytes.ok()) return ReportError(bytes.status());
    const std::string id = PathId(path);
    const bool detect = args.input == "auto";
    if (args.input == "html" || (detect && LooksLikeHtml(*bytes))) {
      auto doc = DocumentFromHtml(id, std::move(*bytes), &html_warnings);
      if (!doc.ok()) return ReportError(doc.status());
      cluster.docs.push_back(std::move(*doc));
      continue;
    }
    if (Status s = CheckText(*bytes, id); !s.ok()) return ReportError(s);
    if (detect && LooksLikeJsonLines(*bytes)) {
      std::fprintf(stderr,
                   "precis: warning: '%s' looks like JSON Lines; summarizing it as text "
                   "(--input jsonl reads a cluster per line)\n",
                   id.c_str());
    }
    cluster.docs.push_back({id, "", "", std::move(*bytes)});
  }
  auto summary = summarizer.Summarize(cluster);
  if (!summary.ok()) {
    for (const std::string& warning : html_warnings) {
      std::fprintf(stderr, "precis: warning: %s\n", warning.c_str());
    }
    return ReportError(summary.status());
  }
  // Why a page gave no text goes with the summary's own warnings (and into
  // its JSON).
  summary->warnings.insert(summary->warnings.begin(), html_warnings.begin(),
                           html_warnings.end());
  WriteOptions w;
  w.format = ParseFormat(args.format);
  w.explain = args.explain;
  std::string out = FormatSummary(cluster, *summary, "null", w);
  if (w.format == OutputFormat::kJson) out += '\n';
  WriteStdout(out);
  if (w.format != OutputFormat::kJson && args.explain) {
    std::fputs(FormatDroppedReport(cluster, *summary).c_str(), stderr);
  } else {
    for (const std::string& warning : summary->warnings) {
      std::fprintf(stderr, "precis: warning: %s\n", warning.c_str());
    }
  }
  return kExitOk;
}

}  // namespace

void AddSummarizeCommand(CLI::App& root, int& exit_code) {
  auto args = std::make_shared<SummarizeArgs>();
  CLI::App* sub = root.add_subcommand(
      "summarize",
      "Summarize FILEs as one cluster (one document each; a single file is a\n"
      "single-document summary), or a JSON Lines stream of clusters.\n"
      "Default budget: 5 sentences.");
  sub->add_option("files", args->files,
                  "Input files; '-' or none reads stdin");
  sub->add_option("--input", args->input,
                  "auto (default): each FILE is a document, HTML pages detected\n"
                  "and their article extracted;\ntext: each FILE is plain text;\n"
                  "html: each FILE is an HTML page;\n"
                  "jsonl: each line is a cluster {\"id\", \"docs\": [{\"id\", "
                  "\"title\", \"date\", \"text\" or \"html\"}]}, output is JSON Lines")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html"}));
  auto* s = sub->add_option("--sentences", args->sentences, "Budget: at most N sentences");
  auto* w = sub->add_option("--words", args->words,
                            "Budget: at most N words (whitespace-separated)");
  auto* b = sub->add_option("--bytes", args->bytes,
                            "Budget: at most N bytes (sentences joined by a space)");
  auto* r = sub->add_option("--ratio", args->ratio,
                            "Budget: this fraction (0, 1] of the input's words");
  s->excludes(w, b, r);
  w->excludes(b, r);
  b->excludes(r);
  sub->add_flag("--truncate", args->truncate,
                "Fill a --words or --bytes budget exactly by cutting the last\n"
                "sentence (the DUC/TAC convention); it is marked truncated");
  sub->add_option("--format", args->format,
                  "text (default), json (one line per result) or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  sub->add_option("--lang", args->lang,
                  "Language code for stopwords, stemming and segmentation "
                  "(default en)");
  sub->add_flag("--explain", args->explain,
                "JSON: add \"dropped\" (what cleaning removed and why);\n"
                "text: print that report on stderr");
  sub->add_flag("--no-clean", args->no_clean,
                "Turn every cleaning rule off (word-less spans still go)");
  sub->add_option("--keep", args->keep,
                  "Turn cleaning rules off, by reason: headline (and\n"
                  "repeated-title), duplicate-of, off-topic, fragment,\n"
                  "boilerplate; e.g. --keep boilerplate,fragment")
      ->allow_extra_args(false)  // one list per use: the files after it stay files
      ->delimiter(',');
  sub->add_flag("--pdf", args->pdf,
                "Segment as text from a PDF (see precis segment --help)");
  sub->add_option("--algorithm", args->algorithm,
                  "The summarization system (default " +
                      SummarizerOptions().algorithm +
                      "); `precis algorithms` lists them all");
  sub->add_option("--threads", args->threads,
                  "--input jsonl: worker threads (default: one per core);\n"
                  "the output is the same, byte for byte, at any count")
      ->check(CLI::Range(1, 1024));
  sub->add_option("--output", args->output,
                  "--input jsonl: write results to this file (default stdout)");
  sub->add_flag("--resume", args->resume,
                "--input jsonl: skip lines whose id already has a result in\n"
                "--output FILE and append the rest (a partial last line is\n"
                "cut off and redone)");
  sub->callback([args, sub, &exit_code] {
    auto options = MakeOptions(*args, *sub);
    if (!options.ok()) { exit_code = ReportError(options.status()); return; }
    auto summarizer = Summarizer::Create(*options);
    if (!summarizer.ok()) { exit_code = ReportError(summarizer.status()); return; }
    if (args->input == "jsonl") {
      if (sub->count("--format") && args->format != "json") {
        std::fprintf(stderr,
                     "precis: warning: --input jsonl always writes JSON Lines; "
                     "--format %s is ignored\n", args->format.c_str());
      }
      BatchArgs batch{args->files, args->explain, args->threads, args->output,
                      args->resume};
      exit_code = RunBatch(batch, *summarizer);
    } else if (!args->output.empty() || args->resume || sub->count("--threads")) {
      exit_code = ReportError(Status::InvalidArgument(
          "--threads, --output and --resume go with --input jsonl"));
    } else {
      exit_code = RunFiles(*args, *summarizer);
    }
  });
}

}  // namespace precis::cli
