// Not public: the per-language knowledge of the sentence segmenter
// (abbreviations, sentence starters, punctuation habits). Use
// precis/segment.h.
#ifndef PRECIS_TEXT_ABBREVIATIONS_H_
#define PRECIS_TEXT_ABBREVIATIONS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace precis {

enum class AbbreviationKind : uint8_t {
  kNone,    // not an abbreviation
  kPlain,   // ends a sentence only before a sentence starter ("Inc.")
  kTitle,   // precedes a name or number, never ends a sentence ("Mr.")
  kNumber,  // precedes a number ("No. 5"); otherwise an ordinary word
  kExclamation,  // a name spelt with "!" ("Yahoo!"): ends a sentence only
                 // before a sentence starter
};

// Immutable once built; shared by every thread.
class LanguageRules {
 public:
  // `word` is the text before a period, without it: "Mr", "e.g", "U.S".
  AbbreviationKind Lookup(std::string_view word) const;
  // `word` is a whole capitalised word, matched case-sensitively.
  bool IsSentenceStarter(std::string_view word) const;

  // "12. Juni", "XII. Pluku": a number before a period is an ordinal.
  bool ordinal_numbers() const { return ordinal_numbers_; }
  // Armenian and Arabic use ":" as a full stop.
  bool colon_ends_sentence() const { return colon_ends_sentence_; }
  // Greek writes the question mark as ";".
  bool semicolon_asks() const { return semicolon_asks_; }

 private:
  friend class LanguageRulesBuilder;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  struct Entry {
    AbbreviationKind kind = AbbreviationKind::kNone;
    bool capital_only = false;  // listed as "Mass": "mass." is the noun
  };
  // Keys are lower case.
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> abbreviations_;
  std::unordered_set<std::string, Hash, std::equal_to<>> starters_;
  bool ordinal_numbers_ = false;
  bool colon_ends_sentence_ = false;
  bool semicolon_asks_ = false;
};

// Rules for an ISO 639-1 code ("en", "de-AT" is read as "de"). Languages
// without a list of their own get the English lists and their own
// punctuation habits. Built once, on first use, from data/abbreviations/
// and data/sentence_starters/.
const LanguageRules& RulesForLanguage(std::string_view lang);

}  // namespace precis

#endif  // PRECIS_TEXT_ABBREVIATIONS_H_
