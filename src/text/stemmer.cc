#include <libstemmer.h>

#include <algorithm>

#include "text/analyzer.h"

namespace precis {
namespace {

// Snowball's algorithm names, by the ISO 639-1 code --lang takes.
struct LangName {
  const char* iso;
  const char* snowball;
};
constexpr LangName kLanguages[] = {
    {"ar", "arabic"},     {"ca", "catalan"},   {"da", "danish"},
    {"de", "german"},     {"el", "greek"},     {"en", "english"},
    {"es", "spanish"},    {"eu", "basque"},    {"fi", "finnish"},
    {"fr", "french"},     {"ga", "irish"},     {"hi", "hindi"},
    {"hu", "hungarian"},  {"hy", "armenian"},  {"id", "indonesian"},
    {"it", "italian"},    {"lt", "lithuanian"}, {"ne", "nepali"},
    {"nl", "dutch"},      {"no", "norwegian"}, {"pt", "portuguese"},
    {"ro", "romanian"},   {"ru", "russian"},   {"sr", "serbian"},
    {"sv", "swedish"},    {"ta", "tamil"},     {"tr", "turkish"},
    {"yi", "yiddish"},
};

}  // namespace

std::vector<std::string> StemmerLanguages() {
  std::vector<std::string> out;
  for (const auto& l : kLanguages) {
    if (sb_stemmer* s = sb_stemmer_new(l.snowball, "UTF_8")) {
      sb_stemmer_delete(s);
      out.emplace_back(l.iso);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string CanonicalLanguage(std::string_view lang) {
  std::string code(lang.substr(0, lang.find_first_of("-_")));
  for (char& c : code) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  for (const auto& l : kLanguages) {
    if (code == l.snowball) return l.iso;
  }
  return code;
}

Result<Stemmer> Stemmer::Create(std::string_view lang) {
  const std::string code = CanonicalLanguage(lang);
  for (const auto& l : kLanguages) {
    if (code == l.iso) {
      if (sb_stemmer* s = sb_stemmer_new(l.snowball, "UTF_8")) return Stemmer(s);
    }
  }
  std::string known;
  for (const auto& code : StemmerLanguages()) known += " " + code;
  return Status::InvalidArgument("unknown language '" + std::string(lang) +
                                 "'; languages:" + known);
}

Stemmer::Stemmer(Stemmer&& other) noexcept : stemmer_(other.stemmer_) {
  other.stemmer_ = nullptr;
}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  std::swap(stemmer_, other.stemmer_);
  return *this;
}

Stemmer::~Stemmer() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

std::string_view Stemmer::Stem(std::string_view folded) {
  const sb_symbol* s = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()),
      static_cast<int>(folded.size()));
  if (s == nullptr) return folded;  // out of memory: the word itself
  return {reinterpret_cast<const char*>(s),
          static_cast<size_t>(sb_stemmer_length(stemmer_))};
}

}  // namespace precis
