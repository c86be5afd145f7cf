/* alvh-signal.c — signal keys, kinds and titles */
#define G_LOG_DOMAIN "alvh-signal"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-signal.h"

static const struct
{
  const char     *key;
  AlvhSignalKind  kind;
  const char     *title;
} signal_info[ALVH_N_SIGNALS] = {
  { "iv_expansion",   ALVH_SIGNAL_KIND_REALTIME, N_("IV expansion") },
  { "term_inversion", ALVH_SIGNAL_KIND_REALTIME, N_("Term-structure inversion") },
  { "rsi_extreme",    ALVH_SIGNAL_KIND_REALTIME, N_("RSI extreme") },
  { "ad_divergence",  ALVH_SIGNAL_KIND_REALTIME, N_("Advance/decline divergence") },
  { "vix_macd_cross", ALVH_SIGNAL_KIND_REALTIME, N_("VIX MACD cross") },
  { "theta_erosion",  ALVH_SIGNAL_KIND_REALTIME, N_("Theta erosion") },
  { "wing_proximity", ALVH_SIGNAL_KIND_FIXED,    N_("Wing proximity") },
  { "book_delta",     ALVH_SIGNAL_KIND_FIXED,    N_("Book delta") },
  { "macro_regime",   ALVH_SIGNAL_KIND_FIXED,    N_("Macro regime") },
};

const char *
alvh_signal_id_to_key (AlvhSignalId id)
{
  g_return_val_if_fail ((guint) id < ALVH_N_SIGNALS, NULL);
  return signal_info[id].key;
}

gboolean
alvh_signal_id_from_key (const char   *key,
                         AlvhSignalId *out_id)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    if (strcmp (key, signal_info[i].key) == 0)
      {
        if (out_id != NULL)
          *out_id = (AlvhSignalId) i;
        return TRUE;
      }
  return FALSE;
}

AlvhSignalKind
alvh_signal_id_get_kind (AlvhSignalId id)
{
  g_return_val_if_fail ((guint) id < ALVH_N_SIGNALS, ALVH_SIGNAL_KIND_REALTIME);
  return signal_info[id].kind;
}

const char *
alvh_signal_kind_to_string (AlvhSignalKind kind)
{
  return kind == ALVH_SIGNAL_KIND_FIXED ? "fixed" : "realtime";
}

const char *
alvh_signal_id_get_title (AlvhSignalId id)
{
  g_return_val_if_fail ((guint) id < ALVH_N_SIGNALS, NULL);
  return _(signal_info[id].title);
}

void
alvh_signal_init_na (AlvhSignal   *signal,
                     AlvhSignalId  id)
{
  signal->id = id;
  signal->kind = signal_info[id].kind;
  signal->value = NAN;
  signal->threshold = NAN;
  signal->threshold_high = NAN;
  signal->fired = FALSE;
  signal->available = FALSE;
  signal->snapshot_id = 0;
}
