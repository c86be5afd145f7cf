/* alvh-add-leg-dialog.h — confirm the evaluator's proposed leg, or skip it */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

/* An AdwMessageDialog with the fill price, the size and a note.  Its "add"
 * response books the leg through alvh_decision_service_add_leg_from_decision() (the
 * decision, the leg, its links to the fired signals and a journal entry) and
 * shows a toast in @toast_widget's AdwToastOverlay. */
GtkWidget *alvh_add_leg_dialog_new  (GtkWindow          *parent,
                                     GtkWidget          *toast_widget,
                                     AlvhContext        *context,
                                     const AlvhDecision *decision);
/* An AdwMessageDialog asking why; its "skip" response records the decision as
 * skipped with the reason. */
GtkWidget *alvh_skip_dialog_new     (GtkWindow          *parent,
                                     GtkWidget          *toast_widget,
                                     AlvhContext        *context,
                                     const AlvhDecision *decision);
/* Shows @text in the AdwToastOverlay that holds @inside (if any). */
void       alvh_show_toast          (GtkWidget          *inside,
                                     const char         *text);
/* "VIX call spread 20/25, expiring 2026-01-21" */
char      *alvh_describe_leg        (const AlvhHedgeLeg *leg);

G_END_DECLS
