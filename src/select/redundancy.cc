#include "select/redundancy.h"

#include <algorithm>
#include <cmath>

#include "base/hash.h"

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

// Calls f(a, b) for the values of each two entries with the same key, in
// order (`keyed` is sorted).
template <typename F>
void ForEqualKeys(const std::vector<std::pair<uint64_t, uint32_t>>& keyed, F f) {
  for (size_t lo = 0; lo < keyed.size();) {
    size_t hi = lo;
    while (hi < keyed.size() && keyed[hi].first == keyed[lo].first) ++hi;
    for (size_t x = lo; x < hi; ++x) {
      for (size_t y = x + 1; y < hi; ++y) f(keyed[x].second, keyed[y].second);
    }
    lo = hi;
  }
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

bool RedundancyCheck::SameWords(size_t a, size_t b) const {
  const std::vector<uint32_t>& terms = analyzed_.sentences[a].terms;
  return !terms.empty() && terms == analyzed_.sentences[b].terms;
}

bool RedundancyCheck::Redundant(size_t a, size_t b) const {
  if (a == b) return false;
  const SparseVector& va = model_.vectors[a];
  const SparseVector& vb = model_.vectors[b];
  if (Similar(Cosine(va, vb))) return true;
  if (Contained(CommonTerms(va, vb), std::min(va.entries.size(), vb.entries.size()))) {
    return true;
  }
  return ShareAny(Phrases(a), Phrases(b)) || SameWords(a, b);
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
  std::vector<std::pair<uint64_t, uint32_t>> phrases, words;
  for (size_t a = 0; a < m; ++a) {
    for (const TermWeight& e : model_.vectors[ids[a]].entries) {
      postings.push_back({e.term, uint32_t(a), e.weight});
    }
    const std::vector<uint64_t>& p = Phrases(ids[a]);
    for (size_t i = 0; i < p.size(); ++i) {
      if (i == 0 || p[i] != p[i - 1]) phrases.push_back({p[i], uint32_t(a)});
    }
    const std::vector<uint32_t>& terms = analyzed_.sentences[ids[a]].terms;
    if (!terms.empty()) words.push_back({HashTerms(terms.data(), terms.size()), uint32_t(a)});
  }
  std::sort(postings.begin(), postings.end(), [](const Posting& x, const Posting& y) {
    return x.term != y.term ? x.term < y.term : x.at < y.at;
  });
  std::sort(phrases.begin(), phrases.end());
  std::sort(words.begin(), words.end());
  std::vector<double> dot(m * m, 0.0);
  std::vector<uint32_t> common(m * m, 0);
  std::vector<bool> shared(m * m, false);  // a quote, or every word
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
  ForEqualKeys(phrases, [&](uint32_t a, uint32_t b) {
    if (a != b) shared[size_t(a) * m + b] = true;
  });
  ForEqualKeys(words, [&](uint32_t a, uint32_t b) {  // a hash: confirmed
    if (ids[a] != ids[b] && SameWords(ids[a], ids[b])) shared[size_t(a) * m + b] = true;
  });
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
          shared[cell]) {
        out.push_back({int(a), int(b)});
      }
    }
  }
  return out;
}

std::vector<uint32_t>& TakenSentences::Hashed(uint64_t hash) {
  const uint32_t number = index_->hashes.Number(hash);
  if (number >= index_->hashed.size()) index_->hashed.resize(number + 1);
  return index_->hashed[number];
}

bool TakenSentences::Holds(size_t sentence) const {
  return sentence < held_.size() && held_[sentence];
}

std::vector<uint32_t> TakenSentences::Heaviest(size_t sentence) const {
  const std::vector<TermWeight>& e = check_.model_.vectors[sentence].entries;
  std::vector<uint32_t> order(e.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const float wx = std::fabs(e[x].weight), wy = std::fabs(e[y].weight);
    return wx != wy ? wx > wy : x < y;
  });
  return order;
}

size_t TakenSentences::SimilarityPrefix(size_t sentence,
                                        const std::vector<uint32_t>& order) const {
  const SparseVector& v = check_.model_.vectors[sentence];
  if (v.norm == 0) return 0;  // its cosine is 0 with any sentence
  const double bar = (check_.options_.max_similarity - kRounding) * v.norm;
  size_t prefix = order.size();
  double rest = 0;  // squared norm of the entries from `prefix` on
  while (prefix > 0) {
    const double w = v.entries[order[prefix - 1]].weight;
    if (std::sqrt(rest + w * w) > bar) break;
    rest += w * w;
    --prefix;
  }
  return prefix;
}

size_t TakenSentences::ContainmentPrefix(size_t sentence) const {
  const size_t terms = check_.model_.vectors[sentence].entries.size();
  if (!check_.Contained(terms, terms)) return 0;  // too short to be contained
  size_t need = 1;  // Add made sure that no terms in common never count
  while (!check_.Contained(need, terms)) ++need;
  return terms - need + 1;
}

void TakenSentences::IndexSentence(size_t b) {
  const SparseVector& v = check_.model_.vectors[b];
  const std::vector<uint32_t> order = Heaviest(b);
  const size_t prefix = std::max(SimilarityPrefix(b, order), ContainmentPrefix(b));
  Index& x = *index_;
  x.rest_of[b].first = uint32_t(x.rests.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const TermWeight& e = v.entries[order[k]];
    const double share = e.weight / v.norm;
    if (k < prefix) {
      x.prefix[e.term].push_back({uint32_t(b), share});
    } else {
      x.rests.push_back({e.term, share});
    }
    x.holders[e.term].push_back(uint32_t(b));
  }
  x.rest_of[b].second = uint32_t(x.rests.size());
  for (uint64_t phrase : check_.Phrases(b)) Hashed(phrase).push_back(uint32_t(b));
  const std::vector<uint32_t>& terms = check_.analyzed_.sentences[b].terms;
  if (!terms.empty()) Hashed(HashTerms(terms.data(), terms.size())).push_back(uint32_t(b));
}

void TakenSentences::Add(size_t sentence) {
  ids_.push_back(sentence);
  const size_t n = check_.analyzed_.sentences.size();
  if (held_.empty()) held_.assign(n, false);
  held_[sentence] = true;
  if (index_) {
    IndexSentence(sentence);
  } else if (ids_.size() > kLinear && check_.options_.max_similarity > 1e-6 &&
             !check_.Contained(0, 4)) {
    // (A threshold at or below 0 makes pairs with nothing in common
    // redundant, which no index of what they share can find.)
    index_ = std::make_unique<Index>();
    const size_t terms = check_.analyzed_.vocab.size();
    index_->prefix.resize(terms);
    index_->holders.resize(terms);
    index_->rest_of.resize(n);
    index_->term_at.assign(terms, 0);
    index_->share.assign(terms, 0);
    index_->settled_at.assign(n, 0);
    index_->asked_at.assign(n, 0);
    index_->cosine.assign(n, 0);
    index_->hits.assign(n, 0);
    for (size_t b : ids_) IndexSentence(b);
  }
}

bool TakenSentences::MayBe(size_t a, size_t b, double cosine, size_t common) const {
  const size_t shorter = std::min(check_.model_.vectors[a].entries.size(),
                                  check_.model_.vectors[b].entries.size());
  return cosine > check_.options_.max_similarity - kRounding ||
         check_.Contained(common, shorter);
}

bool TakenSentences::Verify(size_t candidate, uint32_t taken) {
  if (index_->asked_at[taken] == index_->ask) return false;
  index_->asked_at[taken] = index_->ask;
  return check_.Redundant(candidate, taken);
}

bool TakenSentences::RedundantWithAny(size_t a) {
  if (!index_) return check_.RedundantWithAny(a, ids_);
  Index& x = *index_;
  const uint32_t ask = ++x.ask;
  const SparseVector& v = check_.model_.vectors[a];
  for (const TermWeight& e : v.entries) {
    x.term_at[e.term] = ask;
    x.share[e.term] = e.weight / v.norm;
  }
  // The taken sentences whose prefix meets the candidate: the cosine over
  // their prefix, and the terms in common there; then over their rest.
  x.touched.clear();
  for (const TermWeight& e : v.entries) {
    for (const TermShare& p : x.prefix[e.term]) {
      const uint32_t b = p.term;
      if (x.settled_at[b] != ask) {
        x.settled_at[b] = ask;
        x.cosine[b] = 0;
        x.hits[b] = 0;
        x.touched.push_back(b);
      }
      x.cosine[b] += x.share[e.term] * p.weight;
      ++x.hits[b];
    }
  }
  for (uint32_t b : x.touched) {
    double cosine = x.cosine[b];
    size_t common = x.hits[b];
    for (uint32_t k = x.rest_of[b].first; k < x.rest_of[b].second; ++k) {
      if (x.term_at[x.rests[k].term] != ask) continue;
      cosine += x.share[x.rests[k].term] * x.rests[k].weight;
      ++common;
    }
    if (MayBe(a, b, cosine, common) && Verify(a, b)) return true;
  }
  // Taken sentences that may contain the candidate and share no prefix term
  // with it (their cosine is under the threshold).
  if (const size_t prefix = ContainmentPrefix(a); prefix > 0) {
    const std::vector<uint32_t> order = Heaviest(a);
    for (size_t k = 0; k < prefix; ++k) {
      for (uint32_t b : x.holders[v.entries[order[k]].term]) {
        if (x.settled_at[b] == ask) continue;
        x.settled_at[b] = ask;
        size_t common = 0;
        for (const TermWeight& e : check_.model_.vectors[b].entries) {
          common += x.term_at[e.term] == ask;
        }
        if (MayBe(a, b, 0, common) && Verify(a, b)) return true;
      }
    }
  }
  for (uint64_t phrase : check_.Phrases(a)) {
    for (uint32_t b : Hashed(phrase)) {
      if (Verify(a, b)) return true;
    }
  }
  const std::vector<uint32_t>& terms = check_.analyzed_.sentences[a].terms;
  if (terms.empty()) return false;
  for (uint32_t b : Hashed(HashTerms(terms.data(), terms.size()))) {
    if (Verify(a, b)) return true;
  }
  return false;
}

}  // namespace precis
