/* test-cli-replay.c — `alvh replay` as a user runs it
 *
 * On the demo data set (written by `alvh demo`, so this always runs) and,
 * when $ALVH_SHARED_DATA is present, on real SPX/VIX/VX history: JSON Lines
 * with every signal key per bar, the summary and JSON formats, profiles,
 * events, and the exit codes (2 bad flags, 1 failed work).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "test-cli-util.h"

/* Runs `alvh FIRST ...` (NULL-terminated) */
static void
run_alvh (TestRun    *run,
          const char *first,
          ...)
{
  va_list ap;

  va_start (ap, first);
  run->status = test_cli_run_valist (NULL, NULL, NULL, &run->out, &run->err, first, ap);
  va_end (ap);
  g_assert_cmpint (run->status, >=, 0);   /* the tool exited normally */
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static char *demo_dir;

static char *
demo_file (const char *name)
{
  return g_build_filename (demo_dir, name, NULL);
}

static void
test_usage_errors (void)
{
  g_auto(TestRun) run = { 0 };
  g_autofree char *spx = demo_file ("spx.csv");
  g_autofree char *vix = demo_file ("vix.csv");

  run_alvh (&run, "replay", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "--spx FILE and --vix FILE are required"));
  test_run_clear (&run);

  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--format", "xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--format"));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  test_run_clear (&run);

  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--from", "yesterday", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--from"));
  test_run_clear (&run);

  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--from", "2020-02-01", "--to", "2020-01-01", NULL);
  g_assert_cmpint (run.status, ==, 2);
  test_run_clear (&run);

  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--bogus", NULL);
  g_assert_cmpint (run.status, ==, 2);
  test_run_clear (&run);

  run_alvh (&run, "replay", "--spx", "/nonexistent/spx.csv", "--vix", vix, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/spx.csv"));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_demo_jsonl (void)
{
  g_auto(TestRun) run = { 0 };
  g_autofree char *spx = demo_file ("spx.csv");
  g_autofree char *vix = demo_file ("vix.csv");
  g_autofree char *vx = demo_file ("vx.csv");
  g_autofree char *vvix = demo_file ("vvix.csv");
  g_autofree char *breadth = demo_file ("breadth.csv");
  g_auto(GStrv) lines = NULL;
  guint n = 0, n_add = 0, n_term = 0, n_ad = 0;

  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--vx", vx, "--vvix", vvix,
            "--breadth", breadth, "--from", "2019-01-01", "--to", "2020-12-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *l = lines[i];

      n++;
      g_assert_true (g_str_has_prefix (l, "{\"time\":"));
      g_assert_true (g_str_has_suffix (l, "}"));
      for (guint k = 0; k < ALVH_N_SIGNALS; k++)
        {
          g_autofree char *key = g_strdup_printf ("\"%s\":{\"kind\":", alvh_signal_id_to_key ((AlvhSignalId) k));
          g_assert_nonnull (strstr (l, key));
        }
      g_assert_nonnull (strstr (l, "\"action\":\""));
      g_assert_nonnull (strstr (l, "\"branch\":\""));
      g_assert_nonnull (strstr (l, "\"layer\":"));
      g_assert_nonnull (strstr (l, "\"size\":"));
      if (strstr (l, "\"action\":\"ADD\"") != NULL)
        {
          n_add++;
          g_assert_nonnull (strstr (l, "\"leg\":{\"kind\":\"vix_call_spread\""));
        }
      if (strstr (l, "\"term_inversion\":{\"kind\":\"realtime\",\"value\":null") == NULL)
        n_term++;
      if (strstr (l, "\"ad_divergence\":{\"kind\":\"realtime\",\"value\":null") == NULL)
        n_ad++;
    }
  /* two years of weekday bars */
  g_assert_cmpuint (n, >, 500);
  g_assert_cmpuint (n, <, 530);
  g_assert_true (g_str_has_prefix (lines[0], "{\"time\":"));
  g_assert_nonnull (strstr (lines[0], "\"date\":\"2019-01-0"));
  g_assert_cmpuint (n_add, >, 0);
  /* the demo set has VX1 and breadth on every date; the history before
   * --from (the demo starts in 2016) warms the indicators and windows up,
   * so even the range's first bar has them (ALVH-SPEC.md section 5) */
  g_assert_cmpuint (n_term, ==, n);
  g_assert_cmpuint (n_ad, ==, n);
  g_assert_null (strstr (lines[0], "\"rsi_extreme\":{\"kind\":\"realtime\",\"value\":null"));
  g_assert_null (strstr (lines[0], "\"vix_macd_cross\":{\"kind\":\"realtime\",\"value\":null"));
  g_assert_null (strstr (lines[0], "\"iv_expansion\":{\"kind\":\"realtime\",\"value\":null"));
}

static void
test_demo_summary_json_profile_events (void)
{
  g_auto(TestRun) run = { 0 };
  g_autofree char *spx = demo_file ("spx.csv");
  g_autofree char *vix = demo_file ("vix.csv");
  g_autofree char *profile = demo_file ("strict.ini");
  g_autofree char *bad_profile = demo_file ("bad.ini");
  g_autofree char *events = demo_file ("events.csv");
  g_autoptr(GError) error = NULL;

  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--format", "summary", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Replay of 2587 bars from 2016-01-04 to 2025-12-31"));
  g_assert_nonnull (strstr (run.out, "Total P&L"));
  g_assert_nonnull (strstr (run.out, "Max drawdown"));
  g_assert_nonnull (strstr (run.out, "Hedge cost"));
  /* the totals include the last condor, open at the last bar and marked there */
  g_assert_nonnull (strstr (run.out, "Last trade: opened 2025-12-19, expiring 2026-02-06, still open and marked at the close of 2025-12-31"));
  test_run_clear (&run);

  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\"bars\":2587,\"first\":\"2016-01-04\""));
  g_assert_nonnull (strstr (run.out, "\"hedged\":{\"total_pnl\":"));
  g_assert_nonnull (strstr (run.out, "\"unhedged\":{\"total_pnl\":"));
  g_assert_nonnull (strstr (run.out, "\"trades\":[{"));
  g_assert_nonnull (strstr (run.out, "\"last_trade_open\":true,"));
  g_assert_nonnull (strstr (run.out, "{\"open\":\"2025-12-19\",\"close\":null,\"expiry\":\"2026-02-06\""));
  {
    /* only the last trade is open at the end */
    const char *open = strstr (run.out, "\"open_at_end\":true,");

    g_assert_nonnull (open);
    g_assert_null (strstr (open + 1, "\"open_at_end\":true,"));
    g_assert_null (strstr (open, "},{\"open\":"));
  }
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  test_run_clear (&run);

  /* a profile that never hedges (max cost ratio 0): every ADD is blocked */
  g_assert_true (g_file_set_contents (profile,
                                      "[profile]\nname=Strict\nversion=3\n[thresholds]\nmax_hedge_cost_ratio=0\n",
                                      -1, &error));
  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--profile", profile,
            "--from", "2018-01-01", "--to", "2018-12-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "\"action\":\"ADD\""));
  g_assert_nonnull (strstr (run.out, "\"action\":\"BLOCKED\",\"branch\":\"not_accretive\""));
  g_assert_nonnull (strstr (run.out, "\"profile\":{\"name\":\"Strict\",\"version\":3}"));
  test_run_clear (&run);

  g_assert_true (g_file_set_contents (bad_profile,
                                      "[profile]\nname=Bad\n[thresholds]\nwing_sd=99\n", -1, &error));
  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--profile", bad_profile, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "wing_sd"));
  g_assert_nonnull (strstr (run.err, "from -10 to 10"));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  test_run_clear (&run);

  /* a regime-shift event: macro_regime fires on that date and the 5 days after */
  g_assert_true (g_file_set_contents (events, "date,kind,shift,note\n2018-06-13,FOMC,true,hike\n", -1, &error));
  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--events", events,
            "--from", "2018-06-01", "--to", "2018-06-29", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    guint fired = 0;

    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        gboolean on = strstr (lines[i], "\"macro_regime\":{\"kind\":\"fixed\",\"value\":1,\"threshold\":1,\"fired\":true}") != NULL;
        gboolean in_window = strstr (lines[i], "\"date\":\"2018-06-1") != NULL &&
                             (strstr (lines[i], "\"date\":\"2018-06-13\"") || strstr (lines[i], "\"date\":\"2018-06-14\"") ||
                              strstr (lines[i], "\"date\":\"2018-06-15\"") || strstr (lines[i], "\"date\":\"2018-06-18\""));

        g_assert_true (on == in_window);
        fired += on;
      }
    /* Wed 13, Thu 14, Fri 15, Mon 18 (the 18th is 5 days after) */
    g_assert_cmpuint (fired, ==, 4);
  }
  test_run_clear (&run);

  g_assert_true (g_file_set_contents (events, "date,kind,shift,note\n2018-06-13,FED,true,hike\n", -1, &error));
  run_alvh (&run, "replay", "--spx", spx, "--vix", vix, "--events", events, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "events.csv:2:12:"));
}

/* The real history's files in $ALVH_SHARED_DATA and a temporary folder
 * with the journal's path (removed with the struct) */
typedef struct
{
  char *spx, *vix, *vx, *tmp, *db;
} RealFiles;

static void
real_files_clear (RealFiles *r)
{
  if (r->tmp != NULL)
    test_rm_rf (r->tmp);
  g_free (r->spx);
  g_free (r->vix);
  g_free (r->vx);
  g_free (r->tmp);
  g_free (r->db);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RealFiles, real_files_clear)

/* FALSE, the test skipped, without the shared data */
static gboolean
real_files_open (RealFiles *r)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("real market data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return FALSE;
    }
  r->spx = g_build_filename (dir, "spx_daily_ohlc_1927_2026.csv", NULL);
  r->vix = g_build_filename (dir, "vix_daily_cboe.csv", NULL);
  r->vx = g_build_filename (dir, "vix_futures_term_structure_2007_2021.csv", NULL);
  r->tmp = test_make_tmp_dir ("alvh-replay-journal-XXXXXX");
  r->db = g_build_filename (r->tmp, "journal.sqlite", NULL);
  return TRUE;
}

static void
test_real_history (void)
{
  g_auto(RealFiles) r = { 0 };
  g_auto(TestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n = 0, iv_fired = 0, term_available = 0;

  if (!real_files_open (&r))
    return;

  run_alvh (&run, "replay", "--spx", r.spx, "--vix", r.vix, "--vx", r.vx,
            "--from", "2020-01-01", "--to", "2020-04-30", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      n++;
      if (strstr (lines[i], "\"iv_expansion\":{\"kind\":\"realtime\",\"value\":") != NULL &&
          strstr (lines[i], "\"threshold\":0.15,\"fired\":true") != NULL)
        iv_fired++;
      if (strstr (lines[i], "\"term_inversion\":{\"kind\":\"realtime\",\"value\":null") == NULL)
        term_available++;
    }
  /* Jan-Apr 2020: 83 trading days; VX1/VX2 known on all of them */
  g_assert_cmpuint (n, ==, 83);
  g_assert_cmpuint (term_available, ==, 83);
  g_assert_cmpuint (iv_fired, >=, 5);
  g_assert_nonnull (strstr (run.out, "\"date\":\"2020-02-24\""));
}

/* `alvh replay --journal`: the run becomes a journal account that the
 * review, the statistics and the reports read like live trading */
static guint
json_uint (const char *json,
           const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (json, needle);

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + strlen (needle), NULL, 10);
}

static gboolean
decision_is_notable (const AlvhDecision *d)
{
  if (g_strcmp0 (alvh_action_to_string (d->action), "HOLD") != 0)
    return TRUE;
  for (guint k = 0; k < ALVH_N_SIGNALS; k++)
    {
      const AlvhSignal *sig = &d->signals[k];

      if (!alvh_decision_has_signal (d, (AlvhSignalId) k))
        continue;

      if (sig->available && sig->fired)
        return TRUE;
    }
  return FALSE;
}

/* Every condor of the replay's account, closed at the replay's price (the
 * last may still be open) */
static void
check_journal_condors (AlvhJournalStore *store,
                       gint64            account,
                       guint             trades)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) condors = NULL;
  guint n_closed = 0;

  condors = alvh_journal_store_list_condors (store, account, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (condors->len, ==, trades);
  for (guint i = 0; i < condors->len; i++)
    {
      const AlvhCondor *c = condors->pdata[i];

      g_assert_cmpfloat (c->long_put, <, c->short_put);
      g_assert_cmpfloat (c->short_call, <, c->long_call);
      g_assert_cmpfloat (c->credit, >, 0);
      g_assert_cmpint (c->expiry, >, c->opened);
      if (c->closed != 0)
        {
          g_assert_true (isfinite (c->close_price));
          g_assert_cmpint (c->closed, >, c->opened);
          n_closed++;
        }
    }
  g_assert_cmpuint (n_closed, >=, trades - 1);
}

/* One recorded leg: its decision's ADD with the real strikes, and links to
 * exactly the signals that fired; returns how many links it has */
static guint
check_journal_leg (AlvhJournalStore *store,
                   const AlvhLeg    *l)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDecision) d = alvh_journal_store_get_decision (store, l->decision_id, &error);
  g_autoptr(GPtrArray) linked = alvh_journal_store_list_leg_signals (store, l->id, &error);
  g_autoptr(GPtrArray) fired = g_ptr_array_new ();

  g_assert_no_error (error);
  g_assert_cmpstr (alvh_action_to_string (d->action), ==, "ADD");
  g_assert_cmpint (d->followed, ==, ALVH_DECISION_FOLLOWED);
  g_assert_cmpint (d->condor_id, ==, l->condor_id);
  g_assert_cmpint (l->condor_id, >, 0);
  g_assert_cmpstr (alvh_leg_kind_to_string (l->kind), ==, "vix_call_spread");
  g_assert_cmpfloat (l->long_strike, ==, d->leg.long_strike);
  g_assert_cmpfloat (l->short_strike, ==, l->long_strike + 5);
  g_assert_cmpint (l->expiry, ==, d->leg.expiry);
  g_assert_cmpint (alvh_time_calendar_days (l->opened, l->expiry), >=, 30);
  g_assert_cmpfloat (l->quantity, ==, d->size);
  g_assert_cmpfloat (l->quantity, >=, 1);
  g_assert_cmpfloat (l->premium, >, 0);
  g_assert_cmpfloat (fabs (l->premium * 100 * l->quantity - d->estimated_cost), <, 1e-6 * d->estimated_cost + 1e-6);
  g_assert_cmpint (l->layer, ==, d->layer);
  /* filled when the decision's daily bar stands: 16:00 New York */
  g_assert_cmpint (l->opened, ==, alvh_time_bar_close (d->time));
  g_assert_false (l->manual);
  if (l->closed_quantity > 0)
    {
      g_assert_cmpfloat (l->closed_quantity, ==, l->quantity);
      g_assert_true (isfinite (l->close_price) && l->close_price >= 0 && l->close_price <= 5 + 1e-9);
    }
  for (guint k = 0; k < ALVH_N_SIGNALS; k++)
    {
      const AlvhSignal *sig = &d->signals[k];

      if (!alvh_decision_has_signal (d, (AlvhSignalId) k))
        continue;

      if (sig->available && sig->fired)
        g_ptr_array_add (fired, (gpointer) alvh_signal_id_to_key (sig->id));
    }
  g_assert_cmpuint (fired->len, >, 0);
  g_assert_cmpuint (linked->len, ==, fired->len);
  for (guint k = 0; k < linked->len; k++)
    {
      const AlvhSignal *sig = linked->pdata[k];
      gboolean found = FALSE;

      g_assert_true (sig->fired);
      for (guint j = 0; j < fired->len; j++)
        found |= strcmp (fired->pdata[j], alvh_signal_id_to_key (sig->id)) == 0;
      g_assert_true (found);
    }
  return linked->len;
}

/* The notable decisions, each with every signal snapshot: as many ADDs and
 * BLOCKEDs as the replay counted, and HOLDs with a fired signal */
static void
check_journal_decisions (AlvhJournalStore *store,
                         gint64            account,
                         guint             adds,
                         guint             blocked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  guint n_add = 0, n_blocked = 0;

  decisions = alvh_journal_store_list_decisions (store, account, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decisions->len; i++)
    {
      const AlvhDecision *d = decisions->pdata[i];

      for (guint k = 0; k < ALVH_N_SIGNALS; k++)
        g_assert_cmpint (d->signals[k].snapshot_id, >, 0);
      g_assert_true (decision_is_notable (d));
      g_assert_cmpstr (d->profile_name, ==, "Default");
      g_assert_cmpint (d->profile_version, ==, 1);
      n_add += g_strcmp0 (alvh_action_to_string (d->action), "ADD") == 0;
      n_blocked += g_strcmp0 (alvh_action_to_string (d->action), "BLOCKED") == 0;
    }
  g_assert_cmpuint (n_add, ==, adds);
  g_assert_cmpuint (n_blocked, ==, blocked);
  g_assert_cmpuint (decisions->len, >, adds + blocked);  /* and HOLDs with a fired signal */
}

/* Statistics per trigger, in the library and from `alvh journal stats` */
static void
check_journal_stats (AlvhJournalStore *store,
                     gint64            account,
                     const char       *db,
                     guint             trades,
                     guint             n_links)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStats) stats = NULL;

  stats = alvh_journal_store_compute_stats (store, account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->by_trigger->len, >=, 3);
  g_assert_cmpuint (stats->condors->len, ==, trades);
  {
    guint total = 0;

    for (guint i = 0; i < stats->by_trigger->len; i++)
      {
        const AlvhJournalStatRow *row = stats->by_trigger->pdata[i];

        g_assert_cmpuint (row->count, >, 0);
        g_assert_true (isfinite (row->total_pnl));
        total += row->count;
      }
    g_assert_cmpuint (total, ==, n_links);
  }
  {
    g_auto(TestRun) st = { 0 };

    run_alvh (&st, "journal", "stats", "--db", db, NULL);
    g_assert_cmpint (st.status, ==, 0);
    for (guint i = 0; i < stats->by_trigger->len; i++)
      {
        /* the text names the triggers as a person reads them */
        g_autofree char *name = alvh_format_key_list (((AlvhJournalStatRow *) stats->by_trigger->pdata[i])->group);

        g_assert_nonnull (strstr (st.out, name));
      }
  }
}

/* `alvh report` on one year of the replayed account: a PDF */
static void
check_journal_report (const char *db,
                      const char *account,
                      const char *pdf)
{
  g_auto(TestRun) rep = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_data = NULL;
  gsize pdf_len = 0;

  run_alvh (&rep, "report", "--db", db, "--account", account, "--from", "2010-01-01",
            "--to", "2010-12-31", "--out", pdf, NULL);
  g_test_message ("report: %s", rep.err);
  g_assert_cmpint (rep.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_len, &error));
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF"));
  g_assert_cmpuint (pdf_len, >, 10000);
}

static void
test_real_history_journal (void)
{
  g_auto(RealFiles) r = { 0 };
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) legs = NULL;
  g_auto(TestRun) run = { 0 };
  const char *name = "replay Default v1 2008-01-02..2011-12-30";
  guint adds, blocked, trades, n_links = 0;
  gint64 account = 0;

  if (!real_files_open (&r))
    return;
  pdf = g_build_filename (r.tmp, "review.pdf", NULL);

  /* stdout keeps the JSON; what was recorded is said on stderr */
  run_alvh (&run, "replay", "--spx", r.spx, "--vix", r.vix, "--vx", r.vx, "--from", "2008-01-01",
            "--to", "2011-12-31", "--format", "json", "--journal", r.db, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\"bars\":"));
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.err, name));
  adds = json_uint (run.out, "adds");
  blocked = json_uint (run.out, "blocked");
  trades = json_uint (run.out, "trades_count");
  g_assert_cmpuint (adds, >, 20);
  g_assert_cmpuint (trades, >, 20);

  store = alvh_journal_store_open (r.db, &error);
  g_assert_no_error (error);
  accounts = alvh_journal_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (((AlvhJournalAccount *) accounts->pdata[0])->name, ==, name);
  account = ((AlvhJournalAccount *) accounts->pdata[0])->id;

  check_journal_condors (store, account, trades);

  /* one leg per ADD, with its real strikes, and links to exactly the fired signals */
  legs = alvh_journal_store_list_legs (store, account, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (legs->len, ==, adds);
  for (guint i = 0; i < legs->len; i++)
    n_links += check_journal_leg (store, legs->pdata[i]);

  check_journal_decisions (store, account, adds, blocked);
  {
    g_autofree char *links = g_strdup_printf ("%u leg-signal links", n_links);
    g_assert_nonnull (strstr (run.err, links));
  }

  /* a journal entry per leg, and the summary */
  {
    AlvhJournalFilter filter = { 0 };
    g_autoptr(GPtrArray) entries = NULL;

    filter.account_id = account;
    filter.limit = 100000;
    entries = alvh_journal_store_list_entries (store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, adds + 1);
  }

  check_journal_stats (store, account, r.db, trades, n_links);

  check_journal_report (r.db, name, pdf);

  /* the same run again: a second account with a counter */
  {
    g_auto(TestRun) again = { 0 };
    g_autoptr(GPtrArray) after = NULL;

    run_alvh (&again, "replay", "--spx", r.spx, "--vix", r.vix, "--vx", r.vx, "--from", "2008-01-01",
              "--to", "2011-12-31", "--format", "summary", "--journal", r.db, NULL);
    g_assert_cmpint (again.status, ==, 0);
    g_assert_nonnull (strstr (again.err, "2011-12-30 (2)"));
    after = alvh_journal_store_list_accounts (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, 2);
  }

  /* --account without --journal is a usage error */
  {
    g_auto(TestRun) bad = { 0 };

    run_alvh (&bad, "replay", "--spx", r.spx, "--vix", r.vix, "--account", "x", NULL);
    g_assert_cmpint (bad.status, ==, 2);
  }

  g_clear_object (&store);
}

/* the whole 1990-2026 history recorded: timing, and legs = ADDs */
static void
test_full_history_journal (void)
{
  g_auto(RealFiles) r = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0 };
  gint64 t0;
  guint adds;

  if (!real_files_open (&r))
    return;

  t0 = g_get_monotonic_time ();
  run_alvh (&run, "replay", "--spx", r.spx, "--vix", r.vix, "--format", "json", "--journal", r.db, NULL);
  g_test_message ("full history replay + record: %.2f s; %s", (g_get_monotonic_time () - t0) / 1e6, run.err);
  g_assert_cmpint (run.status, ==, 0);
  adds = json_uint (run.out, "adds");
  g_assert_cmpuint (adds, >, 300);
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (r.db, &error);
    g_autoptr(GPtrArray) legs = alvh_journal_store_list_legs (store, 0, 0, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (legs->len, ==, adds);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status, rc;
  char *demo_argv[] = { (char *) ALVH_CLI_PATH, (char *) "demo", (char *) "--out", NULL, NULL };

  g_test_init (&argc, &argv, NULL);

  demo_dir = test_make_tmp_dir ("alvh-cli-replay-XXXXXX");
  demo_argv[3] = demo_dir;
  g_assert_true (g_spawn_sync (NULL, demo_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  g_test_add_func ("/cli/replay/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/replay/demo-jsonl", test_demo_jsonl);
  g_test_add_func ("/cli/replay/summary-json-profile-events", test_demo_summary_json_profile_events);
  g_test_add_func ("/cli/replay/real-history", test_real_history);
  g_test_add_func ("/cli/replay/real-history-journal", test_real_history_journal);
  g_test_add_func ("/cli/replay/full-history-journal", test_full_history_journal);

  rc = g_test_run ();

  {
    const char *names[] = { "spx.csv", "vix.csv", "vx.csv", "vvix.csv", "breadth.csv",
                            "strict.ini", "bad.ini", "events.csv" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = demo_file (names[i]);
        g_unlink (p);
      }
    g_rmdir (demo_dir);
  }
  g_free (demo_dir);
  return rc;
}
