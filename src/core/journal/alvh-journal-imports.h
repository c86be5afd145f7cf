/* alvh-journal-imports.h — which broker executions a journal already holds
 *
 * Part of the journal store's API: include alvh-journal-store.h.  The
 * `fill_imports` table (schema 4) names every execution imported from a
 * broker's statement by its key (the broker's execution id, else a hash of
 * its row), so that importing the same or an overlapping statement again
 * adds nothing twice.
 */
#pragma once

#include "alvh-journal-store.h"

G_BEGIN_DECLS

/**
 * alvh_journal_store_has_import_key:
 * @self: the store
 * @account_id: the account
 * @key: the execution's key
 * @out_found: (out): whether @account_id already holds it
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean  alvh_journal_store_has_import_key     (AlvhJournalStore  *self,
                                                 gint64             account_id,
                                                 const char        *key,
                                                 gboolean          *out_found,
                                                 GError           **error);

/**
 * alvh_journal_store_add_import_key:
 * @self: the store
 * @account_id: the account
 * @key: the execution's key
 * @broker: the broker's name ("ibkr", ...)
 * @position_id: the condor or leg it filled
 * @time: the execution's time
 * @error: return location for a #GError
 *
 * Remembers an imported execution.
 *
 * Returns: %TRUE on success
 */
gboolean  alvh_journal_store_add_import_key     (AlvhJournalStore  *self,
                                                 gint64             account_id,
                                                 const char        *key,
                                                 const char        *broker,
                                                 gint64             position_id,
                                                 gint64             time,
                                                 GError           **error);

/**
 * alvh_journal_store_count_import_keys:
 * @self: the store
 * @account_id: the account (0 = all)
 * @error: return location for a #GError
 *
 * Returns: the executions imported, or -1 with @error set
 */
gint64    alvh_journal_store_count_import_keys  (AlvhJournalStore  *self,
                                                 gint64             account_id,
                                                 GError           **error);

/**
 * alvh_journal_store_open_units:
 * @self: the store
 * @id: a condor's or a leg's id
 * @is_condor: which
 * @error: return location for a #GError
 *
 * Returns: the units or contracts of the position still open (opened minus
 *   closed by its fills), or NAN with @error set
 */
double    alvh_journal_store_open_units         (AlvhJournalStore  *self,
                                                 gint64             id,
                                                 gboolean           is_condor,
                                                 GError           **error);

G_END_DECLS
