/* alvh-profile-service.h — the rule profiles and the macro events
 *
 * One slice of the app's state: the active rule profile (remembered in the
 * "active-profile" setting), the stored profiles with their versions, and the
 * macro events the evaluator reads.  ::changed is emitted when the active
 * profile (or a new version of it) changed, ::events-changed when macro
 * events were added, edited or deleted.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-core.h"
#include "alvh-journal-store.h"
#include "alvh-profile.h"

G_BEGIN_DECLS

#define ALVH_TYPE_PROFILE_SERVICE (alvh_profile_service_get_type ())

G_DECLARE_FINAL_TYPE (AlvhProfileService, alvh_profile_service, ALVH, PROFILE_SERVICE, GObject)

AlvhProfileService *alvh_profile_service_new             (AlvhJournalStore        *store,
                                                          const char              *data_dir,
                                                          const GError            *store_error,
                                                          GSettings               *settings);
/* The active profile (borrowed) */
AlvhProfile        *alvh_profile_service_get_profile     (AlvhProfileService      *self);
const GError       *alvh_profile_service_get_error       (AlvhProfileService      *self);
/* Names of the stored profiles (sorted, unique); "Default" is always there.
 * NULL with @error when the profiles cannot be read. */
char              **alvh_profile_service_dup_profile_names (AlvhProfileService    *self,
                                                            GError               **error);
AlvhProfile        *alvh_profile_service_load_profile    (AlvhProfileService      *self,
                                                          const char              *name,
                                                          GError                 **error);
gboolean            alvh_profile_service_set_active_profile (AlvhProfileService   *self,
                                                             const char           *name,
                                                             GError              **error);
/* Stores the profile as a new version of its name (the version is written
 * back into @profile); when it is the active profile's name, it becomes active. */
gboolean            alvh_profile_service_save_profile    (AlvhProfileService      *self,
                                                          AlvhProfile             *profile,
                                                          GError                 **error);
/* Renaming moves every version; deleting removes every version ("Default"
 * cannot be deleted).  Decisions keep the name and version they recorded. */
gboolean            alvh_profile_service_rename_profile  (AlvhProfileService      *self,
                                                          const char              *old_name,
                                                          const char              *new_name,
                                                          GError                 **error);
gboolean            alvh_profile_service_delete_profile  (AlvhProfileService      *self,
                                                          const char              *name,
                                                          GError                 **error);

/* macro events; list_events returns a new array of AlvhEvent */
GPtrArray          *alvh_profile_service_list_events     (AlvhProfileService      *self,
                                                          GError                 **error);
gint64              alvh_profile_service_add_event       (AlvhProfileService      *self,
                                                          const AlvhEvent  *event,
                                                          GError                 **error);
gboolean            alvh_profile_service_update_event    (AlvhProfileService      *self,
                                                          const AlvhEvent  *event,
                                                          GError                 **error);
gboolean            alvh_profile_service_delete_event    (AlvhProfileService      *self,
                                                          gint64                   id,
                                                          GError                 **error);

G_END_DECLS
