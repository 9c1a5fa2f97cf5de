// precis summarize --input jsonl: a cluster per line in, a result per line
// out, in input order, summarized by a pool of threads over a bounded window
// of lines (memory stays flat however many clusters stream through).
#include "batch.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cli_io.h"
#include "commands.h"
#include "precis/io.h"

namespace precis::cli {
namespace {

// The outcome of one input line.
struct LineResult {
  std::string out;  // the output line, with its '\n'
  bool failed = false;
};

// How many times each id (as JSON text) already has an output line.
using IdCounts = std::unordered_map<std::string, size_t>;

std::string_view StripEol(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Parses and summarizes one line.
LineResult ProcessLine(std::string_view line, size_t line_no,
                       const Summarizer& summarizer, const WriteOptions& w) {
  LineResult r;
  JsonlRecord record = ParseJsonlLine(StripEol(line));
  // Every error names its line: a line without an id is found by it.
  auto fail = [&](const Status& s) {
    r.out = FormatError(record.id_json, Status(s.code(), "line " + std::to_string(line_no) +
                                                             ": " + s.message()));
    r.failed = true;
  };
  try {
    auto summary = SummarizeRecord(summarizer, record);
    if (summary.ok()) {
      r.out = FormatSummary(*record.cluster, *summary, record.id_json, w);
    } else {
      fail(summary.status());
    }
  } catch (const std::exception& e) {  // e.g. bad_alloc: fail the line only
    fail(Status::Internal(e.what()));
  }
  r.out += '\n';
  return r;
}

// Runs `work` on lines with `threads` workers and hands the results to
// `emit` in submission order. At most `window` lines are in flight: Submit
// blocks (emitting finished results) while the window is full.
class OrderedPool {
 public:
  using Work = std::function<LineResult(const std::string&, size_t)>;
  using Emit = std::function<void(LineResult&&)>;

  OrderedPool(int threads, size_t window, Work work, Emit emit)
      : window_(window), work_(std::move(work)), emit_(std::move(emit)) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Worker(); });
  }
  ~OrderedPool() { Finish(); }

  void Submit(std::string line, size_t line_no) {
    std::unique_lock lock(mu_);
    while (items_.size() >= window_) PopFront(lock, /*wait=*/true);
    items_.push_back({line_no, std::move(line), false, {}});
    work_cv_.notify_one();
    while (!items_.empty() && items_.front().done) PopFront(lock, /*wait=*/false);
  }

  // Emits every remaining result and stops the workers.
  void Finish() {
    {
      std::unique_lock lock(mu_);
      while (!items_.empty()) PopFront(lock, /*wait=*/true);
      closing_ = true;
    }
    work_cv_.notify_all();
    for (std::thread& t : workers_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  struct Item {
    size_t line_no;
    std::string line;
    bool done;
    LineResult result;
  };

  // Removes the oldest item (waiting for it when `wait`) and emits it with
  // the lock released, so workers keep claiming lines while we write.
  void PopFront(std::unique_lock<std::mutex>& lock, bool wait) {
    if (wait) done_cv_.wait(lock, [&] { return items_.front().done; });
    LineResult r = std::move(items_.front().result);
    items_.pop_front();
    --next_;  // the front was claimed, so next_ >= 1
    lock.unlock();
    emit_(std::move(r));
    lock.lock();
  }

  void Worker() {
    std::unique_lock lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [&] { return closing_ || next_ < items_.size(); });
      if (next_ >= items_.size()) return;  // closing, nothing left
      // std::deque keeps references to elements valid across push_back and
      // pop_front of other elements; this one is not popped until done.
      Item& item = items_[next_++];
      lock.unlock();
      LineResult r = work_(item.line, item.line_no);
      lock.lock();
      item.result = std::move(r);
      item.done = true;
      std::string().swap(item.line);
      done_cv_.notify_one();
    }
  }

  const size_t window_;
  Work work_;
  Emit emit_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Item> items_;
  size_t next_ = 0;  // index in items_ of the first line no worker claimed
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

// A one-line progress bar on stderr: clusters, rate and, when the input's
// size is known, percentage and ETA from the bytes read.
class Progress {
 public:
  Progress(bool enabled, FILE* in) : enabled_(enabled), in_(in) {
    struct stat st;
    if (enabled_ && fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode)) {
      total_bytes_ = static_cast<double>(st.st_size);
    }
    start_ = last_ = Clock::now();
  }

  void Tick(size_t done) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    Draw(done, now, false);
  }

  void End(size_t done, size_t failed) {
    if (!enabled_) return;
    Draw(done, Clock::now(), true);
    std::fputc('\n', stderr);
    if (failed > 0) std::fprintf(stderr, "precis: %zu line(s) failed\n", failed);
  }

 private:
  using Clock = std::chrono::steady_clock;

  void Draw(size_t done, Clock::time_point now, bool final) {
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? done / secs : 0;
    char line[160];
    int n = std::snprintf(line, sizeof line, "\r%zu clusters  %.1f/s  %s", done,
                          rate, FormatSeconds(secs).c_str());
    if (total_bytes_ > 0 && n > 0 && n < int(sizeof line)) {
      const off_t pos = ftello(in_);
      const double frac =
          final ? 1.0 : std::min(1.0, pos < 0 ? 0.0 : double(pos) / total_bytes_);
      constexpr int kWidth = 24;
      const int filled = int(frac * kWidth);
      std::string bar(filled, '#');
      bar.resize(kWidth, '.');
      const std::string eta =
          frac > 0 && !final ? FormatSeconds(secs * (1 - frac) / frac) : "-";
      std::snprintf(line + n, sizeof line - n, "  [%s] %3.0f%%  ETA %s",
                    bar.c_str(), frac * 100, eta.c_str());
    }
    std::fprintf(stderr, "%s\033[K", line);
    std::fflush(stderr);
  }

  static std::string FormatSeconds(double s) {
    const long t = long(s + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    return buf;
  }

  bool enabled_;
  FILE* in_;
  double total_bytes_ = 0;
  Clock::time_point start_, last_;
};

// A result has an id and its sentences or its error; an input line has docs
// or text instead.
bool IsResult(const nlohmann::json& j) {
  return j.is_object() && j.contains("id") && (j.contains("sentences") || j.contains("error"));
}

// --resume: counts the ids of `path`'s complete lines and cuts off a last
// line that lacks its newline (a run killed mid-write). A missing file is
// an empty one.
Status LoadResumeIds(const std::string& path, IdCounts& ids, size_t& lines) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::Ok();
  char* buf = nullptr;
  size_t cap = 0;
  ssize_t len;
  off_t complete_end = 0;  // byte offset after the last '\n'
  bool partial = false;
  Status status;
  while ((len = getline(&buf, &cap, f)) >= 0) {
    std::string_view line(buf, static_cast<size_t>(len));
    if (line.back() != '\n') {
      // Cut off only what a killed run leaves: the start of a result line,
      // or a whole one. Anything else (a one-line JSON file without its
      // newline, as Python's json.dump writes) is not ours.
      constexpr std::string_view kStart = "{\"id\":";
      const auto j = nlohmann::json::parse(line, nullptr, false);
      const bool started = line.starts_with(kStart) || kStart.starts_with(line);
      if (!started || (!j.is_discarded() && !IsResult(j))) {
        status = Status::InvalidInput(
            "--resume: the last line of '" + path +
            "' is not the start of a precis result; refusing to cut or append to it");
      }
      partial = true;
      break;
    }
    complete_end += len;
    ++lines;
    const auto j = nlohmann::json::parse(StripEol(line), nullptr, false);
    if (!IsResult(j)) {
      status = Status::InvalidInput(
          "--resume: line " + std::to_string(lines) + " of '" + path +
          "' is not a precis result; refusing to append to it");
      break;
    }
    ++ids[j["id"].dump()];
  }
  std::free(buf);
  std::fclose(f);
  if (status.ok() && partial && truncate(path.c_str(), complete_end) != 0) {
    status = Status::IoError("--resume: cannot cut the partial last line of '" +
                             path + "'");
  }
  return status;
}

}  // namespace

int RunBatch(const BatchArgs& args, const Summarizer& summarizer) {
  if (args.files.size() > 1) {
    return ReportError(Status::InvalidArgument(
        "--input jsonl reads one file (or '-'); concatenate the files first"));
  }
  const bool to_stdout = args.output.empty() || args.output == "-";
  if (args.resume && to_stdout) {
    return ReportError(Status::InvalidArgument("--resume needs --output FILE"));
  }
  const std::string path = args.files.empty() ? "-" : args.files[0];
  FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    return ReportError(Status::NotFound("cannot open '" + path + "': " + std::strerror(errno)));
  }
  // What was opened (a directory opens too), and whether it is the output:
  // opening the output for writing would empty the input before it is read.
  struct stat in_stat, out_stat;
  const bool known = fstat(fileno(in), &in_stat) == 0;
  Status refused;
  if (known && S_ISDIR(in_stat.st_mode)) {
    refused = Status::InvalidInput("'" + path +
                                   "' is a directory; --input jsonl reads one JSON Lines file");
  } else if (known && S_ISREG(in_stat.st_mode) &&
             (to_stdout ? fstat(STDOUT_FILENO, &out_stat) : stat(args.output.c_str(), &out_stat)) ==
                 0 &&
             out_stat.st_dev == in_stat.st_dev && out_stat.st_ino == in_stat.st_ino) {
    // On stdout (`>> input`), the run would read its own results back
    // without end.
    refused = Status::InvalidArgument(
        (to_stdout ? std::string("standard output") : "--output '" + args.output + "'") +
        " is the input file; write the results to another file");
  }
  if (!refused.ok()) {
    if (in != stdin) std::fclose(in);
    return ReportError(refused);
  }

  IdCounts resume_ids;
  size_t resumed_lines = 0;
  if (args.resume) {
    if (Status s = LoadResumeIds(args.output, resume_ids, resumed_lines); !s.ok()) {
      if (in != stdin) std::fclose(in);
      return ReportError(s);
    }
  }
  FILE* out = stdout;
  if (!to_stdout) {
    out = std::fopen(args.output.c_str(), args.resume ? "ab" : "wb");
    if (out == nullptr) {
      if (in != stdin) std::fclose(in);
      return ReportError(
          Status::IoError("cannot write '" + args.output + "': " + std::strerror(errno)));
    }
  }

  WriteOptions w;
  w.format = OutputFormat::kJson;
  w.explain = args.explain;
  int threads = args.threads;
  if (threads <= 0) threads = std::max(1u, std::thread::hardware_concurrency());

  size_t done = 0, failed = 0, skipped = 0;
  int write_errno = 0;  // why the first failed write failed
  // Not when the results print on the same terminal: they would interleave.
  Progress progress(args.progress && isatty(STDERR_FILENO) && !(to_stdout && isatty(STDOUT_FILENO)),
                    in);
  // Called in input order.
  auto emit = [&](LineResult&& r) {
    if (std::fwrite(r.out.data(), 1, r.out.size(), out) != r.out.size() && write_errno == 0) {
      write_errno = errno;
    }
    ++done;
    if (r.failed) ++failed;
    progress.Tick(done);
  };

  char* buf = nullptr;
  size_t cap = 0;
  size_t line_no = 0;
  // --resume: the old output's lines not yet matched to input lines. Read
  // in input order, a line is skipped while its id still has old lines to
  // account for; a further copy of the same id is summarized. Decided here,
  // before the workers, so that every line to do is done in parallel.
  size_t unmatched = resumed_lines;
  // The next line to summarize, and its number in the input.
  auto read = [&](std::string* line, size_t* number) {
    for (;;) {
      if (std::ferror(out) != 0) return false;  // a full disk: stop, report below
      const ssize_t len = getline(&buf, &cap, in);
      if (len < 0) return false;
      ++line_no;
      const std::string_view text(buf, static_cast<size_t>(len));
      if (unmatched > 0) {
        auto it = resume_ids.find(JsonlLineId(StripEol(text)));
        if (it != resume_ids.end() && it->second > 0) {
          --it->second;
          --unmatched;
          ++skipped;
          continue;
        }
      }
      line->assign(text);
      *number = line_no;
      return true;
    }
  };
  auto work = [&](const std::string& line, size_t n) {
    try {
      return ProcessLine(line, n, summarizer, w);
    } catch (const std::exception& e) {  // while parsing: the id is unknown
      LineResult r;
      r.out = FormatError("null", Status::Internal("line " + std::to_string(n) +
                                                   ": " + e.what())) + '\n';
      r.failed = true;
      return r;
    }
  };
  // A single line (one cluster per process, the common scripted call) is
  // summarized here: starting and joining a pool's threads for it cost
  // about a tenth of such a run (duc2003-t3, one process per cluster:
  // 8.0 -> 7.1 ms median).
  std::string first, second, line;
  size_t first_no = 0, second_no = 0, n = 0;
  const bool one = read(&first, &first_no);
  const bool two = one && read(&second, &second_no);
  if (threads == 1 || !two) {
    if (one) emit(work(first, first_no));
    if (two) emit(work(second, second_no));
    while (read(&line, &n)) emit(work(line, n));
  } else {
    OrderedPool pool(threads, 8 * static_cast<size_t>(threads), work, emit);
    pool.Submit(std::move(first), first_no);
    pool.Submit(std::move(second), second_no);
    while (read(&line, &n)) pool.Submit(std::move(line), n);
    pool.Finish();
  }
  std::free(buf);
  const bool read_error = std::ferror(in) != 0;
  if (in != stdin) std::fclose(in);
  progress.End(done, failed);

  errno = 0;
  bool write_error = std::fflush(out) != 0 || std::ferror(out) != 0;
  if (out != stdout) write_error = std::fclose(out) != 0 || write_error;
  if (write_error) {
    const int why = write_errno != 0 ? write_errno : errno;
    if (out == stdout) std::clearerr(stdout);  // reported here, not again by main
    return ReportError(Status::IoError(
        "cannot write '" + (to_stdout ? std::string("<stdout>") : args.output) + "'" +
        (why != 0 ? std::string(": ") + std::strerror(why) : std::string())));
  }
  if (read_error) return ReportError(Status::IoError("error reading '" + path + "'"));
  if (args.resume && isatty(STDERR_FILENO)) {
    std::fprintf(stderr, "precis: resumed after %zu line(s); skipped %zu\n",
                 resumed_lines, skipped);
  }
  return failed > 0 ? kExitBadInput : kExitOk;
}

}  // namespace precis::cli
