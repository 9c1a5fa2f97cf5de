#include "select/concepts.h"

#include <algorithm>

#include "base/key_index.h"

namespace precis {

ConceptModel BuildConcepts(const AnalyzedCluster& analyzed, const std::vector<bool>& keep,
                           size_t documents, const ConceptOptions& options,
                           const std::vector<bool>* copies) {
  const auto& sentences = analyzed.sentences;
  const Vocabulary& vocab = analyzed.vocab;
  const bool by_document = documents >= 3;
  const bool count_copies =
      copies != nullptr && documents <= size_t(options.count_copies_up_to_documents);
  // Sentences whose concepts count; only kept ones hold concepts.
  auto counts = [&](uint32_t i) { return keep[i] || (count_copies && (*copies)[i]); };
  struct Stat {
    uint32_t count = 0;
    uint32_t last_unit = UINT32_MAX;
    uint32_t first_position = UINT32_MAX;
    uint32_t id = UINT32_MAX;
  };
  // Numbers in order of first use: content words by term id, bigrams through
  // an index sized for every bigram the counted sentences hold (it never grows).
  size_t most_bigrams = 0, kept_terms = 0;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    if (!counts(i) || sentences[i].terms.empty()) continue;
    most_bigrams += sentences[i].terms.size() - 1;
    kept_terms += sentences[i].terms.size();
  }
  KeyIndex bigrams(most_bigrams);
  std::vector<uint32_t> bigram_number;                    // by bigram index number
  std::vector<uint32_t> word_number(options.unigram_weight > 0 ? vocab.size() : 0,
                                    UINT32_MAX);           // by term id
  std::vector<Stat> stats;
  std::vector<bool> unigram;  // by number
  // Each counted sentence's numbers, in order of use: one flat list.
  std::vector<uint32_t> numbers;
  numbers.reserve(most_bigrams + (options.unigram_weight > 0 ? kept_terms : 0));
  std::vector<uint32_t> numbers_end(sentences.size(), 0);  // by sentence
  const std::vector<uint32_t> position = KeptPositions(analyzed, keep);
  auto use = [&](uint32_t i, uint32_t& number, bool word, uint32_t unit) {
    if (number == UINT32_MAX) {
      number = uint32_t(stats.size());
      stats.emplace_back();
      unigram.push_back(word);
    }
    numbers.push_back(number);
    Stat& st = stats[number];
    if (st.last_unit != unit) {
      st.last_unit = unit;
      ++st.count;
    }
    st.first_position = std::min(st.first_position, position[i]);
  };
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    if (counts(i)) {
      const Sentence& s = sentences[i];
      const uint32_t unit = by_document ? s.doc : i;
      for (size_t k = 0; k + 1 < s.terms.size(); ++k) {
        const uint32_t a = s.terms[k], b = s.terms[k + 1];
        if (vocab.IsStop(a) && vocab.IsStop(b)) continue;
        const uint32_t n = bigrams.Number((uint64_t(a) << 32) | b);
        if (n == bigram_number.size()) bigram_number.push_back(UINT32_MAX);
        use(i, bigram_number[n], false, unit);
      }
      if (options.unigram_weight > 0) {
        for (uint32_t t : s.terms) {
          if (!vocab.IsStop(t)) use(i, word_number[t], true, unit);
        }
      }
    }
    numbers_end[i] = uint32_t(numbers.size());
  }
  const uint32_t min_count =
      uint32_t(by_document ? options.min_documents : options.min_sentences);
  const uint32_t min_word_count =
      uint32_t(by_document ? options.min_word_documents : options.min_sentences);
  ConceptModel model;
  model.concepts.resize(sentences.size());
  // Ids in order of first use, so the model does not depend on hashing.
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!keep[i]) continue;
    const uint32_t begin = i == 0 ? 0 : numbers_end[i - 1];
    for (uint32_t k = begin; k < numbers_end[i]; ++k) {
      const uint32_t number = numbers[k];
      Stat& st = stats[number];
      if (st.count < (unigram[number] ? min_word_count : min_count)) continue;
      if (st.id == UINT32_MAX) {
        st.id = uint32_t(model.weight.size());
        const double scale = unigram[number] ? options.unigram_weight : 1.0;
        model.word.push_back(unigram[number]);
        model.weight.push_back(scale * double(st.count) *
                               (1 + options.position_boost / (1.0 + st.first_position)));
      }
      model.concepts[i].push_back(st.id);
    }
    auto& c = model.concepts[i];
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
  }
  return model;
}

double ConceptValue(const ConceptModel& model, const std::vector<size_t>& sentences) {
  std::vector<uint32_t> all;
  for (size_t s : sentences) {
    all.insert(all.end(), model.concepts[s].begin(), model.concepts[s].end());
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  double value = 0;
  for (uint32_t c : all) value += model.weight[c];
  return value;
}

double ConceptValue(const ConceptModel& model, size_t sentence) {
  double value = 0;
  for (uint32_t c : model.concepts[sentence]) value += model.weight[c];
  return value;
}

}  // namespace precis
