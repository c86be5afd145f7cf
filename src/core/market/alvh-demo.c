/* alvh-demo.c — the bundled, deterministic demo data set */
#define G_LOG_DOMAIN "alvh-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "alvh-demo.h"
#include "alvh-time.h"

/* splitmix64 then xoshiro256**: small, fast and the same everywhere */
typedef struct
{
  guint64 s[4];
  gboolean have_spare;
  double spare;
} DemoRng;

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (DemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* uniform in (0, 1) */
static double
rng_uniform (DemoRng *rng)
{
  return ((rng_next (rng) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

/* standard normal (Marsaglia polar method) */
static double
rng_normal (DemoRng *rng)
{
  double u, v, s;

  if (rng->have_spare)
    {
      rng->have_spare = FALSE;
      return rng->spare;
    }
  do
    {
      u = 2.0 * rng_uniform (rng) - 1.0;
      v = 2.0 * rng_uniform (rng) - 1.0;
      s = u * u + v * v;
    }
  while (s >= 1.0 || s == 0.0);
  s = sqrt (-2.0 * log (s) / s);
  rng->spare = v * s;
  rng->have_spare = TRUE;
  return u * s;
}

static void
rng_init (DemoRng *rng,
          guint64  seed)
{
  guint64 x = seed;

  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&x);
  rng->have_spare = FALSE;
}

static gboolean
is_demo_trading_day (gint64 days)
{
  int y, m, d;
  int wd = alvh_weekday_from_days (days);

  if (wd >= 6)
    return FALSE;
  alvh_civil_from_days (days, &y, &m, &d);
  /* the fixed-date holidays; enough for a demo */
  if ((m == 1 && d == 1) || (m == 7 && d == 4) || (m == 12 && d == 25))
    return FALSE;
  return TRUE;
}

static double
round2 (double x)
{
  return round (x * 100.0) / 100.0;
}

AlvhDemoData *
alvh_demo_generate (guint64 seed,
                    gint64  first_day,
                    gint64  last_day)
{
  static const char * const ohlc[] = { "open", "high", "low", "close", NULL };
  static const char * const vx_cols[] = { "vx1", "vx2", NULL };
  static const char * const close_col[] = { "close", NULL };
  static const char * const breadth_cols[] = { "advancers", "decliners", NULL };
  AlvhDemoData *data = g_new0 (AlvhDemoData, 1);
  DemoRng rng;
  /* GJR-GARCH(1,1) on daily log returns (falls raise vol more than rises);
   * long-run daily vol about 1.0% */
  const double omega = 0.000002, alpha = 0.02, gamma = 0.13, beta = 0.88;
  double var = 0.00007;
  double spx = 2040.0;
  double vix_noise = 0.0;
  double prev_vix = 17.0;
  double vvix = 90.0;
  int crash_days_left = 0;
  double crash_size = 0.0;
  gsize n_guess = (gsize) MAX (0, last_day - first_day) * 5 / 7 + 8;

  rng_init (&rng, seed);
  data->spx = alvh_series_new ("SPX", ohlc);
  data->vix = alvh_series_new ("VIX", ohlc);
  data->vx = alvh_series_new ("VX", vx_cols);
  data->vvix = alvh_series_new ("VVIX", close_col);
  data->breadth = alvh_series_new ("BREADTH", breadth_cols);
  alvh_series_reserve (data->spx, n_guess);
  alvh_series_reserve (data->vix, n_guess);
  alvh_series_reserve (data->vx, n_guess);
  alvh_series_reserve (data->vvix, n_guess);
  alvh_series_reserve (data->breadth, n_guess);

  for (gint64 day = first_day; day <= last_day; day++)
    {
      double z, ret, sigma, open, close, high, low, vix, vix_open, vix_hi, vix_lo;
      double vx1, vx2, adv, dec, longrun = 19.0;
      double row[4];
      gint64 t;

      if (!is_demo_trading_day (day))
        continue;

      /* crash episodes: about one every three years, three to eight days long */
      if (crash_days_left == 0 && rng_uniform (&rng) < 1.0 / 750.0)
        {
          crash_days_left = 3 + (int) (rng_uniform (&rng) * 4);
          crash_size = 0.008 + 0.012 * rng_uniform (&rng);
        }

      sigma = sqrt (var);
      z = rng_normal (&rng);
      ret = 0.00045 + sigma * z;
      if (crash_days_left > 0)
        {
          ret -= crash_size * (0.5 + rng_uniform (&rng));
          crash_days_left--;
        }
      var = omega + (alpha + (ret < 0 ? gamma : 0.0)) * ret * ret + beta * var;
      var = CLAMP (var, 0.000015, 0.004);

      open = spx * exp (0.15 * sigma * rng_normal (&rng));
      close = spx * exp (ret);
      high = MAX (open, close) * exp (fabs (0.5 * sigma * rng_normal (&rng)));
      low = MIN (open, close) * exp (-fabs (0.5 * sigma * rng_normal (&rng)));
      spx = close;

      /* VIX: the market's annualised vol forecast with a premium, plus slow noise */
      vix_noise = 0.93 * vix_noise - 0.55 * z + 0.45 * rng_normal (&rng);
      vix = 100.0 * sqrt (252.0 * (0.6 * var + 0.4 * 0.00007)) * 1.12 + vix_noise;
      /* a soft floor: calm markets drift near 10-12 rather than sitting on a line */
      vix = 9.0 + 2.0 * log1p (exp ((vix - 9.0) / 2.0));
      vix_open = MAX (9.0, prev_vix + 0.3 * (vix - prev_vix) + 0.2 * rng_normal (&rng));
      vix_hi = MAX (vix, vix_open) * (1.0 + 0.03 * fabs (rng_normal (&rng)));
      vix_lo = MAX (8.9, MIN (vix, vix_open) * (1.0 - 0.03 * fabs (rng_normal (&rng))));

      /* futures pull towards the long-run mean: contango when calm,
       * backwardation in spikes */
      vx1 = vix + 0.45 * (longrun - vix) + 0.6 + 0.15 * rng_normal (&rng);
      vx2 = vix + 0.65 * (longrun - vix) + 1.2 + 0.15 * rng_normal (&rng);
      vvix = 0.9 * vvix + 0.1 * (80.0 + 1.4 * vix) + 4.0 * (vix - prev_vix) / MAX (prev_vix, 1.0) * 10.0
             + 1.5 * rng_normal (&rng);
      vvix = CLAMP (vvix, 60.0, 200.0);
      prev_vix = vix;

      adv = round (1550.0 + 9000.0 * ret + 180.0 * rng_normal (&rng));
      adv = CLAMP (adv, 150.0, 2900.0);
      dec = 3100.0 - adv - round (fabs (60.0 * rng_normal (&rng)));
      dec = MAX (dec, 100.0);

      t = alvh_time_from_ny_day (day);

      row[0] = round2 (open); row[1] = round2 (high); row[2] = round2 (low); row[3] = round2 (close);
      row[1] = MAX (row[1], MAX (row[0], row[3]));
      row[2] = MIN (row[2], MIN (row[0], row[3]));
      alvh_series_append (data->spx, t, row, NULL);

      row[0] = round2 (vix_open); row[1] = round2 (vix_hi); row[2] = round2 (vix_lo); row[3] = round2 (vix);
      row[1] = MAX (row[1], MAX (row[0], row[3]));
      row[2] = MIN (row[2], MIN (row[0], row[3]));
      alvh_series_append (data->vix, t, row, NULL);

      row[0] = round2 (MAX (vx1, 9.5)); row[1] = round2 (MAX (vx2, 10.0));
      alvh_series_append (data->vx, t, row, NULL);

      row[0] = round2 (vvix);
      alvh_series_append (data->vvix, t, row, NULL);

      row[0] = adv; row[1] = dec;
      alvh_series_append (data->breadth, t, row, NULL);
    }

  return data;
}

/* Ten years of business days, 2016-01-04 to 2025-12-31, from the default seed */
AlvhDemoData *
alvh_demo_generate_default (void)
{
  return alvh_demo_generate (ALVH_DEMO_DEFAULT_SEED,
                             alvh_days_from_civil (2016, 1, 4),
                             alvh_days_from_civil (2025, 12, 31));
}

void
alvh_demo_data_free (AlvhDemoData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->spx, alvh_series_unref);
  g_clear_pointer (&data->vix, alvh_series_unref);
  g_clear_pointer (&data->vx, alvh_series_unref);
  g_clear_pointer (&data->vvix, alvh_series_unref);
  g_clear_pointer (&data->breadth, alvh_series_unref);
  g_free (data);
}

static gboolean
write_series_csv (AlvhSeries  *series,
                  const char  *header,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GString) out = g_string_new (header);
  const gint64 *times = alvh_series_get_times (series);
  guint n_cols = alvh_series_get_n_columns (series);
  gsize n = alvh_series_get_length (series);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, '\n');
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *date = alvh_time_format_ny_date (times[i]);

      g_string_append (out, date);
      for (guint c = 0; c < n_cols; c++)
        {
          g_string_append_c (out, ',');
          g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f",
                                                 alvh_series_get_column (series, c)[i]));
        }
      g_string_append_c (out, '\n');
    }
  return g_file_set_contents (path, out->str, out->len, error);
}

/* Writes spx.csv, vix.csv (generic OHLC with ISO dates), vx.csv
 * (Date,VX1,VX2), vvix.csv (DATE,VVIX) and breadth.csv
 * (Date,Advancers,Decliners) into directory, which must exist. */
gboolean
alvh_demo_write_csv (AlvhDemoData  *data,
                     const char    *directory,
                     GError       **error)
{
  struct { AlvhSeries *s; const char *file; const char *header; } files[] = {
    { data->spx, "spx.csv", "Date,Open,High,Low,Close" },
    { data->vix, "vix.csv", "Date,Open,High,Low,Close" },
    { data->vx, "vx.csv", "Date,VX1,VX2" },
    { data->vvix, "vvix.csv", "DATE,VVIX" },
    { data->breadth, "breadth.csv", "Date,Advancers,Decliners" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (directory, files[i].file, NULL);

      if (!write_series_csv (files[i].s, files[i].header, path, error))
        return FALSE;
    }
  return TRUE;
}
