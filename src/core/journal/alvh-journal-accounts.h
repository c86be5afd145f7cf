/* alvh-journal-accounts.h — accounts, versioned rule profiles and macro events
 *
 * Part of the journal store's API: include alvh-journal-store.h.
 */
#pragma once

#include "alvh-journal-store.h"

G_BEGIN_DECLS

/**
 * alvh_journal_store_list_accounts:
 * @self: the store
 * @error: return location for a #GError
 *
 * All accounts, by name.
 *
 * Returns: (transfer full) (element-type AlvhJournalAccount) (nullable): the
 *   accounts, or %NULL with @error set
 */
GPtrArray        *alvh_journal_store_list_accounts     (AlvhJournalStore        *self,
                                                        GError                 **error);

/**
 * alvh_journal_store_create_account:
 * @self: the store
 * @name: the name
 * @error: return location for a #GError
 *
 * Adds an account; a name in use is refused (%ALVH_JOURNAL_ERROR_INVALID).
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_create_account    (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        GError                 **error);

/**
 * alvh_journal_store_ensure_account:
 * @self: the store
 * @name: the account's name
 * @error: return location for a #GError
 *
 * The id of account @name, created when there is none (in one write
 * transaction: processes asking at once get the same account).
 *
 * Returns: the account's id, or 0 with @error set
 */
gint64            alvh_journal_store_ensure_account    (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        GError                 **error);

/**
 * alvh_journal_store_rename_account:
 * @self: the store
 * @id: the row id
 * @name: the name
 * @error: return location for a #GError
 *
 * Renames account @id.
 *
 * Returns: %TRUE on success; %FALSE with @error
 *   (%ALVH_JOURNAL_ERROR_NOT_FOUND when there is no such account)
 */
gboolean          alvh_journal_store_rename_account    (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        const char              *name,
                                                        GError                 **error);

/**
 * alvh_journal_store_save_profile:
 * @self: the store
 * @name: the name
 * @keyfile: the profile as GKeyFile text
 * @out_version: (out) (optional): the version stored
 * @error: return location for a #GError
 *
 * Stores rule profile @name as GKeyFile text: changed text makes a new
 * version, the same text keeps the latest version.
 *
 * Returns: the profile row's id (its version in @out_version), or 0 with
 *   @error set
 */
gint64            alvh_journal_store_save_profile      (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        const char              *keyfile,
                                                        int                     *out_version,
                                                        GError                 **error);

/**
 * alvh_journal_store_list_profiles:
 * @self: the store
 * @error: return location for a #GError
 *
 * Every version of every stored profile.
 *
 * Returns: (transfer full) (element-type AlvhJournalProfile) (nullable): the
 *   profiles, or %NULL with @error set
 */
GPtrArray        *alvh_journal_store_list_profiles     (AlvhJournalStore        *self,
                                                        GError                 **error);

/**
 * alvh_journal_store_get_profile:
 * @self: the store
 * @name: the name
 * @version: the version (0 = the latest)
 * @error: return location for a #GError
 *
 * Profile @name at @version (0 = the latest).
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with @error
 *   (%ALVH_JOURNAL_ERROR_NOT_FOUND when there is none)
 */
AlvhJournalProfile *alvh_journal_store_get_profile     (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        int                      version, /* 0 = latest */
                                                        GError                 **error);

gboolean          alvh_journal_store_rename_profile    (AlvhJournalStore        *self,
                                                        const char              *old_name,
                                                        const char              *new_name,
                                                        GError                 **error);

gboolean          alvh_journal_store_delete_profile    (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        GError                 **error);

/**
 * alvh_journal_store_add_event:
 * @self: the store
 * @event: the event
 * @error: return location for a #GError
 *
 * Adds a macro event (its id is ignored); a kind outside CPI, PPI, FOMC and
 * OTHER is refused (%ALVH_JOURNAL_ERROR_INVALID).
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_add_event         (AlvhJournalStore        *self,
                                                        const AlvhEvent  *event,
                                                        GError                 **error);

/**
 * alvh_journal_store_update_event:
 * @self: the store
 * @event: the event
 * @error: return location for a #GError
 *
 * Writes @event over the row with its id.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_update_event      (AlvhJournalStore        *self,
                                                        const AlvhEvent  *event,
                                                        GError                 **error);

/**
 * alvh_journal_store_delete_event:
 * @self: the store
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes event @id.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_delete_event      (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);

/**
 * alvh_journal_store_list_events:
 * @self: the store
 * @from: the first time (0 = unbounded)
 * @to: the end, excluded (0 = unbounded)
 * @error: return location for a #GError
 *
 * The events dated in [@from, @to) (0 = unbounded), by date.
 *
 * Returns: (transfer full) (element-type AlvhEvent) (nullable): the events,
 *   or %NULL with @error set
 */
GPtrArray        *alvh_journal_store_list_events       (AlvhJournalStore        *self,
                                                        gint64                   from,
                                                        gint64                   to,
                                                        GError                 **error);

G_END_DECLS
