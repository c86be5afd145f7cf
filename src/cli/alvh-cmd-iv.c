/* alvh-cmd-iv.c — `alvh iv`: implied volatility of one European option price
 *
 *   alvh iv --model bs|black76 --type call|put (--spot S | --forward F)
 *           --strike K --days D --price P [--rate R] [--div Q]
 *
 * prints {"iv": V}.  A price outside the no-arbitrage bounds (at or below the
 * discounted intrinsic value, at or above the discounted forward for a call
 * or the discounted strike for a put) exits 1 with the bound in the message.
 */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-cli-pricing.h"
#include "alvh-core.h"

int
alvh_cmd_iv (int argc, char **argv)
{
  AlvhCliOptionArgs args;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  int status = ALVH_EXIT_OK;
  double vol = 0.0;

  if (!alvh_cli_parse_option_args ("iv", "price",
                                   N_("Option price whose implied volatility is wanted"),
                                   argc, argv, &args, &status))
    return status;
  if (!(args.days > 0.0))
    return alvh_cli_usage_error ("iv", _("--days must be positive for an implied volatility"));

  if (!alvh_implied_vol (args.model, args.type, args.value, args.underlying, args.strike,
                         args.days / 365.0, args.rate, args.div, &vol, &error))
    return alvh_cli_fail ("iv", error);

  alvh_cli_json_number (out, "iv", vol);
  g_string_append_c (out, '}');
  printf ("%s\n", out->str);
  return ALVH_EXIT_OK;
}
