/* test-ui-evaluator.c — the Evaluator page with real widgets under Xvfb:
 * the decision and all signal rows (n/a shown as "n/a"), a macro event that
 * makes macro_regime fire, skipping a decision, and adding the proposed leg
 * through the confirm dialog, checked in the journal store (the leg, the
 * decision and the links to its fired signals); the proposed leg previewed
 * (payoff, scenario grid and coverage without and with it) and, once booked
 * at its estimated price, the Positions page showing the preview's figure */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "alvh-a11y.h"
#include "alvh-add-leg-dialog.h"
#include "alvh-events-dialog.h"
#include "alvh-evaluator-page.h"
#include "alvh-form.h"
#include "alvh-journal-store-private.h"
#include "alvh-leg-preview.h"
#include "alvh-window.h"
#include "test-ui-util.h"

static int
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
journal_changed_cb (AlvhContext *context,
                    guint       *count)
{
  (*count)++;
}

/* A condor whose short put sits 50 points under SPX: wing_proximity fires. */
static gint64
add_close_condor (AlvhContext *context)
{
  g_autoptr(GError) error = NULL;
  AlvhMarketState ms;
  AlvhCondor c = { 0 };
  double s;
  gint64 id;

  g_assert_true (alvh_decision_service_get_market_state (alvh_context_get_decisions (context), &ms));
  s = round (ms.spx / 5) * 5;
  c.long_put = s - 100;
  c.short_put = s - 50;
  c.short_call = s + 100;
  c.long_call = s + 150;
  c.expiry = alvh_form_today () + 45 * 86400 + 7200;
  c.expiry = alvh_time_from_ny_day (alvh_time_ny_day (c.expiry));
  c.units = 1;
  c.credit = 40;
  c.opened = alvh_time_from_ny_local (2025, 12, 30, 11, 0, 0);   /* before the evaluated close */
  c.close_price = NAN;
  id = alvh_book_service_add_condor (alvh_context_get_book (context), &c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* whether the first stored event has the edited note (a TestUiCondition) */
static gboolean
first_event_is_edited (gpointer context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = alvh_profile_service_list_events (alvh_context_get_profiles (context), &error);

  g_assert_no_error (error);
  return events != NULL && events->len > 0 &&
         g_strcmp0 (((AlvhEvent *) g_ptr_array_index (events, 0))->note, "Hot core CPI, 0.4 % m/m") == 0;
}

/* A CPI print marked as a regime shift the day before the last bar,
 * through the events dialog: a bad date refused, the event saved, edited,
 * and a second one added and deleted */
static void
evaluator_add_cpi_event (AlvhEvaluatorPage *page,
                         AlvhContext       *context,
                         gint64             last_bar)
{
  g_autoptr(GError) error = NULL;
  AlvhEventsDialog *events = ALVH_EVENTS_DIALOG (alvh_evaluator_page_show_events (page));
  g_autofree char *date = alvh_time_format_ny_date (last_bar - 86400);
  GtkWidget *save;

  test_ui_wait_mapped (GTK_WIDGET (events));
  g_assert_cmpuint (alvh_events_dialog_get_n_rows (events), ==, 0);
  test_ui_set_field (GTK_WIDGET (events), "event-date", "2025-13-45");
  save = alvh_form_find_by_name (GTK_WIDGET (events), "event-save");
  g_assert_false (gtk_widget_get_sensitive (save));
  test_ui_set_field (GTK_WIDGET (events), "event-date", date);
  adw_combo_row_set_selected (ADW_COMBO_ROW (alvh_form_find_by_name (GTK_WIDGET (events), "event-kind")), 0);
  gtk_switch_set_active (GTK_SWITCH (alvh_form_find_by_name (GTK_WIDGET (events), "event-shift")), TRUE);
  test_ui_set_field (GTK_WIDGET (events), "event-note", "Hot core CPI");
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_widget_activate (save);
  test_ui_wait_for (alvh_events_dialog_get_n_rows (events) == 1);
  g_assert_cmpuint (alvh_events_dialog_get_n_rows (events), ==, 1);
  g_assert_true (test_ui_find_label (GTK_WIDGET (events), "Hot core CPI"));
  test_ui_render_png (GTK_WIDGET (events), "events-dialog.png");

  /* edit it (the form loads it; Save writes it back), then a second event to delete */
  {
    g_autoptr(GPtrArray) stored = alvh_profile_service_list_events (alvh_context_get_profiles (context), &error);
    gint64 id;
    g_autoptr(GPtrArray) after = NULL;

    g_assert_no_error (error);
    id = ((AlvhEvent *) g_ptr_array_index (stored, 0))->id;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (events), "events.edit", "x", id));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (alvh_form_find_by_name (GTK_WIDGET (events), "event-note"))),
                     ==, "Hot core CPI");
    test_ui_set_field (GTK_WIDGET (events), "event-note", "Hot core CPI, 0.4 % m/m");
    gtk_widget_activate (save);
    test_ui_wait_until (first_event_is_edited, context, "the edited note stored");
    after = alvh_profile_service_list_events (alvh_context_get_profiles (context), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_cmpstr (((AlvhEvent *) g_ptr_array_index (after, 0))->note, ==, "Hot core CPI, 0.4 % m/m");
    g_assert_true (((AlvhEvent *) g_ptr_array_index (after, 0))->shift);

    test_ui_set_field (GTK_WIDGET (events), "event-date", "2020-03-15");
    adw_combo_row_set_selected (ADW_COMBO_ROW (alvh_form_find_by_name (GTK_WIDGET (events), "event-kind")), 2);
    gtk_widget_activate (save);
    test_ui_wait_for (alvh_events_dialog_get_n_rows (events) == 2);
    g_assert_cmpuint (alvh_events_dialog_get_n_rows (events), ==, 2);
    g_clear_pointer (&after, g_ptr_array_unref);
    after = alvh_profile_service_list_events (alvh_context_get_profiles (context), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < after->len; i++)
      {
        AlvhEvent *ev = g_ptr_array_index (after, i);

        if (ev->kind == ALVH_EVENT_FOMC)
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (events), "events.delete", "x", ev->id));
      }
    g_assert_cmpuint (alvh_events_dialog_get_n_rows (events), ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (events));
}

/* Skip: the decision is recorded as skipped with the reason */
static void
evaluator_skip (AlvhEvaluatorPage *page,
                AlvhJournalStore  *store,
                guint             *journal_changes)
{
  GtkWidget *skip = alvh_evaluator_page_skip (page);
  guint before = *journal_changes;

  test_ui_wait_mapped (skip);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (skip), "skip"));
  test_ui_set_field (skip, "reason", "Earnings week, waiting one day");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (skip), "skip"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (skip), "skip");
  gtk_window_destroy (GTK_WINDOW (skip));
  test_ui_wait_for (*journal_changes > before);
  g_assert_cmpuint (*journal_changes, >, before);
  g_assert_cmpint (count_rows (_alvh_journal_store_get_db (store),
                               "SELECT count(*) FROM decisions WHERE followed = 'skipped'"
                               " AND skip_reason = 'Earnings week, waiting one day'"), ==, 1);
}

/* The proposed leg added through the confirm dialog: booked with its fill,
 * linked to its decision (followed) and to exactly the signals that fired */
static void
evaluator_add_proposed_leg (AlvhWindow         *window,
                            AlvhEvaluatorPage  *page,
                            AlvhContext        *context,
                            AlvhJournalStore   *store,
                            const AlvhDecision *d)
{
  g_autoptr(GError) error = NULL;
  guint n_fired = 0;
  GtkWidget *confirm = alvh_evaluator_page_add_leg (page);
  g_autoptr(GPtrArray) legs = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(AlvhDecision) jd = NULL;
  AlvhLeg *leg;
  AlvhDecision expected = *d;

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    n_fired += expected.signals[i].fired ? 1 : 0;
  g_assert_nonnull (confirm);
  test_ui_render_png (confirm, "add-leg-dialog.png");
  test_ui_set_field (confirm, "fill-price", "-1");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (confirm), "add"));
  test_ui_set_field (confirm, "fill-price", "0.95");
  test_ui_set_field (confirm, "size", "0");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (confirm), "add"));
  test_ui_set_field (confirm, "size", "1");
  test_ui_set_field (confirm, "note", "Wing and CPI: first layer");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (confirm), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "add");
  gtk_window_destroy (GTK_WINDOW (confirm));
  test_ui_wait_label (GTK_WIDGET (window), "Layer 1 added");
  g_assert_false (test_ui_find_label (GTK_WIDGET (window), "not added"));

  legs = alvh_journal_store_list_open_legs (store, alvh_book_service_get_account_id (alvh_context_get_book (context)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (legs->len, ==, 1);
  leg = g_ptr_array_index (legs, 0);
  g_assert_cmpint (leg->kind, ==, expected.leg.kind);
  g_assert_cmpfloat (leg->premium, ==, 0.95);
  g_assert_cmpfloat (leg->quantity, ==, 1);
  g_assert_cmpint (leg->layer, ==, 1);
  g_assert_false (leg->manual);
  g_assert_cmpint (leg->decision_id, >, 0);

  jd = alvh_journal_store_get_decision (store, leg->decision_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (alvh_action_to_string (jd->action), ==, "ADD");
  g_assert_cmpstr (alvh_branch_to_string (jd->branch), ==, alvh_branch_to_string (expected.branch));
  g_assert_cmpint (jd->followed, ==, ALVH_DECISION_FOLLOWED);
  g_assert_cmpstr (jd->profile_name, ==, "Default");
  g_assert_cmpint (jd->profile_version, ==, 1);
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    g_assert_cmpint (jd->signals[i].snapshot_id, >, 0);

  links = alvh_journal_store_list_leg_signals (store, leg->id, &error);
  g_assert_no_error (error);
  g_test_message ("%u fired signals, %u links", n_fired, links->len);
  g_assert_cmpuint (n_fired, >=, 2);
  g_assert_cmpuint (links->len, ==, n_fired);
  for (guint i = 0; i < links->len; i++)
    {
      const AlvhSignal *link = g_ptr_array_index (links, i);

      g_assert_true (link->fired);
      g_assert_cmpint (link->snapshot_id, ==, jd->signals[link->id].snapshot_id);
    }
  g_assert_cmpint (count_rows (_alvh_journal_store_get_db (store),
                               "SELECT count(*) FROM entries WHERE leg_id IS NOT NULL"), ==, 1);
  /* the toast */
  g_assert_true (test_ui_find_label (GTK_WIDGET (window), "Layer 1 added"));
}

static void
test_evaluator_decision (void)
{
  AlvhWindow *window;
  AlvhEvaluatorPage *page;
  AlvhContext *context;
  AlvhJournalStore *store;
  const AlvhDecision *d;
  guint journal_changes = 0;
  gint64 last_bar;

  /* the demo history ends 2025-12-31: that is today, so the data is current
   * and the book is evaluated as it stands now (legs added now count) */
  alvh_form_set_today (alvh_time_from_ny_date (2025, 12, 31));
  test_ui_use_fresh_data_dir ("alvh-ui-evaluator-XXXXXX");
  window = test_ui_demo_window (1100, 1500, "evaluator");

  page = ALVH_EVALUATOR_PAGE (alvh_window_get_page (window, "evaluator"));
  g_assert_true (ALVH_IS_EVALUATOR_PAGE (page));
  context = alvh_page_get_context (ALVH_PAGE (page));
  store = alvh_context_get_store (context);
  g_assert_nonnull (store);
  g_signal_connect (alvh_context_get_decisions (context), "changed", G_CALLBACK (journal_changed_cb), &journal_changes);

  /* no condor: HOLD / no_position, every signal listed, the condor rules n/a */
  d = alvh_evaluator_page_get_decision (page);
  g_assert_nonnull (d);
  g_assert_cmpint (d->action, ==, ALVH_ACTION_HOLD);
  g_assert_cmpint (d->branch, ==, ALVH_BRANCH_NO_POSITION);
  g_assert_cmpuint (alvh_evaluator_page_get_n_signal_rows (page), ==, ALVH_N_SIGNALS);
  g_assert_false (d->signals[ALVH_SIGNAL_WING_PROXIMITY].available);
  {
    g_autofree char *v = alvh_evaluator_format_value (&d->signals[ALVH_SIGNAL_WING_PROXIMITY]);

    g_assert_cmpstr (v, ==, "n/a");
  }
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "HOLD"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "n/a"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Wing proximity"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Default, version 1"));

  /* a condor near its short put: ADD on the fixed branch */
  add_close_condor (context);
  test_ui_wait_for (alvh_evaluator_page_get_decision (page)->action == ALVH_ACTION_ADD);
  d = alvh_evaluator_page_get_decision (page);
  g_test_message ("decision: %s %s layer %u size %g cost %.2f",
                  alvh_action_to_string (d->action), alvh_branch_to_string (d->branch),
                  d->layer, d->size, d->estimated_cost);
  g_assert_cmpint (d->action, ==, ALVH_ACTION_ADD);
  g_assert_cmpint (d->branch, ==, ALVH_BRANCH_FIXED);
  g_assert_true (d->signals[ALVH_SIGNAL_WING_PROXIMITY].fired);

  /* as of a time before the condor's open (2025-12-30 11:00) the book was
   * empty; as of that day's close it holds the condor; Latest comes back */
  alvh_evaluator_page_set_as_of (page, alvh_time_from_ny_local (2025, 12, 29, 17, 0, 0));
  g_assert_cmpint (alvh_evaluator_page_get_decision (page)->branch, ==, ALVH_BRANCH_NO_POSITION);
  g_assert_cmpuint (alvh_book_get_n_condors (alvh_evaluator_page_get_book (page)), ==, 0);
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "No open condor and no hedge leg"));
  g_assert_false (gtk_widget_is_sensitive (alvh_form_find_by_name (GTK_WIDGET (page), "add-leg")));
  alvh_evaluator_page_set_as_of (page, alvh_time_bar_close (alvh_time_from_ny_date (2025, 12, 30)));
  g_assert_cmpuint (alvh_book_get_n_condors (alvh_evaluator_page_get_book (page)), ==, 1);
  g_assert_cmpint (alvh_evaluator_page_get_decision (page)->action, !=, ALVH_ACTION_HOLD);
  alvh_evaluator_page_set_as_of (page, 0);
  d = alvh_evaluator_page_get_decision (page);
  g_assert_cmpint (d->action, ==, ALVH_ACTION_ADD);
  /* the data ends on today's session: not stale */
  g_assert_false (gtk_widget_get_visible (alvh_form_find_by_name (GTK_WIDGET (page), "stale")));
  g_assert_true (d->has_leg);
  g_assert_cmpuint (d->layer, ==, 1);
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "ADD layer 1"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "VIX call spread"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "fired"));
  g_assert_true (gtk_widget_is_sensitive (alvh_form_find_by_name (GTK_WIDGET (page), "add-leg")));
  last_bar = d->time;

  test_ui_render_png (GTK_WIDGET (window), "evaluator-page.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  test_ui_render_png (GTK_WIDGET (window), "evaluator-page-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  test_ui_wait_drawn (GTK_WIDGET (window));

  evaluator_add_cpi_event (page, context, last_bar);
  test_ui_wait_for (alvh_evaluator_page_get_decision (page)->signals[ALVH_SIGNAL_MACRO_REGIME].fired);
  d = alvh_evaluator_page_get_decision (page);
  g_assert_true (d->signals[ALVH_SIGNAL_MACRO_REGIME].fired);
  g_assert_cmpfloat (d->signals[ALVH_SIGNAL_MACRO_REGIME].value, ==, 1);
  g_assert_cmpint (d->action, ==, ALVH_ACTION_ADD);

  evaluator_skip (page, store, &journal_changes);

  evaluator_add_proposed_leg (window, page, context, store, d);

  /* the page evaluated again: the new layer is in the book */
  test_ui_wait_for (alvh_evaluator_page_get_decision (page)->layers_used == 1);
  d = alvh_evaluator_page_get_decision (page);
  g_assert_cmpuint (d->layers_used, ==, 1);
  g_assert_cmpint (d->action, !=, ALVH_ACTION_ADD);

  test_ui_close (GTK_WINDOW (window));
}

/* The mapped widget under @root whose accessible name is @name, or NULL. */
static GtkWidget *
match_accessible (GtkWidget    *widget,
                  gconstpointer name)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (alvh_a11y_get_label (widget), name) == 0 ? widget : NULL;
}

static void
test_evaluator_preview (void)
{
  AlvhWindow *window;
  AlvhEvaluatorPage *page;
  AlvhContext *context;
  AlvhLegPreview *preview;
  const AlvhDecision *d;
  g_autoptr(GError) error = NULL;
  AlvhMarketState ms;
  AlvhBookMark mark;
  AlvhLeg leg;
  double without, with, crash_without, crash_with, change;
  const guint crash_row = ALVH_SCENARIO_N_VIX - 1;

  alvh_form_set_today (alvh_time_from_ny_date (2025, 12, 31));
  test_ui_use_fresh_data_dir ("alvh-ui-preview-XXXXXX");
  window = test_ui_demo_window (1100, 1500, "evaluator");
  page = ALVH_EVALUATOR_PAGE (alvh_window_get_page (window, "evaluator"));
  context = alvh_page_get_context (ALVH_PAGE (page));
  preview = ALVH_LEG_PREVIEW (alvh_evaluator_page_get_preview (page));

  /* no condor: no preview */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (preview)));

  /* a condor near its short put: ADD, and the proposed leg is previewed */
  add_close_condor (context);
  test_ui_wait_for (alvh_evaluator_page_get_decision (page)->action == ALVH_ACTION_ADD);
  d = alvh_evaluator_page_get_decision (page);
  test_ui_wait_for (test_ui_find (GTK_WIDGET (page), match_accessible, "Book P&L today with the proposed leg") != NULL);
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Preview of the Proposed Leg"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Coverage at SPX −3 SD, without → with the leg"));
  g_assert_nonnull (test_ui_find (GTK_WIDGET (page), match_accessible,
                                  "Payoff of the book with the proposed leg, today and at the first condor expiry"));
  g_assert_cmpint (alvh_leg_preview_get_mode (preview), ==, ALVH_LEG_PREVIEW_WITH);
  g_assert_true (alvh_leg_preview_get_cell (preview, ALVH_LEG_PREVIEW_WITHOUT, ALVH_SCENARIO_VIX_ZERO,
                                            ALVH_SCENARIO_SPX_ZERO, &without));
  g_assert_true (alvh_leg_preview_get_cell (preview, ALVH_LEG_PREVIEW_WITH, ALVH_SCENARIO_VIX_ZERO,
                                            ALVH_SCENARIO_SPX_ZERO, &with));
  g_assert_true (alvh_leg_preview_get_cell (preview, ALVH_LEG_PREVIEW_WITHOUT, crash_row, 0, &crash_without));
  g_assert_true (alvh_leg_preview_get_cell (preview, ALVH_LEG_PREVIEW_WITH, crash_row, 0, &crash_with));
  g_assert_true (alvh_leg_preview_get_cell (preview, ALVH_LEG_PREVIEW_CHANGE, crash_row, 0, &change));
  g_test_message ("no move: %.2f without, %.2f with; SPX -10 %% VIX +150 %%: %.2f without, %.2f with",
                  without, with, crash_without, crash_with);
  /* bought at the model's price the leg adds nothing with no move; a VIX
   * call spread pays when SPX falls 10 % and VIX jumps 150 % */
  g_assert_cmpfloat (fabs (with - without), <, 0.005);
  g_assert_cmpfloat (crash_with, >, crash_without + 50.0);
  g_assert_cmpfloat (fabs (change - (crash_with - crash_without)), <, 1e-9);
  /* the grid's figures are on the page */
  {
    g_autofree char *x = alvh_format_money (crash_without, ALVH_MONEY_WHOLE);
    g_autofree char *y = alvh_format_money (crash_with, ALVH_MONEY_WHOLE);
    g_autofree char *text = g_strdup_printf ("%s → %s", x, y);

    g_assert_true (test_ui_find_label (GTK_WIDGET (page), text));
  }

  /* the Change toggle: the map and the payoff show what the leg adds */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (alvh_form_find_by_name (GTK_WIDGET (page), "preview-change")), TRUE);
  test_ui_wait_for (alvh_leg_preview_get_mode (preview) == ALVH_LEG_PREVIEW_CHANGE);
  g_assert_nonnull (test_ui_find (GTK_WIDGET (page), match_accessible,
                                  "Change from the proposed leg: book P&L with it minus without it (green: the leg adds)"));
  test_ui_render_png (GTK_WIDGET (preview), "evaluator-preview-change.png");
  alvh_leg_preview_set_mode (preview, ALVH_LEG_PREVIEW_WITH);
  test_ui_wait_drawn (GTK_WIDGET (window));
  test_ui_render_png (GTK_WIDGET (preview), "evaluator-preview.png");

  /* a past decision is previewed in its own bar's market */
  alvh_evaluator_page_set_as_of (page, alvh_time_bar_close (alvh_time_from_ny_date (2025, 12, 30)));
  g_assert_true (alvh_evaluator_page_get_decision (page)->has_leg);
  test_ui_wait_label (GTK_WIDGET (page), "valued at the close of 2025-12-30");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preview)));
  g_assert_true (alvh_leg_preview_get_cell (preview, ALVH_LEG_PREVIEW_WITH, ALVH_SCENARIO_VIX_ZERO,
                                            ALVH_SCENARIO_SPX_ZERO, &change));
  g_assert_cmpfloat (change, !=, with);
  alvh_evaluator_page_set_as_of (page, 0);
  test_ui_wait_label (GTK_WIDGET (page), "valued at the close of 2025-12-31");
  d = alvh_evaluator_page_get_decision (page);

  /* booked at its estimated price: the Positions page marks the book at
   * the preview's no-move figure with the leg, to the cent */
  leg = d->leg;
  leg.notes = NULL;
  leg.quantity = d->size;
  leg.closed_quantity = 0.0;
  leg.opened = alvh_time_from_ny_local (2025, 12, 31, 15, 0, 0);
  g_assert_cmpint (alvh_book_service_add_leg (alvh_context_get_book (context), &leg, &error), >, 0);
  g_assert_no_error (error);
  alvh_window_show_page (window, "positions");
  g_assert_true (alvh_decision_service_get_market_state (alvh_context_get_decisions (context), &ms));
  alvh_book_mark (alvh_book_service_get_book (alvh_context_get_book (context)), &ms, &mark);
  g_assert_cmpfloat (round (mark.total_pnl * 100), ==, round (with * 100));
  {
    g_autofree char *text = alvh_format_money (with, ALVH_MONEY_CENTS);

    test_ui_wait_label (alvh_window_get_page (window, "positions"), text);
  }

  test_ui_close (GTK_WINDOW (window));
}

/* Every kind of leg in words: a put bought by hand is no "VIX future" */
static void
test_evaluator_describe_leg (void)
{
  static const struct { AlvhLegKind kind; double k1, k2; const char *want; } cases[] = {
    { ALVH_LEG_VIX_CALL_SPREAD, 20, 25, "VIX call spread 20/25, expiring 2026-01-21" },
    { ALVH_LEG_VIX_CALL, 20, NAN, "VIX call 20, expiring 2026-01-21" },
    { ALVH_LEG_VIX_FUTURE, NAN, NAN, "VIX future, expiring 2026-01-21" },
    { ALVH_LEG_VIX_PUT, 15, NAN, "VIX put 15, expiring 2026-01-21" },
    { ALVH_LEG_SPX_PUT, 5200, NAN, "SPX put 5200, expiring 2026-01-21" },
    { ALVH_LEG_SPX_PUT_SPREAD, 5200, 5100, "SPX put spread 5200/5100, expiring 2026-01-21" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AlvhLeg leg = { 0 };
      g_autofree char *text = NULL;

      leg.kind = cases[i].kind;
      leg.long_strike = cases[i].k1;
      leg.short_strike = cases[i].k2;
      leg.expiry = alvh_time_from_ny_date (2026, 1, 21);
      text = alvh_describe_leg (&leg);
      g_assert_cmpstr (text, ==, cases[i].want);
    }
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/evaluator/decision-and-add-leg", test_evaluator_decision,
                       "/ui/evaluator/preview", test_evaluator_preview,
                       "/ui/evaluator/describe-leg", test_evaluator_describe_leg,
                       NULL);
}
