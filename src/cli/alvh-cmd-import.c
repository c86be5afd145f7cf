/* alvh-cmd-import.c — `alvh import`: read market data files into market.sqlite */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-core.h"

#define MAX_LISTED 10

static void
append_json_result (GString          *out,
                    AlvhImportResult *r)
{
  g_autofree char *first = alvh_time_format_ny_date (alvh_import_result_get_first (r));
  g_autofree char *last = alvh_time_format_ny_date (alvh_import_result_get_last (r));
  const char * const *warnings = alvh_import_result_get_warnings (r);
  const gint64 *gaps;
  gsize n_gaps;

  g_string_append (out, "{\"file\":");
  alvh_json_append_string (out, alvh_import_result_get_path (r));
  g_string_append (out, ",\"format\":");
  alvh_json_append_string (out, alvh_import_result_get_format_id (r));
  g_string_append (out, ",\"series\":[");
  for (guint i = 0; i < alvh_import_result_get_n_series (r); i++)
    {
      AlvhSeries *s = alvh_import_result_get_series (r, i);

      g_string_append (out, i > 0 ? ",{\"symbol\":" : "{\"symbol\":");
      alvh_json_append_string (out, alvh_import_result_get_symbol (r, i));
      g_string_append (out, ",\"kind\":");
      alvh_json_append_string (out, alvh_import_result_get_kind (r, i));
      g_string_append_printf (out, ",\"rows\":%" G_GSIZE_FORMAT ",\"columns\":[", alvh_series_get_length (s));
      for (guint c = 0; c < alvh_series_get_n_columns (s); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          alvh_json_append_string (out, alvh_series_get_column_name (s, c));
        }
      g_string_append (out, "]}");
    }
  g_string_append_printf (out,
                          "],\"rows\":%" G_GSIZE_FORMAT ",\"skipped\":%" G_GSIZE_FORMAT
                          ",\"warnings\":%" G_GSIZE_FORMAT ",\"outside_range\":%" G_GSIZE_FORMAT
                          ",\"open_missing\":%" G_GSIZE_FORMAT ",\"first\":\"%s\",\"last\":\"%s\""
                          ",\"gaps\":%" G_GSIZE_FORMAT ",\"gap_dates\":[",
                          alvh_import_result_get_n_rows (r), alvh_import_result_get_n_skipped (r),
                          alvh_import_result_get_n_warnings (r), alvh_import_result_get_n_outside_range (r),
                          alvh_import_result_get_n_open_missing (r), first, last,
                          alvh_import_result_get_n_gaps (r));
  gaps = alvh_import_result_get_gaps (r, &n_gaps);
  for (gsize i = 0; i < n_gaps; i++)
    {
      g_autofree char *d = alvh_time_format_ny_date (gaps[i]);
      g_string_append_printf (out, "%s\"%s\"", i > 0 ? "," : "", d);
    }
  g_string_append (out, "],\"warning_messages\":[");
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      alvh_json_append_string (out, warnings[i]);
    }
  g_string_append (out, "],\"sha256\":");
  alvh_json_append_string (out, alvh_import_result_get_sha256 (r));
  g_string_append_c (out, '}');
}

static void
print_result (AlvhImportResult *r)
{
  g_autofree char *symbols = alvh_import_result_dup_symbols (r);
  g_autofree char *first = alvh_time_format_ny_date (alvh_import_result_get_first (r));
  g_autofree char *last = alvh_time_format_ny_date (alvh_import_result_get_last (r));
  const char * const *warnings = alvh_import_result_get_warnings (r);
  const gint64 *gaps;
  gsize n_gaps;

  printf (_("%s: %s, %s, %zu rows from %s to %s"),
          alvh_import_result_get_path (r), alvh_import_result_get_format_id (r), symbols,
          alvh_import_result_get_n_rows (r), first, last);
  printf (_(", %zu skipped, %zu warnings, %zu gaps\n"),
          alvh_import_result_get_n_skipped (r), alvh_import_result_get_n_warnings (r),
          alvh_import_result_get_n_gaps (r));
  for (guint i = 0; warnings[i] != NULL && i < MAX_LISTED; i++)
    printf (_("  warning: %s\n"), warnings[i]);
  gaps = alvh_import_result_get_gaps (r, &n_gaps);
  if (n_gaps > 0)
    {
      printf ("%s", _("  missing NYSE trading days:"));
      for (gsize i = 0; i < n_gaps && i < MAX_LISTED; i++)
        {
          g_autofree char *d = alvh_time_format_ny_date (gaps[i]);
          printf (" %s", d);
        }
      if (alvh_import_result_get_n_gaps (r) > MAX_LISTED)
        printf (" …");
      printf ("\n");
    }
}

int
alvh_cmd_import (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *db = NULL;
  g_autofree char *symbol = NULL;
  g_auto(GStrv) files = NULL;
  gboolean as_json = FALSE;
  guint n_failed = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Market database (default: $ALVH_MARKET_DB or the app's market.sqlite)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print a JSON array with one object per file"), NULL },
    { "symbol", 's', 0, G_OPTION_ARG_STRING, &symbol, N_("Symbol for files whose header does not name one (default: from the file name)"), N_("SYMBOL") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  context = g_option_context_new (_("FILE…"));
  g_option_context_set_summary (context,
    _("Import daily market data files into the market database. The format is detected from the "
      "header: Cboe index histories (VIX, VIX9D, VIX3M, VVIX, SKEW), Yahoo, yfinance, Stooq, generic "
      "OHLC, VIX futures settles, the VIX term structure, Cboe CFE per-contract settles and breadth. "
      "Each file is imported all-or-nothing; importing a file again updates its rows."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return alvh_cli_usage_error ("import", "%s", error->message);
  if (argc > 1)
    return alvh_cli_usage_error ("import", "unexpected argument “%s”", argv[1]);
  if (files == NULL || files[0] == NULL)
    return alvh_cli_usage_error ("import", "no FILE given");
  if (symbol != NULL && *symbol == '\0')
    return alvh_cli_usage_error ("import", "--symbol must not be empty");

  if (db == NULL)
    db = alvh_cli_default_market_db ();
  store = alvh_market_store_open (db, &error);
  if (store == NULL)
    return alvh_cli_fail ("import", error);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(AlvhImportResult) result = NULL;
      g_autoptr(GError) file_error = NULL;

      /* parsed and written on two threads, all-or-nothing */
      if (!alvh_market_store_import_path (store, files[i], symbol, NULL, &result, &file_error))
        g_clear_pointer (&result, alvh_import_result_unref);

      if (as_json && json->len > 1)
        g_string_append_c (json, ',');
      if (result == NULL)
        {
          n_failed++;
          fprintf (stderr, "alvh import: %s\n", file_error->message);
          if (as_json)
            {
              g_string_append (json, "{\"file\":");
              alvh_json_append_string (json, files[i]);
              g_string_append (json, ",\"error\":");
              alvh_json_append_string (json, file_error->message);
              g_string_append_c (json, '}');
            }
          continue;
        }
      if (as_json)
        append_json_result (json, result);
      else
        print_result (result);
    }

  if (as_json)
    printf ("%s]\n", json->str);
  return n_failed > 0 ? ALVH_EXIT_FAILURE : ALVH_EXIT_OK;
}
