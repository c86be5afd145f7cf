/* alvh-broker-tastytrade.c — tastytrade transaction history (CSV)
 *
 * Header: Date, Type, Sub Type, Action, Symbol, Instrument Type,
 * Description, Value, Quantity, Average Price, Commissions, Fees,
 * Multiplier, Root Symbol, Underlying Symbol, Expiration Date, Strike Price,
 * Call or Put, Order #, Currency.  Type "Trade" rows are executions
 * (Action BUY_TO_OPEN, SELL_TO_OPEN, BUY_TO_CLOSE, SELL_TO_CLOSE; Quantity
 * unsigned; Average Price in dollars per contract, signed by cash flow);
 * "Receive Deliver" rows remove an option at expiry (its Value, 0 when it
 * expired worthless).  Date is ISO 8601 with the offset.  Commissions and
 * Fees are negative dollars.  The file has no execution ids: a row is named
 * by its hash.
 */
#define G_LOG_DOMAIN "alvh-broker"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alvh-broker-private.h"

enum { C_DATE, C_TYPE, C_ACTION, C_SYMBOL, C_INSTRUMENT, C_VALUE, C_QUANTITY, C_AVERAGE, C_COMMISSIONS,
       C_FEES, N_REQUIRED };

static gboolean
parse_datetime (const char *text,
                gint64     *out)
{
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi, s;
  char tail[2];

  if (sscanf (text, "%4d-%2d-%2d %2d:%2d:%2d%1s", &y, &mo, &d, &h, &mi, &s, tail) == 6)
    return _alvh_broker_ny_local (y, mo, d, h, mi, s, out);
  dt = g_date_time_new_from_iso8601 (text, ny);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* "1/19/24", "01/19/2024" or "2024-01-19" */
static gboolean
parse_date (const char *text,
            gint64     *out)
{
  int y, mo, d;
  char tail[2];

  if (sscanf (text, "%4d-%2d-%2d%1s", &y, &mo, &d, tail) == 3 ||
      sscanf (text, "%2d/%2d/%4d%1s", &mo, &d, &y, tail) == 3)
    return _alvh_broker_ny_date (y < 100 ? y + 2000 : y, mo, d, out);
  return FALSE;
}

static const AlvhBrokerOptionColumns option_columns = {
  "Call or Put", "PUT", "CALL", "Strike Price", "Expiration Date", "expiration date", "M/D/YY", parse_date,
};

/* The contract of the row; FALSE with @reason when it is not one we book. */
static gboolean
read_contract (AlvhBrokerRows       *rows,
               AlvhBrokerExecution  *e,
               const char          **reason,
               GError              **error)
{
  g_autofree char *instrument = _alvh_broker_field (rows->reader, rows->c[C_INSTRUMENT]);
  g_autofree char *root = _alvh_broker_field (rows->reader, _alvh_broker_header_find (&rows->h, "Root Symbol"));
  g_autofree char *under = _alvh_broker_field (rows->reader, _alvh_broker_header_find (&rows->h, "Underlying Symbol"));
  gboolean future = strstr (instrument, "Future") != NULL && strstr (instrument, "Option") == NULL;

  if (strstr (instrument, "Option") == NULL && !future)
    {
      *reason = "not an option or a future";
      return FALSE;
    }
  return _alvh_broker_read_contract (rows, &option_columns, rows->c[C_SYMBOL], future, root, under,
                                     "not an SPX or VIX contract", e, reason, error);
}

static gboolean
read_fill (AlvhBrokerRows       *rows,
           AlvhBrokerExecution  *e,
           GError              **error)
{
  AlvhCsvReader *reader = rows->reader;
  AlvhBrokerHeader *h = &rows->h;
  const int *c = rows->c;
  gboolean expiry = rows->expiry;
  g_autofree char *date = _alvh_broker_field (reader, c[C_DATE]);
  g_autofree char *action = _alvh_broker_field (reader, c[C_ACTION]);
  double qty, avg, value, comm, fees;

  if (!parse_datetime (date, &e->time))
    return _alvh_broker_error (reader, c[C_DATE], error, "“%s” is not a date-time (expected ISO 8601 with its offset)", date);
  if (!_alvh_broker_number (reader, c[C_QUANTITY], FALSE, 0, &qty, error) ||
      !_alvh_broker_number (reader, c[C_AVERAGE], TRUE, 0, &avg, error) ||
      !_alvh_broker_number (reader, c[C_VALUE], TRUE, 0, &value, error) ||
      !_alvh_broker_number (reader, c[C_COMMISSIONS], TRUE, 0, &comm, error) ||
      !_alvh_broker_number (reader, c[C_FEES], TRUE, 0, &fees, error))
    return FALSE;
  if (!_alvh_broker_multiplier (h, reader, &e->multiplier, error))
    return FALSE;
  if (!(qty > 0))
    return _alvh_broker_error (reader, c[C_QUANTITY], error, "a quantity that is not above 0 (expected contracts)");
  if (g_str_has_prefix (action, "BUY"))
    e->quantity = qty;
  else if (g_str_has_prefix (action, "SELL"))
    e->quantity = -qty;
  else
    return _alvh_broker_error (reader, c[C_ACTION], error, "“%s” (expected BUY_TO_OPEN, SELL_TO_OPEN, BUY_TO_CLOSE or SELL_TO_CLOSE)", action);
  if (expiry)
    e->effect = ALVH_EXEC_EXPIRE;
  else if (g_str_has_suffix (action, "_TO_OPEN"))
    e->effect = ALVH_EXEC_OPEN;
  else if (g_str_has_suffix (action, "_TO_CLOSE"))
    e->effect = ALVH_EXEC_CLOSE;
  else
    return _alvh_broker_error (reader, c[C_ACTION], error, "“%s” (expected an action _TO_OPEN or _TO_CLOSE)", action);
  e->price = expiry ? fabs (value) / (qty * e->multiplier) : fabs (avg) / e->multiplier;
  e->fees = fabs (comm) + fabs (fees);
  return TRUE;
}

/* Trades, and deliveries that remove an expired option (rows->expiry) */
static AlvhBrokerRowKind
classify (AlvhBrokerRows *rows)
{
  AlvhCsvReader *reader = rows->reader;
  g_autofree char *type = _alvh_broker_field (reader, rows->c[C_TYPE]);
  g_autofree char *sub = _alvh_broker_field (reader, _alvh_broker_header_find (&rows->h, "Sub Type"));
  g_autofree char *description = _alvh_broker_field (reader, _alvh_broker_header_find (&rows->h, "Description"));

  if (g_ascii_strcasecmp (type, "Receive Deliver") == 0)
    {
      rows->expiry = TRUE;
      if (sub[0] != '\0' && strstr (sub, "Expiration") == NULL && strstr (sub, "Cash Settle") == NULL)
        {
          _alvh_broker_skip (rows->stmt, alvh_csv_reader_get_line (reader), description, "a delivery that is not an expiry");
          return ALVH_BROKER_ROW_PASS;
        }
    }
  else if (g_ascii_strcasecmp (type, "Trade") != 0)
    {
      _alvh_broker_skip (rows->stmt, alvh_csv_reader_get_line (reader), description, "not a trade");
      return ALVH_BROKER_ROW_PASS;
    }
  return ALVH_BROKER_ROW_READ;
}

gboolean
_alvh_broker_read_tastytrade (AlvhCsvReader       *reader,
                              AlvhBrokerStatement *stmt,
                              GError             **error)
{
  static const char * const required[] = { "Date", "Type", "Action", "Symbol", "Instrument Type", "Value", "Quantity",
                                            "Average Price", "Commissions", "Fees", NULL };
  static const AlvhBrokerFormat format = {
    required, C_SYMBOL, "Order #", classify, read_contract, read_fill, NULL,
  };
  int c[N_REQUIRED];

  return _alvh_broker_read_rows (reader, stmt, &format, c, error);
}
