/* alvh-chain-set.c — the option chains known to a market frame, by session */
#define G_LOG_DOMAIN "alvh-chain-set"

#include "config.h"

#include <math.h>

#include "alvh-calendar.h"
#include "alvh-chain-set.h"
#include "alvh-time.h"

typedef struct
{
  gint64           day;     /* New York day number of the session */
  AlvhOptionChain *chain;
} Entry;

struct _AlvhChainSet
{
  gatomicrefcount ref_count;
  GArray         *entries;  /* Entry, by day */
};

G_DEFINE_BOXED_TYPE (AlvhChainSet, alvh_chain_set, alvh_chain_set_ref, alvh_chain_set_unref)

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->chain, alvh_option_chain_unref);
}

AlvhChainSet *
alvh_chain_set_new (void)
{
  AlvhChainSet *self = g_new0 (AlvhChainSet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  return self;
}

AlvhChainSet *
alvh_chain_set_ref (AlvhChainSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
alvh_chain_set_unref (AlvhChainSet *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->entries);
  g_free (self);
}

void
alvh_chain_set_add (AlvhChainSet    *self,
                    AlvhOptionChain *chain)
{
  Entry e;
  guint i = 0;

  g_return_if_fail (self != NULL && chain != NULL);
  e.day = alvh_time_ny_day (alvh_option_chain_get_session_date (chain));
  e.chain = alvh_option_chain_ref (chain);
  while (i < self->entries->len && g_array_index (self->entries, Entry, i).day < e.day)
    i++;
  if (i < self->entries->len && g_array_index (self->entries, Entry, i).day == e.day)
    g_array_remove_index (self->entries, i);
  g_array_insert_val (self->entries, i, e);
}

guint
alvh_chain_set_get_n_chains (AlvhChainSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

AlvhOptionChain *
alvh_chain_set_get_chain (AlvhChainSet *self,
                          guint         index)
{
  g_return_val_if_fail (self != NULL && index < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, index).chain;
}

AlvhOptionChain *
alvh_chain_set_lookup (AlvhChainSet *self,
                       gint64        t)
{
  gint64 day;
  guint lo = 0, hi;

  if (self == NULL || self->entries->len == 0)
    return NULL;
  day = alvh_time_ny_day (t);
  hi = self->entries->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      gint64 d = g_array_index (self->entries, Entry, mid).day;

      if (d == day)
        return g_array_index (self->entries, Entry, mid).chain;
      if (d < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

gboolean
alvh_chain_set_atm_iv (AlvhChainSet *self,
                       gint64        t,
                       gint64        expiry,
                       double       *out)
{
  AlvhOptionChain *chain = alvh_chain_set_lookup (self, t);
  int y, m, d;
  double iv;

  if (chain == NULL)
    return FALSE;
  alvh_time_to_ny_date (expiry, &y, &m, &d);
  iv = alvh_option_chain_atm_iv (chain, alvh_time_from_ny_local (y, m, d, 16, 0, 0), NULL);
  if (!(isfinite (iv) && iv > 0.0))
    return FALSE;
  *out = iv;
  return TRUE;
}

/* the third Friday of its month: the standard (AM-settled) monthly expiry */
static gboolean
is_third_friday (gint64 day)
{
  int y, m, d;

  alvh_civil_from_days (day, &y, &m, &d);
  return alvh_weekday_from_days (day) == 5 && d >= 15 && d <= 21;
}

gboolean
alvh_chain_set_mid (AlvhChainSet   *self,
                    gint64          t,
                    gint64          expiry,
                    double          strike,
                    AlvhOptionType  type,
                    double         *out)
{
  AlvhOptionChain *chain = alvh_chain_set_lookup (self, t);
  gint64 day = alvh_time_ny_day (expiry);
  gboolean want_pm = !is_third_friday (day);
  double found = NAN;

  if (chain == NULL)
    return FALSE;
  for (guint e = 0; e < alvh_option_chain_get_n_expiries (chain); e++)
    {
      const AlvhOptionChainExpiry *ex = alvh_option_chain_get_expiry (chain, e);

      if (alvh_time_ny_day (ex->expiry) != day)
        continue;
      for (guint r = ex->first_row; r < ex->first_row + ex->n_rows; r++)
        {
          const AlvhOptionChainRow *row = alvh_option_chain_get_row (chain, r);
          double mid = type == ALVH_OPTION_CALL ? row->call.mid : row->put.mid;

          if (row->strike != strike || !isfinite (mid))
            continue;
          /* the settlement style the book's expiry means wins over the other */
          if (!isfinite (found) || ex->pm_settled == want_pm)
            found = mid;
        }
    }
  if (!isfinite (found))
    return FALSE;
  *out = found;
  return TRUE;
}

/* the chain's expiry for a book expiry: AM on a third Friday when quoted */
static const AlvhOptionChainExpiry *
find_expiry (AlvhOptionChain *chain,
             gint64           expiry)
{
  gint64 day = alvh_time_ny_day (expiry);
  gboolean want_pm = !is_third_friday (day);
  const AlvhOptionChainExpiry *found = NULL;

  for (guint e = 0; e < alvh_option_chain_get_n_expiries (chain); e++)
    {
      const AlvhOptionChainExpiry *ex = alvh_option_chain_get_expiry (chain, e);

      if (alvh_time_ny_day (ex->expiry) != day || !isfinite (ex->forward))
        continue;
      if (found == NULL || ex->pm_settled == want_pm)
        found = ex;
    }
  return found;
}

/* the row of @ex whose @type delta is nearest @target, on the out-of-the-money side */
static const AlvhOptionChainRow *
nearest_delta (AlvhOptionChain             *chain,
               const AlvhOptionChainExpiry *ex,
               AlvhOptionType               type,
               double                       target)
{
  const AlvhOptionChainRow *best = NULL;
  double best_gap = INFINITY;

  for (guint r = ex->first_row; r < ex->first_row + ex->n_rows; r++)
    {
      const AlvhOptionChainRow *row = alvh_option_chain_get_row (chain, r);
      const AlvhOptionQuote *q = type == ALVH_OPTION_CALL ? &row->call : &row->put;
      gboolean otm = type == ALVH_OPTION_CALL ? row->strike >= ex->forward : row->strike <= ex->forward;

      if (otm && isfinite (q->delta) && isfinite (q->mid) && fabs (q->delta - target) < best_gap)
        {
          best_gap = fabs (q->delta - target);
          best = row;
        }
    }
  return best;
}

/* the quoted row of @ex nearest to @strike for @type */
static const AlvhOptionChainRow *
nearest_strike (AlvhOptionChain             *chain,
                const AlvhOptionChainExpiry *ex,
                AlvhOptionType               type,
                double                       strike)
{
  const AlvhOptionChainRow *best = NULL;

  for (guint r = ex->first_row; r < ex->first_row + ex->n_rows; r++)
    {
      const AlvhOptionChainRow *row = alvh_option_chain_get_row (chain, r);
      double mid = type == ALVH_OPTION_CALL ? row->call.mid : row->put.mid;

      if (isfinite (mid) && (best == NULL || fabs (row->strike - strike) < fabs (best->strike - strike)))
        best = row;
    }
  return best;
}

gboolean
alvh_option_chain_pick_condor (AlvhOptionChain *chain,
                               gint64           expiry,
                               double           short_delta,
                               double           width,
                               AlvhChainCondor *out,
                               GError         **error)
{
  const AlvhOptionChainExpiry *ex;
  const AlvhOptionChainRow *sp, *sc, *lp = NULL, *lc = NULL;

  g_return_val_if_fail (chain != NULL && out != NULL, FALSE);
  ex = find_expiry (chain, expiry);
  sp = ex != NULL ? nearest_delta (chain, ex, ALVH_OPTION_PUT, -short_delta) : NULL;
  sc = ex != NULL ? nearest_delta (chain, ex, ALVH_OPTION_CALL, short_delta) : NULL;
  if (sp != NULL && sc != NULL)
    {
      lp = nearest_strike (chain, ex, ALVH_OPTION_PUT, sp->strike - width);
      lc = nearest_strike (chain, ex, ALVH_OPTION_CALL, sc->strike + width);
    }
  if (lp == NULL || lc == NULL || !(lp->strike < sp->strike && sp->strike < sc->strike && sc->strike < lc->strike))
    {
      g_autofree char *d = alvh_time_format_ny_date (expiry);

      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_NO_DATA,
                   "no quoted iron condor at %.2f delta and %.0f-point wings for the %s expiry in this chain",
                   short_delta, width, d);
      return FALSE;
    }
  out->expiry = alvh_time_from_ny_day (alvh_time_ny_day (expiry));
  out->long_put = lp->strike;
  out->short_put = sp->strike;
  out->short_call = sc->strike;
  out->long_call = lc->strike;
  out->short_put_delta = sp->put.delta;
  out->short_call_delta = sc->call.delta;
  out->credit = (sp->put.mid + sc->call.mid) - (lp->put.mid + lc->call.mid);
  return TRUE;
}
