/* alvh-db-open.c — opening a store file the safe way: identify it before
 * anything writes, create it atomically, check it when it changed since its
 * last clean close, checkpoint it on close */
#define G_LOG_DOMAIN "alvh-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "alvh-db.h"
#include "alvh-db-private.h"

#define HEADER_SIZE 100

/* The two kinds of ALVH Desk file, and the tables that tell a file of an
 * earlier version (written before the application_id) for one of them. */
static const struct
{
  guint32     id;
  const char *name;
  const char *tables[4];
} alvh_kinds[] = {
  { ALVH_APPLICATION_ID_JOURNAL, "an ALVH Desk journal", { "accounts", "decisions", "entries", NULL } },
  { ALVH_APPLICATION_ID_MARKET, "an ALVH Desk market store", { "instruments", "bars", "imports", NULL } },
};

static const char *
kind_name (guint32 id)
{
  for (guint i = 0; i < G_N_ELEMENTS (alvh_kinds); i++)
    if (alvh_kinds[i].id == id)
      return alvh_kinds[i].name;
  return NULL;
}

/* The kind whose tables are all in @tables, else 0. */
static guint32
kind_of_tables (GPtrArray *tables)
{
  for (guint i = 0; i < G_N_ELEMENTS (alvh_kinds); i++)
    {
      gboolean all = TRUE;

      for (guint k = 0; all && alvh_kinds[i].tables[k] != NULL; k++)
        all = g_ptr_array_find_with_equal_func (tables, alvh_kinds[i].tables[k], g_str_equal, NULL);
      if (all)
        return alvh_kinds[i].id;
    }
  return 0;
}

/* ---- identifying a file ------------------------------------------------- */

typedef struct
{
  guint32  application_id;
  int      user_version;   /* from the header: may be older than the -wal's */
  gboolean wal_mode;       /* header bytes 18 and 19 are 2 */
} Header;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* What a file that is not SQLite looks like, from its first bytes: "an
 * empty file", "a PDF document", "a text file".  (Not GIO's content-type
 * guess: its MIME tables are allocated once and never freed, which leak
 * checkers report.) */
static char *
describe_other (const char   *path,
                const guint8 *data,
                gsize         n)
{
  static const struct { const char *magic; gsize len; const char *what; } known[] = {
    { "%PDF-", 5, "a PDF document" },
    { "PK\003\004", 4, "a ZIP archive (or an office document)" },
    { "\037\213", 2, "a gzip archive" },
    { "\211PNG", 4, "a PNG image" },
    { "\377\330\377", 3, "a JPEG image" },
    { "\177ELF", 4, "a program (ELF)" },
  };
  gboolean text = TRUE;

  if (n == 0)
    return g_strdup ("an empty file");
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (n >= known[i].len && memcmp (data, known[i].magic, known[i].len) == 0)
      return g_strdup_printf ("not an SQLite database but %s", known[i].what);
  for (gsize i = 0; i < n && text; i++)
    text = data[i] >= 0x20 || data[i] == '\n' || data[i] == '\r' || data[i] == '\t';
  /* printable bytes that are valid UTF-8 */
  if (text && g_utf8_validate_len ((const char *) data, n, NULL))
    return g_strdup ("not an SQLite database but a text file");
  return g_strdup ("not an SQLite database");
}

/* Reads up to @size bytes from the start of @path through SQLite's own file
 * layer (an immutable read-only connection: no locks, no -shm), never with a
 * descriptor of our own: closing another descriptor of a file releases the
 * POSIX locks that this process's connections hold on it (a thread opening
 * the file while another writes to it would lose the writer's locks).  Sets
 * *@n to the bytes read (fewer when the file is shorter).  Nothing is
 * written. */
static gboolean
read_start (const char          *path,
            const AlvhDbErrors  *errors,
            guint8              *data,
            gsize                size,
            gssize              *n,
            GError             **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  sqlite3 *db = NULL;
  sqlite3_file *file = NULL;
  sqlite3_int64 file_size = 0;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && (file == NULL || file->pMethods == NULL))
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    rc = file->pMethods->xFileSize (file, &file_size);
  *n = (gssize) MIN ((sqlite3_int64) size, MAX (file_size, 0));
  if (rc == SQLITE_OK && *n > 0)
    rc = file->pMethods->xRead (file, data, (int) *n, 0);
  if (rc != SQLITE_OK)
    {
      int saved = db != NULL ? sqlite3_system_errno (db) : 0;

      g_set_error (error, errors->domain, errors->io, "%s: cannot read the %s: %s",
                   path, errors->name, saved != 0 ? g_strerror (saved) : sqlite3_errstr (rc));
    }
  sqlite3_close_v2 (db);
  return rc == SQLITE_OK;
}

/* Reads the first 100 bytes; FALSE with "not ours" when the file is not an
 * SQLite database.  Nothing is written. */
static gboolean
read_header (const char          *path,
             const char          *want,
             const AlvhDbErrors  *errors,
             Header              *out,
             GError             **error)
{
  guint8 data[HEADER_SIZE];
  gssize n = 0;

  if (!read_start (path, errors, data, sizeof data, &n, error))
    return FALSE;
  if (n < HEADER_SIZE || memcmp (data, "SQLite format 3", 16) != 0)
    {
      g_autofree char *what = describe_other (path, data, (gsize) n);

      g_set_error (error, errors->domain, errors->not_ours,
                   "%s: this is %s, not an ALVH Desk database (expected %s); it was not opened and not changed",
                   path, what, want);
      return FALSE;
    }
  out->user_version = (int) read_be32 (data + 60);
  out->application_id = read_be32 (data + 68);
  out->wal_mode = data[18] == 2 && data[19] == 2;
  return TRUE;
}

/* The tables and user_version through @uri; *db is left open for the message. */
static gboolean
read_schema_uri (const char  *uri,
                 GPtrArray   *tables,
                 int         *user_version,
                 sqlite3    **db)
{
  sqlite3_stmt *s = NULL;
  gboolean ok = FALSE;
  int rc;

  if (sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_busy_timeout (*db, 5000);
  if (sqlite3_prepare_v2 (*db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &s, NULL) != SQLITE_OK)
    return FALSE;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (s, 0)));
  sqlite3_finalize (s);
  s = NULL;
  if (rc == SQLITE_DONE &&
      sqlite3_prepare_v2 (*db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
      sqlite3_step (s) == SQLITE_ROW)
    {
      *user_version = sqlite3_column_int (s, 0);
      ok = TRUE;
    }
  sqlite3_finalize (s);
  return ok;
}

/* The tables and user_version of an SQLite file without an application_id,
 * read without leaving anything beside it: immutable (no locks, no -shm)
 * when it has no write-ahead log, else a read-only connection. */
static gboolean
read_schema (const char          *path,
             const AlvhDbErrors  *errors,
             GPtrArray           *tables,
             int                 *user_version,
             GError             **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  GStatBuf st;
  sqlite3 *db = NULL;
  gboolean immutable = g_stat (wal, &st) != 0 || st.st_size == 0;
  gboolean ok = FALSE;
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
  ok = read_schema_uri (uri, tables, user_version, &db);
  if (!ok && !immutable)
    {
      /* a read-only connection must set up the WAL index, which fails while
       * another connection creates the file: the main file tells enough */
      sqlite3_close_v2 (db);
      db = NULL;
      g_ptr_array_set_size (tables, 0);
      g_free (uri);
      uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
      ok = read_schema_uri (uri, tables, user_version, &db);
    }
  if (!ok)
    g_set_error (error, errors->domain, errors->io, "%s: cannot read the %s: %s", path, errors->name,
                 db != NULL ? sqlite3_errmsg (db) : "out of memory");
  sqlite3_close_v2 (db);
  return ok;
}

/* "an SQLite database of another program (tables notes, todo)" */
static char *
describe_tables (GPtrArray *tables)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (tables->len == 0)
    return g_strdup ("an empty SQLite database (no tables)");
  for (guint i = 0; i < tables->len && i < 5; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", (const char *) tables->pdata[i]);
  if (tables->len > 5)
    g_string_append (list, ", …");
  return g_strdup_printf ("an SQLite database of another program (tables %s)", list->str);
}

/* TRUE when @path is a file of @kind; *legacy when it has no application_id
 * yet (an earlier ALVH Desk wrote it).  Nothing is written. */
static gboolean
identify (const char          *path,
          const AlvhDbErrors  *errors,
          const AlvhDbKind    *kind,
          gboolean            *legacy,
          Header              *header,
          GError             **error)
{
  const char *want = kind_name (kind->application_id);
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *what = NULL;
  guint32 found;

  if (!read_header (path, want, errors, header, error))
    return FALSE;
  *legacy = header->application_id == 0;
  if (header->application_id == kind->application_id)
    return TRUE;
  if (header->application_id != 0)
    {
      const char *other = kind_name (header->application_id);

      what = other != NULL ? g_strdup (other)
                           : g_strdup_printf ("an SQLite database of another program (application_id 0x%08x)",
                                              header->application_id);
      g_set_error (error, errors->domain, errors->not_ours,
                   other != NULL ? "%s: this is %s, not %s; it was not opened and not changed"
                                 : "%s: this is %s, not an ALVH Desk database (expected %s); it was not opened and not changed",
                   path, what, want);
      return FALSE;
    }
  tables = g_ptr_array_new_with_free_func (g_free);
  if (!read_schema (path, errors, tables, &header->user_version, error))
    return FALSE;
  found = kind_of_tables (tables);
  if (found == kind->application_id)
    return TRUE;
  what = found != 0 ? g_strdup_printf ("%s of an earlier version", kind_name (found)) : describe_tables (tables);
  g_set_error (error, errors->domain, errors->not_ours,
               found != 0 ? "%s: this is %s, not %s; it was not opened and not changed"
                           : "%s: this is %s, not an ALVH Desk database (expected %s); it was not opened and not changed",
               path, what, want);
  return FALSE;
}

/* ---- creating a file ----------------------------------------------------- */

static void
remove_with_sidecars (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
  g_unlink (path);
}

static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
}

/* Builds the complete new file in @tmp: write-ahead logging, the schema, the
 * application_id; closed cleanly, so that it is whole on its own. */
static gboolean
build_new (const char          *tmp,
           const char          *path,
           const AlvhDbErrors  *errors,
           const AlvhDbKind    *kind,
           int                  target,
           GError             **error)
{
  g_autoptr(AlvhDb) db = alvh_db_open (tmp, errors, "cannot create", error);
  g_autofree char *stamp = NULL;
  g_autofree char *page_size = NULL;

  if (db == NULL)
    return FALSE;
  stamp = g_strdup_printf ("PRAGMA application_id = %d", (int) kind->application_id);
  page_size = g_strdup_printf ("PRAGMA page_size = %u", kind->page_size);
  /* the page size before anything is written: fixed once the file is in WAL mode */
  if ((kind->page_size != 0 && !alvh_db_exec (db, page_size, error)) ||
      !alvh_db_exec (db, "PRAGMA synchronous = FULL", error) ||
      !alvh_db_enable_wal (db, error) ||
      !alvh_db_exec (db, kind->setup_sql, error) ||
      !alvh_db_exec (db, stamp, error) ||
      !alvh_db_migrate (db, kind->migrations, kind->n_migrations, target, NULL, error))
    {
      g_prefix_error (error, "%s: cannot create the %s: ", path, errors->name);
      return FALSE;
    }
  return TRUE;
}

/* Creates @path complete or not at all: built under a temporary name in the
 * same folder (0600, folders 0700), then linked into place.  *created is
 * FALSE when another process created it meanwhile (then it is used). */
static gboolean
create_new (const char          *path,
            const AlvhDbErrors  *errors,
            const AlvhDbKind    *kind,
            int                  target,
            gboolean            *created,
            GError             **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strconcat (path, ".new-XXXXXX", NULL);
  int fd, saved;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, errors->domain, errors->io, "%s: cannot create the folder: %s",
                   dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, errors->domain, errors->io, "%s: cannot create the %s: %s",
                   path, errors->name, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  if (!build_new (tmp, path, errors, kind, target, error))
    {
      remove_with_sidecars (tmp);
      return FALSE;
    }
  *created = link (tmp, path) == 0;
  saved = errno;
  remove_with_sidecars (tmp);
  if (!*created && saved != EEXIST)
    {
      g_set_error (error, errors->domain, errors->io, "%s: cannot create the %s: %s",
                   path, errors->name, g_strerror (saved));
      return FALSE;
    }
  sync_folder (dir);
  return TRUE;
}

/* ---- clean closes and checks -------------------------------------------- */

static char *
clean_close_file (void)
{
  return g_build_filename (g_get_user_state_dir (), "alvh-desk", "clean-close.ini", NULL);
}

/* The identity of @path as a key file value, or NULL when it has a
 * non-empty write-ahead log (it is open, or a writer did not close). */
static char *
fingerprint (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  if (stat (wal, &st) == 0 && st.st_size > 0)
    return NULL;
  if (stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino,
                          (intmax_t) st.st_size, (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

static char *
canonical (const char *path)
{
  char *real = realpath (path, NULL);
  char *out = g_strdup (real != NULL ? real : path);

  free (real);
  return out;
}

void
_alvh_db_record_clean_close (const char *path)
{
  g_autofree char *file = clean_close_file ();
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *key = canonical (path);
  g_autofree char *value = fingerprint (path);
  g_autofree char *old = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  gsize len;

  g_key_file_load_from_file (kf, file, G_KEY_FILE_NONE, NULL);
  old = g_key_file_get_string (kf, "clean-close", key, NULL);
  if (g_strcmp0 (old, value) == 0)
    return;
  {
    g_auto(GStrv) keys = g_key_file_get_keys (kf, "clean-close", NULL, NULL);

    /* forget files that are gone (temporary files, moved journals) */
    for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
      if (!g_file_test (keys[i], G_FILE_TEST_EXISTS))
        g_key_file_remove_key (kf, "clean-close", keys[i], NULL);
  }
  if (value != NULL)
    g_key_file_set_string (kf, "clean-close", key, value);
  else
    g_key_file_remove_key (kf, "clean-close", key, NULL);
  data = g_key_file_to_data (kf, &len, NULL);
  /* best effort: a lost record costs one more check at the next open */
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents_full (file, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

/* Whether @path is as it was at its last clean close. */
static gboolean
unchanged_since_clean_close (const char *path)
{
  g_autofree char *file = clean_close_file ();
  g_autofree char *key = canonical (path);
  g_autofree char *now = fingerprint (path);
  g_autofree char *then = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  if (now == NULL || !g_key_file_load_from_file (kf, file, G_KEY_FILE_NONE, NULL))
    return FALSE;
  then = g_key_file_get_string (kf, "clean-close", key, NULL);
  return g_strcmp0 (then, now) == 0;
}

gboolean
_alvh_db_checkpoint (AlvhDb *db)
{
  sqlite3_stmt *s = NULL;
  gboolean clean = FALSE;

  if (!db->store || db->depth > 0)
    return FALSE;
  if (db->read_only)
    return TRUE;  /* SQLite checkpoints when the last connection closes */
  /* a reader elsewhere (the app) must not hold up a command's exit */
  sqlite3_busy_timeout (db->handle, 200);
  if (sqlite3_prepare_v2 (db->handle, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &s, NULL) == SQLITE_OK &&
      sqlite3_step (s) == SQLITE_ROW)
    clean = sqlite3_column_int (s, 0) == 0;
  sqlite3_finalize (s);
  return clean;
}

/* Copies the main file of @db to @to (0600) through SQLite's own file layer:
 * a descriptor of our own on the file would, when closed, release the POSIX
 * locks this process's connections hold on it. */
static gboolean
copy_main_file (AlvhDb      *db,
                const char  *to,
                GError     **error)
{
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  g_autofree guint8 *buf = g_malloc (65536);
  int fd, rc;

  rc = sqlite3_file_control (db->handle, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && (file == NULL || file->pMethods == NULL))
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    rc = file->pMethods->xFileSize (file, &size);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: %s", db->path, sqlite3_errstr (rc));
      return FALSE;
    }
  fd = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", to, g_strerror (saved));
      return FALSE;
    }
  for (sqlite3_int64 at = 0; rc == SQLITE_OK && at < size; )
    {
      int n = (int) MIN ((sqlite3_int64) 65536, size - at);

      rc = file->pMethods->xRead (file, buf, n, at);
      if (rc == SQLITE_OK && write (fd, buf, (size_t) n) != n)
        rc = SQLITE_IOERR_WRITE;
      at += n;
    }
  if (rc == SQLITE_OK && fsync (fd) != 0)
    rc = SQLITE_IOERR_FSYNC;
  g_close (fd, NULL);
  if (rc != SQLITE_OK)
    {
      g_unlink (to);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: cannot copy: %s", to, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Copies the damaged file of @db (and its log) beside it; returns the copy's path. */
static char *
save_damaged_copy (AlvhDb  *db,
                   GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *copy = g_strdup_printf ("%s.damaged-%s", db->path, stamp);
  g_autofree char *wal = g_strconcat (db->path, "-wal", NULL);
  g_autofree char *wal_copy = NULL;

  /* a name no earlier copy has */
  for (guint n = 2; g_file_test (copy, G_FILE_TEST_EXISTS) && n < 1000; n++)
    {
      g_free (copy);
      copy = g_strdup_printf ("%s.damaged-%s-%u", db->path, stamp, n);
    }
  if (!copy_main_file (db, copy, error))
    return NULL;
  /* the log holds no locks: an ordinary copy */
  wal_copy = g_strconcat (copy, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) src = g_file_new_for_path (wal);
      g_autoptr(GFile) dst = g_file_new_for_path (wal_copy);

      if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        return NULL;
      g_chmod (wal_copy, 0600);
    }
  return g_steal_pointer (&copy);
}

/* Runs PRAGMA quick_check; FALSE with the corrupt code (and a saved copy)
 * when it finds damage. */
static gboolean
quick_check (AlvhDb   *db,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) s = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) copy_error = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db->handle, "PRAGMA quick_check(1)", -1, &s, NULL) != SQLITE_OK)
    problem = g_strdup (sqlite3_errmsg (db->handle));
  else if ((rc = sqlite3_step (s)) != SQLITE_ROW)
    problem = g_strdup (sqlite3_errmsg (db->handle));
  else if (g_strcmp0 ((const char *) sqlite3_column_text (s, 0), "ok") != 0)
    problem = g_strdup ((const char *) sqlite3_column_text (s, 0));
  if (problem == NULL)
    return TRUE;

  copy = save_damaged_copy (db, &copy_error);
  if (copy != NULL)
    g_set_error (error, db->errors->domain, db->errors->corrupt,
                 "%s: the %s is damaged (%s). It was not changed. A copy is saved as %s; "
                 "`sqlite3 %s .recover | sqlite3 NEW.sqlite` saves what is readable of it.",
                 db->path, db->errors->name, problem, copy, copy);
  else
    g_set_error (error, db->errors->domain, db->errors->corrupt,
                 "%s: the %s is damaged (%s). It was not changed; copy it somewhere safe "
                 "(saving a copy failed: %s).", db->path, db->errors->name, problem, copy_error->message);
  return FALSE;
}

/* ---- opening ------------------------------------------------------------- */

/* The connection after identification: checked when it changed since its
 * last clean close, then set up for reading or for writing. */
static AlvhDb *
open_identified (const char          *path,
                 const AlvhDbErrors  *errors,
                 const AlvhDbKind    *kind,
                 AlvhStoreMode        mode,
                 int                  target,
                 gboolean             legacy,
                 int                 *version,
                 GError             **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  /* a log left by a writer that did not close: a refusal leaves it as it is */
  gboolean had_log = g_stat (wal, &st) == 0 && st.st_size > 0;
  g_autoptr(AlvhDb) db = alvh_db_open (path, errors, "cannot open", error);
  gboolean write = mode != ALVH_STORE_READ;

  if (db == NULL)
    return NULL;
  if (had_log)
    sqlite3_db_config (db->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (!alvh_db_exec (db, kind->setup_sql, error))
    return NULL;
  if (!unchanged_since_clean_close (path) && !quick_check (db, error))
    return NULL;
  if (!alvh_db_read_user_version (db, version, error))
    return NULL;
  if (*version > kind->n_migrations)
    {
      g_set_error (error, errors->domain, errors->newer_schema,
                   "%s: the %s was written by a newer version of ALVH Desk "
                   "(schema version %d; this version reads up to %d). "
                   "It was not opened and not changed: update ALVH Desk to use it.",
                   path, errors->name, *version, kind->n_migrations);
      return NULL;
    }
  /* a reading command migrates an older file of ours: the one write it makes */
  if (write || *version < target)
    {
      if (!alvh_db_exec (db, kind->write_setup_sql, error) ||
          !alvh_db_enable_wal (db, error))
        return NULL;
      if (legacy)
        {
          g_autofree char *stamp = g_strdup_printf ("PRAGMA application_id = %d", (int) kind->application_id);

          if (!alvh_db_begin (db, error))
            return NULL;
          if (!alvh_db_end (db, alvh_db_exec (db, stamp, error), error))
            return NULL;
        }
      if (*version < target &&
          !alvh_db_migrate (db, kind->migrations, kind->n_migrations, target, version, error))
        return NULL;
    }
  if (!write)
    {
      if (!alvh_db_exec (db, "PRAGMA query_only = ON", error))
        return NULL;
      db->read_only = TRUE;
    }
  if (had_log)
    sqlite3_db_config (db->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  db->store = TRUE;  /* from now on a close checkpoints and counts as clean */
  return g_steal_pointer (&db);
}

AlvhDb *
alvh_db_open_store (const char          *path,
                    const AlvhDbErrors  *errors,
                    const AlvhDbKind    *kind,
                    AlvhStoreMode        mode,
                    int                  target,
                    gboolean            *out_created,
                    int                 *out_version,
                    GError             **error)
{
  const char *want = kind_name (kind->application_id);
  gboolean created = FALSE, legacy = FALSE;
  Header header = { 0 };
  GStatBuf st;
  int version = 0;
  AlvhDb *db;

  g_return_val_if_fail (path != NULL && errors != NULL && kind != NULL, NULL);
  g_return_val_if_fail (target >= 0 && target <= kind->n_migrations, NULL);

  if (out_created != NULL)
    *out_created = FALSE;
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved != ENOENT)
        {
          g_set_error (error, errors->domain, errors->io, "%s: cannot open the %s: %s",
                       path, errors->name, g_strerror (saved));
          return NULL;
        }
      if (mode != ALVH_STORE_CREATE)
        {
          g_set_error (error, errors->domain, errors->missing,
                       "no %s at %s (expected %s); nothing was created", errors->name, path, want);
          return NULL;
        }
      if (!create_new (path, errors, kind, target, &created, error))
        return NULL;
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, errors->domain, errors->not_ours, "%s: this is %s, not %s",
                   path, S_ISDIR (st.st_mode) ? "a folder" : "not a regular file", want);
      return NULL;
    }
  if (!identify (path, errors, kind, &legacy, &header, error))
    return NULL;
  db = open_identified (path, errors, kind, mode, target, legacy, &version, error);
  if (db == NULL)
    return NULL;
  if (out_created != NULL)
    *out_created = created;
  if (out_version != NULL)
    *out_version = version;
  return db;
}
