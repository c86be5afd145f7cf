/* alvh-chart-raster.c — drawing straight into an image of the frame's pixels
 *
 * Two layers draw here when the target is an image whose pixels are the
 * frame's device pixels (Frame.aligned) and the clip is one rectangle; onto
 * any other target they draw with Cairo.
 *
 * Whole-pixel boxes (candle bodies and wicks) of an opaque colour are
 * written as they are: what Cairo's fill of them gives, without its path
 * and span machinery.
 *
 * Lines:
 * Cairo strokes a line by building its outline and scan-converting it row by
 * row across the outline's extents; for a zoomed chart line that is most of
 * a frame.  When the target is an image whose pixels are the frame's device
 * pixels (Frame.aligned) and the clip is one rectangle, the line is drawn
 * here instead: each pixel's coverage is its distance to the nearest segment
 * (so joins and caps are round, as the stroke's), the maximum over the
 * segments, blended once (a vertex shared by two segments is not darkened
 * twice).  The rows are drawn top to bottom, each once: a row's coverage is
 * gathered in a one-row buffer from the segments that cross the row (a list
 * of them kept as the rows go down: each segment joins it at its first row
 * and leaves after its last), then the runs they covered are blended into
 * the row and cleared.  A zigzag across a 1080-row pane crosses some 14,000
 * rows a frame, a few pixels each, so what a segment costs per row counts
 * most: in a row beside the segment (not at an end) only the pixels whose
 * centres are nearer its line than the coverage radius are visited, four at
 * a time without a branch; the blend too is four pixels at a time (the
 * same rounding as one at a time).  Any other target: Cairo strokes. */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-chart-private.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Bytes of the coverage row past its last column: four columns at a time
 * are written there as they were (see row_beside()) */
#define COVERAGE_PAD 4

/* One segment a-b in device pixels, with what each row needs of it */
typedef struct
{
  double   ax, ay, dx, dy;
  double   inv, inv_len;      /* 1 / length², 1 / length */
  double   slope, half;       /* steep: dx / dy, and how far across a row it reaches */
  double   ylo, yhi;
  int      xmin, xmax, ymin, ymax;
  gboolean steep;
  int      next;              /* the next segment whose first row is this one's, -1: none */
} AlvhChartAaSegment;

/* Pixels [x0, x1] of the row being drawn that a segment covered (runs of
 * two segments may overlap: the first blend of a pixel clears its coverage) */
typedef struct
{
  int x0, x1;
} AlvhChartAaRun;

typedef struct
{
  AlvhChartAaBuffer *buf;
  int                x0, y0, x1, y1;  /* the clip, device pixels [x0, x1) x [y0, y1) */
  double             r, r2, inner, inner2;
  int                row_min, row_max;
} Coverage;

void
_alvh_chart_aa_buffer_clear (AlvhChartAaBuffer *buf)
{
  g_clear_pointer (&buf->cov, g_free);
  g_clear_pointer (&buf->segs, g_array_unref);
  g_clear_pointer (&buf->starts, g_array_unref);
  g_clear_pointer (&buf->active, g_array_unref);
  g_clear_pointer (&buf->runs, g_array_unref);
  buf->size = 0;
}

/* The buffers for a clip of device pixels [x0, x1) x [y0, y1) and a line of
 * half-width hw: zero coverage, no segments */
static void
coverage_init (Coverage          *c,
               AlvhChartAaBuffer *buf,
               int                x0,
               int                y0,
               int                x1,
               int                y1,
               double             hw)
{
  gsize size = (gsize) (x1 - x0);

  if (buf->size < size)
    {
      g_free (buf->cov);
      buf->cov = g_malloc0 (size + COVERAGE_PAD);   /* kept zero: blend_run() clears what it used */
      buf->size = size;
    }
  if (buf->segs == NULL)
    {
      buf->segs = g_array_new (FALSE, FALSE, sizeof (AlvhChartAaSegment));
      buf->starts = g_array_new (FALSE, FALSE, sizeof (int));
      buf->active = g_array_new (FALSE, FALSE, sizeof (guint));
      buf->runs = g_array_new (FALSE, FALSE, sizeof (AlvhChartAaRun));
    }
  g_array_set_size (buf->segs, 0);
  g_array_set_size (buf->starts, (guint) (y1 - y0));
  memset (buf->starts->data, 0xff, (gsize) (y1 - y0) * sizeof (int));   /* -1 */
  c->buf = buf;
  c->x0 = x0;
  c->y0 = y0;
  c->x1 = x1;
  c->y1 = y1;
  c->r = hw + 0.5;
  c->r2 = c->r * c->r;
  c->inner = hw - 0.5;
  c->inner2 = c->inner > 0.0 ? c->inner * c->inner : -1.0;
  c->row_min = G_MAXINT;
  c->row_max = -1;
}

/* Adds segment a-b to the rows it can reach within the clip */
static void
coverage_add (Coverage *c,
              double    ax,
              double    ay,
              double    bx,
              double    by)
{
  AlvhChartAaSegment s;
  double len2, r = c->r;
  int *starts = (int *) (void *) c->buf->starts->data;

  s.ax = ax;
  s.ay = ay;
  s.dx = bx - ax;
  s.dy = by - ay;
  len2 = s.dx * s.dx + s.dy * s.dy;
  s.inv = len2 > 0.0 ? 1.0 / len2 : 0.0;
  s.inv_len = sqrt (s.inv);
  s.steep = fabs (s.dy) > fabs (s.dx);
  s.slope = s.steep ? s.dx / s.dy : 0.0;
  s.half = s.steep ? r * sqrt (len2) / fabs (s.dy) + 0.5 : 0.0;
  s.ylo = MIN (ay, by);
  s.yhi = MAX (ay, by);
  s.xmin = (int) MAX ((double) c->x0, floor (MIN (ax, bx) - r));
  s.xmax = (int) MIN ((double) c->x1 - 1, ceil (MAX (ax, bx) + r));
  s.ymin = (int) MAX ((double) c->y0, floor (s.ylo - r));
  s.ymax = (int) MIN ((double) c->y1 - 1, ceil (s.yhi + r));
  if (s.xmin > s.xmax || s.ymin > s.ymax)
    return;
  s.next = starts[s.ymin - c->y0];
  starts[s.ymin - c->y0] = (int) c->buf->segs->len;
  g_array_append_val (c->buf->segs, s);
  c->row_min = MIN (c->row_min, s.ymin);
  c->row_max = MAX (c->row_max, s.ymax);
}

/* A pixel's coverage (0..255) at distance d from the line's middle: all
 * of it within hw - 0.5, none from hw + 0.5 on */
static inline guint
coverage_at (double d,
             double r)
{
  return (guint) CLAMP (255.0 * (r - d) + 0.5, 0.0, 255.0);
}

/* Columns xa to xb of a row beside a segment from (ax, ay) with direction
 * (dx, dy) (qydx: the row's y + 0.5 - ay times dx): each pixel's coverage
 * at its distance to the segment's line, kept as the maximum in row
 * (column x at row[x]; row has COVERAGE_PAD bytes past xb).  Four pixels at
 * a time where there are SSE2's two-double registers, the same operations
 * as coverage_at() one pixel at a time (the same bits) */
static inline void
row_beside (guint8 *row,
            int     xa,
            int     xb,
            double  ax,
            double  qydx,
            double  dy,
            double  inv_len,
            double  r)
{
#if defined(__SSE2__)
  const __m128d half = _mm_set1_pd (0.5), vax = _mm_set1_pd (ax), vdy = _mm_set1_pd (dy);
  const __m128d vqydx = _mm_set1_pd (qydx), vinv = _mm_set1_pd (inv_len), vr = _mm_set1_pd (r);
  const __m128d k255 = _mm_set1_pd (255.0), zero = _mm_setzero_pd ();
  const __m128d abs_mask = _mm_castsi128_pd (_mm_set1_epi64x (0x7fffffffffffffffll));
  const __m128i last = _mm_set1_epi32 (xb);

  for (int x = xa; x <= xb; x += 4)
    {
      __m128d q01 = _mm_sub_pd (_mm_add_pd (_mm_set_pd (x + 1, x), half), vax);
      __m128d q23 = _mm_sub_pd (_mm_add_pd (_mm_set_pd (x + 3, x + 2), half), vax);
      __m128d d01 = _mm_mul_pd (_mm_and_pd (_mm_sub_pd (_mm_mul_pd (q01, vdy), vqydx), abs_mask), vinv);
      __m128d d23 = _mm_mul_pd (_mm_and_pd (_mm_sub_pd (_mm_mul_pd (q23, vdy), vqydx), abs_mask), vinv);
      __m128d c01 = _mm_add_pd (_mm_mul_pd (k255, _mm_sub_pd (vr, d01)), half);
      __m128d c23 = _mm_add_pd (_mm_mul_pd (k255, _mm_sub_pd (vr, d23)), half);
      __m128i v = _mm_unpacklo_epi64 (_mm_cvttpd_epi32 (_mm_min_pd (_mm_max_pd (c01, zero), k255)),
                                      _mm_cvttpd_epi32 (_mm_min_pd (_mm_max_pd (c23, zero), k255)));
      __m128i beyond = _mm_cmpgt_epi32 (_mm_add_epi32 (_mm_set1_epi32 (x), _mm_set_epi32 (3, 2, 1, 0)), last);
      guint32 old, now;

      v = _mm_andnot_si128 (beyond, v);   /* past xb: nothing */
      v = _mm_packs_epi32 (v, v);
      v = _mm_packus_epi16 (v, v);
      memcpy (&old, row + x, 4);
      now = (guint32) _mm_cvtsi128_si32 (_mm_max_epu8 (v, _mm_cvtsi32_si128 ((int) old)));
      memcpy (row + x, &now, 4);
    }
#else
  for (int x = xa; x <= xb; x++)
    {
      double qx = x + 0.5 - ax;
      guint v = coverage_at (fabs (qx * dy - qydx) * inv_len, r);

      row[x] = (guint8) MAX (row[x], v);
    }
#endif
}

/* The coverage of segment s in row y, kept as the maximum in row (column x
 * at row[x - x0]); the columns it can have covered to *lo and *hi */
static void
coverage_row (const Coverage           *c,
              const AlvhChartAaSegment *s,
              int                       y,
              guint8                   *row,
              int                      *lo,
              int                      *hi)
{
  double qy = y + 0.5 - s->ay, r = c->r;
  int xa = s->xmin, xb = s->xmax, ia = xa, ib = xb;
  double ta, tb;

  if (s->steep)
    {
      /* the segment's x at this row (its end's beyond them), +- what
       * a perpendicular distance r is across a row, less a pixel's half
       * (its centre is at x + 0.5): [ia, ib] the pixels whose centres are
       * nearer the line than r, [xa, xb] those and the pixel each side */
      double xc = s->ax + (CLAMP (y + 0.5, s->ylo, s->yhi) - s->ay) * s->slope;
      double left = floor (xc - s->half), right = ceil (xc + s->half - 1.0);

      xa = MAX (s->xmin, (int) left);
      xb = MIN (s->xmax, (int) right);
      ia = MAX (s->xmin, (int) left + 1);
      ib = MIN (s->xmax, (int) right - 1);
    }
  row -= c->x0;
  /* t, the position along the segment of a pixel's nearest point on its
   * line, is monotonic in x: when both ends of the row are beside the
   * segment, every pixel between is, and its distance is to the line (no
   * branch on the pixel); the pixels beyond [ia, ib] are then r or more
   * from it */
  ta = ((ia + 0.5 - s->ax) * s->dx + qy * s->dy) * s->inv;
  tb = ((ib + 0.5 - s->ax) * s->dx + qy * s->dy) * s->inv;
  if (ta > 0.0 && ta < 1.0 && tb > 0.0 && tb < 1.0)
    {
      *lo = ia;
      *hi = ib;
      if (ib >= ia)
        row_beside (row, ia, ib, s->ax, qy * s->dx, s->dy, s->inv_len, r);
      return;
    }
  *lo = xa;
  *hi = xb;
  for (int x = xa; x <= xb; x++)
    {
      double qx = x + 0.5 - s->ax;
      double t = (qx * s->dx + qy * s->dy) * s->inv, d;

      if (t > 0.0 && t < 1.0)
        d = fabs (qx * s->dy - qy * s->dx) * s->inv_len;   /* beside the segment: to its line */
      else
        {
          /* beyond an end: to that end */
          double ex = t <= 0.0 ? qx : qx - s->dx, ey = t <= 0.0 ? qy : qy - s->dy, d2 = ex * ex + ey * ey;

          if (d2 >= c->r2)
            continue;
          d = d2 <= c->inner2 ? 0.0 : sqrt (d2);
        }
      row[x] = (guint8) MAX (row[x], coverage_at (d, r));
    }
}

/* What a pixel of coverage c (0..255) becomes: src[c] + its colour times
 * inv[c] / 255 (premultiplied ARGB32: the colour rgb at alpha a times c) */
typedef struct
{
  guint32 src[256];
  guint32 inv[256];
  guint   r, g, b, a;
} BlendTable;

static void
blend_table_init (BlendTable *t,
                  guint       r,
                  guint       g,
                  guint       b,
                  guint       a)
{
  t->r = r;
  t->g = g;
  t->b = b;
  t->a = a;
  for (guint c = 0; c < 256; c++)
    {
      guint s = (c * a + 127) / 255;

      t->src[c] = (s << 24) | (((r * s + 127) / 255) << 16) | (((g * s + 127) / 255) << 8) | ((b * s + 127) / 255);
      t->inv[c] = 255 - s;
    }
}

#if defined(__SSE2__)
/* (v + 127) / 255 of each 16-bit lane (v <= 255 * 255) */
static inline __m128i
div255_epu16 (__m128i v)
{
  __m128i t = _mm_add_epi16 (v, _mm_set1_epi16 (128));

  return _mm_srli_epi16 (_mm_add_epi16 (t, _mm_srli_epi16 (t, 8)), 8);
}
#endif

/* Blends run [x0, x1] of a row of pixels and clears its coverage (column x
 * at cov[x]); a pixel of no coverage stays as it was, so the blend may run
 * on past x1 up to x_end (the clip's end): the row's coverage is complete.
 * Each channel is (colour * s + 127) / 255 + (channel * (255 - s) + 127) /
 * 255 for s = (coverage * a + 127) / 255: four pixels at a time in 16-bit
 * lanes where there is SSE2, else two channels at a time */
static void
blend_run (guint8               *cov,
           guint32              *px,
           const AlvhChartAaRun *run,
           const BlendTable     *t,
           int                   x_end)
{
  int x = run->x0;

#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128 (), k255 = _mm_set1_epi16 (255);
  const __m128i alpha = _mm_set1_epi16 ((short) t->a);
  const __m128i colour = _mm_set_epi16 (255, (short) t->r, (short) t->g, (short) t->b,
                                        255, (short) t->r, (short) t->g, (short) t->b);   /* b g r a, 2 pixels */

  for (; x <= run->x1 && x + 4 <= x_end; x += 4)
    {
      guint32 c4, none = 0;
      __m128i s, s01, s_a, s_b, d, out_a, out_b;

      memcpy (&c4, cov + x, 4);
      s = div255_epu16 (_mm_mullo_epi16 (_mm_unpacklo_epi8 (_mm_cvtsi32_si128 ((int) c4), zero), alpha));
      s01 = _mm_unpacklo_epi16 (s, s);
      s_a = _mm_unpacklo_epi32 (s01, s01);   /* s of pixels 0 and 1, in each of their channels */
      s_b = _mm_unpackhi_epi32 (s01, s01);   /* of pixels 2 and 3 */
      d = _mm_loadu_si128 ((const __m128i *) (const void *) (px + x));
      out_a = _mm_add_epi16 (div255_epu16 (_mm_mullo_epi16 (colour, s_a)),
                             div255_epu16 (_mm_mullo_epi16 (_mm_unpacklo_epi8 (d, zero), _mm_sub_epi16 (k255, s_a))));
      out_b = _mm_add_epi16 (div255_epu16 (_mm_mullo_epi16 (colour, s_b)),
                             div255_epu16 (_mm_mullo_epi16 (_mm_unpackhi_epi8 (d, zero), _mm_sub_epi16 (k255, s_b))));
      _mm_storeu_si128 ((__m128i *) (void *) (px + x), _mm_packus_epi16 (out_a, out_b));
      memcpy (cov + x, &none, 4);
    }
#endif
  for (; x <= run->x1; x++)
    {
      guint c = cov[x];
      guint32 d = px[x], inv = t->inv[c];
      guint32 rb = (d & 0x00ff00ffu) * inv + 0x00800080u;
      guint32 ag = ((d >> 8) & 0x00ff00ffu) * inv + 0x00800080u;

      rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
      ag = (ag + ((ag >> 8) & 0x00ff00ffu)) & 0xff00ff00u;
      px[x] = t->src[c] + (rb | ag);
      cov[x] = 0;
    }
}

/* Draws the rows of the segments added, top to bottom, onto pixels of
 * premultiplied ARGB32 (colour rgb at alpha a, 0..255); the columns drawn to
 * *col_min and *col_max */
static void
coverage_draw (Coverage *c,
               guint8   *pixels,
               int       stride,
               guint     r,
               guint     g,
               guint     b,
               guint     a,
               int      *col_min,
               int      *col_max)
{
  AlvhChartAaBuffer *buf = c->buf;
  const AlvhChartAaSegment *segs = (const AlvhChartAaSegment *) (void *) buf->segs->data;
  const int *starts = (const int *) (void *) buf->starts->data;
  guint8 *cov = buf->cov - c->x0;   /* column x at cov[x] */
  guint *active;
  AlvhChartAaRun *runs;
  guint n_active = 0;
  BlendTable table;

  blend_table_init (&table, r, g, b, a);
  g_array_set_size (buf->active, buf->segs->len);
  g_array_set_size (buf->runs, buf->segs->len);
  active = (guint *) (void *) buf->active->data;
  runs = (AlvhChartAaRun *) (void *) buf->runs->data;
  for (int y = c->row_min; y <= c->row_max; y++)
    {
      guint32 *px = (guint32 *) (void *) (pixels + (gsize) y * (gsize) stride);
      guint n_runs = 0;

      for (int k = starts[y - c->y0]; k >= 0; k = segs[k].next)
        active[n_active++] = (guint) k;
      for (guint i = 0; i < n_active;)
        {
          const AlvhChartAaSegment *s = &segs[active[i]];

          if (s->ymax < y)
            {
              /* past its last row */
              active[i] = active[--n_active];
              continue;
            }
          coverage_row (c, s, y, buf->cov, &runs[n_runs].x0, &runs[n_runs].x1);
          if (runs[n_runs].x1 >= runs[n_runs].x0)
            n_runs++;
          i++;
        }
      for (guint k = 0; k < n_runs; k++)
        {
          *col_min = MIN (*col_min, runs[k].x0);
          *col_max = MAX (*col_max, runs[k].x1);
          blend_run (cov, px, &runs[k], &table, c->x1);
        }
    }
}

/* The clip as one rectangle of device pixels within the target; FALSE when
 * it is not one rectangle */
static gboolean
device_clip (cairo_t *cr,
             double   scale,
             int      target_w,
             int      target_h,
             int     *x0,
             int     *y0,
             int     *x1,
             int     *y1)
{
  cairo_rectangle_list_t *list = cairo_copy_clip_rectangle_list (cr);
  double ux0, uy0, ux1, uy1;
  gboolean ok = list->status == CAIRO_STATUS_SUCCESS && list->num_rectangles <= 1;
  cairo_matrix_t m;

  cairo_rectangle_list_destroy (list);
  if (!ok)
    return FALSE;
  cairo_get_matrix (cr, &m);   /* aligned: an integer translation */
  cairo_clip_extents (cr, &ux0, &uy0, &ux1, &uy1);
  *x0 = (int) MAX (0.0, ceil ((ux0 + m.x0) * scale - 1e-9));
  *y0 = (int) MAX (0.0, ceil ((uy0 + m.y0) * scale - 1e-9));
  *x1 = (int) MIN ((double) target_w, floor ((ux1 + m.x0) * scale + 1e-9));
  *y1 = (int) MIN ((double) target_h, floor ((uy1 + m.y0) * scale + 1e-9));
  return *x1 > *x0 && *y1 > *y0;
}

/**
 * _alvh_chart_aa_polyline:
 * @f: the frame (its target's pixels are its device pixels: f->aligned)
 * @buf: the chart's buffers
 * @xs: (array length=n): user x of the points
 * @ys: (array length=n): user y of the points, NAN where the line breaks
 * @n: how many points
 * @width: the line width (user units)
 * @rgba: the colour
 *
 * Draws the polyline onto the target's pixels within the clip.
 *
 * Returns: FALSE when it cannot (not an image target of the frame's device
 *   pixels, or a clip that is not one rectangle): nothing is drawn
 */
gboolean
_alvh_chart_aa_polyline (const Frame         *f,
                         AlvhChartAaBuffer   *buf,
                         const double        *xs,
                         const double        *ys,
                         gsize                n,
                         double               width,
                         const AlvhChartRgba *rgba)
{
  cairo_surface_t *target = cairo_get_target (f->cr);
  cairo_format_t format;
  Coverage c;
  cairo_matrix_t m;
  gboolean pen_down = FALSE;
  double px = 0.0, py = 0.0;
  int x0, y0, x1, y1, col_min = G_MAXINT, col_max = -1;

  if (!f->aligned || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  if (!device_clip (f->cr, f->scale, cairo_image_surface_get_width (target),
                    cairo_image_surface_get_height (target), &x0, &y0, &x1, &y1))
    return FALSE;

  coverage_init (&c, buf, x0, y0, x1, y1, 0.5 * width * f->scale);
  cairo_get_matrix (f->cr, &m);   /* aligned: an integer translation */
  for (gsize i = 0; i < n; i++)
    {
      double x = (xs[i] + m.x0) * f->scale, y = (ys[i] + m.y0) * f->scale;

      if (!isfinite (y))
        {
          pen_down = FALSE;
          continue;
        }
      /* a lone point still shows, as a dot */
      coverage_add (&c, pen_down ? px : x, pen_down ? py : y, x, y);
      px = x;
      py = y;
      pen_down = TRUE;
    }
  if (c.row_max < c.row_min)
    return TRUE;

  cairo_surface_flush (target);
  coverage_draw (&c, cairo_image_surface_get_data (target), cairo_image_surface_get_stride (target),
                 (guint) lround (CLAMP (rgba->r, 0.0, 1.0) * 255.0),
                 (guint) lround (CLAMP (rgba->g, 0.0, 1.0) * 255.0),
                 (guint) lround (CLAMP (rgba->b, 0.0, 1.0) * 255.0),
                 (guint) lround (CLAMP (rgba->a, 0.0, 1.0) * 255.0), &col_min, &col_max);
  if (col_max >= col_min)
    cairo_surface_mark_dirty_rectangle (target, col_min, c.row_min, col_max - col_min + 1,
                                        c.row_max - c.row_min + 1);
  return TRUE;
}

/**
 * _alvh_chart_fill_boxes:
 * @f: the frame (its target's pixels are its device pixels: f->aligned)
 * @boxes: (array length=n): x, y, width, height (user units) of boxes on
 *   whole device pixels
 * @n: how many
 * @rgba: the colour (opaque)
 *
 * Fills the boxes onto the target's pixels within the clip; a row or column
 * the clip covers in part is blended by the part it covers.
 *
 * Returns: FALSE when it cannot (not an image target of the frame's device
 *   pixels, a clip that is not one rectangle, a colour that is not opaque):
 *   nothing is drawn
 */
gboolean
_alvh_chart_fill_boxes (const Frame         *f,
                        const double       (*boxes)[4],
                        gsize                n,
                        const AlvhChartRgba *rgba)
{
  cairo_surface_t *target = cairo_get_target (f->cr);
  double ux0, uy0, ux1, uy1, cx0, cy0, cx1, cy1;
  int tw, th, stride, dirty_x0 = G_MAXINT, dirty_y0 = G_MAXINT, dirty_x1 = -1, dirty_y1 = -1;
  guint r, g, b;
  guint32 solid;
  cairo_matrix_t m;
  guint8 *pixels;

  if (!f->aligned || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE || rgba->a < 1.0)
    return FALSE;
  if (cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 &&
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_RGB24)
    return FALSE;
  {
    cairo_rectangle_list_t *list = cairo_copy_clip_rectangle_list (f->cr);
    gboolean ok = list->status == CAIRO_STATUS_SUCCESS && list->num_rectangles <= 1;

    cairo_rectangle_list_destroy (list);
    if (!ok)
      return FALSE;
  }
  cairo_get_matrix (f->cr, &m);
  cairo_clip_extents (f->cr, &ux0, &uy0, &ux1, &uy1);
  tw = cairo_image_surface_get_width (target);
  th = cairo_image_surface_get_height (target);
  cx0 = MAX (0.0, (ux0 + m.x0) * f->scale);
  cy0 = MAX (0.0, (uy0 + m.y0) * f->scale);
  cx1 = MIN ((double) tw, (ux1 + m.x0) * f->scale);
  cy1 = MIN ((double) th, (uy1 + m.y0) * f->scale);
  if (!(cx1 > cx0 && cy1 > cy0))
    return TRUE;

  r = (guint) lround (CLAMP (rgba->r, 0.0, 1.0) * 255.0);
  g = (guint) lround (CLAMP (rgba->g, 0.0, 1.0) * 255.0);
  b = (guint) lround (CLAMP (rgba->b, 0.0, 1.0) * 255.0);
  solid = 0xff000000u | (r << 16) | (g << 8) | b;
  cairo_surface_flush (target);
  pixels = cairo_image_surface_get_data (target);
  stride = cairo_image_surface_get_stride (target);
  for (gsize k = 0; k < n; k++)
    {
      int bx0 = (int) lround ((boxes[k][0] + m.x0) * f->scale);
      int by0 = (int) lround ((boxes[k][1] + m.y0) * f->scale);
      int bx1 = bx0 + (int) lround (boxes[k][2] * f->scale);
      int by1 = by0 + (int) lround (boxes[k][3] * f->scale);

      bx0 = MAX (bx0, (int) floor (cx0));
      by0 = MAX (by0, (int) floor (cy0));
      bx1 = MIN (bx1, (int) ceil (cx1));
      by1 = MIN (by1, (int) ceil (cy1));
      if (bx1 <= bx0 || by1 <= by0)
        continue;
      dirty_x0 = MIN (dirty_x0, bx0);
      dirty_y0 = MIN (dirty_y0, by0);
      dirty_x1 = MAX (dirty_x1, bx1);
      dirty_y1 = MAX (dirty_y1, by1);
      for (int y = by0; y < by1; y++)
        {
          guint32 *row = (guint32 *) (void *) (pixels + (gsize) y * (gsize) stride);
          double cover_y = MIN (y + 1.0, cy1) - MAX ((double) y, cy0);

          for (int x = bx0; x < bx1; x++)
            {
              double cover = cover_y * (MIN (x + 1.0, cx1) - MAX ((double) x, cx0));
              guint s, inv, d;

              if (cover >= 1.0)
                {
                  row[x] = solid;
                  continue;
                }
              /* a pixel the clip covers in part */
              s = (guint) lround (CLAMP (cover, 0.0, 1.0) * 255.0);
              inv = 255 - s;
              d = row[x];
              row[x] = ((s + (((d >> 24) & 0xff) * inv + 127) / 255) << 24) |
                       (((r * s + 127) / 255 + (((d >> 16) & 0xff) * inv + 127) / 255) << 16) |
                       (((g * s + 127) / 255 + (((d >> 8) & 0xff) * inv + 127) / 255) << 8) |
                       ((b * s + 127) / 255 + ((d & 0xff) * inv + 127) / 255);
            }
        }
    }
  if (dirty_x1 >= 0)
    cairo_surface_mark_dirty_rectangle (target, dirty_x0, dirty_y0, dirty_x1 - dirty_x0, dirty_y1 - dirty_y0);
  return TRUE;
}
