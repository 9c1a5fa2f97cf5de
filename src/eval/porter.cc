#include "eval/porter.h"

#include <cstdint>

namespace precis::rouge {
namespace {

// Character classes of the stemmer's patterns. Only lowercase vowels count:
// an initial 'y' is upper-cased first so that it always reads as consonant.
enum Class : uint8_t {
  kNotAeiou,      // [^aeiou]
  kNotAeiouy,     // [^aeiouy]
  kAeiouy,        // [aeiouy]
  kAeiou,         // [aeiou]
  kNotAeiouwxy,   // [^aeiouwxy]
};

bool InClass(Class c, char ch) {
  const bool aeiou = ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
  switch (c) {
    case kNotAeiou: return !aeiou;
    case kNotAeiouy: return !aeiou && ch != 'y';
    case kAeiouy: return aeiou || ch == 'y';
    case kAeiou: return aeiou;
    case kNotAeiouwxy: return !aeiou && ch != 'w' && ch != 'x' && ch != 'y';
  }
  return false;
}

struct Atom {
  Class cls;
  bool star;  // zero or more; otherwise exactly one
};

// Does `s` match the anchored-at-start pattern (a sequence of single or
// starred classes)? `whole` also anchors the end. Simulates the NFA over a
// set of pattern positions, so long words cost linear time, not backtracking.
bool Match(const Atom* atoms, int count, std::string_view s, bool whole) {
  auto close = [&](uint32_t set) {
    // A starred atom may be skipped.
    for (int k = 0; k < count; ++k) {
      if ((set >> k & 1) && atoms[k].star) set |= 1u << (k + 1);
    }
    return set;
  };
  const uint32_t accept = 1u << count;
  uint32_t set = close(1u);
  for (char ch : s) {
    if (!whole && (set & accept)) return true;
    uint32_t next = 0;
    for (int k = 0; k < count; ++k) {
      if ((set >> k & 1) && InClass(atoms[k].cls, ch)) {
        next |= atoms[k].star ? (1u << k) : (1u << (k + 1));
      }
    }
    set = close(next);
    if (set == 0) return false;
  }
  return (set & accept) != 0;
}

// C = [^aeiou][^aeiouy]*, V = [aeiouy][aeiou]*.
#define PRECIS_C {kNotAeiou, false}, {kNotAeiouy, true}
#define PRECIS_V {kAeiouy, false}, {kAeiou, true}

// ^(C)?VC : measure > 0.
bool MeasureAbove0(std::string_view s) {
  static const Atom with_c[] = {PRECIS_C, PRECIS_V, PRECIS_C};
  static const Atom without_c[] = {PRECIS_V, PRECIS_C};
  return Match(with_c, 6, s, false) || Match(without_c, 4, s, false);
}

// ^(C)?VCVC : measure > 1.
bool MeasureAbove1(std::string_view s) {
  static const Atom with_c[] = {PRECIS_C, PRECIS_V, PRECIS_C, PRECIS_V, PRECIS_C};
  static const Atom without_c[] = {PRECIS_V, PRECIS_C, PRECIS_V, PRECIS_C};
  return Match(with_c, 10, s, false) || Match(without_c, 8, s, false);
}

// ^(C)?VC(V)?$ : measure == 1.
bool MeasureIs1(std::string_view s) {
  static const Atom a[] = {PRECIS_C, PRECIS_V, PRECIS_C, PRECIS_V};
  static const Atom b[] = {PRECIS_C, PRECIS_V, PRECIS_C};
  static const Atom c[] = {PRECIS_V, PRECIS_C, PRECIS_V};
  static const Atom d[] = {PRECIS_V, PRECIS_C};
  return Match(a, 8, s, true) || Match(b, 6, s, true) || Match(c, 6, s, true) ||
         Match(d, 4, s, true);
}

// ^(C)?[aeiouy] : the stem contains a vowel.
bool HasVowel(std::string_view s) {
  static const Atom with_c[] = {PRECIS_C, {kAeiouy, false}};
  static const Atom without_c[] = {{kAeiouy, false}};
  return Match(with_c, 3, s, false) || Match(without_c, 1, s, false);
}

// ^C[aeiouy][^aeiouwxy]$ : consonant-vowel-consonant, the last not w, x, y.
bool EndsCvc(std::string_view s) {
  static const Atom a[] = {PRECIS_C, {kAeiouy, false}, {kNotAeiouwxy, false}};
  return Match(a, 4, s, true);
}

#undef PRECIS_C
#undef PRECIS_V

bool EndsWith(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() &&
         std::string_view(w).substr(w.size() - suffix.size()) == suffix;
}

struct Rule {
  std::string_view suffix;
  std::string_view replacement;
};

// The longest listed suffix `w` ends with, or nullptr. (A pattern
// alternation anchored at the end matches its leftmost, hence longest, one.)
const Rule* LongestSuffix(const std::string& w, const Rule* rules, int count) {
  const Rule* best = nullptr;
  for (int i = 0; i < count; ++i) {
    if (EndsWith(w, rules[i].suffix) &&
        (best == nullptr || rules[i].suffix.size() > best->suffix.size())) {
      best = &rules[i];
    }
  }
  return best;
}

constexpr Rule kStep2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
    {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},   {"entli", "ent"},
    {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
    {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"}};
constexpr Rule kStep3[] = {{"icate", "ic"}, {"ative", ""}, {"alize", "al"},
                           {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""},
                           {"ness", ""}};
constexpr Rule kStep4[] = {{"al", ""},   {"ance", ""}, {"ence", ""}, {"er", ""},
                           {"ic", ""},   {"able", ""}, {"ible", ""}, {"ant", ""},
                           {"ement", ""}, {"ou", ""},  {"ism", ""},  {"ate", ""},
                           {"iti", ""},  {"ous", ""},  {"ive", ""},  {"ize", ""}};

std::string Prefix(const std::string& w, size_t suffix_size) {
  return w.substr(0, w.size() - suffix_size);
}

}  // namespace

std::string PorterStem(std::string_view word) {
  std::string w(word);
  if (w.size() < 3) return w;
  const bool initial_y = w[0] == 'y';
  if (initial_y) w[0] = 'Y';

  // Step 1a: plurals.
  if (EndsWith(w, "sses") || EndsWith(w, "ies")) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 2 && w.back() == 's' && w[w.size() - 2] != 's') {
    w.pop_back();
  }

  // Step 1b: -eed, -ed, -ing.
  if (EndsWith(w, "eed")) {
    if (MeasureAbove0(Prefix(w, 3))) w.pop_back();
  } else if (EndsWith(w, "ed") || EndsWith(w, "ing")) {
    const std::string stem = Prefix(w, EndsWith(w, "ed") ? 2 : 3);
    if (HasVowel(stem)) {
      w = stem;
      const size_t n = w.size();
      if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz")) {
        w += 'e';
      } else if (n >= 2 && w[n - 1] == w[n - 2] &&
                 std::string_view("aeiouylsz").find(w[n - 1]) ==
                     std::string_view::npos) {
        w.pop_back();
      } else if (EndsCvc(w)) {
        w += 'e';
      }
    }
  }

  // Step 1c: y -> i after a vowel somewhere in the stem.
  if (EndsWith(w, "y")) {
    const std::string stem = Prefix(w, 1);
    if (HasVowel(stem)) w = stem + "i";
  }

  // Steps 2 and 3: double and single suffixes, when the measure is > 0.
  for (const auto& [rules, count] :
       {std::pair{kStep2, int(std::size(kStep2))},
        std::pair{kStep3, int(std::size(kStep3))}}) {
    if (const Rule* r = LongestSuffix(w, rules, count)) {
      const std::string stem = Prefix(w, r->suffix.size());
      if (MeasureAbove0(stem)) w = stem + std::string(r->replacement);
    }
  }

  // Step 4, as ROUGE modified it: the main list, then -ment, then -ent or
  // -(s|t)ion, each applied in turn when the measure stays > 1.
  if (const Rule* r = LongestSuffix(w, kStep4, int(std::size(kStep4)))) {
    const std::string stem = Prefix(w, r->suffix.size());
    if (MeasureAbove1(stem)) w = stem;
  }
  if (EndsWith(w, "ment")) {
    const std::string stem = Prefix(w, 4);
    if (MeasureAbove1(stem)) w = stem;
  }
  if (EndsWith(w, "ent")) {
    const std::string stem = Prefix(w, 3);
    if (MeasureAbove1(stem)) w = stem;
  } else if (EndsWith(w, "sion") || EndsWith(w, "tion")) {
    const std::string stem = Prefix(w, 3);
    if (MeasureAbove1(stem)) w = stem;
  }

  // Step 5: final -e and -ll.
  if (EndsWith(w, "e")) {
    const std::string stem = Prefix(w, 1);
    if (MeasureAbove1(stem) || (MeasureIs1(stem) && !EndsCvc(stem))) w = stem;
  }
  if (EndsWith(w, "ll") && MeasureAbove1(w)) w.pop_back();

  if (initial_y && !w.empty()) w[0] = 'y';
  return w;
}

}  // namespace precis::rouge
