/* alvh-journal-accounts.c — accounts, versioned rule profiles and macro events in the journal
 *
 * Part of AlvhJournalStore (alvh-journal-store.h); the store's internals are
 * in alvh-journal-store-private.h.
 */
#define G_LOG_DOMAIN "alvh-journal"

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "alvh-db.h"
#include "alvh-journal-store.h"
#include "alvh-journal-store-private.h"

/* ---- accounts ------------------------------------------------------------ */

static AlvhJournalAccount *
account_from_row (sqlite3_stmt *s)
{
  AlvhJournalAccount *a = g_new0 (AlvhJournalAccount, 1);

  alvh_db_read_columns (s, "it", &a->id, &a->name);
  return a;
}

GPtrArray *
alvh_journal_store_list_accounts (AlvhJournalStore  *self,
                                  GError           **error)
{
  return alvh_db_list_rows (self->db, "SELECT id, name FROM accounts ORDER BY name, id",
                    NULL, 0, (GDestroyNotify) alvh_journal_account_free,
                    (AlvhDbRowReader) account_from_row, "cannot list accounts", error);
}

gint64
alvh_journal_store_create_account (AlvhJournalStore  *self,
                                   const char        *name,
                                   GError           **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  id = alvh_db_insert (self->db, "INSERT INTO accounts (name) VALUES (?)", "cannot create the account", error, "t", name);
  return alvh_db_end (self->db, id > 0, error) ? id : 0;
}

/* Idempotent: under the write lock, insert unless the name exists, then
 * read its id; two processes asking at once get the same account. */
gint64
alvh_journal_store_ensure_account (AlvhJournalStore  *self,
                                   const char        *name,
                                   GError           **error)
{
  gint64 id = 0;
  gboolean ok, found = FALSE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  ok = alvh_db_run (self->db, "INSERT INTO accounts (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
                    "cannot create the account", error, "t", name)
       && alvh_db_select_row (self->db, "SELECT id FROM accounts WHERE name = ?", "cannot read the account",
                              &found, error, "t>i", name, &id);
  if (ok && !found)
    ok = alvh_db_set_error (self->db, error, "cannot read the account");
  return alvh_db_end (self->db, ok, error) ? id : 0;
}

gboolean
alvh_journal_store_rename_account (AlvhJournalStore  *self,
                                   gint64             id,
                                   const char        *name,
                                   GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  ok = _alvh_journal_store_changed_one (self,
         alvh_db_run_count (self->db, "UPDATE accounts SET name = ? WHERE id = ?",
                            "cannot rename the account", error, "ti", name, id),
         "account", id, error);
  return alvh_db_end (self->db, ok, error);
}

/* ---- profiles ------------------------------------------------------------ */

static AlvhJournalProfile *
profile_from_row (sqlite3_stmt *s)
{
  AlvhJournalProfile *p = g_new0 (AlvhJournalProfile, 1);

  alvh_db_read_columns (s, "itIti", &p->id, &p->name, &p->version, &p->keyfile, &p->created);
  return p;
}

gint64
alvh_journal_store_save_profile (AlvhJournalStore  *self,
                                 const char        *name,
                                 const char        *keyfile,
                                 int               *out_version,
                                 GError           **error)
{
  gint64 id = 0;
  int version = 0;
  gboolean ok, same = FALSE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (name != NULL && keyfile != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT id, version, keyfile FROM profiles WHERE name = ? ORDER BY version DESC LIMIT 1", error);
    int rc;

    ok = s != NULL;
    if (ok)
      {
        alvh_db_bind_text (s, 1, name);
        rc = sqlite3_step (s);
        if (rc == SQLITE_ROW)
          {
            version = sqlite3_column_int (s, 1);
            if (g_strcmp0 ((const char *) sqlite3_column_text (s, 2), keyfile) == 0)
              {
                same = TRUE;
                id = sqlite3_column_int64 (s, 0);
              }
          }
        else if (rc != SQLITE_DONE)
          ok = alvh_db_set_error (self->db, error, "cannot read profiles");
      }
  }
  if (ok && !same)
    {
      version++;
      id = alvh_db_insert (self->db, "INSERT INTO profiles (name, version, keyfile, created) VALUES (?, ?, ?, ?)",
                           "cannot save the profile", error, "tIti", name, version, keyfile,
                           (gint64) (g_get_real_time () / G_USEC_PER_SEC));
      ok = id > 0;
    }
  if (!alvh_db_end (self->db, ok, error))
    return 0;
  if (out_version != NULL)
    *out_version = version;
  return id;
}

GPtrArray *
alvh_journal_store_list_profiles (AlvhJournalStore  *self,
                                  GError           **error)
{
  return alvh_db_list_rows (self->db,
    "SELECT id, name, version, keyfile, created FROM profiles ORDER BY name, version",
    NULL, 0, (GDestroyNotify) alvh_journal_profile_free,
    (AlvhDbRowReader) profile_from_row, "cannot list profiles", error);
}

AlvhJournalProfile *
alvh_journal_store_get_profile (AlvhJournalStore  *self,
                                const char        *name,
                                int                version,
                                GError           **error)
{
  g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
    "SELECT id, name, version, keyfile, created FROM profiles"
    " WHERE name = ?1 AND (?2 = 0 OR version = ?2) ORDER BY version DESC LIMIT 1", error);
  int rc;

  if (s == NULL)
    return NULL;
  alvh_db_bind_text (s, 1, name);
  sqlite3_bind_int (s, 2, version);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    return profile_from_row (s);
  if (rc == SQLITE_DONE)
    g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND,
                 "%s: no profile “%s” version %d", self->path, name, version);
  else
    alvh_db_set_error (self->db, error, "cannot read the profile");
  return NULL;
}

/* The built-in default profile: its name is kept and it is never deleted. */
#define DEFAULT_PROFILE_NAME "Default"

static gboolean
profile_name_exists_locked (AlvhJournalStore  *self,
                            const char        *name,
                            gboolean          *out_exists,
                            GError           **error)
{
  return alvh_db_select_row (self->db, "SELECT 1 FROM profiles WHERE name = ? LIMIT 1",
                             "cannot read profiles", out_exists, error, "t", name);
}

/* The key file text with its [profile] name= set to @name; the text as it is
 * when it is not a key file with that key. */
static char *
keyfile_with_name (const char *text,
                   const char *name)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  if (text == NULL ||
      !g_key_file_load_from_data (kf, text, (gsize) -1,
                                  G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, NULL) ||
      !g_key_file_has_key (kf, "profile", "name", NULL))
    return g_strdup (text);
  g_key_file_set_string (kf, "profile", "name", name);
  return g_key_file_to_data (kf, NULL, NULL);
}

/**
 * alvh_journal_store_rename_profile:
 * @self: the store
 * @old_name: the current name
 * @new_name: the new name
 * @error: return location for a #GError
 *
 * Renames every version of the profile @old_name to @new_name (the key file
 * texts' name= follows), and the decisions that name it, so that each
 * decision still finds the exact profile (name + version) that produced it.
 * Refuses the built-in "Default" (either side), an empty name and a name in
 * use (ALVH_JOURNAL_ERROR_INVALID); ALVH_JOURNAL_ERROR_NOT_FOUND without @old_name.
 *
 * Returns: %TRUE on success
 */
gboolean
alvh_journal_store_rename_profile (AlvhJournalStore  *self,
                                   const char        *old_name,
                                   const char        *new_name,
                                   GError           **error)
{
  g_autofree char *name = NULL;
  gboolean ok, exists = FALSE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (old_name != NULL, FALSE);

  name = g_strstrip (g_strdup (new_name != NULL ? new_name : ""));
  if (*name == '\0' || strcmp (old_name, DEFAULT_PROFILE_NAME) == 0 ||
      strcmp (name, DEFAULT_PROFILE_NAME) == 0)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: renaming profile “%s” to “%s”: %s", self->path, old_name, name,
                   *name == '\0' ? "expected a non-empty name"
                   : "the built-in profile “" DEFAULT_PROFILE_NAME "” keeps its name");
      return FALSE;
    }
  if (strcmp (name, old_name) == 0)
    return TRUE;
  if (!alvh_db_begin (self->db, error))
    return FALSE;
  ok = profile_name_exists_locked (self, old_name, &exists, error);
  if (ok && !exists)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND,
                   "%s: no profile “%s”", self->path, old_name);
      ok = FALSE;
    }
  if (ok)
    ok = profile_name_exists_locked (self, name, &exists, error);
  if (ok && exists)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: renaming profile “%s”: a profile named “%s” exists already",
                   self->path, old_name, name);
      ok = FALSE;
    }
  if (ok)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      {
        g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "SELECT id, keyfile FROM profiles WHERE name = ?", error);
        int rc;

        ok = s != NULL;
        if (ok)
          {
            alvh_db_bind_text (s, 1, old_name);
            while ((rc = sqlite3_step (s)) == SQLITE_ROW)
              {
                gint64 id = sqlite3_column_int64 (s, 0);

                g_array_append_val (ids, id);
                g_ptr_array_add (texts, keyfile_with_name ((const char *) sqlite3_column_text (s, 1), name));
              }
            if (rc != SQLITE_DONE)
              ok = alvh_db_set_error (self->db, error, "cannot read profiles");
          }
      }
      for (guint i = 0; ok && i < ids->len; i++)
        ok = alvh_db_run (self->db, "UPDATE profiles SET name = ?, keyfile = ? WHERE id = ?",
                          "cannot rename the profile", error, "tti", name,
                          (const char *) g_ptr_array_index (texts, i), g_array_index (ids, gint64, i));
    }
  if (ok)
    ok = alvh_db_run (self->db, "UPDATE decisions SET profile_name = ? WHERE profile_name = ?",
                      "cannot rename the profile in its decisions", error, "tt", name, old_name);
  return alvh_db_end (self->db, ok, error);
}

/**
 * alvh_journal_store_delete_profile:
 * @self: the store
 * @name: the name
 * @error: return location for a #GError
 *
 * Deletes every version of the profile @name.  Decisions keep their copy of
 * the name and version, their signal snapshots (value and threshold as the
 * evaluator saw them) and their explanation, so history stays readable.
 * Refuses the built-in "Default" (ALVH_JOURNAL_ERROR_INVALID);
 * ALVH_JOURNAL_ERROR_NOT_FOUND when no version exists.
 *
 * Returns: %TRUE on success
 */
gboolean
alvh_journal_store_delete_profile (AlvhJournalStore  *self,
                                   const char        *name,
                                   GError           **error)
{
  gint64 changes;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (strcmp (name, DEFAULT_PROFILE_NAME) == 0)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: the built-in profile “%s” cannot be deleted", self->path, name);
      return FALSE;
    }
  if (!alvh_db_begin (self->db, error))
    return FALSE;
  changes = alvh_db_run_count (self->db, "DELETE FROM profiles WHERE name = ?", "cannot delete the profile", error, "t", name);
  if (changes == 0)
    g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND,
                 "%s: no profile “%s”", self->path, name);
  return alvh_db_end (self->db, changes > 0, error);
}

/* ---- events ------------------------------------------------------------- */

static gboolean
check_event (AlvhJournalStore  *self,
             const AlvhEvent   *event,
             GError           **error)
{
  if (!alvh_event_kind_is_valid (event->kind))
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: event: expected a kind CPI, PPI, FOMC or OTHER (got %d)",
                   self->path, (int) event->kind);
      return FALSE;
    }
  return TRUE;
}

gint64
alvh_journal_store_add_event (AlvhJournalStore        *self,
                              const AlvhEvent  *event,
                              GError                 **error)
{
  gint64 id = 0;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (event != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  /* inside the transaction: in a batch, a refused write is undone alone */
  if (check_event (self, event, error))
    id = alvh_db_insert (self->db, "INSERT INTO events (date, kind, shift, note) VALUES (?, ?, ?, ?)",
                         "cannot add the event", error, "itbt", event->time,
                         alvh_event_kind_to_string (event->kind), event->shift,
                         event->note != NULL ? event->note : "");
  return alvh_db_end (self->db, id > 0, error) ? id : 0;
}

gboolean
alvh_journal_store_update_event (AlvhJournalStore        *self,
                                 const AlvhEvent  *event,
                                 GError                 **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  ok = check_event (self, event, error)
       && _alvh_journal_store_changed_one (self,
            alvh_db_run_count (self->db, "UPDATE events SET date = ?, kind = ?, shift = ?, note = ? WHERE id = ?",
                               "cannot update the event", error, "itbti", event->time,
                               alvh_event_kind_to_string (event->kind), event->shift,
                               event->note != NULL ? event->note : "", event->id),
            "event", event->id, error);
  return alvh_db_end (self->db, ok, error);
}

gboolean
alvh_journal_store_delete_event (AlvhJournalStore  *self,
                                 gint64             id,
                                 GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  ok = _alvh_journal_store_changed_one (self,
         alvh_db_run_count (self->db, "DELETE FROM events WHERE id = ?", "cannot delete the event", error, "i", id),
         "event", id, error);
  return alvh_db_end (self->db, ok, error);
}

static AlvhEvent *
event_from_row (sqlite3_stmt *s)
{
  AlvhEventKind kind;
  AlvhEvent *e;

  /* the schema's CHECK allows only the four kinds */
  if (!alvh_event_kind_from_string ((const char *) sqlite3_column_text (s, 2), &kind))
    return NULL;
  e = alvh_event_new (sqlite3_column_int64 (s, 1), kind, sqlite3_column_int (s, 3) != 0,
                      (const char *) sqlite3_column_text (s, 4));
  e->id = sqlite3_column_int64 (s, 0);
  return e;
}

GPtrArray *
alvh_journal_store_list_events (AlvhJournalStore  *self,
                                gint64             from,
                                gint64             to,
                                GError           **error)
{
  const gint64 params[] = { from, to };

  return alvh_db_list_rows (self->db,
    "SELECT id, date, kind, shift, note FROM events"
    " WHERE (?1 = 0 OR date >= ?1) AND (?2 = 0 OR date < ?2) ORDER BY date, id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_event_free,
    (AlvhDbRowReader) event_from_row, "cannot list events", error);
}

