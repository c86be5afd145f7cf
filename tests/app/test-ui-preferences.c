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

static void
test_preferences_profile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-ui-prefs-XXXXXX", NULL);
  AlvhWindow *window;
  AlvhEvaluatorPage *page;
  AlvhSession *session;
  AlvhPreferencesWindow *prefs;
  GtkWidget *spin, *ratio, *save;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AlvhJournalCondor c = { 0 };
  AlvhMarketState ms;
  const AlvhDecision *d;

  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
  window = test_ui_demo_window (1000, 900, "evaluator");
  page = ALVH_EVALUATOR_PAGE (alvh_window_get_page (window, "evaluator"));
  session = alvh_evaluator_page_get_session (page);

  /* a condor whose short put is 0.08 SD away: wing_proximity fires at 0.65 */
  g_assert_true (alvh_session_get_market_state (session, &ms));
  c.long_put = round (ms.spx / 5) * 5 - 100;
  c.short_put = c.long_put + 50;
  c.short_call = c.long_put + 200;
  c.long_call = c.long_put + 250;
  c.expiry = alvh_form_today () + 45 * 86400;
  c.units = 1;
  c.credit = 40;
  c.close_price = NAN;
  g_assert_cmpint (alvh_session_add_condor (session, &c, &error), >, 0);
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

  /* every descriptor has an editor with the descriptor's range */
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

  g_assert_cmpint (alvh_profile_get_version (alvh_session_get_profile (session)), ==, 2);
  g_assert_cmpfloat (alvh_session_get_profile (session)->wing_sd, ==, 0.05);
  d = alvh_evaluator_page_get_decision (page);
  g_assert_cmpint (d->profile_version, ==, 2);
  g_assert_cmpfloat (d->signals[ALVH_SIGNAL_WING_PROXIMITY].threshold, ==, 0.05);
  g_assert_false (d->signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
  g_assert_cmpint (d->action, ==, ALVH_ACTION_HOLD);
  g_assert_true (test_ui_find_label (GTK_WIDGET (page), "Default, version 2"));

  /* the stored versions */
  {
    g_autoptr(AlvhJournalProfile) v1 = alvh_journal_store_get_profile (alvh_session_get_store (session), "Default", 1, &error);
    g_autoptr(AlvhJournalProfile) v2 = alvh_journal_store_get_profile (alvh_session_get_store (session), "Default", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpint (v2->version, ==, 2);
    g_assert_nonnull (strstr (v2->keyfile, "wing_sd=0.05"));
    g_assert_null (strstr (v1->keyfile, "wing_sd=0.05"));
  }

  /* appearance and time zone go to GSettings */
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

  /* duplicate (through the session), rename, make active, delete */
  {
    g_autoptr(AlvhProfile) fast = alvh_profile_copy (alvh_session_get_profile (session));
    g_auto(GStrv) names = NULL;

    alvh_profile_set_name (fast, "Fast");
    g_assert_true (alvh_profile_set_value (fast, "cooldown_hours", 6, &error));
    g_assert_true (alvh_session_save_profile (session, fast, &error));
    g_assert_cmpint (alvh_profile_get_version (fast), ==, 1);
    g_assert_true (alvh_preferences_window_select_profile (prefs, "Fast"));
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (alvh_preferences_window_get_editor (prefs, "cooldown_hours"))), ==, 6);
    gtk_widget_activate (alvh_form_find_by_name (GTK_WIDGET (prefs), "make-active"));
    test_ui_wait_for (g_strcmp0 (alvh_profile_get_name (alvh_session_get_profile (session)), "Fast") == 0);
    test_ui_wait_for (g_strcmp0 (alvh_evaluator_page_get_decision (page)->profile_name, "Fast") == 0);
    g_assert_cmpstr (alvh_profile_get_name (alvh_session_get_profile (session)), ==, "Fast");
    g_assert_cmpstr (alvh_evaluator_page_get_decision (page)->profile_name, ==, "Fast");

    g_assert_true (alvh_session_rename_profile (session, "Fast", "Quick", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (alvh_profile_get_name (alvh_session_get_profile (session)), ==, "Quick");
    g_assert_false (alvh_session_rename_profile (session, "Default", "Other", &error));
    g_clear_error (&error);
    g_assert_true (alvh_session_delete_profile (session, "Quick", &error));
    g_assert_cmpstr (alvh_profile_get_name (alvh_session_get_profile (session)), ==, "Default");
    names = alvh_session_dup_profile_names (session);
    g_assert_cmpuint (g_strv_length (names), ==, 1);
    g_assert_false (alvh_session_delete_profile (session, "Default", &error));
    g_clear_error (&error);
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_settle ();
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/preferences/profile", test_preferences_profile,
                       NULL);
}
