/* test-fill-import.c — brokers' statements into the journal as fills, and reconciliation
 *
 * The fixtures (tests/fixtures/brokers/, README there) are a month of SPX
 * iron condors and VIX hedges as each broker writes them; their realised
 * totals (the sum of every option row's cash and fees) are in the README.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alvh-core.h"
#include "alvh-fill-import.h"
#include "test-util.h"

typedef struct
{
  const char *file;
  AlvhBroker  broker;
  double      realized;   /* dollars, fees included, from the README */
  double      fees;
  guint       executions;
} Fixture;

static const Fixture fixtures[] = {
  { "ibkr-flex-trades-2024-01.csv", ALVH_BROKER_IBKR, 119.40, 50.60, 33 },
  { "tastytrade-transactions-2024-01.csv", ALVH_BROKER_TASTYTRADE, 116.96, 53.04, 31 },
  { "schwab-account-statement-2024-01.csv", ALVH_BROKER_SCHWAB, 114.08, 55.92, 30 },
};

typedef struct
{
  char              *dir;
  AlvhJournalStore  *store;
  gint64             account;
} Ctx;

static void
ctx_init (Ctx *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  c->dir = test_make_tmp_dir ("alvh-fills-XXXXXX");
  path = g_build_filename (c->dir, "alvh.sqlite", NULL);
  c->store = alvh_journal_store_open (path, &error);
  g_assert_no_error (error);
  c->account = alvh_journal_store_ensure_account (c->store, "Main", &error);
  g_assert_no_error (error);
}

static void
ctx_clear (Ctx *c)
{
  g_clear_object (&c->store);
  test_rm_rf (c->dir);
  g_free (c->dir);
}

static char *
brokers_path (const char *name)
{
  g_autofree char *sub = g_build_filename ("brokers", name, NULL);

  return test_fixture_path (sub);
}

/* The account's realised P&L and fees at the end of February 2024 (no
 * market: what is open stays at cost). */
static void
ledger_totals (Ctx    *c,
               double *realized,
               double *fees,
               guint  *positions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLedger) ledger = alvh_journal_store_load_ledger (c->store, c->account, NULL, &error);
  AlvhLedgerPnl pnl;

  g_assert_no_error (error);
  alvh_ledger_total_at (ledger, alvh_time_from_ny_date (2024, 2, 29), 0, &pnl);
  *realized = pnl.realized;
  *fees = pnl.fees;
  *positions = alvh_ledger_get_n_positions (ledger);
}

static AlvhFillImportFile *
import_one (Ctx        *c,
            const char *path,
            GPtrArray **keep)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;

  *keep = alvh_fill_import (c->store, c->account, paths, ALVH_BROKER_AUTO, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*keep);
  return g_ptr_array_index (*keep, 0);
}

static void
test_broker (gconstpointer data)
{
  const Fixture *fx = data;
  g_autofree char *path = brokers_path (fx->file);
  g_autoptr(GPtrArray) first = NULL, again = NULL;
  AlvhFillImportFile *f;
  double realized, fees, realized2, fees2;
  guint n, n2;
  Ctx c = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 keys;

  ctx_init (&c);
  f = import_one (&c, path, &first);
  g_assert_cmpint (f->broker, ==, fx->broker);
  g_assert_cmpuint (f->executions, ==, fx->executions);
  g_assert_cmpuint (f->duplicates, ==, 0);
  /* two condors (one opened as two orders, with a partial fill) and three VIX hedges */
  g_assert_cmpuint (f->condor_ids->len, ==, 2);
  g_assert_cmpuint (f->leg_ids->len, ==, 3);
  g_assert_cmpuint (f->opened, ==, 5);
  /* every close, the partial close of the second condor and its last unit */
  g_assert_cmpuint (f->closed, ==, 6);
  g_assert_cmpuint (f->fills, ==, 11);
  g_assert_cmpuint (f->skipped->len, >=, 1);  /* the SPY stock row is listed */

  ledger_totals (&c, &realized, &fees, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat_with_epsilon (realized, fx->realized, 0.005);
  g_assert_cmpfloat_with_epsilon (fees, fx->fees, 0.005);
  keys = alvh_journal_store_count_import_keys (c.store, c.account, &error);
  g_assert_no_error (error);

  /* again: nothing changes */
  f = import_one (&c, path, &again);
  g_assert_cmpuint (f->fills, ==, 0);
  g_assert_cmpuint (f->opened, ==, 0);
  g_assert_cmpuint (f->duplicates, ==, (guint) keys);
  ledger_totals (&c, &realized2, &fees2, &n2);
  g_assert_cmpuint (n2, ==, n);
  g_assert_cmpfloat (realized2, ==, realized);
  g_assert_cmpfloat (fees2, ==, fees);
  g_assert_cmpint (alvh_journal_store_count_import_keys (c.store, c.account, &error), ==, keys);
  ctx_clear (&c);
}

/* The first @n_lines lines of @src into @dest. */
static void
write_head (const char *src,
            const char *dest,
            guint       n_lines)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (src, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, n_lines);
  g_free (lines[n_lines]);
  lines[n_lines] = g_strdup ("");
  for (guint i = n_lines + 1; lines[i] != NULL; i++)
    g_clear_pointer (&lines[i], g_free);
  g_free (text);
  text = g_strjoinv ("\n", lines);
  g_file_set_contents (dest, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_overlap (void)
{
  g_autofree char *full = brokers_path ("ibkr-flex-trades-2024-01.csv");
  g_autofree char *half = NULL;
  g_autoptr(GPtrArray) r1 = NULL, r2 = NULL;
  AlvhFillImportFile *f;
  double realized, fees;
  guint n;
  Ctx c = { 0 };

  ctx_init (&c);
  half = g_build_filename (c.dir, "first-half.csv", NULL);
  /* the header and the first 15 executions (to 2024-01-16) */
  write_head (full, half, 16);
  f = import_one (&c, half, &r1);
  g_assert_cmpuint (f->executions, ==, 15);
  g_assert_cmpuint (f->opened, ==, 3);
  g_assert_cmpuint (f->closed, ==, 1);
  f = import_one (&c, full, &r2);
  g_assert_cmpuint (f->duplicates, ==, 15);
  g_assert_cmpuint (f->opened, ==, 2);
  g_assert_cmpuint (f->closed, ==, 5);
  ledger_totals (&c, &realized, &fees, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat_with_epsilon (realized, 119.40, 0.005);
  ctx_clear (&c);
}

static void
test_malformed (void)
{
  g_autofree char *good = brokers_path ("tastytrade-transactions-2024-01.csv");
  g_autofree char *bad = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) condors = NULL;
  g_autofree char *expected = NULL;
  char *at;
  Ctx c = { 0 };
  const char *paths[3];

  ctx_init (&c);
  bad = g_build_filename (c.dir, "ibkr-bad.csv", NULL);
  {
    g_autofree char *src = brokers_path ("ibkr-flex-trades-2024-01.csv");

    g_file_get_contents (src, &text, NULL, &error);
    g_assert_no_error (error);
  }
  /* line 6's strike (the 9th column) "4850" becomes "48S0" */
  at = strstr (text, ",100,4850,20240119,C,");
  g_assert_nonnull (at);
  at[7] = 'S';
  g_file_set_contents (bad, text, -1, &error);
  g_assert_no_error (error);

  paths[0] = good;
  paths[1] = bad;
  paths[2] = NULL;
  files = alvh_fill_import (c.store, c.account, paths, ALVH_BROKER_AUTO, &error);
  g_assert_null (files);
  g_assert_error (error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_VALUE);
  expected = g_strdup_printf ("%s:5:", bad);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_nonnull (strstr (error->message, "“48S0” is not a number"));
  g_clear_error (&error);
  /* all or nothing: the good file is not in the journal either */
  condors = alvh_journal_store_list_condors (c.store, c.account, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (condors->len, ==, 0);
  g_assert_cmpint (alvh_journal_store_count_import_keys (c.store, 0, &error), ==, 0);
  ctx_clear (&c);
}

/* A multiplier of 0 or less is refused in either broker's statement, with
 * the file, the line and the column: every money figure is price times it */
static void
test_multiplier_not_positive (void)
{
  static const char *const statements[][2] = {
    { "ibkr-m0.csv",
      "ClientAccountID,AssetClass,Symbol,UnderlyingSymbol,Multiplier,Strike,Expiry,Put/Call,IBExecID,DateTime,Open/CloseIndicator,Quantity,TradePrice,IBCommission,Notes/Codes\n"
      "U0,OPT,SPXW  240209P04800000,SPX,100,4800,20240209,P,e1,20240205;100000,O,1,1.10,-1.05,\n"
      "U0,OPT,SPXW  240209P04825000,SPX,0,4825,20240209,P,e2,20240205;100000,O,-1,1.60,-1.05,\n" },
    { "tastytrade-m-neg.csv",
      "Date,Type,Sub Type,Action,Symbol,Instrument Type,Description,Value,Quantity,Average Price,Commissions,Fees,Multiplier,Root Symbol,Underlying Symbol,Expiration Date,Strike Price,Call or Put,Order #,Currency\n"
      "2024-01-31T10:00:00-0500,Trade,Sell to Open,SELL_TO_OPEN,SPXW  240209P04825000,Equity Option,Sold 1 SPXW,160.00,1,160.00,-1.00,-0.05,-100,SPXW,SPX,2/9/24,4825,PUT,1,USD\n" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (statements); k++)
    {
      g_autofree char *path = NULL;
      g_autofree char *where = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) files = NULL;
      const char *paths[2];
      Ctx c = { 0 };

      ctx_init (&c);
      path = g_build_filename (c.dir, statements[k][0], NULL);
      g_file_set_contents (path, statements[k][1], -1, &error);
      g_assert_no_error (error);
      paths[0] = path;
      paths[1] = NULL;
      files = alvh_fill_import (c.store, c.account, paths, ALVH_BROKER_AUTO, &error);
      g_assert_null (files);
      g_assert_error (error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_VALUE);
      where = g_strdup_printf ("%s:%u:", path, k == 0 ? 3u : 2u);
      g_assert_true (g_str_has_prefix (error->message, where));
      g_assert_nonnull (strstr (error->message, "the multiplier is not above 0"));
      ctx_clear (&c);
    }
}

/* A condor closed leg by leg: the put side bought back, the calls expiring
 * worthless two days later, become one closing fill of the condor. */
static void
test_legwise_close (void)
{
  static const char text[] =
    "ClientAccountID,AssetClass,Symbol,UnderlyingSymbol,Multiplier,Strike,Expiry,Put/Call,IBExecID,DateTime,Open/CloseIndicator,Quantity,TradePrice,IBCommission,Notes/Codes\n"
    "U0,OPT,SPXW  240209P04800000,SPX,100,4800,20240209,P,e1,20240205;100000,O,1,1.10,-1.05,\n"
    "U0,OPT,SPXW  240209P04825000,SPX,100,4825,20240209,P,e2,20240205;100000,O,-1,1.60,-1.05,\n"
    "U0,OPT,SPXW  240209C05050000,SPX,100,5050,20240209,C,e3,20240205;100000,O,-1,1.40,-1.05,\n"
    "U0,OPT,SPXW  240209C05075000,SPX,100,5075,20240209,C,e4,20240205;100000,O,1,0.70,-1.05,\n"
    "U0,OPT,SPXW  240209P04800000,SPX,100,4800,20240209,P,e5,20240207;141500,C,-1,0.20,-1.05,\n"
    "U0,OPT,SPXW  240209P04825000,SPX,100,4825,20240209,P,e6,20240207;141500,C,1,0.35,-1.05,\n"
    "U0,OPT,SPXW  240209C05050000,SPX,100,5050,20240209,C,e7,20240209;162000,C,1,0,0,Ep\n"
    "U0,OPT,SPXW  240209C05075000,SPX,100,5075,20240209,C,e8,20240209;162000,C,-1,0,0,Ep\n";
  g_autofree char *path = NULL;
  g_autofree char *half = NULL;
  g_autoptr(GPtrArray) r1 = NULL, r2 = NULL;
  g_autoptr(GError) error = NULL;
  AlvhFillImportFile *f;
  double realized, fees;
  guint n;
  Ctx c = { 0 };

  ctx_init (&c);
  path = g_build_filename (c.dir, "legwise.csv", NULL);
  half = g_build_filename (c.dir, "legwise-half.csv", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  /* up to the put side's close: that part is listed, not booked */
  write_head (path, half, 7);
  f = import_one (&c, half, &r1);
  g_assert_cmpuint (f->opened, ==, 1);
  g_assert_cmpuint (f->closed, ==, 0);
  g_assert_cmpuint (f->skipped->len, ==, 2);
  /* the whole statement: the condor closes at (0.35 - 0.20) + (0 - 0) */
  f = import_one (&c, path, &r2);
  g_assert_cmpuint (f->duplicates, ==, 4);
  g_assert_cmpuint (f->closed, ==, 1);
  g_assert_cmpuint (f->skipped->len, ==, 0);
  ledger_totals (&c, &realized, &fees, &n);
  /* credit 1.20 - debit 0.15 = 1.05 points = $105, minus 6 x $1.05 */
  g_assert_cmpfloat_with_epsilon (realized, 105 - 6.30, 0.005);
  g_assert_cmpfloat_with_epsilon (fees, 6.30, 0.005);
  ctx_clear (&c);
}

static gint64
record (Ctx        *c,
        const char *when,
        AlvhAction  action,
        AlvhLegKind kind,
        double      long_k,
        double      short_k,
        double      size)
{
  g_autoptr(AlvhDecision) d = alvh_decision_new ();
  g_autoptr(GError) error = NULL;
  int y, mo, day, h, mi;
  gint64 id;

  g_assert_cmpint (sscanf (when, "%d-%d-%d %d:%d", &y, &mo, &day, &h, &mi), ==, 5);
  d->account_id = c->account;
  d->time = alvh_time_from_ny_local (y, mo, day, h, mi, 0);
  d->action = action;
  d->branch = action == ALVH_ACTION_ADD ? ALVH_BRANCH_CONFLUENCE : ALVH_BRANCH_NONE;
  if (action != ALVH_ACTION_HOLD)
    {
      d->has_leg = TRUE;
      d->layer = 1;
      d->size = size;
      d->leg.kind = kind;
      d->leg.long_strike = long_k;
      d->leg.short_strike = short_k;
      d->leg.expiry = alvh_time_from_ny_date (2024, 2, 14);
      d->leg.quantity = size;
      d->leg.premium = 0.9;
    }
  id = alvh_journal_store_record_decision (c->store, d, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_reconcile (void)
{
  g_autofree char *path = brokers_path ("ibkr-flex-trades-2024-01.csv");
  g_autoptr(GPtrArray) r = NULL;
  g_autoptr(AlvhReconciliation) rec = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDecision) back = NULL;
  AlvhFillImportFile *f;
  const AlvhReconcileItem *it;
  gint64 follow, deviate, skipped, hold, blocked;
  Ctx c = { 0 };

  ctx_init (&c);
  /* proposes exactly spread A (16/22, 3 contracts, filled at 11:02) */
  follow = record (&c, "2024-01-03 10:45", ALVH_ACTION_ADD, ALVH_LEG_VIX_CALL_SPREAD, 16, 22, 3);
  /* proposes a 20/26 spread of 2; a single 20 call of 2 was bought (B) */
  deviate = record (&c, "2024-01-18 09:50", ALVH_ACTION_ADD, ALVH_LEG_VIX_CALL_SPREAD, 20, 26, 2);
  /* an ADD after the fill of that day does not count for it (C stays unprompted, the ADD skipped) */
  record (&c, "2024-01-22 12:00", ALVH_ACTION_ADD, ALVH_LEG_VIX_CALL_SPREAD, 18, 25, 2);
  skipped = record (&c, "2024-01-25 10:00", ALVH_ACTION_ADD, ALVH_LEG_VIX_CALL_SPREAD, 17, 23, 2);
  hold = record (&c, "2024-01-26 10:00", ALVH_ACTION_HOLD, ALVH_LEG_VIX_CALL, 0, NAN, 0);
  blocked = record (&c, "2024-01-29 10:00", ALVH_ACTION_BLOCKED, ALVH_LEG_VIX_CALL_SPREAD, 17, 23, 4);

  f = import_one (&c, path, &r);
  g_assert_cmpuint (f->leg_ids->len, ==, 3);
  rec = alvh_journal_store_reconcile (c.store, c.account, alvh_time_from_ny_date (2024, 3, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rec->counts[ALVH_ADHERENCE_FOLLOWED], ==, 1);
  g_assert_cmpuint (rec->counts[ALVH_ADHERENCE_DEVIATED], ==, 1);
  g_assert_cmpuint (rec->counts[ALVH_ADHERENCE_UNPROMPTED], ==, 1);
  g_assert_cmpuint (rec->counts[ALVH_ADHERENCE_SKIPPED], ==, 2);

  it = alvh_reconciliation_lookup_leg (rec, g_array_index (f->leg_ids, gint64, 0));
  g_assert_nonnull (it);
  g_assert_cmpint (it->adherence, ==, ALVH_ADHERENCE_FOLLOWED);
  g_assert_cmpint (it->decision_id, ==, follow);
  it = alvh_reconciliation_lookup_leg (rec, g_array_index (f->leg_ids, gint64, 1));
  g_assert_cmpint (it->adherence, ==, ALVH_ADHERENCE_DEVIATED);
  g_assert_cmpint (it->decision_id, ==, deviate);
  g_assert_cmpuint (it->deviation, ==, ALVH_DEVIATION_KIND | ALVH_DEVIATION_STRIKES);
  {
    g_autofree char *how = alvh_deviation_to_string (it->deviation);

    g_assert_cmpstr (how, ==, "kind, strikes");
  }
  it = alvh_reconciliation_lookup_leg (rec, g_array_index (f->leg_ids, gint64, 2));
  g_assert_cmpint (it->adherence, ==, ALVH_ADHERENCE_UNPROMPTED);
  g_assert_cmpint (it->decision_id, ==, 0);

  /* the stored status follows, and every decision has its real status */
  back = alvh_journal_store_get_decision (c.store, follow, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->followed, ==, ALVH_DECISION_FOLLOWED);
  g_assert_cmpstr (alvh_reconciliation_decision_status (rec, back), ==, "followed");
  g_clear_pointer (&back, alvh_decision_free);
  back = alvh_journal_store_get_decision (c.store, deviate, &error);
  g_assert_cmpint (back->followed, ==, ALVH_DECISION_MANUAL);
  g_assert_cmpstr (alvh_reconciliation_decision_status (rec, back), ==, "deviated");
  g_clear_pointer (&back, alvh_decision_free);
  back = alvh_journal_store_get_decision (c.store, skipped, &error);
  g_assert_cmpstr (alvh_reconciliation_decision_status (rec, back), ==, "skipped");
  g_clear_pointer (&back, alvh_decision_free);
  back = alvh_journal_store_get_decision (c.store, hold, &error);
  g_assert_cmpstr (alvh_reconciliation_decision_status (rec, back), ==, "hold");
  g_clear_pointer (&back, alvh_decision_free);
  back = alvh_journal_store_get_decision (c.store, blocked, &error);
  g_assert_cmpstr (alvh_reconciliation_decision_status (rec, back), ==, "blocked");
  ctx_clear (&c);
}


/* A leg entered by hand goes through the same rule: linked to the latest ADD
 * of its day at or before its fill, followed or deviated (size). */
static void
test_hand_entered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLeg) leg = alvh_leg_new ();
  g_autoptr(AlvhReconciliation) rec = NULL;
  g_autoptr(AlvhDecision) back = NULL;
  const AlvhReconcileItem *it;
  gint64 early, late, id, linked;
  Ctx c = { 0 };

  ctx_init (&c);
  early = record (&c, "2024-01-03 09:45", ALVH_ACTION_ADD, ALVH_LEG_VIX_CALL_SPREAD, 16, 22, 3);
  late = record (&c, "2024-01-03 10:45", ALVH_ACTION_ADD, ALVH_LEG_VIX_CALL_SPREAD, 16, 22, 3);
  record (&c, "2024-01-03 11:30", ALVH_ACTION_ADD, ALVH_LEG_VIX_CALL_SPREAD, 16, 22, 3);
  leg->account_id = c.account;
  leg->kind = ALVH_LEG_VIX_CALL_SPREAD;
  leg->long_strike = 16;
  leg->short_strike = 22;
  leg->expiry = alvh_time_from_ny_date (2024, 2, 14);
  leg->quantity = 2;  /* the decision said 3 */
  leg->premium = 0.9;
  leg->opened = alvh_time_from_ny_local (2024, 1, 3, 11, 2, 30);
  leg->manual = TRUE;
  linked = alvh_journal_store_find_proposing_decision (c.store, c.account, leg->opened, &error);
  g_assert_no_error (error);
  g_assert_cmpint (linked, ==, late);
  leg->decision_id = linked;
  id = alvh_journal_store_book_leg (c.store, leg, 1.72, &error);
  g_assert_no_error (error);
  g_assert_true (alvh_journal_store_mark_decision_for_leg (c.store, linked, leg, &error));
  g_assert_no_error (error);
  back = alvh_journal_store_get_decision (c.store, late, &error);
  g_assert_cmpint (back->followed, ==, ALVH_DECISION_MANUAL);

  rec = alvh_journal_store_reconcile (c.store, c.account, alvh_time_from_ny_date (2024, 1, 3), &error);
  g_assert_no_error (error);
  it = alvh_reconciliation_lookup_leg (rec, id);
  g_assert_cmpint (it->adherence, ==, ALVH_ADHERENCE_DEVIATED);
  g_assert_cmpuint (it->deviation, ==, ALVH_DEVIATION_SIZE);
  /* the same day: the other ADDs are still pending, not skipped */
  g_assert_cmpuint (rec->counts[ALVH_ADHERENCE_PENDING], ==, 2);
  g_assert_cmpuint (rec->counts[ALVH_ADHERENCE_SKIPPED], ==, 0);
  (void) early;
  ctx_clear (&c);
}

static void
test_detect (void)
{
  g_assert_cmpint (alvh_broker_detect ("Date,Open,High,Low,Close\n", 25), ==, ALVH_BROKER_AUTO);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = brokers_path (fixtures[i].file);
      g_autofree char *text = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      g_assert_cmpint (alvh_broker_detect (text, len), ==, fixtures[i].broker);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/fill-import/detect", test_detect);
  g_test_add_func ("/core/fill-import/multiplier-not-positive", test_multiplier_not_positive);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/fill-import/%s", alvh_broker_to_string (fixtures[i].broker));

      g_test_add_data_func (name, &fixtures[i], test_broker);
    }
  g_test_add_func ("/core/fill-import/overlap", test_overlap);
  g_test_add_func ("/core/fill-import/malformed", test_malformed);
  g_test_add_func ("/core/fill-import/legwise-close", test_legwise_close);
  g_test_add_func ("/core/fill-import/reconcile", test_reconcile);
  g_test_add_func ("/core/fill-import/hand-entered", test_hand_entered);
  return g_test_run ();
}
