/* alvh-db.c — the one SQLite layer under the journal and the market stores */
#define G_LOG_DOMAIN "alvh-db"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-db.h"
#include "alvh-db-private.h"

void
alvh_db_cached_stmt_release (AlvhDbCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

AlvhDb *
alvh_db_open (const char          *path,
              const AlvhDbErrors  *errors,
              const char          *open_what,
              GError             **error)
{
  g_autoptr(AlvhDb) db = g_new0 (AlvhDb, 1);

  g_return_val_if_fail (path != NULL && errors != NULL, NULL);

  db->path = g_strdup (path);
  db->errors = errors;
  db->stmts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                     (GDestroyNotify) sqlite3_finalize);
  if (sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, errors->domain, errors->io, "%s: %s: %s", path, open_what,
                   db->handle != NULL ? sqlite3_errmsg (db->handle) : "out of memory");
      return NULL;
    }
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 5000);
  return g_steal_pointer (&db);
}

void
alvh_db_close (AlvhDb *db)
{
  if (db == NULL)
    return;
  g_clear_pointer (&db->stmts, g_hash_table_unref);
  if (db->handle != NULL)
    {
      gboolean checkpointed = _alvh_db_checkpoint (db);

      sqlite3_close_v2 (db->handle);
      if (checkpointed)
        _alvh_db_record_clean_close (db->path);
    }
  g_free (db->path);
  g_free (db);
}

sqlite3 *
alvh_db_get_handle (AlvhDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->handle;
}

gboolean
alvh_db_is_read_only (AlvhDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return db->read_only;
}

const char *
alvh_db_get_path (AlvhDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->path;
}

gboolean
alvh_db_set_error (AlvhDb      *db,
                   GError     **error,
                   const char  *what)
{
  int code = sqlite3_extended_errcode (db->handle);

  g_set_error (error, db->errors->domain,
               (code & 0xff) == SQLITE_CONSTRAINT ? db->errors->constraint : db->errors->database,
               "%s: %s: %s", db->path, what, sqlite3_errmsg (db->handle));
  return FALSE;
}

gboolean
alvh_db_enable_wal (AlvhDb  *db,
                    GError **error)
{
  /* switching a new file to WAL needs an exclusive lock, and SQLite answers
   * SQLITE_BUSY at once, without the busy handler, when another connection
   * opening the same new file holds a lock that would deadlock: retry */
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int rc;

  while ((rc = sqlite3_exec (db->handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK &&
         ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) &&
         g_get_monotonic_time () < deadline)
    g_usleep (2000 + g_random_int_range (0, 3000));
  if (rc != SQLITE_OK)
    return alvh_db_set_error (db, error, "cannot switch to write-ahead logging");
  return TRUE;
}

gboolean
alvh_db_exec (AlvhDb      *db,
              const char  *sql,
              GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db->handle, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, db->errors->domain, db->errors->database,
                   "%s: %s", db->path, msg != NULL ? msg : sqlite3_errmsg (db->handle));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
alvh_db_prepare (AlvhDb      *db,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      alvh_db_set_error (db, error, "cannot prepare a statement");
      return NULL;
    }
  return stmt;
}

sqlite3_stmt *
alvh_db_prepare_cached (AlvhDb      *db,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->stmts, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      alvh_db_set_error (db, error, "cannot prepare a statement");
      return NULL;
    }
  g_hash_table_insert (db->stmts, (gpointer) sql, stmt);
  return stmt;
}

gboolean
alvh_db_step_done (AlvhDb        *db,
                   sqlite3_stmt  *stmt,
                   const char    *what,
                   GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return alvh_db_set_error (db, error, what);
  return TRUE;
}

/* ---- transactions ------------------------------------------------------- */

gboolean
alvh_db_begin (AlvhDb  *db,
               GError **error)
{
  /* the busy handler waits up to five seconds for the lock; a writer that
   * holds it longer (a large import) is waited for again, up to 30 s in all */
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr(AlvhDbCachedStmt) s =
    alvh_db_prepare_cached (db, db->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT alvh_tx", error);
  int rc;

  if (s == NULL)
    return FALSE;
  while ((rc = sqlite3_step (s)) != SQLITE_DONE &&
         ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) &&
         g_get_monotonic_time () < deadline)
    {
      sqlite3_reset (s);
      g_usleep (1000 + g_random_int_range (0, 4000));
    }
  if (rc != SQLITE_DONE)
    return alvh_db_set_error (db, error, "cannot begin a transaction");
  db->depth++;
  return TRUE;
}

gboolean
alvh_db_begin_read (AlvhDb  *db,
                    GError **error)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;
  g_autoptr(AlvhDbCachedStmt) first = NULL;

  if (db->depth > 0)
    return alvh_db_begin (db, error);  /* a savepoint: the snapshot is already taken */
  s = alvh_db_prepare_cached (db, "BEGIN DEFERRED", error);
  if (s == NULL)
    return FALSE;
  if (sqlite3_step (s) != SQLITE_DONE)
    return alvh_db_set_error (db, error, "cannot begin reading");
  db->depth++;
  /* a deferred transaction takes its snapshot at its first read: take it now */
  first = alvh_db_prepare_cached (db, "SELECT count(*) FROM sqlite_schema", error);
  if (first == NULL || sqlite3_step (first) != SQLITE_ROW)
    {
      GError *ignored = NULL;

      if (first != NULL)
        alvh_db_set_error (db, error, "cannot begin reading");
      alvh_db_end (db, FALSE, &ignored);
      g_clear_error (&ignored);
      return FALSE;
    }
  return TRUE;
}

gboolean
alvh_db_end (AlvhDb    *db,
             gboolean   ok,
             GError   **error)
{
  g_assert (db->depth > 0);

  if (ok)
    {
      g_autoptr(AlvhDbCachedStmt) s =
        alvh_db_prepare_cached (db, db->depth == 1 ? "COMMIT" : "RELEASE alvh_tx", error);

      if (s != NULL && sqlite3_step (s) == SQLITE_DONE)
        {
          db->depth--;
          return TRUE;
        }
      if (s != NULL)
        alvh_db_set_error (db, error, "cannot commit");
    }
  /* a failed rollback leaves nothing to do: SQLite has already undone the
   * transaction (its error is the one the caller is reporting) */
  if (db->depth == 1)
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (db->handle, "ROLLBACK TO alvh_tx; RELEASE alvh_tx", NULL, NULL, NULL);
  db->depth--;
  return FALSE;
}

guint
alvh_db_in_transaction (AlvhDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  return db->depth;
}

/* ---- migrations --------------------------------------------------------- */

gboolean
alvh_db_read_user_version (AlvhDb  *db,
                           int     *out_version,
                           GError **error)
{
  g_autoptr(sqlite3_stmt) s = NULL;

  if (sqlite3_prepare_v2 (db->handle, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK ||
      sqlite3_step (s) != SQLITE_ROW)
    return alvh_db_set_error (db, error, "cannot read the schema version");
  *out_version = sqlite3_column_int (s, 0);
  return TRUE;
}

/* One step under the write lock; *done when the file is already at @to. */
static gboolean
migrate_step (AlvhDb              *db,
              const char * const  *migrations,
              int                  n_migrations,
              int                  to,
              int                 *version,
              gboolean            *done,
              GError             **error)
{
  g_autofree char *set_version = NULL;
  GError *ignored = NULL;
  gboolean ok;

  if (!alvh_db_begin (db, error))
    {
      g_prefix_error (error, "migration: ");
      return FALSE;
    }
  if (!alvh_db_read_user_version (db, version, error))
    {
      alvh_db_end (db, FALSE, &ignored);  /* rolling back cannot fail to report */
      g_clear_error (&ignored);
      return FALSE;
    }
  if (*version > n_migrations)
    {
      alvh_db_end (db, FALSE, &ignored);
      g_clear_error (&ignored);
      g_set_error (error, db->errors->domain, db->errors->newer_schema,
                   "%s: the %s was written by a newer version of ALVH Desk "
                   "(schema version %d; this version reads up to %d)",
                   db->path, db->errors->name, *version, n_migrations);
      return FALSE;
    }
  if (*version >= to)
    {
      *done = TRUE;
      return alvh_db_end (db, TRUE, error);  /* done (by us or by another connection) */
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", *version + 1);
  ok = alvh_db_exec (db, migrations[*version], error) && alvh_db_exec (db, set_version, error);
  if (!alvh_db_end (db, ok, error))
    {
      g_prefix_error (error, "migration to schema version %d failed: ", *version + 1);
      return FALSE;
    }
  (*version)++;
  return TRUE;
}

gboolean
alvh_db_migrate (AlvhDb              *db,
                 const char * const  *migrations,
                 int                  n_migrations,
                 int                  to,
                 int                 *out_version,
                 GError             **error)
{
  int version = 0;
  gboolean done = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (to >= 0 && to <= n_migrations, FALSE);

  while (ok && !done)
    ok = migrate_step (db, migrations, n_migrations, to, &version, &done, error);
  if (out_version != NULL)
    *out_version = version;
  return ok;
}

/* ---- rows ---------------------------------------------------------------- */

static gboolean
unknown_value (AlvhDb      *db,
               GError     **error,
               const char  *what)
{
  g_set_error (error, db->errors->domain, db->errors->invalid,
               "%s: %s: a row holds a value this version does not know", db->path, what);
  return FALSE;
}

gboolean
alvh_db_read_rows (AlvhDb           *db,
                   sqlite3_stmt     *stmt,
                   GPtrArray        *out,
                   AlvhDbRowReader   read,
                   const char       *what,
                   GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer record = read (stmt);

      if (record == NULL)
        return unknown_value (db, error, what);
      g_ptr_array_add (out, record);
    }
  if (rc != SQLITE_DONE)
    return alvh_db_set_error (db, error, what);
  return TRUE;
}

gboolean
alvh_db_each_row (AlvhDb          *db,
                  const char      *sql,
                  const gint64    *params,
                  guint            n_params,
                  AlvhDbRowFunc    func,
                  gpointer         user_data,
                  const char      *what,
                  GError         **error)
{
  g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (db, sql, error);

  if (s == NULL)
    return FALSE;
  n_params = MIN (n_params, (guint) sqlite3_bind_parameter_count (s));
  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_int64 (s, (int) i + 1, params[i]);
  return _alvh_db_step_rows (db, s, func, user_data, what, error);
}

gboolean
_alvh_db_step_rows (AlvhDb         *db,
                    sqlite3_stmt   *stmt,
                    AlvhDbRowFunc   func,
                    gpointer        user_data,
                    const char     *what,
                    GError        **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (stmt, user_data, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    return alvh_db_set_error (db, error, what);
  return TRUE;
}

typedef struct
{
  AlvhDb          *db;
  GPtrArray       *out;
  AlvhDbRowReader  read;
  const char      *what;
} ListRows;

static gboolean
add_record_cb (sqlite3_stmt  *stmt,
               gpointer       data,
               GError       **error)
{
  ListRows *l = data;
  gpointer record = l->read (stmt);

  if (record == NULL)
    return unknown_value (l->db, error, l->what);
  g_ptr_array_add (l->out, record);
  return TRUE;
}

GPtrArray *
alvh_db_list_rows (AlvhDb           *db,
                   const char       *sql,
                   const gint64     *params,
                   guint             n_params,
                   GDestroyNotify    free_func,
                   AlvhDbRowReader   read,
                   const char       *what,
                   GError          **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (free_func);
  ListRows l = { db, out, read, what };

  if (!alvh_db_each_row (db, sql, params, n_params, add_record_cb, &l, what, error))
    return NULL;
  return g_steal_pointer (&out);
}

gpointer
alvh_db_read_row_by_id (AlvhDb           *db,
                        const char       *sql,
                        gint64            id,
                        AlvhDbRowReader   read,
                        const char       *kind,
                        const char       *what,
                        int               not_found_code,
                        GError          **error)
{
  g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (db, sql, error);
  gpointer record;
  int rc;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, id);
  rc = sqlite3_step (s);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, db->errors->domain, not_found_code,
                   "%s: no %s with id %" G_GINT64_FORMAT, db->path, kind, id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      alvh_db_set_error (db, error, what);
      return NULL;
    }
  record = read (s);
  if (record == NULL)
    unknown_value (db, error, what);
  return record;
}

/* ---- parameters and columns --------------------------------------------- */

void
alvh_db_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
alvh_db_bind_double (sqlite3_stmt *stmt,
                     int           index,
                     double        value)
{
  if (!isfinite (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

void
alvh_db_bind_id (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

double
alvh_db_column_double (sqlite3_stmt *stmt,
                       int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, index);
}

char *
alvh_db_column_text (sqlite3_stmt *stmt,
                     int           index)
{
  const char *t = (const char *) sqlite3_column_text (stmt, index);
  const char *end;
  GString *out;

  if (t == NULL)
    return NULL;
  end = t + sqlite3_column_bytes (stmt, index);
  if (memchr (t, '\0', (size_t) (end - t)) == NULL && g_utf8_validate_len (t, (gsize) (end - t), NULL))
    return g_strndup (t, (gsize) (end - t));
  /* a text with a NUL inside or with bytes that are not UTF-8 (written by
   * another program): each NUL and each bad sequence becomes U+FFFD, so that
   * nothing after a NUL is cut away silently and every output stays UTF-8 */
  out = g_string_sized_new ((gsize) (end - t) + 8);
  for (const char *p = t; p <= end; )
    {
      const char *nul = memchr (p, '\0', (size_t) (end - p));
      const char *stop = nul != NULL ? nul : end;
      g_autofree char *valid = g_utf8_make_valid (p, stop - p);

      g_string_append (out, valid);
      if (nul == NULL)
        break;
      g_string_append (out, "\xEF\xBF\xBD");
      p = nul + 1;
    }
  return g_string_free (out, FALSE);
}
