// precis summarize --input jsonl: a cluster per line in, a result per line
// out, in input order.
#include "batch.h"

#include <stdio.h>

#include <cstdio>
#include <cstdlib>

#include "cli_io.h"
#include "commands.h"
#include "precis/io.h"

namespace precis::cli {

// One output line per input line, in order; a bad line yields an error
// object in its place and the run goes on.
int RunBatch(const BatchArgs& args, const Summarizer& summarizer) {
  if (args.files.size() > 1) {
    return ReportError(Status::InvalidArgument(
        "--input jsonl reads one file (or '-'); concatenate the files first"));
  }
  const std::string path = args.files.empty() ? "-" : args.files[0];
  FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    return ReportError(Status::NotFound("cannot open '" + path + "'"));
  }
  WriteOptions w;
  w.format = OutputFormat::kJson;
  w.explain = args.explain;
  bool any_failed = false;
  char* buf = nullptr;
  size_t cap = 0;
  ssize_t len;
  size_t line_no = 0;
  while ((len = getline(&buf, &cap, in)) >= 0) {
    ++line_no;
    std::string_view line(buf, static_cast<size_t>(len));
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string out;
    JsonlRecord record = ParseJsonlLine(line);
    if (!record.cluster.ok()) {
      Status s(record.cluster.status().code(),
               "line " + std::to_string(line_no) + ": " +
                   record.cluster.status().message());
      out = FormatError(record.id_json, s);
      any_failed = true;
    } else {
      auto summary = summarizer.Summarize(*record.cluster);
      if (summary.ok()) {
        out = FormatSummary(*record.cluster, *summary, record.id_json, w);
      } else {
        out = FormatError(record.id_json, summary.status());
        any_failed = true;
      }
    }
    out += '\n';
    WriteStdout(out);
  }
  std::free(buf);
  if (path != "-") std::fclose(in);
  return any_failed ? kExitBadInput : kExitOk;
}

}  // namespace precis::cli
