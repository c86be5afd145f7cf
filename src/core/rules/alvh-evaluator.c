/* alvh-evaluator.c — the ALVH signals and the hybrid decision tree */
#define G_LOG_DOMAIN "alvh-evaluator"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-evaluator.h"
#include "alvh-evaluator-private.h"
#include "alvh-hedge-memo-private.h"
#include "alvh-indicators.h"
#include "alvh-position-private.h"
#include "alvh-pricing.h"
#include "alvh-pricing-private.h"
#include "alvh-time.h"
#include "alvh-day-cache-private.h"
#include "alvh-slab-private.h"

#define N_BAR_ARRAYS 6
#define AD_CHUNK 65536

typedef struct
{
  gsize  bar;     /* G_MAXSIZE: empty */
  gint64 id;      /* the condor's */
  double x;
  double theta;
} ThetaCacheEntry;

struct _AlvhEvaluator
{
  gint              ref_count;
  AlvhMarketFrame  *frame;
  AlvhProfile      *profile;
  GPtrArray        *events;     /* AlvhEvent, sorted by time */
  gint64           *event_days; /* NY day of each shift event, sorted */
  gint64           *event_times;
  guint             n_shift_events;

  double           *rsi;
  double           *macd;
  double           *macd_signal;
  double           *beta;
  double           *ad;
  guint8           *ad_flags;   /* ad_divergence: AD_AVAILABLE, AD_FIRED (see ad_divergence_flags ()) */
  gint32           *ref;        /* the reference bar of each bar (-1: none), see ALVH-SPEC section 2 */
  gint64           *at;         /* the instant each bar stands at (16:00 New York for a daily bar) */
  gint32           *day;        /* the New York day number of each bar */

  /* theta_erosion cache: X and theta_ref of a condor at a bar, in slot
   * bar & cache_mask: a ring as long as the reference window (bar i reads
   * bar ref[i]), not an entry for every bar */
  ThetaCacheEntry  *cache;
  gsize             cache_mask;
  /* the condor's delta and value, of the last bar it was priced at only
   * (read at that bar: no per-bar arrays to fault in) */
  gsize             memo_bar;
  gint64            memo_id;
  double            memo_delta;
  double            memo_value;

  /* propose_leg: the VIX expiry of the last day asked for */
  gint64            leg_day;
  gint64            leg_expiry;

  /* the VIX hedge calls of the last bar asked about (book_delta, the mark,
   * the proposed leg) */
  AlvhHedgeMemo     hedges;

  AlvhSlab          slab;       /* the per-bar arrays above */

  /* condor_state_at: the Black-Scholes terms of the last time to expiry */
  double            cterm_t;
  AlvhExpiryTerms   cterm;

  /* alvh_decision_init () with the profile's name, copied for each bar */
  AlvhDecision      blank;
  const char       *blank_name;
  gsize             blank_size; /* sizeof blank, read at run time: see alvh_evaluator_evaluate_at () */
};

G_DEFINE_BOXED_TYPE (AlvhEvaluator, alvh_evaluator, alvh_evaluator_ref, alvh_evaluator_unref)

/* ------------------------------------------------------------ calendars */

gint64
alvh_vix_expiry_for_month (int year,
                           int month)
{
  int ny = month == 12 ? year + 1 : year;
  int nm = month == 12 ? 1 : month + 1;
  gint64 first = alvh_days_from_civil (ny, nm, 1);
  int wd = alvh_weekday_from_days (first); /* 1 = Monday .. 7 = Sunday */
  gint64 third_friday = first + ((5 - wd + 7) % 7) + 14;
  return alvh_time_from_ny_day (third_friday - 30);
}

gint64
alvh_vix_expiry_first_after (gint64 t,
                             int    min_dte)
{
  gint64 day0 = _alvh_ny_day_cached (t);
  int y, m, d;

  alvh_civil_from_days (day0, &y, &m, &d);
  /* the expiry of month m - 1 can fall in month m */
  m -= 1;
  if (m < 1)
    {
      m = 12;
      y--;
    }
  for (int k = 0; k < 1200; k++)
    {
      gint64 e = alvh_vix_expiry_for_month (y, m);

      if (_alvh_ny_day_cached (e) - day0 >= min_dte)
        return e;
      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
  return alvh_time_from_ny_day (day0 + min_dte);
}

gint64
alvh_friday_on_or_after (gint64 t,
                         int    days)
{
  gint64 d = _alvh_ny_day_cached (t) + days;
  int wd = alvh_weekday_from_days (d);

  return alvh_time_from_ny_day (d + ((5 - wd + 7) % 7));
}

/* ------------------------------------------------------------ lifecycle */

#define AD_AVAILABLE 1
#define AD_FIRED     2

/* Section 2's ad_divergence of each bar, from the bar alone: available when
 * the A/D line, its range and the SPX range over the look-back are known;
 * fired when SPX makes a new high (low) that the A/D line does not.  The
 * ranges are worked out a chunk of bars at a time (with the look-back
 * before it), so that they need no arrays as long as the frame; a range is
 * exact whatever the chunk, and a chunk's first bar sees its whole window. */
static void
ad_divergence_flags (const double *ad,
                     const double *close,
                     gsize         n,
                     guint         window,
                     guint8       *flags)
{
  const gsize back = window > 0 ? window - 1 : 0;
  const gsize cap = AD_CHUNK + back;
  g_autofree double *buf = g_new (double, 4 * MAX (MIN (cap, n), 1));
  double *ad_max = buf, *ad_min = buf + MIN (cap, n);
  double *close_max = ad_min + MIN (cap, n), *close_min = close_max + MIN (cap, n);

  for (gsize a = 0; a < n; a += AD_CHUNK)
    {
      const gsize lo = a > back ? a - back : 0;
      const gsize hi = MIN (a + AD_CHUNK, n);

      alvh_rolling_range (ad + lo, hi - lo, window, ad_max, ad_min);
      alvh_rolling_range (close + lo, hi - lo, window, close_max, close_min);
      for (gsize i = a; i < hi; i++)
        {
          const gsize k = i - lo;
          const double s = close[i], v = ad[i];

          flags[i] = 0;
          if (isfinite (v) && isfinite (ad_max[k]) && isfinite (ad_min[k]) &&
              isfinite (close_max[k]) && isfinite (close_min[k]))
            flags[i] = AD_AVAILABLE
                       | ((s >= close_max[k] && v < ad_max[k]) || (s <= close_min[k] && v > ad_min[k]) ? AD_FIRED : 0);
        }
    }
}

AlvhEvaluator *
alvh_evaluator_new (AlvhMarketFrame *frame,
                    AlvhProfile     *profile,
                    GPtrArray       *events)
{
  AlvhEvaluator *self;
  gsize n, span = 0, ring;

  g_return_val_if_fail (frame != NULL, NULL);
  g_return_val_if_fail (frame->n <= G_MAXINT32, NULL);   /* ref[] holds bar indices */
  g_return_val_if_fail (profile != NULL, NULL);

  self = g_new0 (AlvhEvaluator, 1);
  self->ref_count = 1;
  self->frame = alvh_market_frame_ref (frame);
  self->profile = alvh_profile_copy (profile);
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  if (events != NULL)
    for (guint i = 0; i < events->len; i++)
      g_ptr_array_add (self->events, alvh_event_copy (g_ptr_array_index (events, i)));
  alvh_events_sort (self->events);
  self->event_days = g_new0 (gint64, MAX (self->events->len, 1));
  self->event_times = g_new0 (gint64, MAX (self->events->len, 1));
  for (guint i = 0; i < self->events->len; i++)
    {
      const AlvhEvent *e = g_ptr_array_index (self->events, i);

      if (!e->shift)
        continue;
      self->event_days[self->n_shift_events] = _alvh_ny_day_cached (e->time);
      self->event_times[self->n_shift_events] = e->time;
      self->n_shift_events++;
    }

  n = frame->n;
  /* 6 arrays of n eight-byte numbers, 2 of n four-byte ones and one of n
   * bytes, one slab */
  _alvh_slab_init (&self->slab, N_BAR_ARRAYS * _alvh_slab_round (MAX (n, 1) * 8)
                                + 2 * _alvh_slab_round (MAX (n, 1) * 4) + _alvh_slab_round (MAX (n, 1)));
  self->rsi = _alvh_slab_take (&self->slab, MAX (n, 1) * sizeof (double));
  self->macd = _alvh_slab_take (&self->slab, MAX (n, 1) * sizeof (double));
  self->macd_signal = _alvh_slab_take (&self->slab, MAX (n, 1) * sizeof (double));
  self->beta = _alvh_slab_take (&self->slab, MAX (n, 1) * sizeof (double));
  self->ad = _alvh_slab_take (&self->slab, MAX (n, 1) * sizeof (double));
  self->ad_flags = _alvh_slab_take (&self->slab, MAX (n, 1));
  self->ref = _alvh_slab_take (&self->slab, MAX (n, 1) * sizeof (gint32));
  self->at = _alvh_slab_take (&self->slab, MAX (n, 1) * sizeof (gint64));
  self->day = _alvh_slab_take (&self->slab, MAX (n, 1) * sizeof (gint32));
  _alvh_ny_days_and_bar_closes (frame->time, n, self->day, self->at);
  _alvh_hedge_memo_init (&self->hedges, self->frame, self->day, self->profile);
  self->memo_bar = G_MAXSIZE;
  self->leg_day = G_MININT64;
  self->cterm_t = NAN;

  alvh_rsi (frame->close, n, (guint) profile->rsi_period, self->rsi);
  alvh_macd (frame->vix, n, ALVH_MACD_FAST, ALVH_MACD_SLOW, ALVH_MACD_SIGNAL, self->macd, self->macd_signal, NULL);
  alvh_return_beta (frame->vix, frame->close, n, (guint) profile->beta_window, self->beta);
  alvh_ad_line (frame->advancers, frame->decliners, n, self->ad);
  ad_divergence_flags (self->ad, frame->close, n, (guint) profile->ad_lookback, self->ad_flags);

  {
    gint64 window = (gint64) llround (profile->iv_window_hours * 3600.0);
    gssize j = -1;

    for (gsize i = 0; i < n; i++)
      {
        gint64 limit = frame->time[i] - window;

        while ((gsize) (j + 1) < n && frame->time[j + 1] <= limit)
          j++;
        self->ref[i] = (gint32) j;
        if (j >= 0)
          span = MAX (span, i - (gsize) j);
      }
  }
  /* the ring holds bars i and ref[i] apart: more slots than the widest span */
  for (ring = 2; ring <= span; ring *= 2)
    ;
  self->cache_mask = ring - 1;
  self->cache = g_new (ThetaCacheEntry, ring);
  for (gsize r = 0; r < ring; r++)
    self->cache[r].bar = G_MAXSIZE;
  return self;
}

AlvhEvaluator *
alvh_evaluator_ref (AlvhEvaluator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_evaluator_unref (AlvhEvaluator *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  alvh_market_frame_unref (self->frame);
  alvh_profile_unref (self->profile);
  g_ptr_array_unref (self->events);
  g_free (self->event_days);
  g_free (self->event_times);
  _alvh_slab_clear (&self->slab);
  g_free (self->cache);
  g_free (self);
}

AlvhMarketFrame *
alvh_evaluator_get_frame (AlvhEvaluator *self)
{
  return self->frame;
}

AlvhProfile *
alvh_evaluator_get_profile (AlvhEvaluator *self)
{
  return self->profile;
}

GPtrArray *
alvh_evaluator_get_events (AlvhEvaluator *self)
{
  return self->events;
}

gssize
alvh_evaluator_get_ref_index (AlvhEvaluator *self,
                              gsize          i)
{
  g_return_val_if_fail (i < self->frame->n, -1);
  return self->ref[i];
}

static inline gboolean
finite_pos (double x);

/* Section 1's iv_t for a condor of @expiry at bar i: the ATM IV of that
 * expiry from the chain of the bar's date (in strike, then in total
 * variance), else VIX close / 100 */
static double
iv_for_expiry (AlvhEvaluator *self,
               gsize          i,
               gint64         expiry,
               gboolean      *from_chain)
{
  const AlvhMarketFrame *f = self->frame;
  double iv;
  gboolean chain = f->chains != NULL && alvh_chain_set_atm_iv (f->chains, f->time[i], expiry, &iv);

  if (from_chain != NULL)
    *from_chain = chain;
  return chain ? iv : f->vix[i] / 100.0;
}

/* Section 4: VIX options are priced and marked at VVIX/100 when known, else vix_vol */
static double
vix_option_vol (AlvhEvaluator *self,
                gsize          i)
{
  const double vvix = self->frame->vvix[i];

  return isfinite (vvix) && vvix > 0.0 ? vvix / 100.0 : self->profile->vix_vol;
}

gint64
_alvh_evaluator_get_day (AlvhEvaluator *self,
                         gsize          i)
{
  return self->day[i];
}

gint64
alvh_evaluator_get_bar_instant (AlvhEvaluator *self,
                                gsize          i)
{
  g_return_val_if_fail (i < self->frame->n, 0);
  return self->at[i];
}

void
alvh_evaluator_market_state (AlvhEvaluator   *self,
                             gsize            i,
                             AlvhMarketState *out)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;

  out->time = f->time[i];
  out->spx = f->close[i];
  out->iv = f->vix[i] / 100.0;
  out->vix = f->vix[i];
  out->vx1 = f->vx1[i];
  for (guint k = 0; k < ALVH_VX_TERMS; k++)
    out->vx[k] = f->vx[k][i];
  out->vix_vol = vix_option_vol (self, i);
  out->beta = self->beta[i];
  out->rate = p->rate;
  out->div_yield = p->div_yield;
  out->multiplier = p->multiplier;
}

/* ------------------------------------------------------------- signals */

/* Thresholds "at or above / at or below" tolerate the rounding of the value's
 * own arithmetic (20 -> 23 is +15 % even though 23/20 - 1 < 0.15 in doubles). */
#define EPS 1e-12

static inline gboolean
at_or_above (double value,
             double threshold)
{
  return value >= threshold - EPS * MAX (1.0, fabs (threshold));
}

static inline gboolean
at_or_below (double value,
             double threshold)
{
  return value <= threshold + EPS * MAX (1.0, fabs (threshold));
}

static inline gboolean
finite_pos (double x)
{
  return isfinite (x) && x > 0.0;
}

/* The theta_erosion cache's slot of bar i */
static inline ThetaCacheEntry *
cache_slot (AlvhEvaluator *self,
            gsize          i)
{
  return &self->cache[i & self->cache_mask];
}

/* Whether the cache holds condor @id at bar i */
static inline gboolean
cache_holds (AlvhEvaluator *self,
             gsize          i,
             gint64         id)
{
  const ThetaCacheEntry *e = cache_slot (self, i);

  return id != 0 && e->bar == i && e->id == id;
}

/* X, theta_ref and the SPX delta (per unit) of a condor at bar i, from one
 * set of Black-Scholes greeks per leg; cached per bar for the condor id. */
static double
condor_state_at (AlvhEvaluator    *self,
                 const AlvhCondor *c,
                 gsize             i,
                 double           *theta,
                 double           *delta)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;
  const double s = f->close[i];
  AlvhGreeks sp, sc, lp, lc;
  double t, x, iv;

  /* @delta NULL: not wanted; a delta or value not in the memo is priced
   * again (the same figures) */
  if (cache_holds (self, i, c->id)
      && (delta == NULL || (self->memo_bar == i && self->memo_id == c->id)))
    {
      *theta = cache_slot (self, i)->theta;
      if (delta != NULL)
        *delta = self->memo_delta;
      return cache_slot (self, i)->x;
    }
  t = (double) (_alvh_ny_day_cached (c->expiry) - self->day[i]) / 365.0;
  iv = iv_for_expiry (self, i, c->expiry, NULL);
  /* the four legs share one expiry: its terms once (the same figures as
   * four alvh_bs_greeks () calls), and once a day, not once a bar */
  if (t > 0.0)
    {
      if (t != self->cterm_t)
        {
          alvh_expiry_terms_init (&self->cterm, ALVH_MODEL_BLACK_SCHOLES, t, p->rate, p->div_yield);
          self->cterm_t = t;
        }
      _alvh_bs_greeks_condor_at (&self->cterm, s, iv,
                                 c->short_put, c->short_call, c->long_put, c->long_call,
                                 FALSE, &sp, &sc, &lp, &lc);
    }
  else
    _alvh_bs_greeks_condor (s, t, iv, p->rate, p->div_yield,
                            c->short_put, c->short_call, c->long_put, c->long_call,
                            &sp, &sc, &lp, &lc);
  x = (sp.price - MAX (c->short_put - s, 0.0)) + (sc.price - MAX (s - c->short_call, 0.0))
    - (lp.price - MAX (c->long_put - s, 0.0)) - (lc.price - MAX (s - c->long_call, 0.0));
  *theta = (lp.theta + lc.theta) - (sp.theta + sc.theta);
  if (delta != NULL)
    *delta = (lp.delta + lc.delta) - (sp.delta + sc.delta);
  if (c->id != 0)
    {
      self->memo_bar = i;
      self->memo_id = c->id;
      self->memo_value = (sp.price + sc.price) - (lp.price + lc.price);
      self->memo_delta = (lp.delta + lc.delta) - (sp.delta + sc.delta);
      *cache_slot (self, i) = (ThetaCacheEntry) { .bar = i, .id = c->id, .x = x, .theta = *theta };
    }
  return x;
}

static guint
count_shift_events (AlvhEvaluator *self,
                    gint64         t,
                    int            window_days)
{
  gint64 day, first;
  guint lo = 0, hi = self->n_shift_events, count = 0;

  if (self->n_shift_events == 0)
    return 0;
  day = _alvh_ny_day_cached (t);
  first = day - window_days;

  /* first event day >= first */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->event_days[mid] < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k < self->n_shift_events && self->event_days[k] <= day; k++)
    if (self->event_times[k] <= t)
      count++;
  return count;
}

/* Section 2's real-time rules that read only the market: iv_expansion,
 * term_inversion, rsi_extreme, ad_divergence and vix_macd_cross. */
static void
eval_market_signals (AlvhEvaluator *self,
                     gsize          i,
                     AlvhDecision  *d)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;
  const gssize j = self->ref[i];
  const double vix = f->vix[i];
  AlvhSignal *sig;

  /* iv_expansion */
  sig = &d->signals[ALVH_SIGNAL_IV_EXPANSION];
  sig->threshold = p->iv_expansion;
  if (j >= 0 && finite_pos (f->vix[j]) && finite_pos (vix))
    {
      sig->available = TRUE;
      sig->value = vix / f->vix[j] - 1.0;
      sig->fired = at_or_above (sig->value, p->iv_expansion);
    }

  /* term_inversion */
  sig = &d->signals[ALVH_SIGNAL_TERM_INVERSION];
  sig->threshold = p->term_inversion;
  if (finite_pos (f->vx1[i]) && finite_pos (vix))
    {
      double v = vix / f->vx1[i];

      if (finite_pos (f->vx2[i]))
        v = MAX (v, f->vx1[i] / f->vx2[i]);
      sig->available = TRUE;
      sig->value = v - 1.0;
      sig->fired = sig->value > p->term_inversion;
    }
  else if (finite_pos (f->vix3m[i]) && finite_pos (vix))
    {
      /* no VX1 known: VIX over its three-month index */
      sig->available = TRUE;
      sig->value = vix / f->vix3m[i] - 1.0;
      sig->fired = sig->value > p->term_inversion;
    }

  /* rsi_extreme */
  sig = &d->signals[ALVH_SIGNAL_RSI_EXTREME];
  sig->threshold = p->rsi_low;
  sig->threshold_high = p->rsi_high;
  if (isfinite (self->rsi[i]))
    {
      sig->available = TRUE;
      sig->value = self->rsi[i];
      sig->fired = at_or_below (sig->value, p->rsi_low) || at_or_above (sig->value, p->rsi_high);
    }

  /* ad_divergence */
  sig = &d->signals[ALVH_SIGNAL_AD_DIVERGENCE];
  if (self->ad_flags[i] & AD_AVAILABLE)
    {
      sig->available = TRUE;
      sig->value = self->ad[i];
      sig->fired = (self->ad_flags[i] & AD_FIRED) != 0;
    }

  /* vix_macd_cross */
  sig = &d->signals[ALVH_SIGNAL_VIX_MACD_CROSS];
  sig->threshold = 0.0;
  if (i >= 1 && isfinite (self->macd[i]) && isfinite (self->macd_signal[i]) &&
      isfinite (self->macd[i - 1]) && isfinite (self->macd_signal[i - 1]))
    {
      sig->available = TRUE;
      sig->value = self->macd[i] - self->macd_signal[i];
      sig->fired = self->macd[i - 1] <= self->macd_signal[i - 1] && self->macd[i] > self->macd_signal[i];
    }
}

/* theta_erosion: the largest erosion ratio over the condors opened before
 * the reference bar; also keeps the condor cache warm for later bars. */
static void
eval_theta_erosion (AlvhEvaluator *self,
                    gsize          i,
                    AlvhBook      *book,
                    AlvhSignal    *sig)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;
  const gssize j = self->ref[i];
  const double vix = f->vix[i];
  const guint n_condors = _alvh_book_n_condors (book);

  sig->threshold = p->theta_erosion;
  for (guint k = 0; k < n_condors; k++)
    {
      const AlvhCondor *c = _alvh_book_condor (book, k);
      double theta_ref, theta_now, x_ref, x_now, value;
      gint64 days;

      if (j < 0 || c->opened > self->at[j])
        continue;
      if (!finite_pos (f->vix[j]) || !isfinite (f->close[j]))
        continue;
      x_ref = condor_state_at (self, c, (gsize) j, &theta_ref, NULL);
      if (!(theta_ref > 0.0))
        continue;
      days = self->day[i] - self->day[j];
      if (days <= 0)
        continue;
      x_now = condor_state_at (self, c, i, &theta_now, NULL);
      value = (x_ref - x_now) / (theta_ref * (double) days);
      if (!sig->available || value > sig->value)
        sig->value = value;
      sig->available = TRUE;
    }
  /* keep the cache warm for later reference bars even when n/a now */
  for (guint k = 0; k < n_condors; k++)
    {
      const AlvhCondor *c = _alvh_book_condor (book, k);
      double th;

      if (c->id != 0 && !cache_holds (self, i, c->id) && finite_pos (vix))
        condor_state_at (self, c, i, &th, NULL);
    }
  if (sig->available)
    sig->fired = at_or_above (sig->value, p->theta_erosion);
}

/* wing_proximity: the nearest short strike over all condors, in SDs */
static void
eval_wing_proximity (AlvhEvaluator *self,
                     gsize          i,
                     AlvhBook      *book,
                     AlvhSignal    *sig)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;
  const double s = f->close[i];
  const guint n_condors = _alvh_book_n_condors (book);

  sig->threshold = p->wing_sd;
  for (guint k = 0; k < n_condors; k++)
    {
      const AlvhCondor *c = _alvh_book_condor (book, k);
      gint64 days = _alvh_ny_day_cached (c->expiry) - self->day[i];
      double iv = iv_for_expiry (self, i, c->expiry, NULL);
      double sd, v;

      if (days <= 0 || !finite_pos (iv))
        continue;
      sd = s * iv * sqrt ((double) days / 365.0);
      v = MIN ((s - c->short_put) / sd, (c->short_call - s) / sd);
      if (!sig->available || v < sig->value)
        sig->value = v;
      sig->available = TRUE;
    }
  if (sig->available)
    sig->fired = at_or_below (sig->value, p->wing_sd);
}

/* Whether the book holds an open VIX put (no hedge, but a VIX leg whose
 * delta needs beta) */
static gboolean
other_vix_legs (AlvhBook *book)
{
  for (guint k = 0; k < _alvh_book_n_other_legs (book); k++)
    {
      const AlvhLeg *leg = _alvh_book_other_leg (book, k);

      if (leg->kind == ALVH_LEG_VIX_PUT && _alvh_leg_open_quantity (leg) > 0.0)
        return TRUE;
    }
  return FALSE;
}

/* book_delta's share of the legs that are no VIX hedge, by
 * alvh_other_leg_greeks () as alvh_book_greeks () counts them: returns the
 * SPX puts' delta, adds the VIX puts' Black-76 delta on F to @vix_delta */
static double
other_legs_delta (AlvhEvaluator *self,
                  gsize          i,
                  AlvhBook      *book,
                  double         vol,
                  double        *vix_delta)
{
  double spx_delta = 0.0;
  AlvhMarketState m;

  if (_alvh_book_n_other_legs (book) == 0)
    return 0.0;
  alvh_evaluator_market_state (self, i, &m);
  m.vix_vol = vol;
  for (guint k = 0; k < _alvh_book_n_other_legs (book); k++)
    {
      const AlvhLeg *leg = _alvh_book_other_leg (book, k);
      double qty = _alvh_leg_open_quantity (leg);
      AlvhGreeks g;

      if (qty <= 0.0)
        continue;
      /* the one model of these legs, at the SPX vol the condors take here */
      m.iv = iv_for_expiry (self, i, leg->expiry, NULL);
      alvh_other_leg_greeks (leg, &m, &g);
      if (leg->kind == ALVH_LEG_VIX_PUT)
        *vix_delta += qty * g.delta;
      else
        spx_delta += qty * g.delta;
    }
  return spx_delta;
}

/* book_delta: SPX-equivalent delta of the book per condor unit, the VIX legs
 * mapped through beta; @layers_used: the book's open hedge legs */
static void
eval_book_delta (AlvhEvaluator *self,
                 gsize          i,
                 AlvhBook      *book,
                 guint          layers_used,
                 AlvhSignal    *sig)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;
  const double s = f->close[i];
  const double vix = f->vix[i];
  const double iv = vix / 100.0;
  const guint n_condors = _alvh_book_n_condors (book);

  sig->threshold = p->delta_tolerance;
  if (n_condors > 0 && finite_pos (iv))
    {
      gboolean has_legs = layers_used > 0 || other_vix_legs (book);

      if (!has_legs || isfinite (self->beta[i]))
        {
          double total = 0.0, units = 0.0, vix_delta;
          double vol = vix_option_vol (self, i);

          for (guint k = 0; k < n_condors; k++)
            {
              const AlvhCondor *c = _alvh_book_condor (book, k);
              double th, de;

              condor_state_at (self, c, i, &th, &de);
              total += de * c->units;
              units += c->units;
            }
          vix_delta = _alvh_hedge_memo_legs_delta (&self->hedges, i, book, vol);
          total += other_legs_delta (self, i, book, vol, &vix_delta);
          if (has_legs)
            total += vix_delta * self->beta[i] * vix / s;
          if (units > 0.0 && isfinite (total))
            {
              sig->available = TRUE;
              sig->value = total / units;
              sig->fired = fabs (sig->value) > p->delta_tolerance;
            }
        }
    }
}

static void
eval_signals (AlvhEvaluator *self,
              gsize          i,
              gint64         t,
              AlvhBook      *book,
              AlvhDecision  *d)
{
  const AlvhProfile *p = self->profile;
  AlvhSignal *sig;

  eval_market_signals (self, i, d);
  eval_theta_erosion (self, i, book, &d->signals[ALVH_SIGNAL_THETA_EROSION]);
  eval_wing_proximity (self, i, book, &d->signals[ALVH_SIGNAL_WING_PROXIMITY]);
  eval_book_delta (self, i, book, d->layers_used, &d->signals[ALVH_SIGNAL_BOOK_DELTA]);

  /* macro_regime */
  sig = &d->signals[ALVH_SIGNAL_MACRO_REGIME];
  sig->threshold = 1.0;
  sig->available = TRUE;
  sig->value = count_shift_events (self, t, p->macro_window_days);
  sig->fired = sig->value >= 1.0;
}

/* Section 4: the leg an ADD proposes. */
static void
propose_leg (AlvhEvaluator *self,
             gsize          i,
             gint64         at,
             AlvhBook      *book,
             AlvhDecision  *d)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;
  const double units = alvh_book_condor_units (book);
  const AlvhHedgeExpiry *ex;
  double fwd;
  double vol = vix_option_vol (self, i);
  gint64 day = self->day[i];
  gint64 expiry;
  double t, k1, k2, premium;

  if (day != self->leg_day)
    {
      self->leg_day = day;
      self->leg_expiry = alvh_vix_expiry_first_after (f->time[i], p->hedge_min_dte);
    }
  expiry = self->leg_expiry;
  ex = _alvh_hedge_memo_expiry_at (&self->hedges, i, expiry);
  fwd = ex->fwd;
  t = ex->t;
  k1 = ceil (fwd * (1.0 + p->hedge_otm) - 1e-9);
  k2 = k1 + p->hedge_width;
  if (t > 0.0 && vol > 0.0)
    {
      /* the expiry's e^{-rt} and sqrt(t), as alvh_black76_price () takes them */
      premium = _alvh_black76_price_at (&ex->terms, ALVH_OPTION_CALL, fwd, k1, vol)
                - _alvh_black76_price_at (&ex->terms, ALVH_OPTION_CALL, fwd, k2, vol);
    }
  else
    premium = alvh_black76_price (ALVH_OPTION_CALL, fwd, k1, t, vol, p->rate)
              - alvh_black76_price (ALVH_OPTION_CALL, fwd, k2, t, vol, p->rate);

  d->layer = d->layers_used + 1;
  d->size = p->base_size * units * alvh_profile_layer_ratio (p, d->layer);
  d->has_leg = TRUE;
  memset (&d->leg, 0, sizeof d->leg);
  d->leg.id = 0;
  d->leg.condor_id = _alvh_book_n_condors (book) > 0 ? _alvh_book_condor (book, 0)->id : 0;
  d->leg.kind = ALVH_LEG_VIX_CALL_SPREAD;
  d->leg.long_strike = k1;
  d->leg.short_strike = k2;
  d->leg.expiry = expiry;
  d->leg.quantity = d->size;
  d->leg.premium = premium;
  d->leg.layer = d->layer;
  d->leg.opened = at;
  d->leg.closed_quantity = 0.0;
  d->leg_forward = fwd;
  d->leg_vol = vol;
  d->estimated_cost = premium * p->multiplier * d->size;
}

void
alvh_evaluator_evaluate (AlvhEvaluator *self,
                         gsize          i,
                         AlvhBook      *book,
                         AlvhDecision  *d)
{
  g_return_if_fail (i < self->frame->n);
  alvh_evaluator_evaluate_at (self, i, self->at[i], book, d);
}

void
alvh_evaluator_evaluate_at (AlvhEvaluator *self,
                            gsize          i,
                            gint64         t,
                            AlvhBook      *book,
                            AlvhDecision  *d)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;
  guint n_condors, rt = 0;
  gint64 last;
  double paid;

  g_return_if_fail (i < f->n);
  g_return_if_fail (book != NULL && d != NULL);
  /* never before the bar stands: its close is what is evaluated */
  t = MAX (t, self->at[i]);

  /* alvh_decision_init () and the profile's name, made once */
  if (self->blank_name != p->name || p->name == NULL)
    {
      alvh_decision_init (&self->blank);
      alvh_decision_set_profile_name (&self->blank, p->name);
      self->blank_name = p->name;
      self->blank_size = sizeof self->blank;
    }
  /* a size known only at run time makes this a call to the C library's
   * vector memcpy; with sizeof the compiler inlines a string move that costs
   * three times as much, once a bar */
  memcpy (d, &self->blank, self->blank_size);
  d->time = f->time[i];
  d->spx = f->close[i];
  d->vix = f->vix[i];
  d->profile_version = p->version;
  d->max_layers = (guint) p->max_layers;
  d->cooldown_hours = p->cooldown_hours;
  d->realtime_quorum = (guint) p->realtime_quorum;
  d->max_hedge_cost_ratio = p->max_hedge_cost_ratio;
  _alvh_book_hedge_totals (book, &paid, &d->layers_used, &last);
  d->premium_paid = paid * p->multiplier / 100.0;
  d->credit_collected = _alvh_book_credit_collected (book) * p->multiplier / 100.0;
  /* iv_t as the decision states it: of the first condor's expiry */
  d->iv = _alvh_book_n_condors (book) > 0
          ? iv_for_expiry (self, i, _alvh_book_condor (book, 0)->expiry, &d->iv_from_chain)
          : f->vix[i] / 100.0;

  eval_signals (self, i, t, book, d);
  for (guint k = 0; k < ALVH_N_SIGNALS; k++)
    if (d->signals[k].kind == ALVH_SIGNAL_KIND_REALTIME && d->signals[k].available && d->signals[k].fired)
      rt++;
  d->realtime_fired = rt;

  /* the book is as of t, so no leg was filled after t: never negative */
  if (last != G_MININT64)
    d->hours_since_last_leg = MAX (0.0, (double) (t - last) / 3600.0);

  /* 0. gates */
  n_condors = _alvh_book_n_condors (book);
  if (n_condors == 0)
    {
      d->branch = ALVH_BRANCH_NO_POSITION;
      return;
    }
  if (d->layers_used >= (guint) p->max_layers)
    {
      d->branch = ALVH_BRANCH_MAX_LAYERS;
      return;
    }
  if (last != G_MININT64 && d->hours_since_last_leg < p->cooldown_hours)
    {
      d->branch = ALVH_BRANCH_COOLDOWN;
      return;
    }

  /* 1-4. the tree */
  if (d->signals[ALVH_SIGNAL_MACRO_REGIME].fired && rt >= 1)
    d->branch = ALVH_BRANCH_REGIME;
  else if (d->signals[ALVH_SIGNAL_WING_PROXIMITY].fired || d->signals[ALVH_SIGNAL_BOOK_DELTA].fired)
    d->branch = ALVH_BRANCH_FIXED;
  else if (rt >= (guint) p->realtime_quorum)
    d->branch = ALVH_BRANCH_CONFLUENCE;
  else
    {
      d->branch = ALVH_BRANCH_NONE;
      return;
    }

  d->action = ALVH_ACTION_ADD;
  propose_leg (self, i, t, book, d);

  /* accretion guard */
  if (d->premium_paid + d->estimated_cost > p->max_hedge_cost_ratio * d->credit_collected)
    {
      d->action = ALVH_ACTION_BLOCKED;
      d->branch = ALVH_BRANCH_NOT_ACCRETIVE;
    }
}

double
_alvh_evaluator_condor_value (AlvhEvaluator    *self,
                              const AlvhCondor *c,
                              gsize             i)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhProfile *p = self->profile;

  if (cache_holds (self, i, c->id))
    {
      double th, de;

      if (self->memo_bar != i || self->memo_id != c->id)
        condor_state_at (self, c, i, &th, &de);
      return self->memo_value;
    }
  return alvh_condor_value (c, f->close[i],
                            (double) (_alvh_ny_day_cached (c->expiry) - self->day[i]) / 365.0,
                            iv_for_expiry (self, i, c->expiry, NULL), p->rate, p->div_yield);
}

double
_alvh_evaluator_leg_value (AlvhEvaluator *self,
                           const AlvhLeg *leg,
                           gsize          i)
{
  return _alvh_hedge_memo_leg_value (&self->hedges, leg, i, vix_option_vol (self, i));
}

void
_alvh_evaluator_mark_hedges (AlvhEvaluator *self,
                             AlvhBook      *book,
                             gsize          i,
                             double         mult,
                             double        *value,
                             double        *premium)
{
  _alvh_hedge_memo_mark (&self->hedges, book, i, vix_option_vol (self, i), mult, value, premium);
}
