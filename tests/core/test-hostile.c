/* test-hostile.c — hostile inputs (tests/hostile/) and the exact error each gives
 *
 * tests/hostile/expected.txt lists FILE<TAB>MESSAGE where the full error is
 * "tests/hostile/FILE" followed by MESSAGE.  *.csv go through the importer,
 * *.profile through the rule-profile parser, *.events.csv through the events
 * parser.  Inputs too big to keep in git (10 MB lines, 2 million columns) are
 * made here.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "alvh-import.h"

static char *
hostile_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "hostile", NULL);
}

static char *
error_for (const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (path, ".profile"))
    {
      g_autoptr(AlvhProfile) profile = alvh_profile_new_from_file (path, &error);
      if (profile != NULL)
        return NULL;
    }
  else if (g_str_has_suffix (path, ".events.csv"))
    {
      g_autoptr(GPtrArray) events = alvh_events_load_csv (path, &error);
      if (events != NULL)
        return NULL;
    }
  else
    {
      g_autoptr(AlvhImportResult) result = alvh_import_file (path, NULL, NULL, &error);
      if (result != NULL)
        return NULL;
    }
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  return g_strdup (error->message);
}

/* The error @path gives after the path itself, which every message starts
 * with; NULL when @path is accepted */
static char *
error_after_path (const char *path)
{
  g_autofree char *message = error_for (path);

  if (message == NULL)
    return NULL;
  g_test_message ("%s", message);
  g_assert_true (g_str_has_prefix (message, path));
  return g_strdup (message + strlen (path));
}

static void
test_hostile_corpus (void)
{
  g_autofree char *dir = hostile_dir ();
  g_autofree char *list = g_build_filename (dir, "expected.txt", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint checked = 0;

  g_assert_true (g_file_get_contents (list, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (cols), ==, 2);
      path = g_build_filename (dir, cols[0], NULL);
      message = error_after_path (path);
      if (message == NULL)
        g_error ("%s was accepted; expected the error “%s”", cols[0], cols[1]);
      g_assert_cmpstr (message, ==, cols[1]);
      g_hash_table_add (listed, g_strdup (cols[0]));
      checked++;
    }

  /* every file in the folder has its expected error */
  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, "expected.txt") != 0)
      {
        if (!g_hash_table_contains (listed, name))
          g_error ("tests/hostile/%s has no line in expected.txt", name);
      }
  g_assert_cmpuint (checked, >=, 20);
}

/* The error @content gives as a temporary file @name, after its path */
static char *
error_for_content (const char *name,
                   GString    *content)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *message;

  g_assert_true (g_file_set_contents (path, content->str, (gssize) content->len, NULL));
  message = error_after_path (path);
  g_unlink (path);
  g_rmdir (dir);
  g_assert_nonnull (message);
  return message;
}

/* An input too big to keep in git: @head, @unit @repeat times, @tail */
typedef struct
{
  const char *file;
  const char *head;
  const char *unit;
  guint       repeat;
  const char *tail;
  const char *expected;   /* the message after the path */
  gboolean    whole;      /* the whole message, or how it starts */
} MadeInput;

static const MadeInput made_inputs[] = {
  /* a 10 MB field */
  { "long-line.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,", "7", 10 * 1024 * 1024, ",14.2,13.0,13.2\n",
    ":2:12: “7777777777777777777777777777777777777...” is not a number (expected the open value)", TRUE },
  { "many-columns.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,13.2,14.2,13.0,13.2\n01/03/2024,13.2,14.2,13.0,13.2",
    ",1", 2000000, "\n", ":3:32: the row has 2000005 fields (expected 5, as in the header)", TRUE },
  /* a 10 MB column name is no known format (the formats it lists follow) */
  { "huge-header.csv", "DATE,", "X", 10 * 1024 * 1024, "\n01/02/2024,1\n", ":1:1: unknown header “DATE,XXXXXXXX", FALSE },
};

static void
test_hostile_made (gconstpointer data)
{
  const MadeInput *in = data;
  g_autoptr(GString) s = g_string_new (in->head);
  g_autofree char *message = NULL;

  for (guint i = 0; i < in->repeat; i++)
    g_string_append (s, in->unit);
  g_string_append (s, in->tail);
  message = error_for_content (in->file, s);
  if (in->whole)
    g_assert_cmpstr (message, ==, in->expected);
  else
    g_assert_true (g_str_has_prefix (message, in->expected));
  /* however long the input, the message stays short */
  g_assert_cmpuint (strlen (message), <, 2000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/hostile/corpus", test_hostile_corpus);
  g_test_add_data_func ("/core/hostile/ten-megabyte-field", &made_inputs[0], test_hostile_made);
  g_test_add_data_func ("/core/hostile/two-million-columns", &made_inputs[1], test_hostile_made);
  g_test_add_data_func ("/core/hostile/ten-megabyte-header", &made_inputs[2], test_hostile_made);
  return g_test_run ();
}
