/* alvh-cli-util.c — helpers shared by the subcommands of `alvh` */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "alvh-cli.h"

int
alvh_cli_usage_error (const char *command,
                      const char *format,
                      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "alvh %s: %s (see 'alvh %s --help')\n", command, msg, command);
  return ALVH_EXIT_USAGE;
}

int
alvh_cli_fail (const char *command,
               GError     *error)
{
  fprintf (stderr, "alvh %s: %s\n", command, error != NULL ? error->message : "failed");
  return ALVH_EXIT_FAILURE;
}

/* The database the app uses: $XDG_DATA_HOME/alvh-desk/alvh.sqlite,
 * unless ALVH_DB is set. */
char *
alvh_cli_default_db (void)
{
  const char *env = g_getenv ("ALVH_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "alvh-desk", "alvh.sqlite", NULL);
}

/* The market database the app uses: $XDG_DATA_HOME/alvh-desk/market.sqlite,
 * unless ALVH_MARKET_DB is set.  Creates the directory (user-only). */
char *
alvh_cli_default_market_db (void)
{
  const char *env = g_getenv ("ALVH_MARKET_DB");
  g_autofree char *dir = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  dir = g_build_filename (g_get_user_data_dir (), "alvh-desk", NULL);
  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, "market.sqlite", NULL);
}
