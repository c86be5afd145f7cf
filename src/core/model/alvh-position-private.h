/* alvh-position-private.h — the book's layout and its hot accessors, inline
 *
 * The evaluator and the replay read the book a dozen times a bar (its legs,
 * their open quantities, the premium paid); out of line, those calls cost
 * more than what they do.  The public alvh_book_*() functions are these.
 * Internal to the core library.
 */
#pragma once

#include "alvh-leg-private.h"
#include "alvh-position.h"

G_BEGIN_DECLS

struct _AlvhBook
{
  gint    ref_count;
  guint64 stamp;   /* a number no other state of any book had: a new one
                    * at each change (book_changed () in alvh-position.c),
                    * so that a memo of what the book held can tell it
                    * still holds */
  GArray *condors; /* AlvhCondor */
  GArray *legs;    /* AlvhLeg: the VIX hedges (alvh_leg_is_vix_hedge()) */
  GArray *others;  /* AlvhLeg: every other leg (SPX puts and put spreads, VIX
                    * puts), in the greeks only (alvh_book_add_leg()) */
};

/* The book's stamp: equal stamps, the same book unchanged */
static inline guint64
_alvh_book_stamp (const AlvhBook *self)
{
  return self->stamp;
}

static inline guint
_alvh_book_n_condors (const AlvhBook *self)
{
  return self->condors->len;
}

/* index < _alvh_book_n_condors () */
static inline const AlvhCondor *
_alvh_book_condor (const AlvhBook *self,
                   guint           index)
{
  return &g_array_index (self->condors, AlvhCondor, index);
}

static inline guint
_alvh_book_n_legs (const AlvhBook *self)
{
  return self->legs->len;
}

/* index < _alvh_book_n_legs () */
static inline const AlvhLeg *
_alvh_book_leg (const AlvhBook *self,
                guint           index)
{
  return &g_array_index (self->legs, AlvhLeg, index);
}

static inline guint
_alvh_book_n_other_legs (const AlvhBook *self)
{
  return self->others->len;
}

/* index < _alvh_book_n_other_legs () */
static inline const AlvhLeg *
_alvh_book_other_leg (const AlvhBook *self,
                      guint           index)
{
  return &g_array_index (self->others, AlvhLeg, index);
}

/* One pass over the hedge legs: the premium paid for what is open (points
 * x 100 per contract), how many are open and the last time one of them was
 * opened (G_MININT64 when none is); any may be NULL */
static inline void
_alvh_book_hedge_totals (const AlvhBook *self,
                         double         *premium_paid,
                         guint          *n_open,
                         gint64         *last_opened)
{
  double sum = 0.0;
  guint n = 0;
  gint64 last = G_MININT64;

  for (guint i = 0; i < self->legs->len; i++)
    {
      const AlvhLeg *leg = _alvh_book_leg (self, i);
      const double qty = _alvh_leg_open_quantity (leg);

      sum += leg->premium * qty;
      if (qty > 0.0)
        {
          n++;
          if (leg->opened > last)
            last = leg->opened;
        }
    }
  if (premium_paid != NULL)
    *premium_paid = sum * 100.0;
  if (n_open != NULL)
    *n_open = n;
  if (last_opened != NULL)
    *last_opened = last;
}

static inline double
_alvh_book_credit_collected (const AlvhBook *self)
{
  double sum = 0.0;

  for (guint i = 0; i < self->condors->len; i++)
    {
      const AlvhCondor *c = _alvh_book_condor (self, i);

      sum += c->credit * c->units;
    }
  return sum * 100.0;
}

G_END_DECLS
