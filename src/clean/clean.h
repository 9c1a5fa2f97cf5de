// Not public: the clean stage. Decides which sentences may be summarized and
// records why the others may not. Use precis/summarizer.h.
#ifndef PRECIS_CLEAN_CLEAN_H_
#define PRECIS_CLEAN_CLEAN_H_

#include <vector>

#include "precis/summarizer.h"
#include "text/sentences.h"

namespace precis {

struct CleanOptions {
  // Off: only word-less fragments are dropped.
  bool enabled = true;
  // Each rule, on by default (SummarizerOptions::keep turns them off).
  bool headlines = true;    // headlines, subheads and repeated titles
  bool boilerplate = true;
  bool duplicates = true;
  bool off_topic = true;
  bool fragments = true;    // short or mid-sentence spans
  // Near copies: content-term Jaccard at or above this...
  double near_duplicate_jaccard = 0.8;
  // ...or this share of the shorter sentence's content terms (at least
  // min_containment_terms of them) in the longer one: an added attribution.
  double near_duplicate_containment = 0.9;
  int min_containment_terms = 5;
  // Two sentences sharing a verbatim run of this many words (with at least
  // two content words) repeat the same quote or report.
  int shared_phrase_words = 7;
  // Headline-like lines (whole line, no final punctuation) up to this length.
  int max_headline_words = 25;
  // Off-topic when the share of a headline-like line's content terms found
  // elsewhere in the cluster is below this fraction of the median share.
  double off_topic_ratio = 0.35;
  // Sentences with fewer words than this are fragments.
  int min_sentence_words = 4;
  // Bounds the near-duplicate candidate check per sentence, so adversarial
  // input cannot make it quadratic.
  int max_candidates = 200;
};

struct CleanResult {
  std::vector<bool> keep;            // by sentence index
  // By sentence index: dropped as a near copy of another sentence
  // (kDuplicateOf). Not summary material, but evidence of what the
  // documents agree on (select/concepts.h counts it in small clusters).
  std::vector<bool> copy;
  std::vector<DroppedSpan> dropped;  // in document and byte order
  std::vector<size_t> headlines;     // sentence index of each kept headline
};

CleanResult CleanSentences(const Cluster& cluster, const AnalyzedCluster& analyzed,
                           const CleanOptions& options);

}  // namespace precis

#endif  // PRECIS_CLEAN_CLEAN_H_
