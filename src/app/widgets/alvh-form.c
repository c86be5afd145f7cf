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

static void
ellipsizing_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (user_data));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_list_item_set_child (item, label);
}

static void
ellipsizing_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GObject *object = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (object) ? gtk_string_object_get_string (GTK_STRING_OBJECT (object)) : "";

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

/**
 * alvh_form_set_ellipsizing_factory:
 * @dropdown: a drop-down of a #GtkStringList
 * @width_chars: the characters it keeps at least
 *
 * Lets @dropdown shrink to @width_chars on a narrow window: longer names end
 * in "…" (the whole name in the tooltip) instead of widening the window.
 */
void
alvh_form_set_ellipsizing_factory (GtkDropDown *dropdown,
                                   int          width_chars)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (ellipsizing_setup_cb), GINT_TO_POINTER (width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (ellipsizing_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
}
