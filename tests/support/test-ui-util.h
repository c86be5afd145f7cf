/* test-ui-util.h — helpers shared by the UI tests (header-only) */
#pragma once

#include <stdarg.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "alvh-form.h"
#include "alvh-window.h"

typedef struct
{
  int    distinct_colours;
  double non_background_fraction;
} TestImageStats;

static inline gboolean
test_ui_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for ms milliseconds */
static inline void
test_ui_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, test_ui_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static inline gboolean
test_ui_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (test_ui_find_label (c, text))
      return TRUE;
  return FALSE;
}

static inline char *
test_ui_output_path (const char *name)
{
  const char *dir = g_getenv ("ALVH_TEST_OUTPUT");

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

/* Renders a realized widget the way it is on screen */
static inline GdkTexture *
test_ui_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static inline void
test_ui_image_stats (GdkTexture     *texture,
                     TestImageStats *stats)
{
  int w = gdk_texture_get_width (texture);
  int h = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) w * h);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint32 background = 0;
  guint best = 0;
  gsize other = 0;

  gdk_texture_download (texture, (guchar *) pixels, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      gpointer k = GUINT_TO_POINTER (pixels[i] | 1u); /* never 0 */
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (colours, k));
      g_hash_table_insert (colours, k, GUINT_TO_POINTER (n + 1));
    }
  g_hash_table_iter_init (&iter, colours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        background = GPOINTER_TO_UINT (key);
      }
  for (gsize i = 0; i < (gsize) w * h; i++)
    if ((pixels[i] | 1u) != background)
      other++;
  stats->distinct_colours = g_hash_table_size (colours);
  stats->non_background_fraction = (double) other / ((double) w * h);
}

/* Waits (at most 2 s) until a new window's WIDGET is mapped and has a size */
static inline void
test_ui_wait_mapped (GtkWidget *widget)
{
  for (int i = 0; i < 40 && (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0); i++)
    test_ui_wait (50);
}

/* Renders WIDGET to the PNG file NAME in $ALVH_TEST_OUTPUT and asserts that the
 * image has more than MIN_COLOURS distinct colours */
static inline void
test_ui_save_png (GtkWidget  *widget,
                  const char *name,
                  int         min_colours)
{
  g_autofree char *png = test_ui_output_path (name);
  g_autoptr(GdkTexture) texture = test_ui_render_widget (widget);
  TestImageStats stats;

  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  test_ui_image_stats (texture, &stats);
  g_test_message ("%s: %d colours, %.1f%% non-background", png, stats.distinct_colours,
                  100 * stats.non_background_fraction);
  g_assert_cmpint (stats.distinct_colours, >, min_colours);
}

/* test_ui_save_png for a widget in a new window: waits until it has a size and
 * its first frames are drawn; asserts more than 10 colours */
static inline void
test_ui_render_png (GtkWidget  *widget,
                    const char *name)
{
  test_ui_wait_mapped (widget);
  test_ui_wait (100);
  test_ui_save_png (widget, name, 10);
}

/* Points ALVH_DATA_DIR at a new empty folder made from TEMPLATE ("name-XXXXXX") */
static inline void
test_ui_use_fresh_data_dir (const char *tmpl)
{
  g_autofree char *dir = g_dir_make_tmp (tmpl, NULL);

  g_assert_nonnull (dir);
  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
}

/* Sets the text of the editable named NAME below ROOT (asserts it exists) */
static inline void
test_ui_set_field (GtkWidget  *root,
                   const char *name,
                   const char *text)
{
  GtkWidget *w = alvh_form_find_by_name (root, name);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
}

/* The first widget below ROOT (ROOT included) whose widget name is NAME, or NULL */
static inline GtkWidget *
test_ui_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = test_ui_find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A new main window of WIDTH x HEIGHT, presented, with the demo data loaded and
 * PAGE shown, after 200 ms of main loop */
static inline AlvhWindow *
test_ui_demo_window (int         width,
                     int         height,
                     const char *page)
{
  AlvhWindow *window = alvh_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  alvh_window_load_demo (window);
  alvh_window_show_page (window, page);
  test_ui_wait (200);
  return window;
}

static inline void
test_ui_no_display (void)
{
  g_test_skip ("no display: UI tests need one (the test command runs them under Xvfb)");
}

/* g_test main for UI tests: skips (never passes silently) without a display.
 * Arguments after argv: pairs of test path and GTestFunc, NULL-terminated. */
static inline int
test_ui_main (int    argc,
              char **argv,
              ...)
{
  va_list args;
  const char *path;
  g_autofree char *data_home = NULL;

  /* a clean XDG data dir: a new user with no data */
  data_home = g_dir_make_tmp ("alvh-ui-test-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/needs-display", test_ui_no_display);
      return g_test_run ();
    }
  adw_init ();

  va_start (args, argv);
  while ((path = va_arg (args, const char *)) != NULL)
    {
      GTestFunc func = va_arg (args, GTestFunc);
      g_test_add_func (path, func);
    }
  va_end (args);
  return g_test_run ();
}
