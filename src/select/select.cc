#include "select/select.h"

#include <algorithm>
#include <cmath>

#include "base/utf8.h"
#include "select/redundancy.h"

namespace precis {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// End of the first `words` whitespace-separated words of text[begin, end).
size_t CutAfterWords(std::string_view text, size_t begin, size_t end, size_t words) {
  size_t i = begin;
  size_t seen = 0;
  while (i < end) {
    while (i < end && IsSpace(text[i])) ++i;
    if (i == end) break;
    while (i < end && !IsSpace(text[i])) ++i;
    if (++seen == words) return i;
  }
  return end;
}

// Largest cut <= begin + bytes that does not split a UTF-8 character.
size_t CutAtBytes(std::string_view text, size_t begin, size_t bytes) {
  size_t cut = begin + bytes;
  while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

RedundancyOptions RedundancyFor(const SelectOptions& options) {
  RedundancyOptions r;
  r.max_similarity = options.max_similarity;
  r.max_containment = options.max_containment;
  r.quote_ngram = options.quote_ngram;
  return r;
}

double ResolveBudget(const Budget& budget, const Cluster& cluster) {
  if (budget.unit != BudgetUnit::kRatio) return budget.value;
  size_t words = 0;
  for (const Document& d : cluster.docs) words += CountWhitespaceWords(d.text);
  return std::max(1.0, std::ceil(budget.value * double(words)));
}

std::vector<Selected> SelectGreedy(const Cluster& cluster,
                                   const AnalyzedCluster& analyzed,
                                   const ClusterModel& model,
                                   const std::vector<double>& scores,
                                   const std::vector<bool>& keep,
                                   const SelectOptions& options) {
  const auto& sentences = analyzed.sentences;
  std::vector<size_t> order;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (keep[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });

  const BudgetUnit unit = options.budget.unit == BudgetUnit::kRatio
                              ? BudgetUnit::kWords
                              : options.budget.unit;
  const double limit = ResolveBudget(options.budget, cluster);
  double used = 0;
  std::vector<Selected> chosen;
  std::vector<size_t> chosen_ids;
  const RedundancyCheck redundancy(analyzed, model, keep, RedundancyFor(options));
  for (size_t i : order) {
    if (unit == BudgetUnit::kSentences && used >= limit) break;
    if (unit != BudgetUnit::kSentences && used >= limit) break;
    const Sentence& s = sentences[i];
    if (redundancy.RedundantWithAny(i, chosen_ids)) continue;

    double cost = 1;
    if (unit == BudgetUnit::kWords) cost = s.words;
    if (unit == BudgetUnit::kBytes) cost = s.span.size() + (chosen.empty() ? 0 : 1);
    Selected sel{i, s.span.end, false};
    if (used + cost > limit) {
      if (!options.truncate || unit == BudgetUnit::kSentences) continue;
      const std::string_view text = cluster.docs[s.doc].text;
      const double room = limit - used;
      if (unit == BudgetUnit::kWords) {
        sel.end = CutAfterWords(text, s.span.begin, s.span.end, size_t(room));
        cost = room;
      } else {
        const double separator = chosen.empty() ? 0 : 1;
        if (room <= separator) break;
        sel.end = CutAtBytes(text, s.span.begin, size_t(room - separator));
        if (sel.end == s.span.begin) break;
        cost = room;
      }
      sel.truncated = true;
    }
    used += cost;
    chosen.push_back(sel);
    chosen_ids.push_back(i);
    if (sel.truncated) break;
  }
  return chosen;
}

}  // namespace precis
