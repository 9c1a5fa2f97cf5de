// Not public: use include/precis/rouge.h. The word lists ROUGE-1.5.5 loads:
// the SMART stopwords (-s) and the WordNet 2.0 exception map (-m), both
// compiled in from data/rouge/.
#ifndef PRECIS_EVAL_LEXICON_H_
#define PRECIS_EVAL_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "precis/status.h"

namespace precis::rouge {

struct Lexicon {
  std::unordered_set<std::string> stopwords;
  std::unordered_map<std::string, std::string> exceptions;  // form -> base
};

// Built once on first use, then shared read-only by every thread. An error
// only if the embedded data is missing (a build problem).
Result<const Lexicon*> GetLexicon();

// The stem ROUGE-1.5.5 gives a token with -m: the exception map first, then
// the Porter stemmer. (The caller applies it only to tokens longer than 3.)
std::string MorphStem(const Lexicon& lexicon, std::string_view token);

}  // namespace precis::rouge

#endif  // PRECIS_EVAL_LEXICON_H_
