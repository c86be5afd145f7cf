/* alvh-leg-close-dialog.h — close some or all of a VIX hedge leg */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_LEG_CLOSE_DIALOG (alvh_leg_close_dialog_get_type ())

/* An AdwMessageDialog (template ui/pages/positions/alvh-leg-close-dialog.ui)
 * for a partial close (quantity, fill price); its "close" response closes
 * that much of the leg through the book service. */
G_DECLARE_FINAL_TYPE (AlvhLegCloseDialog, alvh_leg_close_dialog, ALVH, LEG_CLOSE_DIALOG, AdwMessageDialog)

GtkWidget *alvh_leg_close_dialog_new (GtkWindow            *parent,
                                      AlvhContext          *context,
                                      const AlvhLeg *leg);

G_END_DECLS
