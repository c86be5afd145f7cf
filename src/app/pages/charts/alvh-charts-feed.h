/* alvh-charts-feed.h — feeds the Charts page from the context
 *
 * Listens to the context's slices (market, book, journal, profile, events;
 * see alvh_context_connect()) and gives the Charts page, which owns it, what it draws
 * besides the prices: the open condors' strikes (with their +/- 0.65 SD
 * bands) and the book's break-evens, a marker per open hedge leg (tooltip:
 * the leg and the signals that triggered it), shading where iv_expansion
 * fired, the book's greeks per bar and the payoff graph.  The evaluator runs
 * in a GTask thread; the results replace the page's overlays at once.
 */
#pragma once

#include "alvh-charts-page.h"
#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CHARTS_FEED (alvh_charts_feed_get_type ())
G_DECLARE_FINAL_TYPE (AlvhChartsFeed, alvh_charts_feed, ALVH, CHARTS_FEED, GObject)

/**
 * alvh_charts_feed_new:
 * @page: the Charts page it feeds
 *
 * Feeds @page from its context (which it must have).
 *
 * Returns: (transfer full): the feed of @page
 */
AlvhChartsFeed *alvh_charts_feed_new      (AlvhChartsPage *page);
/* Schedules an update (coalesced in an idle). */
void            alvh_charts_feed_queue    (AlvhChartsFeed *self);
/* TRUE while an update is scheduled or computing. */
gboolean        alvh_charts_feed_is_busy  (AlvhChartsFeed *self);
/* How many updates were applied to the page so far. */
guint           alvh_charts_feed_get_n_updates (AlvhChartsFeed *self);
/* Stops listening and cancels the running update. */
void            alvh_charts_feed_shutdown (AlvhChartsFeed *self);

G_END_DECLS
