/* test-cli-import-fills.c — `alvh import-fills`: the brokers' statements of
 * tests/fixtures/brokers (README there) through the command line, their P&L
 * through `alvh pnl`, and `alvh journal decisions` */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "alvh-core.h"
#include "test-cli-util.h"

typedef struct
{
  const char *file;
  const char *broker;
  double      realized;  /* the README's realised total, fees included */
} Statement;

static const Statement statements[] = {
  { "ibkr-flex-trades-2024-01.csv", "ibkr", 119.40 },
  { "tastytrade-transactions-2024-01.csv", "tastytrade", 116.96 },
  { "schwab-account-statement-2024-01.csv", "schwab", 114.08 },
};

static JsonObject *
parse_object (const char  *text,
              JsonParser **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = json_parser_new ();
  json_parser_load_from_data (*keep, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*keep));
}

/* Imports @path into @db as JSON; returns the file's object. */
static JsonObject *
import (const char  *db,
        const char  *path,
        JsonParser **keep)
{
  g_autofree char *out = NULL, *err = NULL;
  JsonObject *root;
  JsonArray *files;
  int status;

  status = test_run_cli (&out, &err, "import-fills", "--db", db, "--json", path, NULL);
  g_assert_cmpint (status, ==, 0);
  root = parse_object (out, keep);
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  return json_array_get_object_element (files, 0);
}

static double
realized (const char *db,
          const char *dir)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *market = g_build_filename (dir, "no-market.sqlite", NULL);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *o;

  g_assert_cmpint (test_run_cli (&out, &err, "pnl", "--db", db, "--market-db", market, "--from", "2024-01-01",
                                 "--to", "2024-02-29", "--json", NULL), ==, 0);
  o = parse_object (out, &parser);
  return json_object_get_double_member (o, "realized");
}

static void
test_statement (gconstpointer data)
{
  const Statement *st = data;
  g_autofree char *dir = g_dir_make_tmp ("alvh-import-fills-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "alvh.sqlite", NULL);
  g_autofree char *sub = g_build_filename ("brokers", st->file, NULL);
  g_autofree char *path = test_fixture_path (sub);
  g_autoptr(JsonParser) p1 = NULL, p2 = NULL;
  JsonObject *f;
  JsonArray *skipped;
  gboolean stock_listed = FALSE;

  f = import (db, path, &p1);
  g_assert_cmpstr (json_object_get_string_member (f, "broker"), ==, st->broker);
  g_assert_cmpint (json_object_get_int_member (f, "fills"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (f, "positions_opened"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (f, "positions_closed"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (f, "duplicates"), ==, 0);
  skipped = json_object_get_array_member (f, "skipped");
  for (guint i = 0; i < json_array_get_length (skipped); i++)
    {
      JsonObject *s = json_array_get_object_element (skipped, i);

      if (g_strcmp0 (json_object_get_string_member (s, "row"), "SPY") == 0)
        {
          stock_listed = TRUE;
          g_assert_cmpint (json_object_get_int_member (s, "line"), >, 1);
          g_assert_cmpstr (json_object_get_string_member (s, "reason"), ==, "not an option or a future");
        }
    }
  g_assert_true (stock_listed);
  g_assert_cmpfloat_with_epsilon (realized (db, dir), st->realized, 0.005);

  /* again: nothing is added, the P&L stays */
  f = import (db, path, &p2);
  g_assert_cmpint (json_object_get_int_member (f, "fills"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (f, "positions_opened"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (f, "duplicates"), >=, 30);
  g_assert_cmpfloat_with_epsilon (realized (db, dir), st->realized, 0.005);
  test_rm_rf (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-import-fills-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "alvh.sqlite", NULL);
  g_autofree char *bad = g_build_filename (dir, "tasty.csv", NULL);
  g_autofree char *src = test_fixture_path ("brokers/tastytrade-transactions-2024-01.csv");
  g_autofree char *text = NULL, *out = NULL, *err = NULL, *expected = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  char *at;

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  /* line 3's action (at character 53): neither a buy nor a sell */
  at = strstr (text, ",BUY_TO_CLOSE,SPXW  240131P04625000");
  g_assert_nonnull (at);
  memcpy (at + 1, "BUX", 3);
  g_assert_true (g_file_set_contents (bad, text, -1, NULL));
  g_assert_cmpint (test_run_cli (&out, &err, "import-fills", "--db", db, bad, NULL), ==, 1);
  expected = g_strdup_printf ("%s:3:53: “BUX_TO_CLOSE” (expected BUY_TO_OPEN", bad);
  g_assert_nonnull (strstr (err, expected));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));  /* no journal made for nothing */
  g_assert_cmpint (test_run_cli (&out2, &err2, "import-fills", "--db", db, "--broker", "fidelity", bad, NULL), ==, 2);
  test_rm_rf (dir);
}

static void
test_decisions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-import-fills-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "alvh.sqlite", NULL);
  g_autofree char *path = test_fixture_path ("brokers/ibkr-flex-trades-2024-01.csv");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) p1 = NULL, p2 = NULL;
  JsonObject *root, *adherence;

  import (db, path, &p1);
  g_assert_cmpint (test_run_cli (&out, &err, "journal", "decisions", "--db", db, "--json", NULL), ==, 0);
  root = parse_object (out, &p2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "decisions")), ==, 0);
  adherence = json_object_get_object_member (root, "adherence");
  /* no decision was recorded: the three hedges came unprompted */
  g_assert_cmpint (json_object_get_int_member (adherence, "unprompted"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (adherence, "followed"), ==, 0);
  test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/import-fills/%s", statements[i].broker);

      g_test_add_data_func (name, &statements[i], test_statement);
    }
  g_test_add_func ("/cli/import-fills/errors", test_errors);
  g_test_add_func ("/cli/import-fills/decisions", test_decisions);
  return g_test_run ();
}
