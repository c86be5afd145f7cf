/* alvh-indicators.c — technical indicators on plain arrays of doubles
 *
 * All loops are O(n).  Rolling variance and covariance use sliding
 * Welford-style updates on centred sums (never the cancellation-prone
 * sum(x^2) - n * mean^2) on shifted data, and are recomputed exactly by a
 * corrected two-pass sum once every `window` bars, or sooner when a bound on
 * the updates' rounding grows past 1e-3 of the sums (variance collapsing as a
 * spike leaves the window), so that rounding cannot drift.  On real data that
 * adds O(1) amortised work per bar; a contrived series whose variance shrinks
 * geometrically every bar would make it O(window) per bar.
 */
#define G_LOG_DOMAIN "alvh-indicators"

#include "config.h"

#include <math.h>

#include "alvh-indicators.h"

/* Sliding moments of the last `w` finite values (x alone, or pairs x, y).
 * Sums are kept on shifted data (x - kx, y - ky, the shift being the window
 * mean at the last exact pass), so that a large level with small moves keeps
 * its digits.  `err_*` bound the rounding that the sliding updates may have
 * added (sum of the magnitudes they cancelled); once that bound is no longer
 * tiny next to the sums (variance collapsing after a spike leaves the
 * window), or after `w` updates, the sums are recomputed exactly. */
typedef struct
{
  guint   w;
  double *rx;         /* ring buffers of the last w values, unshifted */
  double *ry;         /* NULL when only x is tracked */
  guint   pos;        /* next slot to write */
  guint   count;      /* finite values since the last missing one, capped at w */
  guint   since_exact;
  gsize   same_run;   /* number of trailing equal x values */
  gsize   same_run_y; /* and y values */
  double  last_x, last_y;
  double  kx, ky;     /* shifts */
  double  mx, my;     /* means over the window, shifted */
  double  sxx, syy, sxy;  /* centred sums of squares and cross products */
  double  err_xx, err_yy, err_xy;
} Moments;

/* recompute when the update's error bound exceeds 1 / MOMENTS_TRUST of the
 * sum: relative rounding then stays near DBL_EPSILON * MOMENTS_TRUST */
#define MOMENTS_TRUST 1e3

static void
fill_nan (double *out,
          gsize   n)
{
  for (gsize i = 0; i < n; i++)
    out[i] = NAN;
}

static inline double
log_return (double prev,
            double cur)
{
  double r;

  if (!(prev > 0.0 && cur > 0.0))
    return NAN;
  r = log (cur / prev);
  return isfinite (r) ? r : NAN;
}

static void
moments_init (Moments  *m,
              guint     w,
              gboolean  with_y)
{
  *m = (Moments) { 0 };
  m->w = w;
  m->rx = g_new (double, with_y ? 2 * (gsize) w : w);
  m->ry = with_y ? m->rx + w : NULL;
}

static void
moments_clear (Moments *m)
{
  g_clear_pointer (&m->rx, g_free);
  m->ry = NULL;
}

/* Corrected two-pass sums over the full ring (Chan, Golub & LeVeque 1983):
 * sxx = sum (x - mean)^2 - (sum (x - mean))^2 / w. */
static void
moments_exact (Moments *m)
{
  double w = m->w;
  double sx = 0.0, sy = 0.0, dxs = 0.0, dys = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0;
  double mx, my;

  for (guint k = 0; k < m->w; k++)
    sx += m->rx[k];
  mx = sx / w;

  if (m->ry != NULL)
    {
      for (guint k = 0; k < m->w; k++)
        sy += m->ry[k];
      my = sy / w;
      for (guint k = 0; k < m->w; k++)
        {
          double dx = m->rx[k] - mx;
          double dy = m->ry[k] - my;
          dxs += dx;
          dys += dy;
          sxx += dx * dx;
          syy += dy * dy;
          sxy += dx * dy;
        }
      m->syy = syy - dys * dys / w;
      m->sxy = sxy - dxs * dys / w;
      m->ky = my + dys / w;
    }
  else
    {
      for (guint k = 0; k < m->w; k++)
        {
          double dx = m->rx[k] - mx;
          dxs += dx;
          sxx += dx * dx;
        }
    }

  m->sxx = sxx - dxs * dxs / w;
  m->kx = mx + dxs / w;
  m->mx = m->my = 0.0;       /* the shift is the mean */
  m->err_xx = m->err_yy = m->err_xy = 0.0;
  m->since_exact = 0;
}

/* Adds one value (or pair) and drops the oldest once the window is full.
 * Returns TRUE when the window holds `w` finite values. */
static inline gboolean
moments_push (Moments *m,
              double   xv,
              double   yv)
{
  double xn, xo, dx, mx_new, ex, eo;
  gboolean with_y = m->ry != NULL;
  gboolean redo;

  if (!isfinite (xv) || (with_y && !isfinite (yv)))
    {
      m->count = 0;
      m->same_run = m->same_run_y = 0;
      return FALSE;
    }

  m->same_run = (m->count > 0 && xv == m->last_x) ? m->same_run + 1 : 1;
  m->same_run_y = (m->count > 0 && yv == m->last_y) ? m->same_run_y + 1 : 1;
  m->last_x = xv;
  m->last_y = yv;

  if (m->count < m->w)
    {
      m->rx[m->pos] = xv;
      if (with_y)
        m->ry[m->pos] = yv;
      if (++m->pos == m->w)
        m->pos = 0;
      if (++m->count < m->w)
        return FALSE;
      moments_exact (m);
      return TRUE;
    }

  xn = xv - m->kx;
  xo = m->rx[m->pos] - m->kx;
  m->rx[m->pos] = xv;
  dx = xn - xo;
  mx_new = m->mx + dx / m->w;
  ex = xn - m->mx;
  eo = xo - m->mx;

  if (with_y)
    {
      double yn = yv - m->ky;
      double yo = m->ry[m->pos] - m->ky;
      double dy = yn - yo;
      double my_new = m->my + dy / m->w;
      double fy = yn - m->my;
      double go = yo - m->my;

      m->ry[m->pos] = yv;
      /* d Sxy = (xn - mx)(yn - my) - (xo - mx)(yo - my) - dx dy / w */
      m->sxy += ex * fy - eo * go - dx * dy / m->w;
      m->err_xy += fabs (ex * fy) + fabs (eo * go) + fabs (m->mx * dy) + fabs (m->my * dx);
      /* d Syy = dy ((yn - my_new) + (yo - my)) */
      m->syy += dy * ((yn - my_new) + go);
      m->err_yy += fabs (dy) * (fabs (yn - my_new) + fabs (go) + fabs (m->my));
      m->my = my_new;
    }

  /* d Sxx = dx ((xn - mx_new) + (xo - mx)) */
  m->sxx += dx * ((xn - mx_new) + eo);
  m->err_xx += fabs (dx) * (fabs (xn - mx_new) + fabs (eo) + fabs (m->mx));
  m->mx = mx_new;

  if (++m->pos == m->w)
    m->pos = 0;

  /* a constant x (or y) window has a known answer: no need to recompute
   * for it, and recomputing every bar would cost O(w) per bar */
  redo = ++m->since_exact >= m->w;
  if (!redo && m->same_run < m->w)
    redo = !(m->err_xx <= MOMENTS_TRUST * m->sxx);
  if (!redo && with_y && m->same_run < m->w && m->same_run_y < m->w)
    redo = !(m->err_yy <= MOMENTS_TRUST * m->syy)
           || !(m->err_xy * m->err_xy <= MOMENTS_TRUST * MOMENTS_TRUST * m->sxx * m->syy);
  if (redo)
    moments_exact (m);

  return TRUE;
}

static inline double
moments_beta (const Moments *m)
{
  /* x constant over the window: no slope exists */
  if (m->same_run >= m->w || !(m->sxx > 0.0))
    return NAN;
  /* y constant while x varies: a flat line */
  if (m->same_run_y >= m->w)
    return 0.0;
  return m->sxy / m->sxx;
}

void
alvh_sma (const double *x,
          gsize         n,
          guint         period,
          double       *out)
{
  double sum = 0.0;
  gsize clean = 0;
  guint since_exact = 0;

  g_return_if_fail (n == 0 || (x != NULL && out != NULL));

  if (period == 0)
    {
      fill_nan (out, n);
      return;
    }

  for (gsize i = 0; i < n; i++)
    {
      if (!isfinite (x[i]))
        {
          clean = 0;
          sum = 0.0;
          out[i] = NAN;
          continue;
        }

      if (clean < period)
        {
          sum += x[i];
          clean++;
          since_exact = 0;
        }
      else if (++since_exact >= period)
        {
          /* re-sum the window from scratch now and then: no drift */
          sum = 0.0;
          for (gsize k = i + 1 - period; k <= i; k++)
            sum += x[k];
          since_exact = 0;
        }
      else
        {
          sum += x[i] - x[i - period];
        }

      out[i] = clean >= period ? sum / period : NAN;
    }
}

void
alvh_ema (const double *x,
          gsize         n,
          guint         period,
          double       *out)
{
  gsize s = 0;
  double sum = 0.0, ema, alpha;

  g_return_if_fail (n == 0 || (x != NULL && out != NULL));

  while (s < n && !isfinite (x[s]))
    s++;

  if (period == 0 || n - s < period)
    {
      fill_nan (out, n);
      return;
    }

  /* read the seed inputs before writing anything, so that out may be x */
  for (gsize i = s; i < s + period; i++)
    sum += x[i];
  ema = sum / period;
  fill_nan (out, s + period - 1);
  out[s + period - 1] = ema;

  alpha = 2.0 / (period + 1.0);
  for (gsize i = s + period; i < n; i++)
    {
      ema += alpha * (x[i] - ema);
      out[i] = ema;
    }
}

static inline double
rsi_value (double gain,
           double loss)
{
  double total = gain + loss;

  if (total == 0.0)
    return 50.0;
  /* = 100 - 100 / (1 + gain / loss); 100 when loss == 0; NAN stays NAN */
  return 100.0 * gain / total;
}

void
alvh_rsi (const double *close,
          gsize         n,
          guint         period,
          double       *out)
{
  gsize s = 0;
  double gain = 0.0, loss = 0.0;

  g_return_if_fail (n == 0 || (close != NULL && out != NULL));

  while (s < n && !isfinite (close[s]))
    s++;

  if (period == 0 || n - s <= period)
    {
      fill_nan (out, n);
      return;
    }

  for (gsize k = s + 1; k <= s + period; k++)
    {
      double d = close[k] - close[k - 1];
      if (d > 0.0)
        gain += d;
      else
        loss -= d;   /* a NAN change makes loss NAN, and so the RSI */
    }
  gain /= period;
  loss /= period;

  fill_nan (out, s + period);
  out[s + period] = rsi_value (gain, loss);

  for (gsize i = s + period + 1; i < n; i++)
    {
      double d = close[i] - close[i - 1];
      double g = d > 0.0 ? d : 0.0;
      double l = d < 0.0 ? -d : 0.0;

      if (isnan (d))
        g = l = d;
      gain = (gain * (period - 1) + g) / period;
      loss = (loss * (period - 1) + l) / period;
      out[i] = rsi_value (gain, loss);
    }
}

void
alvh_macd (const double *x,
           gsize         n,
           guint         fast,
           guint         slow,
           guint         signal,
           double       *macd,
           double       *signal_line,
           double       *histogram)
{
  g_return_if_fail (n == 0 || (x != NULL && macd != NULL && signal_line != NULL));
  g_return_if_fail (n == 0 || (macd != signal_line && x != macd && x != signal_line));

  /* the output buffers hold the two EMAs first: no scratch allocation */
  alvh_ema (x, n, fast, macd);
  alvh_ema (x, n, slow, signal_line);
  for (gsize i = 0; i < n; i++)
    macd[i] -= signal_line[i];   /* NAN where either EMA is undefined */

  /* leading NANs of macd are skipped: seeded with its first `signal` values */
  alvh_ema (macd, n, signal, signal_line);

  if (histogram != NULL)
    for (gsize i = 0; i < n; i++)
      histogram[i] = macd[i] - signal_line[i];
}

void
alvh_realized_vol (const double *close,
                   gsize         n,
                   guint         window,
                   double        annualisation,
                   double       *out)
{
  Moments m;
  double scale;

  g_return_if_fail (n == 0 || (close != NULL && out != NULL));

  if (window < 2)
    {
      fill_nan (out, n);
      return;
    }

  scale = annualisation / (window - 1);
  moments_init (&m, window, FALSE);

  for (gsize i = 0; i < n; i++)
    {
      double r = i > 0 ? log_return (close[i - 1], close[i]) : NAN;

      if (!moments_push (&m, r, 0.0))
        out[i] = NAN;
      else if (m.same_run >= window)
        out[i] = 0.0;                        /* equal returns: exactly 0 */
      else
        out[i] = sqrt (MAX (m.sxx, 0.0) * scale);
    }

  moments_clear (&m);
}

void
alvh_ad_line (const double *advancers,
              const double *decliners,
              gsize         n,
              double       *out)
{
  double sum = 0.0;

  g_return_if_fail (n == 0 || (advancers != NULL && decliners != NULL && out != NULL));

  for (gsize i = 0; i < n; i++)
    {
      double d = advancers[i] - decliners[i];

      if (isfinite (d))
        {
          sum += d;
          out[i] = sum;
        }
      else
        {
          out[i] = NAN;
        }
    }
}

void
alvh_rolling_beta (const double *y,
                   const double *x,
                   gsize         n,
                   guint         window,
                   double       *out)
{
  Moments m;

  g_return_if_fail (n == 0 || (y != NULL && x != NULL && out != NULL));

  if (window < 2)
    {
      fill_nan (out, n);
      return;
    }

  moments_init (&m, window, TRUE);
  for (gsize i = 0; i < n; i++)
    out[i] = moments_push (&m, x[i], y[i]) ? moments_beta (&m) : NAN;
  moments_clear (&m);
}

void
alvh_log_returns (const double *x,
                  gsize         n,
                  double       *out)
{
  g_return_if_fail (n == 0 || (x != NULL && out != NULL));

  if (n == 0)
    return;

  out[0] = NAN;
  for (gsize i = 1; i < n; i++)
    out[i] = log_return (x[i - 1], x[i]);
}

void
alvh_return_beta (const double *vix,
                  const double *spx,
                  gsize         n,
                  guint         window,
                  double       *out)
{
  Moments m;

  g_return_if_fail (n == 0 || (vix != NULL && spx != NULL && out != NULL));

  if (window < 2)
    {
      fill_nan (out, n);
      return;
    }

  /* one log per series per bar; the rings keep the window's returns */
  moments_init (&m, window, TRUE);
  for (gsize i = 0; i < n; i++)
    {
      double rx = i > 0 ? log_return (spx[i - 1], spx[i]) : NAN;
      double ry = i > 0 ? log_return (vix[i - 1], vix[i]) : NAN;

      out[i] = moments_push (&m, rx, ry) ? moments_beta (&m) : NAN;
    }
  moments_clear (&m);
}

/* Rolling maximum and minimum by blocks of `window` bars (van Herk and
 * Gil-Werman): each window ending at i is the tail of the block before i's
 * block (its suffix extremes, kept from the pass over that block) and the
 * head of i's own block (a running extreme), so every bar costs two
 * comparisons per output whatever the window, with no branch on the data.
 * A missing input stands as -inf for the maximum and +inf for the minimum;
 * the output is NAN until `window` finite inputs follow it, so a window that
 * is given a value holds only finite inputs and its extreme is theirs,
 * exactly.  Either output may be NULL. */
static void
rolling_range (const double *x,
               gsize         n,
               guint         window,
               double       *out_max,
               double       *out_min)
{
  g_autofree double *tail_max = NULL, *tail_min = NULL;
  gsize clean = 0;

  if (window == 0)
    {
      if (out_max != NULL)
        fill_nan (out_max, n);
      if (out_min != NULL)
        fill_nan (out_min, n);
      return;
    }

  /* tail_*[j]: extreme of the previous block from its bar j on; [window]
   * stands for the empty tail */
  tail_max = g_new (double, (gsize) window + 1);
  tail_min = g_new (double, (gsize) window + 1);
  for (guint j = 0; j <= window; j++)
    {
      tail_max[j] = -INFINITY;
      tail_min[j] = INFINITY;
    }

  for (gsize b = 0; b < n; b += window)
    {
      const gsize len = MIN ((gsize) window, n - b);
      double head_max = -INFINITY, head_min = INFINITY;

      for (gsize k = 0; k < len; k++)
        {
          const double v = x[b + k];
          const gboolean ok = isfinite (v);
          const double vmax = ok ? v : -INFINITY, vmin = ok ? v : INFINITY;
          /* the window [b + k - window + 1, b + k]: the previous block from
           * its bar k + 1, then this block up to k */
          const double t_max = tail_max[k + 1], t_min = tail_min[k + 1];

          head_max = vmax > head_max ? vmax : head_max;
          head_min = vmin < head_min ? vmin : head_min;
          clean = ok ? clean + 1 : 0;
          if (out_max != NULL)
            out_max[b + k] = clean >= window ? (t_max > head_max ? t_max : head_max) : NAN;
          if (out_min != NULL)
            out_min[b + k] = clean >= window ? (t_min < head_min ? t_min : head_min) : NAN;
        }

      /* this block's suffix extremes, for the next block */
      {
        double m = -INFINITY, l = INFINITY;

        for (gsize k = window; k-- > 0;)
          {
            if (k < len)
              {
                const double v = x[b + k];
                const gboolean ok = isfinite (v);

                m = (ok ? v : -INFINITY) > m ? v : m;
                l = (ok ? v : INFINITY) < l ? v : l;
              }
            tail_max[k] = m;
            tail_min[k] = l;
          }
      }
    }
}

void
alvh_rolling_max (const double *x,
                  gsize         n,
                  guint         window,
                  double       *out)
{
  g_return_if_fail (n == 0 || (x != NULL && out != NULL));
  rolling_range (x, n, window, out, NULL);
}

void
alvh_rolling_min (const double *x,
                  gsize         n,
                  guint         window,
                  double       *out)
{
  g_return_if_fail (n == 0 || (x != NULL && out != NULL));
  rolling_range (x, n, window, NULL, out);
}

void
alvh_rolling_range (const double *x,
                    gsize         n,
                    guint         window,
                    double       *out_max,
                    double       *out_min)
{
  g_return_if_fail (n == 0 || (x != NULL && out_max != NULL && out_min != NULL));
  rolling_range (x, n, window, out_max, out_min);
}
