#include "clean/clean.h"

#include <algorithm>
#include <tuple>

#include "clean/clean_state.h"

namespace precis {

std::vector<uint32_t> ContentSet(const Sentence& s, const Vocabulary& vocab) {
  std::vector<uint32_t> set;
  set.reserve(s.terms.size());
  for (uint32_t t : s.terms) {
    if (!vocab.IsStop(t)) set.push_back(t);
  }
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

CleanResult CleanState::Finish() {
  std::sort(result_.dropped.begin(), result_.dropped.end(),
            [](const DroppedSpan& x, const DroppedSpan& y) {
              return std::tie(x.span.doc, x.span.begin) < std::tie(y.span.doc, y.span.begin);
            });
  return std::move(result_);
}

CleanResult CleanSentences(const Cluster& cluster, const AnalyzedCluster& analyzed,
                           const CleanOptions& options) {
  CleanState state(cluster, analyzed, options);
  // Spans without a single word are never summary material.
  for (size_t i = 0; i < state.size(); ++i) {
    if (state.sentence(i).terms.empty()) state.Drop(i, DropReason::kFragment);
  }
  if (options.enabled) {
    // Order matters: a title's copies are titles before they are duplicates,
    // and a share bar repeated in every article is boilerplate, not news.
    if (options.headlines) DropHeadlines(state);
    if (options.boilerplate) DropBoilerplate(state);
    if (options.duplicates) DropDuplicates(state);
    if (options.off_topic) DropOffTopic(state);
    if (options.fragments) DropFragments(state);
  }
  return state.Finish();
}

}  // namespace precis
