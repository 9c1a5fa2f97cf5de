// Fragments: spans that cannot stand alone in a summary. Too short (fewer
// than min_sentence_words words: "They were there."), starting in the
// middle of a sentence (a lower-case first letter, or a leading comma,
// semicolon or closing bracket), which in scraped text means a sentence cut
// by the page's markup, or ending with a colon: a lead-in to the list, quote
// or statement that follows ("Here's what you need to know:", "Those
// charged were:", "Jan. 4, 2018:"), which says nothing without it. (A
// semicolon ends list items, but a timeline's items carry the news: on
// duc2003-t3 dropping them cost 0.15 R-1.)
#include <algorithm>
#include <array>

#include "base/utf8.h"
#include "clean/clean_state.h"

#include <utf8proc.h>

namespace precis {
namespace {

// Lower-case particles that open a surname or a name: "de Blasio", "van
// Gogh", "al-Qaeda", "bin Salman". (Common particles of European and Arabic
// names; "ten", "do" and "den" are left out: they open English clauses.)
constexpr std::array<std::string_view, 20> kNameParticles = {
    "al",  "bin", "da", "dal", "das", "de", "del", "della", "der", "di",
    "dos", "du",  "el", "ibn", "la",  "le", "ter", "van",   "von", "zu"};

bool UpperAt(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  size_t len;
  return utf8proc_category(DecodeUtf8(text, i, &len)) == UTF8PROC_CATEGORY_LU;
}

bool StartsMidSentence(std::string_view text) {
  if (text.empty()) return false;
  const char c = text[0];
  if (c == ',' || c == ';' || c == ')' || c == ']' || c == '}') return true;
  size_t len;
  const int32_t first = DecodeUtf8(text, 0, &len);
  if (utf8proc_category(first) != UTF8PROC_CATEGORY_LL) return false;
  // "iPhone", "eBay": a lower-case letter before a capital is a name.
  if (UpperAt(text, len)) return false;
  // "de Blasio said ...", "al-Qaeda claimed ...": a particle, then a name.
  const size_t end = text.find_first_of(" -");
  if (end != std::string_view::npos && UpperAt(text, end + 1) &&
      std::find(kNameParticles.begin(), kNameParticles.end(), text.substr(0, end)) !=
          kNameParticles.end()) {
    return false;
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

bool IsFragment(const CleanState& state, size_t i) {
  if (!state.options().fragments) return false;
  const Sentence& s = state.sentence(i);
  // Scripts without spaces count characters, not whitespace words.
  const size_t words = std::max<size_t>(s.words, s.terms.size() / 2);
  return words < size_t(state.options().min_sentence_words) ||
         StartsMidSentence(state.Text(i)) || EndsWithColon(state.Text(i));
}

void DropFragments(CleanState& state) {
  for (size_t i = 0; i < state.size(); ++i) {
    if (state.kept(i) && IsFragment(state, i)) state.Drop(i, DropReason::kFragment);
  }
}

}  // namespace precis
