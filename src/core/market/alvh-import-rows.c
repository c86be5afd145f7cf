/* alvh-import-rows.c — row, date, value and message helpers of the importers */
#define G_LOG_DOMAIN "alvh-import"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "alvh-calendar.h"
#include "alvh-import-private.h"
#include "alvh-time.h"

AlvhSeries *
_alvh_import_result_add_series (AlvhImportResult   *self,
                                const char         *symbol,
                                const char         *kind,
                                const char * const *columns)
{
  ImportSeries *is = g_new0 (ImportSeries, 1);

  is->symbol = g_strdup (symbol);
  is->kind = g_strdup (kind);
  is->series = alvh_series_new (symbol, columns);
  /* room for a row on every line: the arrays never move while a store
   * writes rows from them (alvh_market_store_import_path) */
  alvh_series_reserve (is->series, self->max_rows);
  g_ptr_array_add (self->series, is);
  return is->series;
}

void
_alvh_import_add_warning (Ctx        *ctx,
                          const char *format,
                          ...)
{
  GPtrArray *w = ctx->result->warnings;
  va_list args;

  if (ctx->listed_warnings >= MAX_LISTED_WARNINGS)
    return;
  ctx->listed_warnings++;
  va_start (args, format);
  g_ptr_array_index (w, w->len - 1) = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (w, NULL);
}

void
_alvh_import_set_error (Ctx        *ctx,
                        GError    **error,
                        int         code,
                        guint       field,
                        const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  alvh_csv_reader_set_error_valist (ctx->csv, error, ALVH_IMPORT_ERROR, code, field, format, args);
  va_end (args);
}

/* the field's text for a message, stripped and cut to 40 bytes */
char *
_alvh_import_field_for_message (Ctx   *ctx,
                                guint  field)
{
  char *text = alvh_csv_reader_dup_field (ctx->csv, field);
  gsize cut = 37;

  if (strlen (text) <= 40)
    return text;
  /* never split a UTF-8 sequence */
  while (cut > 0 && ((guchar) text[cut] & 0xC0) == 0x80)
    cut--;
  memcpy (text + cut, "...", 4);
  return text;
}

gboolean
_alvh_import_check_cancel (Ctx     *ctx,
                           gsize    row,
                           GError **error)
{
  if (ctx->cancellable != NULL && row % CANCEL_CHECK_ROWS == 0 &&
      g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  return TRUE;
}

gboolean
_alvh_import_need_fields (Ctx     *ctx,
                          guint    needed,
                          GError **error)
{
  guint n = alvh_csv_reader_get_n_fields (ctx->csv);

  /* more fields than the header names: a shifted or corrupt row (empty
   * trailing fields, as some exports write them, are fine) */
  if (G_UNLIKELY (ctx->header_fields > 0 && n > ctx->header_fields))
    {
      for (guint i = ctx->header_fields; i < n; i++)
        {
          gsize len;
          alvh_csv_reader_get_field (ctx->csv, i, &len);
          if (len > 0)
            {
              _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_SHORT_ROW, i,
                                      "the row has %u fields (expected %u, as in the header)",
                                      n, ctx->header_fields);
              return FALSE;
            }
        }
    }
  if (n < needed)
    {
      _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_SHORT_ROW, n,
                              "the row has %u field%s (expected %u, as in the header)",
                              n, n == 1 ? "" : "s", needed);
      return FALSE;
    }
  return TRUE;
}

static inline int
digits2 (const char *p)
{
  if ((guint) (p[0] - '0') > 9 || (guint) (p[1] - '0') > 9)
    return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* YYYY-MM-DD and MM/DD/YYYY (the forms of every known format), with the
 * cached New York offset; anything else goes to alvh_time_parse_date () */
static gboolean
fast_date (Ctx        *ctx,
           const char *f,
           gsize       len,
           gint64     *out)
{
  int y, m, d, hi, lo;

  if (len != 10)
    return FALSE;
  if (f[4] == '-' && f[7] == '-')
    {
      hi = digits2 (f);
      lo = digits2 (f + 2);
      m = digits2 (f + 5);
      d = digits2 (f + 8);
    }
  else if (f[2] == '/' && f[5] == '/')
    {
      m = digits2 (f);
      d = digits2 (f + 3);
      hi = digits2 (f + 6);
      lo = digits2 (f + 8);
    }
  else
    return FALSE;
  if (hi < 0 || lo < 0 || m < 0 || d < 0)
    return FALSE;
  y = hi * 100 + lo;
  if (!alvh_date_is_valid (y, m, d))
    return FALSE;
  *out = _alvh_ny_midnight_cached (&ctx->ny_cache, alvh_days_from_civil (y, m, d));
  return TRUE;
}

gboolean
_alvh_import_get_date (Ctx     *ctx,
                       guint    field,
                       gint64  *out,
                       GError **error)
{
  gsize len;
  const char *f = alvh_csv_reader_get_field (ctx->csv, field, &len);

  while (len > 0 && (*f == ' ' || *f == '\t'))
    f++, len--;
  while (len > 0 && (f[len - 1] == ' ' || f[len - 1] == '\t'))
    len--;
  if (!fast_date (ctx, f, len, out) && !alvh_time_parse_date (f, len, out))
    {
      g_autofree char *text = _alvh_import_field_for_message (ctx, field);
      _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_DATE, field,
                              "“%s” is not a date (expected YYYY-MM-DD or MM/DD/YYYY)", text);
      return FALSE;
    }
  if (G_UNLIKELY (*out > ctx->latest_date))
    {
      g_autofree char *text = _alvh_import_field_for_message (ctx, field);
      _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_DATE, field,
                              "“%s” lies in the future (expected a date no later than tomorrow)", text);
      return FALSE;
    }
  return TRUE;
}

/* dates must increase strictly from row to row */
gboolean
_alvh_import_check_order (Ctx     *ctx,
                          guint    field,
                          gint64   t,
                          GError **error)
{
  if (ctx->prev_line != 0 && t <= ctx->prev_time)
    {
      g_autofree char *cur = alvh_time_format_ny_date (t);
      g_autofree char *prev = alvh_time_format_ny_date (ctx->prev_time);

      if (t == ctx->prev_time)
        _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_DUPLICATE, field,
                                "duplicate date %s (already on line %u; expected each date once)",
                                cur, ctx->prev_line);
      else
        _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_ORDER, field,
                                "date %s is before %s on line %u (expected dates in increasing order)",
                                cur, prev, ctx->prev_line);
      return FALSE;
    }
  ctx->prev_time = t;
  ctx->prev_line = alvh_csv_reader_get_line (ctx->csv);
  return TRUE;
}

/* a non-negative number; `what` names the column for the message */
gboolean
_alvh_import_get_value (Ctx        *ctx,
                        guint       field,
                        const char *what,
                        double     *out,
                        GError    **error)
{
  if (G_UNLIKELY (!alvh_csv_reader_get_double (ctx->csv, field, out)))
    {
      g_autofree char *text = _alvh_import_field_for_message (ctx, field);
      _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, field,
                              "“%s” is not a number (expected the %s value)", text, what);
      return FALSE;
    }
  if (G_UNLIKELY (*out < 0))
    {
      g_autofree char *text = _alvh_import_field_for_message (ctx, field);
      _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, field,
                              "negative %s %s (expected a number >= 0)", what, text);
      return FALSE;
    }
  return TRUE;
}

/* Plausible levels per symbol, wide around the real history: SPX 4.40
 * (1932) to 7,620 (2026); VIX closes 9.14 to 82.69 with Cboe's old opens
 * down to 2.58; VIX9D up to 111.68; VVIX 15.71 to 207.59; SKEW 101.23 to
 * 183.12; VX settles 9.9 to 72.6.  Other symbols: any positive level a
 * price can have. */
static const AlvhImportLevelRange level_ranges[] = {
  { "SPX",   1.0,  100000.0 },
  { "VIX",   1.0,  300.0 },
  { "VIX1D", 1.0,  500.0 },
  { "VIX9D", 1.0,  500.0 },
  { "VIX3M", 1.0,  300.0 },
  { "VIX6M", 1.0,  300.0 },
  { "VIX1Y", 1.0,  300.0 },
  { "VVIX",  5.0,  1000.0 },
  { "SKEW",  50.0, 300.0 },
  { "VX",    1.0,  300.0 },
};
static const AlvhImportLevelRange any_level = { NULL, 1e-6, 1e9 };

const AlvhImportLevelRange *
_alvh_import_level_range (const char *symbol)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_ranges); i++)
    if (g_strcmp0 (level_ranges[i].symbol, symbol) == 0)
      return &level_ranges[i];
  /* VX1 .. VX8 */
  if (symbol != NULL && g_str_has_prefix (symbol, "VX") && g_ascii_isdigit (symbol[2]) && symbol[3] == '\0')
    return _alvh_import_level_range ("VX");
  return &any_level;
}

/* An index level or settle must be finite, > 0 and plausible for its
 * symbol; a 0, 4.9e-324 or 1e308 in a file would reach a replay as NaN or
 * infinity. */
gboolean
_alvh_import_check_level (Ctx                        *ctx,
                          guint                       field,
                          const AlvhImportLevelRange *range,
                          const char                 *what,
                          double                      v,
                          GError                    **error)
{
  if (G_LIKELY (v >= range->min && v <= range->max))
    return TRUE;
  if (range->symbol != NULL)
    _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, field,
                            "%s %g is not a plausible %s level (expected a number from %g to %g)",
                            what, v, range->symbol, range->min, range->max);
  else
    _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, field,
                            "%s %g is not a plausible price (expected a number from %g to %g)",
                            what, v, range->min, range->max);
  return FALSE;
}

gboolean
_alvh_import_field_is_null (Ctx   *ctx,
                            guint  field)
{
  return alvh_csv_reader_field_equal (ctx->csv, field, "null");
}

gboolean
_alvh_import_field_is_nd (Ctx   *ctx,
                          guint  field)
{
  return alvh_csv_reader_field_equal (ctx->csv, field, "N/D");
}

gboolean
_alvh_import_finish_next (Ctx      *ctx,
                          GError  **error,
                          gboolean *more)
{
  GError *local_error = NULL;

  *more = alvh_csv_reader_next (ctx->csv, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Moves to the next data row, counts it and checks that it has @needed
 * fields: TRUE with *more FALSE at the end of the file, FALSE on an error. */
gboolean
_alvh_import_next_row (Ctx       *ctx,
                       guint      needed,
                       gboolean  *more,
                       GError   **error)
{
  AlvhImportResult *r = ctx->result;

  if (!_alvh_import_finish_next (ctx, error, more))
    return FALSE;
  if (!*more)
    return TRUE;
  if (!_alvh_import_check_cancel (ctx, r->n_rows, error))
    return FALSE;
  r->n_rows++;
  if (G_UNLIKELY (ctx->progress != NULL && r->n_rows % PROGRESS_ROWS == 0) &&
      !ctx->progress (r, ctx->progress_data, error))
    return FALSE;
  return _alvh_import_need_fields (ctx, needed, error);
}

/* Reads the next row of a yfinance header and checks that its first field
 * is @key (the “@label” row). */
gboolean
_alvh_import_next_yfinance_row (Ctx         *ctx,
                                const char  *key,
                                const char  *label,
                                GError     **error)
{
  gboolean more;

  if (!_alvh_import_finish_next (ctx, error, &more))
    return FALSE;
  if (!more || !alvh_csv_reader_field_equal (ctx->csv, 0, key))
    {
      _alvh_import_set_error (ctx, error, ALVH_IMPORT_ERROR_UNKNOWN_FORMAT, 0,
                              "expected the “%s” row of a yfinance header", label);
      return FALSE;
    }
  return TRUE;
}
