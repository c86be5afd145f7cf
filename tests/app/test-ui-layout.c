/* test-ui-layout.c — the window's layout rules, each a test that fails when
 * broken: every page fits a 720 px wide window (half of a 1440 px screen);
 * the Journal's Date and P&L columns stay within the visible width at 720
 * and 1024 px and show whole dates; Positions puts the book first with Add
 * Condor one Tab away and Ctrl+N; read-only rows are not Tab stops. */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "alvh-a11y.h"
#include "alvh-core.h"
#include "alvh-journal-item.h"
#include "alvh-journal-page.h"
#include "alvh-positions-page.h"
#include "alvh-replay-page.h"
#include "alvh-window.h"
#include "test-demo-book.h"
#include "test-ui-util.h"
#include "test-util.h"

static const char *pages[] = { "charts", "positions", "evaluator", "journal", "replay" };

/* the first GtkLabel under @root whose text is @text */
static GtkWidget *
match_label (GtkWidget    *widget,
             gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 ? widget : NULL;
}

/* @widget's bounds in @window's coordinates */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &r));
  return r;
}

/* Every page at 720 px: the window keeps that width (no page asks for
 * more) and the page is mapped and fits inside it. */
static void
test_narrow_pages (void)
{
  AlvhWindow *window = test_ui_demo_window (720, 700, "charts");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = alvh_window_get_page (window, pages[i]);
      int min_width = 0;

      alvh_window_show_page (window, pages[i]);
      test_ui_wait_drawn (page);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      for (guint j = 0; j < G_N_ELEMENTS (pages); j++)
        {
          int page_min = 0;

          gtk_widget_measure (alvh_window_get_page (window, pages[j]), GTK_ORIENTATION_HORIZONTAL, -1,
                              &page_min, NULL, NULL, NULL);
          g_test_message ("  the %s page asks for %d px", pages[j], page_min);
        }
      g_test_message ("%s: window %d px wide, asks for at least %d px", pages[i],
                      gtk_widget_get_width (GTK_WIDGET (window)), min_width);
      if (min_width > 720)
        test_ui_log_too_wide (GTK_WIDGET (window), 720 - 2, 0);
      g_assert_cmpint (min_width, <=, 720);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 720);
      g_assert_true (gtk_widget_get_mapped (page));
      g_assert_cmpint (gtk_widget_get_width (page), <=, 720);
    }
  test_ui_close (GTK_WINDOW (window));
}

static gboolean
journal_has_rows (gpointer data)
{
  AlvhJournalPage *page = data;

  return g_list_model_get_n_items (G_LIST_MODEL (alvh_journal_page_get_model (page))) > 0;
}

/* The Journal at @width: the P&L header and the first row's whole date lie
 * within the window's visible width. */
static void
check_journal_at (int width)
{
  AlvhWindow *window = test_ui_demo_window (width, 700, "positions");
  AlvhJournalPage *page;
  GtkWidget *view, *pnl, *scrolled;
  graphene_rect_t r, visible;

  test_demo_book_position (alvh_window_get_context (window));
  alvh_window_show_page (window, "journal");
  page = ALVH_JOURNAL_PAGE (alvh_window_get_page (window, "journal"));
  test_ui_wait_until (journal_has_rows, page, "journal entries listed");
  test_ui_wait_drawn (GTK_WIDGET (page));

  view = test_ui_find_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  visible = bounds_in (scrolled, GTK_WIDGET (window));
  pnl = test_ui_find (view, match_label, _("P&L"));
  g_assert_nonnull (pnl);
  test_ui_wait_for (gtk_widget_get_mapped (pnl) && gtk_widget_get_width (pnl) > 0);
  r = bounds_in (pnl, GTK_WIDGET (window));
  g_test_message ("%d px: P&L header at x %.0f..%.0f, list visible to %.0f", width,
                  r.origin.x, r.origin.x + r.size.width, visible.origin.x + visible.size.width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_cmpfloat (r.origin.x + r.size.width, <=, visible.origin.x + visible.size.width);
  g_assert_cmpfloat (r.origin.x, >=, visible.origin.x);

  /* a date cell shows the whole date: its label is not ellipsized narrower
   * than the text wants */
  {
    g_autoptr(AlvhJournalItem) item = g_list_model_get_item (G_LIST_MODEL (alvh_journal_page_get_model (page)), 0);
    g_autofree char *date = alvh_journal_item_dup_column_text (item, "date");
    GtkWidget *cell;
    int nat = 0;

    test_ui_wait_for ((cell = test_ui_find (view, match_label, date)) != NULL && gtk_widget_get_width (cell) > 0);
    gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
    g_test_message ("date cell %s: %d px wide, wants %d", date, gtk_widget_get_width (cell), nat);
    g_assert_cmpint (gtk_widget_get_width (cell), >=, nat);
  }
  test_ui_close (GTK_WINDOW (window));
}

static void
test_journal_720 (void)
{
  check_journal_at (720);
}

static void
test_journal_1024 (void)
{
  check_journal_at (1024);
}

/* Positions: the condor list and Add Condor are the first things on the page
 * (above the fold at 1024x700), Ctrl+N opens the Add Condor dialog, and the
 * read-only rows of the book are no Tab stops. */
static void
test_positions_book_first (void)
{
  AlvhWindow *window = test_ui_demo_window (1024, 700, "positions");
  GtkWidget *page = alvh_window_get_page (window, "positions");
  GtkWidget *add = test_ui_find_named (page, "add-condor");
  GtkWidget *list = test_ui_find_named (page, "condor-list");
  GtkWidget *delta;
  graphene_rect_t r;
  guint n_windows;

  g_assert_nonnull (add);
  g_assert_nonnull (list);
  test_ui_wait_mapped (add);
  r = bounds_in (add, GTK_WIDGET (window));
  g_assert_cmpfloat (r.origin.y + r.size.height, <, 700);
  r = bounds_in (list, GTK_WIDGET (window));
  g_assert_cmpfloat (r.origin.y, <, 700 / 2);

  /* the Delta value row shows a number and takes no focus */
  delta = test_ui_find (page, match_label, _("Delta"));
  g_assert_nonnull (delta);
  delta = gtk_widget_get_ancestor (delta, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (delta);
  g_assert_false (gtk_widget_get_focusable (delta));

  /* Ctrl+N */
  n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-condor", NULL));
  test_ui_wait_for (g_list_model_get_n_items (gtk_window_get_toplevels ()) > n_windows);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     ADW_VIEW_STACK (gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK))), ==, "positions");
  test_ui_close (GTK_WINDOW (window));
}

/* The Replay page in German at 1280 px (the longest column titles): every
 * trade column, Hedge-Kosten and Schichten included, lies within the
 * table's visible width. */
static void
test_replay_german_1280 (void)
{
  AlvhWindow *window;
  AlvhReplayPage *page;
  GtkWidget *view, *scroller;
  GListModel *columns;
  graphene_rect_t visible;

  if (!test_use_german ())
    return;
  alvh_format_bind_textdomain ();
  g_assert_cmpstr (_("Layers"), !=, "Layers");
  window = test_ui_demo_window (1280, 800, "replay");
  page = ALVH_REPLAY_PAGE (alvh_window_get_page (window, "replay"));
  alvh_replay_page_set_period (page, "2024-01-01", "2024-12-31");
  g_assert_true (alvh_replay_page_run (page));
  test_ui_wait_for (!alvh_replay_page_is_running (page) && alvh_replay_page_get_result (page) != NULL);
  view = test_ui_find_named (GTK_WIDGET (page), "trade-view");
  test_ui_wait_drawn (view);
  scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  visible = bounds_in (scroller, GTK_WIDGET (window));
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (columns), >=, 8);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkWidget *header = test_ui_find (view, match_label, gtk_column_view_column_get_title (column));
      graphene_rect_t r;

      g_assert_nonnull (header);
      r = bounds_in (header, GTK_WIDGET (window));
      g_test_message ("%s: x %.0f..%.0f (visible to %.0f)", gtk_column_view_column_get_title (column),
                      r.origin.x, r.origin.x + r.size.width, visible.origin.x + visible.size.width);
      g_assert_cmpfloat (r.origin.x + r.size.width, <=, visible.origin.x + visible.size.width);
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1280);
  test_ui_close (GTK_WINDOW (window));
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

/* every button with a mnemonic is named without the underscore */
static guint
check_mnemonic_names (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL &&
      strchr (gtk_button_get_label (GTK_BUTTON (root)), '_') != NULL)
    {
      const char *name = alvh_a11y_get_label (root);

      g_assert_nonnull (name);
      g_assert_null (strchr (name, '_'));
      g_assert_cmpuint (strlen (name), ==, strlen (gtk_button_get_label (GTK_BUTTON (root))) - 1);
      n++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += check_mnemonic_names (c);
  return n;
}

static void
test_mnemonic_names (void)
{
  AlvhWindow *window;
  guint n;

  window = test_ui_fresh_window ("alvh-ui-mnemonic-XXXXXX", -1, -1);
  test_ui_wait_label (GTK_WIDGET (window), _("Welcome to ALVH Desk"));
  n = check_mnemonic_names (GTK_WIDGET (window));
  g_test_message ("%u mnemonic buttons named without their underscore", n);
  /* Load Demo Data and Import Files at least */
  g_assert_cmpuint (n, >=, 2);
  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/layout/narrow-pages", test_narrow_pages,
                       "/ui/layout/journal-720", test_journal_720,
                       "/ui/layout/journal-1024", test_journal_1024,
                       "/ui/layout/positions-book-first", test_positions_book_first,
                       "/ui/layout/mnemonic-names", test_mnemonic_names,
                       "/ui/layout/replay-german-1280", test_replay_german_1280,
                       NULL);
}
