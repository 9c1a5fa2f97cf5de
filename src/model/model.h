// Not public: the model stage: term weights, sentence vectors and the
// similarities that scorers and selectors share. Use precis/summarizer.h.
#ifndef PRECIS_MODEL_MODEL_H_
#define PRECIS_MODEL_MODEL_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "text/sentences.h"

namespace precis {

struct TermWeight {
  uint32_t term;
  float weight;
};

// A sparse vector over content terms, sorted by term id, with its norm.
struct SparseVector {
  std::vector<TermWeight> entries;
  double norm = 0;
};

double Cosine(const SparseVector& a, const SparseVector& b);

// The vector of a sorted list of ids, repeats counted: one entry per
// distinct id, weighted weight(id, count), and the norm.
template <typename Weight>
SparseVector CountVector(const std::vector<uint32_t>& sorted, Weight weight) {
  SparseVector v;
  v.entries.reserve(sorted.size());  // one allocation: at most one entry per term
  double sq = 0;
  for (size_t k = 0; k < sorted.size();) {
    size_t e = k;
    while (e < sorted.size() && sorted[e] == sorted[k]) ++e;
    const float w = weight(sorted[k], e - k);
    v.entries.push_back({sorted[k], w});
    sq += double(w) * w;
    k = e;
  }
  v.norm = std::sqrt(sq);
  return v;
}

struct ClusterModel {
  std::vector<float> idf;              // by term id; 0 for stopwords
  std::vector<SparseVector> vectors;   // tf-idf, by sentence index
};

// IDF from the cluster itself: each kept sentence counts as one "document",
// idf(t) = log(N / df(t)) (smoothed so a term in every sentence keeps a small
// weight). Sentences not kept get empty vectors.
ClusterModel BuildModel(const AnalyzedCluster& analyzed,
                        const std::vector<bool>& keep);

// Hashes of every run of `n` consecutive words (stopwords included) holding
// at least two content words, sorted: two sentences sharing one repeat the
// same quote or phrase.
std::vector<uint64_t> PhraseHashes(const Sentence& s, const Vocabulary& vocab,
                                   int n);

}  // namespace precis

#endif  // PRECIS_MODEL_MODEL_H_
