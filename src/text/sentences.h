// Not public: a cluster cut into analyzed sentences, the form every stage
// after `text` works on. Use precis/summarizer.h.
#ifndef PRECIS_TEXT_SENTENCES_H_
#define PRECIS_TEXT_SENTENCES_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "precis/segment.h"
#include "precis/summarizer.h"
#include "text/analyzer.h"

namespace precis {

// Term ids: one per distinct stem. Stopwords get ids of their own, marked in
// is_stop, so content statistics can skip them while n-gram checks see them.
class Vocabulary {
 public:
  uint32_t Intern(std::string_view stem, bool stop);
  size_t size() const { return is_stop_.size(); }
  bool IsStop(uint32_t id) const { return is_stop_[id]; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<bool> is_stop_;
};

struct Sentence {
  uint32_t doc = 0;       // index into Cluster::docs
  uint32_t position = 0;  // index among the document's sentences
  Span span;              // bytes of Cluster::docs[doc].text
  uint32_t words = 0;     // whitespace-separated tokens
  bool whole_line = false;  // nothing else on its line(s) but a dateline
  bool punctuated = false;  // ends with . ! ? or the like (quotes aside)
  // Its first word is a connective that ties it to the sentence before
  // ("But ...", "However, ..."; data/connectives/).
  bool opens_with_connective = false;
  std::vector<uint32_t> terms;  // every word's term id, in order
};

struct AnalyzedCluster {
  std::vector<Sentence> sentences;  // by document, then position
  Vocabulary vocab;
};

// Segments and tokenizes every document. `stemmer` is the caller's scratch.
AnalyzedCluster AnalyzeCluster(const Cluster& cluster,
                               const SegmentOptions& segment_options,
                               const StopwordSet& stopwords, Stemmer& stemmer);

// Each sentence's index among the kept sentences of its document (0 for the
// first kept one), so that a dropped title, byline or share bar above the lead
// does not push the lead down. Sentences not kept get UINT32_MAX.
std::vector<uint32_t> KeptPositions(const AnalyzedCluster& analyzed,
                                    const std::vector<bool>& keep);

}  // namespace precis

#endif  // PRECIS_TEXT_SENTENCES_H_
