/* alvh-export-report.c — writing a report from the journal in a worker thread */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include "alvh-export-report.h"
#include "alvh-journal-store.h"

typedef struct
{
  char             *journal_path;
  gint64            account_id;
  gint64            from;
  gint64            to;
  AlvhSeries       *spx;
  AlvhSeries       *vix;
  AlvhSeries       *vx;
  AlvhSeries       *vvix;
  char             *out_path;
  AlvhReportFormat  format;
  AlvhReportPaper   paper;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->journal_path);
  g_clear_pointer (&job->spx, alvh_series_unref);
  g_clear_pointer (&job->vix, alvh_series_unref);
  g_clear_pointer (&job->vx, alvh_series_unref);
  g_clear_pointer (&job->vvix, alvh_series_unref);
  g_free (job->out_path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhReport) report = NULL;
  g_autoptr(AlvhJournalMarket) market = NULL;
  char **files = NULL;

  /* a connection of our own: the store is one connection per thread */
  store = alvh_journal_store_open (job->journal_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->spx != NULL)
    market = alvh_journal_market_join_all (job->spx, job->vix, job->vx, job->vvix);
  report = alvh_report_new_from_journal_market (store, job->account_id, job->from, job->to,
                                                market, NULL, cancellable, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!alvh_report_write (report, job->out_path, job->format, job->paper, &files, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, files, (GDestroyNotify) g_strfreev);
}

/**
 * alvh_export_report_async:
 * @journal_path: the journal database (alvh_journal_service_get_path())
 * @account_id: the account to report on (0 = all)
 * @from: the period's first time
 * @to: the period's end, excluded
 * @spx: (nullable): the SPX series for the chart
 * @vix: (nullable): the VIX series for the chart (both or none)
 * @vx: (nullable): VX settles, for the marks of VIX legs
 * @vvix: (nullable): VVIX closes, likewise
 * @out_path: the file to write
 * @format: PDF, HTML or CSV
 * @paper: the PDF's paper size
 * @cancellable: (nullable): cancels the export
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * The export without UI: opens its own connection to the journal at
 * @journal_path in a worker thread, builds the report and writes it.
 * Finish with alvh_export_report_finish().
 */
void
alvh_export_report_async (const char         *journal_path,
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
                          gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  g_return_if_fail (journal_path != NULL && out_path != NULL);

  job->journal_path = g_strdup (journal_path);
  job->account_id = account_id;
  job->from = from;
  job->to = to;
  job->spx = spx != NULL && vix != NULL ? alvh_series_ref (spx) : NULL;
  job->vix = spx != NULL && vix != NULL ? alvh_series_ref (vix) : NULL;
  job->vx = job->spx != NULL && vx != NULL ? alvh_series_ref (vx) : NULL;
  job->vvix = job->spx != NULL && vvix != NULL ? alvh_series_ref (vvix) : NULL;
  job->out_path = g_strdup (out_path);
  job->format = format;
  job->paper = paper;
  g_task_set_source_tag (task, alvh_export_report_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * alvh_export_report_finish:
 * @result: the result handed to the callback
 * @error: return location for an error
 *
 * Ends alvh_export_report_async().
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the files
 *   written, or NULL with @error set
 */
char **
alvh_export_report_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
