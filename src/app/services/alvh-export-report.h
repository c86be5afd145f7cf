/* alvh-export-report.h — writing a report from the journal in a worker thread
 *
 * What Export Report… runs: the thread opens its own connection to the
 * journal file the journal service hands out, builds the report
 * (alvh_report_new_from_journal()) and writes it.  The result is the
 * NULL-terminated list of files written.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-core.h"
#include "alvh-report.h"
#include "alvh-report-render.h"

G_BEGIN_DECLS

void              alvh_export_report_async       (const char         *journal_path,
                                                  gint64              account_id,
                                                  gint64              from,
                                                  gint64              to,
                                                  AlvhSeries         *spx,
                                                  AlvhSeries         *vix,
                                                  AlvhSeries         *vx,
                                                  AlvhSeries         *vvix,
                                                  const char         *out_path,
                                                  AlvhReportFormat    format,
                                                  AlvhReportPaper     paper,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
char            **alvh_export_report_finish      (GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
