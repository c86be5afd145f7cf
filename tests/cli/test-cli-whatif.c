/* test-cli-whatif.c — `alvh whatif` on issue 15's real month of trades
 *
 * The no-move cell of the grid is the book's marked P&L (`alvh book list`,
 * the ledger: the unrealised P&L of what is open) to the cent, the SPX put
 * included; at the condor's expiry the P&L is its expiry payoff;
 * --with-proposed adds the evaluator's leg; the flags are checked.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "alvh-core.h"
#include "test-book-scenario.h"
#include "test-cli-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *market;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("alvh-whatif-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "alvh.sqlite", NULL);
  f->market = g_build_filename (f->dir, "market.sqlite", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->market);
}

static JsonNode *
run_json (const char * const *args)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

/* The unrealised P&L `alvh book list` (the ledger) shows for position @id at @at. */
static double
ledger_unrealized (Fixture    *f,
                   const char *at,
                   gint64      id)
{
  const char *args[] = { "book", "list", "--at", at, "--db", f->db, "--market-db", f->market, "--json", NULL };
  g_autoptr(JsonNode) node = run_json (args);
  JsonArray *a = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      if (json_object_get_int_member (o, "id") == id)
        return json_object_get_double_member (o, "unrealized_pnl");
    }
  g_assert_not_reached ();
}

static void
test_real_book (Fixture       *f,
                gconstpointer  data)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  const char *now_args[] = { "whatif", "--db", f->db, "--market-db", f->market, "--at", "2020-02-14", "--json", NULL };
  const char *exp_args[] = { "whatif", "--db", f->db, "--market-db", f->market, "--at", "2020-02-14",
                             "--days", "400", "--json", NULL };
  g_autoptr(JsonNode) now = NULL, at_expiry = NULL;
  JsonObject *o, *grid;
  JsonArray *rows, *positions;
  double centre, unrealized, pop, sum = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("real market data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return;
    }
  test_book_scenario_import_market (f->market, dir);
  test_book_scenario_book (f->db, f->market);

  now = run_json (now_args);
  o = json_node_get_object (now);
  g_assert_cmpstr (json_object_get_string_member (o, "bar"), ==, "2020-02-14");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "spx"), 3380.16, 0.005);
  grid = json_object_get_object_member (o, "grid");
  rows = json_object_get_array_member (grid, "pnl");
  g_assert_cmpuint (json_array_get_length (rows), ==, ALVH_SCENARIO_N_VIX);
  centre = json_array_get_double_element (json_array_get_array_element (rows, ALVH_SCENARIO_VIX_ZERO),
                                          ALVH_SCENARIO_SPX_ZERO);
  /* the no-move cell is the book's mark: the sum of its positions' */
  g_assert_cmpfloat (json_object_get_double_member (o, "pnl_now"), ==, centre);
  positions = json_object_get_array_member (o, "positions");
  /* the condor, two VIX layers and the SPX put bought at 12:00 that day */
  g_assert_cmpuint (json_array_get_length (positions), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (positions, 3), "kind"), ==, "spx_put");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (positions, 3), "id"), ==, 4);
  for (guint i = 0; i < 4; i++)
    sum += json_object_get_double_member (json_array_get_object_element (positions, i), "pnl");
  /* the totals hold the SPX put: the no-move cell is the sum of all four */
  g_assert_cmpfloat (fabs (sum - centre), <, 0.015);
  {
    JsonObject *put = json_array_get_object_element (positions, 3);
    double put_pnl = json_object_get_double_member (put, "pnl");

    g_test_message ("SPX put 2900 on 2020-02-14: P&L %.2f, delta %.3f $/pt, vega %.2f", put_pnl,
                    json_object_get_double_member (put, "delta"), json_object_get_double_member (put, "vega"));
    g_assert_cmpfloat (fabs (json_object_get_double_member (o, "hedge_pnl") + json_object_get_double_member (o, "condor_pnl")
                             - json_object_get_double_member (o, "pnl")), <, 0.015);
    /* a long put: negative delta, positive vega, losing time value */
    g_assert_cmpfloat (json_object_get_double_member (put, "delta"), <, 0.0);
    g_assert_cmpfloat (json_object_get_double_member (put, "vega"), >, 0.0);
    g_assert_cmpfloat (json_object_get_double_member (put, "theta"), <, 0.0);
    g_assert_cmpfloat (fabs (put_pnl), >, 0.5);
  }
  /* every position, the April VIX spread on its own future (VX3) and the
   * SPX put too: the ledger's marks to the cent */
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *p = json_array_get_object_element (positions, i);

      unrealized = ledger_unrealized (f, "2020-02-14", json_object_get_int_member (p, "id"));
      g_assert_cmpfloat (fabs (json_object_get_double_member (p, "pnl") - unrealized), <, 0.005);
    }
  g_assert_cmpfloat (json_object_get_double_member (o, "condor_pnl"), ==, -2072.31);
  /* the worst corner, SPX -10 % VIX -20 %, loses more than the centre */
  g_assert_cmpfloat (json_array_get_double_element (json_array_get_array_element (rows, 0), 0), <, centre - 5000);

  pop = json_object_get_double_member (o, "probability_of_profit");
  g_assert_cmpfloat (pop, >, 0.3);
  g_assert_cmpfloat (pop, <, 1.0);
  g_assert_cmpstr (json_object_get_string_member (o, "profit_date"), ==, "2020-03-20");
  {
    JsonObject *condor = json_array_get_object_element (positions, 0);
    double tp = json_object_get_double_member (condor, "touch_short_put");

    g_assert_cmpstr (json_object_get_string_member (condor, "kind"), ==, "iron_condor");
    g_assert_cmpfloat (tp, >, 0.0);
    g_assert_cmpfloat (tp, <, 1.0);
  }

  /* far beyond the last expiry: clipped there; the condor is worth its
   * expiry payoff at today's SPX 3380.16: inside the shorts, the full credit */
  at_expiry = run_json (exp_args);
  o = json_node_get_object (at_expiry);
  g_assert_cmpfloat (json_object_get_double_member (o, "condor_pnl"), ==, 2500.0);   /* 12.50 x 100 x 2 */
}

/* `alvh book ARGS... --db --market-db --json` succeeds */
static void
book (Fixture            *f,
      const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;

  g_ptr_array_add (argv, (char *) "book");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (char *) "--market-db");
  g_ptr_array_add (argv, f->market);
  g_ptr_array_add (argv, (char *) "--json");
  g_ptr_array_add (argv, NULL);
  if (test_run_cli_strv ((const char * const *) argv->pdata, &out, &err) != 0)
    g_error ("alvh book %s: %s", args[0], err);
}

static double
cell (JsonObject *grid,
      guint       row,
      guint       column)
{
  JsonArray *rows = json_object_get_array_member (grid, "pnl");

  return json_array_get_double_element (json_array_get_array_element (rows, row), column);
}

/* --with-proposed on 2020-02-24 (a condor near its short put and an SPX
 * put): the evaluator's leg previewed; booking it at its estimated price
 * gives a book whose grid is the preview's, cell by cell, to the cent. */
static void
test_with_proposed (Fixture       *f,
                    gconstpointer  data)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  const char *condor[] = { "add-condor", "--opened", "2020-02-03 10:00", "--expiry", "2020-03-20", "--long-put", "3000",
                           "--short-put", "3100", "--short-call", "3450", "--long-call", "3550", "--quantity", "2",
                           "--credit", "12.50", NULL };
  const char *put[] = { "add-leg", "--condor", "1", "--opened", "2020-02-14 12:00", "--kind", "spx_put", "--expiry",
                        "2020-03-31", "--long-strike", "2900", "--quantity", "1", "--price", "20", NULL };
  const char *args[] = { "whatif", "--db", f->db, "--market-db", f->market, "--at", "2020-02-24", "--with-proposed",
                         "--json", NULL };
  const char *after_args[] = { "whatif", "--db", f->db, "--market-db", f->market, "--at", "2020-02-24", "--json", NULL };
  g_autoptr(JsonNode) node = NULL, after = NULL;
  g_autofree char *text_out = NULL, *text_err = NULL;
  JsonObject *o, *proposed, *leg, *with_grid, *grid;
  JsonArray *coverage;
  g_autofree char *lk = NULL, *sk = NULL, *qty = NULL, *premium = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("real market data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return;
    }
  test_book_scenario_import_market (f->market, dir);
  book (f, condor);
  book (f, put);

  node = run_json (args);
  o = json_node_get_object (node);
  proposed = json_object_get_object_member (o, "proposed");
  g_assert_cmpstr (json_object_get_string_member (proposed, "action"), ==, "ADD");
  leg = json_object_get_object_member (proposed, "leg");
  g_assert_cmpstr (json_object_get_string_member (leg, "kind"), ==, "vix_call_spread");
  g_assert_cmpstr (json_object_get_string_member (leg, "expiry"), ==, "2020-04-15");
  /* bought at the model's price, the leg changes nothing with no move */
  g_assert_cmpfloat (fabs (json_object_get_double_member (o, "pnl_now_with_proposed") -
                           json_object_get_double_member (o, "pnl_now")), <, 0.015);
  grid = json_object_get_object_member (o, "grid");
  with_grid = json_object_get_object_member (o, "grid_with_proposed");
  /* a call spread gains when VIX jumps: SPX -10 %, VIX +150 % */
  g_assert_cmpfloat (cell (with_grid, ALVH_SCENARIO_N_VIX - 1, 0), >, cell (grid, ALVH_SCENARIO_N_VIX - 1, 0) + 100);
  coverage = json_object_get_array_member (o, "coverage");
  g_assert_cmpuint (json_array_get_length (coverage), ==, 3);
  for (guint k = 0; k < 3; k++)
    {
      JsonObject *c = json_array_get_object_element (coverage, k);

      /* the SPX put hedges already; the spread adds to it */
      g_assert_cmpfloat (json_object_get_double_member (c, "hedge_pnl"), >, 0.0);
      g_assert_cmpfloat (json_object_get_double_member (c, "hedge_pnl_with_proposed"), >,
                         json_object_get_double_member (c, "hedge_pnl"));
    }
  g_assert_cmpint (test_run_cli (&text_out, &text_err, "whatif", "--db", f->db, "--market-db", f->market, "--at",
                                 "2020-02-24", "--with-proposed", NULL), ==, 0);
  g_assert_nonnull (strstr (text_out, "Proposed leg (layer 1): 2 × VIX call spread"));
  g_assert_nonnull (strstr (text_out, "Coverage at SPX −3 SD"));

  /* book it at the estimated price: the book's grid is the preview's */
  lk = g_strdup_printf ("%.17g", json_object_get_double_member (leg, "long_strike"));
  sk = g_strdup_printf ("%.17g", json_object_get_double_member (leg, "short_strike"));
  qty = g_strdup_printf ("%.17g", json_object_get_double_member (leg, "quantity"));
  premium = g_strdup_printf ("%.17g", json_object_get_double_member (leg, "premium"));
  {
    const char *add[] = { "add-leg", "--condor", "1", "--opened", "2020-02-24 15:00", "--kind", "vix_call_spread",
                          "--expiry", "2020-04-15", "--long-strike", lk, "--short-strike", sk, "--quantity", qty,
                          "--price", premium, NULL };

    book (f, add);
  }
  after = run_json (after_args);
  grid = json_object_get_object_member (json_node_get_object (after), "grid");
  for (guint r = 0; r < ALVH_SCENARIO_N_VIX; r++)
    for (guint c = 0; c < ALVH_SCENARIO_N_SPX; c++)
      g_assert_cmpfloat (cell (grid, r, c), ==, cell (with_grid, r, c));
  g_test_message ("SPX -10 %%, VIX +150 %%: %.2f with the leg, booked %.2f",
                  cell (with_grid, ALVH_SCENARIO_N_VIX - 1, 0), cell (grid, ALVH_SCENARIO_N_VIX - 1, 0));
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (after), "pnl_now"), ==,
                     json_object_get_double_member (o, "pnl_now_with_proposed"));
}

static void
test_flags (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "whatif", "--vix-shift", "10", "--vix-beta", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--vix-beta"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "whatif", "--spx-iv-shift", "lots", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--spx-iv-shift"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "whatif", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--vix-beta"));
  g_assert_nonnull (strstr (out, "--with-proposed"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/whatif/real-book", Fixture, NULL, fixture_set_up, test_real_book, fixture_tear_down);
  g_test_add ("/cli/whatif/with-proposed", Fixture, NULL, fixture_set_up, test_with_proposed, fixture_tear_down);
  g_test_add_func ("/cli/whatif/flags", test_flags);
  return g_test_run ();
}
