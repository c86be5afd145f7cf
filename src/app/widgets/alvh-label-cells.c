/* alvh-label-cells.c — a GtkColumnView column of labels */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include "alvh-label-cells.h"

typedef struct
{
  const char           *key;
  AlvhLabelCellLook     look;
  AlvhLabelCellTextFunc text;
} Column;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const Column             *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->look.xalign);
  if (column->look.ellipsize_chars > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), column->look.ellipsize_chars);
    }
  if (column->look.numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const Column             *column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  int sign = 0;
  g_autofree char *text = column->text (gtk_list_item_get_item (item), column->key, &sign);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column->look.ellipsize_chars > 0)
    gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (sign != 0)
    gtk_widget_add_css_class (label, sign > 0 ? "success" : "error");
}

/**
 * alvh_label_cell_factory_new:
 * @key: the column's key, handed to @text (static storage)
 * @look: how the column's labels look
 * @text: (scope forever): the text and sign of a cell
 *
 * Returns: (transfer full): a factory of the column's labels
 */
GtkListItemFactory *
alvh_label_cell_factory_new (const char              *key,
                             const AlvhLabelCellLook *look,
                             AlvhLabelCellTextFunc    text)
{
  GtkListItemFactory *factory;
  Column *column;

  g_return_val_if_fail (look != NULL && text != NULL, NULL);
  factory = gtk_signal_list_item_factory_new ();
  column = g_new0 (Column, 1);
  column->key = key;
  column->look = *look;
  column->text = text;
  g_object_set_data_full (G_OBJECT (factory), "alvh-label-cells", column, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), column);
  return factory;
}
