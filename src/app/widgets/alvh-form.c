/* alvh-form.c — small helpers for the entry dialogs */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-application.h"
#include "alvh-form.h"
#include "alvh-calendar.h"
#include "alvh-time.h"

GtkWidget *
alvh_form_entry_row (const char *title,
                     const char *name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

GtkWidget *
alvh_form_spin_row (const char     *title,
                    const char     *subtitle,
                    const char     *name,
                    double          min,
                    double          max,
                    double          step,
                    guint           digits,
                    GtkSpinButton **out_spin)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  if (out_spin != NULL)
    *out_spin = GTK_SPIN_BUTTON (spin);
  return row;
}

gboolean
alvh_form_get_double (GtkWidget *editable,
                      double    *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
  char *end = NULL;
  double v;

  if (*text == '\0')
    return FALSE;
  /* accept a decimal comma too */
  for (char *p = text; *p; p++)
    if (*p == ',')
      *p = '.';
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean
alvh_form_get_date (GtkWidget *editable,
                    gint64    *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  if (*text == '\0')
    return FALSE;
  return alvh_time_parse_date (text, strlen (text), out);
}

void
alvh_form_set_double (GtkWidget *editable,
                      double     value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      gtk_editable_set_text (GTK_EDITABLE (editable), "");
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.10g", value);
  gtk_editable_set_text (GTK_EDITABLE (editable), buf);
}

void
alvh_form_set_date (GtkWidget *editable,
                    gint64     date)
{
  g_autofree char *text = alvh_time_format_ny_date (date);

  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* YYYY-MM-DD HH:MM[:SS] (or with T) in New York; a date alone is 16:00. */
gboolean
alvh_form_get_datetime (GtkWidget *editable,
                        gint64    *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
  int y, mo, d, h = 16, mi = 0, sec = 0, n = 0;
  gint64 date;

  if (strlen (text) < 10 || !alvh_time_parse_date (text, 10, &date))
    return FALSE;
  if (text[10] != '\0' &&
      !(sscanf (text + 10, "%*1[ T]%2d:%2d%n:%2d%n", &h, &mi, &n, &sec, &n) >= 2 && text[10 + n] == '\0'))
    return FALSE;
  if (h > 23 || mi > 59 || sec > 59)
    return FALSE;
  alvh_time_to_ny_date (date, &y, &mo, &d);
  *out = alvh_time_from_ny_local (y, mo, d, h, mi, sec);
  return TRUE;
}

void
alvh_form_set_datetime (GtkWidget *editable,
                        gint64     t)
{
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = ny != NULL && utc != NULL ? g_date_time_to_timezone (utc, ny) : NULL;
  g_autofree char *text = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

gboolean
alvh_form_get_whole (GtkWidget *editable,
                     double    *out)
{
  return alvh_form_get_double (editable, out) && *out >= 1 && *out == floor (*out) && *out < 1e9;
}

void
alvh_form_mark (GtkWidget *row,
                gboolean   invalid)
{
  if (invalid)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static gint64 fixed_today;  /* 0: the clock's date */

/**
 * alvh_form_set_today:
 * @date: a date at 00:00 New York, or 0 for the clock's date again
 *
 * Fixes the date alvh_form_today() answers (positions are marked at it), for
 * screenshots and tests of a data set that ends in the past.
 */
void
alvh_form_set_today (gint64 date)
{
  fixed_today = date;
  /* the evaluator's present: the end of that day's session */
  alvh_time_set_now (date != 0 ? alvh_time_bar_close (date) : 0);
}

gint64
alvh_form_today (void)
{
  gint64 now = alvh_time_now ();
  int y, m, d;

  if (fixed_today != 0)
    return fixed_today;

  alvh_time_to_ny_date (now, &y, &m, &d);
  return alvh_time_from_ny_date (y, m, d);
}

GtkWidget *
alvh_form_find_by_name (GtkWidget  *root,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = alvh_form_find_by_name (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gint64
alvh_form_first_vix_expiry (gint64 from,
                            int    min_dte)
{
  gint64 day = alvh_time_ny_day (from) + min_dte;
  int y, m, d;

  alvh_civil_from_days (day, &y, &m, &d);
  for (int i = 0; i < 3; i++)
    {
      gint64 e = alvh_calendar_vix_expiry (y, m);

      if (e >= day)
        return alvh_time_from_ny_day (e);
      if (++m > 12)
        m = 1, y++;
    }
  return alvh_time_from_ny_day (alvh_calendar_vix_expiry (y, m));
}

static GSettings *
application_settings (void)
{
  GApplication *app = g_application_get_default ();

  return ALVH_IS_APPLICATION (app) ? alvh_application_get_settings (ALVH_APPLICATION (app)) : NULL;
}

GTimeZone *
alvh_form_display_zone (void)
{
  GSettings *settings = application_settings ();
  g_autofree char *id = settings != NULL ? g_settings_get_string (settings, "time-zone") : NULL;
  GTimeZone *zone = NULL;

  if (id != NULL && *id != '\0')
    zone = g_time_zone_new_identifier (id);
  return zone != NULL ? zone : g_time_zone_new_local ();
}

char *
alvh_form_format_time (gint64 t)
{
  g_autoptr(GTimeZone) zone = NULL;
  char *text;

  if (alvh_time_from_ny_day (alvh_time_ny_day (t)) == t)
    return alvh_time_format_ny_date (t);
  zone = alvh_form_display_zone ();
  text = alvh_time_format_in_zone (t, zone, "%Y-%m-%d %H:%M");
  return text != NULL ? text : alvh_time_format_ny_date (t);
}

GtkWidget *
alvh_form_row_button (const char *icon_name,
                      const char *label,
                      const char *action,
                      gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

void
alvh_form_show_error (GtkWidget  *error_label,
                      const char *message)
{
  gtk_label_set_text (GTK_LABEL (error_label), message);
  gtk_widget_set_visible (error_label, TRUE);
}

GtkWidget *
alvh_form_add_entry_row (GtkWidget  *group,
                         const char *title,
                         const char *name,
                         GCallback   changed,
                         gpointer    data)
{
  GtkWidget *row = alvh_form_entry_row (title, name);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_swapped (row, "changed", changed, data);
  return row;
}

void
alvh_form_add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_chooser_add_filter (chooser, csv);
}

GtkWidget *
alvh_form_scrolled (GtkWidget *content,
                    int        max_width)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  if (max_width > 0)
    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), max_width);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}
