/* alvh-market-upserts.c — the SQL of an import's writes to bars,
 * bar_sources and breadth (alvh-market-store.c binds and steps it) */
#define G_LOG_DOMAIN "alvh-market-store"

#include "config.h"

#include "alvh-market-store-private.h"

/* "INSERT INTO @table (@columns) VALUES (...), ... @tail" with @n_rows
 * rows after @shape: a digit is that parameter, the same in every row (the
 * instrument, rank and source: bound once per series, not per row), an 'x'
 * the row's next own parameter (numbered from ALVH_MARKET_CONST_PARAMS + 1 on) */
static char *
upsert_sql (const char *table,
            const char *columns,
            const char *shape,
            guint       n_rows,
            const char *tail)
{
  GString *sql = g_string_new (NULL);
  guint next = ALVH_MARKET_CONST_PARAMS + 1;

  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES ", table, columns);
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ",(" : "(");
      for (const char *c = shape; *c != '\0'; c++)
        {
          if (c > shape)
            g_string_append_c (sql, ',');
          if (*c == 'x')
            g_string_append_printf (sql, "?%u", next++);
          else
            g_string_append_printf (sql, "?%c", *c);
        }
      g_string_append_c (sql, ')');
    }
  g_string_append_printf (sql, " %s", tail);
  return g_string_free (sql, FALSE);
}

static const char bar_columns[] = "instrument_id, time, open, high, low, close, volume, rank, source";
static const char bar_shape[] = "1xxxxxx23";
/* A source of a lower rank never overwrites one of a higher (a derived
 * file's VIX or SP500 column never replaces Cboe's or Yahoo's history);
 * a close-only value that lies outside the stored [low, high] of another
 * source drops that source's open, high and low, so no bar has its close
 * outside its range. */
#define KEEPS_RANGE "(excluded.high IS NOT NULL OR (excluded.close BETWEEN bars.low AND bars.high))"
static const char bar_tail[] =
  "ON CONFLICT (instrument_id, time) DO UPDATE SET "
  "open = CASE WHEN " KEEPS_RANGE " THEN coalesce (excluded.open, bars.open) END, "
  "high = CASE WHEN " KEEPS_RANGE " THEN coalesce (excluded.high, bars.high) END, "
  "low = CASE WHEN " KEEPS_RANGE " THEN coalesce (excluded.low, bars.low) END, "
  "close = excluded.close, "
  "volume = coalesce (excluded.volume, bars.volume), "
  "rank = excluded.rank, source = excluded.source "
  "WHERE excluded.rank <= bars.rank";
static const char source_tail[] =
  "ON CONFLICT (instrument_id, time, source) DO UPDATE SET "
  "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
  "volume = excluded.volume, rank = excluded.rank";
static const char breadth_columns[] = "instrument_id, time, advancers, decliners";
static const char breadth_shape[] = "1xxx";
static const char breadth_tail[] =
  "ON CONFLICT (instrument_id, time) DO UPDATE SET "
  "advancers = excluded.advancers, decliners = excluded.decliners";


const char *
_alvh_market_upsert_sql (AlvhMarketUpsert which)
{
  static const struct { const char *table, *columns, *shape, *tail; guint n_rows; } shapes[ALVH_MARKET_N_UPSERTS] = {
    [ALVH_MARKET_UPSERT_BAR] = { "bars", bar_columns, bar_shape, bar_tail, 1 },
    [ALVH_MARKET_UPSERT_BARS] = { "bars", bar_columns, bar_shape, bar_tail, ALVH_MARKET_BATCH_ROWS },
    [ALVH_MARKET_UPSERT_SRC] = { "bar_sources", bar_columns, bar_shape, source_tail, 1 },
    [ALVH_MARKET_UPSERT_SRCS] = { "bar_sources", bar_columns, bar_shape, source_tail, ALVH_MARKET_BATCH_ROWS },
    [ALVH_MARKET_UPSERT_BREADTH] = { "breadth", breadth_columns, breadth_shape, breadth_tail, 1 },
    [ALVH_MARKET_UPSERT_BREADTHS] = { "breadth", breadth_columns, breadth_shape, breadth_tail, ALVH_MARKET_BATCH_ROWS },
    [ALVH_MARKET_INSERT_BAR] = { "bars", bar_columns, bar_shape, "", 1 },
    [ALVH_MARKET_INSERT_BARS] = { "bars", bar_columns, bar_shape, "", ALVH_MARKET_BATCH_ROWS },
    [ALVH_MARKET_INSERT_BREADTH] = { "breadth", breadth_columns, breadth_shape, "", 1 },
    [ALVH_MARKET_INSERT_BREADTHS] = { "breadth", breadth_columns, breadth_shape, "", ALVH_MARKET_BATCH_ROWS },
  };
  static char *sql[ALVH_MARKET_N_UPSERTS];

  if (g_once_init_enter (&sql[which]))
    g_once_init_leave (&sql[which], upsert_sql (shapes[which].table, shapes[which].columns,
                                                shapes[which].shape, shapes[which].n_rows,
                                                shapes[which].tail));
  return sql[which];
}

