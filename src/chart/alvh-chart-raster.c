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
 * a frame (bench/bench-chart.c: about 1 ms of the 1.7 ms of a panning
 * frame).  When the target is an image whose pixels are the frame's device
 * pixels (Frame.aligned) and the clip is one rectangle, the line is drawn
 * here instead: each pixel's coverage is its distance to the nearest segment
 * (so joins and caps are round, as the stroke's), kept as the maximum over
 * the segments in a coverage buffer the chart keeps between frames, and
 * blended once (a vertex shared by two segments is not darkened twice).
 * Only the rows and columns a segment can reach are visited, and the runs
 * each segment touched are blended and cleared.  Any other target: Cairo
 * strokes. */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

typedef struct
{
  AlvhChartAaBuffer *buf;
  int                x0, y0, x1, y1;  /* the clip, device pixels [x0, x1) x [y0, y1) */
  int                width;           /* x1 - x0 */
  int                row_min, row_max;
  int                col_min, col_max;
} Coverage;

/* Pixels [x0, x1] of row y that a segment covered (runs of two segments may
 * overlap: the first blend of a pixel clears its coverage) */
typedef struct
{
  int y, x0, x1;
} AlvhChartAaRun;

void
_alvh_chart_aa_buffer_clear (AlvhChartAaBuffer *buf)
{
  g_clear_pointer (&buf->cov, g_free);
  g_clear_pointer (&buf->runs, g_array_unref);
  buf->size = 0;
}

/* The buffer for a clip of w x h device pixels: zero coverage, empty spans */
static void
coverage_init (Coverage          *c,
               AlvhChartAaBuffer *buf,
               int                x0,
               int                y0,
               int                x1,
               int                y1)
{
  gsize size = (gsize) (x1 - x0) * (gsize) (y1 - y0);

  if (buf->size < size)
    {
      g_free (buf->cov);
      buf->cov = g_malloc0 (size);   /* kept zero: blend_run() clears what it used */
      buf->size = size;
    }
  if (buf->runs == NULL)
    buf->runs = g_array_new (FALSE, FALSE, sizeof (AlvhChartAaRun));
  g_array_set_size (buf->runs, 0);
  c->buf = buf;
  c->x0 = x0;
  c->y0 = y0;
  c->x1 = x1;
  c->y1 = y1;
  c->width = x1 - x0;
  c->row_min = c->col_min = G_MAXINT;
  c->row_max = c->col_max = -1;
}

/* Coverage of one segment a-b of half-width hw (device pixels) */
static void
coverage_segment (Coverage *c,
                  double    ax,
                  double    ay,
                  double    bx,
                  double    by,
                  double    hw)
{
  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  double inv = len2 > 0.0 ? 1.0 / len2 : 0.0, inv_len = sqrt (inv);
  double r = hw + 0.5, r2 = r * r, inner = hw - 0.5, inner2 = inner > 0.0 ? inner * inner : -1.0;
  gboolean steep = fabs (dy) > fabs (dx);
  double slope = steep ? dx / dy : 0.0;
  double half = steep ? r * sqrt (len2) / fabs (dy) + 0.5 : 0.0;
  double ylo = MIN (ay, by), yhi = MAX (ay, by);
  int xmin = (int) MAX ((double) c->x0, floor (MIN (ax, bx) - r));
  int xmax = (int) MIN ((double) c->x1 - 1, ceil (MAX (ax, bx) + r));
  int ymin = (int) MAX ((double) c->y0, floor (ylo - r));
  int ymax = (int) MIN ((double) c->y1 - 1, ceil (yhi + r));

  for (int y = ymin; y <= ymax; y++)
    {
      guint8 *row = c->buf->cov + (gsize) (y - c->y0) * (gsize) c->width;   /* column x at row[x - x0] */
      double qy = y + 0.5 - ay;
      int xa = xmin, xb = xmax, lo = G_MAXINT, hi = -1;

      if (steep)
        {
          /* the segment's x at this row (its end's beyond them), +- what
           * a perpendicular distance r is across a row */
          double xc = ax + (CLAMP (y + 0.5, ylo, yhi) - ay) * slope;

          xa = MAX (xmin, (int) floor (xc - half));
          xb = MIN (xmax, (int) ceil (xc + half));
        }
      for (int x = xa; x <= xb; x++)
        {
          double qx = x + 0.5 - ax;
          double t = (qx * dx + qy * dy) * inv, d;
          guint8 v;

          if (t > 0.0 && t < 1.0)
            d = fabs (qx * dy - qy * dx) * inv_len;   /* beside the segment: to its line */
          else
            {
              /* beyond an end: to that end */
              double ex = t <= 0.0 ? qx : qx - dx, ey = t <= 0.0 ? qy : qy - dy, d2 = ex * ex + ey * ey;

              if (d2 >= r2)
                continue;
              d = d2 <= inner2 ? 0.0 : sqrt (d2);
            }
          if (d >= r)
            continue;
          v = d <= inner ? 255 : (guint8) MIN (255.0, 255.0 * (r - d) + 0.5);
          if (v == 0)
            continue;
          if (v > row[x - c->x0])
            row[x - c->x0] = v;
          lo = MIN (lo, x);
          hi = MAX (hi, x);
        }
      if (hi >= lo)
        {
          AlvhChartAaRun run = { y, lo, hi };

          g_array_append_val (c->buf->runs, run);
          c->row_min = MIN (c->row_min, y);
          c->row_max = MAX (c->row_max, y);
          c->col_min = MIN (c->col_min, lo);
          c->col_max = MAX (c->col_max, hi);
        }
    }
}

/* Blends a run in premultiplied ARGB32 (colour rgb at alpha a, 0..255) and
 * clears its coverage */
static void
blend_run (Coverage             *c,
           const AlvhChartAaRun *run,
           guint8               *pixels,
           int                   stride,
           guint                 r,
           guint                 g,
           guint                 b,
           guint                 a)
{
  guint8 *cov = c->buf->cov + (gsize) (run->y - c->y0) * (gsize) c->width;   /* column x at cov[x - x0] */
  guint32 *px = (guint32 *) (void *) (pixels + (gsize) run->y * (gsize) stride);

  for (int x = run->x0; x <= run->x1; x++)
    {
      guint s = (cov[x - c->x0] * a + 127) / 255, d = px[x], inv = 255 - s;

      cov[x - c->x0] = 0;
      if (s == 0)
        continue;
      px[x] = ((s + (((d >> 24) & 0xff) * inv + 127) / 255) << 24) |
              (((r * s + 127) / 255 + (((d >> 16) & 0xff) * inv + 127) / 255) << 16) |
              (((g * s + 127) / 255 + (((d >> 8) & 0xff) * inv + 127) / 255) << 8) |
              ((b * s + 127) / 255 + ((d & 0xff) * inv + 127) / 255);
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
 * @buf: the chart's coverage buffer
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
  double hw = 0.5 * width * f->scale;
  cairo_matrix_t m;
  gboolean pen_down = FALSE;
  double px = 0.0, py = 0.0;
  int x0, y0, x1, y1;
  guint8 *pixels;

  if (!f->aligned || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  if (!device_clip (f->cr, f->scale, cairo_image_surface_get_width (target),
                    cairo_image_surface_get_height (target), &x0, &y0, &x1, &y1))
    return FALSE;

  coverage_init (&c, buf, x0, y0, x1, y1);
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
      coverage_segment (&c, pen_down ? px : x, pen_down ? py : y, x, y, hw);
      px = x;
      py = y;
      pen_down = TRUE;
    }
  if (c.row_max < c.row_min)
    return TRUE;

  cairo_surface_flush (target);
  pixels = cairo_image_surface_get_data (target);
  {
    guint a = (guint) lround (CLAMP (rgba->a, 0.0, 1.0) * 255.0);
    guint r = (guint) lround (CLAMP (rgba->r, 0.0, 1.0) * 255.0);
    guint g = (guint) lround (CLAMP (rgba->g, 0.0, 1.0) * 255.0);
    guint b = (guint) lround (CLAMP (rgba->b, 0.0, 1.0) * 255.0);
    int stride = cairo_image_surface_get_stride (target);

    for (guint k = 0; k < c.buf->runs->len; k++)
      blend_run (&c, &g_array_index (c.buf->runs, AlvhChartAaRun, k), pixels, stride, r, g, b, a);
  }
  cairo_surface_mark_dirty_rectangle (target, c.col_min, c.row_min, c.col_max - c.col_min + 1,
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
