/* alvh-chart-levels.c — horizontal levels (strikes, breakevens) and event
 * markers (hedge legs) */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

/**
 * alvh_chart_marker_path:
 * @cr: the context to add the path to
 * @shape: the marker's shape
 * @x: its centre
 * @y: its centre
 * @r: its radius
 *
 * Adds the outline of a marker to the current path (fill or stroke it).
 */
void
alvh_chart_marker_path (cairo_t              *cr,
                        AlvhChartMarkerShape  shape,
                        double                x,
                        double                y,
                        double                r)
{
  switch (shape)
    {
    case ALVH_CHART_MARKER_TRIANGLE_UP:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y + r * 0.8);
      cairo_line_to (cr, x - r, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case ALVH_CHART_MARKER_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r);
      cairo_line_to (cr, x + r, y - r * 0.8);
      cairo_line_to (cr, x - r, y - r * 0.8);
      cairo_close_path (cr);
      break;
    case ALVH_CHART_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case ALVH_CHART_MARKER_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}


/* A level as drawn: its line from x0 to x1 at y */
typedef struct
{
  const Level *level;
  double       y, x0, x1;
} DrawnLevel;

static gboolean
rects_intersect (const AlvhChartRect *a,
                 const AlvhChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* whether a label's box at r crosses another level's line or a label
 * already placed */
static gboolean
label_box_free (const Pane          *p,
                const DrawnLevel    *lines,
                guint                n_lines,
                guint                self_k,
                const AlvhChartRect *r)
{
  for (guint j = 0; j < n_lines; j++)
    if (j != self_k && lines[j].y >= r->y - 1 && lines[j].y <= r->y + r->height + 1 &&
        lines[j].x0 < r->x + r->width && lines[j].x1 > r->x)
      return FALSE;
  for (guint j = 0; j < p->n_label_rects; j++)
    if (rects_intersect (&p->label_rects[j], r))
      return FALSE;
  return TRUE;
}

/* The n-th place to try for a label of width w on level d: at the line's
 * right end above it, below it, right of the line's end, then further up
 * or down (with a leader), then the same further left.  FALSE when out of
 * places. */
static gboolean
label_candidate (const Frame      *f,
                 const DrawnLevel *d,
                 double            w,
                 guint             n,
                 AlvhChartRect    *r)
{
  const guint per_x = 2 + 2 * 8;
  guint step = n / (per_x + 1), k = n % (per_x + 1);

  r->width = w;
  r->height = 11;
  r->x = d->x1 - w - 6 - step * (w + 16);
  if (step > 4 || r->x < d->x0 + 4)
    return FALSE;
  if (k == per_x)
    {
      if (step > 0)
        return label_candidate (f, d, w, n + 1, r);
      /* right of the line's end */
      r->x = d->x1 + 4;
      r->y = d->y - r->height / 2;
      if (r->x + w > f->plot_w - 2)
        r->x = -1e6;
      return TRUE;
    }
  if (k < 2)
    r->y = k == 1 ? d->y + 2 : d->y - 2 - r->height;
  else
    r->y = (k % 2) ? d->y + 2 + 6 * ((k - 2) / 2 + 1) : d->y - 2 - r->height - 6 * ((k - 2) / 2 + 1);
  return TRUE;
}

/* Puts a level's label near its line where it crosses no other level's
 * line or label (label_candidate ()), or nowhere when no place is free */
static void
place_level_label (const Frame      *f,
                   Pane             *p,
                   const DrawnLevel *lines,
                   guint             n_lines,
                   guint             k)
{
  cairo_t *cr = f->cr;
  const DrawnLevel *d = &lines[k];
  AlvhChartRect r;
  double w;

  cairo_set_font_size (cr, FONT_SIZE - 1);
  w = _alvh_chart_text_width (cr, d->level->label);
  for (guint n = 0; label_candidate (f, d, w, n, &r); n++)
    {
      if (r.x < 0 || r.y < p->y || r.y + r.height > p->y + p->height ||
          !label_box_free (p, lines, n_lines, k, &r))
        continue;
      /* a plate of the background under the words, so that candles or a
       * line drawn through the label's place never cross its letters */
      cairo_set_source_rgba (cr, f->pal->background.r, f->pal->background.g, f->pal->background.b, 0.85);
      cairo_rectangle (cr, r.x - 1, r.y, r.width + 2, r.height);
      cairo_fill (cr);
      set_color (f, d->level->color, 1.0);
      if (r.y > d->y + 3 || r.y + r.height < d->y - 3)
        {
          /* moved off its line: a leader from the line to the label */
          double lx = snap (f, r.x - 3);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, lx, d->y);
          cairo_line_to (cr, lx, r.y + r.height / 2);
          cairo_line_to (cr, r.x - 1, r.y + r.height / 2);
          cairo_stroke (cr);
        }
      cairo_move_to (cr, r.x, r.y + 9);
      cairo_show_text (cr, d->level->label);
      if (p->n_label_rects < MAX_PANE_LABELS)
        p->label_rects[p->n_label_rects++] = r;
      return;
    }
}

/* The pane's levels, each over its time span, with their labels at the
 * right end, never over another level's line or label */
void
_alvh_chart_draw_levels (const Frame *f,
                         Pane        *p,
                         const YMap  *m)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  g_autofree DrawnLevel *lines = g_new (DrawnLevel, MAX (p->levels->len, 1));
  guint n_lines = 0;

  p->n_label_rects = 0;
  cairo_set_line_width (cr, 1.0);
  for (guint k = 0; k < p->levels->len; k++)
    {
      Level *l = &g_array_index (p->levels, Level, k);
      double y = ymap_y (m, l->value), x0 = 0, x1 = f->plot_w;

      if (!isfinite (y) || y < p->y || y > p->y + p->height)
        continue;
      y = snap (f, y);
      if (l->start != 0)
        x0 = MAX (0, bar_x (f, index_le (self->times, self->n, l->start - 1) + 1) - f->ppb / 2);
      if (l->end != 0)
        x1 = MIN (f->plot_w, bar_x (f, index_le (self->times, self->n, l->end)) + f->ppb / 2);
      if (x1 <= x0)
        continue;
      if (l->dashed)
        {
          double dash[] = { 6.0, 4.0 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      set_color (f, l->color, 0.9);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      lines[n_lines++] = (DrawnLevel) { l, y, x0, x1 };
    }
  for (guint k = 0; k < n_lines; k++)
    if (lines[k].level->label != NULL)
      place_level_label (f, p, lines, n_lines, k);
}

/* The pane's markers; each remembers where it was drawn for hit-testing */
void
_alvh_chart_draw_markers (const Frame *f,
                          Pane        *p,
                          const YMap  *m)
{
  cairo_t *cr = f->cr;

  cairo_set_font_size (cr, FONT_SIZE - 1);
  for (guint k = 0; k < p->markers->len; k++)
    {
      Marker *mk = &g_array_index (p->markers, Marker, k);
      double x = bar_x (f, mk->index), y;

      mk->drawn = FALSE;
      if (x < -MARKER_RADIUS || x > f->plot_w + MARKER_RADIUS)
        continue;
      y = isfinite (mk->value) ? ymap_y (m, mk->value) : NAN;
      if (!isfinite (y))
        y = p->y + p->height - PANE_PAD_BOTTOM - MARKER_RADIUS - 1;
      y = CLAMP (y, p->y + MARKER_RADIUS, p->y + p->height - MARKER_RADIUS);
      mk->x = x;
      mk->y = y;
      mk->drawn = TRUE;
      alvh_chart_marker_path (cr, mk->shape, x, y, MARKER_RADIUS);
      set_color (f, mk->color, 1.0);
      cairo_fill_preserve (cr);
      alvh_chart_rgba_set_source (&f->pal->background, cr);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      if (mk->label)
        {
          set_color (f, mk->color, 1.0);
          cairo_move_to (cr, x + MARKER_RADIUS + 2, y + 4);
          cairo_show_text (cr, mk->label);
        }
    }
}
