/* alvh-fill-import-task.h — importing brokers' statements in a thread
 *
 * Runs alvh_fill_import() (src/core/book/alvh-fill-import.h) on its own
 * connection to the journal file, off the main thread, and says in one
 * sentence what it did.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-broker-statement.h"

G_BEGIN_DECLS

/**
 * alvh_fill_import_is_statement:
 * @path: a file
 *
 * Returns: whether @path starts like a broker's statement
 *   (alvh_broker_detect())
 */
gboolean  alvh_fill_import_is_statement (const char          *path);

/**
 * alvh_fill_import_async:
 * @journal_path: the journal file
 * @account_id: the account the statements are of
 * @paths: (array zero-terminated=1): the statements
 * @cancellable: (nullable): cancels before the import starts
 * @callback: called in the main context when done
 * @user_data: for @callback
 */
void      alvh_fill_import_async        (const char          *journal_path,
                                         gint64               account_id,
                                         const char * const  *paths,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/**
 * alvh_fill_import_finish:
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a translated sentence of what was
 *   imported, or %NULL with @error set (nothing was written)
 */
char     *alvh_fill_import_finish       (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
