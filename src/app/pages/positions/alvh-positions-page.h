/* alvh-positions-page.h — the Positions page: the active account's book */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"
#include "alvh-page.h"

G_BEGIN_DECLS

#define ALVH_TYPE_POSITIONS_PAGE (alvh_positions_page_get_type ())

G_DECLARE_FINAL_TYPE (AlvhPositionsPage, alvh_positions_page, ALVH, POSITIONS_PAGE, AlvhPage)

/**
 * alvh_positions_page_new:
 * @context: the app's context
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *alvh_positions_page_new              (AlvhContext       *context);
void       alvh_positions_page_refresh          (AlvhPositionsPage *self);
/**
 * alvh_positions_page_add_condor:
 * @self: the positions page
 *
 * Opens the entry dialog for a new condor / leg and returns it (borrowed).
 *
 * Returns: (transfer none): the new condor's dialog, shown
 */
GtkWidget *alvh_positions_page_add_condor       (AlvhPositionsPage *self);
/**
 * alvh_positions_page_add_leg:
 * @self: the positions page
 *
 * Returns: (transfer none): the new leg's dialog, shown
 */
GtkWidget *alvh_positions_page_add_leg          (AlvhPositionsPage *self);
/* Number of condor / leg rows shown. */
guint      alvh_positions_page_get_n_condor_rows (AlvhPositionsPage *self);
guint      alvh_positions_page_get_n_leg_rows    (AlvhPositionsPage *self);

/**
 * alvh_positions_page_get_context:
 * @self: the positions page
 *
 * Returns: (transfer none): the page's context
 */
AlvhContext        *alvh_positions_page_get_context      (AlvhPositionsPage *self);

double             alvh_positions_page_get_marked_pnl (AlvhPositionsPage *self);
void               alvh_positions_page_get_ledger_pnl (AlvhPositionsPage *self,
                                                       AlvhLedgerPnl     *out);

G_END_DECLS
