// ROUGE as ROUGE-1.5.5.pl computes it (Lin 2004), figure for figure: ROUGE-N,
// L, W, S and SU, the script's tokenization, truncation (-l, -b), stemming
// (-m, with its Porter variant and WordNet exceptions), stopwords (-s),
// scoring formulas (-f A|B), counting modes (-t) and its bootstrap, seeded
// the same way, so averages and confidence intervals print the same digits.
//
// Three ways in, from the least to the most work done here:
//   ScorePair     one peer against its models: counts and R/P/F per metric.
//   Evaluate      many evaluations (one cluster each) and peers: averages,
//                 confidence intervals and per-evaluation scores, as the
//                 script reports them; FormatScriptOutput prints its lines.
//   ReadConfigFile  the script's XML configuration, files read and parsed.
//
// Nothing here throws or prints; errors come back as Status.
#ifndef PRECIS_ROUGE_H_
#define PRECIS_ROUGE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "precis/status.h"

namespace precis::rouge {

// How a summary file marks its sentences (the script's INPUT-FORMAT).
enum class InputFormat {
  kSpl,  // one sentence per line; every line that is not empty counts
  kSee,  // SEE HTML: <a name="N">[N]</a> <a href="#N" id=N>sentence ...
  kIsi,  // <S SNTNO="N">sentence</S>
};

enum class ScoreMode {
  kAverage,  // -f A: pool the counts of all models (the script's default)
  kBest,     // -f B: keep the model with the best recall
};

enum class Counting {
  kSentence = 0,   // -t 0: average the per-evaluation R/P/F (the default)
  kToken = 1,      // -t 1: pool the counts over the corpus, then R/P/F
  kRawCounts = 2,  // -t 2: report the pooled counts only
};

// The largest -n Validate() accepts. The script takes any N; past a
// sentence's length every ROUGE-N is 0, and a huge N only costs time.
inline constexpr int kMaxNgram = 100;

// The script's options. Defaults are the script's defaults. Validate() says
// what is out of range; every entry point checks it.
struct Options {
  int max_ngram = 0;         // -n N: ROUGE-1 .. ROUGE-N; 0 computes none (at most kMaxNgram)
  bool lcs = true;           // ROUGE-L; -x sets false
  double wlcs_weight = 0;    // -w W (> 0): ROUGE-W-W; 0 leaves it out
  std::optional<int> skip_distance;  // -2 D: ROUGE-S (D < 0: any gap, "S*")
  bool skip_unigrams = false;  // -u: count unigrams too (ROUGE-SU)
  bool skip_both = false;      // -U: ROUGE-S and then ROUGE-SU
  bool stem = false;           // -m: stem tokens longer than 3 bytes
  bool remove_stopwords = false;  // -s: drop the SMART stopwords
  int word_limit = 0;   // -l N: keep the first N whitespace-separated words
  int byte_limit = 0;   // -b N: keep the first N bytes (not with word_limit)
  ScoreMode score_mode = ScoreMode::kAverage;  // -f
  double alpha = 0.5;   // -p: F = 1 / (alpha/P + (1-alpha)/R), in [0, 1]
  Counting counting = Counting::kSentence;     // -t
  double confidence = 95;  // -c: confidence interval in percent, [0, 100]
  int resamples = 1000;    // -r: bootstrap samples, >= 1

  // How the script spells numbers in its output is the way they were typed
  // ("-w 1.20" prints ROUGE-W-1.20). Empty: formatted from the value.
  std::string weight_label;
  std::string skip_label;
  std::string confidence_label;
};

[[nodiscard]] Status Validate(const Options& options);

// One summary as the script reads it: its sentences (units), raw bytes, in
// order. Case, punctuation and truncation are handled when scoring.
struct Document {
  std::vector<std::string> sentences;
};

// Splits file bytes into sentences the way the script does for `format`.
Document ParseDocument(std::string_view bytes, InputFormat format);

// Plain text, one sentence per line: lines are stripped of surrounding
// whitespace and blank ones dropped (what ../tools/rouge155 feeds the
// script). True for every text the folder and JSON Lines modes read.
Document PlainTextDocument(std::string_view text);

// The metrics `options` selects, in the script's order, named as it prints
// them: "ROUGE-1" .. "ROUGE-N", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-S4" /
// "ROUGE-SU4" / "ROUGE-S*" / "ROUGE-SU*".
std::vector<std::string> MetricNames(const Options& options);

// One peer scored against its models for one metric, as the script's
// per-evaluation figures: recall, precision and F rounded to 5 decimals
// exactly as it rounds them (F from the rounded R and P), and the pooled
// counts behind them (-f A sums over models, -f B keeps the best model's).
struct PairScore {
  double recall = 0;
  double precision = 0;
  double f = 0;
  double model_count = 0;  // n-grams (or LCS base) on the model side
  double peer_count = 0;   // ... on the peer side
  double hit = 0;          // matches, clipped
};

// Scores `peer` against `models` for every metric of MetricNames(options),
// in that order. Thread-safe. InvalidInput when ROUGE-W meets a model with
// no tokens (the script dies on it).
Result<std::vector<PairScore>> ScorePair(const Document& peer,
                                         std::span<const Document> models,
                                         const Options& options);

// One <EVAL>: the peers (systems) that answered it and the models.
struct Evaluation {
  std::string id;
  std::vector<std::pair<std::string, Document>> peers;  // peer id, text
  std::vector<Document> models;
  std::vector<std::string> model_names;  // for messages; may be empty
  // Peers the config names with no file (`<P ID="T"></P>`): with -a the
  // script still reports them, with zeros and a warning per evaluation.
  std::vector<std::string> fileless_peers;
};

struct Interval {
  double mean = 0;  // the script's "Average": the mean of the resamples
  double low = 0;
  double high = 0;
};

// What the script prints for one peer and one metric.
struct MetricReport {
  std::string name;  // "ROUGE-1", ...
  Interval recall, precision, f;
  // -t 1/2: counts summed over the evaluations.
  double model_count = 0, peer_count = 0, hit = 0;
  // Per evaluation, sorted as the script sorts them for -d: with -t 0 the
  // rounded R/P/F, with -t 1/2 the model count, peer count and hits.
  struct Row {
    std::string test_id;  // "<eval id>.<peer id>"
    double r = 0, p = 0, f = 0;
  };
  std::vector<Row> rows;
};

struct PeerReport {
  std::string peer_id;
  std::vector<MetricReport> metrics;
};

struct Report {
  std::vector<PeerReport> peers;     // sorted by peer id
  std::vector<std::string> warnings;  // e.g. a peer missing from an eval
};

struct EvaluateOptions {
  // Score only this peer; empty: every peer of any evaluation (-a).
  std::string peer_id;
  int threads = 1;  // workers scoring evaluations; the output never depends on it
  // Called from the calling thread with (evaluations done, total).
  std::function<void(size_t, size_t)> progress;
};

Result<Report> Evaluate(std::span<const Evaluation> evaluations,
                        const Options& options,
                        const EvaluateOptions& evaluate_options = {});

// The script's stdout for `report`, line for line; `per_eval` adds the -d
// lines.
std::string FormatScriptOutput(const Report& report, const Options& options,
                               bool per_eval);

// Reads ROUGE-1.5.5's XML configuration and every summary it names (only
// those of `peer_id` when given), resolving roots as the script does.
// NotFound names a missing config, peer or model file; InvalidInput names
// the config and the line of a malformed one. A peer id absent from an
// <EVAL> is no error (Evaluate warns, as the script does); empty summaries
// are scored, with a "-> empty text" note in `warnings`.
Result<std::vector<Evaluation>> ReadConfigFile(const std::string& path,
                                               std::string_view peer_id,
                                               std::vector<std::string>* warnings);

// The bytes of a file the ROUGE readers take (`what`: "peer summary",
// "ROUGE config", ...), in any encoding. NotFound for a file that cannot be
// opened (with the system's reason), InvalidInput for a folder or, unless
// `nul_ok`, for binary data (a NUL byte), each naming `path`. Summaries
// pass `nul_ok`: the script reads a NUL as one more separator.
Result<std::string> ReadInputFile(const std::string& path, const char* what,
                                  bool nul_ok = false);

}  // namespace precis::rouge

#endif  // PRECIS_ROUGE_H_
