#include "base/utf8.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

namespace precis {
namespace {

// Reference: utf8proc's own decoder, one code point at a time.
size_t ReferenceFindInvalid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + i,
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<size_t>(n);
  }
  return kValidUtf8;
}

TEST(Utf8, KnownCases) {
  EXPECT_EQ(FindInvalidUtf8(""), kValidUtf8);
  EXPECT_EQ(FindInvalidUtf8("plain ascii text that is longer than eight"), kValidUtf8);
  EXPECT_EQ(FindInvalidUtf8("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xf0\x9f\x98\x80"), kValidUtf8);
  EXPECT_EQ(FindInvalidUtf8("ab\xc0\xaf"), 2u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("ab\xed\xa0\x80"), 2u);      // lone surrogate
  EXPECT_EQ(FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);    // past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xe2\x80"), 10u); // truncated
  EXPECT_EQ(FindInvalidUtf8("\x80"), 0u);                // stray continuation
  EXPECT_EQ(FindNul(std::string("a\0b", 3)), 1u);
  EXPECT_EQ(FindNul("abc"), kValidUtf8);
}

// Every string of one and two bytes, and every 3- and 4-byte string over a
// set of interesting bytes, agrees with utf8proc.
TEST(Utf8, AgreesWithUtf8procExhaustively) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string s{char(a), char(b)};
      ASSERT_EQ(FindInvalidUtf8(s), ReferenceFindInvalid(s)) << a << " " << b;
    }
  }
  const unsigned char interesting[] = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0,
                                       0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef,
                                       0xf0, 0xf4, 0xf5, 0xff};
  for (unsigned char a : interesting)
    for (unsigned char b : interesting)
      for (unsigned char c : interesting)
        for (unsigned char d : interesting) {
          const std::string s{char(a), char(b), char(c), char(d)};
          ASSERT_EQ(FindInvalidUtf8(s), ReferenceFindInvalid(s));
        }
}

TEST(Utf8, DescribeNamesTheOffset) {
  EXPECT_EQ(DescribeInvalidText("fine"), "");
  EXPECT_NE(DescribeInvalidText("ab\xff").find("byte 2"), std::string::npos);
  EXPECT_NE(DescribeInvalidText(std::string("x\0", 2)).find("NUL byte at byte 1"),
            std::string::npos);
}

}  // namespace
}  // namespace precis
