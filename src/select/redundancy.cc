#include "select/redundancy.h"

#include <algorithm>

namespace precis {
namespace {

// Terms a and b share (both sorted).
size_t CommonTerms(const SparseVector& a, const SparseVector& b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.entries.size() && j < b.entries.size()) {
    if (a.entries[i].term < b.entries[j].term) ++i;
    else if (b.entries[j].term < a.entries[i].term) ++j;
    else { ++common; ++i; ++j; }
  }
  return common;
}

bool ShareAny(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else return true;
  }
  return false;
}

}  // namespace

RedundancyCheck::RedundancyCheck(const AnalyzedCluster& analyzed,
                                 const ClusterModel& model,
                                 const std::vector<bool>& keep,
                                 const RedundancyOptions& options)
    : analyzed_(analyzed),
      model_(model),
      options_(options),
      keep_(keep),
      phrases_(analyzed.sentences.size()),
      ready_(analyzed.sentences.size(), false) {}

const std::vector<uint64_t>& RedundancyCheck::Phrases(size_t i) const {
  if (!ready_[i]) {
    if (keep_[i]) {
      phrases_[i] = PhraseHashes(analyzed_.sentences[i], analyzed_.vocab, options_.quote_ngram);
    }
    ready_[i] = true;
  }
  return phrases_[i];
}

bool RedundancyCheck::Similar(double cosine) const {
  return cosine > options_.max_similarity;
}

bool RedundancyCheck::Contained(size_t common, size_t shorter) const {
  return shorter >= 4 && double(common) / double(shorter) >= options_.max_containment;
}

bool RedundancyCheck::Redundant(size_t a, size_t b) const {
  if (a == b) return false;
  const SparseVector& va = model_.vectors[a];
  const SparseVector& vb = model_.vectors[b];
  if (Similar(Cosine(va, vb))) return true;
  if (Contained(CommonTerms(va, vb), std::min(va.entries.size(), vb.entries.size()))) {
    return true;
  }
  return ShareAny(Phrases(a), Phrases(b));
}

bool RedundancyCheck::RedundantWithAny(size_t candidate,
                                       const std::vector<size_t>& chosen) const {
  for (size_t c : chosen) {
    if (Redundant(candidate, c)) return true;
  }
  return false;
}

std::vector<std::pair<int, int>> RedundancyCheck::RedundantPairs(
    const std::vector<size_t>& ids) const {
  const size_t m = ids.size();
  // Postings (term, position in ids, weight), sorted by term then position:
  // walking them term by term adds each pair's products in the order Cosine
  // adds them, so the dot products are bit-identical.
  struct Posting {
    uint32_t term;
    uint32_t at;
    float weight;
  };
  std::vector<Posting> postings;
  std::vector<std::pair<uint64_t, uint32_t>> phrases;
  for (size_t a = 0; a < m; ++a) {
    for (const TermWeight& e : model_.vectors[ids[a]].entries) {
      postings.push_back({e.term, uint32_t(a), e.weight});
    }
    const std::vector<uint64_t>& p = Phrases(ids[a]);
    for (size_t i = 0; i < p.size(); ++i) {
      if (i == 0 || p[i] != p[i - 1]) phrases.push_back({p[i], uint32_t(a)});
    }
  }
  std::sort(postings.begin(), postings.end(), [](const Posting& x, const Posting& y) {
    return x.term != y.term ? x.term < y.term : x.at < y.at;
  });
  std::sort(phrases.begin(), phrases.end());
  std::vector<double> dot(m * m, 0.0);
  std::vector<uint32_t> common(m * m, 0);
  std::vector<bool> quote(m * m, false);
  for (size_t lo = 0; lo < postings.size();) {
    size_t hi = lo;
    while (hi < postings.size() && postings[hi].term == postings[lo].term) ++hi;
    for (size_t x = lo; x < hi; ++x) {
      for (size_t y = x + 1; y < hi; ++y) {
        const size_t cell = size_t(postings[x].at) * m + postings[y].at;
        dot[cell] += double(postings[x].weight) * postings[y].weight;
        ++common[cell];
      }
    }
    lo = hi;
  }
  for (size_t lo = 0; lo < phrases.size();) {
    size_t hi = lo;
    while (hi < phrases.size() && phrases[hi].first == phrases[lo].first) ++hi;
    for (size_t x = lo; x < hi; ++x) {
      for (size_t y = x + 1; y < hi; ++y) {
        if (phrases[x].second != phrases[y].second) {
          quote[size_t(phrases[x].second) * m + phrases[y].second] = true;
        }
      }
    }
    lo = hi;
  }
  std::vector<std::pair<int, int>> out;
  for (size_t a = 0; a < m; ++a) {
    const SparseVector& va = model_.vectors[ids[a]];
    for (size_t b = a + 1; b < m; ++b) {
      if (ids[a] == ids[b]) continue;
      const SparseVector& vb = model_.vectors[ids[b]];
      const size_t cell = a * m + b;
      // Cosine's value, from the same products in the same order.
      const double cosine =
          va.norm == 0 || vb.norm == 0 ? 0 : dot[cell] / (va.norm * vb.norm);
      if (Similar(cosine) ||
          Contained(common[cell], std::min(va.entries.size(), vb.entries.size())) ||
          quote[cell]) {
        out.push_back({int(a), int(b)});
      }
    }
  }
  return out;
}

}  // namespace precis
