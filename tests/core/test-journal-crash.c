/* test-journal-crash.c — an acknowledged journal write survives SIGKILL
 *
 * The test runs this same binary as a writer (`--writer DB`): it adds
 * journal entries and hedge legs from decisions and prints each id to its
 * stdout only after the call (and so its COMMIT) returned.  The parent kills
 * it with SIGKILL at random moments, then opens the database and checks
 * that PRAGMA integrity_check says "ok" and that every acknowledged write is
 * there, whole (a leg with its entry and its signal links).
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "test-journal-util.h"
#include "alvh-journal-store-private.h"

#define N_TRIALS 30

static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (path, &error);
  g_autoptr(GPtrArray) accounts = NULL;
  gint64 account;
  g_autofree char *filler = g_strnfill (600, 'x');

  if (store == NULL)
    {
      fprintf (stderr, "writer: %s\n", error->message);
      return 1;
    }
  accounts = alvh_journal_store_list_accounts (store, &error);
  if (accounts != NULL && accounts->len > 0)
    account = ((AlvhJournalAccount *) accounts->pdata[0])->id;
  else
    account = alvh_journal_store_create_account (store, "crash", &error);
  if (account == 0)
    return 1;

  for (guint i = 0; ; i++)
    {
      if (i % 4 == 3)
        {
          g_autoptr(AlvhDecision) d = alvh_decision_new ();
          gint64 did, leg, entry = 0;

          d->account_id = account;
          d->time = 1700000000 + i;
          d->action = ALVH_ACTION_ADD;
          d->branch = ALVH_BRANCH_CONFLUENCE;
          test_decision_set_vix_spread (d, 1, 1, 20, 1710000000, 120);
          alvh_decision_set_signal (d, ALVH_SIGNAL_IV_EXPANSION, 0.3, 0.15, TRUE);
          alvh_decision_set_signal (d, ALVH_SIGNAL_TERM_INVERSION, 0.05, 0.0, TRUE);
          alvh_decision_set_signal (d, ALVH_SIGNAL_RSI_EXTREME, NAN, 30, FALSE);
          did = alvh_journal_store_record_decision (store, d, &error);
          if (did == 0)
            break;
          leg = alvh_journal_store_add_leg_from_decision (store, did, NULL, 1.2, 0, filler, &entry, &error);
          if (leg == 0)
            break;
          printf ("L %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", leg, entry);
        }
      else
        {
          g_autofree char *title = g_strdup_printf ("crash entry %u", i);
          const char *tags[] = { "crash", NULL };
          AlvhJournalEntry e = { 0 };
          gint64 id;

          e.time = 1700000000 + i;
          e.title = title;
          e.body = filler;
          e.tags = (char **) tags;
          id = alvh_journal_store_add_entry (store, &e, &error);
          if (id == 0)
            break;
          printf ("E %" G_GINT64_FORMAT " %s\n", id, title);
        }
      fflush (stdout);
    }
  fprintf (stderr, "writer: %s\n", error != NULL ? error->message : "stopped");
  return 1;
}

typedef struct
{
  gint64 id;
  gint64 entry;    /* legs: their entry */
  char  *title;    /* entries: their title */
  gboolean leg;
} Ack;

static void
ack_free (Ack *a)
{
  g_free (a->title);
  g_free (a);
}

static void
parse_acks (GString   *buf,
            GPtrArray *acks)
{
  char *nl;

  while ((nl = memchr (buf->str, '\n', buf->len)) != NULL)
    {
      g_autofree char *line = g_strndup (buf->str, nl - buf->str);
      Ack *a = g_new0 (Ack, 1);

      g_string_erase (buf, 0, nl - buf->str + 1);
      if (line[0] == 'L')
        {
          a->leg = TRUE;
          g_assert_cmpint (sscanf (line, "L %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &a->id, &a->entry), ==, 2);
        }
      else
        {
          char *space;

          g_assert_cmpint (line[0], ==, 'E');
          a->id = g_ascii_strtoll (line + 2, &space, 10);
          a->title = g_strdup (space + 1);
        }
      g_ptr_array_add (acks, a);
    }
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      arg)
{
  sqlite3_stmt *s = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &s, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (s, 1, arg);
  if (sqlite3_step (s) == SQLITE_ROW)
    v = sqlite3_column_int64 (s, 0);
  sqlite3_finalize (s);
  return v;
}

static void
test_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("alvh-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "alvh.sqlite", NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func ((GDestroyNotify) ack_free);
  gint64 started = g_get_monotonic_time ();
  guint killed_mid_run = 0;

  g_assert_no_error (error);
  g_assert_nonnull (self_exe);

  for (int trial = 0; trial < N_TRIALS; trial++)
    {
      const char *argv[] = { self_exe, "--writer", path, NULL };
      g_autoptr(GString) buf = g_string_new (NULL);
      GPid pid;
      int out_fd, status;
      gint64 deadline;
      int wait_ms = g_test_rand_int_range (2, 160);
      char chunk[4096];
      gssize n;
      guint before = acks->len;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      deadline = g_get_monotonic_time () + wait_ms * 1000;
      while (g_get_monotonic_time () < deadline)
        {
          struct pollfd pfd = { out_fd, POLLIN, 0 };
          int left = (int) ((deadline - g_get_monotonic_time ()) / 1000);

          if (poll (&pfd, 1, MAX (left, 0)) > 0)
            {
              n = read (out_fd, chunk, sizeof chunk);
              if (n <= 0)
                break;
              g_string_append_len (buf, chunk, n);
            }
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        killed_mid_run++;
      /* what the writer printed before it died was acknowledged */
      while ((n = read (out_fd, chunk, sizeof chunk)) > 0)
        g_string_append_len (buf, chunk, n);
      close (out_fd);
      parse_acks (buf, acks);   /* a partial last line is not an acknowledgement */

      /* reopen: recovery, integrity, every acknowledged write present */
      {
        g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (path, &error);
        sqlite3 *db;
        sqlite3_stmt *s = NULL;

        g_assert_no_error (error);
        db = _alvh_journal_store_get_db (store);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &s, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (s, 0), ==, "ok");
        sqlite3_finalize (s);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)", -1, &s, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (s), ==, SQLITE_DONE);
        sqlite3_finalize (s);

        for (guint i = 0; i < acks->len; i++)
          {
            Ack *a = acks->pdata[i];

            if (a->leg)
              {
                g_assert_cmpint (query_int (db, "SELECT count(*) FROM legs WHERE id = ?", a->id), ==, 1);
                g_assert_cmpint (query_int (db, "SELECT count(*) FROM leg_signals WHERE leg_id = ?", a->id), ==, 2);
                g_assert_cmpint (query_int (db, "SELECT leg_id FROM entries WHERE id = ?", a->entry), ==, a->id);
              }
            else
              {
                g_autoptr(AlvhJournalEntry) e = alvh_journal_store_get_entry (store, a->id, &error);

                g_assert_no_error (error);
                g_assert_cmpstr (e->title, ==, a->title);
              }
          }
        /* and nothing half-written: every leg has its entry and its links */
        g_assert_cmpint (query_int (db, "SELECT count(*) FROM legs l WHERE NOT EXISTS"
                                        " (SELECT 1 FROM entries e WHERE e.leg_id = l.id) OR"
                                        " (SELECT count(*) FROM leg_signals ls WHERE ls.leg_id = l.id) != 2", 0), ==, 0);
      }
      g_test_message ("trial %d: killed after %d ms, %u new acknowledged writes (%u in all)",
                      trial, wait_ms, acks->len - before, acks->len);
    }

  g_assert_cmpuint (killed_mid_run, ==, N_TRIALS);
  g_assert_cmpuint (acks->len, >, N_TRIALS);
  g_test_message ("%u acknowledged writes survived %d SIGKILLs in %.1f s", acks->len, N_TRIALS,
                  (g_get_monotonic_time () - started) / 1e6);

  test_unlink_sqlite (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--writer") == 0)
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/journal-store/crash/sigkill", test_sigkill);
  return g_test_run ();
}
