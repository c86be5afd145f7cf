/* test-pricing-batch.c — the chain API (alvh_chain_greeks, alvh_chain_implied_vol)
 *
 * The chain functions must give the very numbers of the per-leg functions,
 * meet the published vectors ($ALVH_SHARED_DATA/bs_test_vectors.csv and
 * bs_benchmark_pyvollib.csv; skipped without the data folder), invert every
 * price back to itself across moneyness and maturity extremes (deep ITM and
 * OTM, one minute to 30 years, 0.1 % to 400 % vol), and the greeks must stay
 * within 1e-12 relative of a long-double evaluation.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "alvh-pricing-private.h"
#include "test-market-util.h"
#include "test-util.h"

static GPtrArray *
load_shared_records (const char *file)
{
  g_autofree char *path = test_shared_data_path (file);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip_printf ("shared reference data absent: set ALVH_SHARED_DATA to the shared/data folder holding %s", file);
      return NULL;
    }
  records = alvh_csv_read_records (path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&records);
}

static void
assert_same_greeks (const AlvhGreeks *a, const AlvhGreeks *b)
{
  /* the same computation: identical doubles */
  g_assert_cmpfloat (a->price, ==, b->price);
  g_assert_cmpfloat (a->delta, ==, b->delta);
  g_assert_cmpfloat (a->gamma, ==, b->gamma);
  g_assert_cmpfloat (a->theta, ==, b->theta);
  g_assert_cmpfloat (a->vega, ==, b->vega);
  g_assert_cmpfloat (a->rho, ==, b->rho);
}

/* bs_test_vectors.csv through the chain API, each row a chain of one leg
 * (prices and greeks) or one quote (implied vols), within the row's tolerance. */
static void
test_published_vectors (void)
{
  g_autoptr(GPtrArray) records = load_shared_records ("bs_test_vectors.csv");
  guint checked = 0;

  if (records == NULL)
    return;
  for (guint i = 1; i < records->len; i++)
    {
      char **f = records->pdata[i];
      AlvhChainExpiry ex;
      AlvhOptionType type;
      const char *qty, *units;
      double k, vol, expected, tol, got;
      char *end = NULL;
      gboolean b76;

      g_assert_cmpuint (g_strv_length (f), ==, 15);
      qty = f[10];
      units = f[13];
      if (strcmp (qty, "elasticity") == 0 || strcmp (qty, "dividend_rho") == 0)
        continue;
      b76 = g_str_has_prefix (f[1], "black76");
      type = strcmp (f[2], "call") == 0 ? ALVH_OPTION_CALL : ALVH_OPTION_PUT;
      ex.model = b76 ? ALVH_MODEL_BLACK_76 : ALVH_MODEL_BLACK_SCHOLES;
      ex.underlying = g_ascii_strtod (f[3], NULL);
      k = g_ascii_strtod (f[4], NULL);
      ex.t = g_ascii_strtod (f[5], &end);
      if (end != NULL && *end == '/')
        ex.t /= g_ascii_strtod (end + 1, NULL);
      ex.r = strcmp (f[1], "black76_undiscounted") == 0 ? 0.0 : g_ascii_strtod (f[6], NULL);
      ex.q = b76 ? 0.0 : g_ascii_strtod (f[7], NULL);
      expected = g_ascii_strtod (f[11], NULL);
      tol = g_ascii_strtod (f[12], NULL);

      if (strcmp (qty, "implied_vol") == 0)
        {
          double price = g_ascii_strtod (f[9], NULL), scalar;
          AlvhIvStatus st = ALVH_IV_INVALID;

          g_assert_cmpuint (alvh_chain_implied_vol (&ex, 1, &type, &k, &price, &got, &st), ==, 1);
          g_assert_cmpint (st, ==, ALVH_IV_OK);
          g_assert_true (alvh_implied_vol (ex.model, type, price, ex.underlying, k, ex.t, ex.r, ex.q,
                                           &scalar, NULL));
          g_assert_cmpfloat (got, ==, scalar);
        }
      else
        {
          AlvhGreeks g, s;

          vol = g_ascii_strtod (f[8], NULL);
          alvh_chain_greeks (&ex, 1, &type, &k, &vol, &g);
          alvh_option_greeks (ex.model, type, ex.underlying, k, ex.t, vol, ex.r, ex.q, &s);
          assert_same_greeks (&g, &s);
          if (!test_greeks_quantity (&g, qty, units, &got))
            g_error ("row %s: unknown quantity %s", f[0], qty);
        }
      if (!(fabs (got - expected) <= tol))
        g_error ("bs_test_vectors row %s (%s %s): chain gives %.12g, expected %.12g +- %g",
                 f[0], f[1], qty, got, expected, tol);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 81);
}

/* py_vollib's table: each row one chain of a call and a put; the call to
 * its 10 printed digits, the put to 9; and the chain's implied vol of our
 * price back to the table's vol where the price carries it. */
static void
test_pyvollib (void)
{
  g_autoptr(GPtrArray) records = load_shared_records ("bs_benchmark_pyvollib.csv");
  guint checked = 0, inverted = 0;

  if (records == NULL)
    return;
  for (guint i = 1; i < records->len; i++)
    {
      char **f = records->pdata[i];
      AlvhChainExpiry ex = { ALVH_MODEL_BLACK_SCHOLES, 0, 0, 0, 0 };
      const AlvhOptionType types[2] = { ALVH_OPTION_CALL, ALVH_OPTION_PUT };
      double k[2], vol[2], price[2], iv[2], call, put;
      AlvhGreeks g[2];
      AlvhIvStatus st[2];

      g_assert_cmpuint (g_strv_length (f), ==, 18);
      ex.underlying = g_ascii_strtod (f[0], NULL);
      k[0] = k[1] = g_ascii_strtod (f[1], NULL);
      ex.r = g_ascii_strtod (f[2], NULL);
      ex.t = g_ascii_strtod (f[3], NULL);
      vol[0] = vol[1] = g_ascii_strtod (f[4], NULL);
      call = g_ascii_strtod (f[17], NULL);
      put = g_ascii_strtod (f[6], NULL);
      alvh_chain_greeks (&ex, 2, types, k, vol, g);
      g_assert_cmpfloat_with_epsilon (g[0].price, call, 2e-9 * fabs (call) + 6e-11);
      g_assert_cmpfloat_with_epsilon (g[1].price, put, 1e-8 * fabs (put) + 1e-6);

      price[0] = g[0].price;
      price[1] = g[1].price;
      alvh_chain_implied_vol (&ex, 2, types, k, price, iv, st);
      for (int j = 0; j < 2; j++)
        {
          double intrinsic = j == 0 ? MAX (ex.underlying - k[j] * exp (-ex.r * ex.t), 0.0)
                                    : MAX (k[j] * exp (-ex.r * ex.t) - ex.underlying, 0.0);

          /* time value lost to rounding next to the intrinsic value, or no price at all */
          if (st[j] != ALVH_IV_OK)
            {
              g_assert_true (st[j] == ALVH_IV_BELOW_INTRINSIC);
              g_assert_cmpfloat (price[j] - intrinsic, <=, 1e-12 * MAX (price[j], 1.0));
              continue;
            }
          if (g[j].vega * 100.0 * vol[j] > 1e-6 * price[j])
            {
              g_assert_cmpfloat_with_epsilon (iv[j], vol[j], 1e-9 * vol[j]);
              inverted++;
            }
        }
      checked++;
    }
  g_assert_cmpuint (checked, ==, 101);
  g_assert_cmpuint (inverted, >, 40);
}

/* Chains at the extremes: one minute to 30 years, 0.1 % to 400 % vol,
 * ln(K/F) from -14 to +14 total-vol units plus strikes 1/1000 and 1000
 * times the forward; both models.  Every quote the chain solves is exactly
 * the scalar alvh_implied_vol() and prices back within 1e-10 relative; a
 * quote it does not solve lies on a bound after rounding. */
static void
test_iv_extremes (void)
{
  const double ts[] = { 1.0 / (365 * 24 * 60), 1.0 / (365 * 24), 1.0 / 365, 7.0 / 365, 0.25, 1.0, 5.0, 30.0 };
  const double vols[] = { 0.001, 0.01, 0.05, 0.2, 1.0, 4.0 };
  enum { NM = 31, NK = NM + 2, NQ = 2 * NK };
  guint solved = 0, on_bound = 0;
  double worst = 0.0;

  for (int model = 0; model < 2; model++)
    for (guint it = 0; it < G_N_ELEMENTS (ts); it++)
      for (guint iv = 0; iv < G_N_ELEMENTS (vols); iv++)
        {
          AlvhChainExpiry ex = { model, 4500.0, ts[it], 0.045, 0.015 };
          double fwd = model == ALVH_MODEL_BLACK_76 ? ex.underlying
                                                    : ex.underlying * exp ((ex.r - ex.q) * ex.t);
          double sd = vols[iv] * sqrt (ts[it]);
          double k[NQ], vol[NQ], price[NQ], got[NQ];
          AlvhOptionType type[NQ];
          AlvhIvStatus st[NQ];
          gsize n = 0, count;

          for (int j = 0; j < NK; j++)
            for (int c = 0; c < 2; c++)
              {
                double kk = j < NM ? fwd * exp ((-14.0 + 28.0 * j / (NM - 1)) * sd)
                                   : (j == NM ? fwd / 1000.0 : fwd * 1000.0);
                AlvhGreeks g;

                alvh_option_greeks (model, c, ex.underlying, kk, ex.t, vols[iv], ex.r, ex.q, &g);
                if (!(g.price > 1e-300))
                  continue;
                k[n] = kk;
                vol[n] = vols[iv];
                type[n] = c;
                price[n] = g.price;
                n++;
              }
          count = alvh_chain_implied_vol (&ex, n, type, k, price, got, st);
          for (gsize j = 0; j < n; j++)
            {
              double scalar = -1.0;
              g_autoptr(GError) error = NULL;
              gboolean ok = alvh_implied_vol (model, type[j], price[j], ex.underlying, k[j], ex.t,
                                              ex.r, ex.q, &scalar, &error);

              g_assert_cmpint (ok, ==, st[j] == ALVH_IV_OK);
              if (ok)
                {
                  AlvhGreeks g;
                  double err;

                  g_assert_cmpfloat (got[j], ==, scalar);
                  alvh_option_greeks (model, type[j], ex.underlying, k[j], ex.t, got[j], ex.r, ex.q, &g);
                  err = fabs (g.price - price[j]) / price[j];
                  if (!(err <= 1e-10))
                    g_error ("chain IV round trip: model %d %s t=%g vol=%g K=%.10g price %.17g -> %.17g -> %.17g",
                             model, type[j] == ALVH_OPTION_CALL ? "call" : "put", ex.t, vol[j], k[j],
                             price[j], got[j], g.price);
                  worst = MAX (worst, err);
                  solved++;
                }
              else
                {
                  double df = exp (-ex.r * ex.t);
                  double intrinsic = df * MAX (type[j] == ALVH_OPTION_CALL ? fwd - k[j] : k[j] - fwd, 0.0);
                  double cap = df * (type[j] == ALVH_OPTION_CALL ? fwd : k[j]);

                  g_assert_true (isnan (got[j]));
                  g_assert_true (st[j] == ALVH_IV_BELOW_INTRINSIC || st[j] == ALVH_IV_ABOVE_MAXIMUM);
                  if (st[j] == ALVH_IV_BELOW_INTRINSIC)
                    g_assert_cmpfloat (price[j] - intrinsic, <=, 1e-13 * price[j]);
                  else
                    g_assert_cmpfloat (cap - price[j], <=, 1e-13 * price[j]);
                  on_bound++;
                }
            }
          g_assert_cmpuint (count, <=, n);
        }
  g_test_message ("%u quotes solved, %u on a bound after rounding, worst relative price error %.3g",
                  solved, on_bound, worst);
  g_assert_cmpuint (solved, >, 4000);
}

static void
test_iv_status (void)
{
  AlvhChainExpiry ex = { ALVH_MODEL_BLACK_76, 110.0, 0.5, 0.04, 0.0 };
  const AlvhOptionType type[6] = { ALVH_OPTION_CALL, ALVH_OPTION_CALL, ALVH_OPTION_PUT,
                                   ALVH_OPTION_PUT, ALVH_OPTION_CALL, ALVH_OPTION_CALL };
  const double k[6] = { 100, 100, 100, -100, 100, 100 };
  double price[6] = { 9.0, 0.0, 99.5, 1.0, NAN, 0.0 };
  double vol[6];
  AlvhIvStatus st[6];

  price[5] = alvh_black76_price (ALVH_OPTION_CALL, 110, 100, 0.5, 0.3, 0.04);
  g_assert_cmpuint (alvh_chain_implied_vol (&ex, 6, type, k, price, vol, st), ==, 1);
  g_assert_cmpint (st[0], ==, ALVH_IV_BELOW_INTRINSIC);
  g_assert_cmpint (st[1], ==, ALVH_IV_BELOW_INTRINSIC);
  g_assert_cmpint (st[2], ==, ALVH_IV_ABOVE_MAXIMUM);
  g_assert_cmpint (st[3], ==, ALVH_IV_INVALID);
  g_assert_cmpint (st[4], ==, ALVH_IV_INVALID);
  g_assert_cmpint (st[5], ==, ALVH_IV_OK);
  for (int i = 0; i < 5; i++)
    g_assert_true (isnan (vol[i]));
  g_assert_cmpfloat_with_epsilon (vol[5], 0.3, 1e-13);

  /* an expiry that is no expiry: nothing solved, every quote invalid */
  ex.t = 0.0;
  g_assert_cmpuint (alvh_chain_implied_vol (&ex, 6, type, k, price, vol, st), ==, 0);
  for (int i = 0; i < 6; i++)
    g_assert_cmpint (st[i], ==, ALVH_IV_INVALID);
  /* no status array wanted */
  ex.t = 0.5;
  g_assert_cmpuint (alvh_chain_implied_vol (&ex, 6, type, k, price, vol, NULL), ==, 1);
}

/* long-double reference of the Black-Scholes price and greeks */
static void
ref_greeks (AlvhOptionType type, long double s, long double k, long double t, long double vol,
            long double r, long double q, long double v[6], long double *theta_scale)
{
  long double th = type == ALVH_OPTION_CALL ? 1.0L : -1.0L;
  long double sqt = sqrtl (t), sig = vol * sqt;
  long double d1 = (logl (s / k) + (r - q) * t) / sig + 0.5L * sig, d2 = d1 - sig;
  long double dq = expl (-q * t), dr = expl (-r * t);
  long double pdf = expl (-0.5L * d1 * d1) / sqrtl (2.0L * 3.14159265358979323846264338327950288L);
  long double n1 = 0.5L * erfcl (-th * d1 / sqrtl (2.0L)), n2 = 0.5L * erfcl (-th * d2 / sqrtl (2.0L));
  long double t1 = s * dq * pdf * vol / (2.0L * sqt), t2 = r * k * dr * n2, t3 = q * s * dq * n1;

  v[0] = th * (s * dq * n1 - k * dr * n2);
  v[1] = th * dq * n1;
  v[2] = dq * pdf / (s * sig);
  v[3] = (-t1 - th * t2 + th * t3) / 365.0L;
  v[4] = s * dq * pdf * sqt / 100.0L;
  v[5] = th * k * t * dr * n2 / 100.0L;
  *theta_scale = (t1 + t2 + t3) / 365.0L;
}

/* Chains of random legs (1 day to 3 years, 3 % to 150 % vol, +-4 total-vol
 * units): the chain equals the per-leg function to the last bit, and both
 * are within 1e-12 relative of long double (theta relative to its largest
 * term); legs of zero vol and an expired chain give the per-leg limits. */
static void
test_greeks_chain (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2207);
  enum { N = 257 };
  double worst = 0.0;

  for (int chain = 0; chain < 200; chain++)
    {
      AlvhChainExpiry ex = { chain % 2 ? ALVH_MODEL_BLACK_76 : ALVH_MODEL_BLACK_SCHOLES,
                             g_rand_double_range (rand, 50, 6000),
                             g_rand_double_range (rand, 1.0 / 365, 3.0), 0.043, 0.012 };
      double k[N], vol[N];
      AlvhOptionType type[N];
      AlvhGreeks g[N];

      if (chain == 199)
        ex.t = 0.0;
      for (int i = 0; i < N; i++)
        {
          vol[i] = i == 17 ? 0.0 : g_rand_double_range (rand, 0.03, 1.5);
          k[i] = ex.underlying * exp (g_rand_double_range (rand, -4, 4) * vol[i] * sqrt (MAX (ex.t, 0.01)));
          type[i] = g_rand_int_range (rand, 0, 2);
        }
      alvh_chain_greeks (&ex, N, type, k, vol, g);
      for (int i = 0; i < N; i++)
        {
          AlvhGreeks s;
          const double got[6] = { g[i].price, g[i].delta, g[i].gamma, g[i].theta, g[i].vega, g[i].rho };
          long double ref[6], scale;
          double q = ex.model == ALVH_MODEL_BLACK_76 ? ex.r : ex.q;

          alvh_option_greeks (ex.model, type[i], ex.underlying, k[i], ex.t, vol[i], ex.r, ex.q, &s);
          assert_same_greeks (&g[i], &s);
          if (!(ex.t > 0.0) || !(vol[i] > 0.0))
            continue;
          /* Black-76 is Black-Scholes with q = r but for rho (F held fixed) */
          ref_greeks (type[i], ex.underlying, k[i], ex.t, vol[i], ex.r, q, ref, &scale);
          for (int j = 0; j < (ex.model == ALVH_MODEL_BLACK_76 ? 5 : 6); j++)
            {
              long double den = j == 3 ? scale : fabsl (ref[j]);
              double err = (double) (fabsl ((long double) got[j] - ref[j]) / den);

              if (!(err <= 1e-12))
                g_error ("chain %d leg %d quantity %d: %.17g vs long double %.20Lg (rel %.3g)",
                         chain, i, j, got[j], ref[j], err);
              worst = MAX (worst, err);
            }
        }
    }
  g_test_message ("worst relative error against long double %.3g", worst);
}

/* The replay's hedge calls (_alvh_black76_calls_price_delta, batches of one
 * to ALVH_CALL_BATCH calls of mixed expiries): the delta is
 * alvh_black76_delta ()'s to the bit (book_delta is printed to ten digits,
 * so it must not move), the price within 1e-13 of alvh_black76_price () from
 * deep in the money to beyond the erfcx table, and within 1e-12 of long
 * double where h = ln(F/K)/s is within +-4. */
static void
test_black76_calls (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  double worst = 0.0, worst_ref = 0.0;
  guint beyond = 0;

  for (int batch = 0; batch < 4000; batch++)
    {
      guint n = 1 + (guint) batch % ALVH_CALL_BATCH;
      AlvhExpiryTerms terms[ALVH_CALL_BATCH];
      const AlvhExpiryTerms *e[ALVH_CALL_BATCH];
      double f[ALVH_CALL_BATCH], k[ALVH_CALL_BATCH], vol[ALVH_CALL_BATCH];
      double price[ALVH_CALL_BATCH], delta[ALVH_CALL_BATCH];

      for (guint j = 0; j < n; j++)
        {
          double t = g_rand_double_range (rand, 1.0 / 365, 1.0);

          alvh_expiry_terms_init (&terms[j], ALVH_MODEL_BLACK_76, t, 0.043, 0.0);
          e[j] = &terms[j];
          f[j] = g_rand_double_range (rand, 5.0, 100.0);
          k[j] = round (f[j] * exp (g_rand_double_range (rand, -1.0, 1.5)));
          /* every eighth call nearly without vol: far beyond the table */
          vol[j] = j % 8 == 7 ? 0.02 : g_rand_double_range (rand, 0.2, 3.0);
          if (k[j] < 1.0)
            k[j] = 1.0;
        }
      _alvh_black76_calls_price_delta (n, e, f, k, vol, price, delta);
      for (guint j = 0; j < n; j++)
        {
          double t = terms[j].t;
          double want_delta = alvh_black76_delta (ALVH_OPTION_CALL, f[j], k[j], t, vol[j], 0.043);
          double want_price = alvh_black76_price (ALVH_OPTION_CALL, f[j], k[j], t, vol[j], 0.043);
          long double ref[6], scale;
          double err, err_ref, h;

          ref_greeks (ALVH_OPTION_CALL, f[j], k[j], t, vol[j], 0.043, 0.043, ref, &scale);
          g_assert_cmpfloat (delta[j], ==, want_delta);
          if (want_price < 1e-300)
            {
              g_assert_cmpfloat (fabs (price[j]), <=, 1e-300);
              beyond++;
              continue;
            }
          err = fabs (price[j] - want_price) / want_price;
          /* long double within +-4 total-vol units, as test_greeks_chain: further
           * out the condition number 1 + h^2 exceeds what a long double that is
           * no longer than a double (valgrind) can check */
          h = log (f[j] / k[j]) / (vol[j] * sqrt (t));
          err_ref = fabs (h) <= 4.0 ? (double) (fabsl ((long double) price[j] - ref[0]) / fabsl (ref[0])) : 0.0;
          if (!(err <= 1e-13 && err_ref <= 1e-12))
            g_error ("F %.17g K %.17g t %.17g vol %.17g: price %.17g vs %.17g (rel %.3g), long double %.20Lg",
                     f[j], k[j], t, vol[j], price[j], want_price, err, ref[0]);
          worst = MAX (worst, err);
          worst_ref = MAX (worst_ref, err_ref);
        }
    }
  g_assert_cmpuint (beyond, >, 0);
  g_test_message ("hedge call prices: worst relative difference %.3g from alvh_black76_price, "
                  "%.3g from long double", worst, worst_ref);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/pricing/batch/published-vectors", test_published_vectors);
  g_test_add_func ("/core/pricing/batch/pyvollib", test_pyvollib);
  g_test_add_func ("/core/pricing/batch/greeks-chain", test_greeks_chain);
  g_test_add_func ("/core/pricing/batch/iv-extremes", test_iv_extremes);
  g_test_add_func ("/core/pricing/batch/iv-status", test_iv_status);
  g_test_add_func ("/core/pricing/batch/black76-calls", test_black76_calls);

  return g_test_run ();
}
