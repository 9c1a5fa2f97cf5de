// Boilerplate: the page furniture scrapers keep. Decided by features, not by
// a word list alone: a line must look like furniture (short or without
// sentence punctuation) AND carry a sign of what furniture it is: a copyright
// mark, a byline, credit or "Read more" pattern, a date-only line, item
// separators, a contact line (a link and a contact word), or a cue word on a
// short unpunctuated line; or be a short unpunctuated line repeated across
// documents. A whole line inside one pair of parentheses is an aside to the
// reader whatever its length: a wire editor's note ("Story can end here"), a
// syndication or contact line, a credit ("Reporting by ...; Editing by ...").
// So is a bracketed sentence that ends a paragraph's line, "(Jane Doe/The
// Daily Courier)", "(Published Thursday, July 24, 2014)", "[Graphic: ...]"
// (not a parenthesized full sentence: that is prose); a sentence that ends
// with an embedded post's signature is the page's embed, and one labelled
// with its source after a bar is a caption or link. (On the two Multi-News
// sets these took out 123 of 43,828 sentences, and fragments.cc's
// colon-ended lead-ins 86 more; with both, the default's R-1 at the sets'
// 264 words rose 0.06 and 0.11 and held within 0.02 at 100.)
#include <algorithm>
#include <array>
#include <unordered_map>

#include "base/utf8.h"
#include "clean/clean_state.h"

namespace precis {
namespace {

// Folded words typical of share bars, subscription prompts, cookie notices,
// credits and navigation (English; other languages rely on the structural
// signals). Matched against whole words.
constexpr std::array<std::string_view, 52> kCueWords = {
    "share",      "shares",     "shared",   "subscribe", "subscribers", "subscription",
    "newsletter", "newsletters", "cookie",  "cookies",   "copyright",   "advertisement",
    "sponsored",  "click",      "tap",      "sign",      "login",       "log",
    "follow",     "facebook",   "twitter",  "instagram", "whatsapp",    "linkedin",
    "pinterest",  "email",      "e-mail",   "print",     "comments",    "comment",
    "read",       "reading",    "related",  "recommended", "photo",     "photos",
    "image",      "images",     "getty",    "caption",   "credit",      "video",
    "watch",      "privacy",    "policy",   "terms",     "menu",        "skip",
    "home",       "download",   "app",      "reserved"};

// Folded words of a contact or promotion line. On a short line with a URL
// or an e-mail address, these or the cue words above mark it as furniture
// even when punctuated ("His e-mail address is ...", "Visit www... for
// tickets"). With a social-media handle only these do ("Follow him on
// Twitter: @..."): news quotes posts, and cue words such as "twitter" or
// "photo" are common in its reports of them ("wrote on Twitter: @...").
constexpr std::array<std::string_view, 7> kContactWords = {
    "address", "contact", "reach", "reached", "visit", "visiting", "follow"};

constexpr std::array<std::string_view, 19> kDateWords = {
    "january", "february", "march",  "april",    "may",       "june",   "july",
    "august",  "september", "october", "november", "december", "updated", "published",
    "posted",  "gmt",      "utc",    "am",       "pm"};

constexpr std::array<std::string_view, 7> kDayWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool LetterAt(std::string_view s, size_t i) {
  return i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'));
}

// "(c) 2024 ...", "Copyright (c) ...": the mark opens the text or follows a
// space; "501(c) groups" is a tax code.
bool CopyrightC(std::string_view text) {
  for (size_t at = text.find("(c) "); at != std::string_view::npos;
       at = text.find("(c) ", at + 1)) {
    if (at == 0 || text[at - 1] == ' ') return true;
  }
  return false;
}

// A middle dot at byte i separates items ("Home · News · Sport") when a space
// stands on either side; between letters it is Catalan's "l·l".
bool SeparatingMiddleDot(std::string_view text, size_t i) {
  if (text.compare(i, 2, "\xC2\xB7") != 0) return false;
  return (i > 0 && text[i - 1] == ' ') || (i + 2 < text.size() && text[i + 2] == ' ');
}

// An agency's photo credit: "(Getty Images)", "Jane Doe/Getty Images",
// "Getty Images/iStockphoto", "... Photo: Getty Images". Named as a company
// in a sentence ("Getty Images agreed to buy ...") it is news.
bool Credited(std::string_view text, std::string_view agency) {
  for (size_t at = text.find(agency); at != std::string_view::npos;
       at = text.find(agency, at + 1)) {
    const size_t end = at + agency.size();
    const char before = at == 0 ? '\0' : text[at - 1];
    const char after = end < text.size() ? text[end] : '\0';
    size_t rest = end;
    while (rest < text.size() && (text[rest] == ' ' || text[rest] == '.' || text[rest] == ')'))
      ++rest;
    if (before == '(' || before == '/' || after == '/' || after == ')' || rest == text.size()) {
      return true;
    }
  }
  return false;
}

struct Features {
  size_t words = 0;
  size_t cue_words = 0;
  size_t contact_words = 0;
  size_t date_words = 0;      // month/day names, numbers, time markers
  size_t separators = 0;      // | » › • · between items
  bool copyright = false;     // © or "all rights reserved"
  bool link = false;          // a URL or e-mail address (or an '@' and a '.')
  bool address = false;       // a URL ("http", "www.") or an e-mail address
  bool handle = false;        // "@name"
  bool byline = false;        // "By Jane Doe" / "By Jane Doe and John Roe, Reuters"
  bool credit = false;        // "Photo: ...", "(AP Photo/...)", "Getty Images",
                              // "Jane Doe/The Daily Courier"
  bool stub = false;          // "Read more", "Continue reading", "See also"...
};

Features Measure(std::string_view text) {
  Features f;
  std::vector<Token> tokens;
  Tokenize(text, 0, text.size(), &tokens);
  f.words = tokens.size();
  std::vector<std::string> folded;
  folded.reserve(tokens.size());
  for (const Token& t : tokens) {
    std::string_view w = text.substr(t.begin, t.end - t.begin);
    folded.push_back(FoldCase(w));
    const std::string& fw = folded.back();
    f.cue_words += In(kCueWords, fw);
    f.contact_words += In(kContactWords, fw);
    const bool numeric = std::all_of(fw.begin(), fw.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == '.' || c == ',';
    });
    f.date_words += numeric || In(kDateWords, fw) || In(kDayWords, fw);
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '|') {
      ++f.separators;
    } else if (c == '\xC2' || c == '\xE2') {  // lead bytes of the others
      const std::string_view rest = text.substr(i);
      f.separators += rest.starts_with("\xC2\xBB") || rest.starts_with("\xE2\x80\xBA") ||
                      rest.starts_with("\xE2\x80\xA2") || SeparatingMiddleDot(text, i);
    }
  }
  f.copyright = text.find("\xC2\xA9") != std::string_view::npos || CopyrightC(text) ||
                text.find("ll rights reserved") != std::string_view::npos ||
                text.find("LL RIGHTS RESERVED") != std::string_view::npos;
  f.address = text.find("http://") != std::string_view::npos ||
              text.find("https://") != std::string_view::npos ||
              text.find("www.") != std::string_view::npos;
  f.link = f.address ||
           (text.find('@') != std::string_view::npos && text.find('.') != std::string_view::npos);
  // Each '@': inside a word it may start an e-mail host, before one a handle.
  auto word = [&](size_t i) {
    const char c = text[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-';
  };
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    const bool after = at + 1 < text.size() && word(at + 1);
    if (!after) continue;
    if (at == 0 || !word(at - 1)) {
      f.handle = true;
      continue;
    }
    size_t end = at + 1;  // name@host.tld: a dot inside the host
    while (end < text.size() && word(end)) ++end;
    const std::string_view host = text.substr(at + 1, end - at - 1);
    const size_t dot = host.find('.');
    f.address |= dot != std::string_view::npos && dot > 0 && dot + 1 < host.size();
  }
  // "By Jane Doe": "By" then only capitalized names and joiners, short.
  if (folded.size() >= 2 && folded.size() <= 9 && StartsWith(text, "By ")) {
    f.byline = true;
    for (size_t k = 1; k < tokens.size(); ++k) {
      std::string_view w = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
      const bool name = w[0] >= 'A' && w[0] <= 'Z';
      const bool joiner = folded[k] == "and" || folded[k] == "in" || folded[k] == "for";
      if (!name && !joiner) f.byline = false;
    }
  }
  for (std::string_view p : {"Photo:", "Photo by", "Photograph:", "Picture:", "Image:",
                             "Image copyright", "Image caption", "(Photo", "(AP Photo",
                             "Credit:", "Source:", "Video:", "Watch:", "WATCH:", "PHOTO:",
                             "Media caption", "Media playback"}) {
    if (StartsWith(text, p)) f.credit = true;
  }
  f.credit |= Credited(text, "Getty Images") || Credited(text, "AP Photo");
  // "Jane Doe/The Daily Courier": names only, one joined to the agency by a
  // slash (a photo credit under a caption). The caller asks for a short or
  // unpunctuated line.
  if (const size_t slash = text.find('/');
      slash != std::string_view::npos && slash > 0 && slash + 1 < text.size() &&
      text[slash + 1] >= 'A' && text[slash + 1] <= 'Z' && f.words >= 2 && f.words <= 10) {
    bool names = true;
    for (size_t k = 0; k < tokens.size() && names; ++k) {
      const char c = text[tokens[k].begin];
      names = (c >= 'A' && c <= 'Z') || folded[k] == "of" || folded[k] == "and";
    }
    f.credit |= names;
  }
  for (std::string_view p : {"Read more", "READ MORE", "Read More", "Continue reading",
                             "See also", "Related:", "RELATED:", "Click here", "More:",
                             "Also read", "Sign up", "Subscribe"}) {
    // Whole words: "Subscribers to the service ..." is news.
    if (StartsWith(text, p) && !LetterAt(text, p.size())) f.stub = true;
  }
  return f;
}

// `s` opens with `open` and that bracket closes at its last character.
bool OneBracketedUnit(std::string_view s, char open, char close) {
  if (s.size() < 2 || s.front() != open || s.back() != close) return false;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    depth += s[i] == open ? 1 : s[i] == close ? -1 : 0;
    if (depth == 0) return i + 1 == s.size();
  }
  return false;
}

// The line(s) holding [begin, end) form one parenthesized aside: they open
// with '(' and that parenthesis closes at their last character. Asides are
// short: a line past kMaxAside bytes is not one, which also bounds the
// scan on a document that is one long line.
constexpr size_t kMaxAside = 600;

bool InAside(std::string_view text, size_t begin, size_t end) {
  size_t from = begin, to = end;
  while (from > 0 && text[from - 1] != '\n') {
    if (begin - --from > kMaxAside) return false;
  }
  while (to < text.size() && text[to] != '\n') {
    if (++to - end > kMaxAside) return false;
  }
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (from < to && space(text[from])) ++from;
  while (to > from && space(text[to - 1])) --to;
  return OneBracketedUnit(text.substr(from, to - from), '(', ')');
}

// `s` ends with a sentence's final mark, before any closing quotes and
// spaces. (Sentence::punctuated looks through closing brackets too and not
// through spaces: "(... Huntsman.” )" would not count.)
bool ClosesASentence(std::string_view s) {
  while (!s.empty()) {
    if (s.back() == ' ' || s.back() == '"' || s.back() == '\'') {
      s.remove_suffix(1);
    } else if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) {  // ” ’
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' ||
                        s.ends_with("\xE2\x80\xA6"));  // …
}

// The sentence [begin, end) is one bracketed unit, "(Jane Doe/The Daily
// Courier)", "(Published Thursday, July 24, 2014)", "[Graphic: ...]", and
// the last thing on its line: a credit, stamp or pointer the page appended
// to a paragraph (a whole parenthesized line is InAside's). A parenthesis
// that closes a full sentence, "(The agency declined to comment.)", is the
// writer's aside in prose and stays; square brackets mark a link or an
// editor's insert either way.
bool BracketedTail(std::string_view text, size_t begin, size_t end) {
  for (size_t i = end; i < text.size() && text[i] != '\n'; ++i) {
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  }
  const std::string_view s = text.substr(begin, end - begin);
  return OneBracketedUnit(s, '[', ']') ||
         (OneBracketedUnit(s, '(', ')') && !ClosesASentence(s.substr(0, s.size() - 1)));
}

// An embedded post's signature ends the sentence: "... — Jane Doe
// (@janedoe) June 21, 2015" or "(@janedoe) 9 Jan 13", the forms social
// sites give a quoted post on a news page. The post is the page's embed, not
// the report.
bool EmbeddedPost(std::string_view s) {
  const size_t at = s.rfind("(@");
  if (at == std::string_view::npos) return false;
  const size_t close = s.find(')', at);
  if (close == std::string_view::npos) return false;
  std::vector<Token> tokens;
  Tokenize(s, close + 1, s.size(), &tokens);
  if (tokens.size() < 2 || tokens.size() > 3 || tokens.back().end != s.size()) return false;
  bool month = false;
  for (const Token& t : tokens) {
    const std::string w = FoldCase(s.substr(t.begin, t.end - t.begin));
    if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    // A month (kDateWords opens with the twelve), or its first three
    // letters or more ("jan", "sept").
    const bool named = w.size() >= 3 && std::any_of(kDateWords.begin(), kDateWords.begin() + 12,
                                                   [&](std::string_view m) {
                                                     return m.starts_with(w);
                                                   });
    if (!named || month) return false;
    month = true;
  }
  return month;
}

// A sentence labelled with its source after a bar: "Crowds cheered the
// verdict. | Getty", "Ten ways to save on fuel | Share", "Jane Doe, The
// Courier | example.com". The text before the last " | " is a caption or a
// link, the 1 to 6 words after it (no sentence punctuation at the end) the
// credit or site.
bool SourceLabelled(std::string_view s) {
  const size_t bar = s.rfind(" | ");
  if (bar == std::string_view::npos || s.substr(0, bar).find('|') != std::string_view::npos) {
    return false;
  }
  std::vector<Token> before, after;
  Tokenize(s, 0, bar, &before);
  Tokenize(s, bar + 3, s.size(), &after);
  const char last = s.back();
  return before.size() >= 4 && !after.empty() && after.size() <= 6 && last != '.' &&
         last != '!' && last != '?';
}

}  // namespace

void DropBoilerplate(CleanState& state) {
  // Short lines that recur in several documents are site furniture.
  // Keyed by a hash of the words: a collision could only join two short
  // unpunctuated lines, and needs 2^-64 luck.
  std::unordered_map<uint64_t, std::vector<uint32_t>> docs_of_line;
  for (size_t i = 0; i < state.size(); ++i) {
    const Sentence& s = state.sentence(i);
    if (!state.kept(i) || !s.whole_line || s.words > 15) continue;
    // Sentences come by document, so a document already counted is the last.
    auto& docs = docs_of_line[HashTerms(s.terms.data(), s.terms.size())];
    if (docs.empty() || docs.back() != s.doc) docs.push_back(s.doc);
  }
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.kept(i)) continue;
    const Sentence& s = state.sentence(i);
    const bool short_line = s.words <= 15;
    const std::string_view text = state.cluster().docs[s.doc].text;
    const std::string_view sentence = state.Text(i);
    if (InAside(text, s.span.begin, s.span.end) ||
        BracketedTail(text, s.span.begin, s.span.end) || EmbeddedPost(sentence) ||
        SourceLabelled(sentence)) {
      state.Drop(i, DropReason::kBoilerplate);
      continue;
    }
    // Every rule below needs a short or unpunctuated line: long prose skips
    // the feature pass (most of the text, so most of the cost).
    if (s.words > 40 || (s.punctuated && !short_line)) continue;
    const Features f = Measure(sentence);
    const bool repeated = s.whole_line && short_line &&
                          docs_of_line[HashTerms(s.terms.data(), s.terms.size())].size() >= 2;
    const bool date_only = s.whole_line && f.words > 0 && f.words <= 10 &&
                           f.date_words * 10 >= f.words * 7;
    // A contact or promotion line (see kContactWords).
    const bool contact = (f.address && (f.cue_words > 0 || f.contact_words > 0)) ||
                         (f.handle && f.contact_words > 0);
    // A strong sign of furniture, on a short or unpunctuated line.
    const bool strong = f.copyright || f.byline || f.credit || f.stub || date_only ||
                        f.separators >= 2 || contact;
    if (strong && (short_line || !s.punctuated)) {
      state.Drop(i, DropReason::kBoilerplate);
      continue;
    }
    // Prose (a punctuated sentence) is never dropped on weak signs: news
    // about Facebook shares or a photo exhibition uses the same words.
    if (s.punctuated) continue;
    if ((f.cue_words > 0 && (short_line || f.link)) || repeated) {
      state.Drop(i, DropReason::kBoilerplate);
    }
  }
}

}  // namespace precis
