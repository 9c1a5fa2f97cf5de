// Sentence segmentation: news-style cases as a table, the span invariants of
// precis/segment.h checked on every case under every option set, and the
// same invariants over every short string of a tiny alphabet.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "precis/segment.h"

namespace precis {
namespace {

// Every option set the cases run under.
std::vector<SegmentOptions> AllOptions() {
  SegmentOptions plain;
  SegmentOptions pdf;
  pdf.pdf = true;
  return {plain, pdf};
}

// A deliberately simple decoder, independent of the segmenter's: the start
// of every character (an ill-formed byte counts as one character).
std::vector<bool> CharStarts(std::string_view s) {
  std::vector<bool> starts(s.size() + 1, false);
  size_t i = 0;
  while (i < s.size()) {
    starts[i] = true;
    unsigned char b = s[i];
    size_t len = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3
                 : b >= 0xF0 && b < 0xF5 ? 4 : 1;
    bool ok = i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) {
      unsigned c1 = static_cast<unsigned char>(s[i + 1]);
      if ((b == 0xE0 && c1 < 0xA0) || (b == 0xED && c1 >= 0xA0)) ok = false;
    }
    if (ok && len == 4) {
      unsigned c1 = static_cast<unsigned char>(s[i + 1]);
      if ((b == 0xF0 && c1 < 0x90) || (b == 0xF4 && c1 >= 0x90)) ok = false;
    }
    i += ok ? len : 1;
  }
  starts[s.size()] = true;
  return starts;
}

// Length of the whitespace character at s[i], or 0.
size_t SpaceAt(std::string_view s, size_t i) {
  static const char* const kSpaces[] = {
      " ", "\t", "\n", "\r", "\v", "\f",
      "\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x8B", "\xE2\x80\xA8",
      "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80",
      "\xEF\xBB\xBF"};
  for (const char* sp : kSpaces) {
    std::string_view v(sp);
    if (s.substr(i, v.size()) == v) return v.size();
  }
  if (s.substr(i, 2) == "\xE2\x80" && i + 2 < s.size()) {
    unsigned char c = s[i + 2];
    if (c >= 0x80 && c <= 0x8A) return 3;  // U+2000..U+200A
  }
  return 0;
}

// The contract of SegmentSentences, checked on one input.
void CheckInvariants(std::string_view text, const std::vector<Span>& spans) {
  SCOPED_TRACE(testing::Message() << "text: \"" << text << "\"");
  std::vector<bool> starts = CharStarts(text);
  std::vector<bool> covered(text.size(), false);
  size_t prev_end = 0;
  for (const Span& s : spans) {
    ASSERT_LT(s.begin, s.end) << "empty span";
    ASSERT_LE(s.end, text.size()) << "out of bounds";
    ASSERT_GE(s.begin, prev_end) << "spans overlap or are out of order";
    EXPECT_TRUE(starts[s.begin] && starts[s.end]) << "splits a character";
    EXPECT_EQ(SpaceAt(text, s.begin), 0u) << "starts with whitespace";
    // The last character must not be whitespace.
    size_t last = s.end - 1;
    while (last > s.begin && !starts[last]) --last;
    EXPECT_EQ(SpaceAt(text, last), 0u) << "ends with whitespace";
    for (size_t k = s.begin; k < s.end; ++k) covered[k] = true;
    std::string display = SentenceDisplayText(text.substr(s.begin, s.size()));
    EXPECT_EQ(display.find('\n'), std::string::npos);
    prev_end = s.end;
  }
  // Nothing but whitespace is ever left out.
  for (size_t k = 0; k < text.size();) {
    if (covered[k]) {
      ++k;
      continue;
    }
    size_t len = SpaceAt(text, k);
    ASSERT_GT(len, 0u) << "byte " << k << " is in no sentence";
    k += len;
  }
}

std::vector<std::string> Sentences(std::string_view text,
                                   const SegmentOptions& options = {}) {
  std::vector<std::string> out;
  for (const Span& s : SegmentSentences(text, options)) {
    out.push_back(SentenceDisplayText(text.substr(s.begin, s.size())));
  }
  return out;
}

struct Case {
  const char* name;
  std::string text;
  std::vector<std::string> want;  // display text of each sentence
  const char* lang = "en";
};

const std::vector<Case>& Cases() {
  static const auto* const kCases = new std::vector<Case>{
      {"empty", "", {}},
      {"whitespace_only", " \n\t\r\n\xC2\xA0\xE3\x80\x80 ", {}},
      {"simple", "Stocks fell on Monday. The Dow dropped 2 percent.",
       {"Stocks fell on Monday.", "The Dow dropped 2 percent."}},
      {"emoji_opens_a_sentence",
       "The council voted. \xF0\x9F\x9A\x8B Trams run more often. Thanks! \xE2\x9D\xA4\xEF\xB8\x8F See you.",
       {"The council voted.", "\xF0\x9F\x9A\x8B Trams run more often.", "Thanks!",
        "\xE2\x9D\xA4\xEF\xB8\x8F See you."}},
      {"emoji_then_lowercase", "We won. \xF0\x9F\x8E\x89 and then we slept.",
       {"We won. \xF0\x9F\x8E\x89 and then we slept."}},
      {"titles", "Mr. Smith met Gov. Jerry Brown and Sen. Warren. They talked.",
       {"Mr. Smith met Gov. Jerry Brown and Sen. Warren.", "They talked."}},
      {"military_ranks", "Lt. Col. Ann Lee and Gen. Mark Milley spoke.",
       {"Lt. Col. Ann Lee and Gen. Mark Milley spoke."}},
      {"months", "The law takes effect Jan. 1. It was signed on Feb. 15, 2023.",
       {"The law takes effect Jan. 1.", "It was signed on Feb. 15, 2023."}},
      {"company_mid", "Apple Inc. Chief Executive Tim Cook spoke.",
       {"Apple Inc. Chief Executive Tim Cook spoke."}},
      {"company_end", "Shares of Acme Corp. rose. The company beat forecasts.",
       {"Shares of Acme Corp. rose.", "The company beat forecasts."}},
      {"company_then_starter", "He works for Acme Ltd. The firm is small.",
       {"He works for Acme Ltd.", "The firm is small."}},
      {"us_adjective", "The U.S. economy grew 2.5 percent. Analysts expected 2.8.",
       {"The U.S. economy grew 2.5 percent.", "Analysts expected 2.8."}},
      {"us_end", "Troops left the U.S. They flew to the U.N. in New York.",
       {"Troops left the U.S.", "They flew to the U.N. in New York."}},
      {"initials", "George W. Bush read J.R.R. Tolkien. He liked it.",
       {"George W. Bush read J.R.R. Tolkien.", "He liked it."}},
      {"initial_not_page", "Lisa P. White covers Concord. She is new.",
       {"Lisa P. White covers Concord.", "She is new."}},
      {"exclamation_name", "Yahoo! Finance said so. She works at Yahoo! The firm grew.",
       {"Yahoo! Finance said so.", "She works at Yahoo!", "The firm grew."}},
      {"times", "It starts at 10 a.m. Friday and ends at 5 p.m. The crowd left.",
       {"It starts at 10 a.m. Friday and ends at 5 p.m.", "The crowd left."}},
      {"number_abbreviation", "The No. 1 seed won. See p. 55 for more.",
       {"The No. 1 seed won.", "See p. 55 for more."}},
      {"saint", "The St. Louis Cardinals won 5-4. Fans cheered.",
       {"The St. Louis Cardinals won 5-4.", "Fans cheered."}},
      {"decimals_money", "It cost $3.50. That is 12.5% more than 1.000.",
       {"It cost $3.50.", "That is 12.5% more than 1.000."}},
      {"email", "Write to jane.doe@example.com. She replies fast.",
       {"Write to jane.doe@example.com.", "She replies fast."}},
      {"url", "See https://www.example.com/News.Story.html. It is long.",
       {"See https://www.example.com/News.Story.html.", "It is long."}},
      {"no_space", "Hello world.Today is Tuesday.",
       {"Hello world.", "Today is Tuesday."}},
      {"quote_closes", "He said, \"Stop.\" Then he left.",
       {"He said, \"Stop.\"", "Then he left."}},
      {"quote_continues", "\"Why?\" he asked. \"We will win,\" she said.",
       {"\"Why?\" he asked.", "\"We will win,\" she said."}},
      {"curly_quotes", "She said: \xE2\x80\x9CIt is over.\xE2\x80\x9D The rest left.",
       {"She said: \xE2\x80\x9CIt is over.\xE2\x80\x9D", "The rest left."}},
      {"parenthesis", "The index rose (it had fallen.) and held. Good.",
       {"The index rose (it had fallen.) and held.", "Good."}},
      {"ellipsis", "Wait... What happened? He paused . . . and went on.",
       {"Wait...", "What happened?", "He paused . . . and went on."}},
      {"question_exclamation", "Why now? Because it matters! Yes.",
       {"Why now?", "Because it matters!", "Yes."}},
      {"dateline", "NEW YORK (AP) \xE2\x80\x94 Stocks fell. Bonds rose.",
       {"NEW YORK (AP) \xE2\x80\x94 Stocks fell.", "Bonds rose."}},
      {"headline_line", "Obama wins second term\nWASHINGTON - Obama won on Tuesday.",
       {"Obama wins second term", "WASHINGTON - Obama won on Tuesday."}},
      {"errant_break", "It was a cold \nnight in the city.",
       {"It was a cold night in the city."}},
      {"blank_line", "First paragraph without end\n\nSecond one.",
       {"First paragraph without end", "Second one."}},
      {"blank_line_with_spaces", "One\n \t \nTwo", {"One", "Two"}},
      {"dash_list", "Highlights:\n- Sales rose\n- Costs fell\n",
       {"Highlights:", "- Sales rose", "- Costs fell"}},
      {"numbered_inline", "1. The first item 2. The second item",
       {"1. The first item", "2. The second item"}},
      // A letter list starts at "a." or "A."; "J." and "K." are initials.
      {"initials_open", "J. K. Rowling wrote a book. She lives in Edinburgh.",
       {"J. K. Rowling wrote a book.", "She lives in Edinburgh."}},
      {"url_query", "See https://example.com/index.php?ID=5 for details. Then go.",
       {"See https://example.com/index.php?ID=5 for details.", "Then go."}},
      // Three spaced periods after a word are an ellipsis; four, a period
      // and an ellipsis.
      {"spaced_ellipsis_ends", "I wonder. . . The answer came.",
       {"I wonder. . .", "The answer came."}},
      {"period_then_spaced_ellipsis", "He compounds. . . . The answer came.",
       {"He compounds.", ". . . The answer came."}},
      {"bullets_inline", "\xE2\x80\xA2 Sales rose \xE2\x80\xA2 Costs fell",
       {"\xE2\x80\xA2 Sales rose", "\xE2\x80\xA2 Costs fell"}},
      {"crlf", "Line one.\r\nLine two\r\n\r\nPara two.",
       {"Line one.", "Line two", "Para two."}},
      {"tabs", "One.\tTwo.\t", {"One.", "Two."}},
      {"nbsp", "\xC2\xA0Hello.\xC2\xA0World.\xC2\xA0",
       {"Hello.", "World."}},
      {"ideographic_space", "\xE3\x80\x80Hi there.\xE3\x80\x80", {"Hi there."}},
      {"invalid_utf8", "Bad \xFF\xFE bytes. Next one \xC3.",
       {"Bad \xFF\xFE bytes.", "Next one \xC3."}},
      {"truncated_utf8_at_end", "Ends badly. \xE2\x80", {"Ends badly.", "\xE2\x80"}},
      {"japanese", "\xE3\x81\x93\xE3\x82\x8C\xE3\x80\x82\xE3\x81\x9D\xE3\x82\x8C\xE3\x80\x82",
       {"\xE3\x81\x93\xE3\x82\x8C\xE3\x80\x82", "\xE3\x81\x9D\xE3\x82\x8C\xE3\x80\x82"},
       "ja"},
      {"german_ordinal", "Er kam am 12. Juni. Dann ging er.",
       {"Er kam am 12. Juni.", "Dann ging er."}, "de"},
  };
  return *kCases;
}

TEST(SegmenterTest, Table) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    SegmentOptions options;
    options.lang = c.lang;
    EXPECT_EQ(Sentences(c.text, options), c.want);
  }
}

TEST(SegmenterTest, InvariantsOnEveryCaseAndOption) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    for (SegmentOptions options : AllOptions()) {
      options.lang = c.lang;
      CheckInvariants(c.text, SegmentSentences(c.text, options));
    }
  }
}

TEST(SegmenterTest, PdfJoinsBrokenLines) {
  SegmentOptions pdf;
  pdf.pdf = true;
  EXPECT_EQ(Sentences("This is a sentence\ncut off here.", pdf),
            std::vector<std::string>{"This is a sentence cut off here."});
  EXPECT_EQ(Sentences("A headline\nThe body.", pdf),
            (std::vector<std::string>{"A headline", "The body."}));
  // Without pdf, a break after a word ends the line's sentence.
  EXPECT_EQ(Sentences("This is a sentence\ncut off here."),
            (std::vector<std::string>{"This is a sentence", "cut off here."}));
}

TEST(SegmenterTest, DisplayText) {
  EXPECT_EQ(SentenceDisplayText("a \r\n\t b"), "a b");
  EXPECT_EQ(SentenceDisplayText("a  \t b"), "a  \t b");
  EXPECT_EQ(SentenceDisplayText("a\xE2\x80\xA8" "b"), "a b");
  EXPECT_EQ(SentenceDisplayText("\xFF\n\xFF"), "\xFF \xFF");
  EXPECT_EQ(SentenceDisplayText(""), "");
}

TEST(SegmenterTest, LongLineWithoutTerminator) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "word ";
  auto spans = SegmentSentences(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], (Span{0, text.size() - 1}));
}

// Inputs that would take quadratic time in a scanner that rescans: each runs
// in milliseconds here, and the CTest timeout catches a regression.
TEST(SegmenterTest, PathologicalInputsStayLinear) {
  const size_t kBytes = 4 << 20;
  const std::vector<std::string> units = {
      "a", ".", " ", "a.", "ab.Cd", ". ", " .", "...", "1.", "\n",
      "\xE3\x80\x8A", "\"", "\xFF", "www.", "@a.", "a.\xE2\x80\x83"};
  for (const std::string& unit : units) {
    std::string text;
    while (text.size() < kBytes) text += unit;
    auto start = std::chrono::steady_clock::now();
    auto spans = SegmentSentences(text);
    double seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 2.0) << "unit \"" << unit << "\"";
    if (!spans.empty()) {
      EXPECT_LE(spans.back().end, text.size());
    }
  }
}

// Longer strings from the pieces news text is made of, drawn at random
// (fixed seed), under several languages: the invariants must hold anyway.
TEST(SegmenterTest, RandomPiecesKeepInvariants) {
  const std::vector<std::string> pieces = {
      "Mr", "U", "S", "a", "m", "Inc", "word", "I", "1", "42", ".", ". ",
      " . ", "...", "?", "!", "\"", "'", "(", ")", "[", "]", " ", "  ", "\n",
      "\r\n", "\t", "@", "://", "www.", "\xC2\xA0", "\xE2\x80\xA2", "\xE2\x81\x83",
      "\xE3\x80\x82", "\xE3\x80\x8A", "\xE3\x80\x8B", "\xE2\x80\x9E", "\xE2\x80\x9C",
      "\xC2\xAB", "\xC2\xBB", "\xE2\x80\xA6", "\xE2\x80\xAA", "\xFF", "\xE2\x80",
      "\xC3\xA9", ":", ";", "1.)", "a)", "N\xC2\xB0"};
  const char* const langs[] = {"en", "de", "el", "hy", "ja", "xx"};
  uint64_t state = 7;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    size_t count = next() % 40;
    for (size_t k = 0; k < count; ++k) text += pieces[next() % pieces.size()];
    for (SegmentOptions options : AllOptions()) {
      options.lang = langs[round % 6];
      CheckInvariants(text, SegmentSentences(text, options));
    }
    if (HasFatalFailure()) return;
  }
}

// Every string of up to six characters over a tiny alphabet.
TEST(SegmenterTest, ExhaustiveSmallWorld) {
  const std::vector<std::string> alphabet = {"a", "A", ".", " ", "\n", "\"",
                                             "\xC3\xA9", "\xFF"};
  std::vector<size_t> digits;
  size_t strings = 0;
  for (size_t length = 0; length <= 6; ++length) {
    digits.assign(length, 0);
    while (true) {
      std::string text;
      for (size_t d : digits) text += alphabet[d];
      for (const SegmentOptions& options : AllOptions()) {
        CheckInvariants(text, SegmentSentences(text, options));
      }
      if (HasFatalFailure()) return;
      ++strings;
      size_t k = 0;
      while (k < length && ++digits[k] == alphabet.size()) digits[k++] = 0;
      if (k == length) break;
    }
  }
  EXPECT_EQ(strings, 299593u);  // 8^0 + 8^1 + ... + 8^6
}

}  // namespace
}  // namespace precis
