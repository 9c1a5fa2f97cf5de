// The one file that wires the stages:
//   text -> clean -> model -> score -> select -> order
#include "precis/summarizer.h"

#include <cmath>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/utf8.h"
#include "clean/clean.h"
#include "model/model.h"
#include "order/order.h"
#include "algorithms/algorithms.h"
#include "select/select.h"
#include "text/analyzer.h"
#include "text/sentences.h"

namespace precis {
namespace {

Status ValidateBudget(const Budget& b) {
  if (!std::isfinite(b.value)) {
    return Status::InvalidArgument("the budget must be a finite number");
  }
  switch (b.unit) {
    case BudgetUnit::kSentences:
    case BudgetUnit::kWords:
    case BudgetUnit::kBytes:
      if (b.value < 1 || b.value != std::floor(b.value)) {
        return Status::InvalidArgument(
            "a sentences, words or bytes budget must be a whole number >= 1");
      }
      return Status::Ok();
    case BudgetUnit::kRatio:
      if (!(b.value > 0 && b.value <= 1)) {
        return Status::InvalidArgument(
            "a ratio budget takes a fraction in (0, 1], e.g. 0.2 for a fifth");
      }
      return Status::Ok();
  }
  return Status::InvalidArgument("unknown budget unit");
}

std::string Mib(size_t bytes) {
  return bytes % (size_t{1} << 20) == 0 ? std::to_string(bytes >> 20) + " MiB"
                                        : std::to_string(bytes) + " bytes";
}

// The limits are SummarizerOptions' (doc/limits.md); 0 turns one off.
Status ValidateCluster(const Cluster& cluster, const SummarizerOptions& opt) {
  if (cluster.docs.empty()) {
    return Status::InvalidInput("the cluster has no documents");
  }
  if (opt.max_documents != 0 && cluster.docs.size() > opt.max_documents) {
    return Status::LimitExceeded(
        std::to_string(cluster.docs.size()) + " documents in one cluster; the limit is " +
        std::to_string(opt.max_documents) + " (max_documents)");
  }
  size_t total = 0;
  for (const Document& d : cluster.docs) {
    if (opt.max_document_bytes != 0 && d.text.size() > opt.max_document_bytes) {
      return Status::LimitExceeded("document '" + d.id + "' has " +
                                   std::to_string(d.text.size()) +
                                   " bytes; the limit is " + Mib(opt.max_document_bytes) +
                                   " (max_document_bytes)");
    }
    total += d.text.size();
  }
  if (opt.max_cluster_bytes != 0 && total > opt.max_cluster_bytes) {
    return Status::LimitExceeded("the cluster has " + std::to_string(total) +
                                 " bytes of text; the limit is " +
                                 Mib(opt.max_cluster_bytes) + " (max_cluster_bytes)");
  }
  for (size_t i = 0; i < cluster.docs.size(); ++i) {
    const Document& d = cluster.docs[i];
    // Ids and dates are quoted in warnings and output: text, like the text.
    for (const auto& [field, value] : {std::pair{"id", &d.id}, {"title", &d.title},
                                       {"date", &d.date}}) {
      if (FindInvalidUtf8(*value) != kValidUtf8) {
        return Status::InvalidInput("document " + std::to_string(i) + ": its " + field +
                                    " is not valid UTF-8");
      }
    }
    if (std::string problem = DescribeInvalidText(d.text); !problem.empty()) {
      return Status::InvalidInput("document '" + d.id + "': " + problem);
    }
  }
  return Status::Ok();
}

// Summary sentences name their document by id in every output format, so
// one id on two documents makes provenance ambiguous: say so, and which.
std::string DuplicateIdWarning(const Cluster& cluster) {
  std::unordered_map<std::string_view, size_t> seen;
  size_t duplicates = 0;
  std::string_view first;
  for (const Document& d : cluster.docs) {
    if (++seen[d.id] == 2 && duplicates++ == 0) first = d.id;
  }
  if (duplicates == 0) return "";
  return std::to_string(duplicates) + " document id(s) used more than once, e.g. '" +
         std::string(first) + "'; a sentence's \"doc\" may name either";
}

Status SummarizeText(const Cluster& cluster, const SummarizerOptions& opt,
                     const StopwordSet& stopwords, Summary& summary);

// Only what the segmenter reads as whitespace, Unicode's too (U+00A0,
// U+3000, a zero-width space): it finds no sentence in it. `s` is valid UTF-8.
bool IsBlank(std::string_view s) {
  for (size_t i = 0, len = 1; i < s.size(); i += len) {
    if (!IsWhitespaceCp(static_cast<char32_t>(DecodeUtf8(s, i, &len)))) return false;
  }
  return true;
}

// The first `max` bytes of `s` at most, cut where a character starts.
std::string_view Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return s.substr(0, max);
}

}  // namespace

std::string_view DropReasonName(DropReason reason) {
  switch (reason) {
    case DropReason::kHeadline: return "headline";
    case DropReason::kRepeatedTitle: return "repeated-title";
    case DropReason::kDuplicateOf: return "duplicate-of";
    case DropReason::kOffTopic: return "off-topic";
    case DropReason::kFragment: return "fragment";
    case DropReason::kBoilerplate: return "boilerplate";
  }
  return "unknown";
}

Result<DropReason> ParseDropReason(std::string_view name) {
  for (DropReason r : {DropReason::kHeadline, DropReason::kRepeatedTitle,
                       DropReason::kDuplicateOf, DropReason::kOffTopic,
                       DropReason::kFragment, DropReason::kBoilerplate}) {
    if (DropReasonName(r) == name) return r;
  }
  return Status::InvalidArgument(
      "unknown cleaning rule '" + std::string(name) +
      "'; rules: headline, repeated-title, duplicate-of, off-topic, fragment, boilerplate");
}

struct Summarizer::Impl {
  SummarizerOptions options;
  const StopwordSet* stopwords = nullptr;
};

Summarizer::Summarizer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Summarizer::Summarizer(Summarizer&&) noexcept = default;
Summarizer& Summarizer::operator=(Summarizer&&) noexcept = default;
Summarizer::~Summarizer() = default;

const SummarizerOptions& Summarizer::options() const { return impl_->options; }

std::vector<std::string> SupportedLanguages() { return StemmerLanguages(); }

std::vector<AlgorithmInfo> Algorithms() {
  std::vector<AlgorithmInfo> out;
  for (const AlgorithmSpec& a : AlgorithmSpecs()) {
    AlgorithmInfo info{std::string(a.name), std::string(a.description)};
    if (a.name == SummarizerOptions().algorithm) {
      out.insert(out.begin(), std::move(info));
    } else {
      out.push_back(std::move(info));
    }
  }
  return out;
}

Result<Summarizer> Summarizer::Create(const SummarizerOptions& options) {
  if (Status s = ValidateBudget(options.budget); !s.ok()) return s;
  if (options.truncate && (options.budget.unit == BudgetUnit::kSentences ||
                           options.budget.unit == BudgetUnit::kRatio)) {
    return Status::InvalidArgument(
        "truncating needs a words or bytes budget");
  }
  if (options.quote_ngram < 0 || options.quote_ngram == 1) {
    return Status::InvalidArgument(
        "quote_ngram must be 0 (no quote check) or a run of at least 2 words");
  }
  if (!(options.max_similarity > 0 && options.max_similarity <= 1)) {
    return Status::InvalidArgument("max_similarity must be in (0, 1]");
  }
  if (!IsAlgorithm(options.algorithm)) {
    std::string names;
    for (const AlgorithmSpec& a : AlgorithmSpecs()) {
      names += names.empty() ? "" : ", ";
      names += a.name;
    }
    return Status::InvalidArgument("unknown algorithm '" + options.algorithm +
                                   "'; algorithms: " + names);
  }
  auto stemmer = Stemmer::Create(options.lang);  // checks the language
  if (!stemmer.ok()) return stemmer.status();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  // One code for every stage: "de-AT" and "german" read as "de".
  impl->options.lang = CanonicalLanguage(options.lang);
  impl->stopwords = &StopwordSet::ForLanguage(impl->options.lang);
  return Summarizer(std::move(impl));
}

Result<Summary> Summarizer::Summarize(const Cluster& cluster) const {
  if (!impl_) return Status::InvalidArgument("Summarize called on a moved-from Summarizer");
  const SummarizerOptions& opt = impl_->options;
  if (Status s = ValidateCluster(cluster, opt); !s.ok()) return s;
  Summary summary;
  // Per document: no text (skipped), a date that is not one (read as undated).
  const size_t n = cluster.docs.size();
  std::vector<bool> empty(n, false), undated(n, false);
  size_t blank = 0;
  for (size_t d = 0; d < n; ++d) {
    if (IsBlank(cluster.docs[d].text)) {
      empty[d] = true;
      ++blank;
      summary.warnings.push_back("document '" + cluster.docs[d].id + "' is empty");
    }
  }
  if (std::string w = DuplicateIdWarning(cluster); !w.empty()) {
    summary.warnings.push_back(std::move(w));
  }
  if (blank == cluster.docs.size()) {
    return Status::InvalidInput(
        cluster.docs.size() == 1
            ? "document '" + cluster.docs[0].id + "' is empty"
            : "every document is empty");
  }
  size_t bad_dates = 0;
  for (size_t d = 0; d < n; ++d) {
    const Document& doc = cluster.docs[d];
    if (!doc.date.empty() && !IsDate(doc.date)) {
      undated[d] = true;
      ++bad_dates;
      summary.warnings.push_back("document '" + doc.id + "': date '" +
                                 std::string(Clip(doc.date, 40)) +
                                 "' is not YYYY-MM-DD; read as undated");
    }
  }
  if (blank == 0 && bad_dates == 0) {
    if (Status st = SummarizeText(cluster, opt, *impl_->stopwords, summary); !st.ok()) return st;
    return summary;
  }
  // Empty documents are skipped: the rest is summarized exactly as if they
  // had not been given (one document left is a single-document summary),
  // and the indices point back into `cluster`. A date that is not one
  // (dates order the documents) is dropped.
  Cluster rest;
  rest.id = cluster.id;
  std::vector<size_t> index;
  for (size_t d = 0; d < n; ++d) {
    if (empty[d]) continue;
    rest.docs.push_back(cluster.docs[d]);
    if (undated[d]) rest.docs.back().date.clear();
    index.push_back(d);
  }
  if (Status st = SummarizeText(rest, opt, *impl_->stopwords, summary); !st.ok()) return st;
  for (SummarySentence& x : summary.sentences) x.doc = index[x.doc];
  for (SpanRef& x : summary.headlines) x.doc = index[x.doc];
  for (DroppedSpan& x : summary.dropped) {
    x.span.doc = index[x.span.doc];
    if (x.of) x.of->doc = index[x.of->doc];
  }
  return summary;
}

namespace {

// Summarize's stages, for a cluster whose every document has text; appends
// to `summary` (which holds the caller's warnings already).
Status SummarizeText(const Cluster& cluster, const SummarizerOptions& opt,
                     const StopwordSet& stopwords, Summary& summary) {
  auto stemmer = Stemmer::Create(opt.lang);  // per call: not thread-safe
  if (!stemmer.ok()) return stemmer.status();
  SegmentOptions seg;
  seg.lang = opt.lang;
  seg.pdf = opt.pdf;
  const AnalyzedCluster analyzed =
      AnalyzeCluster(cluster, seg, stopwords, *stemmer);

  CleanOptions clean_options;
  clean_options.enabled = opt.clean;
  for (DropReason r : opt.keep) {
    switch (r) {
      case DropReason::kHeadline:
      case DropReason::kRepeatedTitle: clean_options.headlines = false; break;
      case DropReason::kDuplicateOf: clean_options.duplicates = false; break;
      case DropReason::kOffTopic: clean_options.off_topic = false; break;
      case DropReason::kFragment: clean_options.fragments = false; break;
      case DropReason::kBoilerplate: clean_options.boilerplate = false; break;
    }
  }
  CleanResult cleaned = CleanSentences(cluster, analyzed, clean_options);
  std::vector<bool> keep = cleaned.keep;
  bool any = false;
  for (bool k : keep) any |= k;
  if (!any) {
    // Never a silent empty summary: fall back to every line with words.
    for (size_t i = 0; i < analyzed.sentences.size(); ++i) {
      keep[i] = !analyzed.sentences[i].terms.empty();
      any |= keep[i];
    }
    if (any) {
      summary.warnings.push_back(
          "cleaning left no sentence; summarized the dropped lines instead");
      cleaned.dropped.clear();
      cleaned.copy.assign(keep.size(), false);
    }
  }
  summary.dropped = std::move(cleaned.dropped);
  for (size_t i : cleaned.headlines) {
    if (keep[i]) continue;  // summarized after all, in the fallback above
    const Sentence& s = analyzed.sentences[i];
    summary.headlines.push_back({s.doc, s.span.begin, s.span.end});
  }
  if (!any) {
    summary.warnings.push_back("the input has no sentence with words");
    return Status::Ok();
  }

  const ClusterModel model = BuildModel(analyzed, keep);

  SelectOptions select_options;
  select_options.budget = opt.budget;
  select_options.truncate = opt.truncate;
  select_options.max_similarity = opt.max_similarity;
  select_options.quote_ngram = opt.quote_ngram;
  AlgorithmRun run = RunAlgorithm(opt.algorithm, {cluster, analyzed, model, keep, &cleaned.copy},
                                  select_options);
  std::vector<Selected>& selected = run.selected;
  const std::vector<double>& scores = run.scores;
  if (!run.fallback.empty()) {
    summary.fallback = run.fallback;
    summary.warnings.push_back("the " + opt.algorithm + " selector fell back to " +
                               run.fallback);
  }
  if (selected.empty()) {
    const bool can_truncate = !opt.truncate && (opt.budget.unit == BudgetUnit::kWords ||
                                                opt.budget.unit == BudgetUnit::kBytes);
    summary.warnings.push_back(
        can_truncate ? "no sentence fits the budget; raise it or truncate the last sentence"
                     : "no sentence fits the budget; raise it");
  }
  OrderForReading(cluster, analyzed, &selected);
  for (const Selected& sel : selected) {
    const Sentence& s = analyzed.sentences[sel.sentence];
    SummarySentence out;
    out.doc = s.doc;
    out.begin = s.span.begin;
    out.end = sel.end;
    out.score = scores[sel.sentence];
    out.truncated = sel.truncated;
    summary.sentences.push_back(out);
  }
  return Status::Ok();
}

}  // namespace
}  // namespace precis
