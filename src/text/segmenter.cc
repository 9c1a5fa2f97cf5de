// Sentence segmentation in one left-to-right pass.
//
// The scanner keeps just enough state about the current word, token and
// paragraph to decide each candidate boundary (a run of terminal
// punctuation, a line break, a list marker) from a bounded window around it,
// so the whole pass is linear in the input: no candidate rescans text that
// another candidate has scanned, and every look-ahead past a candidate is
// either capped at a few bytes or stops at the next candidate.
#include <utf8proc.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "precis/segment.h"
#include "text/abbreviations.h"
#include "text/analyzer.h"

namespace precis {
namespace {

constexpr char32_t kInvalid = 0x110000;  // an ill-formed byte

// Decodes the code point at s[i]. An ill-formed byte decodes alone, as
// kInvalid, so a boundary can never fall inside a well-formed character.
inline char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t avail = s.size() - i;
  const unsigned char b0 = p[0];
  *len = 1;
  if (b0 < 0x80) return b0;
  auto cont = [&](size_t k) { return k < avail && (p[k] & 0xC0) == 0x80; };
  if (b0 < 0xC2) return kInvalid;
  if (b0 < 0xE0) {
    if (!cont(1)) return kInvalid;
    *len = 2;
    return (char32_t{b0} & 0x1F) << 6 | (p[1] & 0x3F);
  }
  if (b0 < 0xF0) {
    if (!cont(1) || !cont(2)) return kInvalid;
    char32_t cp = (char32_t{b0} & 0x0F) << 12 | char32_t{p[1] & 0x3Fu} << 6 |
                  (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
    *len = 3;
    return cp;
  }
  if (b0 < 0xF5) {
    if (!cont(1) || !cont(2) || !cont(3)) return kInvalid;
    char32_t cp = (char32_t{b0} & 0x07) << 18 | char32_t{p[1] & 0x3Fu} << 12 |
                  char32_t{p[2] & 0x3Fu} << 6 | (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return kInvalid;
    *len = 4;
    return cp;
  }
  return kInvalid;
}

enum Cls : uint8_t {
  kOther,      // punctuation and symbols
  kSpace,      // horizontal whitespace
  kBreak,      // a line break
  kParagraph,  // U+2029: a break worth a blank line
  kUpper,
  kLower,
  kDigit,
  kCaseless,  // letters of scripts without case, ill-formed bytes
  kMark,      // combining marks and the degree sign: inside words
  kFormat,    // bidi controls and the like: invisible, skipped
  kPeriod,
  kQuestion,
  kExclaim,
  kEllipsis,  // U+2026
  kStrong,    // 。 । ። ။ ...: ends a sentence whatever follows
  kColon,
  kSemicolon,
};

constexpr bool IsWordCls(Cls c) {
  return c == kUpper || c == kLower || c == kDigit || c == kCaseless ||
         c == kMark;
}
constexpr bool IsLetterCls(Cls c) {
  return c == kUpper || c == kLower || c == kCaseless || c == kMark;
}

struct AsciiTable {
  Cls cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) {
      Cls k = kOther;
      if (c >= 'A' && c <= 'Z') k = kUpper;
      if (c >= 'a' && c <= 'z') k = kLower;
      if (c >= '0' && c <= '9') k = kDigit;
      if (c == ' ' || c == '\t') k = kSpace;
      if (c == '\n' || c == '\r' || c == '\v' || c == '\f') k = kBreak;
      if (c == '.') k = kPeriod;
      if (c == '?') k = kQuestion;
      if (c == '!') k = kExclaim;
      if (c == ':') k = kColon;
      if (c == ';') k = kSemicolon;
      cls[c] = k;
    }
  }
};
constexpr AsciiTable kAscii;

Cls ClassifySlow(char32_t cp) {
  switch (cp) {
    case kInvalid:
      return kCaseless;
    case 0x85: case 0x2028:
      return kBreak;
    case 0x2029:
      return kParagraph;
    case 0xA0: case 0x1680: case 0x200B: case 0x202F: case 0x205F:
    case 0x3000: case 0xFEFF:
      return kSpace;
    case 0xB0:  // "N°"
      return kMark;
    case 0x2026:
      return kEllipsis;
    case 0x037E: case 0x061F: case 0x2047: case 0x2048:
      return kQuestion;
    case 0x203C: case 0x2049:
      return kExclaim;
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61: case 0x0964:
    case 0x0965: case 0x06D4: case 0x1362: case 0x1367: case 0x1368:
    case 0x104B: case 0x0589: case 0x17D4: case 0x1803:
      return kStrong;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return kSpace;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return kUpper;
    case UTF8PROC_CATEGORY_LL:
      return kLower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return kCaseless;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return kMark;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return kDigit;
    case UTF8PROC_CATEGORY_CF:
      return kFormat;
    case UTF8PROC_CATEGORY_ZS:
      return kSpace;
    case UTF8PROC_CATEGORY_ZL:
      return kBreak;
    case UTF8PROC_CATEGORY_ZP:
      return kParagraph;
    default:
      return kOther;
  }
}

inline Cls Classify(char32_t cp) {
  return cp < 0x80 ? kAscii.cls[cp] : ClassifySlow(cp);
}

// Closing quotes and brackets, kept with the sentence they follow.
bool IsCloser(char32_t cp) {
  switch (cp) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0xBB: case 0x203A: case 0x201D: case 0x2019: case 0x201C:
    case 0x300D: case 0x300F: case 0x300B: case 0x3009: case 0xFF09:
    case 0xFF3D: case 0x3011: case 0x3015: case 0xFF63:
      return true;
    default:
      return false;
  }
}

// Emoji and pictographs (Miscellaneous Symbols, Dingbats, the emoji blocks)
// and the variation selector that asks for their emoji form.
bool IsPictograph(char32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F;
}

// Opening quotes and brackets, skipped to see how the next sentence starts.
bool IsOpener(char32_t cp) {
  switch (cp) {
    case '"': case '\'': case '(': case '[': case '{':
    case 0xBF: case 0xA1: case 0xAB: case 0x2039: case 0x201C: case 0x2018:
    case 0x201E: case 0x201A: case 0x300C: case 0x300E: case 0x300A:
    case 0x3008: case 0xFF08: case 0xFF3B: case 0x3010:
      return true;
    default:
      return false;
  }
}

// Quotes and title brackets whose inside never ends a sentence unless the
// terminator touches the closing mark: „Ich weiß. Du nicht.“ is one, and so is
// 《摔跤吧！爸爸》. English “...” is left out: a long quotation in news is
// several sentences.
bool OpensQuote(char32_t cp) {
  return cp == 0x300A || cp == 0x300C || cp == 0x300E || cp == 0x3008 ||
         cp == 0x201E || cp == 0xAB;
}
bool ClosesQuote(char32_t cp) {
  return cp == 0x300B || cp == 0x300D || cp == 0x300F || cp == 0x3009 ||
         cp == 0x201C || cp == 0x201D || cp == 0xBB;
}

bool IsBullet(char32_t cp) {
  switch (cp) {
    case 0x2022: case 0x2023: case 0x2043: case 0x25E6: case 0x25AA:
    case 0x25CF: case 0x25A0: case 0x25BA: case 0x27A2: case 0x2219:
      return true;
    default:
      return false;
  }
}

bool IsCurrency(char32_t cp) {
  return cp == '$' || cp == 0xA3 || cp == 0x20AC || cp == 0xA5;
}

bool IsRomanLetter(char32_t cp) {
  return cp == 'I' || cp == 'V' || cp == 'X' || cp == 'L' || cp == 'C' ||
         cp == 'D' || cp == 'M';
}

// How the text after a candidate boundary begins.
enum class Next : uint8_t { kEnd, kUpper, kLower, kDigit, kCaseless, kDot, kOther };

// A quote opened more than this many bytes ago no longer hides terminators:
// an unbalanced mark costs at most this much text.
constexpr size_t kQuoteSpan = 400;
// Longest next word checked against the sentence starters.
constexpr size_t kMaxStarterBytes = 24;

class Scanner {
 public:
  Scanner(std::string_view text, const SegmentOptions& options)
      : text_(text),
        n_(text.size()),
        pdf_(options.pdf),
        rules_(RulesForLanguage(options.lang)) {}

  std::vector<Span> Run() {
    size_t i = 0;
    while (i < n_) {
      const unsigned char b = static_cast<unsigned char>(text_[i]);
      // Fast path: a run of ASCII lower-case letters inside a word.
      if (in_word_ && b >= 'a' && b <= 'z') {
        size_t j = i + 1;
        while (j < n_ && text_[j] >= 'a' && text_[j] <= 'z') ++j;
        word_lower_ = true;
        word_roman_ = false;
        size_t count = j - i;
        word_cps_ = word_cps_ + count > 255 ? 255 : word_cps_ + count;
        last_ = j;
        i = j;
        continue;
      }
      size_t len;
      const char32_t cp = Decode(text_, i, &len);
      const Cls c = Classify(cp);
      if (c == kSpace) {
        EndWord();
        at_token_start_ = true;
        prev_hspace_ = true;
        i += len;
        continue;
      }
      if (c == kBreak || c == kParagraph) {
        i = HandleBreak(i);
        continue;
      }
      if (c == kFormat) {  // invisible: leaves the word state alone
        AddContent(i, i + len);
        i += len;
        continue;
      }
      prev_hspace_ = false;
      if (at_token_start_) {
        at_token_start_ = false;
        token_url_ = StartsWithWww(i);
        size_t end = TryListMarker(i, cp, len);
        if (end != 0) {
          i = end;
          continue;
        }
      }
      if (IsWordCls(c)) {
        OnWordChar(i, len, cp, c);
        i += len;
        continue;
      }
      if (c == kPeriod || c == kQuestion || c == kExclaim || c == kEllipsis ||
          c == kStrong ||
          (c == kColon && rules_.colon_ends_sentence() && SpaceAt(i + 1)) ||
          (c == kSemicolon && rules_.semicolon_asks())) {
        i = HandleTerminator(i);
        continue;
      }
      // Other punctuation.
      if (cp == '@') token_url_ = true;
      if (cp == ':' && text_.substr(i + 1, 2) == "//") token_url_ = true;
      if (OpensQuote(cp) && !(cp == 0x201C && quote_depth_ > 0)) {
        if (quote_depth_ < 8) ++quote_depth_;
        quote_open_ = i;
      } else if (ClosesQuote(cp) && quote_depth_ > 0) {
        --quote_depth_;
      }
      EndWord();
      AddContent(i, i + len);
      i += len;
    }
    EndSentence();
    return std::move(out_);
  }

 private:
  // --- the sentence under construction: [first_, last_) -------------------

  void AddContent(size_t begin, size_t end) {
    if (!has_content_) {
      first_ = begin;
      has_content_ = true;
    }
    last_ = end;
  }
  void EndSentence() {
    if (has_content_) out_.push_back({first_, last_});
    has_content_ = false;
  }

  // --- words --------------------------------------------------------------

  void EndWord() {
    in_word_ = false;
    dot_pending_ = false;
  }

  void OnWordChar(size_t i, size_t len, char32_t cp, Cls c) {
    if (!in_word_) {
      if (dot_pending_ && dot_end_ == i) {
        ++dotted_segments_;
      } else {
        dotted_start_ = i;
        dotted_segments_ = 1;
        dotted_letters_ = true;
      }
      dot_pending_ = false;
      in_word_ = true;
      word_start_ = i;
      word_cps_ = 0;
      word_upper_ = word_lower_ = word_digit_ = word_caseless_ = false;
      word_roman_ = true;
    }
    if (word_cps_ < 255) ++word_cps_;
    switch (c) {
      case kUpper: word_upper_ = true; break;
      case kLower: word_lower_ = true; break;
      case kDigit: word_digit_ = true; dotted_letters_ = false; break;
      default: word_caseless_ = true; break;
    }
    if (!IsRomanLetter(cp)) word_roman_ = false;
    AddContent(i, i + len);
  }

  // --- look-around helpers ------------------------------------------------

  Cls ClsAt(size_t i, char32_t* cp = nullptr, size_t* len = nullptr) const {
    size_t l;
    char32_t c = Decode(text_, i, &l);
    if (cp) *cp = c;
    if (len) *len = l;
    return Classify(c);
  }
  bool SpaceAt(size_t i) const {
    if (i >= n_) return true;
    Cls c = ClsAt(i);
    return c == kSpace || c == kBreak || c == kParagraph;
  }
  bool StartsWithWww(size_t i) const {
    if (n_ - i < 4) return false;
    return (text_[i] | 0x20) == 'w' && (text_[i + 1] | 0x20) == 'w' &&
           (text_[i + 2] | 0x20) == 'w' && text_[i + 3] == '.';
  }

  // --- line breaks --------------------------------------------------------

  size_t HandleBreak(size_t i) {
    const bool errant = prev_hspace_;  // "a cold \nnight": a stray break
    size_t j = i;
    int breaks = 0;
    while (j < n_) {
      size_t len;
      char32_t cp = Decode(text_, j, &len);
      Cls c = Classify(cp);
      if (c == kBreak) {
        ++breaks;
        if (cp == '\r' && j + 1 < n_ && text_[j + 1] == '\n') ++len;
      } else if (c == kParagraph) {
        breaks += 2;
      } else if (c != kSpace) {
        break;
      }
      j += len;
    }
    if (breaks >= 2) {
      EndSentence();
      marker_style_ = 0;
    } else {
      bool joins = errant;
      if (pdf_ && j < n_) joins = joins || ClsAt(j) == kLower;
      if (!joins) EndSentence();
    }
    quote_depth_ = 0;
    EndWord();
    at_token_start_ = true;
    prev_hspace_ = true;
    return j;
  }

  // --- list markers -------------------------------------------------------

  // Parses "12.)", "12)", "12.", "a.)", "a)", "a." followed by a space at i.
  // Returns the end of the marker or 0; sets *style and *value.
  size_t ParseMarker(size_t i, int* style, int* value) const {
    size_t j = i;
    int v = 0;
    int base;
    if (j < n_ && text_[j] >= '0' && text_[j] <= '9') {
      while (j < n_ && j - i < 2 && text_[j] >= '0' && text_[j] <= '9') {
        v = v * 10 + (text_[j++] - '0');
      }
      base = 0;
    } else if (j < n_ && text_[j] >= 'a' && text_[j] <= 'z') {
      v = text_[j++] - 'a' + 1;
      base = 3;
    } else if (j < n_ && text_[j] >= 'A' && text_[j] <= 'Z') {
      v = text_[j++] - 'A' + 1;
      base = 6;
    } else {
      return 0;
    }
    int form;
    if (text_.substr(j, 2) == ".)") {
      form = 1;
      j += 2;
    } else if (j < n_ && text_[j] == ')') {
      form = 2;
      ++j;
    } else if (j < n_ && text_[j] == '.') {
      form = 3;
      ++j;
    } else {
      return 0;
    }
    if (j >= n_ || ClsAt(j) != kSpace) return 0;
    *style = base + form;
    *value = v;
    return j;
  }

  // At the start of a token: a bullet always starts a new item; a marker
  // such as "2.)" does when it continues the list begun by "1.)" in this
  // paragraph, and is never itself a sentence end. Returns where scanning
  // goes on, or 0 when there is no marker here.
  size_t TryListMarker(size_t i, char32_t cp, size_t len) {
    const bool bullet = IsBullet(cp);
    if (!bullet && cp > 'z') return 0;
    size_t at = i;
    if (bullet) {
      EndSentence();
      AddContent(i, i + len);
      EndWord();
      at = i + len;
      while (at < n_ && (text_[at] == ' ' || text_[at] == '\t')) ++at;
    }
    int style = 0, value = 0;
    size_t end = ParseMarker(at, &style, &value);
    bool accept = false;
    const bool continues = end != 0 && style == marker_style_ && value == marker_value_ + 1;
    if (end != 0) {
      // A letter list starts at "a." or "A."; any other letter opening a
      // sentence is an initial ("J. K. Rowling wrote ...").
      if (bullet || (!has_content_ && (style < 3 || value == 1 || continues))) {
        accept = true;
      } else if (continues) {
        EndSentence();
        accept = true;
      }
    }
    if (!accept) return bullet ? i + len : 0;
    AddContent(at, end);
    marker_style_ = style;
    marker_value_ = value;
    EndWord();
    return end;
  }

  // --- terminators --------------------------------------------------------

  enum class Word : uint8_t { kNone, kEmpty, kPlain, kTitle, kNumber, kInitial, kOrdinal };

  // What the word right before the period at `dot` is.
  Word PrevWord(size_t dot, bool attached) const {
    if (!attached) return Word::kEmpty;
    if (token_url_) return Word::kNone;
    if (dotted_segments_ >= 2) {
      switch (rules_.Lookup(text_.substr(dotted_start_, dot - dotted_start_))) {
        case AbbreviationKind::kTitle: return Word::kTitle;
        case AbbreviationKind::kNumber: return Word::kNumber;
        case AbbreviationKind::kPlain: return Word::kPlain;
        case AbbreviationKind::kNone: case AbbreviationKind::kExclamation: break;
      }
      // U.S., a.m., Ph.D.: short letter groups joined by periods.
      if (dotted_letters_ && word_cps_ <= 2) return Word::kPlain;
    }
    // "Lisa P. White": a capital letter alone is an initial, even where the
    // list knows its lower-case form ("p. 55").
    if (word_cps_ == 1 && word_upper_) return Word::kInitial;
    switch (rules_.Lookup(text_.substr(word_start_, dot - word_start_))) {
      case AbbreviationKind::kTitle: return Word::kTitle;
      case AbbreviationKind::kNumber: return Word::kNumber;
      case AbbreviationKind::kPlain: return Word::kPlain;
      case AbbreviationKind::kNone: case AbbreviationKind::kExclamation: break;
    }
    if (word_cps_ == 1 && !word_digit_) return Word::kInitial;
    if (rules_.ordinal_numbers() && dotted_segments_ == 1) {
      bool digits = word_digit_ && !word_upper_ && !word_lower_ &&
                    !word_caseless_ && word_cps_ <= 3;
      bool roman = word_roman_ && word_cps_ >= 2;
      if (digits || roman) return Word::kOrdinal;
    }
    return Word::kNone;
  }

  // "world.Today", "1,000.That": a period with no space after it still ends
  // a sentence when an ordinary word meets a capital, unless the token is an
  // e-mail address or a URL.
  bool SplitsWithoutSpace(size_t dot, size_t next) const {
    if (token_url_ || dotted_segments_ >= 2 || word_cps_ < 2) return false;
    if (!word_lower_ && !word_digit_) return false;  // "LL.AA.II."
    if (rules_.Lookup(text_.substr(word_start_, dot - word_start_)) !=
        AbbreviationKind::kNone) {
      return false;
    }
    // Up to the next period or space only, so no byte is looked at twice.
    for (size_t k = next; k < n_ && k - next < 64; ++k) {
      char ch = text_[k];
      if (ch == '.' || ch == ' ' || ch == '\n' || ch == '\t') break;
      if (ch == '@' || ch == '/' || ch == ':') return false;
    }
    return true;
  }

  // Classifies the text at j (after whitespace) and its first word.
  Next LookNext(size_t j, std::string_view* word) const {
    if (j >= n_) return Next::kEnd;
    // Openers, and emoji with the spaces after them ("... beschlossen. 🚋
    // Straßenbahnen fahren"): the sentence that follows starts with them.
    for (int skipped = 0; skipped < 8 && j < n_; ++skipped) {
      size_t len;
      char32_t cp = Decode(text_, j, &len);
      const bool pictograph = IsPictograph(cp);
      if (!IsOpener(cp) && !pictograph && Classify(cp) != kFormat) break;
      j += len;
      while (pictograph && j < n_ && (text_[j] == ' ' || text_[j] == '\t')) ++j;
    }
    if (j >= n_) return Next::kOther;
    size_t len;
    char32_t cp = Decode(text_, j, &len);
    Cls c = Classify(cp);
    size_t k = j;
    while (k < n_ && k - j < kMaxStarterBytes) {
      size_t l;
      if (!IsLetterCls(ClsAt(k, nullptr, &l))) break;
      k += l;
    }
    *word = text_.substr(j, k - j);
    switch (c) {
      case kUpper: return Next::kUpper;
      case kLower: return Next::kLower;
      case kDigit: return Next::kDigit;
      case kCaseless: case kMark: return Next::kCaseless;
      case kPeriod: case kEllipsis: return Next::kDot;
      default: return IsCurrency(cp) ? Next::kDigit : Next::kOther;
    }
  }

  size_t HandleTerminator(size_t i) {
    const bool attached = in_word_;  // a word touches the first terminator
    int dots = 0;
    bool ask = false, exclaim = false, strong = false;
    size_t p = i;
    while (p < n_) {
      size_t len;
      char32_t cp = Decode(text_, p, &len);
      Cls c = Classify(cp);
      if (c == kPeriod) {
        ++dots;
      } else if (c == kEllipsis) {
        dots += 3;
      } else if (c == kQuestion || (c == kSemicolon && rules_.semicolon_asks()) ||
                 (c == kColon && p == i && rules_.colon_ends_sentence())) {
        ask = true;
      } else if (c == kExclaim) {
        exclaim = true;
      } else if (c == kStrong) {
        strong = true;
      } else {
        break;
      }
      p += len;
    }
    // ". . ." (MLA ellipsis): single periods joined by single spaces. Taken
    // only with three or more periods, so a failed try costs O(1).
    bool spaced = false;
    if (p == i + 1 && dots == 1) {
      size_t s = p;
      int count = 1;
      while (s + 1 < n_ && text_[s] == ' ' && text_[s + 1] == '.') {
        ++count;
        s += 2;
      }
      if (count >= 3) {
        spaced = true;
        dots = count;
        p = s;
      }
    }
    // Closing quotes and brackets (and stray terminators among them).
    bool closers = false;
    bool closed_quote = false;
    while (p < n_) {
      size_t len;
      char32_t cp = Decode(text_, p, &len);
      Cls c = Classify(cp);
      if (IsCloser(cp)) {
        // "Jr.'s": an apostrophe before a letter is not a closing quote.
        if ((cp == '\'' || cp == 0x2019) && p + len < n_ &&
            IsLetterCls(ClsAt(p + len))) {
          break;
        }
        closers = true;
        if (ClosesQuote(cp) && quote_depth_ > 0) {
          --quote_depth_;
          closed_quote = true;
        }
      } else if (c == kFormat || c == kPeriod || c == kQuestion ||
                 c == kExclaim || c == kEllipsis || c == kStrong) {
        // part of the cluster
      } else if (c == kSpace && p + len + 1 < n_ &&
                 text_.substr(p + len, 2) == "\xC2\xBB") {
        len += 2;  // French "fin. »"
        closers = true;
        if (quote_depth_ > 0) --quote_depth_;
      } else {
        break;
      }
      p += len;
    }
    const size_t end = p;
    const bool masked = quote_depth_ > 0 && !closed_quote &&
                        i - quote_open_ <= kQuoteSpan;

    // What follows.
    size_t j = end;
    bool space_after = false;
    while (j < n_) {
      size_t len;
      Cls c = ClsAt(j, nullptr, &len);
      if (c != kSpace && c != kBreak && c != kParagraph) break;
      space_after = true;
      j += len;
    }
    std::string_view next_word;
    Next next = Next::kEnd;
    if (space_after) {
      next = LookNext(j, &next_word);
    } else if (end < n_) {
      char32_t cp;
      Cls c = ClsAt(end, &cp);
      next = c == kUpper                       ? Next::kUpper
             : c == kLower                     ? Next::kLower
             : c == kDigit                     ? Next::kDigit
             : c == kCaseless || c == kMark    ? Next::kCaseless
             : Next::kOther;
    }
    const bool starter = rules_.IsSentenceStarter(next_word);

    enum class Cut { kNone, kEnd, kFirstDot, kInternal } cut = Cut::kNone;
    if (next == Next::kEnd) {
      cut = Cut::kNone;  // the text ends here anyway
    } else if (masked) {
      cut = Cut::kNone;
    } else if (strong) {
      cut = Cut::kEnd;
    } else if (ask || exclaim) {
      if (!space_after) {
        // "index.php?ID=5": inside a URL nothing ends.
        cut = next == Next::kUpper && !closers && !token_url_ ? Cut::kEnd : Cut::kNone;
      } else if (next == Next::kLower) {
        // "Yahoo! in", but "кім? не?"; `"Why?" he asked` either way.
        cut = ask && !closers ? Cut::kEnd : Cut::kNone;
      } else if (next == Next::kOther) {
        cut = Cut::kNone;
      } else if (exclaim && !ask && next == Next::kUpper && attached &&
                 rules_.Lookup(text_.substr(word_start_, i - word_start_)) ==
                     AbbreviationKind::kExclamation) {
        cut = starter ? Cut::kEnd : Cut::kNone;  // "Yahoo! Finance"
      } else {
        cut = Cut::kEnd;
      }
    } else if (dots >= 3) {
      const bool bracketed = i > 0 && (text_[i - 1] == '[' || text_[i - 1] == '(');
      const bool capital = next == Next::kUpper || next == Next::kCaseless;
      if (bracketed || !space_after || !capital) {
        cut = Cut::kNone;
      } else if (!spaced) {
        cut = Cut::kEnd;  // "that.... She", "wait... Then"
      } else if (attached) {
        // "compounds. . . . The": a period, then ". . . The" goes on; "I
        // wonder. . . The": three are an ellipsis, and end the sentence.
        cut = dots >= 4 ? Cut::kFirstDot : Cut::kEnd;
      } else {
        cut = dots >= 4 ? Cut::kEnd : Cut::kNone;  // ". . . I" is mid-sentence
      }
    } else if (!space_after) {
      if (!closers && dots == 1 && attached &&
          (next == Next::kUpper || next == Next::kLower ||
           next == Next::kDigit || next == Next::kCaseless)) {
        cut = next == Next::kUpper && SplitsWithoutSpace(i, end)
                  ? Cut::kEnd
                  : Cut::kInternal;
      }
    } else {
      const Word word = PrevWord(i, attached);
      switch (next) {
        case Next::kLower:
        case Next::kOther:
        case Next::kEnd:
          cut = Cut::kNone;
          break;
        case Next::kDot:  // "raak. ...en toen"
          cut = Cut::kEnd;
          break;
        case Next::kUpper:
          if (word == Word::kTitle || word == Word::kOrdinal) {
            cut = Cut::kNone;
          } else if (word == Word::kPlain || word == Word::kInitial) {
            cut = starter ? Cut::kEnd : Cut::kNone;
          } else {
            cut = Cut::kEnd;
          }
          break;
        case Next::kDigit:
          cut = word == Word::kNone || word == Word::kEmpty ? Cut::kEnd
                                                            : Cut::kNone;
          break;
        case Next::kCaseless:
          cut = word == Word::kTitle || word == Word::kInitial ? Cut::kNone
                                                               : Cut::kEnd;
          break;
      }
    }

    switch (cut) {
      case Cut::kInternal:
        AddContent(i, end);
        in_word_ = false;
        dot_pending_ = true;
        dot_end_ = end;
        return end;
      case Cut::kFirstDot:
        AddContent(i, i + 1);
        EndSentence();
        AddContent(i + 2, end);
        break;
      case Cut::kEnd:
        AddContent(i, end);
        EndSentence();
        break;
      case Cut::kNone:
        AddContent(i, end);
        break;
    }
    EndWord();
    return end;
  }

  const std::string_view text_;
  const size_t n_;
  const bool pdf_;
  const LanguageRules& rules_;
  std::vector<Span> out_;

  // The sentence under construction.
  bool has_content_ = false;
  size_t first_ = 0;
  size_t last_ = 0;

  // The current word: a run of letters, digits and marks.
  bool in_word_ = false;
  size_t word_start_ = 0;
  size_t word_cps_ = 0;  // saturates at 255
  bool word_upper_ = false;
  bool word_lower_ = false;
  bool word_digit_ = false;
  bool word_caseless_ = false;
  bool word_roman_ = false;
  // Words joined by single periods: "U.S.A", "a.m", "1026.253.553".
  size_t dotted_start_ = 0;
  int dotted_segments_ = 0;
  bool dotted_letters_ = false;
  bool dot_pending_ = false;  // an internal period just ended at dot_end_
  size_t dot_end_ = 0;

  // The current whitespace-separated token.
  bool at_token_start_ = true;
  bool token_url_ = false;  // URL or e-mail: periods inside never end
  bool prev_hspace_ = false;

  // The paragraph's list, for "1.) one 2.) two".
  int marker_style_ = 0;
  int marker_value_ = 0;

  // Quotes whose inside does not end sentences (see OpensQuote).
  int quote_depth_ = 0;
  size_t quote_open_ = 0;
};

}  // namespace

bool IsLineBreakCp(char32_t cp) {
  const Cls c = Classify(cp);
  return c == kBreak || c == kParagraph;
}

bool IsWhitespaceCp(char32_t cp) {
  const Cls c = Classify(cp);
  return c == kSpace || c == kBreak || c == kParagraph;
}

bool IsSentenceEndCp(char32_t cp) {
  switch (Classify(cp)) {
    case kPeriod: case kQuestion: case kExclaim: case kStrong: case kEllipsis:
    case kSemicolon:
      return true;
    default:
      return false;
  }
}

std::vector<Span> SegmentSentences(std::string_view text,
                                   const SegmentOptions& options) {
  return Scanner(text, options).Run();
}

std::string SentenceDisplayText(std::string_view sentence) {
  std::string out;
  out.reserve(sentence.size());
  size_t i = 0;
  while (i < sentence.size()) {
    size_t len;
    char32_t cp = Decode(sentence, i, &len);
    Cls c = Classify(cp);
    if (c != kSpace && c != kBreak && c != kParagraph) {
      out.append(sentence.substr(i, len));
      i += len;
      continue;
    }
    size_t j = i;
    bool has_break = false;
    while (j < sentence.size()) {
      size_t l;
      char32_t w = Decode(sentence, j, &l);
      Cls k = Classify(w);
      if (k != kSpace && k != kBreak && k != kParagraph) break;
      has_break = has_break || IsLineBreakCp(w);
      j += l;
    }
    if (has_break) {
      out.push_back(' ');
    } else {
      out.append(sentence.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

}  // namespace precis
