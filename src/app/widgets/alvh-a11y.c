/* alvh-a11y.c — accessible labels that tests can read back */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "alvh-a11y.h"

#define LABEL_KEY "alvh-a11y-label"

void
alvh_a11y_set_label (GtkWidget  *widget,
                     const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (widget), LABEL_KEY, g_strdup (label), g_free);
}

void
alvh_a11y_set_label_and_tooltip (GtkWidget  *widget,
                                 const char *label)
{
  alvh_a11y_set_label (widget, label);
  gtk_widget_set_tooltip_text (widget, label);
}

const char *
alvh_a11y_get_label (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_data (G_OBJECT (widget), LABEL_KEY);
}

gboolean
alvh_a11y_is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_COMBO_BOX (widget) || GTK_IS_SCALE (widget) || ADW_IS_ENTRY_ROW (widget) ||
         ADW_IS_COMBO_ROW (widget) || ADW_IS_SPLIT_BUTTON (widget);
}

gboolean
alvh_a11y_is_opaque (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  return GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_MENU_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_COMBO_BOX (widget) || ADW_IS_ENTRY_ROW (widget) ||
         ADW_IS_COMBO_ROW (widget) || ADW_IS_SPLIT_BUTTON (widget) || GTK_IS_POPOVER (widget) ||
         /* libadwaita's own parts: the toast's close button, tab buttons */
         g_str_equal (type, "AdwToastWidget") || g_str_equal (type, "AdwGizmo");
}

static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      return text != NULL && *text != '\0';
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_text (c))
      return TRUE;
  return FALSE;
}

static gboolean
nonempty (const char *s)
{
  return s != NULL && *s != '\0';
}

gboolean
alvh_a11y_is_labelled (GtkWidget   *widget,
                       GHashTable  *mnemonic_targets,
                       const char **why)
{
  const char *dummy;

  if (why == NULL)
    why = &dummy;
  *why = NULL;

  if (nonempty (alvh_a11y_get_label (widget)))
    return (*why = "accessible label", TRUE);
  if (nonempty (gtk_widget_get_tooltip_text (widget)) || gtk_widget_get_tooltip_markup (widget) != NULL)
    return (*why = "tooltip", TRUE);
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      nonempty (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))))
    return (*why = "row title", TRUE);
  if (GTK_IS_MENU_BUTTON (widget) && nonempty (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget))))
    return (*why = "label", TRUE);
  if (!GTK_IS_ENTRY (widget) && !GTK_IS_SEARCH_ENTRY (widget) && !GTK_IS_SPIN_BUTTON (widget) &&
      !GTK_IS_PASSWORD_ENTRY (widget) && has_text (widget))
    return (*why = "label", TRUE);
  if (mnemonic_targets != NULL && g_hash_table_contains (mnemonic_targets, widget))
    return (*why = "mnemonic label", TRUE);
  /* a control inside a titled row (a switch or an entry as a row suffix) */
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL; p = gtk_widget_get_parent (p))
    if (ADW_IS_PREFERENCES_ROW (p))
      {
        if (nonempty (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p))))
          return (*why = "row title", TRUE);
        break;
      }
  return FALSE;
}

void
alvh_a11y_collect_mnemonics (GtkWidget  *root,
                             GHashTable *targets)
{
  if (GTK_IS_LABEL (root) && gtk_label_get_mnemonic_widget (GTK_LABEL (root)) != NULL &&
      nonempty (gtk_label_get_text (GTK_LABEL (root))))
    g_hash_table_add (targets, gtk_label_get_mnemonic_widget (GTK_LABEL (root)));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    alvh_a11y_collect_mnemonics (c, targets);
}

/* "Load _Demo Data" → "Load Demo Data" ("__" stays one "_") */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (out, *++p);
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
alvh_a11y_label_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL &&
      strchr (gtk_button_get_label (GTK_BUTTON (root)), '_') != NULL &&
      alvh_a11y_get_label (root) == NULL)
    {
      g_autofree char *name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (root)));

      alvh_a11y_set_label (root, name);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    alvh_a11y_label_mnemonic_buttons (c);
}
