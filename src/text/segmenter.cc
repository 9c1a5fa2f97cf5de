// PLACEHOLDER until the real segmenter lands (helper-1 owns this file).
#include "precis/segment.h"

namespace precis {

std::vector<Span> SegmentSentences(std::string_view text, const SegmentOptions&) {
  std::vector<Span> out;
  size_t i = 0;
  auto ws = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (i < text.size()) {
    while (i < text.size() && ws(text[i])) ++i;
    if (i >= text.size()) break;
    size_t b = i;
    while (i < text.size()) {
      if (text[i] == '\n' && i > b && !ws(text[i - 1])) break;
      if ((text[i] == '.' || text[i] == '?' || text[i] == '!') &&
          (i + 1 == text.size() || text[i + 1] == ' ')) { ++i; break; }
      ++i;
    }
    size_t e = i;
    while (e > b && ws(text[e - 1])) --e;
    if (e > b) out.push_back({b, e});
  }
  return out;
}

std::string SentenceDisplayText(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    bool nl = false;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) nl |= s[j++] == '\n';
    if (j > i) { if (nl) out += ' '; else out.append(s.substr(i, j - i)); i = j; }
    else out += s[i++];
  }
  return out;
}

}  // namespace precis
