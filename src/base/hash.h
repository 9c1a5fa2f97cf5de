// Not public: a fast hash of a term sequence, the key of a sentence's words
// or of a run of them (exact copies, shared quotes, repeated lines).
#ifndef PRECIS_BASE_HASH_H_
#define PRECIS_BASE_HASH_H_

#include <cstddef>
#include <cstdint>

namespace precis {

// FNV-1a over the term ids (Fowler, Noll & Vo; 64-bit offset basis and prime).
inline uint64_t HashTerms(const uint32_t* t, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t k = 0; k < n; ++k) h = (h ^ t[k]) * 1099511628211ULL;
  return h;
}

}  // namespace precis

#endif  // PRECIS_BASE_HASH_H_
