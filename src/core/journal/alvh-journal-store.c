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

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
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

/* Reads PRAGMA user_version through a read-only connection that opens the
 * file as immutable: it is never written to (a file we will refuse stays as
 * it was), and it takes no locks and sets up no WAL index, which fails with
 * "attempt to write a readonly database" while another connection creates
 * the file or has just closed it.  It reads the main file only: the version
 * is read again on the write connection.  Returns -1 and sets @error on
 * failure. */
static int
peek_user_version (const char  *path,
                   GError     **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, TRUE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  int version = -1;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_IO,
                   "%s: cannot open: %s", path, db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close_v2 (db);
      return -1;
    }
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
      sqlite3_step (s) == SQLITE_ROW)
    version = sqlite3_column_int (s, 0);
  else
    g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_IO,
                 "%s: not an ALVH Desk database (expected an SQLite file): %s",
                 path, sqlite3_errmsg (db));
  sqlite3_finalize (s);
  sqlite3_close_v2 (db);
  return version;
}

static gboolean
create_file_private (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_IO,
                   "%s: cannot create the folder: %s", dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_IO,
                   "%s: cannot create the database: %s", path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    g_close (fd, NULL);
  return TRUE;
}

AlvhJournalStore *
_alvh_journal_store_open_version (const char  *path,
                                  int          target,
                                  GError     **error)
{
  g_autoptr(AlvhJournalStore) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (target >= 0 && target <= ALVH_JOURNAL_SCHEMA_VERSION, NULL);

  if (!create_file_private (path, error))
    return NULL;

  version = peek_user_version (path, error);
  if (version < 0)
    return NULL;
  if (version > ALVH_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NEWER_SCHEMA,
                   "%s: the journal was written by a newer version of ALVH Desk "
                   "(schema version %d; this version reads up to %d). "
                   "It was not opened and not changed: update ALVH Desk to use it.",
                   path, version, ALVH_JOURNAL_SCHEMA_VERSION);
      return NULL;
    }

  self = g_object_new (ALVH_TYPE_JOURNAL_STORE, NULL);
  self->path = g_strdup (path);
  self->db = alvh_db_open (path, &db_errors, "cannot open", error);
  if (self->db == NULL ||
      !alvh_db_enable_wal (self->db, error) ||
      !alvh_db_exec (self->db,
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA temp_store = MEMORY;"     /* savepoint journals in memory */
                     "PRAGMA cache_size = -16384;",    /* 16 MiB */
                     error))
    return NULL;

  /* read again on the write connection: another connection may have migrated */
  if (!alvh_db_read_user_version (self->db, &version, error))
    return NULL;
  self->schema_version = version;
  if (version > ALVH_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NEWER_SCHEMA,
                   "%s: the journal was written by a newer version of ALVH Desk "
                   "(schema version %d; this version reads up to %d)",
                   path, version, ALVH_JOURNAL_SCHEMA_VERSION);
      return NULL;
    }
  if (version < target &&
      !alvh_db_migrate (self->db, _alvh_journal_migrations, ALVH_JOURNAL_SCHEMA_VERSION, target,
                        &self->schema_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * alvh_journal_store_open:
 * Opens the journal at @path, creating it (mode 0600, parent folders 0700)
 * when absent, and migrates it to the current schema.
 */
AlvhJournalStore *
alvh_journal_store_open (const char  *path,
                         GError     **error)
{
  return _alvh_journal_store_open_version (path, ALVH_JOURNAL_SCHEMA_VERSION, error);
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
 * Groups many writes into one transaction (one disk sync at the end): every
 * write until alvh_journal_store_end_batch() commits or rolls back with it.
 * A failed write inside the batch is undone alone (savepoint).
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

