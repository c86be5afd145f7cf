/* alvh-events-dialog.h — the macro events (CPI, PPI, FOMC, OTHER) */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_EVENTS_DIALOG (alvh_events_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AlvhEventsDialog, alvh_events_dialog, ALVH, EVENTS_DIALOG, AdwWindow)

/**
 * alvh_events_dialog_new:
 * @parent: the window to be transient for
 * @context: the app's context
 *
 * Returns: (transfer none): the dialog (GTK's toplevel list owns it)
 */
AlvhEventsDialog *alvh_events_dialog_new        (GtkWindow        *parent,
                                                 AlvhContext      *context);
guint             alvh_events_dialog_get_n_rows (AlvhEventsDialog *self);

G_END_DECLS
