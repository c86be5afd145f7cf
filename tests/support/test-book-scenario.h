/* test-book-scenario.h — issue 15's month of trades, booked through `alvh book`
 *
 * A condor (2 units, 2020-02-03, SPX monthly 2020-03-20, 3000/3100/3450/3550,
 * credit 12.50, fees 5.20), a VIX call that expires worthless (2020-02-19), a
 * VIX call spread of 4 half closed on 2020-02-28 and half open at the end of
 * March, an SPXW put settled at the close of 2020-03-31.  The market store
 * holds the real VX term structure, SPX, VIX and VVIX from the shared data.
 * The CLI, report and UI tests check that every screen shows the same money.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Imports the real market files from @shared_dir into @market_db (asserts). */
void test_book_scenario_import_market (const char *market_db,
                                       const char *shared_dir);
/* Books the scenario into @journal_db (asserts each id: condor 1, legs 2-4). */
void test_book_scenario_book          (const char *journal_db,
                                       const char *market_db);

G_END_DECLS
