/* test-ui-util.h — helpers shared by the UI tests
 *
 * Built into the static library alvh-test-support-ui (tests/support/meson.build). The
 * tests never wait for a fixed time: they iterate the main context until a condition
 * holds (test_ui_wait_for(), test_ui_wait_drawn(), ...) and fail, naming the condition,
 * when it does not hold within TEST_UI_TIMEOUT_S seconds.
 */
#pragma once

#include <stdarg.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "alvh-form.h"
#include "alvh-window.h"
#include "test-util.h"

G_BEGIN_DECLS

/* How long a wait may take before the test fails (generous: the machine may be loaded) */
#define TEST_UI_TIMEOUT_S 30

typedef struct
{
  int    distinct_colours;
  double non_background_fraction;
} TestImageStats;

typedef gboolean (*TestUiCondition) (gpointer data);

gint64      test_ui_deadline           (void);
void        test_ui_iterate            (gint64           deadline,
                                        const char      *what,
                                        const char      *file,
                                        int              line);
void        test_ui_wait_until         (TestUiCondition  condition,
                                        gpointer         data,
                                        const char      *what);
void        test_ui_wait_mapped        (GtkWidget       *widget);
void        test_ui_wait_drawn         (GtkWidget       *widget);
void        test_ui_wait_label         (GtkWidget       *root,
                                        const char      *text);
void        test_ui_wait_destroyed     (GtkWidget       *widget);
void        test_ui_settle             (void);
void        test_ui_close              (GtkWindow       *window);

/**
 * test_ui_wait_for:
 * @expr: a condition
 *
 * Iterates the main context until @expr is true; fails the test with @expr's text when
 * it is still false after TEST_UI_TIMEOUT_S seconds.
 */
#define test_ui_wait_for(expr)                                        \
  G_STMT_START {                                                      \
    gint64 test_ui_deadline_ = test_ui_deadline ();                   \
    while (!(expr))                                                   \
      test_ui_iterate (test_ui_deadline_, #expr, __FILE__, __LINE__); \
  } G_STMT_END

/* What test_ui_find() looks for: the widget to return for @widget (itself,
 * or one it stands for), or NULL to look further */
typedef GtkWidget *(*TestUiMatch) (GtkWidget    *widget,
                                   gconstpointer data);

GtkWidget  *test_ui_find               (GtkWidget       *root,
                                        TestUiMatch      match,
                                        gconstpointer    data);
GtkWidget  *test_ui_find_type          (GtkWidget       *root,
                                        GType            type);
gboolean    test_ui_find_label         (GtkWidget       *root,
                                        const char      *text);
GdkTexture *test_ui_render_widget      (GtkWidget       *widget);
void        test_ui_image_stats        (GdkTexture      *texture,
                                        TestImageStats  *stats);
double      test_ui_save_png           (GtkWidget       *widget,
                                        const char      *name,
                                        int              min_colours);
void        test_ui_render_png         (GtkWidget       *widget,
                                        const char      *name);
void        test_ui_use_fresh_data_dir (const char      *tmpl);
void        test_ui_set_field          (GtkWidget       *root,
                                        const char      *name,
                                        const char      *text);
GtkWidget  *test_ui_find_named         (GtkWidget       *root,
                                        const char      *name);
AlvhWindow *test_ui_fresh_window       (const char      *tmpl,
                                        int              width,
                                        int              height);
char       *test_ui_import             (AlvhContext     *context,
                                        const char * const *paths,
                                        GError         **error);
AlvhWindow *test_ui_demo_book_window   (int              width,
                                        int              height);
AlvhWindow *test_ui_demo_window        (int              width,
                                        int              height,
                                        const char      *page);
/* Logs (g_test_message) the deepest visible widgets under @widget that ask
 * for more than @limit px of width, with their children's widths: what to
 * fix when a page does not fit its window */
void        test_ui_log_too_wide       (GtkWidget       *widget,
                                        int              limit,
                                        int              depth);
int         test_ui_main               (int              argc,
                                        char           **argv,
                                        ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
