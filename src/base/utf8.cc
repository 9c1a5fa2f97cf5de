#include "base/utf8.h"

#include <cstring>

namespace precis {

int32_t DecodeUtf8Multibyte(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t left = s.size() - i;
  const unsigned char c = p[0];
  *len = 1;
  int n;
  int32_t cp;
  int32_t min;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
  else return 0xFFFD;
  if (left < static_cast<size_t>(n)) return 0xFFFD;
  for (int k = 1; k < n; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  *len = n;
  return cp;
}

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    size_t len;
    if (DecodeUtf8(s, i, &len) == 0xFFFD && len == 1) return i;
    i += len;
  }
  return kValidUtf8;
}

size_t FindNul(std::string_view s) {
  const void* p = std::memchr(s.data(), 0, s.size());
  return p ? static_cast<const char*>(p) - s.data() : kValidUtf8;
}

std::string DescribeInvalidText(std::string_view s) {
  if (size_t at = FindNul(s); at != kValidUtf8) {
    return "NUL byte at byte " + std::to_string(at) + " (binary data, not text?)";
  }
  if (size_t at = FindInvalidUtf8(s); at != kValidUtf8) {
    return "invalid UTF-8 at byte " + std::to_string(at) +
           " (convert the file to UTF-8, e.g. with iconv)";
  }
  return {};
}

}  // namespace precis
