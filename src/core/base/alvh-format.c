/* alvh-format.c — the one formatter for numbers people read */
#define G_LOG_DOMAIN "alvh-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-time.h"

/* What a style decides.  Every formatted number in the program goes through
 * format_amount() with one of these. */
typedef struct
{
  const char *symbol;          /* written between the sign and the digits */
  int         decimals;        /* -1: the caller's */
  gboolean    grouped;         /* ',' between thousands */
  const char *minus;
  gboolean    locale_point;    /* the C library's decimal point, not '.' */
  gboolean    unsigned_zero;   /* no sign when the digits are all zero */
  gboolean    half_away;       /* round halves away from zero, not to even */
  const char *missing;         /* the text for NaN and infinities */
  gboolean    translate_missing;
} AlvhFormatRules;

static const AlvhFormatRules money_rules[] = {
  [ALVH_MONEY_CENTS]   = { "$", 2, FALSE, "\u2212", TRUE,  FALSE, FALSE, N_("n/a"), TRUE },
  [ALVH_MONEY_WHOLE]   = { "$", 0, FALSE, "\u2212", TRUE,  FALSE, FALSE, N_("n/a"), TRUE },
  [ALVH_MONEY_GROUPED] = { "$", 0, TRUE,  "-",      FALSE, TRUE,  TRUE,  "",        FALSE },
  [ALVH_MONEY_PLAIN]   = { "",  2, FALSE, "-",      FALSE, TRUE,  FALSE, "n/a",     FALSE },
};

static const AlvhFormatRules number_rules[] = {
  [ALVH_FORMAT_SCREEN] = { "", -1, FALSE, "-", TRUE,  FALSE, FALSE, N_("n/a"), TRUE },
  [ALVH_FORMAT_DATA]   = { "", -1, FALSE, "-", FALSE, TRUE,  FALSE, "n/a",     FALSE },
};

static void
append_grouped (GString    *out,
                const char *digits)
{
  const char *point = digits + strspn (digits, "0123456789");
  int len = (int) (point - digits);
  int lead = len % 3 == 0 ? 3 : len % 3;

  g_string_append_len (out, digits, MIN (lead, len));
  for (int i = lead; i < len; i += 3)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, digits + i, 3);
    }
  g_string_append (out, point);
}

static char *
format_amount (double                 value,
               int                    decimals,
               const AlvhFormatRules *rules)
{
  g_autofree char *digits = NULL;
  double magnitude = fabs (value);
  gboolean negative = value < 0;
  GString *out;

  if (!isfinite (value))
    return g_strdup (rules->translate_missing ? _(rules->missing) : rules->missing);

  decimals = CLAMP (rules->decimals >= 0 ? rules->decimals : decimals, 0, 10);
  if (rules->half_away)
    {
      double scale = pow (10.0, decimals);

      magnitude = round (magnitude * scale) / scale;
    }
  if (rules->locale_point)
    digits = g_strdup_printf ("%.*f", decimals, magnitude);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      char fmt[16];

      g_snprintf (fmt, sizeof fmt, "%%.%df", decimals);
      digits = g_strdup (g_ascii_formatd (buf, sizeof buf, fmt, magnitude));
    }
  if (rules->unsigned_zero && strspn (digits, "0.,") == strlen (digits))
    negative = FALSE;

  out = g_string_new (negative ? rules->minus : NULL);
  g_string_append (out, rules->symbol);
  if (rules->grouped)
    append_grouped (out, digits);
  else
    g_string_append (out, digits);
  return g_string_free (out, FALSE);
}

char *
alvh_format_money (double         dollars,
                   AlvhMoneyStyle style)
{
  g_return_val_if_fail ((guint) style < G_N_ELEMENTS (money_rules), NULL);

  return format_amount (dollars, 0, &money_rules[style]);
}

char *
alvh_format_number (double           value,
                    int              digits,
                    AlvhFormatTarget target)
{
  g_return_val_if_fail ((guint) target < G_N_ELEMENTS (number_rules), NULL);

  return format_amount (value, digits, &number_rules[target]);
}

char *
alvh_format_percent (double           fraction,
                     int              digits,
                     AlvhFormatTarget target)
{
  g_autofree char *number = alvh_format_number (100.0 * fraction, digits, target);

  if (!isfinite (fraction))
    return g_steal_pointer (&number);
  return g_strconcat (number, "%", NULL);
}

char *
alvh_format_price (double           price,
                   AlvhFormatTarget target)
{
  return alvh_format_number (price, 2, target);
}

char *
alvh_format_date (gint64 t)
{
  gint64 local, secs;
  int y, m, d;

  if (t == 0)
    return g_strdup ("");
  alvh_time_to_ny_date (t, &y, &m, &d);
  if (alvh_time_from_ny_day (alvh_time_ny_day (t)) == t)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);

  local = t + alvh_ny_utc_offset (t);
  secs = ((local % ALVH_SECONDS_PER_DAY) + ALVH_SECONDS_PER_DAY) % ALVH_SECONDS_PER_DAY;
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", y, m, d,
                          (int) (secs / 3600), (int) (secs / 60 % 60));
}

char *
alvh_format_utc (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}
