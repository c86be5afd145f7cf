/* test-ui-replay-research.c — the Replay page's research views under Xvfb on
 * real history ($ALVH_SHARED_DATA: SPX and VIX daily closes; skipped when
 * absent).  A small sweep is set up and run through the controls' accessible
 * names; the heat map cell of the profile's own values shows exactly the
 * P&L of a plain replay of the same period; a click on another cell shows
 * its figures; Cancel stops a sweep; Compare and Walk Forward run too.
 * Every wait is for a condition with a timeout. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gtk/gtk.h>

#include "alvh-a11y.h"
#include "alvh-market-service.h"
#include "alvh-replay-compare.h"
#include "alvh-replay-heatmap-view.h"
#include "alvh-replay-page.h"
#include "alvh-replay-sweep.h"
#include "alvh-replay-walk-forward.h"
#include "alvh-window.h"
#include "test-market-util.h"
#include "test-ui-util.h"

/* The control at or below @root named @name for screen readers: its
 * accessible label, tooltip, its own label or the label whose mnemonic
 * widget it is (without the mnemonic mark). */
static GtkWidget *
match_accessible (GtkWidget    *root,
                  gconstpointer data)
{
  const char *name = data;
  const char *label = alvh_a11y_get_label (root);

  if (g_strcmp0 (label, name) == 0 || g_strcmp0 (gtk_widget_get_tooltip_text (root), name) == 0)
    return root;
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      g_autoptr(GString) text = g_string_new (gtk_button_get_label (GTK_BUTTON (root)));

      g_string_replace (text, "_", "", 0);
      if (g_str_equal (text->str, name))
        return root;
    }
  if (GTK_IS_LABEL (root) && gtk_label_get_mnemonic_widget (GTK_LABEL (root)) != NULL &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (root)), name))
    return gtk_label_get_mnemonic_widget (GTK_LABEL (root));
  return NULL;
}

static GtkWidget *
control (GtkWidget  *root,
         const char *name)
{
  GtkWidget *w = test_ui_find (root, match_accessible, name);

  if (w == NULL)
    g_error ("no control named “%s” on the Replay page", name);
  return w;
}

static void
choose (GtkWidget  *root,
        const char *name,
        const char *item)
{
  GtkDropDown *dd = GTK_DROP_DOWN (control (root, name));
  GListModel *model = gtk_drop_down_get_model (dd);

  for (guint k = 0; k < g_list_model_get_n_items (model); k++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (model, k);

      if (g_str_equal (gtk_string_object_get_string (s), item))
        {
          gtk_drop_down_set_selected (dd, k);
          return;
        }
    }
  g_error ("“%s” offers no “%s”", name, item);
}

/* The item a drop-down shows */
static const char *
selected (GtkWidget  *root,
          const char *name)
{
  GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (control (root, name)));

  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

/* A click on a button as a person makes it: the button on screen, then
 * activated (GTK emits ::clicked a moment later, so callers wait). */
static void
press (GtkWidget *button)
{
  test_ui_wait_mapped (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
}

static void
spin (GtkWidget  *root,
      const char *name,
      double      value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control (root, name)), value);
  g_assert_cmpfloat (fabs (gtk_spin_button_get_value (GTK_SPIN_BUTTON (control (root, name))) - value), <, 1e-9);
}

static double
spin_value (GtkWidget  *root,
            const char *name)
{
  return gtk_spin_button_get_value (GTK_SPIN_BUTTON (control (root, name)));
}

/* Chooses @key as sweep key @n, checks the range the page offers for it
 * (@step from @from to @to) and sets that range with the step @run_step */
static void
sweep_key (GtkWidget  *root,
           guint       n,
           const char *key,
           double      step,
           double      from,
           double      to,
           double      run_step)
{
  g_autofree char *key_name = g_strdup_printf ("Sweep key %u", n);
  g_autofree char *step_name = g_strdup_printf ("Key %u step", n);
  g_autofree char *from_name = g_strdup_printf ("Key %u from", n);
  g_autofree char *to_name = g_strdup_printf ("Key %u to", n);

  choose (root, key_name, key);
  g_assert_cmpfloat_with_epsilon (spin_value (root, step_name), step, 1e-9);
  g_assert_cmpfloat_with_epsilon (spin_value (root, from_name), from, 1e-9);
  g_assert_cmpfloat_with_epsilon (spin_value (root, to_name), to, 1e-9);
  spin (root, from_name, from);
  spin (root, to_name, to);
  spin (root, step_name, run_step);
}

/* A window with the real SPX and VIX histories showing its Replay page
 * (*@page), the period @from to @to entered; NULL, the test skipped, when
 * the shared data is absent */
static AlvhWindow *
window_with_real_history (const char      *from,
                          const char      *to,
                          AlvhReplayPage **page)
{
  g_autoptr(AlvhSeries) spx = test_load_shared_series ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(AlvhSeries) vix = test_load_shared_series ("vix_daily_cboe.csv");
  g_autoptr(AlvhContext) context = NULL;
  AlvhWindow *window;
  AlvhMarketService *market;

  if (spx == NULL || vix == NULL)
    {
      g_test_skip ("real market data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return NULL;
    }
  window = test_ui_fresh_window ("alvh-ui-research-XXXXXX", 1400, 1000);
  g_object_get (alvh_window_get_page (window, "replay"), "context", &context, NULL);
  market = alvh_context_get_market (context);
  alvh_market_service_set_series (market, "SPX", spx);
  alvh_market_service_set_series (market, "VIX", vix);
  alvh_market_service_changed (market);
  test_ui_wait_for (alvh_market_service_has_market (market));
  /* the pages show once there is history */
  alvh_window_show_page (window, "replay");
  *page = ALVH_REPLAY_PAGE (alvh_window_get_page (window, "replay"));
  gtk_editable_set_text (GTK_EDITABLE (control (GTK_WIDGET (*page), "From")), from);
  gtk_editable_set_text (GTK_EDITABLE (control (GTK_WIDGET (*page), "To")), to);
  return window;
}

static void
test_sweep_own_cell_is_plain_replay (void)
{
  AlvhReplayPage *page = NULL;
  AlvhWindow *window = window_with_real_history ("2015-01-01", "2020-12-31", &page);
  GtkWidget *root;
  AlvhReplaySweep *sweep;
  AlvhReplayHeatmapView *pnl_map, *dd_map;
  const AlvhReplayResult *plain;
  const AlvhSweepRow *row;
  g_autofree char *money = NULL;
  const char *text;

  if (window == NULL)
    return;
  root = GTK_WIDGET (page);

  /* a plain replay of the period */
  press (control (root, "Run Replay"));
  test_ui_wait_for (!alvh_replay_page_is_running (page) && alvh_replay_page_get_result (page) != NULL);
  plain = alvh_replay_page_get_result (page);

  /* 3 x 3 around the spec's wing_sd 0.65 and delta_tolerance 0.18 */
  alvh_replay_page_show_view (page, "sweep");
  /* the first range offered: two steps either side of the value, the step
   * 1, 2 or 5 x 10^n nearest a tenth of it (0.065 -> 0.05, 0.018 -> 0.02);
   * swept over it by twice that step */
  sweep_key (root, 1, "wing_sd", 0.05, 0.55, 0.75, 0.1);
  sweep_key (root, 2, "delta_tolerance", 0.02, 0.14, 0.22, 0.04);
  sweep = ALVH_REPLAY_SWEEP (test_ui_find_named (root, "replay-sweep"));
  press (control (GTK_WIDGET (sweep), "Run Sweep"));
  test_ui_wait_for (!alvh_replay_sweep_is_running (sweep) && alvh_replay_sweep_get_sweep (sweep) != NULL);
  g_assert_cmpuint (alvh_replay_sweep_get_sweep (sweep)->rows->len, ==, 9);

  /* the cell of the profile's own values (column 0.65, row 0.18) is the plain replay */
  pnl_map = ALVH_REPLAY_HEATMAP_VIEW (test_ui_find_named (root, "sweep-pnl-map"));
  dd_map = ALVH_REPLAY_HEATMAP_VIEW (test_ui_find_named (root, "sweep-drawdown-map"));
  test_ui_wait_drawn (GTK_WIDGET (pnl_map));
  g_assert_true (alvh_replay_heatmap_view_get_value (pnl_map, 1, 1) == plain->hedged.total_pnl);
  g_assert_true (alvh_replay_heatmap_view_get_value (dd_map, 1, 1) == -plain->hedged.max_drawdown);
  g_assert_cmpfloat (plain->hedged.total_pnl, !=, 0.0);
  /* the others differ: the keys do something on this period */
  g_assert_true (alvh_replay_heatmap_view_get_value (pnl_map, 0, 0) != alvh_replay_heatmap_view_get_value (pnl_map, 2, 2));
  text = gtk_label_get_text (GTK_LABEL (test_ui_find_named (root, "sweep-cell-label")));
  money = alvh_format_money (plain->hedged.total_pnl, ALVH_MONEY_WHOLE);
  g_assert_nonnull (strstr (text, "wing_sd = 0.65"));
  g_assert_nonnull (strstr (text, money));

  /* a click on a cell shows that combination */
  g_signal_emit_by_name (pnl_map, "cell-activated", 2u, 0u);
  row = alvh_sweep_find_row (alvh_replay_sweep_get_sweep (sweep), 2, 0);
  g_clear_pointer (&money, g_free);
  money = alvh_format_money (row->hedged.total_pnl, ALVH_MONEY_WHOLE);
  text = gtk_label_get_text (GTK_LABEL (test_ui_find_named (root, "sweep-cell-label")));
  g_assert_nonnull (strstr (text, "wing_sd = 0.75, delta_tolerance = 0.14"));
  g_assert_nonnull (strstr (text, money));
  g_assert_true (alvh_replay_heatmap_view_get_value (pnl_map, 2, 0) == row->hedged.total_pnl);

  /* Cancel stops a sweep (1,071 replays of the whole history) and keeps the last result */
  gtk_editable_set_text (GTK_EDITABLE (control (root, "From")), "");
  gtk_editable_set_text (GTK_EDITABLE (control (root, "To")), "");
  spin (root, "Key 1 from", 0.40);
  spin (root, "Key 1 to", 0.90);
  spin (root, "Key 1 step", 0.01);
  spin (root, "Key 2 from", 0.10);
  spin (root, "Key 2 to", 0.30);
  spin (root, "Key 2 step", 0.01);
  press (control (GTK_WIDGET (sweep), "Run Sweep"));
  test_ui_wait_for (alvh_replay_sweep_is_running (sweep));
  press (control (GTK_WIDGET (sweep), "Cancel"));
  test_ui_wait_for (!alvh_replay_sweep_is_running (sweep));
  g_assert_true (test_ui_find_label (root, "Cancelled"));
  g_assert_cmpuint (alvh_replay_sweep_get_sweep (sweep)->rows->len, ==, 9);

  test_ui_close (GTK_WINDOW (window));
}

static void
test_compare_and_walk_forward (void)
{
  AlvhReplayPage *page = NULL;
  AlvhWindow *window = window_with_real_history ("2008-01-01", "2010-12-31", &page);
  GtkWidget *root;
  AlvhReplayCompare *compare;
  AlvhReplayWalkForward *walk;
  GPtrArray *results;
  AlvhWalkForward *wf;

  if (window == NULL)
    return;
  root = GTK_WIDGET (page);

  /* the active profile and the spec's defaults: the same values, the same figures */
  alvh_replay_page_show_view (page, "compare");
  compare = ALVH_REPLAY_COMPARE (test_ui_find_named (root, "replay-compare"));
  /* the views read the page's context: the page and its Compare view follow
   * the active profile, and switch back with it */
  {
    AlvhProfileService *profiles = alvh_context_get_profiles (alvh_page_get_context (ALVH_PAGE (page)));
    g_autoptr(AlvhProfile) cautious = alvh_profile_new ();
    g_autoptr(GError) error = NULL;
    const char *dropdowns[] = { "Profile", "Compared profile 1" };

    alvh_profile_set_name (cautious, "Cautious");
    g_assert_true (alvh_profile_service_save_profile (profiles, cautious, &error));
    g_assert_true (alvh_profile_service_set_active_profile (profiles, "Cautious", &error));
    g_assert_no_error (error);
    for (guint k = 0; k < G_N_ELEMENTS (dropdowns); k++)
      g_assert_cmpstr (selected (root, dropdowns[k]), ==, "Cautious");
    g_assert_true (alvh_profile_service_set_active_profile (profiles, "Default", &error));
    g_assert_no_error (error);
    for (guint k = 0; k < G_N_ELEMENTS (dropdowns); k++)
      g_assert_cmpstr (selected (root, dropdowns[k]), ==, "Default");
  }
  choose (root, "Compared profile 2", "Spec defaults");
  press (control (GTK_WIDGET (compare), "Compare"));
  test_ui_wait_for (!alvh_replay_compare_is_running (compare) && alvh_replay_compare_get_results (compare) != NULL);
  results = alvh_replay_compare_get_results (compare);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_true (((AlvhReplayResult *) results->pdata[0])->hedged.total_pnl ==
                 ((AlvhReplayResult *) results->pdata[1])->hedged.total_pnl);
  {
    g_autofree char *dd = alvh_format_money (((AlvhReplayResult *) results->pdata[0])->hedged.max_drawdown, ALVH_MONEY_WHOLE);
    g_assert_true (test_ui_find_label (root, dd));
  }

  /* walk forward: 1-year training, 1-year test windows over 2008-2010, one key */
  alvh_replay_page_show_view (page, "sweep");
  choose (root, "Sweep key 1", "wing_sd");
  spin (root, "Key 1 from", 0.55);
  spin (root, "Key 1 to", 0.75);
  spin (root, "Key 1 step", 0.1);
  choose (root, "Sweep key 2", "None");
  alvh_replay_page_show_view (page, "walk-forward");
  walk = ALVH_REPLAY_WALK_FORWARD (test_ui_find_named (root, "replay-walk-forward"));
  spin (root, "Training years", 1);
  spin (root, "Test years", 1);
  press (control (GTK_WIDGET (walk), "Walk Forward"));
  test_ui_wait_for (!alvh_replay_walk_forward_is_running (walk) && alvh_replay_walk_forward_get_result (walk) != NULL);
  wf = alvh_replay_walk_forward_get_result (walk);
  g_assert_cmpuint (wf->windows->len, >=, 2);
  g_assert_true (test_ui_find_label (root, "Out of sample, chained"));

  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/replay-research/sweep-own-cell", test_sweep_own_cell_is_plain_replay,
                       "/ui/replay-research/compare-walk-forward", test_compare_and_walk_forward,
                       NULL);
}
