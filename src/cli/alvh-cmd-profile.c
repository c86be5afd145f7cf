/* alvh-cmd-profile.c — `alvh profile`: print, check, import and export rule profiles
 *
 *   alvh profile default              the spec's profile, documented, as a starting point
 *   alvh profile show [NAME]          a stored profile (latest version) or the default
 *   alvh profile validate FILE        read a profile file and check every rule
 *   alvh profile import FILE          store a profile file as a new version of its name
 *   alvh profile export NAME          a stored profile as a documented file
 *
 * The file format and every key come from the one table in alvh-profile.c
 * (alvh_profile_dup_reference()).
 */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-core.h"
#include "alvh-stored-eval.h"

#define CMD "profile"

static void
print_usage (FILE *out)
{
  g_autofree char *reference = alvh_profile_dup_reference ();

  fprintf (out, "%s\n\n", _("Usage: alvh profile default|show [NAME]|validate FILE|import FILE|export NAME [--db FILE]"));
  fprintf (out, "  %-16s %s\n", "default", _("Print the spec's profile with every key explained, as a starting point"));
  fprintf (out, "  %-16s %s\n", "show [NAME]", _("Print a stored profile (latest version; default: the active default)"));
  fprintf (out, "  %-16s %s\n", "validate FILE", _("Check a profile file; exit 1 with the key, value and rule of the first mistake"));
  fprintf (out, "  %-16s %s\n", "import FILE", _("Store a profile file in the journal as a new version of its name (--name NAME to rename)"));
  fprintf (out, "  %-16s %s\n", "export NAME", _("Write a stored profile as a documented file to stdout (or --output FILE)"));
  fprintf (out, "\n%s\n\n", _("Every subcommand takes --db FILE (default: $ALVH_DB or the app's journal)."));
  fprintf (out, "%s", reference);
}

/* Parses the flags of a subcommand: --db, and --name / --output where given. */
static gboolean
parse_flags (const char  *parameter,
             char       **db,
             char       **name,
             char       **output,
             int         *argc,
             char      ***argv,
             GError     **error)
{
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db, N_("The journal database"), N_("FILE") },
    { NULL }, { NULL }, { NULL }
  };
  guint n = 1;

  if (name != NULL)
    entries[n++] = (GOptionEntry) { "name", 0, 0, G_OPTION_ARG_STRING, name, N_("Store under this name instead of the file's"), N_("NAME") };
  if (output != NULL)
    entries[n++] = (GOptionEntry) { "output", 'o', 0, G_OPTION_ARG_FILENAME, output, N_("Write to FILE instead of stdout"), N_("FILE") };
  if (!alvh_cli_parse_options (parameter, NULL, entries, argc, argv, error))
    return FALSE;
  alvh_cli_drop_end_of_options (argc, *argv);
  return TRUE;
}

/* Opens the journal: storing a profile creates a missing journal (and says
 * so); reading creates nothing. */
static AlvhJournalStore *
open_store (const char  *db,
            gboolean     write,
            GError     **error)
{
  return alvh_cli_open_journal (CMD, db, write ? ALVH_STORE_CREATE : ALVH_STORE_READ, error);
}

/* The latest version of the profile @name (NULL: the active default)
 * stored in the journal @db */
static AlvhProfile *
load_stored (const char  *db,
             const char  *name,
             GError     **error)
{
  g_autoptr(AlvhJournalStore) store = open_store (db, FALSE, error);

  if (store == NULL)
    return NULL;
  return alvh_stored_load_profile (store, name, error);
}

static int
cmd_default (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) profile = alvh_profile_new ();
  g_autofree char *db = NULL;
  g_autofree char *text = NULL;

  if (!parse_flags (NULL, &db, NULL, NULL, &argc, &argv, &error))
    return alvh_cli_usage_error (CMD, "%s", error->message);
  if (argc > 1)
    return alvh_cli_usage_error (CMD, "default: unexpected argument “%s”", argv[1]);
  text = alvh_profile_to_documented_data (profile, NULL);
  fputs (text, stdout);
  return ALVH_EXIT_OK;
}

static int
cmd_show (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autofree char *db = NULL;
  g_autofree char *text = NULL;

  if (!parse_flags ("[NAME]", &db, NULL, NULL, &argc, &argv, &error))
    return alvh_cli_usage_error (CMD, "%s", error->message);
  if (argc > 2)
    return alvh_cli_usage_error (CMD, "show: unexpected argument “%s”", argv[2]);
  profile = load_stored (db, argc > 1 ? argv[1] : NULL, &error);
  if (profile == NULL)
    return alvh_cli_fail (CMD, error);
  text = alvh_profile_to_data (profile, NULL);
  fputs (text, stdout);
  return ALVH_EXIT_OK;
}

static int
cmd_validate (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autofree char *db = NULL;

  if (!parse_flags ("FILE", &db, NULL, NULL, &argc, &argv, &error))
    return alvh_cli_usage_error (CMD, "%s", error->message);
  if (argc != 2)
    return alvh_cli_usage_error (CMD, "validate: expected one FILE");
  profile = alvh_profile_new_from_file (argv[1], &error);
  if (profile == NULL)
    return alvh_cli_fail (CMD, error);
  printf (_("%s: profile “%s” version %d is valid\n"), argv[1],
          alvh_profile_get_name (profile), alvh_profile_get_version (profile));
  return ALVH_EXIT_OK;
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autofree char *db = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  int version = 0;

  if (!parse_flags ("FILE", &db, &name, NULL, &argc, &argv, &error))
    return alvh_cli_usage_error (CMD, "%s", error->message);
  if (argc != 2)
    return alvh_cli_usage_error (CMD, "import: expected one FILE");
  if (name != NULL && *g_strstrip (name) == '\0')
    return alvh_cli_usage_error (CMD, "import: --name must not be empty");
  profile = alvh_profile_new_from_file (argv[1], &error);
  if (profile == NULL)
    return alvh_cli_fail (CMD, error);
  if (name != NULL)
    alvh_profile_set_name (profile, name);
  if (*alvh_profile_get_name (profile) == '\0')
    return alvh_cli_usage_error (CMD, "import: %s has no name= in [profile]; give --name NAME", argv[1]);

  store = open_store (db, TRUE, &error);
  if (store == NULL)
    return alvh_cli_fail (CMD, error);
  text = alvh_profile_to_data (profile, NULL);
  if (alvh_journal_store_save_profile (store, alvh_profile_get_name (profile), text, &version, &error) == 0)
    return alvh_cli_fail (CMD, error);
  printf (_("Stored profile “%s” version %d\n"), alvh_profile_get_name (profile), version);
  return ALVH_EXIT_OK;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autofree char *db = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!parse_flags ("NAME", &db, NULL, &output, &argc, &argv, &error))
    return alvh_cli_usage_error (CMD, "%s", error->message);
  if (argc != 2)
    return alvh_cli_usage_error (CMD, "export: expected one NAME");
  profile = load_stored (db, argv[1], &error);
  if (profile == NULL)
    return alvh_cli_fail (CMD, error);
  text = alvh_profile_to_documented_data (profile, &length);
  if (!alvh_cli_write_output (output, text, length, &error))
    return alvh_cli_fail (CMD, error);
  return ALVH_EXIT_OK;
}

int
alvh_cmd_profile (int    argc,
                  char **argv)
{
  static const AlvhCliSubcommand subs[] = {
    { "default", cmd_default },
    { "show", cmd_show },
    { "validate", cmd_validate },
    { "import", cmd_import },
    { "export", cmd_export },
  };

  return alvh_cli_dispatch (CMD, argc, argv, subs, G_N_ELEMENTS (subs), print_usage);
}
