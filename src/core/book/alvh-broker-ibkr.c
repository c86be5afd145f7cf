/* alvh-broker-ibkr.c — Interactive Brokers Flex Query trades (CSV)
 *
 * One header row of Flex field names, then one row per execution (a
 * LevelOfDetail column, when there, keeps the EXECUTION rows).  Quantity is
 * signed, TradePrice in points, IBCommission negative dollars,
 * Open/CloseIndicator O or C, Notes/Codes "Ep" for an option that expired;
 * DateTime is "YYYYMMDD;HHMMSS" (or with dashes and colons) in the time zone
 * the query is set to, read here as New York.  IBExecID names an execution.
 */
#define G_LOG_DOMAIN "alvh-broker"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alvh-broker-private.h"

enum { C_SYMBOL, C_ASSET, C_DATETIME, C_QUANTITY, C_PRICE, C_COMMISSION, C_OPENCLOSE, N_REQUIRED };

/* "20240102;103105", "2024-01-02;10:31:05", "2024-01-02, 10:31:05",
 * "2024-01-02 10:31:05" or a date alone (16:00). */
static gboolean
parse_datetime (const char *text,
                gint64     *out)
{
  int y, mo, d, h = 16, mi = 0, s = 0;
  char tail[8];

  if (sscanf (text, "%4d%2d%2d;%2d%2d%2d%1s", &y, &mo, &d, &h, &mi, &s, tail) == 6 ||
      sscanf (text, "%4d-%2d-%2d;%2d:%2d:%2d%1s", &y, &mo, &d, &h, &mi, &s, tail) == 6 ||
      sscanf (text, "%4d-%2d-%2d, %2d:%2d:%2d%1s", &y, &mo, &d, &h, &mi, &s, tail) == 6 ||
      sscanf (text, "%4d-%2d-%2d %2d:%2d:%2d%1s", &y, &mo, &d, &h, &mi, &s, tail) == 6 ||
      (strlen (text) == 8 && sscanf (text, "%4d%2d%2d", &y, &mo, &d) == 3) ||
      (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &mo, &d) == 3))
    return _alvh_broker_ny_local (y, mo, d, h, mi, s, out);
  return FALSE;
}

static gboolean
parse_date (const char *text,
            gint64     *out)
{
  int y, mo, d;

  if ((strlen (text) == 8 && sscanf (text, "%4d%2d%2d", &y, &mo, &d) == 3) ||
      (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &mo, &d) == 3))
    return _alvh_broker_ny_date (y, mo, d, out);
  return FALSE;
}

static const AlvhBrokerOptionColumns option_columns = {
  "Put/Call", "P", "C", "Strike", "Expiry", "expiry", "YYYYMMDD", parse_date,
};

/* What the row trades: FALSE with @reason when it is not an SPX or VIX
 * option or a VIX future. */
static gboolean
read_contract (AlvhBrokerRows       *rows,
               AlvhBrokerExecution  *e,
               const char          **reason,
               GError              **error)
{
  g_autofree char *asset = _alvh_broker_field (rows->reader, rows->c[C_ASSET]);
  g_autofree char *under = _alvh_broker_field (rows->reader, _alvh_broker_header_find (&rows->h, "UnderlyingSymbol"));

  if (g_ascii_strcasecmp (asset, "OPT") != 0 && g_ascii_strcasecmp (asset, "FUT") != 0)
    {
      *reason = "not an option or a future";
      return FALSE;
    }
  return _alvh_broker_read_contract (rows, &option_columns, rows->c[C_SYMBOL], g_ascii_strcasecmp (asset, "FUT") == 0,
                                     under, "", "not a VIX future", e, reason, error);
}

/* The row's quantity, price, fees, time and effect. */
static gboolean
read_fill (AlvhBrokerRows       *rows,
           AlvhBrokerExecution  *e,
           GError              **error)
{
  AlvhCsvReader *reader = rows->reader;
  AlvhBrokerHeader *h = &rows->h;
  const int *c = rows->c;
  g_autofree char *when = _alvh_broker_field (reader, c[C_DATETIME]);
  g_autofree char *oc = _alvh_broker_field (reader, c[C_OPENCLOSE]);
  g_autofree char *notes = _alvh_broker_field (reader, _alvh_broker_header_find (h, "Notes/Codes"));
  double commission;

  if (!parse_datetime (when, &e->time))
    return _alvh_broker_error (reader, c[C_DATETIME], error, "“%s” is not a date-time (expected YYYYMMDD;HHMMSS)", when);
  if (!_alvh_broker_number (reader, c[C_QUANTITY], FALSE, 0, &e->quantity, error) ||
      !_alvh_broker_number (reader, c[C_PRICE], FALSE, 0, &e->price, error) ||
      !_alvh_broker_number (reader, c[C_COMMISSION], TRUE, 0, &commission, error))
    return FALSE;
  if (!_alvh_broker_multiplier (h, reader, &e->multiplier, error))
    return FALSE;
  if (e->quantity == 0)
    return _alvh_broker_error (reader, c[C_QUANTITY], error, "a quantity of 0 (expected a signed number of contracts)");
  if (e->price < 0)
    return _alvh_broker_error (reader, c[C_PRICE], error, "a negative price");
  e->fees = fabs (commission);
  if (strstr (notes, "Ep") != NULL)
    e->effect = ALVH_EXEC_EXPIRE;
  else if (g_str_has_prefix (oc, "O"))
    e->effect = ALVH_EXEC_OPEN;
  else if (g_str_has_prefix (oc, "C"))
    e->effect = ALVH_EXEC_CLOSE;
  else
    return _alvh_broker_error (reader, c[C_OPENCLOSE], error, "“%s” (expected O or C)", oc);
  return TRUE;
}

static AlvhBrokerRowKind
classify (AlvhBrokerRows *rows)
{
  g_autofree char *level = _alvh_broker_field (rows->reader, _alvh_broker_header_find (&rows->h, "LevelOfDetail"));

  if (alvh_csv_reader_field_equal (rows->reader, (guint) rows->c[C_SYMBOL], "Symbol"))
    return ALVH_BROKER_ROW_HEADER;  /* the header again: the next account's section */
  if (level[0] != '\0' && g_ascii_strcasecmp (level, "EXECUTION") != 0)
    return ALVH_BROKER_ROW_PASS;  /* order and symbol summaries repeat the executions */
  return ALVH_BROKER_ROW_READ;
}

/* "ibkr:" and the execution id, or a hash of the row without one */
static char *
execution_key (AlvhBrokerRows *rows)
{
  int c_exec = _alvh_broker_header_find (&rows->h, "IBExecID");
  g_autofree char *exec_id = NULL;

  if (c_exec < 0)
    c_exec = _alvh_broker_header_find (&rows->h, "TradeID");
  exec_id = _alvh_broker_field (rows->reader, c_exec);
  return exec_id[0] != '\0' ? g_strconcat ("ibkr:", exec_id, NULL)
                             : _alvh_broker_row_key (rows->stmt, rows->seen, NULL, rows->reader);
}

gboolean
_alvh_broker_read_ibkr (AlvhCsvReader       *reader,
                        AlvhBrokerStatement *stmt,
                        GError             **error)
{
  static const char * const required[] = { "Symbol", "AssetClass", "DateTime", "Quantity", "TradePrice",
                                            "IBCommission", "Open/CloseIndicator", NULL };
  static const AlvhBrokerFormat format = {
    required, C_SYMBOL, "IBOrderID", classify, read_contract, read_fill, execution_key,
  };
  int c[N_REQUIRED];

  return _alvh_broker_read_rows (reader, stmt, &format, c, error);
}
