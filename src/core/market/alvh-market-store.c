/* alvh-market-store.c — the SQLite market store (market.sqlite) */
#define G_LOG_DOMAIN "alvh-market-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "alvh-db.h"
#include "alvh-import-private.h"
#include "alvh-market-store.h"
#include "alvh-market-store-private.h"
#include "alvh-time.h"


struct _AlvhMarketStore
{
  GObject   parent_instance;
  char     *path;
  AlvhDb   *db;
  int       schema_version;
  gboolean  created;
  AlvhMarketConflicts conflicts;  /* of the last import */
};

G_DEFINE_FINAL_TYPE (AlvhMarketStore, alvh_market_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (alvh-market-store-error-quark, alvh_market_store_error)

static AlvhDbErrors db_errors = {
  .domain = 0,  /* set in class_init: a quark is not a constant */
  .io = ALVH_MARKET_STORE_ERROR_SQLITE,
  .database = ALVH_MARKET_STORE_ERROR_SQLITE,
  .constraint = ALVH_MARKET_STORE_ERROR_SQLITE,
  .invalid = ALVH_MARKET_STORE_ERROR_SQLITE,
  .newer_schema = ALVH_MARKET_STORE_ERROR_TOO_NEW,
  .missing = ALVH_MARKET_STORE_ERROR_MISSING,
  .not_ours = ALVH_MARKET_STORE_ERROR_NOT_OURS,
  .corrupt = ALVH_MARKET_STORE_ERROR_CORRUPT,
  .name = "market store",
};

/* migrations[i] brings the schema from version i to version i + 1 */
static const char * const migrations[] = {
  /* 0 -> 1 */
  "CREATE TABLE instruments ("
  "  id      INTEGER PRIMARY KEY,"
  "  symbol  TEXT NOT NULL UNIQUE,"
  "  kind    TEXT NOT NULL CHECK (kind IN ('index', 'future', 'breadth')),"
  "  name    TEXT"
  ");"
  "CREATE TABLE bars ("
  "  instrument_id INTEGER NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,"
  "  time    INTEGER NOT NULL,"
  "  open    REAL,"
  "  high    REAL,"
  "  low     REAL,"
  "  close   REAL NOT NULL,"
  "  volume  REAL,"
  "  PRIMARY KEY (instrument_id, time)"
  ") WITHOUT ROWID;"
  "CREATE TABLE breadth ("
  "  instrument_id INTEGER NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,"
  "  time      INTEGER NOT NULL,"
  "  advancers REAL NOT NULL,"
  "  decliners REAL NOT NULL,"
  "  PRIMARY KEY (instrument_id, time)"
  ") WITHOUT ROWID;"
  "CREATE TABLE imports ("
  "  id          INTEGER PRIMARY KEY,"
  "  file        TEXT NOT NULL,"
  "  path        TEXT,"
  "  sha256      TEXT NOT NULL,"
  "  format      TEXT NOT NULL,"
  "  symbols     TEXT NOT NULL,"
  "  rows        INTEGER NOT NULL,"
  "  first       INTEGER,"
  "  last        INTEGER,"
  "  skipped     INTEGER NOT NULL DEFAULT 0,"
  "  warnings    INTEGER NOT NULL DEFAULT 0,"
  "  gaps        INTEGER NOT NULL DEFAULT 0,"
  "  imported_at INTEGER NOT NULL"
  ");",
  /* 1 -> 2: which source a bar comes from (its rank: the lower wins), every
   * source's own values, option chains */
  "ALTER TABLE bars ADD COLUMN rank INTEGER NOT NULL DEFAULT 10;"
  "ALTER TABLE bars ADD COLUMN source TEXT;"
  /* the key's columns first: SQLite 3.40's quick_check misreads NOT NULL
   * columns of a WITHOUT ROWID table that come before a key column */
  "CREATE TABLE bar_sources ("
  "  instrument_id INTEGER NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,"
  "  time    INTEGER NOT NULL,"
  "  source  TEXT NOT NULL,"
  "  open    REAL,"
  "  high    REAL,"
  "  low     REAL,"
  "  close   REAL NOT NULL,"
  "  volume  REAL,"
  "  rank    INTEGER NOT NULL,"
  "  PRIMARY KEY (instrument_id, time, source)"
  ") WITHOUT ROWID;"
  "ALTER TABLE imports ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE imports ADD COLUMN max_conflict REAL;"
  ALVH_MARKET_CHAINS_SCHEMA,
  /* 2 -> 3: imports whose values won on purpose (alvh import --prefer) */
  "ALTER TABLE imports ADD COLUMN preferred INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE imports ADD COLUMN replaced INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE imports ADD COLUMN max_replaced REAL;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ALVH_MARKET_STORE_SCHEMA_VERSION);

AlvhDb *
_alvh_market_store_get_db (AlvhMarketStore *self)
{
  return self->db;
}

const AlvhMarketConflicts *
alvh_market_store_get_conflicts (AlvhMarketStore *self)
{
  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), NULL);
  return &self->conflicts;
}

static void
alvh_market_store_finalize (GObject *object)
{
  AlvhMarketStore *self = ALVH_MARKET_STORE (object);

  g_clear_pointer (&self->db, alvh_db_close);
  g_free (self->path);
  alvh_market_conflicts_clear (&self->conflicts);
  G_OBJECT_CLASS (alvh_market_store_parent_class)->finalize (object);
}

static void
alvh_market_store_class_init (AlvhMarketStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = alvh_market_store_finalize;
  db_errors.domain = ALVH_MARKET_STORE_ERROR;
}

static void
alvh_market_store_init (AlvhMarketStore *self G_GNUC_UNUSED)
{
}

static const AlvhDbKind db_kind = {
  .application_id = ALVH_APPLICATION_ID_MARKET,
  .migrations = migrations,
  .n_migrations = ALVH_MARKET_STORE_SCHEMA_VERSION,
  .setup_sql = "PRAGMA foreign_keys = ON",
  .write_setup_sql = "PRAGMA synchronous = NORMAL",
  .page_size = 16384,
};

AlvhMarketStore *
alvh_market_store_open_mode (const char     *path,
                             AlvhStoreMode   mode,
                             GError        **error)
{
  g_autoptr(AlvhMarketStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (ALVH_TYPE_MARKET_STORE, NULL);
  self->path = g_strdup (path);
  self->db = alvh_db_open_store (path, &db_errors, &db_kind, mode, ALVH_MARKET_STORE_SCHEMA_VERSION,
                                 &self->created, &self->schema_version, error);
  if (self->db == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

AlvhMarketStore *
alvh_market_store_open (const char  *path,
                        GError     **error)
{
  return alvh_market_store_open_mode (path, ALVH_STORE_CREATE, error);
}

gboolean
alvh_market_store_was_created (AlvhMarketStore *self)
{
  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), FALSE);
  return self->created;
}

const char *
alvh_market_store_get_path (AlvhMarketStore *self)
{
  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), NULL);
  return self->path;
}

int
alvh_market_store_get_schema_version (AlvhMarketStore *self)
{
  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), 0);
  return self->schema_version;
}

static const char *
instrument_name (const char *symbol)
{
  static const struct { const char *symbol, *name; } names[] = {
    { "SPX", "S&P 500 Index" },
    { "VIX", "Cboe Volatility Index" },
    { "VIX9D", "Cboe 9-Day Volatility Index" },
    { "VIX3M", "Cboe 3-Month Volatility Index" },
    { "VVIX", "Cboe VIX of VIX Index" },
    { "SKEW", "Cboe SKEW Index" },
    { "VX1", "VIX future, 1st month settle" },
    { "VX2", "VIX future, 2nd month settle" },
    { "VX3", "VIX future, 3rd month settle" },
    { "VX4", "VIX future, 4th month settle" },
    { "VX5", "VIX future, 5th month settle" },
    { "VX6", "VIX future, 6th month settle" },
    { "VX7", "VIX future, 7th month settle" },
    { "VX8", "VIX future, 8th month settle" },
    { "BREADTH", "NYSE advancers and decliners" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (names[i].symbol, symbol) == 0)
      return names[i].name;
  return NULL;
}

static const char upsert_instrument_sql[] =
  "INSERT INTO instruments (symbol, kind, name) VALUES (?1, ?2, ?3) "
  "ON CONFLICT (symbol) DO UPDATE SET name = coalesce (instruments.name, excluded.name) "
  "RETURNING id, kind";

static gboolean
upsert_instrument (AlvhMarketStore  *self,
                   const char       *symbol,
                   const char       *kind,
                   gint64           *id,
                   GError          **error)
{
  g_autofree char *stored_kind = NULL;
  gboolean found = FALSE;

  if (!alvh_db_select_row (self->db, upsert_instrument_sql, "cannot add an instrument", &found, error,
                           "ttt>it", symbol, kind, instrument_name (symbol), id, &stored_kind))
    return FALSE;
  if (!found)
    return alvh_db_set_error (self->db, error, "cannot add an instrument");
  if (g_strcmp0 (stored_kind, kind) != 0)
    {
      g_set_error (error, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_SQLITE,
                   "%s: instrument %s is stored as kind “%s”, the file has kind “%s”",
                   self->path, symbol, stored_kind, kind);
      return FALSE;
    }
  return TRUE;
}

/* The rows of one instrument an import writes: bars (@o, @h, @l, @v NULL
 * when the file has no such column: NULL columns) or breadth (@a, @d) */
typedef struct
{
  const SourceRank *src;
  gint64            id;
  const gint64     *times;
  const double     *o, *h, *l, *c, *v;
  const double     *a, *d;
} RowArrays;

/* Binds row @i of @r as row @row of @stmt (an upsert of one or ALVH_MARKET_BATCH_ROWS
 * rows; the parameters after the ALVH_MARKET_CONST_PARAMS that every row shares) */
typedef void (*BindRow) (sqlite3_stmt *stmt, int row, gsize i, const RowArrays *r);

static void
bind_bar (sqlite3_stmt     *stmt,
          int               row,
          gsize             i,
          const RowArrays  *r)
{
  int k = ALVH_MARKET_CONST_PARAMS + row * ALVH_MARKET_BAR_PARAMS;

  sqlite3_bind_int64 (stmt, k + 1, r->times[i]);
  if (r->o != NULL)
    {
      sqlite3_bind_double (stmt, k + 2, r->o[i]);
      sqlite3_bind_double (stmt, k + 3, r->h[i]);
      sqlite3_bind_double (stmt, k + 4, r->l[i]);
    }
  else
    {
      sqlite3_bind_null (stmt, k + 2);
      sqlite3_bind_null (stmt, k + 3);
      sqlite3_bind_null (stmt, k + 4);
    }
  sqlite3_bind_double (stmt, k + 5, r->c[i]);
  if (r->v != NULL)
    sqlite3_bind_double (stmt, k + 6, r->v[i]);
  else
    sqlite3_bind_null (stmt, k + 6);
}

static void
bind_breadth (sqlite3_stmt     *stmt,
              int               row,
              gsize             i,
              const RowArrays  *r)
{
  int k = ALVH_MARKET_CONST_PARAMS + row * ALVH_MARKET_BREADTH_PARAMS;

  sqlite3_bind_int64 (stmt, k + 1, r->times[i]);
  sqlite3_bind_double (stmt, k + 2, r->a[i]);
  sqlite3_bind_double (stmt, k + 3, r->d[i]);
}

/* checked before each statement, every ALVH_MARKET_BATCH_ROWS rows */
static gboolean
check_cancel (GCancellable  *cancellable,
              GError       **error)
{
  return !(cancellable != NULL && g_cancellable_set_error_if_cancelled (cancellable, error));
}


/* The statements and progress of one import.  Rows go ALVH_MARKET_BATCH_ROWS to a
 * statement (a multi-row VALUES upsert: a third of the SQLite time of one
 * statement per row), the rest one by one. */
typedef struct
{
  AlvhMarketStore *self;
  sqlite3_stmt    *stmts[ALVH_MARKET_N_UPSERTS];  /* from the connection's cache */
  SourceKeeper     keeper;        /* other sources' values, what --prefer replaced */
  GCancellable    *cancellable;
  gboolean         prefer;        /* ALVH_MARKET_IMPORT_PREFER */
} ImportWriter;

/* Rows @from .. @to - 1 of @r into bars, bar_sources or breadth (@which:
 * the statement of one row, the next one of ALVH_MARKET_BATCH_ROWS rows; bound by
 * @bind). */
static gboolean
write_rows (ImportWriter     *w,
            AlvhMarketUpsert  which,
            BindRow           bind,
            const RowArrays  *r,
            gsize             from,
            gsize             to,
            GError          **error)
{
  sqlite3_mutex *mutex = sqlite3_db_mutex (alvh_db_get_handle (w->self->db));
  sqlite3_stmt *one = w->stmts[which], *batch = w->stmts[which + 1];

  alvh_db_bind_values (one, "iIt", r->id, r->src != NULL ? r->src->rank : 0,
                       r->src != NULL ? r->src->source : NULL);
  alvh_db_bind_values (batch, "iIt", r->id, r->src != NULL ? r->src->rank : 0,
                       r->src != NULL ? r->src->source : NULL);
  for (gsize i = from; i < to;)
    {
      gsize k = to - i >= ALVH_MARKET_BATCH_ROWS ? ALVH_MARKET_BATCH_ROWS : 1;
      sqlite3_stmt *stmt = k == ALVH_MARKET_BATCH_ROWS ? batch : one;
      gboolean ok;

      if (!check_cancel (w->cancellable, error))
        return FALSE;
      /* the connection's (recursive) mutex held once for the statement's
       * binds and step, rather than taken and left by each of them */
      sqlite3_mutex_enter (mutex);
      for (gsize j = 0; j < k; j++)
        bind (stmt, (int) j, i + j, r);
      ok = alvh_db_step_reset (w->self->db, stmt, "cannot write a row", error);
      sqlite3_mutex_leave (mutex);
      if (!ok)
        return FALSE;
      i += k;
    }
  return TRUE;
}

/* Whether @sql (parameters: an instrument, a first and a last time) finds
 * a stored row of @r's instrument between its first and its n-th time */
static gboolean
stored_in_range (ImportWriter     *w,
                 const char       *sql,
                 const RowArrays  *r,
                 gsize             n,
                 gboolean         *stored,
                 GError          **error)
{
  return alvh_db_select_row (w->self->db, sql, "cannot look for stored rows", NULL, error, "iii>b",
                             r->id, r->times[0], r->times[n - 1], stored);
}

/* The bars of one instrument, rows 0 .. @n - 1 of @r; a preferred import
 * writes them to bars with rank 0, to bar_sources with its own. */
static gboolean
write_bars (ImportWriter     *w,
            const char       *symbol,
            const RowArrays  *r,
            gsize             n,
            GError          **error)
{
  SourceRank bars_src = *r->src;
  RowArrays to_bars = *r;
  gsize lo = 0, hi = 0;
  gboolean stored = TRUE;

  if (n == 0)
    return TRUE;
  if (w->prefer)
    bars_src.rank = ALVH_MARKET_PREFERRED_RANK;
  to_bars.src = &bars_src;
  if ((w->prefer && !_alvh_market_count_replaced (&w->keeper, symbol, r->id, n, r->times, r->c, error)) ||
      !_alvh_market_others_in_range (&w->keeper, r->src, r->id, n, r->times, &lo, &hi, error) ||
      !stored_in_range (w, "SELECT EXISTS (SELECT 1 FROM bars WHERE instrument_id = ?1 AND time BETWEEN ?2 AND ?3)",
                        r, n, &stored, error) ||
      !write_rows (w, stored ? ALVH_MARKET_UPSERT_BAR : ALVH_MARKET_INSERT_BAR, bind_bar, &to_bars, 0, n, error) ||
      !write_rows (w, ALVH_MARKET_UPSERT_SRC, bind_bar, r, lo, hi, error))
    return FALSE;
  return TRUE;
}

/* What a writer has done for one series of an import: its instruments (one,
 * or one per VX column) and the rows written. */
typedef struct
{
  gint64 ids[16];
  guint  n_ids;
  gsize  written;
} SeriesState;

static gboolean
add_instruments (ImportWriter  *w,
                 SeriesState   *st,
                 const char    *symbol,
                 const char    *kind,
                 AlvhSeries    *series,
                 GError       **error)
{
  if (strcmp (kind, "vx") == 0)
    {
      g_return_val_if_fail (alvh_series_get_n_columns (series) <= G_N_ELEMENTS (st->ids), FALSE);
      for (guint col = 0; col < alvh_series_get_n_columns (series); col++)
        {
          g_autofree char *sym = g_ascii_strup (alvh_series_get_column_name (series, col), -1);

          if (!upsert_instrument (w->self, sym, "future", &st->ids[col], error))
            return FALSE;
        }
      st->n_ids = alvh_series_get_n_columns (series);
      return TRUE;
    }
  g_return_val_if_fail (strcmp (kind, "ohlc") == 0 || strcmp (kind, "close") == 0 ||
                        strcmp (kind, "breadth") == 0, FALSE);
  if (!upsert_instrument (w->self, symbol,
                          strcmp (kind, "breadth") == 0 ? "breadth" : "index", &st->ids[0], error))
    return FALSE;
  st->n_ids = 1;
  return TRUE;
}

/* column @name of @series from row @from on, or NULL */
static const double *
column_from (AlvhSeries *series,
             const char *name,
             gsize       from)
{
  const double *c = alvh_series_get_column_by_name (series, name);

  return c != NULL ? c + from : NULL;
}

/* Rows st->written .. @to - 1 of a series: bars of an index, bars of each VX
 * future, or breadth; its instruments first when it has none yet. */
static gboolean
write_series_rows (ImportWriter  *w,
                   AlvhImportFormat format,
                   SeriesState   *st,
                   const char    *symbol,
                   const char    *kind,
                   AlvhSeries    *series,
                   gsize          to,
                   GError       **error)
{
  gsize from = st->written, n = to - from;
  const gint64 *times = alvh_series_get_times (series) + from;
  SourceRank src = _alvh_market_source_rank (format);

  if (st->n_ids == 0 && !add_instruments (w, st, symbol, kind, series, error))
    return FALSE;
  if (strcmp (kind, "vx") == 0)
    {
      for (guint col = 0; col < st->n_ids; col++)
        {
          RowArrays r = { .src = &src, .id = st->ids[col], .times = times,
                          .c = alvh_series_get_column (series, col) + from };

          if (!write_bars (w, alvh_series_get_column_name (series, col), &r, n, error))
            return FALSE;
        }
    }
  else if (strcmp (kind, "breadth") == 0)
    {
      RowArrays r = { .src = &src, .id = st->ids[0], .times = times,
                      .a = column_from (series, "advancers", from), .d = column_from (series, "decliners", from) };

      gboolean stored = TRUE;

      if (n > 0 &&
          (!stored_in_range (w, "SELECT EXISTS (SELECT 1 FROM breadth WHERE instrument_id = ?1 "
                                "AND time BETWEEN ?2 AND ?3)", &r, n, &stored, error) ||
           !write_rows (w, stored ? ALVH_MARKET_UPSERT_BREADTH : ALVH_MARKET_INSERT_BREADTH, bind_breadth, &r, 0, n, error)))
        return FALSE;
    }
  else
    {
      RowArrays r = { .src = &src, .id = st->ids[0], .times = times,
                      .o = column_from (series, "open", from), .h = column_from (series, "high", from),
                      .l = column_from (series, "low", from), .c = column_from (series, "close", from),
                      .v = column_from (series, "volume", from) };

      if (!write_bars (w, symbol, &r, n, error))
        return FALSE;
    }
  st->written = to;
  return TRUE;
}

/* The rows of @result that @states (one per series, NULL: none written)
 * has not written yet. */
static gboolean
write_rest (ImportWriter      *w,
            AlvhImportResult  *result,
            GArray            *states,
            GError           **error)
{
  for (guint s = 0; s < alvh_import_result_get_n_series (result); s++)
    {
      SeriesState fresh = { 0 };
      SeriesState *st = states != NULL && s < states->len ? &g_array_index (states, SeriesState, s) : &fresh;
      AlvhSeries *series = alvh_import_result_get_series (result, s);

      if (!write_series_rows (w, alvh_import_result_get_format (result), st, alvh_import_result_get_symbol (result, s),
                              alvh_import_result_get_kind (result, s), series,
                              alvh_series_get_length (series), error))
        return FALSE;
    }
  return TRUE;
}

/* The row in imports that says where the data came from (and whether its
 * values won on purpose: @w's flag and what it replaced). */
static gboolean
write_provenance (AlvhMarketStore   *self,
                  ImportWriter      *w,
                  AlvhImportResult  *result,
                  GError           **error)
{
  AlvhMarketConflicts *c = &self->conflicts;

  g_autofree char *symbols = alvh_import_result_dup_symbols (result);
  const AlvhMarketConflicts *r = &w->keeper.replaced;
  gint64 import_id;

  alvh_market_conflicts_clear (c);
  c->preferred = w->prefer;
  c->n_replaced = r->n_replaced;
  c->max_replaced = r->max_replaced;
  c->replaced_symbol = g_strdup (r->replaced_symbol);
  c->replaced_time = r->replaced_time;
  c->replaced_old = r->replaced_old;
  c->replaced_new = r->replaced_new;
  import_id = alvh_db_insert (self->db,
                              "INSERT INTO imports (file, path, sha256, format, symbols, rows, first, last, "
                              "skipped, warnings, gaps, imported_at, preferred, replaced, max_replaced) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                              "cannot record the import", error, "tttttiiiiiiibif",
                              alvh_import_result_get_file (result), alvh_import_result_get_path (result),
                              alvh_import_result_get_sha256 (result), alvh_import_result_get_format_id (result),
                              symbols, (gint64) alvh_import_result_get_n_rows (result),
                              alvh_import_result_get_first (result), alvh_import_result_get_last (result),
                              (gint64) alvh_import_result_get_n_skipped (result),
                              (gint64) alvh_import_result_get_n_warnings (result),
                              (gint64) alvh_import_result_get_n_gaps (result),
                              g_get_real_time () / G_USEC_PER_SEC, w->prefer, (gint64) r->n_replaced,
                              r->n_replaced > 0 ? r->max_replaced : NAN);
  if (import_id <= 0)
    return FALSE;
  return _alvh_market_finish_import (self, result, import_id, &self->conflicts, error);
}

/* Leaves the cached statements reset and unbound for the next user. */
static void
writer_clear (ImportWriter *w)
{
  for (guint i = 0; i < ALVH_MARKET_N_UPSERTS; i++)
    if (w->stmts[i] != NULL)
      alvh_db_cached_stmt_release (w->stmts[i]);
  _alvh_market_source_keeper_clear (&w->keeper);
}

/* The statements of an import, prepared once and reused for every row */
static gboolean
writer_prepare (ImportWriter          *w,
                AlvhMarketStore       *self,
                AlvhMarketImportFlags  flags,
                GCancellable          *cancellable,
                GError               **error)
{
  *w = (ImportWriter) { .self = self, .cancellable = cancellable,
                        .prefer = (flags & ALVH_MARKET_IMPORT_PREFER) != 0 };
  for (guint i = 0; i < ALVH_MARKET_N_UPSERTS; i++)
    if ((w->stmts[i] = alvh_db_prepare_cached (self->db, _alvh_market_upsert_sql (i), error)) == NULL)
      {
        writer_clear (w);
        return FALSE;
      }
  _alvh_market_source_keeper_init (&w->keeper, self->db);
  return TRUE;
}

/* What an import's transaction changes on the connection, to give back */
typedef struct
{
  int      temp_store;
  gboolean outer;       /* the import's own transaction, not a savepoint */
} BulkState;

/* Begins an import's transaction; when it is the outer one, with statement
 * journals in memory: each multi-row upsert keeps the original of the
 * pages it changes until it ends (foreign keys and NOT NULL may abort it),
 * and SQLite would spill those of a 16 KiB-page store to a temporary file,
 * a write per page per statement.  (A larger page cache is no gain: the
 * pages of the rows appended are spilled to the log while the import runs,
 * never read again, and a cache that grows costs more in allocation than
 * the spill.) */
static gboolean
bulk_begin (AlvhMarketStore  *self,
            BulkState        *bulk,
            GError          **error)
{
  *bulk = (BulkState) { 0, alvh_db_in_transaction (self->db) == 0 };
  if (bulk->outer &&
      (!alvh_db_select_row (self->db, "PRAGMA temp_store", "cannot read the temp_store", NULL, error,
                            ">I", &bulk->temp_store) ||
       !alvh_db_exec (self->db, "PRAGMA temp_store = MEMORY", error)))
    return FALSE;
  return alvh_db_begin (self->db, error);
}

/* Ends it (commits when @ok) and gives the connection's setting back */
static gboolean
bulk_end (AlvhMarketStore  *self,
          gboolean          ok,
          const BulkState  *bulk,
          GError          **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA temp_store = %d", bulk->temp_store);
  g_autoptr(GError) pragma_error = NULL;
  gboolean committed = alvh_db_end (self->db, ok, error);

  /* the import is done either way: the setting only moves temporary files */
  if (bulk->outer && !alvh_db_exec (self->db, pragma, &pragma_error))
    g_warning ("%s", pragma_error->message);
  return committed;
}

static gboolean
write_result (AlvhMarketStore   *self,
              AlvhImportResult  *result,
              GCancellable      *cancellable,
              GError           **error)
{
  ImportWriter w;
  gboolean ok;

  if (!writer_prepare (&w, self, ALVH_MARKET_IMPORT_DEFAULT, cancellable, error))
    return FALSE;
  ok = write_rest (&w, result, NULL, error) && write_provenance (self, &w, result, error);
  writer_clear (&w);
  return ok;
}

/* Writes an already parsed file in one transaction; on any error (or when
 * cancelled) the database is left as it was. */
gboolean
alvh_market_store_import_result (AlvhMarketStore   *self,
                                 AlvhImportResult  *result,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  BulkState bulk;

  if (!bulk_begin (self, &bulk, error))
    return FALSE;
  return bulk_end (self, write_result (self, result, cancellable, error), &bulk, error);
}

/* ---- parsing and writing on two threads -------------------------------- */

/* The rows of one series that the parser has handed over */
typedef struct
{
  const char *symbol;
  const char *kind;
  AlvhSeries *series;   /* its arrays do not move: see max_rows */
  gsize       length;
  AlvhImportFormat format;
} SeriesView;

/* alvh_market_store_import_path (): the calling thread parses, a writer
 * thread writes the rows handed over every PROGRESS_ROWS rows, in the one
 * transaction of the import. */
typedef struct
{
  GMutex        lock;
  GCond         cond;
  GArray       *views;        /* SeriesView: the latest hand-over */
  gboolean      fresh;        /* views not yet taken by the writer */
  gboolean      done;         /* the parse has ended */
  GError       *write_error;  /* the writer's failure */
  ImportWriter  w;            /* the writer's, then the caller's */
  GArray       *states;       /* SeriesState per series */
  AlvhImportResult *keep;     /* keeps the views' series alive until the
                               * writer has ended, also when the parse fails */
} ImportPipe;

/* In the parsing thread: hands the rows so far to the writer */
static gboolean
pipe_hand_over (AlvhImportResult  *result,
                gpointer           user_data,
                GError           **error)
{
  ImportPipe *p = user_data;
  gboolean ok;

  g_mutex_lock (&p->lock);
  if (p->keep == NULL)
    p->keep = alvh_import_result_ref (result);
  g_array_set_size (p->views, 0);
  for (guint s = 0; s < alvh_import_result_get_n_series (result); s++)
    {
      SeriesView v = {
        alvh_import_result_get_symbol (result, s), alvh_import_result_get_kind (result, s),
        alvh_import_result_get_series (result, s), 0, alvh_import_result_get_format (result),
      };

      v.length = alvh_series_get_length (v.series);
      g_array_append_val (p->views, v);
    }
  p->fresh = TRUE;
  ok = p->write_error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (p->write_error));
  g_cond_signal (&p->cond);
  g_mutex_unlock (&p->lock);
  return ok;
}

static gboolean
pipe_write_views (ImportPipe  *p,
                  GArray      *views,
                  GError     **error)
{
  if (p->states->len < views->len)
    g_array_set_size (p->states, views->len);
  for (guint i = 0; i < views->len; i++)
    {
      const SeriesView *v = &g_array_index (views, SeriesView, i);

      if (!write_series_rows (&p->w, v->format, &g_array_index (p->states, SeriesState, i),
                              v->symbol, v->kind, v->series, v->length, error))
        return FALSE;
    }
  return TRUE;
}

/* The writer thread: writes each hand-over until the parse has ended */
static gpointer
pipe_writer (gpointer user_data)
{
  ImportPipe *p = user_data;
  g_autoptr(GArray) views = g_array_new (FALSE, FALSE, sizeof (SeriesView));
  gboolean done = FALSE;

  while (!done)
    {
      GError *error = NULL;

      g_mutex_lock (&p->lock);
      while (!p->fresh && !p->done)
        g_cond_wait (&p->cond, &p->lock);
      done = p->done;
      g_array_set_size (views, 0);
      if (p->fresh)
        g_array_append_vals (views, p->views->data, p->views->len);
      p->fresh = FALSE;
      g_mutex_unlock (&p->lock);

      if (!pipe_write_views (p, views, &error))
        {
          g_mutex_lock (&p->lock);
          p->write_error = error;
          g_mutex_unlock (&p->lock);
          break;
        }
    }
  return NULL;
}

/* Parses @path with the writer thread running; the result, or NULL with
 * @error set by the parse or the writer */
static AlvhImportResult *
pipe_run (ImportPipe    *p,
          const char    *path,
          const char    *symbol_hint,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(AlvhImportResult) result = NULL;
  GThread *writer;

  g_mutex_init (&p->lock);
  g_cond_init (&p->cond);
  p->views = g_array_new (FALSE, FALSE, sizeof (SeriesView));
  p->states = g_array_new (FALSE, TRUE, sizeof (SeriesState));
  writer = g_thread_new ("alvh-import-writer", pipe_writer, p);
  result = _alvh_import_file_with_progress (path, symbol_hint, cancellable, pipe_hand_over, p, error);
  g_mutex_lock (&p->lock);
  p->done = TRUE;
  g_cond_signal (&p->cond);
  g_mutex_unlock (&p->lock);
  g_thread_join (writer);

  if (result != NULL && p->write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&p->write_error));
      return NULL;
    }
  return g_steal_pointer (&result);
}

static void
pipe_clear (ImportPipe *p)
{
  writer_clear (&p->w);
  g_clear_error (&p->write_error);
  g_clear_pointer (&p->views, g_array_unref);
  g_clear_pointer (&p->states, g_array_unref);
  g_clear_pointer (&p->keep, alvh_import_result_unref);
  g_mutex_clear (&p->lock);
  g_cond_clear (&p->cond);
}

gboolean
alvh_market_store_import_path_full (AlvhMarketStore      *self,
                                    const char           *path,
                                    const char           *symbol_hint,
                                    AlvhMarketImportFlags flags,
                                    GCancellable         *cancellable,
                                    AlvhImportResult    **out_result,
                                    GError              **error)
{
  g_autoptr(AlvhImportResult) result = NULL;
  ImportPipe p = { 0 };
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  BulkState bulk;

  if (!bulk_begin (self, &bulk, error))
    return FALSE;
  if (!writer_prepare (&p.w, self, flags, cancellable, error))
    return bulk_end (self, FALSE, &bulk, error);
  result = pipe_run (&p, path, symbol_hint, cancellable, error);
  ok = result != NULL &&
       write_rest (&p.w, result, p.states, error) &&
       write_provenance (self, &p.w, result, error);
  pipe_clear (&p);
  if (!bulk_end (self, ok, &bulk, error))
    return FALSE;
  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
  return TRUE;
}

gboolean
alvh_market_store_import_path (AlvhMarketStore   *self,
                               const char        *path,
                               const char        *symbol_hint,
                               GCancellable      *cancellable,
                               AlvhImportResult **out_result,
                               GError           **error)
{
  return alvh_market_store_import_path_full (self, path, symbol_hint, ALVH_MARKET_IMPORT_DEFAULT,
                                             cancellable, out_result, error);
}

gboolean
alvh_market_store_import_file (AlvhMarketStore   *self,
                               const char        *path,
                               GCancellable      *cancellable,
                               AlvhImportResult **out_result,
                               GError           **error)
{
  return alvh_market_store_import_path (self, path, NULL, cancellable, out_result, error);
}

static gboolean
lookup_instrument (AlvhMarketStore  *self,
                   const char       *symbol,
                   gint64           *id,
                   char            **kind,
                   GError          **error)
{
  gboolean found = FALSE;

  if (!alvh_db_select_row (self->db, "SELECT id, kind FROM instruments WHERE symbol = ?1",
                           "cannot look up an instrument", &found, error, "t>it", symbol, id, kind))
    return FALSE;
  if (found)
    return TRUE;
  g_set_error (error, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_NOT_FOUND,
               "%s: no instrument “%s” (import a file with it first, e.g. `alvh import FILE`)",
               self->path, symbol);
  return FALSE;
}

/* Appends the row (time, then the series' columns) to the series */
static gboolean
append_bar_cb (sqlite3_stmt  *stmt,
               gpointer       user_data,
               GError       **error)
{
  AlvhSeries *series = user_data;
  guint nc = alvh_series_get_n_columns (series);
  double v[5];

  for (guint c = 0; c < nc; c++)
    v[c] = sqlite3_column_double (stmt, (int) c + 1);
  return alvh_series_append (series, sqlite3_column_int64 (stmt, 0), v, error);
}

/* The query of @symbol's rows (parameters: its id, VX2's id, from, to) and
 * a new empty series with its columns, or NULL with @error set */
static const char *
series_query (AlvhMarketStore  *self,
              const char       *symbol,
              gint64           *id,
              gint64           *id2,
              AlvhSeries      **series,
              GError          **error)
{
  static const char * const vx_cols[] = { "vx1", "vx2", NULL };
  static const char * const breadth_cols[] = { "advancers", "decliners", NULL };
  static const char * const ohlc[] = { "open", "high", "low", "close", NULL };
  static const char * const ohlcv[] = { "open", "high", "low", "close", "volume", NULL };
  g_autofree char *kind = NULL;
  g_autofree char *kind2 = NULL;
  gboolean has_volume = FALSE;

  if (strcmp (symbol, "VX") == 0)
    {
      if (!lookup_instrument (self, "VX1", id, &kind, error) ||
          !lookup_instrument (self, "VX2", id2, &kind2, error))
        return NULL;
      *series = alvh_series_new (symbol, vx_cols);
      return "SELECT a.time, a.close, b.close FROM bars a "
             "JOIN bars b ON b.instrument_id = ?2 AND b.time = a.time "
             "WHERE a.instrument_id = ?1 AND a.time BETWEEN ?3 AND ?4 ORDER BY a.time";
    }
  if (!lookup_instrument (self, symbol, id, &kind, error))
    return NULL;
  if (strcmp (kind, "breadth") == 0)
    {
      *series = alvh_series_new (symbol, breadth_cols);
      return "SELECT time, advancers, decliners FROM breadth "
             "WHERE instrument_id = ?1 AND time BETWEEN ?3 AND ?4 ORDER BY time";
    }
  if (!alvh_db_select_row (self->db,
                           "SELECT EXISTS (SELECT 1 FROM bars WHERE instrument_id = ?1 AND volume IS NOT NULL)",
                           "cannot read bars", NULL, error, "i>b", *id, &has_volume))
    return NULL;
  *series = alvh_series_new (symbol, has_volume ? ohlcv : ohlc);
  return "SELECT time, coalesce (open, close), coalesce (high, close), "
         "coalesce (low, close), close, coalesce (volume, 0) FROM bars "
         "WHERE instrument_id = ?1 AND time BETWEEN ?3 AND ?4 ORDER BY time";
}

AlvhSeries *
alvh_market_store_load_series (AlvhMarketStore  *self,
                               const char       *symbol,
                               gint64            from,
                               gint64            to,
                               GError          **error)
{
  g_autoptr(AlvhSeries) series = NULL;
  gint64 id = 0, id2 = 0;
  const char *sql;

  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), NULL);
  g_return_val_if_fail (symbol != NULL, NULL);

  sql = series_query (self, symbol, &id, &id2, &series, error);
  if (sql == NULL)
    return NULL;
  {
    const gint64 params[] = { id, id2, from, to };

    if (!alvh_db_each_row (self->db, sql, params, G_N_ELEMENTS (params), append_bar_cb, series,
                           "cannot read bars", error))
      return NULL;
  }
  return g_steal_pointer (&series);
}

void
alvh_market_instrument_free (AlvhMarketInstrument *self)
{
  if (self == NULL)
    return;
  g_free (self->symbol);
  g_free (self->kind);
  g_free (self->name);
  g_free (self);
}

void
alvh_market_import_free (AlvhMarketImport *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->sha256);
  g_free (self->format);
  g_free (self->symbols);
  g_free (self);
}

/* Reads one record from the current row of a statement. */
static AlvhMarketInstrument *
instrument_from_row (sqlite3_stmt *stmt)
{
  AlvhMarketInstrument *in = g_new0 (AlvhMarketInstrument, 1);

  alvh_db_read_columns (stmt, "tttiii", &in->symbol, &in->kind, &in->name, &in->n_rows, &in->first, &in->last);
  return in;
}

static AlvhMarketImport *
import_from_row (sqlite3_stmt *stmt)
{
  AlvhMarketImport *im = g_new0 (AlvhMarketImport, 1);

  alvh_db_read_columns (stmt, "ittttiiiiiiibid", &im->id, &im->file, &im->sha256, &im->format, &im->symbols,
                        &im->rows, &im->first, &im->last, &im->skipped, &im->warnings, &im->gaps,
                        &im->imported_at, &im->preferred, &im->replaced, &im->max_replaced);
  return im;
}

/* AlvhMarketInstrument, ordered by symbol */
GPtrArray *
alvh_market_store_list_instruments (AlvhMarketStore  *self,
                                    GError          **error)
{
  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), NULL);

  return alvh_db_list_rows (self->db,
                    "SELECT i.symbol, i.kind, i.name, "
                    "  coalesce (b.n, r.n, 0), coalesce (b.first, r.first, 0), coalesce (b.last, r.last, 0) "
                    "FROM instruments i "
                    "LEFT JOIN (SELECT instrument_id, count(*) AS n, min(time) AS first, max(time) AS last "
                    "           FROM bars GROUP BY instrument_id) b ON b.instrument_id = i.id "
                    "LEFT JOIN (SELECT instrument_id, count(*) AS n, min(time) AS first, max(time) AS last "
                    "           FROM breadth GROUP BY instrument_id) r ON r.instrument_id = i.id "
                    "ORDER BY i.symbol",
                    NULL, 0,
                    (GDestroyNotify) alvh_market_instrument_free, (AlvhDbRowReader) instrument_from_row,
                    "cannot list instruments", error);
}

/* AlvhMarketImport, oldest first */
GPtrArray *
alvh_market_store_list_imports (AlvhMarketStore  *self,
                                GError          **error)
{
  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), NULL);

  return alvh_db_list_rows (self->db,
                    "SELECT id, file, sha256, format, symbols, rows, coalesce (first, 0), "
                    "coalesce (last, 0), skipped, warnings, gaps, imported_at, "
                    "preferred, replaced, coalesce (max_replaced, 0) "
                    "FROM imports ORDER BY id",
                    NULL, 0,
                    (GDestroyNotify) alvh_market_import_free, (AlvhDbRowReader) import_from_row,
                    "cannot list imports", error);
}

/* Rows of one instrument (bars or breadth), or of all when symbol is NULL */
gint64
alvh_market_store_count_rows (AlvhMarketStore  *self,
                              const char       *symbol,
                              GError          **error)
{
  gint64 n = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), -1);

  if (!alvh_db_select_row (self->db,
                           "SELECT (SELECT count(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id "
                           "        WHERE ?1 IS NULL OR i.symbol = ?1) + "
                           "       (SELECT count(*) FROM breadth b JOIN instruments i ON i.id = b.instrument_id "
                           "        WHERE ?1 IS NULL OR i.symbol = ?1)",
                           "cannot count rows", &found, error, "t>i", symbol, &n))
    return -1;
  if (!found)
    {
      alvh_db_set_error (self->db, error, "cannot count rows");
      return -1;
    }
  return n;
}
