#include "base/embedded_data.h"

namespace precis {

std::string_view EmbeddedData(std::string_view name) {
  for (size_t i = 0; i < kNumEmbeddedFiles; ++i) {
    if (kEmbeddedFiles[i].name == name) return kEmbeddedFiles[i].bytes;
  }
  return {};
}

}  // namespace precis
