/* test-journal-util.c — journal records the tests and benches build */
#include "config.h"

#include "test-journal-util.h"

/**
 * test_decision_new:
 * @account_id: the decision's account
 * @condor_id: its condor (0: none)
 * @time: when it was taken (Unix seconds)
 * @action: its action's key ("ADD", "HOLD", "BLOCKED")
 * @branch: its branch's key ("fixed", "regime", ...)
 *
 * A decision with its action and branch named as the journal and JSON name
 * them (asserts the keys are known); leg, profile and signals stay the
 * caller's.
 *
 * Returns: (transfer full): the decision
 */
AlvhDecision *
test_decision_new (gint64      account_id,
                   gint64      condor_id,
                   gint64      time,
                   const char *action,
                   const char *branch)
{
  AlvhDecision *d = alvh_decision_new ();

  d->account_id = account_id;
  d->condor_id = condor_id;
  d->time = time;
  if (!alvh_action_from_string (action, &d->action))
    g_assert_not_reached ();
  if (!alvh_branch_from_string (branch, &d->branch))
    g_assert_not_reached ();
  return d;
}

/**
 * test_decision_set_vix_spread:
 * @d: the decision to fill
 * @layer: the hedge layer (1 to 3)
 * @size: how many spreads the decision adds
 * @long_strike: the VIX call bought; the one sold is
 *   %TEST_VIX_SPREAD_WIDTH points higher
 * @expiry: the spread's expiry (Unix seconds)
 * @estimated_cost: what the decision expects the spread to cost, in dollars
 *
 * Gives @d its leg the way the evaluator proposes one: @size VIX call
 * spreads on @layer (the leg's other fields zero, as alvh_decision_init()
 * leaves them). Action, branch, time and signals stay the caller's.
 */
void
test_decision_set_vix_spread (AlvhDecision *d,
                              guint         layer,
                              double        size,
                              double        long_strike,
                              gint64        expiry,
                              double        estimated_cost)
{
  d->has_leg = TRUE;
  d->leg = (AlvhLeg) {
    .kind = ALVH_LEG_VIX_CALL_SPREAD,
    .long_strike = long_strike,
    .short_strike = long_strike + TEST_VIX_SPREAD_WIDTH,
    .expiry = expiry,
  };
  d->layer = layer;
  d->size = size;
  d->estimated_cost = estimated_cost;
}

/**
 * test_journal_add_entry:
 * @store: the journal
 * @title: the entry's title
 * @body: its text
 * @time: its time (Unix seconds)
 *
 * Adds an untagged entry linked to nothing, asserting that it was stored.
 *
 * Returns: the entry's id
 */
gint64
test_journal_add_entry (AlvhJournalStore *store,
                        const char       *title,
                        const char       *body,
                        gint64            time)
{
  g_autoptr(GError) error = NULL;
  const char *tags[] = { NULL };
  AlvhJournalEntry e = { 0 };
  gint64 id;

  e.time = time;
  e.title = (char *) title;
  e.body = (char *) body;
  e.tags = (char **) tags;
  id = alvh_journal_store_add_entry (store, &e, &error);
  g_assert_no_error (error);
  return id;
}

void
test_journal_set_up (TestJournal   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_stores_set_up (&f->paths, data);
  f->store = alvh_journal_store_open (f->paths.db, &error);
  g_assert_no_error (error);
}

void
test_journal_tear_down (TestJournal   *f,
                        gconstpointer  data)
{
  /* closed before its folder goes */
  g_clear_object (&f->store);
  test_stores_tear_down (&f->paths, data);
}
