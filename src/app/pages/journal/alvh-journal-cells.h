/* alvh-journal-cells.h — the Journal page's column cells and signal table */
#pragma once

#include <gtk/gtk.h>

#include "alvh-core.h"

G_BEGIN_DECLS

GtkListItemFactory *alvh_journal_cell_factory_new  (const char         *key);
/* Shows every column of @view again (@show_all) or leaves out the least
 * needed one still shown, for a list too narrow for its columns (keys set as
 * the columns' "alvh-key" data).  Returns: whether a column changed */
gboolean            alvh_journal_fit_columns       (GtkColumnView      *view,
                                                    gboolean            show_all);
/* Empties @grid */
void                alvh_journal_clear_grid        (GtkGrid            *grid);
/**
 * alvh_journal_grid_label:
 * @text: the label's text
 * @xalign: its horizontal alignment
 * @css_class: (nullable): a style class
 *
 * A label for a grid cell: aligned at @xalign, with @css_class (nullable)
 *
 * Returns: (transfer floating): the label
 */
GtkWidget          *alvh_journal_grid_label        (const char         *text,
                                                    float               xalign,
                                                    const char         *css_class);
void                alvh_journal_fill_signal_grid  (GtkGrid            *grid,
                                                    const AlvhDecision *decision);

G_END_DECLS
