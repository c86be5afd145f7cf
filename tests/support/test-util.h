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

G_END_DECLS
