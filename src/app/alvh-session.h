/* alvh-session.h — what the window's pages share: market data, databases,
 * the active account and rule profile */
#pragma once

#include <gio/gio.h>

#include "alvh-core.h"

G_BEGIN_DECLS

#define ALVH_TYPE_SESSION (alvh_session_get_type ())

G_DECLARE_FINAL_TYPE (AlvhSession, alvh_session, ALVH, SESSION, GObject)

AlvhSession *alvh_session_new            (const char   *data_dir);
const char  *alvh_session_get_data_dir   (AlvhSession  *self);
AlvhSeries  *alvh_session_get_series     (AlvhSession  *self,
                                          const char   *symbol);
void         alvh_session_set_series     (AlvhSession  *self,
                                          const char   *symbol,
                                          AlvhSeries   *series);
gboolean     alvh_session_has_market     (AlvhSession  *self);
void         alvh_session_market_changed (AlvhSession  *self);
void         alvh_session_import_async   (AlvhSession         *self,
                                          const char * const  *paths,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char        *alvh_session_import_finish  (AlvhSession         *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
