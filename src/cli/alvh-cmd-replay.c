/* alvh-cmd-replay.c — `alvh replay`: the section 5 backtest on CSV files */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-core.h"
#include "alvh-cmd-replay-research.h"

/* The research options: --compare, --sweep, --walk-forward, --attribution */
typedef struct
{
  char      **compare;
  char      **sweep;
  char       *walk_forward;
  char       *objective;
  gboolean    attribution;
  char       *attribution_journal;
} ResearchOptions;

static void
research_options_clear (ResearchOptions *o)
{
  g_clear_pointer (&o->compare, g_strfreev);
  g_clear_pointer (&o->sweep, g_strfreev);
  g_clear_pointer (&o->walk_forward, g_free);
  g_clear_pointer (&o->objective, g_free);
  g_clear_pointer (&o->attribution_journal, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ResearchOptions, research_options_clear)

/* --compare A B C: the words after the options are more profiles */
static gboolean
append_compare_args (ResearchOptions *o,
                     int              argc,
                     char           **argv)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  if (argc <= 1)
    return TRUE;
  if (o->compare == NULL)
    return FALSE;
  g_strv_builder_addv (b, (const char **) o->compare);
  for (int k = 1; k < argc; k++)
    g_strv_builder_add (b, argv[k]);
  g_strfreev (o->compare);
  o->compare = g_strv_builder_end (b);
  return TRUE;
}

/* Which research modes go together; the usage error, or NULL. */
static const char *
research_conflict (const ResearchOptions *o,
                   gboolean               has_profile,
                   gboolean               has_journal)
{
  if (o->compare != NULL && (o->sweep != NULL || o->attribution || o->attribution_journal != NULL))
    return "--compare goes alone: not with --sweep or --attribution";
  if (o->compare != NULL && has_profile)
    return "--compare names every profile (“default” for the spec's values): drop --profile";
  if (o->compare != NULL && g_strv_length (o->compare) > ALVH_REPLAY_MAX_COMPARE)
    return "--compare: at most four profiles";
  if (o->walk_forward != NULL && o->sweep == NULL)
    return "--walk-forward needs --sweep KEY=FROM:TO:STEP (the combinations to choose from)";
  if (o->objective != NULL && o->walk_forward == NULL)
    return "--objective needs --walk-forward";
  if (o->sweep != NULL && o->attribution)
    return "--attribution is of one replay: not with --sweep";
  if ((o->compare != NULL || o->sweep != NULL || o->attribution_journal != NULL) && has_journal)
    return "--journal records one replay: not with --compare, --sweep or --attribution-journal";
  return NULL;
}

typedef enum
{
  FORMAT_JSONL,
  FORMAT_SUMMARY,
  FORMAT_JSON,
} OutputFormat;

typedef struct
{
  GString *line;
  FILE    *out;
} BarPrinter;

static gboolean
print_bar_cb (gsize               index,
              const AlvhDecision *decision,
              AlvhBook           *book,
              gpointer            user_data)
{
  BarPrinter *printer = user_data;

  (void) index;
  (void) book;
  g_string_truncate (printer->line, 0);
  alvh_decision_append_json (decision, printer->line, TRUE);
  g_string_append_c (printer->line, '\n');
  fwrite (printer->line->str, 1, printer->line->len, printer->out);
  return TRUE;
}

/* The --format summary or json output (jsonl was printed bar by bar). */
static gboolean
print_result (AlvhReplayResult  *result,
              OutputFormat       format,
              GError           **error)
{
  if (format == FORMAT_SUMMARY)
    {
      g_autofree char *summary = alvh_replay_result_dup_summary (result);
      fputs (summary, stdout);
    }
  else if (format == FORMAT_JSON)
    {
      g_autofree char *json = alvh_replay_result_to_json (result);
      printf ("%s\n", json);
    }
  if (fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write the output");
      return FALSE;
    }
  return TRUE;
}

/* --journal: records the run under a new account and says so on stderr
 * (stdout keeps the --format output). */
static int
record_in_journal (AlvhReplayResult *result,
                   const char       *journal_path,
                   const char       *account_text,
                   AlvhProfile      *profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhReplayRecord) rec = NULL;
  gint64 t0 = g_get_monotonic_time ();

  store = alvh_cli_open_journal ("replay", journal_path, ALVH_STORE_CREATE, &error);
  if (store == NULL)
    return alvh_cli_fail ("replay", error);
  rec = alvh_replay_result_record (result, store, account_text, profile, &error);
  if (rec == NULL)
    return alvh_cli_fail ("replay", error);
  fprintf (stderr, _("Recorded in %s as account “%s” (id %" PRId64 ", profile %s v%d) in %.2f s:\n"),
           journal_path, rec->account_name, rec->account_id,
           rec->profile_name != NULL ? rec->profile_name : "?", rec->profile_version,
           (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC);
  fprintf (stderr, _("  %u condors (%u closed), %u legs, %u decisions (%u ADD, %u BLOCKED, %u HOLD with a fired signal),\n"
                     "  %u signal snapshots, %u leg-signal links, %u journal entries\n"),
           rec->n_condors, rec->n_closed_condors, rec->n_legs, rec->n_decisions,
           rec->n_adds, rec->n_blocked, rec->n_holds, rec->n_snapshots, rec->n_links, rec->n_entries);
  return ALVH_EXIT_OK;
}

/* Every option of `alvh replay`, parsed and checked. */
typedef struct
{
  char             *spx_path;
  char             *vix_path;
  char             *vx_path;
  char             *vvix_path;
  char             *vix3m_path;
  char             *breadth_path;
  char             *events_path;
  char             *profile_path;
  char             *from_text;
  char             *to_text;
  char             *format_text;
  char             *journal_path;
  char             *account_text;
  ResearchOptions   research;
  gint64            from;
  gint64            to;
  OutputFormat      format;
} ReplayOptions;

static void
replay_options_clear (ReplayOptions *o)
{
  char **paths[] = { &o->spx_path, &o->vix_path, &o->vx_path, &o->vvix_path, &o->vix3m_path, &o->breadth_path,
                     &o->events_path, &o->profile_path, &o->from_text, &o->to_text, &o->format_text,
                     &o->journal_path, &o->account_text };

  for (guint k = 0; k < G_N_ELEMENTS (paths); k++)
    g_clear_pointer (paths[k], g_free);
  research_options_clear (&o->research);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReplayOptions, replay_options_clear)

static gboolean
is_research (const ResearchOptions *r)
{
  return r->compare != NULL || r->sweep != NULL || r->attribution || r->attribution_journal != NULL;
}

/* The checks after parsing: ALVH_EXIT_OK or the usage error's exit code. */
static int
check_options (ReplayOptions *o)
{
  const char *conflict = research_conflict (&o->research, o->profile_path != NULL, o->journal_path != NULL);

  if (conflict != NULL)
    return alvh_cli_usage_error ("replay", "%s", conflict);
  if (o->spx_path == NULL || o->vix_path == NULL)
    return alvh_cli_usage_error ("replay", "--spx FILE and --vix FILE are required");
  if (o->from_text != NULL && !alvh_cli_parse_date (o->from_text, &o->from))
    return alvh_cli_usage_error ("replay", "--from: expected a date such as 2020-01-31, found “%s”", o->from_text);
  if (o->to_text != NULL && !alvh_cli_parse_date (o->to_text, &o->to))
    return alvh_cli_usage_error ("replay", "--to: expected a date such as 2020-12-31, found “%s”", o->to_text);
  if (o->from > o->to)
    return alvh_cli_usage_error ("replay", "--from %s is after --to %s", o->from_text, o->to_text);
  if (o->account_text != NULL && o->journal_path == NULL)
    return alvh_cli_usage_error ("replay", "--account NAME needs --journal FILE");
  if (o->account_text != NULL && *g_strstrip (o->account_text) == '\0')
    return alvh_cli_usage_error ("replay", "--account: expected a non-empty name");
  if (is_research (&o->research))
    o->format = FORMAT_SUMMARY;   /* each mode checks its own --format */
  else if (o->format_text == NULL || strcmp (o->format_text, "jsonl") == 0)
    o->format = FORMAT_JSONL;
  else if (strcmp (o->format_text, "summary") == 0)
    o->format = FORMAT_SUMMARY;
  else if (strcmp (o->format_text, "json") == 0)
    o->format = FORMAT_JSON;
  else
    return alvh_cli_usage_error ("replay", "--format: expected jsonl, summary or json, found “%s”", o->format_text);
  return ALVH_EXIT_OK;
}

static int
parse_options (ReplayOptions  *o,
               int            *argc,
               char         ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *summary = _("Replay the ALVH rules over history: each bar close a due condor, open one when none is open, evaluate the signals and the tree, and book what they decide.");
  GOptionEntry entries[] = {
    { "spx", 0, 0, G_OPTION_ARG_FILENAME, &o->spx_path, N_("SPX daily bars (CSV, required)"), N_("FILE") },
    { "vix", 0, 0, G_OPTION_ARG_FILENAME, &o->vix_path, N_("VIX daily bars (CSV, required)"), N_("FILE") },
    { "vx", 0, 0, G_OPTION_ARG_FILENAME, &o->vx_path, N_("VIX futures settles by term, VX1 to VX8 (CSV)"), N_("FILE") },
    { "vvix", 0, 0, G_OPTION_ARG_FILENAME, &o->vvix_path, N_("VVIX closes (CSV)"), N_("FILE") },
    { "vix3m", 0, 0, G_OPTION_ARG_FILENAME, &o->vix3m_path, N_("VIX3M closes (CSV): term_inversion uses VIX/VIX3M where no VX1 is known"), N_("FILE") },
    { "breadth", 0, 0, G_OPTION_ARG_FILENAME, &o->breadth_path, N_("NYSE advancers/decliners (CSV)"), N_("FILE") },
    { "events", 0, 0, G_OPTION_ARG_FILENAME, &o->events_path, N_("Macro events: date,kind,shift,note (CSV)"), N_("FILE") },
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, &o->profile_path, N_("Rule profile (key file); default: the spec's values"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o->from_text, N_("First date booked and reported (YYYY-MM-DD); the history before it still warms up the indicators"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o->to_text, N_("Last date (YYYY-MM-DD)"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o->format_text, N_("Output: jsonl (one decision per bar, default), summary or json"), N_("FORMAT") },
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &o->journal_path, N_("Also record the run (condors, legs, decisions, signals) in this journal database, under a new account"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &o->account_text, N_("Name of the journal account (default: “replay PROFILE vN FROM..TO”)"), N_("NAME") },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->research.compare, N_("Compare up to four profiles (key files, or “default”) on the same bars; more may follow as arguments. Formats: summary (default), json, jsonl, csv"), N_("PROFILE") },
    { "sweep", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->research.sweep, N_("Replay every value of a profile key, e.g. wing_sd=0.4:0.9:0.05 (up to twice for a grid), on every core: one row per combination. Formats: csv (default), jsonl"), N_("KEY=FROM:TO:STEP") },
    { "walk-forward", 0, 0, G_OPTION_ARG_STRING, &o->research.walk_forward, N_("With --sweep: choose the best combination on each training window and replay it on the next test window, out of sample. Formats: summary (default), json"), N_("TRAIN_YEARS:TEST_YEARS") },
    { "objective", 0, 0, G_OPTION_ARG_STRING, &o->research.objective, N_("What --walk-forward maximises: pnl_per_drawdown (default: hedged P&L / max drawdown), pnl, drawdown (the smallest) or cost (hedged minus unhedged P&L)"), N_("NAME") },
    { "attribution", 0, 0, G_OPTION_ARG_NONE, &o->research.attribution, N_("Instead of the replay's output: per trigger and combination of triggers, the hedges added, their cost, P&L, what they returned on losing condors and in each condor's worst stretch (peak to trough of its marked P&L), and the hit rate, with 95 % intervals. Formats: summary (default), json"), NULL },
    { "attribution-journal", 0, 0, G_OPTION_ARG_FILENAME, &o->research.attribution_journal, N_("The same attribution over the legs of a journal, marked on the --spx and --vix bars (no replay is run)"), N_("FILE") },
    { NULL }
  };

  o->from = G_MININT64;
  o->to = G_MAXINT64;
  if (!alvh_cli_parse_options (NULL, summary, entries, argc, argv, &error))
    return alvh_cli_usage_error ("replay", "%s", error->message);
  if (!append_compare_args (&o->research, *argc, *argv))
    return alvh_cli_usage_error ("replay", "unexpected argument “%s”", (*argv)[1]);
  return check_options (o);
}

/* --compare, --sweep, --attribution-journal (no single replay), or --attribution */
static int
run_research (ReplayOptions   *o,
              AlvhMarketFrame *frame,
              GPtrArray       *events,
              AlvhProfile     *profile)
{
  AlvhReplayResearch r = { frame, events, profile, o->from, o->to, o->format_text };
  g_autoptr(AlvhEvaluator) evaluator = NULL;
  g_autoptr(AlvhReplayResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AlvhReplayOptions options;

  if (o->research.compare != NULL)
    return alvh_replay_research_compare (&r, o->research.compare);
  if (o->research.sweep != NULL)
    return alvh_replay_research_sweep (&r, o->research.sweep, o->research.walk_forward, o->research.objective);
  if (o->research.attribution_journal != NULL)
    return alvh_replay_research_journal_attribution (&r, o->research.attribution_journal);
  evaluator = alvh_evaluator_new (frame, profile, events);
  alvh_replay_options_init (&options);
  options.from = o->from;
  options.to = o->to;
  options.flags = ALVH_REPLAY_KEEP_DECISIONS;
  result = alvh_replay_run (evaluator, &options, NULL, &error);
  if (result == NULL)
    return alvh_cli_fail ("replay", error);
  return alvh_replay_research_attribution (&r, result, evaluator);
}

int
alvh_cmd_replay (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhEvaluator) evaluator = NULL;
  g_autoptr(AlvhReplayResult) result = NULL;
  g_auto(ReplayOptions) o = { 0 };
  BarPrinter printer = { NULL, stdout };
  AlvhReplayOptions options;
  int rc = parse_options (&o, &argc, &argv);

  if (rc != ALVH_EXIT_OK)
    return rc;
  if (o.profile_path != NULL)
    {
      profile = alvh_profile_new_from_file (o.profile_path, &error);
      if (profile == NULL)
        return alvh_cli_fail ("replay", error);
    }
  else
    profile = alvh_profile_new ();

  frame = alvh_cli_load_frame (o.spx_path, o.vix_path, o.vx_path, o.vvix_path, o.vix3m_path, o.breadth_path,
                               o.events_path, &events, &error);
  if (frame == NULL)
    return alvh_cli_fail ("replay", error);
  if (is_research (&o.research))
    return run_research (&o, frame, events, profile);

  evaluator = alvh_evaluator_new (frame, profile, events);
  if (o.format == FORMAT_JSONL)
    printer.line = g_string_sized_new (2048);
  alvh_replay_options_init (&options);
  options.from = o.from;
  options.to = o.to;
  options.flags = o.journal_path != NULL ? ALVH_REPLAY_KEEP_DECISIONS : ALVH_REPLAY_FLAGS_NONE;
  options.bar_func = o.format == FORMAT_JSONL ? print_bar_cb : NULL;
  options.bar_data = &printer;
  result = alvh_replay_run (evaluator, &options, NULL, &error);
  if (printer.line != NULL)
    g_string_free (printer.line, TRUE);
  if (result == NULL)
    return alvh_cli_fail ("replay", error);

  if (!print_result (result, o.format, &error))
    return alvh_cli_fail ("replay", error);
  if (o.journal_path != NULL)
    return record_in_journal (result, o.journal_path, o.account_text, profile);
  return ALVH_EXIT_OK;
}
