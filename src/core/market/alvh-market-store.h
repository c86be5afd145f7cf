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
 */
#pragma once

#include <gio/gio.h>

#include "alvh-import.h"
#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_MARKET_STORE_SCHEMA_VERSION 1

#define ALVH_TYPE_MARKET_STORE (alvh_market_store_get_type ())
#define ALVH_MARKET_STORE_ERROR (alvh_market_store_error_quark ())

G_DECLARE_FINAL_TYPE (AlvhMarketStore, alvh_market_store, ALVH, MARKET_STORE, GObject)

typedef enum
{
  ALVH_MARKET_STORE_ERROR_SQLITE,     /* the database reported an error */
  ALVH_MARKET_STORE_ERROR_TOO_NEW,    /* schema newer than this program */
  ALVH_MARKET_STORE_ERROR_NOT_FOUND,  /* unknown symbol */
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
} AlvhMarketImport;

GQuark            alvh_market_store_error_quark      (void);
void              alvh_market_instrument_free        (AlvhMarketInstrument *self);
void              alvh_market_import_free            (AlvhMarketImport     *self);

AlvhMarketStore  *alvh_market_store_open             (const char        *path,
                                                      GError           **error);
const char       *alvh_market_store_get_path         (AlvhMarketStore   *self);
int               alvh_market_store_get_schema_version (AlvhMarketStore *self);
gboolean          alvh_market_store_import_file      (AlvhMarketStore   *self,
                                                      const char        *path,
                                                      GCancellable      *cancellable,
                                                      AlvhImportResult **out_result,
                                                      GError           **error);
gboolean          alvh_market_store_import_result    (AlvhMarketStore   *self,
                                                      AlvhImportResult  *result,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
AlvhSeries       *alvh_market_store_load_series      (AlvhMarketStore   *self,
                                                      const char        *symbol,
                                                      gint64             from,
                                                      gint64             to,
                                                      GError           **error);
GPtrArray        *alvh_market_store_list_instruments (AlvhMarketStore   *self,
                                                      GError           **error);
GPtrArray        *alvh_market_store_list_imports     (AlvhMarketStore   *self,
                                                      GError           **error);
gint64            alvh_market_store_count_rows       (AlvhMarketStore   *self,
                                                      const char        *symbol,
                                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhMarketInstrument, alvh_market_instrument_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhMarketImport, alvh_market_import_free)

G_END_DECLS
