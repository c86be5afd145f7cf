/* test-ui-util.h — helpers shared by the UI tests (header-only) */
#pragma once

#include <stdarg.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

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
