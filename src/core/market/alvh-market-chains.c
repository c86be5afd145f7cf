/* alvh-market-chains.c — the market store's option chains, source ranks and
 * how an import keeps the values of other sources apart (bar_sources)
 *
 * A Cboe chain download is stored per session (the last NYSE session closed
 * at or before the file's stamp), expiry (AM and PM apart) and strike; a
 * second download of the same session adds its expiries and updates the
 * strikes both hold.
 *
 * Source ranks (the lower wins, see alvh-market-store.h): Cboe's own
 * histories and CFE per-contract settles 10; Yahoo 11; Stooq and VX1/VX2
 * settle files 12; yfinance 13; other OHLC files 14; breadth 15; the
 * term-structure file (its VIX, VX1..VX8 and SP500 columns are derived
 * copies, with the SP500 rounded) 20.  A file imported with
 * ALVH_MARKET_IMPORT_PREFER writes its bars with rank 0: chosen on purpose,
 * they stay until another preferred import replaces them.
 */
#define G_LOG_DOMAIN "alvh-market-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "alvh-market-store-private.h"
#include "alvh-calendar.h"
#include "alvh-time.h"


SourceRank
_alvh_market_source_rank (AlvhImportFormat format)
{
  static const int ranks[] = {
    [ALVH_IMPORT_FORMAT_UNKNOWN] = 14,
    [ALVH_IMPORT_FORMAT_CBOE_OHLC] = 10,
    [ALVH_IMPORT_FORMAT_CBOE_CLOSE] = 10,
    [ALVH_IMPORT_FORMAT_YAHOO] = 11,
    [ALVH_IMPORT_FORMAT_YFINANCE] = 13,
    [ALVH_IMPORT_FORMAT_STOOQ] = 12,
    [ALVH_IMPORT_FORMAT_GENERIC_OHLC] = 14,
    [ALVH_IMPORT_FORMAT_VX_SETTLES] = 12,
    [ALVH_IMPORT_FORMAT_TERM_STRUCTURE] = 20,
    [ALVH_IMPORT_FORMAT_CFE_CONTRACTS] = 10,
    [ALVH_IMPORT_FORMAT_BREADTH] = 15,
    [ALVH_IMPORT_FORMAT_CBOE_CHAIN] = 10,
  };
  SourceRank r = { 14, alvh_import_format_id (format) };

  if ((guint) format < G_N_ELEMENTS (ranks))
    r.rank = ranks[format];
  return r;
}

void
alvh_market_conflicts_clear (AlvhMarketConflicts *self)
{
  g_free (self->symbol);
  g_free (self->kept_source);
  g_free (self->other_source);
  g_free (self->replaced_symbol);
  memset (self, 0, sizeof *self);
}

/* ---- keeping sources apart while an import writes ------------------- */

/* bars of another source than ?4 on instrument ?1 in [?2, ?3]; a bar of
 * schema 1 has no source ("unknown" in bar_sources) */
#define OTHERS_WHERE "WHERE instrument_id = ?1 AND time BETWEEN ?2 AND ?3 AND source IS NOT ?4"
static const char others_sql[] = "SELECT min (time) IS NOT NULL, min (time), max (time) FROM bars " OTHERS_WHERE;
static const char keep_others_sql[] =
  "INSERT INTO bar_sources (instrument_id, time, source, open, high, low, close, volume, rank) "
  "SELECT instrument_id, time, coalesce (source, 'unknown'), open, high, low, close, volume, rank "
  "FROM bars " OTHERS_WHERE " "
  "ON CONFLICT (instrument_id, time, source) DO UPDATE SET "
  "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
  "volume = excluded.volume, rank = excluded.rank";
static const char stored_sql[] =
  "SELECT time, close FROM bars WHERE instrument_id = ?1 AND time BETWEEN ?2 AND ?3 ORDER BY time";

void
_alvh_market_source_keeper_init (SourceKeeper *k,
                                 AlvhDb       *db)
{
  *k = (SourceKeeper) { .db = db };
}

void
_alvh_market_source_keeper_clear (SourceKeeper *k)
{
  alvh_market_conflicts_clear (&k->replaced);
}

/* Which of rows 0 .. @n - 1 (source @src, instrument @id) must also go to
 * bar_sources: those from the first to the last time where a bar of another
 * source is stored (*@lo .. *@hi - 1; none when equal).  Those bars are
 * first copied there too, so that whichever source wins each bar, the
 * other's values stay (a bar's own source may then be in bar_sources as
 * well: the comparison of sources skips it).  A first import of a series
 * writes its rows once, to bars. */
gboolean
_alvh_market_others_in_range (SourceKeeper     *k,
                              const SourceRank *src,
                              gint64            id,
                              gsize             n,
                              const gint64     *times,
                              gsize            *lo,
                              gsize            *hi,
                              GError          **error)
{
  gboolean any = FALSE;
  gint64 first = 0, last = 0;

  *lo = *hi = 0;
  if (!alvh_db_select_row (k->db, others_sql, "cannot compare sources", NULL, error, "iiit>bii",
                           id, times[0], times[n - 1], src->source, &any, &first, &last))
    return FALSE;
  if (!any)
    return TRUE;
  while (*lo < n && times[*lo] < first)
    (*lo)++;
  for (*hi = *lo; *hi < n && times[*hi] <= last; (*hi)++)
    ;
  return alvh_db_run (k->db, keep_others_sql, "cannot keep the values of other sources", error, "iiit",
                      id, times[0], times[n - 1], src->source);
}

/* A preferred import: counts the stored closes of @symbol that rows 0 ..
 * @n - 1 change by half a cent or more, and keeps the largest change. */
typedef struct
{
  AlvhMarketConflicts *r;
  const char          *symbol;
  gsize                n, i;
  const gint64        *times;
  const double        *c;
} ReplacedScan;

/* One stored close (time, close) against the import's rows */
static gboolean
replaced_cb (sqlite3_stmt  *stmt,
             gpointer       user_data,
             GError       **error G_GNUC_UNUSED)
{
  ReplacedScan *sc = user_data;
  AlvhMarketConflicts *r = sc->r;
  gint64 t = sqlite3_column_int64 (stmt, 0);
  double old = sqlite3_column_double (stmt, 1), change;

  while (sc->i < sc->n && sc->times[sc->i] < t)  /* both in increasing time */
    sc->i++;
  if (sc->i == sc->n)
    return TRUE;
  change = fabs (sc->c[sc->i] - old);
  if (sc->times[sc->i] != t || change < ALVH_MARKET_CONFLICT_EPSILON)
    return TRUE;
  r->n_replaced++;
  if (r->replaced_symbol == NULL || change > r->max_replaced)
    {
      g_free (r->replaced_symbol);
      r->replaced_symbol = g_ascii_strup (sc->symbol, -1);
      r->max_replaced = change;
      r->replaced_time = t;
      r->replaced_old = old;
      r->replaced_new = sc->c[sc->i];
    }
  return TRUE;
}

/* A preferred import: counts the stored closes of @symbol that rows 0 ..
 * @n - 1 change by half a cent or more, and keeps the largest change. */
gboolean
_alvh_market_count_replaced (SourceKeeper  *k,
                             const char    *symbol,
                             gint64         id,
                             gsize          n,
                             const gint64  *times,
                             const double  *c,
                             GError       **error)
{
  ReplacedScan sc = { &k->replaced, symbol, n, 0, times, c };

  return alvh_db_select_rows (k->db, stored_sql, "cannot read the stored closes", replaced_cb, &sc, error,
                              "iii", id, times[0], times[n - 1]);
}

/* "SPX" for Cboe's "SP 500 INDEX" or "Standard & Poors 500 Index" */
static const char *
chain_underlying (AlvhOptionChain *chain)
{
  const char *name = alvh_option_chain_get_underlying_name (chain);

  if (name == NULL || strstr (name, "500") != NULL || g_str_has_prefix (name, "SPX"))
    return "SPX";
  return name;
}

#define QUOTE_COLUMNS \
  "underlying, date, expiry, pm, strike, quote_time, spot, " \
  "c_last, c_net, c_bid, c_ask, c_volume, c_oi, c_iv, c_delta, c_gamma, " \
  "p_last, p_net, p_bid, p_ask, p_volume, p_oi, p_iv, p_delta, p_gamma, import_id"

static void
bind_quote (sqlite3_stmt          *stmt,
            int                    first,
            const AlvhOptionQuote *q)
{
  const double v[9] = { q->last, q->net, q->bid, q->ask, q->volume, q->open_interest,
                        q->cboe_iv, q->cboe_delta, q->cboe_gamma };

  for (int i = 0; i < 9; i++)
    alvh_db_bind_double (stmt, first + i, v[i]);
}

static gboolean
write_chain (AlvhMarketStore  *self,
             AlvhOptionChain  *chain,
             gint64            import_id,
             GError          **error)
{
  AlvhDb *db = _alvh_market_store_get_db (self);
  g_autoptr(AlvhDbCachedStmt) stmt =
    alvh_db_prepare_cached (db, "INSERT OR REPLACE INTO option_quotes (" QUOTE_COLUMNS ") VALUES "
                                "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
                                "?17,?18,?19,?20,?21,?22,?23,?24,?25,?26)", error);
  gint64 date = alvh_option_chain_get_session_date (chain);

  if (stmt == NULL)
    return FALSE;
  for (gsize i = 0; i < alvh_option_chain_get_n_rows (chain); i++)
    {
      const AlvhOptionChainRow *row = alvh_option_chain_get_row (chain, i);

      alvh_db_bind_values (stmt, "tiibdid", chain_underlying (chain), date, row->expiry, row->pm_settled,
                           row->strike, alvh_option_chain_get_quote_time (chain),
                           alvh_option_chain_get_spot (chain));
      bind_quote (stmt, 8, &row->call);
      bind_quote (stmt, 17, &row->put);
      sqlite3_bind_int64 (stmt, 26, import_id);
      if (!alvh_db_step_reset (db, stmt, "cannot write an option quote", error))
        return FALSE;
    }
  return TRUE;
}

/* the closes that other sources give differently on @symbol */
static gboolean
count_conflicts (AlvhMarketStore      *self,
                 const char           *symbol,
                 AlvhMarketConflicts  *out,
                 GError              **error)
{
  AlvhDb *db = _alvh_market_store_get_db (self);
  g_autofree char *kept_source = NULL;
  g_autofree char *other_source = NULL;
  gint64 n = 0, time = 0;
  double kept = 0, other = 0;
  gboolean found = FALSE;

  if (!alvh_db_select_row (db,
                           "SELECT count(*) OVER (), s.time, b.close, s.close, b.source, s.source "
                           "FROM instruments i JOIN bar_sources s ON s.instrument_id = i.id "
                           "JOIN bars b ON b.instrument_id = s.instrument_id AND b.time = s.time "
                           "WHERE i.symbol = ?1 AND s.source IS NOT b.source AND abs (s.close - b.close) >= ?2 "
                           "ORDER BY abs (s.close - b.close) DESC, s.time LIMIT 1",
                           "cannot compare sources", &found, error, "td>iiddtt", symbol,
                           (double) ALVH_MARKET_CONFLICT_EPSILON, &n, &time, &kept, &other,
                           &kept_source, &other_source))
    return FALSE;
  if (!found)
    return TRUE;
  out->n += n;
  if (out->symbol == NULL || fabs (kept - other) > out->max_abs)
    {
      g_free (out->symbol);
      g_free (out->kept_source);
      g_free (out->other_source);
      out->max_abs = fabs (kept - other);
      out->symbol = g_strdup (symbol);
      out->time = time;
      out->kept = kept;
      out->other = other;
      out->kept_source = g_steal_pointer (&kept_source);
      out->other_source = g_steal_pointer (&other_source);
    }
  return TRUE;
}

/* the instruments an import wrote: its series, VX columns one by one */
static GPtrArray *
import_symbols (AlvhImportResult *result)
{
  GPtrArray *symbols = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < alvh_import_result_get_n_series (result); s++)
    {
      AlvhSeries *series = alvh_import_result_get_series (result, s);

      if (strcmp (alvh_import_result_get_kind (result, s), "vx") == 0)
        for (guint c = 0; c < alvh_series_get_n_columns (series); c++)
          g_ptr_array_add (symbols, g_ascii_strup (alvh_series_get_column_name (series, c), -1));
      else if (strcmp (alvh_import_result_get_kind (result, s), "breadth") != 0)
        g_ptr_array_add (symbols, g_strdup (alvh_import_result_get_symbol (result, s)));
    }
  return symbols;
}

/* a CFE file's settles by contract */
static gboolean
write_vx_contracts (AlvhMarketStore   *self,
                    AlvhImportResult  *result,
                    gint64             import_id,
                    GError           **error)
{
  AlvhDb *db = _alvh_market_store_get_db (self);
  gsize n;
  const AlvhVxSettle *v = alvh_import_result_get_vx_contracts (result, &n);

  for (gsize i = 0; i < n; i++)
    if (!alvh_db_run (db, "INSERT OR REPLACE INTO vx_contracts (expiry, time, settle, import_id) "
                          "VALUES (?1, ?2, ?3, ?4)",
                      "cannot write a VIX future settle", error, "iidi",
                      v[i].expiry, v[i].time, v[i].settle, import_id))
      return FALSE;
  return TRUE;
}

static gboolean
append_settle_cb (sqlite3_stmt  *stmt,
                  gpointer       user_data,
                  GError       **error G_GNUC_UNUSED)
{
  AlvhVxSettle v;

  alvh_db_read_columns (stmt, "iid", &v.time, &v.expiry, &v.settle);
  g_array_append_val ((GArray *) user_data, v);
  return TRUE;
}

GArray *
alvh_market_store_load_vx_contracts (AlvhMarketStore  *self,
                                     gint64            from,
                                     gint64            to,
                                     GError          **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (AlvhVxSettle));
  const gint64 params[] = { from, to };

  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), NULL);
  if (!alvh_db_each_row (_alvh_market_store_get_db (self),
                         "SELECT time, expiry, settle FROM vx_contracts WHERE time BETWEEN ?1 AND ?2 "
                         "ORDER BY time, expiry", params, G_N_ELEMENTS (params), append_settle_cb, out,
                         "cannot read VIX future settles", error))
    return NULL;
  return g_steal_pointer (&out);
}

gboolean
_alvh_market_finish_import (AlvhMarketStore      *self,
                            AlvhImportResult     *result,
                            gint64                import_id,
                            AlvhMarketConflicts  *out,
                            GError              **error)
{
  AlvhDb *db = _alvh_market_store_get_db (self);
  g_autoptr(GPtrArray) symbols = import_symbols (result);

  if (alvh_import_result_get_chain (result) != NULL &&
      !write_chain (self, alvh_import_result_get_chain (result), import_id, error))
    return FALSE;
  if (!write_vx_contracts (self, result, import_id, error))
    return FALSE;
  for (guint i = 0; i < symbols->len; i++)
    if (!count_conflicts (self, g_ptr_array_index (symbols, i), out, error))
      return FALSE;
  return alvh_db_run (db, "UPDATE imports SET conflicts = ?1, max_conflict = ?2 WHERE id = ?3",
                      "cannot record the conflicts of an import", error, "ifi",
                      out->n, out->n > 0 ? out->max_abs : NAN, import_id);
}

/* ---- reading chains ------------------------------------------------------ */

static void
read_quote (sqlite3_stmt    *stmt,
            int              first,
            AlvhOptionQuote *q)
{
  double *dst[9] = { &q->last, &q->net, &q->bid, &q->ask, &q->volume, &q->open_interest,
                     &q->cboe_iv, &q->cboe_delta, &q->cboe_gamma };

  for (int i = 0; i < 9; i++)
    *dst[i] = sqlite3_column_type (stmt, first + i) == SQLITE_NULL ? 0.0 : sqlite3_column_double (stmt, first + i);
}

/* the session of @date: that day when NYSE trades on it, else the last
 * session before (a weekend download is filed under Friday) */
static gint64
chain_session (gint64 date)
{
  gint64 d = alvh_time_ny_day (date);

  while (!alvh_calendar_is_nyse_trading_day (d))
    d--;
  return alvh_time_from_ny_day (d);
}

/* The rows of one session's chain as they are read */
typedef struct
{
  GArray *rows;        /* AlvhOptionChainRow */
  gint64  quote_time;  /* the latest download's */
  double  spot;
} ChainRead;

static gboolean
chain_row_cb (sqlite3_stmt  *stmt,
              gpointer       user_data,
              GError       **error G_GNUC_UNUSED)
{
  ChainRead *cr = user_data;
  AlvhOptionChainRow row = { 0 };
  gint64 quote_time;
  double spot;

  alvh_db_read_columns (stmt, "--ibdid", &row.expiry, &row.pm_settled, &row.strike, &quote_time, &spot);
  if (quote_time >= cr->quote_time)
    {
      cr->quote_time = quote_time;
      cr->spot = spot;
    }
  read_quote (stmt, 7, &row.call);
  read_quote (stmt, 16, &row.put);
  g_array_append_val (cr->rows, row);
  return TRUE;
}

AlvhOptionChain *
alvh_market_store_load_chain (AlvhMarketStore  *self,
                              const char       *underlying,
                              gint64            date,
                              GError          **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (AlvhOptionChainRow));
  ChainRead cr = { rows, 0, NAN };
  gint64 day = chain_session (date);
  g_autofree char *name = NULL;

  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), NULL);
  g_return_val_if_fail (underlying != NULL, NULL);
  if (!alvh_db_select_rows (_alvh_market_store_get_db (self),
                            "SELECT " QUOTE_COLUMNS " FROM option_quotes WHERE underlying = ?1 AND date = ?2 "
                            "ORDER BY expiry, pm, strike",
                            "cannot read an option chain", chain_row_cb, &cr, error, "ti", underlying, day))
    return NULL;
  if (rows->len == 0)
    {
      g_autofree char *d = alvh_time_format_ny_date (day);

      g_set_error (error, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_NOT_FOUND,
                   "%s: no %s option chain for %s (import a Cboe chain download of that session, "
                   "e.g. `alvh import spx_quotedata.csv`)", alvh_market_store_get_path (self), underlying, d);
      return NULL;
    }
  name = g_strdup_printf ("%s chain", underlying);
  return alvh_option_chain_new_from_rows (name, underlying, cr.spot, cr.quote_time,
                                          (const AlvhOptionChainRow *) (gpointer) rows->data, rows->len);
}

static gboolean
append_date_cb (sqlite3_stmt  *stmt,
                gpointer       user_data,
                GError       **error G_GNUC_UNUSED)
{
  gint64 d = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *) user_data, d);
  return TRUE;
}

GArray *
alvh_market_store_list_chain_dates (AlvhMarketStore  *self,
                                    const char       *underlying,
                                    GError          **error)
{
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (ALVH_IS_MARKET_STORE (self), NULL);
  if (!alvh_db_select_rows (_alvh_market_store_get_db (self),
                            "SELECT DISTINCT date FROM option_quotes WHERE underlying = ?1 ORDER BY date",
                            "cannot list option chains", append_date_cb, dates, error, "t", underlying))
    return NULL;
  return g_steal_pointer (&dates);
}

AlvhChainSet *
alvh_market_store_load_chains (AlvhMarketStore  *self,
                               const char       *underlying,
                               GError          **error)
{
  g_autoptr(GArray) dates = alvh_market_store_list_chain_dates (self, underlying, error);
  g_autoptr(AlvhChainSet) set = NULL;

  if (dates == NULL)
    return NULL;
  set = alvh_chain_set_new ();
  for (guint i = 0; i < dates->len; i++)
    {
      g_autoptr(AlvhOptionChain) chain = alvh_market_store_load_chain (self, underlying,
                                                                       g_array_index (dates, gint64, i), error);

      if (chain == NULL)
        return NULL;
      alvh_chain_set_add (set, chain);
    }
  return g_steal_pointer (&set);
}
