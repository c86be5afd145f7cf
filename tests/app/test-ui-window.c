/* test-ui-window.c — the real main window under Xvfb: welcome page, demo
 * data, the Charts page rendered to a PNG that is not blank */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "alvh-core.h"
#include "alvh-window.h"
#include "alvh-charts-page.h"
#include "test-ui-util.h"

static void
test_window_demo_charts (void)
{
  AlvhWindow *window;
  GtkWidget *page;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;
  TestImageStats stats;

  window = alvh_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_label (GTK_WIDGET (window), "Welcome to ALVH Desk");

  /* a new user with no data gets the welcome page */
  g_assert_false (alvh_window_has_market_data (window));
  g_assert_true (test_ui_find_label (GTK_WIDGET (window), "Welcome to ALVH Desk"));

  alvh_window_load_demo (window);
  test_ui_wait_for (alvh_window_has_market_data (window));
  g_assert_true (alvh_window_has_market_data (window));

  alvh_window_show_page (window, "charts");
  page = alvh_window_get_page (window, "charts");
  g_assert_true (ALVH_IS_CHARTS_PAGE (page));
  test_ui_wait_drawn (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpint (gtk_widget_get_width (page), >, 600);

  png = test_output_path ("charts-page.png");
  texture = test_ui_render_widget (page);
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("Charts page rendered to %s", png);

  test_ui_image_stats (texture, &stats);
  g_test_message ("%d distinct colours, %.1f%% of pixels differ from the background",
                  stats.distinct_colours, 100.0 * stats.non_background_fraction);
  /* a chart with candles, lines, grid and labels, not an empty page */
  g_assert_cmpint (stats.distinct_colours, >, 20);
  g_assert_cmpfloat (stats.non_background_fraction, >, 0.03);

  test_ui_close (GTK_WINDOW (window));
}

static void
test_pages_by_name (void)
{
  const char *names[] = { "charts", "positions", "evaluator", "journal" };
  AlvhWindow *window = alvh_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  alvh_window_load_demo (window);
  test_ui_wait_for (alvh_window_has_market_data (window));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *page = alvh_window_get_page (window, names[i]);

      g_assert_nonnull (page);
      alvh_window_show_page (window, names[i]);
      test_ui_wait_mapped (page);
      g_assert_true (gtk_widget_get_mapped (page));
    }
  test_ui_close (GTK_WINDOW (window));
}

/* A journal that cannot be opened is said at start-up, not only logged; the
 * file is left as it was. */
static void
test_unreadable_journal (void)
{
  const char garbage[] = "this is a text file, not a journal\n";
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  gsize len = 0;
  AlvhWindow *window;

  test_ui_use_fresh_data_dir ("alvh-ui-badjournal-XXXXXX");
  path = alvh_paths_journal_db (alvh_paths_data_dir ());
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  window = alvh_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_label (GTK_WIDGET (window), "not an ALVH Desk database");
  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpstr (after, ==, garbage);

  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/window/demo-charts", test_window_demo_charts,
                       "/ui/window/pages-by-name", test_pages_by_name,
                       "/ui/window/unreadable-journal", test_unreadable_journal,
                       NULL);
}
