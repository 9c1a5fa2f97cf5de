// PLACEHOLDER (helper-1 owns this file).
#include <benchmark/benchmark.h>
BENCHMARK_MAIN();
