/* alvh-cmd-import-fills.c — `alvh import-fills`: brokers' statements into the journal as fills */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "alvh-cli.h"
#include "alvh-core.h"
#include "alvh-fill-import.h"
#include "alvh-stored-eval.h"

#define CMD "import-fills"

static void
add_ids (JsonBuilder  *b,
         const char   *member,
         GArray       *ids)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (b, g_array_index (ids, gint64, i));
  json_builder_end_array (b);
}

static void
add_file_json (JsonBuilder              *b,
               const AlvhFillImportFile *f)
{
  json_builder_begin_object (b);
  alvh_cli_json_add_string (b, "file", f->path);
  alvh_cli_json_add_string (b, "broker", alvh_broker_to_string (f->broker));
  alvh_cli_json_add_int (b, "executions", f->executions);
  alvh_cli_json_add_int (b, "duplicates", f->duplicates);
  alvh_cli_json_add_int (b, "fills", f->fills);
  alvh_cli_json_add_int (b, "positions_opened", f->opened);
  alvh_cli_json_add_int (b, "positions_closed", f->closed);
  add_ids (b, "condors", f->condor_ids);
  add_ids (b, "legs", f->leg_ids);
  json_builder_set_member_name (b, "skipped");
  json_builder_begin_array (b);
  for (guint i = 0; i < f->skipped->len; i++)
    {
      const AlvhBrokerSkip *s = g_ptr_array_index (f->skipped, i);

      json_builder_begin_object (b);
      alvh_cli_json_add_int (b, "line", s->line);
      alvh_cli_json_add_string (b, "row", s->text);
      alvh_cli_json_add_string (b, "reason", s->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_file (const AlvhFillImportFile *f)
{
  printf ("%s: %s, %u executions (%u already imported), %u fills, %u positions opened, %u closing fills\n",
          f->path, alvh_broker_to_string (f->broker), f->executions, f->duplicates, f->fills, f->opened, f->closed);
  for (guint i = 0; i < f->skipped->len; i++)
    {
      const AlvhBrokerSkip *s = g_ptr_array_index (f->skipped, i);
      g_autofree char *text = alvh_cli_terminal_text (s->text, FALSE);

      printf ("  %s:%u: %s: %s\n", f->path, s->line, text, s->reason);
    }
}

int
alvh_cmd_import_fills (int    argc,
                       char **argv)
{
  g_autofree char *db = NULL, *account = NULL, *broker_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal database (default: the app's alvh.sqlite)"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account, N_("Account (default Main)"), N_("NAME") },
    { "broker", 0, 0, G_OPTION_ARG_STRING, &broker_text, N_("auto, ibkr, tastytrade or schwab (default auto: from the header)"), N_("BROKER") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *path = NULL;
  AlvhBroker broker = ALVH_BROKER_AUTO;
  gint64 account_id;
  const char *summary = _("Import the trades of brokers' statements (Interactive Brokers Flex Query trades, tastytrade transaction history, Schwab/thinkorswim account statement) as fills: SPX iron condors, VIX and SPX hedge legs, their closes and expiries with fees. A statement imported again adds nothing twice; any error leaves the journal as it was.");

  if (!alvh_cli_parse_options (_("FILE…"), summary, entries, &argc, &argv, &error))
    return alvh_cli_usage_error (CMD, "%s", error->message);
  alvh_cli_drop_end_of_options (&argc, argv);
  if (argc < 2)
    return alvh_cli_usage_error (CMD, "expected one or more statement files");
  if (broker_text != NULL && !alvh_broker_from_string (broker_text, &broker))
    return alvh_cli_usage_error (CMD, "--broker must be auto, ibkr, tastytrade or schwab");

  /* a statement that cannot be read leaves everything as it was, no journal made */
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(AlvhBrokerStatement) stmt = alvh_broker_statement_read (argv[i], broker, &error);

      if (stmt == NULL)
        return alvh_cli_fail (CMD, error);
    }
  path = db != NULL ? g_strdup (db) : alvh_cli_default_db ();
  if (!alvh_cli_make_parent (path, &error))
    return alvh_cli_fail (CMD, error);
  store = alvh_cli_open_journal (CMD, path, ALVH_STORE_CREATE, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  account_id = alvh_stored_find_account (store, account, TRUE, &error);
  if (account_id == 0)
    return alvh_cli_fail (CMD, error);
  files = alvh_fill_import (store, account_id, (const char * const *) argv + 1, broker, &error);
  if (files == NULL)
    return alvh_cli_fail (CMD, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *out = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (guint i = 0; i < files->len; i++)
        add_file_json (b, g_ptr_array_index (files, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      out = alvh_cli_json_finish (b);
      printf ("%s\n", out);
    }
  else
    for (guint i = 0; i < files->len; i++)
      print_file (g_ptr_array_index (files, i));
  return ALVH_EXIT_OK;
}
