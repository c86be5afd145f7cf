/* alvh-skip-dialog.h — skip the evaluator's decision, with a reason */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_SKIP_DIALOG (alvh_skip_dialog_get_type ())

/* An AdwMessageDialog (template ui/pages/evaluator/alvh-skip-dialog.ui)
 * asking why; its "skip" response, enabled once there is a reason, records
 * the decision as skipped with the reason. */
G_DECLARE_FINAL_TYPE (AlvhSkipDialog, alvh_skip_dialog, ALVH, SKIP_DIALOG, AdwMessageDialog)

GtkWidget *alvh_skip_dialog_new (GtkWindow          *parent,
                                 GtkWidget          *toast_widget,
                                 AlvhContext        *context,
                                 const AlvhDecision *decision);

G_END_DECLS
