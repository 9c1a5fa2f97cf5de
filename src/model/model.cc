#include "model/model.h"

#include <algorithm>
#include <cmath>

#include "base/hash.h"

namespace precis {

double Cosine(const SparseVector& a, const SparseVector& b) {
  if (a.norm == 0 || b.norm == 0) return 0;
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.entries.size() && j < b.entries.size()) {
    const uint32_t x = a.entries[i].term, y = b.entries[j].term;
    if (x < y) ++i;
    else if (y < x) ++j;
    else dot += double(a.entries[i++].weight) * b.entries[j++].weight;
  }
  return dot / (a.norm * b.norm);
}

ClusterModel BuildModel(const AnalyzedCluster& analyzed,
                        const std::vector<bool>& keep) {
  const auto& sentences = analyzed.sentences;
  const Vocabulary& vocab = analyzed.vocab;
  ClusterModel model;
  std::vector<uint32_t> df(vocab.size(), 0);
  std::vector<uint32_t> last_seen(vocab.size(), UINT32_MAX);
  size_t n = 0;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    if (!keep[i]) continue;
    ++n;
    for (uint32_t t : sentences[i].terms) {
      if (!vocab.IsStop(t) && last_seen[t] != i) {
        last_seen[t] = i;
        ++df[t];
      }
    }
  }
  model.idf.assign(vocab.size(), 0.0f);
  for (size_t t = 0; t < vocab.size(); ++t) {
    if (df[t] > 0) model.idf[t] = float(std::log((n + 1.0) / df[t]));
  }
  model.vectors.resize(sentences.size());
  std::vector<uint32_t> terms;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!keep[i]) continue;
    terms.clear();
    for (uint32_t t : sentences[i].terms) {
      if (!vocab.IsStop(t)) terms.push_back(t);
    }
    std::sort(terms.begin(), terms.end());
    model.vectors[i] = CountVector(
        terms, [&](uint32_t t, size_t count) { return float(count) * model.idf[t]; });
  }
  return model;
}

std::vector<uint64_t> PhraseHashes(const Sentence& s, const Vocabulary& vocab,
                                   int n) {
  std::vector<uint64_t> out;
  const auto& t = s.terms;
  if (n <= 0 || t.size() < static_cast<size_t>(n)) return out;
  for (size_t i = 0; i + n <= t.size(); ++i) {
    int content = 0;
    for (int k = 0; k < n; ++k) content += !vocab.IsStop(t[i + k]);
    if (content >= 2) out.push_back(HashTerms(t.data() + i, size_t(n)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace precis
