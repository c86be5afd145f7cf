/* alvh-time.c — calendar and New York exchange time helpers */
#define G_LOG_DOMAIN "alvh-time"

#include "config.h"

#include <string.h>

#include "alvh-time.h"

/* Howard Hinnant's days_from_civil algorithm (public domain description):
 * proleptic Gregorian calendar, day 0 = 1970-01-01. */
gint64
alvh_days_from_civil (int year,
                      int month,
                      int day)
{
  gint64 y = (gint64) year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
alvh_civil_from_days (gint64  days,
                      int    *year,
                      int    *month,
                      int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 y = yoe + era * 400;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp + (mp < 10 ? 3 : -9);

  if (year != NULL)
    *year = (int) (y + (m <= 2));
  if (month != NULL)
    *month = (int) m;
  if (day != NULL)
    *day = (int) d;
}

gboolean
alvh_date_is_valid (int year,
                    int month,
                    int day)
{
  static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int limit;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return FALSE;
  limit = mdays[month - 1];
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    limit = 29;
  return day <= limit;
}

/* 1 = Monday ... 7 = Sunday */
int
alvh_weekday_from_days (gint64 days)
{
  gint64 w = (days + 3) % 7; /* 1970-01-01 was a Thursday */

  if (w < 0)
    w += 7;
  return (int) w + 1;
}

/* The day (of month) of the n-th weekday wd (1=Mon..7=Sun) in a month;
 * n = -1 means the last one. */
static int
nth_weekday (int year,
             int month,
             int wd,
             int n)
{
  if (n > 0)
    {
      gint64 first = alvh_days_from_civil (year, month, 1);
      int first_wd = alvh_weekday_from_days (first);
      int d = 1 + ((wd - first_wd + 7) % 7);

      return d + 7 * (n - 1);
    }
  else
    {
      int ny = month == 12 ? year + 1 : year;
      int nm = month == 12 ? 1 : month + 1;
      gint64 last = alvh_days_from_civil (ny, nm, 1) - 1;
      int last_wd = alvh_weekday_from_days (last);
      int y, m, d;

      alvh_civil_from_days (last - ((last_wd - wd + 7) % 7), &y, &m, &d);
      return d;
    }
}

/* The local-standard-time instants (as seconds since epoch of local wall
 * clock) at which DST starts and ends in a year, 02:00 local. */
static gboolean
dst_bounds (int     year,
            gint64 *start_local,
            gint64 *end_local)
{
  int sm, sd, em, ed;

  if (year >= 2007)
    {
      sm = 3; sd = nth_weekday (year, 3, 7, 2);
      em = 11; ed = nth_weekday (year, 11, 7, 1);
    }
  else if (year >= 1987)
    {
      sm = 4; sd = nth_weekday (year, 4, 7, 1);
      em = 10; ed = nth_weekday (year, 10, 7, -1);
    }
  else if (year >= 1967)
    {
      sm = 4; sd = nth_weekday (year, 4, 7, -1);
      em = 10; ed = nth_weekday (year, 10, 7, -1);
    }
  else
    return FALSE;

  *start_local = alvh_days_from_civil (year, sm, sd) * ALVH_SECONDS_PER_DAY + 2 * 3600;
  *end_local = alvh_days_from_civil (year, em, ed) * ALVH_SECONDS_PER_DAY + 2 * 3600;
  return TRUE;
}

/* Offset of New York from UTC, in seconds (-18000 or -14400), at a UTC instant */
int
alvh_ny_utc_offset (gint64 utc_seconds)
{
  gint64 standard_local = utc_seconds - 5 * 3600;
  gint64 start, end;
  int year;

  alvh_civil_from_days (standard_local >= 0 ? standard_local / ALVH_SECONDS_PER_DAY
                                            : (standard_local - ALVH_SECONDS_PER_DAY + 1) / ALVH_SECONDS_PER_DAY,
                        &year, NULL, NULL);
  if (!dst_bounds (year, &start, &end))
    return -5 * 3600;
  /* DST starts at 02:00 EST and ends at 02:00 EDT = 01:00 EST */
  if (standard_local >= start && standard_local < end - 3600)
    return -4 * 3600;
  return -5 * 3600;
}

gint64
alvh_time_from_ny_local (int year,
                         int month,
                         int day,
                         int hour,
                         int minute,
                         int second)
{
  gint64 local = alvh_days_from_civil (year, month, day) * ALVH_SECONDS_PER_DAY
                 + hour * 3600 + minute * 60 + second;
  gint64 guess = local + 5 * 3600;   /* assume EST */
  int off = alvh_ny_utc_offset (guess);

  if (off != -5 * 3600)
    {
      gint64 alt = local - off;
      if (alvh_ny_utc_offset (alt) == off)
        return alt;
    }
  return guess;
}

gint64
alvh_time_from_ny_date (int year,
                        int month,
                        int day)
{
  return alvh_time_from_ny_local (year, month, day, 0, 0, 0);
}

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The New York calendar date of t, as days since 1970-01-01 */
gint64
alvh_time_ny_day (gint64 t)
{
  return floor_div (t + alvh_ny_utc_offset (t), ALVH_SECONDS_PER_DAY);
}

gint64
alvh_time_from_ny_day (gint64 days)
{
  int y, m, d;

  alvh_civil_from_days (days, &y, &m, &d);
  return alvh_time_from_ny_date (y, m, d);
}

void
alvh_time_to_ny_date (gint64  t,
                      int    *year,
                      int    *month,
                      int    *day)
{
  alvh_civil_from_days (alvh_time_ny_day (t), year, month, day);
}

static gint64 fixed_now;

gint64
alvh_time_now (void)
{
  /* set once at start-up (tests, screenshots), read from any thread */
  return fixed_now != 0 ? fixed_now : g_get_real_time () / G_USEC_PER_SEC;
}

gint64
alvh_time_set_now (gint64 t)
{
  gint64 before = fixed_now;

  fixed_now = t;
  return before;
}

gint64
alvh_time_bar_close (gint64 t)
{
  gint64 day = alvh_time_ny_day (t);
  int y, m, d;

  if (alvh_time_from_ny_day (day) != t)
    return t;
  alvh_civil_from_days (day, &y, &m, &d);
  return alvh_time_from_ny_local (y, m, d, 16, 0, 0);
}

int
alvh_time_ny_weekday (gint64 t)
{
  return alvh_weekday_from_days (alvh_time_ny_day (t));
}

char *
alvh_time_format_ny_date (gint64 t)
{
  int y, m, d;

  alvh_time_to_ny_date (t, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Calendar days from the New York date of `from` to that of `to` */
gint64
alvh_time_calendar_days (gint64 from,
                         gint64 to)
{
  return alvh_time_ny_day (to) - alvh_time_ny_day (from);
}

static gboolean
parse_uint (const char **p,
            const char  *end,
            int          min_digits,
            int          max_digits,
            int         *out)
{
  int v = 0, n = 0;

  while (*p < end && **p >= '0' && **p <= '9' && n < max_digits)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits)
    return FALSE;
  *out = v;
  return TRUE;
}

/* Accepts YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD and M/D/YYYY (US order, as Cboe
 * writes it).  An optional time part after 'T' or ' ' (HH:MM[:SS]) is read
 * as New York local time.  The whole text must be consumed. */
gboolean
alvh_time_parse_date (const char *text,
                      gsize       len,
                      gint64     *out_time)
{
  const char *p = text;
  const char *end = text + len;
  int y = 0, m = 0, d = 0, hh = 0, mi = 0, ss = 0;
  int first;
  const char *start = p;

  if (!parse_uint (&p, end, 1, 8, &first))
    return FALSE;

  if (p - start == 8 && p == end)
    {
      y = first / 10000;
      m = (first / 100) % 100;
      d = first % 100;
    }
  else if (p - start == 4 && p < end && (*p == '-' || *p == '/'))
    {
      char sep = *p++;
      y = first;
      if (!parse_uint (&p, end, 1, 2, &m) || p >= end || *p++ != sep ||
          !parse_uint (&p, end, 1, 2, &d))
        return FALSE;
    }
  else if (p - start <= 2 && p < end && *p == '/')
    {
      m = first;
      p++;
      if (!parse_uint (&p, end, 1, 2, &d) || p >= end || *p++ != '/' ||
          !parse_uint (&p, end, 4, 4, &y))
        return FALSE;
    }
  else
    return FALSE;

  if (p < end && (*p == 'T' || *p == ' '))
    {
      p++;
      if (!parse_uint (&p, end, 2, 2, &hh) || p >= end || *p++ != ':' ||
          !parse_uint (&p, end, 2, 2, &mi))
        return FALSE;
      if (p < end && *p == ':')
        {
          p++;
          if (!parse_uint (&p, end, 2, 2, &ss))
            return FALSE;
        }
      if (hh > 23 || mi > 59 || ss > 59)
        return FALSE;
    }

  if (p != end || !alvh_date_is_valid (y, m, d))
    return FALSE;

  *out_time = alvh_time_from_ny_local (y, m, d, hh, mi, ss);
  return TRUE;
}

/* Formats UTC seconds @t as wall-clock time in @zone (NULL: UTC) with a
 * g_date_time_format() @format such as "%Y-%m-%d %H:%M".  Unlike the New York
 * helpers this uses the system's tzdata, so any zone id works.  Returns NULL
 * when @t is out of GDateTime's range. */
char *
alvh_time_format_in_zone (gint64      t,
                          GTimeZone  *zone,
                          const char *format)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) fallback = NULL;

  g_return_val_if_fail (format != NULL, NULL);

  utc = g_date_time_new_from_unix_utc (t);
  if (utc == NULL)
    return NULL;
  if (zone == NULL)
    zone = fallback = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, zone);
  if (local == NULL)
    return NULL;
  return g_date_time_format (local, format);
}

gssize
alvh_time_find_le (const gint64 *times,
                   gsize         n,
                   gint64        t)
{
  gsize lo = 0, hi = n;

  /* the first index with a time after t */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (times[mid] <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (gssize) lo - 1;
}
