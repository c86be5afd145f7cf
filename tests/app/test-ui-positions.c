/* test-ui-positions.c — the Positions page with real widgets under Xvfb:
 * a condor entered through its dialog (broken entries keep Save
 * insensitive), a hedge leg, greeks, coverage, settlement warning, a partial
 * close, and the page rendered to PNG in light and dark */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "alvh-condor-dialog.h"
#include "alvh-form.h"
#include "alvh-journal-item.h"
#include "alvh-journal-page.h"
#include "alvh-leg-close-dialog.h"
#include "alvh-leg-dialog.h"
#include "alvh-positions-page.h"
#include "alvh-window.h"
#include "test-book-scenario.h"
#include "test-cli-util.h"
#include "test-ui-util.h"

static char *
date_in_days (int days)
{
  return alvh_time_format_ny_date (alvh_form_today () + (gint64) days * 86400 + 7200);
}

/* The state the steps of test_positions_enter_condor() share */
typedef struct
{
  AlvhWindow        *window;
  AlvhPositionsPage *page;
  AlvhContext       *context;
  AlvhMarketState    ms;
  char               lp[32], sp[32], sc[32], lc[32];
  char              *expiry;
  char              *past;
} EnterCondor;

static AlvhBook *
enter_book (EnterCondor *t)
{
  return alvh_book_service_get_book (alvh_context_get_book (t->context));
}

static GPtrArray *
enter_fills (EnterCondor *t)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *fills = alvh_journal_store_list_fills (alvh_context_get_store (t->context), 0, &error);

  g_assert_no_error (error);
  return fills;
}

/* The new condor's dialog refuses each broken entry, saying why, and Save
 * stays insensitive until the entry is valid */
static void
enter_condor_refusals (EnterCondor      *t,
                       AlvhCondorDialog *dialog)
{
  GtkWidget *save = alvh_condor_dialog_get_save_button (dialog);

  test_ui_wait_mapped (GTK_WIDGET (dialog));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* strikes out of order: Save stays insensitive, nothing is saved */
  test_ui_set_field (GTK_WIDGET (dialog), "long-put", t->sp);
  test_ui_set_field (GTK_WIDGET (dialog), "short-put", t->lp);
  test_ui_set_field (GTK_WIDGET (dialog), "short-call", t->sc);
  test_ui_set_field (GTK_WIDGET (dialog), "long-call", t->lc);
  test_ui_set_field (GTK_WIDGET (dialog), "expiry", t->expiry);
  test_ui_set_field (GTK_WIDGET (dialog), "units", "2");
  test_ui_set_field (GTK_WIDGET (dialog), "credit", "12.5");
  g_assert_false (alvh_condor_dialog_is_valid (dialog));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (alvh_condor_dialog_get_errors (dialog), "long put < short put"));
  g_assert_true (gtk_widget_has_css_class (alvh_form_find_by_name (GTK_WIDGET (dialog), "long-put"), "error"));
  gtk_widget_activate (save);   /* insensitive: nothing happens */
  test_ui_settle ();
  g_assert_cmpuint (alvh_positions_page_get_n_condor_rows (t->page), ==, 0);

  /* fixed strikes, but an expiry before the condor was opened (now, by default) */
  test_ui_set_field (GTK_WIDGET (dialog), "long-put", t->lp);
  test_ui_set_field (GTK_WIDGET (dialog), "short-put", t->sp);
  test_ui_set_field (GTK_WIDGET (dialog), "expiry", t->past);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (alvh_condor_dialog_get_errors (dialog), "before the condor was opened"));
  g_assert_true (gtk_widget_has_css_class (alvh_form_find_by_name (GTK_WIDGET (dialog), "expiry"), "error"));
  /* a trade recorded after the fact: opened before that expiry, any past time */
  {
    g_autofree char *opened_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (alvh_form_find_by_name (GTK_WIDGET (dialog), "opened"))));
    g_autofree char *back = date_in_days (-40);
    g_autofree char *back_time = g_strconcat (back, " 10:15", NULL);

    test_ui_set_field (GTK_WIDGET (dialog), "opened", back_time);
    g_assert_true (alvh_condor_dialog_is_valid (dialog));
    test_ui_set_field (GTK_WIDGET (dialog), "opened", "2020-02-30 10:00");
    g_assert_false (alvh_condor_dialog_is_valid (dialog));
    g_assert_nonnull (strstr (alvh_condor_dialog_get_errors (dialog), "Opened"));
    test_ui_set_field (GTK_WIDGET (dialog), "opened", opened_text);
  }
  /* fees are dollars, 0 or more */
  test_ui_set_field (GTK_WIDGET (dialog), "expiry", t->expiry);
  test_ui_set_field (GTK_WIDGET (dialog), "fees", "-1");
  g_assert_nonnull (strstr (alvh_condor_dialog_get_errors (dialog), "Fees"));
  test_ui_set_field (GTK_WIDGET (dialog), "fees", "2.60");
  /* whole units only */
  test_ui_set_field (GTK_WIDGET (dialog), "units", "1.5");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (alvh_condor_dialog_get_errors (dialog), "whole number"));

  /* non-positive units */
  test_ui_set_field (GTK_WIDGET (dialog), "expiry", t->expiry);
  test_ui_set_field (GTK_WIDGET (dialog), "units", "0");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (alvh_condor_dialog_get_errors (dialog), "Units"));
  test_ui_set_field (GTK_WIDGET (dialog), "units", "-1");
  g_assert_false (gtk_widget_get_sensitive (save));
}

/* Saved: one row, the book's condor, the ledger's P&L to date and the
 * opening fill with its fees; then edited from 2 to 3 units */
static void
enter_condor_save_and_edit (EnterCondor      *t,
                            AlvhCondorDialog *dialog)
{
  GtkWidget *save = alvh_condor_dialog_get_save_button (dialog);

  /* valid: Save becomes sensitive; render the dialog */
  test_ui_set_field (GTK_WIDGET (dialog), "units", "2");
  g_assert_true (alvh_condor_dialog_is_valid (dialog));
  g_assert_true (gtk_widget_get_sensitive (save));
  test_ui_render_png (GTK_WIDGET (dialog), "condor-dialog.png");

  /* GtkButton::activate shows the press and emits clicked 250 ms later */
  gtk_widget_activate (save);
  test_ui_wait_for (alvh_positions_page_get_n_condor_rows (t->page) == 1);
  g_assert_cmpuint (alvh_positions_page_get_n_condor_rows (t->page), ==, 1);
  g_assert_cmpuint (alvh_book_get_n_condors (enter_book (t)), ==, 1);
  g_assert_cmpfloat (alvh_book_get_condor (enter_book (t), 0)->units, ==, 2);
  /* the page's P&L to date is the ledger's: at cost until a bar after the
   * fill, less the fees (not the model's mark of the whole credit) */
  {
    AlvhLedgerPnl lp;
    g_autofree char *text = NULL;

    alvh_positions_page_get_ledger_pnl (t->page, &lp);
    g_assert_cmpfloat_with_epsilon (lp.fees, 2.60, 1e-9);
    g_assert_cmpfloat_with_epsilon (lp.realized, -2.60, 1e-9);
    text = alvh_format_money (lp.pnl, ALVH_MONEY_CENTS);
    g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), text));
  }
  /* its opening fill carries the fees entered */
  {
    g_autoptr(GPtrArray) fills = enter_fills (t);

    g_assert_cmpuint (fills->len, ==, 1);
    g_assert_cmpfloat (((const AlvhFill *) g_ptr_array_index (fills, 0))->fees, ==, 2.60);
    g_assert_cmpfloat (((const AlvhFill *) g_ptr_array_index (fills, 0))->quantity, ==, 2);
  }
  g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), "2 × "));
  g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), t->sp));
  g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), "per condor unit"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), "per day"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), "SPX −2 SD"));

  /* edit it: 2 -> 3 units through the edit action's dialog */
  {
    const AlvhCondor *jc = g_ptr_array_index (alvh_book_service_get_condors (alvh_context_get_book (t->context)), 0);
    AlvhCondorDialog *edit = alvh_condor_dialog_new (GTK_WINDOW (t->window), t->context, jc);

    gtk_window_present (GTK_WINDOW (edit));
    test_ui_wait_mapped (GTK_WIDGET (edit));
    g_assert_true (alvh_condor_dialog_is_valid (edit));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (alvh_form_find_by_name (GTK_WIDGET (edit), "short-put"))), ==, t->sp);
    test_ui_set_field (GTK_WIDGET (edit), "units", "3");
    gtk_widget_activate (alvh_condor_dialog_get_save_button (edit));
    test_ui_wait_for (alvh_book_get_condor (enter_book (t), 0)->units == 3);
    g_assert_cmpuint (alvh_book_get_n_condors (enter_book (t)), ==, 1);
    g_assert_cmpfloat (alvh_book_get_condor (enter_book (t), 0)->units, ==, 3);
    g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), "3 × "));
  }
}

/* A hedge leg by hand: a call spread of 4, refused until valid; settlement
 * differs from the condor's; the coverage at -2 SD gets a hedge figure */
static const AlvhLeg *
enter_leg (EnterCondor *t)
{
  AlvhLegDialog *leg_dialog = ALVH_LEG_DIALOG (alvh_positions_page_add_leg (t->page));
  GtkWidget *leg_save = alvh_leg_dialog_get_save_button (leg_dialog);
  const AlvhLeg *leg;
  AlvhHedgeCoverage cov[3];

  test_ui_wait_mapped (GTK_WIDGET (leg_dialog));
  test_ui_set_field (GTK_WIDGET (leg_dialog), "long-strike", "30");
  test_ui_set_field (GTK_WIDGET (leg_dialog), "short-strike", "25");
  test_ui_set_field (GTK_WIDGET (leg_dialog), "premium", "1.2");
  test_ui_set_field (GTK_WIDGET (leg_dialog), "quantity", "4");
  g_assert_false (gtk_widget_get_sensitive (leg_save));
  g_assert_nonnull (strstr (alvh_leg_dialog_get_errors (leg_dialog), "short > long"));
  test_ui_set_field (GTK_WIDGET (leg_dialog), "long-strike", "20");
  test_ui_set_field (GTK_WIDGET (leg_dialog), "quantity", "0");
  g_assert_false (gtk_widget_get_sensitive (leg_save));
  /* the 1.5 contracts and a fill price of 0 are refused, each saying why */
  test_ui_set_field (GTK_WIDGET (leg_dialog), "quantity", "1.5");
  g_assert_false (gtk_widget_get_sensitive (leg_save));
  g_assert_nonnull (strstr (alvh_leg_dialog_get_errors (leg_dialog), "whole number of contracts"));
  test_ui_set_field (GTK_WIDGET (leg_dialog), "quantity", "4");
  test_ui_set_field (GTK_WIDGET (leg_dialog), "premium", "0");
  g_assert_false (gtk_widget_get_sensitive (leg_save));
  g_assert_nonnull (strstr (alvh_leg_dialog_get_errors (leg_dialog), "Premium"));
  test_ui_set_field (GTK_WIDGET (leg_dialog), "premium", "1.2");
  test_ui_set_field (GTK_WIDGET (leg_dialog), "fees", "5.20");
  test_ui_set_field (GTK_WIDGET (leg_dialog), "quantity", "4");
  g_assert_true (gtk_widget_get_sensitive (leg_save));
  test_ui_render_png (GTK_WIDGET (leg_dialog), "leg-dialog.png");
  g_object_add_weak_pointer (G_OBJECT (leg_dialog), (gpointer *) &leg_dialog);
  gtk_widget_activate (leg_save);
  test_ui_wait_for (alvh_positions_page_get_n_leg_rows (t->page) == 1);
  if (leg_dialog != NULL)
    g_test_message ("leg dialog still open: %s",
                    gtk_label_get_text (GTK_LABEL (alvh_form_find_by_name (GTK_WIDGET (leg_dialog), "errors"))));
  g_assert_cmpuint (alvh_positions_page_get_n_leg_rows (t->page), ==, 1);
  g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), "settles at a different time"));
  g_assert_cmpuint (alvh_book_service_get_legs (alvh_context_get_book (t->context))->len, ==, 1);
  leg = g_ptr_array_index (alvh_book_service_get_legs (alvh_context_get_book (t->context)), 0);
  g_assert_cmpstr (alvh_leg_kind_to_string (leg->kind), ==, "vix_call_spread");
  g_assert_true (leg->manual);
  g_assert_cmpint (leg->condor_id, ==, alvh_book_get_condor (enter_book (t), 0)->id);

  alvh_book_hedge_coverage (enter_book (t), &t->ms, cov);
  g_test_message ("coverage -1/-2/-3 SD: %.3f %.3f %.3f", cov[0].coverage, cov[1].coverage, cov[2].coverage);
  g_assert_true (cov[1].condor_pnl < 0);
  g_assert_true (isfinite (cov[1].coverage));
  return leg;
}

/* Partial close: 1 of the leg's 4 contracts, refused until valid, booked
 * as a closing fill with its price and fees */
static void
enter_partial_close (EnterCondor   *t,
                     const AlvhLeg *leg)
{
  GtkWidget *close = alvh_leg_close_dialog_new (GTK_WINDOW (t->window), t->context, leg);

  gtk_window_present (GTK_WINDOW (close));
  test_ui_wait_mapped (close);
  test_ui_set_field (close, "close-quantity", "5");   /* more than open */
  test_ui_set_field (close, "close-price", "1.5");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (close), "close"));
  test_ui_set_field (close, "close-quantity", "0.5");  /* whole contracts only */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (close), "close"));
  test_ui_set_field (close, "close-fees", "-2");
  test_ui_set_field (close, "close-quantity", "1");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (close), "close"));
  test_ui_set_field (close, "close-fees", "1.30");
  test_ui_set_field (close, "close-time", "yesterday");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (close), "close"));
  {
    /* a close recorded after the fact: a minute after the leg's fill */
    g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
    g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (leg->opened + 60);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (at, ny);
    g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");

    test_ui_set_field (close, "close-time", text);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (close), "close"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (close), "close");
  gtk_window_destroy (GTK_WINDOW (close));
  test_ui_wait_for (((const AlvhLeg *) g_ptr_array_index (alvh_book_service_get_legs (alvh_context_get_book (t->context)), 0))->closed_quantity == 1);
  leg = g_ptr_array_index (alvh_book_service_get_legs (alvh_context_get_book (t->context)), 0);
  g_assert_cmpfloat (leg->closed_quantity, ==, 1);
  g_assert_true (test_ui_find_label (GTK_WIDGET (t->page), "3 contracts of 4 open"));
  {
    g_autoptr(GPtrArray) fills = enter_fills (t);
    const AlvhFill *last = g_ptr_array_index (fills, fills->len - 1);

    g_assert_true (last->close);
    g_assert_cmpfloat (last->fees, ==, 1.30);
    g_assert_cmpfloat (last->quantity, ==, 1);
    g_assert_cmpfloat (last->price, ==, 1.5);
  }
}

static void
test_positions_enter_condor (void)
{
  EnterCondor t = { 0 };
  AlvhCondorDialog *dialog;
  g_autofree char *expiry = date_in_days (45);
  g_autofree char *past = date_in_days (-3);
  double spx;

  t.expiry = expiry;
  t.past = past;
  test_ui_use_fresh_data_dir ("alvh-ui-positions-XXXXXX");
  t.window = test_ui_demo_window (1100, 1700, "positions");

  t.page = ALVH_POSITIONS_PAGE (alvh_window_get_page (t.window, "positions"));
  g_assert_true (ALVH_IS_POSITIONS_PAGE (t.page));
  t.context = alvh_positions_page_get_context (t.page);
  g_assert_nonnull (alvh_context_get_store (t.context));
  g_assert_cmpstr (alvh_book_service_get_account_name (alvh_context_get_book (t.context)), ==, "Main");
  g_assert_true (alvh_decision_service_get_market_state (alvh_context_get_decisions (t.context), &t.ms));
  spx = round (t.ms.spx / 5) * 5;
  g_test_message ("latest SPX %.2f, VIX %.2f, beta %.3f", t.ms.spx, t.ms.vix, t.ms.beta);
  g_assert_cmpuint (alvh_positions_page_get_n_condor_rows (t.page), ==, 0);
  g_assert_true (test_ui_find_label (GTK_WIDGET (t.page), "No open iron condors"));

  g_snprintf (t.lp, sizeof t.lp, "%.0f", spx - 300);
  g_snprintf (t.sp, sizeof t.sp, "%.0f", spx - 250);
  g_snprintf (t.sc, sizeof t.sc, "%.0f", spx + 250);
  g_snprintf (t.lc, sizeof t.lc, "%.0f", spx + 300);

  dialog = ALVH_CONDOR_DIALOG (alvh_positions_page_add_condor (t.page));
  enter_condor_refusals (&t, dialog);
  enter_condor_save_and_edit (&t, dialog);
  enter_partial_close (&t, enter_leg (&t));

  test_ui_wait_drawn (GTK_WIDGET (t.page));
  g_test_message ("page %d x %d", gtk_widget_get_width (GTK_WIDGET (t.page)), gtk_widget_get_height (GTK_WIDGET (t.page)));
  test_ui_render_png (GTK_WIDGET (t.window), "positions-page.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  test_ui_render_png (GTK_WIDGET (t.window), "positions-page-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  test_ui_close (GTK_WINDOW (t.window));
}

static void
test_positions_accounts (void)
{
  AlvhWindow *window;
  AlvhPositionsPage *page;
  AlvhContext *context;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  AlvhCondor c = { 0 };
  gint64 main_id, second;

  window = test_ui_fresh_window ("alvh-ui-positions-XXXXXX", -1, -1);
  alvh_window_load_demo (window);
  test_ui_wait_for (alvh_window_has_market_data (window));
  page = ALVH_POSITIONS_PAGE (alvh_window_get_page (window, "positions"));
  context = alvh_positions_page_get_context (page);
  main_id = alvh_book_service_get_account_id (alvh_context_get_book (context));

  c.long_put = 4000; c.short_put = 4100; c.short_call = 5100; c.long_call = 5200;
  c.expiry = alvh_form_today () + 40 * 86400; c.units = 1; c.credit = 10; c.close_price = NAN;
  g_assert_cmpint (alvh_book_service_add_condor (alvh_context_get_book (context), &c, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_positions_page_get_n_condor_rows (page), ==, 1);

  second = alvh_book_service_create_account (alvh_context_get_book (context), "IRA", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, 0);
  test_ui_wait_for (alvh_positions_page_get_n_condor_rows (page) == 0);
  /* the new account is active and its book is empty */
  g_assert_cmpint (alvh_book_service_get_account_id (alvh_context_get_book (context)), ==, second);
  g_assert_cmpuint (alvh_positions_page_get_n_condor_rows (page), ==, 0);
  accounts = alvh_book_service_list_accounts (alvh_context_get_book (context), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);

  g_assert_true (alvh_book_service_set_account (alvh_context_get_book (context), main_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_positions_page_get_n_condor_rows (page), ==, 1);
  g_assert_null (alvh_book_service_create_account (alvh_context_get_book (context), "  ", &error) ? (gpointer) 1 : NULL);
  g_assert_error (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID);

  test_ui_close (GTK_WINDOW (window));
}

/* the demo data survives a restart: a second window finds it in market.sqlite */
static void
test_positions_market_survives (void)
{
  AlvhWindow *window;
  AlvhContext *context;

  window = test_ui_fresh_window ("alvh-ui-positions-XXXXXX", -1, -1);
  g_assert_false (alvh_window_has_market_data (window));
  alvh_window_load_demo (window);
  context = alvh_positions_page_get_context (ALVH_POSITIONS_PAGE (alvh_window_get_page (window, "positions")));
  test_ui_wait_for (!alvh_market_service_is_busy (alvh_context_get_market (context)));
  g_assert_false (alvh_market_service_is_busy (alvh_context_get_market (context)));
  test_ui_close (GTK_WINDOW (window));

  window = alvh_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_for (alvh_window_has_market_data (window));
  g_assert_true (alvh_window_has_market_data (window));
  context = alvh_positions_page_get_context (ALVH_POSITIONS_PAGE (alvh_window_get_page (window, "positions")));
  g_assert_cmpuint (alvh_series_get_length (alvh_market_service_get_series (alvh_context_get_market (context), "SPX")), >, 2000);
  g_assert_nonnull (alvh_market_service_get_series (alvh_context_get_market (context), "VX"));
  g_assert_nonnull (alvh_market_service_get_series (alvh_context_get_market (context), "BREADTH"));
  test_ui_close (GTK_WINDOW (window));
}

static char *
run_import (AlvhContext  *context,
            const char   *path,
            GError      **error)
{
  const char *paths[] = { path, NULL };

  return test_ui_import (context, paths, error);
}

/* import: a good file extends the market (toast text), a broken one is
 * refused whole with FILE:LINE in the message and changes nothing */
static void
test_positions_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-ui-import-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "SPX_History.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "VIX_History.csv", NULL);
  g_autoptr(AlvhContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;

  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
  context = alvh_context_new (NULL, NULL);
  g_assert_cmpstr (alvh_context_get_data_dir (context), ==, dir);
  g_assert_true (g_file_set_contents (good,
                                      "DATE,OPEN,HIGH,LOW,CLOSE\n"
                                      "01/02/2024,4745.20,4754.33,4722.67,4742.83\n"
                                      "01/03/2024,4725.07,4729.29,4699.71,4704.81\n"
                                      "01/04/2024,4697.42,4726.78,4687.53,4688.68\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad,
                                      "DATE,OPEN,HIGH,LOW,CLOSE\n"
                                      "01/02/2024,13.21,14.23,13.1,13.2\n"
                                      "01/03/2024,13.38,14.22,13.36,oops\n", -1, NULL));

  summary = run_import (context, good, &error);
  g_assert_no_error (error);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "SPX"));
  g_assert_nonnull (strstr (summary, "3 rows"));
  g_assert_cmpuint (alvh_series_get_length (alvh_market_service_get_series (alvh_context_get_market (context), "SPX")), ==, 3);

  message = run_import (context, bad, &error);
  g_assert_null (message);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "VIX_History.csv:3"));
  g_assert_null (alvh_market_service_get_series (alvh_context_get_market (context), "VIX"));
  g_assert_false (alvh_market_service_has_market (alvh_context_get_market (context)));
}

/* The P&L the Journal list shows for entry @id (NAN when not listed or unknown). */
static double
journal_row_pnl (AlvhJournalModel *model,
                 gint64            id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AlvhJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (alvh_journal_item_get_id (item) == id)
        return alvh_journal_item_get_pnl (item);
    }
  return NAN;
}

/* The book whose greeks the page shows holds the SPX put 2900 among its
 * other legs: in its delta, not in its layers */
static void
assert_book_holds_spx_put (AlvhPositionsPage *page)
{
  AlvhBook *book = alvh_book_service_get_book (alvh_context_get_book (alvh_positions_page_get_context (page)));

  g_assert_cmpuint (alvh_book_get_n_other_legs (book), ==, 1);
  g_assert_cmpint (alvh_book_get_other_leg (book, 0)->kind, ==, ALVH_LEG_SPX_PUT);
  g_assert_cmpfloat (alvh_book_get_other_leg (book, 0)->long_strike, ==, 2900);
}

/* A window whose today is y-m-d on the Positions page, refreshed: the page
 * and the ledger's P&L it shows. */
static AlvhPositionsPage *
show_ledger_on (int            y,
                int            m,
                int            d,
                AlvhWindow   **out_window,
                AlvhLedgerPnl *shown)
{
  AlvhWindow *window;
  AlvhPositionsPage *page;

  alvh_form_set_today (alvh_time_from_ny_date (y, m, d));
  window = alvh_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_for (alvh_window_has_market_data (window));
  alvh_window_show_page (window, "positions");
  page = ALVH_POSITIONS_PAGE (alvh_window_get_page (window, "positions"));
  test_ui_wait_drawn (GTK_WIDGET (page));
  alvh_positions_page_refresh (page);
  alvh_positions_page_get_ledger_pnl (page, shown);
  *out_window = window;
  return page;
}

/* Issue 15's month of trades booked through `alvh book`: on 2020-03-31 the
 * Positions page shows the same realised and unrealised money as
 * `alvh book list` and `alvh pnl`, to the cent */
static void
test_positions_ledger_scenario (void)
{
  const char *shared = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *dir = NULL, *journal = NULL, *market = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  AlvhWindow *window;
  AlvhPositionsPage *page;
  AlvhLedgerPnl shown = { 0 };
  JsonArray *list;
  double realized = 0, unrealized = 0, fees = 0;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("real market data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return;
    }
  test_ui_use_fresh_data_dir ("alvh-ui-ledger-XXXXXX");
  dir = alvh_paths_data_dir ();
  journal = alvh_paths_journal_db (dir);
  market = alvh_paths_market_db (dir);
  test_book_scenario_import_market (market, shared);
  test_book_scenario_book (journal, market);
  {
    const char *args[] = { "book", "list", "--at", "2020-03-31", "--db", journal, "--market-db", market, "--json", NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  list = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (list), ==, 4);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);

      realized += json_object_get_double_member (e, "realized_pnl");
      unrealized += json_object_get_double_member (e, "unrealized_pnl");
      fees += json_object_get_double_member (e, "fees");
    }
  g_assert_cmpfloat (fabs (realized - 12394.09), <, 0.005);   /* -17505.20 - 92.60 + 452.20 + 29539.69 */
  g_assert_cmpfloat (unrealized, >, 0);                        /* the half of the VIX spread still open */

  page = show_ledger_on (2020, 3, 31, &window, &shown);
  g_test_message ("Positions: realised %.2f, unrealised %.2f, fees %.2f, P&L %.2f",
                  shown.realized, shown.unrealized_end, shown.fees, shown.pnl);
  g_assert_cmpfloat (fabs (shown.realized - realized), <, 0.005);
  g_assert_cmpfloat (fabs (shown.unrealized_end - unrealized), <, 0.005);
  g_assert_cmpfloat (fabs (shown.fees - fees), <, 0.005);
  g_assert_cmpfloat (fabs (shown.pnl - (realized + unrealized)), <, 0.005);
  test_ui_save_png (GTK_WIDGET (window), "positions-ledger-scenario.png", 8);
  /* the SPX put settled at today's close: Marked P&L is the ledger's unrealised P&L */
  g_assert_cmpfloat (fabs (alvh_positions_page_get_marked_pnl (page) - shown.unrealized_end), <, 0.005);
  /* the condor settled on 2020-03-20 is shown as settled, not as open */
  g_assert_cmpuint (alvh_positions_page_get_n_condor_rows (page), ==, 1);
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Expired on 2020-03-20"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Marked at the close of 2020-03-31"));
  /* the SPX put bought by hand is no hedge layer and settles as SPX does */
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "SPX put 2900 × 1"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Expired on 2020-03-31 (SPXW PM)"));
  g_assert_false (test_ui_find_label (GTK_WIDGET (page), "Layer 0"));

  /* the Journal lists the legs booked by hand; a leg's detail has its fills and the same money */
  {
    AlvhJournalPage *journal = ALVH_JOURNAL_PAGE (alvh_window_get_page (window, "journal"));
    JsonObject *leg3 = json_array_get_object_element (list, 2);
    g_autofree char *realized3 = alvh_format_money (json_object_get_double_member (leg3, "realized_pnl"), ALVH_MONEY_CENTS);
    g_autofree char *unrealized3 = alvh_format_money (json_object_get_double_member (leg3, "unrealized_pnl"), ALVH_MONEY_CENTS);

    g_assert_cmpint (json_object_get_int_member (leg3, "id"), ==, 3);
    alvh_window_show_page (window, "journal");
    test_ui_wait_drawn (GTK_WIDGET (journal));
    test_ui_wait_for (alvh_journal_page_select_entry (journal, 2));
    test_ui_wait_label (GTK_WIDGET (journal), "Sold 2 at 3.10");
    g_assert_true (test_ui_find_label (GTK_WIDGET (journal), "Bought 4 at 0.80"));
    g_assert_true (test_ui_find_label (GTK_WIDGET (journal), "Open: 2 of 4"));
    g_assert_true (test_ui_find_label (GTK_WIDGET (journal), realized3));
    g_assert_true (test_ui_find_label (GTK_WIDGET (journal), unrealized3));
    /* the list's P&L column: the leg's realised plus unrealised, the ledger's */
    test_ui_wait_for (isfinite (journal_row_pnl (alvh_journal_page_get_model (journal), 2)));
    g_assert_cmpfloat (fabs (journal_row_pnl (alvh_journal_page_get_model (journal), 2)
                             - json_object_get_double_member (leg3, "realized_pnl")
                             - json_object_get_double_member (leg3, "unrealized_pnl")), <, 0.005);
    test_ui_save_png (GTK_WIDGET (window), "journal-ledger-scenario.png", 8);
  }

  test_ui_close (GTK_WINDOW (window));

  /* On 2020-03-02 the SPX put 2900 is open beside the condor and half the
   * VIX spread, and every fill booked is in the past: Marked P&L (the book
   * with its SPX put) is the ledger's unrealised P&L */
  page = show_ledger_on (2020, 3, 2, &window, &shown);
  g_test_message ("Positions on 2020-03-02: unrealised %.2f, Marked P&L %.2f",
                  shown.unrealized_end, alvh_positions_page_get_marked_pnl (page));
  g_assert_cmpfloat (fabs (alvh_positions_page_get_marked_pnl (page) - shown.unrealized_end), <, 0.005);
  assert_book_holds_spx_put (page);
  gtk_window_destroy (GTK_WINDOW (window));
  alvh_form_set_today (0);
  test_ui_settle ();
}

/* A new condor from a stored chain: Import… of Cboe's 2025-01-06 download,
 * then the dialog's "From Option Chain" group, expiry 2025-01-17, 0.16
 * delta, 50-point wings: the strikes 5780/5830/6100/6150 and the credit
 * 10.75 from the mids (the core test checks them against the file) */
static void
test_positions_condor_from_chain (void)
{
  const char *shared = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *file = shared != NULL ? g_build_filename (shared, "spx_option_chain_cboe_2025-01-06_janexp.csv", NULL) : NULL;
  g_autofree char *summary = NULL;
  AlvhWindow *window;
  AlvhContext *context;
  g_autoptr(GError) error = NULL;
  AlvhCondorDialog *dialog;
  GtkWidget *combo;
  GListModel *model;
  guint pick = G_MAXUINT;

  if (file == NULL || !g_file_test (file, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("shared option chain data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return;
    }
  test_ui_use_fresh_data_dir ("alvh-ui-chain-XXXXXX");
  window = test_ui_demo_window (1100, 1700, "positions");
  context = alvh_positions_page_get_context (ALVH_POSITIONS_PAGE (alvh_window_get_page (window, "positions")));
  summary = run_import (context, file, &error);
  g_assert_no_error (error);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "SPX options"));
  g_assert_nonnull (alvh_market_service_get_chains (alvh_context_get_market (context)));

  dialog = alvh_condor_dialog_new (GTK_WINDOW (window), context, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  test_ui_wait_mapped (GTK_WIDGET (dialog));
  combo = test_ui_find_named (GTK_WIDGET (dialog), "chain-expiry");
  g_assert_nonnull (combo);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "2025-01-17"))
      pick = i;
  g_assert_cmpuint (pick, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), pick);
  g_signal_emit_by_name (test_ui_find_named (GTK_WIDGET (dialog), "chain-fill"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_find_named (GTK_WIDGET (dialog), "long-put"))), ==, "5780");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_find_named (GTK_WIDGET (dialog), "short-put"))), ==, "5830");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_find_named (GTK_WIDGET (dialog), "short-call"))), ==, "6100");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_find_named (GTK_WIDGET (dialog), "long-call"))), ==, "6150");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_find_named (GTK_WIDGET (dialog), "credit"))), ==, "10.75");
  /* opened at the chain's time (2025-01-06 21:26 New York): a valid condor */
  g_assert_true (alvh_condor_dialog_is_valid (dialog));
  test_ui_save_png (GTK_WIDGET (dialog), "condor-from-chain.png", 8);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/positions/enter-condor", test_positions_enter_condor,
                       "/ui/positions/accounts", test_positions_accounts,
                       "/ui/positions/market-survives-restart", test_positions_market_survives,
                       "/ui/positions/import", test_positions_import,
                       "/ui/positions/condor-from-chain", test_positions_condor_from_chain,
                       "/ui/positions/ledger-scenario", test_positions_ledger_scenario,
                       NULL);
}
