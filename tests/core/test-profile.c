/* test-profile.c — rule profiles: defaults, descriptors, key-file round trip, refusals */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"

static void
test_defaults (void)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  static const struct { const char *key; double value; } expected[] = {
    { "iv_window_hours", 48 }, { "iv_expansion", 0.15 }, { "term_inversion", 0.0 },
    { "rsi_period", 14 }, { "rsi_low", 30 }, { "rsi_high", 70 }, { "ad_lookback", 20 },
    { "theta_erosion", 1.5 }, { "wing_sd", 0.65 }, { "beta_window", 60 },
    { "delta_tolerance", 0.18 }, { "macro_window_days", 5 }, { "max_layers", 3 },
    { "cooldown_hours", 24 }, { "realtime_quorum", 2 }, { "max_hedge_cost_ratio", 0.5 },
    { "base_size", 1 }, { "hedge_min_dte", 30 }, { "hedge_otm", 0.10 }, { "hedge_width", 5 },
    { "vix_vol", 0.90 }, { "rate", 0.04 }, { "div_yield", 0.013 }, { "multiplier", 100 },
    { "condor_dte", 45 }, { "short_delta", 0.16 }, { "wing_width", 50 }, { "close_dte", 21 },
  };
  guint n = 0;
  const AlvhProfileDescriptor *d = alvh_profile_get_descriptors (&n);
  g_autofree char *ratio = alvh_profile_dup_string (p, "layer_ratio");

  g_assert_cmpstr (alvh_profile_get_name (p), ==, "Default");
  g_assert_cmpint (alvh_profile_get_version (p), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AlvhProfileDescriptor *desc = alvh_profile_find_descriptor (expected[i].key);

      g_assert_nonnull (desc);
      g_assert_cmpfloat (alvh_profile_get_value (p, expected[i].key), ==, expected[i].value);
      g_assert_cmpfloat (desc->default_value, ==, expected[i].value);
      g_assert_cmpfloat (desc->min, <=, expected[i].value);
      g_assert_cmpfloat (desc->max, >=, expected[i].value);
      g_assert_cmpstr (desc->description, !=, "");
    }
  /* every threshold plus layer_ratio */
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected) + 1);
  g_assert_cmpstr (d[0].key, ==, "iv_window_hours");
  g_assert_cmpstr (ratio, ==, "1:2:3");
  g_assert_cmpuint (alvh_profile_layer_ratio (p, 1), ==, 1);
  g_assert_cmpuint (alvh_profile_layer_ratio (p, 2), ==, 2);
  g_assert_cmpuint (alvh_profile_layer_ratio (p, 3), ==, 3);
  g_assert_cmpuint (alvh_profile_layer_ratio (p, 5), ==, 3);
  g_assert_true (isnan (alvh_profile_get_value (p, "no_such_key")));
  /* the hot-path fields */
  g_assert_cmpfloat (p->iv_expansion, ==, 0.15);
  g_assert_cmpint (p->close_dte, ==, 21);
}

static void
test_round_trip (void)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhProfile) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;

  alvh_profile_set_name (p, "Tight wings; “quoted”");
  alvh_profile_set_version (p, 7);
  g_assert_true (alvh_profile_set_value (p, "wing_sd", 0.8, &error));
  g_assert_true (alvh_profile_set_from_string (p, "layer_ratio", "1:1:2:4", &error));
  g_assert_true (alvh_profile_set_from_string (p, "rsi_period", "10", &error));
  g_assert_no_error (error);

  data = alvh_profile_to_data (p, &len);
  g_assert_nonnull (strstr (data, "[profile]"));
  g_assert_nonnull (strstr (data, "[thresholds]"));
  g_assert_nonnull (strstr (data, "wing_sd=0.8\n"));
  g_assert_nonnull (strstr (data, "layer_ratio=1:1:2:4\n"));
  q = alvh_profile_new_from_data (data, (gssize) len, "p.ini", &error);
  g_assert_no_error (error);
  g_assert_true (alvh_profile_equal_values (p, q));
  g_assert_cmpstr (alvh_profile_get_name (q), ==, "Tight wings; “quoted”");
  g_assert_cmpint (alvh_profile_get_version (q), ==, 7);
  g_assert_cmpuint (q->n_layer_ratio, ==, 4);
  g_assert_cmpuint (alvh_profile_layer_ratio (q, 4), ==, 4);
  g_clear_pointer (&q, alvh_profile_unref);

  path = g_build_filename (g_get_tmp_dir (), "alvh-test-profile.ini", NULL);
  g_assert_true (alvh_profile_save_to_file (p, path, &error));
  q = alvh_profile_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (alvh_profile_equal_values (p, q));
  g_unlink (path);

  /* a partial file keeps the defaults */
  g_clear_pointer (&q, alvh_profile_unref);
  q = alvh_profile_new_from_data ("[profile]\nname=Quick\nversion=2\n[thresholds]\niv_expansion=0.2\n", -1, "q.ini", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (q->iv_expansion, ==, 0.2);
  g_assert_cmpfloat (q->wing_sd, ==, 0.65);
  g_assert_false (alvh_profile_equal_values (p, q));
}

static void
expect_refusal (const char *text,
                int         code,
                const char *fragment1,
                const char *fragment2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) p = alvh_profile_new_from_data (text, -1, "bad.ini", &error);

  g_assert_null (p);
  g_assert_error (error, ALVH_PROFILE_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fragment1));
  if (fragment2 != NULL)
    g_assert_nonnull (strstr (error->message, fragment2));
}

static void
test_refusals (void)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(GError) error = NULL;

  expect_refusal ("[profile]\nname=x\n[thresholds]\nivexpansion=0.2\n",
                  ALVH_PROFILE_ERROR_UNKNOWN_KEY, "bad.ini:4:", "ivexpansion");
  expect_refusal ("[profile]\nname=x\n[thresholds]\n\niv_expansion=11\n",
                  ALVH_PROFILE_ERROR_RANGE, "bad.ini:5: iv_expansion", "from 0 to 10");
  expect_refusal ("[profile]\nname=x\n[thresholds]\nrsi_period=14.5\n",
                  ALVH_PROFILE_ERROR_TYPE, "rsi_period: expected an integer", "from 2 to 250");
  expect_refusal ("[profile]\nname=x\n[thresholds]\nwing_sd=close\n",
                  ALVH_PROFILE_ERROR_TYPE, "wing_sd: expected a number", "“close”");
  expect_refusal ("[profile]\nname=x\n[thresholds]\nlayer_ratio=1:two:3\n",
                  ALVH_PROFILE_ERROR_TYPE, "layer_ratio", "1:2:3");
  expect_refusal ("[profile]\nname=x\n[thresholds]\nlayer_ratio=1:0:3\n",
                  ALVH_PROFILE_ERROR_RANGE, "layer_ratio", "from 1 to 100");
  expect_refusal ("[profile]\nname=x\nversion=v2\n",
                  ALVH_PROFILE_ERROR_TYPE, "version", "integer");
  expect_refusal ("[profile]\nname=x\nauthor=me\n",
                  ALVH_PROFILE_ERROR_UNKNOWN_KEY, "author", NULL);
  expect_refusal ("[thresholds]\niv_expansion=0.2\n",
                  ALVH_PROFILE_ERROR_PARSE, "[profile]", NULL);
  expect_refusal ("[profile]\nname=x\n[extra]\na=1\n",
                  ALVH_PROFILE_ERROR_UNKNOWN_KEY, "[extra]", NULL);
  expect_refusal ("not a key file at all\n",
                  ALVH_PROFILE_ERROR_PARSE, "bad.ini", NULL);
  expect_refusal ("[profile]\nname=x\n[thresholds]\nrsi_low=80\n",
                  ALVH_PROFILE_ERROR_RANGE, "rsi_low", "rsi_high");

  g_assert_false (alvh_profile_set_value (p, "max_layers", 9, &error));
  g_assert_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "max_layers"));
  g_assert_nonnull (strstr (error->message, "from 1 to 8"));
  g_clear_error (&error);
  g_assert_false (alvh_profile_set_value (p, "iv_expansion", NAN, &error));
  g_assert_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE);
  g_clear_error (&error);
  g_assert_false (alvh_profile_set_value (p, "nope", 1, &error));
  g_assert_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_UNKNOWN_KEY);
  /* a refused value leaves the profile unchanged */
  g_assert_cmpint (p->max_layers, ==, 3);
  g_assert_cmpfloat (p->iv_expansion, ==, 0.15);
}

static void
test_rules_across_keys (void)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(GError) error = NULL;
  guint n_rules = 0;

  g_assert_nonnull (alvh_profile_get_rules (&n_rules));
  g_assert_cmpuint (n_rules, >=, 3);
  g_assert_true (alvh_profile_validate (p, &error));
  g_assert_no_error (error);

  /* a replay closing after the entry DTE would trade on every bar */
  expect_refusal ("[profile]\nname=x\n[thresholds]\ncondor_dte=45\nclose_dte=60\n",
                  ALVH_PROFILE_ERROR_RANGE, "close_dte=60 must be below condor_dte=45", "bad.ini");
  expect_refusal ("[profile]\nname=x\n[thresholds]\nclose_dte=45\n",
                  ALVH_PROFILE_ERROR_RANGE, "close_dte=45", "condor_dte=45");
  expect_refusal ("[profile]\nname=x\n[thresholds]\nrsi_low=70\n",
                  ALVH_PROFILE_ERROR_RANGE, "rsi_low=70", "rsi_high=70");
  expect_refusal ("[profile]\nname=x\n[thresholds]\nmax_layers=4\n",
                  ALVH_PROFILE_ERROR_RANGE, "max_layers=4", "layer_ratio=1:2:3 (3)");
  expect_refusal ("[profile]\nname=x\n[thresholds]\nlayer_ratio=1:2\n",
                  ALVH_PROFILE_ERROR_RANGE, "max_layers=3", "layer_ratio=1:2 (2)");

  g_assert_true (alvh_profile_set_value (p, "close_dte", 50, NULL));
  g_assert_false (alvh_profile_validate (p, &error));
  g_assert_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "close_dte=50"));
}

static void
test_nearest_keys (void)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *near = alvh_profile_dup_nearest_keys ("rsi_hi");
  g_autofree char *none = alvh_profile_dup_nearest_keys ("zzzzzzzzzzzz");

  g_assert_nonnull (strstr (near, "did you mean rsi_high"));
  g_assert_nonnull (strstr (none, "valid keys are iv_window_hours, "));
  g_assert_nonnull (strstr (none, "close_dte"));
  expect_refusal ("[profile]\nname=x\n[thresholds]\nivexpansion=0.2\n",
                  ALVH_PROFILE_ERROR_UNKNOWN_KEY, "ivexpansion", "did you mean iv_expansion");
  g_assert_false (alvh_profile_set_value (p, "closedte", 1, &error));
  g_assert_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_UNKNOWN_KEY);
  g_assert_nonnull (strstr (error->message, "close_dte"));
}

static void
test_reference (void)
{
  g_autofree char *ref = alvh_profile_dup_reference ();
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhProfile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = NULL;
  guint n = 0;
  const AlvhProfileDescriptor *d = alvh_profile_get_descriptors (&n);

  g_assert_nonnull (strstr (ref, "[profile]"));
  g_assert_nonnull (strstr (ref, "[thresholds]"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s — %s\n", d[i].key, d[i].label);

      g_assert_nonnull (strstr (ref, line));
    }
  g_assert_nonnull (strstr (ref, "Default: 14. Allowed: an integer from 2 to 250."));
  g_assert_nonnull (strstr (ref, "close_dte < condor_dte"));

  g_assert_true (alvh_profile_set_value (p, "iv_expansion", 0.25, NULL));
  doc = alvh_profile_to_documented_data (p, NULL);
  g_assert_nonnull (strstr (doc, "# Unit: hours. Default: 48."));
  back = alvh_profile_new_from_data (doc, -1, "doc.ini", &error);
  g_assert_no_error (error);
  g_assert_true (alvh_profile_equal_values (p, back));
}

static void
test_copy_ref (void)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhProfile) c = alvh_profile_copy (p);
  AlvhProfile *r = alvh_profile_ref (p);

  g_assert_true (r == p);
  alvh_profile_unref (r);
  g_assert_true (alvh_profile_set_value (c, "close_dte", 14, NULL));
  g_assert_cmpint (p->close_dte, ==, 21);
  g_assert_cmpint (c->close_dte, ==, 14);
  g_assert_true (G_TYPE_IS_BOXED (ALVH_TYPE_PROFILE));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/profile/defaults", test_defaults);
  g_test_add_func ("/core/profile/round-trip", test_round_trip);
  g_test_add_func ("/core/profile/refusals", test_refusals);
  g_test_add_func ("/core/profile/copy-ref", test_copy_ref);
  g_test_add_func ("/core/profile/rules-across-keys", test_rules_across_keys);
  g_test_add_func ("/core/profile/nearest-keys", test_nearest_keys);
  g_test_add_func ("/core/profile/reference", test_reference);

  return g_test_run ();
}
