/* alvh-time.h — calendar and New York exchange time helpers
 *
 * Times are Unix seconds (UTC) in a gint64.  A daily bar's time is its date
 * at 00:00 America/New_York, converted to UTC, as ALVH-SPEC.md section 1 says.
 * The US Eastern rules are built in (1967 to today) so that conversion does not
 * depend on tzdata and costs a few integer operations per row.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ALVH_SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/**
 * alvh_days_from_civil:
 * @year: the year (proleptic Gregorian calendar)
 * @month: the month, 1 to 12
 * @day: the day of the month, 1 to 31
 *
 * Returns: the day number, days since 1970-01-01
 */
gint64    alvh_days_from_civil       (int          year,
                                      int          month,
                                      int          day);

/**
 * alvh_civil_from_days:
 * @days: a day number, days since 1970-01-01
 * @year: (out): the year
 * @month: (out): the month, 1 to 12
 * @day: (out): the day of the month
 */
void      alvh_civil_from_days       (gint64       days,
                                      int         *year,
                                      int         *month,
                                      int         *day);

/**
 * alvh_date_is_valid:
 * @year: the year
 * @month: the month
 * @day: the day of the month
 *
 * Returns: %TRUE when the three make a date of the Gregorian calendar
 */
gboolean  alvh_date_is_valid         (int          year,
                                      int          month,
                                      int          day);

/**
 * alvh_weekday_from_days:
 * @days: a day number, days since 1970-01-01
 *
 * Returns: the weekday, 1 = Monday to 7 = Sunday
 */
int       alvh_weekday_from_days     (gint64       days);

/**
 * alvh_ny_utc_offset:
 * @utc_seconds: a UTC instant in Unix seconds
 *
 * Returns: the offset of New York from UTC at that instant in seconds,
 *   -18000 (EST) or -14400 (EDT), from the built-in US Eastern rules
 */
int       alvh_ny_utc_offset         (gint64       utc_seconds);

/**
 * alvh_time_from_ny_local:
 * @year: the year
 * @month: the month, 1 to 12
 * @day: the day of the month
 * @hour: the hour, 0 to 23
 * @minute: the minute
 * @second: the second
 *
 * Returns: the Unix time of that wall-clock time in New York
 */
gint64    alvh_time_from_ny_local    (int          year,
                                      int          month,
                                      int          day,
                                      int          hour,
                                      int          minute,
                                      int          second);

/**
 * alvh_time_from_ny_date:
 * @year: the year
 * @month: the month, 1 to 12
 * @day: the day of the month
 *
 * Returns: the Unix time of the date's midnight in New York, the time of a daily bar
 */
gint64    alvh_time_from_ny_date     (int          year,
                                      int          month,
                                      int          day);

/**
 * alvh_time_ny_day:
 * @t: Unix seconds
 *
 * Returns: the New York calendar date of @t as days since 1970-01-01
 */
gint64    alvh_time_ny_day           (gint64       t);

/**
 * alvh_time_from_ny_day:
 * @days: a day number, days since 1970-01-01
 *
 * Returns: the Unix time of that day's midnight in New York
 */
gint64    alvh_time_from_ny_day      (gint64       days);

/**
 * alvh_time_to_ny_date:
 * @t: Unix seconds
 * @year: (out): the year in New York
 * @month: (out): the month in New York
 * @day: (out): the day of the month in New York
 */
void      alvh_time_to_ny_date       (gint64       t,
                                      int         *year,
                                      int         *month,
                                      int         *day);

/**
 * alvh_time_now:
 *
 * Returns: the present in Unix seconds: the real clock, or the instant
 *   alvh_time_set_now() fixed
 */
gint64    alvh_time_now              (void);

/**
 * alvh_time_set_now:
 * @t: the instant the program takes as now, 0 for the real clock
 *
 * Fixes the present for screenshots and tests of a data set that ends in
 * the past (the app's fixed "today").
 *
 * Returns: the instant fixed before (0: it was the real clock), to put back
 */
gint64    alvh_time_set_now          (gint64       t);

/**
 * alvh_time_bar_close:
 * @t: the time of a bar, Unix seconds
 *
 * The instant a bar stands at (ALVH-SPEC.md section 1): a daily bar, whose
 * time is its date's midnight in New York, stands at 16:00 New York on that
 * date (the close); any other time (an intraday bar) is itself.
 *
 * Returns: the bar's instant, Unix seconds
 */
gint64    alvh_time_bar_close        (gint64       t);

/**
 * alvh_time_ny_weekday:
 * @t: Unix seconds
 *
 * Returns: the weekday in New York, 1 = Monday to 7 = Sunday
 */
int       alvh_time_ny_weekday       (gint64       t);

/**
 * alvh_time_format_ny_date:
 * @t: Unix seconds
 *
 * Returns: (transfer full): the New York date as "YYYY-MM-DD"
 */
char     *alvh_time_format_ny_date   (gint64       t);

/**
 * alvh_time_format_in_zone:
 * @t: Unix seconds
 * @zone: (nullable): the time zone, %NULL for UTC
 * @format: a g_date_time_format() format such as "%Y-%m-%d %H:%M"
 *
 * Formats @t as wall-clock time in @zone with the system's tzdata, so any
 * zone id works (unlike the New York helpers).
 *
 * Returns: (transfer full) (nullable): the text, %NULL when @t is out of
 *   #GDateTime's range
 */
char     *alvh_time_format_in_zone   (gint64       t,
                                      GTimeZone   *zone,
                                      const char  *format);

/**
 * alvh_time_parse_date:
 * @text: (array length=len): the text, not necessarily nul-terminated
 * @len: the length of @text in bytes
 * @out_time: (out): the Unix time read
 *
 * Parses YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or M/D/YYYY (US order, as Cboe
 * writes it) with an optional time part after 'T' or ' ' (HH:MM[:SS]) read
 * as New York local time.  The whole text must be consumed.
 *
 * Returns: %TRUE when @text is such a date
 */
gboolean  alvh_time_parse_date       (const char  *text,
                                      gsize        len,
                                      gint64      *out_time);

/**
 * alvh_time_calendar_days:
 * @from: Unix seconds
 * @to: Unix seconds
 *
 * Returns: the calendar days from the New York date of @from to that of @to
 */
gint64    alvh_time_calendar_days    (gint64       from,
                                      gint64       to);

/**
 * alvh_time_find_le:
 * @times: (array length=n): times in ascending order
 * @n: their number
 * @t: a time
 *
 * Binary search.
 *
 * Returns: the index of the last of @times at or before @t, or -1
 */
gssize    alvh_time_find_le          (const gint64 *times,
                                      gsize         n,
                                      gint64        t);

G_END_DECLS
