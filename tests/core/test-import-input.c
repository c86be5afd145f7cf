/* test-import-input.c — what the importer reads and refuses: files that
 * change while they are read, FIFOs, folders and devices (issue 17 item 4),
 * and index levels that are 0, subnormal, huge or implausible (item 5) */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "alvh-csv-private.h"
#include "alvh-import-private.h"
#include "test-util.h"

#define N_ROWS 300

/* a Cboe VIX history of N_ROWS weekdays (about 13 KB) */
static char *
vix_text (void)
{
  GString *s = g_string_new ("DATE,OPEN,HIGH,LOW,CLOSE\n");
  gint64 day = alvh_days_from_civil (2020, 1, 6);

  for (int i = 0; i < N_ROWS; i++, day++)
    {
      int y, m, d;

      while (alvh_weekday_from_days (day) > 5)
        day++;
      alvh_civil_from_days (day, &y, &m, &d);
      g_string_append_printf (s, "%02d/%02d/%04d,%.2f,%.2f,%.2f,%.2f\n", m, d, y,
                              15.0 + i % 7, 17.0 + i % 7, 14.0 + i % 7, 16.0 + i % 7);
    }
  return g_string_free (s, FALSE);
}

static char *
write_tmp (const char *dir,
           const char *name,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

typedef enum { CHANGE_NONE, CHANGE_TRUNCATE, CHANGE_APPEND, CHANGE_REWRITE } Change;

typedef struct
{
  Change change;
  guint  calls;
} HookState;

/* after the first chunk: the file shrinks, grows or is rewritten */
static void
change_file (const char *path,
             gsize       done,
             gpointer    user_data)
{
  HookState *state = user_data;

  if (state->calls++ > 0)
    return;
  g_assert_cmpuint (done, ==, 1024);
  if (state->change == CHANGE_TRUNCATE)
    g_assert_cmpint (truncate (path, 100), ==, 0);
  else if (state->change == CHANGE_APPEND)
    {
      FILE *f = fopen (path, "a");
      g_assert_nonnull (f);
      fputs ("12/31/2029,20,21,19,20\n", f);
      fclose (f);
    }
  else if (state->change == CHANGE_REWRITE)
    {
      /* same size, other bytes: only the modification time tells */
      FILE *f = fopen (path, "r+");
      struct timespec later[2] = { { 0, UTIME_OMIT }, { 2000000000, 0 } };
      g_assert_nonnull (f);
      fseek (f, 30, SEEK_SET);
      fputc ('9', f);
      fclose (f);
      g_assert_cmpint (utimensat (AT_FDCWD, path, later, 0), ==, 0);
    }
}

static AlvhImportResult *
import_changing (const char  *path,
                 Change       change,
                 HookState   *state,
                 GError     **error)
{
  AlvhImportResult *r;

  state->change = change;
  state->calls = 0;
  _alvh_csv_set_read_hook (1024, change_file, state);
  r = alvh_import_file (path, NULL, NULL, error);
  _alvh_csv_set_read_hook (0, NULL, NULL);
  return r;
}

/* read in 1 KB chunks: the same rows and checksum as a file read at once */
static void
test_chunked (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-import-input-XXXXXX");
  g_autofree char *text = vix_text ();
  g_autofree char *path = write_tmp (dir, "VIX_History.csv", text);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) r = NULL;
  HookState state;

  r = import_changing (path, CHANGE_NONE, &state, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (state.calls, ==, (strlen (text) + 1023) / 1024);
  g_assert_cmpuint (alvh_import_result_get_n_rows (r), ==, N_ROWS);
  g_assert_cmpstr (alvh_import_result_get_sha256 (r), ==, sha);
  test_rm_rf (dir);
}

/* a file that shrinks, grows or is rewritten while it is read: a clear
 * error (it used to be SIGBUS on the mapped file), never a partial import */
static void
test_changed_while_read (void)
{
  static const struct { Change change; const char *how; } cases[] = {
    { CHANGE_TRUNCATE, "(it ended after 1024 bytes; it had " },
    { CHANGE_APPEND, "(it grew; it had " },
    { CHANGE_REWRITE, "(it was written to; it had " },
  };
  g_autofree char *dir = test_make_tmp_dir ("alvh-import-input-XXXXXX");
  g_autofree char *text = vix_text ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_tmp (dir, "VIX_History.csv", text);
      g_autofree char *expected = g_strdup_printf ("%s: the file changed while it was read %s%zu bytes when "
                                                   "it was opened); import it again once it is complete",
                                                   path, cases[i].how, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(AlvhImportResult) r = NULL;
      HookState state;

      r = import_changing (path, cases[i].change, &state, &error);
      g_assert_null (r);
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_AGAIN);
      g_assert_cmpstr (error->message, ==, expected);
    }
  test_rm_rf (dir);
}

/* a FIFO is refused at once, not waited on (bounded by an alarm) */
static void
test_fifo (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-import-input-XXXXXX");
  g_autofree char *fifo = g_build_filename (dir, "vix.csv", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: is a FIFO (named pipe), not a regular file (expected a CSV file)", fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) r = NULL;
  gint64 start;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  start = g_get_monotonic_time ();
  alarm (10);
  r = alvh_import_file (fifo, NULL, NULL, &error);
  alarm (0);
  g_assert_null (r);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  test_rm_rf (dir);
}

static void
test_not_regular (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-import-input-XXXXXX");
  g_autofree char *folder_msg = g_strdup_printf ("%s: is a folder, not a regular file (expected a CSV file)", dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) dev_error = NULL;
  g_autoptr(AlvhImportResult) r = alvh_import_file (dir, NULL, NULL, &error);
  g_autoptr(AlvhImportResult) dev = alvh_import_file ("/dev/zero", NULL, NULL, &dev_error);

  g_assert_null (r);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_cmpstr (error->message, ==, folder_msg);
  g_assert_null (dev);
  g_assert_error (dev_error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_cmpstr (dev_error->message, ==,
                   "/dev/zero: is a character device, not a regular file (expected a CSV file)");
  test_rm_rf (dir);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *message;   /* after "NAME:" */
} LevelCase;

/* 0, 4.9e-324 and 1e308 used to import and replay as "$nan" and "inf" */
static void
test_levels (void)
{
  static const LevelCase cases[] = {
    { "VIX_History.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,13,14,12,13.2\n01/03/2024,13,14,0,0\n",
      "3:18: low 0 is not a plausible VIX level (expected a number from 1 to 300)" },
    { "VIX_History.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,13,14,12,4.9e-324\n",
      "2:21: close 4.94066e-324 is not a plausible VIX level (expected a number from 1 to 300)" },
    { "VIX_History.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,13,1e308,12,13\n",
      "2:15: high 1e+308 is not a plausible VIX level (expected a number from 1 to 300)" },
    { "spx.csv", "Date,Open,High,Low,Close\n2024-01-02,4745.2,4754.33,4722.67,472266700\n",
      "2:35: close 4.72267e+08 is not a plausible SPX level (expected a number from 1 to 100000)" },
    { "VVIX_History.csv", "DATE,VVIX\n01/02/2024,88.5\n01/03/2024,0\n",
      "3:12: VVIX 0 is not a plausible VVIX level (expected a number from 5 to 1000)" },
    { "term.csv", "DATE,VIX,VX1,VX2,SP500\n01/02/2024,13.2,14.1,15.2,1e308\n",
      "2:27: SP500 1e+308 is not a plausible SPX level (expected a number from 1 to 100000)" },
    { "term.csv", "DATE,VIX,VX1,VX2\n01/02/2024,13.2,14.1,4.9e-324\n",
      "2:22: VX2 4.94066e-324 is not a plausible VX level (expected a number from 1 to 300)" },
    { "acme.csv", "Date,Open,High,Low,Close\n2024-01-02,1,2,1,1e308\n",
      "2:18: close 1e+308 is not a plausible price (expected a number from 1e-06 to 1e+09)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%s:%s", cases[i].name, cases[i].message);
      g_autoptr(GError) error = NULL;
      g_autoptr(AlvhImportResult) r = alvh_import_data (cases[i].name, cases[i].text, strlen (cases[i].text),
                                                         NULL, NULL, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (r);
      g_assert_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

/* the ends of the real history stay importable; the ranges' own ends are in */
static void
test_levels_real_extremes (void)
{
  static const char * const ok[] = {
    "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/1990,2.58,89.53,1,300\n",            /* VIX */
    "Date,Open,High,Low,Close\n1932-06-01,4.40,4.40,4.40,4.40\n",         /* SPX, 1932 */
    "DATE,SKEW\n01/02/2024,101.23\n",
  };
  static const char * const names[] = { "VIX_History.csv", "spx.csv", "SKEW_History.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AlvhImportResult) r = alvh_import_data (names[i], ok[i], strlen (ok[i]), NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (alvh_import_result_get_n_rows (r), ==, 1);
    }
}

/* a bad level in the last row of a file leaves the store as it was */
static void
test_levels_all_or_nothing (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-import-input-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "m.sqlite", NULL);
  g_autofree char *text = vix_text ();
  g_autofree char *good = write_tmp (dir, "VIX_History.csv", text);
  g_autofree char *bad_text = g_strconcat (text, "12/31/2021,13,14,12,1e308\n", NULL);
  g_autofree char *bad = write_tmp (dir, "VIX_bad.csv", bad_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (db, &error);
  g_autoptr(GPtrArray) imports = NULL;

  g_assert_no_error (error);
  g_assert_true (alvh_market_store_import_file (store, good, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (alvh_market_store_count_rows (store, "VIX", &error), ==, N_ROWS);
  g_assert_false (alvh_market_store_import_file (store, bad, NULL, NULL, &error));
  g_assert_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE);
  g_assert_true (g_str_has_suffix (error->message, "close 1e+308 is not a plausible VIX level (expected a number from 1 to 300)"));
  g_clear_error (&error);
  g_assert_cmpint (alvh_market_store_count_rows (store, "VIX", &error), ==, N_ROWS);
  imports = alvh_market_store_list_imports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 1);
  g_clear_object (&store);
  test_rm_rf (dir);
}

/* the checksum the store records is GChecksum's SHA-256, for every length
 * around the 64-byte blocks and their padding, and for a large buffer */
static void
test_sha256 (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);
  gsize big = 3 * 1024 * 1024 + 17;
  g_autofree guchar *data = g_malloc (big);

  for (gsize i = 0; i < big; i++)
    data[i] = (guchar) g_rand_int_range (rand, 0, 256);
  for (gsize len = 0; len <= 300; len++)
    {
      g_autofree char *ours = _alvh_import_sha256_hex (data, len);
      g_autofree char *theirs = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);

      g_assert_cmpstr (ours, ==, theirs);
    }
  {
    g_autofree char *ours = _alvh_import_sha256_hex (data, big);
    g_autofree char *theirs = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, big);
    g_autofree char *empty = _alvh_import_sha256_hex ((const guchar *) "", 0);

    g_assert_cmpstr (ours, ==, theirs);
    g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/import/input/chunked", test_chunked);
  g_test_add_func ("/core/import/input/sha256", test_sha256);
  g_test_add_func ("/core/import/input/changed-while-read", test_changed_while_read);
  g_test_add_func ("/core/import/input/fifo", test_fifo);
  g_test_add_func ("/core/import/input/not-regular", test_not_regular);
  g_test_add_func ("/core/import/levels/implausible", test_levels);
  g_test_add_func ("/core/import/levels/real-extremes", test_levels_real_extremes);
  g_test_add_func ("/core/import/levels/all-or-nothing", test_levels_all_or_nothing);
  return g_test_run ();
}
