/* alvh-condor-close-dialog.h — close an SPX iron condor at a price */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CONDOR_CLOSE_DIALOG (alvh_condor_close_dialog_get_type ())

/* An AdwMessageDialog (template ui/pages/positions/alvh-condor-close-dialog.ui)
 * asking for the price paid to close a condor; its "close" response closes it
 * through the book service. */
G_DECLARE_FINAL_TYPE (AlvhCondorCloseDialog, alvh_condor_close_dialog, ALVH, CONDOR_CLOSE_DIALOG, AdwMessageDialog)

GtkWidget *alvh_condor_close_dialog_new (GtkWindow               *parent,
                                         AlvhContext             *context,
                                         const AlvhCondor *condor);

G_END_DECLS
