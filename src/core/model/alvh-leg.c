/* alvh-leg.c — the leg value type and its kinds (pricing is in alvh-position.c) */
#define G_LOG_DOMAIN "alvh-leg"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-leg.h"
#include "alvh-leg-private.h"

G_DEFINE_BOXED_TYPE (AlvhLeg, alvh_leg, alvh_leg_copy, alvh_leg_free)

static const char * const kind_names[ALVH_N_LEG_KINDS] = {
  [ALVH_LEG_VIX_CALL_SPREAD] = "vix_call_spread",
  [ALVH_LEG_VIX_CALL] = "vix_call",
  [ALVH_LEG_VIX_FUTURE] = "vix_future",
  [ALVH_LEG_VIX_PUT] = "vix_put",
  [ALVH_LEG_SPX_PUT] = "spx_put",
  [ALVH_LEG_SPX_PUT_SPREAD] = "spx_put_spread",
};

AlvhLeg *
alvh_leg_new (void)
{
  AlvhLeg *leg = g_new0 (AlvhLeg, 1);

  leg->kind = ALVH_LEG_VIX_CALL_SPREAD;
  leg->long_strike = NAN;
  leg->short_strike = NAN;
  leg->close_price = NAN;
  return leg;
}

void
alvh_leg_init_copy (AlvhLeg       *dest,
                    const AlvhLeg *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  *dest = *src;
  dest->notes = g_strdup (src->notes);
}

AlvhLeg *
alvh_leg_copy (const AlvhLeg *leg)
{
  AlvhLeg *copy;

  if (leg == NULL)
    return NULL;
  copy = g_new (AlvhLeg, 1);
  alvh_leg_init_copy (copy, leg);
  return copy;
}

void
alvh_leg_clear (AlvhLeg *leg)
{
  g_return_if_fail (leg != NULL);

  g_clear_pointer (&leg->notes, g_free);
}

void
alvh_leg_free (AlvhLeg *leg)
{
  if (leg == NULL)
    return;
  alvh_leg_clear (leg);
  g_free (leg);
}

double
alvh_leg_open_quantity (const AlvhLeg *leg)
{
  return _alvh_leg_open_quantity (leg);
}

gboolean
alvh_leg_kind_is_vix_hedge (AlvhLegKind kind)
{
  return kind == ALVH_LEG_VIX_CALL_SPREAD || kind == ALVH_LEG_VIX_CALL || kind == ALVH_LEG_VIX_FUTURE;
}

gboolean
alvh_leg_is_vix_hedge (const AlvhLeg *leg)
{
  g_return_val_if_fail (leg != NULL, FALSE);

  return alvh_leg_kind_is_vix_hedge (leg->kind);
}

const char *
alvh_leg_kind_to_string (AlvhLegKind kind)
{
  if ((guint) kind >= ALVH_N_LEG_KINDS)
    return kind_names[ALVH_LEG_VIX_CALL_SPREAD];
  return kind_names[kind];
}

const char *
alvh_leg_kind_get_title (AlvhLegKind kind)
{
  /* the one table of names: alvh-format.c (reports and the CLI use it too) */
  return alvh_format_key (alvh_leg_kind_to_string (kind));
}

gboolean
alvh_leg_kind_from_string (const char  *text,
                           AlvhLegKind *out_kind)
{
  for (guint i = 0; i < ALVH_N_LEG_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        if (out_kind != NULL)
          *out_kind = (AlvhLegKind) i;
        return TRUE;
      }
  return FALSE;
}

static char *
format_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

char *
alvh_leg_describe (const AlvhLeg *leg)
{
  g_autofree char *k = NULL;
  g_autofree char *q = NULL;

  g_return_val_if_fail (leg != NULL, NULL);
  k = format_number (leg->long_strike);
  q = format_number (leg->quantity);
  if (isfinite (leg->short_strike))
    {
      g_autofree char *ks = format_number (leg->short_strike);
      return g_strdup_printf ("%s × %s %s/%s", q, alvh_format_key (alvh_leg_kind_to_string (leg->kind)), k, ks);
    }
  return g_strdup_printf ("%s × %s %s", q, alvh_format_key (alvh_leg_kind_to_string (leg->kind)), k);
}
