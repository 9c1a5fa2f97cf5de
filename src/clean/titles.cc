// Headlines: a document's opening unpunctuated line is its title, kept out of
// the summary (reported as "headline"); so is an opening line that ends in a
// full stop ("... in the U.S.") when the document repeats it as a line of its
// own, which only titles do. Every other copy of a title, in any document
// and before or after it, or of a title given in the input, is a
// "repeated-title".
#include <map>
#include <set>

#include "clean/clean_state.h"

namespace precis {
namespace {

// Case- and punctuation-blind form of a text: its folded words.
std::string WordKey(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, text.size(), &tokens);
  std::string key;
  for (const Token& t : tokens) {
    key += FoldCase(text.substr(t.begin, t.end - t.begin));
    key += ' ';
  }
  return key;
}

// True when sentence i, a whole line, recurs as a whole line among the next
// few sentences of its document (a scraper's repeated title) and the
// document also says something else (a text of one line over and over has
// no title).
bool RepeatedTitleLine(const CleanState& state, size_t i) {
  const Sentence& s = state.sentence(i);
  bool repeated = false, other = false;
  for (size_t j = i + 1; j < state.size() && state.sentence(j).doc == s.doc; ++j) {
    const Sentence& t = state.sentence(j);
    if (t.terms != s.terms) {
      other = true;
    } else if (j <= i + 4 && t.whole_line) {
      repeated = true;
    }
    if (repeated && other) return true;
    if (j >= i + 4 && !repeated) return false;
  }
  return false;
}

}  // namespace

void DropHeadlines(CleanState& state) {
  std::set<std::string> input_titles;
  for (const Document& d : state.cluster().docs) {
    if (!d.title.empty()) input_titles.insert(WordKey(d.title));
  }
  std::map<std::vector<uint32_t>, size_t> headline_of;
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.kept(i)) continue;
    const Sentence& s = state.sentence(i);
    auto copy = headline_of.find(s.terms);
    if (copy != headline_of.end()) {
      state.Drop(i, DropReason::kRepeatedTitle, copy->second);
      continue;
    }
    if (!input_titles.empty() && s.words <= 40 &&
        input_titles.count(WordKey(state.Text(i)))) {
      state.Drop(i, DropReason::kRepeatedTitle);
      continue;
    }
    if (s.position == 0 &&
        (state.HeadlineLike(i) ||
         (s.whole_line &&
          s.words <= static_cast<uint32_t>(state.options().max_headline_words) &&
          RepeatedTitleLine(state, i)))) {
      state.MarkHeadline(i);
      state.Drop(i, DropReason::kHeadline);
      headline_of.emplace(s.terms, i);
    }
  }
  // Copies that came before their title (an earlier document repeats a
  // later one's headline), so the outcome does not hang on document order.
  for (size_t i = 0; i < state.size() && !headline_of.empty(); ++i) {
    if (!state.kept(i)) continue;
    auto copy = headline_of.find(state.sentence(i).terms);
    if (copy != headline_of.end()) state.Drop(i, DropReason::kRepeatedTitle, copy->second);
  }
}

}  // namespace precis
