// Not public: UTF-8 checks shared by the stages.
#ifndef PRECIS_BASE_UTF8_H_
#define PRECIS_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace precis {

inline constexpr size_t kValidUtf8 = static_cast<size_t>(-1);

// Offset of the first byte that is not part of well-formed UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF are ill-formed), or
// kValidUtf8.
size_t FindInvalidUtf8(std::string_view s);

// Offset of the first NUL byte, or kValidUtf8 when there is none. Text
// documents never contain NUL; binary files nearly always do.
size_t FindNul(std::string_view s);

// DecodeUtf8 past ASCII: s[i] >= 0x80.
int32_t DecodeUtf8Multibyte(std::string_view s, size_t i, size_t* len);

// Decodes the code point at s[i]; sets *len to its byte length (1 for an
// invalid byte, which decodes as U+FFFD). Inline for ASCII: the tokenizer
// and the segmenter call it once per byte.
inline int32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  return DecodeUtf8Multibyte(s, i, len);
}

// "invalid UTF-8 at byte 12" or "NUL byte at byte 3 (binary data?)", or an
// empty string when `s` is valid text.
std::string DescribeInvalidText(std::string_view s);

}  // namespace precis

#endif  // PRECIS_BASE_UTF8_H_
