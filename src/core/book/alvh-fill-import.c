/* alvh-fill-import.c — brokers' statements into the journal as fills */
#define G_LOG_DOMAIN "alvh-book"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-fill-import.h"
#include "alvh-reconcile.h"
#include "alvh-time.h"

#define GROUP_SECONDS 60  /* legs of one expiry filled within this of each other form one order */

/* One contract of an order: its executions added up. */
typedef struct
{
  AlvhExecRight right;
  double        strike;
  double        quantity;  /* signed */
  double        value;     /* sum of |quantity| x price */
  double        fees;
} Contract;

/* Executions of one expiry and underlying that opened (or closed) together. */
typedef struct
{
  gboolean     open;
  const char  *underlying;
  gint64       expiry;
  gint64       first_time;
  gint64       last_time;
  GArray      *contracts;   /* Contract, by right then strike */
  GPtrArray   *execs;       /* AlvhBrokerExecution, borrowed */
} Group;

/* What an order is. */
typedef struct
{
  gboolean     is_condor;
  AlvhLegKind  kind;
  double       strikes[4];  /* condor: lp sp sc lc; leg: long, short (NAN) */
  double       quantity;
  double       price;       /* condor: credit or debit; leg: long minus short */
  double       fees;
} Shape;

typedef struct
{
  AlvhJournalStore   *store;
  gint64              account_id;
  AlvhFillImportFile *file;
  const char         *broker;
  gboolean            matched;  /* the last closing order found its position */
  GPtrArray          *pools;    /* CondorPool: condors being closed leg by leg */
} Ctx;

/* The closing fills of one condor's legs, when they come apart (the put side
 * bought back one day, the calls expiring another): a closing fill of the
 * condor once all four legs are closed by the same quantity. */
typedef struct
{
  gint64      condor_id;
  gint64      expiry;
  double      strikes[4];
  double      quantity[4];  /* closed, > 0 */
  double      value[4];     /* sum of quantity x price */
  double      fees;
  gint64      last_time;
  GPtrArray  *execs;        /* AlvhBrokerExecution, borrowed */
} CondorPool;

static void
group_free (Group *g)
{
  g_array_unref (g->contracts);
  g_ptr_array_unref (g->execs);
  g_free (g);
}

static void
file_free (AlvhFillImportFile *f)
{
  g_free (f->path);
  g_ptr_array_unref (f->skipped);
  g_array_unref (f->leg_ids);
  g_array_unref (f->condor_ids);
  g_free (f);
}

static void
skip_free (AlvhBrokerSkip *s)
{
  g_free (s->text);
  g_free (s->reason);
  g_free (s);
}

static void
add_skip (AlvhFillImportFile *f,
          guint               line,
          const char         *text,
          const char         *reason)
{
  AlvhBrokerSkip *s = g_new0 (AlvhBrokerSkip, 1);

  s->line = line;
  s->text = g_strdup (text);
  s->reason = g_strdup (reason);
  g_ptr_array_add (f->skipped, s);
}

static gint
exec_cmp (gconstpointer a,
          gconstpointer b)
{
  const AlvhBrokerExecution *x = *(AlvhBrokerExecution * const *) a;
  const AlvhBrokerExecution *y = *(AlvhBrokerExecution * const *) b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

static gint
contract_cmp (gconstpointer a,
              gconstpointer b)
{
  const Contract *x = a, *y = b;

  if (x->right != y->right)
    return x->right == ALVH_EXEC_PUT ? -1 : y->right == ALVH_EXEC_PUT ? 1 : (int) x->right - (int) y->right;
  if (x->strike != y->strike)
    return x->strike < y->strike ? -1 : 1;
  return (x->quantity > y->quantity) - (x->quantity < y->quantity);
}

static void
group_add (Group               *g,
           AlvhBrokerExecution *e)
{
  Contract *c = NULL;

  for (guint i = 0; i < g->contracts->len && c == NULL; i++)
    {
      Contract *k = &g_array_index (g->contracts, Contract, i);

      if (k->right == e->right && (e->right == ALVH_EXEC_FUTURE || k->strike == e->strike) &&
          (k->quantity > 0) == (e->quantity > 0))
        c = k;
    }
  if (c == NULL)
    {
      Contract k = { e->right, e->strike, 0, 0, 0 };

      g_array_append_val (g->contracts, k);
      c = &g_array_index (g->contracts, Contract, g->contracts->len - 1);
    }
  c->quantity += e->quantity;
  c->value += fabs (e->quantity) * e->price;
  c->fees += e->fees;
  g->last_time = MAX (g->last_time, e->time);
  g_ptr_array_add (g->execs, e);
}

/* The executions (sorted by time) as orders: one expiry and underlying,
 * opening or closing, within GROUP_SECONDS of the order's first fill. */
static GPtrArray *
group_executions (GPtrArray *execs)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  for (guint i = 0; i < execs->len; i++)
    {
      AlvhBrokerExecution *e = g_ptr_array_index (execs, i);
      gboolean open = e->effect == ALVH_EXEC_OPEN;
      Group *g = NULL;

      for (guint j = groups->len; j > 0 && g == NULL; j--)
        {
          Group *k = g_ptr_array_index (groups, j - 1);

          if (e->time - k->first_time >= GROUP_SECONDS)
            break;
          if (k->open == open && k->expiry == e->expiry && strcmp (k->underlying, e->underlying) == 0)
            g = k;
        }
      if (g == NULL)
        {
          g = g_new0 (Group, 1);
          g->open = open;
          g->underlying = e->underlying;
          g->expiry = e->expiry;
          g->first_time = g->last_time = e->time;
          g->contracts = g_array_new (FALSE, TRUE, sizeof (Contract));
          g->execs = g_ptr_array_new ();
          g_ptr_array_add (groups, g);
        }
      group_add (g, e);
    }
  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = g_ptr_array_index (groups, i);

      g_array_sort (g->contracts, contract_cmp);
    }
  return groups;
}

static double
avg_price (const Contract *c)
{
  return c->value / fabs (c->quantity);
}

/* What the order is; @sign +1 for an opening order, -1 for a closing one
 * (which sells what was bought). */
static gboolean
classify (const Group *g,
          double       sign,
          Shape       *out)
{
  const Contract *c = (const Contract *) g->contracts->data;
  guint n = g->contracts->len;
  double q = n > 0 ? fabs (c[0].quantity) : 0;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < 4; i++)
    out->strikes[i] = NAN;
  for (guint i = 0; i < n; i++)
    {
      out->fees += c[i].fees;
      if (fabs (fabs (c[i].quantity) - q) > 1e-9)
        return FALSE;
    }
  out->quantity = q;
  if (q <= 0 || q != floor (q))
    return FALSE;
  if (strcmp (g->underlying, "SPX") == 0)
    {
      if (n == 4 && c[0].right == ALVH_EXEC_PUT && c[1].right == ALVH_EXEC_PUT && c[2].right == ALVH_EXEC_CALL &&
          c[3].right == ALVH_EXEC_CALL && sign * c[0].quantity > 0 && sign * c[1].quantity < 0 &&
          sign * c[2].quantity < 0 && sign * c[3].quantity > 0 && c[0].strike < c[1].strike &&
          c[1].strike < c[2].strike && c[2].strike < c[3].strike)
        {
          out->is_condor = TRUE;
          for (guint i = 0; i < 4; i++)
            out->strikes[i] = c[i].strike;
          out->price = avg_price (&c[1]) - avg_price (&c[0]) + avg_price (&c[2]) - avg_price (&c[3]);
          return TRUE;
        }
      if (n == 1 && c[0].right == ALVH_EXEC_PUT && sign * c[0].quantity > 0)
        {
          out->kind = ALVH_LEG_SPX_PUT;
          out->strikes[0] = c[0].strike;
          out->price = avg_price (&c[0]);
          return TRUE;
        }
      if (n == 2 && c[0].right == ALVH_EXEC_PUT && c[1].right == ALVH_EXEC_PUT &&
          sign * c[1].quantity > 0 && sign * c[0].quantity < 0)
        {
          out->kind = ALVH_LEG_SPX_PUT_SPREAD;
          out->strikes[0] = c[1].strike;
          out->strikes[1] = c[0].strike;
          out->price = avg_price (&c[1]) - avg_price (&c[0]);
          return TRUE;
        }
      return FALSE;
    }
  if (n == 1 && sign * c[0].quantity > 0 && c[0].right != ALVH_EXEC_FUTURE)
    {
      out->kind = c[0].right == ALVH_EXEC_CALL ? ALVH_LEG_VIX_CALL : ALVH_LEG_VIX_PUT;
      out->strikes[0] = c[0].strike;
      out->price = avg_price (&c[0]);
      return TRUE;
    }
  if (n == 2 && c[0].right == ALVH_EXEC_CALL && c[1].right == ALVH_EXEC_CALL &&
      sign * c[0].quantity > 0 && sign * c[1].quantity < 0)
    {
      out->kind = ALVH_LEG_VIX_CALL_SPREAD;
      out->strikes[0] = c[0].strike;
      out->strikes[1] = c[1].strike;
      out->price = avg_price (&c[0]) - avg_price (&c[1]);
      return TRUE;
    }
  return FALSE;
}

/* Lists every execution of @g as not booked, for @reason. */
static void
skip_group (Ctx         *ctx,
            const Group *g,
            const char  *reason)
{
  for (guint i = 0; i < g->execs->len; i++)
    {
      const AlvhBrokerExecution *e = g_ptr_array_index (g->execs, i);

      add_skip (ctx->file, e->line, e->symbol, reason);
    }
}

static gboolean
record_keys (Ctx         *ctx,
             const Group *g,
             gint64       position_id,
             GError     **error)
{
  for (guint i = 0; i < g->execs->len; i++)
    {
      const AlvhBrokerExecution *e = g_ptr_array_index (g->execs, i);

      if (!alvh_journal_store_add_import_key (ctx->store, ctx->account_id, e->key, ctx->broker, position_id,
                                              e->time, error))
        return FALSE;
    }
  return TRUE;
}

/* Prefixes @error with the file and line of @g's first execution. */
static gboolean
group_error (Ctx         *ctx,
             const Group *g,
             GError     **error)
{
  const AlvhBrokerExecution *e = g_ptr_array_index (g->execs, 0);

  g_prefix_error (error, "%s:%u:1: ", ctx->file->path, e->line);
  return FALSE;
}

/* The account's condor open at @t (the latest opened), 0 when none. */
static gint64
condor_at (Ctx     *ctx,
           gint64   t,
           GError **error)
{
  g_autoptr(GPtrArray) condors = alvh_journal_store_list_open_condors (ctx->store, ctx->account_id, error);
  gint64 id = 0, opened = 0;

  if (condors == NULL)
    return -1;
  for (guint i = 0; i < condors->len; i++)
    {
      const AlvhCondor *c = g_ptr_array_index (condors, i);

      if (c->opened <= t && alvh_time_ny_day (c->expiry) >= alvh_time_ny_day (t) && c->opened >= opened)
        {
          id = c->id;
          opened = c->opened;
        }
    }
  return id;
}

static gboolean
open_leg (Ctx         *ctx,
          const Group *g,
          const Shape *s,
          GError     **error)
{
  g_autoptr(AlvhLeg) leg = alvh_leg_new ();
  gint64 id;

  leg->account_id = ctx->account_id;
  leg->kind = s->kind;
  leg->long_strike = s->strikes[0];
  leg->short_strike = s->strikes[1];
  leg->expiry = g->expiry;
  leg->quantity = s->quantity;
  leg->premium = s->price;
  leg->opened = g->last_time;
  leg->manual = TRUE;
  leg->condor_id = condor_at (ctx, leg->opened, error);
  if (leg->condor_id < 0)
    return FALSE;
  if (alvh_leg_is_vix_hedge (leg))
    {
      leg->layer = alvh_journal_store_next_layer (ctx->store, ctx->account_id, leg->condor_id, error);
      if (leg->layer == 0)
        return FALSE;
    }
  leg->decision_id = alvh_journal_store_find_proposing_decision (ctx->store, ctx->account_id, leg->opened, error);
  if (leg->decision_id < 0)
    return FALSE;
  id = alvh_journal_store_book_leg (ctx->store, leg, s->fees, error);
  if (id == 0)
    return FALSE;
  leg->id = id;
  if (leg->decision_id != 0 &&
      !alvh_journal_store_mark_decision_for_leg (ctx->store, leg->decision_id, leg, error))
    return FALSE;
  g_array_append_val (ctx->file->leg_ids, id);
  ctx->file->opened++;
  ctx->file->fills++;
  return record_keys (ctx, g, id, error);
}

static gboolean
open_condor (Ctx         *ctx,
             const Group *g,
             const Shape *s,
             GError     **error)
{
  g_autoptr(AlvhCondor) condor = alvh_condor_new ();
  gint64 id;

  condor->account_id = ctx->account_id;
  condor->long_put = s->strikes[0];
  condor->short_put = s->strikes[1];
  condor->short_call = s->strikes[2];
  condor->long_call = s->strikes[3];
  condor->expiry = g->expiry;
  condor->units = s->quantity;
  condor->credit = s->price;
  condor->opened = g->last_time;
  id = alvh_journal_store_book_condor (ctx->store, condor, s->fees, error);
  if (id == 0)
    return FALSE;
  g_array_append_val (ctx->file->condor_ids, id);
  ctx->file->opened++;
  ctx->file->fills++;
  return record_keys (ctx, g, id, error);
}

static gboolean
same (double a,
      double b)
{
  return (isnan (a) && isnan (b)) || fabs (a - b) < 1e-6;
}

/* Closes @s (a closing order) against the open positions with the same
 * contracts, oldest first. */
static gboolean
close_order (Ctx         *ctx,
             const Group *g,
             const Shape *s,
             GError     **error)
{
  g_autoptr(GPtrArray) open = s->is_condor ? alvh_journal_store_list_open_condors (ctx->store, ctx->account_id, error)
                                           : alvh_journal_store_list_open_legs (ctx->store, ctx->account_id, error);
  double left = s->quantity, fees = s->fees;
  gint64 first_id = 0;

  if (open == NULL)
    return FALSE;
  for (guint i = 0; i < open->len && left > 1e-9; i++)
    {
      gint64 id, expiry;
      double have, q;
      gboolean match;

      if (s->is_condor)
        {
          const AlvhCondor *c = g_ptr_array_index (open, i);

          id = c->id;
          expiry = c->expiry;
          match = same (c->long_put, s->strikes[0]) && same (c->short_put, s->strikes[1]) &&
                  same (c->short_call, s->strikes[2]) && same (c->long_call, s->strikes[3]);
        }
      else
        {
          const AlvhLeg *l = g_ptr_array_index (open, i);

          id = l->id;
          expiry = l->expiry;
          match = l->kind == s->kind && same (l->long_strike, s->strikes[0]) &&
                  (s->kind == ALVH_LEG_VIX_CALL_SPREAD || s->kind == ALVH_LEG_SPX_PUT_SPREAD
                   ? same (l->short_strike, s->strikes[1]) : TRUE);
        }
      if (!match || alvh_time_ny_day (expiry) != alvh_time_ny_day (g->expiry))
        continue;
      have = alvh_journal_store_open_units (ctx->store, id, s->is_condor, error);
      if (isnan (have))
        return FALSE;
      q = MIN (have, left);
      if (q <= 1e-9)
        continue;
      if (s->is_condor ? !alvh_journal_store_close_condor_fill (ctx->store, id, g->last_time, q, s->price, fees, error)
                       : !alvh_journal_store_close_leg_fill (ctx->store, id, g->last_time, q, s->price, fees, error))
        return FALSE;
      fees = 0;  /* the order's fees go with its first fill */
      left -= q;
      ctx->file->fills++;
      ctx->file->closed++;
      if (first_id == 0)
        first_id = id;
    }
  ctx->matched = first_id != 0;
  if (first_id == 0)
    return TRUE;
  if (left > 1e-9)
    {
      g_autofree char *reason = g_strdup_printf ("closes %g more than was open", left);
      const AlvhBrokerExecution *e = g_ptr_array_index (g->execs, 0);

      add_skip (ctx->file, e->line, e->symbol, reason);
    }
  return record_keys (ctx, g, first_id, error);
}

static void
pool_free (CondorPool *p)
{
  g_ptr_array_unref (p->execs);
  g_free (p);
}

/* Which leg of @c a closing execution of @k is (0 long put, 1 short put,
 * 2 short call, 3 long call), or -1. */
static int
condor_leg (const AlvhCondor *c,
            const Contract   *k)
{
  if (k->right == ALVH_EXEC_PUT && same (k->strike, c->long_put) && k->quantity < 0)
    return 0;
  if (k->right == ALVH_EXEC_PUT && same (k->strike, c->short_put) && k->quantity > 0)
    return 1;
  if (k->right == ALVH_EXEC_CALL && same (k->strike, c->short_call) && k->quantity > 0)
    return 2;
  if (k->right == ALVH_EXEC_CALL && same (k->strike, c->long_call) && k->quantity < 0)
    return 3;
  return -1;
}

static CondorPool *
pool_for (Ctx              *ctx,
          const AlvhCondor *c)
{
  CondorPool *p;

  for (guint i = 0; i < ctx->pools->len; i++)
    {
      p = g_ptr_array_index (ctx->pools, i);
      if (p->condor_id == c->id)
        return p;
    }
  p = g_new0 (CondorPool, 1);
  p->condor_id = c->id;
  p->expiry = c->expiry;
  p->execs = g_ptr_array_new ();
  g_ptr_array_add (ctx->pools, p);
  return p;
}

/* Closes the pool's condor when its four legs are closed alike. */
static gboolean
pool_flush (Ctx        *ctx,
            CondorPool *p,
            GError    **error)
{
  double q = p->quantity[0], price;

  for (guint i = 1; i < 4; i++)
    if (fabs (p->quantity[i] - q) > 1e-9)
      return TRUE;
  if (q <= 1e-9)
    return TRUE;
  price = p->value[1] / q - p->value[0] / q + p->value[2] / q - p->value[3] / q;
  if (!alvh_journal_store_close_condor_fill (ctx->store, p->condor_id, p->last_time, q, price, p->fees, error))
    return FALSE;
  ctx->file->fills++;
  ctx->file->closed++;
  for (guint i = 0; i < p->execs->len; i++)
    {
      const AlvhBrokerExecution *e = g_ptr_array_index (p->execs, i);

      if (!alvh_journal_store_add_import_key (ctx->store, ctx->account_id, e->key, ctx->broker, p->condor_id,
                                              e->time, error))
        return FALSE;
    }
  memset (p->quantity, 0, sizeof p->quantity);
  memset (p->value, 0, sizeof p->value);
  p->fees = 0;
  g_ptr_array_set_size (p->execs, 0);
  return TRUE;
}

/* A closing SPX order that is part of an open condor: into its pool.
 * FALSE in *taken when some contract is of no open condor. */
static gboolean
pool_group (Ctx         *ctx,
            const Group *g,
            gboolean    *taken,
            GError     **error)
{
  g_autoptr(GPtrArray) condors = alvh_journal_store_list_open_condors (ctx->store, ctx->account_id, error);
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  g_autoptr(GArray) legs = g_array_new (FALSE, FALSE, sizeof (int));
  CondorPool *p = NULL;

  *taken = FALSE;
  if (condors == NULL)
    return FALSE;
  for (guint k = 0; k < g->contracts->len; k++)
    {
      const Contract *c = &g_array_index (g->contracts, Contract, k);
      const AlvhCondor *hit = NULL;
      int leg = -1;

      for (guint i = 0; i < condors->len && hit == NULL; i++)
        {
          const AlvhCondor *cand = g_ptr_array_index (condors, i);

          leg = alvh_time_ny_day (cand->expiry) == alvh_time_ny_day (g->expiry) ? condor_leg (cand, c) : -1;
          if (leg >= 0)
            hit = cand;
        }
      if (hit == NULL || (hits->len > 0 && g_ptr_array_index (hits, 0) != hit))
        return TRUE;
      g_ptr_array_add (hits, (gpointer) hit);
      g_array_append_val (legs, leg);
    }
  if (hits->len == 0)
    return TRUE;
  p = pool_for (ctx, g_ptr_array_index (hits, 0));
  for (guint k = 0; k < g->contracts->len; k++)
    {
      const Contract *c = &g_array_index (g->contracts, Contract, k);
      int leg = g_array_index (legs, int, k);

      p->quantity[leg] += fabs (c->quantity);
      p->value[leg] += c->value;
      p->fees += c->fees;
    }
  for (guint i = 0; i < g->execs->len; i++)
    g_ptr_array_add (p->execs, g_ptr_array_index (g->execs, i));
  p->last_time = MAX (p->last_time, g->last_time);
  *taken = TRUE;
  return pool_flush (ctx, p, error);
}

static gboolean
book_group (Ctx         *ctx,
            const Group *g,
            GError     **error)
{
  Shape s;

  if (!classify (g, g->open ? 1.0 : -1.0, &s) && !g->open && strcmp (g->underlying, "SPX") == 0)
    {
      gboolean taken;

      if (!pool_group (ctx, g, &taken, error))
        return FALSE;
      if (!taken)
        skip_group (ctx, g, "an unmatched closing leg (of no open condor or hedge)");
      return TRUE;
    }
  if (!classify (g, g->open ? 1.0 : -1.0, &s))
    {
      const AlvhBrokerExecution *e = g_ptr_array_index (g->execs, 0);

      if (e->right == ALVH_EXEC_FUTURE)
        skip_group (ctx, g, "a VIX future (the ledger values every position at the x100 option multiplier)");
      else
        skip_group (ctx, g, g->open ? "an unmatched leg (not an iron condor, VIX call, put or call spread, SPX put or put spread)"
                                    : "an unmatched closing leg (not the whole of a condor or hedge)");
      return TRUE;
    }
  if (!g->open)
    {
      gboolean taken = FALSE;

      if (!close_order (ctx, g, &s, error))
        return FALSE;
      if (ctx->matched)
        return TRUE;
      if (strcmp (g->underlying, "SPX") == 0 && !pool_group (ctx, g, &taken, error))
        return FALSE;
      if (!taken)
        skip_group (ctx, g, "closes no open position with these contracts");
      return TRUE;
    }
  if (s.is_condor)
    return open_condor (ctx, g, &s, error);
  return open_leg (ctx, g, &s, error);
}

static gboolean
import_statement (AlvhJournalStore     *store,
                  gint64                account_id,
                  AlvhBrokerStatement  *stmt,
                  AlvhFillImportFile   *file,
                  GError              **error)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) pools = g_ptr_array_new_with_free_func ((GDestroyNotify) pool_free);
  Ctx ctx = { store, account_id, file, alvh_broker_to_string (stmt->broker), FALSE, pools };

  for (guint i = 0; i < stmt->skipped->len; i++)
    {
      const AlvhBrokerSkip *s = g_ptr_array_index (stmt->skipped, i);

      add_skip (file, s->line, s->text, s->reason);
    }
  file->executions = stmt->executions->len;
  for (guint i = 0; i < stmt->executions->len; i++)
    {
      AlvhBrokerExecution *e = g_ptr_array_index (stmt->executions, i);
      gboolean found;

      if (!alvh_journal_store_has_import_key (store, account_id, e->key, &found, error))
        return FALSE;
      if (found)
        file->duplicates++;
      else
        g_ptr_array_add (fresh, e);
    }
  g_ptr_array_sort (fresh, exec_cmp);
  groups = group_executions (fresh);
  for (guint i = 0; i < groups->len; i++)
    {
      const Group *g = g_ptr_array_index (groups, i);

      if (!book_group (&ctx, g, error))
        return group_error (&ctx, g, error);
    }
  /* legs of condors closed in part: listed, and read again next time */
  for (guint i = 0; i < pools->len; i++)
    {
      const CondorPool *p = g_ptr_array_index (pools, i);

      for (guint j = 0; j < p->execs->len; j++)
        {
          const AlvhBrokerExecution *e = g_ptr_array_index (p->execs, j);

          add_skip (file, e->line, e->symbol, "closes a leg of a condor whose other legs are not closed in this statement");
        }
    }
  return TRUE;
}

GPtrArray *
alvh_fill_import (AlvhJournalStore   *store,
                  gint64              account_id,
                  const char * const *paths,
                  AlvhBroker          broker,
                  GError            **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_free);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_broker_statement_free);
  g_autoptr(GError) local = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (store), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  /* read every file before writing anything */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      AlvhBrokerStatement *stmt = alvh_broker_statement_read (paths[i], broker, error);

      if (stmt == NULL)
        return NULL;
      g_ptr_array_add (statements, stmt);
    }
  if (!alvh_journal_store_begin_batch (store, error))
    return NULL;
  for (guint i = 0; i < statements->len && ok; i++)
    {
      AlvhBrokerStatement *stmt = g_ptr_array_index (statements, i);
      AlvhFillImportFile *f = g_new0 (AlvhFillImportFile, 1);

      f->path = g_strdup (stmt->path);
      f->broker = stmt->broker;
      f->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skip_free);
      f->leg_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      f->condor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (files, f);
      ok = import_statement (store, account_id, stmt, f, &local);
    }
  if (!alvh_journal_store_end_batch (store, ok, ok ? &local : NULL) || !ok)
    {
      if (local == NULL)
        g_set_error (&local, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID, "the import was rolled back");
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&files);
}
