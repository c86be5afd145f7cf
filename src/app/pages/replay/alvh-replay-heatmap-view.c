/* alvh-replay-heatmap-view.c — a sweep's grid drawn by src/chart's heat-map layer
 *
 * A click on a cell emits ::cell-activated with its column and row.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "alvh-core.h"
#include "alvh-chart-heatmap.h"
#include "alvh-replay-heatmap-view.h"

struct _AlvhReplayHeatmapView
{
  AlvhCairoView parent_instance;
  char      *title;
  double    *values;
  guint      n_columns;
  guint      n_rows;
  GStrv      column_labels;
  GStrv      row_labels;
  char      *column_title;
  char      *row_title;
  gint       mark_column;
  gint       mark_row;
};

G_DEFINE_FINAL_TYPE (AlvhReplayHeatmapView, alvh_replay_heatmap_view, ALVH_TYPE_CAIRO_VIEW)

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "$124k", "−$10.3k", "$850": short enough for a cell, close enough to tell neighbours apart */
static char *
format_cell (double value)
{
  double a = fabs (value);
  const char *sign = value < 0 ? "\u2212" : "";

  if (!isfinite (value))
    return g_strdup ("–");
  if (a >= 1e6)
    return g_strdup_printf ("%s$%.1fM", sign, a / 1e6);
  if (a >= 1e5)
    return g_strdup_printf ("%s$%.0fk", sign, a / 1e3);
  if (a >= 1e3)
    return g_strdup_printf ("%s$%.1fk", sign, a / 1e3);
  return g_strdup_printf ("%s$%.0f", sign, a);
}

static void
fill_heatmap (AlvhReplayHeatmapView *self,
              AlvhChartHeatmap      *h)
{
  h->values = self->values;
  h->n_columns = self->n_columns;
  h->n_rows = self->n_rows;
  h->column_labels = (const char * const *) self->column_labels;
  h->row_labels = (const char * const *) self->row_labels;
  h->column_title = self->column_title;
  h->row_title = self->row_title;
  h->title = self->title;
  h->mark_column = self->mark_column;
  h->mark_row = self->mark_row;
  h->dark = alvh_cairo_view_get_dark (ALVH_CAIRO_VIEW (self));
  h->format = format_cell;
}

static void
alvh_replay_heatmap_view_draw (AlvhCairoView *view,
                               cairo_t       *cr,
                               int            w,
                               int            h)
{
  AlvhReplayHeatmapView *self = ALVH_REPLAY_HEATMAP_VIEW (view);
  AlvhChartHeatmap heatmap = { 0 };

  if (self->values == NULL)
    return;
  fill_heatmap (self, &heatmap);
  alvh_chart_heatmap_render (&heatmap, cr, w, h);
}

static void
pressed_cb (GtkGestureClick       *gesture,
            int                    n_press,
            double                 x,
            double                 y,
            AlvhReplayHeatmapView *self)
{
  guint column, row;

  if (alvh_replay_heatmap_view_cell_at (self, x, y, &column, &row))
    g_signal_emit (self, signals[CELL_ACTIVATED], 0, column, row);
}

static void
alvh_replay_heatmap_view_finalize (GObject *object)
{
  alvh_replay_heatmap_view_clear (ALVH_REPLAY_HEATMAP_VIEW (object));
  G_OBJECT_CLASS (alvh_replay_heatmap_view_parent_class)->finalize (object);
}

static void
alvh_replay_heatmap_view_class_init (AlvhReplayHeatmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = alvh_replay_heatmap_view_finalize;
  ALVH_CAIRO_VIEW_CLASS (klass)->draw = alvh_replay_heatmap_view_draw;
  alvh_cairo_view_class_set_size (ALVH_CAIRO_VIEW_CLASS (klass), 200, 180, 420, 300);

  /**
   * AlvhReplayHeatmapView::cell-activated:
   * @column: the cell's column
   * @row: the cell's row (0 at the bottom)
   */
  signals[CELL_ACTIVATED] = g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_set_css_name (widget_class, "heatmapview");
}

static void
alvh_replay_heatmap_view_init (AlvhReplayHeatmapView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->mark_column = self->mark_row = -1;
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
alvh_replay_heatmap_view_new (void)
{
  return g_object_new (ALVH_TYPE_REPLAY_HEATMAP_VIEW, NULL);
}

void
alvh_replay_heatmap_view_set_grid (AlvhReplayHeatmapView *self,
                                   const char            *title,
                                   const double          *values,
                                   guint                  n_columns,
                                   guint                  n_rows,
                                   const char * const    *column_labels,
                                   const char * const    *row_labels,
                                   const char            *column_title,
                                   const char            *row_title)
{
  g_return_if_fail (ALVH_IS_REPLAY_HEATMAP_VIEW (self));
  g_return_if_fail (n_columns > 0 && n_rows > 0);

  alvh_replay_heatmap_view_clear (self);
  self->title = g_strdup (title);
  self->values = g_memdup2 (values, sizeof (double) * n_columns * n_rows);
  self->n_columns = n_columns;
  self->n_rows = n_rows;
  self->column_labels = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    self->column_labels[c] = g_strdup (column_labels[c]);
  self->row_labels = g_new0 (char *, n_rows + 1);
  for (guint r = 0; r < n_rows; r++)
    self->row_labels[r] = g_strdup (row_labels[r]);
  self->column_title = g_strdup (column_title);
  self->row_title = g_strdup (row_title);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
alvh_replay_heatmap_view_clear (AlvhReplayHeatmapView *self)
{
  g_return_if_fail (ALVH_IS_REPLAY_HEATMAP_VIEW (self));
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->column_labels, g_strfreev);
  g_clear_pointer (&self->row_labels, g_strfreev);
  g_clear_pointer (&self->column_title, g_free);
  g_clear_pointer (&self->row_title, g_free);
  self->n_columns = self->n_rows = 0;
  self->mark_column = self->mark_row = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
alvh_replay_heatmap_view_set_mark (AlvhReplayHeatmapView *self,
                                   gint                   column,
                                   gint                   row)
{
  g_return_if_fail (ALVH_IS_REPLAY_HEATMAP_VIEW (self));
  self->mark_column = column;
  self->mark_row = column < 0 ? -1 : row;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
alvh_replay_heatmap_view_cell_at (AlvhReplayHeatmapView *self,
                                  double                 x,
                                  double                 y,
                                  guint                 *column,
                                  guint                 *row)
{
  AlvhChartHeatmap heatmap = { 0 };

  g_return_val_if_fail (ALVH_IS_REPLAY_HEATMAP_VIEW (self), FALSE);
  if (self->values == NULL)
    return FALSE;
  fill_heatmap (self, &heatmap);
  return alvh_chart_heatmap_cell_at (&heatmap, gtk_widget_get_width (GTK_WIDGET (self)),
                                     gtk_widget_get_height (GTK_WIDGET (self)), x, y, column, row);
}

double
alvh_replay_heatmap_view_get_value (AlvhReplayHeatmapView *self,
                                    guint                  column,
                                    guint                  row)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_HEATMAP_VIEW (self), NAN);
  if (self->values == NULL || column >= self->n_columns || row >= self->n_rows)
    return NAN;
  return self->values[row * self->n_columns + column];
}
