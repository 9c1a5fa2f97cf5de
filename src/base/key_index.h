// Not public: dense numbers for 64-bit keys (packed term pairs, hashes of
// word runs), in order of first sight, so what is built on them does not
// depend on hashing. Open addressing with linear probing: the node-based
// std::unordered_map spent a tenth of the default algorithm's time numbering
// bigrams.
#ifndef PRECIS_BASE_KEY_INDEX_H_
#define PRECIS_BASE_KEY_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace precis {

class KeyIndex {
 public:
  KeyIndex() : KeyIndex(0) {}
  // Sized for `expected` keys at most, so it never grows: no old and new
  // table side by side, no table touched only to be copied.
  explicit KeyIndex(size_t expected) {
    size_t capacity = 1024;
    while (capacity < 2 * expected) capacity *= 2;
    Resize(capacity);
  }

  // The key's number: a new one (size() - 1) if unseen.
  uint32_t Number(uint64_t key) {
    if (key == kEmpty) {  // the slot marker itself: numbered on the side
      if (empty_key_id_ == UINT32_MAX) empty_key_id_ = count_++;
      return empty_key_id_;
    }
    size_t at = Home(key);
    while (keys_[at] != key) {
      if (keys_[at] == kEmpty) {
        if (2 * (count_ + 1) > keys_.size()) {  // keep the load under a half
          Resize(2 * keys_.size());
          return Number(key);
        }
        keys_[at] = key;
        ids_[at] = count_++;
        return ids_[at];
      }
      at = (at + 1) & (keys_.size() - 1);
    }
    return ids_[at];
  }

  size_t size() const { return count_; }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};

  size_t Home(uint64_t key) const { return size_t((key * 0x9E3779B97F4A7C15ull) >> shift_); }

  void Resize(size_t capacity) {  // a power of two
    std::vector<uint64_t> keys(capacity, kEmpty);
    std::vector<uint32_t> ids(capacity, 0);
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == kEmpty) continue;
      size_t at = Home(keys_[i]);
      while (keys[at] != kEmpty) at = (at + 1) & (capacity - 1);
      keys[at] = keys_[i];
      ids[at] = ids_[i];
    }
    keys_.swap(keys);
    ids_.swap(ids);
  }

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> ids_;
  uint32_t count_ = 0;
  uint32_t empty_key_id_ = UINT32_MAX;
  int shift_ = 64;
};

}  // namespace precis

#endif  // PRECIS_BASE_KEY_INDEX_H_
