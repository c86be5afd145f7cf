/* alvh-paths.c — where ALVH Desk keeps its files */
#include "config.h"

#include "alvh-paths.h"

char *
alvh_paths_data_dir (void)
{
  const char *env = g_getenv ("ALVH_DATA_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "alvh-desk", NULL);
}

static char *
in_data_dir (const char *data_dir,
             const char *name)
{
  g_autofree char *dir = data_dir != NULL ? g_strdup (data_dir) : alvh_paths_data_dir ();

  return g_build_filename (dir, name, NULL);
}

char *
alvh_paths_journal_db (const char *data_dir)
{
  return in_data_dir (data_dir, "alvh.sqlite");
}

char *
alvh_paths_market_db (const char *data_dir)
{
  return in_data_dir (data_dir, "market.sqlite");
}
