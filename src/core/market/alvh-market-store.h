/* alvh-market-store.h — the SQLite market store (market.sqlite)
 *
 * One file holds instruments, daily bars, breadth rows and the provenance of
 * every import.  The connection runs in WAL mode with foreign keys on; the
 * schema version lives in PRAGMA user_version and is brought up to date by a
 * list of migrations.  A database written by a newer version is refused and
 * left untouched.  An import is all-or-nothing (one BEGIN IMMEDIATE ...
 * COMMIT); importing overlapping data again updates rows in place.
 *
 * Instruments: kind "index" (bars: open, high, low, close, volume; a bar that
 * only has a close keeps open/high/low NULL), kind "future" (VX1..VX8: the
 * settle in close), kind "breadth" (advancers, decliners).
 * alvh_market_store_load_series () returns for
 *   "index"/"future": open, high, low, close [, volume when the instrument has any]
 *                     (missing open/high/low = close);
 *   "breadth":        advancers, decliners;
 *   the pseudo symbol "VX": vx1, vx2 (VX1 and VX2 joined on dates both have).
 * Times are UTC seconds; daily rows are New York midnight.
 * Sources never overwrite each other by accident: the values of every
 * source but the bar's own are kept (table bar_sources), and the stored bar is that of the source
 * with the lowest rank (Cboe histories and CFE settles before Yahoo, Stooq
 * and other OHLC files, all before the term-structure file's VIX, SP500 and
 * VX columns), whatever the order of the imports; a tie goes to the later
 * import.  Each import counts the values other sources give differently
 * (alvh_market_store_get_conflicts()).  An import with
 * %ALVH_MARKET_IMPORT_PREFER (`alvh import --prefer`) wins on purpose.
 * Option chains (a Cboe download) are
 * stored per session, expiry and strike (alvh_market_store_load_chain()).
 */
#pragma once

#include <gio/gio.h>

#include "alvh-chain-set.h"
#include "alvh-import.h"
#include "alvh-store-mode.h"
#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_MARKET_STORE_SCHEMA_VERSION 3

#define ALVH_TYPE_MARKET_STORE (alvh_market_store_get_type ())
#define ALVH_MARKET_STORE_ERROR (alvh_market_store_error_quark ())

G_DECLARE_FINAL_TYPE (AlvhMarketStore, alvh_market_store, ALVH, MARKET_STORE, GObject)

typedef enum
{
  ALVH_MARKET_STORE_ERROR_SQLITE,     /* the database reported an error */
  ALVH_MARKET_STORE_ERROR_TOO_NEW,    /* schema newer than this program */
  ALVH_MARKET_STORE_ERROR_NOT_FOUND,  /* unknown symbol */
  ALVH_MARKET_STORE_ERROR_MISSING,    /* no file there, and the mode does not create one */
  ALVH_MARKET_STORE_ERROR_NOT_OURS,   /* not a market store (a journal, another program's, ...): refused */
  ALVH_MARKET_STORE_ERROR_CORRUPT,    /* PRAGMA quick_check found damage: refused, a copy saved */
} AlvhMarketStoreError;

typedef struct
{
  char   *symbol;
  char   *kind;
  char   *name;
  gint64  n_rows;
  gint64  first;     /* 0 when there are no rows */
  gint64  last;
} AlvhMarketInstrument;

typedef struct
{
  gint64  id;
  char   *file;
  char   *sha256;
  char   *format;
  char   *symbols;
  gint64  rows;
  gint64  first;
  gint64  last;
  gint64  skipped;
  gint64  warnings;
  gint64  gaps;
  gint64  imported_at;  /* UTC seconds */
  gboolean preferred;   /* imported with %ALVH_MARKET_IMPORT_PREFER (schema 3) */
  gint64  replaced;     /* closes it replaced on purpose */
  double  max_replaced; /* the largest |change| of those (0 when none) */
} AlvhMarketImport;

/**
 * AlvhMarketImportFlags:
 * @ALVH_MARKET_IMPORT_DEFAULT: sources ranked: a primary history is never
 *   overwritten by a derived file
 * @ALVH_MARKET_IMPORT_PREFER: the file's values win over the stored ones on
 *   purpose, whatever their source, and keep winning over later imports
 *   without this flag (rank 0); the values they replace stay in
 *   bar_sources, and the import's provenance row says it was preferred
 */
typedef enum
{
  ALVH_MARKET_IMPORT_DEFAULT = 0,
  ALVH_MARKET_IMPORT_PREFER  = 1 << 0,
} AlvhMarketImportFlags;

/* The values of an import's instruments that two sources give differently
 * (|difference| above 1e-6): the stored one is that of the source with the
 * lower rank (see alvh-market-chains.c), the others are kept apart. */
typedef struct
{
  gint64  n;            /* differing values on the import's instruments */
  double  max_abs;      /* the largest |difference| of a close */
  char   *symbol;       /* where it is (NULL when n is 0) */
  gint64  time;
  double  kept, other;  /* the stored close and the other source's */
  char   *kept_source, *other_source;  /* format ids */
  /* an import with %ALVH_MARKET_IMPORT_PREFER: the stored closes it changed
   * (by half a cent or more), the largest change and where */
  gboolean preferred;
  gint64  n_replaced;
  double  max_replaced;
  char   *replaced_symbol;  /* NULL when n_replaced is 0 */
  gint64  replaced_time;
  double  replaced_old, replaced_new;
} AlvhMarketConflicts;

GQuark            alvh_market_store_error_quark      (void);
/* Frees the strings of @self and zeroes it. */
void              alvh_market_conflicts_clear        (AlvhMarketConflicts *self);
/* Each takes a (nullable) (transfer full) record and frees it. */
void              alvh_market_instrument_free        (AlvhMarketInstrument *self);
void              alvh_market_import_free            (AlvhMarketImport     *self);

/**
 * alvh_market_store_open:
 * @path: the database file; created (mode 0600) when absent
 * @error: return location for a #GError
 *
 * Opens the market store for writing, creating it when absent, and migrates
 * it to the current schema, one step per transaction: the same as
 * alvh_market_store_open_mode() with %ALVH_STORE_CREATE.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AlvhMarketStore  *alvh_market_store_open             (const char        *path,
                                                      GError           **error);

/**
 * alvh_market_store_open_mode:
 * @path: the database file
 * @mode: read only, read and write an existing file, or create when missing
 * @error: return location for a #GError
 *
 * Opens the market store at @path.  A missing file is
 * %ALVH_MARKET_STORE_ERROR_MISSING unless @mode creates it (atomically, 0600).
 * A file that is not a market store (%ALVH_MARKET_STORE_ERROR_NOT_OURS), one
 * written by a newer ALVH Desk (%ALVH_MARKET_STORE_ERROR_TOO_NEW) and a
 * damaged one (%ALVH_MARKET_STORE_ERROR_CORRUPT; a copy is saved beside it)
 * are refused and left unchanged.  With %ALVH_STORE_READ every write fails.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AlvhMarketStore  *alvh_market_store_open_mode        (const char        *path,
                                                      AlvhStoreMode      mode,
                                                      GError           **error);

/**
 * alvh_market_store_was_created:
 * @self: the store
 *
 * Returns: whether opening it created the file
 */
gboolean          alvh_market_store_was_created      (AlvhMarketStore   *self);

/**
 * alvh_market_store_get_path:
 * @self: the store
 *
 * Returns: (transfer none): the file it was opened on
 */
const char       *alvh_market_store_get_path         (AlvhMarketStore   *self);

/**
 * alvh_market_store_get_schema_version:
 * @self: the store
 *
 * Returns: the schema version of the open file
 */
int               alvh_market_store_get_schema_version (AlvhMarketStore *self);

/**
 * alvh_market_store_import_path:
 * @self: the store
 * @path: a market data file (its format is detected from its header)
 * @symbol_hint: (nullable): as for alvh_import_file()
 * @cancellable: (nullable): cancels the import
 * @out_result: (out) (optional) (transfer full): the parsed file
 * @error: return location for a #GError
 *
 * Parses @path and writes it in one transaction, as alvh_import_file() and
 * alvh_market_store_import_result() do one after the other, but with the
 * rows written on a second thread while the file is still being parsed.
 * The transaction is held from the start of the parse.
 *
 * Returns: %TRUE on success; on failure (of the parse too) nothing was
 *   written
 */
gboolean          alvh_market_store_import_path      (AlvhMarketStore   *self,
                                                      const char        *path,
                                                      const char        *symbol_hint,
                                                      GCancellable      *cancellable,
                                                      AlvhImportResult **out_result,
                                                      GError           **error);

/**
 * alvh_market_store_import_path_full:
 * @self: the store
 * @path: a market data file (its format is detected from its header)
 * @symbol_hint: (nullable): as for alvh_import_file()
 * @flags: %ALVH_MARKET_IMPORT_PREFER lets the file's values win on purpose
 * @cancellable: (nullable): cancels the import
 * @out_result: (out) (optional) (transfer full): the parsed file
 * @error: return location for a #GError
 *
 * alvh_market_store_import_path() with @flags; what a preferred import
 * replaced is in alvh_market_store_get_conflicts().
 *
 * Returns: %TRUE on success; on failure (of the parse too) nothing was
 *   written
 */
gboolean          alvh_market_store_import_path_full (AlvhMarketStore      *self,
                                                      const char           *path,
                                                      const char           *symbol_hint,
                                                      AlvhMarketImportFlags flags,
                                                      GCancellable         *cancellable,
                                                      AlvhImportResult    **out_result,
                                                      GError              **error);

/**
 * alvh_market_store_import_file:
 * @self: the store
 * @path: a market data file (its format is detected from its header)
 * @cancellable: (nullable): cancels the import
 * @out_result: (out) (optional) (transfer full): the parsed file
 * @error: return location for a #GError
 *
 * alvh_market_store_import_path() without a symbol hint.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean          alvh_market_store_import_file      (AlvhMarketStore   *self,
                                                      const char        *path,
                                                      GCancellable      *cancellable,
                                                      AlvhImportResult **out_result,
                                                      GError           **error);

/**
 * alvh_market_store_import_result:
 * @self: the store
 * @result: an already parsed file
 * @cancellable: (nullable): cancels the import
 * @error: return location for a #GError
 *
 * Writes the series of @result and a row recording where they came from, in
 * one transaction; rows already stored for the same dates are updated.
 *
 * Returns: %TRUE on success; on failure (or when cancelled) the database is
 *   left as it was
 */
gboolean          alvh_market_store_import_result    (AlvhMarketStore   *self,
                                                      AlvhImportResult  *result,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

/**
 * alvh_market_store_load_series:
 * @self: the store
 * @symbol: an instrument ("SPX", "VIX", "VX1" ...) or the pseudo symbol "VX"
 * @from: the first time, included
 * @to: the last time, included
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the bars in [@from, @to] with the
 *   columns described above, or %NULL with @error
 *   (%ALVH_MARKET_STORE_ERROR_NOT_FOUND for an unknown symbol)
 */
AlvhSeries       *alvh_market_store_load_series      (AlvhMarketStore   *self,
                                                      const char        *symbol,
                                                      gint64             from,
                                                      gint64             to,
                                                      GError           **error);

/**
 * alvh_market_store_list_instruments:
 * @self: the store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AlvhMarketInstrument) (nullable):
 *   the instruments by symbol with their row counts and date ranges, or
 *   %NULL with @error set
 */
GPtrArray        *alvh_market_store_list_instruments (AlvhMarketStore   *self,
                                                      GError           **error);

/**
 * alvh_market_store_list_imports:
 * @self: the store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AlvhMarketImport) (nullable): every
 *   import, oldest first, or %NULL with @error set
 */
GPtrArray        *alvh_market_store_list_imports     (AlvhMarketStore   *self,
                                                      GError           **error);

/**
 * alvh_market_store_count_rows:
 * @self: the store
 * @symbol: (nullable): one instrument, or %NULL for all
 * @error: return location for a #GError
 *
 * Returns: the rows (bars or breadth), or -1 with @error set
 */
gint64            alvh_market_store_count_rows       (AlvhMarketStore   *self,
                                                      const char        *symbol,
                                                      GError           **error);

/**
 * alvh_market_store_get_conflicts:
 * @self: the store
 *
 * Returns: (transfer none): what the last import of @self found that other
 *   sources give differently
 */
const AlvhMarketConflicts *alvh_market_store_get_conflicts (AlvhMarketStore *self);

/**
 * alvh_market_store_load_chain:
 * @self: the store
 * @underlying: the underlying ("SPX")
 * @date: any time on a New York date; a day without a session means the
 *   last session before it
 * @error: return location for a #GError
 *
 * The option chain stored for that session (every file of that date
 * together, quoted at the latest of their times), computed as a parsed
 * download is.
 *
 * Returns: (transfer full) (nullable): the chain, or %NULL with @error set
 *   (%ALVH_MARKET_STORE_ERROR_NOT_FOUND when none is stored)
 */
AlvhOptionChain  *alvh_market_store_load_chain       (AlvhMarketStore   *self,
                                                      const char        *underlying,
                                                      gint64             date,
                                                      GError           **error);

/**
 * alvh_market_store_list_chain_dates:
 * @self: the store
 * @underlying: the underlying ("SPX")
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the sessions
 *   with a stored chain (New York midnights), oldest first
 */
GArray           *alvh_market_store_list_chain_dates (AlvhMarketStore   *self,
                                                      const char        *underlying,
                                                      GError           **error);

/**
 * alvh_market_store_load_chains:
 * @self: the store
 * @underlying: the underlying ("SPX")
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): every stored chain of @underlying
 *   (an empty set when there is none), or %NULL with @error set
 */
AlvhChainSet     *alvh_market_store_load_chains      (AlvhMarketStore   *self,
                                                      const char        *underlying,
                                                      GError           **error);

/**
 * alvh_market_store_load_vx_contracts:
 * @self: the store
 * @from: the first trade date, included
 * @to: the last trade date, included
 * @error: return location for a #GError
 *
 * The VIX futures settles by contract (imported from CFE per-contract
 * files): the term structure of any date, each future by its own expiry.
 *
 * Returns: (transfer full) (element-type AlvhVxSettle) (nullable): the
 *   settles by trade date, then expiry (empty when none), or %NULL with
 *   @error set
 */
GArray           *alvh_market_store_load_vx_contracts (AlvhMarketStore  *self,
                                                       gint64            from,
                                                       gint64            to,
                                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhMarketInstrument, alvh_market_instrument_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhMarketImport, alvh_market_import_free)

G_END_DECLS
