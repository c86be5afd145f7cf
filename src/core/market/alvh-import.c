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
#include "alvh-import-private.h"
#include "alvh-time.h"

#define MAX_LISTED_GAPS     1000

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
  [ALVH_IMPORT_FORMAT_CBOE_CHAIN]     = { "cboe-chain", "Cboe option chain download (Expiration Date,Calls,...,Strike,Puts,...)" },
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
  self->contracts = g_array_new (FALSE, FALSE, sizeof (AlvhVxSettle));
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
  g_clear_pointer (&self->chain, alvh_option_chain_unref);
  g_array_unref (self->contracts);
  g_free (self);
}

/* ---- format detection ------------------------------------------------- */

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

/* Moves to the header line (skipping up to 3 disclaimer lines above it, as
 * in older Cboe and CFE files) and returns its fields. */
static char **
find_header (Ctx      *ctx,
             guint    *n,
             GError  **error)
{
  AlvhCsvReader *csv = ctx->csv;
  gboolean more;

  if (!sniff (ctx, error))
    return NULL;
  if (!_alvh_import_finish_next (ctx, error, &more))
    return NULL;
  g_assert (more);

  if (!looks_like_header (csv))
    {
      g_auto(GStrv) first = read_header (csv, n);
      guint first_line = alvh_csv_reader_get_line (csv);
      gboolean found = FALSE;

      for (int skip = 0; skip < 3 && !found; skip++)
        {
          if (!_alvh_import_finish_next (ctx, error, &more))
            return NULL;
          if (!more)
            break;
          found = looks_like_header (csv);
        }
      if (!found)
        {
          set_unknown_header_error (ctx, first, first_line, error);
          return NULL;
        }
    }
  return read_header (csv, n);
}

/* yfinance: Price,<names...> / Ticker,<tickers...> / Date,,,, */
static gboolean
import_yfinance (Ctx      *ctx,
                 char    **hdr,
                 guint     n,
                 GError  **error)
{
  g_autofree char *ticker = NULL;
  g_autofree char *sym = NULL;
  ColMap map;

  ctx->result->format = ALVH_IMPORT_FORMAT_YFINANCE;
  if (!_alvh_import_next_yfinance_row (ctx, "ticker", "Ticker", error))
    return FALSE;
  ticker = alvh_csv_reader_dup_field (ctx->csv, 1);
  if (!_alvh_import_next_yfinance_row (ctx, "date", "Date", error))
    return FALSE;
  g_free (hdr[0]);
  hdr[0] = g_strdup ("date");
  if (!map_ohlc (hdr, n, &map))
    {
      set_unknown_header_error (ctx, hdr, 0, error);
      return FALSE;
    }
  sym = pick_symbol (ctx, ticker);
  return _alvh_import_read_ohlc (ctx, &map, sym, error);
}

/* VX settles, optionally with VIX and SP500: the term-structure file */
static gboolean
import_vx (Ctx      *ctx,
           char    **hdr,
           guint     n,
           GError  **error)
{
  static const char * const vx_names[] = { "vx1", "vx2", "vx3", "vx4", "vx5", "vx6", "vx7", "vx8", NULL };
  static const char * const close_col[] = { "close", NULL };
  AlvhImportResult *result = ctx->result;
  ValueCol cols[10];
  guint nc = 0, nvx = 0;
  int vix = find_col (hdr, n, "vix");
  int spx = find_any (hdr, n, "sp500", "spx", "gspc", NULL);
  AlvhSeries *vx_series, *vix_series = NULL, *spx_series = NULL;
  char *vx_names_n[9] = { NULL };

  while (nvx < 8 && find_col (hdr, n, vx_names[nvx]) >= 0)
    nvx++;
  if (nvx < 2)
    {
      set_unknown_header_error (ctx, hdr, 0, error);
      return FALSE;
    }
  result->format = vix >= 0 ? ALVH_IMPORT_FORMAT_TERM_STRUCTURE : ALVH_IMPORT_FORMAT_VX_SETTLES;
  for (guint i = 0; i < nvx; i++)
    vx_names_n[i] = g_strdup (vx_names[i]);
  if (vix >= 0)
    vix_series = _alvh_import_result_add_series (result, "VIX", "close", close_col);
  vx_series = _alvh_import_result_add_series (result, "VX", "vx", (const char * const *) vx_names_n);
  for (guint i = 0; i < nvx; i++)
    g_free (vx_names_n[i]);
  if (vix >= 0 && spx >= 0)
    spx_series = _alvh_import_result_add_series (result, "SPX", "close", close_col);
  if (vix >= 0)
    cols[nc++] = (ValueCol) { vix, vix_series, 0, "VIX", FALSE, _alvh_import_level_range ("VIX") };
  for (guint i = 0; i < nvx; i++)
    cols[nc++] = (ValueCol) { find_col (hdr, n, vx_names[i]), vx_series, i, hdr[find_col (hdr, n, vx_names[i])], TRUE,
                              _alvh_import_level_range ("VX") };
  if (spx_series != NULL)
    cols[nc++] = (ValueCol) { spx, spx_series, 0, "SP500", FALSE, _alvh_import_level_range ("SPX") };
  return _alvh_import_read_values (ctx, find_col (hdr, n, "date"), cols, nc, error);
}

static gboolean
import_breadth (Ctx      *ctx,
                char    **hdr,
                guint     n,
                GError  **error)
{
  static const char * const breadth_cols[] = { "advancers", "decliners", NULL };
  g_autofree char *sym = ctx->hint != NULL ? normalize_symbol (ctx->hint) : g_strdup ("BREADTH");
  AlvhSeries *s;
  ValueCol cols[2];

  ctx->result->format = ALVH_IMPORT_FORMAT_BREADTH;
  s = _alvh_import_result_add_series (ctx->result, sym, "breadth", breadth_cols);
  cols[0] = (ValueCol) { find_any (hdr, n, "advancers", "advances", "advancing", "adv", NULL), s, 0, "advancers", FALSE, NULL };
  cols[1] = (ValueCol) { find_any (hdr, n, "decliners", "declines", "declining", "decl", NULL), s, 1, "decliners", FALSE, NULL };
  return _alvh_import_read_values (ctx, find_any (hdr, n, "date", "day", NULL), cols, 2, error);
}

/* Yahoo, Stooq, Cboe or any other header that names date, open, high, low
 * and close. */
static gboolean
import_ohlc (Ctx           *ctx,
             char         **hdr,
             guint          n,
             const ColMap  *map,
             GError       **error)
{
  AlvhImportResult *result = ctx->result;
  g_autofree char *prefix = ohlc_prefix (hdr, map);
  g_autofree char *sym = pick_symbol (ctx, prefix);

  if (find_col (hdr, n, "adj close") >= 0 && map->volume >= 0)
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
  return _alvh_import_read_ohlc (ctx, map, sym, error);
}

/* DATE,<NAME>: a close-only history such as Cboe's VVIX or SKEW. */
static gboolean
import_close (Ctx      *ctx,
              char    **hdr,
              GError  **error)
{
  static const char * const close_col[] = { "close", NULL };
  g_autofree char *sym = pick_symbol (ctx, hdr[1]);
  ValueCol col;

  ctx->result->format = ALVH_IMPORT_FORMAT_CBOE_CLOSE;
  col = (ValueCol) { 1, _alvh_import_result_add_series (ctx->result, sym, "close", close_col), 0, hdr[1], FALSE,
                     _alvh_import_level_range (sym) };
  return _alvh_import_read_values (ctx, 0, &col, 1, error);
}

/* Picks the format from the header's names and reads the rows with it. */
static gboolean
import_body (Ctx      *ctx,
             char    **hdr,
             guint     n,
             GError  **error)
{
  ColMap map;

  if (n >= 1 && g_ascii_strcasecmp (hdr[0], "price") == 0)
    return import_yfinance (ctx, hdr, n, error);
  if (find_col (hdr, n, "futures") >= 0 && find_col (hdr, n, "settle") >= 0 &&
      find_any (hdr, n, "trade date", "date", NULL) >= 0)
    {
      ctx->result->format = ALVH_IMPORT_FORMAT_CFE_CONTRACTS;
      return _alvh_import_read_cfe (ctx, find_any (hdr, n, "trade date", "date", NULL),
                                    find_col (hdr, n, "futures"), find_col (hdr, n, "settle"), error);
    }
  if (find_col (hdr, n, "date") >= 0 && find_col (hdr, n, "vx1") >= 0)
    return import_vx (ctx, hdr, n, error);
  if (find_any (hdr, n, "date", "day", NULL) >= 0 &&
      find_any (hdr, n, "advancers", "advances", "advancing", "adv", NULL) >= 0 &&
      find_any (hdr, n, "decliners", "declines", "declining", "decl", NULL) >= 0)
    return import_breadth (ctx, hdr, n, error);
  if (map_ohlc (hdr, n, &map))
    return import_ohlc (ctx, hdr, n, &map, error);
  if (n == 2 && g_ascii_strcasecmp (hdr[0], "date") == 0 && is_symbol_name (hdr[1]))
    return import_close (ctx, hdr, error);
  set_unknown_header_error (ctx, hdr, 0, error);
  return FALSE;
}

static gsize
count_char (const char *data,
            gsize       len,
            char        c)
{
  const char *end = data + len;
  gsize n = 0;

  for (const char *p = data; (p = memchr (p, c, (gsize) (end - p))) != NULL; p++)
    n++;
  return n;
}

/* line ends (LF or CR) + 1: at least the number of records */
static gsize
count_lines (const char *data,
             gsize       len)
{
  return count_char (data, len, '\n') + count_char (data, len, '\r') + 1;
}

/* A Cboe chain download: "Expiration Date,Calls," starts a line among the
 * first few */
static gboolean
is_chain_download (const char *data,
                   gsize       len)
{
  static const char mark[] = "Expiration Date,Calls,";
  gsize probe = MIN (len, 2048), lines = 0;

  for (gsize i = 0; i < probe && lines < 6; i++)
    {
      if (i == 0 || data[i - 1] == '\n')
        {
          lines++;
          if (probe - i >= sizeof mark - 1 && memcmp (data + i, mark, sizeof mark - 1) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The whole chain with the chain parser (its errors name FILE:LINE:COLUMN);
 * dated by its session */
static gboolean
import_chain (AlvhImportResult  *result,
              const char        *data,
              gsize              len,
              GError           **error)
{
  result->chain = alvh_option_chain_parse_cboe_csv (result->file, data, len, error);
  if (result->chain == NULL)
    return FALSE;
  result->format = ALVH_IMPORT_FORMAT_CBOE_CHAIN;
  result->n_rows = alvh_option_chain_get_n_rows (result->chain);
  result->first = result->last = alvh_option_chain_get_session_date (result->chain);
  return TRUE;
}

static AlvhImportResult *
import_reader (AlvhCsvReader           *csv,
               const char              *symbol_hint,
               GCancellable            *cancellable,
               AlvhImportProgressFunc   progress,
               gpointer                 progress_data,
               GError                 **error)
{
  g_autoptr(AlvhImportResult) result = NULL;
  Ctx ctx = { 0 };
  g_auto(GStrv) hdr = NULL;
  guint n = 0;
  gsize len;
  const char *data;

  result = result_new (alvh_csv_reader_get_name (csv));
  data = alvh_csv_reader_get_data (csv, &len);
  result->sha256 = _alvh_import_sha256_hex ((const guchar *) data, len);
  result->max_rows = count_lines (data, len);

  ctx.csv = csv;
  ctx.result = result;
  ctx.cancellable = cancellable;
  ctx.hint = symbol_hint != NULL && *symbol_hint != '\0' ? symbol_hint : NULL;
  ctx.latest_date = g_get_real_time () / G_USEC_PER_SEC + 2 * 86400;
  ctx.progress = progress;
  ctx.progress_data = progress_data;

  if (is_chain_download (data, len))
    return import_chain (result, data, len, error) ? g_steal_pointer (&result) : NULL;
  hdr = find_header (&ctx, &n, error);
  if (hdr == NULL)
    return NULL;
  ctx.header_fields = n;
  if (!import_body (&ctx, hdr, n, error) || !finish_result (&ctx, error))
    return NULL;
  return g_steal_pointer (&result);
}

/* alvh_import_file () that calls @progress every PROGRESS_ROWS rows */
AlvhImportResult *
_alvh_import_file_with_progress (const char              *path,
                                 const char              *symbol_hint,
                                 GCancellable            *cancellable,
                                 AlvhImportProgressFunc   progress,
                                 gpointer                 user_data,
                                 GError                 **error)
{
  g_autoptr(AlvhCsvReader) csv = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  csv = alvh_csv_reader_new_for_path (path, error);
  if (csv == NULL)
    return NULL;
  return import_reader (csv, symbol_hint, cancellable, progress, user_data, error);
}

AlvhImportResult *
alvh_import_file (const char    *path,
                  const char    *symbol_hint,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return _alvh_import_file_with_progress (path, symbol_hint, cancellable, NULL, NULL, error);
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

  return import_reader (csv, symbol_hint, cancellable, NULL, NULL, error);
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

  if (self->chain != NULL)
    g_string_append (s, "SPX options");
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

const AlvhVxSettle *
alvh_import_result_get_vx_contracts (AlvhImportResult *self,
                                     gsize            *n)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n != NULL)
    *n = self->contracts->len;
  return (const AlvhVxSettle *) (gpointer) self->contracts->data;
}

AlvhOptionChain *
alvh_import_result_get_chain (AlvhImportResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->chain;
}

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
