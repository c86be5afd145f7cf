/* alvh-calendar.h — the NYSE trading calendar
 *
 * Days are New York calendar days counted from 1970-01-01 (alvh_days_from_civil).
 * Covered from ALVH_CALENDAR_FIRST_YEAR (1971, when the Monday holiday rules
 * began) on: weekends, the regular NYSE holidays (New Year's Day, Martin Luther
 * King Jr. Day from 1998, Washington's Birthday, Good Friday, Memorial Day,
 * Juneteenth from 2022, Independence Day, Labor Day, Thanksgiving, Christmas,
 * Election Day in 1972/1976/1980) with the Saturday -> Friday and Sunday -> Monday
 * rules (a Saturday New Year's Day is not made up), and the special closures
 * (days of mourning, the 1977 blackout, hurricanes Gloria and Sandy, 2001-09-11..14).
 * Before that year only weekends are known: weekdays count as trading days.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ALVH_CALENDAR_FIRST_YEAR 1971

/**
 * alvh_calendar_is_nyse_holiday:
 * @day: a New York day number (days since 1970-01-01)
 *
 * Returns: %TRUE when the NYSE is closed on @day for a holiday or a special
 *   closure (weekends are not holidays)
 */
gboolean     alvh_calendar_is_nyse_holiday     (gint64       day);

/**
 * alvh_calendar_is_nyse_trading_day:
 * @day: a New York day number
 *
 * Returns: %TRUE when @day is a weekday and no NYSE holiday
 */
gboolean     alvh_calendar_is_nyse_trading_day (gint64       day);

/**
 * alvh_calendar_nyse_holiday_name:
 * @day: a New York day number
 *
 * Returns: (transfer none) (nullable): the English name of the holiday or
 *   closure on @day, %NULL on other days
 */
const char  *alvh_calendar_nyse_holiday_name   (gint64       day);

/**
 * alvh_calendar_easter:
 * @year: the year
 *
 * Returns: the day number of Easter Sunday (Gregorian)
 */
gint64       alvh_calendar_easter              (int          year);

/**
 * alvh_calendar_next_trading_day:
 * @day: a New York day number
 *
 * Returns: the first NYSE trading day after @day
 */
gint64       alvh_calendar_next_trading_day    (gint64       day);

/**
 * alvh_calendar_vix_expiry:
 * @year: the year
 * @month: the month of the contract, 1 to 12
 *
 * The expiry of the monthly VIX future and option: the Wednesday 30 days
 * before the third Friday of the following month (exchange holidays
 * ignored, as ALVH-SPEC.md section 4 says).
 *
 * Returns: the expiry's day number
 */
gint64       alvh_calendar_vix_expiry          (int          year,
                                                int          month);

/**
 * alvh_calendar_last_session_day:
 * @t: an instant, Unix seconds
 *
 * The latest NYSE session that has closed (16:00 New York) by @t: the day a
 * daily bar is due for when data is up to date at @t.
 *
 * Returns: its New York day number
 */
gint64       alvh_calendar_last_session_day    (gint64       t);

/* The VIX futures terms a market state and a frame carry: VX1 .. VX8. */
#define ALVH_VX_TERMS 8

/**
 * alvh_calendar_vix_term:
 * @day: the New York day number of a bar
 * @expiry_day: the day number of a VIX expiry
 *
 * The term of the VIX future that expires on @expiry_day as seen on @day
 * (ALVH-SPEC.md section 4): the number of VIX expiries in (@day,
 * @expiry_day], so 1 for the future with the nearest expiry strictly after
 * @day (VX1), 2 for the next (VX2) ...
 *
 * Returns: the term, 0 when @expiry_day is not after @day
 */
guint        alvh_calendar_vix_term            (gint64       day,
                                                gint64       expiry_day);

/**
 * alvh_calendar_missing_trading_days:
 * @times: (array length=n_times): daily bar times in ascending order
 * @n_times: the number of times
 * @max_report: the most day numbers to return
 * @n_missing: (out) (optional): the number of missing days in all
 *
 * The NYSE trading days between the first and the last bar that have no
 * bar; only days from %ALVH_CALENDAR_FIRST_YEAR on are checked.
 *
 * Returns: (transfer full) (element-type gint64): up to @max_report of the
 *   missing days as day numbers
 */
GArray      *alvh_calendar_missing_trading_days (const gint64 *times,
                                                 gsize         n_times,
                                                 gsize         max_report,
                                                 gsize        *n_missing);

G_END_DECLS
