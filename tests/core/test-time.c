/* test-time.c — calendar and New York time */
#include "config.h"

#include <string.h>

#include "alvh-core.h"

static void
test_civil_round_trip (void)
{
  /* known day numbers: 1970-01-01 = 0, 2000-03-01 = 11017, 1927-12-30 = -15343 */
  g_assert_cmpint (alvh_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (alvh_days_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (alvh_days_from_civil (1927, 12, 30), ==, -15343);

  for (gint64 d = -60000; d < 60000; d += 7)
    {
      int y, m, day;
      alvh_civil_from_days (d, &y, &m, &day);
      g_assert_true (alvh_date_is_valid (y, m, day));
      g_assert_cmpint (alvh_days_from_civil (y, m, day), ==, d);
    }
}

static void
test_weekday (void)
{
  /* 1987-10-19 (Black Monday) was a Monday, 2020-03-16 a Monday, 2025-01-17 a Friday */
  g_assert_cmpint (alvh_weekday_from_days (alvh_days_from_civil (1987, 10, 19)), ==, 1);
  g_assert_cmpint (alvh_weekday_from_days (alvh_days_from_civil (2020, 3, 16)), ==, 1);
  g_assert_cmpint (alvh_weekday_from_days (alvh_days_from_civil (2025, 1, 17)), ==, 5);
  g_assert_cmpint (alvh_weekday_from_days (alvh_days_from_civil (2023, 8, 20)), ==, 7);
}

static void
test_new_york_offsets (void)
{
  /* 2025-01-06 00:00 EST = 05:00 UTC = 1736139600 */
  g_assert_cmpint (alvh_time_from_ny_date (2025, 1, 6), ==, G_GINT64_CONSTANT (1736139600));
  /* 2023-08-18 16:00 EDT = 20:00 UTC = 1692388800 */
  g_assert_cmpint (alvh_time_from_ny_local (2023, 8, 18, 16, 0, 0), ==, G_GINT64_CONSTANT (1692388800));
  /* DST 2024 began on Sunday 10 March at 02:00 EST and ended on 3 November */
  g_assert_cmpint (alvh_ny_utc_offset (alvh_time_from_ny_local (2024, 3, 10, 1, 59, 0)), ==, -5 * 3600);
  g_assert_cmpint (alvh_ny_utc_offset (alvh_time_from_ny_local (2024, 3, 10, 3, 0, 0)), ==, -4 * 3600);
  g_assert_cmpint (alvh_ny_utc_offset (alvh_time_from_ny_local (2024, 11, 3, 0, 30, 0)), ==, -4 * 3600);
  g_assert_cmpint (alvh_ny_utc_offset (alvh_time_from_ny_local (2024, 11, 4, 0, 0, 0)), ==, -5 * 3600);
  /* before 2007: first Sunday of April to last Sunday of October */
  g_assert_cmpint (alvh_ny_utc_offset (alvh_time_from_ny_date (2006, 4, 3)), ==, -4 * 3600);
  g_assert_cmpint (alvh_ny_utc_offset (alvh_time_from_ny_date (2006, 3, 31)), ==, -5 * 3600);
  g_assert_cmpint (alvh_ny_utc_offset (alvh_time_from_ny_date (2006, 10, 30)), ==, -5 * 3600);
}

static void
test_ny_day_round_trip (void)
{
  for (gint64 d = alvh_days_from_civil (1950, 1, 1); d < alvh_days_from_civil (2040, 1, 1); d++)
    {
      gint64 t = alvh_time_from_ny_day (d);
      g_assert_cmpint (alvh_time_ny_day (t), ==, d);
      g_assert_cmpint (alvh_time_ny_day (alvh_time_from_ny_day (d + 1) - 1), ==, d);
      g_assert_cmpint (alvh_time_calendar_days (t, alvh_time_from_ny_day (d + 45)), ==, 45);
    }
}

static void
test_parse_dates (void)
{
  struct { const char *text; int y, m, d; } good[] = {
    { "2025-01-06", 2025, 1, 6 },
    { "01/06/2025", 2025, 1, 6 },
    { "1/6/2025", 2025, 1, 6 },
    { "2025/01/06", 2025, 1, 6 },
    { "20250106", 2025, 1, 6 },
    { "12/30/1927", 1927, 12, 30 },
    { "2024-02-29", 2024, 2, 29 },
  };
  const char *bad[] = { "", "2025-13-01", "2023-02-29", "0000-00-00", "01/06/25", "2025-01-06x",
                        "N/D", "2025-1", "null", "2025-01-06T25:00" };
  gint64 t;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (alvh_time_parse_date (good[i].text, strlen (good[i].text), &t));
      g_assert_cmpint (t, ==, alvh_time_from_ny_date (good[i].y, good[i].m, good[i].d));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (alvh_time_parse_date (bad[i], strlen (bad[i]), &t));

  g_assert_true (alvh_time_parse_date ("2023-08-18 16:00", 16, &t));
  g_assert_cmpint (t, ==, G_GINT64_CONSTANT (1692388800));
}

static void
check_in_zone (const char *zone_id,
               gint64      t,
               const char *expected)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);
  g_autofree char *text = NULL;

  g_assert_nonnull (zone);
  text = alvh_time_format_in_zone (t, zone, "%Y-%m-%d %H:%M %Z");
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_in_zone (void)
{
  /* 2024-03-10 07:30 UTC: New York switched to EDT at 07:00 UTC that day,
   * Berlin is still on CET until 31 March */
  gint64 t = alvh_time_from_ny_local (2024, 3, 10, 3, 30, 0);
  g_autoptr(GTimeZone) probe = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *utc = NULL;

  g_assert_cmpint (t, ==, G_GINT64_CONSTANT (1710055800));
  utc = alvh_time_format_in_zone (t, NULL, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (utc, ==, "2024-03-10 07:30");
  if (probe == NULL)
    {
      g_test_skip ("tzdata is absent (no Europe/Berlin): zone conversions not checked");
      return;
    }
  check_in_zone ("UTC", t, "2024-03-10 07:30 UTC");
  check_in_zone ("America/New_York", t, "2024-03-10 03:30 EDT");
  check_in_zone ("Europe/Berlin", t, "2024-03-10 08:30 CET");
  /* one minute before the New York switch: 01:59 EST */
  check_in_zone ("America/New_York", G_GINT64_CONSTANT (1710053940), "2024-03-10 01:59 EST");
  /* the autumn edge: 2024-11-03 05:30 UTC is 01:30 EDT, 06:30 UTC is 01:30 EST */
  check_in_zone ("America/New_York", G_GINT64_CONSTANT (1730611800), "2024-11-03 01:30 EDT");
  check_in_zone ("America/New_York", G_GINT64_CONSTANT (1730615400), "2024-11-03 01:30 EST");
  /* Berlin's own edge: 2024-03-31 01:00 UTC is 03:00 CEST */
  check_in_zone ("Europe/Berlin", G_GINT64_CONSTANT (1711846800), "2024-03-31 03:00 CEST");
  /* a daily bar (00:00 New York) seen from Tokyo is 14:00 the same day */
  check_in_zone ("Asia/Tokyo", alvh_time_from_ny_date (2025, 1, 6), "2025-01-06 14:00 JST");
  /* the built-in New York rules agree with tzdata over the years */
  {
    g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");

    for (gint64 s = alvh_time_from_ny_date (1990, 1, 1); s < alvh_time_from_ny_date (2030, 1, 1); s += 3600 * 37)
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (s);
        g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, ny);

        g_assert_cmpint (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC, ==, alvh_ny_utc_offset (s));
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/time/civil-round-trip", test_civil_round_trip);
  g_test_add_func ("/core/time/weekday", test_weekday);
  g_test_add_func ("/core/time/new-york-offsets", test_new_york_offsets);
  g_test_add_func ("/core/time/ny-day-round-trip", test_ny_day_round_trip);
  g_test_add_func ("/core/time/parse", test_parse_dates);
  g_test_add_func ("/core/time/format-in-zone", test_format_in_zone);
  return g_test_run ();
}
