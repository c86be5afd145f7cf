/* alvh-broker-schwab.c — Schwab / thinkorswim account statement (CSV)
 *
 * The statement is a file of sections, each a title line, a header and its
 * rows.  "Account Trade History" (",Exec Time,Spread,Side,Qty,Pos Effect,
 * Symbol,Exp,Strike,Type,Price,Net Price,Order Type") lists one row per leg;
 * the legs of one order after its first row leave Exec Time and Spread
 * empty.  Qty is signed, Price in points per leg, Exp "19 JAN 24", Exec Time
 * "1/3/24 10:31:05" in the platform's time zone, read as New York.  The
 * fees are in "Cash Balance" ("DATE,TIME,TYPE,REF #,DESCRIPTION,Misc Fees,
 * Commissions & Fees,AMOUNT,BALANCE"): the TRD row at an order's time pays
 * them.  The statement has no execution ids (a row is named by its hash
 * with its order's time) and does not list expiries (what is open at expiry
 * is settled by the ledger).
 */
#define G_LOG_DOMAIN "alvh-broker"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alvh-broker-private.h"
#include "alvh-time.h"

enum { T_TIME, T_SPREAD, T_QTY, T_EFFECT, T_SYMBOL, T_EXP, T_STRIKE, T_TYPE, T_PRICE, N_TRADE };
enum { B_DATE, B_TIME, B_TYPE, B_MISC, B_COMMISSIONS, B_DESCRIPTION, N_CASH };

typedef enum { SECTION_OTHER, SECTION_CASH, SECTION_TRADES } Section;

typedef struct
{
  Section           section;
  gboolean          have_header;
  AlvhBrokerHeader  h;
  int               t[N_TRADE];
  int               b[N_CASH];
  gint64            order_time;   /* the current order's Exec Time */
  char             *order_spread;
  guint             order_n;      /* orders read, for their ids */
  GHashTable       *fees;         /* gint64 time -> double *: fees of the TRD rows */
  GHashTable       *seen;
} SchwabState;

/* "1/3/24 10:31:05" or "1/3/2024 10:31" (and a date alone with @time NULL) */
static gboolean
parse_datetime (const char *date,
                const char *time,
                gint64     *out)
{
  int y, mo, d, h = 0, mi = 0, s = 0, n;
  char tail[2];

  if (sscanf (date, "%2d/%2d/%4d%1s", &mo, &d, &y, tail) != 3)
    return FALSE;
  if (time != NULL)
    {
      n = sscanf (time, "%2d:%2d:%2d%1s", &h, &mi, &s, tail);
      if (n != 2 && n != 3)
        return FALSE;
    }
  if (y < 100)
    y += 2000;
  return _alvh_broker_ny_local (y, mo, d, h, mi, s, out);
}

/* "19 JAN 24" */
static gboolean
parse_expiry (const char *text,
              gint64     *out)
{
  static const char months[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
  char mon[4] = { 0 };
  char tail[2];
  const char *at;
  int d, y;

  if (sscanf (text, "%2d %3s %4d%1s", &d, mon, &y, tail) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    mon[i] = g_ascii_toupper (mon[i]);
  at = strstr (months, mon);
  if (at == NULL || (at - months) % 3 != 0)
    return FALSE;
  if (y < 100)
    y += 2000;
  return _alvh_broker_ny_date (y, (int) (at - months) / 3 + 1, d, out);
}

static gboolean
read_header (SchwabState   *st,
             AlvhCsvReader *reader,
             GError       **error)
{
  static const char * const trade[] = { "Exec Time", "Spread", "Qty", "Pos Effect", "Symbol", "Exp", "Strike",
                                        "Type", "Price", NULL };
  static const char * const cash[] = { "DATE", "TIME", "TYPE", "Misc Fees", "Commissions & Fees", "DESCRIPTION", NULL };

  _alvh_broker_header_clear (&st->h);
  _alvh_broker_header_init (&st->h, reader);
  st->have_header = TRUE;
  if (st->section == SECTION_TRADES)
    return _alvh_broker_header_require (&st->h, reader, trade, st->t, error);
  return _alvh_broker_header_require (&st->h, reader, cash, st->b, error);
}

static gboolean
read_cash_row (SchwabState         *st,
               AlvhCsvReader       *reader,
               GError             **error)
{
  g_autofree char *date = _alvh_broker_field (reader, st->b[B_DATE]);
  g_autofree char *time = _alvh_broker_field (reader, st->b[B_TIME]);
  g_autofree char *type = _alvh_broker_field (reader, st->b[B_TYPE]);
  double misc, comm, *sum;
  gint64 t;

  if (g_ascii_strcasecmp (type, "TRD") != 0)
    return TRUE;
  if (!parse_datetime (date, time, &t))
    return _alvh_broker_error (reader, st->b[B_DATE], error, "“%s %s” is not a date and time (expected M/D/YY HH:MM:SS)", date, time);
  if (!_alvh_broker_number (reader, st->b[B_MISC], TRUE, 0, &misc, error) ||
      !_alvh_broker_number (reader, st->b[B_COMMISSIONS], TRUE, 0, &comm, error))
    return FALSE;
  sum = g_hash_table_lookup (st->fees, &t);
  if (sum == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = t;
      sum = g_new0 (double, 1);
      g_hash_table_insert (st->fees, key, sum);
    }
  *sum += fabs (misc) + fabs (comm);
  return TRUE;
}

/* The contract of a trade row; FALSE with @reason when we do not book it. */
static gboolean
read_contract (SchwabState         *st,
               AlvhCsvReader       *reader,
               AlvhBrokerExecution *e,
               const char         **reason,
               GError             **error)
{
  g_autofree char *type = _alvh_broker_field (reader, st->t[T_TYPE]);
  g_autofree char *exp = _alvh_broker_field (reader, st->t[T_EXP]);
  const char *u = _alvh_broker_underlying (e->symbol);

  if (g_ascii_strcasecmp (type, "PUT") == 0)
    e->right = ALVH_EXEC_PUT;
  else if (g_ascii_strcasecmp (type, "CALL") == 0)
    e->right = ALVH_EXEC_CALL;
  else if (g_ascii_strcasecmp (type, "FUTURE") == 0)
    e->right = ALVH_EXEC_FUTURE;
  else
    {
      *reason = "not an option or a future";
      return FALSE;
    }
  if (u == NULL || (e->right == ALVH_EXEC_FUTURE && strcmp (u, "VIX") != 0))
    {
      *reason = "not an SPX or VIX contract";
      return FALSE;
    }
  e->underlying = g_strdup (u);
  if (!parse_expiry (exp, &e->expiry))
    return _alvh_broker_error (reader, st->t[T_EXP], error, "“%s” is not an expiry (expected DD MON YY)", exp);
  if (e->right != ALVH_EXEC_FUTURE)
    {
      if (!_alvh_broker_number (reader, st->t[T_STRIKE], FALSE, NAN, &e->strike, error))
        return FALSE;
      if (!(e->strike > 0))
        return _alvh_broker_error (reader, st->t[T_STRIKE], error, "the strike is not above 0");
    }
  e->multiplier = e->right == ALVH_EXEC_FUTURE ? 1000 : 100;
  return TRUE;
}

static gboolean
read_trade_row (SchwabState         *st,
                AlvhCsvReader       *reader,
                AlvhBrokerStatement *stmt,
                GError             **error)
{
  g_autofree char *when = _alvh_broker_field (reader, st->t[T_TIME]);
  g_autofree char *spread = _alvh_broker_field (reader, st->t[T_SPREAD]);
  g_autofree char *effect = _alvh_broker_field (reader, st->t[T_EFFECT]);
  g_autofree char *context = NULL;
  AlvhBrokerExecution *e;
  const char *reason = NULL;
  g_autoptr(GError) local = NULL;
  char **parts;
  gboolean ok;

  if (when[0] != '\0')
    {
      parts = g_strsplit (when, " ", 2);
      ok = parts[0] != NULL && parts[1] != NULL && parse_datetime (parts[0], parts[1], &st->order_time);
      g_strfreev (parts);
      if (!ok)
        return _alvh_broker_error (reader, st->t[T_TIME], error, "“%s” is not a date and time (expected M/D/YY HH:MM:SS)", when);
      g_free (st->order_spread);
      st->order_spread = g_strdup (spread);
      st->order_n++;
    }
  else if (st->order_time == 0)
    return _alvh_broker_error (reader, st->t[T_TIME], error, "a leg without an Exec Time before it (expected the order's first row)");
  e = _alvh_broker_execution_from_row (reader, st->t[T_SYMBOL], -1);
  e->time = st->order_time;
  e->order = g_strdup_printf ("%" G_GINT64_FORMAT "/%u", st->order_time, st->order_n);
  if (!read_contract (st, reader, e, &reason, &local))
    return _alvh_broker_refused (stmt, e, reason, g_steal_pointer (&local), error);
  if (!_alvh_broker_number (reader, st->t[T_QTY], FALSE, 0, &e->quantity, error) ||
      !_alvh_broker_number (reader, st->t[T_PRICE], FALSE, 0, &e->price, error))
    {
      _alvh_broker_execution_free (e);
      return FALSE;
    }
  if (e->quantity == 0 || e->price < 0)
    {
      _alvh_broker_execution_free (e);
      return _alvh_broker_error (reader, e->quantity == 0 ? st->t[T_QTY] : st->t[T_PRICE], error,
                                 e->quantity == 0 ? "a quantity of 0 (expected +N or -N)" : "a negative price");
    }
  if (g_ascii_strcasecmp (effect, "TO OPEN") == 0)
    e->effect = ALVH_EXEC_OPEN;
  else if (g_ascii_strcasecmp (effect, "TO CLOSE") == 0)
    e->effect = ALVH_EXEC_CLOSE;
  else
    {
      _alvh_broker_execution_free (e);
      return _alvh_broker_error (reader, st->t[T_EFFECT], error, "“%s” (expected TO OPEN or TO CLOSE)", effect);
    }
  context = g_strdup_printf ("%" G_GINT64_FORMAT, st->order_time);
  e->key = _alvh_broker_row_key (stmt, st->seen, context, reader);
  g_ptr_array_add (stmt->executions, e);
  return TRUE;
}

/* Each TRD row's fees go to the first execution of the order at its time. */
static void
assign_fees (SchwabState         *st,
             AlvhBrokerStatement *stmt)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, st->fees);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 t = *(gint64 *) key;
      gboolean found = FALSE;

      for (guint i = 0; i < stmt->executions->len && !found; i++)
        {
          AlvhBrokerExecution *e = g_ptr_array_index (stmt->executions, i);

          if (e->time == t)
            {
              e->fees += *(double *) value;
              found = TRUE;
            }
        }
      if (!found && *(double *) value > 0)
        {
          g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
          g_autofree char *when = alvh_time_format_in_zone (t, ny, "%Y-%m-%d %H:%M:%S");

          _alvh_broker_skip (stmt, 0, when, "fees of a trade that is not in the Account Trade History");
        }
    }
}

gboolean
_alvh_broker_read_schwab (AlvhCsvReader       *reader,
                          AlvhBrokerStatement *stmt,
                          GError             **error)
{
  SchwabState st = { 0 };
  g_autoptr(GError) read_error = NULL;
  gboolean ok = FALSE;

  st.fees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  st.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (alvh_csv_reader_next (reader, &read_error))
    {
      guint n = alvh_csv_reader_get_n_fields (reader);
      g_autofree char *first = _alvh_broker_field (reader, 0);
      g_autofree char *second = _alvh_broker_field (reader, 1);

      if (n == 1 || (second[0] == '\0' && n <= 2 && first[0] != '\0'))
        {
          /* a section's title */
          st.section = strcmp (first, "Account Trade History") == 0 ? SECTION_TRADES
                     : strcmp (first, "Cash Balance") == 0 ? SECTION_CASH : SECTION_OTHER;
          st.have_header = FALSE;
          continue;
        }
      if (st.section == SECTION_OTHER)
        continue;
      if (!st.have_header)
        {
          if (!read_header (&st, reader, error))
            goto out;
          continue;
        }
      if (st.section == SECTION_CASH)
        {
          if (first[0] == '\0' || g_ascii_strcasecmp (first, "TOTAL") == 0)
            continue;
          if (!read_cash_row (&st, reader, error))
            goto out;
          continue;
        }
      stmt->n_rows++;
      if (!read_trade_row (&st, reader, stmt, error))
        goto out;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      goto out;
    }
  assign_fees (&st, stmt);
  ok = TRUE;
out:
  _alvh_broker_header_clear (&st.h);
  g_hash_table_unref (st.fees);
  g_hash_table_unref (st.seen);
  g_free (st.order_spread);
  return ok;
}
