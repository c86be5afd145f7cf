/* alvh-profile-service.c — the rule profiles and the macro events */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-profile-service.h"
#include "alvh-service-error.h"

struct _AlvhProfileService
{
  GObject           parent_instance;
  AlvhJournalStore *store;       /* NULL when the app database is not open */
  char             *data_dir;
  GError           *store_error;
  GSettings        *settings;    /* NULL without the application's settings */
  AlvhProfile      *profile;
  GError           *load_error;  /* why the active profile could not be read, or NULL */
};

G_DEFINE_FINAL_TYPE (AlvhProfileService, alvh_profile_service, G_TYPE_OBJECT)

enum {
  CHANGED,
  EVENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
alvh_profile_service_finalize (GObject *object)
{
  AlvhProfileService *self = ALVH_PROFILE_SERVICE (object);

  g_clear_pointer (&self->profile, alvh_profile_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->data_dir, g_free);
  G_OBJECT_CLASS (alvh_profile_service_parent_class)->finalize (object);
}

static void
alvh_profile_service_class_init (AlvhProfileServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = alvh_profile_service_finalize;

  /**
   * AlvhProfileService::changed:
   *
   * The active profile, or a new version of it, changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  /**
   * AlvhProfileService::events-changed:
   *
   * Macro events were added, edited or deleted.
   */
  signals[EVENTS_CHANGED] = g_signal_new ("events-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
alvh_profile_service_init (AlvhProfileService *self)
{
}

static void
open_profile (AlvhProfileService *self)
{
  g_autofree char *wanted = self->settings ? g_settings_get_string (self->settings, "active-profile")
                                           : g_strdup ("Default");
  g_autoptr(GError) error = NULL;

  g_clear_error (&self->load_error);
  if (self->store != NULL)
    {
      g_autoptr(AlvhJournalProfile) stored = alvh_journal_store_get_profile (self->store, "Default", 0, &error);

      if (stored == NULL && g_error_matches (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
        {
          /* a new database: the spec defaults as version 1 of "Default" */
          g_autoptr(AlvhProfile) def = alvh_profile_new ();

          g_clear_error (&error);
          if (!alvh_profile_service_save_profile (self, def, &error))
            g_propagate_prefixed_error (&self->load_error, g_steal_pointer (&error),
                                        _("Cannot store the default rule profile: "));
        }
      else if (stored == NULL)
        g_propagate_prefixed_error (&self->load_error, g_steal_pointer (&error),
                                    _("Cannot read the rule profiles: "));
    }

  if (g_ascii_strcasecmp (wanted, "default") == 0)
    {
      g_free (wanted);
      wanted = g_strdup ("Default");
    }
  self->profile = alvh_profile_service_load_profile (self, wanted, &error);
  if (self->profile == NULL)
    {
      /* a profile that was deleted meanwhile falls back to Default quietly;
       * one that cannot be read is said */
      if (self->store != NULL && self->load_error == NULL &&
          !g_error_matches (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
        g_propagate_prefixed_error (&self->load_error, g_steal_pointer (&error),
                                    _("Cannot read the rule profile “%s”, using the defaults: "), wanted);
      g_clear_error (&error);
      self->profile = alvh_profile_service_load_profile (self, "Default", &error);
      if (self->profile == NULL)
        {
          if (self->store != NULL && self->load_error == NULL &&
              !g_error_matches (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
            g_propagate_prefixed_error (&self->load_error, g_steal_pointer (&error),
                                        _("Cannot read the Default rule profile, using the spec's values: "));
          self->profile = alvh_profile_new ();
        }
    }
}

/* ---- profiles -------------------------------------------------------- */

/**
 * alvh_profile_service_get_profile:
 * @self: the service
 *
 * The active rule profile.
 *
 * Returns: (transfer none): the profile
 */
AlvhProfile *
alvh_profile_service_get_profile (AlvhProfileService *self)
{
  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), NULL);
  return self->profile;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * alvh_profile_service_dup_profile_names:
 * @self: the service
 *
 * @error: return location for an error
 *
 * The names of the stored profiles.
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): sorted,
 *   unique names; "Default" is always there; %NULL with @error when the
 *   profiles cannot be read
 */
char **
alvh_profile_service_dup_profile_names (AlvhProfileService  *self,
                                        GError             **error)
{
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names;

  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), NULL);
  if (self->store != NULL)
    {
      profiles = alvh_journal_store_list_profiles (self->store, error);
      if (profiles == NULL)
        return NULL;
    }
  names = g_ptr_array_new ();
  g_hash_table_add (seen, (gpointer) "Default");
  g_ptr_array_add (names, g_strdup ("Default"));
  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      AlvhJournalProfile *p = g_ptr_array_index (profiles, i);

      if (g_hash_table_contains (seen, p->name))
        continue;
      g_hash_table_add (seen, p->name);
      g_ptr_array_add (names, g_strdup (p->name));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/**
 * alvh_profile_service_load_profile:
 * @self: the service
 * @name: its name
 * @error: return location for an error
 *
 * The latest version of a stored profile.
 *
 * Returns: (transfer full) (nullable): the profile, or NULL with @error set
 */
AlvhProfile *
alvh_profile_service_load_profile (AlvhProfileService  *self,
                                   const char          *name,
                                   GError             **error)
{
  g_autoptr(AlvhJournalProfile) stored = NULL;
  AlvhProfile *profile;

  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), NULL);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return NULL;
  stored = alvh_journal_store_get_profile (self->store, name, 0, error);
  if (stored == NULL)
    return NULL;
  profile = alvh_profile_new_from_data (stored->keyfile, -1, name, error);
  if (profile == NULL)
    return NULL;
  alvh_profile_set_name (profile, stored->name);
  alvh_profile_set_version (profile, stored->version);
  return profile;
}

/**
 * alvh_profile_service_get_error:
 * @self: the service
 *
 * Why the rule profiles could not be read or stored when the service
 * started; the active profile is then the Default one or the spec's values.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 */
const GError *
alvh_profile_service_get_error (AlvhProfileService *self)
{
  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), NULL);
  return self->load_error;
}

/**
 * alvh_profile_service_set_active_profile:
 * @self: the service
 * @name: its name
 * @error: return location for an error
 *
 * Makes a stored profile active (remembered in the settings) and emits
 * ::changed.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_profile_service_set_active_profile (AlvhProfileService  *self,
                                         const char          *name,
                                         GError             **error)
{
  AlvhProfile *profile;

  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), FALSE);
  profile = alvh_profile_service_load_profile (self, name, error);
  if (profile == NULL)
    return FALSE;
  g_clear_pointer (&self->profile, alvh_profile_unref);
  self->profile = profile;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "active-profile", name);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* The latest version of the stored profile @name in @out (NULL when there is
 * none); FALSE with @error only when the store fails. */
static gboolean
get_latest (AlvhProfileService  *self,
            const char          *name,
            AlvhJournalProfile **out,
            GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  *out = alvh_journal_store_get_profile (self->store, name, 0, &local_error);
  if (*out != NULL || g_error_matches (local_error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * alvh_profile_service_save_profile:
 * @self: the service
 * @profile: the profile; its version is written back
 * @error: return location for an error
 *
 * Stores the profile as a new version of its name (the same version when
 * nothing changed); when it is the active profile's name, it becomes active
 * and ::changed is emitted.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_profile_service_save_profile (AlvhProfileService  *self,
                                   AlvhProfile         *profile,
                                   GError             **error)
{
  g_autoptr(AlvhJournalProfile) latest = NULL;
  g_autofree char *text = NULL;
  int version = 1;

  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return FALSE;

  if (!get_latest (self, alvh_profile_get_name (profile), &latest, error))
    return FALSE;
  if (latest != NULL)
    {
      g_autoptr(AlvhProfile) old = alvh_profile_new_from_data (latest->keyfile, -1, latest->name, NULL);

      if (old != NULL && alvh_profile_equal_values (old, profile))
        version = latest->version; /* nothing changed: same version */
      else
        version = latest->version + 1;
    }
  alvh_profile_set_version (profile, version);
  text = alvh_profile_to_data (profile, NULL);
  if (alvh_journal_store_save_profile (self->store, alvh_profile_get_name (profile), text,
                                       &version, error) <= 0)
    return FALSE;
  alvh_profile_set_version (profile, version);

  if (self->profile != NULL &&
      g_strcmp0 (alvh_profile_get_name (self->profile), alvh_profile_get_name (profile)) == 0)
    {
      g_clear_pointer (&self->profile, alvh_profile_unref);
      self->profile = alvh_profile_copy (profile);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

/**
 * alvh_profile_service_rename_profile:
 * @self: the service
 * @old_name: the profile to rename
 * @new_name: its new name
 * @error: return location for an error
 *
 * Renames every version of a profile ("Default" keeps its name).
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_profile_service_rename_profile (AlvhProfileService  *self,
                                     const char          *old_name,
                                     const char          *new_name,
                                     GError             **error)
{
  g_autofree char *name = NULL;
  g_autoptr(AlvhJournalProfile) existing = NULL;
  gboolean active;

  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return FALSE;
  name = g_strstrip (g_strdup (new_name ? new_name : ""));
  if (*name == '\0' || g_strcmp0 (old_name, "Default") == 0)
    {
      g_set_error (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                   *name == '\0' ? _("A profile needs a name") : _("The Default profile keeps its name"));
      return FALSE;
    }
  if (!get_latest (self, name, &existing, error))
    return FALSE;
  if (existing != NULL)
    {
      g_set_error (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                   _("A profile named “%s” exists already"), name);
      return FALSE;
    }
  if (!alvh_journal_store_rename_profile (self->store, old_name, name, error))
    return FALSE;
  active = self->profile != NULL && g_strcmp0 (alvh_profile_get_name (self->profile), old_name) == 0;
  if (active)
    return alvh_profile_service_set_active_profile (self, name, error);
  return TRUE;
}

/**
 * alvh_profile_service_delete_profile:
 * @self: the service
 * @name: its name
 * @error: return location for an error
 *
 * Deletes every version of a profile ("Default" cannot be deleted); the
 * active profile falls back to "Default".
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_profile_service_delete_profile (AlvhProfileService  *self,
                                     const char          *name,
                                     GError             **error)
{
  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return FALSE;
  if (g_strcmp0 (name, "Default") == 0)
    {
      g_set_error_literal (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                           _("The Default profile cannot be deleted"));
      return FALSE;
    }
  if (!alvh_journal_store_delete_profile (self->store, name, error))
    return FALSE;
  if (self->profile != NULL && g_strcmp0 (alvh_profile_get_name (self->profile), name) == 0)
    return alvh_profile_service_set_active_profile (self, "Default", error);
  return TRUE;
}

/* ---- events ---------------------------------------------------------- */

/**
 * alvh_profile_service_list_events:
 * @self: the service
 *
 * The macro events.
 *
 * Returns: (transfer full) (element-type AlvhEvent) (nullable): a new array,
 *   empty without a database; NULL with @error set when the store fails
 */
GPtrArray *
alvh_profile_service_list_events (AlvhProfileService  *self,
                                  GError             **error)
{
  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), NULL);
  if (self->store == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  return alvh_journal_store_list_events (self->store, 0, 0, error);
}

static void
events_changed (AlvhProfileService *self)
{
  g_signal_emit (self, signals[EVENTS_CHANGED], 0);
}

/**
 * alvh_profile_service_add_event:
 * @self: the service
 * @event: the macro event (its id, for an update)
 * @error: return location for an error
 *
 * Stores a macro event and emits ::events-changed.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
alvh_profile_service_add_event (AlvhProfileService      *self,
                                const AlvhEvent  *event,
                                GError                 **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), 0);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return 0;
  id = alvh_journal_store_add_event (self->store, event, error);
  if (id > 0)
    events_changed (self);
  return id;
}

/**
 * alvh_profile_service_update_event:
 * @self: the service
 * @event: the macro event (its id, for an update)
 * @error: return location for an error
 *
 * Stores an edited macro event and emits ::events-changed.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_profile_service_update_event (AlvhProfileService      *self,
                                   const AlvhEvent  *event,
                                   GError                 **error)
{
  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error) ||
      !alvh_journal_store_update_event (self->store, event, error))
    return FALSE;
  events_changed (self);
  return TRUE;
}

/**
 * alvh_profile_service_delete_event:
 * @self: the service
 * @id: the stored id
 * @error: return location for an error
 *
 * Deletes a macro event and emits ::events-changed.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_profile_service_delete_event (AlvhProfileService  *self,
                                   gint64               id,
                                   GError             **error)
{
  g_return_val_if_fail (ALVH_IS_PROFILE_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error) ||
      !alvh_journal_store_delete_event (self->store, id, error))
    return FALSE;
  events_changed (self);
  return TRUE;
}


/**
 * alvh_profile_service_new:
 * @store: (nullable): the app database (NULL when it could not be opened)
 * @data_dir: its directory, for messages
 * @store_error: (nullable): why it could not be opened
 * @settings: (nullable): the application's settings: the active profile is
 *   read from and written to "active-profile"
 *
 * Stores the spec's defaults as version 1 of "Default" in a new database and
 * opens the remembered profile (else "Default", else the defaults).
 *
 * Returns: (transfer full): the profile service
 */
AlvhProfileService *
alvh_profile_service_new (AlvhJournalStore *store,
                          const char       *data_dir,
                          const GError     *store_error,
                          GSettings        *settings)
{
  AlvhProfileService *self = g_object_new (ALVH_TYPE_PROFILE_SERVICE, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->data_dir = g_strdup (data_dir);
  self->store_error = store_error != NULL ? g_error_copy (store_error) : NULL;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  open_profile (self);
  return self;
}
