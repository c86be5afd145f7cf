/* alvh-format.c — the one formatter for numbers people read */
#define G_LOG_DOMAIN "alvh-format"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-time.h"
#include "alvh-build-paths.h"

/* What a style decides.  Every formatted number in the program goes through
 * format_amount() with one of these. */
typedef struct
{
  const char *symbol;          /* written between the sign and the digits */
  int         decimals;        /* -1: the caller's */
  gboolean    grouped;         /* a separator between thousands */
  const char *minus;
  gboolean    locale_point;    /* the C library's decimal point, not '.' */
  gboolean    unsigned_zero;   /* no sign when the digits are all zero */
  gboolean    half_away;       /* round halves away from zero, not to even */
  const char *missing;         /* the text for NaN and infinities */
  gboolean    translate_missing;
} AlvhFormatRules;

static const AlvhFormatRules money_rules[] = {
  [ALVH_MONEY_CENTS]   = { "$", 2, TRUE,  "\u2212", TRUE,  TRUE,  FALSE, N_("n/a"), TRUE },
  [ALVH_MONEY_WHOLE]   = { "$", 0, TRUE,  "\u2212", TRUE,  TRUE,  FALSE, N_("n/a"), TRUE },
  [ALVH_MONEY_GROUPED] = { "$", 0, TRUE,  "\u2212", TRUE,  TRUE,  TRUE,  "",        FALSE },
  [ALVH_MONEY_PLAIN]   = { "",  2, FALSE, "-",      FALSE, TRUE,  FALSE, "n/a",     FALSE },
  [ALVH_MONEY_SUMMARY] = { "$", 0, TRUE,  "\u2212", TRUE,  TRUE,  FALSE, N_("n/a"), TRUE },
};

static const AlvhFormatRules number_rules[] = {
  [ALVH_FORMAT_SCREEN] = { "", -1, TRUE,  "\u2212", TRUE, TRUE, FALSE, N_("n/a"), TRUE },
  [ALVH_FORMAT_DATA]   = { "", -1, FALSE, "-", FALSE, TRUE,  FALSE, "n/a",     FALSE },
};

/* The separators of text people read: the C library's when LC_NUMERIC names
 * a real locale, else the translation's (LANGUAGE=de alone gives "1.234,50"). */
static void
screen_separators (const char **point,
                   const char **thousands)
{
  const struct lconv *lc = localeconv ();

  if (lc->thousands_sep != NULL && *lc->thousands_sep != '\0')
    {
      *point = lc->decimal_point;
      *thousands = lc->thousands_sep;
      return;
    }
  /* TRANSLATORS: the decimal separator of numbers, "," in German */
  *point = C_("number", ".");
  /* TRANSLATORS: the separator between thousands of numbers, "." in German */
  *thousands = C_("number", ",");
}

/* Appends @digits ("1234.50", with an ASCII point) with @thousands between
 * groups of three and @point for the decimal point. */
static void
append_digits (GString    *out,
               const char *digits,
               const char *point,
               const char *thousands)
{
  int len = (int) strspn (digits, "0123456789");
  int lead = len % 3 == 0 ? 3 : len % 3;

  g_string_append_len (out, digits, MIN (lead, len));
  for (int i = lead; thousands != NULL && i < len; i += 3)
    {
      g_string_append (out, thousands);
      g_string_append_len (out, digits + i, 3);
    }
  if (thousands == NULL)
    g_string_append_len (out, digits + MIN (lead, len), len - MIN (lead, len));
  if (digits[len] == '.')
    {
      g_string_append (out, point);
      g_string_append (out, digits + len + 1);
    }
}

static char *
format_amount (double                 value,
               int                    decimals,
               const AlvhFormatRules *rules)
{
  char digits[G_ASCII_DTOSTR_BUF_SIZE + 320];
  char fmt[16];
  const char *point = ".", *thousands = NULL;
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
  g_snprintf (fmt, sizeof fmt, "%%.%df", decimals);
  g_ascii_formatd (digits, sizeof digits, fmt, magnitude);
  if (rules->unsigned_zero && strspn (digits, "0.") == strlen (digits))
    negative = FALSE;
  if (rules->locale_point)
    screen_separators (&point, &thousands);
  if (!rules->grouped)
    thousands = NULL;

  out = g_string_new (negative ? rules->minus : NULL);
  g_string_append (out, rules->symbol);
  append_digits (out, digits, point, thousands);
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
alvh_format_significant (double           value,
                         int              digits,
                         AlvhFormatTarget target)
{
  const AlvhFormatRules *rules;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[16];

  g_return_val_if_fail ((guint) target < G_N_ELEMENTS (number_rules), NULL);

  rules = &number_rules[target];
  if (!isfinite (value))
    return g_strdup (rules->translate_missing ? _(rules->missing) : rules->missing);
  digits = CLAMP (digits, 1, 17);
  g_snprintf (fmt, sizeof fmt, "%%.%dg", digits);
  g_ascii_formatd (buf, sizeof buf, fmt, value);
  if (rules->locale_point && strchr (buf, 'e') == NULL)
    {
      const char *point, *thousands;
      GString *out = g_string_new (buf[0] == '-' ? rules->minus : NULL);

      screen_separators (&point, &thousands);
      append_digits (out, buf[0] == '-' ? buf + 1 : buf, point, thousands);
      return g_string_free (out, FALSE);
    }
  return g_strdup (buf);
}

char *
alvh_format_percent (double           fraction,
                     int              digits,
                     AlvhFormatTarget target)
{
  g_autofree char *number = alvh_format_number (100.0 * fraction, digits, target);

  if (!isfinite (fraction))
    return g_steal_pointer (&number);
  /* TRANSLATORS: a percentage; German puts a space before the sign */
  return g_strdup_printf (target == ALVH_FORMAT_SCREEN ? C_("percent", "%s%%") : "%s%%", number);
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

char *
alvh_format_contracts (double n)
{
  g_autofree char *number = alvh_format_significant (n, 6, ALVH_FORMAT_SCREEN);
  gulong plural = fabs (n) == 1.0 ? 1 : (fabs (n) < 1.0 ? 2 : (gulong) MIN (fabs (n), 1e9));

  /* TRANSLATORS: %s is a number of contracts, e.g. "1 contract", "2.5 contracts" */
  return g_strdup_printf (ngettext ("%s contract", "%s contracts", plural), number);
}

char *
alvh_format_signed_percent (double fraction,
                            int    digits)
{
  g_autofree char *text = alvh_format_percent (fraction, digits, ALVH_FORMAT_SCREEN);

  /* a plus on every positive value that does not round to zero: "+0.40%" */
  if (isfinite (fraction) && fraction > 0 &&
      round (fraction * 100.0 * pow (10.0, CLAMP (digits, 0, 10))) > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/* Keys of the spec (JSON and CSV keep them) and what a person reads for them */
static const struct
{
  const char *key;
  const char *label;
} key_labels[] = {
  /* signals (ALVH-SPEC section 2) */
  { "iv_expansion",    N_("IV expansion") },
  { "term_inversion",  N_("Term-structure inversion") },
  { "rsi_extreme",     N_("RSI extreme") },
  { "ad_divergence",   N_("Advance/decline divergence") },
  { "vix_macd_cross",  N_("VIX MACD cross") },
  { "theta_erosion",   N_("Theta erosion") },
  { "wing_proximity",  N_("Wing proximity") },
  { "book_delta",      N_("Book delta") },
  { "macro_regime",    N_("Macro regime") },
  /* signal kinds */
  { "realtime",        N_("real-time") },
  /* decision branches */
  { "regime",          N_("Regime change") },
  { "fixed",           N_("Fixed trigger") },
  { "confluence",      N_("Confluence") },
  { "none",            N_("No signal") },
  { "not_accretive",   N_("Not accretive") },
  { "cooldown",        N_("Cooldown") },
  { "max_layers",      N_("Layer limit") },
  { "no_position",     N_("No position") },
  { "manual",          N_("Manual") },
  /* what became of a decision */
  { "followed",        N_("Followed") },
  { "skipped",         N_("Skipped") },
  { "overridden",      N_("Overridden") },
  { "pending",         N_("Pending") },
  /* the state of a signal in a decision's snapshot */
  { "fired",           N_("Fired") },
  { "not_fired",       N_("Not fired") },
  /* instruments */
  { "vix_call_spread", N_("VIX call spread") },
  { "vix_call",        N_("VIX call") },
  { "vix_future",      N_("VIX future") },
  { "vix_put",         N_("VIX put") },
  { "spx_put",         N_("SPX put") },
  { "spx_put_spread",  N_("SPX put spread") },
  { "iron_condor",     N_("Iron condor") },
};

const char *
alvh_format_key (const char *key)
{
  if (key == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
    if (strcmp (key, key_labels[i].key) == 0)
      return _(key_labels[i].label);
  return key;
}

char *
alvh_format_key_list (const char *keys)
{
  GString *out = g_string_new (NULL);
  const char *p = keys != NULL ? keys : "";

  /* "iv_expansion,rsi_extreme" → "IV expansion, RSI extreme"; a "+" of a
   * combination stays one: "IV expansion + RSI extreme" */
  while (*p != '\0')
    {
      gsize n = strcspn (p, ",;+");

      if (n > 0)
        {
          g_autofree char *key = g_strstrip (g_strndup (p, n));

          g_string_append (out, alvh_format_key (key));
          p += n;
        }
      if (*p == '+')
        g_string_append (out, " + ");
      else if (*p == ',' || *p == ';')
        g_string_append (out, ", ");
      if (*p != '\0')
        p++;
    }
  return g_string_free (out, FALSE);
}

/* TRUE when the running binary lies in the build tree it was built in */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S);
}

const char *
alvh_format_bind_textdomain (void)
{
  const char *dir = g_getenv ("ALVH_LOCALEDIR");

  if (dir == NULL || *dir == '\0')
    dir = running_uninstalled () ? BUILD_LOCALEDIR : LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return dir;
}
