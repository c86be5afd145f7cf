/* test-cli-pricing.c — `alvh price` and `alvh iv` as a user runs them
 *
 * Runs ALVH_CLI_PATH with g_spawn_sync, checks the one JSON object on stdout
 * against the core library, the exit codes (0 ok, 1 price outside the
 * no-arbitrage bounds, 2 bad flags or values) and that errors are one line.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "test-cli-util.h"

/* Runs `alvh ARGS...` (NULL-terminated) with an optional extra env var. */
static void
run_alvh (TestRun *run, const char *env_var, const char *first, ...)
{
  g_auto(GStrv) envp = g_get_environ ();
  va_list ap;

  if (env_var != NULL)
    {
      g_auto(GStrv) kv = g_strsplit (env_var, "=", 2);
      envp = g_environ_setenv (envp, kv[0], kv[1], TRUE);
    }

  memset (run, 0, sizeof *run);
  va_start (ap, first);
  run->status = test_cli_run_valist (NULL, envp, NULL, &run->out, &run->err, first, ap);
  va_end (ap);
  g_assert_cmpint (run->status, >=, 0);   /* the tool exited normally */
}

/* The number after "key": in a one-line JSON object; NAN when absent. */
static double
json_number (const char *json, const char *key)
{
  g_autofree char *pat = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (json, pat);
  char *end = NULL;
  double v;

  if (p == NULL)
    return NAN;
  p += strlen (pat);
  while (*p == ' ')
    p++;
  v = g_ascii_strtod (p, &end);
  g_assert_true (end != p);
  g_assert_true (*end == ',' || *end == '}' || *end == ' ');
  return v;
}

static void
assert_one_json_line (const char *out)
{
  const char *nl = strchr (out, '\n');

  g_assert_true (out[0] == '{');
  g_assert_nonnull (nl);
  g_assert_cmpint (nl[1], ==, '\0');
  g_assert_cmpint (nl[-1], ==, '}');
}

static void
assert_usage_error (TestRun *run)
{
  const char *nl;

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  nl = strchr (run->err, '\n');
  g_assert_nonnull (nl);
  g_assert_cmpint (nl[1], ==, '\0');       /* one line */
  g_assert_true (g_str_has_prefix (run->err, "alvh "));
}

static void
test_price_bs (void)
{
  g_auto(TestRun) run;
  AlvhGreeks g;
  const char *keys[] = { "price", "delta", "gamma", "theta", "vega", "rho" };
  double want[6];

  run_alvh (&run, NULL, "price", "--model", "bs", "--type", "call", "--spot", "5975.38",
            "--strike", "6000", "--days", "30", "--vol", "0.17", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_one_json_line (run.out);

  /* defaults r = 0.04, q = 0.013 */
  alvh_bs_greeks (ALVH_OPTION_CALL, 5975.38, 6000, 30.0 / 365, 0.17, 0.04, 0.013, &g);
  want[0] = g.price; want[1] = g.delta; want[2] = g.gamma;
  want[3] = g.theta; want[4] = g.vega; want[5] = g.rho;
  for (int i = 0; i < 6; i++)
    g_assert_cmpfloat (json_number (run.out, keys[i]), ==, want[i]); /* %.17g round-trips */

  /* sanity on the units: theta per day negative, vega per point ~ S phi sqrt(T) / 100 */
  g_assert_cmpfloat (g.theta, <, 0);
  g_assert_cmpfloat (g.theta, >, -5);
  g_assert_cmpfloat_with_epsilon (g.vega, 6.8, 0.2);
}

static void
test_price_black76 (void)
{
  g_auto(TestRun) run;
  AlvhGreeks g;

  /* py_vollib: black('c', 100, 100, .5, .02, .2) = 5.581106724604812; --div is ignored */
  run_alvh (&run, NULL, "price", "--model", "black76", "--type", "call", "--forward", "100",
            "--strike", "100", "--days", "182.5", "--vol", "0.2", "--rate", "0.02", "--div", "0.5", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpfloat_with_epsilon (json_number (run.out, "price"), 5.581106724604812, 1e-12);
  alvh_black76_greeks (ALVH_OPTION_CALL, 100, 100, 0.5, 0.2, 0.02, &g);
  g_assert_cmpfloat (json_number (run.out, "delta"), ==, g.delta);
  g_assert_cmpfloat (json_number (run.out, "rho"), ==, g.rho);
}

static void
test_price_locale (void)
{
  g_auto(TestRun) run;

  /* a comma-decimal locale must not change the JSON */
  run_alvh (&run, "LC_ALL=de_DE.UTF-8", "price", "--type", "put", "--spot", "100", "--strike", "95",
            "--days", "45", "--vol", "0.25", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, ", "));
  g_assert_cmpfloat_with_epsilon (json_number (run.out, "price"),
                                  alvh_bs_price (ALVH_OPTION_PUT, 100, 95, 45.0 / 365, 0.25, 0.04, 0.013), 1e-13);
}

static void
test_iv (void)
{
  g_auto(TestRun) run;
  double price = alvh_bs_price (ALVH_OPTION_PUT, 5975.38, 5500, 24.0 / 365, 0.2213, 0.043, 0.013);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, price);
  run_alvh (&run, NULL, "iv", "--model", "bs", "--type", "put", "--spot", "5975.38", "--strike", "5500",
            "--days", "24", "--price", buf, "--rate", "0.043", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_one_json_line (run.out);
  g_assert_cmpfloat_with_epsilon (json_number (run.out, "iv"), 0.2213, 1e-11);
}

static void
test_iv_hull (void)
{
  g_auto(TestRun) run;

  /* Hull: c = 1.875, S = 21, K = 20, r = 10 %, T = 0.25 (91.25 days) -> 23.45 % */
  run_alvh (&run, NULL, "iv", "--type", "call", "--spot", "21", "--strike", "20", "--days", "91.25",
            "--price", "1.875", "--rate", "0.1", "--div", "0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpfloat_with_epsilon (json_number (run.out, "iv"), 0.2345, 1e-4);
}

static void
test_iv_bounds (void)
{
  g_auto(TestRun) below;
  g_auto(TestRun) above;

  /* a put with F = 20, K = 22 is worth at least 2 e^{-rT} */
  run_alvh (&below, NULL, "iv", "--model", "black76", "--type", "put", "--forward", "20", "--strike", "22",
            "--days", "30", "--price", "1.5", NULL);
  g_assert_cmpint (below.status, ==, 1);
  g_assert_cmpstr (below.out, ==, "");
  g_assert_nonnull (strstr (below.err, "lower no-arbitrage bound"));
  g_assert_nonnull (strstr (below.err, "1.993435454"));

  run_alvh (&above, NULL, "iv", "--model", "black76", "--type", "call", "--forward", "20", "--strike", "22",
            "--days", "30", "--price", "25", NULL);
  g_assert_cmpint (above.status, ==, 1);
  g_assert_nonnull (strstr (above.err, "upper no-arbitrage bound"));
}

static void
test_price_rho_q_and_ranges (void)
{
  g_auto(TestRun) run;
  g_auto(TestRun) vol;
  g_auto(TestRun) rate;

  /* Haug via QuantLib (bs_test_vectors.csv row 54): dividend rho 42.2254
   * per 1.00 of q; the CLI gives it per percentage point */
  run_alvh (&run, NULL, "price", "--type", "put", "--spot", "500", "--strike", "490",
            "--days", "91.25", "--vol", "0.15", "--rate", "0.08", "--div", "0.05", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpfloat_with_epsilon (json_number (run.out, "rho_q"), 0.422254, 1e-6);

  /* 2,000 % vol and a 400 % rate are refused the same way, with the range */
  run_alvh (&vol, NULL, "price", "--type", "call", "--spot", "100", "--strike", "100",
            "--days", "30", "--vol", "20", NULL);
  assert_usage_error (&vol);
  g_assert_nonnull (strstr (vol.err, "--vol “20”: expected a fraction from 0 to 5"));
  run_alvh (&rate, NULL, "price", "--type", "call", "--spot", "100", "--strike", "100",
            "--days", "30", "--vol", "0.2", "--rate", "4", NULL);
  assert_usage_error (&rate);
  g_assert_nonnull (strstr (rate.err, "--rate “4”: expected a fraction per year (0.04 = 4 %) from -1 to 1"));
}

static void
test_bad_flags (void)
{
  const char *cases[][18] = {
    { "price", "--type", "call", "--spot", "abc", "--strike", "100", "--days", "30", "--vol", "0.2", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "-100", "--days", "30", "--vol", "0.2", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", NULL },
    { "price", "--type", "call", "--spot", "100", "--forward", "100", "--strike", "100", "--days", "30", "--vol", "0.2", NULL },
    { "price", "--type", "straddle", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "0.2", NULL },
    { "price", "--model", "heston", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "0.2", NULL },
    { "price", "--model", "black76", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "0.2", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "-3", "--vol", "0.2", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "-0.2", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "0.2x", NULL },
    { "price", "--type", "call", "--spot", "nan", "--strike", "100", "--days", "30", "--vol", "0.2", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "0.2", "extra", NULL },
    { "price", "--bogus", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "20", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "0.2", "--rate", "4", NULL },
    { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--vol", "0.2", "--div", "1.3", NULL },
    { "price", "--strike", NULL },
    { "iv", "--type", "call", "--spot", "100", "--strike", "100", "--days", "0", "--price", "2", NULL },
    { "iv", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--price", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TestRun) run;
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_auto(GStrv) envp = g_get_environ ();
      g_autoptr(GError) error = NULL;
      int wait_status = 0;

      g_ptr_array_add (argv, (char *) ALVH_CLI_PATH);
      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (argv, (char *) cases[i][j]);
      g_ptr_array_add (argv, NULL);
      memset (&run, 0, sizeof run);
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                                   &run.out, &run.err, &wait_status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (wait_status)); /* never a crash */
      run.status = WEXITSTATUS (wait_status);
      if (run.status != 2)
        g_error ("case %u (%s %s ...): exit %d, stderr %s", i, cases[i][0], cases[i][1], run.status, run.err);
      assert_usage_error (&run);
    }
}

/* Every command refuses a numeric flag outside its range the same way:
 * exit 2, one line naming the flag, the value and the range */
static void
test_flags_same_rule (void)
{
  static const struct {
    const char *args[16];
    const char *message;
  } cases[] = {
    { { "chart", "--spx", "spx.csv", "--out", "c.png", "--width", "10", NULL }, "--width “10”: expected pixels from 200 to 20000" },
    { { "chart", "--spx", "spx.csv", "--out", "c.png", "--height", "90000", NULL }, "--height “90000”: expected pixels from 150 to 20000" },
    { { "journal", "list", "--limit", "0", NULL }, "--limit “0”: expected a number of entries, 1 or more" },
    { { "journal", "list", "--offset", "-1", NULL }, "--offset “-1”: expected a number of entries, 0 or more" },
    { { "demo", "--out", "demo-out", "--seed", "-1", NULL }, "--seed “-1”: expected an integer, 0 or more" },
    { { "fetch", "--timeout", "0", NULL }, "--timeout “0”: expected seconds from 1 to 3600" },
    { { "price", "--type", "call", "--spot", "100", "--strike", "-100", "--days", "30", "--vol", "0.2", NULL }, "--strike “-100”: expected a price above 0" },
    { { "price", "--type", "call", "--spot", "100", "--strike", "100", "--days", "99999", "--vol", "0.2", NULL }, "--days “99999”: expected calendar days from 0 to 36500" },
    { { "iv", "--type", "call", "--spot", "100", "--strike", "100", "--days", "30", "--price", "2", "--div", "5", NULL }, "--div “5”: expected a fraction per year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TestRun) run = { 0 };
      g_autoptr(GPtrArray) argv = test_cli_argv_new (NULL);
      g_auto(GStrv) envp = test_cli_environ_c ();

      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (char *) cases[i].args[j]);
      g_ptr_array_add (argv, NULL);
      run.status = test_cli_spawn (NULL, envp, argv, &run.out, &run.err);
      if (run.status != 2 || strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u (%s): exit %d, stderr %s", i, cases[i].args[0], run.status, run.err);
      assert_usage_error (&run);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/price/bs", test_price_bs);
  g_test_add_func ("/cli/price/black76", test_price_black76);
  g_test_add_func ("/cli/price/locale", test_price_locale);
  g_test_add_func ("/cli/price/bad-flags", test_bad_flags);
  g_test_add_func ("/cli/price/rho-q-and-ranges", test_price_rho_q_and_ranges);
  g_test_add_func ("/cli/flags/same-rule", test_flags_same_rule);
  g_test_add_func ("/cli/iv/round-trip", test_iv);
  g_test_add_func ("/cli/iv/hull", test_iv_hull);
  g_test_add_func ("/cli/iv/bounds", test_iv_bounds);

  return g_test_run ();
}
