/* alvh-cmd-replay-research.c — `alvh replay` --compare, --sweep, --walk-forward, --attribution */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-cmd-replay-research.h"

static gboolean
format_is (AlvhReplayResearch *r,
           const char         *name,
           gboolean            is_default)
{
  return r->format == NULL ? is_default : strcmp (r->format, name) == 0;
}

static int
check_format (AlvhReplayResearch *r,
              const char         *mode,
              const char *const  *allowed)
{
  if (r->format == NULL || g_strv_contains (allowed, r->format))
    return ALVH_EXIT_OK;
  {
    g_autofree char *list = g_strjoinv (", ", (char **) allowed);
    return alvh_cli_usage_error ("replay", "--format with %s: expected %s, found “%s”", mode, list, r->format);
  }
}

static int
flush_stdout (void)
{
  if (fflush (stdout) != 0)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write the output");
      return alvh_cli_fail ("replay", error);
    }
  return ALVH_EXIT_OK;
}

/* ---- --compare ---- */

static void
print_compare_row (GPtrArray  *results,
                   const char *label,
                   double    (*get) (const AlvhReplayResult *))
{
  printf ("%-22s", label);
  for (guint k = 0; k < results->len; k++)
    {
      g_autofree char *v = alvh_format_money (get (g_ptr_array_index (results, k)), ALVH_MONEY_SUMMARY);
      printf (" %16s", v);
    }
  printf ("\n");
}

static double get_pnl (const AlvhReplayResult *r) { return r->hedged.total_pnl; }
static double get_dd (const AlvhReplayResult *r) { return r->hedged.max_drawdown; }
static double get_worst (const AlvhReplayResult *r) { return r->hedged.worst_trade; }
static double get_cost (const AlvhReplayResult *r) { return r->hedged.hedge_cost; }
static double get_upnl (const AlvhReplayResult *r) { return r->unhedged.total_pnl; }
static double get_udd (const AlvhReplayResult *r) { return r->unhedged.max_drawdown; }

static void
print_compare_summary (GPtrArray *results)
{
  const AlvhReplayResult *first = g_ptr_array_index (results, 0);
  g_autofree char *a = alvh_time_format_ny_date (first->time[0]);
  g_autofree char *b = alvh_time_format_ny_date (first->time[first->n_bars - 1]);
  static const struct { const char *label; AlvhBranch branch; } layers[] = {
    { N_("Layers: regime"), ALVH_BRANCH_REGIME },
    { N_("Layers: fixed"), ALVH_BRANCH_FIXED },
    { N_("Layers: confluence"), ALVH_BRANCH_CONFLUENCE },
  };

  printf (_("Comparison of %u profiles over %zu bars from %s to %s (hedged unless said)\n"), results->len,
          first->n_bars, a, b);
  printf ("%-22s", "");
  for (guint k = 0; k < results->len; k++)
    {
      const AlvhReplayResult *r = g_ptr_array_index (results, k);
      g_autofree char *name = g_strdup_printf ("%.12s v%d", r->profile_name != NULL ? r->profile_name : "", r->profile_version);
      printf (" %16s", name);
    }
  printf ("\n");
  print_compare_row (results, _("Total P&L"), get_pnl);
  print_compare_row (results, _("Max drawdown"), get_dd);
  print_compare_row (results, _("Worst trade"), get_worst);
  print_compare_row (results, _("Hedge cost"), get_cost);
  print_compare_row (results, _("Unhedged P&L"), get_upnl);
  print_compare_row (results, _("Unhedged drawdown"), get_udd);
  printf ("%-22s", _("Condor trades"));
  for (guint k = 0; k < results->len; k++)
    printf (" %16u", ((AlvhReplayResult *) g_ptr_array_index (results, k))->trades->len);
  printf ("\n");
  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      printf ("%-22s", _(layers[l].label));
      for (guint k = 0; k < results->len; k++)
        printf (" %16u", ((AlvhReplayResult *) g_ptr_array_index (results, k))->adds_by_branch[layers[l].branch]);
      printf ("\n");
    }
}

static void
print_compare_csv (GPtrArray *results)
{
  g_autoptr(GString) s = g_string_new ("profile,version,hedged_total_pnl,hedged_max_drawdown,hedged_worst_trade,"
                                       "hedge_cost,unhedged_total_pnl,unhedged_max_drawdown,unhedged_worst_trade,"
                                       "trades_count,adds,blocked,adds_regime,adds_fixed,adds_confluence\n");

  for (guint k = 0; k < results->len; k++)
    {
      const AlvhReplayResult *r = g_ptr_array_index (results, k);
      g_autoptr(GString) name = g_string_new (r->profile_name);
      const double figures[] = { r->hedged.total_pnl, r->hedged.max_drawdown, r->hedged.worst_trade,
                                 r->hedged.hedge_cost, r->unhedged.total_pnl, r->unhedged.max_drawdown,
                                 r->unhedged.worst_trade };

      g_string_replace (name, "\"", "\"\"", 0);
      g_string_append_printf (s, "\"%s\",%d", name->str, r->profile_version);
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        {
          g_string_append_c (s, ',');
          alvh_json_append_number (s, figures[f]);
        }
      g_string_append_printf (s, ",%u,%u,%u,%u,%u,%u\n", r->trades->len, r->n_add, r->n_blocked,
                              r->adds_by_branch[ALVH_BRANCH_REGIME], r->adds_by_branch[ALVH_BRANCH_FIXED],
                              r->adds_by_branch[ALVH_BRANCH_CONFLUENCE]);
    }
  fputs (s->str, stdout);
}

int
alvh_replay_research_compare (AlvhReplayResearch *r,
                              char              **profile_paths)
{
  static const char *const formats[] = { "summary", "json", "jsonl", "csv", NULL };
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_profile_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  int rc = check_format (r, "--compare", formats);

  if (rc != ALVH_EXIT_OK)
    return rc;
  for (guint k = 0; profile_paths[k] != NULL; k++)
    {
      AlvhProfile *p = strcmp (profile_paths[k], "default") == 0
                         ? alvh_profile_new ()
                         : alvh_profile_new_from_file (profile_paths[k], &error);
      if (p == NULL)
        return alvh_cli_fail ("replay", error);
      g_ptr_array_add (profiles, p);
    }
  results = alvh_replay_batch_run (r->frame, profiles, r->events, r->from, r->to, ALVH_REPLAY_FLAGS_NONE,
                                   NULL, NULL, NULL, &error);
  if (results == NULL)
    return alvh_cli_fail ("replay", error);
  if (format_is (r, "summary", TRUE))
    print_compare_summary (results);
  else if (format_is (r, "csv", FALSE))
    print_compare_csv (results);
  else
    {
      gboolean lines = format_is (r, "jsonl", FALSE);

      if (!lines)
        printf ("{\"profiles\":[");
      for (guint k = 0; k < results->len; k++)
        {
          g_autofree char *json = alvh_replay_result_to_json (g_ptr_array_index (results, k));
          printf ("%s%s%s", !lines && k > 0 ? "," : "", json, lines ? "\n" : "");
        }
      if (!lines)
        printf ("]}\n");
    }
  return flush_stdout ();
}

/* ---- --sweep and --walk-forward ---- */

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  (void) user_data;
  /* from worker threads: one short write, no shared buffer */
  fprintf (stderr, "\rreplay: %u / %u", done, total);
  if (done == total)
    fputc ('\n', stderr);
}

static void
print_sweep (AlvhSweep          *sweep,
             AlvhReplayResearch *r)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean csv = format_is (r, "csv", TRUE);

  if (csv)
    alvh_sweep_append_csv_header (sweep, s);
  for (guint k = 0; k < sweep->rows->len; k++)
    {
      const AlvhSweepRow *row = &g_array_index (sweep->rows, AlvhSweepRow, k);

      if (csv)
        alvh_sweep_append_csv_row (sweep, row, s);
      else
        {
          alvh_sweep_append_json_row (sweep, row, s);
          g_string_append_c (s, '\n');
        }
    }
  fputs (s->str, stdout);
}

int
alvh_replay_research_sweep (AlvhReplayResearch *r,
                            char              **sweep_texts,
                            const char         *walk_forward,
                            const char         *objective_text)
{
  static const char *const sweep_formats[] = { "csv", "jsonl", NULL };
  static const char *const walk_formats[] = { "summary", "json", NULL };
  AlvhSweepSpec spec = { r->frame, r->profile, r->events, { { { 0 } } }, g_strv_length (sweep_texts), r->from, r->to };
  AlvhSweepAxis *axes = spec.axes;
  guint n_axes = spec.n_axes, train = 0, test = 0;
  AlvhObjective objective = ALVH_OBJECTIVE_PNL_PER_DRAWDOWN;
  g_autoptr(GError) error = NULL;
  gboolean tty = isatty (STDERR_FILENO);
  int rc = check_format (r, walk_forward != NULL ? "--walk-forward" : "--sweep",
                         walk_forward != NULL ? walk_formats : sweep_formats);

  if (rc != ALVH_EXIT_OK)
    return rc;
  if (n_axes < 1 || n_axes > ALVH_SWEEP_MAX_AXES)
    return alvh_cli_usage_error ("replay", "--sweep: give one or two keys, found %u", n_axes);
  for (guint a = 0; a < n_axes; a++)
    if (!alvh_sweep_axis_parse (sweep_texts[a], &axes[a], &error))
      return alvh_cli_usage_error ("replay", "%s", error->message);
  if (n_axes == 2 && strcmp (axes[0].key, axes[1].key) == 0)
    return alvh_cli_usage_error ("replay", "--sweep: %s is given twice; sweep two different keys", axes[0].key);
  if (objective_text != NULL && !alvh_objective_parse (objective_text, &objective))
    return alvh_cli_usage_error ("replay", "--objective: expected pnl_per_drawdown, pnl, drawdown or cost, found “%s”",
                                 objective_text);
  if (walk_forward != NULL && !alvh_walk_forward_parse_years (walk_forward, &train, &test))
    return alvh_cli_usage_error ("replay", "--walk-forward: expected TRAIN_YEARS:TEST_YEARS such as 10:2 (1 to 50), found “%s”",
                                 walk_forward);

  if (walk_forward != NULL)
    {
      g_autoptr(AlvhWalkForward) wf = alvh_walk_forward_run (&spec, train, test, objective,
                                                             tty ? progress_cb : NULL, NULL, NULL, &error);
      g_autofree char *out = NULL;

      if (wf == NULL)
        return alvh_cli_fail ("replay", error);
      out = format_is (r, "json", FALSE) ? alvh_walk_forward_to_json (wf) : alvh_walk_forward_dup_summary (wf);
      printf ("%s%s", out, format_is (r, "json", FALSE) ? "\n" : "");
    }
  else
    {
      g_autoptr(AlvhSweep) sweep = alvh_sweep_run (&spec, tty ? progress_cb : NULL, NULL, NULL, &error);

      if (sweep == NULL)
        return alvh_cli_fail ("replay", error);
      print_sweep (sweep, r);
    }
  return flush_stdout ();
}

/* ---- --attribution ---- */

static int
print_attribution (AlvhReplayResearch *r,
                   GArray             *hedges)
{
  static const char *const formats[] = { "summary", "json", NULL };
  g_autoptr(AlvhAttribution) attr = NULL;
  g_autofree char *out = NULL;
  int rc = check_format (r, "--attribution", formats);

  if (rc != ALVH_EXIT_OK)
    return rc;
  attr = alvh_attribution_compute (hedges);
  out = format_is (r, "json", FALSE) ? alvh_attribution_to_json (attr) : alvh_attribution_dup_summary (attr);
  printf ("%s%s", out, format_is (r, "json", FALSE) ? "\n" : "");
  return flush_stdout ();
}

int
alvh_replay_research_attribution (AlvhReplayResearch *r,
                                  AlvhReplayResult   *result,
                                  AlvhEvaluator      *evaluator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hedges = alvh_attribution_hedges_from_replay_marked (result, evaluator, &error);

  if (hedges == NULL)
    return alvh_cli_fail ("replay", error);
  return print_attribution (r, hedges);
}

int
alvh_replay_research_journal_attribution (AlvhReplayResearch *r,
                                          const char         *journal_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = alvh_cli_open_journal ("replay", journal_path, ALVH_STORE_READ, &error);
  g_autoptr(AlvhJournalMarket) market = NULL;
  g_autoptr(GArray) hedges = NULL;

  if (store == NULL)
    return alvh_cli_fail ("replay", error);
  market = alvh_journal_market_new (r->frame->time, r->frame->close, r->frame->vix, r->frame->n);
  hedges = alvh_attribution_hedges_from_journal (store, 0, market, &error);
  if (hedges == NULL)
    return alvh_cli_fail ("replay", error);
  return print_attribution (r, hedges);
}
