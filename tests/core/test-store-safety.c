/* test-store-safety.c — issue 17: stores never touch a file that is not
 * theirs, never lose an acknowledged write, and keep their files whole
 *
 * Item 1: application_id per kind, refusals naming what a file is, read-only
 * opens, creation only by creating modes.  Item 2: appends from two writers at
 * once.  Item 3: a paged read inside one snapshot.  Item 6: NUL and bytes that
 * are not UTF-8 in stored text.  Item 7: nothing left beside a refused file.
 * Item 8: two processes creating the same account.  Item 10: TRUNCATE
 * checkpoint on close.  Item 11: quick_check after a change, 0600 files.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "alvh-core.h"
#include "alvh-journal-store-private.h"
#include "test-journal-util.h"

typedef TestStores Fixture;

static void
sql (const char *path,
     const char *statements)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, statements, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
pragma_int (const char *path,
            const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  int v;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &s, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  v = sqlite3_column_int (s, 0);
  sqlite3_finalize (s);
  sqlite3_close (db);
  return v;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The files in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Asserts that every mode refuses @path with NOT_OURS naming @what, and that
 * the file and its folder are exactly as before. */
static void
assert_refused (Fixture    *f,
                const char *path,
                const char *what)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *listing = list_dir (f->dir);
  gsize n_before = 0, n_after = 0;

  g_assert_true (g_file_get_contents (path, &before, &n_before, NULL));
  for (AlvhStoreMode mode = ALVH_STORE_READ; mode <= ALVH_STORE_CREATE; mode++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (path, mode, &error);
      g_autofree char *now = NULL;

      g_assert_null (store);
      g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_OURS);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, what));
      g_assert_nonnull (strstr (error->message, "an ALVH Desk journal"));
      g_assert_nonnull (strstr (error->message, "it was not opened and not changed"));
      now = list_dir (f->dir);
      g_assert_cmpstr (now, ==, listing);  /* no -wal, no -shm, no copy */
    }
  g_assert_true (g_file_get_contents (path, &after, &n_after, NULL));
  g_assert_cmpmem (before, n_before, after, n_after);
}

/* ---- item 1, 7: files that are not ours ---------------------------------- */

static void
test_refuses_foreign (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *other = g_build_filename (f->dir, "o.sqlite", NULL);
  g_autofree char *wal = g_build_filename (f->dir, "w.sqlite", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.sqlite", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *stamped = g_build_filename (f->dir, "app.sqlite", NULL);
  g_autofree char *market = g_build_filename (f->dir, "market.sqlite", NULL);

  sql (other, "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);");
  assert_refused (f, other, "an SQLite database of another program (tables notes)");
  /* another program's file in WAL mode: still nothing left beside it */
  sql (wal, "PRAGMA journal_mode = WAL; CREATE TABLE todo (x);");
  assert_refused (f, wal, "tables todo");
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (f, empty, "an empty file");
  g_assert_true (g_file_set_contents (text, "buy milk\n", -1, NULL));
  assert_refused (f, text, "not an SQLite database");
  sql (stamped, "PRAGMA application_id = 1196444237; CREATE TABLE accounts (x);");
  assert_refused (f, stamped, "application_id 0x47504a4d");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AlvhMarketStore) m = alvh_market_store_open (market, &error);

    g_assert_no_error (error);
  }
  assert_refused (f, market, "an ALVH Desk market store");
  /* and a journal given to the market store */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AlvhJournalStore) j = alvh_journal_store_open (f->db, &error);
    g_autoptr(AlvhMarketStore) m = NULL;

    g_assert_no_error (error);
    g_clear_object (&j);
    m = alvh_market_store_open (f->db, &error);
    g_assert_null (m);
    g_assert_error (error, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_NOT_OURS);
    g_assert_nonnull (strstr (error->message, "this is an ALVH Desk journal, not an ALVH Desk market store"));
  }
}

/* ---- item 1, 7, 11: modes, creation, stamps --------------------------------- */

static void
test_modes_and_creation (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "new", "alvh.sqlite", NULL);
  g_autofree char *folder = g_path_get_dirname (nested);
  g_autofree char *listing = NULL;
  GStatBuf st;

  /* reading and writing modes create nothing */
  for (AlvhStoreMode mode = ALVH_STORE_READ; mode <= ALVH_STORE_WRITE; mode++)
    {
      g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (nested, mode, &error);

      g_assert_null (store);
      g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_MISSING);
      g_assert_nonnull (strstr (error->message, "nothing was created"));
      g_clear_error (&error);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }

  /* creating: complete, 0600 in a 0700 folder, stamped, said */
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (nested, ALVH_STORE_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (alvh_journal_store_was_created (store));
    g_assert_cmpint (alvh_journal_store_get_schema_version (store), ==, ALVH_JOURNAL_SCHEMA_VERSION);
    test_journal_add_entry (store, "First", "", 1700000000);
  }
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "alvh.sqlite");  /* no temporary file, no -wal left */
  g_assert_cmpint (pragma_int (nested, "PRAGMA application_id"), ==, ALVH_APPLICATION_ID_JOURNAL);

  /* opening again creates nothing new */
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (nested, ALVH_STORE_CREATE, &error);

    g_assert_no_error (error);
    g_assert_false (alvh_journal_store_was_created (store));
  }

  /* read-only: every write fails, the file is unchanged */
  {
    g_autofree char *before = NULL, *after = NULL;
    gsize n_before, n_after;
    g_autoptr(AlvhJournalStore) store = NULL;

    g_assert_true (g_file_get_contents (nested, &before, &n_before, NULL));
    store = alvh_journal_store_open_mode (nested, ALVH_STORE_READ, &error);
    g_assert_no_error (error);
    g_assert_cmpint (alvh_journal_store_create_account (store, "Nope", &error), ==, 0);
    g_assert_nonnull (error);
    g_test_message ("read-only write: %s", error->message);
    g_clear_error (&error);
    g_clear_object (&store);
    g_assert_true (g_file_get_contents (nested, &after, &n_after, NULL));
    g_assert_cmpmem (before, n_before, after, n_after);
  }
}

/* An earlier version's journal (our tables, no application_id) opens for
 * reading unchanged and is stamped on its first write. */
static void
test_legacy_stamped_on_write (Fixture       *f,
                              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_no_error (error);
    test_journal_add_entry (store, "Old", "kept", 1700000000);
  }
  sql (f->db, "PRAGMA application_id = 0");
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (f->db, ALVH_STORE_READ, &error);
    g_autoptr(AlvhJournalEntry) e = NULL;

    g_assert_no_error (error);
    e = alvh_journal_store_get_entry (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (e->body, ==, "kept");
  }
  g_assert_cmpint (pragma_int (f->db, "PRAGMA application_id"), ==, 0);
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (f->db, ALVH_STORE_WRITE, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (pragma_int (f->db, "PRAGMA application_id"), ==, ALVH_APPLICATION_ID_JOURNAL);
}

/* ---- item 2: two writers appending to one entry ------------------------- */

typedef struct
{
  const char *path;
  gint64      id;
  int         who;
  guint       acknowledged;
} Appender;

#define N_APPENDS 60

static gpointer
append_notes (gpointer data)
{
  Appender *a = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (a->path, ALVH_STORE_WRITE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_APPENDS; i++)
    {
      g_autofree char *note = g_strdup_printf ("note %d-%u", a->who, i);

      if (alvh_journal_store_append_to_entry (store, a->id, note, &error))
        a->acknowledged++;
      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_concurrent_appends (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);
  g_autoptr(AlvhJournalEntry) e = NULL;
  g_auto(GStrv) paragraphs = NULL;
  Appender a[2];
  GThread *threads[2];
  gint64 id;

  g_assert_no_error (error);
  id = test_journal_add_entry (store, "Busy", "", 1700000000);
  for (int i = 0; i < 2; i++)
    {
      a[i] = (Appender) { f->db, id, i, 0 };
      threads[i] = g_thread_new ("appender", append_notes, &a[i]);
    }
  for (int i = 0; i < 2; i++)
    g_thread_join (threads[i]);
  e = alvh_journal_store_get_entry (store, id, &error);
  g_assert_no_error (error);
  paragraphs = g_strsplit (e->body, "\n\n", -1);
  g_assert_cmpuint (a[0].acknowledged + a[1].acknowledged, ==, 2 * N_APPENDS);
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 2 * N_APPENDS);
  for (int w = 0; w < 2; w++)
    for (guint i = 0; i < N_APPENDS; i++)
      {
        g_autofree char *note = g_strdup_printf ("note %d-%u", w, i);

        g_assert_true (g_strv_contains ((const char * const *) paragraphs, note));
      }
  /* a missing entry is an error, not a silent no-op */
  g_assert_false (alvh_journal_store_append_to_entry (store, 999, "x", &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND);
}

/* ---- item 3: a paged export reads one snapshot -------------------------- */

static void
test_paged_read_in_one_snapshot (Fixture       *f,
                                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) writer = alvh_journal_store_open (f->db, &error);
  g_autoptr(AlvhJournalStore) reader = NULL;
  g_autoptr(GPtrArray) page1 = NULL;
  g_autoptr(GPtrArray) page2 = NULL;
  AlvhJournalFilter filter = { 0 };

  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    test_journal_add_entry (writer, "Entry", "", 1700000000 + i);
  reader = alvh_journal_store_open_mode (f->db, ALVH_STORE_READ, &error);
  g_assert_no_error (error);

  g_assert_true (alvh_journal_store_begin_read (reader, &error));
  filter.limit = 2;
  page1 = alvh_journal_store_list_entries (reader, &filter, &error);
  g_assert_no_error (error);
  /* another connection adds the newest entry between the pages */
  test_journal_add_entry (writer, "Newer", "", 1800000000);
  filter.offset = 2;
  page2 = alvh_journal_store_list_entries (reader, &filter, &error);
  g_assert_no_error (error);
  g_assert_true (alvh_journal_store_end_batch (reader, TRUE, &error));
  g_assert_cmpuint (page1->len, ==, 2);
  g_assert_cmpuint (page2->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    for (guint k = 0; k < 2; k++)
      g_assert_cmpint (((AlvhJournalEntry *) page1->pdata[i])->id, !=,
                       ((AlvhJournalEntry *) page2->pdata[k])->id);
  g_assert_cmpint (((AlvhJournalEntry *) page2->pdata[1])->id, ==, 1);
}

/* ---- item 6: NUL and bytes that are not UTF-8 ----------------------------- */

static void
test_text_never_cut_and_utf8 (Fixture       *f,
                              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalEntry) e = NULL;

  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_no_error (error);
    test_journal_add_entry (store, "t", "b", 1700000000);
  }
  /* another program wrote a NUL inside the body and Latin-1 into the title */
  sql (f->db, "UPDATE entries SET body = CAST (x'6265666f726500616674657221' AS TEXT),"
                " title = CAST (x'4361666599' AS TEXT) WHERE id = 1");
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (f->db, ALVH_STORE_READ, &error);

    g_assert_no_error (error);
    e = alvh_journal_store_get_entry (store, 1, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (e->body, ==, "before\xEF\xBF\xBD" "after!");
  g_assert_true (g_utf8_validate (e->title, -1, NULL));
  g_assert_true (g_str_has_prefix (e->title, "Caf"));
}

/* ---- item 8: two processes create the same account ------------------------ */

typedef struct
{
  const char *path;
  GMutex     *start;
  gint64      id;
} Creator;

static gpointer
ensure_main (gpointer data)
{
  Creator *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;

  g_mutex_lock (c->start);  /* both start at once */
  g_mutex_unlock (c->start);
  store = alvh_journal_store_open_mode (c->path, ALVH_STORE_CREATE, &error);
  g_assert_no_error (error);
  c->id = alvh_journal_store_ensure_account (store, "Main", &error);
  g_assert_no_error (error);
  return NULL;
}

static void
test_account_creation_idempotent (Fixture       *f,
                                  gconstpointer  data G_GNUC_UNUSED)
{
  for (int round = 0; round < 8; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/race-%d.sqlite", f->dir, round);
      g_autoptr(GError) error = NULL;
      g_autoptr(AlvhJournalStore) store = NULL;
      g_autoptr(GPtrArray) accounts = NULL;
      GMutex start;
      Creator c[2];
      GThread *threads[2];

      g_mutex_init (&start);
      g_mutex_lock (&start);
      for (int i = 0; i < 2; i++)
        {
          c[i] = (Creator) { path, &start, 0 };
          threads[i] = g_thread_new ("creator", ensure_main, &c[i]);
        }
      g_mutex_unlock (&start);
      for (int i = 0; i < 2; i++)
        g_thread_join (threads[i]);
      g_mutex_clear (&start);
      g_assert_cmpint (c[0].id, >, 0);
      g_assert_cmpint (c[0].id, ==, c[1].id);
      store = alvh_journal_store_open_mode (path, ALVH_STORE_READ, &error);
      g_assert_no_error (error);
      accounts = alvh_journal_store_list_accounts (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (accounts->len, ==, 1);
    }
}

/* ---- item 10: checkpoint on close ------------------------------------------ */

static void
test_checkpoint_on_close (Fixture       *f,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *other = NULL;
  GStatBuf st;

  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_no_error (error);
  }
  /* another connection stays open (the app), so SQLite's own last-close
   * checkpoint does not run: ours must */
  g_assert_cmpint (sqlite3_open (f->db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "SELECT count(*) FROM entries", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_no_error (error);
    for (int i = 0; i < 20; i++)
      test_journal_add_entry (store, "In the file itself", "", 1700000000 + i);
  }
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  /* a copy of the .sqlite alone holds every entry */
  g_assert_true (g_file_get_contents (f->db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  sqlite3_close (other);
  g_assert_cmpint (pragma_int (copy, "SELECT count(*) FROM entries"), ==, 20);
}

/* ---- item 11: damage found on open ---------------------------------------- */

static void
test_quick_check_after_change (Fixture       *f,
                               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *filler = g_strnfill (300, 'x');
  gsize length, n_after;
  int root, page_size;

  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_no_error (error);
    for (int i = 0; i < 200; i++)
      test_journal_add_entry (store, filler, "", 1700000000 + i);
  }
  /* a clean close: opening again needs no check, and finds none to do */
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (f->db, ALVH_STORE_READ, &error);

    g_assert_no_error (error);
  }

  /* flip bytes inside the page of an index */
  root = pragma_int (f->db, "SELECT rootpage FROM sqlite_schema WHERE name = 'entries_time'");
  page_size = pragma_int (f->db, "PRAGMA page_size");
  g_assert_true (g_file_get_contents (f->db, &before, &length, NULL));
  g_assert_cmpint ((gsize) root * page_size, <=, length);
  for (int i = 0; i < 64; i++)
    before[(gsize) (root - 1) * page_size + 8 + i * 8] ^= 0x5a;
  g_assert_true (g_file_set_contents (f->db, before, (gssize) length, NULL));

  for (AlvhStoreMode mode = ALVH_STORE_READ; mode <= ALVH_STORE_WRITE; mode++)
    {
      g_autoptr(AlvhJournalStore) store = alvh_journal_store_open_mode (f->db, mode, &error);

      g_assert_null (store);
      g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "is damaged"));
      g_assert_nonnull (strstr (error->message, ".damaged-"));
      g_assert_nonnull (strstr (error->message, ".recover"));
      g_clear_error (&error);
    }
  g_assert_true (g_file_get_contents (f->db, &after, &n_after, NULL));
  g_assert_cmpmem (before, length, after, n_after);
  listing = list_dir (f->dir);
  g_assert_nonnull (strstr (listing, "alvh.sqlite.damaged-"));
  {
    /* the copy is the damaged file, byte for byte, 0600 */
    g_auto(GStrv) names = g_strsplit (listing, " ", -1);
    g_autofree char *copy = NULL;
    g_autofree char *copied = NULL;
    gsize n_copied;
    GStatBuf st;

    for (guint i = 0; names[i] != NULL && copy == NULL; i++)
      if (g_str_has_prefix (names[i], "alvh.sqlite.damaged-") && !g_str_has_suffix (names[i], "-wal"))
        copy = g_build_filename (f->dir, names[i], NULL);
    g_assert_nonnull (copy);
    g_assert_true (g_file_get_contents (copy, &copied, &n_copied, NULL));
    g_assert_cmpmem (before, length, copied, n_copied);
    g_assert_cmpint (g_stat (copy, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = NULL;

  g_test_init (&argc, &argv, NULL);
  /* the clean-close records of this run only */
  state = test_make_tmp_dir ("alvh-safety-state-XXXXXX");
  g_setenv ("XDG_STATE_HOME", state, TRUE);

#define ADD(name, func) \
  g_test_add ("/core/store-safety/" name, Fixture, NULL, test_stores_set_up, func, test_stores_tear_down)
  ADD ("refuses-foreign", test_refuses_foreign);
  ADD ("modes-and-creation", test_modes_and_creation);
  ADD ("legacy-stamped-on-write", test_legacy_stamped_on_write);
  ADD ("concurrent-appends", test_concurrent_appends);
  ADD ("paged-read-in-one-snapshot", test_paged_read_in_one_snapshot);
  ADD ("text-never-cut-and-utf8", test_text_never_cut_and_utf8);
  ADD ("account-creation-idempotent", test_account_creation_idempotent);
  ADD ("checkpoint-on-close", test_checkpoint_on_close);
  ADD ("quick-check-after-change", test_quick_check_after_change);
#undef ADD

  {
    int status = g_test_run ();

    test_rm_rf (state);
    return status;
  }
}
