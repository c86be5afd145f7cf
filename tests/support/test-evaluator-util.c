/* test-evaluator-util.c — hand-built markets and books for the evaluator's tests */
#include "config.h"

#include <math.h>

#include "test-evaluator-util.h"

AlvhMarketFrame *
test_eval_frame (gsize n)
{
  AlvhMarketFrame *f = alvh_market_frame_new (n);
  gint64 day = alvh_days_from_civil (2021, 1, 4);

  for (gsize i = 0; i < n; i++)
    {
      while (alvh_weekday_from_days (day) > 5)
        day++;
      f->time[i] = alvh_time_from_ny_day (day);
      f->open[i] = f->high[i] = f->low[i] = f->close[i] = 4000.0;
      f->vix[i] = 20.0;
      day++;
    }
  return f;
}

AlvhCondor
test_eval_condor (AlvhMarketFrame *f,
                  gint64           id,
                  double           short_put,
                  double           short_call,
                  double           credit,
                  double           units)
{
  AlvhCondor c = { 0 };

  c.id = id;
  c.short_put = short_put;
  c.long_put = short_put - 50;
  c.short_call = short_call;
  c.long_call = short_call + 50;
  c.expiry = alvh_friday_on_or_after (f->time[0], 150);
  c.units = units;
  c.credit = credit;
  c.opened = f->time[0];
  return c;
}

AlvhLeg
test_eval_leg (gint64 id,
               guint  layer,
               gint64 open_time,
               gint64 expiry)
{
  AlvhLeg leg = { 0 };

  leg.id = id;
  leg.condor_id = 1;
  leg.kind = ALVH_LEG_VIX_CALL_SPREAD;
  leg.long_strike = 22;
  leg.short_strike = 27;
  leg.expiry = expiry;
  leg.quantity = layer;
  leg.premium = 1.0;
  leg.layer = layer;
  leg.opened = open_time;
  return leg;
}

void
test_eval_wave (AlvhMarketFrame *f)
{
  for (gsize k = 0; k < f->n; k++)
    {
      f->close[k] = 4000.0 * (1.0 + 0.01 * sin ((double) k));
      f->vix[k] = 20.0 * (1.0 - 0.05 * sin ((double) k));
    }
}

AlvhDecision
test_eval_decide (AlvhMarketFrame *f,
                  AlvhBook        *book,
                  GPtrArray       *events,
                  AlvhProfile     *profile,
                  gsize            i)
{
  g_autoptr(AlvhProfile) def = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, profile != NULL ? profile : def, events);
  AlvhDecision d;

  alvh_evaluator_evaluate (ev, i, book, &d);
  return d;
}
