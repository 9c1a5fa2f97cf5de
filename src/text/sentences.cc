#include "text/sentences.h"

#include <algorithm>

#include "base/utf8.h"

namespace precis {
namespace {

bool IsLineSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsSpace(char c) { return IsLineSpace(c) || c == '\n'; }

// A line break (as the segmenter reads one) ends just before byte i, or
// starts at it.
bool BreakEndsAt(std::string_view text, size_t i) {
  if (i == 0) return false;
  size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  size_t len;
  return IsLineBreakCp(char32_t(DecodeUtf8(text, start, &len)));
}
bool BreakStartsAt(std::string_view text, size_t i) {
  size_t len;
  return i < text.size() && IsLineBreakCp(char32_t(DecodeUtf8(text, i, &len)));
}

// True when only spaces separate `begin` from a line break (or the text's
// start) before it.
bool StartsLine(std::string_view text, size_t begin) {
  size_t i = begin;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  // A byte order mark opening the text (Windows editors write one) is no
  // content: the first line still starts after it.
  if (i == 3 && text.starts_with("\xEF\xBB\xBF")) i = 0;
  return i == 0 || BreakEndsAt(text, i);
}

// True when only spaces separate [begin, end) from a line break (or the
// text's edge) on both sides.
bool IsWholeLine(std::string_view text, Span s) {
  if (!StartsLine(text, s.begin)) return false;
  size_t j = s.end;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
  return j == text.size() || BreakStartsAt(text, j);
}

// Terminal punctuation, looking through closing quotes and brackets.
bool EndsPunctuated(std::string_view s) {
  size_t i = s.size();
  while (i > 0) {
    size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
      --start;
    }
    size_t len;
    const int32_t cp = DecodeUtf8(s, start, &len);
    switch (cp) {
      case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019:
      case 0x00BB: case 0x300D: case 0x300F:
        i = start;
        continue;
      default:
        return IsSentenceEndCp(char32_t(cp));
    }
  }
  return false;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// The end of a news dateline opening a document or a line ("WASHINGTON (AP) --",
// "BEIJING, August 22 (Xinhua) --", "HOUSTON _", "London, England —",
// "(CNN) --"), its separator and the spaces after it; `begin` when there is
// none. A dateline is at most 8 words, each capitalized, a number or an
// agency in brackets, led by an all-capitals word, a bracketed agency or a
// comma-separated place, and ends at "--", an em or en dash, or a spaced
// "_" or "-". No summary wants it: it costs words and its bigrams ("beijing
// xinhua") are shared by every wire story of the cluster.
size_t SkipDateline(std::string_view text, size_t begin, size_t end) {
  const size_t window = std::min(end, begin + 90);
  size_t sep = std::string_view::npos, sep_len = 0;
  for (size_t i = begin + 1; i < window && sep == std::string_view::npos; ++i) {
    const std::string_view rest = text.substr(i, window - i);
    if (rest.starts_with("--")) {
      sep = i, sep_len = 2;
    } else if (rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93")) {
      sep = i, sep_len = 3;
    } else if (rest.starts_with(" _ ") || rest.starts_with(" - ")) {
      sep = i + 1, sep_len = 1;
    }
  }
  if (sep == std::string_view::npos) return begin;
  size_t words = 0;
  bool caps = false, agency = false, comma = false;
  for (size_t i = begin; i < sep;) {
    while (i < sep && IsSpace(text[i])) ++i;
    if (i == sep) break;
    size_t j = i;
    while (j < sep && !IsSpace(text[j])) ++j;
    const std::string_view w = text.substr(i, j - i);
    if (!(IsAsciiUpper(w[0]) || (w[0] >= '0' && w[0] <= '9') || w[0] == '(')) return begin;
    agency |= w[0] == '(' && w.back() == ')';
    comma |= w.find(',') != std::string_view::npos;
    if (words++ == 0) {
      size_t upper = 0, lower = 0;
      for (char c : w) upper += IsAsciiUpper(c), lower += IsAsciiLower(c);
      caps = upper >= 2 && lower == 0;
    }
    i = j;
  }
  if (words == 0 || words > 8 || !(caps || agency || comma)) return begin;
  size_t after = sep + sep_len;
  while (after < end && IsSpace(text[after])) ++after;
  // A sentence starts after a dateline; "NASA -- the agency said ..." and
  // "COVID-19 — which ..." go on with an aside.
  if (after < end && IsAsciiLower(text[after])) return begin;
  return after < end ? after : begin;
}

// A list item's marker ("_ ", "- ", "* ", "• ", a dash) opening a line is
// not part of its sentence: wire copy (`_ Use an escrow service.`) and web
// pages mark lists so. Returns where the words begin, or `begin`.
size_t SkipBullet(std::string_view text, size_t begin, size_t end) {
  auto marker_at = [&](size_t at) -> size_t {  // the marker's length, or 0
    const std::string_view rest = text.substr(at, end - at);
    for (std::string_view m : {"_", "-", "*", "\u2022", "\u00b7", "\u2013", "\u2014"}) {
      if (rest.starts_with(m)) return m.size();
    }
    return 0;
  };
  const size_t marker = marker_at(begin);
  if (marker == 0 || begin + marker >= end || !IsLineSpace(text[begin + marker])) return begin;
  size_t i = begin + marker;
  while (i < end && IsSpace(text[i])) ++i;
  // Words follow, and no second marker (a rule such as "* * *" is no list
  // item): words as the tokenizer finds them.
  if (i == end || marker_at(i) != 0) return begin;
  std::vector<Token> words;
  Tokenize(text, i, end, &words);
  return words.empty() ? begin : i;
}

}  // namespace

uint32_t Vocabulary::Intern(std::string_view stem, bool stop) {
  std::string key;
  key.reserve(stem.size() + 1);
  key.push_back(stop ? '\x01' : '\x02');  // stopwords never merge with terms
  key.append(stem);
  auto [it, inserted] = ids_.try_emplace(std::move(key), uint32_t(is_stop_.size()));
  if (inserted) is_stop_.push_back(stop);
  return it->second;
}

AnalyzedCluster AnalyzeCluster(const Cluster& cluster,
                               const SegmentOptions& segment_options,
                               const StopwordSet& stopwords, Stemmer& stemmer) {
  AnalyzedCluster out;
  const StopwordSet& connectives = StopwordSet::Connectives(segment_options.lang);
  std::vector<Token> tokens;
  // News repeats its words: stem each distinct surface form once per call.
  // Keys are views of the cluster's text, which outlives the map.
  std::unordered_map<std::string_view, uint32_t> term_of_word;
  for (uint32_t d = 0; d < cluster.docs.size(); ++d) {
    const std::string& text = cluster.docs[d].text;
    uint32_t position = 0;
    for (Span span : SegmentSentences(text, segment_options)) {
      Sentence s;
      s.doc = d;
      // A line is whole with its dateline: a scraped page may repeat its
      // dateline-led first line as a title, and the copies must match.
      s.whole_line = IsWholeLine(text, span);
      if (position == 0 || StartsLine(text, span.begin)) {
        span.begin = SkipDateline(text, SkipBullet(text, span.begin, span.end), span.end);
      }
      s.position = position++;
      s.span = span;
      const std::string_view bytes(text.data() + span.begin, span.size());
      s.words = static_cast<uint32_t>(CountWhitespaceWords(bytes));
      s.punctuated = EndsPunctuated(bytes);
      tokens.clear();
      Tokenize(text, span.begin, span.end, &tokens);
      s.terms.reserve(tokens.size());
      for (const Token& t : tokens) {
        const std::string_view word(text.data() + t.begin, t.end - t.begin);
        auto [it, inserted] = term_of_word.try_emplace(word, 0);
        if (inserted) {
          const std::string folded = FoldCase(word);
          const bool stop = stopwords.Contains(folded);
          it->second = out.vocab.Intern(
              stop ? std::string_view(folded) : stemmer.Stem(folded), stop);
        }
        s.terms.push_back(it->second);
      }
      // Connectives are short words: fold only a short first word.
      if (!tokens.empty() && connectives.size() > 0 &&
          tokens.front().end - tokens.front().begin <= 16) {
        const Token& first = tokens.front();
        s.opens_with_connective = connectives.Contains(
            FoldCase(std::string_view(text.data() + first.begin, first.end - first.begin)));
      }
      out.sentences.push_back(std::move(s));
    }
  }
  return out;
}

std::vector<uint32_t> KeptPositions(const AnalyzedCluster& analyzed,
                                    const std::vector<bool>& keep) {
  std::vector<uint32_t> position(analyzed.sentences.size(), UINT32_MAX);
  std::vector<uint32_t> seen;
  for (size_t i = 0; i < position.size(); ++i) {
    if (!keep[i]) continue;
    const size_t doc = analyzed.sentences[i].doc;
    if (doc >= seen.size()) seen.resize(doc + 1, 0);
    position[i] = seen[doc]++;
  }
  return position;
}

}  // namespace precis
