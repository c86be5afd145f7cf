/* alvh-preferences-window.c — appearance, time zone and the rule-profile editor
 *
 * The editor is built from the profile descriptor table: one row per
 * threshold titled with its label, with its key, unit, description and range
 * (a GtkSpinButton bounded by the descriptor's min/max, an entry for the
 * layer ratio).  Saving stores a
 * new version of the profile in the journal store; profiles can be
 * duplicated, renamed, deleted, exported to and imported from a profile file
 * and made the one the evaluator uses.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-application.h"
#include "alvh-form.h"
#include "alvh-preferences-window.h"

struct _AlvhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AlvhContext          *context;
  GSettings            *settings;
  AlvhProfile          *profile;      /* the profile in the editor */
  GHashTable           *editors;      /* key -> GtkWidget (borrowed) */
  char                **profile_names;
  char                **zones;
  gboolean              loading;

  /* template children */
  GtkWidget            *profiles_page;
  GtkWidget            *appearance_group;
  GtkWidget            *time_group;
  GtkWidget            *style_row;
  GtkWidget            *time_zone_row;
  GtkWidget            *profile_group;
  GtkWidget            *profile_row;
  GtkWidget            *active_row;
  GtkWidget            *activate_button;
  GtkWidget            *rename_button;
  GtkWidget            *delete_button;
  GtkWidget            *save_button;
  GtkWidget            *error_label;
};

G_DEFINE_FINAL_TYPE (AlvhPreferencesWindow, alvh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const schemes[] = { "default", "light", "dark" };

static const char * const common_zones[] = {
  "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
  "UTC", "Europe/London", "Europe/Berlin", "Europe/Zurich", "Asia/Tokyo",
  "Asia/Hong_Kong", "Asia/Singapore", "Australia/Sydney", NULL
};

/* the descriptor table in spec order, split where a section starts */
static const struct { const char *first_key; const char *title; } sections[] = {
  { "iv_window_hours", N_("Real-Time Rules") },
  { "wing_sd", N_("Fixed Triggers") },
  { "max_layers", N_("Decision Tree") },
  { "base_size", N_("The Hedge Leg") },
  { "rate", N_("Market Constants") },
  { "condor_dte", N_("Replay Policy") },
};

/* ---- appearance and time zone ---------------------------------------- */

static void
style_selected_cb (AlvhPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->style_row));

  if (self->settings != NULL && i < G_N_ELEMENTS (schemes))
    g_settings_set_string (self->settings, "color-scheme", schemes[i]);
}

static void
zone_selected_cb (AlvhPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->time_zone_row));

  if (self->settings != NULL && self->zones != NULL && i < g_strv_length (self->zones))
    g_settings_set_string (self->settings, "time-zone", self->zones[i]);
}

static void
setup_general (AlvhPreferencesWindow *self)
{
  g_autofree char *scheme = NULL;
  g_autofree char *zone = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint selected = 0;

  if (self->settings == NULL)
    {
      gtk_widget_set_visible (self->appearance_group, FALSE);
      gtk_widget_set_visible (self->time_group, FALSE);
      return;
    }
  scheme = g_settings_get_string (self->settings, "color-scheme");
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_strcmp0 (scheme, schemes[i]) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->style_row), i);
  g_signal_connect_swapped (self->style_row, "notify::selected", G_CALLBACK (style_selected_cb), self);

  zone = g_settings_get_string (self->settings, "time-zone");
  g_strv_builder_addv (builder, (const char **) common_zones);
  if (!g_strv_contains (common_zones, zone) && *zone != '\0')
    g_strv_builder_add (builder, zone);
  self->zones = g_strv_builder_end (builder);
  for (guint i = 0; self->zones[i] != NULL; i++)
    if (g_strcmp0 (self->zones[i], zone) == 0)
      selected = i;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->time_zone_row),
                           G_LIST_MODEL (gtk_string_list_new ((const char * const *) self->zones)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->time_zone_row), selected);
  g_signal_connect_swapped (self->time_zone_row, "notify::selected", G_CALLBACK (zone_selected_cb), self);
}

/* ---- the profile editor ----------------------------------------------- */

static guint
decimals_of (const char *text)
{
  const char *dot = strchr (text, '.');

  return dot ? (guint) strlen (dot + 1) : 0;
}

/* Reads every editor into a copy of the profile; marks broken ones. */
static AlvhProfile *
collect (AlvhPreferencesWindow  *self,
         GError                **error)
{
  g_autoptr(AlvhProfile) copy = alvh_profile_copy (self->profile);
  g_autoptr(GError) broken = NULL;
  const AlvhProfileDescriptor *d;
  guint n;
  gboolean ok = TRUE;

  d = alvh_profile_get_descriptors (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *w = g_hash_table_lookup (self->editors, d[i].key);
      g_autoptr(GError) local = NULL;
      gboolean set;

      if (w == NULL)
        continue;
      if (GTK_IS_SPIN_BUTTON (w))
        {
          double v;

          gtk_spin_button_update (GTK_SPIN_BUTTON (w));
          v = gtk_spin_button_get_value (GTK_SPIN_BUTTON (w));
          if (d[i].type == ALVH_PROFILE_VALUE_INT)
            v = round (v);
          set = alvh_profile_set_value (copy, d[i].key, v, &local);
        }
      else
        set = alvh_profile_set_from_string (copy, d[i].key, gtk_editable_get_text (GTK_EDITABLE (w)), &local);
      if (set)
        gtk_widget_remove_css_class (w, "error");
      else
        {
          gtk_widget_add_css_class (w, "error");
          if (ok)
            g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
    }
  /* the rules across keys (close_dte < condor_dte, ...), as profile files get them */
  if (ok && !alvh_profile_validate (copy, &broken))
    {
      guint n_rules;
      const AlvhProfileRule *rules = alvh_profile_get_rules (&n_rules);

      for (guint r = 0; r < n_rules; r++)
        {
          g_autofree char *prefix = g_strconcat (rules[r].key, "=", NULL);
          GtkWidget *a = g_hash_table_lookup (self->editors, rules[r].key);
          GtkWidget *b = g_hash_table_lookup (self->editors, rules[r].other);

          if (!g_str_has_prefix (broken->message, prefix))
            continue;
          if (a != NULL)
            gtk_widget_add_css_class (a, "error");
          if (b != NULL)
            gtk_widget_add_css_class (b, "error");
        }
      g_propagate_error (error, g_steal_pointer (&broken));
      return NULL;
    }
  return ok ? g_steal_pointer (&copy) : NULL;
}

static void
editor_changed_cb (AlvhPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) edited = NULL;

  if (self->loading)
    return;
  edited = collect (self, &error);
  gtk_widget_set_sensitive (self->save_button,
                            edited != NULL && !alvh_profile_equal_values (edited, self->profile));
  gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : "");
  gtk_widget_set_visible (self->error_label, error != NULL);
}

static void
build_editors (AlvhPreferencesWindow *self)
{
  const AlvhProfileDescriptor *d;
  GtkWidget *group = NULL;
  guint n, section = 0;

  d = alvh_profile_get_descriptors (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *editor;
      g_autofree char *range = NULL, *subtitle = NULL;
      const char *unit = d[i].unit && *d[i].unit ? _(d[i].unit) : "";

      if (section < G_N_ELEMENTS (sections) && g_strcmp0 (d[i].key, sections[section].first_key) == 0)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(sections[section].title));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->profiles_page), ADW_PREFERENCES_GROUP (group));
          section++;
        }
      if (group == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->profiles_page), ADW_PREFERENCES_GROUP (group));
        }

      if (d[i].type == ALVH_PROFILE_VALUE_RATIO)
        {
          range = g_strdup_printf (_("parts %g to %g, default %s"), d[i].min, d[i].max, d[i].default_text);
          editor = gtk_entry_new ();
          gtk_editable_set_width_chars (GTK_EDITABLE (editor), 10);
          g_signal_connect_swapped (editor, "changed", G_CALLBACK (editor_changed_cb), self);
        }
      else
        {
          guint dec = decimals_of (d[i].default_text);
          double step = d[i].type == ALVH_PROFILE_VALUE_INT ? 1 : pow (10, -(double) dec);
          guint digits = d[i].type == ALVH_PROFILE_VALUE_INT ? 0 : MIN (MAX (dec, 2u), 4u);

          range = g_strdup_printf (_("%g to %g, default %s"), d[i].min, d[i].max, d[i].default_text);
          editor = gtk_spin_button_new_with_range (d[i].min, d[i].max, step);
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (editor), digits);
          gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (editor), TRUE);
          gtk_editable_set_width_chars (GTK_EDITABLE (editor), 8);
          g_signal_connect_swapped (editor, "value-changed", G_CALLBACK (editor_changed_cb), self);
        }
      /* the key as profile files and `alvh profile` spell it, then the help */
      subtitle = *unit ? g_strdup_printf ("%s · %s (%s; %s)", d[i].key, _(d[i].description), unit, range)
                       : g_strdup_printf ("%s · %s (%s)", d[i].key, _(d[i].description), range);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(d[i].label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_name (editor, d[i].key);
      gtk_widget_set_valign (editor, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (editor),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(d[i].label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), editor);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_hash_table_insert (self->editors, (gpointer) d[i].key, editor);
    }
}

static void
load_editors (AlvhPreferencesWindow *self)
{
  const AlvhProfileDescriptor *d;
  AlvhProfile *active = alvh_profile_service_get_profile (alvh_context_get_profiles (self->context));
  gboolean is_active;
  g_autofree char *subtitle = NULL;
  guint n;

  self->loading = TRUE;
  d = alvh_profile_get_descriptors (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *w = g_hash_table_lookup (self->editors, d[i].key);

      if (w == NULL)
        continue;
      gtk_widget_remove_css_class (w, "error");
      if (GTK_IS_SPIN_BUTTON (w))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (w), alvh_profile_get_value (self->profile, d[i].key));
      else
        {
          g_autofree char *text = alvh_profile_dup_string (self->profile, d[i].key);

          gtk_editable_set_text (GTK_EDITABLE (w), text ? text : "");
        }
    }
  self->loading = FALSE;

  is_active = active != NULL && g_strcmp0 (alvh_profile_get_name (active), alvh_profile_get_name (self->profile)) == 0;
  subtitle = is_active ? g_strdup_printf (_("Yes: %s, version %d"), alvh_profile_get_name (active), alvh_profile_get_version (active))
                       : g_strdup_printf (_("No: the evaluator uses %s"), active ? alvh_profile_get_name (active) : "Default");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->active_row), subtitle);
  gtk_widget_set_sensitive (self->activate_button, !is_active);
  gtk_widget_set_sensitive (self->rename_button, g_strcmp0 (alvh_profile_get_name (self->profile), "Default") != 0);
  gtk_widget_set_sensitive (self->delete_button, g_strcmp0 (alvh_profile_get_name (self->profile), "Default") != 0);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_widget_set_visible (self->error_label, FALSE);
}

static void profile_selected_cb (AlvhPreferencesWindow *self);

static void
fill_profiles (AlvhPreferencesWindow *self,
               const char            *select)
{
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_strfreev (self->profile_names);
  self->profile_names = alvh_profile_service_dup_profile_names (alvh_context_get_profiles (self->context), &error);
  if (self->profile_names == NULL)
    {
      const char * const only_default[] = { "Default", NULL };

      alvh_form_show_error (self->error_label, error->message);
      self->profile_names = g_strdupv ((char **) only_default);
    }
  for (guint i = 0; self->profile_names[i] != NULL; i++)
    if (g_strcmp0 (self->profile_names[i], select) == 0)
      selected = i;
  g_signal_handlers_block_by_func (self->profile_row, profile_selected_cb, self);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->profile_row),
                           G_LIST_MODEL (gtk_string_list_new ((const char * const *) self->profile_names)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->profile_row), selected);
  g_signal_handlers_unblock_by_func (self->profile_row, profile_selected_cb, self);
}

gboolean
alvh_preferences_window_select_profile (AlvhPreferencesWindow *self,
                                        const char            *name)
{
  g_autoptr(GError) error = NULL;
  AlvhProfile *profile;

  g_return_val_if_fail (ALVH_IS_PREFERENCES_WINDOW (self), FALSE);
  profile = alvh_profile_service_load_profile (alvh_context_get_profiles (self->context), name, &error);
  if (profile == NULL)
    {
      /* the editors keep the profile they show; the dialog says why */
      alvh_form_show_error (self->error_label, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->profile, alvh_profile_unref);
  self->profile = profile;
  fill_profiles (self, name);
  load_editors (self);
  return TRUE;
}

static void
profile_selected_cb (AlvhPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->profile_row));

  if (self->profile_names != NULL && i < g_strv_length (self->profile_names))
    alvh_preferences_window_select_profile (self, self->profile_names[i]);
}

static void
show_result (AlvhPreferencesWindow *self,
             const char            *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

gboolean
alvh_preferences_window_save (AlvhPreferencesWindow  *self,
                              GError                **error)
{
  g_autoptr(AlvhProfile) edited = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ALVH_IS_PREFERENCES_WINDOW (self), FALSE);
  edited = collect (self, error);
  if (edited == NULL)
    return FALSE;
  if (!alvh_profile_service_save_profile (alvh_context_get_profiles (self->context), edited, error))
    return FALSE;
  g_clear_pointer (&self->profile, alvh_profile_unref);
  self->profile = g_steal_pointer (&edited);
  load_editors (self);
  text = g_strdup_printf (_("Saved %s, version %d"), alvh_profile_get_name (self->profile),
                          alvh_profile_get_version (self->profile));
  show_result (self, text);
  return TRUE;
}

static void
save_clicked_cb (AlvhPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!alvh_preferences_window_save (self, &error))
    {
      alvh_form_show_error (self->error_label, error->message);
    }
}

static void
activate_clicked_cb (AlvhPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!alvh_profile_service_set_active_profile (alvh_context_get_profiles (self->context), alvh_profile_get_name (self->profile), &error))
    {
      alvh_form_show_error (self->error_label, error->message);
      return;
    }
  load_editors (self);
}

/* A message dialog asking for a name; @response_cb gets the name. */
typedef void (*NameFunc) (AlvhPreferencesWindow *self, const char *name);

static void
name_response_cb (AdwMessageDialog      *dialog,
                  const char            *response,
                  AlvhPreferencesWindow *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  NameFunc func = g_object_get_data (G_OBJECT (dialog), "func");
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "ok") != 0)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*name != '\0')
    func (self, name);
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "ok", *text != '\0');
}

static void
ask_name (AlvhPreferencesWindow *self,
          const char            *heading,
          const char            *ok_label,
          const char            *initial,
          NameFunc               func)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "func", func);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report (AlvhPreferencesWindow *self,
        GError                *error)
{
  alvh_form_show_error (self->error_label, error->message);
}

static void
duplicate_named (AlvhPreferencesWindow *self,
                 const char            *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) copy = NULL;
  g_auto(GStrv) names = alvh_profile_service_dup_profile_names (alvh_context_get_profiles (self->context), &error);

  if (names == NULL)
    {
      report (self, error);
      return;
    }
  if (g_strv_contains ((const char * const *) names, name))
    {
      g_set_error (&error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                   _("A profile named “%s” exists already"), name);
      report (self, error);
      return;
    }
  copy = collect (self, &error);
  if (copy == NULL)
    {
      report (self, error);
      return;
    }
  alvh_profile_set_name (copy, name);
  if (!alvh_profile_service_save_profile (alvh_context_get_profiles (self->context), copy, &error))
    {
      report (self, error);
      return;
    }
  alvh_preferences_window_select_profile (self, name);
}

static void
rename_named (AlvhPreferencesWindow *self,
              const char            *name)
{
  g_autoptr(GError) error = NULL;

  if (!alvh_profile_service_rename_profile (alvh_context_get_profiles (self->context), alvh_profile_get_name (self->profile), name, &error))
    {
      report (self, error);
      return;
    }
  alvh_preferences_window_select_profile (self, name);
}

static void
duplicate_clicked_cb (AlvhPreferencesWindow *self)
{
  g_autofree char *initial = g_strdup_printf (_("%s copy"), alvh_profile_get_name (self->profile));

  ask_name (self, _("Duplicate Profile"), _("_Duplicate"), initial, duplicate_named);
}

static void
rename_clicked_cb (AlvhPreferencesWindow *self)
{
  ask_name (self, _("Rename Profile"), _("_Rename"), alvh_profile_get_name (self->profile), rename_named);
}

static void
delete_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    AlvhPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!alvh_profile_service_delete_profile (alvh_context_get_profiles (self->context), alvh_profile_get_name (self->profile), &error))
    {
      report (self, error);
      return;
    }
  alvh_preferences_window_select_profile (self, "Default");
}

static void
delete_clicked_cb (AlvhPreferencesWindow *self)
{
  g_autofree char *body = g_strdup_printf (_("Every version of “%s” is deleted. Recorded decisions keep the name and version they used."),
                                           alvh_profile_get_name (self->profile));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Profile?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- profile files ----------------------------------------------------- */

gboolean
alvh_preferences_window_export_profile (AlvhPreferencesWindow  *self,
                                        GFile                  *file,
                                        GError                **error)
{
  g_autoptr(AlvhProfile) edited = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (ALVH_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  edited = collect (self, error);
  if (edited == NULL)
    return FALSE;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                   _("Profiles can only be exported to a local file"));
      return FALSE;
    }
  text = alvh_profile_to_documented_data (edited, &length);
  return g_file_set_contents_full (path, text, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
alvh_preferences_window_import_profile (AlvhPreferencesWindow  *self,
                                        GFile                  *file,
                                        GError                **error)
{
  g_autoptr(AlvhProfile) profile = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ALVH_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                   _("Profiles can only be imported from a local file"));
      return FALSE;
    }
  profile = alvh_profile_new_from_file (path, error);
  if (profile == NULL)
    return FALSE;
  if (*alvh_profile_get_name (profile) == '\0')
    {
      g_autofree char *base = g_path_get_basename (path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      alvh_profile_set_name (profile, base);
    }
  if (!alvh_profile_service_save_profile (alvh_context_get_profiles (self->context), profile, error))
    return FALSE;
  alvh_preferences_window_select_profile (self, alvh_profile_get_name (profile));
  text = g_strdup_printf (_("Imported %s, version %d"), alvh_profile_get_name (profile),
                          alvh_profile_get_version (profile));
  show_result (self, text);
  return TRUE;
}

static void
file_chosen_cb (GtkNativeDialog       *chooser,
                int                    response,
                AlvhPreferencesWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gboolean exporting = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      gboolean ok = exporting ? alvh_preferences_window_export_profile (self, file, &error)
                              : alvh_preferences_window_import_profile (self, file, &error);

      if (!ok)
        report (self, error);
      else if (exporting)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Exported %s to %s"), alvh_profile_get_name (self->profile), name);

          gtk_widget_set_visible (self->error_label, FALSE);
          show_result (self, text);
        }
    }
  g_object_unref (chooser);
}

static void
choose_file (AlvhPreferencesWindow *self,
             gboolean               exporting)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (exporting ? _("Export Profile") : _("Import Profile"),
                                         GTK_WINDOW (self),
                                         exporting ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         exporting ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Rule profiles"));
  gtk_file_filter_add_pattern (filter, "*.ini");
  gtk_file_filter_add_pattern (filter, "*.profile");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (exporting)
    {
      g_autofree char *suggested = g_strdup_printf ("%s.ini", alvh_profile_get_name (self->profile));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_clicked_cb (AlvhPreferencesWindow *self)
{
  choose_file (self, TRUE);
}

static void
import_clicked_cb (AlvhPreferencesWindow *self)
{
  choose_file (self, FALSE);
}

/* ---- object ------------------------------------------------------------ */

static void
alvh_preferences_window_dispose (GObject *object)
{
  AlvhPreferencesWindow *self = ALVH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (alvh_preferences_window_parent_class)->dispose (object);
}

static void
alvh_preferences_window_finalize (GObject *object)
{
  AlvhPreferencesWindow *self = ALVH_PREFERENCES_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->profile, alvh_profile_unref);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->profile_names, g_strfreev);
  g_clear_pointer (&self->zones, g_strfreev);
  G_OBJECT_CLASS (alvh_preferences_window_parent_class)->finalize (object);
}

static void
alvh_preferences_window_class_init (AlvhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_preferences_window_dispose;
  object_class->finalize = alvh_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/dialogs/alvh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, profiles_page);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, appearance_group);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, time_group);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, profile_group);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, active_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, activate_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, rename_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhPreferencesWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
alvh_preferences_window_init (AlvhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  alvh_a11y_label_mnemonic_buttons (GTK_WIDGET (self));
  /* rows read their title to screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->style_row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Style"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_zone_row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time zone"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->profile_row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit profile"), -1);
  self->editors = g_hash_table_new (g_str_hash, g_str_equal);
  build_editors (self);
}

/**
 * alvh_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @context: the context whose profiles it edits; its settings (style,
 *   time zone) are the application's, and without them the General page
 *   hides those groups
 *
 * Returns: (transfer none): the new window (owned by GTK's toplevel list)
 */
AlvhPreferencesWindow *
alvh_preferences_window_new (GtkWindow   *parent,
                             AlvhContext *context)
{
  GSettings *settings = alvh_context_get_settings (context);

  AlvhPreferencesWindow *self = g_object_new (ALVH_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  AlvhProfile *active = alvh_profile_service_get_profile (alvh_context_get_profiles (context));

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  setup_general (self);
  self->context = g_object_ref (context);
  self->profile = alvh_profile_copy (active);
  fill_profiles (self, alvh_profile_get_name (self->profile));
  g_signal_connect_swapped (self->profile_row, "notify::selected", G_CALLBACK (profile_selected_cb), self);
  load_editors (self);
  return self;
}

const char *
alvh_preferences_window_get_profile_name (AlvhPreferencesWindow *self)
{
  g_return_val_if_fail (ALVH_IS_PREFERENCES_WINDOW (self), NULL);
  return alvh_profile_get_name (self->profile);
}

GtkWidget *
alvh_preferences_window_get_editor (AlvhPreferencesWindow *self,
                                    const char            *key)
{
  g_return_val_if_fail (ALVH_IS_PREFERENCES_WINDOW (self), NULL);
  return g_hash_table_lookup (self->editors, key);
}
