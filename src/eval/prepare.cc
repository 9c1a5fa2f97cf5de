#include "eval/prepare.h"

namespace precis::rouge {
namespace {

// Perl's \s on bytes: space, \t, \n, \v, \f, \r.
bool IsPerlSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The script lowercases ASCII, turns every byte but [A-Za-z0-9-] into a
// space and sets '-' apart; a "-" token then fails its ^[a-z0-9$] test. So
// the tokens are exactly the maximal [A-Za-z0-9] runs, lowercased.
void Tokenize(std::string_view text, Vocabulary& vocab,
              std::vector<uint32_t>& out) {
  thread_local std::string run;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    run.clear();
    while (i < text.size() && IsWordByte(text[i])) {
      char c = text[i++];
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
      run += c;
    }
    const uint32_t id = vocab.Map(run);
    if (id != Vocabulary::kDropped) out.push_back(id);
  }
}

// The first `fields` fields of `s` in Perl's split(/\s+/) sense, as a prefix
// of `s` (the script re-joins them with single spaces; same tokens).
std::string_view FirstFields(std::string_view s, size_t fields) {
  size_t i = 0;
  if (!s.empty() && IsPerlSpace(s[0])) {
    if (fields == 1) return s.substr(0, 0);  // just the leading empty field
    --fields;
  }
  for (size_t seen = 0; i < s.size();) {
    while (i < s.size() && IsPerlSpace(s[i])) ++i;
    if (i == s.size()) break;
    while (i < s.size() && !IsPerlSpace(s[i])) ++i;
    if (++seen == fields) return s.substr(0, i);
  }
  return s;
}

}  // namespace

size_t PerlFieldCount(std::string_view s) {
  size_t runs = 0;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && IsPerlSpace(s[i])) ++i;
    if (i == s.size()) break;
    ++runs;
    while (i < s.size() && !IsPerlSpace(s[i])) ++i;
  }
  if (runs == 0) return 0;
  return runs + (IsPerlSpace(s[0]) ? 1 : 0);
}

uint32_t Vocabulary::Map(std::string_view raw) {
  const auto found = raw_.find(raw);
  if (found != raw_.end()) return found->second;
  uint32_t id = kDropped;
  if (!(remove_stopwords_ && lexicon_.stopwords.count(std::string(raw)))) {
    std::string token = stem_ && raw.size() > 3 ? MorphStem(lexicon_, raw)
                                                 : std::string(raw);
    const auto it = ids_.find(token);
    id = it != ids_.end() ? it->second
                          : ids_.emplace(std::move(token), uint32_t(ids_.size())).first->second;
  }
  raw_.emplace(std::string(raw), id);
  return id;
}

Prepared Prepare(const Document& doc, const Options& options,
                 Vocabulary& vocab) {
  Prepared out;
  const auto& sentences = doc.sentences;
  std::vector<uint32_t> unit;
  auto add_unit = [&](std::string_view s) {
    unit.clear();
    Tokenize(s, vocab, unit);
    if (!unit.empty()) out.units.push_back(unit);
  };

  if (options.word_limit > 0) {
    // A sentence is kept whole while the running word count stays below
    // the limit; the one that reaches it is cut to the remaining words and
    // ends the summary. Both views truncate alike.
    const size_t limit = size_t(options.word_limit);
    size_t used = 0;
    for (const std::string& s : sentences) {
      const size_t n = PerlFieldCount(s);
      if (used + n < limit) {
        Tokenize(s, vocab, out.flat);
        add_unit(s);
        used += n;
      } else {
        const std::string_view cut = FirstFields(s, limit - used);
        Tokenize(cut, vocab, out.flat);
        add_unit(cut);
        break;
      }
    }
  } else if (options.byte_limit > 0) {
    const size_t limit = size_t(options.byte_limit);
    // The joined view counts the bytes of the sentences kept so far (not
    // the spaces that join them) ...
    size_t used = 0;
    for (const std::string& s : sentences) {
      if (used + s.size() < limit) {
        Tokenize(s, vocab, out.flat);
        used += s.size();
      } else {
        Tokenize(std::string_view(s).substr(0, limit - used), vocab, out.flat);
        break;
      }
    }
    // ... but the script's per-sentence reader for ROUGE-L/W never adds the
    // running total: each sentence shorter than the limit is kept whole, and
    // the first one as long as the limit is cut to it and ends the summary.
    for (const std::string& s : sentences) {
      if (s.size() < limit) {
        add_unit(s);
      } else {
        add_unit(std::string_view(s).substr(0, limit));
        break;
      }
    }
  } else {
    for (const std::string& s : sentences) {
      Tokenize(s, vocab, out.flat);
      add_unit(s);
    }
  }
  return out;
}

}  // namespace precis::rouge
