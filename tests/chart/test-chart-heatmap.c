/* test-chart-heatmap.c — the heat map layer: cells, colours, hit test */
#include "config.h"

#include <math.h>

#include <cairo.h>

#include "alvh-chart-heatmap.h"

/* The colour at the centre of a cell (r, g, b of the ARGB32 pixel). */
static void
cell_pixel (cairo_surface_t *surface,
            double           x,
            double           y,
            guint           *r,
            guint           *g,
            guint           *b)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  *r = (px >> 16) & 0xff;
  *g = (px >> 8) & 0xff;
  *b = px & 0xff;
}

/* Gains are green, losses red, the larger the stronger; row 0 is at the
 * bottom; the hit test finds the cell back. */
static void
test_heatmap (void)
{
  const double values[] = { -1000, 0.5, 1000,      /* row 0 (bottom) */
                            -10, 0, 10 };          /* row 1 (top) */
  const char *columns[] = { "-5%", "0%", "+5%" };
  const char *rows[] = { "0%", "+50%" };
  AlvhChartHeatmap h = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  guint c, r, red, green, blue, red2, green2, blue2;
  double x_loss = 0, y_bottom = 0;

  h.values = values;
  h.n_columns = 3;
  h.n_rows = 2;
  h.column_labels = columns;
  h.row_labels = rows;
  h.mark_column = 1;
  h.mark_row = 0;
  alvh_chart_heatmap_render (&h, cr, 400, 300);
  cairo_surface_flush (surface);

  /* find the bottom-left cell by the hit test: scan for its centre */
  for (double y = 299; y > 0 && y_bottom == 0; y -= 1)
    if (alvh_chart_heatmap_cell_at (&h, 400, 300, 200, y, &c, &r))
      y_bottom = y - 20;
  g_assert_cmpfloat (y_bottom, >, 0);
  for (double x = 0; x < 400 && x_loss == 0; x += 1)
    if (alvh_chart_heatmap_cell_at (&h, 400, 300, x, y_bottom, &c, &r))
      x_loss = x + 20;
  g_assert_true (alvh_chart_heatmap_cell_at (&h, 400, 300, x_loss, y_bottom, &c, &r));
  g_assert_cmpuint (c, ==, 0);
  g_assert_cmpuint (r, ==, 0);
  g_assert_false (alvh_chart_heatmap_cell_at (&h, 400, 300, 2, 2, &c, &r));

  /* -1000 (bottom left) is red, +1000 (bottom right) green */
  cell_pixel (surface, x_loss, y_bottom, &red, &green, &blue);
  g_assert_cmpuint (red, >, green + 40);
  g_assert_true (alvh_chart_heatmap_cell_at (&h, 400, 300, 390, y_bottom, &c, &r));
  g_assert_cmpuint (c, ==, 2);
  cell_pixel (surface, 390, y_bottom, &red2, &green2, &blue2);
  g_assert_cmpuint (green2, >, red2 + 20);
  /* -10 (top left) is paler than -1000: closer to the white background */
  g_assert_true (alvh_chart_heatmap_cell_at (&h, 400, 300, x_loss, 30, &c, &r));
  g_assert_cmpuint (r, ==, 1);
  cell_pixel (surface, x_loss, 30, &red2, &green2, &blue2);
  g_assert_cmpuint (green2, >, green + 40);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A grid of one sign (a sweep's max drawdowns, -$10.3k to -$11k) is
 * coloured between its smallest and largest amount: the -11,000 cell is
 * clearly stronger than the -10,300 one, and both are still red. */
static void
test_heatmap_one_sign (void)
{
  const double values[] = { -10300, -11000 };
  const char *columns[] = { "0.55", "0.60" };
  const char *rows[] = { "0.18" };
  AlvhChartHeatmap h = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  guint c, r, red, green, blue, red2, green2, blue2;
  double x_small = -1, x_large = -1;

  h.values = values;
  h.n_columns = 2;
  h.n_rows = 1;
  h.column_labels = columns;
  h.row_labels = rows;
  h.mark_column = -1;
  h.mark_row = -1;
  alvh_chart_heatmap_render (&h, cr, 400, 300);
  cairo_surface_flush (surface);
  for (double x = 0; x < 400; x += 1)
    if (alvh_chart_heatmap_cell_at (&h, 400, 300, x, 150, &c, &r))
      {
        if (c == 0 && x_small < 0)
          x_small = x + 20;
        if (c == 1 && x_large < 0)
          x_large = x + 20;
      }
  g_assert_cmpfloat (x_small, >, 0);
  g_assert_cmpfloat (x_large, >, 0);
  cell_pixel (surface, x_small, 150, &red, &green, &blue);
  cell_pixel (surface, x_large, 150, &red2, &green2, &blue2);
  g_test_message ("-10,300: %u/%u/%u; -11,000: %u/%u/%u", red, green, blue, red2, green2, blue2);
  g_assert_cmpuint (red, >, green + 20);            /* still a loss */
  g_assert_cmpuint (green, >, green2 + 40);         /* the larger loss is much stronger */

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/heatmap", test_heatmap);
  g_test_add_func ("/chart/heatmap/one-sign", test_heatmap_one_sign);
  return g_test_run ();
}
