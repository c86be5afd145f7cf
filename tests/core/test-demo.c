/* test-demo.c — the bundled demo data set is deterministic and realistic */
#include "config.h"

#include <math.h>

#include "alvh-core.h"

static void
test_deterministic (void)
{
  g_autoptr(AlvhDemoData) a = alvh_demo_generate_default ();
  g_autoptr(AlvhDemoData) b = alvh_demo_generate_default ();
  g_autoptr(AlvhDemoData) c = alvh_demo_generate (7, alvh_days_from_civil (2016, 1, 4),
                                                  alvh_days_from_civil (2025, 12, 31));
  gsize n = alvh_series_get_length (a->spx);
  const double *ca = alvh_series_get_column_by_name (a->spx, "close");
  const double *cb = alvh_series_get_column_by_name (b->spx, "close");
  const double *cc = alvh_series_get_column_by_name (c->spx, "close");

  g_assert_cmpuint (n, ==, alvh_series_get_length (b->spx));
  for (gsize i = 0; i < n; i++)
    g_assert_cmpfloat (ca[i], ==, cb[i]);
  g_assert_cmpfloat (ca[n - 1], !=, cc[n - 1]);
}

static void
test_realistic (void)
{
  g_autoptr(AlvhDemoData) d = alvh_demo_generate_default ();
  gsize n = alvh_series_get_length (d->spx);
  const double *spx = alvh_series_get_column_by_name (d->spx, "close");
  const double *hi = alvh_series_get_column_by_name (d->spx, "high");
  const double *lo = alvh_series_get_column_by_name (d->spx, "low");
  const double *vix = alvh_series_get_column_by_name (d->vix, "close");
  const double *vx1 = alvh_series_get_column_by_name (d->vx, "vx1");
  double sum_xy = 0, sum_x = 0, sum_y = 0, sum_xx = 0, sum_yy = 0, corr;
  double vix_max = 0, vix_min = 1e9, worst_5d = 0;
  gsize inverted = 0, m = 0;

  /* about ten years of business days, no weekend bars */
  g_assert_cmpuint (n, >, 2500);
  g_assert_cmpuint (n, <, 2620);
  for (gsize i = 0; i < n; i++)
    {
      int wd = alvh_time_ny_weekday (alvh_series_get_times (d->spx)[i]);
      g_assert_cmpint (wd, <=, 5);
      g_assert_cmpfloat (lo[i], <=, hi[i]);
      vix_max = MAX (vix_max, vix[i]);
      vix_min = MIN (vix_min, vix[i]);
      if (vix[i] > vx1[i])
        inverted++;
      if (i >= 5)
        worst_5d = MIN (worst_5d, spx[i] / spx[i - 5] - 1.0);
    }

  /* VIX moves inversely with SPX: daily changes negatively correlated */
  for (gsize i = 1; i < n; i++)
    {
      double x = log (spx[i] / spx[i - 1]);
      double y = log (vix[i] / vix[i - 1]);
      sum_x += x; sum_y += y; sum_xy += x * y; sum_xx += x * x; sum_yy += y * y; m++;
    }
  corr = (sum_xy - sum_x * sum_y / m) /
         sqrt ((sum_xx - sum_x * sum_x / m) * (sum_yy - sum_y * sum_y / m));
  g_test_message ("corr %.3f, VIX %.2f..%.2f, inverted %" G_GSIZE_FORMAT " days, worst 5 days %.1f%%",
                  corr, vix_min, vix_max, inverted, 100 * worst_5d);
  g_assert_cmpfloat (corr, <, -0.3);
  /* realistic spikes and calm */
  g_assert_cmpfloat (vix_min, <, 13.0);
  g_assert_cmpfloat (vix_max, >, 35.0);
  /* at least one crash: a week that loses more than 8% */
  g_assert_cmpfloat (worst_5d, <, -0.08);
  /* the futures curve inverts in stress but not most of the time */
  g_assert_cmpuint (inverted, >, 5);
  g_assert_cmpuint (inverted, <, n / 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/demo/deterministic", test_deterministic);
  g_test_add_func ("/core/demo/realistic", test_realistic);
  return g_test_run ();
}
