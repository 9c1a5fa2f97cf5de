#include "base/id_lists.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace precis {
namespace {

// Against a vector per key, on pseudo-random pairs with empty keys among them.
TEST(IdLists, SameListsAsAVectorPerKey) {
  constexpr size_t kKeys = 97;
  std::vector<std::pair<size_t, uint32_t>> pairs;
  uint64_t x = 88172645463325252ull;
  for (uint32_t id = 0; id < 3000; ++id) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    if (x % 5 != 0) pairs.push_back({(x >> 8) % (kKeys / 2) * 2, id});  // odd keys stay empty
  }
  std::vector<std::vector<uint32_t>> expected(kKeys);
  for (const auto& [key, id] : pairs) expected[key].push_back(id);
  const IdLists lists(kKeys, [&](auto add) {
    for (const auto& [key, id] : pairs) add(key, id);
  });
  size_t nonempty = 0;
  for (size_t key = 0; key < kKeys; ++key) {
    const auto got = lists[key];
    ASSERT_EQ(std::vector<uint32_t>(got.begin(), got.end()), expected[key]) << key;
    nonempty += !got.empty();
  }
  EXPECT_EQ(nonempty, kKeys / 2);
}

TEST(IdLists, NoKeysNoPairs) {
  const IdLists none(0, [](auto) {});
  const IdLists empty(3, [](auto) {});
  EXPECT_TRUE(empty[0].empty());
  EXPECT_TRUE(empty[2].empty());
}

}  // namespace
}  // namespace precis
