// SegmentSentences on any bytes, in any language, with and without --pdf:
// spans in order, inside the text, never empty, never overlapping, never
// splitting a character or starting or ending with whitespace, and nothing
// but whitespace left out of every sentence (no text silently lost).
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "precis/segment.h"

namespace {

// The code points the segmenter treats as space or a line break.
bool IsWhitespace(int32_t cp) {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
    case 0x85: case 0xA0: case 0x1680: case 0x200B: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  precis::fuzz::Input in(data, size);
  const uint8_t flags = in.Byte();
  precis::SegmentOptions options;
  options.lang = precis::fuzz::PickLanguage(flags);
  options.pdf = (flags & 0x80) != 0;
  const std::string_view text = in.Rest();
  const bool valid = precis::fuzz::IsValidUtf8(text);

  const std::vector<precis::Span> spans = precis::SegmentSentences(text, options);
  std::vector<bool> covered(text.size(), false);
  size_t prev_end = 0;
  for (const precis::Span& s : spans) {
    FUZZ_CHECK(s.begin >= prev_end);
    FUZZ_CHECK(s.begin < s.end);
    FUZZ_CHECK(s.end <= text.size());
    size_t len;
    FUZZ_CHECK(!IsWhitespace(precis::DecodeUtf8(text, s.begin, &len)));
    if (valid) {
      FUZZ_CHECK(precis::fuzz::IsCharBoundary(text, s.begin));
      FUZZ_CHECK(precis::fuzz::IsCharBoundary(text, s.end));
      size_t last = s.end - 1;
      while (last > s.begin && !precis::fuzz::IsCharBoundary(text, last)) --last;
      FUZZ_CHECK(!IsWhitespace(precis::DecodeUtf8(text, last, &len)));
    }
    for (size_t k = s.begin; k < s.end; ++k) covered[k] = true;
    const std::string display =
        precis::SentenceDisplayText(text.substr(s.begin, s.size()));
    FUZZ_CHECK(display.find('\n') == std::string::npos);
    if (valid) FUZZ_CHECK(precis::fuzz::IsValidUtf8(display));
    prev_end = s.end;
  }
  // Only whitespace may fall between sentences.
  for (size_t k = 0; k < text.size();) {
    if (covered[k]) {
      ++k;
      continue;
    }
    size_t len;
    const int32_t cp = precis::DecodeUtf8(text, k, &len);
    FUZZ_CHECK(IsWhitespace(cp));
    k += len;
  }
  return 0;
}
