/* alvh-db-values.c — binding parameters and reading columns by a format, and
 * the one-statement writes and reads built on it (see alvh-db.h) */
#define G_LOG_DOMAIN "alvh-db"

#include "config.h"

#include <math.h>
#include <stdarg.h>

#include "alvh-db.h"
#include "alvh-db-private.h"

/* Binds parameters 1.. from @args by @format, up to its end or a '>'; returns
 * where it stopped. */
static const char *
bind_valist (sqlite3_stmt *stmt,
             const char   *format,
             va_list      *args)
{
  int index = 1;
  const char *f;

  for (f = format; *f != '\0' && *f != '>'; f++, index++)
    switch (*f)
      {
      case 'i':
        sqlite3_bind_int64 (stmt, index, va_arg (*args, gint64));
        break;
      case 'n':
        alvh_db_bind_id (stmt, index, va_arg (*args, gint64));
        break;
      case 'b':
        sqlite3_bind_int (stmt, index, va_arg (*args, gboolean) ? 1 : 0);
        break;
      case 'I':
        sqlite3_bind_int (stmt, index, va_arg (*args, int));
        break;
      case 'd':
        sqlite3_bind_double (stmt, index, va_arg (*args, double));
        break;
      case 'f':
        alvh_db_bind_double (stmt, index, va_arg (*args, double));
        break;
      case 't':
        alvh_db_bind_text (stmt, index, va_arg (*args, const char *));
        break;
      default:
        g_critical ("alvh_db: unknown parameter type '%c' in \"%s\"", *f, format);
        return f;
      }
  return f;
}

static void
read_valist (sqlite3_stmt *stmt,
             const char   *format,
             va_list      *args)
{
  int index = 0;

  for (const char *f = format; *f != '\0'; f++, index++)
    switch (*f)
      {
      case 'i':
      case 'n':
        *va_arg (*args, gint64 *) = sqlite3_column_int64 (stmt, index);
        break;
      case 'b':
        *va_arg (*args, gboolean *) = sqlite3_column_int (stmt, index) != 0;
        break;
      case 'I':
        *va_arg (*args, int *) = sqlite3_column_int (stmt, index);
        break;
      case 'd':
        *va_arg (*args, double *) = sqlite3_column_double (stmt, index);
        break;
      case 'f':
        *va_arg (*args, double *) = alvh_db_column_double (stmt, index);
        break;
      case 't':
        *va_arg (*args, char **) = alvh_db_column_text (stmt, index);
        break;
      case '-':
        break;
      default:
        g_critical ("alvh_db: unknown column type '%c' in \"%s\"", *f, format);
        return;
      }
}

void
alvh_db_bind_values (sqlite3_stmt *stmt,
                     const char   *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  bind_valist (stmt, format, &args);
  va_end (args);
}

void
alvh_db_read_columns (sqlite3_stmt *stmt,
                      const char   *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  read_valist (stmt, format, &args);
  va_end (args);
}

/* The cached statement of @sql with parameters 1.. bound from @args by
 * @format (up to its end or a '>': where it stopped goes to @rest), or NULL
 * with @error set */
static sqlite3_stmt *
prepare_bound (AlvhDb       *db,
               const char   *sql,
               GError      **error,
               const char   *format,
               va_list      *args,
               const char  **rest)
{
  sqlite3_stmt *s = alvh_db_prepare_cached (db, sql, error);

  if (s != NULL)
    *rest = bind_valist (s, format, args);
  return s;
}

gint64
alvh_db_write (AlvhDb            *db,
               AlvhDbWriteResult  result,
               const char        *sql,
               const char        *what,
               GError           **error,
               const char        *format,
               ...)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;
  gint64 failed = result == ALVH_DB_WRITE_ROWID ? 0 : -1;
  const char *rest;
  va_list args;

  va_start (args, format);
  s = prepare_bound (db, sql, error, format, &args, &rest);
  va_end (args);
  if (s == NULL || !alvh_db_step_done (db, s, what, error))
    return failed;
  return result == ALVH_DB_WRITE_ROWID ? sqlite3_last_insert_rowid (db->handle) : sqlite3_changes64 (db->handle);
}

gboolean
alvh_db_select_row (AlvhDb      *db,
                    const char  *sql,
                    const char  *what,
                    gboolean    *found,
                    GError     **error,
                    const char  *format,
                    ...)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;
  const char *columns = "";
  va_list args;
  int rc = SQLITE_ERROR;

  if (found != NULL)
    *found = FALSE;
  va_start (args, format);
  s = prepare_bound (db, sql, error, format, &args, &columns);
  if (s != NULL)
    rc = sqlite3_step (s);
  if (rc == SQLITE_ROW && *columns == '>')
    read_valist (s, columns + 1, &args);
  va_end (args);
  if (s == NULL)
    return FALSE;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return alvh_db_set_error (db, error, what);
  if (found != NULL)
    *found = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
alvh_db_select_rows (AlvhDb         *db,
                     const char     *sql,
                     const char     *what,
                     AlvhDbRowFunc   func,
                     gpointer        user_data,
                     GError        **error,
                     const char     *format,
                     ...)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;
  const char *rest;
  va_list args;

  va_start (args, format);
  s = prepare_bound (db, sql, error, format, &args, &rest);
  va_end (args);
  return s != NULL && _alvh_db_step_rows (db, s, func, user_data, what, error);
}

gboolean
alvh_db_step_reset (AlvhDb        *db,
                    sqlite3_stmt  *stmt,
                    const char    *what,
                    GError       **error)
{
  gboolean ok = alvh_db_step_done (db, stmt, what, error);

  sqlite3_reset (stmt);
  return ok;
}
