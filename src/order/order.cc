#include "order/order.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "base/date.h"

namespace precis {

void OrderForReading(const Cluster& cluster, const AnalyzedCluster& analyzed,
                     std::vector<Selected>* selected) {
  const bool dated = std::all_of(cluster.docs.begin(), cluster.docs.end(),
                                 [](const Document& d) { return !d.date.empty(); });
  std::vector<std::string> date(cluster.docs.size());
  if (dated) {
    for (size_t d = 0; d < date.size(); ++d) date[d] = DateKey(cluster.docs[d].date);
  }
  auto key = [&](const Selected& s) {
    const Sentence& sentence = analyzed.sentences[s.sentence];
    return std::tie(s.truncated, date[sentence.doc], sentence.doc, sentence.span.begin);
  };
  std::stable_sort(selected->begin(), selected->end(),
                   [&](const Selected& a, const Selected& b) { return key(a) < key(b); });
}

}  // namespace precis
