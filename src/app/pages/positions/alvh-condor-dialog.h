/* alvh-condor-dialog.h — enter or edit an SPX iron condor */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"
#include "alvh-form-dialog.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CONDOR_DIALOG (alvh_condor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AlvhCondorDialog, alvh_condor_dialog, ALVH, CONDOR_DIALOG, AlvhFormDialog)

/**
 * alvh_condor_dialog_new:
 * @parent: the window to be transient for
 * @context: the app's context
 * @condor: (nullable): the condor to edit (copied), or %NULL for a new one
 *
 * Returns: (transfer none): the dialog (GTK's toplevel list owns it)
 */
AlvhCondorDialog *alvh_condor_dialog_new          (GtkWindow               *parent,
                                                   AlvhContext             *context,
                                                   const AlvhCondor *condor);
/* TRUE when every field is valid (the Save button is sensitive). */
gboolean          alvh_condor_dialog_is_valid     (AlvhCondorDialog        *self);
/**
 * alvh_condor_dialog_get_errors:
 * @self: the condor dialog
 *
 * The validation messages, one per line ("" when valid).
 *
 * Returns: (transfer none): what is wrong with the entries ("" when nothing)
 */
const char       *alvh_condor_dialog_get_errors   (AlvhCondorDialog        *self);
/**
 * alvh_condor_dialog_get_save_button:
 * @self: the condor dialog
 *
 * Returns: (transfer none): the Save button
 */
GtkWidget        *alvh_condor_dialog_get_save_button (AlvhCondorDialog     *self);

G_END_DECLS
