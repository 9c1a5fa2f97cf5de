// Test helper: checks the provenance contract of precis/html.h, the obvious
// slow way. For a text span and the page range PageSpan gives, the page's
// bytes must hold the span's words in order, with only markup (tags,
// comments, script and style elements), character references and
// whitespace between and around them.
#ifndef PRECIS_TESTS_HTML_PROVENANCE_CHECK_H_
#define PRECIS_TESTS_HTML_PROVENANCE_CHECK_H_

#include <iconv.h>

#include <cstdlib>
#include <cstring>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace precis::testing {

// `raw` in `charset`, as UTF-8 (markup is ASCII in every charset the tests
// use, so tags and references survive the conversion).
inline std::string ToUtf8(std::string_view raw, const std::string& charset) {
  if (charset == "UTF-8") return std::string(raw);
  iconv_t cd = iconv_open("UTF-8//IGNORE", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::string(raw);
  std::string out(raw.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(raw.data());
  size_t in_left = raw.size();
  char* o = out.data();
  size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &o, &out_left) == static_cast<size_t>(-1)) {
      if (in_left == 0) break;
      ++in;  // an invalid byte: the extractor shows it as U+FFFD
      --in_left;
      std::memcpy(o, "\xEF\xBF\xBD", 3);
      o += 3;
      out_left -= 3;
    }
  }
  out.resize(out.size() - out_left);
  iconv_close(cd);
  return out;
}

class ProvenanceChecker {
 public:
  explicit ProvenanceChecker(std::string_view page) : p_(page) {}

  // Empty when [begin, end) of the page holds `words` as the contract says;
  // otherwise why not.
  std::string Check(const std::vector<std::string>& words, size_t begin, size_t end) {
    if (begin > end || end > p_.size()) return "range outside the page";
    i_ = begin;
    end_ = end;
    for (size_t w = 0; w < words.size(); ++w) {
      // Markup, spaces and references may come first; a reference may also
      // be the word's first character, so try the word before each skip.
      while (true) {
        const size_t at = i_;
        if (MatchWord(words[w])) break;
        i_ = at;
        if (!SkipOneIgnorable()) {
          return "word " + std::to_string(w) + " '" + words[w] + "' not at page byte " +
                 std::to_string(i_) + ": '" + std::string(p_.substr(i_, 40)) + "'";
        }
      }
    }
    SkipIgnorable();
    if (i_ != end_) {
      return "extra bytes after the last word: '" + std::string(p_.substr(i_, 40)) + "'";
    }
    return "";
  }

 private:
  bool At(std::string_view s) const {
    return end_ - i_ >= s.size() && p_.substr(i_, s.size()) == s;
  }
  bool AtCi(std::string_view s) const {
    if (end_ - i_ < s.size()) return false;
    for (size_t k = 0; k < s.size(); ++k) {
      if (std::tolower(static_cast<unsigned char>(p_[i_ + k])) != s[k]) return false;
    }
    return true;
  }
  void SkipTo(std::string_view close) {
    const size_t at = p_.substr(0, end_).find(close, i_);
    i_ = at == std::string_view::npos ? end_ : at + close.size();
  }
  // A tag, comment, script/style element: true when one was skipped.
  bool SkipMarkup() {
    if (At("<!--")) { SkipTo("-->"); return true; }
    if (AtCi("<script")) { SkipTo("</script>"); return true; }
    if (AtCi("<style")) { SkipTo("</style>"); return true; }
    // Elements whose content is never text (the extractor skips them).
    if (AtCi("<math")) { SkipTo("</math>"); return true; }
    if (AtCi("<svg")) { SkipTo("</svg>"); return true; }
    if (i_ < end_ && p_[i_] == '<' && i_ + 1 < end_ &&
        (std::isalpha(static_cast<unsigned char>(p_[i_ + 1])) || p_[i_ + 1] == '/' ||
         p_[i_ + 1] == '!' || p_[i_ + 1] == '?')) {
      const size_t open = i_;
      SkipTo(">");
      if (std::isalpha(static_cast<unsigned char>(p_[open + 1]))) SkipHiddenContent(open);
      return true;
    }
    return false;
  }
  // An element the page hides (aria-hidden="true", display:none,
  // visibility:hidden, the hidden attribute) is markup as a whole: the
  // extractor drops its text. i_ is just past the start tag at `open`.
  void SkipHiddenContent(size_t open) {
    std::string tag;
    for (size_t k = open; k < i_; ++k) {
      const char c = p_[k];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    bool hidden = tag.find("aria-hidden=\"true\"") != std::string::npos ||
                  tag.find("display:none") != std::string::npos ||
                  tag.find("visibility:hidden") != std::string::npos;
    // A few common hiding class names (the extractor knows more).
    const size_t cls = p_.substr(open, i_ - open).find("class=\"");
    if (cls != std::string_view::npos) {
      const size_t from = open + cls + 7;
      const std::string_view value = p_.substr(from, p_.find('"', from) - from);
      for (std::string_view h : {"sr-only", "element-invisible", "visually-hidden", "hidden",
                                 "screen-reader-text"}) {
        size_t at = value.find(h);
        while (at != std::string_view::npos) {
          const bool starts = at == 0 || std::isspace(static_cast<unsigned char>(value[at - 1]));
          const size_t after = at + h.size();
          const bool ends = after == value.size() ||
                            std::isspace(static_cast<unsigned char>(value[after]));
          if (starts && ends) hidden = true;
          at = value.find(h, at + 1);
        }
      }
      // "d-none d-md-block", "hidden lg:flex": shown on larger screens.
      for (std::string_view shown : {"d-sm-", "d-md-", "d-lg-", "d-xl-", "sm:", "md:", "lg:",
                                     "xl:"}) {
        if (value.find(shown) != std::string_view::npos) hidden = false;
      }
    }
    if (!hidden || tag.size() < 2 || tag[tag.size() - 2] == '/') return;
    std::string name;
    for (size_t k = open + 1; k < i_ && std::isalnum(static_cast<unsigned char>(p_[k])); ++k) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(p_[k])));
    }
    static constexpr const char* kVoid[] = {"img", "br", "hr", "input", "meta", "link",
                                            "source", "wbr", "area", "col", "embed",
                                            "param", "track"};
    for (const char* v : kVoid) {
      if (name == v) return;
    }
    // To the matching end tag, counting nested elements of the same name.
    int depth = 1;
    while (i_ < end_ && depth > 0) {
      if (p_[i_] == '<' && (AtCi("<" + name + ">") || AtCi("<" + name + " "))) ++depth;
      if (AtCi("</" + name + ">")) --depth;
      ++i_;
    }
    if (depth == 0) i_ += name.size() + 2;
  }
  size_t ReferenceEnd() const {
    if (i_ >= end_ || p_[i_] != '&') return 0;
    size_t k = i_ + 1;
    while (k < end_ && k - i_ < 40 && (std::isalnum(static_cast<unsigned char>(p_[k])) || p_[k] == '#')) ++k;
    if (k == i_ + 1) return 0;
    if (k < end_ && p_[k] == ';') return k + 1;
    // A numeric reference without its ';' still counts (HTML5 parses it).
    if (p_[i_ + 1] == '#' && k > i_ + 2) return k;
    return 0;
  }
  // The code point a reference at i_ stands for: -1 for a named one this
  // small table does not know (it then matches any one character).
  int32_t ReferenceValue(size_t k) const {
    const std::string_view ref = p_.substr(i_ + 1, k - i_ - (p_[k - 1] == ';' ? 2 : 1));
    if (!ref.empty() && ref[0] == '#') {
      const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      const std::string digits(ref.substr(hex ? 2 : 1));
      if (digits.empty()) return 0;  // "&#;" is no reference
      const long long v = std::strtoll(digits.c_str(), nullptr, hex ? 16 : 10);
      // HTML5: NUL, surrogates and values past Unicode read as U+FFFD, C1
      // controls as windows-1252 has those bytes.
      if (v <= 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) return 0xFFFD;
      if (v >= 0x80 && v <= 0x9F) return Windows1252(static_cast<char>(v));
      return static_cast<int32_t>(v);
    }
    static const std::pair<const char*, int32_t> kNamed[] = {
        {"nbsp", 0xA0}, {"shy", 0xAD}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'},
        {"quot", '"'}, {"apos", '\''}, {"laquo", 0xAB}, {"raquo", 0xBB},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"rsquo", 0x2019},
        {"lsquo", 0x2018}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E},
        {"zwj", 0x200D}, {"zwnj", 0x200C}, {"thinsp", 0x2009}, {"ensp", 0x2002},
        {"emsp", 0x2003}};
    for (const auto& [name, cp] : kNamed) {
      if (ref == name) return cp;
    }
    return -1;
  }
  // Byte `b` of windows-1252 as a code point (glibc's table), or the byte's
  // value where that table has no character.
  static int32_t Windows1252(char b) {
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == reinterpret_cast<iconv_t>(-1)) return static_cast<unsigned char>(b);
    char out[8];
    char* in = &b;
    char* o = out;
    size_t in_left = 1, out_left = sizeof(out);
    const bool ok = iconv(cd, &in, &in_left, &o, &out_left) != static_cast<size_t>(-1);
    iconv_close(cd);
    if (!ok) return static_cast<unsigned char>(b);
    return Decode(std::string_view(out, sizeof(out) - out_left), 0, sizeof(out) - out_left);
  }
  // Characters the extractor drops from text: soft hyphen, zero-width
  // space and joiners, word joiner, BOM.
  static bool Invisible(int32_t cp) {
    return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
           cp == 0xFEFF;
  }
  static bool SpaceOrInvisible(int32_t cp) {
    return Invisible(cp) || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x3000 || cp == ' ' ||
           cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xFEFF;
  }
  static int32_t Decode(std::string_view w, size_t j, size_t len) {
    const unsigned char c = static_cast<unsigned char>(w[j]);
    int32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len && j + k < w.size(); ++k) cp = (cp << 6) | (w[j + k] & 0x3F);
    return cp;
  }

  bool SkipSpace() {
    static constexpr const char* kSpaces[] = {" ", "\t", "\n", "\r", "\f", "\xC2\xA0",
                                              "\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\x89",
                                              "\xE2\x80\xAF", "\xE3\x80\x80", "\xEF\xBB\xBF"};
    for (const char* s : kSpaces) {
      if (At(s)) { i_ += std::strlen(s); return true; }
    }
    // C0 controls: the parser drops them from text.
    if (i_ < end_ && static_cast<unsigned char>(p_[i_]) < 0x20) { ++i_; return true; }
    return false;
  }
  bool SkipOneIgnorable() {
    if (i_ >= end_) return false;
    if (SkipSpace() || SkipMarkup()) return true;
    if (const size_t k = ReferenceEnd()) {
      if (SpaceOrInvisible(ReferenceValue(k))) {
        i_ = k;
        return true;
      }
    }
    return false;
  }
  void SkipIgnorable() {
    while (SkipOneIgnorable()) {
    }
  }
  bool MatchWord(const std::string& w) {
    size_t j = 0;
    while (j < w.size()) {
      if (i_ >= end_) return false;
      if (SkipMarkup()) continue;
      size_t len = 1;
      const unsigned char c = static_cast<unsigned char>(w[j]);
      if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
      if (const size_t k = ReferenceEnd()) {  // a reference for this character?
        const int32_t cp = ReferenceValue(k);
        if (Invisible(cp)) {
          i_ = k;
          continue;
        }
        if (cp != -1 && cp != Decode(w, j, len)) return false;
        i_ = k;
        j += len;
        continue;
      }
      if (At(std::string_view(w).substr(j, len))) {
        i_ += len;
        j += len;
        continue;
      }
      if (p_[i_] == 0 && w.compare(j, 3, "\xEF\xBF\xBD") == 0) {  // NUL reads as U+FFFD
        ++i_;
        j += 3;
        continue;
      }
      if (i_ < end_ && static_cast<unsigned char>(p_[i_]) < 0x20) {  // dropped by the parser
        ++i_;
        continue;
      }
      if (i_ < end_ && static_cast<unsigned char>(p_[i_]) >= 0xC0) {
        // An invisible character of the page that the extractor drops.
        size_t n = 2;
        const unsigned char b = static_cast<unsigned char>(p_[i_]);
        if (b >= 0xF0) n = 4; else if (b >= 0xE0) n = 3;
        if (i_ + n <= end_ && Invisible(Decode(p_, i_, n))) { i_ += n; continue; }
      }
      // A repaired byte (U+FFFD from a reference is matched above).
      if (w.compare(j, 3, "\xEF\xBF\xBD") == 0 && static_cast<unsigned char>(p_[i_]) >= 0x80) {
        ++i_;
        j += 3;
        continue;
      }
      return false;
    }
    return true;
  }

  std::string_view p_;
  size_t i_ = 0, end_ = 0;
};

inline std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

}  // namespace precis::testing

#endif  // PRECIS_TESTS_HTML_PROVENANCE_CHECK_H_
