/* alvh-market-service.h — the market data the pages show
 *
 * One slice of the app's state: the series by symbol (SPX, VIX, VX, VVIX,
 * BREADTH) and the market store (market.sqlite in the data directory) they
 * are loaded from, imported into and stored in (the demo data set).
 * ::changed is emitted when series were loaded, imported or replaced.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-core.h"

G_BEGIN_DECLS

#define ALVH_TYPE_MARKET_SERVICE (alvh_market_service_get_type ())

G_DECLARE_FINAL_TYPE (AlvhMarketService, alvh_market_service, ALVH, MARKET_SERVICE, GObject)

AlvhMarketService *alvh_market_service_new                (const char          *data_dir);
AlvhSeries        *alvh_market_service_get_series         (AlvhMarketService   *self,
                                                           const char          *symbol);
void               alvh_market_service_set_series         (AlvhMarketService   *self,
                                                           const char          *symbol,
                                                           AlvhSeries          *series);
gboolean           alvh_market_service_has_market         (AlvhMarketService   *self);
AlvhChainSet      *alvh_market_service_get_chains         (AlvhMarketService   *self);
void               alvh_market_service_changed            (AlvhMarketService   *self);
void               alvh_market_service_load_demo          (AlvhMarketService   *self);
gboolean           alvh_market_service_is_busy            (AlvhMarketService   *self);
gboolean           alvh_market_service_load_stored_market (AlvhMarketService   *self,
                                                           GError             **error);
void               alvh_market_service_import_async       (AlvhMarketService   *self,
                                                           const char * const  *paths,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
char              *alvh_market_service_import_finish      (AlvhMarketService   *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
