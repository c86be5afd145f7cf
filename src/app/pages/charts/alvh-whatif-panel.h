/* alvh-whatif-panel.h — the what-if under the payoff graph
 *
 * A date slider (today to the last expiry), an SPX vol shift, a VIX shift
 * or "VIX follows SPX by the fitted beta", the scenario grid as a heat map,
 * the probabilities (lognormal, stated as such) and each position's P&L and
 * greeks (the book's SPX puts and VIX puts included).  Everything is
 * computed by alvh-scenario.h on the book and market it is given.
 */
#pragma once

#include <gtk/gtk.h>

#include "alvh-core.h"

G_BEGIN_DECLS

#define ALVH_TYPE_WHATIF_PANEL (alvh_whatif_panel_get_type ())
G_DECLARE_FINAL_TYPE (AlvhWhatifPanel, alvh_whatif_panel, ALVH, WHATIF_PANEL, GtkBox)

/**
 * alvh_whatif_panel_new:
 *
 * Returns: (transfer full): a new panel; its "changed" signal says the
 *   scenario moved (read the curve with alvh_whatif_panel_curve())
 */
GtkWidget *alvh_whatif_panel_new        (void);

/**
 * alvh_whatif_panel_set_book:
 * @self: the panel
 * @book: (nullable): the book (a reference is taken)
 * @market: (nullable): the market now
 */
void       alvh_whatif_panel_set_book   (AlvhWhatifPanel       *self,
                                         AlvhBook              *book,
                                         const AlvhMarketState *market);

/**
 * alvh_whatif_panel_get_greeks_text:
 * @self: the panel
 *
 * Returns: (transfer none): the positions' P&L and greeks as shown, one line each
 */
const char *alvh_whatif_panel_get_greeks_text (AlvhWhatifPanel *self);

/**
 * alvh_whatif_panel_curve:
 * @self: the panel
 * @spx: (array length=n): SPX levels
 * @n: how many
 * @pnl: (out caller-allocates) (array length=n): the book's P&L at the scenario
 *
 * Returns: %FALSE when there is no book to value
 */
gboolean   alvh_whatif_panel_curve      (AlvhWhatifPanel       *self,
                                         const double          *spx,
                                         gsize                  n,
                                         double                *pnl);

G_END_DECLS
