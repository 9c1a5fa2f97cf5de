#include "base/key_index.h"

#include <gtest/gtest.h>

#include <unordered_map>

namespace precis {
namespace {

// Numbers come in order of first sight and stay put as the table grows.
void ExpectFirstSightNumbers(KeyIndex& index) {
  std::unordered_map<uint64_t, uint32_t> expected;
  uint64_t x = 88172645463325252ull;  // xorshift: keys spread over all 64 bits
  for (int k = 0; k < 5000; ++k) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const uint64_t key = k % 3 == 0 ? uint64_t(k / 3) : x;  // small keys too
    const uint32_t number = expected.try_emplace(key, uint32_t(expected.size())).first->second;
    ASSERT_EQ(index.Number(key), number) << k;
    ASSERT_EQ(index.size(), expected.size());
  }
  for (const auto& [key, number] : expected) EXPECT_EQ(index.Number(key), number);
  EXPECT_EQ(index.size(), expected.size());
}

TEST(KeyIndex, NumbersInOrderOfFirstSightThroughGrowth) {
  KeyIndex index;
  ExpectFirstSightNumbers(index);
}

// A size given up front is only where the table starts: too large, it never
// grows; too small, it grows as the default one does.
TEST(KeyIndex, SizedUpFrontNumbersTheSame) {
  KeyIndex roomy(5000);
  ExpectFirstSightNumbers(roomy);
  KeyIndex small(10);
  ExpectFirstSightNumbers(small);
}

// The all-ones key marks empty slots inside; as a key it is numbered like
// any other (a run's hash may take that value).
TEST(KeyIndex, AllOnesKeyIsAKeyLikeAnyOther) {
  KeyIndex index;
  EXPECT_EQ(index.Number(7), 0u);
  EXPECT_EQ(index.Number(~uint64_t{0}), 1u);
  EXPECT_EQ(index.Number(8), 2u);
  EXPECT_EQ(index.Number(~uint64_t{0}), 1u);
  EXPECT_EQ(index.Number(7), 0u);
  EXPECT_EQ(index.size(), 3u);
}

}  // namespace
}  // namespace precis
