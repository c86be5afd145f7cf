/* alvh-option-chain.c — parse Cboe delayed-quote chains, our IV and greeks, ATM IV
 *
 * SPX and SPXW rows of the same date and strike are both kept; the expiry
 * list has one entry per (date, settlement style), AM (SPX) before PM (SPXW),
 * and lookups by time prefer the PM entry.  Both are taken at 16:00 New York.
 */
#define G_LOG_DOMAIN "alvh-option-chain"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "alvh-option-chain.h"
#include "alvh-calendar.h"
#include "alvh-time.h"

G_DEFINE_QUARK (alvh-option-chain-error-quark, alvh_option_chain_error)

#define N_COLUMNS 22
#define SECONDS_PER_YEAR (365.0 * 86400.0)

struct _AlvhOptionChain
{
  gatomicrefcount ref_count;
  char   *name;            /* file name, for messages */
  char   *underlying;
  double  spot;
  gint64  quote_time;
  GArray *rows;            /* AlvhOptionChainRow */
  GArray *expiries;        /* AlvhOptionChainExpiry */
  double  r, q;
  gint64  valuation_time;
};

G_DEFINE_BOXED_TYPE (AlvhOptionChain, alvh_option_chain, alvh_option_chain_ref, alvh_option_chain_unref)

static const char *const expected_header[N_COLUMNS] = {
  "Expiration Date", "Calls", "Last Sale", "Net", "Bid", "Ask", "Volume", "IV", "Delta",
  "Gamma", "Open Interest", "Strike", "Puts", "Last Sale", "Net", "Bid", "Ask", "Volume",
  "IV", "Delta", "Gamma", "Open Interest",
};

static const char *const month_abbr[12] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

typedef struct
{
  const char *start;
  gsize       len;
} Field;

/* ---- small parsing helpers ------------------------------------------------------- */

/* Splits one line (no line end) at commas; double quotes protect commas.
 * Returns the number of fields found (at most max, counting stops there). */
static guint
split_line (const char *line, gsize len, Field *fields, guint max)
{
  guint n = 0;
  gsize i = 0;

  for (;;)
    {
      gsize start = i;
      gboolean quoted = FALSE;

      while (i < len && (quoted || line[i] != ','))
        {
          if (line[i] == '"')
            quoted = !quoted;
          i++;
        }
      if (n < max)
        {
          fields[n].start = line + start;
          fields[n].len = i - start;
        }
      n++;
      if (i >= len)
        break;
      i++; /* the comma */
    }
  return n;
}

static gboolean
field_equal (const Field *f, const char *text)
{
  gsize l = strlen (text);

  return f->len == l && memcmp (f->start, text, l) == 0;
}

static gboolean
parse_double (const char *text, gsize len, double *out)
{
  char buf[64];
  char *end = NULL;

  while (len > 0 && g_ascii_isspace (*text))
    {
      text++;
      len--;
    }
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  if (len == 0)
    {
      *out = NAN;
      return TRUE;
    }
  if (len >= sizeof buf)
    return FALSE;
  memcpy (buf, text, len);
  buf[len] = '\0';
  *out = g_ascii_strtod (buf, &end);
  return end == buf + len && isfinite (*out);
}

static int
month_from_name (const char *s, gsize len)
{
  for (int m = 0; m < 12; m++)
    if (len >= 3 && g_ascii_strncasecmp (s, month_abbr[m], 3) == 0)
      return m + 1;
  return 0;
}

/* "Mon Jan 06 2025" */
static gboolean
parse_expiration (const Field *f, gint64 *out, int *y_out, int *m_out, int *d_out)
{
  g_autofree char *text = g_strndup (f->start, f->len);
  g_auto(GStrv) parts = g_strsplit_set (g_strstrip (text), " ", -1);
  int y, m, d;
  char *end;

  if (g_strv_length (parts) != 4)
    return FALSE;
  m = month_from_name (parts[1], strlen (parts[1]));
  d = (int) strtol (parts[2], &end, 10);
  if (*end != '\0')
    return FALSE;
  y = (int) strtol (parts[3], &end, 10);
  if (*end != '\0' || m == 0 || y < 1900 || y > 2200 || !alvh_date_is_valid (y, m, d))
    return FALSE;
  *out = alvh_time_from_ny_local (y, m, d, 16, 0, 0);
  *y_out = y;
  *m_out = m;
  *d_out = d;
  return TRUE;
}

/* "Date: January 6, 2025 at 9:26 PM EST" (quotes already removed or not) */
static gboolean
parse_quote_date (const char *line, gsize len, gint64 *out)
{
  g_autofree char *text = g_strndup (line, len);
  char *p = strstr (text, "Date:");
  g_auto(GStrv) parts = NULL;
  int y, m, d, hh, mm;
  char *end;

  if (p == NULL)
    return FALSE;
  p += 5;
  end = strchr (p, '"');
  if (end != NULL)
    *end = '\0';
  parts = g_strsplit_set (g_strstrip (p), " ,", -1);
  {
    /* drop the empty tokens that ", " leaves */
    GPtrArray *tok = g_ptr_array_new ();
    for (guint i = 0; parts[i] != NULL; i++)
      if (parts[i][0] != '\0')
        g_ptr_array_add (tok, parts[i]);
    if (tok->len < 6)
      {
        g_ptr_array_free (tok, TRUE);
        return FALSE;
      }
    m = month_from_name (tok->pdata[0], strlen (tok->pdata[0]));
    d = (int) strtol (tok->pdata[1], &end, 10);
    if (*end != '\0')
      m = 0;
    y = (int) strtol (tok->pdata[2], &end, 10);
    if (*end != '\0')
      m = 0;
    if (g_ascii_strcasecmp (tok->pdata[3], "at") != 0)
      m = 0;
    hh = (int) strtol (tok->pdata[4], &end, 10);
    mm = 0;
    if (*end != ':')
      m = 0;
    else
      {
        mm = (int) strtol (end + 1, &end, 10);
        if (*end != '\0')
          m = 0;
      }
    if (g_ascii_strcasecmp (tok->pdata[5], "PM") == 0 && hh < 12)
      hh += 12;
    else if (g_ascii_strcasecmp (tok->pdata[5], "AM") == 0 && hh == 12)
      hh = 0;
    else if (g_ascii_strcasecmp (tok->pdata[5], "AM") != 0 && g_ascii_strcasecmp (tok->pdata[5], "PM") != 0)
      m = 0;
    g_ptr_array_free (tok, TRUE);
  }
  if (m == 0 || y < 1900 || y > 2200 || !alvh_date_is_valid (y, m, d) || hh < 0 || hh > 23 || mm < 0 || mm > 59)
    return FALSE;
  *out = alvh_time_from_ny_local (y, m, d, hh, mm, 0);
  return TRUE;
}

/* The time the quotes are valid at.  SPX options also trade in Cboe's global
 * trading hours (evenings and nights from Monday to Friday), so a download on
 * a weekday holds live quotes at its own time; one taken on a weekend holds
 * Friday's closing quotes: 16:00 New York of the last weekday.  (Cboe's
 * printed IVs fit this: the 2025-01-06 21:26 download at 21:26, the Sunday
 * 2023-08-20 download at Friday 16:00.) */
static gint64
default_valuation_time (gint64 t)
{
  gint64 local = t + alvh_ny_utc_offset (t);
  gint64 day = local >= 0 ? local / ALVH_SECONDS_PER_DAY : (local - ALVH_SECONDS_PER_DAY + 1) / ALVH_SECONDS_PER_DAY;
  int y, m, d;

  if (alvh_weekday_from_days (day) <= 5)
    return t;
  do
    day--;
  while (alvh_weekday_from_days (day) > 5);
  alvh_civil_from_days (day, &y, &m, &d);
  return alvh_time_from_ny_local (y, m, d, 16, 0, 0);
}

static void
quote_init (AlvhOptionQuote *q)
{
  q->mid = NAN;
  q->iv = q->delta = q->gamma = q->theta = q->vega = NAN;
}

static int
row_compare (gconstpointer a, gconstpointer b)
{
  const AlvhOptionChainRow *x = a, *y = b;

  if (x->expiry != y->expiry)
    return x->expiry < y->expiry ? -1 : 1;
  if (x->pm_settled != y->pm_settled)
    return x->pm_settled ? 1 : -1;
  if (x->strike != y->strike)
    return x->strike < y->strike ? -1 : 1;
  return 0;
}

/* ---- public: life cycle ---------------------------------------------------------- */

AlvhOptionChain *
alvh_option_chain_ref (AlvhOptionChain *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
alvh_option_chain_unref (AlvhOptionChain *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->name);
      g_free (self->underlying);
      g_array_unref (self->rows);
      g_array_unref (self->expiries);
      g_free (self);
    }
}

static gboolean
parse_quote_fields (AlvhOptionChain *self, const Field *f, guint first, AlvhOptionQuote *q,
                    guint line, const char *line_start, GError **error)
{
  /* columns: symbol, Last Sale, Net, Bid, Ask, Volume, IV, Delta, Gamma, Open Interest */
  double *dst[9] = { &q->last, &q->net, &q->bid, &q->ask, &q->volume, &q->cboe_iv,
                     &q->cboe_delta, &q->cboe_gamma, &q->open_interest };

  quote_init (q);
  for (guint j = 0; j < 9; j++)
    {
      const Field *fj = &f[first + 1 + j];

      if (!parse_double (fj->start, fj->len, dst[j]))
        {
          g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_VALUE,
                       "%s:%u:%u: expected a number in column “%s”, found “%.*s”",
                       self->name, line, (guint) (fj->start - line_start) + 1,
                       expected_header[first + 1 + j], (int) MIN (fj->len, 40), fj->start);
          return FALSE;
        }
    }
  if (q->bid > 0.0 && q->ask >= q->bid)
    q->mid = 0.5 * (q->bid + q->ask);
  return TRUE;
}

/* Where the parser of a download stands. */
typedef struct
{
  guint    line;
  gboolean have_header;
  gboolean have_spot;
  gboolean have_time;
} ChainParse;

/* The header line "Expiration Date,Calls,...": it must come after the
 * underlying's price and the quote time. */
static gboolean
parse_header (AlvhOptionChain  *self,
              ChainParse       *st,
              const char       *ls,
              gsize             ll,
              GError          **error)
{
  Field f[N_COLUMNS + 1];
  guint nf = split_line (ls, ll, f, N_COLUMNS + 1);

  for (guint j = 0; j < MIN (nf, (guint) N_COLUMNS); j++)
    if (!field_equal (&f[j], expected_header[j]))
      {
        g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_FORMAT,
                     "%s:%u:%u: expected column %u to be “%s”, found “%.*s”",
                     self->name, st->line, (guint) (f[j].start - ls) + 1, j + 1,
                     expected_header[j], (int) MIN (f[j].len, 40), f[j].start);
        return FALSE;
      }
  if (nf != N_COLUMNS)
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_FORMAT,
                   "%s:%u:1: expected the %d columns of a Cboe chain header, found %u",
                   self->name, st->line, N_COLUMNS, nf);
      return FALSE;
    }
  if (!st->have_spot)
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_FORMAT,
                   "%s:%u:1: expected a line “NAME,Last: PRICE,...” before the header",
                   self->name, st->line);
      return FALSE;
    }
  if (!st->have_time)
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_FORMAT,
                   "%s:%u:1: expected a line “Date: MONTH D, YYYY at H:MM AM|PM” before the header",
                   self->name, st->line);
      return FALSE;
    }
  st->have_header = TRUE;
  return TRUE;
}

/* "NAME,Last: PRICE,Change: ...": the underlying and its price. */
static gboolean
parse_spot (AlvhOptionChain  *self,
            ChainParse       *st,
            const char       *ls,
            gsize             ll,
            const char       *last,
            GError          **error)
{
  const char *num_start = last + 5;
  const char *comma, *c0;
  gsize nlen;

  while (num_start < ls + ll && *num_start == ' ')
    num_start++;
  comma = memchr (num_start, ',', (gsize) (ls + ll - num_start));
  nlen = (gsize) ((comma != NULL ? comma : ls + ll) - num_start);
  c0 = memchr (ls, ',', ll);
  if (!parse_double (num_start, nlen, &self->spot) || !(self->spot > 0.0))
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_VALUE,
                   "%s:%u:%u: expected a positive underlying price after “Last:”, found “%.*s”",
                   self->name, st->line, (guint) (num_start - ls) + 1,
                   (int) MIN (nlen, (gsize) 40), num_start);
      return FALSE;
    }
  self->underlying = g_strstrip (g_strndup (ls, c0 != NULL ? (gsize) (c0 - ls) : ll));
  st->have_spot = TRUE;
  return TRUE;
}

/* A line before the header: the underlying's price, the quote time, or
 * anything else within the first seven lines. */
static gboolean
parse_preamble (AlvhOptionChain  *self,
                ChainParse       *st,
                const char       *ls,
                gsize             ll,
                GError          **error)
{
  const char *last = g_strstr_len (ls, (gssize) ll, "Last:");
  const char *date = g_strstr_len (ls, (gssize) ll, "Date:");

  if (last != NULL && !st->have_spot)
    return parse_spot (self, st, ls, ll, last, error);
  if (date != NULL && !st->have_time)
    {
      const char *q_end = memchr (date, ',', (gsize) (ls + ll - date));

      /* the date itself holds a comma: take up to the closing quote */
      if (ls[0] == '"')
        q_end = memchr (date, '"', (gsize) (ls + ll - date));
      if (!parse_quote_date (date, (gsize) ((q_end != NULL ? q_end : ls + ll) - date), &self->quote_time))
        {
          g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_VALUE,
                       "%s:%u:%u: expected “Date: MONTH D, YYYY at H:MM AM|PM ZONE”",
                       self->name, st->line, (guint) (date - ls) + 1);
          return FALSE;
        }
      st->have_time = TRUE;
      return TRUE;
    }
  if (st->line >= 8)
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_FORMAT,
                   "%s:%u:1: expected the header line starting with “Expiration Date” "
                   "(a Cboe delayed quotes option chain download)",
                   self->name, st->line);
      return FALSE;
    }
  return TRUE;
}

/* A data row: expiration, the call's quote, the strike, the put's quote. */
static gboolean
parse_row (AlvhOptionChain  *self,
           const ChainParse *st,
           const char       *ls,
           gsize             ll,
           GError          **error)
{
  AlvhOptionChainRow row;
  Field f[N_COLUMNS + 1];
  guint nf = split_line (ls, ll, f, N_COLUMNS + 1);
  int y, m, d;
  const char *sym;
  gsize sl, k;

  if (nf != N_COLUMNS)
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_VALUE,
                   "%s:%u:1: expected %d fields, found %u",
                   self->name, st->line, N_COLUMNS, nf);
      return FALSE;
    }
  memset (&row, 0, sizeof row);
  if (!parse_expiration (&f[0], &row.expiry, &y, &m, &d))
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_VALUE,
                   "%s:%u:1: expected an expiration date like “Fri Jan 17 2025”, found “%.*s”",
                   self->name, st->line, (int) MIN (f[0].len, (gsize) 40), f[0].start);
      return FALSE;
    }
  if (!parse_double (f[11].start, f[11].len, &row.strike) || !(row.strike > 0.0))
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_VALUE,
                   "%s:%u:%u: expected a positive strike, found “%.*s”",
                   self->name, st->line, (guint) (f[11].start - ls) + 1,
                   (int) MIN (f[11].len, (gsize) 40), f[11].start);
      return FALSE;
    }
  if (!parse_quote_fields (self, f, 1, &row.call, st->line, ls, error)
      || !parse_quote_fields (self, f, 12, &row.put, st->line, ls, error))
    return FALSE;

  /* OCC root: letters before the date digits; a trailing W is a weekly (PM) */
  sym = f[1].start;
  sl = f[1].len;
  for (k = 0; k < sl && g_ascii_isalpha (sym[k]); k++)
    ;
  row.pm_settled = k > 0 && sym[k - 1] == 'W';
  if (k == 3 && g_ascii_strncasecmp (sym, "SPX", 3) == 0)
    row.pm_settled = FALSE;
  else if (k == 0)
    row.pm_settled = TRUE;
  g_array_append_val (self->rows, row);
  return TRUE;
}

/* Sorts the rows and groups them into expiries (AM and PM apart). */
static void
build_expiries (AlvhOptionChain *self)
{
  g_array_sort (self->rows, row_compare);
  for (guint i = 0; i < self->rows->len;)
    {
      const AlvhOptionChainRow *r0 = &g_array_index (self->rows, AlvhOptionChainRow, i);
      AlvhOptionChainExpiry e = { 0 };
      guint j = i;

      while (j < self->rows->len
             && g_array_index (self->rows, AlvhOptionChainRow, j).expiry == r0->expiry
             && g_array_index (self->rows, AlvhOptionChainRow, j).pm_settled == r0->pm_settled)
        j++;
      e.expiry = r0->expiry;
      e.pm_settled = r0->pm_settled;
      e.first_row = i;
      e.n_rows = j - i;
      e.forward = NAN;
      e.atm_iv = NAN;
      g_array_append_val (self->expiries, e);
      i = j;
    }
}

AlvhOptionChain *
alvh_option_chain_parse_cboe_csv (const char *name, const char *data, gsize len, GError **error)
{
  g_autoptr(AlvhOptionChain) self = g_new0 (AlvhOptionChain, 1);
  const char *p = data, *end = data + len;
  ChainParse st = { 0 };

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name != NULL ? name : "<data>");
  self->rows = g_array_new (FALSE, FALSE, sizeof (AlvhOptionChainRow));
  self->expiries = g_array_new (FALSE, FALSE, sizeof (AlvhOptionChainExpiry));
  self->spot = NAN;

  /* a UTF-8 byte order mark */
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl != NULL ? nl : end;
      const char *ls = p;
      gsize ll = (gsize) (line_end - ls);
      gboolean ok;

      st.line++;
      p = nl != NULL ? nl + 1 : end;
      if (ll > 0 && ls[ll - 1] == '\r')
        ll--;
      if (ll == 0)
        continue;
      if (st.have_header)
        ok = parse_row (self, &st, ls, ll, error);
      else if (ll >= 15 && memcmp (ls, "Expiration Date", 15) == 0)
        ok = parse_header (self, &st, ls, ll, error);
      else
        ok = parse_preamble (self, &st, ls, ll, error);
      if (!ok)
        return NULL;
    }

  if (!st.have_header)
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_FORMAT,
                   "%s:%u:1: expected the header line starting with “Expiration Date” "
                   "(a Cboe delayed quotes option chain download)", self->name, MAX (st.line, 1));
      return NULL;
    }
  if (self->rows->len == 0)
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_EMPTY,
                   "%s:%u:1: expected option rows after the header", self->name, st.line + 1);
      return NULL;
    }

  build_expiries (self);
  self->valuation_time = default_valuation_time (self->quote_time);
  alvh_option_chain_compute (self, 0.04, NAN, 0);
  return g_steal_pointer (&self);
}

AlvhOptionChain *
alvh_option_chain_new_from_rows (const char               *name,
                                 const char               *underlying,
                                 double                    spot,
                                 gint64                    quote_time,
                                 const AlvhOptionChainRow *rows,
                                 gsize                     n_rows)
{
  AlvhOptionChain *self = g_new0 (AlvhOptionChain, 1);

  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name != NULL ? name : "<store>");
  self->underlying = g_strdup (underlying != NULL ? underlying : "");
  self->spot = spot;
  self->quote_time = quote_time;
  self->rows = g_array_sized_new (FALSE, FALSE, sizeof (AlvhOptionChainRow), (guint) n_rows);
  self->expiries = g_array_new (FALSE, FALSE, sizeof (AlvhOptionChainExpiry));
  for (gsize i = 0; i < n_rows; i++)
    {
      AlvhOptionChainRow r = rows[i];
      AlvhOptionQuote *q[2] = { &r.call, &r.put };

      for (guint k = 0; k < 2; k++)
        {
          q[k]->mid = q[k]->bid > 0.0 && q[k]->ask >= q[k]->bid ? 0.5 * (q[k]->bid + q[k]->ask) : NAN;
          q[k]->iv = q[k]->delta = q[k]->gamma = q[k]->theta = q[k]->vega = NAN;
        }
      g_array_append_val (self->rows, r);
    }
  build_expiries (self);
  self->valuation_time = default_valuation_time (self->quote_time);
  alvh_option_chain_compute (self, 0.04, NAN, 0);
  return self;
}

gint64
alvh_option_chain_get_session_date (AlvhOptionChain *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return alvh_time_from_ny_day (alvh_calendar_last_session_day (self->quote_time));
}

AlvhOptionChain *
alvh_option_chain_load_cboe_csv (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  base = g_path_get_basename (path);
  return alvh_option_chain_parse_cboe_csv (base, data, len, error);
}

/* ---- accessors ------------------------------------------------------------------ */

const char *
alvh_option_chain_get_underlying_name (AlvhOptionChain *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->underlying;
}

double
alvh_option_chain_get_spot (AlvhOptionChain *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->spot;
}

gint64
alvh_option_chain_get_quote_time (AlvhOptionChain *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->quote_time;
}

gint64
alvh_option_chain_get_valuation_time (AlvhOptionChain *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->valuation_time;
}

gsize
alvh_option_chain_get_n_rows (AlvhOptionChain *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

const AlvhOptionChainRow *
alvh_option_chain_get_row (AlvhOptionChain *self, gsize i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);
  return &g_array_index (self->rows, AlvhOptionChainRow, i);
}

guint
alvh_option_chain_get_n_expiries (AlvhOptionChain *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->expiries->len;
}

const AlvhOptionChainExpiry *
alvh_option_chain_get_expiry (AlvhOptionChain *self, guint i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->expiries->len, NULL);
  return &g_array_index (self->expiries, AlvhOptionChainExpiry, i);
}

/* ---- our IV and greeks --------------------------------------------------------- */

static void
quote_compute (AlvhOptionQuote *q, AlvhOptionType type, double s, double k, double t,
               double r, double qy)
{
  AlvhGreeks g;
  double iv;

  q->iv = q->delta = q->gamma = q->theta = q->vega = NAN;
  if (!(t > 0.0) || !isfinite (q->mid))
    return;
  if (!alvh_implied_vol (ALVH_MODEL_BLACK_SCHOLES, type, q->mid, s, k, t, r, qy, &iv, NULL))
    return;
  alvh_bs_greeks (type, s, k, t, iv, r, qy, &g);
  q->iv = iv;
  q->delta = g.delta;
  q->gamma = g.gamma;
  q->theta = g.theta;
  q->vega = g.vega;
}

/* The IV of a strike on the smile: the out-of-the-money side, else the other. */
static double
smile_iv (const AlvhOptionChainRow *row, double fwd)
{
  const AlvhOptionQuote *otm = row->strike >= fwd ? &row->call : &row->put;
  const AlvhOptionQuote *itm = row->strike >= fwd ? &row->put : &row->call;

  return isfinite (otm->iv) ? otm->iv : itm->iv;
}

void
alvh_option_chain_compute (AlvhOptionChain *self, double r, double q, gint64 valuation_time)
{
  g_return_if_fail (self != NULL);

  self->r = r;
  self->q = q;
  self->valuation_time = valuation_time != 0 ? valuation_time : default_valuation_time (self->quote_time);

  for (guint e = 0; e < self->expiries->len; e++)
    {
      AlvhOptionChainExpiry *ex = &g_array_index (self->expiries, AlvhOptionChainExpiry, e);
      AlvhOptionChainRow *rows = &g_array_index (self->rows, AlvhOptionChainRow, ex->first_row);
      double t = (double) (ex->expiry - self->valuation_time) / SECONDS_PER_YEAR;
      double fwd = NAN, qy, best = G_MAXDOUBLE;

      ex->t = t;
      ex->forward = NAN;
      ex->atm_iv = NAN;

      if (t > 0.0)
        {
          if (isnan (q))
            {
              /* parity at the strike where the call and put mids are closest */
              for (guint i = 0; i < ex->n_rows; i++)
                {
                  const AlvhOptionChainRow *row = &rows[i];
                  double diff = row->call.mid - row->put.mid;

                  if (isfinite (diff) && fabs (diff) < best)
                    {
                      best = fabs (diff);
                      fwd = row->strike + exp (r * t) * diff;
                    }
                }
            }
          else
            fwd = self->spot * exp ((r - q) * t);
        }

      if (!(fwd > 0.0))
        {
          for (guint i = 0; i < ex->n_rows; i++)
            {
              quote_init (&rows[i].call);
              quote_init (&rows[i].put);
              if (rows[i].call.bid > 0.0 && rows[i].call.ask >= rows[i].call.bid)
                rows[i].call.mid = 0.5 * (rows[i].call.bid + rows[i].call.ask);
              if (rows[i].put.bid > 0.0 && rows[i].put.ask >= rows[i].put.bid)
                rows[i].put.mid = 0.5 * (rows[i].put.bid + rows[i].put.ask);
            }
          continue;
        }

      ex->forward = fwd;
      /* Black-Scholes on the spot with the dividend yield that gives this forward */
      qy = r - log (fwd / self->spot) / t;
      for (guint i = 0; i < ex->n_rows; i++)
        {
          quote_compute (&rows[i].call, ALVH_OPTION_CALL, self->spot, rows[i].strike, t, r, qy);
          quote_compute (&rows[i].put, ALVH_OPTION_PUT, self->spot, rows[i].strike, t, r, qy);
        }

      /* ATM: linear in strike between the nearest strikes with an IV around F */
      {
        int below = -1, above = -1;

        for (guint i = 0; i < ex->n_rows; i++)
          {
            if (!isfinite (smile_iv (&rows[i], fwd)))
              continue;
            if (rows[i].strike <= fwd)
              below = (int) i;
            else if (above < 0)
              above = (int) i;
          }
        if (below >= 0 && above >= 0)
          {
            double k1 = rows[below].strike, k2 = rows[above].strike;
            double v1 = smile_iv (&rows[below], fwd), v2 = smile_iv (&rows[above], fwd);

            ex->atm_iv = v1 + (v2 - v1) * (fwd - k1) / (k2 - k1);
          }
        else if (below >= 0 && rows[below].strike == fwd)
          ex->atm_iv = smile_iv (&rows[below], fwd);
      }
    }
}

double
alvh_option_chain_atm_iv (AlvhOptionChain *self, gint64 target_expiry_time, GError **error)
{
  const AlvhOptionChainExpiry *before = NULL, *after = NULL;
  double t, w1, w2, w;

  g_return_val_if_fail (self != NULL, NAN);

  for (guint e = 0; e < self->expiries->len; e++)
    {
      const AlvhOptionChainExpiry *ex = &g_array_index (self->expiries, AlvhOptionChainExpiry, e);

      if (!isfinite (ex->atm_iv))
        continue;
      /* for the same time, the later entry (PM settled) wins */
      if (ex->expiry <= target_expiry_time)
        before = ex;
      else if (after == NULL || ex->expiry == after->expiry)
        after = ex;
    }

  if (before != NULL && before->expiry == target_expiry_time)
    return before->atm_iv;
  if (before == NULL || after == NULL)
    {
      int y = 0, m = 0, d = 0;

      alvh_time_to_ny_date (target_expiry_time, &y, &m, &d);
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_RANGE,
                   "%s: no ATM IV for %04d-%02d-%02d: expected a time between the first and the last "
                   "expiry of the chain that have quotes", self->name, y, m, d);
      return NAN;
    }

  t = (double) (target_expiry_time - self->valuation_time) / SECONDS_PER_YEAR;
  w1 = before->atm_iv * before->atm_iv * before->t;
  w2 = after->atm_iv * after->atm_iv * after->t;
  if (before->t <= 0.0 || !(t > 0.0))
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_RANGE,
                   "%s: the target expiry is not after the valuation time", self->name);
      return NAN;
    }
  w = w1 + (w2 - w1) * (t - before->t) / (after->t - before->t);
  if (!(w > 0.0))
    {
      g_set_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_NO_DATA,
                   "%s: the total variance between the expiries is not positive", self->name);
      return NAN;
    }
  return sqrt (w / t);
}
