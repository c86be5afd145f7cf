/* alvh-cmd-pnl.c — `alvh pnl`: the P&L of a period (ALVH-SPEC section 6) */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-cli-table.h"
#include "alvh-core.h"
#include "alvh-stored-eval.h"

#define CMD "pnl"

static void
append_money (GString    *out,
              const char *key,
              double      v)
{
  g_string_append_printf (out, ", \"%s\": ", key);
  alvh_json_append_money (out, v);
}

int
alvh_cmd_pnl (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autofree char *db = NULL, *market_db = NULL, *account = NULL, *from_text = NULL, *to_text = NULL;
  gboolean json = FALSE;
  gint64 from = 0, to = 0, account_id;
  AlvhLedgerPnl p;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the period"), N_("DATE") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal database (default: the app's alvh.sqlite)"), N_("FILE") },
    { "market-db", 0, 0, G_OPTION_ARG_FILENAME, &market_db, N_("Market database for marks and settlement (default: the app's market.sqlite)"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account, N_("Account (default Main)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!alvh_cli_parse_flags (CMD, _("The P&L of an account over the days FROM..TO (ALVH-SPEC section 6): realised P&L (net of fees) dated in the period, plus the unrealised at the end of TO, minus the unrealised at the last bar before FROM. Consecutive periods add up.\nJSON keys: from, to, realized, unrealized_start, unrealized_end, fees, pnl (dollars)."),
                             entries, &argc, &argv, &status))
    return status;
  if (!alvh_cli_parse_date (from_text, &from) || !alvh_cli_parse_date (to_text, &to))
    return alvh_cli_usage_error (CMD, "--from and --to must be dates (YYYY-MM-DD)");
  if (to < from)
    return alvh_cli_usage_error (CMD, "--to is before --from");

  if (db == NULL)
    db = alvh_cli_default_db ();
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "no journal at %s (expected an ALVH Desk database; use --db FILE)", db);
      return alvh_cli_fail (CMD, error);
    }
  store = alvh_cli_open_journal (CMD, db, ALVH_STORE_WRITE, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  account_id = alvh_stored_find_account (store, account, account == NULL, &error);
  if (account_id == 0)
    return alvh_cli_fail (CMD, error);
  ledger = alvh_cli_load_ledger (store, account_id, market_db, &error);
  if (ledger == NULL)
    return alvh_cli_fail (CMD, error);

  alvh_ledger_period (ledger, alvh_ledger_day_start (from), alvh_ledger_day_end (to), &p);
  if (json)
    {
      g_autoptr(GString) out = g_string_new ("{\"from\": ");
      g_autofree char *f = alvh_time_format_ny_date (from);
      g_autofree char *t = alvh_time_format_ny_date (to);

      alvh_json_append_string (out, f);
      g_string_append (out, ", \"to\": ");
      alvh_json_append_string (out, t);
      append_money (out, "realized", p.realized);
      append_money (out, "unrealized_start", p.unrealized_start);
      append_money (out, "unrealized_end", p.unrealized_end);
      append_money (out, "fees", p.fees);
      append_money (out, "pnl", p.pnl);
      g_string_append (out, "}\n");
      fputs (out->str, stdout);
    }
  else
    {
      g_autofree char *f = alvh_time_format_ny_date (from);
      g_autofree char *t = alvh_time_format_ny_date (to);
      g_autofree char *r = alvh_format_money (p.realized, ALVH_MONEY_CENTS);
      g_autofree char *us = alvh_format_money (p.unrealized_start, ALVH_MONEY_CENTS);
      g_autofree char *ue = alvh_format_money (p.unrealized_end, ALVH_MONEY_CENTS);
      g_autofree char *fe = alvh_format_money (p.fees, ALVH_MONEY_CENTS);
      g_autofree char *total = alvh_format_money (p.pnl, ALVH_MONEY_CENTS);

      g_autoptr(AlvhCliTable) table = alvh_cli_table_new ("lr", _("P&L"), "");

      printf (_("P&L %s … %s\n"), f, t);
      alvh_cli_table_add (table, g_strdup (_("realised (net of fees)")), g_steal_pointer (&r));
      alvh_cli_table_add (table, g_strdup (_("unrealised at the start")), g_steal_pointer (&us));
      alvh_cli_table_add (table, g_strdup (_("unrealised at the end")), g_steal_pointer (&ue));
      alvh_cli_table_add (table, g_strdup (_("fees paid")), g_steal_pointer (&fe));
      alvh_cli_table_add (table, g_strdup (_("P&L")), g_steal_pointer (&total));
      alvh_cli_table_print_body (table, stdout, "  ");
    }
  return ALVH_EXIT_OK;
}
