/* alvh-broker-private.h — what the statement readers of each broker share
 *
 * alvh-broker-statement.c holds these helpers and dispatches to one reader
 * per broker (alvh-broker-ibkr.c, alvh-broker-tastytrade.c,
 * alvh-broker-schwab.c).
 */
#pragma once

#include "alvh-broker-statement.h"
#include "alvh-csv.h"

G_BEGIN_DECLS

/* Each reader: every row of @reader (positioned before its first line) into
 * @stmt; FALSE with @error (FILE:LINE:COLUMN) on a row it cannot read. */
gboolean  _alvh_broker_read_ibkr        (AlvhCsvReader       *reader,
                                         AlvhBrokerStatement *stmt,
                                         GError             **error);
gboolean  _alvh_broker_read_tastytrade  (AlvhCsvReader       *reader,
                                         AlvhBrokerStatement *stmt,
                                         GError             **error);
gboolean  _alvh_broker_read_schwab      (AlvhCsvReader       *reader,
                                         AlvhBrokerStatement *stmt,
                                         GError             **error);

/* The columns of a header row, by name. */
typedef struct
{
  GHashTable *index;  /* lower-case name -> index + 1 */
} AlvhBrokerHeader;

void      _alvh_broker_header_init      (AlvhBrokerHeader    *h,
                                         AlvhCsvReader       *reader);
void      _alvh_broker_header_clear     (AlvhBrokerHeader    *h);
/* The column named @name (case-insensitive), or -1 */
int       _alvh_broker_header_find      (AlvhBrokerHeader    *h,
                                         const char          *name);
/* The columns @names (NULL-terminated) into @out; FALSE with an error naming
 * the first missing one */
gboolean  _alvh_broker_header_require   (AlvhBrokerHeader    *h,
                                         AlvhCsvReader       *reader,
                                         const char * const  *names,
                                         int                 *out,
                                         GError             **error);

/* Field @col of the current row, trimmed ("" when the row is shorter). */
char     *_alvh_broker_field            (AlvhCsvReader       *reader,
                                         int                  col);
/* A number in field @col (thousands separators, a leading '+' and a
 * '$' allowed); an empty field is @empty when @empty_ok, else an error. */
gboolean  _alvh_broker_number           (AlvhCsvReader       *reader,
                                         int                  col,
                                         gboolean             empty_ok,
                                         double               empty,
                                         double              *out,
                                         GError             **error);
/* "SPX"/"SPXW" -> "SPX", "VIX"/"VIXW"/"VX"/"/VX…" -> "VIX"; else NULL */
const char *_alvh_broker_underlying     (const char          *root);
/* "ROOT YYMMDD[CP]SSSSSSSS" (OCC, with any spaces): TRUE with its parts */
gboolean  _alvh_broker_parse_occ        (const char          *symbol,
                                         char               **root,
                                         gint64              *expiry,
                                         AlvhExecRight       *right,
                                         double              *strike);
/* A key for a row without an execution id: "BROKER:row:" SHA-1 of @context
 * and the row's text, "#N" for its N-th identical copy in the file. */
char     *_alvh_broker_row_key          (AlvhBrokerStatement *stmt,
                                         GHashTable          *seen,
                                         const char          *context,
                                         AlvhCsvReader       *reader);

AlvhBrokerExecution *_alvh_broker_execution_new (void);
void      _alvh_broker_execution_free   (AlvhBrokerExecution *e);
void      _alvh_broker_skip             (AlvhBrokerStatement *stmt,
                                         guint                line,
                                         const char          *text,
                                         const char          *reason);
/* Sets @error "FILE:LINE:COLUMN: MESSAGE" at field @col of the current row */
gboolean  _alvh_broker_error            (AlvhCsvReader       *reader,
                                         int                  col,
                                         GError             **error,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
