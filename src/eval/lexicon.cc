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
  const auto it = lexicon.exceptions.find(std::string(token));
  if (it != lexicon.exceptions.end()) return it->second;
  return PorterStem(token);
}

}  // namespace precis::rouge
