/* bench-sweep.c — a 2-key sweep of 100 combinations over the real daily history
 *
 * wing_sd 0.40 .. 0.85 by 0.05 × delta_tolerance 0.10 .. 0.28 by 0.02 (10 × 10,
 * the profile's own 0.65 and 0.18 among them) over the SPX/VIX closes the two
 * series share (1990-2026), on alvh_sweep_n_threads() threads
 * (ALVH_SWEEP_THREADS to change).  Prints the wall and CPU seconds of the
 * sweep (the frame's loading is not counted) and the goal of issue 20:
 * under 10 s on 2 cores.  Data: $ALVH_SHARED_DATA; skipped when absent.
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "alvh-core.h"
#include "test-market-util.h"

#define GOAL_SECONDS 10.0

/* user + system seconds of the whole process (every thread) */
static double
cpu_seconds (void)
{
  struct rusage u;

  if (getrusage (RUSAGE_SELF, &u) != 0)
    return 0.0;
  return (double) u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + (double) u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

int
main (void)
{
  g_autoptr(AlvhSeries) spx = test_load_shared_series ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(AlvhSeries) vix = test_load_shared_series ("vix_daily_cboe.csv");
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhProfile) base = alvh_profile_new ();
  g_autoptr(AlvhSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  AlvhSweepAxis axes[2];
  const AlvhSweepRow *own, *best;
  gint64 t0;
  double c0, wall, cpu;

  if (spx == NULL || vix == NULL)
    {
      printf ("sweep (real history): skipped, spx_daily_ohlc_1927_2026.csv or vix_daily_cboe.csv not found: "
              "set ALVH_SHARED_DATA to the shared/data folder\n");
      return 0;
    }
  frame = alvh_market_frame_new_join (spx, vix, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
  if (!alvh_sweep_axis_parse ("wing_sd=0.40:0.85:0.05", &axes[0], &error) ||
      !alvh_sweep_axis_parse ("delta_tolerance=0.10:0.28:0.02", &axes[1], &error))
    g_error ("%s", error->message);

  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  sweep = alvh_sweep_run (&(AlvhSweepSpec) { frame, base, NULL, { axes[0], axes[1] }, 2, G_MININT64, G_MAXINT64 },
                          NULL, NULL, NULL, &error);
  wall = (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC;
  cpu = cpu_seconds () - c0;
  if (sweep == NULL)
    g_error ("%s", error->message);

  first = alvh_time_format_ny_date (frame->time[0]);
  last = alvh_time_format_ny_date (frame->time[frame->n - 1]);
  own = alvh_sweep_find_row (sweep, 5, 4);   /* wing_sd 0.65, delta_tolerance 0.18 */
  best = alvh_sweep_best_row (sweep, ALVH_OBJECTIVE_PNL_PER_DRAWDOWN);
  printf ("sweep: %s × %s, %u combinations over %zu daily bars (%s to %s) on %u threads (%u processors)\n",
          axes[0].key, axes[1].key, sweep->rows->len, sweep->n_bars, first, last, alvh_sweep_n_threads (),
          g_get_num_processors ());
  printf ("  profile's own values (%.2f, %.2f): hedged P&L %.0f, max drawdown %.0f\n", own->values[0], own->values[1],
          own->hedged.total_pnl, own->hedged.max_drawdown);
  if (best != NULL)
    printf ("  best P&L / drawdown (%.2f, %.2f): hedged P&L %.0f, max drawdown %.0f\n", best->values[0],
            best->values[1], best->hedged.total_pnl, best->hedged.max_drawdown);
  printf ("ROW sweep, 100 combinations 1990-2026 daily: %.2f s wall, %.2f s CPU (%.0f ms CPU per replay); "
          "goal < %.0f s on 2 cores: %s\n", wall, cpu, 1000.0 * cpu / sweep->rows->len, GOAL_SECONDS,
          wall < GOAL_SECONDS ? "met" : "NOT met");
  return 0;
}
