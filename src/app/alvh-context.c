/* alvh-context.c — what the window's pages share, handed out as services */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "alvh-context.h"

struct _AlvhContext
{
  GObject              parent_instance;
  char                *data_dir;
  GSettings           *settings;   /* NULL without the application's settings */
  AlvhJournalStore    *store;      /* NULL when it could not be opened */
  GError              *store_error;

  AlvhMarketService   *market;
  AlvhBookService     *book;
  AlvhProfileService  *profiles;
  AlvhDecisionService *decisions;
  AlvhJournalService  *journal;
};

G_DEFINE_FINAL_TYPE (AlvhContext, alvh_context, G_TYPE_OBJECT)

static void
alvh_context_dispose (GObject *object)
{
  AlvhContext *self = ALVH_CONTEXT (object);

  g_clear_object (&self->journal);
  g_clear_object (&self->decisions);
  g_clear_object (&self->profiles);
  g_clear_object (&self->book);
  g_clear_object (&self->market);
  G_OBJECT_CLASS (alvh_context_parent_class)->dispose (object);
}

static void
alvh_context_finalize (GObject *object)
{
  AlvhContext *self = ALVH_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->data_dir, g_free);
  G_OBJECT_CLASS (alvh_context_parent_class)->finalize (object);
}

static void
alvh_context_class_init (AlvhContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = alvh_context_dispose;
  object_class->finalize = alvh_context_finalize;
}

static void
alvh_context_init (AlvhContext *self)
{
}

static void
open_store (AlvhContext *self)
{
  g_autofree char *path = alvh_paths_journal_db (self->data_dir);

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    g_set_error (&self->store_error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("Cannot create %s: %s"), self->data_dir, g_strerror (errno));
  else
    self->store = alvh_journal_store_open (path, &self->store_error);
  /* the window says it (alvh_context_get_store_error()); actions that need
   * the store fail with it */
  if (self->store == NULL)
    g_debug ("Cannot open the app database %s: %s", path,
             self->store_error ? self->store_error->message : "");
}

/**
 * alvh_context_new:
 * @data_dir: (nullable): the data directory, or %NULL for
 *   alvh_paths_data_dir() ($ALVH_DATA_DIR, else ~/.local/share/alvh-desk)
 * @settings: (nullable): the application's settings, kept: the active
 *   account and profile are remembered in them (NULL: nothing is remembered)
 *
 * Opens the app database and starts the services.
 *
 * Returns: (transfer full): a new context
 */
AlvhContext *
alvh_context_new (const char *data_dir,
                  GSettings  *settings)
{
  AlvhContext *self = g_object_new (ALVH_TYPE_CONTEXT, NULL);
  self->data_dir = data_dir != NULL ? g_strdup (data_dir) : alvh_paths_data_dir ();
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  open_store (self);
  self->market = alvh_market_service_new (self->data_dir);
  self->book = alvh_book_service_new (self->store, self->data_dir, self->store_error, settings);
  self->profiles = alvh_profile_service_new (self->store, self->data_dir, self->store_error, settings);
  self->decisions = alvh_decision_service_new (self->store, self->data_dir, self->store_error,
                                               self->market, self->book, self->profiles);
  self->journal = alvh_journal_service_new (self->store, self->data_dir, self->store_error);
  return self;
}

/**
 * alvh_context_get_data_dir:
 * @self: the context
 *
 * Returns: (transfer none): the directory of alvh.sqlite and market.sqlite
 */
const char *
alvh_context_get_data_dir (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->data_dir;
}

/**
 * alvh_context_get_settings:
 * @self: the context
 *
 * Returns: (transfer none) (nullable): the application's settings
 */
GSettings *
alvh_context_get_settings (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->settings;
}

/**
 * alvh_context_get_store:
 * @self: the context
 *
 * Returns: (transfer none) (nullable): the app database, NULL when it could
 *   not be opened (see alvh_context_get_store_error())
 */
AlvhJournalStore *
alvh_context_get_store (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->store;
}

/**
 * alvh_context_get_store_error:
 * @self: the context
 *
 * Returns: (transfer none) (nullable): why the app database is not open
 */
const GError *
alvh_context_get_store_error (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->store_error;
}

/**
 * alvh_context_get_market:
 * @self: the context
 *
 * Returns: (transfer none): the market service
 */
AlvhMarketService *
alvh_context_get_market (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->market;
}

/**
 * alvh_context_get_book:
 * @self: the context
 *
 * Returns: (transfer none): the book service
 */
AlvhBookService *
alvh_context_get_book (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->book;
}

/**
 * alvh_context_get_profiles:
 * @self: the context
 *
 * Returns: (transfer none): the profile service
 */
AlvhProfileService *
alvh_context_get_profiles (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->profiles;
}

/**
 * alvh_context_get_decisions:
 * @self: the context
 *
 * Returns: (transfer none): the decision service
 */
AlvhDecisionService *
alvh_context_get_decisions (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->decisions;
}

/**
 * alvh_context_get_journal:
 * @self: the context
 *
 * Returns: (transfer none): the journal's entries, attachments and review
 */
AlvhJournalService *
alvh_context_get_journal (AlvhContext *self)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (self), NULL);
  return self->journal;
}

/**
 * alvh_context_connect:
 * @self: the context
 * @slice: "market", "book", "profile", "events" or "journal"
 * @callback: (scope notified): called swapped (with @gobject) when the slice changed
 * @gobject: the object the handler belongs to; disconnected when it goes
 *
 * Connects @callback to the service signal of a slice of state: the market,
 * book, profile or decision service's ::changed, or the profile service's
 * ::events-changed.
 */
void
alvh_context_connect (AlvhContext *self,
                      const char  *slice,
                      GCallback    callback,
                      gpointer     gobject)
{
  gpointer service = NULL;
  const char *signal = "changed";

  g_return_if_fail (ALVH_IS_CONTEXT (self));
  if (g_strcmp0 (slice, "market") == 0)
    service = self->market;
  else if (g_strcmp0 (slice, "book") == 0)
    service = self->book;
  else if (g_strcmp0 (slice, "profile") == 0)
    service = self->profiles;
  else if (g_strcmp0 (slice, "events") == 0)
    service = self->profiles, signal = "events-changed";
  else if (g_strcmp0 (slice, "journal") == 0)
    service = self->decisions;
  g_return_if_fail (service != NULL);
  g_signal_connect_object (service, signal, callback, gobject, G_CONNECT_SWAPPED);
}

/**
 * alvh_context_disconnect:
 * @self: the context
 * @gobject: an object that alvh_context_connect() connected
 *
 * Disconnects every handler of @gobject from the services (its dispose).
 */
void
alvh_context_disconnect (AlvhContext *self,
                         gpointer     gobject)
{
  g_return_if_fail (ALVH_IS_CONTEXT (self));
  g_signal_handlers_disconnect_by_data (self->market, gobject);
  g_signal_handlers_disconnect_by_data (self->book, gobject);
  g_signal_handlers_disconnect_by_data (self->profiles, gobject);
  g_signal_handlers_disconnect_by_data (self->decisions, gobject);
}
