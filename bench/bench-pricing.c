/* bench-pricing.c — Black-Scholes greeks for 10M legs, implied volatility for 1M quotes
 *
 * Legs and quotes are random SPX-like options: spot 5000, 1 day to 2 years,
 * vol 5 % to 100 %, strikes within +-3 total-vol units of the forward, calls
 * and puts.  Prints the best of a few runs as ns per leg and us per quote, in
 * process CPU time (robust when other jobs share the machine) and wall time.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "alvh-core.h"

#define N_LEGS   10000000
#define N_QUOTES 1000000
#define N_RUNS   3

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

int
main (int argc, char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20161);
  double *k = g_new (double, N_LEGS);
  double *t = g_new (double, N_LEGS);
  double *vol = g_new (double, N_LEGS);
  double *price = g_new (double, N_QUOTES);
  guint8 *type = g_new (guint8, N_LEGS);
  const double s0 = 5000.0, r = 0.04, q = 0.013;
  double best_greeks = G_MAXDOUBLE, best_iv = G_MAXDOUBLE;
  double wall_greeks = G_MAXDOUBLE, wall_iv = G_MAXDOUBLE;
  double sink = 0.0, worst = 0.0;
  guint failures = 0;

  for (gsize i = 0; i < N_LEGS; i++)
    {
      double m = g_rand_double_range (rand, -3.0, 3.0);

      t[i] = g_rand_double_range (rand, 1.0 / 365, 2.0);
      vol[i] = g_rand_double_range (rand, 0.05, 1.0);
      k[i] = s0 * exp ((r - q) * t[i] + m * vol[i] * sqrt (t[i]));
      type[i] = (guint8) g_rand_int_range (rand, 0, 2);
    }
  for (gsize i = 0; i < N_QUOTES; i++)
    price[i] = alvh_bs_price (type[i], s0, k[i], t[i], vol[i], r, q);

  for (int run = 0; run < N_RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_seconds ();
      double el;

      for (gsize i = 0; i < N_LEGS; i++)
        {
          AlvhGreeks g;

          alvh_bs_greeks (type[i], s0, k[i], t[i], vol[i], r, q, &g);
          sink += g.price + g.delta + g.gamma + g.theta + g.vega + g.rho;
        }
      el = (cpu_seconds () - c0) * 1e9 / N_LEGS;
      best_greeks = MIN (best_greeks, el);
      wall_greeks = MIN (wall_greeks, (double) (g_get_monotonic_time () - t0) * 1e3 / N_LEGS);
    }

  for (int run = 0; run < N_RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_seconds ();
      double el;

      for (gsize i = 0; i < N_QUOTES; i++)
        {
          double iv;

          if (alvh_implied_vol (ALVH_MODEL_BLACK_SCHOLES, type[i], price[i], s0, k[i], t[i],
                                r, q, &iv, NULL))
            {
              sink += iv;
              if (run == 0)
                worst = MAX (worst, fabs (iv - vol[i]) / vol[i]);
            }
          else if (run == 0)
            failures++;
        }
      el = (cpu_seconds () - c0) * 1e6 / N_QUOTES;
      best_iv = MIN (best_iv, el);
      wall_iv = MIN (wall_iv, (double) (g_get_monotonic_time () - t0) / N_QUOTES);
    }

  printf ("greeks: %.1f ns/leg (cpu; wall %.1f) for %d legs, price + 5 greeks\n",
          best_greeks, wall_greeks, N_LEGS);
  printf ("iv: %.3f us/quote (cpu; wall %.3f) for %d quotes, %u failures, worst relative vol error %.2g\n",
          best_iv, wall_iv, N_QUOTES, failures, worst);
  if (sink == 42.0)
    printf ("\n");

  g_free (k);
  g_free (t);
  g_free (vol);
  g_free (price);
  g_free (type);
  return failures == 0 ? 0 : 1;
}
