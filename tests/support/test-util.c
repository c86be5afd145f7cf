/* test-util.c — file helpers shared by the tests (GLib only) */
#include "config.h"

#include "test-util.h"

#include <locale.h>

#include <glib/gstdio.h>

/**
 * test_make_tmp_dir:
 * @tmpl: a folder name template ("name-XXXXXX")
 *
 * Makes a new folder under the temporary directory from @tmpl; asserts it worked.
 *
 * Returns: (transfer full): the folder's path
 */
char *
test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/**
 * test_rm_rf:
 * @path: a file or folder
 *
 * Removes @path and, for a folder, everything below it.
 */
void
test_rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      test_rm_rf (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

/**
 * test_unlink_sqlite:
 * @path: an SQLite database file
 *
 * Removes the database @path with its -wal, -shm and -journal files.
 */
void
test_unlink_sqlite (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

/**
 * test_output_path:
 * @name: a file name
 *
 * Where a test writes an image or a document for people to look at: @name
 * in $ALVH_TEST_OUTPUT (the build's test-output/; the temporary directory
 * without it).  Makes the folder.
 *
 * Returns: (transfer full): the path
 */
char *
test_output_path (const char *name)
{
  const char *dir = g_getenv ("ALVH_TEST_OUTPUT");

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

/**
 * test_file_sha256:
 * @path: a file that must be readable
 *
 * What the safety tests compare to prove a file was left unchanged.
 *
 * Returns: (transfer full): the SHA-256 of the file's bytes, in hex
 */
char *
test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/**
 * test_fixture_path:
 * @name: a file name in tests/fixtures
 *
 * The path of a fixture in the source tree, found through G_TEST_SRCDIR (the test
 * environment sets it to tests/); call it after g_test_init().
 *
 * Returns: (transfer full): the fixture's path
 */
char *
test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

void
test_stores_set_up (TestStores    *f,
                    gconstpointer  data)
{
  const char *sub = data;

  f->dir = test_make_tmp_dir ("alvh-test-XXXXXX");
  f->db = sub != NULL ? g_build_filename (f->dir, sub, "alvh.sqlite", NULL)
                      : g_build_filename (f->dir, "alvh.sqlite", NULL);
  f->market = g_build_filename (f->dir, "market.sqlite", NULL);
}

void
test_stores_tear_down (TestStores    *f,
                       gconstpointer  data)
{
  test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db, g_free);
  g_clear_pointer (&f->market, g_free);
}

gboolean
test_use_german (void)
{
  g_autofree char *mo = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", "de", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no German catalogue in the build tree (po/de/LC_MESSAGES)");
      return FALSE;
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  g_unsetenv ("ALVH_LOCALEDIR");
  setlocale (LC_ALL, "C.UTF-8");
  return TRUE;
}

/**
 * test_shared_data_path:
 * @file: a file name in the shared data folder
 *
 * Where the tests and benches read the real market data and the published
 * reference vectors: $ALVH_SHARED_DATA (never copied into the repository).
 *
 * Returns: (transfer full) (nullable): the path of @file there, or %NULL
 *   when the variable is unset or the file is absent (the caller skips)
 */
char *
test_shared_data_path (const char *file)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, file, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&path);
}
