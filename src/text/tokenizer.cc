#include <utf8proc.h>

#include "base/utf8.h"
#include "text/analyzer.h"

namespace precis {
namespace {

enum class Kind { kOther, kWord, kSingle, kMark };

// Scripts written without spaces between words: one token per character.
bool IsUnspacedScript(int32_t cp) {
  return (cp >= 0x0E00 && cp <= 0x0EFF) ||   // Thai, Lao
         (cp >= 0x1000 && cp <= 0x109F) ||   // Myanmar
         (cp >= 0x1780 && cp <= 0x17FF) ||   // Khmer
         (cp >= 0x3040 && cp <= 0x30FF) ||   // Hiragana, Katakana
         (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||   // CJK compatibility
         (cp >= 0x20000 && cp <= 0x3FFFF);   // CJK extensions B..
}

Kind Classify(int32_t cp) {
  if (cp < 0x80) {
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9')
               ? Kind::kWord
               : Kind::kOther;
  }
  if (cp == 0xFFFD) return Kind::kOther;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return IsUnspacedScript(cp) ? Kind::kSingle : Kind::kWord;
    // Combining marks (a Thai vowel sign, an emoji's variation selector)
    // belong to the character before them and never start a word.
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return Kind::kMark;
    default:
      return Kind::kOther;  // punctuation too, in unspaced scripts ("・")
  }
}

// Invisible characters that join the two halves of one word: zero-width
// (non-)joiner (Persian "می‌خواهم"), soft hyphen, word joiner. Case folding
// drops them (UTF8PROC_IGNORE), so the halves fold to the plain word.
bool IsInvisibleJoiner(int32_t cp) {
  return cp == 0x200C || cp == 0x200D || cp == 0x00AD || cp == 0x2060;
}

bool IsDigit(int32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

}  // namespace

void Tokenize(std::string_view text, size_t begin, size_t end,
              std::vector<Token>* out) {
  size_t i = begin;
  size_t word_begin = 0;
  bool in_word = false;
  int32_t prev = 0;
  while (i < end) {
    size_t len;
    const int32_t cp = DecodeUtf8(text, i, &len);
    const Kind kind = Classify(cp);
    if (kind == Kind::kWord) {
      if (!in_word) { word_begin = i; in_word = true; }
    } else if (kind == Kind::kMark) {
      // Inside a word it stays there; after a single character it extends
      // that token; elsewhere it is no word.
      if (!in_word && !out->empty() && out->back().end == i && Classify(prev) != Kind::kOther) {
        out->back().end = uint32_t(i + len);
      }
    } else if (kind == Kind::kSingle) {
      if (in_word) out->push_back({uint32_t(word_begin), uint32_t(i)});
      in_word = false;
      out->push_back({uint32_t(i), uint32_t(i + len)});
    } else if (in_word) {
      // A joiner stays inside the word when a word character follows.
      bool joins = false;
      if (i + len < end) {
        size_t next_len;
        const int32_t next = DecodeUtf8(text, i + len, &next_len);
        if (IsApostrophe(cp)) {
          joins = Classify(prev) == Kind::kWord && !IsDigit(prev) &&
                  Classify(next) == Kind::kWord && !IsDigit(next);
        } else if (cp == '.' || cp == ',') {
          joins = IsDigit(prev) && IsDigit(next);
        } else if (IsInvisibleJoiner(cp)) {
          joins = Classify(next) == Kind::kWord;
        }
      }
      if (!joins) {
        out->push_back({uint32_t(word_begin), uint32_t(i)});
        in_word = false;
      }
    }
    prev = cp;
    i += len;
  }
  if (in_word) out->push_back({uint32_t(word_begin), uint32_t(end)});
}

}  // namespace precis
