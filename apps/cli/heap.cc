// glibc's malloc gives memory back to the kernel as soon as 128 KB lie free
// at the heap's top, and serves blocks over 128 KB with mmap, unmapped on
// free. A summarize run frees each stage's temporaries before the next
// stage allocates its own, so the same memory went back and forth, and each
// return trip cost a fresh page fault per 4 KB (1.5 us each on the
// benchmark machine). Keeping freed memory for the rest of the run removes
// about 60 of a run's ~410 faults: 6.14 -> 5.55 ms median per duc2003-t3
// cluster, whole process (bench/results/algorithms-2026-11-25.md). The
// output cannot change: only where blocks come from does.
#include "heap.h"

#include <cstdlib>  // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#endif

namespace precis::cli {

void PrepareHeap() {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

}  // namespace precis::cli
