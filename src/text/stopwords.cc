#include <map>
#include <mutex>

#include "base/embedded_data.h"
#include "text/analyzer.h"

namespace precis {

const StopwordSet& StopwordSet::ForLanguage(std::string_view lang) {
  return Load("stopwords", lang);
}

const StopwordSet& StopwordSet::Connectives(std::string_view lang) {
  return Load("connectives", lang);
}

const StopwordSet& StopwordSet::Load(std::string_view folder, std::string_view lang) {
  // Built on first use per list, then shared read-only by all threads.
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<StopwordSet>, std::less<>> cache;
  const std::string path = std::string(folder) + "/" + std::string(lang) + ".txt";
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(path);
  if (it != cache.end()) return *it->second;
  auto set = std::make_unique<StopwordSet>();
  std::string_view data = EmbeddedData(path);
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line[0] == '#') continue;
    set->words_.insert(FoldCase(line));
  }
  return *cache.emplace(path, std::move(set)).first->second;
}

bool StopwordSet::Contains(std::string_view folded) const {
  // C++20 heterogeneous lookup needs a transparent hash; lists are small, so
  // one string construction per query is acceptable here.
  return words_.count(std::string(folded)) != 0;
}

}  // namespace precis
