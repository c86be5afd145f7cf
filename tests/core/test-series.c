/* test-series.c — the columnar time series */
#include "config.h"

#include <math.h>

#include "alvh-core.h"

static const char * const ohlc[] = { "open", "high", "low", "close", NULL };

static AlvhSeries *
make_series (gsize n)
{
  AlvhSeries *s = alvh_series_new ("SPX", ohlc);

  for (gsize i = 0; i < n; i++)
    {
      double row[4] = { 100.0 + i, 101.0 + i, 99.0 + i, 100.5 + i };
      g_assert_true (alvh_series_append (s, alvh_time_from_ny_day (1000 + (gint64) i * 2), row, NULL));
    }
  return s;
}

static void
test_append_and_columns (void)
{
  g_autoptr(AlvhSeries) s = make_series (1000);

  g_assert_cmpuint (alvh_series_get_length (s), ==, 1000);
  g_assert_cmpuint (alvh_series_get_n_columns (s), ==, 4);
  g_assert_cmpint (alvh_series_find_column (s, "close"), ==, 3);
  g_assert_cmpint (alvh_series_find_column (s, "volume"), ==, -1);
  g_assert_null (alvh_series_get_column_by_name (s, "volume"));
  g_assert_cmpfloat (alvh_series_get_column_by_name (s, "close")[999], ==, 1099.5);
  g_assert_cmpstr (alvh_series_get_column_name (s, 1), ==, "high");
}

static void
test_rejects_bad_rows (void)
{
  g_autoptr(AlvhSeries) s = make_series (3);
  g_autoptr(GError) error = NULL;
  double row[4] = { 1, 2, 0.5, 1.5 };
  const gint64 *times = alvh_series_get_times (s);

  g_assert_false (alvh_series_append (s, times[2], row, &error));
  g_assert_error (error, ALVH_SERIES_ERROR, ALVH_SERIES_ERROR_ORDER);
  g_clear_error (&error);

  g_assert_false (alvh_series_append (s, times[0] - 1, row, &error));
  g_assert_error (error, ALVH_SERIES_ERROR, ALVH_SERIES_ERROR_ORDER);
  g_clear_error (&error);

  row[2] = NAN;
  g_assert_false (alvh_series_append (s, times[2] + 86400, row, &error));
  g_assert_error (error, ALVH_SERIES_ERROR, ALVH_SERIES_ERROR_NOT_FINITE);
  g_assert_nonnull (strstr (error->message, "low"));
  g_assert_cmpuint (alvh_series_get_length (s), ==, 3);
}

static void
test_find_and_slice (void)
{
  g_autoptr(AlvhSeries) s = make_series (100);
  g_autoptr(AlvhSeries) slice = NULL;
  const gint64 *t = alvh_series_get_times (s);

  g_assert_cmpint (alvh_series_find_time (s, t[10]), ==, 10);
  g_assert_cmpint (alvh_series_find_time (s, t[10] + 1), ==, -1);
  g_assert_cmpint (alvh_series_find_time_le (s, t[10] + 1), ==, 10);
  g_assert_cmpint (alvh_series_find_time_le (s, t[0] - 1), ==, -1);
  g_assert_cmpint (alvh_series_find_time_ge (s, t[10] + 1), ==, 11);
  g_assert_cmpint (alvh_series_find_time_ge (s, t[99] + 1), ==, -1);

  slice = alvh_series_slice (s, t[20] - 5, t[29]);
  g_assert_cmpuint (alvh_series_get_length (slice), ==, 10);
  g_assert_cmpint (alvh_series_get_times (slice)[0], ==, t[20]);
  g_assert_cmpfloat (alvh_series_get_column (slice, 0)[9], ==, 129.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/series/append", test_append_and_columns);
  g_test_add_func ("/core/series/rejects-bad-rows", test_rejects_bad_rows);
  g_test_add_func ("/core/series/find-and-slice", test_find_and_slice);
  return g_test_run ();
}
