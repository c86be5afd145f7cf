/* alvh-chart.c — panes, series, axes, decimation and hit-testing on Cairo */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include "alvh-time.h"
#include "alvh-chart-ticks.h"
#include "alvh-chart.h"

#define AXIS_WIDTH        66.0
#define TIME_AXIS_HEIGHT  22.0
#define PANE_GAP           1.0
#define PANE_PAD_TOP      20.0
#define PANE_PAD_BOTTOM    8.0
#define FONT_SIZE         11.0
#define MIN_PANE_HEIGHT   40.0
#define MARKER_RADIUS      6.0
#define MIN_BARS           5.0

typedef struct
{
  AlvhChartSeriesKind   kind;
  char                 *label;
  AlvhChartColor        color;
  AlvhChartSeriesFlags  flags;
  int                   decimals;
  double               *v[4];       /* aligned to the timeline; NULL when unused */
  /* per-column aggregates of the last frame: first, min, max, last */
  double               *agg;
  gsize                 agg_len;
} Series;

typedef struct
{
  double          value;
  AlvhChartColor  color;
  char           *label;
  gint64          start;
  gint64          end;
  gboolean        dashed;
} Level;

typedef struct
{
  gssize                index;
  double                value;
  char                 *label;
  char                 *tooltip;
  AlvhChartMarkerShape  shape;
  AlvhChartColor        color;
  double                x, y;       /* last drawn position */
  gboolean              drawn;
} Marker;

typedef struct
{
  gssize start;
  gssize end;
} Region;

typedef struct
{
  char      *title;
  double     weight;
  gboolean   visible;
  gboolean   log_scale;
  gboolean   include_zero;
  GPtrArray *series;   /* Series */
  GArray    *levels;   /* Level */
  GArray    *markers;  /* Marker */
  GArray    *regions;  /* Region */
  /* layout */
  double     y, height;
  double     lo, hi;   /* transformed (log10 on a log scale) */
  gboolean   has_range;
} Pane;

/* How values map to y within a pane */
typedef struct
{
  double   top;
  double   height;
  double   lo, hi;
  gboolean log;
} YMap;

struct _AlvhChart
{
  GObject                 parent_instance;

  gint64                 *times;
  gsize                   n;
  GPtrArray              *panes;

  double                  first;
  double                  bars;
  double                  width, height;
  double                  scale;
  gboolean                dark;
  gboolean                decimate;
  gssize                  crosshair;
  double                  crosshair_y;
};

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

static Pane *
get_pane (AlvhChart *self,
          guint      pane)
{
  if (pane >= self->panes->len)
    return NULL;
  return g_ptr_array_index (self->panes, pane);
}

static inline double
ymap_transform (const YMap *m,
                double      v)
{
  if (m->log)
    return v > 0 ? log10 (v) : NAN;
  return v;
}

static inline double
ymap_y (const YMap *m,
        double      v)
{
  double t = ymap_transform (m, v);
  return m->top + (m->hi - t) / (m->hi - m->lo) * m->height;
}

static inline double
ymap_y_clamped (const YMap *m,
                double      v)
{
  double y = ymap_y (m, v);
  return CLAMP (y, m->top - 1e4, m->top + m->height + 1e4);
}

/* last bar with times[i] <= t, or -1 */
static gssize
index_le (const gint64 *times,
          gsize         n,
          gint64        t)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (times[mid] <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (gssize) lo - 1;
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

/* ---- layout ---------------------------------------------------------- */

static double
plot_width (AlvhChart *self)
{
  return MAX (1.0, self->width - AXIS_WIDTH);
}

static void
layout_panes (AlvhChart *self)
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
      pane->y = y;
      pane->height = total > 0 ? avail * pane->weight / total : 0;
      y += pane->height + PANE_GAP;
    }
}

void
alvh_chart_set_size (AlvhChart *self,
                     double     width,
                     double     height)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->width = MAX (1.0, width);
  self->height = MAX (1.0, height);
  layout_panes (self);
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
  layout_panes (self);
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
  layout_panes (self);
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
  layout_panes (self);
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

static void
clamp_view (AlvhChart *self)
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
  clamp_view (self);
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
  clamp_view (self);
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
  clamp_view (self);
}

void
alvh_chart_pan (AlvhChart *self,
                double     dx)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  self->first -= dx / plot_width (self) * self->bars;
  clamp_view (self);
}

void
alvh_chart_scroll_to_index (AlvhChart *self,
                            gsize      index)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if ((double) index >= self->first && (double) index + 1 <= self->first + self->bars)
    return;
  self->first = (double) index - self->bars / 2;
  clamp_view (self);
}

/* ---- hit-testing ----------------------------------------------------- */

gssize
alvh_chart_index_at_x (AlvhChart *self,
                       double     x)
{
  double i;

  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  if (self->n == 0)
    return -1;
  i = floor (self->first + x / plot_width (self) * self->bars);
  return (gssize) CLAMP (i, 0.0, (double) self->n - 1);
}

double
alvh_chart_x_for_index (AlvhChart *self,
                        double     index)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), 0);
  return (index + 0.5 - self->first) * plot_width (self) / self->bars;
}

static void
pane_ymap (AlvhChart *self,
           Pane      *p,
           YMap      *m)
{
  (void) self;
  m->top = p->y + PANE_PAD_TOP;
  m->height = MAX (1.0, p->height - PANE_PAD_TOP - PANE_PAD_BOTTOM);
  m->lo = p->lo;
  m->hi = p->hi;
  m->log = p->log_scale;
  if (!(m->hi > m->lo))
    {
      m->lo -= 1;
      m->hi += 1;
    }
}

double
alvh_chart_y_for_value (AlvhChart *self,
                        guint      pane,
                        double     value)
{
  Pane *p = get_pane (self, pane);
  YMap m;

  if (p == NULL || !p->has_range)
    return NAN;
  pane_ymap (self, p, &m);
  return ymap_y (&m, value);
}

double
alvh_chart_value_at_y (AlvhChart *self,
                       guint      pane,
                       double     y)
{
  Pane *p = get_pane (self, pane);
  YMap m;
  double t;

  if (p == NULL || !p->has_range)
    return NAN;
  pane_ymap (self, p, &m);
  t = m.hi - (y - m.top) / m.height * (m.hi - m.lo);
  return m.log ? pow (10, t) : t;
}

int
alvh_chart_pane_at_y (AlvhChart *self,
                      double     y)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *p = g_ptr_array_index (self->panes, i);
      if (p->visible && y >= p->y && y < p->y + p->height + PANE_GAP)
        return (int) i;
    }
  return -1;
}

int
alvh_chart_separator_at_y (AlvhChart *self,
                           double     y)
{
  int last_visible = -1;

  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *p = g_ptr_array_index (self->panes, i);
      if (!p->visible)
        continue;
      if (last_visible >= 0 && fabs (y - p->y) <= 4.0)
        return last_visible;
      last_visible = (int) i;
    }
  return -1;
}

void
alvh_chart_move_separator (AlvhChart *self,
                           int        separator,
                           double     dy)
{
  Pane *a = get_pane (self, (guint) separator), *b = NULL;
  double total_w, total_h, ha, hb;

  if (separator < 0 || a == NULL)
    return;
  for (guint i = (guint) separator + 1; i < self->panes->len; i++)
    {
      Pane *p = g_ptr_array_index (self->panes, i);
      if (p->visible)
        {
          b = p;
          break;
        }
    }
  if (b == NULL)
    return;
  total_w = a->weight + b->weight;
  total_h = a->height + b->height;
  if (total_h < 2 * MIN_PANE_HEIGHT)
    return;
  ha = CLAMP (a->height + dy, MIN_PANE_HEIGHT, total_h - MIN_PANE_HEIGHT);
  hb = total_h - ha;
  a->weight = total_w * ha / total_h;
  b->weight = total_w * hb / total_h;
  layout_panes (self);
}

gboolean
alvh_chart_marker_at (AlvhChart *self,
                      double     x,
                      double     y,
                      guint     *pane,
                      guint     *marker)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), FALSE);
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pn = g_ptr_array_index (self->panes, p);
      if (!pn->visible)
        continue;
      for (guint i = 0; i < pn->markers->len; i++)
        {
          Marker *m = &g_array_index (pn->markers, Marker, i);
          if (m->drawn && fabs (m->x - x) <= MARKER_RADIUS + 2 && fabs (m->y - y) <= MARKER_RADIUS + 2)
            {
              if (pane)
                *pane = p;
              if (marker)
                *marker = i;
              return TRUE;
            }
        }
    }
  return FALSE;
}

const char *
alvh_chart_get_marker_tooltip (AlvhChart *self,
                               guint      pane,
                               guint      marker)
{
  Pane *p = get_pane (self, pane);
  if (p == NULL || marker >= p->markers->len)
    return NULL;
  return g_array_index (p->markers, Marker, marker).tooltip;
}

gboolean
alvh_chart_get_marker_position (AlvhChart *self,
                                guint      pane,
                                guint      marker,
                                double    *x,
                                double    *y)
{
  Pane *p = get_pane (self, pane);
  Marker *m;

  if (p == NULL || marker >= p->markers->len)
    return FALSE;
  m = &g_array_index (p->markers, Marker, marker);
  if (!m->drawn)
    return FALSE;
  if (x)
    *x = m->x;
  if (y)
    *y = m->y;
  return TRUE;
}

void
alvh_chart_set_crosshair (AlvhChart *self,
                          gssize     index,
                          double     y)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if (index >= (gssize) self->n)
    index = (gssize) self->n - 1;
  self->crosshair = index;
  self->crosshair_y = y;
}

gssize
alvh_chart_get_crosshair (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  return self->crosshair;
}

/* ---- text ------------------------------------------------------------ */

static void
append_value (GString *s,
              double   v,
              int      decimals)
{
  if (isfinite (v))
    g_string_append_printf (s, "%.*f", decimals, v);
  else
    g_string_append (s, "–");
}

static void
format_series_value (GString *s,
                     Series  *series,
                     gsize    i)
{
  if (series->label && *series->label)
    g_string_append_printf (s, "%s ", series->label);
  switch (series->kind)
    {
    case ALVH_CHART_SERIES_CANDLES:
    case ALVH_CHART_SERIES_OHLC:
      g_string_append (s, "O ");
      append_value (s, series->v[0][i], series->decimals);
      g_string_append (s, " H ");
      append_value (s, series->v[1][i], series->decimals);
      g_string_append (s, " L ");
      append_value (s, series->v[2][i], series->decimals);
      g_string_append (s, " C ");
      append_value (s, series->v[3][i], series->decimals);
      if (i > 0 && isfinite (series->v[3][i - 1]) && series->v[3][i - 1] != 0 && isfinite (series->v[3][i]))
        g_string_append_printf (s, " (%+.2f%%)", 100.0 * (series->v[3][i] / series->v[3][i - 1] - 1.0));
      break;
    case ALVH_CHART_SERIES_BAND:
      append_value (s, series->v[0][i], series->decimals);
      g_string_append (s, "–");
      append_value (s, series->v[1][i], series->decimals);
      break;
    case ALVH_CHART_SERIES_LINE:
    case ALVH_CHART_SERIES_HISTOGRAM:
    default:
      append_value (s, series->v[0][i], series->decimals);
      break;
    }
}

static char *
format_date (gint64 t)
{
  int y, m, d;
  gint64 local = t + alvh_ny_utc_offset (t);
  gint64 sod = ((local % 86400) + 86400) % 86400;

  alvh_time_to_ny_date (t, &y, &m, &d);
  if (sod == 0)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", y, m, d, (int) (sod / 3600), (int) (sod / 60 % 60));
}

char *
alvh_chart_format_readout (AlvhChart *self,
                           gssize     index)
{
  GString *s;
  g_autofree char *date = NULL;

  g_return_val_if_fail (ALVH_IS_CHART (self), NULL);
  if (index < 0 || (gsize) index >= self->n)
    return g_strdup ("");

  date = format_date (self->times[index]);
  s = g_string_new (date);
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      gboolean any = FALSE;

      if (!pane->visible)
        continue;
      for (guint k = 0; k < pane->series->len; k++)
        {
          Series *series = g_ptr_array_index (pane->series, k);
          if (series->flags & ALVH_CHART_SERIES_FLAG_NO_LEGEND)
            continue;
          g_string_append (s, any ? "  " : "\n");
          if (!any && pane->title && *pane->title)
            g_string_append_printf (s, "%s: ", pane->title);
          format_series_value (s, series, (gsize) index);
          any = TRUE;
        }
    }
  return g_string_free (s, FALSE);
}

char *
alvh_chart_describe (AlvhChart *self)
{
  GString *s;
  gssize i0, i1;

  g_return_val_if_fail (ALVH_IS_CHART (self), NULL);
  s = g_string_new (NULL);
  if (self->n == 0)
    {
      g_string_append (s, _("No data."));
      return g_string_free (s, FALSE);
    }
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      if (!pane->visible)
        continue;
      if (s->len)
        g_string_append (s, "; ");
      /* TRANSLATORS: a chart pane, e.g. "SPX pane" */
      g_string_append_printf (s, _("%s pane"), pane->title ? pane->title : "");
      if (pane->series->len)
        {
          g_string_append (s, " (");
          for (guint k = 0; k < pane->series->len; k++)
            {
              Series *series = g_ptr_array_index (pane->series, k);
              g_string_append_printf (s, "%s%s", k ? ", " : "", series->label ? series->label : "");
            }
          g_string_append (s, ")");
        }
    }
  i0 = (gssize) CLAMP (ceil (self->first), 0.0, (double) self->n - 1);
  i1 = (gssize) CLAMP (floor (self->first + self->bars - 1), 0.0, (double) self->n - 1);
  {
    g_autofree char *d0 = format_date (self->times[i0]);
    g_autofree char *d1 = format_date (self->times[i1]);
    g_autofree char *latest = alvh_chart_format_readout (self, i1);
    g_string_append (s, ". ");
    /* TRANSLATORS: first date, last date, number of bars, the values at the last bar */
    g_string_append_printf (s, _("Visible %s to %s (%zd bars). Latest visible: %s"),
                            d0, d1, i1 - i0 + 1, latest);
  }
  for (gsize i = 0; i < s->len; i++)
    if (s->str[i] == '\n')
      s->str[i] = ';';
  return g_string_free (s, FALSE);
}

/* ---- drawing --------------------------------------------------------- */

typedef struct
{
  AlvhChart              *chart;
  cairo_t                *cr;
  const AlvhChartPalette *pal;
  double                  plot_w;
  double                  ppb;       /* logical pixels per bar */
  double                  scale;
  gboolean                decimated;
  guint                   n_cols;    /* device pixel columns */
  gssize                  i0, i1;    /* visible bars, inclusive */
} Frame;

static inline double
bar_x (const Frame *f,
       gssize       i)
{
  return ((double) i + 0.5 - f->chart->first) * f->ppb;
}

static inline double
snap (const Frame *f,
      double       v)
{
  return (floor (v * f->scale) + 0.5) / f->scale;
}

/* bars in device column c: [col_start (c), col_start (c + 1)) */
static inline gssize
col_start (const Frame *f,
           guint        c)
{
  double ppd = f->ppb * f->scale;
  double i = ceil ((double) c / ppd + f->chart->first - 0.5);
  return (gssize) CLAMP (i, (double) f->i0, (double) f->i1 + 1);
}

/* Fill series->agg with first/min/max/last per column of component k (min
 * of `lo_comp`, max of `hi_comp`, first of `first_comp`, last of `last_comp`) */
static void
aggregate (const Frame *f,
           Series      *s,
           int          first_comp,
           int          lo_comp,
           int          hi_comp,
           int          last_comp)
{
  gsize need = (gsize) f->n_cols * 4;
  const double *lo = s->v[lo_comp], *hi = s->v[hi_comp];
  const double *fv = s->v[first_comp], *lv = s->v[last_comp];
  gssize b0;

  if (s->agg_len < need)
    {
      s->agg = g_renew (double, s->agg, need);
      s->agg_len = need;
    }
  b0 = col_start (f, 0);
  for (guint c = 0; c < f->n_cols; c++)
    {
      gssize b1 = col_start (f, c + 1);
      double mn = INFINITY, mx = -INFINITY, first = NAN, last = NAN;
      double *a = s->agg + (gsize) c * 4;

      if (b1 > b0)
        {
          if (lo == hi)
            {
              for (gssize i = b0; i < b1; i++)
                {
                  double v = lo[i];
                  mn = v < mn ? v : mn;
                  mx = v > mx ? v : mx;
                }
            }
          else
            {
              for (gssize i = b0; i < b1; i++)
                {
                  double l = lo[i], h = hi[i];
                  mn = l < mn ? l : mn;
                  mx = h > mx ? h : mx;
                }
            }
          first = fv[b0];
          last = lv[b1 - 1];
          if (!isfinite (first) || !isfinite (last))
            {
              for (gssize i = b0; i < b1 && !isfinite (first); i++)
                first = fv[i];
              for (gssize i = b1 - 1; i >= b0 && !isfinite (last); i--)
                last = lv[i];
            }
        }
      if (mn > mx)
        mn = mx = NAN;
      a[0] = first;
      a[1] = mn;
      a[2] = mx;
      a[3] = last;
      b0 = b1;
    }
}

static void
series_aggregate (const Frame *f,
                  Series      *s)
{
  switch (s->kind)
    {
    case ALVH_CHART_SERIES_CANDLES:
    case ALVH_CHART_SERIES_OHLC:
      aggregate (f, s, 0, 2, 1, 3);
      break;
    case ALVH_CHART_SERIES_BAND:
      aggregate (f, s, 0, 0, 1, 1);
      break;
    case ALVH_CHART_SERIES_LINE:
    case ALVH_CHART_SERIES_HISTOGRAM:
    default:
      aggregate (f, s, 0, 0, 0, 0);
      break;
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

static void
set_color (const Frame    *f,
           AlvhChartColor  color,
           double          alpha)
{
  alvh_chart_palette_set_source (f->pal, f->cr, color, alpha);
}

static void
draw_candles (const Frame *f,
              Series      *s,
              const YMap  *m)
{
  cairo_t *cr = f->cr;
  double px = 1.0 / f->scale;

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean up_pass = pass == 0;

      if (f->decimated)
        {
          for (guint c = 0; c < f->n_cols; c++)
            {
              const double *a = s->agg + c * 4;
              double y0, y1;
              if (!isfinite (a[1]))
                continue;
              if ((a[3] >= a[0]) != up_pass)
                continue;
              y0 = ymap_y_clamped (m, a[2]);
              y1 = ymap_y_clamped (m, a[1]);
              if (!isfinite (y0) || !isfinite (y1))
                continue;
              y0 = floor (y0 * f->scale) / f->scale;
              y1 = ceil (y1 * f->scale) / f->scale;
              cairo_rectangle (cr, c * px, y0, px, MAX (px, y1 - y0));
            }
        }
      else
        {
          double body = MAX (px, floor (f->ppb * 0.7 * f->scale) / f->scale);
          double wick = MAX (px, round (f->scale) / f->scale);
          gboolean bars = s->kind == ALVH_CHART_SERIES_OHLC;

          if (bars)
            body = MAX (3 * px, body);
          for (gssize i = f->i0; i <= f->i1; i++)
            {
              double o = s->v[0][i], h = s->v[1][i], l = s->v[2][i], cl = s->v[3][i];
              double x, yo, yh, yl, yc;

              if (!isfinite (h) || !isfinite (l))
                continue;
              if (!isfinite (o))
                o = cl;
              if (!isfinite (cl))
                cl = o;
              if (!isfinite (o))
                o = cl = h;
              if ((cl >= o) != up_pass)
                continue;
              x = floor (bar_x (f, i) * f->scale) / f->scale;
              yh = ymap_y_clamped (m, h);
              yl = ymap_y_clamped (m, l);
              yo = ymap_y_clamped (m, o);
              yc = ymap_y_clamped (m, cl);
              if (!isfinite (yh) || !isfinite (yl))
                continue;
              /* log scale: an open or close <= 0 has no y */
              if (!isfinite (yo))
                yo = isfinite (yc) ? yc : yh;
              if (!isfinite (yc))
                yc = yo;
              if (bars)
                {
                  cairo_rectangle (cr, x, yh, wick, MAX (px, yl - yh));
                  if (isfinite (yo))
                    cairo_rectangle (cr, x - floor (body / 2 * f->scale) / f->scale, yo - wick / 2,
                                     floor (body / 2 * f->scale) / f->scale, wick);
                  if (isfinite (yc))
                    cairo_rectangle (cr, x + wick, yc - wick / 2, floor (body / 2 * f->scale) / f->scale, wick);
                }
              else
                {
                  double top = MIN (yo, yc), bottom = MAX (yo, yc);
                  double bx = x + wick / 2 - floor (body / 2 * f->scale) / f->scale;
                  if (body > 2 * px)
                    {
                      cairo_rectangle (cr, x, yh, wick, MAX (0, top - yh));
                      cairo_rectangle (cr, x, bottom, wick, MAX (0, yl - bottom));
                    }
                  else
                    {
                      cairo_rectangle (cr, x, yh, wick, MAX (px, yl - yh));
                      continue;
                    }
                  cairo_rectangle (cr, bx, top, body, MAX (px, bottom - top));
                }
            }
        }
      set_color (f, up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 1.0);
      cairo_fill (cr);
    }
}

static void
draw_line (const Frame *f,
           Series      *s,
           const YMap  *m)
{
  cairo_t *cr = f->cr;
  gboolean pen_down = FALSE;

  if (f->decimated)
    {
      /* many bars per column: each column is one box from its min to its
       * max, stretched to meet the previous column's last value, so the
       * trace stays connected; pixel-aligned boxes fill fast */
      double px = 1.0 / f->scale;
      double lw = MAX (px, round (1.5 * f->scale) / f->scale);
      double prev = NAN;

      for (guint c = 0; c < f->n_cols; c++)
        {
          const double *a = s->agg + c * 4;
          double top, bottom, ymn, ymx;

          if (!isfinite (a[1]))
            {
              prev = NAN;
              continue;
            }
          ymn = ymap_y_clamped (m, a[1]);
          ymx = ymap_y_clamped (m, a[2]);
          if (!isfinite (ymn) || !isfinite (ymx))
            {
              prev = NAN;
              continue;
            }
          top = MIN (ymx, ymn);
          bottom = MAX (ymx, ymn);
          if (isfinite (prev))
            {
              top = MIN (top, prev);
              bottom = MAX (bottom, prev);
            }
          top = floor ((top - lw / 2) * f->scale) / f->scale;
          bottom = ceil ((bottom + lw / 2) * f->scale) / f->scale;
          cairo_rectangle (cr, c * px, top, px, MAX (lw, bottom - top));
          prev = isfinite (a[3]) ? ymap_y_clamped (m, a[3]) : ymx;
        }
      set_color (f, s->color, 1.0);
      cairo_fill (cr);
      return;
    }
  else
    {
      for (gssize i = f->i0; i <= f->i1; i++)
        {
          double y = ymap_y_clamped (m, s->v[0][i]);
          if (!isfinite (y))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, bar_x (f, i), y);
          else
            {
              cairo_move_to (cr, bar_x (f, i), y);
              /* a lone point still shows */
              cairo_line_to (cr, bar_x (f, i) + 0.01, y);
            }
          pen_down = TRUE;
        }
    }
  set_color (f, s->color, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (s->flags & ALVH_CHART_SERIES_FLAG_DASHED)
    {
      double dash[] = { 4.0, 3.0 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_band (const Frame *f,
           Series      *s,
           const YMap  *m)
{
  cairo_t *cr = f->cr;
  double px = 1.0 / f->scale;
  guint count = f->decimated ? f->n_cols : (guint) (f->i1 - f->i0 + 1);
  guint k = 0;

  /* each run of columns (or bars) where both edges exist is one polygon */
  while (k < count)
    {
      guint start, end;

      while (k < count)
        {
          double lo = f->decimated ? s->agg[k * 4 + 1] : s->v[0][f->i0 + k];
          double hi = f->decimated ? s->agg[k * 4 + 2] : s->v[1][f->i0 + k];
          if (isfinite (lo) && isfinite (hi) && isfinite (ymap_y (m, lo)) && isfinite (ymap_y (m, hi)))
            break;
          k++;
        }
      start = k;
      while (k < count)
        {
          double lo = f->decimated ? s->agg[k * 4 + 1] : s->v[0][f->i0 + k];
          double hi = f->decimated ? s->agg[k * 4 + 2] : s->v[1][f->i0 + k];
          if (!(isfinite (lo) && isfinite (hi) && isfinite (ymap_y (m, lo)) && isfinite (ymap_y (m, hi))))
            break;
          k++;
        }
      end = k;
      if (end <= start)
        continue;
      for (guint j = start; j < end; j++)
        {
          double x = f->decimated ? (j + 0.5) * px : bar_x (f, f->i0 + j);
          double hi = f->decimated ? s->agg[j * 4 + 2] : s->v[1][f->i0 + j];
          double y = ymap_y_clamped (m, hi);
          if (j == start)
            cairo_move_to (cr, x - (f->decimated ? px / 2 : f->ppb / 2), y);
          cairo_line_to (cr, x, y);
          if (j + 1 == end)
            cairo_line_to (cr, x + (f->decimated ? px / 2 : f->ppb / 2), y);
        }
      for (guint j = end; j-- > start;)
        {
          double x = f->decimated ? (j + 0.5) * px : bar_x (f, f->i0 + j);
          double lo = f->decimated ? s->agg[j * 4 + 1] : s->v[0][f->i0 + j];
          double y = ymap_y_clamped (m, lo);
          if (j + 1 == end)
            cairo_line_to (cr, x + (f->decimated ? px / 2 : f->ppb / 2), y);
          cairo_line_to (cr, x, y);
          if (j == start)
            cairo_line_to (cr, x - (f->decimated ? px / 2 : f->ppb / 2), y);
        }
      cairo_close_path (cr);
    }
  set_color (f, s->color, 0.11);
  cairo_fill (cr);
}

static void
draw_histogram (const Frame *f,
                Series      *s,
                const YMap  *m)
{
  cairo_t *cr = f->cr;
  double px = 1.0 / f->scale;
  double y0 = ymap_y (m, 0.0);

  if (!isfinite (y0))
    return;
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean up_pass = pass == 0;
      if (f->decimated)
        {
          for (guint c = 0; c < f->n_cols; c++)
            {
              double v = up_pass ? s->agg[c * 4 + 2] : s->agg[c * 4 + 1];
              double y;
              if (!isfinite (v) || (up_pass ? v < 0 : v >= 0))
                continue;
              y = ymap_y_clamped (m, v);
              cairo_rectangle (cr, c * px, floor (MIN (y, y0) * f->scale) / f->scale, px,
                               MAX (px, ceil (fabs (y - y0) * f->scale) / f->scale));
            }
        }
      else
        {
          double w = MAX (px, floor (f->ppb * 0.7 * f->scale) / f->scale);
          for (gssize i = f->i0; i <= f->i1; i++)
            {
              double v = s->v[0][i], y;
              if (!isfinite (v) || (up_pass ? v < 0 : v >= 0))
                continue;
              y = ymap_y_clamped (m, v);
              cairo_rectangle (cr, floor ((bar_x (f, i) - w / 2) * f->scale) / f->scale, MIN (y, y0),
                               w, MAX (px, fabs (y - y0)));
            }
        }
      set_color (f, up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 0.6);
      cairo_fill (cr);
    }
}

static void
text_extents (cairo_t    *cr,
              const char *text,
              double     *w)
{
  cairo_text_extents_t ext;
  cairo_text_extents (cr, text, &ext);
  *w = ext.x_advance;
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
  double w;

  text_extents (cr, text, &w);
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

static void
draw_marker_shape (cairo_t              *cr,
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

static void
draw_pane (Frame *f,
           Pane  *p,
           const AlvhChartTick *time_ticks,
           guint  n_time_ticks)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  double mn = INFINITY, mx = -INFINITY;
  AlvhChartTick ticks[ALVH_CHART_MAX_TICKS];
  guint n_ticks;
  YMap m;
  gssize legend_index;

  /* 1. aggregate and fit */
  for (guint k = 0; k < p->series->len; k++)
    {
      Series *s = g_ptr_array_index (p->series, k);
      if (f->decimated)
        series_aggregate (f, s);
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
  pane_ymap (self, p, &m);

  cairo_save (cr);
  cairo_rectangle (cr, 0, p->y, self->width, p->height);
  cairo_clip (cr);

  /* 2. grid */
  n_ticks = alvh_chart_price_ticks (m.log ? pow (10, m.lo) : m.lo, m.log ? pow (10, m.hi) : m.hi,
                                    (guint) CLAMP (m.height / 38.0, 4, 12), m.log, ticks, G_N_ELEMENTS (ticks));
  alvh_chart_rgba_set_source (&f->pal->grid, cr);
  cairo_set_line_width (cr, 1.0 / f->scale);
  for (guint t = 0; t < n_ticks; t++)
    {
      double y = snap (f, ymap_y (&m, ticks[t].value));
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

  /* 3. plot area content, clipped to the plot */
  cairo_save (cr);
  cairo_rectangle (cr, 0, p->y, f->plot_w, p->height);
  cairo_clip (cr);

  for (guint k = 0; k < p->regions->len; k++)
    {
      Region *r = &g_array_index (p->regions, Region, k);
      double x0 = bar_x (f, r->start) - f->ppb / 2, x1 = bar_x (f, r->end) + f->ppb / 2;
      if (x1 < 0 || x0 > f->plot_w)
        continue;
      cairo_rectangle (cr, x0, p->y, MAX (1.0 / f->scale, x1 - x0), p->height);
    }
  alvh_chart_rgba_set_source (&f->pal->shading, cr);
  cairo_fill (cr);

  if (p->include_zero && !m.log)
    {
      double y = snap (f, ymap_y (&m, 0));
      alvh_chart_rgba_set_source (&f->pal->pane_border, cr);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, f->plot_w, y);
      cairo_stroke (cr);
    }

  for (guint k = 0; k < p->series->len; k++)
    {
      Series *s = g_ptr_array_index (p->series, k);
      YMap sm = m;

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
          draw_candles (f, s, &sm);
          break;
        case ALVH_CHART_SERIES_LINE:
          draw_line (f, s, &sm);
          break;
        case ALVH_CHART_SERIES_BAND:
          draw_band (f, s, &sm);
          break;
        case ALVH_CHART_SERIES_HISTOGRAM:
          draw_histogram (f, s, &sm);
          break;
        default:
          break;
        }
    }

  /* levels; a label that would overlap the previous one goes below its line */
  cairo_set_line_width (cr, 1.0);
  {
  double label_ys[32];
  guint n_label_ys = 0;
  for (guint k = 0; k < p->levels->len; k++)
    {
      Level *l = &g_array_index (p->levels, Level, k);
      double y = ymap_y (&m, l->value), x0 = 0, x1 = f->plot_w;

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
      if (l->label)
        {
          double w, ly = y - 3;
          for (guint j = 0; j < n_label_ys; j++)
            if (fabs (label_ys[j] - ly) < 11)
              ly = y + 11;
          for (guint j = 0; j < n_label_ys; j++)
            if (fabs (label_ys[j] - ly) < 11)
              ly = NAN;
          if (isfinite (ly))
            {
              cairo_set_font_size (cr, FONT_SIZE - 1);
              text_extents (cr, l->label, &w);
              cairo_move_to (cr, MAX (x0 + 4, x1 - w - 6), ly);
              cairo_show_text (cr, l->label);
              if (n_label_ys < G_N_ELEMENTS (label_ys))
                label_ys[n_label_ys++] = ly;
            }
        }
    }
  }

  /* markers */
  cairo_set_font_size (cr, FONT_SIZE - 1);
  for (guint k = 0; k < p->markers->len; k++)
    {
      Marker *mk = &g_array_index (p->markers, Marker, k);
      double x = bar_x (f, mk->index), y;

      mk->drawn = FALSE;
      if (x < -MARKER_RADIUS || x > f->plot_w + MARKER_RADIUS)
        continue;
      y = isfinite (mk->value) ? ymap_y (&m, mk->value) : NAN;
      if (!isfinite (y))
        y = p->y + p->height - PANE_PAD_BOTTOM - MARKER_RADIUS - 1;
      y = CLAMP (y, p->y + MARKER_RADIUS, p->y + p->height - MARKER_RADIUS);
      mk->x = x;
      mk->y = y;
      mk->drawn = TRUE;
      draw_marker_shape (cr, mk->shape, x, y, MARKER_RADIUS);
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
  cairo_restore (cr);

  /* 4. price axis */
  cairo_set_font_size (cr, FONT_SIZE);
  alvh_chart_rgba_set_source (&f->pal->text_dim, cr);
  for (guint t = 0; t < n_ticks; t++)
    {
      double y = ymap_y (&m, ticks[t].value);
      if (y < p->y + 6 || y > p->y + p->height - 4)
        continue;
      cairo_move_to (cr, f->plot_w + 6, y + 4);
      cairo_show_text (cr, ticks[t].label);
    }

  /* last value tags of the pane's first series and of lines */
  {
    gssize last = MIN (f->i1, (gssize) self->n - 1);
    for (guint k = 0; k < p->series->len && last >= 0; k++)
      {
        Series *s = g_ptr_array_index (p->series, k);
        double v = NAN, y;
        char buf[32];
        AlvhChartRgba bg;

        if (s->flags & (ALVH_CHART_SERIES_FLAG_OWN_SCALE | ALVH_CHART_SERIES_FLAG_NO_LEGEND))
          continue;
        if (s->kind == ALVH_CHART_SERIES_BAND || s->kind == ALVH_CHART_SERIES_HISTOGRAM)
          continue;
        for (gssize i = last; i >= f->i0 && !isfinite (v); i--)
          v = s->kind == ALVH_CHART_SERIES_LINE ? s->v[0][i] : s->v[3][i];
        if (!isfinite (v))
          continue;
        y = ymap_y (&m, v);
        if (!isfinite (y) || y < p->y || y > p->y + p->height)
          continue;
        snprintf (buf, sizeof buf, "%.*f", s->decimals, v);
        bg = f->pal->colors[s->kind == ALVH_CHART_SERIES_LINE ? s->color : ALVH_CHART_COLOR_BLUE];
        if (s->kind != ALVH_CHART_SERIES_LINE)
          {
            gssize i;
            for (i = last; i >= f->i0 && !isfinite (s->v[3][i]); i--)
              ;
            if (i >= f->i0 && isfinite (s->v[0][i]))
              bg = f->pal->colors[s->v[3][i] >= s->v[0][i] ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN];
          }
        y = CLAMP (y, p->y + 8, p->y + p->height - 8);
        draw_axis_tag (f, f->plot_w + 1, y, &bg, buf);
      }
  }

  /* crosshair horizontal line and value tag */
  if (self->crosshair >= 0 && self->crosshair_y >= p->y && self->crosshair_y < p->y + p->height)
    {
      double v;
      char buf[32];
      double dash[] = { 4.0, 4.0 };
      double step = alvh_chart_nice_step (m.log ? pow (10, m.hi) - pow (10, m.lo) : m.hi - m.lo, 8) / 10;

      {
        double t = m.hi - (self->crosshair_y - m.top) / m.height * (m.hi - m.lo);
        v = m.log ? pow (10, t) : t;
      }
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

  /* 5. legend: title and the values at the crosshair (or the last bar) */
  legend_index = self->crosshair >= 0 ? self->crosshair : MIN (f->i1, (gssize) self->n - 1);
  {
    double x = 6, y = p->y + 14;
    cairo_set_font_size (cr, FONT_SIZE);
    if (p->title)
      {
        double w;
        cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
        alvh_chart_rgba_set_source (&f->pal->text, cr);
        cairo_move_to (cr, x, y);
        cairo_show_text (cr, p->title);
        text_extents (cr, p->title, &w);
        x += w + 10;
        cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      }
    for (guint k = 0; k < p->series->len && legend_index >= 0; k++)
      {
        Series *s = g_ptr_array_index (p->series, k);
        g_autoptr(GString) text = g_string_new (NULL);
        double w;

        if (s->flags & ALVH_CHART_SERIES_FLAG_NO_LEGEND)
          continue;
        format_series_value (text, s, (gsize) legend_index);
        if (s->kind == ALVH_CHART_SERIES_CANDLES || s->kind == ALVH_CHART_SERIES_OHLC)
          alvh_chart_rgba_set_source (&f->pal->text, cr);
        else
          set_color (f, s->color, 1.0);
        cairo_move_to (cr, x, y);
        cairo_show_text (cr, text->str);
        text_extents (cr, text->str, &w);
        x += w + 12;
      }
  }

  cairo_restore (cr);

  /* pane border below */
  alvh_chart_rgba_set_source (&f->pal->pane_border, cr);
  cairo_set_line_width (cr, 1.0 / f->scale);
  cairo_move_to (cr, 0, snap (f, p->y + p->height + PANE_GAP / 2));
  cairo_line_to (cr, self->width, snap (f, p->y + p->height + PANE_GAP / 2));
  cairo_stroke (cr);
}

void
alvh_chart_render (AlvhChart *self,
                   cairo_t   *cr,
                   double     width,
                   double     height)
{
  Frame f = { 0 };
  AlvhChartTick time_ticks[ALVH_CHART_MAX_TICKS];
  guint n_time_ticks = 0;
  double axis_y;

  g_return_if_fail (ALVH_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  alvh_chart_set_size (self, width, height);
  clamp_view (self);

  f.chart = self;
  f.cr = cr;
  f.pal = alvh_chart_palette_get (self->dark);
  f.plot_w = plot_width (self);
  f.ppb = f.plot_w / self->bars;
  f.scale = self->scale;
  f.n_cols = (guint) MAX (1.0, ceil (f.plot_w * f.scale));
  f.i0 = (gssize) MAX (0.0, floor (self->first));
  f.i1 = (gssize) MIN ((double) self->n - 1, ceil (self->first + self->bars));
  f.decimated = self->decimate && f.ppb * f.scale < 1.0;

  cairo_save (cr);
  alvh_chart_rgba_set_source (&f.pal->background, cr);
  cairo_paint (cr);
  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, FONT_SIZE);

  if (self->n > 0)
    n_time_ticks = alvh_chart_time_ticks (self->times, self->n, self->first - 0.5,
                                          self->first + self->bars - 0.5, f.plot_w, 80.0,
                                          time_ticks, G_N_ELEMENTS (time_ticks), NULL, NULL);

  if (f.i0 <= f.i1)
    for (guint p = 0; p < self->panes->len; p++)
      {
        Pane *pane = g_ptr_array_index (self->panes, p);
        if (pane->visible && pane->height > 1)
          draw_pane (&f, pane, time_ticks, n_time_ticks);
      }

  /* price axis separator */
  alvh_chart_rgba_set_source (&f.pal->pane_border, cr);
  cairo_set_line_width (cr, 1.0 / f.scale);
  cairo_move_to (cr, snap (&f, f.plot_w), 0);
  cairo_line_to (cr, snap (&f, f.plot_w), height);
  cairo_stroke (cr);

  /* time axis */
  axis_y = height - TIME_AXIS_HEIGHT;
  cairo_set_font_size (cr, FONT_SIZE);
  for (guint t = 0; t < n_time_ticks; t++)
    {
      double x = bar_x (&f, (gssize) time_ticks[t].value), w;
      text_extents (cr, time_ticks[t].label, &w);
      if (x < 0 || x > f.plot_w)
        continue;
      /* keep a label whose tick is in view inside the axis */
      x = CLAMP (x, w / 2 + 2, f.plot_w - w / 2 - 2);
      cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL,
                              time_ticks[t].major ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      alvh_chart_rgba_set_source (time_ticks[t].major ? &f.pal->text : &f.pal->text_dim, cr);
      cairo_move_to (cr, x - w / 2, axis_y + 15);
      cairo_show_text (cr, time_ticks[t].label);
    }
  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);

  /* crosshair vertical line and date tag */
  if (self->crosshair >= 0 && (gsize) self->crosshair < self->n)
    {
      double x = snap (&f, bar_x (&f, self->crosshair));
      double dash[] = { 4.0, 4.0 };
      g_autofree char *date = format_date (self->times[self->crosshair]);
      double w;

      if (x >= 0 && x <= f.plot_w)
        {
          alvh_chart_rgba_set_source (&f.pal->crosshair, cr);
          cairo_set_line_width (cr, 1.0);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, axis_y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);

          text_extents (cr, date, &w);
          x = CLAMP (x - w / 2 - 4, 0, f.plot_w - w - 8);
          cairo_rectangle (cr, x, axis_y + 2, w + 8, 18);
          alvh_chart_rgba_set_source (&f.pal->label_background, cr);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_move_to (cr, x + 4, axis_y + 15);
          cairo_show_text (cr, date);
        }
    }
  cairo_restore (cr);
}
