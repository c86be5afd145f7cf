/* alvh-export-dialog.h — "Export Report…": period, format, file, then a
 * PDF, HTML or CSV report written in a worker thread (win.export-report, Ctrl+E)
 */
#pragma once

#include <adwaita.h>

#include "alvh-report.h"
#include "alvh-report-render.h"
#include "alvh-context.h"
#include "alvh-window.h"

G_BEGIN_DECLS

#define ALVH_TYPE_EXPORT_DIALOG (alvh_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AlvhExportDialog, alvh_export_dialog, ALVH, EXPORT_DIALOG, AdwWindow)

/**
 * alvh_export_dialog_new:
 * @parent: the window to be transient for
 * @context: the app's context
 *
 * Returns: (transfer none): the dialog (GTK's toplevel list owns it)
 */
AlvhExportDialog *alvh_export_dialog_new         (GtkWindow          *parent,
                                                  AlvhContext        *context);
/* Choices, also for tests: the preset (CUSTOM uses from/to, NY dates) and the format. */
void              alvh_export_dialog_set_period  (AlvhExportDialog   *self,
                                                  AlvhReportPreset    preset,
                                                  gint64              from,
                                                  gint64              to);
void              alvh_export_dialog_set_format  (AlvhExportDialog   *self,
                                                  AlvhReportFormat    format);
/* The period the dialog would export now; FALSE (with a message) when the
 * custom dates are not valid. */
gboolean          alvh_export_dialog_get_period  (AlvhExportDialog   *self,
                                                  gint64             *out_from,
                                                  gint64             *out_to,
                                                  GError            **error);
/* Skips the file chooser: writes to @path (tests). */
void              alvh_export_dialog_export_to   (AlvhExportDialog   *self,
                                                  const char         *path);

/* Installs win.export-report on the window class (alvh-window-actions.c). */
void              _alvh_window_install_export_actions (GtkWidgetClass *klass);

G_END_DECLS
