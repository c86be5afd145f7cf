/* alvh-hedge-memo.c — the VIX hedge calls of one bar, each priced once
 *
 * Section 4 prices a hedge call on the VX future of its expiry at the VVIX
 * volatility of the bar.  The evaluator asks for those calls three times a
 * bar (book_delta, the mark, the proposed leg); this memo keeps, for the bar
 * last asked about, each expiry's time and forward, each distinct call's
 * price and delta, and each open leg's value.  See
 * alvh-hedge-memo-private.h.
 */
#define G_LOG_DOMAIN "alvh-evaluator"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-calendar.h"
#include "alvh-day-cache-private.h"
#include "alvh-hedge-memo-private.h"
#include "alvh-position-private.h"

void
_alvh_hedge_memo_init (AlvhHedgeMemo         *self,
                       const AlvhMarketFrame *frame,
                       const gint32          *day,
                       const AlvhProfile     *profile)
{
  memset (self, 0, sizeof *self);
  self->frame = frame;
  self->day = day;
  self->profile = profile;
  self->ex_bar = G_MAXSIZE;
  self->ex_day = G_MININT64;
  self->row_bar = G_MAXSIZE;
  self->call_bar = G_MAXSIZE;
}

/* Section 4: the settle of the future that expires k VIX expiries after bar
 * i's date (k = alvh_calendar_vix_term ()), seen at bar i; VIX when unknown */
static double
forward_of_term (AlvhHedgeMemo *self,
                 gsize          i,
                 guint          k)
{
  const AlvhMarketFrame *f = self->frame;

  if (k >= 1 && k <= ALVH_VX_TERMS && isfinite (f->vx[k - 1][i]) && f->vx[k - 1][i] > 0.0)
    return f->vx[k - 1][i];
  return f->vix[i];
}

/* Starts bar i: on another day the times and terms are dropped; on another
 * bar of the same day they hold and the forwards move */
static void
memo_begin_bar (AlvhHedgeMemo *self,
                gsize          i)
{
  if (self->ex_bar == i)
    return;
  if (self->ex_day != self->day[i])
    {
      self->ex_day = self->day[i];
      self->ex_n = 0;
      self->plan_stamp = 0; /* its calls name expiries no longer kept */
    }
  self->ex_bar = i;
  for (guint k = 0; k < MIN (self->ex_n, ALVH_HEDGE_TERMS); k++)
    self->ex[k].fwd = forward_of_term (self, i, self->ex[k].term);
}

const AlvhHedgeExpiry *
_alvh_hedge_memo_expiry_fill (AlvhHedgeMemo *self,
                              gsize          i,
                              gint64         expiry)
{
  const gint64 eday = _alvh_ny_day_cached (expiry);
  AlvhHedgeExpiry *e;

  if (self->ex_bar != i)
    {
      memo_begin_bar (self, i);
      for (guint k = 0; k < MIN (self->ex_n, ALVH_HEDGE_TERMS); k++)
        if (self->ex[k].expiry == expiry)
          return &self->ex[k];
    }
  e = &self->ex[self->ex_n++ % ALVH_HEDGE_TERMS];
  e->expiry = expiry;
  e->t = (double) (eday - self->day[i]) / 365.0;
  e->term = alvh_calendar_vix_term (self->day[i], eday);
  if (e->t > 0.0)
    alvh_expiry_terms_init (&e->terms, ALVH_MODEL_BLACK_76, e->t, self->profile->rate, 0.0);
  e->fwd = forward_of_term (self, i, e->term);
  return e;
}

/* The memo slot of a hedge call of bar i, or -1.  At one bar the forward
 * and the volatility are those of the expiry and the bar, so the expiry and
 * the strike name the call. */
static int
hedge_call_find (AlvhHedgeMemo *self,
                 gsize          i,
                 gint64         expiry,
                 double         k)
{
  if (self->call_bar == i)
    for (guint n = 0; n < self->call_n; n++)
      if (self->call_expiry[n] == expiry && self->call_strike[n] == k)
        return (int) n;
  return -1;
}

/* The price and delta of one hedge call of @ex as the memo's batch gives
 * them (_alvh_black76_calls_price_delta ()), or, expired or at no
 * volatility, alvh_black76_price () and _delta (): a call past the memo's
 * room is worth what it would be in it */
static void
hedge_call_alone (AlvhHedgeMemo         *self,
                  const AlvhHedgeExpiry *ex,
                  double                 k,
                  double                 vol,
                  double                *price,
                  double                *delta)
{
  double fwd = ex->fwd;

  if (ex->t > 0.0 && vol > 0.0)
    {
      const AlvhExpiryTerms *e = &ex->terms;

      _alvh_black76_calls_price_delta (1, &e, &fwd, &k, &vol, price, delta);
      return;
    }
  *price = alvh_black76_price (ALVH_OPTION_CALL, fwd, k, ex->t, vol, self->profile->rate);
  *delta = alvh_black76_delta (ALVH_OPTION_CALL, fwd, k, ex->t, vol, self->profile->rate);
}

/* Adds the calls of bar i's open hedge legs that the memo lacks, in the
 * order the legs name them, while it has room: priced together
 * (_alvh_black76_calls_price_delta (), each call as if alone), or, expired
 * or at no volatility, by alvh_black76_price () and _delta ().  The memo
 * slots of the first ALVH_HEDGE_ROWS legs' long and short calls go to @slots
 * (-1: past the memo's room). */
static void
hedge_calls_price (AlvhHedgeMemo *self,
                   gsize          i,
                   AlvhBook      *book,
                   double         vol,
                   int            slots[ALVH_HEDGE_ROWS][2])
{
  const guint n_legs = _alvh_book_n_legs (book);
  /* copies: with more expiries than the memo keeps, a later one takes the
   * slot of an earlier one */
  AlvhExpiryTerms held[ALVH_HEDGE_CALLS];
  const AlvhExpiryTerms *terms[ALVH_HEDGE_CALLS];
  double f[ALVH_HEDGE_CALLS], k[ALVH_HEDGE_CALLS], vols[ALVH_HEDGE_CALLS];
  double price[ALVH_HEDGE_CALLS], delta[ALVH_HEDGE_CALLS];
  guint slot[ALVH_HEDGE_CALLS], n = 0, n_held = 0;

  G_STATIC_ASSERT (ALVH_HEDGE_CALLS <= ALVH_CALL_BATCH);

  if (self->call_bar != i)
    {
      self->call_bar = i;
      self->call_n = 0;
    }
  for (guint l = 0; l < n_legs; l++)
    {
      const AlvhLeg *leg = _alvh_book_leg (book, l);
      const guint n_strikes = leg->kind == ALVH_LEG_VIX_CALL_SPREAD ? 2 : 1;
      const AlvhHedgeExpiry *ex;

      if (l < ALVH_HEDGE_ROWS)
        slots[l][0] = slots[l][1] = -1;
      if (_alvh_leg_open_quantity (leg) <= 0.0 || leg->kind == ALVH_LEG_VIX_FUTURE)
        continue;
      ex = _alvh_hedge_memo_expiry_at (self, i, leg->expiry);
      for (guint s = 0; s < n_strikes; s++)
        {
          const double strike = s == 0 ? leg->long_strike : leg->short_strike;
          int m = hedge_call_find (self, i, leg->expiry, strike);
          guint h;

          if (m < 0 && self->call_n < ALVH_HEDGE_CALLS)
            {
              m = (int) self->call_n++;
              self->call_expiry[m] = leg->expiry;
              self->call_strike[m] = strike;
              self->call_ex[m] = (guint8) (ex - self->ex);
              if (!(ex->t > 0.0 && vol > 0.0))
                hedge_call_alone (self, ex, strike, vol, &self->call_price[m], &self->call_delta[m]);
              else
                {
                  for (h = 0; h < n_held && held[h].t != ex->t; h++)
                    ;
                  if (h == n_held)
                    held[n_held++] = ex->terms;
                  terms[n] = &held[h];
                  f[n] = ex->fwd;
                  k[n] = strike;
                  vols[n] = vol;
                  slot[n] = (guint) m;
                  n++;
                }
            }
          if (l < ALVH_HEDGE_ROWS)
            slots[l][s] = m;
        }
    }
  if (n == 0)
    return;
  _alvh_black76_calls_price_delta (n, terms, f, k, vols, price, delta);
  for (guint j = 0; j < n; j++)
    {
      self->call_price[slot[j]] = price[j];
      self->call_delta[slot[j]] = delta[j];
    }
}

/* The delta of a hedge leg's call of memo slot @m, or priced on its own */
static inline double
hedge_slot_delta (AlvhHedgeMemo         *self,
                  int                    m,
                  const AlvhHedgeExpiry *ex,
                  double                 k,
                  double                 vol)
{
  double price, delta;

  if (m >= 0)
    return self->call_delta[m];
  hedge_call_alone (self, ex, k, vol, &price, &delta);
  return delta;
}

/* _alvh_hedge_memo_legs_delta () by the plan: the plan's calls priced in
 * their slots at the bar's forwards and @vol, then the rows (every open leg,
 * in the book's order).  The same calls, the same order and the same
 * arithmetic as the pass that made the plan: the same figures to the bit. */
static double
legs_delta_planned (AlvhHedgeMemo *self,
                    gsize          i,
                    double         vol)
{
  const AlvhExpiryTerms *terms[ALVH_HEDGE_CALLS];
  double f[ALVH_HEDGE_CALLS], vols[ALVH_HEDGE_CALLS];
  const guint n = self->call_n;
  double vix_delta = 0.0;

  for (guint j = 0; j < n; j++)
    {
      const AlvhHedgeExpiry *ex = &self->ex[self->call_ex[j]];

      terms[j] = &ex->terms;
      f[j] = ex->fwd;
      vols[j] = vol;
    }
  if (n > 0)
    _alvh_black76_calls_price_delta (n, terms, f, self->call_strike, vols,
                                     self->call_price, self->call_delta);
  self->call_bar = i;
  self->row_bar = i;
  for (guint r = 0; r < self->row_n; r++)
    {
      AlvhHedgeRow *row = &self->row[r];

      vix_delta += row->qty * self->call_delta[row->ml];
      if (row->ms >= 0)
        {
          vix_delta -= row->qty * self->call_delta[row->ms];
          row->value = self->call_price[row->ml] - self->call_price[row->ms];
        }
      else
        row->value = self->call_price[row->ml];
    }
  return vix_delta;
}

/* The VIX delta of bar i's open hedge legs, in the book's order: quantity
 * times the delta of the long call, less the short call's; one for a
 * future.  Keeps the value per unit of each leg whose calls the memo holds
 * (hedge_call_price ()'s figures) for the mark of the bar.
 *
 * A bar that starts the memo afresh (no call of the bar priced yet) makes
 * the plan of the book for the rest of the day when every open leg is an
 * option leg whose calls are priced together and kept, with its row; the
 * later bars of the day, with the book unchanged, go by the plan
 * (legs_delta_planned ()). */
double
_alvh_hedge_memo_legs_delta (AlvhHedgeMemo *self,
                             gsize          i,
                             AlvhBook      *book,
                             double         vol)
{
  int slots[ALVH_HEDGE_ROWS][2];
  double vix_delta = 0.0;
  const guint n_legs = _alvh_book_n_legs (book);
  const gboolean fresh = self->call_bar != i;
  gboolean plan = fresh && vol > 0.0 && n_legs <= ALVH_HEDGE_ROWS;

  /* another day drops the plan (memo_begin_bar ()); more expiries in the
   * day than the memo keeps may have taken the slots of the plan's */
  memo_begin_bar (self, i);
  if (plan && self->plan_stamp == _alvh_book_stamp (book) && self->ex_n <= ALVH_HEDGE_TERMS)
    return legs_delta_planned (self, i, vol);
  self->plan_stamp = 0;

  hedge_calls_price (self, i, book, vol, slots);
  self->row_bar = i;
  self->row_n = 0;
  for (guint l = 0; l < n_legs; l++)
    {
      const AlvhLeg *leg = _alvh_book_leg (book, l);
      const double qty = _alvh_leg_open_quantity (leg);
      const gboolean spread = leg->kind == ALVH_LEG_VIX_CALL_SPREAD;
      const AlvhHedgeExpiry *ex;
      int ml, ms = -1;

      if (qty <= 0.0)
        continue;
      if (leg->kind == ALVH_LEG_VIX_FUTURE)
        {
          vix_delta += qty;
          plan = FALSE;
          continue;
        }
      ex = _alvh_hedge_memo_expiry_at (self, i, leg->expiry);
      ml = l < ALVH_HEDGE_ROWS ? slots[l][0] : hedge_call_find (self, i, leg->expiry, leg->long_strike);
      vix_delta += qty * hedge_slot_delta (self, ml, ex, leg->long_strike, vol);
      if (spread)
        {
          ms = l < ALVH_HEDGE_ROWS ? slots[l][1] : hedge_call_find (self, i, leg->expiry, leg->short_strike);
          vix_delta -= qty * hedge_slot_delta (self, ms, ex, leg->short_strike, vol);
        }
      if (ex->t > 0.0 && ml >= 0 && (!spread || ms >= 0) && self->row_n < ALVH_HEDGE_ROWS)
        {
          AlvhHedgeRow *row = &self->row[self->row_n++];

          row->index = l;
          row->kind = leg->kind;
          row->expiry = leg->expiry;
          row->long_strike = leg->long_strike;
          row->short_strike = leg->short_strike;
          row->value = spread ? self->call_price[ml] - self->call_price[ms] : self->call_price[ml];
          row->qty = qty;
          row->premium = leg->premium;
          row->ml = (gint8) ml;
          row->ms = (gint8) ms;
        }
      else
        plan = FALSE;
    }
  /* the plan's calls and rows name expiries the memo keeps all day */
  if (plan && self->ex_n <= ALVH_HEDGE_TERMS)
    self->plan_stamp = _alvh_book_stamp (book);
  return vix_delta;
}

/* The price of a hedge call of @ex at bar i: the memo's when the
 * evaluation of the bar priced it, else worked out the same way */
static double
hedge_call_price (AlvhHedgeMemo         *self,
                  gsize                  i,
                  const AlvhHedgeExpiry *ex,
                  double                 k,
                  double                 vol)
{
  int found = hedge_call_find (self, i, ex->expiry, k);
  double price, delta;

  if (found >= 0)
    return self->call_price[found];
  hedge_call_alone (self, ex, k, vol, &price, &delta);
  return price;
}

/* Whether @row names @leg (a single call's short strike, NAN, is no strike) */
static inline gboolean
row_is_leg (const AlvhHedgeRow *row,
            const AlvhLeg      *leg)
{
  return row->kind == leg->kind && row->expiry == leg->expiry && row->long_strike == leg->long_strike
         && (leg->kind != ALVH_LEG_VIX_CALL_SPREAD || row->short_strike == leg->short_strike);
}

/* The leg's value worked out, not kept */
static double
leg_value_priced (AlvhHedgeMemo *self,
                  const AlvhLeg *leg,
                  gsize          i,
                  double         vol)
{
  const AlvhHedgeExpiry *ex = _alvh_hedge_memo_expiry_at (self, i, leg->expiry);

  if (ex->t > 0.0 && leg->kind == ALVH_LEG_VIX_CALL)
    return hedge_call_price (self, i, ex, leg->long_strike, vol);
  if (ex->t > 0.0 && leg->kind == ALVH_LEG_VIX_CALL_SPREAD)
    return hedge_call_price (self, i, ex, leg->long_strike, vol)
           - hedge_call_price (self, i, ex, leg->short_strike, vol);
  return alvh_leg_value (leg, ex->fwd, ex->t, vol, self->profile->rate);
}

double
_alvh_hedge_memo_leg_value (AlvhHedgeMemo *self,
                            const AlvhLeg *leg,
                            gsize          i,
                            double         vol)
{
  /* the leg's value as the evaluation of the bar left it */
  if (self->row_bar == i)
    for (guint r = 0; r < self->row_n; r++)
      if (row_is_leg (&self->row[r], leg))
        return self->row[r].value;
  return leg_value_priced (self, leg, i, vol);
}

void
_alvh_hedge_memo_mark (AlvhHedgeMemo *self,
                       AlvhBook      *book,
                       gsize          i,
                       double         vol,
                       double         mult,
                       double        *value,
                       double        *premium)
{
  guint r = 0;

  /* the bar's rows by the plan of this book: every open leg has one */
  if (self->row_bar == i && self->plan_stamp == _alvh_book_stamp (book))
    {
      for (r = 0; r < self->row_n; r++)
        {
          *value += self->row[r].value * self->row[r].qty * mult;
          *premium += self->row[r].premium * self->row[r].qty * mult;
        }
      return;
    }
  for (guint k = 0; k < _alvh_book_n_legs (book); k++)
    {
      const AlvhLeg *leg = _alvh_book_leg (book, k);
      const double qty = _alvh_leg_open_quantity (leg);
      double v;

      if (qty <= 0.0)
        continue;
      /* the rows are in the book's order: the next one is this leg's, if any */
      while (self->row_bar == i && r < self->row_n && self->row[r].index < k)
        r++;
      if (self->row_bar == i && r < self->row_n && self->row[r].index == k && row_is_leg (&self->row[r], leg))
        v = self->row[r].value;
      else
        v = _alvh_hedge_memo_leg_value (self, leg, i, vol);
      *value += v * qty * mult;
      *premium += leg->premium * qty * mult;
    }
}
