/* test-ui-export.c — the "Export Report…" dialog and win.export-report */
#include "config.h"

#include "alvh-core.h"
#include "alvh-export-dialog.h"
#include "alvh-window.h"
#include "test-ui-util.h"

static AlvhExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ALVH_IS_EXPORT_DIALOG (w))
        return ALVH_EXPORT_DIALOG (w);
    }
  return NULL;
}

static void
test_action (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-ui-export-XXXXXX", NULL);
  AlvhWindow *window;
  AlvhExportDialog *dialog;

  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
  window = alvh_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_mapped (GTK_WIDGET (window));

  g_assert_null (find_export_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL));
  test_ui_wait_for (find_export_dialog () != NULL);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_ui_close (GTK_WINDOW (window));
}

static void
finished_cb (AlvhExportDialog *dialog G_GNUC_UNUSED,
             gboolean          ok,
             int              *result)
{
  *result = ok ? 1 : 0;
}

static void
test_export_html (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-ui-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "review.html", NULL);
  g_autofree char *html = NULL;
  g_autoptr(AlvhContext) context = NULL;
  g_autoptr(GError) error = NULL;
  AlvhJournalStore *store;
  AlvhExportDialog *dialog;
  gint64 from, to, account;
  int result = -1;

  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
  context = alvh_context_new (dir, NULL);
  store = alvh_context_get_store (context);
  g_assert_nonnull (store);
  account = alvh_book_service_get_account_id (alvh_context_get_book (context));
  if (account <= 0)
    {
      account = alvh_book_service_create_account (alvh_context_get_book (context), "Main", &error);
      g_assert_no_error (error);
      alvh_book_service_set_account (alvh_context_get_book (context), account, &error);
      g_assert_no_error (error);
    }
  {
    g_autoptr(AlvhJournalEntry) e = alvh_journal_entry_new ();

    e->time = alvh_time_from_ny_date (2026, 11, 18) + 15 * 3600;
    e->title = g_strdup ("Roll <the> hedge & \"wait\"");
    e->body = g_strdup ("Body text");
    e->account_id = account;
    alvh_journal_store_add_entry (store, e, &error);
    g_assert_no_error (error);
  }

  dialog = alvh_export_dialog_new (NULL, context);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  alvh_export_dialog_set_format (dialog, ALVH_REPORT_FORMAT_HTML);
  alvh_export_dialog_set_period (dialog, ALVH_REPORT_PRESET_CUSTOM,
                                 alvh_time_from_ny_date (2026, 11, 16), alvh_time_from_ny_date (2026, 11, 20));
  g_assert_true (alvh_export_dialog_get_period (dialog, &from, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, alvh_time_from_ny_date (2026, 11, 16));
  g_assert_cmpint (to, ==, alvh_time_from_ny_date (2026, 11, 20));
  gtk_window_present (GTK_WINDOW (dialog));
  test_ui_wait_drawn (GTK_WIDGET (dialog));

  /* a look at the dialog */
  {
    g_autoptr(GdkTexture) texture = test_ui_render_widget (GTK_WIDGET (dialog));
    g_autofree char *png = test_output_path ("export-dialog.png");

    if (texture != NULL)
      gdk_texture_save_to_png (texture, png);
  }

  g_object_ref (dialog);
  alvh_export_dialog_export_to (dialog, out);
  test_ui_wait_for (result >= 0);
  g_assert_cmpint (result, ==, 1);
  g_file_get_contents (out, &html, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "Roll &lt;the&gt; hedge &amp; &quot;wait&quot;"));
  g_assert_nonnull (strstr (html, "2026-11-16 – 2026-11-20"));
  g_object_unref (dialog);

  /* bad custom dates keep the export button off and say why */
  dialog = alvh_export_dialog_new (NULL, context);
  alvh_export_dialog_set_period (dialog, ALVH_REPORT_PRESET_CUSTOM,
                                 alvh_time_from_ny_date (2026, 11, 20), alvh_time_from_ny_date (2026, 11, 16));
  g_assert_false (alvh_export_dialog_get_period (dialog, &from, &to, &error));
  g_assert_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_INVALID);
  test_ui_close (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/export/action", test_action,
                       "/ui/export/html", test_export_html,
                       NULL);
}
