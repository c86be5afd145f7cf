/* alvh-import-private.h — what the import driver and its readers share
 *
 * alvh-import.c detects the format and drives one of the readers:
 * alvh-import-ohlc.c (OHLC histories), alvh-import-values.c (single-value
 * columns: close-only, VX settles, term structure, breadth) and
 * alvh-import-cfe.c (CFE per-contract settles).  alvh-import-rows.c holds
 * the row, date, value, level and message helpers they all use;
 * alvh-import-sha256.c the checksum the store records.
 */
#pragma once

#include "alvh-calendar-private.h"
#include "alvh-csv.h"
#include "alvh-import.h"

G_BEGIN_DECLS

#define MAX_LISTED_WARNINGS 50
#define CANCEL_CHECK_ROWS   65536
#define PROGRESS_ROWS       65536

/* Called in the parsing thread every PROGRESS_ROWS data rows with the result
 * so far; FALSE (with @error set) ends the import with that error. */
typedef gboolean (*AlvhImportProgressFunc) (AlvhImportResult  *result,
                                            gpointer           user_data,
                                            GError           **error);

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
  AlvhOptionChain  *chain;      /* a chain download, else NULL */
  GArray           *contracts;  /* AlvhVxSettle of a CFE file, by time and expiry */
  gsize             max_rows;   /* lines of the file: no series grows past
                                 * this, so its arrays never move */
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
  AlvhImportProgressFunc progress;
  gpointer          progress_data;
} Ctx;

typedef struct
{
  int date, open, high, low, close, volume;
} ColMap;

typedef struct
{
  const char *symbol;   /* NULL: any other symbol */
  double      min, max; /* the plausible levels, inclusive */
} AlvhImportLevelRange;

typedef struct
{
  int                          field;
  AlvhSeries                  *series;   /* the series this column goes to */
  guint                        column;   /* its column there */
  const char                  *what;
  gboolean                     positive; /* must be > 0 (settles) */
  const AlvhImportLevelRange  *level;    /* NULL: not a price level (breadth) */
} ValueCol;

AlvhSeries *
_alvh_import_result_add_series (AlvhImportResult   *self,
                                const char         *symbol,
                                const char         *kind,
                                const char * const *columns);

void
_alvh_import_add_warning (Ctx        *ctx,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

void
_alvh_import_set_error (Ctx        *ctx,
                        GError    **error,
                        int         code,
                        guint       field,
                        const char *format,
                        ...) G_GNUC_PRINTF (5, 6);

char *
_alvh_import_field_for_message (Ctx   *ctx,
                                guint  field);

gboolean
_alvh_import_check_cancel (Ctx     *ctx,
                           gsize    row,
                           GError **error);

gboolean
_alvh_import_need_fields (Ctx     *ctx,
                          guint    needed,
                          GError **error);

gboolean
_alvh_import_get_date (Ctx     *ctx,
                       guint    field,
                       gint64  *out,
                       GError **error);

gboolean
_alvh_import_check_order (Ctx     *ctx,
                          guint    field,
                          gint64   t,
                          GError **error);

gboolean
_alvh_import_get_value (Ctx         *ctx,
                        guint        field,
                        const char  *what,
                        double      *out,
                        GError     **error);

AlvhImportResult *
_alvh_import_file_with_progress (const char              *path,
                                 const char              *symbol_hint,
                                 GCancellable            *cancellable,
                                 AlvhImportProgressFunc   progress,
                                 gpointer                 user_data,
                                 GError                 **error);

char *
_alvh_import_sha256_hex (const guchar *data,
                         gsize         len);

const AlvhImportLevelRange *
_alvh_import_level_range (const char *symbol);

gboolean
_alvh_import_check_level (Ctx                        *ctx,
                          guint                       field,
                          const AlvhImportLevelRange *range,
                          const char                 *what,
                          double                      v,
                          GError                    **error);

gboolean
_alvh_import_field_is_null (Ctx   *ctx,
                            guint  field);

gboolean
_alvh_import_field_is_nd (Ctx   *ctx,
                          guint  field);

gboolean
_alvh_import_finish_next (Ctx       *ctx,
                          GError   **error,
                          gboolean  *more);

gboolean
_alvh_import_next_row (Ctx       *ctx,
                       guint      needed,
                       gboolean  *more,
                       GError   **error);

gboolean
_alvh_import_next_yfinance_row (Ctx         *ctx,
                                const char  *key,
                                const char  *label,
                                GError     **error);

gboolean
_alvh_import_read_ohlc (Ctx           *ctx,
                        const ColMap  *map,
                        const char    *symbol,
                        GError       **error);

gboolean
_alvh_import_read_values (Ctx       *ctx,
                          int        date_field,
                          ValueCol  *cols,
                          guint      n_cols,
                          GError   **error);

gboolean
_alvh_import_read_cfe (Ctx     *ctx,
                       int      date_field,
                       int      label_field,
                       int      settle_field,
                       GError **error);

G_END_DECLS
