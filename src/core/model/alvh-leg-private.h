/* alvh-leg-private.h — a leg's open quantity, inline for the hot loops
 *
 * Internal to the core library; alvh_leg_open_quantity () is this.
 */
#pragma once

#include "alvh-leg.h"

G_BEGIN_DECLS

/* alvh_leg_open_quantity () */
static inline double
_alvh_leg_open_quantity (const AlvhLeg *leg)
{
  double q = leg->quantity - leg->closed_quantity;

  return q > 0.0 ? q : 0.0;
}

G_END_DECLS
