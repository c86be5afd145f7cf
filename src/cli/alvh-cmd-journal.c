/* alvh-cmd-journal.c — `alvh journal`: read, annotate, summarise and export the journal */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "alvh-cli.h"
#include "alvh-cli-table.h"
#include "alvh-core.h"
#include "alvh-import.h"
#include "alvh-stored-eval.h"

#define CMD "journal"

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: alvh journal list|show ID|add-note ID TEXT|decisions|stats|export --format csv|json [--db FILE]"));
  fprintf (out, "  %-22s %s\n", "list", _("List journal entries, newest first (filters: --from --to --branch --trigger --tag --account --search)"));
  fprintf (out, "  %-22s %s\n", "show ID", _("Show one entry with its decision, signals and leg"));
  fprintf (out, "  %-22s %s\n", "add-note ID TEXT", _("Append a paragraph to an entry"));
  fprintf (out, "  %-22s %s\n", "decisions", _("Recorded decisions (ADD, HOLD, BLOCKED) with their real status and the legs that followed them"));
  fprintf (out, "  %-22s %s\n", "stats", _("Hit rate and P&L per trigger, combination and branch; condors; adherence"));
  fprintf (out, "  %-22s %s\n", "export --format F", _("All entries as CSV or JSON on stdout (or --output FILE)"));
  fprintf (out, "\n%s\n", _("Every subcommand takes --db FILE (default: $ALVH_DB or the app's journal)."));
}

/* Opens an existing journal (@mode: read only or read and write): a missing
 * file is an error, not a new journal. */
static AlvhJournalStore *
open_existing (const char     *db,
               AlvhStoreMode   mode,
               GError        **error)
{
  return alvh_cli_open_journal (CMD, db, mode, error);
}

/* Parses the flags of a subcommand into @entries. */
static gboolean
parse_flags (const char    *parameter,
             const char    *summary,
             GOptionEntry  *entries,
             int           *argc,
             char        ***argv,
             GError       **error)
{
  if (!alvh_cli_parse_options (parameter, summary, entries, argc, argv, error))
    return FALSE;
  alvh_cli_drop_end_of_options (argc, *argv);
  return TRUE;
}

/* Entry @id of the existing journal @db; *store gets the open journal. */
static AlvhJournalEntry *
open_entry (const char        *db,
            gint64             id,
            AlvhJournalStore **store,
            GError           **error)
{
  *store = open_existing (db, ALVH_STORE_READ, error);
  if (*store == NULL)
    return NULL;
  return alvh_journal_store_get_entry (*store, id, error);
}

static gboolean
parse_id (const char *text,
          gint64     *out)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

/* After reading the decision or leg an entry points to: a row that is gone
 * (the entry outlived it) is no failure; anything else is, and moves to @error. */
static gboolean
linked_row_read (GError **local,
                 GError **error)
{
  if (*local == NULL || g_error_matches (*local, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
    {
      g_clear_error (local);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local));
  return FALSE;
}

/* The branch and fired triggers of an entry's decision ("" when none);
 * FALSE with @error when the journal cannot be read. */
static gboolean
entry_context (AlvhJournalStore  *store,
               AlvhJournalEntry  *e,
               char             **branch,
               char             **triggers,
               GError           **error)
{
  g_autoptr(AlvhDecision) d = NULL;
  g_autoptr(GString) t = g_string_new (NULL);
  GError *local = NULL;

  *branch = *triggers = NULL;
  if (e->decision_id > 0)
    d = alvh_journal_store_get_decision (store, e->decision_id, &local);
  if (!linked_row_read (&local, error))
    return FALSE;
  if (d == NULL)
    {
      g_autoptr(AlvhLeg) leg = NULL;

      if (e->leg_id > 0)
        leg = alvh_journal_store_get_leg (store, e->leg_id, &local);
      if (!linked_row_read (&local, error))
        return FALSE;
      *branch = g_strdup (leg != NULL && leg->manual ? "manual" : "");
      *triggers = g_strdup ("");
      return TRUE;
    }
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *s = &d->signals[i];

      if (!alvh_decision_has_signal (d, (AlvhSignalId) i))
        continue;

      if (!s->fired)
        continue;
      if (t->len > 0)
        g_string_append_c (t, '+');
      g_string_append (t, alvh_signal_id_to_key (s->id));
    }
  *branch = g_strdup (alvh_branch_to_string (d->branch));
  *triggers = g_string_free (g_steal_pointer (&t), FALSE);
  return TRUE;
}

/* ---- list ---------------------------------------------------------------- */

static void
print_list_text (GPtrArray *list)
{
  g_autoptr(AlvhCliTable) table = alvh_cli_table_new ("rlll", _("id"), _("date"), _("title"), _("tags"));

  for (guint i = 0; i < list->len; i++)
    {
      AlvhJournalEntry *e = list->pdata[i];
      g_autofree char *tags_list = g_strjoinv (",", e->tags);
      g_autofree char *title = alvh_cli_terminal_text (e->title, FALSE);

      alvh_cli_table_add (table, g_strdup_printf ("%" G_GINT64_FORMAT, e->id), alvh_time_format_ny_date (e->time),
                          g_strconcat (e->deleted ? _("[deleted] ") : "", title, NULL),
                          alvh_cli_terminal_text (tags_list, FALSE));
    }
  if (list->len > 0)
    alvh_cli_table_print (table, stdout, NULL);
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *db = NULL, *from = NULL, *to = NULL, *branch = NULL;
  g_autofree char *trigger = NULL, *tag = NULL, *search = NULL, *account = NULL;
  int limit = 50, offset = 0;
  int status = ALVH_EXIT_USAGE;
  gboolean deleted = FALSE;
  AlvhJournalFilter filter = { 0 };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The journal database"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First date (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last date, inclusive (YYYY-MM-DD)"), N_("DATE") },
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch, N_("Decision branch (regime, fixed, confluence, ..., manual)"), N_("NAME") },
    { "trigger", 0, 0, G_OPTION_ARG_STRING, &trigger, N_("A signal that fired (iv_expansion, ...)"), N_("KEY") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("A tag"), N_("TAG") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account, N_("Only the entries of this account (a replay's account, Main, ...)"), N_("NAME") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Words in title, body or tags (word* for a prefix)"), N_("TEXT") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N entries, 1 or more (default 50)"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset, N_("Skip the first N entries, 0 or more"), N_("N") },
    { "deleted", 0, 0, G_OPTION_ARG_NONE, &deleted, N_("Include deleted entries"), NULL },
    { NULL }
  };

  if (!alvh_cli_parse_flags (CMD " list", _("List journal entries, newest first: ID, date, title, tags."),
                             entries, &argc, &argv, &status))
    return status;
  if (!alvh_cli_check_int_flag (CMD, "list: --limit", limit, 1, G_MAXINT64, "a number of entries", &status) ||
      !alvh_cli_check_int_flag (CMD, "list: --offset", offset, 0, G_MAXINT64, "a number of entries", &status))
    return status;
  if (from != NULL && !alvh_cli_parse_date (from, &filter.from))
    return alvh_cli_usage_error (CMD, "list: --from “%s”: expected a date YYYY-MM-DD", from);
  if (to != NULL)
    {
      if (!alvh_cli_parse_date (to, &filter.to))
        return alvh_cli_usage_error (CMD, "list: --to “%s”: expected a date YYYY-MM-DD", to);
      filter.to = alvh_time_from_ny_day (alvh_time_ny_day (filter.to) + 1);
    }
  filter.branch = branch;
  filter.trigger = trigger;
  filter.tag = tag;
  filter.query = search;
  filter.limit = (guint) limit;
  filter.offset = (guint) offset;
  filter.include_deleted = deleted;

  store = open_existing (db, ALVH_STORE_READ, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  if (account != NULL &&
      (filter.account_id = alvh_stored_find_account (store, account, FALSE, &error)) == 0)
    return alvh_cli_fail (CMD, error);
  list = alvh_journal_store_list_entries (store, &filter, &error);
  if (list == NULL)
    return alvh_cli_fail (CMD, error);
  print_list_text (list);
  return ALVH_EXIT_OK;
}

/* ---- show ---------------------------------------------------------------- */

/* The leg's fills and its money as the ledger has it at @at (ALVH-SPEC
 * section 6): the same figures as `alvh book list` and the Positions page. */
static gboolean
print_leg_result (AlvhJournalStore  *store,
                  const AlvhLeg     *leg,
                  const char        *market_db,
                  gint64             at,
                  GError           **error)
{
  g_autoptr(GPtrArray) fills = alvh_journal_store_list_fills (store, leg->account_id, error);
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autofree char *realized = NULL, *unrealized = NULL, *fees = NULL;
  g_autoptr(AlvhCliTable) table = alvh_cli_table_new ("llrl", "", "", "", "");
  AlvhLedgerEntry e;
  gssize i;

  if (fills == NULL)
    return FALSE;
  printf ("%s\n", _("Fills:"));
  for (guint k = 0; k < fills->len; k++)
    {
      const AlvhFill *f = g_ptr_array_index (fills, k);
      g_autofree char *when = NULL, *qty = NULL, *price = NULL, *fee = NULL;

      if (f->leg_id != leg->id || f->time > at)
        continue;
      when = alvh_cli_format_datetime (f->time);
      qty = alvh_format_significant (f->quantity, 6, ALVH_FORMAT_SCREEN);
      price = alvh_format_price (f->price, ALVH_FORMAT_SCREEN);
      fee = alvh_format_money (f->fees, ALVH_MONEY_CENTS);
      alvh_cli_table_add (table, g_strdup (f->close ? _("close") : _("open")), g_steal_pointer (&when),
                          g_strdup_printf ("%s @ %s", qty, price), g_strdup_printf ("%s %s", _("fees"), fee));
    }
  alvh_cli_table_print_body (table, stdout, "  ");
  ledger = alvh_cli_load_ledger (store, leg->account_id, market_db, error);
  if (ledger == NULL)
    return FALSE;
  i = alvh_ledger_find (ledger, leg->id, FALSE);
  if (i < 0 || !alvh_ledger_entry_at (ledger, (guint) i, at, &e))
    return TRUE;
  if (e.settled)
    {
      g_autofree char *day = alvh_cli_format_datetime (e.settle_time);
      g_autofree char *value = alvh_format_price (e.settle_price, ALVH_FORMAT_SCREEN);
      g_autofree char *print = alvh_format_price (e.settle_underlying, ALVH_FORMAT_SCREEN);

      printf ("%s %s (%s, %s %s): %s %s\n", _("Settled"), day, alvh_settle_style_to_string (e.settle_style),
              _("underlying"), print, value, _("per unit"));
    }
  else if (e.settle_pending)
    printf ("%s\n", _("Expired: no print in the market data to settle at yet"));
  if (e.open_quantity > 0)
    {
      g_autofree char *mark = alvh_format_price (e.mark, ALVH_FORMAT_SCREEN);
      g_autofree char *day = e.mark_time != 0 ? alvh_time_format_ny_date (e.mark_time) : g_strdup (_("cost (no bar since the fill)"));
      g_autofree char *open = alvh_format_significant (e.open_quantity, 6, ALVH_FORMAT_SCREEN);
      g_autofree char *qty = alvh_format_significant (e.quantity, 6, ALVH_FORMAT_SCREEN);

      /* TRANSLATORS: "Open 2 of 4, marked at 4.68 on 2020-03-31" */
      printf (_("Open %s of %s, marked at %s on %s\n"), open, qty, mark, day);
    }
  realized = alvh_format_money (e.realized, ALVH_MONEY_CENTS);
  unrealized = alvh_format_money (e.unrealized, ALVH_MONEY_CENTS);
  fees = alvh_format_money (e.fees, ALVH_MONEY_CENTS);
  printf ("%s %s (%s %s) · %s %s\n", _("Realised"), realized, _("net of fees"), fees, _("unrealised"), unrealized);
  return TRUE;
}

static int
cmd_show (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhJournalEntry) e = NULL;
  g_autofree char *db = NULL;
  g_autofree char *date = NULL;
  g_autofree char *tags_list = NULL;
  g_autofree char *tags = NULL, *title = NULL, *body = NULL;
  g_autofree char *market_db = NULL, *at_text = NULL;
  gint64 id, at = alvh_time_now ();
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The journal database"), N_("FILE") },
    { "market-db", 0, 0, G_OPTION_ARG_FILENAME, &market_db, N_("Market database to mark and settle the leg on (default: the app's)"), N_("FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("The leg's result as it stood then (default: now)"), N_("DATETIME") },
    { NULL }
  };

  if (!parse_flags ("ID", _("Show one journal entry with its decision, signals and leg (its fills, settlement, mark and P&L as alvh book list has them)."),
                    entries, &argc, &argv, &error))
    return alvh_cli_usage_error (CMD, "%s", error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return alvh_cli_usage_error (CMD, "show: expected one entry ID (a positive number)");
  if (at_text != NULL && !alvh_cli_parse_datetime (at_text, TRUE, &at))
    return alvh_cli_usage_error (CMD, "show: --at “%s” is not a date-time (YYYY-MM-DD HH:MM)", at_text);

  e = open_entry (db, id, &store, &error);
  if (e == NULL)
    return alvh_cli_fail (CMD, error);

  date = alvh_format_utc (e->time);
  /* notes may hold anything: no escape sequence reaches the terminal */
  tags_list = g_strjoinv (", ", e->tags);
  tags = alvh_cli_terminal_text (tags_list, FALSE);
  title = alvh_cli_terminal_text (e->title, FALSE);
  body = alvh_cli_terminal_text (e->body, TRUE);
  printf ("%s %" G_GINT64_FORMAT "%s\n", _("Entry"), e->id, e->deleted ? _(" (deleted)") : "");
  printf ("%s: %s\n", _("Time"), date);
  printf ("%s: %s\n", _("Title"), title);
  printf ("%s: %s\n", _("Tags"), tags);
  printf ("\n%s\n", body);

  if (e->decision_id > 0)
    {
      g_autoptr(AlvhDecision) d = alvh_journal_store_get_decision (store, e->decision_id, &error);

      if (d == NULL)
        return alvh_cli_fail (CMD, error);
      g_autofree char *size = alvh_format_contracts (d->size);

      printf ("\n%s %" G_GINT64_FORMAT ": %s, %s, %s %d, %s",
              _("Decision"), d->id, alvh_action_to_string (d->action), alvh_format_key (alvh_branch_to_string (d->branch)),
              _("layer"), d->layer, size);
      if (d->profile_name[0] != '\0')
        {
          g_autofree char *profile = alvh_cli_terminal_text (d->profile_name, FALSE);

          printf (", %s %s v%d", _("profile"), profile, d->profile_version);
        }
      {
        g_autoptr(AlvhReconciliation) rec = alvh_journal_store_reconcile (store, d->account_id, alvh_time_now (), &error);

        if (rec == NULL)
          return alvh_cli_fail (CMD, error);
        printf (", %s: %s", _("status"), alvh_format_key (alvh_reconciliation_decision_status (rec, d)));
      }
      printf ("\n");
      if (d->skip_reason != NULL && *d->skip_reason != '\0')
        {
          g_autofree char *reason = alvh_cli_terminal_text (d->skip_reason, FALSE);

          printf ("%s: %s\n", _("Skip reason"), reason);
        }
      alvh_cli_print_signals (d, stdout, "  ");
    }
  if (e->leg_id > 0)
    {
      g_autoptr(AlvhLeg) l = alvh_journal_store_get_leg (store, e->leg_id, &error);
      g_autofree char *k1 = NULL, *k2 = NULL, *exp = NULL, *qty = NULL, *premium = NULL, *closed = NULL;

      if (l == NULL)
        return alvh_cli_fail (CMD, error);
      k1 = alvh_format_significant (l->long_strike, 6, ALVH_FORMAT_SCREEN);
      k2 = isfinite (l->short_strike) ? alvh_format_significant (l->short_strike, 6, ALVH_FORMAT_SCREEN) : NULL;
      exp = alvh_time_format_ny_date (l->expiry);
      qty = alvh_format_significant (l->quantity, 6, ALVH_FORMAT_SCREEN);
      premium = alvh_format_price (l->premium, ALVH_FORMAT_SCREEN);
      closed = alvh_format_significant (l->closed_quantity, 6, ALVH_FORMAT_SCREEN);
      printf ("\n%s %" G_GINT64_FORMAT ": %s × %s %s%s%s %s %s, %s %s, %s %d%s, %s %s\n",
              _("Leg"), l->id, qty, alvh_format_key (alvh_leg_kind_to_string (l->kind)), k1, k2 != NULL ? "/" : "",
              k2 != NULL ? k2 : "", _("expiring"), exp, _("premium"),
              premium, _("layer"), (int) l->layer, l->manual ? _(" (manual)") : "",
              _("closed"), closed);
      if (!print_leg_result (store, l, market_db, at, &error))
        return alvh_cli_fail (CMD, error);
    }
  return ALVH_EXIT_OK;
}

/* ---- add-note ------------------------------------------------------------- */

static int
cmd_add_note (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhJournalEntry) e = NULL;
  g_autofree char *db = NULL;
  g_autofree char *body = NULL;
  gint64 id;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The journal database"), N_("FILE") },
    { NULL }
  };

  if (!parse_flags ("ID TEXT", _("Append TEXT as a new paragraph to entry ID."),
                    entries, &argc, &argv, &error))
    return alvh_cli_usage_error (CMD, "%s", error->message);
  if (argc != 3 || !parse_id (argv[1], &id))
    return alvh_cli_usage_error (CMD, "add-note: expected an entry ID and a TEXT");
  if (!g_utf8_validate (argv[2], -1, NULL) || *g_strstrip (argv[2]) == '\0')
    return alvh_cli_usage_error (CMD, "add-note: TEXT must be non-empty UTF-8");

  store = open_existing (db, ALVH_STORE_WRITE, &error);
  if (store == NULL || !alvh_journal_store_append_to_entry (store, id, argv[2], &error))
    return alvh_cli_fail (CMD, error);
  printf ("%s %" G_GINT64_FORMAT "\n", _("Note added to entry"), id);
  return ALVH_EXIT_OK;
}

/* ---- stats ------------------------------------------------------------------ */

static AlvhSeries *
load_close_series (const char  *path,
                   const char  *symbol,
                   GError     **error)
{
  g_autoptr(AlvhImportResult) r = alvh_import_file (path, symbol, NULL, error);
  AlvhSeries *s;

  if (r == NULL)
    return NULL;
  s = alvh_import_result_lookup (r, symbol);
  if (s == NULL && alvh_import_result_get_n_series (r) > 0)
    s = alvh_import_result_get_series (r, 0);
  if (s == NULL || alvh_series_get_column_by_name (s, "close") == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: expected a daily series with a close column", path);
      return NULL;
    }
  return alvh_series_ref (s);
}

static void
print_rows (const char *title,
            GPtrArray  *rows)
{
  g_autoptr(AlvhCliTable) table = alvh_cli_table_new ("lrrrrr", _("group"), _("count"), _("hit rate"),
                                                      _("avg P&L"), _("avg MAE"), _("avg MFE"));

  printf ("\n%s\n", title);
  for (guint i = 0; i < rows->len; i++)
    {
      AlvhJournalStatRow *r = rows->pdata[i];

      alvh_cli_table_add (table, alvh_format_key_list (r->group), g_strdup_printf ("%u", r->count),
                          alvh_format_percent (r->hit_rate, 1, ALVH_FORMAT_SCREEN),
                          alvh_format_money (r->avg_pnl, ALVH_MONEY_CENTS), alvh_format_money (r->avg_mae, ALVH_MONEY_CENTS),
                          alvh_format_money (r->avg_mfe, ALVH_MONEY_CENTS));
    }
  alvh_cli_table_print (table, stdout, "  ");
}

static void
append_rows_json (GString    *out,
                  const char *name,
                  GPtrArray  *rows)
{
  g_string_append_printf (out, "\"%s\":[", name);
  for (guint i = 0; i < rows->len; i++)
    {
      AlvhJournalStatRow *r = rows->pdata[i];

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"group\":");
      alvh_json_append_string (out, r->group);
      g_string_append_printf (out, ",\"count\":%u,\"hits\":%u,\"hit_rate\":", r->count, r->hits);
      alvh_json_append_number (out, r->hit_rate);
      alvh_json_append_member (out, "total_pnl", r->total_pnl);
      alvh_json_append_member (out, "avg_pnl", r->avg_pnl);
      alvh_json_append_member (out, "avg_mae", r->avg_mae);
      alvh_json_append_member (out, "avg_mfe", r->avg_mfe);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
print_stats_json (const AlvhJournalStats *stats)
{
  g_autoptr(GString) out = g_string_new ("{");

  append_rows_json (out, "by_trigger", stats->by_trigger);
  g_string_append_c (out, ',');
  append_rows_json (out, "by_combination", stats->by_combination);
  g_string_append_c (out, ',');
  append_rows_json (out, "by_branch", stats->by_branch);
  g_string_append_c (out, ',');
  append_rows_json (out, "adherence", stats->adherence);
  g_string_append_c (out, ',');
  append_rows_json (out, "by_adherence", stats->by_adherence);
  g_string_append_printf (out, ",\"skipped_decisions\":%u", stats->n_skipped);
  g_string_append (out, ",\"condors\":[");
  for (guint i = 0; i < stats->condors->len; i++)
    {
      AlvhJournalCondorStat *c = stats->condors->pdata[i];

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"closed\":%s,\"legs\":%u,\"followed\":%s,\"pnl_unhedged\":",
                              c->condor_id, c->closed ? "true" : "false", c->n_legs,
                              c->followed ? "true" : "false");
      alvh_json_append_number (out, c->pnl_unhedged);
      alvh_json_append_member (out, "hedge_pnl", c->hedge_pnl);
      alvh_json_append_member (out, "pnl_hedged", c->pnl_hedged);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
  fputs (out->str, stdout);
}

static void
print_stats_text (const AlvhJournalStats *stats)
{
  g_autoptr(AlvhCliTable) table = alvh_cli_table_new ("rlrrrrl", _("id"), _("state"), _("legs"),
                                                      _("unhedged"), _("hedges"), _("hedged"), _("rules"));

  print_rows (_("Per trigger (legs)"), stats->by_trigger);
  print_rows (_("Per combination of triggers (legs)"), stats->by_combination);
  print_rows (_("Per branch (legs)"), stats->by_branch);
  print_rows (_("Adherence (condors, hedged P&L)"), stats->adherence);
  print_rows (_("Adherence (legs: followed, deviated, unprompted)"), stats->by_adherence);
  printf ("  %s: %u\n", _("ADD decisions no leg followed (skipped)"), stats->n_skipped);
  printf ("\n%s\n", _("Condors"));
  for (guint i = 0; i < stats->condors->len; i++)
    {
      AlvhJournalCondorStat *c = stats->condors->pdata[i];

      alvh_cli_table_add (table, g_strdup_printf ("%" G_GINT64_FORMAT, c->condor_id),
                          g_strdup (c->closed ? _("closed") : _("open")), g_strdup_printf ("%u", c->n_legs),
                          alvh_format_money (c->pnl_unhedged, ALVH_MONEY_CENTS), alvh_format_money (c->hedge_pnl, ALVH_MONEY_CENTS),
                          alvh_format_money (c->pnl_hedged, ALVH_MONEY_CENTS),
                          g_strdup (c->followed ? _("followed") : _("overridden")));
    }
  alvh_cli_table_print (table, stdout, "  ");
}

/* The stored SPX/VIX bars of the market database at @path, to mark and
 * settle on */
static AlvhJournalMarket *
market_from_db (const char  *path,
                GError     **error)
{
  g_autoptr(AlvhMarketStore) ms = alvh_cli_open_market (CMD, path, ALVH_STORE_READ, error);
  g_autoptr(AlvhMarketFrame) frame = ms != NULL ? alvh_stored_load_frame (ms, 0, 0, error) : NULL;
  g_autoptr(AlvhSeries) vix = frame != NULL ? alvh_market_store_load_series (ms, "VIX", G_MININT64, G_MAXINT64, error) : NULL;

  return vix != NULL ? alvh_journal_market_new_from_frame (frame, vix) : NULL;
}

static int
cmd_stats (int    argc,
           char **argv)
{
  int status = ALVH_EXIT_USAGE;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhJournalStats) stats = NULL;
  g_autoptr(AlvhJournalMarket) market = NULL;
  g_autofree char *db = NULL, *spx_path = NULL, *vix_path = NULL, *market_db = NULL, *at_text = NULL;
  gboolean json = FALSE;
  gint64 account = 0, at = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The journal database"), N_("FILE") },
    { "market-db", 0, 0, G_OPTION_ARG_FILENAME, &market_db, N_("Market database to mark and settle on (the same bars as alvh book list and alvh pnl)"), N_("FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Statistics to this time (default: now)"), N_("DATETIME") },
    { "spx", 0, 0, G_OPTION_ARG_FILENAME, &spx_path, N_("Daily SPX closes (CSV) to mark open legs and measure moves"), N_("FILE") },
    { "vix", 0, 0, G_OPTION_ARG_FILENAME, &vix_path, N_("Daily VIX closes (CSV)"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_INT64, &account, N_("Only this account id"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!alvh_cli_parse_flags (CMD " stats", _("Statistics of the hedge legs per trigger, per combination of triggers and per branch (count, hit rate, average P&L, MAE, MFE), per condor with and without its hedges, and adherence to the rules. Every P&L is the ledger's (ALVH-SPEC section 6: model marks, settlement at expiry, fees), on the app's market database as alvh book list, alvh pnl and alvh report value it, or on --market-db or --spx/--vix. Without market data, open positions count at cost."),
                             entries, &argc, &argv, &status))
    return status;
  if ((spx_path == NULL) != (vix_path == NULL))
    return alvh_cli_usage_error (CMD, "stats: --spx and --vix go together");
  if (spx_path != NULL && market_db != NULL)
    return alvh_cli_usage_error (CMD, "stats: --market-db or --spx/--vix, not both");
  if (at_text != NULL && !alvh_cli_parse_datetime (at_text, TRUE, &at))
    return alvh_cli_usage_error (CMD, "stats: --at “%s” is not a date-time (YYYY-MM-DD HH:MM)", at_text);
  if (!alvh_cli_check_int_flag (CMD, "stats: --account", account, 0, G_MAXINT64, "an account id (0 = all)", &status))
    return status;

  if (spx_path != NULL)
    {
      g_autoptr(AlvhSeries) spx = load_close_series (spx_path, "SPX", &error);
      g_autoptr(AlvhSeries) vix = spx != NULL ? load_close_series (vix_path, "VIX", &error) : NULL;

      if (vix == NULL)
        return alvh_cli_fail (CMD, error);
      market = alvh_journal_market_join (spx, vix);
    }

  if (market_db != NULL)
    {
      market = market_from_db (market_db, &error);
      if (market == NULL)
        return alvh_cli_fail (CMD, error);
    }
  else if (spx_path == NULL)
    {
      /* by default the bars alvh book list, alvh pnl and alvh report mark on */
      g_autofree char *path = alvh_cli_market_db_path ();

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        fprintf (stderr, _("alvh %s: no market database at %s: open positions count at cost\n"), CMD, path);
      else if ((market = market_from_db (path, &error)) == NULL)
        {
          fprintf (stderr, _("alvh %s: %s: open positions count at cost\n"), CMD, error->message);
          g_clear_error (&error);
        }
    }

  store = open_existing (db, ALVH_STORE_READ, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  if (!alvh_journal_store_begin_read (store, &error))
    return alvh_cli_fail (CMD, error);
  stats = alvh_journal_store_compute_stats_at (store, account, market, at, &error);
  {
    g_autoptr(GError) end_error = NULL;

    if (!alvh_journal_store_end_batch (store, stats != NULL, &end_error) && stats != NULL)
      return alvh_cli_fail (CMD, end_error);
  }
  if (stats == NULL)
    return alvh_cli_fail (CMD, error);

  if (json)
    print_stats_json (stats);
  else
    print_stats_text (stats);
  return ALVH_EXIT_OK;
}

/* ---- export ------------------------------------------------------------------ */

/* A CSV cell: a text that a spreadsheet would run as a formula (= + - @ tab CR
 * at the start) gets a leading ', then the cell is quoted when needed. */
static void
append_csv_text (GString    *out,
                 const char *text)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quote;

  if (text == NULL)
    text = "";
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);
  quote = strpbrk (cell->str, ",\"\r\n") != NULL ||
          (cell->len > 0 && (cell->str[0] == ' ' || cell->str[cell->len - 1] == ' '));
  if (!quote)
    {
      g_string_append_len (out, cell->str, cell->len);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = cell->str; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* An id in a CSV cell: empty when there is none. */
static void
append_csv_id (GString *out,
               gint64   id)
{
  if (id > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, id);
}

/* An id as a JSON member: null when there is none. */
static void
add_json_id (JsonBuilder *b,
             const char  *member,
             gint64       id)
{
  json_builder_set_member_name (b, member);
  if (id > 0)
    json_builder_add_int_value (b, id);
  else
    json_builder_add_null_value (b);
}

/* One exported entry as a CSV record (RFC 4180, CRLF). */
static void
append_entry_csv (GString          *out,
                  AlvhJournalEntry *e,
                  const char       *utc,
                  const char       *date,
                  const char       *branch,
                  const char       *triggers)
{
  g_autofree char *tags = g_strjoinv (" ", e->tags);

  g_string_append_printf (out, "%" G_GINT64_FORMAT ",%s,%s,", e->id, utc, date);
  append_csv_text (out, e->title);
  g_string_append_c (out, ',');
  append_csv_text (out, e->body);
  g_string_append_c (out, ',');
  append_csv_text (out, tags);
  g_string_append_c (out, ',');
  append_csv_text (out, branch);
  g_string_append_c (out, ',');
  append_csv_text (out, triggers);
  g_string_append_c (out, ',');
  append_csv_id (out, e->decision_id);
  g_string_append_c (out, ',');
  append_csv_id (out, e->leg_id);
  g_string_append_printf (out, ",%d\r\n", e->deleted ? 1 : 0);
}

/* The strings of @items (NULL-terminated) as a JSON array member. */
static void
add_json_strings (JsonBuilder        *b,
                  const char         *member,
                  const char * const *items)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint k = 0; items[k] != NULL; k++)
    alvh_cli_json_add_string (b, NULL, items[k]);
  json_builder_end_array (b);
}

/* One exported entry as a JSON object on its own line, after a comma unless
 * it is the first (json-glib: valid UTF-8 whatever the journal holds). */
static void
append_entry_json (GString          *out,
                   AlvhJournalEntry *e,
                   gboolean          comma,
                   const char       *utc,
                   const char       *date,
                   const char       *branch,
                   const char       *triggers)
{
  g_auto(GStrv) keys = *triggers != '\0' ? g_strsplit (triggers, "+", -1) : g_new0 (char *, 1);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  alvh_cli_json_add_int (b, "id", e->id);
  alvh_cli_json_add_string (b, "time", utc);
  alvh_cli_json_add_string (b, "date", date);
  alvh_cli_json_add_string (b, "title", e->title);
  alvh_cli_json_add_string (b, "body", e->body);
  add_json_strings (b, "tags", (const char * const *) e->tags);
  alvh_cli_json_add_string (b, "branch", *branch != '\0' ? branch : NULL);
  add_json_strings (b, "triggers", (const char * const *) keys);
  add_json_id (b, "decision_id", e->decision_id);
  add_json_id (b, "leg_id", e->leg_id);
  json_builder_set_member_name (b, "deleted");
  json_builder_add_boolean_value (b, e->deleted);
  json_builder_end_object (b);
  text = alvh_cli_json_finish (b);
  g_string_append_printf (out, "%s\n%s", comma ? "," : "", text);
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *db = NULL, *format = NULL, *output = NULL;
  gboolean csv, deleted = FALSE;
  AlvhJournalFilter filter = { 0 };
  guint n = 0;
  int status = ALVH_EXIT_USAGE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The journal database"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("csv or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of stdout"), N_("FILE") },
    { "deleted", 0, 0, G_OPTION_ARG_NONE, &deleted, N_("Include deleted entries"), NULL },
    { NULL }
  };

  if (!alvh_cli_parse_flags (CMD " export", _("Export every journal entry (oldest last) with its decision's branch and fired triggers, as CSV (RFC 4180, formula-looking cells neutralised) or as a JSON array."),
                             entries, &argc, &argv, &status))
    return status;
  if (format == NULL)
    return alvh_cli_usage_error (CMD, "export: --format csv|json is required");
  if (strcmp (format, "csv") != 0 && strcmp (format, "json") != 0)
    return alvh_cli_usage_error (CMD, "export: --format “%s”: expected csv or json", format);
  csv = strcmp (format, "csv") == 0;

  /* one snapshot: pages read while another process writes neither repeat
   * nor skip an entry */
  store = open_existing (db, ALVH_STORE_READ, &error);
  if (store == NULL || !alvh_journal_store_begin_read (store, &error))
    return alvh_cli_fail (CMD, error);

  if (csv)
    g_string_append (out, "id,time,date,title,body,tags,branch,triggers,decision_id,leg_id,deleted\r\n");
  else
    g_string_append (out, "[");
  filter.limit = 1000;
  filter.include_deleted = deleted;
  for (;;)
    {
      g_autoptr(GPtrArray) page = alvh_journal_store_list_entries (store, &filter, &error);

      if (page == NULL)
        return alvh_cli_fail (CMD, error);
      for (guint i = 0; i < page->len; i++)
        {
          AlvhJournalEntry *e = page->pdata[i];
          g_autofree char *utc = alvh_format_utc (e->time);
          g_autofree char *date = alvh_time_format_ny_date (e->time);
          g_autofree char *branch = NULL, *triggers = NULL;

          if (!entry_context (store, e, &branch, &triggers, &error))
            return alvh_cli_fail (CMD, error);
          if (csv)
            append_entry_csv (out, e, utc, date, branch, triggers);
          else
            append_entry_json (out, e, n > 0, utc, date, branch, triggers);
          n++;
        }
      if (page->len < filter.limit)
        break;
      filter.offset += filter.limit;
    }
  if (!alvh_journal_store_end_batch (store, TRUE, &error))
    return alvh_cli_fail (CMD, error);
  if (!csv)
    g_string_append (out, "\n]\n");

  if (!alvh_cli_write_output (output, out->str, out->len, &error))
    return alvh_cli_fail (CMD, error);
  return ALVH_EXIT_OK;
}

/* ---- decisions ------------------------------------------------------------ */

/* The reconciliation's items of the legs that followed @d, in the order of @legs */
static GPtrArray *
linked_items (const AlvhReconciliation *rec,
              const AlvhDecision       *d,
              GPtrArray                *legs)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < legs->len; i++)
    {
      const AlvhLeg *l = g_ptr_array_index (legs, i);
      const AlvhReconcileItem *it = alvh_reconciliation_lookup_leg (rec, l->id);

      if (it != NULL && it->decision_id == d->id)
        g_ptr_array_add (items, (gpointer) it);
    }
  return items;
}

static void
append_decision_json (JsonBuilder              *b,
                      const AlvhDecision       *d,
                      const AlvhReconciliation *rec,
                      GPtrArray                *legs)
{
  g_autofree char *time = alvh_cli_format_datetime (d->time);
  g_autoptr(GPtrArray) linked = linked_items (rec, d, legs);

  json_builder_begin_object (b);
  alvh_cli_json_add_int (b, "id", d->id);
  alvh_cli_json_add_string (b, "time", time);
  alvh_cli_json_add_string (b, "action", alvh_action_to_string (d->action));
  alvh_cli_json_add_string (b, "branch", alvh_branch_to_string (d->branch));
  alvh_cli_json_add_string (b, "status", alvh_reconciliation_decision_status (rec, d));
  json_builder_set_member_name (b, "proposed");
  if (d->has_leg)
    {
      g_autofree char *expiry = alvh_time_format_ny_date (d->leg.expiry);

      json_builder_begin_object (b);
      alvh_cli_json_add_string (b, "kind", alvh_leg_kind_to_string (d->leg.kind));
      json_builder_set_member_name (b, "long_strike");
      json_builder_add_double_value (b, d->leg.long_strike);
      alvh_cli_json_add_number (b, "short_strike", d->leg.short_strike);
      alvh_cli_json_add_string (b, "expiry", expiry);
      json_builder_set_member_name (b, "size");
      json_builder_add_double_value (b, d->size);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "legs");
  json_builder_begin_array (b);
  for (guint i = 0; i < linked->len; i++)
    {
      const AlvhReconcileItem *it = g_ptr_array_index (linked, i);
      g_autofree char *how = alvh_deviation_to_string (it->deviation);

      json_builder_begin_object (b);
      alvh_cli_json_add_int (b, "id", it->leg_id);
      alvh_cli_json_add_string (b, "adherence", alvh_adherence_to_string (it->adherence));
      alvh_cli_json_add_string (b, "deviation", how);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_decision_text (const AlvhDecision       *d,
                     const AlvhReconciliation *rec,
                     GPtrArray                *legs)
{
  g_autofree char *time = alvh_cli_format_datetime (d->time);
  g_autoptr(GPtrArray) linked = linked_items (rec, d, legs);

  printf ("%6" G_GINT64_FORMAT "  %s  %-7s %-14s %-10s", d->id, time, alvh_action_to_string (d->action),
          alvh_branch_to_string (d->branch), alvh_reconciliation_decision_status (rec, d));
  if (d->has_leg)
    {
      g_autofree char *k1 = alvh_format_significant (d->leg.long_strike, 6, ALVH_FORMAT_DATA);
      g_autofree char *k2 = alvh_format_significant (d->leg.short_strike, 6, ALVH_FORMAT_DATA);
      g_autofree char *exp = alvh_time_format_ny_date (d->leg.expiry);

      printf ("  %g × %s %s/%s %s", d->size, alvh_leg_kind_to_string (d->leg.kind), k1, k2, exp);
    }
  for (guint i = 0; i < linked->len; i++)
    {
      const AlvhReconcileItem *it = g_ptr_array_index (linked, i);
      g_autofree char *how = alvh_deviation_to_string (it->deviation);

      printf ("  %s %" G_GINT64_FORMAT " %s%s%s%s", _("leg"), it->leg_id, alvh_adherence_to_string (it->adherence),
              how[0] != '\0' ? " (" : "", how, how[0] != '\0' ? ")" : "");
    }
  printf ("\n");
}

static int
cmd_decisions (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(GPtrArray) decisions = NULL, legs = NULL;
  g_autoptr(AlvhReconciliation) rec = NULL;
  g_autofree char *db = NULL;
  gboolean json = FALSE;
  gint64 account = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The journal database"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_INT64, &account, N_("Only this account id"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  int status = ALVH_EXIT_USAGE;

  if (!alvh_cli_parse_flags (CMD " decisions", _("Every recorded decision (ADD, HOLD, BLOCKED) with its real status: an ADD is followed, deviated (other kind, strikes, expiry or size), skipped (no leg followed it by the end of its day) or pending; the legs linked to it with how they differ."),
                             entries, &argc, &argv, &status))
    return status;
  if (!alvh_cli_check_int_flag (CMD, "decisions: --account", account, 0, G_MAXINT64, "an account id (0 = all)", &status))
    return status;
  store = open_existing (db, ALVH_STORE_READ, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  decisions = alvh_journal_store_list_decisions (store, account, 0, 0, &error);
  legs = decisions != NULL ? alvh_journal_store_list_legs (store, account, 0, 0, &error) : NULL;
  if (legs == NULL)
    return alvh_cli_fail (CMD, error);
  rec = alvh_reconcile (decisions, legs, alvh_time_now ());
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *out = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "decisions");
      json_builder_begin_array (b);
      for (guint i = 0; i < decisions->len; i++)
        append_decision_json (b, g_ptr_array_index (decisions, i), rec, legs);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "adherence");
      json_builder_begin_object (b);
      for (guint i = 0; i < ALVH_N_ADHERENCE; i++)
        alvh_cli_json_add_int (b, alvh_adherence_to_string ((AlvhAdherence) i), rec->counts[i]);
      json_builder_end_object (b);
      json_builder_end_object (b);
      out = alvh_cli_json_finish (b);
      printf ("%s\n", out);
      return ALVH_EXIT_OK;
    }
  for (guint i = 0; i < decisions->len; i++)
    print_decision_text (g_ptr_array_index (decisions, i), rec, legs);
  printf ("%s: %u %s, %u %s, %u %s, %u %s\n", _("Legs"),
          rec->counts[ALVH_ADHERENCE_FOLLOWED], _("followed"), rec->counts[ALVH_ADHERENCE_DEVIATED], _("deviated"),
          rec->counts[ALVH_ADHERENCE_UNPROMPTED], _("unprompted"), rec->counts[ALVH_ADHERENCE_SKIPPED], _("ADDs skipped"));
  return ALVH_EXIT_OK;
}

int
alvh_cmd_journal (int    argc,
                  char **argv)
{
  static const AlvhCliSubcommand subs[] = {
    { "list", cmd_list },
    { "show", cmd_show },
    { "add-note", cmd_add_note },
    { "decisions", cmd_decisions },
    { "stats", cmd_stats },
    { "export", cmd_export },
  };

  return alvh_cli_dispatch (CMD, argc, argv, subs, G_N_ELEMENTS (subs), print_usage);
}
