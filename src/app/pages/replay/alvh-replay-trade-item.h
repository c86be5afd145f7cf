/* alvh-replay-trade-item.h — one replay trade as a row of the trade table */
#pragma once

#include <glib-object.h>

#include "alvh-replay.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_TRADE_ITEM (alvh_replay_trade_item_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplayTradeItem, alvh_replay_trade_item, ALVH, REPLAY_TRADE_ITEM, GObject)

AlvhReplayTradeItem   *alvh_replay_trade_item_new        (const AlvhReplayTrade *trade,
                                                          guint                  index);
const AlvhReplayTrade *alvh_replay_trade_item_get_trade  (AlvhReplayTradeItem   *self);
guint                  alvh_replay_trade_item_get_index  (AlvhReplayTradeItem   *self);
gint64                 alvh_replay_trade_item_get_open   (AlvhReplayTradeItem   *self);
/* "open", "close", "strikes", "condor", "hedge", "total", "cost", "layers" */
char                  *alvh_replay_trade_item_dup_text   (AlvhReplayTradeItem   *self,
                                                          const char            *column);
/* The value a column sorts by. */
double                 alvh_replay_trade_item_get_value  (AlvhReplayTradeItem   *self,
                                                          const char            *column);

G_END_DECLS
