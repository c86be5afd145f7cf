/* bench-clock.h — the clocks the benchmarks read
 *
 * Compiled into every bench (bench/meson.build).  The rows are CPU time of
 * the process because the machine is shared with builds and other jobs;
 * wall time is printed beside them where it tells something.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * bench_cpu_ms:
 *
 * Returns: the CPU time this process (all its threads) has used, in ms
 */
double bench_cpu_ms  (void);

/**
 * bench_wall_ms:
 *
 * Returns: the monotonic clock, in ms
 */
double bench_wall_ms (void);

G_END_DECLS
