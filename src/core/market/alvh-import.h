/* alvh-import.h — market data files in, AlvhSeries out
 *
 * alvh_import_file () detects the format from the header and reads the whole
 * file into one or more named series (see AlvhImportFormat for the formats).
 * Series kinds and their columns:
 *   "ohlc"    open, high, low, close [, volume]   (SPX, VIX, VIX9D, VIX3M ...)
 *   "close"   close                               (VVIX, SKEW, VIX or SPX of the term-structure file)
 *   "vx"      vx1, vx2 [, vx3 .. vx8]             (monthly VIX future settles, symbol "VX")
 *   "breadth" advancers, decliners                (symbol "BREADTH" unless a hint is given)
 * Daily times are the date at 00:00 New York (alvh_time_from_ny_date).
 *
 * Policies for real-world quirks:
 *  - rows whose OPEN or CLOSE lies outside [LOW, HIGH] (Cboe's old VIX opens)
 *    are kept and counted in n_outside_range and n_warnings;
 *  - Yahoo rows with Open = 0 (1962-1982) keep high/low/close and get
 *    open = close (the open is unknown); counted in n_open_missing and n_warnings;
 *  - Yahoo "null" rows are skipped and counted in n_skipped;
 *  - CFE per-contract files: Settle = 0 rows are skipped; before 2007-03-26
 *    prices are divided by 10 (Cboe's old scale); VX1/VX2 of a date are the
 *    settles of the first two monthly contracts whose expiry
 *    (alvh_calendar_vix_expiry) is after that date; dates lacking either are
 *    skipped.
 * Errors name FILE:LINE:COLUMN and what was expected.  Missing NYSE trading
 * days (gaps) are reported, never fatal.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_TYPE_IMPORT_RESULT (alvh_import_result_get_type ())
#define ALVH_IMPORT_ERROR (alvh_import_error_quark ())

typedef enum
{
  ALVH_IMPORT_ERROR_EMPTY,           /* nothing but blanks */
  ALVH_IMPORT_ERROR_HTML,            /* an HTML page, not CSV */
  ALVH_IMPORT_ERROR_NO_DATA,         /* Stooq "N/D", Yahoo "No data" */
  ALVH_IMPORT_ERROR_UNKNOWN_FORMAT,  /* header not recognised */
  ALVH_IMPORT_ERROR_VALUE,           /* non-numeric, negative, high < low, bad label */
  ALVH_IMPORT_ERROR_DATE,            /* unparseable date */
  ALVH_IMPORT_ERROR_DUPLICATE,       /* the same date twice */
  ALVH_IMPORT_ERROR_ORDER,           /* a date before the previous one */
  ALVH_IMPORT_ERROR_SHORT_ROW,       /* fewer (or more) fields than the header */
  ALVH_IMPORT_ERROR_BINARY,          /* a zero byte: not a text file */
  ALVH_IMPORT_ERROR_ENCODING,        /* invalid UTF-8 */
} AlvhImportError;

typedef enum
{
  ALVH_IMPORT_FORMAT_UNKNOWN,
  ALVH_IMPORT_FORMAT_CBOE_OHLC,       /* DATE,OPEN,HIGH,LOW,CLOSE  (M/D/Y)  */
  ALVH_IMPORT_FORMAT_CBOE_CLOSE,      /* DATE,VVIX | DATE,SKEW | DATE,<NAME> */
  ALVH_IMPORT_FORMAT_YAHOO,           /* Date,Open,High,Low,Close,Adj Close,Volume */
  ALVH_IMPORT_FORMAT_YFINANCE,        /* Price / Ticker / Date three-row header */
  ALVH_IMPORT_FORMAT_STOOQ,           /* Date,Open,High,Low,Close[,Volume] (or Polish names) */
  ALVH_IMPORT_FORMAT_GENERIC_OHLC,    /* date + open/high/low/close in any order and case */
  ALVH_IMPORT_FORMAT_VX_SETTLES,      /* DATE,VX1,VX2[,...] */
  ALVH_IMPORT_FORMAT_TERM_STRUCTURE,  /* DATE,VIX,VX1..VX8,SP500 */
  ALVH_IMPORT_FORMAT_CFE_CONTRACTS,   /* Trade Date,Futures,...,Settle,... */
  ALVH_IMPORT_FORMAT_BREADTH,         /* date, advancers, decliners */
} AlvhImportFormat;

typedef struct _AlvhImportResult AlvhImportResult;

GType              alvh_import_result_get_type        (void) G_GNUC_CONST;
GQuark             alvh_import_error_quark            (void);

AlvhImportResult  *alvh_import_file                   (const char        *path,
                                                       const char        *symbol_hint,
                                                       GCancellable      *cancellable,
                                                       GError           **error);
AlvhImportResult  *alvh_import_data                   (const char        *name,
                                                       const char        *data,
                                                       gsize              len,
                                                       const char        *symbol_hint,
                                                       GCancellable      *cancellable,
                                                       GError           **error);
const char        *alvh_import_format_id              (AlvhImportFormat   format);
const char        *alvh_import_format_describe        (AlvhImportFormat   format);
char              *alvh_import_symbol_from_filename   (const char        *path);

AlvhImportResult  *alvh_import_result_ref             (AlvhImportResult  *self);
void               alvh_import_result_unref           (AlvhImportResult  *self);

AlvhImportFormat   alvh_import_result_get_format      (AlvhImportResult  *self);
const char        *alvh_import_result_get_format_id   (AlvhImportResult  *self);
const char        *alvh_import_result_get_file        (AlvhImportResult  *self);
const char        *alvh_import_result_get_path        (AlvhImportResult  *self);
const char        *alvh_import_result_get_sha256      (AlvhImportResult  *self);
guint              alvh_import_result_get_n_series    (AlvhImportResult  *self);
AlvhSeries        *alvh_import_result_get_series      (AlvhImportResult  *self,
                                                       guint              index);
const char        *alvh_import_result_get_symbol      (AlvhImportResult  *self,
                                                       guint              index);
const char        *alvh_import_result_get_kind        (AlvhImportResult  *self,
                                                       guint              index);
AlvhSeries        *alvh_import_result_lookup          (AlvhImportResult  *self,
                                                       const char        *symbol);
char              *alvh_import_result_dup_symbols     (AlvhImportResult  *self);
gsize              alvh_import_result_get_n_rows      (AlvhImportResult  *self);
gsize              alvh_import_result_get_n_skipped   (AlvhImportResult  *self);
gsize              alvh_import_result_get_n_warnings  (AlvhImportResult  *self);
gsize              alvh_import_result_get_n_outside_range (AlvhImportResult *self);
gsize              alvh_import_result_get_n_open_missing  (AlvhImportResult *self);
const char * const *alvh_import_result_get_warnings   (AlvhImportResult  *self);
gint64             alvh_import_result_get_first       (AlvhImportResult  *self);
gint64             alvh_import_result_get_last        (AlvhImportResult  *self);
gsize              alvh_import_result_get_n_gaps      (AlvhImportResult  *self);
const gint64      *alvh_import_result_get_gaps        (AlvhImportResult  *self,
                                                       gsize             *n_listed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhImportResult, alvh_import_result_unref)

G_END_DECLS
