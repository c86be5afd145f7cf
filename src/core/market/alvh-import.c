/* alvh-import.c — market data files in, AlvhSeries out */
#define G_LOG_DOMAIN "alvh-import"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "alvh-calendar.h"
#include "alvh-calendar-private.h"
#include "alvh-csv.h"
#include "alvh-import.h"
#include "alvh-time.h"

#define MAX_LISTED_GAPS     1000
#define MAX_LISTED_WARNINGS 50
#define CANCEL_CHECK_ROWS   65536

typedef struct
{
  char       *symbol;
  char       *kind;
  AlvhSeries *series;
} ImportSeries;

struct _AlvhImportResult
{
  gatomicrefcount   ref_count;
  AlvhImportFormat  format;
  char             *path;
  char             *file;
  char             *sha256;
  GPtrArray        *series;     /* ImportSeries */
  gsize             n_rows;
  gsize             n_skipped;
  gsize             n_warnings;
  gsize             n_outside;
  gsize             n_open_missing;
  GPtrArray        *warnings;   /* char *, NULL-terminated */
  gint64            first;
  gint64            last;
  gsize             n_gaps;
  GArray           *gaps;       /* gint64 times */
};

typedef struct
{
  AlvhCsvReader    *csv;
  AlvhImportResult *result;
  GCancellable     *cancellable;
  const char       *hint;
  gint64            prev_time;
  guint             prev_line;
  gsize             listed_warnings;
  guint             header_fields;  /* fields of the header line */
  gint64            latest_date;    /* no bar may be dated after this */
  AlvhNyOffsetCache ny_cache;
} Ctx;

typedef struct
{
  int date, open, high, low, close, volume;
} ColMap;

G_DEFINE_BOXED_TYPE (AlvhImportResult, alvh_import_result,
                     alvh_import_result_ref, alvh_import_result_unref)
G_DEFINE_QUARK (alvh-import-error-quark, alvh_import_error)

static const struct
{
  const char *id;
  const char *description;
} format_info[] = {
  [ALVH_IMPORT_FORMAT_UNKNOWN]        = { "unknown", "unknown" },
  [ALVH_IMPORT_FORMAT_CBOE_OHLC]      = { "cboe-ohlc", "Cboe index history (DATE,OPEN,HIGH,LOW,CLOSE)" },
  [ALVH_IMPORT_FORMAT_CBOE_CLOSE]     = { "cboe-close", "Cboe close-only history (DATE,VVIX / DATE,SKEW)" },
  [ALVH_IMPORT_FORMAT_YAHOO]          = { "yahoo", "Yahoo Finance (Date,Open,High,Low,Close,Adj Close,Volume)" },
  [ALVH_IMPORT_FORMAT_YFINANCE]       = { "yfinance", "yfinance three-row header (Price / Ticker / Date)" },
  [ALVH_IMPORT_FORMAT_STOOQ]          = { "stooq", "Stooq (Date,Open,High,Low,Close[,Volume])" },
  [ALVH_IMPORT_FORMAT_GENERIC_OHLC]   = { "generic-ohlc", "generic OHLC (date, open, high, low, close in any order)" },
  [ALVH_IMPORT_FORMAT_VX_SETTLES]     = { "vx-settles", "VIX future settles (DATE,VX1,VX2)" },
  [ALVH_IMPORT_FORMAT_TERM_STRUCTURE] = { "term-structure", "VIX term structure (DATE,VIX,VX1..VX8,SP500)" },
  [ALVH_IMPORT_FORMAT_CFE_CONTRACTS]  = { "cfe-contracts", "Cboe CFE per-contract settles (Trade Date,Futures,...,Settle)" },
  [ALVH_IMPORT_FORMAT_BREADTH]        = { "breadth", "market breadth (date, advancers, decliners)" },
};

const char *
alvh_import_format_id (AlvhImportFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (format_info))
    return "unknown";
  return format_info[format].id;
}

const char *
alvh_import_format_describe (AlvhImportFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (format_info))
    return "unknown";
  return format_info[format].description;
}

static void
import_series_free (gpointer data)
{
  ImportSeries *is = data;

  g_free (is->symbol);
  g_free (is->kind);
  g_clear_pointer (&is->series, alvh_series_unref);
  g_free (is);
}

static AlvhImportResult *
result_new (const char *path)
{
  AlvhImportResult *self = g_new0 (AlvhImportResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->file = g_path_get_basename (path);
  self->series = g_ptr_array_new_with_free_func (import_series_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
  self->gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

AlvhImportResult *
alvh_import_result_ref (AlvhImportResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
alvh_import_result_unref (AlvhImportResult *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->path);
  g_free (self->file);
  g_free (self->sha256);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->warnings);
  g_array_unref (self->gaps);
  g_free (self);
}

static AlvhSeries *
result_add_series (AlvhImportResult   *self,
                   const char         *symbol,
                   const char         *kind,
                   const char * const *columns)
{
  ImportSeries *is = g_new0 (ImportSeries, 1);

  is->symbol = g_strdup (symbol);
  is->kind = g_strdup (kind);
  is->series = alvh_series_new (symbol, columns);
  g_ptr_array_add (self->series, is);
  return is->series;
}

static void
add_warning (Ctx        *ctx,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_warning (Ctx        *ctx,
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

static void
set_error (Ctx     *ctx,
           GError **error,
           int      code,
           guint    field,
           const char *format,
           ...) G_GNUC_PRINTF (5, 6);

static void
set_error (Ctx        *ctx,
           GError    **error,
           int         code,
           guint       field,
           const char *format,
           ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, ALVH_IMPORT_ERROR, code, "%s:%u:%u: %s",
               alvh_csv_reader_get_name (ctx->csv),
               alvh_csv_reader_get_line (ctx->csv),
               alvh_csv_reader_get_column (ctx->csv, field), msg);
}

/* the field's text for a message, stripped and cut to 40 bytes */
static char *
field_for_message (Ctx   *ctx,
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

static gboolean
check_cancel (Ctx     *ctx,
              gsize    row,
              GError **error)
{
  if (ctx->cancellable != NULL && row % CANCEL_CHECK_ROWS == 0 &&
      g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  return TRUE;
}

/* a column that names an index (VVIX, SKEW, VIX9D ...): short, letters,
 * digits, ^ . _ - and spaces */
static gboolean
is_symbol_name (const char *text)
{
  gsize n = strlen (text);

  if (n == 0 || n > 24)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("^._- ", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
need_fields (Ctx     *ctx,
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
              set_error (ctx, error, ALVH_IMPORT_ERROR_SHORT_ROW, i,
                         "the row has %u fields (expected %u, as in the header)",
                         n, ctx->header_fields);
              return FALSE;
            }
        }
    }
  if (n < needed)
    {
      set_error (ctx, error, ALVH_IMPORT_ERROR_SHORT_ROW, n,
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

static gboolean
get_date (Ctx     *ctx,
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
      g_autofree char *text = field_for_message (ctx, field);
      set_error (ctx, error, ALVH_IMPORT_ERROR_DATE, field,
                 "“%s” is not a date (expected YYYY-MM-DD or MM/DD/YYYY)", text);
      return FALSE;
    }
  if (G_UNLIKELY (*out > ctx->latest_date))
    {
      g_autofree char *text = field_for_message (ctx, field);
      set_error (ctx, error, ALVH_IMPORT_ERROR_DATE, field,
                 "“%s” lies in the future (expected a date no later than tomorrow)", text);
      return FALSE;
    }
  return TRUE;
}

/* dates must increase strictly from row to row */
static gboolean
check_order (Ctx     *ctx,
             guint    field,
             gint64   t,
             GError **error)
{
  if (ctx->prev_line != 0 && t <= ctx->prev_time)
    {
      g_autofree char *cur = alvh_time_format_ny_date (t);
      g_autofree char *prev = alvh_time_format_ny_date (ctx->prev_time);

      if (t == ctx->prev_time)
        set_error (ctx, error, ALVH_IMPORT_ERROR_DUPLICATE, field,
                   "duplicate date %s (already on line %u; expected each date once)",
                   cur, ctx->prev_line);
      else
        set_error (ctx, error, ALVH_IMPORT_ERROR_ORDER, field,
                   "date %s is before %s on line %u (expected dates in increasing order)",
                   cur, prev, ctx->prev_line);
      return FALSE;
    }
  ctx->prev_time = t;
  ctx->prev_line = alvh_csv_reader_get_line (ctx->csv);
  return TRUE;
}

/* a non-negative number; `what` names the column for the message */
static gboolean
get_value (Ctx        *ctx,
           guint       field,
           const char *what,
           double     *out,
           GError    **error)
{
  if (G_UNLIKELY (!alvh_csv_reader_get_double (ctx->csv, field, out)))
    {
      g_autofree char *text = field_for_message (ctx, field);
      set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, field,
                 "“%s” is not a number (expected the %s value)", text, what);
      return FALSE;
    }
  if (G_UNLIKELY (*out < 0))
    {
      g_autofree char *text = field_for_message (ctx, field);
      set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, field,
                 "negative %s %s (expected a number >= 0)", what, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
field_is_null (Ctx   *ctx,
               guint  field)
{
  return alvh_csv_reader_field_equal (ctx->csv, field, "null");
}

static gboolean
field_is_nd (Ctx   *ctx,
             guint  field)
{
  return alvh_csv_reader_field_equal (ctx->csv, field, "N/D");
}

static gboolean
finish_next (Ctx      *ctx,
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
static inline gboolean
next_row (Ctx       *ctx,
          guint      needed,
          gboolean  *more,
          GError   **error)
{
  AlvhImportResult *r = ctx->result;

  if (!finish_next (ctx, error, more))
    return FALSE;
  if (!*more)
    return TRUE;
  if (!check_cancel (ctx, r->n_rows, error))
    return FALSE;
  r->n_rows++;
  return need_fields (ctx, needed, error);
}

/* Reads the next row of a yfinance header and checks that its first field
 * is @key (the “@label” row). */
static gboolean
next_yfinance_row (Ctx         *ctx,
                   const char  *key,
                   const char  *label,
                   GError     **error)
{
  gboolean more;

  if (!finish_next (ctx, error, &more))
    return FALSE;
  if (!more || !alvh_csv_reader_field_equal (ctx->csv, 0, key))
    {
      set_error (ctx, error, ALVH_IMPORT_ERROR_UNKNOWN_FORMAT, 0,
                 "expected the “%s” row of a yfinance header", label);
      return FALSE;
    }
  return TRUE;
}

/* ---- OHLC formats ------------------------------------------------------ */

static gboolean
read_ohlc (Ctx           *ctx,
           const ColMap  *map,
           const char    *symbol,
           GError       **error)
{
  static const char * const ohlc[] = { "open", "high", "low", "close", NULL };
  static const char * const ohlcv[] = { "open", "high", "low", "close", "volume", NULL };
  AlvhImportResult *r = ctx->result;
  AlvhSeries *s = result_add_series (r, symbol, "ohlc", map->volume >= 0 ? ohlcv : ohlc);
  guint needed = (guint) MAX (MAX (MAX (map->date, map->open), MAX (map->high, map->low)),
                              MAX (map->close, map->volume)) + 1;
  gsize data_len;
  gboolean more;

  alvh_csv_reader_get_data (ctx->csv, &data_len);
  alvh_series_reserve (s, data_len / 40 + 16);

  for (;;)
    {
      double v[5];
      gint64 t;

      if (!next_row (ctx, needed, &more, error))
        return FALSE;
      if (!more)
        break;

      if (G_UNLIKELY (field_is_null (ctx, (guint) map->close) || field_is_null (ctx, (guint) map->open)))
        {
          r->n_skipped++;
          continue;
        }
      if (G_UNLIKELY (field_is_nd (ctx, (guint) map->close)))
        {
          if (alvh_series_get_length (s) == 0)
            {
              set_error (ctx, error, ALVH_IMPORT_ERROR_NO_DATA, (guint) map->close,
                         "Stooq returned N/D: no data for this symbol");
              return FALSE;
            }
          r->n_skipped++;
          continue;
        }

      if (!get_date (ctx, (guint) map->date, &t, error) ||
          !get_value (ctx, (guint) map->open, "open", &v[0], error) ||
          !get_value (ctx, (guint) map->high, "high", &v[1], error) ||
          !get_value (ctx, (guint) map->low, "low", &v[2], error) ||
          !get_value (ctx, (guint) map->close, "close", &v[3], error))
        return FALSE;
      if (map->volume >= 0)
        {
          gsize vlen;
          alvh_csv_reader_get_field (ctx->csv, (guint) map->volume, &vlen);
          if (vlen == 0)
            v[4] = 0;
          else if (!get_value (ctx, (guint) map->volume, "volume", &v[4], error))
            return FALSE;
        }
      if (G_UNLIKELY (v[1] < v[2]))
        {
          set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, (guint) map->high,
                     "high %g is below low %g (expected high >= low)", v[1], v[2]);
          return FALSE;
        }
      if (!check_order (ctx, (guint) map->date, t, error))
        return FALSE;

      if (G_UNLIKELY (v[0] == 0 && v[3] > 0))
        {
          /* Yahoo's Open = 0 (1962-1982): the open is unknown */
          if (r->n_open_missing == 0)
            add_warning (ctx, "%s:%u: open is 0; open set to the close (the open is unknown)",
                         r->file, alvh_csv_reader_get_line (ctx->csv));
          v[0] = v[3];
          r->n_open_missing++;
          r->n_warnings++;
        }
      else if (G_UNLIKELY (v[0] < v[2] || v[0] > v[1] || v[3] < v[2] || v[3] > v[1]))
        {
          g_autofree char *d = alvh_time_format_ny_date (t);
          add_warning (ctx, "%s:%u: %s open %g / close %g outside [low %g, high %g]; row kept",
                       r->file, alvh_csv_reader_get_line (ctx->csv), d, v[0], v[3], v[2], v[1]);
          r->n_outside++;
          r->n_warnings++;
        }

      if (!alvh_series_append (s, t, v, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- one or more single-value columns (close-only, VX, term structure) --- */

typedef struct
{
  int         field;
  AlvhSeries *series;   /* the series this column goes to */
  guint       column;   /* its column there */
  const char *what;
  gboolean    positive; /* must be > 0 (settles) */
} ValueCol;

static gboolean
read_values (Ctx       *ctx,
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

      if (!next_row (ctx, needed, &more, error))
        return FALSE;
      if (!more)
        break;
      if (field_is_null (ctx, (guint) cols[0].field))
        {
          r->n_skipped++;
          continue;
        }
      if (!get_date (ctx, (guint) date_field, &t, error))
        return FALSE;

      for (guint i = 0; i < n_cols; i++)
        {
          double v;
          guint slot;

          if (!get_value (ctx, (guint) cols[i].field, cols[i].what, &v, error))
            return FALSE;
          if (cols[i].positive && v <= 0)
            {
              set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, (guint) cols[i].field,
                         "%s is 0 (expected a settle > 0)", cols[i].what);
              return FALSE;
            }
          for (slot = 0; slot < 3 && seen[slot] != NULL && seen[slot] != cols[i].series; slot++)
            ;
          g_assert (slot < 3);
          seen[slot] = cols[i].series;
          rows[slot][cols[i].column] = v;
        }
      if (!check_order (ctx, (guint) date_field, t, error))
        return FALSE;
      for (guint slot = 0; slot < 3 && seen[slot] != NULL; slot++)
        if (!alvh_series_append (seen[slot], t, rows[slot], error))
          return FALSE;
    }
  return TRUE;
}

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

/* "F (Jan 08)" -> 2008, 1 */
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
        if (*p != ' ' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != ')')
          return FALSE;
        *month = i + 1;
        *year = 2000 + (p[1] - '0') * 10 + (p[2] - '0');
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_cfe (Ctx      *ctx,
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

      if (!next_row (ctx, needed, &more, error))
        return FALSE;
      if (!more)
        break;
      if (!get_date (ctx, (guint) date_field, &t, error))
        return FALSE;
      label = alvh_csv_reader_get_field (ctx->csv, (guint) label_field, &llen);
      if (!parse_contract_label (label, llen, &y, &m))
        {
          g_autofree char *text = field_for_message (ctx, (guint) label_field);
          set_error (ctx, error, ALVH_IMPORT_ERROR_VALUE, (guint) label_field,
                     "“%s” is not a VIX futures contract (expected a label like “F (Jan 08)”)", text);
          return FALSE;
        }
      if (!get_value (ctx, (guint) settle_field, "settle", &row.settle, error))
        return FALSE;
      if (row.settle == 0)
        {
          r->n_skipped++;   /* listed, not trading yet */
          continue;
        }
      row.day = alvh_time_ny_day (t);
      if (row.day < rescale_day)
        row.settle /= 10.0;   /* Cboe's old 10x price scale */
      row.expiry = alvh_calendar_vix_expiry (y, m);
      row.line = alvh_csv_reader_get_line (ctx->csv);
      g_array_append_val (rows, row);
    }

  g_array_sort (rows, cfe_row_cmp);
  s = result_add_series (r, ctx->hint != NULL ? ctx->hint : "VX", "vx", vx_cols);

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
    add_warning (ctx, "%s: %" G_GSIZE_FORMAT " trade dates lack the front or second contract and were left out",
                 r->file, missing_dates);
  return TRUE;
}

/* ---- format detection ------------------------------------------------- */

static int
find_col (char       **hdr,
          guint        n,
          const char  *name)
{
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (hdr[i], name) == 0)
      return (int) i;
  return -1;
}

static int
find_any (char       **hdr,
          guint        n,
          ...)
{
  va_list args;
  const char *name;
  int found = -1;

  va_start (args, n);
  while (found < 0 && (name = va_arg (args, const char *)) != NULL)
    found = find_col (hdr, n, name);
  va_end (args);
  return found;
}

static char **
read_header (AlvhCsvReader *csv,
             guint         *n_out)
{
  guint n = alvh_csv_reader_get_n_fields (csv);
  char **hdr = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    hdr[i] = alvh_csv_reader_dup_field (csv, i);
  *n_out = n;
  return hdr;
}

static gboolean
header_is (char       **hdr,
           guint        n,
           const char  *joined)
{
  g_autofree char *j = g_strjoinv (",", hdr);

  (void) n;
  return strcmp (j, joined) == 0;
}

/* symbol names as the store keeps them: ^GSPC, GSPC, SP500 -> SPX */
static char *
normalize_symbol (const char *text)
{
  g_autofree char *s = NULL;

  while (*text == '^' || *text == ' ')
    text++;
  s = g_ascii_strup (text, -1);
  g_strstrip (s);
  if (strcmp (s, "GSPC") == 0 || strcmp (s, "SP500") == 0 || strcmp (s, "SPX.US") == 0 ||
      strcmp (s, "S&P500") == 0)
    return g_strdup ("SPX");
  if (strcmp (s, "VIX.US") == 0)
    return g_strdup ("VIX");
  return g_steal_pointer (&s);
}

/* "vix_daily_cboe.csv" -> "VIX", "^spx_d.csv" -> "SPX", "VIX_History.csv" -> "VIX" */
char *
alvh_import_symbol_from_filename (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *p = base;
  gsize n;

  while (*p == '^')
    p++;
  n = strcspn (p, "_-. ");
  p[n] = '\0';
  if (*p == '\0')
    return g_strdup ("UNKNOWN");
  return normalize_symbol (p);
}

static char *
pick_symbol (Ctx        *ctx,
             const char *from_file)
{
  if (ctx->hint != NULL && *ctx->hint != '\0')
    return normalize_symbol (ctx->hint);
  if (from_file != NULL && *from_file != '\0')
    return normalize_symbol (from_file);
  return alvh_import_symbol_from_filename (alvh_csv_reader_get_name (ctx->csv));
}

/* a column named "<PREFIX> <word>", e.g. "VIX Open" in Cboe's older files */
static int
find_suffix (char       **hdr,
             guint        n,
             const char  *word)
{
  gsize wlen = strlen (word);

  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (hdr[i]);
      if (len > wlen + 1 && hdr[i][len - wlen - 1] == ' ' &&
          g_ascii_strcasecmp (hdr[i] + len - wlen, word) == 0)
        return (int) i;
    }
  return -1;
}

/* "VIX" of "VIX Open", or NULL */
static char *
ohlc_prefix (char        **hdr,
             const ColMap *map)
{
  const char *open = hdr[map->open];
  const char *space = strrchr (open, ' ');

  if (space == NULL || g_ascii_strcasecmp (space + 1, "open") != 0 || space == open)
    return NULL;
  return g_strndup (open, (gsize) (space - open));
}

static gboolean
map_ohlc (char   **hdr,
          guint    n,
          ColMap  *map)
{
  map->date = find_any (hdr, n, "date", "datetime", "timestamp", "time", "day", "trade date", "data", NULL);
  map->open = find_any (hdr, n, "open", "otwarcie", NULL);
  map->high = find_any (hdr, n, "high", "najwyzszy", NULL);
  map->low = find_any (hdr, n, "low", "najnizszy", NULL);
  map->close = find_any (hdr, n, "close", "close/last", "zamkniecie", NULL);
  if (map->open < 0 && map->high < 0 && map->low < 0 && map->close < 0)
    {
      map->open = find_suffix (hdr, n, "open");
      map->high = find_suffix (hdr, n, "high");
      map->low = find_suffix (hdr, n, "low");
      map->close = find_suffix (hdr, n, "close");
    }
  map->volume = find_any (hdr, n, "volume", "vol", "wolumen", NULL);
  return map->date >= 0 && map->open >= 0 && map->high >= 0 && map->low >= 0 && map->close >= 0;
}

/* a header names a date column (or is yfinance's "Price" row) */
static gboolean
looks_like_header (AlvhCsvReader *csv)
{
  static const char * const names[] = {
    "date", "datetime", "timestamp", "time", "day", "trade date", "data",
  };

  if (alvh_csv_reader_field_equal (csv, 0, "price"))
    return TRUE;
  for (guint i = 0; i < alvh_csv_reader_get_n_fields (csv); i++)
    for (guint k = 0; k < G_N_ELEMENTS (names); k++)
      if (alvh_csv_reader_field_equal (csv, i, names[k]))
        return TRUE;
  return FALSE;
}

static void
set_unknown_header_error (Ctx     *ctx,
                          char   **hdr,
                          guint    line,
                          GError **error)
{
  g_autofree char *joined = g_strjoinv (",", hdr);
  g_autoptr(GString) known = g_string_new (NULL);

  if (strlen (joined) > 80)
    strcpy (joined + 77, "...");
  for (guint f = ALVH_IMPORT_FORMAT_CBOE_OHLC; f < G_N_ELEMENTS (format_info); f++)
    g_string_append_printf (known, "%s%s", known->len > 0 ? "; " : "", format_info[f].description);
  g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_UNKNOWN_FORMAT,
               "%s:%u:1: unknown header “%s” (expected one of: %s)",
               alvh_csv_reader_get_name (ctx->csv),
               line != 0 ? line : alvh_csv_reader_get_line (ctx->csv), joined, known->str);
}

static gboolean
sniff (Ctx     *ctx,
       GError **error)
{
  gsize len, i = 0;
  const char *data = alvh_csv_reader_get_data (ctx->csv, &len);
  const char *name = alvh_csv_reader_get_name (ctx->csv);
  gsize probe;
  g_autofree char *head = NULL;
  g_autofree char *first_line = NULL;

  if (alvh_csv_reader_had_bom (ctx->csv))
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i >= len)
    {
      g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_EMPTY,
                   "%s:1:1: the file is empty (expected a CSV header line such as DATE,OPEN,HIGH,LOW,CLOSE)",
                   name);
      return FALSE;
    }
  {
    const char *end = NULL;

    if (!g_utf8_validate_len (data, len, &end))
      {
        guint line = 1, column = 1;
        gboolean binary = *end == '\0' || memchr (data, '\0', MIN (len, 4096)) != NULL;

        for (const char *p = data; p < end; p++)
          {
            if (*p == '\n')
              line++, column = 1;
            else if (((guchar) *p & 0xC0) != 0x80)
              column++;
          }
        if (binary)
          g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_BINARY,
                       "%s:%u:%u: the file holds binary data (a zero byte), not text (expected a CSV file)",
                       name, line, column);
        else
          g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_ENCODING,
                       "%s:%u:%u: invalid UTF-8 text (byte 0x%02X; expected a CSV file in UTF-8 or ASCII)",
                       name, line, column, (guchar) *end);
        return FALSE;
      }
  }
  probe = MIN (len - i, 1024);
  head = g_ascii_strdown (data + i, (gssize) probe);
  if (data[i] == '<' || strstr (head, "<html") != NULL || strstr (head, "<!doctype") != NULL)
    {
      g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_HTML,
                   "%s:1:1: file looks like an HTML page, not CSV (the server sent a web page, e.g. an error or consent page, instead of data)",
                   name);
      return FALSE;
    }
  first_line = g_strndup (head, strcspn (head, "\r\n"));
  g_strstrip (first_line);
  if (strcmp (first_line, "n/d") == 0 || strcmp (first_line, "brak danych") == 0 ||
      strcmp (first_line, "no data") == 0)
    {
      g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_NO_DATA,
                   "%s:1:1: Stooq returned N/D: no data for this symbol", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_result (Ctx     *ctx,
               GError **error)
{
  AlvhImportResult *r = ctx->result;
  ImportSeries *primary;
  gsize n;
  g_autoptr(GArray) days = NULL;

  if (r->series->len == 0)
    return TRUE;
  primary = g_ptr_array_index (r->series, 0);
  n = alvh_series_get_length (primary->series);
  if (n == 0)
    {
      g_set_error (error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_EMPTY,
                   "%s:%u:1: no data rows (expected at least one dated row after the header)",
                   alvh_csv_reader_get_name (ctx->csv), alvh_csv_reader_get_line (ctx->csv) + 1);
      return FALSE;
    }
  r->first = alvh_series_get_times (primary->series)[0];
  r->last = alvh_series_get_times (primary->series)[n - 1];
  days = alvh_calendar_missing_trading_days (alvh_series_get_times (primary->series), n,
                                             MAX_LISTED_GAPS, &r->n_gaps);
  for (guint i = 0; i < days->len; i++)
    {
      gint64 t = alvh_time_from_ny_day (g_array_index (days, gint64, i));
      g_array_append_val (r->gaps, t);
    }
  return TRUE;
}

static AlvhImportResult *
import_reader (AlvhCsvReader  *csv,
               const char     *symbol_hint,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(AlvhImportResult) result = NULL;
  Ctx ctx = { 0 };
  g_auto(GStrv) hdr = NULL;
  guint n = 0;
  gsize len;
  const char *data;
  gboolean ok = FALSE;
  gboolean more;
  ColMap map;

  result = result_new (alvh_csv_reader_get_name (csv));
  data = alvh_csv_reader_get_data (csv, &len);
  result->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);

  ctx.csv = csv;
  ctx.result = result;
  ctx.cancellable = cancellable;
  ctx.hint = symbol_hint != NULL && *symbol_hint != '\0' ? symbol_hint : NULL;
  ctx.latest_date = g_get_real_time () / G_USEC_PER_SEC + 2 * 86400;

  if (!sniff (&ctx, error))
    return NULL;
  if (!finish_next (&ctx, error, &more))
    return NULL;
  g_assert (more);

  /* skip up to 3 disclaimer lines above the header (older Cboe and CFE files) */
  if (!looks_like_header (csv))
    {
      g_auto(GStrv) first = read_header (csv, &n);
      guint first_line = alvh_csv_reader_get_line (csv);
      gboolean found = FALSE;

      for (int skip = 0; skip < 3 && !found; skip++)
        {
          if (!finish_next (&ctx, error, &more))
            return NULL;
          if (!more)
            break;
          found = looks_like_header (csv);
        }
      if (!found)
        {
          set_unknown_header_error (&ctx, first, first_line, error);
          return NULL;
        }
    }
  hdr = read_header (csv, &n);
  ctx.header_fields = n;

  if (n >= 1 && g_ascii_strcasecmp (hdr[0], "price") == 0)
    {
      /* yfinance: Price,<names...> / Ticker,<tickers...> / Date,,,, */
      g_autofree char *ticker = NULL;

      result->format = ALVH_IMPORT_FORMAT_YFINANCE;
      if (!next_yfinance_row (&ctx, "ticker", "Ticker", error))
        return NULL;
      ticker = alvh_csv_reader_dup_field (csv, 1);
      if (!next_yfinance_row (&ctx, "date", "Date", error))
        return NULL;
      g_free (hdr[0]);
      hdr[0] = g_strdup ("date");
      if (!map_ohlc (hdr, n, &map))
        {
          set_unknown_header_error (&ctx, hdr, 0, error);
          return NULL;
        }
      {
        g_autofree char *sym = pick_symbol (&ctx, ticker);
        ok = read_ohlc (&ctx, &map, sym, error);
      }
    }
  else if (find_col (hdr, n, "futures") >= 0 && find_col (hdr, n, "settle") >= 0 &&
           find_any (hdr, n, "trade date", "date", NULL) >= 0)
    {
      result->format = ALVH_IMPORT_FORMAT_CFE_CONTRACTS;
      ok = read_cfe (&ctx, find_any (hdr, n, "trade date", "date", NULL),
                     find_col (hdr, n, "futures"), find_col (hdr, n, "settle"), error);
    }
  else if (find_col (hdr, n, "date") >= 0 && find_col (hdr, n, "vx1") >= 0)
    {
      /* VX settles, optionally with VIX and SP500: the term-structure file */
      static const char * const vx_names[] = { "vx1", "vx2", "vx3", "vx4", "vx5", "vx6", "vx7", "vx8", NULL };
      static const char * const close_col[] = { "close", NULL };
      ValueCol cols[10];
      guint nc = 0, nvx = 0;
      int vix = find_col (hdr, n, "vix");
      int spx = find_any (hdr, n, "sp500", "spx", "gspc", NULL);
      AlvhSeries *vx_series, *vix_series = NULL, *spx_series = NULL;

      while (nvx < 8 && find_col (hdr, n, vx_names[nvx]) >= 0)
        nvx++;
      if (nvx < 2)
        {
          set_unknown_header_error (&ctx, hdr, 0, error);
          return NULL;
        }
      result->format = vix >= 0 ? ALVH_IMPORT_FORMAT_TERM_STRUCTURE : ALVH_IMPORT_FORMAT_VX_SETTLES;
      {
        char *vx_names_n[9] = { NULL };
        for (guint i = 0; i < nvx; i++)
          vx_names_n[i] = g_strdup (vx_names[i]);
        if (vix >= 0)
          vix_series = result_add_series (result, "VIX", "close", close_col);
        vx_series = result_add_series (result, "VX", "vx", (const char * const *) vx_names_n);
        for (guint i = 0; i < nvx; i++)
          g_free (vx_names_n[i]);
      }
      if (vix >= 0 && spx >= 0)
        spx_series = result_add_series (result, "SPX", "close", close_col);
      if (vix >= 0)
        cols[nc++] = (ValueCol) { vix, vix_series, 0, "VIX", FALSE };
      for (guint i = 0; i < nvx; i++)
        cols[nc++] = (ValueCol) { find_col (hdr, n, vx_names[i]), vx_series, i, hdr[find_col (hdr, n, vx_names[i])], TRUE };
      if (spx_series != NULL)
        cols[nc++] = (ValueCol) { spx, spx_series, 0, "SP500", FALSE };
      ok = read_values (&ctx, find_col (hdr, n, "date"), cols, nc, error);
    }
  else if (find_any (hdr, n, "date", "day", NULL) >= 0 &&
           find_any (hdr, n, "advancers", "advances", "advancing", "adv", NULL) >= 0 &&
           find_any (hdr, n, "decliners", "declines", "declining", "decl", NULL) >= 0)
    {
      static const char * const breadth_cols[] = { "advancers", "decliners", NULL };
      g_autofree char *sym = ctx.hint != NULL ? normalize_symbol (ctx.hint) : g_strdup ("BREADTH");
      AlvhSeries *s;
      ValueCol cols[2];

      result->format = ALVH_IMPORT_FORMAT_BREADTH;
      s = result_add_series (result, sym, "breadth", breadth_cols);
      cols[0] = (ValueCol) { find_any (hdr, n, "advancers", "advances", "advancing", "adv", NULL), s, 0, "advancers", FALSE };
      cols[1] = (ValueCol) { find_any (hdr, n, "decliners", "declines", "declining", "decl", NULL), s, 1, "decliners", FALSE };
      ok = read_values (&ctx, find_any (hdr, n, "date", "day", NULL), cols, 2, error);
    }
  else if (map_ohlc (hdr, n, &map))
    {
      g_autofree char *prefix = ohlc_prefix (hdr, &map);
      g_autofree char *sym = pick_symbol (&ctx, prefix);

      if (find_col (hdr, n, "adj close") >= 0 && map.volume >= 0)
        result->format = ALVH_IMPORT_FORMAT_YAHOO;
      else if (header_is (hdr, n, "Date,Open,High,Low,Close,Volume") ||
               header_is (hdr, n, "Date,Open,High,Low,Close") ||
               header_is (hdr, n, "Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen") ||
               header_is (hdr, n, "Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie"))
        result->format = ALVH_IMPORT_FORMAT_STOOQ;
      else if (header_is (hdr, n, "DATE,OPEN,HIGH,LOW,CLOSE"))
        result->format = ALVH_IMPORT_FORMAT_CBOE_OHLC;
      else
        result->format = ALVH_IMPORT_FORMAT_GENERIC_OHLC;
      ok = read_ohlc (&ctx, &map, sym, error);
    }
  else if (n == 2 && g_ascii_strcasecmp (hdr[0], "date") == 0 && is_symbol_name (hdr[1]))
    {
      static const char * const close_col[] = { "close", NULL };
      g_autofree char *sym = pick_symbol (&ctx, hdr[1]);
      ValueCol col;

      result->format = ALVH_IMPORT_FORMAT_CBOE_CLOSE;
      col = (ValueCol) { 1, result_add_series (result, sym, "close", close_col), 0, hdr[1], FALSE };
      ok = read_values (&ctx, 0, &col, 1, error);
    }
  else
    {
      set_unknown_header_error (&ctx, hdr, 0, error);
      return NULL;
    }

  if (!ok || !finish_result (&ctx, error))
    return NULL;
  return g_steal_pointer (&result);
}

AlvhImportResult *
alvh_import_file (const char    *path,
                  const char    *symbol_hint,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(AlvhCsvReader) csv = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  csv = alvh_csv_reader_new_for_path (path, error);
  if (csv == NULL)
    return NULL;
  return import_reader (csv, symbol_hint, cancellable, error);
}

AlvhImportResult *
alvh_import_data (const char    *name,
                  const char    *data,
                  gsize          len,
                  const char    *symbol_hint,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(AlvhCsvReader) csv = alvh_csv_reader_new_for_data (name, data, len);

  return import_reader (csv, symbol_hint, cancellable, error);
}

/* ---- accessors -------------------------------------------------------- */

AlvhImportFormat
alvh_import_result_get_format (AlvhImportResult *self)
{
  return self->format;
}

const char *
alvh_import_result_get_format_id (AlvhImportResult *self)
{
  return alvh_import_format_id (self->format);
}

const char *
alvh_import_result_get_file (AlvhImportResult *self)
{
  return self->file;
}

const char *
alvh_import_result_get_path (AlvhImportResult *self)
{
  return self->path;
}

const char *
alvh_import_result_get_sha256 (AlvhImportResult *self)
{
  return self->sha256;
}

guint
alvh_import_result_get_n_series (AlvhImportResult *self)
{
  return self->series->len;
}

AlvhSeries *
alvh_import_result_get_series (AlvhImportResult *self,
                               guint             index)
{
  g_return_val_if_fail (index < self->series->len, NULL);
  return ((ImportSeries *) g_ptr_array_index (self->series, index))->series;
}

const char *
alvh_import_result_get_symbol (AlvhImportResult *self,
                               guint             index)
{
  g_return_val_if_fail (index < self->series->len, NULL);
  return ((ImportSeries *) g_ptr_array_index (self->series, index))->symbol;
}

const char *
alvh_import_result_get_kind (AlvhImportResult *self,
                             guint             index)
{
  g_return_val_if_fail (index < self->series->len, NULL);
  return ((ImportSeries *) g_ptr_array_index (self->series, index))->kind;
}

AlvhSeries *
alvh_import_result_lookup (AlvhImportResult *self,
                           const char       *symbol)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      ImportSeries *is = g_ptr_array_index (self->series, i);
      if (g_strcmp0 (is->symbol, symbol) == 0)
        return is->series;
    }
  return NULL;
}

/* "VIX, VX, SPX" */
char *
alvh_import_result_dup_symbols (AlvhImportResult *self)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < self->series->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                            ((ImportSeries *) g_ptr_array_index (self->series, i))->symbol);
  return g_string_free (s, FALSE);
}

gsize alvh_import_result_get_n_rows (AlvhImportResult *self) { return self->n_rows; }
gsize alvh_import_result_get_n_skipped (AlvhImportResult *self) { return self->n_skipped; }
gsize alvh_import_result_get_n_warnings (AlvhImportResult *self) { return self->n_warnings; }
gsize alvh_import_result_get_n_outside_range (AlvhImportResult *self) { return self->n_outside; }
gsize alvh_import_result_get_n_open_missing (AlvhImportResult *self) { return self->n_open_missing; }
gint64 alvh_import_result_get_first (AlvhImportResult *self) { return self->first; }
gint64 alvh_import_result_get_last (AlvhImportResult *self) { return self->last; }
gsize alvh_import_result_get_n_gaps (AlvhImportResult *self) { return self->n_gaps; }

/* The detailed warnings (at most 50), NULL-terminated */
const char * const *
alvh_import_result_get_warnings (AlvhImportResult *self)
{
  return (const char * const *) self->warnings->pdata;
}

/* The first (at most 1000) missing NYSE trading days, as daily times */
const gint64 *
alvh_import_result_get_gaps (AlvhImportResult *self,
                             gsize            *n_listed)
{
  if (n_listed != NULL)
    *n_listed = self->gaps->len;
  return (const gint64 *) (gpointer) self->gaps->data;
}
