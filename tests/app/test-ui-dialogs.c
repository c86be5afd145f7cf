/* test-ui-dialogs.c — dialogs say what is wrong where it is wrong: the
 * Export dialog marks the bad date's row, Replay marks From after To, a
 * failed Update speaks plain words with Retry, Load Demo Data asks before
 * replacing market data, and a saved report's toast has Open. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "alvh-context.h"
#include "alvh-core.h"
#include "alvh-export-dialog.h"
#include "alvh-fetch.h"
#include "alvh-replay-page.h"
#include "alvh-window.h"
#include "test-ui-util.h"

static void
test_export_marks_field (void)
{
  AlvhWindow *window = test_ui_demo_window (1024, 700, "charts");
  AlvhExportDialog *dialog = alvh_export_dialog_new (GTK_WINDOW (window), alvh_window_get_context (window));
  GtkWidget *from_row, *to_row, *export_button;

  gtk_window_present (GTK_WINDOW (dialog));
  test_ui_wait_mapped (GTK_WIDGET (dialog));
  alvh_export_dialog_set_period (dialog, ALVH_REPORT_PRESET_CUSTOM,
                                 alvh_time_from_ny_date (2025, 1, 1), alvh_time_from_ny_date (2025, 6, 30));
  from_row = test_ui_find_named (GTK_WIDGET (dialog), "from-row");
  to_row = test_ui_find_named (GTK_WIDGET (dialog), "to-row");
  g_assert_nonnull (from_row);
  g_assert_false (gtk_widget_has_css_class (from_row, "error"));

  /* a date that is no date: that row, and only it, is marked and says why */
  gtk_editable_set_text (GTK_EDITABLE (from_row), "2025-13-01");
  test_ui_wait_for (gtk_widget_has_css_class (from_row, "error"));
  g_assert_false (gtk_widget_has_css_class (to_row, "error"));
  g_assert_true (test_ui_find_label (from_row, _("Expected a date such as 2026-11-16")));

  /* From after To: both rows */
  gtk_editable_set_text (GTK_EDITABLE (from_row), "2025-07-01");
  test_ui_wait_for (gtk_widget_has_css_class (to_row, "error"));
  g_assert_true (gtk_widget_has_css_class (from_row, "error"));
  g_assert_true (test_ui_find_label (to_row, _("The period ends before it starts")));
  export_button = test_ui_find_named (GTK_WIDGET (dialog), "export-button");
  if (export_button != NULL)
    g_assert_false (gtk_widget_get_sensitive (export_button));

  /* fixed: no marks */
  gtk_editable_set_text (GTK_EDITABLE (from_row), "2025-01-02");
  test_ui_wait_for (!gtk_widget_has_css_class (to_row, "error"));
  g_assert_false (gtk_widget_has_css_class (from_row, "error"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_ui_close (GTK_WINDOW (window));
}

static void
test_replay_from_after_to (void)
{
  AlvhWindow *window = test_ui_demo_window (1024, 700, "replay");
  AlvhReplayPage *page = ALVH_REPLAY_PAGE (alvh_window_get_page (window, "replay"));
  GtkWidget *from = test_ui_find_named (GTK_WIDGET (page), "from-entry");
  GtkWidget *to = test_ui_find_named (GTK_WIDGET (page), "to-entry");

  alvh_replay_page_set_period (page, "2024-12-31", "2024-01-01");
  g_assert_false (alvh_replay_page_run (page));
  g_assert_false (alvh_replay_page_is_running (page));
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  g_assert_true (gtk_widget_has_css_class (to, "error"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (page),
                                     _("The period ends before it starts: “From” must be on or before “To”")));
  g_assert_false (test_ui_find_label (GTK_WIDGET (page), _("No bars in that period")));
  test_ui_close (GTK_WINDOW (window));
}

static void
test_update_offline (void)
{
  AlvhWindow *window = test_ui_demo_window (1024, 700, "charts");
  g_autoptr(GError) error = g_error_new (ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_CONNECTION,
                                         "https://cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv: "
                                         "Error resolving “cdn.cboe.com”: Temporary failure in name resolution");
  GtkWidget *dialog = alvh_window_show_update_error (window, error);
  const char *body;

  test_ui_wait_mapped (dialog);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("%s", body);
  g_assert_null (strstr (body, "http"));
  g_assert_null (strstr (body, "resolv"));
  g_assert_nonnull (strstr (body, "online"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "retry"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "retry");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_ui_close (GTK_WINDOW (window));
}

static void
test_demo_asks_first (void)
{
  AlvhWindow *window;
  GtkWidget *dialog;

  window = test_ui_fresh_window ("alvh-ui-demo-XXXXXX", -1, -1);
  /* nothing to lose: loaded at once */
  g_assert_false (alvh_window_has_market_data (window));
  g_assert_null (alvh_window_request_load_demo (window));
  test_ui_wait_for (alvh_window_has_market_data (window));

  /* market data there: a question, and nothing replaced until answered */
  dialog = alvh_window_request_load_demo (window);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "replace"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  test_ui_wait_for (dialog == NULL);
  g_assert_true (alvh_window_has_market_data (window));
  test_ui_close (GTK_WINDOW (window));
}

static void
test_saved_toast_opens (void)
{
  AlvhWindow *window = alvh_window_new (NULL);
  AdwToast *toast;
  g_autofree char *target = NULL;

  gtk_window_present (GTK_WINDOW (window));
  toast = alvh_window_add_file_toast (window, "Report saved: r.pdf", "/tmp/r.pdf");
  g_assert_nonnull (adw_toast_get_button_label (toast));
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-uri");
  target = g_variant_dup_string (adw_toast_get_action_target_value (toast), NULL);
  g_assert_cmpstr (target, ==, "file:///tmp/r.pdf");
  test_ui_close (GTK_WINDOW (window));
}

/* the import toast names each series once, in a fixed order */
static void
test_import_summary (void)
{
  g_autofree char *vvix = g_test_build_filename (G_TEST_DIST, "fixtures", "import-vvix.csv", NULL);
  g_autofree char *term = g_test_build_filename (G_TEST_DIST, "fixtures", "import-term.csv", NULL);
  g_autofree char *vix = g_test_build_filename (G_TEST_DIST, "fixtures", "import-cboe-old.csv", NULL);
  const char *paths[] = { vvix, term, vix, NULL };
  g_autoptr(AlvhContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  test_ui_use_fresh_data_dir ("alvh-ui-import-XXXXXX");
  context = alvh_context_new (NULL, NULL);
  summary = test_ui_import (context, paths, &error);
  g_assert_no_error (error);
  g_test_message ("%s", summary);
  /* VIX comes from two files, once in the text; SPX first, VVIX after VX */
  g_assert_nonnull (strstr (summary, ": SPX, VIX, VX, VVIX ("));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/dialogs/export-marks-field", test_export_marks_field,
                       "/ui/dialogs/replay-from-after-to", test_replay_from_after_to,
                       "/ui/dialogs/update-offline", test_update_offline,
                       "/ui/dialogs/demo-asks-first", test_demo_asks_first,
                       "/ui/dialogs/saved-toast-opens", test_saved_toast_opens,
                       "/ui/dialogs/import-summary", test_import_summary,
                       NULL);
}
