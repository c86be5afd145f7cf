/* alvh-cmd-fetch.c — `alvh fetch`: download the daily histories and import them */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-cli.h"
#include "alvh-core.h"
#include "alvh-fetch.h"
#include "alvh-import.h"
#include "alvh-market-store.h"

static void
progress_cb (guint                  index,
             guint                  total,
             const AlvhFetchSource *source,
             gpointer               user_data)
{
  gboolean quiet = GPOINTER_TO_INT (user_data);

  if (!quiet && source != NULL)
    fprintf (stderr, _("Downloading %s (%u of %u)…\n"), source->symbol, index + 1, total);
}

static void
remove_dir (const char *dir,
            GPtrArray  *paths)
{
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  g_rmdir (dir);
}

/* --list: each source's id, symbol and address */
static void
print_sources (const char *cboe,
               const char *stooq)
{
  guint n;
  const AlvhFetchSource *sources = alvh_fetch_get_sources (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *url = alvh_fetch_source_url (&sources[i], cboe, stooq);
      printf ("%-6s %-6s %s\n", sources[i].id, sources[i].symbol, url);
    }
}

/* One imported file: a line of text, or an object appended to @json */
static void
report_import (AlvhImportResult *result,
               GString          *json,
               gboolean          first_object)
{
  g_autofree char *symbols = alvh_import_result_dup_symbols (result);
  g_autofree char *first = alvh_time_format_ny_date (alvh_import_result_get_first (result));
  g_autofree char *last = alvh_time_format_ny_date (alvh_import_result_get_last (result));

  if (json != NULL)
    {
      g_string_append (json, first_object ? "{\"file\":" : ",{\"file\":");
      alvh_json_append_string (json, alvh_import_result_get_file (result));
      g_string_append (json, ",\"symbols\":");
      alvh_json_append_string (json, symbols);
      g_string_append_printf (json,
                              ",\"format\":\"%s\",\"rows\":%" G_GSIZE_FORMAT
                              ",\"first\":\"%s\",\"last\":\"%s\",\"gaps\":%" G_GSIZE_FORMAT ",\"sha256\":\"%s\"}",
                              alvh_import_result_get_format_id (result),
                              alvh_import_result_get_n_rows (result), first, last,
                              alvh_import_result_get_n_gaps (result), alvh_import_result_get_sha256 (result));
    }
  else
    printf (_("%s: %s, %zu rows from %s to %s (%s)\n"),
            alvh_import_result_get_file (result), symbols,
            alvh_import_result_get_n_rows (result), first, last,
            alvh_import_result_get_format_id (result));
}

int
alvh_cmd_fetch (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *db = NULL;
  g_autofree char *cboe = NULL;
  g_autofree char *stooq = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) ids = NULL;
  gboolean as_json = FALSE;
  gboolean list = FALSE;
  int timeout = 60;
  int status = ALVH_EXIT_USAGE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Market database (default: the app's market.sqlite)"), N_("FILE") },
    { "source", 's', 0, G_OPTION_ARG_STRING_ARRAY, &ids, N_("Fetch only this source: spx, vix, vix9d, vix3m, vvix, skew (repeatable; default all)"), N_("ID") },
    { "cboe-url", 0, 0, G_OPTION_ARG_STRING, &cboe, N_("Base address of Cboe's daily history files"), N_("URL") },
    { "stooq-url", 0, 0, G_OPTION_ARG_STRING, &stooq, N_("Base address of Stooq's CSV download"), N_("URL") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up on a server that does not answer within this many seconds, 1 to 3600 (default 60)"), N_("SECONDS") },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, N_("Keep the downloaded files in this directory"), N_("DIR") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the sources and their addresses, download nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print what was imported as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Download the daily history files that Cboe publishes for VIX, VIX9D, VIX3M, VVIX and SKEW, and SPX daily from Stooq, then import them into the market database. Each file is imported all-or-nothing."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return alvh_cli_usage_error ("fetch", "%s", error->message);
  if (argc > 1)
    return alvh_cli_usage_error ("fetch", "unexpected argument “%s”", argv[1]);
  if (!alvh_cli_check_int_flag ("fetch", "--timeout", timeout, 1, 3600, "seconds", &status))
    return status;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (alvh_fetch_find_source (ids[i]) == NULL)
      return alvh_cli_usage_error ("fetch", "unknown source “%s” (known: spx, vix, vix9d, vix3m, vvix, skew)", ids[i]);

  if (list)
    {
      print_sources (cboe, stooq);
      return ALVH_EXIT_OK;
    }

  store = alvh_cli_open_market ("fetch", db, ALVH_STORE_CREATE, &error);
  if (store == NULL)
    return alvh_cli_fail ("fetch", error);

  if (keep != NULL)
    dir = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("alvh-fetch-XXXXXX", &error);
      if (dir == NULL)
        return alvh_cli_fail ("fetch", error);
    }

  paths = alvh_fetch_all ((const char * const *) ids, cboe, stooq, dir, (guint) timeout,
                          progress_cb, GINT_TO_POINTER (as_json), NULL, &error);
  if (paths == NULL)
    {
      if (keep == NULL)
        g_rmdir (dir);
      return alvh_cli_fail ("fetch", error);
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(AlvhImportResult) result = NULL;

      if (!alvh_market_store_import_file (store, path, NULL, &result, &error))
        {
          if (keep == NULL)
            remove_dir (dir, paths);
          return alvh_cli_fail ("fetch", error);
        }
      report_import (result, as_json ? json : NULL, i == 0);
    }
  if (as_json)
    printf ("%s]\n", json->str);

  if (keep == NULL)
    remove_dir (dir, paths);
  return ALVH_EXIT_OK;
}
