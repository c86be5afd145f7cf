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
#include "alvh-time.h"

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
    {
      if (!alvh_date_is_valid (y, mo, d) || h > 23 || mi > 59 || s > 60)
        return FALSE;
      *out = alvh_time_from_ny_local (y, mo, d, h, mi, s);
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_date (const char *text,
            gint64     *out)
{
  int y, mo, d;

  if ((strlen (text) == 8 && sscanf (text, "%4d%2d%2d", &y, &mo, &d) == 3) ||
      (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &mo, &d) == 3))
    {
      if (!alvh_date_is_valid (y, mo, d))
        return FALSE;
      *out = alvh_time_from_ny_date (y, mo, d);
      return TRUE;
    }
  return FALSE;
}

/* What the row trades: FALSE with @reason when it is not an SPX or VIX
 * option or a VIX future. */
static gboolean
read_contract (AlvhCsvReader       *reader,
               AlvhBrokerHeader    *h,
               const int           *c,
               AlvhBrokerExecution *e,
               const char         **reason,
               GError             **error)
{
  g_autofree char *asset = _alvh_broker_field (reader, c[C_ASSET]);
  g_autofree char *under = _alvh_broker_field (reader, _alvh_broker_header_find (h, "UnderlyingSymbol"));
  g_autofree char *pc = _alvh_broker_field (reader, _alvh_broker_header_find (h, "Put/Call"));
  g_autofree char *expiry = _alvh_broker_field (reader, _alvh_broker_header_find (h, "Expiry"));
  g_autofree char *root = NULL;
  const char *u;
  int col;

  if (g_ascii_strcasecmp (asset, "OPT") != 0 && g_ascii_strcasecmp (asset, "FUT") != 0)
    {
      *reason = "not an option or a future";
      return FALSE;
    }
  if (g_ascii_strcasecmp (asset, "OPT") == 0 &&
      _alvh_broker_parse_occ (e->symbol, &root, &e->expiry, &e->right, &e->strike) && under[0] == '\0')
    u = _alvh_broker_underlying (root);
  else
    u = _alvh_broker_underlying (under[0] != '\0' ? under : e->symbol);
  if (u == NULL)
    {
      *reason = "not an SPX or VIX contract";
      return FALSE;
    }
  e->underlying = g_strdup (u);
  if (g_ascii_strcasecmp (asset, "FUT") == 0)
    {
      if (strcmp (u, "VIX") != 0)
        {
          *reason = "not a VIX future";
          return FALSE;
        }
      e->right = ALVH_EXEC_FUTURE;
      e->strike = NAN;
    }
  else if (pc[0] != '\0')
    {
      if (g_ascii_strcasecmp (pc, "P") != 0 && g_ascii_strcasecmp (pc, "C") != 0)
        return _alvh_broker_error (reader, _alvh_broker_header_find (h, "Put/Call"), error, "“%s” (expected P or C)", pc);
      e->right = g_ascii_toupper (pc[0]) == 'P' ? ALVH_EXEC_PUT : ALVH_EXEC_CALL;
      col = _alvh_broker_header_find (h, "Strike");
      if (col >= 0 && !_alvh_broker_number (reader, col, FALSE, NAN, &e->strike, error))
        return FALSE;
    }
  else if (root == NULL)
    return _alvh_broker_error (reader, c[C_SYMBOL], error, "“%s” is not an option symbol (expected ROOT YYMMDD[CP]STRIKE or a Put/Call column)", e->symbol);
  if (expiry[0] != '\0' && !parse_date (expiry, &e->expiry))
    return _alvh_broker_error (reader, _alvh_broker_header_find (h, "Expiry"), error, "“%s” is not a date (expected YYYYMMDD)", expiry);
  if (e->expiry == 0)
    return _alvh_broker_error (reader, _alvh_broker_header_find (h, "Expiry"), error, "no expiry (expected YYYYMMDD)");
  if (!(e->strike > 0) && e->right != ALVH_EXEC_FUTURE)
    return _alvh_broker_error (reader, _alvh_broker_header_find (h, "Strike"), error, "the strike is not above 0");
  return TRUE;
}

/* The row's quantity, price, fees, time and effect. */
static gboolean
read_fill (AlvhCsvReader       *reader,
           AlvhBrokerHeader    *h,
           const int           *c,
           AlvhBrokerExecution *e,
           GError             **error)
{
  g_autofree char *when = _alvh_broker_field (reader, c[C_DATETIME]);
  g_autofree char *oc = _alvh_broker_field (reader, c[C_OPENCLOSE]);
  g_autofree char *notes = _alvh_broker_field (reader, _alvh_broker_header_find (h, "Notes/Codes"));
  double commission;
  int col = _alvh_broker_header_find (h, "Multiplier");

  if (!parse_datetime (when, &e->time))
    return _alvh_broker_error (reader, c[C_DATETIME], error, "“%s” is not a date-time (expected YYYYMMDD;HHMMSS)", when);
  if (!_alvh_broker_number (reader, c[C_QUANTITY], FALSE, 0, &e->quantity, error) ||
      !_alvh_broker_number (reader, c[C_PRICE], FALSE, 0, &e->price, error) ||
      !_alvh_broker_number (reader, c[C_COMMISSION], TRUE, 0, &commission, error))
    return FALSE;
  if (col >= 0 && !_alvh_broker_number (reader, col, TRUE, 100, &e->multiplier, error))
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

gboolean
_alvh_broker_read_ibkr (AlvhCsvReader       *reader,
                        AlvhBrokerStatement *stmt,
                        GError             **error)
{
  static const char * const required[] = { "Symbol", "AssetClass", "DateTime", "Quantity", "TradePrice",
                                            "IBCommission", "Open/CloseIndicator", NULL };
  AlvhBrokerHeader h = { 0 };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int c[N_REQUIRED];
  int c_exec, c_order, c_level;
  g_autoptr(GError) read_error = NULL;
  gboolean ok = FALSE;

  if (!alvh_csv_reader_next (reader, &read_error))
    {
      if (read_error == NULL)
        g_set_error (&read_error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_EMPTY, "%s:1:1: empty file (expected a header)", stmt->path);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  _alvh_broker_header_init (&h, reader);
  if (!_alvh_broker_header_require (&h, reader, required, c, error))
    goto out;
  c_exec = _alvh_broker_header_find (&h, "IBExecID");
  if (c_exec < 0)
    c_exec = _alvh_broker_header_find (&h, "TradeID");
  c_order = _alvh_broker_header_find (&h, "IBOrderID");
  c_level = _alvh_broker_header_find (&h, "LevelOfDetail");

  while (alvh_csv_reader_next (reader, &read_error))
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *level = _alvh_broker_field (reader, c_level);
      g_autofree char *exec_id = _alvh_broker_field (reader, c_exec);
      AlvhBrokerExecution *e;
      const char *reason = NULL;

      if (alvh_csv_reader_field_equal (reader, (guint) c[C_SYMBOL], "Symbol"))
        continue;  /* the header again: the next account's section */
      stmt->n_rows++;
      if (level[0] != '\0' && g_ascii_strcasecmp (level, "EXECUTION") != 0)
        continue;  /* order and symbol summaries repeat the executions */
      e = _alvh_broker_execution_new ();
      e->line = alvh_csv_reader_get_line (reader);
      e->symbol = _alvh_broker_field (reader, c[C_SYMBOL]);
      e->order = c_order >= 0 ? _alvh_broker_field (reader, c_order) : NULL;
      if (!read_contract (reader, &h, c, e, &reason, &local))
        {
          if (local != NULL)
            {
              _alvh_broker_execution_free (e);
              g_propagate_error (error, g_steal_pointer (&local));
              goto out;
            }
          _alvh_broker_skip (stmt, e->line, e->symbol, reason);
          _alvh_broker_execution_free (e);
          continue;
        }
      if (!read_fill (reader, &h, c, e, error))
        {
          _alvh_broker_execution_free (e);
          goto out;
        }
      e->key = exec_id[0] != '\0' ? g_strconcat ("ibkr:", exec_id, NULL)
                                  : _alvh_broker_row_key (stmt, seen, NULL, reader);
      g_ptr_array_add (stmt->executions, e);
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      goto out;
    }
  ok = TRUE;
out:
  _alvh_broker_header_clear (&h);
  return ok;
}
