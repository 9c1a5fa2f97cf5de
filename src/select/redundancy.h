// Not public: the one redundancy predicate every selector respects. Use
// precis/summarizer.h.
//
// Two sentences are redundant (never both in one summary) when any of:
//  - their content-word tf-idf cosine exceeds max_similarity (a near-copy or a
//    close paraphrase);
//  - at least max_containment of the shorter one's distinct content terms
//    (when it has 4 or more) occur in the longer one (it restates it);
//  - they share a run of quote_ngram consecutive words holding at least two
//    content words (the same quote, reported by two outlets);
//  - they have the same words (case and punctuation aside): a copy too short
//    for the rules above, "They were there.", which cleaning would have
//    dropped but may have been told to keep.
// The rules may be tuned; the interface (construct once per cluster, ask about
// pairs) stays.
#ifndef PRECIS_SELECT_REDUNDANCY_H_
#define PRECIS_SELECT_REDUNDANCY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "base/key_index.h"
#include "model/model.h"

namespace precis {

struct RedundancyOptions {
  double max_similarity = 0.5;
  double max_containment = 0.6;
  int quote_ngram = 5;
};

class RedundancyCheck {
 public:
  // Cheap: a sentence's phrase hashes are computed when first asked for, so
  // a selector that asks about a few sentences pays for a few. Not for
  // sharing between threads (one per summarize call).
  RedundancyCheck(const AnalyzedCluster& analyzed, const ClusterModel& model,
                  const std::vector<bool>& keep, const RedundancyOptions& options);

  // Symmetric; false for a == b.
  bool Redundant(size_t a, size_t b) const;

  // True when `candidate` is redundant with any of `chosen`: a pass over
  // them. A selector that grows one selection asks TakenSentences instead.
  bool RedundantWithAny(size_t candidate, const std::vector<size_t>& chosen) const;

  // Every redundant pair among `ids`, as positions (a, b) into ids with
  // a < b, in lexicographic order: the same answers as Redundant() on each
  // pair, found through shared terms and phrases instead of a pass over all
  // pairs (the ILP asks about some 30,000 pairs per cluster).
  std::vector<std::pair<int, int>> RedundantPairs(const std::vector<size_t>& ids) const;

 private:
  friend class TakenSentences;

  // The first two rules, for Redundant and RedundantPairs alike: a tf-idf
  // cosine; `common` terms of the shorter sentence's `shorter`.
  bool Similar(double cosine) const;
  bool Contained(size_t common, size_t shorter) const;
  bool SameWords(size_t a, size_t b) const;
  const std::vector<uint64_t>& Phrases(size_t i) const;

  const AnalyzedCluster& analyzed_;
  const ClusterModel& model_;
  RedundancyOptions options_;
  std::vector<bool> keep_;  // a dropped sentence shares no phrase
  mutable std::vector<std::vector<uint64_t>> phrases_;  // by sentence, sorted
  mutable std::vector<bool> ready_;                     // phrases_[i] computed
};

// The sentences a selector has taken so far, indexed for the one question a
// greedy selector asks of each candidate: is it redundant with any of them?
// The answer is RedundantWithAny's, but the full test is asked only of the
// taken sentences that the index shows are close to redundant. A huge budget
// takes thousands of sentences, and a pass over them all per candidate made
// selection quadratic (17 s for 2 MB of text with --words 1000000000).
// Prefix filtering (Bayardo, Ma & Srikant 2007, "Scaling up all pairs
// similarity search"): each taken sentence is indexed under its prefix, its
// heaviest terms up to where the rest of its vector has a norm of at most
// the cosine threshold and holds fewer terms than containment needs. A
// sentence that shares no prefix term with the candidate can neither pass
// the cosine threshold nor be contained in it. For those that share one,
// the candidate's terms give the cosine and the terms in common (the rest
// looked up term by term). One that contains the candidate holds a term of
// the candidate's own containment prefix; a shared quote or the same words
// share a hash. Up to kLinear taken sentences, a pass over them is as quick
// and no index is built.
class TakenSentences {
 public:
  explicit TakenSentences(const RedundancyCheck& check) : check_(check) {}

  bool RedundantWithAny(size_t candidate);
  void Add(size_t sentence);
  bool Holds(size_t sentence) const;
  const std::vector<size_t>& ids() const { return ids_; }

 private:
  static constexpr size_t kLinear = 16;
  // How far under the cosine threshold a bound must stay: the cosine's own
  // sum is rounded.
  static constexpr double kRounding = 1e-9;

  struct TermShare {
    uint32_t term;   // or, in prefix_, the sentence
    double weight;   // over its vector's norm
  };

  void IndexSentence(size_t sentence);
  // The vector's entries, heaviest first.
  std::vector<uint32_t> Heaviest(size_t sentence) const;
  // How many of them leave a rest of norm <= the cosine threshold.
  size_t SimilarityPrefix(size_t sentence, const std::vector<uint32_t>& order) const;
  // How many of them another sentence must meet one of to hold the share of
  // them that makes this one contained; 0: it is too short to be.
  size_t ContainmentPrefix(size_t sentence) const;
  // The taken sentences holding a phrase or words of this hash.
  std::vector<uint32_t>& Hashed(uint64_t hash);
  // Whether the cosine and containment rules may hold, from `cosine` and
  // `common` terms; then the full test, once per candidate.
  bool MayBe(size_t a, size_t b, double cosine, size_t common) const;
  bool Verify(size_t candidate, uint32_t taken);

  // Built once the selection outgrows kLinear (most summaries never do).
  struct Index {
    std::vector<std::vector<TermShare>> prefix;  // by term: sentences with it in their prefix
    std::vector<std::vector<uint32_t>> holders;  // by term: sentences holding it
    KeyIndex hashes;                             // phrases' and words' hashes
    std::vector<std::vector<uint32_t>> hashed;   // by hashes number
    std::vector<TermShare> rests;                 // the entries past each prefix
    std::vector<std::pair<uint32_t, uint32_t>> rest_of;  // by sentence: its range
    // For the current ask (numbered ask). By term: the candidate's share.
    std::vector<uint32_t> term_at;
    std::vector<double> share;
    // By sentence: its cosine and containment settled, the full test asked;
    // the cosine and common terms over its prefix.
    std::vector<uint32_t> settled_at, asked_at;
    std::vector<double> cosine;
    std::vector<uint32_t> hits;
    std::vector<uint32_t> touched;
    uint32_t ask = 0;
  };

  const RedundancyCheck& check_;
  std::vector<size_t> ids_;
  std::vector<bool> held_;  // by sentence: taken
  std::unique_ptr<Index> index_;
};

}  // namespace precis

#endif  // PRECIS_SELECT_REDUNDANCY_H_
