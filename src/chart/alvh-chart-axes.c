/* alvh-chart-axes.c — the grid, the price and time axes' labels, the value
 * tags on the price axis and the crosshair's lines and tags.  The ticks
 * themselves (the one nice step and the calendar ticks) come from
 * alvh-chart-ticks.c. */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

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

/* A tag of w x h from (x, y - 8) in @bg with @text on its first line: dark
 * text on a light tag, white on a dark one */
static void
fill_tag (cairo_t             *cr,
          double               x,
          double               y,
          double               w,
          double               h,
          const AlvhChartRgba *bg,
          const char          *text)
{
  cairo_rectangle (cr, x, y - 8, w, h);
  alvh_chart_rgba_set_source (bg, cr);
  cairo_fill (cr);
  if (0.2126 * bg->r + 0.7152 * bg->g + 0.0722 * bg->b > 0.6)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + 4, y + 4);
  cairo_show_text (cr, text);
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

  fill_tag (cr, x, y, MAX (w + 8, AXIS_WIDTH - 2), 16, bg, text);
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

static gboolean
rects_meet (const AlvhChartRect *a,
            const AlvhChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The price tick labels right of the plot, but for those a value tag
 * covers (_alvh_chart_draw_last_values () first): a number half hidden
 * behind a tag reads as another number */
void
_alvh_chart_draw_price_labels (const Frame         *f,
                               Pane                *p,
                               const YMap          *m,
                               const AlvhChartTick *ticks,
                               guint                n_ticks)
{
  cairo_t *cr = f->cr;

  cairo_set_font_size (cr, FONT_SIZE);
  alvh_chart_rgba_set_source (&f->pal->text_dim, cr);
  p->n_tick_rects = 0;
  for (guint t = 0; t < n_ticks; t++)
    {
      double y = ymap_y (m, ticks[t].value);
      /* the label's box: its baseline is y + 4 */
      AlvhChartRect box = { f->plot_w + 6, y - 5, _alvh_chart_text_width (cr, ticks[t].label), 11 };
      gboolean covered = FALSE;

      if (y < p->y + 6 || y > p->y + p->height - 4)
        continue;
      for (guint k = 0; k < p->n_tag_rects && !covered; k++)
        covered = rects_meet (&box, &p->tag_rects[k]);
      if (covered)
        continue;
      cairo_move_to (cr, f->plot_w + 6, y + 4);
      cairo_show_text (cr, ticks[t].label);
      if (p->n_tick_rects < G_N_ELEMENTS (p->tick_rects))
        p->tick_rects[p->n_tick_rects++] = box;
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

  fill_tag (cr, x, y, AXIS_WIDTH - 2, 27, bg, text);
  cairo_set_font_size (cr, FONT_SIZE - 2.5);
  cairo_move_to (cr, x + 3, y + 15);
  cairo_show_text (cr, date);
  cairo_set_font_size (cr, FONT_SIZE);
}

/* the last bar whose middle is in view (f->i1 may be the bar just past the
 * right edge) */
static gssize
last_tag_bar (const Frame *f)
{
  double last = floor (f->chart->first + f->chart->bars - 0.5);

  return (gssize) MIN (MIN ((double) f->i1, last), (double) f->chart->n - 1);
}

/* Series k's tag: its last visible value's bar (-1: none) and y */
static gssize
value_tag_at (const Frame *f,
              const Pane  *p,
              const YMap  *m,
              Series      *s,
              double      *y)
{
  gssize last = last_tag_bar (f), at;
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

/* A value tag to place: where its value is (y), where its box wants to
 * start (want) and where the layout put it (top) */
typedef struct
{
  Series  *series;
  gssize   at;
  double   y;
  double   want;
  double   height;
  double   top;
} Tag;

static int
tag_compare (gconstpointer a,
             gconstpointer b)
{
  const Tag *ta = a, *tb = b;
  return (ta->want > tb->want) - (ta->want < tb->want);
}

/* Moves the tags (sorted by want) apart so that no two overlap, each group
 * of touching tags centred on where its members want to be, and all within
 * [lo, hi].  Returns FALSE when they do not fit. */
static gboolean
layout_tags (Tag    *tags,
             guint   n,
             double  lo,
             double  hi)
{
  guint start[MAX_PANE_LABELS], n_groups = 0;
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += tags[i].height + 1;
  if (total > hi - lo + 1)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      start[n_groups++] = i;
      /* place the last group [start, i] at the mean of where its members
       * want it; merge it with the group above while they overlap */
      while (TRUE)
        {
          guint g = n_groups - 1;
          double off = 0, sum = 0, top;

          for (guint k = start[g]; k <= i; k++)
            {
              sum += tags[k].want - off;
              off += tags[k].height + 1;
            }
          top = CLAMP (sum / (i + 1 - start[g]), lo, hi + 1 - off);
          for (guint k = start[g]; k <= i; k++)
            {
              tags[k].top = top;
              top += tags[k].height + 1;
            }
          if (g == 0 || tags[start[g] - 1].top + tags[start[g] - 1].height + 1 <= tags[start[g]].top)
            break;
          n_groups--;
        }
    }
  return TRUE;
}

/* the tags of the pane's line and candle series: their last visible values */
static guint
collect_tags (const Frame *f,
              const Pane  *p,
              const YMap  *m,
              Tag         *tags,
              gboolean     dated)
{
  gssize last = last_tag_bar (f);
  guint n = 0;

  for (guint k = 0; k < p->series->len && last >= 0 && n < MAX_PANE_LABELS; k++)
    {
      Series *s = g_ptr_array_index (p->series, k);
      double y;
      gssize at = value_tag_at (f, p, m, s, &y);

      if (at < 0 || (at != last && !dated))
        continue;
      tags[n].series = s;
      tags[n].at = at;
      tags[n].y = y;
      tags[n].height = at == last ? 16 : 27;
      tags[n].want = y - 8;
      n++;
    }
  return n;
}

/* A tag on the price axis with the last visible value of each line and
 * candle series of the pane.  A value from before the last visible bar (a
 * series that ended earlier, a holiday) carries its date below it.  Tags
 * never overlap: they are moved apart (with a leader line to their value
 * when moved); when they do not fit, the dated ones are left out. */
void
_alvh_chart_draw_last_values (const Frame *f,
                              Pane        *p,
                              const YMap  *m)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  gssize last = last_tag_bar (f);
  Tag tags[MAX_PANE_LABELS];
  guint n;

  p->n_tag_rects = 0;
  n = collect_tags (f, p, m, tags, TRUE);
  qsort (tags, n, sizeof (Tag), tag_compare);
  if (!layout_tags (tags, n, p->y, p->y + p->height))
    {
      n = collect_tags (f, p, m, tags, FALSE);
      qsort (tags, n, sizeof (Tag), tag_compare);
      while (n > 0 && !layout_tags (tags, n, p->y, p->y + p->height))
        n--;
    }
  for (guint k = 0; k < n; k++)
    {
      Tag *t = &tags[k];
      Series *s = t->series;
      g_autofree char *buf = alvh_chart_format_tag ((s->kind == ALVH_CHART_SERIES_LINE ? s->v[0] : s->v[3])[t->at],
                                                    s->decimals);
      AlvhChartRgba bg;

      bg = s->kind == ALVH_CHART_SERIES_LINE ? f->pal->colors[s->color] : candle_tag_color (f, s, t->at);
      if (fabs (t->top + 8 - t->y) > 1.5)
        {
          /* a leader line from the value at the plot's edge to the moved tag */
          alvh_chart_rgba_set_source (&bg, cr);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, f->plot_w - 5, t->y);
          cairo_line_to (cr, f->plot_w + 1, t->top + 8);
          cairo_stroke (cr);
        }
      if (t->at == last)
        draw_axis_tag (f, f->plot_w + 1, t->top + 8, &bg, buf);
      else
        draw_dated_tag (f, t->top + 8, &bg, buf, self->times[t->at]);
      p->tag_rects[p->n_tag_rects++] = (AlvhChartRect) {
        f->plot_w + 1, t->top,
        MAX (_alvh_chart_text_width (cr, buf) + 8, AXIS_WIDTH - 2), t->height };
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
  step = alvh_chart_nice_step (m->log ? pow (10, m->hi) - pow (10, m->lo) : m->hi - m->lo, 8,
                               ALVH_CHART_STEP_AT_LEAST) / 10;
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
