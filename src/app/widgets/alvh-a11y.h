/* alvh-a11y.h — accessible labels that tests can read back
 *
 * GTK 4.8 has no getter for accessible properties, so the app sets labels
 * of controls without visible text through alvh_a11y_set_label(), which also
 * remembers the text on the widget.  alvh_a11y_is_labelled() is the rule the
 * UI tests apply to every control of the window.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets GTK_ACCESSIBLE_PROPERTY_LABEL and remembers it ("alvh-a11y-label"). */
void        alvh_a11y_set_label      (GtkWidget  *widget,
                                      const char *label);
/* Sets the label and the same text as the tooltip. */
void        alvh_a11y_set_label_and_tooltip (GtkWidget  *widget,
                                      const char *label);
/**
 * alvh_a11y_get_label:
 * @widget: a widget
 *
 * The label set by alvh_a11y_set_label(), or NULL.
 *
 * Returns: (transfer none) (nullable): the accessible label set on @widget,
 *   or %NULL
 */
const char *alvh_a11y_get_label      (GtkWidget  *widget);

/* TRUE for the controls the rule applies to: buttons, toggles, checks,
 * switches, entries, spin buttons, drop-downs, scales. */
gboolean    alvh_a11y_is_control     (GtkWidget  *widget);
/* TRUE when a control has a name for screen readers that we can see: text
 * of its own (a label inside it, or an entry row's title), a tooltip, a label
 * set by alvh_a11y_set_label(), a row title around it or a GtkLabel whose
 * mnemonic widget it is (see alvh_a11y_collect_mnemonics()).  *why receives
 * how it is labelled (static string). */
gboolean    alvh_a11y_is_labelled    (GtkWidget  *widget,
                                      GHashTable *mnemonic_targets,
                                      const char **why);
/* Fills a set (GtkWidget *) of the mnemonic widgets of every label under root. */
void        alvh_a11y_collect_mnemonics (GtkWidget  *root,
                                      GHashTable *targets);
/* TRUE for widgets whose insides are GTK's or libadwaita's own (window
 * controls, view switchers, the parts of a spin button ...): the walk checks
 * the widget itself, not its children. */
gboolean    alvh_a11y_is_opaque      (GtkWidget  *widget);

/* GTK 4.8 names a button "Load _Demo Data" after its label, mnemonic and all,
 * and screen readers then read "Load _Demo Data Load Demo Data": this gives
 * every mnemonic button under @root its label without underscores as its
 * accessible label. */
void        alvh_a11y_label_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
