/* alvh-chart-view.c — draws an AlvhChart into its own image and hands it to
 * GTK as a texture
 *
 * A cairo render node would record every call of a frame and replay it
 * later; drawn straight onto an image at the widget's scale, the chart's
 * layer cache and its pixel-aligned fills serve the app as they serve PNG
 * export and bench/bench-chart.c.  The images come from a small pool: a
 * buffer goes back to it when GTK drops the texture that holds it. */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "alvh-chart-view.h"

struct _AlvhChartView
{
  AlvhCairoView parent_instance;

  AlvhChart  *chart;
  double      pointer_x;
  double      pointer_y;
  gboolean    pointer_inside;
  int         drag_separator;   /* >= 0 while resizing panes */
  double      drag_last_x;
  double      drag_last_y;
  guint       a11y_idle;
  GPtrArray  *buffers;          /* ViewBuffer: the frames' pixels */
};

/* The pixels of one frame; referenced by the view's pool and, while GTK
 * shows it, by its texture's bytes */
typedef struct
{
  guchar *data;
  gsize   size;
  int     busy;                 /* held by a texture (atomic) */
} ViewBuffer;

G_DEFINE_FINAL_TYPE (AlvhChartView, alvh_chart_view, ALVH_TYPE_CAIRO_VIEW)

enum {
  SIGNAL_CROSSHAIR_CHANGED,
  SIGNAL_READOUT_COPIED,
  SIGNAL_USER_VIEW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
update_accessible_idle_cb (gpointer data)
{
  AlvhChartView *self = data;
  g_autofree char *description = alvh_chart_describe (self->chart);
  g_autofree char *readout = NULL;
  g_autofree char *text = NULL;

  self->a11y_idle = 0;
  if (alvh_chart_get_crosshair (self->chart) >= 0)
    {
      readout = alvh_chart_view_dup_readout (self);
      g_strdelimit (readout, "\n", ';');
      text = g_strdup_printf (_("%s Crosshair: %s"), description, readout);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : description,
                                  -1);
  return G_SOURCE_REMOVE;
}

static void
queue_update (AlvhChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->a11y_idle == 0)
    self->a11y_idle = g_timeout_add (250, update_accessible_idle_cb, self);
}

/**
 * alvh_chart_view_changed:
 * @self: a chart view
 *
 * Call after changing the chart's data or view: redraws and refreshes the
 * accessible description.
 */
void
alvh_chart_view_changed (AlvhChartView *self)
{
  g_return_if_fail (ALVH_IS_CHART_VIEW (self));
  queue_update (self);
}

static void
set_crosshair_at (AlvhChartView *self,
                  double         x,
                  double         y)
{
  gssize index = alvh_chart_index_at_x (self->chart, x);

  if (index == alvh_chart_get_crosshair (self->chart) && y == self->pointer_y)
    return;
  alvh_chart_set_crosshair (self->chart, index, y);
  queue_update (self);
  g_signal_emit (self, signals[SIGNAL_CROSSHAIR_CHANGED], 0, (gint64) index);
}

/**
 * alvh_chart_view_set_crosshair:
 * @self: a chart view
 * @index: a bar index, or -1 for none
 *
 * Moves the crosshair to bar @index, scrolling it into view, redraws and
 * emits ::crosshair-changed.
 */
void
alvh_chart_view_set_crosshair (AlvhChartView *self,
                               gssize         index)
{
  g_return_if_fail (ALVH_IS_CHART_VIEW (self));
  if (index >= 0)
    alvh_chart_scroll_to_index (self->chart, (gsize) index);
  alvh_chart_set_crosshair (self->chart, index, -1);
  queue_update (self);
  g_signal_emit (self, signals[SIGNAL_CROSSHAIR_CHANGED], 0, (gint64) index);
}

/**
 * alvh_chart_view_dup_readout:
 * @self: a chart view
 *
 * Returns: (transfer full): the read-out at the crosshair (or the last bar),
 * newline-separated
 */
char *
alvh_chart_view_dup_readout (AlvhChartView *self)
{
  gssize index;

  g_return_val_if_fail (ALVH_IS_CHART_VIEW (self), NULL);
  index = alvh_chart_get_crosshair (self->chart);
  if (index < 0)
    index = (gssize) alvh_chart_get_n_bars (self->chart) - 1;
  return alvh_chart_format_readout (self->chart, index);
}

/**
 * alvh_chart_view_copy_readout:
 * @self: a chart view
 *
 * Copies the read-out to the clipboard and emits ::readout-copied.
 */
void
alvh_chart_view_copy_readout (AlvhChartView *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ALVH_IS_CHART_VIEW (self));
  text = alvh_chart_view_dup_readout (self);
  if (text == NULL || *text == '\0')
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_signal_emit (self, signals[SIGNAL_READOUT_COPIED], 0, text);
}

/* ---- event handlers -------------------------------------------------- */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AlvhChartView            *self)
{
  const char *cursor = "crosshair";

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (alvh_chart_separator_at_y (self->chart, y) >= 0)
    cursor = "row-resize";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
  set_crosshair_at (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          AlvhChartView            *self)
{
  self->pointer_inside = FALSE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AlvhChartView            *self)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (dx != 0 || (mods & GDK_SHIFT_MASK))
    {
      double d = dx != 0 ? dx : dy;
      alvh_chart_pan (self->chart, -d * 40.0);
    }
  if (dy != 0 && !(mods & GDK_SHIFT_MASK))
    alvh_chart_zoom (self->chart, pow (1.15, -dy), self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
  set_crosshair_at (self, self->pointer_x, self->pointer_y);
  queue_update (self);
  g_signal_emit (self, signals[SIGNAL_USER_VIEW_CHANGED], 0);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AlvhChartView  *self)
{
  self->drag_separator = alvh_chart_separator_at_y (self->chart, y);
  self->drag_last_x = 0;
  self->drag_last_y = 0;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->drag_separator < 0)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AlvhChartView  *self)
{
  if (self->drag_separator >= 0)
    alvh_chart_move_separator (self->chart, self->drag_separator, dy - self->drag_last_y);
  else if (dx != self->drag_last_x)
    {
      alvh_chart_pan (self->chart, dx - self->drag_last_x);
      g_signal_emit (self, signals[SIGNAL_USER_VIEW_CHANGED], 0);
    }
  self->drag_last_x = dx;
  self->drag_last_y = dy;
  queue_update (self);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             AlvhChartView  *self)
{
  self->drag_separator = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
}

static void
secondary_click_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    AlvhChartView   *self)
{
  set_crosshair_at (self, x, y);
  alvh_chart_view_copy_readout (self);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
move_crosshair (AlvhChartView *self,
                gssize         index)
{
  gssize n = (gssize) alvh_chart_get_n_bars (self->chart);

  if (n == 0)
    return;
  index = CLAMP (index, 0, n - 1);
  alvh_chart_view_set_crosshair (self, index);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AlvhChartView         *self)
{
  gssize cross = alvh_chart_get_crosshair (self->chart);
  gssize n = (gssize) alvh_chart_get_n_bars (self->chart);
  double first, bars, cx;
  gssize step = (state & GDK_SHIFT_MASK) ? 20 : 1;

  alvh_chart_get_view (self->chart, &first, &bars);
  if (cross < 0)
    cross = (gssize) MIN ((double) n - 1, floor (first + bars - 1));
  cx = alvh_chart_x_for_index (self->chart, (double) cross);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_crosshair (self, cross - step);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_crosshair (self, cross + step);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_crosshair (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_crosshair (self, n - 1);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      alvh_chart_zoom (self->chart, 1.25, cx);
      queue_update (self);
      g_signal_emit (self, signals[SIGNAL_USER_VIEW_CHANGED], 0);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      alvh_chart_zoom (self->chart, 0.8, cx);
      queue_update (self);
      g_signal_emit (self, signals[SIGNAL_USER_VIEW_CHANGED], 0);
      return TRUE;
    case GDK_KEY_c:
    case GDK_KEY_C:
      if (state & GDK_CONTROL_MASK)
        {
          alvh_chart_view_copy_readout (self);
          return TRUE;
        }
      break;
    case GDK_KEY_Escape:
      alvh_chart_set_crosshair (self->chart, -1, -1);
      queue_update (self);
      return TRUE;
    default:
      break;
    }
  return FALSE;
}

static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  AlvhChartView *self)
{
  guint pane, marker;
  const char *text;

  if (keyboard)
    return FALSE;
  if (!alvh_chart_marker_at (self->chart, x, y, &pane, &marker))
    return FALSE;
  text = alvh_chart_get_marker_tooltip (self->chart, pane, marker);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- GtkWidget ------------------------------------------------------- */

static void
alvh_chart_view_draw (AlvhCairoView *view,
                      cairo_t       *cr,
                      int            width,
                      int            height)
{
  AlvhChartView *self = ALVH_CHART_VIEW (view);

  alvh_chart_set_dark (self->chart, alvh_cairo_view_get_dark (view));
  alvh_chart_set_scale_factor (self->chart, gtk_widget_get_scale_factor (GTK_WIDGET (view)));
  alvh_chart_render (self->chart, cr, width, height);
}

static void
view_buffer_clear (gpointer data)
{
  ViewBuffer *b = data;

  g_free (b->data);
}

static void
view_buffer_unref (gpointer data)
{
  g_rc_box_release_full (data, view_buffer_clear);
}

/* GTK dropped the texture: the buffer may be drawn into again */
static void
view_buffer_released (gpointer data)
{
  ViewBuffer *b = data;

  g_atomic_int_set (&b->busy, 0);
  view_buffer_unref (b);
}

/* A free buffer of @size bytes from the pool (a new one when none is free;
 * free buffers of another size go) */
static ViewBuffer *
take_buffer (AlvhChartView *self,
             gsize          size)
{
  ViewBuffer *b;

  for (guint i = self->buffers->len; i-- > 0;)
    {
      b = g_ptr_array_index (self->buffers, i);
      if (g_atomic_int_get (&b->busy))
        continue;
      if (b->size == size)
        {
          g_atomic_int_set (&b->busy, 1);
          return b;
        }
      g_ptr_array_remove_index_fast (self->buffers, i);
    }
  b = g_rc_box_new0 (ViewBuffer);
  b->data = g_malloc (size);
  b->size = size;
  b->busy = 1;
  g_ptr_array_add (self->buffers, b);
  return b;
}

static void
alvh_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  AlvhChartView *self = ALVH_CHART_VIEW (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, w * scale);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  ViewBuffer *b;
  cairo_t *cr;

  if (w <= 0 || h <= 0 || stride <= 0)
    return;
  b = take_buffer (self, (gsize) stride * (gsize) (h * scale));
  surface = cairo_image_surface_create_for_data (b->data, CAIRO_FORMAT_ARGB32, w * scale, h * scale, stride);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  alvh_chart_view_draw (ALVH_CAIRO_VIEW (self), cr, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  /* ARGB32 is GDK_MEMORY_DEFAULT: premultiplied B, G, R, A in memory */
  bytes = g_bytes_new_with_free_func (b->data, b->size, view_buffer_released, g_rc_box_acquire (b));
  texture = gdk_memory_texture_new (w * scale, h * scale, GDK_MEMORY_DEFAULT, bytes, (gsize) stride);
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static void
alvh_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  AlvhChartView *self = ALVH_CHART_VIEW (widget);
  alvh_chart_set_size (self->chart, width, height);
}

static void
alvh_chart_view_dispose (GObject *object)
{
  AlvhChartView *self = ALVH_CHART_VIEW (object);

  g_clear_handle_id (&self->a11y_idle, g_source_remove);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->buffers, g_ptr_array_unref);

  G_OBJECT_CLASS (alvh_chart_view_parent_class)->dispose (object);
}

static void
alvh_chart_view_class_init (AlvhChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_chart_view_dispose;
  ALVH_CAIRO_VIEW_CLASS (klass)->draw = alvh_chart_view_draw;
  widget_class->snapshot = alvh_chart_view_snapshot;
  /* no size of its own: the size request in init is its least */
  alvh_cairo_view_class_set_size (ALVH_CAIRO_VIEW_CLASS (klass), 0, 0, 0, 0);
  widget_class->size_allocate = alvh_chart_view_size_allocate;

  /**
   * AlvhChartView::crosshair-changed:
   * @index: the bar under the crosshair, or -1
   */
  signals[SIGNAL_CROSSHAIR_CHANGED] =
    g_signal_new ("crosshair-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * AlvhChartView::readout-copied:
   * @text: what went to the clipboard
   */
  signals[SIGNAL_READOUT_COPIED] =
    g_signal_new ("readout-copied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * AlvhChartView::user-view-changed:
   *
   * The user zoomed or panned (wheel, drag or keys).
   */
  signals[SIGNAL_USER_VIEW_CHANGED] =
    g_signal_new ("user-view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "alvh-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
alvh_chart_view_init (AlvhChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->drag_separator = -1;
  self->buffers = g_ptr_array_new_with_free_func (view_buffer_unref);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 240);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * alvh_chart_view_new:
 * @chart: the chart to show (a reference is taken)
 *
 * Returns: (transfer full): a new #AlvhChartView
 */
GtkWidget *
alvh_chart_view_new (AlvhChart *chart)
{
  AlvhChartView *self;

  g_return_val_if_fail (ALVH_IS_CHART (chart), NULL);
  self = g_object_new (ALVH_TYPE_CHART_VIEW, NULL);
  self->chart = g_object_ref (chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Market chart"),
                                  -1);
  queue_update (self);
  return GTK_WIDGET (self);
}

/**
 * alvh_chart_view_get_chart:
 * @self: a chart view
 *
 * Returns: (transfer none): the chart it shows
 */
AlvhChart *
alvh_chart_view_get_chart (AlvhChartView *self)
{
  g_return_val_if_fail (ALVH_IS_CHART_VIEW (self), NULL);
  return self->chart;
}
