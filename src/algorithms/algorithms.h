// Not public: the summarization systems `--algorithm` names, each a scorer
// (src/score/) with its natural selector (src/select/). Use
// precis/summarizer.h (SummarizerOptions::algorithm, Algorithms()).
#ifndef PRECIS_ALGORITHMS_ALGORITHMS_H_
#define PRECIS_ALGORITHMS_ALGORITHMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "score/scorer.h"
#include "select/select.h"

namespace precis {

struct AlgorithmSpec {
  std::string_view name;
  std::string_view description;
};

// Every algorithm, in the order `precis algorithms` lists them.
const std::vector<AlgorithmSpec>& AlgorithmSpecs();
bool IsAlgorithm(std::string_view name);

struct AlgorithmRun {
  std::vector<double> scores;      // by sentence: what the output reports
  std::vector<Selected> selected;  // in selection order
  std::string fallback;            // empty, or why the selector fell back
};

// `name` must satisfy IsAlgorithm.
AlgorithmRun RunAlgorithm(std::string_view name, const ScoreContext& ctx,
                          const SelectOptions& options);

}  // namespace precis

#endif  // PRECIS_ALGORITHMS_ALGORITHMS_H_
