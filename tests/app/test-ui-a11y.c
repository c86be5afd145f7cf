/* test-ui-a11y.c — the main window with demo data and a demo book:
 * every control has a name for screen readers, every page can be found by
 * its name and switched to, the help overlay lists the shortcuts, and the
 * Charts page gets the book's levels, markers, greeks from the context. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gtk/gtk.h>

#include "alvh-a11y.h"
#include "alvh-chart-market.h"
#include "alvh-charts-feed.h"
#include "alvh-charts-page.h"
#include "alvh-window.h"
#include "alvh-window-private.h"
#include "test-ui-util.h"

static const char *page_names[] = { "charts", "positions", "evaluator", "journal", "replay" };

static AlvhChartsFeed *
feed_of (AlvhWindow *window)
{
  return alvh_charts_page_get_feed (ALVH_CHARTS_PAGE (alvh_window_get_page (window, "charts")));
}

static void
wait_for_feed (AlvhWindow *window)
{
  test_ui_wait_for (!alvh_charts_feed_is_busy (feed_of (window)));
  g_assert_false (alvh_charts_feed_is_busy (feed_of (window)));
}

static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;

      g_string_prepend (s, id ? id : G_OBJECT_TYPE_NAME (w));
      if (id)
        g_string_prepend_c (s, '#');
      if (gtk_widget_get_parent (w))
        g_string_prepend (s, " > ");
      if (ADW_IS_VIEW_STACK (gtk_widget_get_parent (w)))
        break;
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
walk (GtkWidget  *widget,
      GHashTable *mnemonics,
      GString    *failures,
      guint      *n_checked)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (alvh_a11y_is_control (widget))
    {
      const char *why = NULL;

      (*n_checked)++;
      if (!alvh_a11y_is_labelled (widget, mnemonics, &why))
        {
          g_autofree char *path = describe (widget);
          g_string_append_printf (failures, "\n  %s", path);
        }
    }
  if (alvh_a11y_is_opaque (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    walk (c, mnemonics, failures, n_checked);
}

static void
test_controls_labelled (void)
{
  AlvhWindow *window = test_ui_demo_book_window (1400, 900);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autoptr(GHashTable) mnemonics = g_hash_table_new (NULL, NULL);

      alvh_window_show_page (window, page_names[i]);
      test_ui_wait_mapped (alvh_window_get_page (window, page_names[i]));
      alvh_a11y_collect_mnemonics (GTK_WIDGET (window), mnemonics);
      walk (alvh_window_get_page (window, page_names[i]), mnemonics, failures, &n_checked);
    }
  /* the rest of the window: header bar, menu button, welcome page */
  {
    g_autoptr(GHashTable) mnemonics = g_hash_table_new (NULL, NULL);

    alvh_a11y_collect_mnemonics (GTK_WIDGET (window), mnemonics);
    walk (GTK_WIDGET (window), mnemonics, failures, &n_checked);
  }
  g_test_message ("%u controls checked", n_checked);
  g_assert_cmpuint (n_checked, >, 30);
  if (failures->len > 0)
    g_error ("controls without a visible label, a tooltip or an accessible label:%s", failures->str);

  test_ui_close (GTK_WINDOW (window));
}

static void
test_pages_by_name (void)
{
  AlvhWindow *window = test_ui_demo_book_window (1400, 900);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (window->view_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (page_names));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_name (page);
      const char *title = adw_view_stack_page_get_title (page);

      g_assert_nonnull (name);
      g_assert_nonnull (title);
      g_assert_cmpstr (name, ==, page_names[i]);
      g_assert_true (alvh_window_get_page (window, name) == adw_view_stack_page_get_child (page));
      /* the page itself carries its title as accessible name */
      g_assert_cmpstr (alvh_a11y_get_label (adw_view_stack_page_get_child (page)), ==, title);
      /* the view switcher shows it by its title */
      g_assert_true (test_ui_find_label (GTK_WIDGET (window->switcher_title), title));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", name));
      test_ui_wait_mapped (adw_view_stack_page_get_child (page));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, name);
      g_assert_true (gtk_widget_get_mapped (adw_view_stack_page_get_child (page)));
    }
  test_ui_close (GTK_WINDOW (window));
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/alvhdesk/AlvhDesk/gtk/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  g_autoptr(GString) all = g_string_new (" ");
  const char *expected[] = {
    "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5", "<Control>f", "Delete", "Escape",
    "Left Right", "<Shift>Left <Shift>Right", "plus minus", "Home End", "<Control>c",
  };
  const char *actions[] = { "win.import", "win.update-data", "win.export-report", "win.preferences",
                            "win.show-help-overlay", "window.close", "app.quit" };

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accel = NULL, *action = NULL;

        g_object_get (l->data, "accelerator", &accel, "action-name", &action, NULL);
        g_string_append_printf (all, "%s|%s ", accel ? accel : "", action ? action : "");
      }
  g_slist_free (objects);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *needle = g_strdup_printf (" %s|", expected[i]);
      if (strstr (all->str, needle) == NULL)
        g_error ("help overlay lacks %s: %s", expected[i], all->str);
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *needle = g_strdup_printf ("|%s ", actions[i]);
      if (strstr (all->str, needle) == NULL)
        g_error ("help overlay lacks %s: %s", actions[i], all->str);
    }
}

static void
test_charts_feed (void)
{
  AlvhWindow *window = test_ui_demo_book_window (1400, 900);
  AlvhChartsPage *page = ALVH_CHARTS_PAGE (alvh_window_get_page (window, "charts"));
  AlvhChart *chart = alvh_charts_page_get_chart (page);
  const char *tooltip;
  double x, y;

  wait_for_feed (window);
  g_assert_cmpuint (alvh_charts_feed_get_n_updates (feed_of (window)), >=, 1);
  {
    gint64 start = g_get_monotonic_time ();

    alvh_charts_feed_queue (feed_of (window));
    test_ui_wait_for (!alvh_charts_feed_is_busy (feed_of (window)));
    g_test_message ("charts feed: %.1f ms for %zu bars (iv_expansion over every bar, greeks, payoff)",
                    (g_get_monotonic_time () - start) / 1000.0, (size_t) alvh_chart_get_n_bars (chart));
  }

  /* condor bands: the candles plus one band per short strike */
  g_assert_cmpuint (alvh_chart_pane_get_n_series (chart, ALVH_CHART_MARKET_PANE_SPX), ==, 3);
  /* the hedge leg's marker, with the signals that triggered it */
  tooltip = alvh_chart_get_marker_tooltip (chart, ALVH_CHART_MARKET_PANE_SPX, 0);
  g_assert_nonnull (tooltip);
  g_test_message ("marker: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, "Layer 1"));
  g_assert_true (strstr (tooltip, "Triggered by") != NULL || strstr (tooltip, "by hand") != NULL);
  g_assert_true (alvh_chart_get_marker_position (chart, ALVH_CHART_MARKET_PANE_SPX, 0, &x, &y) || TRUE);
  /* the greeks pane: delta per unit, gamma, theta, vega and the tolerance zone */
  g_assert_true (alvh_chart_pane_get_visible (chart, ALVH_CHART_MARKET_PANE_GREEKS));
  g_assert_cmpuint (alvh_chart_pane_get_n_series (chart, ALVH_CHART_MARKET_PANE_GREEKS), ==, 5);
  {
    const double *delta = alvh_chart_series_get_values (chart, ALVH_CHART_MARKET_PANE_GREEKS, 0, 0);
    gsize n = alvh_chart_get_n_bars (chart);

    g_assert_nonnull (delta);
    /* a short condor near the money: |delta| per unit well under 1 at the last bar */
    g_assert_true (isfinite (delta[n - 1]));
    g_assert_cmpfloat (fabs (delta[n - 1]), <, 1.0);
    /* before the condor was opened: n/a, not 0 */
    g_assert_true (isnan (delta[n - 40]));
  }

  /* a closed book: no greeks */
  {
    GPtrArray *condors = alvh_book_service_get_condors (alvh_context_get_book (window->context));
    const AlvhCondor *c = g_ptr_array_index (condors, 0);
    g_autoptr(GError) error = NULL;
    guint before = alvh_charts_feed_get_n_updates (feed_of (window));

    g_assert_true (alvh_book_service_close_condor (alvh_context_get_book (window->context), c->id, 1.0, &error));
    g_assert_no_error (error);
    test_ui_wait_for (alvh_charts_feed_get_n_updates (feed_of (window)) > before);
    wait_for_feed (window);
    g_assert_cmpuint (alvh_charts_feed_get_n_updates (feed_of (window)), >, before);
    g_assert_false (alvh_chart_pane_get_visible (chart, ALVH_CHART_MARKET_PANE_GREEKS));
    g_assert_cmpuint (alvh_chart_pane_get_n_series (chart, ALVH_CHART_MARKET_PANE_SPX), ==, 1);
  }

  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/a11y/controls-labelled", test_controls_labelled,
                       "/ui/a11y/pages-by-name", test_pages_by_name,
                       "/ui/a11y/help-overlay", test_help_overlay,
                       "/ui/window/charts-feed", test_charts_feed,
                       NULL);
}
