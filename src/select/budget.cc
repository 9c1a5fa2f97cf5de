#include "select/budget.h"

#include <algorithm>

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

BudgetMeter::BudgetMeter(const Cluster& cluster, const AnalyzedCluster& analyzed,
                         const Budget& budget)
    : cluster_(cluster), analyzed_(analyzed) {
  unit_ = budget.unit == BudgetUnit::kRatio ? BudgetUnit::kWords : budget.unit;
  capacity_ = ResolveBudget(budget, cluster);
  if (unit_ == BudgetUnit::kBytes) capacity_ += 1;
}

double BudgetMeter::Cost(size_t sentence) const {
  const Sentence& s = analyzed_.sentences[sentence];
  switch (unit_) {
    case BudgetUnit::kWords: return s.words;
    case BudgetUnit::kBytes: return double(s.span.size()) + 1;
    default: return 1;
  }
}

Selected BudgetMeter::Whole(size_t sentence) const {
  return {sentence, analyzed_.sentences[sentence].span.end, false};
}

std::optional<Selected> BudgetMeter::Cut(size_t sentence, double used) const {
  if (unit_ == BudgetUnit::kSentences || unit_ == BudgetUnit::kRatio) return std::nullopt;
  const Sentence& s = analyzed_.sentences[sentence];
  const std::string_view text = cluster_.docs[s.doc].text;
  const double room = capacity_ - used;
  Selected sel{sentence, s.span.end, true};
  if (unit_ == BudgetUnit::kWords) {
    if (room < 1) return std::nullopt;
    sel.end = CutAfterWords(text, s.span.begin, s.span.end, size_t(room));
  } else {
    if (room <= 1) return std::nullopt;  // one byte goes to the separator
    sel.end = CutAtBytes(text, s.span.begin, size_t(room - 1));
    // Like every span, the cut one ends on a character, not on whitespace.
    while (sel.end > s.span.begin && IsSpace(text[sel.end - 1])) --sel.end;
  }
  if (sel.end == s.span.begin) return std::nullopt;
  return sel;
}

void FillByTruncation(const BudgetMeter& meter, const RedundancyCheck& redundancy,
                      const std::vector<size_t>& preference, double used,
                      std::vector<Selected>* chosen) {
  if (meter.unit() == BudgetUnit::kSentences) return;
  TakenSentences taken(redundancy);
  for (const Selected& s : *chosen) taken.Add(s.sentence);
  for (size_t i : preference) {
    if (taken.Holds(i) || taken.RedundantWithAny(i)) continue;
    if (used + meter.Cost(i) <= meter.capacity()) {
      chosen->push_back(meter.Whole(i));
      used += meter.Cost(i);
      taken.Add(i);
      continue;
    }
    if (auto cut = meter.Cut(i, used)) chosen->push_back(*cut);
    return;
  }
}

}  // namespace precis
