/* test-market-util.h — real market data for the tests
 *
 * Built into alvh-test-support with the core (tests/support/meson.build).
 */
#pragma once

#include "alvh-core.h"

G_BEGIN_DECLS

/**
 * test_load_shared_series:
 * @file: a file name in the shared data folder ($ALVH_SHARED_DATA)
 *
 * Imports @file with the core's importer and returns its first series.
 *
 * Returns: (transfer full) (nullable): the series, or %NULL when the folder
 *   or the file is absent (the caller skips with a message)
 */
AlvhSeries *test_load_shared_series (const char *file);

/**
 * test_import_fixture:
 * @name: a file name in tests/fixtures (test_fixture_path())
 * @symbol_hint: (nullable): the symbol alvh_import_file() takes for a file
 *   whose header names none
 *
 * Imports the fixture with the core's importer (asserts it succeeds).
 *
 * Returns: (transfer full): the import's result
 */
AlvhImportResult *test_import_fixture (const char *name,
                                       const char *symbol_hint);

/**
 * test_need_series:
 * @what: the files, as the skip message names them
 * @n: how many series follow
 * @...: the series loaded from them (test_load_shared_series(); %NULL when absent)
 *
 * Returns: TRUE when every series is there, else FALSE after g_test_skip()
 *   with a message naming @what and $ALVH_SHARED_DATA
 */
gboolean    test_need_series        (const char *what,
                                     guint       n,
                                     ...);

/**
 * test_ny:
 * @y: year
 * @m: month
 * @d: day
 *
 * Returns: the date at 00:00 New York (a daily bar's stamp)
 */
gint64      test_ny                 (int         y,
                                     int         m,
                                     int         d);

/**
 * test_five_minute_times:
 * @f: a frame
 * @y: year
 * @m: month
 * @d: day
 *
 * Gives the bars of @f the times of five-minute bars, 09:35 to 16:00 New
 * York (78 a day), on the weekdays from y-m-d on.
 */
void        test_five_minute_times  (AlvhMarketFrame *f,
                                     int              y,
                                     int              m,
                                     int              d);

/**
 * test_make_condor_2021:
 *
 * The tests' model condor: id 1, 2 units of SPX 3700/3750/4250/4300
 * expiring 2021-03-19, opened 2021-02-01 for a 6.50 credit.
 *
 * Returns: the condor
 */
AlvhCondor  test_make_condor_2021   (void);

/**
 * test_greeks_quantity:
 * @g: price and greeks
 * @quantity: a quantity of the shared reference vectors ("price", "delta",
 *   "gamma", "vega", "theta", "theta_per_day", "rho")
 * @units: the vector's units ("per 1.00" vega and rho are per unit of vol
 *   and rate, "per year" theta per year)
 * @out: (out): the quantity of @g in those units
 *
 * Returns: FALSE for a quantity it does not know (the caller's own, or none)
 */
gboolean    test_greeks_quantity    (const AlvhGreeks *g,
                                     const char       *quantity,
                                     const char       *units,
                                     double           *out);

G_END_DECLS
