/* test-ui-import-fills.c — a broker's statement dropped on (or opened with
 * Import… in) the real window is recognised by its header and becomes fills
 * in the journal, with the statement's realised P&L */
#include "config.h"

#include <gtk/gtk.h>

#include "alvh-core.h"
#include "alvh-book-service.h"
#include "alvh-context.h"
#include "alvh-journal-item.h"
#include "alvh-journal-page.h"
#include "alvh-window.h"
#include "test-ui-util.h"
#include "test-util.h"

/* The active account's ledger: realised P&L at the end of February 2024 */
static guint
count_positions (AlvhContext *context,
                 double      *realized)
{
  AlvhJournalStore *store = alvh_context_get_store (context);
  gint64 account = alvh_book_service_get_account_id (alvh_context_get_book (context));
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  AlvhLedgerPnl pnl;

  if (store == NULL)
    return 0;
  ledger = alvh_journal_store_load_ledger (store, account, NULL, &error);
  g_assert_no_error (error);
  alvh_ledger_total_at (ledger, alvh_time_from_ny_date (2024, 2, 29), 0, &pnl);
  *realized = pnl.realized;
  return alvh_ledger_get_n_positions (ledger);
}

static void
test_drop_statement (void)
{
  g_autofree char *path = test_fixture_path ("brokers/tastytrade-transactions-2024-01.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  AlvhWindow *window;
  AlvhContext *context;
  double realized = 0;

  window = test_ui_fresh_window ("alvh-ui-import-fills-XXXXXX", 1400, 900);
  test_ui_wait_mapped (GTK_WIDGET (window));
  context = alvh_window_get_context (window);
  g_assert_cmpuint (count_positions (context, &realized), ==, 0);

  alvh_window_import_files (window, files, 1);
  test_ui_wait_for (count_positions (context, &realized) == 5);
  /* the README's realised total, fees included */
  g_assert_cmpfloat_with_epsilon (realized, 116.96, 0.005);

  /* the Journal lists the three hedges; with no decision recorded each says it came unprompted */
  {
    AlvhJournalPage *page = ALVH_JOURNAL_PAGE (alvh_window_get_page (window, "journal"));
    GListModel *model = G_LIST_MODEL (alvh_journal_page_get_model (page));
    g_autoptr(AlvhJournalItem) item = NULL;

    /* the pages show once there is market data (else the welcome page) */
    alvh_window_load_demo (window);
    test_ui_wait_for (alvh_window_has_market_data (window));
    alvh_window_show_page (window, "journal");
    test_ui_wait_mapped (GTK_WIDGET (page));
    alvh_journal_page_reload (page);
    test_ui_wait_for (g_list_model_get_n_items (model) == 3 &&
                      !alvh_journal_model_get_loading (alvh_journal_page_get_model (page)));
    item = g_list_model_get_item (model, 0);
    g_assert_true (alvh_journal_page_select_entry (page, alvh_journal_item_get_id (item)));
    test_ui_wait_for (test_ui_find_label (GTK_WIDGET (page), "Unprompted: no ADD decision"));
    alvh_journal_page_show_view (page, "stats");
    alvh_journal_page_refresh_stats (page);
    test_ui_wait_for (test_ui_find_label (GTK_WIDGET (page), "Adherence of the Legs"));
    g_assert_true (test_ui_find_label (GTK_WIDGET (page), "unprompted"));
    alvh_journal_page_show_view (page, "entries");
  }

  /* dropped again: nothing twice */
  alvh_window_import_files (window, files, 1);
  test_ui_wait_for (test_ui_find_label (GTK_WIDGET (window), "Imported 0 fills from 1 statements") ||
                    count_positions (context, &realized) != 5);
  g_assert_cmpuint (count_positions (context, &realized), ==, 5);
  g_assert_cmpfloat_with_epsilon (realized, 116.96, 0.005);

  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/import-fills/drop-statement", test_drop_statement);
  return g_test_run ();
}
