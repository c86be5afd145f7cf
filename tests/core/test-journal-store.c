/* test-journal-store.c — the journal database: schema, migrations, links, search, statistics
 *
 * Longer than the ~1,200 lines the project keeps a file to, on purpose: it is
 * the journal store's contract, table family by table family, on one fixture
 * and one set of SQL probes (query_int(), query_text(), has_table()) that the
 * schema, link, search and statistics tests all read the database with.
 * Split, those probes would be copied into each part.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "test-util.h"
#include "test-journal-util.h"
#include "alvh-journal-store-private.h"

typedef TestStores Fixture;

static gint64
query_int (AlvhJournalStore *store,
           const char       *sql)
{
  sqlite3_stmt *s = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (_alvh_journal_store_get_db (store), sql, -1, &s, NULL), ==, SQLITE_OK);
  if (sqlite3_step (s) == SQLITE_ROW)
    v = sqlite3_column_int64 (s, 0);
  sqlite3_finalize (s);
  return v;
}

static char *
query_text (AlvhJournalStore *store,
            const char       *sql)
{
  sqlite3_stmt *s = NULL;
  char *v = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_alvh_journal_store_get_db (store), sql, -1, &s, NULL), ==, SQLITE_OK);
  if (sqlite3_step (s) == SQLITE_ROW)
    v = g_strdup ((const char *) sqlite3_column_text (s, 0));
  sqlite3_finalize (s);
  return v;
}

static gboolean
has_table (AlvhJournalStore *store,
           const char       *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE name = '%s'", name);

  return query_int (store, sql) == 1;
}

/* ---- schema ------------------------------------------------------------ */

static void
test_schema (TestJournal   *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  const char *tables[] = { "accounts", "profiles", "events", "condors", "legs", "leg_closes",
                           "decisions", "signal_snapshots", "leg_signals", "entries", "tags",
                           "entry_tags", "entries_fts", "attachments" };
  GStatBuf st;

  g_assert_cmpint (alvh_journal_store_get_schema_version (f->store), ==, ALVH_JOURNAL_SCHEMA_VERSION);
  g_assert_cmpint (query_int (f->store, "PRAGMA user_version"), ==, ALVH_JOURNAL_SCHEMA_VERSION);
  mode = query_text (f->store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (query_int (f->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (f->store, "PRAGMA synchronous"), ==, 2); /* FULL */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_true (has_table (f->store, tables[i]));

  /* the file is private */
  g_assert_cmpint (g_stat (f->paths.db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* foreign keys are enforced: a leg in an account that does not exist */
  {
    g_autoptr(AlvhLeg) leg = alvh_leg_new ();

    leg->account_id = 42;
    leg->kind = ALVH_LEG_VIX_CALL;
    leg->long_strike = 20;
    leg->quantity = 1;
    leg->premium = 1;
    leg->opened = 1;
    g_assert_cmpint (alvh_journal_store_add_leg (f->store, leg, &error), ==, 0);
    g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
    g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM legs"), ==, 0);
  }
}

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account, entry;

  {
    g_autoptr(AlvhJournalStore) old = _alvh_journal_store_open_version (f->db, 1, &error);
    AlvhJournalEntry e = { 0 };
    const char *tags[] = { "old", NULL };

    g_assert_no_error (error);
    g_assert_cmpint (alvh_journal_store_get_schema_version (old), ==, 1);
    g_assert_false (has_table (old, "attachments"));
    account = alvh_journal_store_create_account (old, "IRA", &error);
    g_assert_no_error (error);
    e.time = 1000;
    e.title = (char *) "before the upgrade";
    e.body = (char *) "kept";
    e.tags = (char **) tags;
    entry = alvh_journal_store_add_entry (old, &e, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);
    g_autoptr(AlvhJournalEntry) e = NULL;
    g_autoptr(GPtrArray) accounts = NULL;
    static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };
    g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);
    g_autoptr(GPtrArray) atts = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (alvh_journal_store_get_schema_version (store), ==, ALVH_JOURNAL_SCHEMA_VERSION);
    g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, ALVH_JOURNAL_SCHEMA_VERSION);
    g_assert_true (has_table (store, "attachments"));
    g_assert_true (has_table (store, "signal_snapshots_key"));
    accounts = alvh_journal_store_list_accounts (store, &error);
    g_assert_cmpuint (accounts->len, ==, 1);
    g_assert_cmpint (((AlvhJournalAccount *) accounts->pdata[0])->id, ==, account);
    e = alvh_journal_store_get_entry (store, entry, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (e->title, ==, "before the upgrade");
    g_assert_cmpstr (e->tags[0], ==, "old");

    /* the new table works */
    g_assert_cmpint (alvh_journal_store_add_attachment (store, entry, bytes, "chart", &error), >, 0);
    g_assert_no_error (error);
    atts = alvh_journal_store_list_attachments (store, entry, &error);
    g_assert_cmpuint (atts->len, ==, 1);
    g_assert_true (g_bytes_equal (((AlvhJournalAttachment *) atts->pdata[0])->png, bytes));
    {
      g_autoptr(GBytes) junk = g_bytes_new_static ("GIF89a..", 8);

      g_assert_cmpint (alvh_journal_store_add_attachment (store, entry, junk, NULL, &error), ==, 0);
      g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
    }
  }
}

static void
test_newer_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  gsize len_before, len_after;
  GStatBuf st_before, st_after;

  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_no_error (error);
    alvh_journal_store_create_account (store, "main", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (_alvh_journal_store_get_db (store),
                                   "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  }
  /* the last connection closed: everything is checkpointed into the main file */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (f->db, &before, &len_before, NULL));
  g_assert_cmpint (g_stat (f->db, &st_before), ==, 0);
  g_usleep (20000);

  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_null (store);
    g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NEWER_SCHEMA);
    g_assert_nonnull (strstr (error->message, "newer version"));
    g_assert_nonnull (strstr (error->message, "99"));
    g_test_message ("refusal: %s", error->message);
  }
  g_assert_true (g_file_get_contents (f->db, &after, &len_after, NULL));
  g_assert_cmpint (g_stat (f->db, &st_after), ==, 0);
  g_assert_cmpmem (before, len_before, after, len_after);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
#ifdef __linux__
  g_assert_cmpint (st_before.st_mtim.tv_nsec, ==, st_after.st_mtim.tv_nsec);
#endif
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) &&
                  st_after.st_size != st_before.st_size);
}

/* ---- concurrent first opens ------------------------------------------------ */

typedef struct
{
  const char *path;
  gint       *go;
  GError     *error;
  int         version;
} OpenJob;

static gpointer
open_thread (gpointer data)
{
  OpenJob *job = data;
  AlvhJournalStore *store;

  while (!g_atomic_int_get (job->go))
    ;  /* spin: start every open at the same moment */
  store = alvh_journal_store_open (job->path, &job->error);
  if (store != NULL)
    {
      job->version = alvh_journal_store_get_schema_version (store);
      g_object_unref (store);
    }
  return NULL;
}

/* Four threads open @path at the same moment; each finds the current schema */
static void
open_at_once (const char *path)
{
  OpenJob jobs[4];
  GThread *threads[G_N_ELEMENTS (jobs)];
  gint go = 0;

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i] = (OpenJob) { path, &go, NULL, 0 };
      threads[i] = g_thread_new ("open", open_thread, &jobs[i]);
    }
  g_atomic_int_set (&go, 1);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (jobs[i].error);
      g_assert_cmpint (jobs[i].version, ==, ALVH_JOURNAL_SCHEMA_VERSION);
    }
}

/* Two connections opening a new file at the same moment used to both run the
 * migrations ("table accounts already exists"); now each step runs under the
 * write lock with user_version read again under it. */
static void
test_concurrent_open (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%u", f->db, round);
      g_autofree char *dir = g_path_get_dirname (path);
      int child_status = 0;
      pid_t child;

      g_mkdir_with_parents (dir, 0700);
      /* a forked process opens it too, at the same moment as the threads */
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          GError *child_error = NULL;
          AlvhJournalStore *store;

          while (!g_file_test (dir, G_FILE_TEST_IS_DIR))
            ;
          int code;

          store = alvh_journal_store_open (path, &child_error);
          if (store == NULL)
            {
              g_printerr ("child: %s\n", child_error->message);
              g_error_free (child_error);
              _exit (3);
            }
          code = alvh_journal_store_get_schema_version (store) == ALVH_JOURNAL_SCHEMA_VERSION ? 0 : 4;
          /* free before leaving, so that leak checkers (valgrind follows the
           * fork) see a clean exit */
          g_object_unref (store);
          g_free (g_steal_pointer (&path));
          g_free (g_steal_pointer (&dir));
          _exit (code);
        }
      open_at_once (path);
      g_assert_cmpint (waitpid (child, &child_status, 0), ==, child);
      g_assert_true (WIFEXITED (child_status));
      g_assert_cmpint (WEXITSTATUS (child_status), ==, 0);

      {
        g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (path, &error);

        g_assert_no_error (error);
        g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, ALVH_JOURNAL_SCHEMA_VERSION);
        g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'accounts'"), ==, 1);
        g_assert_cmpint (alvh_journal_store_create_account (store, "main", &error), >, 0);
        g_assert_no_error (error);
      }
    }
}

/* an old file upgraded by several connections at once: each step runs once */
static void
test_concurrent_migration (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(AlvhJournalStore) old = _alvh_journal_store_open_version (f->db, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (alvh_journal_store_create_account (old, "IRA", &error), >, 0);
  }
  open_at_once (f->db);
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);
    g_autoptr(GPtrArray) accounts = alvh_journal_store_list_accounts (store, &error);

    g_assert_no_error (error);
    g_assert_true (has_table (store, "attachments"));
    g_assert_cmpuint (accounts->len, ==, 1);
  }
}

/* ---- accounts, profiles, events ----------------------------------------- */

static void
test_accounts_profiles_events (TestJournal   *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(AlvhJournalProfile) p = NULL;
  AlvhEvent ev = { 0 };
  gint64 a, b, p1, p2, e1, e2;
  int version = 0;

  a = alvh_journal_store_create_account (f->store, "Taxable", &error);
  g_assert_no_error (error);
  b = alvh_journal_store_create_account (f->store, "IRA", &error);
  g_assert_no_error (error);
  g_assert_cmpint (alvh_journal_store_create_account (f->store, "IRA", &error), ==, 0);
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (alvh_journal_store_rename_account (f->store, a, "Brokerage", &error));
  g_assert_false (alvh_journal_store_rename_account (f->store, 999, "x", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  accounts = alvh_journal_store_list_accounts (f->store, &error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpstr (((AlvhJournalAccount *) accounts->pdata[0])->name, ==, "Brokerage");
  g_assert_cmpint (((AlvhJournalAccount *) accounts->pdata[1])->id, ==, b);

  p1 = alvh_journal_store_save_profile (f->store, "default", "[alvh]\niv_expansion=0.15\n", &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 1);
  g_assert_cmpint (alvh_journal_store_save_profile (f->store, "default", "[alvh]\niv_expansion=0.15\n", &version, &error), ==, p1);
  g_assert_cmpint (version, ==, 1);
  p2 = alvh_journal_store_save_profile (f->store, "default", "[alvh]\niv_expansion=0.20\n", &version, &error);
  g_assert_cmpint (version, ==, 2);
  g_assert_cmpint (p2, !=, p1);
  p = alvh_journal_store_get_profile (f->store, "default", 0, &error);
  g_assert_cmpint (p->version, ==, 2);
  g_assert_cmpstr (p->keyfile, ==, "[alvh]\niv_expansion=0.20\n");
  g_clear_pointer (&p, alvh_journal_profile_free);
  p = alvh_journal_store_get_profile (f->store, "default", 1, &error);
  g_assert_cmpstr (p->keyfile, ==, "[alvh]\niv_expansion=0.15\n");
  g_assert_null (alvh_journal_store_get_profile (f->store, "default", 7, &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  profiles = alvh_journal_store_list_profiles (f->store, &error);
  g_assert_cmpuint (profiles->len, ==, 2);

  ev.time = alvh_time_from_ny_date (2024, 3, 12);
  ev.kind = ALVH_EVENT_CPI;
  ev.shift = TRUE;
  ev.note = (char *) "hot print";
  e1 = alvh_journal_store_add_event (f->store, &ev, &error);
  g_assert_no_error (error);
  ev.time = alvh_time_from_ny_date (2024, 3, 20);
  ev.kind = ALVH_EVENT_FOMC;
  ev.shift = FALSE;
  e2 = alvh_journal_store_add_event (f->store, &ev, &error);
  ev.kind = (AlvhEventKind) 42;  /* no such kind */
  g_assert_cmpint (alvh_journal_store_add_event (f->store, &ev, &error), ==, 0);
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  ev.id = e2;
  ev.kind = ALVH_EVENT_PPI;
  ev.note = (char *) "changed";
  g_assert_true (alvh_journal_store_update_event (f->store, &ev, &error));
  events = alvh_journal_store_list_events (f->store, alvh_time_from_ny_date (2024, 3, 1),
                                           alvh_time_from_ny_date (2024, 4, 1), &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (((AlvhEvent *) events->pdata[0])->kind, ==, ALVH_EVENT_CPI);
  g_assert_true (((AlvhEvent *) events->pdata[0])->shift);
  g_assert_cmpint (((AlvhEvent *) events->pdata[1])->kind, ==, ALVH_EVENT_PPI);
  g_assert_cmpstr (((AlvhEvent *) events->pdata[1])->note, ==, "changed");
  g_clear_pointer (&events, g_ptr_array_unref);
  g_assert_true (alvh_journal_store_delete_event (f->store, e1, &error));
  events = alvh_journal_store_list_events (f->store, 0, 0, &error);
  g_assert_cmpuint (events->len, ==, 1);
}

/* ---- decisions, legs and the links ----------------------------------------- */

/* How many signals @d holds (recorded snapshots, for one read back). */
static guint
count_recorded (const AlvhDecision *d)
{
  guint n = 0;

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    n += alvh_decision_has_signal (d, (AlvhSignalId) i) && d->signals[i].snapshot_id > 0;
  return n;
}

static AlvhDecision *
make_decision (gint64      account,
               gint64      condor,
               gint64      time,
               const char *action,
               const char *branch,
               double      size,
               const char *fired_keys)
{
  AlvhDecision *d = test_decision_new (account, condor, time, action, branch);
  g_auto(GStrv) fired = g_strsplit (fired_keys, ",", -1);
  const char *keys[] = { "iv_expansion", "term_inversion", "rsi_extreme", "wing_proximity",
                         "book_delta", "macro_regime" };

  test_decision_set_vix_spread (d, 1, size, 20, time + 40 * 86400, 150.0 * size);
  g_strlcpy (d->profile_name, "default", sizeof d->profile_name);
  d->profile_version = 1;
  d->explanation = g_strdup_printf ("Rules fired: %s.", fired_keys);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gboolean on = g_strv_contains ((const char * const *) fired, keys[i]);
      gboolean na = strcmp (keys[i], "rsi_extreme") == 0;
      AlvhSignalId id;

      g_assert_true (alvh_signal_id_from_key (keys[i], &id));
      alvh_decision_set_signal (d, id, na ? NAN : on ? 1.5 : 0.1, 1.0 + i, on);
    }
  return d;
}

/* A booking that fails (no such condor) leaves nothing behind: one
 * transaction */
static void
leg_signals_failed_booking (AlvhJournalStore *store,
                            gint64            did)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLeg) bad = alvh_leg_new ();

  bad->kind = ALVH_LEG_VIX_CALL_SPREAD;
  bad->long_strike = 20;
  bad->short_strike = 25;
  bad->condor_id = 987654;  /* no such condor: the FK fails after nothing else */
  g_assert_cmpint (alvh_journal_store_add_leg_from_decision (store, did, bad, 1.2, 2, "x", NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM legs"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM entries"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM leg_signals"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM decisions WHERE followed IS NULL"), ==, 1);
}

/* The leg booked from decision @did: the decision's size and strikes, linked
 * to exactly the FIRED signals (with their snapshots), and its entry */
static void
leg_signals_check_leg (AlvhJournalStore   *store,
                       const AlvhDecision *back,
                       gint64              did,
                       gint64              condor,
                       gint64              leg_id,
                       gint64              entry_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLeg) leg = NULL;
  g_autoptr(AlvhJournalEntry) entry = NULL;
  g_autoptr(GPtrArray) sigs = NULL;

  leg = alvh_journal_store_get_leg (store, leg_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (leg->decision_id, ==, did);
  g_assert_cmpint (leg->condor_id, ==, condor);
  g_assert_cmpstr (alvh_leg_kind_to_string (leg->kind), ==, "vix_call_spread");
  g_assert_cmpfloat (leg->quantity, ==, 2);       /* the decision's size */
  g_assert_cmpfloat (leg->premium, ==, 1.25);
  g_assert_cmpfloat (leg->long_strike, ==, 20);
  g_assert_cmpfloat (leg->short_strike, ==, 25);
  g_assert_cmpint (leg->layer, ==, 1);
  g_assert_false (leg->manual);
  g_assert_cmpstr (leg->notes, ==, "filled at mid");

  /* linked to exactly the FIRED signals */
  sigs = alvh_journal_store_list_leg_signals (store, leg_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigs->len, ==, 2);
  g_assert_cmpint (((AlvhSignal *) sigs->pdata[0])->id, ==, ALVH_SIGNAL_BOOK_DELTA);
  g_assert_cmpint (((AlvhSignal *) sigs->pdata[1])->id, ==, ALVH_SIGNAL_WING_PROXIMITY);
  g_assert_true (((AlvhSignal *) sigs->pdata[1])->fired);
  g_assert_cmpfloat (((AlvhSignal *) sigs->pdata[1])->value, ==, 1.5);
  g_assert_cmpfloat (((AlvhSignal *) sigs->pdata[1])->threshold, ==, 4.0);
  g_assert_cmpint (((AlvhSignal *) sigs->pdata[1])->snapshot_id, ==,
                   back->signals[ALVH_SIGNAL_WING_PROXIMITY].snapshot_id);

  entry = alvh_journal_store_get_entry (store, entry_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->leg_id, ==, leg_id);
  g_assert_cmpint (entry->decision_id, ==, did);
  g_assert_cmpint (entry->time, ==, 5000);
  g_assert_nonnull (strstr (entry->title, "Layer 1 hedge (Fixed trigger)"));
  g_assert_nonnull (strstr (entry->title, "20/25"));
  g_assert_nonnull (strstr (entry->body, "filled at mid"));
  g_assert_cmpstr (entry->tags[0], ==, "fixed");
  g_assert_cmpstr (entry->tags[1], ==, "hedge");
  g_assert_null (entry->tags[2]);
}

/* Partial closes: 0.5 then 1 of 2 at their prices (a third beyond the open
 * quantity refused), then the rest; three closes kept */
static void
leg_signals_partial_closes (AlvhJournalStore *store,
                            gint64            account,
                            gint64            leg_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLeg) leg = NULL;
  g_autoptr(GPtrArray) open_legs = NULL;

  g_assert_true (alvh_journal_store_close_leg (store, leg_id, 7000, 0.5, 3.0, &error));
  g_assert_true (alvh_journal_store_close_leg (store, leg_id, 8000, 1.0, 4.5, &error));
  g_assert_false (alvh_journal_store_close_leg (store, leg_id, 9000, 1.0, 4.5, &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  leg = alvh_journal_store_get_leg (store, leg_id, &error);
  g_assert_cmpfloat (leg->closed_quantity, ==, 1.5);
  g_assert_cmpfloat_with_epsilon (leg->close_price, (0.5 * 3.0 + 1.0 * 4.5) / 1.5, 1e-12);
  open_legs = alvh_journal_store_list_open_legs (store, account, &error);
  g_assert_cmpuint (open_legs->len, ==, 1);
  g_assert_true (alvh_journal_store_close_leg (store, leg_id, 9000, 0.5, 5.0, &error));
  g_clear_pointer (&open_legs, g_ptr_array_unref);
  open_legs = alvh_journal_store_list_open_legs (store, account, &error);
  g_assert_cmpuint (open_legs->len, ==, 0);
  {
    g_autoptr(GPtrArray) closes = alvh_journal_store_list_leg_closes (store, leg_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (closes->len, ==, 3);
    g_assert_cmpfloat (((AlvhJournalLegClose *) closes->pdata[2])->price, ==, 5.0);
  }
}

/* A decision's signals recorded (n/a as NULL), a leg booked from it and
 * linked to the fired ones, the decision then followed and not actionable
 * again, a second one skipped with its reason, and the leg closed in parts */
static void
test_leg_signals (TestJournal   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhCondor) c = alvh_condor_new ();
  g_autoptr(AlvhDecision) d = NULL;
  g_autoptr(AlvhDecision) back = NULL;
  gint64 account, condor, did, leg_id, entry_id = 0;

  account = alvh_journal_store_create_account (f->store, "main", &error);
  c->account_id = account;
  c->long_put = 4500; c->short_put = 4600; c->short_call = 5000; c->long_call = 5100;
  c->expiry = 2000000; c->units = 1; c->credit = 10; c->opened = 1000;
  condor = alvh_journal_store_add_condor (f->store, c, &error);
  g_assert_no_error (error);

  d = make_decision (account, condor, 5000, "ADD", "fixed", 2, "wing_proximity,book_delta");
  did = alvh_journal_store_record_decision (f->store, d, &error);
  g_assert_no_error (error);
  back = alvh_journal_store_get_decision (f->store, did, &error);
  g_assert_no_error (error);
  /* every signal is recorded, the ones the rules did not reach as n/a */
  g_assert_cmpuint (count_recorded (back), ==, ALVH_N_SIGNALS);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM signal_snapshots"), ==, ALVH_N_SIGNALS);
  /* n/a is stored as NULL and reads back as n/a, never 0 */
  {
    const AlvhSignal *rsi = &back->signals[ALVH_SIGNAL_RSI_EXTREME];

    g_assert_cmpint (rsi->snapshot_id, >, 0);
    g_assert_false (rsi->available);
    g_assert_true (isnan (rsi->value));
    g_assert_false (rsi->fired);
    g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM signal_snapshots WHERE key = 'rsi_extreme' AND value IS NULL"), ==, 1);
  }
  g_assert_cmpint (back->followed, ==, ALVH_DECISION_PENDING);

  leg_signals_failed_booking (f->store, did);

  leg_id = alvh_journal_store_add_leg_from_decision (f->store, did, NULL, 1.25, 0, "filled at mid", &entry_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (leg_id, >, 0);
  g_assert_cmpint (entry_id, >, 0);

  leg_signals_check_leg (f->store, back, did, condor, leg_id, entry_id);

  g_clear_pointer (&back, alvh_decision_free);
  back = alvh_journal_store_get_decision (f->store, did, &error);
  g_assert_cmpint (back->followed, ==, ALVH_DECISION_FOLLOWED);

  /* cannot act twice */
  g_assert_cmpint (alvh_journal_store_add_leg_from_decision (f->store, did, NULL, 1.0, 1, NULL, NULL, &error), ==, 0);
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (alvh_journal_store_skip_decision (f->store, did, "late", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  /* skip: reason kept, an entry written */
  {
    g_autoptr(AlvhDecision) d2 = make_decision (account, condor, 6000, "ADD", "confluence", 1, "iv_expansion,term_inversion");
    g_autoptr(AlvhDecision) b2 = NULL;
    gint64 id2 = alvh_journal_store_record_decision (f->store, d2, &error);

    g_assert_true (alvh_journal_store_skip_decision (f->store, id2, "spread too wide", &error));
    g_assert_no_error (error);
    b2 = alvh_journal_store_get_decision (f->store, id2, &error);
    g_assert_cmpint (b2->followed, ==, ALVH_DECISION_SKIPPED);
    g_assert_cmpstr (b2->skip_reason, ==, "spread too wide");
    g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM entries WHERE decision_id IN (SELECT id FROM decisions WHERE followed = 'skipped')"), ==, 1);
  }

  leg_signals_partial_closes (f->store, account, leg_id);
}

static void
test_snapshot_frozen (TestJournal   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDecision) d = NULL;
  g_autoptr(AlvhDecision) back = NULL;
  gint64 account, did;
  int version = 0;

  account = alvh_journal_store_create_account (f->store, "main", &error);
  alvh_journal_store_save_profile (f->store, "default", "[alvh]\niv_expansion=0.15\n", &version, &error);
  g_assert_cmpint (version, ==, 1);
  d = make_decision (account, 0, 100, "ADD", "confluence", 1, "iv_expansion,term_inversion");
  alvh_decision_set_signal (d, ALVH_SIGNAL_IV_EXPANSION, 0.22, 0.15, TRUE);
  did = alvh_journal_store_record_decision (f->store, d, &error);
  g_assert_no_error (error);

  /* the profile changes afterwards */
  alvh_journal_store_save_profile (f->store, "default", "[alvh]\niv_expansion=0.30\n", &version, &error);
  g_assert_cmpint (version, ==, 2);

  back = alvh_journal_store_get_decision (f->store, did, &error);
  g_assert_cmpstr (back->profile_name, ==, "default");
  g_assert_cmpint (back->profile_version, ==, 1);
  g_assert_cmpfloat (back->signals[ALVH_SIGNAL_IV_EXPANSION].threshold, ==, 0.15);
  g_assert_cmpfloat (back->signals[ALVH_SIGNAL_IV_EXPANSION].value, ==, 0.22);
  g_assert_true (back->signals[ALVH_SIGNAL_IV_EXPANSION].fired);

  /* and the snapshot cannot be rewritten at all */
  g_assert_cmpint (sqlite3_exec (_alvh_journal_store_get_db (f->store),
                                 "UPDATE signal_snapshots SET threshold = 0.3", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM signal_snapshots WHERE threshold = 0.3"), ==, 0);
}

/* ---- entries: search, filters, undo ------------------------------------------ */

static gint64
add_note (AlvhJournalStore *store,
          gint64            time,
          const char       *title,
          const char       *body,
          const char       *tags_csv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = g_strsplit (tags_csv, ",", -1);
  AlvhJournalEntry e = { 0 };
  gint64 id;

  e.time = time;
  e.title = (char *) title;
  e.body = (char *) body;
  e.tags = tags;
  id = alvh_journal_store_add_entry (store, &e, &error);
  g_assert_no_error (error);
  return id;
}

static guint
count_matches (AlvhJournalStore        *store,
               const AlvhJournalFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = alvh_journal_store_list_entries (store, filter, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_search_filters (TestJournal   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AlvhJournalFilter filter = { 0 };
  gint64 account, did, n1, n2, n3, leg_entry = 0;

  account = alvh_journal_store_create_account (f->store, "main", &error);
  n1 = add_note (f->store, 1000, "CPI week", "Volatility expansion ahead of the print; bought protection.", "macro,cpi");
  n2 = add_note (f->store, 2000, "Quiet tape", "Nothing to do. Theta does its work.", "routine");
  n3 = add_note (f->store, 3000, "Éclair note", "Spread priced at 1.20, fills were poor.", "Fills, Slippage ");
  {
    g_autoptr(AlvhDecision) d = make_decision (account, 0, 4000, "ADD", "regime", 1, "macro_regime,iv_expansion");

    did = alvh_journal_store_record_decision (f->store, d, &error);
    alvh_journal_store_add_leg_from_decision (f->store, did, NULL, 1.0, 1, "regime shift after CPI", &leg_entry, &error);
    g_assert_no_error (error);
  }

  /* everything, newest first */
  list = alvh_journal_store_list_entries (f->store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (((AlvhJournalEntry *) list->pdata[0])->id, ==, leg_entry);
  g_assert_cmpint (((AlvhJournalEntry *) list->pdata[3])->id, ==, n1);
  /* tags normalised */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = alvh_journal_store_list_entries (f->store, &(AlvhJournalFilter) { .tag = "slippage" }, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((AlvhJournalEntry *) list->pdata[0])->id, ==, n3);
  g_assert_cmpstr (((AlvhJournalEntry *) list->pdata[0])->tags[0], ==, "fills");
  g_assert_cmpstr (((AlvhJournalEntry *) list->pdata[0])->tags[1], ==, "slippage");

  /* full text over title, body and tags */
  filter.query = "volatility";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.query = "cpi";            /* title of n1, tag of n1, body of the leg entry */
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 2);
  filter.query = "eclair";         /* diacritics folded */
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.query = "theta work";     /* all words */
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.query = "theta cpi";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 0);
  filter.query = "prot*";          /* prefix */
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.query = "slippage";       /* a tag */
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.query = "\"NEAR( OR * AND";   /* FTS syntax is not interpreted */
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 0);
  filter.query = "   ";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 4);
  filter.query = NULL;

  /* date range [from, to) */
  filter.from = 2000;
  filter.to = 4000;
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 2);
  filter.from = filter.to = 0;

  /* branch and trigger via the decision */
  filter.branch = "regime";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.branch = "fixed";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 0);
  filter.branch = NULL;
  filter.trigger = "macro_regime";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.trigger = "wing_proximity";   /* recorded but did not fire */
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 0);
  filter.trigger = NULL;
  filter.tag = "hedge";
  filter.query = "cpi";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.tag = NULL;
  filter.query = NULL;

  /* paging */
  filter.limit = 2;
  filter.offset = 1;
  g_clear_pointer (&list, g_ptr_array_unref);
  list = alvh_journal_store_list_entries (f->store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((AlvhJournalEntry *) list->pdata[0])->id, ==, n3);
  g_assert_cmpint (((AlvhJournalEntry *) list->pdata[1])->id, ==, n2);
  filter.limit = 0;
  filter.offset = 0;

  /* editing keeps the index in step */
  {
    const char *tags[] = { "Lesson", NULL };
    g_autoptr(AlvhJournalEntry) e = NULL;

    g_assert_true (alvh_journal_store_update_entry (f->store, n2, NULL, "Gamma risk grew late in the week.", tags, &error));
    g_assert_no_error (error);
    e = alvh_journal_store_get_entry (f->store, n2, &error);
    g_assert_cmpstr (e->title, ==, "Quiet tape");
    g_assert_cmpstr (e->tags[0], ==, "lesson");
    g_assert_null (e->tags[1]);
    filter.query = "theta";
    g_assert_cmpuint (count_matches (f->store, &filter), ==, 0);
    filter.query = "gamma";
    g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
    filter.query = NULL;
    filter.tag = "routine";
    g_assert_cmpuint (count_matches (f->store, &filter), ==, 0);
    filter.tag = "lesson";
    g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
    filter.tag = NULL;
  }
}

/* Many entries whose ids do not follow their times: every query plan
 * (driven by a small set, walked by index, walked then driven) must give
 * exactly the brute-force answer. */
static void
test_plans_exact (TestJournal   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const guint n = 3000;
  g_autofree gint64 *ids = g_new (gint64, n);
  g_autofree gint64 *times = g_new (gint64, n);
  GRand *rand = g_rand_new_with_seed (7);
  struct {
    const char *tag;
    const char *query;
    guint       mod_tag;
    guint       limit, offset;
    gint64      from, to;
  } cases[] = {
    { "three", NULL, 3, 20, 0, 0, 0 },
    { "three", NULL, 3, 20, 700, 0, 0 },
    { NULL, "alpha", 0, 30, 0, 0, 0 },
    { NULL, "alpha", 0, 25, 300, 0, 0 },
    { "three", "alpha", 3, 10, 0, 0, 0 },
    { "rare", NULL, 1000, 10, 0, 0, 0 },
    { "rare", "alpha", 1000, 10, 0, 0, 0 },
    { "three", "omega", 3, 10, 0, 0, 0 },          /* omega never with three: empty */
    { "three", NULL, 3, 50, 0, 400000, 900000 },
  };

  g_assert_true (alvh_journal_store_begin_batch (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      AlvhJournalEntry e = { 0 };
      const char *tags[3] = { NULL, NULL, NULL };
      guint t = 0;
      g_autofree char *title = g_strdup_printf ("entry %u", i);

      if (i % 3 == 0)
        tags[t++] = "three";
      if (i % 1000 == 0)
        tags[t++] = "rare";
      times[i] = g_rand_int_range (rand, 0, 1000000);
      e.time = times[i];
      e.title = title;
      e.body = (char *) (i % 7 == 0 ? "alpha beta" : i % 3 == 1 ? "omega" : "gamma");
      e.tags = (char **) tags;
      ids[i] = alvh_journal_store_add_entry (f->store, &e, &error);
      g_assert_no_error (error);
    }
  g_assert_true (alvh_journal_store_end_batch (f->store, TRUE, &error));
  g_rand_free (rand);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      AlvhJournalFilter filter = { 0 };
      g_autoptr(GArray) expect = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) got = NULL;

      filter.tag = cases[c].tag;
      filter.query = cases[c].query;
      filter.limit = cases[c].limit;
      filter.offset = cases[c].offset;
      filter.from = cases[c].from;
      filter.to = cases[c].to;
      for (guint i = 0; i < n; i++)
        {
          if (cases[c].tag != NULL && i % cases[c].mod_tag != 0)
            continue;
          if (cases[c].query != NULL && strcmp (cases[c].query, "alpha") == 0 && i % 7 != 0)
            continue;
          if (cases[c].query != NULL && strcmp (cases[c].query, "omega") == 0 && !(i % 7 != 0 && i % 3 == 1))
            continue;
          if (cases[c].from != 0 && times[i] < cases[c].from)
            continue;
          if (cases[c].to != 0 && times[i] >= cases[c].to)
            continue;
          g_array_append_val (expect, i);
        }
      /* newest first, then the larger id */
      for (guint a = 1; a < expect->len; a++)
        for (guint b = a; b > 0; b--)
          {
            guint x = g_array_index (expect, guint, b - 1), y = g_array_index (expect, guint, b);

            if (times[x] < times[y] || (times[x] == times[y] && ids[x] < ids[y]))
              {
                g_array_index (expect, guint, b - 1) = y;
                g_array_index (expect, guint, b) = x;
              }
            else
              break;
          }
      got = alvh_journal_store_list_entries (f->store, &filter, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (got->len, ==, MIN (cases[c].limit, expect->len > cases[c].offset ? expect->len - cases[c].offset : 0));
      for (guint k = 0; k < got->len; k++)
        g_assert_cmpint (((AlvhJournalEntry *) got->pdata[k])->id, ==,
                         ids[g_array_index (expect, guint, cases[c].offset + k)]);
    }
}

static void
test_undo_delete (TestJournal   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AlvhJournalFilter filter = { 0 };
  gint64 a, b;

  a = add_note (f->store, 10, "Keep me", "first", "x");
  b = add_note (f->store, 20, "Delete me", "second unique-word", "x");
  g_assert_true (alvh_journal_store_delete_entry (f->store, b, &error));
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.query = "unique";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 0);
  filter.include_deleted = TRUE;
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.include_deleted = FALSE;
  {
    g_autoptr(AlvhJournalEntry) e = alvh_journal_store_get_entry (f->store, b, &error);

    g_assert_true (e->deleted);
  }
  /* undo */
  g_assert_true (alvh_journal_store_undelete_entry (f->store, b, &error));
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 1);
  filter.query = NULL;
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 2);
  g_assert_false (alvh_journal_store_delete_entry (f->store, 12345, &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND);
  g_assert_cmpint (a, >, 0);
}

static void
test_batch (TestJournal   *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AlvhJournalFilter filter = { 0 };
  AlvhEvent bad = { 0 };

  g_assert_true (alvh_journal_store_begin_batch (f->store, &error));
  add_note (f->store, 1, "one", "", "");
  add_note (f->store, 2, "two", "", "");
  bad.kind = (AlvhEventKind) 42;  /* no such kind */
  g_assert_cmpint (alvh_journal_store_add_event (f->store, &bad, &error), ==, 0);  /* undone alone */
  g_clear_error (&error);
  g_assert_true (alvh_journal_store_end_batch (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 2);

  g_assert_true (alvh_journal_store_begin_batch (f->store, &error));
  add_note (f->store, 3, "three", "", "");
  g_assert_false (alvh_journal_store_end_batch (f->store, FALSE, &error));
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 2);
  filter.query = "three";
  g_assert_cmpuint (count_matches (f->store, &filter), ==, 0);
}

/* ---- review and statistics on a hand-built book ------------------------------ */

#define DAY 86400

static const AlvhJournalStatRow *
find_row (GPtrArray  *rows,
          const char *group)
{
  for (guint i = 0; i < rows->len; i++)
    if (strcmp (((AlvhJournalStatRow *) rows->pdata[i])->group, group) == 0)
      return rows->pdata[i];
  g_error ("no stat row %s", group);
  return NULL;
}

/* An outcome's P&L, MAE and MFE are the ledger's for its leg, now. */
static void
assert_outcome_is_ledger (AlvhJournalStore              *store,
                          const AlvhJournalMarket       *market,
                          const AlvhJournalLegOutcome   *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLedger) ledger = alvh_journal_store_load_ledger (store, 0, NULL, &error);
  AlvhLedgerEntry e;

  g_assert_no_error (error);
  alvh_ledger_set_market (ledger, market->frame, market->vix_series);
  g_assert_true (alvh_ledger_entry_at (ledger, alvh_ledger_find (ledger, o->leg_id, FALSE), G_MAXINT64 / 4, &e));
  g_assert_cmpfloat_with_epsilon (o->pnl, e.realized + e.unrealized, 1e-9);
  g_assert_cmpfloat_with_epsilon (o->mae, e.mae, 1e-9);
  g_assert_cmpfloat_with_epsilon (o->mfe, e.mfe, 1e-9);
  g_assert_cmpfloat (o->mae, <=, o->pnl);
  g_assert_cmpfloat (o->mfe, >=, o->pnl);
}

/* A leg the rules proposed, as stats_book() books it */
typedef struct
{
  gint64       time;
  const char  *branch;
  guint        size;
  const char  *fired_keys;
  AlvhLegKind  kind;
  double       long_strike;
  double       short_strike;
  double       price;
} RulesLeg;

/* Records @spec's ADD decision on @condor, then the leg that follows it
 * (@spec's size at its price); the decision's id to *decision, the leg's returned */
static gint64
add_rules_leg (AlvhJournalStore *store,
               gint64            account,
               gint64            condor,
               gint64            expiry,
               const RulesLeg   *spec,
               gint64           *decision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDecision) d = make_decision (account, condor, spec->time, "ADD", spec->branch, spec->size, spec->fired_keys);
  g_autoptr(AlvhLeg) leg = alvh_leg_new ();
  gint64 id;

  *decision = alvh_journal_store_record_decision (store, d, &error);
  g_assert_no_error (error);
  leg->kind = spec->kind;
  leg->long_strike = spec->long_strike;
  leg->short_strike = spec->short_strike;
  leg->expiry = expiry;
  id = alvh_journal_store_add_leg_from_decision (store, *decision, leg, spec->price, spec->size, NULL, NULL, &error);
  g_assert_no_error (error);
  return id;
}

/* test_stats()'s book over six days of @t: condor A (1 unit) with the rules'
 * legs L1 (fixed, closed), L2 (confluence, open) and L4 (fixed, closed),
 * closed on day 5; condor B (2 units) with a skipped decision and a manual
 * leg L3; the legs' ids to l[0..3] */
static void
stats_book (AlvhJournalStore *store,
            gint64            account,
            const gint64     *t,
            gint64           *ca,
            gint64           *cb,
            gint64            l[4])
{
  g_autoptr(GError) error = NULL;
  gint64 d1, d2, d3, d4;

  {
    g_autoptr(AlvhCondor) c = alvh_condor_new ();

    c->account_id = account;
    c->long_put = 4500; c->short_put = 4600; c->short_call = 5000; c->long_call = 5100;
    c->expiry = t[5] + 30 * DAY; c->units = 1; c->credit = 10; c->opened = t[0];
    *ca = alvh_journal_store_add_condor (store, c, &error);
    c->long_put = 4400; c->short_put = 4500; c->short_call = 4900; c->long_call = 5000;
    c->units = 2; c->credit = 8; c->opened = t[2];
    *cb = alvh_journal_store_add_condor (store, c, &error);
    g_assert_no_error (error);
  }

  /* L1: fixed, wing_proximity + book_delta, 2 x 17/22 at 1.00, closed at 4.00 on day 3 */
  l[0] = add_rules_leg (store, account, *ca, t[5] + 60 * DAY,
                        &(RulesLeg) { t[1], "fixed", 2, "wing_proximity,book_delta", ALVH_LEG_VIX_CALL_SPREAD, 17, 22, 1.0 },
                        &d1);
  g_assert_true (alvh_journal_store_close_leg (store, l[0], t[3], 2, 4.0, &error));
  /* L2: confluence, iv_expansion + term_inversion, 1 x call 20 at 2.00, still open */
  l[1] = add_rules_leg (store, account, *ca, t[5] + 60 * DAY,
                        &(RulesLeg) { t[2], "confluence", 1, "iv_expansion,term_inversion", ALVH_LEG_VIX_CALL, 20, NAN, 2.0 },
                        &d2);
  /* on condor B the rules are overridden: a skipped decision and a manual leg */
  {
    g_autoptr(AlvhDecision) d = make_decision (account, *cb, t[3], "ADD", "regime", 1, "macro_regime,iv_expansion");
    g_autoptr(AlvhLeg) leg = alvh_leg_new ();

    d3 = alvh_journal_store_record_decision (store, d, &error);
    g_assert_true (alvh_journal_store_skip_decision (store, d3, "I expect a bounce", &error));
    leg->account_id = account;
    leg->condor_id = *cb;
    leg->kind = ALVH_LEG_VIX_CALL_SPREAD;
    leg->long_strike = 20;
    leg->short_strike = 25;
    leg->expiry = t[5] + 60 * DAY;
    leg->quantity = 1;
    leg->premium = 1.5;
    leg->opened = t[3];
    leg->manual = TRUE;
    l[2] = alvh_journal_store_add_leg (store, leg, &error);
    g_assert_no_error (error);
    g_assert_true (alvh_journal_store_close_leg (store, l[2], t[4], 0.5, 2.5, &error));
  }
  /* L4: fixed, wing_proximity only, 1 x 18/23 at 0.50, closed at 0.20 on day 5 */
  l[3] = add_rules_leg (store, account, *ca, t[5] + 60 * DAY,
                        &(RulesLeg) { t[4], "fixed", 1, "wing_proximity", ALVH_LEG_VIX_CALL_SPREAD, 18, 23, 0.5 },
                        &d4);
  g_assert_true (alvh_journal_store_close_leg (store, l[3], t[5], 1, 0.2, &error));
  g_assert_true (alvh_journal_store_close_condor (store, *ca, t[5], 4.0, &error));
  g_assert_false (alvh_journal_store_close_condor (store, *ca, t[5], 4.0, &error));
  g_clear_error (&error);

  g_assert_cmpint (d1 + d2 + d3 + d4, >, 0);
}

/* The four legs' outcomes: P&L, MAE and MFE are the ledger's (ALVH-SPEC
 * section 6) */
static void
stats_check_outcomes (AlvhJournalStore  *store,
                      AlvhJournalMarket *market,
                      GPtrArray         *outcomes,
                      const gint64       l[4])
{
  const AlvhJournalLegOutcome *o;

  g_assert_cmpuint (outcomes->len, ==, 4);
  o = outcomes->pdata[0];
  g_assert_cmpint (o->leg_id, ==, l[0]);
  g_assert_true (o->closed);
  g_assert_cmpfloat_with_epsilon (o->pnl, 600, 1e-9);
  assert_outcome_is_ledger (store, market, o);
  g_assert_cmpfloat (o->mfe, >=, 600);
  g_assert_cmpfloat (o->spx_at_add, ==, 4750);
  g_assert_cmpfloat_with_epsilon (o->spx_max_adverse, 4650.0 / 4750.0 - 1.0, 1e-12);
  g_assert_true (o->vix_rose);
  g_assert_cmpstr (o->branch, ==, "fixed");
  g_assert_cmpstr (o->triggers[0], ==, "book_delta");
  g_assert_cmpstr (o->triggers[1], ==, "wing_proximity");
  g_assert_null (o->triggers[2]);
  o = outcomes->pdata[1];
  g_assert_cmpint (o->leg_id, ==, l[1]);
  g_assert_false (o->closed);
  assert_outcome_is_ledger (store, market, o);
  /* open with VIX 16 under its strike 20: worth its time value, not the
   * intrinsic 0 that would say -200 */
  g_assert_cmpfloat (o->pnl, >, -200);
  g_assert_cmpfloat (o->pnl, <, 0);
  g_assert_cmpfloat_with_epsilon (o->spx_max_adverse, 4650.0 / 4700.0 - 1.0, 1e-12);
  g_assert_cmpfloat (o->vix_at_add, ==, 18);
  g_assert_cmpfloat (o->vix_at_end, ==, 16);
  g_assert_false (o->vix_rose);
  o = outcomes->pdata[2];
  g_assert_cmpint (o->leg_id, ==, l[2]);
  g_assert_cmpstr (o->branch, ==, "manual");
  g_assert_null (o->triggers[0]);
  assert_outcome_is_ledger (store, market, o);
  o = outcomes->pdata[3];
  g_assert_cmpint (o->leg_id, ==, l[3]);
  g_assert_cmpfloat_with_epsilon (o->pnl, -30, 1e-9);
  assert_outcome_is_ledger (store, market, o);
}

#define PNL(i) (((const AlvhJournalLegOutcome *) outcomes->pdata[i])->pnl)
#define MAE(i) (((const AlvhJournalLegOutcome *) outcomes->pdata[i])->mae)
#define MFE(i) (((const AlvhJournalLegOutcome *) outcomes->pdata[i])->mfe)

/* The rows by trigger, by combination and by branch from the outcomes */
static void
stats_check_rows (AlvhJournalStats *stats,
                  GPtrArray        *outcomes)
{
  const AlvhJournalStatRow *row;

  g_assert_cmpuint (stats->by_trigger->len, ==, 4);
  row = find_row (stats->by_trigger, "wing_proximity");
  g_assert_cmpuint (row->count, ==, 2);
  g_assert_cmpuint (row->hits, ==, 1);
  g_assert_cmpfloat_with_epsilon (row->hit_rate, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (row->total_pnl, 570, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->avg_pnl, 285, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->avg_mae, (MAE (0) + MAE (3)) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->avg_mfe, (MFE (0) + MFE (3)) / 2, 1e-9);
  row = find_row (stats->by_trigger, "book_delta");
  g_assert_cmpuint (row->count, ==, 1);
  g_assert_cmpfloat_with_epsilon (row->avg_pnl, 600, 1e-9);
  row = find_row (stats->by_trigger, "iv_expansion");
  g_assert_cmpuint (row->count, ==, 1);
  g_assert_cmpfloat (row->hit_rate, ==, 0);
  g_assert_cmpfloat_with_epsilon (row->avg_pnl, PNL (1), 1e-9);

  g_assert_cmpuint (stats->by_combination->len, ==, 4);
  row = find_row (stats->by_combination, "book_delta+wing_proximity");
  g_assert_cmpuint (row->count, ==, 1);
  g_assert_cmpfloat_with_epsilon (row->avg_pnl, 600, 1e-9);
  row = find_row (stats->by_combination, "wing_proximity");
  g_assert_cmpfloat_with_epsilon (row->avg_pnl, -30, 1e-9);
  row = find_row (stats->by_combination, "iv_expansion+term_inversion");
  g_assert_cmpfloat_with_epsilon (row->avg_pnl, PNL (1), 1e-9);
  row = find_row (stats->by_combination, "(none)");
  g_assert_cmpfloat_with_epsilon (row->avg_pnl, PNL (2), 1e-9);

  g_assert_cmpuint (stats->by_branch->len, ==, 3);
  row = find_row (stats->by_branch, "fixed");
  g_assert_cmpuint (row->count, ==, 2);
  g_assert_cmpfloat_with_epsilon (row->total_pnl, 570, 1e-9);
  row = find_row (stats->by_branch, "confluence");
  g_assert_cmpfloat_with_epsilon (row->total_pnl, PNL (1), 1e-9);
  row = find_row (stats->by_branch, "manual");
  g_assert_cmpfloat_with_epsilon (row->avg_mfe, MFE (2), 1e-9);
}

static void
test_stats (TestJournal   *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalMarket) market = NULL;
  g_autoptr(AlvhJournalStats) stats = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  const double spx[] = { 4800, 4750, 4700, 4650, 4700, 4740 };
  const double vix[] = { 13, 15, 18, 22, 19, 16 };
  gint64 t[6];
  gint64 account, ca, cb, l[4];
  const AlvhJournalStatRow *row;

  for (int i = 0; i < 6; i++)
    t[i] = alvh_time_from_ny_date (2024, 4, 1 + i);
  market = alvh_journal_market_new (t, spx, vix, 6);
  account = alvh_journal_store_create_account (f->store, "main", &error);
  g_assert_no_error (error);

  stats_book (f->store, account, t, &ca, &cb, l);

  /* outcomes: P&L, MAE and MFE are the ledger's (ALVH-SPEC section 6) */
  outcomes = alvh_journal_store_review_legs (f->store, account, market, &error);
  g_assert_no_error (error);
  stats_check_outcomes (f->store, market, outcomes, l);
  stats = alvh_journal_store_compute_stats (f->store, account, market, &error);
  g_assert_no_error (error);

  stats_check_rows (stats, outcomes);

  /* condors with and without their hedges */
  g_assert_cmpuint (stats->condors->len, ==, 2);
  {
    AlvhJournalCondorStat *sa = stats->condors->pdata[0];
    AlvhJournalCondorStat *sb = stats->condors->pdata[1];
    g_autoptr(AlvhLedger) ledger = alvh_journal_store_load_ledger (f->store, account, NULL, &error);
    AlvhLedgerEntry e;

    g_assert_no_error (error);
    alvh_ledger_set_market (ledger, market->frame, market->vix_series);
    g_assert_cmpint (sa->condor_id, ==, ca);
    g_assert_true (sa->closed);
    g_assert_cmpfloat_with_epsilon (sa->pnl_unhedged, 600, 1e-9);
    g_assert_cmpfloat_with_epsilon (sa->hedge_pnl, PNL (0) + PNL (1) + PNL (3), 1e-9);
    g_assert_cmpfloat_with_epsilon (sa->pnl_hedged, 600 + sa->hedge_pnl, 1e-9);
    g_assert_cmpuint (sa->n_legs, ==, 3);
    g_assert_true (sa->followed);
    g_assert_cmpint (sb->condor_id, ==, cb);
    g_assert_false (sb->closed);
    /* open, SPX 4740 inside the shorts: marked at the model, not counted
     * as if the whole credit (8 x 100 x 2) were kept */
    g_assert_true (alvh_ledger_entry_at (ledger, alvh_ledger_find (ledger, cb, TRUE), G_MAXINT64 / 4, &e));
    g_assert_cmpfloat_with_epsilon (sb->pnl_unhedged, e.unrealized, 1e-9);
    g_assert_cmpfloat (sb->pnl_unhedged, <, 1600);
    g_assert_cmpfloat_with_epsilon (sb->hedge_pnl, PNL (2), 1e-9);
    g_assert_cmpfloat_with_epsilon (sb->pnl_hedged, sb->pnl_unhedged + PNL (2), 1e-9);
    g_assert_false (sb->followed);
    /* adherence */
    row = find_row (stats->adherence, "followed");
    g_assert_cmpuint (row->count, ==, 1);
    g_assert_cmpfloat_with_epsilon (row->avg_pnl, sa->pnl_hedged, 1e-9);
    row = find_row (stats->adherence, "overridden");
    g_assert_cmpuint (row->count, ==, 1);
    g_assert_cmpfloat_with_epsilon (row->avg_pnl, sb->pnl_hedged, 1e-9);
  }
#undef PNL
#undef MAE
#undef MFE

  /* without market data only realised P&L counts */
  {
    g_autoptr(GPtrArray) bare = alvh_journal_store_review_legs (f->store, 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (((AlvhJournalLegOutcome *) bare->pdata[0])->pnl, 600, 1e-9);
    g_assert_cmpfloat_with_epsilon (((AlvhJournalLegOutcome *) bare->pdata[1])->pnl, 0, 1e-9);
    g_assert_cmpfloat_with_epsilon (((AlvhJournalLegOutcome *) bare->pdata[2])->pnl, 50, 1e-9);
    g_assert_true (isnan (((AlvhJournalLegOutcome *) bare->pdata[0])->spx_at_add));
  }
}

/* ---- the evaluator's values --------------------------------------------------- */

static void
test_evaluator_decision (TestJournal   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDecision) d = alvh_decision_new ();
  g_autoptr(AlvhDecision) back = NULL;
  const AlvhLeg *hl;
  gint64 account, did;

  account = alvh_journal_store_create_account (f->store, "main", &error);
  alvh_decision_init (d);
  d->time = alvh_time_from_ny_date (2024, 8, 5);
  d->action = ALVH_ACTION_ADD;
  d->branch = ALVH_BRANCH_REGIME;
  test_decision_set_vix_spread (d, 2, 2, 39, alvh_time_from_ny_date (2024, 9, 18), 220);
  d->leg.quantity = 2;
  d->leg.premium = 1.1;
  d->leg.layer = 2;
  g_strlcpy (d->profile_name, "default", sizeof d->profile_name);
  d->profile_version = 3;
  d->signals[ALVH_SIGNAL_MACRO_REGIME].available = TRUE;
  d->signals[ALVH_SIGNAL_MACRO_REGIME].value = 1;
  d->signals[ALVH_SIGNAL_MACRO_REGIME].threshold = 1;
  d->signals[ALVH_SIGNAL_MACRO_REGIME].fired = TRUE;
  d->signals[ALVH_SIGNAL_IV_EXPANSION].available = TRUE;
  d->signals[ALVH_SIGNAL_IV_EXPANSION].value = 0.8;
  d->signals[ALVH_SIGNAL_IV_EXPANSION].threshold = 0.15;
  d->signals[ALVH_SIGNAL_IV_EXPANSION].fired = TRUE;
  d->signals[ALVH_SIGNAL_RSI_EXTREME].available = TRUE;
  d->signals[ALVH_SIGNAL_RSI_EXTREME].value = 25;
  d->signals[ALVH_SIGNAL_RSI_EXTREME].threshold = 30;
  d->signals[ALVH_SIGNAL_RSI_EXTREME].threshold_high = 70;
  d->signals[ALVH_SIGNAL_RSI_EXTREME].fired = TRUE;

  did = alvh_journal_store_record_evaluator_decision (f->store, d, account, 0, &error);
  g_assert_no_error (error);
  back = alvh_journal_store_get_decision (f->store, did, &error);
  g_assert_cmpstr (alvh_action_to_string (back->action), ==, "ADD");
  g_assert_cmpstr (alvh_branch_to_string (back->branch), ==, "regime");
  g_assert_cmpint (back->layer, ==, 2);
  g_assert_true (back->has_leg);
  g_assert_cmpstr (alvh_leg_kind_to_string (back->leg.kind), ==, "vix_call_spread");
  g_assert_cmpfloat (back->leg.long_strike, ==, 39);
  g_assert_cmpfloat (back->leg.short_strike, ==, 44);
  g_assert_cmpfloat (back->estimated_cost, ==, 220);
  g_assert_cmpstr (back->profile_name, ==, "default");
  g_assert_cmpint (back->profile_version, ==, 3);
  g_assert_nonnull (back->explanation);
  g_assert_cmpuint (count_recorded (back), ==, ALVH_N_SIGNALS);
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *s = &back->signals[i];

      if (!alvh_decision_has_signal (back, (AlvhSignalId) i))
        continue;

      g_assert_cmpstr (alvh_signal_id_to_key (s->id), ==, alvh_signal_id_to_key ((AlvhSignalId) i));
      if (i == ALVH_SIGNAL_RSI_EXTREME)
        {
          g_assert_cmpfloat (s->threshold_high, ==, 70);
          g_assert_true (s->fired);
        }
      if (i == ALVH_SIGNAL_TERM_INVERSION)
        g_assert_false (s->available);
    }
  g_assert_cmpint (alvh_journal_store_add_leg_from_decision (f->store, did, NULL, 1.15, 0, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM leg_signals"), ==, 3);
  {
    g_autoptr(GPtrArray) legs = alvh_journal_store_list_open_legs (f->store, account, &error);

    g_assert_cmpuint (legs->len, ==, 1);
    hl = legs->pdata[0];
    g_assert_true (alvh_leg_is_vix_hedge (hl));
    g_assert_cmpint (hl->kind, ==, ALVH_LEG_VIX_CALL_SPREAD);
    g_assert_cmpstr (alvh_leg_kind_to_string (hl->kind), ==, "vix_call_spread");
    g_assert_cmpfloat (hl->long_strike, ==, 39);
    g_assert_cmpfloat (hl->short_strike, ==, 44);
    g_assert_cmpfloat (hl->quantity, ==, 2);
    g_assert_cmpfloat (hl->premium, ==, 1.15);
    g_assert_cmpuint (hl->layer, ==, 2);
    g_assert_cmpint (hl->account_id, ==, account);
  }
  /* a leg that is no VIX hedge stays out of the model book */
  {
    g_autoptr(AlvhLeg) spx_put = alvh_leg_new ();

    spx_put->kind = ALVH_LEG_SPX_PUT;
    spx_put->long_strike = 4800;
    g_assert_false (alvh_leg_is_vix_hedge (spx_put));
    g_assert_cmpstr (alvh_leg_kind_to_string (spx_put->kind), ==, "spx_put");
  }
}

/* ---- profiles: rename and delete ------------------------------------------- */

static void
test_profile_rename_delete (TestJournal   *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDecision) d = alvh_decision_new ();
  gint64 account, decision;
  int version = 0;

  g_assert_cmpint (alvh_journal_store_save_profile (f->store, "Default", "[profile]\nname=Default\nversion=1\n", &version, &error), >, 0);
  g_assert_cmpint (alvh_journal_store_save_profile (f->store, "Fast", "[profile]\nname=Fast\nversion=1\n# mine\n[thresholds]\niv_expansion=0.1\n", &version, &error), >, 0);
  g_assert_cmpint (alvh_journal_store_save_profile (f->store, "Fast", "[profile]\nname=Fast\nversion=2\n[thresholds]\niv_expansion=0.12\n", &version, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);
  account = alvh_journal_store_create_account (f->store, "main", &error);
  d->account_id = account;
  d->time = 1000;
  d->action = ALVH_ACTION_HOLD;
  d->branch = ALVH_BRANCH_NONE;
  g_strlcpy (d->profile_name, "Fast", sizeof d->profile_name);
  d->profile_version = 2;
  decision = alvh_journal_store_record_decision (f->store, d, &error);
  g_assert_no_error (error);

  /* refused: the built-in profile, empty names, names in use, unknown names */
  g_assert_false (alvh_journal_store_rename_profile (f->store, "Default", "Other", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (alvh_journal_store_rename_profile (f->store, "Fast", "Default", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (alvh_journal_store_rename_profile (f->store, "Fast", "  ", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (alvh_journal_store_rename_profile (f->store, "Nope", "Other", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (alvh_journal_store_delete_profile (f->store, "Default", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (alvh_journal_store_delete_profile (f->store, "Nope", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* rename: every version, the key files' name=, the decisions' copy */
  g_assert_true (alvh_journal_store_rename_profile (f->store, "Fast", " Quick ", &error));
  g_assert_no_error (error);
  {
    g_autoptr(AlvhJournalProfile) v1 = alvh_journal_store_get_profile (f->store, "Quick", 1, &error);
    g_autoptr(AlvhJournalProfile) v2 = alvh_journal_store_get_profile (f->store, "Quick", 2, &error);
    g_autoptr(GError) gone_error = NULL;
    g_autoptr(AlvhJournalProfile) gone = alvh_journal_store_get_profile (f->store, "Fast", 0, &gone_error);
    g_autoptr(AlvhDecision) back = alvh_journal_store_get_decision (f->store, decision, &error);

    g_assert_no_error (error);
    g_assert_null (gone);
    g_assert_error (gone_error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (v1->keyfile, "name=Quick"));
    g_assert_nonnull (strstr (v1->keyfile, "# mine"));
    g_assert_nonnull (strstr (v2->keyfile, "iv_expansion=0.12"));
    g_assert_cmpstr (back->profile_name, ==, "Quick");
    g_assert_cmpint (back->profile_version, ==, 2);
  }
  /* taken names are refused */
  g_assert_cmpint (alvh_journal_store_save_profile (f->store, "Slow", "[profile]\nname=Slow\nversion=1\n", NULL, &error), >, 0);
  g_assert_false (alvh_journal_store_rename_profile (f->store, "Quick", "Slow", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  /* delete: all versions; the decision keeps its name, version and snapshots */
  g_assert_true (alvh_journal_store_delete_profile (f->store, "Quick", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) all = alvh_journal_store_list_profiles (f->store, &error);
    g_autoptr(AlvhDecision) back = alvh_journal_store_get_decision (f->store, decision, &error);

    g_assert_cmpuint (all->len, ==, 2);   /* Default and Slow */
    g_assert_cmpstr (back->profile_name, ==, "Quick");
    g_assert_cmpint (back->profile_version, ==, 2);
  }
}

/* ---- hedge layers ------------------------------------------------------ */

/* A condor's next hedge layer is one past its highest VIX hedge; its SPX
 * puts and the other condor's hedges do not count */
static void
test_next_layer (TestJournal   *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhCondor) c = alvh_condor_new ();
  const struct { guint condor; AlvhLegKind kind; guint layer; } legs[] = {
    { 0, ALVH_LEG_VIX_CALL_SPREAD, 1 },
    { 0, ALVH_LEG_SPX_PUT, 7 },
    { 1, ALVH_LEG_VIX_CALL, 5 },
    { 0, ALVH_LEG_VIX_FUTURE, 3 },
  };
  gint64 account, condors[2];

  account = alvh_journal_store_create_account (f->store, "main", &error);
  c->account_id = account;
  c->long_put = 4500; c->short_put = 4600; c->short_call = 5000; c->long_call = 5100;
  c->expiry = 2000000; c->units = 1; c->credit = 10; c->opened = 1000;
  condors[0] = alvh_journal_store_add_condor (f->store, c, &error);
  condors[1] = alvh_journal_store_add_condor (f->store, c, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_journal_store_next_layer (f->store, account, condors[0], &error), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (legs); i++)
    {
      g_autoptr(AlvhLeg) leg = alvh_leg_new ();

      leg->account_id = account;
      leg->condor_id = condors[legs[i].condor];
      leg->kind = legs[i].kind;
      leg->long_strike = 20;
      leg->quantity = 1;
      leg->premium = 1;
      leg->opened = 1000 + i;
      leg->layer = legs[i].layer;
      g_assert_cmpint (alvh_journal_store_add_leg (f->store, leg, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (alvh_journal_store_next_layer (f->store, account, condors[0], &error), ==, 4);
  g_assert_cmpuint (alvh_journal_store_next_layer (f->store, account, condors[1], &error), ==, 6);
  /* a leg on no condor */
  g_assert_cmpuint (alvh_journal_store_next_layer (f->store, account, 0, &error), ==, 1);
  g_assert_no_error (error);
}

/* ---- listing a period ---------------------------------------------------------- */

static void
test_list_in_period (TestJournal   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a, b, c1, c2, c3;

  a = alvh_journal_store_create_account (f->store, "a", &error);
  b = alvh_journal_store_create_account (f->store, "b", &error);
  /* condors: [100, 200] closed, [150, -) open, [300, 400] closed; one in account b */
  {
    g_autoptr(AlvhCondor) c = alvh_condor_new ();

    c->account_id = a;
    c->long_put = 4000; c->short_put = 4050; c->short_call = 4500; c->long_call = 4550;
    c->expiry = 1000;
    c->credit = 10;
    c->opened = 100;
    c1 = alvh_journal_store_add_condor (f->store, c, &error);
    g_assert_true (alvh_journal_store_close_condor (f->store, c1, 200, 4, &error));
    c->opened = 150;
    c2 = alvh_journal_store_add_condor (f->store, c, &error);
    c->opened = 300;
    c3 = alvh_journal_store_add_condor (f->store, c, &error);
    g_assert_true (alvh_journal_store_close_condor (f->store, c3, 400, 2, &error));
    c->account_id = b;
    c->opened = 120;
    alvh_journal_store_add_condor (f->store, c, &error);
    g_assert_no_error (error);
  }
  /* legs opened at 110, 160 (closed), 310 */
  {
    const gint64 opened[] = { 110, 160, 310 };
    const gint64 condor[] = { c1, c2, c3 };

    for (guint i = 0; i < G_N_ELEMENTS (opened); i++)
      {
        g_autoptr(AlvhLeg) l = alvh_leg_new ();
        gint64 id;

        l->account_id = a;
        l->condor_id = condor[i];
        l->kind = ALVH_LEG_VIX_CALL_SPREAD;
        l->long_strike = 20;
        l->short_strike = 25;
        l->expiry = 2000;
        l->quantity = 1 + i;
        l->premium = 1.5;
        l->layer = 1;
        l->opened = opened[i];
        id = alvh_journal_store_add_leg (f->store, l, &error);
        g_assert_no_error (error);
        if (i == 1)
          g_assert_true (alvh_journal_store_close_leg (f->store, id, 170, 2, 2.5, &error));
      }
  }
  /* decisions at 105 (with two snapshots), 250, 305 */
  {
    const gint64 times[] = { 105, 250, 305 };

    for (guint i = 0; i < G_N_ELEMENTS (times); i++)
      {
        g_autoptr(AlvhDecision) d = alvh_decision_new ();

        d->account_id = a;
        d->time = times[i];
        d->action = i == 0 ? ALVH_ACTION_ADD : ALVH_ACTION_HOLD;
        d->branch = i == 0 ? ALVH_BRANCH_FIXED : ALVH_BRANCH_NONE;
        if (i == 0)
          {
            alvh_decision_set_signal (d, ALVH_SIGNAL_WING_PROXIMITY, 0.5, 0.65, TRUE);
            alvh_decision_set_signal (d, ALVH_SIGNAL_RSI_EXTREME, NAN, 30, FALSE);
          }
        alvh_journal_store_record_decision (f->store, d, &error);
        g_assert_no_error (error);
      }
  }

  {
    g_autoptr(GPtrArray) condors = alvh_journal_store_list_condors (f->store, a, 210, 350, &error);
    g_autoptr(GPtrArray) all = alvh_journal_store_list_condors (f->store, 0, 0, 0, &error);
    g_autoptr(GPtrArray) legs = alvh_journal_store_list_legs (f->store, a, 100, 300, &error);
    g_autoptr(GPtrArray) all_legs = alvh_journal_store_list_legs (f->store, a, 0, 0, &error);
    g_autoptr(GPtrArray) decisions = alvh_journal_store_list_decisions (f->store, a, 0, 250, &error);
    g_autoptr(GPtrArray) later = alvh_journal_store_list_decisions (f->store, a, 250, 0, &error);
    g_autoptr(GPtrArray) none = alvh_journal_store_list_decisions (f->store, b, 0, 0, &error);
    const AlvhDecision *d;

    g_assert_no_error (error);
    /* c1 closed at 200 is out; the open c2 and c3 are in */
    g_assert_cmpuint (condors->len, ==, 2);
    g_assert_cmpint (((AlvhCondor *) condors->pdata[0])->id, ==, c2);
    g_assert_cmpint (((AlvhCondor *) condors->pdata[1])->id, ==, c3);
    g_assert_cmpfloat (((AlvhCondor *) condors->pdata[1])->close_price, ==, 2);
    g_assert_cmpuint (all->len, ==, 4);
    /* legs opened in [100, 300), the closed one included */
    g_assert_cmpuint (legs->len, ==, 2);
    g_assert_cmpint (((AlvhLeg *) legs->pdata[1])->opened, ==, 160);
    g_assert_cmpfloat (((AlvhLeg *) legs->pdata[1])->closed_quantity, ==, 2);
    g_assert_cmpfloat (((AlvhLeg *) legs->pdata[1])->close_price, ==, 2.5);
    g_assert_cmpuint (all_legs->len, ==, 3);
    /* decisions with their snapshots */
    g_assert_cmpuint (decisions->len, ==, 1);
    d = decisions->pdata[0];
    g_assert_cmpstr (alvh_action_to_string (d->action), ==, "ADD");
    g_assert_cmpuint (count_recorded (d), ==, ALVH_N_SIGNALS);
    g_assert_true (d->signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
    g_assert_cmpfloat (d->signals[ALVH_SIGNAL_WING_PROXIMITY].value, ==, 0.5);
    g_assert_false (d->signals[ALVH_SIGNAL_RSI_EXTREME].available);
    g_assert_false (d->signals[ALVH_SIGNAL_IV_EXPANSION].available);
    g_assert_cmpuint (later->len, ==, 2);
    g_assert_cmpint (((AlvhDecision *) later->pdata[0])->time, ==, 250);
    g_assert_cmpuint (count_recorded (later->pdata[0]), ==, ALVH_N_SIGNALS);
    g_assert_false (((AlvhDecision *) later->pdata[0])->signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* A row holding a value this version does not know (a leg kind, an action,
 * a branch written by a newer ALVH Desk) is refused, never read as
 * something else: once an SPX put was booked as a VIX call spread. */
static void
test_unknown_values_refused (TestJournal   *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLeg) leg = alvh_leg_new ();
  g_autoptr(AlvhDecision) d = alvh_decision_new ();
  g_autoptr(GPtrArray) legs = NULL;
  gint64 account, leg_id, decision_id;

  account = alvh_journal_store_create_account (f->store, "main", &error);
  leg->account_id = account;
  leg->kind = ALVH_LEG_SPX_PUT;
  leg->long_strike = 4800;
  leg->quantity = 1;
  leg->premium = 12;
  leg_id = alvh_journal_store_add_leg (f->store, leg, &error);
  g_assert_no_error (error);
  d->account_id = account;
  d->time = 1000;
  decision_id = alvh_journal_store_record_decision (f->store, d, &error);
  g_assert_no_error (error);

  /* the stored text is the kind's: it reads back as the same kind */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM legs WHERE kind = 'spx_put'"), ==, 1);
  g_clear_pointer (&leg, alvh_leg_free);
  leg = alvh_journal_store_get_leg (f->store, leg_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (leg->kind, ==, ALVH_LEG_SPX_PUT);
  g_assert_false (alvh_leg_is_vix_hedge (leg));

  g_assert_cmpint (sqlite3_exec (_alvh_journal_store_get_db (f->store),
                                 "UPDATE legs SET kind = 'spx_straddle';"
                                 "UPDATE decisions SET branch = 'mystery'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&leg, alvh_leg_free);
  g_assert_null (alvh_journal_store_get_leg (f->store, leg_id, &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  legs = alvh_journal_store_list_open_legs (f->store, account, &error);
  g_assert_null (legs);
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&d, alvh_decision_free);
  g_assert_null (alvh_journal_store_get_decision (f->store, decision_id, &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

/* the journal in a subfolder the store creates */
#define ADD(path, func) g_test_add (path, Fixture, "sub", test_stores_set_up, func, test_stores_tear_down)
#define OPEN(path, func) g_test_add (path, TestJournal, "sub", test_journal_set_up, func, test_journal_tear_down)
  OPEN ("/core/journal-store/schema", test_schema);
  ADD ("/core/journal-store/migration", test_migration);
  ADD ("/core/journal-store/newer-version-refused", test_newer_refused);
  ADD ("/core/journal-store/concurrent-open", test_concurrent_open);
  ADD ("/core/journal-store/concurrent-migration", test_concurrent_migration);
  OPEN ("/core/journal-store/profile-rename-delete", test_profile_rename_delete);
  OPEN ("/core/journal-store/list-in-period", test_list_in_period);
  OPEN ("/core/journal-store/next-layer", test_next_layer);
  OPEN ("/core/journal-store/accounts-profiles-events", test_accounts_profiles_events);
  OPEN ("/core/journal-store/leg-signals", test_leg_signals);
  OPEN ("/core/journal-store/snapshot-frozen", test_snapshot_frozen);
  OPEN ("/core/journal-store/search-filters", test_search_filters);
  OPEN ("/core/journal-store/plans-exact", test_plans_exact);
  OPEN ("/core/journal-store/undo-delete", test_undo_delete);
  OPEN ("/core/journal-store/batch", test_batch);
  OPEN ("/core/journal-store/stats", test_stats);
  OPEN ("/core/journal-store/evaluator-decision", test_evaluator_decision);
  OPEN ("/core/journal-store/unknown-values-refused", test_unknown_values_refused);
#undef ADD
#undef OPEN

  return g_test_run ();
}
