#include "score/lead.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "base/date.h"

namespace precis {

std::vector<double> LeadScores(const ScoreContext& ctx) {
  const auto& docs = ctx.cluster.docs;
  std::vector<size_t> rank(docs.size());  // 0 = preferred document
  std::vector<size_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0);
  const bool dated = std::all_of(docs.begin(), docs.end(),
                                 [](const Document& d) { return !d.date.empty(); });
  if (dated) {
    std::vector<std::string> date(docs.size());
    for (size_t d = 0; d < docs.size(); ++d) date[d] = DateKey(docs[d].date);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return date[a] > date[b]; });
  }
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  std::vector<double> scores(ctx.keep.size(), 0.0);
  // Position among the document's kept sentences, so a dropped title does not
  // push the real lead sentence down. The tie-break keeps every score at
  // position p above 1 / (p + 2), the best score at position p + 1.
  const double d = double(docs.size());
  const std::vector<uint32_t> position = KeptPositions(ctx.analyzed, ctx.keep);
  for (size_t i = 0; i < scores.size(); ++i) {
    if (!ctx.keep[i]) continue;
    const double p = position[i];
    scores[i] = (1.0 - double(rank[ctx.analyzed.sentences[i].doc]) / ((d + 1) * (p + 2))) /
                (1.0 + p);
  }
  return scores;
}

}  // namespace precis
