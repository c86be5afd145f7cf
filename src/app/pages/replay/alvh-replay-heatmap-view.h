/* alvh-replay-heatmap-view.h — a sweep's grid drawn by src/chart's heat-map layer */
#pragma once

#include <gtk/gtk.h>

#include "alvh-cairo-view.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_HEATMAP_VIEW (alvh_replay_heatmap_view_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplayHeatmapView, alvh_replay_heatmap_view, ALVH, REPLAY_HEATMAP_VIEW, AlvhCairoView)

/**
 * alvh_replay_heatmap_view_new:
 *
 * Returns: (transfer floating): the view
 */
GtkWidget *alvh_replay_heatmap_view_new        (void);

/**
 * alvh_replay_heatmap_view_set_grid:
 * @self: a view
 * @title: the title above the grid
 * @values: (array length=n): n_rows × n_columns, row by row, row 0 at the bottom (copied)
 * @n_columns: columns
 * @n_rows: rows
 * @column_labels: (array length=n_columns): copied
 * @row_labels: (array length=n_rows): copied
 * @column_title: under the columns
 * @row_title: (nullable): beside the rows
 *
 * Shows the grid as dollars; no cell marked.
 */
void       alvh_replay_heatmap_view_set_grid   (AlvhReplayHeatmapView *self,
                                                const char            *title,
                                                const double          *values,
                                                guint                  n_columns,
                                                guint                  n_rows,
                                                const char * const    *column_labels,
                                                const char * const    *row_labels,
                                                const char            *column_title,
                                                const char            *row_title);
void       alvh_replay_heatmap_view_clear      (AlvhReplayHeatmapView *self);
/* Outlines one cell (column < 0: none). */
void       alvh_replay_heatmap_view_set_mark   (AlvhReplayHeatmapView *self,
                                                gint                   column,
                                                gint                   row);
/* The cell at a point of the widget; FALSE off the grid. */
gboolean   alvh_replay_heatmap_view_cell_at    (AlvhReplayHeatmapView *self,
                                                double                 x,
                                                double                 y,
                                                guint                 *column,
                                                guint                 *row);
/* The value shown in a cell (NAN when none). */
double     alvh_replay_heatmap_view_get_value  (AlvhReplayHeatmapView *self,
                                                guint                  column,
                                                guint                  row);

G_END_DECLS
