/* test-demo-book.h — a demo book for the UI tests and the screenshot driver
 * (header-only, like test-ui-util.h): an iron condor opened 20 bars before the
 * last bar and the first hedge leg the evaluator proposes for it (with its
 * signals), booked through the context into its data directory.  Does nothing
 * when a condor is open. */
#pragma once

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-evaluator.h"
#include "alvh-context.h"

static inline void
test_demo_book_position (AlvhContext *context)
{
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(AlvhCondor) jc = NULL;
  g_autoptr(GError) error = NULL;
  AlvhProfile *profile = alvh_profile_service_get_profile (alvh_context_get_profiles (context));
  GPtrArray *open = alvh_book_service_get_condors (alvh_context_get_book (context));
  AlvhMarketState m;
  AlvhCondor c = { 0 };
  gsize i0;
  gint64 condor_id;
  gboolean booked = FALSE;

  if (open != NULL && open->len > 0)
    return;
  frame = alvh_market_frame_new_join (alvh_market_service_get_series (alvh_context_get_market (context), "SPX"),
                                      alvh_market_service_get_series (alvh_context_get_market (context), "VIX"),
                                      alvh_market_service_get_series (alvh_context_get_market (context), "VX"),
                                      alvh_market_service_get_series (alvh_context_get_market (context), "VVIX"),
                                      alvh_market_service_get_series (alvh_context_get_market (context), "BREADTH"),
                                      G_MININT64, G_MAXINT64);
  if (frame == NULL || frame->n < 100)
    return;
  ev = alvh_evaluator_new (frame, profile, NULL);
  i0 = frame->n - 21;
  alvh_evaluator_market_state (ev, i0, &m);

  c.short_put = floor (m.spx * 0.95 / 5.0) * 5.0;
  c.short_call = ceil (m.spx * 1.04 / 5.0) * 5.0;
  c.long_put = c.short_put - 50.0;
  c.long_call = c.short_call + 50.0;
  c.expiry = alvh_friday_on_or_after (frame->time[i0], 45);
  c.units = 2;
  c.opened = frame->time[i0] + 15 * 3600;
  c.credit = round (alvh_condor_value (&c, m.spx, (double) (c.expiry - frame->time[i0]) / 86400.0 / 365.0,
                                       m.iv, m.rate, m.div_yield) * 20.0) / 20.0;
  c.account_id = alvh_book_service_get_account_id (alvh_context_get_book (context));
  c.close_price = NAN;
  jc = alvh_condor_copy (&c);
  condor_id = alvh_book_service_add_condor (alvh_context_get_book (context), jc, &error);
  if (condor_id <= 0)
    {
      g_warning ("Cannot book the demo condor: %s", error->message);
      return;
    }

  /* the first ADD of the rules after the open, booked with its signals */
  for (gsize i = i0 + 1; i < frame->n && !booked; i++)
    {
      AlvhBook *book = alvh_book_service_get_book (alvh_context_get_book (context));
      AlvhDecision d;

      alvh_evaluator_evaluate (ev, i, book, &d);
      if (d.action == ALVH_ACTION_ADD && d.has_leg)
        {
          /* booked as a trader would have that afternoon: the leg's fill and
           * its journal entry dated the day the rules said ADD, not today */
          gint64 today = alvh_time_set_now (frame->time[i] + 15 * 3600);
          gint64 leg_id = alvh_decision_service_add_leg_from_decision (alvh_context_get_decisions (context), &d, d.leg.premium, d.size,
                                                              _("Demo: the rules proposed this layer"),
                                                              NULL, &error);

          alvh_time_set_now (today);
          if (leg_id <= 0)
            break;
          /* the pages marked the book when it changed, at that afternoon:
           * once more at today */
          alvh_book_service_changed (alvh_context_get_book (context));
          booked = TRUE;
        }
    }
  if (!booked)
    {
      /* no ADD in the window: a manual first layer 10 bars before the end */
      g_autoptr(AlvhLeg) leg = alvh_leg_new ();
      gsize i = frame->n - 11;

      g_clear_error (&error);
      leg->condor_id = condor_id;
      leg->kind = ALVH_LEG_VIX_CALL_SPREAD;
      leg->long_strike = ceil (frame->vix[i] * 1.10);
      leg->short_strike = leg->long_strike + 5.0;
      leg->expiry = alvh_vix_expiry_first_after (frame->time[i], 30);
      leg->quantity = 2;
      leg->premium = 1.20;
      leg->layer = 1;
      leg->opened = frame->time[i] + 15 * 3600;
      leg->manual = TRUE;
      if (alvh_book_service_add_leg (alvh_context_get_book (context), leg, &error) <= 0)
        g_warning ("Cannot book the demo hedge leg: %s", error->message);
    }
}
