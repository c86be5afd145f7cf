/* alvh-cli-util.c — helpers shared by the subcommands of `alvh` */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-cli.h"
#include "alvh-core.h"
#include "alvh-stored-eval.h"

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

/* The database the app uses (alvh_paths_journal_db()), unless ALVH_DB is set. */
char *
alvh_cli_default_db (void)
{
  const char *env = g_getenv ("ALVH_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return alvh_paths_journal_db (NULL);
}

/* The market database the app uses (alvh_paths_market_db()), unless
 * ALVH_MARKET_DB is set.  Creates nothing. */
char *
alvh_cli_market_db_path (void)
{
  const char *env = g_getenv ("ALVH_MARKET_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return alvh_paths_market_db (NULL);
}

/* alvh_cli_market_db_path (); without ALVH_MARKET_DB it also creates the
 * directory (user-only). */
char *
alvh_cli_default_market_db (void)
{
  const char *env = g_getenv ("ALVH_MARKET_DB");

  if (env == NULL || *env == '\0')
    {
      g_autofree char *dir = alvh_paths_data_dir ();

      g_mkdir_with_parents (dir, 0700);
    }
  return alvh_cli_market_db_path ();
}

AlvhJournalStore *
alvh_cli_open_journal (const char     *command,
                       const char     *path,
                       AlvhStoreMode   mode,
                       GError        **error)
{
  g_autofree char *file = path != NULL ? g_strdup (path) : alvh_cli_default_db ();
  AlvhJournalStore *store = alvh_journal_store_open_mode (file, mode, error);

  if (store != NULL && alvh_journal_store_was_created (store))
    fprintf (stderr, _("alvh %s: created a new journal at %s\n"), command, file);
  return store;
}

AlvhMarketStore *
alvh_cli_open_market (const char     *command,
                      const char     *path,
                      AlvhStoreMode   mode,
                      GError        **error)
{
  g_autofree char *file = path != NULL ? g_strdup (path)
                        : mode == ALVH_STORE_CREATE ? alvh_cli_default_market_db ()
                        : alvh_cli_market_db_path ();
  AlvhMarketStore *store = alvh_market_store_open_mode (file, mode, error);

  if (store != NULL && alvh_market_store_was_created (store))
    fprintf (stderr, _("alvh %s: created a new market store at %s\n"), command, file);
  return store;
}

gboolean
alvh_cli_parse_date (const char *text,
                     gint64     *out)
{
  return text != NULL && alvh_time_parse_date (text, strlen (text), out);
}

/* The series of `path` whose kind is one of `kinds` (first match in order),
 * as `alvh replay` and `alvh report --replay` read them. */
AlvhSeries *
alvh_cli_load_series (const char         *path,
                      const char         *hint,
                      const char * const *kinds,
                      GError            **error)
{
  g_autoptr(AlvhImportResult) res = alvh_import_file (path, hint, NULL, error);
  guint n;

  if (res == NULL)
    return NULL;
  n = alvh_import_result_get_n_series (res);
  for (guint k = 0; kinds[k] != NULL; k++)
    for (guint i = 0; i < n; i++)
      {
        const char *kind = alvh_import_result_get_kind (res, i);
        const char *symbol = alvh_import_result_get_symbol (res, i);

        /* a term-structure file holds VIX, VX and SP500: prefer the hinted symbol */
        if (kind != NULL && strcmp (kind, kinds[k]) == 0 &&
            (n == 1 || hint == NULL || symbol == NULL || g_ascii_strcasecmp (symbol, hint) == 0 ||
             strcmp (kinds[k], "vx") == 0 || strcmp (kinds[k], "breadth") == 0))
          return alvh_series_ref (alvh_import_result_get_series (res, i));
      }
  for (guint i = 0; i < n; i++)
    {
      const char *kind = alvh_import_result_get_kind (res, i);
      for (guint k = 0; kinds[k] != NULL; k++)
        if (kind != NULL && strcmp (kind, kinds[k]) == 0)
          return alvh_series_ref (alvh_import_result_get_series (res, i));
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "%s: expected a %s series, the file holds none", path, kinds[0]);
  return NULL;
}

/* The joined market frame of the replay CSV files (vx, vvix, breadth and events
 * optional), loaded in this order; *events gets the events (or NULL). */
AlvhMarketFrame *
alvh_cli_load_frame (const char  *spx_path,
                     const char  *vix_path,
                     const char  *vx_path,
                     const char  *vvix_path,
                     const char  *vix3m_path,
                     const char  *breadth_path,
                     const char  *events_path,
                     GPtrArray  **events,
                     GError     **error)
{
  static const char * const price_kinds[] = { "ohlc", "close", NULL };
  static const char * const vx_kinds[] = { "vx", NULL };
  static const char * const close_kinds[] = { "close", "ohlc", NULL };
  static const char * const breadth_kinds[] = { "breadth", NULL };
  g_autoptr(AlvhSeries) spx = NULL;
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(AlvhSeries) vx = NULL;
  g_autoptr(AlvhSeries) vvix = NULL;
  g_autoptr(AlvhSeries) vix3m = NULL;
  g_autoptr(AlvhSeries) breadth = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  AlvhMarketFrame *frame;

  if ((spx = alvh_cli_load_series (spx_path, "SPX", price_kinds, error)) == NULL ||
      (vix = alvh_cli_load_series (vix_path, "VIX", price_kinds, error)) == NULL)
    return NULL;
  if (vx_path != NULL && (vx = alvh_cli_load_series (vx_path, "VX", vx_kinds, error)) == NULL)
    return NULL;
  if (vvix_path != NULL && (vvix = alvh_cli_load_series (vvix_path, "VVIX", close_kinds, error)) == NULL)
    return NULL;
  if (vix3m_path != NULL && (vix3m = alvh_cli_load_series (vix3m_path, "VIX3M", close_kinds, error)) == NULL)
    return NULL;
  if (breadth_path != NULL && (breadth = alvh_cli_load_series (breadth_path, "BREADTH", breadth_kinds, error)) == NULL)
    return NULL;
  if (events_path != NULL && (loaded = alvh_events_load_csv (events_path, error)) == NULL)
    return NULL;

  *events = g_steal_pointer (&loaded);
  frame = alvh_market_frame_new_join (spx, vix, vx, vvix, breadth, G_MININT64, G_MAXINT64);
  alvh_market_frame_match (frame, vix3m, "close", frame->vix3m);
  return frame;
}

/* The flags of any subcommand that take a value, so that a value is not
 * mistaken for the subcommand's word. */
static const char * const value_flags[] = {
  "--db", "--market-db", "--output", "-o", "--out", "--format", "-f",
  "--account", "--profile", "--name", NULL
};

gboolean
alvh_cli_hoist_word (int                 argc,
                     char              **argv,
                     const char * const *words)
{
  for (int i = 1; i < argc; i++)
    {
      char *word = argv[i];

      if (strcmp (word, "--") == 0)
        return FALSE;
      if (word[0] != '-')
        {
          if (!g_strv_contains (words, word))
            return FALSE;
          memmove (&argv[2], &argv[1], (gsize) (i - 1) * sizeof (char *));
          argv[1] = word;
          return TRUE;
        }
      if (strchr (word, '=') == NULL && g_strv_contains (value_flags, word))
        i++;
    }
  return FALSE;
}

void
alvh_cli_json_add_string (JsonBuilder *builder,
                          const char  *member,
                          const char  *text)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);
  if (text == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  if (g_utf8_validate (text, -1, NULL))
    json_builder_add_string_value (builder, text);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      json_builder_add_string_value (builder, valid);
    }
}

void
alvh_cli_json_add_int (JsonBuilder *builder,
                       const char  *member,
                       gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
alvh_cli_json_add_number (JsonBuilder *builder,
                          const char  *member,
                          double       value)
{
  json_builder_set_member_name (builder, member);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
alvh_cli_json_finish (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
alvh_cli_terminal_text (const char *text,
                        gboolean    multiline)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '\n' || c == '\t') && multiline)
        g_string_append_unichar (out, c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, c < 0x80 ? "\\x%02x" : "\\u%04x", c);  /* ESC, CR, BEL, CSI, ... */
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

void
alvh_cli_drop_end_of_options (int   *argc,
                              char **argv)
{
  for (int i = 1; i < *argc; i++)
    if (strcmp (argv[i], "--") == 0)
      {
        /* argv holds the strings GOption left: the array is ours to shift */
        memmove (&argv[i], &argv[i + 1], (gsize) (*argc - i) * sizeof (char *));
        (*argc)--;
        return;
      }
}

gboolean
alvh_cli_parse_options (const char          *parameter,
                        const char          *summary,
                        const GOptionEntry  *entries,
                        int                 *argc,
                        char              ***argv,
                        GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);

  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

gboolean
alvh_cli_parse_flags (const char          *command,
                      const char          *summary,
                      const GOptionEntry  *entries,
                      int                 *argc,
                      char              ***argv,
                      int                 *status)
{
  g_autoptr(GError) error = NULL;

  if (!alvh_cli_parse_options (NULL, summary, entries, argc, argv, &error))
    {
      *status = alvh_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  if (*argc > 1)
    {
      *status = alvh_cli_usage_error (command, "unexpected argument “%s”", (*argv)[1]);
      return FALSE;
    }
  return TRUE;
}

gboolean
alvh_cli_make_parent (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int saved;

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;
  saved = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               "cannot create the folder “%s” for “%s”: %s", dir, path, g_strerror (saved));
  return FALSE;
}

gboolean
alvh_cli_write_output (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  int saved;

  if (path != NULL)
    return alvh_cli_make_parent (path, error) &&
           g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  if (fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0)
    return TRUE;
  saved = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "cannot write to stdout: %s", g_strerror (saved));
  return FALSE;
}

gboolean
alvh_cli_scan_number (const char **text,
                      double      *out)
{
  char *end = NULL;
  double v;

  while (g_ascii_isspace (**text))
    (*text)++;
  v = g_ascii_strtod (*text, &end);
  if (end == *text || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean
alvh_cli_parse_number_flag (const char *command,
                            const char *flag,
                            const char *text,
                            double      min,
                            double      max,
                            const char *unit,
                            double     *out,
                            int        *status)
{
  double v;

  if (text == NULL)
    return TRUE;
  if (!alvh_cli_scan_number (&text, &v) || v < min || v > max)
    {
      char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lo, sizeof lo, "%g", min);
      g_ascii_formatd (hi, sizeof hi, "%g", max);
      *status = alvh_cli_usage_error (command, "%s “%s”: expected %s from %s to %s",
                                      flag, text, unit, lo, hi);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
alvh_cli_check_int_flag (const char *command,
                         const char *flag,
                         gint64      value,
                         gint64      min,
                         gint64      max,
                         const char *unit,
                         int        *status)
{
  if (value >= min && value <= max)
    return TRUE;
  if (max == G_MAXINT64)
    *status = alvh_cli_usage_error (command, "%s “%" G_GINT64_FORMAT "”: expected %s, %" G_GINT64_FORMAT " or more",
                                    flag, value, unit, min);
  else
    *status = alvh_cli_usage_error (command, "%s “%" G_GINT64_FORMAT "”: expected %s from %" G_GINT64_FORMAT
                                    " to %" G_GINT64_FORMAT, flag, value, unit, min, max);
  return FALSE;
}

int
alvh_cli_dispatch (const char               *command,
                   int                       argc,
                   char                    **argv,
                   const AlvhCliSubcommand  *subs,
                   guint                     n_subs,
                   void                    (*print_usage) (FILE *out))
{
  g_autofree const char **words = g_new0 (const char *, n_subs + 1);
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < n_subs; i++)
    words[i] = subs[i].name;
  /* `alvh journal --db F list` reads as `alvh journal list --db F` */
  alvh_cli_hoist_word (argc, argv, words);
  if (argc < 2)
    {
      print_usage (stderr);
      return ALVH_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return ALVH_EXIT_OK;
    }
  for (guint i = 0; i < n_subs; i++)
    if (strcmp (argv[1], subs[i].name) == 0)
      return subs[i].func (argc - 1, argv + 1);
  for (guint i = 0; i < n_subs; i++)
    g_string_append_printf (expected, "%s%s", i == 0 ? "" : i + 1 == n_subs ? " or " : ", ", subs[i].name);
  return alvh_cli_usage_error (command, "unknown subcommand “%s” (expected %s)", argv[1], expected->str);
}

/* DATETIME: YYYY-MM-DD[( |T)HH:MM[:SS]] in New York, or ISO 8601 with a zone;
 * a date alone is 16:00 (a fill) or the end of the day (end_of_day). */
gboolean
alvh_cli_parse_datetime (const char *text,
                         gboolean    end_of_day,
                         gint64     *out)
{
  int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
  gint64 date;

  if (text == NULL)
    return FALSE;
  if (strlen (text) == 10)
    {
      if (!alvh_cli_parse_date (text, &date))
        return FALSE;
      *out = end_of_day ? alvh_time_from_ny_day (alvh_time_ny_day (date) + 1) - 1
                        : date + 16 * 3600;
      if (!end_of_day)
        {
          alvh_time_to_ny_date (date, &y, &mo, &d);
          *out = alvh_time_from_ny_local (y, mo, d, 16, 0, 0);
        }
      return TRUE;
    }
  if (sscanf (text, "%4d-%2d-%2d%*1[ T]%2d:%2d%n:%2d%n", &y, &mo, &d, &h, &mi, &n, &sec, &n) >= 5 &&
      text[n] == '\0')
    {
      g_autofree char *day = g_strndup (text, 10);

      if (!alvh_cli_parse_date (day, &date) || h > 23 || mi > 59 || sec > 59)
        return FALSE;
      *out = alvh_time_from_ny_local (y, mo, d, h, mi, sec);
      return TRUE;
    }
  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

    if (dt == NULL)
      return FALSE;
    *out = g_date_time_to_unix (dt);
    return TRUE;
  }
}

char *
alvh_cli_format_datetime (gint64 t)
{
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = NULL;

  if (ny == NULL || dt == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, t);
  local = g_date_time_to_timezone (dt, ny);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* The ledger of an account marked on the market database (at cost, with a
 * note, when it holds no SPX and VIX history). */
AlvhLedger *
alvh_cli_load_ledger (AlvhJournalStore  *store,
                      gint64             account_id,
                      const char        *market_db,
                      GError           **error)
{
  g_autofree char *path = market_db != NULL ? g_strdup (market_db) : alvh_cli_market_db_path ();
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autoptr(AlvhMarketStore) market = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(GError) local = NULL;

  /* the spec's market constants, as every screen values the book */
  ledger = alvh_journal_store_load_ledger (store, account_id, NULL, error);
  if (ledger == NULL)
    return NULL;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "alvh: no market database at %s: positions are at cost and nothing settles\n", path);
      return g_steal_pointer (&ledger);
    }
  market = alvh_market_store_open_mode (path, ALVH_STORE_READ, error);
  if (market == NULL)
    return NULL;
  frame = alvh_stored_load_frame (market, 0, 0, &local);
  if (frame == NULL)
    {
      fprintf (stderr, "alvh: %s: positions are at cost and nothing settles\n", local->message);
      return g_steal_pointer (&ledger);
    }
  vix = alvh_market_store_load_series (market, "VIX", G_MININT64, G_MAXINT64, error);
  if (vix == NULL)
    return NULL;
  alvh_ledger_set_market (ledger, frame, vix);
  return g_steal_pointer (&ledger);
}
