// Not public: use include/precis/rouge.h. The counting behind each metric,
// on token ids, and the script's per-evaluation R/P/F.
#ifndef PRECIS_EVAL_METRICS_H_
#define PRECIS_EVAL_METRICS_H_

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "eval/prepare.h"
#include "precis/rouge.h"

namespace precis::rouge {

struct Metric {
  enum Kind { kNgram, kLcs, kWlcs, kSkip };
  Kind kind;
  int n = 0;               // kNgram
  bool unigrams = false;   // kSkip: ROUGE-SU
  std::string name;
};

std::vector<Metric> SelectMetrics(const Options& options);

// sprintf("%7.5f") read back as a number: every figure the script keeps.
double Round5(double x);

// Everything about one peer that the metrics reuse across models.
struct PeerView {
  const Prepared* text;
  std::vector<std::vector<uint64_t>> sorted_grams;  // [n-1]: sorted n-grams
  std::vector<uint64_t> sorted_skip;                // skip bigrams (+unigrams)
};

// Scratch for one evaluation: n-gram interning shared by peer and models.
class GramTable {
 public:
  // Sorted ids of the n-grams of `tokens` for n = 1..max_n.
  std::vector<std::vector<uint64_t>> NGrams(const std::vector<uint32_t>& tokens,
                                            int max_n);

 private:
  std::vector<uint32_t> Level(const std::vector<uint32_t>& prev,
                              const std::vector<uint32_t>& tokens, int n);
  std::unordered_map<uint64_t, uint32_t> pairs_;
};

// Sorted skip-bigram keys of `tokens`, as the script forms them: pairs
// (i, j), i < j, j - i <= distance + 1 (any gap when distance < 0), plus,
// for SU, every token but the last as a unigram.
std::vector<uint64_t> SkipGrams(const std::vector<uint32_t>& tokens,
                                int distance, bool unigrams);

// Sum over shared keys of min(count in a, count in b); both sorted.
double ClippedHits(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

struct LcsResult {
  double hit = 0;
  double base = 0;  // model units' length (ROUGE-L) or sum of len^w (ROUGE-W)
};

// Union-LCS of each model unit against all peer units, clipped by unigram
// budgets, as ROUGE-1.5.5 does. `weight` > 0 gives ROUGE-W's weighted hits.
LcsResult UnionLcs(const Prepared& model, const Prepared& peer, size_t vocab_size,
                   double weight);

}  // namespace precis::rouge

#endif  // PRECIS_EVAL_METRICS_H_
