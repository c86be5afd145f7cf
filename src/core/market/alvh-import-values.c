/* alvh-import-values.c — single-value columns (close-only, VX settles, term structure, breadth) */
#define G_LOG_DOMAIN "alvh-import"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "alvh-calendar.h"
#include "alvh-import-private.h"
#include "alvh-time.h"

/* ---- one or more single-value columns (close-only, VX, term structure) --- */

gboolean
_alvh_import_read_values (Ctx       *ctx,
                          int        date_field,
                          ValueCol  *cols,
                          guint      n_cols,
                          GError   **error)
{
  AlvhImportResult *r = ctx->result;
  double rows[3][16];
  guint needed = (guint) date_field + 1;
  gboolean more;

  g_assert (n_cols <= 16);
  for (guint i = 0; i < n_cols; i++)
    needed = MAX (needed, (guint) cols[i].field + 1);

  for (;;)
    {
      gint64 t;
      AlvhSeries *seen[3] = { NULL, NULL, NULL };

      if (!_alvh_import_next_row (ctx, needed, &more, error))
        return FALSE;
      if (!more)
        break;
      if (_alvh_import_field_is_null (ctx, (guint) cols[0].field))
        {
          r->n_skipped++;
          continue;
        }
      if (!_alvh_import_get_date (ctx, (guint) date_field, &t, error))
        return FALSE;

      for (guint i = 0; i < n_cols; i++)
        {
          double v;
          guint slot;

          if (!_alvh_import_get_value (ctx, (guint) cols[i].field, cols[i].what, &v, error))
            return FALSE;
          if (cols[i].positive && v <= 0)
            {
              _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, (guint) cols[i].field,
                                      "%s is 0 (expected a settle > 0)", cols[i].what);
              return FALSE;
            }
          if (cols[i].level != NULL &&
              !_alvh_import_check_level (ctx, (guint) cols[i].field, cols[i].level, cols[i].what, v, error))
            return FALSE;
          for (slot = 0; slot < 3 && seen[slot] != NULL && seen[slot] != cols[i].series; slot++)
            ;
          g_assert (slot < 3);
          seen[slot] = cols[i].series;
          rows[slot][cols[i].column] = v;
        }
      if (!_alvh_import_check_order (ctx, (guint) date_field, t, error))
        return FALSE;
      for (guint slot = 0; slot < 3 && seen[slot] != NULL; slot++)
        if (!alvh_series_append (seen[slot], t, rows[slot], error))
          return FALSE;
    }
  return TRUE;
}
