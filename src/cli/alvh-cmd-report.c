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
#include "alvh-stored-eval.h"
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
  AlvhReplayOptions options;

  profile = profile_path != NULL ? alvh_profile_new_from_file (profile_path, error) : alvh_profile_new ();
  if (profile == NULL)
    return NULL;
  frame = alvh_cli_load_frame (spx_path, vix_path, vx_path, vvix_path, NULL, breadth_path, events_path,
                               &events, error);
  if (frame == NULL)
    return NULL;
  evaluator = alvh_evaluator_new (frame, profile, events);
  /* the history before from warms the indicators up (ALVH-SPEC.md section 5) */
  alvh_replay_options_init (&options);
  options.from = from;
  options.to = to;
  result = alvh_replay_run (evaluator, &options, NULL, error);
  if (result == NULL)
    return NULL;
  return alvh_report_new_from_replay (result, profile);
}

/* The flags of `alvh report`, parsed. */
typedef struct
{
  char             *db_path, *market_path, *account;
  char             *from_text, *to_text, *preset_text, *now_text;
  char             *out_path, *format_text, *paper_text, *title;
  char             *spx_path, *vix_path, *vx_path, *vvix_path;
  char             *breadth_path, *events_path, *profile_path;
  gboolean          replay;
  AlvhReportPreset  preset;
  AlvhReportFormat  format;
  AlvhReportPaper   paper;
  gint64            from, to, now;
  AlvhJournalMarket *market;    /* the stored frame, for the ledger's marks */
} ReportArgs;

static void
report_args_clear (ReportArgs *a)
{
  char **strings[] = {
    &a->db_path, &a->market_path, &a->account, &a->from_text, &a->to_text, &a->preset_text,
    &a->now_text, &a->out_path, &a->format_text, &a->paper_text, &a->title, &a->spx_path,
    &a->vix_path, &a->vx_path, &a->vvix_path, &a->breadth_path, &a->events_path, &a->profile_path,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&a->market, alvh_journal_market_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportArgs, report_args_clear)

/* The flags that take a date or a name; FALSE with *status set on a usage error. */
static gboolean
check_values (ReportArgs *a,
              int        *status)
{
  if (a->format_text != NULL)
    {
      if (!alvh_report_format_from_string (a->format_text, &a->format))
        return (*status = alvh_cli_usage_error ("report", "--format: expected pdf, html or csv, found “%s”", a->format_text), FALSE);
    }
  else if (!alvh_report_format_from_path (a->out_path, &a->format))
    return (*status = alvh_cli_usage_error ("report", "--out: expected a name ending in .pdf, .html or .csv, or a folder, found “%s”", a->out_path), FALSE);
  if (a->paper_text != NULL && !alvh_report_paper_from_string (a->paper_text, &a->paper))
    return (*status = alvh_cli_usage_error ("report", "--paper: expected a4 or letter, found “%s”", a->paper_text), FALSE);
  if (a->from_text != NULL && !alvh_cli_parse_date (a->from_text, &a->from))
    return (*status = alvh_cli_usage_error ("report", "--from: expected a date such as 2026-11-16, found “%s”", a->from_text), FALSE);
  if (a->to_text != NULL && !alvh_cli_parse_date (a->to_text, &a->to))
    return (*status = alvh_cli_usage_error ("report", "--to: expected a date such as 2026-11-20, found “%s”", a->to_text), FALSE);
  if (a->now_text != NULL && !alvh_cli_parse_date (a->now_text, &a->now))
    return (*status = alvh_cli_usage_error ("report", "--now: expected a date such as 2026-11-25, found “%s”", a->now_text), FALSE);
  if (a->preset_text != NULL && (!alvh_report_preset_from_string (a->preset_text, &a->preset) ||
                                 a->preset == ALVH_REPORT_PRESET_CUSTOM))
    return (*status = alvh_cli_usage_error ("report", "--preset: expected weekly or monthly, found “%s”", a->preset_text), FALSE);
  return TRUE;
}

static gboolean
parse_args (ReportArgs  *a,
            int          argc,
            char       **argv,
            int         *status)
{
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &a->db_path, N_("The journal database (default: the app's alvh.sqlite)"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &a->account, N_("Account name (default: all accounts)"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &a->from_text, N_("First day (YYYY-MM-DD, New York)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &a->to_text, N_("Last day, included (YYYY-MM-DD)"), N_("DATE") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &a->preset_text, N_("weekly (last full Mon–Fri week) or monthly (last full month)"), N_("PRESET") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &a->now_text, N_("Date the preset counts back from (default: today)"), N_("DATE") },
    { "market", 0, 0, G_OPTION_ARG_FILENAME, &a->market_path, N_("Market database for the charts (default: the app's market.sqlite when present)"), N_("FILE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &a->out_path, N_("Output: FILE.pdf, FILE.html, FILE.csv or a folder (CSV)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &a->format_text, N_("pdf, html or csv (default: from the file name)"), N_("FORMAT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &a->paper_text, N_("PDF paper: a4 or letter (default: from the locale)"), N_("PAPER") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &a->title, N_("Report title"), N_("TEXT") },
    { "replay", 0, 0, G_OPTION_ARG_NONE, &a->replay, N_("Report a replay of the rules over CSV files instead of the journal"), NULL },
    { "spx", 0, 0, G_OPTION_ARG_FILENAME, &a->spx_path, N_("Replay: SPX daily bars (CSV)"), N_("FILE") },
    { "vix", 0, 0, G_OPTION_ARG_FILENAME, &a->vix_path, N_("Replay: VIX daily bars (CSV)"), N_("FILE") },
    { "vx", 0, 0, G_OPTION_ARG_FILENAME, &a->vx_path, N_("Replay: VX1/VX2 settles (CSV)"), N_("FILE") },
    { "vvix", 0, 0, G_OPTION_ARG_FILENAME, &a->vvix_path, N_("Replay: VVIX closes (CSV)"), N_("FILE") },
    { "breadth", 0, 0, G_OPTION_ARG_FILENAME, &a->breadth_path, N_("Replay: NYSE advancers/decliners (CSV)"), N_("FILE") },
    { "events", 0, 0, G_OPTION_ARG_FILENAME, &a->events_path, N_("Replay: macro events (CSV)"), N_("FILE") },
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, &a->profile_path, N_("Replay: rule profile (key file)"), N_("FILE") },
    { NULL }
  };

  if (!alvh_cli_parse_flags ("report",
                             _("Write a review report of the journal (decisions with their signals, notes, statistics, the rule profile) "
                               "or of a replay, as PDF, standalone HTML or CSV files."),
                             entries, &argc, &argv, status))
    return FALSE;
  if (a->out_path == NULL)
    return (*status = alvh_cli_usage_error ("report", "--out FILE is required"), FALSE);
  return check_values (a, status);
}

static AlvhReport *
report_of_replay (ReportArgs *a,
                  int        *status)
{
  g_autoptr(GError) error = NULL;
  AlvhReport *report;

  if (a->spx_path == NULL || a->vix_path == NULL)
    return (*status = alvh_cli_usage_error ("report", "--replay needs --spx FILE and --vix FILE"), NULL);
  if (a->preset_text != NULL || a->db_path != NULL || a->account != NULL)
    return (*status = alvh_cli_usage_error ("report", "--replay takes no --preset, --db or --account"), NULL);
  if (a->from_text != NULL && a->to_text != NULL && a->from > a->to)
    return (*status = alvh_cli_usage_error ("report", "--from %s is after --to %s", a->from_text, a->to_text), NULL);
  report = replay_report (a->spx_path, a->vix_path, a->vx_path, a->vvix_path, a->breadth_path,
                          a->events_path, a->profile_path,
                          a->from_text != NULL ? a->from : G_MININT64,
                          a->to_text != NULL ? a->to : G_MAXINT64, &error);
  if (report == NULL)
    *status = alvh_cli_fail ("report", error);
  return report;
}

/* SPX and VIX for the charts from the market database: optional unless
 * --market was given.  FALSE with *status set on a failure. */
static gboolean
load_chart_series (ReportArgs  *a,
                   AlvhSeries **spx,
                   AlvhSeries **vix,
                   int         *status)
{
  g_autoptr(AlvhMarketStore) market = NULL;
  g_autoptr(GError) merr = NULL;
  gboolean explicit_market = a->market_path != NULL;

  if (a->market_path == NULL)
    a->market_path = alvh_cli_market_db_path ();
  if (!explicit_market && !g_file_test (a->market_path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if (explicit_market && !g_file_test (a->market_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                              _("%s: no market database there"), a->market_path);

      return (*status = alvh_cli_fail ("report", error), FALSE);
    }
  market = alvh_market_store_open_mode (a->market_path, ALVH_STORE_READ, &merr);
  if (market != NULL)
    {
      gint64 from = a->from - 400 * ALVH_SECONDS_PER_DAY;
      gint64 to = a->to + 2 * ALVH_SECONDS_PER_DAY;

      *spx = alvh_market_store_load_series (market, "SPX", from, to, &merr);
      if (*spx != NULL)
        *vix = alvh_market_store_load_series (market, "VIX", from, to, &merr);
      /* the ledger marks on the stored frame (VX, VVIX): the same bars as alvh book list */
      if (*vix != NULL)
        {
          g_autoptr(GError) ferr = NULL;
          g_autoptr(AlvhMarketFrame) frame = alvh_stored_load_frame (market, from, to, &ferr);

          /* a period without SPX or VIX bars only has no marks; a store
           * that cannot be read is said */
          if (frame != NULL)
            a->market = alvh_journal_market_new_from_frame (frame, *vix);
          else if (!g_error_matches (ferr, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            merr = g_steal_pointer (&ferr);
        }
    }
  if (merr != NULL)
    {
      if (explicit_market)
        return (*status = alvh_cli_fail ("report", merr), FALSE);
      g_printerr ("alvh report: %s (the report has no charts)\n", merr->message);
      g_clear_pointer (spx, alvh_series_unref);
    }
  return TRUE;
}

static AlvhReport *
report_of_journal (ReportArgs *a,
                   int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhSeries) spx = NULL;
  g_autoptr(AlvhSeries) vix = NULL;
  AlvhReport *report;

  if (a->spx_path != NULL || a->vix_path != NULL || a->vx_path != NULL || a->vvix_path != NULL ||
      a->breadth_path != NULL || a->events_path != NULL || a->profile_path != NULL)
    return (*status = alvh_cli_usage_error ("report", "--spx, --vix, --vx, --vvix, --breadth, --events and --profile go with --replay"), NULL);
  if (a->preset_text != NULL && (a->from_text != NULL || a->to_text != NULL))
    return (*status = alvh_cli_usage_error ("report", "give either --preset or --from and --to, not both"), NULL);
  if (a->preset_text == NULL && (a->from_text == NULL || a->to_text == NULL))
    return (*status = alvh_cli_usage_error ("report", "give --from DATE --to DATE or --preset weekly|monthly"), NULL);
  if (a->preset_text != NULL && !alvh_report_preset_period (a->preset, a->now, &a->from, &a->to, &error))
    return (*status = alvh_cli_usage_error ("report", "%s", error->message), NULL);
  if (a->from > a->to)
    return (*status = alvh_cli_usage_error ("report", "--from %s is after --to %s", a->from_text, a->to_text), NULL);

  if (a->db_path == NULL)
    a->db_path = alvh_cli_default_db ();
  if (!g_file_test (a->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: no journal database there (give one with --db FILE)"), a->db_path);
      return (*status = alvh_cli_fail ("report", error), NULL);
    }
  store = alvh_journal_store_open_mode (a->db_path, ALVH_STORE_READ, &error);
  if (store == NULL)
    return (*status = alvh_cli_fail ("report", error), NULL);
  if (!load_chart_series (a, &spx, &vix, status))
    return NULL;
  /* every query of the report reads one snapshot of the journal */
  if (!alvh_journal_store_begin_read (store, &error))
    return (*status = alvh_cli_fail ("report", error), NULL);
  if (a->market != NULL)
    report = alvh_report_new_for_account_name_market (store, a->account, a->from, a->to, a->market, NULL, &error);
  else
    report = alvh_report_new_for_account_name (store, a->account, a->from, a->to, spx, vix, NULL, &error);
  if (report == NULL)
    {
      GError *ignored = NULL;

      alvh_journal_store_end_batch (store, FALSE, &ignored);
      g_clear_error (&ignored);
      *status = alvh_cli_fail ("report", error);
      return NULL;
    }
  if (!alvh_journal_store_end_batch (store, TRUE, &error))
    {
      *status = alvh_cli_fail ("report", error);
      g_clear_pointer (&report, alvh_report_unref);
    }
  return report;
}

/* Creates the folders --out needs: "csvout/" (a CSV folder, named with a
 * trailing separator) itself, otherwise the folder above the file. */
static gboolean
make_out_folder (ReportArgs  *a,
                 GError     **error)
{
  if (a->format == ALVH_REPORT_FORMAT_CSV && g_str_has_suffix (a->out_path, G_DIR_SEPARATOR_S))
    {
      g_autofree char *inside = g_build_filename (a->out_path, "summary.csv", NULL);

      return alvh_cli_make_parent (inside, error);
    }
  return alvh_cli_make_parent (a->out_path, error);
}

int
alvh_cmd_report (int    argc,
                 char **argv)
{
  g_auto(ReportArgs) a = { .preset = ALVH_REPORT_PRESET_CUSTOM };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(AlvhReport) report = NULL;
  int status = ALVH_EXIT_OK;

  a.paper = alvh_report_paper_default ();
  a.now = g_get_real_time () / G_USEC_PER_SEC;
  if (!parse_args (&a, argc, argv, &status))
    return status;
  report = a.replay ? report_of_replay (&a, &status) : report_of_journal (&a, &status);
  if (report == NULL)
    return status;

  if (a.title != NULL)
    alvh_report_set_title (report, a.title);
  if (!make_out_folder (&a, &error) ||
      !alvh_report_write (report, a.out_path, a.format, a.paper, &files, &error))
    return alvh_cli_fail ("report", error);
  for (guint i = 0; files[i] != NULL; i++)
    printf ("%s\n", files[i]);
  return ALVH_EXIT_OK;
}
