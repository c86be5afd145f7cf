/* alvh-day-cache-private.h — memoised New York day numbers for hot loops
 *
 * alvh_time_ny_day() works out the DST rules on every call; the evaluator,
 * the book and the replay ask for the same few instants (bar times, expiries)
 * millions of times.  A small direct-mapped, per-thread memo (one for the
 * whole library, in alvh-market-frame.c) makes that a load and a compare.
 * Internal to the core library.
 */
#pragma once

#include <glib.h>

#include "alvh-bar-days-private.h"

G_BEGIN_DECLS

/* alvh_time_ny_day (t), memoised */
gint64  _alvh_ny_day_cached        (gint64 t);

/* Calendar days between the New York dates of two instants (to - from). */
static inline gint64
_alvh_calendar_days_cached (gint64 from,
                            gint64 to)
{
  return _alvh_ny_day_cached (to) - _alvh_ny_day_cached (from);
}

G_END_DECLS
