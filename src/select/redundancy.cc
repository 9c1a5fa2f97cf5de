#include "select/redundancy.h"

namespace precis {
namespace {

// Share of a's terms that b also has (both sorted).
double Containment(const SparseVector& a, const SparseVector& b) {
  if (a.entries.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.entries.size() && j < b.entries.size()) {
    if (a.entries[i].term < b.entries[j].term) ++i;
    else if (b.entries[j].term < a.entries[i].term) ++j;
    else { ++common; ++i; ++j; }
  }
  return double(common) / double(a.entries.size());
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
    : model_(model), options_(options), phrases_(analyzed.sentences.size()) {
  for (size_t i = 0; i < analyzed.sentences.size(); ++i) {
    if (keep[i]) {
      phrases_[i] = PhraseHashes(analyzed.sentences[i], analyzed.vocab,
                                 options.quote_ngram);
    }
  }
}

bool RedundancyCheck::Redundant(size_t a, size_t b) const {
  if (a == b) return false;
  const SparseVector& va = model_.vectors[a];
  const SparseVector& vb = model_.vectors[b];
  const SparseVector& shorter = va.entries.size() <= vb.entries.size() ? va : vb;
  const SparseVector& longer = &shorter == &va ? vb : va;
  if (Cosine(va, vb) > options_.max_similarity) return true;
  if (shorter.entries.size() >= 4 &&
      Containment(shorter, longer) >= options_.max_containment) {
    return true;
  }
  return ShareAny(phrases_[a], phrases_[b]);
}

bool RedundancyCheck::RedundantWithAny(size_t candidate,
                                       const std::vector<size_t>& chosen) const {
  for (size_t c : chosen) {
    if (Redundant(candidate, c)) return true;
  }
  return false;
}

}  // namespace precis
