#include "order/order.h"

#include <algorithm>
#include <tuple>

namespace precis {

void OrderForReading(const Cluster& cluster, const AnalyzedCluster& analyzed,
                     std::vector<Selected>* selected) {
  const bool dated = std::all_of(cluster.docs.begin(), cluster.docs.end(),
                                 [](const Document& d) { return !d.date.empty(); });
  static const std::string kUndated;
  auto key = [&](const Selected& s) {
    const Sentence& sentence = analyzed.sentences[s.sentence];
    const std::string& date = dated ? cluster.docs[sentence.doc].date : kUndated;
    return std::tie(s.truncated, date, sentence.doc, sentence.span.begin);
  };
  std::stable_sort(selected->begin(), selected->end(),
                   [&](const Selected& a, const Selected& b) { return key(a) < key(b); });
}

}  // namespace precis
