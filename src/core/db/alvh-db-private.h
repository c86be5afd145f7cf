/* alvh-db-private.h — the connection's fields, shared by alvh-db.c and alvh-db-open.c */
#pragma once

#include "alvh-db.h"

G_BEGIN_DECLS

struct _AlvhDb
{
  sqlite3            *handle;
  char               *path;
  const AlvhDbErrors *errors;
  guint               depth;      /* open transactions (outer + savepoints) */
  GHashTable         *stmts;      /* const char *sql (static) -> sqlite3_stmt * */
  gboolean            store;      /* opened by alvh_db_open_store(): a file of ours */
  gboolean            read_only;  /* query_only: never checkpoints itself */
};

/* Before closing: a store connection that may write checkpoints the
 * write-ahead log into the file and truncates it (TRUNCATE).  Returns whether
 * the file is now complete on its own (no -wal content left), so that the
 * close counts as clean. */
gboolean _alvh_db_checkpoint           (AlvhDb     *db);

/* Remembers the file's identity (device, inode, size, modification time)
 * as of a clean close, so that the next open can tell whether it changed. */
void     _alvh_db_record_clean_close   (const char *path);

/* Steps @stmt to its end, calling @func on each row (alvh_db_each_row()). */
gboolean _alvh_db_step_rows            (AlvhDb        *db,
                                        sqlite3_stmt  *stmt,
                                        AlvhDbRowFunc  func,
                                        gpointer       user_data,
                                        const char    *what,
                                        GError       **error);

G_END_DECLS
