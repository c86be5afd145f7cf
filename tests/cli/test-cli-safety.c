/* test-cli-safety.c — issue 17 through the command line: files that are not
 * ours are left alone, concurrent writers lose nothing, output is safe
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "alvh-core.h"
#include "test-cli-util.h"
#include "test-journal-util.h"

static gint64
add_entry (const char *db,
           const char *title,
           const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (db, &error);

  g_assert_no_error (error);
  return test_journal_add_entry (store, title, body, alvh_time_from_ny_date (2024, 3, 11));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Item 1, 7: commands given another program's database fail naming it and
 * change nothing; a mistyped name creates nothing. */
static void
test_foreign_file_untouched (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-safety-XXXXXX");
  g_autofree char *other = g_build_filename (dir, "o.sqlite", NULL);
  g_autofree char *typo = g_build_filename (dir, "typo.sqlite", NULL);
  g_autofree char *csv = test_fixture_path ("spx_d.csv");
  g_autofree char *before = NULL;
  sqlite3 *db = NULL;
  guint n_files;

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = test_file_sha256 (other);
  n_files = count_files (dir);

  {
    const char *runs[][8] = {
      { "journal", "list", "--db", other, NULL },
      { "journal", "export", "--format", "json", "--db", other, NULL },
      { "journal", "add-note", "1", "x", "--db", other, NULL },
      { "journal", "stats", "--db", other, NULL },
      { "import", "--db", other, csv, NULL },
      { "report", "--db", other, "--from", "2024-01-01", "--to", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        g_autofree char *out = NULL, *err = NULL;
        g_autofree char *after = NULL;

        if (strcmp (runs[i][0], "report") == 0)
          continue;  /* needs more arguments: below */
        g_assert_cmpint (test_run_cli_strv (runs[i], &out, &err), ==, 1);
        g_test_message ("%s", err);
        g_assert_nonnull (strstr (err, "another program (tables notes)"));
        after = test_file_sha256 (other);
        g_assert_cmpstr (after, ==, before);
        g_assert_cmpuint (count_files (dir), ==, n_files);
      }
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
    const char *args[] = { "report", "--db", other, "--from", "2024-01-01", "--to", "2024-02-01",
                           "--out", pdf, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "another program"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "journal", "list", "--db", typo, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "no journal at"));
    g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpuint (count_files (dir), ==, n_files);
  test_rm_rf (dir);
}

/* Item 2: two `journal add-note` loops on one entry at once keep every
 * acknowledged note. */
static void
test_concurrent_add_note (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-safety-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "alvh.sqlite", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) env = test_cli_environ_c ();
  GPid pids[2];
  int acknowledged[2] = { 0, 0 };
  guint found = 0;
  const int n = 25;

  add_entry (db, "Busy", "");
  for (int w = 0; w < 2; w++)
    {
      g_autofree char *script = g_strdup_printf (
        "ok=0; for i in $(seq 1 %d); do \"$0\" journal add-note 1 \"w%d-$i\" --db \"$1\" >/dev/null && ok=$((ok+1)); done; exit $((%d - ok))",
        n, w, n);
      const char *argv[] = { "/bin/sh", "-c", script, ALVH_CLI_PATH, db, NULL };
      g_autoptr(GError) error = NULL;

      g_assert_true (g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pids[w], &error));
      g_assert_no_error (error);
    }
  for (int w = 0; w < 2; w++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
      g_assert_true (WIFEXITED (status));
      acknowledged[w] = n - WEXITSTATUS (status);
      g_spawn_close_pid (pids[w]);
    }
  g_assert_cmpint (acknowledged[0] + acknowledged[1], ==, 2 * n);
  {
    const char *args[] = { "journal", "show", "1", "--db", db, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  for (int w = 0; w < 2; w++)
    for (int i = 1; i <= n; i++)
      {
        g_autofree char *note = g_strdup_printf ("\nw%d-%d\n", w, i);

        found += strstr (out, note) != NULL;
      }
  g_assert_cmpuint (found, ==, 2 * n);
  test_rm_rf (dir);
}

/* Item 9: control characters do not reach the terminal, `--` ends the
 * options, exports are 0600. */
static void
test_show_escapes_and_double_dash (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-safety-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "alvh.sqlite", NULL);
  g_autofree char *csv = g_build_filename (dir, "out", "entries.csv", NULL);
  g_autofree char *folder = g_path_get_dirname (csv);
  g_autofree char *out = NULL, *err = NULL;
  GStatBuf st;

  add_entry (db, "Red \x1b[31malert\x1b[0m", "line\r\x07" "bell\x1b]0;title\x07 and \xc2\x9b csi");
  {
    const char *args[] = { "journal", "show", "1", "--db", db, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_assert_null (strchr (out, '\x1b'));
  g_assert_null (strchr (out, '\r'));
  g_assert_null (strchr (out, '\x07'));
  g_assert_null (strstr (out, "\xc2\x9b"));
  g_assert_nonnull (strstr (out, "Red \\x1b[31malert\\x1b[0m"));
  g_assert_nonnull (strstr (out, "line\\x0d\\x07bell\\x1b]0;title\\x07 and \\u009b csi"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "journal", "list", "--db", db, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_assert_null (strchr (out, '\x1b'));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *args[] = { "journal", "add-note", "--db", db, "1", "--", "-5% at the open", NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "journal", "show", "1", "--db", db, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_assert_nonnull (strstr (out, "\n\n-5% at the open\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *args[] = { "journal", "export", "--format", "csv", "-o", csv, "--db", db, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  test_rm_rf (dir);
}

/* Item 6: JSON is valid UTF-8 and parses, whatever the journal or the file
 * names hold; a NUL does not cut a text. */
static void
test_json_valid_utf8 (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-safety-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "alvh.sqlite", NULL);
  g_autofree char *market = g_build_filename (dir, "market.sqlite", NULL);
  g_autofree char *bad_name = g_build_filename (dir, "spx-\xff\xfe.csv", NULL);
  g_autofree char *csv = test_fixture_path ("spx_d.csv");
  g_autofree char *data = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  sqlite3 *handle = NULL;

  add_entry (db, "t", "b");
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "UPDATE entries SET title = CAST (x'4361666599' AS TEXT),"
                                 " body = CAST (x'6265666f726500616674657221' AS TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  {
    const char *args[] = { "journal", "export", "--format", "json", "--db", db, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "body"),
                   ==, "before\xEF\xBF\xBD" "after!");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a file name that is not UTF-8 */
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  g_assert_true (g_file_set_contents (bad_name, data, -1, NULL));
  {
    const char *args[] = { "import", "--json", "--db", market, bad_name, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_array_get_object_element (array, 0), "file"),
                                   "spx-\xEF\xBF\xBD\xEF\xBF\xBD.csv"));
  test_rm_rf (dir);
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 40 * 1024, 40 * 1024 };

  signal (SIGXFSZ, SIG_IGN);  /* a write past the limit fails with EFBIG */
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Item 7, 8: `replay --journal` on a full disk leaves no file; two `eval`
 * on a new journal at once both succeed with one account. */
static void
test_full_disk_and_eval_race (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-safety-XXXXXX");
  g_autofree char *demo = g_build_filename (dir, "demo", NULL);
  g_autofree char *spx = g_build_filename (demo, "spx.csv", NULL);
  g_autofree char *vix = g_build_filename (demo, "vix.csv", NULL);
  g_autofree char *vx = g_build_filename (demo, "vx.csv", NULL);
  g_autofree char *journals = g_build_filename (dir, "journals", NULL);
  g_autofree char *full = g_build_filename (journals, "full.sqlite", NULL);
  g_autofree char *market = g_build_filename (dir, "market.sqlite", NULL);
  g_auto(GStrv) env = test_cli_environ_c ();
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  {
    const char *args[] = { "demo", "--out", demo, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autoptr(GError) error = NULL;
    const char *argv[] = { ALVH_CLI_PATH, "replay", "--spx", spx, "--vix", vix, "--vx", vx,
                           "--journal", full, NULL };

    g_assert_true (g_mkdir (journals, 0700) == 0);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, limit_file_size, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_test_message ("full disk: %s", err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpuint (count_files (journals), ==, 0);  /* no 0-byte file, no temporary */
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *args[] = { "import", "--db", market, spx, vix, vx, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    /* item 11: a chart image is the user's file too: 0600 */
    g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
    const char *args[] = { "chart", "--spx", spx, "--vix", vix, "--out", png, NULL };
    GStatBuf st;

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
    g_assert_cmpint (g_stat (png, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (st.st_size, >, 1000);
  }
  for (int round = 0; round < 3; round++)
    {
      g_autofree char *db = g_strdup_printf ("%s/race-%d.sqlite", dir, round);
      g_auto(GStrv) renv = g_environ_setenv (g_strdupv (env), "ALVH_DB", db, TRUE);
      const char *argv[] = { ALVH_CLI_PATH, "eval", "--market-db", market, "--record", NULL };
      GPid pids[2];
      g_autoptr(GError) error = NULL;
      g_autoptr(AlvhJournalStore) store = NULL;
      g_autoptr(GPtrArray) accounts = NULL;

      for (int i = 0; i < 2; i++)
        g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, renv, G_SPAWN_DO_NOT_REAP_CHILD |
                                                 G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pids[i],
                                                 NULL, NULL, NULL, &error));
      for (int i = 0; i < 2; i++)
        {
          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_spawn_close_pid (pids[i]);
        }
      store = alvh_journal_store_open_mode (db, ALVH_STORE_READ, &error);
      g_assert_no_error (error);
      accounts = alvh_journal_store_list_accounts (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (accounts->len, ==, 1);
    }
  test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/safety/foreign-file-untouched", test_foreign_file_untouched);
  g_test_add_func ("/cli/safety/concurrent-add-note", test_concurrent_add_note);
  g_test_add_func ("/cli/safety/show-escapes-and-double-dash", test_show_escapes_and_double_dash);
  g_test_add_func ("/cli/safety/json-valid-utf8", test_json_valid_utf8);
  g_test_add_func ("/cli/safety/full-disk-and-eval-race", test_full_disk_and_eval_race);
  return g_test_run ();
}
