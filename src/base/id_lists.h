// Not public: lists of ids by key (the sentences holding a term, the
// candidates holding a concept), all in one array: compressed rows, built in
// two passes over the pairs, so no vector per key.
#ifndef PRECIS_BASE_ID_LISTS_H_
#define PRECIS_BASE_ID_LISTS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace precis {

class IdLists {
 public:
  // `pairs(add)` must call add(key, id), key < keys, for every pair, and do
  // the same on each of its two calls (one counts, one fills). Each key's
  // list keeps the order of its adds.
  template <typename Pairs>
  IdLists(size_t keys, Pairs pairs) : start_(keys + 1, 0) {
    pairs([this](size_t key, uint32_t) { ++start_[key + 1]; });
    for (size_t k = 1; k < start_.size(); ++k) start_[k] += start_[k - 1];
    ids_.resize(start_.back());
    std::vector<uint32_t> at(start_.begin(), start_.end() - 1);
    pairs([&](size_t key, uint32_t id) { ids_[at[key]++] = id; });
  }

  std::span<const uint32_t> operator[](size_t key) const {
    return {ids_.data() + start_[key], start_[key + 1] - start_[key]};
  }

 private:
  std::vector<uint32_t> start_;  // by key; one more
  std::vector<uint32_t> ids_;
};

}  // namespace precis

#endif  // PRECIS_BASE_ID_LISTS_H_
