/* alvh-account-dialog.h — create an account and make it active */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_ACCOUNT_DIALOG (alvh_account_dialog_get_type ())

/* An AdwMessageDialog (template ui/pages/positions/alvh-account-dialog.ui)
 * asking for a name; its "create" response, enabled once there is a name,
 * creates the account through the book service (which makes it active) or
 * tells why it could not. */
G_DECLARE_FINAL_TYPE (AlvhAccountDialog, alvh_account_dialog, ALVH, ACCOUNT_DIALOG, AdwMessageDialog)

GtkWidget *alvh_account_dialog_new (GtkWindow   *parent,
                                    AlvhContext *context);

G_END_DECLS
