/* bench-journal.c — the journal with 100k hedge legs, 10 signals each
 *
 * Builds a database of N legs (default 100000; `bench-journal N` for another
 * size), each booked from a decision with 10 signal snapshots and written with
 * its journal entry, in batches of 1000.  Then times opening the file, the
 * first page of the journal and the filter queries the journal page offers.
 * Aims: open < 200 ms, each filter < 20 ms.
 * `bench-journal --db FILE` times the queries on an existing journal only;
 * ALVH_BENCH_KEEP=1 keeps the built file.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "test-journal-util.h"

static const char *branches[] = { "regime", "fixed", "confluence", "fixed" };
static const char *tag_names[] = {
  "cpi", "fomc", "ppi", "earnings", "gap", "slippage", "lesson", "routine", "roll",
  "late-fill", "spike", "calm", "opex", "quad-witching", "breadth", "term", "inversion",
  "rebalance", "holiday", "stress",
};
static const char *words[] = {
  "volatility", "premium", "hedge", "spread", "wing", "delta", "gamma", "theta", "vega",
  "expiry", "layer", "print", "macro", "regime", "shift", "range", "bound", "drift",
  "rally", "selloff", "breadth", "divergence", "futures", "contango", "backwardation",
  "liquidity", "bid", "ask", "mid", "fill", "order", "size", "risk", "budget", "credit",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
build (const char *path,
       guint       n_legs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (path, &error);
  GRand *rand = g_rand_new_with_seed (20161);
  gint64 account, condor = 0, start = g_get_monotonic_time ();
  gint64 t0 = alvh_time_from_ny_date (2010, 1, 4);

  if (store == NULL)
    g_error ("%s", error->message);
  account = alvh_journal_store_create_account (store, "bench", &error);

  for (guint i = 0; i < n_legs; i++)
    {
      g_autoptr(AlvhDecision) d = alvh_decision_new ();
      g_autoptr(GString) body = g_string_new (NULL);
      gint64 did, leg;
      guint n_fired = 0;

      if (i % 1000 == 0 && !alvh_journal_store_begin_batch (store, &error))
        g_error ("%s", error->message);
      if (i % 3 == 0)
        {
          g_autoptr(AlvhCondor) c = alvh_condor_new ();

          c->account_id = account;
          c->long_put = 3900; c->short_put = 4000; c->short_call = 4600; c->long_call = 4700;
          c->expiry = t0 + (gint64) (i / 3) * 3600 + 45 * 86400;
          c->credit = 12;
          c->opened = t0 + (gint64) i * 3600;
          condor = alvh_journal_store_add_condor (store, c, &error);
        }

      d->account_id = account;
      d->condor_id = condor;
      d->time = t0 + (gint64) i * 3600;
      d->action = ALVH_ACTION_ADD;
      alvh_branch_from_string (branches[g_rand_int_range (rand, 0, G_N_ELEMENTS (branches))], &d->branch);
      test_decision_set_vix_spread (d, 1 + i % 3, 1 + i % 3, 20 + i % 10, d->time + 40 * 86400, 120);
      g_strlcpy (d->profile_name, "default", sizeof d->profile_name);
      d->profile_version = 1;
      d->explanation = g_strdup ("Two real-time rules fired: IV rose 22 % in 48 hours and the VIX term structure inverted.");
      for (guint k = 0; k < ALVH_N_SIGNALS; k++)
        {
          gboolean fired = g_rand_double (rand) < 0.2 || (k == 0 && n_fired == 0);
          gboolean available = g_rand_double (rand) > 0.05;
          double value = g_rand_double (rand);

          n_fired += fired;
          alvh_decision_set_signal (d, (AlvhSignalId) k, available ? value : NAN, 0.5, fired);
        }
      did = alvh_journal_store_record_decision (store, d, &error);
      for (guint w = 0; w < 30; w++)
        {
          g_string_append (body, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (body, ' ');
        }
      if (i % 5000 == 17)
        g_string_append (body, "zebracorn");   /* a rare word */
      leg = alvh_journal_store_add_leg_from_decision (store, did, NULL, 1.2, 0, body->str, NULL, &error);
      if (leg == 0)
        g_error ("%s", error->message);
      /* a quarter of the legs get extra tags */
      if (i % 4 == 0)
        {
          AlvhJournalEntry e = { 0 };
          const char *tags[] = { tag_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_names))],
                                 tag_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_names))], NULL };

          e.time = d->time + 60;
          e.title = (char *) "Note";
          e.body = body->str;
          e.tags = (char **) tags;
          e.account_id = account;
          alvh_journal_store_add_entry (store, &e, &error);
        }
      if (i % 1000 == 999 || i == n_legs - 1)
        {
          if (!alvh_journal_store_end_batch (store, TRUE, &error))
            g_error ("%s", error->message);
        }
    }
  g_rand_free (rand);
  printf ("build: %u legs x %u signals in %.0f ms (%.1f us/leg)\n", n_legs,
          (guint) ALVH_N_SIGNALS, ms_since (start), ms_since (start) * 1000.0 / n_legs);
}

static double
time_query (AlvhJournalStore        *store,
            const AlvhJournalFilter *filter,
            guint                   *out_n)
{
  g_autoptr(GError) error = NULL;
  double best = 1e9;

  for (int r = 0; r < 5; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) list = alvh_journal_store_list_entries (store, filter, &error);

      if (list == NULL)
        g_error ("%s", error->message);
      best = MIN (best, ms_since (start));
      *out_n = list->len;
    }
  return best;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("alvh-bench-journal-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "alvh.sqlite", NULL);
  gboolean reuse = argc > 2 && strcmp (argv[1], "--db") == 0;
  guint n_legs = argc > 1 && !reuse ? (guint) atoi (argv[1]) : 100000;
  gint64 start;
  double open_ms, first_ms, total_open;
  guint n = 0;
  struct {
    const char        *name;
    AlvhJournalFilter  filter;
  } queries[] = {
    { "first page (50)",           { .limit = 50 } },
    { "page 100 (offset 5000)",    { .limit = 50, .offset = 5000 } },
    { "branch=regime",             { .branch = "regime", .limit = 50 } },
    { "branch=manual (none)",      { .branch = "manual", .limit = 50 } },
    { "trigger=macro_regime",      { .trigger = "macro_regime", .limit = 50 } },
    { "trigger=extra_signal",      { .trigger = "extra_signal", .limit = 50 } },
    { "tag=slippage",              { .tag = "slippage", .limit = 50 } },
    { "tag=hedge",                 { .tag = "hedge", .limit = 50 } },
    { "fts 'contango'",            { .query = "contango", .limit = 50 } },
    { "fts rare 'zebracorn'",      { .query = "zebracorn", .limit = 50 } },
    { "fts 'back* liquidity'",     { .query = "back* liquidity", .limit = 50 } },
    { "date range (1 month)",      { .from = 0, .to = 0, .limit = 50 } },
    { "trigger+tag+fts",           { .trigger = "iv_expansion", .tag = "cpi", .query = "gamma", .limit = 50 } },
    { "branch+trigger",            { .branch = "confluence", .trigger = "book_delta", .limit = 50 } },
  };

  g_assert_no_error (error);
  queries[11].filter.from = alvh_time_from_ny_date (2015, 6, 1);
  queries[11].filter.to = alvh_time_from_ny_date (2015, 7, 1);

  if (reuse)
    {
      /* `bench-journal --db FILE`: time the queries on an existing journal */
      g_rmdir (dir);
      g_free (path);
      path = g_strdup (argv[2]);
    }
  else
    build (path, n_legs);

  /* cold-ish open: a fresh connection on the finished file */
  start = g_get_monotonic_time ();
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (path, &error);
    g_autoptr(GPtrArray) page = NULL;

    if (store == NULL)
      g_error ("%s", error->message);
    open_ms = ms_since (start);
    page = alvh_journal_store_list_entries (store, &queries[0].filter, &error);
    first_ms = ms_since (start) - open_ms;
    total_open = ms_since (start);
    printf ("open: %.2f ms, first page: %.2f ms (%u rows), open + first page: %.2f ms\n",
            open_ms, first_ms, page->len, total_open);

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        double ms = time_query (store, &queries[i].filter, &n);

        printf ("filter %-26s %7.2f ms  (%u rows)%s\n", queries[i].name, ms, n,
                ms > 20 ? "  SLOW (> 20 ms)" : "");
      }
  }
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      printf ("file: %.1f MB\n", st.st_size / 1048576.0);
  }
  if (reuse || g_getenv ("ALVH_BENCH_KEEP") != NULL)
    {
      printf ("kept: %s\n", path);
      return 0;
    }
  test_unlink_sqlite (path);
  g_rmdir (dir);
  return 0;
}
