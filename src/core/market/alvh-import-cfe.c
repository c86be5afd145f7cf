/* alvh-import-cfe.c — Cboe CFE per-contract settles into VX1/VX2 */
#define G_LOG_DOMAIN "alvh-import"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "alvh-calendar.h"
#include "alvh-import-private.h"
#include "alvh-time.h"

/* ---- CFE per-contract settles ------------------------------------------ */

typedef struct
{
  gint64 day;
  gint64 expiry;
  double settle;
  guint  line;
} CfeRow;

static int
cfe_row_cmp (gconstpointer a,
             gconstpointer b)
{
  const CfeRow *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->expiry != y->expiry)
    return x->expiry < y->expiry ? -1 : 1;
  return x->line < y->line ? -1 : (x->line > y->line);
}

/* "F (Jan 08)" and Cboe's current "F (Jan 2008)" -> 2008, 1 */
static gboolean
parse_contract_label (const char *text,
                      gsize       len,
                      int        *year,
                      int        *month)
{
  static const char *months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec" };
  const char *open = memchr (text, '(', len);
  const char *end = text + len;
  const char *p;

  if (open == NULL || end - open < 8)
    return FALSE;
  p = open + 1;
  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (p, months[i], 3) == 0)
      {
        p += 3;
        if (*p != ' ' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
          return FALSE;
        *month = i + 1;
        *year = 2000 + (p[1] - '0') * 10 + (p[2] - '0');
        if (p[3] == ')')
          return TRUE;
        if (end - p < 6 || !g_ascii_isdigit (p[3]) || !g_ascii_isdigit (p[4]) || p[5] != ')')
          return FALSE;
        *year = (p[1] - '0') * 1000 + (p[2] - '0') * 100 + (p[3] - '0') * 10 + (p[4] - '0');
        return TRUE;
      }
  return FALSE;
}

gboolean
_alvh_import_read_cfe (Ctx      *ctx,
                       int       date_field,
                       int       label_field,
                       int       settle_field,
                       GError  **error)
{
  static const char * const vx_cols[] = { "vx1", "vx2", NULL };
  AlvhImportResult *r = ctx->result;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (CfeRow));
  gint64 rescale_day = alvh_days_from_civil (2007, 3, 26);
  guint needed = (guint) MAX (date_field, MAX (label_field, settle_field)) + 1;
  AlvhSeries *s;
  gsize missing_dates = 0;
  gboolean more;

  for (;;)
    {
      CfeRow row;
      gint64 t;
      int y, m;
      gsize llen;
      const char *label;

      if (!_alvh_import_next_row (ctx, needed, &more, error))
        return FALSE;
      if (!more)
        break;
      if (!_alvh_import_get_date (ctx, (guint) date_field, &t, error))
        return FALSE;
      label = alvh_csv_reader_get_field (ctx->csv, (guint) label_field, &llen);
      if (!parse_contract_label (label, llen, &y, &m))
        {
          g_autofree char *text = _alvh_import_field_for_message (ctx, (guint) label_field);
          _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, (guint) label_field,
                                  "“%s” is not a VIX futures contract (expected a label like “F (Jan 08)”)", text);
          return FALSE;
        }
      if (!_alvh_import_get_value (ctx, (guint) settle_field, "settle", &row.settle, error))
        return FALSE;
      if (row.settle == 0)
        {
          r->n_skipped++;   /* listed, not trading yet */
          continue;
        }
      row.day = alvh_time_ny_day (t);
      if (row.day < rescale_day)
        row.settle /= 10.0;   /* Cboe's old 10x price scale */
      if (!_alvh_import_check_level (ctx, (guint) settle_field, _alvh_import_level_range ("VX"),
                                     "settle", row.settle, error))
        return FALSE;
      row.expiry = alvh_calendar_vix_expiry (y, m);
      row.line = alvh_csv_reader_get_line (ctx->csv);
      g_array_append_val (rows, row);
    }

  g_array_sort (rows, cfe_row_cmp);
  /* every contract's settles, for the store's vx_contracts */
  for (guint i = 0; i < rows->len; i++)
    {
      const CfeRow *row = &g_array_index (rows, CfeRow, i);
      AlvhVxSettle v = { alvh_time_from_ny_day (row->day), alvh_time_from_ny_day (row->expiry), row->settle };

      g_array_append_val (r->contracts, v);
    }
  s = _alvh_import_result_add_series (r, ctx->hint != NULL ? ctx->hint : "VX", "vx", vx_cols);

  for (guint i = 0; i < rows->len;)
    {
      const CfeRow *first = &g_array_index (rows, CfeRow, i);
      gint64 day = first->day;
      gint64 e1, e2;
      double v[2] = { NAN, NAN };
      int y, m, d;
      guint j;

      alvh_civil_from_days (day, &y, &m, &d);
      e1 = alvh_calendar_vix_expiry (y, m);
      if (e1 <= day)
        {
          if (++m > 12)
            m = 1, y++;
          e1 = alvh_calendar_vix_expiry (y, m);
        }
      if (++m > 12)
        m = 1, y++;
      e2 = alvh_calendar_vix_expiry (y, m);

      for (j = i; j < rows->len && g_array_index (rows, CfeRow, j).day == day; j++)
        {
          const CfeRow *row = &g_array_index (rows, CfeRow, j);

          if (j > i && g_array_index (rows, CfeRow, j - 1).expiry == row->expiry)
            {
              g_autofree char *date = alvh_time_format_ny_date (alvh_time_from_ny_day (day));
              g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_DUPLICATE,
                           "%s:%u:1: duplicate row for date %s and this contract (already on line %u; expected each date once per contract)",
                           alvh_csv_reader_get_name (ctx->csv), row->line, date,
                           g_array_index (rows, CfeRow, j - 1).line);
              return FALSE;
            }
          if (row->expiry == e1)
            v[0] = row->settle;
          else if (row->expiry == e2)
            v[1] = row->settle;
        }
      i = j;

      if (isnan (v[0]) || isnan (v[1]))
        {
          missing_dates++;
          continue;
        }
      if (!alvh_series_append (s, alvh_time_from_ny_day (day), v, error))
        return FALSE;
    }

  if (missing_dates > 0)
    _alvh_import_add_warning (ctx, "%s: %" G_GSIZE_FORMAT " trade dates lack the front or second contract and were left out",
                              r->file, missing_dates);
  return TRUE;
}
