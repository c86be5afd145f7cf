/* alvh-journal-cells.c — what the Journal page's list and detail pane draw
 * in cells: the columns' labels and the table of a decision's signals */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-evaluator-page.h"
#include "alvh-journal-cells.h"
#include "alvh-journal-item.h"
#include "alvh-label-cells.h"

/* an entry's cell: its P&L coloured by its sign */
static char *
cell_text_cb (gpointer    item,
              const char *key,
              int        *sign)
{
  AlvhJournalItem *entry = item;

  if (g_str_equal (key, "pnl"))
    {
      double pnl = alvh_journal_item_get_pnl (entry);

      *sign = isfinite (pnl) && pnl != 0 ? (pnl > 0 ? 1 : -1) : 0;
    }
  return alvh_journal_item_dup_column_text (entry, key);
}

/**
 * alvh_journal_cell_factory_new:
 * @key: the column's key ("date", "pnl", "title", ...; static storage)
 *
 * Returns: (transfer full): a factory of the column's labels: numbers right
 *   aligned, long texts ellipsized with the whole text in the tooltip, a
 *   P&L coloured by its sign.
 */
GtkListItemFactory *
alvh_journal_cell_factory_new (const char *key)
{
  gboolean numeric = g_str_equal (key, "layer") || g_str_equal (key, "size") || g_str_equal (key, "pnl");
  /* dates and numbers are never cut; long texts end in "…" with the whole
   * text in the tooltip */
  gboolean cut = g_str_equal (key, "title") || g_str_equal (key, "triggers") || g_str_equal (key, "instrument");
  AlvhLabelCellLook look = { numeric ? 1.0f : 0.0f, numeric, !cut ? 0 : g_str_equal (key, "title") ? 24 : 12 };

  return alvh_label_cell_factory_new (key, &look, cell_text_cb);
}

/* the columns left out when the list is too narrow, the least needed first:
 * the detail pane shows all of them for the selected entry */
static const char *fit_drop_order[] = { "triggers", "instrument", "size", "layer" };

static GtkColumnViewColumn *
column_by_key (GtkColumnView *view,
               const char    *key)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "alvh-key"), key) == 0)
        return column; /* the view keeps its reference */
    }
  return NULL;
}

gboolean
alvh_journal_fit_columns (GtkColumnView *view,
                          gboolean       show_all)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fit_drop_order); i++)
    {
      GtkColumnViewColumn *column = column_by_key (view, fit_drop_order[i]);

      if (column == NULL || gtk_column_view_column_get_visible (column) == show_all)
        continue;
      gtk_column_view_column_set_visible (column, show_all);
      if (!show_all)
        return TRUE;
      for (guint j = i + 1; j < G_N_ELEMENTS (fit_drop_order); j++)
        if ((column = column_by_key (view, fit_drop_order[j])) != NULL)
          gtk_column_view_column_set_visible (column, TRUE);
      return TRUE;
    }
  return FALSE;
}

void
alvh_journal_clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

GtkWidget *
alvh_journal_grid_label (const char *text,
                         float       xalign,
                         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * alvh_journal_fill_signal_grid:
 * @grid: the grid
 * @decision: (nullable): the decision whose signals to list
 *
 * Lists each signal of @decision (signal, kind, value, threshold, fired)
 * under a header row, as the Evaluator formats them; hides @grid when
 * there are none.
 */
void
alvh_journal_fill_signal_grid (GtkGrid            *grid,
                               const AlvhDecision *decision)
{
  const char *headers[] = { N_("Signal"), N_("Kind"), N_("Value"), N_("Threshold"), N_("Fired") };
  gboolean any = FALSE;
  int row = 0;

  alvh_journal_clear_grid (grid);
  for (guint i = 0; decision != NULL && i < ALVH_N_SIGNALS; i++)
    any = any || alvh_decision_has_signal (decision, (AlvhSignalId) i);
  if (!any)
    {
      gtk_widget_set_visible (GTK_WIDGET (grid), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (grid), TRUE);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    gtk_grid_attach (grid, alvh_journal_grid_label (_(headers[c]), c >= 2 ? 1.0f : 0.0f, "heading"), (int) c, 0, 1, 1);
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *s = &decision->signals[i];
      g_autofree char *value = NULL;
      g_autofree char *threshold = NULL;
      GtkWidget *fired;

      if (!alvh_decision_has_signal (decision, (AlvhSignalId) i))
        continue;
      /* the units and comparisons the Evaluator shows: "+46.5% / ≥ +15.0%" */
      value = alvh_evaluator_format_value (s);
      threshold = alvh_evaluator_format_threshold (s);
      row++;

      gtk_grid_attach (grid, alvh_journal_grid_label (alvh_signal_id_get_title (s->id), 0, NULL), 0, row, 1, 1);
      gtk_grid_attach (grid,
                       alvh_journal_grid_label (s->kind == ALVH_SIGNAL_KIND_REALTIME ? _("real-time") : _("fixed"), 0, "dim-label"),
                       1, row, 1, 1);
      gtk_grid_attach (grid, alvh_journal_grid_label (value, 1, "numeric"), 2, row, 1, 1);
      gtk_grid_attach (grid, alvh_journal_grid_label (threshold, 1, "numeric"), 3, row, 1, 1);
      fired = alvh_journal_grid_label (!s->available ? _("n/a") : s->fired ? _("yes") : _("no"), 1,
                          s->fired ? "warning" : "dim-label");
      gtk_grid_attach (grid, fired, 4, row, 1, 1);
    }
}
