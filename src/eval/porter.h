// Not public: use include/precis/rouge.h. The Porter (1980) stemmer in the
// variant ROUGE-1.5.5 applies with -m.
#ifndef PRECIS_EVAL_PORTER_H_
#define PRECIS_EVAL_PORTER_H_

#include <string>
#include <string_view>

namespace precis::rouge {

// Stems a lowercase ASCII word the way ROUGE-1.5.5 does, which differs from
// the reference Porter stemmer in three places that change real stems:
//  - consonant and vowel runs follow the regular expressions of Porter's own
//    Perl release (C = [^aeiou][^aeiouy]*, V = [aeiouy][aeiou]*), searched
//    for any match, rather than the letter-by-letter y rule of the C version;
//  - step 4 tries "ment" and then "ent"/"ion" again after the main suffix
//    list (so "agreement" -> "agreem"), and the list holds "ement";
//  - a word shorter than 3 bytes is returned unchanged.
// Words of any bytes are accepted; non-letters count as consonants.
std::string PorterStem(std::string_view word);

}  // namespace precis::rouge

#endif  // PRECIS_EVAL_PORTER_H_
