/* alvh-chart-decimate.c — min/max decimation per device column
 *
 * When a device pixel column holds many bars, each series is drawn from
 * one first/min/max/last per column.  The minima and maxima come from a
 * block min/max table built once per series (lazily, on its first
 * decimated frame): a column's extremes are those of the whole blocks it
 * covers plus the bars at its two ends, so a frame of all 1M bars reads
 * ~16k block entries and a few bars per column instead of every bar.  The
 * table holds the exact extremes (NAN ignored), so the columns, and the
 * pixels, are those of a scan of every bar.
 */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

#define BLOCK_SHIFT 6
#define BLOCK       (1 << BLOCK_SHIFT)

/* the components whose minimum and maximum a kind's columns show */
static void
kind_extreme_components (AlvhChartSeriesKind  kind,
                         int                 *lo_comp,
                         int                 *hi_comp)
{
  *lo_comp = 0;
  *hi_comp = 0;
  if (kind == ALVH_CHART_SERIES_CANDLES || kind == ALVH_CHART_SERIES_OHLC)
    {
      *lo_comp = 2;
      *hi_comp = 1;
    }
  else if (kind == ALVH_CHART_SERIES_BAND)
    *hi_comp = 1;
}

/* min of lo[] and max of hi[] over [i0, i1), NAN left out, folded into
 * *mn and *mx */
static inline void
scan_extremes (const double *lo,
               const double *hi,
               gssize        i0,
               gssize        i1,
               double       *mn,
               double       *mx)
{
  double a = *mn, b = *mx;

  for (gssize i = i0; i < i1; i++)
    {
      double l = lo[i], h = hi[i];
      a = l < a ? l : a;
      b = h > b ? h : b;
    }
  *mn = a;
  *mx = b;
}

/* The series' block table: per block of BLOCK bars its min and max
 * (+/-INFINITY when every value is NAN); built on first use */
static const double *
series_blocks (Series *s,
               gsize   n)
{
  int lo_comp, hi_comp;
  gsize n_blocks = n >> BLOCK_SHIFT;

  if (s->blocks != NULL || n_blocks == 0)
    return s->blocks;
  kind_extreme_components (s->kind, &lo_comp, &hi_comp);
  s->blocks = g_new (double, 2 * n_blocks);
  for (gsize b = 0; b < n_blocks; b++)
    {
      double mn = INFINITY, mx = -INFINITY;
      scan_extremes (s->v[lo_comp], s->v[hi_comp], (gssize) (b << BLOCK_SHIFT),
                     (gssize) ((b + 1) << BLOCK_SHIFT), &mn, &mx);
      s->blocks[2 * b] = mn;
      s->blocks[2 * b + 1] = mx;
    }
  s->n_blocks = n_blocks;
  return s->blocks;
}

/**
 * _alvh_chart_series_extremes:
 * @s: a series
 * @n: the number of bars of the timeline
 * @i0: the first bar
 * @i1: one past the last bar
 * @mn: (inout): folded with the minimum of the series' low component
 * @mx: (inout): folded with the maximum of its high component
 *
 * The extremes of bars [@i0, @i1) (NAN left out) through the block table
 * when the range covers whole blocks, else bar by bar.
 */
void
_alvh_chart_series_extremes (Series *s,
                             gsize   n,
                             gssize  i0,
                             gssize  i1,
                             double *mn,
                             double *mx)
{
  int lo_comp, hi_comp;
  const double *lo, *hi, *blocks;
  gssize b0, b1;

  kind_extreme_components (s->kind, &lo_comp, &hi_comp);
  lo = s->v[lo_comp];
  hi = s->v[hi_comp];
  /* whole blocks [b0, b1) within the range */
  b0 = (i0 + BLOCK - 1) >> BLOCK_SHIFT;
  b1 = i1 >> BLOCK_SHIFT;
  if (i1 - i0 < 2 * BLOCK || b1 <= b0 || (blocks = series_blocks (s, n)) == NULL)
    {
      scan_extremes (lo, hi, i0, i1, mn, mx);
      return;
    }
  scan_extremes (lo, hi, i0, b0 << BLOCK_SHIFT, mn, mx);
  {
    double a = *mn, b = *mx;
    for (gssize k = b0; k < b1; k++)
      {
        double l = blocks[2 * k], h = blocks[2 * k + 1];
        a = l < a ? l : a;
        b = h > b ? h : b;
      }
    *mn = a;
    *mx = b;
  }
  scan_extremes (lo, hi, b1 << BLOCK_SHIFT, i1, mn, mx);
}

/* the first finite value of v[b0, b1), or the last when backwards; none:
 * the value at the far end (a column's v[b0] and v[b1 - 1] are not finite) */
static double
first_finite (const double *v,
              gssize        b0,
              gssize        b1,
              gboolean      backwards)
{
  if (backwards)
    {
      for (gssize i = b1 - 1; i >= b0; i--)
        if (isfinite (v[i]))
          return v[i];
    }
  else
    {
      for (gssize i = b0; i < b1; i++)
        if (isfinite (v[i]))
          return v[i];
    }
  return backwards ? v[b0] : v[b1 - 1];
}

/**
 * _alvh_chart_series_aggregate:
 * @f: the frame (decimated)
 * @s: a series
 *
 * Fills s->agg with first, min, max and last per device column of the
 * frame: the first value of the kind's opening component, the minimum of
 * its low component, the maximum of its high one and the last value of its
 * closing component (NAN where a column has no value).
 */
void
_alvh_chart_series_aggregate (const Frame *f,
                              Series      *s)
{
  gsize need = (gsize) f->n_cols * 4;
  int first_comp = 0, last_comp = 0, lo_comp, hi_comp;
  const double *fv, *lv;
  gssize b0;

  kind_extreme_components (s->kind, &lo_comp, &hi_comp);
  if (s->kind == ALVH_CHART_SERIES_CANDLES || s->kind == ALVH_CHART_SERIES_OHLC)
    last_comp = 3;
  else if (s->kind == ALVH_CHART_SERIES_BAND)
    last_comp = 1;
  fv = s->v[first_comp];
  lv = s->v[last_comp];
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
          _alvh_chart_series_extremes (s, f->chart->n, b0, b1, &mn, &mx);
          first = fv[b0];
          last = lv[b1 - 1];
          if (!isfinite (first))
            first = first_finite (fv, b0, b1, FALSE);
          if (!isfinite (last))
            last = first_finite (lv, b0, b1, TRUE);
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
