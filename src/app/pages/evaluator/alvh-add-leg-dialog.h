/* alvh-add-leg-dialog.h — confirm the evaluator's proposed leg; toasts and leg descriptions for the evaluator's dialogs */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_ADD_LEG_DIALOG (alvh_add_leg_dialog_get_type ())

/* An AdwMessageDialog (template ui/pages/evaluator/alvh-add-leg-dialog.ui)
 * with the fill price, the size and a note.  Its "add" response books the leg
 * through alvh_decision_service_add_leg_from_decision() (the decision, the
 * leg, its links to the fired signals and a journal entry) and shows a toast
 * in @toast_widget's AdwToastOverlay. */
G_DECLARE_FINAL_TYPE (AlvhAddLegDialog, alvh_add_leg_dialog, ALVH, ADD_LEG_DIALOG, AdwMessageDialog)

GtkWidget *alvh_add_leg_dialog_new  (GtkWindow          *parent,
                                     GtkWidget          *toast_widget,
                                     AlvhContext        *context,
                                     const AlvhDecision *decision);
/* Shows @text in the AdwToastOverlay that holds @inside (if any). */
void       alvh_show_toast          (GtkWidget          *inside,
                                     const char         *text);
/**
 * alvh_describe_leg:
 * @leg: a leg
 *
 * Returns: (transfer full): the leg in words, translated: "VIX call spread
 *   20/25, expiring 2026-01-21"
 */
char      *alvh_describe_leg        (const AlvhLeg *leg);

G_END_DECLS
