/* alvh-replay-trade-item.h — one replay trade as a row of the trade table */
#pragma once

#include <glib-object.h>

#include "alvh-replay.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_TRADE_ITEM (alvh_replay_trade_item_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplayTradeItem, alvh_replay_trade_item, ALVH, REPLAY_TRADE_ITEM, GObject)

/**
 * alvh_replay_trade_item_new:
 * @trade: the trade (copied)
 * @index: a bar of the chart
 *
 * Returns: (transfer full): the list item (a copy of @trade)
 */
AlvhReplayTradeItem   *alvh_replay_trade_item_new        (const AlvhReplayTrade *trade,
                                                          guint                  index);
/**
 * alvh_replay_trade_item_get_trade:
 * @self: the replay trade item
 *
 * Returns: (transfer none): the item's trade
 */
const AlvhReplayTrade *alvh_replay_trade_item_get_trade  (AlvhReplayTradeItem   *self);
guint                  alvh_replay_trade_item_get_index  (AlvhReplayTradeItem   *self);
gint64                 alvh_replay_trade_item_get_open   (AlvhReplayTradeItem   *self);
/**
 * alvh_replay_trade_item_dup_text:
 * @self: the replay trade item
 * @column: a column's name
 *
 * "open", "close", "strikes", "condor", "hedge", "total", "cost", "layers"
 *
 * Returns: (transfer full): the column's text ("" for an unknown column)
 */
char                  *alvh_replay_trade_item_dup_text   (AlvhReplayTradeItem   *self,
                                                          const char            *column);
/* The value a column sorts by. */
double                 alvh_replay_trade_item_get_value  (AlvhReplayTradeItem   *self,
                                                          const char            *column);

G_END_DECLS
