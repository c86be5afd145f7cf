/* alvh-signal-text.c — a signal's value and threshold as a person reads them */
#define G_LOG_DOMAIN "alvh-signal"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-signal-text.h"

/* @v with @digits decimals through the formatter, "+" before a positive
 * number when @sign */
static char *
number (double   v,
        int      digits,
        gboolean sign)
{
  g_autofree char *text = alvh_format_number (v, digits, ALVH_FORMAT_SCREEN);

  return sign && v > 0 && strspn (text, "0.,") != strlen (text) ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static char *
format_in_unit (AlvhSignalId id,
                double       v)
{
  g_autofree char *n = NULL;

  switch (id)
    {
    case ALVH_SIGNAL_IV_EXPANSION:
    case ALVH_SIGNAL_TERM_INVERSION:
      return alvh_format_signed_percent (v, 1);
    case ALVH_SIGNAL_RSI_EXTREME:
      return number (v, 1, FALSE);
    case ALVH_SIGNAL_AD_DIVERGENCE:
    case ALVH_SIGNAL_MACRO_REGIME:
      return number (v, 0, FALSE);
    case ALVH_SIGNAL_VIX_MACD_CROSS:
    case ALVH_SIGNAL_BOOK_DELTA:
      return number (v, 3, TRUE);
    case ALVH_SIGNAL_THETA_EROSION:
      n = number (v, 2, FALSE);
      return g_strconcat (n, "×", NULL);
    case ALVH_SIGNAL_WING_PROXIMITY:
      n = number (v, 2, FALSE);
      /* TRANSLATORS: standard deviations, "0.73 SD" */
      return g_strdup_printf (_("%s SD"), n);
    case ALVH_N_SIGNALS:
    default:
      return alvh_format_significant (v, 4, ALVH_FORMAT_SCREEN);
    }
}

char *
alvh_signal_format_value (const AlvhSignal *signal)
{
  if (!signal->available || !isfinite (signal->value))
    return g_strdup (_("n/a"));
  return format_in_unit (signal->id, signal->value);
}

char *
alvh_signal_format_threshold (const AlvhSignal *signal)
{
  g_autofree char *lo = NULL, *hi = NULL;

  if (!isfinite (signal->threshold))
    return g_strdup ("—");
  lo = format_in_unit (signal->id, signal->threshold);
  switch (signal->id)
    {
    case ALVH_SIGNAL_RSI_EXTREME:
      hi = isfinite (signal->threshold_high) ? format_in_unit (signal->id, signal->threshold_high) : NULL;
      return hi ? g_strdup_printf (_("≤ %s or ≥ %s"), lo, hi) : g_strdup_printf ("≤ %s", lo);
    case ALVH_SIGNAL_IV_EXPANSION:
    case ALVH_SIGNAL_THETA_EROSION:
    case ALVH_SIGNAL_MACRO_REGIME:
      return g_strdup_printf ("≥ %s", lo);
    case ALVH_SIGNAL_TERM_INVERSION:
      return g_strdup_printf ("> %s", lo);
    case ALVH_SIGNAL_WING_PROXIMITY:
      return g_strdup_printf ("≤ %s", lo);
    case ALVH_SIGNAL_BOOK_DELTA:
      return g_strdup_printf ("|x| > %s", lo + (lo[0] == '+' ? 1 : 0));
    case ALVH_SIGNAL_AD_DIVERGENCE:
    case ALVH_SIGNAL_VIX_MACD_CROSS:
    case ALVH_N_SIGNALS:
    default:
      return g_steal_pointer (&lo);
    }
}
