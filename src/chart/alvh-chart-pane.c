/* alvh-chart-pane.c — panes and layout: pane heights, fitting the price
 * axis (to columns decimated by alvh-chart-decimate.c), the order in which
 * the layers of a pane are drawn, and alvh_chart_render() */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-chart-private.h"

/* Gives each visible pane its share of the height (by weight) */
void
_alvh_chart_layout_panes (AlvhChart *self)
{
  double total = 0, avail, y = 0;
  guint n_visible = 0;

  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      if (pane->visible)
        {
          total += pane->weight;
          n_visible++;
        }
    }
  avail = MAX (1.0, self->height - TIME_AXIS_HEIGHT - PANE_GAP * (n_visible > 0 ? n_visible - 1 : 0));
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      if (!pane->visible)
        {
          pane->height = 0;
          continue;
        }
      /* each pane starts and ends on a device pixel row, so that its clip
       * is a plain pixel region */
      pane->y = round (y * self->scale) / self->scale;
      y += total > 0 ? avail * pane->weight / total : 0;
      pane->height = MAX (0.0, round (y * self->scale) / self->scale - pane->y);
      y += PANE_GAP;
    }
}

static void
extend_range (double *mn,
              double *mx,
              double  lo,
              double  hi,
              gboolean log_scale)
{
  if (log_scale && !(lo > 0))
    lo = hi;
  if (isfinite (lo) && (!log_scale || lo > 0) && lo < *mn)
    *mn = lo;
  if (isfinite (hi) && (!log_scale || hi > 0) && hi > *mx)
    *mx = hi;
}

static void
series_range (const Frame *f,
              Series      *s,
              gboolean     log_scale,
              double      *mn,
              double      *mx)
{
  if (f->decimated)
    {
      for (guint c = 0; c < f->n_cols; c++)
        extend_range (mn, mx, s->agg[c * 4 + 1], s->agg[c * 4 + 2], log_scale);
    }
  else
    {
      int lo_comp = 0, hi_comp = 0;
      if (s->kind == ALVH_CHART_SERIES_CANDLES || s->kind == ALVH_CHART_SERIES_OHLC)
        lo_comp = 2, hi_comp = 1;
      else if (s->kind == ALVH_CHART_SERIES_BAND)
        hi_comp = 1;
      for (gssize i = f->i0; i <= f->i1; i++)
        extend_range (mn, mx, s->v[lo_comp][i], s->v[hi_comp][i], log_scale);
    }
  if (s->kind == ALVH_CHART_SERIES_HISTOGRAM && isfinite (*mn))
    extend_range (mn, mx, 0.0, 0.0, log_scale);
}

static void
finish_range (double   *mn,
              double   *mx,
              gboolean  log_scale,
              double   *lo,
              double   *hi)
{
  double a = *mn, b = *mx, pad;

  if (!isfinite (a) || !isfinite (b))
    {
      a = log_scale ? 1 : 0;
      b = log_scale ? 10 : 1;
    }
  if (log_scale)
    {
      a = log10 (a);
      b = log10 (b);
    }
  if (b - a < 1e-12)
    {
      double d = fabs (a) * 0.01 + (log_scale ? 0.01 : 1e-6);
      a -= d;
      b += d;
    }
  pad = (b - a) * 0.04;
  *lo = a - pad;
  *hi = b + pad;
}

/* Aggregates the pane's series for this frame and fits its price axis to
 * them (and to the levels near them) */
static void
fit_pane (const Frame *f,
          Pane        *p)
{
  double mn = INFINITY, mx = -INFINITY;

  for (guint k = 0; k < p->series->len; k++)
    {
      Series *s = g_ptr_array_index (p->series, k);
      if (f->decimated)
        _alvh_chart_series_aggregate (f, s);
      if (s->flags & (ALVH_CHART_SERIES_FLAG_OWN_SCALE | ALVH_CHART_SERIES_FLAG_NO_AUTOSCALE))
        continue;
      series_range (f, s, p->log_scale, &mn, &mx);
    }
  if (p->include_zero)
    extend_range (&mn, &mx, 0, 0, p->log_scale);
  for (guint k = 0; k < p->levels->len; k++)
    {
      /* levels near the data stay in view; far ones do not squash it */
      Level *l = &g_array_index (p->levels, Level, k);
      if (isfinite (mn) && l->value >= mn - (mx - mn) * 0.5 && l->value <= mx + (mx - mn) * 0.5)
        extend_range (&mn, &mx, l->value, l->value, p->log_scale);
    }
  finish_range (&mn, &mx, p->log_scale, &p->lo, &p->hi);
  p->has_range = TRUE;
}

/* Each series through its layer, on the pane's axis or on its own scale */
static void
draw_series (const Frame *f,
             const Pane  *p,
             const YMap  *m)
{
  for (guint k = 0; k < p->series->len; k++)
    {
      Series *s = g_ptr_array_index (p->series, k);
      YMap sm = *m;

      if (s->flags & ALVH_CHART_SERIES_FLAG_OWN_SCALE)
        {
          double smn = INFINITY, smx = -INFINITY;
          series_range (f, s, FALSE, &smn, &smx);
          sm.log = FALSE;
          finish_range (&smn, &smx, FALSE, &sm.lo, &sm.hi);
        }
      switch (s->kind)
        {
        case ALVH_CHART_SERIES_CANDLES:
        case ALVH_CHART_SERIES_OHLC:
          _alvh_chart_draw_candles (f, s, &sm);
          break;
        case ALVH_CHART_SERIES_LINE:
          _alvh_chart_draw_line (f, s, &sm);
          break;
        case ALVH_CHART_SERIES_BAND:
          _alvh_chart_draw_band (f, s, &sm);
          break;
        case ALVH_CHART_SERIES_HISTOGRAM:
          _alvh_chart_draw_histogram (f, s, &sm);
          break;
        default:
          break;
        }
    }
}

/* The zero line of a pane that includes 0 on a linear scale */
static void
draw_zero_line (const Frame *f,
                const Pane  *p,
                const YMap  *m)
{
  cairo_t *cr = f->cr;
  double y;

  if (!p->include_zero || m->log)
    return;
  y = snap (f, ymap_y (m, 0));
  alvh_chart_rgba_set_source (&f->pal->pane_border, cr);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, f->plot_w, y);
  cairo_stroke (cr);
}

static Pane *
first_visible_pane (AlvhChart *self)
{
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      if (pane->visible && pane->height > 1)
        return pane;
    }
  return NULL;
}

/* The legend: the pane's title in bold, then (in the top pane) the date of
 * the bar, then each series' values at the crosshair (or at the last
 * visible bar) */
static void
draw_legend (const Frame *f,
             const Pane  *p)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  gssize index = self->crosshair >= 0 ? self->crosshair : MIN (f->i1, (gssize) self->n - 1);
  double x = 6, y = p->y + 14;

  cairo_set_font_size (cr, FONT_SIZE);
  if (p->title)
    {
      cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      alvh_chart_rgba_set_source (&f->pal->text, cr);
      cairo_move_to (cr, x, y);
      cairo_show_text (cr, p->title);
      x += _alvh_chart_text_width (cr, p->title) + 10;
      cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    }
  if (index >= 0 && p == first_visible_pane (self))
    {
      /* the date of every value the legends show ("–": none that day) */
      g_autofree char *date = _alvh_chart_format_date (self->times[index]);
      alvh_chart_rgba_set_source (&f->pal->text_dim, cr);
      cairo_move_to (cr, x, y);
      cairo_show_text (cr, date);
      x += _alvh_chart_text_width (cr, date) + 12;
    }
  for (guint k = 0; k < p->series->len && index >= 0; k++)
    {
      Series *s = g_ptr_array_index (p->series, k);
      g_autoptr(GString) text = g_string_new (NULL);

      if (s->flags & ALVH_CHART_SERIES_FLAG_NO_LEGEND)
        continue;
      _alvh_chart_format_series_value (text, s, (gsize) index);
      if (s->kind == ALVH_CHART_SERIES_CANDLES || s->kind == ALVH_CHART_SERIES_OHLC)
        alvh_chart_rgba_set_source (&f->pal->text, cr);
      else
        set_color (f, s->color, 1.0);
      cairo_move_to (cr, x, y);
      cairo_show_text (cr, text->str);
      x += _alvh_chart_text_width (cr, text->str) + 12;
    }
}

/* What of a pane does not move with the pointer, layer by layer: grid,
 * shading, series, levels and markers clipped to the plot; then the price
 * axis and the value tags */
static void
draw_pane_static (Frame               *f,
                  Pane                *p,
                  const AlvhChartTick *time_ticks,
                  guint                n_time_ticks)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  AlvhChartTick ticks[ALVH_CHART_MAX_TICKS];
  guint n_ticks;
  YMap m;

  fit_pane (f, p);
  pane_ymap (self, p, &m);

  cairo_save (cr);
  cairo_rectangle (cr, 0, p->y, self->width, p->height);
  cairo_clip (cr);

  n_ticks = alvh_chart_price_ticks (m.log ? pow (10, m.lo) : m.lo, m.log ? pow (10, m.hi) : m.hi,
                                    (guint) CLAMP (m.height / 38.0, 4, 12), m.log, ticks, G_N_ELEMENTS (ticks));
  _alvh_chart_draw_grid (f, p, &m, ticks, n_ticks, time_ticks, n_time_ticks);

  cairo_save (cr);
  cairo_rectangle (cr, 0, p->y, f->plot_w, p->height);
  cairo_clip (cr);
  _alvh_chart_draw_shading (f, p);
  draw_zero_line (f, p, &m);
  draw_series (f, p, &m);
  _alvh_chart_draw_levels (f, p, &m);
  _alvh_chart_draw_markers (f, p, &m);
  cairo_restore (cr);

  /* the tags first: a tick label they would cover is left out */
  _alvh_chart_draw_last_values (f, p, &m);
  _alvh_chart_draw_price_labels (f, p, &m, ticks, n_ticks);
  cairo_restore (cr);
}

/* What of a pane moves with the pointer: the crosshair's value and the
 * legend, within the pane down to the device row of its border (drawn
 * before them on a cached frame, after them otherwise: neither may touch
 * it, so that both give the same pixels) */
static void
draw_pane_pointer (Frame *f,
                   Pane  *p)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  double border_top = floor ((p->y + p->height + PANE_GAP / 2) * f->scale) / f->scale;
  YMap m;

  pane_ymap (self, p, &m);
  cairo_save (cr);
  cairo_rectangle (cr, 0, p->y, self->width, MIN (p->height, border_top - p->y));
  cairo_clip (cr);
  _alvh_chart_draw_crosshair_value (f, p, &m);
  draw_legend (f, p);
  cairo_restore (cr);
}

/* The line below a pane */
static void
draw_pane_border (Frame *f,
                  Pane  *p)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;

  alvh_chart_rgba_set_source (&f->pal->pane_border, cr);
  cairo_set_line_width (cr, 1.0 / f->scale);
  cairo_move_to (cr, 0, snap (f, p->y + p->height + PANE_GAP / 2));
  cairo_line_to (cr, self->width, snap (f, p->y + p->height + PANE_GAP / 2));
  cairo_stroke (cr);
}

static gboolean
pane_drawn (Frame *f,
            Pane  *p)
{
  return f->i0 <= f->i1 && p->visible && p->height > 1;
}

/* Whether the target's device pixels are those of a chart at @scale: an
 * image at that scale, no transformation but an integer offset */
static gboolean
device_pixels_aligned (cairo_t *cr,
                       double   scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  return m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0 && m.x0 == floor (m.x0) && m.y0 == floor (m.y0) &&
         sx == scale && sy == scale;
}

/* The frame's visible bars and scale for the chart's view */
static void
frame_init (Frame     *f,
            AlvhChart *self,
            cairo_t   *cr)
{
  memset (f, 0, sizeof *f);
  f->chart = self;
  f->cr = cr;
  f->pal = alvh_chart_palette_get (self->dark);
  f->plot_w = plot_width (self);
  f->ppb = f->plot_w / self->bars;
  f->scale = self->scale;
  f->n_cols = (guint) MAX (1.0, ceil (f->plot_w * f->scale));
  f->i0 = (gssize) MAX (0.0, floor (self->first));
  f->i1 = (gssize) MIN ((double) self->n - 1, ceil (self->first + self->bars));
  f->decimated = self->decimate && f->ppb * f->scale < 1.0;
  f->aligned = device_pixels_aligned (cr, self->scale);
}

/* Background, panes, price axis separator and time axis; with_pointer: the
 * crosshair and legends too, each pane's in its place among the layers
 * (without: what the layer cache keeps) */
static void
draw_chart (Frame    *f,
            double    height,
            gboolean  with_pointer)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  AlvhChartTick time_ticks[ALVH_CHART_MAX_TICKS];
  guint n_time_ticks = 0;
  double axis_y = height - TIME_AXIS_HEIGHT;

  alvh_chart_rgba_set_source (&f->pal->background, cr);
  cairo_paint (cr);
  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, FONT_SIZE);

  if (self->n > 0)
    n_time_ticks = alvh_chart_time_ticks (self->times, self->n, self->first - 0.5,
                                          self->first + self->bars - 0.5, f->plot_w, 80.0,
                                          time_ticks, G_N_ELEMENTS (time_ticks), NULL, NULL);
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      if (!pane_drawn (f, pane))
        continue;
      draw_pane_static (f, pane, time_ticks, n_time_ticks);
      if (with_pointer)
        draw_pane_pointer (f, pane);
      draw_pane_border (f, pane);
    }

  /* price axis separator */
  alvh_chart_rgba_set_source (&f->pal->pane_border, cr);
  cairo_set_line_width (cr, 1.0 / f->scale);
  cairo_move_to (cr, snap (f, f->plot_w), 0);
  cairo_line_to (cr, snap (f, f->plot_w), height);
  cairo_stroke (cr);

  _alvh_chart_draw_time_axis (f, time_ticks, n_time_ticks, axis_y);
  if (with_pointer)
    _alvh_chart_draw_crosshair_time (f, axis_y);
}

/* The crosshair and legends over a cached frame, as draw_chart() puts them */
static void
draw_pointer (Frame  *f,
              double  height)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;

  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, FONT_SIZE);
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      if (pane_drawn (f, pane))
        draw_pane_pointer (f, pane);
    }
  _alvh_chart_draw_crosshair_time (f, height - TIME_AXIS_HEIGHT);
}

/* The cache fits a target whose device pixels are the chart's: an integer
 * translation at the chart's scale factor */
static gboolean
cache_fits (AlvhChart *self,
            cairo_t   *cr)
{
  cairo_matrix_t m;
  double sx, sy;

  if (!self->layer_cache)
    return FALSE;
  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  return m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0 && m.x0 == floor (m.x0) && m.y0 == floor (m.y0) &&
         sx == self->scale && sy == self->scale;
}

static void
frame_key (AlvhChart *self,
           double     width,
           double     height,
           double     key[6])
{
  key[0] = width;
  key[1] = height;
  key[2] = self->scale;
  key[3] = self->first;
  key[4] = self->bars;
  key[5] = self->dark;
}

static cairo_format_t
cache_format (cairo_t *target)
{
  cairo_surface_t *t = cairo_get_target (target);

  return cairo_surface_get_type (t) == CAIRO_SURFACE_TYPE_IMAGE ? cairo_image_surface_get_format (t)
                                                                : CAIRO_FORMAT_ARGB32;
}

/* Whether the cache holds this view of this model */
static gboolean
cache_holds (AlvhChart      *self,
             const double    key[6],
             cairo_format_t  format)
{
  return self->cache_valid && self->cache_generation == self->generation &&
         memcmp (key, self->cache_key, 6 * sizeof (double)) == 0 &&
         cairo_image_surface_get_format (self->cache) == format;
}

/* Draws what does not move with the pointer into the cache */
static void
fill_cache (AlvhChart      *self,
            const double    key[6],
            cairo_format_t  format)
{
  int w = (int) ceil (key[0] * self->scale), h = (int) ceil (key[1] * self->scale);
  Frame f;
  cairo_t *cr;

  if (self->cache == NULL || cairo_image_surface_get_width (self->cache) != w ||
      cairo_image_surface_get_height (self->cache) != h || cairo_image_surface_get_format (self->cache) != format)
    {
      g_clear_pointer (&self->cache, cairo_surface_destroy);
      self->cache = cairo_image_surface_create (format, w, h);
      cairo_surface_set_device_scale (self->cache, self->scale, self->scale);
    }
  cr = cairo_create (self->cache);
  frame_init (&f, self, cr);
  draw_chart (&f, key[1], FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (self->cache);
  self->cache_valid = TRUE;
  self->cache_generation = self->generation;
  memcpy (self->cache_key, key, 6 * sizeof (double));
}

/* Draws a frame from the cache when the view and the model have stayed as
 * they were for a frame (the pointer moves): a first frame, a pan or a zoom
 * draws straight to the target and costs the cache nothing */
static gboolean
render_cached (AlvhChart *self,
               cairo_t   *cr,
               double     width,
               double     height)
{
  double key[6];
  cairo_format_t format = cache_format (cr);
  gboolean still;
  Frame f;

  frame_key (self, width, height, key);
  still = self->last_generation == self->generation && memcmp (key, self->last_key, sizeof key) == 0;
  self->last_generation = self->generation;
  memcpy (self->last_key, key, sizeof key);
  if (!cache_holds (self, key, format))
    {
      if (!still)
        return FALSE;
      fill_cache (self, key, format);
    }
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
  frame_init (&f, self, cr);
  draw_pointer (&f, height);
  return TRUE;
}

/**
 * alvh_chart_set_layer_cache:
 * @self: a chart
 * @cache: whether to keep what does not move with the pointer between frames
 *
 * With the cache on, a frame whose view and model are those of the last one
 * (the pointer moved) paints the kept image and draws only the crosshair and
 * the legends over it; the pixels are the same as without it.  Used on
 * targets whose device pixels are the chart's (a widget, an image); off by
 * default, so that PDF and SVG stay vector.
 */
void
alvh_chart_set_layer_cache (AlvhChart *self,
                            gboolean   cache)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->layer_cache = !!cache;
  if (!cache)
    {
      g_clear_pointer (&self->cache, cairo_surface_destroy);
      self->cache_valid = FALSE;
    }
}

/**
 * alvh_chart_render:
 * @self: a chart
 * @cr: the context to draw on
 * @width: logical width
 * @height: logical height
 *
 * Draws the whole chart in (0, 0, @width, @height): panes, axes, crosshair.
 */
void
alvh_chart_render (AlvhChart *self,
                   cairo_t   *cr,
                   double     width,
                   double     height)
{
  Frame f;

  g_return_if_fail (ALVH_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  alvh_chart_set_size (self, width, height);
  _alvh_chart_clamp_view (self);

  cairo_save (cr);
  if (!(cache_fits (self, cr) && render_cached (self, cr, width, height)))
    {
      /* the panes' layout and ranges are this frame's now: the cache,
       * drawn with another frame's, cannot take pointers over them */
      self->cache_valid = FALSE;
      frame_init (&f, self, cr);
      draw_chart (&f, height, TRUE);
    }
  cairo_restore (cr);
}
