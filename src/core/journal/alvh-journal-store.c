/* alvh-journal-store.c — the journal and app database (alvh.sqlite) */
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

struct _AlvhJournalStore
{
  GObject     parent_instance;

  AlvhDb     *db;
  char       *path;
  int         schema_version;
};

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

/* ---- migrations -------------------------------------------------------- */

/* migrations[i] brings a file from version i to version i + 1.
 * Never edit a released step: append a new one. */
static const char * const migrations[] = {
  /* 0 -> 1: the base schema */
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0));"

  "CREATE TABLE profiles ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  keyfile TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  UNIQUE (name, version));"

  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  date INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('CPI','PPI','FOMC','OTHER')),"
  "  shift INTEGER NOT NULL DEFAULT 0 CHECK (shift IN (0,1)),"
  "  note TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX events_date ON events (date);"

  "CREATE TABLE condors ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  long_put REAL NOT NULL, short_put REAL NOT NULL,"
  "  short_call REAL NOT NULL, long_call REAL NOT NULL,"
  "  expiry INTEGER NOT NULL,"
  "  units REAL NOT NULL CHECK (units > 0),"
  "  credit REAL NOT NULL,"
  "  opened INTEGER NOT NULL,"
  "  closed INTEGER,"
  "  close_price REAL,"
  "  CHECK (long_put < short_put AND short_put < short_call AND short_call < long_call));"
  "CREATE INDEX condors_account ON condors (account_id, closed);"

  "CREATE TABLE decisions ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  condor_id INTEGER REFERENCES condors (id),"
  "  time INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  branch TEXT NOT NULL,"
  "  layer INTEGER NOT NULL DEFAULT 0,"
  "  size REAL NOT NULL DEFAULT 0,"
  "  proposed_kind TEXT,"
  "  proposed_long_strike REAL,"
  "  proposed_short_strike REAL,"
  "  proposed_expiry INTEGER,"
  "  cost REAL,"
  "  profile_name TEXT,"
  "  profile_version INTEGER,"
  "  explanation TEXT NOT NULL DEFAULT '',"
  "  followed TEXT CHECK (followed IN ('followed','skipped','manual')),"
  "  skip_reason TEXT);"
  "CREATE INDEX decisions_account_time ON decisions (account_id, time);"
  "CREATE INDEX decisions_branch ON decisions (branch);"

  "CREATE TABLE signal_snapshots ("
  "  id INTEGER PRIMARY KEY,"
  "  decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  value REAL,"
  "  threshold REAL,"
  "  threshold_high REAL,"
  "  fired INTEGER NOT NULL DEFAULT 0 CHECK (fired IN (0,1)),"
  "  UNIQUE (decision_id, key));"
  /* a snapshot is what the evaluator saw: it never changes afterwards */
  "CREATE TRIGGER signal_snapshots_frozen BEFORE UPDATE ON signal_snapshots"
  " BEGIN SELECT RAISE (ABORT, 'signal snapshots are immutable'); END;"

  "CREATE TABLE legs ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  condor_id INTEGER REFERENCES condors (id),"
  "  decision_id INTEGER REFERENCES decisions (id),"
  "  kind TEXT NOT NULL,"
  "  long_strike REAL,"
  "  short_strike REAL,"
  "  expiry INTEGER NOT NULL,"
  "  quantity REAL NOT NULL CHECK (quantity > 0),"
  "  premium REAL NOT NULL,"
  "  layer INTEGER NOT NULL DEFAULT 0,"
  "  opened INTEGER NOT NULL,"
  "  manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0,1)),"
  "  closed_quantity REAL NOT NULL DEFAULT 0,"
  "  close_price REAL,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  CHECK (closed_quantity >= 0 AND closed_quantity <= quantity + 1e-9));"
  "CREATE INDEX legs_account ON legs (account_id, closed_quantity);"
  "CREATE INDEX legs_condor ON legs (condor_id);"
  "CREATE INDEX legs_decision ON legs (decision_id);"

  "CREATE TABLE leg_closes ("
  "  id INTEGER PRIMARY KEY,"
  "  leg_id INTEGER NOT NULL REFERENCES legs (id) ON DELETE CASCADE,"
  "  time INTEGER NOT NULL,"
  "  quantity REAL NOT NULL CHECK (quantity > 0),"
  "  price REAL NOT NULL);"
  "CREATE INDEX leg_closes_leg ON leg_closes (leg_id, time);"

  "CREATE TABLE leg_signals ("
  "  leg_id INTEGER NOT NULL REFERENCES legs (id) ON DELETE CASCADE,"
  "  snapshot_id INTEGER NOT NULL REFERENCES signal_snapshots (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (leg_id, snapshot_id)) WITHOUT ROWID;"
  "CREATE INDEX leg_signals_snapshot ON leg_signals (snapshot_id);"

  "CREATE TABLE entries ("
  "  id INTEGER PRIMARY KEY,"
  "  time INTEGER NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"     /* the tag names, space separated, for FTS */
  "  account_id INTEGER REFERENCES accounts (id),"
  "  decision_id INTEGER REFERENCES decisions (id),"
  "  leg_id INTEGER REFERENCES legs (id),"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0,1)));"
  /* walks newest first in (time, id) order; decision_id for the probes */
  "CREATE INDEX entries_time ON entries (deleted, time, id, decision_id);"

  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE entry_tags ("
  "  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id),"
  "  PRIMARY KEY (entry_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX entry_tags_tag ON entry_tags (tag_id, entry_id);"

  "CREATE VIRTUAL TABLE entries_fts USING fts5 ("
  "  title, body, tags, content='entries', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN"
  "  INSERT INTO entries_fts (rowid, title, body, tags)"
  "  VALUES (new.id, new.title, new.body, new.tags); END;"
  "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN"
  "  INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)"
  "  VALUES ('delete', old.id, old.title, old.body, old.tags); END;"
  "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body, tags ON entries BEGIN"
  "  INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)"
  "  VALUES ('delete', old.id, old.title, old.body, old.tags);"
  "  INSERT INTO entries_fts (rowid, title, body, tags)"
  "  VALUES (new.id, new.title, new.body, new.tags); END;",

  /* 1 -> 2: screenshots on entries; indexes for the entry filters */
  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
  "  png BLOB NOT NULL,"
  "  caption TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX attachments_entry ON attachments (entry_id);"
  "CREATE INDEX entries_decision ON entries (decision_id);"
  "CREATE INDEX entries_leg ON entries (leg_id);"
  "CREATE INDEX legs_manual ON legs (id) WHERE manual = 1;"
  "CREATE INDEX signal_snapshots_key ON signal_snapshots (key, fired, decision_id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ALVH_JOURNAL_SCHEMA_VERSION);

/* ---- records ------------------------------------------------------------ */

void
alvh_journal_account_free (AlvhJournalAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account);
}

void
alvh_journal_profile_free (AlvhJournalProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_free (profile->keyfile);
  g_free (profile);
}

void
alvh_journal_leg_close_free (AlvhJournalLegClose *close)
{
  g_free (close);
}

AlvhJournalSignal *
alvh_journal_signal_new (const char *key,
                         const char *kind,
                         gboolean    available,
                         double      value,
                         double      threshold,
                         gboolean    fired)
{
  AlvhJournalSignal *s = g_new0 (AlvhJournalSignal, 1);

  s->key = g_strdup (key);
  s->kind = g_strdup (kind != NULL ? kind : "realtime");
  s->available = available && isfinite (value);
  s->value = s->available ? value : NAN;
  s->threshold = threshold;
  s->threshold_high = NAN;
  s->fired = s->available && fired;  /* n/a never fires */
  return s;
}

void
alvh_journal_signal_free (AlvhJournalSignal *signal)
{
  if (signal == NULL)
    return;
  g_free (signal->key);
  g_free (signal->kind);
  g_free (signal);
}

AlvhJournalDecision *
alvh_journal_decision_new (void)
{
  AlvhJournalDecision *d = g_new0 (AlvhJournalDecision, 1);

  d->proposed_long_strike = NAN;
  d->proposed_short_strike = NAN;
  d->cost = NAN;
  d->signals = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_signal_free);
  return d;
}

void
alvh_journal_decision_free (AlvhJournalDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->action);
  g_free (decision->branch);
  g_free (decision->proposed_kind);
  g_free (decision->profile_name);
  g_free (decision->explanation);
  g_free (decision->skip_reason);
  g_clear_pointer (&decision->signals, g_ptr_array_unref);
  g_free (decision);
}

AlvhJournalEntry *
alvh_journal_entry_new (void)
{
  return g_new0 (AlvhJournalEntry, 1);
}

void
alvh_journal_entry_free (AlvhJournalEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->title);
  g_free (entry->body);
  g_strfreev (entry->tags);
  g_free (entry);
}

void
alvh_journal_attachment_free (AlvhJournalAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_clear_pointer (&attachment->png, g_bytes_unref);
  g_free (attachment->caption);
  g_free (attachment);
}

void
alvh_journal_leg_outcome_free (AlvhJournalLegOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->branch);
  g_strfreev (outcome->triggers);
  g_free (outcome);
}

void
alvh_journal_stat_row_free (AlvhJournalStatRow *row)
{
  if (row == NULL)
    return;
  g_free (row->group);
  g_free (row);
}

void
alvh_journal_stats_free (AlvhJournalStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->by_trigger, g_ptr_array_unref);
  g_clear_pointer (&stats->by_combination, g_ptr_array_unref);
  g_clear_pointer (&stats->by_branch, g_ptr_array_unref);
  g_clear_pointer (&stats->condors, g_ptr_array_unref);
  g_clear_pointer (&stats->adherence, g_ptr_array_unref);
  g_free (stats);
}

const char *
alvh_journal_followed_to_string (AlvhJournalFollowed followed)
{
  switch (followed)
    {
    case ALVH_JOURNAL_FOLLOWED: return "followed";
    case ALVH_JOURNAL_SKIPPED:  return "skipped";
    case ALVH_JOURNAL_MANUAL:   return "manual";
    case ALVH_JOURNAL_PENDING:
    default:                    return NULL;
    }
}

static AlvhJournalFollowed
followed_from_string (const char *s)
{
  if (s == NULL)
    return ALVH_JOURNAL_PENDING;
  if (strcmp (s, "followed") == 0)
    return ALVH_JOURNAL_FOLLOWED;
  if (strcmp (s, "skipped") == 0)
    return ALVH_JOURNAL_SKIPPED;
  if (strcmp (s, "manual") == 0)
    return ALVH_JOURNAL_MANUAL;
  return ALVH_JOURNAL_PENDING;
}

AlvhJournalMarket *
alvh_journal_market_new (const gint64 *times,
                         const double *spx,
                         const double *vix,
                         gsize         n_bars)
{
  AlvhJournalMarket *m = g_new0 (AlvhJournalMarket, 1);

  m->n_bars = n_bars;
  m->times = g_new (gint64, MAX (n_bars, 1));
  m->spx = g_new (double, MAX (n_bars, 1));
  m->vix = g_new (double, MAX (n_bars, 1));
  if (n_bars > 0)
    {
      memcpy (m->times, times, n_bars * sizeof (gint64));
      memcpy (m->spx, spx, n_bars * sizeof (double));
      memcpy (m->vix, vix, n_bars * sizeof (double));
    }
  return m;
}

/* The dates both series have, with their "close" columns. */
AlvhJournalMarket *
alvh_journal_market_join (AlvhSeries *spx,
                          AlvhSeries *vix)
{
  AlvhJournalMarket *m;
  const gint64 *ts = alvh_series_get_times (spx);
  const gint64 *tv = alvh_series_get_times (vix);
  const double *cs = alvh_series_get_column_by_name (spx, "close");
  const double *cv = alvh_series_get_column_by_name (vix, "close");
  gsize ns = alvh_series_get_length (spx), nv = alvh_series_get_length (vix);
  gsize i = 0, j = 0;

  m = g_new0 (AlvhJournalMarket, 1);
  m->times = g_new (gint64, MAX (MIN (ns, nv), 1));
  m->spx = g_new (double, MAX (MIN (ns, nv), 1));
  m->vix = g_new (double, MAX (MIN (ns, nv), 1));
  if (cs == NULL || cv == NULL)
    return m;
  while (i < ns && j < nv)
    {
      if (ts[i] < tv[j])
        i++;
      else if (ts[i] > tv[j])
        j++;
      else
        {
          m->times[m->n_bars] = ts[i];
          m->spx[m->n_bars] = cs[i];
          m->vix[m->n_bars] = cv[j];
          m->n_bars++;
          i++;
          j++;
        }
    }
  return m;
}

void
alvh_journal_market_free (AlvhJournalMarket *market)
{
  if (market == NULL)
    return;
  g_free (market->times);
  g_free (market->spx);
  g_free (market->vix);
  g_free (market);
}

/* ---- helpers ------------------------------------------------------------ */

static gboolean
not_found (AlvhJournalStore  *self,
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

/* Reads PRAGMA user_version through a read-only connection, so that a file
 * we will refuse is never written to. Returns -1 and sets @error on failure. */
static int
peek_user_version (const char  *path,
                   GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  int version = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_IO,
                   "%s: cannot open: %s", path, db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close_v2 (db);
      return -1;
    }
  sqlite3_busy_timeout (db, 5000);
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
      !alvh_db_migrate (self->db, migrations, ALVH_JOURNAL_SCHEMA_VERSION, target,
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

/* ---- accounts ------------------------------------------------------------ */

static AlvhJournalAccount *
account_from_row (sqlite3_stmt *s)
{
  AlvhJournalAccount *a = g_new0 (AlvhJournalAccount, 1);

  a->id = sqlite3_column_int64 (s, 0);
  a->name = alvh_db_column_text (s, 1);
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
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "INSERT INTO accounts (name) VALUES (?)", error);

    ok = s != NULL;
    if (ok)
      {
        alvh_db_bind_text (s, 1, name);
        ok = alvh_db_step_done (self->db, s, "cannot create the account", error);
        id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
      }
  }
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
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "UPDATE accounts SET name = ? WHERE id = ?", error);

    ok = s != NULL;
    if (ok)
      {
        alvh_db_bind_text (s, 1, name);
        sqlite3_bind_int64 (s, 2, id);
        ok = alvh_db_step_done (self->db, s, "cannot rename the account", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          ok = not_found (self, error, "account", id);
      }
  }
  return alvh_db_end (self->db, ok, error);
}

/* ---- profiles ------------------------------------------------------------ */

static AlvhJournalProfile *
profile_from_row (sqlite3_stmt *s)
{
  AlvhJournalProfile *p = g_new0 (AlvhJournalProfile, 1);

  p->id = sqlite3_column_int64 (s, 0);
  p->name = alvh_db_column_text (s, 1);
  p->version = sqlite3_column_int (s, 2);
  p->keyfile = alvh_db_column_text (s, 3);
  p->created = sqlite3_column_int64 (s, 4);
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
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "INSERT INTO profiles (name, version, keyfile, created) VALUES (?, ?, ?, ?)", error);

      ok = s != NULL;
      if (ok)
        {
          version++;
          alvh_db_bind_text (s, 1, name);
          sqlite3_bind_int (s, 2, version);
          alvh_db_bind_text (s, 3, keyfile);
          sqlite3_bind_int64 (s, 4, g_get_real_time () / G_USEC_PER_SEC);
          ok = alvh_db_step_done (self->db, s, "cannot save the profile", error);
          id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
        }
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
  g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "SELECT 1 FROM profiles WHERE name = ? LIMIT 1", error);
  int rc;

  if (s == NULL)
    return FALSE;
  alvh_db_bind_text (s, 1, name);
  rc = sqlite3_step (s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return alvh_db_set_error (self->db, error, "cannot read profiles");
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
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
 * Renames every version of the profile @old_name to @new_name (the key file
 * texts' name= follows), and the decisions that name it, so that each
 * decision still finds the exact profile (name + version) that produced it.
 * Refuses the built-in "Default" (either side), an empty name and a name in
 * use (ALVH_JOURNAL_ERROR_INVALID); ALVH_JOURNAL_ERROR_NOT_FOUND without @old_name.
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
        {
          g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
            "UPDATE profiles SET name = ?, keyfile = ? WHERE id = ?", error);

          ok = s != NULL;
          if (ok)
            {
              alvh_db_bind_text (s, 1, name);
              alvh_db_bind_text (s, 2, g_ptr_array_index (texts, i));
              sqlite3_bind_int64 (s, 3, g_array_index (ids, gint64, i));
              ok = alvh_db_step_done (self->db, s, "cannot rename the profile", error);
            }
        }
    }
  if (ok)
    {
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "UPDATE decisions SET profile_name = ? WHERE profile_name = ?", error);

      ok = s != NULL;
      if (ok)
        {
          alvh_db_bind_text (s, 1, name);
          alvh_db_bind_text (s, 2, old_name);
          ok = alvh_db_step_done (self->db, s, "cannot rename the profile in its decisions", error);
        }
    }
  return alvh_db_end (self->db, ok, error);
}

/**
 * alvh_journal_store_delete_profile:
 * Deletes every version of the profile @name.  Decisions keep their copy of
 * the name and version, their signal snapshots (value and threshold as the
 * evaluator saw them) and their explanation, so history stays readable.
 * Refuses the built-in "Default" (ALVH_JOURNAL_ERROR_INVALID);
 * ALVH_JOURNAL_ERROR_NOT_FOUND when no version exists.
 */
gboolean
alvh_journal_store_delete_profile (AlvhJournalStore  *self,
                                   const char        *name,
                                   GError           **error)
{
  gboolean ok;

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
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "DELETE FROM profiles WHERE name = ?", error);

    ok = s != NULL;
    if (ok)
      {
        alvh_db_bind_text (s, 1, name);
        ok = alvh_db_step_done (self->db, s, "cannot delete the profile", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          {
            g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND,
                         "%s: no profile “%s”", self->path, name);
            ok = FALSE;
          }
      }
  }
  return alvh_db_end (self->db, ok, error);
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
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (event != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  {
    g_autoptr(AlvhDbCachedStmt) s = NULL;

    /* inside the transaction: in a batch, a refused write is undone alone */
    ok = check_event (self, event, error);
    if (ok)
      s = alvh_db_prepare_cached (self->db, "INSERT INTO events (date, kind, shift, note) VALUES (?, ?, ?, ?)", error);
    ok = ok && s != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (s, 1, event->time);
        alvh_db_bind_text (s, 2, alvh_event_kind_to_string (event->kind));
        sqlite3_bind_int (s, 3, event->shift ? 1 : 0);
        alvh_db_bind_text (s, 4, event->note != NULL ? event->note : "");
        ok = alvh_db_step_done (self->db, s, "cannot add the event", error);
        id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
      }
  }
  return alvh_db_end (self->db, ok, error) ? id : 0;
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
  {
    g_autoptr(AlvhDbCachedStmt) s = NULL;

    ok = check_event (self, event, error);
    if (ok)
      s = alvh_db_prepare_cached (self->db, "UPDATE events SET date = ?, kind = ?, shift = ?, note = ? WHERE id = ?", error);
    ok = ok && s != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (s, 1, event->time);
        alvh_db_bind_text (s, 2, alvh_event_kind_to_string (event->kind));
        sqlite3_bind_int (s, 3, event->shift ? 1 : 0);
        alvh_db_bind_text (s, 4, event->note != NULL ? event->note : "");
        sqlite3_bind_int64 (s, 5, event->id);
        ok = alvh_db_step_done (self->db, s, "cannot update the event", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          ok = not_found (self, error, "event", event->id);
      }
  }
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
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "DELETE FROM events WHERE id = ?", error);

    ok = s != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (s, 1, id);
        ok = alvh_db_step_done (self->db, s, "cannot delete the event", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          ok = not_found (self, error, "event", id);
      }
  }
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

/* ---- condors ------------------------------------------------------------ */

#define CONDOR_COLUMNS \
  "id, account_id, long_put, short_put, short_call, long_call, expiry, units," \
  " credit, opened, closed, close_price"

static AlvhCondor *
condor_from_row (sqlite3_stmt *s)
{
  AlvhCondor *c = alvh_condor_new ();

  c->id = sqlite3_column_int64 (s, 0);
  c->account_id = sqlite3_column_int64 (s, 1);
  c->long_put = sqlite3_column_double (s, 2);
  c->short_put = sqlite3_column_double (s, 3);
  c->short_call = sqlite3_column_double (s, 4);
  c->long_call = sqlite3_column_double (s, 5);
  c->expiry = sqlite3_column_int64 (s, 6);
  c->units = sqlite3_column_double (s, 7);
  c->credit = sqlite3_column_double (s, 8);
  c->opened = sqlite3_column_int64 (s, 9);
  c->closed = sqlite3_column_int64 (s, 10);
  c->close_price = alvh_db_column_double (s, 11);
  return c;
}

static void
bind_condor (sqlite3_stmt            *s,
             const AlvhCondor *c)
{
  sqlite3_bind_int64 (s, 1, c->account_id);
  sqlite3_bind_double (s, 2, c->long_put);
  sqlite3_bind_double (s, 3, c->short_put);
  sqlite3_bind_double (s, 4, c->short_call);
  sqlite3_bind_double (s, 5, c->long_call);
  sqlite3_bind_int64 (s, 6, c->expiry);
  sqlite3_bind_double (s, 7, c->units);
  sqlite3_bind_double (s, 8, c->credit);
  sqlite3_bind_int64 (s, 9, c->opened);
  alvh_db_bind_id (s, 10, c->closed);
  alvh_db_bind_double (s, 11, c->close_price);
}

gint64
alvh_journal_store_add_condor (AlvhJournalStore         *self,
                               const AlvhCondor  *condor,
                               GError                  **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (condor != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "INSERT INTO condors (account_id, long_put, short_put, short_call, long_call, expiry,"
      " units, credit, opened, closed, close_price) VALUES (?,?,?,?,?,?,?,?,?,?,?)", error);

    ok = s != NULL;
    if (ok)
      {
        bind_condor (s, condor);
        ok = alvh_db_step_done (self->db, s, "cannot add the condor", error);
        id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
      }
  }
  return alvh_db_end (self->db, ok, error) ? id : 0;
}

gboolean
alvh_journal_store_update_condor (AlvhJournalStore         *self,
                                  const AlvhCondor  *condor,
                                  GError                  **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (condor != NULL, FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "UPDATE condors SET account_id = ?1, long_put = ?2, short_put = ?3, short_call = ?4,"
      " long_call = ?5, expiry = ?6, units = ?7, credit = ?8, opened = ?9, closed = ?10,"
      " close_price = ?11 WHERE id = ?12", error);

    ok = s != NULL;
    if (ok)
      {
        bind_condor (s, condor);
        sqlite3_bind_int64 (s, 12, condor->id);
        ok = alvh_db_step_done (self->db, s, "cannot update the condor", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          ok = not_found (self, error, "condor", condor->id);
      }
  }
  return alvh_db_end (self->db, ok, error);
}

gboolean
alvh_journal_store_close_condor (AlvhJournalStore  *self,
                                 gint64             id,
                                 gint64             time,
                                 double             price,
                                 GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!isfinite (price) || time <= 0)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: closing condor %" G_GINT64_FORMAT ": expected a finite price and a time",
                   self->path, id);
      return FALSE;
    }
  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "UPDATE condors SET closed = ?, close_price = ? WHERE id = ? AND closed IS NULL", error);

    ok = s != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (s, 1, time);
        sqlite3_bind_double (s, 2, price);
        sqlite3_bind_int64 (s, 3, id);
        ok = alvh_db_step_done (self->db, s, "cannot close the condor", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          ok = not_found (self, error, "open condor", id);
      }
  }
  return alvh_db_end (self->db, ok, error);
}

AlvhCondor *
alvh_journal_store_get_condor (AlvhJournalStore  *self,
                               gint64             id,
                               GError           **error)
{
  return alvh_db_read_row_by_id (self->db,
    "SELECT " CONDOR_COLUMNS " FROM condors WHERE id = ?",
    id, (AlvhDbRowReader) condor_from_row, "condor", "cannot read the condor", ALVH_JOURNAL_ERROR_NOT_FOUND, error);
}

GPtrArray *
alvh_journal_store_list_open_condors (AlvhJournalStore  *self,
                                      gint64             account_id,
                                      GError           **error)
{
  const gint64 params[] = { account_id };

  return alvh_db_list_rows (self->db,
    "SELECT " CONDOR_COLUMNS " FROM condors WHERE (?1 = 0 OR account_id = ?1)"
    " AND closed IS NULL ORDER BY opened, id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_condor_free,
    (AlvhDbRowReader) condor_from_row, "cannot list condors", error);
}

/**
 * alvh_journal_store_list_condors:
 * The condors of @account_id (0 = all) held at some time in [@from, @to):
 * opened before @to and not closed before @from, closed ones included;
 * @from / @to 0 = unbounded.  Ordered by open time.
 */
GPtrArray *
alvh_journal_store_list_condors (AlvhJournalStore  *self,
                                 gint64             account_id,
                                 gint64             from,
                                 gint64             to,
                                 GError           **error)
{
  const gint64 params[] = { account_id, from, to };

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  return alvh_db_list_rows (self->db,
    "SELECT " CONDOR_COLUMNS " FROM condors WHERE (?1 = 0 OR account_id = ?1)"
    " AND (?3 = 0 OR opened < ?3) AND (?2 = 0 OR closed IS NULL OR closed = 0 OR closed >= ?2)"
    " ORDER BY opened, id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_condor_free,
    (AlvhDbRowReader) condor_from_row, "cannot list condors", error);
}

/* ---- legs ----------------------------------------------------------------- */

#define LEG_COLUMNS \
  "id, account_id, condor_id, decision_id, kind, long_strike, short_strike, expiry," \
  " quantity, premium, layer, opened, manual, closed_quantity, close_price, notes"

static AlvhLeg *
leg_from_row (sqlite3_stmt *s)
{
  g_autoptr(AlvhLeg) l = alvh_leg_new ();

  /* a kind this version does not know: refuse the row rather than guess */
  if (!alvh_leg_kind_from_string ((const char *) sqlite3_column_text (s, 4), &l->kind))
    return NULL;
  l->id = sqlite3_column_int64 (s, 0);
  l->account_id = sqlite3_column_int64 (s, 1);
  l->condor_id = sqlite3_column_int64 (s, 2);
  l->decision_id = sqlite3_column_int64 (s, 3);
  l->long_strike = alvh_db_column_double (s, 5);
  l->short_strike = alvh_db_column_double (s, 6);
  l->expiry = sqlite3_column_int64 (s, 7);
  l->quantity = sqlite3_column_double (s, 8);
  l->premium = sqlite3_column_double (s, 9);
  l->layer = (guint) MAX (sqlite3_column_int (s, 10), 0);
  l->opened = sqlite3_column_int64 (s, 11);
  l->manual = sqlite3_column_int (s, 12) != 0;
  l->closed_quantity = sqlite3_column_double (s, 13);
  l->close_price = alvh_db_column_double (s, 14);
  l->notes = alvh_db_column_text (s, 15);
  return g_steal_pointer (&l);
}

static void
bind_leg (sqlite3_stmt         *s,
          const AlvhLeg *l)
{
  sqlite3_bind_int64 (s, 1, l->account_id);
  alvh_db_bind_id (s, 2, l->condor_id);
  alvh_db_bind_id (s, 3, l->decision_id);
  alvh_db_bind_text (s, 4, alvh_leg_kind_to_string (l->kind));
  alvh_db_bind_double (s, 5, l->long_strike);
  alvh_db_bind_double (s, 6, l->short_strike);
  sqlite3_bind_int64 (s, 7, l->expiry);
  sqlite3_bind_double (s, 8, l->quantity);
  sqlite3_bind_double (s, 9, l->premium);
  sqlite3_bind_int (s, 10, (int) l->layer);
  sqlite3_bind_int64 (s, 11, l->opened);
  sqlite3_bind_int (s, 12, l->manual ? 1 : 0);
  sqlite3_bind_double (s, 13, l->closed_quantity);
  alvh_db_bind_double (s, 14, l->close_price);
  alvh_db_bind_text (s, 15, l->notes != NULL ? l->notes : "");
}

static gboolean
check_leg (AlvhJournalStore      *self,
           const AlvhLeg  *l,
           GError               **error)
{
  if (!(l->quantity > 0) || !isfinite (l->quantity) || !isfinite (l->premium))
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: leg: expected a quantity > 0 and a finite premium (got %g and %g)",
                   self->path, l->quantity, l->premium);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_leg_locked (AlvhJournalStore      *self,
                   const AlvhLeg  *leg,
                   GError               **error)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;

  if (!check_leg (self, leg, error))
    return 0;
  s = alvh_db_prepare_cached (self->db,
    "INSERT INTO legs (account_id, condor_id, decision_id, kind, long_strike, short_strike,"
    " expiry, quantity, premium, layer, opened, manual, closed_quantity, close_price, notes)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);
  if (s == NULL)
    return 0;
  bind_leg (s, leg);
  if (!alvh_db_step_done (self->db, s, "cannot add the leg", error))
    return 0;
  return sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
}

gint64
alvh_journal_store_add_leg (AlvhJournalStore      *self,
                            const AlvhLeg  *leg,
                            GError               **error)
{
  gint64 id;
  gboolean ok = TRUE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (leg != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  id = insert_leg_locked (self, leg, error);
  if (id == 0)
    ok = FALSE;
  /* a manual leg booked against a pending decision overrides it */
  if (ok && leg->manual && leg->decision_id > 0)
    {
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "UPDATE decisions SET followed = 'manual' WHERE id = ? AND followed IS NULL", error);

      ok = s != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (s, 1, leg->decision_id);
          ok = alvh_db_step_done (self->db, s, "cannot mark the decision", error);
        }
    }
  return alvh_db_end (self->db, ok, error) ? id : 0;
}

gboolean
alvh_journal_store_update_leg (AlvhJournalStore      *self,
                               const AlvhLeg  *leg,
                               GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (leg != NULL, FALSE);

  if (!check_leg (self, leg, error) || !alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "UPDATE legs SET account_id = ?1, condor_id = ?2, decision_id = ?3, kind = ?4,"
      " long_strike = ?5, short_strike = ?6, expiry = ?7, quantity = ?8, premium = ?9,"
      " layer = ?10, opened = ?11, manual = ?12, notes = ?15 WHERE id = ?16", error);

    ok = s != NULL;
    if (ok)
      {
        bind_leg (s, leg);
        sqlite3_bind_int64 (s, 16, leg->id);
        ok = alvh_db_step_done (self->db, s, "cannot update the leg", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          ok = not_found (self, error, "leg", leg->id);
      }
  }
  return alvh_db_end (self->db, ok, error);
}

gboolean
alvh_journal_store_close_leg (AlvhJournalStore  *self,
                              gint64             id,
                              gint64             time,
                              double             quantity,
                              double             price,
                              GError           **error)
{
  double total = 0, closed = 0, avg = 0;
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!(quantity > 0) || !isfinite (quantity) || !isfinite (price))
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: closing leg %" G_GINT64_FORMAT ": expected a quantity > 0 and a finite price",
                   self->path, id);
      return FALSE;
    }
  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT quantity, closed_quantity, close_price FROM legs WHERE id = ?", error);

    ok = s != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (s, 1, id);
        if (sqlite3_step (s) == SQLITE_ROW)
          {
            total = sqlite3_column_double (s, 0);
            closed = sqlite3_column_double (s, 1);
            avg = closed > 0 ? sqlite3_column_double (s, 2) : 0;
          }
        else
          ok = not_found (self, error, "leg", id);
      }
  }
  if (ok && closed + quantity > total + 1e-9)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: leg %" G_GINT64_FORMAT ": cannot close %g, only %g open",
                   self->path, id, quantity, total - closed);
      ok = FALSE;
    }
  if (ok)
    {
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "INSERT INTO leg_closes (leg_id, time, quantity, price) VALUES (?, ?, ?, ?)", error);

      ok = s != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (s, 1, id);
          sqlite3_bind_int64 (s, 2, time);
          sqlite3_bind_double (s, 3, quantity);
          sqlite3_bind_double (s, 4, price);
          ok = alvh_db_step_done (self->db, s, "cannot record the close", error);
        }
    }
  if (ok)
    {
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "UPDATE legs SET closed_quantity = ?, close_price = ? WHERE id = ?", error);

      ok = s != NULL;
      if (ok)
        {
          sqlite3_bind_double (s, 1, MIN (closed + quantity, total));
          sqlite3_bind_double (s, 2, (avg * closed + price * quantity) / (closed + quantity));
          sqlite3_bind_int64 (s, 3, id);
          ok = alvh_db_step_done (self->db, s, "cannot close the leg", error);
        }
    }
  return alvh_db_end (self->db, ok, error);
}

AlvhLeg *
alvh_journal_store_get_leg (AlvhJournalStore  *self,
                            gint64             id,
                            GError           **error)
{
  return alvh_db_read_row_by_id (self->db,
    "SELECT " LEG_COLUMNS " FROM legs WHERE id = ?",
    id, (AlvhDbRowReader) leg_from_row, "leg", "cannot read the leg", ALVH_JOURNAL_ERROR_NOT_FOUND, error);
}

GPtrArray *
alvh_journal_store_list_open_legs (AlvhJournalStore  *self,
                                   gint64             account_id,
                                   GError           **error)
{
  const gint64 params[] = { account_id };

  return alvh_db_list_rows (self->db,
    "SELECT " LEG_COLUMNS " FROM legs WHERE (?1 = 0 OR account_id = ?1)"
    " AND closed_quantity < quantity - 1e-9 ORDER BY opened, id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_leg_free,
    (AlvhDbRowReader) leg_from_row, "cannot list legs", error);
}

/**
 * alvh_journal_store_list_legs:
 * The legs of @account_id (0 = all) opened in [@from, @to), closed ones
 * included; @from / @to 0 = unbounded.  Ordered by open time.
 */
GPtrArray *
alvh_journal_store_list_legs (AlvhJournalStore  *self,
                              gint64             account_id,
                              gint64             from,
                              gint64             to,
                              GError           **error)
{
  const gint64 params[] = { account_id, from, to };

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  return alvh_db_list_rows (self->db,
    "SELECT " LEG_COLUMNS " FROM legs WHERE (?1 = 0 OR account_id = ?1)"
    " AND (?2 = 0 OR opened >= ?2) AND (?3 = 0 OR opened < ?3) ORDER BY opened, id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_leg_free,
    (AlvhDbRowReader) leg_from_row, "cannot list legs", error);
}

static AlvhJournalLegClose *
leg_close_from_row (sqlite3_stmt *s)
{
  AlvhJournalLegClose *c = g_new0 (AlvhJournalLegClose, 1);

  c->id = sqlite3_column_int64 (s, 0);
  c->leg_id = sqlite3_column_int64 (s, 1);
  c->time = sqlite3_column_int64 (s, 2);
  c->quantity = sqlite3_column_double (s, 3);
  c->price = sqlite3_column_double (s, 4);
  return c;
}

GPtrArray *
alvh_journal_store_list_leg_closes (AlvhJournalStore  *self,
                                    gint64             leg_id,
                                    GError           **error)
{
  const gint64 params[] = { leg_id };

  return alvh_db_list_rows (self->db,
    "SELECT id, leg_id, time, quantity, price FROM leg_closes WHERE leg_id = ? ORDER BY time, id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_journal_leg_close_free,
    (AlvhDbRowReader) leg_close_from_row, "cannot list leg closes", error);
}

static AlvhJournalSignal *
signal_from_row (sqlite3_stmt *s)
{
  AlvhJournalSignal *sig = g_new0 (AlvhJournalSignal, 1);

  sig->id = sqlite3_column_int64 (s, 0);
  sig->key = alvh_db_column_text (s, 1);
  sig->kind = alvh_db_column_text (s, 2);
  sig->available = sqlite3_column_type (s, 3) != SQLITE_NULL;
  sig->value = alvh_db_column_double (s, 3);
  sig->threshold = alvh_db_column_double (s, 4);
  sig->threshold_high = alvh_db_column_double (s, 5);
  sig->fired = sqlite3_column_int (s, 6) != 0;
  return sig;
}

/* The signal snapshots linked to a leg (the fired ones that triggered it). */
GPtrArray *
alvh_journal_store_list_leg_signals (AlvhJournalStore  *self,
                                     gint64             leg_id,
                                     GError           **error)
{
  const gint64 params[] = { leg_id };

  return alvh_db_list_rows (self->db,
    "SELECT s.id, s.key, s.kind, s.value, s.threshold, s.threshold_high, s.fired"
    " FROM leg_signals ls JOIN signal_snapshots s ON s.id = ls.snapshot_id"
    " WHERE ls.leg_id = ? ORDER BY s.key",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_journal_signal_free,
    (AlvhDbRowReader) signal_from_row, "cannot list leg signals", error);
}

/* ---- decisions ---------------------------------------------------------- */

static gint64
insert_decision_locked (AlvhJournalStore           *self,
                        const AlvhJournalDecision  *d,
                        GError                    **error)
{
  gint64 id;

  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "INSERT INTO decisions (account_id, condor_id, time, action, branch, layer, size,"
      " proposed_kind, proposed_long_strike, proposed_short_strike, proposed_expiry, cost,"
      " profile_name, profile_version, explanation, followed, skip_reason)"
      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);

    if (s == NULL)
      return 0;
    sqlite3_bind_int64 (s, 1, d->account_id);
    alvh_db_bind_id (s, 2, d->condor_id);
    sqlite3_bind_int64 (s, 3, d->time);
    alvh_db_bind_text (s, 4, d->action != NULL ? d->action : "HOLD");
    alvh_db_bind_text (s, 5, d->branch != NULL ? d->branch : "none");
    sqlite3_bind_int (s, 6, d->layer);
    sqlite3_bind_double (s, 7, isfinite (d->size) ? d->size : 0);
    alvh_db_bind_text (s, 8, d->proposed_kind);
    alvh_db_bind_double (s, 9, d->proposed_long_strike);
    alvh_db_bind_double (s, 10, d->proposed_short_strike);
    alvh_db_bind_id (s, 11, d->proposed_kind != NULL ? d->proposed_expiry : 0);
    alvh_db_bind_double (s, 12, d->cost);
    alvh_db_bind_text (s, 13, d->profile_name);
    if (d->profile_name != NULL)
      sqlite3_bind_int (s, 14, d->profile_version);
    else
      sqlite3_bind_null (s, 14);
    alvh_db_bind_text (s, 15, d->explanation != NULL ? d->explanation : "");
    alvh_db_bind_text (s, 16, alvh_journal_followed_to_string (d->followed));
    alvh_db_bind_text (s, 17, d->skip_reason);
    if (!alvh_db_step_done (self->db, s, "cannot record the decision", error))
      return 0;
    id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
  }

  for (guint i = 0; d->signals != NULL && i < d->signals->len; i++)
    {
      const AlvhJournalSignal *sig = g_ptr_array_index (d->signals, i);
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "INSERT INTO signal_snapshots (decision_id, key, kind, value, threshold, threshold_high, fired)"
        " VALUES (?,?,?,?,?,?,?)", error);
      gboolean available = sig->available && isfinite (sig->value);

      if (s == NULL)
        return 0;
      sqlite3_bind_int64 (s, 1, id);
      alvh_db_bind_text (s, 2, sig->key);
      alvh_db_bind_text (s, 3, sig->kind != NULL ? sig->kind : "realtime");
      alvh_db_bind_double (s, 4, available ? sig->value : NAN);
      alvh_db_bind_double (s, 5, sig->threshold);
      alvh_db_bind_double (s, 6, sig->threshold_high);
      sqlite3_bind_int (s, 7, available && sig->fired ? 1 : 0);
      if (!alvh_db_step_done (self->db, s, "cannot record a signal snapshot", error))
        return 0;
    }
  return id;
}

gint64
alvh_journal_store_record_decision (AlvhJournalStore           *self,
                                    const AlvhJournalDecision  *decision,
                                    GError                    **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (decision != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  id = insert_decision_locked (self, decision, error);
  return alvh_db_end (self->db, id > 0, error) ? id : 0;
}

#define DECISION_COLUMNS \
  "id, account_id, condor_id, time, action, branch, layer, size, proposed_kind," \
  " proposed_long_strike, proposed_short_strike, proposed_expiry, cost, profile_name," \
  " profile_version, explanation, followed, skip_reason"

static AlvhJournalDecision *
decision_from_row (sqlite3_stmt *s)
{
  AlvhJournalDecision *d = alvh_journal_decision_new ();

  d->id = sqlite3_column_int64 (s, 0);
  d->account_id = sqlite3_column_int64 (s, 1);
  d->condor_id = sqlite3_column_int64 (s, 2);
  d->time = sqlite3_column_int64 (s, 3);
  d->action = alvh_db_column_text (s, 4);
  d->branch = alvh_db_column_text (s, 5);
  d->layer = sqlite3_column_int (s, 6);
  d->size = sqlite3_column_double (s, 7);
  d->proposed_kind = alvh_db_column_text (s, 8);
  d->proposed_long_strike = alvh_db_column_double (s, 9);
  d->proposed_short_strike = alvh_db_column_double (s, 10);
  d->proposed_expiry = sqlite3_column_int64 (s, 11);
  d->cost = alvh_db_column_double (s, 12);
  d->profile_name = alvh_db_column_text (s, 13);
  d->profile_version = sqlite3_column_int (s, 14);
  d->explanation = alvh_db_column_text (s, 15);
  d->followed = followed_from_string ((const char *) sqlite3_column_text (s, 16));
  d->skip_reason = alvh_db_column_text (s, 17);
  return d;
}

AlvhJournalDecision *
alvh_journal_store_get_decision (AlvhJournalStore  *self,
                                 gint64             id,
                                 GError           **error)
{
  g_autoptr(AlvhJournalDecision) d = NULL;

  d = alvh_db_read_row_by_id (self->db,
    "SELECT " DECISION_COLUMNS " FROM decisions WHERE id = ?",
    id, (AlvhDbRowReader) decision_from_row, "decision", "cannot read the decision", ALVH_JOURNAL_ERROR_NOT_FOUND, error);
  if (d == NULL)
    return NULL;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT id, key, kind, value, threshold, threshold_high, fired FROM signal_snapshots"
      " WHERE decision_id = ? ORDER BY id", error);

    if (s == NULL)
      return NULL;
    sqlite3_bind_int64 (s, 1, id);
    if (!alvh_db_read_rows (self->db, s, d->signals, (AlvhDbRowReader) signal_from_row, "cannot read the signal snapshots", error))
      return NULL;
  }
  return g_steal_pointer (&d);
}

/**
 * alvh_journal_store_list_decisions:
 * The decisions of @account_id (0 = all) made in [@from, @to), each with its
 * signal snapshots; @from / @to 0 = unbounded.  Ordered by time.
 */
GPtrArray *
alvh_journal_store_list_decisions (AlvhJournalStore  *self,
                                   gint64             account_id,
                                   gint64             from,
                                   gint64             to,
                                   GError           **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_decision_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT " DECISION_COLUMNS " FROM decisions WHERE (?1 = 0 OR account_id = ?1)"
      " AND (?2 = 0 OR time >= ?2) AND (?3 = 0 OR time < ?3) ORDER BY time, id", error);

    if (s == NULL)
      return NULL;
    sqlite3_bind_int64 (s, 1, account_id);
    sqlite3_bind_int64 (s, 2, from);
    sqlite3_bind_int64 (s, 3, to);
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        AlvhJournalDecision *d = decision_from_row (s);

        g_ptr_array_add (out, d);
        g_hash_table_insert (by_id, &d->id, d);
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot list decisions");
        return NULL;
      }
  }
  if (out->len == 0)
    return g_steal_pointer (&out);
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT s.id, s.key, s.kind, s.value, s.threshold, s.threshold_high, s.fired, s.decision_id"
      " FROM decisions d JOIN signal_snapshots s ON s.decision_id = d.id"
      " WHERE (?1 = 0 OR d.account_id = ?1) AND (?2 = 0 OR d.time >= ?2) AND (?3 = 0 OR d.time < ?3)"
      " ORDER BY s.id", error);

    if (s == NULL)
      return NULL;
    sqlite3_bind_int64 (s, 1, account_id);
    sqlite3_bind_int64 (s, 2, from);
    sqlite3_bind_int64 (s, 3, to);
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        gint64 decision_id = sqlite3_column_int64 (s, 7);
        AlvhJournalDecision *d = g_hash_table_lookup (by_id, &decision_id);

        if (d != NULL)
          g_ptr_array_add (d->signals, signal_from_row (s));
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read the signal snapshots");
        return NULL;
      }
  }
  return g_steal_pointer (&out);
}

/* ---- entries (internal) --------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Tags: trimmed, lower case, inner blanks as '-', sorted, unique. */
static char **
normalize_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      char *t = g_utf8_strdown (tags[i], -1);

      g_strstrip (t);
      for (char *p = t; *p != '\0'; p++)
        if (g_ascii_isspace (*p))
          *p = '-';
      if (*t == '\0')
        g_free (t);
      else
        g_ptr_array_add (all, t);
    }
  g_ptr_array_sort (all, compare_strings);
  for (guint i = 0; i < all->len; i++)
    if (i == 0 || strcmp (g_ptr_array_index (all, i), g_ptr_array_index (all, i - 1)) != 0)
      g_ptr_array_add (out, g_strdup (g_ptr_array_index (all, i)));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
set_entry_tags_locked (AlvhJournalStore  *self,
                       gint64             entry_id,
                       char             **tags,
                       GError           **error)
{
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "DELETE FROM entry_tags WHERE entry_id = ?", error);

    if (s == NULL)
      return FALSE;
    sqlite3_bind_int64 (s, 1, entry_id);
    if (!alvh_db_step_done (self->db, s, "cannot clear the tags", error))
      return FALSE;
  }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autoptr(AlvhDbCachedStmt) s1 = alvh_db_prepare_cached (self->db, "INSERT OR IGNORE INTO tags (name) VALUES (?)", error);
      g_autoptr(AlvhDbCachedStmt) s2 = NULL;

      if (s1 == NULL)
        return FALSE;
      alvh_db_bind_text (s1, 1, tags[i]);
      if (!alvh_db_step_done (self->db, s1, "cannot add the tag", error))
        return FALSE;
      s2 = alvh_db_prepare_cached (self->db,
        "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT ?, id FROM tags WHERE name = ?", error);
      if (s2 == NULL)
        return FALSE;
      sqlite3_bind_int64 (s2, 1, entry_id);
      alvh_db_bind_text (s2, 2, tags[i]);
      if (!alvh_db_step_done (self->db, s2, "cannot tag the entry", error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_entry_locked (AlvhJournalStore        *self,
                     const AlvhJournalEntry  *entry,
                     GError                 **error)
{
  g_auto(GStrv) tags = normalize_tags ((const char * const *) entry->tags);
  g_autofree char *tags_text = g_strjoinv (" ", tags);
  g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
    "INSERT INTO entries (time, title, body, tags, account_id, decision_id, leg_id, deleted)"
    " VALUES (?,?,?,?,?,?,?,?)", error);
  gint64 id;

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, entry->time != 0 ? entry->time : g_get_real_time () / G_USEC_PER_SEC);
  alvh_db_bind_text (s, 2, entry->title != NULL ? entry->title : "");
  alvh_db_bind_text (s, 3, entry->body != NULL ? entry->body : "");
  alvh_db_bind_text (s, 4, tags_text);
  alvh_db_bind_id (s, 5, entry->account_id);
  alvh_db_bind_id (s, 6, entry->decision_id);
  alvh_db_bind_id (s, 7, entry->leg_id);
  sqlite3_bind_int (s, 8, entry->deleted ? 1 : 0);
  if (!alvh_db_step_done (self->db, s, "cannot add the entry", error))
    return 0;
  id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
  if (!set_entry_tags_locked (self, id, tags, error))
    return 0;
  return id;
}

static char *
format_strike (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

static char *
describe_leg (const AlvhLeg *leg)
{
  g_autofree char *k = format_strike (leg->long_strike);
  g_autofree char *q = format_strike (leg->quantity);

  if (isfinite (leg->short_strike))
    {
      g_autofree char *ks = format_strike (leg->short_strike);
      return g_strdup_printf ("%s × %s %s/%s", q, alvh_leg_kind_to_string (leg->kind), k, ks);
    }
  return g_strdup_printf ("%s × %s %s", q, alvh_leg_kind_to_string (leg->kind), k);
}

/* ---- conversions -------------------------------------------------------- */

AlvhJournalDecision *
alvh_journal_decision_from_evaluator (const AlvhDecision *decision,
                                      gint64              account_id,
                                      gint64              condor_id)
{
  AlvhJournalDecision *d = alvh_journal_decision_new ();

  g_return_val_if_fail (decision != NULL, d);

  d->account_id = account_id;
  d->condor_id = condor_id > 0 ? condor_id : decision->has_leg ? decision->leg.condor_id : 0;
  d->time = decision->time;
  d->action = g_strdup (alvh_action_to_string (decision->action));
  d->branch = g_strdup (alvh_branch_to_string (decision->branch));
  d->layer = (int) decision->layer;
  d->size = decision->size;
  if (decision->has_leg)
    {
      d->proposed_kind = g_strdup (alvh_leg_kind_to_string (decision->leg.kind));
      d->proposed_long_strike = decision->leg.long_strike;
      d->proposed_short_strike = decision->leg.short_strike;
      d->proposed_expiry = decision->leg.expiry;
      d->cost = decision->estimated_cost;
    }
  if (decision->profile_name[0] != '\0')
    {
      d->profile_name = g_strndup (decision->profile_name, sizeof decision->profile_name);
      d->profile_version = decision->profile_version;
    }
  d->explanation = alvh_decision_dup_explanation_text (decision);
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *sig = &decision->signals[i];
      AlvhJournalSignal *js;

      js = alvh_journal_signal_new (alvh_signal_id_to_key ((AlvhSignalId) i),
                                    alvh_signal_kind_to_string (alvh_signal_id_get_kind ((AlvhSignalId) i)),
                                    sig->available, sig->value, sig->threshold, sig->fired);
      js->threshold_high = sig->threshold_high;
      g_ptr_array_add (d->signals, js);
    }
  return d;
}

gint64
alvh_journal_store_record_evaluator_decision (AlvhJournalStore    *self,
                                              const AlvhDecision  *decision,
                                              gint64               account_id,
                                              gint64               condor_id,
                                              GError             **error)
{
  g_autoptr(AlvhJournalDecision) d = alvh_journal_decision_from_evaluator (decision, account_id, condor_id);

  return alvh_journal_store_record_decision (self, d, error);
}

/* ---- acting on decisions -------------------------------------------------- */

/* Decision @decision_id while it is still pending (neither followed nor
 * skipped); NULL with @error when it is missing or was already acted on. */
static AlvhJournalDecision *
get_pending_decision (AlvhJournalStore  *self,
                      gint64             decision_id,
                      GError           **error)
{
  g_autoptr(AlvhJournalDecision) d = alvh_journal_store_get_decision (self, decision_id, error);

  if (d != NULL && d->followed != ALVH_JOURNAL_PENDING)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: decision %" G_GINT64_FORMAT " was already acted on (%s)",
                   self->path, decision_id, alvh_journal_followed_to_string (d->followed));
      return NULL;
    }
  return g_steal_pointer (&d);
}

gint64
alvh_journal_store_add_leg_from_decision (AlvhJournalStore      *self,
                                          gint64                 decision_id,
                                          const AlvhLeg  *leg,
                                          double                 fill_price,
                                          double                 size,
                                          const char            *note,
                                          gint64                *out_entry_id,
                                          GError               **error)
{
  g_autoptr(AlvhJournalDecision) d = NULL;
  g_autoptr(AlvhLeg) l = alvh_leg_new ();
  AlvhJournalEntry entry = { 0 };
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *tags[4] = { "hedge", NULL, NULL, NULL };
  gint64 leg_id = 0, entry_id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  d = get_pending_decision (self, decision_id, error);
  if (d == NULL)
    ok = FALSE;
  else if (g_strcmp0 (d->action, "ADD") != 0)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: decision %" G_GINT64_FORMAT " is %s, expected ADD"
                   " (book a manual leg to override it)",
                   self->path, decision_id, d->action);
      ok = FALSE;
    }

  if (ok)
    {
      l->account_id = d->account_id;
      l->condor_id = leg != NULL && leg->condor_id > 0 ? leg->condor_id : d->condor_id;
      l->decision_id = d->id;
      if (leg != NULL)
        l->kind = leg->kind;
      else if (d->proposed_kind == NULL || !alvh_leg_kind_from_string (d->proposed_kind, &l->kind))
        l->kind = ALVH_LEG_VIX_CALL_SPREAD;
      l->long_strike = leg != NULL ? leg->long_strike : d->proposed_long_strike;
      l->short_strike = leg != NULL ? leg->short_strike : d->proposed_short_strike;
      l->expiry = leg != NULL && leg->expiry != 0 ? leg->expiry : d->proposed_expiry;
      l->quantity = size > 0 ? size : leg != NULL && leg->quantity > 0 ? leg->quantity : d->size;
      l->premium = isfinite (fill_price) ? fill_price
                   : leg != NULL && isfinite (leg->premium) ? leg->premium
                   : l->quantity > 0 ? d->cost / (100.0 * l->quantity) : NAN;
      l->layer = leg != NULL && leg->layer > 0 ? leg->layer : (guint) MAX (d->layer, 0);
      l->opened = leg != NULL && leg->opened != 0 ? leg->opened : d->time;
      l->manual = FALSE;
      l->notes = g_strdup (note != NULL ? note : "");
      leg_id = insert_leg_locked (self, l, error);
      ok = leg_id > 0;
    }
  if (ok)
    {
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "INSERT INTO leg_signals (leg_id, snapshot_id)"
        " SELECT ?, id FROM signal_snapshots WHERE decision_id = ? AND fired = 1", error);

      ok = s != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (s, 1, leg_id);
          sqlite3_bind_int64 (s, 2, decision_id);
          ok = alvh_db_step_done (self->db, s, "cannot link the leg to its signals", error);
        }
    }
  if (ok)
    {
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "UPDATE decisions SET followed = 'followed' WHERE id = ?", error);

      ok = s != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (s, 1, decision_id);
          ok = alvh_db_step_done (self->db, s, "cannot mark the decision", error);
        }
    }
  if (ok)
    {
      what = describe_leg (l);
      title = g_strdup_printf ("Layer %d hedge (%s): %s", l->layer, d->branch, what);
      body = g_strdup_printf ("%s%s%s", d->explanation != NULL ? d->explanation : "",
                              note != NULL && *note != '\0' ? "\n\n" : "",
                              note != NULL ? note : "");
      tags[1] = d->branch;
      entry.time = l->opened;
      entry.title = title;
      entry.body = body;
      entry.tags = (char **) tags;
      entry.account_id = d->account_id;
      entry.decision_id = d->id;
      entry.leg_id = leg_id;
      entry_id = insert_entry_locked (self, &entry, error);
      ok = entry_id > 0;
    }
  if (!alvh_db_end (self->db, ok, error))
    return 0;
  if (out_entry_id != NULL)
    *out_entry_id = entry_id;
  return leg_id;
}

gboolean
alvh_journal_store_skip_decision (AlvhJournalStore  *self,
                                  gint64             decision_id,
                                  const char        *reason,
                                  GError           **error)
{
  g_autoptr(AlvhJournalDecision) d = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  d = get_pending_decision (self, decision_id, error);
  ok = d != NULL;
  if (ok)
    {
      g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
        "UPDATE decisions SET followed = 'skipped', skip_reason = ? WHERE id = ?", error);

      ok = s != NULL;
      if (ok)
        {
          alvh_db_bind_text (s, 1, reason != NULL ? reason : "");
          sqlite3_bind_int64 (s, 2, decision_id);
          ok = alvh_db_step_done (self->db, s, "cannot skip the decision", error);
        }
    }
  if (ok)
    {
      g_autofree char *title = g_strdup_printf ("Skipped %s (%s), layer %d",
                                                d->action, d->branch, d->layer);
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", reason != NULL ? reason : "",
                                               d->explanation != NULL ? d->explanation : "");
      const char *tags[] = { "skipped", d->branch, NULL };
      AlvhJournalEntry entry = { 0 };

      entry.time = d->time;
      entry.title = title;
      entry.body = body;
      entry.tags = (char **) tags;
      entry.account_id = d->account_id;
      entry.decision_id = d->id;
      ok = insert_entry_locked (self, &entry, error) > 0;
    }
  return alvh_db_end (self->db, ok, error);
}

/* ---- journal entries ------------------------------------------------------ */

#define ENTRY_COLUMNS "e.id, e.time, e.title, e.body, e.tags, e.account_id, e.decision_id, e.leg_id, e.deleted"

static AlvhJournalEntry *
entry_from_row (sqlite3_stmt *s)
{
  AlvhJournalEntry *e = alvh_journal_entry_new ();
  const char *tags = (const char *) sqlite3_column_text (s, 4);

  e->id = sqlite3_column_int64 (s, 0);
  e->time = sqlite3_column_int64 (s, 1);
  e->title = alvh_db_column_text (s, 2);
  e->body = alvh_db_column_text (s, 3);
  e->tags = tags != NULL && *tags != '\0' ? g_strsplit (tags, " ", -1) : g_new0 (char *, 1);
  e->account_id = sqlite3_column_int64 (s, 5);
  e->decision_id = sqlite3_column_int64 (s, 6);
  e->leg_id = sqlite3_column_int64 (s, 7);
  e->deleted = sqlite3_column_int (s, 8) != 0;
  return e;
}

gint64
alvh_journal_store_add_entry (AlvhJournalStore        *self,
                              const AlvhJournalEntry  *entry,
                              GError                 **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  id = insert_entry_locked (self, entry, error);
  return alvh_db_end (self->db, id > 0, error) ? id : 0;
}

AlvhJournalEntry *
alvh_journal_store_get_entry (AlvhJournalStore  *self,
                              gint64             id,
                              GError           **error)
{
  return alvh_db_read_row_by_id (self->db,
    "SELECT " ENTRY_COLUMNS " FROM entries e WHERE e.id = ?",
    id, (AlvhDbRowReader) entry_from_row, "journal entry", "cannot read the entry", ALVH_JOURNAL_ERROR_NOT_FOUND, error);
}

/* Words -> an FTS5 query of quoted terms (so that user text never is FTS syntax);
 * a trailing '*' keeps a prefix search. NULL when there is no word. */
static char *
fts_query_from_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GString) q = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);
      gboolean prefix = len > 1 && words[i][len - 1] == '*';
      gboolean any = FALSE;

      if (prefix)
        words[i][--len] = '\0';
      for (const char *p = words[i]; *p != '\0'; p++)
        if (*p != '"' && *p != '*')
          any = TRUE;
      if (!any)
        continue;
      if (q->len > 0)
        g_string_append_c (q, ' ');
      g_string_append_c (q, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append (q, "\"\"");
          else
            g_string_append_c (q, *p);
        }
      g_string_append_c (q, '"');
      if (prefix)
        g_string_append_c (q, '*');
    }
  if (q->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&q), FALSE);
}

static void
bind_filter_params (sqlite3_stmt            *s,
                    const AlvhJournalFilter *filter,
                    const char              *fts)
{
  int n;

#define BIND_NAME(name) ((n = sqlite3_bind_parameter_index (s, name)) > 0)
  if (BIND_NAME (":from"))
    sqlite3_bind_int64 (s, n, filter->from);
  if (BIND_NAME (":to"))
    sqlite3_bind_int64 (s, n, filter->to);
  if (BIND_NAME (":account"))
    sqlite3_bind_int64 (s, n, filter->account_id);
  if (BIND_NAME (":branch"))
    alvh_db_bind_text (s, n, filter->branch);
  if (BIND_NAME (":trigger"))
    alvh_db_bind_text (s, n, filter->trigger);
  if (BIND_NAME (":tag"))
    {
      g_autofree char *t = g_utf8_strdown (filter->tag, -1);
      alvh_db_bind_text (s, n, g_strstrip (t));
    }
  if (BIND_NAME (":fts"))
    alvh_db_bind_text (s, n, fts);
  if (BIND_NAME (":limit"))
    sqlite3_bind_int (s, n, filter->limit > 0 ? (int) MIN (filter->limit, G_MAXINT) : 100);
  if (BIND_NAME (":offset"))
    sqlite3_bind_int64 (s, n, filter->offset);
#undef BIND_NAME
}

/* How many entries a set holds, counted up to @cap. */
static gint64
count_set_capped (AlvhJournalStore        *self,
                  const char              *set_sql,
                  gint64                   cap,
                  const AlvhJournalFilter *filter,
                  const char              *fts)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (%s LIMIT %" G_GINT64_FORMAT ")", set_sql, cap);
  g_autoptr(sqlite3_stmt) s = NULL;

  if (sqlite3_prepare_v2 (alvh_db_get_handle (self->db), sql, -1, &s, NULL) != SQLITE_OK)
    return cap;  /* unknown: as large as counted */
  bind_filter_params (s, filter, fts);
  if (sqlite3_step (s) != SQLITE_ROW)
    return cap;  /* unknown: as large as counted */
  return sqlite3_column_int64 (s, 0);
}

typedef struct
{
  const char *set;    /* the entry ids that meet the condition */
  const char *probe;  /* the condition on one entry e; NULL: probe the set */
  const char *count;  /* a cheap index range about as large as the set */
} EntryCondition;

/* Runs @sql (bound with the filter and the extra values) and appends the rows. */
static gboolean
run_entry_query (AlvhJournalStore         *self,
                 const char               *sql,
                 const AlvhJournalFilter  *filter,
                 const char               *fts,
                 const gint64             *extra,   /* :b_time :b_id :min_id, or NULL */
                 GPtrArray                *out,
                 GError                  **error)
{
  g_autoptr(sqlite3_stmt) s = NULL;
  int n;

  g_debug ("entry query: %s", sql);
  if (sqlite3_prepare_v2 (alvh_db_get_handle (self->db), sql, -1, &s, NULL) != SQLITE_OK)
    return alvh_db_set_error (self->db, error, "cannot prepare the entry query");
  bind_filter_params (s, filter, fts);
  if (extra != NULL)
    {
      if ((n = sqlite3_bind_parameter_index (s, ":b_time")) > 0)
        sqlite3_bind_int64 (s, n, extra[0]);
      if ((n = sqlite3_bind_parameter_index (s, ":b_id")) > 0)
        sqlite3_bind_int64 (s, n, extra[1]);
      if ((n = sqlite3_bind_parameter_index (s, ":min_id")) > 0)
        sqlite3_bind_int64 (s, n, extra[2]);
    }
  return alvh_db_read_rows (self->db, s, out, (AlvhDbRowReader) entry_from_row, "cannot list entries", error);
}

#define COUNT_CAP 5000

/**
 * alvh_journal_store_list_entries:
 * Entries matching every condition of @filter (NULL: all), newest first.
 *
 * Plan: a condition whose set of entries is small drives the query (look
 * its entries up by id, probe the other conditions, sort the few).
 * Otherwise the newest K entries are walked by index, probing each
 * condition, K growing 8-fold until the page is full; when the next walk
 * would cost more than driving from the smallest set, that set drives after
 * all.  Every plan gives the exact answer.
 */
GPtrArray *
alvh_journal_store_list_entries (AlvhJournalStore         *self,
                                 const AlvhJournalFilter  *filter,
                                 GError                  **error)
{
  static const AlvhJournalFilter no_filter = { 0 };
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_entry_free);
  g_autoptr(GString) base = g_string_new ("1");
  g_autofree char *base_w = NULL;
  g_autofree char *fts = NULL;
  EntryCondition conds[4];
  gint64 counts[4];
  guint n = 0, limit, smallest = 0;
  gint64 page, total = 0, cap;
  gboolean has_fts = FALSE;
  int rc;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  if (filter == NULL)
    filter = &no_filter;
  limit = filter->limit > 0 ? MIN (filter->limit, (guint) G_MAXINT) : 100;
  page = (gint64) limit + filter->offset;

  if (!filter->include_deleted)
    g_string_append (base, " AND e.deleted = 0");
  if (filter->from != 0)
    g_string_append (base, " AND e.time >= :from");
  if (filter->to != 0)
    g_string_append (base, " AND e.time < :to");
  if (filter->account_id > 0)
    g_string_append (base, " AND e.account_id = :account");

  if (filter->branch != NULL && strcmp (filter->branch, "manual") == 0)
    {
      conds[n].probe = "(EXISTS (SELECT 1 FROM decisions d WHERE d.id = e.decision_id AND d.branch = :branch)"
                       " OR EXISTS (SELECT 1 FROM legs l WHERE l.id = e.leg_id AND l.manual = 1))";
      conds[n].count = "SELECT 1 FROM decisions WHERE branch = :branch UNION ALL"
                       " SELECT 1 FROM legs WHERE manual = 1";
      conds[n++].set = "SELECT x.id FROM decisions d CROSS JOIN entries x ON x.decision_id = d.id"
                       " WHERE d.branch = :branch UNION ALL"
                       " SELECT x.id FROM legs l CROSS JOIN entries x ON x.leg_id = l.id WHERE l.manual = 1";
    }
  else if (filter->branch != NULL)
    {
      conds[n].probe = "EXISTS (SELECT 1 FROM decisions d WHERE d.id = e.decision_id AND d.branch = :branch)";
      conds[n].count = "SELECT 1 FROM decisions WHERE branch = :branch";
      conds[n++].set = "SELECT x.id FROM decisions d CROSS JOIN entries x ON x.decision_id = d.id"
                       " WHERE d.branch = :branch";
    }
  if (filter->trigger != NULL)
    {
      /* (key, fired, decision_id) answers the probe from the index alone */
      conds[n].probe = "EXISTS (SELECT 1 FROM signal_snapshots sn INDEXED BY signal_snapshots_key"
                       " WHERE sn.key = :trigger AND sn.fired = 1 AND sn.decision_id = e.decision_id)";
      conds[n].count = "SELECT 1 FROM signal_snapshots WHERE key = :trigger AND fired = 1";
      conds[n++].set = "SELECT x.id FROM signal_snapshots sn CROSS JOIN entries x ON x.decision_id = sn.decision_id"
                       " WHERE sn.key = :trigger AND sn.fired = 1";
    }
  if (filter->tag != NULL)
    {
      conds[n].probe = "EXISTS (SELECT 1 FROM entry_tags et WHERE et.entry_id = e.id"
                       " AND et.tag_id = (SELECT id FROM tags WHERE name = :tag))";
      conds[n].count = NULL;
      conds[n++].set = "SELECT et.entry_id FROM tags t CROSS JOIN entry_tags et ON et.tag_id = t.id"
                       " WHERE t.name = :tag";
    }
  if (filter->query != NULL && (fts = fts_query_from_words (filter->query)) != NULL)
    {
      has_fts = TRUE;
      conds[n].probe = NULL;  /* FTS5 has no cheap probe of one row */
      conds[n].count = NULL;
      conds[n++].set = "SELECT rowid FROM entries_fts WHERE entries_fts MATCH :fts";
    }

  if (n == 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS " FROM entries e WHERE %s"
                                              " ORDER BY e.time DESC, e.id DESC LIMIT :limit OFFSET :offset",
                                              base->str);

      if (!run_entry_query (self, sql, filter, fts, NULL, out, error))
        return NULL;
      return g_steal_pointer (&out);
    }

  {
    g_autoptr(AlvhDbCachedStmt) m = alvh_db_prepare_cached (self->db, "SELECT max(id) FROM entries", error);

    if (m == NULL)
      return NULL;
    if (sqlite3_step (m) == SQLITE_ROW)
      total = sqlite3_column_int64 (m, 0);
  }
  /* driving costs s lookups by id; a walk about page x N / s cheap index
   * steps, a lookup some 16 of them: drive when s < sqrt (page x N) / 4 */
  cap = (gint64) CLAMP (sqrt ((double) page * (double) total) / 4.0, 64.0, 20000.0);
  for (guint i = 0; i < n; i++)
    {
      counts[i] = count_set_capped (self, conds[i].count != NULL ? conds[i].count : conds[i].set,
                                    COUNT_CAP, filter, fts);
      if (counts[i] < counts[smallest])
        smallest = i;
    }

  if (counts[smallest] >= cap)
    {
      base_w = g_strdup (base->str);
      for (char *p = strstr (base_w, "e."); p != NULL; p = strstr (p + 2, "e."))
        *p = 'w';
      for (gint64 k = MAX (1024, 8 * page); ; k *= 8)
        {
          g_autoptr(GString) sql = g_string_new (NULL);
          g_autofree char *edge_sql = NULL;
          g_autoptr(sqlite3_stmt) edge = NULL;
          gint64 extra[3] = { G_MININT64, G_MININT64, 0 };
          gboolean whole = FALSE;

          /* the K-th newest entry bounds the walk; none: walk them all */
          edge_sql = g_strdup_printf ("SELECT w.time, w.id FROM entries w WHERE %s"
                                      " ORDER BY w.time DESC, w.id DESC LIMIT 1 OFFSET %" G_GINT64_FORMAT,
                                      base_w, k - 1);
          if (sqlite3_prepare_v2 (alvh_db_get_handle (self->db), edge_sql, -1, &edge, NULL) != SQLITE_OK)
            {
              alvh_db_set_error (self->db, error, "cannot prepare the entry query");
              return NULL;
            }
          bind_filter_params (edge, filter, fts);
          if (sqlite3_step (edge) == SQLITE_ROW)
            {
              extra[0] = sqlite3_column_int64 (edge, 0);
              extra[1] = sqlite3_column_int64 (edge, 1);
            }
          else
            whole = TRUE;
          if (has_fts && !whole)
            {
              g_autofree char *min_sql = g_strdup_printf ("SELECT min(id) FROM (SELECT w.id FROM entries w WHERE %s"
                                                          " ORDER BY w.time DESC, w.id DESC LIMIT %" G_GINT64_FORMAT ")",
                                                          base_w, k);
              g_autoptr(sqlite3_stmt) mn = NULL;

              if (sqlite3_prepare_v2 (alvh_db_get_handle (self->db), min_sql, -1, &mn, NULL) != SQLITE_OK)
                {
                  alvh_db_set_error (self->db, error, "cannot prepare the entry query");
                  return NULL;
                }
              bind_filter_params (mn, filter, fts);
              if (sqlite3_step (mn) == SQLITE_ROW)
                extra[2] = sqlite3_column_int64 (mn, 0);
            }

          g_string_append_printf (sql, "SELECT " ENTRY_COLUMNS " FROM entries e WHERE %s", base->str);
          if (!whole)
            g_string_append (sql, " AND e.time >= :b_time AND (e.time > :b_time OR e.id >= :b_id)");
          for (guint i = 0; i < n; i++)
            {
              if (conds[i].probe != NULL)
                g_string_append_printf (sql, " AND %s", conds[i].probe);
              else
                g_string_append_printf (sql, " AND +e.id IN (%s AND rowid >= :min_id)", conds[i].set);
            }
          g_string_append (sql, " ORDER BY e.time DESC, e.id DESC LIMIT :limit OFFSET :offset");
          if (!run_entry_query (self, sql->str, filter, fts, extra, out, error))
            return NULL;
          if (out->len >= limit || whole)
            return g_steal_pointer (&out);
          g_ptr_array_set_size (out, 0);
          /* the next walk would cost more than driving from the smallest set
           * (a lookup by id costs about as much as 4 probed steps of a walk;
           * as 1 when the walk also builds the window's part of a full-text
           * set, which driving may skip) */
          if (8 * k > (has_fts && conds[smallest].probe != NULL ? 1 : 4) * counts[smallest])
            break;
        }
    }

  /* drive from the smallest set */
  {
    g_autoptr(GString) sql = g_string_new (NULL);

    /* Building a full-text set costs more than all the rest: when no entry
     * passes the other conditions, do not build it at all. */
    if (has_fts && conds[smallest].probe != NULL)
      {
        g_autoptr(GString) pre = g_string_new (NULL);
        g_autoptr(sqlite3_stmt) ps = NULL;

        g_string_append_printf (pre, "SELECT 1 FROM entries e NOT INDEXED WHERE %s AND e.id IN (%s)",
                                base->str, conds[smallest].set);
        for (guint i = 0; i < n; i++)
          if (i != smallest && conds[i].probe != NULL)
            g_string_append_printf (pre, " AND %s", conds[i].probe);
        g_string_append (pre, " LIMIT 1");
        if (sqlite3_prepare_v2 (alvh_db_get_handle (self->db), pre->str, -1, &ps, NULL) != SQLITE_OK)
          {
            alvh_db_set_error (self->db, error, "cannot prepare the entry query");
            return NULL;
          }
        bind_filter_params (ps, filter, fts);
        rc = sqlite3_step (ps);
        if (rc == SQLITE_DONE)
          return g_steal_pointer (&out);
        if (rc != SQLITE_ROW)
          {
            alvh_db_set_error (self->db, error, "cannot list entries");
            return NULL;
          }
      }

    g_string_append_printf (sql, "SELECT " ENTRY_COLUMNS " FROM entries e NOT INDEXED WHERE %s"
                            " AND e.id IN (%s)", base->str, conds[smallest].set);
    for (guint i = 0; i < n; i++)
      {
        if (i == smallest)
          continue;
        if (conds[i].probe != NULL)
          g_string_append_printf (sql, " AND %s", conds[i].probe);
        else
          g_string_append_printf (sql, " AND +e.id IN (%s)", conds[i].set);
      }
    g_string_append (sql, " ORDER BY e.time DESC, e.id DESC LIMIT :limit OFFSET :offset");
    if (!run_entry_query (self, sql->str, filter, fts, NULL, out, error))
      return NULL;
  }
  return g_steal_pointer (&out);
}

gboolean
alvh_journal_store_update_entry (AlvhJournalStore    *self,
                                 gint64               id,
                                 const char          *title,
                                 const char          *body,
                                 const char * const  *tags,
                                 GError             **error)
{
  g_auto(GStrv) norm = tags != NULL ? normalize_tags (tags) : NULL;
  g_autofree char *tags_text = norm != NULL ? g_strjoinv (" ", norm) : NULL;
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "UPDATE entries SET title = coalesce (?1, title), body = coalesce (?2, body),"
      " tags = coalesce (?3, tags) WHERE id = ?4", error);

    ok = s != NULL;
    if (ok)
      {
        alvh_db_bind_text (s, 1, title);
        alvh_db_bind_text (s, 2, body);
        alvh_db_bind_text (s, 3, tags_text);
        sqlite3_bind_int64 (s, 4, id);
        ok = alvh_db_step_done (self->db, s, "cannot update the entry", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          ok = not_found (self, error, "journal entry", id);
      }
  }
  if (ok && norm != NULL)
    ok = set_entry_tags_locked (self, id, norm, error);
  return alvh_db_end (self->db, ok, error);
}

static gboolean
set_entry_deleted (AlvhJournalStore  *self,
                   gint64             id,
                   gboolean           deleted,
                   GError           **error)
{
  gboolean ok;

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "UPDATE entries SET deleted = ? WHERE id = ?", error);

    ok = s != NULL;
    if (ok)
      {
        sqlite3_bind_int (s, 1, deleted ? 1 : 0);
        sqlite3_bind_int64 (s, 2, id);
        ok = alvh_db_step_done (self->db, s, "cannot change the entry", error);
        if (ok && sqlite3_changes (alvh_db_get_handle (self->db)) == 0)
          ok = not_found (self, error, "journal entry", id);
      }
  }
  return alvh_db_end (self->db, ok, error);
}

/* Soft delete: the entry disappears from lists and search results until undeleted. */
gboolean
alvh_journal_store_delete_entry (AlvhJournalStore  *self,
                                 gint64             id,
                                 GError           **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  return set_entry_deleted (self, id, TRUE, error);
}

gboolean
alvh_journal_store_undelete_entry (AlvhJournalStore  *self,
                                   gint64             id,
                                   GError           **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  return set_entry_deleted (self, id, FALSE, error);
}

gint64
alvh_journal_store_add_attachment (AlvhJournalStore  *self,
                                   gint64             entry_id,
                                   GBytes            *png,
                                   const char        *caption,
                                   GError           **error)
{
  gint64 id = 0;
  gboolean ok;
  gsize len = 0;
  const guint8 *data;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (png != NULL, 0);

  data = g_bytes_get_data (png, &len);
  if (len < 8 || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: attachment: expected PNG data (the 8-byte PNG signature)", self->path);
      return 0;
    }
  if (!alvh_db_begin (self->db, error))
    return 0;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "INSERT INTO attachments (entry_id, png, caption) VALUES (?, ?, ?)", error);

    ok = s != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (s, 1, entry_id);
        sqlite3_bind_blob64 (s, 2, data, len, SQLITE_TRANSIENT);
        alvh_db_bind_text (s, 3, caption != NULL ? caption : "");
        ok = alvh_db_step_done (self->db, s, "cannot add the attachment", error);
        id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
      }
  }
  return alvh_db_end (self->db, ok, error) ? id : 0;
}

static AlvhJournalAttachment *
attachment_from_row (sqlite3_stmt *s)
{
  AlvhJournalAttachment *a = g_new0 (AlvhJournalAttachment, 1);

  a->id = sqlite3_column_int64 (s, 0);
  a->entry_id = sqlite3_column_int64 (s, 1);
  a->png = g_bytes_new (sqlite3_column_blob (s, 2), (gsize) sqlite3_column_bytes (s, 2));
  a->caption = alvh_db_column_text (s, 3);
  return a;
}

GPtrArray *
alvh_journal_store_list_attachments (AlvhJournalStore  *self,
                                     gint64             entry_id,
                                     GError           **error)
{
  const gint64 params[] = { entry_id };

  return alvh_db_list_rows (self->db,
    "SELECT id, entry_id, png, caption FROM attachments WHERE entry_id = ? ORDER BY id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_journal_attachment_free,
    (AlvhDbRowReader) attachment_from_row, "cannot list attachments", error);
}

/* ---- review and statistics ------------------------------------------------ */

typedef struct
{
  AlvhLeg *leg;
  char           *branch;
  char           *followed;
  GPtrArray      *triggers;  /* char * */
  GArray         *closes;    /* AlvhJournalLegClose */
} ReviewLeg;

static void
review_leg_free (ReviewLeg *r)
{
  alvh_leg_free (r->leg);
  g_free (r->branch);
  g_free (r->followed);
  g_ptr_array_unref (r->triggers);
  g_array_unref (r->closes);
  g_free (r);
}

/* Intrinsic value per contract of a leg at the given closes. */
static double
leg_intrinsic (const AlvhLeg *l,
               double                spx,
               double                vix)
{
  gboolean on_spx = l->kind == ALVH_LEG_SPX_PUT || l->kind == ALVH_LEG_SPX_PUT_SPREAD;
  gboolean put = on_spx || l->kind == ALVH_LEG_VIX_PUT;
  double u = on_spx ? spx : vix;
  double v;

  if (l->kind == ALVH_LEG_VIX_FUTURE)
    return u;  /* a future is worth its price (VIX as the proxy) */
  if (!isfinite (l->long_strike) || !isfinite (u))
    return NAN;
  v = put ? MAX (l->long_strike - u, 0.0) : MAX (u - l->long_strike, 0.0);
  if (isfinite (l->short_strike))
    v = MIN (v, fabs (l->short_strike - l->long_strike));
  return v;
}

/* Index of the last bar with time <= t, or -1. */
static gssize
market_find_le (const AlvhJournalMarket *m,
                gint64                   t)
{
  gsize lo = 0, hi;

  if (m == NULL || m->n_bars == 0 || m->times[0] > t)
    return -1;
  hi = m->n_bars;
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (m->times[mid] <= t)
        lo = mid;
      else
        hi = mid;
    }
  return (gssize) lo;
}

static AlvhJournalLegOutcome *
compute_outcome (ReviewLeg               *r,
                 const AlvhJournalMarket *m)
{
  AlvhJournalLegOutcome *o = g_new0 (AlvhJournalLegOutcome, 1);
  const AlvhLeg *l = r->leg;
  double qty = l->quantity, realised = 0, closed_qty = 0, final_mark = NAN;
  gboolean closed = l->closed_quantity >= l->quantity - 1e-9;
  gint64 end;
  gssize i0, i1;
  guint ci = 0;

  o->leg_id = l->id;
  o->condor_id = l->condor_id;
  o->decision_id = l->decision_id;
  o->branch = g_strdup (l->manual ? "manual" : r->branch != NULL ? r->branch : "none");
  g_ptr_array_add (r->triggers, NULL);
  o->triggers = g_strdupv ((char **) r->triggers->pdata);
  g_ptr_array_set_size (r->triggers, r->triggers->len - 1);
  o->closed = closed;
  o->spx_at_add = o->spx_max_adverse = o->vix_at_add = o->vix_at_end = NAN;

  if (closed && r->closes->len > 0)
    end = g_array_index (r->closes, AlvhJournalLegClose, r->closes->len - 1).time;
  else if (l->expiry > 0)
    end = l->expiry;
  else
    end = G_MAXINT64;

  i0 = market_find_le (m, l->opened);
  if (i0 < 0 && m != NULL && m->n_bars > 0 && m->times[0] <= end)
    i0 = 0;
  i1 = i0 >= 0 ? market_find_le (m, end) : -1;
  if (i1 < i0)
    i1 = i0;

  if (i0 >= 0)
    {
      double best = 0;

      o->spx_at_add = m->spx[i0];
      o->vix_at_add = m->vix[i0];
      o->spx_max_adverse = 0;
      for (gssize i = i0; i <= i1; i++)
        {
          double move = m->spx[i] / m->spx[i0] - 1.0;
          double mark = leg_intrinsic (l, m->spx[i], m->vix[i]);
          double path;

          if (fabs (move) > best)
            {
              best = fabs (move);
              o->spx_max_adverse = move;
            }
          /* closes up to this bar */
          while (ci < r->closes->len &&
                 g_array_index (r->closes, AlvhJournalLegClose, ci).time <= m->times[i])
            {
              const AlvhJournalLegClose *c = &g_array_index (r->closes, AlvhJournalLegClose, ci);

              realised += (c->price - l->premium) * 100.0 * c->quantity;
              closed_qty += c->quantity;
              ci++;
            }
          if (!isfinite (mark))
            mark = l->premium;
          path = realised + (mark - l->premium) * 100.0 * MAX (qty - closed_qty, 0.0);
          o->mae = MIN (o->mae, path);
          o->mfe = MAX (o->mfe, path);
          final_mark = mark;
        }
      o->vix_at_end = m->vix[i1];
      o->vix_rose = o->vix_at_end > o->vix_at_add;
    }

  /* the remaining closes (after the last bar, or without market data) */
  while (ci < r->closes->len)
    {
      const AlvhJournalLegClose *c = &g_array_index (r->closes, AlvhJournalLegClose, ci);

      realised += (c->price - l->premium) * 100.0 * c->quantity;
      closed_qty += c->quantity;
      ci++;
    }
  o->pnl = realised;
  if (qty - closed_qty > 1e-9 && isfinite (final_mark))
    o->pnl += (final_mark - l->premium) * 100.0 * (qty - closed_qty);
  o->mae = MIN (o->mae, o->pnl);
  o->mfe = MAX (o->mfe, o->pnl);
  return o;
}

static GPtrArray *
load_review_legs (AlvhJournalStore  *self,
                  gint64             account_id,
                  GError           **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) review_leg_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT l.id, l.account_id, l.condor_id, l.decision_id, l.kind, l.long_strike,"
      " l.short_strike, l.expiry, l.quantity, l.premium, l.layer, l.opened, l.manual,"
      " l.closed_quantity, l.close_price, l.notes, d.branch, d.followed"
      " FROM legs l LEFT JOIN decisions d ON d.id = l.decision_id"
      " WHERE (?1 = 0 OR l.account_id = ?1) ORDER BY l.opened, l.id", error);

    if (s == NULL)
      return NULL;
    sqlite3_bind_int64 (s, 1, account_id);
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        AlvhLeg *leg = leg_from_row (s);
        ReviewLeg *r;

        if (leg == NULL)
          {
            g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                         "%s: cannot read legs: a row holds a value this version does not know",
                         self->path);
            return NULL;
          }
        r = g_new0 (ReviewLeg, 1);
        r->leg = leg;
        r->branch = alvh_db_column_text (s, 16);
        r->followed = alvh_db_column_text (s, 17);
        r->triggers = g_ptr_array_new_with_free_func (g_free);
        r->closes = g_array_new (FALSE, FALSE, sizeof (AlvhJournalLegClose));
        g_ptr_array_add (out, r);
        g_hash_table_insert (by_id, &r->leg->id, r);
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read legs");
        return NULL;
      }
  }
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT ls.leg_id, sn.key FROM leg_signals ls"
      " JOIN signal_snapshots sn ON sn.id = ls.snapshot_id WHERE sn.fired = 1"
      " ORDER BY ls.leg_id, sn.key", error);

    if (s == NULL)
      return NULL;
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (s, 0);
        ReviewLeg *r = g_hash_table_lookup (by_id, &id);

        if (r != NULL)
          g_ptr_array_add (r->triggers, alvh_db_column_text (s, 1));
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read leg signals");
        return NULL;
      }
  }
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT id, leg_id, time, quantity, price FROM leg_closes ORDER BY leg_id, time, id", error);

    if (s == NULL)
      return NULL;
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (s, 1);
        ReviewLeg *r = g_hash_table_lookup (by_id, &id);
        AlvhJournalLegClose c;

        if (r == NULL)
          continue;
        c.id = sqlite3_column_int64 (s, 0);
        c.leg_id = id;
        c.time = sqlite3_column_int64 (s, 2);
        c.quantity = sqlite3_column_double (s, 3);
        c.price = sqlite3_column_double (s, 4);
        g_array_append_val (r->closes, c);
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read leg closes");
        return NULL;
      }
  }
  return g_steal_pointer (&out);
}

/**
 * alvh_journal_store_review_legs:
 * The outcome of every leg (of @account_id, or all with 0) measured on
 * @market (may be NULL: then only realised P&L counts). Returns a
 * GPtrArray of AlvhJournalLegOutcome in the order the legs were opened.
 */
GPtrArray *
alvh_journal_store_review_legs (AlvhJournalStore         *self,
                                gint64                    account_id,
                                const AlvhJournalMarket  *market,
                                GError                  **error)
{
  g_autoptr(GPtrArray) legs = NULL;
  GPtrArray *out;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);

  legs = load_review_legs (self, account_id, error);
  if (legs == NULL)
    return NULL;
  out = g_ptr_array_new_full (legs->len, (GDestroyNotify) alvh_journal_leg_outcome_free);
  for (guint i = 0; i < legs->len; i++)
    g_ptr_array_add (out, compute_outcome (g_ptr_array_index (legs, i), market));
  return out;
}

static void
stat_add (GHashTable *table,
          const char *group,
          double      pnl,
          double      mae,
          double      mfe)
{
  AlvhJournalStatRow *row = g_hash_table_lookup (table, group);

  if (row == NULL)
    {
      row = g_new0 (AlvhJournalStatRow, 1);
      row->group = g_strdup (group);
      g_hash_table_insert (table, row->group, row);
    }
  row->count++;
  if (pnl > 0)
    row->hits++;
  row->total_pnl += pnl;
  row->avg_mae += mae;   /* sums until finished */
  row->avg_mfe += mfe;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const AlvhJournalStatRow *ra = *(AlvhJournalStatRow * const *) a;
  const AlvhJournalStatRow *rb = *(AlvhJournalStatRow * const *) b;

  return strcmp (ra->group, rb->group);
}

static GPtrArray *
stat_finish (GHashTable *table)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_stat_row_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AlvhJournalStatRow *row = value;

      row->hit_rate = (double) row->hits / row->count;
      row->avg_pnl = row->total_pnl / row->count;
      row->avg_mae /= row->count;
      row->avg_mfe /= row->count;
      g_ptr_array_add (out, row);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (out, compare_rows);
  return out;
}

typedef struct
{
  gint64 condor_id;
  double pnl;
  guint  n_legs;
} HedgeSum;

static double
condor_intrinsic (const AlvhCondor *c,
                  double                   spx)
{
  double put = MIN (MAX (c->short_put - spx, 0.0), c->short_put - c->long_put);
  double call = MIN (MAX (spx - c->short_call, 0.0), c->long_call - c->short_call);

  return put + call;
}

/**
 * alvh_journal_store_compute_stats:
 * Statistics over the legs (per trigger, per combination of triggers that
 * fired together, per branch), per condor with and without its hedges, and
 * adherence (condors where the rules were followed vs overridden by a skipped
 * decision or a manual leg). Open positions are marked at intrinsic value on
 * the last bar of @market (NULL: at cost).
 */
AlvhJournalStats *
alvh_journal_store_compute_stats (AlvhJournalStore         *self,
                                  gint64                    account_id,
                                  const AlvhJournalMarket  *market,
                                  GError                  **error)
{
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GHashTable) by_trigger = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);
  g_autoptr(GHashTable) by_combo = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);
  g_autoptr(GHashTable) by_branch = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);
  g_autoptr(GHashTable) adherence = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);
  g_autoptr(GHashTable) overridden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) hedges = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(AlvhJournalStats) stats = g_new0 (AlvhJournalStats, 1);
  int rc;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);

  outcomes = alvh_journal_store_review_legs (self, account_id, market, error);
  if (outcomes == NULL)
    return NULL;

  for (guint i = 0; i < outcomes->len; i++)
    {
      AlvhJournalLegOutcome *o = g_ptr_array_index (outcomes, i);
      g_autofree char *combo = NULL;

      for (guint k = 0; o->triggers[k] != NULL; k++)
        stat_add (by_trigger, o->triggers[k], o->pnl, o->mae, o->mfe);
      combo = o->triggers[0] != NULL ? g_strjoinv ("+", o->triggers) : g_strdup ("(none)");
      stat_add (by_combo, combo, o->pnl, o->mae, o->mfe);
      stat_add (by_branch, o->branch, o->pnl, o->mae, o->mfe);
    }
  stats->by_trigger = stat_finish (by_trigger);
  stats->by_combination = stat_finish (by_combo);
  stats->by_branch = stat_finish (by_branch);

  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT condor_id FROM decisions WHERE followed IN ('skipped', 'manual') AND condor_id IS NOT NULL"
      " UNION SELECT condor_id FROM legs WHERE manual = 1 AND condor_id IS NOT NULL", error);

    if (s == NULL)
      return NULL;
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        gint64 *id = g_new (gint64, 1);

        *id = sqlite3_column_int64 (s, 0);
        g_hash_table_add (overridden, id);
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read adherence");
        return NULL;
      }
  }

  /* the legs' P&L summed per condor */
  for (guint i = 0; i < outcomes->len; i++)
    {
      AlvhJournalLegOutcome *o = g_ptr_array_index (outcomes, i);
      HedgeSum *sum;

      if (o->condor_id <= 0)
        continue;
      sum = g_hash_table_lookup (hedges, &o->condor_id);
      if (sum == NULL)
        {
          sum = g_new0 (HedgeSum, 1);
          sum->condor_id = o->condor_id;
          g_hash_table_insert (hedges, &sum->condor_id, sum);
        }
      sum->pnl += o->pnl;
      sum->n_legs++;
    }

  stats->condors = g_ptr_array_new_with_free_func (g_free);
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT " CONDOR_COLUMNS " FROM condors WHERE (?1 = 0 OR account_id = ?1) ORDER BY id", error);

    if (s == NULL)
      return NULL;
    sqlite3_bind_int64 (s, 1, account_id);
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        g_autoptr(AlvhCondor) c = condor_from_row (s);
        AlvhJournalCondorStat *cs = g_new0 (AlvhJournalCondorStat, 1);
        double price = c->close_price;

        cs->condor_id = c->id;
        cs->closed = c->closed != 0;
        if (!cs->closed)
          {
            gssize i = market_find_le (market, c->expiry > 0 ? c->expiry : G_MAXINT64);

            price = i >= 0 ? condor_intrinsic (c, market->spx[i]) : c->credit;
          }
        cs->pnl_unhedged = (c->credit - price) * 100.0 * c->units;
        {
          HedgeSum *sum = g_hash_table_lookup (hedges, &c->id);

          if (sum != NULL)
            {
              cs->hedge_pnl = sum->pnl;
              cs->n_legs = sum->n_legs;
            }
        }
        cs->pnl_hedged = cs->pnl_unhedged + cs->hedge_pnl;
        cs->followed = !g_hash_table_contains (overridden, &c->id);
        g_ptr_array_add (stats->condors, cs);
        stat_add (adherence, cs->followed ? "followed" : "overridden", cs->pnl_hedged, NAN, NAN);
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read condors");
        return NULL;
      }
  }
  stats->adherence = stat_finish (adherence);
  return g_steal_pointer (&stats);
}
