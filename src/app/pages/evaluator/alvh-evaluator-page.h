/* alvh-evaluator-page.h — the Evaluator page: the decision for the latest bar */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"
#include "alvh-page.h"

G_BEGIN_DECLS

#define ALVH_TYPE_EVALUATOR_PAGE (alvh_evaluator_page_get_type ())

G_DECLARE_FINAL_TYPE (AlvhEvaluatorPage, alvh_evaluator_page, ALVH, EVALUATOR_PAGE, AlvhPage)

/**
 * alvh_evaluator_page_new:
 * @context: the app's context
 *
 * Returns: (transfer floating): the page
 */
GtkWidget          *alvh_evaluator_page_new           (AlvhContext       *context);
/* Evaluates the latest bar again. */
void                alvh_evaluator_page_refresh       (AlvhEvaluatorPage *self);
/**
 * alvh_evaluator_page_get_decision:
 * @self: the evaluator page
 *
 * Returns: (transfer none) (nullable): the decision shown, or %NULL
 *   without market data
 */
const AlvhDecision *alvh_evaluator_page_get_decision  (AlvhEvaluatorPage *self);
/**
 * alvh_evaluator_page_get_book:
 * @self: the evaluator page
 *
 * The book the decision evaluated (as of its time), or NULL.
 *
 * Returns: (transfer none) (nullable): the book the decision was evaluated
 *   on
 */
AlvhBook           *alvh_evaluator_page_get_book      (AlvhEvaluatorPage *self);
/* Evaluates as of @at (Unix seconds; a date's close for a date), 0 = the latest bar. */
void                alvh_evaluator_page_set_as_of     (AlvhEvaluatorPage *self,
                                                       gint64             at);
/* The preview of the proposed leg (an AlvhLegPreview; hidden without one). */
GtkWidget          *alvh_evaluator_page_get_preview   (AlvhEvaluatorPage *self);
/* Number of rows in the signal table. */
guint               alvh_evaluator_page_get_n_signal_rows (AlvhEvaluatorPage *self);
/**
 * alvh_evaluator_page_add_leg:
 * @self: the evaluator page
 *
 * Opens the dialog that adds the proposed leg, as the Add Leg button does.
 *
 * Returns: (transfer none) (nullable): the confirmation dialog shown, or
 *   %NULL when no leg is proposed
 */
GtkWidget          *alvh_evaluator_page_add_leg       (AlvhEvaluatorPage *self);
/**
 * alvh_evaluator_page_skip:
 * @self: the evaluator page
 *
 * Returns: (transfer none) (nullable): the dialog asking for the reason, or
 *   %NULL without a decision
 */
GtkWidget          *alvh_evaluator_page_skip          (AlvhEvaluatorPage *self);
/**
 * alvh_evaluator_page_show_events:
 * @self: the evaluator page
 *
 * Returns: (transfer none): the events dialog shown
 */
GtkWidget          *alvh_evaluator_page_show_events   (AlvhEvaluatorPage *self);
/**
 * alvh_evaluator_format_value:
 * @signal: a signal of a decision
 *
 * Text of a signal's value / threshold cell as the table shows it ("n/a" for
 * n/a).
 *
 * Returns: (transfer full): the signal's value as the page shows it ("n/a"
 *   when unavailable)
 */
char               *alvh_evaluator_format_value       (const AlvhSignal  *signal);
/**
 * alvh_evaluator_format_threshold:
 * @signal: a signal of a decision
 *
 * Returns: (transfer full): the signal's threshold as the page shows it
 */
char               *alvh_evaluator_format_threshold   (const AlvhSignal  *signal);

G_END_DECLS
