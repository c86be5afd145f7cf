/* alvh-chart-axes.c — the grid, the price and time axes' labels, the value
 * tags on the price axis and the crosshair's lines and tags.  The ticks
 * themselves (the one nice step and the calendar ticks) come from
 * alvh-chart-ticks.c. */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "alvh-chart-private.h"

/* The advance width of @text in the current font */
double
_alvh_chart_text_width (cairo_t    *cr,
                        const char *text)
{
  cairo_text_extents_t ext;

  cairo_text_extents (cr, text, &ext);
  return ext.x_advance;
}

/* a filled tag with text, right of x (on the price axis) */
static void
draw_axis_tag (const Frame         *f,
               double               x,
               double               y,
               const AlvhChartRgba *bg,
               const char          *text)
{
  cairo_t *cr = f->cr;
  double w = _alvh_chart_text_width (cr, text);

  cairo_rectangle (cr, x, y - 8, MAX (w + 8, AXIS_WIDTH - 2), 16);
  alvh_chart_rgba_set_source (bg, cr);
  cairo_fill (cr);
  /* dark text on a light tag, white on a dark one */
  if (0.2126 * bg->r + 0.7152 * bg->g + 0.0722 * bg->b > 0.6)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + 4, y + 4);
  cairo_show_text (cr, text);
}


/* Horizontal lines at the price ticks and vertical ones at the time ticks,
 * across the whole pane */
void
_alvh_chart_draw_grid (const Frame         *f,
                       const Pane          *p,
                       const YMap          *m,
                       const AlvhChartTick *ticks,
                       guint                n_ticks,
                       const AlvhChartTick *time_ticks,
                       guint                n_time_ticks)
{
  cairo_t *cr = f->cr;

  alvh_chart_rgba_set_source (&f->pal->grid, cr);
  cairo_set_line_width (cr, 1.0 / f->scale);
  for (guint t = 0; t < n_ticks; t++)
    {
      double y = snap (f, ymap_y (m, ticks[t].value));
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, f->plot_w, y);
    }
  for (guint t = 0; t < n_time_ticks; t++)
    {
      double x = snap (f, bar_x (f, (gssize) time_ticks[t].value));
      cairo_move_to (cr, x, p->y);
      cairo_line_to (cr, x, p->y + p->height);
    }
  cairo_stroke (cr);
}

/* The price tick labels right of the plot */
void
_alvh_chart_draw_price_labels (const Frame         *f,
                               const Pane          *p,
                               const YMap          *m,
                               const AlvhChartTick *ticks,
                               guint                n_ticks)
{
  cairo_t *cr = f->cr;

  cairo_set_font_size (cr, FONT_SIZE);
  alvh_chart_rgba_set_source (&f->pal->text_dim, cr);
  for (guint t = 0; t < n_ticks; t++)
    {
      double y = ymap_y (m, ticks[t].value);
      if (y < p->y + 6 || y > p->y + p->height - 4)
        continue;
      cairo_move_to (cr, f->plot_w + 6, y + 4);
      cairo_show_text (cr, ticks[t].label);
    }
}

/* the tag colour of a candle series: the colour of its bar i */
static AlvhChartRgba
candle_tag_color (const Frame *f,
                  Series      *s,
                  gssize       i)
{
  if (isfinite (s->v[0][i]) && isfinite (s->v[3][i]))
    return f->pal->colors[s->v[3][i] >= s->v[0][i] ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN];
  return f->pal->colors[ALVH_CHART_COLOR_BLUE];
}

/* a value tag whose value is older than the last visible bar: the value and,
 * below it, its date, so that it never passes for the latest */
static void
draw_dated_tag (const Frame         *f,
                double               y,
                const AlvhChartRgba *bg,
                const char          *text,
                gint64               t)
{
  cairo_t *cr = f->cr;
  g_autofree char *date = _alvh_chart_format_date (t);
  double x = f->plot_w + 1;

  cairo_rectangle (cr, x, y - 8, AXIS_WIDTH - 2, 27);
  alvh_chart_rgba_set_source (bg, cr);
  cairo_fill (cr);
  if (0.2126 * bg->r + 0.7152 * bg->g + 0.0722 * bg->b > 0.6)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + 4, y + 4);
  cairo_show_text (cr, text);
  cairo_set_font_size (cr, FONT_SIZE - 2.5);
  cairo_move_to (cr, x + 3, y + 15);
  cairo_show_text (cr, date);
  cairo_set_font_size (cr, FONT_SIZE);
}

/* Series k's tag: its last visible value's bar (-1: none) and y */
static gssize
value_tag_at (const Frame *f,
              const Pane  *p,
              const YMap  *m,
              Series      *s,
              double      *y)
{
  gssize last = MIN (f->i1, (gssize) f->chart->n - 1), at;
  const double *values;

  if (s->flags & (ALVH_CHART_SERIES_FLAG_OWN_SCALE | ALVH_CHART_SERIES_FLAG_NO_LEGEND))
    return -1;
  if (s->kind == ALVH_CHART_SERIES_BAND || s->kind == ALVH_CHART_SERIES_HISTOGRAM)
    return -1;
  values = s->kind == ALVH_CHART_SERIES_LINE ? s->v[0] : s->v[3];
  for (at = last; at >= f->i0 && !isfinite (values[at]); at--)
    ;
  if (at < f->i0)
    return -1;
  *y = ymap_y (m, values[at]);
  if (!isfinite (*y) || *y < p->y || *y > p->y + p->height)
    return -1;
  *y = CLAMP (*y, p->y + 8, p->y + p->height - 8);
  return at;
}

/* A tag on the price axis with the last visible value of each line and
 * candle series of the pane.  A value from before the last visible bar (a
 * series that ended earlier, a holiday) carries its date below it, and is
 * left out where a tag of the last bar's values would cover it */
void
_alvh_chart_draw_last_values (const Frame *f,
                              const Pane  *p,
                              const YMap  *m)
{
  AlvhChart *self = f->chart;
  gssize last = MIN (f->i1, (gssize) self->n - 1);
  double current[32];
  guint n_current = 0;

  for (guint k = 0; k < p->series->len && last >= 0; k++)
    {
      double y;
      if (value_tag_at (f, p, m, g_ptr_array_index (p->series, k), &y) == last && n_current < G_N_ELEMENTS (current))
        current[n_current++] = y;
    }
  for (int pass = 0; pass < 2 && last >= 0; pass++)
    for (guint k = 0; k < p->series->len; k++)
      {
        Series *s = g_ptr_array_index (p->series, k);
        double y, top;
        gssize at = value_tag_at (f, p, m, s, &y);
        gboolean covered = FALSE;
        char buf[32];
        AlvhChartRgba bg;

        if (at < 0 || (at == last) != (pass == 1))
          continue;
        top = MIN (y, p->y + p->height - 19);
        for (guint j = 0; j < n_current && at != last; j++)
          covered |= current[j] + 8 > top - 8 && current[j] - 8 < top + 19;
        if (covered)
          continue;
        snprintf (buf, sizeof buf, "%.*f", s->decimals, (s->kind == ALVH_CHART_SERIES_LINE ? s->v[0] : s->v[3])[at]);
        if (s->kind == ALVH_CHART_SERIES_LINE)
          bg = f->pal->colors[s->color];
        else
          bg = candle_tag_color (f, s, at);
        if (at == last)
          draw_axis_tag (f, f->plot_w + 1, y, &bg, buf);
        else
          draw_dated_tag (f, top, &bg, buf, self->times[at]);
      }
}

/* The crosshair's horizontal line and its value tag, when the pointer is
 * in this pane */
void
_alvh_chart_draw_crosshair_value (const Frame *f,
                                  const Pane  *p,
                                  const YMap  *m)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  double dash[] = { 4.0, 4.0 };
  double step, t, v;
  char buf[32];

  if (self->crosshair < 0 || self->crosshair_y < p->y || self->crosshair_y >= p->y + p->height)
    return;
  step = alvh_chart_nice_step (m->log ? pow (10, m->hi) - pow (10, m->lo) : m->hi - m->lo, 8) / 10;
  t = m->hi - (self->crosshair_y - m->top) / m->height * (m->hi - m->lo);
  v = m->log ? pow (10, t) : t;
  alvh_chart_rgba_set_source (&f->pal->crosshair, cr);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, 0, snap (f, self->crosshair_y));
  cairo_line_to (cr, f->plot_w, snap (f, self->crosshair_y));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  alvh_chart_format_price (v, step, buf, sizeof buf);
  draw_axis_tag (f, f->plot_w + 1, self->crosshair_y, &f->pal->label_background, buf);
}

/* The time tick labels below the panes; major ones bold */
void
_alvh_chart_draw_time_axis (const Frame         *f,
                            const AlvhChartTick *time_ticks,
                            guint                n_time_ticks,
                            double               axis_y)
{
  cairo_t *cr = f->cr;

  cairo_set_font_size (cr, FONT_SIZE);
  for (guint t = 0; t < n_time_ticks; t++)
    {
      double x = bar_x (f, (gssize) time_ticks[t].value);
      double w = _alvh_chart_text_width (cr, time_ticks[t].label);
      if (x < 0 || x > f->plot_w)
        continue;
      /* keep a label whose tick is in view inside the axis */
      x = CLAMP (x, w / 2 + 2, f->plot_w - w / 2 - 2);
      cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL,
                              time_ticks[t].major ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      alvh_chart_rgba_set_source (time_ticks[t].major ? &f->pal->text : &f->pal->text_dim, cr);
      cairo_move_to (cr, x - w / 2, axis_y + 15);
      cairo_show_text (cr, time_ticks[t].label);
    }
  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
}

/* The crosshair's vertical line through all panes and its date tag on the
 * time axis */
void
_alvh_chart_draw_crosshair_time (const Frame *f,
                                 double       axis_y)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  double dash[] = { 4.0, 4.0 };
  g_autofree char *date = NULL;
  double x, w;

  if (self->crosshair < 0 || (gsize) self->crosshair >= self->n)
    return;
  x = snap (f, bar_x (f, self->crosshair));
  if (x < 0 || x > f->plot_w)
    return;
  date = _alvh_chart_format_date (self->times[self->crosshair]);
  alvh_chart_rgba_set_source (&f->pal->crosshair, cr);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, x, 0);
  cairo_line_to (cr, x, axis_y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  w = _alvh_chart_text_width (cr, date);
  x = CLAMP (x - w / 2 - 4, 0, f->plot_w - w - 8);
  cairo_rectangle (cr, x, axis_y + 2, w + 8, 18);
  alvh_chart_rgba_set_source (&f->pal->label_background, cr);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + 4, axis_y + 15);
  cairo_show_text (cr, date);
}
