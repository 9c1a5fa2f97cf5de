// Not public: weighted bigram concepts, the objective of the ILP selector
// and of concept-coverage greedy selection. Use precis/summarizer.h.
//
// Gillick & Favre 2009, "A scalable global model for summarization" (ILP for
// NLP workshop), and the ICSI system (Gillick, Favre & Hakkani-Tur 2008): a
// concept is a bigram of stems (adjacent words of one sentence), ignoring
// bigrams of two stopwords; its weight is the number of documents that use
// it, and only concepts used in at least min_documents documents count
// (3 for a 10-document DUC cluster). A summary's value is the total weight
// of the distinct concepts it holds. With fewer than 3 documents,
// sentences stand in for documents and min_sentences applies instead.
// Optionally (unigram_weight), content words are concepts too.
#ifndef PRECIS_SELECT_CONCEPTS_H_
#define PRECIS_SELECT_CONCEPTS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/model.h"

namespace precis {

struct ConceptOptions {
  int min_documents = 3;
  int min_sentences = 2;
  // The same pruning for content-word concepts (unigram_weight), which can
  // differ: the default counts bigrams from 2 documents, words from 3.
  int min_word_documents = 3;
  // Optional extra weight for a concept's earliest use: weight *=
  // 1 + position_boost / (1 + first position in a document). 0 = the
  // paper's pure document counts.
  double position_boost = 0;
  // Distinct content words (stems) as concepts too, each weighing this times
  // its document count under the same pruning: the objective then also
  // covers the input's frequent words (what ROUGE-1 counts), and the many
  // tied optima of the bigram-only model (Boudin, Mougard & Favre 2015,
  // "Concept-based summarization using integer linear programming") mostly
  // disappear. 0 = bigrams only, the paper's model.
  double unigram_weight = 0;
  // In a cluster of at most this many documents, a near copy that cleaning
  // dropped (CleanResult::copy) still counts for the concepts it uses, as
  // its document's (or sentence's) use: the copy is out of the summary, not
  // out of the evidence. Where 2 to 4 documents vote, a sentence another
  // outlet repeats is the strongest agreement there is; dropping it leaves
  // its concepts in one document, under min_documents. In large clusters
  // copies are mostly one agency reusing its own paragraphs (9 of 10 on
  // duc2003-t3), which counted would outvote the cluster. 0 = never.
  int count_copies_up_to_documents = 0;
};

struct ConceptModel {
  std::vector<double> weight;                  // by concept id
  std::vector<bool> word;                      // by concept id: a content word
  std::vector<std::vector<uint32_t>> concepts; // by sentence: distinct ids, sorted
};

// `copies` (by sentence, or null) marks the near copies cleaning dropped.
ConceptModel BuildConcepts(const AnalyzedCluster& analyzed, const std::vector<bool>& keep,
                           size_t documents, const ConceptOptions& options = {},
                           const std::vector<bool>* copies = nullptr);

// Total weight of the distinct concepts of `sentences`.
double ConceptValue(const ConceptModel& model, const std::vector<size_t>& sentences);

// The same for one sentence (its concepts are distinct already).
double ConceptValue(const ConceptModel& model, size_t sentence);

}  // namespace precis

#endif  // PRECIS_SELECT_CONCEPTS_H_
