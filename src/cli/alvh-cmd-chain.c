/* alvh-cmd-chain.c — `alvh chain`: a stored option chain with our IV and greeks
 *
 *   alvh chain --date DATE [--expiry DATE] [--json] [--db FILE]
 *
 * Lists the SPX chain stored for the session DATE (imported with `alvh
 * import` from a Cboe download): per expiry the parity-implied forward and
 * the ATM IV, per strike and type bid, ask, mid, our IV and greeks (Black-76
 * on that forward, r = 4 %, at the chain's valuation time) and Cboe's own IV
 * and delta.  Greeks: delta per 1 point of the index, gamma per point,
 * theta per calendar day, vega per volatility point (0.01).
 */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-cli-table.h"
#include "alvh-core.h"

static void
add_quote_json (JsonBuilder           *b,
                const AlvhOptionChainRow *row,
                const char            *type,
                const AlvhOptionQuote *q)
{
  json_builder_begin_object (b);
  alvh_cli_json_add_number (b, "strike", row->strike);
  alvh_cli_json_add_string (b, "type", type);
  alvh_cli_json_add_number (b, "bid", q->bid);
  alvh_cli_json_add_number (b, "ask", q->ask);
  alvh_cli_json_add_number (b, "mid", q->mid);
  alvh_cli_json_add_number (b, "iv", q->iv);
  alvh_cli_json_add_number (b, "delta", q->delta);
  alvh_cli_json_add_number (b, "gamma", q->gamma);
  alvh_cli_json_add_number (b, "theta", q->theta);
  alvh_cli_json_add_number (b, "vega", q->vega);
  alvh_cli_json_add_number (b, "cboe_iv", q->cboe_iv);
  alvh_cli_json_add_number (b, "cboe_delta", q->cboe_delta);
  alvh_cli_json_add_number (b, "volume", q->volume);
  alvh_cli_json_add_number (b, "open_interest", q->open_interest);
  json_builder_end_object (b);
}

static void
add_expiry_json (JsonBuilder                 *b,
                 AlvhOptionChain             *chain,
                 const AlvhOptionChainExpiry *e)
{
  g_autofree char *d = alvh_time_format_ny_date (e->expiry);

  json_builder_begin_object (b);
  alvh_cli_json_add_string (b, "expiry", d);
  alvh_cli_json_add_string (b, "settlement", e->pm_settled ? "pm" : "am");
  alvh_cli_json_add_number (b, "years", e->t);
  alvh_cli_json_add_number (b, "forward", e->forward);
  alvh_cli_json_add_number (b, "atm_iv", e->atm_iv);
  json_builder_set_member_name (b, "quotes");
  json_builder_begin_array (b);
  for (guint i = e->first_row; i < e->first_row + e->n_rows; i++)
    {
      const AlvhOptionChainRow *row = alvh_option_chain_get_row (chain, i);

      add_quote_json (b, row, "call", &row->call);
      add_quote_json (b, row, "put", &row->put);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* a quote's number through the formatter, "—" when there is none */
static char *
quote_value (double v,
             int    digits)
{
  return isfinite (v) ? alvh_format_number (v, digits, ALVH_FORMAT_SCREEN) : g_strdup ("—");
}

static void
add_quote (AlvhCliTable             *table,
           const AlvhOptionChainRow *row,
           const char               *type,
           const AlvhOptionQuote    *q)
{
  alvh_cli_table_add (table, alvh_format_price (row->strike, ALVH_FORMAT_SCREEN), g_strdup (type),
                      quote_value (q->bid, 2), quote_value (q->ask, 2), quote_value (q->mid, 3),
                      quote_value (q->iv, 4), quote_value (q->delta, 4), quote_value (q->gamma, 6),
                      quote_value (q->theta, 3), quote_value (q->vega, 2), quote_value (q->cboe_iv, 4),
                      quote_value (q->cboe_delta, 4));
}

static void
print_expiry (AlvhOptionChain             *chain,
              const AlvhOptionChainExpiry *e)
{
  g_autofree char *d = alvh_time_format_ny_date (e->expiry);
  g_autofree char *days = alvh_format_number (e->t * 365.0, 1, ALVH_FORMAT_SCREEN);
  g_autofree char *forward = alvh_format_price (e->forward, ALVH_FORMAT_SCREEN);
  g_autofree char *atm = alvh_format_number (e->atm_iv, 4, ALVH_FORMAT_SCREEN);
  g_autoptr(AlvhCliTable) table = alvh_cli_table_new ("rlrrrrrrrrrr", _("strike"), _("type"), _("bid"),
                                                      _("ask"), _("mid"), _("IV"), _("delta"), _("gamma"),
                                                      _("theta/d"), _("vega"), _("Cboe IV"), _("Cboe Δ"));

  printf (_("Expiry %s (%s), %s days, forward %s, ATM IV %s\n"), d, e->pm_settled ? "PM" : "AM", days, forward, atm);
  for (guint i = e->first_row; i < e->first_row + e->n_rows; i++)
    {
      const AlvhOptionChainRow *row = alvh_option_chain_get_row (chain, i);

      add_quote (table, row, _("call"), &row->call);
      add_quote (table, row, _("put"), &row->put);
    }
  alvh_cli_table_print (table, stdout, NULL);
}

/* the chain as text or JSON, only the expiry @expiry when it is not 0 */
static int
print_chain (AlvhOptionChain *chain,
             gint64           session,
             gint64           expiry,
             gboolean         as_json)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *date = alvh_time_format_ny_date (session);
  g_autofree char *quoted = alvh_time_format_in_zone (alvh_option_chain_get_quote_time (chain), NULL,
                                                             "%Y-%m-%dT%H:%M:%SZ");
  guint shown = 0;

  json_builder_begin_object (b);
  alvh_cli_json_add_string (b, "date", date);
  alvh_cli_json_add_string (b, "underlying", "SPX");
  alvh_cli_json_add_number (b, "spot", alvh_option_chain_get_spot (chain));
  alvh_cli_json_add_string (b, "quote_time", quoted);
  alvh_cli_json_add_number (b, "rate", 0.04);
  json_builder_set_member_name (b, "expiries");
  json_builder_begin_array (b);
  if (!as_json)
    {
      g_autofree char *spot = alvh_format_price (alvh_option_chain_get_spot (chain), ALVH_FORMAT_SCREEN);

      printf (_("SPX chain of %s: spot %s, quoted %s; our IV and greeks are Black-76 on the "
                "parity-implied forward at r = 4 %%\n"), date, spot, quoted);
    }
  for (guint i = 0; i < alvh_option_chain_get_n_expiries (chain); i++)
    {
      const AlvhOptionChainExpiry *e = alvh_option_chain_get_expiry (chain, i);

      if (expiry != 0 && alvh_time_ny_day (e->expiry) != alvh_time_ny_day (expiry))
        continue;
      shown++;
      if (as_json)
        add_expiry_json (b, chain, e);
      else
        print_expiry (chain, e);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (shown == 0)
    {
      g_autofree char *d = alvh_time_format_ny_date (expiry);

      fprintf (stderr, _("alvh chain: the chain of %s has no expiry %s\n"), date, d);
      return ALVH_EXIT_FAILURE;
    }
  if (as_json)
    {
      g_autofree char *text = alvh_cli_json_finish (b);

      printf ("%s\n", text);
    }
  return ALVH_EXIT_OK;
}

int
alvh_cmd_chain (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(AlvhOptionChain) chain = NULL;
  g_autofree char *db = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *expiry_text = NULL;
  gboolean as_json = FALSE;
  gint64 date = 0, expiry = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Market database (default: $ALVH_MARKET_DB or the app's market.sqlite)"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The session whose chain is listed (YYYY-MM-DD)"), N_("DATE") },
    { "expiry", 0, 0, G_OPTION_ARG_STRING, &expiry_text, N_("Only this expiry (YYYY-MM-DD)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!alvh_cli_parse_flags ("chain",
                             _("List the SPX option chain stored for a session (import a Cboe chain download with "
                               "`alvh import` first): per expiry the parity-implied forward and ATM IV; per strike and type "
                               "bid, ask, mid, our IV and greeks (Black-76 on that forward, r = 4 %; theta per calendar day, "
                               "vega per volatility point) and Cboe's own IV and delta."),
                             entries, &argc, &argv, &status))
    return status;
  if (date_text == NULL)
    return alvh_cli_usage_error ("chain", "--date is required");
  if (!alvh_cli_parse_date (date_text, &date))
    return alvh_cli_usage_error ("chain", "--date “%s”: expected a date YYYY-MM-DD", date_text);
  if (expiry_text != NULL && !alvh_cli_parse_date (expiry_text, &expiry))
    return alvh_cli_usage_error ("chain", "--expiry “%s”: expected a date YYYY-MM-DD", expiry_text);

  store = alvh_cli_open_market ("chain", db, ALVH_STORE_READ, &error);
  if (store == NULL)
    return alvh_cli_fail ("chain", error);
  chain = alvh_market_store_load_chain (store, "SPX", date, &error);
  if (chain == NULL)
    return alvh_cli_fail ("chain", error);
  return print_chain (chain, alvh_option_chain_get_session_date (chain), expiry, as_json);
}
