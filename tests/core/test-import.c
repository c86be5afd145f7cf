/* test-import.c — format detection and the importers, on real Cboe/Yahoo/CFE
 * files from $ALVH_SHARED_DATA and on our own small fixtures */
#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "test-market-util.h"
#include "test-util.h"

static char *
shared_path (const char *name)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_build_filename (dir, name, NULL);
}

#define REQUIRE_SHARED(var, name) \
  g_autofree char *var = shared_path (name); \
  if (var == NULL) \
    { \
      g_test_skip ("shared market data folder ($ALVH_SHARED_DATA) is absent"); \
      return; \
    }

static gint64
day (int y, int m, int d)
{
  return alvh_time_from_ny_date (y, m, d);
}

static double
value_on (AlvhSeries *s,
          const char *column,
          gint64      t)
{
  gssize i = alvh_series_find_time (s, t);

  g_assert_cmpint (i, >=, 0);
  return alvh_series_get_column_by_name (s, column)[i];
}

static void
test_vix_cboe (void)
{
  REQUIRE_SHARED (path, "vix_daily_cboe.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) r = alvh_import_file (path, NULL, NULL, &error);
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  gsize len, n_listed;
  AlvhSeries *vix;
  const double *close;
  const gint64 *gaps;
  double min = INFINITY;
  gsize imin = 0;

  g_assert_no_error (error);
  g_assert_cmpint (alvh_import_result_get_format (r), ==, ALVH_IMPORT_FORMAT_CBOE_OHLC);
  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "cboe-ohlc");
  g_assert_cmpuint (alvh_import_result_get_n_series (r), ==, 1);
  g_assert_cmpstr (alvh_import_result_get_symbol (r, 0), ==, "VIX");
  g_assert_cmpstr (alvh_import_result_get_kind (r, 0), ==, "ohlc");
  g_assert_cmpstr (alvh_import_result_get_file (r), ==, "vix_daily_cboe.csv");
  vix = alvh_import_result_lookup (r, "VIX");
  g_assert_cmpuint (alvh_series_get_length (vix), ==, 9234);
  g_assert_cmpuint (alvh_import_result_get_n_rows (r), ==, 9234);
  g_assert_cmpint (alvh_import_result_get_first (r), ==, day (1990, 1, 2));
  g_assert_cmpint (alvh_import_result_get_last (r), ==, day (2026, 7, 22));
  g_assert_cmpfloat (value_on (vix, "close", day (2020, 3, 16)), ==, 82.69);
  g_assert_cmpfloat (value_on (vix, "open", day (1990, 1, 2)), ==, 17.24);
  g_assert_cmpfloat (value_on (vix, "high", day (2026, 7, 22)), ==, 19.49);
  close = alvh_series_get_column_by_name (vix, "close");
  for (gsize i = 0; i < alvh_series_get_length (vix); i++)
    if (close[i] < min)
      min = close[i], imin = i;
  g_assert_cmpfloat (min, ==, 9.14);
  g_assert_cmpint (alvh_series_get_times (vix)[imin], ==, day (2017, 11, 3));

  /* Cboe's 47 old rows with open or close outside [low, high] are kept */
  g_assert_cmpuint (alvh_import_result_get_n_outside_range (r), ==, 47);
  g_assert_cmpuint (alvh_import_result_get_n_warnings (r), ==, 47);
  g_assert_cmpuint (alvh_import_result_get_n_skipped (r), ==, 0);
  g_assert_nonnull (strstr (alvh_import_result_get_warnings (r)[0], "1992-02-11"));

  /* four NYSE trading days are missing from Cboe's file */
  g_assert_cmpuint (alvh_import_result_get_n_gaps (r), ==, 4);
  gaps = alvh_import_result_get_gaps (r, &n_listed);
  g_assert_cmpuint (n_listed, ==, 4);
  g_assert_cmpint (gaps[0], ==, day (1991, 3, 1));
  g_assert_cmpint (gaps[3], ==, day (1999, 12, 31));

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  g_assert_cmpstr (alvh_import_result_get_sha256 (r), ==, sha);
}

/* alvh_import_file () of a shared file that must import */
static AlvhImportResult *
import_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  AlvhImportResult *r = alvh_import_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return r;
}

static void
test_vix9d_vix3m (void)
{
  REQUIRE_SHARED (p9, "vix9d_daily_cboe.csv");
  g_autofree char *p3 = shared_path ("vix3m_daily_cboe.csv");
  g_autoptr(AlvhImportResult) r9 = import_ok (p9);
  g_autoptr(AlvhImportResult) r3 = import_ok (p3);

  g_assert_nonnull (r9);
  g_assert_nonnull (r3);
  g_assert_cmpstr (alvh_import_result_get_symbol (r9, 0), ==, "VIX9D");
  g_assert_cmpstr (alvh_import_result_get_symbol (r3, 0), ==, "VIX3M");
  g_assert_cmpuint (alvh_series_get_length (alvh_import_result_get_series (r9, 0)), ==, 3909);
  g_assert_cmpuint (alvh_series_get_length (alvh_import_result_get_series (r3, 0)), ==, 4235);
  g_assert_cmpfloat (value_on (alvh_import_result_get_series (r9, 0), "close", day (2020, 3, 16)), ==, 106.66);
  g_assert_cmpint (alvh_import_result_get_first (r3), ==, day (2009, 9, 18));
}

static void
test_spx_yahoo (void)
{
  REQUIRE_SHARED (path, "spx_daily_yahoo.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) r = alvh_import_file (path, NULL, NULL, &error);
  AlvhSeries *spx;

  g_assert_no_error (error);
  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "yahoo");
  spx = alvh_import_result_lookup (r, "SPX");
  g_assert_nonnull (spx);
  g_assert_cmpuint (alvh_series_get_length (spx), ==, 24114);
  g_assert_cmpint (alvh_series_find_column (spx, "volume"), ==, 4);
  g_assert_cmpint (alvh_import_result_get_first (r), ==, day (1927, 12, 30));
  g_assert_cmpint (alvh_import_result_get_last (r), ==, day (2023, 12, 28));
  /* Open = 0 from 1962-01-02 to 1982-04-19: kept, open = close */
  g_assert_cmpuint (alvh_import_result_get_n_open_missing (r), ==, 5075);
  g_assert_cmpuint (alvh_import_result_get_n_outside_range (r), ==, 0);
  g_assert_cmpfloat (value_on (spx, "open", day (1970, 1, 2)), ==, value_on (spx, "close", day (1970, 1, 2)));
  g_assert_cmpfloat (value_on (spx, "close", day (2023, 12, 28)), ==, 4783.35009765625);
  g_assert_cmpfloat (value_on (spx, "volume", day (2023, 12, 28)), ==, 2698860000.0);
  g_assert_cmpfloat (value_on (spx, "close", day (1927, 12, 30)), ==, 17.65999984741211);
  /* every NYSE trading day from 1971 on is there: checks the holiday calendar */
  g_assert_cmpuint (alvh_import_result_get_n_gaps (r), ==, 0);
}

static void
test_spx_ohlc_matches_yahoo (void)
{
  REQUIRE_SHARED (path, "spx_daily_ohlc_1927_2026.csv");
  g_autofree char *ypath = shared_path ("spx_daily_yahoo.csv");
  g_autoptr(AlvhImportResult) r = import_ok (path);
  g_autoptr(AlvhImportResult) y = import_ok (ypath);
  AlvhSeries *a, *b;
  const gint64 *tb;
  gsize shared = 0;

  g_assert_nonnull (r);
  g_assert_nonnull (y);
  a = alvh_import_result_lookup (r, "SPX");
  b = alvh_import_result_lookup (y, "SPX");
  g_assert_cmpuint (alvh_series_get_length (a), ==, 24745);
  g_assert_cmpint (alvh_import_result_get_last (r), ==, day (2026, 7, 8));
  g_assert_cmpuint (alvh_import_result_get_n_gaps (r), ==, 0);
  g_assert_cmpuint (alvh_import_result_get_n_warnings (r), ==, 0);
  tb = alvh_series_get_times (b);
  for (gsize i = 0; i < alvh_series_get_length (b); i++)
    {
      gssize j = alvh_series_find_time (a, tb[i]);
      if (j < 0)
        continue;
      shared++;
      g_assert_cmpfloat (alvh_series_get_column_by_name (a, "close")[j], ==,
                         alvh_series_get_column_by_name (b, "close")[i]);
      g_assert_cmpfloat (alvh_series_get_column_by_name (a, "high")[j], ==,
                         alvh_series_get_column_by_name (b, "high")[i]);
    }
  g_assert_cmpuint (shared, ==, 24114);
}

static void
test_vvix_skew (void)
{
  REQUIRE_SHARED (path, "vvix_daily_cboe.csv");
  g_autofree char *spath = shared_path ("skew_daily_cboe.csv");
  g_autoptr(AlvhImportResult) r = import_ok (path);
  g_autoptr(AlvhImportResult) s = import_ok (spath);
  AlvhSeries *vvix, *skew;
  const double *c;
  double lo = INFINITY, hi = -INFINITY;

  g_assert_nonnull (r);
  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "cboe-close");
  g_assert_cmpstr (alvh_import_result_get_symbol (r, 0), ==, "VVIX");
  g_assert_cmpstr (alvh_import_result_get_kind (r, 0), ==, "close");
  vvix = alvh_import_result_get_series (r, 0);
  g_assert_cmpuint (alvh_series_get_length (vvix), ==, 5066);
  g_assert_cmpfloat (value_on (vvix, "close", day (2006, 3, 6)), ==, 71.73);
  g_assert_cmpfloat (value_on (vvix, "close", day (2026, 7, 22)), ==, 95.55);

  g_assert_nonnull (s);
  g_assert_cmpstr (alvh_import_result_get_symbol (s, 0), ==, "SKEW");
  skew = alvh_import_result_get_series (s, 0);
  g_assert_cmpuint (alvh_series_get_length (skew), ==, 9189);
  c = alvh_series_get_column (skew, 0);
  for (gsize i = 0; i < alvh_series_get_length (skew); i++)
    lo = MIN (lo, c[i]), hi = MAX (hi, c[i]);
  g_assert_cmpfloat (lo, ==, 101.23);
  g_assert_cmpfloat (hi, ==, 183.12);
}

static void
test_term_structure (void)
{
  REQUIRE_SHARED (path, "vix_futures_term_structure_2007_2021.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) r = alvh_import_file (path, NULL, NULL, &error);
  g_autofree char *symbols = NULL;
  AlvhSeries *vx, *vix, *spx;
  gint64 t0 = day (2007, 4, 2);

  g_assert_no_error (error);
  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "term-structure");
  symbols = alvh_import_result_dup_symbols (r);
  g_assert_cmpstr (symbols, ==, "VIX, VX, SPX");
  vix = alvh_import_result_lookup (r, "VIX");
  vx = alvh_import_result_lookup (r, "VX");
  spx = alvh_import_result_lookup (r, "SPX");
  g_assert_cmpuint (alvh_series_get_n_columns (vx), ==, 8);
  g_assert_cmpstr (alvh_series_get_column_name (vx, 7), ==, "vx8");
  g_assert_cmpuint (alvh_series_get_length (vx), ==, 3711);
  g_assert_cmpuint (alvh_series_get_length (vix), ==, 3711);
  g_assert_cmpuint (alvh_series_get_length (spx), ==, 3711);
  g_assert_cmpfloat (value_on (vix, "close", t0), ==, 14.53);
  g_assert_cmpfloat (value_on (vx, "vx1", t0), ==, 14.7);
  g_assert_cmpfloat (value_on (vx, "vx2", t0), ==, 14.77);
  g_assert_cmpfloat (value_on (vx, "vx8", t0), ==, 14.9);
  g_assert_cmpfloat (value_on (spx, "close", t0), ==, 1424.55);
  g_assert_cmpfloat (value_on (vx, "vx1", day (2021, 12, 23)), ==, 21.6518);
  g_assert_cmpint (alvh_import_result_get_last (r), ==, day (2021, 12, 23));
  g_assert_cmpuint (alvh_import_result_get_n_gaps (r), ==, 0);
}

static void
test_cfe_contracts (void)
{
  REQUIRE_SHARED (path, "vix_futures_cfe_contracts_2006_2015.csv");
  g_autofree char *tpath = shared_path ("vix_futures_term_structure_2007_2021.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) r = alvh_import_file (path, NULL, NULL, &error);
  g_autoptr(AlvhImportResult) t = import_ok (tpath);
  AlvhSeries *vx, *ts;
  const gint64 *times;
  gsize shared = 0, same1 = 0, same2 = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "cfe-contracts");
  g_assert_cmpuint (alvh_import_result_get_n_rows (r), ==, 17208);
  g_assert_cmpuint (alvh_import_result_get_n_skipped (r), ==, 314);   /* Settle = 0 */
  vx = alvh_import_result_lookup (r, "VX");
  g_assert_nonnull (vx);
  /* contracts start with Jan 08, so VX1 is known from the Dec 07 expiry on */
  g_assert_cmpint (alvh_import_result_get_first (r), ==, day (2007, 12, 19));
  g_assert_cmpint (alvh_import_result_get_last (r), ==, day (2015, 4, 1));
  g_assert_cmpuint (alvh_series_get_length (vx), ==, 1833);
  /* 2008-01-16 is the Jan 08 expiry: VX1 is then Feb 08 (24.99) */
  g_assert_cmpfloat (value_on (vx, "vx1", day (2008, 1, 15)), ==, 24.04);
  g_assert_cmpfloat (value_on (vx, "vx1", day (2008, 1, 16)), ==, 24.99);
  g_assert_cmpfloat (value_on (vx, "vx2", day (2008, 1, 16)), ==, 25.03);

  /* agrees with the independent term-structure file except on the two dates
   * where a Good Friday moved the real expiry a day earlier (2008-02-19,
   * 2014-03-18; the rule ignores holidays) */
  ts = alvh_import_result_lookup (t, "VX");
  times = alvh_series_get_times (vx);
  for (gsize i = 0; i < alvh_series_get_length (vx); i++)
    {
      gssize j = alvh_series_find_time (ts, times[i]);
      if (j < 0)
        continue;
      shared++;
      same1 += alvh_series_get_column (vx, 0)[i] == alvh_series_get_column (ts, 0)[j];
      same2 += alvh_series_get_column (vx, 1)[i] == alvh_series_get_column (ts, 1)[j];
    }
  g_assert_cmpuint (shared, ==, 1833);
  g_assert_cmpuint (same1, ==, 1831);
  g_assert_cmpuint (same2, ==, 1831);
}

static void
test_vix_expiry (void)
{
  /* Jan 08 -> 2008-01-16; Apr 07 -> 2007-04-18; Mar 14 -> 2014-03-19 (rule, holidays ignored) */
  g_assert_cmpint (alvh_calendar_vix_expiry (2008, 1), ==, alvh_days_from_civil (2008, 1, 16));
  g_assert_cmpint (alvh_calendar_vix_expiry (2007, 4), ==, alvh_days_from_civil (2007, 4, 18));
  g_assert_cmpint (alvh_calendar_vix_expiry (2014, 3), ==, alvh_days_from_civil (2014, 3, 19));
  g_assert_cmpint (alvh_calendar_vix_expiry (2024, 12), ==, alvh_days_from_civil (2024, 12, 18));
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (alvh_weekday_from_days (alvh_calendar_vix_expiry (2025, m)), ==, 3);
}

static void
test_calendar (void)
{
  static const int closed[][3] = {
    { 2001, 9, 11 }, { 2001, 9, 14 }, { 2012, 10, 29 }, { 2012, 10, 30 }, { 2004, 6, 11 },
    { 2007, 1, 2 }, { 2018, 12, 5 }, { 2025, 1, 9 }, { 2024, 3, 29 }, { 2024, 1, 15 },
    { 2022, 6, 20 }, { 2021, 12, 24 }, { 2023, 1, 2 }, { 2024, 11, 28 }, { 1980, 11, 4 },
  };
  static const int open[][3] = {
    { 2021, 12, 31 }, { 2021, 6, 18 }, { 1997, 1, 20 }, { 2024, 10, 14 }, { 2024, 11, 11 },
    { 1984, 11, 6 }, { 2001, 9, 17 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (closed); i++)
    g_assert_false (alvh_calendar_is_nyse_trading_day (alvh_days_from_civil (closed[i][0], closed[i][1], closed[i][2])));
  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    g_assert_true (alvh_calendar_is_nyse_trading_day (alvh_days_from_civil (open[i][0], open[i][1], open[i][2])));
  g_assert_cmpstr (alvh_calendar_nyse_holiday_name (alvh_days_from_civil (2024, 3, 29)), ==, "Good Friday");
  g_assert_cmpint (alvh_calendar_easter (2024), ==, alvh_days_from_civil (2024, 3, 31));
  g_assert_false (alvh_calendar_is_nyse_trading_day (alvh_days_from_civil (2024, 1, 6)));
  g_assert_cmpint (alvh_calendar_next_trading_day (alvh_days_from_civil (2024, 3, 28)), ==,
                   alvh_days_from_civil (2024, 4, 1));
}

/* ---- fixtures --------------------------------------------------------- */

static void
test_fixture_bom_crlf (void)
{
  g_autoptr(AlvhImportResult) r = test_import_fixture ("import-bom-crlf.csv", "vix");
  AlvhSeries *s = alvh_import_result_lookup (r, "VIX");

  g_assert_nonnull (s);
  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "cboe-ohlc");
  g_assert_cmpuint (alvh_series_get_length (s), ==, 3);
  g_assert_cmpfloat (value_on (s, "open", day (2024, 1, 2)), ==, 13.10);
  g_assert_cmpfloat (value_on (s, "close", day (2024, 1, 4)), ==, 13.90);
}

static void
test_fixture_cboe_old (void)
{
  /* Cboe's older layout: a disclaimer line, "VIX Open" style names, M/D/YYYY */
  g_autoptr(AlvhImportResult) r = test_import_fixture ("import-cboe-old.csv", NULL);
  AlvhSeries *s = alvh_import_result_lookup (r, "VIX");

  g_assert_nonnull (s);
  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "generic-ohlc");
  g_assert_cmpuint (alvh_series_get_length (s), ==, 2);
  g_assert_cmpfloat (value_on (s, "high", day (2004, 1, 2)), ==, 18.68);
  g_assert_cmpfloat (value_on (s, "close", day (2004, 1, 5)), ==, 17.49);
}

static void
test_fixture_semicolon (void)
{
  g_autoptr(AlvhImportResult) r = test_import_fixture ("import-semicolon.csv", "SPX");
  AlvhSeries *s = alvh_import_result_lookup (r, "SPX");

  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "stooq");
  g_assert_cmpuint (alvh_series_get_length (s), ==, 2);
  g_assert_cmpfloat (value_on (s, "close", day (2024, 1, 2)), ==, 4310.0);
  g_assert_cmpfloat (value_on (s, "open", day (2024, 1, 2)), ==, 4321.5);
  g_assert_cmpfloat (value_on (s, "volume", day (2024, 1, 3)), ==, 2345600000.0);
}

static void
test_fixture_quoted (void)
{
  g_autofree char *path = test_fixture_path ("import-quoted.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AlvhImportResult) r = NULL;
  AlvhSeries *s;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  r = test_import_fixture ("import-quoted.csv", "XYZ");
  s = alvh_import_result_lookup (r, "XYZ");
  /* quoted fields are unescaped in a private mapping: the file is unchanged */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strstr (after, "\"first \"\"real\"\" day\""));

  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "generic-ohlc");
  g_assert_cmpint (alvh_series_find_column (s, "volume"), ==, -1);
  g_assert_cmpfloat (value_on (s, "open", day (2024, 1, 2)), ==, 100.0);
  g_assert_cmpfloat (value_on (s, "close", day (2024, 1, 2)), ==, 101.5);
  g_assert_cmpfloat (value_on (s, "low", day (2024, 1, 3)), ==, 101.0);
}

static void
test_fixture_stooq (void)
{
  g_autoptr(AlvhImportResult) r = test_import_fixture ("spx_d.csv", NULL);
  g_autoptr(AlvhImportResult) pl = test_import_fixture ("import-stooq-pl.csv", "spx");
  AlvhSeries *s = alvh_import_result_lookup (r, "SPX");

  /* the symbol comes from Stooq's file name ^spx_d.csv / spx_d.csv */
  g_assert_nonnull (s);
  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "stooq");
  g_assert_cmpuint (alvh_series_get_length (s), ==, 3);
  g_assert_cmpfloat (value_on (s, "high", day (2024, 1, 3)), ==, 22.0);
  g_assert_cmpfloat (value_on (s, "volume", day (2024, 1, 4)), ==, 1500.0);
  g_assert_cmpstr (alvh_import_result_get_format_id (pl), ==, "stooq");
  g_assert_cmpfloat (value_on (alvh_import_result_lookup (pl, "SPX"), "close", day (2024, 1, 3)), ==, 21.25);
}

static void
test_fixture_yahoo_null (void)
{
  g_autoptr(AlvhImportResult) r = test_import_fixture ("import-yahoo.csv", "^GSPC");
  AlvhSeries *s = alvh_import_result_lookup (r, "SPX");

  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "yahoo");
  g_assert_cmpuint (alvh_import_result_get_n_rows (r), ==, 3);
  g_assert_cmpuint (alvh_import_result_get_n_skipped (r), ==, 1);
  g_assert_cmpuint (alvh_import_result_get_n_open_missing (r), ==, 1);
  g_assert_cmpuint (alvh_series_get_length (s), ==, 2);
  g_assert_cmpfloat (value_on (s, "open", day (1970, 1, 2)), ==, 93.0);
  g_assert_cmpfloat (value_on (s, "high", day (1970, 1, 2)), ==, 93.54);
}

static void
test_fixture_yfinance (void)
{
  g_autoptr(AlvhImportResult) r = test_import_fixture ("import-yfinance.csv", NULL);
  AlvhSeries *s = alvh_import_result_lookup (r, "SPX");

  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "yfinance");
  g_assert_nonnull (s);
  g_assert_cmpuint (alvh_series_get_length (s), ==, 2);
  g_assert_cmpfloat (value_on (s, "open", day (2024, 1, 2)), ==, 4321.5);
  g_assert_cmpfloat (value_on (s, "close", day (2024, 1, 3)), ==, 4295.75);
}

static void
test_fixture_vx_breadth_vvix (void)
{
  g_autoptr(AlvhImportResult) vx = test_import_fixture ("import-vx.csv", NULL);
  g_autoptr(AlvhImportResult) br = test_import_fixture ("import-breadth.csv", NULL);
  g_autoptr(AlvhImportResult) vv = test_import_fixture ("import-vvix.csv", NULL);

  g_assert_cmpstr (alvh_import_result_get_format_id (vx), ==, "vx-settles");
  g_assert_cmpfloat (value_on (alvh_import_result_lookup (vx, "VX"), "vx2", day (2024, 1, 3)), ==, 15.75);
  g_assert_cmpstr (alvh_import_result_get_format_id (br), ==, "breadth");
  g_assert_cmpstr (alvh_import_result_get_kind (br, 0), ==, "breadth");
  g_assert_cmpfloat (value_on (alvh_import_result_lookup (br, "BREADTH"), "decliners", day (2024, 1, 3)), ==, 2100);
  g_assert_cmpstr (alvh_import_result_get_format_id (vv), ==, "cboe-close");
  g_assert_cmpfloat (value_on (alvh_import_result_lookup (vv, "VVIX"), "close", day (2024, 1, 3)), ==, 91.25);
}

static void
test_fixture_cfe (void)
{
  g_autoptr(AlvhImportResult) r = test_import_fixture ("import-cfe.csv", NULL);
  AlvhSeries *s = alvh_import_result_lookup (r, "VX");

  g_assert_cmpstr (alvh_import_result_get_format_id (r), ==, "cfe-contracts");
  g_assert_cmpuint (alvh_import_result_get_n_skipped (r), ==, 1);   /* Settle = 0 */
  /* 03/23 lacks the May contract: left out, and reported as a gap */
  g_assert_cmpuint (alvh_series_get_length (s), ==, 2);
  g_assert_cmpuint (alvh_import_result_get_n_gaps (r), ==, 1);
  /* before 2007-03-26 the old 10x scale is divided by 10 */
  g_assert_cmpfloat (value_on (s, "vx1", day (2007, 3, 22)), ==, 12.5);
  g_assert_cmpfloat (value_on (s, "vx2", day (2007, 3, 22)), ==, 13.1);
  g_assert_cmpfloat (value_on (s, "vx1", day (2007, 3, 26)), ==, 12.2);
  g_assert_cmpfloat (value_on (s, "vx2", day (2007, 3, 26)), ==, 13.05);
}

static void
test_fixture_outside_and_gap (void)
{
  g_autoptr(AlvhImportResult) r = test_import_fixture ("import-outside.csv", "VIX");
  g_autoptr(AlvhImportResult) g = test_import_fixture ("import-gap.csv", "VIX");
  gsize n;
  const gint64 *gaps;

  g_assert_cmpuint (alvh_import_result_get_n_outside_range (r), ==, 1);
  g_assert_cmpuint (alvh_series_get_length (alvh_import_result_lookup (r, "VIX")), ==, 2);
  g_assert_cmpstr (alvh_import_result_get_warnings (r)[0], ==,
                   "import-outside.csv:3: 2024-01-03 open 15 / close 14.1 outside [low 13, high 14.6]; row kept");
  /* 2024-01-04 is missing; 2024-01-15 (Martin Luther King Jr. Day) is not a gap */
  g_assert_cmpuint (alvh_import_result_get_n_gaps (g), ==, 1);
  gaps = alvh_import_result_get_gaps (g, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (gaps[0], ==, day (2024, 1, 4));
}

typedef struct
{
  const char *file;
  GQuark      domain;
  int         code;
  const char *message;   /* after "PATH:" */
} ErrorCase;

static void
test_fixture_errors (void)
{
  const ErrorCase cases[] = {
    { "import-empty.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_EMPTY,
      "1:1: the file is empty (expected a CSV header line such as DATE,OPEN,HIGH,LOW,CLOSE)" },
    { "import-blank.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_EMPTY,
      "1:1: the file is empty (expected a CSV header line such as DATE,OPEN,HIGH,LOW,CLOSE)" },
    { "import-header-only.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_EMPTY,
      "2:1: no data rows (expected at least one dated row after the header)" },
    { "import-html.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_HTML,
      "1:1: file looks like an HTML page, not CSV (the server sent a web page, e.g. an error or consent page, instead of data)" },
    { "import-stooq-nd.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_NO_DATA,
      "1:1: Stooq returned N/D: no data for this symbol" },
    { "import-stooq-nd-row.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_NO_DATA,
      "2:24: Stooq returned N/D: no data for this symbol" },
    { "import-bad-number.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE,
      "3:18: “abc” is not a number (expected the high value)" },
    { "import-negative.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE,
      "3:30: negative close -14.10 (expected a number >= 0)" },
    { "import-high-low.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE,
      "2:18: high 12.7 is below low 12.8 (expected high >= low)" },
    { "import-bad-date.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_DATE,
      "3:1: “13/45/2024” is not a date (expected YYYY-MM-DD or MM/DD/YYYY)" },
    { "import-dup-date.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_DUPLICATE,
      "4:1: duplicate date 2024-01-03 (already on line 3; expected each date once)" },
    { "import-order.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_ORDER,
      "3:1: date 2024-01-02 is before 2024-01-03 on line 2 (expected dates in increasing order)" },
    { "import-short-row.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_SHORT_ROW,
      "2:23: the row has 3 fields (expected 5, as in the header)" },
    { "import-unterminated.csv", ALVH_CSV_ERROR, ALVH_CSV_ERROR_SYNTAX,
      "2:24: a quoted field is not closed (expected a closing '\"')" },
    { "import-vx-zero.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE,
      "2:18: VX2 is 0 (expected a settle > 0)" },
    { "import-cfe-bad-label.csv", ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_VALUE,
      "2:12: “VX Apr” is not a VIX futures contract (expected a label like “F (Jan 08)”)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = test_fixture_path (cases[i].file);
      g_autofree char *expected = g_strdup_printf ("%s:%s", path, cases[i].message);
      g_autoptr(GError) error = NULL;
      g_autoptr(AlvhImportResult) r = alvh_import_file (path, NULL, NULL, &error);

      g_test_message ("%s", cases[i].file);
      g_assert_null (r);
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_fixture_unknown_header (void)
{
  g_autofree char *path = test_fixture_path ("import-unknown.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) r = alvh_import_file (path, NULL, NULL, &error);
  g_autofree char *prefix = g_strdup_printf ("%s:1:1: unknown header “symbol,when,price” (expected one of: ", path);

  g_assert_null (r);
  g_assert_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  /* a file without any header line: reported at line 1 */
  {
    g_autofree char *path2 = test_fixture_path ("import-no-header.csv");
    g_autofree char *prefix2 = g_strdup_printf ("%s:1:1: unknown header “17.5,18.25,16.75” (expected one of: ", path2);
    g_autoptr(GError) error2 = NULL;
    g_autoptr(AlvhImportResult) r2 = alvh_import_file (path2, NULL, NULL, &error2);

    g_assert_null (r2);
    g_assert_error (error2, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_UNKNOWN_FORMAT);
    g_assert_true (g_str_has_prefix (error2->message, prefix2));
  }
  /* every known format is listed */
  for (int f = ALVH_IMPORT_FORMAT_CBOE_OHLC; f <= ALVH_IMPORT_FORMAT_BREADTH; f++)
    g_assert_nonnull (strstr (error->message, alvh_import_format_describe (f)));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) r = alvh_import_file ("/nonexistent/alvh/none.csv", NULL, NULL, &error);

  g_assert_null (r);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/alvh/none.csv: "));
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char data[] = "DATE,VVIX\n01/02/2024,88.5\n";
  g_autoptr(AlvhImportResult) r = NULL;

  g_cancellable_cancel (cancellable);
  r = alvh_import_data ("c.csv", data, strlen (data), NULL, cancellable, &error);
  g_assert_null (r);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_symbol_from_filename (void)
{
  static const char * const cases[][2] = {
    { "/x/vix_daily_cboe.csv", "VIX" }, { "VIX_History.csv", "VIX" }, { "^spx_d.csv", "SPX" },
    { "^GSPC.csv", "SPX" }, { "vix9d_daily_cboe.csv", "VIX9D" }, { "VVIX.csv", "VVIX" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = alvh_import_symbol_from_filename (cases[i][0]);
      g_assert_cmpstr (s, ==, cases[i][1]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/import/real/vix-cboe", test_vix_cboe);
  g_test_add_func ("/core/import/real/vix9d-vix3m", test_vix9d_vix3m);
  g_test_add_func ("/core/import/real/spx-yahoo", test_spx_yahoo);
  g_test_add_func ("/core/import/real/spx-ohlc", test_spx_ohlc_matches_yahoo);
  g_test_add_func ("/core/import/real/vvix-skew", test_vvix_skew);
  g_test_add_func ("/core/import/real/term-structure", test_term_structure);
  g_test_add_func ("/core/import/real/cfe-contracts", test_cfe_contracts);
  g_test_add_func ("/core/import/calendar/vix-expiry", test_vix_expiry);
  g_test_add_func ("/core/import/calendar/nyse", test_calendar);
  g_test_add_func ("/core/import/fixture/bom-crlf", test_fixture_bom_crlf);
  g_test_add_func ("/core/import/fixture/cboe-old", test_fixture_cboe_old);
  g_test_add_func ("/core/import/fixture/semicolon", test_fixture_semicolon);
  g_test_add_func ("/core/import/fixture/quoted", test_fixture_quoted);
  g_test_add_func ("/core/import/fixture/stooq", test_fixture_stooq);
  g_test_add_func ("/core/import/fixture/yahoo-null", test_fixture_yahoo_null);
  g_test_add_func ("/core/import/fixture/yfinance", test_fixture_yfinance);
  g_test_add_func ("/core/import/fixture/vx-breadth-vvix", test_fixture_vx_breadth_vvix);
  g_test_add_func ("/core/import/fixture/cfe", test_fixture_cfe);
  g_test_add_func ("/core/import/fixture/outside-and-gap", test_fixture_outside_and_gap);
  g_test_add_func ("/core/import/fixture/errors", test_fixture_errors);
  g_test_add_func ("/core/import/fixture/unknown-header", test_fixture_unknown_header);
  g_test_add_func ("/core/import/missing-file", test_missing_file);
  g_test_add_func ("/core/import/cancelled", test_cancelled);
  g_test_add_func ("/core/import/symbol-from-filename", test_symbol_from_filename);
  return g_test_run ();
}
