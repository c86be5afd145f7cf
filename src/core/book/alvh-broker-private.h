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
/* The contract multiplier of the current row from its "Multiplier" column
 * (100 when the file has none or the field is empty); an error, naming
 * the field, when it is not a number above 0. */
gboolean  _alvh_broker_multiplier       (AlvhBrokerHeader    *h,
                                         AlvhCsvReader       *reader,
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
/* ---- a statement of one header row and one row per execution ---- */

/* Where a reader is: its rows and their columns */
typedef struct
{
  AlvhCsvReader       *reader;
  AlvhBrokerStatement *stmt;
  AlvhBrokerHeader     h;
  int                 *c;       /* the required columns, in the format's order */
  GHashTable          *seen;    /* for _alvh_broker_row_key() */
  gboolean             expiry;  /* classify's word: the row removes an expired option */
} AlvhBrokerRows;

typedef enum
{
  ALVH_BROKER_ROW_HEADER,  /* the header again: not a row */
  ALVH_BROKER_ROW_PASS,    /* a row that is not an execution (skipped or summary) */
  ALVH_BROKER_ROW_READ,    /* an execution */
} AlvhBrokerRowKind;

/* One broker's layout: its columns and how to read a row */
typedef struct
{
  const char * const *required;  /* columns the header must have (into rows->c) */
  int                 c_symbol;  /* which of them is the contract's symbol */
  const char         *order;     /* the order id's column, or NULL */
  AlvhBrokerRowKind (*classify)      (AlvhBrokerRows       *rows);
  /* FALSE with @reason for a contract we do not book, with @error for a row
   * it cannot read */
  gboolean          (*read_contract) (AlvhBrokerRows       *rows,
                                      AlvhBrokerExecution  *e,
                                      const char          **reason,
                                      GError              **error);
  gboolean          (*read_fill)     (AlvhBrokerRows       *rows,
                                      AlvhBrokerExecution  *e,
                                      GError              **error);
  /* the execution's key; NULL: _alvh_broker_row_key() */
  char             *(*key)           (AlvhBrokerRows       *rows);
} AlvhBrokerFormat;

/* Reads a statement of @format: its header, then every row into @stmt */
gboolean  _alvh_broker_read_rows        (AlvhCsvReader          *reader,
                                         AlvhBrokerStatement    *stmt,
                                         const AlvhBrokerFormat *format,
                                         int                    *c,
                                         GError                **error);

/* Reads the header row of a statement whose first row is its header into
 * @h and the columns @required (NULL-terminated) into @c; FALSE with @error
 * for an empty file or a missing column (@h is then still to be cleared). */
gboolean  _alvh_broker_read_header      (AlvhCsvReader       *reader,
                                         AlvhBrokerStatement *stmt,
                                         AlvhBrokerHeader    *h,
                                         const char * const  *required,
                                         int                 *c,
                                         GError             **error);

/* A new execution of the current row: its line, its symbol (field
 * @c_symbol) and its order (field @c_order; NULL when @c_order < 0). */
AlvhBrokerExecution *_alvh_broker_execution_from_row (AlvhCsvReader *reader,
                                                      int            c_symbol,
                                                      int            c_order);

/* After a reader's contract check refused @e (which it frees): with @local
 * set, a row it cannot read: moves @local to @error and returns FALSE (stop);
 * else a row we do not book, skipped for @reason: returns TRUE (go on). */
gboolean  _alvh_broker_refused          (AlvhBrokerStatement *stmt,
                                         AlvhBrokerExecution *e,
                                         const char          *reason,
                                         GError              *local,
                                         GError             **error);

/* How a statement names an option's right, strike and expiry */
typedef struct
{
  const char  *right;        /* the put/call column, "Put/Call" */
  const char  *put, *call;   /* its words, "P" and "C" */
  const char  *strike;       /* the strike column */
  const char  *expiry;       /* the expiry column */
  const char  *expiry_noun;  /* "expiry": for "no expiry (expected ...)" */
  const char  *date_format;  /* "YYYYMMDD": what the messages expect */
  gboolean   (*parse_date) (const char *text,
                            gint64     *out);
} AlvhBrokerOptionColumns;

/* The rest of @e's contract once its underlying is known: for an option
 * (e->right not a future) the right and strike from their columns, or from
 * its OCC symbol when @from_occ (else an error at @c_symbol); then the
 * expiry column (which overrides the symbol's) and the checks that it has
 * an expiry and an option a strike above 0. */
gboolean  _alvh_broker_read_option      (AlvhCsvReader                 *reader,
                                         AlvhBrokerHeader              *h,
                                         const AlvhBrokerOptionColumns *oc,
                                         int                            c_symbol,
                                         gboolean                       from_occ,
                                         AlvhBrokerExecution           *e,
                                         GError                       **error);

/* A row's contract once the reader knows whether it is a future (@future)
 * or an option: its underlying from the OCC root of its symbol (an option
 * whose @root is ""), else from @root, @under or the symbol, the first
 * not empty; a future must be on VIX (else skipped for @not_vix_future).
 * Then _alvh_broker_read_option().  FALSE with @reason for a contract we do
 * not book, with @error for a row it cannot read. */
gboolean  _alvh_broker_read_contract    (AlvhBrokerRows                *rows,
                                         const AlvhBrokerOptionColumns *oc,
                                         int                            c_symbol,
                                         gboolean                       future,
                                         const char                    *root,
                                         const char                    *under,
                                         const char                    *not_vix_future,
                                         AlvhBrokerExecution           *e,
                                         const char                   **reason,
                                         GError                       **error);

/* The New York date @y-@mo-@d (its midnight) into *@out; FALSE when it is
 * no date */
gboolean  _alvh_broker_ny_date          (int                  y,
                                         int                  mo,
                                         int                  d,
                                         gint64              *out);
/* The New York local time @y-@mo-@d @h:@mi:@s into *@out; FALSE when it is
 * no date or no time of day (a leap second allowed) */
gboolean  _alvh_broker_ny_local         (int                  y,
                                         int                  mo,
                                         int                  d,
                                         int                  h,
                                         int                  mi,
                                         int                  s,
                                         gint64              *out);

/* Sets @error "FILE:LINE:COLUMN: MESSAGE" at field @col of the current row */
gboolean  _alvh_broker_error            (AlvhCsvReader       *reader,
                                         int                  col,
                                         GError             **error,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
