/* alvh-chart.c — the chart's model: timeline, panes, series, levels,
 * markers, shaded regions and the view.  Drawing is in one file per layer
 * (alvh-chart-candles.c, -lines.c, -bands.c, -histogram.c, -levels.c,
 * -axes.c), put together by alvh-chart-pane.c; hit-testing and the read-out
 * text are in alvh-chart-hit.c. */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "alvh-time.h"
#include "alvh-chart-private.h"

G_DEFINE_FINAL_TYPE (AlvhChart, alvh_chart, G_TYPE_OBJECT)

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->label);
  for (guint i = 0; i < 4; i++)
    g_clear_pointer (&s->data[i], g_bytes_unref);
  g_free (s->agg);
  g_free (s->blocks);
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

  g_clear_pointer (&self->times_data, g_bytes_unref);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  _alvh_chart_aa_buffer_clear (&self->aa);
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

/**
 * alvh_chart_new:
 * Creates an empty chart: no bars, no panes.
 *
 * Returns: (transfer full): a new #AlvhChart
 */
AlvhChart *
alvh_chart_new (void)
{
  return g_object_new (ALVH_TYPE_CHART, NULL);
}

/* A column of @size bytes for copied values; *data: where to write them.
 * A long column (1M bars: 8 MB) is on huge pages where the system offers
 * them: its first touch then costs four page faults instead of 2,048, which
 * was most of a copy's time */
static GBytes *
column_new (gsize     size,
            gpointer *data)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const gsize huge = 2 << 20;

  if (size >= 2 * huge)
    {
      void *p = NULL;

      if (posix_memalign (&p, huge, size) == 0)
        {
          /* advice only: without it the column is on ordinary pages */
          (void) madvise (p, size / huge * huge, MADV_HUGEPAGE);
          *data = p;
          return g_bytes_new_with_free_func (p, size, free, p);
        }
    }
#endif
  *data = g_malloc (MAX (size, 1));
  return g_bytes_new_take (*data, size);
}

/**
 * alvh_chart_set_times:
 * @self: a chart
 * @times: (array length=n) (nullable): strictly increasing bar times (copied); %NULL when @n is 0
 * @n: the number of bars
 *
 * Sets the timeline, removes every series, marker and shaded region (panes
 * and levels stay), clears the crosshair and shows all bars.
 */
void
alvh_chart_set_times (AlvhChart    *self,
                      const gint64 *times,
                      gsize         n)
{
  g_autoptr(GBytes) data = NULL;

  g_return_if_fail (ALVH_IS_CHART (self));
  g_return_if_fail (n == 0 || times != NULL);

  {
    gpointer copy;
    data = column_new (n * sizeof (gint64), &copy);
    if (n > 0)
      memcpy (copy, times, n * sizeof (gint64));
  }
  alvh_chart_set_times_bytes (self, data);
}

/**
 * alvh_chart_set_times_bytes:
 * @self: a chart
 * @times: strictly increasing bar times (gint64), kept (not copied)
 *
 * As alvh_chart_set_times(), but the chart holds a reference to @times
 * instead of a copy: a caller whose columns are already on one timeline (a
 * market frame) hands them over without copying a byte.
 */
void
alvh_chart_set_times_bytes (AlvhChart *self,
                            GBytes    *times)
{
  gsize size;

  g_return_if_fail (ALVH_IS_CHART (self));
  g_return_if_fail (times != NULL);
  g_return_if_fail (g_bytes_get_size (times) % sizeof (gint64) == 0);

  g_bytes_ref (times);
  g_clear_pointer (&self->times_data, g_bytes_unref);
  self->times_data = times;
  _alvh_chart_touch (self);
  self->times = g_bytes_get_data (times, &size);
  self->n = size / sizeof (gint64);
  if (self->n == 0)
    self->times = NULL;
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

/**
 * alvh_chart_get_n_bars:
 * @self: a chart
 *
 * Returns: the number of bars on the timeline
 */
gsize
alvh_chart_get_n_bars (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), 0);
  return self->n;
}

/**
 * alvh_chart_get_times:
 * @self: a chart
 *
 * Returns: (transfer none) (array) (nullable): the bar times, owned by @self until the
 * next alvh_chart_set_times()
 */
const gint64 *
alvh_chart_get_times (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), NULL);
  return self->times;
}

/**
 * alvh_chart_set_dark:
 * @self: a chart
 * @dark: whether to draw with the dark palette
 *
 * Chooses the light or dark colours of alvh_chart_palette_get().
 */
void
alvh_chart_set_dark (AlvhChart *self,
                     gboolean   dark)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->dark = !!dark;  /* in the layer cache's key */
}

/**
 * alvh_chart_get_dark:
 * @self: a chart
 *
 * Returns: whether the chart draws with the dark palette
 */
gboolean
alvh_chart_get_dark (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), FALSE);
  return self->dark;
}

/**
 * alvh_chart_set_scale_factor:
 * @self: a chart
 * @scale: device pixels per logical pixel (HiDPI); values <= 0 mean 1
 *
 * Lets the drawing align lines and decimate to device pixels.
 */
void
alvh_chart_set_scale_factor (AlvhChart *self,
                             double     scale)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->scale = scale > 0 ? scale : 1.0;  /* in the layer cache's key */
  _alvh_chart_layout_panes (self);         /* panes end on device pixels */
}

/**
 * alvh_chart_set_decimation:
 * @self: a chart
 * @decimate: whether more bars than pixel columns draw as one min/max per column
 *
 * Decimation is on by default; the benchmark turns it off to compare.
 */
void
alvh_chart_set_decimation (AlvhChart *self,
                           gboolean   decimate)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if (self->decimate != !!decimate)
    _alvh_chart_touch (self);
  self->decimate = !!decimate;
}

/**
 * alvh_chart_set_size:
 * @self: a chart
 * @width: logical width
 * @height: logical height
 *
 * Lays the panes out for this size (alvh_chart_render() does it too).
 */
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

/**
 * alvh_chart_add_pane:
 * @self: a chart
 * @title: (nullable): the title shown in the legend (copied)
 * @weight: its share of the height relative to the other visible panes
 *
 * Returns: the new pane's index
 */
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
  _alvh_chart_touch (self);
  _alvh_chart_layout_panes (self);
  return self->panes->len - 1;
}

/**
 * alvh_chart_get_n_panes:
 * @self: a chart
 *
 * Returns: the number of panes, visible or not
 */
guint
alvh_chart_get_n_panes (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), 0);
  return self->panes->len;
}

/**
 * alvh_chart_pane_set_visible:
 * @self: a chart
 * @pane: a pane index
 * @visible: whether it takes part in the layout
 *
 * Shows or hides a pane; the others share its height.
 */
void
alvh_chart_pane_set_visible (AlvhChart *self,
                             guint      pane,
                             gboolean   visible)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  p->visible = !!visible;
  _alvh_chart_touch (self);
  _alvh_chart_layout_panes (self);
}

/**
 * alvh_chart_pane_get_visible:
 * @self: a chart
 * @pane: a pane index
 *
 * Returns: whether the pane is shown
 */
gboolean
alvh_chart_pane_get_visible (AlvhChart *self,
                             guint      pane)
{
  Pane *p = get_pane (self, pane);
  return p != NULL && p->visible;
}

/**
 * alvh_chart_pane_set_log_scale:
 * @self: a chart
 * @pane: a pane index
 * @log_scale: whether its price axis is logarithmic
 *
 * Values <= 0 have no place on a log scale and are left out.
 */
void
alvh_chart_pane_set_log_scale (AlvhChart *self,
                               guint      pane,
                               gboolean   log_scale)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  p->log_scale = !!log_scale;
  _alvh_chart_touch (self);
}

/**
 * alvh_chart_pane_get_log_scale:
 * @self: a chart
 * @pane: a pane index
 *
 * Returns: whether the pane's price axis is logarithmic
 */
gboolean
alvh_chart_pane_get_log_scale (AlvhChart *self,
                               guint      pane)
{
  Pane *p = get_pane (self, pane);
  return p != NULL && p->log_scale;
}

/**
 * alvh_chart_pane_set_include_zero:
 * @self: a chart
 * @pane: a pane index
 * @include_zero: whether 0 is always in range (with a zero line)
 *
 * For oscillators such as the MACD.
 */
void
alvh_chart_pane_set_include_zero (AlvhChart *self,
                                  guint      pane,
                                  gboolean   include_zero)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  p->include_zero = !!include_zero;
  _alvh_chart_touch (self);
}

/**
 * alvh_chart_pane_set_weight:
 * @self: a chart
 * @pane: a pane index
 * @weight: its share of the height
 *
 * Changes the pane's share and lays the panes out again.
 */
void
alvh_chart_pane_set_weight (AlvhChart *self,
                            guint      pane,
                            double     weight)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  p->weight = MAX (0.01, weight);
  _alvh_chart_touch (self);
  _alvh_chart_layout_panes (self);
}

/**
 * alvh_chart_pane_get_weight:
 * @self: a chart
 * @pane: a pane index
 *
 * Returns: the pane's share of the height (0 for an unknown pane)
 */
double
alvh_chart_pane_get_weight (AlvhChart *self,
                            guint      pane)
{
  Pane *p = get_pane (self, pane);
  return p ? p->weight : 0.0;
}

/**
 * alvh_chart_pane_get_range:
 * @self: a chart
 * @pane: a pane index
 * @min: (out) (optional): the value at the bottom
 * @max: (out) (optional): the value at the top
 *
 * The visible range of the pane at the last render, after autoscaling.
 *
 * Returns: %FALSE when the pane has not been drawn yet
 */
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

/**
 * alvh_chart_pane_get_area:
 * @self: a chart
 * @pane: a pane index
 * @x: (out) (optional): left edge
 * @y: (out) (optional): top edge
 * @width: (out) (optional): plot width, without the price axis
 * @height: (out) (optional): pane height
 *
 * Returns: %FALSE for an unknown or hidden pane
 */
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

/* whether rows at @times are the timeline's bars, one to one */
static gboolean
same_times (AlvhChart    *self,
            const gint64 *times,
            gsize         n)
{
  return n == self->n && (n == 0 || times == self->times || memcmp (times, self->times, n * sizeof (gint64)) == 0);
}

/* The bar of a row at @t: the bar at @t, else the bar on @t's New York
 * date (a daily bar stamped at another hour), else -1; *j walks the bars
 * (the last one at or before the previous row) */
static gssize
bar_of_row (AlvhChart *self,
            gint64     t,
            gssize    *j)
{
  gint64 day;

  while (*j + 1 < (gssize) self->n && self->times[*j + 1] <= t)
    (*j)++;
  if (*j >= 0 && self->times[*j] == t)
    return *j;
  day = alvh_time_ny_day (t);
  if (*j >= 0 && alvh_time_ny_day (self->times[*j]) == day)
    return *j;
  if (*j + 1 < (gssize) self->n && alvh_time_ny_day (self->times[*j + 1]) == day)
    return *j + 1;
  return -1;
}

/* The values on the timeline, copied: each row goes to the bar at its time,
 * or to the bar of its New York date (daily bars stamped at another hour);
 * a row on a date without a bar is left out, a bar without a row is NAN. */
static GBytes *
align_values (AlvhChart    *self,
              const gint64 *times,
              const double *values,
              gsize         n)
{
  double *out;
  gssize j = -1;
  GBytes *column;

  if (values == NULL)
    return NULL;
  column = column_new (self->n * sizeof (double), (gpointer *) &out);
  if (same_times (self, times, n))
    {
      if (n > 0)
        memcpy (out, values, n * sizeof (double));
      return column;
    }
  for (gsize i = 0; i < self->n; i++)
    out[i] = NAN;
  for (gsize i = 0; i < n && self->n > 0; i++)
    {
      gssize k = bar_of_row (self, times[i], &j);
      if (k >= 0)
        out[k] = values[i];
    }
  return column;
}

static Series *
series_new (const AlvhChartSeriesStyle *style)
{
  Series *s = g_new0 (Series, 1);

  s->kind = style->kind;
  s->label = g_strdup (style->label);
  s->color = style->color;
  s->flags = style->flags;
  s->decimals = 2;
  return s;
}

/* how many components a kind draws: candles and OHLC 4, bands 2, others 1 */
static guint
kind_n_components (AlvhChartSeriesKind kind)
{
  if (kind == ALVH_CHART_SERIES_CANDLES || kind == ALVH_CHART_SERIES_OHLC)
    return 4;
  return kind == ALVH_CHART_SERIES_BAND ? 2 : 1;
}

static guint
add_to_pane (AlvhChart *self,
             Pane      *p,
             Series    *s)
{
  _alvh_chart_touch (self);
  for (guint k = 0; k < 4; k++)
    s->v[k] = s->data[k] != NULL ? g_bytes_get_data (s->data[k], NULL) : NULL;
  g_ptr_array_add (p->series, s);
  return p->series->len - 1;
}

/**
 * alvh_chart_add_series:
 * @self: a chart
 * @pane: a pane index
 * @style: (transfer none): how the series looks: its kind, its legend label
 *   (nullable; the chart copies it), colour role and flags.  The chart keeps
 *   nothing else of @style, which may live on the caller's stack.
 * @times: (array length=n): the rows' times, increasing
 * @a: (array length=n): the first component (see #AlvhChartSeriesKind)
 * @b: (array length=n) (nullable): the second component, or %NULL when unused
 * @c: (array length=n) (nullable): the third component, or %NULL when unused
 * @d: (array length=n) (nullable): the fourth component, or %NULL when unused
 * @n: the number of rows
 *
 * Adds a series joined to the timeline: each row goes to the bar at its
 * time, or to the bar on its New York date (daily bars stamped at another
 * hour); rows on other dates are left out and a bar without a row is NAN
 * (shown as "–").  The values are copied.
 *
 * Returns: the series' index within the pane
 */
guint
alvh_chart_add_series (AlvhChart                  *self,
                       guint                       pane,
                       const AlvhChartSeriesStyle *style,
                       const gint64               *times,
                       const double               *a,
                       const double               *b,
                       const double               *c,
                       const double               *d,
                       gsize                       n)
{
  Pane *p = get_pane (self, pane);
  const double *in[4] = { a, b, c, d };
  Series *s;

  g_return_val_if_fail (p != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (n == 0 || times != NULL, 0);
  g_return_val_if_fail (a != NULL, 0);
  for (guint k = 1; k < kind_n_components (style->kind); k++)
    g_return_val_if_fail (in[k] != NULL, 0);

  s = series_new (style);
  for (guint k = 0; k < kind_n_components (style->kind); k++)
    s->data[k] = align_values (self, times, in[k], n);
  return add_to_pane (self, p, s);
}

/**
 * alvh_chart_add_series_bytes:
 * @self: a chart
 * @pane: a pane index
 * @style: (transfer none): how the series looks, as for
 *   alvh_chart_add_series() (the chart copies the label)
 * @a: the first component: one double per bar of the timeline
 * @b: (nullable): the second component, or %NULL when unused
 * @c: (nullable): the third component, or %NULL when unused
 * @d: (nullable): the fourth component, or %NULL when unused
 *
 * As alvh_chart_add_series() for values already on the timeline (NAN where
 * a bar has none): the chart keeps references to the arrays, it copies and
 * aligns nothing.
 *
 * Returns: the series' index within the pane
 */
guint
alvh_chart_add_series_bytes (AlvhChart                  *self,
                             guint                       pane,
                             const AlvhChartSeriesStyle *style,
                             GBytes                     *a,
                             GBytes                     *b,
                             GBytes                     *c,
                             GBytes                     *d)
{
  Pane *p = get_pane (self, pane);
  GBytes *in[4] = { a, b, c, d };
  Series *s;

  g_return_val_if_fail (p != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);
  for (guint k = 0; k < kind_n_components (style->kind); k++)
    g_return_val_if_fail (in[k] != NULL && g_bytes_get_size (in[k]) == self->n * sizeof (double), 0);

  s = series_new (style);
  for (guint k = 0; k < kind_n_components (style->kind); k++)
    s->data[k] = g_bytes_ref (in[k]);
  return add_to_pane (self, p, s);
}

/**
 * alvh_chart_pane_get_n_series:
 * @self: a chart
 * @pane: a pane index
 *
 * Returns: the number of series in the pane
 */
guint
alvh_chart_pane_get_n_series (AlvhChart *self,
                              guint      pane)
{
  Pane *p = get_pane (self, pane);
  return p ? p->series->len : 0;
}

/**
 * alvh_chart_pane_truncate_series:
 * @self: a chart
 * @pane: a pane index
 * @n_keep: how many series to keep
 *
 * Drops the pane's series from index @n_keep on.
 */
void
alvh_chart_pane_truncate_series (AlvhChart *self,
                                 guint      pane,
                                 guint      n_keep)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  if (n_keep < p->series->len)
    g_ptr_array_set_size (p->series, n_keep);
  _alvh_chart_touch (self);
}

/**
 * alvh_chart_series_get_values:
 * @self: a chart
 * @pane: a pane index
 * @series: a series index
 * @component: 0 .. 3
 *
 * Returns: (transfer none) (array) (nullable): the component aligned to the timeline
 * (NAN where absent), owned by @self; %NULL when unused or unknown
 */
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

/**
 * alvh_chart_series_set_decimals:
 * @self: a chart
 * @pane: a pane index
 * @series: a series index
 * @decimals: decimals in the legend, read-out and value tag
 *
 * Sets how many decimals the series' values show.
 */
void
alvh_chart_series_set_decimals (AlvhChart *self,
                                guint      pane,
                                guint      series,
                                int        decimals)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL && series < p->series->len);
  ((Series *) g_ptr_array_index (p->series, series))->decimals = CLAMP (decimals, 0, 8);
  _alvh_chart_touch (self);
}

/* ---- levels, markers, regions ---------------------------------------- */

/**
 * alvh_chart_add_level:
 * @self: a chart
 * @pane: a pane index
 * @value: the price
 * @color: its colour role
 * @label: (nullable): text at its right end (copied)
 * @start: first time it spans (0: from the first bar)
 * @end: last time it spans (0: to the last bar)
 * @dashed: whether the line is dashed
 *
 * Adds a horizontal level, e.g. a condor strike.
 */
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
  _alvh_chart_touch (self);
}

/**
 * alvh_chart_clear_levels:
 * @self: a chart
 * @pane: a pane index
 *
 * Removes the pane's levels.
 */
void
alvh_chart_clear_levels (AlvhChart *self,
                         guint      pane)
{
  Pane *p = get_pane (self, pane);
  g_return_if_fail (p != NULL);
  g_array_set_size (p->levels, 0);
  _alvh_chart_touch (self);
}

/**
 * alvh_chart_index_for_time:
 * @self: a chart
 * @time: a time
 *
 * Returns: the last bar at or before @time, or -1
 */
gssize
alvh_chart_index_for_time (AlvhChart *self,
                           gint64     time)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  return index_le (self->times, self->n, time);
}

/**
 * alvh_chart_set_markers:
 * @self: a chart
 * @pane: a pane index
 * @markers: (array length=n) (nullable): the markers (copied, strings too)
 * @n: their number
 *
 * Replaces the pane's markers.
 */
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
  _alvh_chart_touch (self);
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

/**
 * alvh_chart_set_shading:
 * @self: a chart
 * @pane: a pane index
 * @starts: (array length=n) (nullable): the regions' first times
 * @ends: (array length=n) (nullable): the regions' last times
 * @n: their number
 *
 * Replaces the pane's shaded regions (copied).
 */
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
  _alvh_chart_touch (self);
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

/**
 * alvh_chart_set_view:
 * @self: a chart
 * @first: the bar index at the left edge (fractional)
 * @bars: how many bars span the plot width
 *
 * Sets the view, kept within the timeline.
 */
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

/**
 * alvh_chart_get_view:
 * @self: a chart
 * @first: (out) (optional): the bar index at the left edge
 * @bars: (out) (optional): how many bars span the plot width
 *
 * Reads the view.
 */
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

/**
 * alvh_chart_show_all:
 * @self: a chart
 *
 * Shows the whole timeline.
 */
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

/**
 * alvh_chart_show_time_range:
 * @self: a chart
 * @from: the first time to show
 * @to: the last time to show
 *
 * Shows the bars between @from and @to.
 */
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

/**
 * alvh_chart_show_last:
 * @self: a chart
 * @seconds: how far back from the last bar
 *
 * Shows the last @seconds of the timeline (e.g. one month) with a small right margin.
 */
void
alvh_chart_show_last (AlvhChart *self,
                      gint64     seconds)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if (self->n == 0)
    return;
  alvh_chart_show_time_range (self, self->times[self->n - 1] - seconds, self->times[self->n - 1]);
}

/**
 * alvh_chart_zoom:
 * @self: a chart
 * @factor: > 1 zooms in, < 1 out
 * @x: the x that keeps its bar in place
 *
 * Zooms the view around @x.
 */
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

/**
 * alvh_chart_pan:
 * @self: a chart
 * @dx: pixels to move the bars by (positive: to the right)
 *
 * Pans the view.
 */
void
alvh_chart_pan (AlvhChart *self,
                double     dx)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->first -= dx / plot_width (self) * self->bars;
  _alvh_chart_clamp_view (self);
}

/**
 * alvh_chart_scroll_to_index:
 * @self: a chart
 * @index: a bar index
 *
 * Brings bar @index into view, centred when it was outside.
 */
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
