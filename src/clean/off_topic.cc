// Off-topic lines: sidebar and "related" headlines glued onto an article.
// A headline-like line (a line of its own, no final punctuation) whose
// content terms barely occur elsewhere in the cluster, while the cluster's
// own sentences share most of theirs, is "off-topic". A headline-like line
// that is on topic is a subhead: "headline", kept out of the summary too.
#include <algorithm>

#include "clean/clean_state.h"

namespace precis {

void DropOffTopic(CleanState& state) {
  const size_t n = state.size();
  std::vector<uint32_t> sentence_df(state.vocab().size(), 0);
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t term : state.Content(i)) ++sentence_df[term];
  }
  auto support = [&](size_t i) {
    const auto& set = state.Content(i);
    if (set.empty()) return 0.0;
    size_t shared = 0;
    for (uint32_t term : set) shared += sentence_df[term] > 1;
    return double(shared) / double(set.size());
  };
  std::vector<double> regular;
  for (size_t i = 0; i < n; ++i) {
    if (state.kept(i) && !state.HeadlineLike(i)) regular.push_back(support(i));
  }
  if (regular.size() < 3) return;  // too little text to judge topicality
  std::nth_element(regular.begin(), regular.begin() + regular.size() / 2, regular.end());
  const double median = regular[regular.size() / 2];
  for (size_t i = 0; i < n; ++i) {
    if (!state.kept(i) || !state.HeadlineLike(i)) continue;
    const bool off = support(i) < state.options().off_topic_ratio * median;
    if (off) {
      state.Drop(i, DropReason::kOffTopic);
    } else if (state.options().headlines) {
      state.Drop(i, DropReason::kHeadline);
    }
  }
}

}  // namespace precis
