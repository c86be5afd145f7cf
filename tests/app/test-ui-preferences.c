/* test-ui-preferences.c — the Preferences window with real widgets under
 * Xvfb: win.preferences opens it, a threshold edited in the profile editor
 * is saved as a new profile version and the evaluator's decision shows that
 * profile; a broken ratio keeps Save insensitive; style and time zone go to
 * GSettings; profiles are duplicated, renamed and deleted */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "alvh-evaluator-page.h"
#include "alvh-form.h"
#include "alvh-preferences-window.h"
#include "alvh-time.h"
#include "alvh-window.h"
#include "test-ui-util.h"

static AlvhPreferencesWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ALVH_IS_PREFERENCES_WINDOW (w))
        return ALVH_PREFERENCES_WINDOW (w);
    }
  return NULL;
}

/* The settings belong to the application: a registered (not running)
 * AlvhApplication and its window, like test_ui_demo_window() */
static AlvhWindow *
app_demo_window (AlvhApplication *app)
{
  AlvhWindow *window;
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_set_default (G_APPLICATION (app));
  g_assert_nonnull (alvh_application_get_settings (app));
  window = alvh_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_present (GTK_WINDOW (window));
  alvh_window_load_demo (window);
  alvh_window_show_page (window, "evaluator");
  test_ui_wait_drawn (alvh_window_get_page (window, "evaluator"));
  return window;
}

/* Every descriptor has an editor with the descriptor's range */
static void
prefs_check_editors (AlvhPreferencesWindow *prefs)
{
  guint n;
  const AlvhProfileDescriptor *desc = alvh_profile_get_descriptors (&n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *w = alvh_preferences_window_get_editor (prefs, desc[i].key);

      g_assert_nonnull (w);
      g_assert_cmpstr (gtk_widget_get_name (w), ==, desc[i].key);
      if (GTK_IS_SPIN_BUTTON (w))
        {
          double lo, hi;

          gtk_spin_button_get_range (GTK_SPIN_BUTTON (w), &lo, &hi);
          g_assert_cmpfloat (lo, ==, desc[i].min);
          g_assert_cmpfloat (hi, ==, desc[i].max);
        }
    }
}

/* Appearance and time zone go to GSettings; the app shows times of day in
 * that zone (an unknown one falls back to the local zone); both pages
 * rendered dark */
static void
prefs_check_general (AlvhPreferencesWindow *prefs,
                     GSettings             *settings)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "general");
  adw_combo_row_set_selected (ADW_COMBO_ROW (alvh_form_find_by_name (GTK_WIDGET (prefs), "style")), 2);
  {
    g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (scheme, ==, "dark");
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (alvh_form_find_by_name (GTK_WIDGET (prefs), "time-zone")), 4);
  {
    g_autofree char *zone = g_settings_get_string (settings, "time-zone");

    g_assert_cmpstr (zone, ==, "UTC");
  }
  /* the app shows times of day in that zone; daily bars keep their New York date */
  {
    g_autoptr(GTimeZone) tz = alvh_form_display_zone ();
    g_autofree char *utc = alvh_form_format_time (G_GINT64_CONSTANT (1710055800));
    g_autofree char *berlin = NULL;
    g_autofree char *bar = NULL;
    g_autofree char *fallback = NULL;
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();
    g_autoptr(GTimeZone) probe = g_time_zone_new_identifier ("Europe/Berlin");

    g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "UTC");
    g_assert_cmpstr (utc, ==, "2024-03-10 07:30");
    g_settings_set_string (settings, "time-zone", "Europe/Berlin");
    berlin = alvh_form_format_time (G_GINT64_CONSTANT (1710055800));
    if (probe != NULL)
      g_assert_cmpstr (berlin, ==, "2024-03-10 08:30");
    bar = alvh_form_format_time (alvh_time_from_ny_date (2024, 3, 8));
    g_assert_cmpstr (bar, ==, "2024-03-08");
    g_settings_set_string (settings, "time-zone", "Not/A_Zone");
    g_clear_pointer (&tz, g_time_zone_unref);
    tz = alvh_form_display_zone ();
    g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, g_time_zone_get_identifier (local));
    fallback = alvh_form_format_time (G_GINT64_CONSTANT (1710055800));
    g_assert_nonnull (fallback);
    g_settings_set_string (settings, "time-zone", "UTC");
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "profiles");
  test_ui_render_png (GTK_WIDGET (prefs), "preferences-profiles-dark.png");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "general");
  test_ui_render_png (GTK_WIDGET (prefs), "preferences-general-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_settings_set_string (settings, "color-scheme", "default");

}

/* A profile duplicated (through the context), made active, renamed and
 * deleted; the last profile cannot be deleted */
static void
prefs_profile_lifecycle (AlvhPreferencesWindow *prefs,
                         AlvhEvaluatorPage     *page,
                         AlvhContext           *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) fast = alvh_profile_copy (alvh_profile_service_get_profile (alvh_context_get_profiles (context)));
  g_auto(GStrv) names = NULL;

  alvh_profile_set_name (fast, "Fast");
  g_assert_true (alvh_profile_set_value (fast, "cooldown_hours", 6, &error));
  g_assert_true (alvh_profile_service_save_profile (alvh_context_get_profiles (context), fast, &error));
  g_assert_cmpint (alvh_profile_get_version (fast), ==, 1);
  g_assert_true (alvh_preferences_window_select_profile (prefs, "Fast"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (alvh_preferences_window_get_editor (prefs, "cooldown_hours"))), ==, 6);
  gtk_widget_activate (alvh_form_find_by_name (GTK_WIDGET (prefs), "make-active"));
  test_ui_wait_for (g_strcmp0 (alvh_profile_get_name (alvh_profile_service_get_profile (alvh_context_get_profiles (context))), "Fast") == 0);
  test_ui_wait_for (g_strcmp0 (alvh_evaluator_page_get_decision (page)->profile_name, "Fast") == 0);
  g_assert_cmpstr (alvh_profile_get_name (alvh_profile_service_get_profile (alvh_context_get_profiles (context))), ==, "Fast");
  g_assert_cmpstr (alvh_evaluator_page_get_decision (page)->profile_name, ==, "Fast");

  g_assert_true (alvh_profile_service_rename_profile (alvh_context_get_profiles (context), "Fast", "Quick", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (alvh_profile_get_name (alvh_profile_service_get_profile (alvh_context_get_profiles (context))), ==, "Quick");
  g_assert_false (alvh_profile_service_rename_profile (alvh_context_get_profiles (context), "Default", "Other", &error));
  g_clear_error (&error);
  g_assert_true (alvh_profile_service_delete_profile (alvh_context_get_profiles (context), "Quick", &error));
  g_assert_cmpstr (alvh_profile_get_name (alvh_profile_service_get_profile (alvh_context_get_profiles (context))), ==, "Default");
  names = alvh_profile_service_dup_profile_names (alvh_context_get_profiles (context), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_false (alvh_profile_service_delete_profile (alvh_context_get_profiles (context), "Default", &error));
  g_clear_error (&error);
}

static void
test_preferences_profile (void)
{
  g_autoptr(AlvhApplication) app = alvh_application_new ();
  g_autofree char *dir = g_dir_make_tmp ("alvh-ui-prefs-XXXXXX", NULL);
  AlvhWindow *window;
  AlvhEvaluatorPage *page;
  AlvhContext *context;
  AlvhPreferencesWindow *prefs;
  GtkWidget *spin, *ratio, *save;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AlvhCondor c = { 0 };
  AlvhMarketState ms;
  const AlvhDecision *d;

  /* the demo history ends 2025-12-31: that is today, the data is current */
  alvh_form_set_today (alvh_time_from_ny_date (2025, 12, 31));
  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
  window = app_demo_window (app);
  page = ALVH_EVALUATOR_PAGE (alvh_window_get_page (window, "evaluator"));
  context = alvh_page_get_context (ALVH_PAGE (page));

  /* a condor whose short put is 0.08 SD away: wing_proximity fires at 0.65 */
  g_assert_true (alvh_decision_service_get_market_state (alvh_context_get_decisions (context), &ms));
  c.long_put = round (ms.spx / 5) * 5 - 100;
  c.short_put = c.long_put + 50;
  c.short_call = c.long_put + 200;
  c.long_call = c.long_put + 250;
  c.expiry = alvh_form_today () + 45 * 86400;
  c.units = 1;
  c.credit = 40;
  c.opened = alvh_time_from_ny_local (2025, 12, 30, 11, 0, 0);
  c.close_price = NAN;
  g_assert_cmpint (alvh_book_service_add_condor (alvh_context_get_book (context), &c, &error), >, 0);
  d = alvh_evaluator_page_get_decision (page);
  g_assert_cmpint (d->action, ==, ALVH_ACTION_ADD);
  g_assert_cmpstr (d->profile_name, ==, "Default");
  g_assert_cmpint (d->profile_version, ==, 1);

  /* Ctrl+comma's action opens the window */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  test_ui_wait_for (find_preferences () != NULL);
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  g_assert_cmpstr (alvh_preferences_window_get_profile_name (prefs), ==, "Default");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "profiles");

  prefs_check_editors (prefs);

  save = alvh_form_find_by_name (GTK_WIDGET (prefs), "save-profile");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_sensitive (save));

  /* a broken layer ratio keeps Save insensitive */
  ratio = alvh_preferences_window_get_editor (prefs, "layer_ratio");
  gtk_editable_set_text (GTK_EDITABLE (ratio), "1:x:3");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (ratio, "error"));
  gtk_editable_set_text (GTK_EDITABLE (ratio), "1:2:3");
  g_assert_false (gtk_widget_has_css_class (ratio, "error"));

  /* wing_sd 0.65 -> 0.05: the wing is no longer close enough */
  spin = alvh_preferences_window_get_editor (prefs, "wing_sd");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 0.65);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0.05);
  g_assert_true (gtk_widget_get_sensitive (save));
  test_ui_render_png (GTK_WIDGET (prefs), "preferences-profiles.png");
  gtk_widget_activate (save);
  test_ui_wait_for (!gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_sensitive (save));

  g_assert_cmpint (alvh_profile_get_version (alvh_profile_service_get_profile (alvh_context_get_profiles (context))), ==, 2);
  g_assert_cmpfloat (alvh_profile_service_get_profile (alvh_context_get_profiles (context))->wing_sd, ==, 0.05);
  d = alvh_evaluator_page_get_decision (page);
  g_assert_cmpint (d->profile_version, ==, 2);
  g_assert_cmpfloat (d->signals[ALVH_SIGNAL_WING_PROXIMITY].threshold, ==, 0.05);
  g_assert_false (d->signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
  g_assert_cmpint (d->action, ==, ALVH_ACTION_HOLD);
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Default, version 2"));

  /* the stored versions */
  {
    g_autoptr(AlvhJournalProfile) v1 = alvh_journal_store_get_profile (alvh_context_get_store (context), "Default", 1, &error);
    g_autoptr(AlvhJournalProfile) v2 = alvh_journal_store_get_profile (alvh_context_get_store (context), "Default", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpint (v2->version, ==, 2);
    g_assert_nonnull (strstr (v2->keyfile, "wing_sd=0.05"));
    g_assert_null (strstr (v1->keyfile, "wing_sd=0.05"));
  }

  prefs_check_general (prefs, settings);

  prefs_profile_lifecycle (prefs, page, context);

  gtk_window_destroy (GTK_WINDOW (prefs));
  test_ui_close (GTK_WINDOW (window));
  g_application_set_default (NULL);
}

/* Export… writes the profile in the editor as a documented profile file
 * (0600) that reads back to the same values; Import… stores a file as a new
 * profile and shows it; a file that breaks a rule is refused and stores
 * nothing */
static void
test_preferences_profile_file (void)
{
  g_autoptr(AlvhApplication) app = alvh_application_new ();
  g_autofree char *dir = g_dir_make_tmp ("alvh-ui-prefs-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "default.ini", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(AlvhProfile) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names_before = NULL;
  g_auto(GStrv) names_after = NULL;
  g_autofree char *text = NULL;
  AlvhWindow *window;
  AlvhContext *context;
  AlvhPreferencesWindow *prefs;
  GStatBuf st;

  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
  window = app_demo_window (app);
  context = alvh_page_get_context (ALVH_PAGE (alvh_window_get_page (window, "evaluator")));
  prefs = alvh_preferences_window_new (GTK_WINDOW (window), context);
  g_assert_nonnull (alvh_form_find_by_name (GTK_WIDGET (prefs), "export-profile"));
  g_assert_nonnull (alvh_form_find_by_name (GTK_WIDGET (prefs), "import-profile"));

  /* the editor's values, edited but not saved, go to the file */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (alvh_preferences_window_get_editor (prefs, "wing_sd")), 0.5);
  g_assert_true (alvh_preferences_window_export_profile (prefs, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  exported = alvh_profile_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (alvh_profile_get_name (exported), ==, "Default");
  g_assert_cmpfloat (exported->wing_sd, ==, 0.5);
  g_assert_cmpfloat (exported->iv_expansion, ==, 0.15);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "# "));

  /* imported under its own name: a new profile, shown in the editor */
  g_assert_true (g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &error));
  g_key_file_set_string (kf, "profile", "name", "Tight wings");
  g_key_file_set_string (kf, "thresholds", "wing_sd", "0.4");
  g_assert_true (g_key_file_save_to_file (kf, path, &error));
  g_assert_true (alvh_preferences_window_import_profile (prefs, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (alvh_preferences_window_get_profile_name (prefs), ==, "Tight wings");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (alvh_preferences_window_get_editor (prefs, "wing_sd"))), ==, 0.4);
  names_before = alvh_profile_service_dup_profile_names (alvh_context_get_profiles (context), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) names_before, "Tight wings"));

  /* close_dte above condor_dte breaks a rule: refused, nothing stored */
  g_key_file_set_string (kf, "profile", "name", "Broken");
  g_key_file_set_string (kf, "thresholds", "close_dte", "60");
  g_assert_true (g_key_file_save_to_file (kf, bad_path, &error));
  g_assert_false (alvh_preferences_window_import_profile (prefs, bad_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "close_dte"));
  g_clear_error (&error);
  names_after = alvh_profile_service_dup_profile_names (alvh_context_get_profiles (context), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names_after), ==, g_strv_length (names_before));
  g_assert_cmpstr (alvh_preferences_window_get_profile_name (prefs), ==, "Tight wings");

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("ALVH_DATA_DIR");
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/preferences/profile", test_preferences_profile,
                       "/ui/preferences/profile-file", test_preferences_profile_file,
                       NULL);
}
