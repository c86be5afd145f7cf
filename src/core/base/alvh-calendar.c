/* alvh-calendar.c — the NYSE trading calendar */
#define G_LOG_DOMAIN "alvh-calendar"

#include "config.h"

#include "alvh-calendar.h"
#include "alvh-calendar-private.h"
#include "alvh-bar-days-private.h"
#include "alvh-time.h"

typedef struct
{
  int         y, m, d;
  const char *name;
} SpecialClosure;

/* Unscheduled closures of the whole trading day since 1971 */
static const SpecialClosure special_closures[] = {
  { 1972, 12, 28, "Day of mourning (Harry S. Truman)" },
  { 1973,  1, 25, "Day of mourning (Lyndon B. Johnson)" },
  { 1977,  7, 14, "New York City blackout" },
  { 1985,  9, 27, "Hurricane Gloria" },
  { 1994,  4, 27, "Day of mourning (Richard Nixon)" },
  { 2001,  9, 11, "September 11 attacks" },
  { 2001,  9, 12, "September 11 attacks" },
  { 2001,  9, 13, "September 11 attacks" },
  { 2001,  9, 14, "September 11 attacks" },
  { 2004,  6, 11, "Day of mourning (Ronald Reagan)" },
  { 2007,  1,  2, "Day of mourning (Gerald Ford)" },
  { 2012, 10, 29, "Hurricane Sandy" },
  { 2012, 10, 30, "Hurricane Sandy" },
  { 2018, 12,  5, "Day of mourning (George H. W. Bush)" },
  { 2025,  1,  9, "Day of mourning (Jimmy Carter)" },
};

/* Easter Sunday (Gregorian, anonymous algorithm) as a day number */
gint64
alvh_calendar_easter (int year)
{
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;

  return alvh_days_from_civil (year, month, day);
}

/* day of month of the n-th weekday wd (1 = Monday) of a month; n = -1: last */
static int
nth_weekday (int year,
             int month,
             int wd,
             int n)
{
  if (n > 0)
    {
      int first_wd = alvh_weekday_from_days (alvh_days_from_civil (year, month, 1));
      return 1 + ((wd - first_wd + 7) % 7) + 7 * (n - 1);
    }
  else
    {
      gint64 last = alvh_days_from_civil (month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1;
      int y, m, d;

      alvh_civil_from_days (last - ((alvh_weekday_from_days (last) - wd + 7) % 7), &y, &m, &d);
      return d;
    }
}

/* A fixed-date holiday observed on Friday when it falls on Saturday and on
 * Monday when it falls on Sunday */
static gboolean
is_observed (gint64 day,
             int    year,
             int    month,
             int    mday)
{
  gint64 h = alvh_days_from_civil (year, month, mday);
  int wd = alvh_weekday_from_days (h);

  if (wd == 6)
    h -= 1;
  else if (wd == 7)
    h += 1;
  return day == h;
}

const char *
alvh_calendar_nyse_holiday_name (gint64 day)
{
  int y, m, d, wd;

  alvh_civil_from_days (day, &y, &m, &d);
  if (y < ALVH_CALENDAR_FIRST_YEAR)
    return NULL;
  wd = alvh_weekday_from_days (day);
  if (wd >= 6)
    return NULL;

  /* New Year's Day: Sunday -> Monday 2nd; Saturday is not made up */
  if ((m == 1 && d == 1) || (m == 1 && d == 2 && wd == 1))
    return "New Year's Day";
  if (y >= 1998 && m == 1 && d == nth_weekday (y, 1, 1, 3))
    return "Martin Luther King Jr. Day";
  if (m == 2 && d == nth_weekday (y, 2, 1, 3))
    return "Washington's Birthday";
  if (day == alvh_calendar_easter (y) - 2)
    return "Good Friday";
  if (m == 5 && d == nth_weekday (y, 5, 1, -1))
    return "Memorial Day";
  if (y >= 2022 && m == 6 && is_observed (day, y, 6, 19))
    return "Juneteenth";
  if (m == 7 && is_observed (day, y, 7, 4))
    return "Independence Day";
  if (m == 9 && d == nth_weekday (y, 9, 1, 1))
    return "Labor Day";
  if ((y == 1972 || y == 1976 || y == 1980) && m == 11 &&
      d == nth_weekday (y, 11, 1, 1) + 1)
    return "Election Day";
  if (m == 11 && d == nth_weekday (y, 11, 4, 4))
    return "Thanksgiving Day";
  if (m == 12 && is_observed (day, y, 12, 25))
    return "Christmas Day";

  for (guint i = 0; i < G_N_ELEMENTS (special_closures); i++)
    if (special_closures[i].y == y && special_closures[i].m == m && special_closures[i].d == d)
      return special_closures[i].name;
  return NULL;
}

gboolean
alvh_calendar_is_nyse_holiday (gint64 day)
{
  return alvh_calendar_nyse_holiday_name (day) != NULL;
}

gboolean
alvh_calendar_is_nyse_trading_day (gint64 day)
{
  return alvh_weekday_from_days (day) < 6 && !alvh_calendar_is_nyse_holiday (day);
}

gint64
alvh_calendar_next_trading_day (gint64 day)
{
  do
    day++;
  while (!alvh_calendar_is_nyse_trading_day (day));
  return day;
}

/* The NYSE trading days between the first and the last time (daily bars, New
 * York dates) that have no row.  Returns up to max_report of them as an array
 * of day numbers (gint64); the total goes to n_missing.  Only days from
 * ALVH_CALENDAR_FIRST_YEAR on are checked. */
GArray *
alvh_calendar_missing_trading_days (const gint64 *times,
                                    gsize         n_times,
                                    gsize         max_report,
                                    gsize        *n_missing)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first_checked = alvh_days_from_civil (ALVH_CALENDAR_FIRST_YEAR, 1, 1);
  gsize missing = 0;
  AlvhNyOffsetCache cache = { 0, 0, 0 };
  gint64 cur = n_times > 0 ? _alvh_ny_day_weekly (&cache, times[0]) : 0;

  for (gsize i = 1; i < n_times; i++)
    {
      gint64 prev = cur;

      cur = _alvh_ny_day_weekly (&cache, times[i]);

      if (cur - prev <= 1)
        continue;
      for (gint64 d = MAX (prev + 1, first_checked); d < cur; d++)
        if (alvh_calendar_is_nyse_trading_day (d))
          {
            if (out->len < max_report)
              g_array_append_val (out, d);
            missing++;
          }
    }
  if (n_missing != NULL)
    *n_missing = missing;
  return out;
}

/* The expiry day of the monthly VIX future (and option) of a month: the
 * Wednesday 30 days before the third Friday of the following month
 * (exchange holidays ignored, as ALVH-SPEC.md section 4 says). */
gint64
alvh_calendar_vix_expiry (int year,
                          int month)
{
  int ny = month == 12 ? year + 1 : year;
  int nm = month == 12 ? 1 : month + 1;
  gint64 first = alvh_days_from_civil (ny, nm, 1);

  /* the third Friday, from the weekday of the 1st (one civil conversion) */
  return first + (5 - alvh_weekday_from_days (first) + 7) % 7 + 14 - 30;
}

guint
alvh_calendar_vix_term (gint64 day,
                        gint64 expiry_day)
{
  int y, m, d;
  guint k = 0;

  if (expiry_day <= day)
    return 0;
  alvh_civil_from_days (day, &y, &m, &d);
  /* the expiry of the previous month's contract can fall in this month */
  if (--m < 1)
    m = 12, y--;
  for (;;)
    {
      gint64 e = alvh_calendar_vix_expiry (y, m);

      if (e > expiry_day)
        return k;
      if (e > day)
        k++;
      if (++m > 12)
        m = 1, y++;
    }
}

gint64
alvh_calendar_last_session_day (gint64 t)
{
  gint64 day = alvh_time_ny_day (t);

  if (t < alvh_time_bar_close (alvh_time_from_ny_day (day)))
    day--;
  while (!alvh_calendar_is_nyse_trading_day (day))
    day--;
  return day;
}

/* The New York day number and the instant each bar stands at
 * (alvh_time_bar_close ()) of n sorted or unsorted instants, with one UTC
 * offset computation a week instead of several a bar. */
void
_alvh_ny_days_and_bar_closes (const gint64 *times,
                              gsize         n,
                              gint32       *days,
                              gint64       *at)
{
  AlvhNyOffsetCache cache = { 0, 0, 0 };

  for (gsize i = 0; i < n; i++)
    {
      gint64 t = times[i];
      gint64 day = _alvh_ny_day_weekly (&cache, t);

      days[i] = (gint32) day;
      /* only an instant at New York midnight (a daily bar) moves */
      at[i] = _alvh_ny_midnight_cached (&cache, day) != t ? t : alvh_time_bar_close (t);
    }
}
