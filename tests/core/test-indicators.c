/* test-indicators.c — technical indicators on real SPX and VIX closes
 *
 * Every indicator is compared, bar by bar over the whole real history, with
 * a reference written here in a different way: straight from the textbook
 * definition, naively re-summed per window (O(n * w)), two-pass variances,
 * recursions in the "alpha * x + (1 - alpha) * prev" and "100 - 100 / (1 + RS)"
 * forms, all in long double.  On top of that a few values are pinned.  They
 * came from an independent Python script (decimal module, 50 digits, working
 * on the CSV text itself, not on C doubles).  One RSI value was also worked
 * out by hand from the raw closes; see test_rsi_hand_slice.
 *
 * Data: $ALVH_SHARED_DATA/spx_daily_ohlc_1927_2026.csv and vix_daily_cboe.csv
 * (DATE as MM/DD/YYYY, OPEN, HIGH, LOW, CLOSE).  A tiny reader lives here so
 * that this test does not depend on the importer.  Without the data folder the
 * real-data tests are skipped; the synthetic ones always run.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh-core.h"

typedef struct
{
  gsize   n;
  int    *dates;   /* yyyymmdd */
  double *close;
} Closes;

static void
closes_free (Closes *c)
{
  if (c == NULL)
    return;
  g_free (c->dates);
  g_free (c->close);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Closes, closes_free)

/* Reads DATE,OPEN,HIGH,LOW,CLOSE with DATE as MM/DD/YYYY.  Skips the test (and
 * returns NULL) when the data folder is missing. */
static Closes *
load_closes (const char *file)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Closes *c;
  gsize len;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("real market data not found: set ALVH_SHARED_DATA to the shared/data folder");
      return NULL;
    }
  path = g_build_filename (dir, file, NULL);
  if (!g_file_get_contents (path, &text, &len, &error))
    {
      g_autofree char *msg = g_strdup_printf ("cannot read %s: %s", path, error->message);
      g_test_skip (msg);
      return NULL;
    }

  lines = g_strsplit (text, "\n", -1);
  c = g_new0 (Closes, 1);
  c->dates = g_new (int, g_strv_length (lines));
  c->close = g_new (double, g_strv_length (lines));

  g_assert_true (g_str_has_prefix (lines[0], "DATE,OPEN,HIGH,LOW,CLOSE"));
  for (guint l = 1; lines[l] != NULL; l++)
    {
      const char *p = lines[l];
      int m, d, y, fields = 0;
      char *end;

      if (*p == '\0' || *p == '\r')
        continue;
      g_assert_cmpint (sscanf (p, "%d/%d/%d", &m, &d, &y), ==, 3);
      while (fields < 4 && (p = strchr (p, ',')) != NULL)
        {
          p++;
          fields++;
        }
      g_assert_nonnull (p);
      c->close[c->n] = g_ascii_strtod (p, &end);
      g_assert_true (end != p);
      c->dates[c->n] = y * 10000 + m * 100 + d;
      if (c->n > 0)
        g_assert_cmpint (c->dates[c->n], >, c->dates[c->n - 1]);
      c->n++;
    }

  return c;
}

static gsize
find_date (const Closes *c,
           int           date)
{
  for (gsize i = 0; i < c->n; i++)
    if (c->dates[i] == date)
      return i;
  g_error ("date %d not in the data", date);
  return 0;
}

/* Bars whose dates are in both series (ALVH-SPEC.md section 5). */
static void
join_dates (const Closes *a,
            const Closes *b,
            Closes      **ja,
            Closes      **jb)
{
  gsize i = 0, j = 0;

  *ja = g_new0 (Closes, 1);
  *jb = g_new0 (Closes, 1);
  (*ja)->dates = g_new (int, MIN (a->n, b->n));
  (*ja)->close = g_new (double, MIN (a->n, b->n));
  (*jb)->dates = g_new (int, MIN (a->n, b->n));
  (*jb)->close = g_new (double, MIN (a->n, b->n));

  while (i < a->n && j < b->n)
    {
      if (a->dates[i] < b->dates[j])
        i++;
      else if (a->dates[i] > b->dates[j])
        j++;
      else
        {
          (*ja)->dates[(*ja)->n] = (*jb)->dates[(*jb)->n] = a->dates[i];
          (*ja)->close[(*ja)->n++] = a->close[i++];
          (*jb)->close[(*jb)->n++] = b->close[j++];
        }
    }
}

/* |got - want| <= tol * max (|want|, floor); NAN exactly where want is NAN. */
static void
assert_series_close (const char   *what,
                     const double *got,
                     const double *want,
                     gsize         n,
                     double        tol,
                     double        floor)
{
  double worst = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      double err;

      if (isnan (want[i]) || isnan (got[i]))
        {
          if (isnan (want[i]) != isnan (got[i]))
            g_error ("%s[%" G_GSIZE_FORMAT "]: got %.17g, expected %.17g", what, i, got[i], want[i]);
          continue;
        }
      err = fabs (got[i] - want[i]) / MAX (fabs (want[i]), floor);
      if (err > tol)
        g_error ("%s[%" G_GSIZE_FORMAT "]: got %.17g, expected %.17g (relative error %.3g > %.3g)",
                 what, i, got[i], want[i], err, tol);
      worst = MAX (worst, err);
    }
  if (n >= 1000)
    g_test_message ("%s: %" G_GSIZE_FORMAT " bars, worst relative error %.3g", what, n, worst);
}

static void
assert_all_nan (const double *x,
                gsize         n)
{
  for (gsize i = 0; i < n; i++)
    g_assert_true (isnan (x[i]));
}

/* ---- references: naive, long double, written differently ---------------- */

static void
ref_sma (const double *x, gsize n, guint p, double *out)
{
  for (gsize i = 0; i < n; i++)
    {
      long double s = 0;
      if (i + 1 < p)
        {
          out[i] = NAN;
          continue;
        }
      for (gsize k = i + 1 - p; k <= i; k++)
        s += x[k];
      out[i] = (double) (s / p);
    }
}

/* EMA as alpha * x + (1 - alpha) * prev from the seed; x finite from 0 on */
static void
ref_ema_ld (const long double *x, gsize first, gsize n, guint p, long double *out)
{
  long double alpha = 2.0L / (p + 1), s = 0;

  for (gsize i = 0; i < n; i++)
    out[i] = NAN;
  if (n < first + p)
    return;
  for (gsize k = first; k < first + p; k++)
    s += x[k];
  out[first + p - 1] = s / p;
  for (gsize i = first + p; i < n; i++)
    out[i] = alpha * x[i] + (1 - alpha) * out[i - 1];
}

static void
ref_rsi (const double *c, gsize n, guint p, double *out)
{
  long double *up = g_new (long double, n);
  long double *down = g_new (long double, n);
  long double ag = 0, al = 0;

  /* separate arrays of gains and losses first, then Wilder's recursion */
  for (gsize i = 1; i < n; i++)
    {
      long double d = (long double) c[i] - c[i - 1];
      up[i] = d > 0 ? d : 0;
      down[i] = d < 0 ? -d : 0;
    }
  for (gsize i = 0; i < n; i++)
    out[i] = NAN;
  if (n > p)
    {
      for (gsize k = 1; k <= p; k++)
        {
          ag += up[k] / p;
          al += down[k] / p;
        }
      for (gsize i = p; i < n; i++)
        {
          if (i > p)
            {
              ag = ag - ag / p + up[i] / p;
              al = al - al / p + down[i] / p;
            }
          if (al == 0)
            out[i] = ag == 0 ? 50.0 : 100.0;
          else
            out[i] = (double) (100.0L - 100.0L / (1.0L + ag / al));
        }
    }
  g_free (up);
  g_free (down);
}

/* sample variance of the w log returns ending at i, by the two-pass formula
 * in long double.  The returns themselves are the double log (c[k] / c[k-1])
 * of the definition: a window of two nearly equal returns (1e-9 apart) is
 * ill-conditioned in its inputs, and that is not what is tested here. */
static void
ref_realized_vol (const double *c, gsize n, guint w, double ann, double *out)
{
  for (gsize i = 0; i < n; i++)
    {
      long double mean = 0, ss = 0;

      if (i < w)
        {
          out[i] = NAN;
          continue;
        }
      for (gsize k = i + 1 - w; k <= i; k++)
        mean += log (c[k] / c[k - 1]);
      mean /= w;
      for (gsize k = i + 1 - w; k <= i; k++)
        {
          long double d = log (c[k] / c[k - 1]) - mean;
          ss += d * d;
        }
      out[i] = (double) sqrtl (ss / (w - 1) * ann);
    }
}

/* The centred sums of squares and products of x and y over [i - w + 1, i],
 * by the two-pass formula */
static void
ref_moments_at (const long double *y, const long double *x, gsize i, guint w,
                long double *sxx, long double *sxy, long double *syy)
{
  long double mx = 0, my = 0;

  for (gsize k = i + 1 - w; k <= i; k++)
    {
      mx += x[k];
      my += y[k];
    }
  mx /= w;
  my /= w;
  *sxx = *sxy = *syy = 0;
  for (gsize k = i + 1 - w; k <= i; k++)
    {
      *sxx += (x[k] - mx) * (x[k] - mx);
      *sxy += (x[k] - mx) * (y[k] - my);
      *syy += (y[k] - my) * (y[k] - my);
    }
}

/* OLS slope of y on x over [i - w + 1, i] */
static double
ref_beta_at (const long double *y, const long double *x, gsize i, guint w)
{
  long double sxx, sxy, syy;

  ref_moments_at (y, x, i, w, &sxx, &sxy, &syy);
  return sxx > 0 ? (double) (sxy / sxx) : NAN;
}

/* beta's error is judged against the slope of a perfect fit, sd(y)/sd(x),
 * so that a beta near 0 (sxy cancelling) is not held to 1e-9 of itself */
static void
assert_beta_close (const char *what, const double *got, const long double *y,
                   const long double *x, gsize n, guint w, gsize first)
{
  double worst = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      long double sxx, sxy, syy;
      double want, scale, err;

      if (i < first)
        {
          g_assert_true (isnan (got[i]));
          continue;
        }
      want = ref_beta_at (y, x, i, w);
      if (isnan (want) && isnan (got[i]))
        continue;
      ref_moments_at (y, x, i, w, &sxx, &sxy, &syy);
      scale = (double) sqrtl (syy / sxx);
      err = fabs (got[i] - want) / MAX (fabs (want), 1e-3 * scale);
      if (!(err < 1e-9))
        g_error ("%s[%" G_GSIZE_FORMAT "]: got %.17g, expected %.17g (relative %.3g)",
                 what, i, got[i], want, err);
      worst = MAX (worst, err);
    }
  g_test_message ("%s: %" G_GSIZE_FORMAT " bars, worst relative error %.3g", what, n, worst);
}

static void
ref_rolling_extreme (const double *x, gsize n, guint w, gboolean want_max, double *out)
{
  for (gsize i = 0; i < n; i++)
    {
      double e;

      if (i + 1 < w)
        {
          out[i] = NAN;
          continue;
        }
      e = x[i];
      for (gsize k = i + 1 - w; k < i; k++)
        e = want_max ? MAX (e, x[k]) : MIN (e, x[k]);
      out[i] = e;
    }
}

static long double *
ld_log_returns (const double *c, gsize n)
{
  long double *r = g_new (long double, n);

  r[0] = NAN;
  for (gsize i = 1; i < n; i++)
    r[i] = logl ((long double) c[i] / c[i - 1]);
  return r;
}

static double
gauss (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-300, 1.0);
  double v = g_rand_double (rand);
  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static double *
random_walk (guint32 seed, gsize n, double start, double sigma)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double *x = g_new (double, n);

  x[0] = start;
  for (gsize i = 1; i < n; i++)
    x[i] = x[i - 1] * exp (sigma * gauss (rand));
  return x;
}

/* ---- tests on real data ---------------------------------------------------- */

static void
test_sma_spx (void)
{
  g_autoptr(Closes) spx = load_closes ("spx_daily_ohlc_1927_2026.csv");
  const guint periods[] = { 1, 2, 20, 200 };
  g_autofree double *got = NULL, *want = NULL;

  if (spx == NULL)
    return;
  got = g_new (double, spx->n);
  want = g_new (double, spx->n);
  for (guint k = 0; k < G_N_ELEMENTS (periods); k++)
    {
      alvh_sma (spx->close, spx->n, periods[k], got);
      ref_sma (spx->close, spx->n, periods[k], want);
      assert_series_close ("sma(spx)", got, want, spx->n, 1e-12, 1e-300);
    }
  /* SMA(200) of SPX on 2020-03-16: the mean of the 200 closes ending there */
  alvh_sma (spx->close, spx->n, 200, got);
  g_assert_true (isnan (got[198]));
  g_assert_false (isnan (got[199]));
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 20200316)],
                                  want[find_date (spx, 20200316)], 1e-9);
}

static void
test_ema_spx (void)
{
  g_autoptr(Closes) spx = load_closes ("spx_daily_ohlc_1927_2026.csv");
  const guint periods[] = { 1, 2, 12, 26, 200 };
  g_autofree double *got = NULL, *want = NULL, *copy = NULL;
  g_autofree long double *xl = NULL, *el = NULL;

  if (spx == NULL)
    return;
  got = g_new (double, spx->n);
  want = g_new (double, spx->n);
  xl = g_new (long double, spx->n);
  el = g_new (long double, spx->n);
  for (gsize i = 0; i < spx->n; i++)
    xl[i] = spx->close[i];

  for (guint k = 0; k < G_N_ELEMENTS (periods); k++)
    {
      alvh_ema (spx->close, spx->n, periods[k], got);
      ref_ema_ld (xl, 0, spx->n, periods[k], el);
      for (gsize i = 0; i < spx->n; i++)
        want[i] = (double) el[i];
      assert_series_close ("ema(spx)", got, want, spx->n, 1e-12, 1e-300);
      if (periods[k] > 1)
        g_assert_true (isnan (got[periods[k] - 2]));
      g_assert_false (isnan (got[periods[k] - 1]));
    }

  /* out may be x: the same numbers in place */
  alvh_ema (spx->close, spx->n, 26, got);
  copy = g_memdup2 (spx->close, spx->n * sizeof (double));
  alvh_ema (copy, spx->n, 26, copy);
  g_assert_cmpmem (copy, spx->n * sizeof (double), got, spx->n * sizeof (double));
}

/* RSI(14) of SPX, worked by hand on the 15 closes from 2020-02-19 to
 * 2020-03-10 (the February 2020 peak into the Covid crash), then four of
 * Wilder's steps.  Closes rounded to cents:
 *   3386.15 3373.23 3337.75 3225.89 3128.21 3116.39 2978.76 2954.22
 *   3090.23 3003.37 3130.12 3023.94 2972.37 2746.56 2882.23
 * changes: -12.92 -35.48 -111.86 -97.68 -11.82 -137.63 -24.54 +136.01
 *          -86.86 +126.75 -106.18 -51.57 -225.81 +135.67
 * gains 136.01 + 126.75 + 135.67 = 398.43, losses 902.35 (sum of the rest);
 * avg gain 28.459, avg loss 64.454, RS = 0.44155, RSI = 100 - 100 / 1.44155
 * = 30.630 on 2020-03-10.
 * 2020-03-11: change -140.85: gain 28.459 * 13/14 = 26.426, loss
 * (64.454 * 13 + 140.85) / 14 = 69.910, RSI = 100 - 100 / (1 + 0.37800) = 27.431.
 * The pinned 17-digit values are the same arithmetic done exactly on the
 * file's closes (Python fractions). */
static void
test_rsi_hand_slice (void)
{
  g_autoptr(Closes) spx = load_closes ("spx_daily_ohlc_1927_2026.csv");
  double out[19];
  gsize i0;

  if (spx == NULL)
    return;
  i0 = find_date (spx, 20200219);
  g_assert_cmpint (spx->dates[i0 + 14], ==, 20200310);
  g_assert_cmpint (spx->dates[i0 + 18], ==, 20200316);

  alvh_rsi (spx->close + i0, 19, 14, out);
  assert_all_nan (out, 14);
  g_assert_cmpfloat_with_epsilon (out[14], 30.63, 0.005);                 /* by hand */
  g_assert_cmpfloat_with_epsilon (out[15], 27.43, 0.005);                 /* by hand */
  g_assert_cmpfloat_with_epsilon (out[14], 30.63008329213584, 1e-10);
  g_assert_cmpfloat_with_epsilon (out[15], 27.43130245692993, 1e-10);     /* 03-11 */
  g_assert_cmpfloat_with_epsilon (out[16], 22.704356105531183, 1e-10);    /* 03-12 */
  g_assert_cmpfloat_with_epsilon (out[17], 33.59292164982668, 1e-10);     /* 03-13 */
  g_assert_cmpfloat_with_epsilon (out[18], 27.67263918643524, 1e-10);     /* 03-16 */

  /* 15 closes are the minimum: 14 give nothing */
  alvh_rsi (spx->close + i0, 14, 14, out);
  assert_all_nan (out, 14);
}

static void
test_rsi_spx (void)
{
  g_autoptr(Closes) spx = load_closes ("spx_daily_ohlc_1927_2026.csv");
  g_autofree double *got = NULL, *want = NULL;
  const guint periods[] = { 1, 2, 14, 50 };

  if (spx == NULL)
    return;
  got = g_new (double, spx->n);
  want = g_new (double, spx->n);
  for (guint k = 0; k < G_N_ELEMENTS (periods); k++)
    {
      alvh_rsi (spx->close, spx->n, periods[k], got);
      ref_rsi (spx->close, spx->n, periods[k], want);
      /* RSI lives in [0, 100]: absolute error 1e-9 */
      assert_series_close ("rsi(spx)", got, want, spx->n, 1e-11, 100.0);
    }

  /* Wilder's RSI(14) over the whole history from 1927-12-30 (Python decimal) */
  alvh_rsi (spx->close, spx->n, 14, got);
  g_assert_true (isnan (got[13]));
  g_assert_false (isnan (got[14]));
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 19871016)], 22.70349520014202, 1e-9);
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 19871019)], 11.359642946692642, 1e-9);
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 20081010)], 22.9824358541403, 1e-9);
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 20200316)], 30.174228107494468, 1e-9);
  for (gsize i = 14; i < spx->n; i++)
    g_assert_true (got[i] >= 0.0 && got[i] <= 100.0);
}

static void
test_macd_vix (void)
{
  g_autoptr(Closes) vix = load_closes ("vix_daily_cboe.csv");
  g_autofree double *macd = NULL, *sig = NULL, *hist = NULL;
  g_autofree long double *xl = NULL, *e12 = NULL, *e26 = NULL, *ml = NULL, *sl = NULL;
  gsize n, i;

  if (vix == NULL)
    return;
  n = vix->n;
  macd = g_new (double, n);
  sig = g_new (double, n);
  hist = g_new (double, n);
  xl = g_new (long double, n);
  e12 = g_new (long double, n);
  e26 = g_new (long double, n);
  ml = g_new (long double, n);
  sl = g_new (long double, n);

  alvh_macd (vix->close, n, 12, 26, 9, macd, sig, hist);

  /* reference: EMA(12) and EMA(26) in long double, macd from bar 25, the
   * signal EMA(9) seeded with the mean of macd[25..33] */
  for (i = 0; i < n; i++)
    xl[i] = vix->close[i];
  ref_ema_ld (xl, 0, n, 12, e12);
  ref_ema_ld (xl, 0, n, 26, e26);
  for (i = 0; i < n; i++)
    ml[i] = e12[i] - e26[i];
  ref_ema_ld (ml, 25, n, 9, sl);

  for (i = 0; i < n; i++)
    {
      if (i < 25)
        g_assert_true (isnan (macd[i]));
      else
        g_assert_cmpfloat_with_epsilon (macd[i], (double) ml[i], 1e-11);
      if (i < 33)
        {
          g_assert_true (isnan (sig[i]));
          g_assert_true (isnan (hist[i]));
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (sig[i], (double) sl[i], 1e-11);
          g_assert_cmpfloat_with_epsilon (hist[i], (double) (ml[i] - sl[i]), 1e-11);
        }
    }

  /* first values: macd on 1990-02-06 (bar 25), signal on 1990-02-16 (bar 33) */
  g_assert_cmpint (vix->dates[25], ==, 19900206);
  g_assert_cmpint (vix->dates[33], ==, 19900216);
  g_assert_cmpfloat_with_epsilon (macd[25], 1.2653139210653535, 1e-10);
  g_assert_cmpfloat_with_epsilon (sig[33], 0.6577099974992493, 1e-10);

  /* 2020-03-16, VIX's record close 82.69 (Python decimal over all of 1990-2020) */
  i = find_date (vix, 20200316);
  g_assert_cmpfloat (vix->close[i], ==, 82.69);
  g_assert_cmpfloat_with_epsilon (macd[i], 13.140629920291355, 1e-9);
  g_assert_cmpfloat_with_epsilon (sig[i], 9.115983437235162, 1e-9);
  g_assert_cmpfloat_with_epsilon (hist[i], 4.024646483056194, 1e-9);
  /* 2008-09-29, the day TARP failed in the House */
  i = find_date (vix, 20080929);
  g_assert_cmpfloat_with_epsilon (macd[i], 4.330973897805181, 1e-9);
  g_assert_cmpfloat_with_epsilon (sig[i], 3.1457268904766167, 1e-9);

  /* histogram may be left out */
  alvh_macd (vix->close, n, 12, 26, 9, hist, sig, NULL);
  g_assert_cmpmem (hist, n * sizeof (double), macd, n * sizeof (double));
}

static void
test_realized_vol_spx (void)
{
  g_autoptr(Closes) spx = load_closes ("spx_daily_ohlc_1927_2026.csv");
  g_autofree double *got = NULL, *want = NULL;
  const guint windows[] = { 2, 20, 252 };

  if (spx == NULL)
    return;
  got = g_new (double, spx->n);
  want = g_new (double, spx->n);
  for (guint k = 0; k < G_N_ELEMENTS (windows); k++)
    {
      alvh_realized_vol (spx->close, spx->n, windows[k], 252.0, got);
      ref_realized_vol (spx->close, spx->n, windows[k], 252.0, want);
      assert_series_close ("realized_vol(spx)", got, want, spx->n, 1e-9, 1e-300);
      g_assert_true (isnan (got[windows[k] - 1]));
      g_assert_false (isnan (got[windows[k]]));
    }

  /* 20-day vol around the 1987 crash (Python decimal: ln of the closes'
   * ratios, two-pass sample variance, * 252, square root): 29% on Friday
   * 16 October, 85% after Black Monday's -22.9% day, 101% at month end */
  alvh_realized_vol (spx->close, spx->n, 20, 252.0, got);
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 19871016)], 0.29326355441140495, 1e-11);
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 19871019)], 0.8470732234629107, 1e-11);
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 19871030)], 1.0144091845816923, 1e-11);
}

static void
test_return_beta_real (void)
{
  g_autoptr(Closes) spx = load_closes ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(Closes) vix = NULL;
  g_autoptr(Closes) js = NULL;
  g_autoptr(Closes) jv = NULL;
  g_autofree double *got = NULL, *rs = NULL, *rv = NULL, *lev = NULL;
  g_autofree long double *xl = NULL, *yl = NULL;
  gsize n;

  if (spx == NULL)
    return;
  vix = load_closes ("vix_daily_cboe.csv");
  if (vix == NULL)
    return;
  join_dates (spx, vix, &js, &jv);
  n = js->n;
  g_assert_cmpint (n, ==, 9191);
  got = g_new (double, n);
  rs = g_new (double, n);
  rv = g_new (double, n);
  lev = g_new (double, n);

  /* the spec's beta: 60 return pairs = 61 bars, first on bar 60 */
  alvh_return_beta (jv->close, js->close, n, 60, got);
  xl = ld_log_returns (js->close, n);
  yl = ld_log_returns (jv->close, n);
  assert_beta_close ("return_beta(vix, spx)", got, yl, xl, n, 60, 60);
  g_assert_cmpint (js->dates[60], ==, 19900328);
  g_assert_true (isnan (got[59]));
  /* Python decimal, ln of the CSV text's ratios, two-pass OLS */
  g_assert_cmpfloat_with_epsilon (got[60], -5.201576881333141, 1e-9);
  g_assert_cmpfloat_with_epsilon (got[find_date (js, 20081010)], -2.6598614135672847, 1e-9);
  g_assert_cmpfloat_with_epsilon (got[find_date (js, 20200316)], -3.633099905317249, 1e-9);
  g_assert_cmpfloat_with_epsilon (got[find_date (js, 20250407)], -6.656224363851814, 1e-9);

  /* the same through alvh_log_returns + alvh_rolling_beta (NAN at bar 0) */
  alvh_log_returns (js->close, n, rs);
  alvh_log_returns (jv->close, n, rv);
  alvh_rolling_beta (rv, rs, n, 60, lev);
  for (gsize i = 0; i < n; i++)
    {
      if (i < 60)
        g_assert_true (isnan (lev[i]));
      else
        g_assert_cmpfloat_with_epsilon (lev[i], got[i], 1e-12 * MAX (1.0, fabs (got[i])));
    }

  /* rolling beta of the levels (VIX on SPX, 20 bars), another scale */
  for (gsize i = 0; i < n; i++)
    {
      xl[i] = js->close[i];
      yl[i] = jv->close[i];
    }
  alvh_rolling_beta (jv->close, js->close, n, 20, lev);
  assert_beta_close ("rolling_beta(vix, spx levels)", lev, yl, xl, n, 20, 19);
}

static void
test_rolling_extremes_spx (void)
{
  g_autoptr(Closes) spx = load_closes ("spx_daily_ohlc_1927_2026.csv");
  g_autofree double *got = NULL, *want = NULL;
  const guint windows[] = { 1, 2, 5, 20, 252 };

  if (spx == NULL)
    return;
  got = g_new (double, spx->n);
  want = g_new (double, spx->n);
  for (guint k = 0; k < G_N_ELEMENTS (windows); k++)
    {
      alvh_rolling_max (spx->close, spx->n, windows[k], got);
      ref_rolling_extreme (spx->close, spx->n, windows[k], TRUE, want);
      assert_series_close ("rolling_max(spx)", got, want, spx->n, 0.0, 1e-300);
      alvh_rolling_min (spx->close, spx->n, windows[k], got);
      ref_rolling_extreme (spx->close, spx->n, windows[k], FALSE, want);
      assert_series_close ("rolling_min(spx)", got, want, spx->n, 0.0, 1e-300);
    }
  /* the 252-day low on 2009-03-09 was that day's close, 676.53 */
  alvh_rolling_min (spx->close, spx->n, 252, got);
  g_assert_cmpfloat_with_epsilon (got[find_date (spx, 20090309)], 676.53, 0.005);
}

/* ---- synthetic tests --------------------------------------------------------- */

static void
test_beta_stability (void)
{
  const gsize n = 200000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree double *got = g_new (double, n);
  g_autofree long double *xl = g_new (long double, n);
  g_autofree long double *yl = g_new (long double, n);

  /* a large offset with small noise (where sum(x^2) - n mean^2 loses all
   * digits), switching regimes every 50000 bars so that the sliding sums
   * would carry the old scale along if they drifted */
  for (gsize i = 0; i < n; i++)
    {
      double level = (i / 50000) % 2 ? 1e4 : 1.0;
      double noise = (i / 50000) % 2 ? 1e-2 : 1e2;
      x[i] = level + noise * gauss (rand);
      y[i] = -3.0 * x[i] + noise * gauss (rand);
      xl[i] = x[i];
      yl[i] = y[i];
    }
  alvh_rolling_beta (y, x, n, 60, got);
  assert_beta_close ("rolling_beta(offset regimes)", got, yl, xl, n, 60, 59);

  /* a long random walk (1M bars of SPX-like closes), return beta */
  {
    const gsize m = 1000000;
    g_autofree double *a = random_walk (11, m, 100.0, 0.01);
    g_autofree double *b = random_walk (12, m, 20.0, 0.05);
    g_autofree double *out = g_new (double, m);
    g_autofree long double *ra = NULL, *rb = NULL;

    for (gsize i = 0; i < m; i++)
      b[i] = b[i] * pow (a[i] / a[MAX (i, 1) - 1], -4.0);   /* real dependence */
    alvh_return_beta (b, a, m, 60, out);
    ra = ld_log_returns (a, m);
    rb = ld_log_returns (b, m);
    if (g_test_slow ())
      assert_beta_close ("return_beta(1M random walk)", out, rb, ra, m, 60, 60);
    else
      {
        /* the tail, after a million sliding updates */
        for (gsize i = m - 1000; i < m; i++)
          g_assert_cmpfloat_with_epsilon (out[i], ref_beta_at (rb, ra, i, 60),
                                          1e-9 * fabs (ref_beta_at (rb, ra, i, 60)));
      }
  }
}

static void
test_rolling_extremes_ties (void)
{
  const double x[] = { 3, 1, 3, 3, 2, 5, 5, 1, 0, 0, 0, 4, -1, 7 };
  const gsize n = G_N_ELEMENTS (x);
  double got[G_N_ELEMENTS (x)], want[G_N_ELEMENTS (x)];

  for (guint w = 1; w <= n + 1; w++)
    {
      alvh_rolling_max (x, n, w, got);
      ref_rolling_extreme (x, n, w, TRUE, want);
      assert_series_close ("rolling_max(ties)", got, want, n, 0.0, 1e-300);
      alvh_rolling_min (x, n, w, got);
      ref_rolling_extreme (x, n, w, FALSE, want);
      assert_series_close ("rolling_min(ties)", got, want, n, 0.0, 1e-300);
    }
}

/* The one-pass range on a series with gaps: every window that holds a
 * missing input is NAN, every other one the naive extreme, for windows that
 * divide the series, do not, and exceed it. */
static void
test_rolling_range_gaps (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  const gsize n = 997;
  g_autofree double *x = g_new (double, n), *hi = g_new (double, n), *lo = g_new (double, n);
  g_autofree double *want = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    x[i] = g_rand_int_range (rand, 0, 8) == 0 ? (i % 2 ? NAN : INFINITY) : g_rand_double_range (rand, -50, 50);
  for (guint w = 1; w <= 64; w += (w < 8 ? 1 : 7))
    {
      alvh_rolling_range (x, n, w, hi, lo);
      for (int side = 0; side < 2; side++)
        {
          ref_rolling_extreme (x, n, w, side == 0, want);
          for (gsize i = 0; i < n; i++)
            {
              gboolean gap = FALSE;

              for (gsize k = i + 1 >= w ? i + 1 - w : 0; k <= i; k++)
                gap |= !isfinite (x[k]);
              if (gap)
                want[i] = NAN;
            }
          assert_series_close (side == 0 ? "rolling_range(max)" : "rolling_range(min)",
                               side == 0 ? hi : lo, want, n, 0.0, 1e-300);
        }
    }
}

static void
test_ad_line (void)
{
  const double adv[] = { 1800, 1200, 2100, NAN, 1000, 1500 };
  const double dec[] = { 1300, 1900, 900, 1400, NAN, 1500 };
  double out[6];
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree double *a = g_new (double, 10000);
  g_autofree double *d = g_new (double, 10000);
  g_autofree double *line = g_new (double, 10000);
  long long sum = 0;

  alvh_ad_line (adv, dec, 6, out);
  g_assert_cmpfloat (out[0], ==, 500);
  g_assert_cmpfloat (out[1], ==, -200);
  g_assert_cmpfloat (out[2], ==, 1000);
  g_assert_true (isnan (out[3]));      /* no breadth that day: n/a, sum carries on */
  g_assert_true (isnan (out[4]));
  g_assert_cmpfloat (out[5], ==, 1000);

  /* NYSE-sized counts: the running sum is exact in doubles */
  for (gsize i = 0; i < 10000; i++)
    {
      a[i] = g_rand_int_range (rand, 0, 3500);
      d[i] = g_rand_int_range (rand, 0, 3500);
    }
  alvh_ad_line (a, d, 10000, line);
  for (gsize i = 0; i < 10000; i++)
    {
      sum += (long long) a[i] - (long long) d[i];
      g_assert_cmpfloat (line[i], ==, (double) sum);
    }
}

static void
test_log_returns (void)
{
  const double x[] = { 100, 110, 99, 0, 5, NAN, 5, -1, 2 };
  double out[G_N_ELEMENTS (x)];

  alvh_log_returns (x, G_N_ELEMENTS (x), out);
  g_assert_true (isnan (out[0]));
  g_assert_cmpfloat_with_epsilon (out[1], 0.09531017980432486, 1e-16);   /* ln 1.1 */
  g_assert_cmpfloat_with_epsilon (out[2], -0.10536051565782628, 1e-16);  /* ln 0.9 */
  g_assert_true (isnan (out[3]));   /* a price of 0 has no log return */
  g_assert_true (isnan (out[4]));
  g_assert_true (isnan (out[5]));
  g_assert_true (isnan (out[6]));
  g_assert_true (isnan (out[7]));
  g_assert_true (isnan (out[8]));
  alvh_log_returns (NULL, 0, NULL);
}

static void
test_short_input (void)
{
  const double x[] = { 10, 11, 12, 11, 13 };
  const gsize n = G_N_ELEMENTS (x);
  double a[G_N_ELEMENTS (x)], b[G_N_ELEMENTS (x)], c[G_N_ELEMENTS (x)];

  alvh_sma (x, n, 6, a);
  assert_all_nan (a, n);
  alvh_ema (x, n, 6, a);
  assert_all_nan (a, n);
  alvh_rsi (x, n, 5, a);          /* needs period + 1 = 6 closes */
  assert_all_nan (a, n);
  alvh_macd (x, n, 2, 4, 3, a, b, c);   /* macd from bar 3, signal would need bar 5 */
  g_assert_false (isnan (a[3]));
  assert_all_nan (b, n);
  assert_all_nan (c, n);
  alvh_realized_vol (x, n, 5, 252, a);  /* 5 returns need 6 closes */
  assert_all_nan (a, n);
  alvh_rolling_beta (x, x, n, 6, a);
  assert_all_nan (a, n);
  alvh_return_beta (x, x, n, 5, a);
  assert_all_nan (a, n);
  alvh_rolling_max (x, n, 6, a);
  assert_all_nan (a, n);
  alvh_rolling_min (x, n, 6, a);
  assert_all_nan (a, n);

  /* period / window 0 (and < 2 where a variance is needed): all NAN */
  alvh_sma (x, n, 0, a);
  assert_all_nan (a, n);
  alvh_ema (x, n, 0, a);
  assert_all_nan (a, n);
  alvh_rsi (x, n, 0, a);
  assert_all_nan (a, n);
  alvh_realized_vol (x, n, 1, 252, a);
  assert_all_nan (a, n);
  alvh_rolling_beta (x, x, n, 1, a);
  assert_all_nan (a, n);
  alvh_rolling_max (x, n, 0, a);
  assert_all_nan (a, n);

  /* n = 0 touches nothing */
  alvh_sma (NULL, 0, 3, NULL);
  alvh_ema (NULL, 0, 3, NULL);
  alvh_rsi (NULL, 0, 3, NULL);
  alvh_macd (NULL, 0, 12, 26, 9, NULL, NULL, NULL);
  alvh_realized_vol (NULL, 0, 20, 252, NULL);
  alvh_ad_line (NULL, NULL, 0, NULL);
  alvh_rolling_beta (NULL, NULL, 0, 60, NULL);
  alvh_return_beta (NULL, NULL, 0, 60, NULL);
  alvh_rolling_max (NULL, 0, 5, NULL);
  alvh_rolling_min (NULL, 0, 5, NULL);
}

static void
test_constant_and_monotone (void)
{
  enum { N = 300 };
  double k[N], up[N], down[N], varying[N], a[N], b[N], c[N];

  for (gsize i = 0; i < N; i++)
    {
      k[i] = 0.1;                  /* not exact in binary: means must not wobble */
      up[i] = 100 + i;
      down[i] = 400 - i;
      varying[i] = 100 + 7 * sin (i * 0.3) + (i % 7);
    }

  /* no change at all: RSI 50; strictly rising 100; strictly falling 0 */
  alvh_rsi (k, N, 14, a);
  for (gsize i = 14; i < N; i++)
    g_assert_cmpfloat (a[i], ==, 50.0);
  alvh_rsi (up, N, 14, a);
  for (gsize i = 14; i < N; i++)
    g_assert_cmpfloat (a[i], ==, 100.0);
  alvh_rsi (down, N, 14, a);
  for (gsize i = 14; i < N; i++)
    g_assert_cmpfloat (a[i], ==, 0.0);

  /* constant: SMA and EMA give it back, MACD is 0, realized vol exactly 0 */
  alvh_sma (k, N, 20, a);
  alvh_ema (k, N, 20, b);
  for (gsize i = 19; i < N; i++)
    {
      g_assert_cmpfloat_with_epsilon (a[i], 0.1, 1e-16);
      g_assert_cmpfloat_with_epsilon (b[i], 0.1, 1e-16);
    }
  alvh_macd (k, N, 12, 26, 9, a, b, c);
  for (gsize i = 33; i < N; i++)
    {
      g_assert_cmpfloat_with_epsilon (a[i], 0.0, 1e-16);
      g_assert_cmpfloat_with_epsilon (c[i], 0.0, 1e-16);
    }
  alvh_realized_vol (k, N, 20, 252, a);
  for (gsize i = 20; i < N; i++)
    g_assert_cmpfloat (a[i], ==, 0.0);
  /* a steady 1% a day: equal returns, vol exactly 0 */
  for (gsize i = 0; i < N; i++)
    c[i] = 100 * pow (1.01, i);
  alvh_realized_vol (c, N, 20, 252, a);
  for (gsize i = 20; i < N; i++)
    g_assert_cmpfloat_with_epsilon (a[i], 0.0, 1e-12);

  /* beta: x constant over the window has no slope (NAN, documented);
   * y constant while x varies is a slope of exactly 0 */
  alvh_rolling_beta (varying, k, N, 60, a);
  assert_all_nan (a, N);
  alvh_rolling_beta (k, varying, N, 60, a);
  for (gsize i = 59; i < N; i++)
    g_assert_cmpfloat (a[i], ==, 0.0);
  /* x turns constant after varying: NAN once the last change left the window */
  for (gsize i = 0; i < N; i++)
    b[i] = i < 100 ? varying[i] : 5.0;
  alvh_rolling_beta (varying, b, N, 60, a);
  for (gsize i = 59; i < N; i++)
    g_assert_true (isnan (a[i]) == (i >= 159));
  /* an exact line: y = 2 - 3 x */
  for (gsize i = 0; i < N; i++)
    c[i] = 2 - 3 * varying[i];
  alvh_rolling_beta (c, varying, N, 60, a);
  for (gsize i = 59; i < N; i++)
    g_assert_cmpfloat_with_epsilon (a[i], -3.0, 1e-12);
}

static void
test_missing_inputs (void)
{
  enum { N = 80 };
  double x[N], y[N], a[N], want[N];

  for (gsize i = 0; i < N; i++)
    {
      x[i] = 50 + 10 * sin (i * 0.7) + i * 0.1;
      y[i] = 3 * cos (i * 0.4) - x[i];
    }

  /* EMA: leading NANs are skipped, the seed begins at the first finite input */
  x[0] = x[1] = x[2] = NAN;
  alvh_ema (x, N, 10, a);
  assert_all_nan (a, 11);
  {
    double s = 0;
    for (gsize i = 3; i < 13; i++)
      s += x[i];
    g_assert_cmpfloat_with_epsilon (a[12], s / 10, 1e-12);
    g_assert_cmpfloat_with_epsilon (a[13], a[12] + 2.0 / 11 * (x[13] - a[12]), 1e-12);
  }
  /* RSI too: first value at 3 + 14 */
  alvh_rsi (x, N, 14, a);
  assert_all_nan (a, 17);
  g_assert_false (isnan (a[17]));
  /* and MACD: macd from bar 3 + 25, signal from 3 + 33 */
  {
    double s[N];
    alvh_macd (x, N, 12, 26, 9, a, s, NULL);
    assert_all_nan (a, 28);
    g_assert_false (isnan (a[28]));
    assert_all_nan (s, 36);
    g_assert_false (isnan (s[36]));
  }
  x[0] = x[1] = x[2] = 50;

  /* a gap in the middle: NAN for every window that holds it, exact after */
  x[40] = NAN;
  alvh_sma (x, N, 5, a);
  for (gsize i = 40; i < 45; i++)
    g_assert_true (isnan (a[i]));
  for (gsize i = 45; i < N; i++)
    {
      double s = 0;
      for (gsize k = i - 4; k <= i; k++)
        s += x[k];
      g_assert_cmpfloat_with_epsilon (a[i], s / 5, 1e-12);
    }
  g_assert_false (isnan (a[39]));

  alvh_rolling_max (x, N, 5, a);
  for (gsize i = 4; i < N; i++)
    g_assert_true (isnan (a[i]) == (i >= 40 && i < 45));
  x[40] = 0;
  ref_rolling_extreme (x, N, 5, TRUE, want);
  for (gsize i = 45; i < N; i++)
    g_assert_cmpfloat (a[i], ==, want[i]);
  x[40] = NAN;

  alvh_rolling_beta (y, x, N, 10, a);
  for (gsize i = 9; i < N; i++)
    g_assert_true (isnan (a[i]) == (i >= 40 && i < 50));
  {
    long double xl[N], yl[N];
    for (gsize i = 0; i < N; i++)
      {
        xl[i] = x[i];
        yl[i] = y[i];
      }
    for (gsize i = 50; i < N; i++)
      g_assert_cmpfloat_with_epsilon (a[i], ref_beta_at (yl, xl, i, 10), 1e-12);
  }

  /* realized vol: the two returns that touch the gap are missing */
  alvh_realized_vol (x, N, 5, 252, a);
  for (gsize i = 5; i < N; i++)
    g_assert_true (isnan (a[i]) == (i >= 40 && i < 46));

  /* EMA and RSI: a gap after the start poisons the rest (infinite memory) */
  alvh_ema (x, N, 5, a);
  g_assert_false (isnan (a[39]));
  assert_all_nan (a + 40, N - 40);
  alvh_rsi (x, N, 5, a);
  g_assert_false (isnan (a[39]));
  assert_all_nan (a + 40, N - 40);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/indicators/sma/spx", test_sma_spx);
  g_test_add_func ("/core/indicators/ema/spx", test_ema_spx);
  g_test_add_func ("/core/indicators/rsi/hand-slice-2020", test_rsi_hand_slice);
  g_test_add_func ("/core/indicators/rsi/spx", test_rsi_spx);
  g_test_add_func ("/core/indicators/macd/vix", test_macd_vix);
  g_test_add_func ("/core/indicators/realized-vol/spx-1987", test_realized_vol_spx);
  g_test_add_func ("/core/indicators/beta/vix-on-spx", test_return_beta_real);
  g_test_add_func ("/core/indicators/beta/stability", test_beta_stability);
  g_test_add_func ("/core/indicators/rolling-extreme/spx", test_rolling_extremes_spx);
  g_test_add_func ("/core/indicators/rolling-extreme/ties", test_rolling_extremes_ties);
  g_test_add_func ("/core/indicators/rolling-extreme/range-gaps", test_rolling_range_gaps);
  g_test_add_func ("/core/indicators/ad-line", test_ad_line);
  g_test_add_func ("/core/indicators/log-returns", test_log_returns);
  g_test_add_func ("/core/indicators/edge/short-input", test_short_input);
  g_test_add_func ("/core/indicators/edge/constant-and-monotone", test_constant_and_monotone);
  g_test_add_func ("/core/indicators/edge/missing-inputs", test_missing_inputs);

  return g_test_run ();
}
