// Fragments: spans that cannot stand alone in a summary. Too short (fewer
// than min_sentence_words words: "They were there."), starting in the
// middle of a sentence (a lower-case first letter, or a leading comma,
// semicolon or closing bracket), which in scraped text means a sentence cut
// by the page's markup, or ending with a colon: a lead-in to the list, quote
// or statement that follows ("Here's what you need to know:", "Those
// charged were:", "Jan. 4, 2018:"), which says nothing without it. (A
// semicolon ends list items, but a timeline's items carry the news: on
// duc2003-t3 dropping them cost 0.15 R-1.)
#include "base/utf8.h"
#include "clean/clean_state.h"

#include <utf8proc.h>

namespace precis {
namespace {

bool StartsMidSentence(std::string_view text) {
  if (text.empty()) return false;
  const char c = text[0];
  if (c == ',' || c == ';' || c == ')' || c == ']' || c == '}') return true;
  size_t len;
  const int32_t first = DecodeUtf8(text, 0, &len);
  if (utf8proc_category(first) != UTF8PROC_CATEGORY_LL) return false;
  // "iPhone", "eBay": a lower-case letter before a capital is a name.
  if (len < text.size()) {
    size_t len2;
    const int32_t second = DecodeUtf8(text, len, &len2);
    if (utf8proc_category(second) == UTF8PROC_CATEGORY_LU) return false;
  }
  return true;
}

bool EndsWithColon(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                     text[end - 1] == '\r')) {
    --end;
  }
  return end > 0 && text[end - 1] == ':';
}

}  // namespace

void DropFragments(CleanState& state) {
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.kept(i)) continue;
    const Sentence& s = state.sentence(i);
    // Scripts without spaces count characters, not whitespace words.
    const size_t words = std::max<size_t>(s.words, s.terms.size() / 2);
    if (words < size_t(state.options().min_sentence_words) ||
        StartsMidSentence(state.Text(i)) || EndsWithColon(state.Text(i))) {
      state.Drop(i, DropReason::kFragment);
    }
  }
}

}  // namespace precis
