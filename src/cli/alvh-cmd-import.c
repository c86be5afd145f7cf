/* alvh-cmd-import.c — `alvh import`: read market data files into market.sqlite */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-core.h"

#define MAX_LISTED 10

/* Begins the object member @name: the @count of closes and, when there is
 * any, the largest one's symbol and date (TRUE: the caller adds its figures).
 * The caller ends the object. */
static gboolean
begin_closes_json (JsonBuilder *b,
                   const char  *name,
                   gint64       count,
                   const char  *largest_symbol,
                   gint64       largest_time)
{
  g_autofree char *d = NULL;

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  alvh_cli_json_add_int (b, "count", count);
  if (count <= 0)
    return FALSE;
  d = alvh_time_format_ny_date (largest_time);
  alvh_cli_json_add_string (b, "largest_symbol", largest_symbol);
  alvh_cli_json_add_string (b, "largest_date", d);
  return TRUE;
}

/* "conflicts": what other sources give differently on the file's series,
 * and "chain": the expiries of an option chain download */
static void
add_json_extras (JsonBuilder               *b,
                 AlvhImportResult          *r,
                 const AlvhMarketConflicts *c)
{
  AlvhOptionChain *chain = alvh_import_result_get_chain (r);

  if (begin_closes_json (b, "conflicts", c->n, c->symbol, c->time))
    {
      alvh_cli_json_add_number (b, "largest_difference", c->max_abs);
      alvh_cli_json_add_number (b, "kept", c->kept);
      alvh_cli_json_add_string (b, "kept_source", c->kept_source);
      alvh_cli_json_add_number (b, "other", c->other);
      alvh_cli_json_add_string (b, "other_source", c->other_source);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "preferred");
  json_builder_add_boolean_value (b, c->preferred);
  if (begin_closes_json (b, "replaced", c->n_replaced, c->replaced_symbol, c->replaced_time))
    {
      alvh_cli_json_add_number (b, "largest_change", c->max_replaced);
      alvh_cli_json_add_number (b, "old", c->replaced_old);
      alvh_cli_json_add_number (b, "new", c->replaced_new);
    }
  json_builder_end_object (b);
  if (chain != NULL)
    {
      json_builder_set_member_name (b, "chain");
      json_builder_begin_object (b);
      alvh_cli_json_add_number (b, "spot", alvh_option_chain_get_spot (chain));
      alvh_cli_json_add_int (b, "expiries", alvh_option_chain_get_n_expiries (chain));
      json_builder_end_object (b);
    }
}

/* What other sources give differently, and what a preferred file replaced,
 * in words */
static void
print_conflicts (const AlvhMarketConflicts *c)
{
  g_autofree char *d = NULL;

  if (c->preferred && c->n_replaced == 0)
    printf ("%s", _("  preferred (--prefer): no stored close changed\n"));
  else if (c->preferred)
    {
      g_autofree char *r = alvh_time_format_ny_date (c->replaced_time);

      printf (_("  preferred (--prefer): %" PRId64 " stored closes replaced; the largest change: %s %s %.4f → %.4f\n"),
              c->n_replaced, c->replaced_symbol, r, c->replaced_old, c->replaced_new);
    }
  if (c->n == 0)
    return;
  d = alvh_time_format_ny_date (c->time);
  printf (_("  %" PRId64 " closes differ between sources; the largest: %s %s kept %.4f (%s), other %.4f (%s)\n"),
          c->n, c->symbol, d, c->kept, c->kept_source, c->other, c->other_source);
}

/* One imported file as a JSON object (json-glib: valid UTF-8 even for a
 * file name that is not). */
static void
add_json_result (JsonBuilder               *b,
                 AlvhImportResult          *r,
                 const AlvhMarketConflicts *c)
{
  g_autofree char *first = alvh_time_format_ny_date (alvh_import_result_get_first (r));
  g_autofree char *last = alvh_time_format_ny_date (alvh_import_result_get_last (r));
  const char * const *warnings = alvh_import_result_get_warnings (r);
  const gint64 *gaps;
  gsize n_gaps;

  json_builder_begin_object (b);
  alvh_cli_json_add_string (b, "file", alvh_import_result_get_path (r));
  alvh_cli_json_add_string (b, "format", alvh_import_result_get_format_id (r));
  json_builder_set_member_name (b, "series");
  json_builder_begin_array (b);
  for (guint i = 0; i < alvh_import_result_get_n_series (r); i++)
    {
      AlvhSeries *s = alvh_import_result_get_series (r, i);

      json_builder_begin_object (b);
      alvh_cli_json_add_string (b, "symbol", alvh_import_result_get_symbol (r, i));
      alvh_cli_json_add_string (b, "kind", alvh_import_result_get_kind (r, i));
      alvh_cli_json_add_int (b, "rows", (gint64) alvh_series_get_length (s));
      json_builder_set_member_name (b, "columns");
      json_builder_begin_array (b);
      for (guint c = 0; c < alvh_series_get_n_columns (s); c++)
        alvh_cli_json_add_string (b, NULL, alvh_series_get_column_name (s, c));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  alvh_cli_json_add_int (b, "rows", (gint64) alvh_import_result_get_n_rows (r));
  alvh_cli_json_add_int (b, "skipped", (gint64) alvh_import_result_get_n_skipped (r));
  alvh_cli_json_add_int (b, "warnings", (gint64) alvh_import_result_get_n_warnings (r));
  alvh_cli_json_add_int (b, "outside_range", (gint64) alvh_import_result_get_n_outside_range (r));
  alvh_cli_json_add_int (b, "open_missing", (gint64) alvh_import_result_get_n_open_missing (r));
  alvh_cli_json_add_string (b, "first", first);
  alvh_cli_json_add_string (b, "last", last);
  alvh_cli_json_add_int (b, "gaps", (gint64) alvh_import_result_get_n_gaps (r));
  json_builder_set_member_name (b, "gap_dates");
  json_builder_begin_array (b);
  gaps = alvh_import_result_get_gaps (r, &n_gaps);
  for (gsize i = 0; i < n_gaps; i++)
    {
      g_autofree char *d = alvh_time_format_ny_date (gaps[i]);

      alvh_cli_json_add_string (b, NULL, d);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warning_messages");
  json_builder_begin_array (b);
  for (guint i = 0; warnings[i] != NULL; i++)
    alvh_cli_json_add_string (b, NULL, warnings[i]);
  json_builder_end_array (b);
  alvh_cli_json_add_string (b, "sha256", alvh_import_result_get_sha256 (r));
  add_json_extras (b, r, c);
  json_builder_end_object (b);
}

static void
print_result (AlvhImportResult          *r,
              const AlvhMarketConflicts *c)
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
  print_conflicts (c);
}

int
alvh_cmd_import (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(JsonBuilder) json = json_builder_new ();
  g_autofree char *db = NULL;
  g_autofree char *symbol = NULL;
  g_auto(GStrv) files = NULL;
  gboolean as_json = FALSE, prefer = FALSE;
  guint n_failed = 0;
  const char *summary =
    _("Import daily market data files into the market database. The format is detected from the "
      "header: Cboe index histories (VIX, VIX9D, VIX3M, VVIX, SKEW), Yahoo, yfinance, Stooq, generic "
      "OHLC, VIX futures settles, the VIX term structure, Cboe CFE per-contract settles, breadth and "
      "Cboe option chain downloads (stored under the last session at or before their stamp). "
      "Each file is imported all-or-nothing; importing a file again updates its rows. Every source "
      "keeps its own values; the stored series is that of the primary source (Cboe histories and CFE "
      "settles, then Yahoo, Stooq, other files, the term-structure file last) in any import order, "
      "and closes other sources give differently are counted and reported. With --prefer the files' "
      "values win on purpose (also over later imports without --prefer); the values they replace are "
      "kept, counted and reported, and the import is recorded as preferred.");
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Market database (default: $ALVH_MARKET_DB or the app's market.sqlite)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print a JSON array with one object per file"), NULL },
    { "prefer", 0, 0, G_OPTION_ARG_NONE, &prefer, N_("Let the files' values win over the stored ones on purpose, whatever their source"), NULL },
    { "symbol", 's', 0, G_OPTION_ARG_STRING, &symbol, N_("Symbol for files whose header does not name one (default: from the file name)"), N_("SYMBOL") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  if (!alvh_cli_parse_options (_("FILE…"), summary, entries, &argc, &argv, &error))
    return alvh_cli_usage_error ("import", "%s", error->message);
  if (argc > 1)
    return alvh_cli_usage_error ("import", "unexpected argument “%s”", argv[1]);
  if (files == NULL || files[0] == NULL)
    return alvh_cli_usage_error ("import", "no FILE given");
  if (symbol != NULL && *symbol == '\0')
    return alvh_cli_usage_error ("import", "--symbol must not be empty");

  /* inputs that cannot be files (missing, folders, FIFOs) are said before
   * the market store is opened, so that they create nothing */
  {
    gboolean any = FALSE;

    for (guint i = 0; files[i] != NULL && !any; i++)
      any = alvh_csv_check_input (files[i], NULL);
    if (!any)
      {
        for (guint i = 0; files[i] != NULL; i++)
          {
            g_autoptr(GError) file_error = NULL;

            alvh_csv_check_input (files[i], &file_error);
            fprintf (stderr, "alvh import: %s\n", file_error->message);
          }
        return 1;
      }
  }
  store = alvh_cli_open_market ("import", db, ALVH_STORE_CREATE, &error);
  if (store == NULL)
    return alvh_cli_fail ("import", error);
  json_builder_begin_array (json);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(AlvhImportResult) result = NULL;
      g_autoptr(GError) file_error = NULL;

      /* parsed and written on two threads, all-or-nothing */
      if (!alvh_market_store_import_path_full (store, files[i], symbol,
                                               prefer ? ALVH_MARKET_IMPORT_PREFER : ALVH_MARKET_IMPORT_DEFAULT,
                                               NULL, &result, &file_error))
        g_clear_pointer (&result, alvh_import_result_unref);

      if (result == NULL)
        {
          n_failed++;
          fprintf (stderr, "alvh import: %s\n", file_error->message);
          if (as_json)
            {
              json_builder_begin_object (json);
              alvh_cli_json_add_string (json, "file", files[i]);
              alvh_cli_json_add_string (json, "error", file_error->message);
              json_builder_end_object (json);
            }
          continue;
        }
      if (as_json)
        add_json_result (json, result, alvh_market_store_get_conflicts (store));
      else
        print_result (result, alvh_market_store_get_conflicts (store));
    }

  if (as_json)
    {
      g_autofree char *text = (json_builder_end_array (json), alvh_cli_json_finish (json));

      printf ("%s\n", text);
    }
  return n_failed > 0 ? ALVH_EXIT_FAILURE : ALVH_EXIT_OK;
}
