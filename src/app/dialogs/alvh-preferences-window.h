/* alvh-preferences-window.h — appearance, time zone and the rule-profile editor */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_PREFERENCES_WINDOW (alvh_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AlvhPreferencesWindow, alvh_preferences_window, ALVH, PREFERENCES_WINDOW, AdwPreferencesWindow)

AlvhPreferencesWindow *alvh_preferences_window_new           (GtkWindow             *parent,
                                                              AlvhContext           *context);
/**
 * alvh_preferences_window_get_profile_name:
 * @self: the preferences window
 *
 * The name of the profile in the editor.
 *
 * Returns: (transfer none): the name of the profile in the editor
 */
const char            *alvh_preferences_window_get_profile_name (AlvhPreferencesWindow *self);
/* Selects a profile in the editor (loads its latest version); FALSE, with the reason shown in the dialog, when it cannot be read. */
gboolean               alvh_preferences_window_select_profile (AlvhPreferencesWindow *self,
                                                               const char            *name);
/**
 * alvh_preferences_window_get_editor:
 * @self: the preferences window
 * @key: a profile key
 *
 * The editor widget of a threshold (a GtkSpinButton, or a GtkEntry for
 * ratios); its widget name is the key.
 *
 * Returns: (transfer none) (nullable): the editor of that profile key, or
 *   %NULL
 */
GtkWidget             *alvh_preferences_window_get_editor    (AlvhPreferencesWindow *self,
                                                              const char            *key);
/* What the Save button does: stores the edited values as a new version. */
gboolean               alvh_preferences_window_save          (AlvhPreferencesWindow *self,
                                                              GError               **error);

/* What Export… does once a file is chosen: writes the profile in the editor
 * (validated, with a comment above each key) to @file, readable only by the
 * user.  FALSE with @error when a value is invalid or the file cannot be written. */
gboolean               alvh_preferences_window_export_profile (AlvhPreferencesWindow *self,
                                                               GFile                 *file,
                                                               GError               **error);
/* What Import… does once a file is chosen: reads and validates the profile
 * file, stores it as a new version under its own name (the file's base name
 * when it has none) and shows it in the editor. */
gboolean               alvh_preferences_window_import_profile (AlvhPreferencesWindow *self,
                                                               GFile                 *file,
                                                               GError               **error);

G_END_DECLS
