/* alvh-journal-adherence.h — what the Journal page says of a decision's and a leg's adherence
 *
 * The words for alvh-reconcile.h's labels, read from the context's journal.
 */
#pragma once

#include "alvh-context.h"

G_BEGIN_DECLS

/**
 * alvh_journal_adherence_append_status:
 * @context: the context
 * @decision: a recorded decision
 * @leg_id: the entry's leg (0 = none)
 * @out: the text to append " · STATUS" to
 *
 * Appends the decision's real status (followed, deviated, skipped, pending,
 * hold, blocked), and how @leg_id differs when it deviated.
 */
void      alvh_journal_adherence_append_status (AlvhContext        *context,
                                                const AlvhDecision *decision,
                                                gint64              leg_id,
                                                GString            *out);

/**
 * alvh_journal_adherence_leg_unprompted:
 * @context: the context
 * @leg_id: a leg
 *
 * Returns: whether no ADD decision proposed @leg_id
 */
gboolean  alvh_journal_adherence_leg_unprompted (AlvhContext       *context,
                                                 gint64             leg_id);

G_END_DECLS
