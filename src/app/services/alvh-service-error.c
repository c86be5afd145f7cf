/* alvh-service-error.c — the errors of the app's services */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-service-error.h"

G_DEFINE_QUARK (alvh-service-error-quark, alvh_service_error)

/**
 * alvh_service_need_store:
 * @store: (nullable): the app database, NULL when it could not be opened
 * @data_dir: the data directory it lives in
 * @store_error: (nullable): why it could not be opened
 * @error: (out) (optional): ALVH_SERVICE_ERROR_NO_STORE without a store
 *
 * What every service checks before it writes: the app database is open.
 *
 * Returns: TRUE when @store is open
 */
gboolean
alvh_service_need_store (AlvhJournalStore  *store,
                         const char        *data_dir,
                         const GError      *store_error,
                         GError           **error)
{
  if (store != NULL)
    return TRUE;
  g_set_error (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_NO_STORE,
               _("The app database %s/alvh.sqlite is not open: %s"), data_dir,
               store_error ? store_error->message : _("unknown error"));
  return FALSE;
}
