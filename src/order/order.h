// Not public: the order stage. Use precis/summarizer.h.
#ifndef PRECIS_ORDER_ORDER_H_
#define PRECIS_ORDER_ORDER_H_

#include <vector>

#include "select/select.h"

namespace precis {

// Reading order: by document date when every document has one (oldest
// first, so the story unfolds as reported), then by document, then by
// position in the document. A sentence cut by --truncate comes last: it is
// where the budget ran out, and mid-summary it would read as a mistake.
void OrderForReading(const Cluster& cluster, const AnalyzedCluster& analyzed,
                     std::vector<Selected>* selected);

}  // namespace precis

#endif  // PRECIS_ORDER_ORDER_H_
