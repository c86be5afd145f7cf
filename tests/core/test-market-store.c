/* test-market-store.c — the SQLite market store */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "alvh-core.h"
#include "alvh-db.h"
#include "test-market-util.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_make_tmp_dir ("alvh-market-XXXXXX");
  f->db_path = g_build_filename (f->dir, "market.sqlite", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static void
store_fixture (AlvhMarketStore *store,
               const char      *name,
               const char      *hint)
{
  g_autoptr(AlvhImportResult) r = test_import_fixture (name, hint);
  g_autoptr(GError) error = NULL;

  g_assert_true (alvh_market_store_import_result (store, r, NULL, &error));
  g_assert_no_error (error);
}

static gint64
day (int y, int m, int d)
{
  return alvh_time_from_ny_date (y, m, d);
}

static void
test_open_creates (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (f->db_path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (alvh_market_store_get_schema_version (store), ==, ALVH_MARKET_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (f->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  /* a new store's pages are 16 KiB (fewer, larger writes for an import) */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 16384);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, ALVH_MARKET_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* reopening an up-to-date store is fine */
  g_clear_object (&store);
  store = alvh_market_store_open (f->db_path, &error);
  g_assert_no_error (error);
}

static void
test_newer_refused (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *expected = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future_thing (x); PRAGMA user_version = 99;"
                                 "PRAGMA application_id = 1095521869;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = test_file_sha256 (f->db_path);

  store = alvh_market_store_open (f->db_path, &error);
  g_assert_null (store);
  g_assert_error (error, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_TOO_NEW);
  expected = g_strdup_printf ("%s: the market store was written by a newer version of ALVH Desk "
                              "(schema version 99; this version reads up to %d). "
                              "It was not opened and not changed: update ALVH Desk to use it.",
                              f->db_path, ALVH_MARKET_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (error->message, ==, expected);

  after = test_file_sha256 (f->db_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_import_and_load (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (f->db_path, &error);
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(AlvhSeries) spx = NULL;
  g_autoptr(AlvhSeries) vx = NULL;
  g_autoptr(AlvhSeries) br = NULL;
  g_autoptr(AlvhSeries) part = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  AlvhMarketInstrument *in;
  AlvhMarketImport *im;

  g_assert_no_error (error);
  store_fixture (store, "import-bom-crlf.csv", "VIX");
  store_fixture (store, "spx_d.csv", NULL);
  store_fixture (store, "import-term.csv", NULL);
  {
    /* the term-structure file's VIX and SP500 never replace the primary
     * histories: 2 VIX closes (01-03, 01-04) and 3 SPX closes differ,
     * the largest SPX 2024-01-02: 21.5 kept, 4310 the other */
    const AlvhMarketConflicts *c = alvh_market_store_get_conflicts (store);

    g_assert_cmpint (c->n, ==, 5);
    g_assert_cmpstr (c->symbol, ==, "SPX");
    g_assert_cmpint (c->time, ==, day (2024, 1, 2));
    g_assert_cmpfloat (c->kept, ==, 21.5);
    g_assert_cmpfloat (c->other, ==, 4310.0);
    g_assert_cmpstr (c->kept_source, ==, "stooq");
    g_assert_cmpstr (c->other_source, ==, "term-structure");
  }
  store_fixture (store, "import-breadth.csv", NULL);

  /* VIX: OHLC from the Cboe file, which the term-structure file (a derived
   * copy) does not overwrite (2024-01-04 exists in both) */
  vix = alvh_market_store_load_series (store, "VIX", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_series_get_length (vix), ==, 3);
  g_assert_cmpuint (alvh_series_get_n_columns (vix), ==, 4);
  g_assert_cmpfloat (alvh_series_get_column_by_name (vix, "close")[2], ==, 13.9);
  g_assert_cmpfloat (alvh_series_get_column_by_name (vix, "high")[2], ==, 14.20);
  g_assert_cmpint (alvh_series_get_times (vix)[0], ==, day (2024, 1, 2));

  /* SPX: Stooq OHLCV; the term-structure close-only rows overlap */
  spx = alvh_market_store_load_series (store, "SPX", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpint (alvh_series_find_column (spx, "volume"), ==, 4);
  g_assert_cmpuint (alvh_series_get_length (spx), ==, 3);
  g_assert_cmpfloat (alvh_series_get_column_by_name (spx, "close")[2], ==, 20.75);
  g_assert_cmpfloat (alvh_series_get_column_by_name (spx, "open")[2], ==, 21.25);

  vx = alvh_market_store_load_series (store, "VX", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (alvh_series_get_column_name (vx, 1), ==, "vx2");
  g_assert_cmpuint (alvh_series_get_length (vx), ==, 3);
  g_assert_cmpfloat (alvh_series_get_column (vx, 1)[1], ==, 15.75);

  br = alvh_market_store_load_series (store, "BREADTH", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (alvh_series_get_column_by_name (br, "advancers")[2], ==, 1650);

  part = alvh_market_store_load_series (store, "VIX", day (2024, 1, 3), day (2024, 1, 3), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_series_get_length (part), ==, 1);

  g_assert_null (alvh_market_store_load_series (store, "NOPE", G_MININT64, G_MAXINT64, &error));
  g_assert_error (error, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  instruments = alvh_market_store_list_instruments (store, &error);
  g_assert_no_error (error);
  /* BREADTH, SPX, VIX, VX1, VX2 */
  g_assert_cmpuint (instruments->len, ==, 5);
  in = g_ptr_array_index (instruments, 3);
  g_assert_cmpstr (in->symbol, ==, "VX1");
  g_assert_cmpstr (in->kind, ==, "future");
  g_assert_cmpint (in->n_rows, ==, 3);
  in = g_ptr_array_index (instruments, 2);
  g_assert_cmpstr (in->name, ==, "Cboe Volatility Index");
  g_assert_cmpint (in->first, ==, day (2024, 1, 2));
  g_assert_cmpint (in->last, ==, day (2024, 1, 4));

  imports = alvh_market_store_list_imports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 4);
  im = g_ptr_array_index (imports, 2);
  g_assert_cmpstr (im->file, ==, "import-term.csv");
  g_assert_cmpstr (im->format, ==, "term-structure");
  g_assert_cmpstr (im->symbols, ==, "VIX, VX, SPX");
  g_assert_cmpint (im->rows, ==, 3);
  g_assert_cmpint (im->first, ==, day (2024, 1, 2));
  g_assert_cmpint (im->last, ==, day (2024, 1, 4));
  g_assert_cmpuint (strlen (im->sha256), ==, 64);
  g_assert_cmpint (im->imported_at, >, 1700000000);
}

static void
test_upsert_idempotent (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (f->db_path, &error);
  g_autofree char *path = test_fixture_path ("spx_d.csv");
  g_autoptr(AlvhImportResult) r = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  gint64 n1, n2;

  g_assert_true (alvh_market_store_import_file (store, path, NULL, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (alvh_import_result_get_symbol (r, 0), ==, "SPX");
  n1 = alvh_market_store_count_rows (store, NULL, &error);
  g_assert_cmpint (n1, ==, 3);
  g_assert_true (alvh_market_store_import_file (store, path, NULL, NULL, &error));
  n2 = alvh_market_store_count_rows (store, NULL, &error);
  g_assert_cmpint (n2, ==, n1);
  imports = alvh_market_store_list_imports (store, &error);
  g_assert_cmpuint (imports->len, ==, 2);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (f->db_path, &error);
  g_autoptr(AlvhImportResult) term = NULL;
  g_autoptr(AlvhImportResult) vvix = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *bad = test_fixture_path ("import-high-low.csv");
  gint64 n_before;

  g_assert_no_error (error);
  /* SPX is taken by a breadth instrument ... */
  store_fixture (store, "import-breadth.csv", "SPX");
  n_before = alvh_market_store_count_rows (store, NULL, &error);
  g_assert_cmpint (n_before, ==, 3);

  /* ... so the term-structure file fails on its third series, after VIX and
   * VX1/VX2 rows were written: all of it must be rolled back */
  term = test_import_fixture ("import-term.csv", NULL);
  g_assert_false (alvh_market_store_import_result (store, term, NULL, &error));
  g_assert_error (error, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, "instrument SPX is stored as kind “breadth”"));
  g_clear_error (&error);
  g_assert_cmpint (alvh_market_store_count_rows (store, NULL, &error), ==, n_before);
  instruments = alvh_market_store_list_instruments (store, &error);
  g_assert_cmpuint (instruments->len, ==, 1);
  imports = alvh_market_store_list_imports (store, &error);
  g_assert_cmpuint (imports->len, ==, 1);

  /* a bad file changes nothing */
  g_assert_false (alvh_market_store_import_file (store, bad, NULL, NULL, &error));
  g_assert_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (alvh_market_store_count_rows (store, NULL, &error), ==, n_before);

  /* cancelled inside the transaction: nothing written */
  vvix = test_import_fixture ("import-vvix.csv", NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (alvh_market_store_import_result (store, vvix, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&instruments, g_ptr_array_unref);
  instruments = alvh_market_store_list_instruments (store, &error);
  g_assert_cmpuint (instruments->len, ==, 1);

  /* and the store still works afterwards */
  g_assert_true (alvh_market_store_import_result (store, vvix, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (alvh_market_store_count_rows (store, "VVIX", &error), ==, 2);
}

/* a VIX history of the weekdays from row @from to @to (exclusive) of a
 * fixed calendar, closes from @base */
static AlvhImportResult *
vix_rows (guint  from,
          guint  to,
          double base)
{
  g_autoptr(GString) s = g_string_new ("DATE,OPEN,HIGH,LOW,CLOSE\n");
  g_autoptr(GError) error = NULL;
  gint64 d = alvh_days_from_civil (2010, 1, 4);
  AlvhImportResult *r;

  for (guint i = 0; i < to; i++, d++)
    {
      int y, m, dd;

      while (alvh_weekday_from_days (d) > 5)
        d++;
      if (i < from)
        continue;
      alvh_civil_from_days (d, &y, &m, &dd);
      g_string_append_printf (s, "%02d/%02d/%04d,%.2f,%.2f,%.2f,%.2f\n", m, dd, y,
                              base + i % 5, base + 5 + i % 5, base - 1 - i % 3, base + 1 + i % 4);
    }
  r = alvh_import_data ("VIX_History.csv", s->str, s->len, NULL, NULL, &error);
  g_assert_no_error (error);
  return r;
}

/* rows go 64 to a statement and the rest one by one: every value of every
 * row comes back, and a re-import that overlaps updates exactly its rows */
static void
test_batches_round_trip (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const cols[] = { "open", "high", "low", "close" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (f->db_path, &error);
  g_autoptr(AlvhImportResult) first = vix_rows (0, 150, 20.0);
  g_autoptr(AlvhImportResult) second = vix_rows (50, 200, 40.0);
  g_autoptr(AlvhSeries) loaded = NULL;
  AlvhSeries *a = alvh_import_result_get_series (first, 0);
  AlvhSeries *b = alvh_import_result_get_series (second, 0);

  g_assert_no_error (error);
  g_assert_true (alvh_market_store_import_result (store, first, NULL, &error));
  g_assert_true (alvh_market_store_import_result (store, second, NULL, &error));
  g_assert_no_error (error);
  loaded = alvh_market_store_load_series (store, "VIX", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_series_get_length (loaded), ==, 200);
  for (gsize i = 0; i < 200; i++)
    {
      AlvhSeries *src = i < 50 ? a : b;
      gsize k = i < 50 ? i : i - 50;

      g_assert_cmpint (alvh_series_get_times (loaded)[i], ==, alvh_series_get_times (src)[k]);
      for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
        g_assert_cmpfloat (alvh_series_get_column_by_name (loaded, cols[c])[i], ==,
                           alvh_series_get_column_by_name (src, cols[c])[k]);
    }
}

/* 5-minute SPX bars, @n rows, written to @path; @last_close replaces the
 * last row's close when not NULL */
static void
write_intraday (const char *path,
                guint       n,
                const char *last_close)
{
  g_autoptr(GString) s = g_string_new ("Date,Open,High,Low,Close\n");
  gint64 d = alvh_days_from_civil (1990, 1, 2);
  int minute = 0;

  for (guint i = 0; i < n; i++, minute += 5)
    {
      int y, m, dd, t;
      double c = 300.0 + (i % 997) * 0.25;

      if (minute == 78 * 5)
        {
          minute = 0;
          do
            d++;
          while (alvh_weekday_from_days (d) > 5);
        }
      alvh_civil_from_days (d, &y, &m, &dd);
      t = 9 * 60 + 35 + minute;
      if (i + 1 == n && last_close != NULL)
        g_string_append_printf (s, "%04d-%02d-%02d %02d:%02d:00,%.2f,%.2f,%.2f,%s\n",
                                y, m, dd, t / 60, t % 60, c, c + 1, c - 1, last_close);
      else
        g_string_append_printf (s, "%04d-%02d-%02d %02d:%02d:00,%.2f,%.2f,%.2f,%.2f\n",
                                y, m, dd, t / 60, t % 60, c, c + 1, c - 1, c + 0.5);
    }
  g_assert_true (g_file_set_contents (path, s->str, (gssize) s->len, NULL));
}

/* import_path writes on a second thread while the file is parsed (rows
 * handed over every 65536): 140,000 rows come back exactly as parsed, and a
 * bad last row leaves nothing written */
static void
test_import_path_threads (Fixture       *f,
                          gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const cols[] = { "open", "high", "low", "close" };
  g_autofree char *csv = g_build_filename (f->dir, "spx_5m.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "spx_bad.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (f->db_path, &error);
  g_autoptr(AlvhImportResult) parsed = NULL;
  g_autoptr(AlvhImportResult) written = NULL;
  g_autoptr(AlvhSeries) loaded = NULL;
  AlvhSeries *src;
  const guint n = 140000;

  g_assert_no_error (error);
  write_intraday (bad, n, "0");
  g_assert_false (alvh_market_store_import_path (store, bad, "SPX", NULL, NULL, &error));
  g_assert_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE);
  g_assert_true (g_str_has_suffix (error->message, "close 0 is not a plausible SPX level (expected a number from 1 to 100000)"));
  g_clear_error (&error);
  g_assert_cmpint (alvh_market_store_count_rows (store, NULL, &error), ==, 0);

  write_intraday (csv, n, NULL);
  g_assert_true (alvh_market_store_import_path (store, csv, "SPX", NULL, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_import_result_get_n_rows (written), ==, n);
  parsed = alvh_import_file (csv, "SPX", NULL, &error);
  g_assert_no_error (error);
  src = alvh_import_result_get_series (parsed, 0);
  loaded = alvh_market_store_load_series (store, "SPX", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_series_get_length (loaded), ==, n);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpint (alvh_series_get_times (loaded)[i], ==, alvh_series_get_times (src)[i]);
      for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
        g_assert_cmpfloat (alvh_series_get_column_by_name (loaded, cols[c])[i], ==,
                           alvh_series_get_column_by_name (src, cols[c])[i]);
    }
}

/* The fixture's store, open, for a test on the real data in
 * $ALVH_SHARED_DATA; NULL, the test skipped, when that folder is absent */
static AlvhMarketStore *
open_for_shared_data (Fixture *f)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autoptr(GError) error = NULL;
  AlvhMarketStore *store;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("shared market data folder ($ALVH_SHARED_DATA) is absent");
      return NULL;
    }
  store = alvh_market_store_open (f->db_path, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_real_files (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const files[] = {
    "vix_daily_cboe.csv", "spx_daily_yahoo.csv", "vvix_daily_cboe.csv",
    "vix_futures_term_structure_2007_2021.csv", "vix_futures_cfe_contracts_2006_2015.csv",
  };
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(AlvhSeries) vx = NULL;
  g_autoptr(AlvhSeries) spx = NULL;
  gint64 n1, n2;

  store = open_for_shared_data (f);
  if (store == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_assert_true (alvh_market_store_import_file (store, path, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  n1 = alvh_market_store_count_rows (store, NULL, &error);

  vix = alvh_market_store_load_series (store, "VIX", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_series_get_length (vix), >=, 9234);
  g_assert_cmpfloat (alvh_series_get_column_by_name (vix, "close")[alvh_series_find_time (vix, day (2020, 3, 16))], ==, 82.69);
  g_assert_cmpfloat (alvh_series_get_column_by_name (vix, "low")[alvh_series_find_time (vix, day (2020, 3, 16))], ==, 57.83);

  spx = alvh_market_store_load_series (store, "SPX", day (2020, 1, 1), day (2020, 12, 31), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_series_get_length (spx), ==, 253);

  vx = alvh_market_store_load_series (store, "VX", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpint (alvh_series_get_times (vx)[0], ==, day (2007, 4, 2));
  g_assert_cmpfloat (alvh_series_get_column (vx, 0)[alvh_series_find_time (vx, day (2008, 1, 16))], ==, 24.99);

  /* importing the same file again changes no row count */
  {
    g_autofree char *path = g_build_filename (dir, files[0], NULL);
    g_assert_true (alvh_market_store_import_file (store, path, NULL, NULL, &error));
  }
  n2 = alvh_market_store_count_rows (store, NULL, &error);
  g_assert_cmpint (n1, ==, n2);
}

/* the stored VIX close of @date */
static double
stored_vix_close (AlvhMarketStore *store,
                  gint64           date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhSeries) vix = alvh_market_store_load_series (store, "VIX", date, date, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (alvh_series_get_length (vix), ==, 1);
  return alvh_series_get_column_by_name (vix, "close")[0];
}

static void
import_path (AlvhMarketStore       *store,
             const char            *path,
             AlvhMarketImportFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (alvh_market_store_import_path_full (store, path, NULL, flags, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* `alvh import --prefer` (issue 18): after Cboe's VIX history the
 * term-structure file's VIX close of 2014-10-15 (25.27) loses to Cboe's
 * (26.25); preferred, it wins, replaces the 11 closes the two give
 * differently (the largest that one, by 0.98) and is recorded as
 * preferred; it keeps winning over Cboe imported again without --prefer
 * (Cboe's values stay stored: 11 conflicts), and Cboe preferred wins back.
 * A preferred import that fails at its last line changes nothing. */
static void
test_prefer (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autofree char *cboe = NULL;
  g_autofree char *term = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *text = NULL;
  const AlvhMarketConflicts *c;
  const AlvhMarketImport *im;
  gint64 oct15 = day (2014, 10, 15), rows;

  store = open_for_shared_data (f);
  if (store == NULL)
    return;
  cboe = g_build_filename (dir, "vix_daily_cboe.csv", NULL);
  term = g_build_filename (dir, "vix_futures_term_structure_2007_2021.csv", NULL);

  import_path (store, cboe, ALVH_MARKET_IMPORT_DEFAULT);
  import_path (store, term, ALVH_MARKET_IMPORT_DEFAULT);
  g_assert_cmpfloat (stored_vix_close (store, oct15), ==, 26.25);
  c = alvh_market_store_get_conflicts (store);
  g_assert_false (c->preferred);
  g_assert_cmpint (c->n_replaced, ==, 0);
  g_assert_cmpint (c->n, ==, 11);

  /* a preferred file that breaks at its end: nothing changes */
  g_assert_true (g_file_get_contents (term, &text, NULL, NULL));
  broken = g_build_filename (f->dir, "term_broken.csv", NULL);
  {
    g_autofree char *bad = g_strconcat (text, "2021-12-24,not a number\n", NULL);

    g_assert_true (g_file_set_contents (broken, bad, -1, NULL));
  }
  rows = alvh_market_store_count_rows (store, NULL, &error);
  g_assert_false (alvh_market_store_import_path_full (store, broken, NULL, ALVH_MARKET_IMPORT_PREFER,
                                                      NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpfloat (stored_vix_close (store, oct15), ==, 26.25);
  g_assert_cmpint (alvh_market_store_count_rows (store, NULL, &error), ==, rows);
  imports = alvh_market_store_list_imports (store, &error);
  g_assert_cmpuint (imports->len, ==, 2);
  g_clear_pointer (&imports, g_ptr_array_unref);

  import_path (store, term, ALVH_MARKET_IMPORT_PREFER);
  g_assert_cmpfloat (stored_vix_close (store, oct15), ==, 25.27);
  c = alvh_market_store_get_conflicts (store);
  g_assert_true (c->preferred);
  g_assert_cmpint (c->n_replaced, ==, 11);
  g_assert_cmpstr (c->replaced_symbol, ==, "VIX");
  g_assert_cmpint (c->replaced_time, ==, oct15);
  g_assert_cmpfloat (c->replaced_old, ==, 26.25);
  g_assert_cmpfloat (c->replaced_new, ==, 25.27);
  g_assert_cmpfloat_with_epsilon (c->max_replaced, 0.98, 1e-9);
  g_assert_cmpint (c->n, ==, 11);  /* Cboe's values stay, now the other source */
  g_assert_cmpstr (c->kept_source, ==, "term-structure");
  g_assert_cmpstr (c->other_source, ==, "cboe-ohlc");
  imports = alvh_market_store_list_imports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 3);
  im = g_ptr_array_index (imports, 2);
  g_assert_true (im->preferred);
  g_assert_cmpint (im->replaced, ==, 11);
  g_assert_cmpfloat_with_epsilon (im->max_replaced, 0.98, 1e-9);
  g_assert_false (((AlvhMarketImport *) g_ptr_array_index (imports, 1))->preferred);
  g_clear_pointer (&imports, g_ptr_array_unref);

  /* chosen on purpose, it stays; Cboe preferred takes its place back */
  import_path (store, cboe, ALVH_MARKET_IMPORT_DEFAULT);
  g_assert_cmpfloat (stored_vix_close (store, oct15), ==, 25.27);
  g_assert_cmpint (alvh_market_store_get_conflicts (store)->n, ==, 11);
  import_path (store, cboe, ALVH_MARKET_IMPORT_PREFER);
  g_assert_cmpfloat (stored_vix_close (store, oct15), ==, 26.25);
  c = alvh_market_store_get_conflicts (store);
  g_assert_cmpint (c->n_replaced, ==, 11);
  g_assert_cmpfloat (c->replaced_old, ==, 25.27);
}

/* A series imported first is written once (to bars only); a second source
 * over the same dates keeps both sources' values there, whichever wins:
 * Yahoo's SPX after the term-structure file's SP500 column. */
static void
test_sources_kept (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autofree char *yahoo = NULL;
  g_autofree char *term = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  store = open_for_shared_data (f);
  if (store == NULL)
    return;
  yahoo = g_build_filename (dir, "spx_daily_yahoo.csv", NULL);
  term = g_build_filename (dir, "vix_futures_term_structure_2007_2021.csv", NULL);
  import_path (store, term, ALVH_MARKET_IMPORT_DEFAULT);
  g_assert_cmpint (alvh_market_store_get_conflicts (store)->n, ==, 0);
  import_path (store, yahoo, ALVH_MARKET_IMPORT_DEFAULT);
  /* the term-structure file's SP500 closes are Yahoo's to the cent */
  g_assert_cmpint (alvh_market_store_get_conflicts (store)->n, ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* the term-structure file's 3,711 SP500 closes and none of the Yahoo
   * bars before 2007-04-02 are in bar_sources */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT (SELECT count(*) FROM bar_sources s JOIN instruments i ON i.id = s.instrument_id "
    "        WHERE i.symbol = 'SPX' AND s.source = 'term-structure'), "
    "       (SELECT count(*) FROM bar_sources s JOIN instruments i ON i.id = s.instrument_id "
    "        WHERE i.symbol = 'SPX' AND s.time < ?1)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, day (2007, 4, 2));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 3711);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* the error codes the db layer tests expect, for a file named "test file" */
static AlvhDbErrors
test_db_errors (void)
{
  return (AlvhDbErrors) {
    .domain = G_IO_ERROR, .io = G_IO_ERROR_NOT_FOUND, .database = G_IO_ERROR_FAILED,
    .constraint = G_IO_ERROR_EXISTS, .invalid = G_IO_ERROR_INVALID_DATA,
    .newer_schema = G_IO_ERROR_NOT_SUPPORTED, .name = "test file",
  };
}

/* The SQLite layer both stores share: migrations run one step per
 * transaction (a failing step keeps the steps before it), savepoints nest,
 * and errors name the file and use the owner's domain and codes. */
static void
test_db_layer (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const steps[] = {
    "CREATE TABLE t (x INTEGER NOT NULL UNIQUE);",
    "CREATE TABLE u (y INTEGER); INSERT INTO nowhere VALUES (1);",
  };
  const AlvhDbErrors errors = test_db_errors ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDb) db = NULL;
  g_autoptr(AlvhDbCachedStmt) ins = NULL;
  int version = -1;

  g_assert_true (g_file_set_contents (f->db_path, "", 0, NULL));
  db = alvh_db_open (f->db_path, &errors, "cannot open", &error);
  g_assert_no_error (error);
  g_assert_true (alvh_db_enable_wal (db, &error));

  /* the second step fails: the first stays, each in its own transaction */
  g_assert_false (alvh_db_migrate (db, steps, G_N_ELEMENTS (steps), 2, &version, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "migration to schema version 2 failed: "));
  g_assert_nonnull (strstr (error->message, f->db_path));
  g_clear_error (&error);
  g_assert_cmpint (version, ==, 1);
  g_assert_true (alvh_db_read_user_version (db, &version, &error));
  g_assert_cmpint (version, ==, 1);
  g_assert_cmpuint (alvh_db_in_transaction (db), ==, 0);

  /* a savepoint inside a transaction is undone alone; a constraint maps to its code */
  ins = alvh_db_prepare_cached (db, "INSERT INTO t (x) VALUES (?)", &error);
  g_assert_no_error (error);
  g_assert_true (alvh_db_begin (db, &error));
  sqlite3_bind_int (ins, 1, 1);
  g_assert_true (alvh_db_step_done (db, ins, "insert", &error));
  sqlite3_reset (ins);
  g_assert_true (alvh_db_begin (db, &error));
  g_assert_cmpuint (alvh_db_in_transaction (db), ==, 2);
  g_assert_false (alvh_db_step_done (db, ins, "insert again", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  sqlite3_reset (ins);
  g_assert_false (alvh_db_end (db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (alvh_db_end (db, TRUE, &error));
  g_assert_cmpuint (alvh_db_in_transaction (db), ==, 0);
  {
    g_autoptr(sqlite3_stmt) count = alvh_db_prepare (db, "SELECT count(*) FROM t", &error);

    g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (count, 0), ==, 1);
  }

  /* a file newer than the program is refused and left as it is */
  g_assert_true (alvh_db_exec (db, "PRAGMA user_version = 5", &error));
  g_assert_false (alvh_db_migrate (db, steps, G_N_ELEMENTS (steps), 2, &version, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "the test file was written by a newer version"));
  g_clear_error (&error);
  g_assert_true (alvh_db_read_user_version (db, &version, &error));
  g_assert_cmpint (version, ==, 5);
}

/* The import writes a range with no stored rows with plain inserts and any
 * other with upserts: a first file, a second one after it (plain inserts
 * on an instrument that has rows), a third across both with other closes
 * (upserts) all load back as the last import left them */
static void
test_insert_and_upsert_paths (Fixture       *f,
                              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *all = g_build_filename (f->dir, "all.csv", NULL);
  g_autofree char *head = g_build_filename (f->dir, "head.csv", NULL);
  g_autofree char *tail = g_build_filename (f->dir, "tail.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (f->db_path, &error);
  g_autoptr(AlvhSeries) loaded = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const guint n = 1000, cut = 600;

  g_assert_no_error (error);
  write_intraday (all, n, NULL);
  g_assert_true (g_file_get_contents (all, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  {
    g_autoptr(GString) first = g_string_new (lines[0]);
    g_autoptr(GString) second = g_string_new (lines[0]);

    for (guint i = 1; i <= n; i++)
      g_string_append_printf (i <= cut ? first : second, "\n%s", lines[i]);
    g_string_append_c (first, '\n');
    g_string_append_c (second, '\n');
    g_assert_true (g_file_set_contents (head, first->str, -1, NULL));
    g_assert_true (g_file_set_contents (tail, second->str, -1, NULL));
  }
  g_assert_true (alvh_market_store_import_path (store, head, "SPX", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (alvh_market_store_import_path (store, tail, "SPX", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (alvh_market_store_count_rows (store, "SPX", &error), ==, n);

  /* the whole file again with every close 0.25 higher: each row is updated */
  {
    g_autoptr(GString) shifted = g_string_new (lines[0]);

    for (guint i = 1; i <= n; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

        g_string_append_printf (shifted, "\n%s,%s,%s,%s,%.2f", fields[0], fields[1], fields[2], fields[3],
                                g_ascii_strtod (fields[4], NULL) + 0.25);
      }
    g_string_append_c (shifted, '\n');
    g_assert_true (g_file_set_contents (all, shifted->str, -1, NULL));
  }
  g_assert_true (alvh_market_store_import_path (store, all, "SPX", NULL, NULL, &error));
  g_assert_no_error (error);
  loaded = alvh_market_store_load_series (store, "SPX", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_series_get_length (loaded), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (alvh_series_get_column_by_name (loaded, "close")[i],
                                    300.0 + (i % 997) * 0.25 + 0.75, 1e-9);
  g_assert_cmpint (alvh_market_store_count_rows (store, NULL, &error), ==, n);
}

static gboolean
sum_cb (sqlite3_stmt  *stmt,
        gpointer       user_data,
        GError       **error)
{
  gint64 *sum = user_data;

  if (sqlite3_column_int64 (stmt, 0) == 13)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped at 13");
      return FALSE;
    }
  *sum += sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* alvh_db_select_rows binds by a format and stops where the row function
 * says; alvh_db_step_reset names the file and what failed, and leaves the
 * statement ready for the next row */
static void
test_db_rows_and_steps (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  const AlvhDbErrors errors = test_db_errors ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDb) db = NULL;
  g_autoptr(AlvhDbCachedStmt) ins = NULL;
  gint64 sum = 0;

  g_assert_true (g_file_set_contents (f->db_path, "", 0, NULL));
  db = alvh_db_open (f->db_path, &errors, "cannot open", &error);
  g_assert_no_error (error);
  g_assert_true (alvh_db_exec (db, "CREATE TABLE t (x INTEGER NOT NULL UNIQUE, tag TEXT)", &error));
  ins = alvh_db_prepare_cached (db, "INSERT INTO t (x, tag) VALUES (?1, ?2)", &error);
  g_assert_no_error (error);
  for (int x = 1; x <= 20; x++)
    {
      alvh_db_bind_values (ins, "It", x, x % 2 == 0 ? "even" : "odd");
      g_assert_true (alvh_db_step_reset (db, ins, "cannot add a row", &error));
      g_assert_no_error (error);
    }
  alvh_db_bind_values (ins, "It", 7, "again");
  g_assert_false (alvh_db_step_reset (db, ins, "cannot add a row", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_str_has_prefix (error->message, f->db_path));
  g_assert_nonnull (strstr (error->message, ": cannot add a row: "));
  g_clear_error (&error);
  alvh_db_bind_values (ins, "It", 21, "odd");
  g_assert_true (alvh_db_step_reset (db, ins, "cannot add a row", &error));

  g_assert_true (alvh_db_select_rows (db, "SELECT x FROM t WHERE tag = ?1 AND x <= ?2 ORDER BY x",
                                      "cannot sum", sum_cb, &sum, &error, "ti", "even", (gint64) 12));
  g_assert_no_error (error);
  g_assert_cmpint (sum, ==, 2 + 4 + 6 + 8 + 10 + 12);
  sum = 0;
  g_assert_false (alvh_db_select_rows (db, "SELECT x FROM t WHERE tag = ?1 AND x <= ?2 ORDER BY x",
                                       "cannot sum", sum_cb, &sum, &error, "ti", "odd", (gint64) 21));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (sum, ==, 1 + 3 + 5 + 7 + 9 + 11);
  g_clear_error (&error);
  g_assert_false (alvh_db_select_rows (db, "SELECT x FROM nowhere WHERE x = ?1", "cannot sum",
                                       sum_cb, &sum, &error, "i", (gint64) 1));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, f->db_path));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/core/market-store/open-creates", Fixture, NULL, fixture_setup, test_open_creates, fixture_teardown);
  g_test_add ("/core/market-store/newer-refused", Fixture, NULL, fixture_setup, test_newer_refused, fixture_teardown);
  g_test_add ("/core/market-store/import-and-load", Fixture, NULL, fixture_setup, test_import_and_load, fixture_teardown);
  g_test_add ("/core/market-store/upsert-idempotent", Fixture, NULL, fixture_setup, test_upsert_idempotent, fixture_teardown);
  g_test_add ("/core/market-store/rollback", Fixture, NULL, fixture_setup, test_rollback, fixture_teardown);
  g_test_add ("/core/market-store/batches-round-trip", Fixture, NULL, fixture_setup, test_batches_round_trip, fixture_teardown);
  g_test_add ("/core/market-store/import-path-threads", Fixture, NULL, fixture_setup, test_import_path_threads, fixture_teardown);
  g_test_add ("/core/market-store/real-files", Fixture, NULL, fixture_setup, test_real_files, fixture_teardown);
  g_test_add ("/core/market-store/prefer", Fixture, NULL, fixture_setup, test_prefer, fixture_teardown);
  g_test_add ("/core/market-store/sources-kept", Fixture, NULL, fixture_setup, test_sources_kept, fixture_teardown);
  g_test_add ("/core/market-store/insert-and-upsert-paths", Fixture, NULL, fixture_setup,
              test_insert_and_upsert_paths, fixture_teardown);
  g_test_add ("/core/db/rows-and-steps", Fixture, NULL, fixture_setup, test_db_rows_and_steps, fixture_teardown);
  g_test_add ("/core/db/migrate-transactions-errors", Fixture, NULL, fixture_setup, test_db_layer, fixture_teardown);
  return g_test_run ();
}
