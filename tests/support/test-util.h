/* test-util.h — file helpers shared by the tests (header only, GLib only) */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* A new folder under the temporary directory from TEMPLATE ("name-XXXXXX"); asserts it worked. */
static inline char *
test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes PATH and, for a folder, everything below it. */
static inline void
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

/* Removes the SQLite database PATH with its -wal and -shm files */
static inline void
test_unlink_sqlite (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

G_END_DECLS
