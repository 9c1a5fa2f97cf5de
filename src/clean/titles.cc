// Headlines: a document's opening unpunctuated line is its title, kept out of
// the summary (reported as "headline"); every later copy of a title, in any
// document, or of a title given in the input, is a "repeated-title".
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
    if (s.position == 0 && state.HeadlineLike(i)) {
      state.MarkHeadline(i);
      state.Drop(i, DropReason::kHeadline);
      headline_of.emplace(s.terms, i);
    }
  }
}

}  // namespace precis
