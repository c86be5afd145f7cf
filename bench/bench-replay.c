/* bench-replay.c — the section 5 replay on 125k .. 1M synthetic bars and the real history
 *
 * Synthetic bars: 5-minute bars, 09:30-16:00 New York on weekdays from 1975
 * (78 a day; 1M bars is about 51 years), a GARCH-like SPX walk with a VIX that
 * moves against it; VX1/VX2, VVIX and breadth on every bar.  Prints the best
 * of a few runs as total ms and ns per bar, so that linear growth shows.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh-core.h"
#include "bench-clock.h"
#include "test-market-util.h"

#define MAX_BARS 1000000

static double
gauss (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-300, 1.0);
  double v = g_rand_double (rand);
  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static AlvhMarketFrame *
synthetic_frame (gsize n)
{
  AlvhMarketFrame *f = alvh_market_frame_new (n);
  GRand *rand = g_rand_new_with_seed (20161);
  const double dt = 1.0 / (252.0 * 78.0);
  double s = 2000.0, var = 0.15 * 0.15, vix = 15.0, ad = 0.0;

  test_five_minute_times (f, 1975, 1, 6);
  for (gsize i = 0; i < n; i++)
    {
      double z = gauss (rand);
      double ret = sqrt (var * dt) * z;

      var = CLAMP (0.02 * 0.02 + 0.97 * var + 0.02 * (ret * ret / dt), 0.0025, 1.0);
      s *= exp (ret);
      vix = CLAMP (vix * exp (-4.0 * ret) + 0.002 * (100.0 * sqrt (var) - vix), 8.0, 90.0);
      f->open[i] = f->high[i] = f->low[i] = f->close[i] = s;
      f->vix[i] = vix;
      f->vx1[i] = vix < 20 ? vix * 1.06 : vix * 0.95;
      f->vx2[i] = f->vx1[i] * (vix < 20 ? 1.04 : 0.97);
      f->vvix[i] = 80.0 + 2.0 * vix;
      ad = z > 0 ? 1800 : 1200;
      f->advancers[i] = ad;
      f->decliners[i] = 3000 - ad;
    }
  g_rand_free (rand);
  return f;
}

/* The first n bars of `full` (copied). */
static AlvhMarketFrame *
prefix_frame (AlvhMarketFrame *full,
              gsize            n)
{
  AlvhMarketFrame *f = alvh_market_frame_new (n);

  memcpy (f->time, full->time, n * sizeof (gint64));
#define COPY(col) memcpy (f->col, full->col, n * sizeof (double))
  COPY (open); COPY (high); COPY (low); COPY (close); COPY (vix);
  COPY (vx1); COPY (vx2); COPY (vvix); COPY (advancers); COPY (decliners);
#undef COPY
  return f;
}

/* One replay of `frame` (evaluator set-up included): CPU ms; the set-up's
 * CPU ms to setup_ms. */
static double
time_replay_once (AlvhMarketFrame   *frame,
                  AlvhReplayResult **out,
                  double            *setup_ms)
{
  g_autoptr(AlvhProfile) profile = alvh_profile_new ();
  double c0 = bench_cpu_ms ();
  g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (frame, profile, NULL);
  double c1 = bench_cpu_ms ();
  AlvhReplayResult *res = alvh_replay_run (ev, NULL, NULL, NULL);
  double c2 = bench_cpu_ms ();

  *setup_ms = c1 - c0;
  if (out != NULL)
    *out = res;
  else
    alvh_replay_result_unref (res);
  return c2 - c0;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, (size_t) n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

#define ROUNDS 5

/* Interleaved rounds over all sizes (CPU time; the machine is shared): the
 * median of each size's rounds, total and evaluator set-up. */
static void
time_sizes (AlvhMarketFrame **frames,
            guint             n_frames,
            double           *ms,
            double           *setup,
            AlvhReplayResult **last)
{
  double all[8][ROUNDS], all_setup[8][ROUNDS];

  g_assert (n_frames <= 8);
  for (int r = 0; r < ROUNDS; r++)
    for (guint k = 0; k < n_frames; k++)
      all[k][r] = time_replay_once (frames[k], r == ROUNDS - 1 ? &last[k] : NULL, &all_setup[k][r]);
  for (guint k = 0; k < n_frames; k++)
    {
      ms[k] = median (all[k], ROUNDS);
      setup[k] = median (all_setup[k], ROUNDS);
    }
}

static double
time_replay (AlvhMarketFrame   *frame,
             int                runs,
             AlvhReplayResult **out,
             double            *setup_ms)
{
  double v[16], s[16];

  g_assert (runs <= 16);
  for (int r = 0; r < runs; r++)
    v[r] = time_replay_once (frame, r == runs - 1 ? out : NULL, &s[r]);
  *setup_ms = median (s, runs);
  return median (v, runs);
}

/* FNV-1a over the bytes of the equity curves, actions, branches and trades:
 * equal fingerprints mean the same replay to the last bit. */
static guint64
result_fingerprint (const AlvhReplayResult *res)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);
  const struct { const void *p; gsize n; } parts[] = {
    { res->equity_hedged, res->n_bars * sizeof (double) },
    { res->equity_unhedged, res->n_bars * sizeof (double) },
    { res->action, res->n_bars },
    { res->branch, res->n_bars },
    { res->trades->data, res->trades->len * sizeof (AlvhReplayTrade) },
  };

  for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
    for (gsize b = 0; b < parts[k].n; b++)
      h = (h ^ ((const guint8 *) parts[k].p)[b]) * G_GUINT64_CONSTANT (1099511628211);
  return h;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AlvhMarketFrame) full = synthetic_frame (MAX_BARS);
  const gsize sizes[] = { 125000, 250000, 500000, 1000000 };
  g_autoptr(AlvhSeries) spx = NULL;
  g_autoptr(AlvhSeries) vix = NULL;

  AlvhMarketFrame *frames[G_N_ELEMENTS (sizes)];
  AlvhReplayResult *res[G_N_ELEMENTS (sizes)];
  double ms[G_N_ELEMENTS (sizes)], setup[G_N_ELEMENTS (sizes)];
  double ns_250k = 0.0, ns_1m = 0.0, loop_250k = 0.0, loop_1m = 0.0;

  /* `bench-replay N [RUNS]`: only N synthetic bars, RUNS runs (for perf) */
  if (argc > 1)
    {
      gsize n = MIN ((gsize) g_ascii_strtoull (argv[1], NULL, 10), (gsize) MAX_BARS);
      int runs = argc > 2 ? CLAMP (atoi (argv[2]), 1, 100) : 1;
      g_autoptr(AlvhMarketFrame) f = prefix_frame (full, MAX (n, 1));

      for (int r = 0; r < runs; r++)
        {
          AlvhReplayResult *one = NULL;
          double s1 = 0.0, m1 = time_replay_once (f, &one, &s1);

          printf ("  %7zu bars: %8.1f ms CPU (%6.1f ms set-up), %6.0f ns/bar; fingerprint %016" G_GINT64_MODIFIER "x\n",
                  f->n, m1, s1, m1 * 1e6 / (double) f->n, result_fingerprint (one));
          alvh_replay_result_unref (one);
        }
      return 0;
    }
#ifdef ALVH_BENCH_CONFIG
  printf ("build: %s (figures are meant for a release-like build: optimization 2 or 3, as `meson setup -Dbuildtype=release`)\n",
          ALVH_BENCH_CONFIG);
#endif
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    frames[k] = prefix_frame (full, sizes[k]);
  time_sizes (frames, G_N_ELEMENTS (sizes), ms, setup, res);
  printf ("replay (synthetic 5-minute bars, VX/VVIX/breadth on every bar; CPU time, median of %d interleaved rounds):\n", ROUNDS);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      double ns = ms[k] * 1e6 / (double) sizes[k];
      double loop = (ms[k] - setup[k]) * 1e6 / (double) sizes[k];

      printf ("  %7zu bars: %8.1f ms CPU (%6.1f ms evaluator set-up), %6.0f ns/bar (%4.0f in the bar loop); "
              "%u condors, %u layers added; fingerprint %016" G_GINT64_MODIFIER "x\n",
              sizes[k], ms[k], setup[k], ns, loop, res[k]->trades->len, res[k]->n_add, result_fingerprint (res[k]));
      if (sizes[k] == 250000)
        {
          ns_250k = ns;
          loop_250k = loop;
        }
      if (sizes[k] == 1000000)
        {
          ns_1m = ns;
          loop_1m = loop;
        }
      alvh_replay_result_unref (res[k]);
      alvh_market_frame_unref (frames[k]);
    }
  printf ("ROW replay, 1M 5-minute bars: %.0f ns/bar (issue 22: 1,271 before; goal <= 420, ratio to goal %.2f: %s); "
          "linearity 1M/250k per bar %.2f (goal <= 1.15: %s)\n",
          ns_1m, ns_1m / 420.0, ns_1m <= 420.0 ? "met" : "NOT met", ns_1m / ns_250k,
          ns_1m / ns_250k <= 1.15 ? "met" : "NOT met");
  /* where the growth with N lives: the set-up (indicator arrays, their
   * page faults) or the bar loop (cache misses over the per-bar arrays) */
  printf ("    linearity 1M/250k of the bar loop alone %.2f, of the evaluator set-up alone %.2f\n",
          loop_1m / loop_250k, (ns_1m - loop_1m) / (ns_250k - loop_250k));

  spx = test_load_shared_series ("spx_daily_ohlc_1927_2026.csv");
  vix = test_load_shared_series ("vix_daily_cboe.csv");
  if (spx != NULL && vix != NULL)
    {
      g_autoptr(AlvhMarketFrame) f = alvh_market_frame_new_join (spx, vix, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
      AlvhReplayResult *res = NULL;
      double setup = 0.0;
      double ms = time_replay (f, 5, &res, &setup);

      printf ("replay (real daily SPX/VIX 1990-2026, %zu bars): %.2f ms CPU, %.0f ns/bar; %u condors, %u layers added\n",
              f->n, ms, ms * 1e6 / (double) f->n, res->trades->len, res->n_add);
      alvh_replay_result_unref (res);
    }
  else
    printf ("replay (real history): skipped, ALVH_SHARED_DATA absent\n");
  return 0;
}
