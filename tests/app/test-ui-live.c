/* test-ui-live.c — live mode: a followed CSV file grows and the context's
 * series grow with it (GFileMonitor, debounced); a condor near the money
 * makes a fixed trigger fire and raises an alert; the window has the
 * win.follow-file action */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "alvh-live-follow.h"
#include "alvh-market-store.h"
#include "alvh-context.h"
#include "alvh-window.h"
#include "test-ui-util.h"

typedef struct
{
  guint  bars;
  guint  alerts;
  char  *title;
} Counts;

static void
bars_added_cb (AlvhLiveFollow *follow,
               guint           n,
               Counts         *c)
{
  c->bars += n;
}

static void
alert_cb (AlvhLiveFollow *follow,
          const char     *title,
          const char     *body,
          Counts         *c)
{
  c->alerts++;
  g_free (c->title);
  c->title = g_strdup (title);
  g_test_message ("alert: %s — %s", title, body);
}

static void
append_line (const char *path,
             const char *line)
{
  FILE *fp = fopen (path, "a");

  g_assert_nonnull (fp);
  fputs (line, fp);
  fclose (fp);
}

/* A row still being written (no newline yet) waits for its end; a
 * rewritten (shorter) file is read whole again, old bars adding nothing; a
 * broken row is reported with its file, line and column, the series stays */
static void
live_check_partial_rewritten_broken (AlvhLiveFollow *follow,
                                     AlvhContext    *context,
                                     const char     *csv,
                                     gsize           n0,
                                     Counts         *c)
{
  g_autoptr(GError) error = NULL;
  AlvhSeries *spx;

  append_line (csv, "2026-01-07,6025.0,6031.0,60");
  g_assert_cmpint (alvh_live_follow_poll (follow, &error), ==, 0);
  g_assert_no_error (error);
  append_line (csv, "15.0,6028.0\n");
  g_assert_cmpint (alvh_live_follow_poll (follow, &error), ==, 1);
  g_assert_no_error (error);
  spx = alvh_market_service_get_series (alvh_context_get_market (context), "SPX");
  g_assert_cmpfloat (alvh_series_get_column_by_name (spx, "low")[n0 + 3], ==, 6015.0);
  c->bars = 3;   /* counted by the signal too */

  /* a rewritten file (here: shorter) is read whole again; old bars add nothing */
  g_assert_true (g_file_set_contents (csv,
                                      "Date,Open,High,Low,Close\n"
                                      "2026-01-08,6028.0,6040.0,6020.0,6033.0\n", -1, NULL));
  g_assert_cmpint (alvh_live_follow_poll (follow, &error), ==, 1);
  g_assert_no_error (error);

  /* a broken row is reported, the series stays */
  append_line (csv, "2026-01-09,abc,1,1,1\n");
  g_assert_cmpint (alvh_live_follow_poll (follow, &error), ==, -1);
  g_assert_nonnull (error);
  g_test_message ("broken row: %s", error->message);
  {
    g_autofree char *where = g_strdup_printf ("%s:3:12: ", csv);   /* the file's own line 3 */
    g_assert_true (g_str_has_prefix (error->message, where));
  }
  g_assert_cmpuint (alvh_series_get_length (alvh_market_service_get_series (alvh_context_get_market (context), "SPX")), ==, n0 + 5);

}

static void
test_follow_grows_series (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-ui-live-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "spx.csv", NULL);
  g_autoptr(AlvhContext) context = NULL;
  g_autoptr(AlvhLiveFollow) follow = NULL;
  g_autoptr(GError) error = NULL;
  AlvhSeries *spx;
  gsize n0;
  double last_close;
  Counts c = { 0 };

  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
  context = alvh_context_new (dir, NULL);
  alvh_market_service_load_demo (alvh_context_get_market (context));
  /* the demo is written into market.sqlite in a thread */
  test_ui_wait_for (!alvh_market_service_is_busy (alvh_context_get_market (context)));
  spx = alvh_market_service_get_series (alvh_context_get_market (context), "SPX");
  n0 = alvh_series_get_length (spx);
  last_close = alvh_series_get_column_by_name (spx, "close")[n0 - 1];
  g_assert_cmpint (alvh_time_ny_day (alvh_series_get_times (spx)[n0 - 1]), ==, alvh_days_from_civil (2025, 12, 31));

  /* a condor whose short put sits just under the market: wing_proximity fires */
  {
    AlvhCondor condor = { 0 };

    condor.short_put = 5 * floor (last_close / 5);
    condor.long_put = condor.short_put - 50;
    condor.short_call = condor.short_put + 300;
    condor.long_call = condor.short_call + 50;
    condor.expiry = alvh_time_from_ny_date (2026, 1, 30);
    condor.units = 1;
    condor.credit = 20;
    condor.opened = alvh_time_from_ny_date (2025, 12, 1);
    condor.close_price = NAN;
    g_assert_cmpint (alvh_book_service_add_condor (alvh_context_get_book (context), &condor, &error), >, 0);
    g_assert_no_error (error);
  }

  g_assert_true (g_file_set_contents (csv,
                                      "Date,Open,High,Low,Close\n"
                                      "2026-01-02,6001.5,6040.25,5990.0,6030.75\n", -1, NULL));
  follow = alvh_live_follow_new (context);
  alvh_live_follow_set_delay (follow, 200);
  g_signal_connect (follow, "bars-added", G_CALLBACK (bars_added_cb), &c);
  g_signal_connect (follow, "alert", G_CALLBACK (alert_cb), &c);

  /* following reads the file once: one new bar */
  g_assert_true (alvh_live_follow_set_path (follow, csv, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (alvh_live_follow_get_path (follow), ==, csv);
  g_assert_cmpuint (c.bars, ==, 1);
  spx = alvh_market_service_get_series (alvh_context_get_market (context), "SPX");
  g_assert_cmpuint (alvh_series_get_length (spx), ==, n0 + 1);
  g_assert_cmpfloat (alvh_series_get_column_by_name (spx, "close")[n0], ==, 6030.75);
  g_assert_cmpfloat (alvh_series_get_column_by_name (spx, "high")[n0], ==, 6040.25);

  /* the fixed trigger raised one alert, not one per read */
  g_assert_cmpuint (c.alerts, ==, 1);
  g_assert_cmpuint (alvh_live_follow_get_n_alerts (follow), ==, 1);
  g_assert_true (g_str_has_prefix (c.title, "ALVH"));

  /* a script appends two rows: the monitor sees it, the debounce reads once */
  append_line (csv, "2026-01-05,6030.0,6050.0,6010.0,6045.5\n");
  append_line (csv, "2026-01-06,6045.5,6060.0,6020.0,6025.0\n");
  test_ui_wait_for (c.bars >= 3);
  g_assert_cmpuint (c.bars, ==, 3);
  spx = alvh_market_service_get_series (alvh_context_get_market (context), "SPX");
  g_assert_cmpuint (alvh_series_get_length (spx), ==, n0 + 3);
  g_assert_cmpint (alvh_series_get_times (spx)[n0 + 2], ==, alvh_time_from_ny_date (2026, 1, 6));
  g_assert_cmpfloat (alvh_series_get_column_by_name (spx, "close")[n0 + 2], ==, 6025.0);

  /* the demo history is in market.sqlite: the new bars were stored after it */
  {
    g_autofree char *path = g_build_filename (alvh_context_get_data_dir (context), "market.sqlite", NULL);
    g_autoptr(AlvhMarketStore) store = alvh_market_store_open (path, &error);
    g_autoptr(AlvhSeries) stored = NULL;

    g_assert_no_error (error);
    stored = alvh_market_store_load_series (store, "SPX", G_MININT64, G_MAXINT64, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (alvh_series_get_length (stored), ==, n0 + 3);
    g_assert_cmpint (alvh_series_get_times (stored)[n0 + 2], ==, alvh_time_from_ny_date (2026, 1, 6));
  }

  /* reading the same file again adds nothing */
  g_assert_cmpint (alvh_live_follow_poll (follow, &error), ==, 0);
  g_assert_no_error (error);

  live_check_partial_rewritten_broken (follow, context, csv, n0, &c);

  g_assert_true (alvh_live_follow_set_path (follow, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (alvh_live_follow_get_path (follow));
  g_free (c.title);
  g_unlink (csv);
  g_rmdir (dir);
}

static void
test_window_action (void)
{
  GtkWidgetClass *klass = g_type_class_ref (ALVH_TYPE_WINDOW);
  gboolean follow = FALSE, stop = FALSE;
  const char *name, *property;
  const GVariantType *type;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    {
      if (g_str_equal (name, "win.follow-file"))
        follow = TRUE;
      if (g_str_equal (name, "win.stop-following"))
        stop = TRUE;
    }
  g_assert_true (follow);
  g_assert_true (stop);
  g_type_class_unref (klass);
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/live/follow-grows-series", test_follow_grows_series,
                       "/ui/live/window-action", test_window_action,
                       NULL);
}
