/* test-ui-replay.c — the Replay page with real widgets under Xvfb: one year
 * of the demo data runs through the page (thread, progress) and the summary,
 * the trade table and the equity curves show; Cancel stops a run; activating
 * a trade shows the Charts page */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gtk/gtk.h>

#include "alvh-charts-page.h"
#include "alvh-equity-view.h"
#include "alvh-journal-page.h"
#include "alvh-replay-page.h"
#include "alvh-replay-trade-item.h"
#include "alvh-window.h"
#include "test-ui-util.h"

typedef struct
{
  gboolean done;
  gboolean ok;
} Finished;

static void
finished_cb (AlvhReplayPage *page,
             gboolean        ok,
             Finished       *f)
{
  f->done = TRUE;
  f->ok = ok;
}

static void
wait_finished (Finished *f)
{
  test_ui_wait_for (f->done);
}

static AlvhWindow *window;   /* kept for the whole run */

/* Recording the run makes an account with its condors and a summary entry:
 * the same recording as `alvh replay --journal` */
static void
replay_check_record (AlvhReplayPage   *page,
                     AlvhReplayResult *r)
{
  g_autoptr(GError) error = NULL;
  AlvhJournalFilter filter = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  AlvhJournalStore *store;
  AlvhJournalEntry *e;
  gint64 account;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "replay.record", NULL));
  /* it records in a thread: the action is off until the toast */
  g_assert_true (alvh_replay_page_is_recording (page));
  g_assert_false (alvh_replay_page_record_async (page));
  test_ui_wait_for (!alvh_replay_page_is_recording (page));
  g_assert_false (alvh_replay_page_is_recording (page));
  store = alvh_context_get_store (alvh_journal_page_get_context (ALVH_JOURNAL_PAGE (alvh_window_get_page (window, "journal"))));
  filter.tag = "replay";
  entries = alvh_journal_store_list_entries (store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  e = g_ptr_array_index (entries, 0);
  g_assert_true (g_str_has_prefix (e->title, "Replay Default v"));
  g_assert_cmpint (e->time, ==, r->time[r->n_bars - 1]);
  account = e->account_id;
  g_assert_cmpint (account, >, 0);
  attachments = alvh_journal_store_list_attachments (store, e->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpuint (g_bytes_get_size (((AlvhJournalAttachment *) g_ptr_array_index (attachments, 0))->png), >, 1000);
  /* the last trade is still open at the end of the period */
  {
    g_autoptr(GPtrArray) open = alvh_journal_store_list_open_condors (store, account, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (open->len, ==, r->trades->len > 0 && g_array_index (r->trades, AlvhReplayTrade, r->trades->len - 1).close_time == 0 ? 1 : 0);
  }
  /* the same recording as `alvh replay --journal`: every condor, one leg per
   * ADD linked to its decision's fired signals, the notable decisions */
  {
    g_autoptr(GPtrArray) condors = alvh_journal_store_list_condors (store, account, 0, 0, &error);
    g_autoptr(GPtrArray) legs = alvh_journal_store_list_legs (store, account, 0, 0, &error);
    g_autoptr(GPtrArray) decisions = alvh_journal_store_list_decisions (store, account, 0, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (condors->len, ==, r->trades->len);
    g_assert_cmpuint (legs->len, ==, r->n_add);
    g_assert_cmpuint (decisions->len, ==, r->decisions->len);
    for (guint i = 0; i < legs->len; i++)
      {
        const AlvhLeg *l = legs->pdata[i];
        g_autoptr(GPtrArray) linked = alvh_journal_store_list_leg_signals (store, l->id, &error);

        g_assert_no_error (error);
        g_assert_cmpint (l->decision_id, >, 0);
        g_assert_cmpuint (linked->len, >, 0);
        g_assert_cmpfloat (l->short_strike, >, l->long_strike);
      }
  }
}

static void
test_replay_one_year (void)
{
  AlvhReplayPage *page;
  AlvhReplayResult *r;
  Finished f = { 0 };
  GListModel *trades;
  double sum = 0;

  g_setenv ("ALVH_DATA_DIR", g_dir_make_tmp ("alvh-ui-replay-XXXXXX", NULL), TRUE);
  window = alvh_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  alvh_window_load_demo (window);
  test_ui_wait_for (alvh_window_has_market_data (window));

  page = ALVH_REPLAY_PAGE (alvh_window_get_page (window, "replay"));
  g_assert_true (ALVH_IS_REPLAY_PAGE (page));
  alvh_window_show_page (window, "replay");
  test_ui_wait_mapped (GTK_WIDGET (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Replay History"));

  g_signal_connect (page, "finished", G_CALLBACK (finished_cb), &f);
  alvh_replay_page_set_period (page, "2024-01-01", "2024-12-31");
  /* what the Run button does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "replay.run", NULL));
  g_assert_true (alvh_replay_page_is_running (page));
  wait_finished (&f);
  g_assert_true (f.ok);
  g_assert_false (alvh_replay_page_is_running (page));
  g_signal_handlers_disconnect_by_data (page, &f);

  r = alvh_replay_page_get_result (page);
  g_assert_nonnull (r);
  g_test_message ("2024: %" G_GSIZE_FORMAT " bars, %u trades, %u adds, hedged %.0f, unhedged %.0f",
                  r->n_bars, r->trades->len, r->n_add, r->hedged.total_pnl, r->unhedged.total_pnl);
  g_assert_cmpuint (r->n_bars, >=, 245);
  g_assert_cmpuint (r->n_bars, <=, 260);
  g_assert_cmpint (alvh_time_ny_day (r->time[0]), >=, alvh_days_from_civil (2024, 1, 1));
  g_assert_cmpint (alvh_time_ny_day (r->time[r->n_bars - 1]), <=, alvh_days_from_civil (2024, 12, 31));
  g_assert_cmpuint (r->trades->len, >, 0);

  /* the table lists every trade; the condor P&L of the rows adds up */
  trades = alvh_replay_page_get_trades (page);
  g_assert_cmpuint (g_list_model_get_n_items (trades), ==, r->trades->len);
  for (guint i = 0; i < g_list_model_get_n_items (trades); i++)
    {
      g_autoptr(AlvhReplayTradeItem) item = g_list_model_get_item (trades, i);
      sum += alvh_replay_trade_item_get_trade (item)->condor_pnl;
    }
  g_assert_cmpfloat (fabs (sum - r->unhedged.total_pnl), <, 1.0);

  /* the curves and the summary are on screen */
  g_assert_cmpuint (alvh_equity_view_get_n (ALVH_EQUITY_VIEW (test_ui_find_named (GTK_WIDGET (page), "equity-view"))), ==, r->n_bars);
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Total P&L"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Max drawdown"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Hedge cost"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Done"));
  g_assert_cmpfloat (test_ui_save_png (GTK_WIDGET (window), "replay-page.png", 20), >, 0.03);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpfloat (test_ui_save_png (GTK_WIDGET (window), "replay-page-dark.png", 20), >, 0.03);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  replay_check_record (page, r);

  /* activating a trade shows the Charts page */
  alvh_replay_page_go_to_trade (page, 0);
  test_ui_wait_mapped (alvh_window_get_page (window, "charts"));
  test_ui_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_get_mapped (alvh_window_get_page (window, "charts")));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  {
    g_autoptr(AlvhReplayTradeItem) first = g_list_model_get_item (trades, 0);
    g_autofree char *readout = alvh_charts_page_dup_readout (ALVH_CHARTS_PAGE (alvh_window_get_page (window, "charts")));
    g_autofree char *date = alvh_time_format_ny_date (alvh_replay_trade_item_get_open (first));

    g_test_message ("charts readout: %s", readout);
    g_assert_nonnull (readout);
    g_assert_nonnull (strstr (readout, date));
  }
}

static void
test_replay_cancel (void)
{
  AlvhReplayPage *page = ALVH_REPLAY_PAGE (alvh_window_get_page (window, "replay"));
  Finished f = { 0 };

  alvh_window_show_page (window, "replay");
  g_signal_connect (page, "finished", G_CALLBACK (finished_cb), &f);
  alvh_replay_page_set_period (page, NULL, NULL);   /* all ten years */
  g_assert_true (alvh_replay_page_run (page));
  g_assert_false (alvh_replay_page_run (page));      /* one run at a time */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "replay.cancel", NULL));
  wait_finished (&f);
  g_assert_false (f.ok);
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Cancelled"));
  g_signal_handlers_disconnect_by_data (page, &f);

  /* a bad date is refused before any work starts */
  alvh_replay_page_set_period (page, "2024-13-45", NULL);
  g_assert_false (alvh_replay_page_run (page));
  g_assert_false (alvh_replay_page_is_running (page));

  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/replay/one-year", test_replay_one_year,
                       "/ui/replay/cancel", test_replay_cancel,
                       NULL);
}
