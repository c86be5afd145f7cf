/* test-cli-whatif.c — `alvh whatif` on issue 15's real month of trades
 *
 * The no-move cell of the grid is the book's marked P&L (`alvh book list`,
 * the ledger: the unrealised P&L of what is open) to the cent; at the
 * condor's expiry the P&L is its expiry payoff; the flags are checked.
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
  g_assert_cmpuint (json_array_get_length (positions), ==, 3);   /* the condor and two VIX layers */
  for (guint i = 0; i < 3; i++)
    sum += json_object_get_double_member (json_array_get_object_element (positions, i), "pnl");
  g_assert_cmpfloat (fabs (sum - centre), <, 0.015);
  /* every position, the April VIX spread on its own future (VX3) too: the ledger's marks to the cent */
  for (guint i = 0; i < 3; i++)
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
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/whatif/real-book", Fixture, NULL, fixture_set_up, test_real_book, fixture_tear_down);
  g_test_add_func ("/cli/whatif/flags", test_flags);
  return g_test_run ();
}
