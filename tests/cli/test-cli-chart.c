/* test-cli-chart.c — `alvh chart` renders PNG, PDF and SVG without a display */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "test-cli-util.h"

static char *tmp_dir;

/* runs `alvh chart ARGS...` */
static void
run_chart (TestRun    *r,
           const char *first,
           ...)
{
  g_auto(GStrv) env = test_cli_environ_c ();
  va_list args;

  va_start (args, first);
  r->status = test_cli_run_valist (tmp_dir, env, "chart", &r->out, &r->err, first, args);
  va_end (args);
}

static char *
data_file (const char *name)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

static void
test_formats (void)
{
  g_autofree char *spx = data_file ("spx_daily_ohlc_1927_2026.csv");
  g_autofree char *vix = data_file ("vix_daily_cboe.csv");
  g_autofree char *vx = data_file ("vix_futures_term_structure_2007_2021.csv");
  g_autofree char *png = g_build_filename (tmp_dir, "c.png", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "c.pdf", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "c.svg", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  TestRun r = { 0 };

  if (spx == NULL || vix == NULL || vx == NULL)
    {
      g_test_skip ("$ALVH_SHARED_DATA with the SPX, VIX and VX files is absent");
      return;
    }

  run_chart (&r, "--spx", spx, "--vix", vix, "--vx", vx, "--from", "2019-10-01", "--to", "2020-06-30",
             "--out", png, "--width", "1000", "--height", "700", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 700);
  cairo_surface_destroy (surface);
  test_run_clear (&r);

  run_chart (&r, "--spx", spx, "--vix", vix, "--out", pdf, "--dark", "--log", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  test_run_clear (&r);

  run_chart (&r, "--vix", vix, "--out", svg, "--from", "2020-01-01", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  test_run_clear (&r);
}

static void
test_errors (void)
{
  g_autofree char *spx = data_file ("spx_daily_ohlc_1927_2026.csv");
  TestRun r = { 0 };

  run_chart (&r, "--out", "x.png", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--spx FILE or --vix FILE is required"));
  test_run_clear (&r);

  run_chart (&r, "--spx", "a.csv", "--out", "x.gif", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, ".png, .pdf or .svg"));
  test_run_clear (&r);

  run_chart (&r, "--spx", "a.csv", "--out", "x.png", "--from", "16/03/2020x", NULL);
  g_assert_cmpint (r.status, ==, 2);
  test_run_clear (&r);

  run_chart (&r, "--spx", "no-such-file.csv", "--out", "x.png", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "no-such-file.csv"));
  test_run_clear (&r);

  if (spx == NULL)
    return;
  run_chart (&r, "--spx", spx, "--out", "x.png", "--from", "2030-01-01", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "1927-12-30 to 2026-07-08"));
  test_run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("alvh-cli-chart-XXXXXX", NULL);
  g_test_add_func ("/cli/chart/formats", test_formats);
  g_test_add_func ("/cli/chart/errors", test_errors);
  ret = g_test_run ();
  g_free (tmp_dir);
  return ret;
}
