/* alvh-chart-candles.c — the candle and OHLC bar layer */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

/* One bar's boxes (at most 3: wick above, wick below and body, or an OHLC
 * bar's stem and ticks), on whole device pixels: how many, 0 when the bar
 * is not drawn in this pass */
typedef struct
{
  double body, wick, half;
  gboolean bars;
} CandleShape;

static guint
candle_boxes (const Frame       *f,
              Series            *s,
              const YMap        *m,
              const CandleShape *k,
              gssize             i,
              gboolean           up_pass,
              double             box[3][4])
{
  double px = 1.0 / f->scale;
  double o = s->v[0][i], h = s->v[1][i], l = s->v[2][i], cl = s->v[3][i];
  double x, yo, yh, yl, yc;
  guint n = 0;

  if (!isfinite (h) || !isfinite (l))
    return 0;
  if (!isfinite (o))
    o = cl;
  if (!isfinite (cl))
    cl = o;
  if (!isfinite (o))
    o = cl = h;
  if ((cl >= o) != up_pass)
    return 0;
  x = floor (bar_x (f, i) * f->scale) / f->scale;
  /* on device pixel rows: every box is whole pixels, which Cairo fills
   * without a scan converter */
  yh = snap_row (f, ymap_y_clamped (m, h));
  yl = snap_row (f, ymap_y_clamped (m, l));
  yo = snap_row (f, ymap_y_clamped (m, o));
  yc = snap_row (f, ymap_y_clamped (m, cl));
  if (!isfinite (yh) || !isfinite (yl))
    return 0;
  /* log scale: an open or close <= 0 has no y */
  if (!isfinite (yo))
    yo = isfinite (yc) ? yc : yh;
  if (!isfinite (yc))
    yc = yo;
#define BOX(bx, by, bw, bh) (box[n][0] = (bx), box[n][1] = (by), box[n][2] = (bw), box[n][3] = (bh), n++)
  if (k->bars)
    {
      BOX (x, yh, k->wick, MAX (px, yl - yh));
      if (isfinite (yo))
        BOX (x - k->half, snap_row (f, yo - k->wick / 2), k->half, k->wick);
      if (isfinite (yc))
        BOX (x + k->wick, snap_row (f, yc - k->wick / 2), k->half, k->wick);
    }
  else if (k->half > 0)
    {
      double top = MIN (yo, yc), bottom = MAX (yo, yc);

      BOX (x, yh, k->wick, MAX (0, top - yh));
      BOX (x, bottom, k->wick, MAX (0, yl - bottom));
      BOX (x - k->half, top, k->body, MAX (px, bottom - top));
    }
  else
    BOX (x, yh, k->wick, MAX (px, yl - yh));
#undef BOX
  return n;
}

/* The candles' shape at this zoom: a body of whole device pixels centred on
 * the wick, as many columns on each side of it */
static void
candle_shape (const Frame *f,
              Series      *s,
              CandleShape *k)
{
  double px = 1.0 / f->scale;

  k->body = MAX (px, floor (f->ppb * 0.7 * f->scale) / f->scale);
  k->wick = MAX (px, round (f->scale) / f->scale);
  k->bars = s->kind == ALVH_CHART_SERIES_OHLC;
  if (k->bars)
    k->body = MAX (3 * px, k->body);
  k->half = MAX (0.0, floor ((k->body - k->wick) / 2 * f->scale) / f->scale);
  if (k->bars)
    k->half = floor (k->body / 2 * f->scale) / f->scale;
  else
    k->body = k->wick + 2 * k->half;
}

/* Candles or OHLC bars, up bars in one pass and down bars in the other; when decimated one box per device column from its low to its high */
void
_alvh_chart_draw_candles (const Frame *f,
                          Series      *s,
                          const YMap  *m)
{
  cairo_t *cr = f->cr;
  double px = 1.0 / f->scale;

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean up_pass = pass == 0;
      AlvhChartColor colour = up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN;

      if (f->decimated)
        {
          FillChunk chunk = { 0, -G_MAXDOUBLE };

          set_color (f, colour, 1.0);
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
              fill_chunk_before (f, &chunk, c * px);
              cairo_rectangle (cr, c * px, y0, px, MAX (px, y1 - y0));
              fill_chunk_after (f, &chunk, (c + 1) * px);
            }
        }
      else
        {
          CandleShape k;
          FillChunk chunk = { 0, -G_MAXDOUBLE };
          g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double) * 4);

          candle_shape (f, s, &k);
          /* onto an image of the frame's pixels: the boxes written there */
          if (f->aligned)
            {
              for (gssize i = f->i0; i <= f->i1; i++)
                {
                  double box[3][4];
                  guint n = candle_boxes (f, s, m, &k, i, up_pass, box);

                  g_array_append_vals (boxes, box, n);
                }
              if (_alvh_chart_fill_boxes (f, (const double (*)[4]) (void *) boxes->data, boxes->len,
                                          &f->pal->colors[colour]))
                continue;
            }
          set_color (f, colour, 1.0);
          for (gssize i = f->i0; i <= f->i1; i++)
            {
              double box[3][4];
              guint n = candle_boxes (f, s, m, &k, i, up_pass, box);
              double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

              if (n == 0)
                continue;
              for (guint b = 0; b < n; b++)
                {
                  left = MIN (left, box[b][0]);
                  right = MAX (right, box[b][0] + box[b][2]);
                }
              fill_chunk_before (f, &chunk, left);
              for (guint b = 0; b < n; b++)
                cairo_rectangle (cr, box[b][0], box[b][1], box[b][2], box[b][3]);
              fill_chunk_after (f, &chunk, right);
            }
        }
      set_color (f, colour, 1.0);
      cairo_fill (cr);
    }
}
