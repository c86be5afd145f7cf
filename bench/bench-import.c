/* bench-import.c — CSV parsing, series building and the market store
 *
 * Writes a 1M-row Yahoo-style CSV (Date,Open,High,Low,Close,Adj Close,Volume)
 * into a temporary directory, then times
 *   - the bare CSV reader (records and fields only),
 *   - alvh_import_file () = parse + numbers + dates + checks + series (MB/s),
 *   - alvh_market_store_import_result () into a fresh market.sqlite (rows/s),
 *   - a second, overlapping import (the upsert path),
 *   - alvh_market_store_load_series () of all rows.
 * Prints the best of a few runs, in process CPU time.
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include <glib/gstdio.h>

#include "alvh-core.h"

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

/* CPU time of this process: the machine may be shared with other jobs */
static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("alvh-bench-import-XXXXXX", &error);
  g_autofree char *csv_path = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(AlvhImportResult) result = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  double best_reader = G_MAXDOUBLE, best_parse = G_MAXDOUBLE, best_sha = G_MAXDOUBLE;
  double t0, t_store, t_upsert, t_load;
  gsize size = 0;

  g_assert_no_error (error);
  csv_path = write_csv (dir, &size);
  db_path = g_build_filename (dir, "market.sqlite", NULL);
  printf ("import: %d rows, %.1f MB CSV\n", N_ROWS, size / 1e6);

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
  printf ("import: alvh_import_file (parse, numbers, dates, checks, series, gaps, SHA-256): %.1f MB/s (%.0f ns/row)\n",
          size / 1e6 / best_parse, best_parse * 1e9 / N_ROWS);

  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (csv_path, FALSE, NULL);
      g_autofree char *sha = NULL;

      t0 = now ();
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                         (const guchar *) g_mapped_file_get_contents (mapped),
                                         g_mapped_file_get_length (mapped));
      best_sha = MIN (best_sha, now () - t0);
    }
  printf ("import: of which SHA-256 (GChecksum): %.1f MB/s; parse + series build without it: %.1f MB/s\n",
          size / 1e6 / best_sha, size / 1e6 / (best_parse - best_sha));

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

  wal = g_strconcat (db_path, "-wal", NULL);
  shm = g_strconcat (db_path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (db_path);
  g_unlink (csv_path);
  g_rmdir (dir);
  return 0;
}
