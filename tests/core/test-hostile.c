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
      g_autofree char *expected = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (cols), ==, 2);
      path = g_build_filename (dir, cols[0], NULL);
      message = error_for (path);
      if (message == NULL)
        g_error ("%s was accepted; expected the error “%s”", cols[0], cols[1]);
      /* the message starts with the path it was given */
      expected = g_strconcat (path, cols[1], NULL);
      g_test_message ("%s", message);
      g_assert_cmpstr (message, ==, expected);
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

static char *
write_temp (const char *name,
            GString    *content)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-hostile-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content->str, (gssize) content->len, NULL));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_hostile_huge_line (void)
{
  g_autoptr(GString) s = g_string_new ("DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,");
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;

  /* a 10 MB field */
  for (int i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (s, '7');
  g_string_append (s, ",14.2,13.0,13.2\n");
  path = write_temp ("long-line.csv", s);
  message = error_for (path);
  expected = g_strconcat (path, ":2:12: “7777777777777777777777777777777777777...” is not a number (expected the open value)", NULL);
  g_assert_cmpstr (message, ==, expected);
  remove_temp (path);
}

static void
test_hostile_many_columns (void)
{
  g_autoptr(GString) s = g_string_new ("DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,13.2,14.2,13.0,13.2\n01/03/2024,13.2,14.2,13.0,13.2");
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;

  for (int i = 0; i < 2000000; i++)
    g_string_append (s, ",1");
  g_string_append_c (s, '\n');
  path = write_temp ("many-columns.csv", s);
  message = error_for (path);
  expected = g_strconcat (path, ":3:32: the row has 2000005 fields (expected 5, as in the header)", NULL);
  g_assert_cmpstr (message, ==, expected);
  remove_temp (path);
}

static void
test_hostile_huge_header (void)
{
  g_autoptr(GString) s = g_string_new ("DATE,");
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  for (int i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (s, 'X');
  g_string_append (s, "\n01/02/2024,1\n");
  path = write_temp ("huge-header.csv", s);
  message = error_for (path);
  /* a 10 MB column name is no known format; the message stays short */
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, ":1:1: unknown header “DATE,XXXXXXXX"));
  g_assert_cmpuint (strlen (message), <, 2000);
  remove_temp (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/hostile/corpus", test_hostile_corpus);
  g_test_add_func ("/core/hostile/ten-megabyte-field", test_hostile_huge_line);
  g_test_add_func ("/core/hostile/two-million-columns", test_hostile_many_columns);
  g_test_add_func ("/core/hostile/ten-megabyte-header", test_hostile_huge_header);
  return g_test_run ();
}
