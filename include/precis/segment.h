// Sentence segmentation for news text.
//
// A sentence is a byte span [begin, end) of the input: for every span s,
// text.substr(s.begin, s.end - s.begin) is the sentence, byte for byte. Spans
// come in order, never overlap, never start or end with whitespace and are
// never empty.
#ifndef PRECIS_SEGMENT_H_
#define PRECIS_SEGMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

struct SegmentOptions {
  // ISO 639-1 code of the text's language ("en", "de", ...). Selects the
  // abbreviation list and language-specific terminators (e.g. "。" for "ja").
  std::string lang = "en";
  // Text extracted from PDFs or hard-wrapped at a fixed width: a single line
  // break followed by a lower-case letter continues the sentence. Off by
  // default, where a line break after a word (no space before it) ends the
  // line's sentence, as in lists and headlines.
  bool pdf = false;
};

// Splits `text` into sentences. A blank line (a line break, optional
// whitespace, a line break) always ends a sentence. Works on any bytes;
// invalid UTF-8 is treated like letters and never moves a boundary into the
// middle of a valid character.
std::vector<Span> SegmentSentences(std::string_view text,
                                   const SegmentOptions& options = {});

// A sentence as printed: every whitespace run that contains a line break
// becomes one space; everything else is kept.
std::string SentenceDisplayText(std::string_view sentence);

}  // namespace precis

#endif  // PRECIS_SEGMENT_H_
