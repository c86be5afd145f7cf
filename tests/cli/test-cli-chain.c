/* test-cli-chain.c — `alvh import` of a Cboe chain download and `alvh chain`
 *
 * Real data: $ALVH_SHARED_DATA/spx_option_chain_cboe_2023-08-18.csv, the
 * Sunday 2023-08-20 download of Friday's closing quotes (SOURCES.md 4);
 * skipped with a message without it.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "alvh-core.h"
#include "test-cli-util.h"
#include "test-util.h"

static void
test_chain_json (void)
{
  const char *shared = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *file = shared != NULL ? g_build_filename (shared, "spx_option_chain_cboe_2023-08-18.csv", NULL) : NULL;
  g_autofree char *dir = NULL, *db = NULL, *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *exp, *q = NULL;
  JsonArray *expiries, *quotes;

  if (file == NULL || !g_file_test (file, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("shared option chain data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return;
    }
  dir = test_make_tmp_dir ("alvh-cli-chain-XXXXXX");
  db = g_build_filename (dir, "market.sqlite", NULL);
  {
    const char *args[] = { "import", "--db", db, file, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
    /* filed under Friday's session, not the Sunday of the download */
    g_assert_nonnull (strstr (out, "cboe-chain, SPX options, 10171 rows from 2023-08-18 to 2023-08-18"));
  }
  {
    /* the download's own date finds the session before it */
    const char *args[] = { "chain", "--db", db, "--date", "2023-08-20", "--expiry", "2023-09-15", "--json", NULL };

    g_assert_cmpint (test_run_cli_strv (args, &out2, &err2), ==, 0);
  }
  g_assert_true (json_parser_load_from_data (parser, out2, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2023-08-18");
  g_assert_cmpfloat (json_object_get_double_member (root, "spot"), ==, 4369.71);
  expiries = json_object_get_array_member (root, "expiries");
  /* SPX (AM) and SPXW (PM) of 2023-09-15 */
  g_assert_cmpuint (json_array_get_length (expiries), ==, 2);
  exp = json_array_get_object_element (expiries, 1);
  g_assert_cmpstr (json_object_get_string_member (exp, "settlement"), ==, "pm");
  quotes = json_object_get_array_member (exp, "quotes");
  for (guint i = 0; i < json_array_get_length (quotes); i++)
    {
      JsonObject *o = json_array_get_object_element (quotes, i);

      if (json_object_get_double_member (o, "strike") == 4350.0 &&
          strcmp (json_object_get_string_member (o, "type"), "call") == 0)
        q = o;
    }
  g_assert_nonnull (q);
  /* the file's row: bid 92.1, ask 92.5, Cboe IV 0.1543, delta 0.5751 */
  g_assert_cmpfloat (json_object_get_double_member (q, "bid"), ==, 92.1);
  g_assert_cmpfloat (json_object_get_double_member (q, "ask"), ==, 92.5);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (q, "mid"), 92.3, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (q, "cboe_iv"), ==, 0.1543);
  g_assert_cmpfloat (json_object_get_double_member (q, "cboe_delta"), ==, 0.5751);
  /* ours within 0.005 in vol and 0.01 in delta of Cboe's (measured 0.0008, 0.007) */
  g_assert_cmpfloat (fabs (json_object_get_double_member (q, "iv") - 0.1543), <, 0.005);
  g_assert_cmpfloat (fabs (json_object_get_double_member (q, "delta") - 0.5751), <, 0.01);

  {
    g_autofree char *o3 = NULL, *e3 = NULL;
    const char *args[] = { "chain", "--db", db, "--date", "2024-03-01", NULL };

    g_assert_cmpint (test_run_cli_strv (args, &o3, &e3), ==, 1);
    g_assert_nonnull (strstr (e3, "no SPX option chain for 2024-03-01"));
  }
  {
    g_autofree char *o4 = NULL, *e4 = NULL;
    const char *args[] = { "chain", "--db", db, NULL };

    g_assert_cmpint (test_run_cli_strv (args, &o4, &e4), ==, 2);
  }
  test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/chain/json", test_chain_json);
  return g_test_run ();
}
