/* alvh-evaluator-page.h — the Evaluator page: the decision for the latest bar */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"
#include "alvh-page.h"

G_BEGIN_DECLS

#define ALVH_TYPE_EVALUATOR_PAGE (alvh_evaluator_page_get_type ())

G_DECLARE_FINAL_TYPE (AlvhEvaluatorPage, alvh_evaluator_page, ALVH, EVALUATOR_PAGE, AlvhPage)

GtkWidget          *alvh_evaluator_page_new           (AlvhContext       *context);
/* Evaluates the latest bar again. */
void                alvh_evaluator_page_refresh       (AlvhEvaluatorPage *self);
/* The decision shown, or NULL without market data. */
const AlvhDecision *alvh_evaluator_page_get_decision  (AlvhEvaluatorPage *self);
/* The book the decision evaluated (as of its time), or NULL. */
AlvhBook           *alvh_evaluator_page_get_book      (AlvhEvaluatorPage *self);
/* Evaluates as of @at (Unix seconds; a date's close for a date), 0 = the latest bar. */
void                alvh_evaluator_page_set_as_of     (AlvhEvaluatorPage *self,
                                                       gint64             at);
/* The preview of the proposed leg (an AlvhLegPreview; hidden without one). */
GtkWidget          *alvh_evaluator_page_get_preview   (AlvhEvaluatorPage *self);
/* Number of rows in the signal table. */
guint               alvh_evaluator_page_get_n_signal_rows (AlvhEvaluatorPage *self);
/* Open the confirm / skip / events dialogs; return them (borrowed). */
GtkWidget          *alvh_evaluator_page_add_leg       (AlvhEvaluatorPage *self);
GtkWidget          *alvh_evaluator_page_skip          (AlvhEvaluatorPage *self);
GtkWidget          *alvh_evaluator_page_show_events   (AlvhEvaluatorPage *self);
/* Text of a signal's value / threshold cell as the table shows it ("n/a" for n/a). */
char               *alvh_evaluator_format_value       (const AlvhSignal  *signal);
char               *alvh_evaluator_format_threshold   (const AlvhSignal  *signal);

G_END_DECLS
