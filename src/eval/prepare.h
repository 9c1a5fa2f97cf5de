// Not public: use include/precis/rouge.h. Turns a Document into the token id
// sequences ROUGE-1.5.5 counts, with its truncation and tokenization rules.
#ifndef PRECIS_EVAL_PREPARE_H_
#define PRECIS_EVAL_PREPARE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eval/lexicon.h"
#include "precis/rouge.h"

namespace precis::rouge {

// Interns tokens of one evaluation (a peer and its models), so metrics
// compare integers. Not thread-safe: one per evaluation being scored.
class Vocabulary {
 public:
  Vocabulary(const Lexicon& lexicon, bool stem, bool remove_stopwords)
      : lexicon_(lexicon), stem_(stem), remove_stopwords_(remove_stopwords) {}

  static constexpr uint32_t kDropped = UINT32_MAX;

  // The id of the token a raw [a-z0-9]+ run becomes after stopword removal
  // and stemming, or kDropped for a stopword. Cached per raw run.
  uint32_t Map(std::string_view raw);
  size_t size() const { return ids_.size(); }

 private:
  const Lexicon& lexicon_;
  const bool stem_;
  const bool remove_stopwords_;
  // Looked up by string_view, so the hot path allocates nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using TokenMap = std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>>;
  TokenMap raw_;  // raw run -> id or kDropped
  TokenMap ids_;  // final token -> id
};

// The two views the script reads of every summary.
struct Prepared {
  // All kept tokens after truncation, sentences joined: what ROUGE-N and
  // ROUGE-S/SU count, and the unigram budget that clips ROUGE-L/W.
  std::vector<uint32_t> flat;
  // Tokens per sentence, after the per-sentence truncation the script uses
  // for ROUGE-L/W (which differs for -b: see prepare.cc). Empty units are
  // dropped: they add nothing to any count.
  std::vector<std::vector<uint32_t>> units;
};

Prepared Prepare(const Document& doc, const Options& options, Vocabulary& vocab);

// Perl's split(/\s+/, s) field count: a leading empty field when `s` starts
// with whitespace, none at the end, zero for an all-blank `s`.
size_t PerlFieldCount(std::string_view s);

}  // namespace precis::rouge

#endif  // PRECIS_EVAL_PREPARE_H_
