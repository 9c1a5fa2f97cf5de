// The tokenizer and case folding on any bytes: words in order, inside the
// range asked for (both ends), never empty or overlapping, never splitting a character
// of valid text; FoldCase keeps valid UTF-8 valid; word counts agree with
// the standard library's whitespace split.
#include <algorithm>
#include <sstream>
#include <utility>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "text/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  precis::fuzz::Input in(data, size);
  const uint8_t cut = in.Byte(), cut_end = in.Byte();
  const std::string_view text = in.Rest();
  const bool valid = precis::fuzz::IsValidUtf8(text);

  // A sub-range too, as the analyzer tokenizes one sentence of a document:
  // it opens in the first half and closes in the second; its ends are moved
  // to character boundaries as sentence spans are.
  size_t begin = text.empty() ? 0 : (cut * text.size() / 512) % text.size();
  while (begin > 0 && !precis::fuzz::IsCharBoundary(text, begin)) --begin;
  size_t end = text.size() - (text.empty() ? 0 : (cut_end * text.size() / 512) % text.size());
  while (end < text.size() && !precis::fuzz::IsCharBoundary(text, end)) ++end;
  end = std::max(end, begin);
  for (auto [from, to] : {std::pair{size_t{0}, text.size()}, std::pair{begin, end}}) {
    std::vector<precis::Token> tokens;
    precis::Tokenize(text, from, to, &tokens);
    size_t prev_end = from;
    for (const precis::Token& t : tokens) {
      FUZZ_CHECK(t.begin >= prev_end);
      FUZZ_CHECK(t.begin < t.end);
      FUZZ_CHECK(t.end <= to);
      const std::string_view word = text.substr(t.begin, t.end - t.begin);
      if (valid) {
        FUZZ_CHECK(precis::fuzz::IsCharBoundary(text, t.begin));
        FUZZ_CHECK(precis::fuzz::IsCharBoundary(text, t.end));
        FUZZ_CHECK(precis::fuzz::IsValidUtf8(precis::FoldCase(word)));
      } else {
        (void)precis::FoldCase(word);
      }
      prev_end = t.end;
    }
  }
  if (valid) FUZZ_CHECK(precis::fuzz::IsValidUtf8(precis::FoldCase(text)));

  // The ROUGE -l word count against the standard library's split (the
  // classic locale's spaces are the same six ASCII bytes).
  std::istringstream split{std::string(text)};
  size_t words = 0;
  for (std::string w; split >> w;) ++words;
  FUZZ_CHECK(precis::CountWhitespaceWords(text) == words);
  return 0;
}
