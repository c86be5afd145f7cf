/* alvh-db.h — the one SQLite layer under the journal and the market stores
 *
 * An AlvhDb is one connection to one file: it opens with the pragmas a store
 * asks for, caches prepared statements, nests transactions (BEGIN IMMEDIATE
 * outside, savepoints inside), runs user_version migrations one step per
 * transaction and maps every SQLite failure to a GError in the store's own
 * error domain whose message starts with the file's path.
 *
 * A connection is opened FULLMUTEX but is meant for one thread at a time
 * (open one per thread for concurrent work).
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "alvh-store-mode.h"

G_BEGIN_DECLS

/* The error domain and codes of the store that owns the connection. */
typedef struct
{
  GQuark  domain;
  int     io;            /* the file cannot be opened */
  int     database;      /* SQLite reported an error */
  int     constraint;    /* a constraint failed (unique, check, foreign key) */
  int     invalid;       /* a row holds a value this version does not know */
  int     newer_schema;  /* user_version is newer than this program knows */
  int     missing;       /* no file there (and the mode does not create) */
  int     not_ours;      /* not a file of this kind: refused, left unchanged */
  int     corrupt;       /* PRAGMA quick_check found damage */
  const char *name;      /* "journal", "market store": used in messages */
} AlvhDbErrors;

/* What a store's file is: its PRAGMA application_id and its schema. */
typedef struct
{
  guint32             application_id;  /* ALVH_APPLICATION_ID_* */
  const char * const *migrations;      /* migrations[i] brings version i to i + 1 */
  int                 n_migrations;    /* the newest version this program knows */
  const char         *setup_sql;       /* pragmas of every connection (foreign_keys, cache) */
  const char         *write_setup_sql; /* pragmas of a writing connection (synchronous) */
  guint               page_size;       /* of a new file (a power of two, 512 .. 65536); 0: SQLite's */
} AlvhDbKind;

typedef struct _AlvhDb AlvhDb;

/* A statement from the cache: reset and unbound when it goes out of scope. */
typedef sqlite3_stmt AlvhDbCachedStmt;

/* Reads the record of the current row; NULL when the row holds a value this
 * version does not know (the read then fails with the `invalid` code). */
typedef gpointer (*AlvhDbRowReader) (sqlite3_stmt *stmt);

/* Takes in the current row; FALSE with @error set stops the read. */
typedef gboolean (*AlvhDbRowFunc) (sqlite3_stmt  *stmt,
                                   gpointer       user_data,
                                   GError       **error);

/**
 * alvh_db_open:
 * @path: the database file (it must exist or SQLite creates it)
 * @errors: (transfer none): the owner's error codes; must outlive the connection
 * @open_what: what the message says when the file cannot be opened, e.g. "cannot open"
 * @error: return location for a #GError (@errors->io: "PATH: OPEN_WHAT: why")
 *
 * Opens @path read-write (FULLMUTEX) with extended result codes and a busy
 * timeout of five seconds.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL with @error set.
 */
AlvhDb       *alvh_db_open               (const char          *path,
                                          const AlvhDbErrors  *errors,
                                          const char          *open_what,
                                          GError             **error);

/**
 * alvh_db_open_store:
 * @path: the store's file
 * @errors: (transfer none): the owner's error codes; must outlive the connection
 * @kind: (transfer none): what the file must be; must outlive the connection
 * @mode: whether the command reads, writes or may create the file
 * @target: the schema version to migrate to (<= @kind->n_migrations)
 * @out_created: (out) (optional): whether the file was created now
 * @out_version: (out) (optional): the schema version of the open file
 * @error: return location for a #GError
 *
 * Opens a store file the safe way.  The file is identified before SQLite
 * may write anything: its header (empty file, not SQLite, another program's
 * or the other kind's application_id) and, for a file without an
 * application_id, its tables (a file of an earlier ALVH Desk has our tables
 * and is stamped with the application_id on its first write).  A file that
 * is not ours is refused (@errors->not_ours) naming what it is, and left as
 * it was (no -wal or -shm left beside it).  A missing file is an error
 * (@errors->missing) unless @mode is %ALVH_STORE_CREATE: then it is built
 * complete in a temporary file (0600, folders 0700) and linked into place.
 *
 * When the file changed since its last clean close (or was never seen), it
 * is checked (PRAGMA quick_check); a damaged file is refused
 * (@errors->corrupt) with a copy of it saved beside it.
 *
 * A %ALVH_STORE_READ connection is query-only (an older file of ours is
 * migrated first); the others switch to write-ahead logging, migrate and
 * stamp.  alvh_db_close() of a writing connection checkpoints the log into
 * the file (TRUNCATE).
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL with @error set.
 */
AlvhDb       *alvh_db_open_store         (const char          *path,
                                          const AlvhDbErrors  *errors,
                                          const AlvhDbKind    *kind,
                                          AlvhStoreMode        mode,
                                          int                  target,
                                          gboolean            *out_created,
                                          int                 *out_version,
                                          GError             **error);

/**
 * alvh_db_is_read_only:
 * @db: the connection
 *
 * Returns: whether the connection only reads (%ALVH_STORE_READ).
 */
gboolean      alvh_db_is_read_only       (AlvhDb              *db);

/**
 * alvh_db_close:
 * @db: (nullable) (transfer full): the connection
 *
 * Finalizes the cached statements and closes the connection.
 */
void          alvh_db_close              (AlvhDb              *db);

/**
 * alvh_db_get_handle:
 * @db: the connection
 *
 * Returns: (transfer none): the SQLite handle, for sqlite3_changes() and friends.
 */
sqlite3      *alvh_db_get_handle         (AlvhDb              *db);

/**
 * alvh_db_get_path:
 * @db: the connection
 *
 * Returns: (transfer none): the path it was opened with.
 */
const char   *alvh_db_get_path           (AlvhDb              *db);

/**
 * alvh_db_enable_wal:
 * @db: the connection
 * @error: return location for a #GError
 *
 * Switches the file to write-ahead logging, retrying for up to ten seconds
 * while another connection opening the same new file holds the lock.
 *
 * Returns: %TRUE on success.
 */
gboolean      alvh_db_enable_wal         (AlvhDb              *db,
                                          GError             **error);

/**
 * alvh_db_exec:
 * @db: the connection
 * @sql: one or more statements without parameters
 * @error: return location for a #GError ("PATH: why")
 *
 * Returns: %TRUE when every statement ran.
 */
gboolean      alvh_db_exec               (AlvhDb              *db,
                                          const char          *sql,
                                          GError             **error);

/**
 * alvh_db_prepare:
 * @db: the connection
 * @sql: one statement
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new statement (free it with
 *   sqlite3_finalize(), or hold it in a g_autoptr(sqlite3_stmt)), or %NULL.
 */
sqlite3_stmt *alvh_db_prepare            (AlvhDb              *db,
                                          const char          *sql,
                                          GError             **error);

/**
 * alvh_db_prepare_cached:
 * @db: the connection
 * @sql: one statement in static storage: the cache keys on the pointer
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the cached statement; hold it in a
 *   g_autoptr(AlvhDbCachedStmt) so that it is reset and unbound after use.
 */
sqlite3_stmt *alvh_db_prepare_cached     (AlvhDb              *db,
                                          const char          *sql,
                                          GError             **error);

/**
 * alvh_db_set_error:
 * @db: the connection
 * @error: return location for a #GError
 * @what: what failed, e.g. "cannot add the leg"
 *
 * Sets @error to "PATH: WHAT: SQLite's message" with the constraint code when
 * a constraint failed, else the database code.
 *
 * Returns: %FALSE, so that callers can `return alvh_db_set_error (...)`.
 */
gboolean      alvh_db_set_error          (AlvhDb              *db,
                                          GError             **error,
                                          const char          *what);

/**
 * alvh_db_step_done:
 * @db: the connection
 * @stmt: a bound statement that returns no rows
 * @what: what failed, for the message
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the step ran to SQLITE_DONE.
 */
gboolean      alvh_db_step_done          (AlvhDb              *db,
                                          sqlite3_stmt        *stmt,
                                          const char          *what,
                                          GError             **error);

/**
 * alvh_db_begin:
 * @db: the connection
 * @error: return location for a #GError
 *
 * Begins a transaction: BEGIN IMMEDIATE when none is open, else a savepoint,
 * so that a write running "in a transaction" can sit inside a batch.  While
 * another connection holds the write lock it waits (busy timeout) and
 * retries, for up to 30 seconds in all.
 *
 * Returns: %TRUE when it began; then call alvh_db_end() exactly once.
 */
gboolean      alvh_db_begin              (AlvhDb              *db,
                                          GError             **error);

/**
 * alvh_db_begin_read:
 * @db: the connection
 * @error: return location for a #GError
 *
 * Begins a read transaction (one snapshot of the file for every read until
 * alvh_db_end()), or a savepoint inside an open transaction.
 *
 * Returns: %TRUE when it began; then call alvh_db_end() exactly once.
 */
gboolean      alvh_db_begin_read         (AlvhDb              *db,
                                          GError             **error);

/**
 * alvh_db_end:
 * @db: the connection
 * @ok: whether to commit (else roll back)
 * @error: return location for a #GError (set when the commit fails)
 *
 * Ends the innermost transaction: commits when @ok, else rolls it back (a
 * savepoint alone when it is nested).
 *
 * Returns: whether it committed.
 */
gboolean      alvh_db_end                (AlvhDb              *db,
                                          gboolean             ok,
                                          GError             **error);

/**
 * alvh_db_in_transaction:
 * @db: the connection
 *
 * Returns: how many transactions are open (outer one and savepoints).
 */
guint         alvh_db_in_transaction     (AlvhDb              *db);

/**
 * alvh_db_read_user_version:
 * @db: the connection
 * @out_version: (out): PRAGMA user_version
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean      alvh_db_read_user_version  (AlvhDb              *db,
                                          int                 *out_version,
                                          GError             **error);

/**
 * alvh_db_migrate:
 * @db: the connection
 * @migrations: (array length=n_migrations): migrations[i] brings version i to i + 1
 * @n_migrations: the newest version this program knows
 * @to: the version to reach (<= @n_migrations)
 * @out_version: (out) (optional): the version reached (also on failure)
 * @error: return location for a #GError
 *
 * Brings the file up to @to, each step in its own transaction: the step
 * takes the write lock (BEGIN IMMEDIATE), reads user_version again under it
 * (another connection may have run the step already: then it is skipped),
 * runs the migration and sets user_version.  A file newer than
 * @n_migrations is refused with the newer_schema code and left unchanged.
 *
 * Returns: %TRUE when the file is at version @to or newer (but known).
 */
gboolean      alvh_db_migrate            (AlvhDb              *db,
                                          const char * const  *migrations,
                                          int                  n_migrations,
                                          int                  to,
                                          int                 *out_version,
                                          GError             **error);

/**
 * alvh_db_read_rows:
 * @db: the connection
 * @stmt: a bound statement
 * @out: where the records go
 * @read: (scope call): reads one record per row
 * @what: what failed, for the message
 * @error: return location for a #GError
 *
 * Steps @stmt to the end, adding the record of each row to @out.
 *
 * Returns: %TRUE on success.
 */
gboolean      alvh_db_read_rows          (AlvhDb              *db,
                                          sqlite3_stmt        *stmt,
                                          GPtrArray           *out,
                                          AlvhDbRowReader      read,
                                          const char          *what,
                                          GError             **error);

/**
 * alvh_db_list_rows:
 * @db: the connection
 * @sql: a statement in static storage (cached)
 * @params: (array length=n_params) (nullable): integers bound to parameters
 *   1.. (those beyond the statement's last are left out)
 * @n_params: how many
 * @free_func: frees one record
 * @read: (scope call): reads one record per row
 * @what: what failed, for the message
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the records in a new array that frees
 *   them with @free_func, or %NULL with @error set.
 */
GPtrArray    *alvh_db_list_rows          (AlvhDb              *db,
                                          const char          *sql,
                                          const gint64        *params,
                                          guint                n_params,
                                          GDestroyNotify       free_func,
                                          AlvhDbRowReader      read,
                                          const char          *what,
                                          GError             **error);

/**
 * alvh_db_each_row:
 * @db: the connection
 * @sql: a statement in static storage (cached)
 * @params: (array length=n_params) (nullable): integers bound to parameters
 *   1.. (those beyond the statement's last are left out)
 * @n_params: how many
 * @func: (scope call): called on each row; returns %FALSE with its error set
 *   to stop
 * @user_data: for @func
 * @what: what failed, for the message
 * @error: return location for a #GError
 *
 * Steps a query to its end, calling @func on each row.
 *
 * Returns: %TRUE when every row was read and @func accepted it.
 */
gboolean      alvh_db_each_row           (AlvhDb              *db,
                                          const char          *sql,
                                          const gint64        *params,
                                          guint                n_params,
                                          AlvhDbRowFunc        func,
                                          gpointer             user_data,
                                          const char          *what,
                                          GError             **error);

/**
 * alvh_db_read_row_by_id:
 * @db: the connection
 * @sql: a statement in static storage (cached) with the id as parameter 1
 * @id: the id
 * @read: (scope call): reads the record
 * @kind: what the row is ("leg"), for "no leg with id N"
 * @what: what failed, for the message
 * @not_found_code: the owner's code for a missing row
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error set.
 */
gpointer      alvh_db_read_row_by_id     (AlvhDb              *db,
                                          const char          *sql,
                                          gint64               id,
                                          AlvhDbRowReader      read,
                                          const char          *kind,
                                          const char          *what,
                                          int                  not_found_code,
                                          GError             **error);

/* Parameters and columns: NULL for NAN, for ids <= 0 and for NULL text. */
void          alvh_db_bind_text          (sqlite3_stmt        *stmt,
                                          int                  index,
                                          const char          *text);
void          alvh_db_bind_double        (sqlite3_stmt        *stmt,
                                          int                  index,
                                          double               value);
void          alvh_db_bind_id            (sqlite3_stmt        *stmt,
                                          int                  index,
                                          gint64               id);
/* NAN for NULL */
double        alvh_db_column_double      (sqlite3_stmt        *stmt,
                                          int                  index);
/**
 * alvh_db_column_text:
 * @stmt: a statement on a row
 * @index: the column
 *
 * Returns: (transfer full) (nullable): a copy of the text, %NULL for NULL.
 */
char         *alvh_db_column_text        (sqlite3_stmt        *stmt,
                                          int                  index);

/* ---- values by a format ---------------------------------------------------
 *
 * One character per parameter (bound to 1, 2, ...) or column (read from 0,
 * 1, ...), taking the C type in brackets (by value to bind, by pointer to
 * read):
 *   i  an integer (gint64)
 *   n  an id (gint64): bound as NULL when <= 0; read as 0 for NULL
 *   b  a flag (gboolean): 1 or 0
 *   I  an int (int)
 *   d  a number (double)
 *   f  a number (double) that may be missing: NULL for NAN, NAN for NULL
 *   t  text (const char * to bind, NULL for NULL; char ** to read, a
 *      (transfer full) copy as alvh_db_column_text() makes)
 *   -  (columns only) a column that is skipped, no argument
 * Pass exactly these types: an int literal where a gint64 or a double is
 * expected is undefined behaviour in a variadic call.
 */

/**
 * alvh_db_bind_values:
 * @stmt: a statement
 * @format: the parameters' types (see above)
 * @...: one value per type
 *
 * Binds parameters 1, 2, ... of @stmt.
 */
void          alvh_db_bind_values        (sqlite3_stmt        *stmt,
                                          const char          *format,
                                          ...);

/**
 * alvh_db_read_columns:
 * @stmt: a statement on a row
 * @format: the columns' types (see above)
 * @...: one pointer per type, filled from columns 0, 1, ...
 */
void          alvh_db_read_columns       (sqlite3_stmt        *stmt,
                                          const char          *format,
                                          ...);

typedef enum
{
  ALVH_DB_WRITE_CHANGES,  /* how many rows it changed, -1 on failure */
  ALVH_DB_WRITE_ROWID,    /* the new row's id, 0 on failure */
} AlvhDbWriteResult;

/**
 * alvh_db_write:
 * @db: the connection
 * @result: what to return
 * @sql: a statement in static storage (cached) that returns no rows
 * @what: what failed, for the message
 * @error: return location for a #GError (before the values, as in g_set_error())
 * @format: the parameters' types (see above)
 * @...: one value per type
 *
 * Binds and steps one INSERT, UPDATE or DELETE.  Use it through
 * alvh_db_run() (%TRUE on success), alvh_db_run_count() (the rows changed,
 * -1 on failure) or alvh_db_insert() (the new row's id, 0 on failure).
 *
 * Returns: as @result says, with @error set on failure.
 */
gint64        alvh_db_write              (AlvhDb              *db,
                                          AlvhDbWriteResult    result,
                                          const char          *sql,
                                          const char          *what,
                                          GError             **error,
                                          const char          *format,
                                          ...);
#define alvh_db_run(db, sql, what, error, ...) \
  (alvh_db_write ((db), ALVH_DB_WRITE_CHANGES, (sql), (what), (error), __VA_ARGS__) >= 0)
#define alvh_db_run_count(db, sql, what, error, ...) \
  alvh_db_write ((db), ALVH_DB_WRITE_CHANGES, (sql), (what), (error), __VA_ARGS__)
#define alvh_db_insert(db, sql, what, error, ...) \
  alvh_db_write ((db), ALVH_DB_WRITE_ROWID, (sql), (what), (error), __VA_ARGS__)

/**
 * alvh_db_select_row:
 * @db: the connection
 * @sql: a query in static storage (cached)
 * @what: what failed, for the message
 * @found: (out) (optional): whether there was a row
 * @error: return location for a #GError
 * @format: the parameters' types, then '>' and the columns' types
 *   ("t>in": bind one text, read an integer and an id)
 * @...: the parameters' values, then the columns' pointers
 *
 * Reads the first row of a query; without a row the pointers are left as
 * they are.
 *
 * Returns: %TRUE on success (with or without a row), %FALSE with @error set.
 */
gboolean      alvh_db_select_row         (AlvhDb              *db,
                                          const char          *sql,
                                          const char          *what,
                                          gboolean            *found,
                                          GError             **error,
                                          const char          *format,
                                          ...);

/**
 * alvh_db_select_rows:
 * @db: the connection
 * @sql: a query in static storage (cached)
 * @what: what failed, for the message
 * @func: (scope call): called on each row; returns %FALSE with its error set
 *   to stop
 * @user_data: for @func
 * @error: return location for a #GError
 * @format: the parameters' types (see above)
 * @...: one value per type
 *
 * Binds parameters 1, 2, ... by @format and steps the query to its end,
 * calling @func on each row: alvh_db_each_row() for parameters that are not
 * all integers.
 *
 * Returns: %TRUE when every row was read and @func accepted it.
 */
gboolean      alvh_db_select_rows        (AlvhDb              *db,
                                          const char          *sql,
                                          const char          *what,
                                          AlvhDbRowFunc        func,
                                          gpointer             user_data,
                                          GError             **error,
                                          const char          *format,
                                          ...);

/**
 * alvh_db_step_reset:
 * @db: the connection
 * @stmt: a bound statement that returns no rows, held for many rows (a bulk
 *   write); its parameters stay bound
 * @what: what failed, for the message
 * @error: return location for a #GError
 *
 * Steps @stmt to SQLITE_DONE and resets it for the next row (also when it
 * failed).
 *
 * Returns: %TRUE when the step ran to SQLITE_DONE.
 */
gboolean      alvh_db_step_reset         (AlvhDb              *db,
                                          sqlite3_stmt        *stmt,
                                          const char          *what,
                                          GError             **error);

void          alvh_db_cached_stmt_release (AlvhDbCachedStmt   *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhDbCachedStmt, alvh_db_cached_stmt_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhDb, alvh_db_close)

G_END_DECLS
