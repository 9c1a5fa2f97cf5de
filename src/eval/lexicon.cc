#include "eval/lexicon.h"

#include "base/embedded_data.h"
#include "eval/porter.h"

namespace precis::rouge {
namespace {

// Calls `fn` on every line that is not a "# " header comment. The data files
// keep the script's lines byte for byte below their header.
template <typename Fn>
void ForEachDataLine(std::string_view bytes, Fn fn) {
  while (!bytes.empty()) {
    const size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    if (line.substr(0, 2) == "# " || line == "#") continue;
    fn(line);
  }
}

Result<Lexicon> Load() {
  const std::string_view stop = EmbeddedData("rouge/smart_common_words.txt");
  const std::string_view exc = EmbeddedData("rouge/wordnet_2.0_exc.txt");
  if (stop.empty() || exc.empty()) {
    return Status::Internal(
        "ROUGE word lists missing from the build (data/rouge/)");
  }
  Lexicon lexicon;
  ForEachDataLine(stop, [&](std::string_view line) {
    lexicon.stopwords.emplace(line);
  });
  ForEachDataLine(exc, [&](std::string_view line) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    lexicon.exceptions.emplace(line.substr(0, tab), line.substr(tab + 1));
  });
  return lexicon;
}

}  // namespace

Result<const Lexicon*> GetLexicon() {
  static const Result<Lexicon> lexicon = Load();  // thread-safe init
  if (!lexicon.ok()) return lexicon.status();
  return &lexicon.value();
}

std::string MorphStem(const Lexicon& lexicon, std::string_view token) {
  // Stems repeat across the pairs a thread scores: cache them per thread,
  // dropped wholesale when large so memory stays bounded.
  thread_local std::unordered_map<std::string, std::string> cache;
  thread_local const Lexicon* cached_for = nullptr;
  if (cached_for != &lexicon || cache.size() > (1u << 18)) {
    cache.clear();
    cached_for = &lexicon;
  }
  std::string key(token);
  const auto hit = cache.find(key);
  if (hit != cache.end()) return hit->second;
  const auto it = lexicon.exceptions.find(key);
  std::string stem = it != lexicon.exceptions.end() ? it->second : PorterStem(token);
  cache.emplace(std::move(key), stem);
  return stem;
}

}  // namespace precis::rouge
