/* alvh.c — the `alvh` command: dispatch to subcommands */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"

typedef int (*AlvhCommandFunc) (int argc, char **argv);

typedef struct
{
  const char      *name;
  AlvhCommandFunc  func;
  const char      *summary;
} AlvhCommand;

/* One line per subcommand */
static const AlvhCommand commands[] = {
  { "demo",    alvh_cmd_demo,    N_("Write the bundled demo data set as CSV files") },
  { "import",  alvh_cmd_import,  N_("Import market data files (Cboe, Yahoo, Stooq, CFE, ...) into the market database") },
  { "eval",    alvh_cmd_eval,    N_("The ALVH decision for the current book in the database") },
  { "fetch",   alvh_cmd_fetch,   N_("Download daily SPX, VIX, VIX9D, VIX3M, VVIX and SKEW history and import it") },
  { "price",   alvh_cmd_price,   N_("Price and greeks of one European option (Black-Scholes or Black-76) as JSON") },
  { "iv",      alvh_cmd_iv,      N_("Implied volatility of one European option price as JSON") },
  { "chain",   alvh_cmd_chain,   N_("A stored SPX option chain with our IV and greeks and Cboe's") },
  { "replay",  alvh_cmd_replay,  N_("Replay the ALVH rules over history (CSV files in, decisions and P&L out)") },
  { "book",    alvh_cmd_book,    N_("Record condors, legs and closes with their real fills; list the book at any time") },
  { "import-fills", alvh_cmd_import_fills, N_("Import fills from brokers' statements (IBKR, tastytrade, Schwab) into the journal") },
  { "pnl",     alvh_cmd_pnl,     N_("The P&L of a period: realised, change in unrealised, fees") },
  { "journal", alvh_cmd_journal, N_("List, show, annotate, summarise and export the trading journal") },
  { "report",  alvh_cmd_report,  N_("Write a PDF, HTML or CSV report of the journal or of a replay") },
  { "chart",   alvh_cmd_chart,   N_("Draw the SPX / VIX / MACD chart to a PNG, PDF or SVG file") },
  { "profile", alvh_cmd_profile, N_("Print the default rule profile, check, import and export profile files") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: alvh COMMAND [OPTION…]"));
  fprintf (out, "%s\n\n", _("ALVH Desk on the command line: market data, pricing, the ALVH evaluator, replays, the journal and reports."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run 'alvh COMMAND --help' for the options of a command."));
  fprintf (out, "%s\n", _("Exit status: 0 success, 1 the work failed, 2 bad flags or values."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ALVH_LOCALEDIR") ? g_getenv ("ALVH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* options given before the command (`alvh --db F journal list`) follow it */
  if (argc > 2 && argv[1][0] == '-')
    {
      const char *names[G_N_ELEMENTS (commands) + 1] = { NULL };

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        names[i] = commands[i].name;
      alvh_cli_hoist_word (argc, argv, names);
    }

  if (argc < 2)
    {
      print_help (stderr);
      return ALVH_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return ALVH_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("alvh %s\n", PACKAGE_VERSION);
      return ALVH_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  fprintf (stderr, "alvh: unknown command “%s” (see 'alvh --help')\n", argv[1]);
  return ALVH_EXIT_USAGE;
}
