/* alvh-cmd-report.c — `alvh report`: PDF, HTML or CSV reports of the journal or of a replay */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-core.h"
#include "alvh-journal-store.h"
#include "alvh-market-store.h"
#include "alvh-replay.h"
#include "alvh-report.h"
#include "alvh-report-render.h"

static AlvhReport *
replay_report (const char  *spx_path,
               const char  *vix_path,
               const char  *vx_path,
               const char  *vvix_path,
               const char  *breadth_path,
               const char  *events_path,
               const char  *profile_path,
               gint64       from,
               gint64       to,
               GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhEvaluator) evaluator = NULL;
  g_autoptr(AlvhReplayResult) result = NULL;

  profile = profile_path != NULL ? alvh_profile_new_from_file (profile_path, error) : alvh_profile_new ();
  if (profile == NULL)
    return NULL;
  frame = alvh_cli_load_frame (spx_path, vix_path, vx_path, vvix_path, breadth_path, events_path,
                               from, to, &events, error);
  if (frame == NULL)
    return NULL;
  evaluator = alvh_evaluator_new (frame, profile, events);
  result = alvh_replay_run (evaluator, NULL, NULL, NULL, NULL, NULL, error);
  if (result == NULL)
    return NULL;
  return alvh_report_new_from_replay (result, profile);
}

int
alvh_cmd_report (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *market_path = NULL;
  g_autofree char *account = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *preset_text = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *spx_path = NULL;
  g_autofree char *vix_path = NULL;
  g_autofree char *vx_path = NULL;
  g_autofree char *vvix_path = NULL;
  g_autofree char *breadth_path = NULL;
  g_autofree char *events_path = NULL;
  g_autofree char *profile_path = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(AlvhReport) report = NULL;
  gboolean replay = FALSE;
  AlvhReportPreset preset = ALVH_REPORT_PRESET_CUSTOM;
  AlvhReportFormat format;
  AlvhReportPaper paper = alvh_report_paper_default ();
  gint64 from = 0, to = 0, now = g_get_real_time () / G_USEC_PER_SEC;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The journal database (default: the app's alvh.sqlite)"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account, N_("Account name (default: all accounts)"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day (YYYY-MM-DD, New York)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day, included (YYYY-MM-DD)"), N_("DATE") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset_text, N_("weekly (last full Mon–Fri week) or monthly (last full month)"), N_("PRESET") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, N_("Date the preset counts back from (default: today)"), N_("DATE") },
    { "market", 0, 0, G_OPTION_ARG_FILENAME, &market_path, N_("Market database for the charts (default: the app's market.sqlite when present)"), N_("FILE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("Output: FILE.pdf, FILE.html, FILE.csv or a folder (CSV)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("pdf, html or csv (default: from the file name)"), N_("FORMAT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text, N_("PDF paper: a4 or letter (default: from the locale)"), N_("PAPER") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Report title"), N_("TEXT") },
    { "replay", 0, 0, G_OPTION_ARG_NONE, &replay, N_("Report a replay of the rules over CSV files instead of the journal"), NULL },
    { "spx", 0, 0, G_OPTION_ARG_FILENAME, &spx_path, N_("Replay: SPX daily bars (CSV)"), N_("FILE") },
    { "vix", 0, 0, G_OPTION_ARG_FILENAME, &vix_path, N_("Replay: VIX daily bars (CSV)"), N_("FILE") },
    { "vx", 0, 0, G_OPTION_ARG_FILENAME, &vx_path, N_("Replay: VX1/VX2 settles (CSV)"), N_("FILE") },
    { "vvix", 0, 0, G_OPTION_ARG_FILENAME, &vvix_path, N_("Replay: VVIX closes (CSV)"), N_("FILE") },
    { "breadth", 0, 0, G_OPTION_ARG_FILENAME, &breadth_path, N_("Replay: NYSE advancers/decliners (CSV)"), N_("FILE") },
    { "events", 0, 0, G_OPTION_ARG_FILENAME, &events_path, N_("Replay: macro events (CSV)"), N_("FILE") },
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, &profile_path, N_("Replay: rule profile (key file)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    _("Write a review report of the journal (decisions with their signals, notes, statistics, the rule profile) "
      "or of a replay, as PDF, standalone HTML or CSV files."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return alvh_cli_usage_error ("report", "%s", error->message);
  if (argc > 1)
    return alvh_cli_usage_error ("report", "unexpected argument “%s”", argv[1]);
  if (out_path == NULL)
    return alvh_cli_usage_error ("report", "--out FILE is required");
  if (format_text != NULL)
    {
      if (!alvh_report_format_from_string (format_text, &format))
        return alvh_cli_usage_error ("report", "--format: expected pdf, html or csv, found “%s”", format_text);
    }
  else if (!alvh_report_format_from_path (out_path, &format))
    return alvh_cli_usage_error ("report", "--out: expected a name ending in .pdf, .html or .csv, or a folder, found “%s”", out_path);
  if (paper_text != NULL && !alvh_report_paper_from_string (paper_text, &paper))
    return alvh_cli_usage_error ("report", "--paper: expected a4 or letter, found “%s”", paper_text);
  if (from_text != NULL && !alvh_cli_parse_date (from_text, &from))
    return alvh_cli_usage_error ("report", "--from: expected a date such as 2026-11-16, found “%s”", from_text);
  if (to_text != NULL && !alvh_cli_parse_date (to_text, &to))
    return alvh_cli_usage_error ("report", "--to: expected a date such as 2026-11-20, found “%s”", to_text);
  if (now_text != NULL && !alvh_cli_parse_date (now_text, &now))
    return alvh_cli_usage_error ("report", "--now: expected a date such as 2026-11-25, found “%s”", now_text);
  if (preset_text != NULL && (!alvh_report_preset_from_string (preset_text, &preset) ||
                              preset == ALVH_REPORT_PRESET_CUSTOM))
    return alvh_cli_usage_error ("report", "--preset: expected weekly or monthly, found “%s”", preset_text);

  if (replay)
    {
      if (spx_path == NULL || vix_path == NULL)
        return alvh_cli_usage_error ("report", "--replay needs --spx FILE and --vix FILE");
      if (preset_text != NULL || db_path != NULL || account != NULL)
        return alvh_cli_usage_error ("report", "--replay takes no --preset, --db or --account");
      if (from_text != NULL && to_text != NULL && from > to)
        return alvh_cli_usage_error ("report", "--from %s is after --to %s", from_text, to_text);
      report = replay_report (spx_path, vix_path, vx_path, vvix_path, breadth_path, events_path, profile_path,
                              from_text != NULL ? from : G_MININT64, to_text != NULL ? to : G_MAXINT64, &error);
      if (report == NULL)
        return alvh_cli_fail ("report", error);
    }
  else
    {
      g_autoptr(AlvhJournalStore) store = NULL;
      g_autoptr(AlvhSeries) spx = NULL;
      g_autoptr(AlvhSeries) vix = NULL;

      if (spx_path != NULL || vix_path != NULL || vx_path != NULL || vvix_path != NULL ||
          breadth_path != NULL || events_path != NULL || profile_path != NULL)
        return alvh_cli_usage_error ("report", "--spx, --vix, --vx, --vvix, --breadth, --events and --profile go with --replay");
      if (preset_text != NULL && (from_text != NULL || to_text != NULL))
        return alvh_cli_usage_error ("report", "give either --preset or --from and --to, not both");
      if (preset_text == NULL && (from_text == NULL || to_text == NULL))
        return alvh_cli_usage_error ("report", "give --from DATE --to DATE or --preset weekly|monthly");
      if (preset_text != NULL && !alvh_report_preset_period (preset, now, &from, &to, &error))
        return alvh_cli_usage_error ("report", "%s", error->message);
      if (from > to)
        return alvh_cli_usage_error ("report", "--from %s is after --to %s", from_text, to_text);

      if (db_path == NULL)
        db_path = alvh_cli_default_db ();
      if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("%s: no journal database there (give one with --db FILE)"), db_path);
          return alvh_cli_fail ("report", error);
        }
      store = alvh_journal_store_open (db_path, &error);
      if (store == NULL)
        return alvh_cli_fail ("report", error);

      /* market data for the charts: optional unless --market was given */
      {
        gboolean explicit_market = market_path != NULL;

        if (market_path == NULL)
          market_path = alvh_cli_market_db_path ();
        if (explicit_market || g_file_test (market_path, G_FILE_TEST_IS_REGULAR))
          {
            g_autoptr(AlvhMarketStore) market = NULL;
            g_autoptr(GError) merr = NULL;

            if (explicit_market && !g_file_test (market_path, G_FILE_TEST_IS_REGULAR))
              {
                g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("%s: no market database there"), market_path);
                return alvh_cli_fail ("report", error);
              }
            market = alvh_market_store_open (market_path, &merr);
            if (market != NULL)
              {
                gint64 a = from - 400 * ALVH_SECONDS_PER_DAY;
                gint64 b = to + 2 * ALVH_SECONDS_PER_DAY;

                spx = alvh_market_store_load_series (market, "SPX", a, b, &merr);
                if (spx != NULL)
                  vix = alvh_market_store_load_series (market, "VIX", a, b, &merr);
              }
            if (merr != NULL)
              {
                if (explicit_market)
                  return alvh_cli_fail ("report", merr);
                g_printerr ("alvh report: %s (the report has no charts)\n", merr->message);
                g_clear_pointer (&spx, alvh_series_unref);
              }
          }
      }

      report = alvh_report_new_for_account_name (store, account, from, to, spx, vix, NULL, &error);
      if (report == NULL)
        return alvh_cli_fail ("report", error);
    }

  if (title != NULL)
    alvh_report_set_title (report, title);
  if (!alvh_report_write (report, out_path, format, paper, &files, &error))
    return alvh_cli_fail ("report", error);
  for (guint i = 0; files[i] != NULL; i++)
    printf ("%s\n", files[i]);
  return ALVH_EXIT_OK;
}
