/* test-replay-journal.c — alvh_replay_result_record(): a replay becomes a
 * journal account (condors, legs, decisions with their signals, links,
 * entries) in one transaction.  Runs on the generated demo data, so it
 * always runs; the real-history run is in test-cli-replay.c. */
#include "config.h"

#include <math.h>
#include <string.h>


#include "alvh-core.h"
#include "test-journal-util.h"

typedef struct
{
  TestJournal       journal;  /* a new journal to record into */
  AlvhReplayResult *result;   /* kept decisions */
  AlvhReplayResult *plain;    /* without */
  AlvhProfile      *profile;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDemoData) demo = alvh_demo_generate_default ();
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhEvaluator) ev = NULL;
  gint64 from = 0, to = 0;

  test_journal_set_up (&f->journal, NULL);
  g_assert_true (alvh_time_parse_date ("2019-01-01", 10, &from));
  g_assert_true (alvh_time_parse_date ("2022-12-31", 10, &to));
  frame = alvh_market_frame_new_join (demo->spx, demo->vix, demo->vx, demo->vvix, demo->breadth, from, to);
  f->profile = alvh_profile_new ();
  alvh_profile_set_name (f->profile, "Tight");
  alvh_profile_set_version (f->profile, 4);
  ev = alvh_evaluator_new (frame, f->profile, NULL);
  f->result = alvh_replay_run (ev, &(AlvhReplayOptions) { G_MININT64, G_MAXINT64, ALVH_REPLAY_KEEP_DECISIONS }, NULL, &error);
  g_assert_no_error (error);
  f->plain = alvh_replay_run (ev, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_journal_tear_down (&f->journal, NULL);
  g_clear_pointer (&f->result, alvh_replay_result_unref);
  g_clear_pointer (&f->plain, alvh_replay_result_unref);
  g_clear_pointer (&f->profile, alvh_profile_unref);
}

/* the kept decisions are exactly the notable ones; legs carry real strikes */
static void
test_result_arrays (Fixture       *f,
                    gconstpointer  data)
{
  AlvhReplayResult *r = f->result;
  guint notable = 0, adds = 0;

  g_test_message ("%" G_GSIZE_FORMAT " bars, %u trades, %u adds, %u kept decisions",
                  r->n_bars, r->trades->len, r->n_add, r->decisions->len);
  g_assert_true (r->decisions_kept);
  g_assert_false (f->plain->decisions_kept);
  g_assert_cmpuint (f->plain->decisions->len, ==, 0);
  /* keeping the decisions changes nothing else */
  g_assert_cmpuint (f->plain->legs->len, ==, r->legs->len);
  g_assert_cmpfloat (f->plain->hedged.total_pnl, ==, r->hedged.total_pnl);
  g_assert_cmpuint (r->n_add, >, 5);
  g_assert_cmpuint (r->legs->len, ==, r->n_add);

  for (gsize i = 0, k = 0; i < r->n_bars; i++)
    {
      gboolean fired = FALSE;

      /* a bar's decision is kept when it is not HOLD or a signal fired */
      if (k < r->decisions->len && g_array_index (r->decisions, AlvhReplayDecision, k).bar == i)
        {
          const AlvhReplayDecision *rd = &g_array_index (r->decisions, AlvhReplayDecision, k);

          for (guint s = 0; s < ALVH_N_SIGNALS; s++)
            fired |= rd->decision.signals[s].available && rd->decision.signals[s].fired;
          g_assert_true (rd->decision.action != ALVH_ACTION_HOLD || fired);
          g_assert_cmpint (rd->decision.action, ==, r->action[i]);
          adds += rd->decision.action == ALVH_ACTION_ADD;
          notable++;
          k++;
        }
      else
        g_assert_cmpint (r->action[i], ==, ALVH_ACTION_HOLD);
    }
  g_assert_cmpuint (notable, ==, r->decisions->len);
  g_assert_cmpuint (adds, ==, r->n_add);

  for (guint i = 0; i < r->legs->len; i++)
    {
      const AlvhReplayLeg *l = &g_array_index (r->legs, AlvhReplayLeg, i);
      const AlvhReplayDecision *rd = &g_array_index (r->decisions, AlvhReplayDecision, l->decision);
      const AlvhReplayTrade *t = &g_array_index (r->trades, AlvhReplayTrade, l->trade);

      g_assert_cmpint (rd->decision.action, ==, ALVH_ACTION_ADD);
      g_assert_cmpint (l->leg.id, ==, (gint64) i + 1);
      g_assert_cmpint (l->leg.condor_id, ==, t->condor.id);
      g_assert_cmpint (rd->trade, ==, (gint) l->trade);
      g_assert_cmpfloat (l->leg.long_strike, ==, rd->decision.leg.long_strike);
      g_assert_cmpfloat (l->leg.short_strike, ==, l->leg.long_strike + 5);
      g_assert_cmpint (l->leg.expiry, >, l->leg.opened);
      g_assert_cmpfloat (l->leg.premium * 100 * l->leg.quantity, ==, rd->decision.estimated_cost);
      if (l->close_time != 0)
        {
          g_assert_cmpint (l->close_time, ==, t->close_time);
          /* the leg's P&L is its close price against its premium */
          g_assert_cmpfloat (fabs ((l->close_price - l->leg.premium) * 100 * l->leg.quantity - l->pnl), <, 1e-6);
        }
    }
  for (guint i = 0; i < r->trades->len; i++)
    {
      const AlvhReplayTrade *t = &g_array_index (r->trades, AlvhReplayTrade, i);
      double layers = 0;

      g_assert_true (isfinite (t->close_price));
      g_assert_cmpfloat (fabs ((t->condor.credit - t->close_price) * 100 * t->condor.units - t->condor_pnl), <, 1e-6);
      for (guint l = 0; l < r->legs->len; l++)
        if (g_array_index (r->legs, AlvhReplayLeg, l).trade == i)
          layers += g_array_index (r->legs, AlvhReplayLeg, l).pnl;
      g_assert_cmpfloat (fabs (layers - t->hedge_pnl), <, 1e-6);
    }
}

static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AlvhJournalStore *store = f->journal.store;
  g_autoptr(AlvhReplayRecord) rec = NULL;
  g_autoptr(AlvhReplayRecord) again = NULL;
  g_autoptr(GPtrArray) legs = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(AlvhJournalProfile) stored = NULL;
  g_autofree char *expected = NULL;
  AlvhReplayResult *r = f->result;
  guint links = 0;

  rec = alvh_replay_result_record (r, store, NULL, f->profile, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rec);

  /* the profile is saved as the journal's first "Tight"; the account named after it */
  stored = alvh_journal_store_get_profile (store, "Tight", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 1);
  g_assert_cmpint (rec->profile_version, ==, 1);
  {
    g_autofree char *first = alvh_time_format_ny_date (r->time[0]);
    g_autofree char *last = alvh_time_format_ny_date (r->time[r->n_bars - 1]);

    expected = g_strdup_printf ("replay Tight v1 %s..%s", first, last);
  }
  g_assert_cmpstr (rec->account_name, ==, expected);
  g_assert_cmpuint (rec->n_condors, ==, r->trades->len);
  g_assert_cmpuint (rec->n_legs, ==, r->n_add);
  g_assert_cmpuint (rec->n_adds, ==, r->n_add);
  g_assert_cmpuint (rec->n_blocked, ==, r->n_blocked);
  g_assert_cmpuint (rec->n_decisions, ==, r->decisions->len);
  g_assert_cmpuint (rec->n_snapshots, ==, r->decisions->len * ALVH_N_SIGNALS);
  g_assert_cmpuint (rec->n_entries, ==, r->n_add + 1);
  g_assert_cmpint (rec->summary_entry_id, >, 0);

  legs = alvh_journal_store_list_legs (store, rec->account_id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (legs->len, ==, r->legs->len);
  for (guint i = 0; i < legs->len; i++)
    {
      const AlvhLeg *jl = legs->pdata[i];
      const AlvhReplayLeg *rl = &g_array_index (r->legs, AlvhReplayLeg, i);
      g_autoptr(GPtrArray) linked = alvh_journal_store_list_leg_signals (store, jl->id, &error);
      guint fired = 0;

      g_assert_no_error (error);
      g_assert_cmpfloat (jl->long_strike, ==, rl->leg.long_strike);
      g_assert_cmpfloat (jl->short_strike, ==, rl->leg.short_strike);
      g_assert_cmpint (jl->expiry, ==, rl->leg.expiry);
      g_assert_cmpfloat (jl->quantity, ==, rl->leg.quantity);
      g_assert_cmpfloat (jl->premium, ==, rl->leg.premium);
      g_assert_cmpint (jl->layer, ==, (int) rl->leg.layer);
      g_assert_cmpint (jl->opened, ==, rl->leg.opened);
      if (rl->close_time != 0)
        {
          g_assert_cmpfloat (jl->closed_quantity, ==, jl->quantity);
          g_assert_cmpfloat (fabs (jl->close_price - rl->close_price), <, 1e-9);
        }
      else
        g_assert_cmpfloat (jl->closed_quantity, ==, 0);
      for (guint s = 0; s < ALVH_N_SIGNALS; s++)
        {
          const AlvhSignal *sig = &g_array_index (r->decisions, AlvhReplayDecision, rl->decision).decision.signals[s];
          fired += sig->available && sig->fired;
        }
      g_assert_cmpuint (linked->len, ==, fired);
      links += linked->len;
    }
  g_assert_cmpuint (rec->n_links, ==, links);

  decisions = alvh_journal_store_list_decisions (store, rec->account_id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, r->decisions->len);
  for (guint i = 0; i < decisions->len; i++)
    {
      const AlvhDecision *d = decisions->pdata[i];

      g_assert_cmpstr (d->profile_name, ==, "Tight");
      g_assert_cmpint (d->profile_version, ==, 1);
      g_assert_cmpstr (alvh_action_to_string (d->action), ==, alvh_action_to_string (g_array_index (r->decisions, AlvhReplayDecision, i).decision.action));
      for (guint k = 0; k < ALVH_N_SIGNALS; k++)
        {
          const AlvhSignal *sig = &d->signals[k];
          const AlvhSignal *orig = &g_array_index (r->decisions, AlvhReplayDecision, i).decision.signals[k];

          g_assert_cmpint (sig->snapshot_id, >, 0);
          g_assert_cmpint (sig->available, ==, orig->available);
          g_assert_cmpint (sig->fired, ==, orig->fired);
        }
    }

  /* again: the same profile version, a counter on the account name */
  again = alvh_replay_result_record (r, store, NULL, f->profile, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->profile_version, ==, 1);
  {
    g_autofree char *second = g_strconcat (expected, " (2)", NULL);
    g_assert_cmpstr (again->account_name, ==, second);
  }
}

/* a replay run without its decisions is refused, and nothing is written */
static void
test_record_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AlvhJournalStore *store = f->journal.store;
  g_autoptr(AlvhReplayRecord) rec = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  rec = alvh_replay_result_record (f->plain, store, "x", NULL, &error);
  g_assert_null (rec);
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  accounts = alvh_journal_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 0);
  /* the store is usable afterwards (no transaction left open) */
  rec = alvh_replay_result_record (f->result, store, "named", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rec->account_name, ==, "named");
  g_assert_cmpstr (rec->profile_name, ==, "Tight");
  g_assert_cmpint (rec->profile_version, ==, 4);   /* as the result names it */
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/replay-journal/result-arrays", test_result_arrays);
  ADD ("/core/replay-journal/record", test_record);
  ADD ("/core/replay-journal/record-refused", test_record_refused);
#undef ADD

  return g_test_run ();
}
