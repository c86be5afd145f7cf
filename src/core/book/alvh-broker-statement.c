/* alvh-broker-statement.c — detecting a broker's statement, the helpers its readers share */
#define G_LOG_DOMAIN "alvh-broker"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-broker-private.h"
#include "alvh-time.h"

static const char * const broker_names[] = { "auto", "ibkr", "tastytrade", "schwab" };

const char *
alvh_broker_to_string (AlvhBroker broker)
{
  if ((guint) broker >= G_N_ELEMENTS (broker_names))
    return "auto";
  return broker_names[broker];
}

gboolean
alvh_broker_from_string (const char *text,
                         AlvhBroker *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (broker_names); i++)
    if (g_ascii_strcasecmp (text, broker_names[i]) == 0)
      {
        *out = (AlvhBroker) i;
        return TRUE;
      }
  return FALSE;
}

/* Whether the first line of @data (up to @len) holds every one of @names. */
static gboolean
first_line_has (const char         *data,
                gsize               len,
                const char * const *names)
{
  const char *nl = memchr (data, '\n', len);
  g_autofree char *line = g_strndup (data, nl != NULL ? (gsize) (nl - data) : len);

  for (guint i = 0; names[i] != NULL; i++)
    if (strstr (line, names[i]) == NULL)
      return FALSE;
  return TRUE;
}

AlvhBroker
alvh_broker_detect (const char *data,
                    gsize       len)
{
  static const char * const ibkr[] = { "IBCommission", "Open/CloseIndicator", NULL };
  static const char * const tasty[] = { "Instrument Type", "Call or Put", "Average Price", NULL };
  gsize head = MIN (len, (gsize) 65536);
  g_autofree char *text = NULL;

  if (data == NULL || len == 0)
    return ALVH_BROKER_AUTO;
  if (len >= 3 && (guchar) data[0] == 0xEF && (guchar) data[1] == 0xBB && (guchar) data[2] == 0xBF)
    {
      data += 3;
      len -= 3;
      head = MIN (len, (gsize) 65536);
    }
  if (first_line_has (data, head, ibkr))
    return ALVH_BROKER_IBKR;
  if (first_line_has (data, head, tasty))
    return ALVH_BROKER_TASTYTRADE;
  text = g_strndup (data, head);
  if (g_str_has_prefix (text, "Account Statement for") ||
      (strstr (text, "Account Trade History") != NULL && strstr (text, "Exec Time") != NULL))
    return ALVH_BROKER_SCHWAB;
  return ALVH_BROKER_AUTO;
}

AlvhBrokerExecution *
_alvh_broker_execution_new (void)
{
  AlvhBrokerExecution *e = g_new0 (AlvhBrokerExecution, 1);

  e->strike = NAN;
  e->multiplier = 100;
  return e;
}

void
_alvh_broker_execution_free (AlvhBrokerExecution *e)
{
  if (e == NULL)
    return;
  g_free (e->key);
  g_free (e->order);
  g_free (e->symbol);
  g_free (e->underlying);
  g_free (e);
}

static void
skip_free (AlvhBrokerSkip *s)
{
  g_free (s->text);
  g_free (s->reason);
  g_free (s);
}

void
_alvh_broker_skip (AlvhBrokerStatement *stmt,
                   guint                line,
                   const char          *text,
                   const char          *reason)
{
  AlvhBrokerSkip *s = g_new0 (AlvhBrokerSkip, 1);

  s->line = line;
  s->text = g_strdup (text != NULL ? text : "");
  s->reason = g_strdup (reason);
  g_ptr_array_add (stmt->skipped, s);
}

gboolean
_alvh_broker_read_header (AlvhCsvReader       *reader,
                          AlvhBrokerStatement *stmt,
                          AlvhBrokerHeader    *h,
                          const char * const  *required,
                          int                 *c,
                          GError             **error)
{
  g_autoptr(GError) read_error = NULL;

  if (!alvh_csv_reader_next (reader, &read_error))
    {
      if (read_error == NULL)
        g_set_error (&read_error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_EMPTY, "%s:1:1: empty file (expected a header)", stmt->path);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  _alvh_broker_header_init (h, reader);
  return _alvh_broker_header_require (h, reader, required, c, error);
}

/* One execution row of @format; FALSE with @error to stop */
static gboolean
read_execution (AlvhBrokerRows          *rows,
                const AlvhBrokerFormat  *format,
                int                      c_order,
                GError                 **error)
{
  g_autoptr(GError) local = NULL;
  AlvhBrokerExecution *e = _alvh_broker_execution_from_row (rows->reader, rows->c[format->c_symbol], c_order);
  const char *reason = NULL;

  if (!format->read_contract (rows, e, &reason, &local))
    return _alvh_broker_refused (rows->stmt, e, reason, g_steal_pointer (&local), error);
  if (!format->read_fill (rows, e, error))
    {
      _alvh_broker_execution_free (e);
      return FALSE;
    }
  e->key = format->key != NULL ? format->key (rows) : _alvh_broker_row_key (rows->stmt, rows->seen, NULL, rows->reader);
  g_ptr_array_add (rows->stmt->executions, e);
  return TRUE;
}

gboolean
_alvh_broker_read_rows (AlvhCsvReader          *reader,
                        AlvhBrokerStatement    *stmt,
                        const AlvhBrokerFormat *format,
                        int                    *c,
                        GError                **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AlvhBrokerRows rows = { reader, stmt, { 0 }, c, seen, FALSE };
  g_autoptr(GError) read_error = NULL;
  gboolean ok = FALSE;
  int c_order;

  if (!_alvh_broker_read_header (reader, stmt, &rows.h, format->required, c, error))
    goto out;
  c_order = format->order != NULL ? _alvh_broker_header_find (&rows.h, format->order) : -1;
  while (alvh_csv_reader_next (reader, &read_error))
    {
      AlvhBrokerRowKind kind;

      rows.expiry = FALSE;
      kind = format->classify (&rows);
      if (kind != ALVH_BROKER_ROW_HEADER)
        stmt->n_rows++;
      if (kind == ALVH_BROKER_ROW_READ && !read_execution (&rows, format, c_order, error))
        goto out;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      goto out;
    }
  ok = TRUE;
out:
  _alvh_broker_header_clear (&rows.h);
  return ok;
}

AlvhBrokerExecution *
_alvh_broker_execution_from_row (AlvhCsvReader *reader,
                                 int            c_symbol,
                                 int            c_order)
{
  AlvhBrokerExecution *e = _alvh_broker_execution_new ();

  e->line = alvh_csv_reader_get_line (reader);
  e->symbol = _alvh_broker_field (reader, c_symbol);
  e->order = c_order >= 0 ? _alvh_broker_field (reader, c_order) : NULL;
  return e;
}

gboolean
_alvh_broker_refused (AlvhBrokerStatement *stmt,
                      AlvhBrokerExecution *e,
                      const char          *reason,
                      GError              *local,
                      GError             **error)
{
  if (local != NULL)
    {
      _alvh_broker_execution_free (e);
      g_propagate_error (error, local);
      return FALSE;
    }
  _alvh_broker_skip (stmt, e->line, e->symbol, reason);
  _alvh_broker_execution_free (e);
  return TRUE;
}

gboolean
_alvh_broker_read_option (AlvhCsvReader                 *reader,
                          AlvhBrokerHeader              *h,
                          const AlvhBrokerOptionColumns *oc,
                          int                            c_symbol,
                          gboolean                       from_occ,
                          AlvhBrokerExecution           *e,
                          GError                       **error)
{
  int c_right = _alvh_broker_header_find (h, oc->right);
  int c_strike = _alvh_broker_header_find (h, oc->strike);
  int c_expiry = _alvh_broker_header_find (h, oc->expiry);
  g_autofree char *pc = _alvh_broker_field (reader, c_right);
  g_autofree char *expiry = _alvh_broker_field (reader, c_expiry);

  if (e->right != ALVH_EXEC_FUTURE && pc[0] != '\0')
    {
      if (g_ascii_strcasecmp (pc, oc->put) != 0 && g_ascii_strcasecmp (pc, oc->call) != 0)
        return _alvh_broker_error (reader, c_right, error, "“%s” (expected %s or %s)", pc, oc->put, oc->call);
      e->right = g_ascii_strcasecmp (pc, oc->put) == 0 ? ALVH_EXEC_PUT : ALVH_EXEC_CALL;
      if (c_strike >= 0 && !_alvh_broker_number (reader, c_strike, FALSE, NAN, &e->strike, error))
        return FALSE;
    }
  else if (e->right != ALVH_EXEC_FUTURE && !from_occ)
    return _alvh_broker_error (reader, c_symbol, error,
                               "“%s” is not an option symbol (expected ROOT YYMMDD[CP]STRIKE or a %s column)",
                               e->symbol, oc->right);
  if (expiry[0] != '\0' && !oc->parse_date (expiry, &e->expiry))
    return _alvh_broker_error (reader, c_expiry, error, "“%s” is not a date (expected %s)", expiry, oc->date_format);
  if (e->expiry == 0)
    return _alvh_broker_error (reader, c_expiry, error, "no %s (expected %s)", oc->expiry_noun, oc->date_format);
  if (e->right != ALVH_EXEC_FUTURE && !(e->strike > 0))
    return _alvh_broker_error (reader, c_strike, error, "the strike is not above 0");
  return TRUE;
}

gboolean
_alvh_broker_read_contract (AlvhBrokerRows                *rows,
                            const AlvhBrokerOptionColumns *oc,
                            int                            c_symbol,
                            gboolean                       future,
                            const char                    *root,
                            const char                    *under,
                            const char                    *not_vix_future,
                            AlvhBrokerExecution           *e,
                            const char                   **reason,
                            GError                       **error)
{
  g_autofree char *occ_root = NULL;
  const char *u;

  if (!future && _alvh_broker_parse_occ (e->symbol, &occ_root, &e->expiry, &e->right, &e->strike) && root[0] == '\0')
    u = _alvh_broker_underlying (occ_root);
  else
    u = _alvh_broker_underlying (root[0] != '\0' ? root : under[0] != '\0' ? under : e->symbol);
  if (u == NULL)
    {
      *reason = "not an SPX or VIX contract";
      return FALSE;
    }
  if (future && strcmp (u, "VIX") != 0)
    {
      *reason = not_vix_future;
      return FALSE;
    }
  e->underlying = g_strdup (u);
  if (future)
    {
      e->right = ALVH_EXEC_FUTURE;
      e->strike = NAN;
    }
  return _alvh_broker_read_option (rows->reader, &rows->h, oc, c_symbol, occ_root != NULL, e, error);
}

gboolean
_alvh_broker_ny_date (int     y,
                      int     mo,
                      int     d,
                      gint64 *out)
{
  if (!alvh_date_is_valid (y, mo, d))
    return FALSE;
  *out = alvh_time_from_ny_date (y, mo, d);
  return TRUE;
}

gboolean
_alvh_broker_ny_local (int     y,
                       int     mo,
                       int     d,
                       int     h,
                       int     mi,
                       int     s,
                       gint64 *out)
{
  if (!alvh_date_is_valid (y, mo, d) || h > 23 || mi > 59 || s > 60)
    return FALSE;
  *out = alvh_time_from_ny_local (y, mo, d, h, mi, s);
  return TRUE;
}

void
alvh_broker_statement_free (AlvhBrokerStatement *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_clear_pointer (&self->executions, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_free (self);
}

gboolean
_alvh_broker_error (AlvhCsvReader  *reader,
                    int             col,
                    GError        **error,
                    const char     *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  alvh_csv_reader_set_error_valist (reader, error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_VALUE,
                                    col < 0 ? 0 : (guint) col, format, args);
  va_end (args);
  return FALSE;
}

void
_alvh_broker_header_init (AlvhBrokerHeader *h,
                          AlvhCsvReader    *reader)
{
  h->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < alvh_csv_reader_get_n_fields (reader); i++)
    {
      g_autofree char *name = alvh_csv_reader_dup_field (reader, i);
      char *lower = g_ascii_strdown (g_strstrip (name), -1);

      if (!g_hash_table_contains (h->index, lower))
        g_hash_table_insert (h->index, lower, GUINT_TO_POINTER (i + 1));
      else
        g_free (lower);
    }
}

void
_alvh_broker_header_clear (AlvhBrokerHeader *h)
{
  g_clear_pointer (&h->index, g_hash_table_unref);
}

int
_alvh_broker_header_find (AlvhBrokerHeader *h,
                          const char       *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (h->index, lower)) - 1;
}

gboolean
_alvh_broker_header_require (AlvhBrokerHeader   *h,
                             AlvhCsvReader      *reader,
                             const char * const *names,
                             int                *out,
                             GError            **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      out[i] = _alvh_broker_header_find (h, names[i]);
      if (out[i] < 0)
        return _alvh_broker_error (reader, 0, error, "the header has no “%s” column (expected the broker's trade columns)", names[i]);
    }
  return TRUE;
}

char *
_alvh_broker_field (AlvhCsvReader *reader,
                    int            col)
{
  char *text;

  if (col < 0 || (guint) col >= alvh_csv_reader_get_n_fields (reader))
    return g_strdup ("");
  text = alvh_csv_reader_dup_field (reader, (guint) col);
  /* thinkorswim writes ids as ="123" */
  if (text[0] == '=' && text[1] == '"')
    {
      gsize n = strlen (text);

      memmove (text, text + 2, n - 1);
      if (n >= 3 && text[n - 3] == '"')
        text[n - 3] = '\0';
    }
  return g_strstrip (text);
}

gboolean
_alvh_broker_multiplier (AlvhBrokerHeader *h,
                         AlvhCsvReader    *reader,
                         double           *out,
                         GError          **error)
{
  int col = _alvh_broker_header_find (h, "Multiplier");

  *out = 100;
  if (col < 0)
    return TRUE;
  if (!_alvh_broker_number (reader, col, TRUE, 100, out, error))
    return FALSE;
  if (!(*out > 0))
    return _alvh_broker_error (reader, col, error, "the multiplier is not above 0");
  return TRUE;
}

gboolean
_alvh_broker_number (AlvhCsvReader *reader,
                     int            col,
                     gboolean       empty_ok,
                     double         empty,
                     double        *out,
                     GError       **error)
{
  g_autofree char *text = _alvh_broker_field (reader, col);
  GString *clean = g_string_new (NULL);
  g_autofree char *num = NULL;
  gboolean negative = FALSE;
  gboolean ok;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',' || *p == '$' || *p == ' ' || (*p == '+' && clean->len == 0))
        continue;
      if (*p == '(' && clean->len == 0)
        {
          negative = TRUE;
          continue;
        }
      if (*p == ')' && negative)
        continue;
      g_string_append_c (clean, *p);
    }
  num = g_string_free (clean, FALSE);
  if (num[0] == '\0' || strcmp (num, "--") == 0)
    {
      if (!empty_ok)
        return _alvh_broker_error (reader, col, error, "an empty field (expected a number)");
      *out = empty;
      return TRUE;
    }
  ok = alvh_csv_parse_double (num, strlen (num), out) && isfinite (*out);
  if (!ok)
    return _alvh_broker_error (reader, col, error, "“%s” is not a number", text);
  if (negative)
    *out = -*out;
  return TRUE;
}

const char *
_alvh_broker_underlying (const char *root)
{
  if (root == NULL)
    return NULL;
  while (*root == '/' || *root == ' ')
    root++;
  if (g_ascii_strcasecmp (root, "SPX") == 0 || g_ascii_strcasecmp (root, "SPXW") == 0)
    return "SPX";
  if (g_ascii_strcasecmp (root, "VIX") == 0 || g_ascii_strcasecmp (root, "VIXW") == 0 ||
      g_ascii_strncasecmp (root, "VX", 2) == 0)
    return "VIX";
  return NULL;
}

gboolean
_alvh_broker_parse_occ (const char     *symbol,
                        char          **root,
                        gint64         *expiry,
                        AlvhExecRight  *right,
                        double         *strike)
{
  g_autofree char *compact = NULL;
  gsize n, r;
  int y, m, d;
  guint64 k;
  char *end;

  if (symbol == NULL)
    return FALSE;
  compact = g_strdup (symbol);
  /* the root, then the spaces that pad it to six characters */
  for (r = 0; compact[r] != '\0' && g_ascii_isalpha (compact[r]); r++)
    ;
  if (r == 0)
    return FALSE;
  n = r;
  while (compact[n] == ' ')
    n++;
  if (strlen (compact + n) != 15)
    return FALSE;
  for (guint i = 0; i < 15; i++)
    if (i != 6 && !g_ascii_isdigit (compact[n + i]))
      return FALSE;
  if (compact[n + 6] != 'P' && compact[n + 6] != 'C')
    return FALSE;
  y = 2000 + (compact[n] - '0') * 10 + (compact[n + 1] - '0');
  m = (compact[n + 2] - '0') * 10 + (compact[n + 3] - '0');
  d = (compact[n + 4] - '0') * 10 + (compact[n + 5] - '0');
  if (!alvh_date_is_valid (y, m, d))
    return FALSE;
  k = g_ascii_strtoull (compact + n + 7, &end, 10);
  *right = compact[n + 6] == 'P' ? ALVH_EXEC_PUT : ALVH_EXEC_CALL;
  *expiry = alvh_time_from_ny_date (y, m, d);
  *strike = (double) k / 1000.0;
  *root = g_strndup (compact, r);
  return TRUE;
}

char *
_alvh_broker_row_key (AlvhBrokerStatement *stmt,
                      GHashTable          *seen,
                      const char          *context,
                      AlvhCsvReader       *reader)
{
  g_autofree char *line = alvh_csv_reader_dup_line (reader);
  g_autofree char *text = g_strconcat (context != NULL ? context : "", "\n", g_strstrip (line), NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, hash)) + 1;

  g_hash_table_insert (seen, g_strdup (hash), GUINT_TO_POINTER (n));
  if (n == 1)
    return g_strdup_printf ("%s:row:%s", alvh_broker_to_string (stmt->broker), hash);
  return g_strdup_printf ("%s:row:%s#%u", alvh_broker_to_string (stmt->broker), hash, n);
}

AlvhBrokerStatement *
alvh_broker_statement_read (const char  *path,
                            AlvhBroker   broker,
                            GError     **error)
{
  g_autoptr(AlvhCsvReader) reader = NULL;
  g_autoptr(AlvhBrokerStatement) stmt = NULL;
  const char *data;
  gsize len;
  gboolean ok = FALSE;

  reader = alvh_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;
  data = alvh_csv_reader_get_data (reader, &len);
  if (broker == ALVH_BROKER_AUTO)
    broker = alvh_broker_detect (data, len);
  if (broker == ALVH_BROKER_AUTO)
    {
      g_set_error (error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_FORMAT,
                   "%s:1:1: not a broker statement this version knows (expected an Interactive Brokers Flex Query"
                   " trades CSV, a tastytrade transaction history CSV or a Schwab/thinkorswim account statement)", path);
      return NULL;
    }
  stmt = g_new0 (AlvhBrokerStatement, 1);
  stmt->path = g_strdup (path);
  stmt->broker = broker;
  stmt->executions = g_ptr_array_new_with_free_func ((GDestroyNotify) _alvh_broker_execution_free);
  stmt->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skip_free);
  switch (broker)
    {
    case ALVH_BROKER_IBKR:
      ok = _alvh_broker_read_ibkr (reader, stmt, error);
      break;
    case ALVH_BROKER_TASTYTRADE:
      ok = _alvh_broker_read_tastytrade (reader, stmt, error);
      break;
    case ALVH_BROKER_SCHWAB:
      ok = _alvh_broker_read_schwab (reader, stmt, error);
      break;
    case ALVH_BROKER_AUTO:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&stmt);
}
