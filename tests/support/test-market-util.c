/* test-market-util.c — real market data for the tests */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "test-market-util.h"
#include "test-util.h"

AlvhSeries *
test_load_shared_series (const char *file)
{
  g_autofree char *path = test_shared_data_path (file);
  g_autoptr(AlvhImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return NULL;
  result = alvh_import_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_import_result_get_n_series (result), >=, 1);
  return alvh_series_ref (alvh_import_result_get_series (result, 0));
}

AlvhImportResult *
test_import_fixture (const char *name,
                     const char *symbol_hint)
{
  g_autofree char *path = test_fixture_path (name);
  g_autoptr(GError) error = NULL;
  AlvhImportResult *r = alvh_import_file (path, symbol_hint, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

AlvhCondor
test_make_condor_2021 (void)
{
  AlvhCondor c = { 0 };

  c.id = 1;
  c.long_put = 3700;
  c.short_put = 3750;
  c.short_call = 4250;
  c.long_call = 4300;
  c.expiry = alvh_time_from_ny_date (2021, 3, 19);
  c.units = 2;
  c.credit = 6.5;
  c.opened = alvh_time_from_ny_date (2021, 2, 1);
  return c;
}

gboolean
test_greeks_quantity (const AlvhGreeks *g,
                      const char       *quantity,
                      const char       *units,
                      double           *out)
{
  if (strcmp (quantity, "price") == 0)
    *out = g->price;
  else if (strcmp (quantity, "delta") == 0)
    *out = g->delta;
  else if (strcmp (quantity, "gamma") == 0)
    *out = g->gamma;
  else if (strcmp (quantity, "vega") == 0)
    *out = g_str_has_prefix (units, "per 1.00") ? g->vega * 100.0 : g->vega;
  else if (strcmp (quantity, "theta") == 0 || strcmp (quantity, "theta_per_day") == 0)
    *out = g_str_has_prefix (units, "per year") ? g->theta * 365.0 : g->theta;
  else if (strcmp (quantity, "rho") == 0)
    *out = g_str_has_prefix (units, "per 1.00") ? g->rho * 100.0 : g->rho;
  else
    return FALSE;
  return TRUE;
}

gboolean
test_need_series (const char *what,
                  guint       n,
                  ...)
{
  gboolean all = TRUE;
  va_list ap;

  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    all &= va_arg (ap, AlvhSeries *) != NULL;
  va_end (ap);
  if (!all)
    {
      g_autofree char *msg = g_strdup_printf ("$ALVH_SHARED_DATA with %s is absent", what);

      g_test_skip (msg);
    }
  return all;
}

void
test_five_minute_times (AlvhMarketFrame *f,
                        int              y,
                        int              m,
                        int              d)
{
  gint64 day = alvh_days_from_civil (y, m, d);
  gsize i = 0;

  for (; i < f->n; day++)
    {
      int cy, cm, cd;

      while (alvh_weekday_from_days (day) > 5)
        day++;
      alvh_civil_from_days (day, &cy, &cm, &cd);
      for (int k = 0; k < 78 && i < f->n; k++, i++)
        f->time[i] = alvh_time_from_ny_local (cy, cm, cd, 9, 30, 0) + 300 * (k + 1);
    }
}

gint64
test_ny (int y,
         int m,
         int d)
{
  return alvh_time_from_ny_date (y, m, d);
}
