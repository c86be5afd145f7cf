/* alvh-leg-dialog.h — enter, edit or partly close a VIX hedge leg */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"
#include "alvh-form-dialog.h"

G_BEGIN_DECLS

#define ALVH_TYPE_LEG_DIALOG (alvh_leg_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AlvhLegDialog, alvh_leg_dialog, ALVH, LEG_DIALOG, AlvhFormDialog)

/* @leg NULL: a new leg (manual); else the leg to edit (copied). */
AlvhLegDialog *alvh_leg_dialog_new            (GtkWindow            *parent,
                                               AlvhContext          *context,
                                               const AlvhLeg *leg);
gboolean       alvh_leg_dialog_is_valid       (AlvhLegDialog        *self);
const char    *alvh_leg_dialog_get_errors     (AlvhLegDialog        *self);
GtkWidget     *alvh_leg_dialog_get_save_button (AlvhLegDialog       *self);

G_END_DECLS
