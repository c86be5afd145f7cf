/* alvh-cmd-book.c — `alvh book`: record condors, legs and closes with their real fills, list the book */
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

#define CMD "book"

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: alvh book add-condor|add-leg|close ID|list [OPTION…]"));
  fprintf (out, "%s\n\n", _("Record the trades of an account with their real fills (time, price, fees) and list the book as it stood at any time."));
  fprintf (out, "  %-12s %s\n", "add-condor", _("--opened DATETIME --expiry DATE --long-put K --short-put K --short-call K --long-call K --quantity N --credit PRICE [--fees USD]"));
  fprintf (out, "  %-12s %s\n", "add-leg", _("--condor ID --opened DATETIME --kind vix_call_spread|vix_call|vix_future|spx_put|spx_put_spread --expiry DATE --long-strike K [--short-strike K] --quantity N --price P [--fees USD] [--decision ID]"));
  fprintf (out, "  %-12s %s\n", "close ID", _("--at DATETIME --price P [--quantity N] [--fees USD]: close a condor or leg (all of it unless --quantity)"));
  fprintf (out, "  %-12s %s\n", "list", _("[--at DATETIME] [--json]: every position with its mark, realised and unrealised P&L and fees"));
  fprintf (out, "\n%s\n", _("All take --db FILE --market-db FILE --account NAME (default Main); --json on the writers prints {\"id\": N}."));
  fprintf (out, "%s\n", _("DATETIME is New York time, YYYY-MM-DD HH:MM[:SS] (or with T, or ISO 8601 with a zone); a date alone is 16:00 for a fill and the end of the day for --at."));
  fprintf (out, "%s\n", _("Prices are index points per unit; fees are dollars. Money follows ALVH-SPEC section 6: marks at the model price, expiry settled (SPX monthly at the SPX open, SPXW at the close, VIX at the VIX open)."));
}

/* Flags every subcommand takes. */
typedef struct
{
  char     *db;
  char     *market_db;
  char     *account;
  gboolean  json;
} Common;

static void
common_clear (Common *c)
{
  g_clear_pointer (&c->db, g_free);
  g_clear_pointer (&c->market_db, g_free);
  g_clear_pointer (&c->account, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Common, common_clear)

static GOptionEntry *
entries_with_common (const GOptionEntry *own,
                     Common             *c)
{
  const GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &c->db, N_("Journal database (default: the app's alvh.sqlite)"), N_("FILE") },
    { "market-db", 0, 0, G_OPTION_ARG_FILENAME, &c->market_db, N_("Market database for marks and settlement (default: the app's market.sqlite)"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &c->account, N_("Account (default Main)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &c->json, N_("Print JSON"), NULL },
  };
  GArray *all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; own[i].long_name != NULL; i++)
    g_array_append_val (all, own[i]);
  g_array_append_vals (all, common, G_N_ELEMENTS (common));
  return (GOptionEntry *) g_array_free (all, FALSE);
}

static gboolean
parse (const char         *sub,
       int                *argc,
       char             ***argv,
       const GOptionEntry *own,
       Common             *c,
       const char         *params,
       int                *status)
{
  g_autofree GOptionEntry *entries = entries_with_common (own, c);
  g_autoptr(GError) error = NULL;

  if (!alvh_cli_parse_options (params, NULL, entries, argc, argv, &error))
    {
      *status = alvh_cli_usage_error (CMD, "%s: %s", sub, error->message);
      return FALSE;
    }
  return TRUE;
}

static AlvhJournalStore *
open_store (Common   *c,
            gint64   *account_id,
            gboolean  create,
            GError  **error)
{
  g_autofree char *path = c->db != NULL ? g_strdup (c->db) : alvh_cli_default_db ();
  g_autoptr(AlvhJournalStore) store = NULL;

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "no journal at %s (expected an ALVH Desk database; use --db FILE)", path);
      return NULL;
    }
  if (create && !alvh_cli_make_parent (path, error))
    return NULL;
  store = alvh_cli_open_journal (CMD, path, create ? ALVH_STORE_CREATE : ALVH_STORE_WRITE, error);
  if (store == NULL)
    return NULL;
  *account_id = alvh_stored_find_account (store, c->account, create || c->account == NULL, error);
  if (*account_id == 0)
    return NULL;
  return g_steal_pointer (&store);
}

static gboolean
check_price (const char *sub,
             const char *flag,
             double      value,
             gboolean    zero_ok,
             int        *status)
{
  if (isfinite (value) && (value > 0 || (zero_ok && value == 0)))
    return TRUE;
  *status = alvh_cli_usage_error (CMD, "%s: %s must be a number %s", sub, flag, zero_ok ? ">= 0" : "> 0");
  return FALSE;
}

static gboolean
check_quantity (const char *sub,
                double      value,
                int        *status)
{
  if (isfinite (value) && value >= 1 && value == floor (value) && value < 1e9)
    return TRUE;
  *status = alvh_cli_usage_error (CMD, "%s: --quantity must be a whole number of contracts >= 1", sub);
  return FALSE;
}

static int
print_id (Common *c,
          gint64  id)
{
  if (c->json)
    printf ("{\"id\": %" G_GINT64_FORMAT "}\n", id);
  else
    printf ("%" G_GINT64_FORMAT "\n", id);
  return ALVH_EXIT_OK;
}

/* ---- add-condor ------------------------------------------------------------- */

static int
cmd_add_condor (int    argc,
                char **argv)
{
  g_auto(Common) c = { 0 };
  g_autofree char *opened = NULL, *expiry = NULL;
  double lp = NAN, sp = NAN, sc = NAN, lc = NAN, qty = NAN, credit = NAN, fees = 0;
  const GOptionEntry own[] = {
    { "opened", 0, 0, G_OPTION_ARG_STRING, &opened, N_("Fill time"), N_("DATETIME") },
    { "expiry", 0, 0, G_OPTION_ARG_STRING, &expiry, N_("Expiry date"), N_("DATE") },
    { "long-put", 0, 0, G_OPTION_ARG_DOUBLE, &lp, N_("Long put strike"), "K" },
    { "short-put", 0, 0, G_OPTION_ARG_DOUBLE, &sp, N_("Short put strike"), "K" },
    { "short-call", 0, 0, G_OPTION_ARG_DOUBLE, &sc, N_("Short call strike"), "K" },
    { "long-call", 0, 0, G_OPTION_ARG_DOUBLE, &lc, N_("Long call strike"), "K" },
    { "quantity", 0, 0, G_OPTION_ARG_DOUBLE, &qty, N_("Condor units (whole, >= 1)"), "N" },
    { "credit", 0, 0, G_OPTION_ARG_DOUBLE, &credit, N_("Credit received per unit, points"), N_("PRICE") },
    { "fees", 0, 0, G_OPTION_ARG_DOUBLE, &fees, N_("Fees and commissions, dollars"), N_("USD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhCondor) condor = alvh_condor_new ();
  gint64 account_id = 0, id;
  int status = ALVH_EXIT_USAGE;

  if (!parse ("add-condor", &argc, &argv, own, &c, NULL, &status))
    return status;
  if (argc > 1)
    return alvh_cli_usage_error (CMD, "add-condor: unexpected argument “%s”", argv[1]);
  if (!alvh_cli_parse_datetime (opened, FALSE, &condor->opened))
    return alvh_cli_usage_error (CMD, "add-condor: --opened “%s” is not a date-time (YYYY-MM-DD HH:MM)", opened ? opened : "");
  if (!alvh_cli_parse_date (expiry, &condor->expiry))
    return alvh_cli_usage_error (CMD, "add-condor: --expiry “%s” is not a date (YYYY-MM-DD)", expiry ? expiry : "");
  if (!(lp < sp && sp < sc && sc < lc))
    return alvh_cli_usage_error (CMD, "add-condor: expected --long-put < --short-put < --short-call < --long-call");
  if (!check_quantity ("add-condor", qty, &status) || !check_price ("add-condor", "--credit", credit, FALSE, &status) ||
      !check_price ("add-condor", "--fees", fees, TRUE, &status))
    return status;
  if (alvh_time_ny_day (condor->expiry) < alvh_time_ny_day (condor->opened))
    return alvh_cli_usage_error (CMD, "add-condor: --expiry is before --opened");

  store = open_store (&c, &account_id, TRUE, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  condor->account_id = account_id;
  condor->long_put = lp;
  condor->short_put = sp;
  condor->short_call = sc;
  condor->long_call = lc;
  condor->units = qty;
  condor->credit = credit;
  id = alvh_journal_store_book_condor (store, condor, fees, &error);
  if (id == 0)
    return alvh_cli_fail (CMD, error);
  return print_id (&c, id);
}

/* ---- add-leg ------------------------------------------------------------------ */

static int
cmd_add_leg (int    argc,
             char **argv)
{
  g_auto(Common) c = { 0 };
  g_autofree char *opened = NULL, *expiry = NULL, *kind = NULL;
  double lk = NAN, sk = NAN, qty = NAN, price = NAN, fees = 0;
  gint64 condor_id = 0, decision_id = 0;
  const GOptionEntry own[] = {
    { "condor", 0, 0, G_OPTION_ARG_INT64, &condor_id, N_("The condor it protects"), N_("ID") },
    { "opened", 0, 0, G_OPTION_ARG_STRING, &opened, N_("Fill time"), N_("DATETIME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("vix_call_spread, vix_call, vix_future, spx_put or spx_put_spread"), N_("KIND") },
    { "expiry", 0, 0, G_OPTION_ARG_STRING, &expiry, N_("Expiry date"), N_("DATE") },
    { "long-strike", 0, 0, G_OPTION_ARG_DOUBLE, &lk, N_("Long strike (a future: its price)"), "K" },
    { "short-strike", 0, 0, G_OPTION_ARG_DOUBLE, &sk, N_("Short strike of a spread"), "K" },
    { "quantity", 0, 0, G_OPTION_ARG_DOUBLE, &qty, N_("Contracts (whole, >= 1)"), "N" },
    { "price", 0, 0, G_OPTION_ARG_DOUBLE, &price, N_("Premium paid per contract, points"), "P" },
    { "fees", 0, 0, G_OPTION_ARG_DOUBLE, &fees, N_("Fees and commissions, dollars"), N_("USD") },
    { "decision", 0, 0, G_OPTION_ARG_INT64, &decision_id, N_("The evaluator decision that proposed it (default: the account's latest ADD at or before the fill that day)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhCondor) condor = NULL;
  g_autoptr(AlvhLeg) leg = alvh_leg_new ();
  gint64 account_id = 0, id;
  int status = ALVH_EXIT_USAGE;
  gboolean spread;

  if (!parse ("add-leg", &argc, &argv, own, &c, NULL, &status))
    return status;
  if (argc > 1)
    return alvh_cli_usage_error (CMD, "add-leg: unexpected argument “%s”", argv[1]);
  if (condor_id <= 0)
    return alvh_cli_usage_error (CMD, "add-leg: --condor ID is required");
  if (kind == NULL || !alvh_leg_kind_from_string (kind, &leg->kind) || leg->kind == ALVH_LEG_VIX_PUT)
    return alvh_cli_usage_error (CMD, "add-leg: --kind must be vix_call_spread, vix_call, vix_future, spx_put or spx_put_spread");
  if (!alvh_cli_parse_datetime (opened, FALSE, &leg->opened))
    return alvh_cli_usage_error (CMD, "add-leg: --opened “%s” is not a date-time (YYYY-MM-DD HH:MM)", opened ? opened : "");
  if (!alvh_cli_parse_date (expiry, &leg->expiry))
    return alvh_cli_usage_error (CMD, "add-leg: --expiry “%s” is not a date (YYYY-MM-DD)", expiry ? expiry : "");
  spread = leg->kind == ALVH_LEG_VIX_CALL_SPREAD || leg->kind == ALVH_LEG_SPX_PUT_SPREAD;
  if (!check_price ("add-leg", "--long-strike", lk, FALSE, &status))
    return status;
  if (spread && !check_price ("add-leg", "--short-strike", sk, FALSE, &status))
    return status;
  if (!spread && !isnan (sk))
    return alvh_cli_usage_error (CMD, "add-leg: --short-strike is for spreads only");
  if (leg->kind == ALVH_LEG_VIX_CALL_SPREAD && !(sk > lk))
    return alvh_cli_usage_error (CMD, "add-leg: a call spread's --short-strike must be above its --long-strike");
  if (leg->kind == ALVH_LEG_SPX_PUT_SPREAD && !(sk < lk))
    return alvh_cli_usage_error (CMD, "add-leg: a put spread's --short-strike must be below its --long-strike");
  if (!check_quantity ("add-leg", qty, &status) || !check_price ("add-leg", "--price", price, FALSE, &status) ||
      !check_price ("add-leg", "--fees", fees, TRUE, &status))
    return status;

  store = open_store (&c, &account_id, TRUE, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  condor = alvh_journal_store_get_condor (store, condor_id, &error);
  if (condor == NULL)
    return alvh_cli_fail (CMD, error);
  if (condor->account_id != account_id)
    return alvh_cli_usage_error (CMD, "add-leg: condor %" G_GINT64_FORMAT " belongs to another account", condor_id);
  leg->account_id = account_id;
  leg->condor_id = condor_id;
  /* linked to the decision that proposed it, unless named */
  if (decision_id == 0)
    decision_id = alvh_journal_store_find_proposing_decision (store, account_id, leg->opened, &error);
  if (decision_id < 0)
    return alvh_cli_fail (CMD, error);
  leg->decision_id = decision_id;
  leg->long_strike = lk;
  leg->short_strike = spread ? sk : NAN;
  leg->quantity = qty;
  leg->premium = price;
  leg->manual = TRUE;
  if (alvh_leg_is_vix_hedge (leg))
    {
      leg->layer = alvh_journal_store_next_layer (store, account_id, condor_id, &error);
      if (leg->layer == 0)
        return alvh_cli_fail (CMD, error);
    }
  id = alvh_journal_store_book_leg (store, leg, fees, &error);
  if (id == 0)
    return alvh_cli_fail (CMD, error);
  /* followed when it is the proposed leg, else the decision was overridden */
  if (decision_id != 0 && !alvh_journal_store_mark_decision_for_leg (store, decision_id, leg, &error))
    return alvh_cli_fail (CMD, error);
  return print_id (&c, id);
}

/* ---- close ------------------------------------------------------------------- */

static int
cmd_close (int    argc,
           char **argv)
{
  g_auto(Common) c = { 0 };
  g_autofree char *at_text = NULL;
  double qty = NAN, price = NAN, fees = 0;
  const GOptionEntry own[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Fill time"), N_("DATETIME") },
    { "price", 0, 0, G_OPTION_ARG_DOUBLE, &price, N_("Price per unit, points (paid for a condor, received for a leg)"), "P" },
    { "quantity", 0, 0, G_OPTION_ARG_DOUBLE, &qty, N_("Units or contracts to close (default: all still open)"), "N" },
    { "fees", 0, 0, G_OPTION_ARG_DOUBLE, &fees, N_("Fees and commissions, dollars"), N_("USD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) condor_error = NULL;
  g_autoptr(GError) leg_error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhCondor) condor = NULL;
  g_autoptr(AlvhLeg) leg = NULL;
  gint64 account_id = 0, id = 0, at = 0;
  int status = ALVH_EXIT_USAGE;
  gboolean ok;

  if (!parse ("close", &argc, &argv, own, &c, "ID", &status))
    return status;
  if (argc != 2)
    return alvh_cli_usage_error (CMD, "close: expected one ID");
  {
    char *end = NULL;

    id = g_ascii_strtoll (argv[1], &end, 10);
    if (end == argv[1] || *end != '\0' || id <= 0)
      return alvh_cli_usage_error (CMD, "close: “%s” is not an id (a condor's or leg's, >= 1)", argv[1]);
  }
  if (!alvh_cli_parse_datetime (at_text, FALSE, &at))
    return alvh_cli_usage_error (CMD, "close: --at “%s” is not a date-time (YYYY-MM-DD HH:MM)", at_text ? at_text : "");
  if (!check_price ("close", "--price", price, TRUE, &status) || !check_price ("close", "--fees", fees, TRUE, &status))
    return status;
  if (!isnan (qty) && !check_quantity ("close", qty, &status))
    return status;

  store = open_store (&c, &account_id, FALSE, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  /* the id names a condor or a leg: only "not found" is no failure */
  condor = alvh_journal_store_get_condor (store, id, &condor_error);
  if (condor == NULL && !g_error_matches (condor_error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
    return alvh_cli_fail (CMD, condor_error);
  leg = alvh_journal_store_get_leg (store, id, &leg_error);
  if (leg == NULL && condor != NULL && !g_error_matches (leg_error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
    return alvh_cli_fail (CMD, leg_error);
  if (condor != NULL && leg != NULL)
    return alvh_cli_usage_error (CMD, "close: %" G_GINT64_FORMAT " names a condor and a leg of an older journal; edit it in the app", id);
  if ((condor != NULL ? condor->account_id : leg != NULL ? leg->account_id : account_id) != account_id)
    return alvh_cli_usage_error (CMD, "close: %" G_GINT64_FORMAT " belongs to another account", id);
  if (condor != NULL)
    ok = alvh_journal_store_close_condor_fill (store, id, at, isnan (qty) ? 0 : qty, price, fees, &error);
  else if (leg != NULL)
    ok = alvh_journal_store_close_leg_fill (store, id, at, isnan (qty) ? alvh_leg_open_quantity (leg) : qty,
                                            price, fees, &error);
  else
    return alvh_cli_fail (CMD, leg_error);
  if (!ok)
    return alvh_cli_fail (CMD, error);
  return print_id (&c, id);
}

/* ---- list -------------------------------------------------------------------- */

static void
append_time (GString *out,
             gint64   t,
             gboolean date_only)
{
  g_autofree char *text = NULL;

  if (t == 0)
    {
      g_string_append (out, "null");
      return;
    }
  text = date_only ? alvh_time_format_ny_date (t) : alvh_cli_format_datetime (t);
  alvh_json_append_string (out, text);
}

static void
append_entry_json (GString               *out,
                   const AlvhLedgerEntry *e)
{
  g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"kind\":", e->id);
  alvh_json_append_string (out, e->kind);
  if (!e->is_condor)
    g_string_append_printf (out, ",\"condor\":%" G_GINT64_FORMAT ",\"layer\":%u", e->condor_id, e->layer);
  g_string_append (out, ",\"opened\":");
  append_time (out, e->opened, FALSE);
  g_string_append (out, ",\"expiry\":");
  append_time (out, e->expiry, TRUE);
  g_string_append (out, ",\"strikes\":[");
  for (guint k = 0; k < e->n_strikes; k++)
    {
      if (k > 0)
        g_string_append_c (out, ',');
      alvh_json_append_number (out, e->strikes[k]);
    }
  g_string_append (out, "],\"quantity\":");
  alvh_json_append_number (out, e->quantity);
  alvh_json_append_member (out, "open_quantity", e->open_quantity);
  alvh_json_append_member (out, "open_price", e->open_price);
  g_string_append (out, ",\"closed\":");
  append_time (out, e->closed, FALSE);
  alvh_json_append_member (out, "close_price", e->close_price);
  g_string_append_printf (out, ",\"settled\":%s,\"settlement\":", e->settled ? "true" : "false");
  if (e->settled)
    {
      g_string_append (out, "{\"style\":");
      alvh_json_append_string (out, alvh_settle_style_to_string (e->settle_style));
      g_string_append (out, ",\"time\":");
      append_time (out, e->settle_time, FALSE);
      alvh_json_append_member (out, "underlying", e->settle_underlying);
      alvh_json_append_member (out, "price", round (e->settle_price * 1e4) / 1e4);
      g_string_append_c (out, '}');
    }
  else
    g_string_append (out, "null");
  alvh_json_append_member (out, "mark", round (e->mark * 1e4) / 1e4);
  g_string_append (out, ",\"realized_pnl\":");
  alvh_json_append_money (out, e->realized);
  g_string_append (out, ",\"unrealized_pnl\":");
  alvh_json_append_money (out, e->unrealized);
  g_string_append (out, ",\"fees\":");
  alvh_json_append_money (out, e->fees);
  g_string_append (out, ",\"mae\":");
  alvh_json_append_money (out, e->mae);
  g_string_append (out, ",\"mfe\":");
  alvh_json_append_money (out, e->mfe);
  g_string_append_c (out, '}');
}

static AlvhCliTable *
entries_table_new (void)
{
  return alvh_cli_table_new ("rlllrlrrr", _("id"), _("kind"), _("opened"), _("expiry"), _("open/qty"), _("state"),
                             _("realised"), _("unrealised"), _("fees"));
}

/* a row of `book list`: names, the one formatter's money and quantities */
static void
add_entry_text (AlvhCliTable          *table,
                const AlvhLedgerEntry *e)
{
  g_autofree char *open = alvh_format_significant (e->open_quantity, 6, ALVH_FORMAT_SCREEN);
  g_autofree char *qty = alvh_format_significant (e->quantity, 6, ALVH_FORMAT_SCREEN);
  const char *state = e->settled ? _("settled") : e->closed > 0 ? _("closed") : _("open");

  alvh_cli_table_add (table, g_strdup_printf ("%" G_GINT64_FORMAT, e->id), g_strdup (alvh_format_key (e->kind)),
                      alvh_cli_format_datetime (e->opened), alvh_time_format_ny_date (e->expiry),
                      g_strdup_printf ("%s/%s", open, qty), g_strdup (state),
                      alvh_format_money (e->realized, ALVH_MONEY_CENTS), alvh_format_money (e->unrealized, ALVH_MONEY_CENTS),
                      alvh_format_money (e->fees, ALVH_MONEY_CENTS));
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_auto(Common) c = { 0 };
  g_autofree char *at_text = NULL;
  const GOptionEntry own[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("The book as it stood then (default: now)"), N_("DATETIME") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autoptr(GString) out = g_string_new ("[");
  g_autoptr(AlvhCliTable) table = entries_table_new ();
  gint64 account_id = 0, at = g_get_real_time () / G_USEC_PER_SEC;
  int status = ALVH_EXIT_USAGE;
  guint n = 0;

  if (!parse ("list", &argc, &argv, own, &c, NULL, &status))
    return status;
  if (argc > 1)
    return alvh_cli_usage_error (CMD, "list: unexpected argument “%s”", argv[1]);
  if (at_text != NULL && !alvh_cli_parse_datetime (at_text, TRUE, &at))
    return alvh_cli_usage_error (CMD, "list: --at “%s” is not a date-time (YYYY-MM-DD HH:MM)", at_text);

  store = open_store (&c, &account_id, FALSE, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  ledger = alvh_cli_load_ledger (store, account_id, c.market_db, &error);
  if (ledger == NULL)
    return alvh_cli_fail (CMD, error);

  for (guint i = 0; i < alvh_ledger_get_n_positions (ledger); i++)
    {
      AlvhLedgerEntry e;

      if (!alvh_ledger_entry_at (ledger, i, at, &e))
        continue;
      if (!c.json)
        {
          add_entry_text (table, &e);
          continue;
        }
      if (n++ > 0)
        g_string_append_c (out, ',');
      append_entry_json (out, &e);
    }
  if (c.json)
    {
      g_string_append (out, "]\n");
      fputs (out->str, stdout);
    }
  else
    alvh_cli_table_print (table, stdout, NULL);
  return ALVH_EXIT_OK;
}

int
alvh_cmd_book (int    argc,
               char **argv)
{
  static const AlvhCliSubcommand subs[] = {
    { "add-condor", cmd_add_condor },
    { "add-leg", cmd_add_leg },
    { "close", cmd_close },
    { "list", cmd_list },
  };

  return alvh_cli_dispatch (CMD, argc, argv, subs, G_N_ELEMENTS (subs), print_usage);
}
