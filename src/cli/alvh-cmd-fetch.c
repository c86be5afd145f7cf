/* alvh-cmd-fetch.c — `alvh fetch`: download the daily histories and import them */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-cli.h"
#include "alvh-cmd-fetch.h"
#include "alvh-core.h"
#include "alvh-fetch.h"
#include "alvh-fetch-vx.h"
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
  if (dir != NULL)
    g_rmdir (dir);
}

/* --list: each source's id, symbol and address */
static void
print_sources (const char *cboe,
               const char *stooq,
               const char *cfe)
{
  guint n;
  const AlvhFetchSource *sources = alvh_fetch_get_sources (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *url = alvh_fetch_source_url (&sources[i], cboe, stooq);
      printf ("%-6s %-6s %s\n", sources[i].id, sources[i].symbol, url);
    }
  printf ("%-6s %-6s %s%sVX_YYYY-MM-DD.csv\n", "vx", "VX", cfe != NULL ? cfe : ALVH_FETCH_DEFAULT_CFE_BASE,
          cfe != NULL && !g_str_has_suffix (cfe, "/") ? "/" : "");
}

void
alvh_cli_fetch_report_import (AlvhImportResult *result,
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

/* Splits the --source ids into the daily histories' (@indices, NULL for
 * all when none was given) and whether the VX contracts are wanted. */
static void
split_sources (char      **ids,
               GPtrArray **indices,
               gboolean   *want_vx)
{
  *indices = NULL;
  *want_vx = ids == NULL;
  if (ids == NULL)
    return;
  *indices = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_ascii_strcasecmp (ids[i], "vx") == 0)
      *want_vx = TRUE;
    else
      g_ptr_array_add (*indices, ids[i]);
  g_ptr_array_add (*indices, NULL);
}

/* Downloads the daily histories of @ids into @dir and imports each. */
static int
fetch_indices (AlvhMarketStore    *store,
               const char * const *ids,
               const char         *cboe,
               const char         *stooq,
               const char         *dir,
               gboolean            keep,
               guint               timeout,
               GString            *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  paths = alvh_fetch_all (ids, cboe, stooq, dir, timeout,
                          progress_cb, GINT_TO_POINTER (json != NULL), NULL, &error);
  if (paths == NULL)
    return alvh_cli_fail ("fetch", error);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(AlvhImportResult) result = NULL;

      if (!alvh_market_store_import_file (store, path, NULL, &result, &error))
        {
          if (!keep)
            remove_dir (NULL, paths);
          return alvh_cli_fail ("fetch", error);
        }
      alvh_cli_fetch_report_import (result, json, i == 0);
    }
  if (!keep)
    remove_dir (NULL, paths);
  return ALVH_EXIT_OK;
}

int
alvh_cmd_fetch (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(GPtrArray) indices = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *db = NULL, *cboe = NULL, *stooq = NULL, *cfe = NULL;
  g_autofree char *keep = NULL, *dir = NULL, *vx_from = NULL, *vx_to = NULL;
  g_auto(GStrv) ids = NULL;
  gboolean as_json = FALSE, list = FALSE, want_vx;
  int timeout = 60;
  int status = ALVH_EXIT_USAGE;
  AlvhFetchVxArgs vx = { .from_year = ALVH_FETCH_VX_FIRST_YEAR, .from_month = ALVH_FETCH_VX_FIRST_MONTH };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Market database (default: the app's market.sqlite)"), N_("FILE") },
    { "source", 's', 0, G_OPTION_ARG_STRING_ARRAY, &ids, N_("Fetch only this source: spx, vix, vix9d, vix3m, vvix, skew, vx (the VIX futures by contract; repeatable; default all)"), N_("ID") },
    { "cboe-url", 0, 0, G_OPTION_ARG_STRING, &cboe, N_("Base address of Cboe's daily history files"), N_("URL") },
    { "stooq-url", 0, 0, G_OPTION_ARG_STRING, &stooq, N_("Base address of Stooq's CSV download"), N_("URL") },
    { "cfe-url", 0, 0, G_OPTION_ARG_STRING, &cfe, N_("Base address of Cboe CFE's per-contract VX files (VX_YYYY-MM-DD.csv)"), N_("URL") },
    { "vx-from", 0, 0, G_OPTION_ARG_STRING, &vx_from, N_("First VX contract month to consider (default 2013-01)"), N_("YYYY-MM") },
    { "vx-to", 0, 0, G_OPTION_ARG_STRING, &vx_to, N_("Last VX contract month to consider (default nine months after this one)"), N_("YYYY-MM") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up on a server that does not answer within this many seconds, 1 to 3600 (default 60)"), N_("SECONDS") },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, N_("Keep the downloaded files in this directory"), N_("DIR") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the sources and their addresses, download nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print what was imported as JSON"), NULL },
    { NULL }
  };

  if (!alvh_cli_parse_flags ("fetch", _("Download the daily history files that Cboe publishes for VIX, VIX9D, VIX3M, VVIX and SKEW, SPX daily from Stooq, and Cboe CFE's file of each VIX futures contract that the market database lacks or that still trades, then import them into the market database. Each file is imported all-or-nothing; the VX contracts are joined and imported as one file, and each contract's outcome is reported."),
                             entries, &argc, &argv, &status))
    return status;
  if (!alvh_cli_check_int_flag ("fetch", "--timeout", timeout, 1, 3600, "seconds", &status))
    return status;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (alvh_fetch_find_source (ids[i]) == NULL && g_ascii_strcasecmp (ids[i], "vx") != 0)
      return alvh_cli_usage_error ("fetch", "unknown source “%s” (known: spx, vix, vix9d, vix3m, vvix, skew, vx)", ids[i]);
  if (vx_from != NULL && !alvh_cli_parse_month (vx_from, &vx.from_year, &vx.from_month))
    return alvh_cli_usage_error ("fetch", "--vx-from “%s” is not a month YYYY-MM from 2004 on", vx_from);
  if (vx_to != NULL && !alvh_cli_parse_month (vx_to, &vx.to_year, &vx.to_month))
    return alvh_cli_usage_error ("fetch", "--vx-to “%s” is not a month YYYY-MM from 2004 on", vx_to);
  if (vx_to != NULL && vx.to_year * 12 + vx.to_month < vx.from_year * 12 + vx.from_month)
    return alvh_cli_usage_error ("fetch", "--vx-to %s lies before the first contract month", vx_to);

  if (list)
    {
      print_sources (cboe, stooq, cfe);
      return ALVH_EXIT_OK;
    }

  store = alvh_cli_open_market ("fetch", db, ALVH_STORE_CREATE, &error);
  if (store == NULL)
    return alvh_cli_fail ("fetch", error);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("alvh-fetch-XXXXXX", &error);
  if (dir == NULL)
    return alvh_cli_fail ("fetch", error);

  split_sources (ids, &indices, &want_vx);
  status = ALVH_EXIT_OK;
  if (indices == NULL || indices->len > 1)
    status = fetch_indices (store, indices != NULL ? (const char * const *) indices->pdata : NULL,
                            cboe, stooq, dir, keep != NULL, (guint) timeout, as_json ? json : NULL);
  if (status == ALVH_EXIT_OK && want_vx)
    {
      vx.cfe_base = cfe;
      vx.dir = dir;
      vx.keep = keep != NULL;
      vx.timeout = (guint) timeout;
      status = alvh_cli_fetch_vx (store, &vx, as_json ? json : NULL, json->len == 1);
      if (status != ALVH_EXIT_OK && as_json)
        printf ("%s]\n", json->str);   /* what was imported, with each contract's outcome */
    }
  else if (status != ALVH_EXIT_OK)
    as_json = FALSE;
  if (status == ALVH_EXIT_OK && as_json)
    printf ("%s]\n", json->str);

  if (keep == NULL)
    g_rmdir (dir);
  return status;
}
