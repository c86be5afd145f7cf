/* test-cli-eval.c — `alvh eval` on a book stored in a journal database and the
 * demo market imported into a market database */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "alvh-journal-store.h"
#include "alvh-stored-eval.h"
#include "test-cli-util.h"

static const char *signal_keys[] = {
  "iv_expansion", "term_inversion", "rsi_extreme", "ad_divergence", "vix_macd_cross",
  "theta_erosion", "wing_proximity", "book_delta", "macro_regime",
};

typedef TestStores Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *demo = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *spx = NULL, *vix = NULL, *vx = NULL;

  test_stores_set_up (f, data);
  demo = g_build_filename (f->dir, "demo", NULL);
  spx = g_build_filename (demo, "spx.csv", NULL);
  vix = g_build_filename (demo, "vix.csv", NULL);
  vx = g_build_filename (demo, "vx.csv", NULL);
  {
    const char *args[] = { "demo", "--out", demo, NULL };
    g_autofree char *demo_out = NULL;
    g_autofree char *demo_err = NULL;
    g_assert_cmpint (test_run_cli_strv (args, &demo_out, &demo_err), ==, 0);
  }
  {
    const char *args[] = { "import", "--db", f->market, spx, vix, vx, NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  {
    /* eval --db names an existing journal: it creates none */
    g_autoptr(GError) error = NULL;
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_no_error (error);
  }
}

static void
assert_all_signal_keys (const char *json)
{
  for (guint i = 0; i < G_N_ELEMENTS (signal_keys); i++)
    {
      g_autofree char *key = g_strdup_printf ("\"%s\":{", signal_keys[i]);
      g_assert_nonnull (strstr (json, key));
    }
}

/* Books @units of the condor the eval tests read, opened at @opened, in the
 * default account (to *account): the demo SPX closes 2025-12-31 at 5765.42,
 * so its short put (6040) is breached 30 days before expiry, far inside
 * 0.65 SD (negative). Returns the condor's id */
static gint64
add_breached_condor (AlvhJournalStore *store,
                     double            units,
                     gint64            opened,
                     gint64           *account)
{
  g_autoptr(AlvhCondor) condor = alvh_condor_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  *account = alvh_stored_find_account (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  condor->account_id = *account;
  condor->long_put = 5990;
  condor->short_put = 6040;
  condor->short_call = 6300;
  condor->long_call = 6350;
  condor->expiry = alvh_time_from_ny_date (2026, 1, 30);
  condor->units = units;
  condor->credit = 18.5;
  condor->opened = opened;
  id = alvh_journal_store_add_condor (store, condor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_eval_no_position (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "eval", "--db", f->db, "--market-db", f->market, NULL };

  g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "{\"time\":"));
  g_assert_nonnull (strstr (out, "\"date\":\"2025-12-31\""));
  g_assert_nonnull (strstr (out, "\"action\":\"HOLD\""));
  g_assert_nonnull (strstr (out, "\"branch\":\"no_position\""));
  /* without a condor the condor-based rules are n/a: null, never 0 */
  g_assert_nonnull (strstr (out, "\"wing_proximity\":{\"kind\":\"fixed\",\"value\":null"));
  g_assert_nonnull (strstr (out, "\"theta_erosion\":{\"kind\":\"realtime\",\"value\":null"));
  assert_all_signal_keys (out);
  /* one line of JSON */
  g_assert_cmpint (strchr (out, '\n') - out, ==, (int) strlen (out) - 1);
}

static void
test_eval_wing_breach_adds (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_err = NULL;
  gint64 account;

  store = alvh_journal_store_open (f->db, &error);
  g_assert_no_error (error);
  add_breached_condor (store, 2, alvh_time_from_ny_date (2025, 12, 15), &account);
  g_clear_object (&store);

  {
    /* the demo history ends 2025-12-31: evaluate the book as it stood then */
    const char *args[] = { "eval", "--db", f->db, "--market-db", f->market, "--at", "2025-12-31", "--record", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\"action\":\"ADD\""));
  g_assert_nonnull (strstr (out, "\"branch\":\"fixed\""));
  g_assert_nonnull (strstr (out, "\"layer\":1"));
  /* size = base 1 x 2 units x ratio 1 */
  g_assert_nonnull (strstr (out, "\"size\":2"));
  g_assert_nonnull (strstr (out, "\"wing_proximity\":{\"kind\":\"fixed\",\"value\":"));
  assert_all_signal_keys (out);

  /* --record kept the decision in the journal */
  store = alvh_journal_store_open (f->db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AlvhDecision) again = NULL;
    g_autoptr(AlvhMarketStore) market = alvh_market_store_open (f->market, &error);
    g_autoptr(AlvhMarketFrame) frame = NULL;
    g_autoptr(AlvhProfile) profile = NULL;
    g_autoptr(AlvhBook) book = NULL;
    g_autoptr(GPtrArray) events = NULL;

    g_assert_no_error (error);
    frame = alvh_stored_load_frame (market, 0, 0, &error);
    g_assert_no_error (error);
    profile = alvh_stored_load_profile (store, NULL, &error);
    g_assert_no_error (error);
    book = alvh_stored_load_book (store, account, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (alvh_book_get_n_condors (book), ==, 1);
    events = alvh_stored_load_events (store, &error);
    g_assert_no_error (error);
    again = alvh_stored_evaluate (frame, profile, events, book,
                                  alvh_time_bar_close (alvh_time_from_ny_date (2025, 12, 31)), &error);
    g_assert_no_error (error);
    g_assert_cmpint (again->action, ==, ALVH_ACTION_ADD);
    g_assert_cmpint (again->branch, ==, ALVH_BRANCH_FIXED);
    g_assert_true (again->signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
    g_assert_cmpfloat (again->signals[ALVH_SIGNAL_WING_PROXIMITY].value, <=, 0.65);
  }

  {
    const char *args[] = { "eval", "--db", f->db, "--market-db", f->market, "--at", "2025-12-31", "--format", "text", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &text, &text_err), ==, 0);
  }
  g_assert_nonnull (strstr (text, "Decision: ADD (Fixed trigger)"));
  g_assert_nonnull (strstr (text, "Wing proximity"));
  if (g_test_verbose ())
    g_test_message ("%s", text);
  /* everything the JSON's leg has, and both RSI levels */
  g_assert_nonnull (strstr (text, "VIX expiry 20"));
  g_assert_nonnull (strstr (text, "per spread (forward "));
  g_assert_nonnull (strstr (text, "estimated cost $"));
  g_assert_nonnull (strstr (text, "Hedge premium paid $"));
  g_assert_nonnull (strstr (text, "≤ 30.0 or ≥ 70.0"));
  g_assert_null (strstr (text, "1 × VIX") != NULL && strstr (text, "call spreads") != NULL ? "1 … call spreads" : NULL);
}

/* `alvh eval --at`: the book as it stood then (ALVH-SPEC.md section 1).  A
 * condor opened on 2025-12-15 at 10:30 and a hedge leg bought on
 * 2025-12-30 at 15:00 New York: before the open there is no position; on
 * 2025-12-30 the bar stands at 16:00, one hour after the fill, so the rules
 * cool down (never a negative time); on 2025-12-31 the leg is 25 hours old;
 * and now, long after the condor's expiry (2026-01-30), it is settled and gone. */
static void
test_eval_as_of (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhLeg) leg = alvh_leg_new ();
  g_autoptr(GError) error = NULL;
  gint64 account, condor_id;
  struct { const char *at; const char *branch; const char *hours; } cases[] = {
    { "2025-12-12", "\"branch\":\"no_position\"", NULL },
    { "2025-12-15T10:00", "\"branch\":\"no_position\"", NULL },
    { "2025-12-30", "\"branch\":\"cooldown\"", "added 1 hour" },
    { "2025-12-30T15:30", "\"branch\":\"cooldown\"", NULL },
    { "2025-12-31", "\"action\":\"ADD\"", NULL },
    { NULL, "\"branch\":\"no_position\"", NULL },
  };

  store = alvh_journal_store_open (f->db, &error);
  g_assert_no_error (error);
  condor_id = add_breached_condor (store, 1, alvh_time_from_ny_local (2025, 12, 15, 10, 30, 0), &account);
  leg->account_id = account;
  leg->condor_id = condor_id;
  leg->kind = ALVH_LEG_VIX_CALL_SPREAD;
  leg->long_strike = 20;
  leg->short_strike = 25;
  leg->expiry = alvh_time_from_ny_date (2026, 2, 18);
  leg->quantity = 1;
  leg->premium = 0.5;
  leg->layer = 1;
  leg->opened = alvh_time_from_ny_local (2025, 12, 30, 15, 0, 0);
  g_assert_cmpint (alvh_journal_store_add_leg (store, leg, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *text = NULL, *text_err = NULL;
      const char *args[] = { "eval", "--db", f->db, "--market-db", f->market,
                             cases[i].at != NULL ? "--at" : NULL, cases[i].at, NULL };
      const char *text_args[] = { "eval", "--db", f->db, "--market-db", f->market,
                                  "--format", "text", "--at", cases[i].at, NULL };

      g_test_message ("--at %s", cases[i].at != NULL ? cases[i].at : "(now)");
      g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
      g_assert_nonnull (strstr (out, cases[i].branch));
      if (cases[i].hours == NULL)
        continue;
      g_assert_cmpint (test_run_cli_strv (text_args, &text, &text_err), ==, 0);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, cases[i].hours));
    }
}

static void
test_eval_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (f->dir, "empty-market.sqlite", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_autofree char *typo = g_build_filename (f->dir, "typo.sqlite", NULL);
  g_autofree char *out4 = NULL, *err4 = NULL, *out5 = NULL, *err5 = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AlvhMarketStore) market = alvh_market_store_open (empty, &error);

    g_assert_no_error (error);
  }
  {
    const char *args[] = { "eval", "--db", f->db, "--market-db", empty, NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 1);
  }
  g_assert_nonnull (strstr (err, "no SPX history stored"));
  /* issue 17 item 7: a mistyped --db or --market-db creates nothing */
  {
    const char *args[] = { "eval", "--db", typo, "--market-db", f->market, NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out4, &err4), ==, 1);
  }
  g_assert_nonnull (strstr (err4, "no journal at"));
  g_assert_cmpstr (out4, ==, "");
  {
    const char *args[] = { "eval", "--db", f->db, "--market-db", typo, NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out5, &err5), ==, 1);
  }
  g_assert_nonnull (strstr (err5, "no market store at"));
  g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
  {
    const char *args[] = { "eval", "--db", f->db, "--market-db", f->market, "--account", "Nope", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out2, &err2), ==, 1);
  }
  g_assert_nonnull (strstr (err2, "no account “Nope”"));
  {
    const char *args[] = { "eval", "--format", "xml", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out3, &err3), ==, 2);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/eval/no-position", Fixture, NULL, fixture_set_up, test_eval_no_position, test_stores_tear_down);
  g_test_add ("/cli/eval/wing-breach-adds", Fixture, NULL, fixture_set_up, test_eval_wing_breach_adds, test_stores_tear_down);
  g_test_add ("/cli/eval/as-of", Fixture, NULL, fixture_set_up, test_eval_as_of, test_stores_tear_down);
  g_test_add ("/cli/eval/errors", Fixture, NULL, fixture_set_up, test_eval_errors, test_stores_tear_down);
  return g_test_run ();
}
