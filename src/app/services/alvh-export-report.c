/* alvh-export-report.c — writing a report from the journal in a worker thread */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include "alvh-export-report.h"
#include "alvh-journal-store.h"

/* The thread's own copy of the spec: its strings and series references */
typedef AlvhExportReportSpec ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free ((char *) job->journal_path);
  g_clear_pointer (&job->spx, alvh_series_unref);
  g_clear_pointer (&job->vix, alvh_series_unref);
  g_clear_pointer (&job->vx, alvh_series_unref);
  g_clear_pointer (&job->vvix, alvh_series_unref);
  g_free ((char *) job->out_path);
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
 * @spec: what to export (copied)
 * @cancellable: (nullable): cancels the export
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * The export without UI: opens its own connection to the journal at the
 * spec's journal_path in a worker thread, builds the report and writes it.
 * Finish with alvh_export_report_finish().
 */
void
alvh_export_report_async (const AlvhExportReportSpec *spec,
                          GCancellable               *cancellable,
                          GAsyncReadyCallback         callback,
                          gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job;
  gboolean chart;

  g_return_if_fail (spec != NULL && spec->journal_path != NULL && spec->out_path != NULL);

  job = g_new (ExportJob, 1);
  *job = *spec;
  chart = spec->spx != NULL && spec->vix != NULL;
  job->journal_path = g_strdup (spec->journal_path);
  job->out_path = g_strdup (spec->out_path);
  job->spx = chart ? alvh_series_ref (spec->spx) : NULL;
  job->vix = chart ? alvh_series_ref (spec->vix) : NULL;
  job->vx = chart && spec->vx != NULL ? alvh_series_ref (spec->vx) : NULL;
  job->vvix = chart && spec->vvix != NULL ? alvh_series_ref (spec->vvix) : NULL;
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
