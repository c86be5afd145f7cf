/* alvh-broker-statement.h — executions read from a broker's statement
 *
 * A statement of Interactive Brokers (Flex Query trades, CSV), tastytrade
 * (transaction history, CSV) or Schwab / thinkorswim (account statement,
 * "Account Trade History" section) becomes one list of executions of one
 * common shape: what was traded (underlying, put, call or future, strike,
 * expiry), when, how many (signed: bought > 0, sold < 0), at what price
 * (points per unit), the fees in dollars, whether it opened, closed or
 * expired a position, and a key that names the execution for good (the
 * broker's execution id, else a stable hash of the row).  Rows that are
 * not executions, or not of SPX or VIX, are listed with the reason.  The
 * format is found from the header; pure, no SQL (alvh-fill-import.h writes
 * the executions into the journal as fills).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ALVH_BROKER_AUTO = 0,
  ALVH_BROKER_IBKR,
  ALVH_BROKER_TASTYTRADE,
  ALVH_BROKER_SCHWAB,
} AlvhBroker;

typedef enum
{
  ALVH_EXEC_PUT,
  ALVH_EXEC_CALL,
  ALVH_EXEC_FUTURE,
} AlvhExecRight;

typedef enum
{
  ALVH_EXEC_OPEN,
  ALVH_EXEC_CLOSE,
  ALVH_EXEC_EXPIRE,   /* removed at expiry (closes at its price, usually 0) */
} AlvhExecEffect;

/* One execution of an option or a future. */
typedef struct
{
  char           *key;        /* "BROKER:ID", or "BROKER:row:HASH" without an id */
  char           *order;      /* the broker's order id, nullable */
  char           *symbol;     /* as the statement writes it */
  char           *underlying; /* "SPX" (also for SPXW) or "VIX" */
  AlvhExecRight   right;
  AlvhExecEffect  effect;
  gint64          time;       /* Unix seconds */
  gint64          expiry;     /* 00:00 New York of the expiry date */
  double          strike;     /* NAN for a future */
  double          quantity;   /* > 0 bought, < 0 sold */
  double          price;      /* points per unit (>= 0) */
  double          fees;       /* dollars (>= 0): commissions and fees */
  double          multiplier;
  guint           line;       /* the statement's line */
} AlvhBrokerExecution;

/* A row that did not become an execution, and why. */
typedef struct
{
  guint  line;
  char  *text;     /* what the row is (symbol or description) */
  char  *reason;
} AlvhBrokerSkip;

typedef struct
{
  char        *path;
  AlvhBroker   broker;
  GPtrArray   *executions;  /* AlvhBrokerExecution, in the statement's order */
  GPtrArray   *skipped;     /* AlvhBrokerSkip */
  guint        n_rows;      /* data rows read */
} AlvhBrokerStatement;

/**
 * alvh_broker_to_string:
 * @broker: a broker
 *
 * Returns: (transfer none): "auto", "ibkr", "tastytrade" or "schwab"
 */
const char          *alvh_broker_to_string           (AlvhBroker           broker);
/**
 * alvh_broker_from_string:
 * @text: "auto", "ibkr", "tastytrade" or "schwab"
 * @out: (out): the broker
 *
 * Returns: %FALSE for any other text
 */
gboolean             alvh_broker_from_string         (const char          *text,
                                                      AlvhBroker          *out);

/**
 * alvh_broker_detect:
 * @data: the start of a file
 * @len: its length in bytes
 *
 * Recognises a statement from its header lines.
 *
 * Returns: the broker, or %ALVH_BROKER_AUTO when it is none of them
 */
AlvhBroker           alvh_broker_detect              (const char          *data,
                                                      gsize                len);

/**
 * alvh_broker_statement_read:
 * @path: the file
 * @broker: the broker, or %ALVH_BROKER_AUTO to detect it
 * @error: return location for a #GError
 *
 * Reads every execution of @path.  A row that cannot be read fails the whole
 * statement with FILE:LINE:COLUMN and what was expected (%ALVH_CSV_ERROR).
 *
 * Returns: (transfer full) (nullable): the statement, or %NULL with @error set
 */
AlvhBrokerStatement *alvh_broker_statement_read      (const char          *path,
                                                      AlvhBroker           broker,
                                                      GError             **error);
void                 alvh_broker_statement_free      (AlvhBrokerStatement *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhBrokerStatement, alvh_broker_statement_free)

G_END_DECLS
