/* alvh-cmd-demo.c — `alvh demo`: write the demo data set as CSV files */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-cli.h"
#include "alvh-core.h"

int
alvh_cmd_demo (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDemoData) data = NULL;
  g_autofree char *out_dir = NULL;
  gint64 seed = (gint64) ALVH_DEMO_DEFAULT_SEED;
  int status = ALVH_EXIT_USAGE;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir, N_("Directory to write spx.csv, vix.csv, vx.csv, vvix.csv and breadth.csv into"), N_("DIR") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator, 0 or more (default 20161)"), N_("N") },
    { NULL }
  };

  if (!alvh_cli_parse_flags ("demo", _("Write the bundled, deterministic demo data set (ten years of daily SPX, VIX, VX1/VX2, VVIX and breadth) as CSV files that `alvh import` and `alvh replay` read."),
                             entries, &argc, &argv, &status))
    return status;
  if (out_dir == NULL)
    return alvh_cli_usage_error ("demo", "--out DIR is required");
  if (!alvh_cli_check_int_flag ("demo", "--seed", seed, 0, G_MAXINT64, "an integer", &status))
    return status;

  if (g_mkdir_with_parents (out_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot create directory %s: %s", out_dir, g_strerror (saved));
      return alvh_cli_fail ("demo", error);
    }

  data = alvh_demo_generate (seed == (gint64) ALVH_DEMO_DEFAULT_SEED ? ALVH_DEMO_DEFAULT_SEED : (guint64) seed,
                             alvh_days_from_civil (2016, 1, 4),
                             alvh_days_from_civil (2025, 12, 31));
  if (!alvh_demo_write_csv (data, out_dir, &error))
    return alvh_cli_fail ("demo", error);

  printf ("%s: %" G_GSIZE_FORMAT " daily bars, %s to 2025-12-31\n", out_dir,
          alvh_series_get_length (data->spx), "2016-01-04");
  return ALVH_EXIT_OK;
}
