/* bench-clock.c — the clocks the benchmarks read */
#include "config.h"

#include <time.h>

#include "bench-clock.h"

double
bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double
bench_wall_ms (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}
