/* alvh-calendar-private.h — a cached New York UTC offset for hot loops */
#pragma once

#include "alvh-time.h"

G_BEGIN_DECLS

/* New York's offset only changes on a Sunday at 02:00 local, i.e. at 06:00
 * (fall) or 07:00 (spring) UTC, so it is constant from Sunday 07:00 UTC to
 * the next Sunday 06:00 UTC: one alvh_ny_utc_offset () call per week. */
typedef struct
{
  gint64 lo;
  gint64 hi;
  int    offset;
} AlvhNyOffsetCache;

static inline gint64
_alvh_floor_div (gint64 a,
                 gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static inline int
_alvh_ny_offset_cached (AlvhNyOffsetCache *c,
                        gint64             t)
{
  gint64 days, lo;
  int wd;

  if (G_LIKELY (t >= c->lo && t < c->hi))
    return c->offset;
  c->offset = alvh_ny_utc_offset (t);
  days = _alvh_floor_div (t, ALVH_SECONDS_PER_DAY);
  wd = alvh_weekday_from_days (days);                 /* 7 = Sunday */
  lo = (days - (wd % 7)) * ALVH_SECONDS_PER_DAY + 7 * 3600;
  if (t < lo)
    lo -= 7 * ALVH_SECONDS_PER_DAY;
  c->lo = lo;
  c->hi = lo + 7 * ALVH_SECONDS_PER_DAY - 3600;
  if (!(t >= c->lo && t < c->hi))
    c->lo = c->hi = 0;                                /* Sunday 06:00-07:00 UTC */
  return c->offset;
}

/* alvh_time_from_ny_date () of a day number, with the cache */
static inline gint64
_alvh_ny_midnight_cached (AlvhNyOffsetCache *c,
                          gint64             days)
{
  gint64 local = days * ALVH_SECONDS_PER_DAY;
  gint64 guess = local + 5 * 3600;

  if (_alvh_ny_offset_cached (c, guess) != -5 * 3600)
    {
      gint64 alt = local + 4 * 3600;
      if (_alvh_ny_offset_cached (c, alt) == -4 * 3600)
        return alt;
    }
  return guess;
}

/* alvh_time_ny_day () with the week's offset cached (for a run of
 * instants in order; _alvh_ny_day_cached () memoises any instant) */
static inline gint64
_alvh_ny_day_weekly (AlvhNyOffsetCache *c,
                     gint64             t)
{
  return _alvh_floor_div (t + _alvh_ny_offset_cached (c, t), ALVH_SECONDS_PER_DAY);
}

G_END_DECLS
