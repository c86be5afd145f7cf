/* alvh-cmd-chart.c — `alvh chart`: the Charts page's market chart to PNG, PDF or SVG
 *
 *   alvh chart --spx FILE --vix FILE [--vx FILE] [--from DATE] [--to DATE]
 *              --out FILE.png|.pdf|.svg [--width N] [--height N] [--dark] [--log]
 *
 * Draws without a display, through the same src/chart code as the app.
 */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <fcntl.h>

#include <glib/gstdio.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "alvh-time.h"
#include "alvh-series.h"
#include "alvh-import.h"
#include "alvh-chart.h"
#include "alvh-chart-market.h"
#include "alvh-cli.h"

#define COMMAND "chart"

/* The first series of the file whose kind is one of `kinds` (NULL: any) */
static AlvhSeries *
load_series (const char  *path,
             const char  *hint,
             const char **kinds,
             GError     **error)
{
  g_autoptr(AlvhImportResult) result = NULL;

  result = alvh_import_file (path, hint, NULL, error);
  if (result == NULL)
    return NULL;
  for (guint i = 0; i < alvh_import_result_get_n_series (result); i++)
    {
      const char *kind = alvh_import_result_get_kind (result, i);
      for (guint k = 0; kinds == NULL || kinds[k] != NULL; k++)
        {
          if (kinds == NULL || g_strcmp0 (kind, kinds[k]) == 0)
            return alvh_series_ref (alvh_import_result_get_series (result, i));
          if (kinds == NULL)
            break;
        }
    }
  g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_UNKNOWN_FORMAT,
               "%s: no %s series in this file", path, kinds ? kinds[0] : "");
  return NULL;
}

typedef enum { PNG, PDF, SVG } OutputKind;

/* The dates shown: [from, to] when either was given (an error when they
 * select no bar), else the last year. */
static gboolean
show_range (AlvhChart  *chart,
            gboolean    given,
            gint64      from,
            gint64      to,
            GError    **error)
{
  const gint64 *times = alvh_chart_get_times (chart);
  gsize n = alvh_chart_get_n_bars (chart);

  if (!given)
    {
      alvh_chart_show_last (chart, G_GINT64_CONSTANT (366) * 86400);
      return TRUE;
    }
  if (from > times[n - 1] || to < times[0])
    {
      g_autofree char *first = alvh_time_format_ny_date (times[0]);
      g_autofree char *last = alvh_time_format_ny_date (times[n - 1]);
      g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_DATE,
                   _("--from/--to select no bars (the data run from %s to %s)"), first, last);
      return FALSE;
    }
  alvh_chart_show_time_range (chart, MAX (from, times[0]), MIN (to, times[n - 1]));
  return TRUE;
}

/* Draws @chart into a PNG, PDF or SVG file. */
static cairo_status_t
render_to_file (AlvhChart  *chart,
                OutputKind  kind,
                const char *out,
                int         width,
                int         height)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd;

  /* the image is the user's: 0600 like every file ALVH Desk writes (cairo
   * would create it with the umask's mode) */
  fd = g_open (out, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0)
    g_close (fd, NULL);
  g_chmod (out, 0600);

  switch (kind)
    {
    case PDF:
      surface = cairo_pdf_surface_create (out, width, height);
      break;
    case SVG:
      surface = cairo_svg_surface_create (out, width, height);
      break;
    case PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      break;
    }
  alvh_chart_set_decimation (chart, TRUE);
  cr = cairo_create (surface);
  alvh_chart_render (chart, cr, width, height);
  cairo_destroy (cr);
  if (kind == PNG)
    status = cairo_surface_write_to_png (surface, out);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return status;
}

int
alvh_cmd_chart (int    argc,
                char **argv)
{
  g_autofree char *spx_path = NULL, *vix_path = NULL, *vx_path = NULL, *out = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL;
  int width = 1600, height = 1000;
  gboolean dark = FALSE, log_scale = FALSE;
  GOptionEntry entries[] = {
    { "spx", 0, 0, G_OPTION_ARG_FILENAME, &spx_path, N_("SPX daily history (Cboe or Yahoo CSV)"), N_("FILE") },
    { "vix", 0, 0, G_OPTION_ARG_FILENAME, &vix_path, N_("VIX daily history (Cboe CSV)"), N_("FILE") },
    { "vx", 0, 0, G_OPTION_ARG_FILENAME, &vx_path, N_("VIX futures settles (VX1, VX2)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First date shown (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last date shown (YYYY-MM-DD)"), N_("DATE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Output file: .png, .pdf or .svg"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for PDF/SVG), 200 to 20000 (default 1600)"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height, 150 to 20000 (default 1000)"), N_("N") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Dark colours"), NULL },
    { "log", 0, 0, G_OPTION_ARG_NONE, &log_scale, N_("Logarithmic SPX price axis"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhSeries) spx = NULL;
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(AlvhSeries) vx = NULL;
  g_autoptr(AlvhChart) chart = NULL;
  const char *ohlc_kinds[] = { "ohlc", "close", NULL };
  const char *vx_kinds[] = { "vx", NULL };
  gint64 from = G_MININT64, to = G_MAXINT64;
  cairo_status_t status;
  int usage = ALVH_EXIT_USAGE;
  OutputKind kind;

  context = g_option_context_new (_("— draw the SPX / VIX / MACD chart to a file"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Renders the Charts page's market chart (SPX candles, VIX with VX1/VX2, "
                                  "MACD of VIX) without a display."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return alvh_cli_usage_error (COMMAND, "%s", error->message);
  if (argc > 1)
    return alvh_cli_usage_error (COMMAND, _("unexpected argument “%s”"), argv[1]);
  if (spx_path == NULL && vix_path == NULL)
    return alvh_cli_usage_error (COMMAND, _("--spx FILE or --vix FILE is required"));
  if (out == NULL)
    return alvh_cli_usage_error (COMMAND, _("--out FILE is required"));
  if (!alvh_cli_check_int_flag (COMMAND, "--width", width, 200, 20000, "pixels", &usage) ||
      !alvh_cli_check_int_flag (COMMAND, "--height", height, 150, 20000, "pixels", &usage))
    return usage;
  if (g_str_has_suffix (out, ".png") || g_str_has_suffix (out, ".PNG"))
    kind = PNG;
  else if (g_str_has_suffix (out, ".pdf") || g_str_has_suffix (out, ".PDF"))
    kind = PDF;
  else if (g_str_has_suffix (out, ".svg") || g_str_has_suffix (out, ".SVG"))
    kind = SVG;
  else
    return alvh_cli_usage_error (COMMAND, _("--out must end in .png, .pdf or .svg: “%s”"), out);
  if (from_text && !alvh_cli_parse_date (from_text, &from))
    return alvh_cli_usage_error (COMMAND, _("--from: expected a date like 2020-03-16, got “%s”"), from_text);
  if (to_text && !alvh_cli_parse_date (to_text, &to))
    return alvh_cli_usage_error (COMMAND, _("--to: expected a date like 2020-03-16, got “%s”"), to_text);
  if (from > to)
    return alvh_cli_usage_error (COMMAND, _("--from is after --to"));

  if (spx_path && (spx = load_series (spx_path, "SPX", ohlc_kinds, &error)) == NULL)
    return alvh_cli_fail (COMMAND, error);
  if (vix_path && (vix = load_series (vix_path, "VIX", ohlc_kinds, &error)) == NULL)
    return alvh_cli_fail (COMMAND, error);
  if (vx_path && (vx = load_series (vx_path, "VX", vx_kinds, &error)) == NULL)
    return alvh_cli_fail (COMMAND, error);

  if (!alvh_cli_make_parent (out, &error))
    return alvh_cli_fail (COMMAND, error);

  chart = alvh_chart_market_new ();
  alvh_chart_set_dark (chart, dark);
  alvh_chart_market_set_data (chart, spx, vix, vx);
  alvh_chart_pane_set_log_scale (chart, ALVH_CHART_MARKET_PANE_SPX, log_scale);
  if (alvh_chart_get_n_bars (chart) == 0)
    {
      g_set_error (&error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_EMPTY, _("no bars to draw"));
      return alvh_cli_fail (COMMAND, error);
    }
  if (!show_range (chart, from_text != NULL || to_text != NULL, from, to, &error))
    return alvh_cli_fail (COMMAND, error);

  status = render_to_file (chart, kind, out, width, height);
  g_clear_object (&chart);
  /* free Cairo's font caches so that leak checkers stay quiet */
  cairo_debug_reset_static_data ();
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot write: %s"), out,
                   cairo_status_to_string (status));
      return alvh_cli_fail (COMMAND, error);
    }
  printf ("%s\n", out);
  return ALVH_EXIT_OK;
}
