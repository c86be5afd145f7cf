/* alvh-replay-trade-item.c — one replay trade as a row of the trade table */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-core.h"
#include "alvh-form.h"
#include "alvh-replay-trade-item.h"

struct _AlvhReplayTradeItem
{
  GObject          parent_instance;
  AlvhReplayTrade  trade;
  guint            index;
};

G_DEFINE_FINAL_TYPE (AlvhReplayTradeItem, alvh_replay_trade_item, G_TYPE_OBJECT)

static void
alvh_replay_trade_item_class_init (AlvhReplayTradeItemClass *klass)
{
}

static void
alvh_replay_trade_item_init (AlvhReplayTradeItem *self)
{
}

AlvhReplayTradeItem *
alvh_replay_trade_item_new (const AlvhReplayTrade *trade,
                            guint                  index)
{
  AlvhReplayTradeItem *self = g_object_new (ALVH_TYPE_REPLAY_TRADE_ITEM, NULL);

  self->trade = *trade;
  self->index = index;
  return self;
}

const AlvhReplayTrade *
alvh_replay_trade_item_get_trade (AlvhReplayTradeItem *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_TRADE_ITEM (self), NULL);
  return &self->trade;
}

guint
alvh_replay_trade_item_get_index (AlvhReplayTradeItem *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_TRADE_ITEM (self), 0);
  return self->index;
}

gint64
alvh_replay_trade_item_get_open (AlvhReplayTradeItem *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_TRADE_ITEM (self), 0);
  return self->trade.condor.opened;
}

double
alvh_replay_trade_item_get_value (AlvhReplayTradeItem *self,
                                  const char          *column)
{
  const AlvhReplayTrade *t = &self->trade;

  if (g_str_equal (column, "close"))
    return (double) t->close_time;
  if (g_str_equal (column, "condor"))
    return t->condor_pnl;
  if (g_str_equal (column, "hedge"))
    return t->hedge_pnl;
  if (g_str_equal (column, "total"))
    return t->condor_pnl + t->hedge_pnl;
  if (g_str_equal (column, "cost"))
    return t->hedge_cost;
  if (g_str_equal (column, "layers"))
    return t->n_layers;
  if (g_str_equal (column, "strikes"))
    return t->condor.short_put;
  return (double) t->condor.opened;
}

char *
alvh_replay_trade_item_dup_text (AlvhReplayTradeItem *self,
                                 const char          *column)
{
  const AlvhReplayTrade *t;

  g_return_val_if_fail (ALVH_IS_REPLAY_TRADE_ITEM (self), NULL);
  t = &self->trade;
  if (g_str_equal (column, "open"))
    return alvh_time_format_ny_date (t->condor.opened);
  if (g_str_equal (column, "close"))
    return t->close_time != 0 ? alvh_time_format_ny_date (t->close_time) : g_strdup (_("open"));
  if (g_str_equal (column, "strikes"))
    return g_strdup_printf ("%.0f/%.0f \u2013 %.0f/%.0f", t->condor.long_put, t->condor.short_put,
                            t->condor.short_call, t->condor.long_call);
  if (g_str_equal (column, "condor"))
    return alvh_format_money (t->condor_pnl, ALVH_MONEY_WHOLE);
  if (g_str_equal (column, "hedge"))
    return t->n_layers > 0 ? alvh_format_money (t->hedge_pnl, ALVH_MONEY_WHOLE) : g_strdup ("\u2013");
  if (g_str_equal (column, "total"))
    return alvh_format_money (t->condor_pnl + t->hedge_pnl, ALVH_MONEY_WHOLE);
  if (g_str_equal (column, "cost"))
    return t->n_layers > 0 ? alvh_format_money (t->hedge_cost, ALVH_MONEY_WHOLE) : g_strdup ("\u2013");
  if (g_str_equal (column, "layers"))
    return g_strdup_printf ("%u", t->n_layers);
  return g_strdup ("");
}
