/* bench-indicators.c — every indicator on 1M bars of a synthetic random walk
 *
 * Prints, per indicator, the best of a few runs as ns per bar and MB/s of
 * input read (8 bytes per input column per bar).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "alvh-core.h"

#define N_BARS 1000000
#define N_RUNS 5

typedef struct
{
  const double *a;   /* close / vix / advancers / y */
  const double *b;   /* spx / decliners / x */
  double       *out;
  double       *out2;
  double       *out3;
} Bufs;

typedef void (*BenchFunc) (Bufs *bufs);

static void run_sma (Bufs *b)        { alvh_sma (b->a, N_BARS, 20, b->out); }
static void run_ema (Bufs *b)        { alvh_ema (b->a, N_BARS, 26, b->out); }
static void run_rsi (Bufs *b)        { alvh_rsi (b->a, N_BARS, 14, b->out); }
static void run_macd (Bufs *b)       { alvh_macd (b->a, N_BARS, 12, 26, 9, b->out, b->out2, b->out3); }
static void run_vol (Bufs *b)        { alvh_realized_vol (b->a, N_BARS, 20, 252.0, b->out); }
static void run_ad (Bufs *b)         { alvh_ad_line (b->a, b->b, N_BARS, b->out); }
static void run_beta (Bufs *b)       { alvh_rolling_beta (b->a, b->b, N_BARS, 60, b->out); }
static void run_logret (Bufs *b)     { alvh_log_returns (b->a, N_BARS, b->out); }
static void run_return_beta (Bufs *b){ alvh_return_beta (b->a, b->b, N_BARS, 60, b->out); }
static void run_max (Bufs *b)        { alvh_rolling_max (b->a, N_BARS, 20, b->out); }
static void run_min (Bufs *b)        { alvh_rolling_min (b->a, N_BARS, 252, b->out); }

static double
gauss (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-300, 1.0);
  double v = g_rand_double (rand);
  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

int
main (int argc, char **argv)
{
  const struct { const char *name; BenchFunc func; int inputs; } benches[] = {
    { "sma(20)",              run_sma,         1 },
    { "ema(26)",              run_ema,         1 },
    { "rsi(14)",              run_rsi,         1 },
    { "macd(12,26,9)",        run_macd,        1 },
    { "realized_vol(20)",     run_vol,         1 },
    { "ad_line",              run_ad,          2 },
    { "rolling_beta(60)",     run_beta,        2 },
    { "log_returns",          run_logret,      1 },
    { "return_beta(60)",      run_return_beta, 2 },
    { "rolling_max(20)",      run_max,         1 },
    { "rolling_min(252)",     run_min,         1 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20161);
  g_autofree double *spx = g_new (double, N_BARS);
  g_autofree double *vix = g_new (double, N_BARS);
  g_autofree double *out = g_new (double, N_BARS);
  g_autofree double *out2 = g_new (double, N_BARS);
  g_autofree double *out3 = g_new (double, N_BARS);
  Bufs bufs;
  double check = 0.0;

  /* an SPX-like walk (1% a day) and a VIX that moves against it */
  spx[0] = 3000.0;
  vix[0] = 20.0;
  for (gsize i = 1; i < N_BARS; i++)
    {
      double z = gauss (rand);
      spx[i] = spx[i - 1] * exp (0.01 * z);
      vix[i] = CLAMP (vix[i - 1] * exp (-0.04 * z + 0.03 * gauss (rand)), 8.0, 90.0);
    }

  g_print ("# indicators on %d bars (best of %d runs)\n", N_BARS, N_RUNS);
  g_print ("# %-20s %10s %10s\n", "indicator", "ns/bar", "MB/s");

  for (guint k = 0; k < G_N_ELEMENTS (benches); k++)
    {
      double best = G_MAXDOUBLE;

      bufs = (Bufs) { vix, spx, out, out2, out3 };
      if (benches[k].func == run_vol || benches[k].func == run_logret
          || benches[k].func == run_max || benches[k].func == run_min
          || benches[k].func == run_rsi)
        bufs.a = spx;

      for (int r = 0; r < N_RUNS; r++)
        {
          gint64 t0 = g_get_monotonic_time ();
          benches[k].func (&bufs);
          best = MIN (best, (double) (g_get_monotonic_time () - t0));
          check += isnan (out[N_BARS - 1]) ? 0.0 : out[N_BARS - 1];
        }

      g_print ("  %-20s %10.2f %10.1f\n", benches[k].name,
               best * 1e3 / N_BARS,
               (double) N_BARS * 8 * benches[k].inputs / best);   /* bytes per us = MB/s */
    }

  g_print ("# checksum %.6g\n", check);
  return 0;
}
