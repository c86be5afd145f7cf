/* test-util.h — file helpers shared by the tests (GLib only)
 *
 * Built once into the static library alvh-test-support (tests/support/meson.build);
 * every test links it through test_support_dep.
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

char *test_make_tmp_dir  (const char *tmpl);
void  test_rm_rf         (const char *path);
void  test_unlink_sqlite (const char *path);
char *test_fixture_path  (const char *name);
char *test_output_path   (const char *name);
char *test_shared_data_path (const char *file);
char *test_file_sha256   (const char *path);

/* A fresh folder with the paths of the two stores in it, for g_test_add():
 * db is DIR/alvh.sqlite (DIR/SUB/alvh.sqlite when the test's data is the
 * string SUB: a folder the store must create), market DIR/market.sqlite. */
typedef struct
{
  char *dir;
  char *db;
  char *market;
} TestStores;

void  test_stores_set_up    (TestStores    *f,
                             gconstpointer  data);
void  test_stores_tear_down (TestStores    *f,
                             gconstpointer  data);

/* Switches the process to German (LANGUAGE=de, the C.UTF-8 locale, the
 * build tree's catalogue); FALSE, with the test skipped and saying why,
 * when the build has no German catalogue (po/de/LC_MESSAGES) */
gboolean test_use_german (void);

G_END_DECLS
