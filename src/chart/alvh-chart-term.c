/* alvh-chart-term.c — the VIX term structure of one date */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include "alvh-calendar.h"
#include "alvh-time.h"
#include "alvh-chart-palette.h"
#include "alvh-chart-ticks.h"
#include "alvh-chart-term.h"

/* the row of @s on the New York day of @t or the last one before it (-1) */
static gssize
row_at_or_before (AlvhSeries *s,
                  gint64      day)
{
  const gint64 *times;
  gsize lo = 0, hi;

  if (s == NULL)
    return -1;
  times = alvh_series_get_times (s);
  hi = alvh_series_get_length (s);
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (alvh_time_ny_day (times[mid]) <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (gssize) lo - 1;
}

static void
add_point (AlvhChartTermCurve *c,
           double              days,
           double              value,
           const char         *label)
{
  guint k;

  if (!isfinite (value) || c->n >= ALVH_CHART_TERM_MAX_POINTS)
    return;
  for (k = c->n; k > 0 && c->days[k - 1] > days; k--)
    {
      c->days[k] = c->days[k - 1];
      c->value[k] = c->value[k - 1];
      c->label[k] = c->label[k - 1];
    }
  c->days[k] = days;
  c->value[k] = value;
  c->label[k] = label;
  c->n++;
}

/* the index's close on @day exactly (NAN when it has none) */
static double
close_on (AlvhSeries *s,
          gint64      day,
          const char *column)
{
  gssize r = row_at_or_before (s, day);
  const double *v;

  if (r < 0 || alvh_time_ny_day (alvh_series_get_times (s)[r]) != day)
    return NAN;
  v = alvh_series_get_column_by_name (s, column);
  if (v == NULL && alvh_series_get_n_columns (s) > 0 && g_strcmp0 (column, "close") == 0)
    v = alvh_series_get_column (s, 0);
  return v ? v[r] : NAN;
}

/**
 * alvh_chart_term_curve_at:
 * @vix9d: (nullable): VIX9D closes
 * @vix: (nullable): VIX closes
 * @vix3m: (nullable): VIX3M closes
 * @vx: (nullable): VX settles by term ("vx1" .. "vx8")
 * @t: a time; the curve is of the last session with a VIX close at or
 *   before its New York day
 * @curve: (out caller-allocates): the curve
 *
 * VIX9D at 9 days, VIX at 30, VIX3M at 93 and VXk at the calendar days to
 * its expiry (alvh_calendar_vix_expiry(), the k-th expiry after the day).
 *
 * Returns: whether there was such a session
 */
gboolean
alvh_chart_term_curve_at (AlvhSeries         *vix9d,
                          AlvhSeries         *vix,
                          AlvhSeries         *vix3m,
                          AlvhSeries         *vx,
                          gint64              t,
                          AlvhChartTermCurve *curve)
{
  static const char *vx_labels[ALVH_VX_TERMS] = { "VX1", "VX2", "VX3", "VX4", "VX5", "VX6", "VX7", "VX8" };
  gssize r = row_at_or_before (vix, alvh_time_ny_day (t));
  gint64 day;
  GDate date;
  guint term = 0;

  memset (curve, 0, sizeof *curve);
  if (r < 0)
    return FALSE;
  curve->time = alvh_series_get_times (vix)[r];
  day = alvh_time_ny_day (curve->time);
  add_point (curve, 9, close_on (vix9d, day, "close"), "VIX9D");
  add_point (curve, 30, close_on (vix, day, "close"), "VIX");
  add_point (curve, 93, close_on (vix3m, day, "close"), "VIX3M");
  /* the VIX expiries after the day, month by month */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (day + 719163));
  for (int m = 0; m < 12 && term < ALVH_VX_TERMS; m++)
    {
      int year = g_date_get_year (&date) + (g_date_get_month (&date) - 1 + m) / 12;
      int month = (g_date_get_month (&date) - 1 + m) % 12 + 1;
      gint64 expiry = alvh_calendar_vix_expiry (year, month);
      char column[8];

      if (expiry <= day)
        continue;
      snprintf (column, sizeof column, "vx%u", term + 1);
      add_point (curve, (double) (expiry - day), vx ? close_on (vx, day, column) : NAN, vx_labels[term]);
      term++;
    }
  return curve->n > 0;
}

static double
_alvh_text_width (cairo_t    *cr,
                  const char *text)
{
  cairo_text_extents_t ext;

  cairo_text_extents (cr, text, &ext);
  return ext.x_advance;
}

/* the New York date of @t, YYYY-MM-DD */
static void
format_day (gint64  t,
            char   *buf,
            gsize   len)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (alvh_time_ny_day (t) + 719163));
  g_date_strftime (buf, len, "%Y-%m-%d", &date);
}

static gboolean
is_future (const char *label)
{
  return g_str_has_prefix (label, "VX") && g_ascii_isdigit (label[2]);
}

static void
curve_path (cairo_t                  *cr,
            const AlvhChartTermCurve *c,
            double                    x0,
            double                    y0,
            double                    w,
            double                    h,
            double                    dmax,
            double                    lo,
            double                    hi)
{
  /* two lines: the indices (VIX9D, VIX, VIX3M) and the futures (VXk) */
  for (int futures = 0; futures < 2; futures++)
    {
      gboolean first = TRUE;
      for (guint k = 0; k < c->n; k++)
        {
          double x = x0 + c->days[k] / dmax * w;
          double y = y0 + (hi - c->value[k]) / (hi - lo) * h;
          if (is_future (c->label[k]) != futures)
            continue;
          if (first)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
          first = FALSE;
        }
    }
}

/**
 * alvh_chart_term_render:
 * @cr: where to draw
 * @width: the width
 * @height: the height
 * @dark: the dark palette
 * @now: the curve of the date
 * @before: (nullable): an earlier curve, drawn dashed and dimmed
 *
 * Draws the curves on a days-to-expiry axis with their points labelled.
 */
void
alvh_chart_term_render (cairo_t                  *cr,
                        double                    width,
                        double                    height,
                        gboolean                  dark,
                        const AlvhChartTermCurve *now,
                        const AlvhChartTermCurve *before)
{
  const AlvhChartPalette *pal = alvh_chart_palette_get (dark);
  const double left = 12, right = 56, top = 28, bottom = 28;
  double w = MAX (1, width - left - right), h = MAX (1, height - top - bottom);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, dmax = 30, step;
  const AlvhChartTermCurve *curves[2] = { before, now };
  char buf[64];

  alvh_chart_rgba_set_source (&pal->background, cr);
  cairo_paint (cr);
  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (guint c = 0; c < 2; c++)
    for (guint k = 0; curves[c] && k < curves[c]->n; k++)
      {
        lo = MIN (lo, curves[c]->value[k]);
        hi = MAX (hi, curves[c]->value[k]);
        dmax = MAX (dmax, curves[c]->days[k]);
      }
  if (now == NULL || now->n == 0 || !(hi >= lo))
    {
      alvh_chart_rgba_set_source (&pal->text_dim, cr);
      cairo_move_to (cr, left, top);
      cairo_show_text (cr, _("No VIX term structure on this date"));
      return;
    }
  step = alvh_chart_nice_step (MAX (hi - lo, 1), 6, ALVH_CHART_STEP_AT_LEAST);
  lo = floor (lo / step) * step - step / 2;
  hi = ceil (hi / step) * step + step / 2;
  dmax *= 1.05;

  /* grid and value axis */
  cairo_set_line_width (cr, 1);
  for (double v = ceil (lo / step) * step; v <= hi; v += step)
    {
      double y = floor (top + (hi - v) / (hi - lo) * h) + 0.5;
      alvh_chart_rgba_set_source (&pal->grid, cr);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + w, y);
      cairo_stroke (cr);
      alvh_chart_rgba_set_source (&pal->text_dim, cr);
      alvh_chart_format_price (v, step, buf, sizeof buf);
      cairo_move_to (cr, left + w + 6, y + 4);
      cairo_show_text (cr, buf);
    }
  for (double d = 0; d <= dmax; d += 30)
    {
      double x = left + d / dmax * w;
      alvh_chart_rgba_set_source (&pal->text_dim, cr);
      snprintf (buf, sizeof buf, "%.0f", d);
      cairo_move_to (cr, x - 6, top + h + 16);
      cairo_show_text (cr, buf);
    }

  /* the earlier curve, then the date's with its points labelled */
  for (guint c = 0; c < 2; c++)
    {
      const AlvhChartTermCurve *cv = curves[c];
      if (cv == NULL || cv->n == 0)
        continue;
      alvh_chart_palette_set_source (pal, cr, c == 1 ? ALVH_CHART_COLOR_BLUE : ALVH_CHART_COLOR_GRAY, c == 1 ? 1.0 : 0.8);
      cairo_set_line_width (cr, c == 1 ? 2 : 1.5);
      if (c == 0)
        cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
      curve_path (cr, cv, left, top, w, h, dmax, lo, hi);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint k = 0; k < cv->n; k++)
        {
          double x = left + cv->days[k] / dmax * w, y = top + (hi - cv->value[k]) / (hi - lo) * h;
          if (is_future (cv->label[k]))
            cairo_arc (cr, x, y, c == 1 ? 3.5 : 2.5, 0, 2 * G_PI);
          else
            cairo_rectangle (cr, x - 3.5, y - 3.5, 7, 7);
          cairo_fill (cr);
          if (c == 1)
            {
              snprintf (buf, sizeof buf, "%s %.2f", cv->label[k], cv->value[k]);
              cairo_move_to (cr, x + 5, y - 6 - (k % 2) * 12);
              cairo_show_text (cr, buf);
            }
        }
    }

  /* the legend */
  alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_BLUE, 1.0);
  cairo_move_to (cr, left, 16);
  format_day (now->time, buf, sizeof buf);
  cairo_show_text (cr, buf);
  if (before != NULL && before->n > 0)
    {
      format_day (before->time, buf, sizeof buf);
      alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_GRAY, 1.0);
      cairo_move_to (cr, left + 90, 16);
      cairo_show_text (cr, buf);
    }
  alvh_chart_rgba_set_source (&pal->text_dim, cr);
  cairo_move_to (cr, left + w - _alvh_text_width (cr, _("Calendar days to expiry")), 16);
  cairo_show_text (cr, _("Calendar days to expiry"));
}
