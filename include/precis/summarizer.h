// precis: faithful extractive summaries of one article or a cluster of
// articles about one event. Start here.
//
//   precis::SummarizerOptions options;
//   options.budget = {precis::BudgetUnit::kWords, 100};
//   auto summarizer = precis::Summarizer::Create(options);
//   if (!summarizer.ok()) { ... summarizer.status().message() ... }
//   auto summary = summarizer->Summarize(cluster);
//
// Invariant: every summary sentence is a span of an input document.
// For s in summary.sentences:
//   cluster.docs[s.doc].text.substr(s.begin, s.end - s.begin)
// is the extract, byte for byte (for a truncated sentence, its first part).
//
// A Summarizer is immutable once created and may be shared by threads; each
// Summarize call uses its own scratch space. Same input and options give the
// same output, byte for byte, on any thread.
#ifndef PRECIS_SUMMARIZER_H_
#define PRECIS_SUMMARIZER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "precis/status.h"

namespace precis {

struct HtmlSource;  // precis/html.h

struct Document {
  std::string id;
  std::string title;  // optional; empty when unknown
  std::string date;   // optional "YYYY-MM-DD"; empty when unknown
  std::string text;   // the original bytes; must be valid UTF-8
  // Set when `text` was extracted from an HTML page (precis/html.h): the raw
  // page and the map from text bytes to page bytes, so that JSON output can
  // also give each sentence's html_begin/html_end. Spans still refer to text.
  std::shared_ptr<const HtmlSource> html = nullptr;
};

// One event: one or more documents. A single document gives a
// single-document summary.
struct Cluster {
  std::string id;
  std::vector<Document> docs;
};

enum class BudgetUnit { kSentences, kWords, kBytes, kRatio };

// How long the summary may be. Words are whitespace-separated tokens (as
// ROUGE's -l counts them); bytes are UTF-8 bytes of the sentences joined by
// one space; a ratio is a fraction (0, 1] of the input's words.
struct Budget {
  BudgetUnit unit = BudgetUnit::kSentences;
  double value = 5;
};

// Why the clean stage removed a span before scoring.
// The names are a closed set, part of the JSON contract.
enum class DropReason {
  kHeadline,       // "headline": an unpunctuated title or subhead line, kept
                   // out of the summary (the first copy of a title)
  kRepeatedTitle,  // "repeated-title": another copy of a headline, see `of`
  kDuplicateOf,    // "duplicate-of": a (near-)copy of a kept sentence, see `of`
  kOffTopic,       // "off-topic": a headline-like line unrelated to the
                   // cluster (a sidebar or "related" link)
  kFragment,       // "fragment": too short to stand alone, starting
                   // mid-sentence, or no words at all
  kBoilerplate,    // "boilerplate": share/subscribe/cookie/copyright lines,
                   // bylines, datelines, photo credits, "Read more" stubs,
                   // navigation
};
std::string_view DropReasonName(DropReason reason);
// The reason named `name` (as DropReasonName gives it), or kInvalidArgument.
Result<DropReason> ParseDropReason(std::string_view name);

struct SummarizerOptions {
  // ISO 639-1 code: selects stopwords, stemmer and segmentation rules. Every
  // language Snowball ships is accepted (see SupportedLanguages()).
  std::string lang = "en";
  // Default: 5 sentences.
  Budget budget;
  // With a words or bytes budget: fill it exactly by cutting the last
  // sentence (the DUC/TAC evaluation convention). The cut sentence is marked
  // truncated and its span still matches the document's bytes.
  bool truncate = false;
  // Drop web noise before scoring (see DropReason): headlines and their
  // copies, boilerplate, off-topic sidebar lines, fragments, duplicates.
  bool clean = true;
  // Rules to turn off while cleaning stays on, e.g. {kBoilerplate} for input
  // known to be clean of share bars and bylines. kHeadline and
  // kRepeatedTitle each turn off both title rules; a title's verbatim copy
  // is then still a duplicate unless kDuplicateOf is kept too.
  std::vector<DropReason> keep;
  // Two selected sentences never have a content-word cosine above this, nor
  // share a verbatim run of quote_ngram words (the same quote; 0 turns that
  // check off, 1 is an error: a run needs two content words).
  double max_similarity = 0.5;
  int quote_ngram = 5;
  // The summarization system: one of the names Algorithms() lists (a scorer
  // and its selector, e.g. "lexrank", "submodular", "ilp"). The default,
  // precis, runs the ILP (with content words as concepts too) on a cluster
  // of several documents and textrank on one document: on duc2003-t3 it
  // scores 37.64/9.20 against mmr's 37.01/7.94, and on single
  // articles (bbc-news-300) it is textrank, 9.8 R-1 ahead of the ILP
  // (bench/results/quality-2026-11-27.md, bench/results/noise-2026-11-27.md).
  std::string algorithm = "precis";
  // Segment as text extracted from a PDF (see SegmentOptions::pdf).
  bool pdf = false;
  // Input limits (doc/limits.md). Past one, Summarize fails with
  // kLimitExceeded naming it, rather than running out of memory: peak memory
  // is a small multiple of the cluster's bytes (about 7x for one long
  // document, 9x for many short ones; bench/results/rss-2026-11-25.md), so
  // the defaults allow about 9 GiB. 0 means no limit.
  size_t max_document_bytes = size_t{256} << 20;  // one document's text
  size_t max_documents = 1'000'000;               // documents in one cluster
  size_t max_cluster_bytes = size_t{1} << 30;     // every document's text together
};

struct SummarySentence {
  size_t doc = 0;    // index into Cluster::docs
  size_t begin = 0;  // byte offsets into Cluster::docs[doc].text
  size_t end = 0;
  double score = 0;  // the scorer's score, higher is more central
  bool truncated = false;
};


struct SpanRef {
  size_t doc = 0;
  size_t begin = 0;
  size_t end = 0;
};

struct DroppedSpan {
  SpanRef span;
  DropReason reason = DropReason::kDuplicateOf;
  std::optional<SpanRef> of;  // the kept copy, for duplicates
};

struct Summary {
  std::vector<SummarySentence> sentences;  // in reading order
  std::vector<DroppedSpan> dropped;        // in document and byte order
  // The title line kept as each document's headline (at most one per
  // document, first occurrence), in document order.
  std::vector<SpanRef> headlines;
  std::vector<std::string> warnings;       // e.g. why a summary is empty
  // Empty, or what the selector fell back to and why (the ILP at its
  // deterministic node or iteration limit falls back to greedy selection).
  std::string fallback;
};

class Summarizer {
 public:
  // Validates the options and loads the language's resources.
  static Result<Summarizer> Create(const SummarizerOptions& options);

  // Fails with kInvalidInput when a document is not valid UTF-8 (the message
  // names the document and the byte offset).
  Result<Summary> Summarize(const Cluster& cluster) const;

  // Precondition: not moved from.
  const SummarizerOptions& options() const;

  // A moved-from Summarizer may be assigned to or destroyed; its Summarize
  // fails with kInvalidArgument.
  Summarizer(Summarizer&&) noexcept;
  Summarizer& operator=(Summarizer&&) noexcept;
  ~Summarizer();

 private:
  struct Impl;
  explicit Summarizer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

// ISO 639-1 codes of the languages with a Snowball stemmer, sorted.
std::vector<std::string> SupportedLanguages();

// A value for SummarizerOptions::algorithm, with a one-line description.
struct AlgorithmInfo {
  std::string name;
  std::string description;
};
// Every algorithm, default first.
std::vector<AlgorithmInfo> Algorithms();

}  // namespace precis

#endif  // PRECIS_SUMMARIZER_H_
