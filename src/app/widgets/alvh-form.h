/* alvh-form.h — small helpers for the entry dialogs: number/date rows and inline errors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Parses the whole text as a number (blank = FALSE). */
gboolean    alvh_form_get_double     (GtkWidget   *editable,
                                      double      *out);
/* Parses YYYY-MM-DD (and the other forms of alvh_time_parse_date). */
gboolean    alvh_form_get_date       (GtkWidget   *editable,
                                      gint64      *out);
/* YYYY-MM-DD HH:MM[:SS] (or with T) in New York; a date alone is 16:00. */
gboolean    alvh_form_get_datetime   (GtkWidget   *editable,
                                      gint64      *out);
/* Shows @t as YYYY-MM-DD HH:MM in New York. */
void        alvh_form_set_datetime   (GtkWidget   *editable,
                                      gint64       t);
/* A whole number >= 1 (contracts, units). */
gboolean    alvh_form_get_whole      (GtkWidget   *editable,
                                      double      *out);
void        alvh_form_set_double     (GtkWidget   *editable,
                                      double       value);
void        alvh_form_set_date       (GtkWidget   *editable,
                                      gint64       date);
/* Marks a row as invalid (the "error" style) or valid. */
void        alvh_form_mark           (GtkWidget   *row,
                                      gboolean     invalid);
/* Today's date at 00:00 New York (or the one alvh_form_set_today() fixed). */
gint64      alvh_form_today          (void);
void        alvh_form_set_today      (gint64       date);
/* First monthly VIX expiry at least @min_dte calendar days after @from's date. */
gint64      alvh_form_first_vix_expiry (gint64     from,
                                        int        min_dte);
/**
 * alvh_form_display_zone:
 *
 * The zone the user chose for times of day (the running AlvhApplication's
 * "time-zone" setting): "" or an unknown id, or no application (widgets in
 * tests) = the local zone.  Free with g_time_zone_unref().
 *
 * Returns: (transfer full): the time zone the app shows times of day in
 */
GTimeZone  *alvh_form_display_zone   (void);
/**
 * alvh_form_format_time:
 * @t: an instant
 *
 * A stored time for display: a daily bar's time (00:00 New York) as its New
 * York date; any other time as "YYYY-MM-DD HH:MM" in the display zone.
 *
 * Returns: (transfer full): @t in the display zone ("YYYY-MM-DD HH:MM", a
 *   daily bar's date alone)
 */
char       *alvh_form_format_time    (gint64       t);
/**
 * alvh_form_row_button:
 * @icon_name: the button's icon
 * @label: its accessible label
 * @action: the action it activates with @id
 * @id: the row's id
 *
 * A flat icon button for a list row (tooltip and accessible label = @label)
 * that activates @action with the int64 target @id.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget  *alvh_form_row_button     (const char  *icon_name,
                                      const char  *label,
                                      const char  *action,
                                      gint64       id);
/* Shows @message in a dialog's inline error label and makes it visible. */
void        alvh_form_show_error     (GtkWidget   *error_label,
                                      const char  *message);
/* @dropdown (of a GtkStringList) shrinks to @width_chars on a narrow window,
 * its names ending in "…" with the whole name in the tooltip. */
void        alvh_form_set_ellipsizing_factory (GtkDropDown *dropdown,
                                               int          width_chars);
/* The "CSV files" filter of the file choosers (text/csv, *.csv, *.CSV, *.txt),
 * added to @chooser. */
void        alvh_form_add_csv_filter (GtkFileChooser *chooser);
/**
 * alvh_form_find_by_name:
 * @root: where to look
 * @name: the widget name
 *
 * Depth-first search for a widget by its name (gtk_widget_set_name).
 *
 * Returns: (transfer none) (nullable): the first widget named @name at or
 *   below @root, or %NULL
 */
GtkWidget  *alvh_form_find_by_name   (GtkWidget   *root,
                                      const char  *name);

G_END_DECLS
