/* test-book-scenario.c — issue 15's month of trades through `alvh book` */
#include "config.h"

#include <string.h>

#include "test-book-scenario.h"
#include "test-cli-util.h"

void
test_book_scenario_import_market (const char *market_db,
                                  const char *shared_dir)
{
  /* the term structure first: its SPX column has no opens, the OHLC file after it does */
  const char *files[][2] = {
    { "vix_futures_term_structure_2007_2021.csv", NULL },
    { "spx_daily_ohlc_1927_2026.csv", "SPX" },
    { "vix_daily_cboe.csv", "VIX" },
    { "vvix_daily_cboe.csv", "VVIX" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (shared_dir, files[i][0], NULL);
      g_autofree char *out = NULL, *err = NULL;
      const char *args[] = { "import", "--db", market_db, "-s", files[i][1], path, NULL };
      int status;

      if (files[i][1] == NULL)
        {
          args[3] = path;
          args[4] = NULL;
        }
      status = test_run_cli_strv (args, &out, &err);
      if (status != 0)
        g_error ("alvh import %s: exit %d: %s", path, status, err);
    }
}

/* `alvh book SUB ARGS... --db --market-db --json`: asserts it prints {"id": EXPECTED}. */
static void
book (const char *journal_db,
      const char *market_db,
      gint64      expected,
      const char *sub,
      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *want = g_strdup_printf ("{\"id\": %" G_GINT64_FORMAT "}\n", expected);
  const char *a;
  va_list ap;
  int status;

  g_ptr_array_add (argv, (char *) "book");
  g_ptr_array_add (argv, (char *) sub);
  va_start (ap, sub);
  while ((a = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) journal_db);
  g_ptr_array_add (argv, (char *) "--market-db");
  g_ptr_array_add (argv, (char *) market_db);
  g_ptr_array_add (argv, (char *) "--json");
  g_ptr_array_add (argv, NULL);
  status = test_run_cli_strv ((const char * const *) argv->pdata, &out, &err);
  if (status != 0)
    g_error ("alvh book %s: exit %d: %s", sub, status, err);
  g_assert_cmpstr (out, ==, want);
}

void
test_book_scenario_book (const char *journal_db,
                         const char *market_db)
{
  book (journal_db, market_db, 1, "add-condor", "--opened", "2020-02-03 10:00", "--expiry", "2020-03-20",
        "--long-put", "3000", "--short-put", "3100", "--short-call", "3450", "--long-call", "3550",
        "--quantity", "2", "--credit", "12.50", "--fees", "5.20", NULL);
  book (journal_db, market_db, 2, "add-leg", "--condor", "1", "--opened", "2020-02-04 11:00", "--kind", "vix_call",
        "--expiry", "2020-02-19", "--long-strike", "20", "--quantity", "2", "--price", "0.45", "--fees", "2.60", NULL);
  book (journal_db, market_db, 3, "add-leg", "--condor", "1", "--opened", "2020-02-10 14:30", "--kind", "vix_call_spread",
        "--expiry", "2020-04-15", "--long-strike", "25", "--short-strike", "30", "--quantity", "4",
        "--price", "0.80", "--fees", "5.20", NULL);
  book (journal_db, market_db, 3, "close", "3", "--at", "2020-02-28 15:00", "--price", "3.10", "--quantity", "2",
        "--fees", "2.60", NULL);
  book (journal_db, market_db, 4, "add-leg", "--condor", "1", "--opened", "2020-02-14 12:00", "--kind", "spx_put",
        "--expiry", "2020-03-31", "--long-strike", "2900", "--quantity", "1", "--price", "20", "--fees", "1.30", NULL);
}
