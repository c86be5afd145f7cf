/* alvh-positions-page.h — the Positions page: the active account's book */
#pragma once

#include <adwaita.h>

#include "alvh-session.h"

G_BEGIN_DECLS

#define ALVH_TYPE_POSITIONS_PAGE (alvh_positions_page_get_type ())

G_DECLARE_FINAL_TYPE (AlvhPositionsPage, alvh_positions_page, ALVH, POSITIONS_PAGE, AdwBin)

GtkWidget *alvh_positions_page_new              (AlvhSession       *session);
void       alvh_positions_page_refresh          (AlvhPositionsPage *self);
/* Opens the entry dialog for a new condor / leg and returns it (borrowed). */
GtkWidget *alvh_positions_page_add_condor       (AlvhPositionsPage *self);
GtkWidget *alvh_positions_page_add_leg          (AlvhPositionsPage *self);
/* Number of condor / leg rows shown. */
guint      alvh_positions_page_get_n_condor_rows (AlvhPositionsPage *self);
guint      alvh_positions_page_get_n_leg_rows    (AlvhPositionsPage *self);

AlvhSession        *alvh_positions_page_get_session      (AlvhPositionsPage *self);

G_END_DECLS
