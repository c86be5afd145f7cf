/* alvh-window.h */
#pragma once

#include <adwaita.h>

#include "alvh-application.h"
#include "alvh-core.h"
#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_WINDOW (alvh_window_get_type ())

G_DECLARE_FINAL_TYPE (AlvhWindow, alvh_window, ALVH, WINDOW, AdwApplicationWindow)

/**
 * alvh_window_new:
 * @app: the application
 *
 * Returns: (transfer none): the window (GTK's toplevel list owns it)
 */
AlvhWindow *alvh_window_new             (AlvhApplication  *app);
void        alvh_window_import_files    (AlvhWindow       *self,
                                         GFile           **files,
                                         int               n_files);
void        alvh_window_load_demo       (AlvhWindow       *self);
gboolean    alvh_window_has_market_data (AlvhWindow       *self);
void        alvh_window_show_page       (AlvhWindow       *self,
                                         const char       *name);
void        alvh_window_add_toast       (AlvhWindow       *self,
                                         const char       *message);
/**
 * alvh_window_get_page:
 * @self: the window
 * @name: a page's name
 *
 * Returns: (transfer none) (nullable): the page of that name, or %NULL
 */
GtkWidget  *alvh_window_get_page        (AlvhWindow       *self,
                                         const char       *name);
AlvhContext *alvh_window_get_context    (AlvhWindow       *self);
AdwToast   *alvh_window_add_file_toast  (AlvhWindow       *self,
                                         const char       *message,
                                         const char       *path);
GtkWidget  *alvh_window_request_load_demo (AlvhWindow     *self);
GtkWidget  *alvh_window_show_update_error (AlvhWindow     *self,
                                         const GError     *error);

G_END_DECLS
