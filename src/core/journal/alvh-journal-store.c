/* alvh-journal-store.c — the journal and app database (alvh.sqlite): the
 * object, opening and migrating the file, batches.
 *
 * The store is split by table family: alvh-journal-schema.c (migrations),
 * -records.c (the records), -accounts.c (accounts, profiles, events),
 * -book.c (condors, legs, closes), -decisions.c (decisions, signal
 * snapshots, following and skipping), -entries.c (entries, tags,
 * attachments, the full-text query), -review.c (loading the review) and
 * -stats.c (outcomes and statistics as pure functions over the records).
 */
#define G_LOG_DOMAIN "alvh-journal"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "alvh-db.h"
#include "alvh-journal-store.h"
#include "alvh-journal-store-private.h"

G_DEFINE_TYPE (AlvhJournalStore, alvh_journal_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (alvh-journal-error-quark, alvh_journal_error)

static AlvhDbErrors db_errors = {
  .domain = 0,  /* set in class_init: a quark is not a constant */
  .io = ALVH_JOURNAL_ERROR_IO,
  .database = ALVH_JOURNAL_ERROR_DATABASE,
  .constraint = ALVH_JOURNAL_ERROR_INVALID,
  .invalid = ALVH_JOURNAL_ERROR_INVALID,
  .newer_schema = ALVH_JOURNAL_ERROR_NEWER_SCHEMA,
  .missing = ALVH_JOURNAL_ERROR_MISSING,
  .not_ours = ALVH_JOURNAL_ERROR_NOT_OURS,
  .corrupt = ALVH_JOURNAL_ERROR_CORRUPT,
  .name = "journal",
};

/* ---- helpers ------------------------------------------------------------ */

gboolean
_alvh_journal_store_not_found (AlvhJournalStore  *self,
                               GError           **error,
                               const char        *what,
                               gint64             id)
{
  g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND,
               "%s: no %s with id %" G_GINT64_FORMAT, self->path, what, id);
  return FALSE;
}

gboolean
_alvh_journal_store_changed_one (AlvhJournalStore  *self,
                                 gint64             changes,
                                 const char        *what,
                                 gint64             id,
                                 GError           **error)
{
  if (changes < 0)
    return FALSE;
  if (changes == 0)
    return _alvh_journal_store_not_found (self, error, what, id);
  return TRUE;
}

gboolean
_alvh_journal_store_step_one (AlvhJournalStore  *self,
                              sqlite3_stmt      *s,
                              const char        *failure,
                              const char        *what,
                              gint64             id,
                              GError           **error)
{
  if (!alvh_db_step_done (self->db, s, failure, error))
    return FALSE;
  if (sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
    return _alvh_journal_store_not_found (self, error, what, id);
  return TRUE;
}

/* ---- open and migrate -------------------------------------------------- */

static void
alvh_journal_store_finalize (GObject *object)
{
  AlvhJournalStore *self = (AlvhJournalStore *) object;

  if (self->db != NULL && alvh_db_in_transaction (self->db) > 0)
    {
      g_warning ("%s: closed inside a batch: its writes are rolled back", self->path);
      sqlite3_exec (alvh_db_get_handle (self->db), "ROLLBACK", NULL, NULL, NULL);
    }
  g_clear_pointer (&self->db, alvh_db_close);
  g_free (self->path);

  G_OBJECT_CLASS (alvh_journal_store_parent_class)->finalize (object);
}

static void
alvh_journal_store_class_init (AlvhJournalStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = alvh_journal_store_finalize;
  db_errors.domain = ALVH_JOURNAL_ERROR;
}

static void
alvh_journal_store_init (AlvhJournalStore *self)
{
}

static const AlvhDbKind db_kind = {
  .application_id = ALVH_APPLICATION_ID_JOURNAL,
  .migrations = _alvh_journal_migrations,
  .n_migrations = ALVH_JOURNAL_SCHEMA_VERSION,
  .setup_sql = "PRAGMA foreign_keys = ON;"
               "PRAGMA temp_store = MEMORY;"     /* savepoint journals in memory */
               "PRAGMA cache_size = -16384;",    /* 16 MiB */
  .write_setup_sql = "PRAGMA synchronous = FULL;",
};

static AlvhJournalStore *
open_store (const char     *path,
            AlvhStoreMode   mode,
            int             target,
            GError        **error)
{
  g_autoptr(AlvhJournalStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (target >= 0 && target <= ALVH_JOURNAL_SCHEMA_VERSION, NULL);

  self = g_object_new (ALVH_TYPE_JOURNAL_STORE, NULL);
  self->path = g_strdup (path);
  self->db = alvh_db_open_store (path, &db_errors, &db_kind, mode, target,
                                 &self->created, &self->schema_version, error);
  if (self->db == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

AlvhJournalStore *
_alvh_journal_store_open_version (const char  *path,
                                  int          target,
                                  GError     **error)
{
  return open_store (path, ALVH_STORE_CREATE, target, error);
}

/**
 * alvh_journal_store_open:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Opens the journal at @path, creating it (mode 0600, parent folders 0700)
 * when absent, and migrates it to the current schema.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AlvhJournalStore *
alvh_journal_store_open (const char  *path,
                         GError     **error)
{
  return open_store (path, ALVH_STORE_CREATE, ALVH_JOURNAL_SCHEMA_VERSION, error);
}

AlvhJournalStore *
alvh_journal_store_open_mode (const char     *path,
                              AlvhStoreMode   mode,
                              GError        **error)
{
  return open_store (path, mode, ALVH_JOURNAL_SCHEMA_VERSION, error);
}

gboolean
alvh_journal_store_was_created (AlvhJournalStore *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  return self->created;
}

gboolean
alvh_journal_store_begin_read (AlvhJournalStore  *self,
                               GError           **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  return alvh_db_begin_read (self->db, error);
}

sqlite3 *
_alvh_journal_store_get_db (AlvhJournalStore *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  return alvh_db_get_handle (self->db);
}

const char *
alvh_journal_store_get_path (AlvhJournalStore *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  return self->path;
}

int
alvh_journal_store_get_schema_version (AlvhJournalStore *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  return self->schema_version;
}

/**
 * alvh_journal_store_begin_batch:
 * @self: the store
 * @error: return location for a #GError
 *
 * Groups many writes into one transaction (one disk sync at the end): every
 * write until alvh_journal_store_end_batch() commits or rolls back with it.
 * A failed write inside the batch is undone alone (savepoint).
 *
 * Returns: %TRUE when the batch began
 */
gboolean
alvh_journal_store_begin_batch (AlvhJournalStore  *self,
                                GError           **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  return alvh_db_begin (self->db, error);
}

gboolean
alvh_journal_store_end_batch (AlvhJournalStore  *self,
                              gboolean           commit,
                              GError           **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (alvh_db_in_transaction (self->db) > 0, FALSE);
  return alvh_db_end (self->db, commit, error);
}

