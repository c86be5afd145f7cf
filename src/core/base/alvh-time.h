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

gint64    alvh_days_from_civil       (int          year,
                                      int          month,
                                      int          day);
void      alvh_civil_from_days       (gint64       days,
                                      int         *year,
                                      int         *month,
                                      int         *day);
gboolean  alvh_date_is_valid         (int          year,
                                      int          month,
                                      int          day);
int       alvh_weekday_from_days     (gint64       days);
int       alvh_ny_utc_offset         (gint64       utc_seconds);
gint64    alvh_time_from_ny_local    (int          year,
                                      int          month,
                                      int          day,
                                      int          hour,
                                      int          minute,
                                      int          second);
gint64    alvh_time_from_ny_date     (int          year,
                                      int          month,
                                      int          day);
gint64    alvh_time_ny_day           (gint64       t);
gint64    alvh_time_from_ny_day      (gint64       days);
void      alvh_time_to_ny_date       (gint64       t,
                                      int         *year,
                                      int         *month,
                                      int         *day);
int       alvh_time_ny_weekday       (gint64       t);
char     *alvh_time_format_ny_date   (gint64       t);
char     *alvh_time_format_in_zone   (gint64       t,
                                      GTimeZone   *zone,
                                      const char  *format);
gboolean  alvh_time_parse_date       (const char  *text,
                                      gsize        len,
                                      gint64      *out_time);
gint64    alvh_time_calendar_days    (gint64       from,
                                      gint64       to);

G_END_DECLS
