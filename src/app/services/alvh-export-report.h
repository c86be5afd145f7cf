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

/* What to export: the journal, the account and period, the market for
 * the report's chart and marks, and the file.  The series are borrowed:
 * alvh_export_report_async() takes its own references. */
typedef struct
{
  const char        *journal_path; /* alvh_journal_service_get_path () */
  gint64             account_id;   /* 0 = all */
  gint64             from;         /* the period's first time */
  gint64             to;           /* the period's end, excluded */
  AlvhSeries        *spx;          /* (nullable): SPX for the chart (with vix, or neither) */
  AlvhSeries        *vix;          /* (nullable) */
  AlvhSeries        *vx;           /* (nullable): VX settles, for the marks of VIX legs */
  AlvhSeries        *vvix;         /* (nullable): VVIX closes, likewise */
  const char        *out_path;     /* the file to write */
  AlvhReportFormat   format;
  AlvhReportPaper    paper;        /* the PDF's paper size */
} AlvhExportReportSpec;

void              alvh_export_report_async       (const AlvhExportReportSpec *spec,
                                                  GCancellable               *cancellable,
                                                  GAsyncReadyCallback         callback,
                                                  gpointer                    user_data);
char            **alvh_export_report_finish      (GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
