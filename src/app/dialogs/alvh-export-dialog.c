/* alvh-export-dialog.c — "Export Report…" */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-export-dialog.h"
#include "alvh-form.h"
#include "alvh-export-report.h"
#include "alvh-template.h"
#include "alvh-time.h"
#include "alvh-window-private.h"

struct _AlvhExportDialog
{
  AdwWindow        parent_instance;

  /* Template */
  AdwComboRow     *period_row;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
  GtkWidget       *from_error;   /* the reason, in the row it is about */
  GtkWidget       *to_error;
  AdwComboRow     *format_row;
  AdwComboRow     *paper_row;
  GtkLabel        *status_label;
  GtkProgressBar  *progress;
  GtkButton       *export_button;
  AdwToastOverlay *toasts;

  /* Owned */
  AlvhContext     *context;
  GCancellable    *cancellable;
  guint            pulse_id;
  gboolean         running;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (AlvhExportDialog, alvh_export_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* rows of the period combo, in order */
static const AlvhReportPreset period_presets[] = {
  ALVH_REPORT_PRESET_WEEKLY, ALVH_REPORT_PRESET_MONTHLY, ALVH_REPORT_PRESET_CUSTOM,
};
static const AlvhReportFormat formats[] = {
  ALVH_REPORT_FORMAT_PDF, ALVH_REPORT_FORMAT_HTML, ALVH_REPORT_FORMAT_CSV,
};

/* ---- the dialog --------------------------------------------------------- */

/* The journal file the worker opens; NULL when it is not open. */
static const char *
journal_path (AlvhExportDialog *self)
{
  return alvh_journal_service_get_path (alvh_context_get_journal (self->context));
}

static AlvhReportPreset
selected_preset (AlvhExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->period_row);

  return i < G_N_ELEMENTS (period_presets) ? period_presets[i] : ALVH_REPORT_PRESET_WEEKLY;
}

static AlvhReportFormat
selected_format (AlvhExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i < G_N_ELEMENTS (formats) ? formats[i] : ALVH_REPORT_FORMAT_PDF;
}

static gboolean
parse_row_date (AdwEntryRow *row,
                const char  *what,
                gint64      *out,
                GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (text == NULL || !alvh_time_parse_date (text, strlen (text), out))
    {
      g_set_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_INVALID,
                   _("%s: expected a date such as 2026-11-16, found “%s”"), what, text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

/* Marks @row invalid with @reason shown in it (error style, and read with
 * the row), or valid when @reason is NULL. */
static void
mark_row (AdwEntryRow *row,
          GtkWidget   *label,
          const char  *reason)
{
  alvh_form_mark (GTK_WIDGET (row), reason != NULL);
  gtk_label_set_text (GTK_LABEL (label), reason != NULL ? reason : "");
  gtk_widget_set_visible (label, reason != NULL);
  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Which of the custom period's fields is wrong, marked in the rows */
static void
mark_period_rows (AlvhExportDialog *self)
{
  gboolean custom = selected_preset (self) == ALVH_REPORT_PRESET_CUSTOM;
  const char *a = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *b = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  gint64 from = 0, to = 0;
  gboolean from_ok = custom && alvh_time_parse_date (a, strlen (a), &from);
  gboolean to_ok = custom && alvh_time_parse_date (b, strlen (b), &to);
  const char *bad_date = _("Expected a date such as 2026-11-16");
  const char *reversed = _("The period ends before it starts");

  if (!custom)
    {
      mark_row (self->from_row, self->from_error, NULL);
      mark_row (self->to_row, self->to_error, NULL);
      return;
    }
  mark_row (self->from_row, self->from_error,
            !from_ok ? bad_date : (to_ok && to < from ? reversed : NULL));
  mark_row (self->to_row, self->to_error,
            !to_ok ? bad_date : (from_ok && to < from ? reversed : NULL));
}

gboolean
alvh_export_dialog_get_period (AlvhExportDialog  *self,
                               gint64            *out_from,
                               gint64            *out_to,
                               GError           **error)
{
  AlvhReportPreset preset = selected_preset (self);

  g_return_val_if_fail (ALVH_IS_EXPORT_DIALOG (self), FALSE);

  if (preset != ALVH_REPORT_PRESET_CUSTOM)
    return alvh_report_preset_period (preset, alvh_time_now (), out_from, out_to, error);
  if (!parse_row_date (self->from_row, _("From"), out_from, error) ||
      !parse_row_date (self->to_row, _("To"), out_to, error))
    return FALSE;
  if (*out_to < *out_from)
    {
      g_set_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_INVALID,
                   _("The period ends before it starts"));
      return FALSE;
    }
  return TRUE;
}

static void
update_state (AlvhExportDialog *self)
{
  gboolean custom = selected_preset (self) == ALVH_REPORT_PRESET_CUSTOM;
  g_autoptr(GError) error = NULL;
  gint64 from, to;

  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), custom && !self->running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), custom && !self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), selected_format (self) == ALVH_REPORT_FORMAT_PDF);
  if (self->running)
    return;
  mark_period_rows (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  if (alvh_export_dialog_get_period (self, &from, &to, &error))
    {
      g_autofree char *a = alvh_time_format_ny_date (from);
      g_autofree char *b = alvh_time_format_ny_date (to);
      g_autofree char *text = g_strdup_printf (_("Period: %s – %s"), a, b);

      gtk_label_set_text (self->status_label, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), journal_path (self) != NULL);
      if (!custom)
        {
          gboolean was = self->updating;

          /* show the preset's dates (without re-entering this function) */
          self->updating = TRUE;
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), a) != 0)
            gtk_editable_set_text (GTK_EDITABLE (self->from_row), a);
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), b) != 0)
            gtk_editable_set_text (GTK_EDITABLE (self->to_row), b);
          self->updating = was;
        }
    }
  else
    {
      /* an error is said in red, not in grey */
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
    }
  if (journal_path (self) == NULL)
    gtk_label_set_text (self->status_label, _("The journal database is not open: there is nothing to export."));
}

static void
changed_cb (AlvhExportDialog *self)
{
  if (self->updating || self->context == NULL)
    return;
  self->updating = TRUE;
  update_state (self);
  self->updating = FALSE;
}

static gboolean
pulse_cb (gpointer data)
{
  AlvhExportDialog *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
set_running (AlvhExportDialog *self,
             gboolean          running)
{
  self->running = running;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), !running);
  if (running && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (120, pulse_cb, self);
  else if (!running)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  update_state (self);
}

static void
export_done_cb (GObject      *source G_GNUC_UNUSED,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AlvhExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = alvh_export_report_finish (result, &error);
  GtkWindow *parent;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;   /* the dialog went away (the files, if written, stay) */
  set_running (self, FALSE);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (files == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The report could not be written")));
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (files[0]);
    guint n = g_strv_length (files);
    g_autofree char *text = n > 1
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Report saved: %s and %u more file",
                                      "Report saved: %s and %u more files", n - 1), name, n - 1)
      : g_strdup_printf (_("Report saved: %s"), name);

    if (parent != NULL && ALVH_IS_WINDOW (parent))
      alvh_window_add_file_toast (ALVH_WINDOW (parent), text, files[0]);
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0, TRUE);
    gtk_window_close (GTK_WINDOW (self));
  }
}

void
alvh_export_dialog_export_to (AlvhExportDialog *self,
                              const char       *path)
{
  const char *db_path = journal_path (self);
  g_autoptr(GError) error = NULL;
  AlvhMarketService *market = alvh_context_get_market (self->context);
  AlvhExportReportSpec spec;
  gint64 from, to;

  g_return_if_fail (ALVH_IS_EXPORT_DIALOG (self));

  if (db_path == NULL || self->running)
    return;
  if (!alvh_export_dialog_get_period (self, &from, &to, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_cancellable_reset (self->cancellable);
  set_running (self, TRUE);
  gtk_label_set_text (self->status_label, _("Writing the report…"));
  spec = (AlvhExportReportSpec) {
    .journal_path = db_path,
    .account_id = alvh_book_service_get_account_id (alvh_context_get_book (self->context)),
    .from = from,
    .to = to,
    .spx = alvh_market_service_get_series (market, "SPX"),
    .vix = alvh_market_service_get_series (market, "VIX"),
    .vx = alvh_market_service_get_series (market, "VX"),
    .vvix = alvh_market_service_get_series (market, "VVIX"),
    .out_path = path,
    .format = selected_format (self),
    .paper = adw_combo_row_get_selected (self->paper_row) == 1 ? ALVH_REPORT_PAPER_LETTER : ALVH_REPORT_PAPER_A4,
  };
  alvh_export_report_async (&spec, self->cancellable, export_done_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     AlvhExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          /* the format's extension, when the name has none */
          const char *ext = alvh_report_format_to_string (selected_format (self));
          g_autofree char *dot = g_strconcat (".", ext, NULL);
          AlvhReportFormat f;

          if (!alvh_report_format_from_path (path, &f) || f != selected_format (self))
            {
              char *with_ext = g_strconcat (path, dot, NULL);

              g_free (path);
              path = with_ext;
            }
          alvh_export_dialog_export_to (self, path);
        }
    }
  g_object_unref (chooser);
}

static void
export_clicked_cb (AlvhExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GError) error = NULL;
  AlvhReportFormat format = selected_format (self);
  const char *ext = alvh_report_format_to_string (format);
  g_autofree char *pattern = g_strdup_printf ("*.%s", ext);
  g_autofree char *name = NULL;
  gint64 from, to;

  if (!alvh_export_dialog_get_period (self, &from, &to, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  {
    g_autofree char *a = alvh_time_format_ny_date (from);

    name = g_strdup_printf ("alvh-review-%s.%s", a, ext);
  }
  chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, format == ALVH_REPORT_FORMAT_PDF ? _("PDF documents")
                                    : format == ALVH_REPORT_FORMAT_HTML ? _("Web pages")
                                    : _("CSV files (one per table)"));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked_cb (AlvhExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
alvh_export_dialog_dispose (GObject *object)
{
  AlvhExportDialog *self = ALVH_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (alvh_export_dialog_parent_class)->dispose (object);
}

static void
alvh_export_dialog_class_init (AlvhExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  static const AlvhTemplateChild children[] = {
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, period_row),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, from_row),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, to_row),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, from_error),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, to_error),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, format_row),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, paper_row),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, status_label),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, progress),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, export_button),
    ALVH_TEMPLATE_CHILD (AlvhExportDialog, toasts),
  };

  object_class->dispose = alvh_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/dialogs/alvh-export-dialog.ui");
  alvh_template_bind_children (widget_class, children, G_N_ELEMENTS (children));
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  /* emitted when an export ends; the argument is TRUE on success */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
alvh_export_dialog_init (AlvhExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  alvh_a11y_label_mnemonic_buttons (GTK_WIDGET (self));
  adw_combo_row_set_selected (self->paper_row, alvh_report_paper_default () == ALVH_REPORT_PAPER_LETTER ? 1 : 0);
}

AlvhExportDialog *
alvh_export_dialog_new (GtkWindow   *parent,
                        AlvhContext *context)
{
  AlvhExportDialog *self;

  g_return_val_if_fail (ALVH_IS_CONTEXT (context), NULL);

  self = g_object_new (ALVH_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  update_state (self);
  return self;
}

void
alvh_export_dialog_set_period (AlvhExportDialog *self,
                               AlvhReportPreset  preset,
                               gint64            from,
                               gint64            to)
{
  g_return_if_fail (ALVH_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (period_presets); i++)
    if (period_presets[i] == preset)
      adw_combo_row_set_selected (self->period_row, i);
  if (preset == ALVH_REPORT_PRESET_CUSTOM)
    {
      g_autofree char *a = alvh_time_format_ny_date (from);
      g_autofree char *b = alvh_time_format_ny_date (to);

      gtk_editable_set_text (GTK_EDITABLE (self->from_row), a);
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), b);
    }
  update_state (self);
}

void
alvh_export_dialog_set_format (AlvhExportDialog *self,
                               AlvhReportFormat  format)
{
  g_return_if_fail (ALVH_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
  update_state (self);
}

/* ---- the window action -------------------------------------------------- */

static void
export_report_action_cb (GtkWidget  *widget,
                         const char *action_name G_GNUC_UNUSED,
                         GVariant   *param G_GNUC_UNUSED)
{
  AlvhWindow *window = ALVH_WINDOW (widget);
  AlvhExportDialog *dialog;

  if (window->context == NULL)
    return;
  dialog = alvh_export_dialog_new (GTK_WINDOW (window), window->context);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_alvh_window_install_export_actions (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.export-report", NULL, export_report_action_cb);
}
