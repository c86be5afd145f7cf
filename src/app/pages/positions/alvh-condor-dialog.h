/* alvh-condor-dialog.h — enter or edit an SPX iron condor */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"
#include "alvh-form-dialog.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CONDOR_DIALOG (alvh_condor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AlvhCondorDialog, alvh_condor_dialog, ALVH, CONDOR_DIALOG, AlvhFormDialog)

/* @condor NULL: a new condor; else the condor to edit (copied). */
AlvhCondorDialog *alvh_condor_dialog_new          (GtkWindow               *parent,
                                                   AlvhContext             *context,
                                                   const AlvhCondor *condor);
/* TRUE when every field is valid (the Save button is sensitive). */
gboolean          alvh_condor_dialog_is_valid     (AlvhCondorDialog        *self);
/* The validation messages, one per line ("" when valid). */
const char       *alvh_condor_dialog_get_errors   (AlvhCondorDialog        *self);
GtkWidget        *alvh_condor_dialog_get_save_button (AlvhCondorDialog     *self);

G_END_DECLS
