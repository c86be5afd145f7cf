/* alvh-leg-preview.h — the proposed leg previewed before it is booked
 *
 * On the Evaluator page: the book's payoff (today and at the first condor
 * expiry) and its scenario grid (SPX -10 % .. +5 % x VIX -20 % .. +150 %)
 * without the proposed leg, with it, or the change it makes, and the hedge
 * coverage at SPX -1/-2/-3 SD without and with it.  Every figure is the one
 * valuation of the book (alvh_book_payoff(), alvh-scenario.h), so the book
 * with the leg is what the Positions page shows once the leg is booked.
 */
#pragma once

#include <adwaita.h>

#include "alvh-core.h"

G_BEGIN_DECLS

typedef enum
{
  ALVH_LEG_PREVIEW_WITHOUT,  /* the book as it stands */
  ALVH_LEG_PREVIEW_WITH,     /* the book with the proposed leg */
  ALVH_LEG_PREVIEW_CHANGE,   /* with minus without: what the leg adds */
} AlvhLegPreviewMode;

#define ALVH_TYPE_LEG_PREVIEW (alvh_leg_preview_get_type ())
G_DECLARE_FINAL_TYPE (AlvhLegPreview, alvh_leg_preview, ALVH, LEG_PREVIEW, GtkBox)

/**
 * alvh_leg_preview_new:
 *
 * Returns: (transfer full): a new preview (template
 *   ui/pages/evaluator/alvh-leg-preview.ui), empty until alvh_leg_preview_set()
 */
GtkWidget          *alvh_leg_preview_new       (void);

/**
 * alvh_leg_preview_set:
 * @self: the preview
 * @book: (nullable): the book the decision evaluated, its SPX puts and VIX
 *   puts included (alvh_book_get_other_leg())
 * @leg: (nullable): the proposed leg, its quantity the decision's size
 * @market: (nullable): the market it is valued in
 *
 * Values the book without and with @leg; with any argument %NULL the
 * preview says there is nothing to preview.
 */
void                alvh_leg_preview_set       (AlvhLegPreview        *self,
                                                AlvhBook              *book,
                                                const AlvhLeg         *leg,
                                                const AlvhMarketState *market);

void                alvh_leg_preview_set_mode  (AlvhLegPreview        *self,
                                                AlvhLegPreviewMode     mode);
AlvhLegPreviewMode  alvh_leg_preview_get_mode  (AlvhLegPreview        *self);

/**
 * alvh_leg_preview_get_cell:
 * @self: the preview
 * @mode: without, with or the change
 * @row: a VIX move's row of the grid (alvh_scenario_default_vix_moves)
 * @column: an SPX move's column (alvh_scenario_default_spx_moves)
 * @out: (out): the book's P&L there, dollars
 *
 * Returns: %FALSE when there is nothing previewed
 */
gboolean            alvh_leg_preview_get_cell  (AlvhLegPreview        *self,
                                                AlvhLegPreviewMode     mode,
                                                guint                  row,
                                                guint                  column,
                                                double                *out);

/**
 * alvh_leg_preview_get_book_with_leg:
 * @self: the preview
 *
 * Returns: (transfer none) (nullable): the book with the proposed leg
 */
AlvhBook           *alvh_leg_preview_get_book_with_leg (AlvhLegPreview *self);

G_END_DECLS
