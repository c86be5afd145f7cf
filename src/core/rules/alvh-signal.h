/* alvh-signal.h — one ALVH signal (ALVH-SPEC.md section 2)
 *
 * A signal is a plain value: which rule, its kind, its value, its threshold,
 * whether it fired and whether it is available at all.  An unavailable
 * signal ("n/a") never fires and is shown as n/a (JSON null), never as 0.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* real-time IV-shift rules */
  ALVH_SIGNAL_IV_EXPANSION,
  ALVH_SIGNAL_TERM_INVERSION,
  ALVH_SIGNAL_RSI_EXTREME,
  ALVH_SIGNAL_AD_DIVERGENCE,
  ALVH_SIGNAL_VIX_MACD_CROSS,
  ALVH_SIGNAL_THETA_EROSION,
  /* fixed triggers */
  ALVH_SIGNAL_WING_PROXIMITY,
  ALVH_SIGNAL_BOOK_DELTA,
  ALVH_SIGNAL_MACRO_REGIME,
  ALVH_N_SIGNALS
} AlvhSignalId;

typedef enum
{
  ALVH_SIGNAL_KIND_REALTIME,
  ALVH_SIGNAL_KIND_FIXED,
} AlvhSignalKind;

typedef struct
{
  AlvhSignalId   id;
  AlvhSignalKind kind;
  double         value;          /* NAN when !available */
  double         threshold;      /* NAN when the rule has none (ad_divergence) */
  double         threshold_high; /* upper bound of two-sided rules (rsi_extreme), else NAN */
  gboolean       fired;
  gboolean       available;
  gint64         snapshot_id;    /* the journal's row of this snapshot; 0 when not stored */
} AlvhSignal;

/**
 * alvh_signal_id_to_key:
 * @id: a signal
 *
 * "iv_expansion", "term_inversion", ... exactly as in the spec (JSON keys,
 * not translated).
 *
 * Returns: (transfer none): the signal's key ("iv_expansion", …)
 */
const char     *alvh_signal_id_to_key     (AlvhSignalId  id);
/* Returns FALSE for an unknown key. */
gboolean        alvh_signal_id_from_key   (const char   *key,
                                           AlvhSignalId *out_id);
AlvhSignalKind  alvh_signal_id_get_kind   (AlvhSignalId  id);
/**
 * alvh_signal_kind_to_string:
 * @kind: a kind
 *
 * "realtime" or "fixed"
 *
 * Returns: (transfer none): "fixed" or "realtime"
 */
const char     *alvh_signal_kind_to_string (AlvhSignalKind kind);
/**
 * alvh_signal_id_get_title:
 * @id: a signal
 *
 * Translated short title for the UI, e.g. "IV expansion".
 *
 * Returns: (transfer none): the signal's translated title
 */
const char     *alvh_signal_id_get_title  (AlvhSignalId  id);
/* Sets id, kind, value = NAN, thresholds NAN, fired = available = FALSE. */
void            alvh_signal_init_na       (AlvhSignal   *signal,
                                           AlvhSignalId  id);

G_END_DECLS
