/* alvh-signal-text.h — a signal's value and threshold as a person reads them
 *
 * The Evaluator and Journal pages, the PDF and HTML reports and the CLI's
 * tables show a signal in its unit ("+46.5%", "0.73 SD", "1.20×") through
 * alvh-format.h, so that "0.465 / 0.15" reads "+46.5% / ≥ +15.0%" everywhere.
 * JSON and CSV keep the plain numbers.
 */
#pragma once

#include <glib.h>

#include "alvh-signal.h"

G_BEGIN_DECLS

/**
 * alvh_signal_format_value:
 * @signal: a signal
 *
 * Returns: (transfer full) (not nullable): the value in its unit, a
 *   translated "n/a" when the signal is not available
 */
char *alvh_signal_format_value     (const AlvhSignal *signal);

/**
 * alvh_signal_format_threshold:
 * @signal: a signal
 *
 * Returns: (transfer full) (not nullable): the threshold with its comparison,
 *   e.g. "≥ +15.0%", "≤ 30.0 or ≥ 70.0", "—" when the rule has none
 */
char *alvh_signal_format_threshold (const AlvhSignal *signal);

G_END_DECLS
