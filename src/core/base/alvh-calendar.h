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

gboolean     alvh_calendar_is_nyse_holiday     (gint64       day);
gboolean     alvh_calendar_is_nyse_trading_day (gint64       day);
const char  *alvh_calendar_nyse_holiday_name   (gint64       day);
gint64       alvh_calendar_easter              (int          year);
gint64       alvh_calendar_next_trading_day    (gint64       day);
gint64       alvh_calendar_vix_expiry          (int          year,
                                                int          month);
GArray      *alvh_calendar_missing_trading_days (const gint64 *times,
                                                 gsize         n_times,
                                                 gsize         max_report,
                                                 gsize        *n_missing);

G_END_DECLS
