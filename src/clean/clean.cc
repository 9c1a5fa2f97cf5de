#include "clean/clean.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace precis {
namespace {

SpanRef RefOf(const Sentence& s) { return {s.doc, s.span.begin, s.span.end}; }

struct VectorHash {
  size_t operator()(const std::vector<uint32_t>& v) const {
    uint64_t h = 1469598103934665603ULL;
    for (uint32_t x : v) h = (h ^ x) * 1099511628211ULL;
    return static_cast<size_t>(h);
  }
};

std::vector<uint32_t> ContentSet(const Sentence& s, const Vocabulary& vocab) {
  std::vector<uint32_t> set;
  for (uint32_t t : s.terms) {
    if (!vocab.IsStop(t)) set.push_back(t);
  }
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

double Jaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++common; ++i; ++j; }
  }
  const size_t uni = a.size() + b.size() - common;
  return uni == 0 ? 0.0 : double(common) / double(uni);
}

class Cleaner {
 public:
  Cleaner(const AnalyzedCluster& a, const CleanOptions& o)
      : a_(a), o_(o), n_(a.sentences.size()) {
    result_.keep.assign(n_, true);
  }

  CleanResult Run() {
    DropFragments();
    if (o_.enabled) {
      DropHeadlinesAndCopies();
      DropNearDuplicates();
      DropOffTopicLines();
    }
    std::sort(result_.dropped.begin(), result_.dropped.end(),
              [](const DroppedSpan& x, const DroppedSpan& y) {
                return std::tie(x.span.doc, x.span.begin) <
                       std::tie(y.span.doc, y.span.begin);
              });
    return std::move(result_);
  }

 private:
  void Drop(size_t i, DropReason reason, std::optional<size_t> of = {}) {
    result_.keep[i] = false;
    DroppedSpan d;
    d.span = RefOf(a_.sentences[i]);
    d.reason = reason;
    if (of) d.of = RefOf(a_.sentences[*of]);
    result_.dropped.push_back(d);
  }

  bool HeadlineLike(const Sentence& s) const {
    return s.whole_line && !s.punctuated &&
           s.words <= static_cast<uint32_t>(o_.max_headline_words);
  }

  void DropFragments() {
    for (size_t i = 0; i < n_; ++i) {
      if (a_.sentences[i].terms.empty()) Drop(i, DropReason::kFragment);
    }
  }

  // Exact copies (same words, any case or punctuation) of an earlier
  // sentence, and the document's opening headline, which is a title rather
  // than summary material. Copies of a headline are repeated titles.
  void DropHeadlinesAndCopies() {
    std::unordered_map<std::vector<uint32_t>, size_t, VectorHash> first;
    for (size_t i = 0; i < n_; ++i) {
      if (!result_.keep[i]) continue;
      const Sentence& s = a_.sentences[i];
      auto [it, inserted] = first.try_emplace(s.terms, i);
      if (!inserted) {
        const size_t orig = it->second;
        const bool title = headline_[orig];
        Drop(i, title ? DropReason::kRepeatedTitle : DropReason::kDuplicateOf, orig);
        continue;
      }
      if (s.position == 0 && HeadlineLike(s)) {
        headline_[i] = true;
        Drop(i, DropReason::kHeadline);
      }
    }
  }

  // Near copies: content-term Jaccard >= threshold. Prefix filtering keeps it
  // scalable: order each set's terms rarest first; two sets that reach the
  // threshold must share a term among the first |x| - ceil(t|x|) + 1 of each,
  // so only sentences sharing such a prefix term are compared.
  void DropNearDuplicates() {
    const double t = o_.near_duplicate_jaccard;
    std::vector<std::vector<uint32_t>> sets(n_);
    std::vector<uint32_t> df(a_.vocab.size(), 0);
    for (size_t i = 0; i < n_; ++i) {
      if (!result_.keep[i]) continue;
      sets[i] = ContentSet(a_.sentences[i], a_.vocab);
      for (uint32_t term : sets[i]) ++df[term];
    }
    std::unordered_map<uint32_t, std::vector<uint32_t>> index;
    std::vector<uint32_t> seen_stamp(n_, UINT32_MAX);
    for (size_t i = 0; i < n_; ++i) {
      if (!result_.keep[i] || sets[i].size() < 3) continue;
      std::vector<uint32_t> order = sets[i];
      std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        return std::pair(df[x], x) < std::pair(df[y], y);
      });
      const size_t prefix =
          order.size() - static_cast<size_t>(std::ceil(t * order.size())) + 1;
      std::optional<size_t> dup;
      for (size_t k = 0; k < prefix && !dup; ++k) {
        auto it = index.find(order[k]);
        if (it == index.end()) continue;
        for (uint32_t j : it->second) {
          if (seen_stamp[j] == i) continue;
          seen_stamp[j] = static_cast<uint32_t>(i);
          if (Jaccard(sets[i], sets[j]) >= t) { dup = j; break; }
        }
      }
      if (dup) {
        Drop(i, headline_[*dup] ? DropReason::kRepeatedTitle
                                : DropReason::kDuplicateOf, *dup);
        continue;
      }
      for (size_t k = 0; k < prefix; ++k) index[order[k]].push_back(uint32_t(i));
    }
  }

  // Sidebar and "related" headlines: headline-like lines whose content terms
  // barely occur anywhere else in the cluster, while the cluster's own
  // sentences share most of theirs.
  void DropOffTopicLines() {
    std::vector<uint32_t> sentence_df(a_.vocab.size(), 0);
    std::vector<std::vector<uint32_t>> sets(n_);
    for (size_t i = 0; i < n_; ++i) {
      if (a_.sentences[i].terms.empty()) continue;
      sets[i] = ContentSet(a_.sentences[i], a_.vocab);
      for (uint32_t term : sets[i]) ++sentence_df[term];
    }
    auto support = [&](size_t i) {
      if (sets[i].empty()) return 0.0;
      size_t shared = 0;
      for (uint32_t term : sets[i]) shared += sentence_df[term] > 1;
      return double(shared) / double(sets[i].size());
    };
    std::vector<double> regular;
    for (size_t i = 0; i < n_; ++i) {
      if (result_.keep[i] && !HeadlineLike(a_.sentences[i])) {
        regular.push_back(support(i));
      }
    }
    if (regular.size() < 3) return;  // too little text to judge topicality
    std::nth_element(regular.begin(), regular.begin() + regular.size() / 2,
                     regular.end());
    const double median = regular[regular.size() / 2];
    for (size_t i = 0; i < n_; ++i) {
      if (!result_.keep[i] || !HeadlineLike(a_.sentences[i])) continue;
      if (support(i) < o_.off_topic_ratio * median) {
        Drop(i, DropReason::kOffTopic);
      } else {
        Drop(i, DropReason::kHeadline);  // an on-topic subhead
      }
    }
  }

  const AnalyzedCluster& a_;
  const CleanOptions& o_;
  const size_t n_;
  std::vector<bool> headline_ = std::vector<bool>(n_, false);
  CleanResult result_;
};

}  // namespace

CleanResult CleanSentences(const AnalyzedCluster& analyzed,
                           const CleanOptions& options) {
  return Cleaner(analyzed, options).Run();
}

}  // namespace precis
