/* alvh-cmd-eval.c — `alvh eval`: the decision for the current book in the database */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-core.h"
#include "alvh-stored-eval.h"

/* The proposed leg with everything the JSON's "leg" holds, for people. */
static void
print_proposal (const AlvhDecision *d)
{
  g_autofree char *size = alvh_format_significant (d->size, 6, ALVH_FORMAT_SCREEN);
  g_autofree char *lo = alvh_format_significant (d->leg.long_strike, 6, ALVH_FORMAT_SCREEN);
  g_autofree char *hi = alvh_format_significant (d->leg.short_strike, 6, ALVH_FORMAT_SCREEN);
  g_autofree char *expiry = alvh_format_date (d->leg.expiry);
  g_autofree char *premium = alvh_format_price (d->leg.premium, ALVH_FORMAT_SCREEN);
  g_autofree char *forward = alvh_format_price (d->leg_forward, ALVH_FORMAT_SCREEN);
  g_autofree char *vol = alvh_format_percent (d->leg_vol, 0, ALVH_FORMAT_SCREEN);
  g_autofree char *cost = alvh_format_money (d->estimated_cost, ALVH_MONEY_CENTS);
  gulong n = d->size == 1.0 ? 1 : 2; /* the plural form: "1 call spread", "1.5 call spreads" */

  printf (ngettext ("Proposed: layer %u, %s × VIX %s/%s call spread, VIX expiry %s\n",
                    "Proposed: layer %u, %s × VIX %s/%s call spreads, VIX expiry %s\n", n),
          d->layer, size, lo, hi, expiry);
  printf (_("          premium %s per spread (forward %s, vol %s), estimated cost %s\n"),
          premium, forward, vol, cost);
}

static void
print_text (const AlvhDecision *d,
            const char         *account)
{
  g_autofree char *paid = alvh_format_money (d->premium_paid, ALVH_MONEY_CENTS);
  g_autofree char *credit = alvh_format_money (d->credit_collected, ALVH_MONEY_CENTS);

  g_autofree char *day = alvh_time_format_ny_date (d->time);
  g_auto(GStrv) sentences = alvh_decision_dup_explanation (d);

  printf (_("%s  account %s  profile %s v%d\n"), day, account, d->profile_name, d->profile_version);
  printf (_("Decision: %s (%s)\n"), alvh_action_to_string (d->action), alvh_format_key (alvh_branch_to_string (d->branch)));
  if (d->has_leg)
    print_proposal (d);
  printf (_("Hedge premium paid %s, credit collected %s\n"), paid, credit);
  printf ("\n");
  alvh_cli_print_signals (d, stdout, NULL);
  if (sentences != NULL && sentences[0] != NULL)
    {
      printf ("\n");
      for (guint i = 0; sentences[i] != NULL; i++)
        printf ("• %s\n", sentences[i]);
    }
}

int
alvh_cmd_eval (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhMarketStore) market = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(AlvhBook) book = NULL;
  g_autoptr(AlvhDecision) decision = NULL;
  g_autofree char *db = NULL;
  g_autofree char *market_db = NULL;
  g_autofree char *account = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *format = NULL;
  gboolean record = FALSE;
  gint64 account_id, at = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal database with the book (default: the app's alvh.sqlite)"), N_("FILE") },
    { "market-db", 0, 0, G_OPTION_ARG_FILENAME, &market_db, N_("Market database (default: the app's market.sqlite)"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account, N_("Account whose book is evaluated (default Main)"), N_("NAME") },
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, &profile_arg, N_("Rule profile: a stored profile's name or a profile file (default: the spec's defaults)"), N_("NAME|FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Evaluate the book as it stood then, on the latest bar closed by then (a DATE means its 16:00 New York close; default: now, on the latest bar)"), N_("DATE|DATETIME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("jsonl (default) or text"), N_("FORMAT") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record, N_("Keep the decision in the journal (as not yet acted on)"), NULL },
    { NULL }
  };

  if (!alvh_cli_parse_flags ("eval", _("Evaluate the ALVH rules for the book of an account on the latest bar of the stored market history (or as of --at) and print the decision: one JSON object (ALVH-SPEC section 7) or a readable table."),
                             entries, &argc, &argv, &status))
    return status;
  if (format != NULL && strcmp (format, "jsonl") != 0 && strcmp (format, "text") != 0)
    return alvh_cli_usage_error ("eval", "--format must be jsonl or text, not “%s”", format);
  if (at_text != NULL && !alvh_cli_parse_date (at_text, &at))
    return alvh_cli_usage_error ("eval", "--at “%s” is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)", at_text);
  /* a date alone is that day's close (ALVH-SPEC.md section 1) */
  if (at_text != NULL && strchr (at_text, ':') == NULL)
    at = alvh_time_bar_close (at);

  /* the app's own journal is created when missing; a --db names an existing
   * one (a mistyped name creates nothing); the market store is only read */
  store = alvh_cli_open_journal ("eval", db, db == NULL ? ALVH_STORE_CREATE : ALVH_STORE_WRITE, &error);
  if (store == NULL)
    return alvh_cli_fail ("eval", error);
  market = alvh_cli_open_market ("eval", market_db, ALVH_STORE_READ, &error);
  if (market == NULL)
    return alvh_cli_fail ("eval", error);

  account_id = alvh_stored_find_account (store, account, account == NULL, &error);
  if (account_id == 0)
    return alvh_cli_fail ("eval", error);

  if (profile_arg != NULL && g_file_test (profile_arg, G_FILE_TEST_IS_REGULAR))
    profile = alvh_profile_new_from_file (profile_arg, &error);
  else
    profile = alvh_stored_load_profile (store, profile_arg, &error);
  if (profile == NULL)
    return alvh_cli_fail ("eval", error);

  events = alvh_stored_load_events (store, &error);
  if (events == NULL)
    return alvh_cli_fail ("eval", error);
  frame = alvh_stored_load_frame (market, 0, 0, &error);
  if (frame == NULL)
    return alvh_cli_fail ("eval", error);
  /* the book as it stood at the evaluation's instant */
  book = alvh_stored_load_book_at (store, account_id, alvh_stored_eval_instant (frame, at), &error);
  if (book == NULL)
    return alvh_cli_fail ("eval", error);

  decision = alvh_stored_evaluate (frame, profile, events, book, at, &error);
  if (decision == NULL)
    return alvh_cli_fail ("eval", error);

  if (record)
    {
      gint64 condor_id = alvh_book_get_n_condors (book) > 0 ? alvh_book_get_condor (book, 0)->id : 0;

      if (alvh_journal_store_record_evaluator_decision (store, decision, account_id, condor_id, &error) == 0)
        return alvh_cli_fail ("eval", error);
    }

  if (format != NULL && strcmp (format, "text") == 0)
    print_text (decision, account ? account : ALVH_DEFAULT_ACCOUNT_NAME);
  else
    {
      g_autofree char *json = alvh_decision_to_json (decision);
      printf ("%s\n", json);
    }
  return ALVH_EXIT_OK;
}
