// Not public: what the fuzz targets share. Each target checks invariants
// (spans inside the text, valid UTF-8, budgets kept), not just "no crash";
// a broken invariant aborts, which libFuzzer and the CTest replay both
// report as a failure.
#ifndef PRECIS_FUZZ_FUZZ_CHECK_H_
#define PRECIS_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/utf8.h"

#define FUZZ_CHECK(cond)                                                  \
  do {                                                                    \
    if (!(cond)) {                                                        \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,     \
                   __LINE__, #cond);                                      \
      std::abort();                                                       \
    }                                                                     \
  } while (0)

// For checkers that return a description of what broke (empty: nothing).
#define FUZZ_CHECK_NO_PROBLEM(expr)                                       \
  do {                                                                    \
    const std::string problem_ = (expr);                                  \
    if (!problem_.empty()) {                                              \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,     \
                   __LINE__, problem_.c_str());                           \
      std::abort();                                                       \
    }                                                                     \
  } while (0)

namespace precis::fuzz {

// Takes option bytes off the front of the input, then hands out the rest.
// Past the end every byte reads as 0, so short inputs still get options.
class Input {
 public:
  Input(const uint8_t* data, size_t size)
      : bytes_(reinterpret_cast<const char*>(data), size) {}
  uint8_t Byte() {
    if (bytes_.empty()) return 0;
    const uint8_t b = static_cast<uint8_t>(bytes_.front());
    bytes_.remove_prefix(1);
    return b;
  }
  std::string_view Rest() const { return bytes_; }

 private:
  std::string_view bytes_;
};

inline bool IsValidUtf8(std::string_view s) {
  return FindInvalidUtf8(s) == kValidUtf8;
}

// True when offset i of valid UTF-8 `s` starts a character (or is the end).
inline bool IsCharBoundary(std::string_view s, size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// Languages the targets pick from: Latin, Cyrillic and Arabic scripts and
// the unspaced ones (ideographs, kana, Thai) segment differently.
inline const char* PickLanguage(uint8_t b) {
  static const char* const kLangs[] = {"en", "de", "fr", "es", "ru", "ar",
                                       "ja", "zh", "th", "nl", "it", "el"};
  return kLangs[b % (sizeof kLangs / sizeof kLangs[0])];
}

}  // namespace precis::fuzz

#endif  // PRECIS_FUZZ_FUZZ_CHECK_H_
