/* alvh-chart-private.h — what the layers of AlvhChart share
 *
 * The chart's model (panes, series, levels, markers, shaded regions), the
 * frame one render pass draws with, how a value maps to y within a pane and
 * the drawing function of each layer.  Only the src/chart files that make up
 * AlvhChart include this header; everything else uses alvh-chart.h.
 */
#pragma once

#include <math.h>

#include "alvh-chart.h"
#include "alvh-chart-ticks.h"
#include "alvh-time.h"

G_BEGIN_DECLS

#define AXIS_WIDTH        66.0
#define TIME_AXIS_HEIGHT  22.0
#define PANE_GAP           1.0
#define PANE_PAD_TOP      20.0
#define PANE_PAD_BOTTOM    8.0
#define FONT_SIZE         11.0
#define MIN_PANE_HEIGHT   40.0
#define MARKER_RADIUS      6.0
#define MIN_BARS           5.0
#define MAX_PANE_LABELS   32

typedef struct
{
  AlvhChartSeriesKind   kind;
  char                 *label;
  AlvhChartColor        color;
  AlvhChartSeriesFlags  flags;
  int                   decimals;
  const double         *v[4];       /* aligned to the timeline; NULL when unused */
  GBytes               *data[4];    /* what holds v[k] (copied, or shared by the caller) */
  /* per-column aggregates of the last frame: first, min, max, last */
  double               *agg;
  gsize                 agg_len;
  double                agg_key[5];  /* first, device px per bar, columns, i0, i1 of agg */
  /* min and max per block of 64 bars (alvh-chart-decimate.c), built on
   * first use; the values never change once added */
  double               *blocks;
  gsize                 n_blocks;
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
  /* where the last render drew the value tags, the level labels and the
   * price tick labels (AlvhChartRectKind) */
  AlvhChartRect tag_rects[MAX_PANE_LABELS];
  guint         n_tag_rects;
  AlvhChartRect label_rects[MAX_PANE_LABELS];
  guint         n_label_rects;
  AlvhChartRect tick_rects[ALVH_CHART_MAX_TICKS];
  guint         n_tick_rects;
} Pane;

/* How values map to y within a pane */
typedef struct
{
  double   top;
  double   height;
  double   lo, hi;
  gboolean log;
} YMap;

/* alvh-chart-raster.c's buffers, kept between frames */
typedef struct
{
  guint8 *cov;       /* one row's coverage (zero between uses) */
  gsize   size;
  GArray *segs;      /* AlvhChartAaSegment: the line's segments */
  GArray *starts;    /* int: per row the first segment starting there, -1: none */
  GArray *active;    /* guint: the segments the row being drawn crosses */
  GArray *runs;      /* AlvhChartAaRun: what they covered in that row */
} AlvhChartAaBuffer;

struct _AlvhChart
{
  GObject                 parent_instance;

  const gint64           *times;
  GBytes                 *times_data; /* holds times */
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

  /* what does not move with the pointer, kept between frames (see
   * alvh_chart_set_layer_cache()); generation counts model changes */
  gboolean                layer_cache;
  guint                   generation;
  cairo_surface_t        *cache;
  gboolean                cache_valid;
  guint                   cache_generation;
  double                  cache_key[6];  /* width, height, scale, first, bars, dark */
  guint                   last_generation; /* the last frame's, cached or not */
  double                  last_key[6];
  AlvhChartAaBuffer       aa;
};

/* A change of what the chart draws (not of the view or the crosshair) */
static inline void
_alvh_chart_touch (AlvhChart *self)
{
  self->generation++;
}

/* One render pass: the visible bars, pixel scale and decimation */
typedef struct
{
  AlvhChart              *chart;
  cairo_t                *cr;
  const AlvhChartPalette *pal;
  double                  plot_w;
  double                  ppb;       /* logical pixels per bar */
  double                  scale;
  gboolean                decimated;
  gboolean                aligned;   /* the target's pixels are the frame's device pixels */
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

/* v rounded to the nearest device pixel boundary */
static inline double
snap_row (const Frame *f,
          double       v)
{
  return round (v * f->scale) / f->scale;
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

/* A layer's many boxes go to Cairo in fills of about this many bars whose
 * device pixel columns are not shared with the next fill's: each pixel is
 * covered by one fill only, so the pixels are those of one fill of all the
 * boxes, but a fill's rows are only as long as its bars (Cairo scans every
 * row of a fill's extents across every edge active in it) */
#define FILL_CHUNK_BARS 8

typedef struct
{
  guint  bars;      /* bars in the current path */
  double right;     /* the device column right of its last pixel */
} FillChunk;

/* Before adding a bar whose boxes start at logical x = left: fills the path
 * so far when it has enough bars and none of its pixels is in the bar's
 * device columns (with a whole column between them when the target's
 * pixels may be offset from the frame's) */
static inline void
fill_chunk_before (const Frame *f,
                   FillChunk   *chunk,
                   double       left)
{
  if (chunk->bars >= FILL_CHUNK_BARS && floor (left * f->scale) >= chunk->right + (f->aligned ? 0 : 1))
    {
      cairo_fill (f->cr);
      chunk->bars = 0;
      chunk->right = -G_MAXDOUBLE;
    }
}

/* After adding a bar whose boxes end at logical x = right */
static inline void
fill_chunk_after (const Frame *f,
                  FillChunk   *chunk,
                  double       right)
{
  chunk->bars++;
  chunk->right = MAX (chunk->right, ceil (right * f->scale));
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


static inline void
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

static inline Pane *
get_pane (AlvhChart *self,
          guint      pane)
{
  if (pane >= self->panes->len)
    return NULL;
  return g_ptr_array_index (self->panes, pane);
}

/* last bar with times[i] <= t, or -1 */
static inline gssize
index_le (const gint64 *times,
          gsize         n,
          gint64        t)
{
  return alvh_time_find_le (times, n, t);
}

static inline double
plot_width (AlvhChart *self)
{
  return MAX (1.0, self->width - AXIS_WIDTH);
}

static inline void
set_color (const Frame    *f,
           AlvhChartColor  color,
           double          alpha)
{
  alvh_chart_palette_set_source (f->pal, f->cr, color, alpha);
}


/* alvh-chart-raster.c: a line and whole-pixel boxes straight onto an aligned image */
gboolean _alvh_chart_aa_polyline       (const Frame            *f,
                                        AlvhChartAaBuffer      *buf,
                                        const double           *xs,
                                        const double           *ys,
                                        gsize                   n,
                                        double                  width,
                                        const AlvhChartRgba    *rgba);
void     _alvh_chart_aa_buffer_clear   (AlvhChartAaBuffer      *buf);
gboolean _alvh_chart_fill_boxes        (const Frame            *f,
                                        const double          (*boxes)[4],
                                        gsize                   n,
                                        const AlvhChartRgba    *rgba);

/* alvh-chart.c: the view kept within the timeline */
void    _alvh_chart_clamp_view         (AlvhChart              *self);

/* alvh-chart-decimate.c: min/max decimation per device column */
void    _alvh_chart_series_aggregate   (const Frame            *f,
                                        Series                 *s);
void    _alvh_chart_series_extremes    (Series                 *s,
                                        gsize                   n,
                                        gssize                  i0,
                                        gssize                  i1,
                                        double                 *mn,
                                        double                 *mx);

/* alvh-chart-pane.c: pane heights from their weights */
void    _alvh_chart_layout_panes       (AlvhChart              *self);

/* alvh-chart-hit.c: read-out text shared with the legend */
char   *_alvh_chart_format_date        (gint64                  t);
void    _alvh_chart_format_series_value (GString               *s,
                                         Series                *series,
                                         gsize                  i);

/* One file per layer, each drawing within the pane's clip */
void    _alvh_chart_draw_candles       (const Frame            *f,
                                        Series                 *s,
                                        const YMap             *m);
void    _alvh_chart_draw_line          (const Frame            *f,
                                        Series                 *s,
                                        const YMap             *m);
void    _alvh_chart_draw_band          (const Frame            *f,
                                        Series                 *s,
                                        const YMap             *m);
void    _alvh_chart_draw_shading       (const Frame            *f,
                                        const Pane             *p);
void    _alvh_chart_draw_histogram     (const Frame            *f,
                                        Series                 *s,
                                        const YMap             *m);
void    _alvh_chart_draw_levels        (const Frame            *f,
                                        Pane                   *p,
                                        const YMap             *m);
void    _alvh_chart_draw_markers       (const Frame            *f,
                                        Pane                   *p,
                                        const YMap             *m);

/* alvh-chart-axes.c: grid, axis labels, value tags, the crosshair's lines */
double  _alvh_chart_text_width         (cairo_t                *cr,
                                        const char             *text);
void    _alvh_chart_draw_grid          (const Frame            *f,
                                        const Pane             *p,
                                        const YMap             *m,
                                        const AlvhChartTick    *ticks,
                                        guint                   n_ticks,
                                        const AlvhChartTick    *time_ticks,
                                        guint                   n_time_ticks);
void    _alvh_chart_draw_price_labels  (const Frame            *f,
                                        Pane                   *p,
                                        const YMap             *m,
                                        const AlvhChartTick    *ticks,
                                        guint                   n_ticks);
void    _alvh_chart_draw_last_values   (const Frame            *f,
                                        Pane                   *p,
                                        const YMap             *m);
void    _alvh_chart_draw_crosshair_value (const Frame          *f,
                                        const Pane             *p,
                                        const YMap             *m);
void    _alvh_chart_draw_time_axis     (const Frame            *f,
                                        const AlvhChartTick    *time_ticks,
                                        guint                   n_time_ticks,
                                        double                  axis_y);
void    _alvh_chart_draw_crosshair_time (const Frame           *f,
                                        double                  axis_y);

G_END_DECLS
