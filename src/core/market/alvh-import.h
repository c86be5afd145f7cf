/* alvh-import.h — market data files in, AlvhSeries out
 *
 * alvh_import_file () detects the format from the header and reads the whole
 * file into one or more named series (see AlvhImportFormat for the formats).
 * Series kinds and their columns:
 *   "ohlc"    open, high, low, close [, volume]   (SPX, VIX, VIX9D, VIX3M ...)
 *   "close"   close                               (VVIX, SKEW, VIX or SPX of the term-structure file)
 *   "vx"      vx1, vx2 [, vx3 .. vx8]             (monthly VIX future settles, symbol "VX")
 *   "breadth" advancers, decliners                (symbol "BREADTH" unless a hint is given)
 * A Cboe option chain download gives no series but a chain
 * (alvh_import_result_get_chain()), dated by its session.
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
 *  - index levels and settles must be finite and within a plausible range
 *    for their symbol (SPX 1..100000, VIX/VIX3M/VX 1..300, VIX9D 1..500,
 *    VVIX 5..1000, SKEW 50..300, any other 1e-6..1e9), else an error: a 0,
 *    4.9e-324 or 1e308 would reach a replay as NaN or infinity.
 * The file is read, never mapped; folders, FIFOs and devices are refused, a
 * file that changes while it is read is an error (alvh_csv_read_file()).
 * Errors name FILE:LINE:COLUMN and what was expected.  Missing NYSE trading
 * days (gaps) are reported, never fatal.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-option-chain.h"
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
  ALVH_IMPORT_FORMAT_CBOE_CHAIN,      /* Cboe delayed quotes option chain (Expiration Date,Calls,...) */
} AlvhImportFormat;

typedef struct _AlvhImportResult AlvhImportResult;

/* One VIX futures contract's settle on one trade date (CFE files) */
typedef struct
{
  gint64 time;     /* the trade date, 00:00 New York */
  gint64 expiry;   /* the contract's expiry date, 00:00 New York */
  double settle;   /* VIX points (Cboe's pre-2007-03-26 10x scale undone) */
} AlvhVxSettle;

/**
 * alvh_import_result_get_type:
 * Returns: the boxed type of #AlvhImportResult
 */
GType              alvh_import_result_get_type        (void) G_GNUC_CONST;

/**
 * alvh_import_error_quark:
 * Returns: the error domain %ALVH_IMPORT_ERROR
 */
GQuark             alvh_import_error_quark            (void);

/**
 * alvh_import_file:
 * @path: the file to import
 * @symbol_hint: (nullable): the symbol for files whose header names none
 *   (default: from the file name)
 * @cancellable: (nullable): a #GCancellable, checked every 65536 rows
 * @error: return location for an error "FILE:LINE:COLUMN: what (expected ...)"
 *
 * Detects the format from the header and reads the whole file.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
AlvhImportResult  *alvh_import_file                   (const char        *path,
                                                       const char        *symbol_hint,
                                                       GCancellable      *cancellable,
                                                       GError           **error);

/**
 * alvh_import_data:
 * @name: the name used in messages and as the result's file
 * @data: (array length=len): the file's text; it is copied
 * @len: the length of @data in bytes
 * @symbol_hint: (nullable): as for alvh_import_file()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Imports text held in memory, as alvh_import_file() does a file.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
AlvhImportResult  *alvh_import_data                   (const char        *name,
                                                       const char        *data,
                                                       gsize              len,
                                                       const char        *symbol_hint,
                                                       GCancellable      *cancellable,
                                                       GError           **error);

/**
 * alvh_import_format_id:
 * @format: a format
 *
 * Returns: (transfer none): the format's stable id such as "cboe-ohlc"
 */
const char        *alvh_import_format_id              (AlvhImportFormat   format);

/**
 * alvh_import_format_describe:
 * @format: a format
 *
 * Returns: (transfer none): an English description with its header
 */
const char        *alvh_import_format_describe        (AlvhImportFormat   format);

/**
 * alvh_import_symbol_from_filename:
 * @path: a file name or path
 *
 * Returns: (transfer full): the symbol the name suggests ("^VIX_History.csv"
 *   gives "VIX"), "UNKNOWN" when there is none
 */
char              *alvh_import_symbol_from_filename   (const char        *path);

/**
 * alvh_import_result_ref:
 * @self: an import result
 *
 * Returns: (transfer full): @self with one more reference
 */
AlvhImportResult  *alvh_import_result_ref             (AlvhImportResult  *self);

/**
 * alvh_import_result_unref:
 * @self: (transfer full): an import result
 *
 * Drops a reference; the last one frees the result and its series.
 */
void               alvh_import_result_unref           (AlvhImportResult  *self);

/**
 * alvh_import_result_get_format:
 * @self: an import result
 *
 * Returns: the detected format
 */
AlvhImportFormat   alvh_import_result_get_format      (AlvhImportResult  *self);

/**
 * alvh_import_result_get_format_id:
 * @self: an import result
 *
 * Returns: (transfer none): the detected format's id
 */
const char        *alvh_import_result_get_format_id   (AlvhImportResult  *self);

/**
 * alvh_import_result_get_file:
 * @self: an import result
 *
 * Returns: (transfer none): the file's base name
 */
const char        *alvh_import_result_get_file        (AlvhImportResult  *self);

/**
 * alvh_import_result_get_path:
 * @self: an import result
 *
 * Returns: (transfer none): the path or name given
 */
const char        *alvh_import_result_get_path        (AlvhImportResult  *self);

/**
 * alvh_import_result_get_sha256:
 * @self: an import result
 *
 * Returns: (transfer none): the SHA-256 of the data, in hex
 */
const char        *alvh_import_result_get_sha256      (AlvhImportResult  *self);

/**
 * alvh_import_result_get_n_series:
 * @self: an import result
 *
 * Returns: the number of series read
 */
guint              alvh_import_result_get_n_series    (AlvhImportResult  *self);

/**
 * alvh_import_result_get_series:
 * @self: an import result
 * @index: a series index below alvh_import_result_get_n_series()
 *
 * Returns: (transfer none): the series
 */
AlvhSeries        *alvh_import_result_get_series      (AlvhImportResult  *self,
                                                       guint              index);

/**
 * alvh_import_result_get_symbol:
 * @self: an import result
 * @index: a series index
 *
 * Returns: (transfer none): the series' symbol
 */
const char        *alvh_import_result_get_symbol      (AlvhImportResult  *self,
                                                       guint              index);

/**
 * alvh_import_result_get_kind:
 * @self: an import result
 * @index: a series index
 *
 * Returns: (transfer none): the series' kind: "ohlc", "close", "vx" or "breadth"
 */
const char        *alvh_import_result_get_kind        (AlvhImportResult  *self,
                                                       guint              index);

/**
 * alvh_import_result_lookup:
 * @self: an import result
 * @symbol: a symbol
 *
 * Returns: (transfer none) (nullable): the series of @symbol, or %NULL
 */
AlvhSeries        *alvh_import_result_lookup          (AlvhImportResult  *self,
                                                       const char        *symbol);

/**
 * alvh_import_result_dup_symbols:
 * @self: an import result
 *
 * Returns: (transfer full): the symbols read, joined by ", "
 */
char              *alvh_import_result_dup_symbols     (AlvhImportResult  *self);

/**
 * alvh_import_result_get_n_rows:
 * @self: an import result
 *
 * Returns: the data rows read
 */
gsize              alvh_import_result_get_n_rows      (AlvhImportResult  *self);

/**
 * alvh_import_result_get_n_skipped:
 * @self: an import result
 *
 * Returns: the rows skipped (Yahoo "null" rows, CFE zero settles)
 */
gsize              alvh_import_result_get_n_skipped   (AlvhImportResult  *self);

/**
 * alvh_import_result_get_n_warnings:
 * @self: an import result
 *
 * Returns: the number of warnings, also those not listed
 */
gsize              alvh_import_result_get_n_warnings  (AlvhImportResult  *self);

/**
 * alvh_import_result_get_n_outside_range:
 * @self: an import result
 *
 * Returns: the rows whose open or close lies outside [low, high]
 */
gsize              alvh_import_result_get_n_outside_range (AlvhImportResult *self);

/**
 * alvh_import_result_get_n_open_missing:
 * @self: an import result
 *
 * Returns: the Yahoo rows with open 0 that got open = close
 */
gsize              alvh_import_result_get_n_open_missing  (AlvhImportResult *self);

/**
 * alvh_import_result_get_warnings:
 * @self: an import result
 *
 * Returns: (transfer none) (array zero-terminated=1): the first 50 warnings
 */
const char * const *alvh_import_result_get_warnings   (AlvhImportResult  *self);

/**
 * alvh_import_result_get_first:
 * @self: an import result
 *
 * Returns: the time of the first bar of the first series
 */
gint64             alvh_import_result_get_first       (AlvhImportResult  *self);

/**
 * alvh_import_result_get_last:
 * @self: an import result
 *
 * Returns: the time of the last bar of the first series
 */
gint64             alvh_import_result_get_last        (AlvhImportResult  *self);

/**
 * alvh_import_result_get_n_gaps:
 * @self: an import result
 *
 * Returns: the NYSE trading days without a bar, in all
 */
gsize              alvh_import_result_get_n_gaps      (AlvhImportResult  *self);

/**
 * alvh_import_result_get_gaps:
 * @self: an import result
 * @n_listed: (out) (optional): the number of times returned
 *
 * Returns: (transfer none) (array length=n_listed): the first 1000 missing
 *   trading days, as times of their bars
 */
const gint64      *alvh_import_result_get_gaps        (AlvhImportResult  *self,
                                                       gsize             *n_listed);

/**
 * alvh_import_result_get_chain:
 * @self: an import result
 *
 * An option chain file (%ALVH_IMPORT_FORMAT_CBOE_CHAIN) has no series: its
 * rows are the chain, and first and last are its session date.
 *
 * Returns: (transfer none) (nullable): the chain, or %NULL for other formats
 */
AlvhOptionChain   *alvh_import_result_get_chain       (AlvhImportResult  *self);

/**
 * alvh_import_result_get_vx_contracts:
 * @self: an import result
 * @n: (out) (optional): the number of settles
 *
 * Returns: (transfer none) (array length=n): a CFE per-contract file's
 *   settles (Settle 0 rows left out), by trade date and expiry; none for
 *   other formats
 */
const AlvhVxSettle *alvh_import_result_get_vx_contracts (AlvhImportResult *self,
                                                       gsize            *n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhImportResult, alvh_import_result_unref)

G_END_DECLS
