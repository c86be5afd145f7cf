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

#define ALVH_DAY_MEMO_SIZE 1024

typedef struct
{
  gint64   t;
  gint64   day;
  gboolean set;
} AlvhDayMemoEntry;

/* The memo, direct-mapped by a Fibonacci hash of the instant, and its slow
 * path (alvh-market-frame.c); inline, because the evaluator asks for the
 * day of an expiry a dozen times a bar and a call costs more than the look-up */
G_GNUC_INTERNAL extern _Thread_local AlvhDayMemoEntry _alvh_day_memo[ALVH_DAY_MEMO_SIZE];
G_GNUC_INTERNAL gint64 _alvh_ny_day_memo_fill (AlvhDayMemoEntry *e,
                                               gint64            t);

/* alvh_time_ny_day (t), memoised */
static inline gint64
_alvh_ny_day_cached (gint64 t)
{
  guint64 h = (guint64) t * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  AlvhDayMemoEntry *e = &_alvh_day_memo[h >> 54];

  if (G_LIKELY (e->set && e->t == t))
    return e->day;
  return _alvh_ny_day_memo_fill (e, t);
}

/* Calendar days between the New York dates of two instants (to - from). */
static inline gint64
_alvh_calendar_days_cached (gint64 from,
                            gint64 to)
{
  return _alvh_ny_day_cached (to) - _alvh_ny_day_cached (from);
}

G_END_DECLS
