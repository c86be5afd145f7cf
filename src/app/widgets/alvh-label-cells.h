/* alvh-label-cells.h — a GtkColumnView column of labels
 *
 * The one setup/bind pair behind the tables of the Journal and the Replay
 * pages: a label per cell, aligned and styled as the column says, its text
 * and the sign that colours it from the caller's function.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  float    xalign;           /* 1.0 for numbers */
  gboolean numeric;          /* the "numeric" style class (tabular figures) */
  int      ellipsize_chars;  /* > 0: long texts end in "…" at this width, the
                              * whole text in the tooltip */
} AlvhLabelCellLook;

/* The text of @item's cell in column @key (owned); sets *@sign to +1
 * ("success"), -1 ("error") or 0 (no colour), which is 0 when called. */
typedef char *(*AlvhLabelCellTextFunc) (gpointer    item,
                                        const char *key,
                                        int        *sign);

GtkListItemFactory *alvh_label_cell_factory_new (const char              *key,
                                                 const AlvhLabelCellLook *look,
                                                 AlvhLabelCellTextFunc    text);

G_END_DECLS
