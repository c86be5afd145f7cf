/* test-ui-util.c — helpers shared by the UI tests: waiting for conditions, rendering
 * widgets to PNG files, finding widgets and the tests' main function */
#include "alvh-form.h"
#include "test-demo-book.h"
#include "test-ui-util.h"

/**
 * test_ui_deadline:
 *
 * The monotonic time TEST_UI_TIMEOUT_S seconds from now.
 *
 * Returns: the deadline for a wait that starts now
 */
gint64
test_ui_deadline (void)
{
  return g_get_monotonic_time () + TEST_UI_TIMEOUT_S * G_USEC_PER_SEC;
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * test_ui_iterate:
 * @deadline: from test_ui_deadline()
 * @what: the condition waited for, for the failure message
 * @file: the caller's file
 * @line: the caller's line
 *
 * One iteration of the default main context (it wakes up at least every 20 ms, so a
 * condition that changes outside the main loop is seen too); fails the test naming
 * @what when @deadline has passed.
 */
void
test_ui_iterate (gint64      deadline,
                 const char *what,
                 const char *file,
                 int         line)
{
  guint wake_up;

  if (g_get_monotonic_time () > deadline)
    {
      g_autofree char *msg = g_strdup_printf ("timed out after %d s waiting for: %s",
                                              TEST_UI_TIMEOUT_S, what);
      g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, msg);
      return;
    }
  wake_up = g_timeout_add (20, wake_up_cb, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_up);
}

/**
 * test_ui_wait_until:
 * @condition: the condition
 * @data: (nullable): passed to @condition
 * @what: the condition in words, for the failure message
 *
 * Iterates the main context until @condition returns %TRUE; fails the test naming
 * @what after TEST_UI_TIMEOUT_S seconds.
 */
void
test_ui_wait_until (TestUiCondition condition,
                    gpointer        data,
                    const char     *what)
{
  gint64 deadline = test_ui_deadline ();

  while (!condition (data))
    test_ui_iterate (deadline, what, __FILE__, __LINE__);
}

/**
 * test_ui_wait_mapped:
 * @widget: a widget
 *
 * Waits until @widget is mapped and allocated with a size.
 */
void
test_ui_wait_mapped (GtkWidget *widget)
{
  test_ui_wait_for (gtk_widget_get_mapped (widget) &&
                    gtk_widget_get_width (widget) > 0 &&
                    gtk_widget_get_height (widget) > 0);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
}

static gboolean
transition_running (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_transition_running (GTK_STACK (root)))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (transition_running (c))
      return TRUE;
  return FALSE;
}

/**
 * test_ui_wait_drawn:
 * @widget: a widget
 *
 * Waits until @widget is mapped with a size, then until its window has drawn a frame
 * that starts after this call (so the widget's latest state, style included, is on
 * screen and laid out) and no stack in the window is in a transition.
 */
void
test_ui_wait_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;

  test_ui_wait_mapped (widget);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  test_ui_wait_for (painted >= 1);
  test_ui_wait_for (!transition_running (GTK_WIDGET (gtk_widget_get_root (widget))));
  g_signal_handler_disconnect (clock, handler);
  test_ui_wait_mapped (widget);
}

/**
 * test_ui_wait_label:
 * @root: a widget
 * @text: a text
 *
 * Waits until a mapped label below @root shows @text (see test_ui_find_label()).
 */
void
test_ui_wait_label (GtkWidget  *root,
                    const char *text)
{
  g_autofree char *what = g_strdup_printf ("a mapped label showing \"%s\"", text);
  gint64 deadline = test_ui_deadline ();

  while (!test_ui_find_label (root, text))
    test_ui_iterate (deadline, what, __FILE__, __LINE__);
}

/**
 * test_ui_wait_destroyed:
 * @widget: (transfer none): a widget that is going away, for example a dialog whose
 *   button was activated
 *
 * Waits until the last reference to @widget is dropped.
 */
void
test_ui_wait_destroyed (GtkWidget *widget)
{
  GtkWidget *weak = widget;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  test_ui_wait_for (weak == NULL);
}

/**
 * test_ui_close:
 * @window: a window
 *
 * Destroys @window and runs what that sets off (test_ui_settle()), so that
 * the next test starts without it.
 */
void
test_ui_close (GtkWindow *window)
{
  gtk_window_destroy (window);
  test_ui_settle ();
}

/**
 * test_ui_settle:
 *
 * Runs whatever the main context has ready now (idle callbacks, pending events),
 * without waiting for timeouts; for example after a window is destroyed.
 */
void
test_ui_settle (void)
{
  gint64 deadline = test_ui_deadline ();

  while (g_main_context_pending (NULL))
    {
      if (g_get_monotonic_time () > deadline)
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,
                             "the main context never ran out of ready sources");
      g_main_context_iteration (NULL, FALSE);
    }
}

/**
 * test_ui_find:
 * @root: where to look
 * @match: (scope call): what to look for
 * @data: for @match
 *
 * Depth first from @root, in child order: the first widget @match returns.
 *
 * Returns: (transfer none) (nullable): that widget, or %NULL
 */
GtkWidget *
test_ui_find (GtkWidget     *root,
              TestUiMatch    match,
              gconstpointer  data)
{
  GtkWidget *found = match (root, data);

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL && found == NULL; c = gtk_widget_get_next_sibling (c))
    found = test_ui_find (c, match, data);
  return found;
}

static GtkWidget *
match_type (GtkWidget    *widget,
            gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data) ? widget : NULL;
}

/**
 * test_ui_find_type:
 * @root: where to look
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): the first widget of @type at or
 *   below @root
 */
GtkWidget *
test_ui_find_type (GtkWidget *root,
                   GType      type)
{
  return test_ui_find (root, match_type, &type);
}

static GtkWidget *
match_mapped_label_containing (GtkWidget    *widget,
                               gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL ? widget : NULL;
}

/**
 * test_ui_find_label:
 * @root: a widget
 * @text: a text
 *
 * Whether a mapped label at or below @root contains @text.
 *
 * Returns: %TRUE when one does
 */
gboolean
test_ui_find_label (GtkWidget  *root,
                    const char *text)
{
  return test_ui_find (root, match_mapped_label_containing, text) != NULL;
}

/**
 * test_ui_render_widget:
 * @widget: a realized widget with a size
 *
 * Renders @widget the way it is on screen.
 *
 * Returns: (transfer full) (nullable): the image, %NULL when the widget drew nothing
 */
GdkTexture *
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

/**
 * test_ui_image_stats:
 * @texture: an image
 * @stats: (out caller-allocates): the image's colour statistics
 *
 * Counts the distinct colours of @texture and the share of pixels that differ from the
 * most frequent one (the background).
 */
void
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

/**
 * test_ui_save_png:
 * @widget: a widget on screen
 * @name: a file name
 * @min_colours: the fewest distinct colours the image may have, minus one
 *
 * Waits until @widget is drawn, renders it to the PNG file @name in $ALVH_TEST_OUTPUT
 * and asserts that the image has more than @min_colours distinct colours.
 *
 * Returns: the fraction of the image that is not background
 */
double
test_ui_save_png (GtkWidget  *widget,
                  const char *name,
                  int         min_colours)
{
  g_autofree char *png = test_output_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  TestImageStats stats;

  test_ui_wait_drawn (widget);
  texture = test_ui_render_widget (widget);
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  test_ui_image_stats (texture, &stats);
  g_test_message ("%s: %d colours, %.1f%% non-background", png, stats.distinct_colours,
                  100 * stats.non_background_fraction);
  g_assert_cmpint (stats.distinct_colours, >, min_colours);
  return stats.non_background_fraction;
}

/**
 * test_ui_render_png:
 * @widget: a widget, possibly in a window just presented
 * @name: a file name
 *
 * test_ui_save_png() with more than 10 colours.
 */
void
test_ui_render_png (GtkWidget  *widget,
                    const char *name)
{
  test_ui_save_png (widget, name, 10);
}

/**
 * test_ui_use_fresh_data_dir:
 * @tmpl: a folder name template ("name-XXXXXX")
 *
 * Points ALVH_DATA_DIR at a new empty folder made from @tmpl.
 */
void
test_ui_use_fresh_data_dir (const char *tmpl)
{
  g_autofree char *dir = g_dir_make_tmp (tmpl, NULL);

  g_assert_nonnull (dir);
  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
}

/**
 * test_ui_set_field:
 * @root: a widget
 * @name: the widget name of an editable below @root
 * @text: the new text
 *
 * Sets the text of the editable named @name below @root (asserts it exists).
 */
void
test_ui_set_field (GtkWidget  *root,
                   const char *name,
                   const char *text)
{
  GtkWidget *w = alvh_form_find_by_name (root, name);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
}

/**
 * test_ui_find_named:
 * @root: a widget
 * @name: a widget name
 *
 * The first widget at or below @root whose widget name is @name.
 *
 * Returns: (transfer none) (nullable): the widget, %NULL when there is none
 */
GtkWidget *
test_ui_find_named (GtkWidget  *root,
                    const char *name)
{
  return alvh_form_find_by_name (root, name);
}

static AlvhWindow *
present_window (int width,
                int height)
{
  AlvhWindow *window = alvh_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * test_ui_fresh_window:
 * @tmpl: a folder name template for the new data folder ("name-XXXXXX")
 * @width: the window's width (-1: its own default)
 * @height: the window's height (-1: its own default)
 *
 * A new main window, presented, on a new and empty data folder
 * (test_ui_use_fresh_data_dir()): what a first start shows.
 *
 * Returns: (transfer none): the window (the toplevel list owns it)
 */
AlvhWindow *
test_ui_fresh_window (const char *tmpl,
                      int         width,
                      int         height)
{
  test_ui_use_fresh_data_dir (tmpl);
  return present_window (width, height);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * test_ui_import:
 * @context: the app's context
 * @paths: (array zero-terminated=1): the files to import
 * @error: return location for a #GError
 *
 * Imports @paths through @context's market service, as the app does, and
 * waits until it is done.
 *
 * Returns: (transfer full) (nullable): the service's summary (the toast's
 *   text), or %NULL with @error
 */
char *
test_ui_import (AlvhContext        *context,
                const char * const *paths,
                GError            **error)
{
  AlvhMarketService *market = alvh_context_get_market (context);
  g_autoptr(GAsyncResult) result = NULL;

  alvh_market_service_import_async (market, paths, NULL, import_done_cb, &result);
  test_ui_wait_for (result != NULL);
  return alvh_market_service_import_finish (market, result, error);
}

/**
 * test_ui_demo_book_window:
 * @width: the window's width
 * @height: the window's height
 *
 * A new main window of @width x @height, presented and mapped, with the demo
 * data loaded and the demo book's condor and hedge (test_demo_book_position()).
 *
 * Returns: (transfer none): the window (the toplevel list owns it)
 */
AlvhWindow *
test_ui_demo_book_window (int width,
                          int height)
{
  AlvhWindow *window = present_window (width, height);

  alvh_window_load_demo (window);
  test_demo_book_position (alvh_window_get_context (window));
  test_ui_wait_for (alvh_window_has_market_data (window));
  test_ui_wait_mapped (GTK_WIDGET (window));
  return window;
}

/**
 * test_ui_demo_window:
 * @width: the window's width
 * @height: the window's height
 * @page: the page to show
 *
 * A new main window of @width x @height, presented, with the demo data loaded and
 * @page shown and drawn.
 *
 * Returns: (transfer none): the window (the toplevel list owns it)
 */
AlvhWindow *
test_ui_demo_window (int         width,
                     int         height,
                     const char *page)
{
  AlvhWindow *window = present_window (width, height);

  alvh_window_load_demo (window);
  alvh_window_show_page (window, page);
  test_ui_wait_drawn (alvh_window_get_page (window, page));
  return window;
}

static void
test_ui_no_display (void)
{
  g_test_skip ("no display: UI tests need one (the test command runs them under Xvfb)");
}

void
test_ui_log_too_wide (GtkWidget *w,
                      int        limit,
                      int        depth)
{
  gboolean child_wide = FALSE;
  int min = 0;

  if (!gtk_widget_get_visible (w))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int cmin = 0;

      if (!gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &cmin, NULL, NULL, NULL);
      if (cmin > limit)
        {
          child_wide = TRUE;
          test_ui_log_too_wide (c, limit, depth + 1);
        }
    }
  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (child_wide || min <= limit)
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int cmin = 0;

      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &cmin, NULL, NULL, NULL);
      g_test_message ("%*s  %s %s (%s): %d px", depth, "", G_OBJECT_TYPE_NAME (c), gtk_widget_get_name (c),
                      gtk_widget_get_css_name (c), cmin);
    }
  g_test_message ("%*s%s %s (%s) asks for %d px%s%s", depth, "", G_OBJECT_TYPE_NAME (w),
                  gtk_widget_get_name (w), gtk_widget_get_css_name (w), min,
                  GTK_IS_LABEL (w) ? ": " : "", GTK_IS_LABEL (w) ? gtk_label_get_text (GTK_LABEL (w)) : "");
}

/**
 * test_ui_main:
 * @argc: main's argc
 * @argv: main's argv
 * @...: pairs of test path and #GTestFunc, ending with %NULL
 *
 * The g_test main for UI tests: a clean XDG data dir, and a skip (never a silent pass)
 * without a display.
 *
 * Returns: the exit status of g_test_run()
 */
int
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
