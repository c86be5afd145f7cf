/* alvh-journal-service.c — the journal's entries, attachments and review */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include "alvh-journal-service.h"
#include "alvh-service-error.h"

struct _AlvhJournalService
{
  GObject           parent_instance;
  AlvhJournalStore *store;       /* NULL when the app database is not open */
  char             *data_dir;
  GError           *store_error;
};

G_DEFINE_FINAL_TYPE (AlvhJournalService, alvh_journal_service, G_TYPE_OBJECT)

static void
alvh_journal_service_finalize (GObject *object)
{
  AlvhJournalService *self = ALVH_JOURNAL_SERVICE (object);

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->data_dir, g_free);
  G_OBJECT_CLASS (alvh_journal_service_parent_class)->finalize (object);
}

static void
alvh_journal_service_class_init (AlvhJournalServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = alvh_journal_service_finalize;
}

static void
alvh_journal_service_init (AlvhJournalService *self)
{
}

/**
 * alvh_journal_service_new:
 * @store: (nullable): the app database, NULL when it could not be opened
 * @data_dir: the data directory it lives in
 * @store_error: (nullable): why it could not be opened
 *
 * Returns: (transfer full): the journal service
 */
AlvhJournalService *
alvh_journal_service_new (AlvhJournalStore *store,
                          const char       *data_dir,
                          const GError     *store_error)
{
  AlvhJournalService *self = g_object_new (ALVH_TYPE_JOURNAL_SERVICE, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->data_dir = g_strdup (data_dir);
  self->store_error = store_error != NULL ? g_error_copy (store_error) : NULL;
  return self;
}

static gboolean
need_store (AlvhJournalService  *self,
            GError             **error)
{
  return alvh_service_need_store (self->store, self->data_dir, self->store_error, error);
}

/**
 * alvh_journal_service_get_path:
 * @self: the service
 *
 * The journal database's file, for a worker thread that opens its own
 * connection to it (the store is one connection per thread).
 *
 * Returns: (transfer none) (nullable): its path, NULL when it is not open
 */
const char *
alvh_journal_service_get_path (AlvhJournalService *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_SERVICE (self), NULL);
  return self->store != NULL ? alvh_journal_store_get_path (self->store) : NULL;
}

/**
 * alvh_journal_service_get_entry:
 * @self: the service
 * @id: the entry
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the entry, or NULL with @error set
 *   (%ALVH_JOURNAL_ERROR_NOT_FOUND when there is none or it is deleted)
 */
AlvhJournalEntry *
alvh_journal_service_get_entry (AlvhJournalService  *self,
                                gint64               id,
                                GError             **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_SERVICE (self), NULL);
  if (!need_store (self, error))
    return NULL;
  return alvh_journal_store_get_entry (self->store, id, error);
}

/**
 * alvh_journal_service_list_attachments:
 * @self: the service
 * @entry_id: the entry
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type AlvhJournalAttachment) (nullable):
 *   the entry's attachments, or NULL with @error set
 */
GPtrArray *
alvh_journal_service_list_attachments (AlvhJournalService  *self,
                                       gint64               entry_id,
                                       GError             **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_SERVICE (self), NULL);
  if (!need_store (self, error))
    return NULL;
  return alvh_journal_store_list_attachments (self->store, entry_id, error);
}

/**
 * alvh_journal_service_update_entry:
 * @self: the service
 * @id: the entry
 * @title: its title
 * @body: its notes
 * @tags: (nullable) (array zero-terminated=1): its tags
 * @error: return location for an error
 *
 * Returns: TRUE when it is saved, else FALSE with @error set
 */
gboolean
alvh_journal_service_update_entry (AlvhJournalService  *self,
                                   gint64               id,
                                   const char          *title,
                                   const char          *body,
                                   const char * const  *tags,
                                   GError             **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_SERVICE (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  return alvh_journal_store_update_entry (self->store, id, title, body, tags, error);
}

/**
 * alvh_journal_service_delete_entry:
 * @self: the service
 * @id: the entry
 * @error: return location for an error
 *
 * Marks the entry deleted (alvh_journal_service_undelete_entry() brings it
 * back).
 *
 * Returns: TRUE on success, else FALSE with @error set
 */
gboolean
alvh_journal_service_delete_entry (AlvhJournalService  *self,
                                   gint64               id,
                                   GError             **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_SERVICE (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  return alvh_journal_store_delete_entry (self->store, id, error);
}

/**
 * alvh_journal_service_undelete_entry:
 * @self: the service
 * @id: a deleted entry
 * @error: return location for an error
 *
 * Returns: TRUE on success, else FALSE with @error set
 */
gboolean
alvh_journal_service_undelete_entry (AlvhJournalService  *self,
                                     gint64               id,
                                     GError             **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_SERVICE (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  return alvh_journal_store_undelete_entry (self->store, id, error);
}

typedef struct
{
  char              *path;
  gint64             account_id;
  AlvhJournalMarket *market;
} StatsData;

static void
stats_data_free (StatsData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->market, alvh_journal_market_free);
  g_free (data);
}

/* The thread has its own connection to the journal file. */
static void
stats_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StatsData *data = task_data;
  g_autoptr(AlvhJournalStore) store = NULL;
  GError *error = NULL;
  AlvhJournalStats *stats;

  store = alvh_journal_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  stats = alvh_journal_store_compute_stats (store, data->account_id, data->market, &error);
  if (stats == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stats, (GDestroyNotify) alvh_journal_stats_free);
}

/**
 * alvh_journal_service_compute_stats_async:
 * @self: the service
 * @account_id: an account (0 = all)
 * @spx: (nullable): SPX daily bars to mark the legs with
 * @vix: (nullable): VIX daily bars (both or none)
 * @cancellable: (nullable): cancels the computation
 * @callback: called on the main thread when done
 * @user_data: data for @callback
 *
 * The review statistics, computed in a thread with its own connection to
 * the journal file.  Finish with alvh_journal_service_compute_stats_finish().
 */
void
alvh_journal_service_compute_stats_async (AlvhJournalService  *self,
                                          gint64               account_id,
                                          AlvhSeries          *spx,
                                          AlvhSeries          *vix,
                                          AlvhSeries          *vx,
                                          AlvhSeries          *vvix,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  StatsData *data;

  g_return_if_fail (ALVH_IS_JOURNAL_SERVICE (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, alvh_journal_service_compute_stats_async);
  if (!need_store (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_new0 (StatsData, 1);
  data->path = g_strdup (alvh_journal_store_get_path (self->store));
  data->account_id = account_id;
  if (spx != NULL && vix != NULL)
    data->market = alvh_journal_market_join_all (spx, vix, vx, vvix);
  g_task_set_task_data (task, data, (GDestroyNotify) stats_data_free);
  g_task_run_in_thread (task, stats_thread);
}

/**
 * alvh_journal_service_compute_stats_finish:
 * @self: the service
 * @result: the result handed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the statistics, or NULL with @error set
 */
AlvhJournalStats *
alvh_journal_service_compute_stats_finish (AlvhJournalService  *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_SERVICE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
