/* alvh-market-store-private.h — what the market store shares with its
 * chain and source-precedence parts (alvh-market-chains.c)
 */
#pragma once

#include "alvh-db.h"
#include "alvh-market-store.h"

G_BEGIN_DECLS

/* The tables of option chains (schema version 2): one row per session,
 * underlying, expiry (AM/PM apart) and strike, with the call and the put. */
#define ALVH_MARKET_CHAINS_SCHEMA \
  "CREATE TABLE option_quotes (" \
  "  underlying TEXT NOT NULL," \
  "  date       INTEGER NOT NULL," \
  "  expiry     INTEGER NOT NULL," \
  "  pm         INTEGER NOT NULL," \
  "  strike     REAL NOT NULL," \
  "  quote_time INTEGER NOT NULL," \
  "  spot       REAL NOT NULL," \
  "  c_last REAL, c_net REAL, c_bid REAL, c_ask REAL, c_volume REAL, c_oi REAL," \
  "  c_iv REAL, c_delta REAL, c_gamma REAL," \
  "  p_last REAL, p_net REAL, p_bid REAL, p_ask REAL, p_volume REAL, p_oi REAL," \
  "  p_iv REAL, p_delta REAL, p_gamma REAL," \
  "  import_id INTEGER REFERENCES imports (id)," \
  "  PRIMARY KEY (underlying, date, expiry, pm, strike)" \
  ") WITHOUT ROWID;" \
  "CREATE TABLE vx_contracts (" \
  "  expiry  INTEGER NOT NULL," \
  "  time    INTEGER NOT NULL," \
  "  settle  REAL NOT NULL," \
  "  import_id INTEGER REFERENCES imports (id)," \
  "  PRIMARY KEY (expiry, time)" \
  ") WITHOUT ROWID;"

/* a close differs when it is half a cent or more away: Yahoo's float32
 * artefacts and a file's rounding to cents do not count */
#define ALVH_MARKET_CONFLICT_EPSILON 0.005

/* An import's writes: ALVH_MARKET_BATCH_ROWS rows a statement (the rest one
 * by one); parameters ?1 instrument_id, ?2 rank and ?3 source are the same
 * in every row (bound once per series), then each row's own: a bar's time,
 * open, high, low, close and volume, a breadth row's time, advancers and
 * decliners. */
#define ALVH_MARKET_BATCH_ROWS      256
#define ALVH_MARKET_CONST_PARAMS    3
#define ALVH_MARKET_BAR_PARAMS      6
#define ALVH_MARKET_BREADTH_PARAMS  3

/* The statements of an import, each of one row and (the next one) of
 * ALVH_MARKET_BATCH_ROWS rows: upserts and, for a range with no stored
 * rows, plain inserts (one b-tree search a row instead of two). */
typedef enum
{
  ALVH_MARKET_UPSERT_BAR,
  ALVH_MARKET_UPSERT_BARS,
  ALVH_MARKET_UPSERT_SRC,
  ALVH_MARKET_UPSERT_SRCS,
  ALVH_MARKET_UPSERT_BREADTH,
  ALVH_MARKET_UPSERT_BREADTHS,
  ALVH_MARKET_INSERT_BAR,
  ALVH_MARKET_INSERT_BARS,
  ALVH_MARKET_INSERT_BREADTH,
  ALVH_MARKET_INSERT_BREADTHS,
  ALVH_MARKET_N_UPSERTS
} AlvhMarketUpsert;

/* The SQL of @which, built once per process (alvh-market-upserts.c): its
 * address is the key of the connection's statement cache, so each is
 * prepared once per connection and every import reuses it. */
const char *_alvh_market_upsert_sql      (AlvhMarketUpsert  which);

/* The rank of a value chosen on purpose (ALVH_MARKET_IMPORT_PREFER) */
#define ALVH_MARKET_PREFERRED_RANK 0

/* Where a bar's values come from: the lower rank wins whatever the order of
 * the imports; @source is the format's id */
typedef struct
{
  int         rank;
  const char *source;
} SourceRank;

SourceRank  _alvh_market_source_rank     (AlvhImportFormat  format);

AlvhDb     *_alvh_market_store_get_db    (AlvhMarketStore  *self);

/* The connection an import uses to keep other sources' values apart in
 * bar_sources, and what a preferred import replaced (alvh-market-chains.c) */
typedef struct
{
  AlvhDb       *db;
  AlvhMarketConflicts replaced;
} SourceKeeper;

void        _alvh_market_source_keeper_init  (SourceKeeper      *k,
                                              AlvhDb            *db);
void        _alvh_market_source_keeper_clear (SourceKeeper      *k);
gboolean    _alvh_market_others_in_range     (SourceKeeper      *k,
                                              const SourceRank  *src,
                                              gint64             id,
                                              gsize              n,
                                              const gint64      *times,
                                              gsize             *lo,
                                              gsize             *hi,
                                              GError           **error);
gboolean    _alvh_market_count_replaced      (SourceKeeper      *k,
                                              const char        *symbol,
                                              gint64             id,
                                              gsize              n,
                                              const gint64      *times,
                                              const double      *c,
                                              GError           **error);

/* After the provenance row @import_id of @result: writes its chain (if any)
 * and counts the values on its instruments that other sources give
 * differently, into the imports row and @out (cleared before, by the
 * caller, which has set what a preferred import replaced). */
gboolean    _alvh_market_finish_import   (AlvhMarketStore        *self,
                                          AlvhImportResult       *result,
                                          gint64                  import_id,
                                          AlvhMarketConflicts    *out,
                                          GError                **error);

G_END_DECLS
