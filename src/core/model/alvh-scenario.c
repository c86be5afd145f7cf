/* alvh-scenario.c — what-if: the book valued under a moved market
 *
 * See alvh-scenario.h.  No pricing of its own: every value is the book's
 * (alvh_book_mark(), alvh_book_greeks()) on a moved AlvhMarketState.
 */
#define G_LOG_DOMAIN "alvh-scenario"

#include "config.h"

#include <math.h>

#include "alvh-scenario.h"
#include "alvh-time.h"

#define PROFIT_POINTS 1201  /* SPX levels the P&L curve's zeros are looked for on */
#define PROFIT_SPAN   7.0   /* standard deviations either side */

const double alvh_scenario_default_spx_moves[ALVH_SCENARIO_N_SPX] = {
  -0.10, -0.075, -0.05, -0.025, 0.0, 0.025, 0.05
};
const double alvh_scenario_default_vix_moves[ALVH_SCENARIO_N_VIX] = {
  -0.20, 0.0, 0.25, 0.50, 0.75, 1.00, 1.50
};

void
alvh_scenario_init (AlvhScenario *s)
{
  s->time = 0;
  s->spx_move = 0.0;
  s->iv_shift = 0.0;
  s->vix_move = 0.0;
  s->iv_follows_vix = TRUE;
}

/* ---- the book's other legs (SPX puts, VIX puts) --------------------------- */

/* The dollars and greeks of one other leg in @m, as a position row. */
static void
other_leg_row (const AlvhLeg         *leg,
               const AlvhMarketState *m,
               AlvhScenarioGreeks    *out)
{
  double mult = m->multiplier > 0.0 ? m->multiplier : 100.0, qty = alvh_leg_open_quantity (leg) * mult;
  AlvhGreeks g = { 0 };

  if (leg->kind == ALVH_LEG_SPX_PUT || leg->kind == ALVH_LEG_SPX_PUT_SPREAD || leg->kind == ALVH_LEG_VIX_PUT)
    alvh_other_leg_greeks (leg, m, &g);
  if (leg->kind == ALVH_LEG_VIX_PUT)
    {
      /* mapped to SPX points as the book maps its VIX legs: x beta x VIX / SPX */
      out->delta = g.delta * qty * m->beta * m->vix / m->spx;
      out->gamma = 0.0;
    }
  else
    {
      out->delta = g.delta * qty;
      out->gamma = g.gamma * qty;
    }
  out->theta = g.theta * qty;
  out->vega = g.vega * qty;
  out->pnl = (alvh_other_leg_value (leg, m) - leg->premium) * qty;
}

static double
vix_factor (const AlvhMarketState *m,
            const AlvhScenario    *s)
{
  double spx_factor = 1.0 + s->spx_move;

  if (!isnan (s->vix_move))
    return 1.0 + s->vix_move;
  if (!isfinite (m->beta) || !(spx_factor > 0.0))
    return 1.0;
  return exp (m->beta * log (spx_factor));
}

/* The term @leg's expiry has at @out's date gets the forward it is priced
 * on at @m's (moved by @vf). */
static void
keep_forward (const AlvhMarketState *m,
              double                 vf,
              const AlvhLeg         *leg,
              AlvhMarketState       *out)
{
  double f = alvh_market_state_vix_forward (m, leg->expiry) * vf;
  guint k = alvh_calendar_vix_term (alvh_time_ny_day (out->time), alvh_time_ny_day (leg->expiry));

  if (k == 1)
    out->vx1 = f;
  if (k >= 1 && k <= ALVH_VX_TERMS)
    out->vx[k - 1] = f;
}

void
alvh_scenario_apply (AlvhBook              *book,
                     const AlvhMarketState *m,
                     const AlvhScenario    *s,
                     AlvhMarketState       *out)
{
  double vf = vix_factor (m, s);

  *out = *m;
  if (s->time != 0)
    out->time = s->time;
  out->spx = m->spx * (1.0 + s->spx_move);
  out->vix = m->vix * vf;
  out->vx1 = m->vx1 * vf;
  for (guint k = 0; k < ALVH_VX_TERMS; k++)
    out->vx[k] = m->vx[k] * vf;
  out->iv = (s->iv_follows_vix ? m->iv * vf : m->iv) + s->iv_shift;
  if (!(out->iv > 0.005))
    out->iv = 0.005;

  if (book == NULL || alvh_time_ny_day (out->time) == alvh_time_ny_day (m->time))
    return;
  /* each VIX leg keeps its own future: the term it has at the new date
   * gets the forward it is priced on now (moved with VIX) */
  for (guint i = 0; i < alvh_book_get_n_legs (book); i++)
    keep_forward (m, vf, alvh_book_get_leg (book, i), out);
  for (guint i = 0; i < alvh_book_get_n_other_legs (book); i++)
    {
      const AlvhLeg *leg = alvh_book_get_other_leg (book, i);

      if (leg->kind == ALVH_LEG_VIX_PUT)
        keep_forward (m, vf, leg, out);
    }
}

void
alvh_scenario_mark (AlvhBook              *book,
                    const AlvhMarketState *m,
                    const AlvhScenario    *s,
                    AlvhBookMark          *out)
{
  AlvhMarketState moved;

  alvh_scenario_apply (book, m, s, &moved);
  alvh_book_mark (book, &moved, out);
}

void
alvh_scenario_curve (AlvhBook              *book,
                     const AlvhMarketState *m,
                     const AlvhScenario    *s,
                     const double          *spx,
                     gsize                  n,
                     double                *pnl)
{
  AlvhScenario at = *s;

  for (gsize j = 0; j < n; j++)
    {
      AlvhBookMark mark;

      at.spx_move = spx[j] / m->spx - 1.0;
      alvh_scenario_mark (book, m, &at, &mark);
      pnl[j] = mark.total_pnl;
    }
}

void
alvh_scenario_payoff (AlvhBook              *book,
                      const AlvhMarketState *m,
                      const double          *spx,
                      gsize                  n,
                      double                *at_expiry,
                      double                *today)
{
  g_autoptr(AlvhBook) others = NULL;
  g_autofree double *add = NULL;
  AlvhScenario s;
  gint64 expiry;

  alvh_book_payoff (book, m, spx, n, at_expiry, today);
  if (alvh_book_get_n_other_legs (book) == 0)
    return;
  /* the other legs alone, valued as the mark values them */
  others = alvh_book_new ();
  for (guint i = 0; i < alvh_book_get_n_other_legs (book); i++)
    alvh_book_add_leg (others, alvh_book_get_other_leg (book, i));
  add = g_new (double, n);
  alvh_scenario_init (&s);
  s.vix_move = NAN;            /* as alvh_book_payoff: VIX follows SPX by the beta, */
  s.iv_follows_vix = FALSE;    /* the SPX vol stays */
  if (today != NULL)
    {
      alvh_scenario_curve (others, m, &s, spx, n, add);
      for (gsize j = 0; j < n; j++)
        today[j] += add[j];
    }
  expiry = alvh_scenario_first_expiry (book);
  if (at_expiry != NULL)
    {
      s.time = expiry != 0 ? alvh_time_from_ny_day (alvh_time_ny_day (expiry)) : 0;
      alvh_scenario_curve (others, m, &s, spx, n, add);
      for (gsize j = 0; j < n; j++)
        at_expiry[j] += add[j];
    }
}

void
alvh_scenario_grid (AlvhBook              *book,
                    const AlvhMarketState *m,
                    const AlvhScenario    *s,
                    const double          *spx_moves,
                    guint                  n_spx,
                    const double          *vix_moves,
                    guint                  n_vix,
                    double                *pnl)
{
  AlvhScenario at = *s;

  for (guint r = 0; r < n_vix; r++)
    for (guint c = 0; c < n_spx; c++)
      {
        AlvhBookMark mark;

        at.spx_move = spx_moves[c];
        at.vix_move = vix_moves[r];
        alvh_scenario_mark (book, m, &at, &mark);
        pnl[r * n_spx + c] = mark.total_pnl;
      }
}

gint64
alvh_scenario_last_expiry (AlvhBook *book)
{
  gint64 last = 0;

  for (guint i = 0; i < alvh_book_get_n_condors (book); i++)
    last = MAX (last, alvh_book_get_condor (book, i)->expiry);
  for (guint i = 0; i < alvh_book_get_n_legs (book); i++)
    last = MAX (last, alvh_book_get_leg (book, i)->expiry);
  return last;
}

gint64
alvh_scenario_first_expiry (AlvhBook *book)
{
  gint64 first = 0;

  for (guint i = 0; i < alvh_book_get_n_condors (book); i++)
    {
      gint64 e = alvh_book_get_condor (book, i)->expiry;
      first = first == 0 ? e : MIN (first, e);
    }
  return first;
}

/* ---- probabilities ------------------------------------------------------ */

static inline double
norm_cdf (double x)
{
  return 0.5 * erfc (-x / G_SQRT2);
}

double
alvh_scenario_prob_above (double spx,
                          double level,
                          double t,
                          double iv,
                          double r,
                          double q)
{
  double sd, d2;

  if (!(level > 0.0))
    return 1.0;
  if (!(t > 0.0) || !(iv > 0.0))
    return spx > level ? 1.0 : 0.0;
  sd = iv * sqrt (t);
  d2 = (log (spx / level) + (r - q - 0.5 * iv * iv) * t) / sd;
  return norm_cdf (d2);
}

double
alvh_scenario_prob_touch (double spx,
                          double level,
                          double t,
                          double iv,
                          double r,
                          double q)
{
  double mu = r - q - 0.5 * iv * iv, b = log (level / spx), sd, k;

  if (b == 0.0)
    return 1.0;
  if (!(t > 0.0) || !(iv > 0.0))
    return 0.0;
  sd = iv * sqrt (t);
  k = exp (2.0 * mu * b / (iv * iv));
  if (b < 0.0)
    return MIN (1.0, norm_cdf ((b - mu * t) / sd) + k * norm_cdf ((b + mu * t) / sd));
  return MIN (1.0, norm_cdf ((-b + mu * t) / sd) + k * norm_cdf ((-b - mu * t) / sd));
}

static double
pnl_at (AlvhBook              *book,
        const AlvhMarketState *m,
        AlvhScenario          *s,
        double                 spx)
{
  AlvhBookMark mark;

  s->spx_move = spx / m->spx - 1.0;
  alvh_scenario_mark (book, m, s, &mark);
  return mark.total_pnl;
}

/* The level in (a, b) where the P&L changes sign (fa, fb of opposite signs). */
static double
find_zero (AlvhBook              *book,
           const AlvhMarketState *m,
           AlvhScenario          *s,
           double                 a,
           double                 b,
           double                 fa)
{
  for (guint k = 0; k < 60 && b - a > 1e-9 * b; k++)
    {
      double mid = 0.5 * (a + b), fm = pnl_at (book, m, s, mid);

      if ((fm > 0.0) == (fa > 0.0))
        {
          a = mid;
          fa = fm;
        }
      else
        b = mid;
    }
  return 0.5 * (a + b);
}

double
alvh_scenario_prob_profit (AlvhBook              *book,
                           const AlvhMarketState *m,
                           const AlvhScenario    *scenario)
{
  AlvhScenario s = *scenario;
  AlvhMarketState moved;
  double t, sd, prob = 0.0, lo_x, step, prev_s, prev_f, prev_above;

  if (alvh_book_get_n_condors (book) == 0 && alvh_book_get_n_legs (book) == 0 &&
      alvh_book_get_n_other_legs (book) == 0)
    return NAN;
  if (s.time == 0)
    s.time = alvh_scenario_first_expiry (book);
  if (s.time == 0)
    s.time = alvh_scenario_last_expiry (book);
  s.spx_move = 0.0;
  alvh_scenario_apply (book, m, &s, &moved);
  t = (double) alvh_time_calendar_days (m->time, s.time) / 365.0;
  if (!(t > 0.0) || !(m->spx > 0.0))
    return NAN;
  sd = moved.iv * sqrt (t);
  lo_x = -PROFIT_SPAN * sd;
  step = 2.0 * PROFIT_SPAN * sd / (PROFIT_POINTS - 1);

  prev_s = m->spx * exp (lo_x);
  prev_f = pnl_at (book, m, &s, prev_s);
  prev_above = alvh_scenario_prob_above (m->spx, prev_s, t, moved.iv, m->rate, m->div_yield);
  if (prev_f > 0.0)
    prob += 1.0 - prev_above;  /* the tail below the first level */
  for (guint j = 1; j < PROFIT_POINTS; j++)
    {
      double x = m->spx * exp (lo_x + j * step);
      double f = pnl_at (book, m, &s, x);
      double above = alvh_scenario_prob_above (m->spx, x, t, moved.iv, m->rate, m->div_yield);

      if (prev_f > 0.0 && f > 0.0)
        prob += prev_above - above;
      else if ((prev_f > 0.0) != (f > 0.0))
        {
          double z = find_zero (book, m, &s, prev_s, x, prev_f);
          double at_z = alvh_scenario_prob_above (m->spx, z, t, moved.iv, m->rate, m->div_yield);

          prob += prev_f > 0.0 ? prev_above - at_z : at_z - above;
        }
      prev_s = x;
      prev_f = f;
      prev_above = above;
    }
  if (prev_f > 0.0)
    prob += prev_above;        /* the tail above the last level */
  return CLAMP (prob, 0.0, 1.0);
}

/* ---- per position and the proposed leg ------------------------------------ */

static void
fill_greeks (AlvhBook              *one,
             const AlvhMarketState *m,
             const AlvhScenario    *s,
             AlvhScenarioGreeks    *out)
{
  AlvhMarketState moved;
  AlvhBookGreeks g;
  AlvhBookMark mark;
  double mult;

  alvh_scenario_apply (one, m, s, &moved);
  alvh_book_mark (one, &moved, &mark);
  alvh_book_greeks (one, &moved, &g);
  mult = moved.multiplier > 0.0 ? moved.multiplier : 100.0;
  out->pnl = mark.total_pnl;
  out->delta = g.total_delta * mult;
  out->gamma = g.spx_gamma * mult;
  out->theta = (g.spx_theta + g.vix_theta) * mult;
  out->vega = (g.spx_vega + g.vix_vega) * mult;
}

GArray *
alvh_scenario_position_greeks (AlvhBook              *book,
                               const AlvhMarketState *m,
                               const AlvhScenario    *s)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (AlvhScenarioGreeks));

  /* each position alone (a book of one), the other legs on their own rows */
  for (guint i = 0; i < alvh_book_get_n_condors (book); i++)
    {
      g_autoptr(AlvhBook) one = alvh_book_new ();
      AlvhScenarioGreeks g = { 0 };

      alvh_book_add_condor (one, alvh_book_get_condor (book, i));
      g.is_condor = TRUE;
      g.id = alvh_book_get_condor (book, i)->id;
      g.index = i;
      fill_greeks (one, m, s, &g);
      g_array_append_val (out, g);
    }
  for (guint i = 0; i < alvh_book_get_n_legs (book); i++)
    {
      g_autoptr(AlvhBook) one = alvh_book_new ();
      AlvhScenarioGreeks g = { 0 };

      alvh_book_add_leg (one, alvh_book_get_leg (book, i));
      g.id = alvh_book_get_leg (book, i)->id;
      g.kind = alvh_book_get_leg (book, i)->kind;
      g.index = i;
      fill_greeks (one, m, s, &g);
      g_array_append_val (out, g);
    }
  for (guint i = 0; i < alvh_book_get_n_other_legs (book); i++)
    {
      const AlvhLeg *leg = alvh_book_get_other_leg (book, i);
      AlvhScenarioGreeks g = { 0 };
      AlvhMarketState moved;

      if (alvh_leg_open_quantity (leg) <= 0.0)
        continue;
      g.id = leg->id;
      g.kind = leg->kind;
      g.index = i;
      g.is_other = TRUE;
      alvh_scenario_apply (book, m, s, &moved);
      other_leg_row (leg, &moved, &g);
      g_array_append_val (out, g);
    }
  return out;
}

AlvhBook *
alvh_scenario_with_leg (AlvhBook      *book,
                        const AlvhLeg *leg)
{
  AlvhBook *copy = alvh_book_copy (book);

  if (leg != NULL && alvh_leg_is_vix_hedge (leg) && alvh_leg_open_quantity (leg) > 0.0)
    alvh_book_add_leg (copy, leg);
  return copy;
}
