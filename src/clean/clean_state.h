// Not public: what the clean rules share while they run. Use clean/clean.h.
#ifndef PRECIS_CLEAN_CLEAN_STATE_H_
#define PRECIS_CLEAN_CLEAN_STATE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "base/hash.h"
#include "clean/clean.h"

namespace precis {

// Sorted, distinct content terms of a sentence.
std::vector<uint32_t> ContentSet(const Sentence& s, const Vocabulary& vocab);

class CleanState {
 public:
  CleanState(const Cluster& cluster, const AnalyzedCluster& analyzed,
             const CleanOptions& options)
      : cluster_(cluster), analyzed_(analyzed), options_(options),
        result_{std::vector<bool>(analyzed.sentences.size(), true),
                std::vector<bool>(analyzed.sentences.size(), false), {}, {}},
        headline_(analyzed.sentences.size(), false),
        content_(analyzed.sentences.size()) {}

  size_t size() const { return analyzed_.sentences.size(); }
  const Sentence& sentence(size_t i) const { return analyzed_.sentences[i]; }
  const Vocabulary& vocab() const { return analyzed_.vocab; }
  const Cluster& cluster() const { return cluster_; }
  const CleanOptions& options() const { return options_; }
  bool kept(size_t i) const { return result_.keep[i]; }
  const std::vector<bool>& keep() const { return result_.keep; }
  const AnalyzedCluster& analyzed() const { return analyzed_; }
  std::string_view Text(size_t i) const {
    const Sentence& s = analyzed_.sentences[i];
    return std::string_view(cluster_.docs[s.doc].text).substr(s.span.begin, s.span.size());
  }

  // A whole line without final punctuation, short: a title, subhead, or
  // sidebar link rather than prose.
  bool HeadlineLike(size_t i) const {
    const Sentence& s = sentence(i);
    return s.whole_line && !s.punctuated &&
           s.words <= static_cast<uint32_t>(options_.max_headline_words);
  }
  bool IsHeadline(size_t i) const { return headline_[i]; }
  // Sorted, distinct content terms of sentence i, computed once.
  const std::vector<uint32_t>& Content(size_t i) {
    if (!content_done_[i]) {
      content_[i] = ContentSet(analyzed_.sentences[i], analyzed_.vocab);
      content_done_[i] = true;
    }
    return content_[i];
  }
  void MarkHeadline(size_t i) {
    headline_[i] = true;
    result_.headlines.push_back(i);
  }

  void Drop(size_t i, DropReason reason, std::optional<size_t> of = {}) {
    result_.keep[i] = false;
    if (reason == DropReason::kDuplicateOf) result_.copy[i] = true;
    DroppedSpan d;
    d.span = Ref(i);
    d.reason = reason;
    if (of) d.of = Ref(*of);
    result_.dropped.push_back(d);
  }

  CleanResult Finish();

 private:
  SpanRef Ref(size_t i) const {
    const Sentence& s = analyzed_.sentences[i];
    return {s.doc, s.span.begin, s.span.end};
  }

  const Cluster& cluster_;
  const AnalyzedCluster& analyzed_;
  const CleanOptions& options_;
  CleanResult result_;
  std::vector<bool> headline_;
  std::vector<std::vector<uint32_t>> content_;
  std::vector<bool> content_done_ = std::vector<bool>(content_.size(), false);
};

// The rules, in the order CleanSentences runs them (one file each).
void DropHeadlines(CleanState& state);    // titles.cc
void DropBoilerplate(CleanState& state);  // boilerplate.cc
void DropDuplicates(CleanState& state);   // duplicates.cc
void DropOffTopic(CleanState& state);     // off_topic.cc
void DropFragments(CleanState& state);    // fragments.cc

// Sentence i is one DropFragments drops (fragments.cc); duplicates ask, so
// that a group's kept copy is never one the last rule takes away.
bool IsFragment(const CleanState& state, size_t i);

}  // namespace precis

#endif  // PRECIS_CLEAN_CLEAN_STATE_H_
