/* test-ui-journal.c — the Journal page with real widgets under Xvfb: entries
 * created through the store are listed, filters and search narrow the list,
 * notes are saved as you type, delete + undo, statistics, 100 000 entries */
#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "alvh-journal-item.h"
#include "alvh-journal-page.h"
#include "alvh-journal-store-private.h"
#include "alvh-context.h"
#include "alvh-window.h"
#include "test-demo-book.h"
#include "test-ui-util.h"
#include "test-journal-util.h"

typedef struct
{
  AlvhContext     *context;
  GtkWidget       *window;
  AlvhJournalPage *page;
  gint64           e1, e2, e3;
  guint            loads;        /* loads of the list finished so far */
  guint            loads_seen;   /* ... when wait_loaded() last returned */
  char            *searched;     /* the search entry's text when it last applied */
} Fixture;

/* The journal entry @id from the fixture's store (asserts it reads) */
static AlvhJournalEntry *
get_entry (Fixture *f,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  AlvhJournalEntry *entry = alvh_journal_store_get_entry (alvh_context_get_store (f->context), id, &error);

  g_assert_no_error (error);
  return entry;
}

static guint
count_type (GtkWidget *root,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_type (c, type);
  return n;
}

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (alvh_journal_page_get_model (f->page)));
}

static void
load_finished_cb (AlvhJournalModel *model,
                  GParamSpec       *pspec,
                  guint            *loads)
{
  if (!alvh_journal_model_get_loading (model))
    (*loads)++;
}

/* after the page's own handler: the search entry's text is applied, its load started */
static void
search_changed_cb (GtkEditable *entry,
                   Fixture     *f)
{
  g_free (f->searched);
  f->searched = g_strdup (gtk_editable_get_text (entry));
  f->loads_seen = f->loads;
}

/* Waits until the list has loaded again after a change (a filter typed, through the
 * search entry's own delay and the filter debounce; a reload; an account switch) */
static void
wait_loaded (Fixture *f)
{
  AlvhJournalModel *model = alvh_journal_page_get_model (f->page);

  do
    {
      test_ui_wait_for (f->loads > f->loads_seen && !alvh_journal_model_get_loading (model));
      f->loads_seen = f->loads;
      /* a reload the page queued meanwhile (an idle after a session signal) starts here */
      test_ui_settle ();
    }
  while (alvh_journal_model_get_loading (model));
  g_assert_false (alvh_journal_model_get_loading (model));
  g_assert_null (alvh_journal_model_get_error (model));
}


static gint64
add_decision (AlvhJournalStore *store,
              gint64            account_id,
              gint64            condor_id,
              gint64            time,
              const char       *branch,
              const char * const *fired)
{
  g_autoptr(AlvhDecision) d = test_decision_new (account_id, condor_id, time, "ADD", branch);
  const char *keys[] = { "iv_expansion", "rsi_extreme", "wing_proximity", "macro_regime" };
  g_autoptr(GError) error = NULL;
  gint64 id;

  test_decision_set_vix_spread (d, 1, 2, 22, time + 40 * 86400, 310);
  g_strlcpy (d->profile_name, "Default", sizeof d->profile_name);
  d->profile_version = 1;
  d->explanation = g_strdup ("A test decision.");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gboolean on = g_strv_contains (fired, keys[i]);
      gboolean fixed = g_str_equal (keys[i], "wing_proximity") || g_str_equal (keys[i], "macro_regime");

      AlvhSignalId id;

      g_assert_true (alvh_signal_id_from_key (keys[i], &id));
      g_assert_cmpint (alvh_signal_id_get_kind (id), ==, fixed ? ALVH_SIGNAL_KIND_FIXED : ALVH_SIGNAL_KIND_REALTIME);
      alvh_decision_set_signal (d, id, on ? 1.2 : 0.1, 1.0, on);
    }
  id = alvh_journal_store_record_decision (store, d, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A decision booked as a leg (with its own entry), retitled like a user would */
static gint64
add_leg_entry (AlvhJournalStore   *store,
               gint64              decision_id,
               const char         *title,
               const char         *body,
               const char * const *tags)
{
  g_autoptr(GError) error = NULL;
  gint64 entry_id = 0, leg_id;

  leg_id = alvh_journal_store_add_leg_from_decision (store, decision_id, NULL, 1.55, 2, body,
                                                     &entry_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (leg_id, >, 0);
  g_assert_cmpint (entry_id, >, 0);
  g_assert_true (alvh_journal_store_update_entry (store, entry_id, title, body, tags, &error));
  g_assert_no_error (error);
  return entry_id;
}

static gint64
add_entry (AlvhJournalStore   *store,
           gint64              account_id,
           gint64              time,
           const char         *title,
           const char         *body,
           const char * const *tags,
           gint64              decision_id)
{
  g_autoptr(AlvhJournalEntry) e = alvh_journal_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  e->time = time;
  e->title = g_strdup (title);
  e->body = g_strdup (body);
  e->tags = g_strdupv ((char **) tags);
  e->account_id = account_id;
  e->decision_id = decision_id;
  id = alvh_journal_store_add_entry (store, e, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture *f)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-ui-journal-XXXXXX", NULL);
  AlvhJournalStore *store;
  gint64 account, condor;
  const char *wing_fired[] = { "wing_proximity", NULL };
  const char *macro_fired[] = { "iv_expansion", "macro_regime", NULL };
  const char *tags1[] = { "spx", "wings", NULL };
  const char *tags2[] = { "macro", NULL };

  g_setenv ("ALVH_DATA_DIR", dir, TRUE);
  f->context = alvh_context_new (dir, NULL);
  store = alvh_context_get_store (f->context);
  g_assert_nonnull (store);
  alvh_market_service_load_demo (alvh_context_get_market (f->context));
  account = alvh_book_service_get_account_id (alvh_context_get_book (f->context));

  {
    g_autoptr(AlvhCondor) c = alvh_condor_new ();
    g_autoptr(GError) error = NULL;

    c->account_id = account;
    c->long_put = 4500;
    c->short_put = 4550;
    c->short_call = 5250;
    c->long_call = 5300;
    c->expiry = alvh_time_from_ny_date (2024, 4, 19);
    c->units = 1;
    c->credit = 14.5;
    c->opened = alvh_time_from_ny_date (2024, 2, 20);
    condor = alvh_journal_store_add_condor (store, c, &error);
    g_assert_no_error (error);
  }
  f->e1 = add_leg_entry (store, add_decision (store, account, condor, alvh_time_from_ny_date (2024, 3, 1), "fixed", wing_fired),
                         "Wing breach", "The put wing was touched at the open", tags1);
  f->e2 = add_leg_entry (store, add_decision (store, account, condor, alvh_time_from_ny_date (2024, 3, 12), "regime", macro_fired),
                         "CPI shock", "Hot inflation print, VIX jumped", tags2);
  f->e3 = add_entry (store, account, alvh_time_from_ny_date (2024, 4, 2), "Quiet day",
                     "Nothing happened", NULL, 0);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->page = ALVH_JOURNAL_PAGE (alvh_journal_page_new (f->context));
  g_signal_connect (alvh_journal_page_get_model (f->page), "notify::loading",
                    G_CALLBACK (load_finished_cb), &f->loads);
  g_signal_connect_after (test_ui_find_named (GTK_WIDGET (f->page), "search-entry"), "search-changed",
                          G_CALLBACK (search_changed_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  /* the demo is written into market.sqlite in a thread; the page reloads after it */
  test_ui_wait_for (!alvh_market_service_is_busy (alvh_context_get_market (f->context)));
  wait_loaded (f);
}

static void
fixture_tear_down (Fixture *f)
{
  test_ui_close (GTK_WINDOW (f->window));
  g_clear_object (&f->context);
  g_clear_pointer (&f->searched, g_free);
}

static void
set_text (Fixture    *f,
          const char *name,
          const char *text)
{
  GtkWidget *w = test_ui_find_named (GTK_WIDGET (f->page), name);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
  /* the search entry applies an empty text at once, any other after its own delay */
  if (GTK_IS_SEARCH_ENTRY (w))
    test_ui_wait_for (g_strcmp0 (f->searched, text) == 0);
  wait_loaded (f);
}

static void
set_dropdown (Fixture    *f,
              const char *name,
              const char *value)
{
  GtkDropDown *dd = GTK_DROP_DOWN (test_ui_find_named (GTK_WIDGET (f->page), name));
  GListModel *model = gtk_drop_down_get_model (dd);
  guint pos = 0;

  for (guint i = 0; value != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (model, i);
      /* the drop-down shows names, never the keys */
      g_assert_cmpstr (gtk_string_object_get_string (s), !=, value);
      if (g_str_equal (gtk_string_object_get_string (s), alvh_format_key (value)))
        pos = i;
    }
  g_assert_true (value == NULL || pos > 0);
  gtk_drop_down_set_selected (dd, pos);
  wait_loaded (f);
}

static gint64
first_id (Fixture *f)
{
  g_autoptr(AlvhJournalItem) item = g_list_model_get_item (G_LIST_MODEL (alvh_journal_page_get_model (f->page)), 0);

  g_assert_nonnull (item);
  return alvh_journal_item_get_id (item);
}

static void
test_list_and_filters (void)
{
  Fixture f = { 0 };
  g_autoptr(AlvhJournalItem) item = NULL;

  fixture_set_up (&f);

  /* newest first, with the decision's columns */
  g_assert_cmpuint (n_listed (&f), ==, 3);
  g_assert_cmpint (first_id (&f), ==, f.e3);
  item = g_list_model_get_item (G_LIST_MODEL (alvh_journal_page_get_model (f.page)), 1);
  g_assert_cmpint (alvh_journal_item_get_id (item), ==, f.e2);
  g_assert_cmpstr (alvh_journal_item_get_branch (item), ==, "regime");
  g_assert_cmpstr (alvh_journal_item_get_triggers (item), ==, "iv_expansion, macro_regime");
  g_assert_cmpint (alvh_journal_item_get_layer (item), ==, 1);
  g_assert_cmpfloat (alvh_journal_item_get_size (item), ==, 2);
  g_assert_cmpstr (alvh_journal_item_get_instrument (item), ==, "vix_call_spread");
  g_assert_true (isfinite (alvh_journal_item_get_pnl (item)));
  g_test_message ("leg P&L on the demo data: %.2f", alvh_journal_item_get_pnl (item));
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "CPI shock"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "3 entries"));

  /* full-text search, also by prefix while typing */
  set_text (&f, "search-entry", "inflation");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  g_assert_cmpint (first_id (&f), ==, f.e2);
  set_text (&f, "search-entry", "wi");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  g_assert_cmpint (first_id (&f), ==, f.e1);
  set_text (&f, "search-entry", "");
  g_assert_cmpuint (n_listed (&f), ==, 3);

  set_dropdown (&f, "branch-dropdown", "fixed");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  g_assert_cmpint (first_id (&f), ==, f.e1);
  set_dropdown (&f, "branch-dropdown", NULL);

  set_dropdown (&f, "trigger-dropdown", "macro_regime");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  g_assert_cmpint (first_id (&f), ==, f.e2);
  set_dropdown (&f, "trigger-dropdown", NULL);

  set_text (&f, "tag-entry", "wings");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  g_assert_cmpint (first_id (&f), ==, f.e1);
  set_text (&f, "tag-entry", "");

  set_text (&f, "from-entry", "2024-03-05");
  set_text (&f, "to-entry", "2024-03-31");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  g_assert_cmpint (first_id (&f), ==, f.e2);
  set_text (&f, "to-entry", "2024-03-12");   /* the "to" day is included */
  g_assert_cmpuint (n_listed (&f), ==, 1);
  set_text (&f, "from-entry", "");
  set_text (&f, "to-entry", "");
  g_assert_cmpuint (n_listed (&f), ==, 3);

  /* sorting by a column sorts the model */
  {
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (test_ui_find_named (GTK_WIDGET (f.page), "column-view")));
    g_autoptr(GtkColumnViewColumn) title = NULL;

    /* by its header, not its place (Date and P&L come first) */
    for (guint i = 0; title == NULL && i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (c), _("Title")) == 0)
          title = g_steal_pointer (&c);
      }
    g_assert_nonnull (title);

    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (test_ui_find_named (GTK_WIDGET (f.page), "column-view")),
                                    title, GTK_SORT_ASCENDING);
    test_ui_wait_for (first_id (&f) == f.e2);
    g_assert_cmpint (first_id (&f), ==, f.e2);   /* "CPI shock" < "Quiet day" < "Wing breach" */
  }

  /* the detail pane with the signal table and the chart snapshot */
  g_assert_true (alvh_journal_page_select_entry (f.page, f.e1));
  /* names, not the keys the store keeps */
  test_ui_wait_label (GTK_WIDGET (f.page), "Wing proximity");
  test_ui_wait_label (GTK_WIDGET (f.page), "Add a hedge \u00b7 Fixed trigger");
  g_assert_false (test_ui_find_label (GTK_WIDGET (f.page), "wing_proximity"));
  g_assert_false (test_ui_find_label (GTK_WIDGET (f.page), "ADD \u00b7 fixed"));
  test_ui_save_png (f.window, "journal-page.png", 8);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  test_ui_save_png (f.window, "journal-page-dark.png", 8);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  fixture_tear_down (&f);
}

/* whether the store holds the edited notes of entry e3 (a TestUiCondition) */
static gboolean
e3_saved (gpointer data)
{
  Fixture *f = data;
  g_autoptr(AlvhJournalEntry) entry = get_entry (f, f->e3);

  return entry != NULL && g_strcmp0 (entry->body, "Nothing happened but VIX futures inverted late") == 0;
}

static void
test_edit_notes (void)
{
  Fixture f = { 0 };
  GtkTextView *notes;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autoptr(AlvhJournalEntry) entry = NULL;

  fixture_set_up (&f);
  g_assert_true (alvh_journal_page_select_entry (f.page, f.e3));
  test_ui_settle ();

  notes = GTK_TEXT_VIEW (test_ui_find_named (GTK_WIDGET (f.page), "notes-view"));
  buffer = gtk_text_view_get_buffer (notes);
  g_assert_true (gtk_text_buffer_get_enable_undo (buffer));
  /* loading the entry is not an undoable edit */
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " but VIX futures inverted late", -1);
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find_named (GTK_WIDGET (f.page), "tags-entry")), "term, watch");

  /* nothing is written before the pause ... */
  entry = get_entry (&f, f.e3);
  g_assert_cmpstr (entry->body, ==, "Nothing happened");
  g_clear_pointer (&entry, alvh_journal_entry_free);
  /* ... and everything after it */
  test_ui_wait_until (e3_saved, &f, "the edited notes of \"Quiet day\" saved");
  entry = get_entry (&f, f.e3);
  g_assert_cmpstr (entry->body, ==, "Nothing happened but VIX futures inverted late");
  g_assert_nonnull (entry->tags);
  g_assert_cmpstr (entry->tags[0], ==, "term");
  g_assert_cmpstr (entry->tags[1], ==, "watch");
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));

  /* the saved notes are searchable */
  set_text (&f, "search-entry", "inverted");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  g_assert_cmpint (first_id (&f), ==, f.e3);

  fixture_tear_down (&f);
}

static void
test_delete_undo (void)
{
  Fixture f = { 0 };
  g_autoptr(AlvhJournalEntry) entry = NULL;

  fixture_set_up (&f);
  g_assert_true (alvh_journal_page_select_entry (f.page, f.e2));
  test_ui_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "journal.delete", NULL));
  test_ui_wait_for (n_listed (&f) == 2);
  g_assert_cmpuint (n_listed (&f), ==, 2);
  g_assert_cmpuint (alvh_journal_model_find (alvh_journal_page_get_model (f.page), f.e2), ==, G_MAXUINT);
  entry = get_entry (&f, f.e2);
  g_assert_true (entry->deleted);
  g_clear_pointer (&entry, alvh_journal_entry_free);
  test_ui_wait_label (GTK_WIDGET (f.page), "Entry deleted");
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "Entry deleted"));
  test_ui_save_png (f.window, "journal-page-deleted.png", 8);

  g_assert_true (alvh_journal_page_undo_delete (f.page));
  wait_loaded (&f);
  g_assert_cmpuint (n_listed (&f), ==, 3);
  entry = get_entry (&f, f.e2);
  g_assert_false (entry->deleted);
  g_assert_cmpint (alvh_journal_page_get_selected_id (f.page), ==, f.e2);
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "Add a hedge \u00b7 Regime change"));

  fixture_tear_down (&f);
}

static void
stats_ready_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
test_stats (void)
{
  Fixture f = { 0 };
  gboolean ready = FALSE;

  fixture_set_up (&f);
  g_signal_connect_swapped (f.page, "stats-ready", G_CALLBACK (stats_ready_cb), &ready);
  alvh_journal_page_show_view (f.page, "stats");
  test_ui_wait_for (ready);
  g_assert_true (ready);
  test_ui_wait_label (GTK_WIDGET (f.page), "By Trigger");
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "By Trigger"));
  /* names, never keys */
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "Wing proximity"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "IV expansion + Macro regime"));
  g_assert_false (test_ui_find_label (GTK_WIDGET (f.page), "iv_expansion"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "1 condor:"));
  g_assert_true (test_ui_find_label (GTK_WIDGET (f.page), "Adherence"));
  test_ui_save_png (f.window, "journal-stats.png", 8);
  fixture_tear_down (&f);
}

static void
test_many_entries (void)
{
  Fixture f = { 0 };
  AlvhJournalStore *store;
  sqlite3 *db;
  const guint n = 100000;
  gint64 t0, start;
  double load_s;
  guint labels;

  fixture_set_up (&f);
  store = alvh_context_get_store (f.context);
  db = _alvh_journal_store_get_db (store);
  /* bulk insert through the store's own SQL path would fsync each row; the
   * test only needs the rows, so write them in one transaction */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *s = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO entries (time, title, body, tags)"
                                             " VALUES (?, ?, 'bulk body', '')", -1, &s, NULL), ==, SQLITE_OK);
    t0 = alvh_time_from_ny_date (1990, 1, 2);
    for (guint i = 0; i < n; i++)
      {
        char title[32];

        g_snprintf (title, sizeof title, "bulk %u", i);
        sqlite3_bind_int64 (s, 1, t0 + (gint64) i * 3600);
        sqlite3_bind_text (s, 2, title, -1, SQLITE_TRANSIENT);
        g_assert_cmpint (sqlite3_step (s), ==, SQLITE_DONE);
        sqlite3_reset (s);
      }
    sqlite3_finalize (s);
  }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  alvh_journal_page_reload (f.page);
  wait_loaded (&f);
  load_s = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("100000 + 3 entries listed in %.2f s (thread; the UI kept running)", load_s);
  g_assert_cmpuint (n_listed (&f), ==, n + 3);

  /* the column view makes widgets only for the rows in view */
  labels = count_type (test_ui_find_named (GTK_WIDGET (f.page), "column-view"), GTK_TYPE_LABEL);
  g_test_message ("%u labels in the column view", labels);
  g_assert_cmpuint (labels, <, 2000);

  /* sorting 100 003 rows is an array sort */
  start = g_get_monotonic_time ();
  alvh_journal_model_sort (alvh_journal_page_get_model (f.page), "title", FALSE);
  g_test_message ("sorted by title in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  fixture_tear_down (&f);
}

/* the journal follows the account the context has active */
static void
test_accounts (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "other", NULL };
  gint64 main_account, other, entry;

  fixture_set_up (&f);
  g_assert_cmpuint (n_listed (&f), ==, 3);
  main_account = alvh_book_service_get_account_id (alvh_context_get_book (f.context));

  other = alvh_book_service_create_account (alvh_context_get_book (f.context), "Second book", &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, 0);
  entry = add_entry (alvh_context_get_store (f.context), other, alvh_time_from_ny_date (2024, 5, 6),
                     "Other account's note", "only in the second book", tags, 0);

  g_assert_true (alvh_book_service_set_account (alvh_context_get_book (f.context), other, &error));
  g_assert_no_error (error);
  wait_loaded (&f);
  g_assert_cmpuint (n_listed (&f), ==, 1);
  g_assert_cmpint (first_id (&f), ==, entry);

  g_assert_true (alvh_book_service_set_account (alvh_context_get_book (f.context), main_account, &error));
  g_assert_no_error (error);
  wait_loaded (&f);
  g_assert_cmpuint (n_listed (&f), ==, 3);
  fixture_tear_down (&f);
}

/* the first GtkLabel under @root whose text is @text, or NULL */
static GtkWidget *
label_with_text (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = label_with_text (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* @label lies whole within @list's visible width and is not narrower than
 * its text */
static gboolean
shown_whole (GtkWidget *label,
             GtkWidget *list)
{
  graphene_rect_t r;
  int nat = 0;

  if (label == NULL || !gtk_widget_get_mapped (label) || !gtk_widget_compute_bounds (label, list, &r))
    return FALSE;
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
  return r.origin.x >= 0 && r.origin.x + r.size.width <= gtk_widget_get_width (list) + 0.5 &&
         gtk_widget_get_width (label) >= nat;
}

/* At 720, 1024, 1600 and 2560 px the Journal's list shows the Date, the
 * P&L and the Branch whole, and no column runs past the list's edge (the
 * least needed ones are left out when it is narrow, every one at 1600 px) */
static void
test_columns_fit (void)
{
  const int widths[] = { 720, 1024, 1600, 2560 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      AlvhWindow *window;
      AlvhJournalPage *page;
      GtkWidget *view, *list;
      GtkAdjustment *h;
      g_autoptr(AlvhJournalItem) item = NULL;
      g_autofree char *date = NULL, *branch = NULL;
      GtkWidget *date_cell = NULL, *branch_cell = NULL, *branch_header = NULL, *triggers = NULL;

      /* the demo book's one entry, a hedge leg with its branch */
      test_ui_use_fresh_data_dir ("alvh-ui-journal-fit-XXXXXX");
      window = test_ui_demo_window (widths[i], 700, "positions");
      test_demo_book_position (alvh_window_get_context (window));
      if (i == 0)
        {
          /* booked on a past afternoon, the book is still marked at the
           * last close (the present is put back, the pages told again) */
          AlvhSeries *spx = alvh_market_service_get_series (alvh_context_get_market (alvh_window_get_context (window)), "SPX");
          g_autofree char *last = alvh_time_format_ny_date (alvh_series_get_times (spx)[alvh_series_get_length (spx) - 1]);
          g_autofree char *at_close = g_strdup_printf ("close of %s", last);
          g_autofree char *with_closes = g_strdup_printf ("closes of %s", last);
          GtkWidget *positions = alvh_window_get_page (window, "positions");

          test_ui_wait_for (test_ui_find_label (positions, at_close) || test_ui_find_label (positions, with_closes));
        }
      alvh_window_show_page (window, "journal");
      page = ALVH_JOURNAL_PAGE (alvh_window_get_page (window, "journal"));
      test_ui_wait_for (g_list_model_get_n_items (G_LIST_MODEL (alvh_journal_page_get_model (page))) > 0);
      test_ui_wait_drawn (GTK_WIDGET (page));
      view = test_ui_find_named (GTK_WIDGET (page), "column-view");
      list = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
      h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
      item = g_list_model_get_item (G_LIST_MODEL (alvh_journal_page_get_model (page)), 0);
      date = alvh_journal_item_dup_column_text (item, "date");
      branch = alvh_journal_item_dup_column_text (item, "branch");
      g_assert_cmpstr (branch, !=, "");
      if (i == 0)
        {
          /* the entry is dated the day the leg was filled (weeks before the
           * demo's today), as when a trader books it that afternoon */
          AlvhBook *book = alvh_book_service_get_book (alvh_context_get_book (alvh_window_get_context (window)));
          g_autofree char *filled = NULL;

          g_assert_cmpuint (alvh_book_get_n_legs (book), ==, 1);
          filled = alvh_format_date (alvh_book_get_leg (book, 0)->opened);
          g_test_message ("entry %s, leg filled %s (New York)", date, filled);
          /* the day (the list shows the time in the display zone) */
          g_assert_cmpint (strncmp (date, filled, 10), ==, 0);
          g_assert_cmpint (alvh_book_get_leg (book, 0)->opened, <, alvh_time_now () - 86400);
        }
      test_ui_wait_for (gtk_adjustment_get_upper (h) <= gtk_adjustment_get_page_size (h) + 0.5 &&
                        shown_whole (date_cell = label_with_text (view, date), list) &&
                        shown_whole (branch_cell = label_with_text (view, branch), list) &&
                        shown_whole (branch_header = label_with_text (view, _("Branch")), list));
      triggers = label_with_text (view, _("Triggers"));
      g_test_message ("%d px: list %d px wide, columns %.0f px, branch cell %d px, triggers %s",
                      widths[i], gtk_widget_get_width (list), gtk_adjustment_get_upper (h),
                      gtk_widget_get_width (branch_cell),
                      triggers != NULL && gtk_widget_get_mapped (triggers) ? "shown" : "left out");
      if (widths[i] >= 1600)
        g_assert_true (shown_whole (triggers, list));
      test_ui_close (GTK_WINDOW (window));
    }
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/journal/list-and-filters", test_list_and_filters,
                       "/ui/journal/edit-notes", test_edit_notes,
                       "/ui/journal/delete-undo", test_delete_undo,
                       "/ui/journal/stats", test_stats,
                       "/ui/journal/accounts", test_accounts,
                       "/ui/journal/many-entries", test_many_entries,
                       "/ui/journal/columns-fit", test_columns_fit,
                       NULL);
}
