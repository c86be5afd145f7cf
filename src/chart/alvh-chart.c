/* alvh-chart.c — the chart's model: timeline, panes, series, levels,
 * markers, shaded regions and the view.  Drawing is in one file per layer
 * (alvh-chart-candles.c, -lines.c, -bands.c, -histogram.c, -levels.c,
 * -axes.c), put together by alvh-chart-pane.c; hit-testing and the read-out
 * text are in alvh-chart-hit.c. */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-chart-private.h"

G_DEFINE_FINAL_TYPE (AlvhChart, alvh_chart, G_TYPE_OBJECT)

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->label);
  for (guint i = 0; i < 4; i++)
    g_free (s->v[i]);
  g_free (s->agg);
  g_free (s);
}

static void
level_clear (gpointer data)
{
  Level *l = data;
  g_free (l->label);
}

static void
marker_clear (gpointer data)
{
  Marker *m = data;
  g_free (m->label);
  g_free (m->tooltip);
}

static void
pane_free (gpointer data)
{
  Pane *p = data;

  g_free (p->title);
  g_ptr_array_unref (p->series);
  g_array_unref (p->levels);
  g_array_unref (p->markers);
  g_array_unref (p->regions);
  g_free (p);
}

static void
alvh_chart_finalize (GObject *object)
{
  AlvhChart *self = ALVH_CHART (object);

  g_free (self->times);
  g_ptr_array_unref (self->panes);

  G_OBJECT_CLASS (alvh_chart_parent_class)->finalize (object);
}

static void
alvh_chart_class_init (AlvhChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = alvh_chart_finalize;
}

static void
alvh_chart_init (AlvhChart *self)
{
  self->panes = g_ptr_array_new_with_free_func (pane_free);
  self->scale = 1.0;
  self->decimate = TRUE;
  self->crosshair = -1;
  self->crosshair_y = -1;
  self->width = 800;
  self->height = 600;
  self->bars = 100;
}

AlvhChart *
alvh_chart_new (void)
{
  return g_object_new (ALVH_TYPE_CHART, NULL);
}

void
alvh_chart_set_times (AlvhChart    *self,
                      const gint64 *times,
                      gsize         n)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  g_return_if_fail (n == 0 || times != NULL);

  g_free (self->times);
  self->times = g_memdup2 (times, n * sizeof (gint64));
  self->n = n;
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      g_ptr_array_set_size (pane->series, 0);
      g_array_set_size (pane->markers, 0);
      g_array_set_size (pane->regions, 0);
    }
  self->crosshair = -1;
  alvh_chart_show_all (self);
}

gsize
alvh_chart_get_n_bars (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), 0);
  return self->n;
}

const gint64 *
alvh_chart_get_times (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), NULL);
  return self->times;
}

void
alvh_chart_set_dark (AlvhChart *self,
                     gboolean   dark)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->dark = !!dark;
}

gboolean
alvh_chart_get_dark (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), FALSE);
  return self->dark;
}

void
alvh_chart_set_scale_factor (AlvhChart *self,
                             double     scale)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->scale = scale > 0 ? scale : 1.0;
}

void
alvh_chart_set_decimation (AlvhChart *self,
                           gboolean   decimate)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->decimate = !!decimate;
}

void
alvh_chart_set_size (AlvhChart *self,
                     double     width,
                     double     height)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->width = MAX (1.0, width);
  self->height = MAX (1.0, height);
  _alvh_chart_layout_panes (self);
}

/* ---- panes ----------------------------------------------------------- */

guint
alvh_chart_add_pane (AlvhChart  *self,
                     const char *title,
                     double      weight)
{
  Pane *pane;

  g_return_val_if_fail (ALVH_IS_CHART (self), 0);

  pane = g_new0 (Pane, 1);
  pane->title = g_strdup (title);
  pane->weight = weight > 0 ? weight : 1.0;
  pane->visible = TRUE;
  pane->series = g_ptr_array_new_with_free_func (series_free);
  pane->levels = g_array_new (FALSE, TRUE, sizeof (Level));
  g_array_set_clear_func (pane->levels, level_clear);
  pane->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (pane->markers, marker_clear);
  pane->regions = g_array_new (FALSE, TRUE, sizeof (Region));
  g_ptr_array_add (self->panes, pane);
  _alvh_chart_layout_panes (self);
  return self->panes->len - 1;
}

guint
alvh_chart_get_n_panes (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), 0);
  return self->panes->len;
}

void
alvh_chart_pane_set_visible (AlvhChart *self,
                             guint      pane,
                             gboolean   visible)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  p->visible = !!visible;
  _alvh_chart_layout_panes (self);
}

gboolean
alvh_chart_pane_get_visible (AlvhChart *self,
                             guint      pane)
{
  Pane *p = get_pane (self, pane);
  return p != NULL && p->visible;
}

void
alvh_chart_pane_set_log_scale (AlvhChart *self,
                               guint      pane,
                               gboolean   log_scale)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  p->log_scale = !!log_scale;
}

gboolean
alvh_chart_pane_get_log_scale (AlvhChart *self,
                               guint      pane)
{
  Pane *p = get_pane (self, pane);
  return p != NULL && p->log_scale;
}

void
alvh_chart_pane_set_include_zero (AlvhChart *self,
                                  guint      pane,
                                  gboolean   include_zero)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  p->include_zero = !!include_zero;
}

void
alvh_chart_pane_set_weight (AlvhChart *self,
                            guint      pane,
                            double     weight)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  p->weight = MAX (0.01, weight);
  _alvh_chart_layout_panes (self);
}

double
alvh_chart_pane_get_weight (AlvhChart *self,
                            guint      pane)
{
  Pane *p = get_pane (self, pane);
  return p ? p->weight : 0.0;
}

gboolean
alvh_chart_pane_get_range (AlvhChart *self,
                           guint      pane,
                           double    *min,
                           double    *max)
{
  Pane *p = get_pane (self, pane);

  if (p == NULL || !p->has_range)
    return FALSE;
  if (min)
    *min = p->log_scale ? pow (10, p->lo) : p->lo;
  if (max)
    *max = p->log_scale ? pow (10, p->hi) : p->hi;
  return TRUE;
}

gboolean
alvh_chart_pane_get_area (AlvhChart *self,
                          guint      pane,
                          double    *x,
                          double    *y,
                          double    *width,
                          double    *height)
{
  Pane *p = get_pane (self, pane);

  if (p == NULL || !p->visible)
    return FALSE;
  if (x)
    *x = 0;
  if (y)
    *y = p->y;
  if (width)
    *width = plot_width (self);
  if (height)
    *height = p->height;
  return TRUE;
}

/* ---- series ---------------------------------------------------------- */

static double *
align_values (AlvhChart    *self,
              const gint64 *times,
              const double *values,
              gsize         n)
{
  double *out;

  if (values == NULL)
    return NULL;

  out = g_new (double, MAX (self->n, 1));
  if (times == self->times && n == self->n)
    {
      memcpy (out, values, n * sizeof (double));
      return out;
    }
  for (gsize i = 0; i < self->n; i++)
    out[i] = NAN;
  if (self->n == 0)
    return out;

  /* merge walk: each row goes to the last bar whose time is <= the row's */
  {
    gsize j = 0;
    for (gsize i = 0; i < n; i++)
      {
        if (times[i] < self->times[0])
          continue;
        while (j + 1 < self->n && self->times[j + 1] <= times[i])
          j++;
        out[j] = values[i];
      }
  }
  return out;
}

guint
alvh_chart_add_series (AlvhChart            *self,
                       guint                 pane,
                       AlvhChartSeriesKind   kind,
                       const char           *label,
                       AlvhChartColor        color,
                       AlvhChartSeriesFlags  flags,
                       const gint64         *times,
                       const double         *a,
                       const double         *b,
                       const double         *c,
                       const double         *d,
                       gsize                 n)
{
  Pane *p = get_pane (self, pane);
  Series *s;

  g_return_val_if_fail (p != NULL, 0);
  g_return_val_if_fail (n == 0 || times != NULL, 0);
  g_return_val_if_fail (a != NULL, 0);

  s = g_new0 (Series, 1);
  s->kind = kind;
  s->label = g_strdup (label);
  s->color = color;
  s->flags = flags;
  s->decimals = 2;
  s->v[0] = align_values (self, times, a, n);
  if (kind == ALVH_CHART_SERIES_CANDLES || kind == ALVH_CHART_SERIES_OHLC)
    {
      g_return_val_if_fail (b != NULL && c != NULL && d != NULL, 0);
      s->v[1] = align_values (self, times, b, n);
      s->v[2] = align_values (self, times, c, n);
      s->v[3] = align_values (self, times, d, n);
    }
  else if (kind == ALVH_CHART_SERIES_BAND)
    {
      g_return_val_if_fail (b != NULL, 0);
      s->v[1] = align_values (self, times, b, n);
    }
  g_ptr_array_add (p->series, s);
  return p->series->len - 1;
}

guint
alvh_chart_pane_get_n_series (AlvhChart *self,
                              guint      pane)
{
  Pane *p = get_pane (self, pane);
  return p ? p->series->len : 0;
}

void
alvh_chart_pane_truncate_series (AlvhChart *self,
                                 guint      pane,
                                 guint      n_keep)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  if (n_keep < p->series->len)
    g_ptr_array_set_size (p->series, n_keep);
}

const double *
alvh_chart_series_get_values (AlvhChart *self,
                              guint      pane,
                              guint      series,
                              guint      component)
{
  Pane *p = get_pane (self, pane);

  if (p == NULL || series >= p->series->len || component > 3)
    return NULL;
  return ((Series *) g_ptr_array_index (p->series, series))->v[component];
}

void
alvh_chart_series_set_decimals (AlvhChart *self,
                                guint      pane,
                                guint      series,
                                int        decimals)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL && series < p->series->len);
  ((Series *) g_ptr_array_index (p->series, series))->decimals = CLAMP (decimals, 0, 8);
}

/* ---- levels, markers, regions ---------------------------------------- */

void
alvh_chart_add_level (AlvhChart      *self,
                      guint           pane,
                      double          value,
                      AlvhChartColor  color,
                      const char     *label,
                      gint64          start,
                      gint64          end,
                      gboolean        dashed)
{
  Pane *p = get_pane (self, pane);
  Level l = { value, color, g_strdup (label), start, end, dashed };

  g_return_if_fail (p != NULL);
  g_array_append_val (p->levels, l);
}

void
alvh_chart_clear_levels (AlvhChart *self,
                         guint      pane)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  g_array_set_size (p->levels, 0);
}

gssize
alvh_chart_index_for_time (AlvhChart *self,
                           gint64     time)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  return index_le (self->times, self->n, time);
}

void
alvh_chart_set_markers (AlvhChart             *self,
                        guint                  pane,
                        const AlvhChartMarker *markers,
                        guint                  n)
{
  Pane *p = get_pane (self, pane);

  g_return_if_fail (p != NULL);
  g_return_if_fail (n == 0 || markers != NULL);

  g_array_set_size (p->markers, 0);
  for (guint i = 0; i < n; i++)
    {
      Marker m = { 0 };
      m.index = index_le (self->times, self->n, markers[i].time);
      if (m.index < 0)
        continue;
      m.value = markers[i].value;
      m.label = g_strdup (markers[i].label);
      m.tooltip = g_strdup (markers[i].tooltip);
      m.shape = markers[i].shape;
      m.color = markers[i].color;
      g_array_append_val (p->markers, m);
    }
}

void
alvh_chart_set_shading (AlvhChart    *self,
                        guint         pane,
                        const gint64 *starts,
                        const gint64 *ends,
                        guint         n)
{
  Pane *p = get_pane (self, pane);

  g_return_if_fail (p != NULL);
  g_return_if_fail (n == 0 || (starts != NULL && ends != NULL));

  g_array_set_size (p->regions, 0);
  for (guint i = 0; i < n; i++)
    {
      Region r;
      gssize s = index_le (self->times, self->n, starts[i] - 1);

      /* first bar with time >= start */
      r.start = s + 1;
      r.end = index_le (self->times, self->n, ends[i]);
      if (r.end < r.start || (gsize) r.start >= self->n)
        continue;
      g_array_append_val (p->regions, r);
    }
}

/* ---- view ------------------------------------------------------------ */

/* Keeps at least MIN_BARS in view and part of the timeline on screen. */
void
_alvh_chart_clamp_view (AlvhChart *self)
{
  double n = (double) MAX (self->n, 1);

  self->bars = CLAMP (self->bars, MIN_BARS, MAX (n * 1.2, MIN_BARS));
  self->first = CLAMP (self->first, -self->bars * 0.8, n - self->bars * 0.2);
}

void
alvh_chart_set_view (AlvhChart *self,
                     double     first,
                     double     bars)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->first = first;
  self->bars = bars;
  _alvh_chart_clamp_view (self);
}

void
alvh_chart_get_view (AlvhChart *self,
                     double    *first,
                     double    *bars)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if (first)
    *first = self->first;
  if (bars)
    *bars = self->bars;
}

static void
show_indices (AlvhChart *self,
              gssize     i0,
              gssize     i1)
{
  double count = (double) (i1 - i0 + 1);
  /* a little room right of the last bar, as trading charts do; elsewhere
   * just enough that the first and last candles are whole */
  double margin = (gsize) i1 + 1 >= self->n ? MAX (1.0, count * 0.03) : 0.15;

  self->first = (double) i0 - 0.15;
  self->bars = count + 0.15 + margin;
  _alvh_chart_clamp_view (self);
}

void
alvh_chart_show_all (AlvhChart *self)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if (self->n == 0)
    {
      self->first = 0;
      self->bars = 100;
      return;
    }
  show_indices (self, 0, (gssize) self->n - 1);
}

void
alvh_chart_show_time_range (AlvhChart *self,
                            gint64     from,
                            gint64     to)
{
  gssize i0, i1;

  g_return_if_fail (ALVH_IS_CHART (self));
  if (self->n == 0)
    return;
  i0 = index_le (self->times, self->n, from - 1) + 1;
  i1 = index_le (self->times, self->n, to);
  if (i0 >= (gssize) self->n)
    i0 = (gssize) self->n - 1;
  if (i1 < i0)
    i1 = i0;
  show_indices (self, i0, i1);
}

void
alvh_chart_show_last (AlvhChart *self,
                      gint64     seconds)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if (self->n == 0)
    return;
  alvh_chart_show_time_range (self, self->times[self->n - 1] - seconds, self->times[self->n - 1]);
}

void
alvh_chart_zoom (AlvhChart *self,
                 double     factor,
                 double     x)
{
  double at, bars;

  g_return_if_fail (ALVH_IS_CHART (self));
  if (!(factor > 0))
    return;
  at = self->first + x / plot_width (self) * self->bars;
  bars = self->bars / factor;
  bars = CLAMP (bars, MIN_BARS, MAX ((double) self->n * 1.2, MIN_BARS));
  self->first = at - x / plot_width (self) * bars;
  self->bars = bars;
  _alvh_chart_clamp_view (self);
}

void
alvh_chart_pan (AlvhChart *self,
                double     dx)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->first -= dx / plot_width (self) * self->bars;
  _alvh_chart_clamp_view (self);
}

void
alvh_chart_scroll_to_index (AlvhChart *self,
                            gsize      index)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if ((double) index >= self->first && (double) index + 1 <= self->first + self->bars)
    return;
  self->first = (double) index - self->bars / 2;
  _alvh_chart_clamp_view (self);
}
