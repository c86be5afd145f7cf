/* alvh-leg-dialog.h — enter, edit or partly close a VIX hedge leg */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"
#include "alvh-form-dialog.h"

G_BEGIN_DECLS

#define ALVH_TYPE_LEG_DIALOG (alvh_leg_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AlvhLegDialog, alvh_leg_dialog, ALVH, LEG_DIALOG, AlvhFormDialog)

/**
 * alvh_leg_dialog_new:
 * @parent: the window to be transient for
 * @context: the app's context
 * @leg: (nullable): the leg to edit (copied), or %NULL for a new one
 *
 * Returns: (transfer none): the dialog (GTK's toplevel list owns it)
 */
AlvhLegDialog *alvh_leg_dialog_new            (GtkWindow            *parent,
                                               AlvhContext          *context,
                                               const AlvhLeg *leg);
gboolean       alvh_leg_dialog_is_valid       (AlvhLegDialog        *self);
/**
 * alvh_leg_dialog_get_errors:
 * @self: the leg dialog
 *
 * Returns: (transfer none): what is wrong with the entries ("" when nothing)
 */
const char    *alvh_leg_dialog_get_errors     (AlvhLegDialog        *self);
/**
 * alvh_leg_dialog_get_save_button:
 * @self: the leg dialog
 *
 * Returns: (transfer none): the Save button
 */
GtkWidget     *alvh_leg_dialog_get_save_button (AlvhLegDialog       *self);

G_END_DECLS
