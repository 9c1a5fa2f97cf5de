// Not public: the contents of data/, compiled into the library by
// cmake/embed_data.cmake so the binary needs no files at run time.
#ifndef PRECIS_BASE_EMBEDDED_DATA_H_
#define PRECIS_BASE_EMBEDDED_DATA_H_

#include <cstddef>
#include <string_view>

namespace precis {

struct EmbeddedFile {
  std::string_view name;  // path relative to data/, e.g. "stopwords/en.txt"
  std::string_view bytes;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kNumEmbeddedFiles;

// The bytes of data/<name>, or an empty view when there is no such file.
std::string_view EmbeddedData(std::string_view name);

}  // namespace precis

#endif  // PRECIS_BASE_EMBEDDED_DATA_H_
