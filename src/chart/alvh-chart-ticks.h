/* alvh-chart-ticks.h — axis ticks: nice price steps and calendar time ticks
 *
 * The time axis runs on bar index (no gaps for weekends and holidays); its
 * ticks fall on the first bar of a calendar unit (year, month, week, day,
 * hour) chosen from the visible span so that labels stay min_spacing apart.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ALVH_CHART_MAX_TICKS 64

typedef enum
{
  ALVH_CHART_TIME_UNIT_MINUTE,
  ALVH_CHART_TIME_UNIT_HOUR,
  ALVH_CHART_TIME_UNIT_DAY,
  ALVH_CHART_TIME_UNIT_MONTH,
  ALVH_CHART_TIME_UNIT_YEAR,
} AlvhChartTimeUnit;

typedef struct
{
  double   value;      /* price, or bar index on the time axis */
  gboolean major;      /* a coarser unit starts here (drawn bold) */
  char     label[24];
} AlvhChartTick;

/* Price ticks between min and max (max_ticks at most, at least 2 when the
 * range allows); on a log scale spanning more than a decade the ticks are
 * 1-2-5 per decade.  Returns the number written to out (<= n_out). */
guint   alvh_chart_price_ticks   (double              min,
                                  double              max,
                                  guint               max_ticks,
                                  gboolean            log_scale,
                                  AlvhChartTick      *out,
                                  guint               n_out);
/* How alvh_chart_nice_step rounds range / max_ticks to 1, 2, (2.5,) 5 × 10^n */
typedef enum
{
  ALVH_CHART_STEP_AT_LEAST,  /* 1, 2, 2.5 or 5 × 10^n, the least not below: an axis */
  ALVH_CHART_STEP_NEAREST,   /* 1, 2 or 5 × 10^n, the nearest: a range to try (the sweep) */
} AlvhChartStepRounding;

/* The one step: alvh_chart_price_ticks uses it (AT_LEAST) on a linear scale */
double  alvh_chart_nice_step     (double                 range,
                                  guint                  max_ticks,
                                  AlvhChartStepRounding  rounding);
/* Format a price with the decimals that `step` needs (step <= 0: 2 decimals) */
void    alvh_chart_format_price  (double              value,
                                  double              step,
                                  char               *buf,
                                  gsize               len);
/**
 * alvh_chart_format_tag:
 * @value: a series' last value, possibly NaN
 * @decimals: the series' decimals
 *
 * The text of a value tag on the price axis, as the one formatter writes
 * numbers on screen: "5,893.05", "5.893,05" in German, "−0.09".
 *
 * Returns: (transfer full): the text
 */
char   *alvh_chart_format_tag    (double              value,
                                  int                 decimals);

/* Time ticks for the bars first..last (bar indices, may be fractional and
 * outside 0..n-1) drawn across width_px.  Returns the count written to out;
 * the unit and step chosen go to *unit_out and *step_out when not NULL. */
guint   alvh_chart_time_ticks    (const gint64       *times,
                                  gsize               n,
                                  double              first,
                                  double              last,
                                  double              width_px,
                                  double              min_spacing_px,
                                  AlvhChartTick      *out,
                                  guint               n_out,
                                  AlvhChartTimeUnit  *unit_out,
                                  guint              *step_out);

/* "Jan".."Dec" for month 1..12 */
const char *alvh_chart_month_abbrev (int month);

G_END_DECLS
