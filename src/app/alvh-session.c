/* alvh-session.c — what the window's pages share */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-session.h"

struct _AlvhSession
{
  GObject     parent_instance;
  char       *data_dir;
  GHashTable *series;   /* symbol -> AlvhSeries */
};

G_DEFINE_FINAL_TYPE (AlvhSession, alvh_session, G_TYPE_OBJECT)

enum {
  MARKET_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
alvh_session_finalize (GObject *object)
{
  AlvhSession *self = ALVH_SESSION (object);

  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->data_dir, g_free);
  G_OBJECT_CLASS (alvh_session_parent_class)->finalize (object);
}

static void
alvh_session_class_init (AlvhSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = alvh_session_finalize;

  /**
   * AlvhSession::market-changed:
   *
   * Emitted when market series were loaded, imported or replaced.
   */
  signals[MARKET_CHANGED] = g_signal_new ("market-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
alvh_session_init (AlvhSession *self)
{
  self->series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) alvh_series_unref);
}

AlvhSession *
alvh_session_new (const char *data_dir)
{
  AlvhSession *self = g_object_new (ALVH_TYPE_SESSION, NULL);

  self->data_dir = g_strdup (data_dir);
  return self;
}

const char *
alvh_session_get_data_dir (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->data_dir;
}

AlvhSeries *
alvh_session_get_series (AlvhSession *self,
                         const char  *symbol)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return g_hash_table_lookup (self->series, symbol);
}

/* Replaces (or with NULL removes) a symbol's series; call
 * alvh_session_market_changed() once after a batch of changes. */
void
alvh_session_set_series (AlvhSession *self,
                         const char  *symbol,
                         AlvhSeries  *series)
{
  g_return_if_fail (ALVH_IS_SESSION (self));
  g_return_if_fail (symbol != NULL);

  if (series == NULL)
    g_hash_table_remove (self->series, symbol);
  else
    g_hash_table_replace (self->series, g_strdup (symbol), alvh_series_ref (series));
}

gboolean
alvh_session_has_market (AlvhSession *self)
{
  AlvhSeries *spx, *vix;

  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  spx = g_hash_table_lookup (self->series, "SPX");
  vix = g_hash_table_lookup (self->series, "VIX");
  return spx != NULL && vix != NULL &&
         alvh_series_get_length (spx) > 0 && alvh_series_get_length (vix) > 0;
}

void
alvh_session_market_changed (AlvhSession *self)
{
  g_return_if_fail (ALVH_IS_SESSION (self));
  g_signal_emit (self, signals[MARKET_CHANGED], 0);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  /* The market store lands in the core next; until then importing says so. */
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "%s", _("Importing files needs the market store, which this build lacks"));
}

void
alvh_session_import_async (AlvhSession         *self,
                           const char * const  *paths,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ALVH_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, alvh_session_import_async);
  g_task_set_task_data (task, g_strdupv ((char **) paths), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, import_thread);
}

char *
alvh_session_import_finish (AlvhSession   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
