/* test-stored-eval.c — which bar an evaluation at an instant sees */
#include "config.h"

#include <string.h>

#include "alvh-core.h"
#include "alvh-stored-eval.h"

/* Three daily bars, Monday 2026-03-02 to Wednesday 2026-03-04 */
static AlvhMarketFrame *
three_day_frame (void)
{
  static const char * const columns[] = { "close", NULL };
  g_autoptr(AlvhSeries) spx = alvh_series_new ("SPX", columns);
  g_autoptr(AlvhSeries) vix = alvh_series_new ("VIX", columns);

  for (int d = 2; d <= 4; d++)
    {
      double close = 6800.0 + d, level = 18.0 + d;

      g_assert_true (alvh_series_append (spx, alvh_time_from_ny_date (2026, 3, d), &close, NULL));
      g_assert_true (alvh_series_append (vix, alvh_time_from_ny_date (2026, 3, d), &level, NULL));
    }
  return alvh_market_frame_new_join (spx, vix, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
}

static void
test_bar_at_close (void)
{
  g_autoptr(AlvhMarketFrame) frame = three_day_frame ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (frame->n, ==, 3);
  /* 0: the latest bar */
  g_assert_cmpint (alvh_stored_bar_at (frame, 0, &error), ==, 2);
  g_assert_no_error (error);
  /* Wednesday's bar stands at 16:00 New York, not at its midnight stamp */
  g_assert_cmpint (alvh_stored_bar_at (frame, alvh_time_from_ny_local (2026, 3, 4, 15, 59, 59), &error), ==, 1);
  g_assert_cmpint (alvh_stored_bar_at (frame, alvh_time_from_ny_local (2026, 3, 4, 16, 0, 0), &error), ==, 2);
  g_assert_cmpint (alvh_stored_bar_at (frame, alvh_time_from_ny_date (2026, 3, 4), &error), ==, 1);
  /* after the history: its last bar */
  g_assert_cmpint (alvh_stored_bar_at (frame, alvh_time_from_ny_date (2026, 3, 20), &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_bar_at_before_history (void)
{
  g_autoptr(AlvhMarketFrame) frame = three_day_frame ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = alvh_time_format_ny_date (alvh_time_from_ny_date (2026, 3, 2));

  /* Monday before its close: no bar stands yet */
  g_assert_cmpint (alvh_stored_bar_at (frame, alvh_time_from_ny_local (2026, 3, 2, 12, 0, 0), &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, first));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/stored-eval/bar-at/close", test_bar_at_close);
  g_test_add_func ("/core/stored-eval/bar-at/before-history", test_bar_at_before_history);
  return g_test_run ();
}
