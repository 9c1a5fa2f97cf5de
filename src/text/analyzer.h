// Not public: words, case folding, stopwords and stems: what every later
// stage sees of a sentence. Use precis/summarizer.h.
#ifndef PRECIS_TEXT_ANALYZER_H_
#define PRECIS_TEXT_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "precis/status.h"

struct sb_stemmer;

namespace precis {

// A word: a byte span of the text. Letters, digits and marks form words;
// an apostrophe between letters ("don't") and a period or comma between
// digits ("3.5", "1,000") stay inside one. Hyphens and other punctuation
// separate words. Ideographs, kana and scripts written without spaces (Thai,
// Lao, Khmer, Myanmar) give one word per character.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Appends the words of text[begin, end) to *out, offsets relative to text.
void Tokenize(std::string_view text, size_t begin, size_t end,
              std::vector<Token>* out);

// NFKC + Unicode case folding (utf8proc), with an ASCII fast path.
std::string FoldCase(std::string_view word);

// Count of whitespace-separated tokens, as ROUGE's -l counts words.
size_t CountWhitespaceWords(std::string_view text);

// An immutable word list, loaded once per language from data/: stopwords,
// or the connectives that make a sentence lean on the one before.
class StopwordSet {
 public:
  // The list for `lang`; an empty set for a language with no list.
  static const StopwordSet& ForLanguage(std::string_view lang);
  // data/connectives/<lang>.txt, the same way.
  static const StopwordSet& Connectives(std::string_view lang);
  // `folded` must already be case-folded.
  bool Contains(std::string_view folded) const;
  size_t size() const { return words_.size(); }

 private:
  static const StopwordSet& Load(std::string_view folder, std::string_view lang);
  std::unordered_set<std::string> words_;
};

// A Snowball stemmer. Not thread-safe: each call site keeps its own.
class Stemmer {
 public:
  // Fails with kInvalidArgument for a language Snowball does not ship.
  static Result<Stemmer> Create(std::string_view lang);
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  ~Stemmer();

  // `folded` must already be case-folded. The view is valid until the next
  // call.
  std::string_view Stem(std::string_view folded);

 private:
  explicit Stemmer(sb_stemmer* s) : stemmer_(s) {}
  sb_stemmer* stemmer_ = nullptr;
};

// ISO 639-1 codes Snowball ships, sorted.
std::vector<std::string> StemmerLanguages();

// The segmenter's reading of one character (segmenter.cc), for the stages
// after it: a line break (LF, CR, VT, FF, NEL, U+2028, U+2029), and a mark
// that can end a sentence (. ! ? ; … and the other scripts' full stops).
bool IsLineBreakCp(char32_t cp);
bool IsSentenceEndCp(char32_t cp);
// Whitespace to the segmenter: a space, a line or a paragraph break (text of
// nothing else has no sentence).
bool IsWhitespaceCp(char32_t cp);

// The code every stage reads a --lang value by: lower case, without a
// region ("de-AT", "pt_BR"), a Snowball name as its ISO 639-1 code
// ("german" -> "de"). Other values pass through lower-cased.
std::string CanonicalLanguage(std::string_view lang);

}  // namespace precis

#endif  // PRECIS_TEXT_ANALYZER_H_
