/* alvh-fill-import-task.c — importing brokers' statements in a thread */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "alvh-core.h"
#include "alvh-fill-import.h"
#include "alvh-fill-import-task.h"

typedef struct
{
  char   *journal_path;
  gint64  account_id;
  char  **paths;
} ImportData;

static void
import_data_free (ImportData *d)
{
  g_free (d->journal_path);
  g_strfreev (d->paths);
  g_free (d);
}

gboolean
alvh_fill_import_is_statement (const char *path)
{
  char head[8192];
  FILE *f = fopen (path, "rb");
  size_t n;

  if (f == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  return alvh_broker_detect (head, n) != ALVH_BROKER_AUTO;
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  guint fills = 0, opened = 0, closed = 0, duplicates = 0, skipped = 0;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = alvh_journal_store_open (d->journal_path, &error);
  if (store != NULL)
    files = alvh_fill_import (store, d->account_id, (const char * const *) d->paths, ALVH_BROKER_AUTO, &error);
  if (files == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < files->len; i++)
    {
      const AlvhFillImportFile *f = g_ptr_array_index (files, i);

      fills += f->fills;
      opened += f->opened;
      closed += f->closed;
      duplicates += f->duplicates;
      skipped += f->skipped->len;
    }
  g_task_return_pointer (task,
                         g_strdup_printf (_("Imported %u fills from %u statements: %u positions opened, %u closing fills; %u executions were already in the journal, %u rows not booked"),
                                          fills, files->len, opened, closed, duplicates, skipped),
                         g_free);
}

void
alvh_fill_import_async (const char          *journal_path,
                        gint64               account_id,
                        const char * const  *paths,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportData *d = g_new0 (ImportData, 1);

  d->journal_path = g_strdup (journal_path);
  d->account_id = account_id;
  d->paths = g_strdupv ((char **) paths);
  g_task_set_source_tag (task, alvh_fill_import_async);
  g_task_set_task_data (task, d, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

char *
alvh_fill_import_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
