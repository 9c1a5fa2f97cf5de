// Not public: how the CLI sets up the heap for a short run.
#ifndef PRECIS_APPS_CLI_HEAP_H_
#define PRECIS_APPS_CLI_HEAP_H_

namespace precis::cli {

// Keeps freed memory in the process for the rest of the run instead of
// returning it to the kernel between stages (heap.cc says why). Changes no
// output; does nothing where malloc is not glibc's.
void PrepareHeap();

}  // namespace precis::cli

#endif  // PRECIS_APPS_CLI_HEAP_H_
