/* alvh-condor.h — one SPX iron condor, as booked, stored and evaluated
 *
 * A boxed value type: the journal store reads and writes it, the book and
 * the evaluator price it.  Prices and the credit are index points per unit
 * (one of each of the four options); times are Unix seconds; the expiry is
 * a date at 00:00 New York.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALVH_TYPE_CONDOR (alvh_condor_get_type ())

typedef struct
{
  gint64  id;          /* unique per condor (0 = none); legs refer to it */
  gint64  account_id;  /* the journal account (0 = none) */
  double  long_put;    /* long_put < short_put < short_call < long_call */
  double  short_put;
  double  short_call;
  double  long_call;
  gint64  expiry;      /* expiry date at 00:00 New York */
  double  units;       /* condor units (> 0) */
  double  credit;      /* points per unit received at open */
  gint64  opened;      /* open time */
  gint64  closed;      /* close time; 0 while open */
  double  close_price; /* points per unit paid to close; NAN while open */
} AlvhCondor;

GType       alvh_condor_get_type (void) G_GNUC_CONST;

/**
 * alvh_condor_new:
 *
 * Returns: (transfer full): a condor of one unit, open, with no strikes set
 *   (zero) and close_price NAN; free it with alvh_condor_free().
 */
AlvhCondor *alvh_condor_new      (void);

/**
 * alvh_condor_copy:
 * @condor: (nullable): the condor to copy
 *
 * Returns: (transfer full) (nullable): a copy, or %NULL for %NULL.
 */
AlvhCondor *alvh_condor_copy     (const AlvhCondor *condor);

/**
 * alvh_condor_free:
 * @condor: (nullable) (transfer full): the condor to free
 */
void        alvh_condor_free     (AlvhCondor       *condor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhCondor, alvh_condor_free)

G_END_DECLS
