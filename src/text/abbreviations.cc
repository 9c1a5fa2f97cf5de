#include "text/abbreviations.h"

#include <utf8proc.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>

#include "base/embedded_data.h"
#include "text/analyzer.h"

namespace precis {
namespace {

// Lower-cases `word` into `out`; false when it is too long to be an
// abbreviation (bounding the work per period) or not valid UTF-8.
bool LowerCase(std::string_view word, std::string* out) {
  constexpr size_t kMaxAbbreviationBytes = 32;
  out->clear();
  if (word.empty() || word.size() > kMaxAbbreviationBytes) return false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(word.size());
  while (left > 0) {
    if (*p < 0x80) {
      char c = static_cast<char>(*p);
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      ++p;
      --left;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(m));
    p += n;
    left -= n;
  }
  return true;
}

bool StartsWithCapital(std::string_view word) {
  if (word.empty()) return false;
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
      static_cast<utf8proc_ssize_t>(word.size()), &cp);
  if (n <= 0) return false;
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Calls `fn(line)` for each non-empty, non-comment line of `file`.
template <typename Fn>
void ForEachLine(std::string_view file, Fn fn) {
  while (!file.empty()) {
    size_t nl = file.find('\n');
    std::string_view line = Trim(file.substr(0, nl));
    file.remove_prefix(nl == std::string_view::npos ? file.size() : nl + 1);
    if (!line.empty() && line.front() != '#') fn(line);
  }
}

// Languages that write ordinals as "12." (German, Danish, the Slavic and
// Finno-Ugric languages, Turkish...), where "am 3. Mai" is one sentence.
constexpr std::array<std::string_view, 19> kOrdinalLanguages = {
    "bs", "cs", "da", "de", "et", "fi", "fo", "hr", "hu", "is",
    "lt", "lv", "nb", "nn", "no", "pl", "sk", "sl", "tr"};
constexpr std::array<std::string_view, 3> kColonLanguages = {"ar", "hy", "fa"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& set, std::string_view s) {
  for (std::string_view x : set) {
    if (x == s) return true;
  }
  return false;
}

}  // namespace

class LanguageRulesBuilder {
 public:
  static LanguageRules Build(std::string_view lang) {
    LanguageRules rules;
    std::string path = "abbreviations/" + std::string(lang) + ".txt";
    std::string_view list = EmbeddedData(path);
    if (list.empty()) list = EmbeddedData("abbreviations/en.txt");
    std::string key;
    ForEachLine(list, [&](std::string_view line) {
      size_t space = line.find_first_of(" \t");
      std::string_view word = line.substr(0, space);
      std::string_view kind_name =
          space == std::string_view::npos ? "" : Trim(line.substr(space));
      LanguageRules::Entry entry;
      entry.kind = kind_name == "title"         ? AbbreviationKind::kTitle
                   : kind_name == "number"      ? AbbreviationKind::kNumber
                   : kind_name == "exclamation" ? AbbreviationKind::kExclamation
                                                : AbbreviationKind::kPlain;
      entry.capital_only = StartsWithCapital(word);
      if (LowerCase(word, &key)) rules.abbreviations_[key] = entry;
    });
    // English starters serve every language: news in any language quotes
    // English names and sentences, and they never match a name.
    for (std::string_view file :
         {std::string_view("en"), lang}) {
      ForEachLine(EmbeddedData("sentence_starters/" + std::string(file) + ".txt"),
                  [&](std::string_view w) { rules.starters_.emplace(w); });
    }
    rules.ordinal_numbers_ = Contains(kOrdinalLanguages, lang);
    rules.colon_ends_sentence_ = Contains(kColonLanguages, lang);
    rules.semicolon_asks_ = lang == "el";
    return rules;
  }
};

AbbreviationKind LanguageRules::Lookup(std::string_view word) const {
  // Per-thread scratch: lookups happen at every period.
  thread_local std::string key;
  if (!LowerCase(word, &key)) return AbbreviationKind::kNone;
  auto it = abbreviations_.find(std::string_view(key));
  if (it == abbreviations_.end()) return AbbreviationKind::kNone;
  if (it->second.capital_only && !StartsWithCapital(word)) {
    return AbbreviationKind::kNone;
  }
  return it->second.kind;
}

bool LanguageRules::IsSentenceStarter(std::string_view word) const {
  return starters_.find(word) != starters_.end();
}

const LanguageRules& RulesForLanguage(std::string_view lang) {
  // Built on first use of each language (a process summarizing English never
  // pays for the others), then shared read-only; the lock only guards the
  // lookup. Codes with nothing of their own share the English rules, so the
  // cache stays bounded whatever codes callers pass.
  static std::mutex mu;
  static auto* const cache =
      new std::map<std::string, std::unique_ptr<const LanguageRules>, std::less<>>();
  std::string code = CanonicalLanguage(lang);
  const bool own = !EmbeddedData("abbreviations/" + code + ".txt").empty() ||
                   !EmbeddedData("sentence_starters/" + code + ".txt").empty() ||
                   Contains(kOrdinalLanguages, code) ||
                   Contains(kColonLanguages, code) || code == "el";
  if (!own) code = "en";
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache->find(code);
  if (it == cache->end()) {
    it = cache->emplace(code, std::make_unique<const LanguageRules>(
                                  LanguageRulesBuilder::Build(code))).first;
  }
  return *it->second;
}

}  // namespace precis
