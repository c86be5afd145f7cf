/* bench-import.c — CSV parsing, series building and the market store, and
 * the whole `alvh import` against SQLite's own loader
 *
 * Writes a 1M-row Yahoo-style CSV (Date,Open,High,Low,Close,Adj Close,Volume,
 * about 80 MB) into a temporary directory, then
 *   - times the parts in process CPU time (best of 3): the bare CSV reader,
 *     alvh_import_file () = read + parse + numbers + dates + checks + series
 *     + SHA-256, the SHA-256 alone (ours and GChecksum's), the store's
 *     import of new rows and of the same rows again (upsert), load_series;
 *   - times in wall-clock time, interleaved rounds, best of 3: the `alvh
 *     import` program ($ALVH_CLI_PATH, set by meson) into a new
 *     market.sqlite, and, when the `sqlite3` program is installed,
 *     `sqlite3 .import` of the same file into a plain table and into a
 *     table keyed by date; prints MB/s of wall and of CPU time (user +
 *     system, all threads: the machine may be busy with other work, which
 *     makes the wall time of all three longer, and the CPU time stays
 *     comparable), the ratios and the goal of issue 22 (>= 60 MB/s wall).
 *
 * The files and databases go to $ALVH_BENCH_DIR when set, else to a memory
 * filesystem when there is one ($XDG_RUNTIME_DIR or /dev/shm on tmpfs, with
 * room), else to the temporary folder; the output names the filesystem the
 * figures are for.  On a shared disk the wall time measures the other
 * users' I/O more than the programs (4-11 MB/s for all three in one run);
 * on tmpfs fsync returns at once, for both programs alike.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/vfs.h>
#include <linux/magic.h>
#endif

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "alvh-import-private.h"
#include "test-util.h"

#define N_ROWS 1000000
#define N_RUNS 3

static char *
write_csv (const char *dir,
           gsize      *size)
{
  g_autoptr(GString) s = g_string_sized_new ((gsize) N_ROWS * 80);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (20161);
  char *path = g_build_filename (dir, "bench_spx.csv", NULL);
  gint64 day = alvh_days_from_civil (1972, 1, 3);
  int minute = 0;
  double price = 100.0;

  /* a million bars do not fit in the past as daily bars (imports refuse
   * future dates): five-minute bars of the regular session, 78 a day,
   * weekdays from 1972 on (about 49 years) */
  g_string_append (s, "Date,Open,High,Low,Close,Adj Close,Volume\n");
  for (gint64 i = 0; i < N_ROWS; i++)
    {
      int y, m, d;
      double open = price;
      double close = price * (1.0 + g_rand_double_range (rand, -0.02, 0.02));
      double high = MAX (open, close) * (1.0 + g_rand_double_range (rand, 0, 0.01));
      double low = MIN (open, close) * (1.0 - g_rand_double_range (rand, 0, 0.01));

      if (minute == 78 * 5)
        {
          minute = 0;
          do
            day++;
          while (alvh_weekday_from_days (day) > 5);
        }
      alvh_civil_from_days (day, &y, &m, &d);
      g_string_append_printf (s, "%04d-%02d-%02d %02d:%02d:00,%.6f,%.6f,%.6f,%.6f,%.6f,%d\n",
                              y, m, d, 9 + (30 + 5 + minute) / 60, (30 + 5 + minute) % 60,
                              open, high, low, close, close,
                              g_rand_int_range (rand, 1000000, 900000000));
      minute += 5;
      price = CLAMP (close, 10.0, 10000.0);
    }
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (path, s->str, (gssize) s->len, &error));
  *size = s->len;
  return path;
}

#define GOAL_MB_S 60.0
#define MIN_FREE_BYTES ((guint64) 1 << 30)  /* CSV + three databases, with room */

/* The kind of filesystem @dir is on, and whether it has @min_free bytes free */
static const char *
fs_name (const char *dir,
         guint64     min_free,
         gboolean   *roomy)
{
#ifdef __linux__
  struct statfs st;

  *roomy = FALSE;
  if (statfs (dir, &st) != 0)
    return "unknown";
  *roomy = (guint64) st.f_bavail * (guint64) st.f_bsize >= min_free;
  switch ((unsigned long) st.f_type)
    {
    case TMPFS_MAGIC: return "tmpfs";
    case EXT4_SUPER_MAGIC: return "ext4";
    case BTRFS_SUPER_MAGIC: return "btrfs";
    case XFS_SUPER_MAGIC: return "xfs";
    case OVERLAYFS_SUPER_MAGIC: return "overlayfs";
    default: return "other";
    }
#else
  *roomy = TRUE;
  return "unknown";
#endif
}

/* A new folder for the bench's files: in $ALVH_BENCH_DIR, else on a memory
 * filesystem with room, else in the temporary folder */
static char *
make_bench_dir (void)
{
  const char *env = g_getenv ("ALVH_BENCH_DIR");
  const char *candidates[] = { g_getenv ("XDG_RUNTIME_DIR"), "/dev/shm", g_get_tmp_dir () };

  for (guint i = 0; i < G_N_ELEMENTS (candidates) + 1; i++)
    {
      const char *parent = i == 0 ? env : candidates[i - 1];
      g_autofree char *dir = NULL;
      gboolean roomy = FALSE;

      if (parent == NULL)
        continue;
      /* a memory filesystem first; the temporary folder whatever it is */
      if (i > 0 && i < G_N_ELEMENTS (candidates) &&
          (strcmp (fs_name (parent, MIN_FREE_BYTES, &roomy), "tmpfs") != 0 || !roomy))
        continue;
      dir = g_build_filename (parent, "alvh-bench-import-XXXXXX", NULL);
      if (g_mkdtemp (dir) != NULL)
        return g_steal_pointer (&dir);
    }
  g_error ("cannot make a folder for the bench: %s", g_strerror (errno));
}
#define N_WALL_RUNS 5  /* interleaved: a busy machine slows some rounds of each program */

/* CPU time of this process: the machine may be shared with other jobs */
static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
wall (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* user + system CPU time of the children waited for so far */
static double
children_cpu (void)
{
  struct rusage ru;

  getrusage (RUSAGE_CHILDREN, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* Runs @argv into a new database @db and returns its wall time in seconds,
 * its CPU time (user + system, all threads) in @cpu */
static double
run_timed (const char * const *argv,
           const char         *db,
           double             *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  double t0, c0 = children_cpu (), w;

  test_unlink_sqlite (db);
  t0 = wall ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s %s", argv[0], error->message, err != NULL ? err : "");
  w = wall () - t0;
  *cpu = MIN (*cpu, children_cpu () - c0);
  return w;
}

static gint64
sqlite3_count (const char *sqlite3,
               const char *db)
{
  const char *argv[] = { sqlite3, db, "SELECT count(*) FROM t", NULL };
  g_autofree char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, NULL))
    return -1;
  return g_ascii_strtoll (out, NULL, 10);
}

static void
print_load (void)
{
  g_autofree char *load = NULL;

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    printf ("import: load average %s", load);
}

/* The whole `alvh import` beside `sqlite3 .import`, wall clock */
static void
bench_wall (const char *dir,
            const char *fs,
            const char *csv_path,
            gsize       size)
{
  const char *cli = g_getenv ("ALVH_CLI_PATH");
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *ours_db = g_build_filename (dir, "wall-market.sqlite", NULL);
  g_autofree char *plain_db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *keyed_db = g_build_filename (dir, "keyed.db", NULL);
  g_autofree char *dot_import = g_strdup_printf (".import --csv %s t", csv_path);
  g_autofree char *dot_import_skip = g_strdup_printf (".import --csv --skip 1 %s t", csv_path);
  const char *create_keyed = "CREATE TABLE t (Date TEXT PRIMARY KEY, Open REAL, High REAL, Low REAL, "
                             "Close REAL, \"Adj Close\" REAL, Volume INTEGER)";
  const char *ours_argv[] = { cli, "import", "--db", ours_db, "--symbol", "SPX", csv_path, NULL };
  const char *plain_argv[] = { sqlite3, plain_db, dot_import, NULL };
  const char *keyed_argv[] = { sqlite3, keyed_db, create_keyed, dot_import_skip, NULL };
  double ours = G_MAXDOUBLE, plain = G_MAXDOUBLE, keyed = G_MAXDOUBLE;
  double ours_cpu = G_MAXDOUBLE, plain_cpu = G_MAXDOUBLE, keyed_cpu = G_MAXDOUBLE;
  double mb = size / 1e6;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      printf ("import: wall: $ALVH_CLI_PATH is not set to the alvh program (run through `meson test --benchmark`); skipped\n");
      return;
    }
  if (sqlite3 == NULL)
    printf ("import: wall: the sqlite3 program is not installed (apt-get install sqlite3): no peer figures\n");
  print_load ();
  for (int run = 0; run < N_WALL_RUNS; run++)
    {
      ours = MIN (ours, run_timed (ours_argv, ours_db, &ours_cpu));
      if (sqlite3 != NULL)
        {
          plain = MIN (plain, run_timed (plain_argv, plain_db, &plain_cpu));
          keyed = MIN (keyed, run_timed (keyed_argv, keyed_db, &keyed_cpu));
        }
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AlvhMarketStore) store = alvh_market_store_open (ours_db, &error);

    g_assert_no_error (error);
    g_assert_cmpint (alvh_market_store_count_rows (store, "SPX", &error), ==, N_ROWS);
  }
  printf ("import: wall and CPU, best of %d interleaved rounds, %.1f MB file, databases on %s:\n",
          N_WALL_RUNS, mb, fs);
  printf ("import:   alvh import (whole program, new market.sqlite):  %5.1f MB/s wall (%.2f s), %5.1f MB/s CPU (%.2f s)\n",
          mb / ours, ours, mb / ours_cpu, ours_cpu);
  if (sqlite3 != NULL)
    {
      g_assert_cmpint (sqlite3_count (sqlite3, plain_db), ==, N_ROWS);
      g_assert_cmpint (sqlite3_count (sqlite3, keyed_db), ==, N_ROWS);
      printf ("import:   sqlite3 .import, plain table:                   %5.1f MB/s wall (%.2f s), %5.1f MB/s CPU (%.2f s); "
              "alvh/sqlite3 speed = %.2f wall, %.2f CPU\n",
              mb / plain, plain, mb / plain_cpu, plain_cpu, plain / ours, plain_cpu / ours_cpu);
      printf ("import:   sqlite3 .import, table keyed by date:           %5.1f MB/s wall (%.2f s), %5.1f MB/s CPU (%.2f s); "
              "alvh/sqlite3 speed = %.2f wall, %.2f CPU\n",
              mb / keyed, keyed, mb / keyed_cpu, keyed_cpu, keyed / ours, keyed_cpu / ours_cpu);
    }
  printf ("import:   goal >= %.0f MB/s wall on %s: %.1f MB/s = %.2f of the goal: %s\n", GOAL_MB_S, fs, mb / ours,
          mb / ours / GOAL_MB_S, mb / ours >= GOAL_MB_S ? "met" : "NOT met");
  print_load ();
  test_unlink_sqlite (ours_db);
  test_unlink_sqlite (plain_db);
  test_unlink_sqlite (keyed_db);
}
int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_bench_dir ();
  g_autofree char *fs = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(AlvhImportResult) result = NULL;
  double best_reader = G_MAXDOUBLE, best_parse = G_MAXDOUBLE, best_sha = G_MAXDOUBLE, best_gsha = G_MAXDOUBLE;
  double t0, t_store, t_upsert, t_load;
  gsize size = 0;

  {
    gboolean roomy;

    fs = g_strdup_printf ("%s (%s)", fs_name (dir, 0, &roomy), dir);
  }
  csv_path = write_csv (dir, &size);
  db_path = g_build_filename (dir, "market.sqlite", NULL);
  printf ("import: %d rows, %.1f MB CSV; files and databases on %s%s\n", N_ROWS, size / 1e6, fs,
          g_str_has_prefix (fs, "tmpfs") ? ": memory, fsync is free for every program (set ALVH_BENCH_DIR for a disk)" : "");

  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr(AlvhCsvReader) csv = NULL;
      gsize fields = 0;

      t0 = now ();
      csv = alvh_csv_reader_new_for_path (csv_path, &error);
      g_assert_no_error (error);
      while (alvh_csv_reader_next (csv, &error))
        fields += alvh_csv_reader_get_n_fields (csv);
      g_assert_no_error (error);
      best_reader = MIN (best_reader, now () - t0);
      g_assert_cmpuint (fields, ==, (gsize) (N_ROWS + 1) * 7);
    }
  printf ("import: csv reader only: %.1f MB/s (%.0f ns/row)\n",
          size / 1e6 / best_reader, best_reader * 1e9 / N_ROWS);

  for (int run = 0; run < N_RUNS; run++)
    {
      g_clear_pointer (&result, alvh_import_result_unref);
      t0 = now ();
      result = alvh_import_file (csv_path, "SPX", NULL, &error);
      g_assert_no_error (error);
      best_parse = MIN (best_parse, now () - t0);
    }
  g_assert_cmpuint (alvh_series_get_length (alvh_import_result_get_series (result, 0)), ==, N_ROWS);
  printf ("import: alvh_import_file (read, parse, numbers, dates, checks, series, gaps, SHA-256): %.1f MB/s (%.0f ns/row)\n",
          size / 1e6 / best_parse, best_parse * 1e9 / N_ROWS);

  {
    g_autofree char *data = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (csv_path, &data, &len, NULL));
    for (int run = 0; run < N_RUNS; run++)
      {
        g_autofree char *ours = NULL;
        g_autofree char *theirs = NULL;

        t0 = now ();
        ours = _alvh_import_sha256_hex ((const guchar *) data, len);
        best_sha = MIN (best_sha, now () - t0);
        t0 = now ();
        theirs = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
        best_gsha = MIN (best_gsha, now () - t0);
        g_assert_cmpstr (ours, ==, theirs);
        g_assert_cmpstr (ours, ==, alvh_import_result_get_sha256 (result));
      }
  }
  printf ("import: of which SHA-256: %.0f MB/s (GChecksum: %.0f MB/s); parse + series build without it: %.1f MB/s\n",
          size / 1e6 / best_sha, size / 1e6 / best_gsha, size / 1e6 / (best_parse - best_sha));

  {
    g_autoptr(AlvhMarketStore) store = alvh_market_store_open (db_path, &error);
    g_autoptr(AlvhSeries) loaded = NULL;

    g_assert_no_error (error);
    t0 = now ();
    g_assert_true (alvh_market_store_import_result (store, result, NULL, &error));
    t_store = now () - t0;
    t0 = now ();
    g_assert_true (alvh_market_store_import_result (store, result, NULL, &error));
    t_upsert = now () - t0;
    t0 = now ();
    loaded = alvh_market_store_load_series (store, "SPX", G_MININT64, G_MAXINT64, &error);
    t_load = now () - t0;
    g_assert_no_error (error);
    g_assert_cmpuint (alvh_series_get_length (loaded), ==, N_ROWS);
  }
  printf ("import: store import (one transaction, new rows): %.0f rows/s (%.2f s)\n", N_ROWS / t_store, t_store);
  printf ("import: store re-import (upsert of existing rows): %.0f rows/s (%.2f s)\n", N_ROWS / t_upsert, t_upsert);
  printf ("import: store load_series: %.0f rows/s (%.2f s)\n", N_ROWS / t_load, t_load);

  bench_wall (dir, fs, csv_path, size);

  test_unlink_sqlite (db_path);
  g_unlink (csv_path);
  g_rmdir (dir);
  return 0;
}
