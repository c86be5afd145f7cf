/* alvh-import-ohlc.c — OHLC histories (Cboe, Yahoo, yfinance, Stooq, generic) */
#define G_LOG_DOMAIN "alvh-import"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "alvh-calendar.h"
#include "alvh-import-private.h"
#include "alvh-time.h"

/* ---- OHLC formats ------------------------------------------------------ */

gboolean
_alvh_import_read_ohlc (Ctx           *ctx,
                        const ColMap  *map,
                        const char    *symbol,
                        GError       **error)
{
  static const char * const ohlc[] = { "open", "high", "low", "close", NULL };
  static const char * const ohlcv[] = { "open", "high", "low", "close", "volume", NULL };
  AlvhImportResult *r = ctx->result;
  AlvhSeries *s = _alvh_import_result_add_series (r, symbol, "ohlc", map->volume >= 0 ? ohlcv : ohlc);
  const AlvhImportLevelRange *level = _alvh_import_level_range (symbol);
  guint needed = (guint) MAX (MAX (MAX (map->date, map->open), MAX (map->high, map->low)),
                              MAX (map->close, map->volume)) + 1;
  gboolean more;

  for (;;)
    {
      double v[5];
      gint64 t;

      if (!_alvh_import_next_row (ctx, needed, &more, error))
        return FALSE;
      if (!more)
        break;

      if (G_UNLIKELY (_alvh_import_field_is_null (ctx, (guint) map->close) || _alvh_import_field_is_null (ctx, (guint) map->open)))
        {
          r->n_skipped++;
          continue;
        }
      if (G_UNLIKELY (_alvh_import_field_is_nd (ctx, (guint) map->close)))
        {
          if (alvh_series_get_length (s) == 0)
            {
              _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_NO_DATA, (guint) map->close,
                                      "Stooq returned N/D: no data for this symbol");
              return FALSE;
            }
          r->n_skipped++;
          continue;
        }

      if (!_alvh_import_get_date (ctx, (guint) map->date, &t, error) ||
          !_alvh_import_get_value (ctx, (guint) map->open, "open", &v[0], error) ||
          !_alvh_import_get_value (ctx, (guint) map->high, "high", &v[1], error) ||
          !_alvh_import_get_value (ctx, (guint) map->low, "low", &v[2], error) ||
          !_alvh_import_get_value (ctx, (guint) map->close, "close", &v[3], error))
        return FALSE;
      if (map->volume >= 0)
        {
          gsize vlen;
          alvh_csv_reader_get_field (ctx->csv, (guint) map->volume, &vlen);
          if (vlen == 0)
            v[4] = 0;
          else if (!_alvh_import_get_value (ctx, (guint) map->volume, "volume", &v[4], error))
            return FALSE;
        }
      if (G_UNLIKELY (v[1] < v[2]))
        {
          _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, (guint) map->high,
                                  "high %g is below low %g (expected high >= low)", v[1], v[2]);
          return FALSE;
        }
      if (!_alvh_import_check_order (ctx, (guint) map->date, t, error))
        return FALSE;

      if (G_UNLIKELY (v[0] == 0 && v[3] > 0))
        {
          /* Yahoo's Open = 0 (1962-1982): the open is unknown */
          if (r->n_open_missing == 0)
            _alvh_import_add_warning (ctx, "%s:%u: open is 0; open set to the close (the open is unknown)",
                                      r->file, alvh_csv_reader_get_line (ctx->csv));
          v[0] = v[3];
          r->n_open_missing++;
          r->n_warnings++;
        }
      else if (G_UNLIKELY (v[0] < v[2] || v[0] > v[1] || v[3] < v[2] || v[3] > v[1]))
        {
          g_autofree char *d = alvh_time_format_ny_date (t);
          _alvh_import_add_warning (ctx, "%s:%u: %s open %g / close %g outside [low %g, high %g]; row kept",
                                    r->file, alvh_csv_reader_get_line (ctx->csv), d, v[0], v[3], v[2], v[1]);
          r->n_outside++;
          r->n_warnings++;
        }

      if (!_alvh_import_check_level (ctx, (guint) map->open, level, "open", v[0], error) ||
          !_alvh_import_check_level (ctx, (guint) map->high, level, "high", v[1], error) ||
          !_alvh_import_check_level (ctx, (guint) map->low, level, "low", v[2], error) ||
          !_alvh_import_check_level (ctx, (guint) map->close, level, "close", v[3], error))
        return FALSE;

      if (!alvh_series_append (s, t, v, error))
        return FALSE;
    }
  return TRUE;
}
