/* alvh-cmd-price.c — `alvh price`: price and greeks of one European option
 *
 *   alvh price --model bs|black76 --type call|put (--spot S | --forward F)
 *              --strike K --days D --vol V [--rate R] [--div Q]
 *
 * prints one JSON object {"price","delta","gamma","theta","vega","rho","rho_q"}:
 * T = D / 365, theta per calendar day, vega per vol point, rho and rho_q
 * (dividend rho) per percentage point.  The flag parsing is shared with `alvh iv`
 * (alvh_cli_parse_option_args).
 */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-cli-pricing.h"
#include "alvh-core.h"

#define DEFAULT_RATE 0.04
#define DEFAULT_DIV  0.013
#define MAX_DAYS     36500.0 /* a hundred years */
#define MAX_VOL      5.0     /* 500 %: `--vol 20` is a mistake for 0.20 */

/* A number from a flag value, or a usage error naming the flag. */
static gboolean
parse_number (const char *command, const char *flag, const char *text,
              double *out, int *status)
{
  if (text == NULL || alvh_cli_scan_number (&text, out))
    return TRUE;
  *status = alvh_cli_usage_error (command, _("%s: “%s” is not a finite number"), flag, text);
  return FALSE;
}

/* Parses the flags common to `alvh price` and `alvh iv`.  `value_flag` is
 * "vol" or "price"; its number goes to args->value.  Returns FALSE with
 * *status set (usage error already printed) on bad input. */
/* --model, --spot and --forward: which model and underlying. */
static gboolean
pick_model (const char        *command,
            const char        *model,
            const char        *spot,
            const char        *forward,
            AlvhCliOptionArgs *args,
            int               *status)
{
  if (spot != NULL && forward != NULL)
    {
      *status = alvh_cli_usage_error (command, _("give either --spot or --forward, not both"));
      return FALSE;
    }
  if (spot == NULL && forward == NULL)
    {
      *status = alvh_cli_usage_error (command, _("--spot S (model bs) or --forward F (model black76) is required"));
      return FALSE;
    }

  if (model == NULL)
    args->model = spot != NULL ? ALVH_MODEL_BLACK_SCHOLES : ALVH_MODEL_BLACK_76;
  else if (g_ascii_strcasecmp (model, "bs") == 0 || g_ascii_strcasecmp (model, "bsm") == 0)
    args->model = ALVH_MODEL_BLACK_SCHOLES;
  else if (g_ascii_strcasecmp (model, "black76") == 0)
    args->model = ALVH_MODEL_BLACK_76;
  else
    {
      *status = alvh_cli_usage_error (command, _("--model: “%s” is not bs or black76"), model);
      return FALSE;
    }
  if (args->model == ALVH_MODEL_BLACK_SCHOLES && spot == NULL)
    {
      *status = alvh_cli_usage_error (command, _("--model bs takes --spot S, not --forward"));
      return FALSE;
    }
  if (args->model == ALVH_MODEL_BLACK_76 && forward == NULL)
    {
      *status = alvh_cli_usage_error (command, _("--model black76 takes --forward F, not --spot"));
      return FALSE;
    }
  return TRUE;
}

/* --type call|put (or c|p). */
static gboolean
pick_type (const char        *command,
           const char        *type,
           AlvhCliOptionArgs *args,
           int               *status)
{
  if (type == NULL)
    {
      *status = alvh_cli_usage_error (command, _("--type call|put is required"));
      return FALSE;
    }
  if (g_ascii_strcasecmp (type, "call") == 0 || g_ascii_strcasecmp (type, "c") == 0)
    args->type = ALVH_OPTION_CALL;
  else if (g_ascii_strcasecmp (type, "put") == 0 || g_ascii_strcasecmp (type, "p") == 0)
    args->type = ALVH_OPTION_PUT;
  else
    {
      *status = alvh_cli_usage_error (command, _("--type: “%s” is not call or put"), type);
      return FALSE;
    }
  return TRUE;
}

/* The ranges of the numbers read; @underlying_flag names the one given. */
static gboolean
check_ranges (const char        *command,
              const char        *underlying_flag,
              AlvhCliOptionArgs *args,
              int               *status)
{
  if (!(args->underlying > 0.0))
    {
      *status = alvh_cli_usage_error (command, "%s “%g”: expected a price above 0", underlying_flag, args->underlying);
      return FALSE;
    }
  if (!(args->strike > 0.0))
    {
      *status = alvh_cli_usage_error (command, "--strike “%g”: expected a price above 0", args->strike);
      return FALSE;
    }
  return TRUE;
}

gboolean
alvh_cli_parse_option_args (const char *command, const char *value_flag,
                            const char *value_help, int argc, char **argv,
                            AlvhCliOptionArgs *args, int *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL, *type = NULL, *spot = NULL, *forward = NULL;
  g_autofree char *strike = NULL, *days = NULL, *value = NULL, *rate = NULL, *div = NULL;
  g_autofree char *value_name = g_strdup_printf ("--%s", value_flag);
  GOptionEntry entries[] = {
    { "model", 0, 0, G_OPTION_ARG_STRING, &model, N_("Pricing model: bs (Black-Scholes-Merton on the spot) or black76 (on the forward); default from --spot/--forward"), "bs|black76" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("Option type"), "call|put" },
    { "spot", 0, 0, G_OPTION_ARG_STRING, &spot, N_("Spot price S, above 0 (model bs)"), "S" },
    { "forward", 0, 0, G_OPTION_ARG_STRING, &forward, N_("Forward or futures price F, above 0 (model black76)"), "F" },
    { "strike", 0, 0, G_OPTION_ARG_STRING, &strike, N_("Strike K, above 0"), "K" },
    { "days", 0, 0, G_OPTION_ARG_STRING, &days, N_("Calendar days to expiry (T = D / 365), 0 to 36500"), "D" },
    { value_flag, 0, 0, G_OPTION_ARG_STRING, &value, value_help, "X" },
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate, N_("Continuously compounded rate as a fraction, -1 to 1 (default 0.04 = 4 %)"), "R" },
    { "div", 0, 0, G_OPTION_ARG_STRING, &div, N_("Dividend yield as a fraction, -1 to 1 (default 0.013; ignored by black76)"), "Q" },
    { NULL }
  };

  memset (args, 0, sizeof *args);
  args->rate = DEFAULT_RATE;
  args->div = DEFAULT_DIV;

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      *status = alvh_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  if (argc > 1)
    {
      *status = alvh_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
      return FALSE;
    }

  if (!pick_model (command, model, spot, forward, args, status) ||
      !pick_type (command, type, args, status))
    return FALSE;

  if (strike == NULL)
    {
      *status = alvh_cli_usage_error (command, _("--strike K is required"));
      return FALSE;
    }
  if (days == NULL)
    {
      *status = alvh_cli_usage_error (command, _("--days D is required"));
      return FALSE;
    }
  if (value == NULL)
    {
      *status = alvh_cli_usage_error (command, _("%s is required"), value_name);
      return FALSE;
    }

  if (!parse_number (command, spot != NULL ? "--spot" : "--forward", spot != NULL ? spot : forward,
                     &args->underlying, status)
      || !parse_number (command, "--strike", strike, &args->strike, status)
      || !alvh_cli_parse_number_flag (command, "--days", days, 0, MAX_DAYS, "calendar days", &args->days, status)
      || !parse_number (command, value_name, value, &args->value, status)
      || !alvh_cli_parse_number_flag (command, "--rate", rate, -1, 1, "a fraction per year (0.04 = 4 %)", &args->rate, status)
      || !alvh_cli_parse_number_flag (command, "--div", div, -1, 1, "a fraction per year (0.013 = 1.3 %)", &args->div, status))
    return FALSE;

  if (!check_ranges (command, spot != NULL ? "--spot" : "--forward", args, status))
    return FALSE;
  if (args->model == ALVH_MODEL_BLACK_76)
    args->div = 0.0;
  return TRUE;
}

/* Appends "key": value with enough digits to round-trip, in the C locale. */
void
alvh_cli_json_number (GString *out, const char *key, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (out->len > 1)
    g_string_append_c (out, ',');
  g_string_append_printf (out, "\"%s\":", key);
  if (!isfinite (v))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", v == 0.0 ? 0.0 : v));
}

int
alvh_cmd_price (int argc, char **argv)
{
  AlvhCliOptionArgs args;
  AlvhGreeks g;
  g_autoptr(GString) out = g_string_new ("{");
  int status = ALVH_EXIT_OK;

  if (!alvh_cli_parse_option_args ("price", "vol",
                                   N_("Volatility as a fraction, 0 to 5 (0.20 = 20 %)"),
                                   argc, argv, &args, &status))
    return status;
  if (args.value < 0.0 || args.value > MAX_VOL)
    return alvh_cli_usage_error ("price", "--vol “%g”: expected a fraction from 0 to %g (0.20 = 20 %%)",
                                 args.value, MAX_VOL);

  alvh_option_greeks (args.model, args.type, args.underlying, args.strike,
                      args.days / 365.0, args.value, args.rate, args.div, &g);

  alvh_cli_json_number (out, "price", g.price);
  alvh_cli_json_number (out, "delta", g.delta);
  alvh_cli_json_number (out, "gamma", g.gamma);
  alvh_cli_json_number (out, "theta", g.theta);
  alvh_cli_json_number (out, "vega", g.vega);
  alvh_cli_json_number (out, "rho", g.rho);
  /* dividend rho per percentage point of q: -T S delta / 100 under
   * Black-Scholes-Merton (exact for calls and puts); Black-76 has no q */
  alvh_cli_json_number (out, "rho_q", args.model == ALVH_MODEL_BLACK_SCHOLES
                                      ? -0.01 * (args.days / 365.0) * args.underlying * g.delta
                                      : 0.0);
  g_string_append_c (out, '}');
  printf ("%s\n", out->str);
  return ALVH_EXIT_OK;
}
