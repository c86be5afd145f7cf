/* alvh-chart-ticks.c — nice price ticks and calendar-aware time ticks */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include "alvh-format.h"
#include "alvh-time.h"
#include "alvh-chart-ticks.h"

static const char * const month_names[] = {
  NC_("month abbreviation", "Jan"), NC_("month abbreviation", "Feb"),
  NC_("month abbreviation", "Mar"), NC_("month abbreviation", "Apr"),
  NC_("month abbreviation", "May"), NC_("month abbreviation", "Jun"),
  NC_("month abbreviation", "Jul"), NC_("month abbreviation", "Aug"),
  NC_("month abbreviation", "Sep"), NC_("month abbreviation", "Oct"),
  NC_("month abbreviation", "Nov"), NC_("month abbreviation", "Dec"),
};

/**
 * alvh_chart_month_abbrev:
 * @month: 1 (January) .. 12
 *
 * Returns: (transfer none): the translated abbreviation, or "?" for another number
 */
const char *
alvh_chart_month_abbrev (int month)
{
  if (month < 1 || month > 12)
    return "?";
  return g_dpgettext2 (GETTEXT_PACKAGE, "month abbreviation", month_names[month - 1]);
}

/**
 * alvh_chart_nice_step:
 * @range: the span of values
 * @max_ticks: about how many steps should fit
 * @rounding: how range / @max_ticks is rounded
 *
 * The one step every axis and the Sweep view use.  %ALVH_CHART_STEP_AT_LEAST
 * (axes): 1, 2, 2.5 or 5 times a power of ten, at least @range / @max_ticks.
 * %ALVH_CHART_STEP_NEAREST (a range to try): 1, 2 or 5 times a power of ten
 * nearest @range / @max_ticks (a mantissa below 1.5 is 1, below 3.5 is 2,
 * below 7.5 is 5, else 10).
 *
 * Returns: the step; 1 for an empty or invalid range
 */
double
alvh_chart_nice_step (double                range,
                      guint                 max_ticks,
                      AlvhChartStepRounding rounding)
{
  double raw, mag, norm;

  if (!(range > 0) || !isfinite (range) || max_ticks < 1)
    return 1.0;
  raw = range / max_ticks;
  mag = pow (10.0, floor (log10 (raw)));
  norm = raw / mag;
  if (rounding == ALVH_CHART_STEP_NEAREST)
    return (norm < 1.5 ? 1.0 : norm < 3.5 ? 2.0 : norm < 7.5 ? 5.0 : 10.0) * mag;
  if (norm <= 1.0)
    return mag;
  if (norm <= 2.0)
    return 2.0 * mag;
  if (norm <= 2.5)
    return 2.5 * mag;
  if (norm <= 5.0)
    return 5.0 * mag;
  return 10.0 * mag;
}

/**
 * alvh_chart_format_price:
 * @value: a price
 * @step: the axis step (<= 0: 2 decimals)
 * @buf: (out caller-allocates) (array length=len): where the text goes
 * @len: the size of @buf
 *
 * Writes @value with the decimals that @step needs.
 */
void
alvh_chart_format_price (double  value,
                         double  step,
                         char   *buf,
                         gsize   len)
{
  int decimals = 2;

  if (step > 0 && isfinite (step))
    {
      decimals = 0;
      /* smallest number of decimals that represents the step exactly */
      while (decimals < 6 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
        decimals++;
    }
  if (fabs (value) < 1e-12)
    value = 0.0;
  {
    /* as the one formatter writes numbers on screen: "5,900", "17.5" ("17,5") */
    g_autofree char *text = alvh_format_number (value, decimals, ALVH_FORMAT_SCREEN);

    g_strlcpy (buf, text, len);
  }
}

char *
alvh_chart_format_tag (double value,
                       int    decimals)
{
  return alvh_format_number (value, CLAMP (decimals, 0, 10), ALVH_FORMAT_SCREEN);
}

/**
 * alvh_chart_price_ticks:
 * @min: the bottom of the axis
 * @max: the top of the axis
 * @max_ticks: the most ticks wanted
 * @log_scale: whether the axis is logarithmic
 * @out: (out caller-allocates) (array length=n_out): the ticks
 * @n_out: room in @out
 *
 * Price ticks between @min and @max; on a log scale over more than a decade
 * 1-2-5 per decade.
 *
 * Returns: the number of ticks written
 */
guint
alvh_chart_price_ticks (double         min,
                        double         max,
                        guint          max_ticks,
                        gboolean       log_scale,
                        AlvhChartTick *out,
                        guint          n_out)
{
  guint n = 0;
  double step;

  if (!isfinite (min) || !isfinite (max) || max <= min || n_out == 0)
    return 0;
  if (max_ticks < 2)
    max_ticks = 2;

  if (log_scale && min > 0 && log10 (max / min) > 0.7)
    {
      static const double sets[][3] = { { 1, 2, 5 }, { 1, 3, 0 }, { 1, 0, 0 } };
      static const guint set_len[] = { 3, 2, 1 };
      double decades = log10 (max / min);
      guint set = 0;
      int dstep = 1;
      int d0, d1;

      while (set < 2 && decades * set_len[set] > max_ticks)
        set++;
      while (decades / dstep > max_ticks)
        dstep++;
      d0 = (int) floor (log10 (min));
      d1 = (int) ceil (log10 (max));
      for (int d = d0; d <= d1; d++)
        {
          if (((d % dstep) + dstep) % dstep != 0)
            continue;
          for (guint k = 0; k < set_len[set]; k++)
            {
              double v = sets[set][k] * pow (10.0, d);
              if (v < min || v > max || n >= n_out)
                continue;
              out[n].value = v;
              out[n].major = k == 0;
              alvh_chart_format_price (v, v < 1 ? v : 1, out[n].label, sizeof out[n].label);
              n++;
            }
        }
      return n;
    }

  step = alvh_chart_nice_step (max - min, max_ticks, ALVH_CHART_STEP_AT_LEAST);
  for (double v = ceil (min / step - 1e-9) * step; v <= max + step * 1e-9 && n < n_out; v += step)
    {
      out[n].value = v;
      out[n].major = FALSE;
      alvh_chart_format_price (v, step, out[n].label, sizeof out[n].label);
      n++;
    }
  return n;
}

/* first index with times[i] >= t: one past the last one before t */
static gsize
lower_bound (const gint64 *times,
             gsize         n,
             gint64        t)
{
  return t == G_MININT64 ? 0 : (gsize) (alvh_time_find_le (times, n, t - 1) + 1);
}

typedef struct
{
  AlvhChartTimeUnit unit;
  guint             step;
  double            seconds;
} Candidate;

static const Candidate candidates[] = {
  { ALVH_CHART_TIME_UNIT_MINUTE, 1, 60 },
  { ALVH_CHART_TIME_UNIT_MINUTE, 5, 300 },
  { ALVH_CHART_TIME_UNIT_MINUTE, 15, 900 },
  { ALVH_CHART_TIME_UNIT_MINUTE, 30, 1800 },
  { ALVH_CHART_TIME_UNIT_HOUR, 1, 3600 },
  { ALVH_CHART_TIME_UNIT_HOUR, 3, 3 * 3600 },
  { ALVH_CHART_TIME_UNIT_HOUR, 6, 6 * 3600 },
  { ALVH_CHART_TIME_UNIT_DAY, 1, 86400 },
  { ALVH_CHART_TIME_UNIT_DAY, 7, 7 * 86400 },
  { ALVH_CHART_TIME_UNIT_DAY, 14, 14 * 86400 },
  { ALVH_CHART_TIME_UNIT_MONTH, 1, 30.44 * 86400 },
  { ALVH_CHART_TIME_UNIT_MONTH, 3, 91.3 * 86400 },
  { ALVH_CHART_TIME_UNIT_MONTH, 6, 182.6 * 86400 },
  { ALVH_CHART_TIME_UNIT_YEAR, 1, 365.25 * 86400 },
  { ALVH_CHART_TIME_UNIT_YEAR, 2, 2 * 365.25 * 86400 },
  { ALVH_CHART_TIME_UNIT_YEAR, 5, 5 * 365.25 * 86400 },
  { ALVH_CHART_TIME_UNIT_YEAR, 10, 10 * 365.25 * 86400 },
  { ALVH_CHART_TIME_UNIT_YEAR, 25, 25 * 365.25 * 86400 },
  { ALVH_CHART_TIME_UNIT_YEAR, 50, 50 * 365.25 * 86400 },
};

static void
label_tick (AlvhChartTick     *tick,
            gint64             t,
            gint64             prev_t,
            gboolean           has_prev,
            AlvhChartTimeUnit  unit)
{
  int y, m, d, py = 0, pm = 0, pd = 0;

  alvh_time_to_ny_date (t, &y, &m, &d);
  if (has_prev)
    alvh_time_to_ny_date (prev_t, &py, &pm, &pd);

  tick->major = FALSE;
  if (unit == ALVH_CHART_TIME_UNIT_YEAR || (has_prev && y != py && unit >= ALVH_CHART_TIME_UNIT_DAY))
    {
      snprintf (tick->label, sizeof tick->label, "%d", y);
      tick->major = unit != ALVH_CHART_TIME_UNIT_YEAR || y % 10 == 0;
    }
  else if (unit == ALVH_CHART_TIME_UNIT_MONTH || (has_prev && m != pm && unit >= ALVH_CHART_TIME_UNIT_DAY))
    {
      snprintf (tick->label, sizeof tick->label, "%s", alvh_chart_month_abbrev (m));
      tick->major = unit != ALVH_CHART_TIME_UNIT_MONTH;
    }
  else if (unit == ALVH_CHART_TIME_UNIT_DAY || (has_prev && d != pd))
    {
      if (unit == ALVH_CHART_TIME_UNIT_DAY)
        snprintf (tick->label, sizeof tick->label, "%d", d);
      else
        {
          snprintf (tick->label, sizeof tick->label, "%s %d", alvh_chart_month_abbrev (m), d);
          tick->major = TRUE;
        }
    }
  else
    {
      gint64 local = t + alvh_ny_utc_offset (t);
      gint64 sod = ((local % 86400) + 86400) % 86400;
      snprintf (tick->label, sizeof tick->label, "%02d:%02d", (int) (sod / 3600), (int) (sod / 60 % 60));
    }
}

/* A walk over the calendar boundaries of one unit and step */
typedef struct
{
  const Candidate *c;
  int              y, m, d;
  gint64           hour_t;   /* minutes and hours */
} Boundary;

/* the start of the unit that holds the first visible bar */
static void
boundary_init (Boundary        *b,
               const Candidate *c,
               gint64           t0)
{
  int y0, m0, d0;

  alvh_time_to_ny_date (t0, &y0, &m0, &d0);
  *b = (Boundary) { .c = c, .y = y0, .m = m0, .d = 1 };
  switch (c->unit)
    {
    case ALVH_CHART_TIME_UNIT_YEAR:
      b->y = y0 - (((y0 % (int) c->step) + (int) c->step) % (int) c->step);
      b->m = 1;
      break;
    case ALVH_CHART_TIME_UNIT_MONTH:
      b->m = m0 - ((m0 - 1) % (int) c->step);
      break;
    case ALVH_CHART_TIME_UNIT_DAY:
      b->d = 1;
      break;
    case ALVH_CHART_TIME_UNIT_HOUR:
    case ALVH_CHART_TIME_UNIT_MINUTE:
    default:
      {
        gint64 local = t0 + alvh_ny_utc_offset (t0);
        gint64 period = (gint64) c->seconds;
        b->hour_t = t0 - (((local % period) + period) % period);
      }
      break;
    }
}

static void
next_month (Boundary *b)
{
  b->d = 1;
  if (++b->m > 12)
    {
      b->m = 1;
      b->y++;
    }
}

static void
boundary_next (Boundary *b)
{
  switch (b->c->unit)
    {
    case ALVH_CHART_TIME_UNIT_YEAR:
      b->y += (int) b->c->step;
      break;
    case ALVH_CHART_TIME_UNIT_MONTH:
      b->m += (int) b->c->step;
      if (b->m > 12)
        {
          b->m -= 12;
          b->y++;
        }
      break;
    case ALVH_CHART_TIME_UNIT_DAY:
      if (b->c->step == 1)
        {
          b->d++;
          if (!alvh_date_is_valid (b->y, b->m, b->d))
            next_month (b);
        }
      else
        {
          /* 7: the 1st, 8th, 15th, 22nd; 14: the 1st and 15th */
          b->d += (int) b->c->step;
          if (b->d > 22 || (b->c->step == 14 && b->d > 15))
            next_month (b);
        }
      break;
    case ALVH_CHART_TIME_UNIT_HOUR:
    case ALVH_CHART_TIME_UNIT_MINUTE:
    default:
      b->hour_t += (gint64) b->c->seconds;
      break;
    }
}

static gint64
boundary_time (const Boundary *b)
{
  if (b->c->unit >= ALVH_CHART_TIME_UNIT_DAY)
    return alvh_time_from_ny_date (b->y, b->m, b->d);
  return b->hour_t;
}

/* the finest unit whose step is at least min_spacing_px wide */
static const Candidate *
choose_candidate (double px_per_second,
                  double min_spacing_px)
{
  const Candidate *c = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      c = &candidates[k];
      if (c->seconds * px_per_second >= min_spacing_px)
        break;
    }
  return c;
}

/**
 * alvh_chart_time_ticks:
 * @times: (array length=n): the bar times
 * @n: the number of bars
 * @first: the first visible bar (fractional, may be outside 0 .. n - 1)
 * @last: the last visible bar
 * @width_px: the width the bars span
 * @min_spacing_px: the least room between labels
 * @out: (out caller-allocates) (array length=n_out): the ticks
 * @n_out: room in @out
 * @unit_out: (out) (optional): the calendar unit chosen
 * @step_out: (out) (optional): the step chosen
 *
 * Ticks on the first bar of each year, month, week, day or hour, the unit
 * chosen so that labels stay @min_spacing_px apart.
 *
 * Returns: the number of ticks written
 */
guint
alvh_chart_time_ticks (const gint64      *times,
                       gsize              n,
                       double             first,
                       double             last,
                       double             width_px,
                       double             min_spacing_px,
                       AlvhChartTick     *out,
                       guint              n_out,
                       AlvhChartTimeUnit *unit_out,
                       guint             *step_out)
{
  gssize i0, i1;
  double span, px_per_second, px_per_bar;
  const Candidate *c;
  Boundary b;
  guint n_ticks = 0;
  gsize last_index = G_MAXSIZE;
  double last_x = -G_MAXDOUBLE;
  int y1, m1, d1;
  guint guard = 0;

  if (n == 0 || times == NULL || !(last > first) || width_px <= 0 || n_out == 0)
    return 0;

  i0 = (gssize) MAX (0.0, ceil (first));
  i1 = (gssize) MIN ((double) n - 1, floor (last));
  if (i0 > i1)
    return 0;

  px_per_bar = width_px / (last - first);
  span = (double) (times[i1] - times[i0]);
  if (i1 > i0 && span > 0)
    px_per_second = px_per_bar * (double) (i1 - i0) / span;
  else
    px_per_second = px_per_bar / 86400.0;

  c = choose_candidate (px_per_second, min_spacing_px);
  if (unit_out)
    *unit_out = c->unit;
  if (step_out)
    *step_out = c->step;

  alvh_time_to_ny_date (times[i1], &y1, &m1, &d1);

  /* walk the calendar boundaries of the chosen unit from the first visible
   * bar's unit start to the last visible bar */
  for (boundary_init (&b, c, times[i0]); guard++ < 5000 && n_ticks < n_out; boundary_next (&b))
    {
      gint64 boundary;
      gsize idx;

      if (c->unit >= ALVH_CHART_TIME_UNIT_DAY && b.y > y1 + 1)
        break;
      boundary = boundary_time (&b);
      if (boundary > times[i1])
        break;

      idx = lower_bound (times, n, boundary);
      if (idx >= (gsize) i0 && idx <= (gsize) i1 && idx != last_index)
        {
          double x = ((double) idx - first) * px_per_bar;
          AlvhChartTick tick;

          tick.value = (double) idx;
          label_tick (&tick, times[idx], idx > 0 ? times[idx - 1] : 0, idx > 0, c->unit);
          if (x - last_x >= min_spacing_px * 0.75)
            {
              out[n_ticks++] = tick;
              last_x = x;
            }
          else if (tick.major && n_ticks > 0 && !out[n_ticks - 1].major)
            {
              out[n_ticks - 1] = tick;
              last_x = x;
            }
          last_index = idx;
        }
    }

  return n_ticks;
}
