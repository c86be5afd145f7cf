/* alvh-chart.h — a Cairo chart: panes that share one time axis
 *
 * The time axis runs on bar index, so weekends and holidays leave no gaps;
 * the chart holds the bar times (the timeline) and every series is joined to
 * it by date when added: a row goes to the bar at its time (or, for daily
 * bars, the bar of its New York date); a bar without a row is NAN and shows
 * as "–".  Series already on the timeline are shared, not copied
 * (alvh_chart_add_series_bytes()).
 * Each pane has its own price axis (linear or log), series (candles, OHLC
 * bars, lines, filled bands, histograms), horizontal levels, event markers
 * and shaded regions.  When more than one bar falls on a device pixel column
 * the drawing keeps each column's extremes (min/max decimation), so a million
 * bars draw about as fast as a thousand.
 *
 * Coordinates are logical pixels of the last alvh_chart_set_size() (or
 * render) call; alvh_chart_set_scale_factor() sets device pixels per logical
 * pixel (HiDPI).  No GTK here: draw on any cairo_t (image, PDF, SVG, widget).
 */
#pragma once

#include <glib-object.h>
#include <cairo.h>

#include "alvh-chart-palette.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CHART (alvh_chart_get_type ())
G_DECLARE_FINAL_TYPE (AlvhChart, alvh_chart, ALVH, CHART, GObject)

typedef enum
{
  ALVH_CHART_SERIES_CANDLES,    /* a = open, b = high, c = low, d = close */
  ALVH_CHART_SERIES_OHLC,       /* the same, drawn as OHLC bars */
  ALVH_CHART_SERIES_LINE,       /* a */
  ALVH_CHART_SERIES_BAND,       /* a = lower, b = upper, filled between */
  ALVH_CHART_SERIES_HISTOGRAM,  /* a, drawn from 0 (up colour >= 0, down colour < 0) */
} AlvhChartSeriesKind;

typedef enum
{
  ALVH_CHART_SERIES_FLAG_NONE       = 0,
  ALVH_CHART_SERIES_FLAG_OWN_SCALE  = 1 << 0,  /* scaled to the pane on its own; no axis */
  ALVH_CHART_SERIES_FLAG_NO_AUTOSCALE = 1 << 1, /* not used to fit the pane's axis */
  ALVH_CHART_SERIES_FLAG_NO_LEGEND  = 1 << 2,
  ALVH_CHART_SERIES_FLAG_DASHED     = 1 << 3,
} AlvhChartSeriesFlags;

typedef enum
{
  ALVH_CHART_MARKER_TRIANGLE_UP,
  ALVH_CHART_MARKER_TRIANGLE_DOWN,
  ALVH_CHART_MARKER_CIRCLE,
  ALVH_CHART_MARKER_DIAMOND,
} AlvhChartMarkerShape;

typedef enum
{
  ALVH_CHART_LEVEL_SHORT_STRIKE,
  ALVH_CHART_LEVEL_LONG_STRIKE,
  ALVH_CHART_LEVEL_BREAKEVEN,
  ALVH_CHART_LEVEL_OTHER,
} AlvhChartLevelKind;

/* How a series looks (plain data; the chart copies the label and keeps
 * nothing else of it) */
typedef struct
{
  AlvhChartSeriesKind   kind;
  const char           *label;    /* the legend's label; NULL or "": none */
  AlvhChartColor        color;
  AlvhChartSeriesFlags  flags;
} AlvhChartSeriesStyle;

/* A horizontal price level, e.g. a condor strike (plain data; strings are copied) */
typedef struct
{
  double              value;
  AlvhChartLevelKind  kind;
  const char         *label;    /* NULL: none */
  gint64              start;    /* 0: from the first bar */
  gint64              end;      /* 0: to the last bar */
  gint64              expiry;   /* short strikes: draw the +/- 0.65 SD band to this expiry (0: no band) */
} AlvhChartLevel;

/* A rectangle in logical pixels, e.g. where a value tag or label was drawn */
typedef struct
{
  double x, y, width, height;
} AlvhChartRect;

/* An event marker, e.g. a hedge leg added (plain data; strings are copied) */
typedef struct
{
  gint64                time;
  double                value;    /* price to pin it to; NAN: along the pane's bottom */
  const char           *label;    /* short text beside the icon, e.g. "L1" */
  const char           *tooltip;  /* e.g. the signals that fired */
  AlvhChartMarkerShape  shape;
  AlvhChartColor        color;
} AlvhChartMarker;

AlvhChart   *alvh_chart_new                 (void);

/* The timeline: strictly increasing bar times; removes all series. */
void          alvh_chart_set_times          (AlvhChart            *self,
                                             const gint64         *times,
                                             gsize                 n);
void          alvh_chart_set_times_bytes    (AlvhChart            *self,
                                             GBytes               *times);
gsize         alvh_chart_get_n_bars         (AlvhChart            *self);
const gint64 *alvh_chart_get_times          (AlvhChart            *self);

void          alvh_chart_set_dark           (AlvhChart            *self,
                                             gboolean              dark);
gboolean      alvh_chart_get_dark           (AlvhChart            *self);
void          alvh_chart_set_scale_factor   (AlvhChart            *self,
                                             double                scale);
void          alvh_chart_set_decimation     (AlvhChart            *self,
                                             gboolean              decimate);
/* Keep what does not move with the pointer between frames (same pixels) */
void          alvh_chart_set_layer_cache    (AlvhChart            *self,
                                             gboolean              cache);
void          alvh_chart_set_size           (AlvhChart            *self,
                                             double                width,
                                             double                height);

/* Panes */
guint         alvh_chart_add_pane           (AlvhChart            *self,
                                             const char           *title,
                                             double                weight);
guint         alvh_chart_get_n_panes        (AlvhChart            *self);
void          alvh_chart_pane_set_visible   (AlvhChart            *self,
                                             guint                 pane,
                                             gboolean              visible);
gboolean      alvh_chart_pane_get_visible   (AlvhChart            *self,
                                             guint                 pane);
void          alvh_chart_pane_set_log_scale (AlvhChart            *self,
                                             guint                 pane,
                                             gboolean              log_scale);
gboolean      alvh_chart_pane_get_log_scale (AlvhChart            *self,
                                             guint                 pane);
void          alvh_chart_pane_set_include_zero (AlvhChart         *self,
                                             guint                 pane,
                                             gboolean              include_zero);
void          alvh_chart_pane_set_weight    (AlvhChart            *self,
                                             guint                 pane,
                                             double                weight);
double        alvh_chart_pane_get_weight    (AlvhChart            *self,
                                             guint                 pane);
/* Visible value range of the pane at the last layout (after autoscale) */
gboolean      alvh_chart_pane_get_range     (AlvhChart            *self,
                                             guint                 pane,
                                             double               *min,
                                             double               *max);
/* The pane's rectangle (plot area, without the price axis) */
gboolean      alvh_chart_pane_get_area      (AlvhChart            *self,
                                             guint                 pane,
                                             double               *x,
                                             double               *y,
                                             double               *width,
                                             double               *height);

/* What of a pane's text alvh_chart_pane_get_rects () tells the place of */
typedef enum
{
  ALVH_CHART_RECTS_VALUE_TAGS,    /* the last values' tags on the price axis */
  ALVH_CHART_RECTS_LEVEL_LABELS,  /* the levels' labels */
  ALVH_CHART_RECTS_PRICE_LABELS,  /* the price tick labels drawn (none under a tag) */
} AlvhChartRectKind;

guint         alvh_chart_pane_get_rects     (AlvhChart            *self,
                                             guint                 pane,
                                             AlvhChartRectKind     kind,
                                             AlvhChartRect        *rects,
                                             guint                 max);

/* Series: how it looks (`style`, read during the call; the label is
 * copied) and arrays of n rows at `times` (copied, joined to the bars by
 * time / New York date); unused components NULL.
 * Returns the series index within the pane. */
guint         alvh_chart_add_series         (AlvhChart            *self,
                                             guint                 pane,
                                             const AlvhChartSeriesStyle *style,
                                             const gint64         *times,
                                             const double         *a,
                                             const double         *b,
                                             const double         *c,
                                             const double         *d,
                                             gsize                 n);
/* The same for values already on the timeline (one double per bar, NAN where
 * none): the chart keeps references, it copies nothing but the label. */
guint         alvh_chart_add_series_bytes   (AlvhChart            *self,
                                             guint                 pane,
                                             const AlvhChartSeriesStyle *style,
                                             GBytes               *a,
                                             GBytes               *b,
                                             GBytes               *c,
                                             GBytes               *d);
guint         alvh_chart_pane_get_n_series  (AlvhChart            *self,
                                             guint                 pane);
/* Drop the pane's series from index n_keep on */
void          alvh_chart_pane_truncate_series (AlvhChart          *self,
                                             guint                 pane,
                                             guint                 n_keep);
/* A component (0..3) of a series aligned to the timeline (NAN where absent) */
const double *alvh_chart_series_get_values  (AlvhChart            *self,
                                             guint                 pane,
                                             guint                 series,
                                             guint                 component);
void          alvh_chart_series_set_decimals (AlvhChart           *self,
                                             guint                 pane,
                                             guint                 series,
                                             int                   decimals);

/* Levels, markers, shaded regions */
void          alvh_chart_add_level          (AlvhChart            *self,
                                             guint                 pane,
                                             double                value,
                                             AlvhChartColor        color,
                                             const char           *label,
                                             gint64                start,
                                             gint64                end,
                                             gboolean              dashed);
void          alvh_chart_clear_levels       (AlvhChart            *self,
                                             guint                 pane);
void          alvh_chart_set_markers        (AlvhChart            *self,
                                             guint                 pane,
                                             const AlvhChartMarker *markers,
                                             guint                 n);
void          alvh_chart_set_shading        (AlvhChart            *self,
                                             guint                 pane,
                                             const gint64         *starts,
                                             const gint64         *ends,
                                             guint                 n);

/* The view: `first` is the bar index at the left edge (fractional), `bars`
 * how many bars span the plot width. */
void          alvh_chart_set_view           (AlvhChart            *self,
                                             double                first,
                                             double                bars);
void          alvh_chart_get_view           (AlvhChart            *self,
                                             double               *first,
                                             double               *bars);
void          alvh_chart_show_all           (AlvhChart            *self);
void          alvh_chart_show_time_range    (AlvhChart            *self,
                                             gint64                from,
                                             gint64                to);
/* The last `seconds` of the timeline (e.g. 1 month), with a small right margin */
void          alvh_chart_show_last          (AlvhChart            *self,
                                             gint64                seconds);
/* factor > 1 zooms in, keeping the bar under x in place */
void          alvh_chart_zoom               (AlvhChart            *self,
                                             double                factor,
                                             double                x);
void          alvh_chart_pan                (AlvhChart            *self,
                                             double                dx);
/* Bring bar `index` into view (centred when it was outside) */
void          alvh_chart_scroll_to_index    (AlvhChart            *self,
                                             gsize                 index);

/* Hit-testing */
gssize        alvh_chart_index_at_x         (AlvhChart            *self,
                                             double                x);
double        alvh_chart_x_for_index        (AlvhChart            *self,
                                             double                index);
gssize        alvh_chart_index_for_time     (AlvhChart            *self,
                                             gint64                time);
double        alvh_chart_y_for_value        (AlvhChart            *self,
                                             guint                 pane,
                                             double                value);
double        alvh_chart_value_at_y         (AlvhChart            *self,
                                             guint                 pane,
                                             double                y);
int           alvh_chart_pane_at_y          (AlvhChart            *self,
                                             double                y);
/* The separator between pane k and the next visible pane near y: k, or -1 */
int           alvh_chart_separator_at_y     (AlvhChart            *self,
                                             double                y);
/* Move that separator by dy pixels (changes the two panes' weights) */
void          alvh_chart_move_separator     (AlvhChart            *self,
                                             int                   separator,
                                             double                dy);
gboolean      alvh_chart_marker_at          (AlvhChart            *self,
                                             double                x,
                                             double                y,
                                             guint                *pane,
                                             guint                *marker);
const char   *alvh_chart_get_marker_tooltip (AlvhChart            *self,
                                             guint                 pane,
                                             guint                 marker);
gboolean      alvh_chart_get_marker_position (AlvhChart           *self,
                                             guint                 pane,
                                             guint                 marker,
                                             double               *x,
                                             double               *y);

/* Crosshair: bar index (-1: none) and y (pointer; < 0: no horizontal line) */
void          alvh_chart_set_crosshair      (AlvhChart            *self,
                                             gssize                index,
                                             double                y);
gssize        alvh_chart_get_crosshair      (AlvhChart            *self);

/* Text: the values of every series at a bar, one line per pane after the
 * date line; and a description for screen readers. */
char         *alvh_chart_format_readout     (AlvhChart            *self,
                                             gssize                index);
char         *alvh_chart_describe           (AlvhChart            *self);

/* The outline of a marker shape centred on (x, y), added to the path */
void          alvh_chart_marker_path        (cairo_t              *cr,
                                             AlvhChartMarkerShape  shape,
                                             double                x,
                                             double                y,
                                             double                r);

/* Draw the whole chart in (0, 0, width, height) */
void          alvh_chart_render             (AlvhChart            *self,
                                             cairo_t              *cr,
                                             double                width,
                                             double                height);

G_END_DECLS
