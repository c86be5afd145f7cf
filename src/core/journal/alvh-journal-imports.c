/* alvh-journal-imports.c — the executions imported from brokers' statements
 *
 * Part of AlvhJournalStore (alvh-journal-store.h); the store's internals are
 * in alvh-journal-store-private.h.
 */
#define G_LOG_DOMAIN "alvh-journal"

#include "config.h"

#include <math.h>

#include <sqlite3.h>

#include "alvh-db.h"
#include "alvh-journal-store.h"
#include "alvh-journal-store-private.h"

gboolean
alvh_journal_store_has_import_key (AlvhJournalStore  *self,
                                   gint64             account_id,
                                   const char        *key,
                                   gboolean          *out_found,
                                   GError           **error)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;
  int rc;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && out_found != NULL, FALSE);

  s = alvh_db_prepare_cached (self->db, "SELECT 1 FROM fill_imports WHERE account_id = ? AND key = ?", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, account_id);
  alvh_db_bind_text (s, 2, key);
  rc = sqlite3_step (s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      alvh_db_set_error (self->db, error, "cannot read the imported executions");
      return FALSE;
    }
  *out_found = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
alvh_journal_store_add_import_key (AlvhJournalStore  *self,
                                   gint64             account_id,
                                   const char        *key,
                                   const char        *broker,
                                   gint64             position_id,
                                   gint64             time,
                                   GError           **error)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && broker != NULL, FALSE);

  s = alvh_db_prepare_cached (self->db,
    "INSERT INTO fill_imports (account_id, key, broker, position_id, time) VALUES (?, ?, ?, ?, ?)", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, account_id);
  alvh_db_bind_text (s, 2, key);
  alvh_db_bind_text (s, 3, broker);
  if (position_id > 0)
    sqlite3_bind_int64 (s, 4, position_id);
  else
    sqlite3_bind_null (s, 4);
  sqlite3_bind_int64 (s, 5, time);
  return alvh_db_step_done (self->db, s, "cannot record the imported execution", error);
}

gint64
alvh_journal_store_count_import_keys (AlvhJournalStore  *self,
                                      gint64             account_id,
                                      GError           **error)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;
  gint64 n = -1;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), -1);
  s = alvh_db_prepare_cached (self->db,
    "SELECT count(*) FROM fill_imports WHERE ?1 = 0 OR account_id = ?1", error);
  if (s == NULL)
    return -1;
  sqlite3_bind_int64 (s, 1, account_id);
  if (sqlite3_step (s) == SQLITE_ROW)
    n = sqlite3_column_int64 (s, 0);
  else
    alvh_db_set_error (self->db, error, "cannot count the imported executions");
  return n;
}

double
alvh_journal_store_open_units (AlvhJournalStore  *self,
                               gint64             id,
                               gboolean           is_condor,
                               GError           **error)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;
  double units = NAN;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NAN);
  s = alvh_db_prepare_cached (self->db, is_condor
    ? "SELECT total (CASE close WHEN 0 THEN quantity ELSE -quantity END) FROM fills WHERE condor_id = ?"
    : "SELECT total (CASE close WHEN 0 THEN quantity ELSE -quantity END) FROM fills WHERE leg_id = ?", error);
  if (s == NULL)
    return NAN;
  sqlite3_bind_int64 (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    units = sqlite3_column_double (s, 0);
  else
    alvh_db_set_error (self->db, error, "cannot read the position's fills");
  return units;
}
