/* test-chart-util.h — helpers shared by the chart tests (tests/chart)
 *
 * Built into alvh-test-support-chart with the chart library
 * (tests/support/meson.build).
 */
#pragma once

#include <cairo.h>

#include "alvh-core.h"
#include "alvh-chart.h"
#include "alvh-chart-palette.h"

G_BEGIN_DECLS

/* One pixel's red, green and blue, 0 to 255 */
typedef struct
{
  int r, g, b;
} TestPx;

/**
 * test_chart_init:
 * @argc: main()'s
 * @argv: main()'s
 * @spx: (out) (transfer full) (nullable): the real SPX daily history
 * @vix: (out) (transfer full) (nullable): the real VIX daily history
 *
 * g_test_init() and the two histories most chart tests draw, from the
 * shared data folder (%NULL where it lacks them: test_need_series() skips).
 */
void             test_chart_init     (int              *argc,
                                      char           ***argv,
                                      AlvhSeries      **spx,
                                      AlvhSeries      **vix);

/* The VIX line the chart tests draw beside SPX (blue) */
extern const AlvhChartSeriesStyle test_chart_vix_line;

/**
 * test_chart_need_histories:
 * @spx: (nullable): the SPX history of test_chart_init()
 * @vix: (nullable): the VIX history of test_chart_init()
 *
 * Returns: TRUE when both histories are there, else FALSE after
 *   g_test_skip() naming their files (test_need_series())
 */
gboolean         test_chart_need_histories (AlvhSeries *spx,
                                            AlvhSeries *vix);

/**
 * test_chart_run:
 * @spx: the SPX history of test_chart_init(), cleared after
 * @vix: the VIX history of test_chart_init(), cleared after
 *
 * Runs the tests, then frees the histories and the font caches of Pango
 * and Cairo, so that leak checkers see only the tests' own allocations.
 *
 * Returns: g_test_run()'s result
 */
int              test_chart_run      (AlvhSeries      **spx,
                                      AlvhSeries      **vix);

/**
 * test_chart_render:
 * @chart: a chart
 * @width: the image's width
 * @height: the image's height
 *
 * Draws @chart onto a new RGB image (asserts Cairo had no error).
 *
 * Returns: (transfer full): the image, flushed
 */
cairo_surface_t *test_chart_render   (AlvhChart        *chart,
                                      int               width,
                                      int               height);

/**
 * test_chart_save_png:
 * @surface: an image
 * @name: a file name
 *
 * Writes @surface as the PNG @name in $ALVH_TEST_OUTPUT (test_output_path())
 * and logs the path.
 */
void             test_chart_save_png (cairo_surface_t  *surface,
                                      const char       *name);

/**
 * test_chart_pixel:
 * @surface: an image
 * @x: a column inside it
 * @y: a row inside it
 *
 * Returns: the colour of the pixel at (@x, @y)
 */
TestPx           test_chart_pixel    (cairo_surface_t  *surface,
                                      double            x,
                                      double            y);

/**
 * test_chart_px_near:
 * @p: a pixel
 * @c: a colour
 * @tol: how far each channel may be (0 to 255)
 *
 * Returns: whether @p is @c within @tol in each channel
 */
gboolean         test_chart_px_near  (TestPx            p,
                                      const AlvhChartRgba *c,
                                      int               tol);

G_END_DECLS
