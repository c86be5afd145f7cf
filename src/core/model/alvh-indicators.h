/* alvh-indicators.h — technical indicators on plain arrays of doubles
 *
 * Every function reads `n` inputs and writes `n` outputs, one per input bar,
 * in O(n) time, without allocating per element (a few need one scratch
 * buffer of `window` doubles).  A position where the indicator is not yet
 * defined, or where its inputs are missing, is NAN: callers show NAN as
 * "n/a", never as 0.  Conventions follow ALVH-SPEC.md section 2.
 *
 * Missing inputs (NAN or infinite):
 * - sma, rolling_beta, rolling_max/min, realized_vol, return_beta: the output
 *   is NAN for every window that contains a missing input; the windows after
 *   it are exact again.
 * - ema, rsi (and so macd): missing inputs before the first finite one are
 *   skipped (the seed starts at the first finite input); a missing input
 *   after that makes every later output NAN (the average has infinite memory).
 * - ad_line: a bar with missing breadth is NAN and adds nothing; the running
 *   sum carries on over it.
 * - log_returns: NAN unless both prices are finite and > 0.
 * A period or window of 0 (or < 2 where a variance is needed) gives all NAN.
 * Outputs must not alias inputs, except alvh_ema (out may equal x).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * alvh_sma:
 * @x: (array length=n): the inputs
 * @n: the number of bars
 * @period: the period in bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * Simple moving average of the last `period` inputs; NAN for i < period - 1.
 */
void  alvh_sma            (const double *x,
                           gsize         n,
                           guint         period,
                           double       *out);

/**
 * alvh_ema:
 * @x: (array length=n): the inputs
 * @n: the number of bars
 * @period: the period in bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * Exponential moving average, alpha = 2 / (period + 1), seeded with the simple
 * mean of the first `period` finite inputs: out[s + period - 1] = that mean,
 * s = index of the first finite input; NAN before.
 */
void  alvh_ema            (const double *x,
                           gsize         n,
                           guint         period,
                           double       *out);

/**
 * alvh_rsi:
 * @close: (array length=n): the closes
 * @n: the number of bars
 * @period: the period in bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * Wilder RSI: the first average gain/loss is the simple mean of the first
 * `period` changes, then avg = (prev * (period - 1) + cur) / period.
 * Defined from i = period (period + 1 closes).  100 when the average loss
 * is 0, 50 when both averages are 0.
 */
void  alvh_rsi            (const double *close,
                           gsize         n,
                           guint         period,
                           double       *out);

/* The periods of ALVH-SPEC.md's vix_macd_cross: MACD (12, 26, 9) of VIX,
 * also the market chart's MACD pane until the user picks others */
#define ALVH_MACD_FAST   12
#define ALVH_MACD_SLOW   26
#define ALVH_MACD_SIGNAL 9

/**
 * alvh_macd:
 * @x: (array length=n): the inputs
 * @n: the number of bars
 * @fast: the fast EMA period (12)
 * @slow: the slow EMA period (26)
 * @signal: the signal EMA period (9)
 * @macd: (out caller-allocates) (array length=n): EMA(fast) - EMA(slow)
 * @signal_line: (out caller-allocates) (array length=n): EMA(signal) of the MACD
 * @histogram: (out caller-allocates) (array length=n) (nullable): MACD - signal line, or %NULL
 *
 * MACD: macd = EMA(fast) - EMA(slow), defined where both are; signal_line =
 * EMA(signal) of the macd values, seeded with the mean of the first `signal`
 * macd values; histogram = macd - signal_line (histogram may be NULL).
 * With 12/26/9: macd from i = 25, signal and histogram from i = 33.
 */
void  alvh_macd           (const double *x,
                           gsize         n,
                           guint         fast,
                           guint         slow,
                           guint         signal,
                           double       *macd,
                           double       *signal_line,
                           double       *histogram);

/**
 * alvh_realized_vol:
 * @close: (array length=n): the closes
 * @n: the number of bars
 * @window: the window in bars
 * @annualisation: the bars per year (252 for daily bars)
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * Sample standard deviation (n - 1) of the last `window` log returns,
 * times sqrt (annualisation) (252 for daily bars); defined from i = window.
 */
void  alvh_realized_vol   (const double *close,
                           gsize         n,
                           guint         window,
                           double        annualisation,
                           double       *out);

/**
 * alvh_ad_line:
 * @advancers: (array length=n): advancing issues per bar
 * @decliners: (array length=n): declining issues per bar
 * @n: the number of bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * Advance/decline line: running sum of advancers - decliners.
 */
void  alvh_ad_line        (const double *advancers,
                           const double *decliners,
                           gsize         n,
                           double       *out);

/**
 * alvh_rolling_beta:
 * @y: (array length=n): the dependent series
 * @x: (array length=n): the independent series
 * @n: the number of bars
 * @window: the window in bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * OLS slope (with intercept) of y on x over the `window` pairs ending at i
 * (inclusive); NAN for i < window - 1 and NAN when x is constant over the
 * window (zero variance: the slope does not exist); exactly 0 when y is
 * constant and x is not.  Numerically stable: shifted, centred sliding sums
 * that are recomputed exactly whenever their rounding bound grows.
 */
void  alvh_rolling_beta   (const double *y,
                           const double *x,
                           gsize         n,
                           guint         window,
                           double       *out);

/**
 * alvh_log_returns:
 * @x: (array length=n): the inputs
 * @n: the number of bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * out[0] = NAN, out[i] = log (x[i] / x[i-1]).
 */
void  alvh_log_returns    (const double *x,
                           gsize         n,
                           double       *out);

/**
 * alvh_return_beta:
 * @vix: (array length=n): VIX closes
 * @spx: (array length=n): SPX closes
 * @n: the number of bars
 * @window: the window in bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * The spec's book_delta beta: OLS slope of VIX log returns on SPX log returns
 * over the last `window` (60) bar-to-bar return pairs ending at bar i, i.e.
 * the last window + 1 bars; NAN for i < window.
 */
void  alvh_return_beta    (const double *vix,
                           const double *spx,
                           gsize         n,
                           guint         window,
                           double       *out);

/**
 * alvh_rolling_max:
 * @x: (array length=n): the inputs
 * @n: the number of bars
 * @window: the window in bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * Rolling maximum / minimum over the `window` inputs ending at i (inclusive);
 * NAN for i < window - 1.  O(n), two comparisons a bar whatever the window.
 */
void  alvh_rolling_max    (const double *x,
                           gsize         n,
                           guint         window,
                           double       *out);

/**
 * alvh_rolling_min:
 * @x: (array length=n): the inputs
 * @n: the number of bars
 * @window: the window in bars
 * @out: (out caller-allocates) (array length=n): the outputs, one per bar
 *
 * Rolling maximum / minimum over the `window` inputs ending at i (inclusive);
 * NAN for i < window - 1.  O(n), two comparisons a bar whatever the window.
 */
void  alvh_rolling_min    (const double *x,
                           gsize         n,
                           guint         window,
                           double       *out);

/**
 * alvh_rolling_range:
 * @x: (array length=n): the inputs
 * @n: the number of bars
 * @window: the window in bars
 * @out_max: (out caller-allocates) (array length=n): alvh_rolling_max() of @x
 * @out_min: (out caller-allocates) (array length=n): alvh_rolling_min() of @x
 *
 * The rolling maximum and minimum of one series in one pass: the same
 * figures as the two functions.
 */
void  alvh_rolling_range  (const double *x,
                           gsize         n,
                           guint         window,
                           double       *out_max,
                           double       *out_min);

G_END_DECLS
